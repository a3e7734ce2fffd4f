"""`glossary export` and `glossary import`: the term base to and from TBX and Weblate CSV."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from .errors import GlossaryError
from .i18n import _, language_names, ngettext

EXPORT_FORMATS = click.Choice(["tbx", "csv", "deepl", "google", "google-terms", "amazon"])
ENGINE_FORMATS = ("deepl", "google", "google-terms", "amazon")


def _write_atomic(path: Path, text: str) -> None:
    """Write `text` to `path` through the project's one atomic writer."""
    from .writers import write_file

    path.parent.mkdir(parents=True, exist_ok=True)
    write_file(path, text.encode("utf-8"))


def _languages_line(langs: list[str]) -> str:
    return ", ".join(f"{name} ({tag})" for name, tag in zip(language_names(langs), langs))


def register(main: click.Group, termbase_options, load_termbase, UsageError) -> None:  # type: ignore[no-untyped-def]
    """Add the export and import commands to the CLI group `main`: options here, the work in `_export`/`_import`."""

    @main.command()
    @termbase_options
    @click.option("--format", "fmt", type=EXPORT_FORMATS, default="tbx", show_default=True, help="Exchange format.")
    @click.option("-o", "--output", type=click.Path(), help="File to write (a folder for CSV without --lang); default stdout.")
    @click.option("--lang", help="CSV: the one language to export (BCP 47); without it, one file per language. "
                  "Engines: the target language; amazon and google-terms take several, comma-separated.")
    @click.option("--source-lang", default="zh", show_default=True, help="CSV: the language of Weblate's source column; engines: the source language.")
    @click.option("--concepts", "concept_ids", help="Export only these concepts (comma-separated ids).")
    @click.option("--from-brief", "from_brief", type=click.Path(dir_okay=False),
                  help="Export only the concepts a source text names (the text, or its brief from `glossary brief --format json`).")
    def export(termbases: tuple[str, ...], no_default: bool, fmt: str, output: str | None, lang: str | None, source_lang: str,
               concept_ids: str | None, from_brief: str | None) -> None:
        """Write the term base as TBX-Basic (ISO 30042:2019), Weblate glossary CSV, or a machine translation engine's glossary."""
        _export(load_termbase(termbases, no_default), fmt, output, lang, source_lang, concept_ids, from_brief, UsageError)

    @main.command("import")
    @click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False))
    @click.option("-o", "--output", type=click.Path(dir_okay=False), help="Term-base YAML file to write; default stdout.")
    @click.option("--lang", help="CSV: language of a file whose name is not its language tag.")
    @click.option("--source-lang", default="zh", show_default=True, help="CSV: the language of Weblate's source column.")
    @click.option("--encoding", help="Encoding of the input files (default UTF-8, BOM honoured).")
    def import_(files: tuple[str, ...], output: str | None, lang: str | None, source_lang: str, encoding: str | None) -> None:
        """Read TBX (2019 or 2008) or Weblate glossary CSV files and write term-base YAML."""
        _import(files, output, lang, source_lang, encoding, UsageError)


def _export(tb, fmt: str, output: str | None, lang: str | None, source_lang: str,  # type: ignore[no-untyped-def]
            concept_ids: str | None, from_brief: str | None, UsageError) -> None:
    """`glossary export`: TBX, Weblate CSV (one language, or a file per language), or an engine's glossary."""
    from .exchange import csv as csv_format
    from .exchange import tbx
    from .langtags import normalize

    try:
        source_lang = normalize(source_lang)
        if fmt in ENGINE_FORMATS:
            targets = [normalize(part.strip()) for part in (lang or "").split(",") if part.strip()]
            lang = None
        else:
            lang = normalize(lang) if lang else None
    except ValueError as exc:
        raise UsageError(str(exc)) from None
    try:
        concepts = _selected(tb, list(tb.concepts), concept_ids, from_brief, source_lang)
    except GlossaryError as exc:
        raise UsageError(str(exc)) from None
    if fmt in ENGINE_FORMATS:
        _export_engine(tb, concepts, fmt, source_lang, targets, output, UsageError)
        return
    langs = list(tb.langs)
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


def _import(files: tuple[str, ...], output: str | None, lang: str | None, source_lang: str,  # type: ignore[no-untyped-def]
            encoding: str | None, UsageError) -> None:
    """`glossary import`: TBX and Weblate CSV files to term-base YAML, refused unless it loads."""
    from .exchange import yamlwriter
    from .termbase import loads

    try:
        concepts = _imported(files, lang, source_lang, encoding, UsageError)
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


def _imported(files: tuple[str, ...], lang: str | None, source_lang: str, encoding: str | None,  # type: ignore[no-untyped-def]
              UsageError) -> list:
    """The concepts of every file: TBX ones in file order, then all CSV files' together (one per language)."""
    from .exchange import csv as csv_format
    from .exchange import tbx
    from .langtags import normalize
    from .readers import decode, read_bytes

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
    return concepts


