"""Tables → facts: the columns the rules read, computed with polars expressions for any number
of people, null where the fact is unknown.

Free text (institutions, fields, degrees, job titles, ports, places) is resolved once per
distinct string and joined back, so a million rows with 4,000 distinct institution names cost
4,000 resolutions. Dates are partial (``1999``, ``1999-03``): each becomes an earliest and a
latest day, and what depends on it is three-valued. Nothing here is done person by person.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

import polars as pl

from visarules.engine.evaluate import ITEM, ROW, FactsTable
from visarules.facts import (
    CHINESE_TEACHING_PLACES,
    COLLECTIONS,
    ITEM_SCHEMAS,
    LEVEL_WORDS,
    PERSON_FACTS,
    PERSON_SCHEMA,
    UNKNOWN_PLACE,
)
from visarules.resolve.degrees import NOT_TERTIARY, resolve_degree
from visarules.resolve.fields import resolve_field
from visarules.resolve.institutions import (
    InstitutionRegistry,
    InstitutionResolution,
    registry,
    tiers_mask,
)
from visarules.resolve.places import places, resolve_port
from visarules.resolve.roles import is_postdoc
from visarules.tables import Tables, known_column

CHINESE = ("zh", "zho", "chi", "chinese")


@dataclass
class Resolvers:
    institutions: InstitutionRegistry = field(default_factory=registry)
    workers: int = 1  # processes for new institution strings (batch runs use more)


@dataclass
class Resolution:
    """What one string of the profile was read as (or a fact inferred: kind ``inference``)."""

    path: str
    kind: str  # institution | field | degree | role | port | place | inference
    query: str
    result: dict[str, Any]


@dataclass
class Lookups:
    """Each distinct string, resolved once: the mappings joined back onto the tables."""

    institutions: dict[tuple[str, str | None], InstitutionResolution] = field(default_factory=dict)
    fields: dict[str, Any] = field(default_factory=dict)
    degrees: dict[str, Any] = field(default_factory=dict)
    roles: dict[str, bool | None] = field(default_factory=dict)
    ports: dict[str, Any] = field(default_factory=dict)
    places: dict[str, Any] = field(default_factory=dict)


@dataclass
class BuiltFacts:
    table: FactsTable
    lookups: Lookups
    tables: Tables
    as_of: date

    def resolutions(self, row: int) -> list[Resolution]:
        """What each string of one person's profile was read as, in profile order."""
        return _resolutions_of(self, row)


# --- dates ------------------------------------------------------------------------------------


def _partial_bounds(text: pl.Expr) -> tuple[pl.Expr, pl.Expr]:
    """``1999``, ``1999-03`` or ``1999-03-14`` (normalised text) → earliest and latest day."""
    year = text.str.slice(0, 4).cast(pl.Int32, strict=False)
    month = text.str.slice(5, 2).cast(pl.Int8, strict=False)
    day = text.str.slice(8, 2).cast(pl.Int8, strict=False)
    earliest = pl.date(year, month.fill_null(1), day.fill_null(1))
    latest = (
        pl.when(day.is_not_null())
        .then(earliest)
        .when(month.is_not_null())
        .then(earliest.dt.month_end())
        .otherwise(pl.date(year, 12, 31))
    )
    return earliest, latest


def _passed(earliest: pl.Expr, latest: pl.Expr, as_of: date) -> pl.Expr:
    """Has the (partially known) date passed by the as-of date? Null if it may or may not."""
    day = pl.lit(as_of)
    return pl.when(latest <= day).then(True).when(earliest > day).then(False)


def _years_between(start: pl.Expr, end: pl.Expr) -> pl.Expr:
    """Whole calendar years, then the rest in days: 2008-11-01 to 2025-11-01 is 17.0."""
    before = (end.dt.month().cast(pl.Int32) * 100 + end.dt.day()) < (
        start.dt.month().cast(pl.Int32) * 100 + start.dt.day()
    )
    whole = end.dt.year() - start.dt.year() - before.cast(pl.Int32)
    year, month = start.dt.year() + whole, start.dt.month()
    last_day = pl.date(year, month, 1).dt.month_end().dt.day()
    anniversary = pl.date(year, month, pl.min_horizontal(start.dt.day(), last_day))  # 29 Feb → 28
    return whole + (end - anniversary).dt.total_days() / 365.25


# --- Kleene aggregations over items ---------------------------------------------------------------


def _any_of(flag: pl.Expr, name: str) -> list[pl.Expr]:
    return [
        flag.fill_null(False).any().alias(f"{name}:true"),
        flag.is_null().any().alias(f"{name}:null"),
    ]


def _kleene_any(name: str, known: str) -> pl.Expr:
    """True if an item is true, else unknown if one is unknown, else false; null list → null."""
    return (
        pl.when(~pl.col(known))
        .then(pl.lit(None, dtype=pl.Boolean))
        .when(pl.col(f"{name}:true").fill_null(False))
        .then(True)
        .when(pl.col(f"{name}:null").fill_null(False))
        .then(pl.lit(None, dtype=pl.Boolean))
        .otherwise(False)
    )


