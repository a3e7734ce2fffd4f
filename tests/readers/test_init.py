from __future__ import annotations

from pathlib import PurePath

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from glossary.errors import InputError
from glossary.readers import _suffix, decode, is_binary, load


def test_utf8_bom_is_remembered() -> None:
    assert decode(b"\xef\xbb\xbfabc", "f") == ("abc", "utf-8", True)


def test_utf16_with_bom_is_text_not_binary() -> None:
    data = b"\xff\xfe" + "OBOR\n".encode("utf-16-le")
    assert not is_binary(data)
    assert decode(data, "f") == ("OBOR\n", "utf-16-le", True)


def test_byte_offset_counts_the_bom() -> None:
    with pytest.raises(InputError, match="at byte 5"):
        decode(b"\xef\xbb\xbfab\xff", "f")


def test_nul_byte_means_binary() -> None:
    with pytest.raises(InputError, match="is a binary file"):
        load("x", b"ab\0cd")


def test_unknown_format_names_the_accepted_ones() -> None:
    with pytest.raises(InputError, match='unknown format "odt" \\(expected csv, docx, markdown, po, text, tmx, xliff\\)'):
        load("x.txt", b"abc", fmt="odt")


@settings(max_examples=300, deadline=None)
@given(folder=st.sampled_from(["", "/", "a/", "a/./", "./", "a.md/"]),
       name=st.text(alphabet="ab.MD", max_size=6), trail=st.sampled_from(["", "/", "/."]))
def test_the_extension_is_read_as_pathlib_reads_it(folder: str, name: str, trail: str) -> None:
    path = folder + name + trail
    assert _suffix(path) == PurePath(path).suffix.lower()
