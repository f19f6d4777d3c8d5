"""Visas side by side for one person: statuses and the common benefit fields (``compare``), as
the check object, as a polars DataFrame, and as a chart.

One table: visas as columns; the status, the benefit fields every visa describes
(engine/visa.py BENEFIT_KEYS), the special payments and the quota selection as rows.
"""

from __future__ import annotations

import textwrap
from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from importlib import resources
from pathlib import Path
from typing import Any

import polars as pl

from visarules import api, yamldata
from visarules.build import Resolvers
from visarules.engine.visa import BENEFIT_KEYS
from visarules.errors import InputError
from visarules.io import Limits, ProfileInput
from visarules.profile import Profile

ROWS = ("status", *BENEFIT_KEYS, "costs", "selection")
STATUS_ORDER = {"eligible": 0, "undetermined": 1, "not_eligible": 2}
# The properties the chart shows, a person's first questions.
CHART_ROWS = (
    "status",
    "needs_employer",
    "self_petition",
    "work",
    "validity",
    "permanent_residence",
    "family",
    "quota",
    "selection",
    "costs",
)


def compare(
    profile: Profile | ProfileInput | Mapping[str, Any],
    *,
    countries: str | Iterable[str] | None = None,
    as_of: str | date | None = None,
    visas: Iterable[str] | None = None,
    assume: Mapping[str, str] | None = None,
    context: bool = False,
    resolvers: Resolvers | None = None,
    limits: Limits | None = None,
) -> dict[str, Any]:
    """The check object for every visa of the countries asked (visa-free schemes aside),
    ordered by country then status, with ``table`` (field → visa → text)."""
    chosen = api.countries_of(countries)
    ctx = api.context(as_of, assume)
    codes = list(visas or ()) or [
        v.code for v in api.select_visas(None, ctx, chosen) if v.kind == "visa"
    ]
    result = api.check(
        profile, as_of=as_of, visas=codes, assume=assume, resolvers=resolvers, limits=limits
    )
    order = {c: i for i, c in enumerate(chosen)}
    result["results"].sort(
        key=lambda r: (order.get(r["visa"][:2], 99), STATUS_ORDER[r["status"]], r["visa"])
    )
    result["countries"] = list(chosen)
    result["table"] = table_of(result["results"])
    if context:
        result["context"] = context_for(chosen, [r["visa"] for r in result["results"]])
    return result


def table_of(results: Sequence[Mapping[str, Any]]) -> dict[str, dict[str, str]]:
    """Field → visa → the cell's text, for these results in their order."""
    return {row: {r["visa"]: cell(r, row) for r in results} for row in ROWS}


def cell(result: Mapping[str, Any], row: str) -> str:
    """One cell of the table, as text a person reads."""
    if row == "status":
        return str(result["status"]).replace("_", " ")
    if row == "costs":
        parts = [
            f"{c['currency']} {c['amount']:,}: {c['status'].replace('_', ' ')}"
            for c in result["costs"]
            if c["amount"] is not None
        ]
        return "; ".join(parts) if parts else "none"
    if row == "selection":
        sel = result.get("selection")
        if not sel:
            return "none"
        if sel["cap_subject"] is False:
            return "cap-exempt: no selection"
        chance = f"{sel['chance']:.1%}" if sel["chance"] is not None else "unknown (wage level?)"
        return f"{sel['process']} selection, estimated chance {chance}"
    benefit = result["benefits"][row]
    value = benefit["value"]
    if value is None:
        return "not found" if benefit["source"] is None else "no official figure"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, list):
        return "; ".join(map(str, value))
    return str(value).replace("_", " ")  # a token such as spouse_and_minor_children


def frame(result: Mapping[str, Any]) -> pl.DataFrame:
    """The comparison as a DataFrame: a ``field`` column, then one column per visa."""
    table = result["table"]
    visas = [r["visa"] for r in result["results"]]
    return pl.DataFrame(
        {"field": list(ROWS), **{v: [table[row][v] for row in ROWS] for v in visas}},
        schema={"field": pl.String, **{v: pl.String for v in visas}},
    )


