"""The command line: contract output, and bad input as one line with exit status 2."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from visarules import contract
from visarules.cli import app

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = str(ROOT / "examples" / "iit_bombay_btech.yaml")
runner = CliRunner()


def run(*args: str, stdin: str | None = None):  # type: ignore[no-untyped-def]
    return runner.invoke(app, list(args), input=stdin)


def test_check_json_follows_the_contract() -> None:
    result = run("check", EXAMPLE, "--as-of", "2025-11-01", "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["as_of"] == "2025-11-01"
    assert "cn.k.well_known" in data["assumptions"]
    by_visa = {r["visa"]: r for r in data["results"]}
    k = by_visa["CN-K"]
    assert k["status"] == "eligible"
    assert k["missing"] == []
    for criterion in k["criteria"]:
        assert {"id", "text", "value", "citations"} <= set(criterion)
    assert all(r["status"] in ("eligible", "not_eligible", "undetermined") for r in data["results"])
    assert {"CN-L", "CN-M", "CN-Z", "CN-R"} <= set(by_visa)
    assert by_visa["CN-Z"]["status"] == "not_eligible"
    assert k["benefits"]["activities"]["source"] == "official_statement"


def test_check_reads_standard_input() -> None:
    result = run("check", "-", "--visa", "CN-L", "--json", stdin='{"citizenship": "FR"}')
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["results"][0]["missing"] == ["plan.purpose"]


def test_human_output_names_k_eligible() -> None:
    result = run("check", EXAMPLE, "--as-of", "2025-11-01")
    assert result.exit_code == 0
    assert "CN-K" in result.stdout and "eligible" in result.stdout


def test_explain_shows_the_tree_with_sources() -> None:
    result = run("explain", EXAMPLE, "--visa", "CN-K", "--as-of", "2025-11-01")
    assert result.exit_code == 0, result.output
    assert "cn.k.stem_degree.well_known" in result.stdout
    assert "Decree No. 814" in result.stdout


def test_points_json() -> None:
    result = run("points", EXAMPLE, "--as-of", "2025-11-01", "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert {"total", "class", "items"} <= set(data)


def test_visas_lists_every_chinese_visa() -> None:
    result = run("visas", "--country", "CN", "--json", "--as-of", "2025-11-01")
    codes = {v["visa"] for v in json.loads(result.stdout)}
    expected = "CN-C CN-D CN-F CN-G CN-J1 CN-J2 CN-K CN-L CN-M CN-Q1 CN-Q2 CN-R CN-S1 CN-S2"
    assert set((expected + " CN-X1 CN-X2 CN-Z").split()) <= codes


def test_schema_is_json_schema() -> None:
    schema = json.loads(run("schema").stdout)
    assert "citizenship" in schema["properties"] and "plan" in schema["properties"]


def test_unknown_fields_warn_but_do_not_fail(tmp_path: Path) -> None:
    path = tmp_path / "p.yaml"
    path.write_text("citizenship: IN\nfavourite_colour: blue\nplan: {purpose: tourism, mood: 3}\n")
    result = run("check", str(path), "--visa", "CN-L", "--json")
    assert result.exit_code == 0
    unknown = [
        w["path"] for w in json.loads(result.stdout)["warnings"] if w["kind"] == "unknown_field"
    ]
    assert unknown == ["favourite_colour", "plan.mood"]
    shown = " ".join(run("check", str(path), "--visa", "CN-L").stdout.split())
    assert "Warning: unknown field favourite_colour (ignored)" in shown


BAD_INPUTS = [
    ("invalid_yaml", "citizenship: [IN\n", [], "neither JSON nor valid YAML at line"),
    ("invalid_json", '{"citizenship": "IN"', [], "neither JSON nor valid YAML at line"),
    ("not_a_mapping", "- IN\n- FR\n", [], "profile: expected a mapping"),
    ("wrong_type", "plan: {stay_days: many}\n", [], "plan.stay_days"),
    ("impossible_date", "birth_date: 1997-02-30\n", [], "birth_date"),
    ("impossible_month", "education: [{completed: 2019-13}]\n", [], "education[0].completed"),
    ("bad_country", "citizenship: India\n", [], "citizenship: 'India' is not an ISO 3166-1"),
    ("bad_enum", "plan: {purpose: holiday}\n", [], "plan.purpose"),
    ("unknown_visa", "{}", ["--visa", "CN-W"], "unknown visa code 'CN-W'"),
    ("unknown_assumption", "{}", ["--assume", "cn.k.famous=yes"], "unknown assumption"),
    ("bad_assumption_value", "{}", ["--assume", "cn.k.age_limit=30"], "unknown value '30'"),
    ("bad_assume_syntax", "{}", ["--assume", "cn.k.age_limit"], "expected NAME=VALUE"),
    ("bad_as_of", "{}", ["--as-of", "2025-02-30"], "--as-of"),
]


@pytest.mark.parametrize(
    ("name", "text", "args", "message"), BAD_INPUTS, ids=[b[0] for b in BAD_INPUTS]
)
def test_bad_input_is_one_line_and_exit_2(
    tmp_path: Path, name: str, text: str, args: list[str], message: str
) -> None:
    path = tmp_path / f"{name}.yaml"
    path.write_text(text)
    result = run("check", str(path), *args)
    assert result.exit_code == 2, result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: "), result.stderr
    assert message in lines[0]
    assert "Traceback" not in result.output


def test_missing_file_is_exit_2() -> None:
    result = run("check", "/nonexistent/profile.yaml")
    assert result.exit_code == 2
    assert "no such file" in result.stderr


def test_a_real_process_prints_no_traceback(tmp_path: Path) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text("birth_date: 1997-02-30\n")
    done = subprocess.run(
        [sys.executable, "-m", "visarules", "check", str(path)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 2
    assert done.stderr.strip().count("\n") == 0
    assert "Traceback" not in done.stderr


def test_the_readme_tables_of_fields_and_visas_are_current() -> None:
    readme = (ROOT / "README.md").read_text("utf-8")
    for name, table in (
        ("fields", contract.fields_markdown()),
        ("visas", contract.visas_markdown()),
    ):
        start, end = f"<!-- {name}:start -->\n", f"<!-- {name}:end -->"
        assert readme.split(start)[1].split(end)[0] == table, (
            f"README {name} table is stale: run `visarules {'schema' if name == 'fields' else 'visas'} --markdown`"
        )


def test_every_field_a_rule_reads_is_in_the_table() -> None:
    listed = {f["path"] for f in contract.fields()}
    from visarules.facts import ITEM_FACTS, PERSON_FACTS

    for fact in [*PERSON_FACTS, *(f for facts in ITEM_FACTS.values() for f in facts)]:
        for source in fact.sources:
            assert source in listed, f"{fact.name} reads {source}, which the profile lacks"
