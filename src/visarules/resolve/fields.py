"""Fields of study in free text → UNESCO ISCED-F 2013 and CIP 2020, and STEM or not.

Two named STEM definitions (switchable as an assumption):
- ``isced_f``: ISCED-F broad fields 05 (natural sciences, mathematics and
  statistics), 06 (ICT) and 07 (engineering, manufacturing and construction),
  the UNESCO/OECD reporting convention;
- ``dhs``: the US DHS STEM Designated Degree Program List (CIP 2020 codes, 2024 edition).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

import yaml
from rapidfuzz import fuzz, process

from visarules.resolve.normalize import compact, has_cjk, normalize

STEM_DEFINITIONS = {
    "isced_f": "ISCED-F 2013 broad fields 05, 06 and 07 (UNESCO/OECD convention)",
    "dhs": "US DHS STEM Designated Degree Program List, 2024 (CIP 2020 codes)",
}
ISCED_STEM_BROAD = ("05", "06", "07")
MATCH_THRESHOLD = 0.88


@dataclass(frozen=True)
class FieldEntry:
    isced_f: str
    cip: str | None
    label: str


@dataclass(frozen=True)
class FieldResolution:
    query: str
    entry: FieldEntry | None
    score: float

    def stem(self, definition: str) -> bool | None:
        if self.entry is None:
            return None
        return is_stem(self.entry, definition)

    def to_dict(self, definition: str) -> dict[str, Any]:
        entry = self.entry
        return {
            "query": self.query,
            "isced_f": entry.isced_f if entry else None,
            "cip": entry.cip if entry else None,
            "label": entry.label if entry else None,
            "score": round(self.score, 3),
            "stem": self.stem(definition),
            "definition": definition,
            "definition_text": STEM_DEFINITIONS[definition],
        }


def is_stem(entry: FieldEntry, definition: str) -> bool | None:
    if definition == "isced_f":
        return entry.isced_f[:2] in ISCED_STEM_BROAD
    if definition == "dhs":
        return None if entry.cip is None else entry.cip in dhs_stem_codes()
    raise ValueError(f"unknown STEM definition {definition!r}")


@cache
def dhs_stem_codes() -> frozenset[str]:
    text = resources.files("visarules.data").joinpath("dhs_stem_cip_2024.txt").read_text("utf-8")
    return frozenset(
        line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")
    )


@cache
def _table() -> tuple[dict[str, FieldEntry], list[str]]:
    text = resources.files("visarules.data").joinpath("fields.yaml").read_text("utf-8")
    by_key: dict[str, FieldEntry] = {}
    for raw in yaml.safe_load(text):
        names = [n for values in raw["names"].values() for n in values]
        entry = FieldEntry(str(raw["isced_f"]), raw.get("cip"), names[0])
        for name in names:
            by_key.setdefault(normalize(name), entry)
            if has_cjk(name):
                by_key.setdefault(compact(name), entry)
    return by_key, list(by_key)


@cache
def resolve_field(text: str) -> FieldResolution:
    by_key, choices = _table()
    key = normalize(text)
    if not key:
        return FieldResolution(text, None, 0.0)
    entry = by_key.get(key) or by_key.get(compact(text))
    if entry:
        return FieldResolution(text, entry, 1.0)
    best = process.extractOne(key, choices, scorer=fuzz.token_sort_ratio, processor=None)
    if best is None or best[1] / 100 < MATCH_THRESHOLD:
        return FieldResolution(text, None, best[1] / 100 if best else 0.0)
    return FieldResolution(text, by_key[best[0]], best[1] / 100)
