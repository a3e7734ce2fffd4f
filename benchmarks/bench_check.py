"""How fast `glossary check` is, next to the baselines it is judged against.

Run on demand (not a test):

    python benchmarks/bench_check.py [--size-mb N] [--quick] [--langs en,ru,zh]

For term bases of 100, 1,000, 10,000 and 100,000 phrases it prints the MB/s of
the library's check path (`glossary.checks.check_text` on a synthetic corpus
split into 20 KB documents) next to a bare pyahocorasick scan (the same keys,
`Automaton.iter` over the same text folded beforehand) measured in the same
run, and their ratio; then `fold()` alone, the term base load and compile time
cold and cached, and `glossary check` on a small file as a subprocess against
`python -c pass`. Every figure is the median of several repetitions, because
the machine is shared and noisy. See benchmarks/README.md for the aims.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import corpus as synth  # noqa: E402  (the sibling module, not a package)

SIZES = (100, 1_000, 10_000, 100_000)
MB = 1_000_000


def cpu_time(fn: Callable[[], object]) -> float:
    """CPU seconds of this process: time spent waiting for a shared CPU is not counted."""
    t0 = time.process_time()
    fn()
    return time.process_time() - t0


def median_time(fn: Callable[[], object], reps: int) -> float:
    return statistics.median(cpu_time(fn) for _ in range(reps))


def median_times(fns: dict[str, Callable[[], object]], reps: int) -> dict[str, float]:
    """Medians of `fns` run in turn, `reps` rounds, so that noise falls on all alike."""
    times: dict[str, list[float]] = {name: [] for name in fns}
    for _ in range(reps):
        for name, fn in fns.items():
            times[name].append(cpu_time(fn))
    return {name: statistics.median(t) for name, t in times.items()}


def forget_compiled() -> None:
    """Drop the in-process matcher memo so the next lookup reads the disk cache."""
    from glossary import matcher

    memo = getattr(matcher, "_MEMORY", None)
    if memo is not None:
        memo.clear()


def bench_lang(lang: str, size_mb: float, sizes: tuple[int, ...], reps: int, workdir: Path) -> list[dict[str, object]]:
    import ahocorasick

    from glossary.checks import check_text
    from glossary.fold import fold, fold_text
    from glossary.matcher import matcher_for
    from glossary.termbase import load

    core = synth.concepts(lang, 100)
    t0 = time.perf_counter()
    text = synth.corpus(lang, int(size_mb * MB), core)
    docs = synth.documents(text)
    nbytes = sum(len(d.encode("utf-8")) for d in docs)
    print(f"\n[{lang}] corpus: {nbytes / MB:.1f} MB, {len(text):,} characters, {len(docs):,} documents of ~20 KB "
          f"(generated in {time.perf_counter() - t0:.1f} s)")

    fold_s = median_time(lambda: [fold(d) for d in docs], reps)
    print(f"[{lang}] fold() alone: {nbytes / MB / fold_s:7.1f} MB/s")
    folded_docs = [fold_text(d) for d in docs]

    rows: list[dict[str, object]] = []
    print(f"[{lang}] {'phrases':>8} {'keys':>8} {'check MB/s':>11} {'bare MB/s':>10} {'ratio':>6} "
          f"{'findings':>9} {'load cold':>10} {'compile':>8} {'cached':>8}")
    for n in sizes:
        items = synth.concepts(lang, n)  # a prefix of `largest`
        path = workdir / f"terms-{lang}-{n}.yaml"
        path.write_text(synth.termbase_yaml(lang, items), encoding="utf-8")

        os.environ["GLOSSARY_CACHE_DIR"] = str(workdir / f"cache-{lang}-{n}")
        forget_compiled()
        tb = None

        def load_cold_fn() -> None:
            nonlocal tb
            tb = load([path], default=False)

        load_cold = cpu_time(load_cold_fn)
        compile_cold = cpu_time(lambda: matcher_for(tb, lang))

        def cached() -> None:
            forget_compiled()
            matcher_for(load([path], default=False), lang)

        cached_s = median_time(cached, reps)
        forget_compiled()
        tb = load([path], default=False)
        matcher = matcher_for(tb, lang)

        automaton = ahocorasick.Automaton(ahocorasick.STORE_INTS)
        for i, key in enumerate(matcher.keys):
            automaton.add_word(key, i)
        automaton.make_automaton()

        def bare() -> int:
            hits = 0
            for d in folded_docs:
                for _ in automaton.iter(d):
                    hits += 1
            return hits

        findings = sum(len(check_text(d, lang, tb)) for d in docs)  # warm up, and count
        medians = median_times({"check": lambda: [check_text(d, lang, tb) for d in docs], "bare": bare}, reps)
        check_s, bare_s = medians["check"], medians["bare"]
        row = {
            "lang": lang, "phrases": n, "keys": len(matcher.keys), "check": nbytes / MB / check_s,
            "bare": nbytes / MB / bare_s, "findings": findings, "load_cold": load_cold,
            "compile_cold": compile_cold, "cached": cached_s,
        }
        row["ratio"] = row["check"] / row["bare"]  # type: ignore[operator]
        rows.append(row)
        print(f"[{lang}] {n:>8,} {len(matcher.keys):>8,} {row['check']:>11.1f} {row['bare']:>10.1f} "
              f"{row['ratio']:>6.2f} {findings:>9,} {load_cold:>9.2f}s {compile_cold:>7.2f}s {cached_s:>7.3f}s")
    os.environ.pop("GLOSSARY_CACHE_DIR", None)
    return rows


def glossary_command() -> list[str]:
    """The installed `glossary` command of this interpreter's environment."""
    here = Path(sys.executable).parent / "glossary"
    if here.exists():
        return [str(here)]
    found = shutil.which("glossary")
    if found:
        return [found]
    raise SystemExit("bench_check: the `glossary` command is not installed (pip install -e . first)")


