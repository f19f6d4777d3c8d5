"""The profile: what we know about a person and their plan. Every field is optional.

Absent or null means unknown; ``false``, ``0`` and ``[]`` mean known to be none.
Unknown fields are kept aside and reported as warnings, never fatal, so that
outside tools can send richer records (CONTRACT.md).
"""

from __future__ import annotations

import calendar
import re
from datetime import date
from typing import Annotated, Any, Literal, get_args

import pycountry
from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, model_validator


class PartialDate(BaseModel):
    """A date known to the year, the month or the day: ``2019``, ``2019-06``, ``2019-06-30``."""

    model_config = ConfigDict(frozen=True)

    year: int
    month: int | None = None
    day: int | None = None

    @property
    def earliest(self) -> date:
        return date(self.year, self.month or 1, self.day or 1)

    @property
    def latest(self) -> date:
        month = self.month or 12
        return date(self.year, month, self.day or calendar.monthrange(self.year, month)[1])

    def __str__(self) -> str:
        parts = [f"{self.year:04d}"]
        if self.month:
            parts.append(f"{self.month:02d}")
            if self.day:
                parts.append(f"{self.day:02d}")
        return "-".join(parts)


_PARTIAL = re.compile(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$")


def _partial_date(value: Any) -> Any:
    if value is None or isinstance(value, PartialDate):
        return value
    if isinstance(value, date):
        return PartialDate(year=value.year, month=value.month, day=value.day)
    if isinstance(value, dict) and set(value) <= {"year", "month", "day"} and "year" in value:
        parts = [value.get(k) for k in ("year", "month", "day")]
        if not all(p is None or (isinstance(p, int) and not isinstance(p, bool)) for p in parts):
            raise ValueError("year, month and day must be whole numbers")
        if parts[2] is not None and parts[1] is None:
            raise ValueError("a day needs a month")
        value = "-".join(
            f"{p:02d}" if i else f"{p:04d}" for i, p in enumerate(parts) if p is not None
        )
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str):
        raise ValueError("expected a date: YYYY, YYYY-MM or YYYY-MM-DD")
    match = _PARTIAL.match(value.strip())
    if match is None and value.strip().lstrip("-").isdigit():
        raise ValueError(f"{value!r}: year out of range")
    if not match:
        raise ValueError(f"{value!r} is not a date: expected YYYY, YYYY-MM or YYYY-MM-DD")
    year, month, day = (int(g) if g else None for g in match.groups())
    assert year is not None
    if month is not None and not 1 <= month <= 12:
        raise ValueError(f"{value!r}: month {month} does not exist")
    if day is not None:
        assert month is not None
        last = calendar.monthrange(year, month)[1]
        if not 1 <= day <= last:
            raise ValueError(f"{value!r}: day {day} does not exist in {year}-{month:02d}")
    if not 1900 <= year <= 2200:
        raise ValueError(f"{value!r}: year {year} is out of range")
    return PartialDate(year=year, month=month, day=day)


# What a date may be written as, for the JSON Schema: text, a year, or the object form.
DateInput = (
    Annotated[str, Field(pattern=r"^\s*\d{4}(-\d{1,2}(-\d{1,2})?)?\s*$")]
    | Annotated[int, Field(ge=1900, le=2200)]
    | PartialDate
    | None
)
Partial = Annotated[
    PartialDate | None, BeforeValidator(_partial_date, json_schema_input_type=DateInput)
]


class Iso3166:
    """Marks a field holding ISO 3166-1 alpha-2 codes: the input boundary (io.py) reads the
    common stand-ins (UK for GB) and says so before the model checks the code."""


def _country(value: Any) -> Any:
    code = value.strip().upper() if isinstance(value, str) else None
    if code is None or len(code) != 2 or pycountry.countries.get(alpha_2=code) is None:
        raise ValueError(f"{value!r} is not an ISO 3166-1 alpha-2 country code (e.g. IN, GB)")
    return code


def _upper(value: Any) -> Any:
    return value.strip().upper() if isinstance(value, str) else value


CountryText = Annotated[str, Field(pattern=r"^\s*[A-Za-z]{2}\s*$")]
CountryCode = Annotated[
    str, BeforeValidator(_country, json_schema_input_type=CountryText), Iso3166()
]


def _one_or_many(value: Any) -> Any:
    return [value] if isinstance(value, str) else value


class Model(BaseModel):
    # Attribute docstrings are the field descriptions of the JSON Schema and of the table of
    # fields (`visarules schema --markdown`).
    model_config = ConfigDict(extra="allow", populate_by_name=True, use_attribute_docstrings=True)


