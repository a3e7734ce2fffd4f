"""Russian terms in every case and number, and replacements in the found form.

A Russian draft rarely writes a term in the nominative: «в рамках инициативы
«Пояс и путь»», «строительство сообщества единой судьбы человечества». Each
term is analysed once with pymorphy3: its head noun, the words that agree with
the head (and coordinated heads: «Пояс и путь»), and the words that never
change (genitive complements such as «единой судьбы человечества»). Words that
inflect are matched by lemma, the rest as written; a path of such keys goes
into a token trie. A path found in the text is accepted only when the
inflecting words share one case and agree in number and gender, so
«сообществом единая судьба» is not a match while «сообществом единой судьбы
человечества» is.

A quoted name after the head («инициативы «Пояс и путь»») may stay in the
nominative or decline with the head («инициативы «Пояса и пути»»); both match.
A term that is only a quoted name («Один пояс, один путь») declines as a whole.

Fixes write the replacement in the case and number found. When the found words
fit several forms and those forms give different replacements, the fix is
withheld and the reason names the forms; a preposition right before the match
narrows the case first («о», «к», «без» ...).
"""

from __future__ import annotations

import functools
import os
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace

from ..model import _pickled_by_constructor
from . import LayerHit, Rendered
from .records import ReadingFields
from .tokens import Anchored, Token, TokenTrie, joined_words, normalize, tokenize

TYPE_CHECKING = False  # typing's own flag, without importing typing (see glossary/__init__.py)
if TYPE_CHECKING:
    from typing import Any, Generic, TypeVar

    T = TypeVar("T")
else:
    from .tokens import Generic

    T = object  # a parameter to type checkers alone

CASES = ("nomn", "gent", "datv", "accs", "ablt", "loct")
CASE_NAMES = {
    "nomn": "nominative",
    "gent": "genitive",
    "datv": "dative",
    "accs": "accusative",
    "ablt": "instrumental",
    "loct": "prepositional",
}
NUMBER_NAMES = {"sing": "singular", "plur": "plural"}

# pymorphy's second genitive, accusative and locative («чашка чаю», «в лесу»)
# are forms of the six cases for our purpose.
_CASE_OF = {
    "nomn": "nomn", "gent": "gent", "gen1": "gent", "gen2": "gent", "datv": "datv",
    "accs": "accs", "acc1": "accs", "acc2": "accs", "ablt": "ablt",
    "loct": "loct", "loc1": "loct", "loc2": "loct",
}  # fmt: skip
_MODIFIERS = frozenset({"ADJF", "PRTF", "NUMR"})
_COORDINATORS = frozenset({"и", "или", ",", "-"})
_OPENERS = frozenset("«„‹‘")
_CLOSERS = frozenset("»›”’")

# The cases a preposition governs; the word right before a match narrows the
# case of the match (standard Russian grammar).
PREPOSITIONS: dict[str, frozenset[str]] = {
    word: frozenset(cases)
    for words, cases in (
        (("без", "для", "до", "из", "от", "у", "около", "после", "вокруг", "среди", "против",
          "кроме", "вместо", "ради", "вне", "мимо", "возле", "посредством", "внутри"), ("gent",)),
        (("к", "ко", "благодаря", "согласно", "вопреки", "навстречу"), ("datv",)),
        (("о", "об", "обо"), ("loct", "accs")),
        (("при",), ("loct",)),
        (("в", "во", "на"), ("accs", "loct")),
        (("за", "под", "подо"), ("accs", "ablt")),
        (("над", "надо", "перед", "передо", "между"), ("ablt",)),
        (("с", "со"), ("gent", "ablt", "accs")),
        (("по",), ("datv", "loct", "accs")),
        (("через", "про", "сквозь"), ("accs",)),
    )
    for word in words
}  # fmt: skip

_CACHE_LIMIT = 100_000  # word forms; a long text has tens of thousands


class Reading(ReadingFields):
    """One analysis of a word form: what agreement checks need from pymorphy (lemma, pos, case,
    number, gender, superlative).

    A named tuple: the cache holds hundreds of thousands, and tuples of
    strings drop out of the garbage collector's tracking where dataclass
    instances would be traversed on every full collection.
    """

    __slots__ = ()


