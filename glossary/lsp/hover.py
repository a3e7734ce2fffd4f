"""Hover: the concept behind a rendering under the cursor, with every rendering's status and the sources.

The rendering is found the way a check finds it (the matcher over the
segment, so inflected and other-script forms count); a finding at the cursor
that names a concept (a rendering the term base does not list, once a check
reports those) answers too.
"""

from __future__ import annotations

from ..checks.explain import describe_source, first_sentence
from ..i18n import _
from ..model import Concept, Span, Status
from ..termbase import TermBase
from .session import Checked

_MARK = {Status.PREFERRED: "**{}**", Status.ADMITTED: "{}", Status.DEPRECATED: "~~{}~~", Status.SUPERSEDED: "~~{}~~"}


def concept_at(checked: Checked, offset: int, termbase: TermBase, lang: str | None = None) -> tuple[Concept, str, Span] | None:
    """The concept rendered at code-point `offset` of the client's text, the language it is in, and its span."""
    from ..matcher import matcher_for
    from ..script import guess_lang

    offset -= checked.shift
    for f in checked.findings:
        if f.concept_id and f.start <= offset < f.end and f.concept_id in termbase:
            return termbase.concept(f.concept_id), f.lang or lang or guess_lang(f.found), f.span
    document = checked.outcome.document
    if document is None:
        return None
    for segment in document.segments:
        whole = segment.document_span(Span(0, len(segment.text)))
        if not whole.start <= offset <= whole.end:
            continue
        seg_lang = lang or segment.lang or guess_lang(segment.text)
        for match in matcher_for(termbase, seg_lang).scan(segment.text):
            span = segment.document_span(match.span)
            if span.start <= offset < span.end and match.concept_id in termbase:
                return termbase.concept(match.concept_id), seg_lang, span
    return None


def markdown(concept: Concept, lang: str) -> str:
    """The hover text: the concept, its renderings by language (this one first) with statuses, and sources."""
    out = [f"**{concept.id}**"]
    if concept.note:
        out.append(first_sentence(concept.note))
    langs = sorted(concept.langs, key=lambda other: (other != lang, other != "zh"))
    for other in langs:
        terms = ", ".join(f"{_MARK[t.status].format(t.text)} ({t.status})" for t in concept.terms_in(other))
        out.append(f"- `{other}`: {terms}")
    preferred = concept.preferred(lang)
    sources = concept.sources_for(preferred) if preferred is not None else concept.sources
    if sources:
        out.append(_("Sources:"))
        for source in sources:
            text = describe_source(source)
            out.append(f"- [{text}]({source.url})" if source.url else f"- {text}")
    return "\n\n".join(out[:2]) + "\n\n" + "\n".join(out[2:])
