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


# ---------------------------------------------------------------- fast paths
# `fold` lower-cases in C and replaces only the characters whose fold differs;
# these tests hold it to the character-by-character definition.

import re  # noqa: E402
import sys  # noqa: E402
import unicodedata  # noqa: E402

from glossary import fold as fold_module  # noqa: E402

_TRICKY = list(
    "aZ09 _-'`\"\t\n\r\x0b\x0c\x1c\x1f\u00a0\u00ad\u00b5\u00c0\u00df\u00e9\u0130\u0131\u01c4\u01c5\u01c6"
    "\u0345\u03a3\u03c2\u03c3\u0390\u03f4\u0401\u0419\u0439\u0306\u0301\u0308\u13a0\uab70\u1e9e\u1f80\u2010"
    "\u2013\u2014\u2019\u201c\u201d\u2026\u2060\u2126\u212a\u216b\u24b6\u2212\u3000\u3001\u300c\u4e00\u4e2d"
    "\ufb01\ufeff\uff0c\uff21\uff41\U0001d400"
)
_ANY_TEXT = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=60)
_TRICKY_TEXT = st.text(alphabet=st.sampled_from(_TRICKY), max_size=60)



_MANY_LETTERS = st.text(alphabet=st.sampled_from(_TRICKY + list("АБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯΑΒΓΔΕΖΗΘΣΩÀÉÎÕÜ")), max_size=80)


@given(st.one_of(_ANY_TEXT, _TRICKY_TEXT, _MANY_LETTERS))
def test_fold_equals_folding_each_character(text: str) -> None:
    """Same text and same offset maps as the definition, on both fast routes."""
    assert fold(text) == fold_module._fold_each(text)
    fast = fold_module._fast_translate(text)
    if fast is not None:
        assert fast == fold_module._translate_each(text)


@pytest.mark.parametrize("text", [
    "Große Straße “quoted” — ÉTÉ\u00a0x",  # few characters to change: folded as bytes
    "«СЪЕЗД» ВСЕКИТАЙСКОГО СОБРАНИЯ НАРОДНЫХ ПРЕДСТАВИТЕЛЕЙ — ΟΔΟΣ Ꭰꭰ ﬁ…",  # many: lower-cased first
])
def test_fast_fold_routes_match_the_definition(text: str) -> None:
    assert fold_module._fast_translate(text) is not None
    assert fold(text) == fold_module._fold_each(text)


@given(st.one_of(_ANY_TEXT, _TRICKY_TEXT, st.text(alphabet=st.sampled_from(list("ab1_ -\u2013\u4e00é")), max_size=30)))
def test_hyphen_rule_equals_its_lookaround_definition(text: str) -> None:
    assert fold_module._hyphens_to_spaces(text) == re.sub(r"(?<=\w)-(?=\w)", " ", text)


def test_fold_of_every_character_equals_fold_of_its_lower_case() -> None:
    """What lets `fold` lower-case the whole text first; "İ" (two characters) takes the slow path."""
    fold_char = fold_module._fold_char
    for code in range(sys.maxunicode + 1):
        if 0xD800 <= code <= 0xDFFF:
            continue
        char = chr(code)
        low = char.lower()
        if low != char and len(low) == 1:
            assert fold_char(char) == fold_char(low), hex(code)
    assert fold_char("\u03c2") == fold_char("\u03a3")  # lower() writes final sigma in context


def test_identity_ranges_fold_to_themselves() -> None:
    identity = re.compile(f"[{fold_module.IDENTITY_RANGES}]")
    for code in range(0x10000):
        char = chr(code)
        if identity.match(char):
            assert fold_module._fold_char(char) == char == char.lower(), hex(code)
            assert not unicodedata.combining(char), hex(code)


