from __future__ import annotations

import pytest

from glossary.checks import check_document, text_document
from glossary.reporters import Report
from glossary.positions import LineIndex
from glossary.reporters.text import CONTEXT, _line_window, render
from glossary.termbase import TermBase

from ..conftest import golden
TEXT = ("Opening remarks.\n"
        "Ministers spoke at length, and then at even greater length, about the One Belt, One Road plans "
        "and a great many other matters that need not concern us here at all.\n"
        "OBOR\n")


def test_window_cuts_long_lines_around_the_span() -> None:
    line = "x" * 100 + "TERM" + "y" * 100
    cut, first, last = _line_window(LineIndex(line + "\n"), 1, 101, 105, CONTEXT, 20)
    assert cut[first:last] == "TERM"
    assert cut.startswith("…") and cut.endswith("…")


@pytest.mark.parametrize(("explain", "name"), [(True, "draft.text"), (False, "draft.short.text")])
def test_text_report_matches_golden(tb: TermBase, explain: bool, name: str) -> None:
    doc = text_document(TEXT, path="draft.txt", lang="en")
    report = Report(findings=tuple(check_document(doc, tb)), files=("draft.txt",), sources={"draft.txt": TEXT},
                    explain=explain)
    golden(name, render(report))


def test_quiet_report_is_one_line_per_finding(tb: TermBase) -> None:
    doc = text_document(TEXT, path="draft.txt", lang="en")
    report = Report(findings=tuple(check_document(doc, tb)), verbose=False)
    assert render(report).count("\n") == 2


def test_short_report_is_four_lines_a_finding_and_fits_the_line(tb: TermBase) -> None:
    text = "x" * 5000 + " One Belt, One Road " + "y" * 5000 + "\n"
    doc = text_document(text, path="long.txt", lang="en")
    findings = tuple(check_document(doc, tb))
    got = render(Report(findings=findings, files=("long.txt",), sources={"long.txt": text})).splitlines()
    assert len(got) == 4 * len(findings) == 4
    quoted, caret = got[1], got[2]
    assert "One Belt, One Road" in quoted and len(quoted) <= 90
    assert caret.rstrip().endswith("^ Belt and Road")
    assert got[3].startswith("  = ") and "(NDRC, 2015-09-23)" in got[3]


def test_short_reason_prefers_the_terms_reason_then_the_first_sentence() -> None:
    from glossary.checks.explain import first_sentence

    assert first_sentence("Replaced in 2015. Russian usage followed later.") == "Replaced in 2015."
    assert first_sentence("Named after Lu Ban (a craftsman). «Лу Бань» in Russian.") == "Named after Lu Ban (a craftsman)."
    long = "word " * 60
    cut = first_sentence(long)
    assert len(cut) <= 160 and cut.endswith("…")


@pytest.mark.parametrize("explain", [False, True], ids=["short", "explain"])
def test_context_on_a_huge_single_line_is_a_bounded_window(tb: TermBase, explain: bool) -> None:
    # Speed is measured by benchmarks/long_line.py; here only the size of what is shown.
    text = ("word " * 100_000 + "One Belt, One Road. ") * 3 + "\tend"
    doc = text_document(text, path="long.txt", lang="en")
    findings = tuple(check_document(doc, tb))
    assert [f.line for f in findings] == [1, 1, 1]
    out = render(Report(findings=findings, files=("long.txt",), sources={"long.txt": text}, explain=explain))
    context = [line for line in out.splitlines() if line.startswith("1 | ")]
    assert len(context) == 3
    for line, f in zip(context, findings):
        assert len(line) < 200 and "…" in line
        assert f.found in line
