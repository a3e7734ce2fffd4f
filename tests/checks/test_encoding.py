from __future__ import annotations

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
