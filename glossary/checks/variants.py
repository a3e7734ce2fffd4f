"""`unlisted-variant`: a rendering of a concept that the term base does not list.

Hits of the concept signatures (glossary.signatures) that no listed rendering
covers. The suggestion is the preferred rendering in the found number (English)
or case and number (Russian). A signature is a guess, so the finding is a
warning and `fix` applies it only with `--unsafe-fixes`.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from dataclasses import dataclass

from ..case import keep_case, sentence_initial
from ..i18n import _
from ..model import Document, Finding, Match, Segment, Severity, Span
from ..positions import LineIndex
from ..termbase import TermBase
from . import Context, Options, make_finding


_LATIN = re.compile(r"[A-Za-z]")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_ABBREVIATION = re.compile(r"[^\W\d_]*[A-ZА-ЯЁ][^\W_]*(?:[&+][^\W_]+)*")
_FOREIGN = {"ru": _LATIN, "en": _CYRILLIC}  # a language -> the script its other-script abbreviations are in
_LAYOUT = "abbr1"  # names what a cached Abbreviations holds


@dataclass(frozen=True, slots=True)
class Abbreviations:
    """Another script's abbreviations of the concepts, as they may stand in text of one language.

    «SCO» in a Russian sentence or «ШОС» in an English one names the Shanghai
    Cooperation Organisation as surely as the language's own abbreviation, and
    no listed rendering of the text's language finds it.
    """

    keys: list[str]
    found: dict[str, tuple[str, str, str]]  # abbreviation -> (concept id, its language, what to write)
    scan: "object" = None  # a glossary.keyscan.KeyScan of `keys`: one literal scan, not a regex at every position


def abbreviations(termbase: TermBase, lang: str) -> Abbreviations:
    """The abbreviations in the other script of every concept with a rendering in `lang` (cached per base)."""
    from ..langtags import base_language
    from ..state import STATE

    base = base_language(lang)
    held = STATE.of(termbase).abbreviations
    got = held.get(base)
    if got is None:
        got = held[base] = _cached_abbreviations(termbase, base)
    return got


def _cached_abbreviations(termbase: TermBase, base: str) -> Abbreviations:
    """From the disk cache when it holds them: finding them walks every concept, which a cached
    term base would otherwise unpickle on every start only for this (17 ms of a 85 ms check)."""
    if base not in _FOREIGN:
        return Abbreviations([], {})
    if not termbase.digest:  # nothing to name it by on disk
        return _abbreviations(termbase, base)
    from .. import cache

    key = f"{termbase.digest}-{base}-{_LAYOUT}"
    found = cache.get("abbreviations", key)
    if isinstance(found, Abbreviations):
        return found
    got = _abbreviations(termbase, base)
    cache.put("abbreviations", key, got)
    return got


def _abbreviations(termbase: TermBase, lang: str) -> Abbreviations:
    from ..langtags import base_language

    foreign = _FOREIGN.get(lang)
    if foreign is None:
        return Abbreviations([], {})
    own = {t.text for c in termbase.concepts for t in c.terms if base_language(t.lang) == lang}
    found: dict[str, tuple[str, str, str]] = {}
    for concept in termbase.concepts:
        preferred = concept.preferred(lang)
        if preferred is None:
            continue
        mine = [t for t in concept.terms if base_language(t.lang) == lang and t.abbreviation_of
                and not t.status.is_variant]
        write = next((t.text for t in mine if t.abbreviation_of == preferred.text), None) or preferred.text
        for t in concept.terms:
            if (t.abbreviation_of and not t.requires_source and foreign.search(t.text) and t.text not in own
                    and _ABBREVIATION.fullmatch(t.text) and sum(ch.isupper() for ch in t.text) >= 2):
                found.setdefault(t.text, (concept.id, base_language(t.lang), write))
    if not found:
        return Abbreviations([], {})
    from ..keyscan import KeyScan

    keys = sorted(found)
    return Abbreviations(keys, found, KeyScan(keys))


def foreign_hits(text: str, lang: str, matches: list[Match], termbase: TermBase,
                 named: list[tuple[str, int, int]] = ()) -> list[tuple[str, str, str, Span]]:  # type: ignore[assignment]
    """(concept id, abbreviation's language, suggestion, span) of each other-script abbreviation in `text`.

    `named`: (concept id, start, end) of the concept's names that signatures
    found, besides the listed renderings in `matches`; an abbreviation in
    brackets right after one of its own concept's names glosses it (`glosses`).
    """
    table = abbreviations(termbase, lang)
    if table.scan is None:
        return []
    out = []
    for end, key in table.scan(text):  # type: ignore[operator]
        word = table.keys[key]
        start = end - len(word)
        if (start and (text[start - 1].isalnum() or text[start - 1] == "_")) or (
                end < len(text) and (text[end].isalnum() or text[end] == "_")):
            continue  # inside a longer word or an identifier
        if any(x.span.start < end and start < x.span.end for x in matches):
            continue
        concept_id, their, write = table.found[word]
        if glosses(text, start, end, concept_id, matches, named):
            continue
        out.append((concept_id, their, write, Span(start, end)))
    if out:
        from ..literals import Literals

        outside = Literals(text).outside  # a URL or a code span is no mention
        out = [h for h in out if outside(h[3].start, h[3].end)]
    return out


_BRACKETS = {"(": ")", "[": "]"}
_NAME_ENDS = " \t\u00a0»”\"’'"


def glosses(text: str, start: int, end: int, concept_id: str, matches: list[Match],
            named: list[tuple[str, int, int]] = ()) -> bool:  # type: ignore[assignment]
    """Whether text[start:end] stands alone in brackets right after a name of the same concept.

    «Шанхайская организация сотрудничества (SCO)», "Belt and Road Initiative
    (ИПП)": the abbreviation in brackets tells the reader which name the full
    one is; it is a gloss of it, not a rendering of its own. Only spaces and
    closing quotes may stand between the name and the bracket.
    """
    if start == 0 or _BRACKETS.get(text[start - 1]) != (text[end] if end < len(text) else None):
        return False
    before = text[:start - 1].rstrip(_NAME_ENDS)
    last = len(before)
    if last == 0 or start - 1 - last > 3:
        return False
    return (any(m.concept_id == concept_id and m.span.end == last for m in matches)
            or any(c == concept_id and e == last for c, _, e in named))


def unlisted(text: str, lang: str, matches: list[Match], termbase: TermBase) -> list[tuple["object", str | None, bool, str, Span]]:
    """(hit, suggestion, renderable, why, span) for each signature hit no listed rendering covers.

    The suggestion is None for a hit that is an accepted rendering after all
    (inflected, reordered in Russian, an article more): it is no finding, but
    a bilingual check counts it as the concept's rendering.
    """
    from .. import signatures

    index = signatures.index_for(termbase, lang)
    if not index:
        return []
    claims = _Claims(matches, text)
    hits = index.scan(text, claims)  # hits inside a listed rendering of their own concept are not walked
    if (index.embedded or index.lower_words) and matches:
        more = signatures.embedded(index, text, matches)  # "One Belt, One Road Forum ...": the forum
        more += signatures.prefixed(index, text, matches)  # "the Modern Silk Road Economic Belt"
        if more:
            hits = sorted({(h.start, h.end, h.concept_id): h for h in [*hits, *more]}.values(),
                          key=lambda h: (h.start, -h.end))
            hits = [h for k, h in enumerate(hits) if not any(
                o.start <= h.start and h.end <= o.end and (o.start, o.end) != (h.start, h.end) for o in hits)]
    if not hits:
        return []
    from ..literals import Literals

    outside = Literals(text).outside  # URLs, e-mail addresses, file paths and code spans are never matched
    hits = [h for h in hits if outside(h.start, h.end)]
    out = []
    for hit in hits:
        if not claims.free(hit):
            continue
        sig = hit.signature
        found = text[hit.start:hit.end]
        # «инициатива "Глобальная цивилизация"»: a name, unless the quotes hold a list of names
        # («механизм «Центральная Азия – Китай»», the listed one in another order).
        quoted = sig.lang == "ru" and any(q in found for q in QUOTES) and not signatures.quotes_a_list(found)
        if not quoted and signatures.accepted(sig, found):
            out.append((hit, None, False, "", Span(hit.start, hit.end)))  # an accepted rendering, reworded
            continue
        suggestion, renderable, why, span = suggest(hit, text)
        if suggestion.casefold() == text[span.start:span.end].casefold():
            out.append((hit, None, False, "", span))  # the preferred rendering, inflected
            continue
        out.append((hit, suggestion, renderable, why, span))
    return out


def _ru_first_capital(found: str, suggestion: str) -> str:
    """A Russian suggestion whose first letter takes the case of the found text's first letter.

    Russian capitalizes a name's first word and nothing after it, and writers
    differ on whether a name is a name: one who wrote «Великое возрождение
    нации» inside a sentence gets «Великое возрождение китайской нации», one
    who wrote «инициатива в области глобальной безопасности» gets «инициатива
    глобальной безопасности». A rendering with a capital further in («Экономический
    пояс Шелкового пути») keeps its first capital too, and a found text in
    capitals throughout is left to `keep_case`.
    """
    head = re.match(r"[^\W\d_]+", found.lstrip("«\"“„ "))
    if head is not None and len(head.group()) > 1 and head.group().isupper():
        return suggestion  # an abbreviation first («ОВО-центричную ...»): its capitals say nothing
    first = found.lstrip("«\"“„ ")[:1]
    if not first.isalpha() or not suggestion[:1].isalpha() or first.isupper() == suggestion[:1].isupper():
        return suggestion
    if len(found) > 1 and found.isupper():
        return suggestion
    if first.isupper():
        return suggestion[:1].upper() + suggestion[1:]
    rest = suggestion[1:]
    if any(c.isupper() for c in rest):
        return suggestion
    return suggestion[:1].lower() + rest


def suggest(hit, text: str, base: str | None = None) -> tuple[str, bool, str, Span]:  # type: ignore[no-untyped-def]
    """What to write for a hit, whether it can be written, why not, and the span it replaces.

    English: the preferred rendering (or the nearest accepted one) in the found
    number; Russian: the preferred rendering in the case and number of the
    found head noun, or as listed with the reason when the case is unclear.
    `base` writes another accepted rendering instead of the preferred one (a
    short form, when the source uses its own short form).
    """
    from .. import signatures

    sig = hit.signature
    found = text[hit.start:hit.end]
    span = Span(hit.start, hit.end)
    renderable, why = True, ""
    if sig.lang == "en":
        suggestion = signatures.suggest_en(hit, found, hit.start, base or sig.target_for(found) or sig.fix_to
                                             or sig.short_for(hit.filled) or sig.nearest(found))
    else:
        from ..model import Status, Term
        from ..morph import render

        target = Term(base or sig.preferred, sig.lang, Status.PREFERRED)
        tags = signatures.ru_forms(hit, text)
        rendered = render(target, tags, found, target, text[max(0, hit.start - 8):hit.start])
        suggestion, renderable, why = rendered.text, rendered.fixable, rendered.why
        if renderable and not tags and _ru_oblique(hit, text, target.text):
            renderable = False
            # TRANSLATORS: {found} is the text found, {target} the rendering to write instead.
            why = _("«{target}» cannot be put in the case of «{found}»: write it in that case by hand").format(
                target=target.text, found=found)
        if rendered.widen:
            span = Span(hit.start - rendered.widen, hit.end)
        suggestion = _ru_first_capital(text[span.start:span.end], suggestion)
    return keep_case(text[span.start:span.end], suggestion, sentence_initial(text, span.start)), renderable, why, span


def _ru_oblique(hit, text: str, target: str) -> bool:  # type: ignore[no-untyped-def]
    """Whether a Russian hit stands in another case than the nominative while `target`, which the
    morphology layer cannot inflect («невиданные за столетие перемены»), would be written as listed:
    its first noun or one of its adjectives has no nominative reading («изменений, невиданных за
    столетие», «беспрецедентных за столетие изменений»)."""
    from ..morph import russian

    if russian.citation(russian.analysed(target)) is not None:
        return False
    an = russian.analyser()
    first_noun = True
    for s, e in hit.words:
        word = text[s:e]
        if word.isupper():
            continue  # an abbreviation shows no case
        readings = an.readings(word.lower().replace("ё", "е"))
        nouns = [r for r in readings if r.pos == "NOUN"]
        if nouns and first_noun:
            first_noun = False
            if not any(r.case == "nomn" for r in nouns):
                return True
        adjectives = [r for r in readings if r.pos in ("ADJF", "PRTF")]
        if adjectives and not nouns and not any(r.case == "nomn" for r in adjectives):
            return True
    return False


QUOTES = frozenset('"«»“”„')


class _Claims:
    """The listed renderings of a segment, by start, for `free`."""

    def __init__(self, matches: list[Match], text: str = "") -> None:
        self.text = text  # the segment's text, for the words of a rendering inside a hit (`free`)
        self.spans = sorted((m.span.start, m.span.end, m.concept_id) for m in matches)
        self.accepted = frozenset((m.span.start, m.span.end, m.concept_id) for m in matches
                                  if not m.term.status.is_variant)
        self.starts = [s for s, _, _ in self.spans]
        self.longest = max((e - s for s, e, _ in self.spans), default=0)

    def at(self, at: int) -> list[tuple[int, int, str]]:
        """(start, end, concept id) of the listed renderings that cover offset `at`."""
        lo = bisect_right(self.starts, at - self.longest)
        hi = bisect_right(self.starts, at)
        return [span for span in self.spans[lo:hi] if at < span[1]]

    def concepts_at(self, at: int) -> frozenset[str]:
        """The concepts of the listed renderings that cover offset `at`."""
        return frozenset(concept_id for _, _, concept_id in self.at(at))

    def free(self, hit) -> bool:  # type: ignore[no-untyped-def]
        """Whether no listed rendering claims the hit's words.

        A listed rendering of the same concept, or one that reaches outside the
        hit, is reported by its own check. A rendering of another concept strictly
        inside the hit is part of a longer variant ("community of shared destiny"
        in "community of shared destiny for all humankind"): leftmost-longest, the
        hit wins, and the check drops the shorter finding. An accepted rendering of
        the same concept inside the hit does not claim it when the hit's other words
        are words only its deprecated renderings have («Нового Экономического пояса
        Шелкового пути»: the superseded «нового», put elsewhere; `signatures.adds_variant_words`),
        nor when the hit is that rendering with a word glued before it ("the Modern Silk
        Road Economic Belt"; `signatures.prefixed`).
        A rendering of another concept strictly inside an English hit that holds a content word
        filling none of the hit's slots (the word the hit took as inserted, or as standing
        in for a missing one) claims it: that word belongs to the other name, which stands
        there whole, so the hit reads two names as one ("framework gradual landscape
        culture" is no variant of "cultural landscape framework" where "gradual landscape
        culture" is listed; `signatures.lends_a_word`).
        """
        from ..signatures import adds_variant_words, lends_a_word

        # Only renderings starting less than the longest one's length before the hit can reach into it.
        lo = bisect_right(self.starts, hit.start - self.longest)
        hi = bisect_left(self.starts, hit.end)
        for s, e, concept_id in self.spans[lo:hi]:
            if hit.start < e:
                if (concept_id == hit.concept_id and hit.start <= s and e <= hit.end and (s, e, concept_id) in self.accepted
                        and (s, e) != (hit.start, hit.end) and adds_variant_words(hit, s, e)):
                    continue
                if (concept_id == hit.concept_id and hit.start < s and e == hit.end and (s, e, concept_id) in self.accepted
                        and all(s <= a for a, _ in hit.words)):
                    continue  # a word glued before a listed name, no slot word outside it (`signatures.prefixed`)
                if concept_id == hit.concept_id or s < hit.start or e > hit.end or (s, e) == (hit.start, hit.end):
                    return False
                if lends_a_word(hit, self.text, s, e):
                    return False
        return True


def describe(hit, text: str) -> str:  # type: ignore[no-untyped-def]
    """Which slots the found words filled, named by the preferred rendering's words."""
    from .. import signatures

    sig = hit.signature
    names = [w for _, _, w in signatures.words(sig.preferred) if w.lower() not in sig.function_words]
    pairs = []
    for (s, e), k in zip(hit.words, hit.filled):
        name = names[k] if k < len(names) else sig.slot_names()[k]
        word = text[s:e]
        pairs.append(word if word.lower() == name.lower() else f"{word} ({name})")
    # TRANSLATORS: {words}: the found words, each with the word it stands for.
    return _("not a listed rendering of {concept}; slots matched {filled} of {slots}: {words}").format(
        concept=sig.concept_id, filled=len(set(hit.filled)), slots=len(sig.slots), words=", ".join(pairs))


def by_segment(context: Context) -> list[tuple[list[Finding], Counter[str]]]:
    """`in_segment` for every segment of the context, made once (bilingual counts read it too)."""
    made = context.memo.get("variants")
    if made is None:
        defined: dict[str, tuple[str, str, str]] = {}  # acronyms the document defines for a variant, in order
        made = context.memo["variants"] = [
            in_segment(context.document, segment, context.index, lang, matches, context.termbase, context.options,
                       defined)
            for segment, lang, matches in context.scanned]
    return made  # type: ignore[return-value]


def run(context: Context) -> list[Finding]:
    """Unlisted variants in every segment."""
    return [f for found, _rendered in by_segment(context) for f in found]


def settle(context: Context, findings: list[Finding]) -> list[Finding]:
    """After every family: the stand-in step (`stand_ins`), unless the code is disabled."""
    if "unlisted-variant" not in context.options.disable:
        findings = stand_ins(findings, context.termbase)
    return findings


_NOTHING: tuple[list[Finding], Counter[str]] = ([], Counter())  # never changed: read by terms and bilingual


def in_segment(document: Document, segment: Segment, index: LineIndex, lang: str, matches: list[Match],
               termbase: TermBase, options: Options,
               defined: dict[str, tuple[str, str, str]] | None = None) -> tuple[list[Finding], Counter[str]]:
    """The findings, and how often each concept is rendered in a form only its signature found.

    `defined`: the acronyms earlier segments of the document defined for a variant
    (`acronyms`), which this segment adds to; their uses here are variants too.
    """
    if "unlisted-variant" in options.disable:
        return [], Counter()
    hits = unlisted(segment.text, lang, matches, termbase)
    foreign = foreign_hits(segment.text, lang, matches, termbase,
                           [(h.concept_id, span.start, span.end) for h, _, _, _, span in hits])
    uses: list[tuple[str, str, str, Span]] = []
    if defined is not None and lang[:2] in ("en", "ru") and (defined or "(" in segment.text):
        uses = acronyms(segment.text, lang, matches, hits, termbase, defined)
    if not hits and not foreign and not uses:
        return _NOTHING  # shared: a long text has one result per paragraph, and most are this
    rendered: Counter[str] = Counter()
    findings = []
    for concept_id, acronym, write, span in uses:
        rendered[concept_id] += 1
        findings.append(make_finding(
            "unlisted-variant", document, segment, index, span, concept_id=concept_id, suggestion=write,
            # TRANSLATORS: {found} is an acronym, {name} the variant it was defined for in brackets.
            reason=_("«{found}» stands for «{name}», defined in brackets before: a variant of {concept}").format(
                found=segment.text[span.start:span.end], name=acronym, concept=concept_id),
            # Russian: an acronym shows no case, and the name written in its place must take one.
            lang=lang, fixable=options.unsafe_fixes and (lang[:2] == "en" or _ABBREVIATION.fullmatch(write) is not None)))
    for concept_id, their, write, span in foreign:
        rendered[concept_id] += 1
        found = segment.text[span.start:span.end]
        findings.append(make_finding(
            "unlisted-variant", document, segment, index, span, concept_id=concept_id, suggestion=write,
            # TRANSLATORS: {lang} is the abbreviation's language code (en, ru).
            reason=_("«{found}» is the {lang} abbreviation of {concept}, in text of another script").format(
                found=found, lang=their, concept=concept_id),
            lang=lang, fixable=options.unsafe_fixes and _ABBREVIATION.fullmatch(write) is not None))
    for hit, suggestion, renderable, why, span in hits:
        rendered[hit.concept_id] += 1
        if suggestion is None:
            continue
        reason = describe(hit, segment.text) + (f"; {why}" if why else "")
        findings.append(make_finding(
            "unlisted-variant", document, segment, index, span, concept_id=hit.concept_id,
            suggestion=suggestion, reason=reason, lang=lang, fixable=renderable and options.unsafe_fixes))
    return findings, rendered


_DEFINED = {"en": re.compile(r"[ \t\u00a0]*\(([A-Z][A-Z&]{1,7})\)"),
            "ru": re.compile(r"[ \t\u00a0]*\(([А-ЯЁ][А-ЯЁ]{1,7})\)")}
_INITIALS = re.compile(r"[^\W\d_]+")


def acronyms(text: str, lang: str, matches: list[Match], hits: list, termbase: TermBase,  # type: ignore[type-arg]
             defined: dict[str, tuple[str, str, str]]) -> list[tuple[str, str, str, Span]]:
    """(concept id, the variant, what to write, span) of each use of an acronym the document defined for a variant.

    "community of common destiny (CCD)": a deprecated or unlisted rendering
    with an acronym of its words' initials in brackets right after it makes
    every later "CCD" that rendering too. The definition itself is no use (the
    variant before it is reported). What to write is the concept's own
    abbreviation if it lists one, else its preferred rendering. English and
    Russian: initials of words in capitals of the text's script (function words
    may give a letter or not): «сообщество с общим будущим (СОБ)».
    """
    from .. import signatures
    from ..langtags import base_language

    named: list[tuple[str, int, int]] = [(h.concept_id, span.start, span.end)
                                         for h, suggestion, _, _, span in hits if suggestion is not None]
    named += [(m.concept_id, m.span.start, m.span.end) for m in matches
              if m.term.status.is_variant and not m.term.requires_source]
    definitions: list[tuple[int, int]] = []
    since = dict.fromkeys(defined, 0)  # where each acronym's uses may start in this text
    pattern = _DEFINED[base_language(lang)]
    function = _EN_FUNCTION if base_language(lang) == "en" else signatures.FUNCTION_WORDS["ru"]
    for concept_id, start, end in named:
        m = pattern.match(text, end)
        if m is None:
            continue
        letters = m.group(1).replace("&", "")
        words = _INITIALS.findall(text[start:end])
        content = [w for w in words if w.lower() not in function]
        if letters not in ("".join(w[0] for w in words).upper(), "".join(w[0] for w in content).upper()):
            continue
        definitions.append((m.start(1), m.end(1)))
        if m.group(1) not in defined:
            concept = termbase.concept(concept_id)
            own = next((t.text for t in concept.terms if base_language(t.lang) == base_language(lang)
                        and t.abbreviation_of and not t.status.is_variant), None)
            preferred = concept.preferred(lang)
            write = own or (preferred.text if preferred is not None else None)
            if write is not None:
                defined[m.group(1)] = (concept_id, text[start:end], write)
                since[m.group(1)] = m.end()
    out = []
    for acronym, (concept_id, name, write) in defined.items():
        if acronym not in since:
            continue
        for m in re.compile(rf"(?<![\w&]){re.escape(acronym)}(?![\w&])").finditer(text, since[acronym]):
            if (m.start(), m.end()) in definitions or any(
                    x.span.start < m.end() and m.start() < x.span.end for x in matches):
                continue
            out.append((concept_id, name, write, Span(m.start(), m.end())))
    return sorted(out, key=lambda u: u[3].start)


_EN_FUNCTION = frozenset("a an the of for with and to in on by at".split())


def stand_ins(findings: list[Finding], termbase: TermBase) -> list[Finding]:
    """In a translation, a variant of a part of a missing concept renders that concept.

    The source names 人类命运共同体 and the target says "community of common
    destiny": the target has no rendering of the whole concept (missing-term)
    and a deprecated rendering of the shorter one (命运共同体). A reviewer marks
    one thing: an unofficial rendering of the concept the source names. When the
    part's preferred rendering is inside the whole's, the variant is reported as
    `unlisted-variant` of the whole, with its preferred rendering, and the
    missing-term goes.
    """
    from dataclasses import replace

    from ..fold import fold_text

    missing = [f for f in findings if f.code == "missing-term" and f.severity is Severity.ERROR and f.concept_id]
    if not missing:
        return findings
    drop: set[int] = set()
    out = list(findings)
    for m in missing:
        whole = termbase.concept(m.concept_id).preferred(m.lang)
        if whole is None:
            continue
        for i, f in enumerate(out):
            if (i in drop or f.code not in ("deprecated-term", "superseded-term", "unlisted-variant")
                    or not f.concept_id or f.concept_id == m.concept_id
                    or not (m.span.start <= f.span.start and f.span.end <= m.span.end)):
                continue
            part = termbase.concept(f.concept_id).preferred(m.lang)
            if part is None or fold_text(part.text) not in fold_text(whole.text):
                continue
            out[i] = replace(f, code="unlisted-variant", severity=Severity.WARNING, concept_id=m.concept_id,
                             suggestion=whole.text, fixable=False, fix=None,
                             no_fix="a stand-in for the concept the source names: a person decides",
                             reason=_("the source names {found}; this renders only part of it ({concept})").format(
                                 found=m.source_term or m.found, concept=f.concept_id))
            drop.add(id(m))
            break
    return [f for f in out if id(f) not in drop]
