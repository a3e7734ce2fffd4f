"""`missing-term` and `untranslated-term`: a translation checked against its source.

For each segment with a source text, the source is scanned in the source
language. Every concept it names must be rendered in the target as often as the
source names it: none at all is an error, fewer is a warning (two mentions in
the source and one in the target usually means a sentence lost its term). A
rendering in a deprecated or superseded form counts as a rendering here, since
`deprecated-term` already reports it, and so does a source term left as it is,
which is reported as `untranslated-term` at its own span, and so does an
unlisted variant found by the concept's signature (`unlisted-variant`, at its
span). Concepts without a
rendering in the target language are not checked.

Variants marked `requires_source` (renderings wrong only as a translation of
the concept, such as a common phrase that is also a calque) are reported here,
when the source names their concept.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import replace

from ..i18n import _, ngettext
from ..langtags import base_language
from ..model import Document, Finding, Match, Segment, Severity, Span, Status
from ..positions import LineIndex
from ..termbase import TermBase
from . import Context, Options, make_finding


def _dictionary_form() -> str:
    """The note that a Russian suggestion is in the nominative, in the UI language."""
    return _("the suggestion is the dictionary form (nominative): inflect it to fit the sentence")


def _per_span(matches: list[Match]) -> dict[tuple[int, int], list[Match]]:
    by_span: dict[tuple[int, int], list[Match]] = {}
    for m in matches:
        by_span.setdefault((m.span.start, m.span.end), []).append(m)
    return by_span


def _has_ascii_key(termbase: TermBase, lang: str, matcher) -> bool:  # type: ignore[no-untyped-def]
    """Whether the language's matcher has a key in ASCII (kept per term base and language)."""
    from ..state import STATE

    known = STATE.of(termbase).ascii_keys
    if lang not in known:
        known[lang] = any(k.isascii() for k in matcher.keys)
    return known[lang]


def _count(matches: list[Match]) -> Counter[str]:
    """How many times each concept is named: once per span, even for a homonym of two concepts."""
    counts: Counter[str] = Counter()
    for group in _per_span(matches).values():
        for concept_id in {m.concept_id for m in group}:
            counts[concept_id] += 1
    return counts


def run(context: Context) -> list[Finding]:
    from .variants import by_segment

    made = by_segment(context)
    unlisted = [rendered for _found, rendered in made]
    spans = [[f.span for f in found] for found, _rendered in made]
    return in_document(context.document, context.index, context.scanned, context.termbase, context.options, unlisted,
                       spans)


def in_document(document: Document, index: LineIndex, scanned: Sequence[tuple[Segment, str, list[Match]]],
                termbase: TermBase, options: Options, unlisted: list[Counter[str]] | None = None,
                unlisted_spans: list[list[Span]] | None = None) -> list[Finding]:
    """Every bilingual finding: each segment that has a source in another language, against its source."""
    from ..script import guess_lang

    findings: list[Finding] = []
    before: set[str] = set()  # concepts an earlier segment's target renders (what "the initiative" may stand for)
    for number, (segment, lang, matches) in enumerate(scanned):
        extra = unlisted[number] if unlisted is not None and number < len(unlisted) else None
        if segment.source_text is not None and segment.source_text.strip() and segment.text.strip():
            source_lang = options.source_lang or segment.source_lang or guess_lang(segment.source_text)
            if source_lang != lang:
                spans = unlisted_spans[number] if unlisted_spans is not None and number < len(unlisted_spans) else []
                made = _in_segment(document, index, segment, lang, matches, source_lang, termbase, extra,
                                   spans, "unlisted-variant" not in options.disable, frozenset(before))
                findings.extend(made)
                before.update(f.concept_id for f in made if f.code == "unlisted-variant" and f.concept_id)
        before.update(m.concept_id for m in matches)
        before.update(extra or ())
    return findings


