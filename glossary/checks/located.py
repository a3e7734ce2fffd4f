"""Where a translation renders what its source names in words no rendering lists.

Asked only about a concept the source names and the target renders by no
listed rendering and no signature hit: the source says the concept is there,
so the target may be searched more loosely than text without a source ever is.

- `paraphrase`: the shortest stretch of one clause whose words fill every
  required slot of the concept's signature, in any order, with at most one
  other word that reads as part of a noun phrase ("the Shanghai Organization
  for Cooperation", «сообщества, объединённого общей судьбой человечества»);
- `initials`: a word in capitals whose letters are the initials of the slots,
  one letter a slot, in any order («ГИР» for the Global Development
  Initiative, whose Russian renderings list no abbreviation);
- `glossed`: the words right before the source term in brackets ("new quality
  development (新质生产力)"): the target glosses them with the source's own
  term, so they render it, whatever they are, if one of them fills a slot;
- `head_form`: the form the preferred rendering takes where the target names
  only its head noun («поддержали эту инициативу»): the case and number of
  that noun, narrowed by a preposition or an agreeing word just before it, and
  nothing when the forms left are written apart.
"""

from __future__ import annotations

import re
from typing import Any

from ..model import Span
from ..state import STATE

_CLAUSE = re.compile(r"[.;:!?()\[\]\n]")  # a stretch never crosses these
_CAPITALS = re.compile(r"(?<![^\W\d_])[^\W\d_a-zа-яё]{2,6}(?![^\W\d_])")


def signature(termbase: Any, lang: str, concept_id: str) -> Any:
    """The concept's signature in `lang`, or None (the table kept with the term base's derived state)."""
    from .. import signatures

    index = signatures.index_for(termbase, lang)
    if not index:
        return None
    held = STATE.of(termbase).signature_of
    got = held.get(index.lang)
    if got is None or got[0] is not index:
        got = held[index.lang] = (index, {s.concept_id: s for s in reversed(index.signatures)})  # its own, not a variant's
    return got[1].get(concept_id)


def _blocked(taken: list[Span], start: int, end: int) -> bool:
    return any(t.start < end and start < t.end for t in taken)


def _cover(slotsets: list[frozenset[int]], required: frozenset[int]) -> dict[int, int] | None:
    """Words (by position in `slotsets`) to slots: every required slot once, or None (bipartite matching)."""
    owner: dict[int, int] = {}  # slot -> word

    def place(word: int, seen: set[int]) -> bool:
        for slot in slotsets[word]:
            if slot in seen:
                continue
            seen.add(slot)
            if slot not in owner or place(owner[slot], seen):
                owner[slot] = word
                return True
        return False

    for word in range(len(slotsets)):
        place(word, set())
    if not required <= set(owner):
        return None
    return {w: s for s, w in owner.items()}


def paraphrase(sig: Any, text: str, taken: list[Span]) -> tuple[Any, bool] | None:
    """The shortest stretch filling every required slot: (a signatures.Hit, whether other words are in it).

    A stretch holds at most two words a slot and two more, within one clause;
    words inside another rendering (`taken`) fill nothing.
    """
    from .. import signatures

    required = frozenset(k for k, r in enumerate(sig.required) if r)
    if len(required) < 2:
        return None
    toks = _unglued(sig, signatures.words(text))
    slots: list[frozenset[int]] = []
    for s, e, w in toks:
        if _blocked(taken, s, e) or w.lower() in sig.function_words:
            slots.append(frozenset())
        else:
            slots.append(signatures._slot_set(sig, w))
    limit = 2 * len(sig.slots) + 2
    best: tuple[int, int, dict[int, int]] | None = None
    for i in range(len(toks)):
        if not slots[i]:
            continue
        for j in range(i + 1, min(len(toks), i + limit)):
            if _CLAUSE.search(text, toks[j - 1][1], toks[j][0]):
                break
            if not slots[j] or (best is not None and j - i >= best[1] - best[0]):
                continue
            inside = [k for k in range(i, j + 1) if slots[k]]
            got = _cover([slots[k] for k in inside], required)
            if got is None:
                continue
            used = {inside[w]: s for w, s in got.items()}
            if i in used and j in used:
                best = (i, j, used)
            break  # a longer stretch from i is never shorter
    if best is None:
        return None
    i, j, used = best
    # The optional slots the other words of the stretch fill, one word a slot.
    filled = set(used.values())
    for k in range(i, j + 1):
        if k not in used and slots[k] - filled:
            used[k] = min(slots[k] - filled)
            filled.add(used[k])
    others = [k for k in range(i, j + 1) if k not in used and toks[k][2].lower() not in sig.function_words]
    if not _phrase(sig, text, toks, i, j, others):
        return None
    order = sorted(used)
    hit = signatures.Hit(sig, toks[i][0], toks[j][1], tuple((toks[k][0], toks[k][1]) for k in order),
                         tuple(used[k] for k in order))
    return hit, bool(others)


