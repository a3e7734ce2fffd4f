"""Find concepts by id or by any rendering, whole or partial, in any language."""

from __future__ import annotations

import json

import click

from .checks.explain import describe_source
from .fold import fold_text
from .i18n import language_name
from .model import Concept, Status
from .termbase import TermBase

_STATUS_COLOR = {Status.PREFERRED: "green", Status.ADMITTED: "cyan", Status.DEPRECATED: "red", Status.SUPERSEDED: "magenta"}


def search(termbase: TermBase, query: str) -> list[Concept]:
    """Exact hits (id or a whole rendering) first, then renderings containing the query."""
    key = fold_text(query).strip()
    if not key:
        return []
    exact: list[Concept] = []
    partial: list[Concept] = []
    for concept in termbase.concepts:
        texts = [fold_text(t.text) for t in concept.terms]
        if concept.id == query.strip() or key in texts:
            exact.append(concept)
        elif key in concept.id or any(key in t for t in texts):
            partial.append(concept)
    return exact + partial


def render_text(concepts: list[Concept], color: bool = False, sources: bool = False) -> str:
    """Each concept with its renderings; `sources` adds every term's own sources (`glossary explain`)."""
    def style(text: str, **kw: object) -> str:
        return click.style(text, **kw) if color else text  # type: ignore[arg-type]

    out: list[str] = []
    for concept in concepts:
        out.append(style(concept.id, bold=True))
        if concept.note:
            out.append(f"  {concept.note}")
        for lang in concept.langs:
            out.append(f"  {lang} ({language_name(lang)}):")
            for term in concept.terms_in(lang):
                extra = []
                if term.fix_to:
                    extra.append(f"-> {term.fix_to}")
                if term.since:
                    extra.append(f"since {term.since}")
                if term.note:
                    extra.append(term.note)
                status = style(f"{term.status:<10}", fg=_STATUS_COLOR[term.status])
                out.append(f"    {status} {term.text}" + (f"  ({'; '.join(extra)})" if extra else ""))
                if sources:
                    for source in term.sources:
                        url = f" <{source.url}>" if source.url else ""
                        out.append(f"               source: {describe_source(source)}{url}")
        for source in concept.sources:
            langs = f" [{', '.join(source.langs)}]" if source.langs else ""
            url = f" <{source.url}>" if source.url else ""
            out.append(f"  source{langs}: {describe_source(source)}{url}")
        out.append("")
    return "\n".join(out)


def render_json(concepts: list[Concept]) -> str:
    doc = [
        {
            "id": c.id, "note": c.note,
            "terms": [{"lang": t.lang, "text": t.text, "status": str(t.status), "note": t.note, "fix_to": t.fix_to,
                       "since": t.since} for t in c.terms],
            "sources": [{"title": s.title, "publisher": s.publisher, "url": s.url, "date": s.date, "langs": list(s.langs)}
                        for s in c.sources],
        }
        for c in concepts
    ]
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"
