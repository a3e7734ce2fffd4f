from __future__ import annotations

from pathlib import Path

import pytest

from glossary.checks import Options, check_document
from glossary.model import Document, Segment
from glossary.termbase import load, loads

TB = load([Path(__file__).parent.parent / "data" / "bilingual-termbase.yaml"], default=False)


def pair(source: str, target: str, source_lang: str | None = "zh", lang: str = "en",
         termbase=TB, options: Options = Options()) -> list[tuple[str, str]]:
    doc = Document("t", target, (Segment(target, lang=lang, source_text=source, source_lang=source_lang),))
    # missing-term spans the translation; the source term it lacks is `source_term`.
    return [(f.code, f.source_term if f.code == "missing-term" else f.found) for f in check_document(doc, termbase, options)]


def test_each_mention_needs_a_rendering():
    assert pair("一带一路和一带一路", "the BRI and the Belt and Road Initiative") == []
    assert pair("一带一路和一带一路", "the BRI") == [("missing-term", "一带一路")]
    assert pair("一带一路", "") == []  # nothing translated yet: not this check's business


def test_a_concept_without_a_target_rendering_is_not_checked():
    assert pair("一带一路", "Инициатива", lang="ru") == []


def test_source_language_from_options_or_guessed():
    assert pair("一带一路", "The plan.", source_lang=None) == [("missing-term", "一带一路")]
    # declared the same language as the target: nothing bilingual to check
    assert pair("一带一路", "The plan.", options=Options(source_lang="en")) == []


def test_untranslated_term_is_found_inside_latin_text_and_counts_as_a_rendering():
    assert pair("一带一路", "The 一带一路 plan.") == [("untranslated-term", "一带一路")]


def test_requires_source_variants_are_reported_only_against_their_source():
    tb = loads("""
version: 1
concepts:
  - id: poverty-alleviation
    sources: [{publisher: P, title: T, date: 2020, langs: [en]}]
    terms:
      zh: [{text: 扶贫, status: preferred}]
      en:
        - {text: poverty alleviation, status: preferred}
  - id: poverty-reduction
    sources: [{publisher: P, title: T, date: 2020, langs: [en]}]
    terms:
      zh: [{text: 减贫, status: preferred}]
      en:
        - {text: poverty reduction, status: preferred}
        - {text: poverty alleviation, status: deprecated, requires_source: true}
""")
    assert pair("扶贫", "poverty alleviation", termbase=tb) == []
    assert pair("减贫", "poverty alleviation", termbase=tb) == [("deprecated-term", "poverty alleviation")]


def test_a_russian_target_with_a_latin_abbreviation_is_checked_as_russian() -> None:
    from glossary.readers import pair as aligned
    from glossary.termbase import load as load_shipped

    data = Path(__file__).parent.parent / "data" / "pair"
    doc = aligned.parse_aligned("s", (data / "source.sco.zh.txt").read_text("utf-8"), "t",
                                     (data / "target.sco.ru.txt").read_text("utf-8"))
    found = [(f.code, f.found, f.suggestion) for f in check_document(doc, load_shipped())]
    assert ("unlisted-variant", "SCO", "ШОС") in found


def test_a_source_term_in_brackets_after_its_rendering_glosses_it():
    # The reader is told which term the rendering stands for: nothing is left untranslated.
    assert pair("一带一路", "The Belt and Road Initiative (一带一路) grew.") == []
    assert pair("一带一路", "The Belt and Road Initiative (“一带一路”) grew.") == []
    # Not in brackets, or in brackets with other words: still untranslated.
    assert pair("一带一路", "The Belt and Road Initiative, 一带一路, grew.") == [("untranslated-term", "一带一路")]
    assert pair("一带一路", "The Belt and Road Initiative (known as 一带一路) grew.") == [
        ("untranslated-term", "一带一路")]


def test_a_source_passage_quoted_beside_its_translation_leaves_no_term_untranslated():
    # Written for this test: the target gives the sentence in English, then the source sentence itself.
    source = "一带一路越走越宽"
    assert pair(source, "The Belt and Road Initiative grows wider (一带一路越走越宽).") == []
    assert pair(source, "The title reads: The Belt and Road Initiative grows wider 一带一路越走越宽.") == []
    # The passage without a rendering beside it: the term is left untranslated.
    assert pair(source, "The title reads: 一带一路越走越宽.") == [("untranslated-term", "一带一路")]
    # Named twice, rendered once: the quoted one is still a mention left untranslated.
    assert pair("一带一路和一带一路", "The Belt and Road Initiative and 一带一路越走越宽.") == [
        ("untranslated-term", "一带一路")]