class Analyser:
    """pymorphy3 with a cache of readings per word form, loaded only when a word needs it.

    Lemmatizing costs far more than folding; a text repeats its word forms,
    so each distinct form is analysed once per process. The forms of the
    terms' own words come analysed from the cache (`table`, see `form_table`),
    and a word that is none of them is taken for no form of a term word:
    `relevant` answers both without loading the analyser (a tenth of a
    second) or the dictionary's word list, which are then loaded only for a
    fix the cache lacks, a reading that must be complete (`readings`) or the
    question whether the dictionary knows a word (`in_dictionary`).
    """

    def __init__(self) -> None:
        self._morph: Any = None
        self._parses: dict[str, list[Any]] = {}
        self._readings: dict[str, tuple[Reading, ...]] = {}
        self._keys: dict[str, tuple[str, ...]] = {}
        # word form -> its readings as tuples: the form tables taken in (`add`), read from the cache
        # as sorted tables whose rows are unpickled as words ask for them (glossary.flat.SortedMap)
        self._tables: list[Mapping[str, tuple[tuple[Any, ...], ...]]] = []
        self._words: Any = None  # the dictionary's word list (membership only), or False when unreadable
        self._known: dict[str, bool] = {}
        self._relevant: dict[str, tuple[Reading, ...]] = {}

    @property
    def morph(self) -> Any:
        if self._morph is None:
            import pymorphy3

            # Named, the dictionary is not looked for among every installed package's entry points,
            # which costs a quarter of the analyser's load.
            self._morph = pymorphy3.MorphAnalyzer(path=dictionary_folder(), lang="ru")
        return self._morph

    @property
    def loaded(self) -> bool:
        """Whether pymorphy3's analyser has been loaded in this process."""
        return self._morph is not None

    def parses(self, word: str) -> list[Any]:
        """pymorphy3's parses of a word, cached (term analysis asks for each word many times)."""
        found = self._parses.get(word)
        if found is None:
            if len(self._parses) >= _CACHE_LIMIT // 10:
                self._parses.clear()
            found = self._parses[word] = self.morph.parse(word)
        return found

    def readings(self, word: str) -> tuple[Reading, ...]:
        """The readings of a case-folded word form, cached: all of them, as pymorphy3 gives them."""
        found = self._readings.get(word) or self._from_table(word)
        if found is None:
            if len(self._readings) >= _CACHE_LIMIT:
                self._readings.clear()
            found = tuple(dict.fromkeys(_reading(p) for p in self.morph.parse(word)))
            self._readings[word] = found
        return found

    @property
    def table(self) -> dict[str, tuple[tuple[Any, ...], ...]]:
        """Every form of the tables taken in, with its readings (all of them read: for tests)."""
        merged: dict[str, tuple[tuple[Any, ...], ...]] = {}
        for table in self._tables:
            merged.update(table)
        return merged

    def _from_table(self, word: str) -> tuple[Reading, ...] | None:
        raw = next((found for table in self._tables if (found := table.get(word)) is not None), None)
        if raw is None:
            return None
        found = self._readings[word] = tuple(Reading._make(r) for r in raw)
        return found

    def relevant(self, word: str) -> tuple[Reading, ...]:
        """The readings of `word` if it is a form of a word in `table` (all of them), else none.

        The table holds every form of each term word's lemma, as the
        dictionary inflects it (or as pymorphy3 inflects the lemma it guessed
        for a term word the dictionary lacks), with all its readings. A word
        the dictionary knows that is not in the table has no reading with
        such a lemma. A word outside the dictionary (a misspelling, a rare
        name) is not analysed either: pymorphy3 would guess its lemma from its
        ending, and a lemma guessed for a form outside the term word's own
        paradigm is no match. So a check loads neither the analyser nor the
        word list for a word that is none of the terms' forms.
        """
        found = self._relevant.get(word)
        if found is None:
            if len(self._relevant) >= _CACHE_LIMIT:
                self._relevant.clear()
            found = self._relevant[word] = self._from_table(word) or ()
        return found

    def add(self, table: Mapping[str, tuple[tuple[Any, ...], ...]]) -> None:
        """Take in a `form_table` (or its cached form); a form in two tables has the same readings in
        both (all the dictionary gives)."""
        if not any(table is taken for taken in self._tables):
            self._keys.clear()  # keys and answers found before may lack the new forms
            self._relevant.clear()
            self._tables.append(table)

    def in_dictionary(self, word: str) -> bool:
        """Whether pymorphy3's dictionary lists `word` (as its dictionary analyser looks it up: е may be ё)."""
        known = self._known.get(word)
        if known is None:
            if len(self._known) >= _CACHE_LIMIT:
                self._known.clear()
            if self._morph is not None:
                known = bool(self._morph.dictionary.word_is_known(word, self._morph.char_substitutes))
            else:
                words = self._word_list()
                known = bool(words[0].similar_keys(word, words[1])) if words else False
            self._known[word] = known
        return known

    def _word_list(self) -> Any:
        """The dictionary's word list alone (a fifth of the analyser's load), or None if it cannot be read."""
        if self._words is None:
            self._words = False
            try:
                import dawg_python

                folder = dictionary_folder()
                if folder is None:
                    return None
                words = dawg_python.RecordDAWG(">HH").load(os.path.join(folder, "words.dawg"))
                self._words = (words, words.compile_replaces({"е": "ё"}))
            except Exception:  # noqa: BLE001 - any failure: ask the analyser itself
                self._words = False
        return self._words or None

    def keys(self, word: str) -> tuple[str, ...]:
        """Trie keys of a case-folded word: its surface key and the lemma keys a term may have."""
        found = self._keys.get(word)
        if found is None:
            if len(self._keys) >= _CACHE_LIMIT:
                self._keys.clear()
            found = tuple(dict.fromkeys(["S:" + normalize(word)] + ["L:" + r.lemma for r in self.relevant(word)]))
            self._keys[word] = found
        return found


def _reading(parse: Any) -> Reading:
    tag = parse.tag
    return Reading(
        lemma=normalize(parse.normal_form),
        pos=str(tag.POS),
        case=_CASE_OF.get(str(tag.case)) if tag.case else None,
        number=str(tag.number) if tag.number else None,
        gender=str(tag.gender) if tag.gender else None,
        superlative="Supr" in tag.grammemes,
    )


@functools.cache
def analyser() -> Analyser:
    """The process-wide analyser (loading the dictionary takes a tenth of a second)."""
    return Analyser()


@_pickled_by_constructor  # the cache holds every Russian term's slots: unpickled in each Russian check
@dataclass(frozen=True, slots=True)
class Slot:
    """One token of a term: how it is keyed in the trie and whether it inflects.

    `domain` 0 is the phrase itself; 1, 2 ... are quoted names after its head,
    which may stay as written or decline. `group` numbers the agreement groups
    (a noun and the words that agree with it) across the whole term.
    """

    token: Token
    key: str
    inflects: bool = False
    domain: int = 0
    group: int = -1
    pos: str = ""
    lemma: str = ""
    gender: str | None = None
    number: str | None = None
    parse: Any = None


@_pickled_by_constructor
@dataclass(frozen=True, slots=True)
class Pattern:
    """A Russian term analysed: its slots and its citation case."""

    text: str
    slots: tuple[Slot, ...]
    case: str | None

    @property
    def inflects(self) -> bool:
        return self.case is not None

    @property
    def keys(self) -> tuple[str, ...]:
        return tuple(s.key for s in self.slots)


