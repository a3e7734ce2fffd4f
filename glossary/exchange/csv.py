"""Weblate glossary CSV: one file per language, Weblate's eight columns.

A Weblate glossary component holds one file per language whose rows pair a
source-language term (`source`) with a term of that language (`target`);
`context` keeps rows with the same source apart, and the comment columns carry
explanations. Here every term of the language is one row: `source` is the
concept's preferred source-language term, `context` is the concept id (`id#2`,
`id#3` … for further terms), `translator_comments` is the term's note, and
`developer_comments` holds the rest as `key: value` lines (status, fix target,
sources, and on the concept's first row its note, sources, examples and
language order), so a set of files round-trips the term base.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Sequence

from glossary.exchange import STATUSES, ExchangeError, decode_value, is_slug, key_line, slug, split_key_line
from glossary.i18n import _
from glossary.model import Concept, Example, Source, SourceKind, Status, Term

HEADER = ("location", "source", "target", "id", "fuzzy", "context", "translator_comments", "developer_comments")
KEYS = frozenset(
{"status", "reason", "fix_to", "abbreviation_of", "since", "requires_source", "used_by", "article", "source", "concept.note", "concept.source", "concept.langs", "example"}
)


def _source_json(source: Source) -> str:
    data = {k: getattr(source, k) for k in ("title", "publisher", "url", "date", "note") if getattr(source, k)}
    if source.langs:
        data["langs"] = list(source.langs)
    if source.kind is not None:
        data["kind"] = source.kind.value
    return json.dumps(data, ensure_ascii=False, separators=(", ", ": "))


def _source_from(text: str, where: tuple[str, int]) -> Source:
    try:
        data = json.loads(text)
        return Source(
            title=data.get("title", ""),
            publisher=data.get("publisher", ""),
            url=data.get("url", ""),
            date=data.get("date", ""),
            langs=tuple(data.get("langs", ())),
            note=data.get("note", ""),
            kind=SourceKind(data["kind"]) if data.get("kind") else None,
        )
    except (ValueError, AttributeError, TypeError) as exc:
        raise ExchangeError(_("bad source in developer_comments: {text}").format(text=repr(text)), where[0], where[1]) from exc


def languages(concepts: Iterable[Concept], source_lang: str) -> list[str]:
    """The files to export, in order: the source language first, then by first appearance."""
    langs = [source_lang]
    for concept in concepts:
        langs.extend(lang for lang in concept.langs if lang not in langs)
    return langs


def export_csv(concepts: Sequence[Concept], lang: str, source_lang: str = "zh") -> str:
    """The Weblate glossary CSV for `lang` (CRLF line ends, as Weblate writes them).

    Like a Weblate glossary, every file lists every concept: one with no term in
    `lang` gets one row with an empty target (Weblate's "untranslated"). The
    concept's own data rides on its first row in the `source_lang` file.
    """
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(HEADER)
    for concept in concepts:
        source = _source_term(concept, source_lang)
        terms: Sequence[Term | None] = concept.terms_in(lang) or [None]
        for n, term in enumerate(terms, 1):
            lines = [] if term is None else _term_lines(term)
            if n == 1 and lang == source_lang:
                lines += _concept_lines(concept)
            context = concept.id if n == 1 else f"{concept.id}#{n}"
            target, note = ("", "") if term is None else (term.text, _explanation(concept, term))
            writer.writerow(("", source, target, "", "False", context, note, "\n".join(lines)))
    return out.getvalue()


FORBIDDEN = "FORBIDDEN translation"


def _explanation(concept: Concept, term: Term) -> str:
    """The row's explanation: a deprecated or superseded rendering says first that it is forbidden.

    A Weblate glossary CSV has no column for Weblate's `forbidden` flag, so the
    explanation a translator sees next to the term says it, with what to write
    instead; `import` reads the first line back off.
    """
    if not term.status.is_variant:
        return term.note
    target = term.fix_to or next((t.text for t in concept.terms_in(term.lang) if t.status.value == "preferred"), "")
    target = " ".join(target.split())  # the first line is the marker line, whole
    head = f"{FORBIDDEN} ({term.status.value}): use “{target}”." if target else f"{FORBIDDEN} ({term.status.value})."
    return f"{head}\n{term.note}" if term.note else head


def _note_from(explanation: str, status: str) -> str:
    if status in ("deprecated", "superseded") and explanation.startswith(FORBIDDEN):
        return explanation.partition("\n")[2]  # the marker line export_csv put first
    return explanation


def _term_lines(term: Term) -> list[str]:
    lines = [key_line("status", term.status.value)]
    lines += [key_line(k, getattr(term, k)) for k in ("reason", "fix_to", "abbreviation_of", "since") if getattr(term, k)]
    lines += ["requires_source: true"] if term.requires_source else []
    lines += ["used_by: " + " ".join(term.used_by)] if term.used_by else []
    lines += ["article: " + term.article] if term.article else []
    lines += ["source: " + _source_json(s) for s in term.sources]
    return lines


def _concept_lines(concept: Concept) -> list[str]:
    lines = [key_line("concept.note", concept.note)] if concept.note else []
    lines += ["concept.source: " + _source_json(s) for s in concept.sources]
    lines.append("concept.langs: " + " ".join(concept.langs))
    for example in concept.examples:
        data = {"lang": example.lang, "text": example.text}
        if example.fixed is not None:
            data["fixed"] = example.fixed
        lines.append("example: " + json.dumps(data, ensure_ascii=False, separators=(", ", ": ")))
    return lines


def _source_term(concept: Concept, source_lang: str) -> str:
    preferred = concept.preferred(source_lang)
    if preferred is not None:
        return preferred.text
    own = concept.terms_in(source_lang)
    return own[0].text if own else concept.id


class _Draft:
    """A concept being assembled from rows of several files."""

    def __init__(self, cid: str) -> None:
        self.id = cid
        self.terms: dict[str, list[Term]] = {}
        self.note = ""
        self.sources: list[Source] = []
        self.examples: list[Example] = []
        self.langs: list[str] = []

    def concept(self) -> Concept:
        order = [l for l in self.langs if l in self.terms] + [l for l in self.terms if l not in self.langs]
        terms = tuple(t for lang in order for t in self.terms[lang])
        return Concept(id=self.id, note=self.note, terms=terms, sources=tuple(self.sources), examples=tuple(self.examples))


def import_csv(files: Sequence[tuple[str, str, str]], source_lang: str = "zh") -> tuple[Concept, ...]:
    """Concepts from Weblate glossary CSVs given as (path, language, text) triples.

    Rows written by `export_csv` carry the concept id in `context` and a `status:`
    line. Rows from any other Weblate glossary are grouped by their source term
    (and context), which also becomes the concept's `source_lang` term.
    """
    drafts: dict[str, _Draft] = {}
    foreign_ids: dict[tuple[str, str], str] = {}
    for path, lang, text in files:
        rows = csv.reader(io.StringIO(text, newline=""))
        header = next(rows, None)
        if header is None or not {"source", "target", "context"} <= set(header):
            raise ExchangeError(_("not a Weblate glossary CSV (no source, target and context columns)"), path, 1)
        col = {name: i for i, name in enumerate(header)}
        for row in rows:
            line = rows.line_num
            if not any(row):
                continue
            if len(row) != len(header):
                raise ExchangeError(_("expected {expected} fields, found {found}").format(expected=len(header), found=len(row)), path, line)
            cells = {name: row[i] for name, i in col.items()}
            _read_row(cells, lang, source_lang, drafts, foreign_ids, (path, line))
    return tuple(d.concept() for d in drafts.values())


def _read_row(cells: dict[str, str], lang: str, source_lang: str, drafts: dict[str, _Draft],
              foreign_ids: dict[tuple[str, str], str], where: tuple[str, int]) -> None:
    """Add one row's term and concept data to its draft (a new draft for a new concept)."""
    target = cells["target"]
    comments = cells.get("developer_comments", "").splitlines()
    ours = any(split_key_line(c, KEYS) for c in comments) and is_slug(cells["context"].split("#", 1)[0])
    if not target.strip() and not ours:
        return  # untranslated in Weblate: no term in this language
    cid = cells["context"].split("#", 1)[0] if ours else _foreign_id(cells, drafts, foreign_ids)
    draft = drafts.setdefault(cid, _Draft(cid))
    source_text = cells["source"]
    if not ours and lang != source_lang and source_text.strip():
        own = draft.terms.setdefault(source_lang, [])
        if not any(t.text == source_text for t in own):
            own.append(Term(text=source_text, lang=source_lang, status=Status.PREFERRED))
    fields, term_sources = _read_comments(comments, draft, where)
    if not target.strip():
        return  # a concept with no term in this language: its data is read above
    draft.terms.setdefault(lang, []).append(
        _term(target, lang, cells.get("translator_comments", ""), fields, term_sources, where))


def _foreign_id(cells: dict[str, str], drafts: dict[str, _Draft], foreign_ids: dict[tuple[str, str], str]) -> str:
    """The concept id of a row from another glossary: one per source and context, made unique."""
    key = (cells["source"], cells["context"])
    if key not in foreign_ids:
        base = slug(cells["context"]) or slug(cells["source"]) or slug(cells["target"]) or "term"
        cid, n = base, 2
        while cid in drafts or cid in foreign_ids.values():
            cid, n = f"{base}-{n}", n + 1
        foreign_ids[key] = cid
    return foreign_ids[key]


def _read_comments(comments: list[str], draft: _Draft, where: tuple[str, int]) -> tuple[dict[str, str], list[Source]]:
    """The term's `key: value` fields and sources; concept lines and free text go to the draft."""
    fields: dict[str, str] = {}
    term_sources: list[Source] = []
    for meta in comments:
        pair = split_key_line(meta, KEYS)
        if pair is None:  # a free explanation written in Weblate: keep it as concept note
            if meta.strip() and meta not in draft.note.split("\n"):
                draft.note = "\n".join(p for p in (draft.note, meta) if p)
            continue
        key, value = pair
        if key == "source":
            term_sources.append(_source_from(value, where))
        elif key == "concept.source":
            draft.sources.append(_source_from(value, where))
        elif key == "concept.note":
            draft.note = decode_value(value)
        elif key == "concept.langs":
            draft.langs = value.split()
        elif key == "example":
            draft.examples.append(_example(value, where))
        else:
            fields[key] = decode_value(value)
    return fields, term_sources


def _example(value: str, where: tuple[str, int]) -> Example:
    try:
        data = json.loads(value)
        return Example(lang=data["lang"], text=data["text"], fixed=data.get("fixed"))
    except (ValueError, KeyError, TypeError) as exc:
        raise ExchangeError(_("bad example in developer_comments: {text}").format(text=repr(value)), *where) from exc


def _term(target: str, lang: str, translator_comments: str, fields: dict[str, str], term_sources: list[Source],
          where: tuple[str, int]) -> Term:
    status = fields.get("status", Status.ADMITTED.value)
    if status not in STATUSES:
        raise ExchangeError(_('unknown status "{status}" (expected {statuses})').format(status=status, statuses=", ".join(STATUSES)), *where)
    return Term(
        text=target,
        lang=lang,
        status=Status(status),
        note=_note_from(translator_comments, status),
        fix_to=fields.get("fix_to") or None,
        abbreviation_of=fields.get("abbreviation_of") or None,
        since=fields.get("since", ""),
        sources=tuple(term_sources),
        requires_source=fields.get("requires_source") == "true",
        used_by=tuple(fields.get("used_by", "").split()),
        article=fields.get("article", ""),
        reason=fields.get("reason", ""),
    )
