"""Whole files of real prose for the benchmarks, from text that registry packages ship.

A checker is fed whole files of what people write: documentation, books,
translation catalogs, with their typography, stray scripts, combining marks and
the odd damaged byte. The synthetic corpus (`corpus.py`) has none of that, so it
never takes the slow paths real text takes. This module reads text that Debian
packages install (nothing is copied into the repository) and builds, per
language, one file of a given size with term renderings planted at a steady
density.

Sources (each skipped when absent; `apt-get install` the packages named):

- en: the Python documentation's reStructuredText sources (`python3-doc`), the
  Debian Reference (`debian-reference-en`), the Debian Administrator's
  Handbook (`debian-handbook`), the English fortunes (`fortunes`, quotations
  from books), and the English message ids of every installed catalog;
- ru: the Handbook (`ru-RU`), the New Maintainers' Guide (`maint-guide-ru`),
  the Russian fortunes (`fortunes-ru`), the Russian catalogs' translations;
- zh: the Debian Reference (`debian-reference-zh-cn`), the Handbook (`zh-CN`),
  the Maintainers' Guide (`maint-guide-zh-cn`), the Tang and Song poems
  (`fortunes-zh`), the Simplified Chinese catalogs' translations.

The order of paragraphs is a seeded shuffle, so two runs on one machine
measure the same file.
"""

from __future__ import annotations

import glob
import gzip
import gettext
import os
import random
import re
from collections.abc import Iterator
from html.parser import HTMLParser

SEED = 20261206
PACKAGES = {
    "en": "python3-doc debian-reference-en debian-handbook fortunes",
    "ru": "debian-handbook maint-guide-ru fortunes-ru",
    "zh": "debian-reference-zh-cn debian-handbook maint-guide-zh-cn fortunes-zh",
}
_BLOCK = {"p", "div", "li", "pre", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "dt", "dd", "br", "table", "title",
          "blockquote", "section", "td", "th"}


