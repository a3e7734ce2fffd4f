"""The `glossary` command line: the only place that prints or exits.

Exit codes: 0 clean, 1 findings (or `fix` changed a file), 2 usage or input
error; 2 wins over 1.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from . import __version__, command
from .clilocale import LocalizedGroup, locale_option
from .command import (  # noqa: F401 - the command line's names, as before the core moved to glossary.command
    CHUNK, EXIT_CLEAN, EXIT_ERROR, EXIT_FINDINGS, EXIT_SIGINT, EXIT_SIGTERM, STDIN, Run, _on_signal,
    bilingual_rows, check_on_cluster, concept_figures, emit, error_line, exit_code, fail, failing, inputs,
    load_termbase, option_tag, reporter_module, settings_for, skip_exit_sweep, summary, use_color, wants_source,
    warning_line, write_out,
)
from .errors import GlossaryError, TermBaseErrors
from .i18n import _, ngettext


class UsageError(command.UsageError, click.ClickException):
    """Bad input: exit 2, never 1, which means findings; click prints it as `glossary: error: ...`."""

    exit_code = command.EXIT_ERROR

    def show(self, file: Any = None) -> None:
        click.echo(error_line(self.format_message()), err=True)


# ------------------------------------------------------------ shared options

def termbase_options(f: Callable[..., Any]) -> Callable[..., Any]:
    f = click.option("--termbase", "termbases", multiple=True, type=click.Path(dir_okay=False),
                     help="An extra term base (YAML); repeatable, later ones override earlier ones.")(f)
    f = click.option("--no-default", is_flag=True, help="Do not load the shipped term base.")(f)
    return f


def input_options(f: Callable[..., Any]) -> Callable[..., Any]:
    f = click.option("--lang", help="Language of the text (BCP 47), else read from the file or guessed from the script.")(f)
    f = click.option("--encoding", help="Encoding of the input files (default UTF-8, BOM honoured).")(f)
    f = click.option("--fix-encoding", is_flag=True, help="Repair encoding damage (mojibake) too.")(f)
    return f



def show_source_option(f: Callable[..., Any]) -> Callable[..., Any]:
    """`--show-source`: the text report's four-line layout (ruff's name for it); else the settings' `show-source`."""
    return click.option("--show-source/--no-show-source", "show_source", default=None,
                        help="Text output: under each finding its line, a caret and the suggestion, and the why on "
                             "a line of its own (default: one line per finding, or the settings' show-source).")(f)



def exit_options(f: Callable[..., Any]) -> Callable[..., Any]:
    """How findings decide the exit code: `--fail-on` and `--exit-zero`."""
    f = click.option("--fail-on", type=click.Choice(["error", "warning", "info"]), default="warning",
                     show_default=True, help="Exit 1 for findings of this severity or worse.")(f)
    f = click.option("--exit-zero", is_flag=True, help="Exit 0 even when there are findings.")(f)
    return f



class MainGroup(LocalizedGroup):
    """The `glossary` group: localized, quick to exit, and clean when interrupted."""

    def main(self, *args: Any, **kwargs: Any) -> Any:  # type: ignore[override]
        import signal
        import threading

        skip_exit_sweep()
        if threading.current_thread() is not threading.main_thread():
            return super().main(*args, **kwargs)
        # click would turn KeyboardInterrupt into "Aborted!" and exit 1, the code for findings.
        previous = {sig: signal.signal(sig, _on_signal) for sig in (signal.SIGINT, signal.SIGTERM)}
        try:
            return super().main(*args, **kwargs)
        finally:
            for sig, handler in previous.items():
                signal.signal(sig, handler)

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except command.UsageError as exc:
            if isinstance(exc, click.ClickException):
                raise
            raise UsageError(exc.message) from None  # raised by glossary.command, shown by click


# `terms` and `stats` print text or JSON whatever else is asked.
FORMAT_CHOICE = click.Choice(["text", "json", "sarif", "github", "html"])


