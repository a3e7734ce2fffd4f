"""What is reported of the raw findings: settings, quotations, suppression comments.

Applied in this order: codes and concepts disabled in the settings are dropped;
variant renderings inside marked quotations (glossary.quotes) are dropped when
`exempt_quotes` covers their concept (it does by default); inline suppression comments drop what they name (and
unused ones are reported); last, severities are overridden from the settings.
"""

from __future__ import annotations

from dataclasses import replace

from ..model import Finding
from . import FLOOD, Context, Options

QUOTABLE = frozenset({"deprecated-term", "superseded-term", "mixed-renderings", "check-grammar"})


def _exempt(options: Options, concept_id: str | None) -> bool:
    rule = options.exempt_quotes
    if isinstance(rule, bool):
        return rule
    return concept_id in rule


def _kind(finding: Finding) -> str:
    """The code a finding stands for: a `more-findings` note stands for the findings it counts."""
    return finding.suggestion or "" if finding.code == FLOOD else finding.code


def apply(context: Context, findings: list[Finding]) -> list[Finding]:
    """What of the checks' raw findings is reported, in the order of the module docstring."""
    from .. import quotes

    document, index, scanned, options = context.document, context.index, context.scanned, context.options
    kept = [f for f in findings if f.code not in options.disable and f.concept_id not in options.disable_concepts]
    if options.exempt_quotes and any(_kind(f) in QUOTABLE for f in kept):
        quoted = quotes.quoted_spans(document.text, document.format)
        if quoted:
            kept = [f for f in kept if not (_kind(f) in QUOTABLE and _exempt(options, f.concept_id)
                                            and quotes.inside(f.span, quoted))]
    if "glossary-" in document.text:  # every directive names itself so; most texts have none
        from .. import suppress

        kept = suppress.apply(document, kept, index, report_unused=suppress.UNUSED not in options.disable)
    if options.severity:
        levels = dict(options.severity)
        kept = [replace(f, severity=levels[f.code]) if f.code in levels else f for f in kept]
    kept.sort(key=lambda f: (f.span.start, f.span.end, f.code))
    return kept
