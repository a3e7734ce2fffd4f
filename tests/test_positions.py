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
