"""Batch tables (CSV or Parquet, CONTRACT.md's layout) → validated tables of profiles, and the
per-row errors.

Columns are the profile's own paths: ``birth_date``, ``plan.purpose``, ``education[0].level``,
``education[1].institution``; several nationalities or places are joined by ``;``; an empty
cell is unknown. Every cell is checked by the profile model's own validator for its field, each
distinct value once (a million birth dates hold a few tens of thousands of distinct ones), so
the batch accepts exactly what one profile would. A row with a bad cell, or an impossible
profile, goes to the errors with its row number, field and message; the others go on.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from functools import cache
from typing import Annotated, Any, get_args

import polars as pl
from pydantic import BaseModel, TypeAdapter, ValidationError

from visarules.build import impossible
from visarules.engine.evaluate import ITEM, ROW
from visarules.errors import InputError, from_validation
from visarules.io import country_code
from visarules.profile import Iso3166, PartialDate, Profile, models_in
from visarules.tables import (
    ITEM_COLUMNS,
    ITEM_TEXT,
    PERSON_COLUMNS,
    Tables,
    item_schema,
    known_column,
    person_schema,
)

ID = "id"
LIST_SEPARATOR = ";"
_ITEM = re.compile(r"^(?P<list>[a-z_]+)\[(?P<index>\d+)\]\.(?P<field>.+)$")
_COUNT = re.compile(r"^(?P<list>[a-z_]+)\.count$")
# Fields holding several values in one cell.
LIST_FIELDS = frozenset({"citizenship", "plan.regions"})
# Fields whose cell says yes or no although the profile holds more (an offer, prize names);
# the words a cell may say it with.
FLAG_FIELDS = frozenset(
    {
        "plan.job_offer",
        "achievements.awards",
        "achievements.major_international_award",
        "achievements.talent_programme",
    }
)
_FALSE = frozenset({"false", "no", "none", "0"})
_TRUE = frozenset({"true", "yes", "1"})
MAX_ITEMS = 50  # item columns per collection (education[0] … education[49])


@dataclass
class Batch:
    """A chunk of a batch file: the valid rows as tables, and the rejected ones."""

    tables: Tables
    ids: pl.DataFrame  # _row, id (as given, or empty)
    errors: pl.DataFrame  # row (1-based), id, field, message


ERROR_SCHEMA = {"row": pl.Int64, "id": pl.String, "field": pl.String, "message": pl.String}


# --- which profile field a column is ------------------------------------------------------------


def _model_field(model: type[BaseModel], name: str) -> Any:
    for field_name, info in model.model_fields.items():
        if name in (field_name, info.alias):
            return info
    return None


@cache
def field_info(path: str) -> Any:
    """The model's FieldInfo for a profile path (``plan.stay_days``, ``education[].level``)."""
    models: set[type[BaseModel]] = {Profile}
    info = None
    for part in path.replace("[]", "").split("."):
        info = next((i for m in models if (i := _model_field(m, part)) is not None), None)
        if info is None:
            return None
        models = models_in(info.annotation)
    return info


@cache
def _adapter(path: str) -> TypeAdapter[Any]:
    info = field_info(path)  # its type and constraints, not its alias (a field's, not a type's)
    if not info.metadata:
        return TypeAdapter(info.annotation)
    return TypeAdapter(Annotated[(info.annotation, *info.metadata)])  # type: ignore[arg-type]


def classify(columns: list[str]) -> tuple[dict[str, str], dict[str, str], list[str]]:
    """Flat columns → (column → profile path of a scalar), (column → collection's count), and
    the columns no profile field has (reported, never used)."""
    scalars: dict[str, str] = {}
    counts: dict[str, str] = {}
    unknown: list[str] = []
    collections = {field: name for name, (field, _) in ITEM_COLUMNS.items()}
    for column in columns:
        if column == ID:
            continue
        if (item := _ITEM.match(column)) and int(item["index"]) < MAX_ITEMS:
            path = f"{item['list']}[].{item['field']}"
            known = item["list"] in collections and field_info(path) is not None
            (scalars.__setitem__(column, path) if known else unknown.append(column))
        elif (count := _COUNT.match(column)) and count["list"] in collections:
            counts[column] = collections[count["list"]]
        elif field_info(column) is not None and models_in(field_info(column).annotation) <= {
            PartialDate
        }:
            scalars[column] = column  # a value, not an object (a partial date is one)
        elif column in ("plan.work_permit", "plan.job_offer"):
            scalars[column] = column  # `false`: none; the fields are columns of their own
        else:
            unknown.append(column)
    return scalars, counts, unknown


