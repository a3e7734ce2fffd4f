"""Guess a text's language from its script when nothing else says it."""

from __future__ import annotations

import re

TYPE_CHECKING = False  # typing's own flag, without importing typing (see glossary/__init__.py)
if TYPE_CHECKING:
    from typing import Literal, overload

_ASCII_LETTER = re.compile("[A-Za-z]")


def is_unspaced(char: str) -> bool:
    """Scripts written without spaces between words need no word boundary."""
    o = ord(char)
    return (
        0x2E80 <= o <= 0x9FFF or 0xF900 <= o <= 0xFAFF or 0xFF66 <= o <= 0xFF9F
        or 0x20000 <= o <= 0x3FFFF or 0x0E00 <= o <= 0x0EFF or 0x1000 <= o <= 0x109F or 0x1780 <= o <= 0x17FF
    )


if TYPE_CHECKING:
    @overload
    def guess_lang(text: str, default: str = "en", *, strict: Literal[False] = False) -> str: ...
    @overload
    def guess_lang(text: str, default: str = "en", *, strict: Literal[True]) -> str | None: ...


def guess_lang(text: str, default: str = "en", *, strict: bool = False) -> str | None:
    """The language of `text` by its script; the one guesser.

    By default: Han -> zh, Cyrillic -> ru (or kk, ky, tg, uz-Cyrl), Latin -> en
    (or tk), by the most frequent letters of the first 20,000 characters, and
    `default` when there are none. `strict` is the aligned and table readers'
    guess over the whole file, which names zh or en only: `zh` when the CJK
    ideographs weigh at least an eighth of the ASCII letters, `en` for any
    ASCII letters, else None (the reader then asks for `--lang`). The two are
    kept apart because pairs and tables have reported by the strict one since
    they were added; one count serves both.
    """
    sample = text if strict else text[:20000]
    if sample.isascii():
        # Most paragraphs of English: two passes at C speed instead of a Python loop over every
        # character (the paragraphs of 5 MB of English prose: 0.36 s by the loop, 0.07 s so).
        # Only ASCII letters can count, and any of them makes the guess en (tk needs ň or ý).
        if _ASCII_LETTER.search(sample) is None:
            return None if strict else default
        return "en"
    han = cyrillic = latin = ideographs = ascii_letters = 0
    # The ranges are disjoint, so the order of the tests is the order of how common they are.
    for char in sample:
        o = ord(char)
        if o < 0x0250:
            if char.isalpha():
                latin += 1
                if o < 0x80:
                    ascii_letters += 1
        elif 0x0400 <= o <= 0x052F:
            if char.isalpha():
                cyrillic += 1
        elif 0x1E00 <= o <= 0x1EFF:
            if char.isalpha():
                latin += 1
        elif is_unspaced(char):
            # The strict count takes the CJK ideograph blocks whole, assigned or not.
            if 0x4E00 <= o <= 0x9FFF or 0x3400 <= o <= 0x4DBF or 0xF900 <= o <= 0xFAFF:
                ideographs += 1
            if char.isalpha():
                han += 1
    if strict:
        if ideographs and ideographs * 8 >= ascii_letters:
            return "zh"
        return "en" if ascii_letters else None
    # Han characters carry a word each: weigh them against letters of alphabets.
    scores = {"zh": han * 3, "ru": cyrillic, "en": latin}
    best = max(scores, key=lambda k: scores[k])
    if not scores[best]:
        return default
    if best == "ru":
        return cyrillic_lang(sample)
    if best == "en":
        return latin_lang(sample)
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
