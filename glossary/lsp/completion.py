"""Completion of preferred renderings from the letters typed so far (two at least).

The typed text is matched folded (case, dashes, quotes as the matcher folds
them) against the start of every preferred rendering of the language; a
rendering of several words is offered while its first words are typed
("Belt and R" offers "Belt and Road Initiative"). In scripts written without
spaces any run of the last characters is a possible start.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..fold import fold_text
from ..matcher import is_unspaced, is_word_char
from ..model import Concept, Status, Term
from ..state import STATE
from ..termbase import TermBase

MIN_LETTERS = 2
WORDS_BACK = 5
UNSPACED_BACK = 8

@dataclass(frozen=True, slots=True)
class Candidate:
    """A rendering to offer and the code-point span of typed text it replaces."""

    term: Term
    concept: Concept
    start: int
    end: int


def preferred(termbase: TermBase, lang: str) -> list[tuple[str, Term, Concept]]:
    """(folded text, term, concept) of every preferred rendering in `lang`, built once per term base."""
    tables = STATE.of(termbase).completions
    if lang not in tables:
        tables[lang] = [(fold_text(t.text), t, c) for c in termbase.concepts for t in c.terms
                        if t.lang == lang and t.status is Status.PREFERRED]
    return tables[lang]


def starts(text: str, offset: int) -> list[int]:
    """Offsets where the typed text before `offset` may begin, nearest first."""
    found: list[int] = []
    i = offset
    if i and is_unspaced(text[i - 1]):
        while i > 0 and is_unspaced(text[i - 1]) and offset - i < UNSPACED_BACK:
            i -= 1
            found.append(i)
        return found
    words = 0
    while i > 0 and words < WORDS_BACK:
        while i > 0 and (is_word_char(text[i - 1]) or text[i - 1] in "-'’"):
            i -= 1
        if i == offset or (found and found[-1] == i):
            break
        found.append(i)
        words += 1
        while i > 0 and text[i - 1] in " \t":
            i -= 1
    return found


def candidates(text: str, offset: int, termbase: TermBase, lang: str) -> list[Candidate]:
    """Preferred renderings that continue the text typed before `offset`, the longest typed match first."""
    table = preferred(termbase, lang)
    offered: dict[str, Candidate] = {}
    for start in reversed(starts(text, offset)):
        typed = text[start:offset]
        if sum(c.isalpha() for c in typed) < MIN_LETTERS:
            continue
        key = fold_text(typed)
        for folded, term, concept in table:
            if folded.startswith(key) and folded != key and term.text not in offered:
                offered[term.text] = Candidate(term, concept, start, offset)
    return list(offered.values())
