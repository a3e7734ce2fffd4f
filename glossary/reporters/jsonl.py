"""JSON Lines: one finding per line, the objects of the JSON report's `findings`.

For large runs and streaming consumers: a line can be parsed as soon as it is
read, and no document has to be held to the end. There is no summary line; the
exit code says whether anything was found.
"""

from __future__ import annotations

import json
from collections.abc import Iterator

from . import Report
from .json import finding_dict

ONE_PASS = True  # `chunks` reads the findings once, as the run makes them (glossary.reporters)


def render(report: Report) -> str:
    return "".join(chunks(report))


def chunks(report: Report) -> Iterator[str]:
    """One line per finding, made as it is written."""
    encode = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode
    for f in report.findings:
        yield encode(finding_dict(f)) + "\n"
