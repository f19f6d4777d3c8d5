"""Visa-free entry that makes a visa unnecessary for a trip to China.

EEAL Art. 22 lets foreigners enter without a visa under mutual-exemption agreements,
in transit within areas the State Council approves, and "in other cases the State
Council sets". Two such schemes are encoded, with every country's dated window
(visa_free.yaml, researched in RESEARCH_NOTES.md):
- the unilateral visa-free policy (单方面免签): 15 days, then 30 days from 30 Nov 2024;
- 240-hour visa-free transit (过境免签) from 17 Dec 2024, onward to a third country.
Not encoded: mutual-exemption agreements (e.g. Singapore, Thailand, Malaysia), the
port and province restrictions of the transit scheme, passport-validity rules.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from functools import cache
from importlib import resources
from typing import Any

import polars as pl
import yaml

from visarules.engine.citations import Citation, cite, parse_reference
from visarules.engine.context import Context
from visarules.engine.facts import Fact
from visarules.engine.nodes import AllOf, Criterion
from visarules.engine.parameters import Membership, Parameter, parse_members, parse_parameter
from visarules.engine.visa import Visa
from visarules.facts import ARRIVING_FROM, CITIZENSHIP, ONWARD_TICKET, ONWARD_TO, PURPOSE, STAY_DAYS
from visarules.jurisdictions.cn.common import FOREIGN_NATIONAL, with_narrower

PARAMETERS = None

EEAL_ART_22 = cite(
    "EEAL",
    "Art. 22",
    excerpt="外国人有下列情形之一的，可以免办签证：……（三）持联程客票搭乘国际航行的航空器、船舶、列车从"
    "中国过境前往第三国或者地区，在中国境内停留不超过二十四小时且不离开口岸，或者在国务院批准的特定区域内"
    "停留不超过规定时限的；（四）国务院规定的可以免办签证的其他情形。",
    translation="Foreigners need no visa when ... (3) transiting China to a third country with an "
    "onward ticket, within the time and area the State Council approves; (4) in other cases the "
    "State Council sets.",
)


@cache
def _schemes() -> dict[str, Any]:
    text = resources.files(__package__).joinpath("visa_free.yaml").read_text("utf-8")
    raw: dict[str, Any] = yaml.safe_load(text)
    return raw


def _members(scheme: str) -> tuple[Membership, ...]:
    return parse_members(_schemes()[scheme]["members"], f"{scheme}.members")


def members_on(scheme: str, as_of: date) -> list[Membership]:
    return [m for m in _members(scheme) if m.covers(as_of)]


def _nationality(scheme: str, node_id: str, text: str) -> Criterion:
    def formula(ctx: Context) -> pl.Expr:
        codes = [m.code for m in members_on(scheme, ctx.as_of)]
        return pl.col(CITIZENSHIP.name).list.eval(pl.element().is_in(codes)).list.any()

    citations: tuple[Citation, ...] = tuple(dict.fromkeys(m.citation for m in _members(scheme)))
    return Criterion(
        id=node_id,
        text=text,
        formula=formula,
        reads=(CITIZENSHIP,),
        since=min(m.since for m in _members(scheme)),
        citations=(EEAL_ART_22, *citations),
    )


def _dated(scheme: str, key: str) -> Parameter:
    return parse_parameter(
        f"cn.{scheme}.{key}", {"description": key, "values": _schemes()[scheme][key]}
    )


UNILATERAL_STAY = _dated("unilateral_30_day", "max_stay_days")
UNILATERAL_PURPOSES = _dated("unilateral_30_day", "allowed_purposes_history")
TRANSIT_HOURS = _dated("transit_240_hour", "max_stay_hours")
TRANSIT_PURPOSES_REF = parse_reference(_schemes()["transit_240_hour"]["allowed_purposes_reference"])


def _param_criterion(
    node_id: str,
    text: str,
    parameter: Parameter,
    build: Callable[[Any], pl.Expr],
    reads: tuple[Fact, ...],
) -> Criterion:
    def formula(ctx: Context) -> pl.Expr:
        dated = parameter.at(ctx.as_of)
        return pl.lit(None, dtype=pl.Boolean) if dated is None else build(dated.value)

    return Criterion(
        id=node_id,
        text=text,
        formula=formula,
        reads=reads,
        since=parameter.values[0].since,
        citations=tuple(c for v in parameter.values for c in v.citations),
    )


UNILATERAL = Visa(
    code="CN-VISA-FREE-30",
    country="CN",
    kind="visa_exemption",
    name="Unilateral visa-free entry (up to 30 days)",
    name_zh="单方面免签",
    summary="Ordinary-passport holders of the listed countries may enter without a visa for "
    "business, tourism, visiting relatives or friends, exchanges and transit.",
    requires="An ordinary passport of a listed country",
    since=min(m.since for m in _members("unilateral_30_day")),
    established_by=EEAL_ART_22,
    conditions=AllOf(
        id="cn.visa_free_30.conditions",
        text="A national of a listed country, on a short trip for an allowed purpose",
        nodes=(
            FOREIGN_NATIONAL,
            _nationality(
                "unilateral_30_day",
                "cn.visa_free_30.nationality",
                "Holds the nationality of a country on the list on the as-of date",
            ),
            _param_criterion(
                "cn.visa_free_30.purpose",
                "The trip is for business, tourism, visiting relatives or friends, exchanges or "
                "transit (no work, study or journalism)",
                UNILATERAL_PURPOSES,
                lambda purposes: pl.col(PURPOSE.name).is_in(with_narrower(purposes)),
                (PURPOSE,),
            ),
            _param_criterion(
                "cn.visa_free_30.stay",
                "The stay is within the visa-free limit (15 days, 30 days from 30 Nov 2024)",
                UNILATERAL_STAY,
                lambda days: pl.col(STAY_DAYS.name) <= days,
                (STAY_DAYS,),
            ),
        ),
    ),
    notes=("Work, study and journalism are not covered; they need the matching visa.",),
)

TRANSIT = Visa(
    code="CN-TRANSIT-240",
    country="CN",
    kind="visa_exemption",
    name="240-hour visa-free transit",
    name_zh="240小时过境免签",
    summary="Nationals of the listed countries travelling through China to a third country may "
    "stay up to 240 hours in the permitted regions without a visa.",
    requires="A confirmed onward ticket to a third country or region",
    since=TRANSIT_HOURS.values[0].since,
    established_by=EEAL_ART_22,
    conditions=AllOf(
        id="cn.transit_240.conditions",
        text="In transit to a third country, for at most 240 hours",
        nodes=(
            FOREIGN_NATIONAL,
            _nationality(
                "transit_240_hour",
                "cn.transit_240.nationality",
                "Holds the nationality of a country eligible on the as-of date",
            ),
            Criterion(
                id="cn.transit_240.purpose",
                text="Tourism, business, visits or family visits while in transit (no work, study "
                "or journalism)",
                formula=lambda ctx: pl.col(PURPOSE.name).is_in(
                    with_narrower(_schemes()["transit_240_hour"]["allowed_purposes"])
                ),
                reads=(PURPOSE,),
                since=TRANSIT_HOURS.values[0].since,
                citations=(TRANSIT_PURPOSES_REF,),
            ),
            _param_criterion(
                "cn.transit_240.stay",
                "The stay is at most 240 hours (10 days)",
                TRANSIT_HOURS,
                lambda hours: pl.col(STAY_DAYS.name) * 24 <= hours,
                (STAY_DAYS,),
            ),
            Criterion(
                id="cn.transit_240.onward",
                text="Holds a confirmed onward ticket to a third country or region (not back to "
                "where the trip came from)",
                formula=lambda ctx: (
                    pl.col(ONWARD_TICKET.name)
                    & (pl.col(ONWARD_TO.name) != pl.col(ARRIVING_FROM.name))
                    & (pl.col(ONWARD_TO.name) != "CN")
                ),
                reads=(ONWARD_TICKET, ONWARD_TO, ARRIVING_FROM),
                since=TRANSIT_HOURS.values[0].since,
                citations=(EEAL_ART_22, TRANSIT_HOURS.values[0].citations[0]),
            ),
        ),
    ),
    notes=(
        "Entry and exit through designated ports; stay only within the permitted provincial-level "
        "regions (not modelled).",
    ),
)

VISAS = (UNILATERAL, TRANSIT)
