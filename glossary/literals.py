"""Spans of a text that are never prose: URLs, e-mail addresses, file paths, code spans.

A slug in a link (`/one-belt-one-road/`), an address (`obor@example.org`), a
path (`docs/obor_2014.md`) or `OBOR = 1` between backticks names a thing by
its spelling; matching a term there would make `fix` break it.
"""

from __future__ import annotations

import re
from bisect import bisect_right

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
    return [Span(a, b) for a, b in _spans(text, 0, len(text))]


def _spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """`literal_spans` of `text[start:end]`, in `text`'s offsets, as sorted pairs."""
    spans: list[tuple[int, int]] = []
    for hint, pattern in _KINDS:
        if text.find(hint, start, end) == -1 or (hint == "." and not _HAS_EXT.search(text, start, end)):
            continue
        spans.extend(m.span() for m in pattern.finditer(text, start, end))
    if not spans:
        return spans
    spans.sort(key=lambda s: (s[0], -s[1]))
    merged = [spans[0]]
    for a, b in spans:
        last_a, last_b = merged[-1]
        if a < last_b:  # "www.x.org/a" is a URL and a path: one span
            if b > last_b:
                merged[-1] = (last_a, b)
            continue
        merged.append((a, b))
    return merged


class Literals:
    """The literal spans of one text, found only on the lines a match touches.

    No literal holds a line break (every pattern stops at one, and the
    look-behinds and word boundaries see a line break as the text's edge), so
    the literals of a stretch of whole lines are those of the whole text that
    lie in it. A check asks about a few hundred matches in megabytes of text:
    looking at their lines alone costs time in proportion to the matches.
    """

    def __init__(self, text: str) -> None:
        self.text = text
        self._found: dict[tuple[int, int], tuple[list[int], list[int]]] = {}
        self._line = (1, 0)  # the last line asked about, as (start, end); none yet

    def outside(self, start: int, end: int) -> bool:
        """Whether `text[start:end]` touches none of the literals."""
        a, b = self._line
        if not (a <= start and end <= b):
            # Matches come mostly in text order: looking for the line's ends again for each match on one
            # long line (a file with no line break) would cost the line's length each time.
            text = self.text
            a = text.rfind("\n", 0, start) + 1
            b = text.find("\n", end)
            if b == -1:
                b = len(text)
            self._line = (a, b)
        found = self._found.get((a, b))
        if found is None:
            spans = _spans(self.text, a, b)
            found = self._found[(a, b)] = ([s for s, _ in spans], [e for _, e in spans])
        starts, ends = found
        # The first literal ending after `start` (they are sorted and apart) is the only one that may touch.
        k = bisect_right(ends, start)
        return k == len(ends) or end <= starts[k]
