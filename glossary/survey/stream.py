"""`glossary check --scheduler ADDRESS`: the runner on a Dask cluster, outcomes streamed as tasks finish.

The corpus is cut into the survey's partitions; each task is `runner.run` over
its files (the settings and term base found for each file, as on one
machine) and returns the outcomes without their parsed segments. Outcomes
come back in the order tasks finish, not in the order of the files, so the
command writes them as JSON Lines: a line per finding, ready as soon as its
task is done.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from ..runner import Input, Outcome, Settings


def check_partition(items: list[tuple[str, bool]], settings: Settings) -> list[Outcome]:
    """One task: check its files with the runner, outcomes stripped of their segments."""
    from ..runner import run, strip_document

    return [strip_document(o) for o in run([Input(path, named=named) for path, named in items], settings)]


def check_on(address: str, paths: Iterable[tuple[str, bool]], settings: Settings) -> Iterator[Outcome]:
    """Check every file on the cluster at `address`, yielding outcomes as their tasks finish."""
    from dask.distributed import as_completed

    from .scale import OnDask, partitions

    cluster = OnDask(address=address)
    try:
        shared = cluster.share(settings)
        futures = [cluster.submit(check_partition, chunk, shared) for chunk in partitions(paths)]
        for future in as_completed(futures):
            yield from future.result()
    finally:
        cluster.close()
