"""``visarules screen`` at scale, and one person at a time, measured side by side in one run.

    python bench/screen.py [--rows 1000000] [--big-rows 10000000] [--calls 1000]
        [--workdir /tmp/visarules-bench] [--seed 7]

1. Data: ``--rows`` profiles from bench/gen_profiles.py (several nationalities, 0-3 degrees and
   0-3 jobs each, real, recased, abbreviated and misspelt institution names, ~5% bad rows),
   written as Parquet and CSV into ``--workdir`` (kept there and reused by later runs with the
   same rows and seed).
2. End to end: ``visarules screen FILE --out OUT`` as its own process, for the Parquet and the
   CSV file: seconds and peak memory (the process's maximum resident set), rows per second, and
   the rows out and in errors checked against the generator's list of bad rows. Beside it, the
   one-person path (``api.check`` in a loop) on the first rows of the same file, and the ratio.
3. Streamed: the Parquet file repeated to ``--big-rows`` rows (0 skips), screened the same way;
   its peak memory beside the 1M run's shows whether memory grows with the input.
4. Evaluation alone, in this process, over every Chinese code on the facts of every chunk of the
   file: statuses only (``values`` and the status codes, the work OpenFisca's calculation does;
   bench/peer_openfisca.py compares the two engines), and the whole ``screen`` evaluation
   (statuses, first failures, missing facts).
5. One person: ``api.check`` over every Chinese code for ``--calls`` different valid profiles of the
   file, p50/p99/max in ms; beside it, the same profiles screened in one columnar call.
6. Start-up: ``visarules check PROFILE`` as a process, median of 5, beside a bare interpreter
   and one that only imports the libraries visarules stands on (polars, pydantic, typer, rich).

Targets (issue 8, 2-core machine): 1M rows <= 20 s and <= 2 GB; 10M streamed <= 4 GB;
evaluation >= 1,000,000 profiles/s; one ``check`` p99 <= 10 ms; the CLI ``check`` <= 0.5 s.
Each figure is printed with its target and the ratio to it (< 1 where a target for time or
memory is met, > 1 where a throughput target is met).
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import Any

import polars as pl

import gen_profiles as gen
from visarules import api
from visarules.batch import from_frame, nested_to_flat
from visarules.build import Resolvers, build_facts
from visarules.engine.evaluate import FactsTable, screen, status_code, values
from visarules.errors import InputError

AS_OF = "2026-12-02"
CHUNK_ROWS = 100_000  # as visarules screen reads them
SINGLE_PATH_ROWS = 300  # rows of the file put through api.check one by one, as a peer
STARTS = 5


def _row(label: str, value: str, target: str = "", ratio: str = "") -> None:
    print(f"{label:58s} {value:>14s} {target:>12s} {ratio:>8s}")


def _run(command: Sequence[str]) -> tuple[float, float, str]:
    """Seconds, peak resident memory (MB) and standard output of one process."""
    with (
        open(os.devnull, "wb") as sink,
        subprocess.Popen(command, stdout=subprocess.PIPE, stderr=sink) as process,
    ):
        start = time.perf_counter()
        assert process.stdout is not None
        output = process.stdout.read().decode()
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        raise SystemExit(f"{' '.join(command)} exited with {process.returncode}")
    return seconds, usage.ru_maxrss / 1024, output


def _visarules(*args: str) -> list[str]:
    return [sys.executable, "-m", "visarules", *args]


def _data(workdir: Path, rows: int, seed: int) -> tuple[Path, Path, dict[str, Any]]:
    parquet, csv = workdir / f"profiles-{rows}.parquet", workdir / f"profiles-{rows}.csv"
    sidecar = gen.sidecar_path(parquet)
    if sidecar.exists() and csv.exists():
        expected: dict[str, Any] = json.loads(sidecar.read_text())
        if expected["rows"] == rows and expected["seed"] == seed:
            return parquet, csv, expected
    start = time.perf_counter()
    gen.main(["--rows", str(rows), "--out", str(parquet), "--csv", str(csv), "--seed", str(seed)])
    print(f"(generated in {time.perf_counter() - start:.0f} s)\n")
    return parquet, csv, json.loads(sidecar.read_text())


def _screen_process(source: Path, out: Path) -> tuple[float, float, dict[str, Any]]:
    seconds, peak, output = _run(
        _visarules(
            "screen",
            str(source),
            "--out",
            str(out),
            "--as-of",
            AS_OF,
            "--countries",
            "CN",
            "--json",
        )
    )
    return seconds, peak, json.loads(output)


def _facts_of_chunks(parquet: Path, as_of: date) -> list[FactsTable]:
    """The facts of every chunk, built as ``visarules screen`` builds them."""
    resolvers = Resolvers(workers=2)
    found = []
    frame = pl.scan_parquet(parquet)
    total = frame.select(pl.len()).collect().item()
    for first in range(0, total, CHUNK_ROWS):
        chunk = nested_to_flat(frame.slice(first, CHUNK_ROWS).collect())
        batch = from_frame(chunk, first, as_of)
        found.append(build_facts(batch.tables, as_of, resolvers).table)
    return found


def _best(seconds: Callable[[], float], repeat: int = 3) -> float:
    return min(seconds() for _ in range(repeat))


def _timed(work: Callable[[], object]) -> float:
    gc.collect()
    start = time.perf_counter()
    work()
    return time.perf_counter() - start


def _valid_profiles(csv: Path, count: int) -> list[dict[str, Any]]:
    """The first ``count`` rows of the file that check accepts, as profile documents."""
    found: list[dict[str, Any]] = []
    for row in pl.read_csv(csv, infer_schema=False, n_rows=count * 2).iter_rows(named=True):
        profile = gen.profile_from_row(row)
        try:
            api.check(profile, as_of=AS_OF, visas=["CN-K"])
        except InputError:
            continue
        found.append(profile)
        if len(found) == count:
            break
    return found


def _percentile(values_ms: list[float], share: float) -> float:
    ordered = sorted(values_ms)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--big-rows", type=int, default=10_000_000)
    parser.add_argument("--calls", type=int, default=1_000)
    parser.add_argument("--workdir", type=Path, default=Path("/tmp/visarules-bench"))
    parser.add_argument("--seed", type=int, default=gen.SEED)
    args = parser.parse_args()
    args.workdir.mkdir(parents=True, exist_ok=True)
    parquet, csv, expected = _data(args.workdir, args.rows, args.seed)
    rows, bad = expected["rows"], len(expected["bad_rows"])
    ctx = api.context(AS_OF)
    visas = api.select_visas(None, ctx, "CN")
    print(f"{rows:,} profiles ({bad:,} bad on purpose), {len(visas)} Chinese codes, as of {AS_OF}")
    _row("", "figure", "target", "ratio")

    # --- end to end
    e2e: dict[str, tuple[float, float]] = {}
    for source in (parquet, csv):
        kind = source.suffix[1:]
        seconds, peak, report = _screen_process(source, args.workdir / f"out-{kind}.parquet")
        if (report["rows_out"], report["rows_in_errors"]) != (expected["rows_out"], bad):
            raise SystemExit(f"{kind}: rows out/in errors {report} differ from the generator's")
        e2e[kind] = seconds, peak
        _row(f"screen {kind}, seconds", f"{seconds:.1f}", "20", f"{seconds / 20:.2f}")
        _row(f"screen {kind}, peak MB", f"{peak:,.0f}", "2,048", f"{peak / 2048:.2f}")
        _row(f"screen {kind}, profiles/s", f"{rows / seconds:,.0f}")
    singles = _valid_profiles(csv, SINGLE_PATH_ROWS)
    loop = _timed(lambda: [api.check(p, as_of=AS_OF, countries="CN") for p in singles])
    per_second = len(singles) / loop
    _row("peer: api.check in a loop, profiles/s", f"{per_second:,.0f}")
    _row(
        "  screen (parquet) / one-person loop, speed ratio",
        f"{rows / e2e['parquet'][0] / per_second:,.0f}x",
    )

    # --- streamed
    if args.big_rows:
        big = args.workdir / f"profiles-{args.big_rows}.parquet"
        if not big.exists():
            copies = -(-args.big_rows // rows)
            pl.scan_parquet([parquet] * copies).head(args.big_rows).sink_parquet(big)
        seconds, peak, report = _screen_process(big, args.workdir / "out-big.parquet")
        (args.workdir / "out-big.parquet").unlink()
        _row(f"screen {args.big_rows:,} rows (parquet), seconds", f"{seconds:.1f}")
        _row(
            f"screen {args.big_rows:,} rows, peak MB", f"{peak:,.0f}", "4,096", f"{peak / 4096:.2f}"
        )
        _row(f"screen {args.big_rows:,} rows, profiles/s", f"{report['rows_in'] / seconds:,.0f}")
        _row("  peak memory, big / 1M run", f"{peak / e2e['parquet'][1]:.2f}")

    # --- evaluation alone
    facts = _facts_of_chunks(parquet, ctx.as_of)
    evaluated = sum(f.persons.height for f in facts)

    def statuses() -> None:
        for table in facts:
            ev = values(visas, table, ctx, beside=False)
            ev.persons.select(status_code(v.code) for v in visas)

    def everything() -> None:
        for table in facts:
            screen(visas, table, ctx)

    for label, work in (("statuses", statuses), ("statuses, failures, missing", everything)):
        seconds = _best(lambda work=work: _timed(work))  # type: ignore[misc]
        rate = evaluated / seconds
        _row(
            f"evaluate {len(visas)} codes ({label}), profiles/s",
            f"{rate:,.0f}",
            "1,000,000",
            f"{rate / 1e6:.2f}",
        )
    # The US codes on the same facts (issue 9: they screen through the same builder and
    # engine); per code, beside the Chinese ones.
    us_visas = api.select_visas(None, ctx, "US")
    per_code = {}
    for label, chosen in (("CN", visas), ("US", us_visas)):

        def us_statuses(chosen: tuple[Any, ...] = chosen) -> None:
            for table in facts:
                ev = values(chosen, table, ctx, beside=False)
                ev.persons.select(status_code(v.code) for v in chosen)

        seconds = _best(lambda work=us_statuses: _timed(work))  # type: ignore[misc]
        per_code[label] = evaluated * len(chosen) / seconds
        _row(
            f"evaluate the {len(chosen)} {label} codes (statuses), profiles/s",
            f"{evaluated / seconds:,.0f}",
        )
    _row("  profile-codes/s, US / CN", f"{per_code['US'] / per_code['CN']:.2f}")
    facts.clear()  # before the one-person runs: their timings should not pay for this memory

    # --- one person
    people = _valid_profiles(csv, args.calls)
    api.check(people[0], as_of=AS_OF, countries="CN")
    times = []
    for profile in people:
        start = time.perf_counter()
        api.check(profile, as_of=AS_OF, countries="CN")
        times.append((time.perf_counter() - start) * 1000)
    p99 = _percentile(times, 0.99)
    _row(f"api.check, {len(people):,} people, p50 ms", f"{statistics.median(times):.1f}")
    _row("api.check, p99 ms", f"{p99:.1f}", "10", f"{p99 / 10:.2f}")
    _row("api.check, max ms", f"{max(times):.1f}")
    flat = pl.read_csv(csv, infer_schema=False, n_rows=args.calls * 2)
    columnar = _timed(lambda: api.screen(flat, as_of=AS_OF))
    _row(
        f"peer: the same file's first {flat.height:,} rows in one screen, ms per profile",
        f"{columnar * 1000 / flat.height:.2f}",
    )

    # --- start-up
    profile = args.workdir / "profile.json"
    profile.write_text(json.dumps(people[0]))
    for label, command in (
        ("visarules check PROFILE, process seconds", _visarules("check", str(profile))),
        ("peer: python -c pass", [sys.executable, "-c", "pass"]),
        (
            "peer: python importing polars, pydantic, typer, rich",
            [sys.executable, "-c", "import polars, pydantic, typer, rich.console"],
        ),
    ):
        median = statistics.median(_run(command)[0] for _ in range(STARTS))
        target = "0.5" if label.startswith("visarules") else ""
        _row(label, f"{median:.2f}", target, f"{median / 0.5:.2f}" if target else "")


if __name__ == "__main__":
    main()
