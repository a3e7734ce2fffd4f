"""The interface every file format implements, and the defaults text formats share.

A reader turns a file's bytes into a `Document` of checkable segments and a
document plus edits back into bytes. A text format only writes `parse(path,
text, lang, source_lang)` and `escape`; `ModuleReader` supplies the rest:
refusing binary data, decoding (BOM honoured), comments everywhere, every
span replaceable, and writing by applying the edits to the text and encoding
it as the file was. A packaged format (.docx) implements `parse_bytes(path,
data, lang, source_lang)` and `write(document, edits)` itself and is never
decoded as text.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace
from types import ModuleType

from ..errors import InputError
from ..i18n import _
from ..model import Document, Edit, Span

TYPE_CHECKING = False  # typing's own flag, without importing typing (see glossary/__init__.py)
if TYPE_CHECKING:
    from typing import Any, Protocol
else:
    Protocol = object  # `Reader` describes a format to type checkers; nothing checks it at run time


class Reader(Protocol):
    """What the core asks of a file format."""

    NAME: str
    EXTENSIONS: tuple[str, ...]

    @property
    def packaged(self) -> bool:
        return hasattr(self.module, "parse_bytes")

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

    @property
    def packaged(self) -> bool:
        """Whether the format is read from its bytes (a zip package), never decoded as text."""

    def write(self, document: Document, edits: Sequence[Edit]) -> tuple[bytes, list[tuple[Edit, str]]]:
        """The file's new bytes with `edits` (non-overlapping, in the document's text) applied,
        and the edits the format could not make, each with why (a .docx span across runs)."""


class ModuleReader:
    """A format's module seen as a `Reader`: its own hooks where it has them, the text defaults elsewhere."""

    __slots__ = ("module", "NAME", "EXTENSIONS")

    def __init__(self, module: ModuleType, name: str, extensions: tuple[str, ...]) -> None:
        self.module = module
        self.NAME = name
        self.EXTENSIONS = extensions

    def __getattr__(self, name: str) -> Any:
        return getattr(self.module, name)  # parse, parse_aligned and the like

    def __repr__(self) -> str:
        return f"<reader {self.NAME}>"

    @property
    def packaged(self) -> bool:
        return hasattr(self.module, "parse_bytes")

    def sniff(self, head: str) -> bool:
        test = getattr(self.module, "sniff", None)
        return bool(test(head)) if test is not None else False

    def parse_bytes(self, path: str, data: bytes, *, encoding: str | None = None, lang: str | None = None,
                    source_lang: str | None = None) -> Document:
        if self.packaged:
            return self.module.parse_bytes(path, data, lang, source_lang)  # type: ignore[no-any-return]
        from . import decode, is_binary

        if is_binary(data):
            raise InputError(_("is a binary file, not text"), path)
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

    def write(self, document: Document, edits: Sequence[Edit]) -> tuple[bytes, list[tuple[Edit, str]]]:
        own = getattr(self.module, "write", None)
        if own is not None:
            data, refused = own(document, edits)
            return data, list(refused)
        from ..fix import apply
        from ..writers import encode

        return encode(document, apply(document.text, edits)), []
