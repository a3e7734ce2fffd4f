"""The library's one entry for checking and fixing: `run(inputs, settings) -> RunResult`
(or `stream`, the same outcomes one at a time).

Every front end (the command line; later a web page, a language server) turns
what it was given into `Input`s (a file by path, or bytes or text under a
name), calls `run`, and renders the `RunResult`. Each input gets the settings
found for it (glossary.config), the term base those settings name, and its
reader's document; the work for one input is a pure function of the input and
the settings, so files can be handed to worker processes (`jobs`) and their
outcomes still come back in the order the inputs were given. Nothing here
prints, exits, reads stdin or writes files: a fix is returned as the fixed
text, and the front end decides whether to write it, show a diff or print it.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace

from .errors import GlossaryError
from .files import Stamp
from .model import Document, Edit, Finding

TYPE_CHECKING = False  # typing's own flag, without importing typing (see glossary/__init__.py)
if TYPE_CHECKING:
    from typing import Union


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
    exempt_quotes: bool | None = None  # None: as the settings say
    fix: bool = False
    max_size: int | None = None
    prefer: str | None = None
    """The house publisher (`prefer` in [tool.glossary]) chosen by the front end; overrides the file's."""
    unsafe_fixes: bool = False
    max_per_segment: int | None = None
    """Findings of one code and concept listed per segment (0: all); None: the settings file's, else
    `default_max_per_segment`."""
    default_max_per_segment: int = 0
    """The cap when neither `max_per_segment` nor a settings file names one. 0 (every finding) for the
    library, which a program reads whole; the front ends that show a person a report (`check`, the web
    page, the language server) set `glossary.checks.DEFAULT_MAX_PER_SEGMENT` (1000)."""
    chunk_size: int | None = None
    """Characters a window holds when `stream(..., chunked=True)` checks a large plain-text file a stretch at
    a time (glossary.chunks); None: the default, 0: never. Files of more than 4 chunks' bytes are chunked."""


@dataclass(frozen=True, slots=True)
class Input:
    """One thing to check: the file at `path`, or `data` (bytes) or `text` given under the name `path`.

    `named` is False for a file found by walking a folder (glossary.discover):
    settings may exclude it and binary content skips it, where a named file
    is checked whatever it is. Text is checked as UTF-8 whatever `--encoding` says.
    """

    path: str
    data: bytes | None = None
    text: str | None = None
    named: bool = True

    @property
    def in_memory(self) -> bool:
        return self.data is not None or self.text is not None


@dataclass(frozen=True, slots=True)
class Outcome:
    """What happened to one input: findings, or an error, or skipped (binary, excluded)."""

    path: str
    document: Document | None = None
    findings: tuple[Finding, ...] = ()
    """The findings; from `stream(..., chunked=True)`, a file checked in windows has them as an iterator,
    made as it is read (once), and a document without text."""
    error: GlossaryError | None = None
    skipped: bool = False
    fixed_text: str | None = None
    fixes: int = 0
    stamp: Stamp | None = None  # the file as read: a writer replaces it only if it still is
    fixed_data: bytes | None = None
    """The fixed file's bytes, as its reader wrote them (what a front end saves or offers)."""
    refused: tuple[tuple[Edit, str], ...] = ()
    """Fixes the format could not make, with why (a .docx span across differently formatted runs)."""
    pairs: tuple[tuple[str, int, int], ...] = ()
    """A bilingual document's segments as (source text, target start, target end): what the HTML report
    shows side by side, kept when the segments are dropped to cross from a worker process."""

    @property
    def text(self) -> str | None:
        """The text the findings are positioned in: the fixed text after a fix."""
        if self.fixed_text is not None:
            return self.fixed_text
        return self.document.text if self.document is not None else None


