from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from glossary.exchange import ExchangeError
from glossary.exchange.csv import HEADER, export_csv, import_csv, languages
from tests.exchange.concepts import sample

DATA = Path(__file__).parent.parent / "data" / "exchange"


def export_all(concepts, source_lang="zh"):
    return [(f"{lang}.csv", lang, export_csv(concepts, lang, source_lang)) for lang in languages(concepts, source_lang)]


def test_round_trip_through_one_file_per_language():
    files = export_all(sample())
    assert [lang for _p, lang, _t in files] == ["zh", "zh-Hant", "en", "ru"]
    assert import_csv(files) == sample()


def test_round_trip_is_byte_identical():
    files = export_all(sample())
    again = export_all(import_csv(files))
    assert again == files


def test_weblate_columns_and_line_ends():
    text = export_csv(sample(), "en")
    assert text.startswith(",".join(HEADER) + "\r\n")
    rows = list(csv.DictReader(io.StringIO(text, newline="")))
    first = rows[0]
    assert (first["source"], first["target"], first["context"], first["fuzzy"]) == ("一带一路", "Belt and Road Initiative", "belt-and-road", "False")
    assert [r["context"] for r in rows[:3]] == ["belt-and-road", "belt-and-road#2", "belt-and-road#3"]
    superseded = next(r for r in rows if r["target"] == "One Belt, One Road")
    assert superseded["translator_comments"] == "FORBIDDEN translation (superseded): use “Belt and Road”.\nReplaced by notice: 2015."
    assert superseded["developer_comments"].splitlines()[:2] == ["status: superseded", "fix_to: Belt and Road"]


def test_a_glossary_written_in_weblate_imports_one_concept_per_source():
    text = (
        "location,source,target,id,fuzzy,context,translator_comments,developer_comments\r\n"
        ",上海合作组织,Shanghai Cooperation Organisation,,False,,,\r\n"
        ",上合组织,SCO,,False,,short name,\r\n"
        ",上合组织,,,False,,,\r\n"
        ",峰会,summit,,False,Event,,\r\n"
    )
    concepts = import_csv([("en.csv", "en", text)])
    assert [c.id for c in concepts] == ["shanghai-cooperation-organisation", "sco", "event"]
    sco = concepts[1]
    assert [(t.lang, t.text, t.status.value) for t in sco.terms] == [("zh", "上合组织", "preferred"), ("en", "SCO", "admitted")]
    assert sco.terms[1].note == "short name"


def test_weblate_rows_for_the_same_source_in_two_languages_meet_in_one_concept():
    head = "location,source,target,id,fuzzy,context,translator_comments,developer_comments\r\n"
    (concept,) = import_csv([("en.csv", "en", head + ",峰会,summit,,False,,,\r\n"), ("ru.csv", "ru", head + ",峰会,саммит,,False,,,\r\n")])
    assert [(t.lang, t.text) for t in concept.terms] == [("zh", "峰会"), ("en", "summit"), ("ru", "саммит")]


@pytest.mark.parametrize(
    ("name", "message", "line"),
    [
        ("unknown-status.csv", 'unknown status "forbidden"', 2),
        ("not-weblate.csv", "not a Weblate glossary CSV", 1),
        ("short-row.csv", "expected 8 fields, found 6", 2),
    ],
)
def test_bad_input_names_file_and_line(name, message, line):
    path = DATA / "bad" / name
    with pytest.raises(ExchangeError) as info:
        import_csv([(str(path), "en", path.read_text(encoding="utf-8"))])
    assert info.value.message.startswith(message)
    assert info.value.line == line


def test_deprecated_and_superseded_rows_say_they_are_forbidden() -> None:
    """Issue 12, point 8: a variant is not offered as a plain target; its explanation forbids it."""
    import csv as csvmod
    import io

    from glossary.exchange.csv import export_csv
    from tests.exchange.concepts import sample

    rows = list(csvmod.DictReader(io.StringIO(export_csv(sample(), "en"))))
    by_target = {r["target"]: r["translator_comments"] for r in rows}
    assert by_target["One Belt, One Road"].startswith("FORBIDDEN translation (superseded): use “Belt and Road”.")
    assert by_target["OBOR"].startswith("FORBIDDEN translation (superseded): use “BRI”.")
    assert not by_target["Belt and Road Initiative"].startswith("FORBIDDEN")
