"""The language server as an editor sees it: a subprocess spoken to in JSON-RPC over stdio."""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path

import pytest

pytest.importorskip("pygls")

from lsprotocol import types as lsp  # noqa: E402
from pygls.lsp.client import LanguageClient  # noqa: E402

DRAFT = ("The ministers reviewed ten years of the One Belt, One Road initiative.\n\n"
         "Two new Lu Ban Workshops will train welders.\n")
WAIT = 60  # seconds: the first check loads the term base, slower on a busy machine


class Editor:
    """A client that keeps the latest diagnostics each document got."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.client = LanguageClient("test-editor", "1")
        self.published: dict[str, lsp.PublishDiagnosticsParams] = {}
        self.arrived = asyncio.Condition()

        @self.client.feature(lsp.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
        async def on_diagnostics(params: lsp.PublishDiagnosticsParams) -> None:
            async with self.arrived:
                self.published[params.uri] = params
                self.arrived.notify_all()

    async def start(self, resolve: bool = False) -> lsp.InitializeResult:
        await self.client.start_io(sys.executable, "-m", "glossary", "lsp", cwd=str(self.root))
        action = lsp.CodeActionClientCapabilities(
            resolve_support=lsp.ClientCodeActionResolveOptions(properties=["edit"]) if resolve else None)
        return await self.client.initialize_async(lsp.InitializeParams(
            process_id=None, root_uri=self.root.as_uri(),
            capabilities=lsp.ClientCapabilities(text_document=lsp.TextDocumentClientCapabilities(code_action=action))))

    async def diagnostics(self, uri: str, version: int) -> list[lsp.Diagnostic]:
        async with self.arrived:
            await asyncio.wait_for(self.arrived.wait_for(
                lambda: uri in self.published and self.published[uri].version == version), WAIT)
            return list(self.published[uri].diagnostics)

    def open(self, uri: str, text: str, language: str = "markdown") -> None:
        self.client.text_document_did_open(lsp.DidOpenTextDocumentParams(
            lsp.TextDocumentItem(uri=uri, language_id=language, version=1, text=text)))

    async def stop(self) -> None:
        await self.client.shutdown_async(None)
        self.client.exit(None)
        await self.client.stop()


def apply(text: str, edits: list[lsp.TextEdit]) -> str:
    """Apply LSP edits (ASCII text, so characters are code points) from the last to the first."""
    starts = [0] + [i + 1 for i, c in enumerate(text) if c == "\n"]

    def offset(p: lsp.Position) -> int:
        return starts[p.line] + p.character

    for e in sorted(edits, key=lambda e: offset(e.range.start), reverse=True):
        text = text[:offset(e.range.start)] + e.new_text + text[offset(e.range.end):]
    return text


def run(coroutine):  # type: ignore[no-untyped-def]
    """Run the scenario in a thread of its own: a test before may have left an event loop in this one."""
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(1) as pool:
        return pool.submit(asyncio.run, asyncio.wait_for(coroutine, 4 * WAIT)).result()


def test_diagnostics_then_a_quick_fix_edits_the_text(tmp_path: Path) -> None:
    async def scenario() -> None:
        editor = Editor(tmp_path)
        try:
            result = await editor.start()
            assert result.capabilities.code_action_provider is not None
            uri = (tmp_path / "draft.md").as_uri()
            editor.open(uri, DRAFT)
            found = await editor.diagnostics(uri, 1)
            codes = {d.code for d in found}
            assert "superseded-term" in codes
            first = next(d for d in found if d.code == "superseded-term")
            assert first.source == "glossary"
            assert first.severity == lsp.DiagnosticSeverity.Error
            assert first.related_information and first.related_information[0].location.uri.endswith(".yaml")
            line = DRAFT.splitlines()[first.range.start.line]
            assert line[first.range.start.character:first.range.end.character] == "One Belt, One Road initiative"

            actions = await editor.client.text_document_code_action_async(lsp.CodeActionParams(
                lsp.TextDocumentIdentifier(uri), first.range, lsp.CodeActionContext(diagnostics=[first])))
            quick = [a for a in actions if isinstance(a, lsp.CodeAction) and a.kind == lsp.CodeActionKind.QuickFix]
            assert quick and "Belt and Road" in quick[0].title
            fixed = apply(DRAFT, quick[0].edit.changes[uri])
            assert fixed.startswith("The ministers reviewed ten years of the Belt and Road Initiative.\n")
            assert fixed.endswith("Two new Lu Ban Workshops will train welders.\n")  # nothing else touched

            whole = next(a for a in actions if a.kind == lsp.CodeActionKind.SourceFixAll)
            assert whole.edit is not None  # this client cannot resolve: the edit comes at once
            all_fixed = apply(DRAFT, whole.edit.changes[uri])
            assert "Luban Workshops" in all_fixed and "One Belt" not in all_fixed

            # The client applies the fix and sends the change: the next diagnostics follow it.
            editor.client.text_document_did_change(lsp.DidChangeTextDocumentParams(
                lsp.VersionedTextDocumentIdentifier(uri=uri, version=2),
                [lsp.TextDocumentContentChangeWholeDocument(text=all_fixed)]))
            left = await editor.diagnostics(uri, 2)
            assert not [d for d in left if d.code in ("superseded-term", "deprecated-term")]
        finally:
            await editor.stop()

    run(scenario())


def test_fix_all_is_resolved_on_request_hover_and_completion(tmp_path: Path) -> None:
    async def scenario() -> None:
        editor = Editor(tmp_path)
        try:
            await editor.start(resolve=True)
            uri = (tmp_path / "notes.md").as_uri()
            editor.open(uri, DRAFT + "Belt and R")
            await editor.diagnostics(uri, 1)
            whole_range = lsp.Range(lsp.Position(0, 0), lsp.Position(0, 0))
            actions = await editor.client.text_document_code_action_async(lsp.CodeActionParams(
                lsp.TextDocumentIdentifier(uri), whole_range,
                lsp.CodeActionContext(diagnostics=[], only=[lsp.CodeActionKind.SourceFixAll])))
            assert [a.kind for a in actions] == [lsp.CodeActionKind.SourceFixAll]
            assert actions[0].edit is None
            resolved = await editor.client.code_action_resolve_async(actions[0])
            assert "Luban Workshops" in apply(DRAFT + "Belt and R", resolved.edit.changes[uri])

            hover = await editor.client.text_document_hover_async(lsp.HoverParams(
                lsp.TextDocumentIdentifier(uri), lsp.Position(0, 45)))
            assert hover is not None and "belt-and-road" in hover.contents.value
            assert "Belt and Road" in hover.contents.value and "superseded" in hover.contents.value

            completion = await editor.client.text_document_completion_async(lsp.CompletionParams(
                lsp.TextDocumentIdentifier(uri), lsp.Position(3, 10)))
            labels = [item.label for item in completion.items]
            assert "Belt and Road Initiative" in labels or "Belt and Road" in labels
            item = completion.items[labels.index(labels[0])]
            assert item.text_edit.range.start == lsp.Position(3, 0)
        finally:
            await editor.stop()

    run(scenario())


def test_a_changed_settings_file_is_read_again(tmp_path: Path) -> None:
    async def scenario() -> None:
        editor = Editor(tmp_path)
        try:
            await editor.start()
            uri = (tmp_path / "draft.md").as_uri()
            editor.open(uri, DRAFT)
            assert any(d.code == "superseded-term" for d in await editor.diagnostics(uri, 1))
            (tmp_path / ".glossary.toml").write_text('disable = ["superseded-term"]\n', encoding="utf-8")
            editor.client.workspace_did_change_watched_files(lsp.DidChangeWatchedFilesParams([
                lsp.FileEvent((tmp_path / ".glossary.toml").as_uri(), lsp.FileChangeType.Created)]))
            editor.client.text_document_did_change(lsp.DidChangeTextDocumentParams(
                lsp.VersionedTextDocumentIdentifier(uri=uri, version=2),
                [lsp.TextDocumentContentChangeWholeDocument(text=DRAFT)]))
            assert not any(d.code == "superseded-term" for d in await editor.diagnostics(uri, 2))
        finally:
            await editor.stop()

    run(scenario())
