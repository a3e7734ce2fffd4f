from __future__ import annotations

import html

import pytest

from glossary.errors import InputError
from glossary.readers import tmx

from .helpers import DATA, every_char_maps_back, locate, read


def test_every_non_source_variant_is_a_segment():
    doc = tmx.parse(*read("tmx/memory.tmx"))
    assert [(s.unit_id, s.lang, s.text) for s in doc.segments] == [
        ("t1", "en", "Joint work on the One Belt, One Road has borne rich fruit."),
        ("t2", "en", "We will build a community of common destiny."),
        ("3", "en", "The OBOR plan"),
        ("3", "ru", "Инициатива «Один пояс, один путь»"),
    ]
    assert {s.source_lang for s in doc.segments} == {"zh"}
    assert doc.segments[1].source_text == "推动构建人类命运共同体。"
    assert doc.segments[2].source_text == "一带一路倡议"


def test_positions_skip_bpt_ept_and_ph_codes():
    doc = tmx.parse(*read("tmx/memory.tmx"))
    assert locate(doc, doc.segments[0], "One Belt, One Road") == (8, 52, "One Belt, One Road")
    assert locate(doc, doc.segments[1], "community") == (12, 76, "community")
    assert locate(doc, doc.segments[2], "OBOR") == (16, 47, "OBOR")
    every_char_maps_back(doc, html.unescape)


def test_lang_selects_the_target_variants():
    doc = tmx.parse(*read("tmx/memory.tmx"), lang="ru")
    assert [s.text for s in doc.segments] == ["Инициатива «Один пояс, один путь»"]


def test_srclang_all_takes_the_first_variant_as_source():
    text = read("tmx/memory.tmx")[1].replace('srclang="zh-CN"', 'srclang="*all*"')
    doc = tmx.parse("m.tmx", text)
    assert doc.segments[0].source_lang == "zh" and len(doc.segments) == 4


BAD = sorted((DATA / "bad" / "tmx").glob("*.tmx"))


@pytest.mark.parametrize("path", BAD, ids=[p.stem for p in BAD])
def test_bad_tmx_is_one_error_with_a_position(path):
    expected = path.with_suffix(".expected").read_text(encoding="utf-8").strip()
    with pytest.raises(InputError) as info:
        tmx.parse(str(path), path.read_text(encoding="utf-8"))
    error = info.value
    assert f"{error.line}:{error.column}: {error.message}" == expected
