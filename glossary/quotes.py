"""Find quoted passages, so a quotation may keep the wording it quotes.

A translator quoting a title of the time ("the 'One Belt, One Road' strategy,
as the 2014 report called it") must not be told to change the quotation. With
`exempt-quotes` on (for all concepts or for listed ones), a deprecated or
superseded rendering that lies wholly inside quotation marks is not reported.

Quotation marks recognised: “…”, ‘…’, «…», ‹…›, „…“, 「…」, 『…』, and
straight "…" and '…'. A straight or curly single quote counts as opening only
after a space, a line start or an opening bracket, and as closing only before a
space, punctuation or the end, so the apostrophes in "China's" and "its
partners’ view" are not quotation marks. A quotation ends in its own paragraph;
an unclosed mark quotes nothing.
"""

from __future__ import annotations

from .model import Span

_PAIRS = {"“": "”", "«": "»", "‹": "›", "„": "“", "「": "」", "『": "』"}
_SINGLE_OPEN = {"'": "'", "‘": "’"}
_OPEN_CONTEXT = " \t\n\r([{—–-/\"“«‹„「『"


def _before_ok(text: str, i: int) -> bool:
    return i == 0 or text[i - 1] in _OPEN_CONTEXT or text[i - 1].isspace()


def _after_ok(text: str, i: int) -> bool:
    return i + 1 >= len(text) or not text[i + 1].isalnum()


def quoted_spans(text: str) -> list[Span]:
    """Spans of `text` inside quotation marks (the marks themselves included)."""
    spans: list[Span] = []
    stack: list[tuple[str, int]] = []  # (closing mark, offset of the opening mark)
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if c == "\n" and text[i + 1:i + 2] == "\n" or c == "\n" and text[i + 1:i + 3] == "\r\n":
            stack.clear()  # a paragraph break ends every open quotation
        elif stack and c == stack[-1][0] and (c not in "'’" or (i > 0 and not text[i - 1].isspace() and _after_ok(text, i))):
            _, start = stack.pop()
            if not stack:
                spans.append(Span(start, i + 1))
        elif c == '"':
            if stack and stack[-1][0] == '"':
                pass  # handled above
            else:
                stack.append(('"', i))
        elif c in _PAIRS:
            stack.append((_PAIRS[c], i))
        elif c in _SINGLE_OPEN and _before_ok(text, i) and i + 1 < n and not text[i + 1].isspace():
            stack.append((_SINGLE_OPEN[c], i))
        i += 1
    return spans


def inside(span: Span, quoted: list[Span]) -> bool:
    """Whether `span` lies wholly inside one of the `quoted` spans."""
    return any(q.start < span.start and span.end < q.end for q in quoted)
