"""`check --statistics`: named = preferred + otherwise + missing, per concept."""

from __future__ import annotations

import json

from click.testing import CliRunner

import glossary
from glossary.cli import main
from glossary.model import Document, Segment
from glossary.rendering_stats import Figures, compute, merge, render_text

SOURCE = "我们支持一带一路倡议。上合组织开会，上海合作组织同意了。真正的多边主义。"
TARGET = "We support the Belt and Road Initiative. The SCO met and the Shanghai Cooperation Organization agreed."


def pair(source: str, target: str) -> Document:
    segment = Segment(text=target, lang="en", source_text=source, source_lang="zh")
    return Document(path="t.txt", text=target, segments=(segment,))


def test_figures_per_concept():
    rows = {f.concept: f for f in compute(pair(SOURCE, TARGET), glossary.load())}
    assert rows["belt-and-road"] == Figures("belt-and-road", 1, 1, 0, 0)
    assert rows["shanghai-cooperation-organization"] == Figures("shanghai-cooperation-organization", 2, 1, 1, 0)
    assert rows["true-multilateralism"] == Figures("true-multilateralism", 1, 0, 0, 1)
    for f in rows.values():
        assert f.named == f.preferred + f.otherwise + f.missing


def test_variants_and_untranslated_terms_count_as_otherwise():
    rows = {f.concept: f for f in compute(pair("一带一路和一带一路", "One Belt, One Road and 一带一路"), glossary.load())}
    assert rows["belt-and-road"] == Figures("belt-and-road", 2, 0, 2, 0)


def test_monolingual_documents_have_no_figures():
    document = Document(path="x", text="一带一路", segments=(Segment(text="一带一路", lang="zh"),))
    assert compute(document, glossary.load()) == []


def test_merge_and_table():
    rows = merge([[Figures("a", 2, 1, 1, 0)], [Figures("a", 1, 0, 0, 1), Figures("b", 1, 1, 0, 0)]])
    assert rows == [Figures("a", 3, 1, 1, 1), Figures("b", 1, 1, 0, 0)]
    table = render_text(rows)
    assert table.splitlines()[0].split() == ["concept", "named", "preferred", "otherwise", "missing"]
    assert table.splitlines()[-1].split() == ["total", "4", "2", "1", "1"]


def run(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False, prog_name="glossary",
                              env={"LANG": "C.UTF-8", "LANGUAGE": ""})


def test_cli_text_and_json(tmp_path):
    source, target = tmp_path / "zh.txt", tmp_path / "en.txt"
    source.write_text(SOURCE + "\n", encoding="utf-8")
    target.write_text(TARGET + "\n", encoding="utf-8")
    text = run("check", str(target), "--source", str(source), "--statistics")
    assert text.exit_code == 1  # true multilateralism is missing
    assert "shanghai-cooperation-organization" in text.stdout and "total" in text.stdout
    doc = json.loads(run("check", str(target), "--source", str(source), "--statistics", "--format", "json").stdout)
    assert doc["statistics"]["total"] == {"named": 4, "preferred": 2, "otherwise": 1, "missing": 1}
    assert "statistics" not in json.loads(run("check", str(target), "--source", str(source), "--format", "json").stdout)


def test_cli_bilingual_files_in_parallel_add_up(tmp_path):
    po = ('msgid ""\nmsgstr ""\n"Language: en\\n"\n\nmsgid "一带一路"\nmsgstr "One Belt, One Road"\n\n'
          'msgid "上合组织"\nmsgstr "Shanghai Cooperation Organization"\n')
    for name in ("a.po", "b.po", "c.po"):
        (tmp_path / name).write_text(po, encoding="utf-8")
    for jobs in ("1", "2"):
        result = run("check", str(tmp_path), "--source-lang", "zh", "--statistics", "--format", "json", "--jobs", jobs)
        figures = json.loads(result.stdout)["statistics"]
        assert figures["total"] == {"named": 6, "preferred": 3, "otherwise": 3, "missing": 0}, jobs
