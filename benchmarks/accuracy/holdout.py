"""Held-out recall of unlisted-variant detection, from the term base alone.

    python benchmarks/accuracy/holdout.py [--mode rendering|concept] [--lang en|ru] [--show]

The measure part of cases.yaml is the only unseen-concept figure, and reading it
spends it. This estimates the same thing from the term base: for each listed
non-preferred rendering (deprecated, superseded or admitted; English and Russian)
that one of the concept's example sentences contains, the base is rebuilt in
memory WITHOUT that rendering (and any other of the concept's renderings in the
language that fold to the same text), and the example is checked. The rendering
is then a variant nobody listed:

- found: a finding naming the concept whose span overlaps the rendering's
  (`unlisted-variant`, or another code when a shorter listed rendering still
  catches it; both are counted);
- exact suggestion: the found finding suggests what the full base writes there
  (for a deprecated rendering its own finding's suggestion; for an admitted
  one, what the fix would write if it were listed as deprecated);
- false alarm: a finding the held-out base makes and the full base does not, in
  the target example (other than the found one), in the concept's other
  examples of the language (clean examples and traps included), or in any other
  concept's preferred rendering of the language.

`--mode concept` leaves out every non-preferred rendering of a concept in a
language at once (the concept keeps its preferred renderings), so only what its
kin lend it remains: a concept nobody harvested.

An example that the held-out base reads as an accepted rendering of the concept
is no target (counted as "read as accepted"): the preferred rendering
inflected, or an admitted rendering that holds an accepted one ("common
prosperity for all").

Renderings out of any signature's reach are skipped and counted: abbreviations,
source-only renderings (`requires_source`), and one-word renderings.
Each held-out base shares the full base's signatures except the concept's own
(and what `share_synonyms` lends from it), so a run takes seconds, not a
rebuild per rendering. Nothing is written to the cache.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections import defaultdict
from dataclasses import dataclass, field, replace
from functools import lru_cache

os.environ.setdefault("GLOSSARY_NO_CACHE", "1")  # held-out bases must never reach the disk cache

LANGS = ("en", "ru")
IGNORED = ("unused-suppression", "check-grammar")


@dataclass
class Tally:
    units: int = 0  # (rendering, example) pairs
    found: int = 0
    by_unlisted: int = 0
    exact: int = 0
    alarms: int = 0
    renderings: int = 0
    accepted: int = 0  # examples the held-out base reads as an accepted rendering: no target
    misses: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def add(self, other: Tally) -> None:
        for name in ("units", "found", "by_unlisted", "exact", "alarms", "renderings", "accepted"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.misses += other.misses
        self.notes += other.notes

    def line(self) -> str:
        recall = rate(self.found, self.units)
        precision = rate(self.found, self.found + self.alarms)
        return (f"renderings {self.renderings:4d}  examples {self.units:4d}  recall {recall}  "
                f"precision {precision}  exact-suggestion {rate(self.exact, self.found)}  "
                f"(found {self.found}, of them unlisted-variant {self.by_unlisted}; false alarms {self.alarms}; "
                f"read as accepted {self.accepted})")


def rate(part: int, whole: int) -> str:
    return f"{part / whole:.3f}" if whole else "  n/a"


def key(f) -> tuple:  # type: ignore[no-untyped-def]
    return (f.code, f.concept_id, f.span.start, f.span.end)


class Bench:
    """The full base, its signatures and its findings, and held-out bases made from them."""

    def __init__(self, lang: str) -> None:
        import glossary
        from glossary import signatures
        from glossary.matcher import matcher_for

        # Index() asks for the forms of every anchor lemma; they do not change between bases.
        signatures.ru_forms_of = lru_cache(maxsize=None)(signatures.ru_forms_of)  # type: ignore[assignment]
        signatures.en_forms = lru_cache(maxsize=None)(signatures.en_forms)  # type: ignore[assignment]
        self.lang = lang
        self.tb = glossary.load()
        signatures.index_for(self.tb, lang)  # a Russian index fills the analyser's table of slot forms
        self.sigs = [signatures.signatures_of(c, lang) for c in self.tb.concepts]  # per concept
        self.matcher = matcher_for(self.tb, lang)
        self.serial = 0
        self._full: dict[str, set[tuple]] = {}
        self.preferred = [(c.id, p.text) for c in self.tb.concepts if (p := c.preferred(lang)) is not None]

    def findings(self, text: str, tb) -> list:  # type: ignore[no-untyped-def]
        import glossary

        return [f for f in glossary.check(text, self.lang, tb) if f.code not in IGNORED]

    def full(self, text: str) -> set[tuple]:
        got = self._full.get(text)
        if got is None:
            got = self._full[text] = {key(f) for f in self.findings(text, self.tb)}
        return got

    def base(self, concept_id: str, terms: tuple) -> tuple:  # type: ignore[type-arg]
        """A term base whose concept `concept_id` has `terms`, its matcher and signature index in memory,
        and the signatures that differ from the full base's."""
        from glossary import signatures
        from glossary.matcher import compile_matcher
        from glossary.state import STATE
        from glossary.termbase import TermBase

        at = self.tb._index[concept_id]
        concept = replace(self.tb.concepts[at], terms=terms)
        concepts = self.tb.concepts[:at] + (concept,) + self.tb.concepts[at + 1:]
        self.serial += 1
        tb = TermBase(concepts=concepts, digest=f"holdout-{self.serial}", paths=self.tb.paths,
                      _index=self.tb._index)
        sigs = list(self.sigs)
        sigs[at] = signatures.signatures_of(concept, self.lang)
        old = signatures.share_synonyms([s for group in self.sigs for s in group])
        new = signatures.share_synonyms([s for group in sigs for s in group])
        kept = set(old)
        changed = [n for n in new if n not in kept]
        derived = STATE.of(tb)
        derived.matchers[self.lang] = compile_matcher(concepts, self.lang)
        full = signatures.Index(self.lang, new)
        derived.signatures[self.lang] = (tb, full)
        changed_index = signatures.Index(self.lang, changed)
        changed_index.vocabulary = full.vocabulary  # the words a name may gain come from the whole base
        changed_index.lower_words = full.lower_words  # and those it may be prefixed with
        return tb, changed_index

    def drop(self, tb) -> None:  # type: ignore[no-untyped-def]
        from glossary.state import STATE

        STATE.derived.pop(tb.digest, None)


