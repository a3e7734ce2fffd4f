"""Which rendering a translator or a machine translation engine is given for a concept.

One function decides, so that the brief, the engine glossaries and the
statistics agree: the concept's first preferred rendering in the language of
the term base as the project sees it. A project with a house publisher
(`prefer = "xinhua"` in its settings, glossary.house) sees that publisher's
renderings as preferred; `house_style` gives the brief and the exports that
view, as the runner gives it to `check`.
"""

from __future__ import annotations

from .model import Concept, Status, Term
from .morph import surface
from .termbase import TermBase


def house_style(termbase: TermBase, where: str = ".", config_file: str | None = None,
                isolated: bool = False) -> TermBase:
    """`termbase` with the house publisher of the settings nearest to `where` preferred (unchanged without one)."""
    from . import config, house

    cfg = config.resolve(where, config_file, isolated)
    if cfg.prefer is None:
        return termbase
    known = house.publishers(termbase)
    if cfg.prefer not in known:
        raise config.ConfigError(
            f'"prefer": no term of the term base is recorded as used by "{cfg.prefer}" '
            f'(known: {", ".join(sorted(known)) or "none"})', cfg.path)
    return house.apply(termbase, cfg.prefer)


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