def _kleene_all(*flags: pl.Expr) -> pl.Expr:
    """Kleene "and": false wins, then unknown."""
    return pl.all_horizontal(*flags)


# --- resolution of distinct strings ----------------------------------------------------------


def _distinct(frames: Iterable[pl.DataFrame], *columns: str) -> list[tuple[Any, ...]]:
    parts = [f.select(columns).drop_nulls(columns[0]) for f in frames if f.height]
    if not parts:
        return []
    return pl.concat(parts).unique(maintain_order=True).rows()


def _lookup(tables: Tables, resolvers: Resolvers) -> Lookups:
    lookups = Lookups()
    edu, job = tables.items["education"], tables.items["employment"]
    pairs = [
        *_distinct([edu], "institution", "country"),
        *_distinct([job], "employer", "country"),
    ]
    pairs = list(dict.fromkeys((text, country) for text, country in pairs if text))
    answers = resolvers.institutions.resolve_many(
        [p[0] for p in pairs], [p[1] for p in pairs], workers=resolvers.workers
    )
    lookups.institutions = dict(zip(pairs, answers, strict=True))
    offer = tables.persons.select(
        pl.coalesce("plan.job_offer.field", "plan.job_offer.occupation").alias("field")
    )
    for (text,) in _distinct([edu, job, offer], "field"):
        lookups.fields[text] = resolve_field(text) if text else None
    for (text,) in _distinct([edu], "level"):
        if text in LEVEL_WORDS:
            lookups.degrees[text] = LEVEL_WORDS[text]
        elif text:
            lookups.degrees[text] = resolve_degree(text)
    for (text,) in _distinct([job], "role"):
        lookups.roles[text] = is_postdoc(text)
    persons = tables.persons
    for column in ("plan.entry_port", "plan.exit_port"):
        for text in persons[column].drop_nulls().unique(maintain_order=True):
            if text and text not in lookups.ports:
                lookups.ports[text] = resolve_port(text)
    for text in persons["plan.regions"].explode().drop_nulls().unique(maintain_order=True):
        lookups.places[text] = places().resolve(text)
    return lookups


def _level_of(found: Any) -> int | None:
    if found is None or isinstance(found, int):
        return found
    level: int | None = NOT_TERTIARY if found.tertiary is False else found.isced_level
    return level


def _institution_frame(lookups: Lookups, text: str, country: str) -> pl.DataFrame:
    """(text, country hint) → tier mask (null: no match) and the country the registry knows."""
    pairs = list(lookups.institutions)
    found = [lookups.institutions[p].match for p in pairs]
    return pl.DataFrame(
        {
            text: [t for t, _ in pairs],
            country: [c for _, c in pairs],
            "_tiers": [tiers_mask(m.institution.tiers) if m else None for m in found],
            "_registry_country": [m.institution.country if m else None for m in found],
        },
        schema={
            text: pl.String,
            country: pl.String,
            "_tiers": pl.UInt32,
            "_registry_country": pl.String,
        },
    )


def _mapped(column: str, mapping: dict[str, Any], dtype: Any) -> pl.Expr:
    return pl.col(column).replace_strict(mapping, default=None, return_dtype=dtype)


def _narrow(lookups: Lookups) -> dict[str, str | None]:
    """Field text → its ISCED-F narrow field (3 digits), null when unresolved."""
    return {t: (r.entry.isced_f[:3] if r and r.entry else None) for t, r in lookups.fields.items()}


def _stem(lookups: Lookups, definition: str) -> dict[str, bool | None]:
    return {t: (r.stem(definition) if r else None) for t, r in lookups.fields.items()}


# --- item facts -------------------------------------------------------------------------------


def _education(tables: Tables, lookups: Lookups, as_of: date) -> pl.DataFrame:
    edu = tables.items["education"].join(
        _institution_frame(lookups, "institution", "country"),
        on=["institution", "country"],
        how="left",
        nulls_equal=True,
    )
    earliest, latest = _partial_bounds(pl.col("completed"))
    degree_country = pl.coalesce(pl.col("country"), pl.col("_registry_country"))
    inferred = pl.when(
        degree_country.is_not_null() & ~degree_country.is_in(sorted(CHINESE_TEACHING_PLACES))
    ).then(False)
    return edu.select(
        ROW,
        ITEM,
        pl.col("_tiers").alias("edu_tiers"),
        _mapped("field", _stem(lookups, "isced_f"), pl.Boolean).alias("edu_stem_isced_f"),
        _mapped("field", _stem(lookups, "dhs"), pl.Boolean).alias("edu_stem_dhs"),
        _mapped("level", {t: _level_of(r) for t, r in lookups.degrees.items()}, pl.Int64).alias(
            "edu_level"
        ),
        pl.when(pl.col("completed").is_null())
        .then(False)
        .otherwise(_passed(earliest, latest, as_of))
        .alias("edu_completed"),
        earliest.alias("edu_done_earliest"),
        latest.alias("edu_done_latest"),
        degree_country.alias("edu_country"),
        _mapped("field", _narrow(lookups), pl.String).alias("_narrow"),
        # what the person-level facts need besides
        degree_country.alias("_country"),
        pl.coalesce(pl.col("taught_in_chinese"), inferred).alias("_taught"),
        (pl.col("taught_in_chinese").is_null() & inferred.is_not_null()).alias("_inferred"),
    )


