from __future__ import annotations

from glossary.checks import check_text
from glossary.model import Severity
from glossary.termbase import TermBase


def test_two_renderings_of_one_concept_are_mixed(tb: TermBase) -> None:
    text = "Terrorism, separatism and extremism were named. Later the three evil forces were named again."
    [f] = check_text(text, "en", tb)
    assert (f.code, f.severity, f.found, f.suggestion) == (
        "mixed-renderings", Severity.WARNING, "three evil forces", "terrorism, separatism and extremism")
    assert not f.fixable


def test_a_term_and_its_abbreviation_are_not_mixed(tb: TermBase) -> None:
    assert check_text("The Belt and Road Initiative (BRI), the Belt and Road for short.", "en", tb) == []


def test_the_same_rendering_twice_is_not_mixed(tb: TermBase) -> None:
    assert check_text("three evil forces; three evil forces", "en", tb) == []


# ------------------------------------------------ renderings the term base relates (issue 12)

import pytest  # noqa: E402

from glossary import normalize  # noqa: E402
from glossary.termbase import load  # noqa: E402

PLATFORM = """\
version: 1
concepts:
  - id: workshop
    note: A training brand.
    sources: [{publisher: Test, title: Test source, date: "2024", langs: [en]}]
    terms:
      en:
        - {text: Luban Workshop, status: preferred}
        - {text: Luban Workshops, status: admitted, note: plural}
        - {text: Lu Ban Workshop, status: deprecated}
  - id: platform
    note: A cooperation platform.
    sources: [{publisher: Test, title: Test source, date: "2024", langs: [en]}]
    terms:
      en:
        - {text: smooth trade cooperation platform, status: preferred}
        - {text: trade facilitation cooperation platform, status: admitted}
        - {text: platform for trade, status: deprecated}
"""


@pytest.fixture(scope="module")
def shipped() -> TermBase:
    return load(use_cache=False)


@pytest.fixture()
def small(tmp_path) -> TermBase:  # type: ignore[no-untyped-def]
    path = tmp_path / "terms.yaml"
    path.write_text(PLATFORM, encoding="utf-8")
    return load([path], default=False, use_cache=False)


def test_a_term_its_short_form_and_abbreviation_are_one_family(shipped: TermBase) -> None:
    text = "The Belt and Road Initiative (BRI) has grown. Belt and Road countries trade more."
    assert [f.code for f in check_text(text, "en", shipped)] == []


def test_a_listed_plural_is_a_form_of_its_singular(small: TermBase) -> None:
    text = "Luban Workshops train welders. The first Luban Workshop opened in 2016."
    assert check_text(text, "en", small) == []


def test_renderings_the_term_base_does_not_relate_are_still_mixed(small: TermBase) -> None:
    text = "The smooth trade cooperation platform met. The trade facilitation cooperation platform met again."
    [f] = check_text(text, "en", small)
    assert (f.code, f.found) == ("mixed-renderings", "trade facilitation cooperation platform")


def test_a_fixed_text_checks_clean(shipped: TermBase) -> None:
    text = "The Belt and Road Initiative is ten years old; One Belt, One Road was its first name."
    fixed = normalize(text, "en", shipped)
    assert fixed != text
    assert check_text(fixed, "en", shipped) == []


def test_a_fix_writes_the_rendering_the_text_already_uses(small: TermBase) -> None:
    text = "The trade facilitation cooperation platform met. A platform for trade was named."
    [f] = check_text(text, "en", small)
    assert (f.code, f.suggestion) == ("deprecated-term", "trade facilitation cooperation platform")
    fixed = normalize(text, "en", small)
    assert fixed == "The trade facilitation cooperation platform met. A trade facilitation cooperation platform was named."
    assert check_text(fixed, "en", small) == []


# ------------------------------------------------ a gloss in one sentence is no mix


@pytest.mark.parametrize("text", [
    "Terrorism, separatism and extremism, also called the three evil forces, were on the agenda.",
    "The ministers named the three evil forces (terrorism, separatism and extremism) first.",
    "Terrorism, separatism and extremism\u2014known together as the three evil forces\u2014were named. Nothing else was.",
])
def test_a_rendering_glossed_by_another_in_one_sentence_is_not_mixed(tb: TermBase, text: str) -> None:
    assert [f for f in check_text(text, "en", tb) if f.code == "mixed-renderings"] == []


