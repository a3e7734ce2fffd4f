"""The layer's glue: which terms take part, merging with surface hits, rendering fixes."""

from __future__ import annotations

import pickle
from pathlib import Path

from glossary.matcher import compile_matcher
from glossary.model import Status, Term
from glossary.morph import LayerHit, merge, render, surface_variants, takes_part
from glossary.termbase import load

DATA = Path(__file__).parent.parent / "data"


def term(text: str, lang: str, status: Status = Status.PREFERRED) -> Term:
    return Term(text=text, lang=lang, status=status)


def test_which_terms_take_part_and_which_get_variants() -> None:
    assert takes_part(term("мастерская Лу Баня", "ru"), "ru")
    assert takes_part(term("бастама|сы", "kk"), "kk")
    assert not takes_part(term("Бір белдеу", "kk"), "kk")
    assert not takes_part(term("Luban Workshop", "en"), "en")
    assert [t for t, _ in surface_variants(term("Luban Workshop", "en"), "en")][0] == "Luban Workshops"
    assert surface_variants(term("Luban Workshop", "en"), "ru") == ()
    assert [t for t, _ in surface_variants(term("一带一路", "zh"), "zh-Hant")] == ["一帶一路"]


def test_merge_prefers_longer_spans_accepted_terms_and_layer_entries() -> None:
    pref, var = term("A", "ru"), term("B", "ru", Status.DEPRECATED)
    surface = [(0, 5, [("c", var, ())]), (10, 12, [("d", pref, ())])]
    layer = [LayerHit(0, 5, (("c", pref, ("ru:gent,sing,same",)),)), LayerHit(8, 12, (("e", pref, ()),))]
    got = merge(surface, layer)
    assert got == [(0, 5, [("c", pref, ("ru:gent,sing,same",))]), (8, 12, [("e", pref, ())])]


def test_render_writes_the_form_or_says_why_not() -> None:
    assert render(term("Luban Workshop", "en"), ("en:plural",), "Lu Ban Workshops").text == "Luban Workshops"
    assert render(term("一带一路倡议", "zh"), ("zh:s2hk",), "").text == "一帶一路倡議"
    assert render(term("бастама|сы", "kk"), (), "стратегиясы").text == "бастамасы"
    suffixed = render(term("бастама|сы", "kk"), ("stem:suffixed",), "стратегиясының")
    assert (suffixed.text, suffixed.fixable) == ("бастамасы", False)
    got = render(term("Пояса и пути", "ru"), ("ru:gent,sing,same",), "Одного пояса, одного пути",
                 term("Одного пояса, одного пути", "ru"))
    assert (got.text, got.fixable) == ("Пояса и пути", True)
    assert render(term("Belt and Road Talks", "en"), ("en:plural",), "").fixable is False


def test_a_compiled_matcher_pickles_without_its_layer_and_rebuilds_it() -> None:
    tb = load([DATA / "morph.yaml"], default=False, use_cache=False)
    matcher = compile_matcher(tb.concepts, "ru")
    text = "о мастерских Лу Бань"
    before = matcher.scan(text)
    assert before and before[0].form
    copy = pickle.loads(pickle.dumps(matcher))
    assert copy.scan(text) == before
    # A matcher pickled before the layer existed still loads and scans.
    state = copy.__getstate__()
    del state["forms"], state["layer_terms"]
    old = object.__new__(type(copy))
    old.__setstate__(state)
    assert old.scan("мастерская Лу Бань")[0].term.text == "мастерская Лу Бань"


def test_the_disk_cache_key_names_the_matcher_layout(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from glossary import cache, matcher

    monkeypatch.setenv(cache.DIR_ENV, str(tmp_path))
    tb = load([DATA / "morph.yaml"], default=False, use_cache=False)
    # A matcher cached under the key older code used (no layout) is not read.
    stale = matcher.Matcher("ru", {})
    cache.put("matcher", f"{tb.digest}-ru", stale)
    matcher._MEMORY.clear()
    fresh = matcher.matcher_for(tb, "ru")
    assert fresh is not stale and fresh.layer_terms
    assert fresh.scan("о мастерских Лу Бань")[0].form


def test_the_test_term_base_examples_hold() -> None:
    from glossary.examples import run_examples

    tb = load([DATA / "morph.yaml"], default=False, use_cache=False)
    assert sum(len(c.examples) for c in tb.concepts) == 9
    assert run_examples(tb) == []