def _employment(tables: Tables, lookups: Lookups, as_of: date) -> pl.DataFrame:
    job = tables.items["employment"].join(
        _institution_frame(lookups, "employer", "country").drop("_registry_country"),
        on=["employer", "country"],
        how="left",
        nulls_equal=True,
    )
    start_e, start_l = _partial_bounds(pl.col("start"))
    end_e, end_l = _partial_bounds(pl.col("end"))
    day = pl.lit(as_of)
    ended = _passed(end_e, end_l, as_of)
    return job.select(
        ROW,
        ITEM,
        pl.col("_tiers").alias("job_tiers"),
        _mapped("field", _stem(lookups, "isced_f"), pl.Boolean).alias("job_stem_isced_f"),
        _mapped("field", _stem(lookups, "dhs"), pl.Boolean).alias("job_stem_dhs"),
        pl.col("activity").alias("job_activity"),
        _mapped("role", lookups.roles, pl.Boolean).alias("job_postdoc"),
        pl.when(pl.col("start").is_not_null() & (start_e > day))
        .then(False)
        .when(pl.col("end").is_null())
        .then(True)
        .otherwise(~ended)
        .alias("job_current"),
        # spells for experience: the shortest and the longest the dates allow, up to as_of
        start_l.alias("_short_start"),
        # an end date is the last day worked: the spell runs to the day after it
        pl.min_horizontal(pl.coalesce(end_e.dt.offset_by("1d"), day), day).alias("_short_end"),
        start_e.alias("_long_start"),
        pl.min_horizontal(pl.coalesce(end_l.dt.offset_by("1d"), day), day).alias("_long_end"),
        pl.col("country").alias("_country"),
        pl.col("fortune_global_500").alias("_fortune"),
        pl.col("country").alias("job_country"),
        pl.col("capacity").alias("job_capacity"),
        pl.col("related_to_offer").alias("job_related_to_offer"),
    )


_DAYS_KEY = 1 << 20  # more days than any date holds: a person's dates sort after the last's


def _union_years(spells: pl.DataFrame, start: str, end: str) -> pl.DataFrame:
    """Per person, the length in years of the union of the spells: overlaps count once.

    Spells sorted by person and start; one running maximum over the whole table (each date
    keyed by its person, so it never carries over) tells where a new merged spell begins."""
    kept = spells.filter(pl.col(end) > pl.col(start)).sort(ROW, start)

    def key(column: str) -> pl.Expr:
        return pl.col(ROW) * _DAYS_KEY + pl.col(column).cast(pl.Int32)

    reached = key(end).cum_max().shift(1)
    merged = (
        kept.with_columns((reached.is_null() | (key(start) > reached)).cum_sum().alias("_spell"))
        .group_by("_spell")
        .agg(pl.col(ROW).first(), pl.col(start).min(), pl.col(end).max())
    )
    return merged.group_by(ROW).agg(
        _years_between(pl.col(start), pl.col(end)).sum().round(4).alias("_years")
    )


def _experience(
    jobs: pl.DataFrame,
    persons: pl.DataFrame,
    names: tuple[str, str] = ("experience_min", "experience_max"),
    counts: pl.Expr | None = None,
) -> pl.DataFrame:
    """Years of work (union of spells), fewest and most; with ``counts``, only the jobs for
    which it is true count at least and those for which it may be true count at most."""
    if counts is not None:
        sure, maybe = jobs.filter(counts.fill_null(False)), jobs.filter(counts.fill_null(True))
    else:
        sure = maybe = jobs
    low = _union_years(sure.drop_nulls("_short_start"), "_short_start", "_short_end")
    high = _union_years(maybe.drop_nulls("_long_start"), "_long_start", "_long_end")
    unknown_start = maybe.group_by(ROW).agg(pl.col("_long_start").is_null().any().alias("_gap"))
    known = pl.col(known_column("employment"))
    out = (
        persons.select(ROW, known)
        .join(low.rename({"_years": "_low"}), on=ROW, how="left")
        .join(high.rename({"_years": "_high"}), on=ROW, how="left")
        .join(unknown_start, on=ROW, how="left")
    )
    return out.select(
        ROW,
        pl.when(known).then(pl.col("_low").fill_null(0.0)).alias(names[0]),
        pl.when(known & ~pl.col("_gap").fill_null(False))
        .then(pl.col("_high").fill_null(0.0))
        .alias(names[1]),
    )


