"""The plain `check PATH... [OPTIONS]` run without click prints what the click command prints."""

from __future__ import annotations

import os
import shutil
import site
import subprocess
import sys
from pathlib import Path

import pytest

from glossary.entry import plain_check

EXAMPLES = Path(__file__).parent.parent / "examples"
DATA = Path(__file__).parent / "data"

# The click command itself, as `glossary` ran it before the entry point took the plain form.
CLICK = "import sys; sys.argv[0] = 'glossary'; from glossary.cli import main; main()"
# The entry point, writing to the file descriptor FD whether click was imported by the end of the run.
ENTRY = ("import atexit, os, sys; sys.argv[0] = 'glossary'; "
         "atexit.register(lambda: os.write(FD, str('click' in sys.modules).encode())); "
         "from glossary.entry import main; main()")


def run(code: str, args: list[str], cwd: Path, env: dict[str, str], stdin: bytes = b"",
        flags: tuple[str, ...] = ()) -> tuple[int, bytes, bytes, str]:
    """(exit code, stdout, stderr, whether click was loaded: "True", "False", "" if not told) of one process."""
    read, write = os.pipe()
    try:
        proc = subprocess.run([sys.executable, *flags, "-c", code.replace("FD", str(write)), *args], cwd=cwd, env=env,
                              input=stdin,
                              capture_output=True, pass_fds=(write,), timeout=300)
    finally:
        os.close(write)
    with os.fdopen(read, "rb") as fh:
        loaded = fh.read().decode()
    return proc.returncode, proc.stdout, proc.stderr, loaded


@pytest.fixture()
def project(tmp_path: Path) -> Path:
    """A folder of drafts: the examples, a project with settings, a broken term base, a binary file."""
    shutil.copy(EXAMPLES / "draft.txt", tmp_path / "draft.txt")
    shutil.copy(EXAMPLES / "draft.ru.txt", tmp_path / "draft.ru.txt")
    (tmp_path / "colour.txt").write_text("A \x1b[31mcommunity of common destiny\x1b[0m.\n", encoding="utf-8")
    (tmp_path / "clean.md").write_text("# Notes\n\nNothing to report here.\n", encoding="utf-8")
    (tmp_path / "latin1.txt").write_bytes("Caf\xe9 and the One Belt, One Road initiative.\n".encode("latin-1"))
    settings = tmp_path / "settings"
    settings.mkdir()
    shutil.copy(EXAMPLES / "draft.txt", settings / "draft.txt")
    (settings / "pyproject.toml").write_text(
        '[tool.glossary]\ndisable = ["superseded-term"]\nshow-source = true\ntermbases = ["extra.yaml"]\n',
        encoding="utf-8")
    shutil.copy(DATA / "termbase.yaml", settings / "extra.yaml")
    broken = tmp_path / "broken"
    broken.mkdir()
    (broken / "draft.txt").write_text("Nothing here.\n", encoding="utf-8")
    (broken / ".glossary.toml").write_text('termbases = ["missing.yaml"]\n', encoding="utf-8")
    (broken / "bad.toml").write_text("", encoding="utf-8")
    folder = tmp_path / "folder"
    folder.mkdir()
    shutil.copy(EXAMPLES / "draft.txt", folder / "a.txt")
    (folder / "b.bin").write_bytes(b"\x00\x01\x02 not text")
    return tmp_path


CASES = [
    ["check", "draft.txt"],
    ["check", "draft.txt", "--format", "json"],
    ["check", "--format=json", "draft.ru.txt", "draft.txt"],
    ["check", "draft.ru.txt"],
    ["check", "clean.md"],
    ["check", "colour.txt"],
    ["check", "latin1.txt"],
    ["check", "missing.txt"],
    ["check", "draft.txt", "missing.txt", "--format", "json"],
    ["check", "settings/draft.txt"],
    ["check", "settings"],
    ["check", "broken/draft.txt"],
    ["check", "folder"],
    ["check", "-"],
    ["check", "--exit-zero", "draft.txt"],
    ["check", "--lang", "ru", "draft.ru.txt", "--exit-zero"],
    ["check", "--lang=xx-!!", "draft.txt"],
    ["check", "--no-default", "--termbase", "settings/extra.yaml", "draft.txt"],
    ["check", "--termbase=settings/extra.yaml", "--termbase", "missing.yaml", "draft.txt"],
    ["check", "-q", "--fail-on", "error", "draft.txt", "--show-source", "--no-show-source"],
    ["check", "--show-source", "--explain", "--format", "text", "--format", "json", "draft.txt"],
    ["check", "--isolated", "--check-quotes", "--fix-encoding", "--encoding", "latin-1", "latin1.txt"],
    ["check", "--encoding", "no-such-codec", "draft.txt"],
    ["check", "--config", "broken/bad.toml", "draft.txt"],
    ["check", "--config", "settings/pyproject.toml", "--isolated", "draft.txt"],
    ["check", "--source", "draft.txt", "--source-lang", "en", "draft.ru.txt"],
]