def bench_cli(runs: int, workdir: Path) -> dict[str, float]:
    """`glossary check` on a small file against `python -c pass`, both as subprocesses."""
    from glossary.termbase import DEFAULT_PATH

    sample = workdir / "draft.txt"
    sample.write_text(
        "The delegates discussed the One Belt, One Road initiative and the community of shared\n"
        "destiny at the forum in Astana; officials said the Belt and Road Initiative would go on.\n"
        "Trainees at the Lu Ban Workshops met engineers from Tashkent on Tuesday.\n", encoding="utf-8")
    args = glossary_command() + ["check", "--exit-zero", str(sample)]
    if not DEFAULT_PATH.exists():
        small = workdir / "terms-en-100.yaml"
        args += ["--no-default", "--termbase", str(small)]
        print(f"(no shipped term base at {DEFAULT_PATH}: the CLI run uses the synthetic 100-phrase base)")
    env = dict(os.environ, GLOSSARY_CACHE_DIR=str(workdir / "cache-cli"), NO_COLOR="1")
    # As after `pip install`, which compiles the package to bytecode: an
    # environment that forbids writing bytecode would time the compiler instead.
    env.pop("PYTHONDONTWRITEBYTECODE", None)

    def run(cmd: list[str]) -> float:
        t0 = time.perf_counter()
        done = subprocess.run(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        elapsed = time.perf_counter() - t0
        if done.returncode not in (0, 1):
            raise SystemExit(f"bench_check: {' '.join(cmd)} failed: {done.stderr.decode(errors='replace')}")
        return elapsed

    cold = run(args)  # fills the on-disk cache (and writes bytecode where it may)
    for _ in range(2):
        run(args)
        run([sys.executable, "-c", "pass"])
    times_cli, times_py = [], []
    for _ in range(runs):  # interleaved, so noise hits both alike
        times_py.append(run([sys.executable, "-c", "pass"]))
        times_cli.append(run(args))
    py = statistics.median(times_py)
    cli = statistics.median(times_cli)
    print(f"\nCLI: `python -c pass` {py * 1000:.0f} ms, `glossary check` on a 3-line file {cli * 1000:.0f} ms "
          f"(cached; {cold * 1000:.0f} ms with a cold cache), ratio {cli / py:.2f}  [median of {runs}]")
    return {"python": py, "cli": cli, "cold": cold, "ratio": cli / py}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size-mb", type=float, default=None, help="corpus size per language (default 50, quick 5)")
    parser.add_argument("--quick", action="store_true", help="5 MB, term bases up to 10,000, fewer repetitions")
    parser.add_argument("--langs", default="en,ru,zh", help="corpora to run (default en,ru,zh)")
    parser.add_argument("--other-size-mb", type=float, default=None,
                        help="corpus size for ru and zh (default: a fifth of --size-mb)")
    parser.add_argument("--reps", type=int, default=None, help="repetitions per figure (default 5, quick 3)")
    parser.add_argument("--cli-runs", type=int, default=20, help="subprocess runs of each command (default 20)")
    args = parser.parse_args(argv)

    size_mb = args.size_mb or (5.0 if args.quick else 50.0)
    other_mb = args.other_size_mb or size_mb / 5
    reps = args.reps or (3 if args.quick else 5)
    sizes = SIZES[:3] if args.quick else SIZES
    import glossary

    from importlib.metadata import version

    print(f"glossary {glossary.__version__}, Python {platform.python_version()}, pyahocorasick "
          f"{version('pyahocorasick')}, {os.cpu_count()} CPUs, {platform.platform()}")
    print(f"{time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}; medians of {reps} runs of CPU time (process_time); MB = 10^6 bytes of UTF-8")
    with tempfile.TemporaryDirectory(prefix="glossary-bench-") as tmp:
        workdir = Path(tmp)
        rows = []
        for lang in [x.strip() for x in args.langs.split(",") if x.strip()]:
            rows += bench_lang(lang, size_mb if lang == "en" else other_mb, sizes, reps, workdir)
        if not (workdir / "terms-en-100.yaml").exists():
            items = synth.concepts("en", 100)
            (workdir / "terms-en-100.yaml").write_text(synth.termbase_yaml("en", items), encoding="utf-8")
        cli = bench_cli(args.cli_runs, workdir)

    print("\nAims (issue 2):")
    for row in rows:
        if row["phrases"] == 10_000:
            print(f"  [{row['lang']}] check at 10,000 phrases >= 0.5 x bare automaton: {row['ratio']:.2f}"
                  f" {'met' if row['ratio'] >= 0.5 else 'NOT met'}")  # type: ignore[operator]
    for lang in dict.fromkeys(r["lang"] for r in rows):
        speeds = [r["check"] for r in rows if r["lang"] == lang]
        flat = min(speeds) / max(speeds)  # type: ignore[type-var, operator]
        print(f"  [{lang}] slowest / fastest check across sizes: {flat:.2f}")
    print(f"  small-file CLI <= 3 x `python -c pass`: {cli['ratio']:.2f} {'met' if cli['ratio'] <= 3 else 'NOT met'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
