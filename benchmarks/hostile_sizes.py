"""Time and peak memory against input size, for every hostile shape and every output path.

Run on demand (not a test):

    python benchmarks/hostile_sizes.py [--sizes 1,2,4,8] [--timeout 120] [--shapes ...] [--outputs ...]

Each shape is written at each size (MB) into a temporary folder; the
installed command runs on it as a subprocess for each output path (`check`
in every `--format`, `check -q`, and `fix`, which rewrites a copy and prints
the findings left), and the script prints wall seconds, peak resident memory
(from `wait4`, the child's own maximum) and MB/s. The last columns compare the
largest size with the smallest measured in the same run: a time ratio near
the size ratio is linear; a shape that grows faster is a defect. Peak memory is
compared with the aim of issue 17: at most twice the input plus 100 MB. A run
that passes the timeout is stopped and its larger sizes skipped.

Shapes: one long line with a variant every 2 KB; zero-width spaces between
letters; mixed Latin, Cyrillic and Han script; one PO entry with a huge
msgstr; mojibake (encoding damage) throughout, checked with --fix-encoding.

`--before COMMAND` runs another build's `glossary` too, alternating with
this one's, each row printed once for it (marked "before") above this one's.

`--real MB` (default 50; 0 skips it) adds whole-file real English prose
(benchmarks/realcorpus.py: text that Debian packages install, skipped when
none is) at that size, the file of issue 14's memory aim. `--repeat N` runs
each row N times and prints medians (time and peak). A table at the end gives,
per shape and output, peak memory at the largest size against the aim, and the
memory growth between the smallest and the largest size in MB per input MB.
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
TERM = "One Belt, One Road"


def fill(unit: str, size: int) -> str:
    return unit * max(1, size // len(unit.encode("utf-8")))


def real_prose(size: int) -> tuple[str, str]:
    """Real English prose with renderings planted (benchmarks/realcorpus.py); SystemExit when none is installed."""
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    import realcorpus

    import glossary

    return "real-en.txt", realcorpus.build("en", size, [realcorpus.renderings("en", glossary.load())])


def long_line(size: int) -> tuple[str, str]:
    return "long.txt", fill("word " * 396 + TERM + ". ", size)


def zero_width(size: int) -> tuple[str, str]:
    spaced = "\u200b".join("One Belt One Road") + " and the B\u200bel\u200bt and Road. "
    return "zwsp.txt", fill(spaced + "text " * 40, size) + "\n"


def mixed_scripts(size: int) -> tuple[str, str]:
    unit = "Один пояс, один путь — 一带一路 — One Belt, One Road; слово word 词 " * 4
    return "mixed.txt", fill(unit, size) + "\n"


def po_msgstr(size: int) -> tuple[str, str]:
    body = fill("The One Belt, One Road plan, " + "and more words " * 60, size)
    return "huge.po", f'msgid ""\nmsgstr ""\n"Language: en\\n"\n\nmsgid "x"\nmsgstr "{body}"\n'


def mojibake(size: int) -> tuple[str, str]:
    damaged = "It\u00e2\u20ac\u2122s the Belt and Road \u00e2\u20ac\u201c a plan. "
    return "moji.txt", "\n".join(fill(damaged, 4000) for _ in range(max(1, size // 4000))) + "\n"


SHAPES = {"long-line": long_line, "zero-width": zero_width, "mixed-scripts": mixed_scripts,
          "po-msgstr": po_msgstr, "mojibake": mojibake}
OUTPUTS = {
    "text": ["check"], "quiet": ["check", "-q"], "json": ["check", "--format", "json"],
    "jsonl": ["check", "--format", "jsonl"], "sarif": ["check", "--format", "sarif"],
    "github": ["check", "--format", "github"], "fix": ["fix"],
}


def measure(args: list[str], timeout: float, exe: str | None = None) -> tuple[float | None, float, int]:
    """Wall seconds (None past the timeout), peak RSS in MB and exit code of one run of `glossary` (or `exe`)."""
    exe = exe or shutil.which("glossary") or sys.executable
    command = [exe, *args] if exe.endswith("glossary") else [exe, "-m", "glossary", *args]
    started = time.perf_counter()
    proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = started + timeout
    while True:
        pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
        if pid:
            proc.returncode = os.waitstatus_to_exitcode(status)
            return time.perf_counter() - started, usage.ru_maxrss / 1024, proc.returncode
        if time.perf_counter() > deadline:
            proc.kill()
            _pid, _status, usage = os.wait4(proc.pid, 0)
            proc.returncode = -9
            return None, usage.ru_maxrss / 1024, -9
        time.sleep(0.02)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1,2,4,8", help="sizes in MB")
    parser.add_argument("--timeout", type=float, default=120.0, help="seconds before a run is stopped")
    parser.add_argument("--shapes", default=",".join(SHAPES))
    parser.add_argument("--outputs", default=",".join(OUTPUTS))
    parser.add_argument("--real", type=float, default=50.0, help="MB of real prose (0: none)")
    parser.add_argument("--repeat", type=int, default=1, help="runs per row; medians are printed")
    parser.add_argument("--before", default=None,
                        help="another build's glossary command: each row runs it too, alternating, on the same file")
    args = parser.parse_args()
    builds = [("", None)] + ([("before", args.before)] if args.before else [])
    sizes = [float(s) for s in args.sizes.split(",")]
    rows = [(shape, size) for shape in args.shapes.split(",") for size in sizes]
    if args.real:
        rows.append(("real-prose", args.real))
    print(f"{'shape':<14} {'output':<7} {'MB':>5} {'seconds':>8} {'MB/s':>6} {'peak MB':>8} {'aim MB':>7} {'exit':>4}")
    summary = []
    memory = []
    with tempfile.TemporaryDirectory() as tmp:
        warm = Path(tmp) / "warm.txt"
        warm.write_text(TERM + "\n", encoding="utf-8")
        for _name, exe in builds:
            measure(["check", str(warm)], args.timeout, exe)  # the term base cache, built once before timing
        for shape in dict.fromkeys(shape for shape, _size in rows):
            made: dict[float, Path] = {}
            for output in args.outputs.split(","):
                times: dict[float, float] = {}
                peaks: dict[float, float] = {}
                for size in [size for s, size in rows if s == shape]:
                    if size not in made:
                        try:
                            name, text = (real_prose if shape == "real-prose" else SHAPES[shape])(int(size * MB))
                        except SystemExit as exc:
                            print(f"{shape:<14} skipped: {exc}")
                            break
                        made[size] = Path(tmp) / f"{size:g}-{name}"
                        made[size].write_text(text, encoding="utf-8")
                        del text
                    path = made[size]
                    actual = path.stat().st_size / MB
                    extra = ["--fix-encoding"] if shape == "mojibake" else []
                    by_build: dict[str, list[tuple[float | None, float, int]]] = {name: [] for name, _exe in builds}
                    for _ in range(args.repeat):
                        for name, exe in builds:
                            target = shutil.copy(path, Path(tmp) / f"fixed-{path.name}") if output == "fix" else path
                            by_build[name].append(measure([*OUTPUTS[output], str(target), *extra], args.timeout, exe))
                    for name, runs in list(by_build.items())[1:]:
                        timed = [r[0] for r in runs if r[0] is not None]
                        seconds = statistics.median(timed) if len(timed) == len(runs) else None
                        peak = statistics.median(r[1] for r in runs)
                        shown = f"{seconds:8.2f}" if seconds is not None else f">{args.timeout:7.0f}"
                        rate = f"{actual / seconds:6.2f}" if seconds else "     -"
                        print(f"{shape:<14} {output:<7} {actual:5.1f} {shown} {rate} {peak:8.0f} {2 * actual + 100:7.0f} "
                              f"{runs[-1][2]:>4}  ({name})", flush=True)
                    runs = by_build[""]
                    timed = [r[0] for r in runs if r[0] is not None]
                    seconds = statistics.median(timed) if len(timed) == len(runs) else None
                    peak = statistics.median(r[1] for r in runs)
                    code = runs[-1][2]
                    aim = 2 * actual + 100
                    shown = f"{seconds:8.2f}" if seconds is not None else f">{args.timeout:7.0f}"
                    rate = f"{actual / seconds:6.2f}" if seconds else "     -"
                    flag = "" if peak <= aim else "  over the memory aim"
                    print(f"{shape:<14} {output:<7} {actual:5.1f} {shown} {rate} {peak:8.0f} {aim:7.0f} {code:>4}{flag}",
                          flush=True)
                    peaks[actual] = peak
                    if seconds is None:
                        break
                    times[actual] = seconds
                if len(times) >= 2:
                    small, large = min(times), max(times)
                    summary.append((shape, output, large / small, times[large] / times[small]))
                if peaks:
                    small, large = min(peaks), max(peaks)
                    slope = (peaks[large] - peaks[small]) / (large - small) if large > small else float("nan")
                    memory.append((shape, output, large, peaks[large], 2 * large + 100, slope))
    if summary:
        print("\nlargest against smallest size (linear: time ratio near the size ratio)")
        print(f"{'shape':<14} {'output':<7} {'size x':>7} {'time x':>7}")
        for shape, output, size_ratio, time_ratio in summary:
            flag = "  superlinear" if time_ratio > 1.5 * size_ratio else ""
            print(f"{shape:<14} {output:<7} {size_ratio:7.1f} {time_ratio:7.1f}{flag}")
    if memory:
        print("\npeak memory at the largest size against the aim (2 x input + 100 MB); growth in MB per input MB")
        print(f"{'shape':<14} {'output':<7} {'MB':>5} {'peak MB':>8} {'aim MB':>7} {'peak/aim':>8} {'MB/MB':>6}")
        for shape, output, size, peak, aim, slope in memory:
            flag = "" if peak <= aim else "  over the memory aim"
            print(f"{shape:<14} {output:<7} {size:5.1f} {peak:8.0f} {aim:7.0f} {peak / aim:8.2f} {slope:6.1f}{flag}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