_RU_CLAUSE_WORDS = frozenset({"VERB", "ADJS", "PRTS", "ADVB", "PRED", "CONJ", "INFN", "GRND"})


def _phrase(sig: Any, text: str, toks: list[tuple[int, int, str]], i: int, j: int, others: list[int]) -> bool:
    """Whether the stretch reads as one noun phrase, not a clause that happens to hold the slot words.

    At most one comma and one word that fills no slot; in Russian that word is
    no verb, short form, adverb or conjunction («объединённого», not «требует»);
    in English a function word follows it ("built on", not "praised regional").
    """
    if text.count(",", toks[i][0], toks[j][1]) > 1 or len(others) > 1:
        return False
    if not others:
        return True
    k = others[0]
    word = toks[k][2]
    if sig.lang == "ru":
        from ..morph import russian

        readings = russian.analyser().readings(word.lower().replace("ё", "е"))
        return bool(readings) and not any(r.pos in _RU_CLAUSE_WORDS for r in readings)
    return k + 1 <= j and toks[k + 1][2].lower() in sig.function_words


_OPEN = re.compile(r"[(\[（][\s\"'«“„‘「『]*$")
_CLOSE = re.compile(r"[\s\"'»”“’」』]*[)\]）]")
_BEFORE_CHARS = frozenset(" \t\u00a0\"'»”’")


def bracketed(text: str, span: Span) -> int | None:
    """Where the words before a term in brackets end ("... development (“新质生产力”)"), or None.

    The term stands alone in its brackets (quotes allowed inside them) and a
    word stands right before the opening bracket (spaces and closing quotes
    between).
    """
    m = _OPEN.search(text, max(0, span.start - 4), span.start)
    if m is None or _CLOSE.match(text, span.end) is None:
        return None
    end = m.start()
    while end > 0 and text[end - 1] in _BEFORE_CHARS:
        end -= 1
    return end if end > 0 and text[end - 1].isalnum() else None


def glossed(sig: Any, text: str, end: int, taken: list[Span]) -> Any:
    """The phrase the bracketed source term after `end` glosses, as a signatures.Hit, or None.

    The words back from `end` joined by spaces or hyphens, up to a function
    word, a punctuation mark or the fourth word; the phrase starts at its first
    word that fills a slot of the signature (none: no phrase, the term is left
    untranslated). "high or new quality development (新质生产力)" glosses "new
    quality development".
    """
    from .. import signatures

    toks = [t for t in signatures.words(text[:end]) if t[1] <= end]
    run: list[tuple[int, int, str]] = []
    for k in range(len(toks) - 1, -1, -1):
        s, e, w = toks[k]
        if len(run) == 4 or w.lower() in sig.function_words or _blocked(taken, s, e):
            break
        if run and not re.fullmatch(r"[ \-‐‑]", text[e:run[-1][0]]):
            break
        run.append(toks[k])
    run.reverse()
    if not run or run[-1][1] != end:
        return None
    filled: list[tuple[int, int, int]] = []
    used: set[int] = set()
    for s, e, w in run:
        free = sorted(signatures._slot_set(sig, w) - used)
        if free:
            used.add(free[0])
            filled.append((s, e, free[0]))
    if not filled:
        return None
    return signatures.Hit(sig, filled[0][0], end, tuple((s, e) for s, e, _ in filled), tuple(k for _, _, k in filled))


