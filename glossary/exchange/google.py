"""Google Cloud Translation glossaries: unidirectional pairs and equivalent term sets.

A unidirectional glossary is a two-column file, TSV or CSV, source text
first, with no header row. An equivalent-term-sets glossary is a CSV file
whose first row holds a language code per column and whose every other row
holds one concept's term in each language; every term of a row is taken as
equivalent to the others in both directions. A glossary is at most ten
million Unicode code points. Cloud Translation replaces the source text it
finds as written (case aside): inflected forms are not matched.

In a term set every column is also a target, so only the preferred
rendering of each language goes in: extra source forms (short forms, the
other script) would become renderings into the source language.
"""

from __future__ import annotations

import csv
import io

from .mt import Glossary, Limits, check_size, engine_code

NAME = "google"
VARIANTS = ("tsv", "csv")
LIMITS = Limits(file_code_points=10_000_000, forbid="\t")


def render(glossary: Glossary, variant: str = "tsv") -> str:
    """The unidirectional glossary (first target language)."""
    if variant == "tsv":
        text = "".join(f"{p.source}\t{p.targets[0]}\n" for p in glossary.pairs)
    else:
        buffer = io.StringIO()
        csv.writer(buffer, lineterminator="\n").writerows((p.source, p.targets[0]) for p in glossary.pairs)
        text = buffer.getvalue()
    check_size(text, LIMITS, "Google")
    return text


def render_term_sets(glossary: Glossary) -> str:
    """The equivalent-term-sets CSV: a language-code header, then one row per concept."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow([engine_code(glossary.source_lang)] + [engine_code(t) for t in glossary.target_langs])
    seen: set[str] = set()
    for pair in glossary.pairs:
        if pair.concept in seen:
            continue  # the concept's first pair has its preferred source term
        seen.add(pair.concept)
        writer.writerow([pair.source, *pair.targets])
    text = buffer.getvalue()
    check_size(text, LIMITS, "Google")
    return text
