"""Plain text: the whole file is one segment."""

from __future__ import annotations

from ..model import Document, Segment
from . import extensions

NAME = "text"
EXTENSIONS = extensions(NAME)


def parse(path: str, text: str, lang: str | None = None, source_lang: str | None = None) -> Document:
    return Document(path=path, text=text, segments=(Segment(text=text, lang=lang),), format=NAME)


def escape(text: str) -> str:
    return text
