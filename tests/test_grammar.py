"""Fixes that read right: the words around a replacement (issue 12, point 6)."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from glossary import normalize
from glossary.checks import check_text
from glossary.cli import main
from glossary.grammar import article_for, english, head_plural, is_plural
from glossary.termbase import TermBase, load

TERMS = """\
version: 1
concepts:
  - id: bri
    note: The initiative.
    sources: [{publisher: Test, title: Test source, date: "2024", langs: [en]}]
    terms:
      en:
        - {text: Belt and Road Initiative, status: preferred}
        - {text: Belt and Road, status: admitted}
        - {text: OBOR, status: superseded, fix_to: Belt and Road Initiative}
        - {text: "One Belt, One Road", status: superseded, fix_to: Belt and Road}
        - {text: Belt and Road strategy, status: deprecated, fix_to: Belt and Road Initiative}
        - {text: Belt and Road Initiatives, status: deprecated, fix_to: Belt and Road Initiative}
  - id: sco
    note: An organization.
    sources: [{publisher: Test, title: Test source, date: "2024", langs: [en]}]
    terms:
      en:
        - {text: SCO, status: preferred}
        - {text: Shanghai Pact, status: deprecated, fix_to: SCO}
  - id: unity
    note: A made-up name starting with a vowel letter and a consonant sound.
    sources: [{publisher: Test, title: Test source, date: "2024", langs: [en]}]
    terms:
      en:
        - {text: unified market, status: preferred}
        - {text: joint market, status: deprecated}
  - id: modernization
    note: A name written without an article.
    sources: [{publisher: Test, title: Test source, date: "2024", langs: [en]}]
    terms:
      en:
        - {text: Chinese modernization, status: preferred, article: none}
        - {text: Chinese-style modernization, status: deprecated}
