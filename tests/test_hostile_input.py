"""Careless and hostile input: an input error naming the field, never a traceback, a hang, a lost
file or an answer for a profile that cannot be."""

from __future__ import annotations

import json
import time
import zipfile
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from visarules import api
from visarules.cli import app
from visarules.errors import InputError
from visarules.io import Limits, check_shape, parse_document, profile_from_data
from visarules.profile import Profile
from visarules.resolve.ror import import_dump, load_imported

ROOT = Path(__file__).resolve().parents[1]
FIXTURE = ROOT / "tests" / "fixtures" / "ror-mini_schema_v2.json"
runner = CliRunner()
AS_OF = "2025-11-01"


def _cli(*args: str, stdin: str | None = None) -> Any:
    return runner.invoke(app, list(args), input=stdin)


def _one_error_line(result: Any) -> str:
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: "), result.stderr
    return str(lines[0])


# --- limits, at their edges -------------------------------------------------------------------

SMALL = Limits(max_bytes=200, max_depth=4, max_items=3, max_values=20, max_string=10, max_number=99)


@pytest.mark.parametrize(
    ("at_limit", "over_limit", "message"),
    [
        ({"a": [[[1]]]}, {"a": [[[[1]]]]}, "limit max_depth"),
        ({"a": [1, 2, 3]}, {"a": [1, 2, 3, 4]}, "limit max_items"),
        ({"a": "x" * 10}, {"a": "x" * 11}, "limit max_string"),
        ({"a": 99, "b": -99.0}, {"a": 100}, "limit max_number"),
        ({f"k{i}": 1 for i in range(19)}, {f"k{i}": 1 for i in range(20)}, "limit max_values"),
    ],
)
def test_each_limit_passes_at_its_edge_and_fails_one_over(
    at_limit: dict[str, Any], over_limit: dict[str, Any], message: str
) -> None:
    check_shape(at_limit, SMALL)
    with pytest.raises(InputError, match=message):
        check_shape(over_limit, SMALL)


def test_the_byte_limit_at_its_edge(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("VISARULES_MAX_BYTES", "40")
    path = tmp_path / "p.yaml"
    path.write_text("citizenship: IN\n" + "#" * (40 - 17) + "\n")  # exactly 40 bytes
    assert path.stat().st_size == 40
    assert _cli("check", str(path), "--visa", "CN-L").exit_code == 0
    path.write_text("citizenship: IN\n" + "#" * (40 - 16) + "\n")
    assert "limit max_bytes" in _one_error_line(_cli("check", str(path)))


def test_limits_come_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("VISARULES_MAX_ITEMS", "1")
    with pytest.raises(InputError, match=r"education: more than 1 items"):
        profile_from_data({"education": [{}, {}]})
    monkeypatch.setenv("VISARULES_MAX_ITEMS", "many")
    with pytest.raises(InputError, match="VISARULES_MAX_ITEMS"):
        Limits.from_environment()


def test_the_api_takes_limits() -> None:
    with pytest.raises(InputError, match="employment: more than 2 items"):
        api.check({"employment": [{}, {}, {}]}, as_of=AS_OF, limits=replace(Limits(), max_items=2))


# --- hangs and memory -------------------------------------------------------------------------


def test_a_yaml_alias_bomb_stops_at_the_budget() -> None:
    bomb = "a: &a [x, x, x, x, x, x, x, x, x]\n"
    for level in range(1, 12):
        bomb += f"{'abcdefghijkl'[level]}: &{'abcdefghijkl'[level]} [{', '.join(['*' + 'abcdefghijkl'[level - 1]] * 9)}]\n"
    bomb += "citizenship: *l\n"
    started = time.perf_counter()
    result = _cli("check", "-", stdin=bomb)
    assert "limit max_values" in _one_error_line(result)
    assert time.perf_counter() - started < 5


def test_half_a_million_degrees_are_refused_quickly() -> None:
    started = time.perf_counter()
    with pytest.raises(InputError, match="education: more than 200 items"):
        profile_from_data({"education": [{"level": "bachelor"}] * 500_000})
    assert time.perf_counter() - started < 2


@pytest.mark.parametrize("opener", ["[", '{"a": '])
def test_deep_nesting_is_an_error_not_a_recursion(opener: str) -> None:
    text = opener * 5_000
    with pytest.raises(InputError, match=r"nested too deeply|neither JSON nor valid YAML"):
        parse_document(text, "doc")
    yaml_text = "a:\n" + "".join("  " * i + "- \n" for i in range(1, 2_000))
    with pytest.raises(InputError):
        profile_from_data(parse_document(yaml_text, "doc"))


# --- tracebacks that were ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "field"),
    [
        ("plan: {stay_days: 9223372036854775808}", "plan.stay_days"),
        ("plan: {intended_study_days: 99999999999999999999}", "plan.intended_study_days"),
        ("achievements: {patents: 18446744073709551616}", "achievements.patents"),
        (
            "plan: {job_offer: {salary: {amount: .inf, currency: CNY}}}",
            "plan.job_offer.salary.amount",
        ),
        ('{"plan": {"job_offer": {"salary": {"amount": Infinity, "currency": "CNY"}}}}', "amount"),
        ("plan: {stay_days: " + "9" * 5000 + "}", "standard input"),
        ("1: x", "profile"),
    ],
)
def test_huge_numbers_and_odd_keys_name_the_field(text: str, field: str) -> None:
    assert field in _one_error_line(_cli("check", "-", stdin=text))


