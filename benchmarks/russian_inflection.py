"""Russian scan speed: surface-only matching against surface plus inflection.

Run on demand (not a test):

    python benchmarks/russian_inflection.py [--size-mb 1.0] [--runs 7]

Two corpora of about `--size-mb` MB of UTF-8 each, built here so the run needs
no data files:

- "prose": the project's own Russian sentences about the terms (every term
  in several cases), repeated; few distinct word forms, so the lemma cache is
  almost always hit after the first pass;
- "open vocabulary": the same sentences with filler words drawn with a Zipf
  distribution from 40,000 word forms of pymorphy3's dictionary; tens of
  thousands of distinct forms, as in a long real text.

For each corpus it prints MB/s (median CPU time of `--runs`, which other
processes on the machine disturb less than wall time) for the surface matcher
alone, and for the matcher with the Russian layer with a cold lemma cache
(emptied before every run) and a warm one (kept from the previous run), and
the ratios to surface-only; and, as the baseline for anchoring, the same layer
walking every word of the text (same matches, asserted).
"""

from __future__ import annotations

import argparse
import copy
import functools
import random
import statistics
import time
from collections.abc import Callable

from glossary import load
from glossary.matcher import Matcher, compile_matcher
from glossary.morph import Layer
from glossary.morph.tokens import Anchored
from glossary.morph.russian import analyser

SENTENCES = [
    "Стороны обсудили строительство сообщества единой судьбы человечества и новые шаги.",
    "В рамках инициативы «Пояс и путь» в регионе построены дороги, склады и школы.",
    "Эксперты снова писали об «Одном поясе, одном пути», хотя название давно сменилось.",
    "Благодаря «Одному поясу, одному пути» торговля между странами выросла вдвое.",
    "Выпускники мастерских Лу Баня нашли работу на заводах и в портах.",
    "Министры договорились открыть ещё две мастерские Лу Баня до конца года.",
    "Речь шла о производительных силах нового качества и о цифровой экономике.",
    "Участники саммита «Китай – Центральная Азия» подписали декларацию.",
    "Делегации подчеркнули верность духу «Китай – Центральная Азия».",
    "Борьба с «тремя силами зла» остаётся общей задачей соседей.",
    "Доклад посвящён сообществу единой судьбы Китая и Центральной Азии.",
    "Проект назван частью китайско-центральноазиатского сообщества с общим будущим.",
    "Погода в столице была тёплой, и встреча прошла на открытом воздухе.",
    "Журналисты задали вопросы о таможне, о тарифах и о транзите грузов.",
    "Город готовится к форуму: гостиницы заняты, улицы украшены флагами.",
]


def prose(size: int) -> str:
    out: list[str] = []
    n = 0
    i = 0
    while n < size:
        s = SENTENCES[i % len(SENTENCES)]
        out.append(s)
        n += len(s.encode()) + 1
        i += 1
    return "\n".join(out)


def vocabulary(count: int, rng: random.Random) -> list[str]:
    """`count` word forms from the analyser's dictionary, spread over the alphabet."""
    words = analyser().morph.dictionary.words
    letters = "абвгдежзиклмнопрстуфхцчшщэюя"
    prefixes = [a + b for a in letters for b in "аеиоуыяэюйлрнвктсмдпб"]
    per = count // len(prefixes) + 1
    forms: list[str] = []
    for prefix in prefixes:
        seen = 0
        for w in words.iterkeys(prefix):
            if w.isalpha():
                forms.append(w)
                seen += 1
                if seen >= per:
                    break
    rng.shuffle(forms)
    return forms[:count]


def open_vocabulary(size: int, rng: random.Random) -> str:
    forms = vocabulary(40_000, rng)
    weights = [1 / (rank + 1) for rank in range(len(forms))]
    out: list[str] = []
    n = 0
    i = 0
    while n < size:
        filler = " ".join(rng.choices(forms, weights, k=12))
        s = f"{filler.capitalize()}. {SENTENCES[i % len(SENTENCES)]}"
        out.append(s)
        n += len(s.encode()) + 1
        i += 1
    return "\n".join(out)


def cpu_seconds(fn: Callable[[], object]) -> float:
    t = time.process_time()
    fn()
    return time.process_time() - t


def cold(matcher: Matcher) -> Callable[[], None]:
    """Empty the lemma cache and the agreement verdicts remembered per phrase."""

    def clear() -> None:
        an = analyser()
        an._readings.clear()
        an._keys.clear()
        matcher.layer().russian._verdicts.clear()

    return clear


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size-mb", type=float, default=1.0)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    rng = random.Random(6)
    size = int(args.size_mb * 1_000_000)

    tb = load()
    full: Matcher = compile_matcher(tb.concepts, "ru")
    surface = copy.copy(full)
    surface.layer_terms = []
    surface._layer = None
    full.layer()  # analyse the terms once, as a cached matcher would have
    # Baseline for the anchoring: the same layer walking every word of the text.
    walk = copy.copy(full)
    walk._layer = Layer("ru", full.layer_terms)
    walk._layer.russian._anchored = Anchored(walk._layer.russian._trie, None)

    print(f"term base: {sum(1 for c in tb.concepts for t in c.terms if t.lang == 'ru')} Russian terms")
    for name, text in (("prose", prose(size)), ("open vocabulary", open_vocabulary(size, rng))):
        mb = len(text.encode()) / 1_000_000
        found_surface = len(surface.scan(text))
        found_full = len(full.scan(text))
        # Interleaved, so a busy machine slows all runs alike; medians of runs
        # and of per-run ratios.
        assert walk.scan(text) == full.scan(text)
        surface_t, cold_t, warm_t, walk_t = [], [], [], []
        scan_surface = functools.partial(surface.scan, text)
        scan_full = functools.partial(full.scan, text)
        scan_walk = functools.partial(walk.scan, text)
        for _ in range(args.runs):
            surface_t.append(cpu_seconds(scan_surface))
            cold(full)()
            cold_t.append(cpu_seconds(scan_full))
            warm_t.append(cpu_seconds(scan_full))
            walk_t.append(cpu_seconds(scan_walk))
        t_surface = statistics.median(surface_t)
        ratio_cold = statistics.median(c / s for c, s in zip(cold_t, surface_t))
        ratio_warm = statistics.median(w / s for w, s in zip(warm_t, surface_t))
        ratio_walk = statistics.median(w / s for w, s in zip(walk_t, surface_t))
        distinct = len(set(text.lower().split()))
        print(f"\n{name}: {mb:.2f} MB, ~{distinct} distinct words; matches: surface {found_surface}, with inflection {found_full}")
        print(f"  surface only             {mb / t_surface:8.2f} MB/s")
        print(f"  inflection, cold cache   {mb / statistics.median(cold_t):8.2f} MB/s   ({ratio_cold:.1f}x the time of surface only)")
        print(f"  inflection, warm cache   {mb / statistics.median(warm_t):8.2f} MB/s   ({ratio_warm:.1f}x the time of surface only)")
        print(f"  every word walked, warm  {mb / statistics.median(walk_t):8.2f} MB/s   ({ratio_walk:.1f}x; the layer without anchors)")


if __name__ == "__main__":
    main()
