"""Ages on the as-of date from a birth date known to the day, month or year only.

The birth date is a range [earliest, latest]; an age test is true when it holds for
every possible birth date, false when it fails for every one, and null otherwise.
"""

from __future__ import annotations

from datetime import date

import polars as pl

EARLIEST, LATEST = "birth_earliest", "birth_latest"


def younger_than(years: int, as_of: date) -> pl.Expr:
    """Has not reached ``years`` of age on ``as_of`` (birthday on the as-of date counts)."""
    reached_if_earliest = pl.col(EARLIEST).dt.offset_by(f"{years}y") <= pl.lit(as_of)
    reached_if_latest = pl.col(LATEST).dt.offset_by(f"{years}y") <= pl.lit(as_of)
    return (
        pl.when(reached_if_latest)
        .then(pl.lit(False))
        .when(~reached_if_earliest)
        .then(pl.lit(True))
        .otherwise(pl.lit(None, dtype=pl.Boolean))
    )


def _completed_years(column: str, as_of: date) -> pl.Expr:
    month_day = pl.col(column).dt.month().cast(pl.Int32) * 100 + pl.col(column).dt.day()
    birthday_not_yet = month_day > (as_of.month * 100 + as_of.day)
    return (pl.lit(as_of.year) - pl.col(column).dt.year() - birthday_not_yet.cast(pl.Int32)).cast(
        pl.Int32
    )


def age_range(as_of: date) -> tuple[pl.Expr, pl.Expr]:
    """Lowest and highest possible age in completed years."""
    return _completed_years(LATEST, as_of), _completed_years(EARLIEST, as_of)
