"""The two scan backends find the same occurrences in the same order."""

from __future__ import annotations

import pickle

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from glossary.keyscan import KeyScan, _hyperscan

needs_hyperscan = pytest.mark.skipif(_hyperscan() is None, reason="the fast extra (hyperscan) is not installed")

# Letters of three scripts, an astral character, a combining mark, spaces: the
# offsets of a UTF-8 scan must come back as character offsets.
ALPHABET = "ab -é\u0439\u4e00\u4e8c\U0001f600\u0301\n"
keys_strategy = st.lists(st.text(ALPHABET, min_size=1, max_size=4), min_size=1, max_size=12, unique=True)


def test_every_occurrence_overlaps_included() -> None:
    scan = KeyScan(["ab", "b", "abab"])
    assert scan("xabab") == [(3, 0), (3, 1), (5, 2), (5, 0), (5, 1)]


def test_no_keys_find_nothing() -> None:
    assert KeyScan([])("anything") == []


@needs_hyperscan
@settings(max_examples=300)
@given(keys_strategy, st.text(ALPHABET, max_size=60))
def test_hyperscan_finds_what_the_automaton_finds(keys: list[str], text: str) -> None:
    assert KeyScan(keys, "hyperscan")(text) == KeyScan(keys, "ahocorasick")(text)


@needs_hyperscan
def test_hyperscan_offsets_are_characters_after_astral_text() -> None:
    text = "\U0001f600 й一 one two one"
    assert KeyScan(["one", "\u4e00"], "hyperscan")(text) == [(4, 1), (8, 0), (16, 0)]


@pytest.mark.parametrize("backend", ["ahocorasick", pytest.param("hyperscan", marks=needs_hyperscan)])
def test_a_pickled_scan_finds_the_same(backend: str) -> None:
    scan = KeyScan(["belt and road", "road", "路"], backend)
    again = pickle.loads(pickle.dumps(scan))
    assert again.backend == backend
    assert again("the belt and road, 一带一路") == scan("the belt and road, 一带一路") == [(17, 0), (17, 1), (23, 2)]


def test_without_hyperscan_a_pickled_database_falls_back(monkeypatch: pytest.MonkeyPatch) -> None:
    from glossary import keyscan

    state = KeyScan(["one", "two"]).__getstate__()
    monkeypatch.setattr(keyscan, "_hyperscan", lambda: None)
    again = KeyScan.__new__(KeyScan)
    again.__setstate__(dict(state, backend="hyperscan", database=b"not a database"))
    assert again.backend == "ahocorasick"
    assert again("one two") == [(3, 0), (7, 1)]


_ALONE = """
import sys
from glossary.keyscan import KeyScan, _hyperscan
scan = KeyScan(["belt and road", "road"], "hyperscan")
found = scan("the belt and road")
alone = "hyperscan" not in sys.modules
import hyperscan
print(alone, found == [(17, 0), (17, 1)], _hyperscan() is sys.modules["hyperscan._hs_ext"],
      hyperscan.Database is type(scan._compiled))
"""


