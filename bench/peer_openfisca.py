"""Peer benchmark: China's K, L and Z visas written for OpenFisca-core, beside visarules'
``evaluate`` on the same facts, timed in one run, statuses compared row by row.

OpenFisca is not a dependency of visarules; it runs in a separate environment, set up once:

    python3 -m venv /work/scratch/ofvenv
    /work/scratch/ofvenv/bin/pip install openfisca-core==46.0.1 numpy -e /work/main

    /work/scratch/ofvenv/bin/python bench/peer_openfisca.py --rows 1000000
        [--source facts|profiles] [--as-of 2025-11-01] [--assume cn.k.stem=dhs ...]
        [--repeat 3] [--seed 7]

``--source facts`` (the default) draws the facts table itself with numpy/polars: the columns of
PERSON_SCHEMA and ITEM_SCHEMAS that K, L and Z read, with realistic shares of unknowns (null),
the others left unknown. That compares the evaluation of rules alone. ``--source profiles``
generates rows with bench/gen_profiles.py and builds their facts as ``visarules screen`` does
(``facts_for``), so that resolved strings and partial dates reach both engines; it is slower
(the builder resolves every distinct string) and the bad rows are refused before either engine
sees them.

How the rules are written for OpenFisca
- Degrees and jobs. OpenFisca has one person entity and group entities that aggregate their
  members. Here the items (degrees and jobs) are OpenFisca's persons and the applicant is a
  group entity with the roles ``degree`` and ``job``, so "some degree satisfies ..." is
  OpenFisca's own projection ``applicant.any(..., role=Applicant.DEGREE)`` (a bincount over the
  members) and the item rules are OpenFisca variables like any other. Per-person arrays reduced
  with numpy (``maximum.reduceat``) would have kept them outside the engine. An applicant
  without items is a group without members; the group of each item is set directly, because
  ``SimulationBuilder.join_with_persons`` numbers the groups among those that have members and
  so hands the items of later applicants to the wrong one as soon as an applicant has none.
  Every projection passes its role: without one, ``applicant.any`` (a bincount without
  ``minlength``) returns too short an array when the last applicants have no items.
- Unknown. OpenFisca has no null: each fact is two variables, its value and ``<fact>__known``,
  and each criterion too, with Kleene logic written out (value is true only where known): AND
  is known where all parts are or one is known false; OR where all are or one is true; "any
  item" is unknown where the list is, true where an item is, unknown where an item is, else
  false. A status is eligible (true), not_eligible (known false) or undetermined.
- Lists become what the rules read: citizenship the flag "holds CN", an institution's tiers a
  bit mask. This is part of building the simulation, which is timed apart from the calculation.
- The period is the as-of day (``DateUnit.DAY``); each visa's entry into force (from the
  catalogue) and the assumptions (cn.k.well_known, cn.k.stem, cn.k.age_limit) are OpenFisca
  parameters.

Figures (best of ``--repeat``, each engine on fresh state): rows; seconds to build the
simulation; seconds for OpenFisca to calculate the three statuses; seconds for visarules'
``evaluate`` of the three visas, which also lists the missing facts of every undetermined row,
and for its statuses alone (``values`` and ``status_code``: the work OpenFisca does); the
ratios; and the agreement of statuses per visa, which must be 100% (the rows that disagree are
printed with their facts, and the run fails).
"""

from __future__ import annotations

import argparse
import time
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any, get_args

import numpy as np
import polars as pl
from openfisca_core.entities import build_entity
from openfisca_core.indexed_enums import Enum
from openfisca_core.parameters import ParameterNode
from openfisca_core.periods import DateUnit, Period, period
from openfisca_core.simulations import Simulation, SimulationBuilder
from openfisca_core.taxbenefitsystems import TaxBenefitSystem
from openfisca_core.variables import Variable

import gen_profiles as gen
from visarules.api import context
from visarules.batch import from_frame
from visarules.build import build_facts
from visarules.catalogue import catalogue
from visarules.engine.context import Context
from visarules.engine.evaluate import (
    ITEM,
    ROW,
    FactsTable,
    evaluate,
    status_code,
    status_column,
    values,
)
from visarules.engine.nodes import Criterion
from visarules.engine.visa import Visa
from visarules.facts import EDUCATION, EMPLOYMENT, FAMILY, ITEM_SCHEMAS, PERSON_SCHEMA
from visarules.jurisdictions.cn.common import WELL_KNOWN_TIERS
from visarules.jurisdictions.cn.k import AGE_LIMIT, STEM, WELL_KNOWN
from visarules.profile import Activity, Purpose
from visarules.resolve.institutions import default_registry, tiers_mask

