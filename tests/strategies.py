"""Hypothesis strategies for profiles: varied, valid, and drawing on names the registry knows."""

from __future__ import annotations

from datetime import date
from typing import Any

from hypothesis import strategies as st

COUNTRIES = ["IN", "FR", "US", "CN", "GB", "RU", "DE", "ID", "BR", "JP"]
INSTITUTIONS = ["IIT Bombay", "清华大学", "University of Mumbai", "MIT", "Nowhere College", "CAS"]
FIELDS = ["Computer Science", "History", "计算机科学与技术", "Business Analytics", "Architecture"]
LEVELS = ["bachelor", "master", "doctorate", "associate", "other", "B.Tech", "硕士", "PhD"]
PURPOSES = ["tourism", "business", "exchange", "family_visit", "family_reunion", "private",
            "study", "work", "talent", "transit", "journalism", "crew", "stem_exchange",
            "permanent_residence"]  # fmt: skip
PORTS = ["PVG", "Shanghai", "URC", "Chengdu", "成都天府国际机场", "Hengqin", "Nowhere Port"]
PLACES = ["Shanghai", "Sichuan", "Chengdu", "Baise", "Fuzhou", "福州", "Xinjiang", "Atlantis"]
ROLES = ["postdoc", "Research Fellow", "software engineer", "博士后", "professor"]
RELATIONS = ["spouse", "parent", "child", "sibling", "grandparent", "child_in_law"]
STATUSES = ["citizen", "permanent_resident", "resident_foreigner"]


def partial_date(low: int, high: int) -> st.SearchStrategy[str]:
    return st.one_of(
        st.integers(low, high).map(str),
        st.tuples(st.integers(low, high), st.integers(1, 12)).map(lambda t: f"{t[0]}-{t[1]:02d}"),
        st.dates(date(low, 1, 1), date(high, 12, 31)).map(lambda d: d.isoformat()),
    )


education = st.fixed_dictionaries(
    {
        "institution": st.sampled_from(INSTITUTIONS),
        "field": st.sampled_from(FIELDS),
        "level": st.sampled_from(LEVELS),
        "completed": partial_date(2000, 2030),
        "taught_in_chinese": st.booleans(),
        "country": st.sampled_from([*COUNTRIES, "US"]),
    }
)
employment = st.fixed_dictionaries(
    {
        "employer": st.sampled_from([*INSTITUTIONS, "Acme Ltd"]),
        "country": st.sampled_from(COUNTRIES),
        "field": st.sampled_from(FIELDS),
        "activity": st.sampled_from(["research", "teaching", "industry", "other"]),
        "role": st.sampled_from(ROLES),
        "start": partial_date(2000, 2025),
        "fortune_global_500": st.booleans(),
        "capacity": st.sampled_from(["managerial", "executive", "other"]),
        "related_to_offer": st.booleans(),
    }
)
plan = st.fixed_dictionaries(
    {
        "purpose": st.sampled_from(PURPOSES),
        "stay_days": st.integers(1, 400),
        "intended_study_days": st.integers(1, 400),
        "invitation": st.fixed_dictionaries(
            {"from": st.sampled_from(["organisation", "person", "none"])}
        ),
        "work_permit": st.one_of(
            st.just(False), st.fixed_dictionaries({"category": st.sampled_from("ABC")})
        ),
        "high_end_talent_confirmation": st.booleans(),
        "admission_letter": st.booleans(),
        "annual_months_in_destination": st.integers(0, 12),
        "work_region": st.sampled_from(["western", "northeast", "poverty_county", "other"]),
        "job_offer": st.fixed_dictionaries(
            {
                "salary": st.fixed_dictionaries(
                    {"amount": st.integers(0, 900_000), "currency": st.just("CNY")}
                ),
                "country": st.sampled_from(["US", "CN", "DE"]),
                "employer_type": st.sampled_from(["company", "university", "nonprofit_research"]),
                "position": st.sampled_from(["tenure_track", "permanent_research", "other"]),
                "wage_level": st.sampled_from(["I", "II", "III", "IV"]),
                "requires_bachelor": st.booleans(),
                "field": st.sampled_from(FIELDS),
                "capacity": st.sampled_from(["managerial", "executive", "other"]),
                "employer_established": partial_date(1990, 2026),
                "e_verify": st.booleans(),
            }
        ),
        "petition_type": st.sampled_from(
            ["new_employment", "change_of_status", "extension", "amendment"]
        ),
        "petition_filed_on": partial_date(2025, 2027),
        "beneficiary_location": st.sampled_from(["outside_us", "inside_us"]),
        "valid_h1b_visa": st.booleans(),
        "consular_notification": st.booleans(),
        "in_valid_status": st.booleans(),
        "us_status": st.sampled_from(["F-1", "H-1B", "none"]),
        "f1_full_academic_year": st.booleans(),
        "on_post_completion_opt": st.booleans(),
        "stem_opt_extensions_used": st.integers(0, 2),
        "endeavor": st.fixed_dictionaries(
            {
                "national_importance": st.booleans(),
                "well_positioned": st.booleans(),
                "waiver_beneficial": st.booleans(),
            }
        ),
        "onward_ticket": st.booleans(),
        "arriving_from": st.sampled_from(COUNTRIES),
        "onward_to": st.sampled_from(COUNTRIES),
        "entry_port": st.sampled_from(PORTS),
        "exit_port": st.sampled_from(PORTS),
        "regions": st.lists(st.sampled_from(PLACES), max_size=3),
        "passport_type": st.sampled_from(["ordinary", "public_affairs", "service", "diplomatic"]),
        "media_approval": st.booleans(),
        "permanent_residence_confirmation": st.booleans(),
    }
)


