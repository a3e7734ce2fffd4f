"""The fields of the Russian layer's named tuples, in a module whose annotations are types.

`typing.NamedTuple` checks each field's annotation when the class is made.
Under `from __future__ import annotations`, as in every other module of the
package, an annotation is a string, which typing compiles with the builtin
`compile`; the first such call in a process builds the `ast` module's node
classes, about a millisecond of every Russian check. Here the annotations are
evaluated, and `tokens.Token` and `russian.Reading` add their methods and
documentation on top.
"""

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