@pytest.mark.parametrize("args", CASES, ids=[" ".join(c) for c in CASES])
@pytest.mark.parametrize("env_extra", [{}, {"LANG": "ru_RU.UTF-8"}, {"FORCE_COLOR": "1"}], ids=["en", "ru", "color"])
def test_the_plain_check_prints_what_the_click_command_prints(project: Path, args: list[str],
                                                               env_extra: dict[str, str]) -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "NO_COLOR", "FORCE_COLOR")}
    env.update({"LANG": "en_US.UTF-8", **env_extra})
    stdin = (EXAMPLES / "draft.txt").read_bytes()
    fast = run(ENTRY, args, project, env, stdin)
    slow = run(CLICK, args, project, env, stdin)
    assert fast[:3] == slow[:3]
    assert fast[3] == "False"  # the plain form never imported click
    assert fast[0] in (0, 1, 2)


@pytest.mark.parametrize("args", [["check", "-j", "2", "draft.txt"], ["check", "draft.txt", "-qj1"],
                                  ["check", "--termbase", "settings", "draft.txt"], ["check", "--lang", "", "draft.txt"],
                                  ["check", "--lang", "--exit-zero", "draft.txt"], ["check", "draft.txt", "--exit-zero=1"],
                                  ["check", "draft.txt", "--fail-on", "never"], ["check", "draft.txt", "--statistics"],
                                  ["check", "draft.txt", "--format", "sarif"], ["--locale", "ru", "check", "draft.txt"],
                                  ["check", "--", "draft.txt"], ["check"], ["stats"]])
def test_everything_else_goes_to_click(project: Path, args: list[str]) -> None:
    env = dict(os.environ, LANG="en_US.UTF-8")
    fast = run(ENTRY, args, project, env)
    slow = run(CLICK, args, project, env)
    assert fast[:3] == slow[:3]
    assert fast[3] == "True"


def test_the_plain_form_is_recognised_exactly() -> None:
    assert plain_check(["check", "a.txt"]) == (("a.txt",), {})
    assert plain_check(["check", "-", "--format", "json", "b.md"]) == (("-", "b.md"), {"fmt": "json"})
    assert plain_check(["check", "--format=text", "a.txt"]) == (("a.txt",), {"fmt": "text"})
    assert plain_check(["check", "--format", "json", "--format", "text", "a"]) == (("a",), {"fmt": "text"})
    assert plain_check(["check", "--termbase", "x.yaml", "a", "--termbase=y.yaml", "-q", "--no-default"]) == (
        ("a",), {"termbases": ("x.yaml", "y.yaml"), "quiet": True, "no_default": True})
    assert plain_check(["check", "--lang", "ru", "--exit-zero", "--check-quotes", "a"]) == (
        ("a",), {"lang": "ru", "exit_zero": True, "exempt_quotes": False})
    for argv in (["check"], ["check", "--format", "json"], ["check", "a", "--format"], ["check", "a", "--format", "sarif"],
                 ["check", "--", "a"], ["check", "-qj2", "a"], ["check", "-j", "2", "a"], ["check", "a", "--lang"],
                 ["check", "a", "--lang", "-x"], ["check", "a", "--lang="], ["check", "a", "--quiet=yes"],
                 ["check", "a", "--fail-on", "never"], ["check", "a", "--termbase", "."], ["check", "a", "--statistics"],
                 ["fix", "a"], [], ["check", "a", "--form", "json"], ["--locale", "ru", "check", "a"]):
        assert plain_check(argv) is None, argv


# The entry point, writing to FD the names of every module imported by the end of the run.
# The entry point as a regular install runs it, writing to FD the modules it imported. Run with `-S`
# (LOADED): the package is found in this checkout and its dependencies in site-packages, without the
# `.pth` files an editable install adds, whose finder imports modules a check does not need itself.
MODULES = ("import sys; sys.path[:0] = [ROOT]; sys.path += SITE; "
           "import atexit, os; sys.argv[0] = 'glossary'; "
           "atexit.register(lambda: os.write(FD, ' '.join(sorted(sys.modules)).encode())); "
           "from glossary.entry import main; main()").replace("ROOT", repr(str(Path(__file__).parent.parent))).replace(
               "SITE", repr(site.getsitepackages()))
LOADED = ("-S",)
# Standard modules a plain check of a small file has no use for, each a fraction of a millisecond to
# a few of its start-up: `signal` builds enums (the handlers are set through `_signal`), `threading`
# is imported for its `local` (which `_thread` has), `contextlib` for one context manager (keyscan's)
# and by importlib.util, `gettext` for the messages of a language other than English, `copy` (with
# `weakref`) by dataclasses for `asdict` (glossary.precompiled).
NOT_ON_THE_PLAIN_PATH = {"signal", "threading", "contextlib", "gettext", "copy", "weakref"}


@pytest.mark.parametrize("args", [["check", "draft.txt"], ["check", "--lang", "ru", "draft.ru.txt"],
                                  ["check", "--format", "json", "clean.md"]])
