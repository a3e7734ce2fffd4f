from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from glossary import config
from glossary.cli import main
from glossary.config import ConfigError
from glossary.model import Severity

DATA = Path(__file__).parent / "data"
TERMBASE = DATA / "bilingual-termbase.yaml"


@pytest.fixture(autouse=True)
def _fresh_discovery():
    config._for_folder.cache_clear()
    config._explicit.cache_clear()
    yield
    config._for_folder.cache_clear()


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_nearest_file_wins_and_pyproject_without_the_table_is_skipped(tmp_path: Path):
    write(tmp_path / "pyproject.toml", '[tool.glossary]\nlang = "en"\ndisable = ["mixed-renderings"]\n')
    write(tmp_path / "docs" / "pyproject.toml", '[project]\nname = "docs"\n')
    write(tmp_path / "docs" / "ru" / ".glossary.toml", 'lang = "ru"\n')
    assert config.discover(tmp_path / "docs" / "a.md").lang == "en"
    assert config.discover(tmp_path / "docs" / "a.md").disable == frozenset({"mixed-renderings"})
    nearest = config.discover(tmp_path / "docs" / "ru" / "b.md")
    assert nearest.lang == "ru" and nearest.disable == frozenset()  # no merging


def test_glossary_toml_comes_before_pyproject_in_one_folder(tmp_path: Path):
    write(tmp_path / "pyproject.toml", '[tool.glossary]\nlang = "en"\n')
    write(tmp_path / ".glossary.toml", 'lang = "zh_CN"\n')
    assert config.discover(tmp_path / "x.po").lang == "zh"


def test_every_key(tmp_path: Path):
    path = write(tmp_path / ".glossary.toml", """
termbases = ["terms/project.yaml"]
default-termbase = false
lang = "en-GB"
source-lang = "zh-Hans"
exclude = ["vendor/**", "*.min.md"]
severity = {missing-term = "warning", unused-suppression = "error"}
disable = ["mixed-renderings"]
disable-concepts = ["belt-and-road"]
exempt-quotes = ["belt-and-road"]
show-source = true
""")
    cfg = config.load(path)
    assert cfg.show_source is True and config.DEFAULT.show_source is False
    assert cfg.termbases == (str(tmp_path / "terms" / "project.yaml"),)
    assert (cfg.default_termbase, cfg.lang, cfg.source_lang) == (False, "en", "zh")
    assert cfg.severity_of("missing-term", Severity.ERROR) is Severity.WARNING
    assert cfg.disable_concepts == frozenset({"belt-and-road"})
    assert cfg.exempt_quotes == frozenset({"belt-and-road"})
    assert cfg.excludes(tmp_path / "vendor" / "lib" / "a.md")
    assert cfg.excludes(tmp_path / "docs" / "page.min.md")
    assert not cfg.excludes(tmp_path / "docs" / "page.md")


@pytest.mark.parametrize("text, message, line", [
    ('lang = "en"\ncolour = "red"\n', 'unknown key "colour"', None),
    ('lang = "klingon-x"\n', '"lang": unknown language tag "klingon-x"', None),
    ('severity = {missing-term = "fatal"}\n', 'severity of "missing-term" must be error, warning or info, not "fatal"', None),
    ('lang = "en"\ndisable = mixed-renderings\n', "invalid value", 2),
    ('exclude = [1, 2]\n', '"exclude" must be a list of strings', None),
    ('show-source = "yes"\n', '"show-source" must be true or false', None),
])
def test_bad_settings_are_one_error_naming_the_file(tmp_path: Path, text: str, message: str, line: int | None):
    path = write(tmp_path / ".glossary.toml", text)
    with pytest.raises(ConfigError) as info:
        config.load(path)
    assert message in info.value.message and info.value.path == str(path) and info.value.line == line


