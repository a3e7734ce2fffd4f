"""The brief's output formats, and the prompt's size bound."""

from __future__ import annotations

import csv
import io
import json

import glossary
from glossary.briefing.formats import (CSV_HEADER, FORMATS, PROMPT_HEADER_LIMIT, PROMPT_LINE_LIMIT, prompt_line,
                                       render_prompt)
from glossary.briefing import Target

TEXT = "各方支持共建“一带一路”，上合组织成员国愿构建人类命运共同体。"


def entries(langs=("en", "ru")):
    return glossary.brief(TEXT, "zh", list(langs))


def test_every_format_renders():
    for name, render in FORMATS.items():
        assert render(entries(), "zh", ["en", "ru"]).strip(), name


def test_csv_parses_with_one_row_per_concept_and_language():
    rows = list(csv.reader(io.StringIO(FORMATS["csv"](entries(), "zh", ["en", "ru"]))))
    assert tuple(rows[0]) == CSV_HEADER
    assert len(rows) == 1 + 3 * 2
    assert all(len(r) == len(CSV_HEADER) for r in rows)
    first = dict(zip(rows[0], rows[1]))
    assert first["concept"] == "belt-and-road" and first["lang"] == "en"
    assert first["preferred"] == "Belt and Road Initiative"
    assert "One Belt, One Road" in first["avoid"].split(" | ")


def test_json_is_the_list_the_api_returns():
    doc = json.loads(FORMATS["json"](entries(), "zh", ["en", "ru"]))
    assert doc == [e.as_json() for e in entries()]


def test_markdown_has_a_table_row_per_concept_and_language():
    text = FORMATS["markdown"](entries(), "zh", ["en", "ru"])
    rows = [line for line in text.splitlines() if line.startswith("| ") and "`" in line]
    assert len(rows) == 6
    assert "**Belt and Road Initiative**" in text


def test_prompt_says_render_and_never():
    text = render_prompt(entries(("en",)), "zh", ["en"])
    assert "Render 一带一路 as “Belt and Road Initiative”" in text
    assert "never “One Belt, One Road”" in text
    assert "人类命运共同体" in text and "上海合作组织" in text
    assert "丝绸之路经济带" not in text  # only the concepts of this source


def test_prompt_line_drops_alternatives_to_fit():
    target = Target("en", "Belt and Road Initiative", tuple(f"admitted {i}" for i in range(40)),
                    tuple(f"avoid {i}" for i in range(40)))
    line = prompt_line("一带一路", target, limit=120)
    assert line is not None and len(line) <= 120
    assert line.startswith("Render 一带一路 as “Belt and Road Initiative”")
    assert prompt_line("x", Target("en", None)) is None


def forty_concepts_text() -> tuple[str, int]:
    """A source text naming 40 concepts of the shipped term base, each by its preferred term."""
    tb = glossary.load()
    picked: list[str] = []
    for concept in tb.concepts:
        term = concept.preferred("zh")
        if term is None or concept.preferred("en") is None:
            continue
        text = "。".join([*picked, term.text]) + "。"
        if len(glossary.brief(text, "zh", ["en"])) == len(picked) + 1:
            picked.append(term.text)
        if len(picked) == 40:
            break
    return "。".join(picked) + "。", len(picked)


def test_prompt_for_forty_concepts_stays_under_the_documented_bound():
    text, n = forty_concepts_text()
    assert n == 40
    brief = glossary.brief(text, "zh", ["en"])
    assert len(brief) == 40
    prompt = render_prompt(brief, "zh", ["en"])
    lines = prompt.splitlines()
    assert all(len(line) <= PROMPT_LINE_LIMIT + 2 for line in lines[1:])  # "- " and the line
    assert len(prompt) <= 40 * (PROMPT_LINE_LIMIT + 3) + PROMPT_HEADER_LIMIT + 2
    assert len(prompt) <= 10_000  # the figure docs/machine-translation.md gives
