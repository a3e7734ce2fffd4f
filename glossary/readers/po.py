"""gettext PO and POT: one segment per non-empty msgstr, with its msgid as source.

polib parses the catalog (header metadata, flags, obsolete entries); it knows
only where an entry starts, so a second, strict scan of the raw lines maps every
character of every msgstr to its place in the file (escapes and continuation
lines included) and rejects what polib lets through, such as an unterminated
string. The two are checked against each other entry by entry. Obsolete (`#~`)
entries and the header are skipped; fuzzy entries are checked and marked.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import polib

from glossary.errors import InputError
from glossary.i18n import _
from glossary.model import Document, Segment
from glossary.positions import column
from glossary.readers._common import lang_tag
from glossary.readers import extensions

NAME = "po"
EXTENSIONS = extensions(NAME)

_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", '"': '"', "\\": "\\", "a": "\a", "b": "\b", "f": "\f", "v": "\v"}
_KEYWORD = re.compile(r"(msgctxt|msgid_plural|msgid|msgstr\[(\d+)\]|msgstr)[ \t]*(?=\")")


def sniff(text: str) -> bool:
    """True when `text` looks like a PO catalog."""
    return re.search(r'^msgid[ \t]+"', text[:4096], re.MULTILINE) is not None


def escape(text: str) -> str:
    """Escape `text` for the inside of a PO string."""
    return (text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
            .replace("\t", "\\t").replace("\r", "\\r"))


@dataclass(slots=True)
class _String:
    """A string's value and where it came from: (document start, document end, value) pieces.

    A plain run has as many characters in the document as in the value; an
    escape is one character from two.
    """

    text: str = ""
    pieces: list[tuple[int, int, str]] = field(default_factory=list)
    line: int = 0

    def place(self) -> tuple[int, tuple[int, ...] | None, tuple[int, ...] | None]:
        """(start, starts, ends) for a Segment: no per-character map when contiguous."""
        if not self.pieces:
            return 0, None, None
        first = self.pieces[0][0]
        if self.pieces[-1][1] - first == len(self.text):
            return first, None, None
        starts: list[int] = []
        ends: list[int] = []
        for start, end, value in self.pieces:
            if end - start == len(value):
                starts.extend(range(start, end))
                ends.extend(range(start + 1, end + 1))
            else:
                starts.append(start)
                ends.append(end)
        return first, tuple(starts), tuple(ends)


@dataclass(slots=True)
class _Entry:
    """One PO entry as parsed, before it becomes segments."""

    first_line: int
    last_line: int = 0
    msgctxt: _String | None = None
    msgid: _String | None = None
    msgid_plural: _String | None = None
    msgstr: dict[int, _String] = field(default_factory=dict)


_PLAIN = re.compile(r'[^"\\]+')


def _read_string(path: str, text: str, line_no: int, at: int, stop: int, into: _String) -> None:
    """Append the quoted string starting at offset `at` (a `"`) to `into`."""
    if at >= stop or text[at] != '"':
        raise InputError(_("expected a quoted string"), path, line_no, column(text, at))
    i = at + 1
    pieces: list[str] = []
    while True:
        if i >= stop:
            raise InputError(_("unterminated string"), path, line_no, column(text, at))
        run = _PLAIN.match(text, i, stop)
        if run is not None:
            end = run.end()
            pieces.append(run.group())
            into.pieces.append((i, end, pieces[-1]))
            i = end
            continue
        c = text[i]
        if c == '"':
            i += 1
            break
        nxt = text[i + 1] if i + 1 < stop else ""
        if nxt not in _ESCAPES:
            raise InputError(f'unknown escape "\\{nxt}" in string', path, line_no, column(text, i))
        pieces.append(_ESCAPES[nxt])
        into.pieces.append((i, i + 2, pieces[-1]))
        i += 2
    into.text += "".join(pieces)
    rest = text[i:stop].strip()
    if rest:
        raise InputError(f'unexpected text after string: "{rest[:20]}"', path, line_no, column(text, i))


class _Scanner:
    """The entry being read and the string a continuation line extends, line by line."""

    __slots__ = ("path", "text", "entries", "current", "last", "seen_msgstr")

    def __init__(self, path: str, text: str) -> None:
        self.path = path
        self.text = text
        self.entries: list[_Entry] = []
        self.current: _Entry | None = None
        self.last: _String | None = None
        self.seen_msgstr = False

    def comment(self) -> None:
        """A comment ends a continuation, and after a msgstr it ends the entry."""
        self.last = None
        if self.seen_msgstr:
            self.current, self.seen_msgstr = None, False

    def continuation(self, line_no: int, at: int, line_end: int, column: int) -> None:
        if self.last is None:
            raise InputError("continuation line without a keyword before it", self.path, line_no, column)
        _read_string(self.path, self.text, line_no, at, line_end, self.last)
        if self.current is not None:
            self.current.last_line = line_no

    def keyword(self, line_no: int, at: int, line_end: int, column: int, stripped: str) -> None:
        """A `msgctxt`, `msgid`, `msgid_plural` or `msgstr[n]` line: a new string, maybe a new entry."""
        match = _KEYWORD.match(stripped)
        if match is None:
            word = stripped.split(None, 1)[0]
            raise InputError(f'unknown keyword "{word[:30]}"', self.path, line_no, column)
        string = _String(line=line_no)
        current = self._entry_for(match.group(1), line_no, column)
        self._attach(current, match, string, line_no, column)
        current.last_line = line_no
        _read_string(self.path, self.text, line_no, at + match.end(), line_end, string)
        self.last = string

    def _entry_for(self, keyword: str, line_no: int, column: int) -> _Entry:
        """The entry `keyword` belongs to: a new one at msgctxt or msgid where one may start."""
        current = self.current
        if keyword in ("msgctxt", "msgid") and (current is None or self.seen_msgstr or
                                                (keyword == "msgctxt" and current.msgid is not None)):
            current = self.current = _Entry(first_line=line_no)
            self.entries.append(current)
            self.seen_msgstr = False
        elif current is None:
            raise InputError(f"{keyword} before msgid", self.path, line_no, column)
        return current

    def _attach(self, current: _Entry, match: re.Match[str], string: _String, line_no: int, column: int) -> None:
        keyword = match.group(1)
        if keyword == "msgctxt":
            current.msgctxt = string
        elif keyword == "msgid":
            if current.msgid is not None:
                raise InputError("msgid before the previous entry's msgstr", self.path, line_no, column)
            current.msgid = string
        elif keyword == "msgid_plural":
            current.msgid_plural = string
        else:
            if current.msgid is None:
                raise InputError("msgstr before msgid", self.path, line_no, column)
            index = int(match.group(2)) if match.group(2) is not None else 0
            current.msgstr[index] = string
            self.seen_msgstr = True


def _scan(path: str, text: str) -> list[_Entry]:
    """Locate every live entry's strings; obsolete entries and comments are passed over."""
    scanner = _Scanner(path, text)
    offset = 0
    for line_no, raw in enumerate(text.splitlines(keepends=True), 1):
        line_start = offset
        offset += len(raw)
        body = raw.rstrip("\r\n")
        stripped = body.lstrip()
        indent = line_start + len(body) - len(stripped)
        line_end = line_start + len(body)
        if not stripped:
            continue
        if stripped.startswith("#"):
            scanner.comment()
        elif stripped.startswith('"'):
            scanner.continuation(line_no, indent, line_end, indent - line_start + 1)
        else:
            scanner.keyword(line_no, indent, line_end, indent - line_start + 1, stripped)
    for entry in scanner.entries:
        if entry.msgid is None:
            raise InputError("msgctxt without msgid", path, entry.first_line, 1)
        if not entry.msgstr:
            raise InputError("entry without msgstr", path, entry.first_line, 1)
    return scanner.entries