def _in_segment(document: Document, index: LineIndex, segment: Segment, lang: str, matches: list[Match],
                source_lang: str, termbase: TermBase, unlisted: Counter[str] | None = None,
                unlisted_spans: Sequence[Span] = (), locate: bool = True,
                before: frozenset[str] = frozenset()) -> list[Finding]:
    from ..matcher import matcher_for

    source_matcher = matcher_for(termbase, source_lang)
    zh = base_language(source_lang) == "zh"
    if zh:
        from . import zhwords

        source_matches = zhwords.source_mentions(segment.source_text or "", termbase, source_lang)
    else:
        source_matches = source_matcher.scan(segment.source_text or "")
    if not source_matches:
        return []
    named = _count(source_matches)
    # A target wholly in ASCII cannot hold a source term that has none (Han in English).
    could_hold = not segment.text.isascii() or _has_ascii_key(termbase, source_lang, source_matcher)
    left = [m for m in source_matcher.scan(segment.text) if m.concept_id in named] if could_hold else []
    rendered = _count(matches)
    if unlisted:
        rendered.update(unlisted)  # reported as unlisted-variant at its own span
    where = (document, index, segment, lang, termbase)
    taken = [m.span for m in matches] + [m.span for m in left] + list(unlisted_spans)
    glosses: list[Finding] = []
    if left:
        left, glosses = _glosses(where, left, matches, unlisted_spans, taken if locate else None)
        rendered.update(f.concept_id for f in glosses if f.concept_id)
    left = [m for m in left if not _quotes_source(segment.text, m, rendered, named)]
    rendered.update(_count(left))
    joined = zhwords.joined(segment.source_text or "", source_matches, rendered) if zh else Counter()
    return (_untranslated(where, left) + glosses + _variants_of_named(where, matches, named)
            + _missing(where, source_matches, named, rendered, taken if locate else None, matches, before, joined))


def _glosses(where: tuple, left: list[Match], matches: list[Match], unlisted_spans: Sequence[Span],  # type: ignore[type-arg]
             taken: list[Span] | None) -> tuple[list[Match], list[Finding]]:
    """The source terms left in the target that gloss the words before them in brackets, taken out of `left`.

    "Belt and Road Initiative (一带一路)": the source term explains a rendering,
    it is no untranslated term. "new quality development (新质生产力)": the words
    it explains render the concept, in words no rendering lists; they are the
    `unlisted-variant` (when one of them fills a slot of the concept's signature).
    """
    from . import located
    from .variants import describe, suggest

    document, index, segment, lang, termbase = where
    text = segment.text
    kept: list[Match] = []
    found: list[Finding] = []
    for group in _per_span(left).values():
        m = group[0]
        end = located.bracketed(text, m.span)
        if end is None:
            kept.extend(group)
            continue
        if any(x.concept_id == m.concept_id and x.span.end == end for x in matches) or any(
                s.end == end for s in unlisted_spans):
            continue  # the gloss of a rendering
        sig = located.signature(termbase, lang, m.concept_id) if taken is not None else None
        hit = located.glossed(sig, text, end, taken) if sig is not None else None
        if hit is None:
            kept.extend(group)
            continue
        source_term = text[m.span.start:m.span.end]
        suggestion, _renderable, why, span = suggest(hit, text)
        reason = f"the source names {source_term}; " + describe(hit, text) + (f"; {why}" if why else "")
        found.append(make_finding("unlisted-variant", document, segment, index, span, concept_id=m.concept_id,
                                  suggestion=suggestion, lang=lang, source_term=source_term, reason=reason,
                                  fixable=False))
        taken.append(span)  # type: ignore[union-attr]
    return kept, found


def _quotes_source(text: str, m: Match, rendered: Counter[str], named: Counter[str]) -> bool:
    """Whether a source term left in the target is part of a passage of the source quoted beside its translation.

    'The title is "Chinese modernization is led by the CPC 中国式现代化是中国共产党领导的…"':
    the term sits in a longer run of Chinese (or another script written without
    spaces), four characters more at least: a phrase, not a term left in; and
    the target renders the concept elsewhere as often as the source names it. A term standing alone ("The Belt and Road Initiative,
    一带一路, grew.") or the only mention of its concept is still untranslated.
    """
    from ..script import is_unspaced

    if rendered.get(m.concept_id, 0) < named.get(m.concept_id, 0) or not is_unspaced(text[m.span.start]):
        return False
    start, end = m.span.start, m.span.end
    while start > 0 and is_unspaced(text[start - 1]):
        start -= 1
    while end < len(text) and is_unspaced(text[end]):
        end += 1
    return (end - start) - (m.span.end - m.span.start) >= 4