def _report_choice() -> click.Choice:
    """Report formats of `check` and `fix`: the reporter registry's names, so a new reporter is one registry row."""
    from .reporters import FORMATS

    return click.Choice(list(FORMATS))


# Reports of findings (check, fix) also come as JSON Lines.
REPORT_CHOICE = _report_choice()


@click.group(cls=MainGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="glossary")
@locale_option
def main() -> None:
    """Check texts against the official renderings of political and diplomatic terms."""


def file_options(f: Callable[..., Any]) -> Callable[..., Any]:
    """Options of commands that read files: bilingual sources, settings files, parallel jobs."""
    f = click.option("--source", type=click.Path(dir_okay=False),
                     help="Source text of an aligned pair: line n of the one PATH translates line n of SOURCE.")(f)
    f = click.option("--source-lang", help="Language of the source text of bilingual files (BCP 47).")(f)
    f = click.option("--config", "config_file", type=click.Path(dir_okay=False),
                     help="Use this settings file for every path instead of the nearest one.")(f)
    f = click.option("--isolated", is_flag=True, help="Ignore all settings files.")(f)
    f = click.option("--exempt-quotes/--check-quotes", default=None,
                     help="Exempt marked quotations (Markdown block quotes, HTML q and blockquote) from variant findings, the default; --check-quotes checks inside them too.")(f)
    f = click.option("-j", "--jobs", type=click.IntRange(min=0), default=1, show_default=True,
                     help="Files checked in parallel (0: one per CPU).")(f)
    f = click.option("--max-file-size", "max_file_size", metavar="SIZE", callback=_size_option,
                     help="Refuse files larger than this (e.g. 64M, the default; K, M and G suffixes).")(f)
    return f


def _size_option(ctx: click.Context, param: click.Parameter, value: str | None) -> int | None:
    from .files import parse_size

    if value is None:
        return None
    try:
        return parse_size(value)
    except ValueError:
        raise click.BadParameter(_("{value} is not a size (use a number of bytes or a suffix K, M, G)")
                                 .format(value=value)) from None



@main.command()
@click.argument("paths", nargs=-1, required=True)
@termbase_options
@input_options
@file_options
@click.option("--format", "fmt", type=REPORT_CHOICE, default="text", show_default=True, help="Output format.")
@exit_options
@click.option("-q", "--quiet", is_flag=True, help="One line per finding, no context and no summary.")
@show_source_option
@click.option("--explain", is_flag=True, help="Under each finding, the concept's whole note and every source.")
@click.option("--statistics", is_flag=True,
              help="Count findings per code and concept instead of listing them; with --source or bilingual files, "
                   "also per concept how often the source names it and how the translation renders it.")
@click.option("--scheduler", metavar="ADDRESS",
              help="Check on the Dask cluster at ADDRESS (tcp://HOST:PORT), findings streamed as JSON Lines.")
@click.option("--max-per-segment", type=click.IntRange(min=0), metavar="N",
              help="List at most N findings of one code and concept per segment, then one more-findings note "
                   "(default 1000, or the settings file's max-per-segment; 0: list all).")
def check(paths: tuple[str, ...], termbases: tuple[str, ...], no_default: bool, lang: str | None,
          encoding: str | None, fix_encoding: bool, source: str | None, source_lang: str | None,
          config_file: str | None, isolated: bool, exempt_quotes: bool | None, jobs: int, max_file_size: int | None,
          fmt: str, exit_zero: bool, fail_on: str, quiet: bool, show_source: bool | None, explain: bool,
          statistics: bool, scheduler: str | None, max_per_segment: int | None) -> None:
    """Report unofficial renderings in PATHS (files, folders, or - for stdin)."""
    from .command import check_paths

    check_paths(paths, termbases, no_default, lang, encoding, fix_encoding, source, source_lang, config_file,
                isolated, exempt_quotes, jobs, max_file_size, fmt, exit_zero, fail_on, quiet, show_source, explain,
                statistics, scheduler, max_per_segment)



