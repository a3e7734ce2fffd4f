"""Word documents (.docx): body paragraphs, tables, headers and footers, footnotes, endnotes, comments.

A .docx is a zip of XML parts, so it is read from bytes, never decoded as
text. Each paragraph becomes one line of the document's text and one segment,
so a finding's line is the paragraph's number in reading order (body first,
then headers and footers, footnotes, endnotes and comments) and its column is
the column in that paragraph; `location` says the part (with the note's or
comment's number, its rank in its part), the paragraph within it and the
table cell. python-docx has no footnotes or endnotes, so their parts are
parsed here with python-docx's own parser (no entities resolved, no DTD or
network read), after the same expat check of the prolog every part gets.

A fix rewrites a span that lies in one run, or in neighbouring runs with the
same formatting (merged into the first); any other span is refused with the
reason, and the offsets where formatting changes are the document's
`boundaries`, so `check` already reports such a finding as not fixable. Tracked
insertions and deletions, fields and text boxes are not read.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from typing import Any

from ..errors import InputError
from ..i18n import _
from ..model import Document, Edit, Segment, Span
from . import extensions

NAME = "docx"
EXTENSIONS = extensions(NAME)

MAX_UNPACKED = 256 * 1024 * 1024
"""The most a .docx may unpack to; a larger package is refused as a zip bomb."""
MAX_RATIO = 200
"""The most one member may expand over its compressed size (ordinary XML compresses about 10:1)."""

LINE_BREAK = "\u2028"
"""A line break inside a paragraph (<w:br/>), kept apart from "\\n", which ends a paragraph."""

_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


@dataclass(frozen=True, slots=True)
class Piece:
    """A run's text inside a paragraph's text: [start, end) and the run's formatting."""

    start: int
    end: int
    style: bytes


@dataclass(frozen=True, slots=True)
class Slot:
    """A paragraph in reading order, where it is, and its runs."""

    paragraph: Any
    location: tuple[tuple[str, object], ...]
    text: str
    pieces: tuple[Piece, ...]
    runs: tuple[Any, ...]
    part: Any = None
    """The package part to serialize again after an edit (footnotes, endnotes); None when python-docx does."""


def _open(path: str, data: bytes) -> Any:
    """The python-docx document, after the package has passed the size and kind checks."""
    if data.startswith(_OLE_MAGIC):
        raise InputError(_("is password-protected or an old binary Word file (.doc), not a .docx"), path)
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile:
        raise InputError(_("is not a .docx: not a zip archive"), path) from None
    with archive:
        members = archive.infolist()
        names = {m.filename for m in members}
        if "word/document.xml" not in names:
            raise InputError(_("is not a .docx: the archive has no word/document.xml"), path)
        if "EncryptedPackage" in names:
            raise InputError(_("is password-protected: open it in Word and save it without a password"), path)
        total = sum(m.file_size for m in members)
        if total > MAX_UNPACKED:
            raise InputError(_("refused: unpacks to {total} bytes, over the {limit}-byte limit for a .docx").format(
                total=total, limit=MAX_UNPACKED), path)
        for m in members:
            if m.compress_size and m.file_size > MAX_RATIO * m.compress_size and m.file_size > 1024 * 1024:
                raise InputError(_("refused: {part} expands {times} times, over the {limit}:1 limit for a .docx "
                                   "(a zip bomb?)").format(part=m.filename, times=m.file_size // m.compress_size,
                                                           limit=MAX_RATIO), path)
        from ._xml import refuse_entities

        for m in members:
            if m.filename.endswith((".xml", ".rels")):
                refuse_entities(archive.read(m), path, m.filename)
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        return docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, KeyError, ValueError, zipfile.BadZipFile) as exc:
        raise InputError(_("is not a readable .docx: {error}").format(error=exc), path) from None
    except Exception as exc:  # lxml's XMLSyntaxError and kin: a damaged part
        if type(exc).__module__.startswith("lxml"):
            raise InputError(_("is not a readable .docx: {error}").format(error=exc), path) from None
        raise


def _style(run: Any) -> bytes:
    from lxml import etree

    props = run._r.rPr
    return b"" if props is None else etree.tostring(props, method="c14n")


def _paragraph_runs(paragraph: Any) -> Iterator[Any]:
    """The paragraph's runs in order, those inside hyperlinks included."""
    from docx.text.hyperlink import Hyperlink

    for item in paragraph.iter_inner_content():
        if isinstance(item, Hyperlink):
            yield from item.runs
        else:
            yield item


