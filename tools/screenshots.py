"""Take the README's screenshots again: the HTML report and the local web page, in Chromium.

    python tools/screenshots.py   # writes docs/report.png and docs/desk.png

Needs the `web` and `test` extras (Playwright) and a Chromium on PATH.
"""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
DRAFT = ROOT / "examples" / "draft.txt"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def main() -> None:
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        sys.exit("no chromium on PATH")
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=FLAGS)
        page = browser.new_page(viewport={"width": 1280, "height": 720})
        report = Path(tmp, "report.html")
        html = subprocess.run([sys.executable, "-m", "glossary", "check", "examples/draft.txt", "--format", "html"],
                              cwd=ROOT, capture_output=True, text=True).stdout
        report.write_text(html, encoding="utf-8")
        page.goto(report.as_uri())
        page.keyboard.press("j")
        page.screenshot(path=str(ROOT / "docs" / "report.png"))

        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
        server = subprocess.Popen([sys.executable, "-m", "glossary", "serve", "--port", str(port)], cwd=tmp)
        try:
            url = f"http://127.0.0.1:{port}/"
            for _ in range(100):
                try:
                    urllib.request.urlopen(url + "health", timeout=1)
                    break
                except OSError:
                    time.sleep(0.1)
            page.goto(url)
            page.set_input_files("#file", str(DRAFT))
            page.click("#check")
            page.wait_for_selector("mark[data-ids]")
            page.keyboard.press("j")
            page.keyboard.press("j")
            page.click("#accept")
            page.screenshot(path=str(ROOT / "docs" / "desk.png"))
        finally:
            server.terminate()
            server.wait()
        browser.close()


if __name__ == "__main__":
    main()
