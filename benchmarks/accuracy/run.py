"""Accuracy of `glossary check` on real sentences: recall, precision, exact suggestions.

    python benchmarks/accuracy/run.py [--cases benchmarks/accuracy/cases.yaml] [--part tune|measure] [--round N] [--show]

Each case in cases.yaml is a sentence from a public source (URL and date), with
the renderings a reviewer would mark in it (`concept` and `found`, or a list under
`expect`) or none (a clean passage: `concept: null`). A case with `source` is a
bilingual pair checked as a translation of that source (`check_pair`).

Scoring, per case: a finding matches an expected rendering when it names the same
concept and its span overlaps the expected one; every other finding is a false
alarm (on a clean passage, any finding is). A matched finding's suggestion is
exact when it equals the expected `suggestion` (default: the concept's preferred
rendering), ignoring case.

The cases are split by concept into a part the rules were tuned on (TUNE below)
and a part only measured; clean passages go with the concepts they mention
(measured when they mention none). Figures are printed per part, per language
(en, ru, zh-en, zh-ru; a language without cases in a part still gets its row) and
per finding code. `--part tune` scores only the tune part, so that rules can be
looked at there without seeing the measure part. A case's `round` says in which
collection it was added (cases without one are rounds 1-3, collected before the
field existed); `--round N` scores only that round's cases, so that a new round,
frozen before its first run, can be reported alone as well as with the rest.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).parent
LANGUAGES = ("en", "ru", "zh-en", "zh-ru")
PARTS = ("tune", "measure")
# Concepts whose sentences were looked at while the signature rules were written
# and adjusted (slot derivation, optional slots, the reordering guard, anchors,
# Russian word order, quoted names, the bilingual stand-in): the "tune" part.
# Rules were frozen before the sentences of any other concept were collected;
# those are the "measure" part, run once the rules were final.
TUNE = frozenset("""
    belt-and-road china-arab-community china-central-asia-community chinese-modernization common-prosperity
    community-shared-future-mankind community-with-shared-future equal-orderly-multipolar-world
    global-civilization-initiative global-development-initiative global-governance-initiative
    global-security-initiative great-modern-socialist-country great-rejuvenation high-quality-bri
    high-quality-development major-country-diplomacy maritime-silk-road new-development-philosophy
    new-quality-productive-forces new-type-international-relations silk-road-economic-belt
    whole-process-peoples-democracy xi-jinping-thought
    changes-unseen-in-a-century china-central-asia-summit china-central-asia-mechanism
