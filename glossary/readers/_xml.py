"""One safe XML parser for the XML readers, with exact offsets into the text.

The readers need two things the stdlib tree builders do not give: where every
character of element content sits in the decoded document (so a finding points
at the right line and column and a fix patches only its span), and a parser that
never expands entities, reads a DTD or touches the network. expat gives byte
indices for every event; a document type declaration or any entity declaration
is refused before anything is expanded, and a reference to an undeclared entity
is an expat error. No third-party dependency is needed for either.
"""

from __future__ import annotations

import re

import xml.parsers.expat as expat
from dataclasses import dataclass, field

from glossary.errors import InputError
from glossary.i18n import N_, _
from glossary.positions import line_column

XML_NS = "http://www.w3.org/XML/1998/namespace"


@dataclass(slots=True)
class Chars:
    """A run of character data; char `i` came from `text[starts[i]:ends[i]]`."""

    text: str
    starts: list[int]
    ends: list[int]


@dataclass(slots=True)
class Element:
    """An element with the offsets of its tags in the decoded document.

    `tag` is `{namespace}local` (or `local` without a namespace); `open_start`
    is the offset of `<`, `open_end` the offset after the start tag's `>`,
    `close_start`/`close_end` the same for the end tag (equal to `open_end`
    for an empty-element tag).
    """

    tag: str
    attrib: dict[str, str]
    open_start: int
    open_end: int = 0
    close_start: int = 0
    close_end: int = 0
    children: list[Element | Chars] = field(default_factory=list)
    parent: Element | None = field(default=None, repr=False)

    @property
    def local(self) -> str:
        return self.tag.rsplit("}", 1)[-1]

    @property
    def namespace(self) -> str:
        return self.tag[1:].split("}", 1)[0] if self.tag.startswith("{") else ""

    def elements(self) -> list[Element]:
        return [c for c in self.children if isinstance(c, Element)]

    def iter(self, local: str | None = None):
        """Yield this element and its descendants in document order."""
        if local is None or self.local == local:
            yield self
        for child in self.children:
            if isinstance(child, Element):
                yield from child.iter(local)

    def get(self, name: str, default: str | None = None) -> str | None:
        return self.attrib.get(name, default)

    @property
    def lang(self) -> str | None:
        return self.attrib.get(f"{{{XML_NS}}}lang")


class _Refused(Exception):
    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def _clark(name: str) -> str:
    if " " in name:
        uri, local = name.split(" ", 1)
        return f"{{{uri}}}{local}"
    return name


def _tag_end(text: str, start: int) -> int:
    """Offset after the `>` that closes the tag opened at `start`."""
    quote = ""
    i = start + 1
    n = len(text)
    while i < n:
        c = text[i]
        if quote:
            if c == quote:
                quote = ""
        elif c in "\"'":
            quote = c
        elif c == ">":
            return i + 1
        i += 1
    return n


