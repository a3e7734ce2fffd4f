"""Render a finding's message from its code's template (shared by reporters)."""

from __future__ import annotations

from collections.abc import Callable, Mapping

from ..checks import BY_CODE
from ..i18n import N_
from ..model import Finding

NO_SUGGESTION = N_("no official rendering is recorded")


def message(finding: Finding, translate: Callable[[str], str] = lambda s: s, short: bool = False,
            paint: Mapping[str, Callable[[str], str]] | None = None) -> str:
    """The finding's message; `short`: the code's concise wording where it has one and a suggestion is known.

    `paint` styles the placeholders' values (the text report colours what was
    found and what to write), never the template's own words.
    """
    check = BY_CODE.get(finding.code)
    template = "{found}"
    if check is not None:
        concise = short and check.short is not None and finding.suggestion is not None
        template = translate(check.short if concise else check.message)  # type: ignore[arg-type]
    suggestion = finding.suggestion if finding.suggestion is not None else translate(NO_SUGGESTION)
    values = {"found": finding.found.replace("\n", " "), "suggestion": suggestion,
              "source_term": (finding.source_term or "").replace("\n", " ")}
    for key, fn in (paint or {}).items():
        values[key] = fn(values[key])
    return template.format(**values, count=finding.omitted)
