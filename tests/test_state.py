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


def test_signature_indexes_and_their_memos_live_in_the_state(tb: TermBase) -> None:
    from glossary import signatures

    index = signatures.index_for(tb, "en")
    assert signatures.index_for(tb, "en-GB") is index  # one per base language
    assert STATE.of(tb).signatures["en"][1] is index
    index.scan("They spoke of a community of shared destiny for all humankind.")
    runner.forget()
    assert STATE.signature_prefixes == {} and STATE.signature_slots == {} and STATE.signature_introducers == {}
    assert signatures.index_for(tb, "en") is not index


def test_a_signature_memo_is_not_handed_to_another_signature_with_the_same_id(tb: TermBase) -> None:
    from dataclasses import replace

    from glossary import signatures

    sig = next(s for s in signatures.index_for(tb, "en").signatures if len(s.slots) >= 2)
    STATE.signature_introducers[id(sig)] = (replace(sig), {0: "nonsense"})  # as if left by a dead signature
    assert signatures._introducers(sig) != {0: "nonsense"}
