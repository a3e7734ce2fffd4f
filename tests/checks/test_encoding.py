from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from glossary import normalize
from glossary.checks import Options, check_text
from glossary.termbase import TermBase

DAMAGED = "Key points:\n\u00e2\u2013\u00a0 the Belt and Road Initiative\n"


def test_encoding_damage_is_reported_but_not_fixable_by_default(tb: TermBase) -> None:
    [f] = check_text(DAMAGED, "en", tb)
    assert (f.code, f.found, f.suggestion, f.fixable) == ("encoding-damage", "\u00e2\u2013\u00a0", "\u25a0", False)
    assert (f.line, f.column, f.end_column) == (2, 1, 4)
    assert normalize(DAMAGED, "en", tb) == DAMAGED


def test_fix_encoding_repairs_the_run(tb: TermBase) -> None:
    [f] = check_text(DAMAGED, "en", tb, Options(fix_encoding=True))
    assert f.fixable
    assert normalize(DAMAGED, "en", tb, fix_encoding=True) == "Key points:\n\u25a0 the Belt and Road Initiative\n"


def test_common_mojibake_is_found(tb: TermBase) -> None:
    [f] = check_text("The minister\u00e2\u20ac\u2122s speech", "en", tb)
    assert (f.found, f.suggestion) == ("\u00e2\u20ac\u2122", "\u2019")


def test_the_pair_gate_starts_with_the_detectors_lead_class() -> None:
    from glossary import encoding
    from glossary.checks import encoding as check

    assert check._PAIR.pattern.startswith(encoding._LEAD_RE.pattern)


def test_every_pair_the_detectors_gate_passes_passes_the_pair_gate() -> None:
    from glossary import encoding
    from glossary.checks import encoding as check

    for lead in (chr(c) for c in range(0xC2, 0xF5)):
        for follower in [*encoding._TO_BYTE, " ", "a", "\n"]:
            if encoding._GATE_RE.search(lead + follower):
                assert check._PAIR.search(lead + follower), (lead, follower)


@given(st.text(alphabet=st.characters(blacklist_characters=[chr(c) for c in range(0xC2, 0xF5)]), max_size=60))
def test_a_text_without_a_lead_character_holds_no_damage_even_past_the_gate(text: str) -> None:
    from glossary import encoding

    assert list(encoding.iter_damage(text, gate=True)) == []


_LEADS_AND_FOLLOWERS = st.text(alphabet=st.sampled_from(
    [chr(c) for c in range(0xC2, 0xF5)] + list("ab .,\n\u00a0\u2019\u20ac\u0416\u4e2d") + ["\u00c3"]), max_size=30)


@given(_LEADS_AND_FOLLOWERS)
def test_the_pair_gate_is_a_lead_then_a_non_ascii_character_or_a_capital_a_tilde_then_a_space(text: str) -> None:
    from glossary.checks import encoding as check

    by_hand = any(("\u00c2" <= a <= "\u00f4" and not b.isascii()) or (a, b) == ("\u00c3", " ")
                  for a, b in zip(text, text[1:]))
    assert (check._PAIR.search(text) is not None) == by_hand


@given(_LEADS_AND_FOLLOWERS)
def test_a_text_without_a_pair_holds_no_damage_even_past_the_gate(text: str) -> None:
    from glossary import encoding
    from glossary.checks import encoding as check

    if check._PAIR.search(text) is None:
        assert list(encoding.iter_damage(text, gate=True)) == []


@pytest.mark.parametrize(("text", "lang"), [
    ("«Пояс и путь» — инициатива, которую поддержали «многие страны».\n", "ru"),
    ("The communiqué from Côte d\u2019Ivoire named the Belt and Road Initiative.\n", "en"),
], ids=["cyrillic", "accented English"])
def test_text_without_a_lead_pair_does_not_load_the_detector(tmp_path: Path, text: str, lang: str) -> None:
    draft = tmp_path / "draft.txt"
    draft.write_text(text, encoding="utf-8")
    code = ("import sys, glossary\n"
            f"glossary.check(open({str(draft)!r}, encoding='utf-8').read(), lang={lang!r})\n"
            "print('glossary.encoding' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "False"
