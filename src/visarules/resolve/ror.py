"""Import a ROR data dump (ror.org, CC0; JSON, schema v2, zipped or not) into a local index.

    visarules registry import v2.x-ror-data.zip [--out DIR] [--force]

The dump is read as a stream, one record at a time, so the ~120,000 records of a full
dump never sit in memory as one JSON document. The index is three files in DIR:
``institutions.parquet`` (one row per organisation), ``keys.parquet`` (the normalised
names and acronyms it is found under) and ``meta.json`` (with the places the organisations
are in: a place name alone is never read as an institution). Tiers are not stored: they are
applied from the editorial ``data/tiers.yaml`` when the index is loaded, so an update of
the tiers needs no re-import.

The import never destroys: the index is written beside DIR and swapped in only when whole;
DIR may be new, empty, or an index this command wrote; anything else needs ``--force``. A
damaged dump or a damaged index is an input error, never a traceback.
"""

from __future__ import annotations

import io
import json
import os
import shutil
import tempfile
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from functools import cache
from pathlib import Path
from typing import IO, Any

import polars as pl

from visarules.errors import InputError
from visarules.resolve.institutions import (
    Institution,
    InstitutionRegistry,
    editorial_aliases,
    is_acronym,
    load_tiers,
    name_keys,
)
from visarules.resolve.normalize import compact

SKIPPED_STATUSES = ("withdrawn",)
CHUNK = 1 << 20
INDEX_FILES = frozenset({"meta.json", "institutions.parquet", "keys.parquet"})
WRITTEN_BY = "visarules registry import"
# What a damaged zip or compressed stream raises while it is read.
DAMAGED = (zipfile.BadZipFile, zlib.error, EOFError, UnicodeDecodeError)


def default_location() -> Path:
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "visarules" / "ror"


def iter_json_array(stream: IO[str]) -> Iterator[Any]:
    """The elements of a top-level JSON array, decoded one by one."""
    decoder = json.JSONDecoder()
    buffer = ""
    position = 0
    started = False
    eof = False
    while True:
        while position < len(buffer) and buffer[position] in " \t\r\n,":
            position += 1
        if not started:
            if position < len(buffer):
                if buffer[position] != "[":
                    raise ValueError("expected a JSON array of ROR records")
                started, position = True, position + 1
                continue
        elif position < len(buffer) and buffer[position] == "]":
            return
        if position < len(buffer):
            try:
                item, end = decoder.raw_decode(buffer, position)
            except json.JSONDecodeError:
                if eof:
                    raise
            else:
                yield item
                position = end
                continue
        if eof:
            if started:
                raise ValueError("the JSON array is not closed")
            raise ValueError("empty file")
        chunk = stream.read(CHUNK)
        eof = not chunk
        buffer = buffer[position:] + chunk
        position = 0


def _open_dump(path: Path) -> tuple[IO[str], str]:
    """A text stream over the dump's JSON, and the name of the file it came from."""
    if zipfile.is_zipfile(path):
        archive = zipfile.ZipFile(path)
        members = [n for n in archive.namelist() if n.endswith(".json")]
        # Dumps ship a v1 and a v2 file side by side; the v2 one names its schema.
        members.sort(key=lambda n: ("schema_v2" not in n, n))
        if not members:
            raise InputError(str(path), "the zip holds no .json file")
        return io.TextIOWrapper(archive.open(members[0]), encoding="utf-8"), members[0]
    return path.open(encoding="utf-8"), path.name


