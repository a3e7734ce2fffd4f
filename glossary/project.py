"""Where the project is published: one place for its names and links.

The import package and the command are `glossary`; the distribution on the
package registry is `zh-glossary-check`, because the name `glossary` belongs to
an unrelated project there. `[project]` in pyproject.toml must agree (a test
checks it).
"""

from __future__ import annotations

DISTRIBUTION = "zh-glossary-check"
REPOSITORY = "https://github.com/zh-glossary/zh-glossary-check"
# The documentation is the docs/ folder of the repository, as GitHub renders it.
DOCS_URL = f"{REPOSITORY}/blob/main/docs"
