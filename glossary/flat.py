"""Flat cache entries: many objects stored one pickle each, unpickled when first asked for.

A term base of 100,000 phrases is tens of thousands of concepts and
signatures; a check of a small file touches a handful. Unpickling them all
took most of a cached run. Stored as one byte string with the ends of its
pieces (which unpickles at the speed of reading it), each is built on first
access and kept, so the same object is handed out every time (callers key
caches by identity). Long lists of strings and string-keyed tables are stored
the same way (`Strings`, `SortedMap`): one string and an array of ends
unpickle as two objects, where a list of 100,000 keys is 100,000.
"""

from __future__ import annotations

from array import array
from bisect import bisect_left
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence

try:  # the C unpickler alone, as in glossary.cache
    from _pickle import loads as unpickle_bytes
except ImportError:
    from pickle import loads as unpickle_bytes

TYPE_CHECKING = False  # typing's own flag, without importing typing (see glossary/__init__.py)
if TYPE_CHECKING:
    from typing import Any, TypeVar, overload

    T = TypeVar("T")
else:
    T = Any = object  # type parameters, which matter to type checkers alone


def _ends(lengths: Iterable[int]) -> array:
    ends, at = array("q", [0]), 0
    for n in lengths:
        at += n
        ends.append(at)
    return ends


class _Indexed(Sequence[Any]):
    """A sequence whose `_item(k)` builds item k when asked for: slices, negative and out-of-range
    indexes handled once here."""

    __slots__ = ()

    def __getitem__(self, k: Any) -> Any:
        if isinstance(k, slice):
            return [self._item(i) for i in range(*k.indices(len(self)))]
        if k < 0:
            k += len(self)
        if not 0 <= k < len(self):
            raise IndexError(k)
        return self._item(k)

    def _item(self, k: int) -> Any:
        raise NotImplementedError


class _Joined(_Indexed):
    """Pieces stored as one string or byte string with their ends, each cut out when asked for."""

    __slots__ = ("_data", "_ends")
    _EMPTY: Any = ""

    def __init__(self, data: Any, ends: array) -> None:
        self._data, self._ends = data, ends

    @classmethod
    def of(cls, items: Iterable[Any]) -> Any:
        items = list(items)
        return cls(cls._EMPTY.join(items), _ends(len(item) for item in items))

    def __len__(self) -> int:
        return len(self._ends) - 1

    def _item(self, i: int) -> Any:
        return self._cut(self._ends[i], self._ends[i + 1])

    def _cut(self, start: int, end: int) -> Any:
        return self._data[start:end]

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), (self._data, self._ends))


class Blobs(_Joined):
    """Byte strings stored as one, each cut out (without a copy) when asked for."""

    __slots__ = ()
    _EMPTY = b""

    def _cut(self, start: int, end: int) -> memoryview:
        return memoryview(self._data)[start:end]


def pack(items: Iterable[Any]) -> Blobs:
    """One pickle per item, all in one byte string."""
    import pickle  # only a cache miss packs

    return Blobs.of(pickle.dumps(item, protocol=pickle.HIGHEST_PROTOCOL) for item in items)


class Strings(_Joined):
    """Strings stored as one, each cut out when asked for."""

    __slots__ = ()

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Sequence) and not isinstance(other, (str, bytes)):
            return len(self) == len(other) and all(a == b for a, b in zip(self, other))
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]


class SortedMap(Mapping[str, Any]):
    """A read-only str -> value table: its keys sorted (`Strings`), found by bisection, and their values
    in the same order, stored as the values call for (`of`).

    A lookup cuts out about 17 keys of 100,000; building a dict of them on load
    would cost more than a check's lookups.
    """

    __slots__ = ("_keys", "_values")

    def __init__(self, keys: Strings, values: Sequence[Any]) -> None:
        self._keys, self._values = keys, values

    @classmethod
    def of(cls, mapping: Mapping[str, Any], values: str = "ints") -> SortedMap:
        """`values`: "ints" (positions, say: an array), "runs" (sequences of ints: `Runs`), "few" (a few
        distinct values, such as tuples of tags, each stored once) or "lazy" (each unpickled when its key
        is first looked up)."""
        keys = sorted(mapping)
        if values == "ints":
            stored: Sequence[Any] = array("q", (mapping[k] for k in keys))
        elif values == "runs":
            stored = Runs.of(mapping[k] for k in keys)
        elif values == "few":
            table: dict[Any, int] = {}
            ids = array("q", (table.setdefault(mapping[k], len(table)) for k in keys))
            stored = Few(ids, tuple(table))
        else:
            stored = Lazy(pack(mapping[k] for k in keys))
        return cls(Strings.of(keys), stored)

    def _find(self, key: object) -> int:
        if not isinstance(key, str):
            return -1
        i = bisect_left(self._keys, key)
        return i if i < len(self._keys) and self._keys[i] == key else -1

    def __getitem__(self, key: str) -> Any:
        i = self._find(key)
        if i < 0:
            raise KeyError(key)
        return self._values[i]

    def __contains__(self, key: object) -> bool:
        return self._find(key) >= 0

    def __iter__(self) -> Iterator[str]:
        return iter(self._keys)

    def __len__(self) -> int:
        return len(self._keys)

    def __reduce__(self) -> tuple[Any, ...]:
        if isinstance(self._values, Lazy):
            return (_lazy_map, (self._keys, self._values._blobs))  # each value stays one pickle
        return (SortedMap, (self._keys, self._values))


