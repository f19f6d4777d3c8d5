"""Screen a file of profiles: every row against every visa, in bounded chunks, columnar from
the file to the answer.

    visarules screen profiles.parquet --out results.parquet [--summary report.html]

Each chunk is read, validated (bad rows go to ``OUTPUT.errors.csv`` with their row number, field
and message), turned into facts (distinct strings resolved once, the resolutions kept across
chunks) and evaluated; only the statuses, failing criteria and missing facts are written. The
output is written to a temporary file beside the target and renamed when whole: an interrupted
run leaves nothing, and the same input and options give the same bytes. Rows in = rows out +
rows in errors, which the report checks.
"""

from __future__ import annotations

import multiprocessing as mp
import os
import tempfile
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Executor, Future, ProcessPoolExecutor, ThreadPoolExecutor
from contextlib import ExitStack
from dataclasses import dataclass, field, replace
from datetime import date
from functools import cache
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

import polars as pl

from visarules.batch import ERROR_SCHEMA, ID, classify, from_frame, nested_to_flat
from visarules.build import Resolvers, build_facts, resolution_texts
from visarules.engine.context import Context
from visarules.engine.evaluate import (
    ROW,
    facts_read,
    failed_column,
    missing_column,
    screen,
    status_code,
    status_column,
    status_text,
    values,
)
from visarules.engine.visa import Visa
from visarules.errors import InputError
from visarules.resolve.institutions import registry, tier_bits

if TYPE_CHECKING:  # pyarrow loads only when a Parquet file is written
    import pyarrow.parquet as pq

CHUNK_ROWS = 100_000
THREADS = 2  # chunks screened side by side in one process
RESOLUTIONS = "resolutions"  # with --resolutions: what each string was read as, and how sure
# A cell a spreadsheet would run as a formula starts with one of these: it gets a quote.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


@dataclass
class Report:
    rows_in: int = 0
    rows_out: int = 0
    rows_in_errors: int = 0
    unknown_columns: list[str] = field(default_factory=list)
    counts: pl.DataFrame | None = None  # visa, status, rows
    by_citizenship: pl.DataFrame | None = None  # citizenship, visa, eligible, rows
    by_tier: pl.DataFrame | None = None  # tier, visa, eligible, rows
    changes: dict[str, dict[str, int]] = field(default_factory=dict)  # alternative → visa → rows

    def add(self, part: Part) -> None:
        self.rows_in += part.rows_in
        self.rows_out += part.rows.height
        self.rows_in_errors += part.errors.height
        self.counts = _add(self.counts, part.counts, ["visa", "status"])
        self.by_citizenship = _add(
            self.by_citizenship, part.by_citizenship, ["citizenship", "visa"]
        )
        self.by_tier = _add(self.by_tier, part.by_tier, ["tier", "visa"])
        for name, per in part.changes.items():
            tally = self.changes.setdefault(name, dict.fromkeys(per, 0))
            for code, count in per.items():
                tally[code] += count

    def to_dict(self) -> dict[str, Any]:
        return {
            "rows_in": self.rows_in,
            "rows_out": self.rows_out,
            "rows_in_errors": self.rows_in_errors,
            "unknown_columns": self.unknown_columns,
            "changes": self.changes,
        }


def inputs(source: Path) -> list[Path]:
    """The file, or the Parquet and CSV partitions of a folder in name order."""
    if not source.is_dir():
        return [source]
    found = sorted(p for p in source.iterdir() if p.suffix.lower() in (".parquet", ".pq", ".csv"))
    if not found:
        raise InputError(str(source), "holds no .parquet or .csv partition")
    return found


def _chunks(path: Path, rows: int) -> Iterator[pl.DataFrame]:
    """The file, ``rows`` at a time. Parquet is read slice by slice (only the row groups each
    slice needs): polars' batch reader runs ahead of a slow consumer and would hold the whole
    file. Its CSV reader stays within a few buffers."""
    suffix = path.suffix.lower()
    try:
        if suffix == ".csv":
            frame = pl.scan_csv(path, infer_schema=False, missing_columns="insert")
            yield from frame.collect_batches(chunk_size=rows)
        elif suffix in (".parquet", ".pq"):
            frame = pl.scan_parquet(path)
            for first in range(0, _parquet_rows(path), rows):
                yield frame.slice(first, rows).collect()
        else:
            raise InputError(str(path), "expected a .csv or .parquet file")
    except (pl.exceptions.PolarsError, OSError) as err:
        raise InputError(str(path), f"cannot be read: {str(err).splitlines()[0]}") from None


