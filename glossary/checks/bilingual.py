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
from collections.abc import Sequence
from dataclasses import replace

from ..i18n import _, ngettext
from ..langtags import base_language
from ..model import Document, Finding, Match, Segment, Severity, Span, Status
from ..positions import LineIndex
from ..termbase import TermBase
from . import Context, Options, make_finding


def _dictionary_form() -> str:
    """The note that a Russian suggestion is in the nominative, in the UI language."""
    return _("the suggestion is the dictionary form (nominative): inflect it to fit the sentence")


def _per_span(matches: list[Match]) -> dict[tuple[int, int], list[Match]]:
    by_span: dict[tuple[int, int], list[Match]] = {}
    for m in matches:
        by_span.setdefault((m.span.start, m.span.end), []).append(m)
    return by_span


def _has_ascii_key(termbase: TermBase, lang: str, matcher) -> bool:  # type: ignore[no-untyped-def]
    """Whether the language's matcher has a key in ASCII (kept per term base and language)."""
    from ..state import STATE

    known = STATE.of(termbase).ascii_keys
    if lang not in known:
        known[lang] = any(k.isascii() for k in matcher.keys)
    return known[lang]


def _count(matches: list[Match]) -> Counter[str]:
    """How many times each concept is named: once per span, even for a homonym of two concepts."""
    counts: Counter[str] = Counter()
    for group in _per_span(matches).values():
        for concept_id in {m.concept_id for m in group}:
            counts[concept_id] += 1
    return counts


def run(context: Context) -> list[Finding]:
    from .variants import by_segment

    made = by_segment(context)
    unlisted = [rendered for _found, rendered in made]
    spans = [[f.span for f in found] for found, _rendered in made]
    return in_document(context.document, context.index, context.scanned, context.termbase, context.options, unlisted,
                       spans)


def in_document(document: Document, index: LineIndex, scanned: Sequence[tuple[Segment, str, list[Match]]],
                termbase: TermBase, options: Options, unlisted: list[Counter[str]] | None = None,
                unlisted_spans: list[list[Span]] | None = None) -> list[Finding]:
    """Every bilingual finding: each segment that has a source in another language, against its source."""
    from ..script import guess_lang

    findings: list[Finding] = []
    for number, (segment, lang, matches) in enumerate(scanned):
        if segment.source_text is None or not segment.source_text.strip() or not segment.text.strip():
            continue
        source_lang = options.source_lang or segment.source_lang or guess_lang(segment.source_text)
        if source_lang != lang:
            extra = unlisted[number] if unlisted is not None and number < len(unlisted) else None
            spans = unlisted_spans[number] if unlisted_spans is not None and number < len(unlisted_spans) else []
            findings.extend(_in_segment(document, index, segment, lang, matches, source_lang, termbase, extra,
                                        spans, "unlisted-variant" not in options.disable))
    return findings


def _in_segment(document: Document, index: LineIndex, segment: Segment, lang: str, matches: list[Match],
                source_lang: str, termbase: TermBase, unlisted: Counter[str] | None = None,
                unlisted_spans: Sequence[Span] = (), locate: bool = True) -> list[Finding]:
    from ..matcher import matcher_for

    source_matcher = matcher_for(termbase, source_lang)
    source_matches = source_matcher.scan(segment.source_text or "")
    if not source_matches:
        return []
    named = _count(source_matches)
    # A target wholly in ASCII cannot hold a source term that has none (Han in English).
    could_hold = not segment.text.isascii() or _has_ascii_key(termbase, source_lang, source_matcher)
    left = [m for m in source_matcher.scan(segment.text) if m.concept_id in named] if could_hold else []
    rendered = _count(matches)
    if unlisted:
        rendered.update(unlisted)  # reported as unlisted-variant at its own span
    where = (document, index, segment, lang, termbase)
    taken = [m.span for m in matches] + [m.span for m in left] + list(unlisted_spans)
    glosses: list[Finding] = []
    if left:
        left, glosses = _glosses(where, left, matches, unlisted_spans, taken if locate else None)
        rendered.update(f.concept_id for f in glosses if f.concept_id)
    rendered.update(_count(left))
    return (_untranslated(where, left) + glosses + _variants_of_named(where, matches, named)
            + _missing(where, source_matches, named, rendered, taken if locate else None))


def _glosses(where: tuple, left: list[Match], matches: list[Match], unlisted_spans: Sequence[Span],  # type: ignore[type-arg]
             taken: list[Span] | None) -> tuple[list[Match], list[Finding]]:
    """The source terms left in the target that gloss the words before them in brackets, taken out of `left`.

    "Belt and Road Initiative (一带一路)": the source term explains a rendering,
    it is no untranslated term. "new quality development (新质生产力)": the words
    it explains render the concept, in words no rendering lists; they are the
    `unlisted-variant` (when one of them fills a slot of the concept's signature).
    """
    from . import located
    from .variants import describe, suggest

    document, index, segment, lang, termbase = where
    text = segment.text
    kept: list[Match] = []
    found: list[Finding] = []
    for group in _per_span(left).values():
        m = group[0]
        end = located.bracketed(text, m.span)
        if end is None:
            kept.extend(group)
            continue
        if any(x.concept_id == m.concept_id and x.span.end == end for x in matches) or any(
                s.end == end for s in unlisted_spans):
            continue  # the gloss of a rendering
        sig = located.signature(termbase, lang, m.concept_id) if taken is not None else None
        hit = located.glossed(sig, text, end, taken) if sig is not None else None
        if hit is None:
            kept.extend(group)
            continue
        source_term = text[m.span.start:m.span.end]
        suggestion, _renderable, why, span = suggest(hit, text)
        reason = f"the source names {source_term}; " + describe(hit, text) + (f"; {why}" if why else "")
        found.append(make_finding("unlisted-variant", document, segment, index, span, concept_id=m.concept_id,
                                  suggestion=suggestion, lang=lang, source_term=source_term, reason=reason,
                                  fixable=False))
        taken.append(span)  # type: ignore[union-attr]
    return kept, found


