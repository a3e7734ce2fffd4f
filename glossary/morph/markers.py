"""Stem markers as plain strings: what the term base loader and the renderer need.

Kept apart from `stems` (the scanner) so that loading a term base or writing a
fix does not import the tokenizer and its regular expressions.
"""

from __future__ import annotations

import re

MARKER = "|"
LANGS = frozenset({"kk", "uz", "ky", "tg", "tk"})
SUFFIXED = "stem:suffixed"


def applies_to(lang: str) -> bool:
    """Whether stem markers are allowed for a language tag (kk, uz-Cyrl, ...)."""
    from ..langtags import base_language

    return base_language(lang) in LANGS


def has_marker(text: str) -> bool:
    return MARKER in text


def surface(text: str) -> str:
    """The term as written in running text: markers removed."""
    return text.replace(MARKER, "")


def marker_errors(text: str, lang: str) -> list[tuple[int, str]]:
    """Problems with stem markers in a kk/uz/ky/tg/tk term, as (0-based offset, message) pairs.

    A marker must follow a letter of the word it cuts (it cannot start a word
    or stand alone), may be followed only by more letters of that word or by
    the word's end, and a word has at most one.
    """
    errors: list[tuple[int, str]] = []
    if MARKER not in text:
        return errors
    if not applies_to(lang):
        return errors  # elsewhere "|" is a literal character of the term
    word_char = re.compile(r"[^\W_]").match  # compiled only for marked kk/uz/ky/tg/tk terms
    for at, ch in enumerate(text):
        if ch != MARKER:
            continue
        before = text[at - 1] if at else ""
        after = text[at + 1] if at + 1 < len(text) else ""
        if not before or not word_char(before):
            errors.append((at, 'stem marker "|" must sit inside a word, after its stem'))
            continue
        if after == MARKER or (after and not word_char(after) and not after.isspace() and after not in "»”\"',.;:!?)-–—"):
            errors.append((at, 'stem marker "|" must be followed by the rest of the word or its end'))
            continue
        start = at
        while start > 0 and (word_char(text[start - 1]) or text[start - 1] == MARKER):
            start -= 1
        end = at + 1
        while end < len(text) and (word_char(text[end]) or text[end] == MARKER):
            end += 1
        if text[start:end].count(MARKER) > 1 and text.index(MARKER, start) != at:
            errors.append((at, 'a word may carry one stem marker "|"'))
    return errors
