from __future__ import annotations

from pathlib import Path

import pytest

from glossary.termbase import TermBase, load

DATA = Path(__file__).parent / "data"
TERMBASE = DATA / "termbase.yaml"


@pytest.fixture(autouse=True)
def _private_cache(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each test session writes its own cache, never the user's."""
    monkeypatch.setenv("GLOSSARY_CACHE_DIR", str(tmp_path_factory.getbasetemp() / "cache"))
    monkeypatch.delenv("GLOSSARY_NO_CACHE", raising=False)


@pytest.fixture(scope="session")
def tb() -> TermBase:
    return load([TERMBASE], default=False, use_cache=False)
