"""What the server knows between requests: each open document's last check, and when to reload.

A document is checked by `runner.run` as text under its file path, so the
nearest settings file and the reader for its extension apply exactly as in
`glossary check`; a document with no file (an unsaved buffer) is checked as
if it lay at the workspace root. The settings files and term bases a check
used are remembered with their modification times: when one changes (the
client's file watcher says so, or a later check sees a new time) every cache
is dropped and the open documents are checked again.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from urllib.parse import unquote, urlparse

from .. import runner
from ..model import Finding
from ..runner import Input, Outcome, Settings

# Editors' language ids to a file extension, for buffers that have no file name.
_EXTENSIONS = {"markdown": ".md", "plaintext": ".txt", "po": ".po", "xliff": ".xliff", "html": ".html"}


def uri_to_path(uri: str) -> str | None:
    """The file-system path of a `file:` URI, None for any other scheme."""
    parsed = urlparse(uri)
    if parsed.scheme != "file":
        return None
    path = unquote(parsed.path)
    if os.name == "nt" and path.startswith("/") and path[2:3] == ":":
        path = path[1:]
    return path


@lru_cache(maxsize=256)
def path_to_uri(path: str) -> str:
    """The `file:` URI of a path (a term base file: asked once per finding, answered once per file)."""
    return Path(path).resolve().as_uri()


@dataclass(frozen=True, slots=True)
class Checked:
    """One document's text as the client sent it and what the runner returned for it.

    `shift` is 1 when the client's text starts with a byte order mark that the
    reader dropped: the findings' offsets are then one short of the client's.
    """

    uri: str
    version: int | None
    text: str
    outcome: Outcome
    shift: int = 0

    @property
    def findings(self) -> tuple[Finding, ...]:
        return self.outcome.findings


@dataclass
class Session:
    """The workspace root, the command line's settings, and the open documents' last checks."""

    root: str | None = None
    settings: Settings = Settings()
    checked: dict[str, Checked] = field(default_factory=dict)
    _stamps: dict[str, float | None] = field(default_factory=dict)

    def path_for(self, uri: str, language_id: str | None = None) -> str:
        """Where the document lies, or would lie: its settings and reader follow from this path."""
        path = uri_to_path(uri)
        if path is not None:
            return path
        name = "untitled" + _EXTENSIONS.get(language_id or "", ".txt")
        return str(Path(self.root or os.getcwd()) / name)

    def check(self, uri: str, text: str, version: int | None = None, language_id: str | None = None) -> Checked:
        """Check the client's text of `uri` through the runner and remember the result."""
        self.reload_if_changed()
        path = self.path_for(uri, language_id)
        outcome = runner.run([Input(path, text=text)], self.settings).outcomes[0]
        shift = 1 if text.startswith("\ufeff") and outcome.document is not None \
            and not outcome.document.text.startswith("\ufeff") else 0
        checked = Checked(uri, version, text, outcome, shift)
        self.checked[uri] = checked
        self._remember(path)
        return checked

    def fixed_text(self, checked: Checked, language_id: str | None = None) -> str | None:
        """The whole document fixed as `glossary fix` would fix it, None when nothing changes."""
        path = self.path_for(checked.uri, language_id)
        outcome = runner.run([Input(path, text=checked.text)], replace(self.settings, fix=True)).outcomes[0]
        if outcome.fixed_text is None:
            return None
        return ("\ufeff" if checked.shift else "") + outcome.fixed_text

    def context(self, uri: str, language_id: str | None = None):  # type: ignore[no-untyped-def]
        """The settings, term base and check options that apply to `uri` (runner.prepare)."""
        return runner.prepare(self.path_for(uri, language_id), self.settings)

    def close(self, uri: str) -> None:
        self.checked.pop(uri, None)

    # ------------------------------------------------------------ reloading

    def watched(self) -> tuple[str, ...]:
        """The settings files and term bases the checks so far have read."""
        return tuple(self._stamps)

    def _remember(self, path: str) -> None:
        try:
            cfg, tb, _options = runner.prepare(path, self.settings)
        except Exception:  # a broken settings file is reported by the check itself
            return
        files = ([cfg.path] if cfg.path else []) + list(tb.paths)
        if self.settings.config_file:
            files.append(self.settings.config_file)
        for name in files:
            if name not in self._stamps:
                self._stamps[name] = _mtime(name)

    def reload_if_changed(self) -> bool:
        """Drop every cache when a settings file or term base changed since it was read."""
        if not any(_mtime(name) != stamp for name, stamp in self._stamps.items()):
            return False
        self.reload()
        return True

    def reload(self) -> None:
        """Forget the settings and term bases read so far; the next check reads them again."""
        runner.forget()
        self._stamps.clear()
        # A settings file created where there was none is found only by looking again.


def _mtime(path: str) -> float | None:
    try:
        return os.stat(path).st_mtime_ns
    except OSError:
        return None
