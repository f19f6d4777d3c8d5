"""The facts: the columns rules read, each tied to the profile path it comes from.

One row per person (``PERSON_FACTS``) and one per item of each collection (``ITEM_FACTS``);
null is unknown. ``build.py`` computes them from the tables of profiles; rules never parse
strings.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import polars as pl

from visarules.engine.evaluate import ITEM, ROW
from visarules.engine.facts import Collection, Fact
from visarules.resolve.places import CITY_REGIONS

EDUCATION = Collection("education", "education", "degrees and diplomas")
EMPLOYMENT = Collection("employment", "employment", "jobs, current and past")
FAMILY = Collection("family", "family_in_destination", "relatives living in the destination")

# The profile's level words (CONTRACT.md). "other" names no level: unknown, not "no degree".
LEVEL_WORDS: dict[str, int | None] = {
    "associate": 5,
    "bachelor": 6,
    "master": 7,
    "doctorate": 8,
    "other": None,
}


def _range_known(low: str, high: str) -> pl.Expr:
    return pl.col(low).is_not_null() & (pl.col(low) == pl.col(high))


def _fact(name: str, path: str, dtype: Any, description: str, **kw: Any) -> Fact:
    return Fact(name=name, path=path, dtype=dtype, description=description, **kw)


# --- person facts -------------------------------------------------------------------------
CITIZENSHIP = _fact("citizenship", "citizenship", pl.List(pl.String), "nationalities (ISO codes)")
BIRTH = _fact(
    "birth",
    "birth_date",
    pl.Date,
    "date of birth, as the earliest and latest possible date",
    columns=("birth_earliest", "birth_latest"),
    known_when=lambda: _range_known("birth_earliest", "birth_latest"),
    sources=("birth_date", "birth_year"),
)
FORMER_CN = _fact(
    "former_chinese_national", "former_chinese_national", pl.Boolean, "once a Chinese national"
)
PURPOSE = _fact("purpose", "plan.purpose", pl.String, "purpose of the trip")
STAY_DAYS = _fact("stay_days", "plan.stay_days", pl.Int64, "intended stay in days")
PASSPORT = _fact(
    "passport_type",
    "plan.passport_type",
    pl.String,
    "passport travelled on: ordinary, public_affairs, service or diplomatic (absent: ordinary)",
    known_when=lambda: pl.lit(True),  # absent means ordinary: never a question to ask
)
STUDY_DAYS = _fact(
    "study_days", "plan.intended_study_days", pl.Int64, "intended length of study in days"
)
INVITATION = _fact("invitation_from", "plan.invitation.from", pl.String, "who invites")
WORK_PERMIT = _fact(
    "work_permit",
    "plan.work_permit",
    pl.String,
    "work-permit notice held: A / B / C, 'yes' (class not given) or 'none'",
    sources=("plan.work_permit.category",),
)
TALENT_LETTER = _fact(
    "talent_confirmation",
    "plan.high_end_talent_confirmation",
    pl.Boolean,
    "holds a Confirmation Letter of Foreign High-end Talent",
)
ADMISSION = _fact("admission_letter", "plan.admission_letter", pl.Boolean, "admission notice")
ANNUAL_MONTHS = _fact(
    "annual_months", "plan.annual_months_in_destination", pl.Float64, "months a year in China"
)
WORK_REGION = _fact("work_region", "plan.work_region", pl.String, "region of work in China")
SALARY_CNY = _fact(
    "salary_cny",
    "plan.job_offer.salary",
    pl.Float64,
    "annual salary offered by the Chinese employer, in CNY (null if in another currency)",
    sources=("plan.job_offer.salary.amount", "plan.job_offer.salary.currency"),
)
ONWARD_TICKET = _fact("onward_ticket", "plan.onward_ticket", pl.Boolean, "confirmed onward ticket")
ARRIVING_FROM = _fact("arriving_from", "plan.arriving_from", pl.String, "country arriving from")
ONWARD_TO = _fact("onward_to", "plan.onward_to", pl.String, "country travelling on to")


def _one_port(column: str) -> Callable[[], pl.Expr]:
    """A port is known when the text names one; a city's several ports may not all agree."""
    return lambda: (pl.col(column).list.len() == 1).fill_null(False)


