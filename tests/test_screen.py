"""`visarules screen`: the batch path gives the single-person answer for every row, loses no row,
writes whole files or none, the same bytes for the same input, and nothing a spreadsheet runs."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from datetime import date
from pathlib import Path
from typing import Any

import polars as pl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from tests.strategies import REMOVABLE, full_profile, without
from visarules import api
from visarules.batch import flatten
from visarules.cli import app
from visarules.errors import InputError
from visarules.io import parse_document
from visarules.screen import Job, errors_path, screen_file

ROOT = Path(__file__).resolve().parents[1]
AS_OF = date(2025, 11, 1)
CODES = tuple(v.code for v in api.select_visas(None, api.context(AS_OF)))
runner = CliRunner()


def _frame(rows: list[dict[str, Any]]) -> pl.DataFrame:
    columns = sorted({key for row in rows for key in row})
    return pl.DataFrame(
        [{c: row.get(c) for c in columns} for row in rows],
        schema={c: pl.String for c in columns},
    )


def _job(**kwargs: Any) -> Job:
    return Job(as_of=AS_OF, assumptions=(), codes=CODES, **kwargs)


def _screen(tmp: Path, rows: list[dict[str, Any]], job: Job, **kwargs: Any) -> pl.DataFrame:
    source = tmp / "in.parquet"
    _frame(rows).write_parquet(source)
    screen_file(source, tmp / "out.parquet", job, **kwargs)
    return pl.read_parquet(tmp / "out.parquet")


def _single(profile: dict[str, Any], job: Job) -> dict[str, tuple[str, str]]:
    result = api.check(profile, as_of=job.as_of, visas=job.codes, assume=dict(job.assumptions))
    return {r["visa"]: (r["status"], ";".join(r["missing"])) for r in result["results"]}


def _batch(row: dict[str, Any], codes: tuple[str, ...]) -> dict[str, tuple[str, str]]:
    return {c: (row[f"{c}.status"], row[f"{c}.missing"]) for c in codes}


# --- one answer, one person or a million -----------------------------------------------------------


def _cases() -> list[tuple[dict[str, Any], Job]]:
    found = []
    for path in sorted((ROOT / "tests" / "cases").rglob("*.yaml")):
        doc = parse_document(path.read_text("utf-8"), str(path))
        for case in doc.get("cases", []):
            job = Job(
                as_of=date.fromisoformat(str(case["as_of"])),
                assumptions=tuple((case.get("assume") or {}).items()),
                codes=tuple(case["expect"]),
            )
            found.append((case.get("profile") or {}, job))
    return found


def test_every_legal_case_gets_the_same_answer_in_a_batch(tmp_path: Path) -> None:
    by_job: dict[Job, list[dict[str, Any]]] = {}
    for profile, job in _cases():
        by_job.setdefault(job, []).append(profile)
    compared = 0
    for i, (job, profiles) in enumerate(by_job.items()):
        folder = tmp_path / str(i)
        folder.mkdir()
        rows = [flatten(p) | {"id": str(n)} for n, p in enumerate(profiles)]
        out = _screen(folder, rows, job)
        assert out.height == len(profiles)
        for profile, row in zip(profiles, out.iter_rows(named=True), strict=True):
            assert _batch(row, job.codes) == _single(profile, job), (profile, job)
            compared += 1
    assert compared >= 300


@settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
@given(
    st.lists(
        st.tuples(full_profile, st.lists(st.sampled_from(REMOVABLE), max_size=6, unique=True)),
        min_size=1,
        max_size=6,
    )
)
def test_generated_profiles_get_the_same_answer_in_a_batch(
    tmp_path_factory: pytest.TempPathFactory, pairs: list[Any]
) -> None:
    tmp = tmp_path_factory.mktemp("gen")
    job = _job(resolutions=True)
    profiles = [without(p, r) for p, r in pairs]
    singles: list[Any] = []
    reads: list[list[tuple[str, str | None]]] = []
    for profile in profiles:
        try:
            singles.append(_single(profile, job))
            reads.append(_read_as(profile))
        except InputError as err:
            singles.append(err)
            reads.append([])
    out = _screen(tmp, [flatten(p) for p in profiles], job)
    errors = pl.read_parquet(errors_path(tmp / "out.parquet"))
    rows = {r["row"]: r for r in out.iter_rows(named=True)}
    refused = {r["row"]: r for r in errors.iter_rows(named=True)}
    for number, single in enumerate(singles, start=1):
        if isinstance(single, InputError):  # refused alike, naming the same field
            assert refused[number]["field"] == single.where
        else:
            assert _batch(rows[number], job.codes) == single
            assert _batch_read_as(rows[number]["resolutions"]) == reads[number - 1]


def _read_as(profile: dict[str, Any]) -> list[tuple[str, str | None]]:
    """What check says each string was read as: the path, and the institution's id."""
    found = api.check(profile, as_of=AS_OF)["resolutions"]
    return [
        (r["path"], (r["result"]["match"] or {}).get("id") if r["kind"] == "institution" else None)
        for r in found
        if r["kind"] != "inference"
    ]


