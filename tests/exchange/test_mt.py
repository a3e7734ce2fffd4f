"""Engine glossary pairs: preferred targets only, extra source forms, one target per source."""

from __future__ import annotations

import glossary
from glossary.exchange.mt import Limits, build, engine_code, source_forms
from glossary.termbase import loads


def shipped():
    return glossary.load()


def test_source_forms_add_traditional_script_and_short_forms():
    tb = shipped()
    forms = source_forms(tb, tb.concept("belt-and-road"), "zh")
    assert forms[0] == "一带一路"
    assert "一帶一路" in forms
    # "jointly building the Belt and Road": the engine finds 一带一路 inside it.
    assert "共建“一带一路”" not in forms
    assert "上合组织" in source_forms(tb, tb.concept("shanghai-cooperation-organization"), "zh")
    assert "友城" in source_forms(tb, tb.concept("sister-cities"), "zh")


def test_targets_are_the_preferred_renderings_never_a_variant():
    tb = shipped()
    result = build(tb, list(tb.concepts), "zh", ["en"], Limits())
    assert result.pairs
    for pair in result.pairs:
        concept = tb.concept(pair.concept)
        assert pair.targets == (concept.preferred("en").text,)


def test_a_source_shared_by_two_concepts_with_different_targets_is_dropped():
    tb = loads("""
version: 1
concepts:
  - id: one
    terms:
      zh: [{text: 甲乙, status: preferred}, {text: 甲, status: admitted}]
      en: [{text: first, status: preferred}]
  - id: two
    terms:
      zh: [{text: 丙丁, status: preferred}, {text: 甲, status: admitted}]
      en: [{text: second, status: preferred}]
""")
    result = build(tb, list(tb.concepts), "zh", ["en"], Limits())
    assert [p.source for p in result.pairs] == ["甲乙", "丙丁"]
    assert any("甲" in note and "one" in note and "two" in note for note in result.dropped)


def test_terms_over_the_engine_limit_are_left_out_with_a_note():
    tb = loads("""
version: 1
concepts:
  - id: long
    terms:
      zh: [{text: 长长长长长长长长长长, status: preferred}]
      en: [{text: long, status: preferred}]
  - id: short
    terms:
      zh: [{text: 短, status: preferred}]
      en: [{text: short, status: preferred}]
""")
    result = build(tb, list(tb.concepts), "zh", ["en"], Limits(term_bytes=10))
    assert [p.concept for p in result.pairs] == ["short"]
    assert "longer than 10 UTF-8 bytes" in result.dropped[0]


def test_concepts_without_a_target_are_reported_uncovered():
    tb = shipped()
    result = build(tb, list(tb.concepts), "zh", ["ru"], Limits())
    assert result.uncovered
    assert all(tb.concept(c).preferred("ru") is None for c in result.uncovered)


def test_engine_codes():
    assert engine_code("zh-Hant") == "zh-TW"
    assert engine_code("en") == "en"
