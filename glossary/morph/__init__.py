"""Inflection and script variants: a layer over the surface matcher.

The surface matcher finds terms as written (after folding). This package adds,
per language, what it cannot see:

- English (`english`): plural and possessive of a term's last noun, spelled
  out once and added to the same automaton as extra surface keys;
- Chinese (`hant`): Traditional spellings of Simplified terms and back, also
  extra surface keys;
- Russian (`russian`): terms in any case and number, found by lemma sequences
  with agreement checked;
- Kazakh, Uzbek, Kyrgyz, Tajik, Turkmen (`stems`): stem-marked terms
  (`бастама|сы`) matching any suffix.

Every match made through this layer carries form tags (`Match.form`), and
`render` writes a fix target in the same form: the same case and number, the
plural or possessive, the same script. When that cannot be decided, `render`
says why and the finding is reported without a fix.

Dispatch is by table: a language (its base subtag) names the module that
gives its extra surface keys (`surface_variants(term, lang)`) or its
token-level layer (`takes_part(term)`, `Scanner`, `layer_hits(scanner,
text)`); a form tag's prefix names the module that writes a target in that
form (`render(citation, tags, found, source)`), and `ADJUST` names the
module that changes the text around a fix (Russian «о»/«об»). Each module is imported on
first use, so an English check never loads the Russian analyser.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from importlib import import_module
from types import ModuleType

from ..langtags import base_language
from ..model import Term

TYPE_CHECKING = False  # typing's own flag, without importing typing (see glossary/__init__.py)
if TYPE_CHECKING:
    from typing import Any

SurfaceVariant = tuple[str, tuple[str, ...]]
Entry = tuple[str, Term, tuple[str, ...]]  # concept id, term, form tags

# base language -> the module adding surface keys to its automaton
SURFACE = {"en": "english", "zh": "hant"}
# base language -> the module matching its terms word by word
LAYERS = {"ru": "russian", "kk": "stems", "uz": "stems", "ky": "stems", "tg": "stems", "tk": "stems"}
# form tag prefix ("ru:gent,sing,same") -> the module that writes a target in that form
FORMS = {"ru": "russian", "zh": "hant", "en": "english"}
# base language of a fix target -> the module that adjusts the text around the fix
ADJUST = {"ru": "russian"}


def _module(name: str) -> ModuleType:
    return import_module(f"{__name__}.{name}")


def _layer_module(lang: str) -> ModuleType | None:
    name = LAYERS.get(base_language(lang))
    return _module(name) if name is not None else None


def surface_variants(term: Term, lang: str) -> tuple[SurfaceVariant, ...]:
    """Extra surface spellings of `term` for a matcher of `lang`, with form tags.

    Terms in another language than `lang` give variants only when they are the
    other script of Chinese (a `zh` term in a `zh-Hant` matcher, and back).
    """
    name = SURFACE.get(base_language(lang))
    return _module(name).surface_variants(term, lang) if name is not None else ()


def takes_part(term: Term, lang: str) -> bool:
    """Whether `term` is matched by a layer of `lang` rather than as written only."""
    if term.lang != lang:
        return False
    module = _layer_module(lang)
    return module is not None and bool(module.takes_part(term))


def surface(text: str) -> str:
    """A term as written in running text (stem markers removed)."""
    from .markers import surface as strip

    return strip(text)


@dataclass(frozen=True, slots=True)
class LayerHit:
    """Terms found over one span of the scanned text, with their form tags."""

    start: int
    end: int
    entries: tuple[Entry, ...]


TermOutline = tuple[str, str, bool]  # a layer term's concept id, text and whether it is a variant


class Layer:
    """The token-level matchers of one language (Russian lemmas, stem markers)."""

    def __init__(self, lang: str, terms: Iterable[tuple[str, Term]]) -> None:
        """`terms`: (concept id, term) pairs; a sequence with an `outline` (glossary.flat.LayerTerms)
        builds the scanners from that alone, and its Terms are read as hits ask for them."""
        self.module = _layer_module(lang)  # imported only for its own languages
        self.scanner: Any = None
        self._terms: Sequence[tuple[str, Term]] = terms if hasattr(terms, "outline") else list(terms)  # type: ignore[assignment]
        if self.module is not None:
            outline: Sequence[TermOutline] = getattr(self._terms, "outline", None) or outlines(self._terms)
            # Each scanner's payload is (concept id, the term's position): the Term is looked up per hit.
            payloads = ((text, (cid, i)) for i, (cid, text, _) in enumerate(outline))
            if getattr(self.module, "WRITES_FIXES", False):
                self.scanner = self.module.Scanner(payloads, fixes_of(outline))
            else:
                self.scanner = self.module.Scanner(payloads)

    def __bool__(self) -> bool:
        return bool(self.scanner)

    def scan(self, text: str) -> list[LayerHit]:
        """Hits in `text` (folded), each span once, with all terms found there."""
        if not self.scanner:
            return []
        terms = self._terms
        return [LayerHit(hit.start, hit.end, tuple((cid, terms[i][1], tags) for cid, i, tags in hit.entries))
                for hit in self.module.layer_hits(self.scanner, text)]  # type: ignore[union-attr]


def outlines(terms: Iterable[tuple[str, Term]]) -> list[TermOutline]:
    """What a layer is built from: each term's concept id, text and whether it is a variant."""
    return [(cid, t.text, t.status.is_variant) for cid, t in terms]


