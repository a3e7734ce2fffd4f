"""`glossary brief`: the term brief of a source text, before it is translated."""

from __future__ import annotations

import sys

import click

from .errors import GlossaryError
from .i18n import _

BRIEF_FORMATS = click.Choice(["text", "markdown", "json", "csv", "prompt"])


def read_source(path: str, encoding: str | None, source_lang: str | None):  # type: ignore[no-untyped-def]
    """The source document at `path` (- for stdin)."""
    from . import readers

    if path == "-":
        return readers.load("<stdin>", sys.stdin.buffer.read(), encoding=encoding, lang=source_lang)
    return readers.read(path, encoding=encoding, lang=source_lang)


def brief_of(tb, path: str, encoding: str | None, source_lang: str | None, targets: list[str]):  # type: ignore[no-untyped-def]
    """(source language, entries) for the file at `path`; raises GlossaryError on bad input."""
    from .briefing import build, source_texts
    from .script import guess_lang

    document = read_source(path, encoding, source_lang)
    texts = source_texts(document)
    lang = source_lang or next((s.source_lang for s in document.segments if s.source_text is not None and s.source_lang), None) \
        or guess_lang("\n".join(texts))
    return lang, build(tb, texts, lang, targets)


def register(main: click.Group, termbase_options, load_termbase, UsageError, option_tag) -> None:  # type: ignore[no-untyped-def]
    """Add the brief command to the CLI group `main`."""

    @main.command()
    @click.argument("source")
    @termbase_options
    @click.option("--to", "targets", multiple=True, required=True,
                  help="A target language (BCP 47); repeatable.")
    @click.option("--source-lang", help="Language of the source text (BCP 47), else read from the file or guessed from the script.")
    @click.option("--encoding", help="Encoding of the input files (default UTF-8, BOM honoured).")
    @click.option("--format", "fmt", type=BRIEF_FORMATS, default="text", show_default=True, help="Output format.")
    def brief(source: str, termbases: tuple[str, ...], no_default: bool, targets: tuple[str, ...],
              source_lang: str | None, encoding: str | None, fmt: str) -> None:
        """List the concepts SOURCE names, with the renderings to use and to avoid in each target language."""
        from .briefing.formats import FORMATS

        from .preference import house_style

        tb = load_termbase(termbases, no_default)
        langs = list(dict.fromkeys(option_tag(t, "--to") for t in targets))
        src = option_tag(source_lang, "--source-lang")
        try:
            tb = house_style(tb, "." if source == "-" else source)
            lang, entries = brief_of(tb, source, encoding, src, langs)  # type: ignore[arg-type]
        except GlossaryError as exc:
            raise UsageError(str(exc)) from None
        text = FORMATS[fmt](entries, lang, langs)  # type: ignore[arg-type]
        if text:
            click.echo(text, nl=False)
        if not entries:
            click.echo(_("{path} names no concept of the term base.").format(
                path="<stdin>" if source == "-" else source), err=True)
