"""The published names and links agree everywhere they are written."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import glossary
from glossary import project

ROOT = Path(__file__).resolve().parent.parent
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


def test_the_distribution_is_not_called_glossary_but_the_package_and_command_are():
    meta = PYPROJECT["project"]
    # `glossary` on the package registry is an unrelated project.
    assert meta["name"] == project.DISTRIBUTION != "glossary"
    assert meta["scripts"] == {"glossary": "glossary.entry:main"}  # the click group is glossary.cli:main
    assert PYPROJECT["tool"]["setuptools"]["dynamic"]["version"] == {"attr": "glossary.__version__"}


def test_project_urls_are_real_and_name_the_repository():
    urls = PYPROJECT["project"]["urls"]
    assert urls["Source"] == urls["Homepage"] == project.REPOSITORY
    assert urls["Documentation"] == project.DOCS_URL
    for url in urls.values():
        assert url.startswith(project.REPOSITORY) and ".invalid" not in url


def test_every_install_command_in_the_docs_names_the_distribution():
    texts = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
    for path in texts:
        for line in path.read_text(encoding="utf-8").splitlines():
            for target in re.findall(r"pip install\s+(?:-\S+\s+)*(['\"]?[\w.\[\]-]+)", line):
                assert target.strip("'\"").split("[")[0] in {".", project.DISTRIBUTION}, (path.name, line)
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert f"pip install {project.DISTRIBUTION}" in readme
    assert "OWNER/" not in readme and f"repo: {project.REPOSITORY}" in readme


def test_sarif_names_the_tool_and_links_the_repository():
    from glossary.reporters import sarif

    driver = sarif.sarif_log([])["runs"][0]["tool"]["driver"]
    assert driver["name"] == project.DISTRIBUTION
    assert driver["semanticVersion"] == glossary.__version__
    assert driver["informationUri"] == project.DOCS_URL
    assert all(r["helpUri"].startswith(f"{project.DOCS_URL}/codes.md#") for r in driver["rules"])