@main.command()
@click.argument("paths", nargs=-1, required=True)
@termbase_options
@input_options
@file_options
@click.option("--diff", is_flag=True, help="Show the changes as a unified diff; write nothing. Only the diff goes to stdout.")
@click.option("--unsafe-fixes", is_flag=True,
              help="Also rewrite unlisted variants found by concept signatures (unlisted-variant).")
@click.option("--format", "fmt", type=REPORT_CHOICE, default="text", show_default=True, help="Output format of what is left.")
@exit_options
@click.option("-q", "--quiet", is_flag=True, help="No line per fixed file; what is left, one line per finding.")
@show_source_option
def fix(paths: tuple[str, ...], termbases: tuple[str, ...], no_default: bool, lang: str | None,
        encoding: str | None, fix_encoding: bool, source: str | None, source_lang: str | None,
        config_file: str | None, isolated: bool, exempt_quotes: bool | None, jobs: int, max_file_size: int | None,
        diff: bool, unsafe_fixes: bool, fmt: str, exit_zero: bool, fail_on: str, quiet: bool,
        show_source: bool | None) -> None:
    """Rewrite deprecated and superseded renderings in PATHS in place."""
    from .runner import stream

    settings = settings_for(paths, termbases, no_default, lang, encoding, fix_encoding, source, source_lang,
                            config_file, isolated, exempt_quotes, fix=True, max_size=max_file_size,
                            unsafe_fixes=unsafe_fixes)
    # Each file is written as it is fixed and let go; only the findings left (and the texts they sit in) are kept.
    run = Run()
    written: set[tuple[int, int]] = set()
    quoted = wants_source(show_source, paths, settings)
    # Large plain-text files are fixed a window at a time (no whole text: no diff, no quoted lines).
    chunked = not diff and fmt != "html" and (fmt != "text" or quiet or not quoted)
    for outcome in stream(inputs(paths, max_file_size), settings, jobs, chunked=chunked):
        if outcome.document is not None:
            run.files.append(outcome.document.path)
            run.findings.extend(outcome.findings)
            run.tally(outcome.findings)
            if outcome.text and (outcome.findings or fmt == "html"):  # the page draws every file
                run.sources[outcome.document.path] = outcome.text
            if fmt == "html":
                run.pairs.update(bilingual_rows((outcome,)))
        if outcome.error is not None:
            run.error(outcome.error)
        elif (outcome.fixed_text is not None or outcome.fixed_data is not None) and outcome.document is not None:
            if save_fix(outcome, diff, run, written, quiet):
                run.fixed.append(outcome.document.path)
        for edit, why in outcome.refused:
            click.echo(_("{path}: not fixed at offset {offset}: {why}").format(
                path=outcome.path, offset=edit.span.start, why=why), err=True)
    if run.findings:
        # With --diff (or stdin) stdout carries the changed text only; what is left goes to stderr.
        emit(run, fmt, verbose=not quiet, err=diff or STDIN in paths, show_source=quoted)
    code = exit_code(run, exit_zero, fail_on)
    # A fix that changed a file fails the hook run (as pre-commit expects); one that changed nothing does not.
    sys.exit(EXIT_FINDINGS if code == EXIT_CLEAN and run.fixed and not exit_zero else code)


@main.command()
@click.argument("paths", nargs=-1, required=True)
@termbase_options
@input_options
@file_options
@click.option("--format", "fmt", type=click.Choice(["text", "json", "csv"]), default="text", show_default=True,
              help="Output format.")
@click.option("--yaml", "as_yaml", is_flag=True,
              help="Write term-base entries (deprecated, each with an example) ready to paste, instead of the list.")
