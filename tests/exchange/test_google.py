"""Google Cloud Translation glossaries read back with the csv module under Google's rules."""

from __future__ import annotations

import csv
import io

import glossary
from glossary.exchange import google
from glossary.exchange.mt import build


def glossary_for(langs):
    tb = glossary.load()
    return build(tb, list(tb.concepts), "zh", langs, google.LIMITS)


def test_unidirectional_tsv_and_csv_have_two_columns_and_no_header():
    for variant in ("tsv", "csv"):
        text = google.render(glossary_for(["en"]), variant)
        reader = csv.reader(io.StringIO(text), delimiter="\t" if variant == "tsv" else ",")
        rows = list(reader)
        assert all(len(r) == 2 for r in rows)
        assert rows[0] == ["一带一路", "Belt and Road Initiative"]  # data from the first row on
        assert len({r[0] for r in rows}) == len(rows)


def test_equivalent_term_sets_have_a_language_code_header_and_one_row_per_concept():
    tb = glossary.load()
    rows = list(csv.reader(io.StringIO(google.render_term_sets(glossary_for(["en", "ru"])))))
    assert rows[0] == ["zh", "en", "ru"]
    body = rows[1:]
    assert all(len(r) == 3 for r in body)
    assert len({r[0] for r in body}) == len(body)
    assert ["一带一路", "Belt and Road Initiative", "Пояс и путь"] in body
    # Only preferred terms: a term set is read in every direction.
    for row in body:
        concept = next(c for c in tb.concepts if row[0] in {t.text for t in c.terms_in("zh")})
        assert row[1] == (concept.preferred("en").text if concept.preferred("en") else "")
