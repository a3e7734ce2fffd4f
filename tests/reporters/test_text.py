from __future__ import annotations

import os
from pathlib import Path


from glossary.checks import check_document, text_document
from glossary.reporters import Report
from glossary.reporters.text import render, window
from glossary.termbase import TermBase

GOLDEN = Path(__file__).parent.parent / "golden"
TEXT = ("Opening remarks.\n"
        "Ministers spoke at length, and then at even greater length, about the One Belt, One Road plans "
        "and a great many other matters that need not concern us here at all.\n"
        "OBOR\n")


def test_window_cuts_long_lines_around_the_span() -> None:
    line = "x" * 100 + "TERM" + "y" * 100
    cut, first, last = window(line, 100, 104)
    assert cut[first:last] == "TERM"
    assert cut.startswith("…") and cut.endswith("…")


def test_text_report_matches_golden(tb: TermBase) -> None:
    doc = text_document(TEXT, path="draft.txt", lang="en")
    report = Report(findings=tuple(check_document(doc, tb)), files=("draft.txt",), sources={"draft.txt": TEXT})
    got = render(report)
    golden = GOLDEN / "draft.text"
    if os.environ.get("GLOSSARY_UPDATE_GOLDEN"):
        golden.write_text(got, encoding="utf-8")
    assert got == golden.read_text(encoding="utf-8")


def test_quiet_report_is_one_line_per_finding(tb: TermBase) -> None:
    doc = text_document(TEXT, path="draft.txt", lang="en")
    report = Report(findings=tuple(check_document(doc, tb)), verbose=False)
    assert render(report).count("\n") == 2
