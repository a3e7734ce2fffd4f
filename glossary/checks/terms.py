"""`deprecated-term` and `superseded-term`: renderings to stop using."""

from __future__ import annotations

from collections.abc import Mapping

from ..morph import render
from ..model import Document, Finding, Match, Segment, Span, Status, Term
from ..positions import LineIndex
from ..termbase import TermBase
from . import make_finding
from .consistency import related
from .explain import explanation


def variant_matches(matches: list[Match]) -> list[Match]:
    """Matches of variants, one per span, where no entry of the key is acceptable.

    A folded text that is also an accepted rendering of another concept is left
    alone, and `requires_source` variants wait for a bilingual check.
    """
    out: list[Match] = []
    # Most matches are accepted renderings: note their spans and go on; only
    # spans with a variant are grouped.
    accepted: set[tuple[int, int]] = set()
    by_span: dict[tuple[int, int], list[Match]] = {}
    for m in matches:
        if m.term.status.is_variant:
            by_span.setdefault((m.span.start, m.span.end), []).append(m)
        else:
            accepted.add((m.span.start, m.span.end))
    for span, group in by_span.items():
        if span in accepted:
            continue
        usable = [m for m in group if not m.term.requires_source]
        if usable:
            out.append(usable[0])
    return out


def run(document: Document, segment: Segment, index: LineIndex, lang: str, matches: list[Match],
        termbase: TermBase, used: Mapping[tuple[str, str], Term] | None = None) -> list[Finding]:
    """`used`: the accepted rendering the document already has per (concept, language)."""
    findings = []
    for m in variant_matches(matches):
        concept = termbase.concept(m.concept_id)
        target = termbase.fix_target(concept, m.term)
        already = (used or {}).get((concept.id, lang))
        if target is not None and already is not None and already.lang == target.lang == lang \
                and not related(termbase, concept.id, lang, target, already):
            target = already
        code = "superseded-term" if m.term.status is Status.SUPERSEDED else "deprecated-term"
        extra = explanation(concept, m.term, target)
        why = str(extra.pop("reason"))
        suggestion = None
        span = m.span
        if target is not None:
            # The target in the form found: case and number, plural, script.
            rendered = render(target, m.form, segment.text[m.span.start:m.span.end], m.term,
                              segment.text[max(0, m.span.start - 8):m.span.start])
            suggestion = rendered.text
            if not rendered.fixable:
                extra["fixable"] = False
                why = f"{rendered.why}; {why}" if why else rendered.why
            if rendered.widen:  # «о проекте» -> «об инициативе»: the preposition changes too
                span = Span(m.span.start - rendered.widen, m.span.end)
        findings.append(make_finding(
            code, document, segment, index, span, concept_id=concept.id,
            suggestion=suggestion, reason=why, lang=lang, **extra,
        ))
    return findings
