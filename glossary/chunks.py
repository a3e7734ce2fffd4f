"""Large plain-text files checked a stretch at a time, with the findings of the whole text.

A 50 MB file read whole is one string of up to 200 MB (a few characters
outside the Basic Multilingual Plane make every character four bytes), and
the fold, the scans and the findings list each add to it. Here the file's
bytes are decoded a block at a time and checked a window at a time; each
window is a document of its own (glossary.checks with a `Window`) and reports
only the stretch it owns, with positions in the whole file, and the findings
come out in the order the whole run sorts them. What the whole text decides
is carried from window to window or looked at before the first one:

- segments: with `--lang` (or no blank line in the file) the file is one
  segment, and windows are whole lines with `overlap` characters of whole
  lines of context either side, more than the longest term, a signature's
  reach and encoding damage's; otherwise each paragraph is a segment (with its
  own guessed language, as `checks.paragraphs` cuts them) and windows are whole
  paragraphs, with no context needed;
- mixed renderings: the first rendering of each concept, carried;
- the flood cap: counted across windows (`checks.WindowFlood`); a note waits,
  and what sorts after it, until its segment is done;
- encoding damage: the gate is the whole text's, found before;
- a variant's fix target reads the renderings of the whole text: a concept
  whose accepted renderings are one family needs none of them; otherwise those
  of the text so far decide it when one is of the target's family, and failing
  that the windows ahead are scanned until one is (or to the end).

Files that need the whole text are read whole, as before (the first pass
says): suppression comments (`glossary-`) and HTML quotations (`<q>`,
`<blockquote>`), whose reach has no bound. Only the plain-text reader is
chunked; Markdown, PO, XLIFF, TMX, tables, aligned pairs and .docx keep their
readers, which parse the whole file. A line is never cut: a file with a line
of half its length or more is read whole, and a very long paragraph (without
`--lang`) is one window.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterator
from dataclasses import dataclass, replace

from .checks import PARAGRAPH_BREAK, Options, Window, WindowFlood, check_document
from .checks.consistency import related
from .errors import InputError
from .i18n import _
from .model import Document, Edit, Finding, Match, Segment, Span, Term
from .termbase import TermBase

from .files import CHUNK, FROM  # in glossary.files, so that a small file's check need not import this module

OVERLAP = 1024
"""Context either side of a one-segment window, in characters at least (then to whole lines); `plan` widens
it to four times the longest term and twice a signature hit's and encoding damage's reach."""
_SAMPLE = 20000  # what script.guess_lang reads of a segment
_BREAK = re.compile(PARAGRAPH_BREAK)
_BLANK = re.compile(r"\n\r*\n")  # checks.paragraphs' test: a blank line once "\r" is gone
_WHOLE = re.compile(r"glossary-|<(?:q|blockquote)[\s>]", re.IGNORECASE)
_SYNC = re.compile(r"[^ \t\r\n]")
_LOOK_BACK = 16  # characters a text block is searched with from the block before


@dataclass(frozen=True, slots=True)
class Plan:
    """How one file is read: its bytes and encoding, and the segments the whole run would cut it into."""

    path: str
    data: bytes
    skip: int
    """Bytes of the byte-order mark."""
    encoding: str
    bom: bool
    asked: str | None
    """The encoding the user named (None: UTF-8 unless a byte-order mark says otherwise)."""
    lang: str | None
    """The one segment's language; None: a segment per paragraph."""
    gate: bool
    """Whether the whole text can hold encoding damage (one segment)."""
    chunk: int
    overlap: int


