"""The registry of checks, and running them over a document.

Each finding code is a `Check` record: its severity, whether `fix` can apply
it, the message template (named placeholders, rendered at report time so
that translated templates can reorder them), and the family: the module of
this package whose `run(context) -> list[Finding]` makes it. `check_document`
builds one `Context` and runs the families in the order the registry names
them; a new check is one module and one record. docs/codes.md's table is
`codes_table()` (a test keeps them equal).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace

from ..model import Document, Edit, Finding, Match, Segment, Severity, Span, Term
from ..positions import LineIndex
from ..i18n import N_
from ..termbase import TermBase

TYPE_CHECKING = False  # typing's own flag, without importing typing (see glossary/__init__.py)
if TYPE_CHECKING:
    from typing import Any


@dataclass(frozen=True, slots=True)
class Check:
    """One kind of finding: its code, default severity, and message templates."""

    code: str
    severity: Severity
    fixable: bool
    message: str
    summary: str
    family: str | None = None  # the module under glossary.checks that reports it; None: the scope step
    fix_option: str | None = None  # fixable only when this option is given (`fixable` is then False)
    short: str | None = None
    """The concise text report's wording (one line per finding), where shorter than `message`."""


REPLACE = N_('"{found}" → "{suggestion}"')
"""The concise wording of a finding whose suggestion replaces what was found."""

CHECKS: tuple[Check, ...] = (
    Check("deprecated-term", Severity.ERROR, True,
          N_('"{found}" is a deprecated rendering: use "{suggestion}"'),
          N_("a rendering to stop using: a calque, a mistranslation or an unofficial form"), family="terms",
          short=REPLACE),
    Check("superseded-term", Severity.ERROR, True,
          N_('"{found}" was officially replaced: use "{suggestion}"'),
          N_("a rendering that was once official and has been officially replaced"), family="terms",
          short=REPLACE),
    Check("mixed-renderings", Severity.WARNING, False,
          N_('"{found}" renders a concept that this text also renders as "{suggestion}"'),
          N_("one text renders one concept in two different ways"), family="consistency"),
    Check("encoding-damage", Severity.ERROR, False,
          N_('"{found}" looks like damaged encoding of "{suggestion}"'),
          N_("UTF-8 text that was decoded as Windows-1252 or Latin-1 (mojibake)"), family="encoding",
          fix_option="--fix-encoding",
          short=REPLACE),
    Check("missing-term", Severity.ERROR, False,
          N_('the source names "{source_term}" but the translation does not render it as "{suggestion}"'),
          N_("a concept named in the source segment has too few renderings in its translation"), family="bilingual",
          short=N_('"{source_term}" in the source: use "{suggestion}"')),
    Check("untranslated-term", Severity.ERROR, False,
          N_('"{found}" is left untranslated: use "{suggestion}"'),
          N_("a source-language term copied into the translation as it is"), family="bilingual",
          short=REPLACE),
    Check("unlisted-variant", Severity.WARNING, True,
          N_('"{found}" looks like an unlisted rendering: use "{suggestion}"'),
          N_("a rendering the term base does not list, found by the concept's signature (fixed only with --unsafe-fixes)"),
          family="variants", fix_option="--unsafe-fixes",
          short=REPLACE),
    Check("check-grammar", Severity.INFO, False,
          N_('"{found}" is fixed to "{suggestion}": check the words around it'),
          N_("a fix whose neighbouring words (article, verb agreement) the tool could not settle"), family="terms"),
    Check("unused-suppression", Severity.INFO, False,
          N_('"{found}" suppresses nothing'),
          N_("an inline suppression comment with no finding in its scope")),
    Check("more-findings", Severity.INFO, False,
          N_('"{suggestion}" findings from here to the end of this segment not listed: {count}'),
          N_("a flood of one kind of finding in one segment, cut short at the cap (max-per-segment); "
             "glossary fix still fixes them all")),
)
FLOOD = "more-findings"
DEFAULT_MAX_PER_SEGMENT = 1000
"""Findings of one code and concept a report lists per segment (settings: `max-per-segment`)."""
BY_CODE = {c.code: c for c in CHECKS}
# The check modules, in the order the registry first names them.
FAMILIES: tuple[str, ...] = tuple(dict.fromkeys(c.family for c in CHECKS if c.family is not None))


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
    # Past this many findings of one code and concept in one segment, the rest are counted, not made
    # (one `more-findings` note says how many); 0 makes them all, as `fix` and the library API do.
    max_per_segment: int = 0