def _polib_error(path: str, exc: Exception) -> InputError:
    message = str(exc)
    found = re.search(r"\(line (\d+)\)(?::\s*(.*))?", message)
    if found:
        what = found.group(2) or "syntax error"
        return InputError(what, path, int(found.group(1)), 1)
    return InputError(f"cannot parse PO: {message}", path)


def parse(path: str, text: str, lang: str | None = None, source_lang: str | None = None) -> Document:
    """Read a PO or POT catalog; the target language is `lang` or the `Language` header."""
    entries = _scan(path, text)
    try:
        catalog = polib.pofile(text if "\n" in text else text + "\n")
    except (OSError, ValueError) as exc:
        raise _polib_error(path, exc) from None
    live = [e for e in catalog if not e.obsolete]
    body = [e for e in entries if e.msgid is not None and not (e.msgid.text == "" and e.msgctxt is None)]
    header = next((e for e in entries if e.msgid is not None and e.msgid.text == "" and e.msgctxt is None), None)
    if len(live) != len(body):
        raise InputError(f"cannot align entries: polib read {len(live)}, the scan found {len(body)}", path)
    if not any(string.text for entry in body for string in entry.msgstr.values()):
        # A template (or a catalog not yet translated) has nothing to check in any language.
        return Document(path=path, text=text, segments=(), format=NAME)
    if lang:
        target_lang = lang_tag(lang, path)
    else:
        value = (catalog.metadata.get("Language") or "").strip()
        if not value:
            line = header.first_line if header is not None else 1
            raise InputError(_('the header names no language ("Language:"); pass --lang'), path, line, 1)
        offset = text.find("Language:")
        target_lang = lang_tag(value, path, text, offset if offset >= 0 else None)
    if source_lang:
        src = lang_tag(source_lang, path)
    else:
        value = (catalog.metadata.get("X-Source-Language") or "").strip()
        if value:
            src = lang_tag(value, path)
        else:
            # PO has no standard source-language header: guess once from the msgids.
            from glossary.script import guess_lang

            sample = "".join(e.msgid.text for e in body[:20] if e.msgid is not None)[:400]
            src = guess_lang(sample) if sample.strip() else None
    segments: list[Segment] = []
    for polib_entry, entry in zip(live, body):
        assert entry.msgid is not None
        if polib_entry.msgid != entry.msgid.text or (polib_entry.msgctxt or None) != (
            entry.msgctxt.text if entry.msgctxt else None
        ):
            raise InputError("cannot align entry with polib's reading", path, entry.first_line, 1)
        unit_id = entry.msgid.text if entry.msgctxt is None else f"{entry.msgctxt.text}|{entry.msgid.text}"
        for index, string in sorted(entry.msgstr.items()):
            if not string.text:
                continue
            source = entry.msgid.text
            if index > 0 and entry.msgid_plural is not None:
                source = entry.msgid_plural.text
            first, starts, ends = string.place()
            segments.append(Segment(text=string.text, lang=target_lang, start=first, starts=starts, ends=ends,
                                    unit_id=unit_id,
                                    source_text=source, source_lang=src, fuzzy=polib_entry.fuzzy))
    return Document(path=path, text=text, segments=tuple(segments), format=NAME)


_COMMENT = re.compile(r"^[ \t]*#(?:[ \t.][^\n]*)?$", re.MULTILINE)


def comments(text: str) -> list[tuple[int, int]]:
    """Offset ranges of translator (`# `) and extracted (`#.`) comments, never `#,` flags (msgmerge drops them)."""
    return [(m.start(), m.end()) for m in _COMMENT.finditer(text)]


def blocks(text: str) -> list[tuple[int, int]]:
    """Line ranges (first, last) of the entries, for suppression comments that cover an entry."""
    result: list[tuple[int, int]] = []
    first = None
    for line_no, raw in enumerate(text.splitlines(), 1):
        if raw.strip():
            if first is None:
                first = line_no
        elif first is not None:
            result.append((first, line_no - 1))
            first = None
    if first is not None:
        result.append((first, len(text.splitlines())))
    return result
