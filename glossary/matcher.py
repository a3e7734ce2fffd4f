"""Find every rendering of every concept in a text with one automaton pass.

Terms of one language are folded and compiled into an Aho-Corasick automaton
once per term base (cached on disk by its digest), so a scan costs time in
proportion to the text, not to the number of terms. Matches are then filtered
for word boundaries and reduced to leftmost-longest, which is what keeps
"Belt and Road" inside "Belt and Road Initiative" from being reported.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass

from . import cache
from .fold import fold, fold_text, window_plan
from .keyscan import KeyScan
from .prescan import Prescan
from .model import Concept, Match, Span, Term
from .script import is_unspaced
from .termbase import TermBase

TYPE_CHECKING = False  # typing's own flag, without importing typing (see glossary/__init__.py)
if TYPE_CHECKING:
    from typing import Any


def is_word_char(char: str) -> bool:
    """A character that would join a spaced-script term to its neighbour."""
    return (char.isalnum() or char == "_") and not is_unspaced(char)


# Texts shorter than this are folded whole: windows save nothing there. Nor do
# they with more than one place to look at per PLACES_EVERY characters.
WINDOWED_FROM = 20_000
PLACES_EVERY = 400
# From this many keys the scanner compiles only the keys no other key is a prefix of with a short tail
# (glossary.keyscan's `grouped`): plurals and possessives are most keys of a large English base, and
# compiling them took a third of a first run with 100,000 phrases.
GROUPED_FROM = 20_000


class Matcher:
    """All terms of one language of one term base, compiled."""

    def __init__(self, lang: str, entries: dict[str, list[tuple[str, Term]]],
                 forms: dict[str, tuple[str, ...]] | None = None,
                 layer_terms: list[tuple[str, Term]] | None = None) -> None:
        self.lang = lang
        # Keys added by glossary.morph (plurals, other script) carry form tags;
        # terms matched word by word (Russian lemmas, stem markers) go to a layer.
        self.forms: dict[str, tuple[str, ...]] = forms or {}
        self.layer_terms: list[tuple[str, Term]] = layer_terms or []
        self._layer: Any = None
        self._groups: dict[int, tuple[tuple[str, Term, tuple[str, ...]], ...]] = {}
        self.keys: list[str] = list(entries)
        self.entries: list[tuple[tuple[str, Term], ...]] = [tuple(entries[k]) for k in self.keys]
        self.bounds: list[tuple[bool, bool]] = [(is_word_char(k[0]), is_word_char(k[-1])) for k in self.keys]
        self.lengths: list[int] = [len(k) for k in self.keys]
        # Each key's two boundary flags packed (left 2, right 1), so the scan loop
        # rejects a hit inside a word with one lookup.
        self.flags: list[int] = [left << 1 | right for left, right in self.bounds]
        # Russian keys: one byte a letter, no offsets to convert (`narrow`)
        self.scanner = KeyScan(self.keys, narrow=True, grouped=len(self.keys) >= GROUPED_FROM)
        # The characters of the keys: the fold may leave the others alone
        # (fold's `needed`). A word-level layer reads every character, so not with one.
        self.needed: frozenset[str] | None = None if self.layer_terms else frozenset("".join(self.keys))
        # Where keys may be in raw text (glossary.prescan): a long text is folded only there.
        self.prescan: Prescan | None = None
        if self.needed is not None and self.keys:
            try:
                self.prescan = Prescan(self.keys, self.flags)
            except ValueError:  # a key with no literal run: the whole text is folded
                pass

    def _hits(self, folded: str) -> list[tuple[int, int, int]]:
        """Leftmost-longest hits at word boundaries as (start, end, key index), in folded coordinates."""
        if not self.keys:
            return []
        # Most raw hits of a large base are inside longer words: the scan drops them as it finds them.
        found = [(start, -end, idx) for start, end, idx in self.scanner.bounded(folded, self.flags, is_word_char)]
        if not found:
            return []
        found.sort()
        out: list[tuple[int, int, int]] = []
        reach = 0
        for start, neg_end, idx in found:
            if start >= reach:
                out.append((start, -neg_end, idx))
                reach = -neg_end
        return out

    def __getstate__(self) -> dict[str, Any]:
        state = self.__dict__.copy()
        state["_layer"] = None  # rebuilt on first use: it holds the analyser's parses
        state["_groups"] = {}  # filled as keys are found
        return state

    def __setstate__(self, state: dict[str, Any]) -> None:
        state.setdefault("forms", {})
        state.setdefault("layer_terms", [])
        state.setdefault("prescan", None)
        state["_layer"] = None
        state["_groups"] = {}
        self.__dict__.update(state)

    def layer_outline(self) -> list[tuple[str, str, bool]]:
        """What the layer is built from (glossary.morph.outlines): each layer term's concept id, text and
        whether it is a variant."""
        from .morph import outlines

        return outlines(self.layer_terms)

    def layer(self) -> Any:
        """The word-level matchers of this language, built on first use."""
        if self._layer is None and self.layer_terms:
            from .morph import Layer

            self._layer = Layer(self.lang, self.layer_terms)
        return self._layer

    def located(self, text: str, shortest: int | None = None, most: int | None = None) -> list[tuple[int, int, int]] | None:
        """`_hits` with spans in `text`, from folded windows (glossary.prescan); None where the
        whole text is better folded (shorter than `shortest`, no prescan, more than `most` places
        to look at: by default one per PLACES_EVERY characters)."""
        if self.prescan is None or self.needed is None or len(text) < (WINDOWED_FROM if shortest is None else shortest):
            return None
        plan = window_plan(text, self.needed, self.prescan.chars)
        if plan is None:
            return None
        special, stretches, thin = plan
        windows = self.prescan.windows(text, special, stretches, thin, len(text) // PLACES_EVERY + 16 if most is None else most)
        if windows is None:
            return None
        if not windows:
            return []
        # The windows folded and scanned as one text, a line break between two: each is cut
        # where folding is local, and a line break folds to a space.
        joined = "\n".join(text[a:b] for a, b in windows)
        starts: list[int] = []
        at = 0
        for a, b in windows:
            starts.append(at)
            at += b - a + 1
        folded = fold(joined, self.needed)
        found = self._hits(folded.text)
        if not found:
            return []
        if folded.maps:
            spans = folded.spans_to_original([(start, end) for start, end, _ in found])
        else:
            spans = [(start, end) for start, end, _ in found]
        out: list[tuple[int, int, int]] = []
        for (start, end), (_, _, idx) in zip(spans, found):
            k = bisect_right(starts, start) - 1
            shift = windows[k][0] - starts[k]
            out.append((start + shift, end + shift, idx))
        return out

    def scan(self, text: str) -> list[Match]:
        """Every rendering in `text`, with spans exact in `text`."""
        layer = self.layer()
        located = None if layer else self.located(text)
        if located is not None:
            return self._matches([(start, end, self._group_of(idx)) for start, end, idx in located])
        folded = fold(text, self.needed)
        raw = self._hits(folded.text)
        if not raw and not layer:
            return []
        groups = self._groups
        hits: list[tuple[int, int, Sequence[tuple[str, Term, tuple[str, ...]]]]] = []
        for start, end, idx in raw:
            group = groups.get(idx)
            if group is None:
                group = groups[idx] = self._group(idx)
            hits.append((start, end, group))
        if layer:
            from .morph import merge

            hits = merge(hits, layer.scan(folded.text))  # type: ignore[arg-type,assignment]
        if folded.maps:  # Folded.to_original for every span at once, without Spans for folded coordinates
            spans = folded.spans_to_original([(start, end) for start, end, _ in hits])
            hits = [(start, end, group) for (start, end), (_, _, group) in zip(spans, hits)]
        return self._matches(hits)

    def _matches(self, hits: list[tuple[int, int, Sequence[tuple[str, Term, tuple[str, ...]]]]]) -> list[Match]:
        out: list[Match] = []
        for start, end, group in hits:
            span = Span(start, end)
            for concept_id, term, form in group:
                out.append(Match(concept_id, term, span, form))
        return out

    def _group_of(self, idx: int) -> tuple[tuple[str, Term, tuple[str, ...]], ...]:
        group = self._groups.get(idx)
        if group is None:
            group = self._groups[idx] = self._group(idx)
        return group

    def _group(self, idx: int) -> tuple[tuple[str, Term, tuple[str, ...]], ...]:
        """What key `idx` stands for: (concept id, term, form tags) per entry, built once per key."""
        form = self.forms.get(self.keys[idx], ())
        return tuple((cid, term, form) for cid, term in self.entries[idx])


class _Memory:
    """The compiled matchers kept in memory, which live in glossary.state; `clear()` drops them all,
    so that the next lookup reads the disk cache (tests and benchmarks measure that path)."""

    def clear(self) -> None:
        from .state import STATE

        for derived in STATE.derived.values():
            derived.matchers.clear()


_MEMORY = _Memory()
# Names what a pickled Matcher holds (the morph layer's fields, the keys'
# scanner with its flags, code page and keys' UTF-8 widths, the characters the fold needs, the layer's
# terms as outlines and positions in the term base, a large base's scanner grouped by tails): a cache
# written by other code is a miss.
LAYOUT = "morph2-keyscan-narrow-widths-memory3-layer-startup6-grouped-throughput5"


def matcher_for(termbase: TermBase, lang: str) -> Matcher:
    """The compiled matcher for `lang`, from memory (glossary.state), the disk cache or built now."""
    from .state import STATE

    memory = STATE.of(termbase).matchers
    matcher = memory.get(lang)
    if matcher is not None:
        return matcher
    from .flat import flatten_matcher, unflatten_matcher

    disk_key = f"{termbase.digest}-{lang}-{LAYOUT}"
    found = cache.get("matcher", disk_key)
    matcher = found if isinstance(found, Matcher) else unflatten_matcher(Matcher, found, termbase)
    if matcher is None:
        matcher = compile_matcher(termbase.concepts, lang)
        # Flat (glossary.flat): a hit builds its terms, not a load all of them.
        cache.put("matcher", disk_key, flatten_matcher(matcher, termbase) or matcher)
    memory[lang] = matcher
    return matcher


def compile_matcher(concepts: tuple[Concept, ...] | list[Concept], lang: str) -> Matcher:
    from .morph import surface_variants, takes_part
    from .morph.markers import has_marker

    entries: dict[str, list[tuple[str, Term]]] = {}
    layer_terms: list[tuple[str, Term]] = []
    for concept in concepts:
        for term in concept.terms:
            if term.lang == lang:
                if takes_part(term, lang):
                    layer_terms.append((concept.id, term))
                if has_marker(term.text) and takes_part(term, lang):
                    continue
                key = fold_text(term.text).strip()
                if key:
                    entries.setdefault(key, []).append((concept.id, term))
    # Spellings the term base does not list (plurals, the other Chinese script):
    # a listed term always wins over a generated spelling of the same key.
    listed = set(entries)
    forms: dict[str, tuple[str, ...]] = {}
    for concept in concepts:
        for term in concept.terms:
            for text, form in surface_variants(term, lang):
                key = fold_text(text).strip()
                if key and key not in listed:
                    entries.setdefault(key, []).append((concept.id, term))
                    forms.setdefault(key, form)
    return Matcher(lang, entries, forms, layer_terms)

