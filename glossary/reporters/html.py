"""One self-contained HTML page: the draft with its findings highlighted.

The page carries its data as JSON and draws one page of text at a time, so a
5 MB draft opens as quickly as a short one; nothing is fetched from anywhere.
Offsets are sent in UTF-16 code units, the unit of JavaScript strings.
"""

from __future__ import annotations

import json
import re
from bisect import bisect_left
from collections import Counter
from typing import Any

from ..positions import line_column
from . import Report
from .messages import message
from .text import cite

PAGE_CHARS = 20_000
"""About this many characters of text are drawn at once (cut at a line end where one is near)."""

_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


class _Utf16:
    """Code-point offsets to UTF-16 offsets: each astral character before an offset adds one."""

    def __init__(self, text: str) -> None:
        self.astral = [m.start() for m in _ASTRAL.finditer(text)]

    def __call__(self, offset: int) -> int:
        return offset + bisect_left(self.astral, offset) if self.astral else offset


def pages(text: str, spans: list[tuple[int, int]], size: int = PAGE_CHARS) -> list[tuple[int, int]]:
    """Cut `text` into pages of about `size` characters, never inside a span.

    A page ends at the last line break before the size when there is one in its
    second half, otherwise at the size itself (one very long line).
    """
    inside = sorted(spans)
    out: list[tuple[int, int]] = []
    start, n, k = 0, len(text), 0
    while start < n:
        end = min(n, start + size)
        if end < n:
            newline = text.rfind("\n", start + size // 2, end)
            if newline != -1:
                end = newline + 1
            while k < len(inside) and inside[k][1] <= end:
                k += 1
            # A span that crosses the cut moves the cut to the span's end.
            j = k
            while j < len(inside) and inside[j][0] < end:
                end = max(end, inside[j][1])
                j += 1
        out.append((start, end))
        start = end
    return out or [(0, 0)]


def _finding(index: int, f: Any, u16: _Utf16) -> dict[str, object]:
    return {
        "i": index, "code": f.code, "severity": str(f.severity), "message": message(f),
        "found": f.found, "suggestion": f.suggestion, "concept": f.concept_id, "reason": f.reason,
        "line": f.line, "column": f.column, "s": u16(f.span.start), "e": u16(f.span.end),
        "fixable": f.fixable, "lang": f.lang, "unit": f.unit_id, "brief": f.brief,
        "cite": cite(f.sources[0]) if f.sources else "", "url": _safe_url(f.sources[0].url) if f.sources else "",
    }


def _safe_url(url: str) -> str:
    """Only web addresses become links: a `javascript:` URL in a term base must not run in the report."""
    return url if url.startswith(("https://", "http://")) else ""


INTERNED = ("code", "severity", "message", "found", "suggestion", "concept", "reason", "lang", "brief", "cite", "url")
"""Finding fields sent as indexes into one table of strings: a long draft repeats the same
notes and messages thousands of times, and the page decodes them once on load."""


class _Strings:
    def __init__(self) -> None:
        self.table: list[object] = []
        self.index: dict[object, int] = {}

    def __call__(self, value: object) -> int:
        at = self.index.get(value)
        if at is None:
            at = self.index[value] = len(self.table)
            self.table.append(value)
        return at


def page_data(report: Report) -> dict[str, object]:
    """What the page's script draws: every file's text, pages and findings, and the totals."""
    by_path: dict[str, list[Any]] = {}
    for f in report.findings:
        by_path.setdefault(f.path, []).append(f)
    files = []
    counter = 0
    strings = _Strings()
    for path in dict.fromkeys([*report.files, *by_path]):
        text = report.sources.get(path, "")
        u16 = _Utf16(text)
        found = sorted(by_path.get(path, []), key=lambda f: (f.span.start, f.span.end))
        items = []
        for f in found:
            item = _finding(counter, f, u16)
            items.append({k: strings(v) if k in INTERNED else v for k, v in item.items()})
            counter += 1
        pairs = report.pairs.get(path, ())
        # A bilingual file is paged by its segments, so a page never cuts a row of the side-by-side view.
        cuts = pages(text, [(f.span.start, f.span.end) for f in found] + [(s, e) for _src, s, e in pairs])
        files.append({
            "path": path, "text": text,
            "pages": [[u16(a), u16(b), line_column(text, a)[0]] for a, b in cuts],
            "findings": items,
            "pairs": [[source, u16(s), u16(e)] for source, s, e in pairs],
        })
    concepts: dict[str, Counter[str]] = {}
    for f in report.findings:
        if f.concept_id:
            concepts.setdefault(f.concept_id, Counter())[f.found] += 1
    return {
        "files": files,
        "codes": dict(sorted(Counter(f.code for f in report.findings).items())),
        "severities": dict(sorted(Counter(str(f.severity) for f in report.findings).items())),
        "concepts": {cid: dict(c.most_common()) for cid, c in sorted(concepts.items())},
        "total": len(report.findings),
        "errors": list(report.errors),
        "strings": strings.table,
        "interned": list(INTERNED),
    }


def script_json(data: object) -> str:
    """JSON that is safe inside a <script> element: no "</", no "<!--", no line separators."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return (text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
            .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


def environment() -> Any:
    """The Jinja2 environment of the report and of the web page (`glossary serve`), autoescaping."""
    from jinja2 import Environment, PackageLoader, select_autoescape

    return Environment(loader=PackageLoader("glossary", "reporters/templates"),
                       autoescape=select_autoescape(default=True, default_for_string=True))


def render(report: Report) -> str:
    template = environment().get_template("report.html.j2")
    data = page_data(report)
    return template.render(data=data, payload=script_json(data)) + "\n"
