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
from typing import Generic, NamedTuple, TypeVar

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


class Token(NamedTuple):
    """One word or one punctuation character of a text, with its offsets.

    A named tuple rather than a frozen dataclass: scans make one per word,
    and building a tuple costs a fraction of a frozen dataclass's __init__.
    """

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
    """A trie node: children by key, payloads of paths ending here."""

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

    def longest(
        self,
        i: int,
        n: int | None,
        keys_at: Callable[[int], Iterable[str] | None],
        accept: Callable[[int, int, P], object | None],
    ) -> tuple[int, list[tuple[P, object]]] | None:
        """The longest path from token i with an accepted payload: (end, every payload accepted there).

        With `n` None, tokens run until `keys_at` returns None.
        """
        by_end: dict[int, list[P]] = {}
        frontier = [self._root]
        j = i
        while frontier and (n is None or j < n):
            keys = keys_at(j)
            if keys is None:
                break
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
        for end in sorted(by_end, reverse=True):
            accepted: list[tuple[P, object]] = []
            for payload in by_end[end]:
                verdict = accept(i, end, payload)
                if verdict is not None:
                    accepted.append((payload, verdict))
            if accepted:
                return end, accepted
        return None

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
        i = 0
        while i < n:
            best = self.longest(i, n, keys_at, accept)
            if best is None:
                i += 1
            else:
                found.append((i, best[0], best[1]))
                i = best[0]
        return found


Found = tuple[int, int, list[tuple[P, object]]]  # character offsets, accepted payloads


class Anchored(Generic[P]):
    """A token trie scanned only around the places where a term can start.

    Tokenizing and analysing every word of a long text costs far more than the
    surface automaton. Each term is anchored on its first word: the stem every
    form of that word starts with («сообществ» for «сообщество», «пут» for
    «путь»), or the word itself when it never changes. One Aho-Corasick pass
    finds the anchors at word starts, and only a window of words around each
    is tokenized and walked. Results are what a walk over every token gives.
    """

    def __init__(self, trie: TokenTrie[P], anchors: Iterable[tuple[str, int, str]] | None) -> None:
        """`anchors`: (stem, tokens before it in the term, its trie key); None to walk every token."""
        self.trie = trie
        self._automaton: object | None = None
        if anchors is not None:
            import ahocorasick

            backs: dict[str, set[tuple[int, str]]] = {}
            for stem, back, key in anchors:
                backs.setdefault(stem, set()).add((back, key))
            automaton = ahocorasick.Automaton()
            for stem, bs in backs.items():
                automaton.add_word(stem, (len(stem), tuple(sorted(bs))))
            if backs:
                automaton.make_automaton()
                self._automaton = automaton

    def scan(
        self,
        text: str,
        keys_of: Callable[[Token], Iterable[str]],
        accept: Callable[[Sequence[Token], int, int, P], object | None],
    ) -> list[Found[P]]:
        """Leftmost-longest accepted paths in `text`, as character offsets."""
        lowered = text.lower().replace("ё", "е")
        if self._automaton is None or len(lowered) != len(text):
            tokens = tokenize(text)
            keys = [keys_of(t) for t in tokens]
            return [
                (tokens[i].start, tokens[j - 1].end, accepted)
                for i, j, accepted in self.trie.scan(len(tokens), keys.__getitem__, lambda i, j, p: accept(tokens, i, j, p))
            ]
        starts: dict[int, set[tuple[int, str]]] = {}
        for last, (length, backs) in self._automaton.iter(lowered):  # type: ignore[attr-defined]
            at = last - length + 1
            if at == 0 or not (lowered[at - 1].isalnum() or lowered[at - 1] in "\u0300\u0301"):
                starts.setdefault(at, set()).update(backs)
        candidates: dict[int, Found[P]] = {}
        for at in sorted(starts):
            # Most anchors are the start of another word («од» of «одежда»):
            # look at the anchor word's keys before building a window.
            match = _TOKEN.match(text, at)
            if match is None or match.group(1) is None:
                continue
            word_keys = set(keys_of(Token(at, match.end(), match.group(), True)))
            backs = sorted({back for back, key in starts[at] if key in word_keys})
            if not backs:
                continue
            stream = _Stream(text, at)
            anchor = len(stream.tokens)
            cache: dict[int, Iterable[str] | None] = {}

            def keys_at(j: int, stream: _Stream = stream, cache: dict[int, Iterable[str] | None] = cache) -> Iterable[str] | None:
                if j not in cache:
                    token = stream.get(j)
                    cache[j] = None if token is None else keys_of(token)
                return cache[j]

            def check(i: int, j: int, payload: P, stream: _Stream = stream) -> object | None:
                return accept(stream.tokens, i, j, payload)

            for back in backs:
                i = anchor - back
                first = stream.get(i) if i >= 0 else None
                if first is None or first.start in candidates:
                    continue
                best = self.trie.longest(i, None, keys_at, check)
                if best is not None:
                    tokens = stream.tokens
                    candidates[tokens[i].start] = (tokens[i].start, tokens[best[0] - 1].end, best[1])
        found: list[Found[P]] = []
        reach = 0
        for start in sorted(candidates):
            if start >= reach:
                found.append(candidates[start])
                reach = candidates[start][1]
        return found


class _Stream:
    """The tokens around an anchor: a few before it, and after it only as many as the walk asks for."""

    def __init__(self, text: str, at: int) -> None:
        # Enough words before the anchor for a preposition and opening quotes.
        start = max(0, at - 16)
        while start > 0 and at - start < 64 and not text[start - 1].isspace():
            start -= 1
        self.tokens = [Token(t.start + start, t.end + start, t.text, t.is_word) for t in tokenize(text[start:at])]
        self._matches = _TOKEN.finditer(text, at)
        self._pending = self._next()

    def _next(self) -> Token | None:
        m = next(self._matches, None)
        return None if m is None else Token(m.start(), m.end(), m.group(), m.group(1) is not None)

    def get(self, j: int) -> Token | None:
        """Token j, reading on from the text as needed; None past the end."""
        while len(self.tokens) <= j:
            tok = self._pending
            if tok is None:
                return None
            self._pending = self._next()
            prev = self.tokens[-1] if self.tokens else None
            nxt = self._pending
            if (not tok.is_word and tok.text in _DASHES and prev is not None and prev.is_word and prev.end == tok.start
                    and nxt is not None and nxt.is_word and tok.end == nxt.start):
                continue  # a hyphen joining two words, as `tokenize` drops it
            self.tokens.append(tok)
        return self.tokens[j]