AS_OF = "2025-11-01"
CALCULATE = "OpenFisca: calculate 3 statuses"
EVALUATE = "visarules: evaluate 3 visas (statuses + missing)"
STATUSES_ONLY = "visarules: statuses only (values + status_code)"
CODES = ("CN-K", "CN-L", "CN-Z")
STATUSES = ("eligible", "not_eligible", "undetermined")

# --- the facts ------------------------------------------------------------------------------------


def facts_for(rows: pl.DataFrame, as_of: date) -> tuple[FactsTable, int]:
    """The facts of batch rows as ``visarules screen`` builds them (the columnar builder), and
    how many rows it refused. The one place to switch when the builder's entry point moves."""
    batch = from_frame(rows, 0, as_of)
    return build_facts(batch.tables, as_of).table, batch.errors.height


def _unknown(column: pl.Series, share: float, rng: np.random.Generator) -> pl.Series:
    """The column with a share of its values unknown (null)."""
    keep = pl.Series(rng.random(len(column)) >= share)
    return column.zip_with(keep, column.clear(len(column)))


def _tri(rng: np.random.Generator, n: int, p_true: float, p_false: float) -> pl.Series:
    """true / false / unknown."""
    roll = rng.random(n)
    flags = pl.Series(roll < p_true)
    return flags.zip_with(pl.Series(roll < p_true + p_false), flags.clear(n))


def _choice(rng: np.random.Generator, weights: dict[Any, float], n: int, dtype: Any) -> pl.Series:
    """Values drawn by weight; a ``None`` key draws unknowns."""
    p = np.fromiter(weights.values(), float)
    return pl.Series(list(weights), dtype=dtype).gather(rng.choice(len(p), n, p=p / p.sum()))


def _tier_masks(
    rng: np.random.Generator, n: int, types: tuple[str, ...], unknown: float
) -> pl.Series:
    """Institutions' tier masks with the registry's own frequencies; null = did not resolve."""
    counts = Counter(
        tiers_mask(i.tiers) for i in default_registry().institutions if set(i.types) & set(types)
    )
    combos = pl.Series(list(counts), dtype=pl.UInt32)
    p = np.fromiter(counts.values(), float)
    picked = combos.gather(rng.choice(len(p), n, p=p / p.sum()))
    return _unknown(picked, unknown, rng)


def _items(
    rng: np.random.Generator, known: np.ndarray, shares: Sequence[float]
) -> tuple[np.ndarray, np.ndarray]:
    """Row and item number of each item: a count drawn for each person whose list is known."""
    count = np.where(known, rng.choice(len(shares), len(known), p=shares), 0)
    rows = np.repeat(np.arange(len(known)), count)
    first = np.cumsum(count) - count
    return rows, np.arange(len(rows)) - np.repeat(first, count)


def _dates(rng: np.random.Generator, n: int) -> tuple[pl.Series, pl.Series]:
    """Birth dates known to the day, the month or the year, or unknown: (earliest, latest)."""
    day = np.datetime64("1950-01-01") + rng.integers(0, 58 * 365, n).astype("timedelta64[D]")
    month, year = day.astype("datetime64[M]"), day.astype("datetime64[Y]")
    precision = rng.choice(4, n, p=[0.65, 0.10, 0.13, 0.12])  # day, month, year, unknown
    earliest = np.select(
        [precision == 0, precision == 1],
        [day, month.astype("datetime64[D]")],
        year.astype("datetime64[D]"),
    )
    latest = np.select(
        [precision == 0, precision == 1],
        [day, (month + 1).astype("datetime64[D]") - 1],
        (year + 1).astype("datetime64[D]") - 1,
    )
    known = pl.Series(precision < 3)
    low, high = pl.Series(earliest).cast(pl.Date), pl.Series(latest).cast(pl.Date)
    return low.zip_with(known, low.clear(n)), high.zip_with(known, high.clear(n))


