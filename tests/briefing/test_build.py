"""The brief of a source text: concepts in order of first mention, each once, with what to write."""

from __future__ import annotations

import glossary
from glossary.briefing import build, first_sentence, mentions, source_texts
from glossary.readers import load as read

# A short Chinese text of our own naming four concepts, one of them three times
# (once in Traditional script) and one by its short form.
TEXT = ("各方重申支持共建“一带一路”，愿携手构建人类命运共同体。"
        "上合组织成员国欢迎一帶一路倡议同各国发展战略对接。"
        "我们坚持真正的多边主义，推动一带一路合作走深走实。")


def test_each_concept_once_in_order_of_first_mention_with_counts():
    entries = glossary.brief(TEXT, "zh", ["en", "ru"])
    assert [e.concept for e in entries] == [
        "belt-and-road", "community-shared-future-mankind", "shanghai-cooperation-organization", "true-multilateralism"]
    counts = {e.concept: e.count for e in entries}
    assert counts["belt-and-road"] == 3
    assert counts["shanghai-cooperation-organization"] == 1


def test_preferred_admitted_and_avoid_per_target_language():
    entries = {e.concept: e for e in glossary.brief(TEXT, "zh", ["en", "ru"])}
    bri = entries["belt-and-road"]
    assert bri.source_term == "一带一路"
    assert bri.target("en").preferred == "Belt and Road Initiative"
    assert "Belt and Road" in bri.target("en").admitted
    assert "One Belt, One Road" in bri.target("en").avoid
    assert bri.target("ru").preferred == "Пояс и путь"
    # The MFA's Russian pages keep the old name (audit 2026-12): admitted, not avoided.
    assert "Один пояс, один путь" in bri.target("ru").admitted
    assert "Один пояс и один путь" in bri.target("ru").avoid
    sco = entries["shanghai-cooperation-organization"]
    assert sco.source_term == "上海合作组织" and sco.found == ("上合组织",)
    assert sco.target("en").preferred == "Shanghai Cooperation Organization"
    assert sco.target("en").avoid == ()


def test_preferred_is_never_a_variant_and_never_listed_twice():
    tb = glossary.load()
    for entry in glossary.brief(TEXT, "zh", ["en", "ru", "kk"]):
        concept = tb.concept(entry.concept)
        for target in entry.targets:
            variants = {t.text for t in concept.terms_in(target.lang) if t.status.is_variant}
            assert target.preferred not in variants
            assert target.preferred not in target.admitted
            assert not set(target.admitted) & set(target.avoid)


def test_stem_markers_are_not_shown():
    entries = glossary.brief("一带一路", "zh", ["kk"])
    assert "|" not in (entries[0].target("kk").preferred or "")


def test_reason_names_the_publisher_and_date_on_one_line():
    bri = glossary.brief(TEXT, "zh", ["en"])[0]
    assert "2015-09-23" in bri.reason and "National Development and Reform Commission" in bri.reason
    assert "\n" not in bri.reason


def test_a_text_naming_nothing_has_an_empty_brief():
    assert glossary.brief("今天天气很好。", "zh", ["en"]) == []


def test_source_language_is_guessed_from_the_script():
    assert [e.concept for e in glossary.brief("The Belt and Road Initiative", target_langs="ru")] == ["belt-and-road"]


def test_json_contract(tb=None):
    entry = glossary.brief(TEXT, "zh", ["en"])[0].as_json()
    assert {"concept", "count", "preferred", "admitted", "avoid"} <= set(entry)
    assert entry["preferred"] == {"en": "Belt and Road Initiative"}
    assert isinstance(entry["admitted"]["en"], list) and isinstance(entry["avoid"]["en"], list)


def test_bilingual_files_give_each_unit_source_once():
    po = ('msgid ""\nmsgstr ""\n"Language: en\\n"\n\nmsgid "一带一路"\nmsgstr "Belt and Road"\n\n'
          'msgid "上合组织"\nmsgstr ""\n')
    document = read("x.po", po.encode(), source_lang="zh")
    texts = source_texts(document)
    assert "一带一路" in texts and texts.count("一带一路") == 1


def test_mentions_keep_text_order():
    tb = glossary.load()
    found = mentions(tb, ["上合组织和一带一路"], "zh")
    assert [c for c, _ in found] == ["shanghai-cooperation-organization", "belt-and-road"]


def test_first_sentence_is_short():
    assert first_sentence("One. Two.") == "One."
    assert len(first_sentence("x" * 500)) == 160
