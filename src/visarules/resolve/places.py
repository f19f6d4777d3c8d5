"""Places in mainland China as a traveller writes them → regions, cities and ports.

A trip plan names ports ("PVG", "Shanghai Pudong", "上海浦东国际机场", "Shanghai") and places
("Sichuan", "Chengdu", "成都", "CN-SC"). Rules read codes, never text:
- a place is ``CN-SC`` (a provincial-level region) or ``CN-SC/510100`` (a prefecture-level city,
  by its GB/T 2260 code, with its region);
- a port is its id (IATA code for an airport; a slug for a sea, land or rail port), or the ports
  of a city when the text names only the city.
A name shared by two places ("Fuzhou": 福州 in Fujian, 抚州 in Jiangxi) is ambiguous: no answer,
with the candidates. Unknown text resolves to nothing, never a guess.

Data: ``data/cn_regions.csv`` (the 31 provincial-level regions), ``data/cn_cities.csv``
(prefecture-level cities), ``data/cn_airports.csv`` (airports with an IATA code), and the
designated transit ports of the 240-hour scheme (jurisdictions/cn/transit.yaml), whose sea,
land and rail ports no airport list has. Provenance: data/PLACES.md.
"""

from __future__ import annotations

import csv
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from visarules import yamldata
from visarules.resolve.normalize import PARENTHESIS, compact, has_cjk, normalize

# Words that say what kind of place a name is; a name means the same without them.
_SUFFIXES_EN = ("province", "city", "municipality", "autonomous region", "sar", "prefecture")
_SUFFIXES_ZH = (
    "特别行政区",
    "壮族自治区",
    "回族自治区",
    "维吾尔自治区",
    "自治区",
    "自治州",
    "省",
    "市",
    "地区",
)
_PORT_SUFFIXES_ZH = ("口岸", "（客运）")
_PORT_WORDS_EN = ("international airport", "airport", "port", "seaport", "station")


# The municipalities: provincial-level regions that are one city each.
CITY_REGIONS = frozenset({"CN-BJ", "CN-TJ", "CN-SH", "CN-CQ"})


@dataclass(frozen=True)
class Place:
    key: str  # CN-SC or CN-SC/510100
    name: str
    region: str


@dataclass(frozen=True)
class Port:
    id: str  # IATA code, or a slug for a sea, land or rail port
    name: str
    region: str
    cities: frozenset[str]  # keys of the cities it is in or serves, where known


@dataclass(frozen=True)
class Resolution:
    query: str
    keys: tuple[str, ...]  # what the text was read as: one place or port, or a city's ports
    names: tuple[str, ...]
    ambiguous: tuple[str, ...] = ()  # names of the places it could mean, when it is ambiguous

    def to_dict(self) -> dict[str, Any]:
        return {
            "query": self.query,
            "match": list(self.keys) or None,
            "names": list(self.names),
            "ambiguous": list(self.ambiguous),
        }


def _rows(name: str) -> list[dict[str, str]]:
    text = resources.files("visarules.data").joinpath(name).read_text("utf-8")
    return list(csv.DictReader(text.splitlines()))


def _keys(*names: str | None) -> set[str]:
    """Comparison keys of a name: with and without the words that say what kind of place it is."""
    keys: set[str] = set()
    for name in names:
        if not name:
            continue
        key = compact(name)
        keys.add(key)
        for suffix in _SUFFIXES_ZH if has_cjk(name) else _SUFFIXES_EN:
            bare = compact(suffix)
            if key.endswith(bare) and len(key) > len(bare) + 1:
                keys.add(key.removesuffix(bare))
    return keys


class PlaceIndex:
    def __init__(self, places: Iterable[tuple[Place, set[str]]]) -> None:
        self._by_key: dict[str, set[Place]] = defaultdict(set)
        self.places: dict[str, Place] = {}
        for place, keys in places:
            self.places[place.key] = place
            for key in keys:
                self._by_key[key].add(place)

    def lookup(self, text: str) -> set[Place]:
        return set(self._by_key.get(compact(text), set()))

    def resolve(self, text: str) -> Resolution:
        found = self.lookup(text)
        if len(found) == 1:
            (place,) = found
            return Resolution(text, (place.key,), (place.name,))
        return Resolution(text, (), (), tuple(sorted(p.name for p in found)))