def synthetic_facts(rows: int, seed: int) -> FactsTable:
    """A facts table drawn directly: what K, L and Z read, with unknowns; the rest unknown."""
    rng = np.random.default_rng(seed)
    n = rows
    nationality = _choice(rng, gen.NATIONALITIES, n, pl.String)
    second = _choice(rng, gen.NATIONALITIES, n, pl.String)
    dual = pl.Series(rng.random(n) < 0.03)
    citizenship = nationality.zip_with(dual.not_(), nationality + gen.SEPARATOR + second)
    purpose = _choice(rng, gen.PURPOSES, n, pl.String)
    working = purpose.is_in(["work", "talent"]).fill_null(False)
    permit = _choice(rng, {"A": 15, "B": 35, "C": 8, "yes": 5, "none": 12, None: 25}, n, pl.String)
    permit = permit.zip_with(working, _choice(rng, {"none": 5, None: 95}, n, pl.String))
    earliest, latest = _dates(rng, n)
    person = pl.DataFrame(
        {
            ROW: np.arange(n, dtype=np.int64),
            EDUCATION.known_column: rng.random(n) < 0.8,
            EMPLOYMENT.known_column: rng.random(n) < 0.75,
            FAMILY.known_column: np.zeros(n, bool),
            "citizenship": _unknown(citizenship, 0.04, rng).str.split(gen.SEPARATOR),
            "birth_earliest": earliest,
            "birth_latest": latest,
            "purpose": purpose,
            "work_permit": permit,
        }
    )

    row, item = _items(rng, person[EDUCATION.known_column].to_numpy(), [0.15, 0.5, 0.25, 0.1])
    m = len(row)
    isced = _tri(rng, m, 0.50, 0.42)
    flip = pl.Series(rng.random(m) < 0.05)  # Architecture, Agronomy: STEM under one list only
    education = pl.DataFrame(
        {
            ROW: row,
            ITEM: item,
            "edu_tiers": _tier_masks(rng, m, ("education",), unknown=0.15),
            "edu_stem_isced_f": isced,
            "edu_stem_dhs": isced.zip_with(flip.not_(), isced.not_()),
            "edu_level": _choice(rng, {6: 50, 7: 25, 8: 10, 5: 7, 0: 2, None: 6}, m, pl.Int64),
            "edu_completed": _tri(rng, m, 0.85, 0.10),
        }
    )
    row, item = _items(rng, person[EMPLOYMENT.known_column].to_numpy(), [0.2, 0.4, 0.25, 0.15])
    m = len(row)
    isced = _tri(rng, m, 0.45, 0.40)
    flip = pl.Series(rng.random(m) < 0.05)
    activity = {"industry": 45, "research": 15, "teaching": 10, "other": 10, None: 20}
    employment = pl.DataFrame(
        {
            ROW: row,
            ITEM: item,
            "job_tiers": _tier_masks(rng, m, ("education", "facility", "government"), unknown=0.45),
            "job_stem_isced_f": isced,
            "job_stem_dhs": isced.zip_with(flip.not_(), isced.not_()),
            "job_activity": _choice(rng, activity, m, pl.String),
            "job_current": _tri(rng, m, 0.40, 0.55),
        }
    )
    family = pl.DataFrame(schema=ITEM_SCHEMAS[FAMILY.name])  # its list is unknown for all
    frames = {EDUCATION.name: education, EMPLOYMENT.name: employment, FAMILY.name: family}
    drawn = {c for f in (person, *frames.values()) for c in f.columns}
    read = {c for visa in _visas() for c in _columns_read(visa)}
    # a rule that reads a fact this bench does not draw would compare nulls: stop instead
    if read - drawn:
        raise SystemExit(f"synthetic_facts does not draw {sorted(read - drawn)}")
    return FactsTable(
        persons=_complete(person, PERSON_SCHEMA),
        items={name: _complete(frame, ITEM_SCHEMAS[name]) for name, frame in frames.items()},
    )


def _complete(frame: pl.DataFrame, schema: dict[str, Any]) -> pl.DataFrame:
    """Every column of the schema, in its order and type; those not drawn are unknown."""
    missing = [
        pl.lit(None, dtype=dtype).alias(c) for c, dtype in schema.items() if c not in frame.columns
    ]
    return frame.with_columns(missing).select(list(schema)).cast(schema)  # type: ignore[arg-type]


def _visas() -> tuple[Visa, ...]:
    return tuple(catalogue().visa(code) for code in CODES)


def _columns_read(visa: Visa) -> set[str]:
    return {
        column
        for node in visa.root.walk()
        if isinstance(node, Criterion)
        for fact in node.reads
        for column in fact.columns
    }


# --- the OpenFisca system -------------------------------------------------------------------------

Item = build_entity(key="item", plural="items", label="A degree or a job", is_person=True)
Applicant = build_entity(
    key="applicant",
    plural="applicants",
    label="A visa applicant, with degrees and jobs as members",
    roles=[
        {"key": "degree", "plural": "degrees", "label": "Degree"},
        {"key": "job", "plural": "jobs", "label": "Job"},
    ],
)
PurposeEnum = Enum("PurposeEnum", [(p, p) for p in get_args(Purpose)])
ActivityEnum = Enum("ActivityEnum", [(a, a) for a in get_args(Activity)])
PermitEnum = Enum("PermitEnum", [(p, p) for p in ("A", "B", "C", "yes", "none")])
StatusEnum = Enum("StatusEnum", [(s, s) for s in STATUSES])
KNOWN = "__known"