def initials(sig: Any, text: str, taken: list[Span]) -> Span | None:
    """A word in capitals spelling the slots' initials, one letter a slot, every required slot among them."""
    required = frozenset(k for k, r in enumerate(sig.required) if r)
    if len(required) < 2:
        return None
    starts = [frozenset(w[:1] for w in slot) for slot in sig.slots]
    for m in _CAPITALS.finditer(text):
        letters = m.group().lower()
        if not m.group().isupper() or len(letters) > len(sig.slots) or _blocked(taken, m.start(), m.end()):
            continue
        options = [frozenset(k for k, s in enumerate(starts) if ch in s) for ch in letters]
        got = _cover(options, frozenset())
        if got is not None and len(got) == len(letters) and required <= set(got.values()):
            return Span(m.start(), m.end())
    return None


def head_form(sig: Any, text: str, taken: list[Span]) -> tuple[str, str] | None:
    """(the preferred rendering in the form of its head noun in the target, that noun), or None.

    Russian only: the first free word of the head slot; its readings are
    narrowed by a preposition or an agreeing word (an adjective, a pronoun)
    right before it; None when the forms left are written apart (dative and
    prepositional «инициативе» are written alike) or one of them is in the other
    number (a plural «инициативы» is not the concept).
    """
    from .. import signatures
    from ..model import Status, Term
    from ..morph import render, russian

    if sig.lang != "ru" or sig.head is None:
        return None
    for s, e, w in signatures.words(text):
        if _blocked(taken, s, e) or sig.head not in signatures._slot_set(sig, w):
            continue
        hit = signatures.Hit(sig, s, e, ((s, e),), (sig.head,))
        tags = signatures.ru_forms(hit, text)  # narrowed by a preposition or an agreeing word before it
        if not tags or any(f is None or f.flip for f in map(russian.Form.from_tag, tags)):
            return None  # a noun that may be in the other number may not stand for the concept
        target = Term(sig.preferred, "ru", Status.PREFERRED)
        rendered = render(target, tags, w, target, text[max(0, s - 8):s])  # several forms: only if written alike
        return (rendered.text, w) if rendered.fixable else None
    return None



# English words that stand in no slot: they end a name, they do not rename a part of it.
_EN_NO_STAND_IN = frozenset(
    "is are was were be been being has have had do does did will would shall should can could may might must "
    "it its this that these those they them their which who whom whose what there here not no also very more "
    "most such other another each every both all some any many much new first second same own only so than "
    "but or nor yet if when while where as because said says say".split())
_STAND_IN_GAP = re.compile(r"[ \-‐‑]+")
_LOOSE_GAP = re.compile(r"[\s\-‐‑\u00ad\"'«»“”„‘’]*")  # no comma, slash or bracket inside a loose stretch


def loose(sig: Any, text: str, taken: list[Span], wanted: tuple[int, ...] | None = None,
          short: bool = False) -> tuple[Any, tuple[tuple[int, int], ...]] | None:
    """A stretch naming the concept with some slots in words of its own, or None: (a signatures.Hit
    whose words include those standing in for a slot, the spans of the words standing in).

    Asked only when the source names the concept and the target renders it in
    no listed, derived or paraphrased form. The stretch is one noun phrase of
    one clause that fills at least half the wanted slots (the required ones, or
    the target's short form's when the source uses its short form, in its
    order); each slot left is taken by another content word inside it, or right
    beside it on the slot's side in the wanted order, or right after it for a
    head noun ("the great revitalization of the Chinese people": revitalization
    for rejuvenation, people for nation; "correct historical perspective"); a
    Russian stand-in is of its slot's part of speech, and an English one before
    the stretch opens a noun phrase (a modifier, or after an article). A
    word split by a hyphen at a line end is read whole ("mod-ernization"). Three wanted
    slots in four must be accounted for, and a two-slot name needs both ("shared
    prosperity"; "national renewal" for the short form "national rejuvenation").
    A source's short form with no short form in the target language (民族复兴 in
    Russian) asks for half the slots and two at least («национального
    возрождения»).
    """
    from .. import signatures

    order = wanted if wanted is not None else tuple(k for k, r in enumerate(sig.required) if r)
    want = frozenset(order)
    if len(want) < 2:
        return None
    toks = _joined(sig, text, _unglued(sig, signatures.words(text)))
    function = [t[2].lower() in sig.function_words for t in toks]
    every = [frozenset() if function[k] or _blocked(taken, s, e) else _kin_slots(sig, w, want)
             for k, (s, e, w) in enumerate(toks)]
    slots = [found & want for found in every]
    function = [f or bool(found and not found & want) for f, found in zip(function, every)]  # optional slots
    best: tuple[tuple[int, int, int], Any, tuple[tuple[int, int], ...]] | None = None
    for i in range(len(toks)):
        if not slots[i]:
            continue
        gap = 0
        for j in range(i, min(len(toks), i + len(want) + 4)):
            if j > i and not _LOOSE_GAP.fullmatch(text, toks[j - 1][1], toks[j][0]):
                break
            if function[j]:
                gap += 1
                if gap > 2:
                    break
                continue
            gap = 0
            if _blocked(taken, toks[j][0], toks[j][1]):
                break
            if not slots[j]:
                continue
            got = _stand_ins(sig, text, toks, slots, function, taken, order, i, j, short)
            if got is None:
                continue
            start, end, used, standing = got
            key = (len(used), len(used) + len(standing), -(toks[end][1] - toks[start][0]))
            if best is None or key > best[0]:
                every_word = {**used, **standing}
                at = sorted(every_word)
                best = (key, signatures.Hit(sig, toks[start][0], toks[end][1], tuple((toks[k][0], toks[k][1]) for k in at),
                                            tuple(every_word[k] for k in at)),
                        tuple((toks[k][0], toks[k][1]) for k in sorted(standing)))
    return (best[1], best[2]) if best is not None else None