def _lazy_map(keys: Strings, blobs: Sequence[Any]) -> SortedMap:
    return SortedMap(keys, Lazy(blobs))


class Runs(_Joined):
    """Sequences of ints stored end to end in one array with their ends: item i is an array of its own."""

    __slots__ = ()

    @classmethod
    def of(cls, runs: Iterable[Iterable[int]]) -> Runs:
        values, ends = array("q"), array("q", [0])
        for run in runs:
            values.extend(run)
            ends.append(len(values))
        return cls(values, ends)


class Few(Sequence[Any]):
    """Values of which few are distinct, each stored once: item i is `table[ids[i]]`."""

    __slots__ = ("_ids", "_table")

    def __init__(self, ids: array, table: tuple[Any, ...]) -> None:
        self._ids, self._table = ids, table

    def __len__(self) -> int:
        return len(self._ids)

    def __getitem__(self, i: Any) -> Any:
        if isinstance(i, slice):
            return [self[k] for k in range(*i.indices(len(self)))]
        return self._table[self._ids[i]]

    def __reduce__(self) -> tuple[Any, ...]:
        return (Few, (self._ids, self._table))


class Lazy(Sequence[T]):
    """A read-only sequence over packed items, each unpickled on first access.

    `adjust` is applied to each item once it is unpickled (a term base read
    under other paths renames its files there).
    """

    __slots__ = ("_blobs", "_items", "_adjust", "held")

    def __init__(self, blobs: Sequence[Any], adjust: Callable[[T], None] | None = None) -> None:
        self._blobs = blobs
        self._items: list[T | None] = [None] * len(blobs)
        self._adjust = adjust
        self.held = 0  # items unpickled and kept

    def __len__(self) -> int:
        return len(self._blobs)

    def _get(self, i: int) -> T:
        item = self._items[i]
        if item is None:
            item = self._items[i] = unpickle_bytes(self._blobs[i])
            self.held += 1
            if self._adjust is not None:
                self._adjust(item)
        return item

    def forget(self) -> None:
        """Let go of the items unpickled so far: each is unpickled again, as a new object, when next asked
        for. Only for a caller whose caches keyed by identity are emptied with it."""
        self._items = [None] * len(self._blobs)
        self.held = 0

    if TYPE_CHECKING:
        @overload
        def __getitem__(self, i: int) -> T: ...

        @overload
        def __getitem__(self, i: slice) -> tuple[T, ...]: ...

    def __getitem__(self, i: int | slice) -> T | tuple[T, ...]:
        if isinstance(i, slice):
            return tuple(self._get(k) for k in range(*i.indices(len(self._blobs))))
        if i < 0:
            i += len(self._blobs)
        if not 0 <= i < len(self._blobs):
            raise IndexError(i)
        return self._get(i)

    def __iter__(self) -> Iterator[T]:
        return (self._get(i) for i in range(len(self._blobs)))

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Sequence) and not isinstance(other, (str, bytes)):
            return len(self) == len(other) and all(a == b for a, b in zip(self, other))
        return NotImplemented

    def __hash__(self) -> int:
        return hash(tuple(self))

    def __repr__(self) -> str:
        return f"<Lazy {len(self._blobs)} items>"

    def __reduce__(self) -> tuple[Any, ...]:
        return (tuple, (tuple(self),))  # pickled whole, as the tuple it stands for


class LazyLists(Mapping[str, list[T]]):
    """key -> the items of a Lazy at its indexes (the same objects every time)."""

    __slots__ = ("_indexes", "_items")

    def __init__(self, indexes: dict[str, tuple[int, ...]], items: Lazy[T]) -> None:
        self._indexes = indexes
        self._items = items

    def __getitem__(self, key: str) -> list[T]:
        return [self._items[i] for i in self._indexes[key]]

    def get(self, key: str, default: Any = None) -> Any:  # type: ignore[override]
        found = self._indexes.get(key)
        return default if found is None else [self._items[i] for i in found]

    def __contains__(self, key: object) -> bool:
        return key in self._indexes

    def __iter__(self) -> Iterator[str]:
        return iter(self._indexes)

    def __len__(self) -> int:
        return len(self._indexes)

    def __reduce__(self) -> tuple[Any, ...]:
        return (dict, (dict(self.items()),))


# A compiled matcher (glossary.matcher): its keys' entries point into the term base.

_MATCHER = "matcher-flat-2"


