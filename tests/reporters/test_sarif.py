from __future__ import annotations

import json

import pytest

from hypothesis import given, settings
from hypothesis import strategies as st

from glossary.checks import CHECKS
from glossary.model import Finding, Severity
from glossary.reporters import sarif
from tests.conftest import SARIF_VALIDATIONS, golden
from tests.reporters.findings import sample


def test_sample_matches_golden_and_schema(validate_sarif):
    text = sarif.render_findings(sample(), version="1.2.3")
    validate_sarif(text)
    golden("sample.sarif", text)


def test_empty_run_is_valid_and_still_lists_every_rule(validate_sarif):
    log = validate_sarif(sarif.render_findings([], version="1.2.3"))
    run = log["runs"][0]
    assert run["results"] == []
    assert [r["id"] for r in run["tool"]["driver"]["rules"]] == [c.code for c in CHECKS]


def test_github_requirements_hold():
    log = sarif.sarif_log(sample(), version="1.2.3")
    assert log["$schema"] == sarif.SCHEMA_URI
    run = log["runs"][0]
    assert run["columnKind"] == "unicodeCodePoints"
    for rule in run["tool"]["driver"]["rules"]:
        for key in ("shortDescription", "fullDescription", "help"):
            assert rule[key]["text"].strip()
        assert rule["helpUri"].endswith("codes.md#" + rule["id"])
    for result in run["results"]:
        assert 1 <= len(result["locations"]) <= 10
        assert run["tool"]["driver"]["rules"][result["ruleIndex"]]["id"] == result["ruleId"]


def test_regions_are_one_based_code_point_columns_with_exclusive_end():
    han = next(f for f in sample() if f.found == "一带一路")
    result = sarif.sarif_log([han], version="1")["runs"][0]["results"][0]
    region = result["locations"][0]["physicalLocation"]["region"]
    assert region == {"startLine": 1, "startColumn": 6, "endLine": 1, "endColumn": 10}
    assert region["endColumn"] - region["startColumn"] == len(han.found)


def test_fixes_only_for_fixable_findings():
    results = sarif.sarif_log(sample(), version="1")["runs"][0]["results"]
    by_found = {r["properties"]["found"]: r for r in results}
    fix = by_found["One Belt, One Road"]["fixes"][0]
    replacement = fix["artifactChanges"][0]["replacements"][0]
    assert replacement["insertedContent"]["text"] == "Belt and Road"
    assert replacement["deletedRegion"] == by_found["One Belt, One Road"]["locations"][0]["physicalLocation"]["region"]
    assert fix["artifactChanges"][0]["artifactLocation"]["uri"] == "docs/speech%20draft.md"
    assert "fixes" not in by_found["一带一路"]
    assert "fixes" not in by_found["BRI"]


def test_fingerprints_ignore_line_moves_but_separate_occurrences():
    first = sample()[0]
    moved = Finding(**{**{s: getattr(first, s) for s in Finding.__slots__}, "line": 30, "column": 1, "end_line": 30, "end_column": 19})
    fp = lambda findings: [r["partialFingerprints"][sarif.FINGERPRINT_KEY] for r in sarif.sarif_log(findings, version="1")["runs"][0]["results"]]
    assert fp([first]) == fp([moved])
    twice = fp([first, moved])
    assert len(set(twice)) == 2


