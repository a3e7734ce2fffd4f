from __future__ import annotations

import textwrap

import pytest
from hypothesis import given
from hypothesis import strategies as st

from glossary import check_pair, normalize
from glossary.checks import Options, check_text
from glossary.model import Severity
from glossary.termbase import loads

BASE = textwrap.dedent("""\
    concepts:
      - id: shared-future
        terms:
          zh: [{text: 命运共同体, status: preferred}]
          en:
            - {text: community with a shared future, status: preferred}
            - {text: community of shared future, status: admitted}
            - {text: community of common destiny, status: deprecated}
          ru:
            - {text: сообщество единой судьбы, status: preferred}
            - {text: сообщество с общим будущим, status: deprecated}
      - id: shared-future-mankind
        terms:
          zh: [{text: 人类命运共同体, status: preferred}]
          en:
            - {text: community with a shared future for mankind, status: preferred}
            - {text: community of common destiny for humanity, status: deprecated}
    """)


@pytest.fixture(scope="module")
def tb():  # type: ignore[no-untyped-def]
    return loads(BASE, "t.yaml")


def test_an_unlisted_variant_is_a_warning_with_the_preferred_rendering_in_the_found_number(tb) -> None:  # type: ignore[no-untyped-def]
    [f] = check_text("They built communities of shared destiny.", "en", tb)
    assert (f.code, f.severity, f.found, f.suggestion, f.concept_id) == (
        "unlisted-variant", Severity.WARNING, "communities of shared destiny", "communities with a shared future",
        "shared-future")
    assert "destiny (future)" in f.reason and "3 of 3" in f.reason
    assert not f.fixable


def test_it_is_fixed_only_with_unsafe_fixes(tb) -> None:  # type: ignore[no-untyped-def]
    text = "Communities of shared destiny were discussed."
    assert normalize(text, "en", tb) == text
    assert normalize(text, "en", tb, unsafe_fixes=True) == "Communities with a shared future were discussed."
    [f] = check_text(text, "en", tb, Options(unsafe_fixes=True))
    assert f.fixable


@pytest.mark.parametrize("text", [
    "The community with a shared future grew.",
    "Communities with a shared future grew.",  # the preferred rendering in the plural
    "communities of shared future",  # an admitted one
    "a shared future, not a community",
    "The future of the community is shared.",
])
def test_listed_renderings_and_prose_stay_clean(tb, text: str) -> None:  # type: ignore[no-untyped-def]
    assert [f.code for f in check_text(text, "en", tb)] == []


def test_a_listed_variant_keeps_its_own_code(tb) -> None:  # type: ignore[no-untyped-def]
    assert [f.code for f in check_text("a community of common destiny", "en", tb)] == ["deprecated-term"]


def test_a_longer_unlisted_variant_wins_over_a_listed_one_inside_it(tb) -> None:  # type: ignore[no-untyped-def]
    [f] = check_text("a community of common destiny for mankind", "en", tb)
    assert (f.code, f.concept_id, f.found) == ("unlisted-variant", "shared-future-mankind", "community of common destiny for mankind")


def test_russian_variant_in_an_oblique_case(tb) -> None:  # type: ignore[no-untyped-def]
    [f] = check_text("Речь шла о сообществе с единой судьбой.", "ru", tb)
    assert (f.code, f.found, f.suggestion) == ("unlisted-variant", "сообществе с единой судьбой", "сообществе единой судьбы")


def test_bilingual_reports_the_variant_not_a_missing_term(tb) -> None:  # type: ignore[no-untyped-def]
    found = check_pair("构建命运共同体", "to build communities of shared destiny", "zh", "en", tb)
    assert [(f.code, f.found) for f in found] == [("unlisted-variant", "communities of shared destiny")]
    found = check_pair("构建命运共同体", "to build a common home", "zh", "en", tb)
    assert [f.code for f in found] == ["missing-term"]


def test_the_code_can_be_disabled(tb) -> None:  # type: ignore[no-untyped-def]
    assert check_text("communities of shared destiny", "en", tb, Options(disable=frozenset({"unlisted-variant"}))) == []


NEAR = textwrap.dedent("""\
    concepts:
      - id: harbour-league
        terms:
          en:
            - {text: league of harbours for the northern seas, status: preferred}
            - {text: league of harbours for the northern waters, status: admitted}
            - {text: northern league of harbours, status: admitted}
            - {text: union of ports for the northern seas, status: deprecated}
          ru:
            - {text: Идеи союза о северных морях, status: preferred}
    """)


