"""Evaluate visas over a facts table: one pass of polars expressions for any number of people,
and only the work asked for.

1. **Values**: every node of every tree, one column each (null = undetermined), computed layer
   by layer; the subtrees below "for any item" on the item tables, aggregated once per
   collection with Kleene "any".
2. **Statuses** from the roots: ``eligible`` / ``not_eligible`` / ``undetermined``.
3. **Details**, where a status needs them: the facts that would decide an undetermined result
   (``missing``), and the first failing criterion of a refusal (``failed``). Missing facts are
   a bit per profile path, OR-ed over the tree and decoded once per distinct mask: a million
   rows share a few hundred masks.

``missing`` follows relevance: a node's unknown children matter only when the node itself is
unknown, so a person already excluded by one condition is not asked about the others (a
12-year-old is not asked about a job offer). A clause not yet in force asks for nothing.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np
import polars as pl

from visarules.engine.context import Context
from visarules.engine.nodes import Criterion, ForAnyItem, Node, combine
from visarules.engine.visa import Visa

ROW = "_row"
ITEM = "_item"
STATUSES = ("not_eligible", "eligible", "undetermined")  # by code: False, True, null
MAX_PATHS = 63  # profile paths one tree can ask about: the bits of one mask
SEPARATOR = ";"  # between the paths of a missing list, as the batch output writes them
_NO_PATHS = pl.lit([], dtype=pl.List(pl.String))


@dataclass
class FactsTable:
    """One row per person (``_row``), and one table per collection (``_row``, ``_item``)."""

    persons: pl.DataFrame
    items: dict[str, pl.DataFrame]


@dataclass
class Evaluation:
    """Node values (persons and items), statuses and the details asked for."""

    visas: tuple[Visa, ...]
    ctx: Context
    persons: pl.DataFrame
    items: dict[str, pl.DataFrame]


def status_column(code: str) -> str:
    return f"{code}:status"


def missing_column(code: str) -> str:
    return f"{code}:missing"


def failed_column(code: str) -> str:
    return f"{code}:failed"


def related_key(code: str, node_id: str) -> str:
    """Name of a tree explained beside a visa (the path to a document the visa requires)."""
    return f"{code}#{node_id}"


def not_yet_law(node: Criterion, ctx: Context) -> bool:
    """The clause took effect after the as-of date: it says nothing on that date."""
    return ctx.as_of < node.since and not node.timeless


def _targets(visas: Sequence[Visa], beside: bool = True) -> list[tuple[str, Node]]:
    """The trees evaluated: each visa's, and (``beside``) each explained beside it and each
    cost's, which explaining one person shows and screening does not."""
    return [(visa.code, visa.root) for visa in visas] + [
        (related_key(visa.code, node.id), node)
        for visa in visas
        if beside
        for node in visa.trees[1:]
    ]


def facts_read(visas: Sequence[Visa], beside: bool = True) -> frozenset[str]:
    """The names of the facts the visas' trees read: all the facts builder must compute."""
    return frozenset(
        fact.name
        for _, tree in _targets(visas, beside)
        for node in tree.walk()
        if isinstance(node, Criterion)
        for fact in node.reads
    )


def _unique_nodes(visas: Sequence[Visa], beside: bool) -> dict[str, Node]:
    """Every node by id; one id must mean one node, so shared criteria are computed once."""
    nodes: dict[str, Node] = {}
    for _, tree in _targets(visas, beside):
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


def _layers(frame: pl.DataFrame, nodes: Iterable[Node], ctx: Context) -> pl.DataFrame:
    """Every node's column, layer on layer, in one query (polars shares and parallelises)."""
    query = frame.lazy()
    for layer in _by_height(nodes):
        computable = [n for n in layer if not isinstance(n, ForAnyItem)]
        if computable:
            query = query.with_columns(_value(n, ctx).alias(n.id) for n in computable)
    return query.collect()