def _slot(paragraph: Any, location: tuple[tuple[str, object], ...]) -> Slot:
    pieces, runs, parts, at = [], [], [], 0
    for run in _paragraph_runs(paragraph):
        text = run.text.replace("\n", LINE_BREAK)
        pieces.append(Piece(at, at + len(text), _style(run)))
        runs.append(run)
        parts.append(text)
        at += len(text)
    return Slot(paragraph, location, "".join(parts), tuple(pieces), tuple(runs))


def _blocks(container: Any, where: tuple[tuple[str, object], ...], counter: list[int]) -> Iterator[Slot]:
    """Paragraphs of a body, header, footer or cell, tables walked cell by cell."""
    from docx.table import Table

    tables = 0
    for block in container.iter_inner_content():
        if isinstance(block, Table):
            tables += 1
            seen: set[int] = set()
            for r, row in enumerate(block.rows, 1):
                for c, cell in enumerate(row.cells, 1):
                    if id(cell._tc) in seen:  # a merged cell is listed once per grid column it spans
                        continue
                    seen.add(id(cell._tc))
                    inner = (*where, ("table", tables), ("row", r), ("cell", c))
                    yield from _blocks(cell, inner, [0])
        else:
            counter[0] += 1
            yield _slot(block, (*where, ("paragraph", counter[0])))


NOTES = (("footnote", "footnotes"), ("endnote", "endnotes"), ("comment", "comments"))
"""Each note part's location name and relationship type name, in reading order."""

_SEPARATORS = ("separator", "continuationSeparator", "continuationNotice")
"""Footnotes and endnotes of these types are the rules Word draws above notes, not text."""


@dataclass(frozen=True, slots=True)
class NotePart:
    """A footnotes, endnotes or comments part: its root element, and the part when this module serializes it."""

    kind: str
    root: Any
    part: Any = None


class _Note:
    """One footnote, endnote or comment as a container of paragraphs and tables (python-docx's interface)."""

    def __init__(self, element: Any, parent: Any) -> None:
        self._element = element
        self._parent = parent

    @property
    def part(self) -> Any:
        return self._parent.part

    def iter_inner_content(self) -> Iterator[Any]:
        from docx.oxml.table import CT_Tbl
        from docx.oxml.text.paragraph import CT_P
        from docx.table import Table
        from docx.text.paragraph import Paragraph

        for child in self._element:
            if isinstance(child, CT_P):
                yield Paragraph(child, self)
            elif isinstance(child, CT_Tbl):
                yield Table(child, self)


def note_parts(document: Any, path: str = "") -> list[NotePart]:
    """The footnotes, endnotes and comments parts the document has, parsed."""
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from docx.opc.part import XmlPart
    from docx.oxml.parser import parse_xml

    found = []
    for kind, relation in NOTES:
        try:
            part = document.part.part_related_by(getattr(RT, relation.upper()))
        except KeyError:
            continue
        if isinstance(part, XmlPart):  # comments: python-docx parsed it and saves it
            found.append(NotePart(kind, part.element))
            continue
        try:
            found.append(NotePart(kind, parse_xml(part.blob), part))
        except Exception as exc:  # lxml's XMLSyntaxError: a damaged part
            if type(exc).__module__.startswith("lxml"):
                raise InputError(_("is not a readable .docx: {error}").format(
                    error=f"{str(part.partname).lstrip('/')}: {exc}"), path) from None
            raise
    return found


def _notes(document: Any, parts: list[NotePart]) -> Iterator[Slot]:
    """The paragraphs of every note and comment, numbered by rank in their part (Word's separators skipped)."""
    from docx.oxml.ns import qn

    for found in parts:
        number = 0
        for element in found.root:
            if element.tag != qn(f"w:{found.kind}") or element.get(qn("w:type")) in _SEPARATORS:
                continue
            number += 1
            for slot in _blocks(_Note(element, document), (("part", found.kind), ("number", number)), [0]):
                yield replace(slot, part=found.part)


def slots(document: Any, parts: list[NotePart] | None = None) -> list[Slot]:
    """Every paragraph in reading order: the body, each distinct header and footer, then the notes and comments."""
    out = list(_blocks(document, (("part", "body"),), [0]))
    seen: set[str] = set()
    for number, section in enumerate(document.sections, 1):
        for kind in ("header", "first_page_header", "even_page_header",
                     "footer", "first_page_footer", "even_page_footer"):
            part = getattr(section, kind)
            if part.is_linked_to_previous:
                continue
            name = str(part.part.partname)
            if name in seen:
                continue
            seen.add(name)
            label = kind.replace("_", " ")
            out.extend(_blocks(part, (("part", f"{label} {number}" if number > 1 else label),), [0]))
    out.extend(_notes(document, note_parts(document) if parts is None else parts))
    return out


