"""Profiles as tables: the form every facts computation starts from, for one person or millions.

A profile becomes one row of ``persons`` (its scalar fields, by profile path) and rows of item
tables (``education``, ``employment``, ``languages``, ``family``), with typed, validated
values: dates as normalised text (``1999-03``), booleans, numbers. Validated profiles become
tables here (``from_profiles``); a batch file becomes them in ``batch.py``. Either way the same
columnar facts builder (``build.py``) reads them, so one person and a million get one answer.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import polars as pl

from visarules.engine.evaluate import ITEM, ROW
from visarules.profile import PartialDate, Profile

# Person-level fields the rules read, by profile path, with their types in the tables.
PERSON_COLUMNS: dict[str, Any] = {
    "citizenship": pl.List(pl.String),
    "birth_date": pl.String,
    "birth_year": pl.Int64,
    "former_chinese_national": pl.Boolean,
    "plan.purpose": pl.String,
    "plan.stay_days": pl.Int64,
    "plan.passport_type": pl.String,
    "plan.intended_study_days": pl.Int64,
    "plan.invitation.from": pl.String,
    "plan.work_permit": pl.String,  # A / B / C, "yes" (class not given) or "none"
    "plan.high_end_talent_confirmation": pl.Boolean,
    "plan.admission_letter": pl.Boolean,
    "plan.annual_months_in_destination": pl.Float64,
    "plan.work_region": pl.String,
    "plan.job_offer.salary.amount": pl.Float64,
    "plan.job_offer.salary.currency": pl.String,
    "plan.onward_ticket": pl.Boolean,
    "plan.arriving_from": pl.String,
    "plan.onward_to": pl.String,
    "plan.entry_port": pl.String,
    "plan.exit_port": pl.String,
    "plan.regions": pl.List(pl.String),
    "plan.media_approval": pl.Boolean,
    "plan.permanent_residence_confirmation": pl.Boolean,
    "achievements.major_international_award": pl.Boolean,  # a name counts as true
    "achievements.talent_programme": pl.Boolean,
    "achievements.patents": pl.Int64,
    # US petitions and talent categories
    "plan.job_offer": pl.Boolean,  # false: no offer; true: an offer (its fields below)
    "plan.job_offer.country": pl.String,
    "plan.job_offer.employer_type": pl.String,
    "plan.job_offer.position": pl.String,
    "plan.job_offer.wage_level": pl.String,
    "plan.job_offer.requires_bachelor": pl.Boolean,
    "plan.job_offer.field": pl.String,
    "plan.job_offer.occupation": pl.String,
    "plan.job_offer.degree_related": pl.Boolean,
    "plan.job_offer.capacity": pl.String,
    "plan.job_offer.employer_established": pl.String,
    "plan.job_offer.e_verify": pl.Boolean,
    "plan.petition_type": pl.String,
    "plan.petition_filed_on": pl.String,
    "plan.beneficiary_location": pl.String,
    "plan.valid_h1b_visa": pl.Boolean,
    "plan.consular_notification": pl.Boolean,
    "plan.in_valid_status": pl.Boolean,
    "plan.national_interest_exception": pl.Boolean,
    "plan.us_status": pl.String,
    "plan.f1_full_academic_year": pl.Boolean,
    "plan.on_post_completion_opt": pl.Boolean,
    "plan.stem_opt_extensions_used": pl.Int64,
    "plan.endeavor.national_importance": pl.Boolean,
    "plan.endeavor.well_positioned": pl.Boolean,
    "plan.endeavor.waiver_beneficial": pl.Boolean,
    "achievements.awards": pl.Boolean,  # some lesser prize (a list of names; [] = none)
    "achievements.publications": pl.Int64,
    "achievements.memberships_requiring_achievement": pl.Boolean,
    "achievements.judged_others_work": pl.Boolean,
    "achievements.media_coverage": pl.Boolean,
    "achievements.original_contributions_of_major_significance": pl.Boolean,
    "achievements.original_research_contributions": pl.Boolean,
    "achievements.critical_role_at_distinguished_organisation": pl.Boolean,
    "achievements.high_salary_relative_to_field": pl.Boolean,
    "achievements.commercial_success_in_performing_arts": pl.Boolean,
    "achievements.artistic_exhibitions": pl.Boolean,
    "achievements.exceptional_ability_criteria": pl.Int64,
}

# Item collections: the profile's list, and the fields of an item the rules read.
ITEM_COLUMNS: dict[str, tuple[str, dict[str, Any]]] = {
    "education": (
        "education",
        {
            "institution": pl.String,
            "country": pl.String,
            "field": pl.String,
            "level": pl.String,
            "completed": pl.String,
            "taught_in_chinese": pl.Boolean,
        },
    ),
    "employment": (
        "employment",
        {
            "employer": pl.String,
            "country": pl.String,
            "role": pl.String,
            "field": pl.String,
            "activity": pl.String,
            "start": pl.String,
            "end": pl.String,
            "fortune_global_500": pl.Boolean,
            "capacity": pl.String,
            "related_to_offer": pl.Boolean,
        },
    ),
    "languages": (
        "languages",
        {"language": pl.String, "test": pl.String, "level": pl.String},
    ),
    "family": (
        "family_in_destination",
        {"relation": pl.String, "status": pl.String},
    ),
}


def known_column(collection: str) -> str:
    """Whether the person's list is known (an empty list is known: none)."""
    return f"{collection}__known"


