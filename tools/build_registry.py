"""Build src/visarules/data/institutions.json from the editorial tiers and aliases plus ROR names.

Maintainer tool, not used at run time. ROR (ror.org, CC0) supplies each institution's
name, aliases, acronyms, labels in other languages, country and types; the tiers and
extra aliases are visarules' own editorial files.

    python tools/build_registry.py ../shared/data/ror
"""

from __future__ import annotations

import json
import sys
from datetime import date
from pathlib import Path

import yaml

DATA = Path(__file__).resolve().parents[1] / "src" / "visarules" / "data"


def load_ror(folder: Path) -> dict[str, dict]:
    records: dict[str, dict] = {}
    for path in sorted(folder.glob("*.jsonl")):
        with path.open(encoding="utf-8") as lines:
            for line in lines:
                record = json.loads(line)
                records[record["id"].rsplit("/", 1)[1]] = record
    return records


def implied(tiers: dict[str, dict], tier: str) -> set[str]:
    """A tier and every looser tier it implies (world_top_100 → world_top_200 → world_top_500)."""
    found = {tier}
    for looser in tiers[tier].get("implies", []):
        found |= implied(tiers, looser)
    return found


def main(ror_folder: str) -> None:
    ror = load_ror(Path(ror_folder))
    tiers = yaml.safe_load((DATA / "tiers.yaml").read_text("utf-8"))
    aliases: dict[str, list[str]] = yaml.safe_load((DATA / "aliases.yaml").read_text("utf-8"))
    membership: dict[str, set[str]] = {}
    for tier, spec in tiers.items():
        for rid in spec["members"]:
            membership.setdefault(rid, set()).update(implied(tiers, tier))
    for rid in aliases:
        membership.setdefault(rid, set())
    institutions = []
    for rid in sorted(membership):
        if rid not in ror:
            sys.exit(f"{rid} is not in the ROR data at {ror_folder}")
        record = ror[rid]
        labels: dict[str, list[str]] = {}
        for label in record.get("labels", []):
            labels.setdefault(label["lang"] or "und", []).append(label["value"])
        institutions.append(
            {
                "id": record["id"],
                "name": record["name"],
                "country": record["country_code"],
                "types": record["types"],
                "tiers": sorted(membership[rid]),
                "aliases": sorted(set(record.get("aliases", [])) | set(aliases.get(rid, []))),
                "acronyms": record.get("acronyms", []),
                "labels": labels,
            }
        )
    out = {
        "registry": {
            "name": "visarules-curated",
            "version": date.today().isoformat(),
            "source": "ROR (ror.org, CC0) names; tiers and aliases edited by visarules",
        },
        "institutions": institutions,
    }
    (DATA / "institutions.json").write_text(
        json.dumps(out, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
    )
    print(f"wrote {len(institutions)} institutions")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "../shared/data/ror")
