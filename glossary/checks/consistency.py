"""`mixed-renderings`: one concept rendered two ways in one document."""

from __future__ import annotations

from ..fold import fold_text
from ..morph import surface
from ..model import Document, Finding, Match, Segment, Term
from ..positions import LineIndex
from ..termbase import TermBase
from . import make_finding
from .terms import explanation


def family(term: Term) -> str:
    """Terms of one family (a term and its abbreviations) are not a mix."""
    return fold_text(term.abbreviation_of or term.text)


def run(document: Document, index: LineIndex, scanned: list[tuple[Segment, str, list[Match]]],
        termbase: TermBase) -> list[Finding]:
    first: dict[tuple[str, str], Term] = {}
    # family() per term, by identity: the terms outlive this run, and hashing a
    # Term hashes every field.
    families: dict[int, str] = {}

    def family_of(term: Term) -> str:
        got = families.get(id(term))
        if got is None:
            got = families[id(term)] = family(term)
        return got

    findings = []
    for segment, lang, matches in scanned:
        by_span: dict[tuple[int, int], list[Match]] = {}
        for m in matches:
            by_span.setdefault((m.span.start, m.span.end), []).append(m)
        for group in by_span.values():
            if len(group) != 1:
                continue  # a homonym of two concepts says nothing about either
            m = group[0]
            if m.term.status.is_variant:
                continue
            key = (m.concept_id, lang)
            seen = first.setdefault(key, m.term)
            if seen is not m.term and family_of(seen) != family_of(m.term):
                findings.append(make_finding(
                    "mixed-renderings", document, segment, index, m.span, concept_id=m.concept_id,
                    suggestion=surface(seen.text), lang=lang,
                    **{**explanation(termbase.concept(m.concept_id), seen, seen),
                       "reason": termbase.concept(m.concept_id).note},
                ))
    return findings
