"""Offsets to 1-based line and column (code points), the one place it is done."""

from __future__ import annotations

from bisect import bisect_right

from .model import Position, Span

# Positions asked before the line table is built: each costs a C-level count
# over the text before the offset, cheaper than the table for the few
# findings most checked texts have.
_COUNTED_QUERIES = 16


class LineIndex:
    """Line starts of a text; a line ends after "\\n" (so CRLF and LF both work)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._starts: list[int] | None = None
        self._queries = 0

    @property
    def starts(self) -> list[int]:
        if self._starts is None:
            text = self.text
            starts = [0]
            find = text.find
            at = find("\n")
            while at != -1:
                starts.append(at + 1)
                at = find("\n", at + 1)
            self._starts = starts
        return self._starts

    def position(self, offset: int) -> Position:
        if self._starts is None and self._queries < _COUNTED_QUERIES:
            self._queries += 1
            text = self.text
            return Position(text.count("\n", 0, offset) + 1, offset - text.rfind("\n", 0, offset))
        starts = self.starts
        line = bisect_right(starts, offset)
        return Position(line, offset - starts[line - 1] + 1)

    def locate(self, span: Span) -> dict[str, int]:
        """A finding's location fields for `span`: offsets and 1-based positions."""
        first, last = self.position(span.start), self.position(span.end)
        return {"start": span.start, "end": span.end, "line": first.line, "column": first.column,
                "end_line": last.line, "end_column": last.column}

    def line_text(self, line: int) -> str:
        """The text of 1-based `line` without its line break."""
        starts = self.starts
        start = starts[line - 1]
        end = starts[line] if line < len(starts) else len(self.text)
        return self.text[start:end].rstrip("\r\n")
