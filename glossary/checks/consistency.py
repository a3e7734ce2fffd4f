"""`mixed-renderings`: one concept rendered two ways the term base does not relate.

A text that writes "Belt and Road Initiative (BRI)" and later "Belt and Road
countries", or "Luban Workshops" and "the first Luban Workshop", is consistent:
the term base relates those renderings. Two accepted renderings of a concept in
one language are related when one is the other's abbreviation (`abbreviation_of`),
when one is a whole-word part of the other (a short form), or when one is an
inflected form of the other; relation is transitive, so a concept's accepted
renderings fall into families, and only a second family in one text is a mix.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence

from ..fold import fold_text
from ..morph import surface
from ..model import Concept, Document, Finding, Match, Segment, Term
from ..positions import LineIndex
from ..termbase import TermBase
from . import Context, Flood, make_finding
from .explain import explanation



def _contains(longer: str, shorter: str) -> bool:
    return f" {shorter} " in f" {longer} "


def _inflections(term: Term, lang: str) -> set[str]:
    from ..morph import surface_variants

    return {fold_text(text) for text, _form in surface_variants(term, lang)}


def _related(a: Term, b: Term, fa: str, fb: str, lang: str, forms: dict[str, set[str]]) -> bool:
    if fa == fb or _contains(fa, fb) or _contains(fb, fa):
        return True
    for x, y in ((a, fb), (b, fa)):
        if x.abbreviation_of is not None and fold_text(x.abbreviation_of) == y:
            return True
    return fb in forms[fa] or fa in forms[fb]


def families(concept: Concept, lang: str, termbase: TermBase | None = None) -> dict[str, str]:
    """Each accepted rendering of `concept` in `lang` (folded) -> the key of its family."""
    terms = [t for t in concept.terms_in(lang) if not t.status.is_variant]
    folded = [fold_text(surface(t.text)) for t in terms]
    forms = {f: _inflections(t, lang) for t, f in zip(terms, folded)}
    if termbase is not None:
        _add_layer_forms(termbase, concept, lang, terms, folded, forms)
    parent = {f: f for f in folded}

    def root(f: str) -> str:
        while parent[f] != f:
            parent[f] = parent[parent[f]]
            f = parent[f]
        return f

    for i, (a, fa) in enumerate(zip(terms, folded)):
        for b, fb in zip(terms[i + 1:], folded[i + 1:]):
            if _related(a, b, fa, fb, lang, forms):
                parent[root(fa)] = root(fb)
    return {f: root(f) for f in folded}


def _add_layer_forms(termbase: TermBase, concept: Concept, lang: str, terms: Sequence[Term],
                     folded: Sequence[str], forms: dict[str, set[str]]) -> None:
    """Forms the token layer finds (Russian cases): a listed genitive is its nominative's form."""
    from ..morph import takes_part

    if not any(takes_part(t, lang) for t in terms):
        return
    from ..matcher import matcher_for

    matcher = matcher_for(termbase, lang)
    for term, f in zip(terms, folded):
        text = surface(term.text)
        for m in matcher.scan(text):
            if m.concept_id == concept.id and m.span.start == 0 and m.span.end == len(text) and m.form:
                other = fold_text(surface(m.term.text))
                if other != f:
                    forms[f].add(other)


def family_of(termbase: TermBase, concept_id: str, lang: str, term: Term) -> str:
    """The family key of an accepted rendering (cached per concept and language)."""
    key = fold_text(surface(term.text))
    from ..state import STATE

    known = STATE.of(termbase).families
    table = known.get((concept_id, lang))
    if table is None:
        table = known[(concept_id, lang)] = families(termbase.concept(concept_id), lang, termbase)
    return table.get(key, key)


def related(termbase: TermBase, concept_id: str, lang: str, a: Term, b: Term) -> bool:
    """Whether two accepted renderings of one concept are one family."""
    return family_of(termbase, concept_id, lang, a) == family_of(termbase, concept_id, lang, b)


def first_used(scanned: Sequence[tuple[Segment, str, list[Match]]]) -> dict[tuple[str, str], list[Term]]:
    """The accepted renderings of each concept in each language of a document, first seen first."""
    used: dict[tuple[str, str], list[Term]] = {}
    for _segment, lang, matches in scanned:
        for group in _unambiguous(matches):
            m = group[0]
            if not m.term.status.is_variant:
                seen = used.setdefault((m.concept_id, lang), [])
                if m.term not in seen:
                    seen.append(m.term)
    return used


def _unambiguous(matches: list[Match]) -> list[list[Match]]:
    by_span: dict[tuple[int, int], list[Match]] = {}
    for m in matches:
        by_span.setdefault((m.span.start, m.span.end), []).append(m)
    # A homonym of two concepts says nothing about either.
    return [g for g in by_span.values() if len(g) == 1]


