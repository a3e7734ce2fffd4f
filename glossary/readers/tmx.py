"""TMX 1.4: one segment per translation variant that is not the source.

The source variant of a `<tu>` is the `<tuv>` whose language is the header's
`srclang` (or `source_lang`); with `srclang="*all*"` and no `source_lang`, the
first `<tuv>` is the source. Every other `<tuv>` is a target, or only those in
`lang` when it is given. Languages come from `xml:lang` (or `lang`, as TMX 1.1
to 1.3 wrote it) and are compared in canonical form. `<bpt>`, `<ept>`, `<it>`,
`<ph>` and `<ut>` hold native codes and add no text; `<hi>` wraps text.
"""

from __future__ import annotations

from glossary.errors import InputError
from glossary.model import Document, Segment
from glossary.positions import line_column
from glossary.readers import _xml
from glossary.readers._common import lang_tag
from glossary.readers import extensions
from glossary.readers._common import html_comments

NAME = "tmx"
EXTENSIONS = extensions(NAME)

_TEXT_TAGS = frozenset({"hi"})


def sniff(text: str) -> bool:
    """True when `text` looks like a TMX document."""
    return "<tmx" in text[:2048]


def escape(text: str) -> str:
    return _xml.escape(text)


replaceable = _xml.replaceable
blocks = _xml.units
comments = html_comments


def _tuv_lang(tuv: _xml.Element, path: str, text: str) -> str:
    value = tuv.lang or tuv.get("lang")
    if not value:
        line, column = line_column(text, tuv.open_start)
        raise InputError("<tuv> without xml:lang", path, line, column)
    return lang_tag(value, path, text, tuv.open_start)


def parse(path: str, text: str, lang: str | None = None, source_lang: str | None = None) -> Document:
    """Read a TMX document."""
    lang = lang_tag(lang, path) if lang else None
    source_lang = lang_tag(source_lang, path) if source_lang else None
    root = _xml.parse_document(text, path, "tmx", "a TMX")
    header = next(root.iter("header"), None)
    if source_lang is None and header is not None:
        srclang = header.get("srclang") or ""
        if srclang and srclang.lower() != "*all*":
            source_lang = lang_tag(srclang, path, text, header.open_start)
    segments: list[Segment] = []
    for index, tu in enumerate(root.iter("tu"), 1):
        variants = [(tuv, _tuv_lang(tuv, path, text)) for tuv in tu.elements() if tuv.local == "tuv"]
        if not variants:
            continue
        if source_lang is None:
            source, src = variants[0]
        else:
            source, src = next(((t, g) for t, g in variants if g == source_lang), (None, source_lang))
        source_seg = next((c for c in source.elements() if c.local == "seg"), None) if source is not None else None
        source_text = _xml.content(source_seg, _TEXT_TAGS).text if source_seg is not None else None
        for tuv, tuv_lang in variants:
            if tuv is source or (lang is not None and tuv_lang != lang):
                continue
            seg = next((c for c in tuv.elements() if c.local == "seg"), None)
            if seg is None:
                continue
            body = _xml.content(seg, _TEXT_TAGS)
            if not body.text.strip():
                continue
            segments.append(Segment(text=body.text, lang=tuv_lang, starts=body.starts, ends=body.ends,
                                    unit_id=tu.get("tuid") or str(index), source_text=source_text,
                                    source_lang=src if source_text is not None else None))
    return Document(path=path, text=text, segments=tuple(segments), format=NAME)
