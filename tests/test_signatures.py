from __future__ import annotations

import dataclasses
import pickle
import textwrap

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from glossary import signatures
from glossary.errors import TermBaseError
from glossary.state import STATE
from glossary.termbase import load, loads

BASE = textwrap.dedent("""\
    concepts:
      - id: shared-future
        terms:
          en:
            - {text: community with a shared future, status: preferred}
            - {text: community of common destiny, status: deprecated}
          ru:
            - {text: сообщество единой судьбы, status: preferred}
            - {text: сообщество с общим будущим, status: deprecated}
      - id: nqpf
        terms:
          en:
            - {text: new quality productive forces, status: preferred}
            - {text: new quality productivity, status: deprecated}
      - id: single
        terms:
          en:
            - {text: connectivity, status: preferred}
    """)


@pytest.fixture(scope="module")
def tb():  # type: ignore[no-untyped-def]
    return loads(BASE, "t.yaml")


def test_english_lemmas_drop_plural_possessive_and_british_spelling() -> None:
    assert signatures.en_lemma("Communities") == "community"
    assert signatures.en_lemma("community's") == "community"
    assert signatures.en_lemma("neighbours") == "neighbor"
    assert signatures.en_lemma("globalisation") == "globalization"
    assert signatures.en_lemma("centre") == "center"
    assert signatures.en_lemma("process") == "process"
    assert signatures.en_lemma("exercise") == "exercise"


@pytest.mark.parametrize(("british", "american"), [
    ("colour", "color"), ("colours", "color"), ("honour", "honor"), ("labour", "labor"),
    ("neighbourhood", "neighborhood"), ("neighbourliness", "neighborliness"), ("favourable", "favorable"),
    ("behaviour", "behavior"), ("centred", "centered"), ("centre", "center"),
])
def test_british_spellings_inside_and_at_the_end_of_a_word(british: str, american: str) -> None:
    assert signatures.en_lemma(british) == signatures.en_lemma(american) == american
    assert british in signatures.en_forms(american)


@pytest.mark.parametrize("word", ["four", "hour", "your", "tour", "devour", "detour", "contour", "flour", "journal"])
def test_our_words_of_both_spellings_keep_their_our(word: str) -> None:
    assert signatures.en_lemma(word) == word


@given(st.from_regex(r"[a-z]{2,8}or(hood|liness|ly|able|ful|ite|ed|ing|er)?", fullmatch=True))
def test_every_british_form_the_gate_lists_maps_back(lemma: str) -> None:
    lemma = signatures.en_lemma(lemma)
    for form in signatures.en_forms(lemma):
        assert signatures.en_lemma(form) == lemma


def test_slots_take_synonyms_from_every_rendering(tb) -> None:  # type: ignore[no-untyped-def]
    sig = signatures.derive(tb.concept("shared-future"), "en")
    assert sig is not None
    # ... and "fate", destiny's near-synonym (signatures._EN_NEAR_SYNONYMS).
    assert sig.slots == (frozenset({"community"}), frozenset({"shared", "common"}),
                         frozenset({"future", "destiny", "fate"}))
    assert sig.tolerance == 0
    nqpf = signatures.derive(tb.concept("nqpf"), "en")
    assert nqpf is not None and "productivity" in nqpf.slots[2] and nqpf.tolerance == 1


def test_one_content_word_is_no_signature(tb) -> None:  # type: ignore[no-untyped-def]
    assert signatures.derive(tb.concept("single"), "en") is None


@pytest.mark.parametrize(("text", "found"), [
    ("They built communities of shared destiny.", "communities of shared destiny"),
    ("a community of a common future", "community of a common future"),
    ("the destiny community, common to all", None),  # the comma ends a match
    ("a shared future for the community", None),  # "for the" then community: the third slot... is found in order-free text
    ("we foster new productive forces", "new productive forces"),
    ("productive forces of a new quality", "productive forces of a new quality"),
    ("a common destiny", None),
    ("community-shared-future", None),  # an identifier
])
def test_hits(tb, text: str, found: str | None) -> None:  # type: ignore[no-untyped-def]
    hits = signatures.index_for(tb, "en").scan(text)
    got = [text[h.start:h.end] for h in hits]
    if text == "a shared future for the community":
        assert got == ["shared future for the community"]  # word order is free
        return
    assert got == ([found] if found else [])


def test_russian_hits_by_lemma(tb) -> None:  # type: ignore[no-untyped-def]
    text = "Стороны говорили о сообществе с общей судьбой."
    [hit] = signatures.index_for(tb, "ru").scan(text)
    assert text[hit.start:hit.end] == "сообществе с общей судьбой"


def test_suggestion_keeps_the_number_of_the_head(tb) -> None:  # type: ignore[no-untyped-def]
    text = "Communities of Common Destiny"
    [hit] = signatures.index_for(tb, "en").scan(text)
    assert signatures.suggest_en(hit, text, 0) == "Communities With A Shared Future".replace("With A", "with a")


def test_signature_override_and_off() -> None:
    tb = loads(BASE.replace("  - id: nqpf\n", "  - id: nqpf\n    signature: {en: false}\n").replace(
        "  - id: shared-future\n",
        "  - id: shared-future\n    signature:\n      en:\n        slots:\n"
        "          - [community]\n          - {words: [shared, common], required: false}\n"
        "          - [future, fate]\n        function_words: [of, a, with]\n"), "t.yaml")
    index = signatures.index_for(tb, "en")
    assert [s.concept_id for s in index.signatures] == ["shared-future"]
    [hit] = index.scan("a community of fate")
    assert hit.filled == (0, 2)


@pytest.mark.parametrize(("yaml", "expected"), [
    ("signature: {en: {slots: []}}", 'needs slots'),
    ("signature: {en: {words: [a]}}", 'unknown key "words"'),
    ("signature: {en: {slots: [{word: [a]}]}}", 'unknown key "word"'),
    ("signature: [en]", "must be a mapping"),
])
def test_bad_signature_is_reported_at_its_position(yaml: str, expected: str) -> None:
    text = BASE.replace("  - id: single\n", f"  - id: single\n    {yaml}\n")
    with pytest.raises(TermBaseError) as info:
        loads(text, "t.yaml")
    assert str(info.value).startswith("t.yaml:") and expected in str(info.value)


def test_validate_reports_a_signature_firing_on_another_preferred_rendering() -> None:
    text = BASE + ("  - id: fates\n    terms:\n      en:\n"
                   "        - {text: shared community of the future, status: preferred}\n")
    tb = loads(text, "t.yaml")
    from glossary.examples import run_examples

    errors = run_examples(tb)
    assert any('signature of "shared-future"' in str(e) and '"fates"' in str(e) for e in errors)


@given(st.lists(st.sampled_from(["a", "b", " ", ",", ".", "-", "'", "«", "»", "community", "shared", "future", "of", "the"]),
                max_size=30).map("".join))
def test_hits_are_ordered_and_inside_the_text(text: str) -> None:
    tb = loads(BASE, "t.yaml")
    hits = signatures.index_for(tb, "en").scan(text)
    reach = 0
    for h in hits:
        assert reach <= h.start < h.end <= len(text)
        reach = h.end


@given(st.sampled_from(["community", "organization", "policy", "center", "dialog", "man", "process", "corridor",
                        "harbor", "summary", "box", "bus", "analysis", "xi'an"]))
def test_english_anchor_forms_map_back_to_their_lemma(lemma: str) -> None:
    forms = signatures.en_forms(lemma)
    assert lemma in forms
    assert all(signatures.en_lemma(f) == lemma for f in forms)


@pytest.mark.parametrize(("lemma", "form"), [
    ("community", "communities"), ("organization", "organisations"), ("center", "centres"), ("man", "men"),
    ("dialog", "dialogue"), ("policy", "policies"), ("box", "boxes"),
])
def test_english_anchor_forms_cover_plurals_and_british_spelling(lemma: str, form: str) -> None:
    assert form in signatures.en_forms(lemma)


@pytest.mark.parametrize(("text", "last"), [
    ("the 'shared future'", "future"),
    ("the ‘common destiny’ of all", "destiny"),
    ("'developing countries' needs", "countries"),
    ("developing countries' needs", "countries'"),
    ("the ‘developing countries’ needs", "countries"),
])
def test_a_closing_quote_is_no_part_of_the_word_before_it(text: str, last: str) -> None:
    got = [w for _, _, w in signatures.words(text) if w.lower().startswith(last[:4].lower())]
    assert got == [last]


@given(st.sampled_from(["'", "‘"]), st.sampled_from(["'", "’"]),
       st.sampled_from(["community of common destiny", "common destiny community", "community of common destinies"]),
       st.sampled_from(["", "the ", "a "]), st.sampled_from(["", " today", ")", ", they said"]))
def test_a_hit_inside_quotes_ends_before_the_closing_quote(opening: str, closing: str, phrase: str, before: str,
                                                           after: str) -> None:
    tb = loads(BASE, "t.yaml")
    text = f"They spoke of {before}{opening}{phrase}{closing}{after}."
    close = len(f"They spoke of {before}{opening}{phrase}")
    hits = signatures.index_for(tb, "en").scan(text)
    assert hits
    for h in hits:
        assert h.end <= close and text[h.end - 1].isalnum(), text[h.start:h.end]


KIN = textwrap.dedent("""\
    concepts:
      - id: shared-future
        terms:
          en:
            - {text: community with a shared future, status: preferred}
            - {text: community of common destiny, status: deprecated}
          ru:
            - {text: сообщество единой судьбы, status: preferred}
            - {text: сообщество с общим будущим, status: deprecated}
      - id: lakes-community
        terms:
          en:
            - {text: Great Lakes community with a shared future, status: preferred}
          ru:
            - {text: сообщество единой судьбы Великих озер, status: preferred}
      - id: prosperity
        terms:
          en:
            - {text: shared prosperity, status: preferred}
            - {text: common prosperity, status: deprecated}
      - id: wealth
        terms:
          en:
            - {text: shared wealth, status: preferred}
      - id: pledges
        terms:
          en:
            - {text: "rest, work, leisure", status: preferred}
      - id: long-name
        terms:
          en:
            - {text: Action Plan for Clean Rivers in the Coming Decade, status: preferred}
    """)


@pytest.fixture(scope="module")
def kin():  # type: ignore[no-untyped-def]
    return loads(KIN, "t.yaml")


@pytest.mark.parametrize(("lang", "text", "found"), [
    # The Great Lakes community lists one rendering; its kin lends common/destiny.
    ("en", "a Great Lakes community of common destiny", "Great Lakes community of common destiny"),
    ("ru", "о сообществе с общим будущим Великих озер", "сообществе с общим будущим Великих озер"),
])
def test_a_slot_borrows_the_synonyms_of_its_kin(kin, lang: str, text: str, found: str) -> None:  # type: ignore[no-untyped-def]
    hits = signatures.index_for(kin, lang).scan(text)
    assert [(text[h.start:h.end], h.concept_id) for h in hits] == [(found, "lakes-community")]


def test_two_word_names_borrow_nothing(kin) -> None:  # type: ignore[no-untyped-def]
    # "shared" and "common" are synonyms in "prosperity"; "shared wealth" is too short a name to take them.
    assert signatures.index_for(kin, "en").scan("their common wealth") == []


def test_a_comma_may_stand_inside_a_variant_only_where_a_rendering_has_one(kin) -> None:  # type: ignore[no-untyped-def]
    index = signatures.index_for(kin, "en")
    assert [h.concept_id for h in index.scan("the right to rest, leisure, work")] == ["pledges"]
    assert index.scan("a community, shared future") == []


def test_an_unlisted_word_may_stand_in_for_the_head_of_a_long_name(kin) -> None:  # type: ignore[no-untyped-def]
    index = signatures.index_for(kin, "en")
    text = "They praised the action scheme for clean rivers in the coming decade."
    [hit] = index.scan(text)
    assert (hit.concept_id, text[hit.start:hit.end]) == ("long-name", "action scheme for clean rivers in the coming decade")
    # With nothing standing in for it, a missing head is still no hit.
    assert index.scan("They praised the action for clean rivers in the coming decade.") == []


def test_along_joins_the_words_of_a_rendering(tb) -> None:  # type: ignore[no-untyped-def]
    text = "a future shared along the community"
    assert [text[h.start:h.end] for h in signatures.index_for(tb, "en").scan(text)] == ["future shared along the community"]


def test_the_regex_case_classes_are_the_regex_modules() -> None:
    """The anchors' fallback finds where its regex may match with the re module's own case table."""
    casefix = pytest.importorskip("re._casefix")
    from glossary.signatures import _RE_CASE_CLASSES

    theirs = {frozenset({k, *v}) for k, v in casefix._EXTRA_CASES.items()}
    assert {frozenset(ord(c) for c in cls) for cls in _RE_CASE_CLASSES} == theirs


_GATE_PIECES = list("İiıIsſSStTтᲄвᲀ _'-.\n") + ["system", "İmport", "prоcess", "level", "ſtandard", "people", "строки",
                                                  "человек"]


@settings(max_examples=200)
@given(st.lists(st.sampled_from(_GATE_PIECES), max_size=30).map("".join))
def test_anchors_where_lower_case_grows_are_the_regex_matches(text: str) -> None:
    """Text with "İ" takes the regex gate; tried only where its starts are, it finds what finditer finds."""
    for lang in ("en", "ru"):
        index = signatures.index_for(load(), lang)
        list(index._gated("İ"))  # compiles the gate
        assert index._gate is not None
        expected = [(m.start(), m.group()) for m in index._gate.finditer(text)]
        assert list(index._gated(text)) == expected


@pytest.mark.parametrize(("lemma", "form"), [("сообщество", "сообществами"), ("судьба", "судьбой"), ("единый", "единой")])
def test_russian_anchor_forms_are_the_lexeme(lemma: str, form: str) -> None:
    forms = signatures.ru_forms_of(lemma)
    assert form in forms
    assert all(lemma in signatures.lemmas(f, "ru") for f in forms)


def test_an_anchor_inside_a_longer_word_is_no_anchor(tb) -> None:  # type: ignore[no-untyped-def]
    index = signatures.index_for(tb, "ru")
    assert [w for _, w in index.anchors("Сообществами и сообществоведение")] == ["Сообществами"]


_VOCAB = ["community", "shared", "common", "future", "destiny", "league", "harbour", "river", "plan", "northern"]


@given(st.lists(st.lists(st.sampled_from(_VOCAB), min_size=2, max_size=5, unique=True), min_size=2, max_size=4))
def test_lending_only_adds_synonyms(names: list[list[str]]) -> None:
    lines = ["concepts:"]
    for i, name in enumerate(names):
        lines += [f"  - id: c{i}", "    terms:", "      en:", f"        - {{text: {' '.join(name)}, status: preferred}}",
                  f"        - {{text: {' '.join(reversed(name))} of the kind, status: deprecated}}"]
    tb = loads("\n".join(lines) + "\n", "t.yaml")
    own = [s for s in (signatures.derive(c, "en") for c in tb.concepts) if s is not None]
    lent = signatures.share_synonyms(own)
    assert [s.concept_id for s in lent] == [s.concept_id for s in own]
    for before, after in zip(own, lent):
        assert after.required == before.required and after.anchors == before.anchors
        assert all(b <= a for b, a in zip(before.slots, after.slots))


def test_a_quoted_name_may_drop_its_first_word() -> None:
    tb = loads(textwrap.dedent("""\
        concepts:
          - id: world
            terms:
              ru:
                - {text: равноправный и упорядоченный многополярный мир, status: preferred}
        """), "t.yaml")
    index = signatures.index_for(tb, "ru")
    text = "Стороны поддержали «упорядоченный многополярный мир»."
    [hit] = index.scan(text)
    assert text[hit.start:hit.end] == "упорядоченный многополярный мир"
    # Without the quotation marks the first word stays required.
    assert index.scan("Стороны поддержали упорядоченный многополярный мир.") == []


_WINDOW_PIECES = ["community", "shared", "future", "belt", "road", "initiative", "global", "сообщество", "единой",
                  "судьбы", "человечества", "пояс", "путь", "system", " ", "of", "и", "new", "quality", "forces"]