@needs_hyperscan
def test_hyperscan_runs_without_its_package_init_and_a_later_import_shares_the_extension() -> None:
    # A fresh process: the scan loads the compiled extension alone (no `typing` for the package's
    # named tuple); importing the package afterwards reuses that extension, types and all.
    import subprocess
    import sys

    done = subprocess.run([sys.executable, "-c", _ALONE], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["True", "True", "True", "True"]


@needs_hyperscan
@settings(max_examples=200)
@given(keys_strategy, keys_strategy, st.text(ALPHABET, max_size=60), st.integers(1, 3))
def test_scans_sharing_a_texts_bytes_find_what_each_finds_alone(keys: list[str], others: list[str], text: str,
                                                                 times: int) -> None:
    """Scans of one text in a `shared_bytes` block (its bytes made once)
    find what scans outside it find, however often the text is scanned."""
    from glossary import keyscan

    text = text * (keyscan._SHARED_MIN // max(len(text), 1) + times)  # long enough to be shared
    scans = [KeyScan(keys, "hyperscan"), KeyScan(others, "hyperscan"), KeyScan(keys, "hyperscan", caseless=True)]
    reversed_text = text[::-1]  # another text of the same length: never taken for the first
    alone = [scan(t) for t in (text, reversed_text) for scan in scans]
    with keyscan.shared_bytes():
        with keyscan.shared_bytes():  # a nested block shares the outer one's
            assert [scan(t) for t in (text, reversed_text) for scan in scans] == alone
        assert [scan(t) for t in (text, reversed_text) for scan in scans] == alone
    assert keyscan._SHARED.held is None  # nothing kept past the block


def _joins(char: str) -> bool:
    return char.isalpha() and char != "\u4e00"  # the ideograph stands for an unspaced script's letter


def _bounded_by_hand(scan: KeyScan, text: str, flags: list[int]) -> list[tuple[int, int, int]]:
    """The occurrences of `scan(text)` that `bounded` keeps, tested one by one."""
    out = []
    for end, i in scan(text):
        start = end - scan.lengths[i]
        if flags[i] & 2 and start and _joins(text[start - 1]):
            continue
        if flags[i] & 1 and end < len(text) and _joins(text[end]):
            continue
        out.append((start, end, i))
    return out


@pytest.mark.parametrize("backend", ["ahocorasick", pytest.param("hyperscan", marks=needs_hyperscan)])
@settings(max_examples=300)
@given(keys_strategy, st.text(ALPHABET, max_size=60), st.data())
def test_bounded_keeps_the_occurrences_not_joined_to_a_word(backend: str, keys: list[str], text: str,
                                                            data: st.DataObject) -> None:
    flags = data.draw(st.lists(st.integers(0, 3), min_size=len(keys), max_size=len(keys)))
    scan = KeyScan(keys, backend)
    assert sorted(scan.bounded(text, flags, _joins)) == sorted(_bounded_by_hand(scan, text, flags))


@pytest.mark.parametrize("backend", ["ahocorasick", pytest.param("hyperscan", marks=needs_hyperscan)])
def test_bounded_reads_the_characters_around_a_key_beyond_ascii(backend: str) -> None:
    # "й" and an astral letter join a key, a space or an astral symbol do not; offsets in characters.
    text = "йone \U0001d49cone\U0001d49c one\U0001f600 one"
    scan = KeyScan(["one"], backend)
    assert sorted(scan.bounded(text, [3], _joins)) == [(11, 14, 0), (16, 19, 0)]
    assert sorted(scan.bounded(text, [1], _joins)) == [(1, 4, 0), (11, 14, 0), (16, 19, 0)]
    assert pickle.loads(pickle.dumps(scan)).bounded(text, [2], _joins) == scan.bounded(text, [2], _joins)


# Keys and texts for scans compiled in a code page: Cyrillic (cp1251), a curly apostrophe and "é"
# (cp1252 and Latin-1), "?" (which stands for a character outside the page), letters in either case,
# and characters no single-byte page has.
NARROW = "abAB?’éйЙё\u4e00\U0001f600 "
# (Keys equal but for the case of ASCII letters are one key to a caseless automaton, so they are not drawn.)
narrow_keys = st.lists(st.text(NARROW, min_size=1, max_size=4), min_size=1, max_size=10, unique_by=str.lower)


@needs_hyperscan
@settings(max_examples=300)
@given(narrow_keys, st.text(NARROW, max_size=60), st.booleans())
def test_a_scan_in_a_code_page_finds_what_the_automaton_finds(keys: list[str], text: str, caseless: bool) -> None:
    """A scan compiled in a single-byte code page (and one of ASCII keys, which reads a text as Latin-1)
    finds, at the same character offsets, what a scan of the text's characters finds."""
    narrow = KeyScan(keys, "hyperscan", caseless=caseless, narrow=True)
    assert narrow(text) == KeyScan(keys, "ahocorasick", caseless=caseless)(text)
    assert pickle.loads(pickle.dumps(narrow))(text) == narrow(text)


@needs_hyperscan
@pytest.mark.parametrize(("keys", "codec"), [
    (["path", "road"], "latin-1"),
    (["people’s"], "cp1252"),
    (["путь", "пояс"], "cp1251"),
    (["путь", "一带"], "utf-8"),  # no page writes both
    (["why?"], "utf-8"),  # "?" is what a page writes for a character it lacks
])
def test_a_narrow_scan_takes_the_first_code_page_that_writes_every_key(keys: list[str], codec: str) -> None:
    scan = KeyScan(keys, "hyperscan", narrow=True)
    assert scan.codec == codec
    assert pickle.loads(pickle.dumps(scan)).codec == codec
    text = "«" + " и ".join(keys) + "» 😀 одна"
    assert scan(text) == KeyScan(keys, "ahocorasick")(text) != []


@needs_hyperscan
@settings(max_examples=300)
@given(narrow_keys, st.text(NARROW, max_size=60), st.data())
def test_bounded_in_a_code_page_keeps_what_is_not_joined_to_a_word(keys: list[str], text: str,
                                                                   data: st.DataObject) -> None:
    """A character the page writes as "?" is read from the text: "?" itself joins nothing, a letter does."""
    flags = data.draw(st.lists(st.integers(0, 3), min_size=len(keys), max_size=len(keys)))
    scan = KeyScan(keys, "hyperscan", narrow=True)
    assert sorted(scan.bounded(text, flags, _joins)) == sorted(_bounded_by_hand(scan, text, flags))


@settings(max_examples=300)
@given(st.lists(st.tuples(st.integers(0, 8), st.integers(0, 5))), st.lists(st.integers(1, 4), min_size=6, max_size=6))
def test_hits_are_put_in_order_by_end_then_longest_key_first_stably(found: list[tuple[int, int]],
                                                                     lengths: list[int]) -> None:
    from glossary.keyscan import _in_order

    assert _in_order(list(found), lengths) == sorted(found, key=lambda h: (h[0], -lengths[h[1]]))


# Roots and the tails a grouped scan finds after them: plural and possessive endings, in ASCII
# and beyond it (a curly apostrophe, an astral character, a code page's letter).
TAILS = ["s", "es", '"s', "’s", "\U0001f600", "й"]


@st.composite
def grouped_keys(draw: st.DrawFn) -> list[str]:
    """Keys several of which are another key with a short tail (chains too: "x", "xs", "xs"s")."""
    keys = draw(st.lists(st.text(NARROW, min_size=1, max_size=4), min_size=1, max_size=8))
    for _ in range(draw(st.integers(0, 8))):
        keys.append(draw(st.sampled_from(keys)) + draw(st.sampled_from(TAILS)))
    return list(dict.fromkeys(keys))


@needs_hyperscan
@settings(max_examples=300)
@given(grouped_keys(), st.text(NARROW + 's"e', max_size=60), st.booleans(), st.data())
def test_a_grouped_scan_finds_what_the_automaton_finds(keys: list[str], text: str, narrow: bool,
                                                       data: st.DataObject) -> None:
    """Keys left out of the database as a root's tail are found at the same offsets, in the same
    order, by both calls, stored or not."""
    grouped = KeyScan(keys, "hyperscan", narrow=narrow, grouped=True)
    automaton = KeyScan(keys, "ahocorasick")
    flags = data.draw(st.lists(st.integers(0, 3), min_size=len(keys), max_size=len(keys)))
    assert grouped(text) == automaton(text)
    assert sorted(grouped.bounded(text, flags, _joins)) == sorted(_bounded_by_hand(automaton, text, flags))
    again = pickle.loads(pickle.dumps(grouped))
    assert again(text) == automaton(text)


@needs_hyperscan
def test_a_grouped_scan_compiles_only_the_roots_and_finds_the_rest_after_them() -> None:
    keys = ["belt", "belts", 'belts"s', "road", "roads", "rail"]
    scan = KeyScan(keys, "hyperscan", grouped=True)
    assert scan.tails is not None and scan.tails.roots() == [0, 3, 5]
    assert scan('belts"s and roads') == [(4, 0), (5, 1), (7, 2), (16, 3), (17, 4)]
    assert KeyScan(keys, "hyperscan").tails is None  # only when asked