def _after_bachelor(
    jobs: pl.DataFrame, edu: pl.DataFrame, persons: pl.DataFrame, as_of: date
) -> pl.DataFrame:
    """Years of work after the first bachelor's or higher degree (US EB-2's "five years of
    progressive experience" after it), fewest and most: at least, after the latest day a
    certain degree may have been awarded; at most, after the earliest a possible one was."""
    level, done = pl.col("edu_level"), pl.col("edu_completed")
    sure = (level >= 6).fill_null(False) & done.fill_null(False)
    maybe = (level >= 6).fill_null(True) & done.fill_null(True)
    day = pl.lit(as_of)
    degrees = edu.group_by(ROW).agg(
        pl.col("edu_done_latest").filter(sure).min().alias("_deg_l"),
        pl.col("edu_done_earliest").filter(maybe).min().alias("_deg_e"),
    )
    clipped = jobs.join(degrees, on=ROW, how="left").with_columns(
        pl.max_horizontal("_short_start", pl.col("_deg_l").fill_null(day)).alias("_short_start"),
        pl.max_horizontal("_long_start", pl.col("_deg_e").fill_null(day)).alias("_long_start"),
    )
    return _experience(clipped, persons, ("after_bachelor_min", "after_bachelor_max"))


def _spells_before_petition(jobs: pl.DataFrame, persons: pl.DataFrame) -> pl.DataFrame:
    """Per job: held for at least a year within the three years before the petition (US
    EB-1C); three-valued where the dates are partial."""
    window = persons.select(
        ROW,
        pl.col("petition_earliest").dt.offset_by("-3y").alias("_from"),
        pl.col("petition_latest").alias("_to"),
    )

    def overlap(start: pl.Expr, end: pl.Expr) -> pl.Expr:
        low = pl.max_horizontal(start, pl.col("_from"))
        return (pl.min_horizontal(end, pl.col("_to")) - low).dt.total_days()

    short = overlap(pl.col("_short_start"), pl.col("_short_end"))
    long = overlap(pl.col("_long_start").fill_null(pl.col("_from")), pl.col("_long_end"))
    year = 365
    return jobs.join(window, on=ROW, how="left").select(
        ROW,
        ITEM,
        pl.when(pl.col("_short_start").is_not_null() & (short >= year))
        .then(True)
        .when(long < year)
        .then(False)
        .alias("job_year_in_three"),
    )


def _longest_in_china(jobs: pl.DataFrame, persons: pl.DataFrame) -> pl.DataFrame:
    """The longest single spell in China (fewest, most years)."""
    cn = jobs.filter(pl.col("_country") == "CN")

    def spell(start: str, end: str) -> pl.Expr:
        years = _years_between(pl.col(start), pl.col(end))
        return pl.when(pl.col(end) > pl.col(start)).then(years.round(4)).otherwise(0.0)

    per_person = cn.group_by(ROW).agg(
        spell("_short_start", "_short_end").max().alias("_low"),
        spell("_long_start", "_long_end").max().alias("_high"),
        pl.col("_long_start").is_null().any().alias("_gap"),
    )
    known = pl.col(known_column("employment"))
    out = persons.select(ROW, known).join(per_person, on=ROW, how="left")
    return out.select(
        ROW,
        pl.when(known).then(pl.col("_low").fill_null(0.0)).alias("cn_years_min"),
        pl.when(known & ~pl.col("_gap").fill_null(False))
        .then(pl.col("_high").fill_null(0.0))
        .alias("cn_years_max"),
    )


# --- person facts ----------------------------------------------------------------------------


def _degrees_summary(edu: pl.DataFrame, persons: pl.DataFrame) -> pl.DataFrame:
    """Highest completed level, a degree taught in Chinese, tiers of degrees from abroad."""
    done, level = pl.col("edu_completed"), pl.col("edu_level")
    known_max = edu.group_by(ROW).agg(level.filter(done.fill_null(False)).max().alias("_known"))
    edu = edu.join(known_max, on=ROW, how="left").with_columns(pl.col("_known").fill_null(0))
    # an item that may be completed, or whose level is unknown, could still raise the maximum
    open_item = (done.is_null() | done) & (
        level.is_null() | (done.is_null() & (level > pl.col("_known")))
    )
    chinese = _kleene_all(level >= 6, done, pl.col("_taught"))
    foreign = edu.filter(done.fill_null(False) & (pl.col("_country").fill_null("") != "CN"))
    tiers = foreign.group_by(ROW).agg(
        pl.col("edu_tiers").is_null().any().alias("_tiers_unknown"),
        pl.col("edu_tiers").drop_nulls().bitwise_or().alias("_tiers"),
    )
    summary = edu.group_by(ROW).agg(
        pl.col("_known").first(),
        open_item.any().alias("_open"),
        *_any_of(chinese, "_chinese"),
    )
    known = known_column("education")
    out = (
        persons.select(ROW, known).join(summary, on=ROW, how="left").join(tiers, on=ROW, how="left")
    )
    return out.select(
        ROW,
        pl.when(pl.col(known) & ~pl.col("_open").fill_null(False))
        .then(pl.col("_known").fill_null(0))
        .alias("highest_level"),
        _kleene_any("_chinese", known).alias("degree_in_chinese"),
        pl.when(pl.col(known) & ~pl.col("_tiers_unknown").fill_null(False))
        .then(pl.col("_tiers").fill_null(0))
        .alias("foreign_degree_tiers"),
    )


