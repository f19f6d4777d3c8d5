"""What the US rules share: the statute and regulations they cite, the employer's petition,
and evidence criteria read from ``evidence.yaml`` (the lists of 8 CFR 214.2(o) and 204.5).

In the US a visa category is reached through a petition (Form I-129 for H-1B and O-1, Form
I-140 for the immigrant categories) filed by an employer, an agent or, where the law allows,
the person; USCIS decides it, then a consulate issues the visa or USCIS changes the status.
"Eligible" here means the petition's criteria are met on the facts given. Where the law counts
evidence ("at least 3 of 8"), the count is necessary, not sufficient: USCIS then weighs the
evidence as a whole (the "final merits determination"), which no rule can decide.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from importlib import resources
from typing import Any

import polars as pl

from visarules import facts, yamldata
from visarules.engine.citations import Citation, cite
from visarules.engine.facts import Fact
from visarules.engine.jurisdiction import load_jurisdiction
from visarules.engine.nodes import AtLeast, Criterion, Node
from visarules.facts import EDU_COMPLETED, EDU_LEVEL, OFFER_US

JURISDICTION = load_jurisdiction(resources.files(__package__).joinpath("jurisdiction.yaml"))
IMMACT90_IN_FORCE = date(1991, 10, 1)

MERITS_NOTE = (
    "Meeting the evidence criteria is necessary, not sufficient: USCIS then weighs the evidence "
    "as a whole in a final merits determination. visarules reports the criteria, never an "
    "approval."
)

FACTS_BY_NAME: dict[str, Fact] = {
    value.name: value for value in vars(facts).values() if isinstance(value, Fact)
}


def ina(section: str, excerpt: str | None = None) -> Citation:
    return cite("INA", section, excerpt=excerpt)


def cfr_214(paragraph: str, excerpt: str | None = None) -> Citation:
    return cite("8CFR214.2", paragraph, excerpt=excerpt)


def cfr_204(paragraph: str, excerpt: str | None = None) -> Citation:
    return cite("8CFR204.5", paragraph, excerpt=excerpt)


def us_offer(prefix: str, text: str, citation: Citation, since: date) -> Criterion:
    """A job offered by an employer in the US, whose petition it will be."""
    return Criterion(
        id=f"{prefix}.us_offer",
        text=text,
        formula=lambda ctx: pl.col(OFFER_US.name),
        reads=(OFFER_US,),
        since=since,
        citations=(citation,),
    )


def awarded_degree(
    prefix: str, level: int, citation: Citation, since: date
) -> tuple[Criterion, Criterion]:
    """A degree item's two usual conditions: at ISCED ``level`` or above, and awarded."""
    names = {6: "Bachelor's degree or higher", 7: "Master's degree or higher"}
    return (
        Criterion(
            id=f"{prefix}.level",
            text=f"{names.get(level, 'A degree')} (ISCED level {level} or above)",
            formula=lambda ctx: pl.col(EDU_LEVEL.name) >= level,
            reads=(EDU_LEVEL,),
            since=since,
            citations=(citation,),
        ),
        Criterion(
            id=f"{prefix}.completed",
            text="Awarded by the as-of date",
            formula=lambda ctx: pl.col(EDU_COMPLETED.name),
            reads=(EDU_COMPLETED,),
            since=since,
            citations=(citation,),
        ),
    )


def _holds(fact: Fact) -> pl.Expr:
    """A fact as "this piece of evidence exists": a count of at least one, or the flag."""
    column = pl.col(fact.name)
    return column >= 1 if fact.dtype == pl.Int64 else column


def _evidence_criterion(prefix: str, raw: dict[str, Any], since: date) -> Criterion:
    reads = tuple(FACTS_BY_NAME[name] for name in raw["facts"])
    held = [_holds(fact) for fact in reads]
    return Criterion(
        id=f"{prefix}.{raw['id']}",
        text=raw["text"],
        formula=lambda ctx: pl.any_horizontal(held) if len(held) > 1 else held[0],
        reads=reads,
        since=since,
        citations=(cite(raw["instrument"], raw["clause"], excerpt=raw.get("excerpt")),),
    )


def evidence(prefix: str, since: date) -> Node:
    """The "at least N of these" evidence list of a category, from evidence.yaml."""
    spec = _EVIDENCE[prefix]
    items: Sequence[Criterion] = tuple(
        _evidence_criterion(prefix, raw, since) for raw in spec["criteria"]
    )
    return AtLeast(
        id=f"{prefix}.criteria",
        text=spec["text"],
        n=spec["at_least"],
        nodes=tuple(items),
        citations=(cite(spec["instrument"], spec["clause"], excerpt=spec.get("excerpt")),),
    )


_EVIDENCE: dict[str, Any] = yamldata.load(
    resources.files(__package__).joinpath("evidence.yaml").read_text("utf-8")
)