@dataclass(frozen=True, slots=True)
class Form:
    """A case and number a match was found in, and whether the number differs from the term's."""

    case: str
    number: str
    flip: bool

    @property
    def tag(self) -> str:
        return f"ru:{self.case},{self.number},{'flip' if self.flip else 'same'}"

    @property
    def name(self) -> str:
        return f"{CASE_NAMES[self.case]} {NUMBER_NAMES[self.number]}"

    @staticmethod
    def from_tag(tag: str) -> Form | None:
        if not tag.startswith("ru:"):
            return None
        case, number, flip = tag[3:].split(",")
        return Form(case, number, flip == "flip")


@dataclass(frozen=True, slots=True)
class Inflected:
    """A replacement in the found form, or None and the reason it cannot be written."""

    text: str | None
    reason: str = ""


# Analysis of a term ---------------------------------------------------------


def _term_tokens(text: str) -> tuple[list[Token], list[bool]]:
    """Tokens of a term, and per token whether a hyphen joins it to the next word."""
    tokens = tokenize(text)
    joined = joined_words(text)
    return tokens, [t.start in joined for t in tokens]


def _segments(tokens: Sequence[Token]) -> list[int]:
    """Segment id of each token: 0 outside quotes, k inside the k-th quoted name.

    Quote characters belong to the outer level. Nested quotes stay in their
    outermost name. Straight quotes open and close alternately.
    """
    seg: list[int] = []
    stack: list[str] = []
    current = 0
    names = 0
    for tok in tokens:
        ch = tok.text
        closes = False
        if not tok.is_word and tok.norm == '"':
            if ch in _OPENERS:
                closes = False
            elif ch in _CLOSERS:
                closes = bool(stack)
            elif ch == "“":
                closes = bool(stack) and stack[-1] == "„"
            else:  # straight or ambiguous quotes toggle
                closes = bool(stack) and stack[-1] == ch
            if closes:
                stack.pop()
                seg.append(current if stack else 0)
                if not stack:
                    current = 0
                continue
            seg.append(current if stack else 0)
            if not stack:
                names += 1
                current = names
            stack.append(ch)
            continue
        seg.append(current if stack else 0)
    return seg


def _candidates(word: str) -> list[Any]:
    """Parses of a term word that could take part in an agreeing phrase."""
    return [
        p for p in analyser().parses(word)
        if str(p.tag.POS) in _MODIFIERS | {"NOUN"} and p.tag.case and "Abbr" not in p.tag.grammemes
    ]


def _agreeing(noun: Any, modifier: Any, case: str) -> bool:
    tag = modifier.tag
    if _CASE_OF.get(str(tag.case)) != case:
        return False
    if tag.number and tag.number != noun.tag.number:
        return False
    if noun.tag.number == "sing" and tag.gender and noun.tag.gender in ("masc", "femn", "neut"):
        return bool(tag.gender == noun.tag.gender)
    return True


@dataclass(slots=True)
class _Group:
    """Words of a term that must agree in case and number, found in the text."""

    members: list[tuple[int, Any]]  # (token index, parse) of inflecting words
    fixed: list[int]  # adverbs and compound stems inside the group
    end: int  # index in the domain sequence after the group
    case: str


def _group(
    tokens: Sequence[Token], joined: Sequence[bool], seq: Sequence[int], start: int, want: str | None,
    prefer: tuple[str, str] | None = None,
) -> _Group | None:
    """The agreeing group (modifiers, then a noun) starting at seq[start], if any.

    Readings are tried nominative first (terms are listed in the nominative),
    or first in the case and number `prefer` names.
    """
    run = _run(tokens, joined, seq, start)
    order: tuple[str, ...] = ("nomn", "accs", "gent", "datv", "ablt", "loct")
    if want:
        order = (want,)
    elif prefer:
        order = (prefer[0],) + tuple(c for c in order if c != prefer[0])
    number = prefer[1] if prefer else None
    for k in range(len(run) - 1, -1, -1):
        head = seq[run[k]]
        # Among equally likely readings take the inanimate one: terms name
        # abstractions («дух» as spirit, not as ghost), and animacy decides the
        # accusative of agreeing words.
        head_parses = sorted(
            (x for x in _candidates(normalize(tokens[head].text)) if str(x.tag.POS) == "NOUN"),
            key=lambda x: (number is not None and x.tag.number != number, -round(x.score, 3), x.tag.animacy != "inan"),
        )
        for case in order:
            for noun in (x for x in head_parses if _CASE_OF.get(str(x.tag.case)) == case):
                agreed = _before_head(tokens, joined, seq, run[:k], noun, case)
                if agreed is not None:
                    members, fixed = agreed
                    members.append((head, noun))
                    return _Group(members, fixed, run[k] + 1, case)
    return None


def _run(tokens: Sequence[Token], joined: Sequence[bool], seq: Sequence[int], start: int) -> list[int]:
    """Indexes into `seq` of the words from `start` that may belong to a group (modifiers, nouns, adverbs)."""
    run: list[int] = []
    p = start
    modifier = False  # whether the last word taken may be an adjective or a participle
    while p < len(seq):
        w = seq[p]
        norm = tokens[w].norm
        # After a word that may modify a noun, a coordinator («равноправный и упорядоченный») or a
        # preposition it governs («невиданные за столетие») may come before the head.
        if modifier and p + 1 < len(seq) and tokens[seq[p + 1]].is_word and (
                norm in _COORDINATORS and norm != "-" or norm in PREPOSITIONS):
            run.append(p)
            p += 1
            modifier = False
            continue
        if not tokens[w].is_word:
            break
        word = normalize(tokens[w].text)
        parses = analyser().parses(word)
        if not any(str(x.tag.POS) in _MODIFIERS | {"NOUN", "ADVB"} for x in parses) and not joined[w]:
            break
        run.append(p)
        modifier = any(str(x.tag.POS) in ("ADJF", "PRTF") for x in parses)
        p += 1
    return run


