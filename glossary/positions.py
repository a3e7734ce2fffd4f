"""Offsets to 1-based line and column (code points), the one place it is done."""

from __future__ import annotations

from bisect import bisect_right

from .model import Position, Span

class LineIndex:
    """Line starts of a text; a line ends after "\\n" (so CRLF and LF both work).

    A position is counted, not looked up: the newlines between the nearest
    offset asked before and this one are counted in C (`str.count`), so a
    check that asks for its findings in order reads the text once, however
    many findings it has, and never builds a table of every line. The table
    (`starts`) is built only for `line_text`, which a text report needs.
    """

    def __init__(self, text: str) -> None:
        self.text = text
        self._starts: list[int] | None = None
        # Offsets already counted, sorted, with the line number and line start at each.
        self._known: list[int] = [0]
        self._lines: list[int] = [1]
        self._line_starts: list[int] = [0]

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
        text = self.text
        known = self._known
        k = bisect_right(known, offset) - 1
        base = known[k]
        if base == offset:
            return Position(self._lines[k], offset - self._line_starts[k] + 1)
        breaks = text.count("\n", base, offset)
        line = self._lines[k] + breaks
        # Search back no further than the offset counted from: a text of one
        # long line must not be read again for every finding on it.
        start = text.rfind("\n", base, offset) + 1 if breaks else self._line_starts[k]
        known.insert(k + 1, offset)
        self._lines.insert(k + 1, line)
        self._line_starts.insert(k + 1, start)
        return Position(line, offset - start + 1)

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
