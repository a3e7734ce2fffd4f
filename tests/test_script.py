from __future__ import annotations

import pytest

from glossary.script import guess_lang


@pytest.mark.parametrize(
    ("text", "lang"),
    [("共建一带一路倡议 with BRI", "zh"), ("Инициатива «Пояс и путь» and BRI", "ru"), ("The Belt and Road", "en"),
     ("", "en"), ("123 456", "en")],
)
def test_guess_lang(text: str, lang: str) -> None:
    assert guess_lang(text) == lang
