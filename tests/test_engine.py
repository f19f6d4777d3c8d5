"""The engine: one definition evaluates one person or many, with Kleene logic."""

from __future__ import annotations

from datetime import date, timedelta

import polars as pl
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.strategies import REMOVABLE, full_profile, without
from visarules import api
from visarules.build import build_facts
from visarules.catalogue import catalogue
from visarules.engine.evaluate import evaluate, facts_read, missing_column, status_column
from visarules.engine.nodes import AllOf, AtLeast, Criterion, combine
from visarules.io import profile_from_data
from visarules.jurisdictions.cn.k import DEC_814_ART_6
from visarules.tables import from_profiles

AS_OF = date(2025, 11, 1)
ALL = catalogue().visas
STATUS_COLUMNS = [c for v in ALL for c in (status_column(v.code), missing_column(v.code))]


def _statuses(profiles: list[dict], as_of: date = AS_OF) -> pl.DataFrame:  # type: ignore[type-arg]
    ctx = api.context(as_of)
    models = [profile_from_data(p).profile for p in profiles]
    ev, _ = api.evaluate_profiles(models, ctx, ALL)
    return ev.persons.select(STATUS_COLUMNS)


IIT = {
    "citizenship": "IN",
    "birth_date": "1999-03-14",
    "education": [
        {"institution": "IIT Bombay", "field": "Computer Science", "level": "B.Tech",
         "completed": "2021-06"}
    ],
    "plan": {"purpose": "stem_exchange", "stay_days": 60},
}  # fmt: skip


def test_one_row_equals_the_same_row_inside_ten_thousand() -> None:
    alone = _statuses([IIT])
    others = [
        {
            "citizenship": ["FR", "IN", "US"][i % 3],
            "plan": {"purpose": "tourism", "stay_days": i % 60},
        }
        for i in range(9_999)
    ]
    crowd = _statuses([*others[:4_999], IIT, *others[4_999:]])
    assert crowd.height == 10_000
    assert crowd.row(4_999) == alone.row(0)
    assert alone[status_column("CN-K")][0] == "eligible"


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(full_profile, min_size=1, max_size=6))
def test_a_batch_equals_its_rows_one_by_one(profiles: list[dict]) -> None:  # type: ignore[type-arg]
    batch = _statuses(profiles)
    for i, profile in enumerate(profiles):
        assert batch.row(i) == _statuses([profile]).row(0)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(full_profile, min_size=1, max_size=4),
    st.sampled_from(["CN", "US", "CN,US"]),
)
def test_facts_built_for_some_visas_give_their_answers(profiles: list, countries: str) -> None:  # type: ignore[type-arg]
    """The facts builder skips what the visas asked for do not read, and nothing else: every
    formula reads only the facts it declares."""
    ctx = api.context(AS_OF)
    chosen = api.select_visas(None, ctx, countries)
    models = [profile_from_data(p).profile for p in profiles]
    tables = from_profiles(models)
    columns = [c for v in chosen for c in (status_column(v.code), missing_column(v.code))]
    some = evaluate(chosen, build_facts(tables, AS_OF, needs=facts_read(chosen)).table, ctx)
    every = evaluate(chosen, build_facts(tables, AS_OF).table, ctx)
    assert some.persons.select(columns).equals(every.persons.select(columns))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(full_profile, st.lists(st.sampled_from(REMOVABLE), max_size=6, unique=True))
def test_adding_facts_never_changes_a_decided_status(profile: dict, removed: list) -> None:  # type: ignore[type-arg]
    less, full = _statuses([without(profile, removed), profile]).rows()
    for i, code in enumerate(v.code for v in ALL):
        before, after = less[2 * i], full[2 * i]
        if before != "undetermined":
            assert after == before, (code, removed)
        if before == "eligible":
            assert after != "undetermined"


@settings(max_examples=25, deadline=None)
@given(st.integers(0, 3000))
def test_no_facts_is_never_not_eligible_for_k(days: int) -> None:
    as_of = date(2025, 10, 1) + timedelta(days=days)
    result = api.check({}, as_of=as_of, visas=["CN-K"])["results"][0]
    assert result["status"] == "undetermined"
    assert "education" in result["missing"]


def _leaf(value: bool | None, name: str) -> Criterion:
    return Criterion(
        id=name,
        text=name,
        formula=lambda ctx: pl.lit(value, dtype=pl.Boolean),
        since=date(2000, 1, 1),
        citations=(DEC_814_ART_6,),
    )


def test_at_least_n_is_kleene() -> None:
    frame = pl.DataFrame({"a": [True, True, False, True], "b": [True, None, False, None],
                          "c": [False, None, None, False]})  # fmt: skip
    node = AtLeast(
        id="x", text="x", n=2, nodes=(_leaf(True, "a"), _leaf(True, "b"), _leaf(True, "c"))
    )
    values = frame.select(combine(node, [pl.col("a"), pl.col("b"), pl.col("c")])).to_series()
    assert values.to_list() == [True, None, False, None]


def test_all_of_false_wins_over_unknown() -> None:
    node = AllOf(id="x", text="x", nodes=(_leaf(False, "a"), _leaf(None, "b")))
    frame = pl.DataFrame({"a": [False], "b": [None]}, schema={"a": pl.Boolean, "b": pl.Boolean})
    assert frame.select(combine(node, [pl.col("a"), pl.col("b")])).item() is False