def test_a_visa_asked_twice_is_answered_once() -> None:
    result = _cli("check", "-", "--visa", "CN-K", "--visa", "cn-k", "--json", stdin="{}")
    assert result.exit_code == 0
    assert [r["visa"] for r in json.loads(result.stdout)["results"]] == ["CN-K"]


@pytest.mark.parametrize("markup", ["[/]", "[bold]x[/bold", "[link=x]y", "\\[x]"])
def test_rich_markup_in_profiles_and_paths_is_printed_as_text(tmp_path: Path, markup: str) -> None:
    folder = tmp_path / f"dir{markup.replace('/', '_')}"
    folder.mkdir()
    path = folder / "p.yaml"
    path.write_text(
        f"citizenship: IN\nfield_{len(markup)}: x\neducation: [{{institution: '{markup}', "
        f"field: '{markup}', level: '{markup}'}}]\nemployment: [{{role: '{markup}'}}]\n"
        f"plan: {{entry_port: '{markup}', regions: ['{markup}']}}\n"
    )
    for args in (("check", str(path)), ("explain", str(path), "--visa", "CN-K")):
        result = _cli(*args)
        assert result.exit_code == 0, result.output
    assert _cli("resolve", "institution", markup).exit_code == 0
    assert _cli("check", str(folder / "[/]missing.yaml")).exit_code == 2


# --- silent wrong answers that were -------------------------------------------------------------


def test_uk_is_read_as_gb_and_said_so() -> None:
    result = api.check(
        {"citizenship": "UK", "plan": {"purpose": "tourism", "stay_days": 10}},
        as_of="2026-03-01",
        visas=["CN-VISA-FREE-30"],
    )
    assert result["results"][0]["status"] == "eligible"
    mapped = [w for w in result["warnings"] if w["kind"] == "value_mapped"]
    assert mapped and mapped[0]["path"] == "citizenship" and "GB" in mapped[0]["text"]


@pytest.mark.parametrize(
    ("profile", "field"),
    [
        ({"citizenship": "ZZ"}, "citizenship"),
        ({"citizenship": ["IN", "XX"]}, "citizenship[1]"),
        ({"plan": {"onward_to": "QQ"}}, "plan.onward_to"),
        ({"education": [{"country": "EU"}]}, "education[0].country"),
    ],
)
def test_unknown_country_codes_are_refused(profile: dict[str, Any], field: str) -> None:
    with pytest.raises(InputError) as caught:
        api.check(profile, as_of=AS_OF)
    assert caught.value.where == field


def test_norway_is_not_false() -> None:
    result = _cli("check", "-", "--json", "--visa", "CN-VISA-FREE-30", stdin="citizenship: NO\n")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["results"][0]["visa"] == "CN-VISA-FREE-30"
    assert parse_document("a: NO\nb: yes\nc: off\nd: true\ne: 012\n", "x") == {
        "a": "NO",
        "b": "yes",
        "c": "off",
        "d": True,
        "e": 12,
    }


