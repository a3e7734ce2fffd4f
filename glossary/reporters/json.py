"""The JSON report: a versioned, stable contract for scripts (issue #2)."""

from __future__ import annotations

import json
from collections import Counter

from . import Report
from .messages import message

VERSION = 1
# Past this many findings the document is printed without indentation: the
# same JSON value, but `indent` sends the encoder down its pure-Python path
# (about three times slower), which a report of 100,000 findings feels.
INDENT_LIMIT = 1000


def finding_dict(f) -> dict[str, object]:  # type: ignore[no-untyped-def]
    return {
        "path": f.path, "line": f.line, "column": f.column, "end_line": f.end_line, "end_column": f.end_column,
        "start": f.start, "end": f.end, "code": f.code, "severity": str(f.severity),
        "concept": f.concept_id, "found": f.found, "suggestion": f.suggestion, "message": message(f),
        "fixable": f.fixable, "lang": f.lang, "reason": f.reason, "unit_id": f.unit_id, "fuzzy": f.fuzzy,
        "brief": f.brief, "sources": [source_dict(s) for s in f.sources], "source_term": f.source_term,
        **({"location": dict(f.location)} if f.location is not None else {}),
    }


def source_dict(source) -> dict[str, str]:  # type: ignore[no-untyped-def]
    return {"publisher": source.publisher, "title": source.title, "date": source.date, "url": source.url,
            "kind": str(source.kind) if source.kind is not None else None}


def render(report: Report) -> str:
    by_code = Counter(f.code for f in report.findings)
    doc = {
        "version": VERSION,
        "findings": [finding_dict(f) for f in report.findings],
        "summary": {
            "findings": len(report.findings),
            "fixable": sum(f.fixable for f in report.findings),
            "files": len(report.files),
            "by_code": dict(sorted(by_code.items())),
            "fixed": list(report.fixed),
            "errors": list(report.errors),
        },
    }
    if report.statistics is not None:
        doc["statistics"] = report.statistics
    if len(report.findings) > INDENT_LIMIT:
        return json.dumps(doc, ensure_ascii=False, separators=(",", ":")) + "\n"
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"
