"""Flat cache entries: the packed tables read back as the lists and dicts they stand for."""

from __future__ import annotations

import pickle

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from glossary import termbase as termbase_module
from glossary.flat import Blobs, LayerTerms, Lazy, Runs, SortedMap, Strings, flatten_matcher, unflatten_matcher
from glossary.keyscan import KeyScan
from glossary.matcher import Matcher, compile_matcher
from glossary.termbase import TermBase, load

_TEXT = st.text(st.characters(blacklist_categories=("Cs",)), max_size=6)


def round_trip(value: object) -> object:
    return pickle.loads(pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))


@given(st.lists(_TEXT, max_size=30))
def test_strings_are_the_list_they_were_made_of(items: list[str]) -> None:
    for packed in (Strings.of(items), round_trip(Strings.of(items))):
        assert isinstance(packed, Strings)
        assert len(packed) == len(items) and list(packed) == items
        assert [packed[i] for i in range(-len(items), len(items))] == items + items
        assert packed == items and packed[1:3] == items[1:3]


@given(st.dictionaries(_TEXT, st.integers(0, 2**40), max_size=30), st.lists(_TEXT, max_size=5))
def test_a_sorted_map_of_positions_is_the_dict_it_was_made_of(table: dict[str, int], others: list[str]) -> None:
    for packed in (SortedMap.of(table), round_trip(SortedMap.of(table))):
        assert dict(packed) == table and len(packed) == len(table)
        for key in others + [3, None]:  # type: ignore[list-item]
            assert (key in packed) == (key in table)
            assert packed.get(key) == table.get(key)  # type: ignore[arg-type]


@given(st.dictionaries(_TEXT, st.tuples(st.sampled_from(["plur", "Hans", "Hant"])), max_size=30))
def test_a_sorted_map_of_few_values_is_the_dict_it_was_made_of(table: dict[str, tuple[str]]) -> None:
    packed = round_trip(SortedMap.of(table, "few"))
    assert dict(packed) == table
    assert len(packed._values._table) == len(set(table.values()))  # type: ignore[attr-defined]


@given(st.dictionaries(_TEXT, st.lists(st.tuples(_TEXT, st.integers())), max_size=30), st.lists(_TEXT, max_size=5))
def test_a_sorted_map_of_lazy_values_unpickles_what_is_looked_up(table: dict[str, list[tuple[str, int]]],
                                                                  others: list[str]) -> None:
    packed = round_trip(round_trip(SortedMap.of(table, "lazy")))
    for key in others + list(table)[:3]:
        assert packed.get(key) == table.get(key)
    unpickled = [i for i, item in enumerate(packed._values._items) if item is not None]  # type: ignore[attr-defined]
    assert len(unpickled) <= len(set(others) | set(list(table)[:3]))
    assert dict(packed) == table


@given(st.dictionaries(_TEXT, st.lists(st.integers(-2**40, 2**40), max_size=5), max_size=30), st.lists(_TEXT, max_size=5))
def test_a_sorted_map_of_runs_is_the_dict_of_lists_it_was_made_of(table: dict[str, list[int]],
                                                                   others: list[str]) -> None:
    for packed in (SortedMap.of(table, "runs"), round_trip(SortedMap.of(table, "runs"))):
        assert {key: list(run) for key, run in packed.items()} == table
        for key in others:
            assert list(packed.get(key, ())) == table.get(key, [])
    runs = round_trip(Runs.of(table.values()))
    assert [list(run) for run in runs] == list(table.values()) and len(runs) == len(table)
    assert [list(run) for run in runs[::-1]] == list(table.values())[::-1]


@given(st.lists(st.binary(max_size=20), max_size=20))
def test_blobs_read_back_as_stored(items: list[bytes]) -> None:
    packed = round_trip(Blobs.of(items))
    assert isinstance(packed, Blobs)
    assert len(packed) == len(items) and [bytes(b) for b in packed] == items
    assert [bytes(packed[i]) for i in range(-len(items), 0)] == items
    for outside in (len(items), -len(items) - 1):
        with pytest.raises(IndexError):
            packed[outside]


