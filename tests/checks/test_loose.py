"""A translation that names what its source names with some words of its own (glossary.checks.located.loose).

The sentences are written for these tests: each pair is a source sentence and a
translation a reviewer would either pass (a listed rendering, a pronoun or a
short mention after it) or mark at the words that render the concept.
"""

from __future__ import annotations

import textwrap

import pytest

from glossary import check_pair
from glossary.termbase import loads

BASE = textwrap.dedent("""\
    concepts:
      - id: harbour-revival
        terms:
          zh:
            - {text: 港口城市全面复兴, status: preferred}
            - {text: 港口复兴, status: admitted, abbreviation_of: 港口城市全面复兴}
          en:
            - {text: comprehensive revival of harbour cities, status: preferred}
            - {text: harbour revival, status: admitted, abbreviation_of: comprehensive revival of harbour cities}
          ru:
            - {text: всестороннее возрождение портовых городов, status: preferred}
      - id: shared-wealth
        terms:
          zh: [{text: 共同富足, status: preferred}]
          en: [{text: common wealth, status: preferred}]
          ru: [{text: общее богатство, status: preferred}]
    """)


@pytest.fixture(scope="module")
def tb():  # type: ignore[no-untyped-def]
    return loads(BASE, "t.yaml")


def found(source: str, target: str, lang: str, tb) -> list[tuple[str, str, str | None]]:  # type: ignore[no-untyped-def]
    return [(f.code, f.found, f.suggestion) for f in check_pair(source, target, "zh", lang, tb)]


@pytest.mark.parametrize(("target", "words"), [
    # two slots of four found, the other two each taken by a word of its own, in the preferred order
    ("The comprehensive rebirth of harbour towns is under way.", "comprehensive rebirth of harbour towns"),
    # three of four, the head noun's place taken by the word right after them
    ("A comprehensive harbour-city rebirth is under way.", "comprehensive harbour-city rebirth"),
])
def test_an_english_rendering_in_part_its_own_words_is_the_variant(tb, target: str, words: str) -> None:  # type: ignore[no-untyped-def]
    [f] = check_pair("港口城市全面复兴正在推进。", target, "zh", "en", tb)
    assert (f.code, f.found, f.suggestion, f.source_term) == (
        "unlisted-variant", words, "comprehensive revival of harbour cities", "港口城市全面复兴")


def test_the_source_short_form_asks_for_the_target_short_form(tb) -> None:  # type: ignore[no-untyped-def]
    # 港口复兴 is the short form: "harbour rebirth" fills half of "harbour revival", rebirth the rest
    assert found("港口复兴指日可待。", "Harbour rebirth is within reach.", "en", tb) == [
        ("unlisted-variant", "Harbour rebirth", "Harbour revival")]
    assert found("港口复兴指日可待。", "Harbour revival is within reach.", "en", tb) == []


def test_a_russian_variant_gets_the_case_of_the_word_standing_for_the_head(tb) -> None:  # type: ignore[no-untyped-def]
    # «обновления» stands for «возрождение»: genitive after «ради»
    assert found("港口城市全面复兴正在推进。", "Порты работают ради всестороннего обновления портовых городов.",
                 "ru", tb) == [("unlisted-variant", "всестороннего обновления портовых городов",
                                "всестороннего возрождения портовых городов")]
    assert found("我们追求共同富足。", "Мы стремимся к общему достатку.", "ru", tb) == [
        ("unlisted-variant", "общему достатку", "общему богатству")]


def test_a_russian_short_mention_of_a_name_with_a_short_form_elsewhere(tb) -> None:  # type: ignore[no-untyped-def]
    # Russian lists no short form, English does: half the slots, an adjective of a slot's noun among them
    assert found("港口复兴指日可待。", "Портовое возрождение уже близко.", "ru", tb) == [
        ("unlisted-variant", "Портовое возрождение", "Всестороннее возрождение портовых городов")]


