"""Add the attested variants of tools/harvest/attested.yaml (and round*.yaml) to the shipped term base.

    python tools/harvest/apply.py [--dry-run]

Each entry the term base does not list yet (same concept, language and folded
text) is inserted at the end of its concept's list for that language, with its
source, and its example goes to the concept's examples. Entries already present
are skipped, so running it again changes nothing. Run `glossary validate`
afterwards: an example that does not fix or stay clean as it says is an error.

How a harvest goes (see NOTES.md beside this file): look the concept's renderings
up in public pages, read each hit in its source, add an entry to attested.yaml
with the URL, date, publisher and kind, run this script, validate.
"""

from __future__ import annotations

import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
TERMS = ROOT / "glossary" / "data" / "terms.yaml"
HERE = Path(__file__).parent


def attested_files() -> list[Path]:
    """attested.yaml first, then each later round's own file, so parallel harvests never edit one list."""
    return [HERE / "attested.yaml", *sorted(HERE.glob("round*.yaml"))]


def scalar(value: str, flow: bool = False) -> str:
    from glossary.exchange.yamlwriter import scalar as write

    return write(value, flow)


def term_lines(v: dict) -> list[str]:
    pad = " " * 8
    lines = [f"{pad}- text: {scalar(v['text'])}", f"{pad}  status: {v['status']}"]
    for key in ("fix_to", "abbreviation_of", "note"):
        if v.get(key):
            lines.append(f"{pad}  {key}: {scalar(v[key])}")
    s = v["source"]
    lines.append(f"{pad}  sources:")
    first = True
    for key in ("publisher", "title", "url", "date", "kind"):
        if s.get(key):
            lines.append(f"{pad}    {'- ' if first else '  '}{key}: {scalar(str(s[key]))}")
            first = False
    return lines


def example_line(v: dict) -> str:
    e = v["example"]
    fields = [("lang", v["lang"]), ("text", e["text"])] + ([("fixed", e["fixed"])] if e.get("fixed") else [])
    return "      - {" + ", ".join(f"{k}: {scalar(val, flow=True)}" for k, val in fields) + "}"


def new_language(lines: list[str], start: int, end: int, lang: str) -> int | None:
    """Open an empty list for `lang` after the concept's last one: the first rendering a harvest attests for it."""
    terms = next((i for i in range(start, end) if lines[i] == "    terms:"), None)
    if terms is None:
        return None
    at = terms + 1
    while at < end and (lines[at].startswith("      ") or not lines[at].strip()):
        at += 1
    while not lines[at - 1].strip():
        at -= 1
    lines.insert(at, f"      {lang}:")
    return at


def insert(lines: list[str], v: dict) -> bool:
    """Insert one variant (opening its language's list if the concept has none); False if the concept is missing."""
    start = next((i for i, l in enumerate(lines) if l == f"  - id: {v['concept']}"), None)
    if start is None:
        return False
    end = next((i for i in range(start + 1, len(lines)) if lines[i].startswith("  - id: ")), len(lines))
    head = next((i for i in range(start, end) if lines[i] == f"      {v['lang']}:"), None)
    if head is None:
        head = new_language(lines, start, end, v["lang"])
        if head is None:
            return False
        end += 1
    stop = head + 1
    while stop < end and (lines[stop].startswith("        ") or not lines[stop].strip()):
        stop += 1
    while not lines[stop - 1].strip():
        stop -= 1
    lines[stop:stop] = term_lines(v)
    end += len(term_lines(v))
    ex = next((i for i in range(start, end) if lines[i] == "    examples:"), None)
    if ex is None:
        at = end
        while not lines[at - 1].strip():
            at -= 1
        lines[at:at] = ["    examples:", example_line(v)]
    else:
        at = ex + 1
        while at < end and lines[at].startswith("      - "):
            at += 1
        lines.insert(at, example_line(v))
    return True


def main() -> int:
    from glossary.fold import fold_text
    from glossary.termbase import load

    dry = "--dry-run" in sys.argv
    tb = load([TERMS], default=False, use_cache=False)
    lines = TERMS.read_text(encoding="utf-8").split("\n")
    added = 0
    entries = [v for f in attested_files() for v in yaml.safe_load(f.read_text(encoding="utf-8"))["variants"]]
    for v in entries:
        concept = tb.concept(v["concept"]) if v["concept"] in tb else None
        if concept is None:
            print(f"skipped (no concept {v['concept']}): {v['text']}")
            continue
        if any(t.lang == v["lang"] and fold_text(t.text) == fold_text(v["text"]) for t in concept.terms):
            continue
        if insert(lines, v):
            added += 1
            print(f"added {v['concept']} [{v['lang']}] {v['text']} ({v['status']})")
        else:
            print(f"skipped (no {v['lang']} list in {v['concept']}): {v['text']}")
    if added and not dry:
        TERMS.write_text("\n".join(lines), encoding="utf-8")
    print(f"{added} variants {'would be ' if dry else ''}added")
    return 0


if __name__ == "__main__":
    sys.exit(main())
