"""A target that renders what its source names in words no rendering lists (glossary.checks.located)."""

from __future__ import annotations

import textwrap

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from glossary import check_pair
from glossary.termbase import loads

BASE = textwrap.dedent("""\
    concepts:
      - id: harbour-alliance
        terms:
          zh: [{text: 港口合作联盟, status: preferred}]
          en:
            - {text: Harbour Cooperation Alliance, status: preferred}
            - {text: HCA, status: preferred, abbreviation_of: Harbour Cooperation Alliance}
            - {text: Harbour Partnership Alliance, status: deprecated}
          ru:
            - {text: Альянс портового сотрудничества, status: preferred}
            - {text: АПС, status: preferred, abbreviation_of: Альянс портового сотрудничества}
            - {text: Портовый альянс сотрудничества, status: deprecated}
      - id: green-corridor-initiative
        terms:
          zh: [{text: 绿色走廊倡议, status: preferred}]
          en:
            - {text: Green Corridor Initiative, status: preferred}
            - {text: Initiative on Green Corridors, status: admitted}
          ru:
            - {text: Инициатива по зелёным коридорам, status: preferred}
            - {text: Инициатива зелёных коридоров, status: deprecated}
    """)


@pytest.fixture(scope="module")
def tb():  # type: ignore[no-untyped-def]
    return loads(BASE, "t.yaml")


def found(source: str, target: str, lang: str, tb) -> list[tuple[str, str, str | None]]:  # type: ignore[no-untyped-def]
    return [(f.code, f.found, f.suggestion) for f in check_pair(source, target, "zh", lang, tb)]


@pytest.mark.parametrize(("target", "words"), [
    # reordered, a function word more: no signature hit in plain text, a rendering against its source
    ("The ports joined the Alliance for Harbour Cooperation last year.", "Alliance for Harbour Cooperation"),
    # a descriptive paraphrase: every required slot, another word between them
    ("The ports joined an alliance built on harbour cooperation.", "alliance built on harbour cooperation"),
])
def test_an_english_paraphrase_is_an_unlisted_variant_at_its_span(tb, target: str, words: str) -> None:  # type: ignore[no-untyped-def]
    [f] = check_pair("港口们加入了港口合作联盟。", target, "zh", "en", tb)
    assert (f.code, f.found, f.suggestion, f.source_term) == (
        "unlisted-variant", words, "Harbour Cooperation Alliance", "港口合作联盟")
    assert not f.fixable  # against its source only: a person decides


def test_a_russian_paraphrase_gets_the_preferred_rendering_in_its_case(tb) -> None:  # type: ignore[no-untyped-def]
    [f] = check_pair("港口们加入了港口合作联盟。", "Порты вступили в альянс, основанный на портовом сотрудничестве.",
                     "zh", "ru", tb)
    assert (f.code, f.found, f.suggestion) == (
        "unlisted-variant", "альянс, основанный на портовом сотрудничестве", "альянс портового сотрудничества")
    [f] = check_pair("港口们加入了港口合作联盟。", "Порты стали членами альянса по портовому сотрудничеству.",
                     "zh", "ru", tb)
    assert (f.code, f.found, f.suggestion) == (
        "unlisted-variant", "альянса по портовому сотрудничеству", "альянса портового сотрудничества")


def test_initials_no_rendering_lists_are_an_unlisted_variant(tb) -> None:  # type: ignore[no-untyped-def]
    assert found("绿色走廊倡议已启动。", "ИЗК уже запущена.", "ru", tb) == [
        ("unlisted-variant", "ИЗК", "Инициатива по зелёным коридорам")]
    assert found("绿色走廊倡议已启动。", "The GCI has started.", "en", tb) == [
        ("unlisted-variant", "GCI", "Green Corridor Initiative")]
    # the listed abbreviation is a rendering; the concept's own abbreviation is what a finding suggests
    assert found("港口合作联盟成立了。", "АПС создан.", "ru", tb) == []
    assert found("港口合作联盟成立了。", "ПАС создан.", "ru", tb) == [("unlisted-variant", "ПАС", "АПС")]


@pytest.mark.parametrize(("target", "lang"), [
    ("The ports signed a harbour agreement; cooperation followed years later.", "en"),  # two clauses
    ("Порты подписали соглашение.", "ru"),  # nothing of it
    ("The GDP of the port cities grew.", "en"),  # capitals, not its initials
    # a clause that holds the slot words, not a name: a verb, two words of its own, two commas
    ("At the harbour, the alliance praised regional cooperation.", "en"),
    ("Портовое сотрудничество требует альянса.", "ru"),
    ("Альянс един, сотрудничество портовое, планы большие.", "ru"),
])
def test_a_target_with_nothing_of_the_concept_keeps_its_missing_term(tb, target: str, lang: str) -> None:  # type: ignore[no-untyped-def]
    [f] = check_pair("港口们加入了港口合作联盟。", target, "zh", lang, tb)
    assert (f.code, f.span.start, f.span.end) == ("missing-term", 0, len(target))


