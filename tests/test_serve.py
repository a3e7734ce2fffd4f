"""The local web page's server, spoken to over HTTP in process (Starlette's test client)."""

from __future__ import annotations

import io
import json
import re
from pathlib import Path

import pytest

pytest.importorskip("starlette")
pytest.importorskip("httpx2")

from click.testing import CliRunner  # noqa: E402
from starlette.testclient import TestClient  # noqa: E402

from glossary.cli import main  # noqa: E402
from glossary.runner import Settings  # noqa: E402
from glossary.serve import Desk, create_app, safe_name  # noqa: E402

from .conftest import TERMBASE  # noqa: E402

DRAFT = "They praised One Belt, One Road and OBOR in one breath.\n"


@pytest.fixture
def desk() -> Desk:
    return Desk(settings=Settings(termbases=(str(TERMBASE),), no_default=True), max_upload=64 * 1024)


@pytest.fixture
def client(desk: Desk):  # type: ignore[no-untyped-def]
    with TestClient(create_app(desk)) as client:
        yield client


def token_of(page: str) -> str:
    found = re.search(r'name="glossary-token" content="([0-9a-f]+)"', page)
    assert found is not None
    return found.group(1)


def test_the_form_page_loads_nothing_from_elsewhere(client: TestClient) -> None:
    page = client.get("/").text
    assert '<form id="form" method="post" action="check"' in page
    assert not re.search(r'(src|href)="(https?:)?//', page)


def test_pasted_text_is_checked_and_fixed_with_only_the_accepted_findings(client: TestClient) -> None:
    page = client.post("/check", data={"text": DRAFT, "lang": "en"})
    assert page.status_code == 200
    data = json.loads(re.search(r'<script type="application/json" id="data">(.*?)</script>', page.text, re.S).group(1))
    codes = [data["strings"][f["code"]] for f in data["files"][0]["findings"]]
    assert codes == ["superseded-term", "superseded-term"]
    token = token_of(page.text)
    fixed = client.post("/fix", json={"token": token, "accept": [1]})
    assert fixed.status_code == 200
    assert fixed.content.decode("utf-8") == "They praised One Belt, One Road and BRI in one breath.\n"
    assert 'filename="pasted.txt"' in fixed.headers["content-disposition"]
    everything = client.post("/fix", json={"token": token, "accept": [0, 1]}).content.decode("utf-8")
    assert everything == "They praised Belt and Road and BRI in one breath.\n"


def test_a_file_keeps_its_name_without_its_folders(client: TestClient) -> None:
    page = client.post("/check", files={"file": ("../../etc/notes.md", DRAFT.encode(), "text/markdown")})
    assert page.status_code == 200
    fixed = client.post("/fix", json={"token": token_of(page.text), "accept": [0]})
    assert 'filename="notes.md"' in fixed.headers["content-disposition"]


def test_uploads_stay_in_the_temporary_folder_and_go_with_the_server(desk: Desk) -> None:
    with TestClient(create_app(desk)) as client:
        client.post("/check", data={"text": DRAFT})
        folder = Path(desk.folder.name)
        assert len(list(folder.iterdir())) == 1
    assert not folder.exists()


def test_oversized_uploads_are_refused(client: TestClient, desk: Desk) -> None:
    big = "x" * (desk.max_upload + 10)
    assert client.post("/check", data={"text": big}).status_code == 413
    assert client.post("/check", files={"file": ("big.txt", big.encode(), "text/plain")}).status_code == 413


def test_bad_requests_get_one_clear_line(client: TestClient) -> None:
    assert client.post("/check", data={"text": "   "}).status_code == 400
    assert client.post("/check", data={"text": DRAFT, "lang": "xx"}).status_code == 400
    assert client.post("/check", data={"text": DRAFT, "prefer": "nobody"}).status_code == 400
    broken = client.post("/check", files={"file": ("draft.docx", b"not a zip at all", "application/octet-stream")})
    assert broken.status_code == 422 and broken.text == "glossary: error: draft.docx: is not a .docx: not a zip archive"
    assert client.post("/fix", json={"token": "../../etc/passwd", "accept": []}).status_code == 404
    assert client.post("/fix", content=b"{not json").status_code == 404


def test_a_docx_comes_back_fixed_and_still_opens(client: TestClient) -> None:
    docx = pytest.importorskip("docx")
    document = docx.Document()
    document.add_paragraph("A note on One Belt, One Road.")
    data = io.BytesIO()
    document.save(data)
    page = client.post("/check", files={"file": ("note.docx", data.getvalue(), "application/octet-stream")})
    fixed = client.post("/fix", json={"token": token_of(page.text), "accept": [0]})
    reopened = docx.Document(io.BytesIO(fixed.content))
    assert reopened.paragraphs[0].text == "A note on Belt and Road."


@pytest.mark.parametrize("name", ["../x.txt", "a/b/c.po", "C:\\\\drafts\\\\d.docx", "", ".."])
def test_safe_name_drops_folders(name: str) -> None:
    assert "/" not in safe_name(name) and "\\" not in safe_name(name) and safe_name(name) not in ("", "..")


def test_serve_refuses_a_public_address_without_allow_remote() -> None:
    result = CliRunner().invoke(main, ["serve", "--host", "0.0.0.0"], prog_name="glossary")
    assert result.exit_code == 2
    assert "--allow-remote" in result.output
