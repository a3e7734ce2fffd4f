"""Tests for glossary.encoding: mojibake found with exact spans, clean text left alone."""

from __future__ import annotations

import dataclasses
import unicodedata
from pathlib import Path

import ftfy
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from glossary.encoding import Damage, find_damage, repair
from glossary.model import Span

PASSTHROUGH = {0x81, 0x8D, 0x8F, 0x90, 0x9D}


def garble(text: str, latin1: bool = False) -> str:
    """What a reader makes of `text`'s UTF-8 bytes when it assumes Windows-1252
    (undefined bytes passed through, as browsers do) or Latin-1."""
    data = text.encode("utf-8")
    if latin1:
        return data.decode("latin-1")
    return "".join(chr(b) if b in PASSTHROUGH else bytes((b,)).decode("cp1252") for b in data)


def found(text: str) -> list[tuple[str, str]]:
    """(damaged text, repair) pairs, in order."""
    return [(text[d.span.start : d.span.end], d.repaired) for d in find_damage(text)]


def check_spans(text: str, damages: list[Damage]) -> None:
    last = 0
    for d in damages:
        assert last <= d.span.start < d.span.end <= len(text)
        assert text[d.span.start : d.span.end] != d.repaired
        last = d.span.end


# --- damage that must be found ----------------------------------------------

# Written out by hand, not made with `garble`, so the tests do not only check
# the code against itself.
DAMAGED = [
    # English curly punctuation read as Windows-1252
    ("The minister didnâ€™t attend.", [("â€™", "’")]),
    ("They called it â€œa bridgeâ€\x9d of trust.", [("â€œ", "“"), ("â€\x9d", "”")]),
    ("Growth slowed â€” but only a little â€“ in 2024â€¦", [("â€”", "—"), ("â€“", "–"), ("â€¦", "…")]),
    # Latin letters
    ("Le cafÃ© de la gare est fermÃ©.", [("Ã©", "é"), ("Ã©", "é")]),
    ("Die GrÃ¶ÃŸe der StraÃŸe", [("Ã¶ÃŸ", "öß"), ("ÃŸ", "ß")]),
    ("El niÃ±o comiÃ³ piÃ±a.", [("Ã±", "ñ"), ("Ã³", "ó"), ("Ã±", "ñ")]),
    ("Polska: wiÄ…zaÄ‡ i jÄ™zyk", [("Ä…", "ą"), ("Ä‡", "ć"), ("Ä™", "ę")]),
    ("ÄŒeskÃ¡ republika", [("ÄŒ", "Č"), ("Ã¡", "á")]),
    ("It costs Â£5 and Â©2024", [("Â£", "£"), ("Â©", "©")]),
    ("GRÃ–SSE", [("Ã–", "Ö")]),
    ("oÊ»zbek tili", [("Ê»", "ʻ")]),
    # Cyrillic, Greek, Han, kana, Hangul, Arabic
    ("Ð¡Ð¸ Ð¦Ð·Ð¸Ð½ÑŒÐ¿Ð¸Ð½", [("Ð¡Ð¸", "Си"), ("Ð¦Ð·Ð¸Ð½ÑŒÐ¿Ð¸Ð½", "Цзиньпин")]),
    ("Î‘Î¸Î®Î½Î±", [("Î‘Î¸Î®Î½Î±", "Αθήνα")]),
    ("ä¸€å¸¦ä¸€è·¯", [("ä¸€å¸¦ä¸€è·¯", "一带一路")]),
    ("æ—¥æœ¬èªž", [("æ—¥æœ¬èªž", "日本語")]),
    ("í•œêµ­ì–´", [("í•œêµ­ì–´", "한국어")]),
    ("Ø§Ù„Ø­Ø²Ø§Ù…", [("Ø§Ù„Ø­Ø²Ø§Ù…", "الحزام")]),
    # emoji, byte order mark, full-width comma
    ("Well done ðŸ‘\x8d", [("ðŸ‘\x8d", "👍")]),
    ("ï»¿Title", [("ï»¿", "\ufeff")]),
    ("ä½\xa0å¥½ï¼Œä¸–ç•Œ", [("ä½\xa0å¥½ï¼Œä¸–ç•Œ", "你好，世界")]),
    # decomposed accent (macOS file names)
    ("cafeÌ\x81", [("Ì\x81", "\u0301")]),
    # the class ftfy 6.3 misses: "■" (E2 96 A0) as "â–" + no-break space
    ("summit in 2027. â–\xa0 The president said", [("â–\xa0", "■")]),
    ("â–\xa0 Opening line", [("â–\xa0", "■")]),
    ("Closing line â–\xa0", [("â–\xa0", "■")]),
    ("Next â–\xa0â€” item", [("â–\xa0â€”", "■—")]),
    ("Next â–\xa0 â€” item", [("â–\xa0", "■"), ("â€”", "—")]),
    ("中国外交部消息。â–\xa0 习近平主席出席峰会。", [("â–\xa0", "■")]),
    ("Пресс-служба сообщила: â–\xa0 Саммит открылся.", [("â–\xa0", "■")]),
    ("Ð¿Ð¾Ñ\x8fÑ\x81 â–\xa0 путь", [("Ð¿Ð¾Ñ\x8fÑ\x81", "пояс"), ("â–\xa0", "■")]),
    ("Arrows: A â†’ B", [("â†’", "→")]),
    # Latin-1 instead of Windows-1252: C1 controls
    ("donâ\x80\x99t", [("â\x80\x99", "’")]),
    # encoded twice
    ("donÃ¢â‚¬â„¢t", [("Ã¢â‚¬â„¢", "’")]),
    ("cafÃƒÂ©", [("ÃƒÂ©", "é")]),
    # "à" whose no-break space became a plain space
    ("voilÃ  le travail", [("Ã ", "à")]),
]