@pytest.mark.parametrize(("text", "suggestion"), [
    # "waters" is found: the admitted rendering with "waters" in the same place is nearer.
    ("A union of ports for the northern waters met.", "league of harbours for the northern waters"),
    # Nothing found that an admitted rendering has in the preferred one's place: the preferred one.
    ("Leagues of ports for the northern seas met.", "Leagues of harbours for the northern seas"),
])
def test_the_suggestion_is_the_nearest_accepted_rendering(text: str, suggestion: str) -> None:
    tb = loads(NEAR, "t.yaml")
    [f] = check_text(text, "en", tb)
    assert (f.code, f.suggestion) == ("unlisted-variant", suggestion)


def test_a_shortened_name_followed_by_the_preposition_of_its_missing_part_names_something_else() -> None:
    tb = loads(NEAR, "t.yaml")
    # «идеи союза о … морях» without «северных» is the name shortened; «о южных странах» names something else.
    assert [f.code for f in check_text("Речь шла об идеях союза о морях.", "ru", tb)] == ["unlisted-variant"]
    assert check_text("Речь шла об идеях союза о южных странах.", "ru", tb) == []
    # Nor is a name cut after an adjective: a Russian name ends with a noun.
    assert check_text("Речь шла об идеях союза о северных.", "ru", tb) == []


ABBR = textwrap.dedent("""\
    concepts:
      - id: lakes-org
        terms:
          zh: [{text: 湖泊组织, status: preferred}]
          en:
            - {text: Great Lakes Organisation, status: preferred}
            - {text: GLO, status: admitted, abbreviation_of: Great Lakes Organisation}
          ru:
            - {text: Организация Великих озер, status: preferred}
            - {text: ОВО, status: admitted, abbreviation_of: Организация Великих озер}
      - id: lakes-plan
        terms:
          zh: [{text: 湖泊计划, status: preferred}]
          en:
            - {text: Great Lakes Plan, status: preferred}
            - {text: GLP, status: admitted, abbreviation_of: Great Lakes Plan}
          ru:
            - {text: План Великих озер, status: preferred}
    """)


@pytest.fixture(scope="module")
def abbr():  # type: ignore[no-untyped-def]
    return loads(ABBR, "t.yaml")


@pytest.mark.parametrize(("text", "lang", "concept", "found", "suggestion"), [
    ("Саммит GLO прошел в Казани.", "ru", "lakes-org", "GLO", "ОВО"),
    ("Проекты GLP охватывают регион.", "ru", "lakes-plan", "GLP", "План Великих озер"),  # no Russian abbreviation
    ("The ОВО summit met in Kazan.", "en", "lakes-org", "ОВО", "GLO"),
])
def test_an_abbreviation_in_the_other_script_is_an_unlisted_variant(abbr, text: str, lang: str, concept: str, found: str,
                                                                    suggestion: str) -> None:  # type: ignore[no-untyped-def]
    [f] = check_text(text, lang, abbr)
    assert (f.code, f.concept_id, f.found, f.suggestion) == ("unlisted-variant", concept, found, suggestion)


@pytest.mark.parametrize("text", [
    "Саммит ОВО прошел в Казани.",  # the language's own abbreviation
    "Саммит GLOBAL прошел, GLOs тоже.",  # inside a longer word
    "См. https://example.org/GLO/plan.",  # inside a URL
])
def test_an_abbreviation_of_the_texts_own_script_or_inside_a_word_is_no_variant(abbr, text: str) -> None:  # type: ignore[no-untyped-def]
    assert [f for f in check_text(text, "ru", abbr) if f.code == "unlisted-variant"] == []


def test_a_translation_with_the_source_concepts_abbreviation_in_the_other_script(abbr) -> None:  # type: ignore[no-untyped-def]
    found = check_pair("湖泊组织峰会", "Саммит GLO прошел в Казани.", "zh", "ru", abbr)
    assert [(f.code, f.found, f.suggestion) for f in found] == [("unlisted-variant", "GLO", "ОВО")]
    # With nothing of the concept in the target, it is still missing.
    assert [f.code for f in check_pair("湖泊组织峰会", "Саммит прошел в Казани.", "zh", "ru", abbr)] == ["missing-term"]


_ABBR_PIECES = ["GLO", "GLP", "ОВО", "GLOBAL", "гло", " ", ".", "-", "_", "/", "x", "Саммит", "Great", "Lakes"]


