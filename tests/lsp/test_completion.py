from __future__ import annotations

import pytest

pytest.importorskip("lsprotocol")

from glossary.lsp.completion import candidates, starts  # noqa: E402


def offered(text: str, termbase, lang: str = "en") -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]
    return [(c.term.text, text[c.start:c.end]) for c in candidates(text, len(text), termbase, lang)]


def test_the_first_words_of_a_rendering_offer_it(tb) -> None:  # type: ignore[no-untyped-def]
    found = offered("We met at the belt and r", tb)
    assert ("Belt and Road Initiative", "belt and r") in found


def test_one_letter_offers_nothing(tb) -> None:  # type: ignore[no-untyped-def]
    assert offered("B", tb) == []
    assert offered("the ", tb) == []


def test_unspaced_text_may_start_anywhere_in_the_last_characters() -> None:
    assert starts("推进一带", 4) == [3, 2, 1, 0]
    assert starts("go to Belt", 10) == [6, 3, 0]
