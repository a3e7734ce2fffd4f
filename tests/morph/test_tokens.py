"""Tokens and the token trie the layer scans with."""

from __future__ import annotations

from pathlib import Path

import pytest

from hypothesis import given
from hypothesis import strategies as st

from glossary.morph.tokens import TokenTrie, joined_words, normalize, punct_key, tokenize


def test_words_punctuation_and_joining_hyphens() -> None:
    tokens = tokenize("«Один пояс – один путь», китайско-центральноазиатский o‘zbek")
    assert [t.text for t in tokens] == [
        "«", "Один", "пояс", "–", "один", "путь", "»", ",", "китайско", "центральноазиатский", "o‘zbek"]
    assert [t.norm for t in tokens][:4] == ['"', "один", "пояс", "-"]
    assert joined_words("города-побратимы и мир") == {0}


def test_normalize_folds_case_and_yo() -> None:
    assert normalize("ПУТЁМ") == "путем"
    assert punct_key("»") == punct_key("“") == '"'
    assert punct_key("—") == "-"


def _trie(*paths: tuple[str, ...]) -> TokenTrie[str]:
    trie: TokenTrie[str] = TokenTrie()
    for p in paths:
        trie.add(p, " ".join(p))
    return trie


def test_scan_is_leftmost_longest_and_resumes_after_a_match() -> None:
    trie = _trie(("a",), ("a", "b"), ("b", "c"))
    words = ["a", "b", "c", "a"]
    found = trie.scan(len(words), lambda i: [words[i]], lambda i, j, p: True)
    assert [(i, j, [p for p, _ in acc]) for i, j, acc in found] == [(0, 2, ["a b"]), (3, 4, ["a"])]


def test_a_rejected_longer_path_falls_back_to_a_shorter_one() -> None:
    trie = _trie(("a",), ("a", "b"))
    found = trie.scan(2, lambda i: ["ab"[i]], lambda i, j, p: None if p == "a b" else "ok")
    assert [(i, j) for i, j, _ in found] == [(0, 1)]


def test_tokens_with_several_keys_branch() -> None:
    trie = _trie(("x", "y"))
    keys = [{"w", "x"}, {"y", "z"}]
    assert [(i, j) for i, j, _ in trie.scan(2, lambda i: keys[i], lambda i, j, p: True)] == [(0, 2)]


@given(st.text(alphabet="ab ,«»-", max_size=40))
def test_token_offsets_slice_the_text(text: str) -> None:
    for t in tokenize(text):
        assert text[t.start:t.end] == t.text
        assert t.text.strip() == t.text and t.text


def test_anchor_stems_are_compiled_once_then_read_from_the_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from glossary import keyscan
    from glossary.morph.tokens import Anchored

    monkeypatch.setenv("GLOSSARY_CACHE_DIR", str(tmp_path))
    compiled: list[list[str]] = []
    real = keyscan.KeyScan._compile

    def counted(self: keyscan.KeyScan) -> None:
        compiled.append(list(self.keys))
        real(self)

    monkeypatch.setattr(keyscan.KeyScan, "_compile", counted)
    anchors = [("сообществ", 0, "L:сообщество"), ("пут", 1, "L:путь"), ("сообществ", 1, "L:сообщество")]
    first, again = Anchored(TokenTrie(), anchors), Anchored(TokenTrie(), anchors)
    assert compiled == [["сообществ", "пут"]]
    text = "сообщества путь и пути сообществу"
    assert first._automaton is not None and again._automaton is not None
    assert again._automaton(text) == first._automaton(text) == [(9, 0), (14, 1), (21, 1), (32, 0)]
    assert again._automaton.backend == keyscan.default_backend()
    # Read back in the code page it was compiled in (Russian stems: one byte a letter).
    assert again._automaton.codec == first._automaton.codec == ("cp1251" if keyscan._hyperscan() else "utf-8")
    assert again._payloads == first._payloads
