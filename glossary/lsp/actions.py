"""Code actions: replace one finding with the official rendering, or fix the whole file.

One finding's edit is what `glossary fix` would make of it alone (`fix.plan`:
case kept, escaped for the format). "Fix all in file" is the runner's own fix
(every pass, the fixed text parsed again), sent as one edit over the part of
the document that changed.
"""

from __future__ import annotations

from lsprotocol import types as lsp

from ..i18n import _
from ..model import Finding
from .diagnostics import span_range
from .session import Checked
from .units import Lines

FIX_ALL = "fix-all"


def replacement(checked: Checked, finding: Finding, lines: Lines) -> lsp.TextEdit | None:
    """The edit that fixes `finding` alone, None when it is not fixable."""
    document = checked.outcome.document
    if document is None or finding.fix is None:
        return None
    edit = finding.fix  # the edit `glossary fix` makes, computed with the finding
    return lsp.TextEdit(span_range(lines, edit.span.start, edit.span.end, checked.shift), edit.replacement)


def quick_fixes(checked: Checked, findings: list[tuple[Finding, lsp.Diagnostic]],
                encoding: str = "utf-16") -> list[lsp.CodeAction]:
    """One "Replace with the official rendering" per fixable finding under the cursor."""
    actions = []
    lines = Lines(checked.text, encoding)
    for finding, diag in findings:
        text_edit = replacement(checked, finding, lines)
        if text_edit is None:
            continue
        actions.append(lsp.CodeAction(
            # TRANSLATORS: a code action in the editor; {suggestion} is the rendering written.
            title=_('Replace with the official rendering "{suggestion}"').format(suggestion=text_edit.new_text),
            kind=lsp.CodeActionKind.QuickFix, diagnostics=[diag], is_preferred=True,
            edit=lsp.WorkspaceEdit(changes={checked.uri: [text_edit]})))
    return actions


def fix_all(checked: Checked) -> lsp.CodeAction | None:
    """"Fix all in file" when the document has a fixable finding; the server adds its edit now or on resolve."""
    if not any(f.fixable and f.suggestion is not None for f in checked.findings):
        return None
    return lsp.CodeAction(title=_("Fix all in file"), kind=lsp.CodeActionKind.SourceFixAll,
                          data={"action": FIX_ALL, "uri": checked.uri, "version": checked.version})


def whole_edit(checked: Checked, fixed: str, encoding: str = "utf-16") -> lsp.WorkspaceEdit:
    """`fixed` as one edit over the span from the first to the last character that differs."""
    old = checked.text
    start = 0
    limit = min(len(old), len(fixed))
    while start < limit and old[start] == fixed[start]:
        start += 1
    end_old, end_new = len(old), len(fixed)
    while end_old > start and end_new > start and old[end_old - 1] == fixed[end_new - 1]:
        end_old -= 1
        end_new -= 1
    lines = Lines(old, encoding)
    return lsp.WorkspaceEdit(changes={checked.uri: [lsp.TextEdit(span_range(lines, start, end_old),
                                                                 fixed[start:end_new])]})


def wanted(kind: str, only: list[str] | None) -> bool:
    """Whether the client asked for actions of `kind` (`only` lists kinds or their prefixes)."""
    return not only or any(kind == o or kind.startswith(o + ".") for o in only)
