"""Findings shaped like the checks' output, shared by the reporter tests."""

from __future__ import annotations

from glossary.model import Finding, Severity


def sample() -> list[Finding]:
    """A mix that exercises every rendering rule: Han columns, a line break, escapes."""
    return [
        Finding(
            code="superseded-term",
            severity=Severity.WARNING,
            start=40,
            end=58,
            line=3,
            column=9,
            end_line=3,
            end_column=27,
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
            start=7,
            end=30,
            line=1,
            column=8,
            end_line=2,
            end_column=12,
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
            start=5,
            end=9,
            line=1,
            column=6,
            end_line=1,
            end_column=10,
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
            start=0,
            end=3,
            line=12,
            column=1,
            end_line=12,
            end_column=4,
            found="BRI",
            concept_id="belt-and-road",
            suggestion="100% Belt, Road: Initiative",
            path="notes,v2:final.txt",
            lang="en",
        ),
    ]