# --- validating cells ------------------------------------------------------------------------------


@cache
def _checked(path: str, text: str) -> tuple[bool, Any]:
    """A distinct cell once per run: (True, its value) or (False, the problem)."""
    try:
        return True, _validated(path, text)
    except InputError as err:
        return False, err.problem


def _validated(path: str, text: str) -> Any:
    """One cell's value as the tables hold it, or an InputError naming the problem."""
    if path in LIST_FIELDS:
        parts = [p.strip() for p in text.split(LIST_SEPARATOR) if p.strip()]
        if path == "citizenship":
            return [country_code(p, path, []) for p in parts]
        return parts
    if _is_country(path):
        return country_code(text, path, [])
    if path in FLAG_FIELDS:
        flag = text.strip().lower()
        if flag in _FALSE or flag in _TRUE:
            return flag in _TRUE
        if path == "plan.job_offer":
            raise InputError(path, "expected true or false (the offer's fields are columns)")
        return bool(text.strip())  # a name (of an award, a programme): there is one
    if path == "plan.work_permit":  # false: none; true: one whose class is not given
        flag = text.strip().lower()
        if flag in _FALSE or flag in _TRUE:
            return "none" if flag in _FALSE else "yes"
        raise InputError(
            path, "expected true or false (the class goes in plan.work_permit.category)"
        )
    try:
        value = _adapter(path).validate_python(text)
    except ValidationError as err:
        raise InputError(path, from_validation(err).problem) from None
    if path == "plan.work_permit.category":
        return value
    if isinstance(value, BaseModel):  # a partial date: its normalised text
        return str(value)
    field = path.rsplit(".", 1)[-1]
    if path.startswith(tuple(f"{f}[]" for f, _ in ITEM_COLUMNS.values())) and field in ITEM_TEXT:
        return str(value)
    return value


@cache
def _is_country(path: str) -> bool:
    info = field_info(path)

    def marked(annotation: Any) -> bool:
        if any(isinstance(m, Iso3166) for m in getattr(annotation, "__metadata__", ())):
            return True
        return any(marked(a) for a in get_args(annotation))

    return info is not None and marked(info.annotation)


def _validate_column(texts: pl.Series, path: str) -> tuple[dict[str, Any], dict[str, str]]:
    """Each distinct cell once: its value, or its error message."""
    values: dict[str, Any] = {}
    problems: dict[str, str] = {}
    for text in texts.drop_nulls().unique():
        ok, found = _checked(path, text)
        if ok:
            values[text] = found
        else:
            problems[text] = found
    return values, problems


# --- from a frame to tables ------------------------------------------------------------------------


def _as_text(frame: pl.DataFrame) -> pl.DataFrame:
    """Every cell as text, empty as null: what a CSV holds, whatever the file's types."""
    cast = []
    for name, dtype in frame.schema.items():
        column = pl.col(name)
        if isinstance(dtype, pl.List):
            column = column.list.join(LIST_SEPARATOR)
        elif dtype == pl.Boolean:
            column = column.cast(pl.String).str.to_lowercase()
        elif dtype.is_float():  # 60.0 from a writer without nullable integers is 60
            column = pl.when(column == column.round()).then(column.cast(pl.Int64)).otherwise(column)
        text = column.cast(pl.String).str.strip_chars()
        cast.append(pl.when(text != "").then(text).alias(name))
    return frame.select(cast)


def from_frame(frame: pl.DataFrame, first_row: int, as_of: date) -> Batch:
    """A chunk of a batch file (rows numbered from ``first_row``, 0-based) → tables and errors."""
    scalars, counts, _ = classify(frame.columns)
    text = (
        _as_text(frame)
        .with_row_index(ROW, offset=first_row)
        .with_columns(pl.col(ROW).cast(pl.Int64))
    )
    ids = text.select(
        ROW, (pl.col(ID) if ID in text.columns else pl.lit(None, pl.String)).alias(ID)
    )
    typed = [pl.col(ROW)]
    failures = []
    for order, (column, path) in enumerate(scalars.items()):
        values, problems = _validate_column(text[column], path)
        dtype = _dtype(path)
        if dtype is not None:  # a field some rule reads: kept, typed
            typed.append(pl.col(column).replace_strict(values, default=None, return_dtype=dtype))
        if problems:
            failures.append(
                text.filter(pl.col(column).is_in(list(problems))).select(
                    ROW,
                    pl.lit(order).alias("_order"),
                    pl.lit(column).alias("field"),
                    pl.col(column)
                    .replace_strict(problems, return_dtype=pl.String)
                    .alias("message"),
                )
            )
    for column in counts:
        values, problems = _validate_count(text[column])
        typed.append(pl.col(column).replace_strict(values, default=None, return_dtype=pl.Int64))
        if problems:
            failures.append(
                text.filter(pl.col(column).is_in(list(problems))).select(
                    ROW,
                    pl.lit(len(scalars)).alias("_order"),
                    pl.lit(column).alias("field"),
                    pl.lit("expected a whole number of items, 0 or more").alias("message"),
                )
            )
    checked = text.select(typed)
    tables = _tables(checked, scalars, counts)
    errors = _first_per_row(failures, ids, first_row)
    bad = set(errors["row"].to_list())
    impossible_rows = impossible(_drop(tables, {r - 1 for r in bad}), as_of)
    if impossible_rows.height:
        impossible_errors = impossible_rows.join(ids, on=ROW).select(
            (pl.col(ROW) + 1).alias("row"), ID, "field", "message"
        )
        errors = pl.concat([errors, impossible_errors]).sort("row")
    rejected = {r - 1 for r in errors["row"].to_list()}
    return Batch(_drop(tables, rejected), ids.filter(~pl.col(ROW).is_in(list(rejected))), errors)


