"""Fuzzing every reader and the API with hostile Unicode (issue 17, point 7).

Properties, for each format and for `glossary.check` / `glossary.normalize`:
no exception other than the documented GlossaryError; every finding's
`found` is the text at its offsets; a fix is idempotent, leaves no fixable
finding behind and keeps the file parseable in its own format. Text mixes
term renderings with what breaks naive code: surrogates (escaped), NUL,
CR-only and mixed line endings, characters NFKC changes, bidi controls,
zero-width characters and a leading BOM. `HYPOTHESIS_PROFILE=long` (see
benchmarks/fuzz_long.py) runs these far longer; every counterexample found is
kept below as an `@example`.
"""

from __future__ import annotations

import io
import os

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

import glossary
from glossary.errors import GlossaryError
from glossary.runner import Input, Settings, one

from .conftest import TERMBASE

PIECES = [
    "One Belt, One Road", "one belt one road", "OBOR", "Belt and Road", "B&R", "一带一路", "一帶一路",
    "community of common destiny", "Один пояс, один путь", "Пояса и пути", "\u00e2\u20ac\u2122",
    "\r", "\n", "\r\n", "\0", "\u202e", "\u2066", "\u200b", "\u00ad", "\ufb01", "\uff21", "\u2028",
    "\u0301", "e\u0301", "\t", " ", "  ", "-", "\u2014", "\"", "'", "«", "»", "&", "<", ">", "\\",
]
SETTINGS = Settings(no_default=True, termbases=(str(TERMBASE),), fix=True)
CHECK = Settings(no_default=True, termbases=(str(TERMBASE),))

# The suite runs a few dozen examples per format; the long profile its own count.
fuzz = settings() if os.environ.get("HYPOTHESIS_PROFILE") == "long" else settings(max_examples=40)

text_pieces = st.one_of(st.sampled_from(PIECES), st.text(max_size=6),
                        st.characters(blacklist_categories=("Cs",)).map(str))
texts = st.lists(text_pieces, max_size=25).map("".join)
boms = st.sampled_from(["", "\ufeff"])


def surrogates_escaped(text: str) -> str:
    return text.encode("utf-8", "surrogatepass").decode("utf-8", "backslashreplace")


def xml_text(text: str) -> str:
    """Text as XML character data: characters XML cannot hold are dropped, markup escaped."""
    allowed = "".join(c for c in text if c in "\t\n\r" or (" " <= c <= "\ud7ff") or ("\ue000" <= c <= "\ufffd")
                      or c >= "\U00010000")
    return allowed.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def po_string(text: str) -> str:
    return text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t")