def plan(path: str, data: bytes, encoding: str | None, options: Options, termbase: TermBase,
         chunk: int = CHUNK) -> Plan | None:
    """The plan for checking `data` (a plain-text file's bytes) in windows, or None to read it whole.

    Reads the whole file once, decoding it a block at a time: bytes that do
    not decode are the same InputError, at the same byte, as a whole read's.
    """
    from .readers import byte_order, is_binary, undecodable

    if is_binary(data):
        return None
    skip, enc, bom = byte_order(data, encoding)
    try:
        decoder = codecs.getincrementaldecoder(enc)("strict")
    except LookupError:
        return None  # the whole read says so
    from . import encoding as damage
    from .script import guess_lang

    sample, tail, blank, gate, carried, open_line = "", "", False, False, b"", False
    longest = run = total = 0  # characters of the longest line (lines inside a block count as a block's)
    block = max(chunk, 4096)
    for at in range(skip, max(len(data), skip + 1), block):
        buffered = len(decoder.getstate()[0])
        piece = data[at:at + block]
        try:
            text = decoder.decode(piece, at + block >= len(data))
        except UnicodeDecodeError as exc:
            raise undecodable(path, enc, at - buffered + exc.start, encoding) from None
        if len(sample) < _SAMPLE:
            sample += text[:_SAMPLE - len(sample)]
        joined = tail + text
        if _WHOLE.search(joined):
            return None
        blank = blank or _BLANK.search(joined) is not None or (open_line and text.lstrip("\r").startswith("\n"))
        # A line break and nothing but "\r" since: a blank line if the next block goes on with a line break.
        open_line = (open_line and not text.strip("\r")) or joined.rstrip("\r").endswith("\n")
        encoded = carried + text.encode("utf-8", "surrogatepass")
        gate = gate or damage.gate(encoded)
        carried = encoded[-(damage.GATE_SPAN - 1):]
        tail = joined[-_LOOK_BACK:]
        first_break, last_break = text.find("\n"), text.rfind("\n")
        longest = max(longest, run + (first_break if first_break != -1 else len(text)))
        run = run + len(text) if last_break == -1 else len(text) - last_break - 1
        total += len(text)
    if 2 * longest > total:
        return None  # a line of half the file would be a window of half of it: nothing gained
    lang = options.lang
    if lang is None and not blank:
        lang = guess_lang(sample)  # one segment, its language guessed from its start
    longest = max((len(k) for k in _keys(termbase, lang)), default=0) if lang is not None else 0
    from .signatures import Index

    reach = 2 * Index._WINDOW + 4 * damage._MARGIN  # a signature hit's reach; damage's context either side
    return Plan(path, data, skip, enc, bom, encoding, lang, gate, chunk, max(OVERLAP, 4 * longest, 2 * reach))



def _keys(termbase: TermBase, lang: str) -> list[str]:
    from .matcher import matcher_for

    return matcher_for(termbase, lang).keys


class _Text:
    """The decoded text of a plan's bytes from `base` on, decoded a block at a time as it is asked for.

    `base` is always the start of a line; `line` is its 1-based line number.
    """

    def __init__(self, plan: Plan) -> None:
        self.data = plan.data
        self.at = plan.skip
        self.block = max(plan.chunk, 4096)
        self.decoder = codecs.getincrementaldecoder(plan.encoding)("strict")
        self.text = ""
        self.base = 0
        self.line = 1
        self.done = len(self.data) <= self.at

    @property
    def end(self) -> int:
        return self.base + len(self.text)

    def more(self) -> bool:
        """Decode the next block; False at the end of the file."""
        if self.done:
            return False
        piece = self.data[self.at:self.at + self.block]
        self.at += len(piece)
        self.done = self.at >= len(self.data)
        self.text += self.decoder.decode(piece, self.done)  # the plan has decoded it once: no error
        return True

    def line_end(self, at: int) -> int:
        """The start of the first line at or after `at` (the end of the text when there is none)."""
        pos = max(at - 1, self.base)  # where its line break may be
        while True:
            i = self.text.find("\n", pos - self.base)
            if i != -1:
                return self.base + i + 1
            pos = max(pos, self.end)
            if not self.more():
                return self.end

    def line_start(self, at: int) -> int:
        """The start of the line holding `at` (not before `base`)."""
        return self.base + self.text.rfind("\n", 0, max(0, at - self.base)) + 1

    def paragraph_end(self, at: int) -> int:
        """The end of the first paragraph break (checks.paragraphs' cut) found from `at` on, or the text's end.

        The whole text's breaks are found left to right; after a character that
        is not white space none is under way, so the search starts there.
        """
        while True:
            sync = _SYNC.search(self.text, max(0, at - 1 - self.base))
            if sync is not None:
                found = _BREAK.search(self.text, sync.end())
                if found is not None:
                    return self.base + found.end()
            if not self.more():
                return self.end

    def drop(self, before: int) -> None:
        """Let go of the text before `before` (a line start)."""
        cut = before - self.base
        if cut > 0:
            self.line += self.text.count("\n", 0, cut)
            self.text = self.text[cut:]
            self.base = before


@dataclass(frozen=True, slots=True)
class _Piece:
    """One window: its text from `start` (global offset, on `line`), and the [own, own_end) it reports."""

    text: str
    start: int
    line: int
    own: int
    own_end: int
    last: bool


