"""Load term bases from YAML with positions, merge them, and validate them.

The YAML is composed into nodes (not constructed into Python objects) so that
every key and value keeps its line and column, and every error can point at the
place a terminologist has to edit. Loading is the expensive step of start-up,
so the loaded TermBase is cached on disk by the digest of its input bytes.
"""

from __future__ import annotations

import functools
import os
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace

from . import cache
from .cache import sha256
from .collector import paused
from .errors import TermBaseError, TermBaseErrors
from .files import read_error
from .fold import fold_text
from .langtags import base_language
from .morph.markers import marker_errors
from .model import Concept, Example, Position, SignatureSpec, Source, SourceKind, Status, Term

TYPE_CHECKING = False  # typing's own flag, without importing typing (see glossary/__init__.py)
if TYPE_CHECKING:
    from pathlib import Path
    from typing import Any


def spelled(path: str | os.PathLike[str]) -> str:
    """`str(pathlib.Path(path))`: how a term base's file is named in its terms and errors.

    Computed without importing pathlib (a tenth of a small check's start-up)
    where the spelling is plain: a POSIX path, "." components and repeated or
    trailing slashes dropped; anything else is left to pathlib.
    """
    text = os.fspath(path)
    if os.sep == "/" and os.altsep is None and isinstance(text, str) and not text.startswith("//"):
        parts = [part for part in text.split("/") if part not in ("", ".")]
        return ("/" if text.startswith("/") else "") + "/".join(parts) or "."
    from pathlib import Path

    return str(Path(text))


DEFAULT_PATH = spelled(os.path.join(os.path.dirname(__file__), "data", "terms.yaml"))
FORMAT_VERSION = 1

_ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*\Z")
_DATE = re.compile(r"\d{4}(?:-\d{2}(?:-\d{2})?)?\Z")

_TOP_KEYS = ("version", "concepts")
_CONCEPT_KEYS = ("id", "note", "sources", "terms", "examples", "signature")
_SIGNATURE_KEYS = ("slots", "function_words")
_SLOT_KEYS = ("words", "required")
_TERM_KEYS = ("text", "status", "note", "reason", "fix_to", "abbreviation_of", "since", "sources", "requires_source", "used_by", "article")
REASON_LIMIT = 160
"""A term's `reason` is the one line a finding shows by default: a sentence, at most this long."""
_SOURCE_KEYS = ("title", "publisher", "url", "date", "langs", "note", "kind")
_EXAMPLE_KEYS = ("lang", "text", "fixed", "note")


@dataclass(frozen=True, slots=True)
class TermBase:
    """Concepts from one or more term base files, merged in order."""

    concepts: tuple[Concept, ...]
    digest: str
    paths: tuple[str, ...] = ()
    warnings: tuple[TermBaseError, ...] = field(default=(), compare=False)
    _index: Mapping[str, int] = field(default_factory=dict, compare=False, repr=False)

    def __repr__(self) -> str:
        # The generated repr spells out every concept: hundreds of thousands of characters.
        files = ", ".join(os.path.basename(p) for p in self.paths) or "no files"
        return f"<TermBase {len(self.concepts)} concepts, {len(self.langs)} languages from {files}>"

    def concept(self, concept_id: str) -> Concept:
        return self.concepts[self._index[concept_id]]

    def __contains__(self, concept_id: object) -> bool:
        return concept_id in self._index

    @property
    def langs(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(lang for c in self.concepts for lang in c.langs))

    def fix_target(self, concept: Concept, term: Term) -> Term | None:
        """The rendering a fix writes for `term`, which must be a variant."""
        if term.fix_to is not None:
            key = fold_text(term.fix_to)
            for t in concept.terms_in(term.lang):
                if not t.status.is_variant and fold_text(t.text) == key:
                    return t
            return None
        return concept.preferred(term.lang)


# ---------------------------------------------------------------- YAML nodes

