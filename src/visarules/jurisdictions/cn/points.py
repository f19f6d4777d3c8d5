"""China's foreign-worker classification (外国人来华工作分类标准): the points calculator.

Category A (foreign high-end talent) is met directly or with 85 points or more;
Category B with 60 or more; below that is Category C. Each item gives a lower and an
upper bound of points, so that an unknown fact narrows to a range instead of a guess:
the total is known when both bounds meet, and the class when the range decides it.
The tables are dated parameters (points.yaml): the 2016 pilot and the 2017 version.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

import polars as pl

from visarules.engine.ages import age_range
from visarules.engine.assumptions import Assumption, Option
from visarules.engine.citations import Citation
from visarules.engine.context import Context
from visarules.engine.facts import Fact
from visarules.facts import (
    ANNUAL_MONTHS,
    BIRTH,
    CN_YEARS,
    EXPERIENCE_YEARS,
    FOREIGN_DEGREE_TIERS,
    FORMER_CN,
    FORTUNE_500,
    HIGHEST_LEVEL,
    HSK,
    PATENTS,
    SALARY_CNY,
    TAUGHT_IN_CHINESE,
    WORK_REGION,
)
from visarules.resolve.institutions import tiers_mask

PARAMETERS = "points.yaml"
SINCE = date(2016, 10, 1)

Bounds = tuple[pl.Expr, pl.Expr]

HIGH_LEVEL_UNIVERSITY = Assumption(
    name="cn.points.high_level_university",
    question="Which foreign universities are 'high-level' (高水平) for the bonus points?",
    why_open="The 2017 table says 'high-level foreign university' without a list; the 2016 pilot "
    "table said 'top-100 foreign university'.",
    default="top100",
    options=(
        Option("top100", "World top 100 (visarules' tier world_top_100), as the 2016 table said"),
        Option("top200", "World top 200 (tier world_top_200)"),
        Option("top500", "World top 500 (tier world_top_500)"),
    ),
)
LOCAL_BONUS = Assumption(
    name="cn.points.local_bonus",
    question="How many local-encouragement points (0–10) does the province award?",
    why_open="Provincial foreign-work authorities set these points for shortage talent; no "
    "national list exists.",
    default="0",
    options=tuple(Option(str(n), f"{n} points") for n in range(11)),
)
ASSUMPTIONS = (HIGH_LEVEL_UNIVERSITY, LOCAL_BONUS)


def _first_match(value: pl.Expr, cases: list[tuple[pl.Expr, int]]) -> pl.Expr:
    """Points of the first case that holds, 0 if none; null when the value is unknown."""
    chain: Any = pl.when(value.is_null()).then(pl.lit(None, dtype=pl.Int32))
    for condition, points in cases:
        chain = chain.when(condition).then(pl.lit(int(points), dtype=pl.Int32))
    result: pl.Expr = chain.otherwise(pl.lit(0, dtype=pl.Int32))
    return result


def _bands(value: pl.Expr, bands: list[list[float]]) -> Bounds:
    """Points of the first band whose lower bound the value reaches; unknown → [0, max]."""
    points = _first_match(value, [(value >= lower, int(p)) for lower, p in bands])
    top = max(int(p) for _, p in bands)
    return points.fill_null(0), points.fill_null(top)


def _best_of(components: list[tuple[pl.Expr, int]], cap: int) -> Bounds:
    """The best single line counts, capped: unknown lines widen the upper bound only."""
    low = pl.min_horizontal(pl.max_horizontal([c.fill_null(0) for c, _ in components]), cap)
    high = pl.min_horizontal(pl.max_horizontal([c.fill_null(top) for c, top in components]), cap)
    return low.cast(pl.Int32), high.cast(pl.Int32)


def _flag(flag: pl.Expr, points: int) -> pl.Expr:
    return pl.when(flag).then(points).when(flag.is_not_null()).then(0)


def _salary(ctx: Context) -> Bounds:
    return _bands(pl.col(SALARY_CNY.name) / 10_000, ctx.param("cn.points.salary"))


def _education(ctx: Context) -> Bounds:
    table = {int(k): int(v) for k, v in ctx.param("cn.points.education").items()}
    level = pl.col(HIGHEST_LEVEL.name)
    points = _first_match(
        level, [(level >= lvl, table[lvl]) for lvl in sorted(table, reverse=True)]
    )
    return points.fill_null(0), points.fill_null(max(table.values()))


def _experience(ctx: Context) -> Bounds:
    rule = ctx.param("cn.points.experience")

    def points(column: str) -> pl.Expr:
        years = pl.col(column).floor()
        extra = (years - rule["min_years"]) * rule["per_extra_year"]
        return (
            pl.when(years.is_null())
            .then(None)
            .when(years < rule["min_years"])
            .then(0)
            .otherwise(pl.min_horizontal(rule["base"] + extra, rule["max"]))
            .cast(pl.Int32)
        )

    low, high = EXPERIENCE_YEARS.columns
    return points(low).fill_null(0), points(high).fill_null(rule["max"])


def _months(ctx: Context) -> Bounds:
    return _bands(pl.col(ANNUAL_MONTHS.name), ctx.param("cn.points.annual_months"))


def _chinese(ctx: Context) -> Bounds:
    rule = ctx.param("cn.points.chinese")
    hsk = pl.col(HSK.name)
    by_level = _first_match(
        hsk,
        [(hsk >= int(level), rule["hsk"][level]) for level in sorted(rule["hsk"], reverse=True)],
    )
    components = [
        (by_level, max(rule["hsk"].values())),
        (
            _flag(pl.col(TAUGHT_IN_CHINESE.name), rule["degree_in_chinese"]),
            rule["degree_in_chinese"],
        ),
    ]
    if rule["former_national"] is not None:
        components.append(
            (_flag(pl.col(FORMER_CN.name), rule["former_national"]), rule["former_national"])
        )
    return _best_of(components, rule["max"])


def _region(ctx: Context) -> Bounds:
    table = ctx.param("cn.points.work_region")
    region = pl.col(WORK_REGION.name)
    points = pl.when(region.is_not_null()).then(
        region.replace_strict(table, default=0, return_dtype=pl.Int32)
    )
    return points.fill_null(0), points.fill_null(max(table.values()))


def _age(ctx: Context) -> Bounds:
    bands = ctx.param("cn.points.age")

    def points(age: pl.Expr) -> pl.Expr:
        return _first_match(age, [(age.is_between(low, high), pts) for low, high, pts in bands])

    youngest, oldest = age_range(ctx.as_of)
    at_low, at_high = points(youngest), points(oldest)
    top = max(p for *_, p in bands)
    return (
        pl.min_horizontal(at_low, at_high).fill_null(0),
        pl.max_horizontal(at_low, at_high).fill_null(top),
    )


_HIGH_LEVEL_TIER = {"top100": "world_top_100", "top200": "world_top_200", "top500": "world_top_500"}


def _bonus(ctx: Context) -> Bounds:
    rule = ctx.param("cn.points.bonus")
    cap = rule["max"]
    tier = _HIGH_LEVEL_TIER[ctx.assume(HIGH_LEVEL_UNIVERSITY.name)]
    flags = {
        "top_foreign_university": (pl.col(FOREIGN_DEGREE_TIERS.name) & tiers_mask([tier])) != 0,
        "fortune_500": pl.col(FORTUNE_500.name),
        "patents": pl.col(PATENTS.name) > 0,
        "five_years_in_china": _at_least(CN_YEARS, 5),
    }
    return _best_of([(_flag(flags[item], cap), cap) for item in rule["items"]], cap)


def _at_least(fact: Fact, threshold: float) -> pl.Expr:
    """A range fact reaches the threshold: surely (low), surely not (high), or unknown."""
    low, high = (pl.col(c) for c in fact.columns)
    return pl.when(low >= threshold).then(True).when(high < threshold).then(False)


def _local(ctx: Context) -> Bounds:
    points = pl.lit(int(ctx.assume(LOCAL_BONUS.name)), dtype=pl.Int32)
    return points, points


@dataclass(frozen=True)
class PointsItem:
    id: str
    text: str
    parameter: str | None
    reads: tuple[Fact, ...]
    bounds: Callable[[Context], Bounds]
    assumptions: tuple[str, ...] = ()

    def citations(self, ctx: Context) -> tuple[Citation, ...]:
        if self.parameter is None:
            return ()
        dated = ctx.dated(self.parameter)
        return dated.citations if dated else ()


ITEMS = (
    PointsItem("salary", "Annual salary in China", "cn.points.salary", (SALARY_CNY,), _salary),
    PointsItem("education", "Highest degree", "cn.points.education", (HIGHEST_LEVEL,), _education),
    PointsItem(
        "experience",
        "Work experience (all listed jobs count as relevant)",
        "cn.points.experience",
        (EXPERIENCE_YEARS,),
        _experience,
    ),
    PointsItem(
        "annual_months",
        "Months a year working in China",
        "cn.points.annual_months",
        (ANNUAL_MONTHS,),
        _months,
    ),
    PointsItem(
        "chinese",
        "Chinese language",
        "cn.points.chinese",
        (HSK, TAUGHT_IN_CHINESE, FORMER_CN),
        _chinese,
    ),
    PointsItem("work_region", "Region of work", "cn.points.work_region", (WORK_REGION,), _region),
    PointsItem("age", "Age", "cn.points.age", (BIRTH,), _age),
    PointsItem(
        "bonus",
        "Extra points",
        "cn.points.bonus",
        (FOREIGN_DEGREE_TIERS, FORTUNE_500, PATENTS, CN_YEARS),
        _bonus,
        (HIGH_LEVEL_UNIVERSITY.name,),
    ),
    PointsItem(
        "local_bonus",
        "Local encouragement points (assumption cn.points.local_bonus)",
        None,
        (),
        _local,
        (LOCAL_BONUS.name,),
    ),
)


def item_columns(ctx: Context) -> list[pl.Expr]:
    """``points:<item>:low`` and ``points:<item>:high`` for every item."""
    columns = []
    for item in ITEMS:
        low, high = item.bounds(ctx)
        columns += [low.alias(f"points:{item.id}:low"), high.alias(f"points:{item.id}:high")]
    return columns


def total_bounds(ctx: Context) -> Bounds:
    lows, highs = [], []
    for item in ITEMS:
        low, high = item.bounds(ctx)
        lows.append(low)
        highs.append(high)
    return pl.sum_horizontal(lows), pl.sum_horizontal(highs)


def at_least(threshold_class: str) -> Callable[[Context], pl.Expr]:
    """Formula: the total reaches the class's threshold (three-valued over the range)."""

    def formula(ctx: Context) -> pl.Expr:
        needed = ctx.param("cn.points.classes")[threshold_class]
        low, high = total_bounds(ctx)
        return (
            pl.when(low >= needed)
            .then(pl.lit(True))
            .when(high < needed)
            .then(pl.lit(False))
            .otherwise(pl.lit(None, dtype=pl.Boolean))
        )

    return formula


ALL_READS = tuple(dict.fromkeys(fact for item in ITEMS for fact in item.reads))
