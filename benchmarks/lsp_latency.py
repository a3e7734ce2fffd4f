"""Diagnostics latency of `glossary lsp` on a large Markdown document.

Run on demand (not a test), with the `lsp` extra installed:

    python benchmarks/lsp_latency.py [--size-mb 1] [--reps 5]

It starts the server as a subprocess over stdio (as an editor does), opens a
document of about `--size-mb` MB (the example draft repeated: a variant
rendering every few hundred characters), and times from `didOpen` to the
`publishDiagnostics` that answers it; then from a `didChange` (one paragraph
edited, the whole text sent) to its diagnostics, less the server's debounce.
The baseline, measured in the same run, is `glossary.runner.run` on the same
text in this process: the ratio is what the protocol (diagnostics built,
serialized to JSON, read back by the client) adds to the check itself.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MB = 1_000_000


def document(size: int) -> str:
    draft = (ROOT / "examples" / "draft.txt").read_text(encoding="utf-8")
    return (draft + "\n\n") * (size // (len(draft) + 2) + 1)


async def measure(text: str, reps: int, folder: Path) -> tuple[list[float], list[float], int]:
    from lsprotocol import types as lsp
    from pygls.lsp.client import LanguageClient

    from glossary.lsp.server import DEBOUNCE

    client = LanguageClient("benchmark", "1")
    arrived: dict[tuple[str, int], tuple[float, int]] = {}
    event = asyncio.Event()

    @client.feature(lsp.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    def on_diagnostics(params: lsp.PublishDiagnosticsParams) -> None:
        arrived[(params.uri, params.version or 0)] = (time.perf_counter(), len(params.diagnostics))
        event.set()

    async def wait(key: tuple[str, int]) -> tuple[float, int]:
        while key not in arrived:
            event.clear()
            await event.wait()
        return arrived[key]

    await client.start_io(sys.executable, "-m", "glossary", "lsp")
    await client.initialize_async(lsp.InitializeParams(process_id=None, root_uri=folder.as_uri(),
                                                       capabilities=lsp.ClientCapabilities()))
    # The term base is loaded and compiled on the first check: not part of the latency.
    warm = (folder / "warm.md").as_uri()
    client.text_document_did_open(lsp.DidOpenTextDocumentParams(lsp.TextDocumentItem(warm, "markdown", 1, "Lu Ban")))
    await wait((warm, 1))

    opens, changes, count = [], [], 0
    for rep in range(reps):
        uri = (folder / f"doc{rep}.md").as_uri()
        t0 = time.perf_counter()
        client.text_document_did_open(lsp.DidOpenTextDocumentParams(lsp.TextDocumentItem(uri, "markdown", 1, text)))
        done, count = await wait((uri, 1))
        opens.append(done - t0)
        edited = text.replace("Lu Ban Workshops", "Luban Workshops", 1)
        t0 = time.perf_counter()
        client.text_document_did_change(lsp.DidChangeTextDocumentParams(
            lsp.VersionedTextDocumentIdentifier(uri=uri, version=2),
            [lsp.TextDocumentContentChangeWholeDocument(text=edited)]))
        done, _ = await wait((uri, 2))
        changes.append(done - t0 - DEBOUNCE)
        client.text_document_did_close(lsp.DidCloseTextDocumentParams(lsp.TextDocumentIdentifier(uri)))
    await client.shutdown_async(None)
    client.exit(None)
    await client.stop()
    return opens, changes, count


def baseline(text: str, reps: int, folder: Path) -> list[float]:
    from glossary.runner import Input, run

    run([Input(str(folder / "warm.md"), text="Lu Ban")])
    times = []
    for _ in range(reps):
        t0 = time.perf_counter()
        run([Input(str(folder / "doc.md"), text=text)])
        times.append(time.perf_counter() - t0)
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size-mb", type=float, default=1.0)
    parser.add_argument("--reps", type=int, default=5)
    args = parser.parse_args()
    text = document(int(args.size_mb * MB))
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        base = baseline(text, args.reps, folder)
        opens, changes, count = asyncio.run(measure(text, args.reps, folder))
    size = len(text.encode("utf-8")) / MB
    b, o, c = statistics.median(base), statistics.median(opens), statistics.median(changes)
    print(f"document: {size:.2f} MB of Markdown, {count} diagnostics; medians of {args.reps} runs")
    print(f"runner.run in process (baseline): {b:.3f} s  ({size / b:.2f} MB/s)")
    print(f"didOpen -> publishDiagnostics:     {o:.3f} s  ({o / b:.2f}x baseline)")
    print(f"didChange -> publishDiagnostics:   {c:.3f} s  ({c / b:.2f}x baseline; debounce not counted)")


if __name__ == "__main__":
    main()
