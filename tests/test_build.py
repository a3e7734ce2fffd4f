"""A real, non-editable wheel build: the compiled catalogs must be inside it.

setup.py compiles locales/*/LC_MESSAGES/glossary.po at build time; nothing
compiled is committed. pip builds in an isolated environment (setuptools and
babel from the registry), hence the `network` mark.
"""

from __future__ import annotations

import gettext
import io
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

pytestmark = pytest.mark.network


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory, registry_reachable: None) -> Path:
    src = tmp_path_factory.mktemp("src")
    listed = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"], cwd=ROOT, check=True, capture_output=True
    ).stdout.decode().split("\0")
    for name in filter(None, listed):
        if (ROOT / name).is_file():
            (src / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / name, src / name)
    assert not list(src.rglob("*.mo")), "compiled catalogs must not be in the source tree"
    out = tmp_path_factory.mktemp("dist")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", str(out), str(src)],
        check=True, capture_output=True, timeout=600,
    )
    (built,) = out.glob("zh_glossary_check-*.whl")
    return built


@pytest.mark.parametrize(("locale", "msgid", "msgstr"), [("ru", "Usage:", "Использование:"), ("zh_Hans", "Usage:", "用法：")])
def test_wheel_ships_compiled_catalogs(wheel: Path, locale: str, msgid: str, msgstr: str) -> None:
    with zipfile.ZipFile(wheel) as zf:
        data = zf.read(f"glossary/locales/{locale}/LC_MESSAGES/glossary.mo")
    catalog = gettext.GNUTranslations(io.BytesIO(data))
    assert catalog.gettext(msgid) == msgstr


def test_russian_catalog_in_the_wheel_has_three_plural_forms(wheel: Path) -> None:
    with zipfile.ZipFile(wheel) as zf:
        catalog = gettext.GNUTranslations(io.BytesIO(zf.read("glossary/locales/ru/LC_MESSAGES/glossary.mo")))
    forms = [catalog.ngettext("Found {n} finding", "Found {n} findings", n).format(n=n) for n in (1, 3, 5)]
    assert forms == ["Найдена 1 находка", "Найдено 3 находки", "Найдено 5 находок"]


def test_wheel_sources_of_the_catalogs_are_in_the_sdist_manifest() -> None:
    manifest = (ROOT / "MANIFEST.in").read_text(encoding="utf-8")
    assert "recursive-include locales *.po" in manifest