@dataclass(frozen=True, slots=True)
class RunResult:
    """What one run saw, outcome by outcome in the order of its inputs (iterating gives them)."""

    outcomes: tuple[Outcome, ...]

    def __iter__(self) -> Iterator[Outcome]:
        return iter(self.outcomes)

    def __len__(self) -> int:
        return len(self.outcomes)

    @property
    def documents(self) -> tuple[Document, ...]:
        """The documents checked (errors and skipped files have none)."""
        return tuple(o.document for o in self.outcomes if o.document is not None)

    @property
    def findings(self) -> tuple[Finding, ...]:
        return tuple(f for o in self.outcomes for f in o.findings)

    @property
    def files(self) -> tuple[str, ...]:
        return tuple(d.path for d in self.documents)

    @property
    def sources(self) -> dict[str, str]:
        """Path -> the text its findings are positioned in (for context lines and fixes)."""
        return {o.document.path: o.text for o in self.outcomes if o.document is not None and o.text is not None}

    @property
    def errors(self) -> tuple[GlossaryError, ...]:
        """Input errors with their positions; one broken settings file or term base counts once."""
        seen: dict[str, GlossaryError] = {}
        for o in self.outcomes:
            if o.error is not None:
                seen.setdefault(str(o.error), o.error)
        return tuple(seen.values())

    @property
    def changes(self) -> tuple[Outcome, ...]:
        """The outcomes whose text a fix changed (`fixed_text`, `fixes`)."""
        return tuple(o for o in self.outcomes if o.fixed_text is not None)


def termbase_for(paths: tuple[str, ...], default: bool, prefer: str | None = None):  # type: ignore[no-untyped-def]
    """Load a term base once per process for each distinct (paths, default, house publisher) (glossary.state)."""
    from .state import STATE

    key = (paths, default, prefer)
    loaded = STATE.termbases
    if key not in loaded:
        if prefer is None:
            from .termbase import load

            loaded[key] = load(list(paths), default=default)
        else:
            from . import house

            loaded[key] = house.apply(termbase_for(paths, default), prefer)
    return loaded[key]


def forget() -> None:
    """Drop every term base, matcher and settings file this process has loaded: the next run reads them again.

    The command line never needs it; a long-lived front end calls it when files may have changed.
    """
    from . import config, termbase
    from .state import STATE

    STATE.clear()
    termbase.forget()
    config.forget()


def prepare(path: str, settings: Settings):  # type: ignore[no-untyped-def]
    """The settings file, term base and check options that apply to `path`."""
    from . import config
    from .checks import Options
    from .langtags import option_tag

    cfg = config.resolve(path, settings.config_file, settings.isolated)
    paths, default = cfg.termbases + settings.termbases, cfg.default_termbase and not settings.no_default
    prefer = settings.prefer or cfg.prefer
    if prefer is not None:
        from . import house

        known = house.publishers(termbase_for(paths, default))
        if prefer not in known:
            raise config.ConfigError(
                f'"prefer": no term of the term base is recorded as used by "{prefer}" '
                f'(known: {", ".join(sorted(known)) or "none"})', cfg.path)
    tb = termbase_for(paths, default, prefer)

    options = Options(
        fix_encoding=settings.fix_encoding,
        lang=option_tag(settings.lang, "--lang") or cfg.lang,
        source_lang=option_tag(settings.source_lang, "--source-lang") or cfg.source_lang,
        disable=cfg.disable, disable_concepts=cfg.disable_concepts, severity=cfg.severity,
        exempt_quotes=cfg.exempt_quotes if settings.exempt_quotes is None else settings.exempt_quotes,
        unsafe_fixes=settings.unsafe_fixes,
        max_per_segment=next(n for n in (settings.max_per_segment, cfg.max_per_segment,
                                         settings.default_max_per_segment) if n is not None),
    )
    return cfg, tb, options


def max_size(settings: Settings, cfg) -> int:  # type: ignore[no-untyped-def]
    """The per-file size cap: `--max-file-size`, else the settings file's, else the default."""
    from .files import DEFAULT_MAX_SIZE

    return settings.max_size or cfg.max_file_size or DEFAULT_MAX_SIZE


