"""Property tests: whatever a translator writes, the readers give it back exactly and map it home."""

from __future__ import annotations

import html

from hypothesis import given, settings
from hypothesis import strategies as st

from glossary.model import Span
from glossary.readers import _xml, pair, po, tmx, xliff

TEXT = st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="\r")
               | st.sampled_from(list('\n\t"\\&<>\'')), min_size=1, max_size=40).filter(lambda s: s.strip())


def maps_home(document, segment, unescape) -> None:
    for i, char in enumerate(segment.text):
        span = segment.document_span(Span(i, i + 1))
        assert unescape(document.text[span.start:span.end]) == char


PO_UNESCAPE = {"\\n": "\n", "\\t": "\t", '\\"': '"', "\\\\": "\\", "\\r": "\r"}


@settings(max_examples=150)
@given(TEXT, st.booleans())
def test_po_msgstr_round_trips(value: str, wrapped: bool) -> None:
    escaped = po.escape(value)
    if wrapped and len(escaped) > 4:
        cut = len(escaped) // 2
        while escaped[cut - 1] == "\\":
            cut += 1
        body = f'msgstr ""\n"{escaped[:cut]}"\n"{escaped[cut:]}"\n'
    else:
        body = f'msgstr "{escaped}"\n'
    text = f'msgid ""\nmsgstr ""\n"Language: en\\n"\n\nmsgid "一带一路"\n{body}'
    document = po.parse("p.po", text)
    [segment] = document.segments
    assert segment.text == value
    maps_home(document, segment, lambda s: PO_UNESCAPE.get(s, s))


XML_TEXT = TEXT.filter(lambda s: not any(0xD800 <= ord(c) <= 0xDFFF or c in "\ufffe\uffff" for c in s))


@settings(max_examples=150)
@given(XML_TEXT)
def test_xliff_target_round_trips(value: str) -> None:
    text = ('<?xml version="1.0"?>\n<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">'
            '<file original="x" source-language="zh" target-language="en" datatype="plaintext"><body>'
            f'<trans-unit id="1"><source>一带一路</source><target>{_xml.escape(value)}<x id="1"/></target>'
            '</trans-unit></body></file></xliff>\n')
    document = xliff.parse("x.xlf", text)
    [segment] = document.segments
    assert segment.text == value
    maps_home(document, segment, html.unescape)


@settings(max_examples=100)
@given(XML_TEXT)
def test_tmx_seg_round_trips(value: str) -> None:
    text = ('<tmx version="1.4"><header srclang="zh" segtype="sentence" o-tmf="x" adminlang="en" '
            'datatype="plaintext" creationtool="x" creationtoolversion="1"/><body><tu>'
            '<tuv xml:lang="zh"><seg>一带一路</seg></tuv>'
            f'<tuv xml:lang="en"><seg><bpt i="1">&lt;b&gt;</bpt>{_xml.escape(value)}<ept i="1">&lt;/b&gt;</ept></seg></tuv>'
            '</tu></body></tmx>')
    document = tmx.parse("m.tmx", text)
    [segment] = document.segments
    assert segment.text == value
    maps_home(document, segment, html.unescape)


@settings(max_examples=100)
@given(XML_TEXT.filter(lambda s: "\n" not in s))
def test_csv_quoted_cell_round_trips(value: str) -> None:
    text = f'zh,en\n一带一路,"{pair.escape(value)}"\n'
    document = pair.parse("t.csv", text)
    [segment] = document.segments
    assert segment.text == value
    maps_home(document, segment, lambda s: '"' if s == '""' else s)


def test_cdata_content_is_text_but_never_replaced() -> None:
    text = ('<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file original="x" '
            'source-language="zh" target-language="en" datatype="plaintext"><body><trans-unit id="1">'
            '<source>一带一路</source><target><![CDATA[The OBOR & co]]> and OBOR</target></trans-unit></body></file></xliff>')
    document = xliff.parse("x.xlf", text)
    [segment] = document.segments
    assert segment.text == "The OBOR & co and OBOR"
    first = segment.document_span(Span(4, 8))
    last = segment.document_span(Span(18, 22))
    assert text[first.start:first.end] == text[last.start:last.end] == "OBOR"
    assert not xliff.replaceable(text, first) and xliff.replaceable(text, last)