def _batch_read_as(cell: str) -> list[tuple[str, str | None]]:
    found = []
    for entry in filter(None, cell.split("; ")):
        path, _, text = entry.partition(" = ")
        institution = path.endswith((".institution", ".employer"))
        ror = text.partition("<")[2].partition(">")[0] if institution else ""
        found.append((path, ror or None))
    return found


# --- nothing lost ---------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    sys.path.insert(0, str(ROOT / "bench"))
    try:
        import gen_profiles
    finally:
        sys.path.remove(str(ROOT / "bench"))
    folder = tmp_path_factory.mktemp("generated")
    gen_profiles.main(
        ["--rows", "3000", "--out", str(folder / "p.parquet"), "--csv", str(folder / "p.csv")]
    )
    return folder


@pytest.mark.parametrize("kind", ["parquet", "csv"])
def test_rows_in_are_rows_out_plus_rows_in_errors(
    generated: Path, tmp_path: Path, kind: str
) -> None:
    expected = json.loads((generated / "p.expected.json").read_text())
    out = tmp_path / f"out.{kind}"
    report = screen_file(generated / f"p.{kind}", out, _job(), chunk_rows=1_000)
    read = pl.read_parquet if kind == "parquet" else pl.read_csv
    rows, errors = read(out), read(errors_path(out))
    assert report.rows_in == expected["rows"] == rows.height + errors.height
    assert rows.height == expected["rows_out"]
    assert sorted(errors["row"].to_list()) == sorted(expected["bad_rows"])
    assert rows["row"].to_list() == sorted(rows["row"].to_list())  # input order


def test_chunking_does_not_change_the_answer(generated: Path, tmp_path: Path) -> None:
    screen_file(generated / "p.parquet", tmp_path / "a.parquet", _job(), chunk_rows=700)
    screen_file(generated / "p.parquet", tmp_path / "b.parquet", _job(), chunk_rows=100_000)
    assert (tmp_path / "a.parquet").read_bytes() != b""
    assert pl.read_parquet(tmp_path / "a.parquet").equals(pl.read_parquet(tmp_path / "b.parquet"))


@pytest.mark.parametrize("kind", ["parquet", "csv"])
def test_the_same_input_gives_the_same_bytes(generated: Path, tmp_path: Path, kind: str) -> None:
    for name in ("a", "b"):
        screen_file(generated / f"p.{kind}", tmp_path / f"{name}.{kind}", _job(), chunk_rows=1_000)
    assert (tmp_path / f"a.{kind}").read_bytes() == (tmp_path / f"b.{kind}").read_bytes()


