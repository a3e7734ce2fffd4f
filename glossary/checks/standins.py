"""Second mentions in a translation: the words that stand for a concept the target has named.

Chinese repeats a name where English and Russian say "it", "the initiative" or
«эта инициатива». So when the source names a concept more often than the
target renders it, a further mention may be a stand-in after a rendering: a
pronoun, or the name's head noun; or a pronoun before it that points forward
to it from a clause fronted in its sentence ("Since its launch, the
initiative ..."). A rendering inside another concept's longer
name counts as the one named ("high-quality Belt and Road cooperation ... make
it benefit more countries"). A segment that names the concept by its head noun
after a determiner ("the initiative", «эту инициативу») and by nothing else
stands for it when an earlier segment of the document rendered it.
"""

from __future__ import annotations

import re
from typing import Any

from ..model import Match, Span

PRONOUNS = {
    "en": frozenset("it its itself they them their this these which".split()),
    "ru": frozenset(
        "он его него ему нему им ним нём нем она её ее неё нее ей ней ею нею оно они их них ими ними "
        "этот эта это эту этой этого этому этим этом эти этих "
        "который которая которое которую которой которого которому которым котором которые которых которыми "
        "свой своя своё свое свою своей своего своему своим своём своем свои своих своими".split()),
}
DETERMINERS = {
    "en": frozenset("the this that these those such said".split()),
    "ru": frozenset(
        "этот эта это эту этой этого этому этим этом эти этих "
        "данный данная данное данную данной данного данному данным данном данные данных "
        "такой такая такое такую такого такому таким таком такие таких "
        "указанный указанная указанную указанной указанного указанному указанным указанном".split()),
}


def _free(taken: list[Span], start: int, end: int) -> bool:
    return not any(t.start < end and start < t.end for t in taken)


def _head_word(sig: Any, word: str) -> bool:
    from .. import signatures

    return sig is not None and sig.head is not None and sig.head in signatures._slot_set(sig, word)


def count(sig: Any, lang: str, text: str, after: int, taken: list[Span]) -> int:
    """The stand-ins after offset `after`: pronouns, and the head noun where no rendering holds it."""
    from .. import signatures

    pronouns = PRONOUNS.get(lang, frozenset())
    return sum(1 for s, e, w in signatures.words(text[after:])
               if _free(taken, s + after, e + after) and (w.lower() in pronouns or _head_word(sig, w)))


# Pronouns that may point forward to the subject a fronted clause leads up to ("Since its launch, the
# initiative ..."; «С момента своего выдвижения инициатива ...»): third-person personal and possessive.
FORWARD = {
    "en": frozenset("it its they their them".split()),
    "ru": frozenset("его него её ее неё нее ей ней их них".split()),
}
# Russian «свой» points to the subject of its own clause, wherever that stands.
_REFLEXIVE = frozenset("свой своя своё свое свою своей своего своему своим своём своем свои своих своими".split())
_SENTENCE_END = re.compile(r"[.!?;。！？；]\s")


def ahead(lang: str, text: str, first: int, taken: list[Span]) -> int:
    """The pronouns before the first rendering (at `first`) that point forward to it.

    Within its sentence: a pronoun in a clause fronted before the rendering,
    a comma between them ("In the years since it was proposed, the
    initiative ..."), or in Russian a form of «свой» anywhere before it («С
    момента своего выдвижения Инициатива ...»).
    """
    from .. import signatures

    pronouns = FORWARD.get(lang, frozenset())
    start = max((m.end() for m in _SENTENCE_END.finditer(text, 0, first)), default=0)
    found = 0
    for s, e, w in signatures.words(text[start:first]):
        s, e, low = s + start, e + start, w.lower()
        if not _free(taken, s, e):
            continue
        if (lang == "ru" and low in _REFLEXIVE) or (low in pronouns and "," in text[e:first]):
            found += 1
    return found


def mentioned(sig: Any, lang: str, text: str, taken: list[Span]) -> bool:
    """Whether the head noun stands after a determiner, outside every rendering ("the initiative")."""
    from .. import signatures

    determiners = DETERMINERS.get(lang, frozenset())
    toks = signatures.words(text)
    return any(k > 0 and toks[k - 1][2].lower() in determiners and _free(taken, s, e) and _head_word(sig, w)
               for k, (s, e, w) in enumerate(toks))


def nested(matcher: Any, text: str, matches: list[Match], concept_id: str) -> int | None:
    """Where a rendering of the concept stands inside another concept's longer rendering, or None.

    The matcher reports the longest rendering only; the shorter one is found by
    scanning that rendering's text less its first or last character.
    """
    for m in matches:
        if m.concept_id == concept_id:
            continue
        s, e = m.span.start, m.span.end
        for a, b in ((s + 1, e), (s, e - 1)):
            if any(x.concept_id == concept_id for x in matcher.scan(text[a:b])):
                return s
    return None
