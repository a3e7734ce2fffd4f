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
    assert result.stderr.strip() == f"glossary: error: {path}:6: неизвестный административный статус «forbiddenTerm-admn-sts»"
