"""The benchmark batch generator (bench/gen_profiles.py): its columns are profile paths, the
sidecar names exactly the rows the profile model refuses (or that are impossible), the CSV holds
the same profiles as the Parquet, and a seed always gives the same bytes."""

from __future__ import annotations

import importlib
import json
import re
import sys
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from types import ModuleType
from typing import Any

import polars as pl
import pytest

from visarules.contract import fields
from visarules.errors import InputError
from visarules.io import profile_from_data
from visarules.profile import Profile

BENCH = Path(__file__).resolve().parents[1] / "bench"
ROWS = 2_000


def _generator() -> ModuleType:
    sys.path.insert(0, str(BENCH))  # the generator imports its neighbour resolve_speed
    try:
        return importlib.import_module("gen_profiles")
    finally:
        sys.path.remove(str(BENCH))


GEN = _generator()


def _run(folder: Path, seed: int = 7, csv: bool = False) -> Path:
    out = folder / "profiles.parquet"
    argv = ["--rows", str(ROWS), "--out", str(out), "--seed", str(seed)]
    GEN.main(argv + (["--csv", str(folder / "profiles.csv")] if csv else []))
    return out


@pytest.fixture(scope="module")
def batch(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _run(tmp_path_factory.mktemp("batch"), csv=True)


def test_columns_are_profile_paths(batch: Path) -> None:
    known = {f["path"]: f["type"] for f in fields()}
    for column in pl.read_parquet_schema(batch):
        if column == "id":  # carried through, not a profile field (CONTRACT.md)
            continue
        if column.endswith(".count"):
            collection = column.removesuffix(".count")
            assert known.get(collection, "").startswith("list of"), column
            continue
        assert re.sub(r"\[\d+\]", "[]", column) in known, column


def _profiles(path: Path) -> Iterator[tuple[int, dict[str, Any]]]:
    frame = (
        pl.read_parquet(path)
        if path.suffix == ".parquet"
        else pl.read_csv(path, infer_schema=False)
    )
    for number, row in enumerate(frame.iter_rows(named=True), start=1):
        yield number, GEN.profile_from_row(row)


def _years_after(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def _possible(profile: Profile) -> bool:
    """As the generator promises: degrees from the age of 18, jobs after birth and after the
    last degree completed, ending after they start."""
    birth = profile.birth_date
    degrees = [e.completed for e in profile.education or [] if e.completed]
    if birth and any(d.earliest < _years_after(birth.earliest, 18) for d in degrees):
        return False
    done = [d.year for d in degrees if d.year <= GEN.LAST_YEAR]
    for job in profile.employment or []:
        start = job.start
        if start is None:
            continue
        if (birth and start.earliest < birth.earliest) or (done and start.year < max(done)):
            return False
        if job.end is not None and job.end.latest < start.earliest:
            return False
    return True


def test_bad_rows_are_the_sidecars(batch: Path) -> None:
    expected = json.loads(GEN.sidecar_path(batch).read_text(encoding="utf-8"))
    assert expected["rows"] == ROWS == pl.read_parquet(batch).height
    kinds = expected["bad_by_kind"]
    assert set(kinds) == set(GEN.BAD_KINDS)
    assert all(entry["rows"] for entry in kinds.values())  # every kind occurs
    assert sorted(r for entry in kinds.values() for r in entry["rows"]) == expected["bad_rows"]
    assert 0.03 * ROWS < len(expected["bad_rows"]) < 0.07 * ROWS
    assert expected["rows_out"] == ROWS - len(expected["bad_rows"])
    field = {r: entry["field"] for entry in kinds.values() for r in entry["rows"]}
    before_birth = set(kinds["degree_before_birth"]["rows"])

    dumps: dict[str, list[dict[str, Any]]] = {}
    for path in (batch, batch.with_suffix(".csv")):
        refused: dict[int, str] = {}
        dumps[path.suffix] = []
        for number, data in _profiles(path):
            try:
                profile = profile_from_data(data).profile
            except InputError as err:
                refused[number] = err.where
                continue
            if number in before_birth:
                first, birth = (profile.education or [])[0].completed, profile.birth_date
                assert first and birth and first.latest < birth.earliest, number
                refused[number] = field[number]
            else:
                assert _possible(profile), number
            dumps[path.suffix].append(profile.model_dump())
        assert sorted(refused) == expected["bad_rows"], path.suffix
        # the column, or for a list in one cell its element: citizenship[0]
        named = {n: re.sub(r"\[\d+\]$", "", where) for n, where in refused.items()}
        assert all(where == field[n] for n, where in named.items()), path.suffix
    assert dumps[".csv"] == dumps[".parquet"]


def test_same_seed_same_bytes(batch: Path, tmp_path: Path) -> None:
    again = _run(tmp_path / "again")
    assert again.read_bytes() == batch.read_bytes()
    other = _run(tmp_path / "other", seed=8)
    assert other.read_bytes() != batch.read_bytes()
