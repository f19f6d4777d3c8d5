"""Mutual visa exemption (互免签证): no visa under an agreement between China and the person's
country. In force since each agreement's own date (mutual.yaml).

EEAL Art. 22(1):
    外国人有下列情形之一的，可以免办签证：（一）根据中国政府与其他国家政府签订的互免签证协议，
    属于免办签证人员的；
The MFA consular list 《中外互免签证协定一览表》 indexes the agreements; its standard note:
    持普通护照前往对方国家从事工作、学习、新闻报道等需事先批准的活动，以及停留超过30日的，须事先
    申请办妥签证。
So an agreement covers a national travelling on a passport category it names, for a stay within
its limit, for any purpose but work, study, journalism and other activities needing approval.

Agreements for diplomatic, service or public-affairs passports only are known as far as sourced;
a traveller on such a passport that no encoded agreement covers is undetermined, not refused.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from functools import cache
from typing import Any, get_args

import polars as pl

from visarules.engine.citations import Citation, cite, instrument, parse_reference
from visarules.engine.context import Context
from visarules.engine.nodes import AllOf, Criterion
from visarules.engine.visa import Document, Visa, described
from visarules.facts import CITIZENSHIP, PASSPORT, PURPOSE, STAY_DAYS
from visarules.jurisdictions.cn.common import (
    EEAL_IN_FORCE,
    FOREIGN_NATIONAL,
    JURISDICTION,
    with_narrower,
)
from visarules.jurisdictions.cn.visa_free import eeal_art_22, load_data, passport
from visarules.profile import PassportType, Purpose

PARAMETERS = None
PASSPORT_TYPES: tuple[str, ...] = get_args(PassportType)
_DATA = load_data("mutual.yaml")
MFA_LIST = cite(
    "MFA-MUTUAL-LIST",
    "notes to the list",
    excerpt="持普通护照前往对方国家从事工作、学习、新闻报道等需事先批准的活动，以及停留超过30日的，须事先"
    "申请办妥签证。",
    translation="Holders of ordinary passports who will work, study, report news or do other "
    "activities needing prior approval, or stay more than 30 days, must get a visa first.",
    source="secondary",
)


def _date(value: Any) -> date | None:
    return None if value is None else date.fromisoformat(str(value))


@dataclass(frozen=True)
class Suspension:
    since: date
    until: date | None
    certain: bool  # False: only the other party is known to have suspended it
    citation: Citation

    def covers(self, as_of: date) -> bool:
        return self.since <= as_of and (self.until is None or as_of <= self.until)


@dataclass(frozen=True)
class Agreement:
    country: str
    name: str
    passports: frozenset[str]
    signed: date | None
    since: date | None
    in_force_by: date | None  # when ``since`` is unknown: a source shows it in force by then
    until: date | None
    suspensions: tuple[Suspension, ...]
    stay_per_entry_days: int | None
    stay_per_180_days: int | None
    stay_per_year_days: int | None
    purposes: frozenset[str]  # the profile purposes it allows
    citation: Citation

    @property
    def start(self) -> date:
        start = self.since or self.in_force_by
        assert start is not None, f"{self.country}: no date of entry into force"
        return start

    def state_on(self, as_of: date) -> bool | None:
        """Applied on the as-of date (true), not (false), or not known."""
        if self.signed is not None and as_of < self.signed:
            return False
        if as_of < self.start:
            return None if self.since is None else False
        if self.until is not None and as_of > self.until:
            return None if self.until >= JURISDICTION.verified_on else False
        for suspension in self.suspensions:
            if suspension.covers(as_of):
                return False if suspension.certain else None
        return True

    @property
    def longest_stay(self) -> int | None:
        """The longest single stay: the per-entry limit, else a cumulative cap bounds it."""
        limits = (self.stay_per_entry_days, self.stay_per_180_days, self.stay_per_year_days)
        return next((days for days in limits if days is not None), None)

    def terms(self) -> str:
        parts = [f"under the {self.name}"]
        if self.stay_per_entry_days is not None:
            parts.insert(0, f"Up to {self.stay_per_entry_days} days per entry")
        else:
            parts.insert(0, "No per-entry limit stated")
        if self.stay_per_180_days is not None:
            parts.append(f"at most {self.stay_per_180_days} days in any 180 days")
        if self.stay_per_year_days is not None:
            parts.append(f"at most {self.stay_per_year_days} days a year")
        return ", ".join(parts)


ALL_PURPOSES: frozenset[str] = frozenset(get_args(Purpose))


def _excluded(words: list[str]) -> set[str]:
    mapping: dict[str, list[str]] = _DATA["exclusion_purposes"]
    return {purpose for word in words for purpose in mapping[word]}


def _agreement(raw: dict[str, Any], where: str) -> Agreement:
    citation = parse_reference(raw["reference"])
    if raw.get("purposes"):
        purposes = frozenset(with_narrower(raw["purposes"]))
    else:
        excluded = _excluded(_DATA["standard_exclusions"] + list(raw.get("excluded_purposes", [])))
        purposes = ALL_PURPOSES - excluded
    name = instrument(citation.instrument).title_en
    if raw.get("since") is None and raw.get("in_force_by") is None:
        raise ValueError(f"{where}: needs `since` or `in_force_by`")
    return Agreement(
        country=raw["country"],
        name=name,
        passports=frozenset(raw["passports"]),
        signed=_date(raw.get("signed")),
        since=_date(raw.get("since")),
        in_force_by=_date(raw.get("in_force_by")),
        until=_date(raw.get("until")),
        suspensions=tuple(
            Suspension(
                since=date.fromisoformat(str(s["since"])),
                until=_date(s.get("until")),
                certain=s.get("effect", "suspended") == "suspended",
                citation=parse_reference(s["reference"]),
            )
            for s in raw.get("suspensions") or []
        ),
        stay_per_entry_days=raw.get("stay_per_entry_days"),
        stay_per_180_days=raw.get("stay_per_180_days"),
        stay_per_year_days=raw.get("stay_per_year_days"),
        purposes=purposes,
        citation=citation,
    )


@cache
def agreements() -> tuple[Agreement, ...]:
    """Every encoded agreement: those covering ordinary passports, then the others."""
    listed = [
        _agreement(raw, f"mutual.yaml {kind}[{i}]")
        for kind in ("agreements", "official_passport_agreements")
        for i, raw in enumerate(_DATA[kind])
        if raw.get("since") is not None or raw.get("in_force_by") is not None
    ]
    return tuple(listed)


def applying(country: str, passport_type: str, as_of: date) -> list[tuple[Agreement, bool | None]]:
    """The agreements of a country covering a passport category, with their state on a date."""
    return [
        (a, a.state_on(as_of))
        for a in agreements()
        if a.country == country and passport_type in a.passports
    ]


def _states(passport_type: str, as_of: date) -> dict[str, bool | None]:
    """Per country: is some agreement covering this passport category applied on the date?"""
    states: dict[str, bool | None] = {}
    for agreement in agreements():
        if passport_type not in agreement.passports:
            continue
        state = agreement.state_on(as_of)
        seen = states.get(agreement.country, False)
        # Kleene "or": one agreement applied is enough; one that may be applied leaves it open
        states[agreement.country] = (
            True if True in (seen, state) else (None if None in (seen, state) else False)
        )
    return states


def _any_nationality(codes: list[str]) -> pl.Expr:
    return pl.col(CITIZENSHIP.name).list.eval(pl.element().is_in(codes)).list.any()


def _covered(ctx: Context) -> pl.Expr:
    """An agreement in force covers one of the person's nationalities and their passport."""
    chain: Any = pl
    for passport_type in PASSPORT_TYPES:
        states = _states(passport_type, ctx.as_of)
        is_open = _any_nationality([c for c, s in states.items() if s])
        maybe = _any_nationality([c for c, s in states.items() if s is None])
        if passport_type == "ordinary":  # the MFA list of ordinary-passport agreements is whole
            value = (
                pl.when(maybe & ~is_open).then(pl.lit(None, dtype=pl.Boolean)).otherwise(is_open)
            )
        else:  # other categories are known only as far as sourced
            value = pl.when(is_open).then(pl.lit(True)).otherwise(pl.lit(None, dtype=pl.Boolean))
        chain = chain.when(passport() == passport_type).then(value)
    result: pl.Expr = chain.otherwise(pl.lit(None, dtype=pl.Boolean))
    return result


