"""`found` is the text at the finding's span, for every reader and every code (the JSON contract)."""

from __future__ import annotations

from html import escape as xml_escape

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import glossary
from glossary.checks import CHECKS, Options, check_document
from glossary.model import Document
from glossary.readers import load, load_pair

# Pieces that make every check fire somewhere: variants, their official forms
# (mixed renderings), Han terms left in English (untranslated), mojibake,
# characters each format escapes, and line breaks.
TARGET = ["One Belt, One Road", "Belt and Road Initiative", "the Belt and Road", "community of common destiny",
          "community with a shared future", "community of shared future", "Road and Belt Initiative", "一带一路", "â€” ", "Luban Workshop", "plain words", " ", "\n",
          "&", "<b>", '"quoted"', "\\", "'", ".", "1.", "# ", "\t"]
SOURCE = ["一带一路", "人类命运共同体", "鲁班工坊", "的", "合作", "\n", "，", "和"]

targets = st.lists(st.sampled_from(TARGET), min_size=1, max_size=12).map("".join)
sources = st.lists(st.sampled_from(SOURCE), min_size=1, max_size=6).map("".join)


def _po(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\t", "\\t") + '"'


def build(fmt: str, pairs: list[tuple[str, str]], suppress: str | None) -> Document:
    """A file of format `fmt` holding the (source, target) pairs, read by its reader.

    `suppress` is a directive put before the first unit, or None.
    """
    if fmt == "text":
        body = "\n".join(t for _s, t in pairs)
        return load("draft.txt", ((f"{suppress}\n" if suppress else "") + body).encode())
    if fmt == "markdown":
        body = "\n\n".join(t for _s, t in pairs)
        return load("draft.md", ((f"<!-- {suppress} -->\n" if suppress else "") + body).encode())
    if fmt == "po":
        entries = [f"{'# ' + suppress.replace('next-line', 'line') + chr(10) if suppress and i == 0 else ''}"
                   f"msgid {_po(s)}\nmsgstr {_po(t)}\n" for i, (s, t) in enumerate(pairs)]
        head = 'msgid ""\nmsgstr ""\n"Language: en\\n"\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
        return load("en.po", (head + "\n".join(entries)).encode())
    if fmt == "xliff":
        units = "".join(f'<trans-unit id="u{i}"><source>{xml_escape(s, False)}</source>'
                        f"<target>{xml_escape(t, False)}</target></trans-unit>\n" for i, (s, t) in enumerate(pairs))
        note = f"<!-- {suppress} -->\n" if suppress else ""
        return load("en.xlf", ('<?xml version="1.0" encoding="UTF-8"?>\n<xliff version="1.2" '
                               'xmlns="urn:oasis:names:tc:xliff:document:1.2"><file source-language="zh" '
                               f'target-language="en" datatype="plaintext" original="x"><body>\n{note}{units}'
                               "</body></file></xliff>\n").encode())
    if fmt == "tmx":
        units = "".join(f'<tu><tuv xml:lang="zh"><seg>{xml_escape(s, False)}</seg></tuv>'
                        f'<tuv xml:lang="en"><seg>{xml_escape(t, False)}</seg></tuv></tu>\n' for s, t in pairs)
        note = f"<!-- {suppress} -->\n" if suppress else ""
        return load("memory.tmx", ('<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4"><header '
                                   'srclang="zh" adminlang="en" segtype="sentence" datatype="plaintext" '
                                   'o-tmf="x" creationtool="x" creationtoolversion="1"/><body>\n'
                                   f"{note}{units}</body></tmx>\n").encode())
    if fmt == "csv":
        def cell(v: str) -> str:
            return '"' + v.replace('"', '""') + '"'
        rows = "".join(f"{cell(s)},{cell(t)}\r\n" for s, t in pairs)
        return load("pairs.csv", ("source,target\r\n" + rows).encode(), lang="en", source_lang="zh")
    if fmt == "docx":
        import io

        import docx

        word = docx.Document()
        for _s, t in pairs:
            paragraph = word.add_paragraph()
            half = len(t) // 2  # two runs: a term may straddle them
            paragraph.add_run(t[:half])
            paragraph.add_run(t[half:]).bold = True
        buffer = io.BytesIO()
        word.save(buffer)
        return load("draft.docx", buffer.getvalue(), lang="en")
    assert fmt == "aligned"
    # One segment per line, none blank on one side only.
    one_line = [(s.replace("\n", " ").strip() or "和", t.replace("\n", " ").strip() or "plain") for s, t in pairs]
    return load_pair("zh.txt", "\n".join(s for s, _t in one_line).encode(), "en.txt",
                     "\n".join(t for _s, t in one_line).encode(), lang="en", source_lang="zh")


FORMATS = ["text", "markdown", "po", "xliff", "tmx", "csv", "aligned"]
try:
    import docx  # noqa: F401  (the Word reader's own dependency)
except ImportError:  # pragma: no cover
    pass
else:
    FORMATS.append("docx")
TB = glossary.load()


def assert_found_is_the_text_at_the_span(document: Document, options: Options = Options()) -> set[str]:
    findings = check_document(document, TB, options)
    for f in findings:
        assert document.text[f.start:f.end] == f.found, (f.code, f.start, f.end, f.found)
    return {f.code for f in findings}


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(fmt=st.sampled_from(FORMATS), pairs=st.lists(st.tuples(sources, targets), min_size=1, max_size=4),
       suppress=st.sampled_from([None, "glossary-disable-next-line", "glossary-disable-next-line no-such-concept"]))
def test_found_is_the_text_at_the_span(fmt, pairs, suppress):
    assert_found_is_the_text_at_the_span(build(fmt, pairs, suppress))


def test_every_code_is_exercised_with_every_reader():
    pairs = [("一带一路和鲁班工坊", "One Belt, One Road &amp; the Belt and Road Initiative â€” 一带一路"),
             ("人类命运共同体", "a \"community\" of <people>, a community of common destiny, a community "
                          "with a shared future and a community of shared future; Belt and Road strategies grow"),
             ("一带一路", "the Road and Belt Initiative")]
    seen: dict[str, set[str]] = {}
    for fmt in FORMATS:
        seen[fmt] = assert_found_is_the_text_at_the_span(build(fmt, pairs, "glossary-disable-next-line no-such-concept"))
        # A cap of one finding of a kind per segment: the second rendering of a concept is counted, not listed.
        twice = [(s, f"{t}; {t}") for s, t in pairs]
        seen[fmt] |= assert_found_is_the_text_at_the_span(build(fmt, twice, None), Options(max_per_segment=1))
    every = {c.code for c in CHECKS}
    assert set().union(*seen.values()) == every
    for fmt in ("po", "xliff", "tmx", "csv", "aligned"):
        assert {"missing-term", "untranslated-term"} <= seen[fmt], fmt
