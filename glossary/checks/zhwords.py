"""Chinese word edges for a source's terms: a short term read across two words is no mention.

Chinese has no spaces, so the matcher finds 中共 in 发展中共同进步 ("together in
development": 中 ends one word, 共同 is the next) and 亚信 in 东亚信任 ("trust in
East Asia"). A two-character term is no mention when its last character begins
a common word with the character after it, or its first character ends one
with the character before it (the words below, kept for the base's
two-character terms; simplified and traditional). A term that is the first
part of a title is no mention either: 国务院总理 is the Premier, whose usual
rendering ("Premier Li Qiang") names no State Council, and 中共中央总书记 is
"General Secretary Xi Jinping" as often as the full title.

Chinese writers quote a name inside a longer one or not, as they please
(“一带一路”国际合作高峰论坛, 一带一路国际合作高峰论坛, 「一带一路」国际合作高峰论坛):
the source is read without its quotation marks, against its terms without
theirs, so the longer name is found however it is quoted. And a term inside
the title of a work (《…》, 〈…〉) is no mention: a book or a document is
translated by its published title, which need not render the term.

Two terms written as one phrase, the first right before the second or joined
to it by 的 or 之 (中华民族伟大复兴的中国梦), are one thing said twice over:
translators render such a phrase by one of its names ("the Chinese Dream";
"national rejuvenation"), so the other is no mention the translation lacks
when that one is rendered (`joined`).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from typing import Any

from ..fold import QUOTE, fold_text
from ..model import Match, Span
from ..state import STATE

_AFTER = frozenset("""
    共同 共有 共享 共建 共商 共赢 共贏 共识 共識 共计 共計 共处 共處 共进 共進 共生 共济 共濟 共担 共擔 共治
    共存 共鸣 共鳴 共和 共产 共產 共谋 共謀 共筑 共築 共创 共創 共护 共護 共绘 共繪 共襄 共庆 共慶 共度 共迎
    共抗 共克 共用 共性 共振 共通 共事 共勉
    会议 會議 会谈 會談 会见 會見 会晤 會晤 会面 會面 会上 會上 会场 會場 会员 會員 会商 會商 会同 會同
    信任 信息 信心 信用 信号 信號 信誉 信譽 信赖 信賴 信念 信仰 信托 信託 信贷 信貸 信函 信件 信访 信訪
    通过 通過 通知 通讯 通訊 通报 通報 通信 通道 通用 通行
""".split())
_BEFORE = frozenset("""
    其中 之中 当中 當中 集中 心中 手中 空中 途中 期中 高中 初中 会中 會中 眼中 家中
    东亚 東亞 西亚 西亞 南亚 南亞 北亚 北亞 中亚 中亞 欧亚 歐亞
    好友 朋友 亲友 親友 校友 网友 網友 战友 戰友 盟友
""".split())
_TITLES = {
    "国务院": ("总理", "副总理"), "國務院": ("總理", "副總理"),
    "中共中央": ("总书记", "總書記"), "中共": ("总书记", "總書記"),
}


def straddles(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] (a two-character term) is read across word edges."""
    return end - start == 2 and (text[end - 1:end + 1] in _AFTER or (start > 0 and text[start - 1:start + 1] in _BEFORE))


def titled(text: str, start: int, end: int) -> bool:
    """Whether the term at text[start:end] begins a title that is rendered without it (国务院总理)."""
    return any(text.startswith(title, end) for title in _TITLES.get(text[start:end], ()))


def mentions(text: str, matches: list[Match]) -> list[Match]:
    """The source's matches that are mentions of their concept: no straddled word, no title's first part."""
    return [m for m in matches
            if not straddles(text, m.span.start, m.span.end) and not titled(text, m.span.start, m.span.end)]


_TITLE_MARKS = {"《": "》", "〈": "〉"}


def in_title(text: str, start: int) -> bool:
    """Whether text[start] lies inside the title of a work (《…》 or 〈…〉, nested titles too)."""
    depth = 0
    for ch in reversed(text[:start]):
        if ch in _TITLE_MARKS.values():
            depth -= 1
        elif ch in _TITLE_MARKS:
            if depth == 0:
                return True
            depth += 1
    return False


def unquoted(text: str) -> tuple[str, list[int]]:
    """`text` without its quotation marks, and for each character kept where it stands in `text`."""
    quotes = {ch for ch in set(text) if fold_text(ch) == QUOTE}
    kept = [i for i, ch in enumerate(text) if ch not in quotes]
    return "".join(text[i] for i in kept), kept


def _quoted_terms(termbase: Any, lang: str) -> tuple[Any, dict[int, Any]]:
    """A matcher of the language's terms that hold quotation marks, written without them, and for each
    term written so (by id) the term as listed; kept with the term base's derived matchers."""
    from ..matcher import compile_matcher

    key = f"{lang}:unquoted"
    held = STATE.of(termbase).matchers
    got = held.get(key)
    if got is None:
        listed: dict[int, Any] = {}
        concepts = []
        for concept in termbase.concepts:
            terms = []
            for term in concept.terms:
                if term.lang == lang and QUOTE in fold_text(term.text):
                    bare = replace(term, text=unquoted(term.text)[0])
                    listed[id(bare)] = term
                    terms.append(bare)
            if terms:
                concepts.append(replace(concept, terms=tuple(terms)))
        got = held[key] = (compile_matcher(concepts, lang), listed)
    return got


def _leftmost_longest(matches: list[Match]) -> list[Match]:
    """Matches that overlap none before them, the longest first where two start together (a homonym's
    matches share their span and are all kept)."""
    kept: list[Match] = []
    for m in sorted(matches, key=lambda m: (m.span.start, -m.span.end)):
        if not kept or m.span.start >= kept[-1].span.end or m.span == kept[-1].span:
            kept.append(m)
    return kept


def source_mentions(text: str, termbase: Any, lang: str) -> list[Match]:
    """Every mention of a concept in a Chinese source, read without quotation marks, in `text`'s offsets.

    No straddled word, no title's first part, nothing inside the title of a work.
    """
    from ..matcher import matcher_for

    plain, where = unquoted(text)
    quoted, listed = _quoted_terms(termbase, lang)
    found = matcher_for(termbase, lang).scan(plain)
    found += [replace(m, term=listed.get(id(m.term), m.term)) for m in quoted.scan(plain)]
    return [replace(m, span=Span(where[m.span.start], where[m.span.end - 1] + 1))
            for m in mentions(plain, _leftmost_longest(found)) if not in_title(plain, m.span.start)]


_JOINING = ("", "的", "之")


def joined(text: str, matches: list[Match], rendered: Any) -> Counter[str]:
    """How many mentions of each concept are written as one phrase with a mention of another concept that
    the translation renders (`rendered`: concept id -> renderings): those need no rendering of their own."""
    found: Counter[str] = Counter()
    ordered = sorted({(m.span.start, m.span.end, m.concept_id) for m in matches})
    for (_s, a_end, a), (b_start, _e, b) in zip(ordered, ordered[1:]):
        if a == b or b_start < a_end or unquoted(text[a_end:b_start])[0] not in _JOINING:
            continue
        if rendered.get(b, 0):
            found[a] += 1
        if rendered.get(a, 0):
            found[b] += 1
    return found
