"""Inline suppression in each format's own comments, and unused-suppression."""

from __future__ import annotations

from pathlib import Path

import pytest

from glossary.checks import check_document
from glossary.readers import load
from glossary.termbase import load as load_termbase

DATA = Path(__file__).parent / "data"
TB = load_termbase([DATA / "bilingual-termbase.yaml"], default=False)


def codes(path: str, text: str, **kw) -> list[tuple[str, int]]:
    document = load(path, text.encode("utf-8"), **kw)
    return [(f.code, f.line) for f in check_document(document, TB)]


def test_plain_text_directives_anywhere_on_the_line():
    text = ("The OBOR plan. // glossary-disable-line\n"
            "# glossary-disable-next-line belt-and-road\n"
            "The OBOR plan.\n"
            "The OBOR plan.\n")
    assert codes("a.txt", text, lang="en") == [("superseded-term", 4)]


def test_names_may_be_concepts_or_codes_and_must_match():
    text = ("The OBOR plan. glossary-disable-line superseded-term\n"
            "The OBOR plan. glossary-disable-line community-shared-future\n")
    assert codes("a.txt", text, lang="en") == [("superseded-term", 2), ("unused-suppression", 2)]


def test_region_and_partial_enable():
    text = ("glossary-disable belt-and-road, community-shared-future\n"
            "OBOR and community of common destiny.\n"
            "glossary-enable community-shared-future\n"
            "OBOR and community of common destiny.\n"
            "glossary-enable\n"
            "OBOR.\n")
    assert sorted(codes("a.txt", text, lang="en")) == [("deprecated-term", 4), ("superseded-term", 6)]


def test_disable_file_and_a_word_that_only_looks_like_a_directive():
    assert codes("a.txt", "glossary-disable-file\nOBOR\n\nOBOR\n", lang="en") == []
    # "xglossary-disable-line" is not a directive: a non-word character must come before it
    assert codes("a.txt", "OBOR xglossary-disable-line\n", lang="en") == [("superseded-term", 1)]


def test_unused_suppression_points_at_the_directive():
    document = load("a.txt", b"Clean text.\n<!-- glossary-disable-next-line -->\nStill clean.\n", lang="en")
    [finding] = check_document(document, TB)
    assert (finding.code, finding.line, finding.column, str(finding.severity)) == ("unused-suppression", 2, 6, "info")
    assert finding.found == "glossary-disable-next-line"


def test_markdown_uses_html_comments_only():
    text = ("<!-- glossary-disable-next-line belt-and-road -->\n"
            "The OBOR plan.\n"
            "The OBOR plan. glossary-disable-line\n")
    assert codes("a.md", text, lang="en") == [("superseded-term", 3)]


PO = ('msgid ""\nmsgstr ""\n"Language: en\\n"\n\n'
      "# glossary-disable-line belt-and-road\n"
      "#: a.py:1\n"
      'msgid "一带一路"\nmsgstr "OBOR"\n\n'
      "#. glossary-disable-next-line\n"
      'msgid "人类命运共同体"\nmsgstr "a community of common destiny"\n\n'
      "#, glossary-disable-line\n"
      'msgid "一带一路项目"\nmsgstr "OBOR projects"\n')


def test_po_translator_and_extracted_comments_cover_their_entry_but_flags_do_not():
    assert codes("a.po", PO) == [("superseded-term", 16)]


def test_po_unused_suppression_is_reported_on_the_comment_line():
    text = PO.replace('msgstr "OBOR"', 'msgstr "BRI"')
    assert ("unused-suppression", 5) in codes("a.po", text)


XLIFF = """<?xml version="1.0"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
 <file original="x" source-language="zh" target-language="en" datatype="plaintext"><body>
  <!-- glossary-disable-next-line belt-and-road -->
  <trans-unit id="1">
   <source>一带一路</source>
   <target>OBOR</target>
  </trans-unit>
  <trans-unit id="2">
   <source>一带一路</source>
   <!-- glossary-disable-line -->
   <target>OBOR</target>
  </trans-unit>
  <trans-unit id="3"><source>一带一路</source><target>OBOR</target></trans-unit>
 </body></file>
</xliff>
"""


def test_xliff_comments_cover_the_next_or_the_enclosing_unit():
    assert codes("a.xlf", XLIFF) == [("superseded-term", 14)]


def test_tmx_comment_region():
    text = """<?xml version="1.0"?>
<tmx version="1.4"><header srclang="zh" segtype="sentence" o-tmf="x" adminlang="en" datatype="plaintext"
 creationtool="x" creationtoolversion="1"/><body>
<!-- glossary-disable superseded-term -->
<tu><tuv xml:lang="zh"><seg>一带一路</seg></tuv><tuv xml:lang="en"><seg>OBOR</seg></tuv></tu>
<!-- glossary-enable superseded-term -->
<tu><tuv xml:lang="zh"><seg>一带一路</seg></tuv><tuv xml:lang="en"><seg>OBOR</seg></tuv></tu>
</body></tmx>
"""
    assert codes("a.tmx", text) == [("superseded-term", 7)]


@pytest.mark.parametrize("name", ["messages.po", "briefing-1.2.xlf", "briefing-2.0.xlf", "memory.tmx"])
def test_disable_file_in_each_bilingual_format(name: str):
    text = (DATA / "bilingual" / name).read_text(encoding="utf-8")
    comment = "# glossary-disable-file missing-term\n" if name.endswith(".po") else \
        "<!-- glossary-disable-file missing-term -->\n"
    lines = text.splitlines(keepends=True)
    at = 0 if name.endswith(".po") else 1
    patched = "".join(lines[:at] + [comment] + lines[at:])
    found = [c for c, _ in codes(name, patched)]
    assert "missing-term" not in found and "untranslated-term" in found and "unused-suppression" not in found
