from __future__ import annotations

from glossary.ansi import style


def test_sequences_are_foreground_bold_dim_then_one_reset() -> None:
    assert style("x", fg="red", bold=True) == "\x1b[31m\x1b[1mx\x1b[0m"
    assert style("x", dim=True) == "\x1b[2mx\x1b[0m"
    assert style("x", fg="blue") == "\x1b[34mx\x1b[0m"
    assert style("x") == "x\x1b[0m"
