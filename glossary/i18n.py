"""The tool's own messages through gettext.

Term-base content is never translated here: it is multilingual already.
"""

from __future__ import annotations

import gettext as _gettext
from pathlib import Path

DOMAIN = "glossary"
LOCALE_DIR = Path(__file__).parent / "locales"

_translation: _gettext.NullTranslations = _gettext.NullTranslations()


def setup(languages: list[str] | None = None) -> None:
    """Choose the catalog; with no languages gettext reads LANGUAGE, LC_ALL, LC_MESSAGES, LANG."""
    global _translation
    _translation = _gettext.translation(DOMAIN, LOCALE_DIR, languages=languages, fallback=True)


def _(message: str) -> str:
    return _translation.gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    return _translation.ngettext(singular, plural, n)


def N_(message: str) -> str:
    return message
