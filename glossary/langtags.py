"""Language tags: parse any well-formed BCP 47 tag of a registered language, store it canonical.

A term base stores the shortest tag that still says which rendering it is:
`zh_Hans`, `zh-CN` and `zh` are all `zh`; `zh-TW` and `zh_Hant` are `zh-Hant`;
`uz-Cyrl` keeps its script because Uzbek defaults to Latin.

babel knows the languages CLDR has locale data for, a subset of ISO 639: a tag
it does not know (Udmurt `udm`, Klingon `tlh`) is judged by langcodes against
the IANA language subtag registry, which carries every ISO 639-1/2/3 code.
Such a language usually has no terms, so a text in it simply has nothing to
check; it must not stop a run.
"""

from __future__ import annotations

from functools import lru_cache

from .i18n import _

# Regions whose Chinese is written in Traditional characters.
_HANT_REGIONS = frozenset({"TW", "HK", "MO"})


# Tags that are already canonical (tests/test_langtags.py checks each against babel): the common
# `--lang` values are answered without importing babel and its locale data, 5 ms of a start.
CANONICAL = frozenset({"en", "ru", "zh", "fr", "de", "es", "ar", "ja", "ko", "pt", "it"})


def normalize(tag: str) -> str:
    """Return the canonical tag for `tag`; raise ValueError when it is not a language."""
    return tag if tag in CANONICAL else _normalize(tag)


@lru_cache(maxsize=None)
def _normalize(tag: str) -> str:
    from babel import Locale, UnknownLocaleError
    from babel.core import get_global

    raw = tag.strip()
    if not raw or any(c.isspace() for c in raw):
        raise ValueError(_('bad language tag "{tag}"').format(tag=tag))
    sep = "-" if "-" in raw else "_"
    try:
        locale = Locale.parse(raw, sep=sep)
    except (UnknownLocaleError, ValueError, TypeError):
        return _registered(raw, tag)
    language = locale.language
    script = locale.script
    if script is None and language == "zh" and locale.territory in _HANT_REGIONS:
        script = "Hant"
    if script is None:
        return language
    likely = get_global("likely_subtags").get(language, "")
    default_script = likely.split("_")[1] if likely.count("_") >= 1 else None
    if script == default_script:
        return language
    return f"{language}-{script}"


def _registered(raw: str, tag: str) -> str:
    """A tag babel does not know: well-formed BCP 47 with a registered language, or ValueError."""
    import langcodes

    hyphenated = raw.replace("_", "-")
    if not langcodes.tag_is_valid(hyphenated):
        raise ValueError(_('unknown language tag "{tag}"').format(tag=tag))
    parsed = langcodes.Language.get(hyphenated)
    language = parsed.language or ""
    # `x-…` (private use) and `und` name no language.
    if not (2 <= len(language) <= 3 and language.isalpha()) or language == "und":
        raise ValueError(_('unknown language tag "{tag}"').format(tag=tag))
    script = parsed.script
    if script is None or script == langcodes.Language.get(language).maximize().script:
        return language
    return f"{language}-{script}"


def base_language(tag: str) -> str:
    """The language subtag alone: `zh-Hant` -> `zh` (`zh_Hant` and `ZH` too): the one place it is taken."""
    return tag.replace("_", "-").split("-", 1)[0].lower()


def option_tag(value: str | None, option: str) -> str | None:
    """A tag given on the command line or in settings, canonical; an error names the option."""
    if value is None:
        return None
    from .errors import GlossaryError

    try:
        return normalize(value)
    except ValueError as exc:
        raise GlossaryError(f"{option}: {exc}") from None
