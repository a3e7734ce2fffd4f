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
from array import array
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from heapq import merge
from itertools import accumulate

from .model import Span
from .script import is_unspaced

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
_SPACE_RUN_SPLIT = re.compile("(  +)")


@dataclass(frozen=True, slots=True)
class OffsetMap:
    """Blocks where output and input lengths differ; identity with a shift elsewhere.

    Each block maps output `[out_start, out_end)` to input `[in_start, in_end)`.
    """

    out_starts: Sequence[int] = ()
    out_ends: Sequence[int] = ()
    in_starts: Sequence[int] = ()
    in_ends: Sequence[int] = ()

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
    """Blocks gathered into four arrays of machine integers: a text with a zero-width
    space between every two letters has a block per character, and Python ints in
    tuples cost about 140 bytes a block where these cost 32."""

    def __init__(self) -> None:
        self.columns = (array("q"), array("q"), array("q"), array("q"))
        self.add_out_start, self.add_out_end, self.add_in_start, self.add_in_end = (c.append for c in self.columns)

    def add(self, out_start: int, out_end: int, in_start: int, in_end: int) -> None:
        self.add_out_start(out_start)
        self.add_out_end(out_end)
        self.add_in_start(in_start)
        self.add_in_end(in_end)

    def build(self) -> OffsetMap | None:
        if not self.columns[0]:
            return None
        return OffsetMap(*self.columns)


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


def _classify(chars: set[str]) -> tuple[list[tuple[str, str]], list[str], list[str]]:
    """(changes, complex, hard) for the distinct non-ASCII characters of a text.

    `changes` are (character, fold) pairs for characters whose fold is not
    themselves (or that are not their own lower case, as Cherokee); `complex`
    those whose fold changes length; `hard` the characters the fast route
    cannot take: combining marks (composition is `fold`'s business) and
    characters whose fold would fold again or carries a combining mark ("İ").
    """
    table = _TABLE
    combining = unicodedata.combining
    changes: list[tuple[str, str]] = []
    complex_chars: list[str] = []
    hard: list[str] = []
    for char in chars:
        if combining(char):
            hard.append(char)
            continue
        folded = table[ord(char)]
        if folded == char:
            if char.lower() != char:  # Cherokee: casefold is upper case
                changes.append((char, folded))
            continue
        if any(table[ord(c)] != c or combining(c) for c in folded):
            hard.append(char)
            continue
        changes.append((char, folded))
        if len(folded) != 1:
            complex_chars.append(char)
    return changes, complex_chars, hard


_SURROGATE = re.compile(b"\xed[\xa0-\xbf]")  # a lone surrogate as `surrogatepass` writes it; valid UTF-8 never has it


def _distinct(text: str) -> tuple[bytes, set[str]] | None:
    """The UTF-8 form of `text` and its distinct non-ASCII characters, less runs
    known to fold to themselves; None for lone surrogates."""
    from .keyscan import utf8

    data = utf8(text)  # the bytes the check's key scans read too
    if b"\xed" in data and _SURROGATE.search(data):
        return None
    rest = data.translate(None, _ASCII_BYTES).decode("utf-8")
    if len(rest) > 64:
        rest = re.sub(_IDENTITY_RUN, "", rest)
    return data, set(rest)


def _fast_translate(text: str) -> tuple[str, OffsetMap | None] | None:
    """`_translate_each` in a few C-level passes, or None where that is not provably the same.

    `str.translate` with a dict costs a lookup per character (about 15 MB/s).
    Here the distinct characters that fold to something else are found by
    deleting ASCII bytes from the UTF-8 form and skipping runs of characters
    known to fold to themselves; then mostly-ASCII text is folded as UTF-8
    bytes (a 256-entry table for ASCII, then one `bytes.replace` per such
    character, a memchr-speed pass over one byte per ASCII character), and
    text of another alphabet is lower-cased in C first, because fold(c) ==
    fold(c.lower()) whenever c.lower() is one character (checked for every
    code point in tests/test_fold.py).

    None (the caller takes the definition) for text with a `hard` character
    (see `_classify`) or lone surrogates.
    """
    found = _distinct(text)
    if found is None:
        return None
    data, chars = found
    changes, complex_chars, hard = _classify(chars)
    if hard:
        return None
    return _apply(text, data, changes, complex_chars)


