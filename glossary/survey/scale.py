"""Run the survey's map and tree of merges in process or on Dask.

Three ways, one graph: `InProcess` calls each task at once (nothing to start;
Dask is not needed); `--workers N` starts a dask.distributed LocalCluster of N
single-threaded worker processes for the run; `--scheduler tcp://HOST:PORT`
uses a cluster someone else runs. On a cluster the `Compiled` term base is
scattered to every worker once (`broadcast=True`) and each task gets a
reference to it, so a task carries only its list of paths. Partial counts are
merged `FANOUT` at a time, level by level, so no node of the reduction
receives more than `FANOUT` partials however large the corpus.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from .count import Compiled, Partial, count, merge

FANOUT = 8
TASK_BYTES = 8_000_000
TASK_FILES = 256


def partitions(paths: Iterable[tuple[str, bool]], task_bytes: int = TASK_BYTES,
               task_files: int = TASK_FILES) -> Iterator[list[tuple[str, bool]]]:
    """The corpus in tasks of about `task_bytes` bytes or `task_files` files, in walking order."""
    chunk: list[tuple[str, bool]] = []
    size = 0
    for item in paths:
        chunk.append(item)
        try:
            size += os.stat(item[0]).st_size
        except OSError:
            pass  # reported by the task that reads it
        if size >= task_bytes or len(chunk) >= task_files:
            yield chunk
            chunk, size = [], 0
    if chunk:
        yield chunk


class InProcess:
    """Tasks run when submitted, in this process: the default."""

    def share(self, value: Any) -> Any:
        return value

    def submit(self, fn: Callable[..., Any], *args: Any) -> Any:
        return fn(*args)

    def result(self, value: Any) -> Any:
        return value

    def close(self) -> None:
        pass


class OnDask:
    """Tasks on a dask.distributed cluster: a LocalCluster of `workers` processes, or the one at `address`."""

    def __init__(self, workers: int | None = None, address: str | None = None) -> None:
        from dask.distributed import Client, LocalCluster

        self.cluster = None
        if address is None:
            self.cluster = LocalCluster(n_workers=workers or 1, threads_per_worker=1, processes=True,
                                        dashboard_address="127.0.0.1:0")  # its HTTP server always starts: any free local port, never 8787 on every interface
            self.client = Client(self.cluster)
        else:
            self.client = Client(address)

    def share(self, value: Any) -> Any:
        """Send `value` to every worker once; tasks get a reference to it."""
        return self.client.scatter(value, broadcast=True, hash=False)

    def submit(self, fn: Callable[..., Any], *args: Any) -> Any:
        return self.client.submit(fn, *args, pure=False)

    def result(self, value: Any) -> Any:
        return value.result()

    def close(self) -> None:
        self.client.close()
        if self.cluster is not None:
            self.cluster.close()


def executor(workers: int | None = None, scheduler: str | None = None) -> InProcess | OnDask:
    """Where the survey runs; ImportError when a cluster is asked for and dask.distributed is missing."""
    if workers is None and scheduler is None:
        return InProcess()
    return OnDask(workers, scheduler)


def survey(paths: Iterable[tuple[str, bool]], compiled: Compiled, runner: InProcess | OnDask,
           fanout: int = FANOUT, task_bytes: int = TASK_BYTES) -> Partial:
    """Count every partition and merge the partials as a tree."""
    shared = runner.share(compiled)
    level = [runner.submit(count, chunk, shared) for chunk in partitions(paths, task_bytes)]
    if not level:
        return Partial()
    while len(level) > 1:
        level = [runner.submit(merge, *level[i:i + fanout]) for i in range(0, len(level), fanout)]
    return runner.result(runner.submit(merge, level[0]))