@given(st.lists(st.sampled_from(_ABBR_PIECES), max_size=12).map("".join))
def test_an_abbreviation_hit_is_a_whole_word_of_the_table(text: str) -> None:
    from glossary.checks.variants import abbreviations, foreign_hits

    tb = loads(ABBR, "t.yaml")
    table = abbreviations(tb, "ru")
    for _concept, _lang, _write, span in foreign_hits(text, "ru", [], tb):
        assert text[span.start:span.end] in table.found
        assert span.start == 0 or not (text[span.start - 1].isalnum() or text[span.start - 1] == "_")
        assert span.end == len(text) or not (text[span.end].isalnum() or text[span.end] == "_")


@pytest.mark.parametrize(("text", "lang"), [
    ("Организация Великих озер (GLO) провела саммит.", "ru"),
    ("«Организация Великих озер» (GLO) провела саммит.", "ru"),
    ("Организацию Великих озер [GLO] создали в Казани.", "ru"),
    ("The Great Lakes Organisation (ОВО) met in Kazan.", "en"),
])
def test_an_abbreviation_in_brackets_after_its_concepts_name_is_a_gloss(abbr, text: str, lang: str) -> None:  # type: ignore[no-untyped-def]
    assert [f for f in check_text(text, lang, abbr) if f.code == "unlisted-variant"] == []


@pytest.mark.parametrize("text", [
    "План Великих озер (GLO) принят.",  # after another concept's name: no gloss of it
    "Саммит (GLO) прошел в Казани.",  # after no name
    "Организация Великих озер провела саммит GLO.",  # not in brackets
    "Организация Великих озер (GLO и ОВО) провела саммит.",  # not alone in them
])
def test_an_abbreviation_that_glosses_no_name_of_its_concept_is_still_a_variant(abbr, text: str) -> None:  # type: ignore[no-untyped-def]
    assert [f.found for f in check_text(text, "ru", abbr) if f.code == "unlisted-variant"] == ["GLO"]


@pytest.mark.parametrize("lang", ["ru", "en"])
def test_the_abbreviations_table_read_from_the_disk_cache_is_the_one_built(abbr, lang: str) -> None:  # type: ignore[no-untyped-def]
    from glossary.checks.variants import _abbreviations, abbreviations
    from glossary.state import STATE

    STATE.clear()
    abbreviations(abbr, lang)  # built, and written to the (per-test-session) cache
    STATE.clear()
    cached = abbreviations(abbr, lang)  # read back
    built = _abbreviations(abbr, lang)
    assert (cached.keys, cached.found) == (built.keys, built.found) != ([], {})
    text = "Саммит GLO прошел." if lang == "ru" else "The ОВО summit met."
    assert list(cached.scan(text)) == list(built.scan(text)) != []  # type: ignore[operator]


@pytest.mark.parametrize(("found", "suggestion", "written"), [
    ("Великое возрождение нации", "великое возрождение китайской нации", "Великое возрождение китайской нации"),
    ("инициатива в области озер", "Инициатива озер", "инициатива озер"),
    ("Инициатива в области озер", "Инициатива озер", "Инициатива озер"),
    # A capital further in: a proper name, which keeps its first capital too.
    ("экономическая зона Озерного пути", "Экономический пояс Озерного пути", "Экономический пояс Озерного пути"),
    ("ИНИЦИАТИВА ОЗЕР", "Инициатива озер", "Инициатива озер"),  # capitals throughout: keep_case's to decide
    ("«инициатива озер»", "Инициатива озер", "инициатива озер"),
])
def test_a_russian_suggestion_takes_the_case_of_the_found_first_letter(found: str, suggestion: str,
                                                                        written: str) -> None:
    from glossary.checks.variants import _ru_first_capital

    assert _ru_first_capital(found, suggestion) == written


def test_a_russian_finding_inside_a_sentence_keeps_the_found_capital(tb) -> None:  # type: ignore[no-untyped-def]
    [f] = check_text("Речь шла о Сообществе с единой судьбой.", "ru", tb)
    assert (f.code, f.found, f.suggestion) == ("unlisted-variant", "Сообществе с единой судьбой", "Сообществе единой судьбы")


def _variants(tb, text: str) -> list[tuple[str, str | None]]:  # type: ignore[no-untyped-def]
    return [(f.found, f.suggestion) for f in check_text(text, "en", tb) if f.code == "unlisted-variant"]