def _untranslated(where: tuple, left: list[Match]) -> list[Finding]:  # type: ignore[type-arg]
    """`untranslated-term`: a source-language term the source names, left in the translation."""
    from .explain import explanation

    document, index, segment, lang, termbase = where
    findings = []
    for group in _per_span(left).values():
        m = group[0]
        concept = termbase.concept(m.concept_id)
        preferred = concept.preferred(lang)
        if preferred is not None:
            findings.append(make_finding(
                "untranslated-term", document, segment, index, m.span, concept_id=concept.id,
                suggestion=preferred.text, lang=lang, **explanation(concept, preferred, preferred)))
    return findings


def _variants_of_named(where: tuple, matches: list[Match], named: Counter[str]) -> list[Finding]:  # type: ignore[type-arg]
    """Variants that are wrong only as the rendering of what the source names (`requires_source`)."""
    from .explain import explanation

    document, index, segment, lang, termbase = where
    findings = []
    for group in _per_span(matches).values():
        for m in group:
            if m.term.requires_source and m.term.status.is_variant and m.concept_id in named:
                concept = termbase.concept(m.concept_id)
                target = termbase.fix_target(concept, m.term)
                code = "superseded-term" if m.term.status is Status.SUPERSEDED else "deprecated-term"
                findings.append(make_finding(
                    code, document, segment, index, m.span, concept_id=concept.id,
                    suggestion=target.text if target else None, lang=lang,
                    **explanation(concept, m.term, target)))
                break
    return findings


def _missing(where: tuple, source_matches: list[Match], named: Counter[str],  # type: ignore[type-arg]
             rendered: Counter[str], taken: list[Span] | None = None, matches: Sequence[Match] = (),
             before: frozenset[str] = frozenset(), joined: Counter[str] | None = None) -> list[Finding]:
    """`missing-term`: the source names a concept more often than the translation renders it.

    Before that, the target is searched for the concept in words no rendering
    lists (`located`): a paraphrase filling its required slots or its initials is
    an `unlisted-variant` at its span and counts as a rendering (unless the code
    is disabled: `taken` is None). A Russian missing-term's suggestion is in the
    form of the head noun the target names alone, when that form is clear;
    otherwise it is the dictionary form (nominative), and the reason says so.
    A mention the target makes by a stand-in (`standins`: "it", "the
    initiative" after a rendering) is a rendering too. A mention written as one
    phrase with another concept's that the target renders needs no rendering of
    its own (`joined`, from `zhwords.joined`), and neither does the one
    mention that opens the source as its subject when the translation begins
    in lower case (`_continues`: its sentence began in an earlier segment,
    where the subject went).
    """
    from . import located
    from .explain import explanation

    document, index, segment, lang, termbase = where
    source_text = segment.source_text or ""
    first_text: dict[str, str] = {}
    first_short: dict[str, bool] = {}
    for m in source_matches:
        first_text.setdefault(m.concept_id, source_text[m.span.start:m.span.end])
        first_short.setdefault(m.concept_id, bool(m.term.abbreviation_of))
    whole = Span(0, len(segment.text))
    findings = []
    for concept_id, times in named.items():
        concept = termbase.concept(concept_id)
        preferred = concept.preferred(lang)
        have = rendered.get(concept_id, 0)
        if preferred is None or have >= times:
            continue
        sig = located.signature(termbase, lang, concept_id) if taken is not None else None
        if have and _stood_for(where, concept_id, sig, have, times, taken or [], matches, before):
            continue  # "it" after a rendering is no paraphrase to look for
        if sig is not None and located.coordinated(sig, segment.text, taken or []):
            continue  # one member of a list sharing its head noun: "the Global Development and Security Initiatives"
        if sig is not None:
            assert taken is not None
            got = _located(where, concept, sig, first_text[concept_id], taken, first_short[concept_id])
            spare = _spare_inner(termbase, lang, concept_id, matches, named, rendered) if got is None else []
            swapped = _swapped_inner(termbase, lang, concept, segment.text, matches, spare) if spare else None
            if swapped is not None:
                got = None, swapped  # a listed rendering, its inner name written another way: no finding here
            elif spare:
                got = _located(where, concept, sig, first_text[concept_id], [s for s in taken if s not in spare],
                               first_short[concept_id], spare)
            if got is not None:
                found, span = got
                if found is not None:
                    findings.append(found)
                taken.append(span)
                have += 1
                if have >= times:
                    continue
        if _stood_for(where, concept_id, sig, have, times, taken or [], matches, before):
            continue
        if have + (joined or Counter()).get(concept_id, 0) >= times:
            continue  # 中华民族伟大复兴的中国梦 rendered "the Chinese Dream"
        if not have and times == 1 and _continues(segment.text) and _opens(source_matches, concept_id, source_text):
            continue  # "conforming to ..." for a source whose subject opens it
        # TRANSLATORS: {times} is "2 times" or "3 times" (how often the source names the concept).
        why = (ngettext("the source names it {times}, the translation renders it {n} time",
                        "the source names it {times}, the translation renders it {n} times", have).format(
            times=ngettext("{n} time", "{n} times", times).format(n=times), n=have)
            if have else _("the translation does not render it"))
        suggestion = preferred.text
        if sig is not None and sig.lang == "ru" and not have:
            form = located.head_form(sig, segment.text, taken or [])
            if form is not None:
                suggestion = form[0]
                why += "; " + _("the suggestion is in the form of «{word}», which stands for it").format(word=form[1])
            else:
                why += "; " + _dictionary_form()
        elif base_language(lang) == "ru" and not have:
            why += "; " + _dictionary_form()
        finding = make_finding(
            "missing-term", document, segment, index, whole, concept_id=concept_id,
            suggestion=suggestion, lang=lang, source_term=first_text[concept_id],
            **{**explanation(concept, preferred, preferred), "reason": why, "brief": why})
        findings.append(replace(finding, severity=Severity.ERROR if have == 0 else Severity.WARNING))
    return findings


