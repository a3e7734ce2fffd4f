"""Dataclasses and regular expressions built from cached code are the ones built without the cache."""

from __future__ import annotations

import dataclasses
import inspect
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from glossary import cache, precompiled


def _make() -> type:
    @dataclasses.dataclass(frozen=True, slots=True)
    class Sample:
        """A frozen dataclass with defaults, a factory and an annotation written as a string."""

        name: str
        count: int = 0
        tags: tuple[str, ...] = ()
        extra: dict[str, int] = dataclasses.field(default_factory=dict, compare=False)

    return Sample


_METHODS = ("__init__", "__repr__", "__eq__", "__hash__", "__setattr__", "__delattr__")


def test_a_class_built_from_cached_code_is_the_class_built_without(monkeypatch: pytest.MonkeyPatch) -> None:
    plain = _make()
    monkeypatch.setattr(dataclasses, "exec", precompiled._exec, raising=False)
    first, again = _make(), _make()  # compiled, then read back
    for cls in (first, again):
        for name in _METHODS:
            mine, theirs = getattr(cls, name), getattr(plain, name)
            assert mine.__code__.co_code == theirs.__code__.co_code, name
            assert mine.__code__.co_consts == theirs.__code__.co_consts, name
            # Compiled without this test module's `from __future__ import annotations`, as dataclasses compiles.
            assert mine.__annotations__ == theirs.__annotations__, name
        assert inspect.signature(cls) == inspect.signature(plain)
        assert [(f.name, f.type, f.default, f.compare) for f in dataclasses.fields(cls)] == [
            (f.name, f.type, f.default, f.compare) for f in dataclasses.fields(plain)]
        one, two = cls("a", 2, ("x",), {"k": 1}), cls("a", 2, ("x",))
        assert one == two and hash(one) == hash(two) and repr(one) == repr(plain("a", 2, ("x",), {"k": 1}))
        with pytest.raises(dataclasses.FrozenInstanceError):
            one.name = "b"  # type: ignore[misc]
        assert dataclasses.replace(one, count=3).count == 3
    assert again.__init__.__code__ is first.__init__.__code__  # the same source: the same code, not compiled again


def _original(pattern: str | bytes, flags: int) -> re.Pattern:  # type: ignore[type-arg]
    from re import _compiler  # type: ignore[attr-defined]

    return precompiled._INSTALLED[0](pattern, flags) if precompiled._INSTALLED else _compiler.compile(pattern, flags)


PATTERNS = [
    ("", 0), ("a|b", 0), (r"(?P<word>[^\W_]+)(?:['’](?P=word))?", 0), (r"(?<=[.!?])\s+(?=[A-ZА-ЯЁ])", 0),
    (r"[à-öø-ÿа-џ一-鿿]+", 0), (r"\bcommunity of (common|shared) (destiny|future)\b", re.IGNORECASE),
    (r"^\s*#", re.MULTILINE), (r"(?x) a  b # spaced", 0), (rb"\xc3(?:\x83 |[\x82-\xb4])", 0), (r"(?i:A)b", 0),
    (r"(a)(b)?(?(2)c|d)", re.ASCII), (r"<(q)>[\s\S]*?</\1\s*>", re.DOTALL),
]


@pytest.mark.parametrize(("pattern", "flags"), PATTERNS)
def test_a_pattern_built_from_cached_code_is_the_pattern_re_builds(pattern: str | bytes, flags: int) -> None:
    args = precompiled.pattern_args(pattern, flags)
    import _sre

    mine, theirs = _sre.compile(pattern, *args), _original(pattern, flags)
    # Patterns are equal when their text, flags and compiled code are.
    assert mine == theirs and mine.groupindex == theirs.groupindex and mine.groups == theirs.groups


@given(st.text(alphabet="ab()|*+?.[]^$\\-{}1,2PW=<>!:#xi _аяё", max_size=12), st.sampled_from([0, re.I, re.M | re.S]))
def test_any_pattern_compiles_through_the_cache_as_re_compiles_it(pattern: str, flags: int) -> None:
    import _sre
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # a FutureWarning for "[[" and the like, given by both
        try:
            theirs = _original(pattern, flags)
        except (re.error, OverflowError, RecursionError):
            return
        assert _sre.compile(pattern, *precompiled.pattern_args(pattern, flags)) == theirs


_PROCESS = """
from glossary import precompiled
precompiled.install()
import re
import glossary.model, glossary.runner, glossary.signatures
assert re.compile("(?P<x>a)b+").match("abb").group("x") == "a"
print(sum(precompiled._NEW), len(precompiled._CODES), len(precompiled._PATTERNS))
"""