def candidates(bench: Bench, mode: str) -> tuple[list[tuple], dict[str, int]]:  # type: ignore[type-arg]
    """(concept, left-out terms, [(term, example, span)]) per held-out base, and the skipped counts."""
    from glossary import signatures
    from glossary.fold import fold_text
    from glossary.langtags import base_language
    from glossary.model import Status

    lang = bench.lang
    skipped: dict[str, int] = defaultdict(int)
    out = []
    for concept in bench.tb.concepts:
        mine = [t for t in concept.terms if base_language(t.lang) == lang]
        if not any(t.status is Status.PREFERRED for t in mine):
            continue
        usable = []
        for t in mine:
            if t.status is Status.PREFERRED:
                continue
            if t.abbreviation_of:
                skipped["abbreviation"] += 1
            elif t.requires_source:
                skipped["source-only"] += 1
            elif len(signatures.words(t.text)) < 2:
                skipped["one word"] += 1
            else:
                usable.append(t)
        examples = [e for e in concept.examples if base_language(e.lang) == lang]
        uses = {}
        for t in usable:
            spans = []
            for e in examples:
                for m in bench.matcher.scan(e.text):
                    if m.concept_id == concept.id and m.term.text == t.text:
                        spans.append((e, (m.span.start, m.span.end)))
            if spans:
                uses[t] = spans
            else:
                skipped["no example"] += 1
        if mode == "rendering":
            for t, spans in uses.items():
                gone = {fold_text(x.text) for x in mine if fold_text(x.text) == fold_text(t.text)}
                out.append((concept, gone, [(t, e, s) for e, s in spans]))
        elif uses:
            gone = {fold_text(x.text) for x in mine if x.status is not Status.PREFERRED}
            out.append((concept, gone, [(t, e, s) for t, spans in uses.items() for e, s in spans]))
    return out, skipped


def expected_suggestion(bench: Bench, concept, term, example, span) -> str | None:  # type: ignore[no-untyped-def]
    """What the full base's fix writes at the span; for an admitted term, as if it were deprecated."""
    from glossary.model import Status

    tb = bench.tb
    if not term.status.is_variant:
        terms = tuple(replace(t, status=Status.DEPRECATED) if t is term else t for t in concept.terms)
        tb, _ = bench.base(concept.id, terms)
    try:
        for f in bench.findings(example.text, tb):
            if f.concept_id == concept.id and f.span.start < span[1] and span[0] < f.span.end and f.suggestion:
                return f.suggestion
    finally:
        if tb is not bench.tb:
            bench.drop(tb)
    return None


