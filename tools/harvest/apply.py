"""Add the attested variants of tools/harvest/attested.yaml (and round*.yaml) to the shipped term base.

    python tools/harvest/apply.py [--dry-run] [--terms TERMS.yaml] [--cases CASES.yaml] [HARVEST.yaml ...]

Each entry the term base does not list yet (same concept, language and folded
text) is inserted at the end of its concept's list for that language, with its
source, and its example goes to the concept's examples. Entries already present
are skipped, so running it again changes nothing. Run `glossary validate`
afterwards: an example that does not fix or stay clean as it says is an error.

An entry to add whose source URL is a source of the accuracy benchmark
(benchmarks/accuracy/cases.yaml; scheme, "www." and a trailing slash ignored) is
refused: one line naming the harvest file and line, exit 2, nothing written. A
term taken from the benchmark's pages would measure the list, not the detector.

How a harvest goes (see NOTES.md beside this file): look the concept's renderings
up in public pages, read each hit in its source, add an entry to attested.yaml
with the URL, date, publisher and kind, run this script, validate.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
TERMS = ROOT / "glossary" / "data" / "terms.yaml"
CASES = ROOT / "benchmarks" / "accuracy" / "cases.yaml"
HERE = Path(__file__).parent


class Refused(Exception):
    """A harvest file this script will not apply: the message is the one line it prints."""


def normalize_url(url: str) -> str:
    """The page a URL names, whatever its scheme, "www." or trailing slash, so that two spellings of one page compare equal."""
    rest = re.sub(r"^[A-Za-z][A-Za-z0-9+.-]*://", "", url.strip()).split("#")[0]
    host, slash, path = rest.partition("/")
    return host.lower().removeprefix("www.") + (slash + path).rstrip("/")


def benchmark_urls(cases: Path) -> set[str]:
    """Every source URL of the accuracy benchmark's cases, normalized."""
    try:
        data = yaml.safe_load(cases.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise Refused(f"{cases}: cannot read the benchmark's cases: {exc}".replace("\n", " ")) from None
    return {normalize_url(str(c["url"])) for c in (data or {}).get("cases", []) if isinstance(c, dict) and c.get("url")}


def read_entries(path: Path) -> list[tuple[int, dict]]:
    """A harvest file's variants, each with the line it starts on (for the refusal's message)."""
    try:
        text = path.read_text(encoding="utf-8")
        node = yaml.compose(text, Loader=yaml.SafeLoader)
        data = yaml.safe_load(text)
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise Refused(f"{path}: not a readable harvest file: {' '.join(str(exc).split())}") from None
    variants = data.get("variants") if isinstance(data, dict) else None
    if not isinstance(variants, list):
        raise Refused(f"{path}:1: a harvest file is a mapping with a `variants` list")
    seq = next(v for k, v in node.value if k.value == "variants")
    out = []
    for item, v in zip(seq.value, variants):
        line = item.start_mark.line + 1
        if not isinstance(v, dict) or not all(v.get(k) for k in ("concept", "lang", "text", "status", "source", "example")):
            raise Refused(f"{path}:{line}: an entry needs concept, lang, text, status, source and example")
        out.append((line, v))
    return out


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


def main(argv: list[str] | None = None) -> int:
    from glossary.fold import fold_text
    from glossary.termbase import load

    ap = argparse.ArgumentParser(description="Add attested variants to the shipped term base.")
    ap.add_argument("--dry-run", action="store_true", help="say what would be added, write nothing")
    ap.add_argument("--terms", type=Path, default=TERMS, help="the term base to grow (default: the shipped one)")
    ap.add_argument("--cases", type=Path, default=CASES, help="the accuracy benchmark whose sources are refused")
    ap.add_argument("files", nargs="*", type=Path, help="harvest files (default: attested.yaml, then round*.yaml)")
    args = ap.parse_args(argv)
    try:
        forbidden = benchmark_urls(args.cases)
        entries = [(f, line, v) for f in (args.files or attested_files()) for line, v in read_entries(f)]
    except Refused as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    tb = load([args.terms], default=False, use_cache=False)
    lines = args.terms.read_text(encoding="utf-8").split("\n")
    todo = []
    for f, line, v in entries:
        concept = tb.concept(v["concept"]) if v["concept"] in tb else None
        if concept is None:
            print(f"skipped (no concept {v['concept']}): {v['text']}")
            continue
        if any(t.lang == v["lang"] and fold_text(t.text) == fold_text(v["text"]) for t in concept.terms):
            continue
        url = str(v["source"].get("url") or "")
        if url and normalize_url(url) in forbidden:
            print(f"error: {f}:{line}: {v['text']!r} ({v['concept']}): its source {url} is a page of the accuracy benchmark ({args.cases.name}); take the variant from another page", file=sys.stderr)
            return 2
        todo.append(v)
    added = 0
    for v in todo:
        if insert(lines, v):
            added += 1
            print(f"added {v['concept']} [{v['lang']}] {v['text']} ({v['status']})")
        else:
            print(f"skipped (no {v['lang']} list in {v['concept']}): {v['text']}")
    if added and not args.dry_run:
        args.terms.write_text("\n".join(lines), encoding="utf-8")
    print(f"{added} variants {'would be ' if args.dry_run else ''}added")
    return 0


if __name__ == "__main__":
    sys.exit(main())
