"""The words right around a replacement, where English grammar is local and known.

A fix that swaps one rendering for another can break the words around it: "a
One Belt, One Road plan" fixed to a rendering that starts with a vowel needs
"an"; a name the term base marks as taking no article loses the one before it;
"the Belt and Road Initiatives are" fixed to the singular needs "is". These are
adjusted with the fix. Where the tool cannot be sure (a word starting with "u"
or "h", another verb after a subject whose number changed), it still fixes the
term and says why in `unsure`, which the term check reports as a
`check-grammar` note at the span.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_ARTICLE = re.compile(r"(?:^|(?<=[^\w-]))(a|an|the)(\s+)$", re.IGNORECASE)
_NEXT_WORD = re.compile(r"(\s+)([A-Za-z]+)\b")
_SWAP = {"is": "are", "are": "is", "was": "were", "were": "was", "has": "have", "have": "has"}
# Words that may follow a subject without being its verb.
_NOT_VERBS = frozenset(
    "a an the and or nor but of in on at to for with by from as than that which who whom whose where when "
    "while if into onto over under about after before between among through during since until via per "
    "this these those its their his her our your my it they we he she you i also too only not "
    "so such then there here now today yet still already even just both all each every more most very "
    "being having across against along around beyond within without toward towards upon "
    # modals and common irregular past tenses: the same for either number
    "will would can could may might must shall should had did went grew came took made gave saw met began "
    "became held brought built led set put said won kept left ran rose fell sent spent stood told thought "
    "found got".split()
)
_LETTER_AN = frozenset("AEFHILMNORSX")  # letter names that start with a vowel sound: "an SCO", "an FTA"
_SURE_AN = ("hour", "honest", "honour", "honor", "heir")
_UNSURE = ("u", "eu", "one", "once", "h")


@dataclass(frozen=True, slots=True)
class Context:
    """How a replacement also changes its neighbours: `before`/`after` characters become `prefix`/`suffix`."""

    before: int = 0
    after: int = 0
    prefix: str = ""
    suffix: str = ""
    unsure: str = ""


def _first_word(text: str) -> str:
    m = re.match(r"\W*([\w&]+)", text)
    return m.group(1) if m else ""


def article_for(text: str) -> str | None:
    """"a" or "an" before `text`, or None when its first sound cannot be told from its spelling."""
    word = _first_word(text)
    if not word:
        return None
    if len(word) > 1 and word.isupper():  # an abbreviation read letter by letter
        return "an" if word[0] in _LETTER_AN else "a"
    lower = word.lower()
    if lower.startswith(_SURE_AN):
        return "an"
    if lower.startswith(_UNSURE):
        return None
    if lower[0] in "aeio":
        return "an"
    return "a" if lower[0].isalpha() else None


def _singular_candidates(word: str) -> list[str]:
    lower = word.lower()
    out = []
    if lower.endswith("ies"):
        out.append(word[:-3] + "y")
    if lower.endswith("es"):
        out.append(word[:-2])
    if lower.endswith("s"):
        out.append(word[:-1])
    return out


def is_plural(text: str) -> bool:
    """Whether `text` ends in a regular English plural ("Luban Workshops", "strategies")."""
    from .morph.english import plural

    m = re.search(r"([A-Za-z]+)\W*$", text)
    if not m:
        return False
    word = m.group(1)
    return any(plural(s) is not None and plural(s).lower() == word.lower() for s in _singular_candidates(word))


_PREPOSITIONS = frozenset("of for with to in on by at from into among between".split())


def head_plural(text: str) -> bool:
    """Whether a name's head noun is plural: its last word before the first preposition that follows
    a word ("Productive forces of a new quality"), else its last word ("Belt and Road Initiatives").
    The verb after a name agrees with its head, not with the last word of an "of ..." phrase."""
    words = re.findall(r"[A-Za-z]+(?:[-‐‑][A-Za-z]+)*", text)  # "people-to-people" is one word
    for k, word in enumerate(words):
        if k and word.lower() in _PREPOSITIONS:
            return is_plural(words[k - 1])
    return is_plural(text)


def _like(model: str, word: str) -> str:
    if model.isupper() and len(model) > 1:
        return word.upper()
    return word[:1].upper() + word[1:] if model[:1].isupper() else word


def english(text: str, start: int, end: int, found: str, replacement: str, no_article: bool = False) -> Context:
    """The article before and the auxiliary after a replacement of `text[start:end]`."""
    before, prefix, after, suffix, unsure = 0, "", 0, "", []
    art = _ARTICLE.search(text[max(0, start - 6):start])
    if art is not None:
        written, space = art.group(1), art.group(2)
        if no_article:
            before, prefix = len(art.group(0)), ""
        elif written.lower() != "the":
            want = article_for(replacement)
            if want is None:
                if article_for(found) != article_for(replacement):
                    unsure.append(f'"{written}" before "{_first_word(replacement)}"')
            elif want != written.lower():
                before, prefix = len(art.group(0)), _like(written, want) + space
            if head_plural(replacement) and not head_plural(found):
                unsure.append(f'"{written}" before a plural')
    if head_plural(found) != head_plural(replacement):
        nxt = _NEXT_WORD.match(text, end)
        if nxt is not None:
            verb = nxt.group(2)
            if verb.lower() in _SWAP:
                after, suffix = len(nxt.group(0)), nxt.group(1) + _like(verb, _SWAP[verb.lower()])
            elif verb.islower() and verb not in _NOT_VERBS and not verb.endswith("ed"):
                unsure.append(f'"{verb}" may need to agree with the new number')
    return Context(before, after, prefix, suffix, "; ".join(unsure))
