"""Check or fix one file with its own settings, and many files in parallel (`--jobs`).

Each file gets the settings found for it (glossary.config), the term base those
settings name, and its reader's document; the work for one file is a pure
function of the file and the command-line choices, so files can be handed to
worker processes and their outcomes reported in the order they were named.
Nothing here prints: the CLI reports outcomes and writes fixed files.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace

from .errors import GlossaryError
from .model import Document, Finding


@dataclass(frozen=True, slots=True)
class Settings:
    """The command line's choices, the same for every file (picklable for workers)."""

    termbases: tuple[str, ...] = ()
    no_default: bool = False
    lang: str | None = None
    source_lang: str | None = None
    encoding: str | None = None
    fix_encoding: bool = False
    config_file: str | None = None
    isolated: bool = False
    source: str | None = None
    exempt_quotes: bool = False
    fix: bool = False
    unsafe_fixes: bool = False


@dataclass(frozen=True, slots=True)
class Outcome:
    """What happened to one path: findings, or an error, or skipped (binary, excluded)."""

    path: str
    document: Document | None = None
    findings: tuple[Finding, ...] = ()
    error: GlossaryError | None = None
    skipped: bool = False
    fixed_text: str | None = None
    fixes: int = 0


_TERMBASES: dict[tuple[tuple[str, ...], bool], object] = {}


def termbase_for(paths: tuple[str, ...], default: bool):  # type: ignore[no-untyped-def]
    """Load a term base once per process for each distinct (paths, default)."""
    from .termbase import load

    key = (paths, default)
    if key not in _TERMBASES:
        _TERMBASES[key] = load(list(paths), default=default)
    return _TERMBASES[key]


def prepare(path: str, settings: Settings):  # type: ignore[no-untyped-def]
    """The settings file, term base and check options that apply to `path`."""
    from . import config
    from .checks import Options
    from .langtags import option_tag

    cfg = config.resolve(path if path != "-" else ".", settings.config_file, settings.isolated)
    tb = termbase_for(cfg.termbases + settings.termbases, cfg.default_termbase and not settings.no_default)

    options = Options(
        fix_encoding=settings.fix_encoding,
        lang=option_tag(settings.lang, "--lang") or cfg.lang,
        source_lang=option_tag(settings.source_lang, "--source-lang") or cfg.source_lang,
        disable=cfg.disable, disable_concepts=cfg.disable_concepts, severity=cfg.severity,
        exempt_quotes=True if settings.exempt_quotes else cfg.exempt_quotes,
        unsafe_fixes=settings.unsafe_fixes,
    )
    return cfg, tb, options


def read(path: str, named: bool, settings: Settings, options, data: bytes | None = None) -> Document | None:  # type: ignore[no-untyped-def]
    """The document at `path` (the target of an aligned pair with `--source`), None for a skipped binary."""
    from . import readers

    if settings.source is not None:
        return readers.load_pair(settings.source, readers.read_bytes(settings.source), path,
                                 data if data is not None else readers.read_bytes(path), encoding=settings.encoding,
                                 lang=options.lang, source_lang=options.source_lang)
    if data is None:
        data = readers.read_bytes(path)
    if not named and readers.is_binary(data):
        return None
    return readers.load(path, data, encoding=settings.encoding, lang=options.lang, source_lang=options.source_lang)


def reread(document: Document, text: str, settings: Settings, options) -> Document:  # type: ignore[no-untyped-def]
    """Parse fixed text again in the document's own format: a fix that breaks the file is an error."""
    from . import readers, writers

    data = writers.encode(document, text)
    if document.format == "aligned":
        assert settings.source is not None
        return read(document.path, True, settings, options, data)
    return readers.load(document.path, data, encoding=document.encoding, lang=options.lang,
                        fmt=document.format, source_lang=options.source_lang)


def one(path: str, named: bool, settings: Settings, data: bytes | None = None) -> Outcome:
    """Check (or plan the fix of) one path; errors come back as values."""
    from . import readers
    from .checks import check_document

    try:
        cfg, tb, options = prepare(path, settings)
        if not named and cfg.excludes(path):
            return Outcome(path, skipped=True)
        document = read(path, named, settings, options, data)
        if document is None:
            return Outcome(path, skipped=True)
        if not settings.fix:
            return Outcome(path, document, tuple(check_document(document, tb, options)))
        from . import fix as fixing

        escape = readers.escape_for(document)
        text, total, current = document.text, 0, document
        # Overlapping findings are fixed over more than one pass.
        for _pass in range(4):
            edits = fixing.plan(text, check_document(current, tb, options), fix_encoding=settings.fix_encoding,
                                escape=escape)
            if not edits:
                break
            text = fixing.apply(text, edits)
            total += len(edits)
            try:
                current = reread(document, text, settings, options)
            except GlossaryError as exc:
                raise GlossaryError(f"not fixed: the fixed text would not parse ({exc.message})", path,
                                    exc.line, exc.column) from None
        return Outcome(path, document, tuple(check_document(current, tb, options)),
                       fixed_text=text if total else None, fixes=total)
    except GlossaryError as exc:
        return Outcome(path, error=exc)


def _one_packed(item: tuple[str, bool, Settings]) -> Outcome:
    return strip_document(one(*item))


def jobs_count(jobs: int) -> int:
    """`--jobs 0` means one per CPU."""
    return jobs if jobs > 0 else (os.cpu_count() or 1)


def run(items: Iterable[tuple[str, bool]], settings: Settings, jobs: int = 1) -> Iterator[Outcome]:
    """Outcomes in the order of `items`; with `jobs` > 1, files are checked in worker processes."""
    items = list(items)
    workers = min(jobs_count(jobs), len(items))
    if workers <= 1 or any(path == "-" for path, _ in items):
        for path, named in items:
            if path == "-":
                import sys

                yield one("<stdin>", True, settings, sys.stdin.buffer.read())
            else:
                yield one(path, named, settings)
        return
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    # The first file is checked here, so the term base and its matchers are loaded
    # once and inherited by forked workers instead of loaded again in each.
    first, *rest = items
    yield one(*first, settings)
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else None)
    chunk = max(1, len(rest) // (workers * 4))
    with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        yield from pool.map(_one_packed, [(p, n, settings) for p, n in rest], chunksize=chunk)


def strip_document(outcome: Outcome) -> Outcome:
    """Drop the parsed segments before an outcome crosses a process boundary (text stays)."""
    if outcome.document is None:
        return outcome
    return replace(outcome, document=replace(outcome.document, segments=()))
