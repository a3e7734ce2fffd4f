"""Path discovery: the files a run looks at, from the paths a user named.

A named file is checked whatever it is (an error if it cannot be read); files
found by walking a folder are candidates, which settings may exclude and binary
content skips. Hidden files and folders, version-control and environment
folders are never walked into. Front ends with no file system (an upload, an
editor buffer) skip this module and build `runner.Input`s themselves.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
SKIP_DIRS = frozenset({".git", ".hg", ".svn", "__pycache__", "node_modules", ".venv", "venv", ".tox"})


def prose_extensions() -> frozenset[str]:
    """The extensions of the formats a reader reads as prose or translations (txt, md, po, xliff, tmx, csv)."""
    from .readers import _TABLE

    return frozenset(ext for _module, exts in _TABLE.values() for ext in exts)


def ignored_by_git(folder: str | os.PathLike[str]) -> frozenset[str] | None:
    """Files under `folder` that git would not ignore, or None when it is not in a git work tree.

    `.gitignore` (and `.git/info/exclude`, the global excludes) decide, as git
    itself reads them: `git ls-files --cached --others --exclude-standard`.
    """
    import shutil
    import subprocess

    if shutil.which("git") is None:
        return None
    try:
        out = subprocess.run(["git", "-C", str(folder), "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
                             capture_output=True, check=True, timeout=60).stdout
    except (OSError, subprocess.SubprocessError):
        return None
    return frozenset(os.path.normpath(os.path.join(folder, name)) for name in out.decode("utf-8", "replace").split("\0") if name)


def walk(paths: Iterable[str], extensions: frozenset[str] | None = None) -> Iterator[tuple[str, bool]]:
    """(path, named): each named file, and the prose files under each named folder, sorted.

    In a folder only files of the formats read as prose or translations are
    walked (`extensions`, by default every reader's), and inside a git work
    tree only files git does not ignore: a `glossary fix .` must not rewrite
    a URL in a Python string or a JSON slug.
    """
    wanted = prose_extensions() if extensions is None else extensions
    for raw in paths:
        if os.path.isdir(raw or "."):  # "" is the current folder, as for pathlib
            from pathlib import Path  # walked paths are spelled as pathlib spells the folder

            p = Path(raw)
            tracked = ignored_by_git(p)
            for root, dirs, files in os.walk(p):
                dirs[:] = sorted(d for d in dirs if d not in SKIP_DIRS and not d.startswith("."))
                for name in sorted(files):
                    if name.startswith(".") or os.path.splitext(name)[1].lower() not in wanted:
                        continue
                    path = os.path.join(root, name)
                    if tracked is None or os.path.normpath(path) in tracked:
                        yield path, False
        else:
            yield raw, True
