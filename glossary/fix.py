"""Turn findings into edits and apply them, keeping the case of what was found.

Edits replace exactly the reported spans, right to left, so offsets stay valid
and nothing outside the spans changes.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from .model import Edit, Finding, Span

SENTENCE_END = frozenset(".!?…。！？")
_OPENERS = frozenset("\"'“‘«„([{‹「『")


def sentence_initial(text: str, start: int) -> bool:
    """Whether `start` begins a sentence: text start, after . ! ? or a blank line."""
    i = start - 1
    while i >= 0 and text[i] in _OPENERS:
        i -= 1
    newlines = 0
    while i >= 0 and text[i].isspace():
        newlines += text[i] == "\n"
        i -= 1
    return i < 0 or newlines >= 2 or text[i] in SENTENCE_END


def keep_case(found: str, replacement: str, initial: bool) -> str:
    """All capitals stay all capitals; a capital that starts a sentence stays."""
    letters = [c for c in found if c.isalpha()]
    if len(letters) >= 2 and all(c.isupper() for c in letters):
        return replacement.upper()
    if initial and letters and found.lstrip()[:1].isupper() and replacement[:1].islower():
        return replacement[:1].upper() + replacement[1:]
    return replacement


def plan(text: str, findings: Iterable[Finding], *, fix_encoding: bool = False,
         escape: Callable[[str], str] = lambda s: s) -> tuple[Edit, ...]:
    """Non-overlapping edits for the fixable findings, sorted by position."""
    edits: list[Edit] = []
    for f in sorted(findings, key=lambda f: (f.span.start, -f.span.end)):
        # Encoding damage is fixable only when the run asked for it (--fix-encoding).
        fixable = f.fixable and (f.code != "encoding-damage" or fix_encoding)
        if not fixable or f.suggestion is None:
            continue
        if edits and f.span.start < edits[-1].span.end:
            continue  # overlapping findings: the next run fixes the rest
        replacement = f.suggestion if f.code == "encoding-damage" else keep_case(
            f.found, f.suggestion, sentence_initial(text, f.span.start))
        if replacement != f.found:
            edits.append(Edit(f.span, escape(replacement)))
    return tuple(edits)


def apply(text: str, edits: Iterable[Edit]) -> str:
    """Apply sorted, non-overlapping edits."""
    pieces: list[str] = []
    last = 0
    for edit in sorted(edits, key=lambda e: e.span.start):
        if edit.span.start < last:
            raise ValueError(f"overlapping edits at {edit.span.start}")
        pieces.append(text[last:edit.span.start])
        pieces.append(edit.replacement)
        last = edit.span.end
    pieces.append(text[last:])
    return "".join(pieces)


def touched(edits: Iterable[Edit]) -> list[Span]:
    return [e.span for e in edits]
