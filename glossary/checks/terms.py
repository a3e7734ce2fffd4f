"""`deprecated-term` and `superseded-term`: renderings to stop using."""

from __future__ import annotations

from collections.abc import Mapping

from ..case import keep_case, sentence_initial
from ..fold import fold_text
from ..langtags import base_language
from ..morph import render
from ..model import Concept, Document, Finding, Match, Segment, Span, Status, Term
from ..positions import LineIndex
from ..termbase import TermBase
from . import Context, Flood, make_finding
from .consistency import first_used, related
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


def run(context: Context) -> list[Finding]:
    """Variants in every segment; a fix writes the rendering the text already uses when the default
    target is of another family: a fixed text must not mix renderings."""
    from .variants import by_segment

    window = context.window
    used = window.used if window is not None and window.used is not None else first_used(context.scanned)
    findings: list[Finding] = []
    for (segment, lang, matches), (found, _rendered) in zip(context.scanned, by_segment(context)):
        listed = in_segment(context.document, segment, context.index, lang, matches, context.termbase, used,
                            context.flood)
        if found:  # a listed variant inside a longer unlisted one is part of it (leftmost-longest)
            listed = [f for f in listed
                      if not any(v.span.start <= f.span.start and f.span.end <= v.span.end for v in found)]
        findings.extend(listed)
    return findings


def fix_target(termbase: TermBase, concept: Concept, term: Term, lang: str,
               used: Mapping[tuple[str, str], list[Term]] | None) -> Term | None:
    """The rendering a fix of `term` writes: the default target, unless the text uses renderings of the
    concept and none of them is of the target's family; then the first of them (a fixed text must not mix).

    `used` may instead have `settle(key, target)`, which gives as much of the list as decides it
    (glossary.chunks, which does not hold the whole text).
    """
    target = termbase.fix_target(concept, term)
    if target is None or target.lang != lang:
        return target
    key = (concept.id, lang)
    settle = getattr(used, "settle", None)
    found = settle(key, target) if settle is not None else (used or {}).get(key, ())
    already = [t for t in found if t.lang == lang]
    if already and not any(related(termbase, concept.id, lang, target, t) for t in already):
        return already[0]  # the default target would start a mix: write the text's own rendering
    return target


def variant_named(concept: Concept, lang: str, text: str) -> Term | None:
    """The variant of `concept` that `text` spells (after folding), if any."""
    key = fold_text(text)
    for term in concept.terms_in(lang):
        if term.status.is_variant and fold_text(term.text) == key:
            return term
    return None


def in_segment(document: Document, segment: Segment, index: LineIndex, lang: str, matches: list[Match],
               termbase: TermBase, used: Mapping[tuple[str, str], list[Term]] | None = None,
               flood: Flood | None = None) -> list[Finding]:
    """`used`: the accepted rendering the document already has per (concept, language)."""
    findings = []
    notes: list[tuple[Span, str, str]] = []
    for m in variant_matches(matches):
        code = "superseded-term" if m.term.status is Status.SUPERSEDED else "deprecated-term"
        if flood is not None and not flood.admit(segment, code, m.concept_id, m.span, lang):
            continue
        concept = termbase.concept(m.concept_id)
        target = fix_target(termbase, concept, m.term, lang, used)
        extra = explanation(concept, m.term, target)
        why = str(extra.pop("reason"))
        suggestion = None
        span = m.span
        if target is not None:
            # The target in the form found: case and number, plural, script.
            found = segment.text[m.span.start:m.span.end]
            before = segment.text[max(0, m.span.start - 8):m.span.start]
            form = m.form
            if len(form) > 1 and base_language(lang) == "ru" and found[:1].isalpha():
                from ..morph.russian import after_noun

                form = tuple(after_noun(form, segment.text, m.span.start))
            rendered = render(target, form, found, m.term, before)
            again = variant_named(concept, lang, rendered.text)
            if again is not None:  # "strategies" -> "Initiatives", itself deprecated: write its target
                target = termbase.fix_target(concept, again) or target
                rendered = render(target, (), found, m.term, before)
            if rendered.widen:  # «о проекте» -> «об инициативе»: the preposition changes too
                span = Span(m.span.start - rendered.widen, m.span.end)
            # The suggestion is exactly what `fix` writes, case included.
            suggestion = keep_case(segment.text[span.start:span.end], rendered.text,
                                   sentence_initial(segment.text, span.start), m.term.text)
            if not rendered.fixable:
                extra["fixable"] = False
                why = f"{rendered.why}; {why}" if why else rendered.why
            elif base_language(lang) == "en":
                # The article before and the auxiliary after change with the fix.
                from ..grammar import english

                around = english(segment.text, span.start, span.end, segment.text[span.start:span.end],
                                 suggestion, target.article == "none")
                span = Span(span.start - around.before, span.end + around.after)
                suggestion = around.prefix + suggestion + around.suffix
                if around.unsure:
                    notes.append((span, suggestion, around.unsure))
        findings.append(make_finding(
            code, document, segment, index, span, concept_id=concept.id,
            suggestion=suggestion, reason=why, lang=lang, **extra,
        ))
        for note_span, written, unsure in notes:
            findings.append(make_finding("check-grammar", document, segment, index, note_span,
                                         concept_id=concept.id, suggestion=written, reason=unsure, lang=lang))
        notes.clear()
    return findings
