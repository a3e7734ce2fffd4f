"""SARIF 2.1.0 output for code-scanning services and SARIF viewers.

Conventions followed (SARIF 2.1.0 §3.30, GitHub's "SARIF support for code
scanning"): one rule per finding code; 1-based regions whose `endColumn` is the
column after the last character; columns counted in Unicode code points and
said so in `run.columnKind`; `partialFingerprints` that do not depend on line
numbers, so an alert survives edits elsewhere in the file; `fixes` for fixable
findings (GitHub ignores them, editors' SARIF viewers apply them).
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from pathlib import PurePath
from urllib.parse import quote

from glossary import __version__, codes
from glossary.project import DISTRIBUTION
from glossary.checks import BY_CODE, CHECKS
from glossary.i18n import _
from glossary.model import Finding, Severity
from glossary.reporters import Report
from glossary.reporters.messages import message

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
FINGERPRINT_KEY = "glossary/v1"


def render(report: Report) -> str:
    """The SARIF log of a run."""
    return render_findings(report.findings, sources=report.sources)


def chunks(report: Report) -> Iterator[str]:
    """The SARIF log result by result: the same text as `render`, never built whole.

    A run with a flood of findings (a file full of mojibake) would otherwise
    hold a dict tree for every result and the whole indented text at once.
    """
    findings = tuple(report.findings)  # sorted across files and read twice: held whole
    if not findings:
        yield render(report)
        return
    marker = "\0results"
    skeleton = json.dumps(sarif_log(findings, sources=report.sources, results=[marker]),
                          ensure_ascii=False, indent=2)
    head, tail = skeleton.split(json.dumps(marker))
    pad = "\n" + " " * 8  # the results array sits four levels deep
    first = True
    for result in _results(findings, report.sources):
        yield (head if first else "," + pad) + json.dumps(result, ensure_ascii=False, indent=2).replace("\n", pad)
        first = False
    yield tail + "\n"


def render_findings(findings: Iterable[Finding], version: str | None = None, sources: Mapping[str, str] | None = None) -> str:
    """The SARIF log for `findings`, as JSON text ending in a newline.

    Fixes carry exactly what `glossary fix` writes: each finding's own edit
    (`Finding.fix`, case kept and escaped for the file format). `sources` is
    accepted for older callers and no longer needed.
    """
    return json.dumps(sarif_log(findings, version, sources), ensure_ascii=False, indent=2) + "\n"


def _rule_codes(findings: Iterable[Finding]) -> list[str]:
    rule_codes = [check.code for check in CHECKS]
    return rule_codes + sorted({f.code for f in findings} - set(rule_codes))


def _results(findings: Iterable[Finding], sources: Mapping[str, str] | None) -> Iterator[dict]:
    """Each finding's result in the log's order, made one at a time."""
    ordered = sorted(findings, key=lambda f: (f.path, f.line, f.column, f.code, f.found))
    index = {code: i for i, code in enumerate(_rule_codes(ordered))}
    seen: Counter[tuple[str, str, str, str | None, str]] = Counter()
    for finding in ordered:
        key = (finding.path, finding.code, finding.found.casefold(), finding.concept_id, finding.lang)
        seen[key] += 1
        yield _result(finding, index[finding.code], seen[key])


def sarif_log(findings: Iterable[Finding], version: str | None = None, sources: Mapping[str, str] | None = None,
              results: list | None = None) -> dict:
    """The SARIF log for `findings`, as a JSON-ready dict (`results` given: used as they are)."""
    findings = tuple(findings)
    rule_codes = _rule_codes(findings)
    driver = {
        "name": DISTRIBUTION,
        "semanticVersion": version or __version__,
        "informationUri": codes.docs_url(),
        "rules": [_rule(code) for code in rule_codes],
    }
    return {
        "$schema": SCHEMA_URI,
        "version": "2.1.0",
        "runs": [{"tool": {"driver": driver}, "columnKind": "unicodeCodePoints",
                  "results": list(_results(findings, sources)) if results is None else results}],
    }


def _rule(code: str) -> dict:
    doc = codes.doc(code)
    check = BY_CODE.get(code)
    summary = check.summary if check is not None else doc.description
    level = LEVELS[check.severity] if check is not None else "warning"
    return {
        "id": code,
        "name": code,
        "shortDescription": {"text": _(summary)},
        "fullDescription": {"text": _(doc.description)},
        "help": {"text": _(doc.help)},
        "helpUri": codes.help_uri(code),
        "defaultConfiguration": {"level": level},
    }


def _uri(path: str) -> str:
    """A URI reference for `path`: relative paths stay relative (as GitHub wants)."""
    if not path or path == "-":
        return "stdin"
    pure = PurePath(path)
    if pure.is_absolute():
        return pure.as_uri()
    return quote(pure.as_posix(), safe="/")


def _region(finding: Finding) -> dict:
    return {
        "startLine": finding.line,
        "startColumn": finding.column,
        "endLine": finding.end_line,
        "endColumn": finding.end_column,
    }


def _result(finding: Finding, rule_index: int, occurrence: int) -> dict:
    uri = _uri(finding.path)
    location = {"physicalLocation": {"artifactLocation": {"uri": uri}, "region": _region(finding)}}
    properties = {"concept": finding.concept_id, "lang": finding.lang, "found": finding.found}
    if finding.suggestion is not None:
        properties["suggestion"] = finding.suggestion
    if finding.unit_id is not None:
        properties["unitId"] = finding.unit_id
    if finding.fuzzy:
        properties["fuzzy"] = True
    result: dict = {
        "ruleId": finding.code,
        "ruleIndex": rule_index,
        "level": LEVELS.get(finding.severity, "warning"),
        "message": {"text": message(finding, _)},
        "locations": [location],
        "partialFingerprints": {FINGERPRINT_KEY: _fingerprint(finding, occurrence)},
        "properties": properties,
    }
    if finding.fixable and finding.suggestion is not None:
        inserted = finding.fix.replacement if finding.fix is not None else finding.suggestion
        result["fixes"] = [
            {
                "description": {"text": _('Replace with "{suggestion}"').format(suggestion=finding.suggestion)},
                "artifactChanges": [
                    {
                        "artifactLocation": {"uri": uri},
                        "replacements": [
                            {"deletedRegion": _region(finding), "insertedContent": {"text": inserted}}
                        ],
                    }
                ],
            }
        ]
    return result


def _fingerprint(finding: Finding, occurrence: int) -> str:
    """Stable across unrelated edits: code, concept, found text and its occurrence number."""
    parts = (finding.code, finding.concept_id or "", finding.lang, finding.found.casefold(), str(occurrence))
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:32]
