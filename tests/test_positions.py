from __future__ import annotations

from glossary.model import Position
from glossary.positions import LineIndex


def test_positions_with_crlf_and_astral_characters() -> None:
    text = "ab\r\n\U0001f600x\nlast"
    index = LineIndex(text)
    assert index.position(0) == Position(1, 1)
    assert index.position(4) == Position(2, 1)
    assert index.position(5) == Position(2, 2)  # one code point for the emoji
    assert index.position(len(text)) == Position(3, 5)
    assert index.line_text(1) == "ab"
    assert index.line_text(3) == "last"


from bisect import bisect_right  # noqa: E402

from hypothesis import given  # noqa: E402
from hypothesis import strategies as st  # noqa: E402


@given(st.text(alphabet=st.sampled_from(list("ab\n\r\u00e9\U0001f600")), max_size=30), st.data())
def test_counted_positions_equal_the_line_table(text: str, data: st.DataObject) -> None:
    """Positions are counted from the nearest offset asked before, in any order: as the line table says."""
    offsets = data.draw(st.lists(st.integers(0, len(text)), min_size=0, max_size=20))
    index = LineIndex(text)
    starts = index.starts
    for offset in offsets:
        line = bisect_right(starts, offset)
        assert index.position(offset) == Position(line, offset - starts[line - 1] + 1)