def _consistent(profile: dict[str, Any]) -> dict[str, Any]:
    """China issues the R visa's confirmation letter only to foreigners: a Chinese national
    holding one is a contradiction, to which no answer is monotone (the letter would say
    'foreigner', the nationality 'Chinese')."""
    if "CN" in profile["citizenship"]:
        profile["plan"]["high_end_talent_confirmation"] = False
    return profile


full_profile: st.SearchStrategy[dict[str, Any]] = st.fixed_dictionaries(
    {
        "citizenship": st.lists(st.sampled_from(COUNTRIES), min_size=1, max_size=2, unique=True),
        "birth_date": partial_date(1950, 2010),
        "education": st.lists(education, max_size=2),
        "employment": st.lists(employment, max_size=2),
        "languages": st.lists(
            st.fixed_dictionaries(
                {"language": st.just("zh"), "test": st.just("HSK"), "level": st.integers(1, 6)}
            ),
            max_size=1,
        ),
        "former_chinese_national": st.booleans(),
        "achievements": st.fixed_dictionaries(
            {
                "major_international_award": st.booleans(),
                "talent_programme": st.booleans(),
                "patents": st.integers(0, 3),
                "awards": st.lists(st.sampled_from(["IEEE Fellow", "ACM award"]), max_size=1),
                "publications": st.integers(0, 5),
                "memberships_requiring_achievement": st.booleans(),
                "judged_others_work": st.booleans(),
                "media_coverage": st.booleans(),
                "original_contributions_of_major_significance": st.booleans(),
                "critical_role_at_distinguished_organisation": st.booleans(),
                "high_salary_relative_to_field": st.booleans(),
                "exceptional_ability_criteria": st.integers(0, 6),
            }
        ),
        "plan": plan,
        "family_in_destination": st.lists(
            st.fixed_dictionaries(
                {"relation": st.sampled_from(RELATIONS), "status": st.sampled_from(STATUSES)}
            ),
            max_size=2,
        ),
    }
).map(_consistent)

# Facts that may be unknown. Not here: education[].completed and employment[].end, whose
# absence means "not completed" and "current" (CONTRACT.md), a known value; and
# plan.passport_type, whose absence means the ordinary passport any national can hold.
REMOVABLE = [
    ("citizenship",), ("birth_date",), ("education",), ("employment",), ("languages",),
    ("former_chinese_national",), ("achievements",), ("plan",), ("family_in_destination",),
    ("plan", "purpose"), ("plan", "stay_days"), ("plan", "invitation"), ("plan", "work_permit"),
    ("plan", "high_end_talent_confirmation"), ("plan", "admission_letter"),
    ("plan", "job_offer"), ("plan", "onward_ticket"), ("plan", "onward_to"),
    ("plan", "entry_port"), ("plan", "exit_port"), ("plan", "regions"),
    ("achievements", "major_international_award"), ("achievements", "patents"),
    ("achievements", "awards"), ("achievements", "publications"), ("achievements", "media_coverage"),
    ("plan", "beneficiary_location"), ("plan", "valid_h1b_visa"), ("plan", "us_status"),
    ("plan", "consular_notification"), ("plan", "endeavor"), ("plan", "petition_type"),
]  # fmt: skip


def without(profile: dict[str, Any], paths: list[tuple[str, ...]]) -> dict[str, Any]:
    """A copy of the profile with those facts made unknown."""
    import copy

    reduced = copy.deepcopy(profile)
    for path in paths:
        node = reduced
        for key in path[:-1]:
            node = node.get(key) or {}
        if isinstance(node, dict):
            node.pop(path[-1], None)
    passport = (profile.get("plan") or {}).get("passport_type")
    if passport is not None:  # not a removable fact: its absence is a value
        reduced.setdefault("plan", {})["passport_type"] = passport
    return reduced
