"""Stem markers for Kazakh, Uzbek, Kyrgyz, Tajik and Turkmen terms.

These languages add suffixes to a word for case, number and possession
(«бастамасы», «бастамасының», «бастамаға»), and no dependable analyser for
them is on PyPI. A terminologist marks the stem instead: `бастама|сы` matches
any word that starts with «бастама», whatever follows within the word. The
text after the marker is the citation ending, written out in suggestions.

Fixes: a stem-marked variant found in its citation form is replaced; found
with another suffix, it is reported with the suggestion but not rewritten,
because suffixes follow vowel harmony and do not carry over to another stem.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from . import LayerHit
from .tokens import Anchored, Token, TokenTrie, normalize, tokenize

from .markers import LANGS, MARKER, SUFFIXED, applies_to, has_marker, marker_errors, surface

__all__ = ["LANGS", "MARKER", "SUFFIXED", "applies_to", "has_marker", "marker_errors", "surface"]


@dataclass(frozen=True, slots=True)
class StemPattern:
    """A stem-marked term: per word, its key and whether any suffix may follow."""

    text: str
    keys: tuple[str, ...]
    citation: tuple[str, ...]


def compile_pattern(text: str) -> StemPattern:
    """Key a marked term word by word: a marked word by its stem, the rest as written."""
    plain = surface(text)
    cuts: list[int] = []  # offsets in `plain` where a marker stood
    for at, ch in enumerate(text):
        if ch == MARKER:
            cuts.append(at - len(cuts))
    keys: list[str] = []
    tokens = tokenize(plain)
    for tok in tokens:
        cut = next((c for c in cuts if tok.is_word and tok.start < c <= tok.end), None)
        keys.append("S:" + tok.norm if cut is None else "P:" + normalize(plain[tok.start:cut]))
    return StemPattern(text, tuple(keys), tuple(t.norm for t in tokens))


T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Hit(Generic[T]):
    """A span where stem-marked terms matched; `suffixed` when not in citation form."""

    start: int
    end: int
    payloads: tuple[T, ...]
    suffixed: bool


class Scanner(Generic[T]):
    """Finds stem-marked terms: a marked word matches its stem plus any suffix."""

    def __init__(self, terms: Iterable[tuple[str, T]]) -> None:
        trie: TokenTrie[tuple[StemPattern, T]] = TokenTrie()
        anchors: list[tuple[str, int, str]] | None = []
        self._lengths: set[int] = set()
        for text, payload in terms:
            if not has_marker(text):
                continue
            pattern = compile_pattern(text)
            trie.add(pattern.keys, (pattern, payload))
            self._lengths.update(len(k) - 2 for k in pattern.keys if k.startswith("P:"))
            first = next((k for k, key in enumerate(pattern.keys) if key[2:3].isalnum()), None)
            if first is None or anchors is None or len(pattern.keys[first]) < 4:
                anchors = None
            else:
                anchors.append((pattern.keys[first][2:], first, pattern.keys[first]))
        self._trie = trie
        self._anchored = Anchored(trie, anchors)

    def __bool__(self) -> bool:
        return bool(self._trie)

    def scan(self, text: str) -> list[Hit[T]]:
        """Stem-marked terms in `text` (raw or folded), leftmost-longest."""
        if not self._trie:
            return []
        lengths = sorted(self._lengths)

        def keys_of(tok: Token) -> list[str]:
            norm = tok.norm
            if not tok.is_word:
                return ["S:" + norm]
            return ["S:" + norm] + ["P:" + norm[:n] for n in lengths if n <= len(norm)]

        found: dict[tuple[int, int], tuple[str, ...]] = {}

        def accept(tokens: Sequence[Token], i: int, j: int, item: tuple[StemPattern, T]) -> bool:
            found[(tokens[i].start, tokens[j - 1].end)] = tuple(t.norm for t in tokens[i:j])
            return True

        out: list[Hit[T]] = []
        for start, end, accepted in self._anchored.scan(text, keys_of, accept):
            words = found[(start, end)]
            suffixed = all(words != item[0].citation for item, _ in accepted)
            out.append(Hit(start, end, tuple(item[1] for item, _ in accepted), suffixed))
        return out


# ------------------------------------------------------------ glossary.morph's table

def takes_part(term: Any) -> bool:
    """A term of a stem-marked language goes to the layer only when it carries a marker."""
    return has_marker(term.text)


def layer_hits(scanner: Scanner[Any], text: str) -> list[LayerHit]:
    """The scanner's hits as the layer's; a word with a suffix is tagged so that its fix is withheld."""
    out = []
    for s in scanner.scan(text):
        tags = (SUFFIXED,) if s.suffixed else ()
        out.append(LayerHit(s.start, s.end, tuple((cid, t, tags) for cid, t in s.payloads)))
    return out
