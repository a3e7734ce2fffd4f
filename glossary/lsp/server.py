"""The language server: pygls handlers that call the session and the converters.

Checks run in one worker thread, so the server keeps answering while a large
document is checked; a change waits `DEBOUNCE` seconds for the next one before
its check starts, and a result for a version the client has already changed
is dropped rather than published.
"""

from __future__ import annotations

import asyncio
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from lsprotocol import types as lsp
from pygls.lsp.server import LanguageServer

from .. import __version__
from ..runner import Settings
from . import actions, completion, diagnostics, hover
from .session import Checked, Session, uri_to_path
from .units import Lines

DEBOUNCE = 0.3
"""Seconds of quiet after a change before the document is checked again."""

COMPLETION_LANGUAGES = frozenset({"markdown", "plaintext", "text"})
COMPLETION_SUFFIXES = frozenset({".md", ".markdown", ".txt", ".text", ""})
WATCHED = ("**/pyproject.toml", "**/.glossary.toml", "**/*.yaml", "**/*.yml")


class GlossaryServer(LanguageServer):
    """A pygls server with the session it answers from and the checks still waiting."""

    def __init__(self, settings: Settings = Settings(), debounce: float = DEBOUNCE) -> None:
        super().__init__("glossary", __version__, text_document_sync_kind=lsp.TextDocumentSyncKind.Incremental)
        self.session = Session(settings=settings)
        self.debounce = debounce
        self.pending: dict[str, asyncio.Task[None]] = {}
        self.checker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="glossary-check")

    @property
    def encoding(self) -> str:
        return str(self.workspace.position_encoding or "utf-16")

    def schedule(self, uri: str, delay: float) -> None:
        """Check `uri` after `delay` seconds, replacing a check of it that has not started."""
        waiting = self.pending.pop(uri, None)
        if waiting is not None:
            waiting.cancel()
        self.pending[uri] = asyncio.get_running_loop().create_task(self._check(uri, delay))

    async def _check(self, uri: str, delay: float) -> None:
        if delay:
            await asyncio.sleep(delay)
        self.pending.pop(uri, None)
        document = self.workspace.get_text_document(uri)
        version = document.version
        loop = asyncio.get_running_loop()
        checked, found = await loop.run_in_executor(
            self.checker, self._diagnose, uri, document.source, version, document.language_id)
        if self.workspace.get_text_document(uri).version != version:
            return  # the client changed the text meanwhile: its own check is on the way
        self.text_document_publish_diagnostics(lsp.PublishDiagnosticsParams(uri, found, version))

    def _diagnose(self, uri: str, text: str, version: int | None,
                  language_id: str | None) -> tuple[Checked, list[lsp.Diagnostic]]:
        checked = self.session.check(uri, text, version, language_id)
        termbase = None
        if checked.outcome.error is None:
            termbase = self.session.context(uri, language_id)[1]
        return checked, diagnostics.diagnostics(checked, termbase, self.encoding)

    def recheck_all(self) -> None:
        for uri in list(self.session.checked):
            self.schedule(uri, 0)


def create(settings: Settings = Settings(), debounce: float = DEBOUNCE) -> GlossaryServer:
    """A server with every feature of `FEATURES` registered."""
    server = GlossaryServer(settings, debounce)
    for method, handler, options in FEATURES:
        server.feature(method, options)(handler)
    return server


def initialize(ls: GlossaryServer, params: lsp.InitializeParams) -> None:
    root = params.root_uri or (params.workspace_folders[0].uri if params.workspace_folders else None)
    ls.session.root = (uri_to_path(root) if root else None) or params.root_path


async def initialized(ls: GlossaryServer, params: lsp.InitializedParams) -> None:
    caps = ls.client_capabilities.workspace
    watch = caps.did_change_watched_files if caps is not None else None
    if watch is None or not watch.dynamic_registration:
        return  # without a watcher, a check still notices a changed file by its modification time
    options = lsp.DidChangeWatchedFilesRegistrationOptions(
        watchers=[lsp.FileSystemWatcher(glob_pattern=g) for g in WATCHED])
    await ls.client_register_capability_async(lsp.RegistrationParams(registrations=[
        lsp.Registration(id="glossary-settings", method=lsp.WORKSPACE_DID_CHANGE_WATCHED_FILES,
                         register_options=options)]))


def did_open(ls: GlossaryServer, params: lsp.DidOpenTextDocumentParams) -> None:
    ls.schedule(params.text_document.uri, 0)


def did_change(ls: GlossaryServer, params: lsp.DidChangeTextDocumentParams) -> None:
    ls.schedule(params.text_document.uri, ls.debounce)


def did_save(ls: GlossaryServer, params: lsp.DidSaveTextDocumentParams) -> None:
    path = uri_to_path(params.text_document.uri)
    if path is not None and str(Path(path).resolve()) in {str(Path(p).resolve()) for p in ls.session.watched()}:
        ls.session.reload()
        ls.recheck_all()


def did_close(ls: GlossaryServer, params: lsp.DidCloseTextDocumentParams) -> None:
    uri = params.text_document.uri
    waiting = ls.pending.pop(uri, None)
    if waiting is not None:
        waiting.cancel()
    ls.session.close(uri)
    ls.text_document_publish_diagnostics(lsp.PublishDiagnosticsParams(uri, []))


def watched_files(ls: GlossaryServer, params: lsp.DidChangeWatchedFilesParams) -> None:
    ls.session.reload()
    ls.recheck_all()


