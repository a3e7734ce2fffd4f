"""DeepL glossary entries: one dictionary per language pair, source phrase first.

DeepL takes a dictionary's entries as TSV (source, tab, target) or CSV (two
columns, standard quoting), one entry per line, no header. A source phrase
may appear once per dictionary; each phrase is at most 1024 UTF-8 bytes and
a glossary at most 10 MiB. DeepL adapts an entry's target to the sentence
(case, number, gender), so entries are given in their dictionary form.
"""

from __future__ import annotations

import csv
import io

from .mt import Glossary, Limits, check_size

NAME = "deepl"
VARIANTS = ("tsv", "csv")
LIMITS = Limits(term_bytes=1024, file_bytes=10 * 1024 * 1024, forbid="\t")


def render(glossary: Glossary, variant: str = "tsv") -> str:
    if variant == "tsv":
        text = "".join(f"{p.source}\t{p.targets[0]}\n" for p in glossary.pairs)
    else:
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerows((p.source, p.targets[0]) for p in glossary.pairs)
        text = buffer.getvalue()
    check_size(text, LIMITS, "DeepL")
    return text
