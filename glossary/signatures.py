"""Signatures: renderings of a concept that the term base does not list.

A closed list of renderings never keeps up with drafts: "communities of common
destiny", «сообществом с единой судьбой», "productive forces of a new quality".
Each concept's renderings in a language are reduced to slots of content words
compared by lemma (a light rule lemmatizer for English, pymorphy3 for Russian):
the words that fill one slot across renderings are its synonyms (shared /
common, future / destiny); a concept of three slots or more also borrows the
synonyms of its kin (names that share two other slots with it). A stretch of
text whose content words fill the required slots, each once, with at most two
function words between them and no other word or punctuation (a comma only
where a rendering has one), is a hit; `checks/variants.py` reports the hits
that are not listed renderings. A concept can replace its derived signature in
the YAML (`signature:`), or switch it off.

The scan is gated by one anchor per signature (its slot with the longest
lemmas, the rarest in prose): only words that are a form of an anchor lemma
(for Russian: whose first letters are an anchor's) start the slower walk.
"""

from __future__ import annotations

import re
from array import array
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from bisect import bisect_right
from functools import lru_cache

from .flat import Lazy
from .langtags import base_language
from .model import Concept, Term, _pickled_by_constructor
from .state import STATE

TYPE_CHECKING = False  # typing's own flag, without importing typing (see glossary/__init__.py)
if TYPE_CHECKING:
    from typing import Any

LANGS = ("en", "ru")

