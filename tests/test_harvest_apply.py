"""tools/harvest/apply.py: a harvest never takes a variant from a page of the accuracy benchmark."""

from __future__ import annotations

import importlib.util
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SCRIPT = ROOT / "tools" / "harvest" / "apply.py"
TERMS = ROOT / "glossary" / "data" / "terms.yaml"


def load_script():
    spec = importlib.util.spec_from_file_location("harvest_apply", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def entry(url: str, text: str = "Belt and Road scheme of cooperation") -> str:
    return (
        "variants:\n"
        "  - concept: belt-and-road\n"
        "    lang: en\n"
        f"    text: {text}\n"
        "    status: deprecated\n"
        f"    source: {{publisher: A paper, url: \"{url}\", date: \"2024-01-02\", kind: secondary}}\n"
        f"    example: {{text: \"They praised the {text}.\", fixed: \"They praised the Belt and Road.\"}}\n"
    )


@pytest.fixture
def setup(tmp_path):
    terms = tmp_path / "terms.yaml"
    shutil.copyfile(TERMS, terms)
    cases = tmp_path / "cases.yaml"
    cases.write_text(
        'cases:\n  - {lang: en, concept: null, text: "Some sentence.", url: "https://www.example.org/news/item-1/", date: "2024", publisher: X}\n',
        encoding="utf-8",
    )
    return tmp_path, terms, cases


def run(tmp_path, terms, cases, harvest):
    return subprocess.run(
        [sys.executable, str(SCRIPT), "--terms", str(terms), "--cases", str(cases), str(harvest)],
        capture_output=True, text=True, cwd=tmp_path,
    )


@pytest.mark.parametrize("url", [
    "https://www.example.org/news/item-1/",
    "http://example.org/news/item-1",
    "https://EXAMPLE.org/news/item-1/",
    "example.org/news/item-1",
    "http://www.example.org/news/item-1/#para2",
])
def test_a_benchmark_page_is_refused_in_any_spelling(setup, url):
    tmp_path, terms, cases = setup
    before = terms.read_bytes()
    harvest = tmp_path / "round9-en.yaml"
    harvest.write_text("# a round\n" + entry(url), encoding="utf-8")
    result = run(tmp_path, terms, cases, harvest)
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in result.stderr
    assert f"{harvest}:3:" in lines[0] and "accuracy benchmark" in lines[0]
    assert terms.read_bytes() == before  # nothing written, not even the entries before it


def test_other_pages_of_the_same_site_are_applied(setup):
    tmp_path, terms, cases = setup
    harvest = tmp_path / "round9-en.yaml"
    harvest.write_text(entry("https://www.example.org/news/item-12/"), encoding="utf-8")
    result = run(tmp_path, terms, cases, harvest)
    assert result.returncode == 0, result.stderr
    assert "1 variants added" in result.stdout
    assert "Belt and Road scheme of cooperation" in terms.read_text(encoding="utf-8")
    again = run(tmp_path, terms, cases, harvest)  # a rerun changes nothing
    assert again.returncode == 0 and "0 variants added" in again.stdout


def test_a_refused_entry_stops_the_whole_run(setup):
    tmp_path, terms, cases = setup
    before = terms.read_bytes()
    good = tmp_path / "round8-en.yaml"
    good.write_text(entry("https://example.net/other", "Belt and Road scheme of trade"), encoding="utf-8")
    bad = tmp_path / "round9-en.yaml"
    bad.write_text(entry("http://example.org/news/item-1"), encoding="utf-8")
    result = subprocess.run(
        [sys.executable, str(SCRIPT), "--terms", str(terms), "--cases", str(cases), str(good), str(bad)],
        capture_output=True, text=True, cwd=tmp_path,
    )
    assert result.returncode == 2 and "added" not in result.stdout
    assert terms.read_bytes() == before


@pytest.mark.parametrize("content, where", [
    ("variants: [unclosed\n", ":"),
    ("- just a list\n", ":1:"),
    ("variants:\n  - {concept: belt-and-road, lang: en}\n", ":2:"),
])
def test_a_bad_harvest_file_is_one_line(setup, content, where):
    tmp_path, terms, cases = setup
    harvest = tmp_path / "round9-en.yaml"
    harvest.write_text(content, encoding="utf-8")
    result = run(tmp_path, terms, cases, harvest)
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and f"{harvest}{where}" in lines[0]


def test_normalize_url():
    normalize = load_script().normalize_url
    same = {normalize(u) for u in ("https://www.Example.org/a/b/", "http://example.org/a/b", "example.org/a/b", "https://example.org/a/b#x")}
    assert same == {"example.org/a/b"}
    assert normalize("https://example.org/a?id=1") != normalize("https://example.org/a?id=2")


def test_no_harvest_entry_is_a_benchmark_page():
    """The shipped rounds pass the guard: apply.py --dry-run on the real files exits 0."""
    result = subprocess.run([sys.executable, str(SCRIPT), "--dry-run"], capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, result.stderr