ENTRY_PORT = _fact(
    "entry_port",
    "plan.entry_port",
    pl.List(pl.String),
    "the port of entry, as the ports it may mean (one, or every port of a city named)",
    known_when=_one_port("entry_port"),
)
EXIT_PORT = _fact(
    "exit_port",
    "plan.exit_port",
    pl.List(pl.String),
    "the port of exit, as for entry_port",
    known_when=_one_port("exit_port"),
)
# A place in plan.regions that could not be read: unknown, so the rule cannot clear the trip.
UNKNOWN_PLACE = "?"
TRANSIT_PLACES = _fact(
    "transit_places",
    "plan.regions",
    pl.List(pl.String),
    "places to be visited in China: region codes (CN-SC) or cities (CN-SC/510100); "
    f"'{UNKNOWN_PLACE}' for one that could not be read",
    # known to the city: a province alone may be only partly within an area the law permits
    known_when=lambda: (
        ~pl.col("transit_places")
        .list.eval(~(pl.element().str.contains("/") | pl.element().is_in(list(CITY_REGIONS))))
        .list.any()
    ).fill_null(False),
)
MEDIA_APPROVAL = _fact(
    "media_approval", "plan.media_approval", pl.Boolean, "approval under the foreign-media rules"
)
PR_CONFIRMATION = _fact(
    "pr_confirmation",
    "plan.permanent_residence_confirmation",
    pl.Boolean,
    "MPS confirmation form of permanent-residence status",
)
HSK = _fact(
    "hsk_level",
    "languages",
    pl.Int64,
    "highest HSK level held (0 = none)",
    sources=("languages[].language", "languages[].test", "languages[].level"),
)
MAJOR_AWARD = _fact(
    "major_award",
    "achievements.major_international_award",
    pl.Boolean,
    "holds a major international award",
)
TALENT_PROGRAMME = _fact(
    "talent_programme",
    "achievements.talent_programme",
    pl.Boolean,
    "selected for a Chinese talent programme",
)
PATENTS = _fact("patents", "achievements.patents", pl.Int64, "number of patents")
HIGHEST_LEVEL = _fact(
    "highest_level",
    "education",
    pl.Int64,
    "ISCED level of the highest completed degree (0 = none)",
    sources=("education[].level", "education[].completed"),
)
TAUGHT_IN_CHINESE = _fact(
    "degree_in_chinese",
    "education",
    pl.Boolean,
    "holds a completed bachelor's or higher taught in Chinese",
    sources=(
        "education[].level",
        "education[].completed",
        "education[].taught_in_chinese",
        "education[].institution",
        "education[].country",
    ),
)
EXPERIENCE_YEARS = _fact(
    "experience_years",
    "employment",
    pl.Float64,
    "years of work experience up to the as-of date (overlapping jobs count once), as the "
    "fewest and most the dates allow; most is null when a start date is missing",
    columns=("experience_min", "experience_max"),
    known_when=lambda: _range_known("experience_min", "experience_max"),
    sources=("employment[].start", "employment[].end"),
)
CN_YEARS = _fact(
    "cn_consecutive_years",
    "employment",
    pl.Float64,
    "longest continuous spell of work in China, in years (fewest, most)",
    columns=("cn_years_min", "cn_years_max"),
    known_when=lambda: _range_known("cn_years_min", "cn_years_max"),
    sources=("employment[].country", "employment[].start", "employment[].end"),
)
FORTUNE_500 = _fact(
    "fortune_500",
    "employment",
    pl.Boolean,
    "has worked for a Fortune Global 500 company",
    sources=("employment[].fortune_global_500",),
)
FOREIGN_DEGREE_TIERS = _fact(
    "foreign_degree_tiers",
    "education",
    pl.UInt32,
    "tiers of the foreign institutions of completed degrees, as a tier mask",
    sources=("education[].institution", "education[].country", "education[].completed"),
)

