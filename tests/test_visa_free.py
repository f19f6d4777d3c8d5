"""Visa-free schemes: the data against the counts the announcements give, what a traveller is
told, and the horizon of what visarules knows."""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

import pytest
import yaml

from visarules import api
from visarules.jurisdictions.cn import mutual, transit
from visarules.jurisdictions.cn.common import JURISDICTION
from visarules.resolve.places import places, ports, resolve_port

SHARED = Path(__file__).resolve().parents[2] / "shared" / "data"


def _check(profile: dict, as_of: str, *visas: str) -> dict:  # type: ignore[type-arg]
    return api.check(profile, as_of=as_of, visas=list(visas) or None)


# --- the data against the announced counts ---------------------------------------------------


def test_mutual_agreements_match_the_mfa_count() -> None:
    ordinary = [a for a in mutual.agreements() if "ordinary" in a.passports]
    assert len(ordinary) == 29  # 25 announced on 2024-11-22, then WS, UZ, MY, AZ in 2025
    on_announcement = date(2024, 11, 22)
    counted = [a for a in ordinary if a.state_on(on_announcement) is not False]
    signed_not_yet_in_force = [a for a in ordinary if a.country == "SB"]  # signed 2024
    assert len(counted) + len(signed_not_yet_in_force) == 25


@pytest.mark.parametrize(
    ("day", "count"), [("2024-12-17", 54), ("2025-06-12", 55), ("2026-08-20", 57)]
)
def test_transit_nationalities_match_the_announcements(day: str, count: int) -> None:
    assert sum(m.covers(date.fromisoformat(day)) for m in transit.members()) == count


@pytest.mark.parametrize(
    ("day", "count"), [("2024-12-17", 60), ("2025-11-04", 60), ("2025-11-05", 65)]
)
def test_designated_ports_match_the_announcements(day: str, count: int) -> None:
    announced = {
        v.since: v.value
        for v in transit.dated("ports", transit._DATA["entry_ports"], "ports").values
    }
    assert len(transit.designated_ports(date.fromisoformat(day))) == count
    latest = max(since for since in announced if since <= date.fromisoformat(day))
    assert announced[latest] == count


def test_every_designated_port_and_permitted_city_resolves() -> None:
    by_id, _ = ports()
    for port in transit._DATA["ports"]:
        assert resolve_port(port["id"]).keys == (port["id"],)
        assert by_id[port["id"]].region == port["region"]
    states = transit.place_states(date(2025, 11, 5))  # raises on a city it cannot place
    assert sum(1 for k, v in states.items() if "/" not in k and v is True) == 18  # whole regions
    assert sum(1 for k, v in states.items() if "/" not in k and v is None) == 6  # in part


def test_places_tables_cover_china() -> None:
    regions = {p.region for p in places().places.values()}
    assert len(regions) == 31
    by_id, _ = ports()
    assert {p.region for p in by_id.values()} <= regions


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("Sichuan", "CN-SC"),
        ("四川省", "CN-SC"),
        ("CN-SC", "CN-SC"),
        ("Chengdu", "CN-SC/510100"),
        ("成都市", "CN-SC/510100"),
        ("Xi'an", "CN-SN/610100"),
        ("Xian", "CN-SN/610100"),
        ("福州", "CN-FJ/350100"),
        ("Shanghai", "CN-SH"),
        ("Lhasa", "CN-XZ/540100"),
    ],
)
def test_places_resolve(text: str, key: str) -> None:
    assert places().resolve(text).keys == (key,)


@pytest.mark.parametrize("text", ["Fuzhou", "Suzhou", "Taizhou"])
def test_a_name_two_cities_share_is_ambiguous(text: str) -> None:
    resolution = places().resolve(text)
    assert resolution.keys == () and len(resolution.ambiguous) == 2


@pytest.mark.parametrize(
    ("text", "ids"),
    [
        ("PVG", ("PVG",)),
        ("Shanghai Pudong", ("PVG",)),
        ("Shanghai", ("PVG", "SHA", "shanghai-seaport")),
        ("Xi'an", ("XIY",)),
        ("West Kowloon", ("west-kowloon-railport",)),
        ("Springfield Municipal", ()),
    ],
)
def test_ports_resolve(text: str, ids: tuple[str, ...]) -> None:
    assert resolve_port(text).keys == ids


