"""`glossary check` without click: running the checks, reporting, exit codes.

The command line's core: cli.py wraps these functions in click commands, and
entry.py runs the plain `check PATH... [--format text|json]` through them
directly, so the call made on every save and commit imports no click. All
output goes through `echo`, which is click's when click is loaded and does
what click does otherwise (colour codes stripped from a stream that is no
terminal, a flush after each message).

Exit codes: 0 clean, 1 findings (or `fix` changed a file), 2 usage or input
error; 2 wins over 1.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable
from dataclasses import dataclass, field

from .errors import GlossaryError, TermBaseErrors
from .i18n import _, ngettext

TYPE_CHECKING = False  # typing's own flag, without importing typing (see glossary/__init__.py)
if TYPE_CHECKING:
    from typing import Any

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
STDIN = "-"


def echo(message: str = "", nl: bool = True, err: bool = False, color: bool | None = None) -> None:
    """Print a message as `click.echo` does: click's own once click is loaded (its test runner captures it).

    Without click: to stdout or stderr as they are (entry.py leaves a stream
    click would re-encode to click), colour codes stripped unless `color` or,
    when it is None, unless the stream is a terminal; flushed.
    """
    click = sys.modules.get("click")
    if click is not None:
        click.echo(message, nl=nl, err=err, color=color)
        return
    stream = sys.stderr if err else sys.stdout
    if stream is None:
        return
    out = message + "\n" if nl else message
    if out and "\x1b" in out and (not _isatty(stream) if color is None else not color):
        import click as loaded  # strip as the installed click strips

        loaded.echo(message, nl=nl, err=err, color=color)
        return
    if out:
        stream.write(out)
    stream.flush()


def _isatty(stream: Any) -> bool:
    try:
        return bool(stream.isatty())
    except Exception:  # noqa: BLE001 - as click: a stream that cannot tell is no terminal
        return False


class UsageError(Exception):
    """Bad input: exit 2, never 1, which means findings (cli.py makes it a click exception for click)."""

    exit_code = EXIT_ERROR

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def format_message(self) -> str:
        return self.message

    def show(self, file: Any = None) -> None:
        echo(error_line(self.format_message()), err=True)


def error_line(message: object) -> str:
    """`glossary: error: …`, the one line of an input or usage error, in the UI language."""
    return _("glossary: error: {message}").format(message=message)


def warning_line(message: object) -> str:
    return _("glossary: warning: {message}").format(message=message)


def fail(error: GlossaryError) -> UsageError:
    return UsageError(str(error))


def use_color(stream: Any) -> bool:
    """NO_COLOR wins, then FORCE_COLOR, then whether the stream is a terminal."""
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    return bool(getattr(stream, "isatty", lambda: False)())


def load_termbase(termbases: tuple[str, ...], no_default: bool, shared: bool = False):  # type: ignore[no-untyped-def]
    """The term base, or a usage error; `shared` keeps it for the runner (check and fix load it once)."""
    from . import load

    try:
        if shared:
            from .runner import termbase_for

            return termbase_for(termbases, not no_default)
        return load(list(termbases), default=not no_default)
    except TermBaseErrors as exc:
        for extra in exc.errors[1:]:
            echo(error_line(extra), err=True)
        raise fail(exc) from None
    except GlossaryError as exc:
        raise fail(exc) from None


def option_tag(value: str | None, option: str = "--lang") -> str | None:
    from .langtags import option_tag as tag

    try:
        return tag(value, option)
    except GlossaryError as exc:
        raise fail(exc) from None


# ------------------------------------------------------------------ inputs

def inputs(paths: tuple[str, ...], max_size: int | None = None):  # type: ignore[no-untyped-def]
    """The runner's inputs for PATHS: `-` is stdin, read here (up to the size cap); folders are walked (glossary.discover)."""
    from .discover import walk
    from .files import DEFAULT_MAX_SIZE, read_stream
    from .runner import Input

    for raw in paths:
        if raw == STDIN:
            try:
                data = read_stream(sys.stdin.buffer, "<stdin>", max_size or DEFAULT_MAX_SIZE)
            except GlossaryError as exc:
                raise fail(exc) from None
            yield Input("<stdin>", data=data)
        else:
            for path, named in walk((raw,)):
                yield Input(path, named=named)


