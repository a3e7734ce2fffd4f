"""Reporters: a run's result to text in one output format.

A reporter is a module with `render(report: Report) -> str`, and optionally
`chunks(report) -> Iterator[str]`, the same text in pieces, so a large report
is written as it is made instead of built whole (the CLI uses it when there);
the registry is keyed by the `--format` value. A module that sets `ONE_PASS =
True` reads `report.findings` once, in order, in `chunks`, and `files`,
`errors` and `fixed` only after the last finding: the command line then hands
it the findings as the runner makes them (glossary.runner.stream), with
`sources` holding the text of the file being reported, and no run is held whole.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from importlib import import_module
from types import ModuleType

from ..model import Finding

FORMATS = {"text": "text", "json": "json", "jsonl": "jsonl", "sarif": "sarif", "github": "github", "html": "html"}


@dataclass(frozen=True, slots=True)
class Report:
    """What one run found: findings, the files looked at, and their texts for context."""

    findings: Iterable[Finding]
    """A tuple, or (for ONE_PASS reporters) the findings one by one as a run makes them."""
    files: tuple[str, ...] = ()
    sources: dict[str, str] = field(default_factory=dict, compare=False)
    errors: tuple[str, ...] = ()
    fixed: tuple[str, ...] = ()
    color: bool = False
    verbose: bool = True
    pairs: dict[str, tuple[tuple[str, int, int], ...]] = field(default_factory=dict, compare=False)
    """Bilingual files: each segment's source text and the target's [start, end), for side-by-side views."""
    show_source: bool = False
    """The text report gives each finding its line and a caret (four lines) instead of one line."""
    explain: bool = False
    """The whole note and every source under each finding, under the line and caret (implies `show_source`)."""
    # `check --statistics`: per-concept figures (glossary.rendering_stats.as_json), shown by the JSON report.
    statistics: dict[str, object] | None = None


def reporter(fmt: str) -> ModuleType:
    return import_module(f".{FORMATS[fmt]}", __name__)