def test_the_plain_check_leaves_unneeded_modules_unimported(project: Path, args: list[str]) -> None:
    env = dict(os.environ, LANG="en_US.UTF-8", GLOSSARY_CACHE_DIR=str(project / "cache"))
    for _ in range(2):  # the first run fills the cache; the second is the one measured
        code, _, err, loaded = run(MODULES, args, project, env, flags=LOADED)
        assert code in (0, 1), err
    modules = set(loaded.split())
    assert "glossary.command" in modules and "click" not in modules
    assert modules & NOT_ON_THE_PLAIN_PATH == set()


@pytest.mark.parametrize("args", [["check", "draft.txt"], ["check", "--format", "json", "clean.md"],
                                  ["check", "--lang", "ru", "draft.ru.txt"]])
def test_a_plain_check_imports_neither_typing_nor_pickle(project: Path, args: list[str]) -> None:
    # Annotations are strings and typing names sit under `if TYPE_CHECKING:` in every module the check
    # runs (hyperscan's extension is loaded without its package's `__init__`, the Russian layer's named
    # tuples are collections.namedtuple classes); the cache is read with the C unpickler alone.
    env = dict(os.environ, LANG="en_US.UTF-8", GLOSSARY_CACHE_DIR=str(project / "cache"))
    for _ in range(2):
        code, _, err, loaded = run(MODULES, args, project, env, flags=LOADED)
        assert code in (0, 1), err
    assert "glossary.command" in loaded.split()
    assert {"typing", "pickle"} & set(loaded.split()) == set()


# The entry point, writing to FD how many times the builtin `compile` was called in the run.
COMPILES = ("import atexit, builtins, os, sys; sys.argv[0] = 'glossary'; calls = []; real = builtins.compile\n"
            "def counted(*args, **kwargs):\n    calls.append(1)\n    return real(*args, **kwargs)\n"
            "builtins.compile = counted\n"
            "atexit.register(lambda: os.write(FD, str(len(calls)).encode()))\n"
            "from glossary.entry import main; main()")


@pytest.mark.parametrize("args", [["check", "draft.txt"], ["check", "--lang", "ru", "draft.ru.txt"]])
def test_a_plain_check_with_a_warm_cache_compiles_no_source(project: Path, args: list[str]) -> None:
    # The first `compile` of a process builds the ast module's node classes (about 1 ms): a string
    # annotation that typing checks (a NamedTuple's field, a Union's member) calls it, as does
    # source that dataclasses writes and the cache lacks.
    env = dict(os.environ, LANG="en_US.UTF-8", GLOSSARY_CACHE_DIR=str(project / "cache"))
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # modules read from bytecode, as installed: their source is not compiled
    for _ in range(2):  # the first run fills the cache; the second is the one measured
        code, _, err, calls = run(COMPILES, args, project, env)
        assert code in (0, 1), err
    assert calls == "0"


# The entry point, with an exit function and an object the interpreter's teardown would free: FD gets
# "exit" when the exit functions run and "freed" when the teardown frees that object.
TEARDOWN = ("import atexit, os, sys; sys.argv[0] = 'glossary'\n"
            "class Witness:\n    def __del__(self, write=os.write):\n        write(FD, b' freed')\n"
            "sys.witness = Witness()\n"
            "atexit.register(lambda: os.write(FD, b'exit'))\n"
            "from glossary.entry import main; main()")


@pytest.mark.parametrize("args", [["check", "draft.txt"], ["check", "--format", "json", "clean.md"],
                                  ["check", "missing.txt"], ["check", "--lang", "ru", "draft.ru.txt"]])
def test_a_plain_check_runs_the_exit_functions_and_skips_the_teardown(project: Path, args: list[str]) -> None:
    # What a process would free one object at a time as it ends is left to the system (entry.end);
    # what the exit functions do (the precompiled entry written) and the output are as before.
    env = dict(os.environ, LANG="en_US.UTF-8", GLOSSARY_CACHE_DIR=str(project / "cache"))
    for _ in range(2):
        code, out, err, told = run(TEARDOWN, args, project, env)
        assert (code, out, err) == run(CLICK, args, project, env)[:3]
        assert told == "exit"


def test_a_plain_check_leaves_a_broken_pipe_to_the_interpreter(project: Path) -> None:
    # stdout closed before the report is flushed: the interpreter's own report and exit status, as with click.
    env = dict(os.environ, LANG="en_US.UTF-8", GLOSSARY_CACHE_DIR=str(project / "cache"))
    results = []
    for code in (TEARDOWN, CLICK):
        proc = subprocess.Popen([sys.executable, "-c", code.replace("FD", "2"), "check", "draft.txt"], cwd=project,
                                env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        assert proc.stdout is not None
        proc.stdout.close()
        _, err = proc.communicate(timeout=300)
        results.append((proc.returncode, b"Traceback" in err))
    assert results[0] == results[1]
