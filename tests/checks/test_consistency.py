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
