"""Facts: the columns rules read, each tied to the profile path it comes from.

A fact is a column of the facts table (one row per person) or of an item table
(one row per degree, per job, per relative). Null means unknown. The profile path
is what ``missing`` reports when a fact would decide an undetermined result.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import polars as pl


@dataclass(frozen=True)
class Collection:
    """A list in the profile (``education``) evaluated item by item."""

    name: str
    path: str
    description: str

    @property
    def known_column(self) -> str:
        return f"{self.name}__known"


@dataclass(frozen=True)
class Fact:
    name: str
    path: str  # profile path; items use "education[].field"
    dtype: pl.DataType | type[pl.DataType]
    description: str
    collection: Collection | None = None
    # Columns holding the fact; a range fact (birth year only) has a low and a high end.
    columns: tuple[str, ...] = ()
    # When the fact counts as known; by default when every column is non-null.
    known_when: Callable[[], pl.Expr] | None = field(default=None, compare=False)
    # The profile fields it is computed from, where more than ``path`` (the table of fields
    # says which rules read each one).
    sources: tuple[str, ...] = ()
    # The column is the profile field ``path`` as the tables hold it, copied (no computation).
    direct: bool = False

    def __post_init__(self) -> None:
        if not self.columns:
            object.__setattr__(self, "columns", (self.name,))
        if not self.sources:
            object.__setattr__(self, "sources", (self.path,))

    @property
    def col(self) -> pl.Expr:
        return pl.col(self.name)

    def known(self) -> pl.Expr:
        if self.known_when is not None:
            return self.known_when()
        return pl.all_horizontal(pl.col(c).is_not_null() for c in self.columns)

    def item_path(self, index: pl.Expr) -> pl.Expr:
        """The path with the item's index filled in: ``education[0].field``."""
        head, _, tail = self.path.partition("[]")
        return pl.format(head + "[{}]" + tail, index)
