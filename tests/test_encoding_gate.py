"""The byte-level gate of glossary.encoding never skips a text the exact gate would pass."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from glossary import encoding


def _passes_bytes_gate(text: str) -> bool:
    return bool(encoding._GATE_BYTES_RE.search(text.encode("utf-8", "surrogatepass")))


def test_every_lead_and_continuation_pair_passes_the_bytes_gate() -> None:
    leads = [chr(c) for c in range(0xC2, 0xF5)]
    for lead in leads:
        for cont in encoding._TO_BYTE:
            if encoding._GATE_RE.search(lead + cont):
                assert _passes_bytes_gate(lead + cont), (lead, cont)
    assert _passes_bytes_gate("voil\u00c3  le")  # "à" whose no-break space became a space


_MOJIBAKE_PRONE = st.text(alphabet=st.sampled_from(list(encoding._TO_BYTE) + list("aé ’—€\u00a0\u00c3")), max_size=30)


@given(st.one_of(st.text(max_size=40), _MOJIBAKE_PRONE))
def test_bytes_gate_is_looser_than_the_exact_gate(text: str) -> None:
    if encoding._GATE_RE.search(text):
        assert _passes_bytes_gate(text)


def test_damage_is_still_found_behind_the_gate() -> None:
    damaged = "The â€œBelt and Roadâ€\u009d initiative"
    assert [d.repaired for d in encoding.find_damage(damaged)] == ["\u201c", "\u201d"]
