"""compare: visas of China and the US side by side on one set of fields, as JSON, a DataFrame
and a chart; the issue's example (an Indian engineer with a US offer at wage level II)."""

from __future__ import annotations

import json
from pathlib import Path

import polars as pl
import pytest
from typer.testing import CliRunner

from visarules import api
from visarules.catalogue import catalogue
from visarules.cli import app
from visarules.compare import ROWS, chart, compare, frame
from visarules.engine.visa import BENEFIT_KEYS
from visarules.errors import InputError
from visarules.io import load_profile

ROOT = Path(__file__).resolve().parents[1]
ENGINEER = ROOT / "examples" / "indian_engineer_us_offer.yaml"
AS_OF = "2026-03-15"
runner = CliRunner()


@pytest.fixture(scope="module")
def engineer() -> dict:  # type: ignore[type-arg]
    return compare(load_profile(str(ENGINEER)), as_of=AS_OF, context=True)


def test_every_visa_of_both_countries_has_the_same_benefit_fields(engineer: dict) -> None:  # type: ignore[type-arg]
    in_force = {
        v.code for v in catalogue().visas if v.kind == "visa" and v.in_force_on(engineer_date())
    }
    results = engineer["results"]
    assert {r["visa"] for r in results} == in_force
    assert {r["visa"][:2] for r in results} == {"CN", "US"}
    for result in results:
        assert list(result["benefits"]) == list(BENEFIT_KEYS), result["visa"]
        for benefit in result["benefits"].values():
            assert {"value", "text", "source", "since", "citations"} <= set(benefit)
            assert (benefit["source"] is None) == (not benefit["citations"])


def engineer_date():  # type: ignore[no-untyped-def]
    from datetime import date

    return date.fromisoformat(AS_OF)


def test_the_issue_example(engineer: dict) -> None:  # type: ignore[type-arg]
    by_visa = {r["visa"]: r for r in engineer["results"]}
    assert by_visa["CN-K"]["status"] == "eligible"
    h1b = by_visa["US-H-1B"]
    assert h1b["status"] == "eligible"
    (payment,) = h1b["costs"]
    assert (payment["status"], payment["amount"], payment["currency"]) == ("due", 100000, "USD")
    assert payment["citations"] and "Proclamation 10973" in payment["citations"][0]
    selection = h1b["selection"]
    assert selection["estimate"] is True and selection["process"] == "weighted"
    assert selection["chance"] == 0.3058 and selection["cap_subject"] is True
    o1 = by_visa["US-O-1A"]
    assert o1["status"] == "undetermined"
    assert "achievements.major_international_award" in o1["missing"]
    assert all(r["citations"] for r in engineer["results"])
    assert engineer["table"]["costs"]["US-H-1B"] == "USD 100,000: due"


def test_the_frame_is_the_table(engineer: dict) -> None:  # type: ignore[type-arg]
    df = frame(engineer)
    assert df.columns == ["field", *(r["visa"] for r in engineer["results"])]
    assert df["field"].to_list() == list(ROWS)
    assert df.filter(pl.col("field") == "status")["CN-K"].item() == "eligible"
    same = api.compare_frame(load_profile(str(ENGINEER)), as_of=AS_OF)
    assert same.equals(df)


def test_context_items_carry_their_sources(engineer: dict) -> None:  # type: ignore[type-arg]
    ids = {item["id"] for item in engineer["context"]}
    assert {"us.eb1.statutory_share", "cn.r.shanghai_2018"} <= ids
    for item in engineer["context"]:
        assert item["sources"] and all(s["title"] for s in item["sources"])
    eb1 = next(i for i in engineer["context"] if i["id"] == "us.eb1.statutory_share")
    assert eb1["value"] == round(0.286 * 140000)


def test_chart_svg_and_png(engineer: dict, tmp_path: Path) -> None:  # type: ignore[type-arg]
    svg = chart(engineer, tmp_path / "c.svg")
    text = svg.read_text("utf-8")
    assert text.startswith("<?xml") and "US-H-1B" in text and "CN-K" in text
    again = chart(engineer, tmp_path / "d.svg")
    assert again.read_bytes() == svg.read_bytes()  # same comparison, same bytes
    png = chart(engineer, tmp_path / "c.png")
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert not list(tmp_path.glob(".*partial"))
    with pytest.raises(InputError):
        chart(engineer, tmp_path / "c.pdf")


def test_cli_compare(tmp_path: Path) -> None:
    out = tmp_path / "chart.svg"
    result = runner.invoke(
        app, ["compare", str(ENGINEER), "--as-of", AS_OF, "--json", "--chart", str(out)]
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["countries"] == ["CN", "US"]
    assert out.exists()
    table = runner.invoke(
        app, ["compare", str(ENGINEER), "--as-of", AS_OF, "--countries", "US", "--reasons"]
    )
    assert table.exit_code == 0, table.output
    assert "US-H-1B" in table.stdout and "CN-K" not in table.stdout
    bad = runner.invoke(app, ["compare", str(ENGINEER), "--countries", "XX"])
    assert bad.exit_code == 2 and "--countries" in bad.output
