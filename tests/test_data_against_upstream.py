"""The shipped tables, checked against the upstream data in ../shared/data when it is there.

The product runs without ../shared; these tests skip without it (CI on a clean clone beside
../shared runs them)."""

from __future__ import annotations

import csv
import json
import zipfile
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import pytest
import yaml

from visarules.resolve.degrees import degree_table
from visarules.resolve.fields import dhs_stem_codes
from visarules.resolve.institutions import load_tiers
from visarules.resolve.normalize import compact, normalize

SHARED = Path(__file__).resolve().parents[2] / "shared" / "data"
needs_shared = pytest.mark.skipif(
    not SHARED.is_dir(), reason="../shared/data is not beside the repo"
)
DATA = resources.files("visarules.data")


def _json(name: str) -> Any:
    return json.loads(DATA.joinpath(name).read_text("utf-8"))


@cache
def ror_records() -> dict[str, dict[str, Any]]:
    """ROR records by id: the flat extract, then the published-format sample for the rest."""
    records: dict[str, dict[str, Any]] = {}
    for path in sorted((SHARED / "ror").glob("*.jsonl")):
        for line in path.open(encoding="utf-8"):
            record = json.loads(line)
            records[record["id"]] = {"name": record["name"], "country": record["country_code"]}
    with zipfile.ZipFile(SHARED / "ror" / "ror-v2-sample.zip") as archive:
        for record in json.loads(archive.read(archive.namelist()[0])):
            display = next(n["value"] for n in record["names"] if "ror_display" in n["types"])
            country = record["locations"][0]["geonames_details"]["country_code"]
            records.setdefault(record["id"], {"name": display, "country": country})
    return records


@needs_shared
def test_every_shipped_institution_is_the_ror_record_it_claims() -> None:
    ror = ror_records()
    shipped = _json("institutions.json")["institutions"]
    assert len(shipped) >= 1_500
    for inst in shipped:
        assert inst["id"] in ror, inst["id"]
        assert inst["name"] == ror[inst["id"]]["name"], inst["id"]
        assert inst["country"] == ror[inst["id"]]["country"], inst["id"]


def test_every_tier_member_is_shipped_and_world_tiers_do_not_overlap() -> None:
    shipped = {inst["id"] for inst in _json("institutions.json")["institutions"]}
    tiers = load_tiers()
    for tier in tiers.values():
        assert tier.members <= shipped, tier.id
        assert tier.description and tier.provenance
    raw = yaml.safe_load(DATA.joinpath("tiers.yaml").read_text("utf-8"))
    listed = [set(raw[t]["members"]) for t in ("world_top_100", "world_top_200", "world_top_500")]
    assert (
        not (listed[0] & listed[1]) and not (listed[0] & listed[2]) and not (listed[1] & listed[2])
    )


@needs_shared
def test_double_first_class_tier_matches_the_chinese_list() -> None:
    names = {}
    with (SHARED / "china_universities_magicdover" / "china_universities.csv").open(
        encoding="utf-8"
    ) as f:
        for row in csv.DictReader(f):
            names[row["name_en"]] = row
    registry = {inst["id"]: inst for inst in _json("institutions.json")["institutions"]}
    dfc = load_tiers()["cn_double_first_class"].members
    c985 = {registry[i]["name"] for i in load_tiers()["cn_985"].members}
    # every 985 university of the list that is in the registry is in our 985 tier
    flagged = {n for n, row in names.items() if row["is_985"] == "1"}
    assert len(c985) == 39 and len(flagged & c985) >= 30
    assert len(dfc) >= 130


@needs_shared
def test_dhs_list_is_the_published_list() -> None:
    with (SHARED / "cip_dhs_stem" / "dhs_stem_list_2024_scipeds.csv").open(encoding="utf-8") as f:
        upstream = {row["2020 CIP Code"].strip() for row in csv.DictReader(f)}
    assert dhs_stem_codes() == upstream


@needs_shared
def test_field_codes_exist_upstream() -> None:
    with (SHARED / "isced_f_2013" / "isced_f_2013.csv").open(encoding="utf-8") as f:
        isced = {row["code"] for row in csv.DictReader(f)}
    with (SHARED / "cip_dhs_stem" / "cip2020_nces.csv").open(encoding="utf-8") as f:
        cip = {row["cip"] for row in csv.DictReader(f)}
    entries = _json("fields.json")
    assert len(entries) >= 2_000
    for entry in entries:
        assert str(entry["isced_f"]) in isced, entry
        assert entry["cip"] is None or entry["cip"] in cip, entry


def test_fields_json_is_the_twin_of_fields_yaml() -> None:
    twin = yaml.load(DATA.joinpath("fields.yaml").read_text("utf-8"), Loader=yaml.CSafeLoader)
    assert json.loads(json.dumps(twin)) == _json("fields.json")


def test_no_degree_name_means_two_levels() -> None:
    raw = yaml.safe_load(DATA.joinpath("degrees.yaml").read_text("utf-8"))["levels"]
    seen: dict[str, int] = {}
    for level, names in raw.items():
        for name in names:
            for key in {normalize(str(name)), compact(str(name))}:
                assert seen.setdefault(key, level) == level, (name, seen[key], level)
    assert len(degree_table()) >= 300
