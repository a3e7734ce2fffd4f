"""Derived state lives in one object per term-base digest, and the runner can forget it all."""

from __future__ import annotations

from pathlib import Path

from glossary import runner
from glossary.matcher import matcher_for
from glossary.state import STATE
from glossary.termbase import TermBase

DATA = Path(__file__).parent / "data"


def test_matchers_hang_off_their_term_bases_digest(tb: TermBase) -> None:
    first = matcher_for(tb, "en")
    assert matcher_for(tb, "en") is first
    assert STATE.of(tb).matchers["en"] is first and STATE.of(tb).digest == tb.digest


def test_forget_drops_term_bases_matchers_and_settings(tmp_path: Path) -> None:
    (tmp_path / ".glossary.toml").write_text('disable = ["mixed-renderings"]\n', encoding="utf-8")
    settings = runner.Settings(termbases=(str(DATA / "termbase.yaml"),), no_default=True)
    cfg, tb, options = runner.prepare(str(tmp_path / "a.txt"), settings)
    matcher = matcher_for(tb, "en")
    assert "mixed-renderings" in options.disable
    (tmp_path / ".glossary.toml").write_text("disable = []\n", encoding="utf-8")
    assert "mixed-renderings" in runner.prepare(str(tmp_path / "a.txt"), settings)[2].disable  # remembered
    runner.forget()
    assert STATE.derived == {} and STATE.termbases == {}
    _cfg, again, options = runner.prepare(str(tmp_path / "a.txt"), settings)
    assert "mixed-renderings" not in options.disable
    assert again.digest == tb.digest and matcher_for(again, "en") is not matcher
