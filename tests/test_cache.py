"""The on-disk cache: keyed by content and installation, per user, atomic; a bad entry is a miss."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from glossary import cache, termbase
from glossary.termbase import load

TB = """\
version: 1
concepts:
  - id: belt-and-road
    sources: [{publisher: Xinhua, title: T, date: "2015-09", langs: [en]}]
    terms:
      zh: [{text: 一带一路, status: preferred}]
      en:
        - {text: Belt and Road, status: preferred}
        - {text: One Belt One Road, status: superseded, since: "2015-09"}
"""


@pytest.fixture
def cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("GLOSSARY_CACHE_DIR", str(tmp_path / "c"))
    monkeypatch.setattr(termbase, "_LOADED", {})
    return tmp_path / "c"


def entries(folder: Path) -> set[str]:
    return {p.name for p in folder.iterdir()}


def test_the_same_file_named_two_ways_is_one_entry_with_the_paths_of_each_load(
        cache_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "t.yaml"
    path.write_text(TB, encoding="utf-8")
    absolute = load([path], default=False)
    written = entries(cache_dir)
    termbase._LOADED.clear()
    monkeypatch.chdir(tmp_path)
    relative = load(["t.yaml"], default=False)
    assert entries(cache_dir) == written  # read, not rebuilt and written again
    assert relative.concepts == absolute.concepts and relative.digest == absolute.digest
    assert relative.paths == ("t.yaml",)
    assert {c.path for c in relative.concepts} == {"t.yaml"}
    assert {t.path for c in relative.concepts for t in c.terms} == {"t.yaml"}


def test_another_installation_keeps_its_own_entry(cache_dir: Path, tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "t.yaml"
    path.write_text(TB, encoding="utf-8")
    load([path], default=False)
    mine = entries(cache_dir)
    termbase._LOADED.clear()
    monkeypatch.setattr(cache, "_INSTALL", ["/elsewhere/site-packages/glossary"])
    load([path], default=False)
    assert len(entries(cache_dir)) == len(mine) + 1


def test_an_entry_of_another_kind_or_a_corrupt_one_is_a_miss(cache_dir: Path) -> None:
    cache.put("termbase", "k", {"not": "a term base"})
    [entry] = cache_dir.iterdir()
    assert cache.get("termbase", "k") == {"not": "a term base"}
    entry.write_bytes(entry.read_bytes()[:5])
    assert cache.get("termbase", "k") is None
    entry.write_bytes(b"")
    assert cache.get("termbase", "k") is None


def test_entries_are_written_whole_into_a_private_folder(cache_dir: Path) -> None:
    cache.put("matcher", "k", list(range(1000)))
    assert stat.S_IMODE(os.stat(cache_dir).st_mode) == 0o700
    assert [p.name for p in cache_dir.iterdir() if p.name.startswith(".tmp-")] == []
    assert cache.get("matcher", "k") == list(range(1000))


def test_the_user_cache_folder_follows_xdg(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("GLOSSARY_CACHE_DIR", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert cache.directory() == str(tmp_path / "xdg" / "glossary")


@pytest.fixture
def counted(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The term base's bytes each time cache.file_digest hashed them; files count as settled as soon as written."""
    calls: list[int] = []
    real = cache.sha256

    def sha256(data: bytes = b"") -> object:
        if data.startswith(b"version: 1"):
            calls.append(len(data))
        return real(data)

    monkeypatch.setattr(cache, "sha256", sha256)
    monkeypatch.setattr(cache, "RACY_NS", 0)
    return calls


def test_an_unchanged_term_base_is_not_hashed_again(cache_dir: Path, tmp_path: Path, counted: list[int],
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "t.yaml"
    path.write_text(TB, encoding="utf-8")
    first = load([path], default=False)
    assert counted == [len(TB.encode())]
    termbase._LOADED.clear()
    monkeypatch.chdir(tmp_path)
    again = load(["t.yaml"], default=False)  # the same file under another name: the same stat
    assert counted == [len(TB.encode())]
    assert again.digest == first.digest and again.paths == ("t.yaml",)


def test_a_changed_term_base_is_read_again_even_with_its_old_size_and_time(
        cache_dir: Path, tmp_path: Path, counted: list[int]) -> None:
    path = tmp_path / "t.yaml"
    path.write_text(TB, encoding="utf-8")
    before = os.stat(path)
    first = load([path], default=False)
    path.write_text(TB.replace("Belt and Road", "Belt and Roads").replace("One Belt One Road", "One Belt One Roa"),
                    encoding="utf-8")
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))  # size and modification time as before
    assert os.stat(path).st_size == before.st_size
    termbase._LOADED.clear()
    second = load([path], default=False)
    assert second.digest != first.digest
    assert {t.text for c in second.concepts for t in c.terms} >= {"Belt and Roads", "One Belt One Roa"}


def test_a_corrupt_remembered_digest_is_a_miss(cache_dir: Path, tmp_path: Path, counted: list[int]) -> None:
    path = tmp_path / "t.yaml"
    path.write_text(TB, encoding="utf-8")
    first = load([path], default=False)
    [memo] = [p for p in cache_dir.iterdir() if p.name.startswith("digest-")]
    memo.write_bytes(memo.read_bytes()[:7])
    termbase._LOADED.clear()
    assert load([path], default=False).digest == first.digest
    assert len(counted) == 2


def test_a_file_changed_just_before_it_was_read_is_not_remembered(cache_dir: Path, tmp_path: Path) -> None:
    path = tmp_path / "t.yaml"
    path.write_text(TB, encoding="utf-8")  # may change again within the same timestamp tick
    load([path], default=False)
    assert not [p for p in cache_dir.iterdir() if p.name.startswith("digest-")]
    assert cache.file_digest(str(path))[1] == TB.encode()  # read again
