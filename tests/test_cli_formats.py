"""The done-criteria of the translation-file work, end to end through the CLI.

A Chinese-English PO file, XLIFF 1.2 and 2.0 files, a TMX file and an aligned
pair each report missing-term, untranslated-term and deprecated renderings at
exact positions; fixing each changes only the reported spans, byte for byte;
every bad input exits 2 with one clear line and leaves the file as it was.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from glossary.cli import main
from glossary.readers import READERS

DATA = Path(__file__).parent / "data"
TB = ["--no-default", "--termbase", str(DATA / "bilingual-termbase.yaml")]

# (code, line, column, found) for each file of tests/data/bilingual
EXPECTED = {
    "messages.po": [
        ("superseded-term", 12, 27, "One Belt, One Road"),
        ("missing-term", 16, 9, "人类命运共同体"),
        ("untranslated-term", 16, 13, "一带一路"),
        ("missing-term", 21, 2, "一带一路"),
        ("deprecated-term", 26, 20, "community of common destiny"),
    ],
    "briefing-1.2.xlf": [
        ("superseded-term", 7, 35, "One Belt, One Road"),
        ("missing-term", 11, 17, "人类命运共同体"),
        ("untranslated-term", 11, 31, "一带一路"),
        ("missing-term", 15, 17, "一带一路"),
        ("deprecated-term", 19, 28, "community of common destiny"),
    ],
    "briefing-2.0.xlf": [
        ("superseded-term", 7, 35, "One Belt, One Road"),
        ("missing-term", 13, 17, "人类命运共同体"),
        ("untranslated-term", 13, 32, "一带一路"),
        ("missing-term", 19, 17, "一带一路"),
        ("deprecated-term", 25, 28, "community of common destiny"),
    ],
    "memory.tmx": [
        ("superseded-term", 8, 49, "One Belt, One Road"),
        ("missing-term", 12, 31, "人类命运共同体"),
        ("untranslated-term", 12, 39, "一带一路"),
        ("missing-term", 16, 31, "一带一路"),
        ("deprecated-term", 20, 42, "community of common destiny"),
    ],
    "target.en.txt": [
        ("superseded-term", 1, 19, "One Belt, One Road"),
        ("missing-term", 2, 1, "人类命运共同体"),
        ("untranslated-term", 2, 5, "一带一路"),
        ("missing-term", 3, 1, "一带一路"),
        ("deprecated-term", 4, 12, "community of common destiny"),
    ],
}


def invoke(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def extra(name: str, folder: Path) -> list[str]:
    return ["--source", str(folder / "source.zh.txt")] if name == "target.en.txt" else []


@pytest.fixture
def copies(tmp_path: Path) -> Path:
    for f in (DATA / "bilingual").iterdir():
        shutil.copy(f, tmp_path / f.name)
    return tmp_path


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_each_format_reports_bilingual_and_deprecated_findings_at_exact_positions(name: str, copies: Path) -> None:
    path = copies / name
    code, out, _err = invoke("check", str(path), *TB, "--format", "json", *extra(name, copies))
    assert code == 1
    findings = json.loads(out)["findings"]
    got = [(f["code"], f["line"], f["column"]) for f in findings]
    assert got == [(c, line, col) for c, line, col, _ in EXPECTED[name]]
    text = path.read_text(encoding="utf-8")
    lines = text.splitlines()
    for f, (code_, line, col, found) in zip(findings, EXPECTED[name]):
        assert text[f["start"]:f["end"]] == f["found"]
        if code_ == "missing-term":
            # The span is the translation; the source term it lacks is `source_term`.
            assert f["source_term"] == found and f["severity"] in ("error", "warning")
            assert f"\"{found}\"" in f["message"]
            continue
        assert lines[line - 1][col - 1:col - 1 + len(found)] == found
        assert text[f["start"]:f["end"]] == found
    severities = {f["source_term"]: f["severity"] for f in findings if f["code"] == "missing-term"}
    assert severities == {"人类命运共同体": "error", "一带一路": "warning"}  # count-aware: 2 named, 1 rendered


@pytest.mark.parametrize("crlf", [False, True], ids=["lf", "crlf-bom"])
@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_fix_changes_only_the_reported_spans(name: str, crlf: bool, copies: Path) -> None:
    path = copies / name
    original = path.read_bytes()
    if crlf:
        original = b"\xef\xbb\xbf" + original.replace(b"\n", b"\r\n")
        path.write_bytes(original)
        if name == "target.en.txt":
            src = copies / "source.zh.txt"
            src.write_bytes(src.read_bytes().replace(b"\n", b"\r\n"))
    _, out, _ = invoke("check", str(path), *TB, "--format", "json", *extra(name, copies))
    fixable = [f for f in json.loads(out)["findings"] if f["fixable"]]
    assert [f["code"] for f in fixable] == ["superseded-term", "deprecated-term"]
    code, _out, err = invoke("fix", str(path), *TB, *extra(name, copies))
    assert code == 1 and "Fixed 2 findings" in err
    text = original.decode("utf-8-sig")
    for f in sorted(fixable, key=lambda f: f["start"], reverse=True):
        text = text[:f["start"]] + f["suggestion"] + text[f["end"]:]
    expected = (b"\xef\xbb\xbf" if crlf else b"") + text.encode("utf-8")
    assert path.read_bytes() == expected


def test_a_fix_never_crosses_an_inline_tag(tmp_path: Path) -> None:
    path = tmp_path / "tagged.xlf"
    path.write_text(
        '<?xml version="1.0"?>\n<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">'
        '<file original="x" source-language="zh" target-language="en" datatype="plaintext"><body>\n'
        '<trans-unit id="1"><source>一带一路</source><target>One Belt, <g id="1">One Road</g></target></trans-unit>\n'
        '</body></file></xliff>\n', encoding="utf-8")
    before = path.read_bytes()
    _, out, _ = invoke("check", str(path), *TB, "--format", "json")
    [finding] = json.loads(out)["findings"]
    assert finding["code"] == "superseded-term" and not finding["fixable"]
    assert finding["found"] == 'One Belt, <g id="1">One Road'
    code, _, _ = invoke("fix", str(path), *TB)
    assert code == 1 and path.read_bytes() == before


BAD = sorted(p for p in (DATA / "bad").glob("*/*") if p.suffix != ".expected" and p.parent.name in
             ("po", "xliff", "tmx", "csv"))


@pytest.mark.parametrize("command", ["check", "fix"])
@pytest.mark.parametrize("path", BAD, ids=[f"{p.parent.name}/{p.stem}" for p in BAD])
def test_bad_input_is_one_line_exit_2_and_nothing_written(path: Path, command: str, tmp_path: Path) -> None:
    target = tmp_path / path.name
    shutil.copy(path, target)
    before = target.read_bytes()
    expected = path.with_suffix(".expected").read_text(encoding="utf-8").strip()
    code, out, err = invoke(command, str(target), *TB)
    assert code == 2
    assert err == f"glossary: error: {target}:{expected}\n"
    assert "Traceback" not in out + err
    assert target.read_bytes() == before


def test_aligned_pair_with_different_line_counts_is_exit_2(copies: Path) -> None:
    source = copies / "source.zh.txt"
    source.write_text("一带一路\n", encoding="utf-8")
    code, _, err = invoke("check", str(copies / "target.en.txt"), "--source", str(source), *TB)
    assert code == 2 and err.count("\n") == 1 and "aligned files need one line per segment" in err


def test_source_needs_exactly_one_target(copies: Path) -> None:
    code, _, err = invoke("check", str(copies / "target.en.txt"), str(copies / "messages.po"),
                          "--source", str(copies / "source.zh.txt"), *TB)
    assert code == 2 and "--source pairs one source file with one target file" in err


@pytest.mark.parametrize("name, reader", [("messages.po", "po"), ("briefing-1.2.xlf", "xliff"),
                                          ("briefing-2.0.xlf", "xliff"), ("memory.tmx", "tmx")])
def test_file_type_is_sniffed_when_the_extension_says_nothing(name: str, reader: str, copies: Path) -> None:
    path = copies / (name + ".bak")
    shutil.copy(copies / name, path)
    _, out, _ = invoke("check", str(path), *TB, "--format", "json")
    assert [f["code"] for f in json.loads(out)["findings"]] == [c for c, *_ in EXPECTED[name]]
    assert reader in READERS


def test_lang_and_source_lang_override_the_file(copies: Path) -> None:
    # With the target declared Chinese, the English words are not renderings to check.
    code, out, _ = invoke("check", str(copies / "messages.po"), *TB, "--lang", "zh", "--source-lang", "en",
                          "--format", "json")
    codes = {f["code"] for f in json.loads(out)["findings"]}
    assert "superseded-term" not in codes and "untranslated-term" not in codes


def test_fuzzy_entries_are_marked_in_the_json(tmp_path: Path) -> None:
    path = tmp_path / "fuzzy.po"
    path.write_text('msgid ""\nmsgstr ""\n"Language: en\\n"\n\n#, fuzzy\nmsgctxt "title"\nmsgid "一带一路"\n'
                    'msgstr "OBOR"\n', encoding="utf-8")
    _, out, _ = invoke("check", str(path), *TB, "--format", "json")
    [finding] = json.loads(out)["findings"]
    assert (finding["fuzzy"], finding["line"], finding["column"]) == (True, 8, 9)
    assert finding["unit_id"] == "title|一带一路"


MONOLINGUAL_AND_MORE = ["markdown/briefing.md", "pair/glossary.csv", "po/zh-en.po", "xliff/briefing-1.2.xlf",
                        "xliff/briefing-2.0.xlf", "tmx/memory.tmx"]


@pytest.mark.parametrize("name", MONOLINGUAL_AND_MORE)
def test_fix_keeps_every_byte_outside_the_reported_spans(name: str, tmp_path: Path) -> None:
    import re

    path = tmp_path / Path(name).name
    shutil.copy(DATA / name, path)
    original = path.read_text(encoding="utf-8")
    _, out, _ = invoke("check", str(path), *TB, "--format", "json")
    spans = sorted((f["start"], f["end"], f["suggestion"]) for f in json.loads(out)["findings"] if f["fixable"])
    assert spans
    invoke("fix", str(path), *TB)
    fixed = path.read_text(encoding="utf-8")
    pattern, last = "", 0
    for start, end, _ in spans:
        pattern += re.escape(original[last:start]) + "(.*?)"
        last = end
    pattern += re.escape(original[last:])
    match = re.fullmatch(pattern, fixed, re.DOTALL)
    assert match is not None, "a byte outside the reported spans changed"
    for (_, _, suggestion), replacement in zip(spans, match.groups()):
        assert replacement.casefold() == suggestion.casefold()


def test_fixing_a_term_broken_over_po_continuation_lines_keeps_a_valid_catalog(tmp_path: Path) -> None:
    import subprocess

    path = tmp_path / "wrapped.po"
    path.write_text('msgid ""\nmsgstr ""\n"Language: en\\n"\n\nmsgid "一带一路"\nmsgstr ""\n"On the One Belt, "\n'
                    '"One Road and more."\n', encoding="utf-8")
    code, _, _ = invoke("fix", str(path), *TB)
    assert code == 1
    assert path.read_text(encoding="utf-8").endswith('msgstr ""\n"On the Belt and Road and more."\n')
    if shutil.which("msgfmt"):
        assert subprocess.run(["msgfmt", "--check", "-o", "/dev/null", str(path)]).returncode == 0


def test_suppressed_findings_are_not_fixed(tmp_path: Path) -> None:
    path = tmp_path / "kept.po"
    text = ('msgid ""\nmsgstr ""\n"Language: en\\n"\n\n# glossary-disable-line belt-and-road\n'
            'msgid "“一带一路”战略（2014年提法）"\nmsgstr "the One Belt, One Road strategy (the 2014 wording)"\n')
    path.write_text(text, encoding="utf-8")
    code, out, _ = invoke("fix", str(path), *TB)
    assert code == 0 and path.read_text(encoding="utf-8") == text


def test_missing_source_file_is_exit_2(copies: Path) -> None:
    code, _, err = invoke("check", str(copies / "target.en.txt"), "--source", str(copies / "nope.txt"), *TB)
    assert code == 2 and err == f"glossary: error: {copies / 'nope.txt'}: no such file or directory\n"


def test_a_fix_that_would_break_the_file_writes_nothing(tmp_path: Path) -> None:
    # An unquoted CSV cell cannot take a replacement with a comma in it.
    termbase = tmp_path / "tb.yaml"
    termbase.write_text("""version: 1
