"""Glossaries for machine translation engines: which source text maps to which target.

Every engine glossary is a list of (source, target) pairs for one language
pair, built here once; `deepl`, `google` and `amazon` only write it in their
engine's file format. The target is the rendering `glossary.preference`
gives (never a deprecated or superseded one). The sources are the concept's
usable source-language terms: the preferred one, the admitted ones (the short
forms the term base records among them) and, for Chinese, the other script's
forms (recorded ones, then OpenCC's Traditional or Simplified spellings):
engines look for source terms as written, so a text in Traditional script or
using a short form only meets the glossary through such extra rows. An
admitted form that contains another source form is left out, since the
engine finds the shorter form inside it and a longer form such as
共建“一带一路” ("jointly building the Belt and Road") would lose its own
words in the target.

Engines refuse a glossary with one source mapped to two targets, so a source
form shared by two concepts with different targets is dropped with a note,
as is a term over the engine's length limit or with a character its file
format cannot hold.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from ..fold import fold_text
from ..langtags import base_language
from ..model import Concept
from ..termbase import TermBase

# The codes the engines document for languages whose project tag differs.
ENGINE_CODES = {"zh-Hant": "zh-TW"}


def engine_code(lang: str) -> str:
    return ENGINE_CODES.get(lang, lang)


@dataclass(frozen=True, slots=True)
class Pair:
    """One glossary entry: `source` is to be translated as `target`."""

    concept: str
    source: str
    targets: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Limits:
    """What one engine accepts in one term (UTF-8 bytes) and in one file."""

    term_bytes: int | None = None
    file_bytes: int | None = None
    file_code_points: int | None = None
    forbid: str = ""


@dataclass(frozen=True, slots=True)
class Glossary:
    """The pairs to write, and the notes on what was left out."""

    source_lang: str
    target_langs: tuple[str, ...]
    pairs: tuple[Pair, ...]
    dropped: tuple[str, ...] = ()
    uncovered: tuple[str, ...] = ()


def _without_longer(forms: Sequence[str]) -> list[str]:
    """`forms` less any form that contains an earlier one (the first, the preferred, always stays)."""
    kept: list[str] = []
    for form in dict.fromkeys(f.strip() for f in forms if f.strip()):
        key = fold_text(form)
        if not any(fold_text(k) in key for k in kept):
            kept.append(form)
    return kept


def source_forms(termbase: TermBase | None, concept: Concept, source_lang: str) -> list[str]:
    """The texts an engine should recognise as this concept in a `source_lang` text, preferred first."""
    from ..preference import admitted, is_usable, preferred, written

    first = preferred(termbase, concept, source_lang)
    forms = [written(first)] if first is not None else []
    forms += [written(t) for t in admitted(termbase, concept, source_lang) if not t.requires_source]
    if base_language(source_lang) == "zh":
        from ..morph import hant

        forms += [written(t) for t in concept.terms
                  if base_language(t.lang) == "zh" and t.lang != source_lang and is_usable(t)]
        forms += [v.text for f in list(forms) for v in hant.variants(f, source_lang)]
    return _without_longer(forms)


def _problem(text: str, limits: Limits) -> str | None:
    if limits.term_bytes is not None and len(text.encode("utf-8")) > limits.term_bytes:
        return f"longer than {limits.term_bytes} UTF-8 bytes"
    if any(c in limits.forbid or unicodedata.category(c) in ("Cc", "Zl", "Zp") for c in text):
        return "holds a control character or line break"
    return None


def build(termbase: TermBase, concepts: Sequence[Concept], source_lang: str, target_langs: Sequence[str],
          limits: Limits, every_target: bool = False) -> Glossary:
    """The pairs for `concepts` from `source_lang` into `target_langs`.

    With several target languages (one file for all), `every_target` keeps
    only concepts with a rendering in each; otherwise a concept needs one.
    """
    from ..preference import preferred, written

    rows: list[Pair] = []
    dropped: list[str] = []
    uncovered: list[str] = []
    for concept in concepts:
        chosen = [preferred(termbase, concept, lang) for lang in target_langs]
        if all(t is None for t in chosen) or (every_target and any(t is None for t in chosen)):
            uncovered.append(concept.id)
            continue
        targets = tuple(written(t) if t is not None else "" for t in chosen)
        bad = next(((t, why) for t in targets if t and (why := _problem(t, limits))), None)
        if bad is not None:
            dropped.append(f"{concept.id}: target “{bad[0]}” {bad[1]}")
            continue
        for form in source_forms(termbase, concept, source_lang):
            why = _problem(form, limits)
            if why:
                dropped.append(f"{concept.id}: source “{form}” {why}")
                continue
            rows.append(Pair(concept.id, form, targets))
    by_key: dict[str, list[Pair]] = {}
    for pair in rows:
        by_key.setdefault(fold_text(pair.source), []).append(pair)
    kept: list[Pair] = []
    for pair in rows:
        group = by_key[fold_text(pair.source)]
        if len({p.targets for p in group}) > 1:
            if pair is group[0]:
                dropped.append(f"source “{pair.source}” names {', '.join(p.concept for p in group)} "
                               f"with different targets")
            continue
        if pair is group[0]:
            kept.append(pair)
    return Glossary(source_lang, tuple(target_langs), tuple(kept), tuple(dropped), tuple(uncovered))


def check_size(text: str, limits: Limits, what: str) -> None:
    """Refuse a file over the engine's size limit (an error, not a silent cut)."""
    from . import ExchangeError

    if limits.file_bytes is not None and len(text.encode("utf-8")) > limits.file_bytes:
        raise ExchangeError(f"the {what} glossary would be larger than {limits.file_bytes} bytes; "
                            "limit it with --concepts or --from-brief")
    if limits.file_code_points is not None and len(text) > limits.file_code_points:
        raise ExchangeError(f"the {what} glossary would be longer than {limits.file_code_points} characters; "
                            "limit it with --concepts or --from-brief")
