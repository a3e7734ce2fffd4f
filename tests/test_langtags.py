from __future__ import annotations

import pytest

from glossary.langtags import CANONICAL, _normalize, base_language, normalize


@pytest.mark.parametrize(
    ("raw", "tag"),
    [("zh_Hans", "zh"), ("zh-CN", "zh"), ("zh", "zh"), ("zh-TW", "zh-Hant"), ("zh_Hant_HK", "zh-Hant"),
     ("en-GB", "en"), ("ru", "ru"), ("kk", "kk"), ("uz-Latn", "uz"), ("uz_Cyrl", "uz-Cyrl"), ("tg", "tg")],
)
def test_normalize(raw: str, tag: str) -> None:
    assert normalize(raw) == tag


@pytest.mark.parametrize(
    ("raw", "tag"),
    # Registered in ISO 639 but unknown to babel's CLDR locales.
    [("udm", "udm"), ("udm_RU", "udm"), ("udm-Cyrl", "udm"), ("udm-Latn", "udm-Latn"), ("tlh", "tlh"),
     ("i-klingon", "tlh"), ("sh", "sr-Latn"), ("en-US-x-house", "en"), ("ZH-hant-tw", "zh-Hant")],
)
def test_every_registered_language_is_accepted(raw: str, tag: str) -> None:
    assert normalize(raw) == tag


@pytest.mark.parametrize("raw", ["", "xx-yy", "xx", "english", "e n", "en-", "zh--Hans", "x-private", "qq", "abcd"])
def test_bad_tags_raise(raw: str) -> None:
    with pytest.raises(ValueError):
        normalize(raw)


def test_base_language() -> None:
    assert base_language("zh-Hant") == "zh"


@pytest.mark.parametrize("tag", sorted(CANONICAL))
def test_the_tags_answered_without_babel_are_what_babel_answers(tag: str) -> None:
    assert _normalize(tag) == tag == normalize(tag)
