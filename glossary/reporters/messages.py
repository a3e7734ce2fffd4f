"""Render a finding's message from its code's template (shared by reporters)."""

from __future__ import annotations

from collections.abc import Callable

from ..checks import BY_CODE
from ..i18n import N_
from ..model import Finding

NO_SUGGESTION = N_("no official rendering is recorded")


def message(finding: Finding, translate: Callable[[str], str] = lambda s: s) -> str:
    template = translate(BY_CODE[finding.code].message) if finding.code in BY_CODE else "{found}"
    suggestion = finding.suggestion if finding.suggestion is not None else translate(NO_SUGGESTION)
    return template.format(found=finding.found.replace("\n", " "), suggestion=suggestion,
                           source_term=(finding.source_term or "").replace("\n", " "), count=finding.omitted)
