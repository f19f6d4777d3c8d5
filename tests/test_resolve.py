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
from visarules.resolve.institutions import (
    Institution,
    InstitutionRegistry,
    default_registry,
    load_tiers,
)
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


def _ror(short: str) -> str:
    return f"https://ror.org/{short}"


def _inst(
    short: str,
    name: str,
    country: str,
    *,
    aliases: tuple[str, ...] = (),
    acronyms: tuple[str, ...] = (),
    parents: tuple[str, ...] = (),
    related: tuple[str, ...] = (),
) -> Institution:
    return Institution(
        _ror(short),
        name,
        country,
        ("education",),
        aliases=aliases,
        acronyms=acronyms,
        parents=parents,
        related=related,
    )


def _registry(*institutions: Institution, places: tuple[str, ...] = ()) -> InstitutionRegistry:
    return InstitutionRegistry(
        institutions, load_tiers(), name="test", version="0", source="test", places=places
    )


@pytest.mark.parametrize(
    ("text", "ror"),
    [
        ("University of Capetown", "03p74gp79"),
        ("Capetown University", "03p74gp79"),
        ("Hongkong University", "02zhqgq86"),
        ("Newyork University", "0190ak572"),
        ("Telaviv University", "04mhzgx49"),
        ("University ofTokyo", "057zh3y96"),
        ("Fu Dan University", "013q1eq08"),
        ("Zhe Jiang University", "00a2xv884"),
        ("Sun Yatsen University", "0064kty71"),
    ],
)
def test_words_joined_or_split(text: str, ror: str) -> None:
    result = REGISTRY.resolve(text)
    assert result.match is not None and result.match.institution.id == _ror(ror), result.to_dict()
    assert result.note is not None and result.note.startswith("read as")


@pytest.mark.parametrize(
    ("text", "ror"),
    [
        ("NIT Trichy", "047x65e68"),
        ("NIT Tiruchirappalli", "047x65e68"),
        ("National Institute of Technology Trichy", "047x65e68"),
        ("Indian Institute of Technology Chennai", "03v0r5n49"),
        ("IISc Bengaluru", "04dese585"),
        ("Peking Normal University", "022k4wk35"),
        ("Canton University", "05ar8rn06"),
        ("University of Milano", "00wjc7c48"),
        ("Technical University of München", "02kkvpp62"),
    ],
)
def test_other_names_of_a_place(text: str, ror: str) -> None:
    result = REGISTRY.resolve(text)
    assert result.match is not None and result.match.institution.id == _ror(ror), result.to_dict()


def test_a_place_renamed_names_only_its_own_country() -> None:
    # Madras is Chennai in India; a Madras elsewhere is not reached by that name
    assert (
        _registry(_inst("9000000c1", "University of Madras", "IN"))
        .resolve("University of Chennai")
        .match
    )
    abroad = _registry(_inst("9000000c1", "University of Madras", "US"))
    assert abroad.resolve("University of Chennai").match is None


def test_a_respelling_finds_only_names_that_hold_it() -> None:
    # "Milan" for "Milano" is closer to "Pavia" than "Milano" is: no reason to match Pavia
    reg = _registry(
        _inst("9000000d1", "Università degli Studi di Pavia", "IT"),
        _inst("9000000d2", "Politecnico di Milano", "IT"),
        _inst("9000000d3", "Milan Conservatory", "IT"),
    )
    assert reg.resolve("Università degli Studi di Milano").match is None


def test_a_main_campus_wins_over_its_branch() -> None:
    result = REGISTRY.resolve("HKUST")  # ROR: related, "… (Guangzhou)" named after it
    assert result.match is not None and result.match.institution.id == _ror("00q4vv597")
    assert [c.institution.id for c in result.candidates] == [_ror("050h0vm43")]
    assert result.note is not None
    branch = REGISTRY.resolve("HKUST", "CN").match
    assert branch is not None and branch.institution.id == _ror("050h0vm43")


def test_the_branch_rule_needs_ror_to_link_them() -> None:
    main = _inst("9000000a1", "Westbridge University", "NZ", acronyms=("WU",))
    campus = _inst(
        "9000000a2", "Westbridge University (Lakeside)", "AU", acronyms=("WU",), related=(main.id,)
    )
    unit = _inst("9000000a3", "Westbridge Mining Lab", "NZ", acronyms=("WU",), parents=(main.id,))
    found = _registry(main, campus, unit).resolve("WU").match
    assert found is not None and found.institution.id == main.id
    # named after another but not linked to it: two colleges, not a campus
    college = _inst("9000000b1", "Sacred Heart College", "IN")
    other = _inst(
        "9000000b2", "Sacred Heart College (Autonomous)", "IN", aliases=("Sacred Heart College",)
    )
    assert _registry(college, other).resolve("Sacred Heart College").reason == "ambiguous"
    # linked but not named after it
    lakeside = _inst("9000000b3", "Lakeside University", "NZ", acronyms=("LU",))
    northfield = _inst(
        "9000000b4", "Northfield College", "NZ", acronyms=("LU",), related=(lakeside.id,)
    )
    assert _registry(lakeside, northfield).resolve("LU").reason == "ambiguous"


def test_one_distinctive_word() -> None:
    # Sorbonne Université, but Panthéon-Sorbonne too: ambiguous, both listed
    result = REGISTRY.resolve("Sorbonne")
    assert result.match is None and result.reason == "ambiguous"
    ids = [c.institution.id for c in result.candidates]
    assert ids[0] == _ror("02en5vm52") and _ror("002t25c44") in ids
    # all of a name ("Weizmann Institute") but for "institute", and in no other name
    found = REGISTRY.resolve("Weizmann").match
    assert found is not None and found.institution.id == _ror("0316ej306")
    # a place alone is not an institution, even when one university alone is named after it
    for place, ror in [("Oxford", "052gg0110"), ("Lagos", "05rk03822")]:
        result = REGISTRY.resolve(place)
        assert result.match is None and result.candidates[0].institution.id == _ror(ror)
    assert REGISTRY.resolve("Michigan").reason == "ambiguous"  # Michigan State holds it too


def test_one_word_on_a_registry_of_our_own() -> None:
    main = _inst("9000000e1", "Northfield University", "NZ")
    hospital = _inst("9000000e2", "Northfield University Hospital", "NZ", parents=(main.id,))
    found = _registry(main, hospital).resolve("Northfield").match  # its own unit is no rival
    assert found is not None and found.institution.id == main.id
    assert _registry(main, hospital, places=("Northfield",)).resolve("Northfield").match is None
    trust = _inst("9000000e3", "Northfield Mining Trust", "NZ")
    assert _registry(main, trust).resolve("Northfield").reason == "ambiguous"
    # one word names no institution in another country than the one given
    assert _registry(main).resolve("Northfield", "AU").match is None
    # "foundation" stays in the name: "Lakeside" is not the Lakeside Foundation
    foundation = _inst("9000000e4", "Lakeside Foundation", "NZ")
    assert _registry(foundation).resolve("Lakeside").match is None


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
    assert "gottingen" in reg.places  # the records' cities
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
    # ROR relates the Guangzhou campus to HKUST: the main campus wins
    hkust = reg.resolve("HKUST").match
    assert hkust is not None and hkust.institution.id == "https://ror.org/00q4vv597"
