"""What every start of the command line compiles the same way: kept in the cache, compiled once.

Two kinds of compiling are a third of a small check's start-up (Python 3.11),
the same in every process:

- `@dataclass` writes each method it adds (`__init__`, `__repr__`, `__eq__`,
  `__hash__`, a frozen class's `__setattr__` ...) as source text and compiles
  it, for each of the package's frozen dataclasses;
- `re` parses each regular expression and compiles it to the code its
  matcher runs.

The command line (glossary.entry) has both go through this module: the
dataclasses module gets `exec` below as its own `exec`, and `re` gets
`compile_pattern` as its compiler. Source seen before runs from the code
compiled then, read from the cache (marshal, keyed by the exact interpreter
build); only new source is compiled, and the cache entry is rewritten at exit
when there was any. Nothing else changes: a class's methods are compiled as
dataclasses compiles them (no `__future__` flags inherited), and a pattern is
the one `re` would build, from the same parse and code.

`dataclasses` imports `inspect` (with `ast`, `dis` and `tokenize`, a tenth of
a small check) only to write a signature into a class that has no docstring,
which the package's classes all have, and `copy` (with `weakref`, about 1.5%
of a small check's instructions) only for `asdict` and `astuple`, which the
package does not call. While `install` imports dataclasses, each is a
stand-in that imports the real module on first use, so a class without a
docstring still gets its signature and `asdict` still copies, as before.
"""

from __future__ import annotations

import builtins
import marshal
import sys
from types import CodeType, ModuleType

from . import cache

TYPE_CHECKING = False  # typing's own flag, without importing typing (see glossary/__init__.py)
if TYPE_CHECKING:
    from typing import Any

KIND = "precompiled"
# Not `type(compile(...))`: the first call of the builtin `compile` in a process builds the `ast`
# module's node classes, about 1 ms, which a check whose methods all come from the cache never needs.
_CODE = CodeType
_CODES: dict[str, Any] = {}  # a dataclass method's source -> its code
_PATTERNS: dict[tuple[str | bytes, int], tuple[Any, ...]] = {}  # (pattern, flags) -> what _sre.compile takes
_NEW: list[bool] = []
# Patterns built at run time (from a term base, a document) would make the entry grow with every run:
# only short ones are kept, and only so many of each kind (the package's own are a few hundred at most).
LONGEST_PATTERN = 2000
MOST = 2000
_INSTALLED: list[Any] = []  # re's own compiler, once installed


def _key() -> str:
    """Code objects and pattern code are only valid for the interpreter build that made them."""
    return f"{sys.version}\0{sys.implementation.cache_tag}\0{sys.hexversion}\0{marshal.version}"


def compiled(source: str) -> Any:
    """The code of `source` as `exec(source)` would compile it in the dataclasses module."""
    code = _CODES.get(source)
    if code is None:
        code = compile(source, "<string>", "exec", dont_inherit=True)
        if len(_CODES) < MOST:
            _CODES[source] = code
            _NEW.append(True)
    return code


def _exec(source: Any, globals: Any = None, locals: Any = None) -> None:  # noqa: A002 - exec's own names
    if type(source) is str:
        source = compiled(source)
    builtins.exec(source, globals, locals)


def pattern_args(pattern: str | bytes, flags: int) -> tuple[Any, ...]:
    """What `re._compiler.compile(pattern, flags)` hands `_sre.compile` after the pattern."""
    from re import _parser  # type: ignore[attr-defined]

    return _args(_parser.parse(pattern, flags), flags)


def _args(parsed: Any, flags: int) -> tuple[Any, ...]:
    """As `re._compiler.compile` computes them from the parse (Python 3.11 to 3.13)."""
    from re import _compiler  # type: ignore[attr-defined]

    code = [int(op) for op in _compiler._code(parsed, flags)]  # opcodes are int subclasses, which marshal refuses
    groupindex = dict(parsed.state.groupdict)
    indexgroup: list[str | None] = [None] * parsed.state.groups
    for name, i in groupindex.items():
        indexgroup[i] = name
    return (int(flags | parsed.state.flags), code, parsed.state.groups - 1, groupindex, tuple(indexgroup))


