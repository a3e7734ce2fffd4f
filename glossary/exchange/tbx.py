"""TBX export (ISO 30042:2019, TBX-Basic, DCA style) and import (TBX 2019 and TBX 2008 martif).

Export uses only data categories TBX-Basic permits, at the levels it permits:
`termNote type="administrativeStatus"` with the four `*-admn-sts` values,
`termNote type="termType"` (abbreviation), `admin type="source"` inside an
`adminGrp`, and `note`. What TBX-Basic has no category for (a source's
publisher, URL, date and languages; a term's fix target, `since`, the concept's
examples) is written as `key: value` notes, which any TBX tool shows as notes
and `import_tbx` reads back. Concept ids that are not XML names (a leading
digit) get a `_` prefix, which slugs never contain.

Import never resolves entities, loads DTDs or touches the network; a document
that declares entities is refused.
"""

from __future__ import annotations

import re
from dataclasses import replace

from lxml import etree

from glossary.exchange import ExchangeError, decode_value, is_slug, key_line, slug, split_key_line
from glossary.i18n import _
from glossary.model import Concept, Example, Source, SourceKind, Status, Term

NS_2019 = "urn:iso:std:iso:30042:ed-2"
NAMESPACES_2019 = (NS_2019, "urn:iso:std:iso:30042:ed:3.0", "")
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"

TO_TBX = {
    Status.PREFERRED: "preferredTerm-admn-sts",
    Status.ADMITTED: "admittedTerm-admn-sts",
    Status.DEPRECATED: "deprecatedTerm-admn-sts",
    Status.SUPERSEDED: "supersededTerm-admn-sts",
}
FROM_TBX = {
    "preferred": Status.PREFERRED,
    "admitted": Status.ADMITTED,
    "deprecated": Status.DEPRECATED,
    "superseded": Status.SUPERSEDED,
    # TBX 2008 normativeAuthorization values that mean "the official form".
    "standardized": Status.PREFERRED,
    "legal": Status.PREFERRED,
    "regulated": Status.PREFERRED,
}
TERM_KEYS = frozenset({"note", "reason", "fix_to", "abbreviation_of", "since", "requires_source", "used_by", "article"})
SOURCE_KEYS = frozenset({"note", "publisher", "url", "date", "langs", "title", "kind"})
CONCEPT_KEYS = frozenset({"note", "example", "fixed"})


# ---- export -----------------------------------------------------------------------


def _el(parent: etree._Element, tag: str, text: str | None = None, **attrib: str) -> etree._Element:
    el = etree.SubElement(parent, f"{{{NS_2019}}}{tag}")
    for key, value in attrib.items():
        el.set(XML_LANG if key == "lang" else key, value)
    if text is not None:
        el.text = text
    return el


def _free_note(text: str, keys: frozenset[str]) -> str:
    """A free-text note, prefixed with `note: ` when it would read as a key line."""
    return key_line("note", text) if split_key_line(text, keys) or text != text.strip() else text


def _source(parent: etree._Element, source: Source) -> None:
    grp = _el(parent, "adminGrp")
    _el(grp, "admin", source.title, type="source")
    for key in ("publisher", "url", "date"):
        value = getattr(source, key)
        if value:
            _el(grp, "note", key_line(key, value))
    if source.langs:
        _el(grp, "note", "langs: " + " ".join(source.langs))
    if source.kind is not None:
        _el(grp, "note", "kind: " + source.kind.value)
    if source.note:
        _el(grp, "note", _free_note(source.note, SOURCE_KEYS))


def xml_id(concept_id: str) -> str:
    return "_" + concept_id if concept_id[:1].isdigit() else concept_id


