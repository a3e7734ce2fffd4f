"""Throughput of `glossary survey` in process and on a local Dask cluster of 1, 2 and 4 workers.

Run on demand (not a test), with the `survey` extra installed:

    python benchmarks/survey_scale.py [--size-mb 20] [--reps 3] [--workers 1,2,4]

The corpus is written once into year folders: documents of about 20 KB of the
benchmark prose (benchmarks/corpus.py) each ending with the example draft, so
every file holds renderings of the shipped term base. For each way of running
it prints the median wall time of the survey (the cluster already started,
the term base already scattered: what a long run pays per file), files/s,
MB/s and the speed-up over the in-process run measured in the same run, and
checks that every way counted the same. The scheduler overhead per task is
the median time of a round of 1,000 no-op tasks on the 2-worker cluster,
divided by 1,000; the survey's own tasks are about 8 MB each.

The machine's CPU count bounds the speed-up: a cluster of more worker
processes than CPUs only adds overhead.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
MB = 1_000_000


def write_corpus(folder: Path, size: int) -> tuple[int, int]:
    from corpus import concepts, corpus, documents

    draft = (ROOT / "examples" / "draft.txt").read_text(encoding="utf-8")
    docs = documents(corpus("en", size, concepts("en", 100)))
    total = 0
    for i, doc in enumerate(docs):
        target = folder / str(2010 + i % 15) / f"doc{i:05d}.txt"
        target.parent.mkdir(parents=True, exist_ok=True)
        data = (doc + "\n\n" + draft).encode("utf-8")
        target.write_bytes(data)
        total += len(data)
    return len(docs), total


def noop(x: int) -> int:
    return x


def timed(fn, reps: int) -> tuple[float, object]:  # type: ignore[no-untyped-def]
    times, result = [], None
    for _ in range(reps):
        t0 = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times), result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size-mb", type=float, default=20.0)
    parser.add_argument("--reps", type=int, default=3)
    parser.add_argument("--workers", default="1,2,4")
    args = parser.parse_args()

    from glossary.discover import walk
    from glossary.runner import Settings
    from glossary.survey.count import compile_survey
    from glossary.survey.scale import InProcess, OnDask, survey

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "corpus"
        files, size = write_corpus(folder, int(args.size_mb * MB))
        compiled = compile_survey(str(folder), Settings(isolated=True))
        mb = size / MB
        print(f"corpus: {files} files, {mb:.1f} MB; {os.cpu_count()} CPUs; medians of {args.reps} runs")

        base, expected = timed(lambda: survey(walk([str(folder)]), compiled, InProcess()), args.reps)
        print(f"{'in process':>12}: {base:7.2f} s  {files / base:8.1f} files/s  {mb / base:6.2f} MB/s  1.00x")

        overhead = None
        for n in [int(w) for w in args.workers.split(",")]:
            t0 = time.perf_counter()
            cluster = OnDask(workers=n)
            start = time.perf_counter() - t0
            try:
                wall, got = timed(lambda: survey(walk([str(folder)]), compiled, cluster), args.reps)
                same = got.counts == expected.counts  # type: ignore[attr-defined]
                print(f"{f'{n} worker(s)':>12}: {wall:7.2f} s  {files / wall:8.1f} files/s  {mb / wall:6.2f} MB/s"
                      f"  {base / wall:.2f}x  (cluster start {start:.1f} s; same counts: {same})")
                if n == 2:
                    client = cluster.client
                    per_round, _ = timed(lambda: client.gather(client.map(noop, range(1000), pure=False)),
                                         args.reps)
                    overhead = per_round / 1000
            finally:
                cluster.close()
        if overhead is not None:
            print(f"scheduler overhead: {overhead * 1000:.2f} ms per task (1,000 no-op tasks on 2 workers)")


if __name__ == "__main__":
    main()
