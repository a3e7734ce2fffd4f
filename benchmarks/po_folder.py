"""Benchmark: `glossary check` over a folder of 1,000 PO files, serial and with --jobs.

Run on demand (not a test):

    python benchmarks/po_folder.py [--files 1000] [--entries 40] [--jobs 0]

It writes a folder of Chinese-English catalogs shaped like real ones (header,
references, flags, plural entries, multi-line strings, some deprecated
renderings, some untranslated and obsolete entries) into a temporary folder,
warms the term base cache with one run, then times the installed `glossary`
command on the whole folder, against `python -c pass` (interpreter start-up)
and against reading the same files with polib alone (the parsing baseline).
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HEADER = '''# Chinese-English catalog {n} of the benchmark.
msgid ""
msgstr ""
"Project-Id-Version: briefing {n}\\n"
"Language: en\\n"
"MIME-Version: 1.0\\n"
"Content-Type: text/plain; charset=UTF-8\\n"
"Content-Transfer-Encoding: 8bit\\n"
"Plural-Forms: nplurals=2; plural=(n != 1);\\n"

'''

PAIRS = [
    ("共建一带一路取得丰硕成果。", "Joint work on the Belt and Road has borne rich fruit."),
    ("推动构建人类命运共同体。", "We will build a community with a shared future for mankind."),
    ("一带一路倡议是开放的。", "The One Belt, One Road initiative is open to all."),
    ("各方同意加强合作。", "All parties agreed to strengthen cooperation."),
    ("和平共处五项原则仍有生命力。", "The Five Principles of Peaceful Coexistence remain alive."),
    ("会谈在友好气氛中进行。", "The talks were held in a friendly atmosphere."),
    ("我们坚持人类命运共同体理念。", "We uphold the idea of a community of common destiny."),
    ("双方就共同关心的问题交换了意见。", "The two sides exchanged views on issues of common concern."),
]


def catalog(n: int, entries: int) -> str:
    out = [HEADER.format(n=n)]
    for i in range(entries):
        source, target = PAIRS[(n + i) % len(PAIRS)]
        out.append(f"#: briefing/part{n}.py:{i + 1}\n")
        if i % 11 == 5:
            out.append("#, fuzzy\n")
        out.append(f'msgctxt "p{i}"\n' if i % 7 == 3 else "")
        if i % 13 == 8:
            out.append(f'msgid "{source}"\nmsgid_plural "{source}"\nmsgstr[0] "{target}"\nmsgstr[1] "{target}"\n\n')
        elif i % 5 == 2:
            half = len(target) // 2
            out.append(f'msgid "{source}"\nmsgstr ""\n"{target[:half]}"\n"{target[half:]}"\n\n')
        elif i % 17 == 16:
            out.append(f'msgid "{source}"\nmsgstr ""\n\n')
        else:
            out.append(f'msgid "{source}"\nmsgstr "{target}"\n\n')
    out.append('#~ msgid "旧条目"\n#~ msgstr "An old entry"\n')
    return "".join(out)


CPU: dict[str, float] = {}


def timed(cmd: list[str], repeat: int) -> tuple[float, subprocess.CompletedProcess[str]]:
    """Median wall time; the median CPU time (user + system, workers included) goes to CPU[cmd]."""
    times, cpu = [], []
    result = None
    for _ in range(repeat):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        result = subprocess.run(cmd, capture_output=True, text=True)
        times.append(time.perf_counter() - start)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    assert result is not None
    CPU[" ".join(cmd)] = statistics.median(cpu)
    return statistics.median(times), result


def _spin(_: int) -> int:
    total = 0
    for i in range(3_000_000):
        total += i
    return total


def machine_speedup(jobs: int) -> float:
    """How much faster `jobs` processes run a pure-Python loop than one: the ceiling for --jobs here."""
    import multiprocessing

    start = time.perf_counter()
    for n in range(jobs * 2):
        _spin(n)
    serial = time.perf_counter() - start
    start = time.perf_counter()
    with multiprocessing.get_context("fork").Pool(jobs) as pool:
        pool.map(_spin, range(jobs * 2))
    return serial / (time.perf_counter() - start)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--files", type=int, default=1000)
    parser.add_argument("--entries", type=int, default=40)
    parser.add_argument("--jobs", type=int, default=0, help="jobs for the parallel run (0: one per CPU)")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    exe = shutil.which("glossary", path=str(Path(sys.executable).parent)) or shutil.which("glossary")
    if exe is None:
        sys.exit("install the package first: pip install -e .")
    folder = Path(tempfile.mkdtemp(prefix="glossary-bench-"))
    try:
        for n in range(args.files):
            (folder / f"catalog-{n:04d}.po").write_text(catalog(n, args.entries), encoding="utf-8")
        size = sum(p.stat().st_size for p in folder.iterdir())
        subprocess.run([exe, "check", "-q", str(folder / "catalog-0000.po")], capture_output=True)  # warm cache

        start_up, _ = timed([sys.executable, "-c", "pass"], args.repeat)
        polib_only, _ = timed([sys.executable, "-c",
                               "import polib, pathlib, sys\n"
                               "for p in sorted(pathlib.Path(sys.argv[1]).iterdir()):\n"
                               "    polib.pofile(p.read_text(encoding='utf-8'))", str(folder)], args.repeat)
        serial, result = timed([exe, "check", "-q", "--exit-zero", str(folder)], args.repeat)
        findings = result.stdout.count("\n")
        jobs = args.jobs or os.cpu_count() or 1
        parallel, presult = timed([exe, "check", "-q", "--exit-zero", "--jobs", str(jobs), str(folder)], args.repeat)
        assert presult.stdout == result.stdout, "parallel and serial reports differ"

        mb = size / 1e6
        cpu = list(CPU.values())
        load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
        print(f"{args.files} PO files, {args.entries} entries each, {mb:.1f} MB, {findings} findings; "
              f"{os.cpu_count()} CPUs, load {load:.1f}; median of {args.repeat}; wall and CPU (user+sys) seconds")
        print(f"  python -c pass             wall {start_up:7.3f}  cpu {cpu[0]:7.3f}")
        print(f"  polib parse only           wall {polib_only:7.3f}  cpu {cpu[1]:7.3f}  {mb / polib_only:6.2f} MB/s")
        print(f"  glossary check --jobs 1    wall {serial:7.3f}  cpu {cpu[2]:7.3f}  {mb / serial:6.2f} MB/s  "
              f"{args.files / serial:5.0f} files/s  {cpu[2] / cpu[1]:4.2f}x polib's CPU")
        print(f"  glossary check --jobs {jobs:<3d}  wall {parallel:7.3f}  cpu {cpu[3]:7.3f}  {mb / parallel:6.2f} MB/s  "
              f"{args.files / parallel:5.0f} files/s  {serial / parallel:4.2f}x the wall speed of --jobs 1")
        print(f"  baseline: a pure-Python loop in {jobs} processes runs {machine_speedup(jobs):4.2f}x "
              "as fast as in one on this machine now")
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
