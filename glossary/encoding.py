"""Find and repair mojibake: UTF-8 bytes that were decoded as Windows-1252 or Latin-1.

Why not just `ftfy.fix_text`: the checker needs exact spans to report and to fix
only when asked, and ftfy works on whole strings. ftfy also trusts its badness
heuristic, which lets some damage through, such as "â–" + no-break space for
"■" (E2 96 A0), found in an official report. So we locate candidate runs
ourselves: each must re-encode as Windows-1252 (undefined bytes passed
through) or Latin-1 into well-formed UTF-8 that decodes to plausible
characters. A run is damage when

- a continuation character is one clean text does not put after a letter
  ("€", "¸", "¤", a C1 control...), or the run holds several sequences of one
  script, unless it reads as words and their punctuation;
- a single ambiguous sequence (closing quotes, dashes, "®", no-break space...)
  has the context of damage: a capital inside a lowercase word ("wiÄ…"),
  "Â"/"Ã" outside a word in capitals, a symbol after "â" that starts a token
  ("â–\u00a0"), a lead after Han or Hangul; or ftfy's badness drops when a
  run that begins a word is repaired;
- it lies within 80 characters of a run that is damage by the rules above.

Precision comes first: clean text in any script must not be flagged. The
ambiguous cases are accented letters that end or are words, followed by
punctuation that also occurs in clean text ("NESCAFÉ®", "“Touché”—",
"l’été\u00a0»", "Fuß“", "IRMÃ”", "VÝŠKA"). "Â£" is treated as damage: no
language writes Â before a currency sign. Text encoded twice is decoded again
while the repaired run, in its context, is itself damage.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache


from glossary.model import Span

__all__ = ["Damage", "find_damage", "iter_damage", "repair"]


@dataclass(frozen=True, slots=True)
class Damage:
    """A damaged run: `text[span.start:span.end]` should read `repaired`."""

    span: Span
    repaired: str


# Windows-1252 leaves five bytes undefined; browsers and ftfy pass them through
# as the Latin-1 code points, so a byte maps to one character either way.
_PASSTHROUGH = frozenset((0x81, 0x8D, 0x8F, 0x90, 0x9D))


# The Windows-1252 reading of each byte 0x80..0xFF, from one decode (the tables below are built
# on import, and start-up counts): an undefined byte comes back as a lone surrogate and is passed through.
_CP1252 = tuple(chr(b) if b in _PASSTHROUGH else c
                for b, c in zip(range(0x80, 0x100), bytes(range(0x80, 0x100)).decode("cp1252", "surrogateescape")))

# Character -> byte for every character a byte 0x80..0xFF can become: the
# Windows-1252 reading, and the Latin-1 reading (C1 controls) of 0x80..0x9F.
_TO_BYTE: dict[str, int] = {}
for _b in range(0x80, 0x100):
    _TO_BYTE[_CP1252[_b - 0x80]] = _b
    _TO_BYTE[chr(_b)] = _b


def _chars(lo: int, hi: int) -> str:
    """A regex class body for the characters that bytes lo..hi can become."""
    return re.escape("".join(sorted({c for b in range(lo, hi + 1) for c in (_CP1252[b - 0x80], chr(b))})))


def _cls(lo: int, hi: int) -> str:
    return f"[{_chars(lo, hi)}]"


_CONT = _cls(0x80, 0xBF)
# Well-formed UTF-8 only (no overlongs, surrogates or code points past U+10FFFF),
# so each matched sequence decodes to exactly one code point.
_SEQUENCE = "|".join(
    (
        _cls(0xC2, 0xDF) + _CONT,
        _cls(0xE0, 0xE0) + _cls(0xA0, 0xBF) + _CONT,
        _cls(0xE1, 0xEC) + _CONT + _CONT,
        _cls(0xED, 0xED) + _cls(0x80, 0x9F) + _CONT,
        _cls(0xEE, 0xEF) + _CONT + _CONT,
        _cls(0xF0, 0xF0) + _cls(0x90, 0xBF) + _CONT + _CONT,
        _cls(0xF1, 0xF3) + _CONT + _CONT + _CONT,
        _cls(0xF4, 0xF4) + _cls(0x80, 0x8F) + _CONT + _CONT,
    )
)


@lru_cache(maxsize=1)
def _run_re() -> re.Pattern[str]:
    # Compiled on first need: most texts never pass the gate, and start-up counts.
    return re.compile(f"(?:{_SEQUENCE})+")


# The cheap gate: no damage is possible without a lead character directly
# followed by a continuation character.
_GATE_RE = re.compile(f"[\u00c2-\u00f4]{_CONT}|\u00c3 ")
# The same gate on the UTF-8 bytes, looser (a lead character followed by any
# character whose UTF-8 form starts like a continuation character's, or "Ã "),
# which a regex finds by its literal first byte instead of testing every
# character; tests/test_encoding_gate.py checks it never skips what
# _GATE_RE passes.
_GATE_BYTES_RE = re.compile(
    b"\xc3(?:\x83 |[\x82-\xb4]["
    + b"".join(re.escape(bytes((b,))) for b in sorted({c.encode("utf-8")[0] for c in _TO_BYTE if ord(c) >= 0x80}))
    + b"])"
)
# "à" is C3 A0; when the no-break space A0 was later turned into a plain space
# (or dropped), "voilÃ  le" is what remains.
_A_GRAVE_RE = re.compile("(?<=[^\\W\\d_])\u00c3 ?(?= )")

# Continuation characters that also follow a letter in clean text: closing
# quotes, dashes, ellipsis, guillemets, no-break space, soft hyphen, marks such
# as ® and †, footnote digits, and some letters. A sequence made only of these
# is ambiguous; any other
# continuation character (€, ƒ, ¸, ¤, a C1 control...) is strong evidence.
_TEXTLIKE = frozenset(
    "\u2019\u201d\u201c\u2018\u2026\u2013\u2014\u00bb\u00ab\u203a\u2039"
    "\u00a0\u00ad\u00ae\u00a9\u2122\u00b4\u2022\u00b7\u2020\u2021\u00b9\u00b2\u00b3"
    # Letters that follow accented capitals in Czech, Slovak, Sorbian, Sami or
    # French capitals: "VÝŠKA", "ÚŽASNÝ", "FÄRÖŠĆINA".
    "\u0160\u017d\u0161\u017e\u0152\u0153\u0178"
)

# Format characters that real text carries and mojibake often hides: soft
# hyphen, zero-width (non-)joiners and space, direction marks and embeddings,
# word joiner, byte order mark.
_FORMAT_OK = frozenset(
    "\u00ad\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e"
    "\u2060\u2066\u2067\u2068\u2069\ufeff"
)

# Scripts where a Latin accented letter would be odd: after one of these, an
# ambiguous run is damage, not a word ending in "é".
_EAST_ASIAN = (  # compiled on first need (re caches it): 2 ms, and most texts never pass the gate
    "[\u1100-\u11ff\u2e80-\u9fff\ua960-\ua97f\uac00-\ud7ff\uf900-\ufaff"
    "\uff00-\uffef\U00020000-\U0003ffff]"
)

# Modifier letters used as apostrophes or glottal stops inside words.
_APOSTROPHES = frozenset("\u02b9\u02ba\u02bb\u02bc\u02bd\u02be\u02bf")

# Punctuation that closes a word: a lead followed only by these reads as a
# word and its punctuation.
_CLOSERS = frozenset("\u2019\u201d\u201c\u2018\u2026\u2013\u2014\u00bb\u00ab\u203a\u2039")

# Leads that are words of their own in some language.
_ONE_LETTER_WORDS = frozenset("àáèéìíòóùúå")
_WORD_LETTERS = frozenset("ÀÁÈÉÌÍÒÓÔÙÚÅÖâ") | _ONE_LETTER_WORDS

# Scripts that one text mixes freely; one name for the coherence test.
_SCRIPT_GROUPS = {
    "HIRAGANA": "CJK",
    "KATAKANA": "CJK",
    "HANGUL": "CJK",
    "BOPOMOFO": "CJK",
    "HALFWIDTH": "CJK",
    "FULLWIDTH": "CJK",
}

_MAX_LEVELS = 4
_CONTEXT = 32
_PROPAGATE = 80


def _plausible(char: str, before: str, allow_c1: bool) -> bool:
    """Could `char` be what the writer meant? Controls, private use and
    unassigned code points cannot; a combining mark needs a base. A C1
    control is allowed only on the way through text encoded twice, where it
    stands for a byte of the next level."""
    cat = unicodedata.category(char)
    first = cat[0]
    if first in "LNPSZ":
        return True
    if first == "M":
        return bool(before) and unicodedata.category(before)[0] in "LMNS"
    if cat == "Cf":
        return char in _FORMAT_OK
    if cat == "Cn":
        # Emoji assigned after this Python's Unicode tables.
        return 0x1F000 <= ord(char) <= 0x1FAFF
    return allow_c1 and "\x80" <= char <= "\x9f"


def _decode(run: str) -> str:
    return bytes(_TO_BYTE[c] for c in run).decode("utf-8")


@lru_cache(maxsize=8192)
def _sequence(seq: str) -> tuple[str, bool]:
    """The character a sequence encodes, and whether any of its continuation
    characters is strong evidence (one not common in clean text). After a
    dash, a printable sign may start the next word ("sí—¿verdad?",
    "café—°C"), so it does not count."""
    marks = seq[1:]
    strong = any(
        c not in _TEXTLIKE and not (i and marks[i - 1] in "\u2013\u2014" and c >= "\u00a0")
        for i, c in enumerate(marks)
    )
    return _decode(seq), strong


def _split(run: str) -> list[str]:
    """The UTF-8 sequences of a matched run, one per encoded character."""
    out: list[str] = []
    i = 0
    while i < len(run):
        lead = _TO_BYTE[run[i]]
        size = 2 if lead < 0xE0 else 3 if lead < 0xF0 else 4
        out.append(run[i : i + size])
        i += size
    return out


@dataclass(frozen=True, slots=True)
class _Run:
    """A candidate damaged run and what it decodes to; `strong` when unambiguous."""

    start: int
    end: int
    decoded: str
    strong: bool


def _is_letter(char: str) -> bool:
    return char.isalpha()


# A run starts with the character of a lead byte (C2..F4, the same code points
# in Windows-1252 and Latin-1): a character class the regex engine skips to in
# C, where the run pattern, an alternation with no literal prefix, is tried at
# every position.
_LEAD_RE = re.compile("[\u00c2-\u00f4]")


def _runs(text: str) -> list[re.Match[str]]:
    """`_run_re().finditer(text)`, tried only at lead characters (same matches)."""
    found: list[re.Match[str]] = []
    lead = _LEAD_RE.search
    run = _run_re().match
    at = lead(text)
    while at is not None:
        match = run(text, at.start())
        if match is not None:
            found.append(match)
            at = lead(text, match.end())
        else:
            at = lead(text, at.start() + 1)
    return found


def _candidates(text: str) -> list[_Run]:
    """Runs of plausible sequences; a sequence that decodes to something
    implausible splits a matched run."""
    runs: list[_Run] = []
    for match in _runs(text):
        found = _scan(text, match.start(), match.group(), allow_c1=True)
        if any(_has_c1(_repair_in(text, r)) for r in found if _has_c1(r.decoded)):
            found = _scan(text, match.start(), match.group(), allow_c1=False)
        runs.extend(found)
    return runs


def _has_c1(text: str) -> bool:
    return any("\x80" <= c <= "\x9f" for c in text)


def _scan(text: str, pos: int, matched: str, allow_c1: bool) -> list[_Run]:
    runs: list[_Run] = []
    cur_start = pos
    decoded: list[str] = []
    strong = False
    for seq in _split(matched):
        char, seq_strong = _sequence(seq)
        before = decoded[-1] if decoded else (text[pos - 1] if pos else "")
        if _plausible(char, before, allow_c1):
            if not decoded:
                cur_start = pos
            decoded.append(char)
            strong = strong or seq_strong
        elif decoded:
            runs.append(_Run(cur_start, pos, "".join(decoded), strong))
            decoded, strong = [], False
        pos += len(seq)
    if decoded:
        runs.append(_Run(cur_start, pos, "".join(decoded), strong))
    return runs


def _a_grave(text: str) -> list[_Run]:
    """"Ã" closing a lowercase word before a space: "à" that lost its A0
    byte to a plain space. A capital Ã never ends a lowercase word."""
    return [
        _Run(m.start(), m.end(), "\u00e0", True)
        for m in _A_GRAVE_RE.finditer(text)
        if text[m.start() - 1].islower()
    ]


def _ftfy_agrees(text: str, run: _Run) -> bool:
    """ftfy's badness with one character of context on each side drops when
    the run is repaired. Trusted only inside a word that the run begins:
    ftfy flags capitals such as Î, Í or È before punctuation, which end real
    words ("KURDÎ”") or are words ("È…")."""
    before = text[run.start - 1 : run.start] if run.start else ""
    after = text[run.end : run.end + 1]
    if _is_letter(before) or not _is_letter(after) or text[run.start] in _WORD_LETTERS:
        return False
    from ftfy.badness import badness  # ftfy costs a tenth of a second to import

    damaged = before + text[run.start : run.end] + after
    return badness(damaged) > badness(before + run.decoded + after)


def _word_end(marks: str, after: str | None = None) -> bool:
    """Could `marks` follow a word's last letter: closing punctuation, a
    no-break space before a guillemet as French sets it, a soft hyphen?
    `after`, when known, is the character after the marks."""
    if marks[0] == "\u00a0":
        return marks[1:] in ("\u00bb", "\u203a")
    if marks == "\u00ad":
        # A letter, then a soft hyphen inside the word: a letter follows it
        # ("Å\u00ad " is "ŭ" garbled, not a hyphenation point).
        return after is None or _is_letter(after)
    return all(c in _CLOSERS for c in marks)


def _words_and_punctuation(text: str, run: _Run) -> bool:
    """Does the run read as words and their punctuation: the first sequence
    ending a word or being a one-letter word, each later one a one-letter
    word after a dash ("été”—è…”", "Ô—Ô—")?"""
    pos = run.start
    for i, seq in enumerate(_split(text[run.start : run.end])):
        before = text[pos - 1] if pos else ""
        if i == 0:
            word = _is_letter(before) or seq[0] in _WORD_LETTERS
        else:
            word = before in "\u2013\u2014" and seq[0] in _WORD_LETTERS
        if not (word and _word_end(seq[1:], text[pos + len(seq) : pos + len(seq) + 1])):
            return False
        pos += len(seq)
    return True


def _coherent(decoded: str) -> bool:
    """At most one script among the letters (by Unicode name prefix);
    modifier letters such as ˆ go with any script."""
    scripts = set()
    for char in decoded:
        if char.isalpha() and unicodedata.category(char) != "Lm":
            script = unicodedata.name(char, "?").split()[0]
            scripts.add(_SCRIPT_GROUPS.get(script, script))
    return len(scripts) <= 1


def _convincing(text: str, run: _Run) -> bool:
    """Is this run damage on its own evidence?"""
    if run.strong:
        return True
    if len(run.decoded) > 1:
        # Several sequences in a row do not happen in clean text by chance,
        # unless they decode to letters of unrelated scripts, or each reads
        # as a word and its punctuation ("été”—è…”").
        return _coherent(run.decoded) and not _words_and_punctuation(text, run)
    # One sequence, every continuation character common in clean text.
    seq = text[run.start : run.end]
    lead = seq[0]
    prev = text[run.start - 1] if run.start else ""
    nxt = text[run.end] if run.end < len(text) else ""
    if run.decoded.islower() and prev.isupper() and nxt.isupper():
        # A lowercase letter inside a word in capitals is no repair.
        return False
    if lead == "\u00c2":
        # Â before punctuation or a no-break space is no spelling, except at
        # the end of a word in capitals (Turkish "HÂLÂ»").
        return not prev.isupper()
    if lead == "\u00c3":
        # Portuguese capitals end words in Ã ("IRMÃ”", "FÃ"); after a capital
        # only a letter inside the word, of the case around it, is convincing
        # ("GRÃ–SSE", "RÃ©sumÃ©"). A soft hyphen follows any letter.
        if seq[1] == "\u00ad":
            return prev.islower()
        if prev.isupper():
            return (run.decoded.isupper() and nxt.isupper()) or (run.decoded.islower() and nxt.islower())
        return True
    if "\u00c4" <= lead <= "\u00de":
        # A capital inside a lowercase word is the mark of broken Polish,
        # Czech, Russian...; after a capital or a space it may be a real word
        # end ("NESCAFÉ®", "È…"). The sign × (D7) is never inside a word.
        # Modifier-letter apostrophes sit inside words after any letter
        # (Uzbek "Gʻafur", read "GÊ»afur").
        if run.decoded in _APOSTROPHES:
            return _is_letter(nxt)
        if not lead.isalpha() or seq[1] == "\u00ad":
            # A soft hyphen follows any letter ("ÞAÐ\u00adA").
            return False
        # Inside a word in capitals, a Latin capital is convincing ("CÅ’UR");
        # other capitals are not ("VÝŠKA", "INDONÉŠTINA").
        if prev.isupper() and nxt.isupper() and run.decoded.isupper():
            return run.decoded <= "\u017f"
        return prev.islower()
    if lead == "\u00e2":
        # U+2000..U+2FFF: punctuation and symbols ("■", "→"), unless "â" ends
        # a word (Turkish "hâlâ…”", Vietnamese, Sami) or is one (Welsh "â”—").
        if unicodedata.category(run.decoded)[0] not in "PSNZ":
            return False
        return not _is_letter(prev) and not _word_end(seq[1:])
    # Lowercase leads end words in many languages ("é…”", "è»"), and "à",
    # "é", "è", "ó", "å"... are words by themselves ("Isso é”—disse"). Trust
    # those runs after characters where a Latin letter does not belong.
    if re.match(_EAST_ASIAN, prev):
        return True
    if _is_letter(prev) or unicodedata.category(prev or " ")[0] == "M":
        return False
    return lead not in _ONE_LETTER_WORDS


def _repair_levels(decoded: str, prev: str, nxt: str) -> str:
    """Undo double (and deeper) encoding: while the whole repaired run,
    between the characters around it, is itself one convincing damaged run,
    decode again."""
    for _ in range(_MAX_LEVELS - 1):
        context = prev + decoded + nxt
        end = len(prev) + len(decoded)
        match = _run_re().match(context, len(prev), end)
        if not match or match.end() != end:
            break
        runs = _scan(context, match.start(), match.group(), allow_c1=True)
        if len(runs) != 1 or runs[0].end != end:
            break
        if not (_convincing(context, runs[0]) or _ftfy_agrees(context, runs[0])):
            break
        decoded = runs[0].decoded
    return decoded


def _repair_in(text: str, run: _Run) -> str:
    """The run's repair, all levels, judged with the text before and after it."""
    return _repair_levels(run.decoded, text[max(0, run.start - _CONTEXT) : run.start], text[run.end : run.end + 1])


