"""Amazon Translate custom terminology: CSV or TSV with a language-code header, or TMX.

The first row names each column's language; used as a unidirectional
terminology, the first column is the source and the others (up to ten) are
targets. TMX 1.4 holds one `<tu>` per entry with a `<tuv xml:lang>` per
language. A source or target text is at most 200 bytes and a file at most
10 MB. Amazon Translate applies an entry where the input holds its source
text exactly (letter case aside), so inflected forms are not matched.
"""

from __future__ import annotations

import csv
import io

from ..readers._xml import escape
from .mt import Glossary, Limits, check_size, engine_code

NAME = "amazon"
VARIANTS = ("csv", "tsv", "tmx")
LIMITS = Limits(term_bytes=200, file_bytes=10 * 1000 * 1000, forbid="\t")
MAX_TARGETS = 10


def _header(glossary: Glossary) -> list[str]:
    return [engine_code(glossary.source_lang)] + [engine_code(t) for t in glossary.target_langs]


def render(glossary: Glossary, variant: str = "csv") -> str:
    if variant == "tmx":
        text = render_tmx(glossary)
    elif variant == "tsv":
        lines = ["\t".join(_header(glossary))] + ["\t".join((p.source, *p.targets)) for p in glossary.pairs]
        text = "\n".join(lines) + "\n"
    else:
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(_header(glossary))
        writer.writerows((p.source, *p.targets) for p in glossary.pairs)
        text = buffer.getvalue()
    check_size(text, LIMITS, "Amazon Translate")
    return text


def _attr(text: str) -> str:
    return escape(text).replace('"', "&quot;")


def render_tmx(glossary: Glossary) -> str:
    codes = _header(glossary)
    count: dict[str, int] = {}
    out = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<tmx version="1.4">',
        f'  <header creationtool="glossary" creationtoolversion="1" datatype="plaintext" segtype="phrase" '
        f'adminlang="en" srclang="{_attr(codes[0])}" o-tmf="glossary"/>',
        "  <body>",
    ]
    for pair in glossary.pairs:
        count[pair.concept] = count.get(pair.concept, 0) + 1
        tuid = pair.concept if count[pair.concept] == 1 else f"{pair.concept}#{count[pair.concept]}"
        out.append(f'    <tu tuid="{_attr(tuid)}">')
        for code, text in zip(codes, (pair.source, *pair.targets)):
            out.append(f'      <tuv xml:lang="{_attr(code)}"><seg>{escape(text)}</seg></tuv>')
        out.append("    </tu>")
    out += ["  </body>", "</tmx>", ""]
    return "\n".join(out)
