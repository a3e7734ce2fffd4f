from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from glossary.errors import TermBaseError, TermBaseErrors
from glossary.model import SourceKind, Status
from glossary.termbase import DEFAULT_PATH, build, load, loads, spelled


def yaml(body: str) -> str:
    return textwrap.dedent(body).lstrip("\n")


GOOD = yaml("""
    concepts:
      - id: belt-and-road
        sources: [{publisher: NDRC, date: 2015-09-23, langs: [en]}]
        terms:
          zh_Hans: [{text: 一带一路, status: preferred}]
          en:
            - {text: Belt and Road, status: preferred}
            - {text: "One Belt, One Road", status: superseded}
""")


def test_good_term_base_loads_and_stores_canonical_tags() -> None:
    tb = loads(GOOD)
    concept = tb.concept("belt-and-road")
    assert [t.lang for t in concept.terms] == ["zh", "en", "en"]
    assert concept.terms[2].status is Status.SUPERSEDED
    assert concept.terms[2].origin is not None and concept.terms[2].origin.line == 8


BAD = [
    ("yaml-syntax", "concepts:\n  - id: [unclosed\n", "t.yaml:3:1: invalid YAML"),
    ("not-a-mapping", "- id: x\n", 't.yaml:1:1: the term base must be a mapping'),
    ("no-concepts", "version: 1\n", 't.yaml:1:1: the term base has no "concepts"'),
    ("unknown-top-key", "concepts: []\nconcept: 1\n", 't.yaml:2:1: unknown key "concept" in the term base (expected version or concepts)'),
    ("unknown-status", yaml("""
        concepts:
          - id: a
            terms:
              en: [{text: A, status: prefered}]
        """), 't.yaml:4:30: unknown status "prefered" (expected preferred, admitted, deprecated or superseded)'),
    ("unknown-term-key", yaml("""
        concepts:
          - id: a
            terms:
              en: [{text: A, status: preferred, fixto: B}]
        """), 't.yaml:4:41: unknown key "fixto" in a term (expected text, status'),
    ("bad-lang", yaml("""
        concepts:
          - id: a
            terms:
              klingon: [{text: A, status: preferred}]
        """), 't.yaml:4:7: unknown language tag "klingon"'),
    ("duplicate-id", yaml("""
        concepts:
          - id: a
            terms: {en: [{text: A, status: preferred}]}
          - id: a
            terms: {en: [{text: B, status: preferred}]}
        """), 't.yaml:4:5: duplicate concept id "a" (first at line 2)'),
    ("bad-id", yaml("""
        concepts:
          - id: Belt And Road
            terms: {en: [{text: A, status: preferred}]}
        """), 't.yaml:2:9: bad concept id "Belt And Road"'),
    ("conflict", yaml("""
        concepts:
          - id: a
            terms: {en: [{text: Silk Road, status: preferred}]}
          - id: b
            terms: {en: [{text: New Road, status: preferred}, {text: silk  road, status: deprecated}]}
        """), 't.yaml:5:55: conflict: "silk  road" is deprecated in "b" but preferred in "a" (en)'),
    ("cycle", yaml("""
        concepts:
          - id: a
            terms:
              en:
                - {text: A, status: preferred}
                - {text: B, status: deprecated, fix_to: C}
                - {text: C, status: superseded}
        """), 't.yaml:6:11: cycle: "B" is fixed to "C", which is itself superseded'),
    ("fix-to-unknown", yaml("""
        concepts:
          - id: a
            terms:
              en:
                - {text: A, status: preferred}
                - {text: B, status: deprecated, fix_to: Z}
        """), 't.yaml:6:11: "fix_to" names "Z", which is not a term of "a" in en'),
    ("no-preferred", yaml("""
        concepts:
          - id: a
            terms:
              en: [{text: B, status: deprecated}]
        """), 't.yaml:2:5: "a" has en variants but no preferred en term'),
    ("listed-twice", yaml("""
        concepts:
          - id: a
            terms:
              en: [{text: Belt-and-Road, status: preferred}, {text: belt and road, status: admitted}]
        """), 't.yaml:4:54: "belt and road" is listed twice in "a"'),
    ("bad-date", yaml("""
        concepts:
          - id: a
            sources: [{title: T, date: June 2015}]
            terms: {en: [{text: A, status: preferred}]}
        """), 't.yaml:3:32: bad date "June 2015"'),
    ("bad-source-kind", yaml("""
        concepts:
          - id: a
            sources: [{title: T, date: "2020", kind: blog}]
            terms: {en: [{text: A, status: preferred}]}
        """), 't.yaml:3:46: unknown source kind "blog" (expected primary, official-reprint, mirror or secondary)'),
    ("bad-used-by", yaml("""
        concepts:
          - id: a
            terms: {en: [{text: A, status: preferred, used_by: [Xinhua]}]}
        """), 't.yaml:3:57: bad publisher "Xinhua" in "used_by"'),
    ("used-by-twice", yaml("""
        concepts:
          - id: a
            terms: {en: [{text: A, status: preferred, used_by: [mfa, mfa]}]}
        """), 't.yaml:3:62: publisher "mfa" is listed twice in "used_by"'),
    ("bad-article", yaml("""
        concepts:
          - id: a
            terms: {en: [{text: A, status: preferred, article: the}]}
        """), 't.yaml:3:56: "article" can only be "none"'),
    ("source-without-date", yaml("""
        concepts:
          - id: a
            sources: [{title: T}]
            terms: {en: [{text: A, status: preferred}]}
        """), 't.yaml:3:15: a source needs a "date"'),
]


