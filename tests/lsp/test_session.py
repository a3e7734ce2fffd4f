"""The session checks through the runner: settings files, term bases and bad input as `glossary check` has them."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("lsprotocol")

from glossary.lsp.actions import fix_all, quick_fixes, whole_edit  # noqa: E402
from glossary.lsp.diagnostics import diagnostic, diagnostics  # noqa: E402
from glossary.lsp.hover import concept_at, markdown  # noqa: E402
from glossary.lsp.session import Session  # noqa: E402
from glossary.lsp.units import Lines  # noqa: E402
from glossary.runner import Settings  # noqa: E402

from ..conftest import TERMBASE  # noqa: E402

TEXT = "They joined the One Belt, One Road plan.\n"


@pytest.fixture
def session(tmp_path: Path) -> Session:
    return Session(root=str(tmp_path), settings=Settings(termbases=(str(TERMBASE),), no_default=True))


def test_findings_become_diagnostics_with_the_concept_as_related_information(session: Session, tmp_path: Path) -> None:
    checked = session.check((tmp_path / "a.md").as_uri(), TEXT, 1)
    [found] = diagnostics(checked, session.context(checked.uri)[1])
    assert (found.code, found.range.start.character, found.range.end.character) == ("superseded-term", 16, 34)
    assert found.related_information[0].location.uri == TERMBASE.resolve().as_uri()
    assert found.code_description.href.endswith("codes.md#superseded-term")


def test_a_byte_order_mark_does_not_shift_the_ranges(session: Session, tmp_path: Path) -> None:
    checked = session.check((tmp_path / "a.txt").as_uri(), "\ufeff" + TEXT, 1)
    [found] = diagnostics(checked)
    assert found.range.start.character == 17
    [action] = quick_fixes(checked, [(checked.findings[0], found)])
    assert action.edit.changes[checked.uri][0].range.start.character == 17
    assert session.fixed_text(checked).startswith("\ufeffThey joined the Belt and Road plan.")


def test_a_broken_settings_file_is_one_diagnostic_not_a_crash(session: Session, tmp_path: Path) -> None:
    (tmp_path / ".glossary.toml").write_text("lang = [\n", encoding="utf-8")
    checked = session.check((tmp_path / "a.md").as_uri(), TEXT, 1)
    [found] = diagnostics(checked)
    assert ".glossary.toml" in found.message and (found.range.start.line, found.range.start.character) == (0, 0)


def test_a_broken_document_is_reported_at_its_position(session: Session, tmp_path: Path) -> None:
    checked = session.check((tmp_path / "a.po").as_uri(), 'msgid "x"\nmsgstr "unterminated\n', 1)
    [found] = diagnostics(checked)
    assert found.range.start.line == 1


def test_an_edited_settings_file_is_noticed_by_its_modification_time(session: Session, tmp_path: Path) -> None:
    import os

    settings = tmp_path / ".glossary.toml"
    settings.write_text("disable = []\n", encoding="utf-8")
    uri = (tmp_path / "a.md").as_uri()
    assert session.check(uri, TEXT).findings
    settings.write_text('disable = ["superseded-term"]\n', encoding="utf-8")
    os.utime(settings, ns=(settings.stat().st_mtime_ns + 10**9,) * 2)
    assert not session.check(uri, TEXT).findings


def test_an_unsaved_buffer_takes_the_settings_at_the_workspace_root(session: Session, tmp_path: Path) -> None:
    (tmp_path / ".glossary.toml").write_text('disable = ["superseded-term"]\n', encoding="utf-8")
    assert not session.check("untitled:Untitled-1", TEXT, 1, "markdown").findings


def test_hover_names_the_concept_its_renderings_and_sources(session: Session, tmp_path: Path) -> None:
    text = "The Belt and Road Initiative grew.\n"
    checked = session.check((tmp_path / "a.md").as_uri(), text)
    _cfg, tb, _options = session.context(checked.uri)
    concept, lang, span = concept_at(checked, text.index("Road"), tb)
    assert (concept.id, lang, text[span.start:span.end]) == ("belt-and-road", "en", "Belt and Road Initiative")
    shown = markdown(concept, lang)
    assert "**Belt and Road Initiative** (preferred)" in shown and "~~One Belt, One Road~~ (superseded)" in shown
    assert "NDRC" in shown
    assert concept_at(checked, text.index("grew"), tb) is None


def test_fix_all_is_one_edit_over_the_changed_part(session: Session, tmp_path: Path) -> None:
    text = "Intro.\n\n" + TEXT + "\nOutro.\n"
    checked = session.check((tmp_path / "a.md").as_uri(), text)
    assert fix_all(checked) is not None
    [edit] = whole_edit(checked, session.fixed_text(checked)).changes[checked.uri]
    assert edit.range.start.line == edit.range.end.line == 2
    assert edit.new_text in "Belt and Road"


def test_an_unfixable_finding_offers_no_replacement(session: Session, tmp_path: Path) -> None:
    checked = session.check((tmp_path / "a.md").as_uri(), "Ð§Ð¸Ð½Ð° Belt and Road Initiative\n")
    unfixable = [f for f in checked.findings if not f.fixable]
    assert unfixable
    lines = Lines(checked.text)
    assert quick_fixes(checked, [(f, diagnostic(f, lines)) for f in unfixable]) == []
