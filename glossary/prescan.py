"""Where a matcher's keys may be in a raw text: the windows worth folding.

Folding a whole text costs a dozen passes over it, and most of a long text
holds no key. Each key has a literal fragment (its longest run of characters
that stand for themselves in raw text, ASCII letters in either case); one
caseless scan of the raw text finds every place a fragment is, and only a
window around each, cut where folding is local, is folded and scanned by the
matcher. Raw text can hide a fragment only behind characters that fold into
its characters or into nothing (a full-width letter, a soft hyphen, a
combining mark): the windows also cover every such character and every line
the fold takes apart (`fold.window_plan`). The matches are those of the whole
fold (tests/test_prescan.py compares them).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence

from .fold import folds_to_itself, merge_touching
from .keyscan import KeyScan, TooMany

_WORD_ASCII = frozenset("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ_")

# A cut is a place between two characters where folding either side alone gives
# the same as folding the whole, and where a key's word-boundary test reads the
# same: around it only plain characters (ASCII other than hyphens, ideographs,
# CJK punctuation), not two white spaces (a run collapses), and a word character
# only beside white space (which no key starts or ends with).
_WS = " \t\n\r"
_NONWORD = r"!-,./:-@\[-\^`{-~\u3001-\u3003\u3008-\u3011\u3400-\u4dbf\u4e00-\u9fff\uff01\uff08\uff09\uff0c\uff1a\uff1b\uff1f"
_CUT_PATTERN = (
    rf"[{_WS}](?=[0-9A-Za-z_{_NONWORD}])|[0-9A-Za-z_{_NONWORD}](?=[{_WS}])|[{_NONWORD}](?=[{_NONWORD}])"
)


@functools.cache
def _cuts() -> re.Pattern[str]:
    """_CUT_PATTERN compiled on first use: its ideograph ranges take `re` 3-11 ms to compile, paid by
    every start although only a long text's windows look for a cut beyond the first few characters."""
    return re.compile(_CUT_PATTERN)


_NONWORD_CHARS = frozenset("!\"#$%&'()*+,./:;<=>?@[\\]^`{|}~\u3001\u3002\u3003\u3008\u3009\u300a\u300b\u300c\u300d"
                           "\u300e\u300f\u3010\u3011\uff01\uff08\uff09\uff0c\uff1a\uff1b\uff1f")


def literal(char: str) -> bool:
    """A key's character that raw text writes as itself (an ASCII letter also in upper case),
    unless a character folding into it stands there (fold.window_plan's `special`)."""
    return char in "&_" or (char.isalnum() and (char.isascii() or folds_to_itself(char)))


# `literal`'s ASCII characters: an ASCII key's runs are found by this, at C speed (a first run with
# 100,000 phrases has 290,000 keys, and the loop below took about a second over them).
_ASCII_LITERALS = re.compile(r"[0-9A-Za-z&_]+")


def fragment(key: str) -> tuple[str, int] | None:
    """The key's longest run of `literal` characters (longest in UTF-8), and where it starts."""
    if key.isascii():
        longest = None
        for m in _ASCII_LITERALS.finditer(key):
            if longest is None or m.end() - m.start() > longest.end() - longest.start():
                longest = m
        return None if longest is None else (longest.group(), longest.start())
    best: tuple[int, str, int] | None = None
    start = None
    for i, char in enumerate(key + " "):
        if i < len(key) and literal(char):
            if start is None:
                start = i
            continue
        if start is not None:
            run = key[start:i]
            size = len(run.encode("utf-8"))
            if best is None or size > best[0]:
                best = (size, run, start)
            start = None
    return None if best is None else (best[1], best[2])


