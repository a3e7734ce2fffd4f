"""House style: `prefer` makes one publisher's renderings preferred and the others' variants."""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

import pytest
from click.testing import CliRunner

from glossary import config, house
from glossary.cli import main
from glossary.model import Status
from glossary.termbase import loads

BASE = textwrap.dedent("""\
    version: 1
    concepts:
      - id: road
        sources: [{title: Style sheets, date: "2023", langs: [en, ru], kind: primary}]
        terms:
          en:
            - {text: Road Plan, status: preferred}
          ru:
            - {text: План дороги, status: preferred, used_by: [agency]}
            - {text: Дорожный план, status: admitted, used_by: [ministry, handbook]}
            - {text: Дорожная программа, status: deprecated, fix_to: Дорожный план}
            - {text: План пути, status: deprecated}
            - {text: Путевой план, status: admitted}
        examples:
          - {lang: ru, text: "Обсуждали План пути.", fixed: "Обсуждали План дороги."}
""")


def statuses(tb, lang: str = "ru") -> dict[str, tuple[str, str | None]]:  # type: ignore[no-untyped-def]
    return {t.text: (t.status.value, t.fix_to) for t in tb.concept("road").terms_in(lang)}


def test_neutral_by_default_and_for_an_absent_publisher() -> None:
    tb = loads(BASE)
    assert house.apply(tb, None) is tb
    assert house.publishers(tb) == {"agency", "ministry", "handbook"}
    assert house.apply(tb, "nobody").concepts == tb.concepts


def test_the_house_rendering_becomes_preferred_and_the_others_variants() -> None:
    tb = house.apply(loads(BASE), "ministry")
    assert statuses(tb) == {
        "План дороги": ("deprecated", "Дорожный план"),
        "Дорожный план": ("preferred", None),
        "Дорожная программа": ("deprecated", "Дорожный план"),
        "План пути": ("deprecated", None),
        "Путевой план": ("admitted", None),
    }
    assert tb.concept("road").preferred("ru").text == "Дорожный план"
    assert statuses(tb, "en") == {"Road Plan": ("preferred", None)}
    assert tb.digest != loads(BASE).digest


def test_a_variant_fixed_to_a_demoted_rendering_is_fixed_to_the_house_one() -> None:
    tb = house.apply(loads(BASE), "agency")
    assert statuses(tb)["Дорожная программа"] == ("deprecated", "План дороги")
    assert statuses(tb)["Дорожный план"] == ("deprecated", "План дороги")
    assert statuses(tb)["План дороги"] == ("preferred", None)


def test_the_shipped_base_restyles_cleanly_for_every_recorded_publisher() -> None:
    from glossary.termbase import load

    tb = load(use_cache=False)
    for publisher in sorted(house.publishers(tb)):
        restyled = house.apply(tb, publisher)
        for concept in restyled.concepts:
            for lang in concept.langs:
                terms = concept.terms_in(lang)
                if any(publisher in t.used_by for t in terms if not t.status.is_variant):
                    assert publisher in concept.preferred(lang).used_by
                    assert all(t.status is not Status.PREFERRED for t in terms if t.used_by and publisher not in t.used_by)


@pytest.fixture()
def project(tmp_path: Path):  # type: ignore[no-untyped-def]
    config._for_folder.cache_clear()
    (tmp_path / "terms.yaml").write_text(BASE, encoding="utf-8")
    (tmp_path / "draft.txt").write_text("Мы обсуждали Дорожный план и План дороги.\n", encoding="utf-8")
    yield tmp_path
    config._for_folder.cache_clear()


def settings(root: Path, prefer: str | None) -> None:
    line = f'prefer = "{prefer}"\n' if prefer else ""
    (root / "pyproject.toml").write_text(
        '[tool.glossary]\ntermbases = ["terms.yaml"]\ndefault-termbase = false\nlang = "ru"\n' + line, encoding="utf-8")


def findings(root: Path) -> list[tuple[str, str, str | None]]:
    result = CliRunner().invoke(main, ["check", "--format", "json", str(root / "draft.txt")])
    return [(f["code"], f["found"], f.get("suggestion")) for f in json.loads(result.stdout)["findings"]]


def test_a_project_without_prefer_sees_both_renderings_accepted(project: Path) -> None:
    settings(project, None)
    assert not [f for f in findings(project) if f[0] == "deprecated-term"]


def test_prefer_in_settings_flags_the_other_publishers_rendering(project: Path) -> None:
    settings(project, "agency")
    assert ("deprecated-term", "Дорожный план", "План дороги") in findings(project)
    config._for_folder.cache_clear()
    settings(project, "ministry")
    assert ("deprecated-term", "План дороги", "Дорожный план") in findings(project)


def test_prefer_naming_no_recorded_publisher_is_one_error_and_exit_2(project: Path) -> None:
    settings(project, "gazette")
    result = CliRunner().invoke(main, ["check", str(project / "draft.txt")])
    assert result.exit_code == 2
    assert 'no term of the term base is recorded as used by "gazette"' in result.stderr
    assert "pyproject.toml" in result.stderr and "Traceback" not in result.stderr


def test_prefer_must_be_a_slug(tmp_path: Path) -> None:
    path = tmp_path / ".glossary.toml"
    path.write_text('prefer = "Xinhua News"\n', encoding="utf-8")
    with pytest.raises(config.ConfigError) as info:
        config.load(path)
    assert '"prefer" must be a publisher slug' in info.value.message
