"""The code of the dataclasses' generated methods, compiled once and kept in the cache (command line only).

`@dataclass` writes each method it adds (`__init__`, `__repr__`, `__eq__`,
`__hash__`, and a frozen class's `__setattr__` and `__delattr__`) as source
text and compiles it: with the package's frozen dataclasses, compiling is
about a fifth of a small check's start-up (Python 3.11), in every process.
The command line (glossary.entry) gives the dataclasses module `exec` below
as its own `exec`: source it has seen before runs from the code compiled then,
read from the cache (marshal, keyed by the exact interpreter build); only new
source is compiled, and the cache is rewritten at exit when there was any.
The classes stay the dataclasses they were: the same source gives the same
code, compiled as dataclasses compiles it (no `__future__` flags inherited).
"""

from __future__ import annotations

import builtins
import marshal
import sys
from typing import Any

from . import cache

KIND = "classcode"
_CODE = type(compile("", "<string>", "exec"))
_CODES: dict[str, Any] = {}
_NEW: list[str] = []
_INSTALLED: list[bool] = []


def _key() -> str:
    """Code objects are only valid for the interpreter build that compiled them."""
    return f"{sys.version}\0{sys.implementation.cache_tag}\0{sys.hexversion}\0{marshal.version}"


def compiled(source: str) -> Any:
    """The code of `source` as `exec(source)` would compile it in the dataclasses module."""
    code = _CODES.get(source)
    if code is None:
        code = _CODES[source] = compile(source, "<string>", "exec", dont_inherit=True)
        _NEW.append(source)
    return code


def _exec(source: Any, globals: Any = None, locals: Any = None) -> None:  # noqa: A002 - exec's own names
    if type(source) is str:
        source = compiled(source)
    builtins.exec(source, globals, locals)


def install() -> None:
    """Compile the dataclasses' methods through the cache from now on, in this process (it ends after one command)."""
    if _INSTALLED:
        return
    _INSTALLED.append(True)
    got = cache.get(KIND, _key())
    if isinstance(got, bytes):
        try:
            codes = marshal.loads(got)
        except Exception:  # noqa: BLE001 - a corrupt entry is a miss
            codes = None
        if isinstance(codes, dict):
            _CODES.update((k, v) for k, v in codes.items() if type(k) is str and type(v) is _CODE)
    import atexit
    import dataclasses

    dataclasses.exec = _exec  # type: ignore[attr-defined]  # a module global shadows the builtin there alone
    atexit.register(save)


def save() -> None:
    """Write the cache entry again if this process compiled code it lacked."""
    if _NEW:
        _NEW.clear()
        cache.put(KIND, _key(), marshal.dumps(_CODES))
