from __future__ import annotations

import pytest

from glossary.checks import check_document, text_document
from glossary.reporters import Report
from glossary.positions import LineIndex
from glossary.reporters.text import CONTEXT, _line_window, clip, render, short_cite
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


@pytest.mark.parametrize(("layout", "name"), [({"explain": True}, "draft.text"),
                                              ({"show_source": True}, "draft.source.text"),
                                              ({}, "draft.concise.text")], ids=["explain", "show-source", "concise"])
def test_text_report_matches_golden(tb: TermBase, layout: dict[str, bool], name: str) -> None:
    doc = text_document(TEXT, path="draft.txt", lang="en")
    report = Report(findings=tuple(check_document(doc, tb)), files=("draft.txt",), sources={"draft.txt": TEXT},
                    **layout)
    golden(name, render(report))


@pytest.mark.parametrize("layout", [{}, {"show_source": True}, {"explain": True}])
def test_quiet_report_is_the_concise_one_line_per_finding(tb: TermBase, layout: dict[str, bool]) -> None:
    doc = text_document(TEXT, path="draft.txt", lang="en")
    findings = tuple(check_document(doc, tb))
    quiet = render(Report(findings=findings, verbose=False, **layout))
    assert quiet.count("\n") == 2
    assert quiet == render(Report(findings=findings))


def test_concise_line_says_what_to_write_why_and_who_says_so(tb: TermBase) -> None:
    doc = text_document(TEXT, path="draft.txt", lang="en")
    first = render(Report(findings=tuple(check_document(doc, tb)))).splitlines()[0]
    assert first.startswith('draft.txt:2:71: superseded-term [*] "One Belt, One Road" → "Belt and Road" — ')
    assert first.endswith("(NDRC, 2015-09-23)")


def test_concise_line_colours_what_was_found_and_what_to_write(tb: TermBase) -> None:
    doc = text_document(TEXT, path="draft.txt", lang="en")
    first = render(Report(findings=tuple(check_document(doc, tb)), color=True)).splitlines()[0]
    assert '"\033[31m\033[1mOne Belt, One Road\033[0m"' in first  # the severity's colour (an error: red)
    assert '"\033[32m\033[1mBelt and Road\033[0m"' in first


@pytest.mark.parametrize(("text", "limit", "expected"), [
    ("Back-translation from Russian.", 72, "Back-translation from Russian."),
    ("Back-translation from Russian; narrowed to this wording because it is ordinary English.", 60,
     "Back-translation from Russian; narrowed to this wording…"),
    ("Official around 2011-2013, replaced in official English by \"community with a shared future\"; no notice.", 72,
     "Official around 2011-2013, replaced in official English by…"),
    ("Narrowed to the reciprocal phrase, since the words alone are ordinary English usage everywhere.", 60,
     "Narrowed to the reciprocal phrase…"),
])
def test_clip_cuts_at_a_clause_or_word_and_never_inside_a_quotation(text: str, limit: int, expected: str) -> None:
    assert clip(text, limit) == expected
    assert len(clip(text, limit)) <= limit + 1


def test_short_citation_is_the_publisher_itself_and_the_date() -> None:
    from glossary.model import Source

    assert short_cite(Source(publisher="Xinhua, via People's Daily Online", date="2025-06-19")) == "Xinhua, 2025-06-19"
    assert short_cite(Source(publisher="Qiushi Journal (English)", date="2024")) == "Qiushi Journal, 2024"
    assert short_cite(Source(title="Notice on the English name", date="2015-09-23")) == \
        "Notice on the English name, 2015-09-23"


def test_show_source_report_is_four_lines_a_finding_and_fits_the_line(tb: TermBase) -> None:
    text = "x" * 5000 + " One Belt, One Road " + "y" * 5000 + "\n"
    doc = text_document(text, path="long.txt", lang="en")
    findings = tuple(check_document(doc, tb))
    got = render(Report(findings=findings, files=("long.txt",), sources={"long.txt": text},
                        show_source=True)).splitlines()
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


@pytest.mark.parametrize("explain", [False, True], ids=["show-source", "explain"])
def test_context_on_a_huge_single_line_is_a_bounded_window(tb: TermBase, explain: bool) -> None:
    # Speed is measured by benchmarks/long_line.py; here only the size of what is shown.
    text = ("word " * 100_000 + "One Belt, One Road. ") * 3 + "\tend"
    doc = text_document(text, path="long.txt", lang="en")
    findings = tuple(check_document(doc, tb))
    assert [f.line for f in findings] == [1, 1, 1]
    out = render(Report(findings=findings, files=("long.txt",), sources={"long.txt": text}, explain=explain,
                        show_source=True))
    context = [line for line in out.splitlines() if line.startswith("1 | ")]
    assert len(context) == 3
    for line, f in zip(context, findings):
        assert len(line) < 200 and "…" in line
        assert f.found in line


def test_a_variant_is_cited_by_its_own_source_and_explain_lists_it() -> None:
    from ..conftest import river_pact

    tb = river_pact('{publisher: Valley Weekly, title: Dam talks, url: "https://example.org/dam", date: "2022-03-01"}')
    text = "The Basin River Treaty was signed.\n"
    doc = text_document(text, path="d.txt", lang="en")
    findings = tuple(check_document(doc, tb))
    concise = render(Report(findings=findings, files=("d.txt",), sources={"d.txt": text}))
    assert "(Valley Weekly, 2022-03-01)" in concise and "Ministry" not in concise
    explained = render(Report(findings=findings, files=("d.txt",), sources={"d.txt": text}, explain=True))
    assert "found in use: Valley Weekly, Dam talks, 2022-03-01, https://example.org/dam" in explained
    assert "Ministry" in explained  # the suggestion's source stays