class _Tree:
    """expat's events built into Elements and Chars, with code-point offsets into `text`."""

    __slots__ = ("text", "data", "parser", "root", "stack", "in_cdata", "last_byte", "last_char")

    def __init__(self, text: str, data: bytes, parser: expat.XMLParserType) -> None:
        self.text = text
        self.data = data
        self.parser = parser
        self.root: Element | None = None
        self.stack: list[Element] = []
        self.in_cdata = False
        # Byte indices from expat become code-point offsets, decoding only the
        # bytes between consecutive events (they arrive in increasing order).
        self.last_byte = 0
        self.last_char = 0

    def to_char(self, byte_index: int) -> int:
        if byte_index < self.last_byte:
            self.last_byte, self.last_char = 0, 0
        self.last_char += len(self.data[self.last_byte:byte_index].decode("utf-8", "surrogatepass"))
        self.last_byte = byte_index
        return self.last_char

    def start(self, name: str, attrs: dict[str, str]) -> None:
        begin = self.to_char(self.parser.CurrentByteIndex)
        element = Element(_clark(name), {_clark(k): v for k, v in attrs.items()}, begin)
        element.open_end = _tag_end(self.text, begin)
        stack = self.stack
        if stack:
            element.parent = stack[-1]
            stack[-1].children.append(element)
        else:
            self.root = element
        stack.append(element)

    def end(self, _name: str) -> None:
        element = self.stack.pop()
        if self.text[element.open_end - 2 : element.open_end] == "/>":
            element.close_start = element.close_end = element.open_end
            return
        at = self.to_char(self.parser.CurrentByteIndex)
        element.close_start = at
        element.close_end = _tag_end(self.text, at)

    def chars(self, data: str) -> None:
        if not self.stack:
            return
        starts, ends = self._spans(data, self.to_char(self.parser.CurrentByteIndex))
        children = self.stack[-1].children
        last = children[-1] if children else None
        if isinstance(last, Chars) and last.ends and starts and last.ends[-1] == starts[0]:
            last.text += data
            last.starts.extend(starts)
            last.ends.extend(ends)
        else:
            children.append(Chars(data, starts, ends))

    def _spans(self, data: str, pos: int) -> tuple[list[int], list[int]]:
        """Where each character of `data` sits in the text from `pos`: a reference or CRLF is one character."""
        text = self.text
        starts: list[int] = []
        ends: list[int] = []
        for _item in data:
            c = text[pos] if pos < len(text) else ""
            if c == "&" and not self.in_cdata:
                stop = text.index(";", pos) + 1
            elif c == "\r" and text[pos + 1 : pos + 2] == "\n":
                stop = pos + 2
            else:
                stop = pos + 1
            starts.append(pos)
            ends.append(stop)
            pos = stop
        return starts, ends

    def cdata_start(self) -> None:
        self.in_cdata = True

    def cdata_end(self) -> None:
        self.in_cdata = False


def _refuse_doctype(*_: object) -> None:
    raise _Refused(N_("document type declarations are refused (no DTD is read and no entity is expanded)"))


def _refuse_entity(*_: object) -> None:
    raise _Refused(ENTITIES_REFUSED)


def _parser(text: str, data: bytes) -> tuple[expat.XMLParserType, _Tree]:
    """An expat parser that refuses DTDs and entities, wired to a tree builder."""
    parser = expat.ParserCreate(encoding="utf-8", namespace_separator=" ")
    parser.buffer_text = False
    parser.ordered_attributes = False
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
    tree = _Tree(text, data, parser)
    parser.StartDoctypeDeclHandler = _refuse_doctype
    parser.EntityDeclHandler = _refuse_entity
    parser.UnparsedEntityDeclHandler = _refuse_entity
    parser.ExternalEntityRefHandler = lambda *a: _refuse_entity()
    parser.StartElementHandler = tree.start
    parser.EndElementHandler = tree.end
    parser.CharacterDataHandler = tree.chars
    parser.StartCdataSectionHandler = tree.cdata_start
    parser.EndCdataSectionHandler = tree.cdata_end
    return parser, tree


def parse(text: str, path: str) -> Element:
    """Parse `text` and return the root element; raise InputError on bad or unsafe XML."""
    data = text.encode("utf-8")
    parser, tree = _parser(text, data)
    try:
        parser.Parse(data, True)
    except _Refused as exc:
        at = text.find("<!DOCTYPE")
        line, column = line_column(text, at if at >= 0 else tree.to_char(parser.CurrentByteIndex))
        raise InputError(_(exc.message), path, line, column) from None
    except expat.ExpatError as exc:
        line, column = line_column(text, tree.to_char(parser.ErrorByteIndex))
        message = expat.ErrorString(exc.code)
        if exc.code == expat.errors.codes[expat.errors.XML_ERROR_UNDEFINED_ENTITY]:
            message += " (entities are never expanded)"
        raise InputError(_("not well-formed XML: {reason}").format(reason=message), path, line, column) from None
    assert tree.root is not None  # expat rejects a document without a root element
    return tree.root


ENTITIES_REFUSED = N_("entity declarations are refused (entities are never expanded)")


