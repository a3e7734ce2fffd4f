"""Dataclasses built from cached code are the dataclasses built without the cache."""

from __future__ import annotations

import dataclasses
import inspect
import subprocess
import sys
from pathlib import Path

import pytest

from glossary import cache, classcode


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
    monkeypatch.setattr(dataclasses, "exec", classcode._exec, raising=False)
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


_PROCESS = """
import sys
from glossary import classcode
classcode.install()
import glossary.model, glossary.runner
print(len(classcode._NEW), len(classcode._CODES))
"""


def _process(env_dir: Path) -> tuple[int, int]:
    import os

    env = dict(os.environ, GLOSSARY_CACHE_DIR=str(env_dir))
    out = subprocess.run([sys.executable, "-c", _PROCESS], env=env, capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    new, known = out.stdout.split()
    return int(new), int(known)


def test_the_second_process_compiles_nothing_the_first_compiled(tmp_path: Path) -> None:
    new, known = _process(tmp_path)
    assert new > 0 and known >= new
    assert _process(tmp_path) == (0, known)


@pytest.mark.parametrize("entry", [b"not marshal data", b"", 42, ["a list"]])
def test_a_corrupt_or_foreign_entry_is_a_miss(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, entry: object) -> None:
    monkeypatch.setenv("GLOSSARY_CACHE_DIR", str(tmp_path))
    cache.put(classcode.KIND, classcode._key(), entry)
    new, known = _process(tmp_path)
    assert new > 0 and new == known  # everything compiled afresh, the entry written again
    assert _process(tmp_path) == (0, known)
