from __future__ import annotations

from glossary.checks import check_text
from glossary.model import Severity
from glossary.termbase import TermBase


def test_superseded_term_is_an_error_with_the_fix_target(tb: TermBase) -> None:
    text = "Delegates praised the One Belt, One Road plan."
    [f] = check_text(text, "en", tb)
    assert (f.code, f.severity, f.found, f.suggestion, f.concept_id) == (
        "superseded-term", Severity.ERROR, "One Belt, One Road", "Belt and Road", "belt-and-road")
    assert text[f.span.start:f.span.end] == f.found
    assert (f.line, f.column, f.end_line, f.end_column) == (1, 23, 1, 41)
    assert f.fixable


def test_deprecated_term_suggests_the_preferred_rendering(tb: TermBase) -> None:
    [f] = check_text("a community of shared destiny", "en", tb)
    assert (f.code, f.suggestion) == ("deprecated-term", "community with a shared future for mankind")
    assert "source: Xinhua" in f.reason


def test_position_on_a_later_line_after_crlf(tb: TermBase) -> None:
    [f] = check_text("First line.\r\nSecond: OBOR\r\n", "en", tb)
    assert (f.line, f.column, f.end_column) == (2, 9, 13)


def test_finding_spanning_a_line_break(tb: TermBase) -> None:
    [f] = check_text("the One Belt,\nOne Road", "en", tb)
    assert (f.line, f.column, f.end_line, f.end_column) == (1, 5, 2, 9)


def test_official_text_is_clean(tb: TermBase) -> None:
    assert check_text("The Belt and Road Initiative (BRI) and the Belt and Road Forum.", "en", tb) == []


def test_word_that_is_also_right_for_another_concept_is_not_flagged(tb: TermBase) -> None:
    """"poverty alleviation" is wrong for 减贫 but right for 扶贫: monolingual check says nothing."""
    assert check_text("Targeted poverty alleviation helped villages.", "en", tb) == []


def test_lang_is_guessed_from_script(tb: TermBase) -> None:
    [f] = check_text("Он говорил об «Один пояс, один путь».", None, tb)
    # The fix takes in the preposition: «об» before «Один», «о» before «Пояс».
    assert f.lang == "ru" and f.suggestion == "о «Пояс и путь»"


def test_a_variant_finding_carries_the_variants_own_sources_beside_the_suggestions() -> None:
    from ..conftest import river_pact

    tb = river_pact('{publisher: Valley Weekly, title: Dam talks, url: "https://example.org/dam", date: "2022-03-01"}',
                    "{text: River Accord, status: deprecated}")
    seen, plain = check_text("The Basin River Treaty and the River Accord were signed.", "en", tb)
    assert [s.publisher for s in seen.sources] == ["Ministry"]  # what to write, as before
    assert [s.publisher for s in seen.found_sources] == ["Valley Weekly"]  # where the variant was seen
    assert plain.found_sources == ()  # no evidence recorded for it


def test_a_russian_deprecated_term_after_a_noun_is_fixed_in_an_oblique_case() -> None:
    from glossary.termbase import loads

    tb = loads("""\
concepts:
  - id: lake-modernization
    terms:
      ru:
        - {text: озерная модернизация, status: preferred}
        - {text: модернизация с озерной спецификой, status: deprecated}
""", "t.yaml")
    # «модернизации» reads as the genitive, dative or prepositional singular or as the nominative or
    # accusative plural; after the noun «процесса» only the singular remains, written alike in all three.
    [f] = check_text("Доклад описывает ход процесса модернизации с озерной спецификой.", "ru", tb)
    assert (f.suggestion, f.fixable) == ("озерной модернизации", True)
    # After a verb the plural stays possible: no fix is written.
    [f] = check_text("Эксперты изучают модернизации с озерной спецификой.", "ru", tb)
    assert not f.fixable