@lru_cache(maxsize=64)
def _swap_pattern(keys: tuple[bytes, ...]) -> re.Pattern[bytes]:
    # Longest first, though UTF-8 sequences of whole characters never overlap.
    return re.compile(b"|".join(re.escape(k) for k in sorted(keys, key=len, reverse=True)))


def _apply(text: str, data: bytes, changes: list[tuple[str, str]],
           complex_chars: list[str], complete: bool = True) -> tuple[str, OffsetMap | None]:
    """Fold `text` (UTF-8 `data`) that has no hard character, given its changes
    (not `complete`: a chosen few, so the route that lower-cases everything is out)."""
    table = _TABLE
    # Changes that lower() makes: the route that lower-cases first needs no
    # replace pass for them.
    cased = sum(1 for char, folded in changes if char.lower() == folded)
    if len(data) < 1.25 * len(text) or cased * 2 < len(changes) or not complete:
        # Mostly ASCII, or changes that are mostly not case (full-width forms,
        # punctuation): fold ASCII through a byte table and the other changes
        # with one regex pass over the UTF-8 bytes (found by their lead bytes;
        # a str holding one astral character costs four bytes for every
        # character, and a replace pass per character would copy it each time).
        data = data.translate(_ASCII_FOLD)
        swap = {char.encode("utf-8"): folded.encode("utf-8") for char, folded in changes if folded != char}
        if swap:
            data = _swap_pattern(tuple(sorted(swap))).sub(lambda m: swap[m.group()], data)
        out = data.decode("utf-8")
    elif len(changes) <= 12:
        out = data.translate(_ASCII_FOLD).decode("utf-8")
        for char, folded in changes:
            if folded != char:
                out = out.replace(char, folded)
    else:
        out = text.lower()
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
    # Kept as machine integers and merged lazily: a zero-width space between
    # every two letters puts half the text's offsets here.
    found: list[array[int]] = []
    for char in complex_chars:
        places = array("q")
        find = text.find
        i = find(char)
        while i != -1:
            places.append(i)
            i = find(char, i + 1)
        found.append(places)
    at = found[0] if len(found) == 1 else merge(*found)
    builder = _MapBuilder()
    shift = 0
    for i in at:
        width = len(table[ord(text[i])])
        out_start = i + shift
        builder.add(out_start, out_start + width, i, i + 1)
        shift += width - 1
    return out, builder.build()


def _hard_stretches(text: str, hard: list[str]) -> list[tuple[int, int]]:
    """The lines holding a hard character, merged, as [start, end) with a line
    break (or the text's end) at both ends: folding never looks across one."""
    n = len(text)
    spans: list[tuple[int, int]] = []
    find, rfind = text.find, text.rfind
    for char in hard:
        i = find(char)
        while i != -1:
            start = max(rfind("\n", 0, i), 0)
            end = find("\n", i + 1)
            if end == -1:
                spans.append((start, n))
                break
            spans.append((start, end))
            i = find(char, end)
    return merge_touching(spans)


