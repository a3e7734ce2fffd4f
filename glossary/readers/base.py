"""The interface every file format implements, and the defaults text formats share.

A reader turns a file's bytes into a `Document` of checkable segments and a
document plus edits back into bytes. Text formats (all of today's) only write
`parse(path, text, lang, source_lang)` and `escape`; `TextReader` supplies the
rest: refusing binary data, decoding (BOM honoured), comments everywhere,
every span replaceable, and writing by applying the edits to the text and
encoding it as the file was. A format that is not text (a .docx) implements
`parse_bytes` and `write` itself.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace
from types import ModuleType
from typing import Any, Protocol

from ..errors import InputError
from ..model import Document, Edit, Span


class Reader(Protocol):
    """What the core asks of a file format."""

    NAME: str
    EXTENSIONS: tuple[str, ...]

    def sniff(self, head: str) -> bool:
        """Whether a file with an unknown extension is in this format (`head`: its first characters)."""

    def parse_bytes(self, path: str, data: bytes, *, encoding: str | None = None, lang: str | None = None,
                    source_lang: str | None = None) -> Document:
        """The document in `data`; an InputError with a position when it is malformed."""

    def escape(self, text: str) -> str:
        """`text` as it must be written into the file (a fix's replacement)."""

    def replaceable(self, text: str, span: Span) -> bool:
        """Whether a fix may overwrite `span` of the document's text (inline markup refuses)."""

    def comments(self, text: str) -> Iterable[tuple[int, int]]:
        """Offset ranges of the comments that may hold suppression directives."""

    def blocks(self, text: str) -> list[tuple[int, int]]:
        """Line ranges (first, last) a line directive covers as a whole (PO entries, XML units); [] for lines."""

    def write(self, document: Document, edits: Sequence[Edit]) -> bytes:
        """The file's new bytes: `edits` (non-overlapping, in the document's text) applied."""


class TextReader:
    """A text format's module seen as a `Reader`: its own hooks where it has them, defaults elsewhere."""

    __slots__ = ("module", "NAME", "EXTENSIONS")

    def __init__(self, module: ModuleType, name: str, extensions: tuple[str, ...]) -> None:
        self.module = module
        self.NAME = name
        self.EXTENSIONS = extensions

    def __getattr__(self, name: str) -> Any:
        return getattr(self.module, name)  # parse, parse_aligned and the like

    def __repr__(self) -> str:
        return f"<reader {self.NAME}>"

    def sniff(self, head: str) -> bool:
        test = getattr(self.module, "sniff", None)
        return bool(test(head)) if test is not None else False

    def parse_bytes(self, path: str, data: bytes, *, encoding: str | None = None, lang: str | None = None,
                    source_lang: str | None = None) -> Document:
        from . import decode, is_binary

        if is_binary(data):
            raise InputError("is a binary file, not text", path)
        text, enc, bom = decode(data, path, encoding)
        extra = {"source_lang": source_lang} if source_lang else {}
        return replace(self.module.parse(path, text, lang, **extra), encoding=enc, bom=bom)

    def escape(self, text: str) -> str:
        return self.module.escape(text)  # type: ignore[no-any-return]

    def replaceable(self, text: str, span: Span) -> bool:
        test = getattr(self.module, "replaceable", None)
        return test is None or bool(test(text, span))

    def comments(self, text: str) -> Iterable[tuple[int, int]]:
        ranges = getattr(self.module, "comments", None)
        return ranges(text) if ranges is not None else ((0, len(text)),)

    def blocks(self, text: str) -> list[tuple[int, int]]:
        ranges = getattr(self.module, "blocks", None)
        return ranges(text) if ranges is not None else []

    def write(self, document: Document, edits: Sequence[Edit]) -> bytes:
        from ..fix import apply
        from ..writers import encode

        return encode(document, apply(document.text, edits))
