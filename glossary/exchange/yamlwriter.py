"""Write concepts as term-base YAML in the layout of docs/termbase.md, deterministically.

Only `yaml.safe_load` decides whether a scalar may be written plain: a value is
written unquoted when the YAML parser reads it back as the same string in the
same context, and as a JSON string (a valid YAML double-quoted scalar) otherwise.
So dates, numbers, `yes`/`no` and texts with `: ` or `#` come out quoted.
"""

from __future__ import annotations

import json
from collections.abc import Iterable

import yaml

from glossary.model import Concept, Example, SignatureSpec, Source, Term

INDENT = "  "


def scalar(value: str, flow: bool = False) -> str:
    """`value` as a YAML scalar, plain if that reads back unchanged, else double-quoted."""
    if value and value == value.strip() and "\n" not in value and "\t" not in value:
        probe = f"{{k: {value}}}" if flow else f"k: {value}"
        try:
            loaded = yaml.safe_load(probe)
        except yaml.YAMLError:
            loaded = None
        if isinstance(loaded, dict) and loaded.get("k") == value and type(loaded.get("k")) is str:
            return value
    return "".join(c if _printable(c) else f"\\u{ord(c):04x}" for c in json.dumps(value, ensure_ascii=False))


def _printable(c: str) -> bool:
    """YAML 1.1's printable set; anything else must be escaped even inside quotes."""
    o = ord(c)
    if o in (0x2028, 0x2029, 0xFEFF):  # line separators and BOM: YAML treats them specially
        return False
    return 0x20 <= o <= 0x7E or 0xA0 <= o <= 0xD7FF or 0xE000 <= o <= 0xFFFD or o >= 0x10000


def _flow_list(values: Iterable[str]) -> str:
    return "[" + ", ".join(scalar(v, flow=True) for v in values) + "]"


def _source_lines(source: Source, indent: str) -> list[str]:
    fields = [
        ("title", source.title),
        ("publisher", source.publisher),
        ("url", source.url),
        ("date", source.date),
    ]
    lines = [f"{k}: {scalar(v)}" for k, v in fields if v]
    if source.langs:
        lines.append(f"langs: {_flow_list(source.langs)}")
    if source.note:
        lines.append(f"note: {scalar(source.note)}")
    if source.kind is not None:
        lines.append(f"kind: {source.kind.value}")
    return [indent + ("- " if i == 0 else "  ") + line for i, line in enumerate(lines)]


def _term_fields(term: Term) -> list[tuple[str, str]]:
    fields = [("text", term.text), ("status", term.status.value)]
    for key in ("note", "reason", "fix_to", "abbreviation_of", "since"):
        value = getattr(term, key)
        if value:
            fields.append((key, value))
    return fields


def _flags(term: Term) -> list[str]:
    flags = ["requires_source: true"] if term.requires_source else []
    flags += ["article: none"] if term.article == "none" else []
    return flags + ([f"used_by: {_flow_list(term.used_by)}"] if term.used_by else [])


def _term_lines(term: Term, indent: str) -> list[str]:
    fields = _term_fields(term)
    if not term.sources and len(fields) == 2 and not _flags(term):
        inner = ", ".join(f"{k}: {scalar(v, flow=True)}" for k, v in fields)
        return [f"{indent}- {{{inner}}}"]
    lines = [f"{indent}{'- ' if i == 0 else '  '}{k}: {scalar(v)}" for i, (k, v) in enumerate(fields)]
    lines += [f"{indent}  {flag}" for flag in _flags(term)]
    if term.sources:
        lines.append(f"{indent}  sources:")
        for source in term.sources:
            lines.extend(_source_lines(source, indent + INDENT * 2))
    return lines


def _example_line(example: Example, indent: str) -> str:
    fields = [("lang", example.lang), ("text", example.text)]
    if example.fixed is not None:
        fields.append(("fixed", example.fixed))
    inner = ", ".join(f"{k}: {scalar(v, flow=True)}" for k, v in fields)
    return f"{indent}- {{{inner}}}"


def _signature_lines(spec: SignatureSpec, indent: str) -> list[str]:
    if spec.off:
        return [f"{indent}{scalar(spec.lang)}: false"]
    lines = [f"{indent}{scalar(spec.lang)}:", f"{indent}{INDENT}slots:"]
    for words, required in spec.slots:
        inner = "[" + ", ".join(scalar(w, flow=True) for w in words) + "]"
        lines.append(f"{indent}{INDENT * 2}- {{words: {inner}" + ("" if required else ", required: false") + "}")
    if spec.function_words is not None:
        lines.append(f"{indent}{INDENT}function_words: [" + ", ".join(scalar(w, flow=True) for w in spec.function_words) + "]")
    return lines


def dump(concepts: Iterable[Concept]) -> str:
    """The term-base YAML document for `concepts`."""
    out = ["version: 1", "concepts:"]
    for concept in concepts:
        out.append(f"  - id: {scalar(concept.id)}")
        body = INDENT * 2
        if concept.note:
            out.append(f"{body}note: {scalar(concept.note)}")
        if concept.sources:
            out.append(f"{body}sources:")
            for source in concept.sources:
                out.extend(_source_lines(source, body + INDENT))
        out.append(f"{body}terms:")
        for lang in concept.langs:
            out.append(f"{body}{INDENT}{scalar(lang)}:")
            for term in concept.terms_in(lang):
                out.extend(_term_lines(term, body + INDENT * 2))
        if concept.signatures:
            out.append(f"{body}signature:")
            for spec in concept.signatures:
                out.extend(_signature_lines(spec, body + INDENT))
        if concept.examples:
            out.append(f"{body}examples:")
            for example in concept.examples:
                out.append(_example_line(example, body + INDENT))
    return "\n".join(out) + "\n"
