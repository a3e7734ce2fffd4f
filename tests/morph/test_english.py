"""English plurals and possessives of a term's last noun: found unlisted, kept by the fix."""

from __future__ import annotations

from pathlib import Path

import pytest

import glossary
from glossary.morph.english import PLURAL, PLURAL_POSSESSIVE, POSSESSIVE, inflect, plural, variants
from glossary.termbase import TermBase, load

DATA = Path(__file__).parent.parent / "data"


@pytest.fixture(scope="module")
def tb() -> TermBase:
    return load([DATA / "morph.yaml"], default=False, use_cache=False)


@pytest.mark.parametrize(("word", "expected"), [
    ("Workshop", "Workshops"), ("Initiative", "Initiatives"), ("Policy", "Policies"), ("Day", "Days"),
    ("Corridor", "Corridors"), ("Tax", "Taxes"), ("Branch", "Branches"), ("Woman", "Women"),
    ("Talks", None), ("mankind", None), ("BRI", None), ("of", None),
])
def test_plural_of_the_last_noun(word: str, expected: str | None) -> None:
    assert plural(word) == expected


def test_variants_spell_plural_possessive_and_both() -> None:
    got = {v.text: v.form for v in variants("Luban Workshop")}
    assert got["Luban Workshops"] == (PLURAL,)
    assert got["Luban Workshop's"] == (POSSESSIVE,)
    assert got["Luban Workshop’s"] == (POSSESSIVE,)
    assert "Luban Workshops'" not in got  # a closing quote folds the same: found as the plural instead
    assert {v.text: v.form for v in variants("Rural Woman")}["Rural Women's"] == (PLURAL_POSSESSIVE,)
    assert variants("community with a shared future for mankind")[0].text == "community with a shared future for mankind's"
    assert variants("Belt and Road, the") == ()


def test_inflect_keeps_the_form_and_the_apostrophe() -> None:
    assert inflect("Luban Workshop", (PLURAL,)) == "Luban Workshops"
    assert inflect("Luban Workshop", (POSSESSIVE,), "Lu Ban Workshop’s") == "Luban Workshop’s"
    assert inflect("Luban Workshop", (PLURAL_POSSESSIVE,), "Lu Ban Workshops'") == "Luban Workshops'"
    assert inflect("Luban Workshop", ()) == "Luban Workshop"
    assert inflect("Belt and Road Talks", (PLURAL,)) is None


@pytest.mark.parametrize(("text", "fixed"), [
    ("Three Lu Ban Workshops opened in Almaty.", "Three Luban Workshops opened in Almaty."),
    ("The Lu Ban Workshop's first graduates found jobs.", "The Luban Workshop's first graduates found jobs."),
    ("The Lu Ban Workshop’s students met.", "The Luban Workshop’s students met."),
    ("All Lu Ban Workshops' teachers came.", "All Luban Workshops' teachers came."),
    ("LU BAN WORKSHOPS OPEN", "LUBAN WORKSHOPS OPEN"),
])
def test_normalize_keeps_plural_and_possessive(tb: TermBase, text: str, fixed: str) -> None:
    assert glossary.normalize(text, "en", tb) == fixed


def test_a_closing_quote_is_not_a_possessive(tb: TermBase) -> None:
    text = "They praised the “Lu Ban Workshops”."
    assert glossary.normalize(text, "en", tb) == "They praised the “Luban Workshops”."


def test_plurals_of_preferred_terms_are_clean_and_listed_forms_win(tb: TermBase) -> None:
    assert glossary.check("Two Luban Workshops and the Luban Workshop's staff.", "en", tb) == []
    assert glossary.check("Lu Ban, the carpenter, built a workshop.", "en", tb) == []
    # "Belt and Road Initiatives" is listed as deprecated: the generated plural
    # of the preferred term must not hide it.
    [finding] = glossary.check("The Belt and Road Initiatives grew.", "en", tb)
    assert (finding.code, finding.suggestion) == ("deprecated-term", "Belt and Road Initiative")


def test_matches_say_which_form_they_found(tb: TermBase) -> None:
    [m] = glossary.find_concepts("new Luban Workshops", "en", tb)
    assert (m.concept_id, m.term.text, m.form) == ("luban-workshop", "Luban Workshop", (PLURAL,))
