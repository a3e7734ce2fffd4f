"""Chinese word edges for a source's terms (glossary.checks.zhwords). The sentences are written for these tests."""

from __future__ import annotations

import textwrap

import pytest

from glossary import check_pair
from glossary.checks import zhwords
from glossary.termbase import loads

BASE = textwrap.dedent("""\
    concepts:
      - id: cpc
        terms:
          zh: [{text: 中共, status: admitted}, {text: 中国共产党, status: preferred}]
          en: [{text: Communist Party of China, status: preferred}, {text: CPC, status: preferred,
                abbreviation_of: Communist Party of China}]
      - id: state-council
        terms:
          zh: [{text: 国务院, status: preferred}, {text: 國務院, status: preferred}]
          en: [{text: State Council, status: preferred}]
      - id: cica
        terms:
          zh: [{text: 亚信, status: preferred}]
          en: [{text: CICA, status: preferred}]
    """)


@pytest.fixture(scope="module")
def tb():  # type: ignore[no-untyped-def]
    return loads(BASE, "t.yaml")


@pytest.mark.parametrize(("text", "term", "straddled"), [
    ("我们在发展中共同进步。", "中共", True),  # 中 ends 发展中, 共同 begins the next word
    ("其中共有十个项目。", "中共", True),
    ("中共十八大以来，成就显著。", "中共", False),
    ("东亚信任建设需要时间。", "亚信", True),
    ("亚信峰会在阿斯塔纳举行。", "亚信", False),
])
def test_a_two_character_term_across_word_edges(text: str, term: str, straddled: bool) -> None:
    at = text.index(term)
    assert zhwords.straddles(text, at, at + len(term)) is straddled


def test_a_term_that_begins_a_title(tb) -> None:  # type: ignore[no-untyped-def]
    assert zhwords.titled("国务院总理出席会议。", 0, 3)
    assert zhwords.titled("國務院副總理會見代表團。", 0, 3)
    assert not zhwords.titled("国务院常务会议审议通过。", 0, 3)


@pytest.mark.parametrize(("source", "target"), [
    ("我们在发展中共同进步。", "We make progress together as we develop."),
    ("东亚信任建设需要时间。", "Building trust in East Asia takes time."),
    ("国务院总理李强出席会议并致辞。", "Premier Li Qiang attended the meeting and addressed it."),
])
def test_a_good_translation_of_words_that_only_hold_a_term_is_clean(tb, source: str, target: str) -> None:  # type: ignore[no-untyped-def]
    assert check_pair(source, target, "zh", "en", tb) == []


@pytest.mark.parametrize(("source", "target"), [
    ("中共十八大以来，成就显著。", "Since the 18th Congress, achievements have been remarkable."),
    ("国务院常务会议审议通过了该条例。", "An executive meeting adopted the regulation."),
    ("亚信峰会在阿斯塔纳举行。", "The summit was held in Astana."),
])
def test_the_term_as_a_word_of_its_own_is_still_a_mention(tb, source: str, target: str) -> None:  # type: ignore[no-untyped-def]
    assert [f.code for f in check_pair(source, target, "zh", "en", tb)] == ["missing-term"]


NAMES = textwrap.dedent("""\
    concepts:
      - id: belt-and-road
        sources: [{publisher: P, title: T, date: 2019, langs: [en]}]
        terms:
          zh: [{text: 一带一路, status: preferred}]
          en: [{text: Belt and Road Initiative, status: preferred}, {text: Belt and Road, status: admitted}]
      - id: belt-and-road-forum
        sources: [{publisher: P, title: T, date: 2019, langs: [en]}]
        terms:
          zh: [{text: “一带一路”国际合作高峰论坛, status: preferred}]
          en: [{text: Belt and Road Forum for International Cooperation, status: preferred}]
    """)


@pytest.fixture(scope="module")
def names():  # type: ignore[no-untyped-def]
    return loads(NAMES, "names.yaml")


def test_the_source_is_read_without_its_quotation_marks() -> None:
    assert zhwords.unquoted("“一带一路”倡议") == ("一带一路倡议", [1, 2, 3, 4, 6, 7])
    assert zhwords.unquoted("没有引号") == ("没有引号", [0, 1, 2, 3])


