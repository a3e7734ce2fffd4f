from __future__ import annotations

from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from glossary.checks import Options, check_text
from glossary.model import Span
from glossary.quotes import inside, quoted_spans
from glossary.termbase import load

TB = load([Path(__file__).parent / "data" / "bilingual-termbase.yaml"], default=False)


def quoted(text: str) -> list[str]:
    return [text[s.start:s.end] for s in quoted_spans(text)]


def test_straight_and_curly_quotes():
    assert quoted('the "One Belt, One Road" plan') == ['"One Belt, One Road"']
    assert quoted("the “One Belt, One Road” plan") == ["“One Belt, One Road”"]
    assert quoted("the «Один пояс, один путь» plan") == ["«Один пояс, один путь»"]
    assert quoted("称为「一带一路」的倡议") == ["「一带一路」"]


def test_single_quotes_are_not_apostrophes():
    text = "China's 'One Belt, One Road' strategy, as the partners’ 2014 report called it"
    assert quoted(text) == ["'One Belt, One Road'"]
    assert quoted("it’s ‘OBOR’ in the title") == ["‘OBOR’"]


def test_an_unclosed_quote_or_a_paragraph_break_quotes_nothing():
    assert quoted('He said "One Belt, One Road and left.') == []
    assert quoted('"One Belt,\n\nOne Road"') == []


def test_nested_quotations_give_the_outer_span():
    assert quoted("“the ‘OBOR’ idea”") == ["“the ‘OBOR’ idea”"]


@given(st.text(alphabet="ab '\"“”‘’«»\n", max_size=60))
def test_spans_are_ordered_within_the_text_and_start_and_end_on_marks(text: str) -> None:
    spans = quoted_spans(text)
    for a, b in zip(spans, spans[1:]):
        assert a.end <= b.start
    for s in spans:
        assert 0 <= s.start < s.end <= len(text)
        assert text[s.start] in "'\"“‘«" and text[s.end - 1] in "'\"”’»"


def test_inside_needs_the_whole_span_within_the_marks():
    q = [Span(4, 24)]
    assert inside(Span(5, 23), q) and not inside(Span(4, 23), q) and not inside(Span(20, 30), q)


def test_exemption_globally_and_per_concept():
    text = ("The 'One Belt, One Road' strategy, as the 2014 report called it, "
            "became the Belt and Road; \"community of common destiny\" too.")
    assert [f.code for f in check_text(text, "en", TB)] == ["superseded-term", "deprecated-term"]
    assert check_text(text, "en", TB, Options(exempt_quotes=True)) == []
    only = check_text(text, "en", TB, Options(exempt_quotes=frozenset({"belt-and-road"})))
    assert [f.concept_id for f in only] == ["community-shared-future"]


def test_unquoted_variant_is_still_reported_with_the_exemption_on():
    findings = check_text("The OBOR and the 'OBOR'.", "en", TB, Options(exempt_quotes=True))
    assert [(f.code, f.column) for f in findings] == [("superseded-term", 5)]