class Money(Model):
    amount: float = Field(ge=0)
    """Amount in the currency's units."""
    currency: Annotated[
        str,
        BeforeValidator(
            _upper, json_schema_input_type=Annotated[str, Field(pattern=r"^\s*[A-Za-z]{3}\s*$")]
        ),
        Field(pattern=r"^[A-Z]{3}$"),
    ]
    """ISO 4217 code, e.g. CNY, USD, EUR."""


class Education(Model):
    institution: str | None = None
    """University or research institution, as written, in any language."""
    country: CountryCode | None = None
    """Country of the institution (helps resolution)."""
    field: str | None = None
    """Field of study, as written, in any language."""
    level: str | None = None
    """associate, bachelor, master, doctorate or other, or free text ("B.Tech", "硕士")."""
    completed: Partial = None
    """Year, year-month or date; absent or in the future means not completed."""
    taught_in_chinese: bool | None = None
    """Taught in Chinese (China's points table); absent: inferred false outside mainland China,
    Hong Kong, Macao and Taiwan."""


Activity = Literal["research", "teaching", "industry", "other"]


class Employment(Model):
    employer: str | None = None
    """Employer, as written; universities and research institutions resolve to the registry."""
    country: CountryCode | None = None
    """Country where the job is (or was)."""
    role: str | None = None
    """Job title, e.g. "postdoctoral researcher"."""
    field: str | None = None
    """Field of the work, as written."""
    activity: Activity | None = None
    """research, teaching, industry or other."""
    start: Partial = None
    """Start date (year, year-month or date)."""
    end: Partial = None
    """End date; absent or null means current."""
    annual_salary: Money | None = None
    """Annual salary in this job."""
    fortune_global_500: bool | None = None
    """The employer is a Fortune Global 500 company (China's points table bonus)."""
    capacity: Literal["managerial", "executive", "other"] | None = None
    """managerial, executive or other (US EB-1C: the capacity abroad)."""
    related_to_offer: bool | None = None
    """This employer is the employer offering the job in the destination, or its parent,
    branch, subsidiary or affiliate (US EB-1C)."""


class LanguageSkill(Model):
    language: str
    """Language, e.g. zh or en."""
    test: str | None = None
    """Test taken, e.g. HSK or IELTS."""
    level: float | str | None = None
    """Level or score obtained, e.g. 5 or 7.5."""


class Achievements(Model):
    major_international_award: str | bool | None = None
    """The award's name (e.g. Nobel Prize in Physics); false = none."""
    awards: list[str] | None = None
    """Lesser nationally or internationally recognised prizes, by name."""
    publications: int | None = Field(default=None, ge=0)
    """Number of publications."""
    citations: int | None = Field(default=None, ge=0)
    """Number of citations of the person's work."""
    patents: int | None = Field(default=None, ge=0)
    """Number of patents held."""
    memberships_requiring_achievement: bool | None = None
    """Member of associations that require outstanding achievement."""
    judged_others_work: bool | None = None
    """Has judged the work of others in the field."""
    media_coverage: bool | None = None
    """Published material about the person in major media."""
    original_contributions_of_major_significance: bool | None = None
    """Original contributions of major significance to the field."""
    critical_role_at_distinguished_organisation: bool | None = None
    """A leading or critical role at a distinguished organisation."""
    high_salary_relative_to_field: bool | None = None
    """A high salary compared with others in the field."""
    commercial_success_in_performing_arts: bool | None = None
    """Commercial success in the performing arts."""
    artistic_exhibitions: bool | None = None
    """Work displayed at artistic exhibitions."""
    talent_programme: str | bool | None = None
    """Selected for a Chinese talent programme (the programme's name; false = none)."""
    original_research_contributions: bool | None = None
    """Original scientific or scholarly research contributions to the field (US EB-1B)."""
    exceptional_ability_criteria: int | None = Field(default=None, ge=0, le=6)
    """How many of the six exceptional-ability criteria of 8 CFR 204.5(k)(3)(ii) are met."""


Purpose = Literal[
    "tourism",
    "business",
    "exchange",
    "family_visit",
    "family_reunion",
    "private",
    "study",
    "work",
    "talent",
    "transit",
    "journalism",
    "crew",
    "diplomatic",
    "official",
    "stem_exchange",
    "entrepreneurship",
    "permanent_residence",
]


class Invitation(Model):
    from_: Literal["organisation", "person", "none"] | None = Field(default=None, alias="from")
    """Who invites: organisation, person or none."""


class WorkPermit(Model):
    category: Literal["A", "B", "C"] | None = None
    """China's work-permit class (A high-end, B professional, C other)."""


