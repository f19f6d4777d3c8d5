"""``visarules serve`` under load: ``POST /v1/check`` from 32 concurrent clients for 30 s on
loopback, beside ``GET /healthz`` (the web stack's own floor) in the same run.

    python bench/http.py [--clients 32] [--seconds 30] [--workers 2] [--profiles 500]

The server is a real ``visarules serve`` process (uvicorn, ``--workers`` processes); the
clients are asyncio tasks sharing one httpx connection pool, each sending the next of
``--profiles`` varied profiles (bench/gen_profiles.py's valid rows, as JSON) and checking the
status. Printed: requests/s, p50/p99/max latency, errors, and the server's peak memory (the
largest resident set among its processes). The Python client shares the 2 cores with the
server and is slow itself (see its /healthz figure), so where ApacheBench (`ab`) is installed
the same server is also measured with it, at the same concurrency. Targets (issue 10, 2-core machine): p99 <= 50 ms,
>= 400 requests/s, zero errors.
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
# This file is named http.py: its folder goes after the standard library, whose http package it
# would otherwise shadow (the other bench modules are still found there).
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != HERE] + [str(HERE)]

import argparse  # noqa: E402
import asyncio  # noqa: E402
import json  # noqa: E402
import re  # noqa: E402
import shutil  # noqa: E402
import statistics  # noqa: E402
import subprocess  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402
from datetime import date  # noqa: E402
from typing import Any  # noqa: E402

import httpx  # noqa: E402
import polars as pl  # noqa: E402

import gen_profiles as gen  # noqa: E402
from visarules.batch import from_frame  # noqa: E402
from visarules.engine.evaluate import ROW  # noqa: E402
from visarules.web.pages import unflatten  # noqa: E402
from visarules.web.process import served  # noqa: E402

AS_OF = "2025-11-01"


def _profiles(count: int) -> list[dict[str, Any]]:
    """Valid, varied profiles as the API takes them (JSON): bench/gen_profiles.py's rows that
    pass validation, turned from the batch layout into nested profiles."""
    frame = gen.generate(count * 2, seed=11).frame
    batch = from_frame(frame, 0, date.fromisoformat(AS_OF))
    valid = set(batch.ids[ROW].to_list())
    texts = frame.select(pl.all().cast(pl.String)).iter_rows(named=True)
    rows = [row for i, row in enumerate(texts) if i in valid][:count]
    return [_nest(row) for row in rows]


def _nest(row: dict[str, Any]) -> dict[str, Any]:
    cells = {
        k: v for k, v in row.items() if v is not None and k != "id" and not k.endswith(".count")
    }
    return unflatten(cells)


def _peak_kib(pid: int) -> int:
    """The largest VmHWM among the server process and its children."""
    pids = [pid]
    children = Path(f"/proc/{pid}/task/{pid}/children")
    if children.exists():
        pids += [int(p) for p in children.read_text().split()]
    peak = 0
    for p in pids:
        try:
            for line in Path(f"/proc/{p}/status").read_text().splitlines():
                if line.startswith("VmHWM:"):
                    peak = max(peak, int(line.split()[1]))
        except FileNotFoundError:
            pass
    return peak


async def _load(
    base: str, route: str, bodies: list[Any] | None, clients: int, seconds: float
) -> dict[str, Any]:
    latencies: list[float] = []
    errors = 0
    stop = time.perf_counter() + seconds
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    async with httpx.AsyncClient(base_url=base, limits=limits, timeout=30) as client:

        async def worker(index: int) -> None:
            nonlocal errors
            n = index
            while time.perf_counter() < stop:
                start = time.perf_counter()
                try:
                    if bodies is None:
                        response = await client.get(route)
                    else:
                        response = await client.post(route, json=bodies[n % len(bodies)])
                    ok = response.status_code == 200
                except httpx.HTTPError:
                    ok = False
                latencies.append((time.perf_counter() - start) * 1000)
                errors += not ok
                n += clients

        began = time.perf_counter()
        await asyncio.gather(*(worker(i) for i in range(clients)))
        elapsed = time.perf_counter() - began
    latencies.sort()
    return {
        "requests": len(latencies),
        "rps": len(latencies) / elapsed,
        "p50": statistics.median(latencies),
        "p99": latencies[int(0.99 * (len(latencies) - 1))],
        "max": latencies[-1],
        "errors": errors,
    }


def _ab(url: str, body: Any, clients: int) -> tuple[float, float, float]:
    """ApacheBench (``apt install apache2-utils``) at the same concurrency: requests/s, p50, p99."""
    with tempfile.NamedTemporaryFile("w", suffix=".json") as handle:
        command = ["ab", "-q", "-c", str(clients), "-t", "15", "-n", "1000000"]
        if body is not None:
            handle.write(json.dumps(body))
            handle.flush()
            command += ["-p", handle.name, "-T", "application/json"]
        text = subprocess.run([*command, url], capture_output=True, text=True, check=True).stdout
    rps = float(re.search(r"Requests per second:\s+([\d.]+)", text).group(1))  # type: ignore[union-attr]
    p50 = float(re.search(r"\n\s+50%\s+(\d+)", text).group(1))  # type: ignore[union-attr]
    p99 = float(re.search(r"\n\s+99%\s+(\d+)", text).group(1))  # type: ignore[union-attr]
    return rps, p50, p99


def _row(label: str, figure: str, target: str = "", ratio: str = "") -> None:
    print(f"{label:<58}{figure:>14}{target:>12}{ratio:>9}")


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--clients", type=int, default=32)
    parser.add_argument("--seconds", type=float, default=30)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--profiles", type=int, default=500)
    args = parser.parse_args()
    bodies = _profiles(args.profiles)
    with served(args.workers) as (base, pid):
        httpx.post(f"{base}/v1/check?as_of={AS_OF}", json=bodies[0], timeout=60)  # warm each path
        print(
            f"{args.clients} clients, {args.seconds:.0f} s each, {args.workers} server workers, "
            f"{len(bodies)} profiles, every code, as of {AS_OF}"
        )
        _row("", "figure", "target", "ratio")
        floor = asyncio.run(_load(base, "/healthz", None, args.clients, min(args.seconds, 10)))
        _row("peer: GET /healthz, requests/s", f"{floor['rps']:,.0f}")
        _row("peer: GET /healthz, p99 ms", f"{floor['p99']:.1f}")
        route = f"/v1/check?as_of={AS_OF}"
        got = asyncio.run(_load(base, route, bodies, args.clients, args.seconds))
        _row("POST /v1/check, requests", f"{got['requests']:,}")
        _row("POST /v1/check, requests/s", f"{got['rps']:,.1f}", "400", f"{got['rps'] / 400:.2f}")
        _row("POST /v1/check, p50 ms", f"{got['p50']:.1f}")
        _row("POST /v1/check, p99 ms", f"{got['p99']:.1f}", "50", f"{got['p99'] / 50:.2f}")
        _row("POST /v1/check, max ms", f"{got['max']:.1f}")
        _row("POST /v1/check, errors", f"{got['errors']:,}", "0")
        _row("  check / healthz, requests/s", f"{got['rps'] / floor['rps']:.3f}")
        _row("server peak memory, MB", f"{_peak_kib(pid) / 1024:,.0f}")
        if shutil.which("ab"):  # the same server under a C client: what Python's client hides
            for label, path, body in (
                ("GET /healthz", "/healthz", None),
                ("POST /v1/check (one profile)", route, bodies[0]),
            ):
                rps, p50, p99 = _ab(base + path, body, args.clients)
                _row(f"ab, {label}, requests/s", f"{rps:,.1f}")
                _row(f"ab, {label}, p50 / p99 ms", f"{p50:.0f} / {p99:.0f}")


if __name__ == "__main__":
    main()