def content(item: Input, settings: Settings, limit: int | None = None) -> tuple[bytes, str | None, Stamp | None]:
    """The input's bytes, the encoding to decode them with, and the stamp of the file read (glossary.files:
    regular files only, up to the size cap, links only inside the tree)."""
    from . import files

    if item.text is not None:
        return item.text.encode("utf-8", "surrogatepass"), "utf-8", None
    if item.data is not None:
        return item.data, settings.encoding, None
    data, stamp = files.read(files.target(item.path), limit or files.DEFAULT_MAX_SIZE)
    return data, settings.encoding, stamp


def read(item: Input, settings: Settings, options, limit: int | None = None) -> Document | None:  # type: ignore[no-untyped-def]
    """The input's document (the target of an aligned pair with `--source`), None for a skipped binary."""
    return read_stamped(item, settings, options, limit)[0]


def read_stamped(item: Input, settings: Settings, options, limit: int | None = None  # type: ignore[no-untyped-def]
                 ) -> tuple[Document | None, Stamp | None]:
    """The input's document (the target of an aligned pair with `--source`) and the stamp of its file;
    None for a skipped binary."""
    data, encoding, stamp = content(item, settings, limit)
    return document_of(item, data, encoding, settings, options, limit), stamp


def document_of(item: Input, data: bytes, encoding: str | None, settings: Settings, options,  # type: ignore[no-untyped-def]
                limit: int | None = None) -> Document | None:
    """The document in the input's bytes (None for a skipped binary); `limit` caps the size of `--source`."""
    from . import files, readers

    if settings.source is not None:
        source = files.read(files.target(settings.source), limit or files.DEFAULT_MAX_SIZE)[0]
        return readers.load_pair(settings.source, source, item.path, data, encoding=encoding, lang=options.lang,
                                 source_lang=options.source_lang)
    if not item.named and readers.bytes_reader(item.path) is None and readers.is_binary(data):
        return None
    return readers.load(item.path, data, encoding=encoding, lang=options.lang, source_lang=options.source_lang)


def reread(document: Document, data: bytes, settings: Settings, options) -> Document:  # type: ignore[no-untyped-def]
    """Parse fixed bytes again in the document's own format: a fix that breaks the file is an error."""
    from . import readers

    if document.format == "aligned":
        assert settings.source is not None
        return read(Input(document.path, data=data), settings, options)  # type: ignore[return-value]
    return readers.load(document.path, data, encoding=document.encoding, lang=options.lang,
                        fmt=document.format, source_lang=options.source_lang)


def one(item: Input, settings: Settings, chunked: bool = False) -> Outcome:
    """Check (or plan the fix of) one input; errors come back as values. `chunked`: see `stream`."""
    path = item.path
    try:
        cfg, tb, options = prepare(path, settings)
        if not item.named and cfg.excludes(path):
            return Outcome(path, skipped=True)
        limit = max_size(settings, cfg)
        data, encoding, stamp = content(item, settings, limit)
        if chunked and (not settings.fix or item.data is None):
            plan = in_windows(item, data, encoding, settings, options, tb)
            if plan is not None:
                from . import chunks

                if not settings.fix:
                    return Outcome(path, chunks.outline(plan), chunks.check(plan, tb, options), stamp=stamp)  # type: ignore[arg-type]
                from . import files, writers

                writers.sweep(os.path.dirname(os.path.abspath(files.target(path))))
                del data
                fixed = chunks.fix(plan, tb, options)
                return Outcome(path, chunks.outline(plan), fixed.left, fixes=fixed.fixes, fixed_data=fixed.data,
                               stamp=stamp)
        document = document_of(item, data, encoding, settings, options, limit)
        del data
        if document is None:
            return Outcome(path, skipped=True)
        if not settings.fix:
            from .checks import check_document

            return Outcome(path, document, tuple(check_document(document, tb, options)), stamp=stamp)
        if stamp is not None:  # a file on disk: clear what killed runs left beside it
            from . import files, writers

            writers.sweep(os.path.dirname(os.path.abspath(files.target(path))))
        return replace(fix_document(document, tb, settings, options), stamp=stamp)
    except GlossaryError as exc:
        return Outcome(path, error=exc)