@settings(max_examples=200)
@given(st.lists(st.sampled_from(_WINDOW_PIECES), max_size=20).map(" ".join))
def test_the_gate_of_many_signatures_is_may_fill_of_each(window: str) -> None:
    """An anchor word's gate answers for all its signatures at once what `_may_fill` answers for each."""
    for lang in ("en", "ru"):
        sigs = list(signatures.index_for(load(), lang).signatures)
        passing = signatures._Gate.of(sigs).passing(window)
        assert [sigs[i] for i in passing] == [s for s in sigs if signatures._may_fill(s, window)]
        anchor = signatures.lemmas(window.split(" ")[0], lang)
        passing = signatures._Gate.of(sigs, anchor).passing(window)
        assert [sigs[i] for i in passing] == [s for s in sigs if signatures._may_fill(s, window, anchor)]
        # An anchor word's gate holds some of the table's signatures, in the order its lemmas list them.
        some = list(range(len(sigs)))[::-3]
        passing = signatures._GateTable.of(sigs).gate(some, anchor).passing(window)
        assert passing == [i for i in some if signatures._may_fill(sigs[i], window, anchor)]


@pytest.mark.parametrize("lang, text", [
    ("en", "They built a community of shared destiny for mankind and a cooperation platform."),
    ("ru", "Итоги года. Растут обмены между людьми, и сотрудничество крепнет."),
])
def test_an_index_read_from_the_cache_unpickles_only_the_signatures_its_gates_let_through(lang: str, text: str) -> None:
    index = signatures.index_for(load(), lang)
    cached = signatures._unflatten(*pickle.loads(pickle.dumps(signatures._flatten(index))))
    assert cached.scan(text) == index.scan(text) != []
    unpickled = {i for i, sig in enumerate(cached.signatures._items) if sig is not None}  # type: ignore[attr-defined]
    words = {w: signatures.lemmas(w, lang) for w in cached._gates}
    started = {i for own in words.values() for lemma in own for i in cached._at.get(lemma, ())}
    assert unpickled < started
    lower = text.lower()
    assert all(any(signatures._may_fill(index.signatures[i], lower, own)
                   for own in words.values()) for i in unpickled)


def test_a_scan_lets_go_of_the_signatures_it_unpickled_past_the_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    """A large index keeps at most `_KEPT` signatures unpickled between scans, and the memos that hold
    them; the hits are the same as with every signature kept."""
    index = signatures.index_for(load(), "en")
    cached = signatures._unflatten(*pickle.loads(pickle.dumps(signatures._flatten(index))))
    texts = ["They built a community of shared destiny for mankind and a cooperation platform.",
             "The Belt and Road cooperation and a global development initiative, a new type of international "
             "relations and the community of a shared future.", "A global security initiative of common security."]
    kept = [index.scan(text) for text in texts]
    monkeypatch.setattr(signatures.Index, "_KEPT", 0)
    held = []
    for text, hits in zip(texts, kept):
        assert cached.scan(text) == hits
        held.append(cached.signatures.held)  # type: ignore[attr-defined]
    assert all(held)
    assert STATE.signature_slots
    cached.scan("Peace.")  # no anchor: lets go and unpickles nothing
    assert cached.signatures.held == 0 and not STATE.signature_slots  # type: ignore[attr-defined]
    monkeypatch.setattr(signatures.Index, "_KEPT", 10_000)
    for text, hits in zip(texts, kept):
        assert cached.scan(text) == hits
    assert cached.signatures.held >= max(held)  # type: ignore[attr-defined]


_FILLER = ["the", "of", "and", "a", "in", "new", "people", "level", "и", "в", "новый", "люди", "-", " ", ","]


@settings(max_examples=150, deadline=None)
@given(st.data())
def test_a_gate_whose_window_holds_no_open_slots_letters_answers_as_may_fill(data: st.DataObject) -> None:
    """Most windows hold letters of no slot the anchor leaves open: the gate then answers at once, and its
    answer is `_may_fill`'s for every signature of the anchor lemma."""
    lang = data.draw(st.sampled_from(["en", "ru"]))
    index = signatures.index_for(load(), lang)
    lemma = data.draw(st.sampled_from(sorted(index.by_lemma)))
    own = list({id(s): s for s in index.by_lemma[lemma]}.values())
    # More slots tolerated: signatures that the anchor word alone lets through, or with one more slot.
    sigs = own + [dataclasses.replace(s, tolerance=s.tolerance + more) for s in own for more in (1, 2)]
    anchor = frozenset({lemma})
    gate = signatures._Gate.of(sigs, anchor)
    slot_words = sorted({w for s in own for slot in s.slots for w in slot})
    split = [w[:k] + c + w[k:] for w in slot_words for k in (1, 2) for c in " -" if len(w) > k]
    pieces = data.draw(st.lists(st.sampled_from(_FILLER + [lemma] + slot_words + split), max_size=12))
    window = " ".join(pieces)
    assert [sigs[i] for i in gate.passing(window)] == [s for s in sigs if signatures._may_fill(s, window, anchor)]
    assert gate.opens(window) == any(p in window for p in gate.telling)
    if not gate.opens(window):
        # The scan then takes `bare` for the anchor's stretch too, without cutting it out.
        assert gate.passing(window) == gate.bare
        cut = data.draw(st.integers(0, len(window)))
        assert gate.passing(window[:cut]) == gate.passing(window[cut:]) == gate.bare


def test_the_anchor_word_fills_its_slot_whatever_its_letters() -> None:
    """«людьми» is a form of «человек» but does not start with its letters: the gate used to let the
    signature through only when some other word nearby happened to hold «чел»."""
    index = signatures.index_for(load(), "ru")
    text = "Итоги года. Растут обмены между людьми"
    assert [hit.signature.concept_id for hit in index.scan(text)] == ["personnel-exchanges"]


def test_a_name_written_with_hyphens_in_capitals_is_no_identifier(tb) -> None:  # type: ignore[no-untyped-def]
    text = "The Community-of-Common-Destiny slogan"
    [hit] = signatures.index_for(tb, "en").scan(text)
    assert text[hit.start:hit.end] == "Community-of-Common-Destiny"
    assert signatures.index_for(tb, "en").scan("see community-of-common-destiny.md") == []


@pytest.mark.parametrize(("a", "b", "same"), [
    ("hegemony", "hegemonism", True), ("asia", "asian", True), ("diplomacy", "diplomatic", True),
    ("harmony", "harmonious", True), ("periphery", "peripheral", True),
    ("state", "statement", False), ("party", "partner", False), ("global", "globalization", False),
    ("community", "communist", False), ("man", "many", False),
])
def test_stem(a: str, b: str, same: bool) -> None:
    assert signatures._stem(a, b) is same


@given(st.text(alphabet="abcdehilmnorstuy", max_size=12), st.text(alphabet="abcdehilmnorstuy", max_size=12))
def test_stem_is_symmetric_and_needs_a_shared_start(a: str, b: str) -> None:
    assert signatures._stem(a, b) == signatures._stem(b, a)
    if signatures._stem(a, b):
        assert a[:4] == b[:4] and len(a) >= 4 and len(b) >= 4
    if len(a) >= 4:
        assert signatures._stem(a, a)


STEMS = textwrap.dedent("""\
    concepts:
      - id: hegemonism
        terms:
          en:
            - {text: hegemonism and power politics, status: preferred}
      - id: extreme-ideologies
        terms:
          en:
            - {text: extreme ideologies, status: preferred}
    """)


@pytest.mark.parametrize(("text", "found"), [
    ("They oppose hegemony and power politics.", "hegemony and power politics"),  # the anchor word changed too
    ("They oppose hegemonism and power politics.", "hegemonism and power politics"),
    ("the spread of extremist ideology", None),  # a two-slot name keeps its words: one stem may not change
])
def test_a_long_name_may_change_a_word_to_one_of_its_stem(text: str, found: str | None) -> None:
    hits = signatures.index_for(loads(STEMS, "t.yaml"), "en").scan(text)
    assert [text[h.start:h.end] for h in hits] == ([found] if found else [])


ATTESTED = textwrap.dedent("""\
    concepts:
      - id: values
        terms:
          en:
            - {text: common values of humanity, status: preferred}
            - {text: common values of mankind, status: deprecated}
      - id: community
        terms:
          en:
            - {text: community with a shared future for humanity, status: preferred}
            - {text: community with a shared future for mankind, status: deprecated}
      - id: harmony
        terms:
          en:
            - {text: harmony between humanity and nature, status: preferred}
      - id: great-power
        terms:
          en:
            - {text: major country diplomacy, status: preferred}
            - {text: great power diplomacy, status: deprecated}
      - id: great-wall
        terms:
          en:
            - {text: Great Wall heritage site, status: preferred}
    """)


def test_a_synonym_seen_in_two_concepts_is_lent_base_wide() -> None:
    index = signatures.index_for(loads(ATTESTED, "t.yaml"), "en")
    harmony = next(s for s in index.signatures if s.concept_id == "harmony")
    assert "mankind" in harmony.slots[1]
    text = "They seek harmony between mankind and nature."
    [hit] = index.scan(text)
    assert (hit.concept_id, text[hit.start:hit.end]) == ("harmony", "harmony between mankind and nature")
    # A pair seen in one concept stays its own: "major" is no synonym of the Great Wall's "great".
    wall = next(s for s in index.signatures if s.concept_id == "great-wall")
    assert wall.slots[0] == frozenset({"great"})


SIZE_ADJECTIVES = textwrap.dedent("""\
    concepts:
      - id: rank-diplomacy
        terms:
          en:
            - {text: major-country diplomacy with Chinese characteristics, status: preferred}
      - id: epoch-changes
        terms:
          en:
            - {text: great changes unseen in a century, status: preferred}
      - id: assembly-hall
        terms:
          en:
            - {text: Great Hall of the People, status: preferred}
    """)


@pytest.mark.parametrize(("text", "found"), [
    ("The envoy praised big-country diplomacy with Chinese characteristics.",
     ("rank-diplomacy", "big-country diplomacy with Chinese characteristics")),
    ("Economists warned of major changes unseen in a century.",
     ("epoch-changes", "major changes unseen in a century")),
    # A capital marks a proper name's word: the hall takes no adjective of size.
    ("Tourists queued outside the big Hall of the People.", None),
    ("Tourists queued outside the Major Hall of the People.", None),
    # The adjectives alone, or with words of another sense, make no name.
    ("A big country has big neighbours and major changes every century.", None),
])
def test_a_lower_case_adjective_of_size_takes_its_near_synonyms(text: str, found: tuple[str, str] | None) -> None:
    hits = signatures.index_for(loads(SIZE_ADJECTIVES, "t.yaml"), "en").scan(text)
    assert [(h.concept_id, text[h.start:h.end]) for h in hits] == ([found] if found else [])


def test_adjectives_of_size_are_never_lent_to_kin() -> None:
    index = signatures.index_for(loads(SIZE_ADJECTIVES, "t.yaml"), "en")
    hall = next(s for s in index.signatures if s.concept_id == "assembly-hall")
    assert hall.slots[0] == frozenset({"great"})
    rank = next(s for s in index.signatures if s.concept_id == "rank-diplomacy")
    assert {"great", "big"} <= rank.slots[0]


LENDING_NESTED = textwrap.dedent("""\
    concepts:
      - id: quality-growth
        terms:
          en:
            - {text: high-quality development, status: preferred}
      - id: quality-road
        terms:
          en:
            - {text: high-quality Belt and Road cooperation, status: preferred}
            - {text: high-quality Belt and Road development, status: admitted}
      - id: community
        terms:
          en:
            - {text: community with a shared future, status: preferred}
            - {text: community of common destiny, status: deprecated}
      - id: africa
        terms:
          en:
            - {text: China-Africa community with a shared future, status: preferred}
    """)


def test_words_that_alternate_in_a_wider_name_are_not_lent_to_the_name_it_holds() -> None:
    index = signatures.index_for(loads(LENDING_NESTED, "t.yaml"), "en")
    growth = next(s for s in index.signatures if s.concept_id == "quality-growth")
    assert "cooperation" not in {w for slot in growth.slots for w in slot}
    clean = "Both sides agreed to deepen high-quality cooperation in trade and higher-quality cooperation in energy."
    assert [h.concept_id for h in index.scan(clean)] == []
    # The narrower name still lends to the wider one that holds it.
    africa = next(s for s in index.signatures if s.concept_id == "africa")
    assert {"common", "destiny"} <= {w for slot in africa.slots for w in slot}
    text = "They build a China-Africa community of common destiny."
    assert [(h.concept_id, text[h.start:h.end]) for h in index.scan(text)] == [
        ("africa", "China-Africa community of common destiny")]


def test_the_shipped_base_reads_high_quality_cooperation_as_no_variant() -> None:
    import glossary

    text = "The two sides will pursue high-quality cooperation and higher-quality cooperation in trade."
    assert [f for f in glossary.check(text, "en") if f.code == "unlisted-variant"] == []


SPLIT = textwrap.dedent("""\
    concepts:
      - id: luban
        terms:
          en:
            - {text: Luban Workshop, status: preferred}
      - id: sco
        terms:
          en:
            - {text: regional cooperation mechanism, status: preferred}
    """)


@pytest.mark.parametrize(("text", "found"), [
    ("Three Lu Ban Workshops opened.", "Lu Ban Workshops"),
    ("a Lu-Ban workshop", "Lu-Ban workshop"),
    ("the regional co-operation mechanism", "regional co-operation mechanism"),
    ("Lu, Ban Workshop", None),  # a comma is no split inside a word
    ("Lu  Ban Workshop", None),  # nor are two spaces
    ("Lu\tBan Workshop", None),  # nor a tab
    ("the Workshop of Lu", None),
    ("the regional mechanism has cooperation", None),  # "mechanism has" is no split "mechanism"
])
def test_a_slot_word_may_be_written_as_two(text: str, found: str | None) -> None:
    hits = signatures.index_for(loads(SPLIT, "t.yaml"), "en").scan(text)
    assert [text[h.start:h.end] for h in hits] == ([found] if found else [])


def test_a_split_word_is_one_slot_word_of_the_hit() -> None:
    text = "Three Lu Ban Workshops opened."
    [hit] = signatures.index_for(loads(SPLIT, "t.yaml"), "en").scan(text)
    assert [text[s:e] for s, e in hit.words] == ["Lu Ban", "Workshops"]


@given(st.sampled_from(["luban", "workshop", "regional", "cooperation", "mechanism"]), st.integers(1, 2),
       st.sampled_from(" -"))
def test_the_gate_reads_a_slot_word_split_in_its_first_letters(word: str, at: int, mark: str) -> None:
    index = signatures.index_for(loads(SPLIT, "t.yaml"), "en")
    for sig in index.signatures:
        if any(word in slot for slot in sig.slots):
            others = " ".join(min(slot) for slot in sig.slots if word not in slot)
            assert signatures._may_fill(sig, f"{word[:at]}{mark}{word[at:]} {others}")


RU = textwrap.dedent("""\
    concepts:
      - id: shared-future
        terms:
          ru:
            - {text: сообщество единой судьбы, status: preferred}
      - id: lakes-community
        terms:
          ru:
            - {text: сообщество единой судьбы Великих озер, status: preferred}
            - {text: "Великие озера: сообщество с общим будущим", status: admitted}
      - id: forces
        terms:
          ru:
            - {text: производительные силы нового качества, status: preferred}
      - id: relations
        terms:
          ru:
            - {text: международные отношения нового типа, status: preferred}
      - id: civilization
        terms:
          ru:
            - {text: Инициатива глобальной цивилизации, status: preferred}
      - id: hegemony
        terms:
          ru:
            - {text: гегемонизм и политика силы, status: preferred}
      - id: spirit
        terms:
          ru:
            - {text: дух «Озера – Горы», status: preferred}
    """)


@pytest.fixture(scope="module")
def ru():  # type: ignore[no-untyped-def]
    return loads(RU, "t.yaml")


def _unlisted(tb, text: str) -> list[tuple[str, str, str | None]]:  # type: ignore[no-untyped-def]
    import glossary

    return [(f.concept_id or "", f.found, f.suggestion) for f in glossary.check(text, "ru", tb)
            if f.code == "unlisted-variant"]


def test_a_russian_reorder_that_keeps_the_cases_is_the_listed_rendering(ru) -> None:  # type: ignore[no-untyped-def]
    assert _unlisted(ru, "Это основа нового типа международных отношений.") == []
    assert _unlisted(ru, "Это развитие производительных сил нового качества.") == []


