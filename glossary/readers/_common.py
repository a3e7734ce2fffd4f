"""Helpers shared by the format readers: language tags and positions."""

from __future__ import annotations

import re
from collections.abc import Iterator

from glossary import langtags
from glossary.errors import InputError

_HTML_COMMENT = re.compile(r"<!--[\s\S]*?-->")


def html_comments(text: str) -> Iterator[tuple[int, int]]:
    """Offset ranges of `<!-- … -->` comments: where Markdown, XLIFF and TMX hold suppression directives."""
    return ((m.start(), m.end()) for m in _HTML_COMMENT.finditer(text))


def position(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column of `offset` in `text`."""
    line = text.count("\n", 0, offset) + 1
    column = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return line, column


def lang_tag(tag: str, path: str, text: str = "", offset: int | None = None) -> str:
    """Canonical form of a language tag read from a file, or an InputError at its position."""
    try:
        return langtags.normalize(tag)
    except ValueError as exc:
        line, column = position(text, offset) if offset is not None else (None, None)
        raise InputError(str(exc), path, line, column) from None


def guess_lang(text: str) -> str | None:
    """`zh` when Han characters outnumber Latin letters, `en` for Latin text, else None.

    Only a fallback for files that name no language; `--lang` always wins.
    """
    han = latin = 0
    for c in text:
        o = ord(c)
        if 0x4E00 <= o <= 0x9FFF or 0x3400 <= o <= 0x4DBF or 0xF900 <= o <= 0xFAFF:
            han += 1
        elif c.isascii() and c.isalpha():
            latin += 1
    if han and han * 2 >= latin / 4:
        return "zh"
    if latin:
        return "en"
    return None
