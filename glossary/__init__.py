"""Find, check and normalize official renderings of political and diplomatic terms.

    >>> import glossary
    >>> glossary.normalize("the One Belt, One Road projects", lang="en")
    'the Belt and Road projects'

Everything here works on the shipped term base unless a `termbase` is given
(see `load`). Submodules are imported on first use so that `import glossary`
stays cheap for the command line.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

__version__ = "0.1.0"

if TYPE_CHECKING:
    from .model import Finding, Match
    from .termbase import TermBase

__all__ = ["load", "check", "check_pair", "normalize", "find_concepts", "__version__"]

_DEFAULT: TermBase | None = None


def load(paths: tuple[str, ...] | list[str] = (), *, default: bool = True) -> TermBase:
    """Load the shipped term base, then `paths` in order (later ones override)."""
    from .termbase import load as _load

    global _DEFAULT
    if not paths and default:
        if _DEFAULT is None:
            _DEFAULT = _load()
        return _DEFAULT
    return _load(paths, default=default)


def check(text: str, lang: str | None = None, termbase: TermBase | None = None) -> list[Finding]:
    """Findings in `text`; `lang` is guessed from the script when not given."""
    from .checks import check_text

    return check_text(text, lang, termbase or load())


def check_pair(source: str, target: str, source_lang: str = "zh", target_lang: str = "en",
               termbase: TermBase | None = None) -> list[Finding]:
    """Findings in `target` read as the translation of `source`; positions are in `target`.

    The pair is one segment: every concept the source names must be rendered
    in the target as often (`missing-term`), no source term may be left in it
    (`untranslated-term`), and the target is checked as `check` would.
    """
    from .checks import Options, check_document
    from .langtags import normalize as tag
    from .model import Document, Segment

    src, tgt = tag(source_lang), tag(target_lang)
    segment = Segment(text=target, lang=tgt, source_text=source, source_lang=src)
    document = Document(path="<target>", text=target, segments=(segment,))
    return check_document(document, termbase or load(), Options(lang=tgt, source_lang=src))


def normalize(text: str, lang: str | None = None, termbase: TermBase | None = None, *,
              fix_encoding: bool = False, unsafe_fixes: bool = False) -> str:
    """`text` with every deprecated or superseded rendering replaced by the official one.

    `unsafe_fixes` also replaces unlisted variants found by concept signatures.
    """
    from .checks import Options, check_text
    from .fix import apply, plan

    tb = termbase or load()
    out = text
    # A fix can expose another (an overlap skipped in one pass): repeat to a fixed point.
    for _ in range(4):
        findings = check_text(out, lang, tb, Options(fix_encoding=fix_encoding, unsafe_fixes=unsafe_fixes))
        edits = plan(out, findings, fix_encoding=fix_encoding)
        if not edits:
            break
        out = apply(out, edits)
    return out


def find_concepts(text: str, lang: str | None = None, termbase: TermBase | None = None) -> list[Match]:
    """Every rendering of every concept in `text`, leftmost-longest."""
    from .matcher import matcher_for
    from .script import guess_lang

    tb = termbase or load()
    return matcher_for(tb, lang or guess_lang(text)).scan(text)
