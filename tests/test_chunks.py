"""Large plain-text files checked a window at a time give the findings of the whole-text run."""

from __future__ import annotations

import codecs
import os
import tempfile

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from glossary import chunks
from glossary.runner import Input, Settings, run, stream

# Sentences of the kind the checker reads, with listed variants, accepted renderings of concepts with
# one and with several families, mojibake, Russian, a character outside the BMP and URLs.
UNITS = (
    "Officials again described the One Belt, One Road plan as open to all. ",
    "The Belt and Road Initiative has a new secretariat. ",
    "Delegates spoke of Belt and Road cooperation at length, ",
    "and of the Land and Maritime Silk Road Initiative too. ",
    "A community of common destiny was mentioned twice. ",
    "The report prefers a community with a shared future for mankind. ",
    "The OBOR strategy ",
    "It\u00e2\u20ac\u2122s the Belt and Road \u00e2\u20ac\u201c a plan. ",
    "Nothing here needs a change at all. ",
    "See https://example.org/one-belt-one-road/ for the old page. ",
    "the B&R countries signed ",
    "Проект «Один пояс, один путь» обсуждали долго. ",
    "Инициатива «Пояс и путь» открыта для всех. ",
    "A mathematical \U0001d400 sign. ",
    "One Belt,\nOne Road ",
    "\n",
    "\n",
    "\n\n",
    " \n \n",
)


def _write(text: str, newline: str = "\n", encoding: str = "utf-8") -> str:
    handle, path = tempfile.mkstemp(suffix=".txt")
    with os.fdopen(handle, "wb") as f:
        f.write(text.replace("\n", newline).encode(encoding))
    return path


def _in_windows(path: str, size: int) -> bool:
    """Whether the file is large enough and has no line of half its length."""
    with open(path, encoding="utf-8-sig", newline="") as f:
        text = f.read()
    return os.path.getsize(path) > chunks.FROM * size and 2 * max(map(len, text.split("\n"))) <= len(text)


def _both(path: str, settings_: Settings) -> tuple[list, list, object]:
    whole = list(run([Input(path)], settings_).findings)
    [outcome] = list(stream([Input(path)], settings_, chunked=True))
    return whole, list(outcome.findings), outcome


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(units=st.lists(st.sampled_from(UNITS), min_size=60, max_size=300),
       size=st.integers(min_value=16, max_value=1500), lang=st.sampled_from([None, "en"]),
       cap=st.sampled_from([None, 0, 2]), newline=st.sampled_from(["\n", "\r\n"]))
def test_windows_find_what_the_whole_text_run_finds(units: list[str], size: int, lang: str | None,
                                                    cap: int | None, newline: str) -> None:
    if lang is not None:
        size = max(size, 200)  # one segment: each window has its context either side, a few thousand characters
    path = _write("".join(units), newline)
    try:
        whole, windowed, outcome = _both(path, Settings(lang=lang, chunk_size=size, max_per_segment=cap))
        assert windowed == whole
        if _in_windows(path, size):
            assert outcome.document.text == ""  # it was read in windows
    finally:
        os.unlink(path)


@pytest.mark.parametrize("lang", [None, "en", "ru"])
def test_a_term_across_every_window_boundary_is_found_once(lang: str | None) -> None:
    # Every line ends halfway through a variant; with windows of one line each, every boundary cuts one.
    text = "".join(f"Line {i} speaks of the One Belt,\nOne Road and then of the OBOR\nstrategy. " for i in range(100))
    path = _write(text)
    try:
        for size in (57, 300):
            whole, windowed, outcome = _both(path, Settings(lang=lang, chunk_size=size))
            assert windowed == whole
            assert outcome.document.text == ""
        if lang != "ru":
            assert sum(f.code == "superseded-term" for f in whole) == 200
    finally:
        os.unlink(path)


def test_a_flood_note_comes_where_the_whole_run_puts_it() -> None:
    # One segment (no blank line): the note for the capped variant sits early, findings of other kinds follow it.
    text = "".join("The OBOR plan. A community of common destiny. Belt and Road cooperation. "
                   "The Land and Maritime Silk Road Initiative. It\u00e2\u20ac\u2122s odd.\n" for _ in range(120))
    path = _write(text)
    try:
        whole, windowed, _outcome = _both(path, Settings(lang="en", chunk_size=400, max_per_segment=5))
        assert any(f.code == "more-findings" for f in whole)
        assert windowed == whole
    finally:
        os.unlink(path)