def merge_touching(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The stretches `spans` cover, sorted; overlapping or touching ones become one."""
    spans.sort()
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and start <= merged[-1][1]:
            if end > merged[-1][1]:
                merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    return merged


def _is_nfc(text: str) -> bool:
    return text.isascii() or unicodedata.is_normalized("NFC", text)


def _define_piece(piece: str) -> tuple[list[str], list[OffsetMap | None]] | None:
    """The definition's steps before space collapsing, on one stretch of lines.

    Returns the text after each step (compose, translate, compose, translate)
    and each step's map. Whether a composition step runs depends on the whole
    text being NFC; a stretch that is NFC on its own is folded as if the step
    did not run, and None is returned where running it would change anything,
    so the caller takes the definition for the whole text.
    """
    if _is_nfc(piece):
        t1, m1 = piece, None
        if _compose_clusters(piece)[1] is not None:
            return None
    else:
        t1, m1 = _compose_clusters(piece)
    t2, m2 = _translate_each(t1)
    if _is_nfc(t2):
        if _compose_clusters(t2)[1] is not None or _translate_each(t2) != (t2, None):
            return None
        t3, m3, t4, m4 = t2, None, t2, None
    else:
        t3, m3 = _compose_clusters(t2)
        t4, m4 = _translate_each(t3)
    return [piece, t1, t2, t3, t4], [m1, m2, m3, m4]


def _piecewise(text: str, changes: list[tuple[str, str]], complex_chars: list[str],
               hard: list[str], complete: bool = True) -> tuple[str, list[OffsetMap]] | None:
    """Fold the lines that hold a hard character by the definition and the rest fast.

    Folding is local between line breaks (a line break composes with nothing
    and folds to one space), so the definition's maps are the blocks of each
    stretch shifted to where the stretch lies; the result equals `_fold_each`
    before its space collapsing. None when the hard lines are most of the text.
    """
    stretches = _hard_stretches(text, hard)
    if sum(end - start for start, end in stretches) * 2 > len(text):
        return None
    hard_parts = []
    for start, end in stretches:
        done = _define_piece(text[start:end])
        if done is None:
            return None
        hard_parts.append(done)
    # The easy stretches, folded together in one fast pass.
    easy_bounds: list[tuple[int, int]] = []
    last = 0
    for start, end in stretches:
        easy_bounds.append((last, start))
        last = end
    easy_bounds.append((last, len(text)))
    easy = "".join(text[a:b] for a, b in easy_bounds)
    easy_out, easy_map = _apply(easy, easy.encode("utf-8"), changes, complex_chars, complete)
    del easy  # a copy of most of the text: free it before the pieces are cut and joined
    easy_parts = _cut_easy(easy_out, easy_map, easy_bounds)
    return _interleave(easy_bounds, easy_parts, hard_parts)


def _cut_easy(easy_out: str, easy_map: OffsetMap | None, easy_bounds: list[tuple[int, int]],
              ) -> list[tuple[str, list[tuple[int, int, int, int]]]]:
    """The folded easy text cut back into its stretches, each with its map's blocks made local.

    Only complex characters (one input character each) change length.
    """
    blocks = list(zip(easy_map.out_starts, easy_map.out_ends, easy_map.in_starts, easy_map.in_ends)) if easy_map else []
    easy_parts: list[tuple[str, list[tuple[int, int, int, int]]]] = []
    k = 0
    shift = 0
    in_at = out_at = 0
    for a, b in easy_bounds:
        in_end = in_at + (b - a)
        mine: list[tuple[int, int, int, int]] = []
        while k < len(blocks) and blocks[k][2] < in_end:
            os_, oe, is_, ie = blocks[k]
            mine.append((os_ - out_at, oe - out_at, is_ - in_at, ie - in_at))
            shift += (oe - os_) - (ie - is_)
            k += 1
        out_end = in_end + shift
        easy_parts.append((easy_out[out_at:out_end], mine))
        in_at, out_at = in_end, out_end
    return easy_parts


def _interleave(easy_bounds: list[tuple[int, int]], easy_parts: list[tuple[str, list[tuple[int, int, int, int]]]],
                hard_parts: list[tuple[list[str], list[OffsetMap | None]]]) -> tuple[str, list[OffsetMap]]:
    """Easy, hard, easy, ..., easy joined, every step's blocks shifted to where its stretch lies."""
    steps: list[_MapBuilder] = [_MapBuilder() for _ in range(4)]
    offsets = [0, 0, 0, 0, 0]  # where the next stretch starts in the text of each stage
    out: list[str] = []
    for i, (a, b) in enumerate(easy_bounds):
        part, mine = easy_parts[i]
        for os_, oe, is_, ie in mine:
            steps[1].add(os_ + offsets[2], oe + offsets[2], is_ + offsets[1], ie + offsets[1])
        out.append(part)
        offsets[0] += b - a
        offsets[1] += b - a
        for stage in (2, 3, 4):
            offsets[stage] += len(part)
        if i < len(hard_parts):
            texts, maps = hard_parts[i]
            for step, m in enumerate(maps):
                if m is not None:
                    for os_, oe, is_, ie in zip(m.out_starts, m.out_ends, m.in_starts, m.in_ends):
                        steps[step].add(os_ + offsets[step + 1], oe + offsets[step + 1], is_ + offsets[step], ie + offsets[step])
            out.append(texts[4])
            for stage in range(5):
                offsets[stage] += len(texts[stage])
    maps = [m for m in (b.build() for b in steps) if m is not None]
    return "".join(out), maps


def _collapse_spaces(text: str) -> tuple[str, OffsetMap | None]:
    """Runs of two or more spaces to one, found in C by a regex with a literal prefix.

    `split` with a group hands back the pieces and the runs between them, so
    every offset comes from running sums of their lengths, without a Python
    step per run (prose with indented lines has a run on every line).
    """
    if "  " not in text:
        return text, None
    parts = _SPACE_RUN_SPLIT.split(text)
    lengths = list(map(len, parts))
    at = list(accumulate(lengths, initial=0))
    lengths[1::2] = [1] * (len(parts) // 2)
    out_at = list(accumulate(lengths, initial=0))
    out_starts = out_at[1:-1:2]
    return " ".join(parts[::2]), OffsetMap(array("q", out_starts), array("q", out_at[2:-1:2]), array("q", at[1:-1:2]),
                                           array("q", at[2:-1:2]))


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


def _word_like(char: str) -> tuple[bool, bool]:
    """What a scan's word boundaries and the hyphen rule ask of a neighbour."""
    return (char.isalnum() or char == "_"), is_unspaced(char)


def _matters(char: str, folded: str, needed: frozenset[str]) -> bool:
    """Whether folding `char` can make or break a match of keys made of `needed`.

    It cannot when no character of its fold is in a key, its fold is neither
    white space nor a dash (space runs, the hyphen rule), and it stands for a
    word character exactly where its fold's first and last characters do.
    """
    if not folded or any(c in needed for c in folded) or " " in folded or DASH in folded:
        return True
    kind = _word_like(char)
    return kind != _word_like(folded[0]) or kind != _word_like(folded[-1])


def fold(text: str, needed: frozenset[str] | None = None) -> Folded:
    """Fold `text` for matching, keeping the way back to every original offset.

    `needed`, the characters of a scan's (folded) keys, lets a scan skip work
    that cannot change what it finds: non-ASCII characters whose fold does not
    matter to those keys (`_matters`) are left as they are, and without a
    space or a dash among them, space runs and hyphens too. Such a text is
    only for finding those keys at word boundaries: the keys' matches, mapped
    back, are the same as in the whole fold (tests/test_matcher.py).
    """
    if needed is not None and (" " in needed or DASH in needed):
        needed_spaces = True
    else:
        needed_spaces = needed is None
    if text.isascii():
        text = text.encode("ascii").translate(_ASCII_FOLD).decode("ascii")
        maps: list[OffsetMap] = []
    else:
        found = _distinct(text)
        if found is None:
            return _fold_each(text)
        data, chars = found
        changes, complex_chars, hard = _classify(chars)
        if needed is not None:
            kept = {char for char, folded in changes if _matters(char, folded, needed)}
            changes = [(char, folded) for char, folded in changes if char in kept]
            complex_chars = [char for char in complex_chars if char in kept]
        if hard:
            del data, found  # the lines are encoded again, apart: keep one copy of the text at a time
            done = _piecewise(text, changes, complex_chars, hard, needed is None)
            if done is None:
                return _fold_each(text)
            text, maps = done
        else:
            text, m = _apply(text, data, changes, complex_chars, needed is None)
            maps = [m] if m is not None else []
    if needed_spaces:
        text, m = _collapse_spaces(text)
        if m is not None:
            maps.append(m)
        if DASH in text:
            text = _hyphens_to_spaces(text)
    return Folded(text, tuple(maps))


def folds_to_itself(char: str) -> bool:
    """Whether the fold leaves `char` as it is (and it is no combining mark)."""
    return _TABLE[ord(char)] == char and not unicodedata.combining(char)


def window_plan(text: str, needed: frozenset[str], chars: frozenset[str]
                ) -> tuple[list[str], list[tuple[int, int]], str] | None:
    """What folding windows of `text` for keys made of `needed` must cover (glossary.prescan).

    Returns the characters whose fold holds one of `chars` or nothing and
    matters to the keys (raw text may hide a key's literal run behind them),
    the stretches of lines that hold a hard character (folded as `fold`'s
    piecewise route folds them; windows take them whole), and the characters
    that fold to nothing or to white space besides ASCII white space (they do
    not count towards a window's reach). None where `fold` would take the
    definition for the whole text: windows could then differ from it.
    """
    found = _distinct(text)
    if found is None:
        return None
    _data, distinct = found
    changes, _complex, hard = _classify(distinct)
    stretches: list[tuple[int, int]] = []
    if hard:
        stretches = _hard_stretches(text, hard)
        if sum(end - start for start, end in stretches) * 2 > len(text):
            return None
        if any(_define_piece(text[start:end]) is None for start, end in stretches):
            return None
    special = [char for char, folded in changes if _matters(char, folded, needed)
               and (not folded or any(c in chars for c in folded))]
    thin = "".join(sorted({c for c in distinct if _TABLE[ord(c)].strip() == "" or unicodedata.combining(c)}
                          | set(hard)))
    return special, stretches, thin


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
