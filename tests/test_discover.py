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


# --------------------------------------------------- walk prose, not code (issue 12, point 4)

def test_a_folder_walk_takes_only_prose_and_translation_formats(tmp_path: Path):
    for name in ("notes.txt", "guide.md", "ru.po", "app.xlf", "memory.tmx", "terms.csv",
                 "app.py", "data.json", "page.js", "setup.cfg", "README"):
        (tmp_path / name).write_text("One Belt, One Road", encoding="utf-8")
    walked = sorted(Path(p).name for p, named in walk([str(tmp_path)]))
    assert walked == ["app.xlf", "guide.md", "memory.tmx", "notes.txt", "ru.po", "terms.csv"]


def test_a_named_file_of_any_kind_is_still_checked(tmp_path: Path):
    code = tmp_path / "app.py"
    assert list(walk([str(code)])) == [(str(code), True)]


def test_a_folder_walk_honours_gitignore(tmp_path: Path):
    import shutil
    import subprocess

    import pytest

    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    (tmp_path / ".gitignore").write_text("build/\n*.generated.md\n", encoding="utf-8")
    (tmp_path / "build").mkdir()
    (tmp_path / "build" / "out.txt").write_text("x", encoding="utf-8")
    (tmp_path / "keep.md").write_text("x", encoding="utf-8")
    (tmp_path / "api.generated.md").write_text("x", encoding="utf-8")
    assert [Path(p).name for p, _ in walk([str(tmp_path)])] == ["keep.md"]


def test_fix_on_a_folder_leaves_code_alone(tmp_path: Path):
    from click.testing import CliRunner

    from glossary.cli import main

    code = 'URL = "https://example.org/one-belt-one-road/"\nOBOR = 1\n'
    (tmp_path / "app.py").write_text(code, encoding="utf-8")
    (tmp_path / "data.json").write_text('{"slug": "OBOR"}\n', encoding="utf-8")
    (tmp_path / "notes.txt").write_text("The OBOR plan.\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["fix", str(tmp_path)])
    assert result.exit_code == 1
    assert (tmp_path / "app.py").read_text(encoding="utf-8") == code
    assert (tmp_path / "data.json").read_text(encoding="utf-8") == '{"slug": "OBOR"}\n'
    assert (tmp_path / "notes.txt").read_text(encoding="utf-8") == "The BRI plan.\n"