@pytest.mark.skipif(not SHARED.exists(), reason="upstream data not beside the repo")
def test_cities_agree_with_the_university_dataset() -> None:
    """Every Chinese university's city is placed in the same province by visarules' table."""
    path = SHARED / "china_universities_magicdover" / "china_universities.csv"
    regions = {
        r["name_zh"].removesuffix("省").removesuffix("市"): r["code"]
        for r in csv.DictReader(
            (Path(__file__).parents[1] / "src/visarules/data/cn_regions.csv").open()
        )
    }
    checked = 0
    for uni in csv.DictReader(path.open(encoding="utf-8")):
        if uni["id"] == "hebut":  # in Tianjin, run by Hebei: the dataset gives its province
            continue
        found = places().lookup(uni["city"])
        region = next(
            (code for name, code in regions.items() if uni["province"].startswith(name[:2])), None
        )
        if found and region:
            assert region in {p.region for p in found}, uni
            checked += 1
    assert checked == 185  # all but two county-level cities (延吉, 曲阜), not in the table


# --- what a traveller is told ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("country", "purpose", "days", "agreement"),
    [
        ("TH", "tourism", 14, "Thailand"),
        ("SG", "business", 20, "Singapore"),
        ("RS", "family_visit", 25, "Serbia"),
    ],
)
def test_a_traveller_is_told_which_agreement_and_how_long(
    country: str, purpose: str, days: int, agreement: str
) -> None:
    result = _check(
        {"citizenship": country, "plan": {"purpose": purpose, "stay_days": days}}, "2025-11-01"
    )
    assert result["no_visa_needed"] == {"value": True, "schemes": ["CN-VISA-FREE-MUTUAL"]}
    (scheme,) = [r for r in result["results"] if r["visa"] == "CN-VISA-FREE-MUTUAL"]
    stay = scheme["benefits"]["stay_per_entry"]
    assert stay["value"] == 30 and "30 days per entry" in stay["text"] and agreement in stay["text"]
    assert any(agreement in c for c in stay["citations"])


def test_the_r_letter_holder_is_eligible_with_nothing_else_known() -> None:
    result = _check({"plan": {"high_end_talent_confirmation": True}}, "2025-11-01", "CN-R")
    assert result["results"][0]["status"] == "eligible"


def test_an_oxford_doctorate_gets_a_single_points_total() -> None:
    profile = yaml.safe_load((Path(__file__).parent / "data" / "oxford_chemist.yaml").read_text())
    result = api.points(profile, as_of="2025-11-01")
    assert result["total"] == 86 and result["class"] == "A" and result["missing"] == []
    inferred = [r for r in result["resolutions"] if r["kind"] == "inference"]
    assert [r["path"] for r in inferred] == [
        "education[0].taught_in_chinese",
        "education[1].taught_in_chinese",
    ]
    assert all(r["result"]["value"] is False for r in inferred)


def test_a_degree_from_china_is_not_inferred_either_way() -> None:
    profile = {
        "education": [
            {"institution": "Tsinghua University", "level": "master", "completed": "2015"}
        ],
        "languages": [],
        "former_chinese_national": False,
    }
    result = api.points(profile, as_of="2025-11-01")
    chinese = next(i for i in result["items"] if i["id"] == "chinese")
    assert chinese["points"] is None and chinese["range"] == [0, 5]
    assert not [r for r in result["resolutions"] if r["kind"] == "inference"]


# --- the horizon ------------------------------------------------------------------------------


def test_the_horizon_warning_names_the_end_and_the_last_verification() -> None:
    profile = {"citizenship": "GB", "plan": {"purpose": "tourism", "stay_days": 20}}
    before = _check(profile, "2026-12-31", "CN-VISA-FREE-30")
    after = _check(profile, "2027-01-01", "CN-VISA-FREE-30")
    assert before["results"][0]["status"] == "eligible"
    assert after["results"][0]["status"] == "undetermined"
    texts = [w["text"] for w in after["warnings"]]
    verified = JURISDICTION.verified_on.isoformat()
    assert (
        "Unilateral visa-free entry for GB was set to end on 2026-12-31; visarules has no record "
        f"after {verified}, so whether it was extended is unknown"
    ) in texts
    assert any(t.startswith("visarules' rules for China were last verified on") for t in texts)
    assert after["warnings"][0]["visas"] == ["CN-VISA-FREE-30"]


def test_no_warning_before_the_horizon() -> None:
    result = _check({"citizenship": "GB"}, JURISDICTION.verified_on.isoformat())
    assert result["warnings"] == []


def test_warnings_reach_the_command_line(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from visarules.cli import app

    profile = tmp_path / "gb.yaml"
    profile.write_text("citizenship: GB\nplan: {purpose: tourism, stay_days: 20}\n")
    out = CliRunner().invoke(app, ["check", str(profile), "--as-of", "2027-01-01"])
    assert out.exit_code == 0
    assert "was set to end on 2026-12-31" in " ".join(out.stdout.split())
