"""Readers: bytes of one file format to a Document of checkable segments, and back.

Every format is a `Reader` (glossary.readers.base): `parse_bytes`, `escape`,
`sniff`, `replaceable`, `comments`, `blocks`, `packaged` and `write(document,
edits) -> (bytes, refused)`. A text format is a module with `parse(path, text,
lang, source_lang)` and `escape(text)` plus whichever hooks it needs; a
packaged one (.docx) has `parse_bytes` and `write`; `ModuleReader` fills in the
rest. The registry below is the one table of names, modules and extensions
(each module's `EXTENSIONS` is read from it). The reader is picked before
decoding: from `fmt`, then the extension, then the content of the file's head.
"""

from __future__ import annotations

import codecs
import os
from collections.abc import Iterator, Mapping
from dataclasses import replace
from importlib import import_module

from ..errors import InputError
from ..i18n import _
from ..model import Document, Segment
from .base import ModuleReader, Reader

# name -> (module, extensions): the one table. Content sniffing tries these in
# order. A file is given its reader without importing the other readers
# (lxml, polib); each module's EXTENSIONS is `extensions(NAME)`.
_TABLE: dict[str, tuple[str, tuple[str, ...]]] = {
    "xliff": ("xliff", (".xlf", ".xliff")),
    "tmx": ("tmx", (".tmx",)),
    "po": ("po", (".po", ".pot")),
    "markdown": ("markdown", (".md", ".markdown", ".mdown", ".mkd")),
    "csv": ("pair", (".csv", ".tsv")),
    "docx": ("docx", (".docx",)),
    "text": ("text", (".txt", ".text")),
}



def extensions(name: str) -> tuple[str, ...]:
    """The file extensions of the format `name`."""
    return _TABLE[name][1]


class _Registry(Mapping[str, Reader]):
    """Readers by name, each module imported on first lookup."""

    def __init__(self) -> None:
        self._made: dict[str, Reader] = {}

    def __getitem__(self, name: str) -> Reader:
        made = self._made.get(name)
        if made is None:
            if name not in _TABLE:
                raise KeyError(name)
            module = import_module(f"{__name__}.{_TABLE[name][0]}")
            made = self._made[name] = ModuleReader(module, name, _TABLE[name][1])
        return made

    def __iter__(self) -> Iterator[str]:
        return iter(_TABLE)

    def __len__(self) -> int:
        return len(_TABLE)

    def __contains__(self, name: object) -> bool:
        return name in _TABLE


READERS: Mapping[str, Reader] = _Registry()

_BOMS = ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"))


def is_binary(data: bytes) -> bool:
    """NUL bytes in the first 8 KiB mean a binary file (as git decides)."""
    head = data[:8192]
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return False
    return b"\0" in head


def byte_order(data: bytes, encoding: str | None) -> tuple[int, str, bool]:
    """(bytes of the byte-order mark at the start of `data`, the encoding to decode with, whether a mark was there)."""
    enc = (encoding or "utf-8").lower().replace("_", "-")
    if enc in ("utf-8", "utf8"):
        enc = "utf-8"
    for mark, name in _BOMS:
        if data.startswith(mark) and (encoding is None or enc in (name, "utf-16")):
            return len(mark), name, True
    return 0, enc, False


def _unmarked(data: bytes, encoding: str | None) -> tuple[bytes, str, bool]:
    """(data without its byte-order mark, the encoding to decode with, whether a mark was there)."""
    skip, enc, bom = byte_order(data, encoding)
    return (data[skip:] if skip else data), enc, bom


def head(data: bytes, encoding: str | None = None) -> str:
    """The first characters of `data`, decoded leniently: enough for `Reader.sniff`."""
    body, enc, _bom = _unmarked(data[:16384], encoding)
    try:
        return body.decode(enc, "replace")
    except LookupError:
        return body.decode("utf-8", "replace")


def decode(data: bytes, path: str, encoding: str | None = None) -> tuple[str, str, bool]:
    """Decode file bytes; return (text, encoding, had_bom)."""
    data, enc, bom = _unmarked(data, encoding)
    try:
        codecs.lookup(enc)
    except LookupError:
        raise InputError(_('unknown encoding "{encoding}"').format(encoding=encoding), path) from None
    try:
        return data.decode(enc), enc, bom
    except UnicodeDecodeError as exc:
        raise undecodable(path, enc, exc.start + (3 if bom and enc == "utf-8" else 2 if bom else 0),
                          encoding) from None


