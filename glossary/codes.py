"""What each finding code means: the one table behind SARIF rules, messages and docs/codes.md.

Codes are stable, untranslated identifiers. The descriptions here are shown to
users (SARIF rule text, GitHub titles), so they are marked for translation and
translated where they are rendered.
"""

from __future__ import annotations

from dataclasses import dataclass

from glossary.i18n import N_, _
from glossary.model import Finding

DOCS_PAGE = "docs/codes.md"
# The rendered docs page; the SARIF help URI of a code is this plus `#<code>`.
DOCS_URL = "https://glossary.invalid/docs/codes.md"


@dataclass(frozen=True, slots=True)
class CodeInfo:
    """A finding code's name, its one-line and full descriptions, and how to act on it."""

    code: str
    summary: str
    description: str
    help: str
    message: str  # template with named placeholders: {found}, {suggestion}, {concept}


CODES: tuple[CodeInfo, ...] = (
    CodeInfo(
        "deprecated-term",
        N_("A deprecated rendering of a term-base concept is used."),
        N_("The term base marks this rendering as one to stop using: wrong, unofficial or misleading."),
        N_("Replace it with the official rendering (glossary fix does this), or silence the line with a glossary-disable comment naming the concept."),
        N_('"{found}" is a deprecated rendering of {concept}; use "{suggestion}"'),
    ),
    CodeInfo(
        "superseded-term",
        N_("A superseded rendering of a term-base concept is used."),
        N_("This rendering was once official and has been officially replaced by another one."),
        N_("Replace it with the current official rendering (glossary fix does this), or silence the line with a glossary-disable comment naming the concept."),
        N_('"{found}" is a superseded rendering of {concept}; use "{suggestion}"'),
    ),
    CodeInfo(
        "mixed-renderings",
        N_("One document renders one concept in more than one way."),
        N_("A concept appears under two renderings in one document that are not a term and its own abbreviation."),
        N_("Keep one rendering throughout the document, preferably the official one."),
        N_('"{found}" renders {concept} differently from earlier in this document ("{suggestion}")'),
    ),
    CodeInfo(
        "missing-term",
        N_("The source names a concept that its translation does not render."),
        N_("In a bilingual file, the source segment contains a term-base concept and the target segment has no preferred or admitted rendering of it."),
        N_("Translate the concept with its official rendering, or silence the unit with a glossary-disable comment."),
        N_('the source names {concept} but the translation has no official rendering of it ("{suggestion}")'),
    ),
    CodeInfo(
        "untranslated-term",
        N_("A source-language term was left untranslated in the target."),
        N_("In a bilingual file, the target segment still contains the source-language term of a concept."),
        N_("Replace it with the official rendering in the target language."),
        N_('"{found}" was left untranslated; use "{suggestion}"'),
    ),
    CodeInfo(
        "encoding-damage",
        N_("The text contains mojibake from a wrong character encoding."),
        N_("Characters were decoded with the wrong encoding at some point (for example UTF-8 read as Windows-1252)."),
        N_("Repair the text (glossary fix --encoding does this when asked) and check how the file was converted."),
        N_('"{found}" looks like damaged encoding of "{suggestion}"'),
    ),
)

_BY_CODE = {info.code: info for info in CODES}
GENERIC = CodeInfo(
    "",
    N_("A terminology finding."),
    N_("A finding reported by glossary."),
    N_("See the documentation of the code."),
    N_('"{found}": {concept}'),
)


def info(code: str) -> CodeInfo:
    """The table entry for `code`, or a generic one for a code this table does not know."""
    return _BY_CODE.get(code, GENERIC)


def help_uri(code: str) -> str:
    """Where the documentation of `code` lives (a section of docs/codes.md)."""
    return f"{DOCS_URL}#{code}"


def message(finding: Finding) -> str:
    """The finding's one-line message in the UI language."""
    return _(info(finding.code).message).format(
        found=finding.found,
        suggestion=finding.suggestion or "",
        concept=finding.concept_id or "",
    )
