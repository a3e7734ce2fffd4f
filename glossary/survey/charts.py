"""Each concept's renderings over the years (matplotlib, the `survey` extra): PNG and SVG, and an HTML overview."""

from __future__ import annotations

import html
from pathlib import Path

from .count import Partial
from .report import tables

HINT = "pip install 'zh-glossary-check[survey]'"


def available() -> bool:
    try:
        import matplotlib  # noqa: F401
    except ImportError:
        return False
    return True


def by_concept(total: Partial) -> dict[str, dict[str, dict[str, int]]]:
    """concept -> "lang: rendering (status)" -> year -> count (files with no year left out)."""
    out: dict[str, dict[str, dict[str, int]]] = {}
    for (concept, lang, rendering, status), scopes in tables(total).items():
        years = {y: n for y, n in scopes["year"].items() if y}
        if years:
            out.setdefault(concept, {})[f"{lang}: {rendering} ({status})"] = years
    return out


def draw(total: Partial, folder: Path) -> list[Path]:
    """Write <concept>.png and <concept>.svg for every concept with dated counts, and index.html; return them."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from matplotlib.ticker import MaxNLocator

    matplotlib.rcParams["svg.hashsalt"] = "glossary"  # the same counts draw the same SVG
    folder.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    concepts = by_concept(total)
    for concept, lines in concepts.items():
        years = sorted({y for counts in lines.values() for y in counts})
        fig, ax = plt.subplots(figsize=(7, 3.6))
        for label, counts in lines.items():
            ax.plot(years, [counts.get(y, 0) for y in years], marker="o", label=label)
        ax.set_title(concept)
        ax.set_xlabel("year")
        ax.set_ylabel("occurrences")
        ax.yaxis.set_major_locator(MaxNLocator(integer=True))
        ax.legend(fontsize="small")
        fig.tight_layout()
        for suffix in (".png", ".svg"):
            target = folder / f"{concept}{suffix}"
            fig.savefig(target, metadata={"Date": None} if suffix == ".svg" else None)
            written.append(target)
        plt.close(fig)
    index = folder / "index.html"
    figures = "\n".join(
        f'<figure><img src="{html.escape(c)}.svg" alt="{html.escape(c)}"><figcaption>{html.escape(c)}</figcaption></figure>'
        for c in concepts)
    index.write_text(
        "<!doctype html>\n<html><head><meta charset=\"utf-8\"><title>Renderings over time</title>\n"
        "<style>body{font-family:sans-serif;margin:2em}img{max-width:100%}figure{margin:0 0 2em}</style>"
        f"</head><body>\n<h1>Renderings over time</h1>\n<p>{total.files} files.</p>\n{figures}\n</body></html>\n",
        encoding="utf-8")
    written.append(index)
    return written
