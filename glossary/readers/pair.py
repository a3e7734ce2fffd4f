"""Bilingual text that is not in a translation format: aligned files and two-column tables.

An aligned pair is two plain-text files with one segment per line: line *n* of
the target translates line *n* of the source (`glossary check TARGET --source
SOURCE`). Blank lines must match blank lines, so a missing or extra line is
caught instead of shifting every later pair.

A CSV or TSV table has the source in its first column and the target in its
second; a first row whose two cells are language tags (`zh,en`) is a header
naming the languages. Quoted cells (RFC 4180, `""` for a quote) may hold
delimiters and line breaks; every target character is mapped to its place in
the file, so a fix patches only the cell's text.
"""

from __future__ import annotations

from dataclasses import dataclass

from glossary import langtags
from glossary.errors import InputError
from glossary.i18n import _, ngettext
from glossary.model import Document, Segment
from glossary.positions import column
from glossary.readers._common import lang_tag
from glossary.script import guess_lang
from glossary.readers import extensions

NAME = "csv"
EXTENSIONS = extensions(NAME)


def escape(text: str) -> str:
    """Escape `text` for a quoted cell; a fix that would break an unquoted cell is caught by re-reading."""
    return text.replace('"', '""')


def sniff(text: str) -> bool:
    return False


def _lines(text: str) -> list[tuple[int, str]]:
    """(offset, line without its line break) for every line."""
    result = []
    offset = 0
    for raw in text.splitlines(keepends=True):
        result.append((offset, raw.rstrip("\r\n")))
        offset += len(raw)
    return result


def parse_aligned(source_path: str, source_text: str, path: str, text: str, lang: str | None = None,
                  source_lang: str | None = None) -> Document:
    """Pair line *n* of `text` (the target) with line *n* of `source_text`."""
    source_lines = _lines(source_text)
    target_lines = _lines(text)
    if len(source_lines) != len(target_lines):
        # TRANSLATORS: {lines} is "3 lines"; {source_lines} counts the source's lines the same way.
        raise InputError(_("{lines}, but the source {source} has {source_lines} (aligned files need one line per "
                           "segment)").format(
            lines=ngettext("{n} line", "{n} lines", len(target_lines)).format(n=len(target_lines)),
            source=source_path,
            source_lines=len(source_lines)), path)
    # Undeclared, each line's language is its script majority (a line without letters
    # takes the file's): one Latin abbreviation («SCO») does not make a Russian line English.
    src = lang_tag(source_lang, source_path) if source_lang else None
    trg = lang_tag(lang, path) if lang else None
    source_guess = src or guess_lang(source_text, default="")
    target_guess = trg or guess_lang(text, default="")
    if not source_guess:
        raise InputError(_("cannot tell the source language; pass --source-lang"), source_path)
    if not target_guess:
        raise InputError(_("cannot tell the target language; pass --lang"), path)
    segments: list[Segment] = []
    for line_no, ((_source_offset, source_line), (offset, target_line)) in enumerate(zip(source_lines, target_lines), 1):
        if bool(source_line.strip()) != bool(target_line.strip()):
            message = (_("line is blank in the target only (aligned files need one line per segment)")
                       if not target_line.strip() else
                       _("line is blank in the source only (aligned files need one line per segment)"))
            raise InputError(message, path, line_no, 1)
        if target_line.strip():
            segments.append(Segment(text=target_line, lang=trg or guess_lang(target_line, target_guess), start=offset,
                                    unit_id=str(line_no), source_text=source_line,
                                    source_lang=src or guess_lang(source_line, source_guess)))
    return Document(path=path, text=text, segments=tuple(segments), format="aligned")


@dataclass(slots=True)
class _Cell:
    """A CSV cell's text with the file offsets of each of its pieces."""

    text: str
    starts: list[int]
    ends: list[int]
    line: int


def _rows(path: str, text: str, delimiter: str) -> list[list[_Cell]]:
    """Split `text` into rows of cells, keeping each character's offset."""
    rows: list[list[_Cell]] = []
    row: list[_Cell] = []
    i, n, line = 0, len(text), 1
    while i < n or row:
        cell = _Cell("", [], [], line)
        if i < n and text[i] == '"':
            open_line, open_at = line, i
            i += 1
            while True:
                if i >= n:
                    raise InputError("unterminated quoted cell", path, open_line, column(text, open_at))
                c = text[i]
                if c == '"':
                    if text[i + 1:i + 2] == '"':
                        cell.text += '"'
                        cell.starts.append(i)
                        cell.ends.append(i + 2)
                        i += 2
                        continue
                    i += 1
                    break
                if c == "\n":
                    line += 1
                cell.text += c
                cell.starts.append(i)
                cell.ends.append(i + 1)
                i += 1
            if i < n and text[i] not in (delimiter, "\r", "\n"):
                raise InputError("text after a closing quote (a quote inside a cell is written \"\")",
                                 path, line, column(text, i))
        else:
            while i < n and text[i] not in (delimiter, "\r", "\n"):
                cell.text += text[i]
                cell.starts.append(i)
                cell.ends.append(i + 1)
                i += 1
        row.append(cell)
        if i < n and text[i] == delimiter:
            i += 1
            continue
        if i < n and text[i] == "\r":
            i += 1
        if i < n and text[i] == "\n":
            i += 1
            line += 1
        rows.append(row)
        row = []
    return rows


def _is_tag(value: str) -> bool:
    value = value.strip()
    if not value or len(value) > 20:
        return False
    try:
        langtags.normalize(value)
    except ValueError:
        return False
    return True


def parse(path: str, text: str, lang: str | None = None, source_lang: str | None = None) -> Document:
    """Read a two-column CSV (or TSV, by extension or by a tab in the first line) table."""
    first_line = text.split("\n", 1)[0]
    delimiter = "\t" if path.lower().endswith(".tsv") or ("\t" in first_line and "," not in first_line) else ","
    rows = [r for r in _rows(path, text, delimiter) if any(c.text.strip() for c in r)]
    src = lang_tag(source_lang, path) if source_lang else None
    trg = lang_tag(lang, path) if lang else None
    if rows and len(rows[0]) >= 2 and _is_tag(rows[0][0].text) and _is_tag(rows[0][1].text):
        src = src or langtags.normalize(rows[0][0].text.strip())
        trg = trg or langtags.normalize(rows[0][1].text.strip())
        rows = rows[1:]
    declared = (src is not None, trg is not None)
    src = src or guess_lang(" ".join(r[0].text for r in rows), strict=True)
    trg = trg or guess_lang(" ".join(r[1].text for r in rows if len(r) > 1), strict=True)
    if src is None or trg is None:
        raise InputError("cannot tell the languages; add a header row such as \"zh,en\" or pass --lang and "
                         "--source-lang", path)
    segments: list[Segment] = []
    for row in rows:
        if len(row) != 2:
            raise InputError(f"row has {len(row)} cells (expected 2: source and target)", path, row[0].line, 1)
        source, target = row
        if not target.text.strip():
            continue
        # A language no header or option names is guessed per cell: one table may hold several.
        segments.append(Segment(text=target.text, lang=trg if declared[1] else guess_lang(target.text),
                                start=target.starts[0], starts=tuple(target.starts),
                                ends=tuple(target.ends), unit_id=str(target.line), source_text=source.text,
                                source_lang=src if declared[0] else guess_lang(source.text)))
    return Document(path=path, text=text, segments=tuple(segments), format=NAME)
