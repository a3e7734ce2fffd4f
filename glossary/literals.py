"""Spans of a text that are never prose: URLs, e-mail addresses, file paths, code spans.

A slug in a link (`/one-belt-one-road/`), an address (`obor@example.org`), a
path (`docs/obor_2014.md`) or `OBOR = 1` between backticks names a thing by
its spelling; matching a term there would make `fix` break it.
"""

from __future__ import annotations

import re

from .model import Span

_LITERAL = re.compile(
    r"`[^`\n]+`"                                              # code span
    r"|(?:[a-z][a-z0-9+.-]*://|www\.)[^\s<>\"'`]+"           # URL
    r"|[\w.+-]+@[\w-]+(?:\.[\w-]+)+"                          # e-mail address
    r"|(?:~|\.{1,2})?/?(?:[\w.-]+/)+[\w.-]+"                  # file path: words joined by slashes
    r"|\b[\w-]+\.(?:py|js|ts|json|ya?ml|toml|md|txt|html?|css|csv|xml|po|pot|xlf|xliff|tmx|pdf|docx?)\b",  # file name
    re.IGNORECASE,
)
_HINTS = ("`", "/", "@", "www.", ".")


def literal_spans(text: str) -> list[Span]:
    """Spans of `text` that are URLs, e-mail addresses, file paths or code spans."""
    if not any(h in text for h in _HINTS):
        return []
    return [Span(m.start(), m.end()) for m in _LITERAL.finditer(text)]


def outside(span: Span, literals: list[Span]) -> bool:
    """Whether `span` touches none of the `literals`."""
    return all(span.end <= lit.start or lit.end <= span.start for lit in literals)
