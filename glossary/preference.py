"""Which rendering a translator or a machine translation engine is given for a concept.

One function decides, so that the brief, the engine glossaries and the
statistics agree. Today it is the concept's first preferred rendering in the
language. A house setting that picks among renderings by publisher extends
`preferred` alone: every caller passes the term base, where such a setting lives.
"""

from __future__ import annotations

from .model import Concept, Status, Term
from .morph import surface
from .termbase import TermBase


def preferred(termbase: TermBase | None, concept: Concept, lang: str) -> Term | None:
    """The rendering to use for `concept` in `lang`, or None when the term base has none."""
    return concept.preferred(lang)


def admitted(termbase: TermBase | None, concept: Concept, lang: str) -> tuple[Term, ...]:
    """Acceptable renderings other than the one `preferred` gives."""
    chosen = preferred(termbase, concept, lang)
    return tuple(t for t in concept.terms_in(lang)
                 if not t.status.is_variant and t is not chosen)


def avoid(concept: Concept, lang: str) -> tuple[Term, ...]:
    """Deprecated and superseded renderings: never given as targets."""
    return tuple(t for t in concept.terms_in(lang) if t.status.is_variant)


def written(term: Term) -> str:
    """A term as it appears in running text (stem markers removed)."""
    return surface(term.text)


def is_usable(term: Term) -> bool:
    return term.status in (Status.PREFERRED, Status.ADMITTED)
