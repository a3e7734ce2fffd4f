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

_SPACE_RUN = re.compile(r"  +")
_HYPHEN_IN_WORD = re.compile(r"(?<=\w)-(?=\w)")


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


def _translate(text: str) -> tuple[str, OffsetMap | None]:
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


def _collapse_spaces(text: str) -> tuple[str, OffsetMap | None]:
    if "  " not in text:
        return text, None
    builder = _MapBuilder()
    pieces: list[str] = []
    last = 0
    shift = 0
    for m in _SPACE_RUN.finditer(text):
        pieces.append(text[last:m.start()])
        pieces.append(" ")
        out_start = m.start() - shift
        builder.add(out_start, out_start + 1, m.start(), m.end())
        shift += m.end() - m.start() - 1
        last = m.end()
    pieces.append(text[last:])
    return "".join(pieces), builder.build()


def fold(text: str) -> Folded:
    """Fold `text` for matching, keeping the way back to every original offset."""
    maps: list[OffsetMap] = []

    def step(fn: Callable[[str], tuple[str, OffsetMap | None]]) -> None:
        nonlocal text
        text, m = fn(text)
        if m is not None:
            maps.append(m)

    if not text.isascii() and not unicodedata.is_normalized("NFC", text):
        step(_compose_clusters)
    step(_translate)
    # Folding a ligature can leave a combining mark on a new base ("ﬁ" + breve).
    if not text.isascii() and not unicodedata.is_normalized("NFC", text):
        step(_compose_clusters)
        step(_translate)
    step(_collapse_spaces)
    if DASH in text:
        text = _HYPHEN_IN_WORD.sub(" ", text)
    return Folded(text, tuple(maps))


def fold_text(text: str) -> str:
    """The folded form alone, for keys and comparisons."""
    return fold(text).text
