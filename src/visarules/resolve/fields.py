"""Fields of study in free text → UNESCO ISCED-F 2013 and CIP 2020, and STEM or not.

Two named STEM definitions (switchable as an assumption):
- ``isced_f``: ISCED-F broad fields 05 (natural sciences, mathematics and
  statistics), 06 (ICT) and 07 (engineering, manufacturing and construction),
  the UNESCO/OECD reporting convention;
- ``dhs``: the US DHS STEM Designated Degree Program List (CIP 2020 codes, 2024 edition).

People write the degree with the field ("B.Tech CSE", "BSc (Hons) Physics", "Licence de
mathématiques", "计算机科学与技术专业"): the degree name, a department suffix and a
parenthesis are tried off in turn; each variant is looked up exactly, then the main one
fuzzily. A string that resolves to nothing is unknown, never "not STEM".
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from visarules.resolve.degrees import split_degree
from visarules.resolve.index import NameIndex
from visarules.resolve.normalize import PARENTHESIS, compact, has_cjk, normalize

STEM_DEFINITIONS = {
    "isced_f": "ISCED-F 2013 broad fields 05, 06 and 07 (UNESCO/OECD convention)",
    "dhs": "US DHS STEM Designated Degree Program List, 2024 (CIP 2020 codes)",
}
ISCED_STEM_BROAD = ("05", "06", "07")
MATCH_THRESHOLD = 0.88
# Words people abbreviate in field names (after normalisation).
ABBREVIATIONS = {
    "engg": "engineering",
    "eng": "engineering",
    "comp": "computer",
    "mech": "mechanical",
    "elec": "electrical",
    "stats": "statistics",
    "maths": "mathematics",
    "math": "mathematics",
    "econ": "economics",
    "admin": "administration",
    "mgmt": "management",
    "biz": "business",
    "poli": "political",
    "hons": "",
    "honours": "",
    "honors": "",
}
CJK_SUFFIXES = ("专业", "方向", "系", "学院")
# Engineering degrees: "B.E. Mechanical" means mechanical engineering.
ENGINEERING_DEGREES = ("b e", "be", "beng", "b eng", "b technology", "btech", "m e", "meng",
                       "m eng", "m technology", "mtech", "bachelor of engineering",
                       "master of engineering", "bachelor of technology",
                       "master of technology")  # fmt: skip
# Degree names that are their field ("BCA", "LL.M.", "MBBS").
FIELD_OF_DEGREE = {
    "bca": "computer science", "mca": "computer science", "ll b": "law", "llb": "law",
    "ll m": "law", "llm": "law", "mba": "business administration",
    "bba": "business administration", "mbbs": "medicine", "b arch": "architecture",
    "barch": "architecture", "b com": "commerce", "bcom": "commerce", "m com": "commerce",
    "b pharm": "pharmacy", "bpharm": "pharmacy", "m pharm": "pharmacy",
}  # fmt: skip


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
        return None if self.entry is None else is_stem(self.entry, definition)

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


@dataclass
class _Table:
    entries: list[FieldEntry]
    names: NameIndex


@cache
def _table() -> _Table:
    raw = json.loads(resources.files("visarules.data").joinpath("fields.json").read_text("utf-8"))
    entries: list[FieldEntry] = []
    names = NameIndex()
    for i, item in enumerate(raw):
        all_names = [str(n) for values in item["names"].values() for n in values]
        label = item.get("label") or all_names[0]
        entries.append(FieldEntry(str(item["isced_f"]), item.get("cip"), label))
        for name in all_names:
            names.add(normalize(name), i)
            if has_cjk(name):
                names.add(compact(name), i)
    return _Table(entries, names)


def _expand(key: str) -> str:
    return " ".join(w for w in (ABBREVIATIONS.get(word, word) for word in key.split()) if w)


def _variants(text: str) -> list[str]:
    """Keys to try, most literal first."""
    outside = PARENTHESIS.sub(" ", text)
    inside = " ".join(PARENTHESIS.findall(text))
    keys = [normalize(text), normalize(outside), normalize(inside)]
    found: list[str] = []
    for key in keys:
        if not key:
            continue
        level, degree, rest = split_degree(key)
        for candidate in (key, rest, _expand(key), _expand(rest)):
            for stripped in (candidate, *_without_cjk_suffix(candidate)):
                if stripped and stripped not in found:
                    found.append(stripped)
        if level is not None and rest and degree in ENGINEERING_DEGREES:
            found.append(f"{_expand(rest)} engineering")
        if key in FIELD_OF_DEGREE:
            found.append(FIELD_OF_DEGREE[key])
    return found


def _without_cjk_suffix(key: str) -> list[str]:
    return [key[: -len(s)] for s in CJK_SUFFIXES if key.endswith(s) and len(key) > len(s) + 1]


@cache
def resolve_field(text: str) -> FieldResolution:
    table = _table()
    variants = _variants(text)
    for key in variants:
        hits = table.names.exact(key) or table.names.exact(key.replace(" ", ""))
        if hits:
            return FieldResolution(text, table.entries[hits[0]], 1.0)
    best: tuple[int, float] | None = None
    for key in variants[:3]:
        for kid, score in table.names.search(key, limit=1, cutoff=MATCH_THRESHOLD):
            if best is None or score > best[1]:
                best = (table.names.entries[kid][0], score)
    if best is None:
        return FieldResolution(text, None, 0.0)
    return FieldResolution(text, table.entries[best[0]], best[1])
