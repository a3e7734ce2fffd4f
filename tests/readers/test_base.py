"""The declared reader interface: every registered format implements all of it."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from glossary.errors import InputError
from glossary.model import Edit, Span
from glossary.readers import READERS, _TABLE, extensions, head, load, of, reader_for
from glossary.readers.base import Reader

DATA = Path(__file__).resolve().parent.parent / "data"
MEMBERS = [name for name in dir(Reader) if not name.startswith("_")]


@pytest.mark.parametrize("name", list(_TABLE))
def test_every_reader_has_every_member_of_the_protocol(name: str) -> None:
    reader = READERS[name]
    for member in MEMBERS:
        assert hasattr(reader, member), f"{name} lacks {member}"
    assert reader.EXTENSIONS == extensions(name)
    assert list(reader.comments("a\nb")) is not None and isinstance(reader.blocks("a\nb"), list)


def test_the_reader_is_picked_from_bytes_before_decoding() -> None:
    data = codecs.BOM_UTF16_LE + (DATA / "xliff" / "briefing-1.2.xlf").read_text(encoding="utf-8").encode("utf-16-le")
    assert reader_for("briefing.bak", data).NAME == "xliff"
    assert "<xliff" in head(data)
    document = load("briefing.bak", data)
    assert document.format == "xliff" and document.encoding == "utf-16-le" and document.bom


def test_binary_data_is_refused_by_the_text_readers_with_the_path() -> None:
    with pytest.raises(InputError, match="binary") as caught:
        load("catalog.po", b"msgid \"\"\0\0")
    assert caught.value.path == "catalog.po"


def test_write_applies_edits_and_keeps_the_bytes_of_the_original() -> None:
    text = 'msgid "Belt"\nmsgstr "One Belt"\n'
    data = codecs.BOM_UTF8 + text.encode("utf-8")
    document = load("x.po", data, lang="en")
    start = document.text.index("One Belt")
    out, refused = of(document).write(document, [Edit(Span(start, start + 8), "Belt and Road")])
    assert refused == []
    assert out == codecs.BOM_UTF8 + text.replace("One Belt", "Belt and Road").encode("utf-8")


def test_a_packaged_format_is_read_from_bytes_and_never_decoded() -> None:
    assert READERS["docx"].packaged and not READERS["po"].packaged
    with pytest.raises(InputError) as caught:
        load("notes.docx", b"\xff\xfe not a zip at all")
    assert caught.value.path == "notes.docx" and "decode" not in caught.value.message


def test_comment_syntax_is_the_readers() -> None:
    assert list(READERS["markdown"].comments("a <!-- b --> c")) == [(2, 12)]
    assert READERS["po"].comments('#, fuzzy\n# note\nmsgid ""\n') == [(9, 15)]
    assert list(READERS["text"].comments("abc")) == [(0, 3)]


def test_format_choices_are_the_reporter_registry() -> None:
    from glossary.cli import REPORT_CHOICE
    from glossary.reporters import FORMATS

    assert list(REPORT_CHOICE.choices) == list(FORMATS)