def _before_head(
    tokens: Sequence[Token], joined: Sequence[bool], seq: Sequence[int], before: list[int], noun: Any, case: str,
) -> tuple[list[tuple[int, Any]], list[int]] | None:
    """The words before the head `noun`, read in `case`: (agreeing members, fixed words), or None if one cannot be.

    Between agreeing modifiers may stand a coordinator («равноправный и
    упорядоченный многополярный мир», «дружественное, безопасное и ...») and,
    after an adjective or a participle, the phrase of a preposition it governs,
    which stays as written («невиданные за столетие перемены», «основанная на
    ООН международная система»): the shortest such phrase after which the
    remaining words still agree is taken.
    """
    return _read_before(tokens, joined, seq, before, 0, noun, case, False)


_OBJECT_MAX = 4  # words of a preposition's phrase inside a term («за последние сто лет»)


def _read_before(
    tokens: Sequence[Token], joined: Sequence[bool], seq: Sequence[int], before: list[int], i: int, noun: Any,
    case: str, after_modifier: bool,
) -> tuple[list[tuple[int, Any]], list[int]] | None:
    """`_before_head` from `before[i]`; `after_modifier`: the word before is an agreeing adjective or participle."""
    if i == len(before):
        return [], []
    q = before[i]
    w = seq[q]
    tok = tokens[w]
    if not tok.is_word or tok.norm in _COORDINATORS:
        if tok.norm not in _COORDINATORS or tok.norm == "-" or not after_modifier or i + 1 == len(before):
            return None
        rest = _read_before(tokens, joined, seq, before, i + 1, noun, case, False)
        return None if rest is None else (rest[0], [w, *rest[1]])
    word = normalize(tok.text)
    parses = analyser().parses(word)
    nxt = seq[q + 1]
    next_is_modifier = any(str(x.tag.POS) in _MODIFIERS for x in _candidates(normalize(tokens[nxt].text)))
    if joined[w] and next_is_modifier:  # «китайско-» in «китайско-центральноазиатский»
        rest = _read_before(tokens, joined, seq, before, i + 1, noun, case, False)
        return None if rest is None else (rest[0], [w, *rest[1]])
    if joined[w]:  # «города-» in «города-побратимы»: a noun in apposition
        same = [x for x in _candidates(word) if str(x.tag.POS) == "NOUN"
                and _CASE_OF.get(str(x.tag.case)) == case and x.tag.number == noun.tag.number]
        if same:
            rest = _read_before(tokens, joined, seq, before, i + 1, noun, case, False)
            return None if rest is None else ([(w, same[0]), *rest[0]], rest[1])
    if after_modifier and word in PREPOSITIONS:
        for j in range(i + 2, min(len(before), i + 1 + _OBJECT_MAX) + 1):
            if not all(tokens[seq[before[x]]].is_word for x in range(i + 1, j)):
                break
            rest = _read_before(tokens, joined, seq, before, j, noun, case, True)
            if rest is not None:
                return rest[0], [w, *(seq[before[x]] for x in range(i + 1, j)), *rest[1]]
        return None
    agreeing = [x for x in _candidates(word) if str(x.tag.POS) in _MODIFIERS and _agreeing(noun, x, case)]
    if agreeing:
        modifier = str(agreeing[0].tag.POS) in ("ADJF", "PRTF")
        rest = _read_before(tokens, joined, seq, before, i + 1, noun, case, modifier)
        return None if rest is None else ([(w, agreeing[0]), *rest[0]], rest[1])
    if any(str(x.tag.POS) == "ADVB" for x in parses):  # «качественно» in «качественно новые силы»
        rest = _read_before(tokens, joined, seq, before, i + 1, noun, case, False)
        return None if rest is None else (rest[0], [w, *rest[1]])
    return None


def _phrase(
    tokens: Sequence[Token], joined: Sequence[bool], seq: list[int], want: str | None, prefer: tuple[str, str] | None,
) -> tuple[str | None, int, list[_Group]]:
    """Groups from the start of `seq`, coordinated ones too: (their case, index after the last group, groups)."""
    first = _group(tokens, joined, seq, 0, want, prefer)
    if first is None:
        return None, 0, []
    groups = [first]
    p = first.end
    while p + 1 < len(seq) and tokens[seq[p]].norm in _COORDINATORS:
        nxt = _group(tokens, joined, seq, p + 1, first.case, prefer)
        if nxt is None:
            break
        groups.append(nxt)
        p = nxt.end
    return first.case, p, groups


def _phrases(
    tokens: Sequence[Token], joined: Sequence[bool], seg: Sequence[int], prefer: tuple[str, str] | None,
) -> tuple[str | None, list[tuple[int, list[_Group]]]]:
    """The term's case and its groups by domain: the head phrase (or a term's one quoted name), and a quoted
    name right after the head, which may decline with it."""
    top = [i for i, s in enumerate(seg) if s == 0]
    names = sorted({s for s in seg if s})
    if not any(tokens[i].is_word for i in top):
        if len(names) != 1:
            return None, []
        case, _after, groups = _phrase(tokens, joined, [i for i, s in enumerate(seg) if s == names[0]], None, prefer)
        return case, [(0, groups)]
    case, after, groups = _phrase(tokens, joined, top, None, prefer)
    found = [(0, groups)]
    if case is not None and after < len(top) and tokens[top[after]].norm == '"':
        opener = top[after]
        if opener + 1 < len(tokens) and seg[opener + 1]:
            name = seg[opener + 1]
            found.append((name, _phrase(tokens, joined, [i for i, s in enumerate(seg) if s == name], None, prefer)[2]))
    return case, found