""".split())
# The last line moved here after the first measure run (commit 732fcc4): its false
# alarms led to two rule changes (Russian prepositions as function words; a
# shortened rendering keeps its head noun). benchmarks/accuracy/README.md, "Runs",
# has every first run of the measure part.


@dataclass
class Tally:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    exact: int = 0
    clean: int = 0
    clean_alarms: int = 0
    misses: list[str] = field(default_factory=list)
    alarms: list[str] = field(default_factory=list)

    def add(self, other: Tally) -> None:
        for name in ("tp", "fp", "fn", "exact", "clean", "clean_alarms"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.misses += other.misses
        self.alarms += other.alarms

    def line(self) -> str:
        recall = rate(self.tp, self.tp + self.fn)
        precision = rate(self.tp, self.tp + self.fp)
        exact = rate(self.exact, self.tp)
        return (f"expected {self.tp + self.fn:4d}  recall {recall}  precision {precision}  "
                f"exact-suggestion {exact}  (found {self.tp}, missed {self.fn}, false alarms {self.fp}; "
                f"clean passages {self.clean}, with a finding {self.clean_alarms})")


def rate(part: int, whole: int) -> str:
    """A ratio to three places, or n/a when there is nothing to divide by."""
    return f"{part / whole:.3f}" if whole else "  n/a"


def expectations(case: dict) -> list[dict]:
    if "expect" in case:
        return list(case["expect"])
    if case.get("concept"):
        return [{k: case[k] for k in ("concept", "found", "suggestion") if k in case}]
    return []


def language(case: dict) -> str:
    return f"{case['source_lang']}-{case['lang']}" if case.get("source") else case["lang"]


def round_of(case: dict) -> int | None:
    """The collection round a case was added in; None for rounds 1-3 (before the field)."""
    value = case.get("round")
    return int(value) if value is not None else None


def part_of(case: dict, expected: list[dict], tb) -> str:  # type: ignore[no-untyped-def]
    concepts = {e["concept"] for e in expected}
    if not concepts:
        from glossary.matcher import matcher_for

        concepts = {m.concept_id for m in matcher_for(tb, case["lang"]).scan(case["text"])}
        if case.get("source"):
            concepts |= {m.concept_id for m in matcher_for(tb, case["source_lang"]).scan(case["source"])}
    return "tune" if concepts & TUNE else "measure"


def score(case: dict, tb) -> tuple[Tally, Counter[tuple[str, str]]]:  # type: ignore[no-untyped-def]
    import glossary

    text = case["text"]
    if case.get("source"):
        found = glossary.check_pair(case["source"], text, case["source_lang"], case["lang"], tb)
    else:
        found = glossary.check(text, case["lang"], tb)
    # Notes about a fix (check-grammar) and about suppressions are not renderings.
    found = [f for f in found if f.code not in ("unused-suppression", "check-grammar")]
    expected = expectations(case)
    tally = Tally()
    codes: Counter[tuple[str, str]] = Counter()
    used: set[int] = set()
    for e in expected:
        at = text.find(e["found"])
        if at < 0:
            raise SystemExit(f"{case.get('url')}: expected text {e['found']!r} is not in the sentence")
        span = (at, at + len(e["found"]))
        hit = next((i for i, f in enumerate(found) if i not in used and f.concept_id == e["concept"]
                    and f.span.start < span[1] and span[0] < f.span.end), None)
        if hit is None:
            tally.fn += 1
            tally.misses.append(f"[{language(case)}] {e['concept']}: {e['found']!r} in {text!r}")
            continue
        used.add(hit)
        tally.tp += 1
        codes[(found[hit].code, "tp")] += 1
        preferred = tb.concept(e["concept"]).preferred(case["lang"])
        want = e.get("suggestion") or (preferred.text if preferred else "")
        got = (found[hit].suggestion or "").casefold()
        # A fix may take the next word along when the number changes ("... exchanges have").
        if got == want.casefold() or (got.startswith(want.casefold() + " ") and found[hit].span.end > span[1]):
            tally.exact += 1
            codes[(found[hit].code, "exact")] += 1
        else:
            tally.alarms.append(f"[{language(case)}] suggestion {found[hit].suggestion!r}, expected {want!r} for {e['found']!r}")
    for i, f in enumerate(found):
        if i not in used:
            tally.fp += 1
            codes[(f.code, "fp")] += 1
            tally.alarms.append(f"[{language(case)}] false alarm {f.code} {f.concept_id}: {f.found!r} in {text!r}")
    if not expected:
        tally.clean += 1
        tally.clean_alarms += bool(found)
    return tally, codes


def main() -> int:
    import yaml

    import glossary

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--cases", type=Path, default=HERE / "cases.yaml")
    ap.add_argument("--part", choices=PARTS, help="score only this part (default: both)")
    ap.add_argument("--round", type=int, metavar="N",
                    help="score only the cases of collection round N (cases without a round: 1-3)")
    ap.add_argument("--show", action="store_true", help="list misses and false alarms")
    args = ap.parse_args()
    cases = yaml.safe_load(args.cases.read_text(encoding="utf-8"))["cases"]
    tb = glossary.load()
    by: dict[tuple[str, str], Tally] = defaultdict(Tally)
    codes: dict[str, Counter[tuple[str, str]]] = defaultdict(Counter)
    scored = 0
    for case in cases:
        if args.round is not None and round_of(case) != args.round:
            continue
        part = part_of(case, expectations(case), tb)
        if args.part and part != args.part:
            continue
        scored += 1
        tally, seen = score(case, tb)
        by[(part, language(case))].add(tally)
        codes[part].update(seen)
    which = f" (round {args.round})" if args.round is not None else ""
    print(f"{scored} of {len(cases)} cases scored{which}; expected findings: {sum(t.tp + t.fn for t in by.values())}")
    for part in PARTS if not args.part else (args.part,):
        total = Tally()
        print(f"\n{part}:")
        for lang in LANGUAGES + tuple(sorted({l for _, l in by} - set(LANGUAGES))):
            tally = by.get((part, lang), Tally())
            print(f"  {lang:6s} {tally.line()}")
            total.add(tally)
        print(f"  {'all':6s} {total.line()}")
        for code in sorted({c for c, _ in codes[part]}):
            n = codes[part]
            print(f"  code {code}: {n[(code, 'tp')]} matched, {n[(code, 'fp')]} false alarms, "
                  f"exact-suggestion {rate(n[(code, 'exact')], n[(code, 'tp')])}")
        if args.show:
            for line in total.misses:
                print("    miss:", line)
            for line in total.alarms:
                print("    ", line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
