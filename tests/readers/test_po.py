from __future__ import annotations

import pytest

from glossary.errors import InputError
from glossary.readers import po

from .helpers import DATA, every_char_maps_back, locate, read

_PO_ESCAPES = {"\\n": "\n", "\\t": "\t", '\\"': '"', "\\\\": "\\", "\\r": "\r"}


def test_segments_are_the_translated_msgstrs_in_file_order():
    path, text = read("po/zh-en.po")
    doc = po.parse(path, text)
    assert [s.text for s in doc.segments] == [
        "Joint work on the One Belt, One Road has borne rich fruit.",
        "Building a community of common destiny must go on, said %(name)s.",
        "Belt and Road Initiative",
        'The initiative and the "OBOR" plan',
        "%d One Belt, One Road project",
        "%d OBOR projects",
        "The Belt and Road, and again the\tBRI 一带一路.",
    ]
    assert doc.format == "po"
    assert {s.lang for s in doc.segments} == {"en"}
    assert {s.source_lang for s in doc.segments} == {"zh"}


def test_source_is_msgid_and_msgid_plural_for_plural_forms():
    doc = po.parse(*read("po/zh-en.po"))
    plural = [s for s in doc.segments if s.text.startswith("%d")]
    assert [s.source_text for s in plural] == ["%d 个一带一路项目", "%d 个一带一路项目"]
    assert doc.segments[0].source_text == "共建一带一路取得丰硕成果。"


def test_positions_are_on_the_msgstr_line_not_the_entry_start():
    doc = po.parse(*read("po/zh-en.po"))
    assert locate(doc, doc.segments[0], "One Belt, One Road") == (22, 27, "One Belt, One Road")


def test_multiline_msgstr_maps_each_continuation_line():
    doc = po.parse(*read("po/zh-en.po"))
    seg = doc.segments[1]
    assert locate(doc, seg, "community of common destiny") == (29, 13, "community of common destiny")
    assert locate(doc, seg, "said") == (30, 2, "said")
    # a span across the line break covers the closing and opening quotes between
    line, column, original = locate(doc, seg, "go on, said")
    assert (line, column) == (29, 46) and original == 'go on, "\n"said'


def test_escapes_map_to_their_backslash_sequences():
    doc = po.parse(*read("po/zh-en.po"))
    assert locate(doc, doc.segments[3], '"OBOR"') == (40, 32, '\\"OBOR\\"')
    assert locate(doc, doc.segments[6], "\tBRI") == (50, 41, "\\tBRI")
    every_char_maps_back(doc, lambda s: _PO_ESCAPES.get(s, s))


def test_plural_forms_each_get_their_own_line():
    doc = po.parse(*read("po/zh-en.po"))
    assert locate(doc, doc.segments[4], "One Belt") == (45, 15, "One Belt")
    assert locate(doc, doc.segments[5], "OBOR") == (46, 15, "OBOR")


def test_msgctxt_is_kept_in_the_unit_id():
    doc = po.parse(*read("po/zh-en.po"))
    assert doc.segments[2].unit_id == "headline|一带一路"
    assert doc.segments[0].unit_id == "共建一带一路取得丰硕成果。"


def test_fuzzy_entries_are_checked_and_marked():
    doc = po.parse(*read("po/zh-en.po"))
    assert [s.fuzzy for s in doc.segments] == [False, False, False, True, False, False, False]


def test_obsolete_and_untranslated_entries_are_skipped():
    doc = po.parse(*read("po/zh-en.po"))
    assert not any("old" in s.text for s in doc.segments)
    assert not any(s.source_text == "尚未翻译的句子。" for s in doc.segments)


def test_lang_overrides_the_header():
    doc = po.parse(*read("po/zh-en.po"), lang="en-GB")
    assert {s.lang for s in doc.segments} == {"en"}


def test_pot_template_without_translations_has_no_segments(tmp_path):
    text = 'msgid ""\nmsgstr ""\n"Language: \\n"\n\nmsgid "一带一路"\nmsgstr ""\n'
    assert po.parse("messages.pot", text, lang="en").segments == ()
    assert po.parse("messages.pot", text).segments == ()  # no language needed when nothing is translated


def test_crlf_file_keeps_positions():
    path, text = read("po/zh-en.po")
    doc = po.parse(path, text.replace("\n", "\r\n"))
    line, column, original = locate(doc, doc.segments[0], "One Belt, One Road")
    assert (line, column, original) == (22, 27, "One Belt, One Road")
    line, column, original = locate(doc, doc.segments[1], "go on, said")
    assert original == 'go on, "\r\n"said'


def test_escape_round_trips_through_polib():
    import polib

    value = 'a "quoted"\tBelt\\Road\n'
    catalog = polib.pofile(f'msgid "x"\nmsgstr "{po.escape(value)}"\n')
    assert catalog[0].msgstr == value


def test_sniff_recognises_a_catalog_without_its_extension():
    assert po.sniff(read("po/zh-en.po")[1])
    assert not po.sniff("Just a sentence about msgid handling.\n")


def test_polib_and_msgfmt_agree_the_fixture_is_valid():
    import shutil
    import subprocess

    if shutil.which("msgfmt") is None:
        pytest.skip("GNU gettext not installed")
    result = subprocess.run(["msgfmt", "--check", "-o", "/dev/null", str(DATA / "po/zh-en.po")],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


BAD = sorted((DATA / "bad" / "po").glob("*.po"))


@pytest.mark.parametrize("path", BAD, ids=[p.stem for p in BAD])
def test_bad_po_is_one_error_with_a_position(path):
    expected = path.with_suffix(".expected").read_text(encoding="utf-8").strip()
    with pytest.raises(InputError) as info:
        po.parse(str(path), path.read_text(encoding="utf-8"))
    error = info.value
    assert f"{error.line}:{error.column}: {error.message}" == expected
    assert "\n" not in str(error)