"""


@pytest.fixture(scope="module")
def tb(tmp_path_factory: pytest.TempPathFactory) -> TermBase:
    path = tmp_path_factory.mktemp("grammar") / "terms.yaml"
    path.write_text(TERMS, encoding="utf-8")
    return load([path], default=False, use_cache=False)


@pytest.mark.parametrize(
    ("text", "fixed"),
    [
        ("It was an One Belt, One Road plan.", "It was a Belt and Road plan."),
        ("An One Belt, One Road plan.", "A Belt and Road plan."),
        ("They joined a Shanghai Pact meeting.", "They joined an SCO meeting."),
        ("They praised the Chinese-style modernization.", "They praised Chinese modernization."),
        ("The Belt and Road strategies are new.", "The Belt and Road Initiative is new."),
        ("The Belt and Road Initiatives were praised.", "The Belt and Road Initiative was praised."),
        ("The Belt and Road Initiatives grew.", "The Belt and Road Initiative grew."),
        ("We saw a OBOR project.", "We saw a Belt and Road Initiative project."),
    ],
)
def test_article_and_auxiliary_follow_the_fix(tb: TermBase, text: str, fixed: str) -> None:
    assert normalize(text, "en", tb) == fixed
    [finding] = [f for f in check_text(text, "en", tb) if f.code != "check-grammar"]
    assert finding.suggestion is not None
    assert text[:finding.start] + finding.suggestion + text[finding.end:] == fixed


def test_an_unsure_article_gets_a_note_and_the_term_is_still_fixed(tb: TermBase) -> None:
    text = "They set up a joint market."
    codes = sorted(f.code for f in check_text(text, "en", tb))
    assert codes == ["check-grammar", "deprecated-term"]
    assert normalize(text, "en", tb) == "They set up a unified market."


def test_a_verb_after_a_subject_that_changed_number_gets_a_note(tb: TermBase) -> None:
    text = "The Belt and Road strategies grow fast."
    [note, term] = check_text(text, "en", tb)  # one span: sorted by code
    assert (term.code, note.code, note.severity.value) == ("deprecated-term", "check-grammar", "info")
    assert '"grow"' in note.reason and not note.fixable


def test_fix_reports_the_note_at_the_fixed_span(tb: TermBase, tmp_path: Path) -> None:
    p = tmp_path / "draft.txt"
    p.write_text("The Belt and Road strategies grow fast.\n", encoding="utf-8")
    terms = tmp_path / "terms.yaml"
    terms.write_text(TERMS, encoding="utf-8")
    result = CliRunner().invoke(main, ["fix", str(p), "--no-default", "--termbase", str(terms), "-q",
                                       "--format", "json"])
    import json

    [note] = json.loads(result.stdout)["findings"]
    assert (note["code"], note["found"], note["column"]) == ("check-grammar", "Belt and Road Initiative", 5)
    assert p.read_text(encoding="utf-8") == "The Belt and Road Initiative grow fast.\n"


@pytest.mark.parametrize(("word", "article"), [
    ("Initiative", "an"), ("Belt", "a"), ("SCO", "an"), ("BRI", "a"), ("hour", "an"), ("unified", None),
    ("European", None), ("one", None), ("history", None),
])
def test_article_for(word: str, article: str | None) -> None:
    assert article_for(word) == article


def test_plural_is_told_by_the_regular_rules() -> None:
    assert is_plural("Luban Workshops") and is_plural("strategies") and not is_plural("Initiative")
    assert not is_plural("Silk Road Economic Belt") and not is_plural("process")


def test_a_names_number_is_its_head_nouns() -> None:
    # The verb after "Productive forces of a new quality" agrees with "forces", not "quality".
    assert head_plural("Productive forces of a new quality") and head_plural("new quality productive forces")
    assert not head_plural("community of common destiny for all peoples") and head_plural("Belt and Road Initiatives")
    # With no preposition after a word, the last word decides.
    assert head_plural("of the plans") and not head_plural("the process")
    # A preposition inside a hyphenated compound ends no head.
    assert head_plural("people-to-people and cultural exchanges")


def test_a_plural_head_before_an_of_phrase_keeps_its_verb() -> None:
    text = "Productive forces of a new quality are changing industry."
    around = english(text, 0, 34, text[:34], "New quality productive forces")
    assert (around.after, around.suffix, around.unsure) == (0, "", "")
    # The number did change: singular head, plural replacement, the verb follows.
    text = "The force of a new quality is changing industry."
    around = english(text, 4, 26, text[4:26], "new quality productive forces")
    assert around.suffix == " are"


def test_nothing_changes_where_nothing_needs_to() -> None:
    around = english("the One Belt, One Road plan", 4, 22, "One Belt, One Road", "Belt and Road")
    assert (around.before, around.after, around.unsure) == (0, 0, "")


RUSSIAN = """\
version: 1
concepts:
  - id: strategy
    note: A test concept.
    sources: [{publisher: Test, title: Test source, date: "2024", langs: [ru]}]
    terms:
      ru:
        - {text: стратегия, status: preferred}
        - {text: проект, status: deprecated}
  - id: forum
    note: A test concept.
    sources: [{publisher: Test, title: Test source, date: "2024", langs: [ru]}]
    terms:
      ru:
        - {text: всемирный форум, status: preferred}
        - {text: собрание, status: deprecated}
"""


@pytest.mark.parametrize(
    ("text", "fixed"),
    [
        ("Работали с проектом.", "Работали со стратегией."),
        ("Пришли к собранию.", "Пришли ко всемирному форуму."),
        ("Были в собрании.", "Были во всемирном форуме."),
        ("С проектом работали.", "Со стратегией работали."),
        ("Говорили о проекте.", "Говорили о стратегии."),
    ],
)
def test_russian_prepositions_follow_the_fix(tmp_path: Path, text: str, fixed: str) -> None:
    path = tmp_path / "ru.yaml"
    path.write_text(RUSSIAN, encoding="utf-8")
    ru = load([path], default=False, use_cache=False)
    assert normalize(text, "ru", ru) == fixed
    [finding] = check_text(text, "ru", ru)
    assert text[:finding.start] + (finding.suggestion or "") + text[finding.end:] == fixed