@pytest.mark.parametrize("encoding,bom", [("utf-8", b""), ("utf-8", codecs.BOM_UTF8), ("utf-16-le", codecs.BOM_UTF16_LE),
                                          ("utf-16-be", codecs.BOM_UTF16_BE)])
def test_byte_order_marks_and_encodings_are_read_as_a_whole_read_does(encoding: str, bom: bytes) -> None:
    text = "".join(UNITS[i % len(UNITS)] for i in range(400))
    handle, path = tempfile.mkstemp(suffix=".txt")
    with os.fdopen(handle, "wb") as f:
        f.write(bom + text.encode(encoding))
    try:
        whole, windowed, outcome = _both(path, Settings(chunk_size=100))
        assert windowed == whole and whole
        assert outcome.document.text == "" and outcome.document.bom == bool(bom)
    finally:
        os.unlink(path)


@settings(max_examples=60, deadline=None)
@given(at=st.integers(min_value=0, max_value=5000), bad=st.sampled_from([b"\xff", b"\xc3(", b"\xe2\x82", b"\xed\xa0\x80"]),
       size=st.integers(min_value=16, max_value=700), bom=st.booleans())
def test_bytes_that_do_not_decode_are_the_same_error_and_no_finding(at: int, bad: bytes, size: int, bom: bool) -> None:
    body = "".join(UNITS[i % len(UNITS)] for i in range(150)).encode("utf-8")
    at = min(at, len(body))
    while at and (body[at] & 0xC0) == 0x80 if at < len(body) else False:
        at -= 1  # not inside a character
    data = (codecs.BOM_UTF8 if bom else b"") + body[:at] + bad + body[at:]
    handle, path = tempfile.mkstemp(suffix=".txt")
    with os.fdopen(handle, "wb") as f:
        f.write(data)
    try:
        [whole] = run([Input(path)], Settings(chunk_size=size)).outcomes
        [windowed] = list(stream([Input(path)], Settings(chunk_size=size), chunked=True))
        assert whole.error is not None
        assert str(windowed.error) == str(whole.error)
        assert windowed.document is None and not list(windowed.findings)
    finally:
        os.unlink(path)


@pytest.mark.parametrize("marker", ["<!-- glossary-disable-next-line -->\n", "<q>quoted\n\nOBOR</q>\n",
                                    "<BLOCKQUOTE class='x'>\nOBOR\n</blockquote>\n"])
def test_texts_whose_rules_reach_anywhere_are_read_whole(marker: str) -> None:
    text = "".join(UNITS[i % len(UNITS)] for i in range(300))
    path = _write(text[:2000] + marker + text[2000:])
    try:
        whole, windowed, outcome = _both(path, Settings(chunk_size=50))
        assert windowed == whole
        assert outcome.document.text  # read whole
    finally:
        os.unlink(path)


def test_only_plain_text_is_read_in_windows(tmp_path) -> None:  # type: ignore[no-untyped-def]
    text = "".join(UNITS[i % len(UNITS)] for i in range(300))
    for name in ("notes.md", "notes.txt", "notes"):
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        whole, windowed, outcome = _both(str(path), Settings(chunk_size=50))
        assert windowed == whole
        assert (outcome.document.text == "") == (name != "notes.md")
    small = tmp_path / "small.txt"
    small.write_text(text[:150], encoding="utf-8")
    [outcome] = list(stream([Input(str(small))], Settings(chunk_size=50), chunked=True))
    assert outcome.document.text  # four chunks or less: whole


def _fixed(path: str, settings_: Settings) -> tuple[object, object]:
    fixing = Settings(**{**{f: getattr(settings_, f) for f in settings_.__slots__}, "fix": True})
    [whole] = run([Input(path)], fixing).outcomes
    [windowed] = list(stream([Input(path)], fixing, chunked=True))
    return whole, windowed


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(units=st.lists(st.sampled_from(UNITS), min_size=60, max_size=250),
       size=st.integers(min_value=16, max_value=1500), lang=st.sampled_from([None, "en"]),
       fix_encoding=st.booleans(), bom=st.booleans())
