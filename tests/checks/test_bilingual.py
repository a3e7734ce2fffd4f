from __future__ import annotations

from pathlib import Path

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


GAINS = loads("""
version: 1
concepts:
  - id: shared-gains
    sources: [{publisher: P, title: T, date: 2020, langs: [en]}]
    terms:
      zh: [{text: 互利共赢, status: preferred}]
      en:
        - {text: mutual benefit and win-win outcomes, status: preferred}
""", "t.yaml")


def test_a_source_term_before_de_may_be_rendered_as_a_modifier_without_its_head_noun():
    # 的 makes the term a modifier of the next noun: the translation names the term's other slots.
    assert pair("双方要建设互利共赢的伙伴关系。", "The two sides will build a “mutual gain and win-win” partnership.",
                termbase=GAINS) == []
    assert pair("双方要建设“互利共赢”的伙伴关系。", "The two sides will build a partnership for “mutual gain and win-win”.",
                termbase=GAINS) == []


def test_without_de_or_without_the_other_slots_the_term_is_still_missing():
    # No 的: the source names the term as a noun phrase of its own, and the translation lacks it.
    assert pair("双方坚持互利共赢。", "The two sides hold to mutual gain and win-win.",
                termbase=GAINS) == [("missing-term", "互利共赢")]
    # 的, but the translation keeps only one word of the term.
    assert pair("双方要建设互利共赢的伙伴关系。", "The two sides will build a win-win partnership.",
                termbase=GAINS) == [("missing-term", "互利共赢")]