def _continues(text: str) -> bool:
    """Whether a translation segment begins in lower case: the rest of a sentence begun before it."""
    first = next((ch for ch in text if ch.isalpha()), "")
    return first.islower()


def _opens(source_matches: list[Match], concept_id: str, source_text: str) -> bool:
    """Whether the concept's mention is the subject that opens a Chinese source: nothing but punctuation
    and spaces before it, and its sentence going on right after it (新发展格局顺应了…; not a heading, a
    keyword list 新质生产力/… or the term alone)."""
    from ..script import is_unspaced

    return any(m.concept_id == concept_id and not any(ch.isalnum() for ch in source_text[:m.span.start])
               and is_unspaced(source_text[m.span.end:m.span.end + 1] or " ") for m in source_matches)


def _nested(termbase: TermBase, inner: str, outer: str) -> bool:
    """Whether a rendering of concept `inner` is written inside one of concept `outer`'s, in some language
    (一带一路 in “一带一路”国际合作高峰论坛, "Belt and Road" in "Belt and Road Forum")."""
    from ..fold import fold_text

    longer: dict[str, list[str]] = {}
    for t in termbase.concept(outer).terms:
        longer.setdefault(t.lang, []).append(fold_text(t.text))
    return any(fold_text(t.text) in text for t in termbase.concept(inner).terms for text in longer.get(t.lang, ()))


def _spare_inner(termbase: TermBase, lang: str, concept_id: str, matches: Sequence[Match], named: Counter[str],
                 rendered: Counter[str]) -> list[Span]:
    """The spans of renderings the target has to spare that may be part of a paraphrase of `concept_id`.

    A name inside a longer name is matched as its own concept ("Belt and Road"
    in "the Belt and Road forum", «Один пояс и один путь» in «Форум «Один пояс
    и один путь»»), so its words fill no slot of the longer one's signature.
    When the target renders that inner concept more often than the source
    names it on its own, the extra renderings may be read as part of the
    longer name the source names. An inner variant whose preferred rendering is
    written inside the longer name's preferred one is left to the stand-in step
    (`variants.stand_ins`), which reports it as the longer name's variant.
    """
    from ..fold import fold_text

    spare: list[Span] = []
    for inner in {m.concept_id for m in matches} - {concept_id}:
        extra = rendered.get(inner, 0) - named.get(inner, 0)
        if extra <= 0 or not _nested(termbase, inner, concept_id):
            continue
        part, whole = termbase.concept(inner).preferred(lang), termbase.concept(concept_id).preferred(lang)
        stands_in = part is not None and whole is not None and fold_text(part.text) in fold_text(whole.text)
        spare.extend(m.span for m in matches if m.concept_id == inner and not (stands_in and m.term.status.is_variant))
    return spare


