"""False alarms of unlisted-variant on large clean prose, per language, per megabyte.

Clean text is what a signature must never fire on. Sources, read when present
(install them with `apt-get install python3-doc manpages-ru fortunes-ru`):

- English: the Python documentation sources (`/usr/share/doc/python3.11/html/_sources`,
  reStructuredText: prose about programming, no political terms);
- Russian: the Russian manual pages (`/usr/share/man/ru`, troff markup removed) and
  the Russian fortunes collection (`/usr/share/games/fortunes/ru`);
- either language: any folders given with `--en DIR` / `--ru DIR` (official texts you
  collected; a hit there is read by hand: it may be a real variant).

    python benchmarks/false_alarms.py [--en DIR] [--ru DIR] [--lang en|ru] [--limit-mb 20] [--show 30]

Prints, per language: megabytes read, unlisted-variant findings, findings per MB,
the check's throughput in MB/s of CPU time with and without the signature pass (the
same text, the same run), and the hits themselves so that each can be judged.
"""

from __future__ import annotations

import argparse
import gzip
import re
import statistics
import sys
import time
from collections import Counter
from pathlib import Path

DEFAULTS = {
    "en": [Path("/usr/share/doc/python3.11/html/_sources")],
    "ru": [Path("/usr/share/man/ru"), Path("/usr/share/games/fortunes/ru")],
}
_TROFF = re.compile(r"^\.[A-Za-z\\\"].*$|\\f[BIRP]|\\\(..|\\[-&e|^]", re.MULTILINE)


def read(path: Path) -> str:
    data = path.read_bytes()
    if path.suffix == ".gz":
        data = gzip.decompress(data)
    text = data.decode("utf-8", errors="replace")
    if "/man/" in str(path):
        text = _TROFF.sub(" ", text)
    return text


def texts(roots: list[Path], limit: int) -> list[str]:
    """Files under `roots` as texts, up to `limit` characters in all."""
    out, total = [], 0
    for root in roots:
        if not root.exists():
            continue
        files = [root] if root.is_file() else sorted(p for p in root.rglob("*") if p.is_file())
        for f in files:
            if f.suffix in (".dat", ".png", ".jpg", ".gif") or f.name.endswith(".u8"):
                continue
            try:
                t = read(f)
            except (OSError, EOFError):
                continue
            if "\ufffd" in t[:2000]:
                continue
            out.append(t)
            total += len(t.encode("utf-8"))
            if total >= limit:
                return out
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--en", action="append", default=[], type=Path)
    ap.add_argument("--ru", action="append", default=[], type=Path)
    ap.add_argument("--limit-mb", type=float, default=20.0)
    ap.add_argument("--show", type=int, default=30)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--lang", choices=("en", "ru"), help="one language only (default: both)")
    args = ap.parse_args()

    import glossary
    from glossary.checks import Options, check_text

    tb = glossary.load()
    limit = int(args.limit_mb * 1_000_000)
    for lang in (args.lang,) if args.lang else ("en", "ru"):
        roots = (getattr(args, lang) or []) + DEFAULTS[lang]
        docs = texts(roots, limit)
        size = sum(len(d.encode("utf-8")) for d in docs)
        if not size:
            print(f"{lang}: no clean text found under {', '.join(map(str, roots))}; skipped")
            continue
        mb = size / 1_000_000
        hits: Counter[tuple[str, str]] = Counter()
        context: dict[tuple[str, str], str] = {}
        timings: dict[bool, list[float]] = {True: [], False: []}
        for rep in range(args.repeat):
            for with_signatures in (True, False) if rep % 2 == 0 else (False, True):
                options = Options(lang=lang) if with_signatures else Options(lang=lang, disable=frozenset({"unlisted-variant"}))
                t0 = time.process_time()  # CPU: the machine is shared, wall time is noise
                for d in docs:
                    found = check_text(d, lang, tb, options)
                    if with_signatures and rep == 0:
                        for f in found:
                            if f.code == "unlisted-variant":
                                key = (f.concept_id or "", f.found)
                                hits[key] += 1
                                line = d[max(0, f.span.start - 60):f.span.end + 60].replace("\n", " ")
                                context.setdefault(key, line)
                timings[with_signatures].append(time.process_time() - t0)
        n = sum(hits.values())
        on, off = statistics.median(timings[True]), statistics.median(timings[False])
        print(f"{lang}: {mb:.2f} MB in {len(docs)} files; unlisted-variant findings: {n} "
              f"({n / mb:.2f} per MB); check {mb / on:.2f} MB/s with signatures, {mb / off:.2f} MB/s without "
              f"(ratio {on / off:.2f}, medians of {args.repeat})")
        for (concept, found), count in hits.most_common(args.show):
            print(f"  {count:4d}  {concept}: {found!r}  … {context[(concept, found)]} …")
    return 0


if __name__ == "__main__":
    sys.exit(main())
