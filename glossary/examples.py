"""Run every concept's examples: the term base's own executable specification.

A clean example that a concept signature fires on fails like any other; so
does a signature that fires on another concept's preferred rendering.
"""

from __future__ import annotations

from .errors import TermBaseError
from .model import Concept, Example
from .termbase import TermBase


def _error(concept: Concept, example: Example, message: str) -> TermBaseError:
    o = example.origin or concept.origin
    return TermBaseError(message, concept.path or None, o.line if o else None, o.column if o else None)


def run_examples(termbase: TermBase) -> list[TermBaseError]:
    """An error for every example whose check or fix differs from what it states."""
    from . import check, normalize

    errors: list[TermBaseError] = []
    for concept in termbase.concepts:
        for example in concept.examples:
            if example.fixed is not None:
                got = normalize(example.text, example.lang, termbase)
                if got != example.fixed:
                    errors.append(_error(concept, example, f'example of "{concept.id}": fix gives "{got}", expected "{example.fixed}"'))
                    continue
                left = [f for f in check(got, example.lang, termbase) if f.fixable]
                if left:
                    errors.append(_error(concept, example, f'example of "{concept.id}": the fixed text still has "{left[0].found}" ({left[0].code})'))
                elif got == example.text:
                    errors.append(_error(concept, example, f'example of "{concept.id}": "fixed" equals "text"; a clean example has no "fixed"'))
            else:
                found = check(example.text, example.lang, termbase)
                if found:
                    f = found[0]
                    errors.append(_error(concept, example, f'example of "{concept.id}" must stay clean but has "{f.found}" ({f.code}, concept "{f.concept_id}")'))
    errors.extend(_signature_errors(termbase))
    return errors


def _signature_errors(termbase: TermBase) -> list[TermBaseError]:
    """Signatures (glossary.signatures) that fire on another concept's preferred rendering."""
    from .signatures import problems

    out = []
    for concept, message in problems(termbase):
        o = concept.origin
        out.append(TermBaseError(message, concept.path or None, o.line if o else None, o.column if o else None))
    return out
