"""What every reader promises the core, checked on every fixture of every format."""

from __future__ import annotations

from pathlib import Path

import pytest

from glossary.model import Span
from glossary.readers import load, load_pair, pair

DATA = Path(__file__).resolve().parent.parent / "data"
FIXTURES = sorted(
    p for folder in ("po", "xliff", "tmx", "markdown", "pair", "bilingual") for p in (DATA / folder).iterdir()
    if not p.name.startswith("source.")  # an aligned pair's source is read with its target
)


def documents(path: Path, crlf: bool):
    data = path.read_bytes()
    if crlf:
        data = data.replace(b"\n", b"\r\n")
    if path.name.startswith("target."):  # an aligned pair: its source sits next to it (target.x.en.txt, source.x.zh.txt)
        source = path.with_name(path.name.replace("target.", "source.", 1).rsplit(".", 2)[0] + ".zh.txt")
        src = source.read_bytes().replace(b"\n", b"\r\n") if crlf else source.read_bytes()
        return load_pair(str(source), src, str(path), data)
    return load(str(path), data)


@pytest.mark.parametrize("crlf", [False, True], ids=["lf", "crlf"])
@pytest.mark.parametrize("path", FIXTURES, ids=[f"{p.parent.name}/{p.name}" for p in FIXTURES])
def test_segments_map_in_order_into_the_document_without_overlap(path: Path, crlf: bool) -> None:
    document = documents(path, crlf)
    assert document.segments, "every fixture has something to check"
    previous_end = 0
    for segment in document.segments:
        assert segment.lang, "every segment knows its language"
        if segment.source_text is not None:
            assert segment.source_lang
        whole = segment.document_span(Span(0, len(segment.text)))
        assert 0 <= whole.start <= whole.end <= len(document.text)
        assert whole.start >= previous_end, "segments are in document order and do not overlap"
        previous_end = whole.end
        last = whole.start
        for i in range(len(segment.text)):
            span = segment.document_span(Span(i, i + 1))
            assert span.start >= last and span.end > span.start
            last = span.end
        if segment.starts is None:
            assert document.text[segment.start:segment.start + len(segment.text)] == segment.text


@pytest.mark.parametrize("path", FIXTURES, ids=[f"{p.parent.name}/{p.name}" for p in FIXTURES])
def test_crlf_changes_no_segment_text_except_its_line_breaks(path: Path) -> None:
    lf = documents(path, False)
    crlf = documents(path, True)
    assert [s.text.replace("\r\n", "\n") for s in crlf.segments] == [s.text for s in lf.segments]


def test_escape_of_every_reader_is_a_function_of_text() -> None:
    from glossary.readers import READERS

    for reader in READERS.values():
        assert isinstance(reader.escape("Belt and Road"), str)
    assert pair.escape('say "BRI"') == 'say ""BRI""'


def test_registry_table_names_each_reader_and_its_extensions() -> None:
    # The registry knows names and extensions without importing the readers;
    # this keeps its table equal to what each module declares.
    from glossary.readers import _TABLE, READERS

    assert list(READERS) == list(_TABLE)
    for name, (_module, extensions) in _TABLE.items():
        assert READERS[name].NAME == name
        assert tuple(READERS[name].EXTENSIONS) == extensions