@functools.lru_cache(maxsize=4096)
def analyse(text: str, prefer: tuple[str, str] | None = None) -> Pattern:
    """Analyse a Russian term once: which words inflect, which stay as written.

    `prefer` (case, number) settles a term whose citation form reads several
    ways («Пояса и пути»: genitive singular or nominative plural): a fix
    target is read like the variant it replaces.
    """
    tokens, joined = _term_tokens(text)
    phrase_case, phrases = _phrases(tokens, joined, _segments(tokens), prefer)
    info: dict[int, tuple[int, int, Any]] = {}  # token index -> (domain, group, parse)
    group_id = 0
    for domain, groups in phrases:
        for g in groups:
            for index, parse in g.members:
                info[index] = (domain, group_id, parse)
            group_id += 1
    return Pattern(text, tuple(_slot(tok, info.get(i)) for i, tok in enumerate(tokens)), phrase_case)


def _slot(tok: Token, found: tuple[int, int, Any] | None) -> Slot:
    """A word of a term: by lemma when it inflects in a group, else as written."""
    if found is None:
        return Slot(token=tok, key="S:" + tok.norm)
    domain, group, parse = found
    tag = parse.tag
    return Slot(
        token=tok,
        key="L:" + normalize(parse.normal_form),
        inflects=True,
        domain=domain,
        group=group,
        pos=str(tag.POS),
        lemma=normalize(parse.normal_form),
        gender=str(tag.gender) if tag.gender and tag.number == "sing" else None,
        number=str(tag.number) if tag.number else None,
        parse=parse,
    )


# Matching in text -------------------------------------------------------------


def _same_pos(a: str, b: str) -> bool:
    return a == b or {a, b} == {"ADJF", "PRTF"}


def _fits(slot: Slot, readings: Iterable[Reading], case: str, number: str | None) -> bool:
    for r in readings:
        if r.lemma != slot.lemma or r.case != case or not _same_pos(r.pos, slot.pos) or r.superlative:
            continue
        if number is not None and r.number is not None and r.number != number:
            continue
        if slot.gender and r.number == "sing" and r.gender and r.gender != slot.gender:
            continue
        return True
    return False


def _group_numbers(slots: Sequence[Slot], readings: Sequence[tuple[Reading, ...]], case: str) -> list[str]:
    """The numbers in which every word of one agreement group reads in `case`."""
    return [n for n in ("sing", "plur") if all(_fits(s, r, case, n) for s, r in zip(slots, readings))]


def forms_of(pattern: Pattern, words: Sequence[str]) -> list[Form]:
    """Every form in which the case-folded `words` are `pattern` with agreement kept."""
    an = analyser()
    readings = [an.relevant(w) if s.inflects else () for s, w in zip(pattern.slots, words)]
    groups: dict[int, list[int]] = {}
    for k, s in enumerate(pattern.slots):
        if s.inflects:
            groups.setdefault(s.group, []).append(k)
    names = {pattern.slots[ks[0]].domain for ks in groups.values()} - {0}
    frozen = {
        d: all(normalize(words[k]) == pattern.slots[k].token.norm for k, s in enumerate(pattern.slots) if s.domain == d and s.inflects)
        for d in names
    }
    head_group = min((g for g, ks in groups.items() if pattern.slots[ks[0]].domain == 0), default=None)
    if head_group is None:
        return []
    head_number = pattern.slots[groups[head_group][-1]].number or "sing"
    forms: list[Form] = []
    for case in CASES:
        numbers_ok = True
        head_numbers: list[str] = []
        for g, ks in groups.items():
            domain = pattern.slots[ks[0]].domain
            if domain and frozen[domain]:
                continue
            numbers = _group_numbers([pattern.slots[k] for k in ks], [readings[k] for k in ks], case)
            if not numbers:
                numbers_ok = False
                break
            if g == head_group:
                head_numbers = numbers
        if numbers_ok:
            forms.extend(Form(case, n, n != head_number) for n in head_numbers)
    return forms


def narrow(forms: list[Form], before: str | None) -> list[Form]:
    """Keep the forms a preposition right before the match allows (if any remain)."""
    if before is None:
        return forms
    cases = PREPOSITIONS.get(normalize(before))
    if not cases:
        return forms
    kept = [f for f in forms if f.case in cases]
    return kept or forms


_AFTER_NOUN = r"(?:^|[^\w\-])([^\W\d_A-ZА-ЯЁ][^\W\d_]*)\s+$"  # a lower-case word right before, whole


def after_noun(tags: Sequence[str], text: str, start: int) -> list[str]:
    """The form tags a phrase at `start` of `text` may have right after a noun: no nominative or accusative,
    if others remain.

    A noun takes a complement in an oblique case («процесса модернизации»:
    genitive, not the nominative plural). The word before counts only if it
    is lower case (not a name or a sentence's first word) and read as nothing
    but a noun.
    """
    import re

    kept = [t for t in tags if (f := Form.from_tag(t)) is not None and f.case not in ("nomn", "accs")]
    if not kept or len(kept) == len(tags):
        return list(tags)  # nothing the word before could take away: no analyser («мировое сообщество»)
    lo = max(0, start - 40)
    m = re.search(_AFTER_NOUN, text[lo:start])
    if m is None or (m.start(1) == 0 and lo > 0):  # a word the window cuts is not read
        return list(tags)
    readings = analyser().readings(normalize(m.group(1)))
    if not readings or any(r.pos != "NOUN" for r in readings):
        return list(tags)
    return kept


@dataclass(frozen=True, slots=True)
class Hit(Generic[T]):
    """A span of text where terms were found, each with the forms it can be in."""

    start: int
    end: int
    found: tuple[tuple[T, tuple[Form, ...]], ...]


