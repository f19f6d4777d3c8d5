"""Evaluate visas over a facts table: one pass of polars expressions for any number of people.

Output columns, per person row:
- one column per node id with its three-valued result (null = undetermined);
- ``<CODE>:status`` with ``eligible`` / ``not_eligible`` / ``undetermined``;
- ``<CODE>:missing``, the profile paths that would decide an undetermined result.

``missing`` follows relevance: a node's unknown children matter only when the node
itself is unknown, so a person already excluded by one condition is not asked
about the others (a 12-year-old is not asked about a job offer).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import polars as pl

from visarules.engine.context import Context
from visarules.engine.nodes import Criterion, ForAnyItem, Node, combine
from visarules.engine.visa import Visa

ROW = "_row"
ITEM = "_item"


@dataclass
class FactsTable:
    """One row per person (``_row``), and one table per collection (``_row``, ``_item``)."""

    persons: pl.DataFrame
    items: dict[str, pl.DataFrame]


@dataclass
class Evaluation:
    visas: tuple[Visa, ...]
    ctx: Context
    persons: pl.DataFrame
    items: dict[str, pl.DataFrame]


def status_column(code: str) -> str:
    return f"{code}:status"


def missing_column(code: str) -> str:
    return f"{code}:missing"


def related_key(code: str, node_id: str) -> str:
    """Name of a tree explained beside a visa (the path to a document the visa requires)."""
    return f"{code}#{node_id}"


def _targets(visas: Sequence[Visa]) -> list[tuple[str, Node]]:
    """The trees that get a list of missing facts: each visa's, and each explained beside it."""
    return [(visa.code, visa.root) for visa in visas] + [
        (related_key(visa.code, node.id), node) for visa in visas for node in visa.related
    ]


def _unique_nodes(visas: Sequence[Visa]) -> dict[str, Node]:
    """Every node by id; one id must mean one node, so shared criteria are computed once."""
    nodes: dict[str, Node] = {}
    for _, tree in _targets(visas):
        for node in tree.walk():
            seen = nodes.setdefault(node.id, node)
            if seen is not node:
                raise ValueError(f"node id {node.id!r} is used by two different nodes")
    return nodes


def _item_nodes(node: Node) -> set[str]:
    """Ids of nodes evaluated on an item table (below a ForAnyItem)."""
    inside: set[str] = set()
    for n in node.walk():
        if isinstance(n, ForAnyItem):
            inside.update(m.id for m in n.node.walk())
    return inside


def not_yet_law(node: Criterion, ctx: Context) -> bool:
    """The clause took effect after the as-of date: it says nothing on that date."""
    return ctx.as_of < node.since and not node.timeless


def _value(node: Node, ctx: Context) -> pl.Expr:
    if isinstance(node, Criterion):
        if not_yet_law(node, ctx):
            return pl.lit(None, dtype=pl.Boolean)
        return node.formula(ctx).cast(pl.Boolean)
    return combine(node, [pl.col(child.id) for child in node.children])


def _by_height(nodes: Iterable[Node]) -> list[list[Node]]:
    """Nodes grouped so that each group only reads columns of earlier groups."""
    height: dict[str, int] = {}

    def h(node: Node) -> int:
        if node.id not in height:
            kids = () if isinstance(node, ForAnyItem) else node.children
            height[node.id] = 1 + max((h(k) for k in kids), default=-1)
        return height[node.id]

    layers: list[list[Node]] = []
    for node in nodes:
        level = h(node)
        while len(layers) <= level:
            layers.append([])
        layers[level].append(node)
    return layers


def _evaluate_layers(frame: pl.LazyFrame, nodes: Iterable[Node], ctx: Context) -> pl.LazyFrame:
    for layer in _by_height(nodes):
        computable = [n for n in layer if not isinstance(n, ForAnyItem)]
        if computable:
            frame = frame.with_columns(_value(n, ctx).alias(n.id) for n in computable)
    return frame


def _missing_terms(node: Node, relevant: pl.Expr, on_items: bool, ctx: Context) -> list[pl.Expr]:
    """Path expressions (null when not missing) for the unknown facts that would decide ``node``.

    A clause not yet in force is unknown whatever the facts: it asks for none of them."""
    if isinstance(node, Criterion):
        if not_yet_law(node, ctx):
            return []
        unknown_here = relevant & pl.col(node.id).is_null()
        terms: list[pl.Expr] = []
        for fact in node.reads:
            on_item = on_items and fact.collection is not None
            path = fact.item_path(pl.col(ITEM)) if on_item else pl.lit(fact.path)
            terms.append(pl.when(unknown_here & ~fact.known()).then(path))
        return terms
    if isinstance(node, ForAnyItem):
        below = [n for n in node.node.walk() if isinstance(n, Criterion)]
        if all(not_yet_law(n, ctx) for n in below):
            return []
        return [
            pl.when(relevant & ~pl.col(node.collection.known_column)).then(
                pl.lit(node.collection.path)
            ),
        ]
    terms = []
    for child in node.children:
        terms.extend(_missing_terms(child, relevant & pl.col(child.id).is_null(), on_items, ctx))
    return terms


def _item_missing(fa: ForAnyItem, relevant: pl.Expr, ctx: Context) -> list[pl.Expr]:
    return _missing_terms(fa.node, relevant & pl.col(fa.node.id).is_null(), True, ctx)


def _collect_paths(terms: list[pl.Expr]) -> pl.Expr:
    if not terms:
        return pl.lit([], dtype=pl.List(pl.String))
    return pl.concat_list(terms).list.drop_nulls()


