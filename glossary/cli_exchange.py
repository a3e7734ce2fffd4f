"""`glossary export` and `glossary import`: the term base to and from TBX and Weblate CSV."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from .errors import GlossaryError
from .i18n import _, language_names, ngettext

EXPORT_FORMATS = click.Choice(["tbx", "csv"])


def _write_atomic(path: Path, text: str) -> None:
    """Write `text` to `path` through the project's one atomic writer."""
    from .writers import write_file

    path.parent.mkdir(parents=True, exist_ok=True)
    write_file(path, text.encode("utf-8"))


def _languages_line(langs: list[str]) -> str:
    return ", ".join(f"{name} ({tag})" for name, tag in zip(language_names(langs), langs))


def register(main: click.Group, termbase_options, load_termbase, UsageError) -> None:  # type: ignore[no-untyped-def]
    """Add the export and import commands to the CLI group `main`."""

    @main.command()
    @termbase_options
    @click.option("--format", "fmt", type=EXPORT_FORMATS, default="tbx", show_default=True, help="Exchange format.")
    @click.option("-o", "--output", type=click.Path(), help="File to write (a folder for CSV without --lang); default stdout.")
    @click.option("--lang", help="CSV: the one language to export (BCP 47); without it, one file per language.")
    @click.option("--source-lang", default="zh", show_default=True, help="CSV: the language of Weblate's source column.")
    def export(termbases: tuple[str, ...], no_default: bool, fmt: str, output: str | None, lang: str | None, source_lang: str) -> None:
        """Write the term base as TBX-Basic (ISO 30042:2019) or Weblate glossary CSV."""
        from .exchange import csv as csv_format
        from .exchange import tbx
        from .langtags import normalize

        tb = load_termbase(termbases, no_default)
        concepts = list(tb.concepts)
        try:
            source_lang = normalize(source_lang)
            lang = normalize(lang) if lang else None
        except ValueError as exc:
            raise UsageError(str(exc)) from None
        langs = list(tb.langs) if hasattr(tb, "langs") else sorted({t.lang for c in concepts for t in c.terms})
        if fmt == "tbx":
            _emit(tbx.export_tbx(concepts), output)
        elif lang is not None:
            _emit(csv_format.export_csv(concepts, lang, source_lang), output)
            langs = [lang]
        else:
            if output is None:
                raise UsageError(_("--output FOLDER is required to export CSV for every language (or give --lang)"))
            langs = csv_format.languages(concepts, source_lang)
            folder = Path(output)
            for each in langs:
                _write_atomic(folder / f"{each}.csv", csv_format.export_csv(concepts, each, source_lang))
        click.echo(
            ngettext("Exported {n} concept in {languages}.", "Exported {n} concepts in {languages}.", len(concepts)).format(
                n=len(concepts), languages=_languages_line(langs)
            ),
            err=True,
        )

    @main.command("import")
    @click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False))
    @click.option("-o", "--output", type=click.Path(dir_okay=False), help="Term-base YAML file to write; default stdout.")
    @click.option("--lang", help="CSV: language of a file whose name is not its language tag.")
    @click.option("--source-lang", default="zh", show_default=True, help="CSV: the language of Weblate's source column.")
    @click.option("--encoding", help="Encoding of the input files (default UTF-8, BOM honoured).")
    def import_(files: tuple[str, ...], output: str | None, lang: str | None, source_lang: str, encoding: str | None) -> None:
        """Read TBX (2019 or 2008) or Weblate glossary CSV files and write term-base YAML."""
        from .exchange import csv as csv_format
        from .exchange import tbx, yamlwriter
        from .langtags import normalize
        from .readers import decode, read_bytes
        from .termbase import loads

        try:
            concepts = []
            csv_files = []
            for path in files:
                data = read_bytes(path)
                if path.lower().endswith(".csv"):
                    text, _enc, _bom = decode(data, path, encoding)
                    tag = lang or Path(path).stem
                    try:
                        tag = normalize(tag)
                    except ValueError:
                        raise UsageError(_('{path}: cannot tell the language from the file name; give --lang').format(path=path)) from None
                    csv_files.append((path, tag, text))
                else:
                    concepts.extend(tbx.import_tbx(data, path))
            if csv_files:
                concepts.extend(csv_format.import_csv(csv_files, normalize(source_lang)))
            text = yamlwriter.dump(concepts)
            loads(text, output or "<stdout>")  # refuse to write a term base that would not load
        except GlossaryError as exc:
            raise UsageError(str(exc)) from None
        if output is None:
            click.echo(text, nl=False)
        else:
            _write_atomic(Path(output), text)
        langs = list(dict.fromkeys(t.lang for c in concepts for t in c.terms))
        click.echo(
            ngettext("Imported {n} concept in {languages}.", "Imported {n} concepts in {languages}.", len(concepts)).format(
                n=len(concepts), languages=_languages_line(langs)
            ),
            err=True,
        )


def _emit(text: str, output: str | None) -> None:
    if output is None:
        # Bytes, so CSV's CRLF line ends reach the file unchanged on every platform.
        sys.stdout.flush()
        sys.stdout.buffer.write(text.encode("utf-8"))
        sys.stdout.buffer.flush()
    else:
        _write_atomic(Path(output), text)