@pytest.mark.parametrize(("name", "text", "expected"), BAD, ids=[b[0] for b in BAD])
def test_bad_term_base_is_reported_at_its_position(name: str, text: str, expected: str | None) -> None:
    with pytest.raises(TermBaseError) as info:
        loads(text, "t.yaml")
    if expected is not None:
        assert str(info.value).startswith(expected)


def test_preferred_term_containing_its_own_variant_does_not_loop() -> None:
    """Leftmost-longest matching always sees the whole preferred term, so fixing settles."""
    from glossary import check, normalize

    tb = loads(yaml("""
        concepts:
          - id: a
            terms:
              en:
                - {text: road map, status: preferred}
                - {text: road, status: deprecated, fix_to: road map}
        """), "t.yaml")
    assert normalize("a road ahead", "en", tb) == "a road map ahead"
    assert check("a road map ahead", "en", tb) == []


def test_all_errors_are_collected() -> None:
    text = yaml("""
        concepts:
          - id: a
            terms: {en: [{text: A, status: bogus}]}
          - id: b
            terms: {en: [{text: B, status: wrong}]}
        """)
    with pytest.raises(TermBaseErrors) as info:
        loads(text, "t.yaml")
    assert [e.line for e in info.value.errors] == [3, 5]


def test_later_term_base_overrides_status_and_adds_concepts(tmp_path) -> None:  # type: ignore[no-untyped-def]
    first = tmp_path / "a.yaml"
    first.write_text(GOOD, encoding="utf-8")
    second = tmp_path / "b.yaml"
    second.write_text(yaml("""
        concepts:
          - id: belt-and-road
            terms:
              en:
                - {text: BELT AND ROAD, status: admitted}
                - {text: Belt and Road Initiative, status: preferred}
          - id: extra
            terms: {en: [{text: Extra, status: preferred}]}
        """), encoding="utf-8")
    tb = load([first, second], default=False, use_cache=False)
    concept = tb.concept("belt-and-road")
    statuses = {t.text: t.status for t in concept.terms_in("en")}
    assert statuses == {"BELT AND ROAD": Status.ADMITTED, "One Belt, One Road": Status.SUPERSEDED,
                        "Belt and Road Initiative": Status.PREFERRED}
    assert "extra" in tb


def test_missing_term_base_file_is_an_error(tmp_path) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(TermBaseError, match="term base not found"):
        load([tmp_path / "nope.yaml"], default=False)


