"""Human output in the shape of ruff's: location, code, message, the line, a caret."""

from __future__ import annotations

import click

from ..i18n import _
from ..positions import LineIndex
from . import Report
from .messages import message

_SEVERITY_COLOR = {"error": "red", "warning": "yellow", "info": "blue"}


CONTEXT = 40


def window(line: str, start: int, end: int) -> tuple[str, int, int]:
    """A long line cut to the span and CONTEXT characters either side, with ellipses."""
    if len(line) <= 2 * CONTEXT + (end - start) + 20:
        return line, start, end
    left = max(0, start - CONTEXT)
    right = min(len(line), end + CONTEXT)
    prefix = "…" if left else ""
    suffix = "…" if right < len(line) else ""
    return prefix + line[left:right] + suffix, start - left + len(prefix), end - left + len(prefix)


def render(report: Report) -> str:
    out: list[str] = []
    color = report.color
    indexes: dict[str, LineIndex] = {}

    def style(text: str, **kw: object) -> str:
        return click.style(text, **kw) if color else text  # type: ignore[arg-type]

    for f in report.findings:
        where = style(f"{f.path}:{f.line}:{f.column}:", bold=True)
        code = style(f.code, fg=_SEVERITY_COLOR.get(str(f.severity)), bold=True)
        concept = style(f"[{f.concept_id}]", dim=True) if f.concept_id else ""
        if f.fuzzy:
            concept = f"{concept} {style('(fuzzy)', dim=True)}".lstrip()
        out.append(f"{where} {code} {message(f, _)} {concept}".rstrip())
        if not report.verbose:
            continue
        source = report.sources.get(f.path)
        if source is not None:
            index = indexes.setdefault(f.path, LineIndex(source))
            line = index.line_text(f.line).expandtabs(1)
            width = len(str(f.line))
            gutter = " " * width
            end_col = f.end_column if f.end_line == f.line else len(line) + 1
            line, first, last = window(line, f.column - 1, end_col - 1)
            caret = " " * first + "^" * max(1, last - first)
            out.append(style(f"{gutter} |", fg="blue"))
            out.append(style(f"{f.line} |", fg="blue") + f" {line}")
            out.append(style(f"{gutter} |", fg="blue") + " " + style(caret, fg=_SEVERITY_COLOR.get(str(f.severity))))
            if f.suggestion is not None and f.code != "mixed-renderings":
                out.append(style(f"{gutter} =", fg="blue") + " " + _("suggestion: {suggestion}").format(suggestion=f.suggestion))
            if f.reason:
                out.append(style(f"{gutter} =", fg="blue") + " " + _("note: {reason}").format(reason=f.reason))
            out.append("")
    return "\n".join(out) + ("\n" if out and out[-1] != "" else "")