@dataclass
class Run:
    """What one command reports across its files: the runner's result plus what the command wrote.

    `count`, `fixable`, `paths` and `severities` tally the findings as they are
    reported, so a streamed run (`streamed`) needs no list of them for its
    summary line and exit code.
    """

    findings: list[Any] = field(default_factory=list)
    files: list[str] = field(default_factory=list)
    sources: dict[str, str] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)
    fixed: list[str] = field(default_factory=list)
    pairs: dict[str, tuple[tuple[str, int, int], ...]] = field(default_factory=dict)
    count: int = 0
    fixable: int = 0
    paths: set[str] = field(default_factory=set)
    severities: set[str] = field(default_factory=set)

    @classmethod
    def of(cls, result: Any) -> Run:
        run = cls(findings=list(result.findings), files=list(result.files), sources=result.sources,
                  pairs=bilingual_rows(result))
        run.tally(run.findings)
        return run

    def tally(self, findings: Iterable[Any]) -> None:
        for f in findings:
            self.count += 1
            self.fixable += f.fixable
            self.paths.add(f.path)
            self.severities.add(f.severity.value)

    def streamed(self, outcomes: Iterable[Any]) -> Iterable[Any]:
        """The findings of `outcomes` as they come, tallied; errors said as they come, each file's
        text in `sources` while its findings are reported, then let go."""
        for outcome in outcomes:
            if outcome.error is not None:
                self.error(outcome.error)
            if outcome.document is None:
                continue
            self.files.append(outcome.document.path)
            self.sources.clear()
            if outcome.text:  # a file checked in windows has none (glossary.chunks)
                self.sources[outcome.document.path] = outcome.text
            for f in outcome.findings:  # read once: made as they are reported
                self.count += 1
                self.fixable += f.fixable
                self.paths.add(f.path)
                self.severities.add(f.severity.value)
                yield f
        self.sources.clear()

    def error(self, exc: GlossaryError) -> None:
        from .files import LinkOutside

        if isinstance(exc, LinkOutside):
            echo(f"glossary: warning: {exc}", err=True)  # skipped, as a walk skips a binary file
            return
        if str(exc) in self.errors:
            return  # one broken settings file or term base, reported once
        self.errors.append(str(exc))
        echo(error_line(exc), err=True)


def bilingual_rows(result: Any) -> dict[str, tuple[tuple[str, int, int], ...]]:
    """For each bilingual file, its segments' source texts and target spans (the HTML side-by-side view);
    a worker's outcome carries them ready, its segments having stayed behind."""
    from .runner import pair_rows

    rows: dict[str, tuple[tuple[str, int, int], ...]] = {}
    for outcome in result:
        if outcome.document is not None:
            found = outcome.pairs or pair_rows(outcome.document)
            if found:
                rows[outcome.document.path] = found
    return rows


def reporter_module(fmt: str) -> Any:
    from .reporters import reporter

    return reporter(fmt)


def emit(run: Run, fmt: str, verbose: bool, statistics: dict[str, Any] | None = None, explain: bool = False,
         err: bool = False, show_source: bool = False, findings: Iterable[Any] | None = None) -> None:
    """Write the report; `findings` given (a ONE_PASS reporter), they are read as they come and
    `files`, `errors` and `fixed` are the run's own lists, complete once the findings are."""
    from .reporters import Report

    streamed = findings is not None
    report = Report(
        findings=findings if streamed else tuple(run.findings),  # type: ignore[arg-type]
        files=run.files if streamed else tuple(run.files),  # type: ignore[arg-type]
        sources=run.sources, errors=run.errors if streamed else tuple(run.errors),  # type: ignore[arg-type]
        fixed=tuple(run.fixed), color=use_color(sys.stderr if err else sys.stdout),
        verbose=verbose, statistics=statistics, explain=explain, pairs=run.pairs, show_source=show_source,
    )
    module = reporter_module(fmt)
    chunks = getattr(module, "chunks", None)
    write_out(chunks(report) if chunks is not None else (module.render(report),), report.color, err)


CHUNK = 1 << 20