def fixes(terms: Sequence[tuple[str, Term]]) -> list[tuple[str, str]]:
    """(target, replaced term) of every fix the terms of one language can make: each variant to each
    accepted term of its concept, and each accepted term to itself (a signature's fix)."""
    return fixes_of(outlines(terms))


def fixes_of(outline: Iterable[TermOutline]) -> list[tuple[str, str]]:
    """`fixes` of the terms outlined (`outlines`)."""
    by_concept: dict[str, list[tuple[str, bool]]] = {}
    for cid, text, variant in outline:
        by_concept.setdefault(cid, []).append((text, variant))
    pairs: list[tuple[str, str]] = []
    for group in by_concept.values():
        accepted = [text for text, variant in group if not variant]
        pairs.extend((a, a) for a in accepted)
        pairs.extend((a, text) for text, variant in group if variant for a in accepted)
    return pairs


def merge(surface_hits: Sequence[tuple[int, int, Sequence[Entry]]], layer_hits: Sequence[LayerHit]) -> list[tuple[int, int, list[Entry]]]:
    """Leftmost-longest over both kinds of hit; on one span, one entry per concept.

    Per concept an accepted rendering beats a variant (as in the checks), and a
    layer entry beats a surface one, because it carries the form.
    """
    spans: dict[tuple[int, int], list[tuple[int, Entry]]] = {}
    for start, end, entries in surface_hits:
        spans.setdefault((start, end), []).extend((1, e) for e in entries)
    for hit in layer_hits:
        spans.setdefault((hit.start, hit.end), []).extend((0, e) for e in hit.entries)
    out: list[tuple[int, int, list[Entry]]] = []
    reach = 0
    for (start, end) in sorted(spans, key=lambda s: (s[0], -s[1])):
        if start < reach:
            continue
        best: dict[str, tuple[tuple[int, int, int], Entry]] = {}
        for order, (rank, entry) in enumerate(spans[(start, end)]):
            score = (int(entry[1].status.is_variant), rank, order)
            if entry[0] not in best or score < best[entry[0]][0]:
                best[entry[0]] = (score, entry)
        out.append((start, end, [e for _, e in best.values()]))
        reach = end
    return out


@dataclass(frozen=True, slots=True)
class Rendered:
    """A fix target written in the found form; `fixable` False when undecided."""

    text: str
    fixable: bool = True
    why: str = ""
    widen: int = 0  # characters before the match the fix also replaces (a preposition)


def render(target: Term, form: Sequence[str], found: str, source: Term | None = None, before: str = "") -> Rendered:
    """`target` written in the form `source` was found in (case, number, plural, script).

    `before` is the text just before the match: a Russian fix after «о» that
    starts with the other kind of sound takes the preposition in («о проекте»
    -> «об инициативе»).
    """
    got = _render(target, tuple(form), found, source)
    name = ADJUST.get(base_language(target.lang))
    if got.fixable and name is not None:
        return _module(name).adjust(got, before, found)  # type: ignore[no-any-return]
    return got


def _render(target: Term, tags: tuple[str, ...], found: str, source: Term | None) -> Rendered:
    """The target in the form of the first tag a language module claims; as listed without tags."""
    from .markers import SUFFIXED

    citation = surface(target.text)
    if not tags:
        return Rendered(citation)
    if SUFFIXED in tags:
        return Rendered(citation, False, f"«{found}» carries a suffix; suffixes are not carried over to another stem")
    for prefix, name in FORMS.items():
        if any(t.startswith(prefix + ":") for t in tags):
            return _module(name).render(citation, tags, found, source)  # type: ignore[no-any-return]
    return Rendered(citation)
