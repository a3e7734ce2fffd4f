"""The installed command and the built wheel, run as users run them."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

import glossary

ROOT = Path(__file__).resolve().parent.parent
DRAFT = "Ministers praised the One Belt, One Road plan.\n"


def glossary_script() -> str | None:
    candidate = Path(sys.executable).with_name("glossary")
    return str(candidate) if candidate.exists() else shutil.which("glossary")


@pytest.mark.skipif(glossary_script() is None, reason="the glossary command is not installed")
def test_installed_command_runs_in_a_real_process(tmp_path: Path) -> None:
    draft = tmp_path / "draft.txt"
    draft.write_text(DRAFT, encoding="utf-8")
    proc = subprocess.run([glossary_script(), "check", "--format", "json", "draft.txt"],  # type: ignore[list-item]
                          cwd=tmp_path, capture_output=True, text=True, env={**os.environ, "NO_COLOR": "1"})
    assert proc.returncode == 1, proc.stderr
    doc = json.loads(proc.stdout)
    assert [f["code"] for f in doc["findings"]] == ["superseded-term"]


def test_python_dash_m(tmp_path: Path) -> None:
    draft = tmp_path / "d.txt"
    draft.write_text("Belt and Road Initiative\n", encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "glossary", "check", str(draft)], cwd=ROOT,
                          capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr


def test_wheel_ships_the_term_base_and_works_outside_the_checkout(tmp_path: Path) -> None:
    wheels = tmp_path / "wheels"
    build = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(wheels), str(ROOT)],
                           capture_output=True, text=True)
    if build.returncode != 0:
        pytest.fail(f"wheel build failed: {build.stderr[-2000:]}")
    [wheel] = wheels.glob("zh_glossary_check-*.whl")
    with zipfile.ZipFile(wheel) as zf:
        names = set(zf.namelist())
        assert "glossary/data/terms.yaml" in names and "glossary/py.typed" in names
        assert zf.read("glossary/data/terms.yaml") == (ROOT / "terms.yaml").read_bytes()
        [meta] = [n for n in names if n.endswith(".dist-info/METADATA")]
        headers = zf.read(meta).decode("utf-8").split("\n\n", 1)[0].splitlines()
        assert "Name: zh-glossary-check" in headers and f"Version: {glossary.__version__}" in headers
        assert any(h.startswith("Project-URL: Documentation, https://github.com/") for h in headers)
    target = tmp_path / "site"
    subprocess.run([sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target", str(target), str(wheel)],
                   check=True, capture_output=True)
    work = tmp_path / "elsewhere"
    work.mkdir()
    (work / "draft.txt").write_text(DRAFT, encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(target), "GLOSSARY_NO_CACHE": "1"}
    proc = subprocess.run([sys.executable, "-m", "glossary", "check", "-q", "draft.txt"], cwd=work,
                          capture_output=True, text=True, env=env)
    assert proc.returncode == 1, proc.stderr
    assert "superseded-term" in proc.stdout
    probe = subprocess.run([sys.executable, "-c", "import glossary; print(glossary.__file__)"], cwd=work,
                           capture_output=True, text=True, env=env)
    assert probe.stdout.strip().startswith(str(target))