def _nested(dtype: Any) -> bool:
    return isinstance(dtype, pl.Struct) or (
        isinstance(dtype, pl.List) and isinstance(dtype.inner, pl.Struct)
    )


def nested_to_flat(frame: pl.DataFrame) -> pl.DataFrame:
    """Parquet's nested form (a struct ``plan``, a list of structs ``education``) in the flat
    layout (``plan.purpose``, ``education[0].level``)."""
    while nested := {n: t for n, t in frame.schema.items() if _nested(t)}:
        flat: list[pl.Expr] = []
        for name, dtype in nested.items():
            if isinstance(dtype, pl.Struct):
                flat += [
                    pl.col(name).struct.field(f.name).alias(f"{name}.{f.name}")
                    for f in dtype.fields
                ]
                continue
            longest: Any = frame[name].list.len().max() or 0
            flat += [
                pl.col(name).list.get(i, null_on_oob=True).alias(f"{name}[{i}]")
                for i in range(min(int(longest), MAX_ITEMS))
            ]
            # an empty list is a known "none"
            flat.append(
                pl.when(pl.col(name).is_not_null())
                .then(pl.col(name).list.len())
                .alias(f"{name}.count")
            )
        frame = frame.with_columns(flat).drop(list(nested))
    return frame


def _validate_count(texts: pl.Series) -> tuple[dict[str, int], dict[str, str]]:
    values: dict[str, int] = {}
    problems: dict[str, str] = {}
    for text in texts.drop_nulls().unique():
        if text.isdigit() and int(text) <= MAX_ITEMS:
            values[text] = int(text)
        else:
            problems[text] = "expected a whole number of items"
    return values, problems


def _dtype(path: str) -> Any:
    """The column's type in the tables; None for a field no rule reads (validated, not kept)."""
    if "[]" in path:
        collection, field = path.split("[].")
        name = next(n for n, (f, _) in ITEM_COLUMNS.items() if f == collection)
        return ITEM_COLUMNS[name][1].get(field)
    if path == "plan.work_permit.category":
        return pl.String
    return PERSON_COLUMNS.get(path)


def _first_per_row(failures: list[pl.DataFrame], ids: pl.DataFrame, first_row: int) -> pl.DataFrame:
    if not failures:
        return pl.DataFrame(schema=ERROR_SCHEMA)
    return (
        pl.concat(failures)
        .sort(ROW, "_order")
        .group_by(ROW, maintain_order=True)
        .first()
        .join(ids, on=ROW, how="left")
        .select((pl.col(ROW) + 1).alias("row"), ID, "field", "message")
        .cast(ERROR_SCHEMA)  # type: ignore[arg-type]
    )


def _tables(checked: pl.DataFrame, scalars: Mapping[str, str], counts: Mapping[str, str]) -> Tables:
    persons_cols = [pl.col(ROW)]
    for path, dtype in PERSON_COLUMNS.items():
        column = next((c for c, p in scalars.items() if p == path), None)
        if path == "plan.work_permit":
            category = next(
                (c for c, p in scalars.items() if p == "plan.work_permit.category"), None
            )
            parts = [pl.col(c) for c in (category, column) if c is not None]
            persons_cols.append(
                (pl.coalesce(parts) if parts else pl.lit(None, pl.String)).alias(path)
            )
            continue
        value = (pl.col(column) if column else pl.lit(None, dtype)).cast(dtype)
        if path == "plan.job_offer":  # an offer's field given: there is an offer
            fields = [
                pl.col(c)
                for c, p in scalars.items()
                if p.startswith("plan.job_offer.") and c in checked.columns
            ]
            if fields:
                value = pl.coalesce(
                    value, pl.when(pl.any_horizontal(f.is_not_null() for f in fields)).then(True)
                )
        persons_cols.append(value.alias(path))
    items: dict[str, pl.DataFrame] = {}
    knowns = []
    for name, (field, columns) in ITEM_COLUMNS.items():
        frame, known = _items(checked, scalars, counts, name, field, columns)
        items[name] = frame
        knowns.append(known.alias(known_column(name)))
    persons = checked.select(*persons_cols, *knowns).cast(person_schema())  # type: ignore[arg-type]
    return Tables(persons, items)


