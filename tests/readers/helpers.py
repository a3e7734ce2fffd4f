"""Shared assertions for reader tests: where segment characters sit in the file."""

from __future__ import annotations

from pathlib import Path

from glossary.model import Document, Segment, Span
from glossary.positions import LineIndex

DATA = Path(__file__).resolve().parent.parent / "data"


def read(name: str) -> tuple[str, str]:
    path = DATA / name
    return str(path), path.read_bytes().decode("utf-8")


def locate(document: Document, segment: Segment, needle: str, nth: int = 0) -> tuple[int, int, str]:
    """(line, column, original text) of the `nth` occurrence of `needle` in the segment."""
    at = -1
    for _ in range(nth + 1):
        at = segment.text.index(needle, at + 1)
    span = segment.document_span(Span(at, at + len(needle)))
    pos = LineIndex(document.text).position(span.start)
    return pos.line, pos.column, document.text[span.start:span.end]


def every_char_maps_back(document: Document, unescape=lambda s: s) -> None:
    """Each segment character's document text, unescaped, is that character."""
    for segment in document.segments:
        for i, char in enumerate(segment.text):
            span = segment.document_span(Span(i, i + 1))
            assert unescape(document.text[span.start:span.end]) == char, (segment.unit_id, i, char)
