"""Table-driven cases: profile → expected status per visa, each citing the clause it exercises.

Files: tests/cases/<country>/*.yaml, each a list of ``cases`` (and optional ``points``):

    cases:
      - name: A sentence saying what the law decides here
        cites: QA-2025 answer 3          # instrument id (law/instruments.yaml) + clause
        as_of: 2025-11-01
        assume: {cn.k.age_limit: "45"}   # optional
        profile: {...}                   # CONTRACT.md profile
        expect: {CN-K: eligible}         # visa → status
        missing: {CN-K: [education]}     # optional: exact missing paths (any order)
        criteria: {CN-R: {cn.r.category_a: true}}  # optional: a criterion's value (person level),
                                                   # in the conditions or a tree beside them
        warnings: {CN-R: [not_encoded]}  # optional: exact warning kinds (any order)
        related_missing: {CN-R: {cn.r.category_a: [employment]}}  # optional: a tree beside
        costs: {US-H-1B: {us.h1b.payment_10973: due}}   # optional: due / not_due / unknown
        selection: {US-H-1B: {process: weighted, chance: 0.3058}}  # optional: beside the status
    points:
      - name: ...
        cites: CLASS-2017 points table item 1
        as_of: 2025-11-01
        profile: {...}
        expect: {total: 85, class: A, items: {salary: 20}}   # any subset; range: [lo, hi]
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from visarules import api
from visarules.engine.citations import instruments
from visarules.io import parse_document

CASES = Path(__file__).parent / "cases"


def _load(kind: str) -> list[Any]:
    params = []
    for path in sorted(CASES.rglob("*.yaml")):
        doc = parse_document(path.read_text("utf-8"), str(path)) or {}
        for i, case in enumerate(doc.get(kind, [])):
            rel = path.relative_to(CASES)
            params.append(pytest.param(case, id=f"{rel}#{i}: {case['name'][:70]}"))
    return params


def _check_citation(case: dict[str, Any]) -> None:
    cites = case.get("cites")
    assert cites, "every case cites the clause it exercises"
    assert cites.split()[0].rstrip(";,") in instruments(), f"unknown instrument in cites: {cites!r}"


@pytest.mark.parametrize("case", _load("cases"))
def test_visa_case(case: dict[str, Any]) -> None:
    _check_citation(case)
    result = api.check(
        case.get("profile") or {},
        as_of=str(case["as_of"]),
        visas=list(case["expect"]),
        assume=case.get("assume"),
    )
    got = {r["visa"]: r["status"] for r in result["results"]}
    assert got == case["expect"], {r["visa"]: r["reasons"] for r in result["results"]}
    by_visa = {r["visa"]: r for r in result["results"]}
    for visa, paths in (case.get("missing") or {}).items():
        assert sorted(by_visa[visa]["missing"]) == sorted(paths)
    for visa, values in (case.get("criteria") or {}).items():
        trees = [by_visa[visa]["criteria"], *(r["criteria"] for r in by_visa[visa]["related"])]
        got_values = {c["id"]: c["value"] for tree in trees for c in tree if "item" not in c}
        assert {k: got_values[k] for k in values} == values
    for visa, trees in (case.get("related_missing") or {}).items():
        related = {r["id"]: r["missing"] for r in by_visa[visa]["related"]}
        for tree, paths in trees.items():
            assert sorted(related[tree]) == sorted(paths)
    for visa, kinds in (case.get("warnings") or {}).items():
        assert sorted(w["kind"] for w in by_visa[visa]["warnings"]) == sorted(kinds)
    for visa, costs in (case.get("costs") or {}).items():
        got_costs = {c["id"]: c["status"] for c in by_visa[visa]["costs"]}
        assert {k: got_costs[k] for k in costs} == costs, by_visa[visa]["costs"]
    for visa, fields in (case.get("selection") or {}).items():
        selection = by_visa[visa]["selection"]
        assert {k: selection[k] for k in fields} == fields, selection


@pytest.mark.parametrize("case", _load("points"))
def test_points_case(case: dict[str, Any]) -> None:
    _check_citation(case)
    result = api.points(case["profile"], as_of=str(case["as_of"]), assume=case.get("assume"))
    expect = case["expect"]
    for key in ("total", "class", "range"):
        if key in expect:
            assert result[key] == expect[key], (key, result)
    items = {item["id"]: item["points"] for item in result["items"]}
    for item, points in (expect.get("items") or {}).items():
        assert items[item] == points, (item, items)


def test_there_are_enough_cases() -> None:
    cases = _load("cases") + _load("points")
    assert len(cases) >= 80
    visas = {visa for p in _load("cases") for visa in p.values[0]["expect"]}
    from visarules.catalogue import catalogue

    assert {v.code for v in catalogue().visas} <= visas, "every visa has cases"