def _same_word(a: str, b: str, lang: str) -> bool:
    """Two words alike as written (folded) or by a lemma they share (an inflected form of a listed word)."""
    from .. import signatures
    from ..fold import fold_text

    return fold_text(a) == fold_text(b) or bool(signatures.lemmas(a, lang) & signatures.lemmas(b, lang))


_JOIN = frozenset(" \t\u00a0-‐‑–—\"'«»“”„‘’")  # what may stand between the words of one name


def _swapped_inner(termbase: TermBase, lang: str, concept, text: str,  # type: ignore[no-untyped-def]
                   matches: Sequence[Match], spare: Sequence[Span]) -> Span | None:
    """Where the target writes a listed rendering of `concept` with the name inside it in another of that
    name's renderings, or None.

    «высококачественное совместное строительство «Пояса и пути»» is the listed
    «... «Одного пояса, одного пути»» with the inner name in its preferred
    form: a rendering of the longer concept (a deprecated inner name is
    reported on its own). The words around the inner name are the listed
    ones, inflected or not, with nothing else between them.
    """
    from .. import signatures

    said = signatures.words(text)
    for m in matches:
        if m.span not in spare:
            continue
        inside = [k for k, (s, e, _w) in enumerate(said) if m.span.start <= s and e <= m.span.end]
        if not inside:
            continue
        first, last = inside[0], inside[-1]
        inner = [[w for _s, _e, w in signatures.words(t.text)]
                 for t in termbase.concept(m.concept_id).terms if base_language(t.lang) == base_language(lang)]
        for t in concept.terms:
            if base_language(t.lang) != base_language(lang) or t.status.is_variant:
                continue
            listed = [w for _s, _e, w in signatures.words(t.text)]
            for name in inner:
                at = next((i for i in range(len(listed) - len(name) + 1)
                           if all(_same_word(x, y, lang) for x, y in zip(listed[i:i + len(name)], name))), None)
                if at is None:
                    continue
                before, after = listed[:at], listed[at + len(name):]
                lo, hi = first - len(before), last + len(after)
                if lo < 0 or hi >= len(said) or not (before or after):
                    continue
                words = said[lo:first] + said[last + 1:hi + 1]
                if all(_same_word(w, x, lang) for (_s, _e, w), x in zip(words, before + after)) and all(
                        set(text[said[k][1]:said[k + 1][0]]) <= _JOIN for k in range(lo, hi)
                        if not first <= k < last):
                    return Span(said[lo][0], said[hi][1])
    return None


def _short_slots(concept, sig, lang: str) -> tuple[tuple[int, ...], str] | None:  # type: ignore[no-untyped-def]
    """The slots of the target language's short form of two words or more, in its order, and its text
    ("national rejuvenation" for 民族复兴), or None when the language lists none."""
    from .. import signatures
    from . import located

    for t in concept.terms:
        if (base_language(t.lang) != base_language(lang) or not t.abbreviation_of or t.status.is_variant
                or t.requires_source):
            continue
        content = [w for _, _, w in signatures.words(t.text) if w.lower() not in sig.function_words]
        if len(content) < 2:
            continue
        got = located._cover([signatures._slot_set(sig, w) for w in content], frozenset())
        if got is not None and len(got) == len(content):
            return tuple(got[k] for k in sorted(got)), t.text
    return None