class JobOffer(Model):
    employer: str | None = None
    """The employer offering the job."""
    country: CountryCode | None = None
    """Country of the job."""
    employer_type: (
        Literal[
            "company",
            "university",
            "university_affiliated_nonprofit",
            "nonprofit_research",
            "government_research",
        ]
        | None
    ) = None
    """company, university, university_affiliated_nonprofit, nonprofit_research or
    government_research."""
    occupation: str | None = None
    """Occupation, as written."""
    position: str | None = None
    """Kind of position, e.g. tenure_track or permanent_research."""
    salary: Money | None = None
    """Annual salary offered (China's points table reads it in CNY)."""
    wage_level: Literal["I", "II", "III", "IV"] | None = None
    """US OEWS wage level I to IV."""
    requires_bachelor: bool | None = None
    """The job requires a bachelor's or higher in a directly related field."""
    field: str | None = None
    """Field of the job, as written (compared with the fields of the person's degrees)."""
    degree_related: bool | None = None
    """The person's degree is in a specialty directly related to the job (US H-1B)."""
    capacity: Literal["managerial", "executive", "other"] | None = None
    """managerial, executive or other (US EB-1C)."""
    employer_established: Partial = None
    """When the employer began doing business (US EB-1C asks for one year)."""
    e_verify: bool | None = None
    """The employer is enrolled in E-Verify (US STEM OPT)."""


class Endeavor(Model):
    national_importance: bool | None = None
    """The proposed endeavor has substantial merit and national importance (prong 1)."""
    well_positioned: bool | None = None
    """The person is well positioned to advance it (prong 2)."""
    waiver_beneficial: bool | None = None
    """On balance it would benefit the US to waive the job offer and labor certification
    (prong 3)."""


PassportType = Literal["ordinary", "public_affairs", "service", "diplomatic"]


class Plan(Model):
    destination: CountryCode | None = None
    """Country of destination."""
    passport_type: PassportType | None = None
    """Passport travelled on: ordinary, public_affairs, service or diplomatic; absent means an
    ordinary passport, which any national can get."""
    purpose: Purpose | None = None
    """Purpose of the trip."""
    stay_days: int | None = Field(default=None, ge=0)
    """Intended length of stay, in days."""
    entries: Literal["single", "double", "multiple"] | None = None
    """Entries wanted: single, double or multiple."""
    intended_study_days: int | None = Field(default=None, ge=0)
    """Intended length of study, in days (study visas)."""
    invitation: Invitation | None = None
    """The invitation letter, if any."""
    work_permit: WorkPermit | Literal[False] | None = None
    """{category: A} once granted or notified; false = no work permit."""
    high_end_talent_confirmation: bool | None = None
    """Holds China's Confirmation Letter of Foreign High-end Talent (R visa)."""
    admission_letter: bool | None = None
    """Holds the school's admission notice (study visas)."""
    annual_months_in_destination: float | None = Field(default=None, ge=0, le=12)
    """Months a year the person will work there (China's points table)."""
    work_region: Literal["western", "northeast", "poverty_county", "other"] | None = None
    """Region of work in China: western, northeast, poverty_county or other (points table)."""
    job_offer: JobOffer | Literal[False] | None = None
    """The job offered in the destination; false = no job offer."""
    petition_type: (
        Literal["new_employment", "change_of_status", "extension", "amendment"] | None
    ) = None
    """US petitions: new_employment, change_of_status, extension or amendment."""
    petition_filed_on: Partial = None
    """US petitions: the filing date."""
    beneficiary_location: Literal["outside_us", "inside_us"] | None = None
    """US petitions: where the beneficiary is."""
    valid_h1b_visa: bool | None = None
    """US petitions: holds a valid H-1B visa."""
    consular_notification: bool | None = None
    """US petitions: asks for consular or port-of-entry notification."""
    in_valid_status: bool | None = None
    """US petitions: the beneficiary in the US is in valid status, so a change of status,
    extension or amendment can be granted."""
    national_interest_exception: bool | None = None
    """US H-1B: holds an exception from the Proclamation 10973 payment granted by the Secretary
    of Homeland Security; absent means none (it is granted to the person before filing)."""
    us_status: Literal["F-1", "J-1", "H-1B", "L-1", "O-1", "B-1/B-2", "other", "none"] | None = None
    """Current US immigration status (F-1 student, H-1B worker, ...; none = not in the US)."""
    f1_full_academic_year: bool | None = None
    """US F-1: lawfully enrolled full time for at least one full academic year."""
    on_post_completion_opt: bool | None = None
    """US F-1: now in a period of post-completion optional practical training."""
    stem_opt_extensions_used: int | None = Field(default=None, ge=0)
    """US F-1: STEM OPT extensions already granted (two in a lifetime at most)."""
    endeavor: Endeavor | None = None
    """US EB-2 national interest waiver: the three prongs of Matter of Dhanasar, as asserted."""
    onward_ticket: bool | None = None
    """Holds a confirmed onward ticket (fixed date and seat) to another country."""
    arriving_from: CountryCode | None = None
    """Country the person arrives from."""
    onward_to: CountryCode | None = None
    """Country or region the person travels on to."""
    entry_port: str | None = None
    """Port of entry: a code (PVG) or a name in any language (浦东, Shanghai Pudong)."""
    exit_port: str | None = None
    """Port of exit, as entry_port."""
    regions: list[str] | None = None
    """Places to be visited: provinces or cities, in any language (Sichuan, 成都, CN-SC)."""
    media_approval: bool | None = None
    """Approval under China's rules on foreign media (J1/J2 visas)."""
    permanent_residence_confirmation: bool | None = None
    """China's confirmation form of permanent-residence status (D visa)."""


