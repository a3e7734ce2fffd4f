"""The tool's own messages in the user's language (gettext domain `glossary`).

Term-base content is never passed through gettext: it is already multilingual.
Only the CLI's sentences are, with named placeholders so translators can reorder
them, and `ngettext` for counts because Russian has three plural forms.

The UI locale comes from `--locale`, then LANGUAGE, LC_ALL, LC_MESSAGES, LANG
(stdlib gettext's order; LC_CTYPE is skipped because Python's PEP 538 coercion
rewrites it). Babel and stdlib gettext have no script-level fallback, so the
candidate catalogs are built here: `zh_CN` -> zh_Hans_CN, zh_Hans, zh_CN, zh.
"""

from __future__ import annotations

import io
import os
from collections.abc import Iterable, Mapping
from functools import lru_cache

TYPE_CHECKING = False  # typing's own flag, without importing typing (see glossary/__init__.py)
if TYPE_CHECKING:
    import gettext as _gettext

DOMAIN = "glossary"
SOURCE_LOCALE = "en"
ENV_VARS = ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")


@lru_cache(maxsize=None)
def locale_folders() -> tuple[str, str]:
    """(compiled catalogs inside the installed package, written by the build step in setup.py;
    the catalogs' sources in a checkout, `locales/` beside the package, used when the package runs
    from a source tree where nothing was compiled). Found on first need: resolving the package's
    links is a call to the file system per folder of its path, and English needs no catalog."""
    package = os.path.dirname(os.path.realpath(__file__))
    return os.path.join(package, "locales"), os.path.join(os.path.dirname(package), "locales")


class _Untranslated:
    """The source language's messages as written: what gettext's NullTranslations answers, without
    importing gettext, which only a catalog of another language needs."""

    __slots__ = ()

    def gettext(self, message: str) -> str:
        return message

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        return singular if n == 1 else plural


_state: dict[str, object] = {"translations": _Untranslated(), "locale": SOURCE_LOCALE}


def N_(message: str) -> str:
    """Mark `message` for extraction; it is translated later, where it is shown."""
    return message


def Nn_(singular: str, plural: str) -> tuple[str, str]:
    """Mark a singular/plural pair for extraction; pass it to `ngettext` later."""
    return singular, plural


def _(message: str) -> str:
    """Translate `message` into the UI language."""
    return _translations().gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    """Translate a message whose form depends on the count `n`."""
    return _translations().ngettext(singular, plural, n)


def current_locale() -> str:
    """The locale id of the active catalog (`en` when the UI is untranslated)."""
    return str(_state["locale"])


def _translations() -> _gettext.NullTranslations | _Untranslated:
    return _state["translations"]  # type: ignore[return-value]


def requested_locales(explicit: str | None = None, environ: Mapping[str, str] | None = None) -> list[str]:
    """The locale names the user asked for, most wanted first."""
    if explicit:
        return [explicit]
    env = os.environ if environ is None else environ
    for var in ENV_VARS:
        value = env.get(var, "")
        if value:
            # LANGUAGE is a colon-separated priority list; the others hold one name.
            return [part for part in value.split(":") if part] if var == "LANGUAGE" else [value]
    return []


def fallback_chain(name: str) -> list[str]:
    """Catalog names to try for one locale name, most specific first.

    Accepts POSIX (`ru_RU.UTF-8`, `sr_RS@latin`), CLDR (`zh_Hans_CN`) and BCP 47
    (`zh-Hans-CN`) spellings. `C` and `POSIX` mean the untranslated UI.
    """
    tag = name.strip().split(".", 1)[0]
    tag, _sep, modifier = tag.partition("@")
    script_hint = {"latin": "Latn", "cyrillic": "Cyrl"}.get(modifier.lower())
    tag = tag.replace("-", "_")
    if not tag or tag.upper() in ("C", "POSIX"):
        return []
    from babel import Locale, UnknownLocaleError  # only when a real locale is asked for

    try:
        loc = Locale.parse(tag)
    except (ValueError, TypeError, UnknownLocaleError):
        language = tag.split("_", 1)[0].lower()
        return [language] if language.isalpha() else []
    script = script_hint or loc.script
    candidates = [
        (loc.language, script, loc.territory),
        (loc.language, script, None),
        (loc.language, None, loc.territory),
        (loc.language, None, None),
    ]
    chain: list[str] = []
    for language, scr, territory in candidates:
        ident = "_".join(part for part in (language, scr, territory) if part)
        if ident not in chain:
            chain.append(ident)
    return chain


def _language(name: str) -> str:
    """The language subtag of a locale name in any spelling fallback_chain accepts, lower-cased."""
    tag = name.strip().split(".", 1)[0].partition("@")[0].replace("-", "_")
    return tag.split("_", 1)[0].lower()


