"""House style: a project that follows one publisher gets that publisher's renderings as preferred.

Where official publishers differ (Xinhua writes «Пояс и путь», the foreign
ministry's Russian pages «Один пояс, один путь»), the term base records who
uses what (`used_by:` on a term) and stays neutral: both are accepted and one
is preferred. A project naming its house publisher (`prefer = "xinhua"` in
[tool.glossary]) gets, in each concept and language where that publisher is
recorded, its rendering as the preferred one and every rendering recorded only
for other publishers as a variant fixed to it. Concepts and languages where the
house publisher is not recorded are left as they are.
"""

from __future__ import annotations

from dataclasses import replace

from .cache import sha256
from .errors import TermBaseErrors
from .model import Concept, Status, Term
from .termbase import TermBase, consistency_errors


def publishers(tb: TermBase) -> frozenset[str]:
    """Every publisher some term's `used_by` names."""
    return frozenset(name for c in tb.concepts for t in c.terms for name in t.used_by)


def _restyle(terms: tuple[Term, ...], publisher: str) -> tuple[Term, ...]:
    """One language's terms with the house publisher's first accepted rendering preferred."""
    house = next((t for t in terms if publisher in t.used_by and not t.status.is_variant), None)
    if house is None:
        return terms
    demoted: set[str] = set()
    out: list[Term] = []
    for term in terms:
        if term is house:
            term = replace(term, status=Status.PREFERRED)
        elif term.status.is_variant or publisher in term.used_by:
            pass
        elif term.used_by:
            demoted.add(term.text)
            term = replace(term, status=Status.DEPRECATED, fix_to=house.text)
        elif term.status is Status.PREFERRED:
            term = replace(term, status=Status.ADMITTED)
        out.append(term)
    # A variant that was fixed to a rendering now demoted is fixed to the house one.
    return tuple(replace(t, fix_to=house.text) if t.status.is_variant and t.fix_to in demoted else t for t in out)


def _restyle_concept(concept: Concept, publisher: str) -> Concept:
    if not any(publisher in t.used_by for t in concept.terms):
        return concept
    by_lang = {lang: _restyle(concept.terms_in(lang), publisher) for lang in concept.langs}
    # Keep the file's order of terms across languages.
    position = {lang: 0 for lang in by_lang}
    terms = []
    for term in concept.terms:
        terms.append(by_lang[term.lang][position[term.lang]])
        position[term.lang] += 1
    return replace(concept, terms=tuple(terms))


def apply(tb: TermBase, publisher: str | None) -> TermBase:
    """The term base as seen by a project whose house publisher is `publisher` (None: neutral)."""
    if not publisher:
        return tb
    concepts = tuple(_restyle_concept(c, publisher) for c in tb.concepts)
    errors = consistency_errors(concepts)
    if errors:
        raise TermBaseErrors(errors)
    # The digest keys the compiled matchers: the restyled base must not share them.
    digest = sha256(f"{tb.digest}\0prefer={publisher}".encode()).hexdigest()
    return replace(tb, concepts=concepts, digest=digest)