def test_an_acronym_defined_for_a_variant_is_that_variant_wherever_it_is_used(tb) -> None:  # type: ignore[no-untyped-def]
    # Defined in brackets after a deprecated rendering (reported there by its own code), used in the
    # next paragraph and again in the same one: each use is the variant, written as the preferred rendering.
    text = ("The community of common destiny (CCD) was the theme.\n\n"
            "The CCD then spread; the CCD grew.")
    assert _variants(tb, text) == [("CCD", "community with a shared future")] * 2
    # ... and after an unlisted one, whose letters may skip the function words or not.
    text = "A community of shared destiny (COSD) was named. COSD was everywhere."
    assert _variants(tb, text) == [("community of shared destiny", "community with a shared future"),
                                   ("COSD", "community with a shared future")]


@pytest.mark.parametrize("text", [
    # An acronym of other letters, or in brackets after nothing of a concept, defines nothing.
    "The community of common destiny (CSF) was the theme. The CSF grew.",
    "The Committee on Commerce and Development (CCD) met. The CCD grew.",
    # An acronym of an accepted rendering is that rendering.
    "The community with a shared future (CSF) was the theme. The CSF grew.",
    # Used before it is defined, or inside a longer word: no use.
    "The CCD met first. The community of common destiny (CCD) was the theme. The CCDs and XCCD grew.",
])
def test_acronyms_that_name_no_variant_stay_clean(tb, text: str) -> None:  # type: ignore[no-untyped-def]
    assert [f for f, _ in _variants(tb, text)] == []


def _ru_variants(tb, text: str) -> list[tuple[str, str | None]]:  # type: ignore[no-untyped-def]
    return [(f.found, f.suggestion) for f in check_text(text, "ru", tb) if f.code == "unlisted-variant"]


def test_a_russian_acronym_defined_for_a_variant_is_that_variant_wherever_it_is_used(tb) -> None:  # type: ignore[no-untyped-def]
    # After a deprecated rendering, of its content words' initials or of every word's.
    text = "Сообщество с общим будущим (СОБ) обсуждали долго.\n\nПотом о СОБ писали газеты; СОБ стало лозунгом."
    assert _ru_variants(tb, text) == [("СОБ", "сообщество единой судьбы")] * 2
    text = "Сообщество с общим будущим (ССОБ) обсуждали. ССОБ было темой."
    assert _ru_variants(tb, text) == [("ССОБ", "сообщество единой судьбы")]
    # After an unlisted one.
    text = "Говорили о сообществе единого будущего (СЕБ). СЕБ обсуждали все."
    assert _ru_variants(tb, text) == [("сообществе единого будущего", "сообществе единой судьбы"),
                                      ("СЕБ", "сообщество единой судьбы")]


@pytest.mark.parametrize("text", [
    # Other letters; the preferred rendering's own acronym; Latin letters in Russian text; a use before
    # the definition or inside a word; ordinary abbreviations in brackets.
    "Сообщество с общим будущим (СЕС) обсуждали. СЕС было темой.",
    "Сообщество единой судьбы (СЕС) обсуждали. СЕС было темой.",
    "Сообщество с общим будущим (SOB) обсуждали. SOB было темой.",
    "СОБ упоминали раньше. Сообщество с общим будущим (СОБ) обсуждали. СОБы и ХСОБ были темой.",
    "Совет обороны безопасности (СОБ) собрался. СОБ принял решение.",
    "Министерство иностранных дел (МИД) сообщило, что МИД ответит позже.",
])
def test_russian_acronyms_that_name_no_variant_stay_clean(tb, text: str) -> None:  # type: ignore[no-untyped-def]
    assert [f for f, _ in _ru_variants(tb, text)] == []


def test_a_russian_acronyms_use_is_not_fixed_into_a_name_whose_case_it_does_not_show(tb) -> None:  # type: ignore[no-untyped-def]
    text = "Сообщество с общим будущим (СОБ) обсуждали. О СОБ писали."
    [f] = [f for f in check_text(text, "ru", tb, Options(unsafe_fixes=True)) if f.code == "unlisted-variant"]
    assert (f.found, f.fixable) == ("СОБ", False)


TIDES = textwrap.dedent("""\
    concepts:
      - id: lake-tides
        terms:
          ru:
            - {text: невиданные за столетие приливы, status: preferred}
            - {text: беспрецедентные за столетие приливы, status: admitted}
    """)


