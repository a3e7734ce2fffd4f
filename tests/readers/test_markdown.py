from __future__ import annotations

from glossary.readers import markdown

from .helpers import locate, read


def _all_text(doc):
    return "|".join(s.text for s in doc.segments)


def test_code_urls_comments_and_front_matter_are_not_checked():
    doc = markdown.parse(*read("markdown/briefing.md"))
    text = _all_text(doc)
    assert "name: One Belt" not in text          # fenced code
    assert "indented code block" not in text     # indented code
    assert "`OBOR`" not in text and "in code stays" in text
    assert "example.org" not in text             # link targets, autolinks, bare URLs
    assert "glossary-disable" not in text        # HTML comments
    assert "front matter" not in text
    assert 'class="term"' not in text
    assert "[obor]" not in text                  # reference definitions


def test_prose_positions_are_those_of_the_original_file():
    doc = markdown.parse(*read("markdown/briefing.md"))
    heading = next(s for s in doc.segments if "Briefing" in s.text)
    assert locate(doc, heading, "One Belt, One Road") == (5, 19, "One Belt, One Road")
    link = next(s for s in doc.segments if "report" in s.text)
    assert locate(doc, link, "One Belt, One Road") == (7, 41, "One Belt, One Road")
    speakers = next(s for s in doc.segments if "Speakers" in s.text)
    assert locate(doc, speakers, "community of common destiny") == (11, 20, "community of common destiny")


def test_a_term_broken_over_lines_stays_in_one_segment():
    doc = markdown.parse(*read("markdown/briefing.md"))
    item = next(s for s in doc.segments if "list item" in s.text)
    assert "One Belt,\n    One Road" in item.text
    assert locate(doc, item, "One Belt,\n    One Road") == (20, 20, "One Belt,\n    One Road")


def test_html_tag_content_is_checked_but_not_the_tag():
    doc = markdown.parse(*read("markdown/briefing.md"))
    inside = [s for s in doc.segments if s.text == "OBOR"]
    assert len(inside) == 1
    assert locate(doc, inside[0], "OBOR") == (24, 30, "OBOR")
    assert "OBOR" not in [s.text.strip() for s in doc.segments if "span" in s.text]


def test_segments_are_contiguous_slices_of_the_file():
    doc = markdown.parse(*read("markdown/briefing.md"))
    for s in doc.segments:
        assert s.starts is None
        assert doc.text[s.start:s.start + len(s.text)] == s.text


def test_language_comes_from_lang_or_the_script():
    path, text = read("markdown/briefing.md")
    assert {s.lang for s in markdown.parse(path, text).segments} == {"en"}
    assert {s.lang for s in markdown.parse(path, "一带一路是合作平台。\n").segments} == {"zh"}
    assert {s.lang for s in markdown.parse(path, text, lang="en-GB").segments} == {"en"}
