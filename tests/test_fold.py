from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from glossary.fold import fold, fold_text
from glossary.model import Span


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("One Belt, One Road", "one belt, one road"),
        ("ONE-BELT-ONE-ROAD", "one belt one road"),
        ("one\u00a0belt,\n   one\troad", "one belt, one road"),
        ("China\u2013Central Asia", "china central asia"),
        ("China \u2014 Central Asia", "china - central asia"),
        ("\u201cSpirit\u201d", '"spirit"'),
        ("\u00abПояс и путь\u00bb", '"пояс и путь"'),
        ("Xi\u2019an", 'xi"an'),
        ("\uff22\uff32\uff29", "bri"),
        ("Straße", "strasse"),
        ("и\u0306", "й"),
        ("Lu\u00adban", "luban"),
        ("人类命运共同体", "人类命运共同体"),
    ],
    ids=["case", "hyphens", "whitespace", "en-dash", "em-dash", "curly-quotes", "guillemets", "apostrophe",
         "full-width", "sharp-s", "combining-breve", "soft-hyphen", "han"],
)
def test_fold_examples(text: str, folded: str) -> None:
    assert fold_text(text) == folded


def test_fold_maps_expanded_character_back_whole() -> None:
    f = fold("Große Straße")
    at = f.text.index("ss", 6)
    assert f.to_original(Span(at, at + 2)) == Span(10, 11)


def test_fold_maps_collapsed_space_run_back_whole() -> None:
    text = "one   \n road"
    f = fold(text)
    assert f.text == "one road"
    assert f.to_original(Span(0, 8)) == Span(0, len(text))
    assert f.to_original(Span(3, 4)) == Span(3, 8)


def test_fold_of_ascii_text_has_no_map() -> None:
    assert fold("plain ascii text").maps == ()


texts = st.text(
    alphabet=st.sampled_from(list("abcXYZ -–—\u00a0\n\t'\"«»’ßﬁ…и\u0306\u00ad一带路ÉéＡ")), max_size=40
)


@given(texts)
def test_fold_offsets_monotone_and_in_range(text: str) -> None:
    f = fold(text)
    starts = [f.start(i) for i in range(len(f.text) + 1)]
    ends = [f.end(i) for i in range(len(f.text) + 1)]
    assert starts == sorted(starts)
    assert ends == sorted(ends)
    assert all(0 <= s <= len(text) for s in starts + ends)
    assert f.end(len(f.text)) == len(text) or text[f.end(len(f.text)):].strip("\u00ad") == ""


@given(texts)
def test_fold_of_each_mapped_piece_is_the_folded_piece(text: str) -> None:
    """Folding the original span of a folded character gives that character (white space aside)."""
    f = fold(text)
    for i, char in enumerate(f.text):
        span = f.to_original(Span(i, i + 1))
        if char != " ":
            assert char in fold_text(text[span.start:span.end])


@given(texts)
def test_fold_is_idempotent(text: str) -> None:
    once = fold_text(text)
    assert fold_text(once) == once


def test_a_cluster_recomposed_at_the_same_length_maps_back_whole() -> None:
    """NFKC of "ﬁ" + breve is "f" + "ĭ": same length, different characters, so the
    cluster must map back as one block, not character by character."""
    text = "a\u0306\ufb01\u0306"
    f = fold(text)
    assert f.text == "\u0103f\u012d"
    assert f.to_original(Span(2, 3)) == Span(2, 4)
