"""`encoding-damage`: mojibake, reported always, fixable only with --fix-encoding."""

from __future__ import annotations

from ..model import Document, Finding, Segment
from ..positions import LineIndex
from . import Context, Flood, Options, make_finding


def run(context: Context) -> list[Finding]:
    gate = context.window.gate if context.window is not None else None
    return [f for segment, lang, _matches in context.scanned
            for f in in_segment(context.document, segment, context.index, context.options, context.flood, lang, gate)]


def in_segment(document: Document, segment: Segment, index: LineIndex, options: Options,
               flood: Flood | None = None, lang: str = "", gate: bool | None = None) -> list[Finding]:
    """`gate`: whether the larger text the segment is part of can hold damage (None: the segment's own says)."""
    findings: list[Finding] = []
    if segment.text.isascii():
        return findings  # no damage is possible; the detector is not even imported
    from ..encoding import iter_damage

    for damage in iter_damage(segment.text, gate=gate):
        if flood is not None and not flood.admit(segment, "encoding-damage", None, damage.span, lang):
            continue
        findings.append(make_finding("encoding-damage", document, segment, index, damage.span,
                                     fixable=options.fix_encoding, verbatim=True, suggestion=damage.repaired,
                                     reason="UTF-8 text decoded as Windows-1252 or Latin-1"))
    return findings