def _hsk(tables: Tables) -> pl.DataFrame:
    """The highest HSK level held (0 = none); null when the languages are unknown."""
    langs = tables.items["languages"]
    level = pl.col("level")
    numeric = level.str.contains(r"^\d+(\.\d*)?$")
    held = langs.filter(
        pl.col("language").str.to_lowercase().is_in(CHINESE)
        & (pl.col("test").fill_null("").str.to_uppercase() == "HSK")
        & numeric.fill_null(False)
    )
    best = held.group_by(ROW).agg(level.cast(pl.Float64).floor().cast(pl.Int64).max().alias("_hsk"))
    known = known_column("languages")
    out = tables.persons.select(ROW, known).join(best, on=ROW, how="left")
    return out.select(
        ROW, pl.when(pl.col(known)).then(pl.col("_hsk").fill_null(0)).alias("hsk_level")
    )


def _fortune(jobs: pl.DataFrame, persons: pl.DataFrame) -> pl.DataFrame:
    known = known_column("employment")
    flags = jobs.group_by(ROW).agg(*_any_of(pl.col("_fortune"), "_fortune"))
    out = persons.select(ROW, known).join(flags, on=ROW, how="left")
    return out.select(ROW, _kleene_any("_fortune", known).alias("fortune_500"))


def _ports(column: str, lookups: Lookups) -> pl.Expr:
    mapping = {t: (list(r.keys) or None) for t, r in lookups.ports.items()}
    return _mapped(column, mapping, pl.List(pl.String))


def _places(persons: pl.DataFrame, lookups: Lookups) -> pl.DataFrame:
    """Each place to be visited as its key (``CN-SC``, ``CN-SC/510100``, or unknown)."""
    mapping = {t: (r.keys[0] if r.keys else UNKNOWN_PLACE) for t, r in lookups.places.items()}
    listed = persons.select(ROW, "plan.regions").filter(pl.col("plan.regions").is_not_null())
    keys = (
        listed.explode("plan.regions")
        .with_columns(
            pl.col("plan.regions").replace_strict(
                mapping, default=UNKNOWN_PLACE, return_dtype=pl.String
            )
        )
        .group_by(ROW, maintain_order=True)
        .agg(pl.col("plan.regions").drop_nulls().alias("transit_places"))
    )
    # an empty list stays empty, not unknown
    return (
        listed.select(ROW)
        .join(keys, on=ROW, how="left")
        .with_columns(pl.col("transit_places").fill_null(pl.lit([], dtype=pl.List(pl.String))))
    )


def _person_columns(lookups: Lookups, as_of: date) -> list[pl.Expr]:
    """The facts of one row per person: those that are a profile field as it is (declared
    ``direct`` in facts.py), and those computed here."""
    birth_e, birth_l = _partial_bounds(pl.col("birth_date"))
    year = pl.col("birth_year").cast(pl.Int32)
    intended, stay = pl.col("plan.intended_study_days"), pl.col("plan.stay_days")
    return [
        pl.col(ROW),
        *(pl.col(known_column(c.name)) for c in COLLECTIONS),
        *(pl.col(fact.path).alias(fact.name) for fact in PERSON_FACTS if fact.direct),
        pl.coalesce(birth_e, pl.date(year, 1, 1)).alias("birth_earliest"),
        pl.coalesce(birth_l, pl.date(year, 12, 31)).alias("birth_latest"),
        # the study's own length, else the stay's (a study length of 0 is not one)
        pl.when(intended.is_null() | (intended == 0))
        .then(stay)
        .otherwise(intended)
        .alias("study_days"),
        pl.when(pl.col("plan.job_offer.salary.currency") == "CNY")
        .then(pl.col("plan.job_offer.salary.amount"))
        .alias("salary_cny"),
        _ports("plan.entry_port", lookups).alias("entry_port"),
        _ports("plan.exit_port", lookups).alias("exit_port"),
        *_us_columns(as_of),
    ]


def _us_columns(as_of: date) -> list[pl.Expr]:
    """The computed facts of US petitions."""
    offer = pl.col("plan.job_offer")
    country = pl.col("plan.job_offer.country")
    filed_e, filed_l = _partial_bounds(pl.col("plan.petition_filed_on"))
    petition_e = pl.coalesce(filed_e, pl.lit(as_of))
    petition_l = pl.coalesce(filed_l, pl.lit(as_of))
    est_e, est_l = _partial_bounds(pl.col("plan.job_offer.employer_established"))
    return [
        pl.when(offer.not_())
        .then(False)
        .when(country.is_not_null())
        .then(country == "US")
        .alias("offer_us"),
        pl.col("plan.national_interest_exception").fill_null(False).alias("payment_exception"),
        petition_e.alias("petition_earliest"),
        petition_l.alias("petition_latest"),
        pl.when(est_l.dt.offset_by("1y") <= petition_e)
        .then(True)
        .when(est_e.dt.offset_by("1y") > petition_l)
        .then(False)
        .alias("offer_employer_one_year"),
    ]


