from __future__ import annotations

from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from glossary.checks import Options, check_document, check_text
from glossary.model import Span
from glossary.quotes import block_quotes, inside, quoted_spans
from glossary.readers import load as read
from glossary.termbase import load

TB = load([Path(__file__).parent / "data" / "bilingual-termbase.yaml"], default=False)

QUOTED_DRAFT = """\
# Ten years on

The 2014 report, quoted as it stands:

> China launched the One Belt, One Road strategy,
> a community of common destiny in the making.

Today we write Belt and Road. The <q>OBOR</q> label of the time is gone.
"""


def markdown(text: str):  # type: ignore[no-untyped-def]
    return read("draft.md", text.encode("utf-8"))


def quoted(text: str, fmt: str = "markdown") -> list[str]:
    return [text[s.start:s.end] for s in quoted_spans(text, fmt)]


def test_block_quote_lines_are_one_quotation():
    assert quoted("Intro.\n> One Belt,\n> One Road\n\nAfter.\n") == ["> One Belt,\n> One Road"]


def test_html_q_and_blockquote_are_quotations_in_any_format():
    assert quoted("the <q>OBOR</q> label", "text") == ["<q>OBOR</q>"]
    assert quoted('<BLOCKQUOTE cite="x">One Belt,\nOne Road</BLOCKQUOTE>', "text") == [
        '<BLOCKQUOTE cite="x">One Belt,\nOne Road</BLOCKQUOTE>']


def test_quotation_marks_alone_are_not_a_quotation():
    assert quoted('the "One Belt, One Road" plan and the ‘OBOR’ label') == []


def test_a_block_quote_marker_in_plain_text_or_code_quotes_nothing():
    assert quoted("> One Belt, One Road\n", "text") == []
    assert block_quotes("```\n> One Belt, One Road\n```\n") == []


@given(st.text(alphabet="ab >\n`<q/", max_size=60))
def test_spans_lie_within_the_text(text: str) -> None:
    for s in quoted_spans(text, "markdown"):
        assert 0 <= s.start < s.end <= len(text)


def test_inside_needs_the_whole_span():
    q = [Span(4, 24)]
    assert inside(Span(4, 24), q) and inside(Span(5, 23), q) and not inside(Span(20, 30), q)


def test_marked_quotations_are_exempt_by_default():
    findings = check_document(markdown(QUOTED_DRAFT), TB)
    assert findings == []


def test_check_quotes_reports_inside_quotations_too():
    findings = check_document(markdown(QUOTED_DRAFT), TB, Options(exempt_quotes=False))
    assert [f.found for f in findings] == ["One Belt, One Road", "community of common destiny", "OBOR"]


def test_exemption_per_concept():
    findings = check_document(markdown(QUOTED_DRAFT), TB, Options(exempt_quotes=frozenset({"belt-and-road"})))
    assert [f.concept_id for f in findings] == ["community-shared-future"]


def test_quoted_names_stay_checked():
    text = "The 'One Belt, One Road' strategy, as the 2014 report called it; \"community of common destiny\" too."
    findings = check_text(text, "en", TB, Options(exempt_quotes=True))
    assert [f.code for f in findings] == ["superseded-term", "deprecated-term"]


def test_fix_leaves_a_marked_quotation_alone(tmp_path: Path):
    from click.testing import CliRunner

    from glossary.cli import main

    p = tmp_path / "draft.md"
    p.write_text(QUOTED_DRAFT.replace("Today we write Belt and Road.", "Today we write One Belt, One Road."),
                 encoding="utf-8")
    result = CliRunner().invoke(main, ["fix", str(p), "--no-default", "--termbase",
                                       str(Path(__file__).parent / "data" / "bilingual-termbase.yaml")])
    assert result.exit_code == 1
    assert p.read_text(encoding="utf-8") == QUOTED_DRAFT
