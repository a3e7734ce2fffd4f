"""The command line under hostile input and faults: links, special files, concurrent writers, signals."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from .conftest import TERMBASE
from .test_cli import TB, run

OLD = "The One Belt, One Road plan.\n"
NEW = "The Belt and Road plan.\n"


def test_a_fifo_in_a_folder_is_an_input_error_and_the_walk_goes_on(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "a.txt")
    (tmp_path / "b.txt").write_text(OLD, encoding="utf-8")
    code, out, err = run("check", str(tmp_path), *TB)
    assert code == 2
    assert f"{tmp_path / 'a.txt'}: is a named pipe (FIFO), not a regular file" in err
    assert f"{tmp_path / 'b.txt'}:1:5: superseded-term" in out


def test_fix_goes_past_a_fifo(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "a.txt")
    (tmp_path / "b.txt").write_text(OLD, encoding="utf-8")
    code, _, err = run("fix", str(tmp_path), *TB)
    assert code == 2 and "is a named pipe" in err
    assert (tmp_path / "b.txt").read_text(encoding="utf-8") == NEW


def test_a_named_device_is_an_input_error() -> None:
    code, _, err = run("check", "/dev/zero", *TB)
    assert code == 2
    assert "/dev/zero: is a character device, not a regular file" in err


def test_a_link_to_a_device_in_a_folder_is_skipped_with_a_line(tmp_path: Path) -> None:
    (tmp_path / "repo" / ".git").mkdir(parents=True)
    (tmp_path / "repo" / "zero.txt").symlink_to("/dev/zero")
    (tmp_path / "repo" / "b.txt").write_text(OLD, encoding="utf-8")
    code, out, err = run("check", str(tmp_path / "repo"), *TB)
    assert code == 1
    assert "zero.txt: skipped: a symbolic link to /dev/zero, outside" in err
    assert "b.txt:1:5: superseded-term" in out


def test_the_size_cap_is_an_input_error_and_configurable(tmp_path: Path) -> None:
    (tmp_path / "big.txt").write_text(OLD * 100, encoding="utf-8")
    (tmp_path / "small.txt").write_text(OLD, encoding="utf-8")
    settings = tmp_path / "conf" / ".glossary.toml"
    settings.parent.mkdir()
    settings.write_text('max-file-size = "1K"\n', encoding="utf-8")
    assert run("check", "--config", str(settings), str(tmp_path / "big.txt"), *TB)[0] == 2
    code, out, err = run("check", "--max-file-size", "1K", str(tmp_path), *TB)
    assert code == 2
    assert f"{tmp_path / 'big.txt'}: is larger than the size limit of 1 KiB (raise it with --max-file-size)" in err
    assert "small.txt:1:5" in out
    assert run("check", "--max-file-size", "1M", str(tmp_path), *TB)[0] == 1


def test_a_bad_size_is_a_usage_error(tmp_path: Path) -> None:
    code, _, err = run("check", "--max-file-size", "lots", str(tmp_path), *TB)
    assert code == 2 and "lots is not a size" in err


def test_a_link_loop_is_one_line_and_exit_2_in_every_format(tmp_path: Path) -> None:
    (tmp_path / "a.txt").symlink_to("b.txt")
    (tmp_path / "b.txt").symlink_to("a.txt")
    (tmp_path / "c.txt").write_text(OLD, encoding="utf-8")
    code, out, err = run("check", "--format", "json", str(tmp_path), *TB)
    assert code == 2
    report = json.loads(out)
    assert report["summary"]["findings"] == 1
    assert any("a.txt" in e and "loop of symbolic links" in e for e in report["summary"]["errors"])
    assert "Traceback" not in err


def test_fix_writes_through_a_link_and_keeps_it(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    (tmp_path / "sub").mkdir()
    real = tmp_path / "sub" / "real.txt"
    real.write_text(OLD, encoding="utf-8")
    link = tmp_path / "link.txt"
    link.symlink_to("sub/real.txt")
    code, _, err = run("fix", str(link), *TB)
    assert code == 1 and "Fixed 1 finding in" in err
    assert link.is_symlink() and real.read_text(encoding="utf-8") == NEW


def test_fix_never_copies_a_file_from_outside_into_the_tree(tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    (repo / ".git").mkdir(parents=True)
    outside = tmp_path / "outside.txt"
    outside.write_text(OLD, encoding="utf-8")
    (repo / "link.txt").symlink_to(outside)
    code, _, err = run("fix", str(repo), *TB)
    assert code == 0
    assert "link.txt: skipped: a symbolic link to" in err
    assert (repo / "link.txt").is_symlink()
    assert outside.read_text(encoding="utf-8") == OLD


def test_fix_keeps_hard_links_together(tmp_path: Path) -> None:
    a = tmp_path / "a.txt"
    a.write_text(OLD, encoding="utf-8")
    os.link(a, tmp_path / "b.txt")
    code, _, err = run("fix", "-j", "2", str(tmp_path), *TB)
    assert code == 1, err
    assert a.stat().st_nlink == 2
    assert (tmp_path / "b.txt").read_text(encoding="utf-8") == NEW


def glossary(*args: str, **kw) -> subprocess.Popen:  # type: ignore[no-untyped-def, type-arg]
    return subprocess.Popen([sys.executable, "-m", "glossary", *args, *TB], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, **kw)


def wait_blocked_on_read(proc: subprocess.Popen) -> None:  # type: ignore[type-arg]
    """Until the process waits on its standard input (or gives up after a while)."""
    wchan = Path(f"/proc/{proc.pid}/wchan")
    for _ in range(300):
        try:
            if "pipe" in wchan.read_text() or "wait" in wchan.read_text() and "read" in wchan.read_text():
                return
        except OSError:
            pass
        if proc.poll() is not None:
            return
        time.sleep(0.05)


@pytest.mark.parametrize("sig, code", [(signal.SIGINT, 130), (signal.SIGTERM, 143)])
def test_signals_exit_as_shells_expect(sig: int, code: int) -> None:
    proc = glossary("check", "-", stdin=subprocess.PIPE)
    assert proc.stdin is not None
    proc.stdin.write(b"The One Belt")
    proc.stdin.flush()
    wait_blocked_on_read(proc)
    proc.send_signal(sig)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == code, err
    assert b"Traceback" not in err


def children(pid: int) -> set[int]:
    found = set()
    for task in Path(f"/proc/{pid}/task").iterdir():
        found |= {int(c) for c in (task / "children").read_text().split()}
    return found


@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="needs /proc")
def test_workers_end_with_the_parent(tmp_path: Path) -> None:
    for i in range(400):
        (tmp_path / f"f{i}.txt").write_text(OLD * 2000, encoding="utf-8")
    proc = glossary("check", "-j", "2", str(tmp_path))
    workers: set[int] = set()
    for _ in range(600):
        workers = children(proc.pid)
        if len(workers) >= 2 or proc.poll() is not None:
            break
        time.sleep(0.05)
    assert workers, "no worker started"
    proc.send_signal(signal.SIGTERM)
    proc.communicate(timeout=60)
    assert proc.returncode == 143
    for _ in range(100):
        alive = {w for w in workers if Path(f"/proc/{w}").exists()
                 and Path(f"/proc/{w}/stat").read_text().split()[2] != "Z"}
        if not alive:
            break
        time.sleep(0.05)
    assert not alive


def test_two_runs_report_only_what_each_changed(tmp_path: Path) -> None:
    for i in range(40):
        (tmp_path / f"f{i}.txt").write_text(OLD * 50, encoding="utf-8")
    first = glossary("fix", str(tmp_path))
    second = glossary("fix", str(tmp_path))
    err1 = first.communicate(timeout=120)[1].decode()
    err2 = second.communicate(timeout=120)[1].decode()
    fixed = err1.count("Fixed ") + err2.count("Fixed ")
    assert fixed == 40, (err1, err2)
    assert all(p.read_text(encoding="utf-8") == NEW * 50 for p in tmp_path.iterdir())
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
@pytest.mark.parametrize("fmt", ["text", "json", "jsonl"])
def test_a_report_that_cannot_be_written_is_exit_2_with_one_line(tmp_path: Path, fmt: str) -> None:
    (tmp_path / "a.txt").write_text(OLD * 50, encoding="utf-8")
    with open("/dev/full", "w") as full:
        proc = subprocess.run([sys.executable, "-m", "glossary", "check", "--format", fmt, str(tmp_path / "a.txt"),
                               *TB], stdout=full, stderr=subprocess.PIPE, text=True)
    assert proc.returncode == 2
    assert proc.stderr.strip().splitlines()[-1] == "glossary: error: cannot write the report: No space left on device"
    assert "Traceback" not in proc.stderr
