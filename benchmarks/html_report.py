"""The HTML report on a large draft: time to write it, its size, and time to open it in Chromium.

    python benchmarks/html_report.py [MB]   # default 5

The draft repeats one paragraph with a superseded rendering in each (about one
finding per 120 characters, far denser than real drafts). Needs Playwright and
a Chromium on PATH for the browser figures; prints medians of three runs.
"""

from __future__ import annotations

import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PARAGRAPH = ("The partners discussed One Belt, One Road projects and many other matters "
             "at length in many long meetings of the council.\n")
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def main() -> None:
    megabytes = float(sys.argv[1]) if len(sys.argv) > 1 else 5.0
    with tempfile.TemporaryDirectory() as tmp:
        draft = Path(tmp, "draft.txt")
        draft.write_text(PARAGRAPH * int(megabytes * 1e6 // len(PARAGRAPH)), encoding="utf-8")
        report = Path(tmp, "report.html")
        writes = []
        for _ in range(3):
            start = time.perf_counter()
            html = subprocess.run([sys.executable, "-m", "glossary", "check", str(draft), "--format", "html"],
                                  capture_output=True, text=True).stdout
            writes.append(time.perf_counter() - start)
        report.write_text(html, encoding="utf-8")
        print(f"draft {draft.stat().st_size / 1e6:.1f} MB; report {report.stat().st_size / 1e6:.1f} MB; "
              f"check --format html: median {statistics.median(writes):.2f} s")
        chromium = shutil.which("chromium")
        if chromium is None:
            print("no chromium: browser figures skipped")
            return
        from playwright.sync_api import sync_playwright

        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=chromium, args=FLAGS)
            loads, steps = [], []
            for _ in range(3):
                page = browser.new_page()
                start = time.perf_counter()
                page.goto(report.as_uri())
                page.wait_for_selector("mark")
                loads.append(time.perf_counter() - start)
                start = time.perf_counter()
                for _ in range(20):
                    page.keyboard.press("j")
                steps.append((time.perf_counter() - start) / 20)
                pages = page.text_content("#page-label")
                page.close()
            browser.close()
        print(f"open to first highlight: median {statistics.median(loads):.2f} s; next finding: "
              f"median {1000 * statistics.median(steps):.1f} ms; {pages}")


if __name__ == "__main__":
    main()
