"""Guess a text's language from its script when nothing else says it."""

from __future__ import annotations

from .matcher import is_unspaced


def guess_lang(text: str, default: str = "en") -> str:
    """Han -> zh, Cyrillic -> ru, Latin -> en, by the most frequent letters."""
    han = cyrillic = latin = 0
    for char in text[:20000]:
        if not char.isalpha():
            continue
        o = ord(char)
        if 0x0400 <= o <= 0x052F:
            cyrillic += 1
        elif is_unspaced(char):
            han += 1
        elif o < 0x0250 or 0x1E00 <= o <= 0x1EFF:
            latin += 1
    # Han characters carry a word each: weigh them against letters of alphabets.
    scores = {"zh": han * 3, "ru": cyrillic, "en": latin}
    best = max(scores, key=lambda k: scores[k])
    return best if scores[best] else default
