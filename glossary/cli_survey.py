"""`glossary survey`: counts of each concept's renderings across a corpus, in process or on Dask."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from .i18n import _


def register(main: click.Group, termbase_options, settings_for, UsageError, error_line, warning_line) -> None:  # type: ignore[no-untyped-def]
    """Add the survey command to the CLI group `main`."""

    @main.command()
    @click.argument("corpus", nargs=-1, required=True)
    @termbase_options
    @click.option("--lang", help="Language of the text (BCP 47), else read from the file or guessed from the script.")
    @click.option("--config", "config_file", type=click.Path(dir_okay=False),
                  help="Use this settings file instead of the one nearest the first CORPUS path.")
    @click.option("--isolated", is_flag=True, help="Ignore all settings files.")
    @click.option("--format", "fmt", type=click.Choice(["csv", "json"]), default="csv", show_default=True,
                  help="Output format.")
    @click.option("--output", type=click.Path(dir_okay=False), help="Write the counts to this file instead of stdout.")
    @click.option("--charts", type=click.Path(file_okay=False),
                  help="Draw each concept's renderings by year into this folder (PNG, SVG, index.html).")
    @click.option("--date-from", metavar="REGEX",
                  help="Take a file's year from this regular expression on its path (group `year` or the first group).")
    @click.option("--workers", type=click.IntRange(min=1), help="Run on a local Dask cluster of N worker processes.")
    @click.option("--scheduler", metavar="ADDRESS", help="Run on the Dask cluster at ADDRESS (tcp://HOST:PORT).")
    def survey(corpus: tuple[str, ...], termbases: tuple[str, ...], no_default: bool, lang: str | None,
               config_file: str | None, isolated: bool, fmt: str, output: str | None, charts: str | None,
               date_from: str | None, workers: int | None, scheduler: str | None) -> None:
        """Count how often CORPUS uses each rendering of each concept, by year, folder and file."""
        _check_options(corpus, date_from, workers, scheduler, UsageError)
        settings = settings_for((), termbases, no_default, lang, None, False, None, None, config_file, isolated, False)
        total = _count(corpus, settings, date_from, workers, scheduler, UsageError)
        _report(total, fmt, output, charts, UsageError, error_line, warning_line)


def _check_options(corpus: tuple[str, ...], date_from: str | None, workers: int | None, scheduler: str | None,  # type: ignore[no-untyped-def]
                   UsageError) -> None:
    """Usage errors before anything is read: one cluster, a date pattern that compiles, every CORPUS path there."""
    from .survey.dates import compile_pattern

    if workers is not None and scheduler is not None:
        raise UsageError(_("--workers and --scheduler cannot be used together"))
    try:
        compile_pattern(date_from)
    except ValueError as exc:
        raise UsageError(str(exc)) from None
    missing = [p for p in corpus if not os.path.exists(p)]
    if missing:
        raise UsageError(_("{path}: no such file or folder").format(path=missing[0]))


def _count(corpus: tuple[str, ...], settings, date_from: str | None, workers: int | None,  # type: ignore[no-untyped-def]
           scheduler: str | None, UsageError):
    """The survey's totals, counted in process or on the Dask cluster asked for."""
    from .discover import walk
    from .errors import GlossaryError
    from .survey import charts as drawing
    from .survey.count import compile_survey
    from .survey.scale import executor, survey as run_survey

    try:
        compiled = compile_survey(corpus[0], settings, date_from)
    except GlossaryError as exc:
        raise UsageError(str(exc)) from None
    try:
        runner = executor(workers, scheduler)
    except ImportError:
        raise UsageError(_("--workers and --scheduler need the survey extra: {hint}").format(
            hint=drawing.HINT)) from None
    except OSError as exc:
        raise UsageError(_("cannot reach the Dask scheduler: {reason}").format(reason=exc)) from None
    try:
        return run_survey(walk(corpus), compiled, runner)
    finally:
        runner.close()


def _report(total, fmt: str, output: str | None, charts: str | None, UsageError, error_line, warning_line) -> None:  # type: ignore[no-untyped-def]
    """The counts to stdout or `output`, the charts if asked and possible, then the files that could not be read."""
    from .errors import GlossaryError
    from .survey import charts as drawing
    from .survey.report import FORMATS
    from .writers import write_file

    text = FORMATS[fmt](total)
    if output is None:
        click.echo(text, nl=False)
    else:
        try:
            write_file(output, text.encode("utf-8"))  # the project's one atomic writer
        except GlossaryError as exc:
            raise UsageError(str(exc)) from None
    if not drawing.available():
        # Without the extra the counts are all there is: say how to get the charts too.
        click.echo(warning_line(_("charts (--charts FOLDER) need the survey extra: {hint}").format(
            hint=drawing.HINT)), err=True)
    elif charts is not None:
        drawing.draw(total, Path(charts))
    for error in total.errors:
        click.echo(error_line(error), err=True)
    if total.errors:
        sys.exit(2)
