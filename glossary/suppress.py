"""Inline suppression comments, and the report of suppressions that matched nothing.

One grammar in every format's own comments (the markdownlint / textlint family):

    glossary-disable-next-line [NAMES]   the next line (PO: this entry; XLIFF/TMX: the next unit)
    glossary-disable-line [NAMES]        this line (PO: this entry; XLIFF/TMX: this unit)
    glossary-disable [NAMES] … glossary-enable [NAMES]    a region
    glossary-disable-file [NAMES]        the whole file

NAMES are concept ids or finding codes, separated by commas; none means all.
Comments are: anywhere on a line in plain text (and aligned pairs, CSV);
`<!-- … -->` in Markdown, XLIFF and TMX; translator (`# `) and extracted
(`#.`) comments in PO, never `#,` flags, which msgmerge and msgcat drop.

A directive that suppresses no finding is itself reported as
`unused-suppression`, so stale ones do not pile up.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace

from .model import Document, Finding, Severity, Span
from .positions import LineIndex

UNUSED = "unused-suppression"

_DIRECTIVE = re.compile(
    r"(?<![\w-])glossary-(disable-next-line|disable-line|disable-file|disable|enable)(?![\w-])"
    r"(?P<names>(?:[ \t]+|[ \t]*:[ \t]*)[a-z0-9][a-z0-9_.-]*(?:[ \t]*,[ \t]*[a-z0-9][a-z0-9_.-]*)*)?"
)
_HTML_COMMENT = re.compile(r"<!--[\s\S]*?-->")
_PO_COMMENT = re.compile(r"^[ \t]*#(?:[ \t.][^\n]*)?$", re.MULTILINE)
_XML_UNIT = re.compile(r"<(trans-unit|unit|tu)\b[\s\S]*?</\1\s*>")

_COMMENT_STYLE = {"markdown": "html", "xliff": "html", "tmx": "html", "po": "po"}


@dataclass(frozen=True, slots=True)
class Directive:
    """One suppression comment: its kind, the names it covers, where it is."""

    kind: str
    names: frozenset[str]
    line: int
    span: Span
    text: str


@dataclass(frozen=True, slots=True)
class Scope:
    """Lines `first`..`last` where findings named by `name` (None: any) are suppressed."""

    directive: int
    name: str | None
    first: int
    last: int


def _comment_ranges(document: Document) -> Iterable[tuple[int, int]]:
    style = _COMMENT_STYLE.get(document.format, "line")
    if style == "html":
        return ((m.start(), m.end()) for m in _HTML_COMMENT.finditer(document.text))
    if style == "po":
        return ((m.start(), m.end()) for m in _PO_COMMENT.finditer(document.text))
    return ((0, len(document.text)),)


def directives(document: Document, index: LineIndex | None = None) -> list[Directive]:
    """Every directive in the document's comments, in order."""
    index = index or LineIndex(document.text)
    found: list[Directive] = []
    if "glossary-" not in document.text:
        return found
    for start, end in _comment_ranges(document):
        for m in _DIRECTIVE.finditer(document.text, start, end):
            raw = (m.group("names") or "").strip().lstrip(":")
            names = frozenset(n.strip() for n in raw.split(",") if n.strip()) - {"all"}
            found.append(Directive(m.group(1), names, index.position(m.start()).line,
                                   Span(m.start(), m.end()), m.group(0)))
    return found


def blocks(document: Document, index: LineIndex) -> list[tuple[int, int]]:
    """Line ranges a line-level directive covers as a whole: PO entries, XLIFF/TMX units."""
    if document.format == "po":
        from .readers.po import blocks as po_blocks

        return po_blocks(document.text)
    if document.format in ("xliff", "tmx"):
        return [(index.position(m.start()).line, index.position(m.end()).line)
                for m in _XML_UNIT.finditer(document.text)]
    return []


def scopes(document: Document, found: list[Directive], index: LineIndex) -> list[Scope]:
    """The line ranges each directive covers."""
    last_line = len(index.starts)
    units = blocks(document, index)
    result: list[Scope] = []
    open_regions: list[Scope] = []

    def each(i: int, d: Directive, first: int, last: int) -> list[Scope]:
        return [Scope(i, n, first, last) for n in sorted(d.names)] or [Scope(i, None, first, last)]

    for i, d in enumerate(found):
        if d.kind == "disable-file":
            result += each(i, d, 1, last_line)
        elif d.kind == "disable-line":
            unit = next(((a, b) for a, b in units if a <= d.line <= b), (d.line, d.line))
            result += each(i, d, *unit)
        elif d.kind == "disable-next-line":
            if units:
                unit = next(((a, b) for a, b in units if b > d.line), None)
                if unit is not None:
                    result += each(i, d, max(unit[0], d.line), unit[1])
            else:
                result += each(i, d, d.line + 1, d.line + 1)
        elif d.kind == "disable":
            open_regions += each(i, d, d.line, last_line)
        elif d.kind == "enable":
            still_open = []
            for region in open_regions:
                if not d.names or region.name in d.names:
                    result.append(replace(region, last=d.line))
                else:
                    still_open.append(region)
            open_regions = still_open
    return result + open_regions


def _names(finding: Finding) -> set[str]:
    return {finding.code} | ({finding.concept_id} if finding.concept_id else set())


def apply(document: Document, findings: list[Finding], index: LineIndex | None = None,
          report_unused: bool = True) -> list[Finding]:
    """Drop suppressed findings; add an `unused-suppression` for each directive that dropped none."""
    index = index or LineIndex(document.text)
    found = directives(document, index)
    if not found:
        return findings
    covered = scopes(document, found, index)
    used: set[int] = set()
    kept: list[Finding] = []
    for finding in findings:
        hits = [s for s in covered if s.first <= finding.line <= s.last
                and (s.name is None or s.name in _names(finding))]
        if hits:
            used.update(s.directive for s in hits)
        else:
            kept.append(finding)
    if report_unused:
        for i, d in enumerate(found):
            if d.kind != "enable" and i not in used:
                kept.append(Finding(
                    code=UNUSED, severity=Severity.INFO, **index.locate(d.span), found=d.text, path=document.path,
                    reason="no finding in its scope" + (f" names {', '.join(sorted(d.names))}" if d.names else ""),
                ))
    return kept
