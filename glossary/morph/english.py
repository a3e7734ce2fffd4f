"""English plural and possessive of a term's last noun, found without listing.

"Luban Workshop" is written "Luban Workshops", "Luban Workshop's" and
"Luban Workshops'" in running text; a term base should not have to list each.
The variants are spelled out once per term and matched as surface forms by the
same automaton as the term itself; a fix puts the replacement in the same form
("Lu Ban Workshops" -> "Luban Workshops").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import Term
from . import Rendered

PLURAL = "en:plural"
POSSESSIVE = "en:possessive"
PLURAL_POSSESSIVE = "en:plural,possessive"

_APOSTROPHES = ("'", "’")
_LAST_WORD = re.compile(r"([A-Za-z][A-Za-z]*)$")
# Words that end a term but are not nouns: a plural or possessive of them
# would never be the term in the plural or possessive.
_NOT_NOUNS = frozenset(
    "a an the of for to in on at by with from into and or nor but as than this that these those "
    "its their our his her my your we they it he she you i".split()
)
_IRREGULAR = {"man": "men", "woman": "women", "child": "children", "person": "people", "foot": "feet"}
_INVARIABLE = frozenset("mankind humankind humanity china information equipment".split())


@dataclass(frozen=True, slots=True)
class Variant:
    """A spelling of a term with its last noun inflected, and the form tags it carries."""

    text: str
    form: tuple[str, ...]


def plural(word: str) -> str | None:
    """The plural of an English noun by the regular rules, or None if it has none here."""
    lower = word.lower()
    if lower in _INVARIABLE or lower in _NOT_NOUNS:
        return None
    if lower in _IRREGULAR:
        return _case_like(word, _IRREGULAR[lower])
    if word.isupper() or len(word) < 2:
        return None  # an acronym names one thing here (BRI, OBOR): "OBORs" is another word
    if lower.endswith(("s", "x", "z", "ch", "sh")):
        if lower.endswith("s") and not lower.endswith(("ss", "us", "is")):
            return None  # already plural ("Talks", "Initiatives")
        return word + "es"
    if lower.endswith("y") and len(lower) > 1 and lower[-2] not in "aeiou":
        return word[:-1] + "ies"
    return word + "s"


def _case_like(model: str, word: str) -> str:
    """`word` capitalised like `model` (Man -> Men)."""
    return word[:1].upper() + word[1:] if model[:1].isupper() else word


def _possessive(word: str, apostrophe: str) -> str:
    return word + apostrophe if word.lower().endswith("s") else word + apostrophe + "s"


def variants(text: str) -> tuple[Variant, ...]:
    """Plural, possessive and plural possessive spellings of a term's last noun."""
    match = _LAST_WORD.search(text)
    if not match or match.group(1).lower() in _NOT_NOUNS:
        return ()
    head, last = text[: match.start(1)], match.group(1)
    found: list[Variant] = []
    many = plural(last)
    if many is not None:
        found.append(Variant(head + many, (PLURAL,)))
    # Only possessives in 's: a bare trailing apostrophe ("Workshops'") folds
    # like a closing quote, so `“spiritual closeness”` would read as a
    # possessive. Such a word is found anyway, as the plural (or the term)
    # followed by punctuation, and the apostrophe stays outside the fix.
    for apostrophe in _APOSTROPHES:
        for word, tag in ((last, POSSESSIVE), (many, PLURAL_POSSESSIVE)):
            if word is not None and not word.lower().endswith("s"):
                found.append(Variant(head + _possessive(word, apostrophe), (tag,)))
    return tuple(found)


def inflect(text: str, form: tuple[str, ...], found: str = "") -> str | None:
    """`text` with its last noun in the plural or possessive, as the found text was.

    The apostrophe is the one the found text used. Returns None when the last
    word has no plural here (the caller suggests without fixing).
    """
    tags = set(form)
    if not tags & {PLURAL, POSSESSIVE, PLURAL_POSSESSIVE}:
        return text
    match = _LAST_WORD.search(text)
    if not match:
        return None
    head, last = text[: match.start(1)], match.group(1)
    if tags & {PLURAL, PLURAL_POSSESSIVE}:
        many = plural(last)
        if many is None:
            return None
        last = many
    if tags & {POSSESSIVE, PLURAL_POSSESSIVE}:
        apostrophe = next((a for a in reversed(found) if a in "'’ʼ"), "'")
        last = _possessive(last, apostrophe)
    return head + last


# ------------------------------------------------------------ glossary.morph's table

def surface_variants(term: Term, lang: str) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """Plural and possessive keys of an English term for the English matcher."""
    if term.lang != lang:
        return ()
    return tuple((v.text, v.form) for v in variants(term.text))


def render(citation: str, tags: tuple[str, ...], found: str, source: Term | None) -> Rendered:
    """The target with the found plural or possessive, or unfixable when its plural is unknown."""
    written = inflect(citation, tags, found)
    if written is None:
        return Rendered(citation, False, f"no plural of the last word of «{citation}» is known")
    return Rendered(written)
