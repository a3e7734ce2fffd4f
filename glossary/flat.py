"""Flat cache entries: many objects stored one pickle each, unpickled when first asked for.

A term base of 100,000 phrases is tens of thousands of concepts and
signatures; a check of a small file touches a handful. Unpickling them all
took most of a cached run. Stored as a list of byte strings (which unpickles
at the speed of reading it), each is built on first access and kept, so the
same object is handed out every time (callers key caches by identity).
"""

from __future__ import annotations

import pickle
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from typing import Any, Generic, TypeVar, overload

T = TypeVar("T")


def pack(items: Iterable[Any]) -> list[bytes]:
    """One pickle per item."""
    return [pickle.dumps(item, protocol=pickle.HIGHEST_PROTOCOL) for item in items]


class Lazy(Sequence[T], Generic[T]):
    """A read-only sequence over packed items, each unpickled on first access.

    `adjust` is applied to each item once it is unpickled (a term base read
    under other paths renames its files there).
    """

    __slots__ = ("_blobs", "_items", "_adjust")

    def __init__(self, blobs: list[bytes], adjust: Callable[[T], None] | None = None) -> None:
        self._blobs = blobs
        self._items: list[T | None] = [None] * len(blobs)
        self._adjust = adjust

    def __len__(self) -> int:
        return len(self._blobs)

    def _get(self, i: int) -> T:
        item = self._items[i]
        if item is None:
            item = self._items[i] = pickle.loads(self._blobs[i])
            if self._adjust is not None:
                self._adjust(item)
        return item

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


class LazyLists(Mapping[str, list[T]], Generic[T]):
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

_MATCHER = "matcher-flat-1"


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
    shared: dict[Any, Any] = {}
    state["forms"] = {key: shared.setdefault(tags, tags) for key, tags in state.get("forms", {}).items()}
    return (_MATCHER, state, offsets, cis, tis)


def unflatten_matcher(cls: type, entry: Any, termbase: Any) -> Any:
    """The matcher of a `flatten_matcher` entry, its entries read from `termbase` as hits ask; None if no entry."""
    if not (isinstance(entry, tuple) and len(entry) == 5 and entry[0] == _MATCHER):
        return None
    _, state, offsets, cis, tis = entry
    matcher = cls.__new__(cls)
    matcher.__setstate__({**state, "entries": Entries(termbase.concepts, offsets, cis, tis)})
    return matcher


class Entries(Sequence[tuple[tuple[str, Any], ...]]):
    """Key index -> its (concept id, term) entries, looked up in the term base's concepts when asked."""

    __slots__ = ("_concepts", "_offsets", "_cis", "_tis")

    def __init__(self, concepts: Sequence[Any], offsets: Any, cis: Any, tis: Any) -> None:
        self._concepts, self._offsets, self._cis, self._tis = concepts, offsets, cis, tis

    def __len__(self) -> int:
        return len(self._offsets) - 1

    def __getitem__(self, k: Any) -> Any:
        if isinstance(k, slice):
            return [self[i] for i in range(*k.indices(len(self)))]
        if k < 0:
            k += len(self)
        if not 0 <= k < len(self):
            raise IndexError(k)
        concepts, cis, tis = self._concepts, self._cis, self._tis
        out = []
        for j in range(self._offsets[k], self._offsets[k + 1]):
            concept = concepts[cis[j]]
            out.append((concept.id, concept.terms[tis[j]]))
        return tuple(out)

    def __reduce__(self) -> tuple[Any, ...]:
        return (list, (list(self),))