def find_damage(text: str) -> list[Damage]:
    """Every mojibake run in `text`, sorted, non-overlapping, spans in code points."""
    if text.isascii() or not gate(text.encode("utf-8", "surrogatepass")):
        return []
    return _damage(text)


def gate(data: bytes) -> bool:
    """Whether UTF-8 `data` holds a pair of characters that mojibake starts with: without one, no damage."""
    return _GATE_BYTES_RE.search(data) is not None


GATE_SPAN = 3
"""Bytes of the longest pair `gate` looks for: a text searched in pieces overlaps them by this less one."""


_ASCII_RE = re.compile(r"[\x00-\x7f]")
WINDOW = 1 << 20
"""Characters of a long text searched for damage at a time (`iter_damage`)."""
_MARGIN = 4 * _PROPAGATE


def _windows(text: str, window: int) -> list[tuple[int, int]]:
    """[start, end) pieces of about `window` characters, each ending before an ASCII character (or at the end)."""
    n = len(text)
    cuts = []
    start = 0
    while start < n:
        cut = _ASCII_RE.search(text, start + window) if start + window < n else None
        end = cut.start() if cut is not None else n
        cuts.append((start, end))
        start = end
    return cuts


def iter_damage(text: str, window: int = WINDOW, gate: bool | None = None) -> Iterator[Damage]:
    """`find_damage(text)`, the same runs in the same order, found a window at a time: a long
    text full of mojibake holds one window's candidates at once, not the whole text's.

    Windows are cut before ASCII characters, which no run crosses (the one run
    that takes a character after it, "Ã" and a space, starts before the cut and
    is its window's). Each window is searched with context either side that
    reaches past the distance at which damage vouches for its neighbours
    (`_PROPAGATE`) to an ASCII character, and the runs starting in the window
    are kept; where no such character is found before it, the context starts
    at the beginning. The gate is the whole text's, as in `find_damage`; `gate` given, it is the
    larger text's this one is part of (glossary.chunks), and the text's own is not looked at.
    """
    if gate is False or text.isascii():
        return
    if len(text) <= window:
        yield from (find_damage(text) if gate is None else _damage(text))
        return
    pieces = _windows(text, window)
    if gate is None:
        from .keyscan import shared_utf8

        whole = shared_utf8(text)  # a check has the whole text's bytes already
        if whole is not None:
            if _GATE_BYTES_RE.search(whole) is None:
                return
        # The gate's pairs are non-ASCII but for "Ã" and a space: each piece is tried with the character after it.
        elif not any(_GATE_BYTES_RE.search(text[a:b + 1].encode("utf-8", "surrogatepass")) for a, b in pieces):
            return
    n = len(text)
    for start, end in pieces:
        low = 0
        if start:
            back = _ASCII_RE.search(text, max(0, start - 2 * _MARGIN))
            if back is not None and back.start() <= start - _MARGIN:
                low = back.start()
        ahead = _ASCII_RE.search(text, end + _MARGIN) if end + _MARGIN < n else None
        high = ahead.end() if ahead is not None else n
        for damage in _damage(text[low:high]):
            at = damage.span.start + low
            if start <= at < end:
                yield Damage(Span(at, damage.span.end + low), damage.repaired)


