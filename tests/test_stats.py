"""Coverage figures: what `glossary stats` reports, and its JSON contract."""

from __future__ import annotations

import json

from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from glossary.cli import main
from glossary.stats import compute, lang_key, render_json, render_text
from glossary.termbase import loads

from .conftest import TERMBASE

SMALL = """\
version: 1
concepts:
  - id: alpha
    sources:
      - {publisher: Xinhua, title: A report, date: "2024", langs: [en]}
    terms:
      zh:
        - {text: 甲, status: preferred}
      en:
        - {text: alpha term, status: preferred}
        - {text: old alpha, status: deprecated}
      ru:
        - {text: альфа, status: preferred}
    examples:
      - {lang: en, text: "An old alpha here.", fixed: "An alpha term here."}
  - id: beta
    terms:
      en:
        - {text: beta term, status: preferred, sources: [{publisher: CGTN, title: B, date: "2023"}]}
      kk:
        - {text: бета, status: admitted}
"""


def test_counts_coverage_and_sourced_share() -> None:
    s = compute(loads(SMALL))
    assert s.concepts == 2
    assert dict(s.terms) == {"zh": 1, "en": 3, "ru": 1, "kk": 1}
    # kk has only an admitted term, so it covers no concept.
    assert dict(s.coverage) == {"zh": 0.5, "en": 1.0, "ru": 0.5, "kk": 0.0}
    # Four preferred renderings: 甲 (no zh source), alpha term, альфа (no ru source),
    # beta term (own source): 2 of 4.
    assert s.preferred == 4
    assert s.sourced == 0.5
    # Without the Chinese source term: alpha term and beta term of three.
    assert s.sourced_renderings == round(2 / 3, 4)


def test_json_has_exactly_the_contract_keys_in_project_language_order() -> None:
    doc = json.loads(render_json(compute(loads(SMALL))))
    assert list(doc) == ["concepts", "terms", "coverage", "sourced", "primary_or_official"]
    assert list(doc["terms"]) == ["zh", "en", "ru", "kk"]
    assert list(doc["coverage"]) == list(doc["terms"])


def test_text_report_names_every_language_and_the_shares() -> None:
    text = render_text(compute(loads(SMALL)))
    assert text.startswith("2 concepts, 4 preferred renderings\n")
    assert "\nru            1     50.0%\n" in text
    assert "sourced: 50.0% of preferred renderings (66.7% of those outside Chinese)" in text


def test_unknown_languages_sort_after_the_project_languages() -> None:
    assert sorted(["fr", "en", "zh", "de", "tk"], key=lang_key) == ["zh", "en", "tk", "de", "fr"]


def test_an_empty_term_base_has_zero_shares() -> None:
    s = compute(loads("version: 1\nconcepts: []\n"))
    assert (s.concepts, s.sourced, s.coverage) == (0, 0.0, ())


STATUSES = st.sampled_from(["preferred", "admitted"])
CONCEPTS = st.lists(
    st.dictionaries(st.sampled_from(["zh", "en", "ru", "kk", "uz"]), st.lists(STATUSES, min_size=1, max_size=3),
                    min_size=1, max_size=4),
    min_size=1, max_size=6,
)


def build(concepts: list[dict[str, list[str]]]) -> str:
    lines = ["version: 1", "concepts:"]
    for i, langs in enumerate(concepts):
        lines += [f"  - id: c{i}", "    terms:"]
        for lang, statuses in langs.items():
            lines.append(f"      {lang}:")
            lines += [f"        - {{text: t{i}{lang}{j}, status: {s}}}" for j, s in enumerate(statuses)]
    return "\n".join(lines) + "\n"


@settings(max_examples=60, deadline=None)
@given(CONCEPTS)
def test_shares_are_fractions_and_terms_add_up(concepts: list[dict[str, list[str]]]) -> None:
    s = compute(loads(build(concepts)))
    assert s.concepts == len(concepts)
    assert sum(n for _, n in s.terms) == sum(len(v) for c in concepts for v in c.values())
    for lang, share in s.coverage:
        assert 0.0 <= share <= 1.0
        covered = sum(1 for c in concepts if "preferred" in c.get(lang, []))
        assert share == round(covered / len(concepts), 4)
    # Nothing here has a source.
    assert s.sourced == 0.0


def test_cli_json_output() -> None:
    result = CliRunner().invoke(main, ["stats", "--format", "json", "--no-default", "--termbase", str(TERMBASE)])
    assert result.exit_code == 0
    doc = json.loads(result.stdout)
    assert set(doc) == {"concepts", "terms", "coverage", "sourced", "primary_or_official"}
    assert doc["coverage"]["en"] == 1.0


def test_cli_bad_term_base_is_one_line_and_exit_2(tmp_path) -> None:  # type: ignore[no-untyped-def]
    bad = tmp_path / "bad.yaml"
    bad.write_text("version: 1\nconcepts:\n  - id: x\n    terms: [\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["stats", "--no-default", "--termbase", str(bad)])
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1 and result.stderr.startswith(f"glossary: error: {bad}:")


KINDS = """\
version: 1
concepts:
  - id: alpha
    sources:
      - {title: Ministry page, date: "2020", langs: [en], kind: primary}
      - {title: A copy, date: "2020", langs: [ru], kind: mirror}
    terms:
      zh:
        - {text: 甲, status: preferred}
      en:
        - {text: alpha, status: preferred}
      ru:
        - {text: альфа, status: preferred}
  - id: beta
    terms:
      en:
        - text: beta
          status: preferred
          sources:
            - {title: Agency reprint, date: "2021", kind: official-reprint}
      kk:
        - text: бета
          status: preferred
          sources:
            - {title: Some page, date: "2021"}
"""


def test_primary_or_official_counts_renderings_outside_chinese_with_strong_evidence() -> None:
    s = compute(loads(KINDS))
    # alpha en (primary) and beta en (official-reprint) of four: ru rests on a mirror, kk gives no kind.
    assert s.primary_or_official == 0.5
    assert json.loads(render_json(s))["primary_or_official"] == 0.5
    assert "primary or official-reprint source: 50.0%" in render_text(s)