NESTED = loads("""
version: 1
concepts:
  - id: belt-and-road
    sources: [{publisher: P, title: T, date: 2019, langs: [en, ru]}]
    terms:
      zh: [{text: 一带一路, status: preferred}]
      en:
        - {text: Belt and Road Initiative, status: preferred}
        - {text: Belt and Road, status: admitted}
      ru:
        - {text: «Пояс и путь», status: preferred}
        - {text: "«Один пояс, один путь»", status: deprecated}
  - id: belt-and-road-forum
    sources: [{publisher: P, title: T, date: 2019, langs: [en, ru]}]
    terms:
      zh: [{text: “一带一路”国际合作高峰论坛, status: preferred}]
      en: [{text: Belt and Road Forum for International Cooperation, status: preferred}]
      ru:
        - {text: Форум высокого уровня по международному сотрудничеству в рамках «Пояса и пути», status: preferred}
        - {text: форум «Один пояс – один путь», status: admitted, abbreviation_of: Форум высокого уровня по международному сотрудничеству в рамках «Пояса и пути»}
  - id: high-quality-bri
    sources: [{publisher: P, title: T, date: 2019, langs: [en, ru]}]
    terms:
      zh: [{text: 高质量共建“一带一路”, status: preferred}]
      en: [{text: high-quality Belt and Road cooperation, status: preferred}]
      ru:
        - {text: высококачественное сотрудничество в рамках «Пояса и пути», status: preferred}
        - {text: "высококачественное совместное строительство «Одного пояса, одного пути»", status: admitted}
""", "nested.yaml")


def test_a_name_inside_the_longer_name_the_source_names_is_read_as_part_of_it():
    # Written for this test. "Belt and Road" is matched as its own concept; the source names the forum.
    source = "第三届一带一路国际合作高峰论坛今天开幕。"
    assert pair(source, "The third Belt and Road forum was held today.", termbase=NESTED) == [
        ("unlisted-variant", "Belt and Road forum")]
    assert pair(source, "The third Belt and Road Forum for International Cooperation opened today.",
                termbase=NESTED) == []
    # The source names the initiative on its own too, and the target renders it once: nothing to spare.
    assert pair("一带一路国际合作高峰论坛推动了一带一路。", "The forum advanced the Belt and Road Initiative.",
                termbase=NESTED) == [("missing-term", "一带一路国际合作高峰论坛")]


def test_a_paraphrase_reaching_into_the_inner_name_takes_it_whole():
    found = pair("部长们推进高质量共建“一带一路”。", "The ministers pushed high-quality joint building of the Belt and Road.",
                 termbase=NESTED)
    assert found == [("unlisted-variant", "high-quality joint building of the Belt and Road")]


@pytest.mark.parametrize("target", [
    "Министры обсудили высококачественное совместное строительство «Пояса и пути».",
    "Министры говорили о высококачественном совместном строительстве «Пояса и пути».",
])
def test_a_listed_name_with_the_name_inside_it_written_another_way_is_a_rendering(target: str):
    assert pair("部长们讨论了高质量共建“一带一路”。", target, lang="ru", termbase=NESTED) == []


def test_a_short_name_with_its_inner_name_written_another_way_is_a_rendering():
    source = "第三届一带一路国际合作高峰论坛今天开幕。"
    assert pair(source, "Сегодня открылся третий форум «Пояса и пути».", lang="ru", termbase=NESTED) == []
    # The inner name deprecated: reported on its own, the forum is rendered.
    assert pair(source, "Сегодня открылся третий форум «Один пояс, один путь».", lang="ru", termbase=NESTED) == [
        ("deprecated-term", "«Один пояс, один путь»")]
    # Words that are not the listed ones around the inner name: no rendering as listed.
    assert pair(source, "Сегодня открылся третий саммит «Пояса и пути».", lang="ru", termbase=NESTED) != []


def test_a_translation_that_begins_in_lower_case_carries_no_subject_of_its_own():
    # Written for this test: the segment is the rest of a sentence whose subject an earlier segment holds.
    source = "一带一路顺应了时代潮流，造福各国人民。"
    assert pair(source, "conforming to the trend of the times and benefiting people everywhere.") == []
    # A sentence of its own still lacks the term.
    assert pair(source, "Conforming to the trend of the times, it benefits people everywhere.") == [
        ("missing-term", "一带一路")]
    # A term that does not open the source is no subject moved elsewhere.
    assert pair("各国人民都欢迎一带一路。", "welcomed by people everywhere.") == [("missing-term", "一带一路")]
    # A term alone, or first in a list of keywords, is no subject: lower case says nothing there.
    assert pair("一带一路", "new silk roads") == [("missing-term", "一带一路")]
    assert pair("一带一路/互联互通", "new silk roads/connectivity") == [("missing-term", "一带一路")]
