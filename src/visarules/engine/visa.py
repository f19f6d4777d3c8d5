"""A visa: who it is for, the tree of its conditions, what it gives, and when it exists."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from typing import Any, Literal

import polars as pl

from visarules.engine.citations import Citation, Source
from visarules.engine.context import Context
from visarules.engine.nodes import AllOf, Criterion, Node

# The one set of attributes every visa of every country describes, so that visas compare in one
# table (``compare``). A visa declares some with ``benefits``; the rest are read from the
# parameter ``<country>.benefit.<key>.<code>``; one with neither says no source was found.
BENEFIT_KEYS = (
    "needs_employer",
    "needs_inviter",
    "self_petition",
    "work",
    "activities",
    "entries",
    "validity",
    "stay_per_entry",
    "extension",
    "residence_permit",
    "permanent_residence",
    "family",
    "quota",
    "fees",
    "processing",
)
NOT_FOUND = "No official source found by visarules for this attribute"

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
        return described(value, text, dated.since, dated.citations, ctx.as_of)


def described(
    value: Any, text: str, since: date, citations: Sequence[Citation], as_of: date
) -> dict[str, Any]:
    """One benefit as results show it, with the strongest authority behind it."""
    return {
        "value": value,
        "text": text,
        "source": min((c.kind for c in citations), key=_AUTHORITY.__getitem__),
        "since": since.isoformat(),
        "citations": [c.render(as_of) for c in citations],
    }


def benefit_parameter(visa_code: str, key: str) -> str:
    """The parameter a visa's benefit is read from when the visa module does not name one."""
    return f"{visa_code[:2].lower()}.benefit.{key}.{visa_code.lower()}"


@dataclass(frozen=True)
class Cost:
    """A fee or special payment that applies to some cases: ``due`` is a tree like a visa's
    conditions (true = due, false = not due, unknown = the facts or the law do not say), and
    ``amount`` a dated parameter ``{amount, currency}``."""

    id: str
    amount: str
    due: Node
    # Said when the tree is unknown although no fact is missing (the law after a known end).
    unknown_law: str | None = None


@dataclass(frozen=True)
class Document:
    """Paperwork anyone can assemble; listed, never a reason for 'undetermined'."""

    text: str
    citation: Citation


# Warnings a visa adds to one person's result, from the as-of date and the person's facts
# (a window that ended or may have ended, law not encoded on that date): ``{kind, text}``.
Advisories = Callable[[Context, Mapping[str, Any]], list[dict[str, str]]]
# Benefits that depend on the person (the agreement of their nationality sets the stay):
# entries like ``Benefit.on``'s, overriding the visa's general ones.
Terms = Callable[[Context, Mapping[str, Any]], dict[str, dict[str, Any]]]


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
    advisories: Advisories | None = None
    terms: Terms | None = None
    # Trees explained beside the conditions, not part of them: how a person without a required
    # document could obtain it (the R visa's letter is issued on meeting Category A).
    related: tuple[Node, ...] = ()
    costs: tuple[Cost, ...] = ()
    # Facts reported beside the status, never folded into it (the H-1B selection chance), and
    # the named assumptions they consult.
    beside: Terms | None = None
    beside_assumptions: tuple[str, ...] = ()
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
    def trees(self) -> tuple[Node, ...]:
        """Every tree the visa evaluates: its conditions, those beside them, its costs."""
        return (self.root, *self.related, *(cost.due for cost in self.costs))

    @cached_property
    def assumptions(self) -> tuple[str, ...]:
        names: list[str] = list(self.beside_assumptions)
        for node in (n for tree in self.trees for n in tree.walk()):
            if isinstance(node, Criterion):
                names.extend(a for a in node.assumptions if a not in names)
        return tuple(names)

    def warnings_for(self, ctx: Context, facts: Mapping[str, Any]) -> list[dict[str, str]]:
        return self.advisories(ctx, facts) if self.advisories else []

    def benefits_on(self, ctx: Context) -> dict[str, Any]:
        """Every attribute of BENEFIT_KEYS on the as-of date, in that order."""
        declared = {b.key: b for b in self.benefits}
        out: dict[str, Any] = {}
        for key in BENEFIT_KEYS:
            benefit = declared.get(key) or Benefit(key, benefit_parameter(self.code, key))
            entry = benefit.on(ctx) if benefit.parameter in ctx.parameters else None
            out[key] = entry or {
                "value": None,
                "text": NOT_FOUND,
                "source": None,
                "since": None,
                "citations": [],
            }
        return out

    def benefits_for(
        self, ctx: Context, facts: Mapping[str, Any], general: dict[str, Any] | None = None
    ) -> dict[str, Any]:
        """The benefits on the as-of date (``general``: ``benefits_on(ctx)`` computed already),
        with those the person's facts settle filled in."""
        personal = self.terms(ctx, facts) if self.terms else {}
        for key in personal:
            if key not in BENEFIT_KEYS:
                raise ValueError(f"{self.code}: benefit key {key!r} is not one of {BENEFIT_KEYS}")
        return {**(general if general is not None else self.benefits_on(ctx)), **personal}
