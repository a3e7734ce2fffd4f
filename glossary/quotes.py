"""Marked quotations, which keep the wording they quote.

A translator quoting a document of 2014 in a block quote must not be told to
change it, and `fix` must not rewrite it. A quotation is exempt only when it is
marked as one: a Markdown block quote (lines opening with `>`), an HTML `<q>` or
`<blockquote>` element (in Markdown or any text that carries HTML), or a span a
suppression comment covers (glossary.suppress). Text between quotation marks is
not a quotation here: names of programmes are quoted as names ("the 'One Belt,
One Road' strategy") and stay checked.
"""

from __future__ import annotations

import re

from .model import Span

_HTML_QUOTE = re.compile(r"<(q|blockquote)(?:\s[^<>]*)?>[\s\S]*?</\1\s*>", re.IGNORECASE)
_BLOCK_QUOTE_LINE = re.compile(r" {0,3}>")
_FENCE = re.compile(r" {0,3}(`{3,}|~{3,})")


def block_quotes(text: str) -> list[Span]:
    """Runs of Markdown block-quote lines (outside fenced code), each run one span."""
    spans: list[Span] = []
    start: int | None = None
    end = 0
    fence: str | None = None
    offset = 0
    for raw in text.splitlines(keepends=True):
        line = raw.rstrip("\r\n")
        opened = _FENCE.match(line)
        if fence is not None:
            if opened and opened.group(1)[0] == fence[0] and len(opened.group(1)) >= len(fence):
                fence = None
        elif opened:
            fence = opened.group(1)
        quoted = fence is None and _BLOCK_QUOTE_LINE.match(line) is not None
        if quoted:
            if start is None:
                start = offset
            end = offset + len(line)
        elif start is not None:
            spans.append(Span(start, end))
            start = None
        offset += len(raw)
    if start is not None:
        spans.append(Span(start, end))
    return spans


def quoted_spans(text: str, fmt: str = "text") -> list[Span]:
    """Spans of the document text marked as quotations, sorted by start."""
    spans = [Span(m.start(), m.end()) for m in _HTML_QUOTE.finditer(text)] if "<" in text else []
    if fmt == "markdown" and ">" in text:
        spans.extend(block_quotes(text))
    return sorted(spans, key=lambda s: (s.start, s.end))


def inside(span: Span, quoted: list[Span]) -> bool:
    """Whether `span` lies wholly inside one of the `quoted` spans."""
    return any(q.start <= span.start and span.end <= q.end for q in quoted)