def write_out(pieces: Iterable[str], color: bool | None = None, err: bool = False) -> None:
    """Write a report in pieces of at most CHUNK characters; a failed write is exit 2.

    One huge write can stop short (Linux moves at most about 2 GiB per call)
    and a full disk or a closed pipe fails at the last flush, after which the
    output is silently incomplete; here either all of it is written or the
    run says it was not.
    """
    stream_name = "stderr" if err else "stdout"
    try:
        for piece in pieces:
            for at in range(0, len(piece), CHUNK):
                echo(piece[at:at + CHUNK], nl=False, color=color, err=err)
        getattr(sys, stream_name).flush()
    except OSError as exc:
        try:
            setattr(sys, stream_name, open(os.devnull, "w"))  # nothing more to the broken stream, not even at exit
        except OSError:
            pass
        echo("glossary: error: " + _("cannot write the report: {reason}").format(reason=exc.strerror),
                   err=True)
        sys.exit(EXIT_ERROR)


def summary(run: Run) -> str:
    n, files, fixable = run.count, len(run.paths), run.fixable
    if not n:
        return ngettext("No findings in {files} file.", "No findings in {files} files.", len(run.files)).format(files=len(run.files))
    found = ngettext("Found {n} finding", "Found {n} findings", n).format(n=n)
    where = ngettext("in {files} file", "in {files} files", files).format(files=files)
    if fixable:
        # TRANSLATORS: [*] marks, in the text report, a finding `glossary fix` can apply.
        tail = ngettext("([*] {fixable} fixable with `glossary fix`).", "([*] {fixable} fixable with `glossary fix`).",
                        fixable).format(fixable=fixable)
        # TRANSLATORS: joins the three pieces above; languages without spaces drop them.
        return _("{found} {where} {fixable}").format(found=found, where=where, fixable=tail)
    # TRANSLATORS: joins the two pieces above and ends the sentence.
    return _("{found} {where}.").format(found=found, where=where)


_RANK = {"info": 1, "warning": 2, "error": 3}


def failing(findings: Any, fail_on: str = "warning") -> bool:
    """Whether any finding is at least as severe as `fail_on` (info notes never fail by default)."""
    return any(_RANK[f.severity.value] >= _RANK[fail_on] for f in findings)


def exit_code(run: Run, exit_zero: bool = False, fail_on: str = "warning") -> int:
    if run.errors:
        return EXIT_ERROR
    if not exit_zero and any(_RANK[s] >= _RANK[fail_on] for s in run.severities):
        return EXIT_FINDINGS
    return EXIT_CLEAN


def wants_source(flag: bool | None, paths: tuple[str, ...], settings: Any) -> bool:
    """`--show-source`/`--no-show-source`, else `show-source` in the settings of the first path (or of here)."""
    if flag is not None:
        return flag
    from .config import resolve

    first = next((p for p in paths if p != STDIN), ".")
    try:
        return resolve(first, settings.config_file, settings.isolated).show_source
    except GlossaryError:
        return False  # a broken settings file is reported by the run, once


def settings_for(paths: tuple[str, ...], termbases: tuple[str, ...], no_default: bool, lang: str | None,
                 encoding: str | None, fix_encoding: bool, source: str | None, source_lang: str | None,
                 config_file: str | None, isolated: bool, exempt_quotes: bool | None, fix: bool = False,
                 max_size: int | None = None, unsafe_fixes: bool = False):  # type: ignore[no-untyped-def]
    from .runner import Settings

    if source is not None and (len(paths) != 1 or os.path.isdir(paths[0] or ".")):
        raise UsageError("--source pairs one source file with one target file")
    if config_file is not None and isolated:
        raise UsageError("--config and --isolated cannot be used together")
    load_termbase(termbases, no_default, shared=True)  # a broken term base is one error, not one per file
    option_tag(lang)
    option_tag(source_lang, "--source-lang")
    if config_file is not None:
        from .config import load as load_config

        try:
            load_config(config_file)
        except GlossaryError as exc:
            raise fail(exc) from None
    from .checks import DEFAULT_MAX_PER_SEGMENT

    # A report a person reads is capped (--max-per-segment, the settings); the library's default is not.
    return Settings(termbases=termbases, no_default=no_default, lang=lang, source_lang=source_lang,
                    encoding=encoding, fix_encoding=fix_encoding, config_file=config_file, isolated=isolated,
                    source=source, exempt_quotes=exempt_quotes, fix=fix, max_size=max_size,
                    unsafe_fixes=unsafe_fixes, default_max_per_segment=DEFAULT_MAX_PER_SEGMENT)


