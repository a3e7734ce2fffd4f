"""Moving a term base in and out of other tools: TBX (ISO 30042) and Weblate's glossary CSV.

Each format module offers `export_*(concepts) -> str` and `import_*(text, path)
-> tuple[Concept, ...]`; `yamlwriter.dump` turns imported concepts into term-base
YAML. Data that the foreign format has no field for travels as `key: value`
lines (TBX notes, CSV developer comments), so a round trip loses nothing.
"""

from __future__ import annotations

import json
import re
from glossary.errors import InputError
from glossary.model import Status

STATUSES = tuple(s.value for s in Status)


class ExchangeError(InputError):
    """Bad input in a file being imported; carries where it is."""


_SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*\Z")


def slug(text: str) -> str:
    """A concept id made from a foreign identifier (`EID-Oxford_1` -> `eid-oxford-1`)."""
    return "-".join(re.findall(r"[a-z0-9]+", text.casefold()))


def is_slug(text: str) -> bool:
    return bool(_SLUG.match(text))


def encode_value(value: str) -> str:
    """One-line form of a field value: raw when that is unambiguous, JSON otherwise."""
    if "\n" in value or "\r" in value or value.startswith(('"', "{", "[")) or value != value.strip():
        return json.dumps(value, ensure_ascii=False)
    return value


def decode_value(text: str) -> str:
    if text.startswith('"'):
        decoded = json.loads(text)
        if isinstance(decoded, str):
            return decoded
    return text


def key_line(key: str, value: str) -> str:
    return f"{key}: {encode_value(value)}"


def split_key_line(line: str, keys: frozenset[str]) -> tuple[str, str] | None:
    """`("fix_to", "Belt and Road")` for `fix_to: Belt and Road`, None for free text."""
    key, sep, rest = line.partition(": ")
    if sep and key in keys:
        return key, rest
    return None
