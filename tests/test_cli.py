from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import pytest
from click.testing import CliRunner

from glossary.cli import main

from .conftest import TERMBASE

TB = ["--no-default", "--termbase", str(TERMBASE)]
DRAFT = "Intro.\nThe One Belt, One Road plan and a community of common destiny.\n"


def run(*args: str, input: str | bytes | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args), input=input, catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def draft(tmp_path: Path) -> Path:
    p = tmp_path / "draft.txt"
    p.write_text(DRAFT, encoding="utf-8")
    return p


def test_check_reports_findings_and_exits_1(draft: Path) -> None:
    code, out, err = run("check", str(draft), *TB)
    assert code == 1
    assert out.splitlines()[0].startswith(f'{draft}:2:5: superseded-term [*] "One Belt, One Road" → "Belt and Road" — ')
    assert len(out.splitlines()) == 2  # one line a finding
    assert "Found 2 findings in 1 file ([*] 2 fixable with `glossary fix`)." in err


def test_show_source_gives_the_line_and_a_caret(draft: Path) -> None:
    code, out, err = run("check", "--show-source", str(draft), *TB)
    assert code == 1
    assert f"{draft}:2:5: superseded-term" in out
    assert '"One Belt, One Road" was officially replaced: use "Belt and Road" [belt-and-road]' in out
    assert "    ^^^^^^^^^^^^^^^^^^" in out
    assert "^ Belt and Road" in out
    assert "Found 2 findings in 1 file ([*] 2 fixable with `glossary fix`)." in err


@pytest.mark.parametrize("settings", [".glossary.toml", "pyproject.toml"])
def test_show_source_setting_and_its_negation(draft: Path, settings: str) -> None:
    table = "show-source = true\n"
    (draft.parent / settings).write_text(table if settings == ".glossary.toml" else "[tool.glossary]\n" + table,
                                         encoding="utf-8")
    _, out, _ = run("check", str(draft), *TB)
    assert "^ Belt and Road" in out
    _, out, _ = run("check", "--no-show-source", str(draft), *TB)
    assert len(out.splitlines()) == 2
    _, out, _ = run("check", "--isolated", str(draft), *TB)
    assert len(out.splitlines()) == 2


def test_show_source_setting_must_be_true_or_false(draft: Path) -> None:
    (draft.parent / ".glossary.toml").write_text('show-source = "yes"\n', encoding="utf-8")
    code, _, err = run("check", str(draft), *TB)
    assert code == 2
    assert '"show-source" must be true or false' in err


def test_check_clean_file_exits_0(tmp_path: Path) -> None:
    p = tmp_path / "ok.txt"
    p.write_text("The Belt and Road Initiative.\n", encoding="utf-8")
    code, out, err = run("check", str(p), *TB)
    assert (code, out) == (0, "")
    assert "No findings in 1 file." in err


def test_exit_zero(draft: Path) -> None:
    assert run("check", "--exit-zero", str(draft), *TB)[0] == 0


def test_json_output_contract(draft: Path) -> None:
    code, out, _ = run("check", "--format", "json", str(draft), *TB)
    doc = json.loads(out)
    assert code == 1 and doc["version"] == 1
    first = doc["findings"][0]
    for key in ("path", "line", "column", "end_line", "end_column", "start", "end", "code", "severity",
                "concept", "found", "suggestion", "message"):
        assert key in first
    assert (first["line"], first["column"], first["end_column"]) == (2, 5, 23)
    assert DRAFT[first["start"]:first["end"]] == first["found"] == "One Belt, One Road"
    assert doc["summary"]["findings"] == 2


def test_stdin(draft: Path) -> None:
    code, out, _ = run("check", "-", "--lang", "en", *TB, input=DRAFT)
    assert code == 1 and "<stdin>:2:5: superseded-term" in out


