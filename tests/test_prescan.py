"""A long text folded only in windows around its possible keys gives the whole fold's matches."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from glossary import matcher as matcher_module
from glossary.fold import fold
from glossary.keyscan import KeyScan, _hyperscan
from glossary.matcher import compile_matcher
from glossary.prescan import _FIND_EACH, _cut, _cut_after, _cut_before, _cuts, _places, fragment
from glossary.termbase import TermBase

# Renderings of the test term base, the characters raw text hides them behind
# (full-width letters, a ligature, a soft hyphen, a combining mark, a Kelvin
# sign, a dotted capital I, a spacing diaeresis), white space across lines,
# hyphens, ideographs and long stretches with no place to cut.
PIECES = ["Belt and Road", "belt", " ", "\n  ", "ONE\u2011BELT", "One Belt, One Road", "one road", "一带一路",
          "一帶一路", "BRI", "b\u00adri", "Ｂｅｌｔ", "ﬁ", "\u212a", "x", "-", "\u0301", "İ", "¨", "\u00a0", "，",
          "Road Initiative", "Lu Ban Workshops", "three evil forces", "community of common destiny", "é", "x" * 90,
          "一" * 70, "。", "\t", "_", "’", "«", "Belt", "and", "road", "\U0001f600", "\n\n", "Ａ", "1"]


def whole(matcher: matcher_module.Matcher, text: str) -> list[tuple[int, int, int]]:
    folded = fold(text, matcher.needed)
    found = matcher._hits(folded.text)
    spans = folded.spans_to_original([(s, e) for s, e, _ in found]) if folded.maps else [(s, e) for s, e, _ in found]
    return [(s, e, idx) for (s, e), (_, _, idx) in zip(spans, found)]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.lists(st.sampled_from(PIECES), max_size=10), max_size=14), st.sampled_from(["en", "zh"]),
       st.sampled_from(["hyperscan", "ahocorasick"]))
def test_windows_find_what_the_whole_fold_finds(tb: TermBase, lines: list[list[str]], lang: str, backend: str) -> None:
    """Lines of pieces: a hard character (which the fold takes apart by lines) keeps to a few."""
    if backend == "hyperscan" and _hyperscan() is None:
        pytest.skip("the fast extra (hyperscan) is not installed")
    text = "\n".join("".join(line) for line in lines)
    matcher = compile_matcher(tb.concepts, lang)
    assert matcher.prescan is not None
    matcher.prescan.scan = KeyScan(matcher.prescan.scan.keys, backend, caseless=True)
    located = matcher.located(text, shortest=0, most=10**9)
    if located is not None:  # None: the plan sends the whole text to the definition
        assert located == whole(matcher, text)


def test_a_long_text_is_scanned_in_windows(tb: TermBase) -> None:
    text = ("Filler words go here, and more of them. " * 800) + "the Belt\u00a0and\nRoad Initiative. " + "x " * 400
    matcher = compile_matcher(tb.concepts, "en")
    located = matcher.located(text)
    assert located is not None and located == whole(matcher, text) and len(located) == 1
    assert [m.span for m in matcher.scan(text)] == [m.span for m in matcher.scan(text + "")]


def test_fragment_is_the_longest_literal_run() -> None:
    assert fragment("belt and road initiative") == ("initiative", 14)
    assert fragment("b&r") == ("b&r", 0)
    assert fragment('xi"an') == ("xi", 0)
    assert fragment("中国 中亚峰会") == ("中亚峰会", 3)
    assert fragment(' " - ') is None


@settings(max_examples=300)
@given(st.text("ab Z9&_-\"'.", max_size=20))
def test_an_ascii_key_has_the_fragment_read_a_character_at_a_time(key: str) -> None:
    # A dash beyond ASCII is no literal and ends a run, as a space does: with it the key is read by
    # the loop over its characters, without it by the pattern for ASCII keys.
    assert fragment(key) == fragment(key + "\u2013")


def test_cut_rule_agrees_with_its_pattern() -> None:
    chars = " \n\tab_-.,\"'一。，Ａ\u0301\u00a0й"
    for left in chars:
        for right in chars:
            assert _cut(left, right) == bool(_cuts().match(left + right)), (left, right)


@pytest.mark.parametrize("backend", ["ahocorasick", pytest.param("hyperscan", marks=pytest.mark.skipif(
    _hyperscan() is None, reason="the fast extra (hyperscan) is not installed"))])
def test_a_caseless_scan_finds_ascii_letters_in_either_case(backend: str) -> None:
    scan = KeyScan(["belt", "é路"], backend, caseless=True)
    assert scan("BELT Belt É路 é路 \U0001f600belt") == [(4, 0), (9, 0), (15, 1), (21, 0)]


@pytest.mark.parametrize("text", [
    ("é" * 496 + "belt") * 200,  # no place to cut near a fragment
    (" " * 496 + "Belt and Road") * 200,  # white space everywhere: the windows would cover more than the text
    ("一" * 490 + " belt and road ") * 200,
    " " * 100_000 + "belt and road",
])
def test_texts_without_places_to_cut_find_what_the_whole_fold_finds(tb: TermBase, text: str) -> None:
    matcher = compile_matcher(tb.concepts, "en")
    located = matcher.located(text)
    assert located is None or located == whole(matcher, text)
    assert [(m.span.start, m.span.end) for m in matcher.scan(text)] == sorted(
        {(s, e) for s, e, _ in whole(matcher, text)})


# ------------------------------------------- the windows: reaches merged, then cut

from glossary.fold import merge_touching  # noqa: E402
from glossary.prescan import _SPACE, _back, _cut_after, _cut_before, _cut_windows, _forward, _FURTHEST  # noqa: E402


def _cut_each(text: str, spans: list[tuple[int, int, int, int]]) -> list[tuple[int, int]] | None:
    """The windows as first made: each place's reach cut on its own, then merged."""
    cuts, covered = [], 0
    for start, end, before, after in spans:
        a = _cut_before(text, _back(text, start, before, _SPACE))
        b = _cut_after(text, _forward(text, end, after, _SPACE))
        covered += b - a
        if a < 0 or b < 0 or covered > 2 * len(text) + _FURTHEST:
            return None
        cuts.append((a, b))
    return merge_touching(cuts)


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(PIECES + ["word", "  ", ". ", "x" * 300, " " * 40]), min_size=1, max_size=60),
       st.lists(st.tuples(st.floats(0, 1), st.integers(0, 12), st.integers(0, 60), st.integers(0, 60)), min_size=1,
                max_size=12))
