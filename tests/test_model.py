from __future__ import annotations

import pickle

from glossary.model import Concept, Example, Position, Source, SourceKind, Status, Term


def _concept() -> Concept:
    source = Source(title="Notice", publisher="A ministry", url="https://example.org/n", date="2015-09",
                    langs=("en",), note="page 2", origin=Position(7, 9))
    terms = (
        Term("Belt and Road Initiative", "en", Status.PREFERRED, origin=Position(12, 11), path="a.yaml"),
        Term("One Belt, One Road", "en", Status.SUPERSEDED, note="replaced", fix_to="Belt and Road Initiative",
             since="2015-09", sources=(source,), requires_source=False, origin=Position(13, 11), path="a.yaml"),
    )
    return Concept(id="belt-and-road", note="a note", terms=terms, sources=(source,),
                   examples=(Example("en", "One Belt, One Road", "Belt and Road Initiative", Position(20, 7)),),
                   origin=Position(3, 5), path="a.yaml")


def test_pickle_round_trip_keeps_every_field_including_positions() -> None:
    concept = _concept()
    back = pickle.loads(pickle.dumps(concept, protocol=pickle.HIGHEST_PROTOCOL))
    assert back == concept
    # Fields left out of comparison must survive too: errors point at them.
    assert back.origin == Position(3, 5) and back.path == "a.yaml"
    assert [(t.origin, t.path) for t in back.terms] == [(t.origin, t.path) for t in concept.terms]
    assert back.sources[0].origin == Position(7, 9)
    assert back.examples[0].origin == Position(20, 7)
    assert back.terms[1].status is Status.SUPERSEDED


def test_source_kinds_rank_strongest_first_in_the_order_they_are_declared() -> None:
    assert [kind.rank for kind in SourceKind] == [0, 1, 2, 3]
    assert sorted(SourceKind, key=lambda k: k.rank)[0] is SourceKind.PRIMARY
    assert SourceKind("secondary").rank == 3
