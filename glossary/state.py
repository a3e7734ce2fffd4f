"""What the process has derived from term bases, in one object per term-base digest.

A term base is immutable and named by its digest, so everything computed from
it (a compiled matcher per language, the families of a concept's renderings,
whether a matcher has ASCII keys) hangs off one `Derived` for that digest.
`STATE` holds those and the term bases the runner loaded for each set of
files; `runner.forget()` clears it together with the term bases read and the
settings found per folder, which a long-lived front end (a web page, a
language server) calls when files may have changed.
"""

from __future__ import annotations

from typing import Any

# Nothing is imported from the package: the matcher and the checks import this
# module, so it sits below them (the layers in pyproject.toml).


class Derived:
    """Everything computed from the term base with one digest."""

    __slots__ = ("digest", "matchers", "families", "ascii_keys")

    def __init__(self, digest: str) -> None:
        self.digest = digest
        self.matchers: dict[str, Any] = {}  # lang -> glossary.matcher.Matcher
        # (concept id, lang) -> folded accepted rendering -> its family key (checks.consistency)
        self.families: dict[tuple[str, str], dict[str, str]] = {}
        # lang -> whether the language's matcher has a key in ASCII (checks.bilingual)
        self.ascii_keys: dict[str, bool] = {}


class State:
    """The process's derived state: per digest, and the runner's term bases per set of files."""

    def __init__(self) -> None:
        self.derived: dict[str, Derived] = {}
        self.termbases: dict[Any, Any] = {}  # the runner's key -> glossary.termbase.TermBase

    def of(self, termbase: Any) -> Derived:
        """The derived state of `termbase`, made on first use."""
        found = self.derived.get(termbase.digest)
        if found is None:
            found = self.derived[termbase.digest] = Derived(termbase.digest)
        return found

    def clear(self) -> None:
        """Forget everything derived and every term base the runner loaded."""
        self.derived.clear()
        self.termbases.clear()


STATE = State()
