from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from glossary.fold import fold_text
from glossary.matcher import compile_matcher, is_word_char, matcher_for
from glossary.termbase import TermBase


def found(tb: TermBase, text: str, lang: str = "en") -> list[tuple[str, str]]:
    return [(text[m.span.start:m.span.end], m.concept_id) for m in matcher_for(tb, lang).scan(text)]


def test_longest_match_wins_over_a_contained_term(tb: TermBase) -> None:
    assert found(tb, "The Belt and Road Initiative grew.") == [("Belt and Road Initiative", "belt-and-road")]


def test_superseded_long_form_is_one_match(tb: TermBase) -> None:
    assert found(tb, "the One Belt, One Road Initiative") == [("One Belt, One Road Initiative", "belt-and-road")]


def test_spans_are_exact_in_the_original_text(tb: TermBase) -> None:
    text = "In 2014: ONE\u2011BELT,\n  one\u00a0road!"
    assert found(tb, text) == [("ONE\u2011BELT,\n  one\u00a0road", "belt-and-road")]


def test_word_boundaries_for_latin(tb: TermBase) -> None:
    assert found(tb, "BRICS and OBORs and subBRI") == []
    assert found(tb, "BRI, OBOR.") == [("BRI", "belt-and-road"), ("OBOR", "belt-and-road")]


def test_no_word_boundaries_for_han(tb: TermBase) -> None:
    assert found(tb, "共建一带一路倡议", "zh") == [("一带一路", "belt-and-road")]


def test_cyrillic_with_guillemets_and_straight_quotes(tb: TermBase) -> None:
    text = 'в рамках "Один пояс, один путь" и инициатива «Пояс и путь»'
    assert found(tb, text, "ru") == [('"Один пояс, один путь"', "belt-and-road"),
                                     ("инициатива «Пояс и путь»", "belt-and-road")]


def test_homonym_key_yields_each_concept(tb: TermBase) -> None:
    concepts = sorted(c for _, c in found(tb, "poverty alleviation"))
    assert concepts == ["poverty-alleviation", "poverty-reduction"]


def test_matcher_has_no_terms_for_unknown_language(tb: TermBase) -> None:
    assert matcher_for(tb, "fr").scan("One Belt, One Road") == []


def test_matcher_survives_pickling(tb: TermBase) -> None:
    import pickle

    m = pickle.loads(pickle.dumps(compile_matcher(tb.concepts, "en")))
    assert [x.concept_id for x in m.scan("OBOR")] == ["belt-and-road"]


def test_is_word_char() -> None:
    assert is_word_char("a") and is_word_char("Ж") and is_word_char("7")
    assert not is_word_char("一") and not is_word_char(" ") and not is_word_char("-")


PIECES = ["One Belt, One Road", "community of common destiny", "Belt and Road Initiative", "BRI",
          "Lu Ban Workshops", "three evil forces"]
FILLER = st.text(alphabet=st.sampled_from(list("abc xyz.,;\n")), max_size=12)


def spelled(piece: str, draw: st.DrawFn) -> str:
    """The piece in any case, dash and spacing that folding makes equal."""
    out = []
    for i, ch in enumerate(piece):
        between_letters = 0 < i < len(piece) - 1 and piece[i - 1].isalpha() and piece[i + 1].isalpha()
        if ch == " ":
            dashes = ["-", "\u2011"] if between_letters else []
            out.append(draw(st.sampled_from([" ", "  ", "\n", "\u00a0", " \n ", *dashes])))
        elif ch.isalpha():
            out.append(draw(st.sampled_from([ch.lower(), ch.upper()])))
        else:
            out.append(ch)
    return "".join(out)


@st.composite
def texts_with_terms(draw: st.DrawFn) -> tuple[str, list[str]]:
    parts: list[str] = []
    inserted: list[str] = []
    for _ in range(draw(st.integers(0, 4))):
        parts.append(draw(FILLER))
        parts.append(" ")
        piece = spelled(draw(st.sampled_from(PIECES)), draw)
        parts.append(piece)
        inserted.append(piece)
        parts.append(" ")
    parts.append(draw(FILLER))
    return "".join(parts), inserted


