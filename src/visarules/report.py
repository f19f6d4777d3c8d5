"""The summary of a screen: counts by visa and status, by nationality, by institution tier, how
many rows an alternative assumption would change, and a bar chart; Markdown or HTML.
"""

from __future__ import annotations

import html
import os
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import polars as pl

from visarules.engine.visa import Visa
from visarules.errors import InputError

ORDER = ("eligible", "not_eligible", "undetermined")
COLOURS = {"eligible": "#2e7d32", "not_eligible": "#c62828", "undetermined": "#f9a825"}
TOP = 15  # nationalities and tiers listed


def _status_table(counts: pl.DataFrame, visas: Sequence[Visa]) -> list[list[Any]]:
    by = {(v, s): n for v, s, n in counts.iter_rows()}
    return [[visa.code, *(by.get((visa.code, s), 0) for s in ORDER)] for visa in visas]


def _eligible_table(
    frame: pl.DataFrame, key: str, visas: Sequence[Visa]
) -> tuple[list[str], list[list[Any]]]:
    """Rows: the most frequent values of ``key``; columns: eligible / rows for each visa."""
    totals = (
        frame.group_by(key).agg(pl.col("rows").max()).sort(["rows", key], descending=[True, False])
    )
    keys = totals[key].head(TOP).to_list()
    cells = {
        (k, v): (e, r) for k, v, e, r in frame.select(key, "visa", "eligible", "rows").iter_rows()
    }
    rows = []
    for k in keys:
        row: list[Any] = [k]
        for visa in visas:
            eligible, total = cells.get((k, visa.code), (0, 0))
            row.append(f"{eligible:,} / {total:,}")
        rows.append(row)
    return [key, *(v.code for v in visas)], rows


def _chart(rows: list[list[Any]]) -> str:
    """Stacked horizontal bars, one per visa: eligible, not eligible, undetermined."""
    width, bar, gap, label = 640, 18, 6, 170
    height = len(rows) * (bar + gap) + 30
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        'role="img" aria-label="Statuses by visa">'
    ]
    for i, (code, eligible, not_eligible, undetermined) in enumerate(rows):
        total = max(eligible + not_eligible + undetermined, 1)
        y = i * (bar + gap)
        parts.append(f'<text x="0" y="{y + 13}" font-size="12">{html.escape(code)}</text>')
        x = float(label)
        for status, count in zip(
            ("eligible", "not_eligible", "undetermined"),
            (eligible, not_eligible, undetermined),
            strict=True,
        ):
            w = (width - label) * count / total
            parts.append(
                f'<rect x="{x:.1f}" y="{y}" width="{w:.1f}" height="{bar}" fill="{COLOURS[status]}">'
                f"<title>{code} {status}: {count:,}</title></rect>"
            )
            x += w
    legend_y = len(rows) * (bar + gap) + 15
    for j, status in enumerate(COLOURS):
        parts.append(
            f'<rect x="{label + j * 150}" y="{legend_y - 10}" width="12" height="12" fill="{COLOURS[status]}"/>'
            f'<text x="{label + j * 150 + 16}" y="{legend_y}" font-size="12">{status.replace("_", " ")}</text>'
        )
    parts.append("</svg>")
    return "".join(parts)


def _markdown_table(header: Sequence[str], rows: list[list[Any]]) -> str:
    def cell(v: Any) -> str:
        return (f"{v:,}" if isinstance(v, int) else str(v)).replace("|", "\\|")

    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(cell(v) for v in row) + " |" for row in rows]
    return "\n".join(lines)


def _html_table(header: Sequence[str], rows: list[list[Any]]) -> str:
    head = "".join(f"<th>{html.escape(str(h))}</th>" for h in header)
    body = "".join(
        "<tr>"
        + "".join(
            f"<td>{html.escape(f'{v:,}' if isinstance(v, int) else str(v))}</td>" for v in row
        )
        + "</tr>"
        for row in rows
    )
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def render(report: Any, visas: Sequence[Visa], as_of: str, kind: str) -> str:
    """The summary as Markdown (``md``) or HTML (``html``)."""
    sections: list[tuple[str, Sequence[str], list[list[Any]]]] = []
    status_rows = _status_table(report.counts, visas) if report.counts is not None else []
    sections.append(
        ("Statuses by visa", ["visa", "eligible", "not eligible", "undetermined"], status_rows)
    )
    for title, frame, key in (
        ("Eligible by nationality (first listed)", report.by_citizenship, "citizenship"),
        ("Eligible by institution tier (best degree from abroad)", report.by_tier, "tier"),
    ):
        if frame is not None and frame.height:
            header, rows = _eligible_table(frame, key, visas)
            sections.append((title, header, rows))
    if report.changes:
        header = ["assumption", *(v.code for v in visas)]
        rows = [
            [name, *(per.get(v.code, 0) for v in visas)] for name, per in report.changes.items()
        ]
        sections.append(("Rows whose status changes under an alternative assumption", header, rows))
    totals = (
        f"{report.rows_in:,} rows in: {report.rows_out:,} screened, "
        f"{report.rows_in_errors:,} in errors (as of {as_of})."
    )
    if kind == "md":
        parts = ["# Screening summary", "", totals, ""]
        for title, heading, lines in sections:
            parts += [f"## {title}", "", _markdown_table(heading, lines), ""]
        return "\n".join(parts)
    chart = _chart(status_rows)
    parts = [
        '<!doctype html><html lang="en"><head><meta charset="utf-8">'
        "<title>Screening summary</title><style>body{font-family:sans-serif;margin:2em}"
        "table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #ccc;padding:4px 8px;"
        "text-align:right}td:first-child,th:first-child{text-align:left}</style></head><body>",
        "<h1>Screening summary</h1>",
        f"<p>{html.escape(totals)}</p>",
        chart,
    ]
    for title, heading, lines in sections:
        parts += [f"<h2>{html.escape(title)}</h2>", _html_table(heading, lines)]
    parts.append("</body></html>")
    return "\n".join(parts)


def write_summary(report: Any, visas: Sequence[Visa], as_of: str, path: str | Path) -> None:
    target = Path(path)
    kind = {".md": "md", ".html": "html", ".htm": "html"}.get(target.suffix.lower())
    if kind is None:
        raise InputError(str(target), "--summary must end in .md or .html")
    text = render(report, visas, as_of, kind)
    handle, name = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent)
    with os.fdopen(handle, "w", encoding="utf-8") as file:
        file.write(text)
    os.replace(name, target)