Formula = Callable[[Any, Period, Any], np.ndarray]


def variable(
    name: str,
    entity: Any,
    value_type: Any,
    label: str,
    formula: Formula | None = None,
    **extra: Any,
) -> type[Variable]:
    attributes = {
        "value_type": value_type,
        "entity": entity,
        "definition_period": DateUnit.DAY,
        "label": label,
        **extra,
    }
    if formula is not None:
        attributes["formula"] = formula
    return type(name, (Variable,), attributes)


def fact(name: str, entity: Any, value_type: Any, label: str, **extra: Any) -> list[type[Variable]]:
    """An input and whether it is known."""
    return [
        variable(name, entity, value_type, label, **extra),
        variable(name + KNOWN, entity, bool, f"{label}: known"),
    ]


def criterion(
    name: str, entity: Any, label: str, value: Formula, known: Formula
) -> list[type[Variable]]:
    """A Kleene value: true where ``value`` holds and is known; unknown where not ``known``."""

    def certain(e: Any, p: Period, parameters: Any) -> np.ndarray:
        return value(e, p, parameters) & e(name + KNOWN, p)  # computed once, then cached

    return [
        variable(name, entity, bool, label, certain),
        variable(name + KNOWN, entity, bool, f"{label}: known", known),
    ]


def all_of(name: str, entity: Any, label: str, parts: Sequence[str]) -> list[type[Variable]]:
    def value(e: Any, p: Period, _: Any) -> np.ndarray:
        return np.logical_and.reduce([e(part, p) for part in parts])

    def known(e: Any, p: Period, _: Any) -> np.ndarray:
        pairs = [(e(part, p), e(part + KNOWN, p)) for part in parts]
        some_false = np.logical_or.reduce([k & ~v for v, k in pairs])
        return np.logical_and.reduce([k for _, k in pairs]) | some_false

    return criterion(name, entity, label, value, known)


def any_of(name: str, entity: Any, label: str, parts: Sequence[str]) -> list[type[Variable]]:
    def value(e: Any, p: Period, _: Any) -> np.ndarray:
        return np.logical_or.reduce([e(part, p) for part in parts])

    def known(e: Any, p: Period, parameters: Any) -> np.ndarray:
        all_known = np.logical_and.reduce([e(part + KNOWN, p) for part in parts])
        return value(e, p, parameters) | all_known

    return criterion(name, entity, label, value, known)


def any_item(name: str, label: str, part: str, role: Any, listed: str) -> list[type[Variable]]:
    """Some member of ``role`` satisfies ``part``; unknown when the list is unknown. The two
    aggregates over the members are variables of their own, so each is computed once."""
    some, some_unknown = f"{name}__some", f"{name}__some_unknown"

    def value(a: Any, p: Period, _: Any) -> np.ndarray:
        return a(listed, p) & a(some, p)

    def known(a: Any, p: Period, _: Any) -> np.ndarray:
        return a(listed, p) & (a(some, p) | ~a(some_unknown, p))

    return [
        variable(
            some,
            Applicant,
            bool,
            f"{label}: some item, for certain",
            lambda a, p, _: a.any(a.members(part, p), role=role),
        ),
        variable(
            some_unknown,
            Applicant,
            bool,
            f"{label}: some item unknown",
            lambda a, p, _: a.any(~a.members(part + KNOWN, p), role=role),
        ),
        *criterion(name, Applicant, label, value, known),
    ]


def _in_force(code: str) -> list[type[Variable]]:
    key = _key(code)
    return criterion(
        f"{key}_in_force",
        Applicant,
        f"The {code} category exists on the day",
        lambda a, p, parameters: a.filled_array(bool(parameters(p).in_force[key])),
        lambda a, p, _: a.filled_array(True),
    )


def _known(e: Any, p: Period, name: str) -> np.ndarray:
    return e(name + KNOWN, p)


def _plus_years(days: np.ndarray, years: int) -> np.ndarray:
    """The same day ``years`` later; 29 February becomes the 28th in a common year."""
    month = days.astype("datetime64[M]")
    target = month + np.timedelta64(12 * years, "M")
    last = ((target + 1).astype("datetime64[D]") - target.astype("datetime64[D]")).astype(np.int64)
    return target.astype("datetime64[D]") + np.minimum(
        (days - month.astype("datetime64[D]")).astype(np.int64), last - 1
    )


