from __future__ import annotations

import pytest

from glossary.langtags import base_language, normalize


@pytest.mark.parametrize(
    ("raw", "tag"),
    [("zh_Hans", "zh"), ("zh-CN", "zh"), ("zh", "zh"), ("zh-TW", "zh-Hant"), ("zh_Hant_HK", "zh-Hant"),
     ("en-GB", "en"), ("ru", "ru"), ("kk", "kk"), ("uz-Latn", "uz"), ("uz_Cyrl", "uz-Cyrl"), ("tg", "tg")],
)
def test_normalize(raw: str, tag: str) -> None:
    assert normalize(raw) == tag


@pytest.mark.parametrize("raw", ["", "xx-yy", "english", "e n"])
def test_bad_tags_raise(raw: str) -> None:
    with pytest.raises(ValueError):
        normalize(raw)


def test_base_language() -> None:
    assert base_language("zh-Hant") == "zh"