K_GRADUATE = {
    "citizenship": "IN",
    "education": [
        {"institution": "IIT Bombay", "field": "Computer Science", "level": "bachelor",
         "completed": "2021-06"}
    ],
}  # fmt: skip


@pytest.mark.parametrize(
    ("changes", "fields"),
    [
        ({"birth_date": "2030-01-01"}, "birth_date"),
        ({"birth_date": "2022-01-01"}, "education[0].completed, birth_date"),
        ({"birth_year": 2015}, "education[0].completed, birth_year"),
        (
            {"employment": [{"start": "2020-05", "end": "2019-01"}]},
            "employment[0].end, employment[0].start",
        ),
        (
            {"birth_date": "1999-01-01", "employment": [{"start": "1990"}]},
            "employment[0].start, birth_date",
        ),
    ],
)
def test_an_impossible_profile_is_an_error_naming_both_fields(
    changes: dict[str, Any], fields: str
) -> None:
    with pytest.raises(InputError) as caught:
        api.check({**K_GRADUATE, **changes}, as_of=AS_OF, visas=["CN-K"])
    assert caught.value.where == fields


def test_a_possible_profile_still_gets_its_answer() -> None:
    profile = {**K_GRADUATE, "birth_date": "1999-03-14"}
    assert api.check(profile, as_of=AS_OF, visas=["CN-K"])["results"][0]["status"] == "eligible"


# --- warnings that vanished --------------------------------------------------------------------


def test_unknown_fields_reach_programs() -> None:
    result = api.check({"birthdate": "1990", "educaton": [], "plan": {"mood": 1}}, as_of=AS_OF)
    unknown = [w["path"] for w in result["warnings"] if w["kind"] == "unknown_field"]
    assert unknown == ["birthdate", "educaton", "plan.mood"]


# --- unclear messages and valid input refused ---------------------------------------------------


def test_a_yaml_flow_mapping_is_yaml() -> None:
    result = _cli("check", "-", "--visa", "CN-L", "--json", stdin="{citizenship: IN}")
    assert result.exit_code == 0, result.output


def test_a_directory_is_said_to_be_one(tmp_path: Path) -> None:
    assert "is a directory" in _one_error_line(_cli("check", str(tmp_path)))


@pytest.mark.parametrize(
    ("text", "path"),
    [
        ("languages: [{language: zh, level: [1]}]", "languages[0].level:"),
        ("plan: {work_permit: {category: D}}", "plan.work_permit.category:"),
    ],
)
def test_error_paths_name_fields_not_types(text: str, path: str) -> None:
    line = _one_error_line(_cli("check", "-", stdin=text))
    assert path in line and ".float" not in line and "WorkPermit" not in line


def test_the_schema_accepts_the_date_object_form() -> None:
    profile = profile_from_data({"birth_date": {"year": 1999, "month": 3, "day": 14}}).profile
    assert str(profile.birth_date) == "1999-03-14"


def _schema() -> dict[str, Any]:
    return Profile.model_json_schema(by_alias=True)


def _profiles() -> list[Any]:
    found = [yaml.safe_load((ROOT / "examples" / "iit_bombay_btech.yaml").read_text())]
    for path in sorted((ROOT / "tests" / "cases").rglob("*.yaml")):
        doc = parse_document(path.read_text("utf-8"), str(path))
        found += [case["profile"] for key in ("cases", "points") for case in doc.get(key, [])]
    return [pytest.param(p, id=str(i)) for i, p in enumerate(found)]


def _as_json(value: Any) -> Any:
    return json.loads(json.dumps(value, default=lambda d: d.isoformat()))


@pytest.mark.parametrize("profile", _profiles())
def test_the_schema_accepts_the_example_and_every_case(profile: Any) -> None:
    jsonschema.validate(_as_json(profile or {}), _schema())


@pytest.mark.parametrize(
    "profile",
    [
        {"citizenship": 5},
        {"birth_date": "14 March 1999"},
        {"plan": {"purpose": "holiday"}},
        {"plan": {"job_offer": {"salary": {"amount": -1, "currency": "EUR"}}}},
        {"education": {"level": "bachelor"}},
    ],
)
def test_the_schema_and_the_model_refuse_alike(profile: dict[str, Any]) -> None:
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(profile, _schema())
    with pytest.raises(InputError):
        profile_from_data(profile)