def build_facts(
    tables: Tables,
    as_of: date,
    resolvers: Resolvers | None = None,
    needs: Collection[str] | None = None,
) -> BuiltFacts:
    """The facts table of every person in the tables, on the as-of date. With ``needs`` (fact
    names, e.g. those the visas asked for read), the aggregations no rule reads are skipped
    and their columns left null."""
    resolvers = resolvers or Resolvers()
    lookups = _lookup(tables, resolvers)
    persons = tables.persons
    edu = _education(tables, lookups, as_of)
    jobs = _employment(tables, lookups, as_of)
    family = tables.items["family"].select(
        ROW, ITEM, pl.col("relation").alias("fam_relation"), pl.col("status").alias("fam_status")
    )

    def wanted(*facts: str) -> bool:
        return needs is None or any(f in needs for f in facts)

    facts = persons.select(_person_columns(lookups, as_of))
    parts: list[tuple[tuple[str, ...], Callable[[], pl.DataFrame]]] = [
        (("transit_places",), lambda: _places(persons, lookups)),
        (("hsk_level",), lambda: _hsk(tables)),
        (
            ("highest_level", "degree_in_chinese", "foreign_degree_tiers"),
            lambda: _degrees_summary(edu, persons),
        ),
        (("experience_years",), lambda: _experience(jobs, persons)),
        (("cn_consecutive_years",), lambda: _longest_in_china(jobs, persons)),
        (("fortune_500",), lambda: _fortune(jobs, persons)),
        (
            ("research_years",),
            lambda: _experience(
                jobs,
                persons,
                ("research_years_min", "research_years_max"),
                pl.col("job_activity").is_in(["research", "teaching"]),
            ),
        ),
        (("after_bachelor",), lambda: _after_bachelor(jobs, edu, persons, as_of)),
    ]
    for produced, part in parts:
        if wanted(*produced):
            facts = facts.join(part(), on=ROW, how="left", maintain_order="left")
    if wanted("edu_offer_related"):
        offer_field = persons.select(
            ROW,
            pl.coalesce("plan.job_offer.field", "plan.job_offer.occupation")
            .replace_strict(_narrow(lookups), default=None, return_dtype=pl.String)
            .alias("_offer_narrow"),
        )
        edu = edu.join(offer_field, on=ROW, how="left", maintain_order="left").with_columns(
            pl.when(pl.col("_narrow") == pl.col("_offer_narrow"))
            .then(True)
            .alias("edu_offer_related")
        )
    if wanted("job_year_in_three"):
        jobs = jobs.join(
            _spells_before_petition(jobs, facts), on=[ROW, ITEM], how="left", maintain_order="left"
        )
    item_frames = {"education": edu, "employment": jobs, "family": family}
    table = FactsTable(
        persons=_typed(facts, PERSON_SCHEMA),
        items={name: _typed(frame, ITEM_SCHEMAS[name]) for name, frame in item_frames.items()},
    )
    return BuiltFacts(table, lookups, tables, as_of)


def _typed(frame: pl.DataFrame, schema: dict[str, Any]) -> pl.DataFrame:
    """The schema's columns in its order and types; a skipped fact's columns null."""
    return frame.select(
        pl.col(c).cast(t) if c in frame.columns else pl.lit(None, dtype=t).alias(c)
        for c, t in schema.items()
    )


# --- what one person's strings were read as ------------------------------------------------------


def _resolutions_of(built: BuiltFacts, row: int) -> list[Resolution]:
    """For one person, the resolutions in profile order: each item's strings, then the plan."""
    found: list[Resolution] = []
    lookups = built.lookups
    edu = built.tables.items["education"].filter(pl.col(ROW) == row).sort(ITEM)
    for item in edu.iter_rows(named=True):
        at = f"education[{item[ITEM]}]"
        found += _item_resolutions(at, item, lookups, "institution")
        if item["level"] and item["level"] not in LEVEL_WORDS:
            res = lookups.degrees[item["level"]]
            found.append(Resolution(f"{at}.level", "degree", item["level"], res.to_dict()))
    jobs = built.tables.items["employment"].filter(pl.col(ROW) == row).sort(ITEM)
    for item in jobs.iter_rows(named=True):
        at = f"employment[{item[ITEM]}]"
        found += _item_resolutions(at, item, lookups, "employer")
        if item["role"]:
            postdoc = lookups.roles[item["role"]]
            found.append(Resolution(f"{at}.role", "role", item["role"], {"postdoc": postdoc}))
    person = built.tables.persons.filter(pl.col(ROW) == row).row(0, named=True)
    for column in ("plan.entry_port", "plan.exit_port"):
        if person[column]:
            text = person[column]
            found.append(Resolution(column, "port", text, lookups.ports[text].to_dict()))
    for i, text in enumerate(person["plan.regions"] or []):
        found.append(
            Resolution(f"plan.regions[{i}]", "place", text, lookups.places[text].to_dict())
        )
    return found + _inferences(built, row)


