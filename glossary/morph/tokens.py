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
from typing import TYPE_CHECKING, Generic, TypeVar

from ..fold import fold_text
from .records import TokenFields

if TYPE_CHECKING:
    from ..keyscan import KeyScan

# A word is a run of letters and digits (with combining marks), and may hold an
# apostrophe between letters: Uzbek Latin writes o‘ and g‘ inside words, which
# folding turns into a straight double quote.
_WORD = r"(?:[^\W_]|[\u0300-\u036f])+(?:['’‘ʼʻ`\"](?:[^\W_]|[\u0300-\u036f])+)*"
_TOKEN = re.compile(rf"({_WORD})|(\S)")

# The same classes `fold` unifies, so raw term text and folded text give the
# same punctuation keys.
_QUOTES = frozenset("\"'«»‹›“”„‟‘’‚‛「」『』〝〞〟＂")
_DASHES = frozenset("-‐‑‒–—―−﹘﹣－")


class Token(TokenFields):
    """One word or one punctuation character of a text, with its offsets (start, end, text, is_word).

    A named tuple rather than a frozen dataclass: scans make one per word,
    and building a tuple costs a fraction of a frozen dataclass's __init__.
    """

    __slots__ = ()

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


_ANCHORS_LAYOUT = "anchors-2-apispeed3"


def _anchor_scan(stems: list[str]) -> KeyScan:
    """The scan of `stems`, read from the on-disk cache when the same stems were compiled before (with the
    same backend): compiling them is most of building a Russian scanner, and a check builds one each start."""
    from .. import cache
    from ..keyscan import KeyScan, default_backend

    backend = default_backend()
    # The layout names what an entry holds: a scan compiled in a code page (`narrow`), which code
    # before it would read as UTF-8.
    key = cache.sha256("\0".join([_ANCHORS_LAYOUT, backend, *stems]).encode()).hexdigest()
    found = cache.get("anchors", key)
    if isinstance(found, KeyScan) and found.keys == stems and found.backend == backend and not found.caseless:
        return found
    scan = KeyScan(stems, backend, narrow=True)  # Russian stems: one byte a letter, no offsets to convert
    cache.put("anchors", key, scan)
    return scan


