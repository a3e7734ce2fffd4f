"""The year a corpus file belongs to: from `--date-from`, else a year in its path, else its modification time."""

from __future__ import annotations

import os
import re
import time

# A year between 1900 and 2099 standing alone in a path: "2019/", "2019-05-03", "news_2019.txt".
PATH_YEAR = re.compile(r"(?<![0-9])(19[0-9]{2}|20[0-9]{2})(?![0-9])")


def compile_pattern(pattern: str | None) -> re.Pattern[str] | None:
    """The `--date-from` expression; ValueError with the reason when it is not one."""
    if pattern is None:
        return None
    try:
        compiled = re.compile(pattern)
    except re.error as exc:
        raise ValueError(f"--date-from: {exc}") from None
    return compiled


def year_of(path: str, pattern: re.Pattern[str] | None = None) -> str:
    """The year of the file at `path` as four digits ("" when nothing tells).

    `pattern` is matched against the path: its group `year`, else its first
    group, else the whole match, must hold a year (the first four-digit run).
    """
    if pattern is not None:
        match = pattern.search(path)
        if match is not None:
            text = match.groupdict().get("year") or (match.group(1) if match.groups() else match.group(0))
            found = PATH_YEAR.search(text or "")
            if found:
                return found.group(1)
    found = None
    for found in PATH_YEAR.finditer(path):
        pass  # the last year in the path: the file's own date before its folder's
    if found is not None:
        return found.group(1)
    try:
        return time.strftime("%Y", time.gmtime(os.stat(path).st_mtime))
    except OSError:
        return ""