def export_tbx(concepts: tuple[Concept, ...] | list[Concept]) -> str:
    """The TBX-Basic document for `concepts` (UTF-8 text with an XML declaration)."""
    root = etree.Element(f"{{{NS_2019}}}tbx", nsmap={None: NS_2019})
    root.set("type", "TBX-Basic")
    root.set("style", "dca")
    root.set(XML_LANG, "en")
    desc = _el(_el(_el(root, "tbxHeader"), "fileDesc"), "sourceDesc")
    _el(desc, "p", "Term base exported by glossary")
    body = _el(_el(root, "text"), "body")
    for concept in concepts:
        entry = _el(body, "conceptEntry", id=xml_id(concept.id))
        if concept.note:
            _el(entry, "note", _free_note(concept.note, CONCEPT_KEYS))
        for source in concept.sources:
            _source(entry, source)
        for example in concept.examples:
            _el(entry, "note", key_line("example", example.text), lang=example.lang)
            if example.fixed is not None:
                _el(entry, "note", key_line("fixed", example.fixed), lang=example.lang)
        for lang in concept.langs:
            sec = _el(entry, "langSec", lang=lang)
            for term in concept.terms_in(lang):
                term_sec = _el(sec, "termSec")
                _el(term_sec, "term", term.text)
                _el(term_sec, "termNote", TO_TBX[term.status], type="administrativeStatus")
                if term.abbreviation_of:
                    _el(term_sec, "termNote", "abbreviation", type="termType")
                if term.note:
                    _el(term_sec, "note", _free_note(term.note, TERM_KEYS))
                for key in ("reason", "fix_to", "abbreviation_of", "since"):
                    value = getattr(term, key)
                    if value:
                        _el(term_sec, "note", key_line(key, value))
                if term.requires_source:
                    _el(term_sec, "note", "requires_source: true")
                if term.used_by:
                    _el(term_sec, "note", "used_by: " + " ".join(term.used_by))
                if term.article:
                    _el(term_sec, "note", "article: " + term.article)
                for source in term.sources:
                    _source(term_sec, source)
    etree.indent(root, space="  ")
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + etree.tostring(root, encoding="unicode") + "\n"


# ---- import -----------------------------------------------------------------------

_PARSER_OPTIONS = dict(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False, remove_comments=True, remove_pis=True)


def parse_xml(text: str | bytes, path: str) -> etree._Element:
    """Parse XML without entities, DTD loading or network access."""
    from glossary.errors import InputError
    from glossary.readers._xml import refuse_entities

    data = text.encode("utf-8") if isinstance(text, str) else text
    try:
        refuse_entities(data, path)
    except InputError as exc:
        raise ExchangeError(_("entity declarations are not allowed (refused by glossary's own XML check, "
                              "before parsing)"), path, exc.line, exc.column) from None
    parser = etree.XMLParser(**_PARSER_OPTIONS)
    try:
        tree = etree.fromstring(data, parser).getroottree()
    except etree.XMLSyntaxError as exc:
        line, column = exc.position if exc.position else (None, None)
        raise ExchangeError(_("not well-formed XML: {reason}").format(reason=exc.msg), path, line, column) from exc
    dtd = tree.docinfo.internalDTD
    if dtd is not None and any(True for _ in dtd.iterentities()):
        raise ExchangeError(_("entity declarations are not allowed"), path, 1)
    for node in tree.iter():
        if isinstance(node, etree._Entity):
            raise ExchangeError(_("entity reference {entity} is not allowed").format(entity=node.text), path, node.sourceline)
    return tree.getroot()


def _local(el: etree._Element) -> str:
    return etree.QName(el).localname if isinstance(el.tag, str) else ""


def _ns(el: etree._Element) -> str:
    return etree.QName(el).namespace or ""


def _children(el: etree._Element, *names: str) -> list[etree._Element]:
    return [c for c in el if isinstance(c.tag, str) and _local(c) in names]


def _text(el: etree._Element) -> str:
    """The element's text with inline markup flattened."""
    return "".join(el.itertext())


def _status(value: str, path: str, el: etree._Element) -> Status:
    key = value.strip()
    for suffix in ("Term-admn-sts", "-admn-sts", "Term"):
        if key.endswith(suffix):
            key = key[: -len(suffix)]
            break
    if key not in FROM_TBX:
        raise ExchangeError(_('unknown administrative status "{status}"').format(status=value), path, el.sourceline)
    return FROM_TBX[key]