Relation = Literal[
    "spouse",
    "parent",
    "child",
    "sibling",
    "grandparent",
    "grandchild",
    "parent_in_law",
    "child_in_law",
]


class FamilyMember(Model):
    """A relative living in the destination; ``relation`` is what they are to the applicant."""

    relation: Relation
    """What the relative is to the applicant: spouse, parent, child, sibling, grandparent,
    grandchild, parent_in_law or child_in_law."""
    status: Literal["citizen", "permanent_resident", "resident_foreigner"] | None = None
    """The relative's status there: citizen, permanent_resident or resident_foreigner."""


class Profile(Model):
    citizenship: Annotated[
        list[CountryCode] | None,
        BeforeValidator(
            _one_or_many, json_schema_input_type=CountryText | list[CountryText] | None
        ),
    ] = None
    """Nationalities: ISO 3166-1 alpha-2 codes; a plain string for one."""
    birth_date: Partial = None
    """Date of birth (year, year-month or date)."""
    birth_year: int | None = Field(default=None, ge=1900, le=2200)
    """Year of birth, when the date is not given."""
    education: list[Education] | None = None
    """Degrees and diplomas; [] = none."""
    employment: list[Employment] | None = None
    """Jobs, current and past; [] = none."""
    languages: list[LanguageSkill] | None = None
    """Languages and test results; [] = none."""
    former_chinese_national: bool | None = None
    """Once held Chinese nationality."""
    achievements: Achievements | None = None
    """Awards, publications and other distinctions (talent categories)."""
    plan: Plan | None = None
    """What the person wants to do in the destination."""
    family_in_destination: list[FamilyMember] | None = None
    """Relatives living in the destination; [] = none."""

    @model_validator(mode="after")
    def _birth_consistent(self) -> Profile:
        if (
            self.birth_date is not None
            and self.birth_year is not None
            and self.birth_date.year != self.birth_year
        ):
            raise ValueError("birth_date and birth_year disagree")
        return self


def _has_marker(annotation: Any) -> bool:
    if any(isinstance(m, Iso3166) for m in getattr(annotation, "__metadata__", ())):
        return True
    return any(_has_marker(arg) for arg in get_args(annotation))


def models_in(annotation: Any) -> set[type[BaseModel]]:
    """The models a field's annotation may hold (inside lists and unions)."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return {annotation}
    return {m for arg in get_args(annotation) for m in models_in(arg)}


def _country_fields(model: type[BaseModel]) -> dict[str, Any]:
    """Where the profile holds country codes: ``{field: True | {subfield: ...}}``."""
    spec: dict[str, Any] = {}
    for name, info in model.model_fields.items():
        key = info.alias or name
        if _has_marker(info.annotation):
            spec[key] = True
            continue
        for inner in models_in(info.annotation):
            if inner is not PartialDate and (sub := _country_fields(inner)):
                spec[key] = sub
    return spec


def unknown_fields(model: BaseModel, prefix: str = "") -> list[str]:
    """Paths of fields the model does not know (kept, ignored, reported as warnings)."""
    found = [f"{prefix}{name}" for name in (model.model_extra or {})]
    for name in type(model).model_fields:
        value = getattr(model, name)
        children = value if isinstance(value, list) else [value]
        for i, child in enumerate(children):
            if isinstance(child, BaseModel):
                where = f"{prefix}{name}[{i}]." if isinstance(value, list) else f"{prefix}{name}."
                found += unknown_fields(child, where)
    return found


COUNTRY_FIELDS = _country_fields(Profile)
