"""`glossary variants`: every unlisted variant in a corpus, grouped for a terminologist.

The check reports `unlisted-variant` one finding at a time; a terminologist
wants the other view: per concept, which unlisted forms occur, how often, one
context line each, most frequent first, and entries ready to paste into a term
base (deprecated, with an example that `glossary validate` accepts).
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from .langtags import base_language
from .model import Document, Finding

_SENTENCE_END = re.compile(r"[.!?。！？…](?=\s|$)|\n\s*\n")


@dataclass
class Variant:
    """One unlisted form of a concept in a corpus (forms that differ only in case are one)."""

    concept: str
    lang: str
    text: str
    suggestion: str
    count: int = 0
    path: str = ""
    line: int = 0
    context: str = ""
    sentence: str = ""


@dataclass
class Group:
    """A concept's unlisted variants, most frequent first."""

    concept: str
    variants: list[Variant] = field(default_factory=list)

    @property
    def count(self) -> int:
        return sum(v.count for v in self.variants)


def sentence_at(text: str, start: int, end: int, limit: int = 240) -> str:
    """The sentence around `start`..`end`, on one line, at most `limit` characters around the span."""
    left = 0
    for m in _SENTENCE_END.finditer(text, 0, start):
        left = m.end()
    m = _SENTENCE_END.search(text, end)
    right = m.end() if m else len(text)
    left, right = max(left, start - limit // 2), min(right, end + limit // 2)
    return " ".join(text[left:right].split())


def line_at(text: str, start: int, limit: int = 160) -> str:
    a = text.rfind("\n", 0, start) + 1
    b = text.find("\n", start)
    line = text[a:b if b >= 0 else len(text)]
    if len(line) > limit:
        at = start - a
        line = ("…" if at > limit // 2 else "") + line[max(0, at - limit // 2):at + limit // 2] + "…"
    return line.strip()


def collect(items: Iterable[tuple[Document, Iterable[Finding]]]) -> list[Group]:
    """Unlisted-variant findings grouped by concept and form, ranked by frequency."""
    found: dict[tuple[str, str, str], Variant] = {}
    for document, findings in items:
        for f in findings:
            if f.code != "unlisted-variant" or not f.concept_id:
                continue
            key = (f.concept_id, f.lang, " ".join(f.found.casefold().split()))
            v = found.get(key)
            if v is None:
                text = document.text
                v = found[key] = Variant(
                    f.concept_id, f.lang, " ".join(f.found.split()), f.suggestion or "", 0, document.path, f.line,
                    line_at(text, f.span.start), sentence_at(text, f.span.start, f.span.end))
            v.count += 1
    groups: dict[str, Group] = {}
    for v in found.values():
        groups.setdefault(v.concept, Group(v.concept)).variants.append(v)
    for g in groups.values():
        g.variants.sort(key=lambda v: (-v.count, v.text.casefold()))
    return sorted(groups.values(), key=lambda g: (-g.count, g.concept))


def render_text(groups: list[Group]) -> str:
    from .i18n import _, ngettext

    out: list[str] = []
    for g in groups:
        out.append(ngettext("{concept}: {n} hit", "{concept}: {n} hits", g.count).format(concept=g.concept, n=g.count))
        for v in g.variants:
            out.append(f"  {v.count:5d}  {v.text}  ->  {v.suggestion}  [{v.lang}]")
            out.append(f"         {v.path}:{v.line}: {v.context}")
    if not groups:
        out.append(_("No unlisted variants found."))
    return "\n".join(out) + "\n"


def render_json(groups: list[Group]) -> str:
    data = [{"concept": g.concept, "count": g.count, "variants": [
        {"text": v.text, "lang": v.lang, "count": v.count, "suggestion": v.suggestion,
         "example": {"path": v.path, "line": v.line, "context": v.context}} for v in g.variants]} for g in groups]
    return json.dumps({"version": 1, "concepts": data}, ensure_ascii=False, indent=2) + "\n"


def render_csv(groups: list[Group]) -> str:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(["concept", "lang", "variant", "count", "suggestion", "path", "line", "context"])
    for g in groups:
        for v in g.variants:
            w.writerow([g.concept, v.lang, v.text, v.count, v.suggestion, v.path, v.line, v.context])
    return buf.getvalue()


def render_yaml(groups: list[Group], termbase) -> str:  # type: ignore[no-untyped-def]
    """A term-base document of deprecated entries with an example each, to paste or pass with --termbase.

    The examples are checked against the term base with the new entries: an
    example's `fixed` is what `glossary fix` then writes, and an example that
    would not validate (no fix, or the entries conflict with the term base) is
    left out.
    """
    from pathlib import Path

    from .errors import GlossaryError
    from .termbase import build

    head = ["version: 1", "concepts:"]
    entries: list[tuple[Group, list[tuple[str, list[Variant]]]]] = []
    skipped: list[Variant] = []
    for g in groups:
        by_lang: dict[str, list[Variant]] = {}
        for v in g.variants:
            if _plural_head(v):
                skipped.append(v)  # a term base lists singular forms; the signature finds plurals anyway
                continue
            by_lang.setdefault(v.lang, []).append(v)
        if by_lang:
            entries.append((g, list(by_lang.items())))

    trial = None
    try:
        documents = [(p, Path(p).read_text(encoding="utf-8")) for p in termbase.paths]
        trial = build(documents + [("<variants>", "\n".join(head + _terms_part(entries, False)) + "\n")])
    except (GlossaryError, OSError):
        pass
    out = ["# Unlisted variants found by `glossary variants`: check each against its source,",
           "# add the source (publisher or URL, and date), then paste the terms into the concept.",
           *(f"# not listed: {v.text!r} ({v.concept}) is a plural; list its singular form if it is a real variant"
             for v in skipped), *head]
    body = _terms_part(entries, True)
    # Examples go after each concept's terms.
    at = 0
    for g, langs in entries:
        size = 2 + sum(1 + 3 * len(vs) for _, vs in langs)
        out += body[at:at + size]
        at += size
        examples = [e for e in (_example(v, trial) for _, vs in langs for v in vs) if e]
        if examples:
            out.append("    examples:")
            out += examples
    return "\n".join(out) + "\n"


def _terms_part(entries: list[tuple[Group, list[tuple[str, list[Variant]]]]], with_notes: bool) -> list[str]:
    """The YAML lines of every concept's new deprecated terms; the notes say where each was found."""
    from .exchange.yamlwriter import scalar

    out: list[str] = []
    for g, langs in entries:
        out += [f"  - id: {g.concept}", "    terms:"]
        for lang, vs in langs:
            out.append(f"      {lang}:")
            for v in vs:
                out += [f"        - text: {scalar(v.text)}", "          status: deprecated"]
                if with_notes:
                    out.append(f"          note: {scalar(f'{v.count} in the corpus, first at {v.path}:{v.line}; unverified: add a source.')}")
    return out


def _plural_head(v: Variant) -> bool:
    from .signatures import en_plural, words

    return base_language(v.lang) == "en" and any(en_plural(w) for _, _, w in words(v.text))


def _example(v: Variant, trial) -> str | None:  # type: ignore[no-untyped-def]
    """The variant's sentence as an example, with the fix the new entry makes, or None."""
    from .exchange.yamlwriter import scalar
    from .langtags import normalize
    from .runner import fix_text

    sentence = v.sentence
    if trial is None or not sentence or v.text.casefold() not in sentence.casefold():
        return None
    fixed = fix_text(sentence, normalize(v.lang), trial)
    if fixed == sentence:
        return None
    return f"      - {{lang: {scalar(v.lang, True)}, text: {scalar(sentence, True)}, fixed: {scalar(fixed, True)}}}"