class Anchored(Generic[P]):
    """A token trie scanned only around the places where a term can start.

    Tokenizing and analysing every word of a long text costs far more than the
    surface automaton. Each term is anchored on its first word: the stem every
    form of that word starts with («сообществ» for «сообщество», «пут» for
    «путь»), or the word itself when it never changes. One scan of the stems
    finds the anchors at word starts, and only a window of words around each
    is tokenized and walked. Results are what a walk over every token gives.
    """

    def __init__(self, trie: TokenTrie[P], anchors: Iterable[tuple[str, int, str]] | None) -> None:
        """`anchors`: (stem, tokens before it in the term, its trie key); None to walk every token."""
        self.trie = trie
        self._automaton: KeyScan | None = None
        # (an _AHEAD match's groups, anchors hit there) -> (offsets to walk, settled).
        # `keys_of` must depend on a token's text and kind only, as both scanners' do.
        self._gates: dict[tuple[tuple[str | None, ...], tuple[tuple[int, str], ...]], tuple[tuple[int, ...], bool]] = {}
        self._payloads: list[tuple[tuple[int, str], ...]] = []  # per anchor stem: (tokens before, key)
        if anchors is not None:
            backs: dict[str, set[tuple[int, str]]] = {}
            for stem, back, key in anchors:
                backs.setdefault(stem, set()).add((back, key))
            if backs:
                self._automaton = _anchor_scan(list(backs))
                self._payloads = [tuple(sorted(bs)) for bs in backs.values()]

    def scan(
        self,
        text: str,
        keys_of: Callable[[Token], Iterable[str]],
        accept: Callable[[Sequence[Token], int, int, P], object | None],
    ) -> list[Found[P]]:
        """Leftmost-longest accepted paths in `text`, as character offsets."""
        lowered = text.lower().replace("ё", "е")
        if self._automaton is None or len(lowered) != len(text):
            return self._scan_every_token(text, keys_of, accept)
        starts = self._anchor_starts(lowered)
        if not starts:
            return []
        if len(self._gates) >= _GATE_LIMIT:
            self._gates.clear()
        candidates: dict[int, Found[P]] = {}
        for at in sorted(starts):
            backs = self._backs(text, at, starts[at], keys_of)
            if backs:
                self._walk(text, at, backs, keys_of, accept, candidates)
        found: list[Found[P]] = []
        reach = 0
        for start in sorted(candidates):
            if start >= reach:
                found.append(candidates[start])
                reach = candidates[start][1]
        return found

    def _scan_every_token(
        self, text: str, keys_of: Callable[[Token], Iterable[str]],
        accept: Callable[[Sequence[Token], int, int, P], object | None],
    ) -> list[Found[P]]:
        """The walk from every token: without anchors, or when lower-casing changed the text's length."""
        tokens = tokenize(text)
        keys = [keys_of(t) for t in tokens]
        return [
            (tokens[i].start, tokens[j - 1].end, accepted)
            for i, j, accepted in self.trie.scan(len(tokens), keys.__getitem__, lambda i, j, p: accept(tokens, i, j, p))
        ]

    def _anchor_starts(self, lowered: str) -> dict[int, tuple[tuple[int, str], ...]]:
        """Offsets where an anchor stem starts a word, with the (tokens before, key) pairs anchored there."""
        starts: dict[int, tuple[tuple[int, str], ...]] = {}
        if self._automaton is None:
            return starts
        lengths, payloads = self._automaton.lengths, self._payloads
        for end, stem in self._automaton(lowered):
            at = end - lengths[stem]
            backs = payloads[stem]
            if at == 0 or not (lowered[at - 1].isalnum() or lowered[at - 1] in "\u0300\u0301"):
                got = starts.get(at)
                starts[at] = backs if got is None else got + backs
        return starts

    def _backs(self, text: str, at: int, anchors: tuple[tuple[int, str], ...],
               keys_of: Callable[[Token], Iterable[str]]) -> tuple[int, ...]:
        """The offsets (tokens before the anchor) worth a walk from the anchor word at `at`, maybe none.

        Most anchors are the start of another word («од» of «одежда»), or of a
        word no term goes on from with the words after it: decide that from the
        next few tokens alone, once per run of word forms, looking one token
        further only while it cannot be told.
        """
        gate = self._gates
        backs: tuple[int, ...] = ()
        for ahead in _AHEAD:
            run = ahead.match(text, at)
            if run is None:
                break
            gate_key = (run.groups(), anchors)
            verdict = gate.get(gate_key)
            if verdict is None:
                verdict = gate[gate_key] = self._gate(run.groups(), anchors, keys_of)
            backs, settled = verdict
            if settled:
                break
        return backs

    def _walk(
        self, text: str, at: int, backs: tuple[int, ...], keys_of: Callable[[Token], Iterable[str]],
        accept: Callable[[Sequence[Token], int, int, P], object | None], candidates: dict[int, Found[P]],
    ) -> None:
        """The longest accepted path from each offset before the anchor at `at`, into `candidates` by start.

        A window of tokens from the anchor on; the tokens before it are read
        only when the term starts before it or a path is accepted.
        """
        stream = _Stream(text, at, prefix=backs != (0,))
        anchor = stream.offset
        cache: dict[int, Iterable[str] | None] = {}

        def keys_at(j: int) -> Iterable[str] | None:
            if j not in cache:
                token = stream.get(j)
                cache[j] = None if token is None else keys_of(token)
            return cache[j]

        def check(i: int, j: int, payload: P) -> object | None:
            tokens, shift = stream.with_prefix()
            return accept(tokens, i + shift, j + shift, payload)

        for back in backs:
            i = anchor - back
            first = stream.get(i) if i >= 0 else None
            if first is None or first.start in candidates:
                continue
            best = self.trie.longest(i, None, keys_at, check)
            if best is not None:
                tokens = stream.tokens
                candidates[tokens[i].start] = (tokens[i].start, tokens[best[0] - 1].end, best[1])

    def _gate(
        self, groups: tuple[str | None, ...], anchors: tuple[tuple[int, str], ...],
        keys_of: Callable[[Token], Iterable[str]],
    ) -> tuple[tuple[int, ...], bool]:
        """The offsets worth a walk from an anchor word, judged from it and the tokens after it.

        `groups` are an `_AHEAD` match: the anchor word, then per following
        token (word, punctuation), both None past the end of the text. Returns
        the offsets (tokens before the anchor word) to walk from, and whether
        that is settled; unsettled, more tokens may still rule the walk out.
        Offsets whose anchor key the word does not give are dropped. A term
        that starts at the anchor word is dropped when a walk would stop within
        these tokens with nothing found; it is kept (settled) when a term ends
        within them, as agreement is then for `accept` to judge, and at a dash,
        which may join two words.
        """
        word = groups[0] or ""
        word_keys = set(keys_of(Token(0, len(word), word, True)))
        backs = tuple(sorted({back for back, key in anchors if key in word_keys}))
        if backs != (0,):
            return backs, True
        children = self.trie._root.children
        frontier = [children[k] for k in word_keys if k in children]
        for k in range(1, len(groups), 2):
            if any(node.payloads for node in frontier):
                return backs, True
            next_word, next_char = groups[k], groups[k + 1]
            if next_word is None and next_char is None:
                return (), True  # the text ends: the walk stops here
            if next_char is not None and next_char in _DASHES:
                return backs, True
            token = next_word if next_word is not None else next_char
            keys = keys_of(Token(0, len(token), token, next_word is not None))  # type: ignore[arg-type]
            frontier = [child for node in frontier for key in keys if (child := node.children.get(key)) is not None]
            if not frontier:
                return (), True
        if any(node.payloads for node in frontier):
            return backs, True
        return backs, False


