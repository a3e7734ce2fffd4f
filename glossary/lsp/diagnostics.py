"""Findings as LSP diagnostics: range, severity, code with its documentation, the concept as related information."""

from __future__ import annotations

from lsprotocol import types as lsp

from ..i18n import _
from ..model import Finding, Severity
from ..reporters.messages import message
from ..termbase import TermBase
from .session import Checked, path_to_uri
from .units import Lines

SOURCE = "glossary"

SEVERITIES = {Severity.ERROR: lsp.DiagnosticSeverity.Error, Severity.WARNING: lsp.DiagnosticSeverity.Warning,
              Severity.INFO: lsp.DiagnosticSeverity.Information}

# Codes whose span is a rendering to stop using: editors strike it through.
_STRUCK = frozenset({"deprecated-term", "superseded-term"})


def span_range(lines: Lines, start: int, end: int, shift: int = 0) -> lsp.Range:
    """The LSP range of code-point offsets `start`..`end` of the checked text."""
    (l1, c1), (l2, c2) = lines.position(start + shift), lines.position(end + shift)
    return lsp.Range(lsp.Position(l1, c1), lsp.Position(l2, c2))


def concept_location(termbase: TermBase | None, concept_id: str | None) -> lsp.Location | None:
    """Where the concept is defined in its term base file (its line), when that is known."""
    if termbase is None or concept_id is None or concept_id not in termbase:
        return None
    concept = termbase.concept(concept_id)
    if not concept.path or concept.origin is None:
        return None
    at = lsp.Position(max(concept.origin.line - 1, 0), max(concept.origin.column - 1, 0))
    return lsp.Location(path_to_uri(concept.path), lsp.Range(at, at))


def diagnostic(finding: Finding, lines: Lines, termbase: TermBase | None = None, shift: int = 0) -> lsp.Diagnostic:
    """One finding as a diagnostic."""
    from ..codes import help_uri

    related = None
    where = concept_location(termbase, finding.concept_id)
    if where is not None:
        # TRANSLATORS: related information of a diagnostic, pointing at the term base entry.
        related = [lsp.DiagnosticRelatedInformation(where, _("concept {concept} in the term base").format(
            concept=finding.concept_id))]
    return lsp.Diagnostic(
        range=span_range(lines, finding.start, finding.end, shift),
        message=message(finding, _),
        severity=SEVERITIES[finding.severity],
        code=finding.code,
        code_description=lsp.CodeDescription(help_uri(finding.code)),
        source=SOURCE,
        tags=[lsp.DiagnosticTag.Deprecated] if finding.code in _STRUCK else None,
        related_information=related,
    )


def diagnostics(checked: Checked, termbase: TermBase | None = None, encoding: str = "utf-16") -> list[lsp.Diagnostic]:
    """Every finding of a checked document, or its input error as one diagnostic at its position."""
    lines = Lines(checked.text, encoding)
    outcome = checked.outcome
    if outcome.error is not None:
        return [error_diagnostic(outcome.error, lines, outcome.path)]
    return [diagnostic(f, lines, termbase, checked.shift) for f in outcome.findings]


def error_diagnostic(error: Exception, lines: Lines, path: str) -> lsp.Diagnostic:
    """A settings file, term base or parse error: at its line when it is in this document, else at the top."""
    line, column = 0, 0
    if getattr(error, "path", None) == path:
        line = max((getattr(error, "line", None) or 1) - 1, 0)
        column = max((getattr(error, "column", None) or 1) - 1, 0)
        if line >= len(lines.starts):
            line, column = 0, 0
    at = lsp.Position(line, column)
    return lsp.Diagnostic(lsp.Range(at, at), str(error), severity=lsp.DiagnosticSeverity.Error, source=SOURCE)
