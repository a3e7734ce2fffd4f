"""Why a finding is a finding: the note and source behind it, whole and in one sentence.

Shared by every check that names a concept, and by `glossary terms`/`explain`.
"""

from __future__ import annotations

import re

from ..model import Concept, Source, Term
from ..termbase import REASON_LIMIT


def describe_source(source: Source) -> str:
    who = ", ".join(p for p in (source.publisher, source.title) if p)
    return ", ".join(p for p in (who or source.url, source.date) if p)


def reason(concept: Concept, term: Term, target: Term | None) -> str:
    """Why: the variant's note (else the concept's) and the target's first source."""
    note = term.note or concept.note
    sources = concept.sources_for(target) if target is not None else concept.sources
    if sources:
        return f"{note} (source: {describe_source(sources[0])})" if note else f"source: {describe_source(sources[0])}"
    return note


_SENTENCE_END = re.compile(r"(?<=[.!?])[\"»”)]?\s+(?=[\"«“(]?[A-ZА-ЯЁ0-9])")


def first_sentence(text: str, limit: int = REASON_LIMIT) -> str:
    """The first sentence of a note, cut at a word before `limit` characters when longer."""
    head = _SENTENCE_END.split(text.strip(), maxsplit=1)[0] if text else ""
    if len(head) <= limit:
        return head
    cut = head.rfind(" ", 0, limit - 1)
    return head[: cut if cut > limit // 2 else limit - 1].rstrip(",;: ") + "…"


def explanation(concept: Concept, term: Term, target: Term | None) -> dict[str, object]:
    """The finding's `reason` (the whole note and first source), its one-line `brief`, every source of
    the suggestion, and the found variant's own sources (`found_sources`)."""
    sources = concept.sources_for(target) if target is not None else concept.sources
    # Strongest kind first (a primary page before a mirror); sources of no stated kind last, in order.
    ranked = sorted(sources, key=lambda s: s.kind.rank if s.kind is not None else 99)
    brief = term.reason or first_sentence(term.note)
    if not brief and term.status.is_variant:
        # Variants of one status share their reason ("One Belt, One Road Initiative" and
        # "One Belt, One Road" went out together): borrow the first sibling's.
        brief = next((first_sentence(t.reason or t.note) for t in concept.terms
                      if t.lang == term.lang and t.status is term.status and (t.reason or t.note)), "")
    # A variant's own sources say where it was seen; the suggestion's say what to write instead.
    own = term.sources if target is not None and term is not target and term.status.is_variant else ()
    return {
        "reason": reason(concept, term, target),
        "brief": brief or first_sentence(concept.note),
        "sources": tuple(ranked),
        "found_sources": tuple(sorted(own, key=lambda s: s.kind.rank if s.kind is not None else 99)),
    }
