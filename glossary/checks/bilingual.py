"""`missing-term` and `untranslated-term`: a translation checked against its source.

For each segment with a source text, the source is scanned in the source
language. Every concept it names must be rendered in the target as often as the
source names it: none at all is an error, fewer is a warning (two mentions in
the source and one in the target usually means a sentence lost its term). A
rendering in a deprecated or superseded form counts as a rendering here, since
`deprecated-term` already reports it, and so does a source term left as it is,
which is reported as `untranslated-term` at its own span, and so does an
unlisted variant found by the concept's signature (`unlisted-variant`, at its
span). Concepts without a
rendering in the target language are not checked.

Variants marked `requires_source` (renderings wrong only as a translation of
the concept, such as a common phrase that is also a calque) are reported here,
when the source names their concept.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

from ..model import Document, Finding, Match, Segment, Severity, Span, Status
from ..positions import LineIndex
from ..termbase import TermBase
from . import Options, make_finding


def _per_span(matches: list[Match]) -> dict[tuple[int, int], list[Match]]:
    by_span: dict[tuple[int, int], list[Match]] = {}
    for m in matches:
        by_span.setdefault((m.span.start, m.span.end), []).append(m)
    return by_span


_ASCII_KEYS: dict[int, bool] = {}


def _has_ascii_key(matcher) -> bool:  # type: ignore[no-untyped-def]
    key = id(matcher)
    if key not in _ASCII_KEYS:
        _ASCII_KEYS[key] = any(k.isascii() for k in matcher.keys)
    return _ASCII_KEYS[key]


def _count(matches: list[Match]) -> Counter[str]:
    """How many times each concept is named: once per span, even for a homonym of two concepts."""
    counts: Counter[str] = Counter()
    for group in _per_span(matches).values():
        for concept_id in {m.concept_id for m in group}:
            counts[concept_id] += 1
    return counts


def run(document: Document, index: LineIndex, scanned: list[tuple[Segment, str, list[Match]]],
        termbase: TermBase, options: Options, unlisted: list[Counter[str]] | None = None) -> list[Finding]:
    from ..matcher import matcher_for
    from ..script import guess_lang
    from .explain import explanation

    findings: list[Finding] = []
    for number, (segment, lang, matches) in enumerate(scanned):
        if segment.source_text is None or not segment.source_text.strip() or not segment.text.strip():
            continue
        source_lang = options.source_lang or segment.source_lang or guess_lang(segment.source_text)
        if source_lang == lang:
            continue
        source_matcher = matcher_for(termbase, source_lang)
        source_matches = source_matcher.scan(segment.source_text)
        if not source_matches:
            continue
        named = _count(source_matches)
        first_text = {}
        for m in source_matches:
            first_text.setdefault(m.concept_id, segment.source_text[m.span.start:m.span.end])
        rendered = _count(matches)
        if unlisted is not None and number < len(unlisted):
            rendered.update(unlisted[number])  # reported as unlisted-variant at its own span

        # A target wholly in ASCII cannot hold a source term that has none (Han in English).
        could_hold = not segment.text.isascii() or _has_ascii_key(source_matcher)
        left = [m for m in source_matcher.scan(segment.text) if m.concept_id in named] if could_hold else []
        for group in _per_span(left).values():
            m = group[0]
            concept = termbase.concept(m.concept_id)
            preferred = concept.preferred(lang)
            if preferred is None:
                continue
            findings.append(make_finding(
                "untranslated-term", document, segment, index, m.span, concept_id=concept.id,
                suggestion=preferred.text, lang=lang, **explanation(concept, preferred, preferred)))
        rendered.update(_count(left))

        for group in _per_span(matches).values():
            for m in group:
                if m.term.requires_source and m.term.status.is_variant and m.concept_id in named:
                    concept = termbase.concept(m.concept_id)
                    target = termbase.fix_target(concept, m.term)
                    code = "superseded-term" if m.term.status is Status.SUPERSEDED else "deprecated-term"
                    findings.append(make_finding(
                        code, document, segment, index, m.span, concept_id=concept.id,
                        suggestion=target.text if target else None, lang=lang,
                        **explanation(concept, m.term, target)))
                    break

        whole = Span(0, len(segment.text))
        for concept_id, times in named.items():
            concept = termbase.concept(concept_id)
            preferred = concept.preferred(lang)
            if preferred is None:
                continue
            have = rendered.get(concept_id, 0)
            if have >= times:
                continue
            why = (f"the source names it {times} times, the translation renders it {have} "
                   f"{'time' if have == 1 else 'times'}") if have else "the translation does not render it"
            finding = make_finding(
                "missing-term", document, segment, index, whole, concept_id=concept_id,
                suggestion=preferred.text, lang=lang, source_term=first_text[concept_id],
                **{**explanation(concept, preferred, preferred), "reason": why, "brief": why})
            findings.append(replace(finding, severity=Severity.ERROR if have == 0 else Severity.WARNING))
    return findings
