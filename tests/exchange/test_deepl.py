"""DeepL entries, read back as DeepL reads them: TSV split on tabs, or CSV, two columns, no header."""

from __future__ import annotations

import csv
import io

import glossary
from glossary.exchange import deepl
from glossary.exchange.mt import build


def glossary_for(lang="en"):
    tb = glossary.load()
    return build(tb, list(tb.concepts), "zh", [lang], deepl.LIMITS)


def check_entries(rows):
    sources = [r[0] for r in rows]
    assert len(sources) == len(set(sources)), "a source phrase may appear once per dictionary"
    for source, target in rows:
        assert source and target and source == source.strip() and target == target.strip()
        assert len(source.encode()) <= 1024 and len(target.encode()) <= 1024


def test_tsv_entries():
    text = deepl.render(glossary_for(), "tsv")
    lines = text.splitlines()
    assert all(len(line.split("\t")) == 2 for line in lines)
    rows = [tuple(line.split("\t")) for line in lines]
    check_entries(rows)
    assert ("一带一路", "Belt and Road Initiative") in rows
    assert ("一帶一路", "Belt and Road Initiative") in rows
    assert not any(r[1] == "One Belt, One Road" for r in rows)


def test_csv_entries():
    rows = [tuple(r) for r in csv.reader(io.StringIO(deepl.render(glossary_for("ru"), "csv")))]
    assert all(len(r) == 2 for r in rows)
    check_entries(rows)
    assert ("一带一路", "Пояс и путь") in rows