def invoke(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


FORMATS = ["messages.po", "briefing-1.2.xlf", "briefing-2.0.xlf", "memory.tmx", "target.en.txt"]


def codes(out: str) -> list[str]:
    return [f["code"] for f in json.loads(out)["findings"]]


@pytest.mark.parametrize("name", FORMATS)
def test_settings_apply_in_each_format(tmp_path: Path, name: str):
    project = tmp_path / "project"
    project.mkdir()
    for f in (DATA / "bilingual").iterdir():
        shutil.copy(f, project / f.name)
    write(project / "pyproject.toml", f"""[tool.glossary]
termbases = ["{TERMBASE.as_posix()}"]
default-termbase = false
disable = ["missing-term"]
severity = {{untranslated-term = "warning"}}
""")
    pair = ["--source", str(project / "source.zh.txt")] if name == "target.en.txt" else []
    code, out, _ = invoke("check", str(project / name), "--format", "json", *pair)
    assert code == 1
    assert codes(out) == ["superseded-term", "untranslated-term", "deprecated-term"]
    assert [f["severity"] for f in json.loads(out)["findings"]][1] == "warning"
    # --isolated ignores the settings: the shipped term base is not wanted here, so name ours
    code, out, _ = invoke("check", str(project / name), "--format", "json", "--isolated", "--no-default",
                          "--termbase", str(TERMBASE), *pair)
    assert "missing-term" in codes(out)


def test_config_option_applies_one_file_to_every_path(tmp_path: Path):
    shutil.copy(DATA / "bilingual" / "messages.po", tmp_path / "messages.po")
    write(tmp_path / ".glossary.toml", 'disable = ["missing-term"]\n')
    other = write(tmp_path / "elsewhere" / "strict.toml", 'disable-concepts = ["belt-and-road"]\n')
    code, out, _ = invoke("check", str(tmp_path / "messages.po"), "--format", "json", "--config", str(other),
                          "--no-default", "--termbase", str(TERMBASE))
    assert codes(out) == ["missing-term", "deprecated-term"]


def test_excluded_files_are_skipped_when_walking_a_folder(tmp_path: Path):
    shutil.copy(DATA / "bilingual" / "messages.po", tmp_path / "messages.po")
    (tmp_path / "vendor").mkdir()
    shutil.copy(DATA / "bilingual" / "messages.po", tmp_path / "vendor" / "third.po")
    write(tmp_path / ".glossary.toml", 'exclude = ["vendor"]\n')
    code, out, _ = invoke("check", str(tmp_path), "--format", "json", "--no-default", "--termbase", str(TERMBASE))
    assert {Path(f["path"]).name for f in json.loads(out)["findings"]} == {"messages.po"}


def test_a_broken_settings_file_is_exit_2_once(tmp_path: Path):
    for i in range(3):
        shutil.copy(DATA / "bilingual" / "messages.po", tmp_path / f"m{i}.po")
    write(tmp_path / ".glossary.toml", "lang = \n")
    code, out, err = invoke("check", str(tmp_path), "--no-default", "--termbase", str(TERMBASE))
    assert code == 2
    assert err.count("glossary: error:") == 1 and f"{tmp_path / '.glossary.toml'}:1:" in err
    assert "Traceback" not in err


def test_config_and_isolated_together_is_a_usage_error(tmp_path: Path):
    path = write(tmp_path / "c.toml", 'lang = "en"\n')
    code, _, err = invoke("check", str(path), "--config", str(path), "--isolated")
    assert code == 2 and "--config and --isolated" in err


def test_a_path_is_resolved_as_pathlib_resolves_it(tmp_path: Path) -> None:
    (tmp_path / "real").mkdir()
    (tmp_path / "link").symlink_to("real")
    for path in (tmp_path / "link" / "a.md", tmp_path / "link" / ".." / "real" / "b.md", tmp_path / "missing" / "c.md",
                 tmp_path / "link"):
        assert config.real(path) == str(path.resolve())
        assert config.real(str(path) + "/") == str(Path(str(path) + "/").resolve())


def test_a_link_loop_above_a_file_is_a_settings_error(tmp_path: Path) -> None:
    (tmp_path / "one").symlink_to("two")
    (tmp_path / "two").symlink_to("one")
    with pytest.raises(ConfigError, match="loop of symbolic links"):
        config.discover(tmp_path / "one" / "a.md")