@given(texts_with_terms())
def test_every_span_is_exact_and_folds_to_a_term(tb: TermBase, case: tuple[str, list[str]]) -> None:
    text, inserted = case
    matches = matcher_for(tb, "en").scan(text)
    keys = {fold_text(t.text) for c in tb.concepts for t in c.terms}
    for m in matches:
        assert fold_text(text[m.span.start:m.span.end]) in keys
        assert fold_text(text[m.span.start:m.span.end]) == fold_text(m.term.text)
    assert len({(m.span.start, m.span.end) for m in matches}) >= len(inserted)


_PIECES = ["Belt and Road", "belt", " ", "\n  ", "ONE\u2011BELT", "one road", "一带一路", "инициатива «Пояс и путь»",
           "BRI", "x", "-", "\U0001f600", "\u0301", "ﬁ", "Road Initiative"]


@settings(max_examples=200)
@given(st.lists(st.sampled_from(_PIECES), max_size=25), st.sampled_from(["en", "ru", "zh"]))
def test_both_scan_backends_find_the_same_matches(tb: TermBase, pieces: list[str], lang: str) -> None:
    """Hyperscan (the fast extra) and pyahocorasick (the fallback) behind one matcher agree."""
    from glossary.keyscan import KeyScan, _hyperscan

    if _hyperscan() is None:
        pytest.skip("the fast extra (hyperscan) is not installed")
    text = "".join(pieces)
    fast = compile_matcher(tb.concepts, lang)
    slow = compile_matcher(tb.concepts, lang)
    fast.scanner, slow.scanner = KeyScan(fast.keys, "hyperscan"), KeyScan(slow.keys, "ahocorasick")
    assert fast.scan(text) == slow.scan(text)


_FOLD_PIECES = _PIECES + ["…", "U.S.", "\u00ad", "Ａ", "１", "，", "—", "–", "’", "«", "ß", "İ", "\u3000", "\t", "_", "é", "x\u0301"]


@settings(max_examples=300)
@given(st.lists(st.sampled_from(_FOLD_PIECES), max_size=25), st.sampled_from(["en", "zh"]))
def test_the_scan_fold_finds_what_the_whole_fold_finds(tb: TermBase, pieces: list[str], lang: str) -> None:
    """The matcher folds only what its keys' characters need (fold's `needed`); the matches are the same."""
    text = "".join(pieces)
    matcher = compile_matcher(tb.concepts, lang)
    assert matcher.needed is not None
    partial = matcher.scan(text)
    matcher.needed = None
    assert partial == matcher.scan(text)


_TAIL_PIECES = _PIECES + ["Belt and Road Initiatives", "Belt and Road Initiative’s", "initiative's", "s", "'s", "es"]


@settings(max_examples=200)
@given(st.lists(st.sampled_from(_TAIL_PIECES), max_size=25))
def test_a_scanner_grouped_by_tails_finds_the_same_matches(tb: TermBase, pieces: list[str]) -> None:
    """The generated plurals and possessives left out of a grouped database are found after their roots."""
    from glossary.keyscan import KeyScan, _hyperscan

    if _hyperscan() is None:
        pytest.skip("the fast extra (hyperscan) is not installed")
    text = "".join(pieces)
    grouped = compile_matcher(tb.concepts, "en")
    plain = compile_matcher(tb.concepts, "en")
    grouped.scanner = KeyScan(grouped.keys, narrow=True, grouped=True)
    assert grouped.scanner.tails is not None and len(grouped.scanner.tails.members) > 0
    assert grouped.scan(text) == plain.scan(text)
    assert grouped.located(text * 40, shortest=0) == plain.located(text * 40, shortest=0)


def test_only_a_large_key_set_is_scanned_grouped() -> None:
    from glossary.keyscan import _hyperscan
    from glossary.matcher import GROUPED_FROM, Matcher

    if _hyperscan() is None:
        pytest.skip("the fast extra (hyperscan) is not installed")
    large = {f"term {n}{tail}": [] for n in range(GROUPED_FROM // 2) for tail in ("", "s")}
    assert Matcher("en", large).scanner.tails is not None
    assert Matcher("en", dict(list(large.items())[:100])).scanner.tails is None