@pytest.mark.parametrize(("text", "expected"), DAMAGED)
def test_finds_damage(text: str, expected: list[tuple[str, str]]) -> None:
    assert found(text) == expected
    check_spans(text, find_damage(text))


def test_ftfy_misses_the_black_square_and_we_do_not() -> None:
    text = "in 2027. â–\xa0 The summit"
    assert ftfy.fix_text(text) == text
    assert repair(text) == "in 2027. ■ The summit"


def test_repair_applies_all_right_to_left() -> None:
    text = "â€œCafÃ©â€\x9d â–\xa0 Ð¡Ð¸"
    assert repair(text) == "“Café” ■ Си"


def test_spans_are_code_points_after_astral_characters() -> None:
    text = "😀𝕏 cafÃ©"
    [damage] = find_damage(text)
    assert damage.span == Span(6, 8)
    assert text[6:8] == "Ã©"


def test_damage_is_frozen_with_slots() -> None:
    damage = Damage(Span(0, 2), "é")
    with pytest.raises(dataclasses.FrozenInstanceError):
        damage.repaired = "x"  # type: ignore[misc]
    assert not hasattr(damage, "__dict__")


def test_nearby_damage_makes_ambiguous_runs_count() -> None:
    # "Ð’" alone (В after a space) is ambiguous; inside garbled Russian it is not.
    assert find_damage("Ð’ ") == []
    assert found("Ð’ Ð¼Ð¸Ñ€Ðµ") == [("Ð’", "В"), ("Ð¼Ð¸Ñ€Ðµ", "мире")]


def test_pound_after_a_circumflex_is_damage() -> None:
    # "Â£" could in theory be typed, but no language writes Â before a
    # currency sign; it is the classic mojibake of "£" and we repair it.
    assert found("Price: Â£12") == [("Â£", "£")]


# --- clean text that must stay clean -----------------------------------------

