"""Traditional-script forms of Simplified terms, and back, through OpenCC.

Texts from Taiwan, Hong Kong and overseas media write 一帶一路 for 一带一路.
Listing every term twice would double the term base and drift; OpenCC's
conversion tables give the Traditional spellings (with the Taiwan and Hong
Kong character standards, which differ in a few characters such as 裏/裡 and
臺/台). The variants are matched as surface forms, and each carries the
conversion that produced it, so a suggestion is written in the script of the
text.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Any

from ..langtags import base_language
from ..model import Term
from . import Rendered

# Simplified -> Traditional: generic (OpenCC standard), Taiwan, Hong Kong.
TO_TRADITIONAL = ("s2t", "s2tw", "s2hk")
TO_SIMPLIFIED = ("t2s",)
PREFIX = "zh:"


@dataclass(frozen=True, slots=True)
class Variant:
    """A term in the other Chinese script, tagged with the conversion used."""

    text: str
    form: tuple[str, ...]


@functools.cache
def _converter(config: str) -> Any:
    import opencc

    return opencc.OpenCC(config)


def convert(text: str, config: str) -> str:
    """`text` through one OpenCC conversion (`s2t`, `s2tw`, `s2hk`, `t2s`)."""
    return str(_converter(config).convert(text))


def is_traditional_tag(lang: str) -> bool:
    subtags = lang.replace("_", "-").split("-")[1:]
    return base_language(lang) == "zh" and any(p.lower() in ("hant", "tw", "hk", "mo") for p in subtags)


def variants(text: str, lang: str) -> tuple[Variant, ...]:
    """Spellings of a Chinese term in the other script, each tagged with its conversion."""
    configs = TO_SIMPLIFIED if is_traditional_tag(lang) else TO_TRADITIONAL
    seen = {text}
    found = []
    for config in configs:
        converted = convert(text, config)
        if converted not in seen:
            seen.add(converted)
            found.append(Variant(converted, (PREFIX + config,)))
    return tuple(found)


def inflect(text: str, form: tuple[str, ...]) -> str:
    """`text` written in the script the match was found in."""
    for tag in form:
        if tag.startswith(PREFIX):
            return convert(text, tag[len(PREFIX) :])
    return text


# ------------------------------------------------------------ glossary.morph's table

def surface_variants(term: Term, lang: str) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """The other script's spellings of a Chinese term, for a Chinese matcher of either script."""
    if base_language(term.lang) != "zh":
        return ()
    return tuple((v.text, v.form) for v in variants(term.text, term.lang))


def render(citation: str, tags: tuple[str, ...], found: str, source: Term | None) -> Rendered:
    """The target in the script it was found in."""
    return Rendered(inflect(citation, tags))
