"""Word documents: locations in body, tables and headers; fixes inside runs; hostile packages."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

docx = pytest.importorskip("docx")

from glossary.cli import main  # noqa: E402
from glossary.errors import InputError  # noqa: E402
from glossary.readers import docx as reader  # noqa: E402

from ..conftest import TERMBASE  # noqa: E402

TB = ["--no-default", "--termbase", str(TERMBASE)]


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args), prog_name="glossary", env={"LANG": "C.UTF-8", "LANGUAGE": ""})
    return result.exit_code, result.stdout, result.stderr


def draft(path: Path) -> Path:
    """A report as a translator gets it: formatted runs, a table, a header."""
    document = docx.Document()
    document.sections[0].header.paragraphs[0].text = "Working copy on One Belt, One Road"
    first = document.add_paragraph("Delegates welcomed the ")
    styled = first.add_run("community of common destiny")
    styled.italic = True
    first.add_run(" idea.")
    split = document.add_paragraph()
    split.add_run("One Belt, ")
    split.add_run("One Road").bold = True
    split.add_run(" keeps its bold half.")
    same = document.add_paragraph()
    same.add_run("They cited One Belt, ")
    same.add_run("One Road twice.")
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "Item"
    table.cell(0, 1).text = "Remark"
    table.cell(1, 0).text = "OBOR"
    table.cell(1, 1).text = "an old abbreviation"
    document.add_paragraph("A clean closing line about the Belt and Road Initiative.")
    document.save(path)
    return path


def runs_of(path: Path) -> list[tuple[Any, str, list[tuple[str, bytes]]]]:
    return [(slot.location, slot.text, [(run.text, reader._style(run)) for run in slot.runs])
            for slot in reader.slots(docx.Document(str(path)))]


def test_findings_carry_paragraph_cell_and_part(tmp_path: Path) -> None:
    path = draft(tmp_path / "report.docx")
    code, out, err = run("check", str(path), "--format", "json", *TB)
    assert code == 1, err
    found = {(f["found"], json.dumps(f["location"], sort_keys=True), f["fixable"]) for f in json.loads(out)["findings"]}
    assert ("community of common destiny", '{"paragraph": 1, "part": "body"}', True) in found
    assert ("One Belt, One Road", '{"paragraph": 2, "part": "body"}', False) in found  # half of it is bold
    assert ("One Belt, One Road", '{"paragraph": 3, "part": "body"}', True) in found
    assert ("OBOR", '{"cell": 1, "paragraph": 1, "part": "body", "row": 2, "table": 1}', True) in found
    assert ("One Belt, One Road", '{"paragraph": 1, "part": "header"}', True) in found
    for f in json.loads(out)["findings"]:
        text = reader.parse_bytes(str(path), path.read_bytes()).text
        assert text[f["start"]:f["end"]] == f["found"]
    code, out, _ = run("check", str(path), *TB)
    assert any(line.startswith(f'{path}:6:1: superseded-term [*] "OBOR" → "BRI"')
               and line.endswith(" [body, table 1, row 2, cell 1, paragraph 1]") for line in out.splitlines())
    code, out, _ = run("check", "--show-source", str(path), *TB)
    assert "(body, table 1, row 2, cell 1, paragraph 1)" in out


def test_fix_rewrites_inside_runs_and_leaves_every_other_run_alone(tmp_path: Path) -> None:
    path = draft(tmp_path / "report.docx")
    before = runs_of(path)
    code, out, err = run("fix", str(path), *TB)
    assert code == 1, err
    assert "Fixed 4 findings" in err
    after = runs_of(path)
    assert len(before) == len(after)
    changed = {str(loc) for (loc, text, _), (_l, text2, _r) in zip(before, after) if text != text2}
    assert changed == {str((("part", "body"), ("paragraph", 1))), str((("part", "body"), ("paragraph", 3))),
                       str((("part", "body"), ("table", 1), ("row", 2), ("cell", 1), ("paragraph", 1))),
                       str((("part", "header"), ("paragraph", 1)))}
    for (loc, text, runs), (_l, text2, runs2) in zip(before, after):
        if text == text2:
            assert runs == runs2, loc  # untouched paragraphs keep every run and its formatting
    by_place = {str(loc): (text, runs) for loc, text, runs in after}
    text, runs = by_place[str((("part", "body"), ("paragraph", 1)))]
    assert text == "Delegates welcomed the community with a shared future for mankind idea."
    assert runs[1][0] == "community with a shared future for mankind" and b"<w:i" in runs[1][1]  # still italic
    text, runs = by_place[str((("part", "body"), ("paragraph", 3)))]
    assert text == "They cited Belt and Road twice." and len(runs) == 1  # two plain runs merged into one
    code, out, _ = run("check", str(path), "--format", "json", *TB)
    left = json.loads(out)["findings"]
    assert [(f["found"], f["fixable"]) for f in left] == [("One Belt, One Road", False)]


def test_a_fixed_document_still_opens_and_is_written_atomically(tmp_path: Path) -> None:
    path = draft(tmp_path / "report.docx")
    path.chmod(0o640)
    run("fix", str(path), *TB)
    assert (path.stat().st_mode & 0o777) == 0o640
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.docx"]
    docx.Document(str(path))  # opens


def test_a_walked_folder_checks_its_docx(tmp_path: Path) -> None:
    draft(tmp_path / "report.docx")
    code, out, _ = run("check", str(tmp_path), "--format", "json", *TB)
    assert code == 1
    assert {f["path"] for f in json.loads(out)["findings"]} == {str(tmp_path / "report.docx")}


def test_a_docx_pair_is_checked_paragraph_by_paragraph(tmp_path: Path) -> None:
    source, target = docx.Document(), docx.Document()
    source.add_paragraph("共建一带一路取得成果。")
    source.add_paragraph("这一段没有术语。")
    target.add_paragraph("Cooperation has borne fruit.")
    target.add_paragraph("This paragraph names no term.")
    source.save(tmp_path / "zh.docx")
    target.save(tmp_path / "en.docx")
    code, out, err = run("check", str(tmp_path / "en.docx"), "--source", str(tmp_path / "zh.docx"),
                         "--format", "json", *TB)
    assert code == 1, err
    findings = json.loads(out)["findings"]
    assert [(f["code"], f["concept"], f["location"]) for f in findings] == [
        ("missing-term", "belt-and-road", {"part": "body", "paragraph": 1})]


def zipped(members: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return out.getvalue()


@pytest.mark.parametrize(("data", "message"), [
    (b"plain text pretending to be Word", "is not a .docx: not a zip archive"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600, "is password-protected or an old binary Word file (.doc)"),
    (zipped({"hello.txt": b"hi"}), "is not a .docx: the archive has no word/document.xml"),
    (zipped({"word/document.xml": b"<a/>", "EncryptedPackage": b"x"}), "is password-protected"),
    (zipped({"word/document.xml": b"<a/>", "bomb.bin": b"\0" * (8 * 1024 * 1024)}), "expands"),
    (zipped({"[Content_Types].xml": b"<Types", "word/document.xml": b"<w:document"}), "is not a readable .docx"),
])
def test_bad_packages_are_one_line_and_exit_2(tmp_path: Path, data: bytes, message: str) -> None:
    path = tmp_path / "broken.docx"
    path.write_bytes(data)
    code, out, err = run("check", str(path), *TB)
    assert code == 2
    assert err.count("\n") == 1 and message in err and str(path) in err
    assert "Traceback" not in err


def test_the_unpacked_size_cap_names_the_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(reader, "MAX_UNPACKED", 100)
    with pytest.raises(InputError, match="over the 100-byte limit"):
        reader.parse_bytes("big.docx", zipped({"word/document.xml": b"<x>" + b"a" * 200 + b"</x>"}))


def test_an_entity_declaration_in_any_part_is_refused_by_the_projects_own_check(tmp_path: Path) -> None:
    path = draft(tmp_path / "report.docx")
    with zipfile.ZipFile(path) as source:
        parts = {info.filename: source.read(info) for info in source.infolist()}
    laughs = b'<?xml version="1.0"?>\n<!DOCTYPE w [<!ENTITY a "ha"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>\n'
    parts["word/styles.xml"] = laughs + parts["word/styles.xml"].split(b"?>", 1)[1]
    hostile = tmp_path / "hostile.docx"
    with zipfile.ZipFile(hostile, "w") as out:
        for name, data in parts.items():
            out.writestr(name, data)
    with pytest.raises(InputError, match=r"word/styles.xml: entity declarations are refused") as info:
        reader.parse_bytes(str(hostile), hostile.read_bytes())
    assert info.value.line == 2


W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def notes_xml(kind: str, paragraphs: list[list[tuple[str, bool]]]) -> bytes:
    """A footnotes or endnotes part as Word writes it: the two separator notes, then one note per entry,
    each a paragraph whose first run carries the note's reference mark, then runs of (text, italic)."""
    def run(text: str, italic: bool) -> str:
        props = "<w:rPr><w:i/></w:rPr>" if italic else ""
        return f'<w:r>{props}<w:t xml:space="preserve">{text}</w:t></w:r>'

    notes = [f'<w:{kind} w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:{kind}>',
             f'<w:{kind} w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p>'
             f'</w:{kind}>']
    for number, runs in enumerate(paragraphs, 1):
        mark = f'<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:{kind}Ref/></w:r>'
        notes.append(f'<w:{kind} w:id="{number}"><w:p>{mark}{"".join(run(t, i) for t, i in runs)}</w:p></w:{kind}>')
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:{kind}s xmlns:w="{W}">'
            + "".join(notes) + f"</w:{kind}s>").encode()


