"""Stem markers: a marked Kazakh term matches its suffixed forms; markers are validated."""

from __future__ import annotations

from pathlib import Path

import pytest

import glossary
from glossary.errors import TermBaseError
from glossary.morph.stems import Scanner, applies_to, compile_pattern, marker_errors, surface
from glossary.termbase import TermBase, load, loads

DATA = Path(__file__).parent.parent / "data"
TERM = "«Бір белдеу, бір жол» бастама|сы"


@pytest.fixture(scope="module")
def tb() -> TermBase:
    return load([DATA / "morph.yaml"], default=False, use_cache=False)


def test_marker_is_cut_out_of_the_running_text() -> None:
    assert surface(TERM) == "«Бір белдеу, бір жол» бастамасы"
    assert compile_pattern(TERM).keys[-1] == "P:бастама"
    assert applies_to("kk") and applies_to("uz-Cyrl") and applies_to("tk") and not applies_to("ru")


@pytest.mark.parametrize(("text", "suffixed"), [
    ("«Бір белдеу, бір жол» бастамасы аясында", False),
    ("«Бір белдеу, бір жол» бастамасының маңызы", True),
    ("«Бір белдеу, бір жол» бастамасына қосылды", True),
    ("«БІР БЕЛДЕУ, БІР ЖОЛ» БАСТАМАЛАРЫ", True),
    ("«Бір белдеу, бір жол» бастама", True),
])
def test_stem_marked_term_matches_any_suffix(text: str, suffixed: bool) -> None:
    [hit] = Scanner([(TERM, "bri")]).scan(text)
    assert text[hit.start:hit.end].split()[-1].lower().startswith("бастама")
    assert hit.payloads == ("bri",)
    assert hit.suffixed is suffixed


@pytest.mark.parametrize("text", [
    "«Бір белдеу, бір жол» жаңабастамасы",  # the stem must start the word
    "«Бір белдеу, бір жол» бастау",  # another word
    "Бір белдеу бір жол бастамасы",  # the listed punctuation is part of the term
])
def test_stem_marked_term_needs_its_stem_at_a_word_start(text: str) -> None:
    assert Scanner([(TERM, "bri")]).scan(text) == []


@pytest.mark.parametrize(("text", "lang", "message"), [
    ("бастама|сы", "kk", None),
    ("бастама|", "kk", None),
    ("«Бір белдеу, бір жол» бастама|сы", "kk", None),
    ("tashabbus|i", "uz", None),
    ("|бастама", "kk", "must sit inside a word"),
    ("бастама |сы", "kk", "must sit inside a word"),
    ("баст|ама|сы", "kk", "one stem marker"),
    ("бастама||сы", "kk", "followed by the rest of the word"),
    ("left | right", "en", None),  # a literal character outside the stem-marking languages
])
def test_marker_validation(text: str, lang: str, message: str | None) -> None:
    errors = marker_errors(text, lang)
    if message is None:
        assert errors == []
    else:
        assert errors and message in errors[0][1]


def test_term_base_rejects_a_misplaced_marker_at_its_position() -> None:
    text = "version: 1\nconcepts:\n  - id: a\n    terms:\n      kk: [{text: \"|бастама\", status: preferred}]\n"
    with pytest.raises(TermBaseError) as info:
        loads(text, "t.yaml")
    assert str(info.value).startswith('t.yaml:5:')
    assert "must sit inside a word" in str(info.value)


def test_check_and_normalize_with_stem_markers(tb: TermBase) -> None:
    assert glossary.check("«Бір белдеу, бір жол» бастамасының жобалары", "kk", tb) == []
    text = "«Бір белдеу, бір жол» стратегиясы туралы"
    [finding] = glossary.check(text, "kk", tb)
    assert (finding.found, finding.suggestion, finding.fixable) == (
        "«Бір белдеу, бір жол» стратегиясы", "«Бір белдеу, бір жол» бастамасы", True)
    assert glossary.normalize(text, "kk", tb) == "«Бір белдеу, бір жол» бастамасы туралы"
    suffixed = "«Бір белдеу, бір жол» стратегиясының жобалары"
    [finding] = glossary.check(suffixed, "kk", tb)
    assert finding.fixable is False
    assert finding.suggestion == "«Бір белдеу, бір жол» бастамасы"
    assert "carries a suffix" in finding.reason
    assert glossary.normalize(suffixed, "kk", tb) == suffixed
