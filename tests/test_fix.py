from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from glossary import check, normalize
from glossary.checks import check_text
from glossary.fix import apply, keep_case, plan, sentence_initial
from glossary.model import Edit, Span
from glossary.termbase import TermBase


@pytest.mark.parametrize(
    ("found", "replacement", "initial", "expected"),
    [
        ("OBOR", "BRI", False, "BRI"),
        ("ONE BELT, ONE ROAD", "Belt and Road", False, "BELT AND ROAD"),
        ("Community of common destiny", "community with a shared future", True, "Community with a shared future"),
        ("Community of common destiny", "community with a shared future", False, "community with a shared future"),
        ("community of common destiny", "community with a shared future", True, "community with a shared future"),
        ("One Belt, One Road", "Belt and Road", True, "Belt and Road"),
    ],
)
def test_keep_case(found: str, replacement: str, initial: bool, expected: str) -> None:
    assert keep_case(found, replacement, initial) == expected


@pytest.mark.parametrize(
    ("text", "start", "expected"),
    [("Abc", 0, True), ("Done. Abc", 6, True), ("Done? «Abc", 7, True), ("a Abc", 2, False),
     ("para\n\nAbc", 6, True), ("line\nAbc", 5, False), ("了。Abc", 2, True)],
)
def test_sentence_initial(text: str, start: int, expected: bool) -> None:
    assert sentence_initial(text, start) is expected


def test_fix_keeps_sentence_initial_capital(tb: TermBase) -> None:
    assert normalize("Community of common destiny is the aim.", "en", tb) == \
        "Community with a shared future for mankind is the aim."


def test_fix_keeps_all_capitals(tb: TermBase) -> None:
    assert normalize("SEE: ONE BELT, ONE ROAD PROJECTS", "en", tb) == "SEE: BELT AND ROAD PROJECTS"


def test_fix_uses_fix_to_target(tb: TermBase) -> None:
    assert normalize("OBOR and One Belt, One Road Initiative", "en", tb) == "BRI and Belt and Road Initiative"


def test_apply_rejects_overlapping_edits() -> None:
    with pytest.raises(ValueError):
        apply("abcdef", [Edit(Span(0, 3), "x"), Edit(Span(2, 4), "y")])


def test_plan_skips_findings_without_suggestion_or_not_fixable(tb: TermBase) -> None:
    text = "terrorism, separatism and extremism; three evil forces"
    assert plan(text, check_text(text, "en", tb)) == ()


VARIANTS = ["One Belt, One Road", "ONE BELT, ONE ROAD", "OBOR", "community of common destiny",
            "Community of Shared Destiny", "Lu Ban Workshops", "lu ban workshop", "One-Belt-One-Road Initiative"]
WORDS = st.sampled_from(["the", "plan", "Road", "belt", "of", "and", "Lu", "Ban", "destiny", "BRI", "Belt and Road",
                         "community", ".", ",", "\n", "«", "»", "mankind", "Initiative", "workshop"])


@st.composite
def drafts(draw: st.DrawFn) -> str:
    pieces = draw(st.lists(st.one_of(WORDS, st.sampled_from(VARIANTS)), max_size=14))
    return " ".join(pieces)


@given(drafts())
def test_fix_is_idempotent_and_fixed_text_checks_clean(tb: TermBase, text: str) -> None:
    fixed = normalize(text, "en", tb)
    assert normalize(fixed, "en", tb) == fixed
    assert [f for f in check(fixed, "en", tb) if f.fixable] == []


@given(drafts())
def test_fix_changes_only_reported_spans(tb: TermBase, text: str) -> None:
    findings = check_text(text, "en", tb)
    edits = plan(text, findings)
    fixed = apply(text, edits)
    # Rebuild the text from the untouched stretches: they must be byte-identical.
    last = 0
    out_pos = 0
    for edit in edits:
        assert any(f.span == edit.span for f in findings)
        untouched = text[last:edit.span.start]
        assert fixed[out_pos:out_pos + len(untouched)] == untouched
        out_pos += len(untouched) + len(edit.replacement)
        last = edit.span.end
    assert fixed[out_pos:] == text[last:]


# ---------------------------------------- the suggestion is what fix writes (issue 12, point 5)

ABBREVIATIONS = """\
version: 1
concepts:
  - id: bri
    note: The initiative.
    sources: [{publisher: Test, title: Test source, date: "2024", langs: [en]}]
    terms:
      en:
        - {text: Belt and Road Initiative, status: preferred}
        - {text: Belt and Road, status: admitted}
        - {text: B&R, status: deprecated, fix_to: Belt and Road}
        - {text: OBOR, status: superseded, fix_to: Belt and Road Initiative}
        - {text: "One Belt, One Road", status: superseded, fix_to: Belt and Road}
        - {text: Belt and Road strategy, status: deprecated, fix_to: Belt and Road Initiative}
        - {text: Belt and Road Initiatives, status: deprecated, fix_to: Belt and Road Initiative}
"""


@pytest.fixture()
def abbreviations(tmp_path) -> TermBase:  # type: ignore[no-untyped-def]
    from glossary.termbase import load

    path = tmp_path / "terms.yaml"
    path.write_text(ABBREVIATIONS, encoding="utf-8")
    return load([path], default=False, use_cache=False)


@pytest.mark.parametrize(
    ("text", "suggestion", "fixed"),
    [
        ("PLANS FOR ONE BELT, ONE ROAD", "BELT AND ROAD", "PLANS FOR BELT AND ROAD"),
        ("Talks on B&R went on.", "Belt and Road", "Talks on Belt and Road went on."),
        ("Talks on OBOR went on.", "Belt and Road Initiative", "Talks on Belt and Road Initiative went on."),
        ("Analysts wrote of Belt and Road strategies.", "Belt and Road Initiative",
         "Analysts wrote of Belt and Road Initiative."),
        ("One Belt, One Road started in 2013.", "Belt and Road", "Belt and Road started in 2013."),
    ],
)
def test_suggestion_is_what_fix_writes(abbreviations: TermBase, text: str, suggestion: str, fixed: str) -> None:
    [finding] = check_text(text, "en", abbreviations)
    assert finding.suggestion == suggestion
    assert normalize(text, "en", abbreviations) == fixed
    assert fixed[finding.span.start:].startswith(suggestion)


def test_a_suggestion_is_never_itself_deprecated(abbreviations: TermBase) -> None:
    from glossary.checks.terms import variant_named

    concept = abbreviations.concept("bri")
    for text in ("Belt and Road strategies", "THE BELT AND ROAD STRATEGY", "B&R", "OBOR"):
        for finding in check_text(text, "en", abbreviations):
            assert finding.suggestion is not None
            assert variant_named(concept, "en", finding.suggestion) is None, finding
