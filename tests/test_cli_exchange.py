"""`glossary export` / `glossary import` end to end, with the shipped term base."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from glossary.cli import main
from glossary.termbase import load

DATA = Path(__file__).parent / "data" / "exchange"


def run(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False, prog_name="glossary", env={"LANG": "C.UTF-8", "LANGUAGE": ""})


def test_tbx_round_trip_of_the_shipped_term_base_is_byte_identical(tmp_path):
    first, yaml_file, second = tmp_path / "a.tbx", tmp_path / "terms.yaml", tmp_path / "b.tbx"
    assert run("export", "--format", "tbx", "-o", str(first)).exit_code == 0
    result = run("import", str(first), "-o", str(yaml_file))
    assert result.exit_code == 0
    assert result.stderr.startswith("Imported ")
    assert run("export", "--format", "tbx", "--no-default", "--termbase", str(yaml_file), "-o", str(second)).exit_code == 0
    assert first.read_bytes() == second.read_bytes()
    shipped = load(use_cache=False)
    imported = load([yaml_file], default=False, use_cache=False)
    assert imported.concepts == shipped.concepts  # every concept, term, status, note, source and example


def test_csv_round_trip_of_the_shipped_term_base(tmp_path):
    folder, yaml_file, again = tmp_path / "weblate", tmp_path / "terms.yaml", tmp_path / "again"
    assert run("export", "--format", "csv", "-o", str(folder)).exit_code == 0
    files = sorted(folder.glob("*.csv"))
    assert {f.stem for f in files} >= {"zh", "en", "ru"}
    shipped = load(use_cache=False)
    order = [folder / f"{lang}.csv" for lang in ["zh", *[l for l in shipped.langs if l != "zh"]]]
    assert run("import", *map(str, order), "-o", str(yaml_file)).exit_code == 0
    imported = load([yaml_file], default=False, use_cache=False)
    assert imported.concepts == shipped.concepts
    assert run("export", "--format", "csv", "--no-default", "--termbase", str(yaml_file), "-o", str(again)).exit_code == 0
    for f in files:
        assert (again / f.name).read_bytes() == f.read_bytes()


def test_single_language_csv_to_stdout():
    result = run("export", "--format", "csv", "--lang", "ru")
    assert result.stdout_bytes.startswith(b"location,source,target,id,fuzzy,context,translator_comments,developer_comments\r\n")
    assert ",一带一路," in result.stdout


def test_csv_for_every_language_needs_a_folder():
    result = run("export", "--format", "csv")
    assert result.exit_code == 2
    assert "--output" in result.stderr


def test_import_martif_to_stdout():
    result = run("import", str(DATA / "martif-2008.tbx"))
    assert result.exit_code == 0
    assert result.stdout.startswith("version: 1\nconcepts:\n  - id: c-001\n")
    assert "Imported 2 concepts in English (en), Russian (ru), Chinese (zh)." in result.stderr
    assert "note: \"Source: Charter of the organisation\"" in result.stdout


def test_import_messages_in_russian(tmp_path):
    from babel import Locale

    result = CliRunner().invoke(main, ["--locale", "ru", "import", str(DATA / "martif-2008.tbx"), "-o", str(tmp_path / "x.yaml")])
    # Language names are babel's CLDR data: compare with what it says today.
    names = ", ".join(f"{Locale.parse(tag).get_display_name('ru')} ({tag})" for tag in ("en", "ru", "zh"))
    assert f"Импортировано 2 понятия; языки: {names}." in result.stderr


BAD = sorted((DATA / "bad").iterdir())


@pytest.mark.parametrize("path", BAD, ids=[p.name for p in BAD])
def test_bad_input_exits_2_with_one_line_and_writes_nothing(tmp_path, path):
    out = tmp_path / "out.yaml"
    result = run("import", str(path), "--lang", "en", "-o", str(out))
    assert result.exit_code == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1
    assert lines[0].startswith(f"glossary: error: {path}:")
    assert "Traceback" not in result.output
    assert not out.exists()


def test_import_refuses_a_term_base_that_would_not_load(tmp_path):
    bad = tmp_path / "conflict.tbx"
    bad.write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<tbx xmlns="urn:iso:std:iso:30042:ed-2" type="TBX-Basic" style="dca" xml:lang="en">'
        "<tbxHeader><fileDesc><sourceDesc><p>x</p></sourceDesc></fileDesc></tbxHeader><text><body>"
        '<conceptEntry id="a"><langSec xml:lang="en"><termSec><term>Silk Road</term>'
        '<termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></termSec></langSec></conceptEntry>'
        '<conceptEntry id="b"><langSec xml:lang="en"><termSec><term>silk road</term>'
        '<termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></termSec><termSec><term>Silk Road</term>'
        '<termNote type="administrativeStatus">deprecatedTerm-admn-sts</termNote></termSec></langSec></conceptEntry>'
        "</body></text></tbx>\n",
        encoding="utf-8",
    )
    out = tmp_path / "out.yaml"
    result = run("import", str(bad), "-o", str(out))
    assert result.exit_code == 2
    assert result.stderr.startswith("glossary: error: ")
    assert not out.exists()


def test_missing_file_is_exit_2():
    result = run("import", "no/such/file.tbx")
    assert result.exit_code == 2
    assert result.stderr.strip() == "glossary: error: no/such/file.tbx: no such file or directory"


def test_import_errors_in_the_ui_language(tmp_path):
    path = DATA / "bad" / "unknown-status.tbx"
    result = CliRunner().invoke(main, ["--locale", "ru", "import", str(path)], env={"LANGUAGE": ""})
    assert result.exit_code == 2
    assert result.stderr.strip() == f"glossary: ошибка: {path}:6: неизвестный административный статус «forbiddenTerm-admn-sts»"


# ---------------------------------------------------------------- engine glossaries

def test_engine_exports_from_the_shipped_term_base(tmp_path):
    import csv

    for fmt, name in (("deepl", "en.tsv"), ("deepl", "en.csv"), ("google", "en.tsv"), ("google-terms", "set.csv"),
                      ("amazon", "en.csv"), ("amazon", "en.tmx")):
        out = tmp_path / f"{fmt}-{name}"
        result = run("export", "--format", fmt, "--lang", "en", "-o", str(out))
        assert result.exit_code == 0, result.stderr
        assert result.stderr.startswith("Exported "), result.stderr
        text = out.read_text(encoding="utf-8")
        assert "Belt and Road Initiative" in text and "One Belt, One Road" not in text
    rows = list(csv.reader((tmp_path / "amazon-en.csv").read_text(encoding="utf-8").splitlines()))
    assert rows[0] == ["zh", "en"]


def test_engine_export_limited_to_a_source_text(tmp_path):
    import json

    source = tmp_path / "speech.txt"
    source.write_text("上合组织成员国支持一带一路。\n", encoding="utf-8")
    result = run("export", "--format", "deepl", "--lang", "ru", "--from-brief", str(source))
    assert result.exit_code == 0
    assert {line.split("\t")[1] for line in result.stdout.splitlines()} == {
        "Шанхайская организация сотрудничества", "Пояс и путь"}
    brief = tmp_path / "brief.json"
    brief.write_text(run("brief", str(source), "--to", "en", "--format", "json").stdout, encoding="utf-8")
    again = run("export", "--format", "google-terms", "--lang", "en,ru", "--from-brief", str(brief))
    assert again.exit_code == 0 and len(again.stdout.splitlines()) == 3
    only = run("export", "--format", "amazon", "--lang", "en", "--concepts", "sister-cities")
    assert only.stdout.splitlines() == ["zh,en", "友好城市,sister cities", "友城,sister cities"]


def test_engine_export_bad_input(tmp_path):
    assert run("export", "--format", "deepl").exit_code == 2
    assert run("export", "--format", "deepl", "--lang", "en,ru").exit_code == 2
    assert run("export", "--format", "deepl", "--lang", "zh").exit_code == 2
    wrong = run("export", "--format", "deepl", "--lang", "en", "-o", str(tmp_path / "x.tmx"))
    assert wrong.exit_code == 2 and ".tmx" in wrong.stderr and not (tmp_path / "x.tmx").exists()
    unknown = run("export", "--format", "amazon", "--lang", "en", "--concepts", "no-such-concept")
    assert unknown.exit_code == 2 and "no-such-concept" in unknown.stderr
    bad_brief = tmp_path / "brief.json"
    bad_brief.write_text('{"not": "a list"}', encoding="utf-8")
    result = run("export", "--format", "deepl", "--lang", "en", "--from-brief", str(bad_brief))
    assert result.exit_code == 2 and "brief.json" in result.stderr and result.stderr.count("\n") == 1