def variants(paths: tuple[str, ...], termbases: tuple[str, ...], no_default: bool, lang: str | None,
             encoding: str | None, fix_encoding: bool, source: str | None, source_lang: str | None,
             config_file: str | None, isolated: bool, exempt_quotes: bool | None, jobs: int, max_file_size: int | None,
             fmt: str, as_yaml: bool) -> None:
    """List the unlisted variants in PATHS by concept, most frequent first, with one context line each."""
    from . import variantlist
    from .runner import run as run_inputs

    settings = settings_for(paths, termbases, no_default, lang, encoding, fix_encoding, source, source_lang,
                            config_file, isolated, exempt_quotes, max_size=max_file_size)
    result = run_inputs(inputs(paths, max_file_size), settings, jobs)
    run = Run.of(result)
    for error in result.errors:
        run.error(error)
    groups = variantlist.collect((o.document, o.findings) for o in result if o.document is not None)
    if as_yaml:
        click.echo(variantlist.render_yaml(groups, load_termbase(termbases, no_default)), nl=False)
    elif fmt == "json":
        click.echo(variantlist.render_json(groups), nl=False)
    elif fmt == "csv":
        click.echo(variantlist.render_csv(groups), nl=False)
    else:
        click.echo(variantlist.render_text(groups), nl=False)
    sys.exit(EXIT_ERROR if run.errors else EXIT_CLEAN)


def save_fix(outcome: Any, diff: bool, run: Run, written: set[tuple[int, int]], quiet: bool = False) -> bool:
    """Print (stdin), show as a diff (`--diff`) or write one fixed file.

    True when the file counts as fixed (written, or shown as a diff): stdin
    is printed, not fixed in place, and a failed write is an error. `written`
    holds the (device, inode) of files written so far: a file met again under
    a second name (a link) is written once.
    """
    import difflib

    from . import writers

    document, text = outcome.document, outcome.fixed_text
    if document.path == "<stdin>":
        click.echo(text, nl=False)
        return False
    if diff:
        click.echo("".join(difflib.unified_diff(
            document.text.splitlines(keepends=True), text.splitlines(keepends=True),
            fromfile=f"a/{document.path}", tofile=f"b/{document.path}")), nl=False)
    else:
        try:
            if writers.identity(document.path) in written:
                return False
            if outcome.fixed_data is not None:
                writers.write_bytes(document, outcome.fixed_data, read_as=outcome.stamp)
            else:
                writers.write(document, text, read_as=outcome.stamp)
            written.add(writers.identity(document.path))
        except GlossaryError as exc:
            run.error(exc)
            return False
        if not quiet:
            click.echo(ngettext("Fixed {n} finding in {path}", "Fixed {n} findings in {path}", outcome.fixes)
                       .format(n=outcome.fixes, path=document.path), err=True)
    return True


@main.command()
@click.argument("path", required=False, type=click.Path(dir_okay=False))
@termbase_options
@click.option("--lang", help="Language of the text (BCP 47), else guessed from the script.")
@click.option("--fix-encoding", is_flag=True, help="Repair encoding damage (mojibake) too.")
@click.option("--stdin-filename", help="Name of the file read on stdin: its extension gives the format (a .po keeps its msgids).")
@click.option("--encoding", help="Encoding of the input (default UTF-8, BOM honoured).")
def normalize(path: str | None, termbases: tuple[str, ...], no_default: bool, lang: str | None, fix_encoding: bool,
              stdin_filename: str | None, encoding: str | None) -> None:
    """Write PATH (or stdin) to stdout with variants replaced; a PATH or --stdin-filename gives the format."""
    # Only what the format's reader checks is rewritten (PO: msgstr, never msgid);
    # stdin without a name is plain text, as before.
    from . import normalize as normalize_text
    from . import readers

    if path is not None and stdin_filename is not None:
        raise UsageError(_("--stdin-filename names stdin; it cannot be used with a PATH"))
    tb = load_termbase(termbases, no_default, shared=True)
    tag = option_tag(lang)
    if path is None and stdin_filename is None:
        try:
            text, _enc, _bom = readers.decode(sys.stdin.buffer.read(), "<stdin>", encoding)
        except GlossaryError as exc:
            raise fail(exc) from None
        click.echo(normalize_text(text, tag, tb, fix_encoding=fix_encoding), nl=False)
        return
    from . import writers
    from .runner import Input, Settings, one

    item = Input(path) if path is not None else Input(stdin_filename or "<stdin>", data=sys.stdin.buffer.read())
    settings = Settings(termbases=termbases, no_default=no_default, lang=lang, encoding=encoding,
                        fix_encoding=fix_encoding, fix=True)
    outcome = one(item, settings)
    if outcome.error is not None:
        raise fail(outcome.error)
    assert outcome.document is not None and outcome.text is not None
    try:
        data = writers.encode(outcome.document, outcome.text)
    except GlossaryError as exc:
        raise fail(exc) from None
    sys.stdout.flush()
    sys.stdout.buffer.write(data)
    sys.stdout.buffer.flush()


