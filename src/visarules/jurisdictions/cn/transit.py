"""240-hour visa-free transit (240小时过境免签). In force from 17 Dec 2024.

EEAL Art. 22(3):
    外国人有下列情形之一的，可以免办签证：……（三）持联程客票搭乘国际航行的航空器、船舶、列车从中国
    过境前往第三国或者地区，在中国境内停留不超过二十四小时且不离开口岸，或者在国务院批准的特定区域内
    停留不超过规定时限的；
NIA's announcement of 17 Dec 2024 set the time (240 hours), the nationalities (54, then 55 with
Indonesia, 57 with Kyrgyzstan and Viet Nam), the designated ports of entry and exit (60, then 65)
and the permitted areas (24 provincial-level regions, some only in part). All of it is dated data
in transit.yaml; a port or place the resolvers cannot read leaves the scheme undetermined, never
refused.
"""

from __future__ import annotations

from datetime import date
from functools import cache
from typing import Any

import polars as pl

from visarules.engine.citations import parse_reference
from visarules.engine.context import Context
from visarules.engine.facts import Fact
from visarules.engine.nodes import AllOf, Criterion
from visarules.engine.parameters import Membership, parse_members
from visarules.engine.visa import Document, Visa
from visarules.facts import (
    ARRIVING_FROM,
    ENTRY_PORT,
    EXIT_PORT,
    ONWARD_TICKET,
    ONWARD_TO,
    PURPOSE,
    STAY_DAYS,
    TRANSIT_PLACES,
    UNKNOWN_PLACE,
)
from visarules.jurisdictions.cn.common import FOREIGN_NATIONAL, with_narrower
from visarules.jurisdictions.cn.visa_free import (
    dated,
    eeal_art_22,
    load_data,
    nationality,
    param_criterion,
    stay_terms,
    window_advisories,
)
from visarules.resolve.places import city_key, places

PARAMETERS = None
_DATA: dict[str, Any] = load_data("transit.yaml")["transit_240_hour"]
SINCE = date(2024, 12, 17)

HOURS = dated("cn.transit_240.max_stay_hours", _DATA["max_stay_hours"], "Longest stay (hours)")
PURPOSES_REF = parse_reference(_DATA["allowed_purposes_reference"])
ANNOUNCEMENT = HOURS.values[0].citations[0]


@cache
def members() -> tuple[Membership, ...]:
    return parse_members(_DATA["members"], "transit_240_hour.members")


@cache
def _ports() -> tuple[Membership, ...]:
    """Designated ports as dated memberships, by port id."""
    return tuple(
        Membership(
            code=p["id"],
            since=date.fromisoformat(str(p["since"])),
            until=date.fromisoformat(str(p["until"])) if p.get("until") else None,
            citation=parse_reference(p["reference"]),
        )
        for p in _DATA["ports"]
    )


def designated_ports(as_of: date) -> list[str]:
    return [p.code for p in _ports() if p.covers(as_of)]


def _all_designated(fact: Fact) -> Any:
    """Every port the text may mean is designated (true), none is (false), or some are."""

    def formula(ctx: Context) -> pl.Expr:
        candidates = pl.col(fact.name)
        designated = candidates.list.eval(pl.element().is_in(designated_ports(ctx.as_of)))
        count = designated.list.sum()
        return (
            pl.when(count == candidates.list.len())
            .then(pl.lit(True))
            .when(count == 0)
            .then(pl.lit(False))
            .otherwise(pl.lit(None, dtype=pl.Boolean))
        )

    return formula


def place_states(as_of: date) -> dict[str, bool | None]:
    """Each known place's standing on the date: permitted, not permitted, or only in part (a
    region of which only some cities are permitted)."""
    permitted: dict[str, bool | None] = {}
    for region in _DATA["regions"]:
        since = date.fromisoformat(str(region["since"]))
        until = date.fromisoformat(str(region["until"])) if region.get("until") else None
        if not (since <= as_of and (until is None or as_of <= until)):
            continue
        code = region["region"]
        if region["area"] == "whole":
            permitted[code] = True
            continue
        permitted[code] = None
        for city in region["area"]:
            key = city_key(code, city["name_zh"])
            if key is None:
                raise ValueError(f"transit.yaml: {city['name_zh']} ({code}) is not a known city")
            permitted[key] = True
    states: dict[str, bool | None] = {}
    for key, place in places().places.items():
        if key in permitted:
            states[key] = permitted[key]
        elif place.region in permitted:  # a city: its whole region, or not among those listed
            states[key] = bool(permitted[place.region])
        else:
            states[key] = False
    return states


