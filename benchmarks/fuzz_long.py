"""The fuzzing properties of tests/test_fuzzing.py under the long Hypothesis profile.

Run on demand (not part of the suite):

    python benchmarks/fuzz_long.py [--examples 3000] [-k po]

Each property (every reader, and the API) runs with `HYPOTHESIS_PROFILE=long`
in its own pytest process; the script prints, per property, the examples
asked for, the wall time, examples per second and the outcome. A failure
prints Hypothesis's falsifying example: keep it as an `@example` on the
property in tests/test_fuzzing.py (with the fix), so the suite replays it.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PROPERTIES = ("test_plain_text", "test_markdown", "test_po", "test_xliff", "test_tmx", "test_csv", "test_docx",
              "test_api")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--examples", type=int, default=3000, help="examples per property (docx: a tenth)")
    parser.add_argument("-k", default="", help="only properties whose name contains this")
    args = parser.parse_args()
    env = {**os.environ, "HYPOTHESIS_PROFILE": "long", "FUZZ_EXAMPLES": str(args.examples)}
    print(f"{'property':<18} {'examples':>9} {'seconds':>9} {'per s':>8}  outcome")
    failed = 0
    for name in PROPERTIES:
        if args.k not in name:
            continue
        examples = max(1, args.examples // 10) if name == "test_docx" else args.examples
        started = time.perf_counter()
        proc = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-x",
                               "--hypothesis-show-statistics", f"tests/test_fuzzing.py::{name}"],
                              cwd=ROOT, env=env, capture_output=True, text=True)
        seconds = time.perf_counter() - started
        ran = re.findall(r"(\d+) passing examples?, (\d+) failing examples?, (\d+) invalid", proc.stdout)
        passing = sum(int(p) for p, _f, _i in ran) or examples
        outcome = "ok" if proc.returncode == 0 else "FAILED"
        print(f"{name:<18} {passing:>9} {seconds:>9.1f} {passing / seconds:>8.1f}  {outcome}")
        if proc.returncode != 0:
            failed += 1
            falsifying = re.findall(r"Falsifying (?:explicit )?example:.*?(?=\n\n|\Z)", proc.stdout, re.S)
            print("\n".join(falsifying) or proc.stdout[-3000:])
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
