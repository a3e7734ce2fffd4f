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
"""

from __future__ import annotations

from ..model import Match

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