def test_worker_processes_give_the_same_bytes(generated: Path, tmp_path: Path) -> None:
    screen_file(generated / "p.parquet", tmp_path / "a.parquet", _job(), chunk_rows=1_000)
    screen_file(
        generated / "p.parquet", tmp_path / "b.parquet", _job(), chunk_rows=1_000, processes=2
    )
    assert (tmp_path / "a.parquet").read_bytes() == (tmp_path / "b.parquet").read_bytes()


def test_a_killed_run_leaves_no_output(generated: Path, tmp_path: Path) -> None:
    big = tmp_path / "big.parquet"
    pl.concat([pl.read_parquet(generated / "p.parquet")] * 40).write_parquet(big)
    out = tmp_path / "out.csv"
    command = [sys.executable, "-m", "visarules", "screen", str(big), "--out", str(out)]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while not any(p.name.startswith(".out.csv.") for p in tmp_path.iterdir()):
        assert time.monotonic() < deadline and process.poll() is None
        time.sleep(0.05)
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    assert not out.exists() and not errors_path(out).exists()


def test_spreadsheet_formulas_are_quoted_in_csv(tmp_path: Path) -> None:
    rows = [
        {"id": "=HYPERLINK(1)", "citizenship": "IN"},
        {"id": "+1", "citizenship": "ZZ"},
        {"id": "@x", "plan.purpose": "tourism"},
    ]
    source = tmp_path / "in.csv"
    _frame(rows).write_csv(source)
    screen_file(source, tmp_path / "out.csv", _job())
    text = (tmp_path / "out.csv").read_text() + errors_path(tmp_path / "out.csv").read_text()
    assert "'=HYPERLINK(1)" in text and "'+1" in text and "'@x" in text
    assert ",=" not in text and ",+" not in text and ",@" not in text


def test_nested_parquet_is_read_as_the_flat_layout(tmp_path: Path) -> None:
    nested = pl.DataFrame(
        {
            "id": ["a"],
            "citizenship": ["IN"],
            "education": [
                [
                    {
                        "institution": "IIT Bombay",
                        "field": "Computer Science",
                        "level": "bachelor",
                        "completed": "2021-06",
                    }
                ]
            ],
            "plan": [{"purpose": "tourism", "stay_days": 10}],
        }
    )
    nested.write_parquet(tmp_path / "nested.parquet")
    screen_file(tmp_path / "nested.parquet", tmp_path / "out.parquet", _job())
    row = pl.read_parquet(tmp_path / "out.parquet").row(0, named=True)
    flat = {"citizenship": "IN", "education[0].institution": "IIT Bombay"}
    expected = _single(
        {
            "citizenship": "IN",
            "education": [
                {
                    "institution": "IIT Bombay",
                    "field": "Computer Science",
                    "level": "bachelor",
                    "completed": "2021-06",
                }
            ],
            "plan": {"purpose": "tourism", "stay_days": 10},
        },
        _job(),
    )
    assert _batch(row, CODES) == expected, flat


def test_output_refuses_to_overwrite_its_input(tmp_path: Path) -> None:
    source = tmp_path / "in.csv"
    _frame([{"citizenship": "IN"}]).write_csv(source)
    with pytest.raises(InputError, match="input file"):
        screen_file(source, source, _job())


# --- the command ----------------------------------------------------------------------------------


def test_the_command_reports_unknown_columns_a_summary_and_alternatives(
    generated: Path, tmp_path: Path
) -> None:
    out, summary = tmp_path / "out.parquet", tmp_path / "summary.html"
    result = runner.invoke(
        app,
        [
            "screen",
            str(generated / "p.parquet"),
            "--out",
            str(out),
            "--as-of",
            "2025-11-01",
            "--summary",
            str(summary),
            "--compare-assumptions",
            "cn.k.well_known=top100,any_registered",
            "--json",
        ],
    )
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["rows_in"] == report["rows_out"] + report["rows_in_errors"] == 3_000
    assert set(report["changes"]) == {
        "cn.k.well_known=top100",
        "cn.k.well_known=any_registered",
    }
    assert report["changes"]["cn.k.well_known=top100"]["CN-K"] > 0
    page = summary.read_text()
    assert "<svg" in page and "Statuses by visa" in page and "CN-K" in page
    markdown = ["--out", str(tmp_path / "o.csv"), "--summary", str(tmp_path / "s.md")]
    assert runner.invoke(app, ["screen", str(generated / "p.csv"), *markdown]).exit_code == 0
    assert "| CN-K |" in (tmp_path / "s.md").read_text()


