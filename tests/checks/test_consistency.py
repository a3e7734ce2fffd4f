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
