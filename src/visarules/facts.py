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


def _direct(name: str, path: str, dtype: Any, description: str, **kw: Any) -> Fact:
    """A fact that is the profile field as the tables hold it (build.py copies the column)."""
    return _fact(name, path, dtype, description, direct=True, **kw)


# --- person facts -------------------------------------------------------------------------
CITIZENSHIP = _direct("citizenship", "citizenship", pl.List(pl.String), "nationalities (ISO codes)")
BIRTH = _fact(
    "birth",
    "birth_date",
    pl.Date,
    "date of birth, as the earliest and latest possible date",
    columns=("birth_earliest", "birth_latest"),
    known_when=lambda: _range_known("birth_earliest", "birth_latest"),
    sources=("birth_date", "birth_year"),
)
FORMER_CN = _direct(
    "former_chinese_national", "former_chinese_national", pl.Boolean, "once a Chinese national"
)
PURPOSE = _direct("purpose", "plan.purpose", pl.String, "purpose of the trip")
STAY_DAYS = _direct("stay_days", "plan.stay_days", pl.Int64, "intended stay in days")
PASSPORT = _direct(
    "passport_type",
    "plan.passport_type",
    pl.String,
    "passport travelled on: ordinary, public_affairs, service or diplomatic (absent: ordinary)",
    known_when=lambda: pl.lit(True),  # absent means ordinary: never a question to ask
)
STUDY_DAYS = _fact(
    "study_days", "plan.intended_study_days", pl.Int64, "intended length of study in days"
)
INVITATION = _direct("invitation_from", "plan.invitation.from", pl.String, "who invites")
WORK_PERMIT = _direct(
    "work_permit",
    "plan.work_permit",
    pl.String,
    "work-permit notice held: A / B / C, 'yes' (class not given) or 'none'",
    sources=("plan.work_permit.category",),
)
TALENT_LETTER = _direct(
    "talent_confirmation",
    "plan.high_end_talent_confirmation",
    pl.Boolean,
    "holds a Confirmation Letter of Foreign High-end Talent",
)
ADMISSION = _direct("admission_letter", "plan.admission_letter", pl.Boolean, "admission notice")
ANNUAL_MONTHS = _direct(
    "annual_months", "plan.annual_months_in_destination", pl.Float64, "months a year in China"
)
WORK_REGION = _direct("work_region", "plan.work_region", pl.String, "region of work in China")
SALARY_CNY = _fact(
    "salary_cny",
    "plan.job_offer.salary",
    pl.Float64,
    "annual salary offered by the Chinese employer, in CNY (null if in another currency)",
    sources=("plan.job_offer.salary.amount", "plan.job_offer.salary.currency"),
)
ONWARD_TICKET = _direct(
    "onward_ticket", "plan.onward_ticket", pl.Boolean, "confirmed onward ticket"
)
ARRIVING_FROM = _direct("arriving_from", "plan.arriving_from", pl.String, "country arriving from")
ONWARD_TO = _direct("onward_to", "plan.onward_to", pl.String, "country travelling on to")


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
MEDIA_APPROVAL = _direct(
    "media_approval", "plan.media_approval", pl.Boolean, "approval under the foreign-media rules"
)
PR_CONFIRMATION = _direct(
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
MAJOR_AWARD = _direct(
    "major_award",
    "achievements.major_international_award",
    pl.Boolean,
    "holds a major international award",
)
TALENT_PROGRAMME = _direct(
    "talent_programme",
    "achievements.talent_programme",
    pl.Boolean,
    "selected for a Chinese talent programme",
)
PATENTS = _direct("patents", "achievements.patents", pl.Int64, "number of patents")
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

# --- person facts: US petitions and talent categories --------------------------------------
OFFER_US = _fact(
    "offer_us",
    "plan.job_offer.country",
    pl.Boolean,
    "has a job offer from an employer in the US (false: no offer, or one elsewhere)",
    sources=("plan.job_offer", "plan.job_offer.country"),
)
OFFER_EMPLOYER_TYPE = _direct(
    "offer_employer_type", "plan.job_offer.employer_type", pl.String, "kind of offering employer"
)
OFFER_POSITION = _direct(
    "offer_position", "plan.job_offer.position", pl.String, "kind of position (tenure_track ...)"
)
OFFER_WAGE_LEVEL = _direct(
    "offer_wage_level", "plan.job_offer.wage_level", pl.String, "US OEWS wage level I-IV"
)
OFFER_REQUIRES_BACHELOR = _direct(
    "offer_requires_bachelor",
    "plan.job_offer.requires_bachelor",
    pl.Boolean,
    "the job requires a bachelor's or higher in a specific specialty",
)
OFFER_DEGREE_RELATED = _direct(
    "offer_degree_related",
    "plan.job_offer.degree_related",
    pl.Boolean,
    "the person's degree is in a specialty directly related to the job (as asserted)",
)
OFFER_CAPACITY = _direct(
    "offer_capacity", "plan.job_offer.capacity", pl.String, "managerial / executive / other"
)
OFFER_E_VERIFY = _direct(
    "offer_e_verify", "plan.job_offer.e_verify", pl.Boolean, "employer enrolled in E-Verify"
)
OFFER_EMPLOYER_ONE_YEAR = _fact(
    "offer_employer_one_year",
    "plan.job_offer.employer_established",
    pl.Boolean,
    "the offering employer has done business for at least a year by the petition date",
    sources=("plan.job_offer.employer_established", "plan.petition_filed_on"),
)
PETITION_TYPE = _direct("petition_type", "plan.petition_type", pl.String, "kind of US petition")
PETITION_DATE = _fact(
    "petition_date",
    "plan.petition_filed_on",
    pl.Date,
    "filing date of the petition, as the earliest and latest possible day; absent: the as-of "
    "date (the petition is filed on the day the law is asked about)",
    columns=("petition_earliest", "petition_latest"),
    known_when=lambda: _range_known("petition_earliest", "petition_latest"),
)
LOCATION = _direct(
    "beneficiary_location", "plan.beneficiary_location", pl.String, "inside_us / outside_us"
)
VALID_H1B_VISA = _direct("valid_h1b_visa", "plan.valid_h1b_visa", pl.Boolean, "valid H-1B visa")
CONSULAR = _direct(
    "consular_notification",
    "plan.consular_notification",
    pl.Boolean,
    "the petition asks for consular, port-of-entry or pre-flight notification",
)
IN_VALID_STATUS = _direct(
    "in_valid_status", "plan.in_valid_status", pl.Boolean, "in valid status inside the US"
)
PAYMENT_EXCEPTION = _fact(
    "payment_exception",
    "plan.national_interest_exception",
    pl.Boolean,
    "holds a national-interest exception from the Proclamation 10973 payment (absent: none)",
    known_when=lambda: pl.lit(True),  # granted to the person before filing: a holder knows
)
US_STATUS = _direct("us_status", "plan.us_status", pl.String, "current US status (F-1 ...)")
F1_YEAR = _direct(
    "f1_full_academic_year",
    "plan.f1_full_academic_year",
    pl.Boolean,
    "enrolled full time in F-1 status for one full academic year",
)
ON_OPT = _direct(
    "on_post_completion_opt",
    "plan.on_post_completion_opt",
    pl.Boolean,
    "now on post-completion OPT",
)
STEM_OPT_USED = _direct(
    "stem_opt_extensions_used",
    "plan.stem_opt_extensions_used",
    pl.Int64,
    "STEM OPT extensions already granted",
)
NIW_IMPORTANCE = _direct(
    "niw_national_importance",
    "plan.endeavor.national_importance",
    pl.Boolean,
    "endeavor of substantial merit and national importance (Dhanasar prong 1)",
)
NIW_POSITIONED = _direct(
    "niw_well_positioned",
    "plan.endeavor.well_positioned",
    pl.Boolean,
    "well positioned to advance the endeavor (Dhanasar prong 2)",
)
NIW_BALANCE = _direct(
    "niw_waiver_beneficial",
    "plan.endeavor.waiver_beneficial",
    pl.Boolean,
    "on balance beneficial to waive the job offer (Dhanasar prong 3)",
)
LESSER_AWARDS = _direct(
    "lesser_awards", "achievements.awards", pl.Boolean, "holds a lesser recognised prize"
)
PUBLICATIONS = _direct(
    "publications", "achievements.publications", pl.Int64, "scholarly articles authored"
)
MEMBERSHIPS = _direct(
    "memberships",
    "achievements.memberships_requiring_achievement",
    pl.Boolean,
    "member of associations requiring outstanding achievement",
)
JUDGING = _direct(
    "judging", "achievements.judged_others_work", pl.Boolean, "has judged the work of others"
)
MEDIA = _direct(
    "media_coverage",
    "achievements.media_coverage",
    pl.Boolean,
    "published material about the person in professional or major media",
)
MAJOR_CONTRIBUTIONS = _direct(
    "major_contributions",
    "achievements.original_contributions_of_major_significance",
    pl.Boolean,
    "original contributions of major significance",
)
RESEARCH_CONTRIBUTIONS = _direct(
    "research_contributions",
    "achievements.original_research_contributions",
    pl.Boolean,
    "original scientific or scholarly research contributions to the field",
)
CRITICAL_ROLE = _direct(
    "critical_role",
    "achievements.critical_role_at_distinguished_organisation",
    pl.Boolean,
    "leading or critical role for distinguished organisations",
)
HIGH_SALARY = _direct(
    "high_salary",
    "achievements.high_salary_relative_to_field",
    pl.Boolean,
    "high salary relative to others in the field",
)
PERFORMING_ARTS = _direct(
    "performing_arts_success",
    "achievements.commercial_success_in_performing_arts",
    pl.Boolean,
    "commercial success in the performing arts",
)
EXHIBITIONS = _direct(
    "artistic_exhibitions",
    "achievements.artistic_exhibitions",
    pl.Boolean,
    "work displayed at artistic exhibitions",
)
EXCEPTIONAL_CRITERIA = _direct(
    "exceptional_ability_criteria",
    "achievements.exceptional_ability_criteria",
    pl.Int64,
    "exceptional-ability criteria of 8 CFR 204.5(k)(3)(ii) met",
)
AFTER_BACHELOR = _fact(
    "after_bachelor",
    "employment",
    pl.Float64,
    "years of work after the first bachelor's or higher degree, fewest and most",
    columns=("after_bachelor_min", "after_bachelor_max"),
    known_when=lambda: _range_known("after_bachelor_min", "after_bachelor_max"),
    sources=("employment[].start", "employment[].end", "education[].completed"),
)
RESEARCH_YEARS = _fact(
    "research_years",
    "employment",
    pl.Float64,
    "years of teaching or research (overlaps once), fewest and most the dates and the "
    "activities allow",
    columns=("research_years_min", "research_years_max"),
    known_when=lambda: _range_known("research_years_min", "research_years_max"),
    sources=("employment[].activity", "employment[].start", "employment[].end"),
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
EDU_COUNTRY = _fact(
    "edu_country",
    "education[].country",
    pl.String,
    "country of the awarding institution (given, else the registry's)",
    collection=EDUCATION,
    sources=("education[].country", "education[].institution"),
)
EDU_DONE = _fact(
    "edu_done",
    "education[].completed",
    pl.Date,
    "completion date, as the earliest and latest possible day",
    collection=EDUCATION,
    columns=("edu_done_earliest", "edu_done_latest"),
    known_when=lambda: _range_known("edu_done_earliest", "edu_done_latest"),
)
EDU_OFFER_RELATED = _fact(
    "edu_offer_related",
    "education[].field",
    pl.Boolean,
    "the degree's field is the job's (same ISCED-F narrow field); unknown otherwise, since a "
    "different field may still be directly related",
    collection=EDUCATION,
    # never the fact to ask for: plan.job_offer.degree_related settles it
    known_when=lambda: pl.lit(True),
    sources=("education[].field", "plan.job_offer.field", "plan.job_offer.occupation"),
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
JOB_COUNTRY = _fact(
    "job_country", "employment[].country", pl.String, "country of the job", collection=EMPLOYMENT
)
JOB_CAPACITY = _fact(
    "job_capacity",
    "employment[].capacity",
    pl.String,
    "managerial / executive / other",
    collection=EMPLOYMENT,
)
JOB_RELATED_TO_OFFER = _fact(
    "job_related_to_offer",
    "employment[].related_to_offer",
    pl.Boolean,
    "the employer is the offering employer or its parent, branch, subsidiary or affiliate",
    collection=EMPLOYMENT,
)
JOB_YEAR_IN_THREE = _fact(
    "job_year_in_three",
    "employment[].start",
    pl.Boolean,
    "held for at least one year within the three years before the petition",
    collection=EMPLOYMENT,
    sources=("employment[].start", "employment[].end", "plan.petition_filed_on"),
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
    OFFER_US, OFFER_EMPLOYER_TYPE, OFFER_POSITION, OFFER_WAGE_LEVEL, OFFER_REQUIRES_BACHELOR,
    OFFER_DEGREE_RELATED, OFFER_CAPACITY, OFFER_E_VERIFY, OFFER_EMPLOYER_ONE_YEAR, PETITION_TYPE,
    PETITION_DATE, LOCATION, VALID_H1B_VISA, CONSULAR, IN_VALID_STATUS, PAYMENT_EXCEPTION,
    US_STATUS, F1_YEAR, ON_OPT, STEM_OPT_USED, NIW_IMPORTANCE, NIW_POSITIONED, NIW_BALANCE,
    LESSER_AWARDS, PUBLICATIONS, MEMBERSHIPS, JUDGING, MEDIA, MAJOR_CONTRIBUTIONS,
    RESEARCH_CONTRIBUTIONS, CRITICAL_ROLE, HIGH_SALARY, PERFORMING_ARTS, EXHIBITIONS,
    EXCEPTIONAL_CRITERIA, RESEARCH_YEARS, AFTER_BACHELOR,
)  # fmt: skip
ITEM_FACTS = {
    EDUCATION.name: (
        EDU_TIERS,
        EDU_STEM_ISCED,
        EDU_STEM_DHS,
        EDU_LEVEL,
        EDU_COMPLETED,
        EDU_COUNTRY,
        EDU_DONE,
        EDU_OFFER_RELATED,
    ),
    EMPLOYMENT.name: (
        JOB_TIERS,
        JOB_STEM_ISCED,
        JOB_STEM_DHS,
        JOB_ACTIVITY,
        JOB_POSTDOC,
        JOB_CURRENT,
        JOB_COUNTRY,
        JOB_CAPACITY,
        JOB_RELATED_TO_OFFER,
        JOB_YEAR_IN_THREE,
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
