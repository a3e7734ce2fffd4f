"""Project settings: `[tool.glossary]` in pyproject.toml, or a `.glossary.toml`.

For each checked file the nearest settings file walking up from the file's
folder wins, with no merging (ruff's rule): in one folder `.glossary.toml`
comes before `pyproject.toml`, and a pyproject.toml without a
`[tool.glossary]` table is passed over. `--config FILE` uses one file for
every path; `--isolated` uses none. Relative paths in a settings file
(term bases, excludes) are relative to the folder of that file.

Keys (all optional):

    termbases = ["glossary.yaml"]      # extra term bases, after the shipped one
    default-termbase = true            # false: only `termbases`
    lang = "en"                        # target language when a file names none
    source-lang = "zh"                 # source language of bilingual files
    exclude = ["vendor/**", "*.min.md"]
    severity = {missing-term = "warning", mixed-renderings = "info"}
    disable = ["mixed-renderings"]     # finding codes not reported
    disable-concepts = ["belt-and-road"]
    exempt-quotes = true               # marked quotations (the default); false, or a list of concept ids
    max-file-size = "64M"              # files larger than this are refused (an input error)
    max-per-segment = 1000             # findings of one code and concept listed per segment; 0: all
    prefer = "xinhua"                  # house publisher: its renderings are preferred
                                       # where the term base records who uses what
    show-source = true                 # text report: each finding's line and a caret, not one line
"""

from __future__ import annotations

import errno
import os
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from .errors import GlossaryError
from .model import Severity

TYPE_CHECKING = False  # typing's own flag, without importing typing (see glossary/__init__.py)
if TYPE_CHECKING:  # pathlib is imported only where a settings file is read: a tenth of a small check's start-up
    from pathlib import Path
    from typing import Any

FILE_NAMES = (".glossary.toml", "pyproject.toml")

_KEYS = ("termbases", "default-termbase", "lang", "source-lang", "exclude", "severity", "disable",
         "disable-concepts", "exempt-quotes", "max-file-size", "max-per-segment", "prefer", "show-source")


class ConfigError(GlossaryError):
    """A settings file cannot be read or has a bad key or value."""


@dataclass(frozen=True, slots=True)
class Config:
    """Settings for the files under `root`; `path` is None for the defaults."""

    path: str | None = None
    root: str = "."
    termbases: tuple[str, ...] = ()
    default_termbase: bool = True
    lang: str | None = None
    source_lang: str | None = None
    exclude: tuple[str, ...] = ()
    severity: tuple[tuple[str, Severity], ...] = ()
    disable: frozenset[str] = frozenset()
    disable_concepts: frozenset[str] = frozenset()
    exempt_quotes: bool | frozenset[str] = True
    max_file_size: int | None = None
    prefer: str | None = None
    max_per_segment: int | None = None
    show_source: bool = False

    def severity_of(self, code: str, default: Severity) -> Severity:
        return dict(self.severity).get(code, default)

    def excludes(self, path: str | Path) -> bool:
        """Whether `path` matches an `exclude` glob (relative to `root`, or its file name)."""
        if not self.exclude:
            return False
        import fnmatch
        from pathlib import Path, PurePosixPath

        p = Path(real(path))
        try:
            rel = PurePosixPath(p.relative_to(real(self.root)).as_posix())
        except ValueError:
            rel = PurePosixPath(p.as_posix())
        candidates = [str(rel), rel.name] + [str(parent) for parent in rel.parents if str(parent) != "."]
        return any(fnmatch.fnmatchcase(c, pattern.rstrip("/")) or fnmatch.fnmatchcase(c, pattern.rstrip("/*"))
                   for pattern in self.exclude for c in candidates)


DEFAULT = Config()


def _error(path: Path, message: str, line: int | None = None, column: int | None = None) -> ConfigError:
    return ConfigError(message, str(path), line, column)


def _strings(path: Path, key: str, value: Any) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise _error(path, f'"{key}" must be a list of strings')
    return tuple(value)


def _lang(path: Path, key: str, value: Any) -> str:
    from .langtags import normalize

    if not isinstance(value, str):
        raise _error(path, f'"{key}" must be a language tag')
    try:
        return normalize(value)
    except ValueError as exc:
        raise _error(path, f'"{key}": {exc}') from None


def _codes(path: Path, key: str, names: Iterable[str]) -> None:
    """Every name must be a finding code: a misspelt one would silently disable nothing."""
    from .checks import CHECKS

    known = [c.code for c in CHECKS]
    for name in names:
        if name not in known:
            raise _error(path, f'"{key}": unknown finding code "{name}" (known codes: {", ".join(known)})')