def _escape_formulas(frame: pl.DataFrame) -> pl.DataFrame:
    """Quote cells a spreadsheet would run as formulas (CSV output only)."""
    return frame.with_columns(
        pl.when(pl.any_horizontal(pl.col(name).str.starts_with(s) for s in FORMULA_START))
        .then(pl.lit("'") + pl.col(name))
        .otherwise(pl.col(name))
        .alias(name)
        for name, dtype in frame.schema.items()
        if dtype == pl.String
    )


class _Writer:
    """Writes chunks to a temporary file beside the target; ``commit`` renames it into place."""

    def __init__(self, target: Path, stack: ExitStack) -> None:
        self.target = target
        self.kind = "csv" if target.suffix.lower() == ".csv" else "parquet"
        handle, name = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent)
        os.close(handle)
        self.temporary = Path(name)
        stack.callback(self._discard)
        self._file: IO[bytes] | None = None
        self._parquet: pq.ParquetWriter | None = None
        self._stack = stack
        self.written = False

    def write(self, frame: pl.DataFrame) -> None:
        if self.kind == "csv":
            if self._file is None:
                self._file = self._stack.enter_context(self.temporary.open("wb"))
            _escape_formulas(frame).write_csv(self._file, include_header=not self.written)
        else:
            table = frame.to_arrow()
            if self._parquet is None:
                import pyarrow.parquet as pq

                self._parquet = pq.ParquetWriter(self.temporary, table.schema, compression="lz4")
            self._parquet.write_table(table)
        self.written = True

    def commit(self, empty: pl.DataFrame) -> None:
        if not self.written:
            self.write(empty)
        if self._file is not None:
            self._file.close()
        if self._parquet is not None:
            self._parquet.close()
        os.replace(self.temporary, self.target)

    def _discard(self) -> None:
        if self._parquet is not None:
            self._parquet.close()
        self.temporary.unlink(missing_ok=True)


def errors_path(out: Path) -> Path:
    return out.with_name(out.name.removesuffix(out.suffix) + ".errors" + out.suffix)


def _output_schema(visas: Sequence[Visa], resolutions: bool) -> dict[str, Any]:
    schema: dict[str, Any] = {"row": pl.Int64, ID: pl.String}
    for visa in visas:
        for kind in ("status", "missing", "failed"):
            schema[f"{visa.code}.{kind}"] = pl.String
    if resolutions:
        schema[RESOLUTIONS] = pl.String
    return schema


def _renamed(result: pl.DataFrame, visas: Sequence[Visa]) -> list[pl.Expr]:
    columns = []
    for visa in visas:
        columns += [
            pl.col(status_column(visa.code)).alias(f"{visa.code}.status"),
            pl.col(missing_column(visa.code)).alias(f"{visa.code}.missing"),
            pl.col(failed_column(visa.code)).alias(f"{visa.code}.failed"),
        ]
    return columns


# --- what the summary counts ----------------------------------------------------------------------


def _tallies(
    result: pl.DataFrame, facts: pl.DataFrame, visas: Sequence[Visa]
) -> tuple[pl.DataFrame, pl.DataFrame, pl.DataFrame]:
    """Counts by visa × status, by first nationality and by the best tier of a degree."""
    counts = pl.concat(
        result.group_by(pl.col(status_column(v.code)).alias("status"))
        .len("rows")
        .select(pl.lit(v.code).alias("visa"), "status", pl.col("rows").cast(pl.Int64))
        for v in visas
    )
    people = result.join(
        facts.select(
            ROW,
            pl.col("citizenship").list.first().fill_null("?").alias("citizenship"),
            _best_tier(pl.col("foreign_degree_tiers")).alias("tier"),
        ),
        on=ROW,
    )
    by: list[pl.DataFrame] = []
    for key in ("citizenship", "tier"):
        wide = people.group_by(key).agg(
            pl.len().alias("rows"),
            *((pl.col(status_column(v.code)) == "eligible").sum().alias(v.code) for v in visas),
        )
        long = wide.unpivot(index=[key, "rows"], variable_name="visa", value_name="eligible")
        by.append(
            long.select(
                key, "visa", pl.col("eligible").cast(pl.Int64), pl.col("rows").cast(pl.Int64)
            )
        )
    return counts, by[0], by[1]


