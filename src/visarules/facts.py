"""Profile → facts table: the columns the rules read, null where the fact is unknown.

Free text (institutions, fields, degrees) passes through the resolvers here, so
rules never parse strings. Every resolution is recorded with its score so that
results can show what each string was read as.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

import polars as pl

from visarules.engine.evaluate import ITEM, ROW, FactsTable
from visarules.engine.facts import Collection, Fact
from visarules.profile import Education, Employment, PartialDate, Profile
from visarules.resolve.degrees import NOT_TERTIARY, resolve_degree
from visarules.resolve.fields import resolve_field
from visarules.resolve.institutions import Institution, InstitutionRegistry, registry
from visarules.resolve.places import CITY_REGIONS, places, resolve_port
from visarules.resolve.roles import is_postdoc

EDUCATION = Collection("education", "education", "degrees and diplomas")
EMPLOYMENT = Collection("employment", "employment", "jobs, current and past")
FAMILY = Collection("family", "family_in_destination", "relatives living in the destination")

# The profile's level words (CONTRACT.md). "other" names no level: unknown, not "no degree".
_LEVELS: dict[str, int | None] = {
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
    pl.List(pl.String),
    "tiers of the foreign institutions of completed degrees",
    sources=("education[].institution", "education[].country", "education[].completed"),
)

# --- item facts: education ----------------------------------------------------------------
EDU_TIERS = _fact(
    "edu_tiers",
    "education[].institution",
    pl.List(pl.String),
    "tiers of the institution (null when it did not resolve)",
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
    pl.List(pl.String),
    "tiers of the employer (null when it did not resolve)",
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


@dataclass
class Resolution:
    """What one string of the profile was read as."""

    path: str
    kind: str  # institution | field | degree | role | port | place | inference
    query: str
    result: dict[str, Any]


@dataclass
class Resolvers:
    institutions: InstitutionRegistry = field(default_factory=registry)


def _tristate_before(d: PartialDate | None, as_of: date) -> bool | None:
    """Has the (partially known) date passed by ``as_of``? None if it may or may not have."""
    if d is None:
        return None
    if d.latest <= as_of:
        return True
    if d.earliest > as_of:
        return False
    return None


def _spans(
    job: Employment, as_of: date
) -> tuple[tuple[date, date] | None, tuple[date, date] | None]:
    """The shortest and the longest the job may have lasted up to ``as_of``; None if unknown."""
    end_early = as_of if job.end is None else min(job.end.earliest, as_of)
    end_late = as_of if job.end is None else min(job.end.latest, as_of)
    if job.start is None:
        return None, None
    return (job.start.latest, end_early), (job.start.earliest, end_late)


def _years_between(start: date, end: date) -> float:
    """Whole calendar years, then the rest in days: 2008-11-01 to 2025-11-01 is 17.0."""
    whole = end.year - start.year - ((end.month, end.day) < (start.month, start.day))
    try:
        anniversary = start.replace(year=start.year + whole)
    except ValueError:  # 29 February in a common year
        anniversary = start.replace(year=start.year + whole, day=28)
    return whole + (end - anniversary).days / 365.25


def _union_years(spans: list[tuple[date, date]]) -> float:
    """Length of the union of date ranges, in years: overlapping jobs count once."""
    merged: list[list[date]] = []
    for start, end in sorted(s for s in spans if s[1] > s[0]):
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return round(sum(_years_between(start, end) for start, end in merged), 4)


def _experience(jobs: list[Employment] | None, as_of: date) -> tuple[float | None, float | None]:
    if jobs is None:
        return None, None
    shortest, longest = (
        zip(*(_spans(job, as_of) for job in jobs), strict=True) if jobs else ((), ())
    )
    low = _union_years([s for s in shortest if s is not None])
    high = None if None in longest else _union_years([s for s in longest if s is not None])
    return low, high


def _longest_in_china(
    jobs: list[Employment] | None, as_of: date
) -> tuple[float | None, float | None]:
    if jobs is None:
        return None, None
    spans = [_spans(job, as_of) for job in jobs if job.country == "CN"]
    low = max((_union_years([s]) for s, _ in spans if s is not None), default=0.0)
    high = None
    if all(longest is not None for _, longest in spans):
        high = max((_union_years([longest]) for _, longest in spans if longest), default=0.0)
    return low, high


class _PersonBuilder:
    def __init__(self, profile: Profile, row: int, as_of: date, resolvers: Resolvers) -> None:
        self.p, self.row, self.as_of, self.resolvers = profile, row, as_of, resolvers
        self.resolutions: list[Resolution] = []
        # Country of each degree's institution: as given, else as the registry knows it.
        self.degree_countries: list[str | None] = []

    def institution(self, path: str, text: str | None, country: str | None) -> Institution | None:
        if not text:
            return None
        res = self.resolvers.institutions.resolve(text, country)
        self.resolutions.append(Resolution(path, "institution", text, res.to_dict()))
        return res.match.institution if res.match else None

    def field_stem(self, path: str, text: str | None) -> tuple[bool | None, bool | None]:
        if not text:
            return None, None
        res = resolve_field(text)
        self.resolutions.append(Resolution(path, "field", text, res.to_dict("isced_f")))
        return res.stem("isced_f"), res.stem("dhs")

    def port(self, path: str, text: str | None) -> list[str] | None:
        if not text:
            return None
        res = resolve_port(text)
        self.resolutions.append(Resolution(path, "port", text, res.to_dict()))
        return list(res.keys) or None

    def places(self, path: str, texts: list[str] | None) -> list[str] | None:
        if texts is None:
            return None
        keys = []
        for i, text in enumerate(texts):
            res = places().resolve(text)
            self.resolutions.append(Resolution(f"{path}[{i}]", "place", text, res.to_dict()))
            keys.append(res.keys[0] if res.keys else UNKNOWN_PLACE)
        return keys

    def postdoc(self, path: str, title: str | None) -> bool | None:
        found = is_postdoc(title)
        if title:
            self.resolutions.append(Resolution(path, "role", title, {"postdoc": found}))
        return found

    def level(self, path: str, text: str | None) -> int | None:
        if not text:
            return None
        if text in _LEVELS:
            return _LEVELS[text]
        res = resolve_degree(text)
        self.resolutions.append(Resolution(path, "degree", text, res.to_dict()))
        return NOT_TERTIARY if res.tertiary is False else res.isced_level

    def education_rows(self) -> list[dict[str, Any]]:
        rows = []
        for i, edu in enumerate(self.p.education or []):
            at = f"education[{i}]"
            stem_isced, stem_dhs = self.field_stem(f"{at}.field", edu.field)
            completed = (
                False if edu.completed is None else _tristate_before(edu.completed, self.as_of)
            )
            inst = self.institution(f"{at}.institution", edu.institution, edu.country)
            self.degree_countries.append(edu.country or (inst.country if inst else None))
            rows.append(
                {
                    ROW: self.row,
                    ITEM: i,
                    "edu_tiers": _tiers(inst),
                    "edu_stem_isced_f": stem_isced,
                    "edu_stem_dhs": stem_dhs,
                    "edu_level": self.level(f"{at}.level", edu.level),
                    "edu_completed": completed,
                }
            )
        return rows

    def taught_in_chinese(self) -> list[bool | None]:
        """Each degree's language of teaching: as the profile says, else inferred false for an
        institution outside the places where Chinese is a language of instruction."""
        flags: list[bool | None] = []
        for i, (edu, country) in enumerate(
            zip(self.p.education or [], self.degree_countries, strict=True)
        ):
            if edu.taught_in_chinese is not None or country is None:
                flags.append(edu.taught_in_chinese)
                continue
            inferred = False if country not in CHINESE_TEACHING_PLACES else None
            if inferred is False:
                source = "the profile" if edu.country else "the registry"
                self.resolutions.append(
                    Resolution(
                        f"education[{i}].taught_in_chinese",
                        "inference",
                        country,
                        {
                            "value": False,
                            "reason": f"awarded in {country} (country from {source}), outside "
                            "mainland China, Hong Kong, Macao and Taiwan: taken as not taught "
                            "in Chinese unless the profile says so",
                        },
                    )
                )
            flags.append(inferred)
        return flags

    def employment_rows(self) -> list[dict[str, Any]]:
        rows = []
        for i, job in enumerate(self.p.employment or []):
            at = f"employment[{i}]"
            stem_isced, stem_dhs = self.field_stem(f"{at}.field", job.field)
            rows.append(
                {
                    ROW: self.row,
                    ITEM: i,
                    "job_tiers": _tiers(
                        self.institution(f"{at}.employer", job.employer, job.country)
                    ),
                    "job_stem_isced_f": stem_isced,
                    "job_stem_dhs": stem_dhs,
                    "job_activity": job.activity,
                    "job_postdoc": self.postdoc(f"{at}.role", job.role),
                    "job_current": _current(job, self.as_of),
                }
            )
        return rows

    def family_rows(self) -> list[dict[str, Any]]:
        return [
            {ROW: self.row, ITEM: i, "fam_relation": m.relation, "fam_status": m.status}
            for i, m in enumerate(self.p.family_in_destination or [])
        ]

    def person_row(self, education: list[dict[str, Any]]) -> dict[str, Any]:
        p, plan = self.p, self.p.plan
        birth = p.birth_date or (
            PartialDate(year=p.birth_year) if p.birth_year is not None else None
        )
        achievements = p.achievements
        offer = plan.job_offer if plan else None
        salary = offer.salary if offer else None
        return {
            ROW: self.row,
            EDUCATION.known_column: p.education is not None,
            EMPLOYMENT.known_column: p.employment is not None,
            FAMILY.known_column: p.family_in_destination is not None,
            "citizenship": p.citizenship,
            "birth_earliest": birth.earliest if birth else None,
            "birth_latest": birth.latest if birth else None,
            "former_chinese_national": p.former_chinese_national,
            "purpose": plan.purpose if plan else None,
            "stay_days": plan.stay_days if plan else None,
            "passport_type": plan.passport_type if plan else None,
            "study_days": (plan.intended_study_days or plan.stay_days) if plan else None,
            "invitation_from": plan.invitation.from_ if plan and plan.invitation else None,
            "work_permit": _work_permit(plan.work_permit) if plan else None,
            "talent_confirmation": plan.high_end_talent_confirmation if plan else None,
            "admission_letter": plan.admission_letter if plan else None,
            "annual_months": plan.annual_months_in_destination if plan else None,
            "work_region": plan.work_region if plan else None,
            "salary_cny": salary.amount if salary and salary.currency == "CNY" else None,
            "onward_ticket": plan.onward_ticket if plan else None,
            "arriving_from": plan.arriving_from if plan else None,
            "onward_to": plan.onward_to if plan else None,
            "entry_port": self.port("plan.entry_port", plan.entry_port) if plan else None,
            "exit_port": self.port("plan.exit_port", plan.exit_port) if plan else None,
            "transit_places": self.places("plan.regions", plan.regions) if plan else None,
            "media_approval": plan.media_approval if plan else None,
            "pr_confirmation": plan.permanent_residence_confirmation if plan else None,
            "hsk_level": _hsk(p),
            "major_award": _named_or_flag(achievements.major_international_award)
            if achievements
            else None,
            "talent_programme": _named_or_flag(achievements.talent_programme)
            if achievements
            else None,
            "patents": achievements.patents if achievements else None,
            "highest_level": _highest_level(education, p.education),
            "degree_in_chinese": _any_of(
                [
                    _all_of(
                        None if row["edu_level"] is None else row["edu_level"] >= 6,
                        row["edu_completed"],
                        taught,
                    )
                    for row, taught in zip(education, self.taught_in_chinese(), strict=True)
                ]
            )
            if p.education is not None
            else None,
            **dict(
                zip(
                    ("experience_min", "experience_max"),
                    _experience(p.employment, self.as_of),
                    strict=True,
                )
            ),
            **dict(
                zip(
                    ("cn_years_min", "cn_years_max"),
                    _longest_in_china(p.employment, self.as_of),
                    strict=True,
                )
            ),
            "fortune_500": _any_flag(p.employment),
            "foreign_degree_tiers": _foreign_tiers(
                education, self.degree_countries, p.education is not None
            ),
        }


def _current(job: Employment, as_of: date) -> bool | None:
    if job.start is not None and job.start.earliest > as_of:
        return False
    if job.end is None:
        return True
    ended = _tristate_before(job.end, as_of)
    return None if ended is None else not ended


def _work_permit(value: Any) -> str | None:
    if value is False:
        return "none"
    if value is None:
        return None
    return value.category or "yes"


def _named_or_flag(value: str | bool | None) -> bool | None:
    if isinstance(value, str):
        return bool(value.strip())
    return value


def _hsk(p: Profile) -> int | None:
    if p.languages is None:
        return None
    levels = [
        int(float(skill.level))
        for skill in p.languages
        if skill.language.lower() in ("zh", "zho", "chi", "chinese")
        and (skill.test or "").upper() == "HSK"
        and skill.level is not None
        and str(skill.level).replace(".", "", 1).isdigit()
    ]
    return max(levels, default=0)


def _completed_levels(
    rows: list[dict[str, Any]], education: list[Education] | None
) -> list[tuple[bool | None, int | None]] | None:
    if education is None:
        return None
    return [(row["edu_completed"], row["edu_level"]) for row in rows]


def _highest_level(rows: list[dict[str, Any]], education: list[Education] | None) -> int | None:
    pairs = _completed_levels(rows, education)
    if pairs is None:
        return None
    known = max((lvl for done, lvl in pairs if done and lvl is not None), default=0)
    # An item that might be completed, or whose level is unknown, could still raise the maximum.
    if any(
        done is not False and (lvl is None or (done is None and lvl > known)) for done, lvl in pairs
    ):
        return None
    return known


def _tiers(inst: Institution | None) -> list[str] | None:
    return None if inst is None else list(inst.tiers)


def _foreign_tiers(
    rows: list[dict[str, Any]], countries: list[str | None], known: bool
) -> list[str] | None:
    """Tiers of the institutions outside China that awarded a completed degree."""
    if not known:
        return None
    tiers: set[str] = set()
    for country, row in zip(countries, rows, strict=True):
        if not row["edu_completed"] or country == "CN":
            continue
        if row["edu_tiers"] is None:
            return None
        tiers.update(row["edu_tiers"])
    return sorted(tiers)


def _all_of(*values: bool | None) -> bool | None:
    """Kleene "and": false wins, then unknown."""
    if any(v is False for v in values):
        return False
    return None if any(v is None for v in values) else True


def _any_of(values: list[bool | None]) -> bool | None:
    """Kleene "or": true wins, then unknown."""
    if any(v is True for v in values):
        return True
    return None if any(v is None for v in values) else False


def _any_flag(jobs: list[Employment] | None) -> bool | None:
    return None if jobs is None else _any_of([job.fortune_global_500 for job in jobs])


@dataclass
class BuiltFacts:
    table: FactsTable
    resolutions: list[list[Resolution]]


def build_facts(
    profiles: Sequence[Profile], as_of: date, resolvers: Resolvers | None = None
) -> BuiltFacts:
    resolvers = resolvers or Resolvers()
    persons: list[dict[str, Any]] = []
    items: dict[str, list[dict[str, Any]]] = {c.name: [] for c in COLLECTIONS}
    resolutions = []
    for row, profile in enumerate(profiles):
        builder = _PersonBuilder(profile, row, as_of, resolvers)
        education = builder.education_rows()
        items[EDUCATION.name] += education
        items[EMPLOYMENT.name] += builder.employment_rows()
        items[FAMILY.name] += builder.family_rows()
        persons.append(builder.person_row(education))
        resolutions.append(builder.resolutions)
    table = FactsTable(
        persons=pl.DataFrame(persons, schema=PERSON_SCHEMA),
        items={name: pl.DataFrame(rows, schema=ITEM_SCHEMAS[name]) for name, rows in items.items()},
    )
    return BuiltFacts(table, resolutions)