def person_schema() -> dict[str, Any]:
    return {
        ROW: pl.Int64,
        **PERSON_COLUMNS,
        **{known_column(name): pl.Boolean for name in ITEM_COLUMNS},
    }


def item_schema(collection: str) -> dict[str, Any]:
    return {ROW: pl.Int64, ITEM: pl.Int64, **ITEM_COLUMNS[collection][1]}


@dataclass
class Tables:
    """One row per person; one row per item of each collection (``_row``, ``_item``)."""

    persons: pl.DataFrame
    items: dict[str, pl.DataFrame]

    @property
    def height(self) -> int:
        return self.persons.height


def _get(data: Any, path: str) -> Any:
    for part in path.split("."):
        if not isinstance(data, dict):
            return None
        data = data.get(part)
    return data


def _flag(value: Any) -> bool | None:
    """A name or a flag: a non-empty name counts as true."""
    if isinstance(value, str):
        return bool(value.strip())
    return value  # type: ignore[no-any-return]


def _work_permit(value: Any) -> str | None:
    if value is False:
        return "none"
    if value is None:
        return None
    category: str | None = value.get("category")
    return category or "yes"


def _offer(value: Any) -> bool | None:
    """An offer (its fields are columns of their own), none (false) or not said."""
    return False if value is False else (True if value else None)


def _some(value: Any) -> bool | None:
    """A list of names: some (true), none ([] = false) or not said."""
    return None if value is None else bool(value)


def _date_text(value: Any) -> str | None:
    """A dumped partial date as its normalised text (``1999-03``)."""
    return None if value is None else str(PartialDate(**value))


# Fields whose profile form differs from their table form.
_CONVERT = {
    "plan.work_permit": _work_permit,
    "achievements.major_international_award": _flag,
    "achievements.talent_programme": _flag,
    "birth_date": _date_text,
    "plan.job_offer": _offer,
    "achievements.awards": _some,
    "plan.job_offer.employer_established": _date_text,
    "plan.petition_filed_on": _date_text,
}
# Item fields held as text in the tables (dates normalised; a language level "5" or "C1").
ITEM_TEXT = frozenset({"completed", "start", "end", "level"})


def from_profiles(profiles: Sequence[Profile]) -> Tables:
    """Validated profiles as tables (a handful, or the API's batches)."""
    person_rows: dict[str, list[Any]] = {c: [] for c in person_schema()}
    item_rows: dict[str, dict[str, list[Any]]] = {
        name: {c: [] for c in item_schema(name)} for name in ITEM_COLUMNS
    }
    for row, profile in enumerate(profiles):
        data = profile.model_dump(by_alias=True, exclude_none=True)
        person_rows[ROW].append(row)
        for path in PERSON_COLUMNS:
            value = _get(data, path)
            if value == [] and isinstance(PERSON_COLUMNS[path], pl.List):
                value = None  # no nationality, no place: not stated (a batch cell can't say [])
            person_rows[path].append(_CONVERT.get(path, lambda v: v)(value))
        for name, (field, columns) in ITEM_COLUMNS.items():
            items = getattr(profile, field)
            person_rows[known_column(name)].append(items is not None)
            for i, item in enumerate(items or []):
                item_rows[name][ROW].append(row)
                item_rows[name][ITEM].append(i)
                for column in columns:
                    value = getattr(item, column)
                    item_rows[name][column].append(
                        None if value is None else str(value) if column in ITEM_TEXT else value
                    )
    return Tables(
        persons=pl.DataFrame(person_rows, schema=person_schema()),
        items={
            name: pl.DataFrame(rows, schema=item_schema(name)) for name, rows in item_rows.items()
        },
    )
