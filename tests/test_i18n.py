from __future__ import annotations

import sys
from pathlib import Path

import pytest

from glossary import i18n

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize(
    ("name", "chain"),
    [
        ("zh_CN.UTF-8", ["zh_Hans_CN", "zh_Hans", "zh_CN", "zh"]),
        ("zh-Hans-CN", ["zh_Hans_CN", "zh_Hans", "zh_CN", "zh"]),
        ("zh_Hans", ["zh_Hans", "zh"]),
        ("zh_TW", ["zh_Hant_TW", "zh_Hant", "zh_TW", "zh"]),
        ("ru_RU.UTF-8", ["ru_RU", "ru"]),
        ("sr_RS@latin", ["sr_Latn_RS", "sr_Latn", "sr_RS", "sr"]),
        ("C", []),
        ("POSIX", []),
        ("C.UTF-8", []),
        ("xx_YY", ["xx"]),
    ],
)
def test_fallback_chain(name, chain):
    assert i18n.fallback_chain(name) == chain


def test_environment_order_is_language_lc_all_lc_messages_lang():
    env = {"LANG": "de_DE.UTF-8", "LC_MESSAGES": "zh_CN.UTF-8", "LC_ALL": "", "LANGUAGE": ""}
    assert i18n.requested_locales(None, env) == ["zh_CN.UTF-8"]
    env["LC_ALL"] = "ru_RU.UTF-8"
    assert i18n.requested_locales(None, env) == ["ru_RU.UTF-8"]
    env["LANGUAGE"] = "fr:ru"
    assert i18n.requested_locales(None, env) == ["fr", "ru"]
    assert i18n.requested_locales("zh_Hans", env) == ["zh_Hans"]
    assert i18n.requested_locales(None, {"LC_CTYPE": "ru_RU.UTF-8"}) == []


@pytest.mark.parametrize(
    ("env", "active"),
    [
        ({"LANG": "ru_RU.UTF-8"}, "ru"),
        ({"LANG": "zh_CN.UTF-8"}, "zh_Hans"),
        ({"LANG": "zh_SG"}, "zh_Hans"),
        ({"LANGUAGE": "de:zh_CN", "LANG": "ru_RU.UTF-8"}, "zh_Hans"),
        ({"LANGUAGE": "en:ru"}, "en"),
        ({"LANG": "de_DE.UTF-8"}, "en"),
        ({"LANG": "C.UTF-8"}, "en"),
        ({}, "en"),
    ],
)
def test_setup_picks_a_catalog_through_the_chain(env, active):
    assert i18n.setup(None, env) == active
    assert i18n.current_locale() == active


@pytest.mark.parametrize("name", ["en_US.UTF-8", "en-GB", "EN_us", "en@latin", "en_Latn_US"])
def test_english_names_pick_the_source_locale_and_stop_as_their_chain_would(name):
    # setup answers English names without babel; the chain says the same.
    assert i18n.fallback_chain(name)[0].split("_")[0] == "en"
    assert i18n.setup([name, "ru"]) == "en"
    assert i18n.current_locale() == "en"


def test_traditional_chinese_does_not_fall_back_to_simplified():
    # zh_TW's chain ends in plain `zh`, and no catalog is named `zh`: English, not Simplified.
    assert i18n.setup("zh_TW") == "en"


@pytest.mark.parametrize(
    ("n", "form"),
    [(1, "находка"), (2, "находки"), (4, "находки"), (5, "находок"), (11, "находок"), (21, "находка"), (22, "находки"), (25, "находок"), (111, "находок")],
)
def test_russian_plural_forms(n, form):
    i18n.setup("ru")
    assert i18n.ngettext("Found {n} finding", "Found {n} findings", n).format(n=n).endswith(f"{n} {form}")


def test_chinese_has_one_plural_form():
    i18n.setup("zh_Hans")
    assert i18n.ngettext("Found {n} finding", "Found {n} findings", 1).format(n=1) == "发现 1 个问题"
    assert i18n.ngettext("Found {n} finding", "Found {n} findings", 7).format(n=7) == "发现 7 个问题"


def test_untranslated_message_falls_back_to_english():
    i18n.setup("ru")
    assert i18n._("a sentence no catalog has") == "a sentence no catalog has"


@pytest.mark.parametrize(
    ("tag", "ui", "name"),
    [("ru", "ru", "русский"), ("zh", "ru", "китайский"), ("en", "zh_Hans", "英语"), ("zh-Hant", "en", "Chinese (Traditional)"), ("kk", "ru", "казахский"), ("qq-Zzzz-bogus!", "en", "qq-Zzzz-bogus!")],
)
def test_language_names_in_the_ui_language(tag, ui, name):
    assert i18n.language_name(tag, ui) == name


def test_language_name_follows_setup():
    i18n.setup("zh_Hans")
    assert i18n.language_name("ru") == "俄语"


def test_catalogs_are_complete_and_current():
    sys.path.insert(0, str(ROOT / "tools"))
    try:
        import catalogs
    finally:
        sys.path.pop(0)
    assert catalogs.problems() == []


def test_codes_and_json_keys_stay_untranslated():
    from babel.messages.pofile import read_po

    for locale in ("ru", "zh_Hans"):
        with (ROOT / "locales" / locale / "LC_MESSAGES" / "glossary.po").open("rb") as fp:
            catalog = read_po(fp, locale=locale)
        for message in catalog:
            for text in message.string if isinstance(message.string, tuple) else (message.string,):
                for kept in ("glossary fix", "--termbase", "--lang", "TBX", "Weblate", "PATHS"):
                    source = " ".join(message.id) if isinstance(message.id, tuple) else message.id
                    if kept in source:
                        assert kept in text, (locale, message.id)


def test_locale_option_after_the_subcommand(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from click.testing import CliRunner

    from glossary.cli import main

    draft = tmp_path / "d.txt"
    draft.write_text("OBOR and One Belt, One Road.\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["check", "--locale", "ru", "-q", str(draft)])
    assert result.exit_code == 1
    assert "«OBOR» → «BRI»" in result.stdout
    result = CliRunner().invoke(main, ["check", "--locale", "ru", "--show-source", str(draft)])
    assert "используйте" in result.stdout


def test_catalog_staleness_ignores_the_generator_header_but_not_messages():
    from babel.messages.catalog import Catalog

    sys.path.insert(0, str(ROOT / "tools"))
    try:
        import catalogs
    finally:
        sys.path.pop(0)

    def make(header_version: str, messages: list[str]) -> Catalog:
        catalog = Catalog(project="glossary", version=header_version, creation_date=None)
        for text in messages:
            catalog.add(text, None, [("glossary/cli.py", 12)])
        return catalog

    older = make("1", ["one finding", "two findings"])
    newer = make("2", ["one finding", "two findings"])
    newer.creation_date = older.creation_date.replace(year=older.creation_date.year + 1)
    assert catalogs._meaning(older) == catalogs._meaning(newer)
    assert catalogs._meaning(older) != catalogs._meaning(make("1", ["one finding", "three findings"]))