CLEAN = [
    # English
    "The delegates called it a “community with a shared future” — a phrase first heard in 2013.",
    "She said, ‘It’s done…’ and walked out — quietly.",
    "“Touché”—he laughed, and the talks went on.",
    "NESCAFÉ® and a café au lait™; José’s résumé; naïve coöperation.",
    "Footnotes after names: Müller†, JOSÉ¹, Fuß², CAFÉ³.",
    "Prices: £5, €10, ¥100, 50¢; 20 °C ± 0.5; № 5, § 3, ¶ 2, © 2024.",
    # French
    "L’été dernier, à Paris, j’ai vu «\u00a0La Traviata\u00a0» ; c’était déjà l’été\u00a0!",
    "LIBERTÉ, ÉGALITÉ, FRATERNITÉ\u00a0» — «\u00a0ÉTÉ\u00a0» — L’ÂGE D’OR, CŒUR, SŒUR, L’HAŸ.",
    "Où est-il\u00a0? Là-bas, près du château. Ô temps\u00a0! « À bientôt… »",
    # German
    "Er sagte „Fuß“ und ging. Die Größe des Fußballfelds stimmt, sagte Jürgen Müller.",
    "ÄRGER, ÖL, ÜBER, GRÜẞE; »Zitat« und ›Zitat‹; Fuß\u00adball-Spiel.",
    # Spanish, Portuguese, Italian, Catalan
    "¿Qué pasó? ¡Olé…! El niño comió piñas en ESPAÑA y MÉXICO: «CANCIÓN».",
    "Dijo que sí—¿verdad?—y el café—¡qué rico!—estaba a 20°C; ó—«no».",
    "A IRMÃ” disse “NÃO” — irmã, coração, São Paulo. Isso é…” e é”—disse ele.",
    "È vero… perché no? Non è…” Così è. «PERCHÉ»",
    "La col·lecció de l’Ajuntament; il·lusió.",
    # Turkish, Vietnamese, Welsh, Kurdish, Icelandic
    "Hâlâ…” dedi. İstanbul’da güneş; Çanakkale, ÖĞRENCİ, HÂLÂ» ve hâlâ.",
    "Tiếng Việt: Hà Nội, Đà Nẵng, Huế — “Lê…”, Việt Nam, người, ở đây.",
    "Dŵr â’r tân; tŷ â – gardd.",
    "KURDÎ” û Kurdî; ÞAÐ ER GOTT… Það, ÞÓRÐUR.",
    # Central and Eastern Europe
    "VÝŠKA, ÚŽASNÝ, PLÁŽ; píšu, níž…, Příliš žluťoučký kůň úpěl ďábelské ódy.",
    "Zażółć gęślą jaźń. ŹRÓDŁO. România, știință, ÎNCĂLZIRE, CÂMIN, CÂ\u00adMIN.",
    "Eesti: ÕUN, õun; Suomi: ÄÄNI, äänestys.",
    # Cyrillic: Russian, Kazakh
    "Инициатива «Пояс и путь» — это проект. В мире… «Один пояс, один путь».",
    "Қазақстан Республикасы: әлеуметтік, ғылым, қоғам, ңғ, өнер, ұлт, үкімет, һ, іс.",
    # Uzbek Latin
    "Oʻzbekiston, gʻalaba, oʻqituvchi; O‘zbekiston va Gʻafur Gʻulom.",
    # East Asian
    "构建人类命运共同体，推动“一带一路”高质量发展。",
    "日本語のテキスト「こんにちは」、カタカナ、ひらがな。",
    "한국어 문장입니다. “안녕하세요” — 서울.",
    # Right to left
    "مبادرة الحزام والطريق «مهمة» جداً.",
    "שלום עולם — ״ציטוט״ בעברית.",
    # Greek
    "Η Ελλάδα — «Καλημέρα»· ΑΘΗΝΑ, Θεσσαλονίκη.",
    # Symbols, math, emoji
    "Great job 👍🏽 🇨🇳 ❤️ 😀 — ★★★",
    "∀x ∈ ℝ: x² ≥ 0; 3\u00a0×\u00a04 = 12; ½ + ¼ = ¾; ∑ ∫ √2 ≈ 1.414; a 2×2 grid.",
    "■ Item one ▪ two ● three → four ← five • six · seven",
    "ASCII only: nothing to see here, just plain text (with quotes \"like this\").",
]


@pytest.mark.parametrize("text", CLEAN)
def test_clean_text_has_no_damage(text: str) -> None:
    assert find_damage(text) == []
    assert repair(text) == text


def test_every_babel_locale_name_is_clean() -> None:
    """Language, territory and month names of every CLDR locale that babel
    ships: hundreds of languages and scripts, all correctly encoded."""
    from babel import Locale, localedata

    bad = []
    for name in localedata.locale_identifiers():
        locale = Locale.parse(name)
        names = [*locale.languages.values(), *locale.territories.values()]
        for context in locale.months.values():
            for width in context.values():
                names.extend(width.values())
        text = " ".join(names)
        bad.extend((name, text[d.span.start - 5 : d.span.end + 5]) for d in find_damage(text))
    assert bad == []


# --- properties ---------------------------------------------------------------