def in_windows(item: Input, data: bytes, encoding: str | None, settings: Settings, options, tb):  # type: ignore[no-untyped-def]
    """The plan for checking a large plain-text input a window at a time (glossary.chunks), or None."""
    from .files import CHUNK, FROM

    size = CHUNK if settings.chunk_size is None else settings.chunk_size
    if not size or item.text is not None or settings.source is not None or len(data) <= FROM * size:
        return None
    from . import chunks, readers

    if readers.reader_for(item.path, data, None, encoding).NAME != "text":
        return None
    return chunks.plan(item.path, data, encoding, options, tb, size)


def fix_document(document: Document, tb, settings: Settings, options) -> Outcome:  # type: ignore[no-untyped-def]
    """The document fixed to a fixed point through its reader's `write`, and the findings left after."""
    from . import readers
    from . import fix as fixing
    from .checks import check_document

    reader = readers.of(document)
    written: list[bytes] = []
    refused: list[tuple[Edit, str]] = []
    notes: list[Finding] = []  # check-grammar notes at fixed spans: kept for the report after the fix
    seen: list[list[Finding]] = [[]]  # the findings of the pass being fixed

    every = replace(options, max_per_segment=0)  # the fix makes every finding; the report after it is capped

    def findings_of(current: Document) -> list[Finding]:
        seen[0] = check_document(current, tb, every)
        return seen[0]

    def rewrite(current: Document, edits: tuple[Edit, ...]) -> tuple[Document, int]:
        try:
            data, left = reader.write(current, edits)
            refused.extend(left)
            if len(left) == len(edits):
                return current, 0  # the format took none of them: stop
            if not reader.packaged:
                fixed_spans = {(e.span.start, e.span.end) for e in edits}
                notes[:] = [fixing.moved(n, edits) for n in notes] + [
                    fixing.moved(f, edits) for f in seen[0]
                    if f.code == "check-grammar" and (f.start, f.end) in fixed_spans]
            written.append(data)
            return reread(document, data, settings, options), len(edits) - len(left)
        except GlossaryError as exc:
            raise GlossaryError(f"not fixed: the fixed text would not parse ({exc.message})", document.path,
                                exc.line, exc.column) from None

    current, total = fixing.to_fixed_point(document, findings_of, rewrite)
    left = check_document(current, tb, options)
    if notes:
        left = sorted(left + fixing.placed(notes, current.text), key=lambda f: (f.start, f.end, f.code))
    if not total:
        return Outcome(document.path, document, tuple(left), refused=tuple(refused))
    return Outcome(document.path, document, tuple(left), fixed_text=current.text, fixes=total,
                   fixed_data=written[-1], refused=tuple(refused))


def fix_text(text: str, lang: str | None, tb, options=None) -> str:  # type: ignore[no-untyped-def]
    """`text` (no file, no format) with every fix applied until none is left: `glossary.normalize` and
    the examples `glossary variants` writes."""
    from .checks import Options, check_text
    from .fix import apply, to_fixed_point

    settings = options or Options()
    out, _edits = to_fixed_point(text, lambda t: check_text(t, lang, tb, settings), lambda t, e: (apply(t, e), len(e)))
    return out


def _one_packed(item: tuple[Input, Settings]) -> Outcome:
    return strip_document(one(*item))


def jobs_count(jobs: int) -> int:
    """`jobs=0` means one per CPU."""
    return jobs if jobs > 0 else (os.cpu_count() or 1)


if TYPE_CHECKING:
    InputLike = Union[Input, tuple[str, bool]]


