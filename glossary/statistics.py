"""`--statistics`: how many findings of each code and concept, as ruff counts its rules."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from .i18n import _
from .model import Finding


@dataclass(frozen=True, slots=True)
class Row:
    """Findings of one code for one concept (none for codes without a concept)."""

    code: str
    concept: str | None
    count: int
    fixable: int


def count(findings: Iterable[Finding]) -> list[Row]:
    """Rows, most frequent first, then by code and concept."""
    total: Counter[tuple[str, str]] = Counter()
    fixable: Counter[tuple[str, str]] = Counter()
    for f in findings:
        key = (f.code, f.concept_id or "")
        total[key] += 1
        fixable[key] += f.fixable
    rows = [Row(code, concept or None, n, fixable[(code, concept)]) for (code, concept), n in total.items()]
    return sorted(rows, key=lambda r: (-r.count, r.code, r.concept or ""))


def render_text(rows: list[Row]) -> str:
    if not rows:
        return ""
    width = max(len(str(r.count)) for r in rows)
    code_width = max(len(r.code) for r in rows)
    lines = []
    for r in rows:
        mark = "[*]" if r.fixable == r.count else ("[-]" if r.fixable else "   ")
        lines.append(f"{r.count:>{width}}  {r.code:<{code_width}}  {mark} {r.concept or ''}".rstrip())
    if any(r.fixable for r in rows):
        legend = (_("[*] fixable with `glossary fix`, [-] some of them") if any(0 < r.fixable < r.count for r in rows)
                  else _("[*] fixable with `glossary fix`"))
        lines.append(legend)
    return "\n".join(lines) + "\n"


def as_json(rows: list[Row]) -> list[dict[str, object]]:
    """The rows as the JSON report's `statistics.findings`."""
    return [{"code": r.code, "concept": r.concept, "count": r.count, "fixable": r.fixable} for r in rows]
