"""Visa-free entry to China: the unilateral 30-day policy, and what every visa-free scheme shares.

EEAL Art. 22 lets a foreigner enter without a visa (1) under a mutual visa-exemption agreement
(mutual.py), (3) in transit within the areas the State Council approves (transit.py), and
(4) in other cases the State Council sets: here, the unilateral visa-free policy (单方面免签),
15 days from 2023, 30 days from 30 Nov 2024, each country in its own dated window
(visa_free.yaml, researched in RESEARCH_NOTES.md).

What the schemes share is here: a nationality that must be on a dated list, the passport the
person travels on, and the warnings when a country's window has ended or may have ended
after visarules last verified the list (the horizon, ``jurisdiction.yaml``).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from functools import cache
from importlib import resources
from typing import Any

import polars as pl

from visarules import yamldata
from visarules.engine.citations import Citation, cite
from visarules.engine.context import Context
from visarules.engine.facts import Fact
from visarules.engine.nodes import AllOf, Criterion
from visarules.engine.parameters import Membership, Parameter, parse_members, parse_parameter
from visarules.engine.visa import Advisories, Document, Terms, Visa, described
from visarules.facts import CITIZENSHIP, PASSPORT, PURPOSE, STAY_DAYS
from visarules.jurisdictions.cn.common import FOREIGN_NATIONAL, JURISDICTION, with_narrower

PARAMETERS = None

_ART_22_ITEMS = {
    1: "（一）根据中国政府与其他国家政府签订的互免签证协议，属于免办签证人员的；",
    3: "（三）持联程客票搭乘国际航行的航空器、船舶、列车从中国过境前往第三国或者地区，在中国境内停留"
    "不超过二十四小时且不离开口岸，或者在国务院批准的特定区域内停留不超过规定时限的；",
    4: "（四）国务院规定的可以免办签证的其他情形。",
}
_ART_22_TRANSLATIONS = {
    1: "A foreigner needs no visa when exempt under a mutual visa-exemption agreement between "
    "the Chinese government and another government.",
    3: "A foreigner needs no visa when transiting China to a third country or region with an "
    "onward ticket and staying within the area the State Council approves for no longer than "
    "the set time.",
    4: "A foreigner needs no visa in other cases the State Council sets.",
}


def eeal_art_22(item: int) -> Citation:
    return cite(
        "EEAL",
        f"Art. 22({item})",
        excerpt="外国人有下列情形之一的，可以免办签证：……" + _ART_22_ITEMS[item],
        translation=_ART_22_TRANSLATIONS[item],
    )


@cache
def load_data(name: str) -> dict[str, Any]:
    """A scheme's data file beside this module."""
    raw: dict[str, Any] = yamldata.load(
        resources.files(__package__).joinpath(name).read_text("utf-8")
    )
    return raw


def dated(name: str, values: list[dict[str, Any]], description: str) -> Parameter:
    return parse_parameter(name, {"description": description, "values": values})


# --- what every scheme shares ------------------------------------------------------------------


def nationality(
    node_id: str, text: str, members: Callable[[], Sequence[Membership]], citation: Citation
) -> Criterion:
    """A nationality whose window is open on the as-of date; unknown while it may have been
    extended after the horizon."""

    def formula(ctx: Context) -> pl.Expr:
        states: dict[str, bool | None] = {}
        for m in members():
            state = m.state_on(ctx.as_of, JURISDICTION.verified_on)
            if state or m.code not in states:
                states[m.code] = state if states.get(m.code) is not True else True
        open_now = [code for code, state in states.items() if state]
        maybe = [code for code, state in states.items() if state is None]
        citizenship = pl.col(CITIZENSHIP.name)
        is_open = citizenship.list.eval(pl.element().is_in(open_now)).list.any()
        may_be = citizenship.list.eval(pl.element().is_in(maybe)).list.any()
        return pl.when(may_be & ~is_open).then(pl.lit(None, dtype=pl.Boolean)).otherwise(is_open)

    listed = members()
    return Criterion(
        id=node_id,
        text=text,
        formula=formula,
        reads=(CITIZENSHIP,),
        since=min(m.since for m in listed),
        citations=(citation, *dict.fromkeys(m.citation for m in listed)),
    )


