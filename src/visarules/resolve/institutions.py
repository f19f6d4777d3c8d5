"""Institution names in any language → a registry entry (ROR id), with a score.

Order of work: exact key (name, alias, label in any language), then acronym
(country-scoped: "NUS", "UCL" and "USTC" mean different places in different
countries), then fuzzy scoring of a short candidate list with rapidfuzz. Below
the threshold the answer is *no match*, never a guess.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any

import yaml
from rapidfuzz import fuzz, process

from visarules.resolve.normalize import compact, normalize

MATCH_THRESHOLD = 0.90  # below this score the registry gives no match
EXACT = 1.0
ACRONYM = 0.97


@dataclass(frozen=True)
class Tier:
    id: str
    name: str
    description: str
    provenance: str


@dataclass(frozen=True)
class Institution:
    id: str  # https://ror.org/...
    name: str
    country: str
    types: tuple[str, ...]
    tiers: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()
    acronyms: tuple[str, ...] = ()
    labels: Mapping[str, tuple[str, ...]] = field(default_factory=dict)

    def names(self) -> Iterable[str]:
        yield self.name
        yield from self.aliases
        for values in self.labels.values():
            yield from values

    def to_dict(self, score: float) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "country": self.country,
            "types": list(self.types),
            "score": round(score, 3),
            "tiers": list(self.tiers),
        }


@dataclass(frozen=True)
class Match:
    institution: Institution
    score: float


@dataclass(frozen=True)
class InstitutionResolution:
    query: str
    match: Match | None
    candidates: tuple[Match, ...] = ()
    reason: str | None = None  # "no_match", "ambiguous", "empty"

    def to_dict(self) -> dict[str, Any]:
        return {
            "query": self.query,
            "match": self.match.institution.to_dict(self.match.score) if self.match else None,
            "candidates": [c.institution.to_dict(c.score) for c in self.candidates],
            "reason": self.reason,
        }


class InstitutionRegistry:
    def __init__(
        self,
        institutions: Iterable[Institution],
        tiers: Mapping[str, Tier],
        *,
        name: str,
        version: str,
        source: str,
    ) -> None:
        self.institutions = tuple(institutions)
        self.tiers = dict(tiers)
        self.name, self.version, self.source = name, version, source
        self._by_key: dict[str, list[Institution]] = defaultdict(list)
        self._by_acronym: dict[str, list[Institution]] = defaultdict(list)
        for inst in self.institutions:
            for tier in inst.tiers:
                if tier not in self.tiers:
                    raise ValueError(f"{inst.id}: unknown tier {tier!r}")
            for text in inst.names():
                key = normalize(text)
                if key and inst not in self._by_key[key]:
                    self._by_key[key].append(inst)
                if _is_cjk_key(key) and inst not in self._by_key[compact(text)]:
                    self._by_key[compact(text)].append(inst)
            for acronym in inst.acronyms:
                self._by_acronym[compact(acronym)].append(inst)
        self._choices = list(self._by_key)

    def describe(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "version": self.version,
            "institutions": len(self.institutions),
            "source": self.source,
        }

    def resolve(self, text: str, country: str | None = None) -> InstitutionResolution:
        key = normalize(text)
        if not key:
            return InstitutionResolution(text, None, reason="empty")
        exact = self._by_key.get(key) or self._by_key.get(compact(text)) or []
        if exact:
            return _choose(text, [Match(i, EXACT) for i in exact], country)
        by_acronym = self._by_acronym.get(compact(text), [])
        if by_acronym:
            return _choose(text, [Match(i, ACRONYM) for i in by_acronym], country)
        scored = process.extract(
            key, self._choices, scorer=fuzz.WRatio, limit=5, score_cutoff=80, processor=None
        )
        candidates: dict[str, Match] = {}
        for choice, score, _ in scored:
            for inst in self._by_key[choice]:
                score_here = score / 100 * _length_penalty(key, choice)
                if inst.id not in candidates or candidates[inst.id].score < score_here:
                    candidates[inst.id] = Match(inst, score_here)
        ranked = sorted(candidates.values(), key=lambda m: -m.score)
        if not ranked or ranked[0].score < MATCH_THRESHOLD:
            return InstitutionResolution(text, None, tuple(ranked[:3]), reason="no_match")
        return _choose(text, ranked, country)


def _is_cjk_key(key: str) -> bool:
    return any("\u3400" <= ch <= "\u9fff" for ch in key)


def _length_penalty(query: str, choice: str) -> float:
    """WRatio rewards partial overlaps; a short query inside a long name is not the name."""
    shorter, longer = sorted((len(query), len(choice)))
    return 1.0 if longer == 0 else min(1.0, 0.75 + 0.25 * shorter / longer)


def _choose(text: str, matches: list[Match], country: str | None) -> InstitutionResolution:
    if country:
        in_country = [m for m in matches if m.institution.country == country.upper()]
        if in_country:
            matches = in_country
    best = max(m.score for m in matches)
    top = [m for m in matches if m.score == best]
    if len({m.institution.id for m in top}) > 1:
        return InstitutionResolution(text, None, tuple(top), reason="ambiguous")
    others = tuple(m for m in matches if m is not top[0])
    return InstitutionResolution(text, top[0], others)


def _institution(raw: Mapping[str, Any]) -> Institution:
    return Institution(
        id=raw["id"],
        name=raw["name"],
        country=raw["country"],
        types=tuple(raw.get("types", ())),
        tiers=tuple(raw.get("tiers", ())),
        aliases=tuple(raw.get("aliases", ())),
        acronyms=tuple(raw.get("acronyms", ())),
        labels={lang: tuple(values) for lang, values in raw.get("labels", {}).items()},
    )


def load_tiers() -> dict[str, Tier]:
    text = resources.files("visarules.data").joinpath("tiers.yaml").read_text("utf-8")
    raw: dict[str, dict[str, str]] = yaml.safe_load(text)
    return {
        key: Tier(key, spec["name"], spec["description"], spec["provenance"])
        for key, spec in raw.items()
    }


@cache
def default_registry() -> InstitutionRegistry:
    """The registry shipped with visarules (``data/institutions.json``)."""
    text = resources.files("visarules.data").joinpath("institutions.json").read_text("utf-8")
    raw = json.loads(text)
    meta = raw["registry"]
    return InstitutionRegistry(
        (_institution(r) for r in raw["institutions"]),
        load_tiers(),
        name=meta["name"],
        version=meta["version"],
        source=meta["source"],
    )