def _item_resolutions(
    at: str, item: dict[str, Any], lookups: Lookups, name_column: str
) -> list[Resolution]:
    found = []
    if item["field"]:
        stem = lookups.fields[item["field"]]
        found.append(Resolution(f"{at}.field", "field", item["field"], stem.to_dict("isced_f")))
    if item[name_column]:
        res = lookups.institutions[(item[name_column], item["country"])]
        path = f"{at}.{name_column}"
        found.append(Resolution(path, "institution", item[name_column], res.to_dict()))
    return found


def _inferences(built: BuiltFacts, row: int) -> list[Resolution]:
    """The degrees taken as not taught in Chinese, from the country of their institution."""
    edu = built.tables.items["education"].filter(pl.col(ROW) == row).sort(ITEM)
    found = []
    for item in edu.iter_rows(named=True):
        if item["taught_in_chinese"] is not None:
            continue
        res = (
            built.lookups.institutions.get((item["institution"], item["country"]))
            if item["institution"]
            else None
        )
        registry_country = res.match.institution.country if res and res.match else None
        country = item["country"] or registry_country
        if country is None or country in CHINESE_TEACHING_PLACES:
            continue
        source = "the profile" if item["country"] else "the registry"
        found.append(
            Resolution(
                f"education[{item[ITEM]}].taught_in_chinese",
                "inference",
                country,
                {
                    "value": False,
                    "reason": f"awarded in {country} (country from {source}), outside mainland "
                    "China, Hong Kong, Macao and Taiwan: taken as not taught in Chinese unless "
                    "the profile says so",
                },
            )
        )
    return found


# --- what cannot be ------------------------------------------------------------------------------

MIN_AGE_AT_DEGREE = 10  # a degree completed younger than this is a typing error, not a prodigy


def impossible(tables: Tables, as_of: date) -> pl.DataFrame:
    """The first impossibility of each person who has one (``_row``, ``field``, ``message``):
    not yet born on the as-of date, a degree before the age of ten, a job that ends before it
    starts or starts before birth. An impossible profile gets an error, never an answer."""
    persons = tables.persons
    born_field = (
        pl.when(pl.col("birth_date").is_not_null())
        .then(pl.lit("birth_date"))
        .otherwise(pl.lit("birth_year"))
    )
    birth_text = pl.coalesce(pl.col("birth_date"), pl.col("birth_year").cast(pl.String))
    birth_e, _ = _partial_bounds(birth_text)
    birth = persons.select(
        ROW, born_field.alias("_born"), birth_text.alias("_birth"), birth_e.alias("_birth_e")
    ).filter(pl.col("_birth").is_not_null())
    unborn = birth.filter(pl.col("_birth_e") > pl.lit(as_of)).select(
        ROW,
        pl.lit(0).alias("_order"),
        pl.col("_born").alias("field"),
        pl.format(
            "{} is after the as-of date {}", pl.col("_birth"), pl.lit(as_of.isoformat())
        ).alias("message"),
    )
    edu = tables.items["education"].join(birth, on=ROW)
    _, done_l = _partial_bounds(pl.col("completed"))
    too_young = edu.filter(
        done_l < pl.col("_birth_e").dt.offset_by(f"{MIN_AGE_AT_DEGREE}y")
    ).select(
        ROW,
        (1 + pl.col(ITEM)).alias("_order"),
        pl.format("education[{}].completed, {}", pl.col(ITEM), pl.col("_born")).alias("field"),
        pl.format(
            "a degree completed in {} by someone born in {} (before the age of {})",
            pl.col("completed"),
            pl.col("_birth"),
            pl.lit(MIN_AGE_AT_DEGREE),
        ).alias("message"),
    )
    jobs = tables.items["employment"].join(birth, on=ROW, how="left")
    start_e, start_l = _partial_bounds(pl.col("start"))
    _, end_l = _partial_bounds(pl.col("end"))
    base = 1_000
    backwards = jobs.filter(end_l < start_e).select(
        ROW,
        (base + 2 * pl.col(ITEM)).alias("_order"),
        pl.format("employment[{}].end, employment[{}].start", pl.col(ITEM), pl.col(ITEM)).alias(
            "field"
        ),
        pl.format("the job ends ({}) before it starts ({})", pl.col("end"), pl.col("start")).alias(
            "message"
        ),
    )
    before_birth = jobs.filter(start_l < pl.col("_birth_e")).select(
        ROW,
        (base + 2 * pl.col(ITEM) + 1).alias("_order"),
        pl.format("employment[{}].start, {}", pl.col(ITEM), pl.col("_born")).alias("field"),
        pl.format(
            "the job starts ({}) before the person is born ({})", pl.col("start"), pl.col("_birth")
        ).alias("message"),
    )
    found = pl.concat(
        [f.cast({"_order": pl.Int64}) for f in (unborn, too_young, backwards, before_birth)]
    )
    return (
        found.sort(ROW, "_order")
        .group_by(ROW, maintain_order=True)
        .first()
        .select(ROW, "field", "message")
    )


# --- what the strings were read as, for many people -----------------------------------------------