@pytest.mark.parametrize(("source", "target", "lang", "codes"), [
    ("我们追求共同富足。", "We strive for common wealth.", "en", []),
    ("港口城市全面复兴正在推进。", "The comprehensive revival of harbour cities is under way.", "en", []),
    ("港口城市全面复兴正在推进。", "Всестороннее возрождение портовых городов идёт полным ходом.", "ru", []),
    # a clause, not a noun phrase: "common" is no part of a name here
    ("我们追求共同富足。", "We strive for a wealth that is common to all.", "en", ["missing-term"]),
])
def test_listed_renderings_stay_clean_and_a_clause_is_no_variant(tb, source: str, target: str, lang: str,  # type: ignore[no-untyped-def]
                                                                 codes: list[str]) -> None:
    assert [code for code, _, _ in found(source, target, lang, tb)] == codes


@pytest.mark.parametrize("target", [
    "Harbour cities are being renewed, comprehensively.",  # a comma between the words
    # three slots of four but not the head noun, and the name ends on its last word: "lead" stands for nothing
    "Comprehensive harbour cities lead the way.",
    "The towns grow; the harbour is renewed.",  # two clauses
    "It is under way.",
])
def test_words_across_clauses_or_none_at_all_keep_the_missing_term(tb, target: str) -> None:  # type: ignore[no-untyped-def]
    [f] = check_pair("港口城市全面复兴正在推进。", target, "zh", "en", tb)
    assert (f.code, f.span.start, f.span.end) == ("missing-term", 0, len(target))


def test_a_word_split_by_a_hyphen_at_a_line_end_is_read_whole(tb) -> None:  # type: ignore[no-untyped-def]
    [f] = check_pair("港口城市全面复兴", "comprehensive re-vival of port cities", "zh", "en", tb)
    assert (f.code, f.found) == ("unlisted-variant", "comprehensive re-vival of port cities")


@pytest.mark.parametrize("target", [
    "They seek common wealthand peace.", "They seek common wealthfor all.", "Common wealththe world over.",
])
def test_a_slot_word_glued_to_the_function_word_after_it_is_the_word(tb, target: str) -> None:  # type: ignore[no-untyped-def]
    # A missing space is a typo in the listed rendering, not a word of its own standing in for a slot.
    assert check_pair("共同富足。", target, "zh", "en", tb) == []


def test_a_glued_word_that_is_no_slot_word_and_a_function_word_still_stands_in(tb) -> None:  # type: ignore[no-untyped-def]
    assert found("共同富足。", "They seek common wealthiness and peace.", "en", tb) == [
        ("unlisted-variant", "common wealthiness", "common wealth")]


@pytest.mark.parametrize("target", [
    "It covers the social, common-sensical and other fields.",
    "Their common, sensible and fair wishes were heard.",
])
def test_an_english_adjective_stands_in_for_no_head_noun(tb, target: str) -> None:  # type: ignore[no-untyped-def]
    # "common-sensical" names no common wealth: the head noun's place takes a noun, or nothing is there.
    [f] = check_pair("共同富足。", target, "zh", "en", tb)
    assert (f.code, f.span.start, f.span.end) == ("missing-term", 0, len(target))


def test_an_english_noun_still_stands_in_for_the_head_noun(tb) -> None:  # type: ignore[no-untyped-def]
    assert [(c, w) for c, w, _ in found("共同富足。", "They seek common riches for all.", "en", tb)] == [
        ("unlisted-variant", "common riches")]


def test_one_member_of_names_sharing_a_plural_head_noun_is_a_rendering() -> None:
    # Written for this test: two initiatives named together, the head noun once, in the plural.
    base = loads(textwrap.dedent("""\
        concepts:
          - id: open-ports-initiative
            terms:
              zh: [{text: 开放港口倡议, status: preferred}]
              en: [{text: Open Ports Initiative, status: preferred}]
          - id: open-skies-initiative
            terms:
              zh: [{text: 开放天空倡议, status: preferred}]
              en: [{text: Open Skies Initiative, status: preferred}]
        """), "t.yaml")
    source = "我们支持开放港口倡议和开放天空倡议。"
    assert check_pair(source, "We support the Open Ports and Skies Initiatives.", "zh", "en", base) == []
    assert check_pair(source, "We support the Open Ports, Skies and Roads Initiatives.", "zh", "en", base) == []
    # without the shared word the list is no rendering of either: each gets its finding
    got = check_pair(source, "We support the ports and skies initiatives.", "zh", "en", base)
    assert sorted(f.concept_id for f in got) == ["open-ports-initiative", "open-skies-initiative"]