class _Nodes:
    """Walk composed YAML nodes, collecting errors with their positions."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.errors: list[TermBaseError] = []

    def pos(self, node: Any) -> Position:
        mark = node.start_mark
        return Position(mark.line + 1, mark.column + 1)

    def error(self, node: Any, message: str) -> None:
        p = self.pos(node)
        self.errors.append(TermBaseError(message, self.path, p.line, p.column))

    def mapping(self, node: Any, what: str, allowed: Sequence[str], required: Sequence[str] = ()) -> dict[str, Any] | None:
        import yaml

        if not isinstance(node, yaml.MappingNode):
            self.error(node, f"{what} must be a mapping")
            return None
        out: dict[str, Any] = {}
        for key_node, value_node in node.value:
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else None
            if key is None:
                self.error(key_node, f"{what} has a key that is not a string")
            elif key in out:
                self.error(key_node, f'duplicate key "{key}" in {what}')
            elif allowed and key not in allowed:
                self.error(key_node, f'unknown key "{key}" in {what} (expected {_one_of(allowed)})')
            else:
                out[key] = value_node
        for key in required:
            if key not in out:
                self.error(node, f'{what} has no "{key}"')
        return out

    def sequence(self, node: Any, what: str) -> list[Any]:
        import yaml

        if isinstance(node, yaml.SequenceNode):
            return list(node.value)
        if isinstance(node, yaml.ScalarNode) and node.value == "" and node.tag.endswith(":null"):
            return []
        self.error(node, f"{what} must be a list")
        return []

    def string(self, node: Any, what: str) -> str | None:
        import yaml

        if not isinstance(node, yaml.ScalarNode):
            self.error(node, f"{what} must be a string")
            return None
        return str(node.value)


def _one_of(values: Sequence[str]) -> str:
    values = list(values)
    return values[0] if len(values) == 1 else ", ".join(values[:-1]) + " or " + values[-1]


def _compose(text: str, path: str) -> Any:
    import yaml

    loader_cls = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        return yaml.compose(text, Loader=loader_cls)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        problem = exc.problem or exc.context or "invalid YAML"
        if mark is None:
            raise TermBaseError(f"invalid YAML: {problem}", path) from None
        raise TermBaseError(f"invalid YAML: {problem}", path, mark.line + 1, mark.column + 1) from None
    except yaml.YAMLError as exc:
        raise TermBaseError(f"invalid YAML: {exc}", path) from None


def _lang(nodes: _Nodes, node: Any) -> str | None:
    from . import langtags

    raw = nodes.string(node, "a language tag")
    if raw is None:
        return None
    try:
        return langtags.normalize(raw)
    except ValueError as exc:
        nodes.error(node, str(exc))
        return None


def _source(nodes: _Nodes, node: Any) -> Source | None:
    m = nodes.mapping(node, "a source", _SOURCE_KEYS)
    if m is None:
        return None
    values = {k: nodes.string(v, f'source "{k}"') or "" for k, v in m.items() if k != "langs"}
    kind: SourceKind | None = None
    if "kind" in m:
        try:
            kind = SourceKind(values["kind"])
        except ValueError:
            nodes.error(m["kind"], f'unknown source kind "{values["kind"]}" (expected {_one_of([k.value for k in SourceKind])})')
    langs: list[str] = []
    if "langs" in m:
        for item in nodes.sequence(m["langs"], 'source "langs"'):
            tag = _lang(nodes, item)
            if tag is not None:
                langs.append(tag)
    if not (values.get("title") or values.get("publisher") or values.get("url")):
        nodes.error(node, 'a source needs a "title", "publisher" or "url"')
    if not values.get("date"):
        nodes.error(node, 'a source needs a "date"')
    elif not _DATE.match(values["date"]):
        nodes.error(m["date"], f'bad date "{values["date"]}" (expected YYYY, YYYY-MM or YYYY-MM-DD)')
    return Source(
        title=values.get("title", ""), publisher=values.get("publisher", ""), url=values.get("url", ""),
        date=values.get("date", ""), langs=tuple(langs), note=values.get("note", ""), kind=kind,
        origin=nodes.pos(node),
    )


def _sources(nodes: _Nodes, node: Any) -> tuple[Source, ...]:
    return tuple(s for s in (_source(nodes, n) for n in nodes.sequence(node, "sources")) if s is not None)


def _term(nodes: _Nodes, node: Any, lang: str) -> Term | None:
    m = nodes.mapping(node, "a term", _TERM_KEYS, required=("text", "status"))
    if m is None or "text" not in m or "status" not in m:
        return None
    text = nodes.string(m["text"], 'term "text"')
    status_raw = nodes.string(m["status"], 'term "status"')
    if not text or not text.strip():
        nodes.error(m["text"], "a term's text is empty")
        return None
    try:
        status = Status(status_raw)
    except ValueError:
        nodes.error(m["status"], f'unknown status "{status_raw}" (expected {_one_of([s.value for s in Status])})')
        return None
    for _, message in marker_errors(text, lang):
        nodes.error(m["text"], message)  # stem markers (`бастама|сы`): see glossary/morph/stems.py
    opt = {k: nodes.string(m[k], f'term "{k}"') for k in ("note", "reason", "fix_to", "abbreviation_of", "since") if k in m}
    if len(opt.get("reason") or "") > REASON_LIMIT:
        nodes.error(m["reason"], f'"reason" is {len(opt["reason"] or "")} characters: one sentence of at most {REASON_LIMIT}, the rest belongs in "note"')
    requires_source = False
    if "requires_source" in m:
        flag = nodes.string(m["requires_source"], 'term "requires_source"')
        if flag not in ("true", "false"):
            nodes.error(m["requires_source"], f'"requires_source" must be true or false, not "{flag}"')
        requires_source = flag == "true"
    used_by: list[str] = []
    if "used_by" in m:
        for item in nodes.sequence(m["used_by"], 'term "used_by"'):
            name = nodes.string(item, 'a "used_by" publisher')
            if name is None:
                continue
            if not _ID.match(name):
                nodes.error(item, f'bad publisher "{name}" in "used_by" (expected a lower-case slug such as "xinhua")')
            elif name in used_by:
                nodes.error(item, f'publisher "{name}" is listed twice in "used_by"')
            else:
                used_by.append(name)
    article = ""
    if "article" in m:
        article = nodes.string(m["article"], 'term "article"') or ""
        if article != "none":
            nodes.error(m["article"], f'"article" can only be "none" (a name written without one), not "{article}"')
    if opt.get("since") and not _DATE.match(opt["since"] or ""):
        nodes.error(m["since"], f'bad date "{opt["since"]}" (expected YYYY, YYYY-MM or YYYY-MM-DD)')
    if opt.get("fix_to") is not None and not status.is_variant:
        nodes.error(m["fix_to"], f'"fix_to" on a {status} term: only deprecated and superseded terms are fixed')
    return Term(
        text=text, lang=lang, status=status, note=opt.get("note") or "", fix_to=opt.get("fix_to"),
        abbreviation_of=opt.get("abbreviation_of"), since=opt.get("since") or "",
        sources=_sources(nodes, m["sources"]) if "sources" in m else (), requires_source=requires_source,
        used_by=tuple(used_by), origin=nodes.pos(node), path=nodes.path, reason=opt.get("reason") or "",
        article=article,
    )


def _example(nodes: _Nodes, node: Any) -> Example | None:
    m = nodes.mapping(node, "an example", _EXAMPLE_KEYS, required=("lang", "text"))
    if m is None or "lang" not in m or "text" not in m:
        return None
    lang = _lang(nodes, m["lang"])
    text = nodes.string(m["text"], 'example "text"')
    fixed = nodes.string(m["fixed"], 'example "fixed"') if "fixed" in m else None
    if lang is None or text is None:
        return None
    return Example(lang=lang, text=text, fixed=fixed, origin=nodes.pos(node))


def _words(nodes: _Nodes, node: Any, what: str) -> tuple[str, ...]:
    return tuple(w for w in (nodes.string(n, what) for n in nodes.sequence(node, what)) if w)


def _signature(nodes: _Nodes, node: Any, cid: str) -> tuple[SignatureSpec, ...]:
    """`signature:` per language: `false` (no detection) or slots and function words."""
    import yaml

    out: list[SignatureSpec] = []
    langs = nodes.mapping(node, f'the signature of "{cid}"', ())
    for lang_raw, spec_node in (langs or {}).items():
        key_node = next(k for k, v in node.value if v is spec_node)
        lang = _lang(nodes, key_node)
        if lang is None:
            continue
        if isinstance(spec_node, yaml.ScalarNode) and spec_node.value.lower() in ("false", "off", "no"):
            out.append(SignatureSpec(lang=lang, off=True, origin=nodes.pos(spec_node)))
            continue
        m = nodes.mapping(spec_node, f'the "{lang_raw}" signature of "{cid}"', _SIGNATURE_KEYS, required=("slots",))
        if m is None:
            continue
        slots: list[tuple[tuple[str, ...], bool]] = []
        for slot_node in nodes.sequence(m.get("slots"), "signature slots") if "slots" in m else ():
            if isinstance(slot_node, yaml.SequenceNode):
                slots.append((_words(nodes, slot_node, "slot words"), True))
                continue
            sm = nodes.mapping(slot_node, "a signature slot", _SLOT_KEYS, required=("words",))
            if sm is None or "words" not in sm:
                continue
            required = True
            if "required" in sm:
                flag = nodes.string(sm["required"], 'slot "required"')
                required = (flag or "").lower() not in ("false", "no", "off")
            slots.append((_words(nodes, sm["words"], "slot words"), required))
        if not slots or not all(words for words, _ in slots):
            nodes.error(spec_node, f'the "{lang_raw}" signature of "{cid}" needs slots, each with words')
            continue
        function_words = _words(nodes, m["function_words"], "function_words") if "function_words" in m else None
        out.append(SignatureSpec(lang=lang, slots=tuple(slots), function_words=function_words, origin=nodes.pos(spec_node)))
    return tuple(out)


def _concept(nodes: _Nodes, node: Any) -> Concept | None:
    m = nodes.mapping(node, "a concept", _CONCEPT_KEYS, required=("id", "terms"))
    if m is None or "id" not in m:
        return None
    cid = nodes.string(m["id"], 'concept "id"')
    if cid is None:
        return None
    if not _ID.match(cid):
        nodes.error(m["id"], f'bad concept id "{cid}" (expected lower-case words joined by hyphens)')
    terms: list[Term] = []
    if "terms" in m:
        langs = nodes.mapping(m["terms"], f'the terms of "{cid}"', ())
        for lang_raw, list_node in (langs or {}).items():
            key_node = next(k for k, v in m["terms"].value if v is list_node)
            lang = _lang(nodes, key_node)
            if lang is None:
                continue
            for item in nodes.sequence(list_node, f'the "{lang_raw}" terms of "{cid}"'):
                term = _term(nodes, item, lang)
                if term is not None:
                    terms.append(term)
    note = (nodes.string(m["note"], 'concept "note"') or "") if "note" in m else ""
    sources = _sources(nodes, m["sources"]) if "sources" in m else ()
    examples = tuple(e for e in (_example(nodes, n) for n in nodes.sequence(m["examples"], "examples")) if e is not None) if "examples" in m else ()
    signatures = _signature(nodes, m["signature"], cid) if "signature" in m else ()
    return Concept(id=cid, note=note.strip(), terms=tuple(terms), sources=sources, examples=examples,
                   origin=nodes.pos(node), path=nodes.path, signatures=signatures)


def parse(text: str, path: str = "<string>") -> list[Concept]:
    """Parse one term base document; raise TermBaseErrors listing every problem."""
    root = _compose(text, path)
    nodes = _Nodes(path)
    if root is None:
        raise TermBaseError("empty term base: expected a mapping with \"concepts\"", path, 1, 1)
    top = nodes.mapping(root, "the term base", _TOP_KEYS, required=("concepts",))
    concepts: list[Concept] = []
    if top is not None:
        if "version" in top and nodes.string(top["version"], '"version"') != str(FORMAT_VERSION):
            nodes.error(top["version"], f'unsupported version "{top["version"].value}" (expected {FORMAT_VERSION})')
        seen: dict[str, Concept] = {}
        for item in nodes.sequence(top.get("concepts", root), "concepts") if "concepts" in top else []:
            concept = _concept(nodes, item)
            if concept is None:
                continue
            if concept.id in seen:
                first = seen[concept.id].origin
                where = f" (first at line {first.line})" if first else ""
                nodes.error(item, f'duplicate concept id "{concept.id}"{where}')
                continue
            seen[concept.id] = concept
            concepts.append(concept)
    if nodes.errors:
        raise TermBaseErrors(nodes.errors)
    return concepts


# ------------------------------------------------------------------ merging

def _merge_concept(old: Concept, new: Concept) -> Concept:
    terms = list(old.terms)
    for term in new.terms:
        key = (term.lang, fold_text(term.text))
        for i, existing in enumerate(terms):
            if (existing.lang, fold_text(existing.text)) == key:
                terms[i] = term
                break
        else:
            terms.append(term)
    return replace(
        old, terms=tuple(terms), note=new.note or old.note, sources=new.sources or old.sources,
        examples=new.examples or old.examples, signatures=new.signatures or old.signatures,
    )


def merge(documents: Iterable[list[Concept]]) -> list[Concept]:
    """Later documents add concepts and override terms of earlier ones."""
    merged: dict[str, Concept] = {}
    for concepts in documents:
        for concept in concepts:
            merged[concept.id] = _merge_concept(merged[concept.id], concept) if concept.id in merged else concept
    return list(merged.values())


# --------------------------------------------------------------- consistency

def _err(term_or_concept: Term | Concept, message: str, path: str = "") -> TermBaseError:
    origin = term_or_concept.origin
    p = getattr(term_or_concept, "path", "") or path
    return TermBaseError(message, p or None, origin.line if origin else None, origin.column if origin else None)


def consistency_errors(concepts: Sequence[Concept]) -> list[TermBaseError]:
    """Problems across terms that would make checking or fixing wrong."""
    errors: list[TermBaseError] = []
    # folded text -> (concept, term) of every term that is fine to use
    accepted: dict[tuple[str, str], tuple[Concept, Term]] = {}
    for concept in concepts:
        for term in concept.terms:
            if not term.status.is_variant:
                accepted.setdefault((term.lang, fold_text(term.text)), (concept, term))
    for concept in concepts:
        seen: dict[tuple[str, str], Term] = {}
        for term in concept.terms:
            key = (term.lang, fold_text(term.text))
            if key in seen:
                errors.append(_err(term, f'"{term.text}" is listed twice in "{concept.id}" ({term.lang}; forms that differ only by case, dashes, quotes or spacing are one term)'))
                continue
            seen[key] = term
            if term.status.is_variant and not term.requires_source and key in accepted:
                other, other_term = accepted[key]
                errors.append(_err(term, f'conflict: "{term.text}" is {term.status} in "{concept.id}" but {other_term.status} in "{other.id}" ({term.lang}); mark it requires_source if it is wrong only as a translation of this concept'))
            if term.abbreviation_of is not None and (term.lang, fold_text(term.abbreviation_of)) not in {
                (t.lang, fold_text(t.text)) for t in concept.terms if t is not term
            }:
                errors.append(_err(term, f'"abbreviation_of" names "{term.abbreviation_of}", which is not a term of "{concept.id}" in {term.lang}'))
        for lang in concept.langs:
            terms = concept.terms_in(lang)
            if any(t.status.is_variant for t in terms) and concept.preferred(lang) is None:
                errors.append(_err(concept, f'"{concept.id}" has {lang} variants but no preferred {lang} term'))
            for term in terms:
                if term.fix_to is None:
                    continue
                target_key = fold_text(term.fix_to)
                target = next((t for t in terms if fold_text(t.text) == target_key), None)
                if target is None:
                    errors.append(_err(term, f'"fix_to" names "{term.fix_to}", which is not a term of "{concept.id}" in {lang}'))
                elif target.status.is_variant:
                    errors.append(_err(term, f'cycle: "{term.text}" is fixed to "{term.fix_to}", which is itself {target.status}'))
    return errors


# ------------------------------------------------------------------ loading

def _read(path: str) -> bytes:
    try:
        with open(path, "rb") as fh:
            return fh.read()
    except OSError as exc:
        raise read_error(exc, path, termbase=True) from None


def _digest(path: str) -> tuple[bytes, bytes | None]:
    """The digest of a term base file and its bytes, or None when the digest was remembered (cache.file_digest)."""
    try:
        return cache.file_digest(path)
    except OSError as exc:
        raise read_error(exc, path, termbase=True) from None


def _decode(data: bytes, path: str) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise TermBaseError(f"cannot decode as UTF-8 at byte {exc.start}", path) from None


def build(documents: Sequence[tuple[str, str]], digest: str = "") -> TermBase:
    """Parse, merge and check `(path, text)` documents into a TermBase, with the cyclic collector
    paused: what parsing makes lives on, and a library caller (unlike the command line) has it on."""
    with paused():
        return _build(documents, digest)


def _build(documents: Sequence[tuple[str, str]], digest: str) -> TermBase:
    parsed = []
    errors: list[TermBaseError] = []
    for path, text in documents:
        try:
            parsed.append(parse(text, path))
        except TermBaseErrors as exc:
            errors.extend(exc.errors)
        except TermBaseError as exc:
            errors.append(exc)
    if errors:
        raise TermBaseErrors(errors)
    concepts = merge(parsed)
    errors = consistency_errors(concepts)
    if errors:
        raise TermBaseErrors(errors)
    if not digest:
        digest = sha256("\0".join(t for _, t in documents).encode()).hexdigest()
    tb = TermBase(
        concepts=tuple(concepts), digest=digest, paths=tuple(p for p, _ in documents),
        _index={c.id: i for i, c in enumerate(concepts)},
    )
    return replace(tb, warnings=tuple(source_warnings(tb)))


def source_warnings(tb: TermBase) -> Iterator[TermBaseError]:
    """A preferred rendering without evidence, or with weak evidence only, is trusted less: say so.

    Chinese terms are the source terms the renderings translate, so they are
    not renderings that need evidence of their own. Evidence is weak when every
    source says it is a mirror or a secondary source: the official wording was
    not seen at its issuer or at a state outlet. Sources that give no kind are
    not judged.
    """
    weak = (SourceKind.MIRROR, SourceKind.SECONDARY)
    for concept in tb.concepts:
        for term in concept.terms:
            if term.status is not Status.PREFERRED or base_language(term.lang) == "zh":
                continue
            sources = concept.sources_for(term)
            if not sources:
                yield _err(term, f'preferred {term.lang} rendering "{term.text}" of "{concept.id}" has no source')
            elif all(s.kind in weak for s in sources):
                yield _err(term, f'preferred {term.lang} rendering "{term.text}" of "{concept.id}" rests on mirror or secondary sources only')


def load(paths: Iterable[str | Path] = (), *, default: bool = True, use_cache: bool = True) -> TermBase:
    """Load the shipped term base (unless `default=False`) followed by `paths`."""
    names = ([DEFAULT_PATH] if default else []) + [spelled(p) for p in paths]
    if not names:
        raise TermBaseError("no term base: give --termbase or drop --no-default")
    if use_cache:
        # The digests of files unchanged since they were last hashed are remembered (cache.file_digest).
        read = [_digest(name) for name in names]
        digest = _combined(d for d, _ in read)
        paths_read = tuple(names)
        # The CLI validates the term base before it checks, then loads it
        # again per settings file: the same bytes give the same (frozen)
        # TermBase, so the cache is read once per process.
        seen = _LOADED.get((digest, paths_read))
        if seen is not None:
            return seen
        cached = _unflatten(cache.get("termbase", digest), paths_read)
        if cached is not None:
            _LOADED[(digest, paths_read)] = cached
            return cached
        # A remembered digest is of bytes read then: the entry is written under the digest of those read now.
        read = [(d, data) if data is not None else _hashed(_read(name)) for name, (d, data) in zip(names, read)]
    else:
        read = [_hashed(_read(name)) for name in names]
    digest = _combined(d for d, _ in read)
    tb = build([(name, _decode(data, name)) for name, (_, data) in zip(names, read)], digest)  # type: ignore[arg-type]
    if use_cache:
        cache.put("termbase", digest, _flatten(tb))
        _LOADED[(digest, tuple(names))] = tb
    return tb


def _hashed(data: bytes) -> tuple[bytes, bytes]:
    return sha256(data).digest(), data


def _combined(digests: Iterable[bytes]) -> str:
    """The term base's digest: of its files' digests, in order."""
    h = sha256()
    for d in digests:
        h.update(d)
    return h.hexdigest()


_LOADED: dict[tuple[str, tuple[str, ...]], TermBase] = {}
# Names the layout of a cached term base: one written by other code is a miss.
_FLAT = "termbase-flat-2"


def _flatten(tb: TermBase) -> tuple[Any, ...]:
    """The cache entry of a term base: its concepts one pickle each (glossary.flat), the rest as it is."""
    from .flat import SortedMap, pack

    return (_FLAT, tb.digest, tb.paths, tb.warnings, SortedMap.of(tb._index), pack(tb.concepts))


def _unflatten(entry: Any, paths: tuple[str, ...]) -> TermBase | None:
    """A term base from its cache entry, whose concepts are unpickled as they are asked for; None if no entry.

    The cache is keyed by content, so the same files named another way (a
    relative path, another checkout) hit the same entry; the concepts, terms
    and warnings then name the files as this load does. The unpickled objects
    belong to this load alone, so their path fields are set in place.
    """
    from .flat import Lazy

    if not (isinstance(entry, tuple) and len(entry) == 6 and entry[0] == _FLAT and len(entry[2]) == len(paths)):
        return None
    _, digest, written, warnings, index, blobs = entry
    adjust = None
    if written != paths:
        renamed = dict(zip(written, paths))
        for warning in warnings:
            if warning.path in renamed:
                warning.path = renamed[warning.path]
        adjust = functools.partial(_rename, renamed=renamed)
    return TermBase(concepts=Lazy(blobs, adjust), digest=digest, paths=paths, warnings=warnings,  # type: ignore[arg-type]
                    _index=index)


def _rename(concept: Concept, renamed: dict[str, str]) -> None:
    """Set the paths of a concept read from the cache, and of its terms, to this load's."""
    setattr_ = object.__setattr__
    if concept.path in renamed:
        setattr_(concept, "path", renamed[concept.path])
    for term in concept.terms:
        if term.path in renamed:
            setattr_(term, "path", renamed[term.path])


def forget() -> None:
    """Drop the term bases this process has read (runner.forget)."""
    _LOADED.clear()


def loads(text: str, path: str = "<string>") -> TermBase:
    """Build a TermBase from YAML text alone (tests, API users)."""
    return build([(path, text)])