def test_a_russian_reorder_that_makes_the_dependent_the_head_is_a_variant(ru) -> None:  # type: ignore[no-untyped-def]
    # «нового качества» depended on «силы»; here «качество» is the head and «сил» the genitive.
    assert _unlisted(ru, "Тема форума — новое качество производительных сил.") == [
        ("forces", "новое качество производительных сил", "производительные силы нового качества")]
    assert _unlisted(ru, "Речь шла о новом качестве производительных сил.") == [
        ("forces", "новом качестве производительных сил", "производительных силах нового качества")]


def test_russian_coordinated_words_may_swap(ru) -> None:  # type: ignore[no-untyped-def]
    assert _unlisted(ru, "Политика силы и гегемонизм осуждаются.") == []


def test_a_russian_adjective_fills_the_slot_of_its_noun(ru) -> None:  # type: ignore[no-untyped-def]
    assert _unlisted(ru, "Глобальная цивилизационная инициатива обсуждалась.") == [
        ("civilization", "Глобальная цивилизационная инициатива", "Инициатива глобальной цивилизации")]
    # The anchor gate knows the adjective's forms too.
    assert _unlisted(ru, "Он поддержал Глобальную цивилизационную инициативу.") == [
        ("civilization", "Глобальную цивилизационную инициативу", "Инициативу глобальной цивилизации")]


@pytest.mark.parametrize(("lemma", "derived"), [
    ("цивилизация", "цивилизационный"), ("цивилизационный", "цивилизация"), ("человечество", "человеческий"),
    ("безопасность", "безопасный"), ("безопасный", "безопасность"), ("дипломатия", "дипломатический"),
])
def test_russian_derivation_pairs_noun_and_adjective(lemma: str, derived: str) -> None:
    assert derived in signatures.ru_derived(lemma)


def test_russian_derivation_leaves_names_and_short_stems_alone() -> None:
    assert signatures.ru_derived("китай") == frozenset()
    assert signatures.ru_derived("китайский") == frozenset()
    assert signatures.ru_derived("мир") == frozenset()


_RU_LEMMAS = ["цивилизация", "человечество", "безопасность", "справедливость", "глобальный", "инициатива",
              "государство", "дипломатия", "история", "культура", "национальный", "качество", "экологический",
              "добрососедство", "интеграция", "регион", "демократия", "модернизация", "революция", "сотрудничество"]


@given(st.sampled_from(_RU_LEMMAS))
def test_a_derived_word_is_a_dictionary_lemma_of_the_other_part_of_speech(lemma: str) -> None:
    from glossary.morph import russian

    an = russian.analyser()
    pos = {p.tag.POS for p in an.parses(lemma) if p.normal_form == lemma}
    for word in signatures.ru_derived(lemma):
        theirs = {p.tag.POS for p in an.parses(word) if p.normal_form == word and p.is_known}
        assert theirs and not theirs & pos and word[:5] == lemma[:5]


def test_russian_words_beside_a_shared_word_teach_their_slots_by_part_of_speech(ru) -> None:  # type: ignore[no-untyped-def]
    # «Великие озера: сообщество с общим будущим»: общий stands beside сообщество where единый does, будущее where судьба does.
    sig = signatures.derive(ru.concept("lakes-community"), "ru")
    assert sig is not None and {"единый", "общий"} <= sig.slots[1] and {"судьба", "будущее"} <= sig.slots[2]


def test_a_preposition_settles_the_case_of_a_russian_suggestion(ru) -> None:  # type: ignore[no-untyped-def]
    assert _unlisted(ru, "Саммит обратился к духу Озер и Гор.") == [("spirit", "духу Озер и Гор", "духу «Озера – Горы»")]


_RAW_PIECES = ["Community", "COMMUNITIES", "community’s", "Shared", "FUTURE", "future", "destiny", "Belt", "ROAD",
               "initiative", "Initiative", "\u212aey", "İ", "k", " ", "  ", "\n", "-", "’", "'", ".", ",", "(", "_",
               "of", "with", "a", "for", "mankind", "humanity", "«", "»", "\"", "x", "ſ", "\U0001f600", "é", ";", "—"]


@settings(max_examples=300)
@given(st.lists(st.sampled_from(_RAW_PIECES), max_size=40).map("".join))
def test_anchors_of_the_raw_text_are_those_of_the_lowered_text(text: str) -> None:
    """English anchor forms are ASCII: a caseless scan of the text as it is finds what the scan of its
    lower case finds (the Kelvin sign and "İ" take the lower-cased route)."""
    index = signatures.index_for(load(), "en")
    assert list(index.anchors(text)) == list(index.anchors(text, text.lower()))


@settings(max_examples=300)
@given(st.lists(st.sampled_from(_RAW_PIECES), max_size=40).map("".join))
def test_hits_from_the_words_between_hard_characters_are_those_from_every_word(text: str) -> None:
    """A hit is tokenized only between the characters no hit crosses (`_stretch_words`); every word
    of the window gives the same hits."""
    index = signatures.index_for(load(), "en")
    narrow = index.scan(text)
    from unittest import mock

    with mock.patch.object(signatures, "_stretch_words", lambda text, start, end: signatures.words(text)):
        assert index.scan(text) == narrow


def test_a_three_slot_english_name_has_two_anchors_a_longer_one_keeps_its_tolerance_pair() -> None:
    index = signatures.index_for(loads(STEMS + SPLIT.split("concepts:\n", 1)[1], "t.yaml"), "en")
    by_id = {s.concept_id: s for s in index.signatures}
    assert len(by_id["hegemonism"].anchors) == 2  # three slots: the anchor word may change its stem
    assert len(by_id["extreme-ideologies"].anchors) == 1
    assert len(by_id["sco"].anchors) == 2
    values = loads("concepts:\n  - id: values\n    terms:\n      en:\n"
                   "        - {text: value chain resilience, status: preferred}\n", "t.yaml")
    [sig] = signatures.index_for(values, "en").signatures
    assert len(sig.anchors) == 1  # the next slot's word is short and common: no second anchor


def test_the_gate_takes_one_split_slot_word_not_two() -> None:
    sig = next(s for s in signatures.index_for(loads(SPLIT, "t.yaml"), "en").signatures if s.concept_id == "sco")
    assert signatures._may_fill(sig, "regional co-operation mechanism")
    assert not signatures._may_fill(sig, "re-gional co-operation mechanism".replace("mechanism", "m"))
    assert not signatures._may_fill(sig, "re gional co operation mechanism")


def test_gates_are_kept_per_anchor_word_across_texts() -> None:
    index = signatures.index_for(loads(SPLIT, "t.yaml"), "en")
    text = "Three Lu Ban Workshops opened."
    first = index.scan(text)
    assert "workshops" in {w.lower() for w in index._gates}
    assert index.scan(text) == first


def test_an_anchor_inside_a_longer_token_finds_nothing() -> None:
    """With "İ" in the text the regex gate reads "community" where the words are one token; this crashed."""
    assert signatures.index_for(load(), "en").scan("community’sCommunityİ") == []


RU_LONG = textwrap.dedent("""\
    concepts:
      - id: revival
        terms:
          ru:
            - {text: Великое возрождение озерной нации, status: preferred}
      - id: development
        terms:
          ru:
            - {text: Инициатива по глобальному развитию, status: preferred}
    """)


def test_a_shortened_russian_name_whose_missing_place_another_word_takes_is_no_hit() -> None:
    tb = loads(RU_LONG, "t.yaml")
    assert [h.concept_id for h in signatures.index_for(tb, "ru").scan("путь к великому возрождению нации.")] == [
        "revival"]
    # «культуры» agrees with «озерной» and stands where «нации» would: another phrase.
    assert signatures.index_for(tb, "ru").scan("путь к великому возрождению озерной культуры.") == []


def test_a_reordered_russian_name_followed_by_a_genitive_is_part_of_another_phrase() -> None:
    tb = loads(RU_LONG, "t.yaml")
    assert _unlisted(tb, "Глобальная инициатива развития поддержана.") == [
        ("development", "Глобальная инициатива развития", "Инициатива по глобальному развитию")]
    assert _unlisted(tb, "Глобальная инициатива развития здравоохранения поддержана.") == []
    # A name in the genitive is the initiative's owner, not another phrase.
    assert len(_unlisted(tb, "Глобальная инициатива развития Китая поддержана.")) == 1


def test_an_adjective_inserted_inside_a_whole_russian_name_is_a_variant() -> None:
    tb = loads(RU_LONG.replace("Великое возрождение", "Всеобъемлющее возрождение"), "t.yaml")
    index = signatures.index_for(tb, "ru")
    text = "Это всеобъемлющее возрождение древней озерной нации."
    assert [text[h.start:h.end] for h in index.scan(text)] == ["всеобъемлющее возрождение древней озерной нации"]
    # Only where every word of the name is there.
    assert index.scan("Это всеобъемлющее возрождение древней нации.") == []


def test_a_russian_hit_does_not_end_with_an_adjective() -> None:
    tb = loads(RU_LONG.replace("Великое возрождение", "Всеобъемлющее возрождение"), "t.yaml")
    index = signatures.index_for(tb, "ru")
    assert [h.concept_id for h in index.scan("Это всеобъемлющее возрождение озерной нации.")] == ["revival"]
    # «... и всеобъемлющее» is half of another phrase.
    assert index.scan("Это возрождение озерной нации и всеобъемлющее.") == []


def _free_hits(index, text: str, claims, with_claims: bool) -> list:  # type: ignore[no-untyped-def]
    return [h for h in (index.scan(text, claims) if with_claims else index.scan(text)) if claims.free(h)]


def _claims(termbase, lang: str, text: str):  # type: ignore[no-untyped-def]
    from glossary.checks.variants import _Claims
    from glossary.matcher import matcher_for

    return _Claims(matcher_for(termbase, lang).scan(text))


