"""What the process has derived from term bases, in one object per term-base digest.

A term base is immutable and named by its digest, so everything computed from
it (a compiled matcher per language, the families of a concept's renderings,
whether a matcher has ASCII keys, the signature indexes, the editor's completion
tables) hangs off one `Derived` for that digest; what the signature matcher works
out per signature is kept here too.
`STATE` holds those and the term bases the runner loaded for each set of
files; `runner.forget()` clears it together with the term bases read and the
settings found per folder, which a long-lived front end (a web page, a
language server) calls when files may have changed.
"""

from __future__ import annotations

TYPE_CHECKING = False  # typing's own flag, without importing typing (see glossary/__init__.py)
if TYPE_CHECKING:
    from typing import Any

# Nothing is imported from the package: the matcher and the checks import this
# module, so it sits below them (the layers in pyproject.toml).


class Derived:
    """Everything computed from the term base with one digest."""

    __slots__ = ("digest", "matchers", "families", "ascii_keys", "signatures", "completions", "abbreviations",
                 "signature_of")

    def __init__(self, digest: str) -> None:
        self.digest = digest
        self.matchers: dict[str, Any] = {}  # lang -> glossary.matcher.Matcher
        # (concept id, lang) -> folded accepted rendering -> its family key (checks.consistency)
        self.families: dict[tuple[str, str], dict[str, str]] = {}
        # lang -> whether the language's matcher has a key in ASCII (checks.bilingual)
        self.ascii_keys: dict[str, bool] = {}
        # base language -> (term base, glossary.signatures.Index); the term base is kept to tell
        # apart in-memory term bases that have no digest (glossary.signatures.index_for)
        self.signatures: dict[str, tuple[Any, Any]] = {}
        # lang -> (folded text, term, concept) of every preferred rendering (glossary.lsp.completion)
        self.completions: dict[str, list[Any]] = {}
        # base language -> the other script's abbreviations (glossary.checks.variants.abbreviations)
        self.abbreviations: dict[str, Any] = {}
        # base language -> (its signature index, concept id -> signature) (glossary.checks.located)
        self.signature_of: dict[str, tuple[Any, dict[str, Any]]] = {}


class State:
    """The process's derived state: per digest, and the runner's term bases per set of files."""

    def __init__(self) -> None:
        self.derived: dict[str, Derived] = {}
        self.termbases: dict[Any, Any] = {}  # the runner's key -> glossary.termbase.TermBase
        # What glossary.signatures works out once per signature, keyed by id(signature); each
        # entry keeps its signature, so an id reused by a later signature is told apart.
        self.signature_prefixes: dict[int, tuple[Any, ...]] = {}
        self.signature_slots: dict[tuple[int, str], tuple[Any, frozenset[int]]] = {}
        self.signature_joined: dict[tuple[int, str], tuple[Any, frozenset[int]]] = {}
        self.signature_introducers: dict[int, tuple[Any, dict[int, frozenset[str]]]] = {}
        self.signature_shapes: dict[int, tuple[Any, Any]] = {}
        self.signature_lists: dict[int, tuple[Any, Any]] = {}

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
        self.forget_signatures()

    def forget_signatures(self) -> None:
        """Empty what is kept per signature (each entry holds its signature, so none is freed while it is
        here; glossary.signatures.Index.scan lets go of the signatures of a large index with it)."""
        self.signature_prefixes.clear()
        self.signature_slots.clear()
        self.signature_joined.clear()
        self.signature_introducers.clear()
        self.signature_shapes.clear()
        self.signature_lists.clear()


STATE = State()