FUNCTION_WORDS: dict[str, frozenset[str]] = {
    "en": frozenset(
        "a an the of for with and to in on by at all its their our his her as from into among between along".split()
    ),
    # Conjunctions, the quantifiers of «всего человечества», and every preposition
    # whose case the Russian layer knows (morph.russian.PREPOSITIONS). Not «в области»:
    # «инициатив в области глобального управления» is most often no name at all.
    "ru": frozenset(
        "и или а с со для в во на по о об обо к ко между из от за при под над перед через до без у около после "
        "среди против вокруг ради вне про всего всех всей".split()
    ),
}
_GAP_MAX = 2  # function words allowed in a row between two slot words
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*(?:['’](?![^\W_]))?")
# What may stand between two words of one rendering: spaces, hyphens and dashes, quotes.
_GAP = re.compile(r"[\s\-‐‑‒–—―\"'«»“”„‘’‹›]*")
# ... and one comma more, for a concept one of whose renderings has a comma inside.
_GAP_COMMA = re.compile(r"[\s\-‐‑‒–—―\"'«»“”„‘’‹›]*,?[\s\-‐‑‒–—―\"'«»“”„‘’‹›]*")

# English: regular plural and possessive, British spellings, by rule ------------

_EN_IRREGULAR = {"men": "man", "women": "woman", "children": "child", "people": "people", "peoples": "people"}
_EN_KEEP_S = ("ss", "us", "is", "ics")
# British "-our" inside a word too (neighbourhood, favourable, colour): after two
# letters, before nothing or an ending; the "our" words of both spellings are kept.
_EN_OUR = re.compile(r"(?<=[a-z]{2})our(?=(?:hood|liness|ly|able|ably|ful|ite|ites|ed|ing|er|ers|ism|ist|less)?$)")
_EN_OUR_KEEP = frozenset("devour devoured devouring detour detoured contour contoured velour amour paramour "
                         "troubadour scour scoured scouring flour floured".split())
_EN_SPELLING = (
    (re.compile(r"isation$"), "ization"), (re.compile(r"ise$"), "ize"), (re.compile(r"ised$"), "ized"),
    (re.compile(r"(?<=[^aeiou])tre$"), "ter"), (re.compile(r"(?<=[^aeiou])tred$"), "tered"),
    (re.compile(r"ogue$"), "og"), (re.compile(r"(?<=[aeiou])llor$"), "lor"),
)  # fmt: skip
_EN_NOT_ISE = frozenset("rise wise raise praise precise concise exercise enterprise promise premise surprise expertise".split())


def _en_singular(word: str) -> str:
    if word in _EN_IRREGULAR:
        return _EN_IRREGULAR[word]
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 4 and word.endswith(("ches", "shes", "sses", "xes", "zes")):
        return word[:-2]
    if len(word) > 3 and word.endswith("s") and not word.endswith(_EN_KEEP_S):
        return word[:-1]
    return word


@lru_cache(maxsize=65536)
def en_lemma(word: str) -> str:
    """A light English lemma: lower case, no possessive, singular, American spelling."""
    w = word.lower().replace("’", "'")
    if w.endswith("'s"):
        w = w[:-2]
    elif w.endswith("'"):
        w = w[:-1]
    w = _en_singular(w)
    if w not in _EN_NOT_ISE and len(w) > 5:
        for pattern, repl in _EN_SPELLING:
            w = pattern.sub(repl, w)
    if len(w) > 4 and "our" in w and w not in _EN_OUR_KEEP:
        w = _EN_OUR.sub("or", w)
    return w


def en_forms(lemma: str) -> frozenset[str]:
    """Every lower-case form whose `en_lemma` is `lemma` that the rules can make.

    The rules backwards: British spellings of the suffix, then the plurals of
    each, then the irregular plurals; each candidate is kept only if the
    lemmatizer maps it back (a possessive is the form and an apostrophe).
    """
    spellings = {lemma}
    for ours, theirs in (("ization", "isation"), ("ize", "ise"), ("ized", "ised"), ("ter", "tre"),
                         ("tered", "tred"), ("og", "ogue"), ("lor", "llor")):
        if lemma.endswith(ours):
            spellings.add(lemma[: -len(ours)] + theirs)
    spellings |= {w[:k] + "our" + w[k + 2:] for w in list(spellings) for k in range(2, len(w) - 1)
                  if w.startswith("or", k)}
    candidates = set(spellings)
    for w in spellings:
        candidates.update((w + "s", w + "es"))
        if w.endswith("y"):
            candidates.add(w[:-1] + "ies")
    candidates.update(k for k, v in _EN_IRREGULAR.items() if v == lemma)
    out = {c for c in candidates if en_lemma(c) == lemma}
    out |= {c.replace("'", "’") for c in out if "'" in c}
    return frozenset(out)


def ru_forms_of(lemma: str) -> frozenset[str]:
    """Every lower-case form of a Russian lemma's lexeme whose readings include the lemma (with ё and with е)."""
    from .morph import russian

    forms = {lemma}
    for parse in russian.analyser().parses(lemma):
        if parse.normal_form.replace("ё", "е") == lemma:
            forms.update(f.word for f in parse.lexeme)
    forms |= {f.replace("ё", "е") for f in forms}
    return frozenset(f for f in forms if lemma in _ru_lemmas(f, every=True))


# Names of one country in Russian, as lemmas: the short name, the official
# abbreviation, the other name in use (Киргизия is Russia's name for the
# Kyrgyz Republic, Кыргызстан its own) and the stem of compound adjectives
# («китайско-африканский»). A slot holding one holds them all: «председатель
# Китая» is a rendering of «председатель КНР» as surely as the listed ones.
_RU_COUNTRIES: tuple[frozenset[str], ...] = tuple(frozenset(names.split()) for names in (
    "китай кнр китайско", "кыргызстан киргизия кыргызско киргизско", "россия рф российско",
    "туркменистан туркмения туркменско", "беларусь белоруссия белорусско", "молдова молдавия",
    "казахстан рк казахстанско", "узбекистан узбекско", "таджикистан таджикско", "сша американско",
))


_ROMAN = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100}


def _numerals(slot: frozenset[str]) -> frozenset[str]:
    """A numeral in Roman and Arabic figures: «XXI века» is «21-го века»."""
    out: set[str] = set()
    for w in slot:
        if w.isdigit() and 0 < int(w) < 400:
            n, roman = int(w), ""
            for value, letters in ((100, "c"), (90, "xc"), (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"),
                                   (4, "iv"), (1, "i")):
                while n >= value:
                    roman, n = roman + letters, n - value
            out.add(roman)
        elif w and all(c in _ROMAN for c in w):
            values = [_ROMAN[c] for c in w]
            out.add(str(sum(-v if k + 1 < len(values) and v < values[k + 1] else v for k, v in enumerate(values))))
    return frozenset(out)


_RU_PLACE_SUFFIXES = ("анский", "ийский", "ейский", "атский", "ский")


def _ru_compound_places(preferred: str, terms: Sequence[Term], slot: frozenset[str]) -> frozenset[str]:
    """The places that the parts of a Russian compound adjective of places name, for its slots.

    «китайско-африканское сообщество» is the community «Китая и Африки» or
    «Китай – Африка»: the first part is a stem (китайско, which the country
    table knows), the second an adjective whose place the dictionary names
    (африканский -> Африка, азиатский -> Азия, европейский -> Европа).
    """
    from .morph import russian

    out: set[str] = set()
    for text in {preferred, *(t.text for t in terms)}:
        for m in re.finditer(r"([^\W\d_]+о)-([^\W\d_]+)", text):
            second = first_lemma(m.group(2), "ru")
            if second not in slot:
                continue
            for suffix in _RU_PLACE_SUFFIXES:
                if second.endswith(suffix):
                    stem = second[:-len(suffix)]
                    for end in ("а", "я", "ия", ""):
                        cand = stem + end
                        if any(p.normal_form == cand and "Geox" in p.tag.grammemes and p.is_known
                               for p in russian.analyser().parses(cand)):
                            out.add(cand)
                    break
    return frozenset(out)


# A Russian noun and the adjective made from it (and back) fill one slot of a
# name: «Глобальная цивилизационная инициатива» is «Инициатива глобальной
# цивилизации» reworded, «человеческое сообщество» is «сообщество ... человечества».
_RU_ADJ_OF_NOUN = ("ональный", "онный", "альный", "ический", "ческий", "енный", "ский", "ный")
_RU_NOUN_ENDINGS = ("ия", "я", "а", "о", "ие")
_RU_NAMES = frozenset({"Geox", "Name", "Surn", "Patr", "Orgn", "Trad", "Abbr"})


@lru_cache(maxsize=4096)
def ru_derived(lemma: str) -> frozenset[str]:
    """The dictionary's adjectives made from a Russian noun lemma, or nouns from an adjective.

    By suffix, each candidate kept only if pymorphy3's dictionary has it as a
    lemma of that part of speech: цивилизация -> цивилизационный, человечество
    -> человеческий, безопасный -> безопасность. Names are left alone (Китай
    and китайский stay apart): «модернизация Китая» is also the ordinary phrase
    for China's modernization, older than the name, so reading it as «китайская
    модернизация» would fire on plain prose; where a text means the concept by
    it, the monolingual check misses it by choice (a bilingual check, whose
    source vouches for the concept, reads it: checks.located). Stems under
    five letters are left alone too.
    """
    from .morph import russian

    an = russian.analyser()

    def known(word: str, pos: str) -> bool:
        return any(p.normal_form == word and p.tag.POS == pos and p.is_known and not (_RU_NAMES & p.tag.grammemes)
                   for p in an.parses(word))

    parses = [p for p in an.parses(lemma) if p.normal_form == lemma and p.is_known]
    if not parses or _RU_NAMES & parses[0].tag.grammemes:
        return frozenset()
    pos = parses[0].tag.POS
    out: set[str] = set()
    if pos == "NOUN":
        stem = lemma[:-1] if lemma[-1] in "аяоеьй" else lemma
        cands = [stem + suffix for suffix in _RU_ADJ_OF_NOUN] if len(stem) >= 5 else []
        if stem.endswith("ств") and len(stem) >= 8:
            cands.append(stem[:-3] + "ский")  # человечество -> человеческий, добрососедство -> добрососедский
        if lemma.endswith("ость") and len(lemma) >= 9:
            cands += [lemma[:-4] + end for end in ("ый", "ий", "ой")]  # безопасность -> безопасный
        out.update(c for c in cands if known(c, "ADJF"))
    elif pos == "ADJF" and len(lemma) >= 7:
        cands = [lemma[:-2] + "ость"]
        suffix = next((x for x in _RU_ADJ_OF_NOUN if lemma[:-2].endswith(x[:-2])), None)
        if suffix is not None and len(lemma) - len(suffix) >= 5:
            cands += [lemma[:-len(suffix)] + end for end in _RU_NOUN_ENDINGS]
        if lemma.endswith("ский") and len(lemma) >= 10:
            cands.append(lemma[:-4] + "ство")
        out.update(c for c in cands if known(c, "NOUN"))
    out.discard(lemma)
    return frozenset(out)


def en_plural(word: str) -> bool:
    """Whether an English word form is a plural (by the same rules)."""
    w = word.lower().replace("’", "'").rstrip("'s") if word.endswith(("'s", "’s")) else word.lower().rstrip("'’")
    return _en_singular(w) != w


def _ru_lemmas(word: str, every: bool = False) -> frozenset[str]:
    from .morph import russian

    an = russian.analyser()
    readings = an.readings(word.lower()) if every else an.relevant(word.lower())
    return frozenset(r.lemma for r in readings) or frozenset({word.lower()})


def lemmas(word: str, lang: str) -> frozenset[str]:
    """Every lemma a word form may have that a signature's slot may hold (Russian forms are often ambiguous).

    A Russian word is read from the analyser's table of the signatures' words
    (`Index` fills it): a dictionary word outside it has no slot's lemma, and
    its own lemmas are not looked up (`_slot_set_of` asks for them when a root
    may be shared).
    """
    if lang == "ru":
        return _ru_lemmas(word.replace("ё", "е").replace("Ё", "Е"))
    return _en_lemmas(word)


@lru_cache(maxsize=65536)
def _en_lemmas(word: str) -> frozenset[str]:
    return frozenset({en_lemma(word)})


def first_lemma(word: str, lang: str) -> str:
    """The lemma of a word in a listed rendering (its first reading)."""
    if lang == "ru":
        from .morph import russian

        readings = russian.analyser().readings(word.lower().replace("ё", "е"))
        return readings[0].lemma if readings else word.lower()
    return en_lemma(word)


# Signatures ----------------------------------------------------------------------


@_pickled_by_constructor  # a cached index unpickles each signature an anchor word asks for
@dataclass(frozen=True, slots=True)
class Signature:
    """One concept's slots in one language, and what counts as listed."""

    concept_id: str
    lang: str
    slots: tuple[frozenset[str], ...]
    required: tuple[bool, ...]
    function_words: frozenset[str]
    anchor: int
    tolerance: int  # required slots that may be missing (a term shortened by a word)
    accepted: frozenset[tuple[str, ...]]  # word-lemma sequences of accepted renderings
    listed: frozenset[tuple[str, ...]]  # ... of every listed rendering
    preferred: str
    # A listed variant's content lemmas -> what its fix writes: "One Belt – One Road"
    # is "One Belt, One Road" spelled otherwise, and is fixed the same way.
    targets: tuple[tuple[tuple[str, ...], str], ...] = ()
    anchors: tuple[int, ...] = ()  # slots of which one must be present (`anchor` first)
    head: int | None = None  # the slot of the head noun: a shortened rendering keeps it
    listed_words: frozenset[str] = frozenset()  # every word of every rendering, lower case, and their lemmas
    commas: bool = False  # a rendering has a comma inside ("One Belt, One Road"): a variant may too
    others: tuple[str, ...] = ()  # the other accepted renderings, in term-base order (suggestion candidates)
    # Russian: the parts of speech (NOUN, ADJF) of the one slot that a longer name of another
    # concept has beyond this one's («человечество», «человеческий» of «сообщество единой судьбы
    # человечества» for «сообщество единой судьбы»); see `mark_wider`.
    wider: frozenset[str] = frozenset()
    # English: the slots of each listed short form of three words or more ("major-country
    # diplomacy" of "major-country diplomacy with Chinese characteristics"), and its text. A
    # stretch filling exactly those slots names the concept as the short form does.
    shorts: tuple[tuple[frozenset[int], str], ...] = ()
    # Russian: the lemmas each slot holds only from `_RU_NEAR_SYNONYMS` (English: from
    # `_EN_NEAR_ADJECTIVES`). A hit fills one slot at most with them, and they are not lent to kin
    # («строительство сильного государства» swaps every word of «построение могущественной державы»:
    # a wording of its own, not a variant).
    near: tuple[frozenset[str], ...] = ()
    # The required slots that tell this name from a kin name sharing every other required slot
    # («африканский» of «китайско-африканское сообщество единой судьбы», whose kin is the
    # China-Central Asia community): a hit without its own word there names the kin or nothing
    # («Китай строит сообщество единой судьбы»), so it never stands missing; see `mark_distinct`.
    distinct: frozenset[int] = frozenset()
    # Russian: the initials of runs of the preferred rendering's words that start with a capital («ца» of
    # «Центральной Азии», «кпк» of «Коммунистической партии Китая»), each with the slots it stands for.
    # Each of those slots holds the initials too; a word in capitals fills them all at once (`_covered`).
    initials: tuple[tuple[str, tuple[int, ...]], ...] = ()
    # Russian: the rendering the slots were read from when it is not the preferred one: the preferred
    # rendering with its initials spelled out by another rendering of the concept («Генеральный
    # секретарь Центрального комитета Коммунистической партии Китая» for «Генеральный секретарь ЦК
    # КПК»), so that slot k is its content word k (`_ru_spelled_out`); "" when it is the preferred one.
    spelled: str = ""
    # Russian: the dictionary's compound short words of two neighbouring slots' words (компартия of
    # «коммунистическая партия», генсек of «генеральный секретарь»), each with the two slots it
    # stands for; the compound's lemma is a word of both (`_ru_compounds`).
    compounds: tuple[tuple[str, tuple[int, ...]], ...] = ()
    # A signature derived from a listed variant (`variant_signatures`): what its hits are fixed to.
    # Its `preferred` is the variant, whose words name its slots.
    fix_to: str = ""

    def short_for(self, filled: Sequence[int]) -> str | None:
        """The listed short form whose slots the hit fills, and no others ("great power diplomacy")."""
        got = frozenset(filled)
        return next((text for slots, text in self.shorts if slots == got), None)

    def target_for(self, found: str) -> str | None:
        content = tuple(_content(found, self.lang, self.function_words))
        return next((text for seq, text in self.targets if seq == content), None)

    def nearest(self, found: str) -> str | None:
        """The accepted rendering nearest an unlisted variant, if nearer than the preferred one.

        A candidate is the preferred rendering with some slot words swapped for
        synonyms, word for word in the same order, each swapped word found in the
        text ("community of shared destiny for humanity" is nearest "community
        with a shared future for humanity"; "human community with a shared
        future" reorders, so it is no candidate). The most found words win; on a
        tie the preferred rendering does.
        """
        got = set(_content(found, self.lang, self.function_words))
        pref = _content(self.preferred, self.lang, self.function_words)
        best, score = None, len(got & set(pref))
        for text in self.others:
            cand = _content(text, self.lang, self.function_words)
            if len(cand) != len(pref) or len(pref) > len(self.slots) or not all(
                    c == p or (c in got and c in self.slots[k]) for k, (c, p) in enumerate(zip(cand, pref))):
                continue
            n = len(got & set(cand))
            if n > score:
                best, score = text, n
        return best


    def slot_names(self) -> tuple[str, ...]:
        return tuple("/".join(sorted(s)) for s in self.slots)


@dataclass(frozen=True, slots=True)
class Hit:
    """Text `start`..`end` filling `filled` slots of a signature (one slot per word, in text order)."""

    signature: Signature
    start: int
    end: int
    words: tuple[tuple[int, int], ...]  # spans of the slot words
    filled: tuple[int, ...]  # slot of each slot word

    @property
    def concept_id(self) -> str:
        return self.signature.concept_id


def words(text: str) -> list[tuple[int, int, str]]:
    # Deriving a base's signatures reads each rendering word by word about seven times (715,000 calls
    # for 100,000 phrases): a short text's words are kept (`_short_words`), a copy handed out.
    if len(text) <= 200:
        return list(_short_words(text))
    return _tokens(text, 0, len(text))


@lru_cache(maxsize=1 << 16)
def _short_words(text: str) -> tuple[tuple[int, int, str], ...]:
    return tuple(_tokens(text, 0, len(text)))


# A single quote that opens a quotation (at a word's start) and one that closes it or a plural's possessive.
_OPENS_QUOTE = re.compile(r"(?<![^\W_])['‘](?=[^\W_])")
_ENDS_QUOTE = re.compile(r"(?<=[^\W_])['’](?![^\W_])")
_QUOTE_REACH = 200  # characters back from a word that an open quotation is looked for in


def _tokens(text: str, lo: int, hi: int) -> list[tuple[int, int, str]]:
    """The words of text[lo:hi], each without an apostrophe after it that closes a quotation.

    "the 'community of common destiny'" ends with a quote, not with a word: a
    span, a lemma or a possessive that took it in would be wrong ("countries'"
    keeps its apostrophe).
    """
    out = []
    for m in _WORD.finditer(text, lo, hi):
        start, end, word = m.start(), m.end(), m.group()
        if word[-1] in "'’" and _closes_quote(text, start, end):
            end, word = end - 1, word[:-1]
        out.append((start, end, word))
    return out


def _closes_quote(text: str, start: int, end: int) -> bool:
    """Whether the apostrophe ending the word text[start:end] closes a quotation: after a letter other
    than "s" (no possessive ends so), or after an "s" when a quotation opened before the word is still open."""
    if text[end - 2] not in "sS":
        return True
    lo = max(0, start - _QUOTE_REACH)
    opened = None
    for m in _OPENS_QUOTE.finditer(text, lo, start):
        opened = m
    return opened is not None and _ENDS_QUOTE.search(text, opened.end(), start) is None


# What can stand in a signature's hit: word characters, apostrophes, `_GAP_COMMA`'s characters.
# Anything else ends the walk, so the words past it are never read.
_HARD = re.compile(r"[^\w\s\-‐‑‒–—―\"'«»“”„‘’‹›,]|_")
# Up to the end of the last hard character (`match` from a window's start: no Python step per one).
_LAST_HARD = re.compile(r"(?s:.*)(?:[^\w\s\-‐‑‒–—―\"'«»“”„‘’‹›,]|_)")


def _stretch(text: str, lo: int, start: int, end: int, hi: int) -> tuple[int, int]:
    """The stretch of text[lo:hi] between the hard characters around text[start:end] (`_stretch_words`'s).

    An anchor's gate reads only it: no hit crosses a hard character, so no word past one fills a slot of
    the hit (in 5 MB of English prose, 40% fewer walks than with the whole window).
    """
    before = _LAST_HARD.match(text, lo, start)
    after = _HARD.search(text, end, hi)
    return (lo if before is None else before.end()), (min(hi, len(text)) if after is None else after.start())


def _stretch_words(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """`words(text)` between the characters around text[start:end] that no hit crosses.

    `_expand` stops at such a character as it stops at the window's end: the
    gap is not `_joined`, and the words after it cannot continue the phrase.
    """
    lo = 0
    for m in _HARD.finditer(text, 0, start):
        lo = m.end()
    m = _HARD.search(text, end)
    hi = len(text) if m is None else m.start()
    return _tokens(text, lo, hi)


_ARTICLES = frozenset({"a", "an", "the"})
_EN_PREPOSITIONS = frozenset("of for with to in on by at from into among between".split())


def sequence(text: str, lang: str, function_words: frozenset[str]) -> tuple[str, ...]:
    """A rendering as lemmas (function words as written), for "is it listed?".

    English articles are left out ("a community of a shared future" is the
    admitted "community of shared future").
    """
    toks = words(text)
    if lang == "ru":
        toks = _ru_list_sorted(text, toks)
    return tuple(w.lower() if w.lower() in function_words else first_lemma(w, lang)
                 for _, _, w in toks if w.lower() not in _ARTICLES or lang != "en")


_LIST_DASH = re.compile(r"\s*[-‐‑‒–—―]\s*")


def _ru_list_sorted(text: str, toks: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """The words with each list of names joined by dashes put in one order (by lemma).

    «Китай – Центральная Азия» and «Центральная Азия – Китай» are one name in
    two orders, both in use (each side puts itself first), as are «Китай –
    Кыргызстан – Узбекистан» and its reverse: the order of such a list makes
    no other rendering. A member is a capitalized word, after a capitalized
    adjective if any («Центральная Азия», «Южная Корея»); whatever stands before
    the first member («Саммит Китай – ...») stays where it is.
    """
    joined = [k for k in range(len(toks) - 1) if _LIST_DASH.fullmatch(text, toks[k][1], toks[k + 1][0])]
    if not joined:
        return toks
    out = list(toks)
    k = 0
    while k < len(joined):
        # the run of dashes joining members: member words are capitalized
        run = [joined[k]]
        while k + 1 < len(joined) and _ru_member_end(toks, run[-1] + 1, len(toks)) == joined[k + 1] + 1:
            k += 1
            run.append(joined[k])
        k += 1
        members: list[tuple[int, int]] = []
        start = _ru_member_start(toks, run[0])
        for d in run:
            members.append((start, d + 1))
            start = d + 1
        end = _ru_member_end(toks, start, len(toks))
        if not end or any(not toks[i][2][:1].isupper() for a, b in members for i in range(a, b)):
            continue
        members.append((start, end))
        lo, hi = members[0][0], members[-1][1]
        groups = sorted((toks[a:b] for a, b in members), key=lambda g: [first_lemma(w, "ru") for _, _, w in g])
        out[lo:hi] = [t for g in groups for t in g]
    return out


# The relative pronoun and the verbs of being that make a clause of a Russian rendering.
_RU_CLAUSE = frozenset({"который", "находиться", "являться", "быть", "стоять"})


# What a Russian name may wrap a list of names in: «Центр ... формата «Китай – Центральная
# Азия»», «секретариат механизма сотрудничества Китай – Центральная Азия». The same body
# is called by either wrapper, or by none: «Секретариат «Центральная Азия – Китай»».
_RU_WRAPPERS = frozenset({"формат", "механизм", "сотрудничество"})


@lru_cache(maxsize=4096)
def _ru_has_list(text: str) -> bool:
    """Whether a Russian rendering holds a list of names joined by a dash («Китай – Центральная Азия»)."""
    toks = words(text)
    return any(toks[k][2][:1].isupper() and toks[k + 1][2][:1].isupper()
               and _LIST_DASH.fullmatch(text, toks[k][1], toks[k + 1][0]) for k in range(len(toks) - 1))


def quotes_a_list(text: str) -> bool:
    """Whether every quotation in a Russian text holds a list of names joined by dashes and nothing else."""
    quoted = re.findall(r"[«\"“„]([^«»\"“”„]*)[»\"”“]", text)
    return bool(quoted) and all(_ru_has_list(q) and len(_ru_list_sorted(q, words(q))) == len(words(q))
                                and all(w[:1].isupper() for _, _, w in words(q)) for q in quoted)


# A dash between two lower-case words of a Russian rendering parts it as a comma would:
# «Один пояс – один путь» is also written «Один пояс, один путь».
_RU_PARTS_DASH = re.compile(r"[^\W\d_]\s+[–—]\s+[^\W\d_A-ZА-ЯЁ]")


_RU_ORDINAL_ENDINGS = frozenset("й я е го му м х ми ю ой ая ое ые ого ому ом ых ым ыми ую".split())


def _ordinal_ending(sig: Signature, text: str, toks: list[tuple[int, int, str]], k: int) -> bool:
    """Whether word `k` is the ending of a Russian ordinal written in figures («21-го», «2-й»)."""
    return (sig.lang == "ru" and k > 0 and toks[k][2].lower() in _RU_ORDINAL_ENDINGS and toks[k - 1][2].isdigit()
            and text[toks[k - 1][1]:toks[k][0]] == "-")


def _ru_list_goes_on(text: str, toks: list[tuple[int, int, str]], first: int, last: int) -> bool:
    """Whether a capitalized word joined by a list's dash stands right before word `first` or after word `last`."""
    return ((last + 1 < len(toks) and toks[last + 1][2][:1].isupper() and toks[last][2][:1].isupper()
             and _LIST_DASH.fullmatch(text, toks[last][1], toks[last + 1][0]) is not None)
            or (first > 0 and toks[first - 1][2][:1].isupper() and toks[first][2][:1].isupper()
                and _LIST_DASH.fullmatch(text, toks[first - 1][1], toks[first][0]) is not None))


def _ru_wrapper(sig: Signature, word: str) -> bool:
    """Whether a word filling no slot is a wrapper (`_RU_WRAPPERS`) that a name with a list may add."""
    return (sig.lang == "ru" and _ru_has_list(sig.preferred)
            and bool(lemmas(word, "ru") & _RU_WRAPPERS) and word[:1].islower())


def _ru_member_start(toks: list[tuple[int, int, str]], last: int) -> int:
    """Where the list member that ends with word `last` starts: a capitalized adjective before it joins it."""
    if last > 0 and toks[last][2][:1].isupper() and toks[last - 1][2][:1].isupper() and \
            toks[last - 1][2].lower().endswith(_RU_ADJ_ENDINGS) and not toks[last][2].lower().endswith(_RU_ADJ_ENDINGS):
        return last - 1
    return last


def _ru_member_end(toks: list[tuple[int, int, str]], first: int, limit: int) -> int:
    """Where the member starting at word `first` ends (0 if it is no capitalized word); it may not pass `limit`."""
    if first >= len(toks) or not toks[first][2][:1].isupper():
        return 0
    if (first + 1 < min(len(toks), limit) and toks[first][2].lower().endswith(_RU_ADJ_ENDINGS)
            and toks[first + 1][2][:1].isupper()):
        return first + 2
    return first + 1


def _orders(seq: tuple[str, ...], lang: str) -> set[tuple[str, ...]]:
    """A listed rendering and, in Russian, its two halves swapped.

    «нового типа международных отношений» is «международные отношения нового
    типа» with its genitive group put first; «Глобальной инициативы
    цивилизации» is not a swap of «Инициатива глобальной цивилизации».
    """
    if lang != "ru":
        return {seq}
    out = {seq[k:] + seq[:k] for k in range(len(seq))}
    for k, w in enumerate(seq):
        if w == "и" and seq.count("и") == 1:  # «гегемонизм и политика силы» = «политика силы и гегемонизм»
            out.add(seq[k + 1:] + ("и",) + seq[:k])
    return out


def accepted(sig: Signature, found: str) -> bool:
    """Whether `found` is an accepted rendering of the signature's concept, inflected or reordered.

    A Russian rendering put in another order is the same rendering only if the
    words moved keep their cases: «нового типа международных отношений» is
    «международные отношения нового типа» with its genitive group first, but in
    «новое качество производительных сил» the genitive «нового качества» of
    «производительные силы нового качества» became the head: another wording.
    """
    seq = sequence(found, sig.lang, sig.function_words)
    if seq not in sig.accepted:
        return False
    if sig.lang != "ru":
        return sig.lang != "en" or _en_owners_listed(sig, found, seq)
    mine = [w for _, _, w in words(found)]
    for text in (sig.preferred, *sig.others):
        theirs = [w for _, _, w in words(text)]
        listed = sequence(text, sig.lang, sig.function_words)
        if listed == seq and _dependents_kept(text, theirs, mine, sig.function_words):
            return True
        for k in range(1, len(listed)):
            if listed[k:] + listed[:k] == seq and _same_cases(theirs[k:], mine[:len(theirs) - k], sig.function_words):
                return True
        if "и" in listed and listed.count("и") == 1:
            k = listed.index("и")
            if listed[k + 1:] + ("и",) + listed[:k] == seq:
                return True
    return False


def _dependents_kept(text: str, listed: Sequence[str], found: Sequence[str], function_words: frozenset[str]) -> bool:
    """Whether the words of a Russian rendering that do not inflect with its head keep their case and number in
    `found`, the same words by lemma: «дипломатия крупных стран» is no «дипломатия крупной страны» inflected
    (a fix writes those words as listed), «дипломатии крупной страны» is."""
    from .morph import russian

    pattern = russian.analysed(text)
    if not pattern.inflects or len(listed) != len(found) or any(
            a.lower() != b.lower() and not _ru_lemmas(a.lower(), every=True) & _ru_lemmas(b.lower(), every=True)
            for a, b in zip(listed, found)):
        return True  # not word for word (a list of names in another order): nothing to compare
    inflecting = {s.token.start for s in pattern.slots if s.inflects}
    kept = [w for (start, _, w) in words(text) if start not in inflecting]
    fixed = [b for (start, _, _), b in zip(words(text), found) if start not in inflecting]
    return _same_cases(kept, fixed, function_words)


_EN_POSSESSIVE = re.compile(r"(?:['’]s|s['’])$", re.IGNORECASE)


def _en_owners(text: str) -> tuple[bool, ...]:
    """Which words but the last of an English rendering are possessives, articles left out (as `sequence`)."""
    toks = [w for _, _, w in words(text) if w.lower() not in _ARTICLES]
    return tuple(bool(_EN_POSSESSIVE.search(w)) and not _EN_POSSESSIVE.sub("", w).isupper() for w in toks[:-1])


def _en_owners_listed(sig: Signature, found: str, seq: tuple[str, ...]) -> bool:
    """Whether a possessive inside an English name stands where an accepted rendering has one.

    "Xi Jinping's thought on diplomacy" is "Xi Jinping Thought on Diplomacy"
    word for word but for the possessive, which makes the name a description
    of someone's thinking; "the world's anti-fascist war" is no "World
    Anti-Fascist War". A possessive on the last word is the whole name's ("the
    Chinese Dream's appeal"), and an abbreviation's is its owner's, as an "of"
    would say ("the CPC's Central Committee").
    """
    owners = _en_owners(found)
    if not any(owners):
        return True
    return any(sequence(text, sig.lang, sig.function_words) == seq and _en_owners(text) == owners
               for text in (sig.preferred, *sig.others))


def _same_cases(listed: Sequence[str], found: Sequence[str], function_words: frozenset[str]) -> bool:
    """Whether each content word of `found` may stand in a case and number of its word in `listed`."""
    from .morph import russian

    an = russian.analyser()
    for a, b in zip(listed, found):
        if a.lower() in function_words:
            continue
        want = {(r.case, r.number) for r in an.readings(a.lower().replace("ё", "е")) if r.case}
        got = {(r.case, r.number) for r in an.readings(b.lower().replace("ё", "е")) if r.case}
        if want and got and not want & got:
            return False
    return True


def _similar(a: str, b: str) -> bool:
    """Two lemmas of one root (productive / productivity): a long shared start."""
    n = 0
    for x, y in zip(a, b):
        if x != y:
            break
        n += 1
    return n >= 5 and n >= 0.7 * min(len(a), len(b))


def _content(text: str, lang: str, function_words: frozenset[str]) -> list[str]:
    return [first_lemma(w, lang) for _, _, w in words(text) if w.lower() not in function_words]


def _preferred_words(sig: Signature) -> list[str]:
    """The content words of the preferred rendering as written (its initials spelled out): slot k's word is item k."""
    return _content_words(sig.spelled or sig.preferred, sig.function_words)


def _content_words(text: str, function_words: frozenset[str]) -> list[str]:
    return [w for _, _, w in words(text) if w.lower() not in function_words]


def _usable(term: Term) -> bool:
    return not term.abbreviation_of and not term.requires_source and "|" not in term.text


# English words that translators put for one another in the names of this domain (lemmas): a
# slot of a name of three required slots or more that holds one holds them all ("building a
# strong country" for "building a strong nation", "Xi Jinping's ideas on diplomacy"). General
# near-synonyms only, each group one sense; the other slots of the name must be there as listed.
_EN_NEAR_SYNONYMS: tuple[frozenset[str], ...] = tuple(frozenset(group.split()) for group in (
    "country nation state",
    "thought idea thinking",
    "rejuvenation revival renewal revitalization resurgence renaissance",
    "building construction",
    "strong powerful mighty",
    "destiny fate",
    "mankind humanity humankind",
    "confrontation rivalry antagonism",
    "turbulence turmoil upheaval",
    "railway railroad",
    "freight cargo",
    "equal equitable",
    "pattern paradigm",
    "centenary centennial",
    "era epoch",
    "concept outlook vision view perspective philosophy",  # 观 and 理念: "security outlook", "view of history"
    "holistic overall",
    "transformation change",
))
_EN_NEAR = {w: group for group in _EN_NEAR_SYNONYMS for w in group}

# English adjectives of size and rank that translators put for one another (大 of 大国, 伟大, 重大:
# "diplomacy of a big country", "a major change unseen in a century"). Kept apart from
# `_EN_NEAR_SYNONYMS` because a name keeps its adjectives: a slot whose word the preferred rendering
# writes with a capital ("Great Wall", "Great Hall of the People") takes none of them, and what
# they add is held in `Signature.near`, so it is never lent to kin (`_lendable`).
_EN_NEAR_ADJECTIVES: tuple[frozenset[str], ...] = (frozenset("major great big".split()),)
_EN_NEAR_ADJ = {w: group for group in _EN_NEAR_ADJECTIVES for w in group}


# Russian words that translators put for one another in the names of this domain (pymorphy3
# lemmas), as `_EN_NEAR_SYNONYMS`: a slot of a name of three required slots or more that holds
# one holds them all («беспрецедентные за столетие изменения», «омоложение китайской нации»).
# Taken after the derived adjectives and nouns (`ru_derived`), so that a synonym lends no
# derivation of its own («страна» would bring «странный»).
_RU_NEAR_SYNONYMS: tuple[frozenset[str], ...] = tuple(frozenset(group.split()) for group in (
    "перемена изменение",
    "невиданный беспрецедентный небывалый",
    "возрождение омоложение ренессанс",
    "страна государство держава",
    "мышление менталитет",
    "строительство построение",
    "сильный мощный могучий могущественный",
    "эпоха эра",
    "конфронтация противостояние",
    "столетие век",
    "производительный производственный",  # productive forces, often mistranslated as production forces
    "комиссия совет",  # 委员会: the official «Центральный военный совет», the literal «комиссия» in the press
    "выставка экспо",  # 博览会: the organisers' own «ЭКСПО» in a fair's name, «выставка» in reports on it
    "председатель президент",  # 主席 of a state: the official «председатель», «президент» in the Russian press
    "глобальный мировой",  # 全球: the official «глобальный» («глобальный Юг»), «мировой» (世界) in the press
    "концепция философия",  # 理念: the official «концепция» («новая концепция развития»), «философия» after the English
))
_RU_NEAR = {w: group for group in _RU_NEAR_SYNONYMS for w in group}


def _near(slots: Sequence[frozenset[str]], required: Sequence[bool], table: Mapping[str, frozenset[str]]) -> list[frozenset[str]]:
    """Each required slot of a name of three required slots or more with the near-synonyms of its words."""
    if sum(required) < 3:
        return list(slots)
    return [slot.union(*(table.get(w, ()) for w in slot)) if r else slot for slot, r in zip(slots, required)]


def _en_near_adjectives(slots: Sequence[frozenset[str]], required: Sequence[bool],
                        written: Sequence[str]) -> list[frozenset[str]]:
    """`_near` with `_EN_NEAR_ADJECTIVES`, for the slots whose word (`written`: the preferred
    rendering's content words as written) is in lower case: a capital marks a proper name's word."""
    widened = _near(slots, required, _EN_NEAR_ADJ)
    return [wide if k < len(written) and written[k][:1].islower() else slot
            for k, (slot, wide) in enumerate(zip(slots, widened))]


def _ru_named_pair(text: str, function_words: frozenset[str]) -> bool:
    """Whether a Russian name is two words, the second a proper name («председатель КНР», «глобальный Юг»).

    Such a name takes a near-synonym in its common word (`_RU_NEAR_SYNONYMS`) as a
    longer name does: the proper name keeps it from reading ordinary prose
    («президент Китая» is that office whatever the wording; «президент клуба» is not).
    """
    content = [w for _, _, w in words(text) if w.lower() not in function_words]
    return len(content) == 2 and content[1][:1].isupper()


def _ru_name_lowered(sig: Signature, toks: list[tuple[int, int, str]], run: list[int], filled: tuple[int, ...]) -> bool:
    """Whether a run of a two-word name (`_ru_named_pair`) writes its proper name in lower case: «юг» is
    a point of the compass, «Юг» the countries; a word that is a name stays one only with its capital."""
    content = _preferred_words(sig)
    return any(slot < len(content) and content[slot][:1].isupper() and not toks[k][2][:1].isupper()
               for k, slot in zip(run, filled))


def derive(concept: Concept, lang: str) -> Signature | None:
    """The concept's signature in `lang` (its YAML `signature:` if any), or None if it has none."""
    lang = base_language(lang)
    if lang not in LANGS:
        return None
    preferred = concept.preferred(lang)
    if preferred is None:
        return None
    spec = next((s for s in concept.signatures if base_language(s.lang) == lang), None)
    if spec is not None and spec.off:
        return None
    function_words = frozenset(w.lower() for w in spec.function_words) if spec and spec.function_words is not None else FUNCTION_WORDS[lang]
    terms = [t for t in concept.terms if base_language(t.lang) == lang and _usable(t)]
    spelled = _ru_spelled_out(preferred.text, concept) if lang == "ru" and spec is None else ""
    # The slots are read from the preferred rendering, or from its initials spelled out.
    base = replace(preferred, text=spelled) if spelled else preferred
    if spelled:
        terms = [t for t in terms if t is not preferred]
    if lang == "ru" and spec is None:
        # «в центре которой находится ООН»: the words of a relative clause are its grammar, not the name's.
        function_words |= {w.lower() for t in terms for _, _, w in words(t.text) if first_lemma(w, lang) in _RU_CLAUSE}
    listed = frozenset(o for t in concept.terms if base_language(t.lang) == lang
                       for o in _orders(sequence(t.text, lang, function_words), lang))
    accepted = frozenset(o for t in concept.terms if base_language(t.lang) == lang and not t.status.is_variant
                         for o in _orders(sequence(t.text, lang, function_words), lang))
    near: tuple[frozenset[str], ...] = ()
    if spec is not None:
        slots = [frozenset(first_lemma(w, lang) for w in ws) | frozenset(en_lemma(w) for w in ws if lang == "en")
                 for ws, _ in spec.slots]
        required = [r for _, r in spec.slots]
        tolerance = 0
    else:
        found = _derive_slots(base, terms, lang, function_words)
        if found is None:
            return None
        slots, required = found
        tolerance = 1 if sum(required) >= 4 else 0
        # What a near-synonym table adds to a slot is held apart in `near` (never lent to kin).
        widened = slots
        if lang == "en":
            slots = _near(slots, required, _EN_NEAR)
            widened = _en_near_adjectives(slots, required, _content_words(base.text, function_words))
        elif lang == "ru" and sum(required) >= 3:
            slots = [slot | frozenset(d for w in slot for d in ru_derived(w)) for slot in slots]
            widened = _near(slots, required, _RU_NEAR)
        elif lang == "ru" and _ru_named_pair(base.text, function_words):
            widened = [slot.union(*(_RU_NEAR.get(w, ()) for w in slot)) for slot in slots]  # `_near` wants 3 slots
        near = tuple(w - s for w, s in zip(widened, slots))
        slots = widened
        if lang == "ru":
            slots = [slot.union(*(names for names in _RU_COUNTRIES if slot & names)) for slot in slots]
            slots = [slot | _ru_compound_places(base.text, terms, slot) | _numerals(slot) for slot in slots]
        if lang == "ru" and _ru_has_list(base.text):
            # A list of names is what the name is about: a variant keeps every word but the
            # wrappers («Секретариат «Центральная Азия – Китай»»), and no member may go
            # («формат «Центральная Азия»» is another format).
            head = _head(base.text, lang, function_words)
            wrappers = [k for k, lemma in enumerate(_content(base.text, lang, function_words))
                        if k != head and lemma in _RU_WRAPPERS]
            required = [r and k not in wrappers for k, r in enumerate(required)]
            tolerance = 0
    candidates = [k for k, r in enumerate(required) if r] or list(range(len(slots)))
    ranked = sorted(candidates, key=lambda k: (min(len(w) for w in slots[k]), -k), reverse=True)
    anchor = ranked[0]
    # A signature that may miss a slot needs a second anchor, or missing the first loses the match;
    # so does an English name of three slots, whose anchor word may change its stem (`_stem`:
    # "hegemony" for "hegemonism"), if its next slot's words are long ("value" and "type" are
    # everywhere in prose: 1,800 more stops in 3 MB of documentation, for no variant found).
    second = lang == "en" and sum(required) >= 3 and len(ranked) > 1 and min(len(w) for w in slots[ranked[1]]) >= 6
    anchors = tuple(ranked[:1 + (tolerance or second)])
    targets = tuple((tuple(_content(t.text, lang, function_words)), t.fix_to or preferred.text)
                    for t in concept.terms if base_language(t.lang) == lang and t.status.is_variant)
    shorts = _shorts(concept, lang, slots, required, function_words) if lang == "en" and spec is None else ()
    for short, _ in shorts:  # a short form is found from a word of its own
        if not short & set(anchors):
            anchors += (max(short, key=lambda k: (min(len(w) for w in slots[k]), -k)),)
    initials = _ru_initials(base.text, function_words, len(slots)) if lang == "ru" and spec is None else ()
    if initials:  # after the anchors are ranked: two letters make no rare anchor
        slots = [slot | {a for a, covered in initials if k in covered} for k, slot in enumerate(slots)]
    compounds = _ru_compounds(_content(base.text, lang, function_words),
                              frozenset(first_lemma(w, lang) for t in concept.terms if base_language(t.lang) == lang
                                        for _, _, w in words(t.text))) if lang == "ru" and spec is None else ()
    if compounds:
        slots = [slot | {c for c, covered in compounds if k in covered} for k, slot in enumerate(slots)]
    return Signature(concept.id, lang, tuple(slots), tuple(required), function_words, anchor, tolerance,
                     accepted, listed, preferred.text, targets, anchors, _head(base.text, lang, function_words),
                     frozenset(x for t in concept.terms if base_language(t.lang) == lang for _, _, w in words(t.text)
                               for x in (w.lower(), first_lemma(w, lang))),
                     any("," in t.text or (lang == "ru" and _RU_PARTS_DASH.search(t.text)) for t in terms),
                     tuple(t.text for t in terms if t is not preferred and not t.status.is_variant),
                     shorts=shorts, near=near if any(near) else (), initials=initials, spelled=spelled,
                     compounds=compounds)


def _ru_spelled_out(preferred: str, concept: Concept) -> str:
    """Another rendering of the concept that is the Russian preferred one with its words in capitals spelled
    out, one word a letter («Центрального комитета Коммунистической партии Китая» for «ЦК КПК»), or "".

    A name written with initials has the words of its full form: slots read from the initials
    alone would pair each full word with whatever stands at the place of a letter in the other
    renderings. The full form is a rendering or the `abbreviation_of` of one (the name a term
    abbreviates stays evidence even when that rendering is not listed itself).
    """
    mine = words(preferred)
    if not any(len(w) >= 2 and w.isupper() for _, _, w in mine):
        return ""
    texts = [t.text for t in concept.terms if base_language(t.lang) == "ru"]
    texts += [t.abbreviation_of for t in concept.terms if base_language(t.lang) == "ru" and t.abbreviation_of]
    for text in texts:
        if text != preferred and _spells_out(mine, words(text)):
            return text
    return ""


def _spells_out(short: list[tuple[int, int, str]], full: list[tuple[int, int, str]]) -> bool:
    """Whether `full` is `short` word for word (by lemma), each word in capitals of `short` standing for as
    many words of `full` as it has letters, the first of them capitalised, their initials its letters."""
    j = 0
    spelled = False
    for _, _, w in short:
        if j < len(full) and (full[j][2].lower() == w.lower() or first_lemma(full[j][2], "ru") == first_lemma(w, "ru")):
            j += 1
            continue
        n = len(w)
        run = [x for _, _, x in full[j:j + n]]
        if (n < 2 or not w.isupper() or len(run) < n or not run[0][:1].isupper()
                or "".join(x[:1] for x in run).lower() != w.lower() or any(x.isupper() for x in run)):
            return False
        j += n
        spelled = True
    return spelled and j == len(full)


_RU_COMPOUND_HEADS = (3, 4, 5)  # letters of the first word kept in a compound short word: ком-, гос-, мин-


def _ru_compounds(base: Sequence[str], attested: frozenset[str] = frozenset()) -> tuple[tuple[str, tuple[int, ...]], ...]:
    """The compound short words the dictionary has for two neighbouring words of a Russian name (lemmas).

    Russian shortens an adjective and the noun after it into one word: the first letters of the
    adjective and the noun whole (компартия: коммунистическая партия; госсовет: государственный
    совет) or its first letters too (генсек: генеральный секретарь). Each candidate is kept only if
    the dictionary has it as a noun, so the rule names no word of its own; one of first letters
    only (the likelier accident: «китара» of «китайско-арабский») also only if a rendering of the
    concept has it (`attested`, lemmas).
    """
    from .morph import russian

    an = russian.analyser()

    def noun(word: str) -> bool:
        return any(p.normal_form == word and p.tag.POS == "NOUN" and p.is_known for p in an.parses(word))

    out: dict[str, tuple[int, ...]] = {}
    for k in range(len(base) - 1):
        first, second = base[k], base[k + 1]
        if len(first) < 6 or len(second) < 4:
            continue
        for n in _RU_COMPOUND_HEADS:
            for tail in (second, second[:3], second[:4]):
                cand = first[:n] + tail
                if tail != second and cand not in attested:
                    continue
                if cand not in out and cand not in base and noun(cand):
                    out[cand] = (k, k + 1)
    return tuple(out.items())


def variant_signatures(concept: Concept, lang: str, main: Signature | None) -> list[Signature]:
    """English: a signature for each listed variant that the concept's own signature does not read.

    Drafts vary the deprecated forms as much as the official one: "One Belt and
    One Road" is "One Belt, One Road" with a conjunction more, yet no slot of the
    Belt and Road Initiative's signature holds a second "one". Each variant whose
    content words the signatures made so far cannot all place is the preferred
    rendering of a signature of its own, with the concept's other variants as its
    synonyms; its hits name the concept and are fixed as the variant is, and it
    misses no word. Three content words at least: two ("China Dream") in another
    order are any phrase ("the global dream of China"). What the concept accepts,
    and lists, is its own signature's.
    """
    if lang != "en" or main is None or main.fix_to or any(base_language(s.lang) == lang for s in concept.signatures):
        return []
    from dataclasses import replace

    from .model import Status

    variants = [t for t in concept.terms if base_language(t.lang) == lang and _usable(t) and t.status.is_variant]
    out: list[Signature] = []
    for term in variants:
        content = _content(term.text, lang, main.function_words)
        if len(content) < 3 or any(_reads(sig, content) for sig in (main, *out)):
            continue
        own = replace(term, status=Status.PREFERRED)
        kin = tuple(t for t in variants if t is not term)
        sig = derive(replace(concept, terms=(own, *kin)), lang)
        if sig is None:
            continue
        # No word short: a shortened variant of a variant ("cross-border crime") is too far from the concept.
        out.append(replace(sig, tolerance=0, accepted=main.accepted, listed=main.listed, targets=main.targets,
                           others=(), listed_words=main.listed_words, fix_to=term.fix_to or main.preferred))
    return out


def _reads(sig: Signature, content: Sequence[str]) -> bool:
    """Whether the signature's slots place every one of the content lemmas, one a slot, and leave no more
    required slots empty than it tolerates."""
    got = _assign([frozenset(k for k, slot in enumerate(sig.slots) if lemma in slot) for lemma in content])
    return got is not None and sum(1 for k, r in enumerate(sig.required) if r and k not in got) <= sig.tolerance


def _shorts(concept: Concept, lang: str, slots: Sequence[frozenset[str]], required: Sequence[bool],
            function_words: frozenset[str]) -> tuple[tuple[frozenset[int], str], ...]:
    """The slots of each accepted short form (a term that abbreviates another) of three content words
    or more, each word in a distinct required slot; shorter forms ("national rejuvenation") are too
    common a pair of words to name the concept without the rest."""
    out = []
    for t in concept.terms:
        if base_language(t.lang) != lang or not t.abbreviation_of or t.requires_source or t.status.is_variant:
            continue
        content = _content(t.text, lang, function_words)
        if len(content) < 3:
            continue
        got = _assign([frozenset(k for k, s in enumerate(slots) if w in s and required[k]) for w in content])
        if got is not None:
            out.append((frozenset(got), t.text))
    return tuple(out)


def _ru_initials(preferred: str, function_words: frozenset[str], n_slots: int) -> tuple[tuple[str, tuple[int, ...]], ...]:
    """The initials of each run of two words or more of a Russian preferred rendering that starts with a
    capital and has nothing but spaces and dashes between its words, with the slots of its words: a name
    inside a name is written with its initials («сообщество единой судьбы Китая и ЦА», «Генеральный
    секретарь ЦК КПК»). Words in capitals (abbreviations already) and function words end a run."""
    toks = words(preferred)
    slot_of: dict[int, int] = {}
    k = 0
    for n, (_, _, w) in enumerate(toks):
        if w.lower() not in function_words:
            slot_of[n] = k
            k += 1
    out: dict[str, tuple[int, ...]] = {}
    for first in range(len(toks)):
        w = toks[first][2]
        if first not in slot_of or not w[:1].isupper() or w.isupper():
            continue
        run = [first]
        for nxt in range(first + 1, len(toks)):
            between = preferred[toks[nxt - 1][1]:toks[nxt][0]]
            if nxt not in slot_of or toks[nxt][2].isupper() or not _INITIALS_GAP.fullmatch(between):
                break
            run.append(nxt)
            if len(run) >= 2:
                letters = "".join(toks[t][2][0] for t in run).lower()
                covered = tuple(slot_of[t] for t in run)
                if max(covered) < n_slots and letters not in out:
                    out[letters] = covered
    return tuple(out.items())


_INITIALS_GAP = re.compile(r"[\s\-‐‑‒–—―]+")


def _covered(sig: Signature, toks: list[tuple[int, int, str]], run: Sequence[int], filled: Sequence[int]) -> frozenset[int]:
    """The slots that words in capitals (`Signature.initials`) or compound short words (`Signature.compounds`) of
    the run stand for beyond the one each fills."""
    if not sig.initials and not sig.compounds:
        return frozenset()
    out: set[int] = set()
    for k, slot in zip(run, filled):
        word = toks[k][2]
        if len(word) >= 2 and word.isupper():
            for letters, covered in sig.initials:
                if slot in covered and word.lower() == letters:
                    out.update(covered)
        for compound, covered in sig.compounds:
            if slot in covered and compound in lemmas(word, sig.lang):
                out.update(covered)
    return frozenset(out - set(filled))


def _head(text: str, lang: str, function_words: frozenset[str], before_preposition: bool = False,
          skip: frozenset[int] = frozenset()) -> int | None:
    """The slot of a rendering's head noun.

    English: the last content word before the first preposition that follows
    one ("community" in "community with a shared future"), else the last word
    ("Initiative" in "Belt and Road Initiative"). Russian: the first content word
    read as a noun and not an adjective agreeing with the next («великое возрождение»), nor in
    `skip` (an adverbial phrase, `_ru_adverbial`).
    `before_preposition`: English, only a head that a preposition follows (a rendering
    without one may start with a verb's -ing form: "building a strong nation").
    """
    toks = [w for _, _, w in words(text)]
    content = [w for w in toks if w.lower() not in function_words]
    if not content:
        return None
    if lang == "ru":
        from .morph import russian

        attributive = _ru_attributive(content)
        for k, w in enumerate(content):
            if k not in attributive and k not in skip and any(r.pos == "NOUN"
                                            for r in russian.analyser().readings(w.lower().replace("ё", "е"))):
                return _ru_governed_head(text, function_words, k, skip)
        return None
    k = -1
    for w in toks:
        if w.lower() in function_words:
            if k >= 0 and w.lower() in _EN_PREPOSITIONS:
                return k
        else:
            k += 1
    return None if before_preposition else len(content) - 1


def _ru_governed_head(text: str, function_words: frozenset[str], k: int, skip: frozenset[int]) -> int:
    """The head found first (`k`), or the analysed term's head noun when `k` is a noun in the phrase of a
    preposition that a participle before the head governs («столетие» of «невиданные за столетие перемены»)."""
    from .morph import russian

    pattern = russian.analysed(text)
    toks = words(text)
    starts = [s for s, _, w in toks if w.lower() not in function_words]
    inflecting = {s.token.start for s in pattern.slots if s.inflects and s.domain == 0}
    if not pattern.inflects or starts[k] in inflecting or not any(
            w.lower() in russian.PREPOSITIONS for s, _, w in toks if s < starts[k]):
        return k
    nouns = [s.token.start for s in pattern.slots if s.inflects and s.domain == 0 and s.pos == "NOUN"]
    head = starts.index(nouns[0]) if nouns and nouns[0] in starts else None
    return head if head is not None and head > k and head not in skip else k


def _ru_attributive(content: Sequence[str]) -> dict[int, str]:
    """Russian words that may be read as a noun but are adjectives agreeing with the next word's noun:
    index -> the adjective's lemma («великое» of «великое возрождение»: великий, not the noun «великое»)."""
    from .morph import russian

    an = russian.analyser()
    out: dict[int, str] = {}
    for k in range(len(content) - 1):
        mine = an.readings(content[k].lower().replace("ё", "е"))
        if not any(r.pos == "NOUN" for r in mine):
            continue
        theirs = {(r.case, r.number, r.gender) for r in an.readings(content[k + 1].lower().replace("ё", "е"))
                  if r.pos == "NOUN"}
        adj = next((r.lemma for r in mine if r.pos == "ADJF" and any(
            r.case == c and r.number == n and (n == "plur" or not r.gender or not g or r.gender == g)
            for c, n, g in theirs)), None)
        if adj is not None:
            out[k] = adj
    return out


def _derive_slots(preferred: Term, terms: Sequence[Term], lang: str,
                  function_words: frozenset[str]) -> tuple[list[frozenset[str]], list[bool]] | None:
    """Slots from the preferred rendering's content words, synonyms from the other renderings.

    Another rendering's words go to the slot with the same lemma, then to one
    of the same root, then, if as many words as empty slots are left, in order
    (common -> shared, destiny -> future) when they stand at the empty slots'
    places. Words still left become optional slots ("style" in "Chinese-style
    modernization").
    """
    base = _content(preferred.text, lang, function_words)
    if len(base) < 2:
        return None  # one word is not a signature: ordinary prose is full of it
    slots = [{lemma} for lemma in base]
    if lang == "ru":
        for k, adj in _ru_attributive(_content_words(preferred.text, function_words)).items():
            slots[k].add(adj)
    required = [True] * len(slots)
    pref_head = _head(preferred.text, lang, function_words, True) if lang == "en" else None
    for term in terms:
        if term is preferred:
            continue
        content = _content(term.text, lang, function_words)
        assigned: dict[int, int] = {}
        for i, lemma in enumerate(content):
            k = next((k for k, s in enumerate(slots) if k not in assigned.values() and lemma in s), None)
            if k is not None:
                assigned[i] = k
        for i, lemma in enumerate(content):
            if i not in assigned:
                k = next((k for k, s in enumerate(slots) if k not in assigned.values()
                          and any(_similar(lemma, x) for x in s)), None)
                if k is not None:
                    assigned[i] = k
        adverbial = _ru_adverbial(term.text, function_words) if lang == "ru" else frozenset()
        if lang == "ru" and (k := _ru_same_head(base, content, assigned, preferred.text, term.text, function_words,
                                                  adverbial)) is not None:
            assigned[len(content) - 1] = k
        for i, k in assigned.items():
            slots[k].add(content[i])
        rest = [i for i in range(len(content)) if i not in assigned]
        empty = [k for k in range(len(slots)) if k not in assigned.values()]
        head = _head(term.text, lang, function_words, True) if lang == "en" and rest and rest == empty else None
        if head in rest and pref_head in empty and empty[rest.index(head)] != pref_head:
            # By position the head would fill another slot than the head's: heads pair, nothing else
            # ("unprecedented in the last century" beside "changes unseen in a century" gives
            # unprecedented/unseen, each right before "in", not unprecedented/changes and last/unseen).
            slots[pref_head].add(content[head])
        elif rest and rest == empty:
            # Synonyms by position only where the words stand where the slots do:
            # "community of common destiny" gives common/shared and destiny/future,
            # "great cause of national revival" gives nothing.
            for i, k in zip(rest, empty):
                slots[k].add(content[i])
        elif rest and not empty:
            for i in rest:
                if not any(content[i] in s for s in slots):
                    slots.append({content[i]})
                    required.append(False)
        elif rest and lang == "ru" and len(assigned) >= 2:
            pairs = _ru_aligned(content, assigned, base, len(slots), adverbial)
            if not pairs and len(rest) == 1 and len(empty) == 1 and len(assigned) >= 3 and empty[0] < len(base):
                # (an empty slot past the preferred rendering's words is an optional one another rendering added)
                pairs = _ru_modifier_for(content[rest[0]], base[empty[0]], empty[0])
            for i, k in pairs:
                slots[k].add(content[i] if i >= 0 else content[rest[0]])
    if lang == "en" and sum(required) >= 3:
        _en_swaps(slots, [_content(t.text, lang, function_words) for t in terms])
    return [frozenset(s) for s in slots], required


def _ru_same_head(base: list[str], content: list[str], assigned: dict[int, int], preferred: str, text: str,
                  function_words: frozenset[str], skip: frozenset[int]) -> int | None:
    """The preferred rendering's head slot when another Russian rendering ends, as it does, with its
    head noun, right after the same word («... социалистическая страна» beside «модернизированное
    социалистическое государство»: страна for государство); else None. Anything less than the same
    word before the same place is no evidence («города-побратимы» beside «побратимские связи»)."""
    i, k = len(content) - 1, len(base) - 1
    if i < 1 or k < 1 or i in assigned or k in assigned.values() or assigned.get(i - 1) != k - 1:
        return None
    if _head(text, "ru", function_words, skip=skip) != i or _head(preferred, "ru", function_words) != k:
        return None
    return k


def _en_swaps(slots: list[set[str]], seqs: list[list[str]]) -> None:
    """Two renderings that differ in one content word, in the same place, make the two words synonyms.

    "great cause of national revival" beside "great cause of national
    rejuvenation": revival is a word of the rejuvenation slot, although neither
    rendering is aligned word for word with the preferred "great rejuvenation of
    the Chinese nation". A word already in a slot stays where it is. Names of
    three required slots or more: "each other's key interests" beside "each
    other's core interests" says nothing of "key interest rates".
    """
    placed = {w for s in slots for w in s}
    for a in seqs:
        for b in seqs:
            if len(a) != len(b) or len(a) < 3:  # two words are too common a pair: "key interests"
                continue
            diff = [k for k, (x, y) in enumerate(zip(a, b)) if x != y]
            if len(diff) == 1 and a[diff[0]] in placed and b[diff[0]] not in placed:
                for slot in slots:
                    if a[diff[0]] in slot:
                        slot.add(b[diff[0]])
                        placed.add(b[diff[0]])
                        break


def _ru_modifier_for(word: str, slot_word: str, k: int) -> list[tuple[int, int]]:
    """[(-1, k)] if a Russian rendering's one word left over may stand for the preferred one's one word
    left over, slot `k`: both modifiers of the head, an adjective for a noun that has an adjective of its
    own («мировое сообщество с единой судьбой» beside «сообщество единой судьбы человечества»: мировой
    with человечество, as человеческий is), or the same part of speech; else [].

    Only where the rest of the two renderings is the same (three slots or more shared), so
    nothing but this one word can be the difference.
    """
    from .morph import russian

    an = russian.analyser()
    mine = {r.pos for r in an.readings(word)[:1]} & {"NOUN", "ADJF"}  # the first reading: the likeliest
    theirs = {r.pos for r in an.readings(slot_word)[:1]} & {"NOUN", "ADJF"}
    if not mine or not theirs:
        return []
    if mine == theirs or (mine == {"ADJF"} and theirs == {"NOUN"} and any(
            any(r.pos == "ADJF" for r in an.readings(d)) for d in ru_derived(slot_word))):
        return [(-1, k)]
    return []


def _ru_aligned(content: list[str], assigned: dict[int, int], base: list[str], n: int,
                skip: frozenset[int] = frozenset()) -> list[tuple[int, int]]:
    """Russian words of another rendering paired with the empty slots they stand beside, by part of speech.

    Right after a word that fills a slot, the next unpaired words take the
    next empty slots in order while each is the same part of speech (noun or
    adjective) as the slot's word: «... сообщество с общим будущим» beside
    «сообщество единой судьбы ...» gives единый/общий and судьба/будущее. Right
    before such a word, the same backwards. A word of another part of speech
    ends the pairing, unless it is in `skip`, an adverbial phrase of the rendering
    that the pairing steps over («современная во всех отношениях социалистическая
    страна» beside «модернизированное социалистическое государство» gives
    модернизированный/современный). Only a rendering that shares two words with the
    preferred one is paired («свободное развитие торговых отношений» shares one
    with «расширение торговли и инвестиций» and teaches nothing).
    """
    from .morph import russian

    def kind(lemma: str) -> str:
        readings = russian.analyser().readings(lemma)
        pos = readings[0].pos if readings else ""
        return "N" if pos == "NOUN" else "A" if pos in ("ADJF", "PRTF") else ""

    taken = set(assigned.values())
    out: list[tuple[int, int]] = []
    for i, k in sorted(assigned.items()):
        for step in (1, -1):
            j, slot = i + step, k + step
            while 0 <= j < len(content) and j not in assigned and 0 <= slot < min(n, len(base)) and slot not in taken:
                if not kind(content[j]) or kind(content[j]) != kind(base[slot]):
                    if j not in skip:
                        break
                    while 0 <= j < len(content) and j in skip and j not in assigned:
                        j += step
                    continue
                out.append((j, slot))
                taken.add(slot)
                assigned = {**assigned, j: slot}
                j, slot = j + step, slot + step
    return out


_RU_NOT_PREPOSITIONS = frozenset({"и", "или", "а", "всего", "всех", "всей"})


def _ru_adverbial(text: str, function_words: frozenset[str]) -> frozenset[int]:
    """The content words (their indices among the rendering's content words) of a prepositional phrase
    that stands between two adjectives of a Russian rendering («во всех отношениях» of «великая и
    современная во всех отношениях социалистическая страна»): a preposition, its adjectives and its
    noun, followed by an adjective. A phrase after the head («сообщество с общим будущим») is the
    name's own and is not one."""
    from .morph import russian

    an = russian.analyser()

    def adjective(word: str) -> bool:
        readings = an.readings(word.lower().replace("ё", "е"))
        return bool(readings) and readings[0].pos in ("ADJF", "PRTF")

    toks = [w for _, _, w in words(text)]
    content = [t for t, w in enumerate(toks) if w.lower() not in function_words]
    out: set[int] = set()
    for k in range(1, len(content) - 1):
        start = content[k - 1] + 1
        gap = [w.lower() for w in toks[start:content[k]]]
        if not adjective(toks[content[k - 1]]) or not any(g not in _RU_NOT_PREPOSITIONS for g in gap):
            continue
        end = k  # the phrase: the preposition's adjectives up to its noun
        while end < len(content) - 1 and adjective(toks[content[end]]):
            end += 1
        if end < len(content) - 1 and not adjective(toks[content[end]]) and adjective(toks[content[end + 1]]):
            out.update(range(k, end + 1))
    return frozenset(out)


# Scanning ------------------------------------------------------------------------


# Letters that the regular expression module's IGNORECASE matches with another
# letter although their lower cases differ (its table in re._casefix), each
# to the smallest of its class: one text position per character, as the regex sees it.
_RE_CASE_CLASSES = ("i\u0131", "s\u017f", "\u00b5\u03bc", "\u03b9\u0345\u1fbe", "\u03b2\u03d0", "\u03b5\u03f5",
                    "\u03b8\u03d1", "\u03ba\u03f0", "\u03c0\u03d6", "\u03c1\u03f1", "\u03c3\u03c2", "\u03c6\u03d5",
                    "\u0432\u1c80", "\u0434\u1c81", "\u043e\u1c82", "\u0441\u1c83", "\u0442\u1c84\u1c85",
                    "\u044a\u1c86", "\u0463\u1c87", "\ua64b\u1c88", "\u1e61\u1e9b", "\u0390\u1fd3", "\u03b0\u1fe3",
                    "\ufb05\ufb06")
_RE_CASES_TO = {c: min(cls) for cls in _RE_CASE_CLASSES for c in cls if c != min(cls)}
_RE_CASES_FROM = tuple(_RE_CASES_TO)
_RE_CASES = str.maketrans(_RE_CASES_TO)


class Index:
    """Every signature of one language of a term base, gated by anchor."""

    _WINDOW = 160  # characters around an anchor that a match can reach
    # Signatures unpickled from the cache (and what is worked out per signature) kept between scans: past
    # this many, a scan starts by letting go of them all (`_let_go`).
    _KEPT = 2048

    def __init__(self, lang: str, signatures: Iterable[Signature]) -> None:
        self.lang = lang
        self.signatures = list(signatures)
        self.by_lemma: dict[str, list[Signature]] = {}
        at: dict[str, list[int]] = {}
        starts: set[str] = set()
        for i, sig in enumerate(self.signatures):
            # A short near-synonym from the table that no rendering of the concept has is no
            # anchor ("state", "idea" are everywhere in prose): the name's other anchor finds it.
            for lemma in {w for k in (sig.anchors or (sig.anchor,)) for w in sig.slots[k]
                          if (w not in _EN_NEAR and w not in _EN_NEAR_ADJ) or len(w) >= 9 or w in sig.listed_words}:
                self.by_lemma.setdefault(lemma, []).append(sig)
                at.setdefault(lemma, []).append(i)
                # Russian stems of short words change after the third letter (путь, пути)
                starts.add(lemma[:3] if lang == "ru" and len(lemma) < 6 else lemma[:4])
        self._starts = sorted(starts, key=len, reverse=True)
        # English: the anchor lemmas' own word forms (a few per lemma, by the lemmatizer's
        # rules backwards), so the automaton stops only at real anchors, not at every
        # word that starts like one ("comm" in "command", "comment").
        # Russian: the forms of each anchor lemma's lexeme (pymorphy3), checked the same way.
        forms_of = en_forms if lang == "en" else ru_forms_of if lang == "ru" else None
        self._forms = frozenset(f for lemma in self.by_lemma for f in forms_of(lemma)) if forms_of else frozenset()
        # Initials are their own only form, whatever the analyser makes of them («од» would be a form of «ода»).
        self._forms |= {letters for sig in self.signatures for letters, _ in sig.initials if letters in self.by_lemma}
        self._gate: re.Pattern[str] | None = None
        self._gate_starts: Any = None
        self._automaton: Any = None
        self._raw: Any = None
        self._gates: dict[str, _Gate | None] = {}
        # Per anchor lemma the positions of its signatures (as `by_lemma` holds them), and the gates' table
        # of every signature, built on first use.
        self._at: Mapping[str, Sequence[int]] = at
        self._table: _GateTable | None = None
        # English: the content words of every listed rendering (and their lemmas), the words a
        # name may gain inside it (`_en_inserted`: "Silk Road infrastructure Fund").
        self.vocabulary = _vocabulary(lang, self.signatures)
        # English: the names inside longer names of other concepts (`embedded`).
        self.embedded = _embedded(lang, self.signatures)
        # English: the words some accepted rendering writes in lower case (`prefixed`).
        self.lower_words = _lower_case_words(lang, self.signatures)

    def __bool__(self) -> bool:
        return bool(self.signatures)

    def __getstate__(self) -> dict[str, Any]:
        state = self.__dict__.copy()
        state["_gate"] = None  # all built on first use
        state["_gate_starts"] = None
        state["_automaton"] = None
        state["_raw"] = None
        state["_gates"] = {}
        return state

    def __setstate__(self, state: dict[str, Any]) -> None:
        state.setdefault("_raw", None)
        state.setdefault("_gates", {})
        state.setdefault("_table", None)
        state.setdefault("vocabulary", frozenset())
        state.setdefault("embedded", {})
        state.setdefault("lower_words", frozenset())
        self.__dict__.update(state)

    def gate_table(self) -> _GateTable:
        if self._table is None:
            self._table = _GateTable.of(self.signatures)
        return self._table

    def _raw_scan(self, text: str) -> Any:
        """A caseless scan of the anchor forms that reads `text` as it is, where that finds what a
        scan of `text.lower()` finds: forms of ASCII letters and ’ (no other character lower-cases
        to those but the Kelvin sign, nor changes length but "İ"); else None."""
        if "\u0130" in text or "\u212a" in text:
            return None
        if self._raw is None:
            keys = sorted(self._forms or self._starts)
            if not all(c.isascii() or c == "’" for k in keys for c in k):
                self._raw = False
            else:
                from .keyscan import KeyScan

                self._raw = KeyScan(keys, caseless=True)
        return self._raw or None

    def anchors(self, text: str, lower: str | None = None) -> Iterable[tuple[int, str]]:
        """(offset, word) of every word that is a form of an anchor lemma: one scan of the keys
        (`lower` is `text.lower()` where the caller has it; it is not needed for ASCII forms)."""
        raw = self._raw_scan(text) if lower is None else None
        if raw is not None:
            yield from self._raw_anchors(text, raw)
            return
        if lower is None:
            lower = text.lower()
        if len(lower) != len(text):  # a letter whose lower case is longer ("İ"): a regex decides
            yield from self._gated(text)
            return
        if self._automaton is None:
            from .keyscan import KeyScan

            self._automaton = KeyScan(sorted(self._forms or self._starts), narrow=True)
        whole = bool(self._forms)
        size_of = len(lower)
        lengths = self._automaton.lengths
        for end, key in self._automaton(lower):
            at = end - lengths[key]
            if at and (lower[at - 1].isalnum() or lower[at - 1] == "_"):
                continue
            if whole and end < size_of and (lower[end].isalnum() or lower[end] == "_"):
                continue  # a whole form must end where the word does ("belt" in "beltway")
            m = _WORD.match(text, at)
            if m is not None:
                yield at, m.group()

    def _raw_anchors(self, text: str, raw: Any) -> Iterable[tuple[int, str]]:
        """`anchors` from the caseless scan of the text as it is (`_raw_scan`)."""
        whole = bool(self._forms)
        size_of = len(text)
        lengths = raw.lengths
        for end, key in raw(text):
            at = end - lengths[key]
            if at:
                c = text[at - 1].lower()
                if c.isalnum() or c == "_":
                    continue
            if whole and end < size_of:
                c = text[end].lower()
                if c.isalnum() or c == "_":
                    continue  # a whole form must end where the word does ("belt" in "beltway")
            m = _WORD.match(text, at)
            if m is not None:
                yield at, m.group()

    def _gated(self, text: str) -> Iterable[tuple[int, str]]:
        """`anchors` where lower-casing changes the text's length: the matches of one regex.

        The regex is tried only where the keys scan finds a start in a copy of
        the text lower-cased a character at a time with the regular expression
        module's own case equivalences ("ı" and "ſ" match "i" and "s"): trying
        it at every position with thousands of alternatives cost seconds a
        megabyte. Every place it can match is such a start, so the matches are
        those of `finditer`.
        """
        if self._gate is None:
            from .keyscan import KeyScan

            alternatives = "|".join(re.escape(s) for s in self._starts) or "(?!)"
            self._gate = re.compile(rf"(?<![^\W_])(?:{alternatives})[^\W_]*", re.IGNORECASE)
            self._gate_starts = KeyScan(sorted({s.translate(_RE_CASES) for s in self._starts}))
        lower = text.replace("\u0130", "i").lower()
        if len(lower) != len(text):  # no other letter lower-cases to two; should one, try everywhere
            for m in self._gate.finditer(text):
                yield m.start(), m.group()
            return
        for char in _RE_CASES_FROM:
            if char in lower:
                lower = lower.replace(char, _RE_CASES_TO[char])
        lengths = self._gate_starts.lengths
        reach = 0
        for at in sorted({end - lengths[k] for end, k in self._gate_starts(lower)}):
            if at < reach:
                continue
            m = self._gate.match(text, at)
            if m is not None:
                reach = m.end()
                yield m.start(), m.group()

    def scan(self, text: str, claims: Any = None) -> list[Hit]:
        """Every hit in `text`, leftmost-longest across signatures.

        Only words that start like an anchor are lemmatized; only the text
        around them is split into words and walked.

        `claims` (checks.variants' listed renderings of the text) is for a
        caller that keeps only the hits `claims.free` lets through: a signature
        is then not walked from an anchor inside a listed rendering of its own
        concept, whose hit `free` always drops (most anchors of a text that
        names a concept are in its listed renderings). Such a hit can still
        change the result by shadowing another in the leftmost-longest choice,
        so when any hit near a skipped anchor is free, the skipped walks are
        made after all (`_needed`): the free hits are those of the scan without
        `claims` (tests/test_signatures.py compares the two).
        """
        if not self.signatures or not self._starts:
            return []
        self._let_go()
        # (order, signature, window start, anchor, anchor word) of each walk not made
        skipped: list[tuple[tuple[int, int], Signature, int, int, str]] = []
        lang = self.lang
        found: list[tuple[tuple[int, int], Hit]] = []  # (anchor's rank, signature's rank there), hit
        raw = self._raw_scan(text)
        lowered = "" if raw is not None else text.lower()
        same = len(lowered) == len(text)  # then a window of `lowered` is the window lower-cased
        gates = self._gates  # per anchor word form: the same few come back in every text
        if len(gates) > 50_000:
            gates.clear()
        anchors = self._raw_anchors(text, raw) if raw is not None else self.anchors(text, lowered)
        for rank, (at, word) in enumerate(anchors):
            gate = gates.get(word, False)
            if gate is False:
                positions: list[int] = []
                own = lemmas(word, lang)
                for lemma in own:
                    positions.extend(self._at.get(lemma, ()))
                # One signature once; none is unpickled before the gate lets it through.
                gate = gates[word] = self.gate_table().gate(list(dict.fromkeys(positions)), own) if positions else None
            if gate is None:
                continue
            base = max(0, at - self._WINDOW)
            end = at + len(word) + self._WINDOW
            lower = lowered[base:end] if same else text[base:end].lower()
            if not gate.opens(lower):  # nor does its stretch: most anchors end here
                passing = gate.bare
            else:
                if len(lower) == min(end, len(text)) - base:  # the gate reads only the words a hit may hold
                    lo, hi = _stretch(text, base, at, at + len(word), end)
                    lower = lower[lo - base:hi - base]
                passing = gate.passing(lower)
            if not passing:
                continue
            walks = [(j, self.signatures[i]) for j, i in enumerate(passing)]
            inside: list[tuple[int, int]] = []
            if claims is not None:
                covering = claims.at(at)
                if covering:
                    own = {concept_id for _, _, concept_id in covering}
                    # A walk that may add a deprecated rendering's word to a listed one is made (`adds_variant_words`).
                    mine = [(j, sig) for j, sig in walks if sig.concept_id in own and not _variant_slots(sig)]
                    skipped.extend(((rank, j), sig, base, at, word) for j, sig in mine)
                    walks = [(j, sig) for j, sig in walks if sig.concept_id not in own or _variant_slots(sig)]
                    if not walks:
                        continue
                    inside = [(s - base, e - base) for s, e, _ in covering]
            self._walk(walks, rank, text, base, at, word, found, inside, skipped)
        if skipped and self._needed(found, skipped, claims):
            for order, sig, base, at, word in skipped:
                self._walk([(order[1], sig)], order[0], text, base, at, word, found)
            found.sort(key=lambda f: f[0])
        return _longest([hit for _, hit in found])

    def _let_go(self) -> None:
        """Let go of the signatures unpickled so far, and of what was worked out for them, once more than
        `_KEPT` are kept.

        A check of a large file with a large term base unpickles thousands of
        signatures, each a few kilobytes with its memos (a 10 MB file with
        100,000 phrases: 8,000 signatures and 160,000 memo entries, about 100
        MB), most of them for one or two anchors. The memos hold their
        signatures and are keyed by identity, so both go together; the gates
        (`_gates`) hold positions, not signatures, and stay.
        """
        signatures = self.signatures
        if isinstance(signatures, Lazy) and signatures.held > self._KEPT:
            signatures.forget()
            STATE.forget_signatures()

    def _walk(self, walks: list[tuple[int, Signature]], rank: int, text: str, base: int, at: int, word: str,
              found: list[tuple[tuple[int, int], Hit]], inside: list[tuple[int, int]] = (),  # type: ignore[assignment]
              skipped: list[tuple[tuple[int, int], Signature, int, int, str]] | None = None) -> None:
        """The hits of the signatures in `walks` (rank, signature) from the anchor `word` at `at`, in its
        window from `base`, into `found`.

        `inside`: the spans (in the window) of listed renderings that cover the
        anchor. A walk that cannot leave one of them (`_stays_inside`) can only
        give a hit that `free` drops: it goes to `skipped` instead (see `scan`).
        """
        local = text[base:at + len(word) + self._WINDOW]
        toks = _stretch_words(local, at - base, at - base + len(word))
        i = next((k for k, t in enumerate(toks) if t[0] == at - base), None)
        if i is None:
            return
        for j, sig in walks:
            if skipped is not None and any(_stays_inside(sig, local, toks, i, s, e) for s, e in inside):
                skipped.append(((rank, j), sig, base, at, word))
                continue
            hit = _expand(sig, local, toks, i, self.vocabulary)
            if hit is not None and not (hit.signature.wider and _ru_yields(hit, local, toks)):
                found.append(((rank, j), _shift(hit, base)))

    def _needed(self, found: list[tuple[tuple[int, int], Hit]],
                skipped: list[tuple[tuple[int, int], Signature, int, int, str]], claims: Any) -> bool:
        """Whether the skipped walks can change which hits `claims.free` keeps.

        A skipped hit lies in its anchor's window. Leftmost-longest decides each
        group of overlapping hits on its own, and a group that holds a skipped
        hit holds only hits overlapping it or overlapping such hits; if no hit
        in a group of `found` that reaches into a skipped window is free, that
        group gives nothing free with the skipped hits or without them, and the
        other groups are the same either way.
        """
        from .fold import merge_touching

        windows = merge_touching([(base, at + len(word) + self._WINDOW) for _, _, base, at, word in skipped])
        groups: list[tuple[int, int, bool]] = []  # (start, end, whether a hit is free) per group
        for hit in sorted((h for _, h in found), key=lambda h: h.start):
            free = claims.free(hit)
            if groups and hit.start < groups[-1][1]:
                start, end, any_free = groups[-1]
                groups[-1] = (start, max(end, hit.end), any_free or free)
            else:
                groups.append((hit.start, hit.end, free))
        starts = [start for start, _ in windows]
        for start, end, any_free in groups:
            k = bisect_right(starts, end - 1) - 1  # the last window starting before the group ends
            if any_free and k >= 0 and windows[k][1] > start:
                return True
        return False


def _variant_slots(sig: Signature) -> frozenset[int]:
    """The optional slots whose words no accepted rendering has: the words of a deprecated or superseded
    rendering beyond the preferred one's («новый» of «Экономический пояс нового Шелкового пути»)."""
    return _per_word(STATE.signature_slots, sig, "\0variant slots", _variant_slots_of)  # no word is that


def _variant_slots_of(sig: Signature, _: str) -> frozenset[int]:
    taken = {w for seq in sig.accepted for w in seq}
    return frozenset(k for k, (slot, r) in enumerate(zip(sig.slots, sig.required)) if not r and not slot & taken)


def adds_variant_words(hit: Hit, start: int, end: int) -> bool:
    """Whether the hit's words outside text[start:end] (an accepted rendering inside the hit) all fill
    slots that only deprecated renderings have: the accepted rendering with a deprecated one's word put
    to it is that deprecated wording («Нового Экономического пояса Шелкового пути»)."""
    outside = [k for (a, b), k in zip(hit.words, hit.filled) if b <= start or a >= end]
    return bool(outside) and set(outside) <= _variant_slots(hit.signature)


def lends_a_word(hit: Hit, text: str, start: int, end: int) -> bool:
    """Whether text[start:end], a listed rendering of another concept inside an English hit, holds a
    content word of the hit that fills none of its slots: that word is the other name's, not one inserted
    in this one or standing in for its missing word (see `checks.variants._Claims.free`). Russian
    inserted words are adjectives read by their grammar (`_ru_modifier`), and are left to it."""
    return hit.signature.lang == "en" and any(not any(a <= s and e <= b for a, b in hit.words) and w.lower() not in hit.signature.function_words
               for s, e, w in _tokens(text, start, end))


def _stays_inside(sig: Signature, text: str, toks: list[tuple[int, int, str]], i: int, start: int, end: int) -> bool:
    """Whether `_expand(sig, text, toks, i)` gives no hit reaching outside text[start:end] (which holds word `i`).

    A hit runs from slot word to slot word of one chain of joined words
    through `i`, widened only by a quote `_balanced` adds. Past the last
    word inside, the chain holds at most two words that fill no slot before
    it must reach one (`_GAP_MAX` function words, or one of them and a stand-in
    or inserted word), and a slot word written as two may straddle the edge.
    So if none of the three words past each edge fills a slot, alone or as a
    first half, nor does the edge word with the one past it, the hit lies inside.
    A list member in words of the text's own (`_list_member`) may have its
    conjunction and an article after it: four words, for a name with a list.
    """
    if not start <= toks[i][0] or not toks[i][1] <= end:
        return False
    if (start and text[start - 1] in _OPENS) or (end < len(text) and text[end] in _CLOSES):
        return False  # `_balanced` may widen the hit by this quote
    first = i
    while first > 0 and toks[first - 1][0] >= start:
        first -= 1
    last = i
    while last + 1 < len(toks) and toks[last + 1][1] <= end:
        last += 1
    reach = 5 if sig.lang == "en" and _list_patterns(sig) else 4
    for edge, step in ((first, -1), (last, 1)):
        if _split_word(sig, text, toks, edge, step) is not None:
            return False
        for k in range(edge + step, edge + reach * step, step):
            if k < 0 or k >= len(toks):
                break
            if _slot_set(sig, toks[k][2]) or _split_word(sig, text, toks, k, step) is not None:
                return False
    return True


def _ru_yields(hit: Hit, text: str, toks: list[tuple[int, int, str]]) -> bool:
    """Whether a Russian hit is a longer name of another concept with a word of its own in one place.

    «мировое сообщество с единой судьбой» holds «сообщество с единой судьбой»,
    but the adjective before it stands where «человеческое» stands in
    «человеческое сообщество единой судьбы»: it is a variant of the longer
    name, not the shorter one. The word right before the hit (an adjective
    agreeing with the hit's first word) or right after it (a noun in the
    genitive) takes the place of the longer name's missing slot, if that
    slot's words are of its part of speech. A qualitative adjective
    («новое», «большое») says how, not whose: it takes no slot's place.
    """
    from .morph import russian

    an = russian.analyser()
    first = next((k for k, t in enumerate(toks) if t[0] == hit.start), None)
    last = next((k for k, t in enumerate(toks) if t[1] == hit.end), None)
    if first is None or last is None:
        return False
    sig = hit.signature
    kinds: set[str] = set()
    if first > 0 and text[toks[first - 1][1]:toks[first][0]].isspace():
        word = toks[first - 1][2].lower().replace("ё", "е")
        head = {(r.case, r.number) for r in an.readings(toks[first][2].lower().replace("ё", "е")) if r.case}
        # A relational adjective (of a noun: «мировое», «человеческое»), not a qualitative one
        # («новое сообщество ...» is still the shorter name).
        if (word not in sig.listed_words and word not in sig.function_words and toks[first - 1][2][:1].islower()
                and any(r.pos == "ADJF" and (r.case, r.number) in head for r in an.readings(word))
                and not any("Qual" in p.tag.grammemes for p in an.parses(word) if p.tag.POS == "ADJF")):
            kinds.add("ADJF")
    if last + 1 < len(toks) and text[toks[last][1]:toks[last + 1][0]].isspace():
        word = toks[last + 1][2].lower().replace("ё", "е")
        if (word not in sig.listed_words and word not in sig.function_words and toks[last + 1][2][:1].islower()
                and any(r.pos == "NOUN" and r.case == "gent" for r in an.readings(word))):
            kinds.add("NOUN")
    if not kinds:
        return False
    return bool(kinds & sig.wider)


def _prefixes(sig: Signature) -> tuple[int, tuple[frozenset[str], ...], tuple[frozenset[str], ...]]:
    """(slots needed, the first three letters of each required slot's lemmas, and those letters split
    by a space or hyphen as `_split_word` reads them: "lu b" of "Lu Ban" for "luban", "co-o" of
    "co-operation")."""
    # Keyed by id() (hashing a signature hashes every field); the entry keeps its signature.
    memo = STATE.signature_prefixes
    got = memo.get(id(sig))
    if got is None or got[0] is not sig:
        got = memo[id(sig)] = (sig, *_prefixes_of(sig))
    return got[1], got[2], got[3]


def _prefixes_of(sig: Signature) -> tuple[int, tuple[frozenset[str], ...], tuple[frozenset[str], ...]]:
    need = sum(sig.required) - sig.tolerance - (1 if sum(sig.required) >= 5 else 0)
    prefixes = tuple(frozenset(v for w in slot for v in _yo(w[:3])) for slot, r in zip(sig.slots, sig.required) if r)
    split = tuple(frozenset(v for p in options for v in _split_prefix(p)) for options in prefixes)
    return need, prefixes, split


def _yo(p: str) -> tuple[str, ...]:
    """A slot lemma's first letters as a text may write them: a Russian lemma is kept with е for ё
    (`lemmas`), and «озёрная», «Шёлкового» read in lower case start with ё."""
    out = [p]
    for k, c in enumerate(p):
        if c == "е":
            out += [q[:k] + "ё" + q[k + 1:] for q in out]
    return tuple(out)


def _split_prefix(p: str) -> tuple[str, ...]:
    return tuple(p[:k] + c + p[k:] for k in range(1, len(p)) for c in " -")


def _anchored(sig: Signature, anchor: frozenset[str]) -> frozenset[int]:
    """The required slots (numbered as `_prefixes` numbers them) one of whose lemmas the anchor word has."""
    if not anchor:
        return frozenset()
    required = [slot for slot, r in zip(sig.slots, sig.required) if r]
    return frozenset(k for k, slot in enumerate(required) if not anchor.isdisjoint(slot))


def _may_fill(sig: Signature, lower: str, anchor: frozenset[str] = frozenset()) -> bool:
    """A cheap test before tokenizing: do enough of the signature's slots start somewhere near?

    Counts the required slots one of whose lemmas' first three letters occur in
    the lower-cased window (a C-level substring test); a match needs all but
    the tolerated ones, and a long name one more for a stand-in word. One slot
    more may be a word written as two (its letters split by a space or hyphen).
    A slot the anchor word itself fills (`anchor`: its lemmas) counts whatever
    its letters: «людьми» fills the slot of «человек», whose letters it lacks.
    The definition of `_Gate.passing`.
    """
    need, prefixes, split = _prefixes(sig)
    mine = _anchored(sig, anchor)
    present = [k in mine or any(p in lower for p in options) for k, options in enumerate(prefixes)]
    n = sum(present)
    if n >= need:
        return True
    return n == need - 1 and any(not here and any(p in lower for p in split[k]) for k, here in enumerate(present))


class _GateTable:
    """What `_may_fill` reads of every signature of an index, in a few flat arrays.

    For signature i: `needs[i]`; its required slots are the numbers
    `slot_at[i]` to `slot_at[i + 1]`, and slot s's prefixes (and split
    prefixes) are the `names` numbered `opts[opts_at[s]:opts_at[s + 1]]`
    (`splits`, `split_at`). `anchored` maps each lemma of a required slot to
    the codes `i * width + k` of the slots holding it (k: the slot's number
    among its signature's required ones). Arrays and one string unpickle as a
    handful of objects, where a dict of tuples of strings per signature made
    a large term base's gates the largest part of a check's memory; a gate is
    built from them for each anchor word (`gate`).
    """

    _STORED = ("width", "needs", "slot_at", "opts_at", "opts", "split_at", "splits", "names", "anchored")
    __slots__ = (*_STORED, "words", "_halves")

    def __init__(self, width: int, needs: array, slot_at: array, opts_at: array, opts: array, split_at: array,
                 splits: array, names: Sequence[str], anchored: Mapping[str, Sequence[int]]) -> None:
        self.width, self.needs, self.slot_at, self.opts_at, self.opts = width, needs, slot_at, opts_at, opts
        self.split_at, self.splits, self.names, self.anchored = split_at, splits, names, anchored
        # The names as strings, cut out once and shared by every gate: a few hundred distinct prefixes,
        # where each gate cutting its own copies held tens of megabytes of the same strings (100,000
        # phrases: 1,782 gates, 74,000 prefixes, 110,000 split letters).
        self.words = tuple(names)
        self._halves: dict[int, tuple[str, ...]] = {}  # slot -> its split prefixes (`halves`)

    @classmethod
    def of(cls, sigs: Sequence[Signature]) -> _GateTable:
        from .flat import SortedMap, Strings

        width = max((sum(sig.required) for sig in sigs), default=0) or 1
        numbers: dict[str, int] = {}
        needs, slot_at = array("q"), array("q", [0])
        opts_at, opts, split_at, splits = array("q", [0]), array("q"), array("q", [0]), array("q")
        anchored: dict[str, list[int]] = {}
        for i, sig in enumerate(sigs):
            need, prefixes, split = _prefixes_of(sig)
            needs.append(need)
            required = [slot for slot, r in zip(sig.slots, sig.required) if r]
            for k, (options, halves, slot) in enumerate(zip(prefixes, split, required)):
                opts.extend(numbers.setdefault(p, len(numbers)) for p in sorted(options))
                opts_at.append(len(opts))
                splits.extend(numbers.setdefault(p, len(numbers)) for p in sorted(halves))
                split_at.append(len(splits))
                for lemma in slot:
                    anchored.setdefault(lemma, []).append(i * width + k)
            slot_at.append(len(opts_at) - 1)
        return cls(width, needs, slot_at, opts_at, opts, split_at, splits, Strings.of(numbers),
                   SortedMap.of(anchored, "runs"))

    def __reduce__(self) -> tuple[Any, ...]:
        return (_GateTable, tuple(getattr(self, name) for name in self._STORED))

    def halves(self, s: int) -> tuple[str, ...]:
        """Slot s's prefixes split by a space or hyphen (kept per slot, for every gate)."""
        got = self._halves.get(s)
        if got is None:
            words = self.words
            got = self._halves[s] = tuple(words[o] for o in self.splits[self.split_at[s]:self.split_at[s + 1]])
        return got

    def gate(self, positions: Sequence[int], anchor: frozenset[str] = frozenset()) -> _Gate:
        """The gate of the signatures at `positions` (in that order) for an anchor word with the lemmas
        `anchor`: a slot one of them fills counts whatever its letters (`_may_fill`)."""
        width, slot_at, opts_at, opts = self.width, self.slot_at, self.opts_at, self.opts
        by_prefix: dict[int, list[int]] = {}
        for j, i in enumerate(positions):
            first = slot_at[i]
            for s in range(first, slot_at[i + 1]):
                code = j * width + s - first
                for o in opts[opts_at[s]:opts_at[s + 1]]:
                    by_prefix.setdefault(o, []).append(code)
        mine = bytearray(len(positions) * width)
        if anchor:
            local = {i: j for j, i in enumerate(positions)}
            for lemma in anchor:
                for code in self.anchored.get(lemma, ()):
                    j = local.get(code // width)
                    if j is not None:
                        mine[j * width + code % width] = 1
        words = self.words
        ends, codes = array("i", [0]), array("i")
        for found in by_prefix.values():
            codes.extend(found)
            ends.append(len(codes))
        return _Gate(self, array("i", positions), tuple(words[o] for o in by_prefix), ends, codes, bytes(mine))


class _Gate:
    """`_may_fill` of every signature an anchor word may start, at once.

    A common anchor word ("system", "cooperation") may start hundreds of
    signatures of a large term base; their slots share prefixes, so each
    distinct prefix is looked for once per window and only the slots it
    fills are counted (`codes[ends[n]:ends[n + 1]]` for prefix n: the
    signature's place in `positions` times the table's width, plus the slot).
    Split letters are looked for only for a signature one slot short.

    A check keeps one gate per anchor word form (thousands with a large term
    base), so what a gate keeps is arrays of 32-bit numbers and the table's
    own strings, not a tuple of Python numbers per signature.
    """

    __slots__ = ("table", "positions", "prefixes", "ends", "codes", "anchored", "telling", "bare", "_mine",
                 "_needs", "_open", "_open_ends", "_open_codes")

    def __init__(self, table: _GateTable, positions: array, prefixes: tuple[str, ...], ends: array, codes: array,
                 anchored: bytes) -> None:
        self.table, self.positions, self.prefixes, self.ends, self.codes = table, positions, prefixes, ends, codes
        # The slots the anchor word fills, found in every window: anchored[code] is 1 for each (a byte a
        # slot, where a set of the codes took some 60 bytes each).
        self.anchored = anchored
        # Most windows hold no letters of a slot the anchor word leaves open (four in five anchors of
        # English prose): then only the anchored slots count, and the answer is the same every time.
        # `telling` are the prefixes that can change it: those of a slot the anchor does not fill, and
        # the split letters of such a slot of a signature one slot short with the anchor alone.
        width, needs, slot_at = table.width, table.needs, table.slot_at
        # per signature, the slots the anchor word fills
        mine = self._mine = array("i", [anchored.count(1, k, k + width) for k in range(0, len(anchored), width)])
        telling = {p for n, p in enumerate(prefixes) if not all(anchored[c] for c in codes[ends[n]:ends[n + 1]])}
        for j, i in enumerate(positions):
            if mine[j] == needs[i] - 1:
                first = slot_at[i]
                for s in range(first, slot_at[i + 1]):
                    if not anchored[j * width + s - first]:
                        telling.update(table.halves(s))
        self.telling = tuple(sorted(telling))
        self.bare = [i for j, i in enumerate(positions) if mine[j] >= needs[i]]
        # For a window that holds some telling letters (`_prepare`, on first need): the prefixes that
        # fill a slot the anchor does not (`_open`), with those slots (`_open_codes[_open_ends[n]:
        # _open_ends[n + 1]]`), and per signature the slots it needs.
        self._needs: array | None = None
        self._open: tuple[str, ...] = ()
        self._open_ends = self._open_codes = array("i")

    @classmethod
    def of(cls, sigs: Sequence[Signature], anchor: frozenset[str] = frozenset()) -> _Gate:
        """The gate of `sigs` (whose `passing` gives places in `sigs`)."""
        return _GateTable.of(sigs).gate(range(len(sigs)), anchor)

    def opens(self, lower: str) -> bool:
        """Whether `lower` holds telling letters: if not, `passing` of it, or of any part of it, is `bare`."""
        for p in self.telling:
            if p in lower:
                return True
        return False

    def passing(self, lower: str) -> list[int]:
        """The positions (in the table) of the signatures `_may_fill` lets through for this lower-cased
        window, in order."""
        for p in self.telling:
            if p in lower:
                break
        else:
            return list(self.bare)
        if self._needs is None:
            self._prepare()
        filled: set[int] = set()  # the slots found that the anchor does not fill
        ends, codes = self._open_ends, self._open_codes
        for n, p in enumerate(self._open):
            if p in lower:
                filled.update(codes[ends[n]:ends[n + 1]])
        width = self.table.width
        counts = [0] * len(self.positions)
        for code in filled:
            counts[code // width] += 1
        out = []
        needs, mine, positions = self._needs, self._mine, self.positions
        for j, n in enumerate(counts):
            n += mine[j]
            need = needs[j]  # type: ignore[index]
            if n >= need or (n == need - 1 and self._split(j, filled, lower)):
                out.append(positions[j])
        return out

    def _prepare(self) -> None:
        anchored, ends, codes = self.anchored, self.ends, self.codes
        opened: list[str] = []
        open_ends, open_codes = array("i", [0]), array("i")
        for n, p in enumerate(self.prefixes):
            own = [code for code in codes[ends[n]:ends[n + 1]] if not anchored[code]]
            if own:  # a prefix of anchored slots alone changes no count
                opened.append(p)
                open_codes.extend(own)
                open_ends.append(len(open_codes))
        self._open, self._open_ends, self._open_codes = tuple(opened), open_ends, open_codes
        needs = self.table.needs
        self._needs = array("i", [needs[i] for i in self.positions])

    def _split(self, j: int, filled: set[int], lower: str) -> bool:
        """Whether a slot of the signature at place j neither filled nor anchored has its letters split by a
        space or hyphen."""
        table = self.table
        i = self.positions[j]
        first = table.slot_at[i]
        base = j * table.width - first
        for s in range(first, table.slot_at[i + 1]):
            code = base + s
            if code not in filled and not self.anchored[code]:
                for p in table.halves(s):
                    if p in lower:
                        return True
        return False


def _shift(hit: Hit, by: int) -> Hit:
    if not by:
        return hit
    return Hit(hit.signature, hit.start + by, hit.end + by, tuple((s + by, e + by) for s, e in hit.words), hit.filled)


def _slot_set(sig: Signature, word: str) -> frozenset[int]:
    """The slots a word can fill (cached per signature and word form)."""
    return _per_word(STATE.signature_slots, sig, word, _slot_set_of)


def _per_word(memo: dict[tuple[int, str], tuple[Any, frozenset[int]]], sig: Signature, word: str,
              compute: Callable[[Signature, str], frozenset[int]]) -> frozenset[int]:
    """`compute(sig, word)`, kept in `memo` by the signature's id and the word; an entry keeps its
    signature, so an id reused by a later one is a miss."""
    key = (id(sig), word)
    got = memo.get(key)
    if got is None or got[0] is not sig:
        if len(memo) > 200_000:
            memo.clear()
        got = memo[key] = (sig, compute(sig, word))
    return got[1]


def _slot_set_of(sig: Signature, word: str) -> frozenset[int]:
    """By lemma, or by a long shared root ("socialist" for "socialism").

    A Russian name is a noun phrase: a word read only as a verb, a short
    adjective or a predicative fills no slot unless a rendering has it
    («Люди и природа гармонично сосуществуют» describes; it names nothing).
    """
    ls = lemmas(word, sig.lang)
    if sig.lang == "ru" and ls and word.lower().replace("ё", "е") not in sig.listed_words:
        ls = _ru_name_lemmas(word, ls)
    found = frozenset(k for k, s in enumerate(sig.slots) if ls & s)
    if found and sig.initials and not word.isupper():  # initials fill a slot only in capitals
        ls = ls - {letters for letters, _ in sig.initials}
        found = frozenset(k for k in found if ls & sig.slots[k])
    if found:
        return found
    if sig.lang == "en" and sum(sig.required) >= 3 and len(word) >= 4:
        # A long name's word may change its part of speech: "hegemony and power politics",
        # "Xi Jinping's diplomatic thought", "China-Central Asian cooperation mechanism".
        return frozenset(k for k, s in enumerate(sig.slots) if any(_stem(a, b) or _root(a, b) for a in ls for b in s))
    if len(word) < 7:
        return found
    if sig.lang == "ru":
        # A lemma of one root shares its first letters with the word: only then
        # are the word's own lemmas worth the analyser (superlatives start «наи»).
        low = word.lower().replace("ё", "е")
        starts = {low[:3], low[3:6] if low.startswith("наи") else low[:3]}
        if not any(b[:3] in starts for s in sig.slots for b in s):
            return found
        ls = _ru_name_lemmas(word, _ru_lemmas(word.replace("ё", "е").replace("Ё", "Е"), every=True), every=True)
        return frozenset(k for k, s in enumerate(sig.slots) if any(_root(a, b) or _ru_adjective_of(a, b)
                                                                   for a in ls for b in s))
    return frozenset(k for k, s in enumerate(sig.slots) if any(_root(a, b) for a in ls for b in s))


_RU_ADJ_LEMMA_ENDINGS = ("ный", "ной", "ский", "ской", "ичный", "овый")


def _ru_adjective_of(word: str, noun: str) -> bool:
    """Whether a Russian adjective lemma is a noun lemma (five letters or more, ending in a consonant)
    with an adjective's suffix, as compounds the dictionary lacks are made: «(ООН-)центричный» of «центр»."""
    return (len(noun) >= 5 and noun[-1] not in "аяоеиыуюьй" and word.startswith(noun)
            and len(word) - len(noun) <= 5 and word.endswith(_RU_ADJ_LEMMA_ENDINGS))


# Parts of speech that no word of a Russian name is (pymorphy3's tags): a finite verb, an
# infinitive, a gerund, a short participle or adjective, a predicative, a comparative.
_RU_PREDICATE = frozenset({"VERB", "INFN", "GRND", "PRTS", "ADJS", "PRED", "COMP"})


def _ru_name_lemmas(word: str, ls: frozenset[str], every: bool = False) -> frozenset[str]:
    """The lemmas of `ls` that a word of a name may have: of a reading that is no predicate word.

    `every`: the lemmas came from a shared root, where an adverb counts as a
    predicate word too («гармонично» is no form of «гармоничный» in a name).
    """
    from .morph import russian

    an = russian.analyser()
    low = word.lower().replace("ё", "е")
    readings = an.readings(low) if every else an.relevant(low)
    if not readings:
        return ls
    banned = _RU_PREDICATE | {"ADVB"} if every else _RU_PREDICATE
    return frozenset(r.lemma for r in readings if r.lemma in ls and r.pos not in banned)


def _root(a: str, b: str) -> bool:
    """Two long words of one root: they share at least 80 % of the longer one.

    ("socialist" and "socialism" do; "extremist" and "extreme" do not.)
    """
    if min(len(a), len(b)) < 7 or a[:4] != b[:4]:
        return False
    n = next((i for i, (x, y) in enumerate(zip(a, b)) if x != y), min(len(a), len(b)))
    return n >= 0.8 * max(len(a), len(b))


_EN_SUFFIXES = frozenset(
    "n an ian ese ism ist ic ical tic al ial ous ious ity ive ion ation ization ize ment ness ly ed ing er ful".split()
)


_EN_DEMONYMS = frozenset("ese an ian n ish".split())
_EN_VERB_ENDINGS = frozenset({"ing", "ed"})


def _stem(a: str, b: str) -> bool:
    """Two English words of one stem: the shorter loses at most its last two letters, the longer adds a
    derivational ending, and what they share is 60 % of the longer ("hegemony" and "hegemonism", "Asia"
    and "Asian", "diplomacy" and "diplomatic"; not "community" and "communist", "state" and
    "statement", "party" and "partner", "global" and "globalization")."""
    if len(a) > len(b):
        a, b = b, a
    return _derived(a, b) or (len(a) == len(b) and _derived(b, a))


def _derived(short: str, long: str) -> bool:
    """`_stem` with the words in order: `long` is `short` less at most two letters and plus an ending."""
    if len(short) < 4 or short[:4] != long[:4]:
        return False
    n = next((i for i, (x, y) in enumerate(zip(short, long)) if x != y), len(short))
    if n == len(short) and long[n:] in _EN_VERB_ENDINGS:
        return True  # the word whole, and a verb's ending: "work" and "working", "peak" and "peaked"
    if n < 0.6 * len(long) and not (n >= len(short) - 1 and long[n:] in _EN_DEMONYMS):
        return False  # ... unless a place's adjective: China and Chinese, Japan and Japanese
    return any(long[k:] in _EN_SUFFIXES or (not long[k:] and k == len(short))
               for k in range(max(4, len(short) - 2), n + 1))


def _joined(text: str, a: tuple[int, int, str], b: tuple[int, int, str], comma: bool = False) -> bool:
    """Whether nothing but spaces, hyphens, dashes or quotes (and a comma, if allowed) separates two words."""
    if b[0] - a[1] == 1 and text[a[1]] == " ":
        return True  # the common gap
    m = (_GAP_COMMA if comma else _GAP).fullmatch(text, a[1], b[0])
    return m is not None


_COMMA_GAP = re.compile(r"\s*,\s*")


def _en_comma(sig: Signature, text: str, a: tuple[int, int, str], b: tuple[int, int, str]) -> bool:
    """Whether a comma between two words of an English name stands between two of its modifiers.

    "a powerful, modern socialist nation": two adjectives before the head noun
    may be set apart by a comma; both fill slots that come before the head slot
    in the preferred rendering, and no other slot.
    """
    if sig.lang != "en" or sig.head is None or not _COMMA_GAP.fullmatch(text, a[1], b[0]):
        return False
    left, right = _slot_set(sig, a[2]), _slot_set(sig, b[2])
    return bool(left) and bool(right) and all(k < sig.head for k in left | right)


def _ru_comma(sig: Signature, text: str, a: tuple[int, int, str], b: tuple[int, int, str]) -> bool:
    """Whether a comma between two words of a Russian name is the grammar's, not the end of the name.

    Either `b` opens a participial phrase set off by a comma after its noun `a`, for a
    name that has that phrase before the noun («перемены, невиданные за столетие» of
    «невиданные за столетие перемены»), or `a` and `b` are two adjectives of the name
    in a row («новые, качественные производительные силы»); the two agree in case and number.
    """
    if sig.lang != "ru" or not _COMMA_GAP.fullmatch(text, a[1], b[0]):
        return False
    from .morph import russian

    an = russian.analyser()
    mine = an.readings(b[2].lower().replace("ё", "е"))
    if _participial(sig.preferred, sig.function_words):
        nouns = {(r.case, r.number) for r in an.readings(a[2].lower().replace("ё", "е")) if r.pos == "NOUN" and r.case}
        if any((r.case, r.number) in nouns for r in mine if r.pos in ("PRTF", "ADJF")):
            return True
    if not (_slot_set(sig, a[2]) and _slot_set(sig, b[2])):
        return False
    adjectives = {(r.case, r.number) for r in an.readings(a[2].lower().replace("ё", "е"))
                  if r.pos in ("PRTF", "ADJF") and r.case}
    return any((r.case, r.number) in adjectives for r in mine if r.pos in ("PRTF", "ADJF"))


@lru_cache(maxsize=4096)
def _participial(text: str, function_words: frozenset[str]) -> bool:
    """Whether a Russian rendering opens with a participial phrase: a participle or adjective with a
    preposition's phrase of its own before the noun it qualifies («невиданные за столетие перемены»)."""
    from .morph import russian

    ws = [w for _, _, w in words(text)]
    if len(ws) < 4 or ws[1].lower() not in function_words:
        return False
    an = russian.analyser()
    return all(r.pos in ("PRTF", "ADJF") for r in an.readings(ws[0].lower().replace("ё", "е"))) and any(
        r.pos == "NOUN" for r in an.readings(ws[-1].lower().replace("ё", "е")))


def _expand(sig: Signature, text: str, toks: list[tuple[int, int, str]], i: int,
            vocabulary: frozenset[str] = frozenset()) -> Hit | None:
    """The longest stretch around word `i` that fills the signature, or None.

    `vocabulary`: the words an English name may gain inside it (`Index.vocabulary`).
    """
    hit = _expand_run(sig, text, toks, i, vocabulary)
    if hit is None and sig.lang == "en" and _list_patterns(sig):
        return _list_member(sig, text, toks, i)
    return hit


def _expand_run(sig: Signature, text: str, toks: list[tuple[int, int, str]], i: int,
                vocabulary: frozenset[str] = frozenset()) -> Hit | None:
    """`_expand` but for a list member in words of the text's own (`_list_member`)."""
    limit = 2 * len(sig.slots) + 3
    items: dict[int, frozenset[int]] = {i: _slot_set(sig, toks[i][2])}
    if not items[i]:
        return None  # the word at the anchor fills no slot (the "İ" gate reads "community" in "community’s…")
    # A long name (five slots or more) may have one word nobody listed in place
    # of one of its words ("socialist ideology" for "Thought on Socialism").
    wild = 1 if sum(sig.required) >= 5 else 0
    # A name of four words may have another modifier in place of one of its own ("community of a
    # single destiny of mankind"): never its head noun, and only right before one of its words.
    modifier = sig.lang == "en" and sum(sig.required) == 4 and sig.tolerance >= 1
    wild += modifier
    stand_in = -1  # the word standing in for a slot, if any
    tail = -1  # a word that could have stood in, right after the walk's last word (English)
    ru_long = sig.lang == "ru" and sum(sig.required) >= 4
    # An inserted adjective needs every word of the name around it: three are enough to tell the name
    # («гегемонизм и политика грубой силы», «невиданные за столетие глобальные перемены»).
    ru_insert = sig.lang == "ru" and sum(sig.required) >= 3
    inserted = -1  # a Russian adjective inserted inside a name («Экономический пояс нового Шелкового пути»)
    # English: a word of the domain inserted inside a name of three words or more, all of them there
    # ("Silk Road infrastructure Fund", "Belt and Road International Cooperation Summit Forum").
    en_insert = bool(vocabulary) and sig.lang == "en" and sum(sig.required) >= 3
    insertable = -1  # the stand-in, when it may be such a word too

    def standing(a: int, b: int, filled: tuple[int, ...]) -> bool:
        """Whether the run's stand-in word stands for a missing slot (not inserted in a whole name)."""
        return slot_words[a] < stand_in < slot_words[b] and not (
            stand_in == insertable and all(not r or k in filled for k, r in enumerate(sig.required)))
    halves: dict[int, int] = {}  # a slot word written as two ("Lu Ban" for "Luban") -> its second half
    for step in (-1, 1):
        j, gap = i, 0
        while len(items) < 2 * limit:
            k = j + step
            if k < 0 or k >= len(toks) or not (_joined(text, toks[min(j, k)], toks[max(j, k)], sig.commas)
                                                 or _ru_comma(sig, text, toks[min(j, k)], toks[max(j, k)])
                                                 or _en_comma(sig, text, toks[min(j, k)], toks[max(j, k)])):
                break
            if step == -1 and (styled := _styled(sig, text, toks, k)) is not None:
                items[k - 1], items[k], halves[k - 1], gap = styled, frozenset(), k, 0  # one word, "China-type"
                j = k - 1
                continue
            slots = _slot_set(sig, toks[k][2])
            if slots and not (sig.lang == "ru" and toks[k][2].lower() in _RU_HUNDRED):
                items[k], gap = slots, 0
            elif (pair := _split_word(sig, text, toks, k, step)) is not None:
                first, second, slots = pair
                items[first], items[second], halves[first], gap = slots, frozenset(), second, 0
                items.update({x: frozenset() for x in range(first + 1, second)})
                j = second if step > 0 else first
                continue
            elif slots:
                items[k], gap = slots, 0
            elif (toks[k][2].lower() in sig.function_words or _ru_wrapper(sig, toks[k][2])
                  or _ordinal_ending(sig, text, toks, k)) and gap < _GAP_MAX:
                items[k], gap = frozenset(), gap + 1
            elif (wild and (gap < _GAP_MAX if not modifier else _before_slot(sig, text, toks, k))
                  and toks[k][2][:1].islower() and len(toks[k][2]) > 3
                  and toks[k][2].lower() not in _EN_STOPS):
                if en_insert and inserted < 0 and gap == 0 and _en_inserted(sig, text, toks, k, vocabulary):
                    insertable = k  # or inserted in a name with no word missing
                items[k], gap, wild, stand_in = frozenset(), _GAP_MAX, wild - 1, k
            elif inserted < 0 and gap == 0 and ru_insert and _ru_modifier(sig, text, toks, k, step):
                items[k], gap, inserted = frozenset(), _GAP_MAX, k
            elif inserted < 0 and gap == 0 and en_insert and _en_inserted(sig, text, toks, k, vocabulary):
                items[k], gap, inserted = frozenset(), _GAP_MAX, k
            else:
                if (step == 1 and gap == 0 and sum(sig.required) >= 5 and sig.lang == "en"
                        and toks[k][2][:1].islower() and len(toks[k][2]) > 3 and toks[k][2].lower() not in _EN_STOPS):
                    tail = k  # the word after a long name, which may stand in for its missing last slot
                break
            j = k
        if step == -1 and sig.lang == "en" and 0 <= stand_in and not any(items[k] for k in items if k < stand_in):
            # A word before the name's first word stands in for nothing: it is free to stand
            # in after it ("a closer community of single destiny of ...": not "closer", "single").
            del items[stand_in]
            wild, stand_in = wild + 1, -1
    slot_words = sorted(k for k, s in items.items() if s)
    at = slot_words.index(i)
    best: tuple[int, int, tuple[int, ...]] | None = None
    best_key: tuple[int, int, int] = (0, 0, 0)
    options = tuple(items[k] for k in slot_words)
    n_slots = len(sig.slots)
    # Between which slot words a conjunction stands: a run may hold one only where a rendering does.
    conj = [sig.lang == "en" and any(toks[x][2].lower() in _CONJUNCTIONS for x in range(p + 1, q))
            for p, q in zip(slot_words, slot_words[1:])]  # Russian: «Озер и Гор» stands for «Озера – Горы»
    conjoined = _shape(sig).conjoined if any(conj) else frozenset()
    for a in range(at, -1, -1):
        for b in range(at, len(slot_words)):
            if b - a >= n_slots:
                break
            # The most slot words; then the fewest function words between them;
            # then the leftmost ("Глобальной инициативы цивилизации и Глобальной
            # инициативы управления" is two names, not one across «и»).
            key = (b - a + 1, slot_words[a] - slot_words[b], -a)
            if best is not None and key <= best_key:
                continue  # cannot win: not worth the tests
            filled = _assign_all(options[a:b + 1])
            inside = filled is not None and standing(a, b, filled)
            if filled is None or not _enough(sig, filled, inside,
                                             _quoted(text, toks[slot_words[a]][0], toks[slot_words[b]][1])
                                             or (inside and modifier and _introduced(text, toks, slot_words[a])),
                                             bool(sig.near) and _near_fills(sig, toks, slot_words[a:b + 1], filled) == 1,
                                             _covered(sig, toks, slot_words[a:b + 1], filled)):
                continue
            if inside and sig.lang == "en" and not _in_place(sig, filled, slot_words[a:b + 1], stand_in):
                continue
            if inside and modifier and not _modifies(sig, filled, items, stand_in):
                continue
            if slot_words[a] < inserted < slot_words[b] and any(
                    r and k not in filled for k, r in enumerate(sig.required)):
                continue  # an inserted word only inside a name whose every word is there
            best, best_key = (a, b, filled), key
    if best is None:
        return None
    hit = _finish(sig, text, toks, items, halves, slot_words, best, conj, conjoined, ru_long, stand_in, tail)
    if hit is not None or sig.lang != "en" or list(best[2]) == sorted(best[2]):
        return hit
    # English: a run refused for its order may hold a shorter one in the listed order, with fewer
    # slot words ('features of "great power diplomacy with Chinese ...' reorders; its last five
    # words do not). Only then: a run refused for a conjunction is two phrases throughout.
    tried = best
    cands = []
    for a in range(at, -1, -1):
        for b in range(at, min(len(slot_words), a + n_slots)):
            filled = _assign_all(options[a:b + 1])
            if (a, b, filled) != tried and filled is not None and list(filled) == sorted(filled) and (
                    not standing(a, b, filled)
                    or (_in_place(sig, filled, slot_words[a:b + 1], stand_in)
                        and (not modifier or _modifies(sig, filled, items, stand_in)))) and _enough(
                    sig, filled, standing(a, b, filled),
                    _quoted(text, toks[slot_words[a]][0], toks[slot_words[b]][1]),
                    covered=_covered(sig, toks, slot_words[a:b + 1], filled)) and not (
                    slot_words[a] < inserted < slot_words[b]
                    and any(r and k not in filled for k, r in enumerate(sig.required))):
                cands.append(((b - a + 1, slot_words[a] - slot_words[b], -a), (a, b, filled)))
    for _, cand in sorted(cands, key=lambda c: c[0], reverse=True):
        hit = _finish(sig, text, toks, items, halves, slot_words, cand, conj, conjoined, ru_long, stand_in, tail)
        if hit is not None:
            return hit
    return None


# An English rendering as a pattern: ("slot", k), ("word", function word), (",", ","), ("and", conjunction),
# and ("wild", the slots it replaces) for one list member in the text's own words.
if TYPE_CHECKING:
    _Element = tuple[str, Any]


def _list_patterns(sig: Signature) -> tuple[tuple[_Element, ...], ...]:
    """The accepted English renderings that coordinate modifiers ("amicable, secure and prosperous
    neighborhood"), each once per list member, with that member replaced by one word of the text's own.

    A member is the run of content words before a comma or conjunction, back to the last function
    word or mark ("universally beneficial" of "universally beneficial and inclusive economic
    globalization"), or the one word after the last conjunction ("transformation" of "new period of
    turbulence and transformation"); the words after it are the name's own, shared by every member.
    """
    held = STATE.signature_lists.get(id(sig))
    if held is not None and held[0] is sig:
        return held[1]
    out: set[tuple[_Element, ...]] = set()
    for rendering in (sig.preferred, *sig.others):
        elements: list[_Element] = []
        toks = words(rendering)
        usable = True
        for n, (s, e, w) in enumerate(toks):
            if n and "," in rendering[toks[n - 1][1]:s]:
                elements.append((",", ","))
            low = w.lower()
            if low in _CONJUNCTIONS:
                elements.append(("and", low))
            elif low in _ARTICLES:
                continue  # an article is optional in the text (`_list_member` skips the text's)
            elif low in sig.function_words:
                elements.append(("word", low))
            else:
                slots = _slot_set_of(sig, w)
                if len(slots) != 1:
                    usable = False
                    break
                elements.append(("slot", next(iter(slots))))
        marks = [k for k, (kind, _) in enumerate(elements) if kind in (",", "and")]
        if not usable or not marks:
            continue
        members: list[tuple[int, int]] = []
        for k in marks:
            if elements[k - 1][0] != "slot" if k else True:
                continue  # ", and": the member ended at the comma
            first = k - 1
            while first > 0 and elements[first - 1][0] == "slot":
                first -= 1
            members.append((first, k))
        last = marks[-1] + 1
        if last < len(elements) and elements[last][0] == "slot":
            members.append((last, last + 1))
        for first, end in members:
            kept = [x for x in elements[:first] + elements[end:] if x[0] == "slot"]
            if len(kept) < 3 or (sig.head is not None and any(x == ("slot", sig.head) for x in elements[first:end])):
                continue  # a name of three words left at least, its head noun among them
            out.add((*elements[:first], ("wild", tuple(x[1] for x in elements[first:end])), *elements[end:]))
    got = tuple(sorted(out, key=repr))
    STATE.signature_lists[id(sig)] = (sig, got)
    return got


def _list_member(sig: Signature, text: str, toks: list[tuple[int, int, str]], i: int) -> Hit | None:
    """A rendering that coordinates modifiers, with one member in words nobody listed, around word `i`.

    "an amicable, peaceful and prosperous neighborhood", "accessible and inclusive
    economic globalization": every other word of an accepted rendering is there,
    in its order, with its commas and conjunction; the word in the member's place
    is one word of the text's own (lower case, no stop word), here a list member
    as surely as the listed one. Articles may come and go; nothing else may.
    """
    for pattern in _list_patterns(sig):
        size = len(pattern)
        for start in range(max(0, i - 2 * size), i + 1):
            got = _match_list(sig, text, toks, start, pattern)
            if got is not None and got[0] <= i <= got[1] and not _list_goes_on(text, toks, got[0]):
                first, last, slot_words, filled = got
                return Hit(sig, toks[first][0], toks[last][1], tuple((toks[k][0], toks[k][1]) for k in slot_words),
                           filled)
    return None


def _list_goes_on(text: str, toks: list[tuple[int, int, str]], first: int) -> bool:
    """Whether a list runs on before word `first` (a comma or "and" after the word before it): the text
    coordinates more members than the name ("open, inclusive and balanced economic globalization" is
    another formula, not "universally beneficial and inclusive ..." with one member swapped)."""
    if first == 0:
        return False
    gap = text[toks[first - 1][1]:toks[first][0]]
    return "," in gap or toks[first - 1][2].lower() in _CONJUNCTIONS


def _match_list(sig: Signature, text: str, toks: list[tuple[int, int, str]], start: int,
                pattern: tuple[_Element, ...]) -> tuple[int, int, tuple[int, ...], tuple[int, ...]] | None:
    """Words `start`... matching `pattern`: (first word, last word, slot words, their slots), or None."""
    k = start
    slot_words: list[int] = []
    filled: list[int] = []
    first = last = -1
    comma = False  # the pattern has a comma before the word at k
    for n, (kind, value) in enumerate(pattern):
        while k < len(toks) and toks[k][2].lower() in _ARTICLES and (n or k > start):
            k += 1
        if kind == ",":
            comma = True
            continue
        if k >= len(toks):
            return None
        word = toks[k][2]
        low = word.lower()
        if n:
            if not _joined(text, toks[k - 1], toks[k], True):
                return None
            # A comma where the pattern has one, and a serial comma before the conjunction either way.
            if ("," in text[toks[k - 1][1]:toks[k][0]]) != comma and kind != "and":
                return None
        comma = False
        if kind == "and":
            if low not in ("and", "or"):
                return None
        elif kind == "word":
            if low != value:
                return None
        elif kind == "slot":
            if value not in _slot_set(sig, word):
                return None
            slot_words.append(k)
            filled.append(value)
        elif (not word.isalpha() or not word[:1].islower() or len(word) <= 3 or low in _EN_STOPS
              or low in sig.function_words or low in _CONJUNCTIONS or _slot_set(sig, word) & set(value)):
            return None  # no member of a list, or the member's own word: the listed rendering
        if first < 0:
            first = k
        last = k
        k += 1
    if first < 0 or not slot_words:
        return None
    return first, last, tuple(slot_words), tuple(filled)


def _finish(sig: Signature, text: str, toks: list[tuple[int, int, str]], items: dict[int, frozenset[int]],
            halves: dict[int, int], slot_words: list[int], best: tuple[int, int, tuple[int, ...]],
            conj: list[bool], conjoined: frozenset[tuple[int, int]], ru_long: bool, stand_in: int = -1,
            tail: int = -1) -> Hit | None:
    """The hit of the run of slot words `best` (first, last, slots filled), or None if it reads as no name.

    `stand_in`: the word a long name may have in place of a missing slot (`_expand`'s
    `wild`), or `tail`, the word right after the walk that could have been one; right
    after the run, in the place of a missing last slot, it ends the hit ("great power
    diplomacy with Chinese specifics": the fix replaces "specifics" too).
    """
    run = slot_words[best[0]:best[1] + 1]
    a = best[0]
    covered = _covered(sig, toks, run, best[2])
    got = tuple(sorted(set(best[2]) | covered)) if covered else best[2]  # the slots filled or stood for
    if any(conj[g] and (best[2][g - a], best[2][g - a + 1]) not in conjoined for g in range(a, best[1])):
        return None  # "high-quality development and Belt and Road cooperation": two phrases, not one name
    second_halves = set(halves.values())
    if sum(sig.required) <= 2 and any(not items.get(k) and toks[k][2].lower() not in sig.listed_words
                                      and k not in second_halves for k in range(run[0], run[-1] + 1)):
        return None  # a two-word concept with a word none of its renderings has: «сближения с народом»
    if sig.lang == "ru" and _ru_prefixed_modifier(sig, toks, run, best[2]):
        return None  # «всеобщему процветанию» (prosperity shared by nations), not «общее процветание»
    if (sig.lang == "en" and list(best[2]) != sorted(best[2]) and best[2][-1] != sig.head
            and not _shape(sig).listed_order(best[2]) and _continues(sig, text, toks, run[-1])):
        return None  # reordered words inside a longer phrase: "development of high quality products"
    last = halves.get(run[-1], run[-1])
    if len(run) >= 3 and _identifier(text[toks[run[0]][0]:toks[last][1]]):
        return None  # words joined only by hyphens are an identifier (a concept id, a file name)
    if ru_long and _ru_beside(sig, text, toks, [*run[:-1], last], got):
        return None  # «великому возрождению китайской культуры»: another word holds the missing slot's place
    if sig.near and _near_fills(sig, toks, run, best[2]) > 1:
        return None  # «строительство сильного государства»: one word swapped for a near-synonym at most
    if sig.near and sig.lang == "ru" and sum(sig.required) == 2 and _ru_name_lowered(sig, toks, run, best[2]):
        return None  # «мировой юг океана»: a proper name's word in lower case is a common word
    if sig.lang == "ru" and _ru_dangles(sig, toks[last][2]):
        return None  # «Концепция национальной безопасности и всеобъемлющая»: a name ends with a noun
    if sig.lang == "ru" and _ru_headless(sig, toks, run, best[2]):
        return None  # «государство, открытое к внешнему миру»: an adjective where the head noun stands
    if (sig.lang == "ru" and (list(best[2]) != sorted(best[2]) or any(
            r and k not in got for k, r in enumerate(sig.required))) and _ru_continues(sig, text, toks, last)):
        return None  # «Глобальная инициатива развития здравоохранения»: the last word has its own genitive
    if sig.lang == "ru" and _ru_list_goes_on(text, toks, run[0], last):
        return None  # «механизм «Китай – Центральная Азия – Европа»»: another list, another format
    if sig.lang == "ru" and _ru_other_owner(sig, text, toks, last, got):
        return None  # «официальный представитель МИД РК»: another country's spokesperson, not China's
    if sig.lang == "ru" and _ru_owned_before(sig, text, toks, run, best[2]):
        return None  # «съезда Коммунистической партии Китая Генеральный секретарь»: the party is the congress's
    if _names_another(sig, text, toks, last, best[2]):
        return None  # «идеи Си Цзиньпина о социализме …» is not «идеи Си Цзиньпина о дипломатии» shortened
    start, end = _balanced(text, toks[run[0]][0], toks[last][1])
    after = stand_in if stand_in == last + 1 and sum(sig.required) >= 5 else tail  # not a four-word name's modifier
    if after == last + 1 and sig.lang == "en" and _trails(sig, best[2]):
        end = max(end, toks[after][1])
    return Hit(sig, start, end, tuple((toks[k][0], toks[halves.get(k, k)][1]) for k in run), best[2])


def _ru_prefixed_modifier(sig: Signature, toks: list[tuple[int, int, str]], run: list[int],
                          filled: tuple[int, ...]) -> bool:
    """Whether a Russian name of two words keeps its head noun and puts a prefixed form of its
    modifier in place of the modifier: «всеобщее процветание» (prosperity that nations share) beside
    «общее процветание» (the Party's aim at home). A prefix makes another word, and beside the name's
    own head noun another phrase, whatever a deprecated rendering put in that slot by position
    («всеобщая зажиточность»). A modifier of an accepted rendering is always itself."""
    if sig.head is None or len(sig.slots) != 2 or sum(sig.required) != 2 or len(run) != 2:
        return False
    pref = _content(sig.spelled or sig.preferred, "ru", sig.function_words)
    if len(pref) != 2 or sorted(filled) != [0, 1]:
        return False
    head, other = sig.head, 1 - sig.head
    words_of = {slot: toks[k][2] for k, slot in zip(run, filled)}
    if pref[head] not in lemmas(words_of[head], "ru"):
        return False
    mine = lemmas(words_of[other], "ru")
    if mine & {w for seq in sig.accepted for w in seq}:
        return False
    return any(len(w) - len(pref[other]) >= 2 and w.endswith(pref[other]) for w in mine)


def _near_fills(sig: Signature, toks: list[tuple[int, int, str]], run: list[int], filled: tuple[int, ...]) -> int:
    """How many words of the run fill their slot only as a near-synonym of its words (`Signature.near`)."""
    n = 0
    for k, slot in zip(run, filled):
        if sig.near[slot]:
            ls = lemmas(toks[k][2], sig.lang)
            n += bool(ls & sig.near[slot]) and not ls & (sig.slots[slot] - sig.near[slot])
    return n


def _in_place(sig: Signature, filled: tuple[int, ...], positions: Sequence[int], stand_in: int) -> bool:
    """Whether an English word standing in for a missing slot stands where that slot would: after
    the slots filled before it and before those filled after it, but for the one word beside it
    ("action scheme for clean rivers" for "action plan for clean rivers"; not "China pursues
    great power diplomacy", where "pursues" stands between the owner and the rest)."""
    missing = [k for k, r in enumerate(sig.required) if r and k not in filled]
    before = [k for k, at in zip(filled, positions) if at < stand_in]
    after = [k for k, at in zip(filled, positions) if at > stand_in]
    # A name whose parts moved ("community of single destiny of Central Asia and China"): only
    # the part the word stands in counts, the slot words around it in the listed order.
    i = len(before) - 1
    while i > 0 and before[i - 1] < before[i]:
        i -= 1
    j = 1
    while j < len(after) and after[j - 1] < after[j]:
        j += 1
    before, after = before[max(i, 0):], after[:j]
    # ... or swapped with the slot word beside it: "socialist ideology" is "Thought on Socialism".
    return any(all(b < m for b in bs) and all(m < c for c in cs) for m in missing
               for bs, cs in ((before, after), (before[:-1], after), (before, after[1:])))


def _before_slot(sig: Signature, text: str, toks: list[tuple[int, int, str]], k: int) -> bool:
    """Whether word `k` is right before a word that fills one of the signature's slots."""
    return k + 1 < len(toks) and _joined(text, toks[k], toks[k + 1]) and bool(_slot_set(sig, toks[k + 1][2]))


_EN_DETERMINERS = frozenset("a an the".split())


def _introduced(text: str, toks: list[tuple[int, int, str]], first: int) -> bool:
    """Whether an article (and quotes) is all that stands right before word `first`: a noun phrase starts
    there, so a four-word name whose first word another modifier replaced (`_modifies`) still starts
    there too ('a "modern advanced socialist country"', not 'to become modern advanced socialist country')."""
    return first > 0 and toks[first - 1][2].lower() in _EN_DETERMINERS and _joined(text, toks[first - 1], toks[first])


def _modifies(sig: Signature, filled: tuple[int, ...], items: dict[int, frozenset[int]], stand_in: int) -> bool:
    """Whether a word standing in for a missing slot of a four-word name stands for a modifier: the
    missing slot is not the head noun, and the word comes right before one of the name's words
    ("single destiny"; not "great achievements of the Chinese nation", whose head is another)."""
    missing = [k for k, r in enumerate(sig.required) if r and k not in filled]
    return len(missing) == 1 and missing[0] != sig.head and bool(items.get(stand_in + 1))


def _trails(sig: Signature, filled: tuple[int, ...]) -> bool:
    """Whether the one required slot missing comes after every filled one in the preferred rendering."""
    missing = [k for k, r in enumerate(sig.required) if r and k not in filled]
    return len(missing) == 1 and missing[0] > max(filled)


_PAIRS = (("«", "»"), ("“", "”"), ("„", "“"))
_OPENS, _CLOSES = frozenset(left for left, _ in _PAIRS), frozenset(right for _, right in _PAIRS)  # `_balanced` adds them


def _balanced(text: str, start: int, end: int) -> tuple[int, int]:
    """The hit widened by the closing (opening) quote right after (before) it that its open (close) quote needs.

    «формата «Китай – Центральная Азия»» ends with the quote: the hit is the
    name with its quotation, as the listed rendering's match is.
    """
    found = text[start:end]
    for left, right in _PAIRS:
        if found.count(left) > found.count(right) and text[end:end + 1] == right:
            end += 1
        elif found.count(right) > found.count(left) and start and text[start - 1] == left:
            start -= 1
    return start, end


_SPLIT = " -\u2010\u2011"  # the one character that may stand between the halves of a word written as two


def _split_word(sig: Signature, text: str, toks: list[tuple[int, int, str]], k: int,
                step: int) -> tuple[int, int, frozenset[int]] | None:
    """An English slot word written as two, word `k` and the next one along ("Lu Ban" for "Luban", "co-operation"):
    (first, second, its slots), or None. Only one space or hyphen may stand between the halves, and
    the two together must be a form of a slot's lemma."""
    other = k + step
    if other < 0 or other >= len(toks):
        return None
    if sig.lang == "ru":
        return _ru_hundred_years(sig, text, toks, k, step)
    first, second = (k, other) if step > 0 else (other, k)
    gap = toks[first][1]
    if toks[second][0] != gap + 1 or text[gap] not in _SPLIT:
        return None
    slots = _joined_slot_set(sig, toks[first][2] + toks[second][2])
    return (first, second, slots) if slots else None


# «сто лет» is «столетие» in two words («невиданные за сто лет перемены»), and «последние сто лет» (the last
# hundred years) the same span of time: the words of such a phrase, by their letters.
_RU_LAST = frozenset({"последние", "последних"})
_RU_HUNDRED = frozenset({"сто", "ста", "сотню", "сотни"})
_RU_YEARS = frozenset({"лет", "годов"})
_RU_CENTURY = frozenset({"столетие", "век"})


def _ru_hundred_years(sig: Signature, text: str, toks: list[tuple[int, int, str]], k: int,
                      step: int) -> tuple[int, int, frozenset[int]] | None:
    """«(последние) сто лет» (the last hundred years; spaces only between the words) read from word `k`
    along `step` as one slot word where a Russian name has «столетие» or its near-synonym «век»:
    (its first word, its last word, those slots), or None. Russian writes no other slot word as two;
    the phrase is read from its letters, so that no joined pair loads the analyser."""
    slots = frozenset(n for n, slot in enumerate(sig.slots) if slot & _RU_CENTURY)
    if not slots:
        return None
    if step < 0:  # walking back, the phrase ends at `k`
        if toks[k][2].lower() not in _RU_YEARS or k < 1:
            return None
        first = k - 1
    else:
        first = k + (toks[k][2].lower() in _RU_LAST)
        if first + 1 >= len(toks) or toks[first + 1][2].lower() not in _RU_YEARS:
            return None
    if toks[first][2].lower() not in _RU_HUNDRED or not text[toks[first][1]:toks[first + 1][0]].isspace():
        return None
    last = first + 1
    if first > 0 and toks[first - 1][2].lower() in _RU_LAST and (step < 0 or first - 1 == k) \
            and text[toks[first - 1][1]:toks[first][0]].isspace():
        first -= 1
    return first, last, slots


def _joined_slot_set(sig: Signature, joined: str) -> frozenset[int]:
    """The slots whose lemmas the two halves of a split word have together (by lemma only: a shared root
    would let any word join the one before it, "mechanism has"); cached per signature and word."""
    return _per_word(STATE.signature_joined, sig, joined, _by_lemma)


def _by_lemma(sig: Signature, word: str) -> frozenset[int]:
    ls = lemmas(word, sig.lang)
    return frozenset(k for k, s in enumerate(sig.slots) if ls & s)


_EN_STYLE = frozenset({"style", "type"})


def _styled(sig: Signature, text: str, toks: list[tuple[int, int, str]], k: int) -> frozenset[int] | None:
    """The slots of "X" in "X-style" or "X-type" (word `k` is "style" or "type"), for English.

    "Chinese-style modernization", "China-type modernization": the compound
    says what the adjective of a place says, so the place fills its
    adjective's slot here (China for Chinese), as it does nowhere else in a
    name of two words ("China's modernization" is another phrase).
    """
    if sig.lang != "en" or k == 0 or toks[k][2].lower() not in _EN_STYLE or text[toks[k - 1][1]:toks[k][0]] != "-":
        return None
    word = toks[k - 1][2]
    slots = _slot_set(sig, word)
    if not slots and word[:1].isupper():
        ls = lemmas(word, sig.lang)
        slots = frozenset(i for i, s in enumerate(sig.slots) if any(_derived(a, b) for a in ls for b in s))
    return slots or None


def _identifier(found: str) -> bool:
    """Words joined only by hyphens, in lower case: an identifier ("community-shared-future"),
    not a name written with hyphens ("One-Belt-One-Road")."""
    return found.islower() and re.fullmatch(r"[^\W_]+(?:-[^\W_]+)+", found) is not None


_RU_NOUN, _RU_ADJ = "NOUN", "ADJF"


def _ru_dangles(sig: Signature, last: str) -> bool:
    """Whether a Russian hit would end with a word that can only be an adjective (the preferred rendering does not).

    A Russian name ends with its head noun or a noun depending on it; an
    adjective last is half of another phrase: «... и всеобъемлющая концепция».
    """
    from .morph import russian

    an = russian.analyser()

    def adjective(word: str) -> bool:
        readings = an.readings(word.lower().replace("ё", "е"))
        return bool(readings) and all(r.pos in ("ADJF", "PRTF", "ADJS", "COMP") for r in readings)

    content = _preferred_words(sig)
    return adjective(last) and not (content and adjective(content[-1]))


def _ru_headless(sig: Signature, toks: list[tuple[int, int, str]], run: list[int], filled: tuple[int, ...]) -> bool:
    """Whether the word filling a Russian name's head-noun slot can be no noun.

    A name is a noun phrase, and its head stays a noun. The head slot of
    «открытость внешнему миру» also holds «открытый» (a noun and its adjective
    share a slot), but «государство, открытое к внешнему миру» describes a
    state and names no policy: an adjective or participle in the head's place
    describes some other noun. Abbreviations are left alone.
    """
    if sig.head is None or sig.head not in filled:
        return False
    word = toks[run[filled.index(sig.head)]][2]
    if word.isupper():
        return False
    from .morph import russian

    readings = russian.analyser().readings(word.lower().replace("ё", "е"))
    return bool(readings) and not any(r.pos == "NOUN" for r in readings)


_RU_ADJ_ENDINGS = ("ый", "ий", "ой", "ая", "яя", "ое", "ее", "ые", "ие", "ого", "его", "ому", "ему", "ую", "юю",
                   "ых", "их", "ым", "им", "ыми", "ими", "ей")


def _ru_modifier(sig: Signature, text: str, toks: list[tuple[int, int, str]], k: int, step: int) -> bool:
    """Whether word `k`, met walking by `step`, is an adjective inserted before the next word of a name.

    A dictionary adjective or participle (no name) whose next word, on the far
    side from the walk's start when walking forward, or the word just walked
    when walking back, fills a slot and agrees with it in case and number:
    «нового» in «Экономический пояс нового Шелкового пути», and «Нового» in «...
    Нового Шелкового пути» (a capital only before a capital: inside a name's
    run of capitals). `_expand` lets it stand only inside a name all of whose words are there.
    """
    nxt = k + 1
    if nxt >= len(toks) or not text[toks[k][1]:toks[nxt][0]].isspace():
        return False
    word = toks[k][2].lower().replace("ё", "е")
    if (len(word) <= 3 or not word.endswith(_RU_ADJ_ENDINGS) or word in sig.function_words
            or not _slot_set(sig, toks[nxt][2])):
        return False  # the ending first: the analyser is loaded only for a word that may be an adjective
    from .morph import russian

    an = russian.analyser()
    if (toks[k][2][:1].isupper() and not toks[nxt][2][:1].isupper()) or not an.in_dictionary(word):
        return False  # a capital before a lower-case word is a name's; before a capital, a name's own word
    mine = {(r.case, r.number) for r in an.readings(word) if r.pos in ("ADJF", "PRTF") and r.case}
    theirs = {(r.case, r.number) for r in an.readings(toks[nxt][2].lower().replace("ё", "е")) if r.case}
    return bool(mine & theirs)


def _en_inserted(sig: Signature, text: str, toks: list[tuple[int, int, str]], k: int,
                 vocabulary: frozenset[str]) -> bool:
    """Whether English word `k` may be a word inserted before the next word of a name.

    A word of the domain (`vocabulary`: a content word some listed rendering
    has, "Summit", "infrastructure") right before, and joined to, a word that
    fills a slot; a capital only before a capital, as in Russian (`_ru_modifier`).
    `_expand` lets it stand only inside a name all of whose words are there:
    "Silk Road helps fund" gains no word ("helps" names nothing in the domain).
    """
    nxt = k + 1
    if nxt >= len(toks) or not _joined(text, toks[k], toks[nxt]):
        return False
    word = toks[k][2]
    lower = word.lower()
    if (len(word) < 3 or not word.isalpha() or lower in sig.function_words or lower in _EN_STOPS
            or (lower not in vocabulary and en_lemma(lower) not in vocabulary)):
        return False
    if word[:1].isupper() and not toks[nxt][2][:1].isupper():
        return False  # a capital before a lower-case word starts a name of its own
    return bool(_slot_set(sig, toks[nxt][2]))


def _vocabulary(lang: str, sigs: Sequence[Signature]) -> frozenset[str]:
    """English: every content word of the listed renderings (`Signature.listed_words`), for `_en_inserted`."""
    if lang != "en":
        return frozenset()
    stop = FUNCTION_WORDS["en"] | _EN_STOPS
    return frozenset(w for sig in sigs for w in sig.listed_words if len(w) >= 3 and w.isalpha() and w not in stop)


@lru_cache(maxsize=4096)
def _lower_words(text: str) -> tuple[str, ...]:
    return tuple(w.lower() for _, _, w in words(text))


def _embedded(lang: str, sigs: Sequence[Signature]) -> dict[str, tuple[str, tuple[tuple[str, int, tuple[str, ...]], ...]]]:
    """English: concept id -> (its preferred rendering, ((accepted rendering, position in `sigs` of a
    longer name whose preferred rendering holds it word for word, the first letters of that name's
    other words), ...)): "Belt and Road" in "Belt and Road Forum for International Cooperation"
    ("foru", "inte", "coop"). Longer renderings first."""
    if lang != "en":
        return {}
    # Found through the rendering's first two words side by side, which a name holding it has too: a
    # first word alone ("the", "new") would pair every rendering with thousands of names in a large base.
    by_pair: dict[tuple[str, str], list[tuple[Signature, tuple[str, ...]]]] = {}
    positions = {sig.concept_id: k for k, sig in enumerate(sigs) if not sig.fix_to}  # a concept's own signature
    sigs = [sigs[k] for k in positions.values()]
    for sig in sigs:
        ws = _lower_words(sig.preferred)
        for pair in set(zip(ws, ws[1:])):
            by_pair.setdefault(pair, []).append((sig, ws))
    out: dict[str, tuple[str, tuple[tuple[str, int, tuple[str, ...]], ...]]] = {}
    for inner in sigs:
        held: set[tuple[str, int, tuple[str, ...]]] = set()
        for r in (inner.preferred, *inner.others):
            rw = _lower_words(r)
            if len(rw) < 2:
                continue
            for sig, ws in by_pair.get((rw[0], rw[1]), ()):
                if (sig.concept_id != inner.concept_id and len(ws) > len(rw)
                        and any(ws[i:i + len(rw)] == rw for i in range(len(ws) - len(rw) + 1))):
                    held.add((r, positions[sig.concept_id], tuple(sorted({w[:4] for w in ws if w not in rw
                                                                          and w not in sig.function_words}))))
        if held:
            out[inner.concept_id] = (inner.preferred, tuple(sorted(held, key=lambda h: (-len(h[0]), h))))
    return out


def embedded(index: Index, text: str, matches: Sequence[Any]) -> list[Hit]:
    """English: hits of a longer name whose inner name is written in another of its renderings.

    "One Belt, One Road Forum for International Cooperation" names the forum,
    not the initiative: where a listed rendering of a concept stands in a text
    (`matches`), and a longer name holds another rendering of that concept, the
    text is read again with the rendering its fix writes (a variant) or with the
    shorter one it holds and one word more (an accepted one: "Belt and Road
    Initiative" for "Belt and Road"); a hit of the longer name that holds the
    whole rendering and reaches past it is a hit in the text. Abbreviations are
    no such rendering: "high-quality BRI cooperation" is written as it may be.
    """
    if not index.embedded:
        return []
    out: list[Hit] = []
    for m in matches:
        entry = index.embedded.get(m.concept_id)
        if entry is None or m.term.abbreviation_of:
            continue
        beside = _beside(text, m.span.start, m.span.end)
        if not beside:
            continue  # the rendering stands alone (punctuation or the text's end on both sides)
        preferred, inside = entry
        target = _lower_words((m.term.fix_to or preferred) if m.term.status.is_variant else m.term.text)
        lo = max(0, m.span.start - Index._WINDOW)
        hi = min(len(text), m.span.end + Index._WINDOW)
        for r, outer, other in inside:
            rw = _lower_words(r)
            if (target[:len(rw)] != rw or len(target) - len(rw) > 1 or _lower_words(m.term.text) == rw
                    or not any(w.startswith(o) for w in beside for o in other)):
                continue  # nor where the word beside it is no other word of the longer name
            start, end = m.span.start - lo, m.span.start - lo + len(r)
            window = text[lo:m.span.start] + r + text[m.span.end:hi]
            toks = words(window)
            i = next((k for k, t in enumerate(toks) if t[0] == start), None)
            hit = None if i is None else _expand(index.signatures[outer], window, toks, i, index.vocabulary)
            if hit is None or not (hit.start <= start and end <= hit.end) or (hit.start, hit.end) == (start, end):
                continue
            by = len(r) - (m.span.end - m.span.start)
            back = [(s + lo, e + lo) if e <= start else (s - by + lo, e - by + lo) if s >= end
                    else (m.span.start, m.span.end) for s, e in hit.words]
            out.append(Hit(hit.signature, hit.start + lo, hit.end - by + lo, tuple(back), hit.filled))
            break
    return out


def _lower_case_words(lang: str, sigs: Sequence[Signature]) -> frozenset[str]:
    """English: the words that an accepted rendering of some concept writes in lower case ("modern" of "great
    modern socialist country"), for `prefixed`: a word always written with a capital ("Chinese") is a name."""
    if lang != "en":
        return frozenset()
    stop = FUNCTION_WORDS["en"] | _EN_STOPS
    return frozenset(w for sig in sigs if not sig.fix_to for text in (sig.preferred, *sig.others)
                     for _, _, w in words(text) if w.islower() and len(w) >= 3 and w.isalpha() and w not in stop)


_ORDINALS = frozenset("first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth "
                      "inaugural annual next last former".split())
_SPACE = re.compile(r"[ \t\u00a0]+")


def prefixed(index: Index, text: str, matches: Sequence[Any]) -> list[Hit]:
    """English: hits of a listed proper name with a capitalized word of the domain glued before it.

    A name whose content words are all capitalized ("Silk Road Economic Belt")
    written with one more capitalized word in front ("the Modern Silk Road
    Economic Belt", "the New Silk Road economic belt") is a longer name that no
    rendering lists: an unlisted variant of the concept, fixed by dropping the
    word. The word must be one that some accepted rendering writes in lower
    case (`Index.lower_words`: "modern", "new"; never a name's own word such as
    "Chinese"), no ordinal ("the Second Belt and Road Forum" is the forum's
    second session), and inside a sentence: right after a lower-case word with
    only a space between, so that a sentence's or a title's capitals make
    nothing. A match that is itself a variant is left to its own finding.
    """
    if not index.lower_words:
        return []
    out: list[Hit] = []
    for m in matches:
        if m.term.status.is_variant or m.term.abbreviation_of:
            continue
        names = [w for _, _, w in words(m.term.text) if w.lower() not in FUNCTION_WORDS["en"]]
        if len(names) < 3 or not all(w[:1].isupper() for w in names):
            continue
        before = _tokens(text, max(0, m.span.start - 60), m.span.start)
        if len(before) < 2:
            continue
        (ps, pe, prev), (ws, we, word) = before[-2], before[-1]
        if (not _SPACE.fullmatch(text, we, m.span.start) or not _SPACE.fullmatch(text, pe, ws)
                or not prev.islower() or not word[:1].isupper() or not word[1:].islower()
                or word.lower() not in index.lower_words or word.lower() in _ORDINALS):
            continue
        own = [h for h in index.scan(text[m.span.start:m.span.end])
               if h.concept_id == m.concept_id and (h.start, h.end) == (0, m.span.end - m.span.start)]
        if own:
            hit = _shift(own[0], m.span.start)
            out.append(Hit(hit.signature, ws, hit.end, hit.words, hit.filled))
    return out


_WORD_BEFORE = re.compile(r"([^\W\d_]+)[ \t\u00a0\-‐‑‒–—]+$")
_WORD_AFTER = re.compile(r"[ \t\u00a0\-‐‑‒–—]+([^\W\d_]+)")


def _beside(text: str, start: int, end: int) -> tuple[str, ...]:
    """The words joined to text[start:end] right before and right after it (spaces, hyphens or dashes
    between, no other punctuation), in lower case."""
    out = []
    before = _WORD_BEFORE.search(text, max(0, start - 40), start)
    if before:
        out.append(before.group(1).lower())
    after = _WORD_AFTER.match(text, end, end + 40)
    if after:
        out.append(after.group(1).lower())
    return tuple(out)


def _ru_continues(sig: Signature, text: str, toks: list[tuple[int, int, str]], last: int) -> bool:
    """Whether a common noun in the genitive follows word `last` (a space between, no punctuation).

    A reordered or shortened Russian name followed by a genitive is most often
    part of another phrase: «инициатива развития здравоохранения» is an
    initiative to develop health care. A name (Китая, ООН) is no such genitive.
    """
    if last + 1 >= len(toks) or not text[toks[last][1]:toks[last + 1][0]].isspace():
        return False
    word = toks[last + 1][2]
    low = word.lower().replace("ё", "е")
    if low in sig.listed_words or low in sig.function_words:
        return False
    from .morph import russian

    an = russian.analyser()
    if word[:1].isupper() or not an.in_dictionary(low):
        return False  # a capital inside a phrase: a name (Китая, Си), the owner, not another phrase
    return any(r.pos == _RU_NOUN and r.case == "gent" for r in an.readings(low))


def _ru_beside(sig: Signature, text: str, toks: list[tuple[int, int, str]], run: list[int],
               filled: tuple[int, ...]) -> bool:
    """Whether the word right beside a shortened Russian name takes the missing slot's place.

    A name of four slots or more in the preferred order, missing its first or
    its last slot, is a shortened rendering only if the word there does not do
    that slot's work: «великому возрождению китайской культуры» is about
    culture, not a «великое возрождение китайской нации» without «нации».
    The word does the work if it is a dictionary noun where the slot's word is
    a noun (an adjective where it is an adjective) and agrees with the name's
    word beside it in case, number and gender; a capitalized word (a name) does not count.
    """
    missing = [k for k, r in enumerate(sig.required) if r and k not in filled]
    if len(missing) != 1 or list(filled) != sorted(filled):
        return False
    k = missing[0]
    content = _preferred_words(sig)
    if k >= len(content):
        return False
    if k < filled[0] and k == 0:
        j, near = run[0] - 1, run[0]
    elif k > filled[-1] and k == len(content) - 1:
        j, near = run[-1] + 1, run[-1]
    else:
        return False
    if j < 0 or j >= len(toks) or not text[toks[min(j, near)][1]:toks[max(j, near)][0]].isspace():
        return False
    word = toks[j][2]
    if len(word) <= 3 or word.isupper() or word.lower() in sig.function_words or word.lower() in sig.listed_words:
        return False
    from .morph import russian

    an = russian.analyser()
    want = {r.pos for r in an.readings(content[k].lower().replace("ё", "е"))} & {_RU_NOUN, _RU_ADJ}
    if len(want) != 1:
        return False
    kind = want.pop()
    other = _RU_ADJ if kind == _RU_NOUN else _RU_NOUN
    # The name's own word first (from the table of slot forms): the analyser is loaded only when needed.
    theirs = [r for r in an.readings(toks[near][2].lower().replace("ё", "е")) if r.pos == other]
    if not theirs or not an.in_dictionary(word.lower()):
        return False
    mine = [r for r in an.readings(word.lower()) if r.pos == kind]
    agree = any(a.case == b.case and a.number == b.number
                and (a.number == "plur" or not a.gender or not b.gender or a.gender == b.gender)
                for a in mine for b in theirs)
    return agree and not word[:1].isupper()  # a capital inside a phrase: a name, no common word


def _ru_other_owner(sig: Signature, text: str, toks: list[tuple[int, int, str]], last: int,
                    filled: tuple[int, ...]) -> bool:
    """Whether a shortened Russian name missing a proper name goes on with another proper name.

    The missing slot holds a name in the preferred rendering (a capitalized
    word after its first: «КНР» of «официальный представитель МИД КНР»), and
    the word right after the hit is a capitalized word no rendering has: that
    word takes the slot's place, so the hit names someone else's office
    («официальный представитель МИД Казахстана», «... МИД РК»).
    """
    missing = [k for k, r in enumerate(sig.required) if r and k not in filled]
    if not missing or last + 1 >= len(toks) or not text[toks[last][1]:toks[last + 1][0]].isspace():
        return False
    word = toks[last + 1][2]
    if not word[:1].isupper() or word.lower().replace("ё", "е") in sig.listed_words:
        return False
    if sig.spelled and _ru_inner_initials(sig, set(filled)):
        return False  # the missing words are an abbreviation inside the name, not its owner
    content = _preferred_words(sig)
    return any(0 < k < len(content) and content[k][:1].isupper() for k in missing)


def _ru_owned_before(sig: Signature, text: str, toks: list[tuple[int, int, str]], run: list[int],
                     filled: tuple[int, ...]) -> bool:
    """Whether a reordered Russian name opens with a genitive that the noun right before it owns.

    Russian puts a genitive after the noun it belongs to. A run that opens with
    words the preferred rendering has after its head noun (its owner, in the
    genitive), with the head noun later, reads as one name only when nothing
    before it could own that genitive: in «после съезда Коммунистической партии
    Китая Генеральный секретарь ...» the party belongs to «съезда», and the title
    that follows is a new phrase. A common noun right before the run (a space
    between, no punctuation) is such an owner, when the head noun of the run is not
    in the genitive itself (then the whole name is, and its first word may be a
    modifier of the head moved before it).
    """
    if sig.head is None or sig.head not in filled or filled[0] <= sig.head or run[0] == 0:
        return False
    before, first = toks[run[0] - 1], toks[run[0]]
    if not text[before[1]:first[0]].isspace() or before[2][:1].isupper():
        return False  # punctuation ends the phrase before; a capitalized word is a name, no owner
    low = before[2].lower().replace("ё", "е")
    if low in sig.function_words:
        return False
    from .morph import russian

    an = russian.analyser()
    if not an.in_dictionary(low) or not any(r.pos == _RU_NOUN for r in an.readings(low)):
        return False
    head = toks[run[filled.index(sig.head)]][2].lower().replace("ё", "е")
    if any(r.case == "gent" for r in an.readings(head)):
        return False  # the whole name in the genitive, a modifier first: «проект Старого Торгового пути»
    return any(r.case == "gent" for r in an.readings(first[2].lower().replace("ё", "е")))


_CONJUNCTIONS = frozenset({"and", "or", "и", "или"})


@dataclass(frozen=True, slots=True)
class _Shape:
    """What every listed rendering of a concept says about where its words may stand.

    `proper`: slots one of whose words is a name in some accepted rendering (an
    abbreviation such as "CPC" or «КПК», or a capital among lower-case words, as
    "China" in "China-Central Asia mechanism"). A name's owner is what makes it
    this concept's: "Central Committee general secretary" without "CPC" may be
    any party's. `conjoined`: pairs of slots that some listed rendering joins
    with "and"/"or" ("Belt and Road"); a conjunction elsewhere joins two phrases,
    not two words of one name ("high-quality development and Belt and Road cooperation").
    """

    proper: frozenset[int]
    conjoined: frozenset[tuple[int, int]]
    orders: frozenset[tuple[int, ...]] = frozenset()  # the slots of each listed rendering, in its word order

    def listed_order(self, filled: Sequence[int]) -> bool:
        """Whether slots in this order stand in that order in some listed rendering ("One Belt, One Road")."""
        if list(filled) == sorted(filled):
            return True
        for order in self.orders:
            it = iter(order)
            if all(k in it for k in filled):
                return True
        return False


def _shape(sig: Signature) -> _Shape:
    held = STATE.signature_shapes.get(id(sig))
    if held is not None and held[0] is sig:
        return held[1]

    def slots_of(word: str) -> list[int]:
        lemma = first_lemma(word, sig.lang) if word not in sig.function_words else word
        return [k for k, s in enumerate(sig.slots) if lemma in s or word.lower() in s]

    proper: set[int] = set()
    for text in (sig.preferred, *sig.others):
        toks = [t for t in words(text) if t[2].lower() not in sig.function_words]
        content = [w for _, _, w in toks]
        # Title case leaves the part after a hyphen in lower case ("Peaceful Co-existence"): no sign
        # that the capitals around it are names.
        lower = any(w[:1].islower() and not (s and text[s - 1] in "-‐‑") for s, _, w in toks)
        for w in content:
            if (len(w) >= 2 and w.isupper()) or (lower and w[:1].isupper()):
                proper.update(slots_of(w))
    conjoined: set[tuple[int, int]] = set()
    for seq in sig.listed:
        previous: list[int] = []
        after = False
        for w in seq:
            if w in _CONJUNCTIONS:
                after = bool(previous)
            elif w in sig.function_words:
                continue
            else:
                here = [k for k, s in enumerate(sig.slots) if w in s]
                if after:
                    conjoined.update((a, b) for a in previous for b in here)
                    conjoined.update((b, a) for a in previous for b in here)
                previous, after = here, False
    for text in (sig.preferred, *sig.others) if sig.lang == "en" else ():
        for left, right in _hyphened_names(text, sig.function_words):
            pairs = [(a, b) for x in left for y in right for a in slots_of(x) for b in slots_of(y)
                     if sig.head not in (a, b)]
            conjoined.update((a, b) for a, b in pairs)
            conjoined.update((b, a) for a, b in pairs)
    orders: set[tuple[int, ...]] = set()
    for seq in sig.listed:
        used: list[int] = []
        for w in seq:
            k = next((k for k, s in enumerate(sig.slots) if k not in used and w in s), None)
            if k is not None and w not in sig.function_words:
                used.append(k)
        orders.add(tuple(used))
    got = _Shape(frozenset(proper), frozenset(conjoined), frozenset(orders))
    STATE.signature_shapes[id(sig)] = (sig, got)
    return got


_NAME_HYPHEN = re.compile(r"[\-‐‑‒–—]")


def _hyphened_names(text: str, function_words: frozenset[str]) -> list[tuple[list[str], list[str]]]:
    """The two names that a hyphen or dash joins in an English rendering, each its capitalized words
    ("China", "Central Asia" in "China-Central Asia community with a shared future"): the names of
    the two parties, which a variant may join with "and" instead ("community of shared future between
    China and Africa", "... of Central Asia and China")."""
    toks = [t for t in words(text) if t[2].lower() not in function_words]
    out = []
    for k in range(len(toks) - 1):
        if not (_NAME_HYPHEN.fullmatch(text, toks[k][1], toks[k + 1][0]) and toks[k][2][:1].isupper()
                and toks[k + 1][2][:1].isupper()):
            continue
        left, right = [toks[k][2]], [toks[k + 1][2]]
        j = k
        while j > 0 and text[toks[j - 1][1]:toks[j][0]] == " " and toks[j - 1][2][:1].isupper():
            j -= 1
            left.insert(0, toks[j][2])
        j = k + 1
        while j + 1 < len(toks) and text[toks[j][1]:toks[j + 1][0]] == " " and toks[j + 1][2][:1].isupper():
            j += 1
            right.append(toks[j][2])
        out.append((left, right))
    return out


def _introducers(sig: Signature) -> dict[int, frozenset[str]]:
    """Slot -> the function words that introduce it in the preferred rendering, articles aside
    ("о" of «о дипломатии», "of" of "of the CPC Central Committee")."""
    held = STATE.signature_introducers.get(id(sig))
    if held is not None and held[0] is sig:
        return held[1]
    got: dict[int, frozenset[str]] = {}
    k, previous = -1, set()
    for _, _, w in words(sig.preferred):
        if w.lower() in sig.function_words:
            if w.lower() not in _ARTICLES:
                previous.add(w.lower())
            continue
        k += 1
        if previous:
            got[k] = frozenset(previous)
        previous = set()
    STATE.signature_introducers[id(sig)] = (sig, got)
    return got


def _names_another(sig: Signature, text: str, toks: list[tuple[int, int, str]], last: int,
                   filled: tuple[int, ...]) -> bool:
    """Whether a shortened rendering goes on with the word that would introduce its missing slot.

    A name missing its last part and followed by that part's preposition names
    something else in that place: "ideas of Xi Jinping on socialism …" is no
    shortened "ideas of Xi Jinping on diplomacy".
    """
    missing = [k for k, r in enumerate(sig.required) if r and k not in filled]
    if not missing or last + 1 >= len(toks):
        return False
    nxt = toks[last + 1]
    if not text[toks[last][1]:nxt[0]].isspace():
        return False
    intro = _introducers(sig)
    return any(nxt[2].lower() in intro.get(k, ()) for k in missing)


_EN_STOPS = frozenset(
    "is are was were be been being has have had will would shall should can could may might must do does did "
    "that which who whom whose this these those it they we he she there here not also".split()
)


def _continues(sig: Signature, text: str, toks: list[tuple[int, int, str]], last: int) -> bool:
    """Whether the phrase goes on after word `last` (a noun or adjective follows, no punctuation)."""
    if last + 1 >= len(toks):
        return False
    nxt = toks[last + 1]
    if not text[toks[last][1]:nxt[0]].isspace():
        return False
    word = nxt[2].lower()
    return word not in sig.function_words and word not in _EN_STOPS and not word.endswith("ly")


@lru_cache(maxsize=1 << 14)
def _assign_all(options: tuple[frozenset[int], ...]) -> tuple[int, ...] | None:
    """`_assign`, remembered: the same few slot sets come back at every mention of a name."""
    return _assign(list(options))


def _assign(options: list[frozenset[int]], taken: frozenset[int] = frozenset()) -> tuple[int, ...] | None:
    """One distinct slot per word, or None (a slot filled twice is two mentions, not one rendering)."""
    if not options:
        return ()
    for k in sorted(options[0] - taken):
        rest = _assign(options[1:], taken | {k})
        if rest is not None:
            return (k, *rest)
    return None


def _enough(sig: Signature, filled: tuple[int, ...], stand_in: bool = False, quoted: bool = False,
            swapped: bool = False, covered: frozenset[int] = frozenset()) -> bool:
    """Whether the filled slots make a rendering: anchors, head noun, first word, tolerance.

    `stand_in`: an unlisted word inside the run stands for a missing slot (a long
    name only), which may be the head ("socialist ideology" for "Thought on Socialism").
    `quoted`: the words are the whole of a quotation, so a name even without its
    first word («упорядоченный многополярный мир» in quotes).
    `swapped`: a Russian word fills its slot only as a near-synonym: a name shortened by one word and
    reworded in another («омоложение китайской нации» for «великое возрождение китайской нации») is still
    that name mistranslated, if three of its words are there.
    """
    got = set(filled) | covered  # `covered`: the slots that initials in the run stand for (`_covered`)
    if not any(k in got for k in (sig.anchors or (sig.anchor,))):
        return False
    if sig.shorts and sig.short_for(filled) is not None:
        return True  # a listed short form's words, some swapped for their synonyms
    if sig.distinct and not sig.distinct <= got:
        return False  # the word that tells the name from its kin is missing or stood in for
    if (sig.head is not None and sig.head not in got and sig.head < len(sig.required) and sig.required[sig.head]
            and not stand_in):
        return False  # "Central Asia and China" is not the China-Central Asia Summit without "Summit"
    missing = sum(1 for k, r in enumerate(sig.required) if r and k not in got)
    if missing > sig.tolerance and sig.spelled and _ru_inner_initials(sig, got):
        missing = 1
    if swapped and sig.lang == "ru" and missing == 1 and missing <= sig.tolerance and len(got) >= 3:
        return True
    if missing and 0 not in got and not quoted:
        return False  # a shortened name keeps its first word: «представитель МИД КНР» is another title
    if (missing and sig.lang == "ru" and not quoted and not sig.preferred[:1].isupper()
            and not (list(filled) == sorted(filled) and _ru_inner_adjective(sig, got))):
        # A proper name (capitalized: «Экономический пояс Шелкового пути») may lose a word and
        # still name its concept, and so may a name in quotes. A description shortened is another
        # description: «международная система ООН» is not «международная система, в центре которой
        # находится ООН»; «сосуществование человека и природы» says nothing of harmony.
        return False
    if missing and missing <= sig.tolerance and sig.lang == "en" and any(
            r and k not in got and k in _shape(sig).proper for k, r in enumerate(sig.required)):
        return False  # a shortened name keeps its owner: "general secretary of the Central Committee" is any party's
    return missing <= sig.tolerance and len(got) >= 2 and (len(filled) >= 2 or not covered)


def _ru_inner_initials(sig: Signature, got: set[int]) -> bool:
    """Whether the required slots a Russian name misses are the words of one abbreviation inside its
    preferred rendering, which a draft leaves out as one word («генеральный секретарь КПК» for
    «Генеральный секретарь ЦК КПК»): the name misses one word, if three of its words are there and the
    last one is (its owner, «КПК»: «Генеральный секретарь ЦК» is any party's)."""
    missing = frozenset(k for k, r in enumerate(sig.required) if r and k not in got)
    abbreviations = {w.lower() for _, _, w in words(sig.preferred) if len(w) >= 2 and w.isupper()}
    group = next((frozenset(covered) for letters, covered in sig.initials
                  if letters in abbreviations and frozenset(covered) == missing), None)
    if group is None or max(group) >= max(k for k, r in enumerate(sig.required) if r):
        return False
    units = {k for k in got if not any(k in covered for letters, covered in sig.initials if letters in abbreviations)}
    units |= {letters for letters, covered in sig.initials if letters in abbreviations and set(covered) <= got}
    return len(units) >= 3


def _ru_inner_adjective(sig: Signature, got: set[int]) -> bool:
    """Whether the one required slot a long Russian description misses is an adjective inside it.

    «великое возрождение нации» is «великое возрождение китайской нации» with the
    modifier of its last noun left out, as drafts shorten it; the nouns still
    say what is meant. Its words in the preferred order (`_enough` checks that;
    «возрождение великой нации» is another phrase), in a name of four required slots or more, missing one slot
    that is neither its first word nor its head noun, and whose word in the
    preferred rendering can only be an adjective. `_ru_beside` still refuses a
    hit where another adjective stands in that place («... русской нации»).
    """
    missing = [k for k, r in enumerate(sig.required) if r and k not in got]
    if len(missing) != 1 or sum(sig.required) < 4:
        return False
    k = missing[0]
    content = _preferred_words(sig)
    if k == 0 or k == sig.head or k >= len(content) - 1:
        return False
    from .morph import russian

    readings = russian.analyser().readings(content[k].lower().replace("ё", "е"))
    return bool(readings) and all(r.pos in ("ADJF", "PRTF") for r in readings)


_OPENING = frozenset("«\"“„'‘")
_CLOSING = frozenset("»\"”“'’")


def _quoted(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] is the whole of a quotation: a quote mark right before and right after."""
    return start > 0 and end < len(text) and text[start - 1] in _OPENING and text[end] in _CLOSING


def _longest(hits: list[Hit]) -> list[Hit]:
    """Leftmost-longest; on one span the signature with the most slots filled, then the fewest slots, and
    a concept's own signature before its variants' (`variant_signatures`), whose fix is the variant's."""
    own = {(h.start, h.end, h.concept_id) for h in hits if not h.signature.fix_to}
    if own:
        hits = [h for h in hits if not h.signature.fix_to or (h.start, h.end, h.concept_id) not in own]
    hits.sort(key=lambda h: (h.start, -h.end, -len(h.filled), len(h.signature.slots)))
    out: list[Hit] = []
    reach = -1
    for h in hits:
        if h.start >= reach:
            out.append(h)
            reach = h.end
    return out


def share_synonyms(sigs: list[Signature]) -> list[Signature]:
    """The passes over the whole base that an index is built with: synonyms lent between kin
    (`lend_synonyms`), then each Russian name marked with what its longer kin adds (`mark_wider`),
    then each name with the slots that tell it from its kin (`mark_distinct`)."""
    return mark_distinct(mark_wider(lend_synonyms(sigs)))


def _near_of(sig: Signature) -> tuple[frozenset[str], ...]:
    return sig.near or (frozenset(),) * len(sig.slots)


def _own(slot: frozenset[str], near: frozenset[str]) -> frozenset[str]:
    """A slot's words without those the near-synonym table alone put there (never lent on)."""
    return slot - near if near else slot


def _lendable(sig: Signature) -> tuple[frozenset[str], ...]:
    """Each slot's own words (`_own`) without the initials and compound short words that stand for several
    slots at once («кпк», «компартия»): no synonym of any one slot's word, they are never lent or learned."""
    several = {w for w, _ in sig.initials} | {w for w, _ in sig.compounds}
    return tuple(_own(slot, near) - several if several else _own(slot, near) for slot, near in zip(sig.slots, _near_of(sig)))


def lend_synonyms(sigs: list[Signature]) -> list[Signature]:
    """Synonyms learned in one concept's slot, lent to the same slot of its kin.

    "community of common destiny" teaches common/shared and destiny/future to
    the community with a shared future; the China-Africa community, which lists
    only its preferred rendering, has the same words and takes them. A slot
    borrows a concept's synonyms only when the two signatures also share two
    other slots by lemma (the same family of names) and both have three slots
    or more ("shared prosperity" stays out of "common prosperity"). One hop:
    what was lent is not lent on. Such a slot also takes the base-wide synonyms
    of its words (`_attested`).
    """
    big = [s for s in sigs if sum(s.required) >= 3]
    plain = {id(s): _lendable(s) for s in big}
    groups = [(s, k, slot) for s in big for k, slot in enumerate(plain[id(s)]) if len(slot) > 1]
    if not groups:
        return sigs
    lent: dict[int, list[set[str]]] = {}
    attested = _attested(sigs)
    for sig in big:
        for j, mine in enumerate(sig.slots):
            more = {b for a in plain[id(sig)][j] for b, owner in attested.get(a, {}).items()
                    if owner is None or not _holds(owner, sig, b)} - mine
            if more:
                lent.setdefault(id(sig), [set(x) for x in sig.slots])[j] |= more
    # The lenders whose slot shares a word with a slot are found by word, not by trying every one of
    # them for every slot: a large base (100,000 phrases) has thousands of slots of two words or more.
    by_word: dict[str, list[int]] = {}
    for g, (_, _, slot) in enumerate(groups):
        for w in slot:
            by_word.setdefault(w, []).append(g)
    for sig in big:
        for j, mine in enumerate(plain[id(sig)]):
            for g in sorted({g for w in mine for g in by_word.get(w, ())}):
                lender, k, slot = groups[g]
                if lender is sig or slot <= sig.slots[j]:
                    continue
                others = sum(1 for i, theirs in enumerate(plain[id(lender)]) if i != k
                             and any(theirs & m for n, m in enumerate(plain[id(sig)]) if n != j))
                if others >= 2:  # short words are no synonyms to lend ("one" of "One Belt, One Road")
                    lent.setdefault(id(sig), [set(x) for x in sig.slots])[j] |= {
                        w for w in slot if len(w) > 3 and not _holds(lender, sig, w)}
    if not lent:
        return sigs
    from dataclasses import replace

    return [replace(s, slots=tuple(frozenset(x) for x in lent[id(s)])) if id(s) in lent else s for s in sigs]


def _by_required_lemma(sigs: list[Signature]) -> dict[tuple[str, str], list[int]]:
    """(language, lemma of a required slot) -> the positions of the signatures holding it: the
    inverted table through which `mark_wider` and `mark_distinct` find a name's kin."""
    by_lemma: dict[tuple[str, str], list[int]] = {}
    for i, sig in enumerate(sigs):
        for slot, r in zip(sig.slots, sig.required):
            if r:
                for w in slot:
                    by_lemma.setdefault((sig.lang, w), []).append(i)
    return by_lemma


def mark_wider(sigs: list[Signature]) -> list[Signature]:
    """Each Russian signature with the parts of speech of the slot a longer name of its kin adds.

    The longer name has one required slot more and holds every required slot
    of the shorter one (`_ru_yields` reads the result). A pass over the base
    when its index is built: candidates share the shorter name's first
    required slot, found through an inverted table of required-slot lemmas.
    """
    from .morph import russian

    by_lemma = _by_required_lemma(sigs)
    marked: dict[int, frozenset[str]] = {}
    for i, sig in enumerate(sigs):
        mine = [slot for slot, r in zip(sig.slots, sig.required) if r]
        if sig.lang != "ru" or not mine:
            continue
        kinds: set[str] = set()
        for j in sorted({j for w in mine[0] for j in by_lemma.get(("ru", w), ())}):
            other = sigs[j]
            if other.concept_id == sig.concept_id or sum(other.required) != len(mine) + 1:
                continue
            taken = _assign_all(tuple(frozenset(k for k, theirs in enumerate(other.slots)
                                                if other.required[k] and slot & theirs) for slot in mine))
            if taken is not None:
                k = next(k for k, r in enumerate(other.required) if r and k not in taken)
                kinds |= {r.pos for lemma in other.slots[k] for r in russian.analyser().readings(lemma)
                          if r.pos in ("NOUN", "ADJF")}
        if kinds:
            marked[i] = frozenset(kinds)
    if not marked:
        return sigs
    from dataclasses import replace

    return [replace(s, wider=marked[i]) if i in marked else s for i, s in enumerate(sigs)]


def mark_distinct(sigs: list[Signature]) -> list[Signature]:
    """Each name of four required slots or more with the slots that no kin name has.

    Kin: another concept's name in the same language whose required slots, at most one
    more than this name's, hold every required slot of this one but slot k, and none of
    slot k's words (the China-Africa and China-Central Asia communities, or the
    China-Arab one). Without its own word in slot k a text names the kin as much as
    this concept, so `_enough` never lets k be the slot missing. Candidates come from
    `_by_required_lemma`, as in `mark_wider`.
    """
    by_lemma = _by_required_lemma(sigs)
    marked: dict[int, frozenset[int]] = {}
    for i, sig in enumerate(sigs):
        mine = [k for k, r in enumerate(sig.required) if r]
        if len(mine) < 4:
            continue
        distinct: set[int] = set()
        for k in mine:
            rest = [sig.slots[m] for m in mine if m != k]
            for j in sorted({j for w in rest[0] for j in by_lemma.get((sig.lang, w), ())}):
                other = sigs[j]
                theirs = [other.slots[m] for m, r in enumerate(other.required) if r]
                if (other.concept_id == sig.concept_id or len(theirs) > len(mine) + 1
                        or any(slot & sig.slots[k] for slot in theirs)):
                    continue
                if _assign_all(tuple(frozenset(n for n, t in enumerate(theirs) if slot & t) for slot in rest)) is not None:
                    distinct.add(k)
                    break
        if distinct:
            marked[i] = frozenset(distinct)
    if not marked:
        return sigs
    from dataclasses import replace

    return [replace(s, distinct=marked[i]) if i in marked else s for i, s in enumerate(sigs)]


def _holds(wide: Signature, narrow: Signature, word: str) -> bool:
    """Whether `word` is one of the preferred words of `wide`, a name with more required slots than
    `narrow` whose slots hold each of `narrow`'s: `word` is then not lent from `wide` to `narrow`.

    "high-quality Belt and Road development" and "high-quality Belt and Road
    cooperation" are one concept, so development and cooperation share its
    slot; yet "high-quality cooperation" is the wider name's own wording
    shortened, not a rendering of high-quality development. The wider
    name's other words still lend ("Sino-African" of the all-weather
    China-Africa community to the China-Africa community), and the
    narrower lends to the wider.
    """
    mine = [s for s, r in zip(narrow.slots, narrow.required) if r]
    theirs = [s for s, r in zip(wide.slots, wide.required) if r]
    if len(theirs) <= len(mine):
        return False
    used: set[int] = set()
    for slot in mine:
        k = next((i for i, t in enumerate(theirs) if i not in used and slot & t), None)
        if k is None:
            return False
        used.add(k)
    return word in {w for p in _preferred_words(wide) for w in (p.lower(), *lemmas(p.lower(), wide.lang))}


def _attested(sigs: list[Signature]) -> dict[str, dict[str, Signature | None]]:
    """Word -> the words that share a slot with it in two concepts, or in one if both are long (base-wide
    synonyms), each with the one signature that taught it (None when two concepts did; see `_holds`).

    "mankind" and "humanity" stand in one slot of the community with a shared
    future for mankind: another name with either word in a slot of three or
    more takes the other ("common values of mankind", "harmony between mankind
    and nature"). Long words (seven letters or more) mean one thing wherever
    they stand; a pair of short ones seen in one concept only stays that
    concept's own ("major" and "great" of major-country diplomacy say nothing
    of the Great Wall). Held out one at a time (benchmarks/accuracy/holdout.py),
    two concepts always found 56 of 138 English variants with one false alarm;
    one concept for long words found 59 with none.
    """
    seen: dict[tuple[str, str], dict[str, Signature]] = {}
    for sig in sigs:
        for slot in _lendable(sig):
            if len(slot) > 1:
                for a in slot:
                    for b in slot:
                        if a != b and len(a) > 3 and len(b) > 3:
                            seen.setdefault((a, b), {})[sig.concept_id] = sig
    out: dict[str, dict[str, Signature | None]] = {}
    for (a, b), owners in seen.items():
        if len(owners) >= 2 or (len(a) >= 7 and len(b) >= 7):
            out.setdefault(a, {})[b] = next(iter(owners.values())) if len(owners) == 1 else None
    return out


# Names what a cached index holds: a cache written by other code is a miss.
LAYOUT = "signatures-39-endetect5-rudetect5"


def signatures_of(concept: Concept, lang: str) -> list[Signature]:
    """The concept's signature in `lang` and those of its listed variants (`variant_signatures`), if any."""
    main = derive(concept, lang)
    return [] if main is None else [main, *variant_signatures(concept, lang, main)]


def index_for(termbase, lang: str | None) -> Index:  # type: ignore[no-untyped-def]
    """The signature index of a term base for a language, built once per process and cached on disk.

    A Russian index comes with the analyser's table of its slots' word forms
    (glossary.morph.russian.form_table), which `lemmas` reads.
    """
    base = base_language(lang or "")
    held = STATE.of(termbase).signatures
    cached = held.get(base)
    if cached is not None and (termbase.digest or cached[0] is termbase):
        return cached[1]
    index = _cached_index(termbase, base) if termbase.digest and base in LANGS else None
    if index is None:
        sigs = [s for c in termbase.concepts for s in signatures_of(c, base)] if base in LANGS else []
        index = Index(base, share_synonyms(sigs))
        if base == "ru" and sigs:
            _ru_table(index, termbase.digest)
        elif base in LANGS:
            _cache_index(index, termbase.digest)
    held[base] = (termbase, index)
    return index


def _disk_key(digest: str, base: str) -> str:
    stamp = ""
    if base == "ru":
        from .morph.russian import dictionary_stamp

        stamp = dictionary_stamp()
    return f"{digest}-{base}-{LAYOUT}-{stamp}"


def _cached_index(termbase, base: str) -> Index | None:  # type: ignore[no-untyped-def]
    from . import cache

    got = cache.get("signatures", _disk_key(termbase.digest, base))
    if not (isinstance(got, tuple) and len(got) == 4 and isinstance(got[0], dict) and isinstance(got[3], Mapping)):
        return None
    index = _unflatten(*got[:3])
    if got[3]:
        from .morph.russian import analyser

        analyser().add(got[3])
    return index


def _flatten(index: Index) -> tuple[dict[str, Any], Sequence[Any], Mapping[str, Sequence[int]]]:
    """An index for the cache: its state with the anchor automaton and the gates' table built, each
    signature one pickle (glossary.flat), and per anchor lemma the positions of its signatures."""
    from .flat import SortedMap, pack

    if index.signatures and index._starts:
        list(index.anchors("-"))  # builds the automaton, which the cache keeps
    index.gate_table()
    skip = ("signatures", "by_lemma", "_gate", "_gates", "_at")
    state = {k: v for k, v in index.__dict__.items() if k not in skip}
    return state, pack(index.signatures), SortedMap.of(index._at, "runs")


def _unflatten(state: dict[str, Any], blobs: Sequence[Any], at: Mapping[str, Sequence[int]]) -> Index:
    """An index from the cache whose signatures are unpickled as a gate lets them through."""
    from .flat import Lazy, LazyLists

    index = Index.__new__(Index)
    signatures: Lazy[Signature] = Lazy(blobs)
    index.__setstate__({**state, "_gate": None, "_gates": {}, "signatures": signatures, "_at": at,
                        "by_lemma": LazyLists(at, signatures)})
    return index


def _slot_lemmas(index: Index) -> Iterator[str]:
    return (lemma for sig in index.signatures for slot in sig.slots for lemma in slot)


def _ru_table(index: Index, digest: str) -> None:
    """Fill the analyser's table with the forms of every slot's lemma, and cache the index with it."""
    from . import cache
    from .morph.russian import analyser, form_table

    table = form_table(_slot_lemmas(index))
    analyser().add(table)
    if digest:
        from .flat import SortedMap

        cache.put("signatures", _disk_key(digest, "ru"), (*_flatten(index), SortedMap.of(table, "lazy")))


def _cache_index(index: Index, digest: str) -> None:
    from . import cache

    if digest:
        cache.put("signatures", _disk_key(digest, index.lang), (*_flatten(index), {}))


# Suggestions ---------------------------------------------------------------------


def suggest_en(hit: Hit, found_text: str, text_start: int, base: str | None = None) -> str:
    """`base` (default: the preferred rendering) in the number of the found slot words, with its possessive.

    A found word in the plural makes plural the word of `base` that fills the
    same slot ("communities of shared destiny" -> "communities with a shared future"),
    unless that word modifies the next one (a noun used as a modifier stays singular:
    "diplomacy of major powers" -> "major-country diplomacy").
    """
    from .morph import english

    sig = hit.signature
    out = base or sig.preferred
    every = words(out)
    content = [(s, e, w) for s, e, w in every if w.lower() not in sig.function_words]
    # The content words followed right away (a space or a hyphen between) by another content word.
    modifiers = {s for (s, e, w), (s2, _, w2) in zip(every, every[1:])
                 if w2.lower() not in sig.function_words and out[e:s2].strip(" -\u2010\u2011") == ""}
    edits: dict[int, tuple[int, int, str]] = {}
    for (s, e), slot in zip(hit.words, hit.filled):
        word = found_text[s - text_start:e - text_start]
        if not en_plural(word):
            continue
        for ps, pe, pw in content:
            if en_lemma(pw) in sig.slots[slot]:
                if ps in modifiers:
                    break
                many = english.plural(pw)
                if many is not None:
                    edits[ps] = (ps, pe, many)
                break
    for ps, pe, new in sorted(edits.values(), reverse=True):
        out = out[:ps] + new + out[pe:]
    last = found_text.rstrip()
    if last.endswith(("'s", "’s")) or (last.endswith(("'", "’")) and en_plural(last[:-1])):
        apostrophe = "’" if "’" in last[-2:] else "'"
        out = out + apostrophe if out.endswith("s") else out + apostrophe + "s"
    ws = [w for _, _, w in words(found_text) if w.lower() not in sig.function_words]
    if len(ws) > 1 and all(w[:1].isupper() for w in ws) and not all(w.isupper() for w in ws):
        out = re.sub(r"[^\W_]+", lambda m: m.group() if m.group().lower() in sig.function_words
                     else m.group()[:1].upper() + m.group()[1:], out)
    return out


def ru_forms(hit: Hit, text: str) -> list[str]:
    """Form tags (`ru:case,number,flip`) of the found head noun, relative to the preferred rendering."""
    from .morph import russian

    sig = hit.signature
    pattern = russian.analysed(sig.preferred)
    cite = russian.citation(pattern)
    if cite is None:
        return []
    pref_content = _preferred_words(sig)
    head_lemma = next((s.lemma for s in pattern.slots if s.inflects and s.domain == 0 and s.pos == "NOUN"), None)
    head_slot = next((k for k, w in enumerate(pref_content) if head_lemma and first_lemma(w, "ru") == head_lemma), 0)
    word = None
    for (s, e), slot in zip(hit.words, hit.filled):
        if slot == head_slot:
            word = text[s:e]
    if word is None:
        word = text[hit.words[0][0]:hit.words[0][1]]
    # The found phrase's head is its first noun: in «новое качество производительных сил»
    # the preferred rendering's head «силы» became a genitive, and the phrase is in the nominative.
    # An abbreviation («ООН») shows no case: it is no head to read one from.
    # An adjective that may also be read as a noun («великим») is no head before a word it agrees with.
    # A noun after a preposition («за столетие» in «беспрецедентными за столетие изменениями») is governed,
    # not the head, when a noun follows it.
    found_words = [text[s:e] for s, e in hit.words]
    attributive = _ru_attributive(found_words)
    governed = {k for k in range(len(found_words) - 1) if any(
        w.lower() in russian.PREPOSITIONS for _, _, w in words(text[hit.words[k - 1][1] if k else hit.start:hit.words[k][0]]))}
    nouns = (w for k, w in enumerate(found_words) if not w.isupper() and k not in attributive and k not in governed
             and any(r.pos == "NOUN" for r in russian.analyser().readings(w.lower().replace("ё", "е"))))
    first = next(nouns, None)
    heads = sig.slots[head_slot]
    if first is not None and first != word:
        word, heads = first, None
    tags: list[str] = []
    readings = russian.analyser().readings(word.lower().replace("ё", "е"))
    # A noun standing in for the head (a translation's own word for it, `checks.located.loose`) gives its form.
    own = heads is not None and any(r.lemma in heads for r in readings)
    for r in readings:
        if (r.lemma in heads if own else r.pos == "NOUN") and r.case and r.number:
            # Another word as head: its case is the phrase's, its number says nothing of the preferred head's.
            tag = russian.Form(r.case, r.number if heads is not None else cite[1],
                               heads is not None and r.number != cite[1]).tag
            if tag not in tags:
                tags.append(tag)
    # A preposition right before the phrase settles an ambiguous form («к духу»: dative, not genitive).
    before = re.search(r"([^\W\d_]+)\s+$", text[max(0, hit.start - 12):hit.start])
    if before is not None and len(tags) > 1:
        forms = [f for f in (russian.Form.from_tag(t) for t in tags) if f is not None]
        tags = [f.tag for f in russian.narrow(forms, before.group(1))]
    if len(tags) > 1 and text[hit.start:hit.start + 1].isalpha():  # after a noun: an oblique case («процесса ...»)
        tags = russian.after_noun(tags, text, hit.start)
    if len(tags) > 1 and heads is not None:
        tags = _agreeing(tags, word, hit, text)
    return tags


def _agreeing(tags: list[str], word: str, hit: Hit, text: str) -> list[str]:
    """The forms an adjective or pronoun right before the head noun agrees with («этой инициативы»:
    genitive singular, not a plural), or `tags` when it agrees with none or there is none."""
    from .morph import russian

    at = next((s for s, e in hit.words if text[s:e] == word), None)
    if at is None:
        return tags
    before = re.search(r"([^\W\d_]+)\s+$", text[max(0, at - 24):at])
    if before is None:
        return tags
    agree = {(r.case, r.number) for r in russian.analyser().readings(before.group(1).lower().replace("ё", "е"))
             if r.pos in ("ADJF", "PRTF") and r.case}
    forms = [f for f in (russian.Form.from_tag(t) for t in tags) if f is not None]
    kept = [f.tag for f in forms if (f.case, f.number) in agree]
    return kept or tags


# Validation ----------------------------------------------------------------------


def problems(termbase) -> list[tuple[Concept, str]]:  # type: ignore[no-untyped-def]
    """Signatures that fire on another concept's preferred rendering: (that concept, message)."""
    out: list[tuple[Concept, str]] = []
    for lang in LANGS:
        index = index_for(termbase, lang)
        if not index:
            continue
        for concept in termbase.concepts:
            preferred = concept.preferred(lang)
            if preferred is None:
                continue
            for hit in index.scan(preferred.text):
                sig = hit.signature
                found = preferred.text[hit.start:hit.end]
                if hit.concept_id != concept.id and sequence(found, lang, sig.function_words) not in sig.listed:
                    out.append((concept, f'the {lang} signature of "{hit.concept_id}" fires on "{found}" in '
                                         f'the preferred rendering of "{concept.id}"; give it a `signature:`'))
    return out
