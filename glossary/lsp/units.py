"""Code-point offsets to LSP positions and back, in the encoding the client chose.

LSP counts a line's characters in UTF-16 code units unless client and server
agreed on UTF-8 or UTF-32; findings count code points. One `Lines` per text
converts both ways, so a character outside the Basic Multilingual Plane (a
rare CJK ideograph) does not shift every diagnostic after it.
"""

from __future__ import annotations

from bisect import bisect_right

from ..positions import LineIndex

_WIDTH = {"utf-16": lambda s: len(s.encode("utf-16-le")) // 2, "utf-8": lambda s: len(s.encode("utf-8")),
          "utf-32": len}


class Lines:
    """Line starts of one text and the position encoding of the client."""

    def __init__(self, text: str, encoding: str = "utf-16") -> None:
        self.text = text
        self.width = _WIDTH.get(encoding, _WIDTH["utf-16"])
        self.ascii = text.isascii()
        self.starts = LineIndex(text).starts  # the line table of glossary.positions; columns are counted here

    def position(self, offset: int) -> tuple[int, int]:
        """0-based (line, character) of a code-point offset."""
        line = bisect_right(self.starts, offset) - 1
        start = self.starts[line]
        if self.ascii:
            return line, offset - start
        return line, self.width(self.text[start:offset])

    def offset(self, line: int, character: int) -> int:
        """The code-point offset of a 0-based (line, character); past the end clamps."""
        if line >= len(self.starts):
            return len(self.text)
        start = self.starts[line]
        end = self.starts[line + 1] - 1 if line + 1 < len(self.starts) else len(self.text)
        if self.ascii:
            return min(start + character, end)
        units = 0
        for i in range(start, end):
            if units >= character:
                return i
            units += self.width(self.text[i])
        return end