def _best_tier(mask: pl.Expr) -> pl.Expr:
    """The first tier (data/tiers.yaml's order: the tightest first) of a tier mask."""
    chain: Any = pl
    for tier, bit in tier_bits().items():
        chain = chain.when((mask & bit) != 0).then(pl.lit(tier))
    named: pl.Expr = chain.otherwise(pl.lit("(none)"))
    return named


def _add(total: pl.DataFrame | None, part: pl.DataFrame, keys: list[str]) -> pl.DataFrame:
    if total is None:
        return part
    return pl.concat([total, part]).group_by(keys).sum()


def _changes(
    facts: Any,
    ctx: Context,
    visas: Sequence[Visa],
    alternatives: Sequence[tuple[str, str]],
    baseline: pl.DataFrame,
) -> dict[str, dict[str, int]]:
    """How many rows change status when one assumption takes another value."""
    found: dict[str, dict[str, int]] = {}
    for name, value in alternatives:
        other = replace(ctx, assumptions={**ctx.assumptions, name: value})
        ev = values(visas, facts, other, beside=False)
        codes = ev.persons.select(
            ROW, *(status_text(status_code(v.code)).alias(v.code) for v in visas)
        )
        joined = codes.join(baseline, on=ROW)
        changed = joined.select(
            (pl.col(v.code) != pl.col(status_column(v.code))).sum() for v in visas
        )
        found[f"{name}={value}"] = {
            v.code: int(n) for v, n in zip(visas, changed.row(0), strict=True)
        }
    return found


# --- the run ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Job:
    """What screening a chunk needs; small and picklable, so that worker processes can run it."""

    as_of: date
    assumptions: tuple[tuple[str, str], ...]
    codes: tuple[str, ...]
    registry: str | None = None
    alternatives: tuple[tuple[str, str], ...] = ()
    resolutions: bool = False  # a column saying what each string was read as


@dataclass
class Part:
    """One chunk screened: its output rows, its errors and its counts."""

    rows_in: int
    rows: pl.DataFrame
    errors: pl.DataFrame
    counts: pl.DataFrame
    by_citizenship: pl.DataFrame
    by_tier: pl.DataFrame
    changes: dict[str, dict[str, int]]


@cache
def _setup(job: Job) -> tuple[Context, tuple[Visa, ...], Resolvers]:
    from visarules import api  # the API module: the catalogue and assumptions, checked

    ctx = api.context(job.as_of, dict(job.assumptions))
    visas = api.select_visas(job.codes, ctx)
    return ctx, visas, Resolvers(registry(job.registry))


def screen_chunk(job: Job, first: int, chunk: pl.DataFrame) -> Part:
    """Screen one chunk whose first row is row ``first`` (0-based) of the input: the same work
    in this process, a worker process or a Dask worker."""
    ctx, visas, resolvers = _setup(job)
    chunk = nested_to_flat(chunk)
    batch = from_frame(chunk, first, ctx.as_of)
    built = build_facts(batch.tables, ctx.as_of, resolvers, facts_read(visas, beside=False))
    result = screen(visas, built.table, ctx)
    rows = batch.ids.join(result, on=ROW, how="left", maintain_order="left")
    if job.resolutions:
        rows = rows.join(resolution_texts(built), on=ROW, how="left", maintain_order="left")
    counts, by_citizenship, by_tier = _tallies(result, built.table.persons, visas)
    changes = (
        _changes(built.table, ctx, visas, job.alternatives, result) if job.alternatives else {}
    )
    return Part(
        rows_in=chunk.height,
        rows=rows.select(
            (pl.col(ROW) + 1).alias("row"),
            ID,
            *_renamed(rows, visas),
            *([RESOLUTIONS] if job.resolutions else []),
        ),
        errors=batch.errors,
        counts=counts,
        by_citizenship=by_citizenship,
        by_tier=by_tier,
        changes=changes,
    )


def _all_chunks(files: Sequence[Path], rows: int) -> Iterator[pl.DataFrame]:
    for path in files:
        yield from _chunks(path, rows)


def _rows_in(path: Path) -> int:
    if path.suffix.lower() == ".csv":
        return int(pl.scan_csv(path, infer_schema=False).select(pl.len()).collect().item())
    return _parquet_rows(path)


def screen_partition(job: Job, path: str, first: int, chunk_rows: int) -> list[Part]:
    """One partition file, whose first row is row ``first`` of the whole input, in chunks: the
    task a Dask worker runs (it reads the file itself; the client sends only its name)."""
    parts = []
    for chunk in _chunks(Path(path), chunk_rows):
        parts.append(screen_chunk(job, first, chunk))
        first += chunk.height
    return parts