# --- the Python API -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("call", "where"),
    [
        (lambda: api.check(None), "profile"),  # type: ignore[arg-type]
        (lambda: api.check("citizenship: IN"), "profile"),  # type: ignore[arg-type]
        (lambda: api.check({}, as_of=20251101), "--as-of"),  # type: ignore[arg-type]
        (lambda: api.check({}, assume=["cn.k.age_limit=45"]), "--assume"),  # type: ignore[arg-type]
        (lambda: api.check({}, visas=[1]), "--visa"),  # type: ignore[list-item]
        (lambda: api.points([]), "profile"),  # type: ignore[arg-type]
        (lambda: api.explain(3, "CN-K"), "profile"),  # type: ignore[arg-type]
    ],
)
def test_the_api_raises_input_errors_only(call: Any, where: str) -> None:
    with pytest.raises(InputError) as caught:
        call()
    assert caught.value.where == where


def test_the_api_takes_python_dates() -> None:
    profile = {**K_GRADUATE, "birth_date": date(1999, 3, 14)}
    assert api.check(profile, as_of=date(2025, 11, 1), visas="CN-K")["results"][0]["status"] == (
        "eligible"
    )


# --- hostile documents, generated ---------------------------------------------------------------

_scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(2**70), max_value=2**70),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=30),
    st.sampled_from(["IN", "UK", "ZZ", "NO", "[/]", "\x00\x1b[31m", "1997-02-30", "2019-13"]),
)
_keys = st.sampled_from(
    ["citizenship", "birth_date", "education", "employment", "plan", "purpose", "stay_days",
     "level", "completed", "institution", "start", "end", "amount", "currency", "salary",
     "job_offer", "languages", "achievements", "patents", "unknown", "x" * 40]
)  # fmt: skip
_documents = st.recursive(
    _scalars,
    lambda inner: st.one_of(st.lists(inner, max_size=5), st.dictionaries(_keys, inner, max_size=6)),
    max_leaves=40,
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_documents)
def test_any_document_is_an_answer_or_one_input_error(document: Any) -> None:
    started = time.perf_counter()
    try:
        result = api.check(document, as_of=AS_OF, visas=["CN-K", "CN-VISA-FREE-30"])
    except InputError as err:
        assert err.where, err  # names where the problem is
    else:
        assert {r["status"] for r in result["results"]} <= {
            "eligible",
            "not_eligible",
            "undetermined",
        }
    assert time.perf_counter() - started < 5


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_documents)
def test_any_file_is_exit_0_or_one_line_and_exit_2(document: Any) -> None:
    text = json.dumps(document, allow_nan=True) if not isinstance(document, str) else document
    result = _cli("check", "-", "--visa", "CN-K", stdin=text)
    if result.exit_code != 0:
        _one_error_line(result)


# --- registry import: atomic, never destroying ---------------------------------------------------


@pytest.fixture
def dump(tmp_path: Path) -> Path:
    archive = tmp_path / "ror-mini.zip"
    with zipfile.ZipFile(archive, "w") as z:
        z.write(FIXTURE, FIXTURE.name)
    return archive


def _names(folder: Path) -> set[str]:
    return {p.name for p in folder.iterdir()}


def test_import_into_a_new_folder_then_replace_it(tmp_path: Path, dump: Path) -> None:
    index = tmp_path / "index"
    import_dump(str(dump), str(index))
    import_dump(str(dump), str(index))  # an index of ours is replaced whole
    assert _names(index) == {"meta.json", "institutions.parquet", "keys.parquet"}
    assert _names(tmp_path) == {"index", "ror-mini.zip"}  # nothing left beside it


def test_import_refuses_a_folder_holding_other_files(tmp_path: Path, dump: Path) -> None:
    folder = tmp_path / "mine"
    folder.mkdir()
    (folder / "thesis.tex").write_text("precious")
    (folder / "sub").mkdir()
    with pytest.raises(InputError, match="--force"):
        import_dump(str(dump), str(folder))
    assert (folder / "thesis.tex").read_text() == "precious" and (folder / "sub").is_dir()
    assert _names(tmp_path) == {"mine", "ror-mini.zip"}
    import_dump(str(dump), str(folder), force=True)  # asked for: replaced
    assert _names(folder) == {"meta.json", "institutions.parquet", "keys.parquet"}