def record_to_institution(record: dict[str, Any]) -> Institution:
    """One ROR schema-v2 record."""
    if "names" not in record:
        raise ValueError("not a ROR schema v2 record (no 'names'): use the v2 file of the dump")
    display = ""
    aliases: list[str] = []
    acronyms: list[str] = []
    labels: dict[str, list[str]] = {}
    for entry in record["names"]:
        types, value = entry.get("types", []), entry["value"]
        if "ror_display" in types:
            display = value
        if "acronym" in types:
            acronyms.append(value)
        elif "label" in types and "ror_display" not in types:
            labels.setdefault(entry.get("lang") or "und", []).append(value)
        elif "alias" in types:
            aliases.append(value)
    country = _geonames(record).get("country_code") or ""
    relationships = record.get("relationships", [])
    parents = tuple(r["id"] for r in relationships if r.get("type") == "parent")
    related = tuple(r["id"] for r in relationships if r.get("type") == "related")
    return Institution(
        id=record["id"],
        name=display or (aliases[0] if aliases else record["id"]),
        country=country,
        types=tuple(record.get("types", [])),
        aliases=tuple(aliases),
        acronyms=tuple(acronyms),
        labels={lang: tuple(v) for lang, v in labels.items()},
        status=record.get("status", "active"),
        parents=parents,
        related=related,
    )


def _geonames(record: dict[str, Any]) -> dict[str, Any]:
    locations = record.get("locations") or [{}]
    return locations[0].get("geonames_details") or {}


def _record_places(record: dict[str, Any]) -> list[str]:
    """The city, region and country a ROR record is in."""
    geo = _geonames(record)
    names = (geo.get(k) for k in ("name", "country_subdivision_name", "country_name"))
    return [name for name in names if name]


def is_index(folder: Path) -> bool:
    """A folder holding an index this command wrote, and nothing else."""
    names = {child.name for child in folder.iterdir()}
    if names != INDEX_FILES:
        return False
    try:
        meta = json.loads((folder / "meta.json").read_text("utf-8"))
    except (OSError, ValueError):
        return False
    return isinstance(meta, dict) and meta.get("name") == "ror"


def _check_target(target: Path, force: bool) -> None:
    """Refuse a target whose replacement would lose something the user did not ask to lose."""
    here = Path.cwd().resolve()
    resolved = target.resolve()
    if resolved == here or resolved in here.parents:
        raise InputError(str(target), "is the current folder or holds it; choose a new folder")
    if not target.exists():
        return
    if not target.is_dir():
        raise InputError(str(target), "is a file; --out takes a folder")
    if is_index(target) or not any(target.iterdir()) or force:
        return
    raise InputError(
        str(target),
        "exists and is not an index written by `visarules registry import`; choose a new or "
        "empty folder, or add --force to replace it",
    )


def import_dump(source: str, out: str | None = None, force: bool = False) -> dict[str, Any]:
    """Read a ROR dump and write the index; return its description."""
    path = Path(source)
    if path.is_dir():
        raise InputError(source, "is a directory, not a ROR dump")
    if not path.is_file():
        raise InputError(source, "no such file")
    target = Path(out) if out else default_location()
    _check_target(target, force)
    extra = editorial_aliases()
    rows: list[dict[str, Any]] = []
    keys: list[tuple[str, int, str]] = []
    places: set[str] = set()
    skipped = 0
    try:
        stream, member = _open_dump(path)
    except DAMAGED as err:
        raise InputError(source, f"damaged file: {err}") from None
    with stream:
        try:
            for number, record in enumerate(iter_json_array(stream)):
                try:
                    inst = record_to_institution(record)
                    record_places = _record_places(record)
                except (KeyError, TypeError, ValueError, AttributeError, IndexError) as err:
                    problem = f"not a ROR schema v2 record ({type(err).__name__}: {err})"
                    raise InputError(f"{source}: record {number}", problem) from None
                if inst.status in SKIPPED_STATUSES:
                    skipped += 1
                    continue
                if inst.id in extra:
                    # acronym-shaped editorial names ("UCL") are scoped by country like ROR's
                    names = extra[inst.id]
                    inst = replace(
                        inst,
                        aliases=inst.aliases + tuple(n for n in names if not is_acronym(n)),
                        acronyms=inst.acronyms + tuple(n for n in names if is_acronym(n)),
                    )
                index = len(rows)
                rows.append(_row(inst))
                places.update(record_places)
                keys += [(k, index, "name") for k in dict.fromkeys(name_keys(inst)) if k]
                keys += [(compact(a), index, "acronym") for a in inst.acronyms if compact(a)]
        except DAMAGED as err:
            raise InputError(source, f"damaged file: {err}") from None
        except ValueError as err:
            raise InputError(source, f"not a ROR JSON dump: {err}") from None
    if not rows:
        raise InputError(source, "no ROR records found")
    meta = {
        "name": "ror",
        "written_by": WRITTEN_BY,
        "version": member.removesuffix(".json"),
        "source": f"ROR data dump {member} (ror.org, CC0), imported {date.today().isoformat()}",
        "records": len(rows),
        "skipped_withdrawn": skipped,
    }
    _write(target, rows, keys, {**meta, "places": sorted(places)})
    load_imported.cache_clear()
    return {**meta, "location": str(target)}


