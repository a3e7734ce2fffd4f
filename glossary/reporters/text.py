"""Human output in the shape of ruff's: one line per finding, or the line and a caret under it.

By default (ruff's concise format) each finding is one line: where, the code
(`[*]` when `fix` can apply it), what was found and what to write instead, and
the short why with the source's publisher and date, so forty findings are a
list a translator can read down. `show_source` gives each finding four lines
instead: the heading, the line with the span, the caret with the suggestion,
and the line of why. `explain` restores the whole note and lists every source.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from .. import ansi
from ..checks.explain import first_sentence
from ..i18n import _
from ..model import Finding
from ..positions import LineIndex
from . import Report
from .messages import message

_SEVERITY_COLOR = {"error": "red", "warning": "yellow", "info": "blue"}
ONE_PASS = True  # `chunks` reads the findings once, as the run makes them (glossary.reporters)


CONTEXT = 40
"""Characters kept either side of a span on a long line with `--explain`."""

SHORT_WIDTH = 76
"""The `show_source` report keeps the quoted line about this wide, so it fits an 80-column terminal."""

WHY_WIDTH = 72
"""The concise line keeps the why to about this many characters (cut at a word; `--explain` has it all)."""

_SUGGESTION_COLOR = "green"


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


def short_cite(source: object) -> str:
    """`cite` for the concise line: the publisher without how it reached us ("Xinhua, via …" is Xinhua), the date."""
    publisher = re.sub(r" \(.*\)$", "", getattr(source, "publisher", "").split(", ", 1)[0])
    who = publisher or clip(getattr(source, "title", ""), 40) or getattr(source, "url", "")
    return ", ".join(p for p in (who, getattr(source, "date", "")) if p)


def clip(text: str, limit: int = WHY_WIDTH) -> str:
    """`text` within `limit` characters: cut after a clause when one ends past the middle, else at a word,
    never inside a quotation left open (a half-quoted rendering misleads), and marked with "…"."""
    text = text.strip()
    if len(text) <= limit:
        return text
    head = text[:limit]
    clause = max(head.rfind("; "), head.rfind(", "))
    if clause > limit // 2:
        return head[:clause] + "…"
    cut = head.rfind(" ")
    head = head[:cut] if cut > limit // 3 else head
    for opening, closing in ('""', "«»", "“”"):
        count = head.count(opening) if opening == closing else head.count(opening) - head.count(closing)
        if count % 2 if opening == closing else count > 0:
            head = head[:head.rfind(opening)]
    return head.rstrip(",;:( ") + "…"


def cited(finding: Finding) -> object | None:
    """The source a one-line report cites: the found variant's own (where it was seen), else the suggestion's."""
    if finding.found_sources:
        return finding.found_sources[0]
    return finding.sources[0] if finding.sources else None


def why(finding: Finding) -> str:
    """The concise line's why: the brief, clipped, and the short citation in brackets."""
    text = clip(first_sentence(finding.brief or finding.reason)).rstrip(".")
    source = cited(finding)
    citation = short_cite(source) if source is not None else ""
    return f"{text} ({citation})" if text and citation else (text or citation)


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

    concise = not (report.verbose and (report.show_source or report.explain))
    for f in report.findings:
        if concise:
            yield _concise(f, style)
            continue
        where = style(f"{f.path}:{f.line}:{f.column}:", bold=True)
        code = style(f.code, fg=_SEVERITY_COLOR.get(str(f.severity)), bold=True)
        concept = style(f"[{f.concept_id}]", dim=True) if f.concept_id else ""
        if f.fuzzy:
            concept = f"{concept} {style('(fuzzy)', dim=True)}".lstrip()
        if f.location is not None:  # a .docx: the line is the paragraph's rank, this says where it is
            concept = f"{concept} {style('(' + f.unit_id + ')', dim=True)}".lstrip() if f.unit_id else concept
        yield f"{where} {code} {message(f, _)} {concept}".rstrip()
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
            for s in f.found_sources:
                yield note + " " + _("found in use: {source}").format(source=full_citation(s))
            yield ""
            continue
        why = f.brief or f.reason
        source = cited(f)
        citation = cite(source) if source is not None else ""
        if why or citation:
            text = f"{why} ({citation})" if why and citation else (why or citation)
            yield note + " " + style(text, dim=True)


def _concise(f: Finding, style: Callable[..., str]) -> str:
    """`path:line:col: code [*] "found" → "suggestion" — why (publisher, date)`, found and suggestion in colour."""
    color = _SEVERITY_COLOR.get(str(f.severity))
    where = style(f"{f.path}:{f.line}:{f.column}:", bold=True)
    code = style(f.code, fg=color, bold=True) + (" [*]" if f.fixable else "")
    what = message(f, _, short=True, paint={"found": lambda t: style(t, fg=color, bold=True),
                                           "suggestion": lambda t: style(t, fg=_SUGGESTION_COLOR, bold=True)})
    reason = why(f)
    tail = [style("(fuzzy)", dim=True)] if f.fuzzy else []
    if f.location is not None and f.unit_id:  # a .docx: the line is the paragraph's rank, this says where it is
        tail.append(style(f"[{f.unit_id}]", dim=True))
    # TRANSLATORS: joins a finding's message and its reason on one line of the text report.
    line = _("{message} — {reason}").format(message=what, reason=style(reason, dim=True)) if reason else what
    return " ".join([where, code, line, *tail])
