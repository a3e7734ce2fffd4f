"""GitHub Actions workflow commands: one annotation per finding.

Format and escaping follow actions/toolkit `command.ts`: `%`, CR and LF are
percent-encoded in the message, and additionally `:` and `,` in property values.
GitHub only accepts `col`/`endColumn` when the annotation starts and ends on one
line, so a term broken across a line break gets line numbers only. The message
repeats `path:line:col: code` so the raw log reads well too (ruff does the same).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import groupby

from glossary.i18n import _
from glossary.model import Finding, Severity
from glossary.reporters import Report
from glossary.reporters.messages import message

COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}
ONE_PASS = True  # `chunks` reads the findings once, as the run makes them (glossary.reporters)


def render(report: Report) -> str:
    """One annotation per finding of a run."""
    return "".join(chunks(report))


def chunks(report: Report) -> Iterator[str]:
    """The annotations file by file as the findings come, each file's sorted by position.

    Only one file's findings are held at a time; a run's files come in the order
    they were checked (a run from the command line: the order of its paths).
    """
    for _path, group in groupby(report.findings, key=lambda f: f.path):
        ordered = sorted(group, key=lambda f: (f.line, f.column, f.code))
        for at in range(0, len(ordered), 1000):
            yield "".join(annotation(f) + "\n" for f in ordered[at:at + 1000])


def render_findings(findings: Iterable[Finding]) -> str:
    """One `::warning …::…` line per finding, sorted by position."""
    ordered = sorted(findings, key=lambda f: (f.path, f.line, f.column, f.code))
    return "".join(annotation(f) + "\n" for f in ordered)


def annotation(finding: Finding) -> str:
    """The workflow command for one finding."""
    props: list[tuple[str, str]] = []
    if finding.path and finding.path != "-":
        props.append(("file", finding.path))
    props.append(("line", str(finding.line)))
    props.append(("endLine", str(finding.end_line)))
    if finding.line == finding.end_line:
        # GitHub's endColumn is the last annotated column (it defaults to `col`).
        props.append(("col", str(finding.column)))
        props.append(("endColumn", str(max(finding.column, finding.end_column - 1))))
    title = f"glossary {finding.code}" + (f" ({finding.concept_id})" if finding.concept_id else "")
    props.append(("title", title))
    where = f"{finding.path or '-'}:{finding.line}:{finding.column}"
    text = f"{where}: {finding.code} {message(finding, _)}"
    command = COMMANDS.get(finding.severity, "warning")
    joined = ",".join(f"{key}={escape_property(value)}" for key, value in props)
    return f"::{command} {joined}::{escape_data(text)}"


def escape_data(text: str) -> str:
    """Escape a workflow command's message."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """Escape a workflow command's property value."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")