def _places_permitted(ctx: Context) -> pl.Expr:
    states = place_states(ctx.as_of)
    permitted = [key for key, state in states.items() if state is True]
    refused = [key for key, state in states.items() if state is False]
    places_ = pl.col(TRANSIT_PLACES.name)
    # one place outside the areas refuses the trip; all inside clear it; else (a province only
    # partly permitted, a place not read) it stays open
    return (
        pl.when(places_.list.eval(pl.element().is_in(refused)).list.any())
        .then(pl.lit(False))
        .when(places_.list.eval(pl.element().is_in(permitted)).list.all())
        .then(pl.lit(True))
        .otherwise(pl.lit(None, dtype=pl.Boolean))
    )


_PORT_CITATIONS = tuple(dict.fromkeys(p.citation for p in _ports()))
_REGION_CITATIONS = tuple(dict.fromkeys(parse_reference(r["reference"]) for r in _DATA["regions"]))


def _port_criterion(node_id: str, text: str, fact: Fact) -> Criterion:
    return Criterion(
        id=node_id,
        text=text,
        formula=_all_designated(fact),
        reads=(fact,),
        since=SINCE,
        citations=(eeal_art_22(3), *_PORT_CITATIONS),
    )


TRANSIT = Visa(
    code="CN-TRANSIT-240",
    country="CN",
    kind="visa_exemption",
    name="240-hour visa-free transit",
    name_zh="240小时过境免签",
    summary="Nationals of the listed countries travelling through China to a third country may "
    "stay up to 240 hours in the permitted regions without a visa, entering and leaving through "
    "designated ports.",
    requires="A confirmed onward ticket to a third country or region",
    since=SINCE,
    established_by=eeal_art_22(3),
    conditions=AllOf(
        id="cn.transit_240.conditions",
        text="In transit to a third country, for at most 240 hours, through designated ports and "
        "within the permitted areas",
        nodes=(
            FOREIGN_NATIONAL,
            nationality(
                "cn.transit_240.nationality",
                "Holds the nationality of a country eligible on the as-of date",
                members,
                eeal_art_22(3),
            ),
            Criterion(
                id="cn.transit_240.purpose",
                text="Tourism, business, visits or family visits while in transit (no work, study "
                "or journalism)",
                formula=lambda ctx: pl.col(PURPOSE.name).is_in(
                    with_narrower(_DATA["allowed_purposes"])
                ),
                reads=(PURPOSE,),
                since=SINCE,
                citations=(PURPOSES_REF,),
            ),
            param_criterion(
                "cn.transit_240.stay",
                "The stay is at most 240 hours (10 days)",
                HOURS,
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
                since=SINCE,
                citations=(eeal_art_22(3), ANNOUNCEMENT),
            ),
            _port_criterion(
                "cn.transit_240.entry_port",
                "Enters through a port designated for the scheme on the as-of date",
                ENTRY_PORT,
            ),
            _port_criterion(
                "cn.transit_240.exit_port",
                "Leaves through a port designated for the scheme on the as-of date",
                EXIT_PORT,
            ),
            Criterion(
                id="cn.transit_240.regions",
                text="Stays only within the permitted areas (24 provincial-level regions, some of "
                "them only in the listed cities)",
                formula=_places_permitted,
                reads=(TRANSIT_PLACES,),
                since=SINCE,
                citations=(eeal_art_22(3), *_REGION_CITATIONS),
            ),
        ),
    ),
    documents=(
        Document("A valid passport or other international travel document", ANNOUNCEMENT),
        Document("The onward ticket, with a fixed date and seat", ANNOUNCEMENT),
    ),
    notes=(
        f"Unrecognised ports or places leave the scheme undetermined; `{UNKNOWN_PLACE}` marks a "
        "place in plan.regions that could not be read.",
        "The five Guangdong ports added on 2025-11-05 were announced as ports of entry; whether "
        "they also serve for exit is not confirmed.",
    ),
    advisories=window_advisories("240-hour visa-free transit", members),
    terms=stay_terms(HOURS, "Up to {value} hours from entry, within the permitted areas"),
)

VISAS = (TRANSIT,)
