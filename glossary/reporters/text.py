"""Human output in the shape of ruff's: location, code, message, the line, a caret.

By default each finding is four lines: the heading, the line with the span,
the caret with the suggestion, and one line of why with the source's publisher
and date. `explain` restores the whole note and lists every source.
"""

from __future__ import annotations

from collections.abc import Iterator

from .. import ansi
from ..i18n import _
from ..positions import LineIndex
from . import Report
from .messages import message

_SEVERITY_COLOR = {"error": "red", "warning": "yellow", "info": "blue"}
ONE_PASS = True  # `chunks` reads the findings once, as the run makes them (glossary.reporters)


CONTEXT = 40
"""Characters kept either side of a span on a long line with `--explain`."""

SHORT_WIDTH = 76
"""The short report keeps the quoted line about this wide, so it fits an 80-column terminal."""


def _line_window(index: LineIndex, line: int, column: int, end_column: int | None, context: int,
                 slack: int) -> tuple[str, int, int]:
    """The quoted part of `line`: whole when it is short, else the span and `context` characters either side.

    The line is cut before any per-character work, so a huge line costs no more than a short one.
    """
    starts = index.starts
    begin = starts[line - 1]
    stop = starts[line] if line < len(starts) else len(index.text)
    while stop > begin and index.text[stop - 1] in "\r\n":
        stop -= 1
    first = column - 1
    last = (end_column - 1) if end_column is not None else stop - begin
    if stop - begin <= 2 * context + (last - first) + slack:
        left, right = 0, stop - begin
    else:
        left, right = max(0, first - context), min(stop - begin, last + context)
    prefix = "…" if left else ""
    suffix = "…" if right < stop - begin else ""
    piece = index.text[begin + left:begin + right].expandtabs(1)
    return prefix + piece + suffix, first - left + len(prefix), min(last, right) - left + len(prefix)


def cite(source: object) -> str:
    """Publisher (else title, else address) and date: the short report's citation."""
    who = getattr(source, "publisher", "") or getattr(source, "title", "") or getattr(source, "url", "")
    return ", ".join(p for p in (who, getattr(source, "date", "")) if p)


def full_citation(source: object) -> str:
    parts = [getattr(source, k, "") for k in ("publisher", "title", "date", "url")]
    return ", ".join(p for p in parts if p)


def render(report: Report) -> str:
    return "".join(chunks(report))


def chunks(report: Report) -> Iterator[str]:
    """The report in pieces of about a thousand lines, made as they are written.

    The same text as joining every line with "\\n" and ending with one, where a
    report's last line, when empty, adds nothing.
    """
    batch: list[str] = []
    pending: str | None = None
    for line in _lines(report):
        if pending is not None:
            batch.append(pending + "\n")
            if len(batch) >= 1000:
                yield "".join(batch)
                batch = []
        pending = line
    if pending:
        batch.append(pending + "\n")
    if batch:
        yield "".join(batch)


def _lines(report: Report) -> Iterator[str]:
    color = report.color
    current: list[LineIndex] = []  # the line index of the file being reported; one file's at a time

    def style(text: str, **kw: object) -> str:
        return ansi.style(text, **kw) if color else text  # type: ignore[arg-type]

    for f in report.findings:
        where = style(f"{f.path}:{f.line}:{f.column}:", bold=True)
        code = style(f.code, fg=_SEVERITY_COLOR.get(str(f.severity)), bold=True)
        concept = style(f"[{f.concept_id}]", dim=True) if f.concept_id else ""
        if f.fuzzy:
            concept = f"{concept} {style('(fuzzy)', dim=True)}".lstrip()
        if f.location is not None:  # a .docx: the line is the paragraph's rank, this says where it is
            concept = f"{concept} {style('(' + f.unit_id + ')', dim=True)}".lstrip() if f.unit_id else concept
        yield f"{where} {code} {message(f, _)} {concept}".rstrip()
        if not report.verbose:
            continue
        source = report.sources.get(f.path)
        width = len(str(f.line))
        gutter = " " * width
        bar = style(f"{gutter} |", fg="blue")
        note = style(f"{gutter} =", fg="blue")
        suggest = f.suggestion is not None and f.code not in ("mixed-renderings", "more-findings")
        if source is not None:
            if not current or current[0].text is not source:
                current[:] = [LineIndex(source)]
            index = current[0]
            end_column = f.end_column if f.end_line == f.line else None
            if report.explain:
                line, first, last = _line_window(index, f.line, f.column, end_column, CONTEXT, 20)
            else:
                room = max(8, (SHORT_WIDTH - width - 3 - (f.end - f.start)) // 2)
                line, first, last = _line_window(index, f.line, f.column, end_column, room, 0)
            caret = " " * first + style("^" * max(1, last - first), fg=_SEVERITY_COLOR.get(str(f.severity)))
            if report.explain:
                yield bar
            yield style(f"{f.line} |", fg="blue") + f" {line}"
            if suggest and not report.explain:
                caret += " " + style(str(f.suggestion), bold=True)
            yield bar + " " + caret
        elif suggest and not report.explain:
            yield note + " " + _("suggestion: {suggestion}").format(suggestion=f.suggestion)
        if report.explain:
            if suggest:
                yield note + " " + _("suggestion: {suggestion}").format(suggestion=f.suggestion)
            if f.reason:
                yield note + " " + _("note: {reason}").format(reason=f.reason)
            if f.sources and f.sources[0].url:
                yield note + " " + _("link: {url}").format(url=f.sources[0].url)
            for s in f.sources[1:]:
                yield note + " " + _("also: {source}").format(source=full_citation(s))
            yield ""
            continue
        why = f.brief or f.reason
        citation = cite(f.sources[0]) if f.sources else ""
        if why or citation:
            text = f"{why} ({citation})" if why and citation else (why or citation)
            yield note + " " + style(text, dim=True)
