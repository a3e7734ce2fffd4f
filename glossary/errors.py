"""Errors the CLI turns into one line and exit code 2.

Positions are attributes, never only inside the text, so callers can sort,
filter and re-render them; `str()` gives the one-line form
`path:line:column: message`.
"""

from __future__ import annotations


class GlossaryError(Exception):
    """Bad input: a term base, a file or an option the tool cannot use."""

    def __init__(self, message: str, path: str | None = None, line: int | None = None, column: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.path = path
        self.line = line
        self.column = column

    @property
    def location(self) -> str:
        parts = [p for p in (self.path, self.line, self.column) if p is not None]
        return ":".join(str(p) for p in parts)

    def __str__(self) -> str:
        return f"{self.location}: {self.message}" if self.location else self.message


class InputError(GlossaryError):
    """A file to check cannot be read, decoded or parsed."""


class TermBaseError(GlossaryError):
    """A term base is malformed or inconsistent."""


class TermBaseErrors(TermBaseError):
    """Several term base problems found in one pass; `str()` is the first."""

    def __init__(self, errors: list[TermBaseError]) -> None:
        first = errors[0]
        super().__init__(first.message, first.path, first.line, first.column)
        self.errors = errors