def windows(plan: Plan) -> Iterator[_Piece]:
    """The windows of the file, in order."""
    text = _Text(plan)
    own = 0
    while True:
        if plan.lang is None:
            end = text.paragraph_end(own + plan.chunk)
            start, context_end = own, end
        else:
            end = text.line_end(own + plan.chunk)
            start = text.line_start(own - plan.overlap) if own else 0
            context_end = text.line_end(end + plan.overlap) if end < text.end or not text.done else end
        last = text.done and end >= text.end
        line = text.line + text.text.count("\n", 0, start - text.base)
        yield _Piece(text.text[start - text.base:context_end - text.base], start, line, own, end, last)
        if last:
            return
        own = end
        text.drop(text.line_start(own - plan.overlap) if plan.lang is not None else own)


def _segments(piece: _Piece, plan: Plan) -> tuple[Segment, ...]:
    if plan.lang is not None:
        return (Segment(text=piece.text, lang=plan.lang),)
    cuts = [m.end() for m in _BREAK.finditer(piece.text)]
    bounds = [0, *cuts, len(piece.text)]
    return tuple(Segment(text=piece.text[a:b], start=a) for a, b in zip(bounds, bounds[1:]) if a != b)


class _Used:
    """What the terms check reads of the renderings the whole text uses (`checks.terms.fix_target`'s `settle`).

    A fix target depends on them only where the text uses renderings of the
    concept and none of them is of the target's family. So: nothing for a
    concept whose accepted renderings are one family; the renderings of the
    windows checked so far (this one's included) when one of them is of the
    target's family; else the windows after this one are scanned as far as the
    first rendering of the target's family, or to the end, and what they add is
    kept for the next question.
    """

    def __init__(self, plan: Plan, termbase: TermBase, options: Options) -> None:
        self.plan, self.termbase, self.options = plan, termbase, options
        self.so_far: dict[tuple[str, str], list[Term]] = {}
        self.ahead: dict[tuple[str, str], list[Term]] = {}
        self.next: Iterator[_Piece] | None = None
        self.own = (0, 0)
        self.position = 0  # the end of what the window being checked owns, in the file
        self.single: dict[tuple[str, str], bool] = {}
        self.scanned: dict[tuple[int, int], tuple[tuple[Segment, ...], tuple[tuple[Segment, str, list[Match]], ...]]] = {}
        """Windows scanned ahead, by (start, own end): their segments and scan, taken when they are checked."""

    def take(self, piece: _Piece) -> tuple[tuple[Segment, ...], tuple[tuple[Segment, str, list[Match]], ...] | None]:
        """The segments of `piece` and its scan when it was scanned ahead (once: a window is checked once)."""
        done = self.scanned.pop((piece.start, piece.own_end), None)
        return done if done is not None else (_segments(piece, self.plan), None)

    def seen(self, scanned: tuple[tuple[Segment, str, list[Match]], ...]) -> None:
        """The renderings of the window being checked (its own matches), added to those so far."""
        _add(self.so_far, scanned, self.own)

    def settle(self, key: tuple[str, str], target: Term) -> list[Term]:
        if self._one_family(key):
            return []
        while True:
            known = self.so_far.get(key, [])
            later = self.ahead.get(key, [])
            known = known + [t for t in later if t not in known]
            if self.next is False or any(t.lang == key[1] and related(self.termbase, key[0], key[1], target, t)
                                         for t in known):
                return known
            self._scan_ahead()

    def _scan_ahead(self) -> None:
        """Scan the next window after the one being checked (to the end: `next` becomes False)."""
        from .checks import scan

        if self.next is None:
            self.next = windows(self.plan)
        for piece in self.next:  # type: ignore[union-attr]
            if piece.own_end <= self.position:
                continue  # checked already, or being checked: its renderings are in `so_far`
            segments = _segments(piece, self.plan)
            scanned = scan(Document(self.plan.path, piece.text, segments), self.termbase, self.options)
            self.scanned[piece.start, piece.own_end] = (segments, scanned)  # the check of the window reuses it
            _add(self.ahead, scanned, (piece.own - piece.start, piece.own_end - piece.start))
            return
        self.next = False  # type: ignore[assignment]

    def _one_family(self, key: tuple[str, str]) -> bool:
        known = self.single.get(key)
        if known is None:
            from .checks.consistency import families

            concept_id, lang = key
            table = families(self.termbase.concept(concept_id), lang, self.termbase)
            known = self.single[key] = len(set(table.values())) <= 1
        return known