@pytest.mark.parametrize(("text", "fixed"), [
    ("Берег переживает приливы, небывалые за столетие.", "Берег переживает невиданные за столетие приливы."),
    ("Берег помнит о небывалых за столетие приливах.", "Берег помнит о невиданных за столетие приливах."),
    ("Берег помнит о приливах, небывалых за столетие, и ждёт.", "Берег помнит о невиданных за столетие приливах, и ждёт."),
    ("Берег гордится небывалыми за столетие приливами.", "Берег гордится невиданными за столетие приливами."),
])
def test_a_russian_name_opening_with_a_participial_phrase_is_fixed_in_the_case_found(text: str, fixed: str) -> None:
    # «невиданные за столетие приливы»: the participle agrees with the head, «за столетие» stays as written.
    tb = loads(TIDES, "t.yaml")
    [f] = [f for f in check_text(text, "ru", tb, Options(unsafe_fixes=True)) if f.code == "unlisted-variant"]
    assert f.fixable
    assert normalize(text, "ru", tb, unsafe_fixes=True) == fixed


LAKE_ROAD = textwrap.dedent("""\
    concepts:
      - id: lake-road
        terms:
          ru:
            - {text: Торговый путь Соленого озера, status: preferred}
            - {text: Торговый путь старого Соленого озера, status: superseded, fix_to: Торговый путь Соленого озера}
            - {text: Торговый маршрут Соленого озера, status: admitted}
    """)


def _lake_findings(base: str, text: str) -> list[tuple[str, str]]:
    findings = check_text(text, "ru", loads(base, "t.yaml"), Options(unsafe_fixes=True))
    return [(f.code, f.found) for f in findings]


@pytest.mark.parametrize(("text", "found"), [
    ("Это проект Старого Торгового пути Соленого озера.", "Старого Торгового пути Соленого озера"),
    ("Речь шла о старом торговом маршруте соленого озера.", "старом торговом маршруте соленого озера"),
])
def test_an_accepted_rendering_with_a_word_only_a_deprecated_one_has_is_a_variant(text: str, found: str) -> None:
    assert _lake_findings(LAKE_ROAD, text) == [("unlisted-variant", found)]


@pytest.mark.parametrize("text", [
    "Это проект Торгового пути Соленого озера.",  # the preferred rendering
    "Это проект Торгового маршрута Соленого озера.",  # an admitted one
    "Старые карты Торгового пути Соленого озера лежат в музее.",  # a word between: no modifier of the name
    "Это старый город. Торговый путь Соленого озера проходит рядом.",  # a full stop between
])
def test_an_accepted_rendering_without_such_a_word_beside_it_stays_clean(text: str) -> None:
    assert _lake_findings(LAKE_ROAD, text) == []


def test_a_word_an_accepted_rendering_has_added_to_another_is_no_variant() -> None:
    # «морской» is a word of an admitted rendering: beside the preferred one it names nothing deprecated.
    base = LAKE_ROAD + "        - {text: Морской торговый путь Соленого озера, status: admitted}\n"
    assert _lake_findings(base, "Это проект Морского Торгового маршрута Соленого озера.") == []


TWO_NAMES = textwrap.dedent("""\
    concepts:
      - id: landscape-framework
        terms:
          en:
            - {text: cultural landscape framework, status: preferred}
      - id: landscape-culture
        terms:
          en:
            - {text: gradual landscape culture, status: preferred}
      - id: reed-path
        terms:
          en:
            - {text: Reed Path, status: preferred}
      - id: reed-forum
        terms:
          en:
            - {text: Reed Path Forum for Regional Cooperation, status: preferred}
      - id: harbour-summit
        terms:
          en:
            - {text: Harbour Summit, status: preferred}
    """)


def _two_names(text: str) -> list[tuple[str, str, str]]:
    return [(f.code, f.concept_id or "", f.found) for f in check_text(text, "en", loads(TWO_NAMES, "t.yaml"))]


@pytest.mark.parametrize("text", [
    # "gradual" fills no slot of the framework: it is a word of the other name, which stands there whole.
    "The committee adopted the framework gradual landscape culture in May.",
    "Planners approved the framework gradual landscape culture.",
])
def test_a_word_of_another_name_standing_whole_inside_the_run_makes_no_variant(text: str) -> None:
    assert _two_names(text) == []


@pytest.mark.parametrize(("text", "found"), [
    # "Summit" is a word of the domain, and no name inside the run holds it: an inserted word.
    ("Ministers gathered at the Reed Path Regional Cooperation Summit Forum.",
     "Reed Path Regional Cooperation Summit Forum"),
    # "gradual" with only part of the other name around it is still inserted in this one.
    ("The committee adopted a cultural gradual landscape framework.", "cultural gradual landscape framework"),
])
def test_a_word_inserted_beside_another_name_inside_the_run_still_makes_a_variant(text: str, found: str) -> None:
    assert [(code, found_) for code, _, found_ in _two_names(text)] == [("unlisted-variant", found)]