def _any_item(fa: ForAnyItem) -> pl.Expr:
    """Kleene "any" over the items; an unknown list is unknown, an empty one false."""
    return (
        pl.when(~pl.col(fa.collection.known_column))
        .then(pl.lit(None, dtype=pl.Boolean))
        .when(pl.col(f"{fa.id}::true").fill_null(False))
        .then(pl.lit(True))
        .when(pl.col(f"{fa.id}::null").fill_null(False))
        .then(pl.lit(None, dtype=pl.Boolean))
        .otherwise(pl.lit(False))
        .alias(fa.id)
    )


def _positions(person_rows: pl.Series, item_rows: pl.Series) -> np.ndarray:
    """Each item's person as a position in the persons table: items aggregate per person by
    counting (``bincount``), with no group-by and no join."""
    rows = person_rows.to_numpy()
    if not len(rows):
        return np.zeros(0, dtype=np.int64)
    low = int(rows.min())
    lookup = np.full(int(rows.max()) - low + 1, -1, dtype=np.int64)
    lookup[rows - low] = np.arange(len(rows))
    found: np.ndarray = lookup[item_rows.to_numpy() - low]
    return found


def values(
    visas: Sequence[Visa], facts: FactsTable, ctx: Context, beside: bool = True
) -> Evaluation:
    """Every node's value, for persons and items."""
    nodes = _unique_nodes(visas, beside)
    on_items = set().union(*(_item_nodes(tree) for _, tree in _targets(visas, beside)))
    by_collection: dict[str, list[ForAnyItem]] = {}
    for node in nodes.values():
        if isinstance(node, ForAnyItem):
            by_collection.setdefault(node.collection.name, []).append(node)
    persons = facts.persons
    items = dict(facts.items)
    for name, group in by_collection.items():
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
        frame = items[name]
        if person_columns:  # an item rule may also read a fact about the person
            frame = frame.join(persons.select(ROW, *person_columns), on=ROW, how="left")
        frame = _layers(frame, subtree.values(), ctx)
        items[name] = frame
        position = _positions(persons[ROW], frame[ROW])
        flags = []
        for fa in group:
            value = frame[fa.node.id]
            for suffix, flag in (("true", value.fill_null(False)), ("null", value.is_null())):
                hits = np.bincount(position, weights=flag.to_numpy(), minlength=persons.height)
                flags.append(pl.Series(f"{fa.id}::{suffix}", hits > 0))
        persons = (
            persons.with_columns(flags)
            .with_columns(_any_item(fa) for fa in group)
            .drop([f.name for f in flags])
        )
    persons = _layers(persons, [n for n in nodes.values() if n.id not in on_items], ctx)
    return Evaluation(tuple(visas), ctx, persons, items)


# --- statuses ------------------------------------------------------------------------------------


def status_code(code: str) -> pl.Expr:
    """0 not eligible, 1 eligible, 2 undetermined: small, and compared without strings."""
    return pl.col(code.lower()).cast(pl.Int8).fill_null(2)


def status_text(code: pl.Expr) -> pl.Expr:
    return code.replace_strict(dict(enumerate(STATUSES)), return_dtype=pl.String)


# --- what would decide an undetermined result ------------------------------------------------------


@dataclass(frozen=True)
class _Term:
    path: str  # profile path; items: "education[].field", the index filled in when decoded
    condition: pl.Expr  # true where this fact is missing and would matter


def _terms(node: Node, relevant: pl.Expr, ctx: Context, on_items: bool) -> list[_Term]:
    """The unknown facts that would decide ``node``, each with where it applies.

    Below a ForAnyItem (``on_items``), paths are those of the item's facts."""
    if isinstance(node, Criterion):
        if not_yet_law(node, ctx):
            return []
        unknown_here = relevant & pl.col(node.id).is_null()
        found = []
        for fact in node.reads:
            if on_items or fact.collection is None:
                found.append(_Term(fact.path, unknown_here & ~fact.known()))
        return found
    if isinstance(node, ForAnyItem):
        below = [n for n in node.node.walk() if isinstance(n, Criterion)]
        if all(not_yet_law(n, ctx) for n in below):
            return []
        known = pl.col(node.collection.known_column)
        return [_Term(node.collection.path, relevant & ~known)]
    found = []
    for child in node.children:
        found += _terms(child, relevant & pl.col(child.id).is_null(), ctx, on_items)
    return found


