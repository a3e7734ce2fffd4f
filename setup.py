"""Build step that compiles the UI message catalogs into the wheel.

Everything else about the package lives in pyproject.toml. The `.po` sources sit in
`locales/` at the repository root; the compiled `.mo` files are written into the
build tree as `glossary/locales/<locale>/LC_MESSAGES/glossary.mo` and are never
committed, so a wheel can only ship catalogs that match their sources.
"""

from __future__ import annotations

from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

ROOT = Path(__file__).resolve().parent
DOMAIN = "glossary"


class build_py_with_catalogs(build_py):
    """`build_py` plus compiling every `locales/*/LC_MESSAGES/glossary.po`."""

    def run(self) -> None:
        super().run()
        if getattr(self, "editable_mode", False):
            # Editable installs read the .po sources directly (see glossary/i18n.py).
            return
        from babel.messages.mofile import write_mo
        from babel.messages.pofile import read_po

        for po in sorted((ROOT / "locales").glob(f"*/LC_MESSAGES/{DOMAIN}.po")):
            locale = po.parent.parent.name
            with po.open("rb") as fp:
                catalog = read_po(fp, locale=locale)
            target = Path(self.build_lib) / "glossary" / "locales" / locale / "LC_MESSAGES" / f"{DOMAIN}.mo"
            target.parent.mkdir(parents=True, exist_ok=True)
            with target.open("wb") as fp:
                write_mo(fp, catalog)  # fuzzy entries are left out, as msgfmt does


setup(cmdclass={"build_py": build_py_with_catalogs})