@main.command()
@click.argument("query")
@termbase_options
@click.option("--lang", help="Language of QUERY (BCP 47), else guessed from the script.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="Output format.")
def terms(query: str, termbases: tuple[str, ...], no_default: bool, lang: str | None, fmt: str) -> None:
    """Look a concept up by its id or any rendering, in any form check finds (partial queries too)."""
    from .lookup import render_json, render_text, search

    tb = load_termbase(termbases, no_default)
    found = search(tb, query, option_tag(lang))
    if fmt == "json":
        click.echo(render_json(found), nl=False)
    elif found:
        color = use_color(sys.stdout)
        click.echo(render_text(found, color=color), nl=False, color=color)
    if not found:
        click.echo(_('No concept matches "{query}".').format(query=query), err=True)
        sys.exit(EXIT_FINDINGS)


@main.command()
@termbase_options
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on; anything but a loopback address needs --allow-remote.")
@click.option("--port", default=8765, show_default=True, type=click.IntRange(0, 65535), help="Port to listen on.")
@click.option("--allow-remote", is_flag=True, help="Let other machines reach the page (it has no login).")
@click.option("--max-upload", default=10, show_default=True, type=click.IntRange(1, 1024),
              help="Largest upload in MB.")
def serve(termbases: tuple[str, ...], no_default: bool, host: str, port: int, allow_remote: bool,
          max_upload: int) -> None:
    """Serve the checker as a local web page: paste or drop a draft, accept fixes, download the file."""
    try:
        import starlette  # noqa: F401
        import uvicorn  # noqa: F401
    except ImportError:
        raise click.UsageError(_("the web page needs its extra: pip install 'zh-glossary-check[web]'")) from None
    from . import serve as desk
    if not desk.is_local(host) and not allow_remote:
        raise click.UsageError(_("{host} is not a loopback address: add --allow-remote to serve other machines")
                               .format(host=host))
    from .runner import Settings

    load_termbase(termbases, no_default)  # a broken term base stops here, with its one line
    state = desk.Desk(settings=Settings(termbases=termbases, no_default=no_default),
                      max_upload=max_upload * 1024 * 1024)
    click.echo(_("Serving on http://{host}:{port}/ (Ctrl+C to stop)").format(host=host, port=port), err=True)
    desk.serve(host, port, state)


@main.command()
@click.argument("query")
@termbase_options
def explain(query: str, termbases: tuple[str, ...], no_default: bool) -> None:
    """A concept's whole note, every rendering and every source (QUERY: an id or any rendering)."""
    from .lookup import render_text, search

    tb = load_termbase(termbases, no_default)
    found = search(tb, query)
    if not found:
        click.echo(_('No concept matches "{query}".').format(query=query), err=True)
        sys.exit(EXIT_FINDINGS)
    color = use_color(sys.stdout)
    click.echo(render_text(found, color=color, sources=True), nl=False, color=color)


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(dir_okay=False))
@termbase_options
@click.option("--strict", is_flag=True, help="Treat warnings (a preferred rendering without a source) as errors.")
def validate(paths: tuple[str, ...], termbases: tuple[str, ...], no_default: bool, strict: bool) -> None:
    """Validate term bases and run every concept's examples (default: the shipped one)."""
    from .examples import run_examples
    from .termbase import load

    # A PATH is judged as `--termbase PATH` would use it: on top of the shipped
    # term base unless --no-default.
    files = list(termbases) + list(paths)
    default = not no_default
    try:
        tb = load(files, default=default)
    except TermBaseErrors as exc:
        for error in exc.errors:
            click.echo(error_line(error), err=True)
        sys.exit(EXIT_ERROR)
    except GlossaryError as exc:
        raise fail(exc) from None
    errors = run_examples(tb)
    for error in errors:
        click.echo(error_line(error), err=True)
    for warning in tb.warnings:
        click.echo(warning_line(warning), err=True)
    examples = sum(len(c.examples) for c in tb.concepts)
    terms_n = sum(len(c.terms) for c in tb.concepts)
    counts = [
        ngettext("{n} concept", "{n} concepts", len(tb.concepts)).format(n=len(tb.concepts)),
        ngettext("{n} term", "{n} terms", terms_n).format(n=terms_n),
        ngettext("{n} example", "{n} examples", examples).format(n=examples),
        ngettext("{n} error", "{n} errors", len(errors)).format(n=len(errors)),
        ngettext("{n} warning", "{n} warnings", len(tb.warnings)).format(n=len(tb.warnings)),
    ]
    # TRANSLATORS: the validate summary; each piece is a count with its noun ("3 concepts").
    click.echo(_("{concepts}, {terms}, {examples}; {errors}, {warnings}.").format(
        concepts=counts[0], terms=counts[1], examples=counts[2], errors=counts[3], warnings=counts[4]), err=True)
    if errors:
        sys.exit(EXIT_ERROR)
    if strict and tb.warnings:
        sys.exit(EXIT_FINDINGS)


