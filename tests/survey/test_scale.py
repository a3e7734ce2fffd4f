"""The survey on a real dask.distributed cluster counts what it counts in process."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from glossary.discover import walk
from glossary.runner import Settings
from glossary.survey.count import Partial, compile_survey, count, merge
from glossary.survey.scale import InProcess, partitions, survey

from ..conftest import TERMBASE

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    """A small news archive: years in folder names, Markdown and plain text, a PO file and a Russian draft."""
    for year, name in [("2015", "a.txt"), ("2015", "b.md"), ("2019", "c.txt"), ("2023/spring", "d.md")]:
        target = tmp_path / "news" / year / name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(EXAMPLES / "draft.txt", target)
    (tmp_path / "news" / "2023" / "ru.txt").write_text((EXAMPLES / "draft.ru.txt").read_text(encoding="utf-8"),
                                                      encoding="utf-8")
    (tmp_path / "news" / "2019" / "e.txt").write_text(
        "The Belt and Road Initiative. One Belt, One Road. They built communities of shared destiny.\n",
        encoding="utf-8")
    return tmp_path / "news"


def in_process(corpus: Path, task_bytes: int = 1) -> Partial:
    compiled = compile_survey(str(corpus), Settings(isolated=True))
    return survey(walk([str(corpus)]), compiled, InProcess(), fanout=2, task_bytes=task_bytes)


def test_counts_do_not_depend_on_the_partitions(corpus: Path) -> None:
    one_task = in_process(corpus, task_bytes=10**9)
    one_file_per_task = in_process(corpus, task_bytes=1)
    assert one_task.counts == one_file_per_task.counts and one_task.files == one_file_per_task.files == 6
    assert one_task.counts[("belt-and-road", "en", "Belt and Road Initiative", "preferred",
                            str(corpus / "2019" / "e.txt"), "2019")] == 1
    # A rendering the term base does not list counts too, as written, under the status "unlisted".
    assert one_task.counts[("community-with-shared-future", "en", "communities of shared destiny", "unlisted",
                            str(corpus / "2019" / "e.txt"), "2019")] == 1


def test_partitions_cut_by_bytes_and_files(corpus: Path) -> None:
    paths = list(walk([str(corpus)]))
    assert [len(c) for c in partitions(paths, task_bytes=10**9, task_files=4)] == [4, 2]
    assert sum(len(c) for c in partitions(paths, task_bytes=1)) == len(paths)


def test_merge_is_a_sum(corpus: Path) -> None:
    compiled = compile_survey(str(corpus), Settings(isolated=True, termbases=(str(TERMBASE),), no_default=True))
    paths = list(walk([str(corpus)]))
    a, b = count(paths[:2], compiled), count(paths[2:], compiled)
    assert merge(a, b).counts == merge(b, a).counts == count(paths, compiled).counts


def test_a_two_worker_local_cluster_counts_what_the_process_counts(corpus: Path) -> None:
    pytest.importorskip("dask.distributed")
    from glossary.survey.scale import OnDask

    expected = in_process(corpus)
    cluster = OnDask(workers=2)
    try:
        assert len(cluster.client.scheduler_info()["workers"]) == 2
        compiled = compile_survey(str(corpus), Settings(isolated=True))
        got = survey(walk([str(corpus)]), compiled, cluster, fanout=2, task_bytes=1)
    finally:
        cluster.close()
    assert got.counts == expected.counts
    assert (got.files, got.bytes) == (expected.files, expected.bytes)


def test_check_on_a_cluster_streams_the_findings_of_a_local_check(corpus: Path) -> None:
    pytest.importorskip("dask.distributed")
    import json

    from click.testing import CliRunner
    from dask.distributed import LocalCluster

    from glossary.cli import main

    def check(*extra: str):  # type: ignore[no-untyped-def]
        return CliRunner().invoke(main, ["check", str(corpus), "--isolated", "--format", "jsonl", *extra],
                                  catch_exceptions=False, env={"LANG": "C.UTF-8", "LANGUAGE": ""})

    local = check()
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address="127.0.0.1:0") as cluster:
        remote = check("--scheduler", cluster.scheduler_address)
    assert remote.exit_code == local.exit_code == 1
    lines = sorted(remote.stdout.splitlines())
    assert lines == sorted(local.stdout.splitlines()) and all(json.loads(line)["path"] for line in lines)


def test_check_on_a_cluster_wants_json_lines(corpus: Path) -> None:
    from click.testing import CliRunner

    from glossary.cli import main

    result = CliRunner().invoke(main, ["check", str(corpus), "--scheduler", "tcp://127.0.0.1:9"],
                                catch_exceptions=False, env={"LANG": "C.UTF-8", "LANGUAGE": ""})
    assert result.exit_code == 2 and "--format jsonl" in result.stderr