def _young(a: Any, p: Period, parameters: Any) -> tuple[np.ndarray, np.ndarray]:
    """(value, known): not yet limit + 1 years old, whichever birth date of the range is the
    true one; known when all of them agree. A limit of 0 is none: true for everyone."""
    limit = int(parameters(p).assumptions.k_age_limit)
    if not limit:
        return a.filled_array(True), a.filled_array(True)
    day = np.datetime64(p.start.date, "D")
    reached_if_latest = _plus_years(a("birth_latest", p), limit + 1) <= day
    reached_if_earliest = _plus_years(a("birth_earliest", p), limit + 1) <= day
    agreed = reached_if_latest | ~reached_if_earliest
    return ~reached_if_earliest, _known(a, p, "birth") & agreed


def _stem(a: Any, p: Period, parameters: Any, known: bool) -> np.ndarray:
    name = "stem_dhs" if parameters(p).assumptions.k_stem_dhs else "stem_isced"
    return a(name + (KNOWN if known else ""), p)


def _well_known(a: Any, p: Period, parameters: Any) -> np.ndarray:
    settings = parameters(p).assumptions
    if settings.k_any_registered:
        return a.filled_array(True)  # whenever the name resolved
    return (a("tiers", p) & int(settings.k_tiers_mask)) != 0


def system(ctx: Context) -> TaxBenefitSystem:
    tbs = TaxBenefitSystem([Item, Applicant])
    degree, job = Applicant.DEGREE, Applicant.JOB
    tbs.add_variables(
        # inputs: the facts, each with its "known" twin
        *fact("holds_cn", Applicant, bool, "Holds Chinese nationality"),
        variable("birth" + KNOWN, Applicant, bool, "The birth date is known (as a range)"),
        variable("birth_earliest", Applicant, date, "Earliest possible birth date"),
        variable("birth_latest", Applicant, date, "Latest possible birth date"),
        *fact(
            "purpose",
            Applicant,
            Enum,
            "Purpose of the trip",
            possible_values=PurposeEnum,
            default_value=PurposeEnum.tourism,
        ),
        *fact(
            "work_permit",
            Applicant,
            Enum,
            "Work permit held",
            possible_values=PermitEnum,
            default_value=PermitEnum.none,
        ),
        variable("education_listed", Applicant, bool, "The list of degrees is known"),
        variable("employment_listed", Applicant, bool, "The list of jobs is known"),
        *fact("level", Item, int, "ISCED level of a degree"),
        *fact("completed", Item, bool, "The degree was completed by the day"),
        *fact("stem_isced", Item, bool, "The field is STEM under ISCED-F"),
        *fact("stem_dhs", Item, bool, "The field is STEM under the DHS list"),
        *fact("tiers", Item, int, "Tiers of the institution, one bit each"),
        *fact("current", Item, bool, "The job is held on the day"),
        *fact(
            "activity",
            Item,
            Enum,
            "What the job is",
            possible_values=ActivityEnum,
            default_value=ActivityEnum.other,
        ),
        # criteria
        *criterion(
            "foreign_national",
            Applicant,
            "Holds no Chinese nationality",
            lambda a, p, _: ~a("holds_cn", p),
            lambda a, p, _: _known(a, p, "holds_cn"),
        ),
        *criterion(
            "k_age",
            Applicant,
            "Young: within the age limit, if any",
            lambda a, p, parameters: _young(a, p, parameters)[0],
            lambda a, p, parameters: _young(a, p, parameters)[1],
        ),
        *criterion(
            "k_degree_level",
            Item,
            "Bachelor's or higher",
            lambda i, p, _: i("level", p) >= 6,
            lambda i, p, _: _known(i, p, "level"),
        ),
        *criterion(
            "k_degree_completed",
            Item,
            "Completed",
            lambda i, p, _: i("completed", p),
            lambda i, p, _: _known(i, p, "completed"),
        ),
        *criterion(
            "k_stem",
            Item,
            "In a STEM field",
            lambda i, p, parameters: _stem(i, p, parameters, known=False),
            lambda i, p, parameters: _stem(i, p, parameters, known=True),
        ),
        *criterion(
            "k_well_known",
            Item,
            "At a well-known university or research institution",
            _well_known,
            lambda i, p, _: _known(i, p, "tiers"),
        ),
        *criterion(
            "k_position_current",
            Item,
            "Held now",
            lambda i, p, _: i("current", p),
            lambda i, p, _: _known(i, p, "current"),
        ),
        *criterion(
            "k_teaching_or_research",
            Item,
            "Teaching or research",
            lambda i, p, _: (
                (i("activity", p) == ActivityEnum.teaching)
                | (i("activity", p) == ActivityEnum.research)
            ),
            lambda i, p, _: _known(i, p, "activity"),
        ),
        *all_of(
            "k_degree",
            Item,
            "This degree meets the education route",
            ["k_degree_level", "k_degree_completed", "k_stem", "k_well_known"],
        ),
        *all_of(
            "k_position",
            Item,
            "This job meets the teaching/research route",
            ["k_position_current", "k_teaching_or_research", "k_stem", "k_well_known"],
        ),
        *any_item(
            "k_stem_degree",
            "A STEM degree from a well-known institution",
            "k_degree",
            degree,
            "education_listed",
        ),
        *any_item(
            "k_stem_position",
            "A STEM post at a well-known institution",
            "k_position",
            job,
            "employment_listed",
        ),
        *any_of(
            "k_stem_talent",
            Applicant,
            "STEM graduate, teacher or researcher",
            ["k_stem_degree", "k_stem_position"],
        ),
        *all_of(
            "k_conditions",
            Applicant,
            "Young foreign STEM talent",
            ["foreign_national", "k_age", "k_stem_talent"],
        ),
        *_in_force("CN-K"),
        *all_of("cn_k", Applicant, "K visa", ["cn_k_in_force", "k_conditions"]),
        *criterion(
            "l_purpose",
            Applicant,
            "Tourism",
            lambda a, p, _: a("purpose", p) == PurposeEnum.tourism,
            lambda a, p, _: _known(a, p, "purpose"),
        ),
        *all_of(
            "l_conditions", Applicant, "Entering for tourism", ["foreign_national", "l_purpose"]
        ),
        *_in_force("CN-L"),
        *all_of("cn_l", Applicant, "L visa", ["cn_l_in_force", "l_conditions"]),
        *criterion(
            "z_purpose",
            Applicant,
            "Entering to work",
            lambda a, p, _: (
                (a("purpose", p) == PurposeEnum.work) | (a("purpose", p) == PurposeEnum.talent)
            ),
            lambda a, p, _: _known(a, p, "purpose"),
        ),
        *criterion(
            "z_work_permit",
            Applicant,
            "Holds a work permit notice",
            lambda a, p, _: a("work_permit", p) != PermitEnum.none,
            lambda a, p, _: _known(a, p, "work_permit"),
        ),
        *all_of(
            "z_conditions",
            Applicant,
            "Coming to work with a work permit",
            ["foreign_national", "z_purpose", "z_work_permit"],
        ),
        *_in_force("CN-Z"),
        *all_of("cn_z", Applicant, "Z visa", ["cn_z_in_force", "z_conditions"]),
        *(_status(code) for code in CODES),
    )
    tbs.parameters = ParameterNode("", data=_parameters(ctx))
    return tbs


