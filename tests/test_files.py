"""Opening checked files: regular files only, a size cap, links that stay inside the tree."""

from __future__ import annotations

import io
import os
from pathlib import Path

import pytest

from glossary import files
from glossary.errors import InputError


def test_a_regular_file_comes_with_its_stamp(tmp_path: Path) -> None:
    p = tmp_path / "a.txt"
    p.write_bytes(b"text")
    data, stamp = files.read(str(p))
    assert data == b"text"
    assert stamp == files.Stamp(4, os.stat(p).st_mtime_ns, files.digest(b"text"))


def test_a_fifo_is_refused_at_once_not_waited_on(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    with pytest.raises(InputError, match="is a named pipe"):
        files.read(str(fifo))


def test_a_character_device_is_refused(tmp_path: Path) -> None:
    link = tmp_path / "zero.txt"
    link.symlink_to("/dev/zero")
    with pytest.raises(InputError, match="is a character device, not a regular file"):
        files.read("/dev/zero")


def test_a_directory_is_refused(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="is a directory"):
        files.read(str(tmp_path))


def test_the_size_cap_names_the_limit(tmp_path: Path) -> None:
    p = tmp_path / "big.txt"
    p.write_bytes(b"x" * 5000)
    assert files.read(str(p), max_size=5000)[0] == b"x" * 5000
    with pytest.raises(InputError, match=r"larger than the size limit of 4 KiB \(raise it with --max-file-size\)"):
        files.read(str(p), max_size=4096)


def test_standard_input_is_capped_too() -> None:
    assert files.read_stream(io.BytesIO(b"abc"), "<stdin>", 3) == b"abc"
    with pytest.raises(InputError, match="<stdin>: is larger than the size limit"):
        files.read_stream(io.BytesIO(b"abcd"), "<stdin>", 3)


@pytest.mark.parametrize("text, size", [("64M", 64 << 20), ("512k", 512 << 10), ("1GiB", 1 << 30), ("100", 100)])
def test_sizes(text: str, size: int) -> None:
    assert files.parse_size(text) == size


@pytest.mark.parametrize("text", ["", "M", "-1", "0", "lots"])
def test_bad_sizes(text: str) -> None:
    with pytest.raises(ValueError):
        files.parse_size(text)


def test_a_link_inside_the_repository_is_followed(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    (tmp_path / "docs").mkdir()
    real = tmp_path / "docs" / "real.txt"
    real.write_text("x", encoding="utf-8")
    link = tmp_path / "sub" / "link.txt"
    link.parent.mkdir()
    link.symlink_to("../docs/real.txt")
    assert files.target(str(link)) == os.path.realpath(real)
    assert files.target(str(real)) == str(real)


def test_a_link_outside_the_repository_is_refused(tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    (repo / ".git").mkdir(parents=True)
    secret = tmp_path / "secret.txt"
    secret.write_text("private", encoding="utf-8")
    link = repo / "notes.txt"
    link.symlink_to(secret)
    with pytest.raises(files.LinkOutside, match=r"notes.txt: skipped: a symbolic link to .*secret.txt, outside"):
        files.target(str(link))
