"""A replacement written in the case of the text it replaces.

Used when a finding is made (its fix is computed then), so a check never
imports the fixer.
"""

from __future__ import annotations

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