def csv_field(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'


def run_one(name: str, data: bytes, settings: Settings = SETTINGS):  # type: ignore[no-untyped-def]
    return one(Input(name, data=data), settings)


def holds(name: str, data: bytes) -> None:
    """The properties for one file: errors are values, spans exact, fixes idempotent and parseable."""
    checked = run_one(name, data, CHECK)
    if checked.error is not None:
        assert isinstance(checked.error, GlossaryError)
        assert "would not parse" not in checked.error.message
        return
    assert checked.document is not None
    text = checked.document.text
    for f in checked.findings:
        assert f.found == text[f.start:f.end], f
    fixed = run_one(name, data)
    assert fixed.error is None, fixed.error  # the fix of a file that parsed must parse again
    if fixed.fixed_text is None and fixed.fixed_data is None:
        return
    new = fixed.fixed_data if fixed.fixed_data is not None else (
        ("\ufeff" if checked.document.bom else "") + fixed.fixed_text).encode(checked.document.encoding)
    again = run_one(name, new)
    assert again.error is None, again.error
    assert again.fixed_text is None and again.fixed_data is None, "fix is not idempotent"
    assert not [f for f in again.findings if f.fixable], "fixable findings left after a fix"


@fuzz
@given(bom=boms, text=texts)
@example(bom="", text="One Belt, One Road\r")
@example(bom="\ufeff", text="\r\rOBOR\u202e")
def test_plain_text(bom: str, text: str) -> None:
    holds("fuzz.txt", (bom + surrogates_escaped(text)).encode("utf-8"))


@fuzz
@given(bom=boms, parts=st.lists(st.tuples(st.sampled_from(["", "# ", "> ", "- ", "`", "```\n", "<!-- ", " -->",
                                                              "[", "](http://x) ", "    "]), texts), max_size=8))
def test_markdown(bom: str, parts: list[tuple[str, str]]) -> None:
    body = "".join(mark + surrogates_escaped(text) for mark, text in parts)
    holds("fuzz.md", (bom + body).encode("utf-8"))


@fuzz
@given(entries=st.lists(st.tuples(texts, texts), max_size=5), fuzzy=st.booleans())
def test_po(entries: list[tuple[str, str]], fuzzy: bool) -> None:
    out = ['msgid ""', 'msgstr ""', '"Language: en\\n"', ""]
    for i, (msgid, msgstr) in enumerate(entries):
        if fuzzy and i == 0:
            out.append("#, fuzzy")
        out += [f'msgid "{i}:{po_string(surrogates_escaped(msgid))}"', f'msgstr "{po_string(surrogates_escaped(msgstr))}"', ""]
    holds("fuzz.po", "\n".join(out).encode("utf-8"))


@fuzz
@given(units=st.lists(st.tuples(texts, texts), min_size=1, max_size=4), crlf=st.booleans())
def test_xliff(units: list[tuple[str, str]], crlf: bool) -> None:
    body = "".join(f'<trans-unit id="u{i}"><source>{xml_text(s)}</source><target>{xml_text(t)}</target></trans-unit>'
                   for i, (s, t) in enumerate(units))
    doc = ('<?xml version="1.0" encoding="UTF-8"?>\n<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">'
           f'<file source-language="zh" target-language="en" datatype="plaintext" original="x"><body>{body}</body>'
           "</file></xliff>\n")
    holds("fuzz.xlf", (doc.replace("\n", "\r\n") if crlf else doc).encode("utf-8"))


@fuzz
@given(units=st.lists(st.tuples(texts, texts), min_size=1, max_size=4))
def test_tmx(units: list[tuple[str, str]]) -> None:
    body = "".join(f'<tu><tuv xml:lang="zh"><seg>{xml_text(s)}</seg></tuv><tuv xml:lang="en"><seg>{xml_text(t)}</seg>'
                   "</tuv></tu>" for s, t in units)
    doc = ('<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4"><header srclang="zh" segtype="sentence" '
           f'datatype="plaintext" adminlang="en" creationtool="t" creationtoolversion="1" o-tmf="t"/><body>{body}</body></tmx>\n')
    holds("fuzz.tmx", doc.encode("utf-8"))


@fuzz
@given(rows=st.lists(st.tuples(texts, texts), min_size=1, max_size=5))
def test_csv(rows: list[tuple[str, str]]) -> None:
    lines = ["zh,en"] + [f"{csv_field(surrogates_escaped(a))},{csv_field(surrogates_escaped(b))}" for a, b in rows]
    holds("fuzz.csv", ("\n".join(lines) + "\n").encode("utf-8"))


@settings(max_examples=15 if os.environ.get("HYPOTHESIS_PROFILE") != "long"
          else max(1, int(os.environ.get("FUZZ_EXAMPLES", "3000")) // 10))
@given(paragraphs=st.lists(texts, min_size=1, max_size=4))
def test_docx(paragraphs: list[str]) -> None:
    docx = pytest.importorskip("docx")
    document = docx.Document()
    for text in paragraphs:
        clean = xml_text(text).replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
        document.add_paragraph("".join(c for c in clean if c not in "\r"))
    out = io.BytesIO()
    document.save(out)
    holds("fuzz.docx", out.getvalue())


@pytest.fixture(scope="module")
def termbase():  # type: ignore[no-untyped-def]
    return glossary.load(TERMBASE, default=False)


@fuzz
@given(text=texts, lang=st.sampled_from([None, "en", "zh", "ru"]))
@example(text="One Belt, One Road\r\n", lang=None)
def test_api(termbase, text: str, lang: str | None) -> None:  # type: ignore[no-untyped-def]
    for f in glossary.check(text, lang, termbase):
        assert f.found == text[f.start:f.end]
    fixed = glossary.normalize(text, lang, termbase)
    assert glossary.normalize(fixed, lang, termbase) == fixed
    assert not [f for f in glossary.check(fixed, lang, termbase) if f.fixable]
