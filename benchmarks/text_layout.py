"""How long the text report is: raw lines, and lines on an 80- and a 120-column terminal.

Run on demand:

    python benchmarks/text_layout.py FILE... [--against NAME=CHECKOUT]...

For each FILE it runs `glossary check` of this checkout in each text layout
(the default one line per finding, `--show-source`, `--explain`) and, for each
`--against` checkout (a git worktree of another commit, e.g. `git worktree add
--detach /tmp/old COMMIT`), its default layout, all without colour. Output
and summary (stdout and stderr) are counted together, as a terminal shows
them. A display line is what a terminal of that width shows: a line longer
than the width wraps, and East Asian wide characters take two columns. The
ratio column divides by the first `--against` checkout's figures. Nothing is
timed.
"""

from __future__ import annotations

import argparse
import math
import os
import subprocess
import sys
import unicodedata
from pathlib import Path

HERE = Path(__file__).resolve().parent.parent
WIDTHS = (80, 120)
LAYOUTS = (("default", ()), ("--show-source", ("--show-source",)), ("--explain", ("--explain",)))


def columns(line: str) -> int:
    return sum(0 if unicodedata.combining(c) else 2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in line)


def measure(text: str) -> tuple[int, ...]:
    """Raw lines, then display lines at each of WIDTHS."""
    lines = text.splitlines()
    return (len(lines), *(sum(max(1, math.ceil(columns(line) / w)) for line in lines) for w in WIDTHS))


def report(checkout: Path, path: str, options: tuple[str, ...]) -> str | None:
    """`glossary check` of `checkout` on `path`; None when that checkout has no such option."""
    env = dict(os.environ, PYTHONPATH=str(checkout), NO_COLOR="1", LANG="C.UTF-8", LANGUAGE="")
    env.pop("FORCE_COLOR", None)
    done = subprocess.run([sys.executable, "-m", "glossary", "check", path, *options], capture_output=True,
                          text=True, env=env, cwd=checkout)
    if done.returncode == 2:
        return None
    return done.stdout + done.stderr


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("files", nargs="+")
    parser.add_argument("--against", action="append", default=[], metavar="NAME=CHECKOUT")
    args = parser.parse_args(argv)
    others = [(name, Path(where).resolve()) for name, where in (a.split("=", 1) for a in args.against)]
    head = f"{'file':<16}{'run':<26}{'raw':>6}" + "".join(f"{f'{w} col':>9}" for w in WIDTHS)
    print(head + ("   ratio to " + others[0][0] if others else ""))
    for file in args.files:
        path = str(Path(file).resolve())
        rows = [(name, "default", report(where, path, ())) for name, where in others]
        rows += [("this", label, report(HERE, path, options)) for label, options in LAYOUTS]
        base = measure(rows[0][2]) if others and rows[0][2] is not None else None
        for name, label, text in rows:
            if text is None:
                continue
            got = measure(text)
            ratio = "  " + " ".join(f"{g / b:.2f}" for g, b in zip(got, base)) if base else ""
            print(f"{Path(file).name:<16}{name + ' ' + label:<26}{got[0]:>6}" + "".join(f"{g:>9}" for g in got[1:])
                  + ratio)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
