"""Findings on a fixed sample stay what they were before the speed work (issue 14).

The sample (tests/data/speed, made by tools/speed_sample.py) is synthetic prose
with renderings of the shipped term base and the characters that take the slow
paths: combining marks, a virama, Hebrew points, spacing diacritics, ligatures,
astral characters, mojibake. `findings.json` holds what `glossary.check` found
in it before the fold, the matcher and the mojibake detector were made faster;
a faster path must find exactly the same. `termbase.yaml` is the shipped term
base as it was then, so that later edits of the shipped base leave this test alone.
"""

from __future__ import annotations

import json

import pytest

import glossary
from glossary.reporters.json import finding_dict
from glossary.termbase import TermBase, load

from ..conftest import DATA

SAMPLE = DATA / "speed"
FIELDS = ("line", "column", "end_line", "end_column", "start", "end", "code", "concept", "found", "suggestion",
          "fixable", "reason")


@pytest.fixture(scope="module")
def sample_tb() -> TermBase:
    return load([SAMPLE / "termbase.yaml"], default=False)


@pytest.mark.parametrize("lang", ["en", "ru", "zh"])
def test_sample_findings_are_unchanged(lang: str, sample_tb: TermBase) -> None:
    expected = json.loads((SAMPLE / "findings.json").read_text(encoding="utf-8"))[lang]
    text = (SAMPLE / f"sample.{lang}.txt").read_text(encoding="utf-8")
    found = [{k: finding_dict(f)[k] for k in FIELDS} for f in glossary.check(text, lang=lang, termbase=sample_tb)]
    assert found == expected


@pytest.mark.parametrize("lang", ["en", "ru", "zh"])
def test_sample_findings_are_the_same_without_hyperscan(lang: str, sample_tb: TermBase,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    """The scans' fallback (pyahocorasick, where the fast extra is missing) finds the same: matchers,
    signature indexes and the Russian layer are built again, or read from the disk cache, without hyperscan."""
    from glossary import keyscan
    from glossary.state import STATE
    from glossary.matcher import _MEMORY

    monkeypatch.setattr(keyscan, "_hyperscan", lambda: None)
    for derived in STATE.derived.values():
        monkeypatch.setattr(derived, "signatures", {})
    _MEMORY.clear()
    try:
        test_sample_findings_are_unchanged(lang, sample_tb)
        from glossary.matcher import matcher_for

        matcher = matcher_for(sample_tb, lang)
        assert matcher.scanner.backend == "ahocorasick"
    finally:
        _MEMORY.clear()


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("windows", [False, True])
def test_sample_findings_are_the_same_folding_windows_or_the_whole_text(lang: str, windows: bool, sample_tb: TermBase,
                                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    """The matcher folds a long text only in windows around its keys (glossary.prescan); folding all of it
    finds the same, and so do windows forced on the sample, whatever its length and number of places."""
    from glossary import matcher

    used: list[bool] = []
    located = matcher.Matcher.located

    def spy(self: matcher.Matcher, text: str, shortest: int | None = None, most: int | None = None):  # type: ignore[no-untyped-def]
        got = located(self, text, shortest, most)
        used.append(got is not None)
        return got

    monkeypatch.setattr(matcher.Matcher, "located", spy)
    monkeypatch.setattr(matcher, "WINDOWED_FROM", 0 if windows else 10**12)
    monkeypatch.setattr(matcher, "PLACES_EVERY", 1)
    test_sample_findings_are_unchanged(lang, sample_tb)
    assert any(used) == windows
