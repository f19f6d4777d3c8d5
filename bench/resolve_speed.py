"""Resolution speed: 1,000,000 education records drawn with repetition from 50,000 distinct
institution strings, against the shipped registry and an imported ROR index, beside a naive
baseline (rapidfuzz ``process.extractOne`` over every name) measured in the same run.

    python bench/resolve_speed.py [--ror ../shared/data/ror/ror-v2-sample.zip] [--pad 110000]

``--ror`` imports that ROR dump (schema v2). The full dump (~110,000 organisations) is not on
this machine, so ``--pad N`` also builds an index of N organisations: the ROR records plus
synthetic siblings of them ("<name> Campus 42"), which is harder than real data (many
near-duplicate names). Each index is measured in a fresh process so that peak memory is
that index's. Targets (2-core machine): >= 100,000 records/s overall, >= 5,000 distinct
strings/s against the full ROR index, peak memory <= 1.5 GB.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import string
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

from rapidfuzz import fuzz, process

from visarules.resolve.institutions import InstitutionRegistry, default_registry, registry
from visarules.resolve.normalize import normalize
from visarules.resolve.ror import import_dump

RECORDS = 1_000_000
DISTINCT = 50_000
BASELINE_SAMPLE = 200
WORKERS = 2
SEED = 20251001


def typo(text: str, rng: random.Random) -> str:
    if len(text) < 6:
        return text
    i = rng.randrange(1, len(text) - 1)
    kind = rng.random()
    if kind < 0.34:
        return text[:i] + text[i + 1 :]
    if kind < 0.67:
        return text[:i] + rng.choice(string.ascii_lowercase) + text[i + 1 :]
    return text[: i - 1] + text[i] + text[i - 1] + text[i + 1 :]


def distinct_strings(registry: InstitutionRegistry, rng: random.Random) -> list[str]:
    """Names as people type them: exact, recased, punctuated, typo'd; plus 10% that match nothing."""
    names = [name for inst in registry.institutions for name in inst.names() if len(name) < 120]
    out: set[str] = set()
    while len(out) < DISTINCT * 0.9:
        name = rng.choice(names)
        roll = rng.random()
        if roll < 0.35:
            out.add(name)
        elif roll < 0.55:
            out.add(name.upper() if rng.random() < 0.5 else name.lower())
        elif roll < 0.70:
            out.add(name.replace(" of ", ", ").replace("University", "Univ."))
        else:
            out.add(typo(name, rng))
    words = ["Westbridge", "Lakeside", "Northfield", "Acme", "Global", "Zenith", "Institute",
             "College", "Academy", "Holdings", "Software", "Heights"]  # fmt: skip
    while len(out) < DISTINCT:
        picked = " ".join(rng.choice(words) for _ in range(rng.randint(2, 4)))
        out.add(f"{picked} {rng.randint(1, 999)}")
    strings = sorted(out)
    rng.shuffle(strings)
    return strings


