"""The local web page in Chromium, served by a real uvicorn process: check, accept a fix, download."""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("starlette")
pytest.importorskip("uvicorn")

DRAFT = "The ministers reviewed One Belt, One Road projects.\nThey also praised the OBOR fund.\n"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    port = free_port()
    cwd = tmp_path_factory.mktemp("serve")
    process = subprocess.Popen([sys.executable, "-m", "glossary", "serve", "--port", str(port)], cwd=cwd,
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    url = f"http://127.0.0.1:{port}/"
    try:
        for _ in range(150):
            try:
                urllib.request.urlopen(url + "health", timeout=1).read()
                break
            except OSError:
                if process.poll() is not None:
                    pytest.fail(f"glossary serve exited: {process.stderr.read().decode() if process.stderr else ''}")
                time.sleep(0.1)
        else:
            pytest.fail("glossary serve did not answer within 15 s")
        yield url
    finally:
        process.terminate()
        process.wait(timeout=10)
        if process.stderr is not None:
            process.stderr.close()


def json_findings(tmp_path: Path, text: str) -> list[dict[str, Any]]:
    path = tmp_path / "draft.txt"
    path.write_text(text, encoding="utf-8")
    out = subprocess.run([sys.executable, "-m", "glossary", "check", str(path), "--format", "json"],
                         capture_output=True, text=True).stdout
    return list(json.loads(out)["findings"])


def test_paste_check_accept_one_fix_and_download(page: Any, server: str, tmp_path: Path) -> None:
    expected = json_findings(tmp_path, DRAFT)
    page.goto(server)
    page.fill("#text", DRAFT)
    page.select_option("#lang", "en")
    page.click("#check")
    page.wait_for_selector("mark[data-ids]")
    count = page.eval_on_selector_all("mark[data-ids]", "ms => new Set(ms.flatMap(m => m.dataset.ids.split(' '))).size")
    assert count == len(expected) == 2
    page.keyboard.press("j")
    page.click("#accept")
    assert page.text_content("#decision") == "accepted"
    with page.expect_download() as info:
        page.click("#download")
    download = info.value
    saved = tmp_path / "downloaded.txt"
    download.save_as(saved)
    assert download.suggested_filename == "pasted.txt"
    first = expected[0]
    assert saved.read_bytes() == (DRAFT[:first["start"]] + first["suggestion"] + DRAFT[first["end"]:]).encode("utf-8")


def test_a_dropped_docx_is_checked_and_comes_back_fixed(page: Any, server: str, tmp_path: Path) -> None:
    docx = pytest.importorskip("docx")
    document = docx.Document()
    document.add_paragraph("Minutes: One Belt, One Road in the first line.")
    document.add_paragraph("Nothing else to see.")
    source = tmp_path / "minutes.docx"
    document.save(source)
    page.goto(server)
    page.set_input_files("#file", str(source))
    page.click("#check")
    page.wait_for_selector("mark[data-ids]")
    assert page.eval_on_selector_all("mark[data-ids]", "ms => ms.map(m => m.textContent)") == ["One Belt, One Road"]
    page.keyboard.press("j")
    page.keyboard.press("a")
    with page.expect_download() as info:
        page.click("#download")
    saved = tmp_path / "fixed.docx"
    info.value.save_as(saved)
    assert info.value.suggested_filename == "minutes.docx"
    reopened = docx.Document(str(saved))
    assert [p.text for p in reopened.paragraphs] == ["Minutes: Belt and Road in the first line.", "Nothing else to see."]