def _add(used: dict[tuple[str, str], list[Term]], scanned: tuple[tuple[Segment, str, list[Match]], ...],
         own: tuple[int, int]) -> None:
    """`first_used` of a window's own matches, added to `used` (renderings first seen first)."""
    from .checks.consistency import first_used

    owned = [(segment, lang, [m for m in matches if _within(segment, m, own)]) for segment, lang, matches in scanned]
    for key, terms in first_used(owned).items():
        seen = used.setdefault(key, [])
        seen.extend(t for t in terms if t not in seen)


def _within(segment: Segment, match: Match, own: tuple[int, int]) -> bool:
    return own[0] <= segment.document_span(match.span).start < own[1]


_HOLD = 64
"""Characters before a window's end whose findings wait for the next window: a finding made there
from a match of the next one (an article before it) may start before the boundary."""


def check(plan: Plan, termbase: TermBase, options: Options) -> Iterator[Finding]:
    """Every finding of the file, in the order of a whole run, a window at a time."""
    flood = WindowFlood(options.max_per_segment)
    first: dict[tuple[str, str], Term] = {}
    used = _Used(plan, termbase, options)
    held: list[Finding] = []
    key = _order
    for piece in windows(plan):
        segments, scanned = used.take(piece)
        document = Document(plan.path, piece.text, segments)
        own = (piece.own - piece.start, piece.own_end - piece.start)
        flood.own = own
        flood.identity = {id(s): (0 if plan.lang is not None else piece.start + s.start) for s in segments}
        flood.place = lambda f, piece=piece: _placed(f, piece)  # type: ignore[misc]
        used.own, used.position = own, piece.own_end
        window = Window(own, flood, first, used, plan.gate if plan.lang is not None else None, used.seen, scanned)
        held.extend(_placed(f, piece) for f in check_document(document, termbase, options, window))
        if plan.lang is None or piece.last:
            held.extend(flood.close())  # the segments of this window are done
        held.sort(key=key)
        bound = None if piece.last else piece.own_end - (_HOLD if plan.lang is not None else 0)
        waiting = flood.pending()
        if waiting is not None:
            bound = waiting if bound is None else min(bound, waiting)
        if bound is None:
            yield from held
            held = []
            continue
        ready = 0
        while ready < len(held) and held[ready].start < bound:
            ready += 1
        yield from held[:ready]
        del held[:ready]
    yield from held


def _order(f: Finding) -> tuple[int, int, str]:
    return (f.start, f.end, f.code)


def _placed(f: Finding, piece: _Piece) -> Finding:
    """A window's finding with its offsets and lines in the whole file (a window starts a line)."""
    shift, lines = piece.start, piece.line - 1
    if not shift and not lines:
        return f
    fix = f.fix
    if fix is not None:
        fix = Edit(Span(fix.span.start + shift, fix.span.end + shift), fix.replacement)
    return replace(f, start=f.start + shift, end=f.end + shift, line=f.line + lines,
                   end_line=f.end_line + lines, fix=fix)


@dataclass(frozen=True, slots=True)
class Fixed:
    """A file fixed a window at a time: its new bytes (None: nothing changed), the fixes made, and what is left."""

    data: bytes | None
    fixes: int
    left: tuple[Finding, ...]


def fix(start: Plan, termbase: TermBase, options: Options, passes: int = 4) -> Fixed:
    """Fix the file to a fixed point as `runner.fix_document` does, holding bytes, never the whole text.

    Each pass streams the findings of every window (none capped), takes their
    edits as `fix.plan` takes them, and writes the text between them and their
    replacements, encoded as the file was, into the new bytes. `check-grammar`
    notes at fixed spans are kept, moved with the text, as the whole run keeps them.
    """
    every = replace(options, max_per_segment=0)
    current, total = start, 0
    notes: list[Finding] = []  # in the current text's offsets
    for _pass in range(passes):
        out = _Out(current)
        made: list[Edit] = []
        fresh: list[Finding] = []
        for edit, grammar in _edits(check(current, termbase, every)):
            out.copy(edit.span.start)
            fresh.extend(g for g in grammar if (g.start, g.end) == (edit.span.start, edit.span.end))
            out.put(edit.replacement)
            out.skip(edit.span.end)
            made.append(edit)
        if not made:
            break
        out.copy(None)
        from .fix import moved

        notes = [moved(n, made) for n in notes] + [moved(f, made) for f in fresh]
        del made
        total += out.count
        data = out.data()
        again = _plan_again(current, data, termbase, options)
        if again is None:
            raise InputError(_("not fixed: the fixed text would need to be read whole"), start.path)
        current = again
    if not total:
        return Fixed(None, 0, tuple(check(start, termbase, options)))
    left = list(check(current, termbase, options))
    if notes:
        left = sorted(left + _placed_notes(current, notes), key=_order)
    return Fixed(current.data, total, tuple(left))


