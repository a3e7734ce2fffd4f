"""Collect the findings' edits, apply them, and repeat to a fixed point.

Each finding carries its edit (`Finding.fix`, made by glossary.checks: the
suggestion, which the check wrote in the found case (glossary.case), escaped
for the file format). Edits replace exactly the reported spans, right to left,
so offsets stay valid and nothing outside the spans changes.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TypeVar

from .case import keep_case, sentence_initial
from .model import Edit, Finding, Span

__all__ = ["apply", "keep_case", "moved", "placed", "plan", "sentence_initial", "to_fixed_point"]


def plan(text: str, findings: Iterable[Finding]) -> tuple[Edit, ...]:
    """Non-overlapping edits of the findings that carry one (`Finding.fix`), sorted by position.

    `text` is the text the findings are in; each edit was computed against it
    when its finding was made.
    """
    edits: list[Edit] = []
    for f in sorted(findings, key=lambda f: (f.start, -f.end)):
        if f.fix is None:
            continue
        if edits and f.fix.span.start < edits[-1].span.end:
            continue  # overlapping findings: the next pass fixes the rest
        edits.append(f.fix)
    return tuple(edits)


_S = TypeVar("_S")


def to_fixed_point(state: _S, findings: Callable[[_S], Iterable[Finding]],
                   rewrite: Callable[[_S, tuple[Edit, ...]], tuple[_S, int]], passes: int = 4) -> tuple[_S, int]:
    """Fix, check again, and repeat until nothing is left to fix: (the fixed state, edits made).

    A fix can expose another (an overlap skipped in one pass). `state` is
    whatever the caller checks: a string, or a parsed document that `rewrite`
    writes and reads back in its own format; `rewrite` says how many of the
    edits it made (a format may refuse some), and none made ends the loop.
    """
    total = 0
    for _pass in range(passes):
        edits = plan("", findings(state))
        if not edits:
            break
        state, made = rewrite(state, edits)
        total += made
        if not made:
            break
    return state, total


def apply(text: str, edits: Iterable[Edit]) -> str:
    """Apply sorted, non-overlapping edits."""
    pieces: list[str] = []
    last = 0
    for edit in sorted(edits, key=lambda e: e.span.start):
        if edit.span.start < last:
            raise ValueError(f"overlapping edits at {edit.span.start}")
        pieces.append(text[last:edit.span.start])
        pieces.append(edit.replacement)
        last = edit.span.end
    pieces.append(text[last:])
    return "".join(pieces)


def moved(finding: Finding, edits: Iterable[Edit]) -> Finding:
    """`finding` with its span where it lies after `edits`; a span an edit replaced becomes the replacement."""
    from dataclasses import replace

    shift, start, end = 0, finding.start, finding.end
    for e in sorted(edits, key=lambda e: e.span.start):
        if e.span.end <= finding.start:
            shift += len(e.replacement) - (e.span.end - e.span.start)
        elif (e.span.start, e.span.end) == (finding.start, finding.end):
            return replace(finding, start=e.span.start + shift, end=e.span.start + shift + len(e.replacement))
    return replace(finding, start=start + shift, end=end + shift)


def placed(findings: Iterable[Finding], text: str) -> list[Finding]:
    """Findings moved by `moved`, with their lines, columns and found text taken from the fixed `text`."""
    from dataclasses import replace

    from .positions import LineIndex

    index = LineIndex(text)
    out = []
    for f in findings:
        start, end = index.position(f.start), index.position(f.end)
        out.append(replace(f, line=start.line, column=start.column, end_line=end.line, end_column=end.column,
                           found=text[f.start:f.end]))
    return out
