"""Building a large term base from YAML through the Python API, as a library caller has it.

Run on demand (not a test):

    python benchmarks/library_load.py [--phrases 100000] [--reps 3]

A program that imports glossary keeps Python's cyclic collector on (the command
line turns it off for its start-up), so `termbase.build` is timed here with the
collector on, against the named baseline of the same build with the caller
turning the collector off, in the same run and in turns. The ratio says what the
collector still costs a library caller: 1.0 means nothing.
Prints CPU medians, MB/s of YAML parsed and the ratio.
"""

from __future__ import annotations

import argparse
import gc
import statistics
import time

import corpus as synth

from glossary.termbase import build


def _cpu_build(text: str, collector_on: bool) -> float:
    was_on = gc.isenabled()
    (gc.enable if collector_on else gc.disable)()
    try:
        start = time.process_time()
        build([("synthetic.yaml", text)])
        return time.process_time() - start
    finally:
        (gc.enable if was_on else gc.disable)()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--phrases", type=int, default=100_000)
    parser.add_argument("--reps", type=int, default=3)
    args = parser.parse_args(argv)
    text = synth.termbase_yaml("en", synth.concepts("en", args.phrases))
    mb = len(text.encode("utf-8")) / (1 << 20)
    times: dict[bool, list[float]] = {True: [], False: []}
    for _ in range(args.reps):
        for collector_on in (True, False):
            times[collector_on].append(_cpu_build(text, collector_on))
    on, off = (statistics.median(times[k]) for k in (True, False))
    print(f"{args.phrases:,} phrases, {mb:.1f} MB of YAML; CPU medians of {args.reps}")
    print(f"build, collector on (a library caller)    {on:7.2f} s  {mb / on:6.2f} MB/s")
    print(f"build, collector off by the caller        {off:7.2f} s  {mb / off:6.2f} MB/s  (baseline)")
    print(f"ratio on / off                            {on / off:7.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
