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
from pathlib import Path

SKIP_DIRS = frozenset({".git", ".hg", ".svn", "__pycache__", "node_modules", ".venv", "venv", ".tox"})


def walk(paths: Iterable[str]) -> Iterator[tuple[str, bool]]:
    """(path, named): each named file, and the files under each named folder, sorted."""
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            for root, dirs, files in os.walk(p):
                dirs[:] = sorted(d for d in dirs if d not in SKIP_DIRS and not d.startswith("."))
                for name in sorted(files):
                    if not name.startswith("."):
                        yield os.path.join(root, name), False
        else:
            yield raw, True