class Scanner(Generic[T]):
    """Finds inflected Russian terms in text by lemma sequences."""

    def __init__(self, terms: Iterable[tuple[str, T]], fixes: Iterable[tuple[str, str]] = ()) -> None:
        """`fixes`: (target, replaced term) pairs whose fixes are written ahead, in the cache (`written_fixes`)."""
        # A path's payload names its term by text: the term's Pattern is read (`analysed`) only when
        # a path is walked to its end, so a check unpickles the few its text reaches.
        trie: TokenTrie[tuple[str, T]] = TokenTrie()
        anchors: list[tuple[str, int, str]] | None = []
        terms = list(terms)
        outlines = analysed_terms(sorted({text for text, _ in terms}), sorted(set(fixes)))
        for text, payload in terms:
            keys, anchor = outlines[text]
            if keys is None:
                continue
            trie.add(keys, (text, payload))
            if anchor is None or anchors is None:
                anchors = None  # a first word without a stable stem: walk every token
            else:
                anchors.extend((stem, anchor[1], keys[anchor[1]]) for stem in anchor[0])
        self._trie = trie
        self._anchored = Anchored(trie, anchors)
        self._verdicts: dict[tuple[str, tuple[str, ...], str | None], tuple[Form, ...] | None] = {}

    def __bool__(self) -> bool:
        return bool(self._trie)

    def scan(self, text: str) -> list[Hit[T]]:
        """Terms in `text` (raw or folded), leftmost-longest, in any case and number."""
        if not self._trie:
            return []
        an = analyser()
        verdicts = self._verdicts

        def keys_of(token: Token) -> Iterable[str]:
            return an.keys(token.text.casefold()) if token.is_word else ("S:" + token.norm,)

        def accept(tokens: Sequence[Token], i: int, j: int, item: tuple[str, T]) -> tuple[Form, ...] | None:
            words = tuple(t.text.casefold() for t in tokens[i:j])
            before = tokens[i - 1].text.casefold() if i > 0 and tokens[i - 1].is_word else None
            key = (item[0], words, before if before in PREPOSITIONS else None)
            if key not in verdicts:  # a text repeats its terms in the same few forms
                if len(verdicts) >= _CACHE_LIMIT:
                    verdicts.clear()
                forms = forms_of(analysed(item[0]), words)
                verdicts[key] = tuple(narrow(forms, before)) if forms else None
            return verdicts[key]

        return [
            Hit(start, end, tuple((item[1], verdict) for item, verdict in accepted))  # type: ignore[misc]
            for start, end, accepted in self._anchored.scan(text, keys_of, accept)
        ]


# Names what a cached analysis holds: a cache written by other code is a miss.
_ANALYSIS_LAYOUT = "ru-terms-7"

# A term as the Scanner keys it: the trie keys of its slots (None for a term that does not
# inflect, which the surface matcher finds as written) and its anchor (`_anchor`).
Outline = tuple[tuple[str, ...] | None, tuple[tuple[str, ...], int] | None]

# Terms analysed by `analysed_terms` in this process, without pymorphy3's parses.
_ANALYSED: dict[str, Pattern] = {}
# Read from the cache (`analysed_terms`): term text -> Pattern, each unpickled on first use, as a
# check reaches the end of a few of the hundreds of terms it scans for.
_STORED_PATTERNS: list[Mapping[str, Pattern]] = []


def analysed(text: str) -> Pattern:
    """`analyse(text)` as the matcher has it, without loading the analyser for a term it analysed;
    its slots carry no parses (`Slot.parse` is None)."""
    found = _ANALYSED.get(text)
    if found is None:
        for stored in _STORED_PATTERNS:
            found = stored.get(text)
            if found is not None:
                _ANALYSED[text] = found
                return found
        return analyse(text)
    return found


def analysed_terms(texts: Sequence[str], fixes: Sequence[tuple[str, str]] = ()) -> dict[str, Outline]:
    """Each term's Outline; the analyser's table filled with its words' forms; `fixes` written; the
    terms' Patterns for `analysed`.

    From the on-disk cache (glossary.cache) when these terms were analysed
    before with the same dictionary: a check then loads no analyser, neither
    for the terms nor for the fixes of `fixes` (`written_fixes`), and reads a
    term's Pattern only when `analysed` asks for it. The patterns keep no
    pymorphy3 parses (a fix outside `fixes` analyses its target again).
    """
    from .. import cache

    parts = [_ANALYSIS_LAYOUT, dictionary_stamp(), *texts, "", *(f"{a}\t{b}" for a, b in fixes)]
    key = cache.sha256("\0".join(parts).encode()).hexdigest()
    got = cache.get("ru-terms", key)
    if isinstance(got, tuple) and len(got) == 4 and isinstance(got[0], dict) and all(
            isinstance(part, Mapping) for part in got[1:]):
        analyser().add(got[1])
        _STORED.append(got[2])
        _STORED_PATTERNS.append(got[3])
        return got[0]  # type: ignore[no-any-return]
    outlines: dict[str, Outline] = {}
    patterns: dict[str, Pattern] = {}
    lemmas: set[str] = set()
    for text in texts:
        pattern = analyse(text)
        anchor = _anchor(pattern) if pattern.inflects else None
        lemmas.update(s.lemma for s in pattern.slots if s.inflects)
        patterns[text] = Pattern(pattern.text, tuple(replace(s, parse=None) for s in pattern.slots), pattern.case)
        outlines[text] = (pattern.keys if pattern.inflects else None, anchor)
    _ANALYSED.update(patterns)
    table = form_table(lemmas)
    analyser().add(table)
    written = written_fixes(fixes)
    _WRITTEN.update(written)
    from ..flat import SortedMap

    stored = SortedMap.of({_pair_key(*pair): writings for pair, writings in written.items()}, "lazy")
    cache.put("ru-terms", key, (outlines, SortedMap.of(table, "lazy"), stored, SortedMap.of(patterns, "lazy")))
    return outlines


