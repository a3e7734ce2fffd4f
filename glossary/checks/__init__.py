"""The registry of checks, and running them over a document.

Each finding code is a `Check` record: its severity, whether `fix` can apply
it, and the message template (named placeholders, rendered at report time so
that translated templates can reorder them).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace

from ..model import Document, Finding, Segment, Severity, Span
from ..positions import LineIndex
from ..i18n import N_
from ..termbase import TermBase


@dataclass(frozen=True, slots=True)
class Check:
    """One kind of finding: its code, default severity, and message templates."""

    code: str
    severity: Severity
    fixable: bool
    message: str
    summary: str


CHECKS: tuple[Check, ...] = (
    Check("deprecated-term", Severity.ERROR, True,
          N_('"{found}" is a deprecated rendering: use "{suggestion}"'),
          N_("a rendering to stop using: a calque, a mistranslation or an unofficial form")),
    Check("superseded-term", Severity.ERROR, True,
          N_('"{found}" was officially replaced: use "{suggestion}"'),
          N_("a rendering that was once official and has been officially replaced")),
    Check("mixed-renderings", Severity.WARNING, False,
          N_('"{found}" renders a concept that this text also renders as "{suggestion}"'),
          N_("one text renders one concept in two different ways")),
    Check("encoding-damage", Severity.ERROR, False,
          N_('"{found}" looks like damaged encoding of "{suggestion}"'),
          N_("UTF-8 text that was decoded as Windows-1252 or Latin-1 (mojibake)")),
    Check("missing-term", Severity.ERROR, False,
          N_('the source names "{source_term}" but the translation does not render it as "{suggestion}"'),
          N_("a concept named in the source segment has too few renderings in its translation")),
    Check("untranslated-term", Severity.ERROR, False,
          N_('"{found}" is left untranslated: use "{suggestion}"'),
          N_("a source-language term copied into the translation as it is")),
    Check("unlisted-variant", Severity.WARNING, True,
          N_('"{found}" looks like an unlisted rendering: use "{suggestion}"'),
          N_("a rendering the term base does not list, found by the concept's signature (fixed only with --unsafe-fixes)")),
    Check("check-grammar", Severity.INFO, False,
          N_('"{found}" is fixed to "{suggestion}": check the words around it'),
          N_("a fix whose neighbouring words (article, verb agreement) the tool could not settle")),
    Check("unused-suppression", Severity.INFO, False,
          N_('"{found}" suppresses nothing'),
          N_("an inline suppression comment with no finding in its scope")),
)
BY_CODE = {c.code: c for c in CHECKS}


@dataclass(frozen=True, slots=True)
class Options:
    """What a run checks: `fix_encoding` makes encoding damage fixable."""

    fix_encoding: bool = False
    lang: str | None = None
    # Bilingual files, settings (glossary.config) and the quotation exemption (glossary.quotes).
    source_lang: str | None = None
    disable: frozenset[str] = frozenset()
    disable_concepts: frozenset[str] = frozenset()
    severity: tuple[tuple[str, Severity], ...] = ()
    exempt_quotes: bool | frozenset[str] = True  # marked quotations keep their wording
    # unlisted-variant findings are fixable only when asked (`--unsafe-fixes`).
    unsafe_fixes: bool = False


def make_finding(code: str, document: Document, segment: Segment, index: LineIndex, span: Span,
                 **fields: object) -> Finding:
    """A finding at `span` of `segment`, positioned in the document's text."""
    check = BY_CODE[code]
    doc_span = segment.document_span(span)
    # A check may withhold a fix (morph: an undecidable case), never grant one.
    allowed = bool(fields.pop("fixable", True))
    return Finding(
        code=code, severity=check.severity, **index.locate(doc_span),
        found=document.text[doc_span.start:doc_span.end], path=document.path,
        fixable=check.fixable and allowed and replaceable(document, doc_span),
        unit_id=segment.unit_id, fuzzy=segment.fuzzy, location=segment.location, **fields,  # type: ignore[arg-type]
    )


