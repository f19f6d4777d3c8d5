"""Build src/visarules/data/institutions.json from the editorial tiers and aliases plus ROR names.

Maintainer tool, not used at run time. ROR (ror.org, CC0) supplies each institution's
name, aliases, acronyms, labels in other languages, country and types; the tiers and
extra aliases are visarules' own editorial files.

    python tools/build_registry.py ../shared/data/ror

The ROR folder may hold two kinds of file, and both are read:

- ``*.jsonl``: the flat extract (one record a line: id, name, aliases, acronyms,
  labels [{lang, value}], country_code, types, status, last_modified ...);
- ``*.zip``: a ROR data dump in the published schema-v2 format (a zip holding one JSON
  array, as on Zenodo, or ``ror-v2-sample.zip``). Its records are mapped onto the flat
  form. When both sources hold an id, the copy modified last wins (the extract on a tie),
  so dropping the full Zenodo dump into the folder fills the extract's gaps.

Every ROR id named in tiers.yaml or aliases.yaml must exist in the data; the build stops
and lists the missing ones otherwise.

Besides names, each entry keeps its ROR parents and the registered institutions ROR calls
related (the resolver prefers a main campus over a related branch named after it), and the
registry lists the places ROR gives for its institutions (city, region, country): a place
name alone is never read as an institution. Relationships come from the dump only.

Editorial aliases are exact names, except an acronym-shaped one ("UCL", "MSU", "IISc")
that another registered institution in a *different* country also goes by: that one is
filed with the institution's ROR acronyms, which the resolver scopes by country, so that
"UCL" stays reachable for both London and Louvain. Within one country the editorial
alias wins (an exact name is tried before acronyms).
"""

from __future__ import annotations

import json
import sys
import zipfile
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from visarules.resolve.institutions import is_acronym
from visarules.resolve.normalize import compact, normalize

DATA = Path(__file__).resolve().parents[1] / "src" / "visarules" / "data"


def short_id(ror_id: str) -> str:
    return ror_id.rstrip("/").rsplit("/", 1)[1]


def flatten_v2(record: dict[str, Any]) -> dict[str, Any]:
    """A schema-v2 dump record in the extract's flat form."""
    names = record.get("names", [])
    display = next((n["value"] for n in names if "ror_display" in n["types"]), None)
    if display is None:
        display = next((n["value"] for n in names if "label" in n["types"]), "")
    locations = record.get("locations") or [{}]
    geo = locations[0].get("geonames_details", {})
    return {
        "id": record["id"],
        "name": display,
        "status": record.get("status"),
        "types": record.get("types", []),
        "country_code": geo.get("country_code"),
        "country_name": geo.get("country_name"),
        "country_subdivision": geo.get("country_subdivision_name"),
        "city": geo.get("name"),
        "aliases": [n["value"] for n in names if "alias" in n["types"]],
        "acronyms": [n["value"] for n in names if "acronym" in n["types"]],
        "labels": [
            {"lang": n.get("lang"), "value": n["value"]}
            for n in names
            if "label" in n["types"] and "ror_display" not in n["types"]
        ],
        "domains": record.get("domains", []),
        "relationships": record.get("relationships", []),
        "last_modified": ((record.get("admin") or {}).get("last_modified") or {}).get("date"),
        "schema": "2",
    }


def load_dump(path: Path) -> list[dict[str, Any]]:
    records: list[dict[str, Any]] = []
    with zipfile.ZipFile(path) as archive:
        for member in archive.namelist():
            if member.endswith(".json"):
                with archive.open(member) as handle:
                    records.extend(flatten_v2(r) for r in json.load(handle))
    return records


def load_ror(folder: Path) -> dict[str, dict[str, Any]]:
    records: dict[str, dict[str, Any]] = {}
    for path in sorted(folder.glob("*.jsonl")):
        with path.open(encoding="utf-8") as lines:
            for line in lines:
                record = json.loads(line)
                records[short_id(record["id"])] = record
    for path in sorted(folder.glob("*.zip")):
        for record in load_dump(path):
            rid = short_id(record["id"])
            held = records.get(rid)
            if held is None or (record["last_modified"] or "") > (held.get("last_modified") or ""):
                records[rid] = record
            elif record["relationships"] and not held.get("relationships"):
                held["relationships"] = record["relationships"]  # the extract has none
    return records


def main(ror_folder: str) -> None:
    ror = load_ror(Path(ror_folder))
    tiers = yaml.safe_load((DATA / "tiers.yaml").read_text("utf-8"))
    aliases: dict[str, list[str]] = yaml.safe_load((DATA / "aliases.yaml").read_text("utf-8"))
    membership: dict[str, set[str]] = {}
    for tier, spec in tiers.items():
        for rid in spec["members"]:
            membership.setdefault(rid, set()).add(tier)
    for rid in aliases:
        membership.setdefault(rid, set())
    missing = sorted(rid for rid in membership if rid not in ror)
    if missing:
        sys.exit(f"not in the ROR data at {ror_folder}: {', '.join(missing)}")
    inactive = sorted(rid for rid in membership if ror[rid].get("status") != "active")
    if inactive:
        print(f"warning: not active in ROR: {', '.join(inactive)}", file=sys.stderr)
    # Keys every registered institution is found under, by country, to spot acronyms that
    # mean different places in different countries.
    countries_by_key: dict[str, set[str]] = {}
    for rid in membership:
        record = ror[rid]
        texts = [record["name"], *record.get("aliases", []), *record.get("acronyms", [])]
        texts += [label["value"] for label in record.get("labels", [])]
        for text in texts:
            for key in {normalize(text), compact(text)}:
                countries_by_key.setdefault(key, set()).add(record["country_code"])

    def shared_abroad(alias: str, country: str) -> bool:
        return is_acronym(alias) and bool(countries_by_key.get(compact(alias), set()) - {country})

    institutions = []
    for rid in sorted(membership):
        record = ror[rid]
        labels: dict[str, list[str]] = {}
        for label in record.get("labels", []):
            labels.setdefault(label["lang"] or "und", []).append(label["value"])
        editorial = aliases.get(rid) or []
        country = record["country_code"]
        acronyms = [a.strip() for a in record.get("acronyms", [])]
        acronyms += [a for a in editorial if shared_abroad(a, country) and a not in acronyms]
        names = set(record.get("aliases", [])) | {
            a for a in editorial if not shared_abroad(a, country)
        }
        relationships = record.get("relationships", [])
        parents = [rel["id"] for rel in relationships if rel.get("type") == "parent"]
        related = [
            rel["id"]
            for rel in relationships
            if rel.get("type") == "related" and short_id(rel["id"]) in membership
        ]
        entry = {
            "id": record["id"],
            "name": record["name"],
            "country": record["country_code"],
            "types": record["types"],
            "status": record.get("status", "active"),
            "aliases": sorted(names),
            "acronyms": acronyms,
            "labels": labels,
        }
        if parents:
            entry["parents"] = parents
        if related:
            entry["related"] = related
        institutions.append(entry)
    places = {
        place
        for rid in membership
        for place in (ror[rid].get(k) for k in ("city", "country_subdivision", "country_name"))
        if place
    }
    out = {
        "registry": {
            "name": "visarules-curated",
            "version": date.today().isoformat(),
            "source": "ROR (ror.org, CC0) names; tiers and aliases edited by visarules",
        },
        "places": sorted(places),
        "institutions": institutions,
    }
    (DATA / "institutions.json").write_text(
        json.dumps(out, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
    )
    print(f"wrote {len(institutions)} institutions")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "../shared/data/ror")
