from __future__ import annotations

import pytest

from glossary.errors import InputError
from glossary.readers import pair

from .helpers import DATA, locate, read


def test_aligned_lines_pair_source_and_target():
    src_path, src = read("pair/source.zh.txt")
    path, text = read("pair/target.en.txt")
    doc = pair.parse_aligned(src_path, src, path, text)
    assert [s.unit_id for s in doc.segments] == ["1", "2", "4"]
    assert doc.segments[1].source_text == "推动构建人类命运共同体，一带一路是其实践平台。"
    assert {(s.lang, s.source_lang) for s in doc.segments} == {("en", "zh")}
    assert locate(doc, doc.segments[2], "Belt and Road Initiative") == (4, 21, "Belt and Road Initiative")


def test_aligned_files_must_have_the_same_lines():
    src_path, src = read("pair/source.zh.txt")
    path, text = read("pair/target.en.txt")
    with pytest.raises(InputError, match=r"4 lines, but the source .* has 3"):
        pair.parse_aligned(src_path, src.rsplit("\n", 2)[0] + "\n", path, text)
    shifted = text.replace("\n\n", "\nextra\n")
    with pytest.raises(InputError) as info:
        pair.parse_aligned(src_path, src, path, shifted)
    assert (info.value.line, info.value.message) == (3, "line is blank in the source only (aligned files need one line per segment)")


def test_csv_header_names_languages_and_cells_map_to_the_file():
    doc = pair.parse(*read("pair/glossary.csv"))
    assert [s.text for s in doc.segments] == [
        "One Belt, One Road",
        'community of common destiny, or "community with a shared future"',
        "Five Principles",
        "The OBOR\n(a line break inside a cell)",
    ]
    assert {(s.lang, s.source_lang) for s in doc.segments} == {("en", "zh")}
    assert doc.segments[0].source_text == "一带一路"
    assert locate(doc, doc.segments[1], '"community with') == (3, 42, '""community with')
    assert locate(doc, doc.segments[3], "OBOR") == (5, 13, "OBOR")


def test_tsv_without_header_guesses_languages_from_the_script():
    doc = pair.parse(*read("pair/terms.tsv"))
    assert [s.text for s in doc.segments] == ["One Belt, One Road", "community of common destiny"]
    assert {(s.lang, s.source_lang) for s in doc.segments} == {("en", "zh")}
    assert locate(doc, doc.segments[1], "common") == (2, 22, "common")


BAD = sorted((DATA / "bad" / "csv").glob("*.csv"))


@pytest.mark.parametrize("path", BAD, ids=[p.stem for p in BAD])
def test_bad_csv_is_one_error_with_a_position(path):
    expected = path.with_suffix(".expected").read_text(encoding="utf-8").strip()
    with pytest.raises(InputError) as info:
        pair.parse(str(path), path.read_text(encoding="utf-8"))
    error = info.value
    assert f"{error.line}:{error.column}: {error.message}" == expected


def test_a_table_without_a_header_is_guessed_cell_by_cell() -> None:
    """Issue 12, point 1: an English and a Russian translation in one table are each checked in their language."""
    from glossary.checks import check_document
    from glossary.readers import load as read
    from glossary.termbase import load as load_tb

    table = '一带一路,"The One Belt, One Road plan"\n一带一路,"Лозунг «Один пояс и один путь» звучал."\n'
    document = read("cells.csv", table.encode("utf-8"))
    assert [s.lang for s in document.segments] == ["en", "ru"]
    assert {s.source_lang for s in document.segments} == {"zh"}
    found = [(f.lang, f.code) for f in check_document(document, load_tb()) if f.code.endswith("-term")]
    assert ("en", "superseded-term") in found and ("ru", "deprecated-term") in found


def test_an_undeclared_line_is_in_the_language_of_most_of_its_letters() -> None:
    # One Latin abbreviation does not make a Russian line English, and a Russian
    # file with no Latin letter at all is read too (no --lang needed).
    src_path, src = read("pair/source.sco.zh.txt")
    path, text = read("pair/target.sco.ru.txt")
    doc = pair.parse_aligned(src_path, src, path, text)
    assert [(s.lang, s.source_lang) for s in doc.segments] == [("ru", "zh"), ("ru", "zh")]
    no_latin = text.replace("SCO", "ШОС")
    assert {s.lang for s in pair.parse_aligned(src_path, src, path, no_latin).segments} == {"ru"}
    assert {s.lang for s in pair.parse_aligned(src_path, src, path, text, lang="en").segments} == {"en"}


def test_an_aligned_file_without_letters_asks_for_its_language() -> None:
    src_path, src = read("pair/source.sco.zh.txt")
    with pytest.raises(InputError, match="cannot tell the target language; pass --lang"):
        pair.parse_aligned(src_path, src, "t.txt", "2025\n\n2035\n")