def form_table(lemmas: Iterable[str]) -> dict[str, tuple[tuple[Any, ...], ...]]:
    """Every dictionary form of each lemma, as written and with е for ё, with all the form's readings.

    Complete: a word the dictionary reads with one of these lemmas is a form
    of that lemma's paradigm, whose first form is the lemma itself, so the
    lemma's parses list the paradigm (`Analyser.relevant` relies on it).
    Readings are plain tuples of shared strings, which unpickle several times
    faster than named tuples.
    """
    an = analyser()
    table: dict[str, tuple[tuple[Any, ...], ...]] = {}
    shared: dict[Any, Any] = {}
    for lemma in sorted(set(lemmas)):
        for parse in an.parses(lemma):
            if normalize(parse.normal_form) != lemma:
                continue
            for form in parse.lexeme:
                word = form.word.lower()
                for spelling in (word, word.replace("ё", "е")):
                    if spelling not in table:
                        table[spelling] = tuple(tuple(shared.setdefault(x, x) for x in r)
                                                for r in an.readings(spelling))
    return table


def dictionary_folder() -> str | None:
    """The folder of the dictionary pymorphy3 loads for Russian (as it chooses it: the environment
    variable, else the installed pymorphy3-dicts-ru), found without importing either; None if none is."""
    folder = os.environ.get("PYMORPHY2_DICT_PATH")
    if folder is not None:
        return folder
    try:
        # The path finder first: importlib.util imports contextlib and importlib._abc (~1 ms of a check).
        from importlib.machinery import PathFinder

        spec = PathFinder.find_spec("pymorphy3_dicts_ru")
        if spec is None:  # a finder of sys.meta_path's (an editable install's, say) may know it
            from importlib.util import find_spec

            spec = find_spec("pymorphy3_dicts_ru")
    except (ImportError, ValueError):
        return None
    if spec is None or not spec.submodule_search_locations:
        return None
    return os.path.join(list(spec.submodule_search_locations)[0], "data")


def dictionary_stamp() -> str:
    """Which pymorphy3 dictionary is installed (its word list's size and time), without loading it."""
    folder = dictionary_folder()
    if folder is None:
        return "-"
    try:
        st = os.stat(os.path.join(folder, "words.dawg"))
    except OSError:
        return "-"
    return f"{folder}:{st.st_size}:{st.st_mtime_ns}"


def _anchor(pattern: Pattern) -> tuple[tuple[str, ...], int] | None:
    """The stems every form of the term's first word starts with one of, and the tokens before that word.

    Usually one stem, the common start of all forms. A word whose forms share
    less than two letters («сон», «сна»; «око», «очи») gets the first two
    letters of each form instead, so that one short word in a large term base
    does not send the scan through every word of the text.
    """
    for index, slot in enumerate(pattern.slots):
        if not slot.token.is_word:
            continue
        if not slot.inflects:
            stem = slot.token.norm
        else:
            # Forms a match can take: same part of speech, with a case; not the
            # «наи-» superlatives OpenCorpora files under the same lemma.
            forms = [normalize(f.word) for f in slot.parse.lexeme
                     if _same_pos(str(f.tag.POS), slot.pos) and f.tag.case and "Supr" not in f.tag.grammemes]
            forms.append(normalize(slot.token.text))
            stem = os.path.commonprefix(forms)
            if len(stem) < 2:
                starts = tuple(sorted({form[:2] for form in forms}))
                return (starts, index) if all(len(start) == 2 for start in starts) else None
        return ((stem,), index) if len(stem) >= 2 else None
    return None


# Writing a replacement in a form -----------------------------------------------


def _like(model: str, word: str) -> str:
    """Write `word` with the capitalisation of `model`."""
    if len(model) > 1 and model.isupper():
        return word.upper()
    if model[:1].isupper():
        return word[:1].upper() + word[1:]
    return word


def _write(pattern: Pattern, form: Form, keep_yo: bool) -> str | str:
    """The replacement in `form`, or raise LookupError naming the word that has no such form."""
    groups: dict[int, list[Slot]] = {}
    for s in pattern.slots:
        if s.inflects and s.domain == 0:
            groups.setdefault(s.group, []).append(s)
    out: dict[int, str] = {}
    for members in groups.values():
        noun = members[-1]
        number = noun.number or "sing"
        if form.flip and not ({"Sgtm", "Pltm"} & set(noun.parse.tag.grammemes)):
            number = "plur" if number == "sing" else "sing"
        animacy = noun.parse.tag.animacy
        for s in members:
            grammemes = {form.case}
            if s.pos != "NUMR":
                grammemes.add(number)
            if form.case == "accs" and s.pos != "NOUN" and animacy and (number == "plur" or s.gender == "masc" or s.pos == "NUMR"):
                grammemes.add(str(animacy))
            if s.pos != "NOUN" and number == "sing" and not s.parse.tag.gender and noun.parse.tag.gender:
                grammemes.add(str(noun.parse.tag.gender))
            inflected = s.parse.inflect(grammemes)
            if inflected is None:
                raise LookupError(f"no {form.name} form of «{s.token.text}» in the dictionary")
            word = inflected.word if keep_yo else inflected.word.replace("ё", "е")
            out[s.token.start] = _like(s.token.text, word)
    text = pattern.text
    for start in sorted(out, reverse=True):
        tok = next(s.token for s in pattern.slots if s.token.start == start)
        text = text[:start] + out[start] + text[tok.end :]
    return text