@pytest.mark.parametrize(("target", "suggestion"), [
    ("Более ста стран поддержали эту инициативу.", "Инициативу по зелёным коридорам"),  # accusative
    ("Страны выступили в поддержку этой инициативы.", "Инициативы по зелёным коридорам"),  # «этой»: genitive
    ("Страны говорили об этой инициативе.", "Инициативе по зелёным коридорам"),  # prepositional
])
def test_a_russian_missing_term_is_suggested_in_the_case_of_the_head_noun_the_target_names(tb, target: str, suggestion: str) -> None:  # type: ignore[no-untyped-def]
    [f] = check_pair("一百多个国家支持绿色走廊倡议。", target, "zh", "ru", tb)
    assert (f.code, f.suggestion) == ("missing-term", suggestion)
    assert "in the form of" in f.reason


def test_otherwise_the_nominative_is_suggested_and_said_to_be_the_dictionary_form(tb) -> None:  # type: ignore[no-untyped-def]
    # «инициативы» alone is a genitive singular or a plural: no form is guessed
    [f] = check_pair("一百多个国家支持绿色走廊倡议。", "Страны поддержали инициативы.", "zh", "ru", tb)
    assert f.suggestion == "Инициатива по зелёным коридорам" and "dictionary form (nominative)" in f.reason
    [f] = check_pair("一百多个国家支持绿色走廊倡议。", "Страны это поддержали.", "zh", "ru", tb)
    assert f.suggestion == "Инициатива по зелёным коридорам" and "dictionary form (nominative)" in f.reason


def test_another_concepts_rendering_lends_no_words(tb) -> None:  # type: ignore[no-untyped-def]
    # The source names both; the target renders the alliance and only the alliance.
    got = found("港口合作联盟和绿色走廊倡议", "the Harbour Cooperation Alliance and its plans", "en", tb)
    assert got == [("missing-term", "the Harbour Cooperation Alliance and its plans", "Green Corridor Initiative")]


def test_disabled_unlisted_variants_leave_the_missing_term(tb) -> None:  # type: ignore[no-untyped-def]
    from glossary.checks import Options, check_document
    from glossary.model import Document, Segment

    target = "The ports joined the Alliance for Harbour Cooperation."
    doc = Document("t", target, (Segment(target, lang="en", source_text="港口合作联盟", source_lang="zh"),))
    got = check_document(doc, tb, Options(disable=frozenset({"unlisted-variant"})))
    assert [f.code for f in got] == ["missing-term"]


@pytest.mark.parametrize(("target", "words"), [
    ("The ports joined the harbour league (港口合作联盟) last year.", "harbour league"),
    ("They spoke of a free or open harbour union (“港口合作联盟”).", "harbour union"),
])
def test_the_words_a_bracketed_source_term_glosses_are_an_unlisted_variant(tb, target: str, words: str) -> None:  # type: ignore[no-untyped-def]
    # The target explains its own words with the source's term: they render it, in words no
    # rendering lists, from the first word that fills a slot up to the bracket.
    [f] = check_pair("港口们加入了港口合作联盟。", target, "zh", "en", tb)
    assert (f.code, f.found, f.suggestion, f.source_term) == (
        "unlisted-variant", words, "Harbour Cooperation Alliance", "港口合作联盟")
    assert not f.fixable


def test_a_bracketed_source_term_after_words_of_no_slot_is_left_untranslated(tb) -> None:  # type: ignore[no-untyped-def]
    # Ordinary words before the bracket render nothing of the concept: the term itself is what the
    # reader gets, untranslated.
    assert found("港口们加入了港口合作联盟。", "The ports joined it (港口合作联盟) last year.", "en", tb) == [
        ("untranslated-term", "港口合作联盟", "Harbour Cooperation Alliance")]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["harbour", "harbourand", "cooperation", "cooperationthe", "alliancefor", "Poland",
                                 "and", "for", "the", "sand", "alliance", "withwith", "Harbourinto"]),
                min_size=1, max_size=8))
def test_unglued_words_are_the_same_letters_split_only_after_a_slot_word(tb, chosen: list[str]) -> None:  # type: ignore[no-untyped-def]
    from glossary import signatures
    from glossary.checks import located

    sig = located.signature(tb, "en", "harbour-alliance")
    text = " ".join(chosen)
    toks = signatures.words(text)
    got = located._unglued(sig, toks)
    assert all(text[s:e] == w for s, e, w in got)
    assert "".join(w for _, _, w in got) == "".join(w for _, _, w in toks)
    for s, e, w in got:
        whole = next(t for t in toks if t[0] <= s and e <= t[1])
        if (s, e, w) != whole:  # a part of a split word: a slot word, or a function word after one
            assert signatures._slot_set(sig, w) or (w.lower() in located._EN_GLUED and s > whole[0])