READ_SEPARATOR = "; "  # between the entries of one person's ``resolutions`` cell


def _institution_text(found: InstitutionResolution) -> str:
    if found.match:
        inst = found.match.institution
        return f"{inst.name} <{inst.id}> score {found.match.score:.2f}"
    return f"no match ({found.reason or 'no_match'})"


def _field_text(found: Any) -> str:
    if found is None or found.entry is None:
        return "no match"
    return f"ISCED-F {found.entry.isced_f} {found.entry.label} score {found.score:.2f}"


def _degree_text(found: Any) -> str:
    if found.isced_level is not None:
        return f"ISCED {found.isced_level} {found.name}"
    return "not a tertiary degree" if found.tertiary is False else "no match"


def _role_text(postdoc: bool | None) -> str:
    return {True: "postdoc", False: "not a postdoc", None: "no match"}[postdoc]


def _place_text(found: Any) -> str:
    if found.ambiguous:
        return "ambiguous: " + ", ".join(found.ambiguous)
    return ", ".join(found.names) if found.names else "no match"


def _texts(column: str, mapping: dict[Any, str]) -> pl.Expr:
    return pl.col(column).replace_strict(mapping, default=None, return_dtype=pl.String)


def _entry(path: pl.Expr, read: pl.Expr) -> pl.Expr:
    """``education[0].field = ISCED-F 0613 Computer Science score 1.00``; null when nothing was
    read."""
    return pl.when(read.is_not_null()).then(pl.concat_str([path, pl.lit(" = "), read]))


def resolution_texts(built: BuiltFacts) -> pl.DataFrame:
    """Per person (``_row``), what each string was read as and how sure, in profile order, as
    one text: the batch form of :meth:`BuiltFacts.resolutions`. Each distinct string is
    written once and joined back."""
    lookups = built.lookups
    institutions = pl.DataFrame(
        {
            "_text": [t for t, _ in lookups.institutions],
            "_country": [c for _, c in lookups.institutions],
            "_read": [_institution_text(r) for r in lookups.institutions.values()],
        },
        schema={"_text": pl.String, "_country": pl.String, "_read": pl.String},
    )
    fields = {t: _field_text(r) for t, r in lookups.fields.items()}
    degrees = {t: _degree_text(r) for t, r in lookups.degrees.items() if t not in LEVEL_WORDS}
    parts: list[pl.DataFrame] = []
    for name, named, extra in (
        ("education", "institution", ("level", degrees)),
        ("employment", "employer", ("role", {t: _role_text(r) for t, r in lookups.roles.items()})),
    ):
        items = built.tables.items[name].join(
            institutions.rename({"_text": named, "_country": "country"}),
            on=[named, "country"],
            how="left",
            nulls_equal=True,
        )
        at = pl.format(f"{name}[{{}}].", pl.col(ITEM))
        column, mapping = extra
        read = [
            _entry(pl.concat_str([at, pl.lit("field")]), _texts("field", fields)),
            _entry(pl.concat_str([at, pl.lit(named)]), pl.col("_read")),
            _entry(pl.concat_str([at, pl.lit(column)]), _texts(column, mapping)),
        ]
        parts.append(
            items.select(
                ROW,
                pl.lit(len(parts)).alias("_order"),
                ITEM,
                pl.concat_str(read, separator=READ_SEPARATOR, ignore_nulls=True).alias("_t"),
            )
        )
    persons = built.tables.persons
    ports = {t: _place_text(r) for t, r in lookups.ports.items()}
    plan = [
        _entry(pl.lit(column), _texts(column, ports))
        for column in ("plan.entry_port", "plan.exit_port")
    ]
    regions = (
        persons.select(ROW, pl.col("plan.regions").alias("_text"))
        .explode("_text")
        .with_columns(pl.int_range(pl.len()).over(ROW).alias(ITEM))
        .filter(pl.col("_text").is_not_null())
        .select(
            ROW,
            pl.lit(len(parts) + 1).alias("_order"),
            ITEM,
            _entry(
                pl.format("plan.regions[{}]", pl.col(ITEM)),
                _texts("_text", {t: _place_text(r) for t, r in lookups.places.items()}),
            ).alias("_t"),
        )
    )
    parts.append(
        persons.select(
            ROW,
            pl.lit(len(parts)).alias("_order"),
            pl.lit(0).alias(ITEM),
            pl.concat_str(plan, separator=READ_SEPARATOR, ignore_nulls=True).alias("_t"),
        )
    )
    parts.append(regions)
    entries = (
        pl.concat([p.cast({"_order": pl.Int32, ITEM: pl.Int64}) for p in parts])
        .filter(pl.col("_t").is_not_null() & (pl.col("_t") != ""))
        .sort(ROW, "_order", ITEM)
        .group_by(ROW, maintain_order=True)
        .agg(pl.col("_t").str.join(READ_SEPARATOR).alias("resolutions"))
    )
    return (
        persons.select(ROW)
        .join(entries, on=ROW, how="left", maintain_order="left")
        .with_columns(pl.col("resolutions").fill_null(""))
    )