def citation(pattern: Pattern) -> tuple[str, str] | None:
    """The case and number of a term as listed (its head's)."""
    head = next((s for s in pattern.slots if s.inflects and s.domain == 0 and s.pos == "NOUN"), None)
    if pattern.case is None or head is None:
        return None
    return pattern.case, head.number or "sing"


def inflect(text: str, forms: Sequence[Form], found: str = "", source: str | None = None) -> Inflected:
    """`text` (a Russian term) in the form the match was found in.

    `source` is the term that was matched: the number change in `forms` is
    relative to it, and `text` is read in the same citation form. With several
    possible forms, the fix is written only when they all give the same words;
    otherwise the reason lists them so a person can choose.
    """
    return _inflect(text, tuple(forms), found, source)


@functools.lru_cache(maxsize=4096)
def _inflect(text: str, forms: tuple[Form, ...], found: str, source: str | None) -> Inflected:
    """`inflect`, memoized: a text repeats its terms in the same few forms, and pymorphy's inflection is slow."""
    keep_yo = "ё" in found.casefold() or "ё" in text.casefold()
    written = written_fix(text, source)
    if written is None:
        written = _writings(text, source, [(f, keep_yo) for f in forms])
    inflects, results, picks = written
    if not forms or not inflects:
        return Inflected(text)
    outputs: dict[str, list[str]] = {}
    for form in forms:
        out, error = results[picks[_FORM_INDEX[form.tag] * 2 + keep_yo]]
        if out is None:
            return Inflected(None, f"cannot write «{text}» as {form.name}: {error}")
        outputs.setdefault(out, []).append(form.name)
    if len(outputs) == 1:
        return Inflected(next(iter(outputs)))
    choices = "; ".join(f"{' or '.join(names)}: «{out}»" for out, names in outputs.items())
    shown = f"«{found}»" if found else "the match"
    return Inflected(None, f"cannot tell the case of {shown} ({choices})")


# Every form a fix can ask for: six cases, two numbers, the number kept or changed.
ALL_FORMS = tuple(Form(case, number, flip) for case in CASES for number in ("sing", "plur") for flip in (False, True))
_FORM_INDEX = {form.tag: i for i, form in enumerate(ALL_FORMS)}
# Whether the target inflects; its distinct results (text, or None and why not); and per form
# (2 * its index in ALL_FORMS, + 1 to keep ё) the index of its result.
Writings = tuple[bool, tuple[tuple[str | None, str], ...], dict[int, int]]
# (target, the term it replaces) -> its Writings, written in this process
_WRITTEN: dict[tuple[str, str | None], Writings] = {}
# Read from the cache (`analysed_terms`): `_pair_key` -> Writings, each unpickled on first use, as a check
# writes a few fixes of the hundreds its terms can make.
_STORED: list[Mapping[str, Writings]] = []


def _pair_key(target: str, source: str | None) -> str:
    return f"{target}\0{source or ''}"  # a term's text is never empty: no source and an empty one read alike


def written_fix(target: str, source: str | None) -> Writings | None:
    """The Writings of (target, replaced term) written ahead, in this process or in the cache; None if neither."""
    found = _WRITTEN.get((target, source))
    if found is None:
        key = _pair_key(target, source)
        for stored in _STORED:
            found = stored.get(key)
            if found is not None:
                break
    return found


def _writings(text: str, source: str | None, forms: Iterable[tuple[Form, bool]]) -> Writings:
    """`text` written in each of `forms` (with ё kept or not), read like `source`: pymorphy3's work of a fix."""
    pattern = analyse(text, citation(analyse(source)) if source else None)
    results: dict[tuple[str | None, str], int] = {}
    picks: dict[int, int] = {}
    if pattern.inflects:
        for form, keep_yo in forms:
            try:
                result: tuple[str | None, str] = (_write(pattern, form, keep_yo), "")
            except LookupError as exc:
                result = (None, str(exc))
            picks[_FORM_INDEX[form.tag] * 2 + keep_yo] = results.setdefault(result, len(results))
    return pattern.inflects, tuple(results), picks


def written_fixes(pairs: Iterable[tuple[str, str | None]]) -> dict[tuple[str, str | None], Writings]:
    """Each (target, replaced term) in every form a fix can ask for, for the cache: a fix then needs no analyser."""
    every = [(f, keep_yo) for f in ALL_FORMS for keep_yo in (False, True)]
    return {pair: _writings(pair[0], pair[1], every) for pair in sorted(set(pairs), key=lambda p: (p[0], p[1] or ""))}


# ------------------------------------------------------------ glossary.morph's table

WRITES_FIXES = True  # the Scanner takes (target, replaced term) pairs and writes their fixes ahead


def takes_part(term: Any) -> bool:
    """Every Russian term is matched word by word (by lemma)."""
    return True


def layer_hits(scanner: Scanner[Any], text: str) -> list[LayerHit]:
    """The scanner's hits as the layer's, each entry with its form tags."""
    return [LayerHit(h.start, h.end, tuple((cid, t, tuple(f.tag for f in forms)) for (cid, t), forms in h.found))
            for h in scanner.scan(text)]


def render(citation: str, tags: tuple[str, ...], found: str, source: Any) -> Rendered:
    """The target in the case and number found, or unfixable with the reason."""
    forms = [f for f in (Form.from_tag(t) for t in tags) if f is not None]
    got = inflect(citation, forms, found, source.text if source else None)
    if got.text is None:
        return Rendered(citation, False, got.reason)
    return Rendered(got.text)


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
    import re

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


def adjust(got: Rendered, before: str, found: str) -> Rendered:
    """A fix after a preposition whose form depends on the next sound (о/об, в/во, с/со, к/ко) takes it in."""
    change = preposition(before, found, got.text)
    if change is None:
        return got
    return Rendered(change[1] + got.text, True, "", change[0])