def concept_figures(outcome, settings, run: Run) -> list[Any]:  # type: ignore[no-untyped-def]
    """`--statistics` figures of one checked file (read again when a worker sent back no segments)."""
    from . import runner
    from .rendering_stats import compute

    document = outcome.document
    try:
        _cfg, tb, options = runner.prepare(document.path, settings)
        if not document.segments and document.path != "<stdin>":
            document = runner.read(runner.Input(document.path), settings, options) or document
    except GlossaryError as exc:
        run.error(exc)
        return []
    return compute(document, tb, options.lang, options.source_lang)


def check_paths(paths: tuple[str, ...], termbases: tuple[str, ...] = (), no_default: bool = False,
                lang: str | None = None, encoding: str | None = None, fix_encoding: bool = False,
                source: str | None = None, source_lang: str | None = None, config_file: str | None = None,
                isolated: bool = False, exempt_quotes: bool | None = None, jobs: int = 1,
                max_file_size: int | None = None, fmt: str = "text", exit_zero: bool = False,
                fail_on: str = "warning", quiet: bool = False, show_source: bool | None = None,
                explain: bool = False, statistics: bool = False, scheduler: str | None = None,
                max_per_segment: int | None = None) -> None:
    """`glossary check`: report unofficial renderings in PATHS and exit with the run's code."""
    from dataclasses import replace

    from .runner import run as run_inputs

    settings = settings_for(paths, termbases, no_default, lang, encoding, fix_encoding, source, source_lang,
                            config_file, isolated, exempt_quotes, max_size=max_file_size)
    if _PLAIN:
        import gc

        gc.enable()  # the term base is loaded: start-up is over (entry.main)
    if max_per_segment is not None:
        settings = replace(settings, max_per_segment=max_per_segment)
    if scheduler is not None:
        check_on_cluster(paths, settings, scheduler, fmt, statistics, exit_zero, fail_on)
    if not statistics and getattr(reporter_module(fmt), "ONE_PASS", False):
        # Each file's findings reported as the runner makes them, then let go (glossary.reporters).
        from .runner import stream

        run = Run()
        quoted = wants_source(show_source, paths, settings)
        # Large plain-text files are read a window at a time, unless the text report quotes their lines.
        chunked = fmt != "text" or quiet or not (quoted or explain)
        emit(run, fmt, verbose=not quiet, explain=explain, show_source=quoted,
             findings=run.streamed(stream(inputs(paths, max_file_size), settings, jobs, chunked=chunked)))
        if fmt == "text" and not quiet and run.files:
            echo(summary(run), err=True)
        sys.exit(exit_code(run, exit_zero, fail_on))
    result = run_inputs(inputs(paths, max_file_size), settings, jobs)
    run = Run.of(result)
    for error in result.errors:
        run.error(error)
    table = None
    if statistics:
        from . import statistics as finding_stats
        from .rendering_stats import as_json, merge, render_text

        counts = finding_stats.count(run.findings)
        rows = merge(concept_figures(outcome, settings, run) for outcome in result if outcome.document is not None)
        bilingual = bool(rows) or source is not None
        if fmt == "text":
            echo(finding_stats.render_text(counts) + (render_text(rows) if bilingual else ""), nl=False)
            sys.exit(exit_code(run, exit_zero, fail_on))
        table = {"findings": finding_stats.as_json(counts), **(as_json(rows) if bilingual else {})}
    emit(run, fmt, verbose=not quiet, statistics=table if fmt == "json" else None, explain=explain,
         show_source=wants_source(show_source, paths, settings))
    if table is not None and fmt != "json":
        echo(finding_stats.render_text(counts) + (render_text(rows) if bilingual else ""), nl=False, err=True)
    if fmt == "text" and not quiet and run.files:
        echo(summary(run), err=True)
    sys.exit(exit_code(run, exit_zero, fail_on))