@given(st.text(alphabet=st.sampled_from(list("ab  \u00e9")), max_size=40))
def test_collapse_spaces_equals_its_regex_definition(text: str) -> None:
    out, offsets = fold_module._collapse_spaces(text)
    assert out == re.sub("  +", " ", text)
    runs = [m.span() for m in re.finditer("  +", text)]
    if not runs:
        assert offsets is None
        return
    assert offsets is not None
    assert list(zip(offsets.in_starts, offsets.in_ends)) == runs
    removed = 0
    for (start, end), out_start, out_end in zip(runs, offsets.out_starts, offsets.out_ends):
        assert (out_start, out_end) == (start - removed, start - removed + 1)
        removed += end - start - 1
def test_a_cluster_recomposed_at_the_same_length_maps_back_whole() -> None:
    """NFKC of "ﬁ" + breve is "f" + "ĭ": same length, different characters, so the
    cluster must map back as one block, not character by character."""
    text = "a\u0306\ufb01\u0306"
    f = fold(text)
    assert f.text == "\u0103f\u012d"
    assert f.to_original(Span(2, 3)) == Span(2, 4)


@given(st.one_of(_ANY_TEXT, _TRICKY_TEXT), st.lists(st.tuples(st.integers(0, 70), st.integers(0, 70)), max_size=8))
def test_spans_to_original_equals_to_original_of_each_span(text: str, pairs: list[tuple[int, int]]) -> None:
    # The matcher maps all its matches at once; each must land where to_original puts it alone.
    f = fold(text)
    n = len(f.text)
    spans = [(min(a, b, n), min(max(a, b), n)) for a, b in pairs]
    expected = [f.to_original(Span(s, e)) for s, e in spans]
    assert f.spans_to_original(spans) == [(s.start, s.end) for s in expected]


# Lines with a character the fast route cannot take (a combining mark, "İ", a
# Hebrew point, a spacing diacritic) are folded by the definition, the other
# lines fast; the maps must come out as the definition's for the whole text.
_HARD = list("\u0306\u0301\u05b0\u094d\u0130\u02d8\ufb01\u00a8\u0345\u1100\u1161\u2126")
_LINES_TEXT = st.text(alphabet=st.sampled_from(_TRICKY + _HARD + ["\n", "\n", "\n", " "]), max_size=80)


@given(_LINES_TEXT)
def test_fold_line_by_line_equals_the_definition(text: str) -> None:
    assert fold(text) == fold_module._fold_each(text)


@pytest.mark.parametrize("hard", ["e\u0301", "\u05d1\u05b0", "\u0915\u094d\u0937", "\u02d8", "\u0130stanbul",
                                  "a\u0306\ufb01\u0306"])
def test_one_hard_line_leaves_the_rest_on_the_fast_route(hard: str) -> None:
    easy = "Große “Straße” — ÉTÉ\u00a0x ΟΔΟΣ ﬁ… 中国\n" * 20
    text = easy + f"a line with {hard} in it\n" + easy
    chars = fold_module._distinct(text)[1]
    changes, complex_chars, hard_chars = fold_module._classify(chars)
    assert hard_chars
    assert fold_module._piecewise(text, changes, complex_chars, hard_chars) is not None
    assert fold(text) == fold_module._fold_each(text)


# Hangul syllables from U+D000 have the lead byte 0xED of a lone surrogate's UTF-8 form.
_SURROGATE_TEXT = st.text(alphabet=st.sampled_from(list("a é\u4e00\ud000\ud7a3\ud7ff\ud800\udbff\udc00\udfff\U0001f600")),
                          max_size=40)


@given(_SURROGATE_TEXT, st.booleans())
def test_distinct_reads_the_utf8_form_and_gives_up_on_lone_surrogates(text: str, long: bool) -> None:
    """`_distinct` reads the bytes the check's key scans share (glossary.keyscan.utf8): the UTF-8
    form, and None for a text with a lone surrogate, which UTF-8 cannot write."""
    from glossary import keyscan

    if long:
        text = (text or "x") * 5000  # long enough to be shared within the block
    with keyscan.shared_bytes():
        found = fold_module._distinct(text)
        try:
            data = text.encode("utf-8")
        except UnicodeEncodeError:
            assert found is None
        else:
            assert found is not None and found[0] == data
        assert fold(text) == fold_module._fold_each(text)