def _open_agreements(ctx: Context) -> dict[tuple[str, str], list[Agreement]]:
    """(country, passport category) → the agreements applied, or maybe applied, on the as-of
    date: their terms decide the trip wherever the agreement itself is not refused."""
    found: dict[tuple[str, str], list[Agreement]] = {}
    for agreement in agreements():
        if agreement.state_on(ctx.as_of) is not False:
            for passport_type in agreement.passports:
                found.setdefault((agreement.country, passport_type), []).append(agreement)
    return found


def _per_passport(ctx: Context, value: Any) -> pl.Expr:
    """Combine one expression per passport category, chosen by the passport travelled on."""
    chain: Any = pl
    for passport_type in PASSPORT_TYPES:
        chain = chain.when(passport() == passport_type).then(value(passport_type))
    result: pl.Expr = chain.otherwise(pl.lit(None, dtype=pl.Boolean))
    return result


def _stay(ctx: Context) -> pl.Expr:
    open_now = _open_agreements(ctx)

    def within(passport_type: str) -> pl.Expr:
        limits = {
            country: max(a.longest_stay or 0 for a in found) or None
            for (country, kind), found in open_now.items()
            if kind == passport_type
        }
        by_days: dict[int, list[str]] = {}
        for country, days in limits.items():
            if days is not None:
                by_days.setdefault(days, []).append(country)
        if not by_days:
            return pl.lit(None, dtype=pl.Boolean)
        # the longest stay any of the person's agreements allows (few distinct limits)
        limit = pl.max_horizontal(
            pl.when(_any_nationality(countries)).then(days) for days, countries in by_days.items()
        )
        return pl.col(STAY_DAYS.name) <= limit

    return _per_passport(ctx, within)