def _row(inst: Institution) -> dict[str, Any]:
    return {
        "id": inst.id,
        "name": inst.name,
        "country": inst.country,
        "types": list(inst.types),
        "status": inst.status,
        "parents": list(inst.parents),
        "related": list(inst.related),
        "aliases": list(inst.aliases),
        "acronyms": list(inst.acronyms),
        "labels": json.dumps(inst.labels, ensure_ascii=False),
    }


def _write(
    target: Path, rows: list[dict[str, Any]], keys: list[tuple[str, int, str]], meta: dict[str, Any]
) -> None:
    """Write into a temporary folder beside the target, then swap it in: never half an index,
    and nothing left behind when anything fails."""
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.import-", dir=target.parent))
    try:
        pl.DataFrame(rows).write_parquet(staging / "institutions.parquet")
        pl.DataFrame(keys, schema=["key", "index", "kind"], orient="row").write_parquet(
            staging / "keys.parquet"
        )
        (staging / "meta.json").write_text(json.dumps(meta, indent=2), encoding="utf-8")
        _swap_in(staging, target)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise


def _swap_in(staging: Path, target: Path) -> None:
    if not target.exists():
        staging.rename(target)
        return
    old = Path(tempfile.mkdtemp(prefix=f".{target.name}.old-", dir=target.parent))
    old.rmdir()  # a free name beside the target
    target.rename(old)
    try:
        staging.rename(target)
    except BaseException:
        old.rename(target)  # put the previous index back
        raise
    shutil.rmtree(old, ignore_errors=True)


@cache
def load_imported(location: str | Path) -> InstitutionRegistry:
    folder = Path(location)
    if not (folder / "meta.json").is_file():
        raise InputError(
            str(location), "not a visarules registry (run `visarules registry import`)"
        )
    try:
        return _load(folder)
    except (
        OSError,
        ValueError,
        KeyError,
        TypeError,
        AttributeError,
        pl.exceptions.PolarsError,
    ) as err:
        raise InputError(
            str(location),
            f"damaged registry ({type(err).__name__}); run `visarules registry import` again",
        ) from None


def _load(folder: Path) -> InstitutionRegistry:
    meta = json.loads((folder / "meta.json").read_text("utf-8"))
    frame = pl.read_parquet(folder / "institutions.parquet")
    institutions = [
        Institution(
            id=row["id"],
            name=row["name"],
            country=row["country"],
            types=tuple(row["types"]),
            aliases=tuple(row["aliases"]),
            acronyms=tuple(row["acronyms"]),
            labels={k: tuple(v) for k, v in json.loads(row["labels"]).items()},
            status=row["status"],
            parents=tuple(row["parents"]),
            related=tuple(row.get("related") or ()),  # absent from indexes imported before it
        )
        for row in frame.iter_rows(named=True)
    ]
    keys = pl.read_parquet(folder / "keys.parquet")
    names = keys.filter(pl.col("kind") == "name")
    acronyms = keys.filter(pl.col("kind") == "acronym")
    return InstitutionRegistry(
        institutions,
        load_tiers(),
        name=meta["name"],
        version=meta["version"],
        source=meta["source"],
        keys=zip(names["key"].to_list(), names["index"].to_list(), strict=True),
        acronym_keys=zip(acronyms["key"].to_list(), acronyms["index"].to_list(), strict=True),
        places=meta.get("places", ()),
    )
