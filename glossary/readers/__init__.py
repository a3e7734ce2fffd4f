"""Readers: bytes of one file format to a Document of checkable segments.

A reader is a module with `NAME`, `EXTENSIONS`, `parse(path, text, lang) ->
Document` and `escape(text) -> str` (how a replacement is written into the
file). The registry is explicit; the format comes from the extension, then
from the content.
"""

from __future__ import annotations

import codecs
from collections.abc import Iterator, Mapping
from dataclasses import replace
from importlib import import_module
from pathlib import Path
from types import ModuleType

from ..errors import InputError
from ..i18n import _
from ..model import Document, Segment

# name -> (module, extensions). Content sniffing tries these in order. The
# extensions repeat each module's EXTENSIONS (a test keeps them equal) so that
# a file is given its reader without importing the other readers (lxml, polib).
_TABLE: dict[str, tuple[str, tuple[str, ...]]] = {
    "xliff": ("xliff", (".xlf", ".xliff")),
    "tmx": ("tmx", (".tmx",)),
    "po": ("po", (".po", ".pot")),
    "markdown": ("markdown", (".md", ".markdown", ".mdown", ".mkd")),
    "csv": ("pair", (".csv", ".tsv")),
    "docx": ("docx", (".docx",)),
    "text": ("text", (".txt", ".text")),
}

# Formats read from their bytes (zip packages), never decoded as text.
_PACKAGED = frozenset({"docx"})


class _Registry(Mapping[str, ModuleType]):
    """Reader modules by name, each imported on first lookup."""

    def __getitem__(self, name: str) -> ModuleType:
        if name not in _TABLE:
            raise KeyError(name)
        return import_module(f"{__name__}.{_TABLE[name][0]}")

    def __iter__(self) -> Iterator[str]:
        return iter(_TABLE)

    def __len__(self) -> int:
        return len(_TABLE)

    def __contains__(self, name: object) -> bool:
        return name in _TABLE


READERS: Mapping[str, ModuleType] = _Registry()

_BOMS = ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"))


def is_binary(data: bytes) -> bool:
    """NUL bytes in the first 8 KiB mean a binary file (as git decides)."""
    head = data[:8192]
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return False
    return b"\0" in head


def decode(data: bytes, path: str, encoding: str | None = None) -> tuple[str, str, bool]:
    """Decode file bytes; return (text, encoding, had_bom)."""
    bom = False
    enc = (encoding or "utf-8").lower().replace("_", "-")
    if enc in ("utf-8", "utf8"):
        enc = "utf-8"
    for mark, name in _BOMS:
        if data.startswith(mark) and (encoding is None or enc in (name, "utf-16")):
            data, enc, bom = data[len(mark):], name, True
            break
    try:
        codecs.lookup(enc)
    except LookupError:
        raise InputError(_('unknown encoding "{encoding}"').format(encoding=encoding), path) from None
    try:
        return data.decode(enc), enc, bom
    except UnicodeDecodeError as exc:
        offset = exc.start + (3 if bom and enc == "utf-8" else 2 if bom else 0)
        hint = _(" (use --encoding to choose another)") if encoding is None else ""
        raise InputError(_("cannot decode as {encoding} at byte {offset}{hint}").format(
            encoding=enc.upper() if enc == "utf-8" else enc, offset=offset, hint=hint), path) from None


def reader_for(path: str, text: str, fmt: str | None = None) -> ModuleType:
    if fmt is not None:
        if fmt not in READERS:
            raise InputError(_('unknown format "{format}" (expected {formats})').format(
                format=fmt, formats=", ".join(sorted(READERS))), path)
        return READERS[fmt]
    suffix = Path(path).suffix.lower()
    for name, (_module, extensions) in _TABLE.items():
        if suffix in extensions:
            return READERS[name]
    for reader in READERS.values():
        sniff = getattr(reader, "sniff", None)
        if sniff is not None and sniff(text):
            return reader
    return READERS["text"]


def read_bytes(path: str, max_size: int | None = None) -> bytes:
    """The bytes of a regular file, up to the size cap (glossary.files)."""
    from .. import files

    return files.read(path, max_size or files.DEFAULT_MAX_SIZE)[0]


def bytes_reader(path: str, fmt: str | None = None) -> ModuleType | None:
    """The reader of a packaged format (.docx) that parses bytes, not decoded text; None for text formats."""
    name = fmt
    if name is None:
        suffix = Path(path).suffix.lower()
        name = next((n for n, (_m, extensions) in _TABLE.items() if suffix in extensions), None)
    return READERS[name] if name in _PACKAGED else None


def load(path: str, data: bytes, *, encoding: str | None = None, lang: str | None = None,
         fmt: str | None = None, source_lang: str | None = None) -> Document:
    """Parse `data` read from `path` into a Document."""
    packaged = bytes_reader(path, fmt)
    if packaged is not None:
        return packaged.parse_bytes(path, data, lang, source_lang)  # type: ignore[no-any-return]
    if is_binary(data):
        raise InputError(_("is a binary file, not text"), path)
    text, enc, bom = decode(data, path, encoding)
    reader = reader_for(path, text, fmt)
    extra = {"source_lang": source_lang} if source_lang else {}
    document = reader.parse(path, text, lang, **extra)
    return replace(document, encoding=enc, bom=bom)


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


def escape_for(document: Document):  # type: ignore[no-untyped-def]
    return READERS.get(document.format, READERS["text"]).escape
