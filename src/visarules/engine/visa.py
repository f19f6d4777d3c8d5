"""A visa: who it is for, the tree of its conditions, what it gives, and when it exists."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any, Literal

import polars as pl

from visarules.engine.citations import Citation, Source
from visarules.engine.context import Context
from visarules.engine.nodes import AllOf, Criterion, Node

# The uniform attribute set every visa describes, so that visas compare in one table.
BENEFIT_KEYS = (
    "entries",
    "validity",
    "stay_per_entry",
    "residence_permit",
    "work",
    "activities",
    "fees",
    "family",
    "extension",
)

_AUTHORITY: dict[Source, int] = {
    "law": 0,
    "policy": 1,
    "official_statement": 2,
    "secondary": 3,
    "practice": 4,
}


@dataclass(frozen=True)
class Benefit:
    """What the visa gives on one attribute, read from a dated parameter.

    ``text`` may use ``{value}``; without it the parameter value's note is the text.
    A value of null means no official figure is published.
    """

    key: str
    parameter: str
    text: str | None = None

    def __post_init__(self) -> None:
        if self.key not in BENEFIT_KEYS:
            raise ValueError(f"benefit key {self.key!r} is not one of {BENEFIT_KEYS}")

    def on(self, ctx: Context) -> dict[str, Any] | None:
        dated = ctx.dated(self.parameter)
        if dated is None:
            return None
        value = dated.value
        shown = "; ".join(map(str, value)) if isinstance(value, list) else value
        if self.text and value is not None:
            text = self.text.format(value=shown)
        else:
            text = dated.note or (str(shown) if value is not None else "No official figure")
        source = min((c.kind for c in dated.citations), key=_AUTHORITY.__getitem__)
        return {
            "value": value,
            "text": text,
            "source": source,
            "since": dated.since.isoformat(),
            "citations": [c.render(ctx.as_of) for c in dated.citations],
        }


@dataclass(frozen=True)
class Document:
    """Paperwork anyone can assemble; listed, never a reason for 'undetermined'."""

    text: str
    citation: Citation


@dataclass(frozen=True, kw_only=True)
class Visa:
    code: str  # "CN-K"
    country: str  # ISO 3166-1 alpha-2 of the destination
    name: str
    name_zh: str | None = None
    kind: Literal["visa", "visa_exemption"] = "visa"
    summary: str  # who it is for, in plain words
    requires: str  # the substantive document or status the law asks for
    conditions: Node
    since: date
    until: date | None = None
    established_by: Citation
    benefits: tuple[Benefit, ...] = ()
    documents: tuple[Document, ...] = ()
    notes: tuple[str, ...] = ()
    root: Node = field(init=False)

    def __post_init__(self) -> None:
        in_force = Criterion(
            id=f"{self.code.lower()}:in_force",
            text=f"The {self.code} category exists on the as-of date"
            + (f" (from {self.since.isoformat()})" if self.since else ""),
            formula=self._in_force,
            since=self.since,
            timeless=True,
            citations=(self.established_by,),
        )
        root = AllOf(
            id=self.code.lower(),
            text=f"{self.name}: every condition holds",
            nodes=(in_force, self.conditions),
            citations=(self.established_by,),
        )
        object.__setattr__(self, "root", root)

    def _in_force(self, ctx: Context) -> pl.Expr:
        return pl.lit(self.in_force_on(ctx.as_of))

    def in_force_on(self, as_of: date) -> bool:
        return self.since <= as_of and (self.until is None or as_of <= self.until)

    @property
    def assumptions(self) -> tuple[str, ...]:
        names: list[str] = []
        for node in self.root.walk():
            if isinstance(node, Criterion):
                names.extend(a for a in node.assumptions if a not in names)
        return tuple(names)

    def benefits_on(self, ctx: Context) -> dict[str, Any]:
        out = {}
        for benefit in self.benefits:
            described = benefit.on(ctx)
            if described is not None:
                out[benefit.key] = described
        return out
