"""The JSON reporter written piece by piece."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("copies", [0, 1, 400])
def test_the_streamed_document_is_the_one_json_dumps_gives(copies: int) -> None:
    """`chunks` never holds the whole text, yet gives the bytes of one `json.dumps` (both layouts)."""
    import json as stdlib_json
    from collections import Counter

    from glossary import check, load
    from glossary.reporters import Report
    from glossary.reporters import json as reporter

    from ..conftest import TERMBASE

    findings = tuple(check("One Belt, One Road and OBOR.\n" * 3, "en", load(TERMBASE, default=False))) * copies
    report = Report(findings=findings, files=("a.txt",), errors=("e",), fixed=("f",), statistics={"a": [1, {"b": 2}]})
    doc = {"version": 1, "findings": [reporter.finding_dict(f) for f in findings],
           "summary": {"findings": len(findings), "fixable": sum(f.fixable for f in findings), "files": 1,
                       "by_code": dict(sorted(Counter(f.code for f in findings).items())), "fixed": ["f"],
                       "errors": ["e"]},
           "statistics": {"a": [1, {"b": 2}]}}
    compact = len(findings) > reporter.INDENT_LIMIT
    expected = stdlib_json.dumps(doc, ensure_ascii=False, **({"separators": (",", ":")} if compact else {"indent": 2}))
    assert "".join(reporter.chunks(report)) == expected + "\n"


def test_findings_given_one_by_one_give_the_same_document():
    """The command line hands the JSON reporter its findings as a run makes them (glossary.runner.stream)."""
    from glossary.reporters import Report
    from glossary.reporters import json as reporter

    from .findings import sample

    for findings in (sample(), sample() * 400):
        whole = reporter.render(Report(findings=tuple(findings), files=("a",)))
        assert reporter.render(Report(findings=iter(findings), files=("a",))) == whole


def test_found_sources_extend_a_finding_and_are_empty_where_none_are_recorded() -> None:
    from glossary import check, load
    from glossary.reporters import json as reporter

    from ..conftest import TERMBASE, river_pact

    tb = river_pact('{publisher: Valley Weekly, title: Dam talks, date: "2022-03-01", kind: secondary}')
    [f] = check("The Basin River Treaty.", "en", tb)
    got = reporter.finding_dict(f)
    assert got["found_sources"] == [{"publisher": "Valley Weekly", "title": "Dam talks", "date": "2022-03-01",
                                     "url": "", "kind": "secondary"}]
    assert [s["publisher"] for s in got["sources"]] == ["Ministry"]
    for other in check("One Belt, One Road.", "en", load(TERMBASE, default=False)):
        assert reporter.finding_dict(other)["found_sources"] == []