def flatten_matcher(matcher: Any, termbase: Any) -> tuple[Any, ...] | None:
    """A matcher for the cache with each key's (concept id, term) entries as positions in `termbase`.

    The entries' terms are the term base's own objects (the matcher is compiled
    from its concepts); None when one is not, and the matcher is cached whole.
    """
    from array import array

    concepts = termbase.concepts
    where: dict[int, tuple[int, int]] = {}
    for ci, concept in enumerate(concepts):
        for ti, term in enumerate(concept.terms):
            where[id(term)] = (ci, ti)
    offsets, cis, tis = array("I", [0]), array("I"), array("I")
    for group in matcher.entries:
        for cid, term in group:
            found = where.get(id(term))
            if found is None or concepts[found[0]].id != cid:
                return None
            cis.append(found[0])
            tis.append(found[1])
        offsets.append(len(cis))
    state = dict(matcher.__getstate__())
    del state["entries"]
    # The per-key tables, each read in one piece: the keys as one string, the forms of generated
    # spellings as a sorted table, the numbers as arrays; `bounds` is in `flags` already.
    keys = Strings.of(state["keys"])
    state["keys"] = keys
    state["forms"] = SortedMap.of(state.get("forms", {}), "few")
    state.pop("bounds", None)
    for name, code in (("lengths", "q"), ("flags", "b")):
        if name in state:
            state[name] = array(code, state[name])
    if state.get("layer_terms"):
        layer = [where.get(id(term)) for _, term in state["layer_terms"]]
        if any(found is None or concepts[found[0]].id != cid for found, (cid, _) in zip(layer, state["layer_terms"])):
            return None
        state["layer_terms"] = (tuple(matcher.layer_outline()), array("I", [found[0] for found in layer]),  # type: ignore[index]
                                array("I", [found[1] for found in layer]))  # type: ignore[index]
    scanner = state.get("scanner")
    if scanner is not None and getattr(scanner, "keys", None) is matcher.keys:
        twin = type(scanner).__new__(type(scanner))  # the same scanner over the same keys, stored once
        twin.__dict__.update(scanner.__dict__, keys=keys)
        if "lengths" in state and list(scanner.lengths) == list(state["lengths"]):
            twin.lengths = state["lengths"]
        state["scanner"] = twin
    return (_MATCHER, state, offsets, cis, tis)


def unflatten_matcher(cls: type, entry: Any, termbase: Any) -> Any:
    """The matcher of a `flatten_matcher` entry, its entries read from `termbase` as hits ask; None if no entry."""
    if not (isinstance(entry, tuple) and len(entry) == 5 and entry[0] == _MATCHER):
        return None
    _, state, offsets, cis, tis = entry
    matcher = cls.__new__(cls)
    if state.get("layer_terms"):
        state = {**state, "layer_terms": LayerTerms(termbase.concepts, *state["layer_terms"])}
    matcher.__setstate__({**state, "entries": Entries(termbase.concepts, offsets, cis, tis)})
    return matcher


class LayerTerms(_Indexed):
    """A matcher's word-level terms (`Matcher.layer_terms`): (concept id, term) pairs whose terms are
    looked up in the term base's concepts when asked, with the `outline` a layer is built from.

    A layer (glossary.morph.Layer) needs each term's concept id, text and
    whether it is a variant, and a term only where a hit names it: the
    Russian matcher's 341 terms, unpickled with their sources on every check,
    were most of the time spent reading it.
    """

    __slots__ = ("_concepts", "outline", "_cis", "_tis")

    def __init__(self, concepts: Sequence[Any], outline: tuple[tuple[str, str, bool], ...], cis: Any, tis: Any) -> None:
        self._concepts, self.outline, self._cis, self._tis = concepts, outline, cis, tis

    def __len__(self) -> int:
        return len(self.outline)

    def _item(self, k: int) -> Any:
        concept = self._concepts[self._cis[k]]
        return (concept.id, concept.terms[self._tis[k]])

    def __reduce__(self) -> tuple[Any, ...]:
        return (list, (list(self),))


class Entries(_Indexed):
    """Key index -> its (concept id, term) entries, looked up in the term base's concepts when asked."""

    __slots__ = ("_concepts", "_offsets", "_cis", "_tis")

    def __init__(self, concepts: Sequence[Any], offsets: Any, cis: Any, tis: Any) -> None:
        self._concepts, self._offsets, self._cis, self._tis = concepts, offsets, cis, tis

    def __len__(self) -> int:
        return len(self._offsets) - 1

    def _item(self, k: int) -> Any:
        concepts, cis, tis = self._concepts, self._cis, self._tis
        out = []
        for j in range(self._offsets[k], self._offsets[k + 1]):
            concept = concepts[cis[j]]
            out.append((concept.id, concept.terms[tis[j]]))
        return tuple(out)

    def __reduce__(self) -> tuple[Any, ...]:
        return (list, (list(self),))
