"""`glossary serve`: the translator's desk as a local web page (Starlette on uvicorn).

Paste text or drop a file, pick the language and the house publisher, and the
page shows the same highlighted report as `--format html`, with a button to
accept or reject each fix and a download of the file with the accepted fixes.
The page is a thin caller of the library's runner, like the command line.

Nothing leaves the machine: the server binds to 127.0.0.1 unless told
otherwise, the page loads nothing from elsewhere, uploads are refused over a
size limit, and each upload is kept only in a temporary folder that is removed
when the server stops.
"""

from __future__ import annotations

import contextlib
import json
import secrets
import tempfile
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from pathlib import Path, PurePath
from typing import TYPE_CHECKING, Any

from .errors import GlossaryError
from .model import Document, Finding
from .runner import Input, Settings, run

if TYPE_CHECKING:  # Starlette comes with the web extra, imported when the app is made
    from starlette.requests import Request
    from starlette.responses import Response

MAX_UPLOAD = 10 * 1024 * 1024
"""The largest file or pasted text the page accepts, in bytes."""

LANGUAGES = ("en", "ru", "zh", "kk", "uz", "ky", "tg", "tk")


@dataclass
class Desk:
    """The server's state: its settings, the temporary folder and the uploads in it by token."""

    settings: Settings = field(default_factory=Settings)
    max_upload: int = MAX_UPLOAD
    folder: tempfile.TemporaryDirectory[str] = field(default_factory=lambda: tempfile.TemporaryDirectory(prefix="glossary-desk-"))
    uploads: dict[str, tuple[str, str | None, str | None]] = field(default_factory=dict)

    def keep(self, name: str, data: bytes, lang: str | None, prefer: str | None) -> str:
        token = secrets.token_hex(16)
        Path(self.folder.name, token).write_bytes(data)
        self.uploads[token] = (name, lang, prefer)
        return token

    def load(self, token: str) -> tuple[str, bytes, str | None, str | None]:
        if token not in self.uploads or not all(c in "0123456789abcdef" for c in token):
            raise KeyError(token)
        name, lang, prefer = self.uploads[token]
        return name, Path(self.folder.name, token).read_bytes(), lang, prefer


def safe_name(name: str) -> str:
    """The upload's own file name without any folder part: it names the report and the download."""
    base = PurePath(name.replace("\\", "/")).name.strip() or "pasted.txt"
    return base if base not in (".", "..") else "pasted.txt"


def ordered(findings: tuple[Finding, ...] | list[Finding]) -> list[Finding]:
    """Findings in the order the page numbers them (by position), so `i` means the same on both sides."""
    return sorted(findings, key=lambda f: (f.span.start, f.span.end))


def check(desk: Desk, name: str, data: bytes, lang: str | None, prefer: str | None) -> tuple[Document, list[Finding]]:
    """The document and its findings; an input error is raised as GlossaryError."""
    from .checks import DEFAULT_MAX_PER_SEGMENT

    settings = Settings(termbases=desk.settings.termbases, no_default=desk.settings.no_default,
                        lang=lang or desk.settings.lang, fix_encoding=desk.settings.fix_encoding,
                        isolated=True, prefer=prefer, default_max_per_segment=DEFAULT_MAX_PER_SEGMENT)
    outcome = run([Input(name, data=data)], settings).outcomes[0]
    if outcome.error is not None:
        raise outcome.error
    assert outcome.document is not None
    return outcome.document, ordered(outcome.findings)


def fixed_bytes(document: Document, findings: list[Finding], accepted: set[int]) -> bytes:
    """The file with only the accepted findings fixed, in its own format and encoding."""
    from . import fix as fixing
    from . import readers

    chosen = [f for i, f in enumerate(findings) if i in accepted]
    # Each finding carries its edit (Finding.fix); the document's reader writes them in its format.
    data, _refused = readers.of(document).write(document, fixing.plan(document.text, chosen))
    return data


def create_app(desk: Desk | None = None) -> Any:
    """The ASGI application: the desk's pages (`_Pages`) as routes."""
    from starlette.applications import Starlette
    from starlette.routing import Route

    pages = _Pages(desk or Desk())
    app = Starlette(routes=[
        Route("/", pages.index), Route("/check", pages.check_upload, methods=["POST"]),
        Route("/fix", pages.fix_upload, methods=["POST"]), Route("/health", pages.health),
    ], lifespan=pages.lifespan)
    app.state.desk = pages.desk
    return app