def _edits(findings: Iterator[Finding]) -> Iterator[tuple[Edit, list[Finding]]]:
    """`fix.plan`'s edits from findings sorted by position, each with the check-grammar findings of its start."""
    reach = -1
    group: list[Finding] = []

    def chosen() -> Iterator[tuple[Edit, list[Finding]]]:
        nonlocal reach
        grammar = [f for f in group if f.code == "check-grammar"]
        for f in sorted(group, key=lambda f: -f.end):
            if f.fix is None or f.fix.span.start < reach:
                continue
            reach = f.fix.span.end
            yield f.fix, grammar

    for f in findings:
        if group and f.start != group[0].start:
            yield from chosen()
            group = []
        group.append(f)
    if group:
        yield from chosen()


class _Out:
    """The fixed file's bytes, written as the text is copied and the edits replace their spans."""

    def __init__(self, plan: Plan) -> None:
        from .writers import BOMS

        self.text = _Text(plan)
        self.encoding = plan.encoding
        self.path = plan.path
        self.at = 0
        self.written = 0  # characters of the fixed text so far
        self.count = 0
        self.buffer = bytearray(BOMS.get(plan.encoding, b"") if plan.bom else b"")
        self.skip_bytes = len(self.buffer)

    def copy(self, upto: int | None) -> None:
        """The original text from where the last edit ended to `upto` (None: the end), a block at a time."""
        text = self.text
        while True:
            end = text.end if upto is None else min(upto, text.end)
            if end > self.at:
                self._put(text.text[self.at - text.base:end - text.base])
                self.at = end
            consumed = min(self.at, text.end) - text.base
            if consumed > len(text.text) // 2:  # let go of more than is kept: each character copied a few times
                text.drop(text.base + consumed)
            if (upto is not None and self.at >= upto) or not text.more():
                return

    def put(self, replacement: str) -> None:
        self._put(replacement)
        self.count += 1

    def skip(self, to: int) -> None:
        self.at = to

    def _put(self, piece: str) -> None:
        try:
            self.buffer += piece.encode(self.encoding)
        except UnicodeEncodeError as exc:
            raise InputError(_("cannot encode the fixed text as {encoding} at character {at}").format(
                encoding=self.encoding, at=self.written + exc.start), self.path) from None
        self.written += len(piece)

    def data(self) -> bytes:
        return self.buffer  # type: ignore[return-value]  # a bytearray: one copy of the file, not two


def _plan_again(previous: Plan, data: bytes, termbase: TermBase, options: Options) -> Plan | None:
    """The plan of the fixed bytes (the gate, blank lines and the language guess may have changed)."""
    return plan(previous.path, data, previous.asked, options, termbase, previous.chunk)


def _placed_notes(plan: Plan, notes: list[Finding]) -> list[Finding]:
    """Notes at offsets of the plan's text with their lines, columns and found text from it (`fix.placed`)."""
    text = _Text(plan)
    out = []
    for f in sorted(notes, key=_order):
        while text.end < f.end and text.more():
            pass
        first, last = text.line_start(f.start), text.line_start(f.end)
        line = text.line + text.text.count("\n", 0, f.start - text.base)
        end_line = line + text.text.count("\n", f.start - text.base, f.end - text.base)
        out.append(replace(f, line=line, column=f.start - first + 1, end_line=end_line, end_column=f.end - last + 1,
                           found=text.text[f.start - text.base:f.end - text.base]))
        text.drop(first)
    return out


def outline(plan: Plan) -> Document:
    """The document an outcome names for a file checked in windows: its path and encoding, no text."""
    return Document(plan.path, "", (), format="text", encoding=plan.encoding, bom=plan.bom)


__all__ = ["CHUNK", "FROM", "InputError", "Plan", "check", "outline", "plan", "windows"]