concepts:
  - id: peaceful-coexistence
    sources: [{publisher: P, title: T, date: 2018, langs: [en]}]
    terms:
      zh: [{text: 和平共处五项原则, status: preferred}]
      en:
        - {text: "Five Principles, of Peaceful Coexistence", status: preferred}
        - {text: Five Principles of Coexistence, status: deprecated}
""", encoding="utf-8")
    path = tmp_path / "t.csv"
    path.write_text("zh,en\n和平共处五项原则,Five Principles of Coexistence\n", encoding="utf-8")
    before = path.read_bytes()
    code, _, err = invoke("fix", str(path), "--no-default", "--termbase", str(termbase))
    assert code == 2 and path.read_bytes() == before
    assert err == (f"glossary: error: {path}:2:1: not fixed: the fixed text would not parse "
                   "(row has 3 cells (expected 2: source and target))\n")


def test_source_with_a_folder_is_a_usage_error(copies: Path) -> None:
    code, _, err = invoke("check", str(copies), "--source", str(copies / "source.zh.txt"), *TB)
    assert code == 2 and "--source pairs one source file with one target file" in err


def test_fuzzy_findings_are_marked_in_text_output(tmp_path: Path) -> None:
    path = tmp_path / "fuzzy.po"
    path.write_text('msgid ""\nmsgstr ""\n"Language: en\\n"\n\n#, fuzzy\nmsgid "一带一路"\nmsgstr "OBOR"\n',
                    encoding="utf-8")
    _, out, _ = invoke("check", str(path), *TB, "-q")
    assert out.startswith(f'{path}:7:9: superseded-term [*] "OBOR" → "BRI" — ') and out.endswith(" (fuzzy)\n")
    _, out, _ = invoke("check", str(path), *TB, "--show-source")
    assert out.startswith(f'{path}:7:9: superseded-term "OBOR" was officially replaced: use "BRI" [belt-and-road] (fuzzy)\n')


@pytest.mark.parametrize("name", ["notes.md", "terms.tsv", "terms.csv"])
def test_undecodable_markdown_and_tables_are_exit_2(name: str, tmp_path: Path) -> None:
    path = tmp_path / name
    path.write_bytes("一带一路\tOBOR\n".encode("utf-8") + b"\xff\xfe bad\n")
    code, out, err = invoke("check", str(path), *TB)
    assert (code, out) == (2, "")
    assert err == f"glossary: error: {path}: cannot decode as UTF-8 at byte 18 (use --encoding to choose another)\n"


def test_undecodable_aligned_source_is_exit_2(copies: Path) -> None:
    source = copies / "source.zh.txt"
    source.write_bytes(b"\xff\xff\n" * 4)
    code, _, err = invoke("check", str(copies / "target.en.txt"), "--source", str(source), *TB)
    assert code == 2 and err.startswith(f"glossary: error: {source}: cannot decode as UTF-8 at byte 0")