def _process(folder: Path) -> tuple[int, int, int]:
    env = dict(os.environ, GLOSSARY_CACHE_DIR=str(folder))
    out = subprocess.run([sys.executable, "-c", _PROCESS], env=env, capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    new, codes, patterns = out.stdout.split()
    return int(new), int(codes), int(patterns)


def test_the_second_process_compiles_nothing_the_first_compiled(tmp_path: Path) -> None:
    new, codes, patterns = _process(tmp_path)
    assert new > 0 and codes > 0 and patterns > 0
    assert _process(tmp_path) == (0, codes, patterns)


@pytest.mark.parametrize("entry", [b"not marshal data", b"", 42, ["a list"], __import__("marshal").dumps((1, 2))])
def test_a_corrupt_or_foreign_entry_is_a_miss(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, entry: object) -> None:
    monkeypatch.setenv("GLOSSARY_CACHE_DIR", str(tmp_path))
    cache.put(precompiled.KIND, precompiled._key(), entry)
    new, codes, patterns = _process(tmp_path)
    assert new > 0 and codes > 0 and patterns > 0  # everything compiled afresh, the entry written again
    assert _process(tmp_path) == (0, codes, patterns)


def test_a_damaged_pattern_entry_is_compiled_afresh(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import marshal

    monkeypatch.setenv("GLOSSARY_CACHE_DIR", str(tmp_path))
    damaged = {("(?P<x>a)b+", 0): (0, [1, 2, 3], 0, {}, ())}
    cache.put(precompiled.KIND, precompiled._key(), marshal.dumps(({}, damaged)))
    new, codes, patterns = _process(tmp_path)
    assert new > 0


_BOUNDED = """
import re
from glossary import precompiled
precompiled.install()
precompiled.MOST = len(precompiled._PATTERNS) + 3
long = "|".join(f"word{i}" for i in range(1000))
assert re.compile(long).match("word999") and re.compile("(?:" + long + ")+").match("word1word2")
for i in range(10):
    assert re.compile(f"x{i}y").match(f"x{i}y")
assert len(long) > precompiled.LONGEST_PATTERN and all(len(p) <= precompiled.LONGEST_PATTERN for p, _ in precompiled._PATTERNS)
assert len(precompiled._PATTERNS) == precompiled.MOST
"""


def test_long_patterns_are_not_kept_and_the_entry_stops_growing(tmp_path: Path) -> None:
    env = dict(os.environ, GLOSSARY_CACHE_DIR=str(tmp_path))
    out = subprocess.run([sys.executable, "-c", _BOUNDED], env=env, capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr


_DEFERRED = """
import sys
from glossary import precompiled
precompiled.install()
import dataclasses
import glossary.model, glossary.runner
loaded = "inspect" in sys.modules

@dataclasses.dataclass(frozen=True)
class Bare:
    name: str
    count: int = 0

import inspect
print(loaded, Bare.__doc__, inspect.signature(Bare), type(dataclasses.inspect.signature).__name__)
"""


def test_inspect_is_imported_only_when_a_class_needs_it(tmp_path: Path) -> None:
    env = dict(os.environ, GLOSSARY_CACHE_DIR=str(tmp_path))
    out = subprocess.run([sys.executable, "-c", _DEFERRED], env=env, capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    # Not imported for the package's classes; a class without a docstring gets its signature, as without the cache.
    assert out.stdout.split("\n")[0] == "False Bare(name: str, count: int = 0) (name: str, count: int = 0) -> None function"


_COPY_DEFERRED = """
import sys
from glossary import precompiled
precompiled.install()
import dataclasses
import glossary.model, glossary.runner, glossary.checks
loaded = "copy" in sys.modules or "weakref" in sys.modules

@dataclasses.dataclass(frozen=True)
class Pair:
    \"\"\"Two lists, copied deeply by asdict.\"\"\"

    left: list
    right: list

pair = Pair([1, [2]], [3])
copied = dataclasses.asdict(pair)
print(loaded, copied, copied["left"][1] is not pair.left[1], dataclasses.copy.deepcopy is sys.modules["copy"].deepcopy)
"""


def test_copy_is_imported_only_when_asdict_needs_it(tmp_path: Path) -> None:
    env = dict(os.environ, GLOSSARY_CACHE_DIR=str(tmp_path))
    out = subprocess.run([sys.executable, "-c", _COPY_DEFERRED], env=env, capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    # Not imported for the package's classes; asdict copies deeply, with the module itself, as without the cache.
    assert out.stdout.split("\n")[0] == "False {'left': [1, [2]], 'right': [3]} True True"