@main.command()
@termbase_options
@click.option("--format", "fmt", type=FORMAT_CHOICE, default="text", show_default=True, help="Output format.")
def stats(termbases: tuple[str, ...], no_default: bool, fmt: str) -> None:
    """Coverage of the term base: concepts, terms and preferred renderings per language, share sourced."""
    from .stats import compute, render_json, render_text

    figures = compute(load_termbase(termbases, no_default))
    click.echo(render_json(figures) if fmt == "json" else render_text(figures), nl=False)


@main.command()
@termbase_options
@click.option("--output", type=click.Path(), help="Write the Markdown glossary to this file instead of stdout.")
@click.option("--check", "check_only", is_flag=True,
              help="Write nothing; exit 1 if --output is missing or not up to date.")
def docs(termbases: tuple[str, ...], no_default: bool, output: str | None, check_only: bool) -> None:
    """Generate the browsable Markdown glossary (one section per concept) from the term base."""
    from .docgen import is_current, render, save

    if check_only and output is None:
        raise UsageError(_("--check needs --output, the file to compare"))
    text = render(load_termbase(termbases, no_default))
    if output is None:
        click.echo(text, nl=False)
        return
    try:
        if check_only:
            if not is_current(Path(output), text):
                click.echo(_("{path} is not up to date: run `glossary docs --output {path}`").format(path=output), err=True)
                sys.exit(EXIT_FINDINGS)
            return
        save(Path(output), text)
    except GlossaryError as exc:
        raise fail(exc) from None


from .cli_exchange import register as _register_exchange  # noqa: E402

_register_exchange(main, termbase_options, load_termbase, UsageError)

from .cli_brief import register as _register_brief  # noqa: E402

_register_brief(main, termbase_options, load_termbase, UsageError, option_tag)

from .cli_lsp import register as _register_lsp  # noqa: E402

_register_lsp(main, termbase_options, settings_for, UsageError)

from .cli_survey import register as _register_survey  # noqa: E402

_register_survey(main, termbase_options, settings_for, UsageError, error_line, warning_line)

# `glossary check --locale ru ...` reads as naturally as `glossary --locale ru check ...`:
# every subcommand accepts the option too (LocalizedGroup has already applied it).
for _command in main.commands.values():
    locale_option(_command)
