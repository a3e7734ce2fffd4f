"""Start-up of the installed `glossary` command on small files, against `python -c pass` in the same run.

Run on demand (not a test), in the environment whose `glossary` command is to
be measured (a regular `pip install .`, as users have):

    python benchmarks/startup.py                 # 20 runs of each command
    python benchmarks/startup.py --runs 40 --big 100000
    python benchmarks/startup.py --big 0         # without the large term base
    python benchmarks/startup.py --also /path/to/other-venv/bin/glossary   # another build, in the same run

Commands, run in turn so that noise on a shared machine falls on all alike,
each after two warm-up runs (which fill the term-base cache and let Python
write bytecode, as `pip install` does):

- `python -c pass` of the same interpreter: the baseline of every ratio;
- `glossary check --exit-zero FILE` on a 1 KB English file and on a 1.2 KB
  Russian file (`--lang ru`), shipped term base;
- the same English file with `--no-default --termbase BASE`, BASE a synthetic
  term base of `--big` phrases (`corpus.py`), its cache warm; its first run on
  an empty cache is timed once.

Two more rows (leave them out with `--no-floor`) show how much of the
English check is imports: `python -c` importing every module from outside
the package that the warm check imports (standard library and dependencies,
none of the package's code run: the check is no faster while it imports
them), and those plus the package's own modules (everything but the check
itself). The lists come from one warm run of the first build's English check
under `python -X importtime`, made before the timed turns.

The small files are real prose (`realcorpus.py`, Debian packages' text) with
renderings planted about every 400 characters, as in `bench_real.py`; without
that text installed, the repository's two example drafts stand in. Printed
per command: the median CPU time of the child (user + system, from `wait4`)
and the median wall time, each with its ratio to `python -c pass`. With
`--also`, the same commands of another installed build (an older release in
its own virtual environment, say) run in the same turns, each with its own
empty cache directory, so before and after are measured under the same load.

With `--instructions`, each command also runs once more under valgrind's
callgrind and its instruction count is printed with its ratio: on a shared,
loaded machine times vary from run to run and with the load, instruction
counts by a fraction of a percent, so a small change shows there first.
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
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))


def child(cmd: list[str], env: dict[str, str]) -> tuple[float, float, int]:
    """(CPU seconds, wall seconds, exit code) of one child process."""
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    err = proc.stderr.read() if proc.stderr else b""
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - t0
    code = os.waitstatus_to_exitcode(status)
    if code not in (0, 1):
        raise SystemExit(f"startup: {' '.join(cmd)} exited {code}: {err.decode(errors='replace')[-1500:]}")
    return usage.ru_utime + usage.ru_stime, wall, code


def instructions(cmd: list[str], env: dict[str, str], workdir: Path) -> int:
    """Instructions one run of `cmd` executes, counted by callgrind (its `summary:` line)."""
    out = workdir / "callgrind.out"
    subprocess.run(["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}", *cmd], env=env,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    for line in out.read_text(encoding="utf-8", errors="replace").splitlines():
        if line.startswith(("summary:", "totals:")):
            return int(line.split()[1])
    raise SystemExit(f"startup: no instruction count for {' '.join(cmd)}")


def glossary_command() -> list[str]:
    here = Path(sys.executable).parent / "glossary"
    if here.exists():
        return [str(here)]
    found = shutil.which("glossary")
    if not found:
        raise SystemExit("the `glossary` command is not installed (pip install . first)")
    return [found]


def small_files(workdir: Path) -> tuple[Path, Path, str]:
    """The English and Russian files, and where their text came from."""
    en, ru = workdir / "small.en.txt", workdir / "small.ru.txt"
    try:
        import glossary
        import realcorpus

        tb = glossary.load()
        en.write_text(realcorpus.build("en", 1000, [realcorpus.renderings("en", tb)], every=400), encoding="utf-8")
        ru.write_text(realcorpus.build("ru", 1200, [realcorpus.renderings("ru", tb)], every=400), encoding="utf-8")
        return en, ru, "real prose (realcorpus.py)"
    except SystemExit:
        examples = HERE.parent / "examples"
        shutil.copy(examples / "draft.txt", en)
        shutil.copy(examples / "draft.ru.txt", ru)
        return en, ru, "examples/draft.txt and examples/draft.ru.txt"


def imported(cmd: list[str], env: dict[str, str]) -> tuple[list[str], list[str]]:
    """(top-level modules outside the package, the package's modules) that `cmd` imports, in import order,
    from `python -X importtime`; modules Python imports before running any code (`python -c pass`) are left out."""
    def modules(args: list[str]) -> list[str]:
        out = subprocess.run(args, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True).stderr
        return [line.split("|")[2].strip() for line in out.splitlines()
                if line.startswith("import time:") and "imported package" not in line]

    python = Path(cmd[0]).with_name("python")
    before = set(modules([str(python), "-X", "importtime", "-c", "pass"]))
    found = modules([str(python), "-X", "importtime", *cmd])
    outside = [m for m in dict.fromkeys(m.split(".")[0] for m in found)
               if m not in before and m != "glossary" and not m.startswith("_")]
    return outside, [m for m in dict.fromkeys(found) if m == "glossary" or m.startswith("glossary.")]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=20, help="runs of each command (medians)")
    parser.add_argument("--big", type=int, default=100_000, help="phrases of the large term base (0: skip it)")
    parser.add_argument("--also", action="append", default=[], metavar="GLOSSARY",
                        help="another build's glossary command, measured in the same turns (repeatable)")
    parser.add_argument("--no-floor", dest="floor", action="store_false",
                        help="leave out the two rows of imports alone (see above)")
    parser.add_argument("--instructions", action="store_true",
                        help="also count each command's instructions once under callgrind (valgrind installed)")
    args = parser.parse_args(argv)
    if args.instructions and shutil.which("valgrind") is None:
        raise SystemExit("startup: --instructions needs valgrind")

    builds = [("", glossary_command())] + [(f" [{Path(p).parent.parent.name}]", [p]) for p in args.also]
    cmd = builds[0][1]
    print(f"Python {platform.python_version()}, {cmd[0]}, {os.cpu_count()} CPUs, "
          f"load {os.getloadavg()[0]:.1f}, {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}")
    with tempfile.TemporaryDirectory(prefix="glossary-startup-") as tmp:
        workdir = Path(tmp)
        en, ru, origin = small_files(workdir)
        print(f"files: {origin}; {en.stat().st_size} and {ru.stat().st_size} bytes")
        base_env = dict(os.environ, NO_COLOR="1")
        base_env.pop("PYTHONDONTWRITEBYTECODE", None)
        commands = {"python -c pass": [sys.executable, "-c", "pass"]}
        envs = {"python -c pass": base_env}
        if args.big:
            import corpus as synth

            base = workdir / f"terms-{args.big}.yaml"
            base.write_text(synth.termbase_yaml("en", synth.concepts("en", args.big)), encoding="utf-8")
        for k, (label, cmd) in enumerate(builds):
            env = dict(base_env, GLOSSARY_CACHE_DIR=str(workdir / f"cache-{k}"))
            commands[f"English 1 KB{label}"] = cmd + ["check", "--exit-zero", str(en)]
            commands[f"Russian 1.2 KB{label}"] = cmd + ["check", "--exit-zero", "--lang", "ru", str(ru)]
            envs[f"English 1 KB{label}"] = envs[f"Russian 1.2 KB{label}"] = env
            if args.big:
                big = cmd + ["check", "--exit-zero", "--no-default", "--termbase", str(base), str(en)]
                benv = dict(env, GLOSSARY_CACHE_DIR=str(workdir / f"cache-big-{k}"))
                c, first, _ = child(big, benv)
                print(f"{args.big:,}-phrase base, first run (empty cache){label}: {first:.2f} s wall, {c:.2f} s CPU")
                name = f"English 1 KB, {args.big:,}-phrase base cached{label}"
                commands[name], envs[name] = big, benv
        for name, args_ in commands.items():
            child(args_, envs[name])
            child(args_, envs[name])
        if args.floor:  # what the English check imports once its cache is warm
            english = commands["English 1 KB"]
            outside, own = imported(english, envs["English 1 KB"])
            print(f"the English check imports {len(outside)} top-level modules outside the package "
                  f"and {len(own)} of its own")
            python = str(Path(english[0]).with_name("python"))
            for name, names in (("imports outside the package (English)", outside),
                                ("imports, every module (English)", outside + own)):
                # As in the check: the collector off (glossary.entry), a module that is not there (an
                # optional one) tried and skipped.
                commands[name] = [python, "-c", "import gc; gc.disable()\n"
                                  f"for m in {names!r}:\n try: __import__(m)\n except ImportError: pass"]
                envs[name] = envs["English 1 KB"]
                child(commands[name], envs[name])
        cpu: dict[str, list[float]] = {k: [] for k in commands}
        wall: dict[str, list[float]] = {k: [] for k in commands}
        for _ in range(args.runs):
            for name, args_ in commands.items():
                c, w, _ = child(args_, envs[name])
                cpu[name].append(c)
                wall[name].append(w)
        counted = {name: instructions(args_, envs[name], workdir) for name, args_ in commands.items()
                   if args.instructions}
    mc = {k: statistics.median(v) for k, v in cpu.items()}
    mw = {k: statistics.median(v) for k, v in wall.items()}
    base_c, base_w = mc["python -c pass"], mw["python -c pass"]
    width = max(len(name) for name in commands)
    print(f"\n{'medians of %d runs' % args.runs:<{width}}  CPU ms  ratio   wall ms  ratio")
    for name in commands:
        print(f"{name:<{width}} {mc[name] * 1000:7.1f} {mc[name] / base_c:6.2f} {mw[name] * 1000:9.1f} {mw[name] / base_w:6.2f}")
    if counted:
        print(f"\n{'instructions (callgrind, one run)':<{width}}  M instr  ratio")
        for name, n in counted.items():
            print(f"{name:<{width}} {n / 1e6:8.1f} {n / counted['python -c pass']:6.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
