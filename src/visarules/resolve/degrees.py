"""Degree names in many languages → ISCED 2011 level (5 short-cycle, 6 bachelor's, 7 master's,
8 doctoral); 0 for "other" (a qualification below tertiary level or not a degree)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

import yaml

from visarules.resolve.normalize import compact, normalize

LEVEL_NAMES = {0: "other", 5: "short_cycle", 6: "bachelor", 7: "master", 8: "doctorate"}


@dataclass(frozen=True)
class DegreeResolution:
    query: str
    isced_level: int | None

    @property
    def name(self) -> str | None:
        return None if self.isced_level is None else LEVEL_NAMES[self.isced_level]

    def to_dict(self) -> dict[str, Any]:
        return {"query": self.query, "isced_level": self.isced_level, "name": self.name}


@cache
def _table() -> dict[str, int]:
    text = resources.files("visarules.data").joinpath("degrees.yaml").read_text("utf-8")
    table: dict[str, int] = {}
    for level, names in yaml.safe_load(text)["levels"].items():
        for name in names:
            table.setdefault(normalize(name), int(level))
            table.setdefault(compact(name), int(level))
    return table


@cache
def resolve_degree(text: str) -> DegreeResolution:
    table = _table()
    level = table.get(normalize(text))
    if level is None:
        level = table.get(compact(text))
    return DegreeResolution(text, level)
