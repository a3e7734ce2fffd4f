"""What a translator or an engine is given: preferred, admitted, avoid, and the project's house style."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

import glossary
from glossary.cli import main
from glossary.config import ConfigError
from glossary.preference import admitted, avoid, house_style, preferred


def test_preferred_admitted_and_avoid_partition_a_language():
    tb = glossary.load()
    concept = tb.concept("belt-and-road")
    chosen = preferred(tb, concept, "en")
    assert chosen is not None and chosen.text == "Belt and Road Initiative"
    terms = concept.terms_in("en")
    assert {chosen, *admitted(tb, concept, "en"), *avoid(concept, "en")} == set(terms)
    assert chosen not in admitted(tb, concept, "en")


def test_house_style_from_the_nearest_settings(tmp_path, tmp_path_factory):
    tb = glossary.load()
    assert house_style(tb, str(tmp_path_factory.mktemp("neutral"))) is tb  # no settings file
    (tmp_path / ".glossary.toml").write_text('prefer = "mfa"\n', encoding="utf-8")
    styled = house_style(tb, str(tmp_path / "speech.txt"))
    assert preferred(styled, styled.concept("belt-and-road"), "ru").text == "Один пояс, один путь"
    assert preferred(tb, tb.concept("belt-and-road"), "ru").text == "Пояс и путь"


def test_an_unknown_house_publisher_is_an_error(tmp_path):
    (tmp_path / ".glossary.toml").write_text('prefer = "nobody"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match="nobody"):
        house_style(glossary.load(), str(tmp_path))


def run(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False, prog_name="glossary",
                              env={"LANG": "C.UTF-8", "LANGUAGE": ""})


def test_brief_and_engine_exports_use_the_house_publisher(tmp_path):
    (tmp_path / ".glossary.toml").write_text('prefer = "mfa"\n', encoding="utf-8")
    source = tmp_path / "speech.txt"
    source.write_text("一带一路\n", encoding="utf-8")
    brief = run("brief", str(source), "--to", "ru", "--format", "prompt")
    assert "Render 一带一路 as “Один пояс, один путь”" in brief.stdout
    out = tmp_path / "zh-ru.tsv"
    assert run("export", "--format", "deepl", "--lang", "ru", "--concepts", "belt-and-road", "-o", str(out)).exit_code == 0
    assert out.read_text(encoding="utf-8").splitlines()[0] == "一带一路\tОдин пояс, один путь"
    # The term base exchange formats stay neutral.
    tbx = tmp_path / "terms.tbx"
    assert run("export", "--format", "tbx", "-o", str(tbx)).exit_code == 0
    assert "Один пояс, один путь" in tbx.read_text(encoding="utf-8")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / ".glossary.toml").write_text('prefer = "nobody"\n', encoding="utf-8")
    (elsewhere / "speech.txt").write_text("一带一路\n", encoding="utf-8")
    bad = run("brief", str(elsewhere / "speech.txt"), "--to", "ru")
    assert bad.exit_code == 2 and ".glossary.toml" in bad.stderr
