from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from glossary.script import guess_lang


@pytest.mark.parametrize(
    ("text", "lang"),
    [("共建一带一路倡议 with BRI", "zh"), ("Инициатива «Пояс и путь» and BRI", "ru"), ("The Belt and Road", "en"),
     ("", "en"), ("123 456", "en")],
)
def test_guess_lang(text: str, lang: str) -> None:
    assert guess_lang(text) == lang


# ----------------------------------------------- Central Asian languages (issue 12, point 1)

@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Қазақстан бастамаға қосылды.", "kk"),
        ("Бұл жобаның мәні зор.", "kk"),
        ("Кыргызстан бул демилгени колдойт, көп иштер бар.", "ky"),
        ("Тоҷикистон ташаббусро дастгирӣ мекунад.", "tg"),
        ("Ўзбекистон ташаббусни қўллаб-қувватлайди.", "uz-Cyrl"),
        ("Türkmenistan Hytaý bilen hyzmatdaşlygy giňeldýär.", "tk"),
        ("Страны поддержали инициативу.", "ru"),
        ("Україна і Казахстан: їхні зв'язки.", "ru"),  # і with ї is Ukrainian, not Kazakh; Cyrillic falls back to ru
        ("The Belt and Road Initiative was praised.", "en"),
    ],
)
def test_letters_russian_lacks_decide(text: str, lang: str) -> None:
    assert guess_lang(text) == lang


KAZAKH = """\
version: 1
concepts:
  - id: belt-and-road
    note: Test.
    sources: [{publisher: Test, title: Test source, date: "2024", langs: [kk, ru, en]}]
    terms:
      en:
        - {text: Belt and Road, status: preferred}
        - {text: "One Belt, One Road", status: superseded}
      ru:
        - {text: Пояс и путь, status: preferred}
        - {text: Один пояс и один путь, status: deprecated}
      kk:
        - {text: "Бір белдеу, бір жол", status: preferred}
        - {text: "Бір белдеу және бір жол", status: deprecated}
"""


@pytest.fixture()
def kazakh(tmp_path):  # type: ignore[no-untyped-def]
    from glossary.termbase import load

    path = tmp_path / "kk.yaml"
    path.write_text(KAZAKH, encoding="utf-8")
    return load([path], default=False, use_cache=False)


def test_a_kazakh_text_gives_its_finding_without_lang(kazakh) -> None:  # type: ignore[no-untyped-def]
    from glossary.checks import check_text

    [finding] = check_text("Қазақстан «Бір белдеу және бір жол» бастамасына қосылды.", None, kazakh)
    assert (finding.lang, finding.suggestion) == ("kk", "Бір белдеу, бір жол")


@pytest.mark.parametrize("name", ["mixed.txt", "mixed.md"])
def test_each_paragraph_is_checked_in_its_own_language(kazakh, tmp_path, name: str) -> None:  # type: ignore[no-untyped-def]
    from glossary import readers
    from glossary.checks import Options, check_document

    text = ("The One Belt, One Road plan is described in this English paragraph, which is much longer "
            "than the Russian one that follows it.\n\nЛозунг «Один пояс и один путь» звучал часто.\n")
    document = readers.load(name, text.encode("utf-8"))
    findings = check_document(document, kazakh)
    assert [(f.lang, f.found) for f in findings] == [("en", "One Belt, One Road"), ("ru", "Один пояс и один путь")]
    forced = check_document(readers.load(name, text.encode("utf-8"), lang="en"), kazakh, Options(lang="en"))
    assert [f.lang for f in forced] == ["en"]


# ----------------------------------------------- the strict guess of aligned pairs and tables

@pytest.mark.parametrize(
    ("text", "lang"),
    [("共建一带一路", "zh"), ("一带一路 Belt and Road Initiative", "zh"), ("The Belt and Road", "en"),
     ("Пояс и путь", None), ("", None), ("123 456", None),
     ("一 " + "a" * 8, "zh"), ("一 " + "a" * 9, "en")],  # an ideograph weighs eight ASCII letters
)
def test_the_strict_guess_names_zh_or_en_only(text: str, lang: str | None) -> None:
    assert guess_lang(text, strict=True) == lang