def _status(code: str) -> type[Variable]:
    root = _key(code)

    def formula(a: Any, p: Period, _: Any) -> np.ndarray:
        return np.where(a(root, p), 0, np.where(a(root + KNOWN, p), 1, 2)).astype(np.int16)

    return variable(
        f"{root}_status",
        Applicant,
        Enum,
        f"{code}: {' / '.join(STATUSES)}",
        formula,
        possible_values=StatusEnum,
        default_value=StatusEnum.undetermined,
    )


def _parameters(ctx: Context) -> dict[str, Any]:
    """The law's dates and the assumptions in force, as OpenFisca parameters."""

    def always(value: Any) -> dict[str, Any]:
        return {"values": {"1900-01-01": {"value": value}}}

    in_force = {
        _key(visa.code): {
            "values": {"1900-01-01": {"value": False}, visa.since.isoformat(): {"value": True}}
        }
        for visa in _visas()
    }
    tiers = WELL_KNOWN_TIERS[ctx.assume(WELL_KNOWN.name)]
    limit = ctx.assume(AGE_LIMIT.name)
    return {
        "in_force": in_force,
        "assumptions": {
            "k_any_registered": always(tiers is None),
            "k_tiers_mask": always(tiers_mask(tiers or ())),
            "k_stem_dhs": always(ctx.assume(STEM.name) == "dhs"),
            "k_age_limit": always(0 if limit == "none" else int(limit)),
        },
    }


# --- facts → simulation ---------------------------------------------------------------------------


@dataclass
class Inputs:
    """The facts as OpenFisca inputs: arrays per applicant and per item, and who owns each item."""

    applicants: int
    applicant: dict[str, np.ndarray]
    item: dict[str, np.ndarray]
    owner: np.ndarray  # the applicant (position) of each item
    role: np.ndarray  # 0 degree, 1 job


def _enum_index(column: str, enum: Any) -> pl.Expr:
    return pl.col(column).replace_strict(
        {m.name: m.index for m in enum}, default=0, return_dtype=pl.Int16
    )