def describe(location: tuple[tuple[str, object], ...]) -> str:
    """`body, table 1, row 2, cell 3, paragraph 1`, `footnote 2, paragraph 1`: the unit id shown in reports."""
    words: list[str] = []
    for key, value in location:
        if key == "number" and words:
            words[-1] += f" {value}"
        else:
            words.append(str(value) if key == "part" else f"{key} {value}")
    return ", ".join(words)


def parse_bytes(path: str, data: bytes, lang: str | None = None, source_lang: str | None = None) -> Document:
    word = _open(path, data)
    found = slots(word, note_parts(word, path))
    segments, at = [], 0
    boundaries: list[int] = []
    for slot in found:
        for a, b in zip(slot.pieces, slot.pieces[1:]):
            if a.style != b.style:
                boundaries.append(at + a.end)
        segments.append(Segment(text=slot.text, lang=lang, start=at, unit_id=describe(slot.location),
                                location=slot.location))
        at += len(slot.text) + 1
    text = "\n".join(slot.text for slot in found)
    return Document(path=path, text=text, segments=tuple(segments), format=NAME, raw=data,
                    boundaries=tuple(boundaries))


def escape(text: str) -> str:
    return text


def _edit_slot(slot: Slot, start: int, end: int, replacement: str) -> str | None:
    """Rewrite [start, end) of the paragraph in its runs; the reason when it cannot be done."""
    inside = [k for k, p in enumerate(slot.pieces) if p.start < end and p.end > start]
    if not inside:
        return "the span lies in no run"
    first, last = inside[0], inside[-1]
    styles = {slot.pieces[k].style for k in range(first, last + 1)}
    if len(styles) > 1:
        return "the span crosses runs with different formatting"
    runs = slot.runs[first:last + 1]
    parents = {id(run._r.getparent()) for run in runs}
    if len(parents) > 1:
        return "the span crosses a hyperlink's edge"
    text = "".join(slot.text[slot.pieces[k].start:slot.pieces[k].end] for k in range(first, last + 1))
    offset = slot.pieces[first].start
    new = text[: start - offset] + replacement + text[end - offset:]
    runs[0].text = new.replace(LINE_BREAK, "\n")
    for run in runs[1:]:
        run._r.getparent().remove(run._r)
    return None


def write(document: Document, edits: Sequence[Edit]) -> tuple[bytes, list[tuple[Edit, str]]]:
    """The .docx with `edits` applied (spans of `document.text`), and the edits refused with why."""
    assert document.raw is not None
    word = _open(document.path, document.raw)
    parts = note_parts(word, document.path)
    found = slots(word, parts)
    starts, at = [], 0
    for slot in found:
        starts.append(at)
        at += len(slot.text) + 1
    refused: list[tuple[Edit, str]] = []
    edited: dict[int, Any] = {}
    from bisect import bisect_right

    # Right to left, so an edit never moves the runs of one still to come.
    for edit in sorted(edits, key=lambda e: e.span.start, reverse=True):
        k = bisect_right(starts, edit.span.start) - 1
        slot = found[k]
        local = Span(edit.span.start - starts[k], edit.span.end - starts[k])
        if local.end > len(slot.text):
            refused.append((edit, "the span crosses the end of a paragraph"))
            continue
        why = _edit_slot(slot, local.start, local.end, edit.replacement)
        if why is not None:
            refused.append((edit, why))
        else:
            found[k] = replace(_slot(slot.paragraph, slot.location), part=slot.part)
            if slot.part is not None:
                edited[id(slot.part)] = slot.part
    for part in edited.values():  # a part python-docx keeps as bytes: write its edited tree back
        from docx.opc.oxml import serialize_part_xml

        root = next(p.root for p in parts if p.part is part)
        part._blob = serialize_part_xml(root)
    out = io.BytesIO()
    word.save(out)
    return out.getvalue(), refused


def pair(source: Document, target: Document) -> Document:
    """The target with each non-empty paragraph given the source's paragraph of the same rank."""
    sources = [s for s in source.segments if s.text.strip()]
    segments, k = [], 0
    for segment in target.segments:
        if segment.text.strip() and k < len(sources):
            segment = replace(segment, source_text=sources[k].text, source_lang=sources[k].lang)
            k += 1
        segments.append(segment)
    return replace(target, segments=tuple(segments))