def _damage(text: str) -> list[Damage]:
    """`find_damage` past its gate."""
    # No second, exact gate over the whole text (`_GATE_RE` has no literal
    # prefix, so it would test every character): runs are found from lead
    # characters, and without a lead and a continuation there are none.
    runs = _candidates(text)
    if "\u00c3 " in text:
        runs = sorted(runs + _a_grave(text), key=lambda r: r.start)
    if not runs:
        return []
    accepted = [_convincing(text, r) or _ftfy_agrees(text, r) for r in runs]
    # Where some text is surely damaged, its neighbourhood was decoded the same
    # wrong way, so ambiguous runs nearby are damage too.
    anchors = [r for r, ok in zip(runs, accepted) if ok]
    if anchors and not all(accepted):
        j = 0
        for i, run in enumerate(runs):
            if accepted[i]:
                continue
            while j < len(anchors) and anchors[j].end + _PROPAGATE < run.start:
                j += 1
            near = j < len(anchors) and anchors[j].start - _PROPAGATE <= run.end
            accepted[i] = near
    return [
        Damage(
            Span(r.start, r.end),
            _repair_in(text, r),
        )
        for r, ok in zip(runs, accepted)
        if ok
    ]


def repair(text: str) -> str:
    """`text` with every damaged run replaced, applied right to left."""
    for damage in reversed(find_damage(text)):
        text = text[: damage.span.start] + damage.repaired + text[damage.span.end :]
    return text
