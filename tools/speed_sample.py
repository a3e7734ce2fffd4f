"""Write the sample of tests/checks/test_sample_findings.py (tests/data/speed).

    python tools/speed_sample.py            # the texts, from benchmarks/corpus.py's word lists
    python tools/speed_sample.py --findings # also record what the current code finds in them

The texts are synthetic prose with renderings of tests/data/speed/termbase.yaml
(a copy of the shipped term base) planted between words, and the characters that
send text down slow paths (combining marks, a virama, Hebrew points, spacing
diacritics, ligatures, astral characters, mojibake). Record findings only from
code whose findings are known to be right: the test exists to keep them.
"""

from __future__ import annotations

import json
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

import corpus as synth  # noqa: E402
import realcorpus  # noqa: E402

import glossary  # noqa: E402
from glossary.termbase import load  # noqa: E402

SAMPLE = ROOT / "tests" / "data" / "speed"
FIELDS = ("line", "column", "end_line", "end_column", "start", "end", "code", "concept", "found", "suggestion",
          "fixable", "reason")
TRIGGERS = [
    "\u05d1\u05b0\u05bc", "\u0915\u094d\u0937", "\u02d8", "e\u0301", "\u0438\u0306", "\ufb01", "\uff21\uff22\uff23",
    "\u0130stanbul", "\u03a3\u039f\u03a6\u0399\u0391", "\U0001f600", "Caf\u00c3\u00a9", "\u00e2\u20ac\u2122",
    "\u00e2\u20ac\u0153", "\u00a0", "\u200b", "\u00ad", "stra\u00dfe", "\u2014", "\u2013", "\u201cquoted\u201d",
    "\u00bd", "\u2126", "\u212b", "\uff08\uff09", "\u3000", "\u13a0\u13a1", "\u1e9e", "\u01c5", "\u0149",
    "voil\u00c3  ", "\u00c3\u00a4", "wi\u00c4\u2026", "\u00c2\u00a3", "\U00020000", "\u0300", "\t", "  ",
    "co-operation", "Belt-and-Road", "\u2212", "\u00b2",
]


def main(argv: list[str]) -> int:
    tb = load([SAMPLE / "termbase.yaml"], default=False)
    findings: dict[str, list[dict[str, object]]] = {}
    for lang, size in (("en", 60000), ("ru", 40000), ("zh", 30000)):
        rng = random.Random(f"sample-{lang}")
        text = synth.corpus(lang, size, synth.concepts(lang, 100))
        accepted, variants = realcorpus.renderings(lang, tb)
        sep = "\u3002" if lang == "zh" else " "
        scale = 6 if lang == "zh" else 1
        if lang == "zh":
            accepted = accepted + realcorpus.renderings("zh-Hant", tb)[0]
        out: list[str] = []
        for word in text.split(sep):
            out.append(word)
            r = rng.random()
            if r < 0.01 * scale:
                out.append(rng.choice(TRIGGERS))
            elif r < 0.025 * scale:
                term = rng.choice(variants if variants and rng.random() < 0.4 else accepted)
                out.append(term.upper() if rng.random() < 0.2 else term)
        text = sep.join(out)
        (SAMPLE / f"sample.{lang}.txt").write_text(text, encoding="utf-8")
        if "--findings" in argv:
            from glossary.reporters.json import finding_dict

            findings[lang] = [{k: finding_dict(f)[k] for k in FIELDS} for f in glossary.check(text, lang, tb)]
    if findings:
        (SAMPLE / "findings.json").write_text(json.dumps(findings, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
