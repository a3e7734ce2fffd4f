"""How fast is `find_damage` on clean text, next to a bare `ftfy.fix_text`?

The encoding check runs on every file, so clean text must cost little. The
corpus is built from sentences written for this benchmark, in several
scripts, repeated to the requested size. Prints MB/s (of UTF-8 input) as the
median of several runs.

    python benchmarks/bench_encoding.py [--mb 4] [--runs 5]
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable

import ftfy

from glossary.encoding import find_damage, repair

SENTENCES = {
    "en": [
        "The delegation welcomed the “Belt and Road” cooperation — and said it wasn’t finished yet.",
        "Trade grew by 7.4% in the first half; officials called the results “encouraging”…",
        "A new railway line, the third of its kind, will open next spring.",
    ],
    "fr": [
        "L’été dernier, la délégation a signé l’accord à Astana\u00a0; «\u00a0c’est historique\u00a0», dit-il.",
        "Les échanges ont progressé, malgré la crise économique et l’inflation élevée.",
    ],
    "de": [
        "Die Größe des Projekts überraschte die Gäste; „Wir müssen schneller sein“, sagte er.",
    ],
    "es": ["¿Qué significa la cooperación? ¡Más comercio, más puentes y más diálogo!"],
    "ru": [
        "Инициатива «Пояс и путь» объединяет страны Центральной Азии — это важный проект.",
        "Президенты обсудили торговлю, энергетику и транспортные коридоры.",
    ],
    "kk": ["Қазақстан мен Қытай арасындағы әріптестік өңірлік қауіпсіздікті нығайтады."],
    "zh": [
        "共建“一带一路”倡议提出以来，中国同中亚国家的合作不断深化。",
        "双方同意加强互联互通，推动高质量发展。",
    ],
    "ja": ["両国の首脳は「協力の強化」について話し合いました。"],
}


def corpus(langs: list[str], megabytes: float) -> str:
    """Clean text of the given languages, about `megabytes` of UTF-8."""
    block = "\n".join(s for lang in langs for s in SENTENCES[lang]) + "\n"
    size = len(block.encode("utf-8"))
    return block * max(1, int(megabytes * 1_000_000 / size))


def with_damage(text: str, every: int) -> str:
    """`text` with a damaged "■" or "’" about every `every` characters."""
    pieces, marks = [], ["â–\u00a0", "â€™"]
    for i in range(0, len(text), every):
        pieces.append(text[i : i + every])
        pieces.append(marks[(i // every) % 2])
    return "".join(pieces)


def garble(text: str) -> str:
    """`text` read the wrong way as a whole: UTF-8 bytes as Windows-1252."""
    passthrough = {0x81, 0x8D, 0x8F, 0x90, 0x9D}
    return "".join(chr(b) if b in passthrough else bytes((b,)).decode("cp1252") for b in text.encode("utf-8"))


def rate(func: Callable[[str], object], text: str, runs: int) -> float:
    """Median MB/s of `func(text)` over `runs` runs."""
    megabytes = len(text.encode("utf-8")) / 1_000_000
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        func(text)
        times.append(time.perf_counter() - start)
    return megabytes / statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--mb", type=float, default=4.0, help="corpus size in MB (default 4)")
    parser.add_argument("--runs", type=int, default=5, help="runs of find_damage, median kept (default 5)")
    parser.add_argument("--ftfy-runs", type=int, default=3, help="runs of ftfy.fix_text, median kept (default 3)")
    args = parser.parse_args()

    cases = {
        "ASCII English": corpus(["en"], args.mb).replace("“", '"').replace("”", '"').replace("’", "'")
        .replace("—", "-").replace("…", "..."),
        "English": corpus(["en"], args.mb),
        "French/German/Spanish": corpus(["fr", "de", "es"], args.mb),
        "Russian/Kazakh": corpus(["ru", "kk"], args.mb),
        "Chinese/Japanese": corpus(["zh", "ja"], args.mb),
        "all mixed": corpus(list(SENTENCES), args.mb),
    }
    mixed = cases["all mixed"]
    damaged = with_damage(mixed, 10_000)
    assert find_damage(mixed) == [], "the benchmark corpus must be clean"
    assert repair(damaged) != damaged

    print(f"medians of {args.runs} runs (find_damage) and {args.ftfy_runs} runs (ftfy {ftfy.__version__})")
    print(f"{'text':<34}{'MB':>6}{'find_damage MB/s':>18}{'ftfy.fix_text MB/s':>20}")
    whole = garble(corpus(list(SENTENCES), args.mb / 2))
    assert repair(whole) == corpus(list(SENTENCES), args.mb / 2)
    extra = [("all mixed, damage every 10k chars", damaged), ("all mixed, garbled as a whole", whole)]
    for name, text in [*cases.items(), *extra]:
        mb = len(text.encode("utf-8")) / 1_000_000
        ours = rate(find_damage, text, args.runs)
        theirs = rate(ftfy.fix_text, text, args.ftfy_runs)
        shown = f"{ours:>18.1f}" if ours < 1e5 else f"{'(isascii) >1e5':>18}"
        print(f"{name:<34}{mb:>6.1f}{shown}{theirs:>20.1f}")
    found = len(find_damage(damaged))
    print(f"damaged text: {found} runs found")


if __name__ == "__main__":
    main()
