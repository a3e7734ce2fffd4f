"""`glossary brief` end to end."""

from __future__ import annotations

import json

from click.testing import CliRunner

from glossary.cli import main

SOURCE = "各方支持共建“一带一路”，上合组织成员国愿构建人类命运共同体。\n一带一路合作走深走实。\n"


def run(*args: str, input: str | None = None):
    return CliRunner().invoke(main, list(args), input=input, catch_exceptions=False, prog_name="glossary",
                              env={"LANG": "C.UTF-8", "LANGUAGE": ""})


def test_text_brief_of_a_file(tmp_path):
    path = tmp_path / "speech.txt"
    path.write_text(SOURCE, encoding="utf-8")
    result = run("brief", str(path), "--to", "en", "--to", "ru")
    assert result.exit_code == 0
    assert result.stdout.startswith("一带一路  [belt-and-road]  ×2")
    assert "Belt and Road Initiative" in result.stdout and "Пояс и путь" in result.stdout


def test_json_brief_from_stdin_matches_the_api():
    import glossary

    result = run("brief", "-", "--to", "en", "--format", "json", input=SOURCE)
    assert result.exit_code == 0
    assert json.loads(result.stdout) == [e.as_json() for e in glossary.brief(SOURCE, "zh", ["en"])]


def test_every_format(tmp_path):
    path = tmp_path / "speech.md"
    path.write_text("# 标题\n\n" + SOURCE, encoding="utf-8")
    for fmt in ("text", "markdown", "json", "csv", "prompt"):
        result = run("brief", str(path), "--to", "en", "--format", fmt)
        assert result.exit_code == 0 and "Belt and Road Initiative" in result.stdout, fmt


def test_a_source_naming_nothing_says_so(tmp_path):
    path = tmp_path / "plain.txt"
    path.write_text("今天天气很好。\n", encoding="utf-8")
    result = run("brief", str(path), "--to", "en")
    assert result.exit_code == 0 and result.stdout == ""
    assert "names no concept" in result.stderr


def test_bad_input_is_one_line_and_exit_2(tmp_path):
    missing = run("brief", str(tmp_path / "nope.txt"), "--to", "en")
    assert missing.exit_code == 2
    assert missing.stderr.strip().count("\n") == 0 and "nope.txt" in missing.stderr
    bad_tag = run("brief", "-", "--to", "english!!", input=SOURCE)
    assert bad_tag.exit_code == 2 and "--to" in bad_tag.stderr
    broken = tmp_path / "broken.xlf"
    broken.write_text("<xliff><file><body><trans-unit>", encoding="utf-8")
    result = run("brief", str(broken), "--to", "en")
    assert result.exit_code == 2 and "broken.xlf" in result.stderr and "Traceback" not in result.stderr