# --- item facts: education ----------------------------------------------------------------
EDU_TIERS = _fact(
    "edu_tiers",
    "education[].institution",
    pl.UInt32,
    "tiers of the institution as a tier mask (null when it did not resolve)",
    collection=EDUCATION,
    sources=("education[].institution", "education[].country"),
)
EDU_STEM_ISCED = _fact(
    "edu_stem_isced_f",
    "education[].field",
    pl.Boolean,
    "field is STEM under ISCED-F",
    collection=EDUCATION,
)
EDU_STEM_DHS = _fact(
    "edu_stem_dhs", "education[].field", pl.Boolean, "field is STEM under DHS", collection=EDUCATION
)
EDU_LEVEL = _fact(
    "edu_level",
    "education[].level",
    pl.Int64,
    "ISCED 2011 level (5–8); 0 for a known qualification below tertiary level",
    collection=EDUCATION,
)
EDU_COMPLETED = _fact(
    "edu_completed",
    "education[].completed",
    pl.Boolean,
    "completed by the as-of date (absent = not completed, as CONTRACT.md says)",
    collection=EDUCATION,
    sources=("education[].completed",),
)
# --- item facts: employment ---------------------------------------------------------------
JOB_TIERS = _fact(
    "job_tiers",
    "employment[].employer",
    pl.UInt32,
    "tiers of the employer as a tier mask (null when it did not resolve)",
    collection=EMPLOYMENT,
    sources=("employment[].employer", "employment[].country"),
)
JOB_STEM_ISCED = _fact(
    "job_stem_isced_f",
    "employment[].field",
    pl.Boolean,
    "field is STEM under ISCED-F",
    collection=EMPLOYMENT,
)
JOB_STEM_DHS = _fact(
    "job_stem_dhs",
    "employment[].field",
    pl.Boolean,
    "field is STEM under DHS",
    collection=EMPLOYMENT,
)
JOB_ACTIVITY = _fact(
    "job_activity",
    "employment[].activity",
    pl.String,
    "research / teaching / ...",
    collection=EMPLOYMENT,
)
JOB_POSTDOC = _fact(
    "job_postdoc",
    "employment[].role",
    pl.Boolean,
    "the job is a postdoctoral research position (from the job title)",
    collection=EMPLOYMENT,
)
JOB_CURRENT = _fact(
    "job_current",
    "employment[].end",
    pl.Boolean,
    "held on the as-of date",
    collection=EMPLOYMENT,
    sources=("employment[].start", "employment[].end"),
)
# --- item facts: family -------------------------------------------------------------------
FAM_RELATION = _fact(
    "fam_relation",
    "family_in_destination[].relation",
    pl.String,
    "what the relative is to the applicant",
    collection=FAMILY,
)
FAM_STATUS = _fact(
    "fam_status",
    "family_in_destination[].status",
    pl.String,
    "the relative's status in the destination",
    collection=FAMILY,
)

PERSON_FACTS = (
    CITIZENSHIP, BIRTH, FORMER_CN, PURPOSE, STAY_DAYS, PASSPORT, STUDY_DAYS, INVITATION, WORK_PERMIT,
    TALENT_LETTER, ADMISSION, ANNUAL_MONTHS, WORK_REGION, SALARY_CNY, ONWARD_TICKET,
    ARRIVING_FROM, ONWARD_TO, ENTRY_PORT, EXIT_PORT, TRANSIT_PLACES, MEDIA_APPROVAL, PR_CONFIRMATION, HSK, MAJOR_AWARD,
    TALENT_PROGRAMME, PATENTS, HIGHEST_LEVEL, TAUGHT_IN_CHINESE, EXPERIENCE_YEARS, CN_YEARS,
    FORTUNE_500, FOREIGN_DEGREE_TIERS,
)  # fmt: skip
ITEM_FACTS = {
    EDUCATION.name: (EDU_TIERS, EDU_STEM_ISCED, EDU_STEM_DHS, EDU_LEVEL, EDU_COMPLETED),
    EMPLOYMENT.name: (
        JOB_TIERS,
        JOB_STEM_ISCED,
        JOB_STEM_DHS,
        JOB_ACTIVITY,
        JOB_POSTDOC,
        JOB_CURRENT,
    ),
    FAMILY.name: (FAM_RELATION, FAM_STATUS),
}
COLLECTIONS = (EDUCATION, EMPLOYMENT, FAMILY)


def _schema(facts: Sequence[Fact]) -> dict[str, Any]:
    return {column: fact.dtype for fact in facts for column in fact.columns}


PERSON_SCHEMA = {
    ROW: pl.Int64,
    **{c.known_column: pl.Boolean for c in COLLECTIONS},
    **_schema(PERSON_FACTS),
}
ITEM_SCHEMAS = {
    name: {ROW: pl.Int64, ITEM: pl.Int64, **_schema(f)} for name, f in ITEM_FACTS.items()
}


# Where a degree may well be taught in Chinese; elsewhere the points table's "degree taught in
# Chinese" line is inferred false unless the profile says otherwise.
CHINESE_TEACHING_PLACES = frozenset({"CN", "HK", "MO", "TW"})