def test_cache_round_trip_gives_equal_term_base(tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("GLOSSARY_CACHE_DIR", str(tmp_path / "c"))
    path = tmp_path / "t.yaml"
    path.write_text(GOOD, encoding="utf-8")
    cold = load([path], default=False)
    assert list((tmp_path / "c").iterdir())
    warm = load([path], default=False)
    assert warm == cold and warm.digest == cold.digest


def test_corrupt_cache_falls_back_to_building(tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("GLOSSARY_CACHE_DIR", str(tmp_path / "c"))
    path = tmp_path / "t.yaml"
    path.write_text(GOOD, encoding="utf-8")
    load([path], default=False)
    for f in (tmp_path / "c").iterdir():
        f.write_bytes(b"not a pickle")
    assert "belt-and-road" in load([path], default=False)


def test_warning_for_preferred_rendering_without_source() -> None:
    tb = build([("t.yaml", yaml("""
        concepts:
          - id: a
            terms: {zh: [{text: 甲, status: preferred}], en: [{text: A, status: preferred}]}
        """))])
    assert [str(w) for w in tb.warnings] == ['t.yaml:3:54: preferred en rendering "A" of "a" has no source']


def test_source_kind_and_used_by_are_read() -> None:
    tb = loads(yaml("""
        concepts:
          - id: a
            sources: [{title: T, date: "2020", langs: [en], kind: official-reprint}]
            terms: {en: [{text: A, status: preferred, used_by: [xinhua, china-keywords]}]}
        """))
    concept = tb.concept("a")
    assert concept.sources[0].kind is SourceKind.OFFICIAL_REPRINT
    assert concept.terms[0].used_by == ("xinhua", "china-keywords")


def test_warning_for_preferred_rendering_resting_on_mirrors_or_secondary_sources_only() -> None:
    tb = build([("t.yaml", yaml("""
        concepts:
          - id: a
            sources:
              - {title: Copy, date: "2020", langs: [en, ru, kk], kind: mirror}
              - {title: Study, date: "2021", langs: [en], kind: secondary}
              - {title: Ministry, date: "2021", langs: [ru], kind: primary}
            terms:
              en: [{text: A, status: preferred}]
              ru: [{text: Б, status: preferred}]
              kk:
                - text: В
                  status: preferred
                  sources: [{title: Undated kind, date: "2022"}]
        """))])
    assert [str(w) for w in tb.warnings] == [
        't.yaml:8:12: preferred en rendering "A" of "a" rests on mirror or secondary sources only']


_PATH_PARTS = st.lists(st.sampled_from(["", ".", "..", "a", "b.yaml", "terms.yaml", ".hidden", "x y"]), max_size=6)


@settings(max_examples=300, deadline=None)
@given(lead=st.sampled_from(["", "/", "//", "///", "./"]), parts=_PATH_PARTS, trail=st.sampled_from(["", "/", "/."]))
def test_a_term_base_file_is_spelled_as_pathlib_spells_it(lead: str, parts: list[str], trail: str) -> None:
    path = lead + "/".join(parts) + trail
    assert spelled(path) == str(Path(path))
    assert spelled(Path(path)) == str(Path(path))


def test_the_shipped_term_base_is_named_as_pathlib_names_it() -> None:
    import glossary.termbase as termbase

    assert DEFAULT_PATH == str(Path(termbase.__file__).parent / "data" / "terms.yaml")


def test_building_a_term_base_runs_no_collector_pass() -> None:
    import gc

    passes: list[str] = []
    building = [False]

    def count(phase: str, info: dict[str, int]) -> None:
        if building[0]:
            passes.append(phase)

    text = "concepts:\n" + "".join(
        f"  - id: c{i}\n    terms:\n      en:\n        - {{text: lake fleet number {i}, status: preferred}}\n"
        for i in range(300))
    threshold, was_on = gc.get_threshold(), gc.isenabled()
    documents = [("t.yaml", text)]
    gc.set_threshold(100)  # without the pause, parsing 300 concepts runs dozens of passes
    gc.enable()
    gc.collect()  # counts from zero: what the test itself allocates stays far below the threshold
    gc.callbacks.append(count)
    try:
        building[0] = True
        build(documents)
        building[0] = False
    finally:
        gc.callbacks.remove(count)
        gc.set_threshold(*threshold)
        (gc.enable if was_on else gc.disable)()
    assert passes == []
