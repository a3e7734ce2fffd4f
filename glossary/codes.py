"""Documentation of each finding code: the text behind SARIF rules and docs/codes.md.

The registry of codes, their severities, one-line summaries and message
templates is `glossary.checks.CHECKS`; this table adds what a code-scanning UI
shows beside an alert: a longer description and what to do about it. Codes
are stable, untranslated identifiers; the prose is marked for translation.
"""

from __future__ import annotations

from dataclasses import dataclass

from glossary.i18n import N_

DOCS_PAGE = "docs/codes.md"


@dataclass(frozen=True, slots=True)
class CodeDoc:
    """A finding code's full description and how to act on it."""

    code: str
    description: str
    help: str


DOCS: tuple[CodeDoc, ...] = (
    CodeDoc(
        "deprecated-term",
        N_("The term base marks this rendering as one to stop using: a calque, a mistranslation or an unofficial form of a concept that has an official rendering."),
        N_("Replace it with the official rendering (glossary fix does this). Where a text must keep it, override the term in a project term base passed with --termbase."),
    ),
    CodeDoc(
        "superseded-term",
        N_("This rendering was official once and has been officially replaced; the term base records when and by which rendering."),
        N_("Replace it with the current official rendering (glossary fix does this). Where a text must keep it, such as a historical quotation, override the term in a project term base passed with --termbase."),
    ),
    CodeDoc(
        "mixed-renderings",
        N_("One text renders one concept in two ways that the term base does not relate (as a term, its short form, its abbreviation or an inflected form), which makes readers wonder whether two things are meant."),
        N_("Keep one rendering throughout the text, preferably the official one."),
    ),
    CodeDoc(
        "encoding-damage",
        N_("UTF-8 text was decoded as Windows-1252 or Latin-1 somewhere on its way (mojibake), so that, for example, an em dash came out as three characters starting with \"â\"."),
        N_("Repair the text (glossary fix --fix-encoding does this) and check how the file was converted."),
    ),
    CodeDoc(
        "missing-term",
        N_("The source segment names a concept more often than its translation renders it: not at all (an error) or fewer times (a warning). A deprecated rendering or a source term left in the translation counts as a rendering, since it is reported on its own."),
        N_("Render the concept with its official rendering, once for each mention in the source. Where the translation rightly leaves it out, add a suppression comment naming the concept."),
    ),
    CodeDoc(
        "untranslated-term",
        N_("A term of the source language was copied into the translation as it is, such as Han characters of a known concept in an English text."),
        N_("Replace it with the official rendering in the language of the translation."),
    ),
    CodeDoc(
        "unlisted-variant",
        N_("Words that fill the slots of a concept's signature (its content words by lemma, with the synonyms seen across its renderings) in a form the term base does not list: a synonym, another number on the head noun, words reordered or one dropped."),
        N_("Use the suggested official rendering (glossary fix --unsafe-fixes applies it). If the form is a real variant, add it to the term base; glossary variants lists them for a corpus."),
    ),
    CodeDoc(
        "check-grammar",
        N_("A fix replaced a rendering, but the words next to it may need to change with it: an article before a word whose first sound its spelling does not tell, or a verb after a subject whose number changed."),
        N_("Read the sentence after the fix and adjust the article or the verb by hand."),
    ),
    CodeDoc(
        "unused-suppression",
        N_("An inline glossary-disable comment has no finding in its scope, so it silences nothing; left in place it would silence a later, real finding."),
        N_("Remove the comment, or correct the concept id or code it names."),
    ),
    CodeDoc(
        "more-findings",
        N_("One segment holds more findings of one code and concept than the cap (max-per-segment, 1000 unless set): the report lists that many and this note counts the rest, so a file full of damaged encoding or of one repeated rendering gives a report of readable size."),
        N_("Fix what is listed (glossary fix fixes every finding, listed or not) and check again, or raise the cap with --max-per-segment or max-per-segment in the settings (0 lists them all)."),
    ),
)
_BY_CODE = {doc.code: doc for doc in DOCS}
GENERIC = CodeDoc("", N_("A finding reported by glossary."), N_("See the documentation of the code."))


def doc(code: str) -> CodeDoc:
    """The documentation entry for `code`, or a generic one for a code this table lacks."""
    return _BY_CODE.get(code, GENERIC)


def docs_url() -> str:
    """The documentation folder in the project's repository."""
    from .project import DOCS_URL

    return DOCS_URL


def help_uri(code: str) -> str:
    """Where the documentation of `code` lives (a section of docs/codes.md)."""
    return f"{docs_url()}/codes.md#{code}"