def peak_memory_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def measure(label: str, registry: InstitutionRegistry) -> None:
    rng = random.Random(SEED)
    strings = distinct_strings(registry, rng)
    # Zipf-like repetition: a few strings are very common, most are rare.
    weights = [1 / (rank + 1) ** 0.8 for rank in range(len(strings))]
    records = rng.choices(strings, weights=weights, k=RECORDS)
    registry.names.prepare()

    registry._cache.clear()
    start = time.perf_counter()
    for text in strings:
        registry.resolve(text)
    distinct_rate = DISTINCT / (time.perf_counter() - start)
    matched = sum(1 for text in strings if registry.resolve(text).match) / DISTINCT
    registry._cache.clear()
    start = time.perf_counter()
    registry.resolve_many(strings, workers=WORKERS)
    distinct_parallel = DISTINCT / (time.perf_counter() - start)

    overall = {}
    for workers in (1, WORKERS):
        registry._cache.clear()
        start = time.perf_counter()
        registry.resolve_many(records, workers=workers)
        overall[workers] = RECORDS / (time.perf_counter() - start)

    names = list(dict.fromkeys(registry.names.keys))
    start = time.perf_counter()
    for text in strings[:BASELINE_SAMPLE]:
        process.extractOne(normalize(text), names, scorer=fuzz.WRatio, processor=None)
    baseline_rate = BASELINE_SAMPLE / (time.perf_counter() - start)
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024

    figures = [
        ("organisations", len(registry.institutions)),
        ("names indexed", len(registry.names)),
        ("distinct strings/s, cold, 1 process", distinct_rate),
        (f"distinct strings/s, cold, {WORKERS} processes", distinct_parallel),
        ("naive baseline distinct strings/s (extractOne)", baseline_rate),
        ("speed-up over the baseline", distinct_rate / baseline_rate),
        ("share of distinct strings matched", matched),
        ("records/s overall, 1M records, 1 process", overall[1]),
        (f"records/s overall, 1M records, {WORKERS} processes", overall[WORKERS]),
        ("peak memory MB, main process", peak_memory_mb()),
        ("peak memory MB, largest worker (shares the index)", children),
    ]
    print(f"\n## {label}")
    for key, value in figures:
        shown = f"{value:,.0f}" if value >= 100 else f"{value:,.2f}"
        print(f"{key:52s} {shown:>12s}")


def padded_dump(source: Path, size: int, folder: Path) -> Path:
    """A schema-v2 dump of ``size`` records: the real ones, then synthetic siblings of them."""
    rng = random.Random(SEED)
    with zipfile.ZipFile(source) as archive:
        member = next(n for n in archive.namelist() if n.endswith(".json"))
        records = json.loads(archive.read(member))
    path = folder / "padded-ror-data_schema_v2.json"
    with path.open("w", encoding="utf-8") as out:
        out.write("[")
        for n in range(size):
            record = records[n] if n < len(records) else _sibling(rng.choice(records), n, rng)
            out.write(("," if n else "") + json.dumps(record))
        out.write("]")
    return path


def _sibling(base: dict, number: int, rng: random.Random) -> dict:  # type: ignore[type-arg]
    clone = json.loads(json.dumps(base))
    clone["id"] = f"https://ror.org/9{number:08d}"
    suffix = rng.choice(["Campus", "Branch", "Centre", "Laboratory", "School", "Annex"])
    for entry in clone["names"]:
        if "acronym" not in entry["types"]:
            entry["value"] = f"{entry['value']} {suffix} {rng.randint(1, 99)}"
    return clone


def in_fresh_process(label: str, folder: str) -> None:
    subprocess.run([sys.executable, __file__, "--measure", folder, "--label", label], check=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--ror", default="../shared/data/ror/ror-v2-sample.zip")
    parser.add_argument("--pad", type=int, default=110_000)
    parser.add_argument("--measure", help=argparse.SUPPRESS)
    parser.add_argument("--label", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure:
        measure(args.label, registry(args.measure))
        return
    print(
        f"python {sys.version.split()[0]}; {RECORDS:,} records from {DISTINCT:,} distinct strings"
    )
    measure("shipped registry", default_registry())
    ror = Path(args.ror)
    if not ror.is_file():
        print(f"\n(no ROR dump at {ror}: pass --ror PATH to measure an imported index)")
        return
    with tempfile.TemporaryDirectory() as tmp:
        start = time.perf_counter()
        import_dump(str(ror), f"{tmp}/ror")
        print(f"\nimport of {ror.name}: {time.perf_counter() - start:.1f} s")
        in_fresh_process(f"imported ROR index ({ror.name})", f"{tmp}/ror")
        if args.pad:
            dump = padded_dump(ror, args.pad, Path(tmp))
            start = time.perf_counter()
            import_dump(str(dump), f"{tmp}/padded")
            print(f"\nimport of the padded dump: {time.perf_counter() - start:.1f} s")
            in_fresh_process(
                f"ROR-size index: {args.pad:,} organisations (real + synthetic)", f"{tmp}/padded"
            )


if __name__ == "__main__":
    main()