def test_folder_is_walked_and_binary_files_skipped(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.md").write_text("OBOR\n", encoding="utf-8")
    (tmp_path / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n\0\0\0")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "x.txt").write_text("OBOR\n", encoding="utf-8")
    code, out, _ = run("check", "-q", str(tmp_path), *TB)
    assert code == 1
    assert [line.split(" — ")[0] for line in out.splitlines()] == [
        f"{tmp_path / 'sub' / 'a.md'}:1:1: superseded-term [*] " + '"OBOR" → "BRI"']


def test_fix_rewrites_file_and_exits_1(draft: Path) -> None:
    code, _, err = run("fix", str(draft), *TB)
    assert code == 1
    assert draft.read_text(encoding="utf-8") == \
        "Intro.\nThe Belt and Road plan and a community with a shared future for mankind.\n"
    assert f"Fixed 2 findings in {draft}" in err
    assert run("check", str(draft), *TB)[0] == 0
    assert run("fix", str(draft), *TB)[0] == 0


def test_fix_diff_writes_nothing(draft: Path) -> None:
    code, out, _ = run("fix", "--diff", str(draft), *TB)
    assert code == 1
    assert "-The One Belt, One Road plan" in out and "+The Belt and Road plan" in out
    assert draft.read_text(encoding="utf-8") == DRAFT


def test_fix_keeps_bom_crlf_and_mode(tmp_path: Path) -> None:
    p = tmp_path / "win.txt"
    p.write_bytes(b"\xef\xbb\xbfOBOR here\r\nand there\r\n")
    os.chmod(p, 0o640)
    assert run("fix", str(p), *TB)[0] == 1
    assert p.read_bytes() == b"\xef\xbb\xbfBRI here\r\nand there\r\n"
    assert stat.S_IMODE(p.stat().st_mode) == 0o640


def test_fix_with_encoding_option_keeps_encoding(tmp_path: Path) -> None:
    p = tmp_path / "cp.txt"
    p.write_bytes("Сказано: «Один пояс, один путь».\n".encode("cp1251"))
    assert run("fix", "--encoding", "cp1251", "--lang", "ru", str(p), *TB)[0] == 1
    assert p.read_bytes().decode("cp1251") == "Сказано: «Пояс и путь».\n"


def test_normalize_stdin_to_stdout() -> None:
    code, out, _ = run("normalize", "--lang", "en", *TB, input="Join OBOR now.\n")
    assert (code, out) == (0, "Join BRI now.\n")


def test_terms_lookup_by_rendering_in_any_language() -> None:
    code, out, _ = run("terms", "один путь", *TB)
    assert code == 0
    assert out.startswith("belt-and-road\n")
    assert "superseded One Belt, One Road" in out and "preferred  инициатива «Пояс и путь»" in out
    assert "NDRC" in out


def test_terms_lookup_json_and_miss() -> None:
    code, out, _ = run("terms", "--format", "json", "luban", *TB)
    assert code == 0 and json.loads(out)[0]["id"] == "luban-workshop"
    code, _, err = run("terms", "nothing like it", *TB)
    assert code == 1 and 'No concept matches "nothing like it".' in err


def test_validate_passes_on_test_term_base() -> None:
    code, _, err = run("validate", "--no-default", str(TERMBASE))
    assert code == 0, err
    assert "6 concepts" in err


def test_validate_reports_failing_example(tmp_path: Path) -> None:
    p = tmp_path / "t.yaml"
    p.write_text(
        "concepts:\n  - id: a\n    terms: {en: [{text: plan, status: preferred}, {text: scheme, status: deprecated}]}\n"
        "    examples:\n      - {lang: en, text: the scheme, fixed: the schema}\n", encoding="utf-8")
    code, _, err = run("validate", "--no-default", str(p))
    assert code == 2
    assert f'{p}:5:9: example of "a": fix gives "the plan", expected "the schema"' in err


# ----------------------------------------------------------------- bad input

def assert_one_line_error(code: int, err: str, *needles: str) -> None:
    assert code == 2
    lines = [line for line in err.splitlines() if line]
    assert len(lines) == 1, err
    assert lines[0].startswith("glossary: error: ")
    assert "Traceback" not in err
    for needle in needles:
        assert needle in lines[0]


@pytest.mark.parametrize("body, where", [
    ("- a list, not a mapping\n", "1:1: the term base must be a mapping"),
    ("concepts: [\n", "2:1: invalid YAML"),
])
def test_validate_bad_term_base_is_one_line(tmp_path: Path, body: str, where: str) -> None:
    p = tmp_path / "bad.yaml"
    p.write_text(body, encoding="utf-8")
    code, _, err = run("validate", "--no-default", str(p))
    assert_one_line_error(code, err, f"{p}:{where}")


def test_missing_path(tmp_path: Path) -> None:
    code, _, err = run("check", str(tmp_path / "nope.txt"), *TB)
    assert_one_line_error(code, err, f"{tmp_path / 'nope.txt'}: no such file or directory")


def test_named_binary_file(tmp_path: Path) -> None:
    p = tmp_path / "x.bin"
    p.write_bytes(b"abc\0def")
    code, _, err = run("check", str(p), *TB)
    assert_one_line_error(code, err, f"{p}: is a binary file")


def test_invalid_utf8_names_byte_offset(tmp_path: Path) -> None:
    p = tmp_path / "latin.txt"
    p.write_bytes(b"caf\xe9 OBOR\n")
    code, _, err = run("check", str(p), *TB)
    assert_one_line_error(code, err, f"{p}: cannot decode as UTF-8 at byte 3", "--encoding")


def test_unknown_encoding(tmp_path: Path) -> None:
    p = tmp_path / "a.txt"
    p.write_text("x", encoding="utf-8")
    code, _, err = run("check", "--encoding", "klingon-8", str(p), *TB)
    assert_one_line_error(code, err, 'unknown encoding "klingon-8"')


@pytest.mark.parametrize(
    ("yaml_text", "needle"),
    [
        ("concepts: [\n", ":2:1: invalid YAML"),
        ("concepts:\n  - id: a\n    terms: {en: [{text: A, status: favourite}]}\n", ':3:36: unknown status "favourite"'),
        ("concepts:\n  - id: a\n    terms: {en: [{text: A, status: preferred}]}\n"
         "  - id: b\n    terms: {en: [{text: B, status: preferred}, {text: a, status: deprecated}]}\n", "conflict"),
        ("concepts:\n  - id: a\n    terms: {en: [{text: A, status: preferred}, {text: B, status: deprecated, fix_to: C},"
         " {text: C, status: deprecated}]}\n", "cycle"),
    ],
    ids=["yaml-error", "unknown-status", "conflict", "cycle"],
)
def test_bad_term_base(tmp_path: Path, draft: Path, yaml_text: str, needle: str) -> None:
    tb = tmp_path / "bad.yaml"
    tb.write_text(yaml_text, encoding="utf-8")
    before = draft.read_bytes()
    code, out, err = run("fix", str(draft), "--no-default", "--termbase", str(tb))
    assert_one_line_error(code, err, str(tb), needle)
    assert draft.read_bytes() == before


def test_fix_on_read_only_file_changes_nothing(draft: Path) -> None:
    os.chmod(draft, 0o444)
    try:
        code, _, err = run("fix", str(draft), *TB)
    finally:
        os.chmod(draft, 0o644)
    assert code == 2
    assert f"glossary: error: {draft}: cannot write: the file is read-only" in err
    assert draft.read_text(encoding="utf-8") == DRAFT
    assert sorted(p.name for p in draft.parent.iterdir()) == ["draft.txt"]


def test_error_in_one_file_does_not_stop_the_others(tmp_path: Path, draft: Path) -> None:
    code, out, err = run("check", "-q", str(tmp_path / "missing.txt"), str(draft), *TB)
    assert code == 2
    assert "superseded-term" in out and "no such file" in err


def test_bad_lang_option(draft: Path) -> None:
    code, _, err = run("check", "--lang", "zz-top-x", str(draft), *TB)
    assert_one_line_error(code, err, "--lang")


# ------------------------------------------------------------------ start-up

_IMPORTS_OF_A_RUN = """
import atexit, sys
atexit.register(lambda: print("\\n".join(sorted(sys.modules)), file=open(sys.argv[1], "w", encoding="utf-8")))
from glossary.cli import main
main(sys.argv[2:])
"""


def modules_imported(tmp_path: Path, *args: str) -> set[str]:
    """The modules a real `glossary` process has imported when it exits (warm cache, as usual)."""
    import subprocess
    import sys

    env = {k: v for k, v in os.environ.items()
           if k not in ("GLOSSARY_NO_CACHE", "LANGUAGE", "LC_ALL", "LC_MESSAGES")}
    env.update(GLOSSARY_CACHE_DIR=str(tmp_path / "cache"), NO_COLOR="1", LANG="en_US.UTF-8")  # English: no catalog, no babel
    listing = tmp_path / "modules.txt"
    for _ in range(2):  # the first run fills the cache; the second is the one a user waits for
        done = subprocess.run([sys.executable, "-c", _IMPORTS_OF_A_RUN, str(listing), *args], env=env,
                              capture_output=True, text=True, cwd=tmp_path)
        assert done.returncode in (0, 1), done.stderr
    return set(listing.read_text(encoding="utf-8").split())


def test_an_english_check_imports_no_other_language_reader_or_detector(tmp_path: Path) -> None:
    # Start-up time is most of a small check (issue 2): what English text and a
    # .txt file do not need must stay unimported.
    draft = tmp_path / "draft.txt"
    draft.write_text("The One Belt, One Road initiative and a community of shared destiny.\n", encoding="utf-8")
    loaded = modules_imported(tmp_path, "check", str(draft))
    assert "glossary.checks" in loaded and "glossary.readers.text" in loaded
    unwanted = {
        "glossary.morph.russian", "glossary.morph.hant", "glossary.morph.stems", "glossary.morph.tokens",
        "pymorphy3", "opencc", "babel", "yaml", "lxml", "polib", "ftfy", "tomllib",
        "glossary.readers.po", "glossary.readers.xliff", "glossary.readers.tmx", "glossary.readers.markdown",
        "glossary.readers.pair", "glossary.encoding", "glossary.suppress", "glossary.fix",
    }
    assert loaded & unwanted == set()


def test_a_russian_check_imports_the_russian_layer_and_a_po_file_its_reader(tmp_path: Path) -> None:
    draft = tmp_path / "draft.po"
    draft.write_text('msgid "Belt and Road"\nmsgstr "Один пояс, один путь"\n', encoding="utf-8")
    loaded = modules_imported(tmp_path, "check", "--lang", "ru", str(draft))
    assert {"glossary.morph.russian", "glossary.readers.po"} <= loaded
    assert "glossary.readers.xliff" not in loaded and "glossary.morph.hant" not in loaded


def test_explain_restores_the_note_and_sources(draft: Path) -> None:
    code, short, _ = run("check", str(draft), *TB)
    code, explained, _ = run("check", str(draft), "--explain", *TB)
    assert code == 1
    assert "= suggestion: Belt and Road" in explained and "= note: " in explained
    assert "= suggestion:" not in short and "= note:" not in short
    assert len(short.splitlines()) < len(explained.splitlines())


def test_statistics_count_per_code_and_concept(draft: Path) -> None:
    code, out, _ = run("check", str(draft), "--statistics", *TB)
    assert code == 1
    rows = [line.split() for line in out.splitlines() if not line.startswith("[")]
    assert ["1", "superseded-term", "[*]", "belt-and-road"] in rows
    code, out, _ = run("check", str(draft), "--statistics", "--format", "json", *TB)
    data = json.loads(out)["statistics"]["findings"]
    assert {"code": "superseded-term", "concept": "belt-and-road", "count": 1, "fixable": 1} in data
    assert sum(row["count"] for row in data) == 2
    assert "concepts" not in json.loads(out)["statistics"]  # the per-concept rendering figures need a source


def test_html_format_writes_one_page(draft: Path) -> None:
    code, out, _ = run("check", str(draft), "--format", "html", *TB)
    assert code == 1
    assert out.startswith("<!DOCTYPE html>") and out.rstrip().endswith("</html>")
    assert "One Belt, One Road" in out


def test_explain_command_lists_every_source_of_a_concept() -> None:
    code, out, _ = run("explain", "One Belt, One Road", *TB)
    assert code == 0
    assert out.startswith("belt-and-road\n")
    assert "source [en]: NDRC, Notice on the English name of the Belt and Road, 2015-09-23" in out
    code, out, err = run("explain", "no such concept anywhere", *TB)
    assert code == 1 and "No concept matches" in err


UDMURT_PO = """\
msgid ""
msgstr ""
"Language: udm\\n"
"Content-Type: text/plain; charset=UTF-8\\n"

msgid "One Belt, One Road"
msgstr "Одӥг кушетъя"
"""


def test_a_language_without_terms_is_checked_not_refused(tmp_path: Path) -> None:
    po = tmp_path / "udm.po"
    po.write_text(UDMURT_PO, encoding="utf-8")
    code, out, err = run("check", "--format", "json", str(po), *TB)
    assert code == 0, err
    assert json.loads(out)["summary"]["errors"] == []


@pytest.mark.parametrize("fmt", ["text", "json", "sarif"])
def test_a_folder_walk_reports_each_bad_file_in_one_line_and_goes_on(tmp_path: Path, fmt: str) -> None:
    folder = tmp_path / "po"
    folder.mkdir()
    (folder / "a-udm.po").write_text(UDMURT_PO, encoding="utf-8")
    (folder / "b-english.po").write_text('msgid ""\nmsgstr ""\n"Language: english\\n"\n\nmsgid "a"\nmsgstr "b"\n',
                                        encoding="utf-8")
    (folder / "c-broken.po").write_text('msgid "a\nmsgstr "b"\n', encoding="utf-8")
    (folder / "d-broken.xlf").write_text("<xliff><file><body><trans-unit", encoding="utf-8")
    (folder / "e-gone.txt").symlink_to(tmp_path / "nowhere.txt")
    (folder / "f-draft.txt").write_text(DRAFT, encoding="utf-8")
    code, out, err = run("check", "--format", fmt, str(folder), *TB)
    assert code == 2
    lines = [line for line in err.splitlines() if "error" in line]
    bad = ["b-english.po", "c-broken.po", "d-broken.xlf", "e-gone.txt"]
    assert len(lines) == len(bad)
    for name, line in zip(bad, lines):
        assert str(folder / name) in line
    assert "Traceback" not in err
    if fmt == "json":
        doc = json.loads(out)
        assert [f["code"] for f in doc["findings"]] == ["superseded-term", "deprecated-term"]
        assert doc["summary"]["files"] == 2 and len(doc["summary"]["errors"]) == len(bad)
    elif fmt == "sarif":
        assert len(json.loads(out)["runs"][0]["results"]) == 2
    else:
        assert "f-draft.txt:2:5: superseded-term" in out


# ------------------------------------------------------- exit codes for hooks (issue 12, point 3)

UNUSED = "The Belt and Road Initiative grew. <!-- glossary-disable-line belt-and-road -->\n"
MIXED = "Terrorism, separatism and extremism were named. The three evil forces were named again.\n"


def test_fix_that_changed_nothing_exits_0(tmp_path: Path) -> None:
    p = tmp_path / "note.md"
    p.write_text(UNUSED, encoding="utf-8")
    code, out, _err = run("fix", str(p), *TB)
    assert code == 0 and "unused-suppression" in out
    assert p.read_text(encoding="utf-8") == UNUSED


def test_info_findings_never_fail_unless_asked(tmp_path: Path) -> None:
    p = tmp_path / "note.md"
    p.write_text(UNUSED, encoding="utf-8")
    assert run("check", str(p), *TB)[0] == 0
    assert run("check", str(p), *TB, "--fail-on", "info")[0] == 1


@pytest.mark.parametrize(("fail_on", "expected"), [("error", 0), ("warning", 1), ("info", 1)])
def test_fail_on_chooses_the_severity_that_fails(tmp_path: Path, fail_on: str, expected: int) -> None:
    p = tmp_path / "mixed.txt"
    p.write_text(MIXED, encoding="utf-8")
    assert run("check", str(p), "--fail-on", fail_on)[0] == expected


def test_fail_on_rejects_an_unknown_severity(draft: Path) -> None:
    code, _out, _err = run("check", str(draft), *TB, "--fail-on", "fatal")
    assert code == 2


def test_fix_quiet_and_exit_zero(draft: Path) -> None:
    code, out, err = run("fix", str(draft), *TB, "-q", "--exit-zero")
    assert code == 0
    assert out == "" and "Fixed" not in err
    assert "Belt and Road" in draft.read_text(encoding="utf-8")


def test_fix_exit_zero_still_fails_on_errors(tmp_path: Path) -> None:
    code, _out, _err = run("fix", str(tmp_path / "missing.txt"), *TB, "--exit-zero")
    assert code == 2


def test_fix_diff_prints_only_the_diff(tmp_path: Path) -> None:
    p = tmp_path / "both.txt"
    p.write_text("The One Belt, One Road plan.\n" + MIXED, encoding="utf-8")
    code, out, err = run("fix", "--diff", str(p))
    assert code == 1
    assert out.startswith("--- a/") and all(line[:1] in "-+ @" for line in out.splitlines())
    assert "mixed-renderings" in err


# ---------------------------------------------------------------- consistency (issue 10, point 7)

OVERLAY = """\
version: 1
concepts:
  - id: acme-widget
    terms:
      en:
        - text: Acme Widget
          status: preferred
        - text: acme gadget
          status: deprecated
    examples:
      - {lang: en, text: "an acme gadget", fixed: "an Acme Widget"}
"""


def test_validate_path_and_validate_termbase_path_judge_alike(tmp_path: Path) -> None:
    good = tmp_path / "good.yaml"
    good.write_text(OVERLAY, encoding="utf-8")
    bad = tmp_path / "bad.yaml"
    bad.write_text(OVERLAY.replace('fixed: "an Acme Widget"', 'fixed: "an Acme Gizmo"'), encoding="utf-8")
    for path in (good, bad):
        by_arg = run("validate", str(path))
        by_option = run("validate", "--termbase", str(path))
        assert by_arg[0] == by_option[0]
        assert by_arg[2].splitlines()[-1] == by_option[2].splitlines()[-1]
    assert run("validate", str(good))[0] == 0 and run("validate", str(bad))[0] == 2


def test_terms_finds_inflected_forms_and_takes_lang(tmp_path: Path) -> None:
    code, out, _err = run("terms", "Пояса и пути")
    assert code == 0 and out.splitlines()[0] == "belt-and-road"
    code, out, _err = run("terms", "--lang", "ru", "Пояса и пути")
    assert code == 0 and out.splitlines()[0] == "belt-and-road"
    code, _out, err = run("terms", "--lang", "ru", "One Belt, One Road")
    assert code == 1 and "No concept matches" in err  # an English rendering, asked in Russian


@pytest.mark.parametrize("fmt", ["sarif", "github", "html"])
def test_terms_refuses_formats_it_cannot_print(fmt: str) -> None:
    code, out, err = run("terms", "--format", fmt, "belt-and-road")
    assert code == 2 and out == "" and "'--format'" in err


PO_EN = 'msgid ""\nmsgstr ""\n"Language: en\\n"\n\nmsgid "One Belt, One Road"\nmsgstr "One Belt, One Road"\n'


def test_normalize_knows_formats_from_a_file_or_stdin_filename(tmp_path: Path) -> None:
    po = tmp_path / "m.po"
    po.write_text(PO_EN, encoding="utf-8")
    expected = PO_EN.replace('msgstr "One Belt, One Road"', 'msgstr "Belt and Road"')
    assert run("normalize", str(po)) == (0, expected, "")
    assert run("normalize", "--stdin-filename", "m.po", input=PO_EN) == (0, expected, "")
    assert po.read_text(encoding="utf-8") == PO_EN  # normalize writes stdout, never the file
    # plain stdin is text, as before
    assert run("normalize", "--lang", "en", input="One Belt, One Road\n")[1] == "Belt and Road\n"


def test_a_misspelt_code_in_settings_is_an_error_naming_the_known_codes(tmp_path: Path, draft: Path) -> None:
    (tmp_path / ".glossary.toml").write_text('disable = ["mixed-rendering"]\n', encoding="utf-8")
    code, out, err = run("check", str(draft), *TB)
    assert code == 2 and out == ""
    assert '"mixed-rendering"' in err and "mixed-renderings" in err and "deprecated-term" in err
    (tmp_path / ".glossary.toml").write_text('severity = {missing-terms = "warning"}\n', encoding="utf-8")
    code, _out, err = run("check", str(draft), *TB)
    assert code == 2 and '"missing-terms"' in err


def test_counts_take_their_plural_forms(tmp_path: Path) -> None:
    one = tmp_path / "one.yaml"
    one.write_text(OVERLAY, encoding="utf-8")
    _code, _out, err = run("validate", "--no-default", str(one))
    assert err.splitlines()[-1].startswith("1 concept, 2 terms, 1 example; 0 errors, ")
    source, target = tmp_path / "zh.txt", tmp_path / "en.txt"
    source.write_text("一带一路\n合作\n", encoding="utf-8")
    target.write_text("Belt and Road\n", encoding="utf-8")
    _code, _out, err = run("check", "--source", str(source), str(target))
    assert "1 line, but the source" in err and "1 lines" not in err


def test_force_color_colours_piped_output(draft: Path) -> None:
    plain = CliRunner().invoke(main, ["check", str(draft), *TB], env={"NO_COLOR": "", "FORCE_COLOR": ""})
    forced = CliRunner().invoke(main, ["check", str(draft), *TB], env={"NO_COLOR": "", "FORCE_COLOR": "1"})
    assert "\x1b[" not in plain.stdout
    assert "\x1b[" in forced.stdout
    terms = CliRunner().invoke(main, ["terms", "belt-and-road"], env={"NO_COLOR": "", "FORCE_COLOR": "1"})
    assert "\x1b[" in terms.stdout


@pytest.mark.parametrize(("locale", "error", "label"), [
    ("ru", "glossary: ошибка: {path}: нет такого файла или папки", "источник"),
    ("zh_Hans", "glossary：错误：{path}：文件或文件夹不存在", "出处"),
])
def test_input_errors_and_labels_are_translated(tmp_path: Path, locale: str, error: str, label: str) -> None:
    missing = str(tmp_path / "nope.txt")
    code, _out, err = run("--locale", locale, "check", missing)
    assert code == 2
    assert err.strip() == error.format(path=missing).replace(f"{missing}：", f"{missing}: ")
    _code, out, _err = run("--locale", locale, "terms", "belt-and-road")
    assert f"  {label}" in out and "  source" not in out
    po = tmp_path / "bad.po"
    po.write_text('msgid ""\nmsgstr ""\n"Language: english\\n"\n\nmsgid "a"\nmsgstr "b"\n', encoding="utf-8")
    code, _out, err = run("--locale", locale, "check", str(po))
    assert code == 2 and "english" in err and "unknown language tag" not in err


@pytest.mark.parametrize(("locale", "docx", "aligned"), [
    ("ru", "не является .docx: это не zip-архив", "не удаётся определить язык перевода; укажите --lang"),
    ("zh_Hans", "不是 .docx：不是 zip 压缩包", "无法判断译文的语言；请使用 --lang"),
])
def test_docx_and_aligned_pair_errors_are_translated(tmp_path: Path, locale: str, docx: str, aligned: str) -> None:
    broken = tmp_path / "report.docx"
    broken.write_bytes(b"plain text saved with the wrong extension")
    code, _out, err = run("--locale", locale, "check", str(broken))
    assert code == 2 and docx in err and "Traceback" not in err
    source, target = tmp_path / "zh.txt", tmp_path / "numbers.txt"
    source.write_text("一带一路\n", encoding="utf-8")
    target.write_text("2013\n", encoding="utf-8")
    code, _out, err = run("--locale", locale, "check", str(target), "--source", str(source))
    assert code == 2 and aligned in err


def test_fix_reports_what_is_left_in_the_same_layouts(tmp_path: Path) -> None:
    p = tmp_path / "both.txt"
    p.write_text("The One Belt, One Road plan.\n" + MIXED, encoding="utf-8")
    _, out, err = run("fix", "--diff", str(p))
    left = [line for line in err.splitlines() if "mixed-renderings" in line]
    assert left and all(line.startswith(f"{p}:") for line in left)  # one line each, the diff alone on stdout
    assert not any(line.lstrip().startswith("|") for line in err.splitlines())
    _, _, err = run("fix", "--diff", "--show-source", str(p))
    assert any(line.lstrip().startswith("|") for line in err.splitlines())


# ------------------------------------------------------- floods, capped per segment

FLOOD_TEXT = "The One Belt, One Road plan; " * 5 + "\n"


def test_a_flood_of_one_kind_is_capped_per_segment_and_json_stays_valid(tmp_path: Path) -> None:
    p = tmp_path / "flood.txt"
    p.write_text(FLOOD_TEXT, encoding="utf-8")
    code, out, _ = run("check", str(p), *TB, "--format", "json", "--max-per-segment", "2")
    assert code == 1
    doc = json.loads(out)
    codes = [f["code"] for f in doc["findings"]]
    assert codes == ["superseded-term", "superseded-term", "more-findings"]
    note = doc["findings"][2]
    assert note["omitted"] == 3 and note["suggestion"] == "superseded-term" and note["found"] == "One Belt, One Road"
    assert FLOOD_TEXT[note["start"]:note["end"]] == note["found"]
    assert doc["summary"]["by_code"] == {"more-findings": 1, "superseded-term": 2}
    code, out, _ = run("check", str(p), *TB, "--format", "json", "--max-per-segment", "0")
    assert [f["code"] for f in json.loads(out)["findings"]] == ["superseded-term"] * 5


def test_the_cap_comes_from_the_settings_and_fix_still_fixes_every_finding(tmp_path: Path) -> None:
    (tmp_path / ".glossary.toml").write_text("max-per-segment = 1\n", encoding="utf-8")
    p = tmp_path / "flood.txt"
    p.write_text(FLOOD_TEXT, encoding="utf-8")
    code, out, _ = run("check", str(p), *TB, "--format", "jsonl")
    assert [json.loads(line)["code"] for line in out.splitlines()] == ["superseded-term", "more-findings"]
    code, _, err = run("fix", str(p), *TB)
    assert code == 1, err
    assert p.read_text(encoding="utf-8") == FLOOD_TEXT.replace("One Belt, One Road", "Belt and Road")


def test_a_bad_cap_in_the_settings_is_one_line_and_exit_2(tmp_path: Path) -> None:
    (tmp_path / ".glossary.toml").write_text('max-per-segment = "many"\n', encoding="utf-8")
    p = tmp_path / "a.txt"
    p.write_text(DRAFT, encoding="utf-8")
    code, _, err = run("check", str(p), *TB)
    assert_one_line_error(code, err, ".glossary.toml", "max-per-segment")
