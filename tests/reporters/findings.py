"""Findings shaped like the checks' output, shared by the reporter tests."""

from __future__ import annotations

from glossary.model import Finding, Position, Severity, Span


def sample() -> list[Finding]:
    """A mix that exercises every rendering rule: Han columns, a line break, escapes."""
    return [
        Finding(
            code="superseded-term",
            severity=Severity.WARNING,
            span=Span(40, 58),
            start=Position(3, 9),
            end=Position(3, 27),
            found="One Belt, One Road",
            concept_id="belt-and-road",
            suggestion="Belt and Road",
            reason="Replaced by official notice in September 2015.",
            fixable=True,
            path="docs/speech draft.md",
            lang="en",
        ),
        Finding(
            code="deprecated-term",
            severity=Severity.WARNING,
            span=Span(7, 30),
            start=Position(1, 8),
            end=Position(2, 12),
            found="community of\ncommon destiny",
            concept_id="community-shared-future",
            suggestion="community with a shared future",
            fixable=True,
            path="docs/speech draft.md",
            lang="en",
        ),
        Finding(
            code="deprecated-term",
            severity=Severity.ERROR,
            span=Span(5, 9),
            start=Position(1, 6),
            end=Position(1, 10),
            found="一带一路",
            concept_id="belt-and-road",
            suggestion="«Пояс и путь»",
            fixable=False,
            path="po/ru.po",
            lang="ru",
            unit_id="msg:17",
            fuzzy=True,
        ),
        Finding(
            code="mixed-renderings",
            severity=Severity.INFO,
            span=Span(0, 3),
            start=Position(12, 1),
            end=Position(12, 4),
            found="BRI",
            concept_id="belt-and-road",
            suggestion="100% Belt, Road: Initiative",
            path="notes,v2:final.txt",
            lang="en",
        ),
    ]