def _known_pair(name: str, column: str, value: pl.Expr) -> list[pl.Expr]:
    return [value.alias(name), pl.col(column).is_not_null().alias(name + KNOWN)]


# The item inputs, with the value they hold when unknown.
ITEM_INPUTS: dict[str, Any] = {
    "level": 0,
    "completed": False,
    "stem_isced": False,
    "stem_dhs": False,
    "tiers": 0,
    "current": False,
    "activity": 0,
}
# Per collection: the role of its items and the fact column of each input it has.
ITEM_SOURCES = {
    EDUCATION.name: (
        0,
        {
            "level": "edu_level",
            "completed": "edu_completed",
            "stem_isced": "edu_stem_isced_f",
            "stem_dhs": "edu_stem_dhs",
            "tiers": "edu_tiers",
        },
    ),
    EMPLOYMENT.name: (
        1,
        {
            "current": "job_current",
            "activity": "job_activity",
            "stem_isced": "job_stem_isced_f",
            "stem_dhs": "job_stem_dhs",
            "tiers": "job_tiers",
        },
    ),
}
ROLE = "_role"


def _item_value(name: str, column: str) -> pl.Expr:
    if name == "tiers":  # visarules' facts hold tiers as the same bit mask
        return pl.col(column).cast(pl.Int64)
    if name == "activity":
        return _enum_index(column, ActivityEnum)
    return pl.col(column)


def openfisca_inputs(facts: FactsTable) -> Inputs:
    persons = facts.persons.sort(ROW)
    columns = persons.select(
        *_known_pair(
            "holds_cn", "citizenship", pl.col("citizenship").list.contains("CN").fill_null(False)
        ),
        pl.col("birth_earliest").fill_null(date(1970, 1, 1)),
        pl.col("birth_latest").fill_null(date(1970, 1, 1)),
        (pl.col("birth_earliest").is_not_null() & pl.col("birth_latest").is_not_null()).alias(
            "birth" + KNOWN
        ),
        *_known_pair("purpose", "purpose", _enum_index("purpose", PurposeEnum)),
        *_known_pair("work_permit", "work_permit", _enum_index("work_permit", PermitEnum)),
        pl.col(EDUCATION.known_column).fill_null(False).alias("education_listed"),
        pl.col(EMPLOYMENT.known_column).fill_null(False).alias("employment_listed"),
    )

    def frame(collection: str) -> pl.DataFrame:
        role, sources = ITEM_SOURCES[collection]
        exprs = []
        for name, default in ITEM_INPUTS.items():
            column = sources.get(name)  # none: the input is unknown for this kind of item
            value = _item_value(name, column).fill_null(default) if column else pl.lit(default)
            known = pl.col(column).is_not_null() if column else pl.lit(False)
            exprs += [value.alias(name), known.alias(name + KNOWN)]
        return facts.items[collection].select(ROW, pl.lit(role, pl.Int8).alias(ROLE), *exprs)

    items = pl.concat([frame(c) for c in ITEM_SOURCES], how="vertical_relaxed")
    rows = persons[ROW].to_numpy()
    return Inputs(
        applicants=persons.height,
        applicant={c: columns[c].to_numpy() for c in columns.columns},
        item={c: items[c].to_numpy() for c in items.columns if c not in (ROW, ROLE)},
        owner=np.searchsorted(rows, items[ROW].to_numpy()),
        role=items[ROLE].to_numpy(),
    )


def simulation(tbs: TaxBenefitSystem, inputs: Inputs, day: Period) -> Simulation:
    builder = SimulationBuilder()
    builder.create_entities(tbs)
    builder.declare_person_entity(Item.key, np.arange(len(inputs.owner)))
    applicants = builder.declare_entity(Applicant.key, np.arange(inputs.applicants))
    # Set directly, not with join_with_persons, which renumbers the groups that have members.
    applicants.members_entity_id = inputs.owner
    applicants.members_role = np.asarray(Applicant.flattened_roles, dtype=object)[inputs.role]
    sim = builder.build(tbs)
    for name, array in (*inputs.applicant.items(), *inputs.item.items()):
        sim.set_input(name, day, array)
    return sim


# --- the run --------------------------------------------------------------------------------------


def _key(code: str) -> str:
    """The OpenFisca name of a visa: CN-K → cn_k."""
    return code.lower().replace("-", "_")


def _status_codes(column: pl.Series) -> np.ndarray:
    return column.replace_strict(
        {s: i for i, s in enumerate(STATUSES)}, return_dtype=pl.Int16
    ).to_numpy()


