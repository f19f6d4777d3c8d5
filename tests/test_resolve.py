"""Resolvers: the examples people type, bad input, and the ROR dump import."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from visarules.errors import InputError
from visarules.resolve.degrees import resolve_degree
from visarules.resolve.fields import resolve_field
from visarules.resolve.institutions import default_registry
from visarules.resolve.ror import import_dump, iter_json_array, load_imported

FIXTURE = Path(__file__).parent / "fixtures" / "ror-mini_schema_v2.json"
SAMPLE = Path(__file__).resolve().parents[2] / "shared" / "data" / "ror" / "ror-v2-sample.zip"
REGISTRY = default_registry()


@pytest.mark.parametrize(
    ("text", "country", "ror"),
    [
        ("IIT Bombay", None, "02qyf5152"),
        ("Indian Institute of Technology Bombay", "IN", "02qyf5152"),
        ("清华大学", None, "03cve4549"),
        ("清華大學", None, "03cve4549"),
        ("Univ. of Cambridge", None, "013meh722"),
        ("ETH Zürich", None, "05a28rw58"),
        ("Eidgenössische Technische Hochschule Zürich", None, "05a28rw58"),
        ("Max-Planck-Gesellschaft", None, "01hhn8329"),
        ("Stanfrod University", None, "00f54p054"),
        ("NUS", "SG", "01tgyzw49"),
        ("UCL", "GB", "02jx3x895"),
        ("中国科学院", None, "034t30j35"),
    ],
)
def test_institutions_people_type(text: str, country: str | None, ror: str) -> None:
    result = REGISTRY.resolve(text, country)
    assert result.match is not None, result.to_dict()
    assert result.match.institution.id == f"https://ror.org/{ror}"


@pytest.mark.parametrize(
    "text", ["University", "Acme Software Inc", "Wakanda University of Technology", "Tokyo"]
)
def test_no_guessing(text: str) -> None:
    assert REGISTRY.resolve(text).match is None


def test_an_ambiguous_acronym_needs_a_country() -> None:
    # "CAS": the Chinese and the Czech Academy of Sciences
    result = REGISTRY.resolve("CAS")
    assert result.match is None and result.reason == "ambiguous"
    found = REGISTRY.resolve("CAS", "CN").match
    assert found is not None and found.institution.id == "https://ror.org/034t30j35"


@pytest.mark.parametrize(
    ("text", "isced", "stem_isced", "stem_dhs"),
    [
        ("计算机科学与技术", "06", True, True),
        ("Génie électrique", "07", True, True),
        ("Maschinenbau", "07", True, True),
        ("B.Tech CSE", "06", True, True),
        ("BSc (Hons) Physics", "05", True, True),
        ("Business Analytics", "04", False, True),
        ("Architecture", "07", True, False),
        ("History", "02", False, False),
    ],
)
def test_fields(text: str, isced: str, stem_isced: bool, stem_dhs: bool) -> None:
    result = resolve_field(text)
    assert result.entry is not None and result.entry.isced_f.startswith(isced)
    assert result.stem("isced_f") is stem_isced
    assert result.stem("dhs") is stem_dhs


@pytest.mark.parametrize(
    ("text", "level"),
    [("B.Tech", 6), ("本科", 6), ("Licenciatura", 6), ("Diplom-Ingenieur", 7), ("硕士", 7),
     ("PhD", 8), ("博士", 8), ("Associate of Science", 5), ("Master of Science in Physics", 7)],
)  # fmt: skip
def test_degrees(text: str, level: int) -> None:
    assert resolve_degree(text).isced_level == level


def test_a_school_diploma_is_known_not_to_be_a_degree() -> None:
    result = resolve_degree("High School Diploma")
    assert result.isced_level is None and result.tertiary is False
    assert resolve_degree("Diploma").tertiary is None  # could be anything: unknown


ODD_TEXT = st.one_of(
    st.text(max_size=50),
    st.text(alphabet=st.characters(codec="utf-8"), min_size=1000, max_size=10_000),
    st.text(alphabet=st.sampled_from("\x00\x07\x1b\u200b\u202e\ufeff \t\n"), max_size=30),
    st.text(alphabet=st.sampled_from("😀🎓🏫大学Univ."), max_size=30),
)


@settings(max_examples=150, deadline=None)
@given(ODD_TEXT, st.sampled_from([None, "CN", "US", "XX"]))
def test_odd_input_never_raises(text: str, country: str | None) -> None:
    REGISTRY.resolve(text, country)
    resolve_field(text)
    resolve_degree(text)


@pytest.mark.parametrize(
    "text", ["", " ", "-", "x" * 10_000, "\x00\x01", "😀🎓", "大学 University 大学"]
)
def test_bad_strings_are_no_match(text: str) -> None:
    assert REGISTRY.resolve(text).match is None


def test_streamed_json_array_reads_every_record(tmp_path: Path) -> None:
    path = tmp_path / "a.json"
    path.write_text(json.dumps([{"n": i, "text": "x" * 1000} for i in range(3000)]))
    with path.open() as handle:
        assert [r["n"] for r in iter_json_array(handle)] == list(range(3000))


def test_import_of_our_fixture(tmp_path: Path) -> None:
    archive = tmp_path / "ror-mini.zip"
    with zipfile.ZipFile(archive, "w") as z:
        z.write(FIXTURE, FIXTURE.name)
    described = import_dump(str(archive), str(tmp_path / "index"))
    assert described["records"] == 4 and described["skipped_withdrawn"] == 1
    reg = load_imported(str(tmp_path / "index"))
    found = reg.resolve("Max-Planck-Institut für imaginäre Flüssigkeiten")
    assert found.match and found.match.institution.id == "https://ror.org/9000000a1"
    # an institute of a national research organisation inherits its tier
    assert "national_research_organisation" in found.match.institution.tiers
    assert reg.resolve("西桥高地大学").match.institution.name == "Westbridge Heights University"  # type: ignore[union-attr]
    assert reg.resolve("WHU", "NZ").match is not None
    assert reg.resolve("Westbridge College of Mines").match.institution.status == "inactive"  # type: ignore[union-attr]
    assert reg.resolve("Duplicate of Westbridge Heights University").match is None or (
        reg.resolve("Duplicate of Westbridge Heights University").match.institution.id  # type: ignore[union-attr]
        != "https://ror.org/9000000d4"
    )


def test_import_rejects_what_is_not_a_dump(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"not": "an array"}')
    with pytest.raises(InputError, match="not a ROR JSON dump"):
        import_dump(str(bad), str(tmp_path / "index"))
    v1 = tmp_path / "v1.json"
    v1.write_text('[{"id": "https://ror.org/x", "name": "Old schema"}]')
    with pytest.raises(InputError, match="schema v2"):
        import_dump(str(v1), str(tmp_path / "index"))


@pytest.mark.skipif(
    not SAMPLE.is_file(), reason="the shared ROR sample dump is not beside the repo"
)
def test_import_of_the_published_sample(tmp_path: Path) -> None:
    described = import_dump(str(SAMPLE), str(tmp_path / "index"))
    assert described["records"] + described["skipped_withdrawn"] == 13_503
    reg = load_imported(str(tmp_path / "index"))
    found = reg.resolve("Stanford University")
    assert found.match and "world_top_100" in found.match.institution.tiers