@pytest.mark.parametrize("source", [
    "第三届“一带一路”国际合作高峰论坛在北京开幕。",
    "第三届一带一路国际合作高峰论坛在北京开幕。",
    "第三届「一带一路」国际合作高峰论坛在北京开幕。",
])
def test_a_longer_name_is_found_however_the_name_inside_it_is_quoted(names, source: str) -> None:  # type: ignore[no-untyped-def]
    found = zhwords.source_mentions(source, names, "zh")
    # The span runs from the name's first character to its last, the quotation marks inside it included.
    assert [(m.concept_id, m.span.start, m.span.end) for m in found] == [
        ("belt-and-road-forum", source.index("一"), source.index("坛") + 1)]
    assert found[0].term.text == "“一带一路”国际合作高峰论坛"  # the term as listed
    assert check_pair(source, "The third Belt and Road Forum for International Cooperation opened in Beijing.",
                      "zh", "en", names) == []
    # Only the inner name rendered: the forum the source names is missing.
    assert [(f.code, f.concept_id) for f in check_pair(
        source, "A third meeting on the Belt and Road opened in Beijing.", "zh", "en", names)] == [
        ("missing-term", "belt-and-road-forum")]


def test_a_term_inside_the_title_of_a_work() -> None:
    text = "她的新书《一带一路上的城市》和《论〈一带一路〉》都已出版，一带一路"
    assert zhwords.in_title(text, text.index("一带一路"))
    assert zhwords.in_title(text, text.index("〈一带一路") + 1)
    assert not zhwords.in_title(text, text.rindex("一带一路"))


def test_a_published_title_need_not_render_the_term_it_holds(names) -> None:  # type: ignore[no-untyped-def]
    target = "Her new book, Cities of the New Silk Roads, is out."
    assert check_pair("她的新书《一带一路上的城市》已经出版。", target, "zh", "en", names) == []
    # The same words outside a title are a mention the translation lacks.
    assert [f.code for f in check_pair("她的新书写一带一路上的城市。", "Her new book is about cities on new silk roads.",
                                       "zh", "en", names)] == ["missing-term"]


DREAM = textwrap.dedent("""\
    concepts:
      - id: great-rejuvenation
        sources: [{publisher: P, title: T, date: 2019, langs: [en]}]
        terms:
          zh: [{text: 中华民族伟大复兴, status: preferred}]
          en: [{text: great rejuvenation of the Chinese nation, status: preferred}]
      - id: chinese-dream
        sources: [{publisher: P, title: T, date: 2019, langs: [en]}]
        terms:
          zh: [{text: 中国梦, status: preferred}]
          en: [{text: Chinese Dream, status: preferred}]
    """)


@pytest.fixture(scope="module")
def dream():  # type: ignore[no-untyped-def]
    return loads(DREAM, "dream.yaml")


@pytest.mark.parametrize("source", [
    "实现中华民族伟大复兴的中国梦是几代人的心愿。",
    "实现中华民族伟大复兴中国梦是几代人的心愿。",
    "实现“中华民族伟大复兴”之“中国梦”是几代人的心愿。",
])
def test_two_terms_written_as_one_phrase(dream, source: str) -> None:  # type: ignore[no-untyped-def]
    found = zhwords.source_mentions(source, dream, "zh")
    assert zhwords.joined(source, found, {"chinese-dream": 1}) == {"great-rejuvenation": 1}
    assert zhwords.joined(source, found, {}) == {}
    # Rendered by either of its names, the phrase is rendered.
    assert check_pair(source, "Realizing the Chinese Dream has been the wish of generations.", "zh", "en", dream) == []
    assert check_pair(source, "The great rejuvenation of the Chinese nation has been the wish of generations.",
                      "zh", "en", dream) == []
    # By neither: both are missing.
    assert sorted(f.concept_id for f in check_pair(source, "This has been the wish of generations.", "zh", "en",
                                                   dream)) == ["chinese-dream", "great-rejuvenation"]


def test_two_terms_apart_are_two_mentions(dream) -> None:  # type: ignore[no-untyped-def]
    source = "中华民族伟大复兴需要几代人努力，中国梦属于每个人。"
    assert zhwords.joined(source, zhwords.source_mentions(source, dream, "zh"), {"chinese-dream": 1}) == {}
    assert [(f.code, f.concept_id) for f in check_pair(
        source, "It takes generations, and the Chinese Dream belongs to everyone.", "zh", "en", dream)] == [
        ("missing-term", "great-rejuvenation")]
