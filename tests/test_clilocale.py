"""The CLI in each UI language: translated lines, plural forms, help, click's own errors."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from glossary.cli import main
from glossary.clilocale import locale_from_args

ONE = "The One Belt, One Road projects.\n"
TWO = "The One Belt, One Road projects and OBOR.\n"
FIVE = "OBOR, OBOR, OBOR, OBOR and One Belt, One Road.\n"


def run(args, env=None, tmp_path=None):
    runner = CliRunner()
    base = {"LANGUAGE": "", "LC_ALL": "", "LC_MESSAGES": "", "LANG": "C.UTF-8", "NO_COLOR": "1"}
    return runner.invoke(main, args, env={**base, **(env or {})}, catch_exceptions=False, prog_name="glossary")


@pytest.fixture
def drafts(tmp_path):
    for name, text in (("one.txt", ONE), ("two.txt", TWO), ("five.txt", FIVE)):
        (tmp_path / name).write_text(text, encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize(
    ("name", "summary"),
    [
        ("one.txt", "Найдена 1 находка в 1 файле ([*] 1 исправляется командой `glossary fix`)."),
        ("two.txt", "Найдено 2 находки в 1 файле ([*] 2 исправляются командой `glossary fix`)."),
        ("five.txt", "Найдено 5 находок в 1 файле ([*] 5 исправляются командой `glossary fix`)."),
    ],
)
def test_russian_from_lang(drafts, name, summary):
    result = run(["check", str(drafts / name)], {"LANG": "ru_RU.UTF-8"})
    assert result.exit_code == 1
    assert result.stderr.strip().splitlines()[-1] == summary
    assert "superseded-term [*] «One Belt, One Road» → «Belt and Road» — " in result.stdout  # codes untranslated
    result = run(["check", "--show-source", str(drafts / name)], {"LANG": "ru_RU.UTF-8"})
    assert "официально заменён: используйте «Belt and Road»" in result.stdout
    assert "superseded-term" in result.stdout and "[belt-and-road]" in result.stdout  # codes and ids untranslated


@pytest.mark.parametrize(("name", "n"), [("one.txt", 1), ("two.txt", 2), ("five.txt", 5)])
def test_chinese_from_locale_option(drafts, name, n):
    result = run(["--locale", "zh_Hans", "check", str(drafts / name)], {"LANG": "ru_RU.UTF-8"})
    assert result.stderr.strip().splitlines()[-1] == f"发现 {n} 个问题，涉及 1 个文件（[*] 其中 {n} 个可用 `glossary fix` 修正）。"
    assert "“One Belt, One Road” → “Belt and Road” —— " in result.stdout
    result = run(["--locale", "zh_Hans", "check", "--show-source", str(drafts / name)], {"LANG": "ru_RU.UTF-8"})
    assert "“One Belt, One Road”已被正式取代：请用“Belt and Road”" in result.stdout


def test_english_by_default(drafts):
    result = run(["check", str(drafts / "two.txt")])
    assert result.stderr.strip().splitlines()[-1] == "Found 2 findings in 1 file ([*] 2 fixable with `glossary fix`)."


def test_json_keys_stay_english_in_russian(drafts):
    import json

    result = run(["--locale", "ru", "check", "--format", "json", str(drafts / "one.txt")])
    doc = json.loads(result.stdout)
    finding = doc["findings"][0]
    assert {"code", "concept", "message", "suggestion"} <= set(finding)
    assert finding["code"] == "superseded-term" and finding["concept"] == "belt-and-road"


def test_sarif_in_russian_validates(drafts, validate_sarif):
    result = run(["--locale=ru", "check", "--format", "sarif", str(drafts / "five.txt")])
    log = validate_sarif(result.stdout)
    messages = [r["message"]["text"] for r in log["runs"][0]["results"]]
    assert len(messages) == 5 and all("используйте" in m for m in messages)


@pytest.mark.parametrize(
    ("locale", "lines"),
    [
        ("ru", ["Использование: glossary [OPTIONS] COMMAND [ARGS]...", "Параметры:", "Команды:", "Показать это сообщение и выйти."]),
        ("zh_Hans", ["用法： glossary [OPTIONS] COMMAND [ARGS]...", "命令:", "显示此帮助信息并退出。", "对照政治和外交术语的官方译法检查文本。"]),
    ],
)
def test_help_is_translated(locale, lines):
    result = run(["--locale", locale, "--help"])
    for line in lines:
        assert line in result.stdout


def test_subcommand_help_and_click_errors_are_translated():
    result = run(["--locale", "ru", "check", "--help"])
    assert "Найти неофициальные варианты в PATHS" in result.stdout
    assert "по умолчанию: text" in result.stdout
    bad = run(["--locale", "ru", "check", "--nope", "x"])
    assert bad.exit_code == 2
    assert "Ошибка: Нет параметра '--nope'." in bad.stderr


def test_terms_show_language_names_in_the_ui_language():
    from babel import Locale

    # The names come from babel's CLDR data: compare with what it says today, not a copy of it.
    result = run(["--locale", "ru", "terms", "belt-and-road"])
    english, chinese = (Locale.parse(tag).get_display_name("ru") for tag in ("en", "zh"))
    assert english != "English" and chinese != "Chinese"
    assert f"en ({english}):" in result.stdout
    assert f"zh ({chinese}):" in result.stdout


def test_locale_option_parsing():
    assert locale_from_args(["--locale", "ru", "check"]) == "ru"
    assert locale_from_args(["--locale=zh_Hans"]) == "zh_Hans"
    assert locale_from_args(["check", "--", "--locale", "ru"]) is None
    assert locale_from_args(["check"]) is None


def test_installed_script_in_russian_from_lang(drafts):
    """The console script, started for real with LANG (not --locale)."""
    script = Path(sys.executable).with_name("glossary")
    env = {**os.environ, "LANG": "ru_RU.UTF-8", "LC_ALL": "", "LANGUAGE": "", "LC_MESSAGES": ""}
    proc = subprocess.run([str(script), "check", str(drafts / "two.txt")], capture_output=True, text=True, env=env)
    assert proc.returncode == 1
    assert proc.stderr.strip().splitlines()[-1].startswith("Найдено 2 находки в 1 файле")


@pytest.mark.parametrize(("locale", "said"), [("ru", "которого нет в глоссарии"), ("zh_Hans", "的已列译法")])
def test_an_unlisted_variants_reason_is_in_the_ui_language(tmp_path, locale, said):
    import json

    draft = tmp_path / "values.txt"
    draft.write_text("Our schools teach the common values of humankind.\n", encoding="utf-8")
    result = run(["--locale", locale, "check", "--format", "json", str(draft)])
    found = [f for f in json.loads(result.output)["findings"] if f["code"] == "unlisted-variant"]
    assert found and all(said in f["reason"] for f in found), result.output
