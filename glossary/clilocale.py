"""Choose the UI language before click prints anything, and translate click's texts.

`--locale` is read from the raw arguments first, so that `--help`, usage errors
and every message of the run come out in one language. Help texts stay plain
English literals in cli.py; they are translated here, at display time, by
walking the command tree (tools/catalogs.py extracts them the same way).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

import click

from . import i18n

LOCALE_OPTION = "--locale"


def locale_from_args(args: Sequence[str]) -> str | None:
    """The value of `--locale X` or `--locale=X` among the group's own options."""
    for i, arg in enumerate(args):
        if arg == "--":
            break
        if arg == LOCALE_OPTION and i + 1 < len(args):
            return args[i + 1]
        if arg.startswith(LOCALE_OPTION + "="):
            return arg.split("=", 1)[1]
    return None


def walk(command: click.Command) -> Iterator[click.Command]:
    """The command and all its subcommands, depth first."""
    yield command
    if isinstance(command, click.Group):
        for name in sorted(command.commands):
            yield from walk(command.commands[name])


# The English help texts, by object, saved before the first translation replaces them.
_ORIGINALS: dict[int, dict[str, str | None]] = {}


def _helpful(command: click.Command) -> Iterator[Any]:
    for cmd in walk(command):
        yield cmd
        yield from cmd.params


def _original(obj: Any) -> dict[str, str | None]:
    return _ORIGINALS.setdefault(id(obj), {k: getattr(obj, k, None) for k in ("help", "short_help")})


def help_texts(command: click.Command) -> Iterator[str]:
    """Every help text of the tree in English, as written in the source."""
    for obj in _helpful(command):
        for text in _original(obj).values():
            if text:
                yield text


def translate_tree(command: click.Command) -> None:
    """Show each help text in the UI language (in place, from the saved English)."""
    for obj in _helpful(command):
        for key, text in _original(obj).items():
            if text:
                setattr(obj, key, i18n._(text))
    for cmd in walk(command):
        # click builds the --help option once per command, with the language of that
        # moment; drop it so it is rebuilt in the current one.
        if getattr(cmd, "_help_option", None) is not None:
            cmd._help_option = None  # type: ignore[attr-defined]


class LocalizedGroup(click.Group):
    """A click group whose `main` selects the UI language before parsing."""

    def main(self, args: Sequence[str] | None = None, *rest: Any, **kwargs: Any) -> Any:  # type: ignore[override]
        import sys

        argv = list(sys.argv[1:] if args is None else args)
        i18n.setup(locale_from_args(argv))
        i18n.localize_click()
        translate_tree(self)
        return super().main(argv, *rest, **kwargs)


def locale_option(f: Any) -> Any:
    """`--locale`: parsed early by LocalizedGroup; the option makes click accept and document it."""
    return click.option(
        LOCALE_OPTION,
        metavar="LOCALE",
        expose_value=False,
        is_eager=True,
        help="Language of the tool's messages (e.g. ru, zh_Hans); default from LANGUAGE, LC_ALL, LC_MESSAGES, LANG.",
    )(f)