class _Text(HTMLParser):
    """The readable text of an HTML page: paragraphs at block elements, no scripts or styles."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip = 0

    def handle_starttag(self, tag: str, attrs: object) -> None:
        if tag in ("script", "style"):
            self.skip += 1
        elif tag in _BLOCK:
            self.parts.append("\n\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style"):
            self.skip = max(0, self.skip - 1)
        elif tag in _BLOCK:
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        if not self.skip:
            self.parts.append(data)


def _paragraphs(text: str) -> Iterator[str]:
    for para in re.split(r"\n\s*\n", text):
        para = para.strip("\n")
        if para.strip():
            yield para


def _html(pattern: str) -> Iterator[str]:
    for path in _files(pattern):
        parser = _Text()
        with open(path, encoding="utf-8", errors="replace") as fh:
            parser.feed(fh.read())
        # HTML wraps lines at will; a paragraph is one line, as a document's is.
        for para in _paragraphs("".join(parser.parts)):
            yield re.sub(r"[ \t]*\n[ \t]*", " ", para).strip()


def _files(pattern: str) -> list[str]:
    """Matching files, each once (documentation folders are often linked under two names)."""
    return sorted({os.path.realpath(p) for p in glob.glob(pattern, recursive=True) if os.path.isfile(p)})


def _plain(pattern: str) -> Iterator[str]:
    for path in _files(pattern):
        opener = gzip.open if path.endswith(".gz") else open
        with opener(path, "rt", encoding="utf-8", errors="replace") as fh:
            yield from _paragraphs(fh.read())


def _fortunes(pattern: str) -> Iterator[str]:
    for path in sorted(glob.glob(pattern)):
        if os.path.isdir(path) or path.endswith((".dat", ".u8")) or os.path.islink(path):
            continue
        with open(path, "rb") as fh:
            data = fh.read()
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            continue  # an older file in a legacy encoding
        text = re.sub("\x1b\\[[0-9;]*m", "", text)  # terminal colours of the poem files
        for quote in re.split(r"^%$", text, flags=re.M):
            if quote.strip():
                yield quote.strip("\n")


def _catalogs(locale: str, ids: bool) -> Iterator[str]:
    """Message ids (English) or translations from the compiled catalogs installed for `locale`."""
    for path in sorted(glob.glob(f"/usr/share/locale/{locale}/LC_MESSAGES/*.mo")):
        try:
            with open(path, "rb") as fh:
                catalog = gettext.GNUTranslations(fh)._catalog  # type: ignore[attr-defined]
        except Exception:
            continue
        for key, value in catalog.items():
            text = key if ids else value
            if isinstance(text, tuple):  # plural forms: (msgid, n)
                text = text[0]
            if text and isinstance(text, str) and len(text) > 20:
                yield text


def sources(lang: str) -> dict[str, list[str]]:
    """Paragraphs per source, for the sources installed on this machine."""
    found: dict[str, list[str]] = {}

    def add(name: str, paras: Iterator[str]) -> None:
        got = list(paras)
        if got:
            found[name] = got

    if lang == "en":
        add("python-docs", _plain("/usr/share/doc/python3*/html/_sources/**/*.rst.txt"))
        add("debian-reference", _html("/usr/share/debian-reference/*.en.html"))
        add("debian-handbook", _html("/usr/share/doc/debian-handbook/html/en-US/*.html"))
        add("fortunes", _fortunes("/usr/share/games/fortunes/*"))
        add("catalog-ids", iter(dict.fromkeys(_catalogs("ru", ids=True))))
    elif lang == "ru":
        add("debian-handbook", _html("/usr/share/doc/debian-handbook/html/ru-RU/*.html"))
        add("maint-guide", _html("/usr/share/doc/maint-guide-ru/html/*.html"))
        add("fortunes", _fortunes("/usr/share/games/fortunes/ru/*"))
        add("catalogs", _catalogs("ru", ids=False))
    elif lang == "zh":
        add("debian-reference", _html("/usr/share/debian-reference/*.zh-cn.html"))
        add("debian-handbook", _html("/usr/share/doc/debian-handbook/html/zh-CN/*.html"))
        add("maint-guide", _html("/usr/share/doc/maint-guide-zh-cn/html/*.html"))
        add("poems", _fortunes("/usr/share/games/fortunes/tang300"))
        add("poems-song", _fortunes("/usr/share/games/fortunes/song100"))
        add("catalogs", _catalogs("zh_CN", ids=False))
    else:
        raise ValueError(lang)
    return found


def renderings(lang: str, termbase: object) -> tuple[list[str], list[str]]:
    """(accepted, variant) renderings of `lang` in a loaded term base."""
    accepted: list[str] = []
    variants: list[str] = []
    for concept in termbase.concepts:  # type: ignore[attr-defined]
        for term in concept.terms:
            if term.lang != lang or term.requires_source:
                continue
            (variants if term.status.is_variant else accepted).append(term.text)
    return accepted, variants


def build(lang: str, size_bytes: int, plant: list[tuple[list[str], list[str]]], every: int = 3000) -> str:
    """About `size_bytes` of UTF-8: paragraphs of every source, shuffled, cycled as needed.

    About every `every` characters a rendering is planted between two words of
    a paragraph: from each (accepted, variants) pair of `plant` in turn, two in
    three accepted, one in three a variant, now and then in capitals or title
    case as drafts spell them.
    """
    pool = [p for paras in sources(lang).values() for p in paras]
    if not pool:
        raise SystemExit(f"realcorpus: no {lang} text installed; apt-get install {PACKAGES[lang]}")
    rng = random.Random(f"{SEED}-{lang}")
    out: list[str] = []
    size = 0
    since = 0
    k = 0
    order: list[str] = []
    while size < size_bytes:
        if not order:
            order = pool[:]
            rng.shuffle(order)
        para = order.pop()
        since += len(para)
        if since >= every and plant:
            since = 0
            accepted, variants = plant[k % len(plant)]
            k += 1
            term = rng.choice(variants if variants and rng.random() < 1 / 3 else accepted)
            roll = rng.random()
            if lang != "zh" and roll < 0.1:
                term = term.upper()
            elif lang != "zh" and roll < 0.25:
                term = term.title()
            para = _plant(rng, lang, para, term)
        out.append(para)
        size += len(para.encode("utf-8")) + 2
    return "\n\n".join(out) + "\n"


def _plant(rng: random.Random, lang: str, para: str, term: str) -> str:
    if lang == "zh":
        stops = [m.end() for m in re.finditer("[。，；]", para)]
        at = rng.choice(stops) if stops else len(para)
        return para[:at] + term + para[at:]
    spaces = [m.start() for m in re.finditer(" ", para)]
    if not spaces:
        return f"{para} {term}"
    at = rng.choice(spaces)
    return f"{para[:at]} {term}{para[at:]}"
