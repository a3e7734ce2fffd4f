"""The check registry runs the checks: each family module has `run(context)`, the order comes from the records."""

from __future__ import annotations

from importlib import import_module
from pathlib import Path

from glossary.checks import CHECKS, FAMILIES, Context, codes_table, scan
from glossary.checks import check_document, text_document
from glossary.checks import Options
from glossary.positions import LineIndex
from glossary.termbase import TermBase

DOCS = Path(__file__).resolve().parents[2] / "docs" / "codes.md"


def test_every_family_is_a_module_with_run_and_every_code_but_the_scope_steps_has_one() -> None:
    assert FAMILIES == ("terms", "consistency", "encoding", "bilingual", "variants")
    for family in FAMILIES:
        assert callable(import_module(f"glossary.checks.{family}").run)
    assert [c.code for c in CHECKS if c.family is None] == ["unused-suppression", "more-findings"]


def test_running_the_families_by_hand_gives_what_check_document_reports(tb: TermBase) -> None:
    text = "One Belt, One Road and the Belt and Road Initiative; OBOR.\n"
    document = text_document(text, lang="en")
    options = Options(lang="en")
    context = Context(document, tb, options, LineIndex(text), scan(document, tb, options))
    by_hand = [f for family in FAMILIES for f in import_module(f"glossary.checks.{family}").run(context)]
    assert sorted(by_hand, key=lambda f: (f.start, f.end, f.code)) == check_document(document, tb, options)


def test_the_table_of_codes_in_the_docs_is_the_registry() -> None:
    assert codes_table() in DOCS.read_text(encoding="utf-8")