def replaceable(document: Document, span: Span) -> bool:
    """Whether a fix may overwrite `span`: formats with inline markup refuse spans that cross it."""
    if document.boundaries and any(span.start < b < span.end for b in document.boundaries):
        return False  # the formatting changes inside the span (a .docx run boundary)
    test = _replaceable_test(document.format)
    return test is None or test(document.text, span)


_TESTS: dict[str | None, Callable[[str, Span], bool] | None] = {}


def _replaceable_test(fmt: str | None) -> Callable[[str, Span], bool] | None:
    """The format's span test, looked up once per format (not once per finding)."""
    try:
        return _TESTS[fmt]
    except KeyError:
        from ..readers import READERS

        test = _TESTS[fmt] = getattr(READERS.get(fmt), "replaceable", None)  # type: ignore[arg-type]
        return test


def check_document(document: Document, termbase: TermBase, options: Options = Options()) -> list[Finding]:
    """Every finding in `document`, sorted by position."""
    from ..literals import literal_spans, outside
    from ..matcher import matcher_for
    from ..script import guess_lang
    from . import bilingual, consistency, encoding, scope, terms, variants

    index = LineIndex(document.text)
    findings: list[Finding] = []
    scanned = []
    unlisted: list[Counter[str]] = []  # unlisted variants per segment: renderings for missing-term
    for segment in (p for s in document.segments for p in paragraphs(s, options.lang)):
        lang = options.lang or segment.lang or guess_lang(segment.text)
        matches = matcher_for(termbase, lang).scan(segment.text)
        literals = literal_spans(segment.text) if matches else []
        if literals:  # URLs, e-mail addresses, file paths and code spans are never matched
            matches = [m for m in matches if outside(m.span, literals)]
        scanned.append((segment, lang, matches))
    # A fix writes the rendering the text already uses when the default target is
    # of another family: a fixed text must not mix renderings.
    used = consistency.first_used(scanned)
    for segment, lang, matches in scanned:
        found, by_signature = variants.run(document, segment, index, lang, matches, termbase, options)
        listed = terms.run(document, segment, index, lang, matches, termbase, used)
        if found:  # a listed variant inside a longer unlisted one is part of it (leftmost-longest)
            listed = [f for f in listed if not any(v.span.start <= f.span.start and f.span.end <= v.span.end for v in found)]
        findings.extend(listed)
        findings.extend(encoding.run(document, segment, index, options))
        findings.extend(found)
        unlisted.append(by_signature)
    findings.extend(consistency.run(document, index, scanned, termbase))
    findings.extend(bilingual.run(document, index, scanned, termbase, options, unlisted))
    if "unlisted-variant" not in options.disable:
        findings = variants.stand_ins(findings, termbase)
    findings = scope.apply(document, index, scanned, findings, options)
    findings.sort(key=lambda f: (f.span.start, f.span.end, f.code))
    return findings


_BLANK_LINE = "\n\n"


def paragraphs(segment: Segment, forced: str | None = None) -> tuple[Segment, ...]:
    """A segment of unknown language cut at blank lines, so each paragraph gets its own guess."""
    text = segment.text
    if forced or segment.lang is not None or segment.source_text is not None or _BLANK_LINE not in text.replace("\r", ""):
        return (segment,)
    import re

    cuts = [m.end() for m in re.finditer(r"\n[ \t\r]*\n", text)]
    bounds = [0, *cuts, len(text)]
    out = []
    for a, b in zip(bounds, bounds[1:]):
        if a == b:
            continue
        if segment.starts is None or segment.ends is None:
            out.append(replace(segment, text=text[a:b], start=segment.start + a))
        else:
            out.append(replace(segment, text=text[a:b], starts=segment.starts[a:b], ends=segment.ends[a:b]))
    return tuple(out)


def text_document(text: str, path: str = "<text>", lang: str | None = None) -> Document:
    return Document(path=path, text=text, segments=(Segment(text=text, lang=lang),))


def check_text(text: str, lang: str | None, termbase: TermBase, options: Options = Options()) -> list[Finding]:
    """Findings in a plain text string (the library's `check`)."""
    if (lang or options.lang) != options.lang:
        options = replace(options, lang=lang)
    return check_document(text_document(text, lang=lang), termbase, options)


def codes() -> Iterable[str]:
    return (c.code for c in CHECKS)
