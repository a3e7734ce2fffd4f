"""Second mentions in a translation: pronouns and head nouns standing for a rendered concept
(glossary.checks.standins). The sentences are written for these tests."""

from __future__ import annotations

import textwrap

import pytest

from glossary import check_pair
from glossary.checks import Options, check_document
from glossary.model import Document, Segment
from glossary.termbase import loads

BASE = textwrap.dedent("""\
    concepts:
      - id: clean-seas-initiative
        terms:
          zh: [{text: 清洁海洋倡议, status: preferred}]
          en: [{text: Clean Seas Initiative, status: preferred}]
          ru: [{text: Инициатива чистых морей, status: preferred}]
      - id: clean-seas-cooperation
        terms:
          zh: [{text: 高标准清洁海洋合作, status: preferred}]
          en: [{text: high-standard Clean Seas Initiative cooperation, status: preferred}]
    """)


@pytest.fixture(scope="module")
def tb():  # type: ignore[no-untyped-def]
    return loads(BASE, "t.yaml")


def codes(source: str, target: str, lang: str, tb) -> list[str]:  # type: ignore[no-untyped-def]
    return [f.code for f in check_pair(source, target, "zh", lang, tb)]


TWICE = "清洁海洋倡议提出以来，清洁海洋倡议已得到四十个国家支持。"


@pytest.mark.parametrize(("target", "lang"), [
    ("Since the Clean Seas Initiative was proposed, it has won the support of forty countries.", "en"),
    ("Since the Clean Seas Initiative was proposed, the initiative has won the support of forty countries.", "en"),
    ("С момента выдвижения Инициативы чистых морей её поддержали сорок стран.", "ru"),
    ("С момента выдвижения Инициативы чистых морей эту инициативу поддержали сорок стран.", "ru"),
])
def test_a_second_mention_by_pronoun_or_head_noun_is_a_rendering(tb, target: str, lang: str) -> None:  # type: ignore[no-untyped-def]
    assert codes(TWICE, target, lang, tb) == []


def test_a_second_mention_with_nothing_standing_for_it_is_still_missing(tb) -> None:  # type: ignore[no-untyped-def]
    # nothing after the one rendering refers back to it
    [f] = check_pair(TWICE, "Forty countries have supported the Clean Seas Initiative since 2020.", "zh", "en", tb)
    assert f.code == "missing-term" and "renders it 1 time" in f.reason


def test_a_pronoun_stands_for_a_rendering_inside_a_longer_name(tb) -> None:  # type: ignore[no-untyped-def]
    source = "推进高标准清洁海洋合作，让清洁海洋倡议惠及更多国家。"
    good = "We will pursue high-standard Clean Seas Initiative cooperation and make it benefit more countries."
    assert codes(source, good, "en", tb) == []
    # with no antecedent at all, a pronoun stands for nothing
    assert codes("推进清洁海洋倡议。", "We will pursue it.", "en", tb) == ["missing-term"]


def doc(pairs: list[tuple[str, str]], lang: str) -> Document:
    segments = tuple(Segment(target, lang=lang, source_text=source, source_lang="zh") for source, target in pairs)
    return Document("t", "\n".join(t for _, t in pairs), segments)


def test_the_head_noun_stands_for_a_concept_an_earlier_segment_rendered(tb) -> None:  # type: ignore[no-untyped-def]
    later = ("清洁海洋倡议已得到四十个国家支持。", "The initiative has won the support of forty countries.")
    rendered = doc([("中方提出了清洁海洋倡议。", "China has put forward the Clean Seas Initiative."), later], "en")
    assert check_document(rendered, tb, Options()) == []
    # the earlier segment did not render it: "the initiative" stands for nothing
    unrendered = doc([("中方提出了清洁海洋倡议。", "China has put forward a proposal."), later], "en")
    assert [f.code for f in check_document(unrendered, tb, Options())] == ["missing-term", "missing-term"]
    # a pronoun alone does not reach into an earlier segment
    pronoun = doc([("中方提出了清洁海洋倡议。", "China has put forward the Clean Seas Initiative."),
                   ("清洁海洋倡议已得到四十个国家支持。", "It has won the support of forty countries.")], "en")
    assert [f.code for f in check_document(pronoun, tb, Options())] == ["missing-term"]


def test_a_russian_head_noun_after_a_demonstrative_stands_for_the_earlier_rendering(tb) -> None:  # type: ignore[no-untyped-def]
    rendered = doc([("中方提出了清洁海洋倡议。", "Китай выдвинул Инициативу чистых морей."),
                    ("清洁海洋倡议已得到四十个国家支持。", "Эту инициативу поддержали сорок стран.")], "ru")
    assert check_document(rendered, tb, Options()) == []


@pytest.mark.parametrize(("target", "lang"), [
    # a clause fronted before the one rendering points forward to it
    ("Since its launch, the Clean Seas Initiative has won the support of forty countries.", "en"),
    ("In the years since it was proposed, the Clean Seas Initiative has won the support of forty countries.", "en"),
    ("За годы, прошедшие после её выдвижения, Инициативу чистых морей поддержали сорок стран.", "ru"),
    # «свой» points to the subject of its clause, wherever the subject stands
    ("С момента своего выдвижения Инициатива чистых морей получила поддержку сорока стран.", "ru"),
])
def test_a_pronoun_pointing_forward_to_the_rendering_is_a_mention(tb, target: str, lang: str) -> None:  # type: ignore[no-untyped-def]
    assert codes(TWICE, target, lang, tb) == []


@pytest.mark.parametrize(("target", "lang"), [
    # the pronoun ends a sentence of its own: it points back, to something else
    ("It was a long year. The Clean Seas Initiative has won the support of forty countries.", "en"),
    # no fronted clause: the pronoun belongs to the subject's own words
    ("Forty countries and their partners support the Clean Seas Initiative.", "en"),
    ("Сорок стран и их партнёры поддерживают Инициативу чистых морей.", "ru"),
])
def test_a_pronoun_before_the_rendering_outside_a_fronted_clause_is_none(tb, target: str, lang: str) -> None:  # type: ignore[no-untyped-def]
    [f] = check_pair(TWICE, target, "zh", lang, tb)
    assert f.code == "missing-term" and "renders it 1 time" in f.reason
