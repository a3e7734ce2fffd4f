"""Terminal colours for the human reports, without the CLI toolkit.

Reporters and the term lookup render text that a front end prints; they
colour it with the same SGR sequences click writes (foreground, then bold,
then dim, then the text and one reset), so the output is the same whoever
calls them, and the library below the CLI does not import click.
"""

from __future__ import annotations

COLORS = {"black": 30, "red": 31, "green": 32, "yellow": 33, "blue": 34, "magenta": 35, "cyan": 36, "white": 37}
RESET = "\033[0m"


def style(text: str, fg: str | None = None, bold: bool | None = None, dim: bool | None = None) -> str:
    """`text` in colour `fg`, bold or dim (True/False set or clear them; None leaves them)."""
    bits = []
    if fg is not None:
        bits.append(f"\033[{COLORS[fg]}m")
    if bold is not None:
        bits.append(f"\033[{1 if bold else 22}m")
    if dim is not None:
        bits.append(f"\033[{2 if dim else 22}m")
    return "".join(bits) + text + RESET