@pytest.fixture(scope="module")
def places():  # type: ignore[no-untyped-def]
    # Written for these tests: a name whose modifier is a place's adjective.
    return loads(textwrap.dedent("""\
        concepts:
          - id: japanese-management
            terms:
              zh: [{text: 日本式管理, status: preferred}]
              en: [{text: Japanese management, status: preferred}]
              ru: [{text: японский менеджмент, status: preferred}]
        """), "t.yaml")


@pytest.mark.parametrize(("target", "lang", "words", "suggestion"), [
    # the place's name for its adjective: a possessive in English, a genitive after the noun in Russian
    ("Many firms copied Japan's management.", "en", "Japan's management", "Japanese management"),
    ("Многие фирмы переняли менеджмент Японии.", "ru", "менеджмент Японии", "японский менеджмент"),
    # the suggestion takes the case of the head noun («менеджментом» after «интересуются»)
    ("Многие интересуются менеджментом Японии.", "ru", "менеджментом Японии", "японским менеджментом"),
])
def test_a_place_name_stands_for_its_adjective(places, target: str, lang: str, words: str,  # type: ignore[no-untyped-def]
                                                suggestion: str) -> None:
    assert found("许多公司效仿日本式管理。", target, lang, places) == [("unlisted-variant", words, suggestion)]


@pytest.mark.parametrize(("target", "lang", "codes"), [
    ("Many firms copied Japanese management.", "en", []),
    ("Многие фирмы переняли японский менеджмент.", "ru", []),
    # the place alone, with no word of the name's head: nothing renders the concept
    ("Many firms copied Japan.", "en", ["missing-term"]),
    ("Многие фирмы копировали Японию.", "ru", ["missing-term"]),
])
def test_a_place_name_alone_or_the_listed_rendering_is_no_variant(places, target: str, lang: str,  # type: ignore[no-untyped-def]
                                                                  codes: list[str]) -> None:
    assert [code for code, _, _ in found("许多公司效仿日本式管理。", target, lang, places)] == codes


@pytest.fixture(scope="module")
def kinds():  # type: ignore[no-untyped-def]
    # Written for these tests: a Russian name with adjective slots and noun slots.
    return loads(textwrap.dedent("""\
        concepts:
          - id: new-type-port-relations
            terms:
              zh: [{text: 新型港口关系, status: preferred}]
              en: [{text: new type of port relations, status: preferred}]
              ru: [{text: портовые отношения нового типа, status: preferred}]
        """), "t.yaml")


@pytest.mark.parametrize(("target", "words", "suggestion"), [
    # «формированию» is a noun: it takes no adjective's place, and gives the name no case
    ("Мы содействуем формированию отношений нового типа.", "отношений нового типа", "портовых отношений нового типа"),
    # an adjective does
    ("Мы содействуем становлению морских отношений нового типа.", "морских отношений нового типа",
     "портовых отношений нового типа"),
])
def test_a_russian_word_stands_in_only_for_a_slot_of_its_part_of_speech(kinds, target: str, words: str,  # type: ignore[no-untyped-def]
                                                                         suggestion: str) -> None:
    assert found("我们推动新型港口关系。", target, "ru", kinds) == [("unlisted-variant", words, suggestion)]


@pytest.mark.parametrize(("target", "expected"), [
    # a modifier, or a word after an article, opens the name in the missing word's place
    ("We seek shared wealth.", [("unlisted-variant", "shared wealth", "common wealth")]),
    ("We seek the joint wealth of all.", [("unlisted-variant", "joint wealth", "common wealth")]),
    # a verb before the name is no part of it
    ("We promote wealth for all.", [("missing-term", "We promote wealth for all.", "common wealth")]),
])
def test_an_english_word_before_the_name_stands_in_only_where_a_name_may_open(tb, target: str,  # type: ignore[no-untyped-def]
                                                                             expected: list[tuple[str, str, str]]) -> None:
    assert found("我们追求共同富足。", target, "en", tb) == expected


