"""The finding carries its fix: computed once, when the finding is made (checks.make_finding)."""

from __future__ import annotations

from glossary.checks import Options, check_document, check_text
from glossary.model import Document, Segment
from glossary.readers import load
from glossary.reporters import sarif
from glossary.termbase import TermBase


def test_a_fixable_finding_carries_its_edit_which_writes_the_suggestion(tb: TermBase) -> None:
    text = "OBOR grew. One Belt, One Road was renamed."
    findings = [f for f in check_text(text, "en", tb) if f.code in ("deprecated-term", "superseded-term")]
    assert findings
    for finding in findings:
        assert finding.fix is not None and finding.fix.span == finding.span
        assert finding.fix.replacement == finding.suggestion and finding.no_fix == ""


def test_the_edit_is_escaped_for_the_file_format(tb: TermBase) -> None:
    po = 'msgid ""\nmsgstr ""\n"Language: en\\n"\n\nmsgid "x"\nmsgstr "the \\"One Belt, One Road\\" plan"\n'
    document = load("x.po", po.encode("utf-8"))
    (finding,) = [f for f in check_document(document, tb) if f.code == "superseded-term"]
    assert finding.fix is not None and finding.fix.replacement == finding.suggestion
    assert document.text[finding.fix.span.start:finding.fix.span.end] == "One Belt, One Road"


def test_a_finding_without_an_edit_says_why(tb: TermBase) -> None:
    text = "Belt and Road here, One Belt, One Road there, 一带一路 too."
    document = Document(path="t.txt", text=text, segments=(Segment(text=text, lang="en"),))
    for finding in check_document(document, tb):
        if finding.fix is None:
            assert finding.no_fix


def test_encoding_damage_is_fixed_only_when_asked(tb: TermBase) -> None:
    text = "The price is 10\u00e2\u20ac\u201c12 euros."
    asked = [f for f in check_text(text, "en", tb, Options(fix_encoding=True)) if f.code == "encoding-damage"]
    plain = [f for f in check_text(text, "en", tb) if f.code == "encoding-damage"]
    assert asked and all(f.fix is not None and f.fix.replacement == f.suggestion for f in asked)
    assert plain and all(f.fix is None and "--fix-encoding" in f.no_fix for f in plain)


def test_sarif_fixes_are_the_findings_edits(tb: TermBase) -> None:
    text = "ONE BELT, ONE ROAD is gone."
    findings = check_text(text, "en", tb)
    log = sarif.sarif_log(findings, version="1")
    inserted = [r["fixes"][0]["artifactChanges"][0]["replacements"][0]["insertedContent"]["text"]
                for r in log["runs"][0]["results"] if "fixes" in r]
    assert inserted == [f.fix.replacement for f in findings if f.fix is not None]
