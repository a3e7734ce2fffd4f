"""Traditional-script Chinese found from Simplified terms, suggestions in the text's script."""

from __future__ import annotations

from pathlib import Path

import pytest

import glossary
from glossary.morph.hant import convert, inflect, is_traditional_tag, variants
from glossary.termbase import TermBase, load

DATA = Path(__file__).parent.parent / "data"


@pytest.fixture(scope="module")
def tb() -> TermBase:
    return load([DATA / "morph.yaml"], default=False, use_cache=False)


def test_conversion_tables() -> None:
    assert convert("一带一路倡议", "s2t") == "一帶一路倡議"
    assert convert("人类命运共同体", "s2tw") == "人類命運共同體"
    assert convert("一帶一路", "t2s") == "一带一路"
    # Taiwan and Hong Kong standards differ: both spellings are variants.
    assert [v.text for v in variants("里面", "zh")] == ["裏面", "裡面"]


def test_variants_carry_their_conversion_and_go_both_ways() -> None:
    assert [(v.text, v.form) for v in variants("一带一路战略", "zh")] == [("一帶一路戰略", ("zh:s2t",))]
    assert [(v.text, v.form) for v in variants("一帶一路", "zh-Hant")] == [("一带一路", ("zh:t2s",))]
    assert variants("ASEAN", "zh") == ()
    assert is_traditional_tag("zh-Hant") and is_traditional_tag("zh-TW") and not is_traditional_tag("zh")


def test_inflect_writes_the_script_of_the_match() -> None:
    assert inflect("一带一路倡议", ("zh:s2t",)) == "一帶一路倡議"
    assert inflect("一带一路倡议", ()) == "一带一路倡议"


@pytest.mark.parametrize("lang", ["zh", "zh-Hant"])
def test_traditional_variant_is_found_and_fixed_in_traditional(tb: TermBase, lang: str) -> None:
    text = "各國推進一帶一路戰略。"
    [finding] = glossary.check(text, lang, tb)
    assert (finding.code, finding.found, finding.suggestion, finding.fixable) == (
        "deprecated-term", "一帶一路戰略", "一帶一路倡議", True)
    assert glossary.normalize(text, lang, tb) == "各國推進一帶一路倡議。"


def test_simplified_stays_simplified_and_traditional_preferred_is_clean(tb: TermBase) -> None:
    assert glossary.normalize("推进一带一路战略", "zh", tb) == "推进一带一路倡议"
    assert glossary.check("共建一帶一路倡議，構建人類命運共同體", "zh", tb) == []
    matches = glossary.find_concepts("構建人類命運共同體", "zh", tb)
    assert [(m.concept_id, m.form) for m in matches] == [("shared-future-mankind", ("zh:s2t",))]
