"""Guess a text's language from its script when nothing else says it."""

from __future__ import annotations

from .matcher import is_unspaced


def guess_lang(text: str, default: str = "en") -> str:
    """Han -> zh, Cyrillic -> ru (or kk, ky, tg, uz-Cyrl), Latin -> en (or tk), by the most frequent letters."""
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
    if not scores[best]:
        return default
    if best == "ru":
        return cyrillic_lang(text[:20000])
    if best == "en":
        return latin_lang(text[:20000])
    return best


# Letters that Russian lacks decide among the Cyrillic languages of Central
# Asia; a text with none of them is Russian.
_TG_ONLY = frozenset("ӣӯҷ")
_UZ_ONLY = frozenset("ў")
_KK_ONLY = frozenset("әұһі")
_SHARED = frozenset("ғқҳ")  # Kazakh, Tajik and Uzbek
_KY = frozenset("үөң")  # Kyrgyz, and Kazakh as well
_NOT_KK = frozenset("їєґ")  # Ukrainian has і too
_TK = frozenset("äçňöşüýž")
_TK_ONLY = frozenset("ňý")


def cyrillic_lang(text: str) -> str:
    """ru, kk, ky, tg or uz-Cyrl, by the letters a language has and Russian lacks."""
    letters = set(text.lower())
    if letters & _TG_ONLY:
        return "tg"
    if letters & _UZ_ONLY:
        return "uz-Cyrl"
    if letters & _KK_ONLY and not letters & _NOT_KK:
        return "kk"
    if letters & _SHARED:
        return "kk" if letters & _KY else ("tg" if "ҳ" in letters else "kk")
    if letters & _KY:
        return "ky"
    return "ru"


def latin_lang(text: str) -> str:
    """tk for Turkmen in Latin letters (ň or ý with another of its letters), else en."""
    letters = set(text.lower())
    if letters & _TK_ONLY and len(letters & _TK) >= 2:
        return "tk"
    return "en"
