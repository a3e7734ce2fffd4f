"""Turn findings into edits and apply them; the case was kept by the check (glossary.case).

Edits replace exactly the reported spans, right to left, so offsets stay valid
and nothing outside the spans changes.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from .case import keep_case, sentence_initial
from .model import Edit, Finding, Span

__all__ = ["apply", "keep_case", "plan", "sentence_initial", "touched"]


def plan(text: str, findings: Iterable[Finding], *, fix_encoding: bool = False,
         escape: Callable[[str], str] = lambda s: s) -> tuple[Edit, ...]:
    """Non-overlapping edits for the fixable findings, sorted by position."""
    edits: list[Edit] = []
    for f in sorted(findings, key=lambda f: (f.span.start, -f.span.end)):
        # Encoding damage is fixable only when the run asked for it (--fix-encoding).
        fixable = f.fixable and (f.code != "encoding-damage" or fix_encoding)
        if not fixable or f.suggestion is None:
            continue
        if edits and f.span.start < edits[-1].span.end:
            continue  # overlapping findings: the next run fixes the rest
        replacement = f.suggestion  # the check wrote it in the found case
        if replacement != f.found:
            edits.append(Edit(f.span, escape(replacement)))
    return tuple(edits)


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


def touched(edits: Iterable[Edit]) -> list[Span]:
    return [e.span for e in edits]


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