@cache
def places() -> PlaceIndex:
    regions = [
        (Place(r["code"], r["name_en"], r["code"]), _keys(r["name_en"], r["name_zh"], r["code"]))
        for r in _rows("cn_regions.csv")
    ]
    cities = [
        (
            Place(f"{c['region']}/{c['code']}", f"{c['name_en']} ({c['name_zh']})", c["region"]),
            _keys(c["name_en"], c["name_zh"], c["short_zh"]),
        )
        for c in _rows("cn_cities.csv")
        if c["region"] not in CITY_REGIONS  # Beijing the city is Beijing the region
    ]
    return PlaceIndex([*regions, *cities])


def city_key(region: str, name_zh: str) -> str | None:
    """The key of a city named in full in Chinese (as the announcements list them)."""
    for place in places().lookup(name_zh):
        if place.region == region:
            return place.key
    return None


@cache
def _designated_ports() -> list[dict[str, Any]]:
    text = resources.files("visarules.jurisdictions.cn").joinpath("transit.yaml").read_text("utf-8")
    ports: list[dict[str, Any]] = yamldata.load(text)["transit_240_hour"]["ports"]
    return ports


def _name_variants(name: str | None) -> list[str]:
    """A port's name, without its parenthesis, and each side of a " - " gloss."""
    if not name:
        return []
    variants = [name, PARENTHESIS.sub(" ", name)]
    variants += [part for v in list(variants) for part in v.split(" - ")]
    return variants


def _port_keys(*names: str | None) -> set[str]:
    """Keys of a port's names, also without the words 'airport', 'port' ..., unless that leaves
    only a place's name ("Shanghai Seaport" is not "Shanghai", which has three ports)."""
    keys = _keys(*(v for name in names for v in _name_variants(name)))
    index = places()
    for key in list(keys):
        for suffix in (*_PORT_SUFFIXES_ZH, *_PORT_WORDS_EN):
            bare = compact(suffix)
            if key.endswith(bare) and len(key) > len(bare) + 1:
                shorter = key.removesuffix(bare)
                if not index.lookup(shorter):
                    keys.add(shorter)
    return keys


@cache
def ports() -> tuple[dict[str, Port], dict[str, set[str]]]:
    """Every known port by id, and each comparison key → the ids it may mean."""
    by_id: dict[str, Port] = {}
    by_key: dict[str, set[str]] = defaultdict(set)
    index = places()
    for airport in _rows("cn_airports.csv"):
        port = Port(
            airport["iata"],
            airport["name_en"],
            airport["region"],
            _cities(index, airport["region"], airport["city_en"], airport["name_en"]),
        )
        by_id[port.id] = port
        for key in _port_keys(
            airport["name_en"], airport["name_zh"], airport["iata"], airport["icao"]
        ):
            by_key[key].add(port.id)
    for designated in _designated_ports():
        if designated["id"] not in by_id:
            region = designated["region"]
            # its region only: names such as "Guangzhou-Shenzhen-Hong Kong Express Rail Link
            # West Kowloon Station" do not start with the city the port is in
            by_id[designated["id"]] = Port(
                designated["id"], designated["name_en"], region, frozenset()
            )
        names = (designated["id"], designated["name_en"], designated["name_zh"])
        for key in _port_keys(*names, *designated.get("aliases", [])):
            by_key[key].add(designated["id"])
    return by_id, by_key


def _cities(index: PlaceIndex, region: str, *names: str) -> frozenset[str]:
    """The cities an airport is in or serves: its municipality, and a city its name starts with
    (Xi'an Xianyang International Airport is in Xianyang and serves Xi'an)."""
    found = set()
    for name in names:
        words = normalize(name).split()
        for size in range(len(words), 0, -1):
            found |= {
                p.key
                for p in index.lookup(" ".join(words[:size]))
                if p.region == region and "/" in p.key
            }
    return frozenset(found)


def resolve_port(text: str) -> Resolution:
    """A port by code or name; a city or region name means every known port there."""
    by_id, by_key = ports()
    code = text.strip().upper()
    if code in by_id:
        return Resolution(text, (code,), (by_id[code].name,))
    ids = by_key.get(compact(text), set())
    if len(ids) == 1:
        (only,) = ids
        return Resolution(text, (only,), (by_id[only].name,))
    if ids:
        return Resolution(text, (), (), tuple(sorted(by_id[i].name for i in ids)))
    place = places().resolve(text)
    if not place.keys:  # not a port, nor a place with ports
        return Resolution(text, (), (), place.ambiguous)
    (where,) = place.keys
    there = sorted(
        p.id
        for p in by_id.values()
        if where in p.cities or (p.region == where and "/" not in where)
    )
    return (
        Resolution(text, tuple(there), tuple(by_id[i].name for i in there))
        if there
        else (Resolution(text, (), ()))
    )
