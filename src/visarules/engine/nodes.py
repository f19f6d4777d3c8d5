"""Criteria and the trees visas are made of.

A criterion is a named, cited condition with one polars expression; a visa's
conditions are a tree of criteria joined by all / any / at-least-N, with
``ForAnyItem`` to ask "is there a degree such that ...". Because each node is an
expression over columns, the same tree explains one person and screens millions.
Three-valued logic is polars' null logic (Kleene): false & null = false.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date

import polars as pl

from visarules.engine.citations import Citation
from visarules.engine.context import Context
from visarules.engine.facts import Collection, Fact

Formula = Callable[[Context], pl.Expr]


@dataclass(frozen=True, kw_only=True, eq=False)
class Node:
    id: str
    text: str
    citations: tuple[Citation, ...] = ()

    @property
    def children(self) -> tuple[Node, ...]:
        return ()

    def walk(self) -> Iterator[Node]:
        yield self
        for child in self.children:
            yield from child.walk()


@dataclass(frozen=True, kw_only=True, eq=False)
class Criterion(Node):
    """A leaf: one condition of the law, as an expression over facts."""

    formula: Formula
    reads: tuple[Fact, ...] = ()
    since: date  # the date the clause it implements took effect
    assumptions: tuple[str, ...] = ()  # named assumptions the formula consults
    # Evaluated on any date: the formula itself reads the date (a visa's "in force" test).
    timeless: bool = False


@dataclass(frozen=True, kw_only=True, eq=False)
class AllOf(Node):
    nodes: tuple[Node, ...]

    @property
    def children(self) -> tuple[Node, ...]:
        return self.nodes


@dataclass(frozen=True, kw_only=True, eq=False)
class AnyOf(Node):
    nodes: tuple[Node, ...]

    @property
    def children(self) -> tuple[Node, ...]:
        return self.nodes


@dataclass(frozen=True, kw_only=True, eq=False)
class AtLeast(Node):
    n: int
    nodes: tuple[Node, ...]

    @property
    def children(self) -> tuple[Node, ...]:
        return self.nodes


@dataclass(frozen=True, kw_only=True, eq=False)
class ForAnyItem(Node):
    """True if some item of the collection satisfies ``node``; unknown list → unknown."""

    collection: Collection
    node: Node

    @property
    def children(self) -> tuple[Node, ...]:
        return (self.node,)


def combine(node: Node, children: list[pl.Expr]) -> pl.Expr:
    """Kleene combination of the children's values for a composite node."""
    if isinstance(node, AllOf):
        return pl.all_horizontal(children)
    if isinstance(node, AnyOf):
        return pl.any_horizontal(children)
    if isinstance(node, AtLeast):
        true = pl.sum_horizontal([c.fill_null(False).cast(pl.Int32) for c in children])
        unknown = pl.sum_horizontal([c.is_null().cast(pl.Int32) for c in children])
        return (
            pl.when(true >= node.n)
            .then(pl.lit(True))
            .when(true + unknown < node.n)
            .then(pl.lit(False))
            .otherwise(pl.lit(None, dtype=pl.Boolean))
        )
    raise TypeError(f"{node.id}: not a composite node")