def _mixed(lang: str) -> list[str]:
    """Unlisted renderings of the shipped base made of two halves of a concept's listed ones."""
    by_concept = [[t.text for t in c.terms if t.lang == lang] for c in load().concepts]
    texts = {t for group in by_concept for t in group}
    mixed = set()
    for group in by_concept:
        split = [[w for _, _, w in signatures.words(t)] for t in group]
        mixed.update(" ".join(a[:len(a) // 2] + b[len(b) // 2:]) for a in split for b in split if a != b)
    return sorted(mixed - texts)


def _pieces(lang: str) -> list[str]:
    """Listed renderings of the shipped base, unlisted ones made of two halves of a concept's
    renderings, their words, and what stands between words."""
    texts = sorted({t.text for c in load().concepts for t in c.terms if t.lang == lang})
    words = sorted({w for t in texts for _, _, w in signatures.words(t)})
    return texts + _MIXED[lang] + words + [",", ".", "-", "«", "»", "of", "the", "и", "в"]


_MIXED = {lang: _mixed(lang) for lang in ("en", "ru")}
_PIECES = {lang: _pieces(lang) for lang in ("en", "ru")}


def _holding(lang: str) -> list[str]:
    """The unlisted renderings of `_mixed` that hold a listed rendering (of another concept, mostly)."""
    from glossary.matcher import matcher_for

    matcher = matcher_for(load(), lang)
    return [t for t in _MIXED[lang] if matcher.scan(t)]


@settings(max_examples=150, deadline=None)
@given(st.sampled_from(["en", "ru"]), st.data())
def test_a_scan_told_the_claims_keeps_the_same_free_hits(lang: str, data) -> None:  # type: ignore[no-untyped-def]
    """Walks skipped inside listed renderings of their own concept change no hit that `free` keeps."""
    pieces = data.draw(st.lists(st.sampled_from(_PIECES[lang]), max_size=25))
    text = " ".join(pieces)
    tb = load()
    index = signatures.index_for(tb, lang)
    claims = _claims(tb, lang, text)
    assert _free_hits(index, text, claims, True) == _free_hits(index, text, claims, False)


_HOLDING = {lang: _holding(lang) for lang in ("en", "ru")}


@settings(max_examples=250, deadline=None)
@given(st.sampled_from(["en", "ru"]), st.data())
def test_walks_that_stay_inside_another_concepts_rendering_change_no_free_hit(lang: str, data) -> None:  # type: ignore[no-untyped-def]
    """A walk from an anchor inside a listed rendering of another concept is skipped too when it cannot
    leave it (`_stays_inside`), and a longer unlisted name around the listed one is still found
    ("ASEAN China community of common destiny" around "community of common destiny")."""
    around = st.lists(st.sampled_from(_PIECES[lang]), max_size=3)
    text = " ".join([*data.draw(around), data.draw(st.sampled_from(_HOLDING[lang])), *data.draw(around)])
    tb = load()
    index = signatures.index_for(tb, lang)
    claims = _claims(tb, lang, text)
    assert _free_hits(index, text, claims, True) == _free_hits(index, text, claims, False)


def test_a_free_hit_near_a_skipped_walk_makes_the_walks(tb, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    text = "the community with a shared future, and a community of shared destiny"
    index = signatures.index_for(tb, "en")
    claims = _claims(tb, "en", text)
    made = []
    needed = signatures.Index._needed
    monkeypatch.setattr(signatures.Index, "_needed", lambda *a: made.append(needed(*a)) or made[-1])
    free = _free_hits(index, text, claims, True)
    assert made == [True]
    assert [text[h.start:h.end] for h in free] == ["community of shared destiny"]
    assert free == _free_hits(index, text, claims, False)


@pytest.mark.parametrize("lang", ["en", "ru"])
@pytest.mark.parametrize("source", ["speed sample", "glossary page"])
def test_the_scan_told_the_claims_on_longer_texts(lang: str, source: str) -> None:
    """The speed sample (synthetic prose with the slow paths' characters) and the project's own
    glossary page (real prose naming every concept, listed renderings and their variants side by side)."""
    from .conftest import DATA

    if source == "speed sample":
        tb = load([DATA / "speed" / "termbase.yaml"], default=False)
        text = (DATA / "speed" / f"sample.{lang}.txt").read_text(encoding="utf-8")
    else:
        tb = load()
        text = (DATA.parent.parent / "docs" / "glossary.md").read_text(encoding="utf-8")
    index = signatures.index_for(tb, lang)
    claims = _claims(tb, lang, text)
    assert _free_hits(index, text, claims, True) == _free_hits(index, text, claims, False)


RU_NAMES = textwrap.dedent("""\
    concepts:
      - id: coexistence
        terms:
          ru:
            - {text: гармоничное сосуществование озер и гор, status: preferred}
      - id: lakes-railway
        terms:
          ru:
            - {text: озерная дорога Китай – Кыргызстан – Озерия, status: preferred}
      - id: lakes-forum
        terms:
          ru:
            - {text: форум сотрудничества Китай – Центральная Азия, status: preferred}
            - {text: форум «Китай – Озерия», status: admitted}
      - id: lakes-head
        terms:
          ru:
            - {text: Глава озерного совета КНР, status: preferred}
    """)


@pytest.fixture(scope="module")
def names():  # type: ignore[no-untyped-def]
    return loads(RU_NAMES, "t.yaml")


@pytest.mark.parametrize(("text", "found"), [
    ("путь к великому возрождению нации.", "великому возрождению нации"),
    ("Великим возрождением нации занялись все.", "Великим возрождением нации"),
])
def test_a_long_russian_description_may_lose_an_inner_adjective(text: str, found: str) -> None:
    # ... but the adjective of its last noun may go: the nouns still say what is meant.
    tb = loads(RU_LONG.replace("Великое возрождение", "великое возрождение"), "t.yaml")
    assert [text[h.start:h.end] for h in signatures.index_for(tb, "ru").scan(text)] == [found]


@pytest.mark.parametrize("text", [
    "Это возрождение великой нации.",  # another order: another phrase
    "путь к великому возрождению древней культуры.",  # another adjective and noun in their places
    "путь к великому возрождению морской нации.",  # another adjective in the missing one's place
    "Великая нация пережила возрождение.",
    "Возрождение нации было великим.",
    "Это великое событие в жизни нации.",
])
def test_a_long_russian_description_without_its_inner_adjective_needs_the_rest_in_order(text: str) -> None:
    tb = loads(RU_LONG.replace("Великое возрождение", "великое возрождение"), "t.yaml")
    assert signatures.index_for(tb, "ru").scan(text) == []


def test_an_adjective_read_also_as_a_noun_is_no_russian_head() -> None:
    sig = signatures.derive(loads(RU_LONG.replace("Великое возрождение", "великое возрождение"), "t.yaml").concepts[0],
                            "ru")
    assert sig is not None and sig.head == 1 and "великий" in sig.slots[0]


def test_a_russian_clause_with_a_verb_names_nothing(names) -> None:  # type: ignore[no-untyped-def]
    # The same roots as a clause (a finite verb, an adverb or short adjective) describe; they name nothing.
    assert _unlisted(names, "Здесь озера и горы гармонично сосуществуют.") == []
    assert _unlisted(names, "Здесь озера и горы сосуществуют гармонично.") == []
    # The noun phrase is the listed name, in another case.
    assert _unlisted(names, "Мы за гармоничное сосуществование озер и гор.") == []


def test_the_order_of_a_russian_list_of_names_makes_no_variant(names) -> None:  # type: ignore[no-untyped-def]
    assert _unlisted(names, "Строится озерная дорога Озерия – Кыргызстан – Китай.") == []
    assert _unlisted(names, "Открылся форум сотрудничества Центральная Азия – Китай.") == []
    assert _unlisted(names, "Открылся форум «Озерия – Китай».") == []
    # What stands before the list stays in its place: «форум» heads the name either way.
    assert signatures.sequence("Форум Китай – Центральная Азия", "ru", signatures.FUNCTION_WORDS["ru"]) == (
        "форум", "китай", "центральный", "азия")


def test_names_of_one_country_fill_one_russian_slot(names) -> None:  # type: ignore[no-untyped-def]
    assert _unlisted(names, "Строится озерная дорога Китай – Киргизия – Озерия.") == [
        ("lakes-railway", "озерная дорога Китай – Киргизия – Озерия", "озерная дорога Китай – Кыргызстан – Озерия")]
    assert _unlisted(names, "Выступил глава озерного совета Китая.") == [
        ("lakes-head", "глава озерного совета Китая", "Глава озерного совета КНР")]


def test_a_shortened_russian_name_with_another_owner_names_someone_else(names) -> None:  # type: ignore[no-untyped-def]
    # «КНР» is missing and another name stands in its place: another country's council.
    assert _unlisted(names, "Выступил глава озерного совета Озерии.") == []
    assert _unlisted(names, "Выступил глава озерного совета РК.") == []
    # Shortened, with nothing in the owner's place, it is still the concept.
    assert [c for c, _, _ in _unlisted(names, "Выступил глава озерного совета.")] == ["lakes-head"]


RU_WRAPPED = textwrap.dedent("""\
    concepts:
      - id: lakes-format
        terms:
          ru:
            - {text: механизм «Озерия – Центральная Азия», status: preferred}
            - {text: формат «Озерия – Центральная Азия», status: admitted}
      - id: lakes-office
        terms:
          ru:
            - {text: секретариат механизма сотрудничества Озерия – Центральная Азия, status: preferred}
      - id: lakes-centre
        terms:
          ru:
            - {text: Центр сотрудничества по охране озер формата «Озерия – Центральная Азия», status: preferred}
    """)


@pytest.fixture(scope="module")
def wrapped():  # type: ignore[no-untyped-def]
    return loads(RU_WRAPPED, "t.yaml")


def test_a_russian_name_may_wrap_its_list_of_names_otherwise(wrapped) -> None:  # type: ignore[no-untyped-def]
    # «механизма сотрудничества» and «формата» wrap the list; a variant may swap or drop them.
    assert _unlisted(wrapped, "Открыт секретариат формата «Озерия – Центральная Азия».") == [
        ("lakes-office", "секретариат формата «Озерия – Центральная Азия»",
         "секретариат механизма сотрудничества Озерия – Центральная Азия")]
    assert [c for c, _, _ in _unlisted(wrapped, "Открыт секретариат «Центральная Азия – Озерия».")] == ["lakes-office"]
    # The centre's name, quotes and all, wins over the format's name inside it.
    assert [(c, f) for c, f, _ in _unlisted(wrapped, "Открыт Центр по охране озер формата «Озерия – Центральная Азия».")] == [
        ("lakes-centre", "Центр по охране озер формата «Озерия – Центральная Азия»")]


def test_a_russian_name_with_a_list_keeps_every_member_of_it(wrapped) -> None:  # type: ignore[no-untyped-def]
    assert _unlisted(wrapped, "Открыт секретариат Центральной Азии.") == []
    assert _unlisted(wrapped, "Работает формат «Центральная Азия плюс Озерия».") == []
    # A list that goes on is another list.
    assert _unlisted(wrapped, "Работает механизм «Озерия – Центральная Азия – Европа».") == []
    assert _unlisted(wrapped, "Работает механизм «Европа – Озерия – Центральная Азия».") == []


def test_quotes_around_a_list_of_names_keep_a_reordered_name_listed(wrapped) -> None:  # type: ignore[no-untyped-def]
    assert _unlisted(wrapped, "Работает механизм «Центральная Азия – Озерия».") == []
    assert _unlisted(wrapped, "Встреча прошла в формате «Центральная Азия – Озерия».") == []
    assert signatures.quotes_a_list("механизм «Центральная Азия – Озерия»")
    assert not signatures.quotes_a_list("инициатива «Глобальная цивилизация»")
    assert not signatures.quotes_a_list("механизм «Озерия – Центральная Азия» и «Глобальная цивилизация»")


def test_a_russian_description_is_found_only_whole_a_proper_name_also_shortened() -> None:
    tb = loads(RU_LONG.replace("Великое возрождение", "великое возрождение"), "t.yaml")
    index = signatures.index_for(tb, "ru")
    # Lower case: a description; without one of its words it describes something else ...
    assert index.scan("путь к возрождению озерной нации.") == []
    assert index.scan("путь к великому возрождению озерной.") == []
    assert [h.concept_id for h in index.scan("путь к великому возрождению озерной нации.")] == ["revival"]
    # Capitalized: a proper name, which may lose a word (RU_LONG as it is).
    assert [h.concept_id for h in signatures.index_for(loads(RU_LONG, "t.yaml"), "ru").scan(
        "путь к великому возрождению нации.")] == ["revival"]


RU_CLAUSE = textwrap.dedent("""\
    concepts:
      - id: lake-centred
        terms:
          ru:
            - {text: "озерная система, в центре которой находится ОВО", status: preferred}
    """)


@pytest.mark.parametrize(("text", "found", "suggestion"), [
    # Free order inside the name: the clause as a phrase, or as a compound adjective.
    ("Мы укрепляем озерную систему с ОВО в центре.", "озерную систему с ОВО в центре",
     "озерную систему, в центре которой находится ОВО"),
    ("Мы укрепляем ОВО-центричную озерную систему.", "ОВО-центричную озерную систему",
     "озерную систему, в центре которой находится ОВО"),
])
def test_a_russian_name_made_of_a_clause_is_found_in_another_order(text: str, found: str, suggestion: str) -> None:
    assert _unlisted(loads(RU_CLAUSE, "t.yaml"), text) == [("lake-centred", found, suggestion)]


@pytest.mark.parametrize("text", [
    "Мы укрепляем озерную систему, в центре которой находится ОВО.",  # listed
    "Мы укрепляем озерную систему ОВО.",  # a description shortened: something else
    "Это озерная система, в которой ОВО играет роль.",
])
def test_a_russian_name_made_of_a_clause_needs_all_its_words(text: str) -> None:
    assert _unlisted(loads(RU_CLAUSE, "t.yaml"), text) == []


def test_the_words_of_a_russian_clause_are_no_slots() -> None:
    sig = signatures.derive(loads(RU_CLAUSE, "t.yaml").concepts[0], "ru")
    assert sig is not None and len(sig.slots) == 4
    assert not {"который", "находиться"} & set().union(*sig.slots)


OWNED = textwrap.dedent("""\
    concepts:
      - id: party-chief
        terms:
          en:
            - {text: General Secretary of the CPC Central Committee, status: preferred}
            - {text: general secretary of the Communist Party of China Central Committee, status: admitted}
      - id: quality-road
        terms:
          en:
            - {text: high-quality Belt and Road cooperation, status: preferred}
            - {text: high-quality Belt and Road development, status: admitted}
    """)


@pytest.fixture(scope="module")
def owned():  # type: ignore[no-untyped-def]
    return loads(OWNED, "t.yaml")


def _en_hits(tb, text: str) -> list[str]:  # type: ignore[no-untyped-def]
    return [text[h.start:h.end] for h in signatures.index_for(tb, "en").scan(text)]


@pytest.mark.parametrize("text", [
    "She became general secretary of the Central Committee of the Workers' Party of Ruritania last spring.",
    "Reporters waited for the Central Committee general secretary to arrive.",
    "A Central Committee general secretary of some party may speak.",
])
def test_a_shortened_name_without_its_owner_is_anyones(owned, text: str) -> None:  # type: ignore[no-untyped-def]
    # "CPC" is the name's owner (an abbreviation; "China" is a capital among lower-case words):
    # a name that drops it, or whose missing part's "of ..." names another owner, is no variant.
    assert _en_hits(owned, text) == []


def test_a_shortened_name_that_keeps_its_owner_is_still_found(owned) -> None:  # type: ignore[no-untyped-def]
    text = "The visitor met the CPC Central Committee general secretary on Monday."
    assert _en_hits(owned, text) == ["CPC Central Committee general secretary"]
    sig = signatures.derive(owned.concept("party-chief"), "en")
    assert sig is not None
    proper = signatures._shape(sig).proper
    assert {k for k, s in enumerate(sig.slots) if s & {"cpc", "china"}} <= proper
    assert not {k for k, s in enumerate(sig.slots) if "secretary" in s} & proper


@pytest.mark.parametrize("text", [
    "The plan joins high-quality development and Belt and Road cooperation across the region.",
    "It weighs high-quality growth and Belt and Road development alike.",
])
def test_a_conjunction_joins_two_phrases_not_two_words_of_one_name(owned, text: str) -> None:  # type: ignore[no-untyped-def]
    assert _en_hits(owned, text) == []


def test_a_conjunction_a_rendering_has_still_joins(owned) -> None:  # type: ignore[no-untyped-def]
    text = "They praised high quality Belt and Road cooperation."
    assert _en_hits(owned, text) == ["high quality Belt and Road cooperation"]


LONG_PAIRS = textwrap.dedent("""\
    concepts:
      - id: people-future
        terms:
          en:
            - {text: community with a shared future for humanity, status: preferred}
            - {text: community with a shared future for mankind, status: deprecated}
      - id: shared-ethics
        terms:
          en:
            - {text: shared ethics of humanity, status: preferred}
      - id: party-line
        terms:
          en:
            - {text: eternal friendship treaty, status: preferred}
            - {text: permanent friendship treaty, status: admitted}
      - id: loyal-pact
        terms:
          en:
            - {text: permanent neutrality pact, status: preferred}
    """)


def test_long_synonyms_seen_in_one_concept_are_lent_base_wide() -> None:
    index = signatures.index_for(loads(LONG_PAIRS, "t.yaml"), "en")
    text = "Delegates invoked the shared ethics of mankind, and an eternal neutrality pact."
    got = [(h.concept_id, text[h.start:h.end]) for h in index.scan(text)]
    assert got == [("shared-ethics", "shared ethics of mankind"), ("loyal-pact", "eternal neutrality pact")]


def test_a_place_and_its_adjective_fill_one_slot_of_a_long_name() -> None:
    tb = loads(textwrap.dedent("""\
        concepts:
          - id: party
            terms:
              en:
                - {text: "Workers' Party of China", status: preferred}
        """), "t.yaml")
    text = "The Chinese Workers' Party met."
    assert [text[h.start:h.end] for h in signatures.index_for(tb, "en").scan(text)] == ["Chinese Workers' Party"]
    assert not signatures._stem("chin", "chinese") or signatures._stem("china", "chinese")
    assert not signatures._stem("party", "partner") and not signatures._stem("state", "statement")


def test_a_word_order_some_listed_rendering_has_is_no_reordering() -> None:
    tb = loads(textwrap.dedent("""\
        concepts:
          - id: road
            terms:
              en:
                - {text: Sea and Sky Programme, status: preferred}
                - {text: "One Sea, One Sky", status: superseded}
                - {text: "One Sea, One Sky Programme", status: superseded}
        """), "t.yaml")
    sig = signatures.derive(tb.concept("road"), "en")
    assert sig is not None
    one, sea, sky = (next(k for k, s in enumerate(sig.slots) if w in s) for w in ("one", "sea", "sky"))
    shape = signatures._shape(sig)
    assert shape.listed_order((one, sea, sky)) and shape.listed_order((sea, sky))
    assert not shape.listed_order((sky, sea, one))


RU_KIN = textwrap.dedent("""\
    concepts:
      - id: lake-league
        terms:
          ru:
            - {text: союз северных озер, status: preferred}
      - id: lake-league-world
        terms:
          ru:
            - {text: союз северных озер планеты, status: preferred}
            - {text: планетарный союз северных озер, status: admitted}
    """)


@pytest.mark.parametrize("text", [
    "Возник мировой союз северных озер.",  # a relational adjective where «планетарный» stands
    "Возник союз северных озер континента.",  # a genitive where «планеты» stands
])
def test_a_russian_hit_inside_a_longer_name_of_another_concept_yields_to_it(text: str) -> None:
    tb = loads(RU_KIN, "t.yaml")
    assert [h.concept_id for h in signatures.index_for(tb, "ru").scan(text)
            if h.concept_id == "lake-league"] == []
    # Alone, the same words are the shorter name.
    assert [h.concept_id for h in signatures.index_for(tb, "ru").scan("Возник союз северных озер.")] == ["lake-league"]


def test_a_qualitative_adjective_before_a_russian_hit_takes_no_place_of_a_longer_name() -> None:
    tb = loads(RU_KIN, "t.yaml")
    text = "Возник новый союз северных озер."
    assert [text[h.start:h.end] for h in signatures.index_for(tb, "ru").scan(text)] == ["союз северных озер"]
    index = signatures.index_for(tb, "ru")
    # What the longer name adds: «планеты», «планетарный».
    assert next(s for s in index.signatures if s.concept_id == "lake-league").wider == {"NOUN", "ADJF"}
    assert next(s for s in index.signatures if s.concept_id == "lake-league-world").wider == set()


RU_PLACES = textwrap.dedent("""\
    concepts:
      - id: lake-road
        terms:
          ru:
            - {text: Озерный путь XXI века, status: preferred}
      - id: china-africa-lakes
        terms:
          ru:
            - {text: китайско-африканский союз озер, status: preferred}
    """)


def test_a_russian_numeral_in_roman_or_arabic_figures_fills_one_slot() -> None:
    tb = loads(RU_PLACES, "t.yaml")
    assert _unlisted(tb, "Так возник Озерный путь 21-го века.") == [
        ("lake-road", "Озерный путь 21-го века", "Озерный путь XXI века")]
    assert _unlisted(tb, "Так возник Озерный путь XXI века.") == []
    # Only an ordinal's ending is read with its figures: «-то» is none, and «века» stays out.
    assert [f for _, f, _ in _unlisted(tb, "Так возник Озерный путь 21-то века.")] == ["Озерный путь 21"]


def test_the_places_of_a_russian_compound_adjective_fill_its_slots() -> None:
    tb = loads(RU_PLACES, "t.yaml")
    assert _unlisted(tb, "Возник союз озер Китая и Африки.") == [
        ("china-africa-lakes", "союз озер Китая и Африки", "китайско-африканский союз озер")]
    assert _unlisted(tb, "Возник союз озер Китай – Африка.") == [
        ("china-africa-lakes", "союз озер Китай – Африка", "китайско-африканский союз озер")]
    # Africa alone is no compound's place.
    assert _unlisted(tb, "Возник союз озер Африки.") == []


def test_a_comma_parts_a_russian_name_where_a_dash_does() -> None:
    tb = loads(textwrap.dedent("""\
        concepts:
          - id: lake-hill
            terms:
              ru:
                - {text: одно озеро – одна гора, status: preferred}
        """), "t.yaml")
    text = "Так родилась идея «одного озера, одной горы»."
    assert [text[h.start:h.end] for h in signatures.index_for(tb, "ru").scan(text)] == ["одного озера, одной горы"]
    assert _unlisted(tb, text) == []  # the listed rendering, punctuated otherwise


RU_LEFT_OVER = textwrap.dedent("""\
    concepts:
      - id: lake-future
        terms:
          ru:
            - {text: сообщество единой судьбы человечества, status: preferred}
            - {text: мировое сообщество с единой судьбой, status: deprecated}
      - id: lake-south
        terms:
          ru:
            - {text: Глобальный Юг, status: preferred}
            - {text: мировой Юг, status: deprecated}
    """)


def test_a_russian_renderings_one_word_left_over_stands_for_the_preferred_ones_one_word_left_over() -> None:
    # «мировое» is the one word the deprecated rendering has where the preferred one has «человечества»:
    # an adjective for a noun that has an adjective of its own (человеческий).
    sig = signatures.derive(loads(RU_LEFT_OVER, "t.yaml").concepts[0], "ru")
    assert sig is not None and "мировой" in sig.slots[3]


@pytest.mark.parametrize(("text", "found"), [
    # ... and «глобальный» shares a slot with «мировой» in another concept: lent (both long words).
    ("Речь шла о создании глобального сообщества единой судьбы.", "глобального сообщества единой судьбы"),
    ("Речь шла о мировом сообществе единой судьбы.", "мировом сообществе единой судьбы"),
])
def test_a_word_left_over_is_a_synonym_lent_on_to_its_kin(text: str, found: str) -> None:
    assert [text[h.start:h.end] for h in signatures.index_for(loads(RU_LEFT_OVER, "t.yaml"), "ru").scan(text)] == [found]


@pytest.mark.parametrize("text", [
    "Мировое сообщество с тревогой следит за судьбой страны.",
    "Это мировое сообщество.",
    "Глобальное сообщество ученых обсудило будущее.",
    "Единое мировое сообщество решает судьбы людей.",
])
def test_a_word_left_over_makes_no_hit_in_ordinary_prose(text: str) -> None:
    assert signatures.index_for(loads(RU_LEFT_OVER, "t.yaml"), "ru").scan(text) == []


RU_OPEN = textwrap.dedent("""\
    concepts:
      - id: lake-opening
        terms:
          ru:
            - {text: открытость озерному миру, status: preferred}
            - {text: озерная открытость, status: admitted}
    """)


@pytest.mark.parametrize(("text", "hits"), [
    ("Курс на открытость к озерному миру сохранится.", ["открытость к озерному миру"]),
    # An adjective in the head noun's place describes another noun: no name.
    ("Это государство, открытое к озерному миру, но сильное.", []),
    ("Они открыты к озерному миру.", []),
    ("Открытый озерный мир манит туристов.", []),
])
def test_a_russian_names_head_stays_a_noun(text: str, hits: list[str]) -> None:
    assert [text[h.start:h.end] for h in signatures.index_for(loads(RU_OPEN, "t.yaml"), "ru").scan(text)] == hits


@pytest.mark.parametrize(("text", "found"), [
    ("Так возник Экономический пояс Древнего Озерного пути.", ["Экономический пояс Древнего Озерного пути"]),
    ("Так возник Экономический пояс древнего Озерного пути.", ["Экономический пояс древнего Озерного пути"]),
    # A capital before a lower-case word belongs to a name of its own.
    ("Так возник Экономический пояс Древнего озерного пути.", []),
    ("Так возник Экономический пояс Озерного пути.", []),  # listed
])
def test_an_adjective_inserted_inside_a_russian_proper_name_may_be_capitalized(text: str, found: list[str]) -> None:
    tb = loads(textwrap.dedent("""\
        concepts:
          - id: lake-belt
            terms:
              ru:
                - {text: Экономический пояс Озерного пути, status: preferred}
        """), "t.yaml")
    assert [f for _, f, _ in _unlisted(tb, text)] == found


RU_THREE = textwrap.dedent("""\
    concepts:
      - id: lake-changes
        terms:
          ru:
            - {text: невиданные за столетие озерные перемены, status: preferred}
    """)


@pytest.mark.parametrize(("text", "found"), [
    # An adjective inserted inside a name of three words, all of them there.
    ("Мир переживает невиданные за столетие глубокие озерные перемены.",
     ["невиданные за столетие глубокие озерные перемены"]),
    # Not where a word of the name is missing, nor an adjective that agrees with nothing after it.
    ("Мир переживает невиданные за столетие глубокие перемены.", []),
    ("Мир переживает невиданные глубокие перемены.", []),
    ("Перемены были невиданные за столетие, глубокие и озерные.", []),
])
def test_an_adjective_inserted_inside_a_russian_name_of_three_words(text: str, found: list[str]) -> None:
    index = signatures.index_for(loads(RU_THREE, "t.yaml"), "ru")
    assert [text[h.start:h.end] for h in index.scan(text)] == found


SHORT_FORMS = textwrap.dedent("""\
    concepts:
      - id: lake-diplomacy
        terms:
          en:
            - {text: major-lake diplomacy with Ruritanian characteristics, status: preferred}
            - {text: major-lake diplomacy, status: admitted, abbreviation_of: major-lake diplomacy with Ruritanian characteristics}
            - {text: great pond diplomacy with Ruritanian characteristics, status: deprecated}
    """)


@pytest.fixture(scope="module")
def short_forms():  # type: ignore[no-untyped-def]
    return loads(SHORT_FORMS, "t.yaml")


def _en_unlisted(tb, text: str) -> list[tuple[str, str | None]]:  # type: ignore[no-untyped-def]
    import glossary

    return [(f.found, f.suggestion) for f in glossary.check(text, "en", tb) if f.code == "unlisted-variant"]


def test_a_listed_short_form_with_its_words_swapped_names_the_concept(short_forms) -> None:  # type: ignore[no-untyped-def]
    # Three slots of five: too few for the full name, but the very slots of "major-lake diplomacy";
    # the suggestion is that short form, not the full name.
    assert _en_unlisted(short_forms, "Ruritania pursues great pond diplomacy.") == [
        ("great pond diplomacy", "major-lake diplomacy")]
    assert _en_unlisted(short_forms, "Ruritania pursues major-lake diplomacy.") == []


def test_a_short_form_in_ordinary_prose_is_no_hit(short_forms) -> None:  # type: ignore[no-untyped-def]
    # Two of the short form's words are no name; nor is a word of its in other company.
    for text in ("The great pond froze over.", "Pond diplomacy is a joke among anglers.",
                 "Great lakes and great diplomacy go together."):
        assert _en_hits(short_forms, text) == []


def test_a_run_refused_for_its_order_yields_the_name_inside_it(short_forms) -> None:  # type: ignore[no-untyped-def]
    # "characteristics of" before the quote would make the words a reordered name inside a longer
    # phrase; the name after it, in the listed order, is still found.
    text = 'We list the characteristics of "great pond diplomacy with Ruritanian ideas in the new age."'
    assert _en_hits(short_forms, text) == ["great pond diplomacy with Ruritanian ideas"]


def test_a_word_after_a_long_name_stands_in_for_its_missing_last_slot(short_forms) -> None:  # type: ignore[no-untyped-def]
    # The fix replaces "specifics" too, not only the four words before it.
    assert _en_unlisted(short_forms, "It pursues great pond diplomacy with Ruritanian specifics.") == [
        ("great pond diplomacy with Ruritanian specifics", "major-lake diplomacy with Ruritanian characteristics")]
    # With every slot there, the word after is no part of the name.
    assert _en_hits(short_forms, "It pursues great pond diplomacy with Ruritanian characteristics today.") == [
        "great pond diplomacy with Ruritanian characteristics"]


def test_a_stand_in_word_stands_only_where_the_missing_slot_would(short_forms) -> None:  # type: ignore[no-untyped-def]
    # "Ruritania" fills the owner's slot, but "pursues" stands between it and the rest: the owner's
    # slot comes after the others in the name, so "pursues" holds no missing slot's place.
    assert _en_hits(short_forms, "Ruritania pursues great pond diplomacy.") == ["great pond diplomacy"]


STYLED = textwrap.dedent("""\
    concepts:
      - id: karan-reconstruction
        terms:
          en:
            - {text: Karan reconstruction, status: preferred}
            - {text: Karan-style reconstruction, status: deprecated}
    """)


def test_a_place_in_a_style_or_type_compound_fills_its_adjectives_slot() -> None:
    tb = loads(STYLED, "t.yaml")
    assert _en_hits(tb, "They back Kara-type reconstruction.") == ["Kara-type reconstruction"]
    assert _en_unlisted(tb, "They back Kara-style reconstruction.") == [
        ("Kara-style reconstruction", "Karan reconstruction")]
    # Without the compound, a place and a noun are another phrase; another place fills nothing.
    for text in ("They back Kara's reconstruction.", "They back Kara reconstruction.",
                 "They back Western-style reconstruction.",
                 "Kara-type roads need reconstruction."):
        assert _en_hits(tb, text) == []


SWAPS = textwrap.dedent("""\
    concepts:
      - id: lake-revival
        terms:
          en:
            - {text: great revival of the Lakeland nation, status: preferred}
            - {text: great cause of national revival, status: deprecated}
            - {text: great cause of national renaissance, status: admitted}
      - id: pond-interests
        terms:
          en:
            - {text: core interests, status: preferred}
            - {text: each other's core interests, status: admitted}
            - {text: each other's key interests, status: deprecated}
    """)


def test_two_renderings_differing_in_one_word_make_it_a_synonym() -> None:
    tb = loads(SWAPS, "t.yaml")
    sig = signatures.derive(tb.concept("lake-revival"), "en")
    assert sig is not None and any({"revival", "renaissance"} <= slot for slot in sig.slots)
    assert _en_hits(tb, "It marks the great renaissance of the Lakeland nation.") == [
        "great renaissance of the Lakeland nation"]


def test_a_swap_in_a_name_of_two_slots_teaches_nothing() -> None:
    # "key" beside "core" in two renderings of a name whose slots are "core" and "interests":
    # "key interest rates" is ordinary prose.
    tb = loads(SWAPS, "t.yaml")
    sig = signatures.derive(tb.concept("pond-interests"), "en")
    assert sig is not None and not any("key" in slot for slot in sig.slots)
    assert _en_hits(tb, "Key interest rates were cut.") == []


RU_ADVERBIAL = textwrap.dedent("""\
    concepts:
      - id: lake-republic
        terms:
          ru:
            - {text: тихое озерное государство, status: preferred}
            - {text: тихая озерная держава, status: admitted}
            - {text: великая и мирная во всех отношениях озерная страна, status: deprecated}
    """)


def test_a_russian_rendering_ending_with_the_same_word_before_its_head_lends_its_head_and_modifier() -> None:
    # «мирная во всех отношениях озерная страна»: the adverbial phrase is stepped over, so мирный stands
    # for тихий; страна ends the rendering right after озерный, as государство does, and joins it.
    sig = signatures.derive(loads(RU_ADVERBIAL, "t.yaml").concepts[0], "ru")
    assert sig is not None
    assert {"тихий", "мирный"} <= sig.slots[0]
    assert {"государство", "держава", "страна"} <= sig.slots[2]
    assert "отношение" not in {w for s in sig.slots for w in s}


@pytest.mark.parametrize(("text", "found"), [
    ("Они строили мирное озерное государство.", ["мирное озерное государство"]),
    ("О мирной озерной стране писали много.", ["мирной озерной стране"]),
    ("Они строили тихое озерное государство.", []),  # listed
    ("Мирное озерное государство, говорят, невозможно.", ["Мирное озерное государство"]),
    # Ordinary sentences with the same words in other roles stay clean.
    ("Во всех отношениях страна была мирной и озерной.", []),
    ("Мирная жизнь озерной страны шла своим чередом.", []),
    ("Страна мирная, но не озерная.", []),
])
def test_russian_variants_from_a_rendering_with_an_adverbial_phrase(text: str, found: list[str]) -> None:
    assert [f for _, f, _ in _unlisted(loads(RU_ADVERBIAL, "t.yaml"), text)] == found


@pytest.mark.parametrize("rendering", [
    "свободное развитие торговых отношений",  # one word shared: no head is lent
    "города-побратимы",  # the head does not end the rendering after a shared word
])
def test_a_russian_head_is_lent_only_after_the_same_word(rendering: str) -> None:
    tb = loads(textwrap.dedent(f"""\
        concepts:
          - id: lake-trade
            terms:
              ru:
                - {{text: расширение торговли и побратимских связей, status: preferred}}
                - {{text: {rendering}, status: deprecated}}
        """), "t.yaml")
    sig = signatures.derive(tb.concepts[0], "ru")
    assert sig is not None
    assert not {"развитие", "город", "отношение"} & {w for s in sig.slots for w in s}


MODIFIERS = textwrap.dedent("""\
    concepts:
      - id: lake-fellowship
        terms:
          en:
            - {text: fellowship with a shared harbour for lakekind, status: preferred}
            - {text: fellowship of common harbour for lakekind, status: deprecated}
      - id: lake-revival
        terms:
          en:
            - {text: great revival of the Lakeland nation, status: preferred}
    """)


def test_another_modifier_may_stand_in_for_one_of_a_four_word_names_words() -> None:
    tb = loads(MODIFIERS, "t.yaml")
    assert _en_unlisted(tb, "They spoke of a fellowship of a single harbour of lakekind.") == [
        ("fellowship of a single harbour of lakekind", "fellowship with a shared harbour for lakekind")]
    assert _en_hits(tb, "The fellowship of a calm harbour for lakekind met.") == ["fellowship of a calm harbour for lakekind"]


@pytest.mark.parametrize("text", [
    # The head noun is no modifier: another head is another phrase.
    "They praised the great achievements of the Lakeland nation.",
    # A word that stands before no word of the name stands in for nothing.
    "A fellowship of sailors built a harbour for lakekind.",
    "The fellowship of brave sailors found a harbour for lakekind.",
    # Three words of a name of three are needed whole.
    "The great heroes of the Lakeland nation.",
])
def test_a_stand_in_of_a_four_word_name_is_a_modifier_before_one_of_its_words(text: str) -> None:
    assert _en_hits(loads(MODIFIERS, "t.yaml"), text) == []


HEADS = textwrap.dedent("""\
    concepts:
      - id: lake-tides
        terms:
          en:
            - {text: tides unseen in a decade, status: preferred}
            - {text: unmatched in the last decade, status: deprecated}
      - id: strong-lakeland
        terms:
          en:
            - {text: building a strong lakeland, status: preferred}
            - {text: construction of a sturdy lakeland, status: deprecated}
    """)


def test_a_renderings_head_pairs_with_the_preferred_renderings_head_not_by_position() -> None:
    # "unmatched" and "unseen" each stand right before "in": one slot; "last" pairs with nothing.
    tb = loads(HEADS, "t.yaml")
    sig = signatures.derive(tb.concept("lake-tides"), "en")
    assert sig is not None and sig.slots == (frozenset({"tide"}), frozenset({"unseen", "unmatched"}),
                                             frozenset({"decade"}))
    assert _en_hits(tb, "Amid unmatched tides in a decade, ports closed.") == ["unmatched tides in a decade"]
    # No preposition after the preferred rendering's first words: by position as before.
    sig = signatures.derive(tb.concept("strong-lakeland"), "en")
    assert sig is not None and sig.slots[0] == frozenset({"building", "construction"}) and "sturdy" in sig.slots[1]


NEAR = textwrap.dedent("""\
    concepts:
      - id: strong-lakeland
        terms:
          en:
            - {text: building a strong nation, status: preferred}
            - {text: building of a strong nation, status: admitted}
      - id: lake-thought
        terms:
          en:
            - {text: Arno Vell Thought on Fishing, status: preferred}
      - id: lake-pair
        terms:
          en:
            - {text: lake diplomacy, status: preferred}
      - id: lake-security
        terms:
          en:
            - {text: holistic approach to lake security, status: preferred}
      - id: lake-history
        terms:
          en:
            - {text: correct view of lake history, status: preferred}
      - id: lake-turbulence
        terms:
          en:
            - {text: new lake period of turbulence and transformation, status: preferred}
    """)


def test_near_synonyms_of_english_fill_the_slots_of_a_name_of_three_words_or_more() -> None:
    tb = loads(NEAR, "t.yaml")
    assert _en_unlisted(tb, "They pursue the construction of a strong country.") == [
        ("construction of a strong country", "building a strong nation")]
    assert _en_unlisted(tb, "Arno Vell's idea on fishing was taught.") == [
        ("Arno Vell's idea on fishing", "Arno Vell Thought on Fishing")]


@pytest.mark.parametrize(("text", "found", "suggestion"), [
    # 观 and 理念 are put as concept, outlook, vision, view, perspective or philosophy
    ("They praised the correct perspective of lake history.", "correct perspective of lake history",
     "correct view of lake history"),
    ("The overall approach to lake security was adopted.", "overall approach to lake security",
     "holistic approach to lake security"),
    ("The shore faces a new lake period of change and turbulence.", "new lake period of change and turbulence",
     "new lake period of turbulence and transformation"),
])
def test_near_synonyms_of_english_cover_the_words_for_a_view_and_for_a_whole(text: str, found: str,
                                                                             suggestion: str) -> None:
    assert _en_unlisted(loads(NEAR, "t.yaml"), text) == [(found, suggestion)]


@pytest.mark.parametrize("text", [
    "A strong state needs a strong economy.",
    "The city is building a strong community.",
    "He had an idea of fishing that was old-fashioned.",
    "Great Britain is a nation state with a strong navy.",
    "Lake thinking is no state diplomacy.",  # a name of two words takes no near-synonym
    "In my view, the correct lake is the one with history.",
    "Her overall approach was to ask for security at the lake.",
    "A new period of change began at the lake.",
])
def test_near_synonyms_make_no_name_of_ordinary_prose(text: str) -> None:
    assert _en_hits(loads(NEAR, "t.yaml"), text) == []


RU_NEAR = textwrap.dedent("""\
    concepts:
      - id: lake-changes
        terms:
          ru:
            - {text: невиданные за столетие озёрные перемены, status: preferred}
      - id: strong-lakeland
        terms:
          ru:
            - {text: построение могущественной озёрной державы, status: preferred}
      - id: lake-pair
        terms:
          ru:
            - {text: озёрная держава, status: preferred}
    """)


def test_near_synonyms_of_russian_fill_one_slot_of_a_name_of_three_words_or_more() -> None:
    tb = loads(RU_NEAR, "t.yaml")
    assert _unlisted(tb, "Край переживает невиданные за столетие озёрные изменения.") == [
        ("lake-changes", "невиданные за столетие озёрные изменения", "невиданные за столетие озёрные перемены")]
    assert _unlisted(tb, "Власти заняты строительством могущественной озёрной державы.") == [
        ("strong-lakeland", "строительством могущественной озёрной державы",
         "построением могущественной озёрной державы")]


@pytest.mark.parametrize("text", [
    # Two words swapped for near-synonyms: a wording of its own, not a variant of the name.
    "Край переживает небывалые за столетие озёрные изменения.",
    "Власти заняты строительством сильного озёрного государства.",
    "Власти заняты строительством могущественного озёрного государства.",
    "Это озёрное государство.",  # a name of two words takes no near-synonym
    "Государство переживает большие изменения.",
])
def test_russian_near_synonyms_fill_one_slot_at_most(text: str) -> None:
    assert _unlisted(loads(RU_NEAR, "t.yaml"), text) == []


RU_OFFICES = textwrap.dedent("""\
    concepts:
      - id: lake-council
        terms:
          ru:
            - {text: Центральный озёрный совет, status: preferred}
      - id: lake-expo
        terms:
          ru:
            - {text: Озёрное международное садовое ЭКСПО, status: preferred}
      - id: lake-chair
        terms:
          ru:
            - {text: председатель Озерии, status: preferred}
      - id: lake-chair-board
        terms:
          ru:
            - {text: председатель Озёрного правления союза, status: preferred}
    """)


@pytest.mark.parametrize(("text", "found"), [
    # 委员会 rendered literally, 博览会 as a plain fair, 主席 as a president: one word of a name of three or more.
    ("Центральная озёрная комиссия собралась в пятницу.", "Центральная озёрная комиссия"),
    ("Он выступил на Озёрной международной садовой выставке.", "Озёрной международной садовой выставке"),
    ("Письмо подписал президент Озёрного правления союза.", "президент Озёрного правления союза"),
])
def test_russian_near_synonyms_for_a_council_a_fair_and_a_chair(text: str, found: str) -> None:
    assert [f for _, f, _ in _unlisted(loads(RU_OFFICES, "t.yaml"), text)] == [found]


@pytest.mark.parametrize("text", [
    "Совет и комиссия собрались в пятницу.",
    "Международная выставка открылась в пятницу.",
    "Письмо подписал президент Озёрной республики.",  # a name of two words takes no near-synonym
    "Центральная озёрная выставка открылась.",  # a fair is no council
])
def test_russian_near_synonyms_for_offices_need_the_names_other_words(text: str) -> None:
    assert _unlisted(loads(RU_OFFICES, "t.yaml"), text) == []


RU_OWNED = textwrap.dedent("""\
    concepts:
      - id: lake-secretary
        terms:
          ru:
            - {text: Генеральный секретарь Озёрного союза рыбаков, status: preferred}
    """)


@pytest.mark.parametrize(("text", "found"), [
    # The words after the head noun moved before it, in the genitive: they belong to the noun before them,
    # and the title that follows is a new phrase.
    ("После съезда рыбаков Озёрного союза Генеральный секретарь выступил с речью.", []),
    ("Решения пленума рыбаков Озёрного союза генеральный секретарь не комментировал.", []),
    # Nothing before the genitive could own it: the words are the title, reordered.
    ("Вчера рыбаков Озёрного союза Генеральный секретарь выступил с речью.",
     ["рыбаков Озёрного союза Генеральный секретарь"]),
    ("Заголовок: рыбаков Озёрного союза Генеральный секретарь.", ["рыбаков Озёрного союза Генеральный секретарь"]),
])
def test_a_russian_genitive_before_a_reordered_name_belongs_to_the_noun_before_it(text: str, found: list[str]) -> None:
    assert [f for _, f, _ in _unlisted(loads(RU_OWNED, "t.yaml"), text)] == found


def test_russian_near_synonyms_are_not_lent_on() -> None:
    tb = loads(RU_NEAR, "t.yaml")
    own = [s for s in (signatures.derive(c, "ru") for c in tb.concepts) if s is not None]
    sig = next(s for s in own if s.concept_id == "strong-lakeland")
    k = next(k for k, slot in enumerate(sig.slots) if "держава" in slot)
    assert sig.near[k] == frozenset({"страна", "государство"})
    assert "государство" not in signatures._attested(own).get("держава", set())
    assert [s.near for s in signatures.share_synonyms(own)] == [s.near for s in own]


FIRSTS = textwrap.dedent("""\
    concepts:
      - id: lake-country
        terms:
          en:
            - {text: great modern lakeside country, status: preferred}
    """)


def test_a_modifier_in_place_of_a_four_word_names_first_word_after_an_article() -> None:
    tb = loads(FIRSTS, "t.yaml")
    assert _en_hits(tb, 'They aim at a "modern advanced lakeside country".') == ["modern advanced lakeside country"]
    # No article before it: the word may be a verb's object, and the name is not there.
    assert _en_hits(tb, "They want to become modern advanced lakeside country.") == []


def test_a_short_near_synonym_no_rendering_has_is_no_anchor() -> None:
    # "mighty" fills the slot of "strong" but starts no walk (short words are everywhere in prose);
    # the name's other anchor still finds it.
    tb = loads(NEAR, "t.yaml")
    index = signatures.index_for(tb, "en")
    assert "strong" in index.by_lemma and "mighty" not in index.by_lemma
    assert _en_hits(tb, "They pursue the building of a mighty nation.") == ["building of a mighty nation"]


_HARD_PIECES = {lang: _PIECES[lang] + [".", "(", ")", ":", ";", "_", "/", "!", "\n", "1."] for lang in ("en", "ru")}


@settings(max_examples=200, deadline=None)
@given(st.sampled_from(["en", "ru"]), st.data())
def test_the_gate_reading_only_the_anchors_stretch_lets_the_same_hits_through(lang: str, data) -> None:  # type: ignore[no-untyped-def]
    """Words past a hard character cannot fill a slot of a hit through the anchor: a gate that reads only
    the stretch between the hard characters around it gives the hits of one that reads the whole window."""
    around = st.lists(st.sampled_from(_HARD_PIECES[lang]), max_size=6)
    text = " ".join([*data.draw(around), data.draw(st.sampled_from(_MIXED[lang])), *data.draw(around)])
    index = signatures.index_for(load(), lang)
    stretched = index.scan(text)
    with pytest.MonkeyPatch.context() as m:
        m.setattr(signatures, "_stretch", lambda text, lo, start, end, hi: (lo, min(hi, len(text))))
        assert index.scan(text) == stretched


PARTIES = textwrap.dedent("""\
    concepts:
      - id: norland-southland-community
        terms:
          en:
            - {text: Norland-Southland community with a shared future, status: preferred}
    """)


@pytest.mark.parametrize("text, found", [
    ("They want a community of shared future between Norland and Southland.",
     "community of shared future between Norland and Southland"),
    ("They want a community of shared future of Southland and Norland.",
     "community of shared future of Southland and Norland"),
    ("They want a Norland and Southland community with a shared future.",
     "Norland and Southland community with a shared future"),
])
def test_the_parties_a_hyphen_joins_may_be_joined_by_and(text: str, found: str) -> None:
    assert _en_hits(loads(PARTIES, "t.yaml"), text) == [found]


@pytest.mark.parametrize("text", [
    "Trade between Norland and Southland grew.",  # no head noun: no name
    "A shared future and Norland community talks began.",  # "and" between words no hyphen joins
])
def test_and_joins_no_other_words_of_a_hyphened_name(text: str) -> None:
    assert _en_hits(loads(PARTIES, "t.yaml"), text) == []


def test_a_word_before_a_long_name_leaves_the_stand_in_to_the_words_after_it() -> None:
    # "closer" stands before the name's first word, where it can stand in for nothing; "single"
    # stands where "shared" would, inside a name whose parts moved.
    tb = loads(PARTIES, "t.yaml")
    assert _en_hits(tb, "They want a closer community of single future between Norland and Southland.") == [
        "community of single future between Norland and Southland"]


_ADJECTIVES = st.text(alphabet="bcdfghjklmnprstvz" + "aeiou", min_size=4, max_size=9).filter(
    lambda w: w not in signatures._EN_STOPS and w not in signatures.FUNCTION_WORDS["en"])


@settings(max_examples=100, deadline=None)
@given(_ADJECTIVES, st.sampled_from([
    "community of shared future between Norland and Southland",
    "community of single future between Norland and Southland",
    "Norland-Southland community with a shared destiny",
    "Norland-Southland community of shared future",
]))
def test_a_lower_case_word_before_a_name_changes_none_of_its_hit(word: str, name: str) -> None:
    tb = loads(PARTIES, "t.yaml")
    without = _en_hits(tb, f"They want a {name}.")
    assert without == [name]
    assert _en_hits(tb, f"They want a {word} {name}.") == without


POSTPOSED = textwrap.dedent("""\
    concepts:
      - id: lake-tides
        terms:
          ru:
            - {text: невиданные за столетие приливы, status: preferred}
      - id: lake-fate
        terms:
          ru:
            - {text: невиданная озёрная судьба, status: preferred}
    """)


def test_a_russian_participial_phrase_may_follow_its_noun_after_a_comma() -> None:
    tb = loads(POSTPOSED, "t.yaml")
    # The preferred rendering with its phrase after the noun: the same words, no variant.
    assert _unlisted(tb, "Берег переживает приливы, невиданные за столетие.") == []
    assert _unlisted(tb, "Берег переживает приливы, небывалые за столетие.") == [
        ("lake-tides", "приливы, небывалые за столетие", "невиданные за столетие приливы")]
    # The suggestion takes the case of the found head noun (prepositional plural after «о»).
    assert _unlisted(tb, "Берег помнит о приливах, небывалых за столетие, и ждёт новых.") == [
        ("lake-tides", "приливах, небывалых за столетие", "невиданных за столетие приливах")]


def test_the_gate_reads_a_russian_slot_word_written_with_yo() -> None:
    # Every slot of the name is needed, and the text writes «озёрная» where the lemma has е.
    assert _unlisted(loads(POSTPOSED, "t.yaml"), "Нас ждёт небывалая озёрная судьба.") == [
        ("lake-fate", "небывалая озёрная судьба", "невиданная озёрная судьба")]
    assert signatures._yo("зел") == ("зел", "зёл") and signatures._yo("ее") == ("ее", "ёе", "её", "ёё")


def test_a_comma_may_stand_between_two_adjectives_of_a_russian_name() -> None:
    tb = loads(POSTPOSED, "t.yaml")
    assert _unlisted(tb, "Нас ждёт невиданная, озёрная судьба.") == []  # the listed words
    assert _unlisted(tb, "Нас ждёт небывалая, озёрная судьба.") == [
        ("lake-fate", "небывалая, озёрная судьба", "невиданная озёрная судьба")]


@pytest.mark.parametrize("text", [
    "Это время приливов, небывалое за столетие.",  # the adjective agrees with another noun
    "Нас ждут небывалые, озёрная судьба и шторм.",  # two adjectives of different number
    "Это судьба, невиданная озёрная и тихая.",  # no participial phrase in the name: a comma ends it
])
def test_a_comma_before_a_word_that_does_not_open_the_names_phrase_ends_the_name(text: str) -> None:
    assert _unlisted(loads(POSTPOSED, "t.yaml"), text) == []



_RU_NEAR_SIGS = [s for s in signatures.index_for(load(), "ru").signatures if s.near and any(s.near)]


@settings(max_examples=150, deadline=None)
@given(st.data())
def test_a_russian_name_with_two_words_swapped_for_near_synonyms_is_no_hit(data) -> None:  # type: ignore[no-untyped-def]
    """The preferred rendering with some slot words replaced by near-synonyms of their slot (as lemmas):
    a hit of the concept over it swaps one word at most."""
    sig = data.draw(st.sampled_from(_RU_NEAR_SIGS))
    out, swapped = [], 0
    for _, _, word in signatures.words(sig.preferred):
        slot = next((k for k, s in enumerate(sig.slots) if signatures.first_lemma(word, "ru") in s), None)
        near = sorted(sig.near[slot]) if slot is not None and sig.near[slot] else []
        if near and data.draw(st.booleans()):
            out.append(data.draw(st.sampled_from(near)))
            swapped += 1
        else:
            out.append(word)
    text = " ".join(out)
    hits = [h for h in signatures.index_for(load(), "ru").scan(text) if h.concept_id == sig.concept_id]
    if swapped > 1:
        assert not any(h.start == 0 and h.end == len(text) for h in hits), text


def _lend_by_trying_every_lender(sigs):  # type: ignore[no-untyped-def]
    """lend_synonyms as first written: every slot tries every lender (quadratic in a large base)."""
    from dataclasses import replace

    big = [s for s in sigs if sum(s.required) >= 3]
    groups = [(s, k, slot) for s in big for k, slot in enumerate(signatures._lendable(s)) if len(slot) > 1]
    if not groups:
        return sigs
    lent: dict[int, list[set[str]]] = {}
    attested = signatures._attested(sigs)
    for sig in big:
        for j, mine in enumerate(sig.slots):
            more = {b for a in signatures._lendable(sig)[j]
                    for b, owner in attested.get(a, {}).items()
                    if owner is None or not signatures._holds(owner, sig, b)} - mine
            if more:
                lent.setdefault(id(sig), [set(x) for x in sig.slots])[j] |= more
    for sig in big:
        for lender, k, slot in groups:
            if lender is sig:
                continue
            for j, mine in enumerate(signatures._lendable(sig)):
                if not (mine & slot) or slot <= sig.slots[j]:
                    continue
                others = sum(1 for i, theirs in enumerate(signatures._lendable(lender)) if i != k
                             and any(theirs & m for n, m in enumerate(signatures._lendable(sig)) if n != j))
                if others >= 2:
                    lent.setdefault(id(sig), [set(x) for x in sig.slots])[j] |= {
                        w for w in slot if len(w) > 3 and not signatures._holds(lender, sig, w)}
    return [replace(s, slots=tuple(frozenset(x) for x in lent[id(s)])) if id(s) in lent else s for s in sigs]


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_lending_synonyms_by_word_is_trying_every_lender(lang: str) -> None:
    """The shipped base's signatures before lending, lent both ways: the same signatures."""
    tb = load()
    sigs = [s for s in (signatures.derive(c, lang) for c in tb.concepts) if s is not None]
    assert signatures.lend_synonyms(sigs) == _lend_by_trying_every_lender(sigs)


RU_GOVERNED = textwrap.dedent("""\
    concepts:
      - id: changes
        terms:
          ru:
            - {text: невиданные за столетие перемены, status: preferred}
            - {text: беспрецедентные за столетие перемены, status: admitted}
            - {text: небывалые за столетие изменения, status: deprecated}
""")


def test_a_noun_governed_by_a_participle_is_no_russian_head() -> None:
    tb = loads(RU_GOVERNED, "t.yaml")
    sig = signatures.derive(tb.concept("changes"), "ru")
    assert sig is not None and sig.head is not None and "перемена" in sig.slots[sig.head]


@pytest.mark.parametrize(("text", "found", "suggestion"), [
    ("Это происходит на фоне больших изменений, невиданных за столетие.", "изменений, невиданных за столетие",
     "невиданных за столетие перемен"),
    ("Мир охвачен беспрецедентными за столетие изменениями.", "беспрецедентными за столетие изменениями",
     "невиданными за столетие переменами"),
    ("Мир переживает изменения, невиданные за столетие.", "изменения, невиданные за столетие",
     "невиданные за столетие перемены"),
])
def test_a_russian_suggestion_with_a_governed_phrase_takes_the_found_case(text: str, found: str,
                                                                           suggestion: str) -> None:
    assert _unlisted(loads(RU_GOVERNED, "t.yaml"), text) == [("changes", found, suggestion)]


RU_DEPENDENTS = textwrap.dedent("""\
    concepts:
      - id: lake-diplomacy
        terms:
          ru:
            - {text: дипломатия крупной страны с озерной спецификой, status: preferred}
            - {text: дипломатия великой державы с озерной спецификой, status: admitted}
      - id: lake-community
        terms:
          ru:
            - {text: сообщество единой судьбы озерного края, status: preferred}
            - {text: сообщество общей судьбы озерного края, status: deprecated}
""")


@pytest.mark.parametrize(("text", "found", "suggestion"), [
    ("Дипломатия крупных стран с озерной спецификой вступила в новую эпоху.",
     "Дипломатия крупных стран с озерной спецификой", "Дипломатия крупной страны с озерной спецификой"),
    ("Они строят сообщество единых судеб озерного края.", "сообщество единых судеб озерного края",
     "сообщество единой судьбы озерного края"),
])
def test_a_russian_dependent_in_another_number_is_a_variant(text: str, found: str, suggestion: str) -> None:
    tb = loads(RU_DEPENDENTS, "t.yaml")
    assert [(f, s) for _, f, s in _unlisted(tb, text)] == [(found, suggestion)]


@settings(max_examples=40, deadline=None)
@given(term=st.sampled_from(["дипломатия крупной страны с озерной спецификой",
                             "дипломатия великой державы с озерной спецификой",
                             "сообщество единой судьбы озерного края"]),
       case=st.sampled_from(["nomn", "gent", "datv", "accs", "ablt", "loct"]), plural=st.booleans())
def test_every_form_the_fixer_writes_of_an_accepted_russian_rendering_is_accepted(term: str, case: str,
                                                                                  plural: bool) -> None:
    from glossary.morph.russian import Form, inflect

    tb = loads(RU_DEPENDENTS, "t.yaml")
    written = inflect(term, [Form(case, "plur" if plural else "sing", plural)]).text
    assert written is not None
    sig = signatures.derive(tb.concept("lake-diplomacy" if term.startswith("дипломатия") else "lake-community"), "ru")
    assert sig is not None and signatures.accepted(sig, written)
    assert _unlisted(tb, f"Речь шла о том, что {written} важна.") == []


def test_production_forces_stand_for_productive_forces_in_a_long_russian_name() -> None:
    tb = loads(textwrap.dedent("""\
        concepts:
          - id: lake-forces
            terms:
              ru:
                - {text: производительные силы озерного качества, status: preferred}
        """), "t.yaml")
    assert [(f, s) for _, f, s in _unlisted(tb, "Растут производственные силы озерного качества.")] == [
        ("производственные силы озерного качества", "производительные силы озерного качества")]
    assert _unlisted(tb, "Растут производственные силы региона.") == []


RU_REVIVAL = textwrap.dedent("""\
    concepts:
      - id: lake-revival
        terms:
          ru:
            - {text: великое возрождение озерной нации, status: preferred}
""")


@pytest.mark.parametrize(("text", "found"), [
    ("Всё держится на стратегии омоложения озерной нации и на опыте.", "омоложения озерной нации"),
    ("Всё держится на стратегии возрождения озерной нации и на опыте.", None),  # shortened only: no variant
    ("Всё держится на стратегии омоложения нации и на опыте.", None),  # two words missing
    ("Всё держится на омоложении озерной нации.", "омоложении озерной нации"),
])
def test_a_russian_name_shortened_and_reworded_is_a_variant(text: str, found: str | None) -> None:
    got = _unlisted(loads(RU_REVIVAL, "t.yaml"), text)
    assert [f for _, f, _ in got] == ([found] if found else [])


# Written for these tests: names whose English renderings coordinate modifiers.
LISTS = textwrap.dedent("""\
    concepts:
      - id: lake-shores
        terms:
          en:
            - {text: "calm, clean and prosperous lake shores", status: preferred}
      - id: pond-trade
        terms:
          en:
            - {text: "broadly shared and open transboundary commerce", status: preferred}
      - id: river-era
        terms:
          en:
            - {text: "new era of floods and reconstruction", status: preferred}
      - id: marsh-pair
        terms:
          en:
            - {text: "marsh and fen", status: preferred}
    """)


@pytest.mark.parametrize(("text", "found", "suggestion"), [
    # one member of the list in a word of the text's own, every other word of the name in its place
    ("They build calm, quiet and prosperous lake shores.", "calm, quiet and prosperous lake shores",
     "calm, clean and prosperous lake shores"),
    ("They build calm, clean and peaceful lake shores.", "calm, clean and peaceful lake shores",
     "calm, clean and prosperous lake shores"),
    # a member of two words replaced by one, and a serial comma the rendering has not
    ("We back fair, and open transboundary commerce.", "fair, and open transboundary commerce",
     "broadly shared and open transboundary commerce"),
    ("A new era of droughts and reconstruction began.", "new era of droughts and reconstruction",
     "new era of floods and reconstruction"),
    # the member written twice by mistake
    ("We back open and open transboundary commerce.", "open and open transboundary commerce",
     "broadly shared and open transboundary commerce"),
])
def test_a_list_member_in_words_of_its_own_is_a_variant(text: str, found: str, suggestion: str) -> None:
    assert _en_unlisted(loads(LISTS, "t.yaml"), text) == [(found, suggestion)]


@pytest.mark.parametrize("text", [
    "They build calm, clean and prosperous lake shores.",  # the listed rendering
    "They build calm, clean, and prosperous lake shores.",  # ... with a serial comma
    "The lake shores were calm, quiet and prosperous.",  # the words, but no name: the head is elsewhere
    "They build calm, quiet, green and prosperous lake shores.",  # two words for one member: another list
    "They build calm, Quiet and prosperous lake shores.",  # a capital: a name of its own in the list
    "The transboundary commerce is open and fair.",
    "A new era of droughts began.",
    "The marsh and the heath are wet.",  # a name of two words lends no member's place
    "They build green, calm, quiet and prosperous lake shores.",  # the list runs on before the name
])
def test_a_list_with_more_or_other_changes_or_no_name_is_no_hit(text: str) -> None:
    assert _en_unlisted(loads(LISTS, "t.yaml"), text) == []


def test_title_case_that_leaves_a_hyphened_part_in_lower_case_names_no_owner() -> None:
    # "Co-habitation" in title case: its capitals are no names, so the name may lose a word as any other.
    tb = loads(textwrap.dedent("""\
        concepts:
          - id: five-town-rules
            terms:
              en:
                - {text: Five Rules of Peaceful Cohabitation, status: preferred}
                - {text: Five Rules of Peaceful Co-habitation, status: admitted}
        """), "t.yaml")
    assert _en_hits(tb, "Both towns recalled the Five Rules of Cohabitation in 1954.") == ["Five Rules of Cohabitation"]


OWNERS = textwrap.dedent("""\
    concepts:
      - id: lune-thought
        terms:
          en:
            - {text: Mira Lune Thought on Lakes, status: preferred}
      - id: lake-committee
        terms:
          en:
            - {text: RLP Central Lake Committee, status: preferred}
      - id: peoples-lake-council
        terms:
          en:
            - {text: people's lake council, status: preferred}
    """)


@pytest.mark.parametrize(("text", "found"), [
    ("Officials studied Mira Lune's Thought on Lakes.", "Mira Lune's Thought on Lakes"),
    ("Officials studied Mira Lune’s thought on lakes.", "Mira Lune’s thought on lakes"),
])
def test_a_possessive_inside_a_name_that_has_none_is_a_variant(text: str, found: str) -> None:
    assert _en_unlisted(loads(OWNERS, "t.yaml"), text) == [(found, "Mira Lune Thought on Lakes")]


@pytest.mark.parametrize("text", [
    "Mira Lune Thought on Lakes's reach grew.",  # the whole name's possessive, on its last word
    "Mira Lune Thought on Lakes' reach grew.",
    "The RLP's Central Lake Committee met.",  # an abbreviation's possessive: its owner, as "of the RLP"
    "The people's lake council met.",  # a possessive the rendering has
])
def test_a_possessive_on_the_last_word_an_abbreviation_or_as_listed_is_accepted(text: str) -> None:
    assert _en_unlisted(loads(OWNERS, "t.yaml"), text) == []


MORE_SHAPES = textwrap.dedent("""\
    concepts:
      - id: lake-work-meeting
        terms:
          en:
            - {text: Central Lake Affairs Work Meeting, status: preferred}
      - id: great-lake-country
        terms:
          en:
            - {text: great modern lakeside country, status: preferred}
            - {text: strong modern lakeside country, status: admitted}
    """)


@pytest.mark.parametrize(("text", "found", "suggestion"), [
    # a verb's -ing form of a slot word, whole
    ("Analysts read the Central Lake Affairs Working Meeting closely.", "Central Lake Affairs Working Meeting",
     "Central Lake Affairs Work Meeting"),
    # a comma between two of the name's modifiers (one of them a near-synonym of its word)
    ("The aim is a mighty, modern lakeside nation.", "mighty, modern lakeside nation",
     "great modern lakeside country"),
])
def test_more_english_variant_shapes(text: str, found: str, suggestion: str) -> None:
    assert _en_unlisted(loads(MORE_SHAPES, "t.yaml"), text) == [(found, suggestion)]


@pytest.mark.parametrize("text", [
    "The great modern lakeside country grew.",  # the listed rendering
    "The great, modern lakeside country grew.",  # ... with a comma
    "Workers met at the Central Lake Affairs Work Meeting.",
    "The country is great, modern and lakeside.",  # the words, no name
    "Great, modern lakeside cities grew.",  # no head noun
])
def test_more_english_shapes_leave_ordinary_prose_clean(text: str) -> None:
    assert _en_unlisted(loads(MORE_SHAPES, "t.yaml"), text) == []



SIBLINGS = textwrap.dedent("""\
    concepts:
      - id: china-africa-ports
        terms:
          en:
            - {text: China-Africa league of clean river ports, status: preferred}
          ru:
            - {text: китайско-африканский союз чистых речных портов, status: preferred}
      - id: china-arab-ports
        terms:
          en:
            - {text: China-Arab league of clean river ports, status: preferred}
          ru:
            - {text: китайско-арабский союз чистых речных портов, status: preferred}
    """)


def test_the_slot_that_tells_a_name_from_its_kin_is_marked_distinct() -> None:
    tb = loads(SIBLINGS, "t.yaml")
    for lang in ("en", "ru"):
        sigs = {s.concept_id: s for s in signatures.index_for(tb, lang).signatures}
        africa = sigs["china-africa-ports"]
        assert [africa.slots[k] & {"africa", "африка"} for k in africa.distinct] in ([{"africa"}], [{"африка"}])
        # Alone in the base, a name has no kin and nothing is distinct.
        alone = loads(SIBLINGS.split("  - id: china-arab-ports")[0], "t.yaml")
        assert next(iter(signatures.index_for(alone, lang).signatures)).distinct == frozenset()


@pytest.mark.parametrize("text", [
    "Китай строит союз чистых речных портов.",  # the partner missing: any of the kin, or none
    "Они вошли в китайско-центральноазиатский союз чистых речных портов.",  # another partner stands in
])
def test_a_russian_name_without_the_word_that_tells_it_from_its_kin_is_no_variant(text: str) -> None:
    tb = loads(SIBLINGS, "t.yaml")
    assert signatures.index_for(tb, "ru").scan(text) == []


@pytest.mark.parametrize(("lang", "text", "found"), [
    ("ru", "Они вошли в китайско-африканский союз речных портов.", "китайско-африканский союз речных портов"),
    ("ru", "Речь шла о союзе чистых речных портов Китая и Африки.", "союзе чистых речных портов Китая и Африки"),
    ("en", "They joined the China-Africa league of river ports.", "China-Africa league of river ports"),
])
def test_a_name_keeping_its_distinct_word_may_still_lose_another(lang: str, text: str, found: str) -> None:
    tb = loads(SIBLINGS, "t.yaml")
    assert [(h.concept_id, text[h.start:h.end]) for h in signatures.index_for(tb, lang).scan(text)] == [
        ("china-africa-ports", found)]


PREFIXED = textwrap.dedent("""\
    concepts:
      - id: shared-duty
        terms:
          ru:
            - {text: общая ответственность, status: preferred}
            - {text: всеобщая обязанность, status: deprecated}
    """)


@settings(max_examples=30, deadline=None)
@given(case=st.sampled_from(["nomn", "gent", "datv", "accs", "ablt", "loct"]), plural=st.booleans())
def test_a_prefixed_modifier_beside_the_head_noun_of_a_russian_name_of_two_words_is_another_phrase(
        case: str, plural: bool) -> None:
    """«всеобщая ответственность» in any form is no variant of «общая ответственность» (the prefix makes
    another word), though a deprecated rendering put «всеобщий» in its slot; «общая обязанность», the
    preferred modifier beside the deprecated head, is one."""
    from glossary.morph.russian import Form, inflect

    tb = loads(PREFIXED, "t.yaml")
    number = Form(case, "plur" if plural else "sing", plural)
    prefixed = inflect("всеобщая ответственность", [number]).text
    mixed = inflect("общая обязанность", [number]).text
    assert prefixed is not None and mixed is not None
    assert _unlisted(tb, f"Страны говорили: {prefixed} важна.") == []
    assert [c for c, _, _ in _unlisted(tb, f"Страны говорили: {mixed} важна.")] == ["shared-duty"]


def test_a_prefixed_modifier_is_itself_where_an_accepted_rendering_has_it() -> None:
    tb = loads(PREFIXED.replace("status: deprecated}", "status: deprecated}\n"
                                "        - {text: всеобщая ответственность, status: admitted}"), "t.yaml")
    assert _unlisted(tb, "Страны говорили о всеобщей ответственности.") == []
    # Without that rendering, the unprefixed word inside a longer one is no trigger: «ответственность» alone.
    assert _unlisted(loads(PREFIXED, "t.yaml"), "Страны говорили об ответственности.") == []


def test_common_prosperity_of_nations_is_no_variant_of_the_partys_aim() -> None:
    import glossary

    text = "Соседи обещали друг другу мир и всеобщее процветание, а партия ведёт страну к общей зажиточности."
    found = [(f.code, f.found) for f in glossary.check(text, "ru") if f.concept_id == "common-prosperity"]
    assert found == [("unlisted-variant", "общей зажиточности")]


INSERTS = textwrap.dedent("""\
    concepts:
      - id: pond-fund
        terms:
          en:
            - {text: Blue Pond Renewal Fund, status: preferred}
      - id: pond-summit
        terms:
          en:
            - {text: Pond Nations Summit, status: preferred}
            - {text: infrastructure of ponds, status: admitted}
    """)


@pytest.mark.parametrize(("text", "found"), [
    # a word of another name ("Summit", "infrastructure") inside a name whose every word is there
    ("Donors met at the Blue Pond Summit Renewal Fund.", "Blue Pond Summit Renewal Fund"),
    ("Donors paid into the blue pond infrastructure renewal fund.", "blue pond infrastructure renewal fund"),
])
def test_a_word_of_the_domain_inside_an_english_name_is_a_variant(text: str, found: str) -> None:
    assert _en_unlisted(loads(INSERTS, "t.yaml"), text) == [(found, "Blue Pond Renewal Fund")]


@pytest.mark.parametrize("text", [
    "The Blue Pond Renewal Fund grew.",  # as listed
    "Donors paid into the blue pond sunny renewal fund.",  # "sunny" is no word of any name
    "The Blue Pond helps Renewal Fund donors.",  # nor is "helps"
    "Donors met at the Blue Summit Renewal Fund.",  # a word of the name missing
    "Donors met at the Blue Pond Summit renewal fund.",  # a capital before a lower-case word starts a name
    "Donors met at the Blue Pond Summit Summit Renewal Fund.",  # one word at most
    "The Blue Pond Summit, a Renewal Fund event, opened.",  # punctuation between
])
def test_a_word_inside_an_english_name_leaves_other_prose_clean(text: str) -> None:
    assert _en_unlisted(loads(INSERTS, "t.yaml"), text) == []


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet="bcdfghjklmnpqrstvwxz", min_size=3, max_size=9), st.integers(0, 2), st.booleans())
def test_a_word_no_rendering_has_inserted_in_an_english_name_is_no_hit(word: str, at: int, title: bool) -> None:
    tb = loads(INSERTS, "t.yaml")
    index = signatures.index_for(tb, "en")
    assert word not in index.vocabulary
    names = ["Blue", "Pond", "Renewal", "Fund"] if title else ["blue", "pond", "renewal", "fund"]
    text = "They saw the " + " ".join(names[:at + 1] + [word.capitalize() if title else word] + names[at + 1:]) + "."
    assert index.scan(text) == []


def test_the_words_a_name_may_gain_are_the_content_words_of_the_listed_renderings() -> None:
    vocabulary = signatures.index_for(loads(INSERTS, "t.yaml"), "en").vocabulary
    assert {"summit", "infrastructure", "pond", "nation", "renewal"} <= vocabulary
    assert not vocabulary & {"of", "the", "and"}
    assert signatures.index_for(loads(INSERTS, "t.yaml"), "ru").vocabulary == frozenset()


NESTED = textwrap.dedent("""\
    concepts:
      - id: reed-path
        terms:
          en:
            - {text: Reed and Reef Scheme, status: preferred}
            - {text: Reed and Reef, status: admitted}
            - {text: RRS, status: admitted, abbreviation_of: Reed and Reef Scheme}
            - {text: One Reed One Reef, status: superseded, fix_to: Reed and Reef}
      - id: reed-path-assembly
        terms:
          en:
            - {text: Reed and Reef Assembly for Coastal Partnership, status: preferred}
      - id: fine-reed-path
        terms:
          en:
            - {text: well-tended Reed and Reef partnership, status: preferred}
    """)


@pytest.mark.parametrize(("text", "concept", "found", "suggestion"), [
    # the inner name in a superseded rendering: the longer name is found, not the inner one
    ("Envoys came to the One Reed One Reef Assembly for Coastal Partnership.", "reed-path-assembly",
     "One Reed One Reef Assembly for Coastal Partnership", "Reed and Reef Assembly for Coastal Partnership"),
    ("They praised well-tended One Reed One Reef partnership.", "fine-reed-path",
     "well-tended One Reed One Reef partnership", "well-tended Reed and Reef partnership"),
    # ... or in a longer accepted rendering, one word more than the one the longer name holds
    ("Envoys came to the Reed and Reef Scheme Coastal Partnership Assembly.", "reed-path-assembly",
     "Reed and Reef Scheme Coastal Partnership Assembly", "Reed and Reef Assembly for Coastal Partnership"),
])
def test_a_name_inside_a_longer_name_in_another_rendering_names_the_longer_one(text: str, concept: str, found: str,
                                                                               suggestion: str) -> None:
    import glossary

    assert [(f.code, f.concept_id, f.found, f.suggestion) for f in glossary.check(text, "en", loads(NESTED, "t.yaml"))
            ] == [("unlisted-variant", concept, found, suggestion)]


@pytest.mark.parametrize(("text", "codes"), [
    ("The One Reed One Reef plan grew.", [("superseded-term", "reed-path")]),  # no longer name around it
    ("They praised well-tended RRS partnership.", []),  # an abbreviation is written as it may be
    ("Envoys came to the Reed and Reef Assembly for Coastal Partnership.", []),  # as listed
    ("The One Reed One Reef Assembly met.", [("superseded-term", "reed-path")]),  # too little of the longer name
])
def test_a_name_inside_no_longer_name_is_reported_as_before(text: str, codes: list[tuple[str, str]]) -> None:
    import glossary

    assert [(f.code, f.concept_id) for f in glossary.check(text, "en", loads(NESTED, "t.yaml"))] == codes


def test_the_names_inside_longer_names_are_found_from_the_preferred_renderings() -> None:
    index = signatures.index_for(loads(NESTED, "t.yaml"), "en")
    preferred, inside = index.embedded["reed-path"]
    assert preferred == "Reed and Reef Scheme"
    at = {sig.concept_id: k for k, sig in enumerate(index.signatures)}
    assert set(inside) == {("Reed and Reef", at["reed-path-assembly"], ("asse", "coas", "part")),
                           ("Reed and Reef", at["fine-reed-path"], ("part", "tend", "well"))}
    assert set(index.embedded) == {"reed-path"}
    assert signatures.index_for(loads(NESTED, "t.yaml"), "ru").embedded == {}


INITIALS = textwrap.dedent("""\
    concepts:
      - id: valley-ports
        terms:
          ru:
            - {text: союз портов Южной Озерной Долины, status: preferred}
            - {text: союз гаваней Южной Озерной Долины, status: deprecated}
    """)


def test_a_russian_name_inside_a_name_gives_its_initials_to_its_slots() -> None:
    sig = signatures.derive(loads(INITIALS, "t.yaml").concept("valley-ports"), "ru")
    assert sig is not None
    assert dict(sig.initials) == {"юо": (2, 3), "юод": (2, 3, 4), "од": (3, 4)}
    assert all("юод" in sig.slots[k] for k in (2, 3, 4))


@pytest.mark.parametrize(("text", "found"), [
    ("Они вступили в союз портов ЮОД.", "союз портов ЮОД"),
    ("Собрание союза гаваней ЮОД прошло в мае.", "союза гаваней ЮОД"),
    ("Они вступили в союз портов Южной ОД.", "союз портов Южной ОД"),
])
def test_initials_stand_for_the_words_of_a_name_inside_a_russian_name(text: str, found: str) -> None:
    assert [(c, f) for c, f, _ in _unlisted(loads(INITIALS, "t.yaml"), text)] == [("valley-ports", found)]


@pytest.mark.parametrize("text", [
    "Порты ЮОД закрыты.",  # no head noun: not the union
    "В ЮОД тепло.",  # the initials alone
    "Они вступили в союз портов юод.",  # not in capitals: no initials
    "Они вступили в союз портов ЮД.",  # initials of no run of the name
    "Они вступили в союз портов Южной Озерной Долины.",  # the preferred rendering
])
def test_initials_fill_nothing_alone_in_lower_case_or_spelled_otherwise(text: str) -> None:
    assert _unlisted(loads(INITIALS, "t.yaml"), text) == []


@settings(max_examples=30, deadline=None)
@given(case=st.sampled_from(["nomn", "gent", "datv", "accs", "ablt", "loct"]), plural=st.booleans())
def test_the_preferred_russian_name_with_initials_for_its_inner_name_is_one_hit(case: str, plural: bool) -> None:
    """In every case and number the head noun takes, the preferred rendering with «ЮОД» for «Южной Озерной
    Долины» is one hit over all its words, suggesting the full words in the same case."""
    from glossary.morph.russian import Form, inflect

    tb = loads(INITIALS, "t.yaml")
    written = inflect("союз портов Южной Озерной Долины", [Form(case, "plur" if plural else "sing", plural)]).text
    assert written is not None and written.endswith(" Южной Озерной Долины")
    short = written.replace("Южной Озерной Долины", "ЮОД")
    assert _unlisted(tb, f"Речь шла о том, что {short} растет.") == [
        ("valley-ports", short, written)]


def test_initials_in_lower_case_fill_no_slot() -> None:
    sig = signatures.derive(loads(INITIALS, "t.yaml").concept("valley-ports"), "ru")
    assert sig is not None
    assert signatures._slot_set_of(sig, "ЮОД") == frozenset({2, 3, 4})
    assert signatures._slot_set_of(sig, "юод") == frozenset()


def _embedded_by_trying_every_name(sigs):  # type: ignore[no-untyped-def]
    """signatures._embedded as first written: each rendering looked for in every longer preferred name."""
    positions = {sig.concept_id: k for k, sig in enumerate(sigs)}
    out = {}
    for inner in sigs:
        held = set()
        for r in (inner.preferred, *inner.others):
            rw = signatures._lower_words(r)
            if len(rw) < 2:
                continue
            for sig in sigs:
                ws = signatures._lower_words(sig.preferred)
                if (sig.concept_id != inner.concept_id and len(ws) > len(rw)
                        and any(ws[i:i + len(rw)] == rw for i in range(len(ws) - len(rw) + 1))):
                    held.add((r, positions[sig.concept_id], tuple(sorted({w[:4] for w in ws if w not in rw
                                                                          and w not in sig.function_words}))))
        if held:
            out[inner.concept_id] = (inner.preferred, tuple(sorted(held, key=lambda h: (-len(h[0]), h))))
    return out


def test_names_inside_names_found_by_word_pair_are_those_found_by_trying_every_name() -> None:
    sigs = [s for s in (signatures.derive(c, "en") for c in load().concepts) if s is not None]
    found = signatures._embedded("en", sigs)
    assert found and found == _embedded_by_trying_every_name(sigs)


SPELLED = textwrap.dedent("""\
    concepts:
      - id: valley-ports-secretary
        terms:
          ru:
            - {text: Генеральный секретарь СП ЮОД, status: preferred}
            - {text: Генеральный секретарь Союза портов Южной Озерной Долины, status: admitted}
            - {text: генсек Союза портов Южной Озерной Долины, status: deprecated}
    """)


def test_a_russian_preferred_name_with_initials_takes_its_slots_from_the_name_spelled_out() -> None:
    sig = signatures.derive(loads(SPELLED, "t.yaml").concept("valley-ports-secretary"), "ru")
    assert sig is not None
    assert sig.spelled == "Генеральный секретарь Союза портов Южной Озерной Долины"
    spelled = ["генеральный", "секретарь", "союз", "порт", "южный", "озерный", "долина"]
    assert len(sig.slots) == len(spelled) and all(w in slot for w, slot in zip(spelled, sig.slots))
    assert dict(sig.initials)["сп"] == (2, 3) and dict(sig.initials)["юод"] == (4, 5, 6)
    assert ("генсек", (0, 1)) in sig.compounds


@pytest.mark.parametrize(("text", "found"), [
    ("Выступил генеральный секретарь Союза портов ЮОД.", "генеральный секретарь Союза портов ЮОД"),
    ("Выступил генеральный секретарь СП Южной Озерной Долины.", "генеральный секретарь СП Южной Озерной Долины"),
    ("Выступил генсек СП ЮОД Иван Петров.", "генсек СП ЮОД"),  # a compound short word for two slots
    ("Выступил генеральный секретарь ЮОД.", "генеральный секретарь ЮОД"),  # the inner abbreviation left out
])
def test_full_words_initials_and_compounds_fill_the_slots_of_a_russian_name_spelled_out(text: str, found: str) -> None:
    assert [(c, f) for c, f, _ in _unlisted(loads(SPELLED, "t.yaml"), text)] == [("valley-ports-secretary", found)]


@pytest.mark.parametrize("text", [
    "Выступил Генеральный секретарь СП ЮОД Иван Петров.",  # the preferred rendering
    "Выступил генеральный секретарь СП.",  # without its owner: any union's secretary
    "Выступил генеральный секретарь СП Северной Озерной Долины.",  # another owner
    "Выступил генсек.",  # the compound alone
])
def test_a_russian_name_spelled_out_still_needs_its_owner(text: str) -> None:
    assert _unlisted(loads(SPELLED, "t.yaml"), text) == []


@pytest.mark.parametrize(("words", "compound"), [
    (["коммунистический", "партия"], "компартия"),
    (["государственный", "совет"], "госсовет"),
    (["национальный", "безопасность"], "нацбезопасность"),
])
def test_russian_compound_short_words_come_from_the_dictionary(words: list[str], compound: str) -> None:
    assert (compound, (0, 1)) in signatures._ru_compounds(words)


def test_a_compound_of_first_letters_only_needs_a_rendering_that_has_it() -> None:
    assert ("генсек", (0, 1)) not in signatures._ru_compounds(["генеральный", "секретарь"])
    assert ("генсек", (0, 1)) in signatures._ru_compounds(["генеральный", "секретарь"], frozenset({"генсек"}))


def test_no_compound_short_word_where_the_dictionary_has_none() -> None:
    assert signatures._ru_compounds(["китайский", "модернизация"]) == ()
    assert signatures._ru_compounds(["южный", "озерный", "долина"]) == ()
    assert signatures._ru_compounds(["китайский", "арабский", "сообщество"]) == ()  # no «китара»


VARIANTS = textwrap.dedent("""\
    concepts:
      - id: reed-path
        terms:
          en:
            - {text: Reed and Reef Initiative, status: preferred}
            - {text: Reed and Reef, status: admitted}
            - {text: "One Reed, One Reef", status: superseded, fix_to: Reed and Reef}
            - {text: Reed and Reef plan, status: deprecated}
      - id: harbor-crime
        terms:
          en:
            - {text: transnational organized harbor crime, status: preferred}
            - {text: cross-border organized harbor crime, status: deprecated}
    """)


def test_a_variant_the_concepts_signature_cannot_read_gets_a_signature_of_its_own() -> None:
    tb = loads(VARIANTS, "t.yaml")
    main, *rest = signatures.signatures_of(tb.concept("reed-path"), "en")
    assert not main.fix_to
    # "Reed and Reef plan" fills the concept's own slots (plan is a synonym of Initiative); "One Reed, One
    # Reef" has a second "one", which no slot holds.
    assert [(s.preferred, s.fix_to, s.tolerance) for s in rest] == [("One Reed, One Reef", "Reed and Reef", 0)]
    assert rest[0].accepted == main.accepted and rest[0].listed == main.listed


@pytest.mark.parametrize(("text", "found", "suggestion"), [
    ("They backed the One Reed One Reef plan.", "One Reed One Reef", "Reed and Reef"),
    ("Talks on the 'One Reed - One Reef' began.", "One Reed - One Reef", "Reed and Reef"),
    ("They fought cross-border organised harbour crimes.", "cross-border organised harbour crimes",
     "transnational organized harbor crimes"),
])
def test_a_variant_of_a_listed_variant_is_found_and_fixed_as_that_variant(text: str, found: str,
                                                                          suggestion: str) -> None:
    import glossary

    got = [(f.code, f.found, f.suggestion) for f in glossary.check(text, "en", loads(VARIANTS, "t.yaml"))]
    assert got == [("unlisted-variant", found, suggestion)]


def test_a_variant_signature_misses_no_word() -> None:
    import glossary

    # the variant shortened by a word: another thing
    assert glossary.check("Police fought cross-border harbor crime.", "en", loads(VARIANTS, "t.yaml")) == []


def test_the_checks_that_read_a_concepts_signature_read_its_own_not_a_variants() -> None:
    from glossary.checks.located import signature

    tb = loads(VARIANTS, "t.yaml")
    assert signature(tb, "en", "reed-path").preferred == "Reed and Reef Initiative"
