"""Every occurrence of a set of literal keys in a text: one multi-pattern scan.

Two interchangeable backends give the same occurrences in the same order:
Hyperscan's pure-literal compiler (the optional `hyperscan` package, the
`fast` extra), which scans text with SIMD instructions an order of magnitude
faster than an automaton walked a character at a time, and pyahocorasick
(always installed), the fallback where hyperscan is missing or cannot run.
Both report occurrences that overlap; the caller decides which to keep.
"""

from __future__ import annotations

import threading
from typing import Any

_NOT_CONTINUATION = bytes(b for b in range(256) if not 0x80 <= b < 0xC0)


def _hyperscan() -> Any:
    """The hyperscan module, or None where it is not installed or cannot run here."""
    try:
        import hyperscan
    except Exception:  # ImportError, or a binary that does not load on this CPU
        return None
    return hyperscan


class KeyScan:
    """A compiled set of keys (non-empty strings); `backend` is "hyperscan" or "ahocorasick"."""

    def __init__(self, keys: list[str], backend: str | None = None) -> None:
        self.keys = keys
        self.lengths = [len(k) for k in keys]
        self.backend = backend or ("hyperscan" if _hyperscan() is not None else "ahocorasick")
        self._compiled: Any = None
        self._local = threading.local()  # hyperscan scratch space is per thread
        self._compile()

    def _compile(self) -> None:
        if not self.keys:
            return
        if self.backend == "hyperscan":
            hs = _hyperscan()
            if hs is None:
                self.backend = "ahocorasick"
            else:
                db = hs.Database(mode=hs.HS_MODE_BLOCK)
                db.compile(expressions=[k.encode("utf-8") for k in self.keys], ids=list(range(len(self.keys))),
                           flags=0, literal=True)
                self._compiled = db
                return
        import ahocorasick

        automaton = ahocorasick.Automaton(ahocorasick.STORE_INTS)
        for i, key in enumerate(self.keys):
            automaton.add_word(key, i)
        automaton.make_automaton()
        self._compiled = automaton

    def __getstate__(self) -> dict[str, Any]:
        state = {"keys": self.keys, "lengths": self.lengths, "backend": self.backend}
        if self.backend == "hyperscan" and self._compiled is not None:
            state["database"] = _hyperscan().dumpb(self._compiled)  # about 1 MB for 10,000 keys, loaded in 1 ms
        else:
            state["automaton"] = self._compiled
        return state

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.keys = state["keys"]
        self.lengths = state["lengths"]
        self.backend = state["backend"]
        self._local = threading.local()
        self._compiled = state.get("automaton")
        if "database" in state:
            hs = _hyperscan()
            try:
                self._compiled = hs.loadb(state["database"], hs.HS_MODE_BLOCK) if hs is not None else None
            except Exception:  # a database of another hyperscan version or CPU: compile again
                self._compiled = None
            if self._compiled is None:
                self.backend = "hyperscan" if hs is not None else "ahocorasick"
                self._compile()

    def __call__(self, text: str) -> list[tuple[int, int]]:
        """(end, key index) of every occurrence, `end` exclusive, in the order of their ends and,
        at one end, longest key first (the automaton's order)."""
        if self._compiled is None or not text:
            return []
        if self.backend == "ahocorasick":
            return [(last + 1, value) for last, value in self._compiled.iter(text)]
        data = text.encode("utf-8", "surrogatepass")
        found: list[tuple[int, int]] = []
        add = found.append
        scratch = getattr(self._local, "scratch", None)
        if scratch is None:
            scratch = self._local.scratch = _hyperscan().Scratch(self._compiled)
        self._compiled.scan(data, match_event_handler=lambda i, _s, end, _f, _c: add((end, i)), scratch=scratch)
        if not found:
            return found
        lengths = self.lengths
        if len(data) != len(text):  # byte offsets to character offsets: count the continuation bytes before each
            out: list[tuple[int, int]] = []
            at = chars = 0
            for end, i in found:
                if end != at:
                    chars += (end - at) - len(data[at:end].translate(None, _NOT_CONTINUATION))
                    at = end
                out.append((chars, i))
            found = out
        found.sort(key=lambda h: (h[0], -lengths[h[1]]))
        return found
