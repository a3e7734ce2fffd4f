from __future__ import annotations

import yaml
from hypothesis import given
from hypothesis import strategies as st

from glossary.exchange import yamlwriter
from tests.exchange.concepts import sample


@given(st.text(st.characters(blacklist_categories=("Cs",))), st.booleans())
def test_any_string_reads_back_unchanged(value, flow):
    text = yamlwriter.scalar(value, flow)
    doc = f"{{k: {text}}}" if flow else f"k: {text}"
    assert yaml.safe_load(doc) == {"k": value}


def test_tricky_values_are_quoted():
    assert yamlwriter.scalar("2015-09-23") == '"2015-09-23"'
    assert yamlwriter.scalar("yes") == '"yes"'
    assert yamlwriter.scalar("a: b") == '"a: b"'
    assert yamlwriter.scalar("One Belt, One Road") == "One Belt, One Road"
    assert yamlwriter.scalar("One Belt, One Road", flow=True) == '"One Belt, One Road"'
    assert yamlwriter.scalar("一带一路", flow=True) == "一带一路"
    assert yamlwriter.scalar("2015-09") == "2015-09"


def test_layout_follows_the_term_base_format():
    text = yamlwriter.dump(sample())
    assert text.startswith("version: 1\nconcepts:\n  - id: belt-and-road\n")
    assert "\n    terms:\n      zh:\n        - {text: 一带一路, status: preferred}\n" in text
    assert "        - text: One Belt, One Road\n          status: superseded\n" in text
    assert "      - {lang: en, text: a belt and a road through the valley}\n" in text
    data = yaml.safe_load(text)
    first = data["concepts"][0]
    assert list(first["terms"]) == ["zh", "zh-Hant", "en", "ru"]
    assert first["sources"][0]["date"] == "2015-09-23"
    assert first["sources"][1]["langs"] == ["ru", "kk"]
    assert data["concepts"][1]["terms"]["en"][0]["sources"][0]["url"] == "https://example.org/plan"


def test_dump_is_deterministic():
    assert yamlwriter.dump(sample()) == yamlwriter.dump(sample())


def test_every_compared_model_field_is_carried():
    import dataclasses

    from glossary import model
    from tests.exchange.concepts import CARRIED

    for name, carried in CARRIED.items():
        compared = {f.name for f in dataclasses.fields(getattr(model, name)) if f.compare}
        assert compared == carried, f"{name}: exchange formats carry {sorted(carried)}, the model compares {sorted(compared)}"


def test_the_term_base_loader_reads_back_the_same_concepts():
    from glossary.termbase import loads

    assert loads(yamlwriter.dump(sample()), "sample.yaml").concepts == sample()
