"""`check --statistics`: per concept, how a translation renders what its source names.

For every segment with a source text (an aligned pair from `--source`, or a
bilingual file), each concept the source names is counted, and each mention
is one of: rendered with the preferred rendering (`glossary.preference`),
rendered otherwise (an admitted or a deprecated rendering, or the source term
left as it is), or missing. The three always add up to `named`, so two
engines' output for the same source, with and without a glossary, compare
row by row. Kept apart from the findings: this counts, it does not judge.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from .fold import fold_text
from .i18n import _
from .model import Document
from .termbase import TermBase


@dataclass(frozen=True, slots=True)
class Figures:
    """How the mentions of one concept in the source were rendered."""

    concept: str
    named: int = 0
    preferred: int = 0
    otherwise: int = 0
    missing: int = 0

    def __add__(self, other: Figures) -> Figures:
        return Figures(self.concept, self.named + other.named, self.preferred + other.preferred,
                       self.otherwise + other.otherwise, self.missing + other.missing)

    def as_json(self) -> dict[str, object]:
        return {"concept": self.concept, "named": self.named, "preferred": self.preferred,
                "otherwise": self.otherwise, "missing": self.missing}


def _segment(termbase: TermBase, source: str, source_lang: str, target: str, lang: str) -> list[Figures]:
    from .briefing import mentions
    from .matcher import matcher_for
    from .preference import preferred

    named: dict[str, int] = {}
    for concept_id, _found in mentions(termbase, [source], source_lang):
        named[concept_id] = named.get(concept_id, 0) + 1
    if not named:
        return []
    good: dict[str, int] = {}
    other: dict[str, int] = {}
    spans: dict[tuple[int, int], set[str]] = {}
    chosen: dict[str, str | None] = {}
    for concept_id in named:
        term = preferred(termbase, termbase.concept(concept_id), lang)
        chosen[concept_id] = fold_text(term.text) if term is not None else None
    for m in matcher_for(termbase, lang).scan(target):
        if m.concept_id not in named or m.concept_id in spans.setdefault((m.span.start, m.span.end), set()):
            continue
        spans[(m.span.start, m.span.end)].add(m.concept_id)
        bucket = good if fold_text(m.term.text) == chosen[m.concept_id] else other
        bucket[m.concept_id] = bucket.get(m.concept_id, 0) + 1
    # A source term left untranslated in the target counts as rendered otherwise.
    left: set[tuple[int, int, str]] = set()
    for m in matcher_for(termbase, source_lang).scan(target):
        key = (m.span.start, m.span.end, m.concept_id)
        if m.concept_id in named and key[:2] not in spans and key not in left:
            left.add(key)
            other[m.concept_id] = other.get(m.concept_id, 0) + 1
    out = []
    for concept_id, times in named.items():
        pref = min(times, good.get(concept_id, 0))
        otherwise = min(times - pref, other.get(concept_id, 0))
        out.append(Figures(concept_id, times, pref, otherwise, times - pref - otherwise))
    return out


def compute(document: Document, termbase: TermBase, lang: str | None = None,
            source_lang: str | None = None) -> list[Figures]:
    """Figures per concept over every bilingual segment of `document`, in order of first mention."""
    from .script import guess_lang

    totals: dict[str, Figures] = {}
    for segment in document.segments:
        if segment.source_text is None or not segment.source_text.strip():
            continue
        src = source_lang or segment.source_lang or guess_lang(segment.source_text)
        tgt = lang or segment.lang or guess_lang(segment.text)
        if src == tgt:
            continue
        for figures in _segment(termbase, segment.source_text, src, segment.text, tgt):
            totals[figures.concept] = totals[figures.concept] + figures if figures.concept in totals else figures
    return list(totals.values())


def merge(runs: Iterable[Sequence[Figures]]) -> list[Figures]:
    """Figures of several files added up per concept."""
    totals: dict[str, Figures] = {}
    for run in runs:
        for figures in run:
            totals[figures.concept] = totals[figures.concept] + figures if figures.concept in totals else figures
    return list(totals.values())


def total(rows: Sequence[Figures]) -> Figures:
    out = Figures(_("total"))
    for row in rows:
        out = Figures(out.concept, out.named + row.named, out.preferred + row.preferred,
                      out.otherwise + row.otherwise, out.missing + row.missing)
    return out


def render_text(rows: Sequence[Figures]) -> str:
    if not rows:
        return _("No concept named in the source text.") + "\n"
    head = (_("concept"), _("named"), _("preferred"), _("otherwise"), _("missing"))
    body = [(r.concept, str(r.named), str(r.preferred), str(r.otherwise), str(r.missing)) for r in [*rows, total(rows)]]
    widths = [max(len(row[i]) for row in [head, *body]) for i in range(5)]
    lines = []
    for row in [head, *body]:
        lines.append("  ".join([row[0].ljust(widths[0])] + [cell.rjust(widths[i]) for i, cell in enumerate(row) if i]))
    return "\n".join(lines) + "\n"


def as_json(rows: Sequence[Figures]) -> dict[str, object]:
    return {"concepts": [r.as_json() for r in rows], "total": {k: v for k, v in total(rows).as_json().items() if k != "concept"}}
