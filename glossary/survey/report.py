"""The survey's counts as tables: totals per rendering, then by year, folder and file; CSV and JSON."""

from __future__ import annotations

import csv
import io
import json
import posixpath
from collections import Counter, defaultdict
from typing import Any

from .count import Partial

SCOPES = ("all", "year", "folder", "file")
CSV_COLUMNS = ("concept", "lang", "rendering", "status", "by", "key", "count")


def folder_of(path: str) -> str:
    return posixpath.dirname(path.replace("\\", "/")) or "."


def tables(total: Partial) -> dict[tuple[str, str, str, str], dict[str, Counter[str]]]:
    """(concept, lang, rendering, status) -> scope -> key -> count, every scope from the per-file counts."""
    out: dict[tuple[str, str, str, str], dict[str, Counter[str]]] = defaultdict(
        lambda: {scope: Counter() for scope in SCOPES})
    for (concept, lang, rendering, status, path, year), n in total.counts.items():
        scopes = out[(concept, lang, rendering, status)]
        scopes["all"][""] += n
        scopes["year"][year] += n
        scopes["folder"][folder_of(path)] += n
        scopes["file"][path] += n
    return dict(sorted(out.items(), key=lambda kv: (kv[0][0], kv[0][1], -kv[1]["all"][""], kv[0][2])))


def to_csv(total: Partial) -> str:
    """One row per rendering and scope key: `by` is all, year, folder or file."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for (concept, lang, rendering, status), scopes in tables(total).items():
        for scope in SCOPES:
            for key, n in sorted(scopes[scope].items()):
                writer.writerow((concept, lang, rendering, status, scope, key, n))
    return buffer.getvalue()


def to_json(total: Partial) -> str:
    """Concepts, each with its renderings' counts: total, by year, by folder and by file."""
    concepts: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for (concept, lang, rendering, status), scopes in tables(total).items():
        concepts[concept].append({
            "text": rendering, "lang": lang, "status": status, "count": scopes["all"][""],
            "by_year": dict(sorted(scopes["year"].items())), "by_folder": dict(sorted(scopes["folder"].items())),
            "by_file": dict(sorted(scopes["file"].items())),
        })
    data = {"files": total.files, "bytes": total.bytes, "errors": total.errors,
            "concepts": [{"concept": c, "renderings": r} for c, r in concepts.items()]}
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


FORMATS = {"csv": to_csv, "json": to_json}
