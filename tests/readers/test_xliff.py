from __future__ import annotations

import html

import pytest

from glossary.errors import InputError
from glossary.readers import xliff

from .helpers import DATA, every_char_maps_back, locate, read


def test_xliff_12_targets_with_inline_tags_removed():
    doc = xliff.parse(*read("xliff/briefing-1.2.xlf"))
    assert [(s.unit_id, s.text) for s in doc.segments] == [
        ("1", "Joint work on the One Belt, One Road has borne rich fruit."),
        ("2", "We will build a community of common destiny."),
        ("3", "The OBOR & its plan"),
        ("5", "Name: , the One Belt, One Road fund"),
    ]
    assert {(s.lang, s.source_lang) for s in doc.segments} == {("en", "zh")}
    assert doc.segments[1].source_text == "推动构建人类命运共同体。"
    assert doc.segments[2].source_text == "一带一路倡议"


def test_xliff_12_positions_in_the_file():
    doc = xliff.parse(*read("xliff/briefing-1.2.xlf"))
    assert locate(doc, doc.segments[0], "One Belt, One Road") == (10, 54, "One Belt, One Road")
    assert locate(doc, doc.segments[1], "community of common destiny") == (15, 79, "community of common destiny")
    assert locate(doc, doc.segments[2], "OBOR") == (20, 23, "OBOR")
    assert locate(doc, doc.segments[2], "&") == (20, 41, "&amp;")
    # a span across an inline tag covers the tag: the fixer must see that
    assert locate(doc, doc.segments[2], "OBOR &")[2] == 'OBOR<x id="br1"/> &amp;'
    every_char_maps_back(doc, html.unescape)


def test_xliff_20_segments_units_and_inline_codes():
    doc = xliff.parse(*read("xliff/briefing-2.0.xlf"))
    assert [(s.unit_id, s.text) for s in doc.segments] == [
        ("u1/s1", "Joint work on the One Belt, One Road has borne rich fruit."),
        ("u1/s2", "We will build a community of common destiny."),
        ("u2", "The OBOR plan and \x07"),
    ]
    assert doc.segments[1].source_text == "推动构建人类命运共同体。"
    assert locate(doc, doc.segments[1], "community") == (11, 44, "community")
    assert locate(doc, doc.segments[2], "\x07")[2] == '<cp hex="0007"/>'
    assert {(s.lang, s.source_lang) for s in doc.segments} == {("en", "zh")}


def test_version_is_sniffed_not_taken_from_the_extension(tmp_path):
    text = read("xliff/briefing-2.0.xlf")[1]
    assert len(xliff.parse("renamed.xml", text).segments) == 3
    assert xliff.sniff(text)


def test_lang_and_source_lang_override_the_file():
    doc = xliff.parse(*read("xliff/briefing-1.2.xlf"), lang="en-GB", source_lang="zh-Hant")
    assert {(s.lang, s.source_lang) for s in doc.segments} == {("en", "zh-Hant")}


def test_crlf_and_character_references_keep_their_places():
    text = read("xliff/briefing-1.2.xlf")[1].replace("\n", "\r\n").replace("rich fruit", "rich&#x20;fruit")
    doc = xliff.parse("crlf.xlf", text)
    assert locate(doc, doc.segments[0], "rich fruit") == (10, 83, "rich&#x20;fruit")


def test_missing_target_language_asks_for_lang():
    text = read("xliff/briefing-1.2.xlf")[1].replace(' target-language="en-US"', "")
    with pytest.raises(InputError, match="pass --lang") as info:
        xliff.parse("x.xlf", text)
    assert (info.value.line, info.value.column) == (3, 3)
    assert len(xliff.parse("x.xlf", text, lang="en").segments) == 4


BAD = sorted((DATA / "bad" / "xliff").glob("*.xlf"))


@pytest.mark.parametrize("path", BAD, ids=[p.stem for p in BAD])
def test_bad_xliff_is_one_error_with_a_position(path):
    expected = path.with_suffix(".expected").read_text(encoding="utf-8").strip()
    with pytest.raises(InputError) as info:
        xliff.parse(str(path), path.read_text(encoding="utf-8"))
    error = info.value
    assert f"{error.line}:{error.column}: {error.message}" == expected