class Flood:
    """The per-segment cap: which findings to make, and the count of those not made.

    Checked before a finding is built, so a file full of encoding damage costs
    memory for the cap's worth of findings, not for every one of them.
    """

    __slots__ = ("limit", "counts", "first")

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.counts: dict[tuple[int, str, str | None], int] = {}
        self.first: dict[tuple[int, str, str | None], tuple[Segment, Span, str]] = {}

    def admit(self, segment: Segment, code: str, concept_id: str | None, span: Span, lang: str = "") -> bool:
        """Whether to make this finding; past the cap it is counted and the first one's place kept."""
        if not self.limit:
            return True
        key = (id(segment), code, concept_id)
        n = self.counts[key] = self.counts.get(key, 0) + 1
        if n <= self.limit:
            return True
        if n == self.limit + 1:
            self.first[key] = (segment, span, lang)
        return False

    def notes(self, document: Document, index: LineIndex) -> list[Finding]:
        """One `more-findings` note per capped kind, at the first finding not made."""
        notes = []
        for key, (segment, span, lang) in self.first.items():
            _segment, code, concept_id = key
            notes.append(make_finding(FLOOD, document, segment, index, span, concept_id=concept_id,
                                      suggestion=code, lang=lang, omitted=self.counts[key] - self.limit))
        return notes


class WindowFlood(Flood):
    """The cap across the windows of one document checked a stretch at a time (glossary.chunks).

    A window's findings are counted only where the window owns them (`own`,
    offsets in the window's text), under the segment of the whole document its
    segment is part of (`identity`), so each is counted once and in the order
    of the whole document. The note for a kind is made at the first finding
    left out (`place` puts it in the whole document) and handed out by `close`,
    with its count, once the segment is done.
    """

    __slots__ = ("own", "identity", "made", "place", "document", "index")

    def __init__(self, limit: int) -> None:
        super().__init__(limit)
        self.own = (0, 0)
        self.identity: dict[int, int] = {}
        self.made: dict[tuple[int, str, str | None], Finding] = {}
        self.place: Callable[[Finding], Finding] = lambda f: f
        self.document: Document | None = None
        self.index: LineIndex | None = None

    def admit(self, segment: Segment, code: str, concept_id: str | None, span: Span, lang: str = "") -> bool:
        at = segment.document_span(span).start
        if not self.own[0] <= at < self.own[1]:
            return False  # another window's
        if not self.limit:
            return True
        key = (self.identity.get(id(segment), id(segment)), code, concept_id)
        n = self.counts[key] = self.counts.get(key, 0) + 1
        if n <= self.limit:
            return True
        if n == self.limit + 1:
            assert self.document is not None and self.index is not None
            self.made[key] = self.place(make_finding(FLOOD, self.document, segment, self.index, span,
                                                     concept_id=concept_id, suggestion=code, lang=lang))
        return False

    def pending(self) -> int | None:
        """The start of the first note not yet handed out (what may not be reported past), if any."""
        return min((f.start for f in self.made.values()), default=None)

    def close(self) -> list[Finding]:
        """The notes of the segments done, with their counts; the counting starts again."""
        from dataclasses import replace as changed

        notes = [changed(f, omitted=self.counts[key] - self.limit) for key, f in self.made.items()]
        self.made.clear()
        self.counts.clear()
        return notes


CAPPED = frozenset({"deprecated-term", "superseded-term", "mixed-renderings", "encoding-damage", "check-grammar"})
"""Codes a finding of which is made only when the flood cap admits its match (check-grammar: with its
deprecated-term): in a window (glossary.chunks) the cap is also what says which window owns it."""