def _read_source(grp: etree._Element, path: str) -> Source:
    fields: dict[str, str] = {}
    admins = [a for a in _children(grp, "admin") if a.get("type") == "source"]
    title = _text(admins[0]) if admins else ""
    notes: list[str] = []
    for note in _children(grp, "note", "adminNote"):
        pair = split_key_line(_text(note), SOURCE_KEYS)
        if pair:
            fields[pair[0]] = decode_value(pair[1])
        else:
            notes.append(_text(note))
    for xref in _children(grp, "xref"):
        fields.setdefault("url", xref.get("target", ""))
    if notes:
        fields["note"] = "\n".join([fields["note"], *notes] if "note" in fields else notes)
    return Source(
        title=fields.get("title", title),
        publisher=fields.get("publisher", ""),
        url=fields.get("url", ""),
        date=fields.get("date", ""),
        langs=tuple(fields.get("langs", "").split()),
        note=fields.get("note", ""),
        kind=_kind(fields.get("kind", ""), path, grp),
    )


def _kind(value: str, path: str, where: etree._Element) -> SourceKind | None:
    if not value:
        return None
    try:
        return SourceKind(value)
    except ValueError:
        kinds = ", ".join(k.value for k in SourceKind)
        raise ExchangeError(_('unknown source kind "{kind}" (expected {kinds})').format(kind=value, kinds=kinds),
                            path, where.sourceline) from None


_DATE = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?\Z")


def _sources(el: etree._Element, path: str) -> tuple[tuple[Source, ...], list[str]]:
    """The sources at this level, and notes made from sources the term base cannot hold.

    A term-base source needs a title, publisher or URL and a date; a foreign TBX
    often gives only a free-text `admin type="source"`, which becomes a
    `Source: …` note instead, so the imported term base still loads.
    """
    found: list[Source] = []
    notes: list[str] = []
    for child in el:
        if not isinstance(child.tag, str):
            continue
        name = _local(child)
        if name == "adminGrp" and any(a.get("type") == "source" for a in _children(child, "admin")):
            source = _read_source(child, path)
        elif name == "admin" and child.get("type") == "source":
            source = Source(title=_text(child))
        else:
            continue
        if (source.title or source.publisher or source.url) and _DATE.match(source.date):
            found.append(source)
        else:
            cited = ", ".join(x for x in (source.publisher, source.title, source.url, source.date, source.note) if x)
            notes.append(f"Source: {cited}")
    return tuple(found), notes


def _read_term(holder: etree._Element, term_el: etree._Element, lang: str, path: str) -> Term:
    status = Status.ADMITTED  # TBX leaves status optional; a plain entry is an accepted form
    for note in _children(holder, "termNote"):
        if note.get("type") in ("administrativeStatus", "normativeAuthorization"):
            status = _status(_text(note), path, note)
    fields: dict[str, str] = {}
    free: list[str] = []
    for note in _children(holder, "note"):
        pair = split_key_line(_text(note), TERM_KEYS)
        if pair:
            fields[pair[0]] = decode_value(pair[1])
        else:
            free.append(_text(note))
    text = _text(term_el)
    if not text.strip():
        raise ExchangeError(_("empty term"), path, term_el.sourceline)
    sources, source_notes = _sources(holder, path)
    free += source_notes
    note = "\n".join([fields["note"], *free] if "note" in fields else free)
    return Term(
        text=text,
        lang=lang,
        status=status,
        note=note,
        fix_to=fields.get("fix_to") or None,
        abbreviation_of=fields.get("abbreviation_of") or None,
        since=fields.get("since", ""),
        sources=sources,
        requires_source=fields.get("requires_source") == "true",
        used_by=tuple(fields.get("used_by", "").split()),
        article=fields.get("article", ""),
        reason=fields.get("reason", ""),
    )