def _reads_accepted(matcher, concept_id: str, term, text: str, span: tuple[int, int]) -> bool:  # type: ignore[no-untyped-def]
    """Whether the held-out base reads the rendering as one of the concept's accepted renderings.

    It does when an accepted rendering, in any inflection, covers the whole span
    ("Belt and Road Initiatives" is the preferred rendering in the plural), or,
    for an admitted rendering, lies inside it ("common prosperity for all"): a
    reviewer marks neither, so neither is a variant to find.
    """
    for m in matcher.scan(text):
        if m.concept_id != concept_id or m.term.status.is_variant:
            continue
        if m.span.start <= span[0] and span[1] <= m.span.end:
            return True
        if not term.status.is_variant and span[0] <= m.span.start and m.span.end <= span[1]:
            return True
    return False


def run_one(bench: Bench, concept, gone: set[str], targets: list) -> Tally:  # type: ignore[no-untyped-def]
    from glossary.fold import fold_text
    from glossary.langtags import base_language
    from glossary.state import STATE

    lang = bench.lang
    terms = tuple(t for t in concept.terms if base_language(t.lang) != lang or fold_text(t.text) not in gone)
    expected = {id(e): expected_suggestion(bench, concept, t, e, s) for t, e, s in targets}
    tb, changed = bench.base(concept.id, terms)
    tally = Tally(renderings=len({t.text for t, _, _ in targets}))
    try:
        used: dict[int, set[tuple]] = defaultdict(set)
        matcher = STATE.of(tb).matchers[lang]
        for t, e, span in targets:
            if _reads_accepted(matcher, concept.id, t, e.text, span):
                tally.accepted += 1
                continue
            tally.units += 1
            got = bench.findings(e.text, tb)
            hit = next((f for f in got if f.concept_id == concept.id and f.span.start < span[1]
                        and span[0] < f.span.end), None)
            if hit is None:
                tally.misses.append(f"[{lang}] {concept.id}: {t.status} {t.text!r} in {e.text!r}")
                continue
            used[id(e)].add(key(hit))
            tally.found += 1
            tally.by_unlisted += hit.code == "unlisted-variant"
            want = expected[id(e)]
            if want is not None and (hit.suggestion or "").casefold() == want.casefold():
                tally.exact += 1
            else:
                tally.notes.append(f"[{lang}] {concept.id}: suggested {hit.suggestion!r}, expected {want!r} "
                                   f"for {e.text[hit.span.start:hit.span.end]!r}")
        # False alarms: what the held-out base finds and the full base does not.
        checked = [(e.text, used.get(id(e), set())) for e in concept.examples if base_language(e.lang) == lang]
        seen = {text for text, _ in checked}
        for _, text in bench.preferred:
            if text not in seen and (changed.scan(text) or any(
                    fold_text(m.term.text) in gone for m in bench.matcher.scan(text) if m.concept_id == concept.id)):
                checked.append((text, set()))
                seen.add(text)
        done: set[str] = set()
        for text, ok in checked:
            if text in done:
                continue
            done.add(text)
            full = bench.full(text)
            for f in bench.findings(text, tb):
                k = key(f)
                if k not in full and k not in ok and not any(k in used[x] for x in used):
                    tally.alarms += 1
                    tally.notes.append(f"[{lang}] false alarm {f.code} {f.concept_id}: {f.found!r} in {text!r} "
                                       f"(without {concept.id}: {', '.join(sorted(gone))})")
    finally:
        bench.drop(tb)
    return tally


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--mode", choices=("rendering", "concept"), default="rendering",
                    help="leave out one rendering at a time (default), or all of a concept's at once")
    ap.add_argument("--lang", choices=LANGS, help="one language only (default: both)")
    ap.add_argument("--show", action="store_true", help="list misses, false alarms and inexact suggestions")
    args = ap.parse_args()
    started = time.process_time()
    totals: dict[str, Tally] = {}
    by_status: dict[tuple[str, str], Tally] = defaultdict(Tally)
    for lang in (args.lang,) if args.lang else LANGS:
        bench = Bench(lang)
        items, skipped = candidates(bench, args.mode)
        total = Tally()
        for concept, gone, targets in items:
            tally = run_one(bench, concept, gone, targets)
            total.add(tally)
            if args.mode == "rendering":
                by_status[(lang, str(targets[0][0].status))].add(tally)
        totals[lang] = total
        print(f"{lang}: skipped " + ", ".join(f"{n} {why}" for why, n in sorted(skipped.items())))
    print(f"\nheld out by {args.mode}:")
    everything = Tally()
    for lang, tally in totals.items():
        print(f"  {lang:4s} {tally.line()}")
        everything.add(tally)
    print(f"  {'all':4s} {everything.line()}")
    for (lang, status), tally in sorted(by_status.items()):
        print(f"  {lang} {status:10s} {tally.line()}")
    if args.show:
        for line in everything.misses:
            print("    miss:", line)
        for line in everything.notes:
            print("    ", line)
    print(f"\nCPU {time.process_time() - started:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