# Words of the clean sentences; lone signs such as "×" or "½" are left out,
# since no one glues punctuation to them.
WORDS = sorted({w for text in CLEAN for w in text.split() if any(c.isalpha() for c in w)})
SEPARATORS = [
    " ", ", ", ". ", " — ", "—", "– ", "… ", "…” ", "” ", "’ ", "”—", "’” ", "\u00a0» ", " «\u00a0",
    "\u00a0: ", "; ", "\n", "-", "’s ", "® ", "™ ", "† ", "¹ ", "\u00ad", "» ", " «", "“ ", "‘ ",
]


@st.composite
def clean_texts(draw: st.DrawFn) -> str:
    parts = draw(st.lists(st.tuples(st.sampled_from(WORDS), st.sampled_from(SEPARATORS)), max_size=40))
    out = []
    for i, (word, sep) in enumerate(parts):
        following = parts[i + 1][0] if i + 1 < len(parts) else ""
        if sep == "\u00ad" and not (word[-2:].isalpha() and len(word) >= 2 and following[:2].isalpha()):
            sep = " "  # a soft hyphen marks a hyphenation point: inside a word, two letters or more either side
        if not sep[0].isspace() and "\u00c2" <= word[-1] <= "\u00f4":
            sep = " "  # a letter that is a UTF-8 lead byte in Windows-1252, glued on, can spell real damage
        out.append(word + sep)
    return "".join(out)


def test_two_lead_and_continuation_pairs_in_a_row_are_damage() -> None:
    # Found by the property below when a one-letter word "Ô" was glued to itself by a soft
    # hyphen: "Ô\u00adÔ—" is exactly the UTF-8 of "ԭԗ" read as Windows-1252, and is reported.
    assert [d.repaired for d in find_damage("Ô\u00adÔ—")] == ["ԭԗ"]
    # The same property, later: the word "â", the dash "—" and "¡Olé" glued together are
    # the UTF-8 of "◡" read as Windows-1252.
    assert [d.repaired for d in find_damage("â—¡Olé…! ")] == ["◡"]


@given(clean_texts())
@settings(max_examples=500)
def test_clean_words_with_any_punctuation_stay_clean(text: str) -> None:
    assert find_damage(text) == []
    assert repair(text) == text


# An alphabet that makes mojibake-like runs often: leads, continuation
# characters, ASCII, a few other scripts.
TRICKY = (
    [chr(c) for c in range(0xC2, 0xF5)]
    + [bytes((b,)).decode("cp1252") for b in range(0x80, 0xC0) if b not in PASSTHROUGH]
    + [chr(b) for b in range(0x80, 0xA0)]
    + list("ab Z.,\n一я")
)


@given(st.text(alphabet=st.sampled_from(TRICKY), max_size=60))
@settings(max_examples=1000)
def test_spans_exact_sorted_and_disjoint(text: str) -> None:
    damages = find_damage(text)
    check_spans(text, damages)
    fixed = repair(text)
    rebuilt, last = [], 0
    for d in damages:
        rebuilt += [text[last : d.span.start], d.repaired]
        last = d.span.end
    assert fixed == "".join(rebuilt) + text[last:]


def _letters(lo: int, hi: int) -> list[str]:
    return [chr(c) for c in range(lo, hi + 1) if unicodedata.category(chr(c))[0] in "LNPS"]


SCRIPTS = {
    "latin-1": _letters(0xC0, 0xFF),
    "latin-ext": _letters(0x100, 0x17F),
    "greek": _letters(0x391, 0x3C9),
    "cyrillic": _letters(0x410, 0x44F) + list("әғқңөұүһі"),
    "hebrew": _letters(0x5D0, 0x5EA),
    "arabic": _letters(0x621, 0x64A),
    "devanagari": [c for c in _letters(0x905, 0x939)],
    "thai": _letters(0xE01, 0xE2E),
    "han": _letters(0x4E00, 0x9FFF),
    "kana": _letters(0x3041, 0x3096) + _letters(0x30A1, 0x30FA),
    "hangul": _letters(0xAC00, 0xD7A3),
    "symbols": _letters(0x2190, 0x21FF) + _letters(0x2500, 0x25FF) + _letters(0x2200, 0x22FF),
    "emoji": _letters(0x1F600, 0x1F64F) + _letters(0x1F300, 0x1F3FF),
}


