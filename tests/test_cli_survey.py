"""`glossary survey` end to end: counts as CSV and JSON, charts, and bad input."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from glossary.cli import main

TEXT = "The Belt and Road Initiative grew. One Belt, One Road was its old name.\n"


def run(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False, prog_name="glossary",
                              env={"LANG": "C.UTF-8", "LANGUAGE": ""})


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    for year in ("2014", "2016"):
        folder = tmp_path / "corpus" / year
        folder.mkdir(parents=True)
        (folder / "a.txt").write_text(TEXT if year == "2016" else "One Belt, One Road.\n", encoding="utf-8")
    return tmp_path / "corpus"


def test_csv_counts_by_scope(corpus: Path) -> None:
    result = run("survey", str(corpus), "--isolated")
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    old = [r for r in rows if r["rendering"] == "One Belt, One Road" and r["by"] in ("all", "year")]
    assert {(r["by"], r["key"], r["count"]) for r in old} == {("all", "", "2"), ("year", "2014", "1"),
                                                               ("year", "2016", "1")}
    assert {r["by"] for r in rows} == {"all", "year", "folder", "file"}


def test_json_with_a_date_expression_and_charts(corpus: Path, tmp_path: Path) -> None:
    pytest.importorskip("matplotlib")
    out, charts = tmp_path / "survey.json", tmp_path / "charts"
    result = run("survey", str(corpus), "--isolated", "--format", "json", "--output", str(out),
                 "--date-from", r"corpus/(\d{4})", "--charts", str(charts))
    assert result.exit_code == 0, result.output
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["files"] == 2 and data["errors"] == []
    [belt] = [c for c in data["concepts"] if c["concept"] == "belt-and-road"]
    preferred = next(r for r in belt["renderings"] if r["status"] == "preferred")
    assert preferred["by_year"] == {"2016": 1}
    for suffix in (".png", ".svg"):
        assert (charts / f"belt-and-road{suffix}").stat().st_size > 0
    assert 'src="belt-and-road.svg"' in (charts / "index.html").read_text(encoding="utf-8")


def test_an_unreadable_file_is_reported_and_the_rest_counted(corpus: Path) -> None:
    (corpus / "2016" / "broken.po").write_text('msgid "a"\nmsgstr "unterminated\n', encoding="utf-8")
    result = run("survey", str(corpus), "--isolated")
    assert result.exit_code == 2
    assert "broken.po:2" in result.stderr and "Traceback" not in result.stderr
    assert "One Belt, One Road" in result.stdout


@pytest.mark.parametrize("args, message", [
    (["--date-from", "("], "--date-from"),
    (["--workers", "2", "--scheduler", "tcp://127.0.0.1:1"], "cannot be used together"),
])
def test_bad_options_are_one_line_and_exit_2(corpus: Path, args: list[str], message: str) -> None:
    result = run("survey", str(corpus), *args)
    assert result.exit_code == 2 and message in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1 and result.stdout == ""


def test_a_missing_corpus_path_is_an_error(tmp_path: Path) -> None:
    result = run("survey", str(tmp_path / "nowhere"))
    assert result.exit_code == 2 and "nowhere" in result.stderr


def test_an_output_that_cannot_be_written_is_one_error_line(corpus: Path, tmp_path: Path) -> None:
    target = tmp_path / "no-such-folder" / "counts.csv"
    result = run("survey", str(corpus), "--isolated", "--output", str(target))
    assert result.exit_code == 2
    assert result.stderr.strip().splitlines() == [f"glossary: error: {target}: cannot write: No such file or directory"]
    assert not target.parent.exists()
