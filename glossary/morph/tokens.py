"""Word tokens and a token trie: the automaton the morphology layer scans with.

Surface terms are matched character by character on folded text. Inflected
and stem-marked terms are matched a word at a time instead: each text token
offers a small set of keys (its surface form, its lemmas, its stems), each term
is a path of keys in a trie, and one left-to-right pass walks the trie from
every token. Tokens are whole words, so matches sit on word boundaries by
construction.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

from ..fold import fold_text

# A word is a run of letters and digits (with combining marks), and may hold an
# apostrophe between letters: Uzbek Latin writes o‘ and g‘ inside words, which
# folding turns into a straight double quote.
_WORD = r"(?:[^\W_]|[\u0300-\u036f])+(?:['’‘ʼʻ`\"](?:[^\W_]|[\u0300-\u036f])+)*"
_TOKEN = re.compile(rf"({_WORD})|(\S)")

# The same classes `fold` unifies, so raw term text and folded text give the
# same punctuation keys.
_QUOTES = frozenset("\"'«»‹›“”„‟‘’‚‛「」『』〝〞〟＂")
_DASHES = frozenset("-‐‑‒–—―−﹘﹣－")


@dataclass(frozen=True, slots=True)
class Token:
    """One word or one punctuation character of a text, with its offsets."""

    start: int
    end: int
    text: str
    is_word: bool

    @property
    def norm(self) -> str:
        """The key this token is compared by when it must match as written."""
        return normalize(self.text) if self.is_word else punct_key(self.text)


def normalize(word: str) -> str:
    """Fold a word as the matcher folds text, and write ё as е, as Russian text usually does."""
    return fold_text(word).replace("ё", "е")


def punct_key(char: str) -> str:
    """Fold a punctuation character: every quote to one quote, every dash to a hyphen."""
    if char in _QUOTES:
        return '"'
    if char in _DASHES:
        return "-"
    return fold_text(char) or char


def tokenize(text: str) -> list[Token]:
    """Split `text` into words and single punctuation characters; spaces vanish.

    A hyphen that joins two words («китайско-центральноазиатский») is dropped,
    as folding turns it into a space: the words are then two tokens either way.
    """
    raw = [Token(m.start(), m.end(), m.group(), m.group(1) is not None) for m in _TOKEN.finditer(text)]
    return [t for k, t in enumerate(raw) if not _joining(raw, k)]


def _joining(raw: Sequence[Token], k: int) -> bool:
    tok = raw[k]
    return (
        not tok.is_word
        and tok.text in _DASHES
        and 0 < k < len(raw) - 1
        and raw[k - 1].is_word
        and raw[k + 1].is_word
        and raw[k - 1].end == tok.start
        and tok.end == raw[k + 1].start
    )


def joined_words(text: str) -> set[int]:
    """Start offsets of words followed by a joining hyphen (the first part of a compound)."""
    raw = [Token(m.start(), m.end(), m.group(), m.group(1) is not None) for m in _TOKEN.finditer(text)]
    return {raw[k - 1].start for k in range(len(raw)) if _joining(raw, k)}


P = TypeVar("P")


@dataclass(slots=True)
class _Node(Generic[P]):
    children: dict[str, "_Node[P]"]
    payloads: list[P]


class TokenTrie(Generic[P]):
    """A trie over key sequences; `scan` finds the leftmost-longest accepted paths."""

    def __init__(self) -> None:
        self._root: _Node[P] = _Node({}, [])
        self.first_keys: set[str] = set()

    def add(self, keys: Sequence[str], payload: P) -> None:
        if not keys:
            raise ValueError("empty key path")
        node = self._root
        for key in keys:
            node = node.children.setdefault(key, _Node({}, []))
        node.payloads.append(payload)
        self.first_keys.add(keys[0])

    def __bool__(self) -> bool:
        return bool(self._root.children)

    def scan(
        self,
        n: int,
        keys_at: Callable[[int], Iterable[str]],
        accept: Callable[[int, int, P], object | None],
    ) -> list[tuple[int, int, list[tuple[P, object]]]]:
        """Walk tokens 0..n-1; return non-overlapping (first, last+1, accepted payloads).

        `keys_at(i)` gives token i's keys; `accept(i, j, payload)` checks a path
        covering tokens i..j-1 (agreement, say) and returns a verdict or None.
        At each start the longest path with an accepted payload wins, with every
        payload accepted there; the scan resumes after it, so results are
        leftmost-longest like the surface matcher.
        """
        found: list[tuple[int, int, list[tuple[P, object]]]] = []
        root = self._root
        i = 0
        while i < n:
            by_end: dict[int, list[P]] = {}
            frontier = [root]
            j = i
            while frontier and j < n:
                keys = keys_at(j)
                step: list[_Node[P]] = []
                for node in frontier:
                    for key in keys:
                        child = node.children.get(key)
                        if child is not None:
                            step.append(child)
                            if child.payloads:
                                by_end.setdefault(j + 1, []).extend(child.payloads)
                frontier = step
                j += 1
            accepted: list[tuple[P, object]] = []
            end = i
            for end in sorted(by_end, reverse=True):
                for payload in by_end[end]:
                    verdict = accept(i, end, payload)
                    if verdict is not None:
                        accepted.append((payload, verdict))
                if accepted:
                    break
            if accepted:
                found.append((i, end, accepted))
                i = end
            else:
                i += 1
        return found
