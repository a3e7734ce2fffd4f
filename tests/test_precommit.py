"""The pre-commit hooks, run for real with `pre-commit try-repo` in a throw-away git repository.

The try-repo test is marked `network`: pre-commit installs this project into an
isolated environment with pip, so it needs the package registry, and it skips
when the registry cannot be reached (`-m "not network"` deselects it).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DRAFT = "# Notes\n\nThe One Belt, One Road projects were discussed.\n"
FIXED = "# Notes\n\nThe Belt and Road projects were discussed.\n"


def _git(cwd: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True)


def _snapshot_of_this_project(dest: Path) -> Path:
    """A git repository holding the project's current files (committed or not)."""
    listed = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"], cwd=ROOT, check=True, capture_output=True
    ).stdout.decode().split("\0")
    for name in filter(None, listed):
        src = ROOT / name
        if src.is_file():
            (dest / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(src, dest / name)
    _git(dest, "init", "-q")
    _git(dest, "add", "-A")
    _git(dest, "commit", "-q", "-m", "snapshot")
    return dest


@pytest.fixture(scope="module")
def env(tmp_path_factory: pytest.TempPathFactory, registry_reachable: None) -> dict[str, str]:
    home = tmp_path_factory.mktemp("pre-commit-home")
    return {
        **os.environ,
        "PRE_COMMIT_HOME": str(home),
        "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.invalid",
        "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.invalid",
        "LANG": "C.UTF-8", "LANGUAGE": "", "LC_ALL": "", "NO_COLOR": "1",
    }


def _try_repo(hooks_repo: Path, work: Path, hook: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "pre_commit", "try-repo", str(hooks_repo), hook, "--files", "draft.md", "notes.txt", "--verbose", "--color", "never"],
        cwd=work, env=env, capture_output=True, text=True, timeout=900,
    )


@pytest.mark.network
def test_check_fails_fix_rewrites_then_check_passes(tmp_path: Path, env: dict[str, str]) -> None:
    hooks_repo = _snapshot_of_this_project(tmp_path / "glossary")
    work = tmp_path / "texts"
    work.mkdir()
    (work / "draft.md").write_text(DRAFT, encoding="utf-8")
    (work / "notes.txt").write_text("Nothing to see here.\n", encoding="utf-8")
    _git(work, "init", "-q")
    _git(work, "add", "-A")

    check = _try_repo(hooks_repo, work, "glossary-check", env)
    assert check.returncode == 1, check.stdout + check.stderr
    assert "glossary (check terminology)" in check.stdout and "Failed" in check.stdout
    assert 'draft.md:3:5: superseded-term [*] "One Belt, One Road" → "Belt and Road"' in check.stdout
    assert (work / "draft.md").read_text(encoding="utf-8") == DRAFT

    fix = _try_repo(hooks_repo, work, "glossary-fix", env)
    assert fix.returncode == 1, fix.stdout + fix.stderr
    assert "Failed" in fix.stdout and "files were modified by this hook" in fix.stdout
    assert "Fixed 1 finding in draft.md" in fix.stdout
    assert (work / "draft.md").read_text(encoding="utf-8") == FIXED
    assert (work / "notes.txt").read_text(encoding="utf-8") == "Nothing to see here.\n"

    again = _try_repo(hooks_repo, work, "glossary-check", env)
    assert again.returncode == 0, again.stdout + again.stderr
    assert "Passed" in again.stdout


def test_readme_snippet_names_the_offered_hooks() -> None:
    import re

    import yaml

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("## pre-commit"):]
    snippet = re.search(r"```yaml\n(.*?)```", section, re.S).group(1)
    config = yaml.safe_load(snippet)
    offered = {hook["id"] for hook in yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))}
    used = {hook["id"] for repo in config["repos"] for hook in repo["hooks"]}
    assert used == offered == {"glossary-check", "glossary-fix"}