def _item_terms(tree: Node, ctx: Context) -> list[tuple[ForAnyItem, pl.Expr, list[_Term]]]:
    """For each ForAnyItem of the tree: its relevance (on persons) and its item-level terms."""
    found = []
    for fa in (n for n in tree.walk() if isinstance(n, ForAnyItem)):
        path = _path_to(tree, fa)
        assert path is not None
        relevant = pl.lit(True)
        for node in path:
            relevant = relevant & pl.col(node.id).is_null()
        inner = _terms(fa.node, pl.col(fa.node.id).is_null(), ctx, on_items=True)
        found.append((fa, relevant, inner))
    return found


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


def _mask(terms: list[_Term]) -> tuple[pl.Expr, list[str]]:
    """One integer per row: a bit for each distinct path that is missing."""
    paths = list(dict.fromkeys(t.path for t in terms))
    if len(paths) > MAX_PATHS:
        raise ValueError(f"a tree asks about {len(paths)} paths; at most {MAX_PATHS} fit a mask")
    bits = [
        pl.any_horizontal(t.condition for t in terms if t.path == path)
        .fill_null(False)
        .cast(pl.UInt64)
        * (1 << i)
        for i, path in enumerate(paths)
    ]
    return (pl.sum_horizontal(bits) if bits else pl.lit(0, dtype=pl.UInt64)), paths


def _decoded(distinct: Iterable[int | None], paths: list[str]) -> dict[int, list[str]]:
    return {
        int(mask): [p for i, p in enumerate(paths) if mask >> i & 1]
        for mask in distinct
        if mask is not None
    }


def missing(ev: Evaluation, targets: Sequence[tuple[str, Node]]) -> pl.DataFrame:
    """``_row`` and, per target, the missing paths joined by ``;`` (in tree order, empty where
    the tree is decided): one mask per target in one pass over the persons, one per item rule in
    one pass over each item table, each distinct mask decoded once."""
    ctx = ev.ctx
    person_masks: list[pl.Expr] = []
    person_paths: dict[str, list[str]] = {}
    item_work: dict[str, list[tuple[str, list[_Term], pl.Expr]]] = {}
    for target, tree in targets:
        mask, paths = _mask(_terms(tree, pl.col(tree.id).is_null(), ctx, on_items=False))
        person_masks.append(mask.alias(target))
        person_paths[target] = paths
        for n, (fa, relevant, inner) in enumerate(_item_terms(tree, ctx)):
            if inner:
                key = f"{target}|{n}"
                item_work.setdefault(fa.collection.name, []).append((key, inner, relevant))
    relevance = [r.alias(f"rel:{key}") for work in item_work.values() for key, _, r in work]
    masks = ev.persons.select(ROW, *person_masks, *relevance)
    # every target's distinct masks in one query (a few hundred values, even for a million rows)
    distinct = masks.select(pl.col(t).unique().implode() for t in person_paths).row(0)
    uniques = dict(zip(person_paths, distinct, strict=True))
    listed = masks.select(
        ROW,
        *(
            pl.col(target)
            .replace_strict(
                {m: SEPARATOR.join(ps) for m, ps in _decoded(uniques[target], paths).items()},
                default="",
                return_dtype=pl.String,
            )
            .alias(target)
            for target, paths in person_paths.items()
        ),
    )
    extended: set[str] = set()
    for name, work in item_work.items():
        keys = [key for key, _, _ in work]
        rel = masks.select(ROW, *(f"rel:{k}" for k in keys)).filter(
            pl.any_horizontal(pl.col(f"rel:{k}") for k in keys)
        )
        if not rel.height:
            continue
        frame = ev.items[name].join(rel, on=ROW, how="inner")
        exprs, paths_of = [], {}
        for key, inner, _ in work:
            mask, paths = _mask([_Term(t.path, t.condition & pl.col(f"rel:{key}")) for t in inner])
            exprs.append(mask.alias(key))
            paths_of[key] = paths
        item_masks = frame.select(ROW, ITEM, *exprs)
        for key, paths in paths_of.items():
            target = key.rsplit("|", 1)[0]
            found = item_masks.select(ROW, ITEM, key).filter(pl.col(key) > 0)
            if not found.height:
                continue
            per_person = _item_paths(found, key, paths)
            listed = (
                listed.join(per_person, on=ROW, how="left", maintain_order="left")
                .with_columns(
                    pl.concat_str(
                        [pl.col(target), pl.col("_t")], separator=SEPARATOR, ignore_nulls=True
                    )
                    .str.strip_chars(SEPARATOR)
                    .alias(target)
                )
                .drop("_t")
            )
            extended.add(target)
    # a path named twice (two item rules over one collection) is named once
    return listed.with_columns(
        pl.col(t).str.split(SEPARATOR).list.unique(maintain_order=True).list.join(SEPARATOR)
        for t in extended
    )