@dataclass(frozen=True, slots=True)
class Window:
    """A stretch of a larger document, checked as a document of its own with what the whole one carries.

    `own` is the [start, end) of the window's text it reports (the rest is
    context either side); `first` the renderings the text before has used
    (mixed-renderings), `used` what terms reads of the whole document's
    renderings, `gate` whether the whole text can hold encoding damage (None:
    the window's own text says), `flood` the cap counted across windows.
    """

    own: tuple[int, int]
    flood: WindowFlood
    first: dict[tuple[str, str], Term] = field(default_factory=dict)
    used: Mapping[tuple[str, str], list[Term]] | Any = None
    """What terms reads as `used` (checks.terms.fix_target): a mapping, or an object with `settle`."""
    gate: bool | None = None
    scanned: Callable[[tuple[tuple[Segment, str, list[Match]], ...]], None] | None = None
    """Told of the window's renderings before the checks run (glossary.chunks keeps those used so far)."""
    scan: tuple[tuple[Segment, str, list[Match]], ...] | None = None
    """The window's scan when it was scanned ahead already (of this document's own segments): not redone."""

    def owns(self, segment: Segment, match: Match) -> bool:
        return self.own[0] <= segment.document_span(match.span).start < self.own[1]

    def keeps(self, finding: Finding) -> bool:
        """Whether the window reports `finding`: the cap has admitted it (CAPPED), or it starts in `own`."""
        return finding.code in CAPPED or self.own[0] <= finding.start < self.own[1]


def make_finding(code: str, document: Document, segment: Segment, index: LineIndex, span: Span, *,
                 fixable: bool = True, verbatim: bool = False, **fields: object) -> Finding:
    """A finding at `span` of `segment`, positioned in the document's text, with its fix.

    A check may withhold a fix (`fixable=False`: morph cannot decide the
    form), never grant one, except with `verbatim`: the repair of encoding
    damage, fixable exactly when the run asked for it. The edit writes the
    suggestion as it is: checks write it in the found case (glossary.case).
    """
    check = BY_CODE[code]
    doc_span = segment.document_span(span)
    found = document.text[doc_span.start:doc_span.end]
    if verbatim:
        ok, why = fixable, "" if fixable else "repaired only when asked (--fix-encoding)"
    else:
        ok, why = check.fixable and fixable, "" if check.fixable else "not fixable: a person decides"
        if ok and not replaceable(document, doc_span):
            ok, why = False, "the text crosses markup of the file format"
        elif check.fixable and not fixable:
            why = str(fields.get("reason") or "the form to write cannot be decided")
    suggestion = fields.get("suggestion")
    edit, why = _fix(document, doc_span, found, suggestion) if ok else (None, why)  # type: ignore[arg-type]
    return Finding(
        code=code, severity=check.severity, **index.locate(doc_span), found=found, path=document.path,
        fixable=ok, unit_id=segment.unit_id, fuzzy=segment.fuzzy, location=segment.location, fix=edit, no_fix=why,
        **fields,  # type: ignore[arg-type]
    )


def _fix(document: Document, span: Span, found: str, suggestion: str | None) -> tuple[Edit | None, str]:
    """The edit for a fixable finding: the suggestion (which the check wrote in the found case), escaped."""
    if suggestion is None:
        return None, "no rendering to suggest"
    if suggestion == found:
        return None, "already written as suggested"
    from ..readers import of

    return Edit(span, of(document).escape(suggestion)), ""


def replaceable(document: Document, span: Span) -> bool:
    """Whether a fix may overwrite `span`: formats with inline markup refuse spans that cross it."""
    if document.boundaries and any(span.start < b < span.end for b in document.boundaries):
        return False  # the formatting changes inside the span (a .docx run boundary)
    from ..readers import of

    return of(document).replaceable(document.text, span)


