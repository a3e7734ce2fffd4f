"""The HTML report's data: pages never cut a finding, offsets in UTF-16, script-safe JSON."""

from __future__ import annotations

import json
import re

from hypothesis import given
from hypothesis import strategies as st

from glossary.checks import check_document, text_document
from glossary.reporters import Report
from glossary.reporters.html import page_data, pages, render, script_json
from glossary.termbase import TermBase

from ..conftest import golden

DRAFT = ("Trade notes.\n"
         "The One Belt, One Road plans were praised 🎉 twice, and the community of common destiny once.\n"
         "OBOR </script><!-- closing tags in the text must not end the page's data -->\n")


def report_for(tb: TermBase, text: str = DRAFT) -> Report:
    doc = text_document(text, path="notes.txt", lang="en")
    return Report(findings=tuple(check_document(doc, tb)), files=("notes.txt",), sources={"notes.txt": text})


def test_page_data_matches_golden(tb: TermBase) -> None:
    golden("draft.html.json", json.dumps(page_data(report_for(tb)), ensure_ascii=False, indent=1) + "\n")


def test_offsets_count_utf16_units_after_an_astral_character(tb: TermBase) -> None:
    data = page_data(report_for(tb))
    text = data["files"][0]["text"]  # type: ignore[index]
    units = text.encode("utf-16-le")
    strings = data["strings"]
    for item in data["files"][0]["findings"]:  # type: ignore[index]
        assert units[2 * item["s"]:2 * item["e"]].decode("utf-16-le") == strings[item["found"]]  # type: ignore[index]


def test_the_page_data_cannot_close_its_script_element(tb: TermBase) -> None:
    page = render(report_for(tb))
    data = re.search(r'<script type="application/json" id="data">(.*?)</script>', page, re.S)
    assert data is not None
    assert "</" not in data.group(1) and "<!--" not in data.group(1)
    assert json.loads(data.group(1))["files"][0]["text"] == DRAFT


def test_script_json_escapes_line_separators() -> None:
    assert "\u2028" not in script_json({"t": "a\u2028b"})
    assert json.loads(script_json({"t": "a\u2028b<&>"})) == {"t": "a\u2028b<&>"}


def test_the_page_is_self_contained(tb: TermBase) -> None:
    page = render(report_for(tb))
    assert not re.search(r'(src|href)="(https?:)?//', page)
    assert "default-src 'none'" in page


@given(st.text(alphabet="ab \n", max_size=400), st.lists(st.tuples(st.integers(0, 400), st.integers(0, 12)), max_size=20),
       st.integers(5, 60))
def test_pages_cover_the_text_and_never_cut_a_span(text: str, raw: list[tuple[int, int]], size: int) -> None:
    spans = [(min(a, len(text)), min(a + n, len(text))) for a, n in raw]
    cuts = pages(text, spans, size)
    assert cuts[0][0] == 0 and cuts[-1][1] == len(text)
    assert all(a < b for a, b in cuts) or text == ""
    assert all(cuts[k][1] == cuts[k + 1][0] for k in range(len(cuts) - 1))
    for a, b in spans:
        if a < b:
            assert any(x <= a and b <= y for x, y in cuts)
