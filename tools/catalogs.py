"""Maintain the UI message catalogs with babel: extract, update, check.

    python tools/catalogs.py update   # refresh locales/glossary.pot and every locales/<ll>/LC_MESSAGES/glossary.po
    python tools/catalogs.py check    # exit 1 if the template is stale or a catalog is incomplete

Extraction is `pybabel extract` over glossary/ (keywords: babel's defaults plus
`Nn_` for singular/plural pairs) plus the click help texts, which are plain
literals in cli.py and are translated at display time (glossary/clilocale.py).
Compiling happens at build time (setup.py), never here.
"""

from __future__ import annotations

import io
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LOCALES = ROOT / "locales"
TEMPLATE = LOCALES / "glossary.pot"
DOMAIN = "glossary"
KEYWORDS = {"Nn_": (1, 2)}
PLACEHOLDER = re.compile(r"\{[^{}]*\}")


def template():  # type: ignore[no-untyped-def]
    """A fresh template catalog from the sources."""
    sys.path.insert(0, str(ROOT))
    from babel.messages.catalog import Catalog
    from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir

    from glossary import cli
    from glossary.clilocale import help_texts

    catalog = Catalog(project="glossary", version="", msgid_bugs_address="", copyright_holder="glossary contributors", charset="utf-8")
    method_map = [("glossary/**.py", "python")]
    keywords = {**DEFAULT_KEYWORDS, **KEYWORDS}
    for filename, lineno, message, comments, context in extract_from_dir(
        str(ROOT), method_map=method_map, keywords=keywords, comment_tags=("TRANSLATORS:",), strip_comment_tags=True
    ):
        catalog.add(message, None, [(filename, lineno)], auto_comments=comments, context=context)
    for text in help_texts(cli.main):
        if text not in catalog:
            catalog.add(text, None, [("glossary/cli.py", 0)], auto_comments=["click help text"])
    return catalog


def _po_bytes(catalog, **kw) -> bytes:  # type: ignore[no-untyped-def]
    from babel.messages.pofile import write_po

    out = io.BytesIO()
    write_po(out, catalog, width=76, omit_header=False, sort_output=False, include_lineno=False, **kw)
    return out.getvalue()


def _meaning(catalog) -> list[tuple[object, ...]]:  # type: ignore[no-untyped-def]
    """What a template says, without what the generator stamps on it (its version, the date).

    Babel writes its own version into the header (``Generated-By``) and the creation date, and
    the template keeps file names without line numbers; a newer Babel must not make the
    catalogs look stale, so only the messages, their files, flags and comments count.
    """
    return [
        (m.id, m.context, tuple(sorted({path for path, _line in m.locations})), tuple(sorted(m.flags - {"fuzzy"})), tuple(m.auto_comments))
        for m in catalog
        if m.id
    ]


def _translations(catalog) -> list[tuple[object, ...]]:  # type: ignore[no-untyped-def]
    return [(m.id, m.context, m.string, m.fuzzy) for m in catalog if m.id]


def update() -> None:
    """Rewrite only what changed, keeping the old creation date.

    A rewrite stamps the date and Babel's version on every file; on parallel
    branches that made every catalog conflict at its header for nothing.
    """
    from babel.messages.pofile import read_po

    pot = template()
    if TEMPLATE.exists():
        with TEMPLATE.open("rb") as fp:
            old = read_po(fp)
        pot.creation_date = old.creation_date
        if _meaning(old) != _meaning(pot):
            TEMPLATE.write_bytes(_po_bytes(pot))
    else:
        TEMPLATE.write_bytes(_po_bytes(pot))
    for po_path in sorted(LOCALES.glob(f"*/LC_MESSAGES/{DOMAIN}.po")):
        locale = po_path.parent.parent.name
        with po_path.open("rb") as fp:
            catalog = read_po(fp, locale=locale)
        before = _meaning(catalog), _translations(catalog)
        created = catalog.creation_date
        catalog.update(pot, no_fuzzy_matching=True)
        catalog.creation_date = created
        for message in list(catalog.obsolete):
            del catalog.obsolete[message]
        if (_meaning(catalog), _translations(catalog)) != before:
            po_path.write_bytes(_po_bytes(catalog, ignore_obsolete=True))


def problems() -> list[str]:
    """Why the catalogs are not complete and current; empty when they are."""
    from babel.messages.pofile import read_po

    found: list[str] = []
    pot = template()
    stale = not TEMPLATE.exists()
    if not stale:
        with TEMPLATE.open("rb") as fp:
            stale = _meaning(read_po(fp)) != _meaning(pot)
    if stale:
        found.append(f"{TEMPLATE.relative_to(ROOT)} is stale: run python tools/catalogs.py update")
    for po_path in sorted(LOCALES.glob(f"*/LC_MESSAGES/{DOMAIN}.po")):
        with po_path.open("rb") as fp:
            catalog = read_po(fp, locale=po_path.parent.parent.name)
        name = po_path.relative_to(ROOT)
        for message in pot:
            if not message.id:
                continue
            entry = catalog.get(message.id, message.context)
            if entry is None or entry.fuzzy or not (all(entry.string) if isinstance(entry.string, tuple) else entry.string):
                found.append(f"{name}: untranslated: {message.id!r}")
                continue
            ids = message.id if isinstance(message.id, tuple) else (message.id,)
            strings = entry.string if isinstance(entry.string, tuple) else (entry.string,)
            wanted = set(PLACEHOLDER.findall(ids[-1])) | set(PLACEHOLDER.findall(ids[0]))
            for s in strings:
                if set(PLACEHOLDER.findall(s)) - wanted:
                    found.append(f"{name}: unknown placeholder in translation of {ids[0]!r}: {s!r}")
            if isinstance(message.id, tuple) and len(strings) != catalog.num_plurals:
                found.append(f"{name}: {ids[0]!r} has {len(strings)} plural forms, expected {catalog.num_plurals}")
    return found


if __name__ == "__main__":
    command = sys.argv[1] if len(sys.argv) > 1 else "check"
    if command == "update":
        update()
    elif command == "check":
        issues = problems()
        print("\n".join(issues) or "catalogs complete")
        sys.exit(1 if issues else 0)
    else:
        sys.exit(f"unknown command {command!r} (expected update or check)")
