"""A small term base exercising every field the exchange formats must carry."""

from __future__ import annotations

from glossary.model import Concept, Example, Source, SourceKind, Status, Term

P, A, D, S = Status.PREFERRED, Status.ADMITTED, Status.DEPRECATED, Status.SUPERSEDED


def sample() -> tuple[Concept, ...]:
    return (
        Concept(
            id="belt-and-road",
            note="Initiative announced in 2013; its English name was settled by a 2015 notice.",
            sources=(
                Source(
                    title="Notice on the English name of the initiative",
                    publisher="A ministry",
                    url="https://example.org/notice?id=1&lang=en",
                    date="2015-09-23",
                    langs=("en",),
                    kind=SourceKind.PRIMARY,
                ),
                Source(title="Style sheet, 2nd edition", date="2019", langs=("ru", "kk"), note="Pages 4–5."),
            ),
            terms=(
                Term("一带一路", "zh", P),
                Term("一帶一路", "zh-Hant", P),
                Term("Belt and Road Initiative", "en", P),
                Term("Belt and Road", "en", A, article="none"),
                Term("BRI", "en", A, abbreviation_of="Belt and Road Initiative"),
                Term("One Belt, One Road", "en", S, note="Replaced by notice: 2015.", fix_to="Belt and Road", since="2015-09"),
                Term("OBOR", "en", S, fix_to="BRI", reason="Abbreviation of the name replaced in 2015; see the notice."),
                Term("инициатива «Пояс и путь»", "ru", P, used_by=("xinhua",)),
                Term("«Один пояс, один путь»", "ru", D, note="fix_to: looks like a key line\nand spans two lines"),
            ),
            examples=(
                Example("en", "the One Belt, One Road projects", "the Belt and Road projects"),
                Example("en", "a belt and a road through the valley"),
                Example("ru", " «Один пояс, один путь» ", " «Пояс и путь» "),
            ),
        ),
        Concept(
            id="14th-five-year-plan",
            note="",
            terms=(
                Term("十四五规划", "zh", P),
                Term("14th Five-Year Plan", "en", P, sources=(Source(title="Official translation", url="https://example.org/plan", date="2021-03"),)),
                Term("fourteenth five year plan", "en", D, note="yes"),
                Term("five-year programme", "en", D, requires_source=True),
            ),
        ),
        Concept(
            id="community-shared-future",
            note='Quoted "key: value" text, # and a colon: kept.',
            terms=(
                Term("人类命运共同体", "zh", P),
                Term("community with a shared future for mankind", "en", P),
                Term("community of common destiny", "en", D),
            ),
        ),
    )


# Fields the exchange formats carry; a new model field must be added to every format.
CARRIED = {
    "Concept": {"id", "note", "terms", "sources", "examples", "signatures"},
    "Term": {"text", "lang", "status", "note", "reason", "fix_to", "abbreviation_of", "since", "sources", "requires_source", "used_by", "article"},
    "Source": {"title", "publisher", "url", "date", "langs", "note", "kind"},
    "Example": {"lang", "text", "fixed"},
}
