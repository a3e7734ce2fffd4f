from __future__ import annotations

from pathlib import Path

from glossary.discover import walk


def test_named_paths_come_first_as_named_and_folders_are_walked_sorted(tmp_path: Path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "z.txt").write_text("z", encoding="utf-8")
    (tmp_path / "b" / "a.md").write_text("a", encoding="utf-8")
    (tmp_path / "b" / ".hidden.txt").write_text("h", encoding="utf-8")
    for skipped in (".git", "node_modules", ".cache"):
        (tmp_path / "b" / skipped).mkdir()
        (tmp_path / "b" / skipped / "x.txt").write_text("x", encoding="utf-8")
    named = str(tmp_path / "named.txt")
    assert list(walk([named, str(tmp_path / "b")])) == [
        (named, True),
        (str(tmp_path / "b" / "a.md"), False),
        (str(tmp_path / "b" / "z.txt"), False),
    ]


def test_a_missing_path_is_named_so_that_reading_it_reports_the_error(tmp_path: Path):
    assert list(walk([str(tmp_path / "nope.txt")])) == [(str(tmp_path / "nope.txt"), True)]