class _Prolog(Exception):
    """The root element began: the prolog, where entities could be declared, is over."""


def refuse_entities(data: bytes, path: str, part: str | None = None) -> None:
    """The project's own XML limit, for XML handed to another parser (lxml in .docx and TBX).

    Entities can only be declared in a document type declaration before the
    root element, so expat reads just the prolog and stops at the first start
    tag; an entity declaration (the way to billion-laughs expansion and to
    external entities) is refused here, with the project's message, before
    libxml2 would meet it. A DOCTYPE naming an external DTD is allowed (TBX 2008
    files carry one); it is never loaded.
    """
    parser = expat.ParserCreate()
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)

    def refuse(*_: object) -> None:
        raise _Refused(ENTITIES_REFUSED)

    def begin(*_: object) -> None:
        raise _Prolog()

    parser.EntityDeclHandler = refuse
    parser.UnparsedEntityDeclHandler = refuse
    parser.StartElementHandler = begin
    try:
        parser.Parse(data, True)
    except _Prolog:
        return
    except _Refused as exc:
        where = f"{part}: " if part else ""
        raise InputError(f"{where}{_(exc.message)}", path, parser.CurrentLineNumber,
                         parser.CurrentColumnNumber + 1) from None
    except expat.ExpatError:
        return  # not well-formed: the format's own parser says where


@dataclass(frozen=True, slots=True)
class Content:
    """The text of an element with inline markup removed, mapped to the document."""

    text: str
    starts: tuple[int, ...]
    ends: tuple[int, ...]


def parse_document(text: str, path: str, root_name: str, what: str) -> Element:
    """Parse `text` and insist that its root element is `root_name` (an XLIFF, a TMX...)."""
    root = parse(text, path)
    if root.local != root_name:
        line, column = line_column(text, root.open_start)
        raise InputError(f'not {what} document (root element is "{root.local}")', path, line, column)
    return root


def content(element: Element, text_tags: frozenset[str], skip: object = None) -> Content:
    """Collect the character data of `element` and of nested inline elements named in `text_tags`.

    Inline elements not named there (placeholders, native codes) contribute no
    text; they stay in the document and fixes that would cross them are refused.
    `skip(child)` can exclude a text-bearing element (protected or
    `translate="no"` content). An XLIFF 2 `<cp hex="…"/>` contributes its
    character.
    """
    parts: list[str] = []
    starts: list[int] = []
    ends: list[int] = []

    def walk(node: Element) -> None:
        for child in node.children:
            if isinstance(child, Chars):
                parts.append(child.text)
                starts.extend(child.starts)
                ends.extend(child.ends)
            elif child.local == "cp" and child.get("hex"):
                try:
                    parts.append(chr(int(child.get("hex") or "", 16)))
                except ValueError:
                    continue
                starts.append(child.open_start)
                ends.append(child.close_end)
            elif child.local in text_tags and not (callable(skip) and skip(child)):
                walk(child)

    walk(element)
    return Content("".join(parts), tuple(starts), tuple(ends))


def replaceable(text: str, span) -> bool:  # type: ignore[no-untyped-def]
    """A fix may overwrite `span` only if it holds no markup (tags, comments) and is not in CDATA.

    Inline tags are kept out of the matched text but must never be lost: a
    finding whose span crosses one is reported and left for a person to fix.
    """
    if "<" in text[span.start:span.end]:
        return False
    opened = text.rfind("<![CDATA[", 0, span.start)
    return opened < 0 or text.rfind("]]>", 0, span.start) > opened


def escape(text: str) -> str:
    """Escape `text` for element content."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


_UNIT = re.compile(r"<(trans-unit|unit|tu)\b[\s\S]*?</\1\s*>")


def units(text: str) -> list[tuple[int, int]]:
    """Line ranges (first, last) of translation units, for suppression comments that cover a unit."""
    from glossary.positions import LineIndex

    index = LineIndex(text)
    return [(index.position(m.start()).line, index.position(m.end()).line) for m in _UNIT.finditer(text)]
