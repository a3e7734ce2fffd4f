"""Spans of a text that are never prose: URLs, e-mail addresses, file paths, code spans.

A slug in a link (`/one-belt-one-road/`), an address (`obor@example.org`), a
path (`docs/obor_2014.md`) or `OBOR = 1` between backticks names a thing by
its spelling; matching a term there would make `fix` break it.
"""

from __future__ import annotations

import re

from .model import Span

_EXT = r"(?:py|js|ts|json|ya?ml|toml|md|txt|html?|css|csv|xml|po|pot|xlf|xliff|tmx|pdf|docx?)"
# Each kind with the cheap test that tells whether a text can hold one at all.
_KINDS = (
    ("`", re.compile(r"`[^`\n]+`")),                                                     # code span
    ("://", re.compile(r"[a-z][a-z0-9+.-]*://[^\s<>\"'`]+", re.IGNORECASE)),             # URL
    ("www.", re.compile(r"(?<![\w.])www\.[^\s<>\"'`]+", re.IGNORECASE)),                # URL without a scheme
    ("@", re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+")),                     # e-mail address
    ("/", re.compile(r"(?<![\w.~-])[\w.~-]*(?:/[\w.~-]+)+/?")),                          # file path
    (".", re.compile(r"(?<![\w-])[\w-]+\." + _EXT + r"\b", re.IGNORECASE)),              # file name
)
_HAS_EXT = re.compile(r"\." + _EXT + r"\b", re.IGNORECASE)


def literal_spans(text: str) -> list[Span]:
    """Spans of `text` that are URLs, e-mail addresses, file paths or code spans, sorted."""
    spans: list[Span] = []
    for hint, pattern in _KINDS:
        if hint not in text or (hint == "." and not _HAS_EXT.search(text)):
            continue
        spans.extend(Span(m.start(), m.end()) for m in pattern.finditer(text))
    merged: list[Span] = []
    for span in sorted(spans, key=lambda s: (s.start, -s.end)):
        if merged and span.start < merged[-1].end:  # "www.x.org/a" is a URL and a path: one span
            if span.end > merged[-1].end:
                merged[-1] = Span(merged[-1].start, span.end)
            continue
        merged.append(span)
    return merged


def outside(span: Span, literals: list[Span]) -> bool:
    """Whether `span` touches none of the `literals`."""
    return all(span.end <= lit.start or lit.end <= span.start for lit in literals)
