from __future__ import annotations

import textwrap

import pytest
from hypothesis import given
from hypothesis import strategies as st

from glossary import signatures
from glossary.errors import TermBaseError
from glossary.termbase import loads

BASE = textwrap.dedent("""\
    concepts:
      - id: shared-future
        terms:
          en:
            - {text: community with a shared future, status: preferred}
            - {text: community of common destiny, status: deprecated}
          ru:
            - {text: сообщество единой судьбы, status: preferred}
            - {text: сообщество с общим будущим, status: deprecated}
      - id: nqpf
        terms:
          en:
            - {text: new quality productive forces, status: preferred}
            - {text: new quality productivity, status: deprecated}
      - id: single
        terms:
          en:
            - {text: connectivity, status: preferred}
    """)


@pytest.fixture(scope="module")
def tb():  # type: ignore[no-untyped-def]
    return loads(BASE, "t.yaml")


def test_english_lemmas_drop_plural_possessive_and_british_spelling() -> None:
    assert signatures.en_lemma("Communities") == "community"
    assert signatures.en_lemma("community's") == "community"
    assert signatures.en_lemma("neighbours") == "neighbor"
    assert signatures.en_lemma("globalisation") == "globalization"
    assert signatures.en_lemma("centre") == "center"
    assert signatures.en_lemma("process") == "process"
    assert signatures.en_lemma("exercise") == "exercise"


def test_slots_take_synonyms_from_every_rendering(tb) -> None:  # type: ignore[no-untyped-def]
    sig = signatures.derive(tb.concept("shared-future"), "en")
    assert sig is not None
    assert sig.slots == (frozenset({"community"}), frozenset({"shared", "common"}), frozenset({"future", "destiny"}))
    assert sig.tolerance == 0
    nqpf = signatures.derive(tb.concept("nqpf"), "en")
    assert nqpf is not None and "productivity" in nqpf.slots[2] and nqpf.tolerance == 1


def test_one_content_word_is_no_signature(tb) -> None:  # type: ignore[no-untyped-def]
    assert signatures.derive(tb.concept("single"), "en") is None


@pytest.mark.parametrize(("text", "found"), [
    ("They built communities of shared destiny.", "communities of shared destiny"),
    ("a community of a common future", "community of a common future"),
    ("the destiny community, common to all", None),  # the comma ends a match
    ("a shared future for the community", None),  # "for the" then community: the third slot... is found in order-free text
    ("we foster new productive forces", "new productive forces"),
    ("productive forces of a new quality", "productive forces of a new quality"),
    ("a common destiny", None),
    ("community-shared-future", None),  # an identifier
])
def test_hits(tb, text: str, found: str | None) -> None:  # type: ignore[no-untyped-def]
    hits = signatures.index_for(tb, "en").scan(text)
    got = [text[h.start:h.end] for h in hits]
    if text == "a shared future for the community":
        assert got == ["shared future for the community"]  # word order is free
        return
    assert got == ([found] if found else [])


def test_russian_hits_by_lemma(tb) -> None:  # type: ignore[no-untyped-def]
    text = "Стороны говорили о сообществе с общей судьбой."
    [hit] = signatures.index_for(tb, "ru").scan(text)
    assert text[hit.start:hit.end] == "сообществе с общей судьбой"


def test_suggestion_keeps_the_number_of_the_head(tb) -> None:  # type: ignore[no-untyped-def]
    text = "Communities of Common Destiny"
    [hit] = signatures.index_for(tb, "en").scan(text)
    assert signatures.suggest_en(hit, text, 0) == "Communities With A Shared Future".replace("With A", "with a")


def test_signature_override_and_off() -> None:
    tb = loads(BASE.replace("  - id: nqpf\n", "  - id: nqpf\n    signature: {en: false}\n").replace(
        "  - id: shared-future\n",
        "  - id: shared-future\n    signature:\n      en:\n        slots:\n"
        "          - [community]\n          - {words: [shared, common], required: false}\n"
        "          - [future, fate]\n        function_words: [of, a, with]\n"), "t.yaml")
    index = signatures.index_for(tb, "en")
    assert [s.concept_id for s in index.signatures] == ["shared-future"]
    [hit] = index.scan("a community of fate")
    assert hit.filled == (0, 2)


@pytest.mark.parametrize(("yaml", "expected"), [
    ("signature: {en: {slots: []}}", 'needs slots'),
    ("signature: {en: {words: [a]}}", 'unknown key "words"'),
    ("signature: {en: {slots: [{word: [a]}]}}", 'unknown key "word"'),
    ("signature: [en]", "must be a mapping"),
])
def test_bad_signature_is_reported_at_its_position(yaml: str, expected: str) -> None:
    text = BASE.replace("  - id: single\n", f"  - id: single\n    {yaml}\n")
    with pytest.raises(TermBaseError) as info:
        loads(text, "t.yaml")
    assert str(info.value).startswith("t.yaml:") and expected in str(info.value)


def test_validate_reports_a_signature_firing_on_another_preferred_rendering() -> None:
    text = BASE + ("  - id: fates\n    terms:\n      en:\n"
                   "        - {text: shared community of the future, status: preferred}\n")
    tb = loads(text, "t.yaml")
    from glossary.examples import run_examples

    errors = run_examples(tb)
    assert any('signature of "shared-future"' in str(e) and '"fates"' in str(e) for e in errors)


@given(st.lists(st.sampled_from(["a", "b", " ", ",", ".", "-", "'", "«", "»", "community", "shared", "future", "of", "the"]),
                max_size=30).map("".join))
def test_hits_are_ordered_and_inside_the_text(text: str) -> None:
    tb = loads(BASE, "t.yaml")
    hits = signatures.index_for(tb, "en").scan(text)
    reach = 0
    for h in hits:
        assert reach <= h.start < h.end <= len(text)
        reach = h.end
