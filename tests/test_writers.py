from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from glossary import writers
from glossary.errors import InputError
from glossary.model import Document, Segment


def doc(path: Path, encoding: str = "utf-8", bom: bool = False) -> Document:
    return Document(path=str(path), text="", segments=(Segment(""),), encoding=encoding, bom=bom)


def test_write_keeps_bom_and_encoding(tmp_path: Path) -> None:
    p = tmp_path / "a.txt"
    p.write_bytes(b"\xff\xfe" + "old".encode("utf-16-le"))
    writers.write(doc(p, "utf-16-le", bom=True), "новый\r\n")
    assert p.read_bytes() == b"\xff\xfe" + "новый\r\n".encode("utf-16-le")


def test_write_failure_leaves_original_and_no_temp_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    p = tmp_path / "a.txt"
    p.write_text("original", encoding="utf-8")

    def broken_replace(src: str, dst: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(InputError, match="cannot write: No space left on device"):
        writers.write(doc(p), "new")
    assert p.read_text(encoding="utf-8") == "original"
    assert [x.name for x in tmp_path.iterdir()] == ["a.txt"]


def test_text_that_cannot_be_encoded_is_an_error(tmp_path: Path) -> None:
    p = tmp_path / "a.txt"
    p.write_bytes(b"abc")
    with pytest.raises(InputError, match="cannot encode the fixed text as cp1251"):
        writers.write(doc(p, "cp1251"), "一带一路")
    assert p.read_bytes() == b"abc"


def read_doc(path: Path) -> tuple[Document, "writers.Stamp"]:
    from glossary import files

    data, stamp = files.read(str(path))
    return Document(path=str(path), text=data.decode(), segments=(Segment(""),)), stamp


def test_a_link_is_written_through_to_its_target_and_stays_a_link(tmp_path: Path) -> None:
    real = tmp_path / "real.txt"
    real.write_text("old", encoding="utf-8")
    link = tmp_path / "link.txt"
    link.symlink_to("real.txt")
    writers.write(doc(link), "new")
    assert link.is_symlink() and os.readlink(link) == "real.txt"
    assert real.read_text(encoding="utf-8") == "new"


def test_a_link_outside_the_tree_is_never_written(tmp_path: Path) -> None:
    from glossary.files import LinkOutside

    (tmp_path / "repo" / ".git").mkdir(parents=True)
    outside = tmp_path / "outside.txt"
    outside.write_text("old", encoding="utf-8")
    link = tmp_path / "repo" / "link.txt"
    link.symlink_to(outside)
    with pytest.raises(LinkOutside):
        writers.write(doc(link), "new")
    assert link.is_symlink() and outside.read_text(encoding="utf-8") == "old"


def test_a_hard_linked_file_keeps_its_inode(tmp_path: Path) -> None:
    p = tmp_path / "a.txt"
    p.write_text("old text", encoding="utf-8")
    other = tmp_path / "b.txt"
    os.link(p, other)
    inode = p.stat().st_ino
    writers.write(doc(p), "new")
    assert p.stat().st_ino == inode
    assert other.read_text(encoding="utf-8") == "new"
    assert sorted(x.name for x in tmp_path.iterdir()) == ["a.txt", "b.txt"]


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="changing a file's owner needs root")
def test_owner_group_and_mode_are_kept(tmp_path: Path) -> None:
    p = tmp_path / "a.txt"
    p.write_text("old", encoding="utf-8")
    os.chown(p, 4321, 4322)
    os.chmod(p, 0o640)
    writers.write(doc(p), "new")
    info = p.stat()
    assert (info.st_uid, info.st_gid, stat.S_IMODE(info.st_mode)) == (4321, 4322, 0o640)
    assert p.read_text(encoding="utf-8") == "new"


def test_a_file_changed_after_it_was_read_is_not_overwritten(tmp_path: Path) -> None:
    p = tmp_path / "a.txt"
    p.write_text("line one\n", encoding="utf-8")
    document, stamp = read_doc(p)
    with p.open("a", encoding="utf-8") as fh:
        fh.write("appended by someone else\n")
    with pytest.raises(writers.ChangedMeanwhile, match="a.txt: not fixed: the file changed while it was being fixed"):
        writers.write(document, "line 1\n", read_as=stamp)
    assert p.read_text(encoding="utf-8") == "line one\nappended by someone else\n"
    assert [x.name for x in tmp_path.iterdir()] == ["a.txt"]


def test_same_size_and_time_but_other_bytes_is_a_change(tmp_path: Path) -> None:
    p = tmp_path / "a.txt"
    p.write_text("aaaa", encoding="utf-8")
    document, stamp = read_doc(p)
    p.write_text("bbbb", encoding="utf-8")
    os.utime(p, ns=(stamp.mtime_ns, stamp.mtime_ns))
    with pytest.raises(writers.ChangedMeanwhile):
        writers.write(document, "cccc", read_as=stamp)
    assert p.read_text(encoding="utf-8") == "bbbb"


def test_an_unchanged_file_is_written(tmp_path: Path) -> None:
    p = tmp_path / "a.txt"
    p.write_text("aaaa", encoding="utf-8")
    document, stamp = read_doc(p)
    writers.write(document, "bbbb", read_as=stamp)
    assert p.read_text(encoding="utf-8") == "bbbb"


class Interrupted(BaseException):
    """Stands for the exception the CLI raises at SIGTERM."""


def test_a_signal_during_the_write_leaves_the_original_and_no_temporary_file(tmp_path: Path,
                                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    p = tmp_path / "a.txt"
    p.write_text("original", encoding="utf-8")

    def interrupted(fd: int) -> None:
        raise Interrupted()

    monkeypatch.setattr(os, "fsync", interrupted)
    with pytest.raises(Interrupted):
        writers.write(doc(p), "new")
    assert p.read_text(encoding="utf-8") == "original"
    assert [x.name for x in tmp_path.iterdir()] == ["a.txt"]


def test_temporary_files_name_their_process_and_stale_ones_are_removed(tmp_path: Path) -> None:
    import subprocess
    import sys

    gone = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    dead = int(gone.stdout)
    stale = tmp_path / f".a.txt.glossary-{dead}-k3x9q.tmp"
    stale.write_text("left by a killed run", encoding="utf-8")
    mine = tmp_path / f".b.txt.glossary-{os.getpid()}-abc12.tmp"
    mine.write_text("being written", encoding="utf-8")
    other = tmp_path / ".a.txt.swp"
    other.write_text("not ours", encoding="utf-8")
    assert writers.sweep(str(tmp_path)) == [str(stale)]
    assert sorted(x.name for x in tmp_path.iterdir()) == sorted([mine.name, other.name])


def test_live_temporary_files_are_removed_on_request(tmp_path: Path) -> None:
    tmp = tmp_path / ".a.txt.glossary-1-x.tmp"
    tmp.write_text("", encoding="utf-8")
    writers._LIVE.add(str(tmp))
    writers.remove_live()
    assert not tmp.exists() and not writers._LIVE