def context_for(countries: Sequence[str], visas: Sequence[str]) -> list[dict[str, Any]]:
    """The seeded figures about these countries' visas, each with its sources."""
    text = resources.files("visarules.data").joinpath("context.yaml").read_text("utf-8")
    items: list[dict[str, Any]] = yamldata.load(text)
    return [
        {**item, "as_of": str(item["as_of"])}
        for item in items
        if set(item["countries"]) & set(countries) and set(item["visas"]) & set(visas)
    ]


# --- the chart -------------------------------------------------------------------------------

_STATUS_COLOUR = {"eligible": "#2e7d32", "undetermined": "#f9a825", "not eligible": "#c62828"}
_TINT = {"eligible": "#e8f5e9", "undetermined": "#fff8e1", "not eligible": "#ffebee"}


def chart(result: Mapping[str, Any], path: str | Path) -> Path:
    """A matrix of visas × key properties, each visa's row tinted by its status (SVG or PNG by
    the file's extension), written atomically."""
    target = Path(path)
    kind = target.suffix.lower().lstrip(".")
    if kind not in ("svg", "png"):
        raise InputError("--chart", f"{target.name}: expected a .svg or .png file")
    import matplotlib  # loaded only when a chart is drawn

    matplotlib.use("Agg")
    matplotlib.rcParams["svg.hashsalt"] = "visarules"  # stable ids: the same chart, same bytes
    import matplotlib.pyplot as plt
    from matplotlib.patches import Rectangle

    table = result["table"]
    visas = [r["visa"] for r in result["results"]]
    cols = CHART_ROWS
    width = [1.3 if c != "status" else 1.0 for c in cols]
    fig_w, fig_h = 2.0 + sum(width) * 1.25, 1.2 + 0.42 * len(visas)
    fig, ax = plt.subplots(figsize=(fig_w, fig_h))
    ax.set_xlim(0, sum(width) + 1.6)
    ax.set_ylim(len(visas), -1)
    ax.axis("off")
    lefts = [1.6 + sum(width[:i]) for i in range(len(cols))]
    for x, col, w in zip(lefts, cols, width, strict=True):
        ax.text(
            x + w / 2,
            -0.5,
            col.replace("_", " "),
            ha="center",
            va="center",
            fontsize=8,
            fontweight="bold",
            wrap=True,
        )
    for y, visa in enumerate(visas):
        status = table["status"][visa]
        ax.add_patch(Rectangle((0, y), sum(width) + 1.6, 1, color=_TINT[status], lw=0))
        ax.text(0.05, y + 0.5, visa, va="center", fontsize=8, fontweight="bold")
        for x, col, w in zip(lefts, cols, width, strict=True):
            text = table[col][visa]
            if col == "status":
                ax.add_patch(
                    Rectangle(
                        (x + 0.05, y + 0.15), w - 0.1, 0.7, color=_STATUS_COLOUR[status], lw=0
                    )
                )
                ax.text(
                    x + w / 2,
                    y + 0.5,
                    text,
                    ha="center",
                    va="center",
                    fontsize=7,
                    color="white",
                    fontweight="bold",
                )
                continue
            lines = textwrap.wrap(text, 22, max_lines=2, placeholder="…")
            ax.text(x + w / 2, y + 0.5, "\n".join(lines), ha="center", va="center", fontsize=6)
    ax.set_title(f"Visas compared on {result['as_of']} (row colour = status)", fontsize=10)
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(f".{target.name}.partial")
    fig.savefig(partial, format=kind, bbox_inches="tight", dpi=150, metadata=_metadata(kind))
    plt.close(fig)
    partial.replace(target)
    return target


def _metadata(kind: str) -> dict[str, Any]:
    """No creation date in the file: the same comparison draws the same bytes."""
    return {"Date": None} if kind == "svg" else {}
