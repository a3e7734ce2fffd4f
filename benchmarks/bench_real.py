"""What a user runs, timed: whole files of real prose through the public API and the CLI.

Run on demand (not a test):

    python benchmarks/bench_real.py                # the figures of issue 14
    python benchmarks/bench_real.py --quick        # smaller files, fewer runs
    python benchmarks/bench_real.py --findings out.json   # also write every finding, to compare two builds

The files are built by `realcorpus.py` from text that Debian packages install
(documentation, fortunes, translation catalogs; it names the packages when
text is missing), with term renderings planted about every 3,000 characters.
Every row sets the glossary figure next to baselines measured in the same run:

- API: `glossary.check(text, lang=...)` on one whole file with the shipped term
  base, against a bare pyahocorasick scan (the matcher's keys, `Automaton.iter`
  over `text.lower()` computed beforehand); `fold()` and the mojibake detector
  alone. Medians of the CPU time of this process.
- CLI: `glossary check --format json FILE` with synthetic term bases of 1,000 /
  10,000 / 100,000 phrases (`corpus.py`; their renderings are planted too),
  against `grep -F -i -o -f KEYS FILE` in the C locale with the same keys, and
  the bare automaton over the lowered text. CPU time (user + system) of each
  child process from `wait4`, medians; peak resident memory from
  `/usr/bin/time -f %M`, the largest of the runs.
  With `--before COMMAND` (another build's `glossary`), each row runs it
  too, in the same loop, and says whether the two JSON reports are identical.
- Start-up: startup.py's table (the CLI on a 1 KB English and a 1.2 KB Russian
  file against `python -c pass`, and a small file with the largest CLI base on
  an empty cache and a warm one).

MB is 10^6 bytes of UTF-8.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from hashlib import sha256
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import corpus as synth  # noqa: E402
import realcorpus  # noqa: E402
import startup  # noqa: E402
from startup import glossary_command  # noqa: E402

MB = 1_000_000


def cpu(fn: Callable[[], object]) -> float:
    t0 = time.process_time()
    fn()
    return time.process_time() - t0


def medians(fns: dict[str, Callable[[], object]], reps: int) -> dict[str, float]:
    """Medians of `fns` run in turn, so that noise on the shared machine falls on all alike."""
    times: dict[str, list[float]] = {name: [] for name in fns}
    for _ in range(reps):
        for name, fn in fns.items():
            times[name].append(cpu(fn))
    return {name: statistics.median(t) for name, t in times.items()}


TIME = "/usr/bin/time"


def child(cmd: list[str], env: dict[str, str] | None = None, stdout: Path | None = None,
          ok: tuple[int, ...] = (0, 1), memory: bool = False) -> tuple[float, float, float]:
    """(CPU seconds, wall seconds, peak RSS in MB) of one child process.

    The peak comes from `/usr/bin/time -f %M` (when `memory` and it exists): the
    rusage of a direct child of this process would count this process's own
    memory, copied at the fork, as the child's. Without it the peak is 0.
    """
    out = open(stdout, "wb") if stdout else subprocess.DEVNULL
    timed = memory and os.path.exists(TIME)
    if timed:
        cmd = [TIME, "-f", "%M"] + cmd
    try:
        t0 = time.perf_counter()
        proc = subprocess.Popen(cmd, env=env, stdout=out, stderr=subprocess.PIPE)
        stderr = proc.stderr.read() if proc.stderr else b""
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - t0
        proc.returncode = os.waitstatus_to_exitcode(status)
    finally:
        if stdout:
            out.close()  # type: ignore[union-attr]
    if proc.returncode not in ok:
        raise SystemExit(f"bench_real: {' '.join(cmd)} exited {proc.returncode}: {stderr.decode(errors='replace')[-2000:]}")
    peak = 0.0
    if timed:
        peak = float(stderr.decode().strip().splitlines()[-1]) / 1024
    return usage.ru_utime + usage.ru_stime, wall, peak


def finding_rows(findings: list) -> list[list[object]]:  # type: ignore[type-arg]
    return [[f.code, f.span.start, f.span.end, f.line, f.column, f.concept_id, f.found, f.suggestion, f.fixable]
            for f in findings]


def bench_api(lang: str, size_mb: float, reps: int, record: dict[str, object]) -> dict[str, float]:
    import ahocorasick

    import glossary
    from glossary.encoding import find_damage
    from glossary.fold import fold
    from glossary.matcher import matcher_for

    tb = glossary.load()
    text = realcorpus.build(lang, int(size_mb * MB), [realcorpus.renderings(lang, tb)])
    nbytes = len(text.encode("utf-8"))
    matcher = matcher_for(tb, lang)
    automaton = ahocorasick.Automaton(ahocorasick.STORE_INTS)
    for i, key in enumerate(matcher.keys):
        automaton.add_word(key, i)
    automaton.make_automaton()
    lowered = text.lower()

    def bare() -> int:
        return sum(1 for _ in automaton.iter(lowered))

    findings = glossary.check(text, lang=lang)  # warm up (term base, matcher), and count
    rows = finding_rows(findings)
    record[lang] = rows
    m = medians({"check": lambda: glossary.check(text, lang=lang), "bare": bare,
                 "fold": lambda: fold(text), "mojibake": lambda: find_damage(text)}, reps)
    mbs = {k: nbytes / MB / v if v else float("inf") for k, v in m.items()}
    digest = sha256(json.dumps(rows, ensure_ascii=False).encode()).hexdigest()[:12]
    astral = sum(1 for c in set(text) if ord(c) > 0xFFFF)
    print(f"[api {lang}] {nbytes / MB:.1f} MB, {len(text):,} chars ({astral} distinct astral), "
          f"{len(findings):,} findings (digest {digest}), {len(matcher.keys):,} keys")
    print(f"[api {lang}] check {mbs['check']:7.1f} MB/s  bare {mbs['bare']:7.1f} MB/s  ratio {mbs['check'] / mbs['bare']:.2f}"
          f"  | fold {mbs['fold']:7.1f} MB/s ({m['fold'] * 1000:.0f} ms)  mojibake {mbs['mojibake']:7.1f} MB/s "
          f"({m['mojibake'] * 1000:.0f} ms)  check {m['check'] * 1000:.0f} ms")
    return {"check": mbs["check"], "bare": mbs["bare"], "ratio": mbs["check"] / mbs["bare"]}


def bench_cli(size_mb: float, sizes: list[int], reps: int, workdir: Path,
              before: list[str] | None = None) -> list[dict[str, float]]:
    """`before`: another build's `glossary` command, run on the same files in the same loop (and its JSON
    report compared with this build's)."""
    import ahocorasick

    import glossary
    from glossary.matcher import matcher_for
    from glossary.termbase import load

    lang = "en"
    plant = [realcorpus.renderings(lang, glossary.load())]
    core = synth.concepts(lang, 100)  # in every nested synthetic base
    plant.append(([r.text for c in core for r in c.accepted], [r.text for c in core for r in c.variants]))
    text = realcorpus.build(lang, int(size_mb * MB), plant)
    path = workdir / f"real-{lang}.txt"
    path.write_text(text, encoding="utf-8")
    nbytes = path.stat().st_size
    lowered = text.lower()
    print(f"\n[cli] {nbytes / MB:.1f} MB of English, {len(text):,} chars; "
          f"`glossary check --format json` vs `LC_ALL=C grep -F -i -o -f KEYS`; CPU medians of {reps}")
    out: list[dict[str, float]] = []
    cmd = glossary_command()
    for n in sizes:
        tbpath = workdir / f"terms-{lang}-{n}.yaml"
        tbpath.write_text(synth.termbase_yaml(lang, synth.concepts(lang, n)), encoding="utf-8")
        cache_dir = workdir / f"cache-{n}"
        env = dict(os.environ, GLOSSARY_CACHE_DIR=str(cache_dir), NO_COLOR="1")
        args = cmd + ["check", "--format", "json", "--no-default", "--termbase", str(tbpath), "--lang", lang, str(path)]
        keys = matcher_for(load([tbpath], default=False), lang).keys
        keyfile = workdir / f"keys-{n}.txt"
        keyfile.write_text("\n".join(keys) + "\n", encoding="utf-8")
        grep = ["grep", "-F", "-i", "-o", "-f", str(keyfile), str(path)]
        genv = dict(os.environ, LC_ALL="C")
        automaton = ahocorasick.Automaton(ahocorasick.STORE_INTS)
        for i, key in enumerate(keys):
            automaton.add_word(key, i)
        automaton.make_automaton()

        child(args, env, workdir / "out.json")  # fills the cache
        report = json.loads((workdir / "out.json").read_text(encoding="utf-8"))
        times: dict[str, list[float]] = {"cli": [], "grep": [], "bare": []}
        rss: dict[str, list[float]] = {"cli": [], "grep": []}
        old_args: list[str] = []
        if before:
            old_args = before + args[len(cmd):]
            old_env = dict(env, GLOSSARY_CACHE_DIR=str(workdir / f"cache-before-{n}"))
            child(old_args, old_env, workdir / "before.json")
            times["before"], rss["before"] = [], []
        for _ in range(reps):
            c, _, r = child(args, env, workdir / "out.json", memory=True)
            times["cli"].append(c)
            rss["cli"].append(r)
            if before:
                c, _, r = child(old_args, old_env, workdir / "before.json", memory=True)
                times["before"].append(c)
                rss["before"].append(r)
            c, _, r = child(grep, genv, workdir / "grep.txt", memory=True)
            times["grep"].append(c)
            rss["grep"].append(r)
            times["bare"].append(cpu(lambda: sum(1 for _ in automaton.iter(lowered))))
        m = {k: statistics.median(v) for k, v in times.items()}
        peak = {k: max(v) for k, v in rss.items()}
        grep_hits = sum(1 for _ in open(workdir / "grep.txt", "rb"))
        row = {"terms": n, "cli": nbytes / MB / m["cli"], "grep": nbytes / MB / m["grep"], "bare": nbytes / MB / m["bare"],
               "rss": peak["cli"], "grep_rss": peak["grep"], "file_mb": nbytes / MB, "out_mb": (workdir / "out.json").stat().st_size / MB}
        out.append(row)
        print(f"[cli] {n:>7,} phrases ({len(keys):,} keys): glossary {row['cli']:6.1f} MB/s, peak {row['rss']:6.0f} MB "
              f"({report['summary']['findings']:,} findings, {row['out_mb']:.1f} MB of JSON) | grep {row['grep']:6.1f} MB/s "
              f"({grep_hits:,} hits), peak {row['grep_rss']:.0f} MB | bare automaton {row['bare']:6.1f} MB/s | "
              f"glossary/grep {row['cli'] / row['grep']:.2f}; memory aim {2 * row['file_mb'] + 100:.0f} MB")
        if before:
            same = (workdir / "before.json").read_bytes() == (workdir / "out.json").read_bytes()
            row.update(before=nbytes / MB / m["before"], before_rss=peak["before"], same=float(same))
            print(f"[cli] {n:>7,} phrases, before ({' '.join(before)}): {row['before']:6.1f} MB/s, peak "
                  f"{row['before_rss']:6.0f} MB | this build / before: speed {row['cli'] / row['before']:.2f}, "
                  f"peak {row['rss'] / row['before_rss']:.2f} | JSON reports identical: {'yes' if same else 'NO'}")
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="2 MB API files, a 10 MB CLI file, bases up to 10,000")
    parser.add_argument("--api-mb", type=float, default=None, help="size of each API file (default 5)")
    parser.add_argument("--cli-mb", type=float, default=None, help="size of the CLI file (default 50)")
    parser.add_argument("--sizes", default=None, help="CLI term bases (default 1000,10000,100000)")
    parser.add_argument("--langs", default="en,ru,zh", help="API files (default en,ru,zh)")
    parser.add_argument("--reps", type=int, default=None, help="repetitions (default 5, quick 3)")
    parser.add_argument("--startup-runs", type=int, default=20)
    parser.add_argument("--skip", default="", help="sections to skip: api,cli,startup,startup-big")
    parser.add_argument("--findings", type=Path, default=None, help="write the API findings as JSON here")
    parser.add_argument("--before", default=None,
                        help="another build's glossary command: the CLI rows run it too, in the same loop")
    args = parser.parse_args(argv)
    api_mb = args.api_mb or (2.0 if args.quick else 5.0)
    cli_mb = args.cli_mb or (10.0 if args.quick else 50.0)
    sizes = [int(s) for s in (args.sizes or ("1000,10000" if args.quick else "1000,10000,100000")).split(",") if s]
    reps = args.reps or (3 if args.quick else 5)
    skip = set(args.skip.split(","))

    import glossary
    from importlib.metadata import version

    print(f"glossary {glossary.__version__}, Python {platform.python_version()}, pyahocorasick {version('pyahocorasick')}, "
          f"{os.cpu_count()} CPUs, {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}")
    record: dict[str, object] = {}
    with tempfile.TemporaryDirectory(prefix="glossary-real-") as tmp:
        workdir = Path(tmp)
        if "api" not in skip:
            for lang in [x for x in args.langs.split(",") if x]:
                bench_api(lang, api_mb, reps, record)
            if args.findings:
                args.findings.write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")
        if "cli" not in skip:
            bench_cli(cli_mb, sizes, max(3, reps // 2 + 1), workdir, args.before.split() if args.before else None)
    if "startup" not in skip:  # startup.py's table, with the largest CLI base as its big one
        print()
        startup.main(["--runs", str(args.startup_runs), "--big", "0" if "startup-big" in skip else str(max(sizes))])
    return 0


if __name__ == "__main__":
    sys.exit(main())