async def code_action(ls: GlossaryServer, params: lsp.CodeActionParams) -> list[lsp.CodeAction] | None:
    uri = params.text_document.uri
    checked = ls.session.checked.get(uri)
    if checked is None:
        return None
    only = params.context.only
    found: list[lsp.CodeAction] = []
    if actions.wanted(lsp.CodeActionKind.QuickFix, only):
        lines = Lines(checked.text, ls.encoding)
        start = lines.offset(params.range.start.line, params.range.start.character) - checked.shift
        end = lines.offset(params.range.end.line, params.range.end.character) - checked.shift
        under = [f for f in checked.findings if f.start <= end and start <= f.end]
        pairs = [(f, diagnostics.diagnostic(f, lines, None, checked.shift)) for f in under]
        found.extend(actions.quick_fixes(checked, pairs, ls.encoding))
    if actions.wanted(lsp.CodeActionKind.SourceFixAll, only):
        whole = actions.fix_all(checked)
        if whole is not None:
            if not _resolves_edits(ls):
                whole = await _resolve(ls, whole)
            found.append(whole)
    return found


async def resolve(ls: GlossaryServer, action: lsp.CodeAction) -> lsp.CodeAction:
    return await _resolve(ls, action)


def on_hover(ls: GlossaryServer, params: lsp.HoverParams) -> lsp.Hover | None:
    uri = params.text_document.uri
    checked = ls.session.checked.get(uri)
    if checked is None or checked.outcome.error is not None:
        return None
    lines = Lines(checked.text, ls.encoding)
    offset = lines.offset(params.position.line, params.position.character)
    _cfg, termbase, options = ls.session.context(uri, ls.workspace.get_text_document(uri).language_id)
    found = hover.concept_at(checked, offset, termbase, options.lang)
    if found is None:
        return None
    concept, lang, span = found
    return lsp.Hover(lsp.MarkupContent(lsp.MarkupKind.Markdown, hover.markdown(concept, lang)),
                     diagnostics.span_range(lines, span.start, span.end, checked.shift))


def complete(ls: GlossaryServer, params: lsp.CompletionParams) -> lsp.CompletionList | None:
    from ..script import guess_lang

    uri = params.text_document.uri
    document = ls.workspace.get_text_document(uri)
    path = uri_to_path(uri)
    if document.language_id not in COMPLETION_LANGUAGES and (
            path is None or Path(path).suffix.lower() not in COMPLETION_SUFFIXES):
        return None
    text = document.source
    lines = Lines(text, ls.encoding)
    offset = lines.offset(params.position.line, params.position.character)
    try:
        _cfg, termbase, options = ls.session.context(uri, document.language_id)
    except Exception:  # a broken settings file: its diagnostic says why
        return None
    line_start = text.rfind("\n", 0, offset) + 1
    lang = options.lang or guess_lang(text[line_start:offset] or text[max(0, offset - 2000):offset])
    items = []
    for c in completion.candidates(text, offset, termbase, lang):
        items.append(lsp.CompletionItem(
            label=c.term.text, kind=lsp.CompletionItemKind.Text, detail=c.concept.id,
            documentation=lsp.MarkupContent(lsp.MarkupKind.Markdown, hover.markdown(c.concept, lang)),
            text_edit=lsp.TextEdit(diagnostics.span_range(lines, c.start, c.end), c.term.text)))
    return lsp.CompletionList(is_incomplete=True, items=items)


FEATURES = (
    (lsp.INITIALIZE, initialize, None),
    (lsp.INITIALIZED, initialized, None),
    (lsp.TEXT_DOCUMENT_DID_OPEN, did_open, None),
    (lsp.TEXT_DOCUMENT_DID_CHANGE, did_change, None),
    (lsp.TEXT_DOCUMENT_DID_SAVE, did_save, None),
    (lsp.TEXT_DOCUMENT_DID_CLOSE, did_close, None),
    (lsp.WORKSPACE_DID_CHANGE_WATCHED_FILES, watched_files, None),
    (lsp.TEXT_DOCUMENT_CODE_ACTION, code_action, lsp.CodeActionOptions(
        code_action_kinds=[lsp.CodeActionKind.QuickFix, lsp.CodeActionKind.SourceFixAll], resolve_provider=True)),
    (lsp.CODE_ACTION_RESOLVE, resolve, None),
    (lsp.TEXT_DOCUMENT_HOVER, on_hover, None),
    (lsp.TEXT_DOCUMENT_COMPLETION, complete, None),
)
"""The protocol methods the server answers: (method, handler, registration options)."""


def _resolves_edits(ls: GlossaryServer) -> bool:
    """Whether the client asks for a code action's edit only when the user picks the action."""
    text = ls.client_capabilities.text_document
    action = text.code_action if text is not None else None
    support = action.resolve_support if action is not None else None
    return support is not None and "edit" in support.properties


async def _resolve(ls: GlossaryServer, action: lsp.CodeAction) -> lsp.CodeAction:
    """Fill in the edit of "Fix all in file": the runner fixes the document's current text."""
    data = action.data if isinstance(action.data, dict) else {}
    if data.get("action") != actions.FIX_ALL:
        return action
    checked = ls.session.checked.get(str(data.get("uri")))
    if checked is None:
        return action
    language_id = ls.workspace.get_text_document(checked.uri).language_id
    loop = asyncio.get_running_loop()
    fixed = await loop.run_in_executor(ls.checker, ls.session.fixed_text, checked, language_id)
    if fixed is not None:
        action.edit = actions.whole_edit(checked, fixed, ls.encoding)
    return action


def serve(settings: Settings = Settings()) -> None:
    """Run the server over standard input and output until the client says exit."""
    create(settings).start_io()
