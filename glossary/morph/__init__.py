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
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..model import Term

if TYPE_CHECKING:
    from . import russian, stems

SurfaceVariant = tuple[str, tuple[str, ...]]
Entry = tuple[str, Term, tuple[str, ...]]  # concept id, term, form tags


def _base(lang: str) -> str:
    return lang.replace("_", "-").split("-")[0].lower()


def surface_variants(term: Term, lang: str) -> tuple[SurfaceVariant, ...]:
    """Extra surface spellings of `term` for a matcher of `lang`, with form tags.

    Terms in another language than `lang` give variants only when they are the
    other script of Chinese (a `zh` term in a `zh-Hant` matcher, and back).
    """
    if _base(lang) == "en" and term.lang == lang:
        from . import english

        return tuple((v.text, v.form) for v in english.variants(term.text))
    if _base(lang) == "zh" and _base(term.lang) == "zh":
        from . import hant

        return tuple((v.text, v.form) for v in hant.variants(term.text, term.lang))
    return ()


def takes_part(term: Term, lang: str) -> bool:
    """Whether `term` is matched by a layer of `lang` rather than as written only."""
    from .markers import applies_to, has_marker

    if term.lang != lang:
        return False
    return _base(lang) == "ru" or (applies_to(lang) and has_marker(term.text))


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


class Layer:
    """The token-level matchers of one language (Russian lemmas, stem markers)."""

    def __init__(self, lang: str, terms: Iterable[tuple[str, Term]]) -> None:
        from .markers import applies_to

        items = list(terms)
        self.russian: russian.Scanner[tuple[str, Term]] | None = None
        self.stems: stems.Scanner[tuple[str, Term]] | None = None
        if _base(lang) == "ru":  # each scanner imported only for its own languages
            from . import russian

            self.russian = russian.Scanner((t.text, (cid, t)) for cid, t in items)
        if applies_to(lang):
            from . import stems

            self.stems = stems.Scanner((t.text, (cid, t)) for cid, t in items)

    def __bool__(self) -> bool:
        return bool(self.russian) or bool(self.stems)

    def scan(self, text: str) -> list[LayerHit]:
        """Hits in `text` (folded), each span once, with all terms found there."""
        from .markers import SUFFIXED

        out: list[LayerHit] = []
        if self.russian:
            for h in self.russian.scan(text):
                entries = tuple((cid, t, tuple(f.tag for f in forms)) for (cid, t), forms in h.found)
                out.append(LayerHit(h.start, h.end, entries))
        if self.stems:
            for s in self.stems.scan(text):
                tags = (SUFFIXED,) if s.suffixed else ()
                out.append(LayerHit(s.start, s.end, tuple((cid, t, tags) for cid, t in s.payloads)))
        return out


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


_PREPOSITION = r"(?:^|\W)(о|об|обо|в|во|с|со|к|ко)\s+$"  # compiled by `re` on first use (Russian fixes only)
_CONSONANTS = frozenset("бвгджзйклмнпрстфхцчшщ")


def _long_form(short: str, word: str) -> bool:
    """Whether the preposition `short` (о, в, с, к) takes its long form (об, во, со, ко) before `word`.

    о -> об before а, и, о, у, э; в -> во before в or ф and a consonant
    («во власти», «во Франции»); с -> со before с, з, ш, ж, щ and a consonant
    («со стороны»), and before «мн»; к -> ко before «мн», «вс», «вт», «дн»
    («ко всем»).
    """
    w = "".join(c for c in word.lower() if c.isalpha())
    if not w:
        return False
    if short == "о":
        return w[0] in "аиоуэ"
    pair = w[:2]
    consonant_next = len(w) > 1 and w[1] in _CONSONANTS
    if short == "в":
        return w[0] in "вф" and consonant_next
    if short == "с":
        return (w[0] in "сзшжщ" and consonant_next) or pair == "мн"
    if short == "к":
        return pair in ("мн", "вс", "вт", "дн")
    return False


_SHORT = {"о": "о", "об": "о", "обо": "о", "в": "в", "во": "в", "с": "с", "со": "с", "к": "к", "ко": "к"}
_LONG = {"о": "об", "в": "во", "с": "со", "к": "ко"}


def preposition(before: str, found: str, replacement: str) -> tuple[int, str] | None:
    """The preposition before a Russian match, when the replacement needs its other form.

    «о»/«об», «в»/«во», «с»/«со», «к»/«ко» before the first word of the
    replacement («о проекте» -> «об инициативе», «в Поясе» -> «во ...»).
    Returns how many characters before the match to replace (the preposition
    and the space after it) and what to write there, or None. «обо» is left
    alone (its use is idiomatic: «обо всём»).
    """
    m = re.search(_PREPOSITION, before, re.IGNORECASE)
    if m is None:
        return None
    written = m.group(1)
    if written.lower() == "обо":
        return None
    short = _SHORT[written.lower()]
    want = _LONG[short] if _long_form(short, replacement) else short
    if written.lower() == want:
        return None
    if written[:1].isupper():
        want = want[:1].upper() + want[1:]
    return len(before) - m.start(1), want + before[m.end(1):]


def render(target: Term, form: Sequence[str], found: str, source: Term | None = None, before: str = "") -> Rendered:
    """`target` written in the form `source` was found in (case, number, plural, script).

    `before` is the text just before the match: a Russian fix after «о» that
    starts with the other kind of sound takes the preposition in («о проекте»
    -> «об инициативе»).
    """
    got = _render(target, tuple(form), found, source)
    if got.fixable and _base(target.lang) == "ru":
        change = preposition(before, found, got.text)
        if change is not None:
            return Rendered(change[1] + got.text, True, "", change[0])
    return got


def _render(target: Term, tags: tuple[str, ...], found: str, source: Term | None) -> Rendered:
    # Each language's module is imported only when a tag of that language is
    # present: an English check must not pay for the Russian analyser.
    from .markers import SUFFIXED

    citation = surface(target.text)
    if not tags:
        return Rendered(citation)
    if SUFFIXED in tags:
        return Rendered(citation, False, f"«{found}» carries a suffix; suffixes are not carried over to another stem")
    if any(t.startswith("ru:") for t in tags):
        from . import russian

        ru_forms = [f for f in (russian.Form.from_tag(t) for t in tags) if f is not None]
        got = russian.inflect(citation, ru_forms, found, source.text if source else None)
        if got.text is None:
            return Rendered(citation, False, got.reason)
        return Rendered(got.text)
    if any(t.startswith("zh:") for t in tags):
        from . import hant

        return Rendered(hant.inflect(citation, tags))
    if any(t.startswith("en:") for t in tags):
        from . import english

        written = english.inflect(citation, tags, found)
        if written is None:
            return Rendered(citation, False, f"no plural of the last word of «{citation}» is known")
        return Rendered(written)
    return Rendered(citation)
