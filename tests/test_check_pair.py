from __future__ import annotations

from pathlib import Path

import glossary
from glossary.termbase import load

TB = load([Path(__file__).parent / "data" / "bilingual-termbase.yaml"], default=False)


def test_missing_and_untranslated_terms_in_a_pair():
    findings = glossary.check_pair("推动构建人类命运共同体，一带一路是其实践平台。", "The 一带一路 is its platform.",
                                   termbase=TB)
    assert [(f.code, f.start, f.source_term or f.found) for f in findings] == [
        ("missing-term", 0, "人类命运共同体"),
        ("untranslated-term", 4, "一带一路"),
    ]
    assert findings[0].found == "The 一带一路 is its platform."  # the text at the span: the translation
    assert findings[0].suggestion == "community with a shared future for mankind"
    assert findings[0].span.end == len("The 一带一路 is its platform.")


def test_count_aware_missing_term_is_a_warning():
    [finding] = glossary.check_pair("一带一路倡议提出十周年，一带一路合作不断深化。",
                                    "Ten years after the Belt and Road Initiative was proposed.", termbase=TB)
    assert (finding.code, str(finding.severity)) == ("missing-term", "warning")
    assert "2 times" in finding.reason and "1 time" in finding.reason


def test_a_faithful_translation_is_clean():
    assert glossary.check_pair("共建一带一路。", "Building the Belt and Road together.", termbase=TB) == []


def test_deprecated_rendering_is_reported_once_not_also_as_missing():
    findings = glossary.check_pair("构建人类命运共同体。", "Building a community of common destiny.", termbase=TB)
    assert [f.code for f in findings] == ["deprecated-term"]


def test_languages_can_be_spelled_as_locales():
    findings = glossary.check_pair("一带一路", "OBOR", source_lang="zh_CN", target_lang="en-US", termbase=TB)
    assert [f.code for f in findings] == ["superseded-term"]
