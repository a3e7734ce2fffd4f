"""The HTML report as a translator uses it, in Chromium: highlights, filters, keys, pages."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

DRAFT = ("Summit notes (draft).\n\n"
         "Both sides praised the One Belt, One Road plans 🎉 and the community of common destiny.\n"
         "Two Lu Ban Workshops opened; the Belt and Road Initiative (BRI) was named twice.\n")

IDS = "ms => [...new Set(ms.flatMap(m => m.dataset.ids.split(' ')))].length"


def glossary(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "glossary", *args], cwd=cwd, capture_output=True, text=True)


def write_report(tmp_path: Path, text: str = DRAFT) -> tuple[Path, dict[str, Any]]:
    (tmp_path / "draft.txt").write_text(text, encoding="utf-8")
    html = glossary("check", "draft.txt", "--format", "html", cwd=tmp_path)
    assert html.returncode == 1, html.stderr
    (tmp_path / "report.html").write_text(html.stdout, encoding="utf-8")
    found = json.loads(glossary("check", "draft.txt", "--format", "json", cwd=tmp_path).stdout)
    return tmp_path / "report.html", found


def test_every_json_finding_is_highlighted_on_the_exact_text(page: Any, tmp_path: Path) -> None:
    report, found = write_report(tmp_path)
    page.goto(report.as_uri())
    assert found["findings"]
    assert page.eval_on_selector_all("mark[data-ids]", IDS) == len(found["findings"])
    marked = page.eval_on_selector_all("mark[data-ids]", "ms => ms.map(m => m.textContent)")
    for item in found["findings"]:
        assert item["found"] in marked
    assert page.text_content("#total") == f"{len(found['findings'])} findings"


def test_filters_hide_a_code_and_keys_walk_the_findings(page: Any, tmp_path: Path) -> None:
    report, found = write_report(tmp_path)
    codes = {f["code"] for f in found["findings"]}
    page.goto(report.as_uri())
    page.keyboard.press("j")
    first = found["findings"][0]
    assert page.text_content("#detail h2").endswith(f"draft.txt:{first['line']}:{first['column']}")
    assert first["suggestion"] in page.text_content("#detail")
    page.keyboard.press("j")
    second = found["findings"][1]
    assert page.text_content("#detail h2").endswith(f":{second['line']}:{second['column']}")
    hidden = sorted(codes)[0]
    page.uncheck(f"input[data-code='{hidden}']")
    left = sum(f["code"] != hidden for f in found["findings"])
    assert page.eval_on_selector_all("mark[data-ids]", IDS) == left


def test_a_large_draft_is_drawn_a_page_at_a_time(page: Any, tmp_path: Path) -> None:
    # Paragraphs apart, as in a real draft: lines run together are one segment, whose findings of one
    # concept past max-per-segment (1000) are one more-findings note, so the last would not be on the last page.
    paragraph = "The partners discussed One Belt, One Road projects at length in many meetings.\n\n"
    report, found = write_report(tmp_path, paragraph * 20_000)  # about 1.6 MB
    total = len(found["findings"])
    page.goto(report.as_uri())
    label = page.text_content("#page-label")
    pages = int(label.split(" of ")[1].split()[0])
    assert pages > 10
    seen = page.eval_on_selector_all("mark[data-ids]", IDS)
    assert 0 < seen < total
    assert len(page.text_content("#text")) < 40_000
    page.click("#next-page")
    assert "page 2 of" in page.text_content("#page-label")
    page.keyboard.press("k")  # from nothing selected, k goes to the last finding, on the last page
    assert f"page {pages} of {pages}" in page.text_content("#page-label")


def test_a_bilingual_check_shows_source_and_target_side_by_side(page: Any, tmp_path: Path) -> None:
    (tmp_path / "zh.txt").write_text("共建一带一路取得成果。\n这里没有术语。\n", encoding="utf-8")
    (tmp_path / "en.txt").write_text("The One Belt, One Road has borne fruit.\nNo term here.\n", encoding="utf-8")
    html = glossary("check", "en.txt", "--source", "zh.txt", "--format", "html", cwd=tmp_path)
    assert html.returncode == 1, html.stderr
    (tmp_path / "pair.html").write_text(html.stdout, encoding="utf-8")
    page.goto((tmp_path / "pair.html").as_uri())
    rows = page.eval_on_selector_all("#pairs tbody tr", "rs => rs.map(r => [...r.cells].map(c => c.textContent))")
    assert rows[0] == ["共建一带一路取得成果。", "The One Belt, One Road has borne fruit."]
    assert rows[1] == ["这里没有术语。", "No term here."]
    assert page.eval_on_selector_all("#pairs mark", "ms => ms.map(m => m.textContent)") == ["One Belt, One Road"]
    assert page.is_hidden("#text")