def _items(
    checked: pl.DataFrame,
    scalars: Mapping[str, str],
    counts: Mapping[str, str],
    name: str,
    field: str,
    columns: Mapping[str, Any],
) -> tuple[pl.DataFrame, pl.Expr]:
    """One collection's items, long (``_row``, ``_item``, fields), and whether it is known."""
    by_index: dict[int, dict[str, str]] = {}
    for column, path in scalars.items():
        if path.startswith(f"{field}[]."):
            index = int(_ITEM.match(column)["index"])  # type: ignore[index]
            by_index.setdefault(index, {})[path.split("[].", 1)[1]] = column
    count_col = next((c for c, n in counts.items() if n == name), None)
    parts = []
    filled = []
    for index, cols in sorted(by_index.items()):
        present = pl.any_horizontal(pl.col(c).is_not_null() for c in cols.values())
        filled.append(pl.when(present).then(index + 1).otherwise(0))
        parts.append(
            checked.select(
                ROW,
                pl.lit(index, pl.Int64).alias(ITEM),
                *(
                    (pl.col(cols[f]) if f in cols else pl.lit(None, dtype)).cast(dtype).alias(f)
                    for f, dtype in columns.items()
                ),
            )
        )
    # how many items: the count column if given, else up to the last index with a value
    highest = pl.max_horizontal(filled) if filled else pl.lit(0)
    number = pl.max_horizontal(pl.col(count_col).fill_null(0), highest) if count_col else highest
    known = (highest > 0) | (pl.col(count_col).is_not_null() if count_col else pl.lit(False))
    sizes = checked.select(ROW, number.alias("_n"))
    long = pl.concat(parts) if parts else pl.DataFrame(schema=item_schema(name))
    if count_col:  # items counted but not described: unknown in every field
        extra = (
            sizes.filter(pl.col("_n") > 0)
            .select(ROW, pl.int_ranges(0, pl.col("_n")).alias(ITEM))
            .explode(ITEM)
        )
        long = extra.join(long, on=[ROW, ITEM], how="left")
    long = long.join(sizes, on=ROW).filter(pl.col(ITEM) < pl.col("_n"))
    return long.select(list(item_schema(name))).sort(ROW, ITEM).cast(item_schema(name)), known  # type: ignore[arg-type]


def _drop(tables: Tables, rows: set[int]) -> Tables:
    if not rows:
        return tables
    keep = ~pl.col(ROW).is_in(list(rows))
    return Tables(tables.persons.filter(keep), {n: f.filter(keep) for n, f in tables.items.items()})


def flatten(profile: Mapping[str, Any]) -> dict[str, Any]:
    """A profile (as YAML or JSON gives it) as one row of the batch layout."""
    row: dict[str, Any] = {}

    def put(prefix: str, value: Any) -> None:
        if value is None:
            return
        if isinstance(value, Mapping):
            if prefix == "plan.work_permit" and "category" not in value:
                row[prefix] = "yes"
            if prefix == "plan.job_offer":
                row[prefix] = "true"
            for key, inner in value.items():
                put(f"{prefix}.{key}" if prefix else str(key), inner)
        elif isinstance(value, list) and value and all(isinstance(v, Mapping) for v in value):
            for i, item in enumerate(value):
                put(f"{prefix}[{i}]", item)
        elif isinstance(value, list):
            if value:
                row[prefix] = LIST_SEPARATOR.join(str(v) for v in value)
            elif prefix in FLAG_FIELDS:
                row[prefix] = "false"
            else:
                row[f"{prefix}.count" if prefix not in LIST_FIELDS else prefix] = (
                    "0" if prefix not in LIST_FIELDS else None
                )
        elif isinstance(value, bool):
            row[prefix] = "true" if value else "false"
        else:
            row[prefix] = str(value)

    put("", profile)
    return {k: v for k, v in row.items() if v is not None}
