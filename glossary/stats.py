"""Coverage figures of a term base, for people and for machines.

A language's coverage is the share of concepts with a preferred rendering in
it; `sourced` is the share of preferred renderings that carry evidence (a
source of their own, or a concept source whose `langs` names their language).
Chinese preferred terms are the source terms and need no evidence to be used,
but they are counted like the rest so that the figure stays the one the issue
defines; `sourced_renderings` gives the share without them.
`primary_or_official` is the share of preferred renderings outside Chinese
backed by at least one primary or official-reprint source: how much of the
base rests on the issuer's own wording rather than on copies and reports.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from .i18n import _
from .model import Status
from .termbase import TermBase

# Languages the project cares about, in the order reports list them.
LANG_ORDER = ("zh", "zh-Hant", "en", "ru", "kk", "uz", "uz-Cyrl", "ky", "tg", "tk")
DIGITS = 4


def lang_key(lang: str) -> tuple[int, str]:
    """Sort known languages in project order, others alphabetically after them."""
    return (LANG_ORDER.index(lang), "") if lang in LANG_ORDER else (len(LANG_ORDER), lang)


@dataclass(frozen=True, slots=True)
class Stats:
    """Coverage figures of a term base, as `glossary stats` reports them."""

    concepts: int
    terms: tuple[tuple[str, int], ...]
    coverage: tuple[tuple[str, float], ...]
    sourced: float
    sourced_renderings: float
    preferred: int
    primary_or_official: float = 0.0

    def as_json(self) -> dict[str, object]:
        """The machine contract: concepts, terms, coverage, sourced, primary_or_official."""
        return {
            "concepts": self.concepts,
            "terms": dict(self.terms),
            "coverage": dict(self.coverage),
            "sourced": self.sourced,
            "primary_or_official": self.primary_or_official,
        }


def share(part: int, whole: int) -> float:
    return round(part / whole, DIGITS) if whole else 0.0


def compute(tb: TermBase) -> Stats:
    counts: dict[str, int] = {}
    covered: dict[str, int] = {}
    preferred = sourced = non_source_lang = non_source_sourced = official = 0
    for concept in tb.concepts:
        for lang in concept.langs:
            counts[lang] = counts.get(lang, 0) + len(concept.terms_in(lang))
            if concept.preferred(lang) is not None:
                covered[lang] = covered.get(lang, 0) + 1
        for term in concept.terms:
            if term.status is not Status.PREFERRED:
                continue
            sources = concept.sources_for(term)
            preferred += 1
            sourced += bool(sources)
            if term.lang.split("-")[0] != "zh":
                non_source_lang += 1
                non_source_sourced += bool(sources)
                official += any(s.kind is not None and s.kind.is_official for s in sources)
    langs = sorted(counts, key=lang_key)
    n = len(tb.concepts)
    return Stats(
        concepts=n,
        terms=tuple((lang, counts[lang]) for lang in langs),
        coverage=tuple((lang, share(covered.get(lang, 0), n)) for lang in langs),
        sourced=share(sourced, preferred),
        sourced_renderings=share(non_source_sourced, non_source_lang),
        preferred=preferred,
        primary_or_official=share(official, non_source_lang),
    )


def render_json(stats: Stats) -> str:
    return json.dumps(stats.as_json(), ensure_ascii=False, indent=2) + "\n"


def percent(value: float) -> str:
    return f"{value * 100:.1f}%"


def render_text(stats: Stats) -> str:
    """A small table: per language, terms and coverage; then the sourced shares."""
    coverage = dict(stats.coverage)
    rows = [(_("language"), _("terms"), _("coverage"))]
    rows += [(lang, str(n), percent(coverage[lang])) for lang, n in stats.terms]
    widths = [max(len(r[i]) for r in rows) for i in range(3)]
    lines = [_("{concepts} concepts, {preferred} preferred renderings").format(
        concepts=stats.concepts, preferred=stats.preferred)]
    for row in rows:
        lines.append(f"{row[0]:<{widths[0]}}  {row[1]:>{widths[1]}}  {row[2]:>{widths[2]}}")
    lines.append(_("sourced: {all} of preferred renderings ({renderings} of those outside Chinese)").format(
        all=percent(stats.sourced), renderings=percent(stats.sourced_renderings)))
    lines.append(_("backed by a primary or official-reprint source: {share} of preferred renderings outside Chinese").format(
        share=percent(stats.primary_or_official)))
    return "\n".join(lines) + "\n"