@dataclass(frozen=True, slots=True)
class Context:
    """What every check reads: the document, each segment with its language and matches, the term base, the options."""

    document: Document
    termbase: TermBase
    options: Options
    index: LineIndex
    scanned: tuple[tuple[Segment, str, list[Match]], ...]
    # What one family computes and another reads (the variants' per-segment results), made once.
    memo: dict[str, object] = field(default_factory=dict, compare=False, repr=False)
    flood: Flood = field(default_factory=lambda: Flood(0), compare=False, repr=False)
    window: Window | None = None
    """Set when the document is a stretch of a larger one (glossary.chunks)."""


def scan(document: Document, termbase: TermBase, options: Options) -> tuple[tuple[Segment, str, list[Match]], ...]:
    """Each paragraph of each segment with its language (option, then segment, then a guess) and the
    renderings found in it, except inside URLs, e-mail addresses, file paths and code spans."""
    from ..literals import Literals
    from ..matcher import matcher_for
    from ..script import guess_lang

    scanned = []
    for segment in (p for s in document.segments for p in paragraphs(s, options.lang)):
        lang = options.lang or segment.lang or guess_lang(segment.text)
        matches = matcher_for(termbase, lang).scan(segment.text)
        if matches:  # URLs, e-mail addresses, file paths and code spans are never matched
            outside = Literals(segment.text).outside
            matches = [m for m in matches if outside(m.span.start, m.span.end)]
        scanned.append((segment, lang, matches))
    return tuple(scanned)


def check_document(document: Document, termbase: TermBase, options: Options = Options(),
                   window: Window | None = None) -> list[Finding]:
    """Every finding in `document`, sorted by position: each family of checks run over one context.

    With `window`, `document` is a stretch of a larger one (glossary.chunks):
    only what the window owns is reported, and the cap's notes are the caller's.
    """
    from ..keyscan import shared_bytes

    with shared_bytes():  # the text is scanned by several key sets: it is encoded once
        return _check_document(document, termbase, options, window)


def _check_document(document: Document, termbase: TermBase, options: Options, window: Window | None) -> list[Finding]:
    from importlib import import_module

    from . import scope

    # A file with suppression comments is never capped: a comment must see the finding it names.
    limit = 0 if "glossary-" in document.text else options.max_per_segment
    index = LineIndex(document.text)
    if window is not None:
        window.flood.document, window.flood.index = document, index
    scanned = window.scan if window is not None and window.scan is not None else scan(document, termbase, options)
    context = Context(document, termbase, options, index, scanned,
                      flood=Flood(limit) if window is None else window.flood, window=window)
    if window is not None and window.scanned is not None:
        window.scanned(context.scanned)
    findings: list[Finding] = []
    for family in FAMILIES:
        findings.extend(import_module(f".{family}", __name__).run(context))
    from . import variants

    findings = variants.settle(context, findings)
    if window is None:
        findings.extend(context.flood.notes(document, context.index))
    else:
        findings = [f for f in findings if window.keeps(f)]
    findings = scope.apply(context, findings)
    findings.sort(key=lambda f: (f.span.start, f.span.end, f.code))
    return findings


def codes_table() -> str:
    """The table of codes in docs/codes.md: code, severity, what `glossary fix` does."""
    rows = ["| code | severity | `glossary fix` |", "| --- | --- | --- |"]
    for c in CHECKS:
        fix = f"with `{c.fix_option}`" if c.fix_option else "rewrites it" if c.fixable else "no"
        rows.append(f"| [`{c.code}`](#{c.code}) | {c.severity} | {fix} |")
    return "\n".join(rows) + "\n"


_BLANK_LINE = "\n\n"
PARAGRAPH_BREAK = r"\n[ \t\r]*\n"  # where `paragraphs` cuts; chunks.py cuts large files at the same places


def paragraphs(segment: Segment, forced: str | None = None) -> tuple[Segment, ...]:
    """A segment of unknown language cut at blank lines, so each paragraph gets its own guess."""
    text = segment.text
    if forced or segment.lang is not None or segment.source_text is not None or _BLANK_LINE not in text.replace("\r", ""):
        return (segment,)
    import re

    cuts = [m.end() for m in re.finditer(PARAGRAPH_BREAK, text)]
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

