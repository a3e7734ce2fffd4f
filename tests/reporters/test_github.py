from __future__ import annotations

from glossary.reporters import github
from tests.conftest import golden
from tests.reporters.findings import sample


def test_sample_matches_golden():
    golden("sample.github", github.render_findings(sample()))


def test_one_line_finding_has_columns_with_inclusive_end():
    line = github.annotation(sample()[0])
    assert line.startswith("::warning file=docs/speech draft.md,line=3,endLine=3,col=9,endColumn=26,title=")


def test_finding_across_a_line_break_has_no_columns():
    line = github.annotation(sample()[1])
    assert "line=1,endLine=2," in line
    assert "col=" not in line and "endColumn=" not in line
    assert "community of common destiny" in line
    assert "\n" not in line


def test_severity_maps_to_command():
    commands = [github.annotation(f).split(" ", 1)[0] for f in sample()]
    assert commands == ["::warning", "::warning", "::error", "::notice"]


def test_property_values_escape_colon_and_comma_but_message_does_not():
    line = github.annotation(sample()[3])
    props, message = line[2:].split("::", 1)
    assert "file=notes%2Cv2%3Afinal.txt" in props
    assert message.startswith("notes,v2:final.txt:12:1: mixed-renderings ")
    assert "100%25 Belt, Road: Initiative" in message


def test_escape_rules():
    assert github.escape_data("50%\r\nx") == "50%25%0D%0Ax"
    assert github.escape_property("a:b,c%") == "a%3Ab%2Cc%25"


def test_each_annotation_is_one_line():
    out = github.render_findings(sample())
    assert out.count("\n") == len(sample())


def test_annotations_are_written_file_by_file_as_the_findings_come():
    """A run's findings are read once, as made: the first file's annotations come out before
    the second file's findings exist, each file's sorted by position."""
    from dataclasses import replace

    from glossary.reporters import Report

    first = [replace(f, path="a.md") for f in sample()]
    made: list[str] = []

    def findings():
        for f in reversed(first):
            made.append(f.path)
            yield f
        made.append("b.md")
        yield replace(first[0], path="b.md")

    pieces = github.chunks(Report(findings=findings()))
    head = next(pieces)
    assert made.count("b.md") == 1 and made.count("a.md") == len(first)  # read one past the first file, no further
    assert head == github.render_findings(first)
    assert "".join(pieces) == github.annotation(replace(first[0], path="b.md")) + "\n"
