"""Check the two seed texts of the project against the shipped term base.

Run on demand: `python benchmarks/seed_texts.py [SHARED_TEXTS_DIR]`. The texts
live outside the repository (default ../shared/texts beside the checkout); when they are absent
the script says so and exits 0. It prints the deprecated and superseded
renderings found per concept in the unofficial translation (000) and in Xinhua's
report (004), and exits 1 if the official report has any: an official text must
check clean of variants, or the term base has a variant that is legitimate.
"""

from __future__ import annotations

import sys
import time
from collections import Counter
from pathlib import Path

import glossary

UNOFFICIAL = "000_cdad86eb4c7495a6.txt"
OFFICIAL = "004_7a138f5e36cf101f.txt"
VARIANT_CODES = ("deprecated-term", "superseded-term")


def variants(path: Path) -> tuple[Counter[str], int, float]:
    text = path.read_text(encoding="utf-8")
    start = time.perf_counter()
    findings = glossary.check(text, "en")
    elapsed = time.perf_counter() - start
    counted = Counter(f.concept_id or "" for f in findings if f.code in VARIANT_CODES)
    return counted, len(text), elapsed


def main(argv: list[str]) -> int:
    folder = Path(argv[1]) if len(argv) > 1 else Path(__file__).resolve().parents[2] / "shared" / "texts"
    if not (folder / UNOFFICIAL).exists() or not (folder / OFFICIAL).exists():
        print(f"seed texts not found in {folder}; nothing to do")
        return 0
    glossary.load()  # build (or read) the term base before timing
    status = 0
    for name in (UNOFFICIAL, OFFICIAL):
        counted, size, elapsed = variants(folder / name)
        print(f"{name}: {sum(counted.values())} variant findings in {len(counted)} concepts "
              f"({size / 1e6 / elapsed:.1f} MB/s)")
        for concept, n in sorted(counted.items()):
            print(f"  {concept}: {n}")
        if name == OFFICIAL and counted:
            status = 1
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv))
