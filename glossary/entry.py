"""The `glossary` command's entry point: the plain `check PATH...` runs without click.

`glossary check PATH... [--format text|json]` is what editors, hooks and
scripts run on every save and commit, on small files, where start-up is most
of the time: importing click and building its commands costs as much as
starting Python itself. That form alone is recognised here and run by the
same code as the click command (glossary.command); everything else (another
command or option, `--help`, `--`, shell completion, a stream click would
re-encode) goes to click (glossary.cli), which prints and exits as before.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence

FORMATS = ("text", "json")  # the reports of the plain form; the others come with more imports anyway


def plain_check(argv: Sequence[str]) -> tuple[tuple[str, ...], str] | None:
    """(PATHS, format) when `argv` is `check PATH... [--format text|json]`, else None.

    Options may stand anywhere among the paths, as click allows; `-` is stdin,
    a path. Anything else starting with `-` is left to click.
    """
    if not argv or argv[0] != "check":
        return None
    paths: list[str] = []
    fmt: str | None = None
    rest = list(argv[1:])
    while rest:
        arg = rest.pop(0)
        if arg in ("--format", "--format=") or arg.startswith("--format="):
            if fmt is not None:
                return None
            if arg == "--format":
                if not rest:
                    return None
                fmt = rest.pop(0)
            else:
                fmt = arg.split("=", 1)[1]
            if fmt not in FORMATS:
                return None
        elif arg.startswith("-") and arg != "-":
            return None
        else:
            paths.append(arg)
    if not paths:
        return None
    return tuple(paths), fmt or "text"


def _plain_streams() -> bool:
    """Whether click would write to stdout and stderr as they are (it re-encodes an ASCII stream)."""
    import codecs

    for stream in (sys.stdout, sys.stderr):
        encoding = getattr(stream, "encoding", None)
        if stream is None or not encoding:
            return False
        try:
            if codecs.lookup(encoding).name == "ascii":
                return False
        except LookupError:
            return False
    return True


def _completing() -> bool:
    """Whether a shell asks click for completions (`_GLOSSARY_COMPLETE=...`)."""
    return any(name.startswith("_") and name.endswith("_COMPLETE") for name in os.environ)


def main() -> None:
    from . import cache

    cache.freeze_loads()  # this process ends after one command
    plain = plain_check(sys.argv[1:])
    if plain is None or _completing() or not _plain_streams():
        from .cli import main as group

        group()
        return
    from .command import run_plain

    run_plain(*plain)
