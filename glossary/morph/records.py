"""The fields of the Russian layer's named tuples; `tokens.Token` and `russian.Reading` add their
methods and documentation on top.

At run time they are `collections.namedtuple` classes: `typing.NamedTuple`
would import typing (with the `re` it imports, a tenth of a small check's
start-up) and check each field's annotation, which under `from __future__
import annotations` is a string that typing compiles with the builtin
`compile` (whose first call in a process builds the `ast` module's node
classes). Type checkers see the same fields as `NamedTuple` classes.
"""

from collections import namedtuple

TYPE_CHECKING = False  # typing's own flag, without importing typing (see glossary/__init__.py)
if TYPE_CHECKING:
    from typing import NamedTuple

    class TokenFields(NamedTuple):
        start: int
        end: int
        text: str
        is_word: bool

    class ReadingFields(NamedTuple):
        lemma: str
        pos: str
        case: str | None
        number: str | None
        gender: str | None
        superlative: bool = False
else:
    TokenFields = namedtuple("TokenFields", ["start", "end", "text", "is_word"])
    ReadingFields = namedtuple("ReadingFields", ["lemma", "pos", "case", "number", "gender", "superlative"],
                               defaults=[False])