def _one_sentence(text: str, x: Match, m: Match) -> bool:
    """Whether no sentence end (. ! ? and a space, or a blank line) lies between `x` and `m`.

    Looked for only between the two, never from the start of the text: a 5 MB
    text gave 0.3 s per mixed rendering when each call scanned from the start."""
    if x.span.end <= m.span.start:  # as the sentence of m reaches back to the last end before it
        return _SENTENCE_BREAK.search(text, x.span.start, m.span.start) is None
    brk = _SENTENCE_BREAK.search(text, m.span.end, x.span.end + _LOOKAHEAD)
    return brk is None or brk.start() + 1 >= x.span.end


_SENTENCE_BREAK = re.compile(r"[.!?…。！？](?=[\s\"'”’»)]*(?:\s|$))|\n\s*\n")


class _Near:
    """A segment's matches by start, so that `_glossed` reads only those within reach of one
    (every match of a 5 MB text for each mixed rendering in it was 15-20 ms of a check)."""

    __slots__ = ("matches", "starts", "longest")

    def __init__(self, matches: list[Match]) -> None:
        self.matches = sorted(matches, key=lambda x: x.span.start)
        self.starts = [x.span.start for x in self.matches]
        self.longest = max((x.span.end - x.span.start for x in self.matches), default=0)

    def around(self, m: Match) -> list[Match]:
        """The matches that can end at most _GLOSS_REACH before `m` starts or start at most that after it ends."""
        lo = bisect_left(self.starts, m.span.start - _GLOSS_REACH - self.longest)
        hi = bisect_right(self.starts, m.span.end + _GLOSS_REACH)
        return self.matches[lo:hi]


def _glossed(text: str, m: Match, near: _Near, termbase: TermBase, lang: str) -> bool:
    """Whether the sentence of `m` also gives the concept in another family of renderings, as a gloss.

    "The Belt and Road Initiative, also called the Silk Road project, ..." or
    "terrorism, separatism and extremism (the three evil forces)": one rendering
    explains the other, said by a bracket, a dash or a word ("also", "called",
    "or", «то есть») within a few words; that is no drift between renderings,
    which is what mixed-renderings reports. "X and Y" lists two and stays a mix.
    """
    mine = family_of(termbase, m.concept_id, lang, m.term)
    for x in near.around(m):
        if (x is m or x.concept_id != m.concept_id or x.term.status.is_variant
                or family_of(termbase, m.concept_id, lang, x.term) == mine):
            continue
        a, b = (x.span.end, m.span.start) if x.span.end <= m.span.start else (m.span.end, x.span.start)
        if 0 <= b - a <= _GLOSS_REACH and _GLOSS.search(text, a, b) and _one_sentence(text, x, m):
            return True
    return False


# What says that the next words explain the last ones: a bracket or a dash, or a word such as "called".
_GLOSS = re.compile(r"[(\[—–:]|\b(?:also|called|known|termed|dubbed|namely|i\.e|that is|or|meaning|"
                    r"также|или|то есть|т\. ?е|иначе|называ\w*|известн\w*)\b", re.IGNORECASE)
_GLOSS_REACH = 60  # characters between the two renderings
_LOOKAHEAD = 64  # room for a sentence end's closing quotes and space


def run(context: Context) -> list[Finding]:
    window = context.window
    if window is None:
        return in_document(context.document, context.index, context.scanned, context.termbase, context.flood)
    # A stretch of a larger document: the renderings before it are known, and only its own matches count.
    owned = [(segment, lang, [m for m in matches if window.owns(segment, m)])
             for segment, lang, matches in context.scanned]
    return in_document(context.document, context.index, owned, context.termbase, context.flood, window.first,
                       [matches for _segment, _lang, matches in context.scanned])


def in_document(document: Document, index: LineIndex, scanned: Sequence[tuple[Segment, str, list[Match]]],
                termbase: TermBase, flood: Flood | None = None,
                first: dict[tuple[str, str], Term] | None = None,
                around: Sequence[list[Match]] | None = None) -> list[Finding]:
    """`first`: the rendering each (concept, language) was first given in, carried from the text before;
    `around`: per segment, every match of it, where `scanned` holds only a window's own (a gloss may be outside)."""
    first = {} if first is None else first
    findings = []
    nears: dict[int, _Near] = {}  # per segment, made at its first mixed rendering
    for n, (segment, lang, matches) in enumerate(scanned):
        for group in _unambiguous(matches):
            m = group[0]
            if m.term.status.is_variant:
                continue
            seen = first.setdefault((m.concept_id, lang), m.term)
            if seen is not m.term and not related(termbase, m.concept_id, lang, seen, m.term):
                near = nears.get(n)
                if near is None:
                    near = nears[n] = _Near(matches if around is None else around[n])
                if _glossed(segment.text, m, near, termbase, lang):
                    continue
                if flood is not None and not flood.admit(segment, "mixed-renderings", m.concept_id, m.span, lang):
                    continue
                findings.append(make_finding(
                    "mixed-renderings", document, segment, index, m.span, concept_id=m.concept_id,
                    suggestion=surface(seen.text), lang=lang,
                    **{**explanation(termbase.concept(m.concept_id), seen, seen),
                       "reason": termbase.concept(m.concept_id).note},
                ))
    return findings
