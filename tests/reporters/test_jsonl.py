from __future__ import annotations

import json

import pytest

from glossary.reporters import Report, json as json_reporter, jsonl

from .findings import sample


def test_each_line_is_one_finding_of_the_json_report() -> None:
    report = Report(findings=tuple(sample()), files=("a.txt",))
    lines = jsonl.render(report).splitlines()
    assert [json.loads(line) for line in lines] == json.loads(json_reporter.render(report))["findings"]


def test_no_findings_print_nothing() -> None:
    assert jsonl.render(Report(findings=())) == ""


def test_a_large_json_report_is_the_same_document_without_indentation(monkeypatch: pytest.MonkeyPatch) -> None:
    report = Report(findings=tuple(sample()), files=("a.txt",))
    indented = json_reporter.render(report)
    monkeypatch.setattr(json_reporter, "INDENT_LIMIT", 1)
    compact = json_reporter.render(report)
    assert "\n  " in indented and compact.count("\n") == 1
    assert json.loads(compact) == json.loads(indented)
