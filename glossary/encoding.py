"""Find and repair mojibake: UTF-8 bytes that were decoded as Windows-1252 or Latin-1.

Why not just `ftfy.fix_text`: the checker needs exact spans to report and to fix
only when asked, and ftfy works on whole strings. ftfy also trusts its badness
heuristic, which lets some damage through, such as "â–" + no-break space for
"■" (E2 96 A0), found in an official report. So we locate candidate runs
ourselves (each must re-encode as Windows-1252/Latin-1 into well-formed UTF-8
that decodes to plausible characters) and decide on each run from its own
evidence, ftfy's badness score and the text around it.

Precision comes first: clean text in any script must not be flagged. The
ambiguous cases are a single accented capital or lowercase letter followed by
punctuation that also occurs in clean text ("NESCAFÉ®", "“Touché”—",
"l’été\u00a0»", "Fuß“"); those are accepted only with more evidence.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from ftfy.badness import badness

from glossary.model import Span

__all__ = ["Damage", "find_damage", "repair"]


@dataclass(frozen=True, slots=True)
class Damage:
    """A damaged run: `text[span.start:span.end]` should read `repaired`."""

    span: Span
    repaired: str


# Windows-1252 leaves five bytes undefined; browsers and ftfy pass them through
# as the Latin-1 code points, so a byte maps to one character either way.
_PASSTHROUGH = frozenset((0x81, 0x8D, 0x8F, 0x90, 0x9D))


def _cp1252_char(byte: int) -> str:
    if byte in _PASSTHROUGH:
        return chr(byte)
    return bytes((byte,)).decode("cp1252")


# Character -> byte for every character a byte 0x80..0xFF can become: the
# Windows-1252 reading, and the Latin-1 reading (C1 controls) of 0x80..0x9F.
_TO_BYTE: dict[str, int] = {}
for _b in range(0x80, 0x100):
    _TO_BYTE[_cp1252_char(_b)] = _b
    _TO_BYTE[chr(_b)] = _b


def _chars(lo: int, hi: int) -> str:
    """A regex class body for the characters that bytes lo..hi can become."""
    found = {c for c, b in _TO_BYTE.items() if lo <= b <= hi}
    return "".join(re.escape(c) for c in sorted(found))


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
_RUN_RE = re.compile(f"(?:{_SEQUENCE})+")
# The cheap gate: no damage is possible without a lead character directly
# followed by a continuation character.
_GATE_RE = re.compile(f"[\u00c2-\u00f4]{_CONT}")

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

# Scripts where a lone Latin accented letter would be odd: if one of these is
# next to an ambiguous run, the run is damage, not a word ending in "é".
_EAST_ASIAN_RE = re.compile(
    "[\u1100-\u11ff\u2e80-\u9fff\ua960-\ua97f\uac00-\ud7ff\uf900-\ufaff"
    "\uff00-\uffef\U00020000-\U0003ffff]"
)

# Lowercase leads that are words of their own in some language.
_ONE_LETTER_WORDS = frozenset("àáèéìíòóùúå")

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
_PROPAGATE = 80


def _plausible(char: str, after_letter: bool) -> bool:
    """Could `char` be what the writer meant? Controls, private use and
    unassigned code points cannot; a combining mark needs a base."""
    cat = unicodedata.category(char)
    first = cat[0]
    if first in "LNPS":
        return True
    if first == "Z":
        return True
    if first == "M":
        return after_letter
    if cat == "Cf":
        return char in _FORMAT_OK
    if cat == "Cn":
        # Emoji assigned after this Python's Unicode tables.
        return 0x1F000 <= ord(char) <= 0x1FAFF
    return False


def _decode(run: str) -> str:
    return bytes(_TO_BYTE[c] for c in run).decode("utf-8")


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
    start: int
    end: int
    decoded: str
    strong: bool


def _is_letter(char: str) -> bool:
    return char.isalpha()


def _candidates(text: str) -> list[_Run]:
    """Runs of plausible sequences; a sequence that decodes to something
    implausible splits a matched run."""
    runs: list[_Run] = []
    for match in _RUN_RE.finditer(text):
        pos = match.start()
        cur_start = pos
        decoded: list[str] = []
        strong = False
        for seq in _split(match.group()):
            char = _decode(seq)
            before = decoded[-1] if decoded else (text[pos - 1] if pos else "")
            if _plausible(char, _is_letter(before)):
                if not decoded:
                    cur_start = pos
                decoded.append(char)
                strong = strong or any(c not in _TEXTLIKE for c in seq[1:])
            elif decoded:
                runs.append(_Run(cur_start, pos, "".join(decoded), strong))
                decoded, strong = [], False
            pos += len(seq)
        if decoded:
            runs.append(_Run(cur_start, pos, "".join(decoded), strong))
    return runs


def _ftfy_agrees(text: str, run: _Run) -> bool:
    """ftfy's badness with one character of context on each side drops when
    the run is repaired. Trusted only inside a word that the run begins:
    ftfy flags capitals such as Î, Í or È before punctuation, which end real
    words ("KURDÎ”") or are words ("È…")."""
    before = text[run.start - 1 : run.start] if run.start else ""
    after = text[run.end : run.end + 1]
    if _is_letter(before) or not (_is_letter(after) or after.isdigit()):
        return False
    damaged = before + text[run.start : run.end] + after
    return badness(damaged) > badness(before + run.decoded + after)


def _coherent(decoded: str) -> bool:
    """At most one script among the letters (by Unicode name prefix)."""
    scripts = set()
    for char in decoded:
        if char.isalpha():
            script = unicodedata.name(char, "?").split()[0]
            scripts.add(_SCRIPT_GROUPS.get(script, script))
    return len(scripts) <= 1


def _convincing(text: str, run: _Run) -> bool:
    """Is this run damage on its own evidence?"""
    if run.strong:
        return True
    if len(run.decoded) > 1:
        # Several sequences in a row do not happen in clean text by chance,
        # unless they decode to letters of unrelated scripts.
        return _coherent(run.decoded)
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
        # Portuguese capitals end words in Ã ("IRMÃ”"): only then keep it.
        return not (prev.isupper() and not _is_letter(nxt))
    if "\u00c4" <= lead <= "\u00de":
        # A capital inside a lowercase word is the mark of broken Polish,
        # Czech, Russian...; after a capital or a space it may be a real word
        # end ("NESCAFÉ®", "È…").
        return prev.islower()
    if lead == "\u00e2":
        # U+2000..U+2FFF: punctuation and symbols ("■", "→"), unless "â" ends
        # a word (Turkish "hâlâ…”", Vietnamese, Sami).
        if unicodedata.category(run.decoded)[0] not in "PSNZ":
            return False
        return not _is_letter(prev)
    # Lowercase leads end words in many languages ("é…”", "è»"): after a
    # letter, trust the run only among characters where a Latin letter does
    # not belong. Elsewhere the lead starts a word, and "à", "é", "è", "ó",
    # "å"... are words by themselves ("é…”"), so those need the run glued to
    # a following word.
    if _EAST_ASIAN_RE.match(prev) or _EAST_ASIAN_RE.match(nxt):
        return True
    if _is_letter(prev) or unicodedata.category(prev or " ")[0] == "M":
        return False
    if lead in _ONE_LETTER_WORDS:
        return _is_letter(nxt) or nxt.isdigit()
    return True


def _repair_levels(decoded: str) -> str:
    """Undo double (and deeper) encoding: while the whole repaired run is
    itself one convincing damaged run, decode again."""
    for _ in range(_MAX_LEVELS - 1):
        runs = [r for r in _candidates(decoded) if r.start == 0 and r.end == len(decoded)]
        if not runs or not (_convincing(decoded, runs[0]) or _ftfy_agrees(decoded, runs[0])):
            break
        decoded = runs[0].decoded
    return decoded


def find_damage(text: str) -> list[Damage]:
    """Every mojibake run in `text`, sorted, non-overlapping, spans in code points."""
    if not _GATE_RE.search(text):
        return []
    runs = _candidates(text)
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
        Damage(Span(r.start, r.end), _repair_levels(r.decoded))
        for r, ok in zip(runs, accepted)
        if ok
    ]


def repair(text: str) -> str:
    """`text` with every damaged run replaced, applied right to left."""
    for damage in reversed(find_damage(text)):
        text = text[: damage.span.start] + damage.repaired + text[damage.span.end :]
    return text
