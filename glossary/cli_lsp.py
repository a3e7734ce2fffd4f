"""`glossary lsp`: start the language server (glossary/lsp/) on standard input and output."""

from __future__ import annotations

import click

from .i18n import _


def register(main: click.Group, termbase_options, settings_for, UsageError) -> None:  # type: ignore[no-untyped-def]
    """Add the lsp command to the CLI group `main`."""

    @main.command()
    @termbase_options
    @click.option("--lang", help="Language of the text (BCP 47), else read from the file or guessed from the script.")
    @click.option("--config", "config_file", type=click.Path(dir_okay=False),
                  help="Use this settings file for every document instead of the nearest one.")
    @click.option("--stdio", is_flag=True, help="Talk over standard input and output (the default; editors pass it).")
    def lsp(termbases: tuple[str, ...], no_default: bool, lang: str | None, config_file: str | None,
            stdio: bool) -> None:
        """Run the language server: diagnostics, fixes, hovers and completion in an editor."""
        try:
            from .lsp.server import serve
        except ImportError:
            raise UsageError(_("the language server needs the lsp extra: pip install 'zh-glossary-check[lsp]'")) from None
        settings = settings_for((), termbases, no_default, lang, None, False, None, None, config_file, False, False)
        serve(settings)