def test_the_command_adds_what_each_string_was_read_as(generated: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.csv"
    args = ["screen", str(generated / "p.parquet"), "--out", str(out), "--resolutions"]
    assert runner.invoke(app, args).exit_code == 0
    read = pl.read_csv(out, infer_schema=False)["resolutions"].fill_null("")
    assert read.str.contains(r"education\[0\]\.institution = .* <https://ror\.org/").sum() > 1000
    assert read.str.contains(r"education\[0\]\.field = ISCED-F \d{4} ").sum() > 1000
    without = tmp_path / "plain.csv"
    plain = ["screen", str(generated / "p.parquet"), "--out", str(without)]
    assert runner.invoke(app, plain).exit_code == 0
    assert "resolutions" not in pl.read_csv(without, n_rows=1).columns


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--out", "x.txt"], "--out must end in .csv or .parquet"),
        (["--out", "o.csv", "--compare-assumptions", "cn.k.well_known=best"], "unknown value"),
        (["--out", "o.csv", "--summary", "s.pdf"], "--summary must end in .md or .html"),
        (["--out", "o.csv", "--chunk-rows", "0"], "--chunk-rows"),
    ],
)
def test_the_command_refuses_in_one_line(
    generated: Path, tmp_path: Path, args: list[str], message: str
) -> None:
    os.chdir(tmp_path)
    result = runner.invoke(app, ["screen", str(generated / "p.csv"), *args])
    assert result.exit_code == 2, result.output
    assert message in result.stderr and "Traceback" not in result.output


# --- beyond one machine ---------------------------------------------------------------------------


def test_a_dask_cluster_gives_the_single_machine_bytes(generated: Path, tmp_path: Path) -> None:
    from distributed import LocalCluster

    partitions = tmp_path / "partitions"
    partitions.mkdir()
    whole = pl.read_parquet(generated / "p.parquet")
    for i, start in enumerate(range(0, whole.height, 1_100)):
        whole.slice(start, 1_100).write_parquet(partitions / f"part-{i:03d}.parquet")
    local = screen_file(partitions, tmp_path / "local.parquet", _job(), chunk_rows=500)
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True) as cluster:
        remote = screen_file(
            partitions,
            tmp_path / "dask.parquet",
            _job(),
            chunk_rows=500,
            scheduler=cluster.scheduler_address,
        )
    assert remote.rows_in == local.rows_in == whole.height
    assert (tmp_path / "dask.parquet").read_bytes() == (tmp_path / "local.parquet").read_bytes()
    assert errors_path(tmp_path / "dask.parquet").read_bytes() == (
        errors_path(tmp_path / "local.parquet").read_bytes()
    )
    single = screen_file(generated / "p.parquet", tmp_path / "single.parquet", _job())
    assert single.rows_out == remote.rows_out
    assert pl.read_parquet(tmp_path / "single.parquet").equals(
        pl.read_parquet(tmp_path / "dask.parquet")
    )


def test_the_python_api_screens_a_table_as_the_command_does(
    generated: Path, tmp_path: Path
) -> None:
    table = pl.read_csv(generated / "p.csv", infer_schema=False)
    rows, errors = api.screen(table, as_of=AS_OF, resolutions=True)
    assert rows.height + errors.height == table.height
    screen_file(generated / "p.csv", tmp_path / "out.parquet", _job(resolutions=True))
    assert rows.equals(pl.read_parquet(tmp_path / "out.parquet"))
