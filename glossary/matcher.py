"""Find every rendering of every concept in a text with one automaton pass.

Terms of one language are folded and compiled into an Aho-Corasick automaton
once per term base (cached on disk by its digest), so a scan costs time in
proportion to the text, not to the number of terms. Matches are then filtered
for word boundaries and reduced to leftmost-longest, which is what keeps
"Belt and Road" inside "Belt and Road Initiative" from being reported.
"""

from __future__ import annotations

from dataclasses import dataclass

from . import cache
from .fold import fold, fold_text
from .model import Concept, Match, Span, Term
from .termbase import TermBase


def is_unspaced(char: str) -> bool:
    """Scripts written without spaces between words need no word boundary."""
    o = ord(char)
    return (
        0x2E80 <= o <= 0x9FFF or 0xF900 <= o <= 0xFAFF or 0xFF66 <= o <= 0xFF9F
        or 0x20000 <= o <= 0x3FFFF or 0x0E00 <= o <= 0x0EFF or 0x1000 <= o <= 0x109F or 0x1780 <= o <= 0x17FF
    )


def is_word_char(char: str) -> bool:
    """A character that would join a spaced-script term to its neighbour."""
    return (char.isalnum() or char == "_") and not is_unspaced(char)


@dataclass(frozen=True, slots=True)
class Hit:
    """A raw match in folded coordinates, before mapping back."""

    start: int
    end: int
    key: int


class Matcher:
    """All terms of one language of one term base, compiled."""

    def __init__(self, lang: str, entries: dict[str, list[tuple[str, Term]]]) -> None:
        import ahocorasick

        self.lang = lang
        self.keys: list[str] = list(entries)
        self.entries: list[tuple[tuple[str, Term], ...]] = [tuple(entries[k]) for k in self.keys]
        self.bounds: list[tuple[bool, bool]] = [(is_word_char(k[0]), is_word_char(k[-1])) for k in self.keys]
        self.lengths: list[int] = [len(k) for k in self.keys]
        # The automaton's value packs the key's index with its two boundary
        # flags, so the scan loop rejects a hit inside a word without a lookup.
        self.automaton = ahocorasick.Automaton(ahocorasick.STORE_INTS)
        for i, (key, (left, right)) in enumerate(zip(self.keys, self.bounds)):
            self.automaton.add_word(key, i << 2 | left << 1 | right)
        if self.keys:
            self.automaton.make_automaton()

    def hits(self, folded: str) -> list[Hit]:
        """Leftmost-longest hits at word boundaries, in folded coordinates."""
        if not self.keys:
            return []
        lengths = self.lengths
        n = len(folded)
        found: list[tuple[int, int, int]] = []
        # The hot loop of a check: one pass per raw hit of the automaton, most
        # of them inside longer words, so is_word_char is inlined (a spaced
        # script's letter is below U+0E00, where is_unspaced is never true).
        for last, value in self.automaton.iter(folded):
            idx = value >> 2
            end = last + 1
            start = end - lengths[idx]
            if value & 2 and start:
                c = folded[start - 1]
                if (c.isalnum() or c == "_") and (c < "\u0e00" or not is_unspaced(c)):
                    continue
            if value & 1 and end < n:
                c = folded[end]
                if (c.isalnum() or c == "_") and (c < "\u0e00" or not is_unspaced(c)):
                    continue
            found.append((start, -end, idx))
        if not found:
            return []
        found.sort()
        out: list[Hit] = []
        reach = 0
        for start, neg_end, idx in found:
            if start >= reach:
                out.append(Hit(start, -neg_end, idx))
                reach = -neg_end
        return out

    def scan(self, text: str) -> list[Match]:
        """Every rendering in `text`, with spans exact in `text`."""
        folded = fold(text)
        hits = self.hits(folded.text)
        if not hits:
            return []
        entries = self.entries
        out: list[Match] = []
        mapped = bool(folded.maps)
        for hit in hits:
            if mapped:  # Folded.to_original, without a Span for the folded coordinates
                start = folded.start(hit.start)
                span = Span(start, max(start, folded.end(hit.end)))
            else:
                span = Span(hit.start, hit.end)
            for concept_id, term in entries[hit.key]:
                out.append(Match(concept_id, term, span))
        return out


_MEMORY: dict[tuple[str, str], Matcher] = {}
# Bumped whenever a Matcher's pickled attributes change, so an old cache entry is a miss.
CACHE_FORMAT = 2


def matcher_for(termbase: TermBase, lang: str) -> Matcher:
    """The compiled matcher for `lang`, from memory, the disk cache or built now."""
    key = (termbase.digest, lang)
    matcher = _MEMORY.get(key)
    if matcher is not None:
        return matcher
    disk_key = f"{termbase.digest}-{lang}-{CACHE_FORMAT}"
    matcher = cache.get("matcher", disk_key)
    if not isinstance(matcher, Matcher):
        matcher = compile_matcher(termbase.concepts, lang)
        cache.put("matcher", disk_key, matcher)
    _MEMORY[key] = matcher
    return matcher


def compile_matcher(concepts: tuple[Concept, ...] | list[Concept], lang: str) -> Matcher:
    entries: dict[str, list[tuple[str, Term]]] = {}
    for concept in concepts:
        for term in concept.terms:
            if term.lang == lang:
                key = fold_text(term.text).strip()
                if key:
                    entries.setdefault(key, []).append((concept.id, term))
    return Matcher(lang, entries)

