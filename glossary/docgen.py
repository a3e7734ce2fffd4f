"""A browsable Markdown glossary generated from a term base.

People read `docs/glossary.md`; `terms.yaml` stays the one source. The output
depends only on the term base (concepts in file order, languages in project
order), so CI can regenerate it and compare byte for byte.
"""

from __future__ import annotations

from pathlib import Path

from .errors import InputError
from .model import Concept, Example, Source, Status, Term, strongest_kind
from .stats import compute, lang_key, percent
from .termbase import TermBase

TITLE = "Glossary"
HEADER = (
    "<!-- Generated from terms.yaml by `glossary docs --output docs/glossary.md`. Do not edit by hand. -->"
)
LANG_NAMES = {
    "zh": "Chinese (Simplified)", "zh-Hant": "Chinese (Traditional)", "en": "English", "ru": "Russian",
    "kk": "Kazakh", "uz": "Uzbek", "uz-Cyrl": "Uzbek (Cyrillic)", "ky": "Kyrgyz", "tg": "Tajik", "tk": "Turkmen",
}


def cell(text: str) -> str:
    """Text safe inside a Markdown table cell: one line, pipes and backslashes escaped."""
    return " ".join(text.replace("\\", "\\\\").replace("|", "\\|").split())


def inline(text: str) -> str:
    """Text safe in running Markdown: one line, no accidental emphasis or HTML."""
    out = " ".join(text.split())
    for ch in "\\`*_[]<>":
        out = out.replace(ch, "\\" + ch)
    return out


def status_cell(term: Term) -> str:
    parts = [term.status.value]
    if term.since:
        parts.append(f"since {term.since}")
    if term.requires_source:
        parts.append("bilingual check only")
    if term.used_by:
        parts.append("used by " + ", ".join(term.used_by))
    return ", ".join(parts)


def evidence_cell(concept: Concept, term: Term) -> str:
    """The strongest kind of source behind `term`.

    An accepted rendering rests on its own sources and its concept's for its
    language; a variant only on its own (the concept's attest the official form).
    """
    kind = strongest_kind(term.sources if term.status.is_variant else concept.sources_for(term))
    return kind.value if kind is not None else ""


def target_cell(concept: Concept, term: Term) -> str:
    if not term.status.is_variant:
        return f"short for {term.abbreviation_of}" if term.abbreviation_of else ""
    if term.fix_to:
        return f"→ {term.fix_to}"
    preferred = concept.preferred(term.lang)
    return f"→ {preferred.text}" if preferred and not term.requires_source else ""


def source_line(source: Source) -> str:
    bits = [inline(source.publisher)] if source.publisher else []
    if source.title:
        bits.append(f"*{inline(source.title)}*")
    if source.date:
        bits.append(inline(source.date))
    line = ", ".join(bits)
    if source.url:
        line += f" <{source.url}>" if line else f"<{source.url}>"
    if source.langs:
        line += f" ({', '.join(source.langs)})"
    if source.kind is not None:
        line += f" [{source.kind.value}]"
    if source.note:
        line += f". {inline(source.note)}"
    return f"- {line}"


def example_line(example: Example) -> str:
    if example.fixed is None:
        return f"- {example.lang}, stays as it is: {inline(example.text)}"
    return f"- {example.lang}: {inline(example.text)} → {inline(example.fixed)}"


def render_concept(concept: Concept) -> list[str]:
    out = [f"## {concept.id}", ""]
    if concept.note:
        out += [inline(concept.note), ""]
    out += ["| language | rendering | status | fix or form | strongest source | note |",
            "| --- | --- | --- | --- | --- | --- |"]
    for lang in sorted(concept.langs, key=lang_key):
        for term in concept.terms_in(lang):
            text = cell(term.text)
            if term.status is Status.PREFERRED:
                text = f"**{text}**"
            out.append(f"| {lang} | {text} | {status_cell(term)} | {cell(target_cell(concept, term))} "
                       f"| {evidence_cell(concept, term)} | {cell(term.note)} |")
    out.append("")
    term_sources = [(t, s) for t in concept.terms for s in t.sources]
    if concept.sources or term_sources:
        out += ["Sources:", ""]
        out += [source_line(s) for s in concept.sources]
        out += [source_line(s) + f" for “{inline(t.text)}”" for t, s in term_sources]
        out.append("")
    if concept.examples:
        out += ["Examples:", ""]
        out += [example_line(e) for e in concept.examples]
        out.append("")
    return out


def render(tb: TermBase) -> str:
    """The whole glossary as Markdown, ending in one newline."""
    stats = compute(tb)
    coverage = ", ".join(f"{LANG_NAMES.get(lang, lang)} {percent(share)}" for lang, share in stats.coverage)
    out = [HEADER, "", f"# {TITLE}", ""]
    out += [
        f"{stats.concepts} concepts. Share of concepts with a preferred rendering: {coverage}. "
        f"Preferred renderings with a source: {percent(stats.sourced)} "
        f"({percent(stats.sourced_renderings)} outside Chinese); backed by a primary or official-reprint "
        f"source: {percent(stats.primary_or_official)} of those outside Chinese.",
        "",
        "Statuses: **preferred** is the official rendering; *admitted* is also used by official "
        "outlets; *deprecated* is a rendering to stop using; *superseded* was official and was "
        "officially replaced. A variant marked “bilingual check only” is wrong only as a "
        "translation of this concept and is flagged only when the source text is known. "
        "“Used by” names the official publishers whose usage a rendering follows; a project can "
        "make one of them its house style with `prefer` in `[tool.glossary]`.",
        "",
        "Source kinds, strongest first: **primary** is the issuing body's own site or publication; "
        "**official-reprint** a state outlet reprinting it; **mirror** a copy on a third-party site; "
        "**secondary** anyone else's report or study. The “strongest source” column gives the best "
        "kind behind each rendering.",
        "",
        "Contents: " + " · ".join(f"[{c.id}](#{c.id})" for c in tb.concepts),
        "",
    ]
    for concept in tb.concepts:
        out += render_concept(concept)
    return "\n".join(out).rstrip("\n") + "\n"


def is_current(path: Path, text: str) -> bool:
    """Whether `path` already holds exactly `text` (a missing file is not current)."""
    try:
        return path.read_text(encoding="utf-8") == text
    except FileNotFoundError:
        return False
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"cannot read: {getattr(exc, 'strerror', None) or exc}", str(path)) from None


def save(path: Path, text: str) -> None:
    """Write the generated page atomically."""
    from .writers import write_file

    write_file(path, text.encode("utf-8"))