def reads_as_words(damaged: str) -> bool:
    """Is every sequence of `damaged` an accented letter that is a word by
    itself ("È", "Ô", "Å") followed by closing punctuation, and every later
    one glued after a dash? Clean text reads so ("Ô—Ô—"), so such runs are
    left alone unless clear damage is near."""
    seqs, i = [], 0
    while i < len(damaged):
        size = 2 if damaged[i] < "\u00e0" else 3 if damaged[i] < "\u00f0" else 4
        seqs.append(damaged[i : i + size])
        i += size
    return all(
        q[0] in "ÀÁÈÉÌÍÒÓÔÙÚÅÖâàáèéìíòóùúå"
        and all(c in "’”“‘…–—»«›‹" for c in q[1:])
        and (n == 0 or seqs[n - 1][-1] in "–—")
        for n, q in enumerate(seqs)
    )


@st.composite
def same_script_strings(draw: st.DrawFn, min_size: int) -> str:
    chars = SCRIPTS[draw(st.sampled_from(sorted(SCRIPTS)))]
    return draw(st.text(alphabet=st.sampled_from(chars), min_size=min_size, max_size=8))


@given(same_script_strings(min_size=2), st.booleans())
@settings(max_examples=500)
def test_garbled_string_in_ascii_text_is_found_and_repaired(s: str, latin1: bool) -> None:
    assume(not find_damage(s))  # s itself must read as clean text
    damaged = garble(s, latin1)
    assume(not reads_as_words(damaged))
    text = f"Intro text {damaged} and more."
    damages = find_damage(text)
    check_spans(text, damages)
    assert [(text[d.span.start : d.span.end], d.repaired) for d in damages] == [(damaged, s)]
    assert repair(text) == f"Intro text {s} and more."


@given(st.sampled_from(SCRIPTS["symbols"] + SCRIPTS["emoji"] + ["■", "€", "™", "’", "“", "…"]))
def test_single_garbled_symbol_after_a_space_is_found(char: str) -> None:
    damaged = garble(char)
    # "â" followed by two closing marks also reads as the Welsh word "â" and
    # its punctuation ("â”—", "â\u00a0»"); those are left alone on their own.
    assume(not all(c in "’”“‘…–—»«›‹" for c in damaged[1:]))
    assume(damaged[1:] not in ("\u00a0»", "\u00a0›"))
    text = f"Item {damaged} next"
    assert [d.repaired for d in find_damage(text)] == [char]


@given(same_script_strings(min_size=2))
@settings(max_examples=200)
def test_garbled_twice_is_repaired_fully(s: str) -> None:
    assume(not find_damage(s) and not reads_as_words(garble(s)))
    text = f"a {garble(garble(s))} b"
    assert repair(text) == f"a {s} b"


@given(clean_texts())
@settings(max_examples=300)
def test_every_repair_of_garbled_clean_text_restores_the_original(text: str) -> None:
    # Garbling works character by character, so every damaged span must
    # cover whole garbled characters and repair to exactly those originals.
    pieces = [garble(c) for c in text]
    starts, pos = {}, 0
    for i, piece in enumerate(pieces):
        starts[pos] = i
        pos += len(piece)
    starts[pos] = len(text)
    damaged = "".join(pieces)
    for d in find_damage(damaged):
        assert d.span.start in starts and d.span.end in starts
        assert d.repaired == text[starts[d.span.start] : starts[d.span.end]]


@given(clean_texts().filter(lambda t: len(t) < 60))
@settings(max_examples=300)
def test_short_garbled_text_with_clear_damage_is_undone(text: str) -> None:
    # Near clear damage ("GrÃ¶ÃŸe"), ambiguous runs count as damage too, so a
    # short text garbled as a whole round-trips.
    whole = "Größe: " + text
    # Clean text can itself read as mojibake of something else ("Ô\xadÔ—" is
    # "ԭԗ" garbled); undoing one layer cannot tell, so such text is out of scope.
    assume(repair(whole) == whole)
    assert repair(garble(whole)) == whole


# --- the official report in ../shared/texts ----------------------------------

TEXTS = Path(__file__).resolve().parents[2] / "shared" / "texts"  # ../shared beside the checkout, when present
REPORT = TEXTS / "004_7a138f5e36cf101f.txt"
SPEECH = TEXTS / "000_cdad86eb4c7495a6.txt"