def undecodable(path: str, enc: str, offset: int, asked: str | None) -> InputError:
    """The error for bytes that do not decode: the file's byte `offset` (its mark counted)."""
    hint = _(" (use --encoding to choose another)") if asked is None else ""
    return InputError(_("cannot decode as {encoding} at byte {offset}{hint}").format(
        encoding=enc.upper() if enc == "utf-8" else enc, offset=offset, hint=hint), path)


def _suffix(path: str) -> str:
    """The extension of the file at `path`, lower-cased, as `pathlib.PurePath(path).suffix` reads it (without
    importing pathlib, a tenth of a small check's start-up): "" for a name that starts or ends with its only dot."""
    parts = path.replace(os.altsep, os.sep).split(os.sep) if os.altsep else path.split(os.sep)
    name = next((part for part in reversed(parts) if part not in ("", ".")), "")
    i = name.rfind(".")
    return name[i:].lower() if 0 < i < len(name) - 1 else ""


def reader_for(path: str, start: str | bytes, fmt: str | None = None, encoding: str | None = None) -> Reader:
    """The reader for the file at `path`: `fmt`, else its extension, else the content `start`s with."""
    if fmt is not None:
        if fmt not in READERS:
            raise InputError(_('unknown format "{format}" (expected {formats})').format(
                format=fmt, formats=", ".join(sorted(READERS))), path)
        return READERS[fmt]
    suffix = _suffix(path)
    for name, (_module, exts) in _TABLE.items():
        if suffix in exts:
            return READERS[name]
    text = head(start, encoding) if isinstance(start, bytes) else start
    for reader in READERS.values():
        if reader.sniff(text):
            return reader
    return READERS["text"]


def read_bytes(path: str, max_size: int | None = None) -> bytes:
    """The bytes of a regular file, up to the size cap (glossary.files)."""
    from .. import files

    return files.read(path, max_size or files.DEFAULT_MAX_SIZE)[0]


def bytes_reader(path: str, fmt: str | None = None) -> Reader | None:
    """The reader of a packaged format (.docx), which parses bytes and is never decoded; None for text formats."""
    name = fmt
    if name is None:
        suffix = _suffix(path)
        name = next((n for n, (_m, exts) in _TABLE.items() if suffix in exts), None)
    reader = READERS.get(name) if name is not None else None
    return reader if reader is not None and reader.packaged else None


def load(path: str, data: bytes, *, encoding: str | None = None, lang: str | None = None,
         fmt: str | None = None, source_lang: str | None = None) -> Document:
    """Parse `data` read from `path` into a Document; the reader is picked before anything is decoded."""
    reader = reader_for(path, data, fmt, encoding)
    return reader.parse_bytes(path, data, encoding=encoding, lang=lang, source_lang=source_lang)


def read(path: str, *, encoding: str | None = None, lang: str | None = None, fmt: str | None = None,
         source_lang: str | None = None) -> Document:
    return load(path, read_bytes(path), encoding=encoding, lang=lang, fmt=fmt, source_lang=source_lang)


def load_pair(source_path: str, source_data: bytes, path: str, data: bytes, *, encoding: str | None = None,
              lang: str | None = None, source_lang: str | None = None) -> Document:
    """An aligned pair: line n of the target (`path`) translates line n of the source.

    A .docx on either side is paired paragraph by paragraph (non-empty ones, in reading order).
    """
    if bytes_reader(source_path) is not None or bytes_reader(path) is not None:
        from . import docx

        source = load(source_path, source_data, encoding=encoding, lang=source_lang)
        if source.format != "docx":
            source = replace(source, segments=tuple(Segment(text=line, lang=source_lang) for line in source.text.splitlines()))
        target = load(path, data, encoding=encoding, lang=lang)
        if target.format != "docx":
            raise InputError("a .docx source pairs only with a .docx target", path)
        return docx.pair(source, target)
    for name, raw in ((source_path, source_data), (path, data)):
        if is_binary(raw):
            raise InputError(_("is a binary file, not text"), name)
    source_text, _enc, _bom = decode(source_data, source_path, encoding)
    text, enc, bom = decode(data, path, encoding)
    from . import pair

    document = pair.parse_aligned(source_path, source_text, path, text, lang, source_lang)
    return replace(document, encoding=enc, bom=bom)


def of(document: Document) -> Reader:
    """The reader of a parsed document (an aligned pair is plain text on both sides)."""
    return READERS.get(document.format) or READERS["text"]


def escape_for(document: Document):  # type: ignore[no-untyped-def]
    return of(document).escape
