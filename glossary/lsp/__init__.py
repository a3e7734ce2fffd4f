"""`glossary lsp`: the checker as a language server (pygls, the `lsp` extra).

The server is a thin front end of `glossary.runner.run`: an open document is
an `Input` given as text under its file path, so it gets the same settings
file, term base and reader as `glossary check` on that file. The modules are
one step each: `units.py` converts offsets to LSP positions, `diagnostics.py`
findings to diagnostics, `actions.py` fixes to code actions, `hover.py` and
`completion.py` answer from the term base, `session.py` keeps what each open
document's last check returned, and `server.py` wires them to the protocol.
"""