def test_lazy_items_are_unpickled_once_from_blobs() -> None:
    items = [("a", 1), ["b"], {"c": 2}]
    lazy: Lazy[object] = Lazy(Blobs.of(pickle.dumps(x) for x in items))
    assert list(lazy) == items and lazy[1] is lazy[1]


def test_a_lazy_sequence_counts_what_it_keeps_and_lets_go_of_it() -> None:
    items = [("a", 1), ["b"], {"c": 2}]
    lazy: Lazy[object] = Lazy(Blobs.of(pickle.dumps(x) for x in items))
    first = lazy[1]
    assert lazy[1] is first and lazy.held == 1
    assert lazy[0] == items[0] and lazy.held == 2
    lazy.forget()
    assert lazy.held == 0
    again = lazy[1]
    assert again == first and again is not first and lazy.held == 1
    assert list(lazy) == items and lazy.held == 3


_BUILT: dict[tuple[str, str], tuple[Matcher, Matcher]] = {}


@settings(max_examples=100, deadline=None)
@given(st.lists(st.sampled_from(["Belt and Road", "belt and roads", " ", "One Belt, One Road", "BRI", "x", "\n",
                                 "Belt and Road Initiatives", "一带一路", "一帶一路", "«Пояс и путь»", "OBOR"]),
                max_size=20),
       st.sampled_from(["en", "zh", "ru"]))
def test_a_matcher_read_from_its_flat_entry_finds_what_the_compiled_one_finds(
        tb: TermBase, pieces: list[str], lang: str) -> None:
    if (tb.digest, lang) not in _BUILT:
        compiled = compile_matcher(tb.concepts, lang)
        entry = flatten_matcher(compiled, tb)
        assert entry is not None
        _BUILT[tb.digest, lang] = compiled, unflatten_matcher(Matcher, round_trip(entry), tb)
    compiled, cached = _BUILT[tb.digest, lang]
    assert isinstance(cached.keys, Strings) and isinstance(cached.scanner, KeyScan)
    assert cached.scanner.keys is cached.keys  # stored once
    text = "".join(pieces)
    assert cached.scan(text) == compiled.scan(text)


class _Counted(list):  # type: ignore[type-arg]
    """A term base's concepts that count the ones asked for."""

    asked: list[int]

    def __getitem__(self, k):  # type: ignore[no-untyped-def]
        self.asked.append(k)
        return super().__getitem__(k)


def test_a_russian_matcher_read_from_its_flat_entry_builds_its_layer_without_its_terms() -> None:
    # The layer is built from the terms' outlines; a term is looked up in the term base where a hit names it.
    import glossary

    tb = glossary.load()
    compiled = compile_matcher(tb.concepts, "ru")
    assert compiled.layer_terms
    entry = round_trip(flatten_matcher(compiled, tb))
    concepts = _Counted(tb.concepts)
    concepts.asked = []
    cached = unflatten_matcher(Matcher, entry, type("Base", (), {"concepts": concepts})())
    assert isinstance(cached.layer_terms, LayerTerms)
    assert cached.layer() and concepts.asked == []
    assert cached.layer().scan("ни слова о терминах") == [] and concepts.asked == []
    text = "Поддержать инициативу «Пояс и путь» и строительство «Пояса и пути»."
    assert cached.layer().scan(text) == compiled.layer().scan(text) != []
    assert 0 < len(concepts.asked) < len(compiled.layer_terms)
    assert list(cached.layer_terms) == compiled.layer_terms and round_trip(cached.layer_terms) == compiled.layer_terms


def test_a_cached_term_base_finds_concepts_by_id(tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from tests.conftest import TERMBASE

    monkeypatch.setenv("GLOSSARY_CACHE_DIR", str(tmp_path / "c"))
    monkeypatch.setattr(termbase_module, "_LOADED", {})
    built = load([TERMBASE], default=False)
    termbase_module._LOADED.clear()
    cached = load([TERMBASE], default=False)
    assert isinstance(cached._index, SortedMap)
    assert [cached.concept(c.id) for c in built.concepts] == list(built.concepts)
    assert "no-such-concept" not in cached and built.concepts[0].id in cached
