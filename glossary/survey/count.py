"""Count one partition of a corpus: every rendering the matcher finds, per file, with the file's year.

`Compiled` is what a worker needs and receives once: the term base, the
matchers compiled from it for each of its languages, and the settings and
check options of the survey. `count` is a pure function of a list of paths
and a `Compiled`, so partitions can be counted anywhere and merged in any
order (`merge` is associative and commutative).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from ..errors import GlossaryError
from ..runner import Input, Settings

Key = tuple[str, str, str, str, str, str]
"""(concept id, language, rendering as listed, status, file, year)."""


@dataclass
class Compiled:
    """The term base and its matchers, with the survey's settings: shipped to each worker once."""

    termbase: Any
    options: Any
    config: Any
    settings: Settings
    matchers: dict[str, Any] = field(default_factory=dict)
    date_from: str | None = None

    def matcher(self, lang: str) -> Any:
        from ..matcher import matcher_for

        found = self.matchers.get(lang)
        if found is None:
            found = self.matchers[lang] = matcher_for(self.termbase, lang)
        return found


def compile_survey(path: str, settings: Settings, date_from: str | None = None) -> Compiled:
    """The settings found for `path` (the first corpus path), its term base and every language's matcher."""
    from .. import runner

    cfg, tb, options = runner.prepare(path, settings)
    compiled = Compiled(tb, options, cfg, settings, date_from=date_from)
    for lang in tb.langs:
        compiled.matcher(lang)
    return compiled


@dataclass
class Partial:
    """Counts of a part of the corpus, and what was read and what could not be."""

    counts: Counter[Key] = field(default_factory=Counter)
    files: int = 0
    bytes: int = 0
    errors: list[str] = field(default_factory=list)

    def __iadd__(self, other: Partial) -> Partial:
        self.counts.update(other.counts)
        self.files += other.files
        self.bytes += other.bytes
        self.errors.extend(other.errors)
        return self


def merge(*parts: Partial) -> Partial:
    """One Partial holding the sum of `parts` (a node of the reduction tree)."""
    total = Partial()
    for part in parts:
        total += part
    total.errors.sort()
    return total


def count(paths: list[tuple[str, bool]], compiled: Compiled) -> Partial:
    """Count the renderings in the files `paths` ((path, named) pairs as glossary.discover walks them)."""
    from .. import runner
    from ..script import guess_lang
    from .dates import compile_pattern, year_of

    pattern = compile_pattern(compiled.date_from)
    options, skip = compiled.options, compiled.options.disable_concepts
    unlisted_on = "unlisted-variant" not in options.disable
    part = Partial()
    for path, named in paths:
        if not named and compiled.config.excludes(path):
            continue
        try:
            document = runner.read(Input(path, named=named), compiled.settings, options)
        except GlossaryError as exc:
            part.errors.append(str(exc))
            continue
        if document is None:
            continue  # a binary file found in a folder
        part.files += 1
        part.bytes += _size(path)
        year = year_of(path, pattern)
        counts = part.counts
        for segment in document.segments:
            lang = options.lang or segment.lang or guess_lang(segment.text)
            matches = compiled.matcher(lang).scan(segment.text)
            for match in matches:
                if match.concept_id not in skip:
                    counts[(match.concept_id, lang, match.term.text, str(match.term.status), path, year)] += 1
            if unlisted_on:
                for concept_id, found in unlisted(segment.text, lang, matches, compiled.termbase):
                    if concept_id not in skip:
                        counts[(concept_id, lang, found, UNLISTED, path, year)] += 1
    return part


UNLISTED = "unlisted"
"""The status column of a rendering the term base does not list (an `unlisted-variant` hit)."""


def unlisted(text: str, lang: str, matches: list[Any], termbase: Any) -> list[tuple[str, str]]:
    """(concept id, found text) of each unlisted variant in `text`, as the `unlisted-variant` check finds them.

    The found text is kept as written with its white space collapsed, so one
    variant's counts add up across line breaks.
    """
    from ..checks.variants import unlisted as hits

    return [(hit.concept_id, " ".join(text[span.start:span.end].split()))
            for hit, suggestion, _renderable, _why, span in hits(text, lang, matches, termbase)
            if suggestion is not None]


def _size(path: str) -> int:
    import os

    try:
        return os.stat(path).st_size
    except OSError:
        return 0