def test_the_strict_guess_reads_the_whole_text() -> None:
    text = "a" * 30000 + "一" * 4000
    assert (guess_lang(text), guess_lang(text, strict=True)) == ("en", "zh")


def _strict_definition(text: str) -> str | None:
    """The strict guess as the aligned reader first wrote it, kept as the definition."""
    han = sum(1 for c in text if 0x4E00 <= ord(c) <= 0x9FFF or 0x3400 <= ord(c) <= 0x4DBF
              or 0xF900 <= ord(c) <= 0xFAFF)
    latin = sum(1 for c in text if c.isascii() and c.isalpha())
    if han and han * 2 >= latin / 4:
        return "zh"
    return "en" if latin else None


_MIXED = st.text(st.sampled_from("ab Zéßλ一中丽\ufa6e\u4dbf\u3400Жяәў\u1e00\u0e01ア1 .\n"), max_size=60)


@given(_MIXED)
def test_the_strict_guess_keeps_its_definition(text: str) -> None:
    assert guess_lang(text, strict=True) == _strict_definition(text)


# ----------------------------------------------- the ASCII shortcut (issue 14: a guess per paragraph)

def _guess_by_loop(text: str, default: str = "en", strict: bool = False) -> str | None:
    """The guess as counted a character at a time before the shortcut: the reference it must equal."""
    from glossary.script import cyrillic_lang, is_unspaced, latin_lang

    sample = text if strict else text[:20000]
    han = cyrillic = latin = ideographs = ascii_letters = 0
    for char in sample:
        o = ord(char)
        if o < 0x0250:
            if char.isalpha():
                latin += 1
                ascii_letters += o < 0x80
        elif 0x0400 <= o <= 0x052F or 0x1E00 <= o <= 0x1EFF:
            if char.isalpha():
                cyrillic += o <= 0x052F
                latin += o >= 0x1E00
        elif is_unspaced(char):
            ideographs += 0x4E00 <= o <= 0x9FFF or 0x3400 <= o <= 0x4DBF or 0xF900 <= o <= 0xFAFF
            han += char.isalpha()
    if strict:
        if ideographs and ideographs * 8 >= ascii_letters:
            return "zh"
        return "en" if ascii_letters else None
    scores = {"zh": han * 3, "ru": cyrillic, "en": latin}
    best = max(scores, key=lambda k: scores[k])
    if not scores[best]:
        return default
    return cyrillic_lang(sample) if best == "ru" else latin_lang(sample) if best == "en" else best


_WORDS = st.sampled_from(
    ["Belt", "and", "Road", "naïve", "Türkmenistan", "giňeldýär", "Пояс", "и", "путь", "Қазақстан",
     "一带一路", "倡议", "。", "「", "〇", "123", "—", "«", "»", "", "ß", "Ḁ"]
)
_PARAGRAPH = st.one_of(
    st.lists(_WORDS, max_size=12).map(" ".join),
    st.text(st.characters(max_codepoint=0x7F), max_size=40),  # plain ASCII, letters or not
    st.text(max_size=40),
)


@given(st.lists(_PARAGRAPH, max_size=8), st.sampled_from(["en", "ru", "zh"]))
def test_shortcut_guesses_as_the_loop_did(paragraphs: list[str], default: str) -> None:
    # Each paragraph of a mixed file keeps its own language; the whole file's strict guess is unchanged.
    for paragraph in paragraphs:
        assert guess_lang(paragraph, default) == _guess_by_loop(paragraph, default)
    whole = "\n\n".join(paragraphs)
    assert guess_lang(whole, default) == _guess_by_loop(whole, default)
    assert guess_lang(whole, strict=True) == _guess_by_loop(whole, strict=True)