def _as_input(item: InputLike) -> Input:
    if isinstance(item, Input):
        return item
    path, named = item  # the older (path, named) pair
    return Input(path, named=named)


def run(inputs: Iterable[InputLike], settings: Settings = Settings(), jobs: int = 1) -> RunResult:
    """Check (or, with `settings.fix`, fix) every input; the outcomes come in the order of `inputs`.

    With `jobs` > 1 files are checked in worker processes; inputs given in
    memory keep the whole run in this process.
    """
    return RunResult(tuple(stream(inputs, settings, jobs)))


def stream(inputs: Iterable[InputLike], settings: Settings = Settings(), jobs: int = 1, *,
           chunked: bool = False) -> Iterator[Outcome]:
    """`run`'s outcomes one at a time, in the order of `inputs`, each as soon as it is made.

    A front end that reports an outcome and lets it go holds one file's text
    and findings at a time instead of the whole run's (the command line does).
    `chunked`: a large plain-text file checked in this process is read a
    window at a time (glossary.chunks), and its outcome has the findings as an
    iterator to read once, before the next outcome, and a document without text;
    a large file fixed (not standard input) is fixed a window at a time, and its
    outcome has the fixed bytes (`fixed_data`) but no `fixed_text`.
    """
    return _outcomes([_as_input(i) for i in inputs], settings, jobs, chunked)


def _outcomes(items: list[Input], settings: Settings, jobs: int, chunked: bool = False) -> Iterator[Outcome]:
    workers = min(jobs_count(jobs), len(items))
    if workers <= 1 or any(item.in_memory for item in items):
        for item in items:
            yield one(item, settings, chunked)
        return
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    # The first file is checked here, so the term base and its matchers are loaded
    # once and inherited by forked workers instead of loaded again in each.
    first, *rest = items
    done = one(first, settings, chunked)
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else None)
    chunk = max(1, len(rest) // (workers * 4))
    pool = ProcessPoolExecutor(max_workers=workers, mp_context=context, initializer=_worker_start,
                               initargs=(os.getpid(),))
    _POOLS.append(pool)
    try:
        # The workers start before the first outcome is handed over: a caller that
        # reports it (and waits on a slow reader) does not hold the others back.
        outcomes = pool.map(_one_packed, [(item, settings) for item in rest], chunksize=chunk)
        yield done
        del done
        yield from outcomes
    except BaseException:
        kill_workers()
        pool.shutdown(wait=False, cancel_futures=True)
        raise
    else:
        pool.shutdown()
    finally:
        _POOLS.remove(pool)


_POOLS: list = []  # type: ignore[type-arg]


def kill_workers() -> None:
    """End every worker process of this process's pools now (safe in a signal handler: no locks)."""
    import signal

    for pool in list(_POOLS):
        for pid in list(getattr(pool, "_processes", None) or ()):
            try:
                os.kill(pid, signal.SIGTERM)
            except OSError:
                pass


def _worker_start(parent: int) -> None:
    """In each worker: signals are the parent's business, and the worker ends when the parent does."""
    import signal
    import threading
    import time

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(0.5)
        os._exit(1)

    threading.Thread(target=watch, daemon=True).start()


def pair_rows(document: Document) -> tuple[tuple[str, int, int], ...]:
    """Each segment's source text and the [start, end) of its target in the document's text; () when monolingual."""
    from .model import Span

    if not any(s.source_text is not None for s in document.segments):
        return ()
    spans = [(s.source_text or "", s.document_span(Span(0, len(s.text)))) for s in document.segments]
    return tuple((text, span.start, span.end) for text, span in spans)


def strip_document(outcome: Outcome) -> Outcome:
    """Drop the parsed segments before an outcome crosses a process boundary (text and pair rows stay)."""
    if outcome.document is None:
        return outcome
    return replace(outcome, document=replace(outcome.document, segments=(), raw=None),
                   pairs=outcome.pairs or pair_rows(outcome.document))
