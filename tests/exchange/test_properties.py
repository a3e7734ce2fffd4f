"""Round trips hold for any term base, not just the sample: hypothesis builds the concepts."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from glossary.exchange.csv import export_csv, import_csv, languages
from glossary.exchange.tbx import export_tbx, import_tbx
from glossary.model import Concept, Example, Source, SourceKind, Status, Term

# Characters a term base can hold: YAML's printable set (the loader refuses the rest).
chars = st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="\ufeff\ufffe\uffff") | st.sampled_from("\n\t")
text = st.text(chars, max_size=12)
word = st.text(chars, min_size=1, max_size=12).filter(lambda s: s.strip() == s and s != "")
langs = st.sampled_from(["zh", "zh-Hant", "en", "ru", "kk"])
dates = st.sampled_from(["2015", "2015-09", "2015-09-23"])
sources = st.builds(Source, title=word, publisher=text, url=text, date=dates, langs=st.lists(langs, max_size=2, unique=True).map(tuple), note=text,
                    kind=st.none() | st.sampled_from(list(SourceKind)))
publishers = st.lists(st.sampled_from(["xinhua", "mfa", "china-keywords"]), max_size=2, unique=True).map(tuple)


@st.composite
def concepts(draw):
    ids = draw(st.lists(st.from_regex(r"[a-z0-9]{1,6}(-[a-z0-9]{1,4}){0,2}", fullmatch=True), min_size=1, max_size=3, unique=True))
    out = []
    for cid in ids:
        terms = []
        for lang in draw(st.lists(langs, min_size=1, max_size=3, unique=True)):
            for _ in range(draw(st.integers(1, 3))):
                terms.append(Term(
                    text=draw(word), lang=lang, status=draw(st.sampled_from(list(Status))), note=draw(text),
                    fix_to=draw(st.none() | word), abbreviation_of=draw(st.none() | word), since=draw(st.sampled_from(["", "2015-09"])),
                    sources=tuple(draw(st.lists(sources, max_size=1))), requires_source=draw(st.booleans()),
                    used_by=draw(publishers), article=draw(st.sampled_from(["", "none"])),
                ))
        examples = tuple(draw(st.lists(st.builds(Example, lang=langs, text=word, fixed=st.none() | text), max_size=2)))
        out.append(Concept(id=cid, note=draw(text), terms=tuple(terms), sources=tuple(draw(st.lists(sources, max_size=2))), examples=examples))
    return tuple(out)


@settings(max_examples=60, deadline=None)
@given(concepts())
def test_tbx_round_trip(cs):
    exported = export_tbx(cs)
    assert import_tbx(exported) == cs
    assert export_tbx(import_tbx(exported)) == exported


@settings(max_examples=60, deadline=None)
@given(concepts())
def test_csv_round_trip(cs):
    files = [(f"{lang}.csv", lang, export_csv(cs, lang)) for lang in languages(cs, "zh")]
    assert import_csv(files) == cs