def _dask_parts(job: Job, files: Sequence[Path], scheduler: str, chunk_rows: int) -> Iterator[Part]:
    """Each partition screened on a Dask cluster; the results come back in input order."""
    from distributed import Client

    firsts, first = [], 0
    for path in files:
        firsts.append(first)
        first += _rows_in(path)
    with Client(scheduler) as client:  # type: ignore[no-untyped-call]
        futures = [
            client.submit(screen_partition, job, str(path.resolve()), start, chunk_rows, pure=False)
            for path, start in zip(files, firsts, strict=True)
        ]
        for future in futures:
            yield from future.result()


def _parts(job: Job, chunks: Iterator[pl.DataFrame], processes: int) -> Iterator[Part]:
    """Each chunk screened, in input order: in this process, two chunks at a time on threads
    (polars works without the interpreter lock, so one chunk's Python work overlaps the other's
    columnar work), or in worker processes. Threads take one chunk each, processes at most two
    (one waiting to be sent), so that memory stays bounded."""
    if processes <= 1:
        pool: Executor = ThreadPoolExecutor(max_workers=THREADS)
        in_flight = THREADS + 1  # one ready to start when a thread frees
    else:
        spawn = mp.get_context("spawn")  # polars' threads do not survive a fork
        pool = ProcessPoolExecutor(max_workers=processes, mp_context=spawn)
        in_flight = 2 * processes
    first = 0
    with pool:
        pending: deque[Future[Part]] = deque()
        for chunk in chunks:
            pending.append(pool.submit(screen_chunk, job, first, chunk))
            first += chunk.height
            if len(pending) >= in_flight:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()


def _columns(path: Path) -> list[str]:
    if path.suffix.lower() == ".csv":
        return list(pl.scan_csv(path, infer_schema=False).collect_schema())
    return list(nested_to_flat(pl.read_parquet(path, n_rows=0)).columns)


def screen_file(
    source: str | Path,
    out: str | Path,
    job: Job,
    *,
    chunk_rows: int = CHUNK_ROWS,
    processes: int = 1,
    scheduler: str | None = None,
    progress: Callable[[int], None] | None = None,
) -> Report:
    """Screen every row of ``source`` (a file, or a folder of partitions) into ``out``; bad
    rows into ``errors_path(out)``. With ``scheduler`` (a Dask scheduler's address) the
    partitions are screened on that cluster."""
    source, out = Path(source), Path(out)
    if not source.exists():
        raise InputError(str(source), "no such file or folder")
    files = inputs(source)
    if out.suffix.lower() not in (".csv", ".parquet"):
        raise InputError(str(out), "--out must end in .csv or .parquet")
    if out.resolve() == source.resolve():
        raise InputError(str(out), "is the input file")
    _, visas, _ = _setup(job)
    total = row_count(source)
    if total is not None and total <= chunk_rows:
        processes = 1  # one chunk: not worth starting workers
    report = Report(unknown_columns=classify(_columns(files[0]))[2])
    parts = (
        _dask_parts(job, files, scheduler, chunk_rows)
        if scheduler
        else _parts(job, _all_chunks(files, chunk_rows), processes)
    )
    with ExitStack() as stack:
        results = _Writer(out, stack)
        errors = _Writer(errors_path(out), stack)
        for part in parts:
            results.write(part.rows)
            if part.errors.height:
                errors.write(part.errors)
            report.add(part)
            if progress:
                progress(report.rows_in)
        results.commit(pl.DataFrame(schema=_output_schema(visas, job.resolutions)))
        errors.commit(pl.DataFrame(schema=ERROR_SCHEMA))
    if report.rows_in != report.rows_out + report.rows_in_errors:
        raise AssertionError(f"rows lost: {report.to_dict()}")  # a bug, never input's fault
    return report


def row_count(source: Path) -> int | None:
    """Rows in the input, when cheap to know (Parquet's footers), for a progress bar."""
    files = inputs(source) if source.exists() else []
    if files and all(p.suffix.lower() in (".parquet", ".pq") for p in files):
        return sum(_parquet_rows(p) for p in files)
    return None


def _parquet_rows(path: Path) -> int:
    """From the file's footer, without reading the rows."""
    return int(pl.scan_parquet(path).select(pl.len()).collect().item())