def annotated(path: Path) -> Path:
    """A draft with a footnote, an endnote and a reviewer's comment, each naming a variant."""
    from docx.opc.constants import CONTENT_TYPE as CT
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from docx.opc.packuri import PackURI
    from docx.opc.part import Part
    from docx.oxml.parser import parse_xml

    document = docx.Document()
    body = document.add_paragraph("The summit text is clean")
    for kind, content_type, relation in (("footnote", CT.WML_FOOTNOTES, RT.FOOTNOTES),
                                         ("endnote", CT.WML_ENDNOTES, RT.ENDNOTES)):
        runs = [("Earlier drafts said ", False), ("One Belt, One Road", False), (" here", False),
                (" and kept this aside.", True)] if kind == "footnote" else [("See OBOR.", False)]
        part = Part(PackURI(f"/word/{kind}s.xml"), content_type, notes_xml(kind, [runs]), document.part.package)
        document.part.relate_to(part, relation)
        mark = body.add_run()
        mark._r.append(parse_xml(f'<w:{kind}Reference xmlns:w="{W}" w:id="1"/>'))
    anchor = document.add_paragraph().add_run("A clean sentence a reviewer remarked on.")
    document.add_comment(anchor, text="Was it the community of common destiny?", author="Reviewer", initials="R")
    document.save(path)
    return path