def evaluate(visas: Sequence[Visa], facts: FactsTable, ctx: Context) -> Evaluation:
    nodes = _unique_nodes(visas)
    on_items = set().union(*(_item_nodes(tree) for _, tree in _targets(visas)))
    for_any = [n for n in nodes.values() if isinstance(n, ForAnyItem)]

    # 1. Item tables: evaluate the subtrees below each ForAnyItem, item by item.
    items: dict[str, pl.LazyFrame] = {name: df.lazy() for name, df in facts.items.items()}
    by_collection: dict[str, list[ForAnyItem]] = {}
    for fa in for_any:
        by_collection.setdefault(fa.collection.name, []).append(fa)
    for name, group in by_collection.items():
        frame = items[name]
        subtree: dict[str, Node] = {}
        for fa in group:
            for n in fa.node.walk():
                subtree.setdefault(n.id, n)
        person_columns = sorted(
            {
                column
                for n in subtree.values()
                if isinstance(n, Criterion)
                for fact in n.reads
                if fact.collection is None
                for column in fact.columns
            }
        )
        if person_columns:  # an item rule may also read a fact about the person
            frame = frame.join(
                facts.persons.lazy().select(ROW, *person_columns), on=ROW, how="left"
            )
        frame = _evaluate_layers(frame, subtree.values(), ctx)
        items[name] = frame

    # 2. Persons: ForAnyItem results aggregated with Kleene "any", then the rest of each tree.
    persons = facts.persons.lazy()
    for name, group in by_collection.items():
        agg = (
            items[name]
            .group_by(ROW)
            .agg(
                expr
                for fa in group
                for expr in (
                    pl.col(fa.node.id).fill_null(False).any().alias(f"{fa.id}::true"),
                    pl.col(fa.node.id).is_null().any().alias(f"{fa.id}::null"),
                )
            )
        )
        persons = persons.join(agg, on=ROW, how="left")
        persons = persons.with_columns(
            pl.when(~pl.col(fa.collection.known_column))
            .then(pl.lit(None, dtype=pl.Boolean))
            .when(pl.col(f"{fa.id}::true").fill_null(False))
            .then(pl.lit(True))
            .when(pl.col(f"{fa.id}::null").fill_null(False))
            .then(pl.lit(None, dtype=pl.Boolean))
            .otherwise(pl.lit(False))
            .alias(fa.id)
            for fa in group
        ).drop([c for fa in group for c in (f"{fa.id}::true", f"{fa.id}::null")])
    persons = _evaluate_layers(persons, [n for n in nodes.values() if n.id not in on_items], ctx)

    # 3. Status and the facts that would decide each undetermined visa.
    relevance: dict[str, pl.Expr] = {}
    for key, tree in _targets(visas):
        for node in tree.walk():
            if isinstance(node, ForAnyItem):
                relevance[f"{key}|{node.id}"] = _relevance(tree, node, pl.col(tree.id).is_null())
    item_missing: dict[str, str] = {}
    for name, group in by_collection.items():
        wanted = [(key, fa) for fa in group for key in relevance if key.endswith(f"|{fa.id}")]
        if not wanted:
            continue
        rel = persons.select(
            pl.col(ROW), *(relevance[key].alias(f"rel:{key}") for key, _ in wanted)
        )
        frame = items[name].join(rel, on=ROW, how="left")
        frame = frame.with_columns(
            _collect_paths(_item_missing(fa, pl.col(f"rel:{key}").fill_null(False), ctx)).alias(
                f"miss:{key}"
            )
            for key, fa in wanted
        )
        # joins do not keep row order: sort so that paths come in item order, run after run
        agg = (
            frame.sort(ROW, ITEM)
            .group_by(ROW, maintain_order=True)
            .agg(
                pl.col(f"miss:{key}").list.explode(keep_nulls=False, empty_as_null=False)
                for key, _ in wanted
            )
        )
        persons = persons.join(agg, on=ROW, how="left")
        item_missing.update({key: f"miss:{key}" for key, _ in wanted})

    status_exprs = []
    for visa in visas:
        root = pl.col(visa.root.id)
        status_exprs.append(
            pl.when(root)
            .then(pl.lit("eligible"))
            .when(~root)
            .then(pl.lit("not_eligible"))
            .otherwise(pl.lit("undetermined"))
            .alias(status_column(visa.code))
        )
    for target, tree in _targets(visas):
        terms = _missing_terms(tree, pl.col(tree.id).is_null(), False, ctx)
        terms += [
            pl.col(col).fill_null(pl.lit([], dtype=pl.List(pl.String)))
            for key, col in item_missing.items()
            if key.startswith(f"{target}|")
        ]
        status_exprs.append(
            _collect_paths(terms).list.unique(maintain_order=True).alias(missing_column(target))
        )
    persons = persons.with_columns(status_exprs).drop(list(item_missing.values()))
    collected = pl.collect_all([persons, *items.values()])
    return Evaluation(
        visas=tuple(visas),
        ctx=ctx,
        persons=collected[0].sort(ROW),
        items=dict(zip(items, collected[1:], strict=True)),
    )


def _relevance(root: Node, target: Node, relevant: pl.Expr) -> pl.Expr:
    """Relevance of ``target``: every ancestor from the root down is unknown."""
    path = _path_to(root, target)
    if path is None:
        raise ValueError(f"{target.id} is not under {root.id}")
    for node in path[1:]:
        relevant = relevant & pl.col(node.id).is_null()
    return relevant


def _path_to(node: Node, target: Node) -> list[Node] | None:
    if node is target:
        return [node]
    if isinstance(node, ForAnyItem):
        return None
    for child in node.children:
        found = _path_to(child, target)
        if found is not None:
            return [node, *found]
    return None