class Prescan:
    """The fragments of a matcher's keys, compiled into one caseless scan, with how far each key reaches."""

    def __init__(self, keys: Sequence[str], flags: Sequence[int]) -> None:
        frags: dict[str, int] = {}
        left: list[int] = []
        right: list[int] = []
        # Whether an ASCII word character right before (after) the fragment rules out every key it stands for.
        open_left: list[bool] = []
        open_right: list[bool] = []
        for key, flag in zip(keys, flags):
            found = fragment(key)
            if found is None:
                raise ValueError(f"no literal fragment in {key!r}")
            run, at = found
            i = frags.get(run)
            if i is None:
                i = frags[run] = len(left)
                left.append(0), right.append(0), open_left.append(False), open_right.append(False)
            left[i] = max(left[i], at)
            right[i] = max(right[i], len(key) - at - len(run))
            if at == 0 and not flag & 2:
                open_left[i] = True
            if at + len(run) == len(key) and not flag & 1:
                open_right[i] = True
        self.left = left
        self.right = right
        self.open_left = open_left
        self.open_right = open_right
        self.scan = KeyScan(list(frags), caseless=True)
        self.chars = frozenset("".join(frags))  # what a special character would fold into
        self.reach = max((len(k) for k in keys), default=0)

    def windows(self, text: str, special: Sequence[str], stretches: Sequence[tuple[int, int]],
                thin: str, limit: int) -> list[tuple[int, int]] | None:
        """Disjoint [start, end) windows of `text`, cut where folding is local, that hold every
        match; None past `limit` places to look at (folding the whole text is then cheaper).

        `special` are the characters that may hide a fragment, `stretches` the lines the
        fold takes apart, `thin` the characters that fold to nothing or only join a run
        of white space.
        """
        try:  # most raw hits of a short fragment are inside longer words: counted after that test
            if len(text) >= 16 * _PROBE:  # a sixteenth first: a base of short fragments gives up early
                self.scan(text[:len(text) // 16], limit // 4)
            hits = self.scan(text, 4 * limit)
        except TooMany:
            return None
        nonsolid = re.compile("[\\s" + re.escape(thin) + "]") if thin else _SPACE
        lengths = self.scan.lengths
        n = len(text)
        spans: list[tuple[int, int, int, int]] = []  # (start, end, room before, room after)
        open_left, open_right = self.open_left, self.open_right
        for end, i in hits:
            start = end - lengths[i]
            if start and not open_left[i] and text[start - 1] in _WORD_ASCII:
                continue  # an ASCII word character runs into the fragment: no key's match
            if end < n and not open_right[i] and text[end] in _WORD_ASCII:
                continue
            spans.append((start, end, self.left[i] + 1, self.right[i] + 1))
        if len(spans) > limit:
            return None
        reach = self.reach + 1
        if special:
            for count, at in enumerate(_places(text, special, limit)):
                if count + len(spans) > limit:
                    return None
                spans.append((at, at + 1, reach, reach))
        for start, end in stretches:
            spans.append((start, end, reach, reach))
        if not spans:
            return []
        return _cut_windows(text, spans, nonsolid)


_SPACE = re.compile(r"\s")
_FIND_EACH = 12  # fewer special characters than this are found with str.find, one character at a time


def _places(text: str, chars: Sequence[str], limit: int) -> list[int]:
    """The offsets of `chars` (single characters) in `text`, in order; only `limit` + 2 of them, not
    necessarily the first, where there are more.

    `str.find` looks for one character at C speed (about 1 ms in 5 MB of text four bytes a
    character); a character class costs `re` about 18 ms, whatever the number of characters.
    """
    if len(chars) >= _FIND_EACH:
        return [m.start() for m in re.finditer("[" + re.escape("".join(chars)) + "]", text)]
    out: list[int] = []
    for char in dict.fromkeys(chars):
        at = text.find(char)
        while at >= 0 and len(out) <= limit + 1:  # past that many the caller gives up whichever they are
            out.append(at)
            at = text.find(char, at + 1)
    out.sort()
    return out


_PROBE = 50_000


def _cut_windows(text: str, spans: list[tuple[int, int, int, int]], nonsolid: re.Pattern[str]) -> list[tuple[int, int]] | None:
    """The windows around `spans` (start, end, solid characters to take before, after), cut and merged;
    None where they would cover more than twice the text, or a reach has no cut near it.

    The reaches are merged before they are cut: the last cut at or before a place and the first at or
    after it only move on as the place does, so cutting each stretch of touching reaches at its two ends
    gives the windows that cutting each reach and merging give (a few thousand cuts fewer in 5 MB).
    """
    reaches = merge_touching([(_back(text, start, before, nonsolid), _forward(text, end, after, nonsolid))
                              for start, end, before, after in spans])
    cuts: list[tuple[int, int]] = []
    covered = 0  # the characters looked at: past twice the text's length, folding it whole is cheaper
    for start, end in reaches:
        a = _cut_before(text, start)
        b = _cut_after(text, end)
        covered += b - a
        if a < 0 or b < 0 or covered > 2 * len(text) + _FURTHEST:
            return None
        cuts.append((a, b))
    return merge_touching(cuts)


def _nonsolid_count(text: str, start: int, end: int, nonsolid: re.Pattern[str]) -> int:
    """How many characters of text[start:end] `nonsolid` matches (no list of them for a long stretch)."""
    if end - start <= 256:
        return len(nonsolid.findall(text, start, end))
    piece = text[start:end]
    return len(piece) - len(nonsolid.sub("", piece))


def _back(text: str, at: int, need: int, nonsolid: re.Pattern[str]) -> int:
    """A place before `at` with at least `need` characters that fold to something between
    (looking twice as far each time: a long run of white space costs one pass)."""
    start, end, solid = at - need, at, 0
    while start > 0:
        solid += (end - start) - _nonsolid_count(text, start, end, nonsolid)
        if solid >= need:
            return start
        end, start = start, start - max(need - solid, at - start)
    return 0


def _forward(text: str, at: int, need: int, nonsolid: re.Pattern[str]) -> int:
    """A place after `at` with at least `need` characters that fold to something between."""
    n = len(text)
    start, end, solid = at, at + need, 0
    while end < n:
        solid += (end - start) - _nonsolid_count(text, start, end, nonsolid)
        if solid >= need:
            return end
        start, end = end, end + max(need - solid, end - at)
    return n


def _nonword(char: str) -> bool:
    return char in _NONWORD_CHARS or "\u4e00" <= char <= "\u9fff" or "\u3400" <= char <= "\u4dbf"


def _cut(left: str, right: str) -> bool:
    """Whether a cut may go between `left` and `right` (see _CUT_PATTERN)."""
    if left in _WS:
        return right in _WORD_ASCII or _nonword(right)
    if right in _WS:
        return left in _WORD_ASCII or _nonword(left)
    return _nonword(left) and _nonword(right)


_SCAN_STEPS = 64  # characters tried one by one before a regular expression looks further
# No cut this far from a window's reach (a long run of letters): the whole text is folded instead, which
# keeps the cost of a text made to have none linear.
_FURTHEST = 4096


def _cut_before(text: str, at: int) -> int:
    """The last cut at or before `at` (0 if none), or -1 if none is within _FURTHEST characters.

    The rule reads the same both ways (`_cut(a, b)` is `_cut(b, a)`), so the last cut before a place is
    the first one the pattern finds in the characters before it reversed.
    """
    if at >= len(text):
        return at if at > 0 else 0
    lo = max(at - _SCAN_STEPS, 0)
    m = _cuts().search(text[lo:at + 1][::-1])  # its character j is text[at - j]
    if m is not None and at - m.start() > lo:
        return at - m.start()
    if at <= _SCAN_STEPS:
        return 0
    lo = max(0, at - _FURTHEST)
    last = -1
    for m in _cuts().finditer(text, lo, at - _SCAN_STEPS + 1):
        last = m.end()
    if last == -1:
        return 0 if lo == 0 else -1
    return last


def _cut_after(text: str, at: int) -> int:
    """The first cut at or after `at` (the text's end if none), or -1 if none is within _FURTHEST characters."""
    n = len(text)
    if at <= 0:
        return 0
    hi = min(n, at + _FURTHEST)
    m = _cuts().search(text, at - 1, hi)  # a match ends at a cut: its lookahead reads the next character
    if m is None:
        return n if hi == n else -1
    return m.end()