class _Pages:
    """The routes of one desk: the form, the report of a checked upload, the file with the accepted fixes."""

    def __init__(self, desk: Desk) -> None:
        from . import house
        from .reporters.html import environment
        from .runner import termbase_for

        self.desk = desk
        self.env = environment()
        self.publishers = sorted(house.publishers(termbase_for(desk.settings.termbases, not desk.settings.no_default)))

    def too_large(self, request: Request) -> bool:
        length = request.headers.get("content-length")
        return length is not None and length.isdigit() and int(length) > self.desk.max_upload + 64 * 1024

    async def index(self, request: Request) -> Response:
        from starlette.responses import HTMLResponse

        page = self.env.get_template("desk.html.j2").render(languages=LANGUAGES, publishers=self.publishers,
                                                            limit=self.desk.max_upload)
        return HTMLResponse(page)

    async def check_upload(self, request: Request) -> Response:
        from starlette.responses import PlainTextResponse

        if self.too_large(request):
            return PlainTextResponse(f"The upload is over the {self.desk.max_upload}-byte limit.", status_code=413)
        form = await self._form(request)
        if not isinstance(form, tuple):
            return form
        name, data, lang, prefer = form
        refused = self._refusal(data, lang, prefer)
        if refused is not None:
            return refused
        try:
            document, findings = check(self.desk, name, data, lang, prefer)
        except GlossaryError as exc:
            return PlainTextResponse(f"glossary: error: {exc}", status_code=422)
        return self._report_page(name, data, lang, prefer, document, findings)

    async def _form(self, request: Request) -> tuple[str, bytes, str | None, str | None] | Response:
        """The upload's name, bytes, language and house publisher, or the response to a bad form."""
        from starlette.exceptions import HTTPException
        from starlette.responses import PlainTextResponse

        limit = self.desk.max_upload
        try:
            async with request.form(max_files=1, max_fields=8, max_part_size=limit + 1) as form:
                upload = form.get("file")
                lang = str(form.get("lang") or "") or None
                prefer = str(form.get("prefer") or "") or None
                if upload is not None and not isinstance(upload, str) and upload.filename:
                    data = await upload.read(limit + 1)
                    name = safe_name(upload.filename)
                else:
                    # A textarea always submits CRLF line ends (the HTML form rules); the draft had LF.
                    data = str(form.get("text") or "").replace("\r\n", "\n").encode("utf-8")
                    name = "pasted.txt"
        except HTTPException as exc:  # a field over the size limit, or a malformed body
            status = 413 if "maximum size" in str(exc.detail) else 400
            return PlainTextResponse(str(exc.detail), status_code=status)
        return name, data, lang, prefer

    def _refusal(self, data: bytes, lang: str | None, prefer: str | None) -> Response | None:
        """Why the form's values are not checked (a response), or None."""
        from starlette.responses import PlainTextResponse

        if lang is not None and lang not in LANGUAGES:
            return PlainTextResponse(f'Unknown language "{lang}".', status_code=400)
        if prefer is not None and prefer not in self.publishers:
            return PlainTextResponse(f'Unknown house publisher "{prefer}".', status_code=400)
        if len(data) > self.desk.max_upload:
            return PlainTextResponse(f"The upload is over the {self.desk.max_upload}-byte limit.", status_code=413)
        if not data.strip():
            return PlainTextResponse("Paste some text or choose a file.", status_code=400)
        return None

    def _report_page(self, name: str, data: bytes, lang: str | None, prefer: str | None, document: Document,
                     findings: list[Finding]) -> Response:
        """The report of `--format html`, interactive, with the token the fix request names the upload by."""
        from starlette.responses import HTMLResponse

        from .reporters import Report
        from .reporters.html import page_data, script_json

        token = self.desk.keep(name, data, lang, prefer)
        report = Report(findings=tuple(findings), files=(name,), sources={name: document.text})
        data_for_page = page_data(report)
        page = self.env.get_template("report.html.j2").render(
            data=data_for_page, payload=script_json(data_for_page), interactive=True, title=f"glossary: {name}",
            token=token, page_script=_PAGE_SCRIPT)
        return HTMLResponse(page)

    async def fix_upload(self, request: Request) -> Response:
        from starlette.responses import PlainTextResponse
        from starlette.responses import Response as Download

        if self.too_large(request):
            return PlainTextResponse("Too large.", status_code=413)
        try:
            body = json.loads(await request.body())
            token = str(body["token"])
            accepted = {int(i) for i in body.get("accept", [])}
            name, data, lang, prefer = self.desk.load(token)
        except (ValueError, KeyError, TypeError):
            return PlainTextResponse("Unknown upload: check the file again.", status_code=404)
        try:
            document, findings = check(self.desk, name, data, lang, prefer)
            out = fixed_bytes(document, findings, accepted)
        except GlossaryError as exc:
            return PlainTextResponse(f"glossary: error: {exc}", status_code=422)
        quoted = name.replace('"', "")
        return Download(out, media_type="application/octet-stream",
                        headers={"Content-Disposition": f'attachment; filename="{quoted}"'})

    async def health(self, request: Request) -> Response:
        from starlette.responses import JSONResponse

        return JSONResponse({"ok": True})

    @contextlib.asynccontextmanager
    async def lifespan(self, app: Any) -> AsyncIterator[None]:
        try:
            yield
        finally:
            self.desk.folder.cleanup()  # the uploads go with the server


# The page's part of the desk: collect the accepted fixes and fetch the fixed file.
_PAGE_SCRIPT = """
"use strict";
document.getElementById("download").addEventListener("click", async () => {
  const token = document.querySelector("meta[name=glossary-token]").content;
  const accept = Object.entries(state.decisions).filter(([, d]) => d === "accepted").map(([i]) => Number(i));
  const response = await fetch("fix", { method: "POST", headers: { "Content-Type": "application/json" },
                                        body: JSON.stringify({ token, accept }) });
  if (!response.ok) { alert(await response.text()); return; }
  const blob = await response.blob();
  const link = document.createElement("a");
  link.href = URL.createObjectURL(blob);
  link.download = DATA.files[0].path;
  document.body.appendChild(link);
  link.click();
  link.remove();
});
"""


def serve(host: str, port: int, desk: Desk) -> None:
    """Run the page until interrupted."""
    import uvicorn

    uvicorn.run(create_app(desk), host=host, port=port, log_level="warning", server_header=False)


def is_local(host: str) -> bool:
    return host in ("127.0.0.1", "localhost", "::1") or host.startswith("127.")