@pytest.mark.skipif(not SPEECH.exists(), reason="shared seed texts not present")
def test_official_speech_is_clean() -> None:
    assert find_damage(SPEECH.read_text(encoding="utf-8")) == []


@pytest.mark.skipif(not REPORT.exists(), reason="shared seed texts not present")
def test_official_report_has_exactly_the_black_square() -> None:
    text = REPORT.read_text(encoding="utf-8")
    damages = find_damage(text)
    assert [(text[d.span.start : d.span.end], d.repaired) for d in damages] == [("â–\u00a0", "■")]
    fixed = repair(text)
    assert find_damage(fixed) == []
    assert len(fixed) == len(text) - 2



@pytest.mark.parametrize("original", ["Größe: CAFÉ³.", "Größe: CÂ\u00adMIN.", "Größe: IRMÃ”"])
def test_stops_where_ftfy_decodes_once_too_often(original: str) -> None:
    # ftfy repairs the whole text, then keeps decoding text that was clean
    # to begin with; the context rules stop at the original.
    whole = garble(original)
    assert ftfy.fix_encoding(whole) != original
    assert repair(whole) == original


@given(st.text(alphabet=st.sampled_from(list("aé \u00c2\u00c3\u00e2\u00c4\u00f0\u00f4\u20ac\u2122\u0153\u00a9\u00bb\u0081\u009d\u00a0\u00ad\u00b8\u2019")),
               max_size=40))
def test_runs_from_lead_characters_are_the_regex_runs(text: str) -> None:
    from glossary import encoding

    expected = [(m.start(), m.end()) for m in encoding._run_re().finditer(text)]
    assert [(m.start(), m.end()) for m in encoding._runs(text)] == expected


# ------------------------------------------------ long texts, a window at a time

_PIECES = ["â€™", "â€“", "Ã©", "Ã ", "Ã", "Â ", "Â", "é", "è", "Ä", "word", "Word", "WORD", " ", " ", "\n", ".",
           "—", "一带", "Ð¿Ð¾", "Ñ\u0081", "\u00ad", "»", "x"]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), min_size=1, max_size=900), st.sampled_from([8, 40, 300]))
def test_a_window_at_a_time_finds_what_the_whole_text_gives(pieces: list[str], window: int) -> None:
    """`iter_damage` cuts a long text into windows with context either side: the same runs, in order."""
    from glossary.encoding import find_damage, iter_damage

    text = "".join(pieces)
    assert list(iter_damage(text, window)) == find_damage(text)


@settings(max_examples=40, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), min_size=1, max_size=300), st.sampled_from([40, 300]))
def test_the_gate_on_a_checks_shared_bytes_lets_through_what_the_pieces_do(pieces: list[str], window: int) -> None:
    """Within a check (glossary.keyscan.shared_bytes) the gate reads the whole text's bytes that a
    step made, instead of encoding each window: the same runs, in order."""
    from glossary import keyscan
    from glossary.encoding import find_damage, iter_damage

    text = "".join(pieces)
    text = text * (keyscan._SHARED_MIN // len(text) + 1)
    with keyscan.shared_bytes():
        assert keyscan.shared_utf8(text) is None  # nothing made yet: the pieces are read
        keyscan.utf8(text)
        assert keyscan.shared_utf8(text) is not None
        assert list(iter_damage(text, window)) == find_damage(text)


def test_a_long_text_of_mojibake_is_read_a_window_at_a_time() -> None:
    from glossary.encoding import find_damage, iter_damage

    text = ("It\u00e2\u20ac\u2122s the Belt and Road \u00e2\u20ac\u201c a plan. " * 300 + "\n") * 4
    assert list(iter_damage(text, 1000)) == find_damage(text)
    assert len(find_damage(text)) == 2400


def test_a_soft_hyphen_before_a_space_is_no_hyphenation_point() -> None:
    # "Ŗŭ" garbled through cp1252 is "Å–Å\xad": the soft hyphen would end a one-letter
    # word after a dash, but a soft hyphen only ever stands between two letters.
    text = "Intro text " + "Ŗŭ".encode().decode("cp1252") + " and more."
    assert [d.repaired for d in find_damage(text)] == ["Ŗŭ"]
    assert repair(text) == "Intro text Ŗŭ and more."
