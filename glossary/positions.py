"""Offsets to 1-based line and column (code points), the one place it is done."""

from __future__ import annotations

from bisect import bisect_right

from .model import Position


class LineIndex:
    """Line starts of a text; a line ends after "\\n" (so CRLF and LF both work)."""

    def __init__(self, text: str) -> None:
        starts = [0]
        find = text.find
        at = find("\n")
        while at != -1:
            starts.append(at + 1)
            at = find("\n", at + 1)
        self.starts = starts
        self.text = text

    def position(self, offset: int) -> Position:
        line = bisect_right(self.starts, offset)
        return Position(line, offset - self.starts[line - 1] + 1)

    def line_text(self, line: int) -> str:
        """The text of 1-based `line` without its line break."""
        start = self.starts[line - 1]
        end = self.starts[line] if line < len(self.starts) else len(self.text)
        return self.text[start:end].rstrip("\r\n")
