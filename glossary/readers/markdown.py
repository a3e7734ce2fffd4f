"""Markdown: prose only, at its place in the original file.

Left out of the checked text: YAML front matter, fenced and indented code
blocks, inline code, HTML comments and tags, autolinks and bare URLs, link
destinations and reference labels, and link reference definitions. What is
left is cut into segments at those gaps, so every segment is one contiguous
piece of the file: a paragraph's line breaks stay inside it (a term broken over
two lines is still found) and no match or fix can reach into markup.
"""

from __future__ import annotations

import re

from glossary.model import Document, Segment
from glossary.readers._common import lang_tag

NAME = "markdown"
EXTENSIONS = (".md", ".markdown", ".mdown", ".mkd")

_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_REF_DEF = re.compile(r"^ {0,3}\[[^\]]+\]:[ \t]*\S")
_LIST_ITEM = re.compile(r"^\s*(?:[-*+]|\d{1,9}[.)])\s")
_COMMENT = re.compile(r"<!--[\s\S]*?-->")
_INLINE = re.compile(
    r"(?P<code>(?P<ticks>`+)[\s\S]*?(?<!`)(?P=ticks)(?!`))"
    r"|<[A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*>"            # autolink
    r"|<[^\s<>@]+@[^\s<>@]+>"                              # e-mail autolink
    r"|</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>"           # HTML tag
    r"|\]\((?:<[^>]*>|[^()\s]*(?:\([^()\s]*\)[^()\s]*)*)(?:\s+(?:\"[^\"]*\"|'[^']*'|\([^)]*\)))?\s*\)"  # link destination
    r"|\]\[[^\]]*\]"                                       # reference label
    r"|(?:https?|ftp)://[^\s<>()\[\]]+|www\.[^\s<>()\[\]]+"  # bare URL
)


def sniff(text: str) -> bool:
    """Markdown is chosen by extension only; any text file reads as plain text otherwise."""
    return False


def escape(text: str) -> str:
    return text


def _line_spans(text: str) -> list[tuple[int, int, int]]:
    """(start, end without newline, end with newline) of every line."""
    spans = []
    offset = 0
    for raw in text.splitlines(keepends=True):
        body = raw.rstrip("\r\n")
        spans.append((offset, offset + len(body), offset + len(raw)))
        offset += len(raw)
    return spans


def _prose_blocks(text: str) -> list[tuple[int, int]]:
    """Document ranges of paragraphs outside code, front matter and reference definitions."""
    lines = _line_spans(text)
    blocks: list[tuple[int, int]] = []
    block_start: int | None = None
    block_end = 0
    fence: str | None = None
    previous_blank = True
    previous_list = False
    i = 0
    if lines and text[lines[0][0]:lines[0][1]].strip() == "---":
        for j in range(1, len(lines)):
            if text[lines[j][0]:lines[j][1]].strip() in ("---", "..."):
                i = j + 1
                break

    def close() -> None:
        nonlocal block_start
        if block_start is not None:
            blocks.append((block_start, block_end))
            block_start = None

    for start, end, _ in lines[i:]:
        line = text[start:end]
        if fence is not None:
            stripped = line.strip()
            if stripped.startswith(fence) and set(stripped) == {fence[0]}:
                fence = None
            continue
        opened = _FENCE.match(line)
        if opened:
            close()
            fence = opened.group(1)
            previous_blank = False
            continue
        if not line.strip():
            close()
            previous_blank = True
            continue
        indented = line.startswith("    ") or line.startswith("\t")
        if indented and previous_blank and not previous_list:
            close()
            continue
        if _REF_DEF.match(line):
            close()
            previous_blank = False
            continue
        if previous_blank:
            previous_list = bool(_LIST_ITEM.match(line))
        elif _LIST_ITEM.match(line):
            previous_list = True
        previous_blank = False
        if block_start is None:
            block_start = start
        block_end = end
    close()
    return blocks


def parse(path: str, text: str, lang: str | None = None, source_lang: str | None = None) -> Document:
    """Read a Markdown file; the language is `lang`, else guessed per paragraph from its script."""
    from glossary.script import guess_lang as guess_paragraph

    forced = lang_tag(lang, path) if lang else None
    comments = [(m.start(), m.end()) for m in _COMMENT.finditer(text)]
    segments: list[Segment] = []
    for block_start, block_end in _prose_blocks(text):
        target = forced or guess_paragraph(text[block_start:block_end])
        # Comments first (they may hold backticks or tags), then inline markup between them.
        pieces: list[tuple[int, int]] = []
        cursor = block_start
        for c_start, c_end in comments:
            if c_end <= block_start or c_start >= block_end:
                continue
            if c_start > cursor:
                pieces.append((cursor, c_start))
            cursor = max(cursor, c_end)
        if cursor < block_end:
            pieces.append((cursor, block_end))
        for piece_start, piece_end in pieces:
            cursor = piece_start
            for m in _INLINE.finditer(text, piece_start, piece_end):
                _add(segments, text, cursor, m.start(), target)
                cursor = m.end()
            _add(segments, text, cursor, piece_end, target)
    return Document(path=path, text=text, segments=tuple(segments), format=NAME)


def _add(segments: list[Segment], text: str, start: int, end: int, lang: str | None) -> None:
    piece = text[start:end]
    if piece.strip():
        segments.append(Segment(text=piece, lang=lang, start=start))
