"""Core value types shared by every step of the flow.

Offsets (`start`, `end`) are half-open code-point offsets into a text; positions
(`line`, `column`) are 1-based, columns counted in code points. Nothing here does
I/O: these are the values that pass between the term base, the matcher, the
checks, the fixer and the reporters.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from enum import StrEnum

TYPE_CHECKING = False  # typing's own flag, without importing typing (see glossary/__init__.py)
if TYPE_CHECKING:
    from typing import Any, TypeVar

    _T = TypeVar("_T")


def _pickled_by_constructor(cls: type[_T]) -> type[_T]:
    """Pickle instances as a constructor call with every field, in order.

    The CLI loads the term base from a pickle on every start, and unpickling a
    frozen slotted dataclass through the generated `__setstate__` (which calls
    `fields()` per object) costs about twice as much.
    """
    names = tuple(f.name for f in fields(cls))  # type: ignore[arg-type]

    def __reduce__(self: Any) -> tuple[type[_T], tuple[Any, ...]]:
        return cls, tuple([getattr(self, name) for name in names])

    cls.__reduce__ = __reduce__  # type: ignore[assignment, method-assign]
    return cls


class Status(StrEnum):
    """TBX administrativeStatus of a rendering, spelled as in the YAML."""

    PREFERRED = "preferred"
    ADMITTED = "admitted"
    DEPRECATED = "deprecated"
    SUPERSEDED = "superseded"

    @property
    def is_variant(self) -> bool:
        """A variant is a rendering to stop using."""
        return self in _VARIANT_STATUSES  # a frozenset: checks ask this of every match


_VARIANT_STATUSES = frozenset({Status.DEPRECATED, Status.SUPERSEDED})


class SourceKind(StrEnum):
    """How close a source stands to the body that issued the wording, strongest first.

    `primary` is the issuing body's own site or publication; `official-reprint`
    a state outlet reprinting it; `mirror` a copy of either on a third-party
    site; `secondary` anyone else's report or study.
    """

    PRIMARY = "primary"
    OFFICIAL_REPRINT = "official-reprint"
    MIRROR = "mirror"
    SECONDARY = "secondary"

    @property
    def rank(self) -> int:
        """0 for the strongest kind; sorting by rank puts the best evidence first."""
        return _SOURCE_RANKS[self]

    @property
    def is_official(self) -> bool:
        """Primary or official-reprint: evidence a preferred rendering can rest on alone."""
        return self in (SourceKind.PRIMARY, SourceKind.OFFICIAL_REPRINT)


# Looked up for every source of every finding: listing the enumeration each time cost 0.1 ms a finding.
_SOURCE_RANKS = {kind: rank for rank, kind in enumerate(SourceKind)}


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


@_pickled_by_constructor
@dataclass(frozen=True, slots=True)
class Position:
    """A 1-based line and column (columns in code points)."""

    line: int
    column: int


@dataclass(frozen=True, slots=True)
class Span:
    """Half-open code-point offsets `start`..`end` into one text."""

    start: int
    end: int

    def __post_init__(self) -> None:
        if not 0 <= self.start <= self.end:
            raise ValueError(f"bad span {self.start}..{self.end}")


@_pickled_by_constructor
@dataclass(frozen=True, slots=True)
class Source:
    """Evidence for official renderings: a publication or URL, and a date."""

    title: str = ""
    publisher: str = ""
    url: str = ""
    date: str = ""
    langs: tuple[str, ...] = ()
    note: str = ""
    kind: SourceKind | None = None
    origin: Position | None = field(default=None, compare=False)


def strongest_kind(sources: tuple[Source, ...]) -> SourceKind | None:
    """The best kind among `sources` (None when none of them says its kind)."""
    kinds = [s.kind for s in sources if s.kind is not None]
    return min(kinds, key=lambda k: k.rank) if kinds else None


@_pickled_by_constructor
@dataclass(frozen=True, slots=True)
class Term:
    """One rendering of a concept in one language, with its status."""

    text: str
    lang: str
    status: Status
    note: str = ""
    fix_to: str | None = None
    abbreviation_of: str | None = None
    since: str = ""
    sources: tuple[Source, ...] = ()
    requires_source: bool = False
    # Publishers whose usage this rendering follows ("xinhua", "mfa"): a project
    # that names its house publisher (`prefer` in [tool.glossary]) gets that
    # publisher's rendering as preferred and the others' as variants.
    used_by: tuple[str, ...] = ()
    origin: Position | None = field(default=None, compare=False)
    path: str = field(default="", compare=False)
    reason: str = ""
    """Why this rendering is (not) used, in one sentence: the line a finding shows by default."""
    # "none": a name written without an article (a fix drops "the"/"a" before it).
    article: str = ""


@_pickled_by_constructor
@dataclass(frozen=True, slots=True)
class Example:
    """A sentence run by `validate`: `fixed=None` means it must stay clean."""

    lang: str
    text: str
    fixed: str | None = None
    origin: Position | None = field(default=None, compare=False)


@_pickled_by_constructor
@dataclass(frozen=True, slots=True)
class SignatureSpec:
    """A concept's hand-written signature in one language (YAML `signature:`).

    Overrides the signature derived from the renderings (glossary.signatures):
    `slots` are (words, required) pairs, `function_words` the words allowed
    between slots (None: the language's default list); `off` turns detection off.
    """

    lang: str
    slots: tuple[tuple[tuple[str, ...], bool], ...] = ()
    function_words: tuple[str, ...] | None = None
    off: bool = False
    origin: Position | None = field(default=None, compare=False)


@_pickled_by_constructor
@dataclass(frozen=True, slots=True)
class Concept:
    """A term base entry: its renderings in every language, sources and examples."""

    id: str
    note: str = ""
    terms: tuple[Term, ...] = ()
    sources: tuple[Source, ...] = ()
    examples: tuple[Example, ...] = ()
    origin: Position | None = field(default=None, compare=False)
    path: str = field(default="", compare=False)
    signatures: tuple[SignatureSpec, ...] = ()

    def terms_in(self, lang: str) -> tuple[Term, ...]:
        return tuple(t for t in self.terms if t.lang == lang)

    def preferred(self, lang: str) -> Term | None:
        """The first preferred rendering in `lang`, the default fix target."""
        return next((t for t in self.terms if t.lang == lang and t.status is Status.PREFERRED), None)

    @property
    def langs(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(t.lang for t in self.terms))

    def sources_for(self, term: Term) -> tuple[Source, ...]:
        """Sources that attest `term`: its own, then the concept's for its language."""
        return term.sources + tuple(s for s in self.sources if term.lang in s.langs)


@dataclass(frozen=True, slots=True)
class Match:
    """One rendering found in a text; the found text is `text[span.start:span.end]`."""

    concept_id: str
    term: Term
    span: Span
    # Form tags from glossary.morph when the text has the term inflected or in
    # the other script ("ru:gent,sing,same", "en:plural", "zh:s2tw"); a fix
    # writes its replacement in the same form. Empty: found as listed.
    form: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Finding:
    """One reported problem; carries data, the message is rendered from `code`.

    `start`/`end` are half-open code-point offsets into the checked text, and
    `line`, `column`, `end_line`, `end_column` the 1-based positions of those
    offsets: the same names and meanings as in the JSON report.
    """

    code: str
    severity: Severity
    start: int
    end: int
    line: int
    column: int
    end_line: int
    end_column: int
    found: str
    concept_id: str | None = None
    suggestion: str | None = None
    reason: str = ""
    fixable: bool = False
    path: str = ""
    lang: str = ""
    unit_id: str | None = None
    fuzzy: bool = False
    brief: str = ""
    """`reason` in one sentence, for the short report (the term's `reason`, else the note's first sentence)."""
    sources: tuple[Source, ...] = ()
    """The suggestion's sources, strongest first: the short report cites the first, `--explain` lists all."""
    # missing-term: the source term that the translation (the span) does not render.
    source_term: str | None = None
    location: tuple[tuple[str, object], ...] | None = None
    """The segment's place in a structured file (.docx), as the JSON report's `location` object."""
    found_sources: tuple[Source, ...] = ()
    """The found rendering's own evidence (a listed variant's: where it was seen in use, such as the
    page a harvest took it from); empty when the term base records none or nothing listed was found."""
    # The edit `glossary fix` makes (case kept, escaped for the file format),
    # computed once when the finding is made; None with `no_fix` saying why.
    fix: Edit | None = None
    no_fix: str = ""
    omitted: int = 0
    """`more-findings`: how many findings of its kind (code `suggestion`, concept) were not made."""

    @property
    def span(self) -> Span:
        return Span(self.start, self.end)

    # The JSON contract of issue #2 names this `concept`.
    @property
    def concept(self) -> str | None:
        return self.concept_id

    @property
    def message(self) -> str:
        """The rendered message, as in the JSON report (untranslated)."""
        from .reporters.messages import message

        return message(self)

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.column}: {self.code} {self.message}"

    # Until 0.2.0 `start`/`end` were Position objects; these aliases give them
    # for one more release.
    @property
    def start_position(self) -> Position:
        """Deprecated: use `line` and `column`."""
        _deprecated("Finding.start_position", "Finding.line and Finding.column")
        return Position(self.line, self.column)

    @property
    def end_position(self) -> Position:
        """Deprecated: use `end_line` and `end_column`."""
        _deprecated("Finding.end_position", "Finding.end_line and Finding.end_column")
        return Position(self.end_line, self.end_column)