def _selected(tb, concepts: list, concept_ids: str | None, from_brief: str | None, source_lang: str) -> list:  # type: ignore[no-untyped-def]
    """The concepts to export: all, or those named with --concepts or by a source text (--from-brief)."""
    wanted: list[str] | None = None
    if concept_ids is not None:
        wanted = [c.strip() for c in concept_ids.split(",") if c.strip()]
        unknown = [c for c in wanted if c not in tb]
        if unknown:
            raise GlossaryError(_("--concepts: no concept {ids} in the term base").format(ids=", ".join(unknown)))
    if from_brief is not None:
        named = _brief_concepts(tb, from_brief, source_lang)
        wanted = named if wanted is None else [c for c in wanted if c in named]
    if wanted is None:
        return concepts
    keep = set(wanted)
    return [c for c in concepts if c.id in keep]


def _brief_concepts(tb, path: str, source_lang: str) -> list[str]:  # type: ignore[no-untyped-def]
    """Concept ids of a brief in JSON, or of the brief of a source text in any readable format."""
    import json

    from .cli_brief import brief_of
    from .readers import decode, read_bytes

    data = read_bytes(path)
    if path.lower().endswith(".json"):
        text, _enc, _bom = decode(data, path)
        try:
            doc = json.loads(text)
            ids = [item["concept"] for item in doc]
        except (ValueError, TypeError, KeyError) as exc:
            raise GlossaryError(_("not a brief in JSON (a list of objects with \"concept\"): {error}").format(error=exc), path) from None
        unknown = [c for c in ids if c not in tb]
        if unknown:
            raise GlossaryError(_("no concept {ids} in the term base").format(ids=", ".join(unknown)), path)
        return ids
    _lang, entries = brief_of(tb, path, None, source_lang, [])
    return [e.concept for e in entries]


def _export_engine(tb, concepts: list, fmt: str, source_lang: str, targets: list[str], output: str | None,  # type: ignore[no-untyped-def]
                   UsageError) -> None:
    """Write one engine's glossary; the file variant (TSV, CSV, TMX) follows the output's extension."""
    from .exchange import amazon, deepl, google
    from .exchange.mt import build
    from .preference import house_style

    module = {"deepl": deepl, "google": google, "google-terms": google, "amazon": amazon}[fmt]
    if not targets:
        raise UsageError(_("--format {fmt} needs --lang, the target language").format(fmt=fmt))
    several = fmt in ("amazon", "google-terms")
    if len(targets) > 1 and not several:
        raise UsageError(_("--format {fmt} takes one target language (one file per language pair)").format(fmt=fmt))
    if fmt == "amazon" and len(targets) > amazon.MAX_TARGETS:
        raise UsageError(_("Amazon Translate takes at most {n} target languages").format(n=amazon.MAX_TARGETS))
    if source_lang in targets:
        raise UsageError(_("the target language {lang} is the source language").format(lang=source_lang))
    suffix = Path(output).suffix.lower().lstrip(".") if output else ""
    variants = ("csv",) if fmt == "google-terms" else module.VARIANTS
    if suffix and suffix not in variants:
        raise UsageError(_("--format {fmt} writes {variants} files, not .{suffix}").format(
            fmt=fmt, variants=", ".join(f".{v}" for v in variants), suffix=suffix))
    variant = suffix or variants[0]
    try:
        # The engine gets the project's house renderings (`prefer` in the settings nearest the output).
        tb = house_style(tb, output or ".")
    except GlossaryError as exc:
        raise UsageError(str(exc)) from None
    concepts = [tb.concept(c.id) for c in concepts]
    glossary = build(tb, concepts, source_lang, targets, module.LIMITS, every_target=fmt == "amazon")
    try:
        text = google.render_term_sets(glossary) if fmt == "google-terms" else module.render(glossary, variant)
    except GlossaryError as exc:
        raise UsageError(str(exc)) from None
    _emit(text, output)
    for note in glossary.dropped:
        click.echo(_("glossary: warning: left out: {note}").format(note=note), err=True)
    covered = len({p.concept for p in glossary.pairs})
    entries = covered if fmt == "google-terms" else len(glossary.pairs)
    click.echo(
        ngettext("Exported {entries} entries for {n} concept ({source} to {targets}).",
                 "Exported {entries} entries for {n} concepts ({source} to {targets}).", covered).format(
            entries=entries, n=covered, source=source_lang, targets=", ".join(targets)),
        err=True,
    )
    if glossary.uncovered:
        click.echo(ngettext("{n} concept has no preferred rendering in the target language.",
                            "{n} concepts have no preferred rendering in the target language.",
                            len(glossary.uncovered)).format(n=len(glossary.uncovered)), err=True)


def _emit(text: str, output: str | None) -> None:
    if output is None:
        # Bytes, so CSV's CRLF line ends reach the file unchanged on every platform.
        sys.stdout.flush()
        sys.stdout.buffer.write(text.encode("utf-8"))
        sys.stdout.buffer.flush()
    else:
        _write_atomic(Path(output), text)
