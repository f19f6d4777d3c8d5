"""The profile: what we know about a person and their plan. Every field is optional.

Absent or null means unknown; ``false``, ``0`` and ``[]`` mean known to be none.
Unknown fields are kept aside and reported as warnings, never fatal, so that
outside tools can send richer records (CONTRACT.md).
"""

from __future__ import annotations

import calendar
import re
from datetime import date
from typing import Annotated, Any, Literal

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
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str):
        raise ValueError("expected a date: YYYY, YYYY-MM or YYYY-MM-DD")
    match = _PARTIAL.match(value.strip())
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


Partial = Annotated[PartialDate | None, BeforeValidator(_partial_date)]


_ISO2 = re.compile(r"^[A-Z]{2}$")


def _country(value: Any) -> Any:
    if not isinstance(value, str) or not _ISO2.match(value.strip().upper()):
        raise ValueError(f"expected a two-letter ISO 3166-1 country code such as IN, got {value!r}")
    return value.strip().upper()


def _upper(value: Any) -> Any:
    return value.strip().upper() if isinstance(value, str) else value


CountryCode = Annotated[str, BeforeValidator(_country)]


def _one_or_many(value: Any) -> Any:
    return [value] if isinstance(value, str) else value


class Model(BaseModel):
    model_config = ConfigDict(extra="allow", populate_by_name=True)


class Money(Model):
    amount: float = Field(ge=0)
    currency: Annotated[str, BeforeValidator(_upper), Field(pattern=r"^[A-Z]{3}$")]


class Education(Model):
    institution: str | None = None
    country: CountryCode | None = None
    field: str | None = None
    # associate | bachelor | master | doctorate | other, or free text ("B.Tech", "硕士")
    level: str | None = None
    completed: Partial = None
    taught_in_chinese: bool | None = None  # China's points table gives points for it


Activity = Literal["research", "teaching", "industry", "other"]


class Employment(Model):
    employer: str | None = None
    country: CountryCode | None = None
    role: str | None = None
    field: str | None = None
    activity: Activity | None = None
    start: Partial = None
    end: Partial = None  # null = current
    annual_salary: Money | None = None
    fortune_global_500: bool | None = None  # China's points table: bonus for such experience


class LanguageSkill(Model):
    language: str
    test: str | None = None
    level: float | str | None = None


class Achievements(Model):
    major_international_award: str | bool | None = None
    awards: list[str] | None = None
    publications: int | None = Field(default=None, ge=0)
    citations: int | None = Field(default=None, ge=0)
    patents: int | None = Field(default=None, ge=0)
    memberships_requiring_achievement: bool | None = None
    judged_others_work: bool | None = None
    media_coverage: bool | None = None
    original_contributions_of_major_significance: bool | None = None
    critical_role_at_distinguished_organisation: bool | None = None
    high_salary_relative_to_field: bool | None = None
    commercial_success_in_performing_arts: bool | None = None
    artistic_exhibitions: bool | None = None
    # Selected for a Chinese talent programme (China's Category A, direct route 1)
    talent_programme: str | bool | None = None


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


class WorkPermit(Model):
    category: Literal["A", "B", "C"] | None = None


class JobOffer(Model):
    employer: str | None = None
    country: CountryCode | None = None
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
    occupation: str | None = None
    position: str | None = None
    salary: Money | None = None
    wage_level: Literal["I", "II", "III", "IV"] | None = None
    requires_bachelor: bool | None = None


class Plan(Model):
    destination: CountryCode | None = None
    purpose: Purpose | None = None
    stay_days: int | None = Field(default=None, ge=0)
    entries: Literal["single", "double", "multiple"] | None = None
    intended_study_days: int | None = Field(default=None, ge=0)
    invitation: Invitation | None = None
    # {category: A} once notified; false = no work permit; absent/null = unknown
    work_permit: WorkPermit | Literal[False] | None = None
    high_end_talent_confirmation: bool | None = None
    admission_letter: bool | None = None
    annual_months_in_destination: float | None = Field(default=None, ge=0, le=12)
    work_region: Literal["western", "northeast", "poverty_county", "other"] | None = None
    job_offer: JobOffer | None = None
    petition_type: (
        Literal["new_employment", "change_of_status", "extension", "amendment"] | None
    ) = None
    petition_filed_on: Partial = None
    beneficiary_location: Literal["outside_us", "inside_us"] | None = None
    valid_h1b_visa: bool | None = None
    consular_notification: bool | None = None
    # China-specific documents (REG-2013 Art. 7); absent = unknown
    onward_ticket: bool | None = None  # confirmed onward ticket (date and seat)
    arriving_from: CountryCode | None = None
    onward_to: CountryCode | None = None
    media_approval: bool | None = None  # approval under the foreign-media rules (J1/J2)
    permanent_residence_confirmation: bool | None = None  # MPS confirmation form (D)


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
    status: Literal["citizen", "permanent_resident", "resident_foreigner"] | None = None


class Profile(Model):
    citizenship: Annotated[list[CountryCode] | None, BeforeValidator(_one_or_many)] = None
    birth_date: Partial = None
    birth_year: int | None = Field(default=None, ge=1900, le=2200)
    education: list[Education] | None = None
    employment: list[Employment] | None = None
    languages: list[LanguageSkill] | None = None
    former_chinese_national: bool | None = None
    achievements: Achievements | None = None
    plan: Plan | None = None
    family_in_destination: list[FamilyMember] | None = None

    @model_validator(mode="after")
    def _birth_consistent(self) -> Profile:
        if (
            self.birth_date is not None
            and self.birth_year is not None
            and self.birth_date.year != self.birth_year
        ):
            raise ValueError("birth_date and birth_year disagree")
        return self


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