_RU_KIN_ENDINGS = ("альный", "ональный", "ный", "ский", "ной")
_EN_POSSESSIVE = re.compile(r"['’]s?$")


def _kin_slots(sig: Any, word: str, want: frozenset[int]) -> frozenset[int]:
    """The slots a word fills, or the wanted slots of a word of its stem in another part of speech.

    Looser than the signature's own derivation, since the source vouches for
    the concept. Russian: an adjective of a noun slot («национальный» of
    «нация», a stem of four letters) or a noun of an adjective slot, mostly a
    place's name in the genitive («модернизация Китая» for «китайская
    модернизация»). English: a word of one stem with a slot word (`signatures`'
    own test), the place's name for its adjective ("China's modernization").
    """
    from .. import signatures

    got = signatures._slot_set(sig, word)
    if sig.lang == "en":
        bare = _EN_POSSESSIVE.sub("", word)
        if got or not bare.isalpha() or len(bare) < 4:
            return got
        lemma = signatures.en_lemma(bare).lower()
        return frozenset(k for k in want if any(signatures._stem(lemma, w) for w in sig.slots[k]))
    if got or sig.lang != "ru" or not word.isalpha():
        return got
    lemmas = signatures.lemmas(word, "ru")
    out = set()
    for k in want:
        for noun in sig.slots[k]:
            stem = noun[:-1] if noun[-1:] in "аяоеьйи" else noun
            if len(stem) >= 4 and any(x.startswith(stem) and x.endswith(_RU_KIN_ENDINGS) and len(x) - len(stem) <= 8
                                      for x in lemmas):
                out.add(k)
    if out:
        return frozenset(out)
    adjectives = [(k, a) for k in want for a in sig.slots[k] if a.endswith(_RU_KIN_ENDINGS)]
    if not adjectives:
        return frozenset()
    nouns = {r.lemma for r in _ru_readings(word) if r.pos == "NOUN"}
    return frozenset(k for k, adjective in adjectives for noun in nouns if _ru_adjective_of_noun(adjective, noun))


def _ru_adjective_of_noun(adjective: str, noun: str) -> bool:
    """Whether an adjective lemma is made from a noun lemma: they share four letters or more, all of the
    noun but its last two at most («китайский» of «Китай», «японский» of «Япония»; not «мировой» of «мир»)."""
    n = next((i for i, (x, y) in enumerate(zip(adjective, noun)) if x != y), min(len(adjective), len(noun)))
    return n >= 4 and n >= len(noun) - 2 and len(adjective) - n <= 8


def _ru_readings(word: str) -> list[Any]:
    """Every reading of a Russian word the analyser's dictionary has (not only the term words' table)."""
    from ..morph import russian

    return list(russian.analyser().readings(word.lower().replace("ё", "е")))


