"""Find concepts by id or by any rendering, whole or partial, in any language."""

from __future__ import annotations

import json

import click

from .checks.explain import describe_source
from .fold import fold_text
from .i18n import _, language_name
from .model import Concept, Status
from .termbase import TermBase

_STATUS_COLOR = {Status.PREFERRED: "green", Status.ADMITTED: "cyan", Status.DEPRECATED: "red", Status.SUPERSEDED: "magenta"}


def search(termbase: TermBase, query: str, lang: str | None = None) -> list[Concept]:
    """Exact hits first (the id, a whole rendering, or the whole query in any form `check`
    finds: inflected, in the other script), then renderings containing the query.

    `lang` limits renderings to that language and is the language the query is
    matched in (else guessed from its script).
    """
    from .matcher import matcher_for
    from .script import guess_lang

    key = fold_text(query).strip()
    if not key:
        return []
    stripped = query.strip()
    # Every form check finds: the matcher over the query itself.
    matched = matcher_for(termbase, lang or guess_lang(stripped)).scan(stripped)
    whole = {m.concept_id for m in matched if m.span.start == 0 and m.span.end == len(stripped)}
    inside = {m.concept_id for m in matched}
    exact: list[Concept] = []
    partial: list[Concept] = []
    for concept in termbase.concepts:
        terms = [t for t in concept.terms if lang is None or t.lang == lang]
        if lang is not None and not terms and concept.id != stripped:
            continue
        texts = [fold_text(t.text) for t in terms]
        if concept.id == stripped or key in texts or concept.id in whole:
            exact.append(concept)
        elif key in concept.id or any(key in t for t in texts) or concept.id in inside:
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
                    extra.append(_("since {date}").format(date=term.since))
                if term.note:
                    extra.append(term.note)
                status = style(f"{term.status:<10}", fg=_STATUS_COLOR[term.status])
                out.append(f"    {status} {term.text}" + (f"  ({'; '.join(extra)})" if extra else ""))
                if sources:
                    for source in term.sources:
                        url = f" <{source.url}>" if source.url else ""
                        out.append("               " + _("source: {source}").format(source=f"{describe_source(source)}{url}"))
        for source in concept.sources:
            langs = f" [{', '.join(source.langs)}]" if source.langs else ""
            url = f" <{source.url}>" if source.url else ""
            # TRANSLATORS: {langs} is empty or " [en, ru]", the languages the source attests.
            out.append("  " + _("source{langs}: {source}").format(langs=langs, source=f"{describe_source(source)}{url}"))
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
