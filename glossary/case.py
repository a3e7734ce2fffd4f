"""The case a replacement is written in: the found text's capitals carried over.

Used by the term check, which writes each suggestion exactly as `fix` will
write it, so a check never has to import the fixer.
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


def keep_case(found: str, replacement: str, initial: bool, listed: str = "") -> str:
    """All capitals stay all capitals; a capital that starts a sentence stays.

    Capitals carry no intent when the rendering is listed in capitals (an
    abbreviation such as "B&R" or "OBOR"): then the replacement is written as
    listed, not expanded in capitals.
    """
    letters = [c for c in found if c.isalpha()]
    listed_letters = [c for c in listed if c.isalpha()]
    shouting = len(letters) >= 2 and all(c.isupper() for c in letters)
    if shouting and not (listed_letters and all(c.isupper() for c in listed_letters)):
        return replacement.upper()
    if initial and letters and found.lstrip()[:1].isupper() and replacement[:1].islower():
        return replacement[:1].upper() + replacement[1:]
    return replacement