def _located(where: tuple, concept, sig, source_term: str,  # type: ignore[no-untyped-def, type-arg]
             taken: list[Span], short: bool = False, whole: Sequence[Span] = ()) -> tuple[Finding | None, Span] | None:
    """Where the target renders the concept in a paraphrase, by initials or in part in words of its own
    (`located.loose`): the `unlisted-variant` (None when the words are the preferred rendering inflected)
    and the span; None when nothing is found. `short`: the source names the concept by its short form;
    `whole`: renderings of names inside the concept's, which a paraphrase that reaches into takes whole."""
    from . import located
    from .variants import describe, suggest

    document, index, segment, lang, termbase = where
    text = segment.text
    got = located.paraphrase(sig, text, taken)
    base = None
    standing: tuple[tuple[int, int], ...] = ()
    if got is None and located.initials(sig, text, taken) is None:
        # The source's short form asks first for the target's ("national renewal" for 民族复兴).
        own = _short_slots(concept, sig, lang)
        loose = located.loose(sig, text, taken, own[0]) if short and own is not None else None
        if loose is not None:
            base = own[1]  # type: ignore[index]
        else:
            loose = located.loose(sig, text, taken)
        if loose is None:
            # Shortened as the target language's short form is, or as a short form elsewhere is.
            if own is not None:
                loose, base = located.loose(sig, text, taken, own[0]), own[1]
            elif short or any(t.abbreviation_of and len(t.text.split()) >= 2 and not t.status.is_variant
                              for t in concept.terms):
                loose = located.loose(sig, text, taken, None, True)
        if loose is not None:
            (hit, standing), got = loose, (loose[0], False)
    if got is not None:
        hit, others = got
        for inner in whole:
            if inner.start < hit.end and hit.start < inner.end:
                hit = replace(hit, start=min(hit.start, inner.start), end=max(hit.end, inner.end))
        suggestion, renderable, why, span = suggest(hit, text, base)
        if suggestion.casefold() == text[span.start:span.end].casefold():
            return None, span  # the preferred rendering, inflected: a rendering, no finding
        reason = f"the source names {source_term}; " + describe(_without(hit, standing), text)
        if standing:
            # TRANSLATORS: {words}: the target's own words, each with the slot it fills.
            reason += "; " + _("words of its own for the other slots: {words}").format(words=", ".join(
                f"{text[s:e]} ({_slot_name(sig, k)})" for (s, e), k in zip(hit.words, hit.filled) if (s, e) in standing))
        reason += ("; other words in between: a paraphrase" if others else "") + (f"; {why}" if why else "")
        return make_finding("unlisted-variant", document, segment, index, span, concept_id=concept.id,
                            suggestion=suggestion, lang=lang, source_term=source_term, reason=reason,
                            fixable=False), span
    span = located.initials(sig, text, taken)
    if span is None:
        return None
    own = next((t.text for t in concept.terms if base_language(t.lang) == base_language(lang) and t.abbreviation_of
                and not t.status.is_variant), None)
    preferred = concept.preferred(lang)
    write = own or (preferred.text if preferred is not None else None)
    found = text[span.start:span.end]
    return make_finding("unlisted-variant", document, segment, index, span, concept_id=concept.id,
                        suggestion=write, lang=lang, source_term=source_term, fixable=False,
                        reason=f"the source names {source_term}; «{found}» reads as the initials of "
                               f"{concept.id}, which lists no such abbreviation"
                               + ("" if own or base_language(lang) != "ru" else "; " + _dictionary_form())
                        ), span


def _stood_for(where: tuple, concept_id: str, sig, have: int, times: int,  # type: ignore[no-untyped-def, type-arg]
               taken: list[Span], matches: Sequence[Match], before: frozenset[str]) -> bool:
    """Whether stand-ins make up the mentions the target lacks (`standins`).

    After a rendering, a pronoun or the head noun is a further mention, and so
    is a pronoun before it that points forward to it (`standins.ahead`); with no
    rendering, the antecedent may be a rendering inside another concept's longer
    one (a mention, and the stand-ins after it), or an earlier segment's (then only the head
    noun after a determiner stands for it: "the initiative", not "it").
    """
    from ..matcher import matcher_for
    from . import standins

    _document, _index, segment, lang, termbase = where
    text, base = segment.text, base_language(lang)
    if have:
        first = min((m.span.start for m in matches if m.concept_id == concept_id), default=0)
        return have + standins.ahead(base, text, first, taken) + standins.count(sig, base, text, first, taken) >= times
    inside = standins.nested(matcher_for(termbase, lang), text, list(matches), concept_id)
    if inside is not None:
        return 1 + standins.count(sig, base, text, inside, taken) >= times
    return concept_id in before and standins.mentioned(sig, base, text, taken)


def _without(hit, standing: tuple[tuple[int, int], ...]):  # type: ignore[no-untyped-def]
    """The hit with only the words that fill their slots themselves (what `describe` says was matched)."""
    from .. import signatures

    kept = [(w, k) for w, k in zip(hit.words, hit.filled) if w not in standing]
    return signatures.Hit(hit.signature, hit.start, hit.end, tuple(w for w, _ in kept), tuple(k for _, k in kept))


def _slot_name(sig, slot: int) -> str:  # type: ignore[no-untyped-def]
    """A slot named by the preferred rendering's word for it."""
    from .. import signatures

    names = [w for _, _, w in signatures.words(sig.preferred) if w.lower() not in sig.function_words]
    return names[slot] if slot < len(names) else sig.slot_names()[slot]
