"""Degree names in many languages → ISCED 2011 level: 5 short-cycle, 6 bachelor's, 7 master's
(and long first degrees), 8 doctoral. Known qualifications below tertiary level (a high-school
diploma, the Abitur, 高中) resolve to no level with ``tertiary: false``: known not to be a degree,
which is not the same as unknown.

"B.Tech in Computer Science" is a bachelor's: a degree name may lead or close a longer
string, so the longest known degree name at either end decides. Unknown → None.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from rapidfuzz import process
from rapidfuzz.distance import DamerauLevenshtein

from visarules import yamldata
from visarules.resolve.normalize import compact, normalize

LEVEL_NAMES = {5: "short_cycle", 6: "bachelor", 7: "master", 8: "doctorate"}
NOT_TERTIARY = 0  # the level key in degrees.yaml for qualifications below tertiary level
TYPO_MIN_LENGTH = 8  # one typo is forgiven in degree names this long ("Bachelour"), no more:
# a short word one letter from a degree is often another word ("Diploma" is not "Diplom")
JOINERS = ("in", "of", "en", "de", "di", "in der", "em", "na", "degree in", "of science in")


@dataclass(frozen=True)
class DegreeResolution:
    query: str
    isced_level: int | None  # 5–8, or None
    tertiary: bool | None  # False: known not to be a tertiary degree; None: unknown

    @property
    def name(self) -> str | None:
        if self.isced_level is not None:
            return LEVEL_NAMES[self.isced_level]
        return "not_tertiary" if self.tertiary is False else None

    def to_dict(self) -> dict[str, Any]:
        return {
            "query": self.query,
            "isced_level": self.isced_level,
            "name": self.name,
            "tertiary": self.tertiary,
        }


@cache
def degree_table() -> dict[str, int]:
    """Normalised degree name → level (data/degrees.yaml)."""
    text = resources.files("visarules.data").joinpath("degrees.yaml").read_text("utf-8")
    table: dict[str, int] = {}
    for level, names in yamldata.load(text)["levels"].items():
        for name in names:
            for key in (normalize(str(name)), compact(str(name))):
                if key:
                    table.setdefault(key, int(level))
    return table


def split_degree(key: str) -> tuple[int | None, str, str]:
    """``"bachelor of science in physics"`` → ``(6, "bachelor of science", "physics")``.

    The longest degree name at the start, else at the end, of a normalised string; the rest
    without a joining word ("in", "of", "de" ...). ``(None, "", key)`` if none is found."""
    table = degree_table()
    words = key.split()
    for n in range(len(words), 0, -1):
        head = " ".join(words[:n])
        level = table.get(head, table.get(head.replace(" ", "")))
        if level is not None:
            return level, head, _drop_joiner(" ".join(words[n:]))
    for n in range(len(words) - 1, 0, -1):
        tail = " ".join(words[-n:])
        level = table.get(tail, table.get(tail.replace(" ", "")))
        if level is not None:
            return level, tail, " ".join(words[:-n])
    return None, "", key


def _drop_joiner(rest: str) -> str:
    for joiner in sorted(JOINERS, key=len, reverse=True):
        if rest.startswith(joiner + " "):
            return rest[len(joiner) + 1 :]
    return rest


@cache
def resolve_degree(text: str) -> DegreeResolution:
    key = normalize(text)
    if not key:
        return DegreeResolution(text, None, None)
    table = degree_table()
    level = table.get(key, table.get(compact(text)))
    if level is None:
        level, _, _ = split_degree(key)
    if level is None and len(key) >= TYPO_MIN_LENGTH:
        best = process.extractOne(
            key, list(table), scorer=DamerauLevenshtein.distance, score_cutoff=1, processor=None
        )
        if best is not None:
            level = table[best[0]]
    if level is None:
        return DegreeResolution(text, None, None)
    if level == NOT_TERTIARY:
        return DegreeResolution(text, None, False)
    return DegreeResolution(text, level, True)
