from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

pytest.importorskip("lsprotocol")

from glossary.lsp.units import Lines  # noqa: E402


def test_a_character_outside_the_bmp_counts_two_utf16_units() -> None:
    text = "a\n𠮷 Belt"
    lines = Lines(text)
    assert lines.position(text.index("Belt")) == (1, 3)
    assert Lines(text, "utf-32").position(text.index("Belt")) == (1, 2)
    assert Lines(text, "utf-8").position(text.index("Belt")) == (1, 5)
    assert lines.offset(1, 3) == text.index("Belt")


def test_a_position_past_the_end_of_a_line_clamps_to_its_end() -> None:
    lines = Lines("ab\ncd")
    assert lines.offset(0, 99) == 2
    assert lines.offset(9, 0) == 5


@given(st.text(alphabet=st.sampled_from("ab \n一𠮷é"), max_size=40), st.sampled_from(["utf-8", "utf-16", "utf-32"]))
def test_offsets_survive_the_round_trip(text: str, encoding: str) -> None:
    lines = Lines(text, encoding)
    for offset in range(len(text) + 1):
        assert lines.offset(*lines.position(offset)) == offset
