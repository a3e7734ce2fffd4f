"""Amazon Translate custom terminology: CSV by the csv module, TMX through the project's own reader."""

from __future__ import annotations

import csv
import io

import glossary
from glossary.exchange import amazon
from glossary.exchange.mt import build
from glossary.readers import load as read


def glossary_for(langs, every_target=True):
    tb = glossary.load()
    return build(tb, list(tb.concepts), "zh", langs, amazon.LIMITS, every_target=every_target)


def test_csv_has_a_language_code_header_and_short_terms():
    rows = list(csv.reader(io.StringIO(amazon.render(glossary_for(["en", "ru"]), "csv"))))
    assert rows[0] == ["zh", "en", "ru"]
    assert all(len(r) == 3 and all(r) for r in rows[1:])
    assert all(len(cell.encode()) <= 200 for row in rows for cell in row)
    sources = [r[0].casefold() for r in rows[1:]]
    assert len(sources) == len(set(sources)), "one translation per source term"
    assert ["一帶一路", "Belt and Road Initiative", "Пояс и путь"] in rows


def test_tsv_variant():
    lines = amazon.render(glossary_for(["en"]), "tsv").splitlines()
    assert lines[0] == "zh\ten"
    assert all(len(line.split("\t")) == 2 for line in lines)


def test_tmx_reads_back_through_the_project_reader():
    result = glossary_for(["en", "ru"])
    text = amazon.render(result, "tmx")
    document = read("terms.tmx", text.encode("utf-8"))
    pairs = {(s.source_text, s.lang, s.text) for s in document.segments}
    assert len(document.segments) == 2 * len(result.pairs)
    assert ("一带一路", "en", "Belt and Road Initiative") in pairs
    assert ("上合组织", "ru", "Шанхайская организация сотрудничества") in pairs
    assert all(s.source_lang == "zh" for s in document.segments)


def test_tmx_escapes_markup():
    from glossary.exchange.mt import Glossary, Pair

    text = amazon.render_tmx(Glossary("en", ("ru",), (Pair("x", "R&D <b>", ('«A & B»',)),)))
    segment = read("t.tmx", text.encode()).segments[0]
    assert segment.source_text == "R&D <b>" and segment.text == "«A & B»"