def _catalog(ident: str) -> _gettext.GNUTranslations | None:
    """Load one catalog: compiled from the package, else compiled in memory from a checkout."""
    import gettext as _gettext

    compiled, sources = locale_folders()
    mo = os.path.join(compiled, ident, "LC_MESSAGES", f"{DOMAIN}.mo")
    if os.path.isfile(mo):
        with open(mo, "rb") as fp:
            return _gettext.GNUTranslations(fp)
    po = os.path.join(sources, ident, "LC_MESSAGES", f"{DOMAIN}.po")
    if os.path.isfile(po):
        return _gettext.GNUTranslations(io.BytesIO(_compile_po(po)))
    return None


@lru_cache(maxsize=8)
def _compile_po(path: str) -> bytes:
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    with open(path, "rb") as fp:
        catalog = read_po(fp)
    out = io.BytesIO()
    write_mo(out, catalog)
    return out.getvalue()


def setup(locale: str | list[str] | None = None, environ: Mapping[str, str] | None = None) -> str:
    """Select the UI catalog from `locale` (or a priority list) or the environment; return its id."""
    translations: _gettext.NullTranslations | _Untranslated = _Untranslated()
    active = SOURCE_LOCALE
    found = False
    wanted = list(locale) if isinstance(locale, list) else requested_locales(locale, environ)
    for name in wanted:
        if _language(name) == SOURCE_LOCALE:
            # `en_US.UTF-8` and the like: every chain of an English name starts
            # with English, so the answer is known without importing babel.
            found = True
            break
        for ident in fallback_chain(name):
            if ident == SOURCE_LOCALE or ident.startswith(SOURCE_LOCALE + "_"):
                # English is the source language: no catalog, and nothing further down
                # the user's list should override an explicit choice of it.
                found = True
                break
            catalog = _catalog(ident)
            if catalog is not None:
                translations, active, found = catalog, ident, True
                break
        if found:
            break
    _state["translations"] = translations
    _state["locale"] = active
    return active


def available_locales() -> list[str]:
    """Locale ids that have a catalog, compiled or in source form."""
    found: set[str] = set()
    from pathlib import Path

    compiled, sources = locale_folders()
    for folder, suffix in ((compiled, ".mo"), (sources, ".po")):
        root = Path(folder)
        if root.is_dir():
            found.update(p.parent.parent.name for p in root.glob(f"*/LC_MESSAGES/{DOMAIN}{suffix}"))
    return sorted(found)


def language_name(tag: str, locale: str | None = None) -> str:
    """The display name of the BCP 47 `tag` in the UI language (`ru` -> `русский` in ru)."""
    from babel import Locale, UnknownLocaleError

    try:
        shown = Locale.parse(tag.replace("_", "-"), sep="-")
        ui = Locale.parse(locale or current_locale())
    except (ValueError, TypeError, UnknownLocaleError):
        return tag
    return shown.get_display_name(ui) or tag


def language_names(tags: Iterable[str], locale: str | None = None) -> list[str]:
    """Display names for several tags, in the order given."""
    return [language_name(tag, locale) for tag in tags]


# click marks its own strings with the stdlib's global `gettext`, which knows nothing
# of `--locale`. These are the ones a user of `glossary` meets; they are extracted into
# our catalogs with click's exact msgids, and `localize_click` points click at them.
CLICK_MESSAGES = (
    N_("Usage:"),
    N_("Options"),
    N_("Commands"),
    N_("Show this message and exit."),
    N_("Show the version and exit."),
    N_("Error: {message}"),
    N_("Try '{command} {option}' for help."),
    N_("No such option {name!r}."),
    N_("No such command {name!r}."),
    N_("Missing argument"),
    N_("Missing option"),
    N_("Missing parameter"),
    N_("Missing command."),
    N_("Invalid value: {message}"),
    N_("Invalid value for {param_hint}: {message}"),
    N_("{name} {filename!r} does not exist."),
    N_("default: {default}"),
    N_("Aborted!"),
)
CLICK_PLURALS = (
    Nn_("Got unexpected extra argument ({args})", "Got unexpected extra arguments ({args})"),
    Nn_("{value!r} is not {choice}.", "{value!r} is not one of {choices}."),
    Nn_("Did you mean {possibility}?", "(Did you mean one of: {possibilities}?)"),
)


def localize_click() -> None:
    """Route click's own messages ("Usage:", "Error: …") through our catalog."""
    import importlib

    for name in ("core", "decorators", "exceptions", "formatting", "parser", "types", "utils", "termui"):
        module = importlib.import_module(f"click.{name}")
        if getattr(module, "_", None) is not None:
            module._ = _  # type: ignore[attr-defined]
        if getattr(module, "ngettext", None) is not None:
            module.ngettext = ngettext  # type: ignore[attr-defined]