def test_absolute_paths_become_file_uris():
    f = sample()[2]
    absolute = Finding(**{**{s: getattr(f, s) for s in Finding.__slots__}, "path": "/srv/po/ру.po"})
    uri = sarif.sarif_log([absolute], version="1")["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    assert uri == "file:///srv/po/%D1%80%D1%83.po"


def test_unknown_code_gets_its_own_rule(validate_sarif):
    f = sample()[0]
    odd = Finding(**{**{s: getattr(f, s) for s in Finding.__slots__}, "code": "future-check"})
    log = validate_sarif(sarif.render_findings([odd], version="1"))
    rules = log["runs"][0]["tool"]["driver"]["rules"]
    assert rules[-1]["id"] == "future-check"
    assert log["runs"][0]["results"][0]["ruleIndex"] == len(rules) - 1


def test_messages_follow_the_ui_language(validate_sarif):
    from glossary import i18n

    i18n.setup("ru")
    log = validate_sarif(sarif.render_findings(sample()[:1], version="1"))
    text = log["runs"][0]["results"][0]["message"]["text"]
    assert "One Belt, One Road" in text and "Belt and Road" in text
    assert "officially replaced" not in text and "заменён" in text


texts = st.text(st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=20)


@settings(max_examples=60, deadline=None)
@given(found=texts, path=texts, line=st.integers(1, 10**6), col=st.integers(1, 500), width=st.integers(0, 50), lines=st.integers(0, 3))
def test_any_finding_gives_a_valid_log(sarif_schema, found, path, line, col, width, lines):
    from jsonschema import Draft4Validator

    finding = Finding(
        code="deprecated-term",
        severity=Severity.WARNING,
        start=0,
        end=width,
        line=line,
        column=col,
        end_line=line + lines,
        end_column=col + width,
        found=found,
        concept_id="x",
        suggestion=found[::-1],
        fixable=True,
        path=path,
        lang="en",
    )
    log = json.loads(sarif.render_findings([finding], version="1"))
    assert not list(Draft4Validator(sarif_schema).iter_errors(log))
    SARIF_VALIDATIONS.append(1)


def test_cli_sarif_fix_carries_what_glossary_fix_writes(tmp_path, validate_sarif):
    from click.testing import CliRunner

    from glossary.cli import main

    draft = tmp_path / "draft.md"
    draft.write_text("Intro.\n\nCommunity of common destiny, and one belt, one road.\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["check", "--format", "sarif", str(draft)], env={"LANG": "C.UTF-8", "LANGUAGE": ""})
    assert result.exit_code == 1
    log = validate_sarif(result.stdout)
    results = log["runs"][0]["results"]
    inserted = [r["fixes"][0]["artifactChanges"][0]["replacements"][0]["insertedContent"]["text"] for r in results]
    regions = [r["locations"][0]["physicalLocation"]["region"] for r in results]
    assert inserted == ["Community with a shared future", "Belt and Road"]
    assert regions[0] == {"startLine": 3, "startColumn": 1, "endLine": 3, "endColumn": 28}
    fixed = CliRunner().invoke(main, ["fix", str(draft)], env={"LANG": "C.UTF-8", "LANGUAGE": ""})
    assert fixed.exit_code == 1
    assert draft.read_text(encoding="utf-8") == "Intro.\n\nCommunity with a shared future, and Belt and Road.\n"


def test_cli_github_format(tmp_path):
    from click.testing import CliRunner

    from glossary.cli import main

    draft = tmp_path / "a,b.txt"
    draft.write_text("They joined One Belt,\nOne Road.\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["check", "--format", "github", str(draft)], env={"LANG": "C.UTF-8", "LANGUAGE": ""})
    assert result.exit_code == 1
    (line,) = result.stdout.splitlines()
    assert line.startswith(f"::error file={str(draft).replace(',', '%2C')},line=1,endLine=2,title=glossary superseded-term (belt-and-road)::")
    assert "col=" not in line


@pytest.mark.parametrize("copies", [0, 1, 50])
def test_the_streamed_log_is_the_rendered_one(copies: int) -> None:
    """`chunks` makes one result at a time, yet gives the text `render` gives."""
    from glossary import check, load
    from glossary.reporters import Report
    from glossary.reporters import sarif

    from ..conftest import TERMBASE

    text = "One Belt, One Road and OBOR.\nIt\u00e2\u20ac\u2122s here.\n"
    findings = tuple(check(text, "en", load(TERMBASE, default=False))) * copies
    report = Report(findings=findings, files=("a.txt",), sources={"<text>": text})
    assert "".join(sarif.chunks(report)) == sarif.render(report)