@pytest.fixture(scope="module")
def pairs_of_names():  # type: ignore[no-untyped-def]
    # Written for these tests: two initiatives named together, the head noun once.
    return loads(textwrap.dedent("""\
        concepts:
          - id: open-ports-initiative
            terms:
              zh: [{text: 开放港口倡议, status: preferred}]
              en: [{text: Open Ports Initiative, status: preferred}]
              ru: [{text: Инициатива по открытым портам, status: preferred}]
          - id: open-skies-initiative
            terms:
              zh: [{text: 开放天空倡议, status: preferred}]
              en: [{text: Open Skies Initiative, status: preferred}]
              ru: [{text: Инициатива по открытому небу, status: preferred}]
        """), "t.yaml")


BOTH = "我们支持开放港口倡议和开放天空倡议。"


@pytest.mark.parametrize(("target", "lang"), [
    # the head last, after the other concept's rendering in the plural
    ("We support the Open Ports and Open Skies Initiatives.", "en"),
    # the head first, in the plural, opening the first concept's rendering; the others follow its pattern
    ("Мы поддерживаем Инициативы по открытым портам и открытому небу.", "ru"),
    ("Мы поддерживаем Инициативы по открытым портам и по открытому небу.", "ru"),
    ("Мы поддерживаем инициативы по открытым портам, открытым дорогам и открытому небу.", "ru"),
])
def test_names_sharing_a_plural_head_noun_before_or_after_them_render_each(pairs_of_names, target: str,  # type: ignore[no-untyped-def]
                                                                          lang: str) -> None:
    assert check_pair(BOTH, target, "zh", lang, pairs_of_names) == []


@pytest.mark.parametrize(("target", "lang", "missing"), [
    ("Мы поддерживаем Инициативу по открытым портам.", "ru", ["open-skies-initiative"]),
    # a singular head shares nothing
    ("Мы поддерживаем Инициативу по открытым портам и открытое небо.", "ru", ["open-skies-initiative"]),
    ("We support the Open Ports Initiative and open skies.", "en", ["open-skies-initiative"]),
    # a first member in words of its own makes no list: each member is on its own
    ("Мы поддерживаем открытые инициативы в области портов и неба.", "ru", ["open-skies-initiative"]),
])
def test_a_member_without_a_shared_plural_head_is_still_missing(pairs_of_names, target: str, lang: str,  # type: ignore[no-untyped-def]
                                                                missing: list[str]) -> None:
    got = check_pair(BOTH, target, "zh", lang, pairs_of_names)
    assert sorted(f.concept_id for f in got if f.code == "missing-term") == missing


@pytest.fixture(scope="module")
def compound():  # type: ignore[no-untyped-def]
    # Written for these tests: a Russian name whose adjective is a compound.
    return loads(textwrap.dedent("""\
        concepts:
          - id: fast-mainline
            terms:
              zh: [{text: 高速干线, status: preferred}]
              en: [{text: high-speed mainline, status: preferred}]
              ru: [{text: высокоскоростная магистраль, status: preferred}]
        """), "t.yaml")


def test_a_russian_compound_adjective_spelled_out_in_two_words_fills_its_slot(compound) -> None:  # type: ignore[no-untyped-def]
    # «высокой скорости»: the adjective «высокий» and the noun «скорость» make «высокоскоростная»
    assert found("我们建设高速干线。", "Мы гордимся магистралью высокой скорости.", "ru", compound) == [
        ("unlisted-variant", "магистралью высокой скорости", "высокоскоростной магистралью")]
    assert found("我们建设高速干线。", "Мы строим высокоскоростную магистраль.", "ru", compound) == []
    # a noun of another stem spells nothing: the concept is missing
    assert [code for code, _, _ in found("我们建设高速干线。", "Мы строим магистраль высокой стоимости.", "ru",
                                         compound)] == ["missing-term"]
