"""The one definition of folding, and the map from folded offsets back.

Text and terms are folded the same way, so a term matches every spelling that
differs only by case, width, dashes, quotation marks or spacing. The map back is
piecewise: stretches where one folded character stands for one original
character cost nothing, and only characters whose fold changes length (and
collapsed white-space runs) are recorded, so folding stays a few C-level passes
over the text.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left, bisect_right
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from .model import Span

DASH = "-"
QUOTE = '"'
# Quotation marks of the scripts we meet; apostrophes fold with them so that
# "Xi'an" and "Xi’an" are one spelling.
_QUOTES = frozenset("\"'`\u00ab\u00bb\u2018\u2019\u201a\u201b\u201c\u201d\u201e\u201f\u2039\u203a\u2032\u2033"
                    "\u300c\u300d\u300e\u300f\u301d\u301e\u301f\uff02\uff07\u02bc")
# Invisible characters that only break words apart in copy-pasted text.
_IGNORABLE = frozenset("\u00ad\u200b\u200c\u200d\u2060\ufeff")


def _fold_char(char: str) -> str:
    if char in _IGNORABLE:
        return ""
    if char.isspace():
        return " "
    out = []
    for c in unicodedata.normalize("NFKC", char).casefold():
        if c.isspace():
            out.append(" ")
        elif c in _QUOTES:
            out.append(QUOTE)
        elif c == "\u2212" or unicodedata.category(c) == "Pd":
            out.append(DASH)
        elif c not in _IGNORABLE:
            out.append(c)
    return "".join(out)


class _FoldTable(dict[int, str]):
    """`str.translate` table filled on first sight of each character."""

    def __init__(self) -> None:
        super().__init__()
        self.complex: set[str] = set()
        self._pattern: re.Pattern[str] | None = None

    def __missing__(self, code: int) -> str:
        folded = _fold_char(chr(code))
        self[code] = folded
        if len(folded) != 1:
            self.complex.add(chr(code))
            self._pattern = None
        return folded

    @property
    def complex_pattern(self) -> re.Pattern[str] | None:
        if self._pattern is None and self.complex:
            self._pattern = re.compile("[" + "".join(re.escape(c) for c in sorted(self.complex)) + "]")
        return self._pattern


_TABLE = _FoldTable()
for _code in range(128):
    _TABLE[_code]  # ASCII is always known, so ASCII text never takes the slow path.

# ASCII characters whose fold is not their lower case (white space, quotes).
_ASCII_SPECIAL = tuple((chr(c), _TABLE[c]) for c in range(128) if _TABLE[c] != chr(c).lower())
_ASCII_BYTES = bytes(range(128))
# The fold of every ASCII character is one ASCII character; bytes from 128 up
# (parts of UTF-8 sequences) stay as they are.
_ASCII_FOLD = bytes(ord(_TABLE[b]) for b in range(128)) + bytes(range(128, 256))
# Runs of characters that fold to themselves and are their own lower case
# (tests/test_fold.py checks each): skipped in bulk when looking for the
# characters a text needs replaced, which matters for Cyrillic and Han text.
IDENTITY_RANGES = (
    "\u00e0-\u00f6\u00f8-\u00ff\u03ac-\u03af\u03b1-\u03c1\u03c3-\u03ce\u0430-\u045f\u3001\u3002\u300a\u300b"
    "\u3010\u3011\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7a3"
)
_IDENTITY_RUN = f"[{IDENTITY_RANGES}]+"  # compiled on first need (re caches it)

# "-" between two word characters, found by its literal first character: a
# pattern that starts with a look-behind is tried at every position (slow).
_HYPHEN_BEFORE_WORD = re.compile(r"-(?=\w)")
_WORD_CHAR = re.compile(r"\w")


@dataclass(frozen=True, slots=True)
class OffsetMap:
    """Blocks where output and input lengths differ; identity with a shift elsewhere.

    Each block maps output `[out_start, out_end)` to input `[in_start, in_end)`.
    """

    out_starts: tuple[int, ...] = ()
    out_ends: tuple[int, ...] = ()
    in_starts: tuple[int, ...] = ()
    in_ends: tuple[int, ...] = ()

    def start(self, offset: int) -> int:
        """Input offset where the output character at `offset` begins."""
        k = bisect_right(self.out_starts, offset) - 1
        if k < 0:
            return offset
        if offset < self.out_ends[k]:
            return self.in_starts[k]
        return self.in_ends[k] + offset - self.out_ends[k]

    def end(self, offset: int) -> int:
        """Input offset where an output span ending (exclusive) at `offset` ends."""
        k = bisect_left(self.out_starts, offset) - 1
        if k < 0:
            return offset
        if offset <= self.out_ends[k]:
            return self.in_ends[k]
        return self.in_ends[k] + offset - self.out_ends[k]

    def starts(self, offsets: list[int]) -> list[int]:
        """`start` of each offset (a scan maps every match at once)."""
        out_starts, out_ends, in_starts, in_ends = self.out_starts, self.out_ends, self.in_starts, self.in_ends
        out: list[int] = []
        for offset in offsets:
            k = bisect_right(out_starts, offset) - 1
            if k < 0:
                out.append(offset)
            elif offset < out_ends[k]:
                out.append(in_starts[k])
            else:
                out.append(in_ends[k] + offset - out_ends[k])
        return out

    def ends(self, offsets: list[int]) -> list[int]:
        """`end` of each offset."""
        out_starts, out_ends, in_ends = self.out_starts, self.out_ends, self.in_ends
        out: list[int] = []
        for offset in offsets:
            k = bisect_left(out_starts, offset) - 1
            if k < 0:
                out.append(offset)
            elif offset <= out_ends[k]:
                out.append(in_ends[k])
            else:
                out.append(in_ends[k] + offset - out_ends[k])
        return out


class _MapBuilder:
    def __init__(self) -> None:
        self.blocks: list[tuple[int, int, int, int]] = []

    def add(self, out_start: int, out_end: int, in_start: int, in_end: int) -> None:
        self.blocks.append((out_start, out_end, in_start, in_end))

    def build(self) -> OffsetMap | None:
        if not self.blocks:
            return None
        os_, oe, is_, ie = zip(*self.blocks)
        return OffsetMap(os_, oe, is_, ie)


@dataclass(frozen=True, slots=True)
class Folded:
    """Folded text and the maps, applied last to first, back to the original."""

    text: str
    maps: tuple[OffsetMap, ...] = ()

    def start(self, offset: int) -> int:
        for m in reversed(self.maps):
            offset = m.start(offset)
        return offset

    def end(self, offset: int) -> int:
        for m in reversed(self.maps):
            offset = m.end(offset)
        return offset

    def to_original(self, span: Span) -> Span:
        start = self.start(span.start)
        return Span(start, max(start, self.end(span.end)))

    def spans_to_original(self, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
        """`to_original` of many (start, end) pairs at once, as pairs."""
        starts = [s for s, _ in spans]
        ends = [e for _, e in spans]
        for m in reversed(self.maps):
            starts = m.starts(starts)
            ends = m.ends(ends)
        return [(s, max(s, e)) for s, e in zip(starts, ends)]


def _compose_clusters(text: str) -> tuple[str, OffsetMap | None]:
    """NFKC-compose base+combining sequences so "и\u0306" folds like "й"."""
    out: list[str] = []
    builder = _MapBuilder()
    pos = 0
    length = 0
    n = len(text)
    while pos < n:
        end = pos + 1
        while end < n and unicodedata.combining(text[end]):
            end += 1
        if end - pos == 1:
            out.append(text[pos])
            length += 1
        else:
            composed = unicodedata.normalize("NFKC", text[pos:end])
            out.append(composed)
            if composed != text[pos:end]:
                builder.add(length, length + len(composed), pos, end)
            length += len(composed)
        pos = end
    return "".join(out), builder.build()


def _translate_each(text: str) -> tuple[str, OffsetMap | None]:
    """Fold every character through the table: the definition, and the fallback."""
    out = text.translate(_TABLE)
    pattern = _TABLE.complex_pattern
    if pattern is None or (len(out) == len(text) and pattern.search(text) is None):
        return out, None
    builder = _MapBuilder()
    shift = 0
    for m in pattern.finditer(text):
        width = len(_TABLE[ord(m.group())])
        out_start = m.start() + shift
        builder.add(out_start, out_start + width, m.start(), m.end())
        shift += width - 1
    return out, builder.build()


def _fast_translate(text: str) -> tuple[str, OffsetMap | None] | None:
    """`_translate_each` in a few C-level passes, or None where that is not provably the same.

    `str.translate` with a dict costs a lookup per character (about 15 MB/s).
    Here the distinct characters that fold to something else are found by
    deleting ASCII bytes from the UTF-8 form and skipping runs of characters
    known to fold to themselves; then mostly-ASCII text is folded as bytes (a
    256-entry table for ASCII, then one `str.replace` per such character, a
    memchr-speed pass), and text of
    another alphabet is lower-cased in C first, because fold(c) ==
    fold(c.lower()) whenever c.lower() is one character (checked for every
    code point in tests/test_fold.py).

    None (the caller takes the definition) for text with combining marks
    (composition is `fold`'s business), an output that would fold again or
    carry a combining mark, lone surrogates, or "İ", which lower-cases to two
    characters.
    """
    try:
        data = text.encode("utf-8")
    except UnicodeEncodeError:
        return None
    rest = data.translate(None, _ASCII_BYTES).decode("utf-8")
    if len(rest) > 64:
        rest = re.sub(_IDENTITY_RUN, "", rest)
    table = _TABLE
    combining = unicodedata.combining
    changes: list[tuple[str, str]] = []
    complex_chars: list[str] = []
    for char in set(rest):
        if combining(char):
            return None
        folded = table[ord(char)]
        if folded == char:
            if char.lower() != char:  # Cherokee: casefold is upper case
                changes.append((char, folded))
            continue
        for c in folded:
            if table[ord(c)] != c or combining(c):
                return None
        changes.append((char, folded))
        if len(folded) != 1:
            complex_chars.append(char)
    if len(changes) <= 12:
        out = data.translate(_ASCII_FOLD).decode("utf-8")
        for char, folded in changes:
            if folded != char:
                out = out.replace(char, folded)
    else:
        out = text.lower()
        if len(out) != len(text):
            return None
        for char, folded in _ASCII_SPECIAL:
            if char in out:
                out = out.replace(char, folded)
        for char, folded in changes:
            low = char.lower()
            if low != folded:
                out = out.replace(low, folded)
            if char == "\u03a3":  # lower() writes a final sigma in context
                out = out.replace("\u03c2", folded)
    if not complex_chars:
        return out, None
    # Where the characters that change length are: str.find runs in C, where a
    # regex character class would test every character.
    at: list[int] = []
    for char in complex_chars:
        find = text.find
        i = find(char)
        while i != -1:
            at.append(i)
            i = find(char, i + 1)
    at.sort()
    builder = _MapBuilder()
    shift = 0
    for i in at:
        width = len(table[ord(text[i])])
        out_start = i + shift
        builder.add(out_start, out_start + width, i, i + 1)
        shift += width - 1
    return out, builder.build()


def _collapse_spaces(text: str) -> tuple[str, OffsetMap | None]:
    """Runs of two or more spaces to one; found with str.find (C), faster than a regex here."""
    find = text.find
    at = find("  ")
    if at == -1:
        return text, None
    pieces: list[str] = []
    out_starts: list[int] = []
    in_starts: list[int] = []
    in_ends: list[int] = []
    last = shift = 0
    n = len(text)
    while at != -1:
        end = at + 2
        while end < n and text[end] == " ":
            end += 1
        pieces.append(text[last:at])
        out_starts.append(at - shift)
        in_starts.append(at)
        in_ends.append(end)
        shift += end - at - 1
        last = end
        at = find("  ", end)
    pieces.append(text[last:])
    starts = tuple(out_starts)
    return " ".join(pieces), OffsetMap(starts, tuple([s + 1 for s in starts]), tuple(in_starts), tuple(in_ends))


def _hyphens_to_spaces(text: str) -> str:
    """A hyphen between word characters becomes a space (same length, no map)."""
    pieces: list[str] = []
    last = 0
    word = _WORD_CHAR.match
    for m in _HYPHEN_BEFORE_WORD.finditer(text):
        at = m.start()
        if at and word(text, at - 1):
            pieces.append(text[last:at])
            pieces.append(" ")
            last = at + 1
    if not pieces:
        return text
    pieces.append(text[last:])
    return "".join(pieces)


def fold(text: str) -> Folded:
    """Fold `text` for matching, keeping the way back to every original offset."""
    if text.isascii():
        text = text.encode("ascii").translate(_ASCII_FOLD).decode("ascii")
        maps: list[OffsetMap] = []
    else:
        fast = _fast_translate(text)
        if fast is None:
            return _fold_each(text)
        text, m = fast
        maps = [m] if m is not None else []
    text, m = _collapse_spaces(text)
    if m is not None:
        maps.append(m)
    if DASH in text:
        text = _hyphens_to_spaces(text)
    return Folded(text, tuple(maps))


def _fold_each(text: str) -> Folded:
    """The definition of `fold`, one character at a time; `fold` gives the same, faster."""
    maps: list[OffsetMap] = []

    def step(fn: Callable[[str], tuple[str, OffsetMap | None]]) -> None:
        nonlocal text
        text, m = fn(text)
        if m is not None:
            maps.append(m)

    if not text.isascii() and not unicodedata.is_normalized("NFC", text):
        step(_compose_clusters)
    step(_translate_each)
    # Folding a ligature can leave a combining mark on a new base ("ﬁ" + breve).
    if not text.isascii() and not unicodedata.is_normalized("NFC", text):
        step(_compose_clusters)
        step(_translate_each)
    step(_collapse_spaces)
    if DASH in text:
        text = _hyphens_to_spaces(text)
    return Folded(text, tuple(maps))


def fold_text(text: str) -> str:
    """The folded form alone, for keys and comparisons."""
    if len(text) <= 200:
        return _fold_short(text)
    return fold(text).text


@lru_cache(maxsize=1 << 16)
def _fold_short(text: str) -> str:
    # Term texts are folded again and again (fix targets, term families, validation).
    return fold(text).text