def _purpose(ctx: Context) -> pl.Expr:
    open_now = _open_agreements(ctx)

    def allowed(passport_type: str) -> pl.Expr:
        by_purposes: dict[frozenset[str], list[str]] = {}
        for (country, kind), found in open_now.items():
            if kind == passport_type:
                for agreement in found:
                    by_purposes.setdefault(agreement.purposes, []).append(country)
        if not by_purposes:
            return pl.lit(None, dtype=pl.Boolean)
        covered = [c for countries in by_purposes.values() for c in countries]
        allowed = pl.any_horizontal(
            _any_nationality(countries) & pl.col(PURPOSE.name).is_in(sorted(purposes))
            for purposes, countries in by_purposes.items()
        )
        # no agreement for this passport: the agreement condition decides, not the purpose
        return pl.when(_any_nationality(covered)).then(allowed)

    return _per_passport(ctx, allowed)


def _person_agreements(
    ctx: Context, facts: Mapping[str, Any]
) -> list[tuple[Agreement, bool | None]]:
    kind = facts.get("passport_type") or "ordinary"
    found = []
    for code in facts.get(CITIZENSHIP.name) or []:
        found += applying(code, kind, ctx.as_of)
    return found


def _terms(ctx: Context, facts: Mapping[str, Any]) -> dict[str, dict[str, Any]]:
    """The stay the person's own agreement gives, citing that agreement."""
    in_force = [a for a, state in _person_agreements(ctx, facts) if state]
    if not in_force:
        return {}
    agreement = max(in_force, key=lambda a: a.longest_stay or 0)
    text = "; ".join(a.terms() for a in in_force)
    since = agreement.since or agreement.start
    return {
        "stay_per_entry": described(
            agreement.stay_per_entry_days, text, since, [a.citation for a in in_force], ctx.as_of
        )
    }