def test_import_into_an_empty_folder(tmp_path: Path, dump: Path) -> None:
    (tmp_path / "empty").mkdir()
    import_dump(str(dump), str(tmp_path / "empty"))
    assert load_imported(str(tmp_path / "empty")).institutions


def test_import_refuses_a_file_and_the_current_folder(
    tmp_path: Path, dump: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "notes.txt"
    target.write_text("keep me")
    with pytest.raises(InputError, match="is a file"):
        import_dump(str(dump), str(target), force=True)
    assert target.read_text() == "keep me"
    monkeypatch.chdir(tmp_path)
    for out in (".", str(tmp_path), str(tmp_path.parent)):
        with pytest.raises(InputError, match="current folder"):
            import_dump(str(dump), out, force=True)
    assert (tmp_path / "notes.txt").read_text() == "keep me"


def test_an_interrupted_import_leaves_the_old_index_and_nothing_else(
    tmp_path: Path, dump: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    index = tmp_path / "index"
    import_dump(str(dump), str(index))
    before = (index / "meta.json").read_text()
    import polars as pl

    def fail(*args: Any, **kwargs: Any) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(pl.DataFrame, "write_parquet", fail)
    with pytest.raises(KeyboardInterrupt):
        import_dump(str(dump), str(index))
    assert (index / "meta.json").read_text() == before
    assert _names(tmp_path) == {"index", "ror-mini.zip"}


def test_a_damaged_zip_is_an_input_error(tmp_path: Path) -> None:
    archive = tmp_path / "bad-crc.zip"
    with zipfile.ZipFile(archive, "w", compression=zipfile.ZIP_STORED) as z:
        z.writestr("v2-ror-data_schema_v2.json", FIXTURE.read_text())
    data = bytearray(archive.read_bytes())
    middle = data.index(b'"names"') + 2
    data[middle] ^= 0xFF  # flip a byte of the stored JSON: the CRC no longer matches
    archive.write_bytes(bytes(data))
    with pytest.raises(InputError, match=r"damaged file|not a ROR"):
        import_dump(str(archive), str(tmp_path / "index"))
    assert not (tmp_path / "index").exists()
    assert _names(tmp_path) == {"bad-crc.zip"}


@pytest.mark.parametrize(
    "record",
    [
        {"id": "x", "names": "Westbridge"},
        {"id": "x", "names": [{"types": ["ror_display"], "value": "W"}], "locations": "here"},
        {"id": "x", "names": [5]},
        {"names": [{"value": "W"}]},
    ],
)
def test_records_of_the_wrong_shape_are_input_errors(tmp_path: Path, record: Any) -> None:
    path = tmp_path / "dump.json"
    path.write_text(json.dumps([record]))
    with pytest.raises(InputError, match="record 0"):
        import_dump(str(path), str(tmp_path / "index"))


@pytest.mark.parametrize("damage", ["meta", "parquet", "missing"])
def test_a_damaged_registry_folder_is_exit_2(tmp_path: Path, dump: Path, damage: str) -> None:
    index = tmp_path / f"index-{damage}"
    import_dump(str(dump), str(index))
    if damage == "meta":
        (index / "meta.json").write_text("{not json")
    elif damage == "parquet":
        (index / "institutions.parquet").write_bytes(b"PAR1 broken")
    else:
        (index / "keys.parquet").unlink()
    profile = tmp_path / "p.yaml"
    profile.write_text("education: [{institution: Westbridge Heights University}]\n")
    line = _one_error_line(_cli("check", str(profile), "--registry", str(index)))
    assert "registry" in line


def test_the_import_command_refuses_in_one_line(tmp_path: Path, dump: Path) -> None:
    (tmp_path / "keep").mkdir()
    (tmp_path / "keep" / "a.txt").write_text("x")
    line = _one_error_line(_cli("registry", "import", str(dump), "--out", str(tmp_path / "keep")))
    assert "--force" in line