def test_footnotes_endnotes_and_comments_are_read_with_their_number(tmp_path: Path) -> None:
    path = annotated(tmp_path / "notes.docx")
    code, out, err = run("check", str(path), "--format", "json", *TB)
    assert code == 1, err
    found = [(f["found"], f["location"], f["fixable"]) for f in json.loads(out)["findings"]]
    assert found == [
        ("One Belt, One Road", {"part": "footnote", "number": 1, "paragraph": 1}, True),
        ("OBOR", {"part": "endnote", "number": 1, "paragraph": 1}, True),
        ("community of common destiny", {"part": "comment", "number": 1, "paragraph": 1}, True),
    ]
    _, out, _ = run("check", str(path), *TB)
    assert [line.rsplit(" [", 1)[1] for line in out.splitlines()] == [
        "footnote 1, paragraph 1]", "endnote 1, paragraph 1]", "comment 1, paragraph 1]"]


def test_fix_inside_notes_and_comments_leaves_every_other_run_alone(tmp_path: Path) -> None:
    path = annotated(tmp_path / "notes.docx")
    with zipfile.ZipFile(path) as package:
        before_parts = {name: package.read(name) for name in package.namelist()}
    before = runs_of(path)
    code, _, err = run("fix", str(path), *TB)
    assert code == 1, err
    assert "Fixed 3 findings" in err
    after = runs_of(path)
    assert [loc for loc, _t, _r in before] == [loc for loc, _t, _r in after]
    changed = {str(loc) for (loc, text, _), (_l, text2, _r) in zip(before, after) if text != text2}
    assert changed == {str((("part", kind), ("number", 1), ("paragraph", 1))) for kind in ("footnote", "endnote", "comment")}
    for (loc, text, runs), (_l, text2, runs2) in zip(before, after):
        if text == text2:
            assert runs == runs2, loc
    by_place = {loc[0][1]: (text, runs) for loc, text, runs in after if loc[0][1] != "body"}
    text, runs = by_place["footnote"]
    assert text == "Earlier drafts said Belt and Road here and kept this aside."
    assert runs[-1] == (" and kept this aside.", before[-3][2][-1][1])  # the italic run, as it was
    assert runs[0] == ("", runs[0][1])  # the note's reference mark is still its first run
    assert by_place["endnote"][0] == "See BRI."
    assert by_place["comment"][0] == "Was it the community with a shared future for mankind?"
    with zipfile.ZipFile(path) as package:
        after_parts = {name: package.read(name) for name in package.namelist()}
    assert set(after_parts) == set(before_parts)
    assert b'w:type="separator"' in after_parts["word/footnotes.xml"]
    assert b"<w:footnoteRef/>" in after_parts["word/footnotes.xml"]
    for name in ("word/styles.xml", "[Content_Types].xml"):
        assert after_parts[name] == before_parts[name]
    code, out, _ = run("check", str(path), "--format", "json", *TB)
    assert code == 0 and json.loads(out)["findings"] == []


@pytest.mark.parametrize(("damage", "message"), [
    (b'<?xml version="1.0"?>\n<!DOCTYPE w [<!ENTITY a "ha">]>\n<w:footnotes/>',
     "word/footnotes.xml: entity declarations are refused"),
    (b'<?xml version="1.0"?>\n<w:footnotes xmlns:w="' + W.encode() + b'"><w:footnote>',
     "is not a readable .docx: word/footnotes.xml"),
])
def test_a_hostile_or_broken_footnotes_part_is_one_line_and_exit_2(tmp_path: Path, damage: bytes,
                                                                   message: str) -> None:
    path = annotated(tmp_path / "notes.docx")
    with zipfile.ZipFile(path) as source:
        parts = {info.filename: source.read(info) for info in source.infolist()}
    parts["word/footnotes.xml"] = damage
    hostile = tmp_path / "hostile.docx"
    with zipfile.ZipFile(hostile, "w") as out:
        for name, data in parts.items():
            out.writestr(name, data)
    code, out, err = run("check", str(hostile), *TB)
    assert code == 2
    assert err.count("\n") == 1 and message in err and str(hostile) in err
    assert "Traceback" not in err