def test_a_fix_in_windows_writes_the_bytes_of_the_whole_text_fix(units: list[str], size: int, lang: str | None,
                                                                 fix_encoding: bool, bom: bool) -> None:
    if lang is not None:
        size = max(size, 200)
    handle, path = tempfile.mkstemp(suffix=".txt")
    with os.fdopen(handle, "wb") as f:
        f.write((codecs.BOM_UTF8 if bom else b"") + "".join(units).encode("utf-8"))
    try:
        whole, windowed = _fixed(path, Settings(lang=lang, chunk_size=size, fix_encoding=fix_encoding))
        assert windowed.fixed_data == whole.fixed_data
        assert windowed.fixes == whole.fixes
        assert list(windowed.findings) == list(whole.findings)
        if _in_windows(path, size):
            assert windowed.fixed_text is None and windowed.document.text == ""
    finally:
        os.unlink(path)


def test_the_command_fixes_a_large_file_in_windows_and_leaves_it_whole_on_error(tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from glossary.cli import main
    from click.testing import CliRunner

    text = "".join(UNITS[i % len(UNITS)] for i in range(2000)) + "The OBOR is written in a\u00a0Latin-1 file.\n"
    good = tmp_path / "good.txt"
    good.write_text(text, encoding="utf-8")
    whole = tmp_path / "whole.txt"
    whole.write_text(text, encoding="utf-8")
    monkeypatch.setattr(chunks, "CHUNK", 4096)  # the default chunk, small enough for a small file
    result = CliRunner().invoke(main, ["fix", "--format", "json", str(good)])
    monkeypatch.setattr(chunks, "CHUNK", 0)
    reference = CliRunner().invoke(main, ["fix", "--format", "json", str(whole)])
    assert result.exit_code == reference.exit_code == 1
    assert good.read_bytes() == whole.read_bytes() != text.encode("utf-8")
    assert result.output.replace(str(good), "X") == reference.output.replace(str(whole), "X")
    # A rendering Latin-1 cannot hold: one line, exit 2, the file as it was and no temporary file beside it.
    terms = tmp_path / "terms.yaml"
    terms.write_text("""concepts:
  - id: dash
    note: A test concept.
    sources: [{publisher: Test, title: Test source, date: "2024", langs: [en]}]
    terms:
      en:
        - {text: "Silk Road \u2014 Plan", status: preferred}
        - {text: Silk Road Scheme, status: deprecated}
""", encoding="utf-8")
    latin = tmp_path / "latin.txt"
    latin.write_bytes(("Nothing to see in this line.\n" * 600 + "The Silk Road Scheme, at last.\n").encode("latin-1"))
    before = latin.read_bytes()
    monkeypatch.setattr(chunks, "CHUNK", 4096)
    result = CliRunner().invoke(main, ["fix", "--no-default", "--termbase", str(terms), "--encoding", "latin-1",
                                       str(latin)])
    assert result.exit_code == 2, result.output
    assert "cannot encode the fixed text as latin-1" in result.output and "Traceback" not in result.output
    assert latin.read_bytes() == before
    russian = CliRunner().invoke(main, ["--locale", "ru", "fix", "--no-default", "--termbase", str(terms),
                                        "--encoding", "latin-1", str(latin)])
    assert russian.exit_code == 2 and "не удаётся закодировать исправленный текст в latin-1" in russian.output
    assert latin.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["good.txt", "latin.txt", "terms.yaml", "whole.txt"]
    # A write that fails at the end (a full disk at the rename) leaves the file as it was too.
    big = tmp_path / "big.txt"
    big.write_text(text, encoding="utf-8")

    def full(src: str, dst: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", full)
    result = CliRunner().invoke(main, ["fix", str(big)])
    assert result.exit_code == 2 and "No space left on device" in result.output
    assert big.read_text(encoding="utf-8") == text
    assert sorted(p.name for p in tmp_path.iterdir()) == ["big.txt", "good.txt", "latin.txt", "terms.yaml", "whole.txt"]


def test_a_file_that_is_mostly_one_line_is_read_whole(tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "line.txt"
    path.write_text("Short first line.\n" + "The OBOR plan and more words. " * 200 + "\nlast\n", encoding="utf-8")
    whole, windowed, outcome = _both(str(path), Settings(chunk_size=64))
    assert windowed == whole and whole
    assert outcome.document.text  # no window would be smaller than the line
