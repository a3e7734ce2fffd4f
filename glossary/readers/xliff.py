"""XLIFF 1.2 and 2.0: one segment per translated target, with its source.

The version is read from the root element (namespace, then `version`), never
from the extension. Languages come from `source-language`/`target-language` on
each `<file>` (1.2) or `srcLang`/`trgLang` on the root (2.0); `lang` and
`source_lang` override them. Units marked `translate="no"` are skipped, and
so is content inside `<mrk mtype="protected">` (1.2) or `<mrk translate="no">`
(2.0). Inline codes (`<x/>`, `<ph>`, `<bpt>`, `<ept>`, `<it>`, `<bx/>`,
`<ex/>`, `<sc/>`, `<ec/>`, `<ph/>`) add no text; paired tags that wrap text
(`<g>`, `<mrk>`, `<pc>`) add their text.
"""

from __future__ import annotations

from glossary.errors import InputError
from glossary.model import Document, Segment
from glossary.positions import line_column
from glossary.readers import _xml
from glossary.readers._common import lang_tag
from glossary.readers import extensions
from glossary.readers._common import html_comments

NAME = "xliff"
EXTENSIONS = extensions(NAME)

NS_12 = "urn:oasis:names:tc:xliff:document:1.2"
NS_11 = "urn:oasis:names:tc:xliff:document:1.1"
NS_20 = "urn:oasis:names:tc:xliff:document:2.0"

_TEXT_TAGS_12 = frozenset({"g", "mrk"})
_TEXT_TAGS_20 = frozenset({"pc", "mrk"})


def sniff(text: str) -> bool:
    """True when `text` looks like an XLIFF document."""
    head = text[:2048]
    return "<xliff" in head


def escape(text: str) -> str:
    return _xml.escape(text)


replaceable = _xml.replaceable
blocks = _xml.units
comments = html_comments


def _protected(element: _xml.Element) -> bool:
    return element.get("mtype") == "protected" or element.get("translate") == "no"


def _segment(target: _xml.Element, source: _xml.Element | None, text_tags: frozenset[str], lang: str,
             source_lang: str | None, unit_id: str | None) -> Segment | None:
    body = _xml.content(target, text_tags, _protected)
    if not body.text.strip():
        return None
    source_text = _xml.content(source, text_tags, _protected).text if source is not None else None
    return Segment(text=body.text, lang=lang, starts=body.starts, ends=body.ends, unit_id=unit_id,
                   source_text=source_text, source_lang=source_lang)


def _lang_attr(element: _xml.Element, name: str, path: str, text: str) -> str | None:
    value = element.get(name)
    if not value:
        return None
    return lang_tag(value, path, text, element.open_start)


def _parse_12(root: _xml.Element, path: str, text: str, lang: str | None,
              source_lang: str | None) -> list[Segment]:
    segments: list[Segment] = []
    for file in root.iter("file"):
        file_src = source_lang or _lang_attr(file, "source-language", path, text)
        file_trg = lang or _lang_attr(file, "target-language", path, text)
        for unit in file.iter("trans-unit"):
            if unit.get("translate") == "no":
                continue
            children = unit.elements()
            source = next((c for c in children if c.local == "source"), None)
            target = next((c for c in children if c.local == "target"), None)
            if target is None:
                continue
            trg = file_trg or _lang_attr(target, "{%s}lang" % _xml.XML_NS, path, text)
            if trg is None:
                line, column = line_column(text, file.open_start)
                raise InputError('no target language ("target-language" on <file>); pass --lang', path, line, column)
            segment = _segment(target, source, _TEXT_TAGS_12, trg, file_src, unit.get("id"))
            if segment is not None:
                segments.append(segment)
    return segments


def _parse_20(root: _xml.Element, path: str, text: str, lang: str | None,
              source_lang: str | None) -> list[Segment]:
    src = source_lang or _lang_attr(root, "srcLang", path, text)
    trg = lang or _lang_attr(root, "trgLang", path, text)
    segments: list[Segment] = []
    for unit in root.iter("unit"):
        if unit.get("translate") == "no" or any(
            a.local == "group" and a.get("translate") == "no" for a in _ancestors(unit)
        ):
            continue
        parts = [c for c in unit.elements() if c.local == "segment"]
        for index, part in enumerate(parts, 1):
            children = part.elements()
            source = next((c for c in children if c.local == "source"), None)
            target = next((c for c in children if c.local == "target"), None)
            if target is None:
                continue
            if trg is None:
                line, column = line_column(text, root.open_start)
                raise InputError('no target language ("trgLang" on <xliff>); pass --lang', path, line, column)
            unit_id = unit.get("id") or ""
            if len(parts) > 1:
                unit_id = f"{unit_id}/{part.get('id') or index}"
            segment = _segment(target, source, _TEXT_TAGS_20, trg, src, unit_id or None)
            if segment is not None:
                segments.append(segment)
    return segments


def _ancestors(element: _xml.Element):
    node = element.parent
    while node is not None:
        yield node
        node = node.parent


def parse(path: str, text: str, lang: str | None = None, source_lang: str | None = None) -> Document:
    """Read an XLIFF 1.2 or 2.0 document."""
    lang = lang_tag(lang, path) if lang else None
    source_lang = lang_tag(source_lang, path) if source_lang else None
    root = _xml.parse_document(text, path, "xliff", "an XLIFF")
    version = root.get("version") or ""
    if root.namespace == NS_20 or (not root.namespace and version.startswith("2.")):
        segments = _parse_20(root, path, text, lang, source_lang)
    elif root.namespace in (NS_12, NS_11, "") and (version.startswith("1.") or not version):
        segments = _parse_12(root, path, text, lang, source_lang)
    else:
        line, column = line_column(text, root.open_start)
        raise InputError(f'unsupported XLIFF version "{version}" (expected 1.2 or 2.0)', path, line, column)
    return Document(path=path, text=text, segments=tuple(segments), format=NAME)
