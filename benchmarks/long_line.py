"""Time of `glossary check` on a file that is one long line, `--show-source` output against `-q`.

Run on demand (not a test):

    python benchmarks/long_line.py [--sizes 1,2,4,8] [--reps 3]

For each size (MB of one line with no line break, a variant rendering every 2 KB)
it runs the installed command as a subprocess with `--show-source` (every
finding with its context line; the default output was this layout until it
became one line per finding) and with `-q` (one line per finding, no context),
and prints the median wall time of each, the MB/s of the `--show-source` output
and its ratio to `-q` measured in the same run. When the text
reporter renders context from the whole line, that output grows with
the square of the line length and the ratio with the line length; rendered from
a window around each span, both stay flat.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

MB = 1_000_000
EVERY = 2_000
TERM = "One Belt, One Road"


def make(path: Path, size: int) -> int:
    """Write one line of `size` bytes with TERM every EVERY bytes; return how many."""
    filler = "word " * ((EVERY - len(TERM) - 2) // 5)
    chunk = filler + TERM + ". "
    count = max(1, size // len(chunk))
    path.write_text(chunk * count, encoding="utf-8")
    return count


def wall(args: list[str], reps: int) -> float:
    times = []
    env = {**os.environ, "NO_COLOR": "1"}
    for _ in range(reps):
        t0 = time.perf_counter()
        proc = subprocess.run(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
        times.append(time.perf_counter() - t0)
        if proc.returncode != 1:
            sys.exit(f"long_line: {' '.join(args)} exited {proc.returncode}, expected 1 (findings)")
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1,2,4,8", help="line lengths in MB, comma-separated")
    parser.add_argument("--reps", type=int, default=3)
    args = parser.parse_args()
    command = shutil.which("glossary")
    if command is None:
        sys.exit("long_line: the `glossary` command is not installed (pip install -e . first)")
    print(f"{'MB':>4} {'findings':>8} {'source s':>10} {'-q s':>8} {'source MB/s':>13} {'ratio':>6}")
    with tempfile.TemporaryDirectory() as tmp:
        for size in (float(s) for s in args.sizes.split(",")):
            path = Path(tmp) / "line.txt"
            count = make(path, int(size * MB))
            # Warm the term base cache once, outside the timing.
            subprocess.run([command, "check", "-q", str(path)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            default = wall([command, "check", "--lang", "en", "--show-source", str(path)], args.reps)
            quiet = wall([command, "check", "--lang", "en", "-q", str(path)], args.reps)
            mb = path.stat().st_size / MB
            print(f"{size:>4g} {count:>8} {default:>10.2f} {quiet:>8.2f} {mb / default:>13.2f} {default / quiet:>6.2f}")


if __name__ == "__main__":
    main()
