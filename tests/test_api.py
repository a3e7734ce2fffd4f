"""The Python API of `glossary`: its names, argument checks and the Finding contract."""

from __future__ import annotations

import json
import warnings
from pathlib import Path

import pytest

import glossary
from glossary.model import Position

TEXT = "Our plans:\nthe One Belt, One Road projects"


def test_public_types_are_exported():
    for name in ("Finding", "GlossaryError", "InputError", "TermBaseError", "TermBase", "Match", "Severity"):
        assert name in glossary.__all__
        assert getattr(glossary, name).__name__ == name
    assert issubclass(glossary.TermBaseError, glossary.GlossaryError)
    namespace: dict[str, object] = {}
    exec("from glossary import *", namespace)
    assert {"Finding", "check", "GlossaryError"} <= set(namespace)


def test_finding_offsets_and_positions_mean_what_the_json_says(tmp_path):
    [finding] = glossary.check(TEXT, lang="en")
    assert TEXT[finding.start:finding.end] == finding.found == "One Belt, One Road"
    assert (finding.line, finding.column, finding.end_line, finding.end_column) == (2, 5, 2, 23)
    path = tmp_path / "plans.txt"
    path.write_text(TEXT, encoding="utf-8")
    from click.testing import CliRunner

    from glossary.cli import main

    out = CliRunner().invoke(main, ["check", "--format", "json", "--lang", "en", str(path)]).output
    [row] = json.loads(out)["findings"]
    for key in ("start", "end", "line", "column", "end_line", "end_column", "message"):
        assert getattr(finding, key) == row[key], key


def test_old_position_objects_remain_for_one_release_with_a_warning():
    [finding] = glossary.check(TEXT, lang="en")
    with pytest.warns(DeprecationWarning, match="start_position"):
        assert finding.start_position == Position(2, 5)
    with pytest.warns(DeprecationWarning, match="end_position"):
        assert finding.end_position == Position(2, 23)


def test_finding_message_and_readable_str():
    [finding] = glossary.check(TEXT, lang="en")
    assert finding.message == '"One Belt, One Road" was officially replaced: use "Belt and Road"'
    assert str(finding) == f"<text>:2:5: superseded-term {finding.message}"


def test_termbase_repr_is_short():
    text = repr(glossary.load())
    assert len(text) < 200
    assert text.startswith("<TermBase ") and "concepts" in text


@pytest.mark.parametrize("lang", ["english", "xx", "en_", "", "zh--Hans"])
def test_bad_language_tags_are_refused(lang):
    with pytest.raises(ValueError, match="lang"):
        glossary.check("One Belt, One Road", lang=lang)
    with pytest.raises(ValueError):
        glossary.normalize("One Belt, One Road", lang=lang)
    with pytest.raises(ValueError, match="target_lang"):
        glossary.check_pair("一带一路", "One Belt, One Road", target_lang=lang)


def test_registered_tags_in_any_spelling_are_accepted():
    assert glossary.check("One Belt, One Road", lang="en-GB")
    assert glossary.check("One Belt, One Road", lang="en_US")
    assert glossary.normalize("One Belt, One Road", lang="EN") == "Belt and Road"


def test_bytes_are_refused_with_a_type_error():
    with pytest.raises(TypeError, match="bytes"):
        glossary.check(b"One Belt, One Road")
    with pytest.raises(TypeError, match="bytes"):
        glossary.normalize(b"One Belt, One Road")
    with pytest.raises(TypeError, match="bytes"):
        glossary.check_pair(b"x", "y")
    with pytest.raises(TypeError, match="bytes"):
        glossary.load(b"ours.yaml")


OURS = """\
version: 1
concepts:
  - id: acme-widget
    terms:
      en:
        - text: Acme Widget
          status: preferred
        - text: acme gadget
          status: deprecated
"""


@pytest.mark.parametrize("as_type", [str, Path, lambda p: [str(p)]])
def test_a_term_base_path_is_accepted_everywhere(tmp_path, as_type):
    path = tmp_path / "ours.yaml"
    path.write_text(OURS, encoding="utf-8")
    arg = as_type(path)
    tb = glossary.load(arg)
    assert "acme-widget" in tb and "belt-and-road" in tb
    assert [f.concept_id for f in glossary.check("an acme gadget", lang="en", termbase=arg)] == ["acme-widget"]
    assert glossary.normalize("an acme gadget", lang="en", termbase=arg) == "an Acme Widget"
    assert [m.concept_id for m in glossary.find_concepts("an acme gadget", lang="en", termbase=arg)] == ["acme-widget"]


def test_a_missing_term_base_path_is_a_termbase_error(tmp_path):
    with pytest.raises(glossary.TermBaseError, match="acme.yaml"):
        glossary.check("text", termbase=str(tmp_path / "acme.yaml"))


def test_no_warning_on_ordinary_use():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        [finding] = glossary.check(TEXT)
        assert finding.span.start == finding.start
