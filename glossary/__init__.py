"""Find, check and normalize official renderings of political and diplomatic terms.

    >>> import glossary
    >>> glossary.normalize("the One Belt, One Road projects", lang="en")
    'the Belt and Road projects'

Everything here works on the shipped term base unless a `termbase` is given
(see `load`; a path to a YAML file is accepted too). Submodules are imported on first use so that `import glossary`
stays cheap for the command line.
"""

from __future__ import annotations

import os
from collections.abc import Iterable

__version__ = "0.3.0"

# typing's own flag without importing typing: typing (with the `re` it imports) is a tenth of a small
# check's start-up, and annotations are strings throughout the package (`from __future__ import
# annotations`), so the modules a check runs name their types under `if TYPE_CHECKING:` alone.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Union

    from .briefing import Entry
    from .errors import GlossaryError, InputError, TermBaseError
    from .model import Concept, Finding, Match, Position, Severity, Span, Status, Term
    from .runner import Input, RunResult, Settings, run, stream
    from .termbase import TermBase

    TermBaseArg = Union[TermBase, str, os.PathLike[str], Iterable[Union[str, os.PathLike[str]]], None]

__all__ = [
    "load", "check", "check_pair", "normalize", "find_concepts", "brief", "__version__",
    "Finding", "Match", "Span", "Position", "Severity", "Status", "Concept", "Term", "TermBase",
    "GlossaryError", "InputError", "TermBaseError",
    "run", "stream", "Input", "Settings", "RunResult",
]

# Public types, imported on first use (`glossary.Finding`) to keep `import glossary` cheap.
_TYPES = {
    "Finding": "model", "Match": "model", "Span": "model", "Position": "model", "Severity": "model",
    "Status": "model", "Concept": "model", "Term": "model", "TermBase": "termbase",
    "GlossaryError": "errors", "InputError": "errors", "TermBaseError": "errors",
    # The runner, every front end's entry: `glossary.run([glossary.Input("a.md")], glossary.Settings())`.
    "run": "runner", "Input": "runner", "Settings": "runner", "RunResult": "runner",
    # `run`'s outcomes one at a time, for front ends that report each file and let it go.
    "stream": "runner",
}


def __getattr__(name: str) -> Any:
    module = _TYPES.get(name)
    if module is None:
        raise AttributeError(f"module 'glossary' has no attribute {name!r}")
    from importlib import import_module

    value = getattr(import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))


_DEFAULT: TermBase | None = None


def _paths(paths: Any) -> list[str | os.PathLike[str]]:
    """One path (str or PathLike) or an iterable of them; bytes are refused."""
    if isinstance(paths, (str, os.PathLike)):
        return [paths]
    if isinstance(paths, (bytes, bytearray)):
        raise TypeError("a term base path must be str or os.PathLike, not bytes")
    if not isinstance(paths, Iterable):
        raise TypeError(f"a term base path must be str or os.PathLike, not {type(paths).__name__}")
    out = list(paths)
    for p in out:
        if not isinstance(p, (str, os.PathLike)):
            raise TypeError(f"a term base path must be str or os.PathLike, not {type(p).__name__}")
    return out


def load(paths: str | os.PathLike[str] | Iterable[str | os.PathLike[str]] = (), *,
         default: bool = True) -> TermBase:
    """Load the shipped term base, then `paths` (one path or several; later ones override)."""
    from .termbase import load as _load

    global _DEFAULT
    files = _paths(paths)
    if not files and default:
        if _DEFAULT is None:
            _DEFAULT = _load()
        return _DEFAULT
    return _load(files, default=default)


def _termbase(termbase: TermBaseArg) -> TermBase:
    """A TermBase as given, loaded from path(s) on top of the shipped one, or the shipped one."""
    from .termbase import TermBase

    if termbase is None:
        return load()
    if isinstance(termbase, TermBase):
        return termbase
    return load(termbase)


def _text(text: object, name: str = "text") -> str:
    if isinstance(text, str):
        return text
    if isinstance(text, (bytes, bytearray)):
        raise TypeError(f"{name} must be str, not bytes: decode it first")
    raise TypeError(f"{name} must be str, not {type(text).__name__}")


def _lang(lang: object, name: str = "lang") -> str:
    """The canonical tag; ValueError for a malformed tag or an unregistered language."""
    from .langtags import normalize as tag

    if not isinstance(lang, str):
        raise TypeError(f"{name} must be a language tag (str), not {type(lang).__name__}")
    try:
        return tag(lang)
    except ValueError as exc:
        raise ValueError(f"{name}: {exc}") from None


def check(text: str, lang: str | None = None, termbase: TermBaseArg = None) -> list[Finding]:
    """Findings in `text`; `lang` is guessed from the script when not given."""
    from .checks import check_text

    text = _text(text)
    tag = None if lang is None else _lang(lang)
    return check_text(text, tag, _termbase(termbase))


def check_pair(source: str, target: str, source_lang: str = "zh", target_lang: str = "en",
               termbase: TermBaseArg = None) -> list[Finding]:
    """Findings in `target` read as the translation of `source`; offsets are in `target`.

    The pair is one segment: every concept the source names must be rendered
    in the target as often (`missing-term`), no source term may be left in it
    (`untranslated-term`), and the target is checked as `check` would. A
    rendering no list holds (a variant, a paraphrase of the concept's words,
    its initials) is an `unlisted-variant` at its span, not a missing-term.
    """
    from .checks import Options, check_document
    from .model import Document, Segment

    source, target = _text(source, "source"), _text(target, "target")
    src, tgt = _lang(source_lang, "source_lang"), _lang(target_lang, "target_lang")
    segment = Segment(text=target, lang=tgt, source_text=source, source_lang=src)
    document = Document(path="<target>", text=target, segments=(segment,))
    return check_document(document, _termbase(termbase), Options(lang=tgt, source_lang=src))


def normalize(text: str, lang: str | None = None, termbase: TermBaseArg = None, *,
              fix_encoding: bool = False, unsafe_fixes: bool = False) -> str:
    """`text` with every deprecated or superseded rendering replaced by the official one.

    `unsafe_fixes` also replaces unlisted variants found by concept signatures.
    """
    from .checks import Options
    from .runner import fix_text

    out = _text(text)
    tag = None if lang is None else _lang(lang)
    tb = _termbase(termbase)
    return fix_text(out, tag, tb, Options(fix_encoding=fix_encoding, unsafe_fixes=unsafe_fixes))


def find_concepts(text: str, lang: str | None = None, termbase: TermBaseArg = None) -> list[Match]:
    """Every rendering of every concept in `text`, leftmost-longest."""
    from .matcher import matcher_for
    from .script import guess_lang

    text = _text(text)
    tb = _termbase(termbase)
    return matcher_for(tb, _lang(lang) if lang is not None else guess_lang(text)).scan(text)


def brief(text: str, source_lang: str | None = None, target_langs: str | list[str] | tuple[str, ...] = ("en",),
          termbase: TermBaseArg = None) -> list[Entry]:
    """The concepts `text` names, in order of first mention, with what to write for each.

    Each entry has the concept id, how often the text names it, and per target
    language the preferred rendering, the admitted ones and those to avoid
    (`Entry.as_json()` is the JSON of `glossary brief --format json`).
    `source_lang` is guessed from the script when not given.
    """
    from .briefing import build
    from .script import guess_lang

    text = _text(text)
    langs = [target_langs] if isinstance(target_langs, str) else list(target_langs)
    src = _lang(source_lang, "source_lang") if source_lang is not None else guess_lang(text)
    return build(_termbase(termbase), [text], src, [_lang(lang, "target_langs") for lang in langs])

