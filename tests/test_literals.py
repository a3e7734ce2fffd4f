"""URLs, e-mail addresses, file paths and code spans are never matched (issue 12, point 4)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from glossary import load, normalize
from glossary.checks import check_text
from glossary.literals import Literals, literal_spans


@pytest.mark.parametrize("literal", [
    "https://example.org/one-belt-one-road/", "www.example.org/OBOR", "obor@example.org",
    "docs/OBOR/notes", "./OBOR/list", "`OBOR = 1`", "OBOR.json",
])
def test_literals_are_found(literal: str) -> None:
    text = f"See {literal} today."
    assert [text[s.start:s.end] for s in literal_spans(text)] == [literal]


def test_nothing_inside_a_literal_is_matched_or_fixed() -> None:
    text = "See https://example.org/one-belt-one-road/, obor@example.org, docs/OBOR/notes and `OBOR = 1`; but OBOR here."
    [finding] = check_text(text, "en", load())
    assert finding.found == "OBOR" and text[finding.start - 4:finding.start] == "but "
    assert normalize(text, "en").endswith("`OBOR = 1`; but BRI here.")


def test_prose_without_literals_is_unchanged() -> None:
    assert literal_spans("The Belt and Road Initiative, a plan.") == []


_PIECES = ["/", ".", "@", "`", "://", "www.", "x", "OBOR", "md", "json", " ", "\n", "-", "_", "é", "~", "<"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=40), st.data())
def test_literals_by_line_are_the_literals_of_the_whole_text(pieces: list[str], data: st.DataObject) -> None:
    """`Literals` looks only at the lines a span touches; it must answer as the whole text's spans do."""
    text = "".join(pieces)
    whole = literal_spans(text)
    literals = Literals(text)
    for _ in range(5):
        start = data.draw(st.integers(0, len(text)))
        end = data.draw(st.integers(start, len(text)))
        assert literals.outside(start, end) == all(end <= s.start or s.end <= start for s in whole)