def _ahead(tokens: int) -> str:
    """A pattern for up to `tokens` tokens after a word, each a word or one punctuation character."""
    return "" if tokens == 0 else rf"(?:\s*(?:({_WORD})|(\S)){_ahead(tokens - 1)})?"


# An anchor word and the one, two, three tokens after it (the first steps of a walk).
_AHEAD = tuple(re.compile(rf"({_WORD}){_ahead(k)}") for k in (1, 2, 3))
# Gate verdicts kept per Anchored; a text repeats its runs of word forms.
_GATE_LIMIT = 200_000


class _Stream:
    """The tokens around an anchor: a few before it, and after it only as many as the walk asks for."""

    def __init__(self, text: str, at: int, prefix: bool = True) -> None:
        self._text = text
        self._at = at
        self._before: list[Token] | None = None
        self.tokens: list[Token] = self._prefix() if prefix else []
        self.offset = len(self.tokens)  # index of the anchor word
        self._matches = _TOKEN.finditer(text, at)
        self._pending = self._next()

    def _prefix(self) -> list[Token]:
        if self._before is None:
            # Enough words before the anchor for a preposition and opening quotes.
            text, at = self._text, self._at
            start = max(0, at - 16)
            while start > 0 and at - start < 64 and not text[start - 1].isspace():
                start -= 1
            self._before = [Token(t.start + start, t.end + start, t.text, t.is_word) for t in tokenize(text[start:at])]
        return self._before

    def with_prefix(self) -> tuple[list[Token], int]:
        """The tokens with those before the anchor, and how far indices into `tokens` shift in them."""
        if self.offset:
            return self.tokens, 0
        before = self._prefix()
        return before + self.tokens, len(before)

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
