"""Every finding code has its documentation: a section of docs/codes.md and SARIF rule text."""

from __future__ import annotations

import re
from pathlib import Path

from glossary import codes
from glossary.checks import CHECKS

DOCS = (Path(__file__).resolve().parent.parent / codes.DOCS_PAGE).read_text(encoding="utf-8")


def _section(code: str) -> str:
    match = re.search(rf"^## {re.escape(code)}\n(.*?)(?=^## |\Z)", DOCS, re.S | re.M)
    assert match, f"docs/codes.md has no section for {code}"
    return match.group(1)


def test_every_check_has_a_docs_section_with_the_usual_parts():
    for check in CHECKS:
        body = _section(check.code)
        for part in ("**What it flags.**", "**Why.**", "**Example.**", "**Fixed.**", "**Not flagged.**", "**Silence it.**"):
            assert part in body, f"{check.code}: {part} missing"


def test_every_check_has_rule_text_and_a_help_uri_into_the_docs():
    for check in CHECKS:
        doc = codes.doc(check.code)
        assert doc is not codes.GENERIC, check.code
        assert doc.description.strip() and doc.help.strip()
        assert codes.help_uri(check.code).endswith(f"codes.md#{check.code}")


def test_the_table_lists_every_code_with_its_severity():
    for check in CHECKS:
        assert re.search(rf"\| \[`{re.escape(check.code)}`\]\(#{re.escape(check.code)}\) \| {check.severity} \|", DOCS), check.code


def test_no_documented_code_is_unknown():
    documented = set(re.findall(r"^## ([a-z][a-z-]+)$", DOCS, re.M))
    assert documented == {c.code for c in CHECKS}
    assert {d.code for d in codes.DOCS} == {c.code for c in CHECKS}


def test_help_uri_points_at_the_codes_page_in_the_repository():
    from glossary.project import REPOSITORY

    uri = codes.help_uri("superseded-term")
    assert uri == f"{REPOSITORY}/blob/main/docs/codes.md#superseded-term"
    assert ".invalid" not in uri