def compile_pattern(pattern: Any, flags: int = 0) -> Any:
    """`re._compiler.compile`, with the parse and code of a pattern seen before read from the cache.

    A pattern is parsed here, where re's compiler parses it, so that a warning
    the parse gives (a deprecated syntax) names the same caller; a pattern
    read from the cache is not parsed, so such a warning shows only on the
    run that compiled it.
    """
    import _sre
    from re import _parser  # type: ignore[attr-defined]

    original = _INSTALLED[0]
    if (type(pattern) is not str and type(pattern) is not bytes) or type(flags) is not int or flags & 128:  # DEBUG
        return original(pattern, flags)
    if len(pattern) > LONGEST_PATTERN:
        return original(pattern, flags)
    key = (pattern, flags)
    args = _PATTERNS.get(key)
    if args is None:
        if len(_PATTERNS) >= MOST:
            return original(pattern, flags)
        parsed = _parser.parse(pattern, flags)  # a bad pattern raises re.error here, as in re's compiler
        try:
            args = _args(parsed, flags)
        except Exception:  # noqa: BLE001 - re's internals changed: its own compiler
            return original(pattern, flags)
        _PATTERNS[key] = args
        _NEW.append(True)
    try:
        return _sre.compile(pattern, *args)
    except Exception:  # noqa: BLE001 - a damaged entry: compiled afresh
        del _PATTERNS[key]
        return original(pattern, flags)


class _OnFirstUse(ModuleType):
    """A module's stand-in: the first attribute asked for imports the module itself, whose names the
    stand-in then holds, so that later lookups are plain ones."""

    def __getattr__(self, attr: str) -> Any:
        from importlib import import_module

        module = import_module(self.__name__)
        self.__dict__.update((k, v) for k, v in vars(module).items() if k not in self.__dict__)
        return getattr(module, attr)


# What dataclasses imports and uses only in what the package's classes never need (see above).
DEFERRED = ("inspect", "copy")


def _import_dataclasses() -> None:
    """Import dataclasses, which keeps each module of DEFERRED that is not yet imported as a stand-in
    (`_OnFirstUse`)."""
    if "dataclasses" in sys.modules:
        return
    stand_ins = {name: _OnFirstUse(name) for name in DEFERRED if name not in sys.modules}
    sys.modules.update(stand_ins)
    try:
        import dataclasses  # noqa: F401
    finally:
        for name, stand_in in stand_ins.items():
            if sys.modules.get(name) is stand_in:
                del sys.modules[name]  # any later `import` of it imports the module itself


def install() -> None:
    """Compile dataclasses' methods and regular expressions through the cache from now on, in this process
    (it ends after one command)."""
    if _INSTALLED:
        return
    got = cache.get(KIND, _key())
    if isinstance(got, bytes):
        try:
            codes, patterns = marshal.loads(got)
        except Exception:  # noqa: BLE001 - a corrupt entry is a miss
            codes, patterns = {}, {}
        if isinstance(codes, dict) and isinstance(patterns, dict):
            _CODES.update((k, v) for k, v in codes.items() if type(k) is str and type(v) is _CODE)
            _PATTERNS.update((k, v) for k, v in patterns.items() if type(k) is tuple and type(v) is tuple)
    import atexit
    from re import _compiler

    _import_dataclasses()
    import dataclasses

    _INSTALLED.append(_compiler.compile)
    dataclasses.exec = _exec  # type: ignore[attr-defined]  # a module global shadows the builtin there alone
    _compiler.compile = compile_pattern
    atexit.register(save)


def save() -> None:
    """Write the cache entry again if this process compiled anything it lacked."""
    if _NEW:
        _NEW.clear()
        try:
            data = marshal.dumps((_CODES, _PATTERNS))
        except ValueError:  # something marshal cannot write: no entry, as without a cache
            return
        cache.put(KIND, _key(), data)
