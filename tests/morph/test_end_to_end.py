"""The morphology layer through the command line: check, fix, normalize, bad input."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from glossary.cli import main

TB = ["--no-default", "--termbase", str(Path(__file__).parent.parent / "data" / "morph.yaml")]
DRAFT = (
    "Начато строительство сообщества общей судьбы человечества.\n"
    "Страны поддержали проект «Один пояс, один путь».\n"
    "Выпускники мастерских Лу Бань нашли работу.\n"
)


def run(*args: str, input: str | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args), input=input, catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def test_check_reports_inflected_suggestions_and_withheld_fixes(tmp_path: Path) -> None:
    draft = tmp_path / "draft.txt"
    draft.write_text(DRAFT, encoding="utf-8")
    code, out, _ = run("check", "--format", "json", "--lang", "ru", str(draft), *TB)
    assert code == 1
    findings = json.loads(out)["findings"]
    assert [(f["line"], f["found"], f["suggestion"], f["fixable"]) for f in findings] == [
        (1, "сообщества общей судьбы человечества", "сообщества единой судьбы человечества", True),
        (2, "проект «Один пояс, один путь»", "инициатива «Пояс и путь»", False),
        (3, "мастерских Лу Бань", "мастерских Лу Баня", True),
    ]
    assert "cannot tell the case" in findings[1]["reason"]


def test_fix_rewrites_in_form_and_leaves_the_undecided(tmp_path: Path) -> None:
    draft = tmp_path / "draft.txt"
    draft.write_text(DRAFT, encoding="utf-8")
    run("fix", "--lang", "ru", str(draft), *TB)
    assert draft.read_text(encoding="utf-8") == (
        "Начато строительство сообщества единой судьбы человечества.\n"
        "Страны поддержали проект «Один пояс, один путь».\n"
        "Выпускники мастерских Лу Баня нашли работу.\n"
    )
    code, out, _ = run("check", "--format", "json", "--lang", "ru", str(draft), *TB)
    assert code == 1
    assert [f["fixable"] for f in json.loads(out)["findings"]] == [False]


def test_normalize_on_stdin_for_each_layer() -> None:
    assert run("normalize", "--lang", "en", *TB, input="Three Lu Ban Workshops opened.\n")[1] == (
        "Three Luban Workshops opened.\n")
    assert run("normalize", "--lang", "zh-Hant", *TB, input="推進一帶一路戰略\n")[1] == "推進一帶一路倡議\n"
    assert run("normalize", "--lang", "ru", *TB, input="в рамках «Одного пояса, одного пути»\n")[1] == (
        "в рамках «Пояса и пути»\n")
    assert run("normalize", "--lang", "kk", *TB, input="«Бір белдеу, бір жол» стратегиясы\n")[1] == (
        "«Бір белдеу, бір жол» бастамасы\n")


def test_a_misplaced_stem_marker_is_an_input_error(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("version: 1\nconcepts:\n  - id: a\n    terms:\n      kk:\n        - {text: \"бастама |сы\", status: preferred}\n",
                   encoding="utf-8")
    draft = tmp_path / "d.txt"
    draft.write_text("бастамасы\n", encoding="utf-8")
    code, out, err = run("check", "--no-default", "--termbase", str(bad), str(draft))
    assert code == 2
    assert out == ""
    lines = err.strip().splitlines()
    assert len(lines) == 1
    assert f"{bad}:6:" in lines[0] and "must sit inside a word" in lines[0]
    assert "Traceback" not in err