def _show_mismatches(
    facts: FactsTable, code: str, ours: np.ndarray, theirs: np.ndarray, rows: np.ndarray
) -> None:
    for position in np.flatnonzero(ours != theirs)[:5]:
        row = int(rows[position])
        print(
            f"  {code} row {row}: visarules {STATUSES[ours[position]]}, "
            f"OpenFisca {STATUSES[theirs[position]]}"
        )
        print(f"    person: {facts.persons.filter(pl.col(ROW) == row).to_dicts()[0]}")
        for name, table in facts.items.items():
            for entry in table.filter(pl.col(ROW) == row).to_dicts():
                print(f"    {name}: {entry}")


def run(facts: FactsTable, ctx: Context, repeat: int) -> bool:
    visas = _visas()
    day = period(ctx.as_of.isoformat())
    tbs = system(ctx)
    seconds: dict[str, list[float]] = {}

    def timed(label: str, start: float) -> None:
        seconds.setdefault(label, []).append(time.perf_counter() - start)

    for _ in range(repeat):  # each on fresh state: OpenFisca caches what it has computed
        start = time.perf_counter()
        sim = simulation(tbs, openfisca_inputs(facts), day)
        timed("OpenFisca: build the simulation", start)
        start = time.perf_counter()
        statuses = {code: np.asarray(sim.calculate(_key(code) + "_status", day)) for code in CODES}
        timed(CALCULATE, start)
        del sim
        start = time.perf_counter()
        evaluation = evaluate(visas, facts, ctx)
        timed(EVALUATE, start)
        start = time.perf_counter()
        values(visas, facts, ctx, beside=False).persons.select(status_code(v.code) for v in visas)
        timed(STATUSES_ONLY, start)
    persons = evaluation.persons
    rows = persons[ROW].to_numpy()
    n = persons.height
    best = {label: min(times) for label, times in seconds.items()}
    print(f"{'rows (applicants)':58s} {n:>12,}")
    print(f"{'items (degrees and jobs)':58s} {sum(t.height for t in facts.items.values()):>12,}")
    for label, value in best.items():
        print(f"{'seconds, ' + label:58s} {value:>12.3f}")
    for label, name in ((EVALUATE, "evaluate"), (STATUSES_ONLY, "statuses only")):
        ratio = best[label] / best[CALCULATE]
        print(f"{'ratio, visarules ' + name + ' / OpenFisca calculate':58s} {ratio:>12.2f}")
    agreed = True
    for code in CODES:
        mine = _status_codes(persons[status_column(code)])
        theirs = statuses[code]
        same = float(np.mean(mine == theirs)) if n else 1.0
        shares = " ".join(f"{s} {np.mean(mine == i):.1%}" for i, s in enumerate(STATUSES))
        print(f"{code + ' agreement':58s} {same:>12.4%}   ({shares})")
        if same < 1:
            agreed = False
            _show_mismatches(facts, code, mine, theirs, rows)
    return agreed


def _assumptions(pairs: Iterable[str]) -> dict[str, str]:
    """``NAME=VALUE`` pairs, as ``visarules check --assume`` takes them."""
    return {name: value for name, _, value in (pair.partition("=") for pair in pairs)}


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--source", choices=("facts", "profiles"), default="facts")
    parser.add_argument("--as-of", default=AS_OF)
    parser.add_argument("--assume", action="append", default=[], metavar="NAME=VALUE")
    parser.add_argument("--repeat", type=int, default=3, choices=range(1, 100), metavar="N")
    parser.add_argument("--seed", type=int, default=gen.SEED)
    args = parser.parse_args()
    ctx = context(args.as_of, _assumptions(args.assume))
    used = {name: ctx.assume(name) for name in (WELL_KNOWN.name, STEM.name, AGE_LIMIT.name)}
    print(f"as of {ctx.as_of}; assumptions {used}; source {args.source}")
    if args.source == "facts":
        start = time.perf_counter()
        facts = synthetic_facts(args.rows, args.seed)
        print(f"{'seconds to draw the facts table':58s} {time.perf_counter() - start:>12.2f}")
    else:
        batch = gen.generate(args.rows, args.seed)
        start = time.perf_counter()
        facts, refused = facts_for(batch.frame, ctx.as_of)
        bad = sum(len(rows) for rows in batch.bad.values())
        print(
            f"{'seconds to build facts from profile rows':58s} {time.perf_counter() - start:>12.2f}"
        )
        print(f"{'rows refused (generated bad ones)':58s} {refused:>12,} ({bad:,})")
    if not run(facts, ctx, args.repeat):
        raise SystemExit("the statuses disagree (rows above)")


if __name__ == "__main__":
    main()
