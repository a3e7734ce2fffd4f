"""The generated Markdown glossary: its shape, its escaping, and that the committed copy is current."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from glossary.cli import main
from glossary.docgen import cell, inline, is_current, render, save
from glossary.errors import InputError
from glossary.termbase import load, loads

from .conftest import TERMBASE

REPO = Path(__file__).resolve().parent.parent
COMMITTED = REPO / "docs" / "glossary.md"
TB = ["--no-default", "--termbase", str(TERMBASE)]

PIPES = """\
version: 1
concepts:
  - id: pipes
    note: "A note with *stars* and <tags>."
    sources:
      - {publisher: Xinhua, title: "A | B", url: "https://example.org/x", date: "2024-01-02", langs: [en], kind: official-reprint}
    terms:
      en:
        - {text: "left | right", status: preferred, used_by: [xinhua]}
        - {text: old form, status: superseded, since: "2015-09", note: "Replaced."}
        - {text: wrong here, status: deprecated, requires_source: true}
    examples:
      - {lang: en, text: "An old form.", fixed: "An left | right."}
      - {lang: en, text: "Nothing to see."}
"""


def test_one_section_per_concept_in_file_order(tb) -> None:  # type: ignore[no-untyped-def]
    text = render(tb)
    headings = [line[3:] for line in text.splitlines() if line.startswith("## ")]
    assert headings == [c.id for c in tb.concepts]
    assert text.endswith("\n") and not text.endswith("\n\n")


def test_table_rows_statuses_targets_sources_and_examples() -> None:
    text = render(loads(PIPES))
    assert "| en | **left \\| right** | preferred, used by xinhua |  | official-reprint |  |" in text
    assert "| en | old form | superseded, since 2015-09 | → left \\| right |  | Replaced. |" in text
    assert "| en | wrong here | deprecated, bilingual check only |  |  |  |" in text
    assert "- Xinhua, *A | B*, 2024-01-02 <https://example.org/x> (en) [official-reprint]" in text
    assert "- en: An old form. → An left | right." in text
    assert "- en, stays as it is: Nothing to see." in text
    assert "A note with \\*stars\\* and \\<tags\\>." in text


def test_escaping_helpers() -> None:
    assert cell("a | b\\c\nd") == "a \\| b\\\\c d"
    assert inline("x_y `z`") == "x\\_y \\`z\\`"


def test_render_is_deterministic(tb) -> None:  # type: ignore[no-untyped-def]
    assert render(tb) == render(load([TERMBASE], default=False, use_cache=False))


def test_committed_glossary_is_up_to_date() -> None:
    expected = render(load(use_cache=False))
    assert COMMITTED.read_text(encoding="utf-8") == expected, "run `glossary docs --output docs/glossary.md`"


def test_save_writes_and_replaces(tmp_path: Path) -> None:
    target = tmp_path / "g.md"
    save(target, "one\n")
    save(target, "two\n")
    assert target.read_text(encoding="utf-8") == "two\n"
    assert [p.name for p in tmp_path.iterdir()] == ["g.md"]
    assert is_current(target, "two\n") and not is_current(tmp_path / "missing.md", "two\n")


def test_save_into_a_directory_or_missing_folder_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="directory"):
        save(tmp_path, "x")
    with pytest.raises(InputError, match="cannot write"):
        save(tmp_path / "nowhere" / "g.md", "x")


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_cli_prints_writes_and_checks(tmp_path: Path) -> None:
    code, out, _ = run("docs", *TB)
    assert code == 0 and out.startswith("<!-- Generated")
    target = tmp_path / "glossary.md"
    assert run("docs", *TB, "--output", str(target), "--check")[0] == 1
    assert run("docs", *TB, "--output", str(target))[0] == 0
    assert target.read_text(encoding="utf-8") == out
    assert run("docs", *TB, "--output", str(target), "--check") == (0, "", "")
    target.write_text(out + "edited\n", encoding="utf-8")
    code, _, err = run("docs", *TB, "--output", str(target), "--check")
    assert code == 1 and "is not up to date" in err


def test_cli_bad_inputs_exit_2_with_one_line(tmp_path: Path) -> None:
    code, out, err = run("docs", *TB, "--check")
    assert (code, out) == (2, "") and err.count("\n") == 1 and "--check needs --output" in err
    missing = tmp_path / "nowhere" / "g.md"
    code, out, err = run("docs", *TB, "--output", str(missing))
    assert (code, out) == (2, "") and err == f"glossary: error: {missing}: cannot write: No such file or directory\n"
    assert not missing.parent.exists()