def window_advisories(scheme: str, members: Callable[[], Sequence[Membership]]) -> Advisories:
    """Say when the person's country has left the list, or may have, on the as-of date."""

    def advise(ctx: Context, facts: Mapping[str, Any]) -> list[dict[str, str]]:
        verified = JURISDICTION.verified_on
        warnings = []
        for code in facts.get(CITIZENSHIP.name) or []:
            windows = [m for m in members() if m.code == code]
            if any(m.covers(ctx.as_of) for m in windows):
                continue
            ended = [m for m in windows if m.until is not None and m.until < ctx.as_of]
            if not ended:
                continue
            last = max(ended, key=lambda m: m.since)
            assert last.until is not None
            if last.until >= verified:
                text = (
                    f"{scheme} for {code} was set to end on {last.until.isoformat()}; "
                    f"visarules has no record after {verified.isoformat()}, so whether it was "
                    "extended is unknown"
                )
                warnings.append({"kind": "window_may_have_ended", "text": text})
            else:
                text = (
                    f"{scheme} for {code} ended on {last.until.isoformat()} "
                    f"(no extension found when last verified, {verified.isoformat()})"
                )
                warnings.append({"kind": "window_ended", "text": text})
        return warnings

    return advise


def passport() -> pl.Expr:
    """The passport travelled on. Absent, it is an ordinary passport: paperwork any national can
    get, listed among the documents, never a reason to ask."""
    return pl.col(PASSPORT.name).fill_null("ordinary")


def param_criterion(
    node_id: str,
    text: str,
    parameter: Parameter,
    build: Callable[[Any], pl.Expr],
    reads: tuple[Fact, ...],
) -> Criterion:
    """A condition whose threshold is a dated parameter of the scheme."""

    def formula(ctx: Context) -> pl.Expr:
        value = parameter.at(ctx.as_of)
        return pl.lit(None, dtype=pl.Boolean) if value is None else build(value.value)

    return Criterion(
        id=node_id,
        text=text,
        formula=formula,
        reads=reads,
        since=parameter.values[0].since,
        citations=tuple(dict.fromkeys(c for v in parameter.values for c in v.citations)),
    )


def stay_terms(parameter: Parameter, text: str) -> Terms:
    """The ``stay_per_entry`` benefit, from the scheme's dated parameter."""

    def terms(ctx: Context, facts: Mapping[str, Any]) -> dict[str, dict[str, Any]]:
        value = parameter.at(ctx.as_of)
        if value is None:
            return {}
        entry = described(
            value.value, text.format(value=value.value), value.since, value.citations, ctx.as_of
        )
        return {"stay_per_entry": entry}

    return terms


# --- the unilateral visa-free policy ----------------------------------------------------------

_UNILATERAL = load_data("visa_free.yaml")["unilateral_30_day"]


@cache
def unilateral_members() -> tuple[Membership, ...]:
    return parse_members(_UNILATERAL["members"], "unilateral_30_day.members")


UNILATERAL_STAY = dated(
    "cn.visa_free_30.max_stay_days", _UNILATERAL["max_stay_days"], "Longest stay (days)"
)
UNILATERAL_PURPOSES = dated(
    "cn.visa_free_30.purposes", _UNILATERAL["allowed_purposes_history"], "Allowed purposes"
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
    since=min(m.since for m in unilateral_members()),
    established_by=eeal_art_22(4),
    conditions=AllOf(
        id="cn.visa_free_30.conditions",
        text="A national of a listed country, on a short trip for an allowed purpose",
        nodes=(
            FOREIGN_NATIONAL,
            nationality(
                "cn.visa_free_30.nationality",
                "Holds the nationality of a country on the list on the as-of date",
                unilateral_members,
                eeal_art_22(4),
            ),
            Criterion(
                id="cn.visa_free_30.passport",
                text="Travels on an ordinary passport (taken as ordinary when not said)",
                formula=lambda ctx: passport() == "ordinary",
                reads=(PASSPORT,),
                since=min(m.since for m in unilateral_members()),
                citations=UNILATERAL_PURPOSES.values[-1].citations,
            ),
            param_criterion(
                "cn.visa_free_30.purpose",
                "The trip is for business, tourism, visiting relatives or friends, exchanges or "
                "transit (no work, study or journalism)",
                UNILATERAL_PURPOSES,
                lambda purposes: pl.col(PURPOSE.name).is_in(with_narrower(purposes)),
                (PURPOSE,),
            ),
            param_criterion(
                "cn.visa_free_30.stay",
                "The stay is within the visa-free limit (15 days, 30 days from 30 Nov 2024)",
                UNILATERAL_STAY,
                lambda days: pl.col(STAY_DAYS.name) <= days,
                (STAY_DAYS,),
            ),
        ),
    ),
    documents=(
        Document(
            "A valid ordinary passport of the listed country",
            UNILATERAL_PURPOSES.values[-1].citations[0],
        ),
    ),
    notes=("Work, study and journalism are not covered; they need the matching visa.",),
    advisories=window_advisories("Unilateral visa-free entry", unilateral_members),
    terms=stay_terms(
        UNILATERAL_STAY, "Up to {value} days per entry, counted from the day after entry"
    ),
)

VISAS = (UNILATERAL,)