def check_on_cluster(paths: tuple[str, ...], settings: Any, address: str, fmt: str, statistics: bool,
                     exit_zero: bool, fail_on: str) -> None:
    """`check --scheduler`: outcomes from the cluster as they come, each finding a JSON line."""
    import json as _json

    from .reporters.json import finding_dict

    if fmt != "jsonl" or statistics or STDIN in paths:
        raise UsageError(_("--scheduler streams findings as JSON Lines: use --format jsonl, files or folders, "
                           "and no --statistics"))
    try:
        from .survey.stream import check_on
    except ImportError:
        raise UsageError(_("--workers and --scheduler need the survey extra: {hint}").format(
            hint="pip install 'zh-glossary-check[survey]'")) from None
    from .discover import walk

    encode = _json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode
    run = Run()
    try:
        for outcome in check_on(address, walk(paths), settings):
            if outcome.error is not None:
                run.error(outcome.error)
            for finding in outcome.findings:
                echo(encode(finding_dict(finding)))
            run.tally(outcome.findings)
    except OSError as exc:
        raise UsageError(_("cannot reach the Dask scheduler: {reason}").format(reason=exc)) from None
    sys.exit(exit_code(run, exit_zero, fail_on))


# ------------------------------------------------------------------ the process

_EXIT_SWEEP_SKIPPED: list[bool] = []


def skip_exit_sweep() -> None:
    """At exit, move every object to the collector's permanent generation.

    The interpreter's last cyclic collection walks every object still alive:
    the whole term base and the automaton, about a tenth of a small check.
    Freezing them first skips that walk; the memory goes back to the system
    either way, and Python does not promise finalizers of objects alive at
    exit. Registered at the first command, so in-process callers (tests) only
    get it when their own process ends.
    """
    if not _EXIT_SWEEP_SKIPPED:
        import atexit
        import gc

        atexit.register(gc.freeze)
        _EXIT_SWEEP_SKIPPED.append(True)


EXIT_SIGINT, EXIT_SIGTERM = 130, 143  # 128 + the signal's number, as shells report


def _on_signal(signum: int, frame: Any) -> None:
    """SIGINT or SIGTERM: end worker processes, remove this run's temporary files, exit 128 + signum.

    Done here rather than by raising an exception, which could surface inside a
    fork or a lock of the process pool and be lost; the one step that must not
    be cut short, rewriting a hard-linked file in place, blocks these signals.
    """
    import _signal as signal  # the signal module's numbers and handler, without its enums

    runner = sys.modules.get(f"{__package__}.runner")
    if runner is not None:
        runner.kill_workers()
    writers = sys.modules.get(f"{__package__}.writers")
    if writers is not None:
        writers.remove_live()
    message = _("glossary: interrupted") if signum == signal.SIGINT else _("glossary: terminated")
    try:
        sys.stdout.flush()
    except Exception:  # noqa: BLE001 - exiting anyway
        pass
    os.write(2, (message + "\n").encode("utf-8", "replace"))
    os._exit(128 + signum)


class _Pacified:
    """A broken pipe's stream, as click leaves it: writes go on, flushes fail quietly."""

    def __init__(self, stream: Any) -> None:
        self._stream = stream

    def flush(self) -> None:
        try:
            self._stream.flush()
        except OSError:
            pass

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)


_PLAIN: list[bool] = []  # run_plain runs, with the collector off for start-up (entry.main)


def run_plain(paths: tuple[str, ...], options: dict[str, Any]) -> None:
    """`glossary check PATHS [OPTIONS]` as the click command runs it (glossary.entry), then exit.

    What the click group does first is done here too: the UI language from
    the environment, the collector's last walk skipped, SIGINT and SIGTERM
    handled; what click does with a usage error (print, exit 2) and a closed
    pipe (exit 1) likewise.
    """
    import _signal as signal  # `signal` builds three enums on import (about 0.5 ms of a small check)
    import errno

    from . import i18n

    i18n.setup(None)
    skip_exit_sweep()
    _PLAIN.append(True)
    for sig in (signal.SIGINT, signal.SIGTERM):
        signal.signal(sig, _on_signal)
    try:
        check_paths(paths, **options)
    except UsageError as exc:
        exc.show()
        sys.exit(exc.exit_code)
    except OSError as exc:
        if exc.errno != errno.EPIPE:
            raise
        sys.stdout = _Pacified(sys.stdout)  # type: ignore[assignment]
        sys.stderr = _Pacified(sys.stderr)  # type: ignore[assignment]
        sys.exit(1)
