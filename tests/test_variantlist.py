from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from glossary import variantlist
from glossary.cli import main

BASE = """\
version: 1
concepts:
  - id: shared-future
    terms:
      en:
        - {text: community with a shared future, status: preferred}
        - {text: community of common destiny, status: deprecated}
      ru:
        - {text: сообщество единой судьбы, status: preferred}
        - {text: сообщество с общим будущим, status: deprecated}
"""


@pytest.fixture
def corpus(tmp_path: Path) -> tuple[Path, Path]:
    tb = tmp_path / "tb.yaml"
    tb.write_text(BASE, encoding="utf-8")
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "a.txt").write_text("Intro.\nThey spoke of a community of shared destiny.\n", encoding="utf-8")
    (folder / "b.txt").write_text("A community of shared destiny, again.\nCommunities of shared destiny too.\n", encoding="utf-8")
    (folder / "c.txt").write_text("Речь шла о сообществе с единой судьбой.\n", encoding="utf-8")
    (folder / "d.txt").write_text("Nothing to see.\n", encoding="utf-8")
    return tb, folder


def run(*args: str) -> tuple[int, str, str]:
    r = CliRunner().invoke(main, list(args), catch_exceptions=False)
    return r.exit_code, r.stdout, r.stderr


def test_text_groups_by_concept_ranked_by_frequency_with_context(corpus) -> None:  # type: ignore[no-untyped-def]
    tb, folder = corpus
    code, out, _ = run("variants", "--no-default", "--termbase", str(tb), str(folder))
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == "shared-future: 4 hits"
    assert lines[1].split() == ["2", "community", "of", "shared", "destiny", "->", "community", "with", "a", "shared", "future", "[en]"]
    assert lines[2].strip().endswith("a.txt:2: They spoke of a community of shared destiny.")
    assert "сообществе с единой судьбой" in out


def test_json_and_csv_carry_the_same_rows(corpus) -> None:  # type: ignore[no-untyped-def]
    tb, folder = corpus
    _, out, _ = run("variants", "--no-default", "--termbase", str(tb), "--format", "json", str(folder))
    data = json.loads(out)
    [concept] = data["concepts"]
    assert concept["concept"] == "shared-future" and concept["count"] == 4
    assert [(v["text"], v["count"]) for v in concept["variants"]][0] == ("community of shared destiny", 2)
    _, out, _ = run("variants", "--no-default", "--termbase", str(tb), "--format", "csv", str(folder))
    rows = list(csv.DictReader(io.StringIO(out)))
    assert {(r["variant"], r["count"]) for r in rows} == {(v["text"], str(v["count"])) for v in concept["variants"]}


def test_yaml_entries_validate_with_their_examples(corpus, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    tb, folder = corpus
    code, out, _ = run("variants", "--no-default", "--termbase", str(tb), "--yaml", str(folder))
    assert code == 0
    doc = yaml.safe_load(out)
    [concept] = doc["concepts"]
    texts = [t["text"] for t in concept["terms"]["en"]]
    assert texts == ["community of shared destiny"]  # the plural is named in a comment, not listed
    assert "# not listed: 'Communities of shared destiny'" in out or "# not listed: 'communities of shared destiny'" in out
    assert {e["lang"] for e in concept["examples"]} == {"en", "ru"}
    new = tmp_path / "new.yaml"
    new.write_text(out, encoding="utf-8")
    code, _, err = run("validate", "--no-default", "--termbase", str(tb), str(new))
    assert code == 0, err


def test_nothing_found_and_a_missing_path(corpus, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    tb, folder = corpus
    code, out, _ = run("variants", "--no-default", "--termbase", str(tb), str(folder / "d.txt"))
    assert (code, out) == (0, "No unlisted variants found.\n")
    code, _, err = run("variants", "--no-default", "--termbase", str(tb), str(tmp_path / "missing.txt"))
    assert code == 2
    assert err.strip().count("\n") == 0 and "missing.txt" in err and "Traceback" not in err


def test_sentence_at_stops_at_sentence_ends() -> None:
    text = "First one. The community of shared destiny grows! Last."
    start = text.index("community")
    assert variantlist.sentence_at(text, start, start + 9) == "The community of shared destiny grows!"
