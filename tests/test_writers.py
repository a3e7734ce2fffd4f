from __future__ import annotations

import os
from pathlib import Path

import pytest

from glossary import writers
from glossary.errors import InputError
from glossary.model import Document, Segment


def doc(path: Path, encoding: str = "utf-8", bom: bool = False) -> Document:
    return Document(path=str(path), text="", segments=(Segment(""),), encoding=encoding, bom=bom)


def test_write_keeps_bom_and_encoding(tmp_path: Path) -> None:
    p = tmp_path / "a.txt"
    p.write_bytes(b"\xff\xfe" + "old".encode("utf-16-le"))
    writers.write(doc(p, "utf-16-le", bom=True), "новый\r\n")
    assert p.read_bytes() == b"\xff\xfe" + "новый\r\n".encode("utf-16-le")


def test_write_failure_leaves_original_and_no_temp_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    p = tmp_path / "a.txt"
    p.write_text("original", encoding="utf-8")

    def broken_replace(src: str, dst: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(InputError, match="cannot write: No space left on device"):
        writers.write(doc(p), "new")
    assert p.read_text(encoding="utf-8") == "original"
    assert [x.name for x in tmp_path.iterdir()] == ["a.txt"]


def test_text_that_cannot_be_encoded_is_an_error(tmp_path: Path) -> None:
    p = tmp_path / "a.txt"
    p.write_bytes(b"abc")
    with pytest.raises(InputError, match="cannot encode the fixed text as cp1251"):
        writers.write(doc(p, "cp1251"), "一带一路")
    assert p.read_bytes() == b"abc"
