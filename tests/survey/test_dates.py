from __future__ import annotations

import os
from pathlib import Path

import pytest

from glossary.survey.dates import compile_pattern, year_of


def test_the_last_year_in_the_path_wins() -> None:
    assert year_of("archive/2019/news_2021-03-04.txt") == "2021"


def test_a_date_from_expression_takes_its_year_group() -> None:
    pattern = compile_pattern(r"issue-(?P<year>\d{4})")
    assert year_of("2020/issue-2018-07.md", pattern) == "2018"
    assert year_of("2020/other.md", pattern) == "2020"  # no match: the path's own year


def test_without_a_year_in_the_path_the_modification_time_tells(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    Path("note.txt").write_text("x", encoding="utf-8")
    os.utime("note.txt", (1_500_000_000, 1_500_000_000))  # July 2017
    assert year_of("note.txt") == "2017"
    assert year_of("missing.txt") == ""


def test_a_bad_expression_is_a_value_error_naming_the_option() -> None:
    with pytest.raises(ValueError, match="--date-from"):
        compile_pattern("(")
