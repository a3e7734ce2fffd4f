"""Helpers shared by the format readers: language tags and positions."""

from __future__ import annotations

import re
from collections.abc import Iterator

from glossary import langtags
from glossary.errors import InputError
from glossary.positions import line_column

_HTML_COMMENT = re.compile(r"<!--[\s\S]*?-->")


def html_comments(text: str) -> Iterator[tuple[int, int]]:
    """Offset ranges of `<!-- … -->` comments: where Markdown, XLIFF and TMX hold suppression directives."""
    return ((m.start(), m.end()) for m in _HTML_COMMENT.finditer(text))


def lang_tag(tag: str, path: str, text: str = "", offset: int | None = None) -> str:
    """Canonical form of a language tag read from a file, or an InputError at its position."""
    try:
        return langtags.normalize(tag)
    except ValueError as exc:
        line, column = line_column(text, offset) if offset is not None else (None, None)
        raise InputError(str(exc), path, line, column) from None