def _deprecated(name: str, instead: str) -> None:
    import warnings

    warnings.warn(f"{name} is deprecated and will be removed in 0.3.0; use {instead}",
                  DeprecationWarning, stacklevel=3)


@dataclass(frozen=True, slots=True)
class Edit:
    """Replace the text at `span` with `replacement`."""

    span: Span
    replacement: str


@dataclass(frozen=True, slots=True)
class Segment:
    """A piece of a document's text that is checked as one unit.

    `text` is what the matcher sees (unescaped, inline markup removed). Its
    characters come from the document's text at `start + i` when `starts` is
    None (contiguous text); otherwise char `i` occupies `starts[i]:ends[i]` of
    the document's text (escapes, line continuations, inline tags between).
    """

    text: str
    lang: str | None = None
    start: int = 0
    starts: tuple[int, ...] | None = None
    ends: tuple[int, ...] | None = None
    unit_id: str | None = None
    source_text: str | None = None
    source_lang: str | None = None
    fuzzy: bool = False
    location: tuple[tuple[str, object], ...] | None = None
    """Where the segment sits in a structured file (.docx: part, table, row, cell, paragraph)."""

    def document_span(self, span: Span) -> Span:
        """Map a span of `text` to the span of the document text it came from."""
        if self.starts is None or self.ends is None:
            return Span(self.start + span.start, self.start + span.end)
        if span.start == span.end:
            at = self.starts[span.start] if span.start < len(self.starts) else (self.ends[-1] if self.ends else self.start)
            return Span(at, at)
        return Span(self.starts[span.start], self.ends[span.end - 1])


@dataclass(frozen=True, slots=True)
class Document:
    """A decoded file and the segments to check in it."""

    path: str
    text: str
    segments: tuple[Segment, ...]
    format: str = "text"
    encoding: str = "utf-8"
    bom: bool = False
    raw: bytes | None = field(default=None, compare=False, repr=False)
    """The file's bytes, for formats that are rewritten from their package rather than their text (.docx)."""
    boundaries: tuple[int, ...] = ()
    """Offsets of `text` that a fix may not cross (where a .docx run's formatting changes)."""
