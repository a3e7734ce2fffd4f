"""The `glossary` command's entry point: the plain `check PATH...` runs without click.

`glossary check PATH... [OPTIONS]` is what editors, hooks and scripts run on
every save and commit, on small files, where start-up is most of the time:
importing click and building its commands costs as much as starting Python
itself. That form, with the options that take a plain string or a flag
(`--format text|json`, `--lang`, `--termbase`, `--exit-zero`, `-q`, ...), is
recognised here and run by the same code as the click command
(glossary.command); everything else (another command or option, `--help`,
`--`, shell completion, a stream click would re-encode) goes to click
(glossary.cli), which prints and exits as before.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence

TYPE_CHECKING = False  # typing's own flag, without importing typing (see glossary/__init__.py)
if TYPE_CHECKING:
    from typing import Any

# The plain form's options: name -> (check_paths's parameter, the value a flag sets, or the values an option
# takes: None for any). The formats are those whose reporters need no more imports; any other option
# (--statistics, -j, --max-file-size, ...) goes to click, which parses and checks it.
FLAGS: dict[str, tuple[str, bool]] = {
    "--no-default": ("no_default", True), "--fix-encoding": ("fix_encoding", True),
    "--isolated": ("isolated", True), "--exempt-quotes": ("exempt_quotes", True),
    "--check-quotes": ("exempt_quotes", False), "--exit-zero": ("exit_zero", True),
    "-q": ("quiet", True), "--quiet": ("quiet", True), "--show-source": ("show_source", True),
    "--no-show-source": ("show_source", False), "--explain": ("explain", True),
}
VALUES: dict[str, tuple[str, tuple[str, ...] | None]] = {
    "--termbase": ("termbases", None), "--lang": ("lang", None), "--encoding": ("encoding", None),
    "--source-lang": ("source_lang", None), "--config": ("config_file", None), "--source": ("source", None),
    "--format": ("fmt", ("text", "json")), "--fail-on": ("fail_on", ("error", "warning", "info")),
}
PATH_VALUES = ("termbases", "config_file", "source")  # click.Path(dir_okay=False): click reports a folder


def plain_check(argv: Sequence[str]) -> tuple[tuple[str, ...], dict[str, Any]] | None:
    """(PATHS, check_paths's keyword arguments) when `argv` is `check` with plain options, else None.

    Options may stand anywhere among the paths and a later one wins, as with
    click; `--termbase` adds up. `-` is stdin, a path. A value that click
    might read otherwise (one starting with `-`, an empty one, a folder for a
    file) or anything else starting with `-` is left to click.
    """
    if not argv or argv[0] != "check":
        return None
    paths: list[str] = []
    options: dict[str, Any] = {}
    rest = list(argv[1:])
    while rest:
        arg = rest.pop(0)
        name, eq, inline = arg.partition("=")
        if arg in FLAGS:
            key, flag = FLAGS[arg]
            options[key] = flag
        elif name in VALUES:
            key, allowed = VALUES[name]
            if eq:
                value = inline
            elif rest:
                value = rest.pop(0)
            else:
                return None
            if not value or value.startswith("-") or (allowed is not None and value not in allowed):
                return None
            if key in PATH_VALUES and os.path.isdir(value):
                return None
            if key == "termbases":
                options[key] = (*options.get(key, ()), value)
            else:
                options[key] = value
        elif arg.startswith("-") and arg != "-":
            return None
        else:
            paths.append(arg)
    if not paths:
        return None
    return tuple(paths), options


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
    import gc

    from . import cache

    # Start-up (imports, the cached term base) makes objects, not garbage: the collector's passes
    # over them cost a tenth of a small check. It is back on once the check reads its files
    # (command.check_paths), and before click runs any command, a long-lived one included.
    gc.disable()
    cache.freeze_loads()  # this process ends after one command
    from . import precompiled

    precompiled.install()  # dataclasses' methods and regular expressions as compiled in an earlier run
    plain = plain_check(sys.argv[1:])
    if plain is None or _completing() or not _plain_streams():
        from .cli import main as group

        gc.enable()
        group()
        return
    from .command import run_plain

    try:
        run_plain(*plain)
    except SystemExit as done:
        end(done)


def end(done: SystemExit) -> None:
    """End the process as `done` would, without the interpreter's teardown of every module and object.

    Once a plain check has exited, the interpreter's shutdown is what is
    left: it runs the `atexit` functions (the precompiled entry written, the
    collector's last walk skipped), flushes the standard streams, then frees
    the modules and objects of the whole run one by one, about a twentieth of
    a small check's instructions, for a process that is ending. The first two
    are done here as the interpreter does them, then the process ends
    (`os._exit`). An exit status other than a number, or a stream that cannot
    be flushed (a closed pipe), is left to the interpreter, which reports it
    as it always does.
    """
    import atexit

    code = 0 if done.code is None else done.code
    if type(code) is not int or not 0 <= code <= 255:
        raise done
    atexit._run_exitfuncs()
    try:
        for stream in (sys.stdout, sys.stderr):
            if stream is not None:
                stream.flush()
    except Exception:  # noqa: BLE001 - the interpreter's own report of it
        raise done from None
    os._exit(code)