# Function words that a typo glues to the word before them ("democracyand legal protection"): three
# letters or more, so that no real word splits ("Poland" is no "Pol" and "and", "proof" no "pro" and "of").
_EN_GLUED = ("and", "the", "for", "with", "from", "into")


def _unglued(sig: Any, toks: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """The words, an English slot word glued to the function word after it by a missing space split in two.

    "whole-process people's democracyand legal protection" renders its name in
    full: "democracyand" is "democracy" and "and", not a word of its own standing
    in for the head noun. Only a word that fills no slot whole, whose first part
    (four letters or more) fills one by its lemma, is split.
    """
    from .. import signatures

    if sig.lang != "en":
        return toks
    out: list[tuple[int, int, str]] = []
    for s, e, w in toks:
        low = w.lower()
        tail = next((f for f in _EN_GLUED if low.endswith(f) and len(low) - len(f) >= 4), None)
        if (tail is not None and w.isalpha() and signatures._slot_set(sig, w[:-len(tail)])
                and not signatures._slot_set(sig, w)):
            cut = e - len(tail)
            out += [(s, cut, w[:-len(tail)]), (cut, e, w[-len(tail):])]
        else:
            out.append((s, e, w))
    return out


def _joined(sig: Any, text: str, toks: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """The words, two halves of a slot word split by a hyphen and nothing else made one ("mod-ernization"),
    and in Russian the two words a compound adjective of a slot is made of («высокого качества» for
    «высококачественный»: the word is then that adjective)."""
    from .. import signatures

    out: list[tuple[int, int, str]] = []
    for tok in toks:
        if out and text[out[-1][1]:tok[0]] in ("-", "\u00ad", "-\n", "\u00ad\n"):
            whole = out[-1][2] + tok[2]
            if (signatures._slot_set(sig, whole) and not signatures._slot_set(sig, out[-1][2])
                    and not signatures._slot_set(sig, tok[2])):
                out[-1] = (out[-1][0], tok[1], whole)
                continue
        if out and sig.lang == "ru" and text[out[-1][1]:tok[0]] == " ":
            compound = _compound(sig, out[-1][2], tok[2])
            if compound is not None:
                out[-1] = (out[-1][0], tok[1], compound)
                continue
        out.append(tok)
    return out


def _compound(sig: Any, first: str, second: str) -> str | None:
    """The compound adjective of a slot that an adjective and a noun spell out, or None: its first part
    the adjective's stem and a linking «о» or «е» («высоко-» of «высокий»), the rest an adjective of the
    noun («-качественный» of «качество»)."""
    low = first.lower().replace("ё", "е")
    options = [w for slot in sig.slots for w in slot if w.endswith(_RU_KIN_ENDINGS) and w[:3] == low[:3]]
    if not options or not first.isalpha() or not second.isalpha():
        return None
    adjectives = {r.lemma for r in _ru_readings(first) if r.pos in _RU_ADJECTIVE}
    nouns = {r.lemma for r in _ru_readings(second) if r.pos == "NOUN"}
    for word in options:
        for adjective in adjectives:
            stem = adjective[:-2]
            if len(stem) < 3 or not word.startswith(stem) or word[len(stem):len(stem) + 1] not in ("о", "е"):
                continue
            rest = word[len(stem) + 1:]
            if any(_ru_adjective_of_noun(rest, noun) for noun in nouns):
                return word
    return None


def _stand_ins(sig: Any, text: str, toks: list[tuple[int, int, str]], slots: list[frozenset[int]],
               function: list[bool], taken: list[Span], order: tuple[int, ...], i: int, j: int,
               short: bool) -> tuple[int, int, dict[int, int], dict[int, int]] | None:
    """The stretch i..j (both slot words) grown by a word at either end, or None.

    (start, end, slot word -> slot, stand-in -> slot): a stand-in takes the
    missing slot where it stands, so that a Russian head noun's case is read
    from the word standing for it.
    """
    want = frozenset(order)
    size = len(want)
    inside = [k for k in range(i, j + 1) if slots[k]]
    got = _cover([slots[k] for k in inside], frozenset())
    used = {inside[w]: s for w, s in (got or {}).items()}
    if i not in used or j not in used or 2 * len(used) < size:
        return None
    rank = {slot: n for n, slot in enumerate(order)}
    missing = sorted((k for k in want if k not in used.values()), key=rank.__getitem__)
    others = [k for k in range(i, j + 1) if not function[k] and k not in used]
    # A word hyphened to a slot word may be part of it ("Chinese-style", "high-quality"): it takes a
    # missing slot ("New-style" for "new type") only when one is left for it.
    hyphened = [k for k in others if (k - 1 in used and text[toks[k - 1][1]:toks[k][0]] == "-")
                or (k + 1 in used and text[toks[k][1]:toks[k + 1][0]] == "-")]
    plain = [k for k in others if k not in hyphened]
    others = sorted(plain + hyphened[:max(0, len(missing) - len(plain))])
    if any(not _may_stand_in(sig, toks[k][2]) for k in others):
        return None
    if len(others) > len(missing):
        return None
    # The words inside take the slots missing between the found ones, in the text's order, then the rest.
    filled = [rank[used[k]] for k in sorted(used)]
    ascending, descending = filled == sorted(filled), filled == sorted(filled, reverse=True)
    lo, hi = min(filled), max(filled)
    inner = sorted((k for k in missing if lo < rank[k] < hi), key=rank.__getitem__, reverse=descending and not ascending)
    stand = dict(zip(others, inner + [k for k in missing if k not in inner]))
    if any(not _same_kind(sig, toks[k][2], slot) for k, slot in stand.items()):
        return None
    if short:
        return (i, j, used, stand) if len(used) >= 2 else None
    start, end = i, j
    # A slot still missing is looked for beside the stretch, on its side in the wanted order, when the
    # words found stand in that order (not reversed: "national revitalization becomes"); a missing head
    # noun, right after a modifier ending the stretch.
    left = [k for k in missing if k not in stand.values()]
    if left and (ascending or sig.head in left):
        after = [k for k in left if ascending and rank[k] > hi]
        before = [k for k in left if ascending and rank[k] < lo]
        head_after = sig.head in left and _modifier(sig, text, toks, end)
        nearest = min(after, key=lambda k: rank[k] - hi) if after else sig.head
        if ((after or head_after) and end + 1 < len(toks)
                and _beside(sig, text, toks, function, taken, end, end + 1, end + 1)
                and _same_kind(sig, toks[end + 1][2], nearest)):
            end += 1
            stand[end] = nearest
            left.remove(nearest)
            before = [k for k in before if k in left]
        first = min(before, key=lambda k: lo - rank[k]) if before else None
        if (first is not None and start > 0
                and _beside(sig, text, toks, function, taken, start - 1, start, start - 1)
                and _same_kind(sig, toks[start - 1][2], first) and _opens_phrase(sig, text, toks, start - 1)):
            start -= 1
            stand[start] = first
    if 4 * (len(used) + len(stand)) < 3 * size:
        return None
    if sig.head in want and sig.head not in used.values() and sig.head not in stand.values():
        return None  # the head noun is the name's: words around a missing one are something else
    return start, end, used, stand


def _beside(sig: Any, text: str, toks: list[tuple[int, int, str]], function: list[bool], taken: list[Span],
            a: int, b: int, new: int) -> bool:
    """Whether words a and b are joined by spaces or a hyphen alone and `new` (one of them, no slot word
    of its own) may stand in."""
    from .. import signatures

    if function[new] or _blocked(taken, toks[new][0], toks[new][1]) or signatures._slot_set(sig, toks[new][2]):
        return False
    return bool(_STAND_IN_GAP.fullmatch(text[toks[a][1]:toks[b][0]])) and _may_stand_in(sig, toks[new][2])


_EN_MODIFIER_ENDINGS = ("al", "ic", "ive", "ese", "an", "ern", "ful", "ous", "ary", "ist", "ian", "ed", "ing")


def _modifier(sig: Any, text: str, toks: list[tuple[int, int, str]], k: int) -> bool:
    """Whether word k reads as a modifier, so that a head noun may follow it ("historical perspective",
    "harbour-city renaissance"; not "relations", after which the name has ended)."""
    word = toks[k][2]
    if sig.lang == "ru":
        from ..morph import russian

        readings = russian.analyser().readings(word.lower().replace("ё", "е"))
        return bool(readings) and all(r.pos in ("ADJF", "PRTF") for r in readings)
    compound = k > 0 and text[toks[k - 1][1]:toks[k][0]] in ("-", "‐", "‑")
    return compound or word.lower().endswith(_EN_MODIFIER_ENDINGS)


_RU_ADJECTIVE = frozenset({"ADJF", "PRTF"})


# Endings of English adjectives that hardly any noun has: such a word is no head noun.
_EN_ADJECTIVE_ENDINGS = ("ntal", "onal", "ical", "ural", "ous", "ful", "less", "able", "ible", "atic", "etic",
                         "omic", "ific", "istic")


def _same_kind(sig: Any, word: str, slot: int) -> bool:
    """Whether a Russian word standing in takes the part of speech of the slot's words: a noun for a
    noun, an adjective for an adjective («формированию» is no stand-in for «международные»). English:
    a word with an adjective's ending stands in for no head noun ("social, eco-environmental and other
    fields" names no eco-civilization), unless a word of the head's slot has such an ending too.
    Other languages: yes."""
    if sig.lang == "en":
        endings = _EN_ADJECTIVE_ENDINGS
        return (slot != sig.head or not word.lower().endswith(endings)
                or any(w.endswith(endings) for w in sig.slots[slot]))
    if sig.lang != "ru":
        return True
    from ..morph import russian

    an = russian.analyser()
    kinds = {r.pos in _RU_ADJECTIVE for w in sig.slots[slot] for r in an.readings(w) if r.lemma == w}
    if len(kinds) != 1:
        return True  # the slot's words are of either kind, or unknown
    adjective = kinds.pop()
    return any((r.pos in _RU_ADJECTIVE) == adjective and r.pos in ("NOUN", "ADJF", "PRTF")
               for r in an.readings(word.lower().replace("ё", "е")))


def _opens_phrase(sig: Any, text: str, toks: list[tuple[int, int, str]], k: int) -> bool:
    """Whether an English word before the stretch may open the name in its place: it reads as a
    modifier ("national"), or an article or determiner comes before it ("the quality development";
    not "promote quality development", where a verb stands before the name). Russian: yes."""
    if sig.lang == "ru":
        return True
    if _modifier(sig, text, toks, k):
        return True
    from .standins import DETERMINERS

    return k > 0 and toks[k - 1][2].lower() in DETERMINERS["en"] | {"a", "an"}


def _may_stand_in(sig: Any, word: str) -> bool:
    """A word that may take a slot's place: a noun or adjective (Russian), no pronoun, verb or number."""
    if not word.isalpha():
        return False
    if sig.lang == "ru":
        from ..morph import russian

        readings = russian.analyser().readings(word.lower().replace("ё", "е"))
        return bool(readings) and any(r.pos in ("NOUN", "ADJF") for r in readings) and not any(
            r.pos in _RU_CLAUSE_WORDS for r in readings)
    return word.lower() not in _EN_NO_STAND_IN


_SPACES = re.compile(r"[ \-‐‑]+")
_COMMA = re.compile(r"\s*,\s*")


def coordinated(sig: Any, text: str, taken: list[Span]) -> bool:
    """Whether the concept is one member of names that share their head noun in the plural.

    Official texts name the initiatives together, the head noun once:

    - last, in English: "the Global Development, Security and Civilization
      Initiatives", "the Global Development and Global Security Initiatives"
      (the last member, with the head, may be another concept's rendering); the
      words the members share lead the first one;
    - first, in Russian and English, when the head and the first member are a
      listed rendering: «Инициативы по глобальному развитию и глобальной
      безопасности» (or «... и по глобальной безопасности»); the words before
      the head are shared. A first member in words of its own («глобальные
      инициативы в области развития и безопасности») makes no list: each
      member is looked for, and reported, on its own.

    The name's own words are one member with the shared ones; that counts as a
    rendering of it.
    """
    from .. import signatures

    if sig.head is None or sig.lang not in ("en", "ru"):
        return False
    required = frozenset(k for k, r in enumerate(sig.required) if r) - {sig.head}
    if not required:
        return False
    toks = signatures.words(text)

    def covers(words: list[int]) -> bool:
        return _cover([signatures._slot_set(sig, toks[x][2]) for x in words], required) is not None

    for h, (hs, he, hw) in enumerate(toks):
        if sig.head not in signatures._slot_set(sig, hw) or not _plural(sig, hw):
            continue
        holder = next((t for t in taken if t.start < he and hs < t.end), None)
        if sig.lang == "en" and (holder is None or holder.end == he):
            # The head last: the members before it, or before the rendering it ends.
            first = h if holder is None else next(k for k, t in enumerate(toks) if t[1] > holder.start)
            members = _members(sig, text, toks, taken, _before_joint(text, toks, first))
            if len(members) + (holder is not None) >= 2:
                shared = members[0][:-1] if members else []
                if any(covers(m if m is members[0] else shared + m) for m in members):
                    return True
        if holder is not None and holder.start == hs:
            # The head first: the members after it, the first a rendering the head opens, so that the
            # others follow a listed pattern («глобальные инициативы в области ...» renders none).
            shared = _shared_before(sig, text, toks, taken, h)
            members = _members_after(sig, text, toks, taken, h, holder)
            if len(members) >= 2 and any(covers(shared + m) for m in members if m):
                return True
    return False


def _plural(sig: Any, word: str) -> bool:
    """Whether a word of the head slot may be in the plural."""
    from .. import signatures

    if sig.lang == "en":
        return signatures.en_plural(word)
    from ..morph import russian

    head = sig.slots[sig.head]
    return any(r.number == "plur" and r.lemma in head for r in russian.analyser().readings(word.lower().replace("ё", "е")))


def _before_joint(text: str, toks: list[tuple[int, int, str]], first: int) -> int:
    """Word `first`, or the "and"/"or" right before it (a list's last member starts at `first`)."""
    if first > 0 and toks[first - 1][2].lower() in ("and", "or") and text[toks[first - 1][1]:toks[first][0]].isspace():
        return first - 1
    return first


def _shared_before(sig: Any, text: str, toks: list[tuple[int, int, str]], taken: list[Span], h: int) -> list[int]:
    """The content words joined by spaces right before word h (what a head-first list shares: "global")."""
    out: list[int] = []
    k = h - 1
    while k >= 0 and _SPACES.fullmatch(text[toks[k][1]:toks[k + 1][0]]):
        low = toks[k][2].lower()
        if low in sig.function_words or low in _JOINTS or _blocked(taken, toks[k][0], toks[k][1]):
            break
        out.insert(0, k)
        k -= 1
    return out


_JOINTS = frozenset({"and", "or", "и", "или"})


def _members_after(sig: Any, text: str, toks: list[tuple[int, int, str]], taken: list[Span], h: int,
                   holder: Span | None) -> list[list[int]]:
    """The members of a list right after word h, each a run of words, first member first.

    A member's leading function words (a preposition: "on", «по», «в») are
    skipped; the list ends at any other mark, or at a function word inside a
    member. Words inside the rendering the head opens (`holder`) form the
    first member; a later member's words are free of renderings.
    """
    members: list[list[int]] = [[]]
    for k in range(h + 1, len(toks)):
        s, e, w = toks[k]
        low = w.lower()
        gap = text[toks[k - 1][1]:s]
        if _COMMA.fullmatch(gap):
            members.append([])
        elif not _SPACES.fullmatch(gap):
            break
        if low in _JOINTS:
            if not members[-1]:
                break
            members.append([])
            continue
        inside = holder is not None and holder.start <= s and e <= holder.end
        if not inside and _blocked(taken, s, e):
            break
        if low in sig.function_words:
            if members[-1] and not inside:
                break
            continue
        if inside:
            members[0].append(k)
        else:
            members[-1].append(k)
    return [m for m in members if m]


def _members(sig: Any, text: str, toks: list[tuple[int, int, str]], taken: list[Span], h: int) -> list[list[int]]:
    """The members of a list ending before word h, each a run of words, first member first."""
    members: list[list[int]] = [[]]
    k = h - 1
    while k >= 0:
        s, e, w = toks[k]
        low = w.lower()
        if members[0]:
            gap = text[e:toks[k + 1][0]]
            if low in ("and", "or") and gap.isspace():
                members.insert(0, [])
                k -= 1
                continue
            if _COMMA.fullmatch(gap):
                members.insert(0, [])
            elif not _SPACES.fullmatch(gap):
                break
        if low in sig.function_words or low in ("and", "or") or _blocked(taken, s, e):
            break
        members[0].insert(0, k)
        k -= 1
    return [m for m in members if m]
