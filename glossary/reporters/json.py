"""The JSON report: a versioned, stable contract for scripts (issue #2)."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterator
from itertools import chain, islice

from . import Report
from .messages import message

VERSION = 1
# Past this many findings the document is printed without indentation: the
# same JSON value, but `indent` sends the encoder down its pure-Python path
# (about three times slower), which a report of 100,000 findings feels.
INDENT_LIMIT = 1000
ONE_PASS = True  # `chunks` reads the findings once, as the run makes them (glossary.reporters)


def finding_dict(f) -> dict[str, object]:  # type: ignore[no-untyped-def]
    return {
        "path": f.path, "line": f.line, "column": f.column, "end_line": f.end_line, "end_column": f.end_column,
        "start": f.start, "end": f.end, "code": f.code, "severity": str(f.severity),
        "concept": f.concept_id, "found": f.found, "suggestion": f.suggestion, "message": message(f),
        "fixable": f.fixable, "lang": f.lang, "reason": f.reason, "unit_id": f.unit_id, "fuzzy": f.fuzzy,
        "brief": f.brief, "sources": [source_dict(s) for s in f.sources], "source_term": f.source_term,
        "found_sources": [source_dict(s) for s in f.found_sources],
        **({"location": dict(f.location)} if f.location is not None else {}),
        **({"omitted": f.omitted} if f.omitted else {}),
    }


def source_dict(source) -> dict[str, str]:  # type: ignore[no-untyped-def]
    return {"publisher": source.publisher, "title": source.title, "date": source.date, "url": source.url,
            "kind": str(source.kind) if source.kind is not None else None}


def render(report: Report) -> str:
    return "".join(chunks(report))


def _nested(value: object, indent: bool, depth: int) -> str:
    """`value` as it appears `depth` levels deep in the indented document (or compact)."""
    if not indent:
        return json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return json.dumps(value, ensure_ascii=False, indent=2).replace("\n", "\n" + "  " * depth)


def chunks(report: Report) -> Iterator[str]:
    """The document piece by piece, one finding at a time: the same bytes as one `json.dumps`,
    without building the whole text (or every finding's dict) at once.

    The findings are read once, as they come: the first `INDENT_LIMIT` + 1 are
    held to choose the layout, and the summary (after them) is counted on the way.
    """
    stream = iter(report.findings)
    head = list(islice(stream, INDENT_LIMIT + 1))
    indent = len(head) <= INDENT_LIMIT
    by_code: Counter[str] = Counter()
    fixable = 0
    nl, pad, sep = ("\n", "  ", ": ") if indent else ("", "", ":")
    comma = "," + nl
    yield "{" + nl + pad + '"version"' + sep + str(VERSION) + comma + pad + '"findings"' + sep + "["
    if head:
        yield nl
        first = True
        for f in chain(head, stream):
            by_code[f.code] += 1
            fixable += f.fixable
            yield ("" if first else comma) + pad * 2 + _nested(finding_dict(f), indent, 2)
            first = False
        head = []
        yield nl + pad
    summary = {
        "findings": sum(by_code.values()),
        "fixable": fixable,
        "files": len(report.files),
        "by_code": dict(sorted(by_code.items())),
        "fixed": list(report.fixed),
        "errors": list(report.errors),
    }
    yield "]" + comma + pad + '"summary"' + sep + _nested(summary, indent, 1)
    if report.statistics is not None:
        yield comma + pad + '"statistics"' + sep + _nested(report.statistics, indent, 1)
    yield nl + "}\n"
