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
        if os.path.getsize(path) > chunks.FROM * size:
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