def _item_paths(found: pl.DataFrame, key: str, paths: list[str]) -> pl.DataFrame:
    """Per person, the item paths of the masks found (``education[0].field;...``): each
    distinct (item, mask) is written once, in Python, then joined back."""
    texts = {
        (item, mask): SEPARATOR.join(
            p.replace("[]", f"[{item}]", 1) for i, p in enumerate(paths) if mask >> i & 1
        )
        for item, mask in found.select(ITEM, key).unique().iter_rows()
    }
    pairs = pl.DataFrame(
        {
            ITEM: [item for item, _ in texts],
            key: [mask for _, mask in texts],
            "_t": list(texts.values()),
        },
        schema={ITEM: found.schema[ITEM], key: found.schema[key], "_t": pl.String},
    )
    return (
        found.join(pairs, on=[ITEM, key], how="left")
        .sort(ROW, ITEM)
        .group_by(ROW, maintain_order=True)
        .agg(pl.col("_t").str.join(SEPARATOR))
    )


# --- why a refusal ----------------------------------------------------------------------------------


def _first_failure(node: Node) -> pl.Expr:
    """The id of the first criterion (in tree order) that makes a false node false."""
    if isinstance(node, Criterion | ForAnyItem):
        return pl.lit(node.id)
    children = list(node.children)
    return pl.coalesce(
        pl.when(pl.col(child.id).not_()).then(_first_failure(child)) for child in children
    )


# --- the two ways in -------------------------------------------------------------------------------


def evaluate(visas: Sequence[Visa], facts: FactsTable, ctx: Context) -> Evaluation:
    """Everything, for explaining one person (or a few): node values, statuses and missing
    facts as lists, for every visa and every tree explained beside one."""
    ev = values(visas, facts, ctx)
    statuses = [status_text(status_code(v.code)).alias(status_column(v.code)) for v in visas]
    targets = _targets(visas)
    listed = missing(ev, targets).select(
        ROW,
        *(
            pl.when(pl.col(t) == "")
            .then(_NO_PATHS)
            .otherwise(pl.col(t).str.split(SEPARATOR))
            .alias(missing_column(t))
            for t, _ in targets
        ),
    )
    persons = ev.persons.with_columns(statuses).join(listed, on=ROW, how="left")
    return Evaluation(ev.visas, ctx, persons.sort(ROW), ev.items)


def screen(visas: Sequence[Visa], facts: FactsTable, ctx: Context) -> pl.DataFrame:
    """For many people: per visa the status, the missing facts (joined by ``;``) of an
    undetermined result and the first failing criterion of a refusal; details only where the
    status needs them."""
    ev = values(visas, facts, ctx, beside=False)
    columns: list[pl.Expr] = [pl.col(ROW)]
    for visa in visas:
        code = status_code(visa.code)
        columns += [
            status_text(code).alias(status_column(visa.code)),
            pl.when(code == 0)
            .then(_first_failure(visa.root))
            .otherwise(pl.lit(""))
            .alias(failed_column(visa.code)),
        ]
    listed = missing(ev, [(visa.code, visa.root) for visa in visas]).rename(
        {v.code: missing_column(v.code) for v in visas}
    )
    return ev.persons.select(columns).join(listed, on=ROW, how="left", maintain_order="left")