def parse(table: dict[str, Any], path: Path) -> Config:
    """Build a Config from the `[tool.glossary]` table (or a .glossary.toml's top level)."""
    unknown = sorted(set(table) - set(_KEYS))
    if unknown:
        raise _error(path, f'unknown key "{unknown[0]}" (expected {", ".join(_KEYS)})')
    root = path.parent
    values: dict[str, Any] = {"path": str(path), "root": str(root)}
    if "termbases" in table:
        values["termbases"] = tuple(str(root / p) for p in _strings(path, "termbases", table["termbases"]))
    if "default-termbase" in table:
        if not isinstance(table["default-termbase"], bool):
            raise _error(path, '"default-termbase" must be true or false')
        values["default_termbase"] = table["default-termbase"]
    if "lang" in table:
        values["lang"] = _lang(path, "lang", table["lang"])
    if "source-lang" in table:
        values["source_lang"] = _lang(path, "source-lang", table["source-lang"])
    if "exclude" in table:
        values["exclude"] = _strings(path, "exclude", table["exclude"])
    if "severity" in table:
        raw = table["severity"]
        if not isinstance(raw, dict):
            raise _error(path, '"severity" must be a table of code = "error" | "warning" | "info"')
        _codes(path, "severity", raw)
        pairs = []
        for code, level in raw.items():
            try:
                pairs.append((code, Severity(level)))
            except ValueError:
                raise _error(path, f'severity of "{code}" must be error, warning or info, not "{level}"') from None
        values["severity"] = tuple(pairs)
    if "disable" in table:
        values["disable"] = frozenset(_strings(path, "disable", table["disable"]))
        _codes(path, "disable", sorted(values["disable"]))
    if "disable-concepts" in table:
        values["disable_concepts"] = frozenset(_strings(path, "disable-concepts", table["disable-concepts"]))
    if "exempt-quotes" in table:
        raw = table["exempt-quotes"]
        values["exempt_quotes"] = raw if isinstance(raw, bool) else frozenset(_strings(path, "exempt-quotes", raw))
    if "max-file-size" in table:
        from .files import parse_size

        try:
            values["max_file_size"] = parse_size(table["max-file-size"])
        except (ValueError, TypeError):
            raise _error(path, '"max-file-size" must be a size such as 64M or a number of bytes') from None
    if "max-per-segment" in table:
        raw = table["max-per-segment"]
        if isinstance(raw, bool) or not isinstance(raw, int) or raw < 0:
            raise _error(path, '"max-per-segment" must be a whole number, 0 for no cap')
        values["max_per_segment"] = raw
    if "prefer" in table:
        raw = table["prefer"]
        if not isinstance(raw, str) or not re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", raw):
            raise _error(path, '"prefer" must be a publisher slug such as "xinhua" or "mfa"')
        values["prefer"] = raw
    if "show-source" in table:
        if not isinstance(table["show-source"], bool):
            raise _error(path, '"show-source" must be true or false')
        values["show_source"] = table["show-source"]
    return Config(**values)


def _load_toml(path: Path) -> dict[str, Any]:
    import tomllib  # only when a settings file is found; most runs have none

    try:
        data = path.read_bytes()
    except OSError as exc:
        raise _error(path, f"cannot read: {exc.strerror}") from None
    try:
        return tomllib.loads(data.decode("utf-8"))
    except UnicodeDecodeError:
        raise _error(path, "cannot decode as UTF-8") from None
    except tomllib.TOMLDecodeError as exc:
        message = str(exc)
        where = re.search(r"\(at line (\d+), column (\d+)\)", message)
        text = re.sub(r"\s*\(at line \d+, column \d+\)", "", message)
        text = text[:1].lower() + text[1:]
        if where:
            raise _error(path, text, int(where.group(1)), int(where.group(2))) from None
        raise _error(path, text) from None


def load(path: str | Path) -> Config:
    """Read one settings file: a .glossary.toml, or a pyproject.toml's `[tool.glossary]`."""
    from pathlib import Path

    p = Path(path)
    data = _load_toml(p)
    if p.name == "pyproject.toml" or "tool" in data and "glossary" in data.get("tool", {}):
        table = data.get("tool", {}).get("glossary")
        if table is None:
            raise _error(p, "no [tool.glossary] table")
        return parse(table, p)
    return parse(data, p)


@lru_cache(maxsize=4096)
def _for_folder(folder: str) -> Config:
    """The settings of `folder` (absolute, links resolved: see `real`), looked for in it, then above it."""
    for name in FILE_NAMES:
        candidate = os.path.join(folder, name)
        if os.path.isfile(candidate):
            if name == "pyproject.toml":
                from pathlib import Path

                data = _load_toml(Path(candidate))
                if "glossary" not in data.get("tool", {}):
                    continue
            return load(candidate)
    parent = os.path.dirname(folder)
    if parent == folder:
        return DEFAULT
    return _for_folder(parent)


def real(path: str | os.PathLike[str]) -> str:
    """`path` with links resolved, as `pathlib.Path(path).resolve()` spells it; a link loop is a ConfigError
    naming the path, not a RuntimeError (pathlib's) or nothing (os.path.realpath's)."""
    try:
        found = os.path.realpath(path)
        try:
            os.stat(found)
        except OSError as exc:  # a missing file is no error here, a loop is
            if exc.errno == errno.ELOOP:
                raise
        return found
    except OSError:
        raise ConfigError("cannot find its settings: a loop of symbolic links", str(path)) from None


def discover(path: str | os.PathLike[str]) -> Config:
    """The settings for the file at `path`: the nearest settings file above it."""
    p = real(path)
    return _for_folder(p if os.path.isdir(p) else os.path.dirname(p))


def resolve(path: str | Path, config_file: str | None = None, isolated: bool = False) -> Config:
    """Settings for `path` under the command-line choices `--config` and `--isolated`."""
    if isolated:
        return DEFAULT
    if config_file is not None:
        from pathlib import Path

        return _explicit(str(Path(config_file).resolve()))
    return discover(path)


@lru_cache(maxsize=16)
def _explicit(path: str) -> Config:
    return load(path)


def forget() -> None:
    """Read settings files anew on the next lookup (they changed on disk; runner.forget)."""
    _for_folder.cache_clear()
    _explicit.cache_clear()
