"""A brief written out: `text`, `markdown`, `json`, `csv` and `prompt`.

Each format is a function `(entries, source_lang, target_langs) -> str` in
`FORMATS`. The prompt is a block a translator pastes into a language model's
instructions; each of its lines stays within `PROMPT_LINE_LIMIT` characters
(alternatives are dropped from the end of a line until it fits), so a prompt
for N concepts and one target language is at most
N × (PROMPT_LINE_LIMIT + 1) + PROMPT_HEADER_LIMIT characters.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Sequence

from ..i18n import _, language_name
from . import Entry, Target

PROMPT_LINE_LIMIT = 240
PROMPT_HEADER_LIMIT = 400
SEPARATOR = " | "


def _quoted(terms: Sequence[str]) -> str:
    return ", ".join(f"“{t}”" for t in terms)


def render_text(entries: Sequence[Entry], source_lang: str, target_langs: Sequence[str]) -> str:
    out: list[str] = []
    for entry in entries:
        head = f"{entry.source_term}  [{entry.concept}]  ×{entry.count}"
        others = [f for f in entry.found if f != entry.source_term]
        if others:
            head += "  " + _("(found as: {forms})").format(forms=", ".join(others))
        out.append(head)
        labels = {"use": _("use"), "also": _("also"), "avoid": _("avoid")}
        width = max(len(v) for v in labels.values())
        for target in entry.targets:
            rows = [("use", target.preferred or _("(no rendering in the term base)"))]
            if target.admitted:
                rows.append(("also", "; ".join(target.admitted)))
            if target.avoid:
                rows.append(("avoid", "; ".join(target.avoid)))
            for i, (key, value) in enumerate(rows):
                lang = target.lang if i == 0 else ""
                out.append(f"  {lang:<8} {labels[key]:<{width}}  {value}")
        if entry.reason:
            out.append("  " + _("why: {reason}").format(reason=entry.reason))
        out.append("")
    return "\n".join(out)


def _cell(text: str) -> str:
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ")


def render_markdown(entries: Sequence[Entry], source_lang: str, target_langs: Sequence[str]) -> str:
    out: list[str] = []
    head = (_("Source"), _("Count"), _("Use"), _("Also acceptable"), _("Avoid"), _("Why"))
    for lang in target_langs:
        out.append(f"## {language_name(lang)} ({lang})")
        out.append("")
        out.append("| " + " | ".join(head) + " |")
        out.append("| --- | ---: | --- | --- | --- | --- |")
        for entry in entries:
            target = entry.target(lang) or Target(lang, None)
            use = f"**{_cell(target.preferred)}**" if target.preferred else "—"
            out.append("| " + " | ".join((
                f"{_cell(entry.source_term)} (`{entry.concept}`)", str(entry.count), use,
                _cell("; ".join(target.admitted)), _cell("; ".join(target.avoid)), _cell(entry.reason),
            )) + " |")
        out.append("")
    return "\n".join(out)


def render_json(entries: Sequence[Entry], source_lang: str, target_langs: Sequence[str]) -> str:
    return json.dumps([e.as_json() for e in entries], ensure_ascii=False, indent=2) + "\n"


CSV_HEADER = ("concept", "count", "source", "found", "lang", "preferred", "admitted", "avoid", "reason")


def render_csv(entries: Sequence[Entry], source_lang: str, target_langs: Sequence[str]) -> str:
    """One row per concept and target language; several terms in a cell are joined by " | "."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(CSV_HEADER)
    for entry in entries:
        for target in entry.targets:
            writer.writerow((entry.concept, entry.count, entry.source_term, SEPARATOR.join(entry.found),
                             target.lang, target.preferred or "", SEPARATOR.join(target.admitted),
                             SEPARATOR.join(target.avoid), entry.reason))
    return buffer.getvalue()


def prompt_line(source: str, target: Target, limit: int = PROMPT_LINE_LIMIT) -> str | None:
    """"Render X as Y (also: …); never Z." within `limit` characters, or None without a rendering."""
    if target.preferred is None:
        return None
    also, never = list(target.admitted), list(target.avoid)
    while True:
        line = _("Render {source} as “{preferred}”").format(source=source, preferred=target.preferred)
        if also:
            line += _(" (also acceptable: {terms})").format(terms=_quoted(also))
        if never:
            line += _("; never {terms}").format(terms=_quoted(never))
        line += "."
        if len(line) <= limit or not (also or never):
            return line if len(line) <= limit else line[: limit - 1] + "…"
        if also:
            also.pop()
        else:
            never.pop()


def render_prompt(entries: Sequence[Entry], source_lang: str, target_langs: Sequence[str]) -> str:
    out: list[str] = []
    for lang in target_langs:
        header = _("Terminology for translating this {source} text into {target}: use these official renderings "
                   "and no others.").format(source=language_name(source_lang), target=language_name(lang))
        out.append(header[:PROMPT_HEADER_LIMIT])
        lines = [prompt_line(e.source_term, e.target(lang) or Target(lang, None)) for e in entries]
        out.extend(f"- {line}" for line in lines if line)
        out.append("")
    return "\n".join(out)


FORMATS: dict[str, Callable[[Sequence[Entry], str, Sequence[str]], str]] = {
    "text": render_text,
    "markdown": render_markdown,
    "json": render_json,
    "csv": render_csv,
    "prompt": render_prompt,
}