def _concept_id(entry: etree._Element, terms: list[Term], used: set[str], path: str) -> str:
    raw = entry.get("id") or ""
    if raw.startswith("_") and is_slug(raw[1:]):
        raw = raw[1:]
    base = raw if is_slug(raw) else slug(raw) or slug(terms[0].text if terms else "") or "concept"
    cid, n = base, 2
    while cid in used:
        cid, n = f"{base}-{n}", n + 1
    used.add(cid)
    return cid


def _read_entry(entry: etree._Element, sec_name: str, path: str, used: set[str]) -> Concept:
    terms: list[Term] = []
    for sec in _children(entry, sec_name):
        lang = sec.get(XML_LANG) or sec.get("lang")
        if not lang:
            raise ExchangeError(_("<{element}> without xml:lang").format(element=sec_name), path, sec.sourceline)
        for holder in _children(sec, "termSec", "tig", "ntig"):
            if _local(holder) == "ntig":
                grp = _children(holder, "termGrp")
                if not grp:
                    raise ExchangeError(_("<{element}> without <{child}>").format(element="ntig", child="termGrp"), path, holder.sourceline)
                inner = grp[0]
                term_els = _children(inner, "term")
                notes_from = inner
            else:
                term_els = _children(holder, "term")
                notes_from = holder
            if not term_els:
                raise ExchangeError(_("<{element}> without <{child}>").format(element=_local(holder), child="term"), path, holder.sourceline)
            term = _read_term(notes_from, term_els[0], lang, path)
            if notes_from is not holder:  # ntig: notes and sources may also sit beside termGrp
                extra = _read_term(holder, term_els[0], lang, path)
                note = "\n".join(n for n in (term.note, extra.note) if n)
                term = replace(term, note=note, sources=term.sources + extra.sources)
            terms.append(term)
    if not terms:
        raise ExchangeError(_("concept entry without terms"), path, entry.sourceline)
    note_parts: list[str] = []
    examples: list[Example] = []
    for note in _children(entry, "note"):
        text = _text(note)
        pair = split_key_line(text, CONCEPT_KEYS)
        if pair is None:
            note_parts.append(text)
        elif pair[0] == "note":
            note_parts.append(decode_value(pair[1]))
        elif pair[0] == "example":
            examples.append(Example(lang=note.get(XML_LANG, ""), text=decode_value(pair[1])))
        elif examples and examples[-1].fixed is None:
            examples[-1] = Example(lang=examples[-1].lang, text=examples[-1].text, fixed=decode_value(pair[1]))
        else:
            raise ExchangeError(_('"fixed:" note without an "example:" note before it'), path, note.sourceline)
    if not note_parts:
        for descrip in entry.iter(f"{{{_ns(entry)}}}descrip" if _ns(entry) else "descrip"):
            if descrip.get("type") == "definition":
                note_parts.append(_text(descrip))
                break
    cid = _concept_id(entry, terms, used, path)
    sources, source_notes = _sources(entry, path)
    note_parts += source_notes
    return Concept(id=cid, note="\n".join(note_parts), terms=tuple(terms), sources=sources, examples=tuple(examples))



def import_tbx(text: str | bytes, path: str = "") -> tuple[Concept, ...]:
    """Concepts from a TBX 2019 (`tbx`/`conceptEntry`) or TBX 2008 (`martif`/`termEntry`) document."""
    root = parse_xml(text, path)
    kind = _local(root)
    if kind == "tbx" and _ns(root) in NAMESPACES_2019:
        entry_name, sec_name = "conceptEntry", "langSec"
    elif kind == "martif":
        entry_name, sec_name = "termEntry", "langSet"
    else:
        raise ExchangeError(_("not a TBX document (root element <{element}>)").format(element=kind), path, root.sourceline)
    bodies = [b for b in root.iter() if isinstance(b.tag, str) and _local(b) == "body"]
    if not bodies:
        raise ExchangeError(_("TBX document without <{child}>").format(child="body"), path, root.sourceline)
    used: set[str] = set()
    return tuple(_read_entry(e, sec_name, path, used) for e in _children(bodies[0], entry_name))

