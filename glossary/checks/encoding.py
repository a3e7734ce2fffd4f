"""`encoding-damage`: mojibake, reported always, fixable only with --fix-encoding."""

from __future__ import annotations

import re

from ..model import Document, Finding, Segment
from ..positions import LineIndex
from . import Context, Flood, Options, make_finding

# Every run of mojibake starts with a character that a UTF-8 lead byte becomes (glossary.encoding's
# `_LEAD_RE`, the same class) followed by a character that a continuation byte becomes, which is
# never ASCII, or with "Ã" and a space (an "à" whose no-break space became a space): a text without
# such a pair holds no damage, whatever the gate says. Most text in Cyrillic or Han script, with curly
# quotes and dashes, has none, nor has English with an accented word ("communiqué", "Côte d'Ivoire");
# the detector's import builds tables and costs more than checking a small file for it. The pattern
# opens with the lead class alone (the "Ã " branch as a look-behind) so that the regex engine skips
# to lead characters by that class: an alternation at the top scans every position, 2-3 times slower
# on Han or Cyrillic text that has no lead character at all.
_PAIR = re.compile("[\u00c2-\u00f4](?:[^\x00-\x7f]|(?<=\u00c3) )")


def run(context: Context) -> list[Finding]:
    gate = context.window.gate if context.window is not None else None
    return [f for segment, lang, _matches in context.scanned
            for f in in_segment(context.document, segment, context.index, context.options, context.flood, lang, gate)]


def in_segment(document: Document, segment: Segment, index: LineIndex, options: Options,
               flood: Flood | None = None, lang: str = "", gate: bool | None = None) -> list[Finding]:
    """`gate`: whether the larger text the segment is part of can hold damage (None: the segment's own says)."""
    findings: list[Finding] = []
    if segment.text.isascii() or _PAIR.search(segment.text) is None:
        return findings  # no damage is possible; the detector is not even imported
    from ..encoding import iter_damage

    for damage in iter_damage(segment.text, gate=gate):
        if flood is not None and not flood.admit(segment, "encoding-damage", None, damage.span, lang):
            continue
        findings.append(make_finding("encoding-damage", document, segment, index, damage.span,
                                     fixable=options.fix_encoding, verbatim=True, suggestion=damage.repaired,
                                     reason="UTF-8 text decoded as Windows-1252 or Latin-1"))
    return findings
