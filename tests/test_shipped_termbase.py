"""The shipped term base is tested data: it validates and its examples hold."""

from __future__ import annotations

import pytest

from glossary.examples import run_examples
from glossary.model import Status
from glossary.termbase import TermBase, load


@pytest.fixture(scope="module")
def shipped() -> TermBase:
    return load(use_cache=False)


def test_shipped_term_base_validates_with_its_examples(shipped: TermBase) -> None:
    assert [str(e) for e in run_examples(shipped)] == []


def test_every_preferred_rendering_has_a_source(shipped: TermBase) -> None:
    assert [str(w) for w in shipped.warnings if w.message.endswith("has no source")] == []


def test_every_source_says_its_kind(shipped: TermBase) -> None:
    """Source quality is data: `validate` and `stats` judge the evidence by it."""
    unkinded = [f"{c.id}: {s.url or s.title}" for c in shipped.concepts
                for s in c.sources + tuple(s for t in c.terms for s in t.sources) if s.kind is None]
    assert unkinded == []


def test_every_variant_has_a_fix_example(shipped: TermBase) -> None:
    missing = []
    for concept in shipped.concepts:
        fixed_langs = {e.lang for e in concept.examples if e.fixed is not None}
        for term in concept.terms:
            if term.status.is_variant and not term.requires_source and term.lang not in fixed_langs:
                missing.append(f"{concept.id}/{term.lang}")
    assert sorted(set(missing)) == []


def test_every_concept_has_a_clean_example(shipped: TermBase) -> None:
    without = [c.id for c in shipped.concepts
               if any(t.status.is_variant for t in c.terms) and not any(e.fixed is None for e in c.examples)]
    assert without == []


def test_seed_size_and_languages(shipped: TermBase) -> None:
    with_all = [c for c in shipped.concepts if all(c.preferred(lang) for lang in ("zh", "en", "ru"))]
    assert len(with_all) >= 15
    assert all(c.preferred("en") for c in shipped.concepts)
    assert any(t.status is Status.SUPERSEDED for c in shipped.concepts for t in c.terms)


def test_each_variant_is_shown_in_an_example(shipped: TermBase) -> None:
    """A variant fixed monolingually has a sentence fix must change; one that needs
    the source text has a sentence that must stay clean without it."""
    from glossary.fold import fold_text

    missing = []
    for concept in shipped.concepts:
        for term in concept.terms:
            if not term.status.is_variant:
                continue
            key = fold_text(term.text)
            shown = [e for e in concept.examples if e.lang == term.lang and key in fold_text(e.text)]
            wanted = [e for e in shown if (e.fixed is None) == term.requires_source]
            if not wanted:
                missing.append(f"{concept.id}/{term.lang}: {term.text}")
    assert missing == []


def test_no_term_is_an_inflection_the_matcher_already_finds(shipped: TermBase) -> None:
    """A case or number form of a listed term is found by the morphology layer: listing it again is noise."""
    from glossary.matcher import matcher_for

    redundant = []
    for concept in shipped.concepts:
        for term in concept.terms:
            if term.lang not in ("en", "ru") or "inflect" in term.note:
                continue
            for m in matcher_for(shipped, term.lang).scan(term.text):
                whole = m.span.start == 0 and m.span.end == len(term.text)
                if whole and m.concept_id == concept.id and m.term.text != term.text and m.form \
                        and m.term.status.is_variant == term.status.is_variant:
                    redundant.append(f"{concept.id}: {term.text} (a form of {m.term.text})")
    assert redundant == []


def test_no_entry_waits_for_the_matcher() -> None:
    from glossary.termbase import load as load_tb

    notes = [t.note for c in load_tb(use_cache=False).concepts for t in c.terms]
    assert not [n for n in notes if "until the matcher" in n]


def test_term_base_holds_terms_not_fragments_of_one_speech(shipped: TermBase) -> None:
    """A run of list items is not a term: no rendering strings together other concepts' terms."""
    owner = {t.text.lower(): c.id for c in shipped.concepts for t in c.terms if t.lang == "en"}
    runs = [t.text for c in shipped.concepts for t in c.terms if t.lang == "en"
            and any(owner.get(part.strip().lower(), c.id) != c.id for part in t.text.split(",")[1:])]
    assert runs == []
    # A title mapped to another title ("My Altai" as "To the Wonder") is one speech's reading.
    assert "to-the-wonder" not in {c.id for c in shipped.concepts}


def test_mutual_benefit_and_win_win_cooperation_are_two_concepts() -> None:
    """互利共赢 and 合作共赢 stand side by side in official Chinese; each has its own English."""
    import glossary

    both = "双方坚持互利共赢、合作共赢。"
    assert [f.code for f in glossary.check(both, lang="zh")] == []
    rendered = "Both sides uphold mutual benefit and win-win outcomes and pursue win-win cooperation."
    assert [f.code for f in glossary.check_pair(both, rendered, "zh", "en")] == []
    # "win-win cooperation" after the adjective is still a rendering of 合作共赢.
    assert [f.code for f in glossary.check_pair("推动合作共赢。", "We promote mutually beneficial and win-win cooperation.",
                                                "zh", "en")] == []
    lacking = [f for f in glossary.check_pair("坚持互利共赢。", "Both sides pursue win-win cooperation.", "zh", "en")]
    assert [(f.code, f.concept_id) for f in lacking] == [("missing-term", "mutual-benefit-win-win")]