def _advisories(ctx: Context, facts: Mapping[str, Any]) -> list[dict[str, str]]:
    warnings = []
    if ctx.as_of < EEAL_IN_FORCE:
        text = (
            "China's entry law before the Exit and Entry Administration Law (in force "
            f"{EEAL_IN_FORCE.isoformat()}) is not encoded"
        )
        warnings.append({"kind": "not_encoded", "text": text})
    for agreement, state in _person_agreements(ctx, facts):
        if state and agreement.longest_stay is None:
            text = f"The {agreement.name}: the stay it allows is not known to visarules"
            warnings.append({"kind": "term_unknown", "text": text})
        if state is not None:
            continue
        if agreement.since is None and ctx.as_of < agreement.start:
            text = (
                f"The {agreement.name}: the date it entered into force is not known; a source "
                f"shows it in force by {agreement.start.isoformat()}"
            )
        elif any(s.covers(ctx.as_of) and not s.certain for s in agreement.suspensions):
            text = (
                f"The {agreement.name} was suspended by the other party; whether China still "
                "applies it is not established"
            )
        else:
            text = (
                f"The {agreement.name} was set to end on {agreement.until}; visarules has no "
                f"record after {JURISDICTION.verified_on.isoformat()}"
            )
        warnings.append({"kind": "agreement_state_unknown", "text": text})
    return warnings


FIRST = min(a.start for a in agreements())

MUTUAL = Visa(
    code="CN-VISA-FREE-MUTUAL",
    country="CN",
    kind="visa_exemption",
    name="Mutual visa exemption (visa-free under an agreement)",
    name_zh="互免签证",
    summary="Nationals of countries that have a mutual visa-exemption agreement with China enter "
    "without a visa, on the passport categories the agreement names, for short stays that are "
    "not work, study or journalism.",
    requires="A passport of the agreement country, of a category the agreement covers",
    since=FIRST,
    established_by=eeal_art_22(1),
    conditions=AllOf(
        id="cn.visa_free_mutual.conditions",
        text="A national of an agreement country, on a short trip for a purpose the agreement allows",
        nodes=(
            FOREIGN_NATIONAL,
            Criterion(
                id="cn.visa_free_mutual.agreement",
                text="An agreement in force covers one of the person's nationalities and the "
                "passport travelled on (ordinary unless said); agreements for other passports are "
                "known only as far as sourced",
                formula=_covered,
                reads=(CITIZENSHIP, PASSPORT),
                since=FIRST,
                citations=(eeal_art_22(1), MFA_LIST),
            ),
            Criterion(
                id="cn.visa_free_mutual.purpose",
                text="The trip is not for work, study, journalism or another activity needing "
                "approval (Kazakhstan: only the purposes its agreement lists)",
                formula=_purpose,
                reads=(PURPOSE,),
                since=FIRST,
                citations=(MFA_LIST,),
            ),
            Criterion(
                id="cn.visa_free_mutual.stay",
                text="The stay is within the agreement's limit (30 days per entry for most)",
                formula=_stay,
                reads=(STAY_DAYS,),
                since=FIRST,
                citations=(MFA_LIST,),
            ),
        ),
    ),
    documents=(Document("A valid passport of a category the agreement covers", MFA_LIST),),
    notes=(
        "Each agreement's own limits apply; several also cap the total stay (90 days in any 180 "
        "days; Belarus 90 days a year). Work, study and journalism need a visa.",
    ),
    advisories=_advisories,
    terms=_terms,
)

VISAS = (MUTUAL,)
