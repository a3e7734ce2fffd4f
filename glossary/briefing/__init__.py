"""A term brief: the concepts a source text names, with what to write for each.

Given before the first word of a translation is written (by a person or an
engine), it lists every concept in order of first mention, how often the text
names it, and per target language the preferred rendering, the admitted
alternatives, the renderings to avoid, and one line saying why with the
evidence's publisher and date. `formats` writes it for people and programs.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from ..model import Concept, Document, Match
from ..termbase import TermBase


@dataclass(frozen=True, slots=True)
class Target:
    """What to write for one concept in one target language."""

    lang: str
    preferred: str | None
    admitted: tuple[str, ...] = ()
    avoid: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Entry:
    """One concept of the source text."""

    concept: str
    count: int
    found: tuple[str, ...]
    source_term: str
    targets: tuple[Target, ...]
    reason: str

    def target(self, lang: str) -> Target | None:
        return next((t for t in self.targets if t.lang == lang), None)

    def as_json(self) -> dict[str, object]:
        """The JSON contract: concept, count, preferred/admitted/avoid keyed by language, and more."""
        return {
            "concept": self.concept,
            "count": self.count,
            "source": self.source_term,
            "found": list(self.found),
            "preferred": {t.lang: t.preferred for t in self.targets},
            "admitted": {t.lang: list(t.admitted) for t in self.targets},
            "avoid": {t.lang: list(t.avoid) for t in self.targets},
            "reason": self.reason,
        }


def source_texts(document: Document) -> list[str]:
    """The text to be translated: each segment's source when the file is bilingual, else its text.

    A bilingual file repeats a unit's source for every target language; each
    unit's source is taken once.
    """
    texts: list[str] = []
    seen: set[tuple[str | None, str]] = set()
    for segment in document.segments:
        if segment.source_text is not None:
            key = (segment.unit_id, segment.source_text)
            if key in seen:
                continue
            seen.add(key)
            texts.append(segment.source_text)
        else:
            texts.append(segment.text)
    return texts


def mentions(termbase: TermBase, texts: Iterable[str], source_lang: str) -> list[tuple[str, str]]:
    """(concept id, text as found) for every mention of a concept in `texts`, in text order.

    A span is one mention per concept. A span that is an accepted rendering of
    one concept and a variant of another (a homonym marked `requires_source`)
    names only the concept it is accepted for.
    """
    from ..matcher import matcher_for

    matcher = matcher_for(termbase, source_lang)
    out: list[tuple[str, str]] = []
    for text in texts:
        if not text.strip():
            continue
        by_span: dict[tuple[int, int], list[Match]] = {}
        for m in matcher.scan(text):
            by_span.setdefault((m.span.start, m.span.end), []).append(m)
        for (start, end), group in sorted(by_span.items()):
            accepted = [m for m in group if not m.term.status.is_variant]
            for concept_id in dict.fromkeys(m.concept_id for m in (accepted or group)):
                out.append((concept_id, text[start:end]))
    return out


_SENTENCE_END = re.compile(r"(?<=[.!?])\s")
REASON_LIMIT = 160


def first_sentence(note: str, limit: int = REASON_LIMIT) -> str:
    text = " ".join(note.split())
    text = _SENTENCE_END.split(text, maxsplit=1)[0]
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def evidence(termbase: TermBase, concept: Concept, langs: Sequence[str]) -> list[str]:
    """"Publisher, date" of the first source attesting each target language's preferred rendering."""
    from ..preference import preferred

    found: list[str] = []
    for lang in langs:
        term = preferred(termbase, concept, lang)
        if term is None:
            continue
        sources = concept.sources_for(term)
        if not sources:
            continue
        # The first source, as a finding's note gives it: the term base lists the one
        # behind the preferred rendering first (a concept source may attest another).
        source = sources[0]
        who = source.publisher or source.title or source.url
        line = ", ".join(p for p in (who, source.date) if p)
        if line and line not in found:
            found.append(line)
    return found


def reason(termbase: TermBase, concept: Concept, langs: Sequence[str]) -> str:
    """One line: the concept note's first sentence, then the evidence."""
    note = first_sentence(concept.note) if concept.note else ""
    sources = evidence(termbase, concept, langs)
    if sources:
        return f"{note} ({'; '.join(sources)})" if note else "; ".join(sources)
    return note


def target(termbase: TermBase, concept: Concept, lang: str) -> Target:
    from ..preference import admitted, avoid, preferred, written

    chosen = preferred(termbase, concept, lang)
    return Target(
        lang=lang,
        preferred=written(chosen) if chosen is not None else None,
        admitted=tuple(dict.fromkeys(written(t) for t in admitted(termbase, concept, lang))),
        avoid=tuple(dict.fromkeys(written(t) for t in avoid(concept, lang))),
    )


def build(termbase: TermBase, texts: Iterable[str], source_lang: str, target_langs: Sequence[str]) -> list[Entry]:
    """The brief of `texts` written in `source_lang`, for translation into `target_langs`."""
    from ..preference import preferred, written

    counts: dict[str, int] = {}
    found: dict[str, list[str]] = {}
    for concept_id, text in mentions(termbase, texts, source_lang):
        counts[concept_id] = counts.get(concept_id, 0) + 1
        forms = found.setdefault(concept_id, [])
        if text not in forms:
            forms.append(text)
    entries = []
    for concept_id, count in counts.items():
        concept = termbase.concept(concept_id)
        source = preferred(termbase, concept, source_lang)
        entries.append(Entry(
            concept=concept_id,
            count=count,
            found=tuple(found[concept_id]),
            source_term=written(source) if source is not None else found[concept_id][0],
            targets=tuple(target(termbase, concept, lang) for lang in target_langs),
            reason=reason(termbase, concept, target_langs),
        ))
    return entries