def _untranslated(where: tuple, left: list[Match]) -> list[Finding]:  # type: ignore[type-arg]
    """`untranslated-term`: a source-language term the source names, left in the translation."""
    from .explain import explanation

    document, index, segment, lang, termbase = where
    findings = []
    for group in _per_span(left).values():
        m = group[0]
        concept = termbase.concept(m.concept_id)
        preferred = concept.preferred(lang)
        if preferred is not None:
            findings.append(make_finding(
                "untranslated-term", document, segment, index, m.span, concept_id=concept.id,
                suggestion=preferred.text, lang=lang, **explanation(concept, preferred, preferred)))
    return findings


def _variants_of_named(where: tuple, matches: list[Match], named: Counter[str]) -> list[Finding]:  # type: ignore[type-arg]
    """Variants that are wrong only as the rendering of what the source names (`requires_source`)."""
    from .explain import explanation

    document, index, segment, lang, termbase = where
    findings = []
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
    return findings


def _missing(where: tuple, source_matches: list[Match], named: Counter[str],  # type: ignore[type-arg]
             rendered: Counter[str], taken: list[Span] | None = None) -> list[Finding]:
    """`missing-term`: the source names a concept more often than the translation renders it.

    Before that, the target is searched for the concept in words no rendering
    lists (`located`): a paraphrase filling its required slots or its initials is
    an `unlisted-variant` at its span and counts as a rendering (unless the code
    is disabled: `taken` is None). A Russian missing-term's suggestion is in the
    form of the head noun the target names alone, when that form is clear;
    otherwise it is the dictionary form (nominative), and the reason says so.
    """
    from . import located
    from .explain import explanation

    document, index, segment, lang, termbase = where
    source_text = segment.source_text or ""
    first_text: dict[str, str] = {}
    for m in source_matches:
        first_text.setdefault(m.concept_id, source_text[m.span.start:m.span.end])
    whole = Span(0, len(segment.text))
    findings = []
    for concept_id, times in named.items():
        concept = termbase.concept(concept_id)
        preferred = concept.preferred(lang)
        have = rendered.get(concept_id, 0)
        if preferred is None or have >= times:
            continue
        sig = located.signature(termbase, lang, concept_id) if taken is not None else None
        if sig is not None:
            assert taken is not None
            got = _located(where, concept, sig, first_text[concept_id], taken)
            if got is not None:
                found, span = got
                if found is not None:
                    findings.append(found)
                taken.append(span)
                have += 1
                if have >= times:
                    continue
        # TRANSLATORS: {times} is "2 times" or "3 times" (how often the source names the concept).
        why = (ngettext("the source names it {times}, the translation renders it {n} time",
                        "the source names it {times}, the translation renders it {n} times", have).format(
            times=ngettext("{n} time", "{n} times", times).format(n=times), n=have)
            if have else _("the translation does not render it"))
        suggestion = preferred.text
        if sig is not None and sig.lang == "ru" and not have:
            form = located.head_form(sig, segment.text, taken or [])
            if form is not None:
                suggestion = form[0]
                why += "; " + _("the suggestion is in the form of «{word}», which stands for it").format(word=form[1])
            else:
                why += "; " + _dictionary_form()
        elif base_language(lang) == "ru" and not have:
            why += "; " + _dictionary_form()
        finding = make_finding(
            "missing-term", document, segment, index, whole, concept_id=concept_id,
            suggestion=suggestion, lang=lang, source_term=first_text[concept_id],
            **{**explanation(concept, preferred, preferred), "reason": why, "brief": why})
        findings.append(replace(finding, severity=Severity.ERROR if have == 0 else Severity.WARNING))
    return findings


def _located(where: tuple, concept, sig, source_term: str,  # type: ignore[no-untyped-def, type-arg]
             taken: list[Span]) -> tuple[Finding | None, Span] | None:
    """Where the target renders the concept in a paraphrase or by initials: the `unlisted-variant` (None
    when the words are the preferred rendering inflected) and the span; None when nothing is found."""
    from . import located
    from .variants import describe, suggest

    document, index, segment, lang, termbase = where
    text = segment.text
    got = located.paraphrase(sig, text, taken)
    if got is not None:
        hit, others = got
        suggestion, renderable, why, span = suggest(hit, text)
        if suggestion.casefold() == text[span.start:span.end].casefold():
            return None, span  # the preferred rendering, inflected: a rendering, no finding
        reason = (f"the source names {source_term}; " + describe(hit, text)
                  + ("; other words in between: a paraphrase" if others else "") + (f"; {why}" if why else ""))
        return make_finding("unlisted-variant", document, segment, index, span, concept_id=concept.id,
                            suggestion=suggestion, lang=lang, source_term=source_term, reason=reason,
                            fixable=False), span
    span = located.initials(sig, text, taken)
    if span is None:
        return None
    own = next((t.text for t in concept.terms if base_language(t.lang) == base_language(lang) and t.abbreviation_of
                and not t.status.is_variant), None)
    preferred = concept.preferred(lang)
    write = own or (preferred.text if preferred is not None else None)
    found = text[span.start:span.end]
    return make_finding("unlisted-variant", document, segment, index, span, concept_id=concept.id,
                        suggestion=write, lang=lang, source_term=source_term, fixable=False,
                        reason=f"the source names {source_term}; «{found}» reads as the initials of "
                               f"{concept.id}, which lists no such abbreviation"
                               + ("" if own or base_language(lang) != "ru" else "; " + _dictionary_form())
                        ), span