def test_reaches_merged_then_cut_are_the_windows_of_each_reach_cut(pieces: list[str],
                                                                   places: list[tuple[float, int, int, int]]) -> None:
    text = "".join(pieces)
    spans = []
    for where, width, before, after in places:
        start = min(int(where * len(text)), len(text))
        spans.append((start, min(start + width, len(text)), before, after))
    each = _cut_each(text, list(spans))
    merged = _cut_windows(text, list(spans), _SPACE)
    assert each is None or merged == each, (text, spans)
    assert merged is not None or each is None


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="ab ™５ßⁿ\U0001d465\u00ad", max_size=80),
       st.lists(st.sampled_from(list("™５ßⁿ\U0001d465\u00adb")), min_size=1, max_size=7, unique=True),
       st.integers(min_value=0, max_value=40))
def test_special_characters_are_found_one_at_a_time_where_a_class_finds_them(text: str, chars: list[str],
                                                                            limit: int) -> None:
    """A few characters are looked for with str.find: the offsets a character class finds, in order, or
    more than `limit` + 1 of them where there are more (the windows then give up either way)."""
    every = [m.start() for m in re.finditer("[" + re.escape("".join(chars)) + "]", text)]
    got = _places(text, chars, limit)
    if len(every) <= limit + 1:
        assert got == every
    else:
        assert len(got) == limit + 2 and set(got) <= set(every) and got == sorted(got)
    assert _places(text, chars * _FIND_EACH, limit)[:len(every)] == every


def test_the_cut_rule_reads_the_same_both_ways() -> None:
    chars = " \n\tab_-.,\"'一。，Ａ\u0301\u00a0й9"
    assert all(_cut(left, right) == _cut(right, left) for left in chars for right in chars)


def _cut_before_by_rule(text: str, at: int) -> int:
    return next((k for k in range(min(at, len(text)), 0, -1) if k == len(text) or _cut(text[k - 1], text[k])), 0)


def _cut_after_by_rule(text: str, at: int) -> int:
    return next((k for k in range(max(at, 1), len(text)) if _cut(text[k - 1], text[k])), len(text)) if at > 0 else 0


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from([" ", "\n", "a", "Z", "_", "-", ".", "一", "。", "й", "\u0301", "\u00a0", "x" * 70,
                                 "一" * 30, "  "]), max_size=40).map("".join), st.data())
def test_the_cuts_around_a_place_are_those_of_the_rule(text: str, data: st.DataObject) -> None:
    """The nearest cuts before and after a place, found with the pattern (reversed text before it), are
    those the rule gives character by character (when within _FURTHEST: these texts are shorter)."""
    at = data.draw(st.integers(min_value=0, max_value=len(text)))
    assert _cut_before(text, at) == _cut_before_by_rule(text, at)
    assert _cut_after(text, at) == _cut_after_by_rule(text, at)