def test_a_gloss_does_not_excuse_the_next_sentence(tb: TermBase) -> None:
    text = ("Terrorism, separatism and extremism, also called the three evil forces, were named. "
            "Later the three evil forces came up again.")
    [f] = [f for f in check_text(text, "en", tb) if f.code == "mixed-renderings"]
    assert f.span.start == text.rindex("three evil forces")


def test_two_renderings_listed_in_one_sentence_without_a_gloss_are_mixed(tb: TermBase) -> None:
    text = "Terrorism, separatism and extremism and the three evil forces were named."
    assert [f.found for f in check_text(text, "en", tb) if f.code == "mixed-renderings"] == ["three evil forces"]


# ------------------------------------------- one sentence, judged between the two renderings only

from types import SimpleNamespace  # noqa: E402

from hypothesis import example, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from glossary.checks.consistency import _SENTENCE_BREAK, _one_sentence  # noqa: E402
from glossary.model import Span  # noqa: E402


def _sentence_from_start(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence as first written: every sentence end from the start of the text up to `start`."""
    lo = 0
    for m in _SENTENCE_BREAK.finditer(text, 0, start):
        lo = m.end()
    m = _SENTENCE_BREAK.search(text, end)
    return lo, (m.start() + 1 if m else len(text))


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet="ab .!?\n\"»)", min_size=4, max_size=80), st.data())
def test_one_sentence_agrees_with_the_sentence_read_from_the_start(text: str, data: st.DataObject) -> None:
    words = [i for i, c in enumerate(text) if c in "ab" and (i == 0 or text[i - 1] not in "ab")]
    if len(words) < 2:
        return
    i, j = sorted(data.draw(st.lists(st.sampled_from(words), min_size=2, max_size=2, unique=True)))

    def word(at: int) -> SimpleNamespace:
        end = at
        while end < len(text) and text[end] in "ab":
            end += 1
        return SimpleNamespace(span=Span(at, end))

    for x, m in ((word(i), word(j)), (word(j), word(i))):
        lo, hi = _sentence_from_start(text, m.span.start, m.span.end)
        assert _one_sentence(text, x, m) == (lo <= x.span.start and x.span.end <= hi), (text, x, m)


# ------------------------------------------- a gloss looked for only among the renderings near one

from glossary.checks.consistency import _glossed, _Near, family_of  # noqa: E402
from glossary.matcher import matcher_for  # noqa: E402

_GLOSS_PIECES = ["Terrorism, separatism and extremism", "three evil forces", "Belt and Road Initiative", "BRI",
                 "Belt and Road", "also called", "known as", "or", "and", "(", ")", "\u2014", ",", ".", "the",
                 "ministers", "named", "on the agenda of the long meeting that week",
                 "also called by the ministers at the meeting", "\n\n"]


def _glossed_by_any(text: str, m, matches, termbase: TermBase, lang: str) -> bool:  # type: ignore[no-untyped-def]
    """`_glossed` as first written: every match of the segment tried."""
    from glossary.checks.consistency import _GLOSS, _GLOSS_REACH

    mine = family_of(termbase, m.concept_id, lang, m.term)
    for x in matches:
        if (x is m or x.concept_id != m.concept_id or x.term.status.is_variant
                or family_of(termbase, m.concept_id, lang, x.term) == mine):
            continue
        a, b = (x.span.end, m.span.start) if x.span.end <= m.span.start else (m.span.end, x.span.start)
        if 0 <= b - a <= _GLOSS_REACH and _GLOSS.search(text, a, b) and _one_sentence(text, x, m):
            return True
    return False


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_GLOSS_PIECES), min_size=2, max_size=30))
@example(["three evil forces", "also called by the ministers at the meeting", "Terrorism, separatism and extremism"])
def test_a_gloss_found_among_the_near_renderings_is_the_one_found_among_all(tb: TermBase, pieces: list[str]) -> None:
    text = " ".join(pieces)
    matches = matcher_for(tb, "en").scan(text)
    near = _Near(list(reversed(matches)))  # in any order
    for m in matches:
        assert _glossed(text, m, near, tb, "en") == _glossed_by_any(text, m, matches, tb, "en"), (text, m)
