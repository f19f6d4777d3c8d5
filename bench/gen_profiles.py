"""A synthetic batch of profiles in the batch layout of CONTRACT.md (``visarules screen``):
N people as an outside system would send them, the same for the same seed.

    python bench/gen_profiles.py --rows 1000000 --out /tmp/profiles.parquet \
        [--csv /tmp/profiles.csv] [--seed 7]

``--out`` is Parquet or CSV by its extension; ``--csv`` writes the same rows as CSV too.
Columns are profile paths (``plan.stay_days``, ``education[1].level``); an empty cell is
unknown; ``education.count`` / ``employment.count`` give the number of items where the source
knows it (``0`` = known none). Values are messy the way people type them: institutions from the
shipped registry exact, recased, abbreviated ("Univ.") or misspelt, as in
bench/resolve_speed.py, and ~10% local names the registry does not hold; fields of study in
several languages, STEM and not; degree levels as words and free text ("B.Tech", "硕士");
dates as ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``, degrees from the age of 21, jobs after the
last degree. In Parquet, booleans and numbers are typed; dates, codes and ``plan.stay_days``
(which holds deliberate non-numbers) are text. In CSV everything is text.

About 5% of the rows are bad on purpose, one defect each, of the kinds in ``BAD_KINDS``; the
report counts them. The sidecar ``OUT.expected.json`` (``--out`` with its extension replaced)
holds the number of rows and the 1-based numbers of the bad rows, also by kind with the field
an error should name, so that a test of ``screen`` can check rows in = rows out + rows in
errors.

Targets (2-core machine): 1,000,000 rows generated in <= 15 s, written as Parquet and CSV in
<= 10 s more; peak memory <= 2 GB.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import numpy as np
import polars as pl

from resolve_speed import typo
from visarules.resolve.institutions import Institution, default_registry

SEED = 7
LAST_YEAR = 2026  # no job starts after this year; a degree a year later is still in progress
BAD_SHARE = 0.05
MAX_ITEMS = 3  # degrees, jobs
SEPARATOR = ";"  # between the codes of ``citizenship`` and the places of ``plan.regions``
LIST_COLUMNS = ("citizenship", "plan.regions")
COUNTED = ("education", "employment")

# Defect kind -> the field an error about it names.
BAD_KINDS = {
    "invalid_date": "birth_date",  # 1997-02-30
    "unknown_country": "citizenship",  # ZZ
    "stay_days_not_a_number": "plan.stay_days",
    "purpose_not_allowed": "plan.purpose",
    "degree_before_birth": "education[0].completed",
}

NATIONALITIES = {
    "IN": 0.20, "US": 0.11, "NG": 0.08, "DE": 0.08, "BR": 0.07, "GB": 0.07, "TH": 0.07,
    "FR": 0.06, "KZ": 0.05, "RS": 0.05, "CN": 0.04, "SG": 0.04, "JP": 0.04, "KR": 0.04,
}  # fmt: skip
PURPOSES = {
    "tourism": 0.30, "business": 0.14, "work": 0.14, "study": 0.08, "transit": 0.07,
    "family_visit": 0.06, "exchange": 0.05, "stem_exchange": 0.03, "talent": 0.02,
    "family_reunion": 0.02, "private": 0.01, "entrepreneurship": 0.01, "journalism": 0.005,
    "crew": 0.005, None: 0.05,
}  # fmt: skip
INVITED_BY_ORGANISATION = ("work", "talent", "business", "exchange", "stem_exchange", "study")
# The level words of the contract and what people write instead, by ISCED level (0: none).
LEVEL_TEXTS: dict[int, tuple[str, ...]] = {
    5: ("associate", "Associate Degree", "大专", "HND"),
    6: ("bachelor", "B.Tech", "BSc", "B.E.", "Bachelor of Science", "Bachelor of Engineering",
        "学士", "本科", "Licence", "BA", "Bacharelado"),
    7: ("master", "MSc", "M.Tech", "MBA", "硕士", "Master of Science", "Diplom-Ingenieur",
        "Mestrado", "Laurea magistrale"),
    8: ("doctorate", "PhD", "Ph.D.", "博士", "Dr. rer. nat.", "Doutorado"),
    0: ("Diploma", "some college", "other", "high school", "Certificate"),
}  # fmt: skip
# Level of each degree in turn: the first mostly a bachelor's, the next ones higher.
SLOT_LEVELS = (
    {6: 0.82, 5: 0.10, 7: 0.05, 0: 0.03},
    {7: 0.85, 6: 0.07, 8: 0.05, 0: 0.03},
    {8: 0.88, 7: 0.09, 0: 0.03},
)
FIELDS = (
    "Computer Science", "Computer Science and Engineering", "计算机科学与技术",
    "Electrical Engineering", "Génie électrique", "Maschinenbau", "Mechanical Engineering",
    "Civil Engineering", "Engenharia Civil", "Informatik", "Data Science", "Mathematics",
    "Matemáticas", "Statistics", "Physics", "Physik", "物理学", "Chemistry", "Biology",
    "Biotechnology", "Architecture", "Agronomy", "Economics", "Économie", "Finance",
    "Business Administration", "工商管理", "Betriebswirtschaftslehre", "Law", "法学", "History",
    "English Literature", "Psychology", "Sociology", "Medicine", "Nursing", "Fine Arts", "Music",
    "Hotel management",
)  # fmt: skip
JOB_KINDS = {"research": 0.18, "teaching": 0.10, "industry": 0.55, "other": 0.17}
ROLES = (  # by job kind, in the order of JOB_KINDS
    ("postdoctoral researcher", "Postdoc", "research scientist", "Research Fellow", "博士后",
     "research associate"),
    ("lecturer", "assistant professor", "Professor", "teacher", "associate professor"),
    ("software engineer", "data analyst", "mechanical engineer", "product manager", "consultant",
     "sales manager", "accountant"),
    ("nurse", "chef", "driver", "volunteer", "freelancer"),
)  # fmt: skip
COMPANIES = {
    "IN": ("Infosys", "Tata Consultancy Services", "Wipro", "HCL Technologies"),
    "US": ("Google", "Microsoft", "Acme Software Inc", "Boeing"),
    "NG": ("Dangote Group", "MTN Nigeria", "Access Bank"),
    "DE": ("Siemens AG", "Robert Bosch GmbH", "SAP SE"),
    "BR": ("Petrobras", "Vale S.A.", "Embraer"),
    "GB": ("HSBC", "BP", "Rolls-Royce"),
    "TH": ("PTT Public Company", "Siam Cement Group"),
    "FR": ("BNP Paribas", "TotalEnergies", "Airbus"),
    "KZ": ("KazMunayGas", "Kaspi.kz"),
    "RS": ("NIS Serbia", "Telekom Srbija"),
    "CN": ("Huawei", "Alibaba Group", "Tencent", "Shanghai Acme Trading Co., Ltd."),
    "SG": ("DBS Bank", "Grab", "Singtel"),
    "JP": ("Toyota", "Sony", "Hitachi"),
    "KR": ("Samsung Electronics", "Hyundai Motor", "LG Chem"),
}
# Towns for local institutions that no ranking lists: names the registry does not hold.
LOCAL_TOWNS = {
    "IN": ("Nagpur", "Indore", "Coimbatore", "Ranchi"), "US": ("Westbridge", "Lakeside"),
    "NG": ("Kaduna", "Enugu", "Owerri"), "DE": ("Rheinau", "Nordheide"),
    "BR": ("Campina Nova", "Vale Verde"), "GB": ("Northfield", "Ashby"),
    "TH": ("Nakhon Sawan", "Udon Thani"), "FR": ("Valmont", "Saint-Aubin"),
    "KZ": ("Pavlodar", "Kostanay"), "RS": ("Kraljevo", "Valjevo"), "CN": ("Zhenhai", "Lianhua"),
    "SG": ("Tampines",), "JP": ("Kitamura",), "KR": ("Gimhae",),
}  # fmt: skip
LOCAL_KINDS = ("Institute of Technology", "State University", "College of Engineering",
               "Polytechnic", "Business School")  # fmt: skip
PORTS = ("PVG", "PEK", "PKX", "CAN", "CTU", "SZX", "XMN", "Shanghai Pudong", "Beijing Capital",
         "Chengdu Tianfu", "Guangzhou Baiyun", "Xi'an", "Kunming", "浦东", "Fuzhou",
         "Shanghai")  # fmt: skip
REGIONS = ("Shanghai;Jiangsu;Zhejiang", "Beijing;Tianjin;Hebei", "成都", "CN-SC", "Guangdong",
           "Yunnan", "Xi'an", "Shanghai", "Hangzhou;Suzhou", "Guilin", "Lhasa",
           "四川;重庆")  # fmt: skip
TRANSIT_COUNTRIES = ("US", "KR", "JP", "DE", "GB", "SG", "TH", "FR", "CA", "AU", "RU", "AE")
LANGUAGE_TESTS = {  # (language, test): levels
    ("zh", "HSK"): ("1", "2", "3", "4", "5", "6"),
    ("en", "IELTS"): ("5.5", "6", "6.5", "7", "7.5", "8", "8.5"),
    ("en", "TOEFL"): ("72", "85", "95", "104", "112"),
    ("de", "Goethe"): ("B1", "B2", "C1"),
    ("fr", "DELF"): ("B1", "B2"),
}
TEST_SHARES = (0.4, 0.33, 0.13, 0.07, 0.07)
RELATIONS = {"spouse": 0.4, "parent": 0.2, "child": 0.15, "sibling": 0.1, "grandparent": 0.05,
             "parent_in_law": 0.05, "grandchild": 0.03, "child_in_law": 0.02}  # fmt: skip
RELATIVE_STATUSES = {"citizen": 0.55, "permanent_resident": 0.2, "resident_foreigner": 0.15}
IMPOSSIBLE_DAYS = ("02-30", "02-31", "04-31", "06-31", "09-31", "11-31")
NOT_A_NUMBER = ("about a month", "two weeks", "3 weeks", "long")
NOT_A_PURPOSE = ("holiday", "vacation", "shopping", "medical treatment")


@dataclass(frozen=True)
class Pool:
    """Names of institutions or companies as people type them, with their countries and draw
    weights; ``local`` holds per nationality the names in that country, known to the registry
    and not."""

    names: list[str]
    countries: list[str]
    weights: np.ndarray
    local: dict[str, tuple[np.ndarray, np.ndarray]]


@cache
def _registry() -> tuple[Institution, ...]:
    return tuple(default_registry().institutions)


def company_pool() -> Pool:
    """Companies, each as likely; none is in the registry."""
    names = [name for names in COMPANIES.values() for name in names]
    country = np.asarray([code for code, names in COMPANIES.items() for _ in names])
    local = {code: (np.flatnonzero(country == code), np.empty(0, np.int64)) for code in COMPANIES}
    return Pool(names, list(country), np.full(len(names), 1 / len(names)), local)


def _variants(inst: Institution, rng: random.Random) -> list[tuple[str, float]]:
    """(text, share): the name, recased, "Univ.", misspelt, and a label in another language."""
    name = inst.name
    out = [(name, 0.45), (name.upper() if rng.random() < 0.5 else name.lower(), 0.12)]
    if "University" in name:
        out.append((name.replace(" of ", ", ").replace("University", "Univ."), 0.10))
    out.append((typo(name, rng), 0.15))
    labels = [label for label in inst.names() if label != name and len(label) < 120]
    if labels:
        out.append((rng.choice(labels), 0.18))
    return out


def institution_pool(types: tuple[str, ...], seed: int) -> Pool:
    """Registry institutions of these ROR types in their variants, Zipf-weighted, 90% of the
    draws; local institutions the registry does not hold, 10%."""
    rng = random.Random(seed)
    insts = [i for i in _registry() if set(i.types) & set(types)]
    rng.shuffle(insts)  # the rank for the Zipf weights
    names: list[str] = []
    countries: list[str] = []
    weights: list[float] = []
    for rank, inst in enumerate(insts):
        for text, share in _variants(inst, rng):
            names.append(text)
            countries.append(inst.country)
            weights.append(share / (rank + 1) ** 0.8)
    known = len(names)
    for code, towns in LOCAL_TOWNS.items():
        for town in towns:
            names.extend(f"{town} {kind}" for kind in LOCAL_KINDS)
            countries.extend([code] * len(LOCAL_KINDS))
    w = np.asarray(weights)
    unknown = len(names) - known
    w = np.concatenate([0.9 * w / w.sum(), np.full(unknown, 0.1 / unknown)])
    country = np.asarray(countries)
    is_known = np.arange(len(names)) < known
    local = {
        code: (
            np.flatnonzero(is_known & (country == code)),
            np.flatnonzero(~is_known & (country == code)),
        )
        for code in NATIONALITIES
    }
    return Pool(names, countries, w, local)


class Draw:
    """Vectorised draws for n rows: numpy indices and values, polars columns."""

    def __init__(self, rng: np.random.Generator, n: int) -> None:
        self.rng, self.n = rng, n

    def index(self, weights: Mapping[Any, float] | Sequence[float]) -> np.ndarray:
        """Positions in ``weights`` (a mapping's keys or a sequence), drawn by weight."""
        p = np.fromiter(weights.values() if isinstance(weights, Mapping) else weights, float)
        return self.rng.choice(len(p), self.n, p=p / p.sum())

    def value(self, weights: Mapping[int, float]) -> np.ndarray:
        return np.asarray(list(weights))[self.index(weights)]

    def flag(self, share: float) -> np.ndarray:
        return self.rng.random(self.n) < share

    def between(self, low: np.ndarray | int, high: np.ndarray | int) -> np.ndarray:
        """Whole numbers from low to high inclusive."""
        return self.rng.integers(low, np.asarray(high) + 1, self.n)

    def within(
        self, groups: Sequence[Sequence[str]], group: np.ndarray
    ) -> tuple[list[str], np.ndarray]:
        """A text of each row's group, uniformly: the flat vocabulary and the indices."""
        sizes = np.asarray([len(g) for g in groups])
        first = np.cumsum(sizes) - sizes
        picked = first[group] + (self.rng.random(self.n) * sizes[group]).astype(np.int64)
        return [text for g in groups for text in g], picked

    def tri(self, p_true: float, p_false: float, among: np.ndarray | None = None) -> pl.Series:
        """true / false / unknown (null), and unknown outside ``among``."""
        roll = self.rng.random(self.n)
        known = roll < p_true + p_false
        return _keep(pl.Series(roll < p_true), known if among is None else known & among)

    def named(self, pool: Pool, nationality: np.ndarray, home_share: float) -> np.ndarray:
        """At home (in the first nationality's country) with ``home_share``, else anywhere;
        at home an unknown local name one time in ten, always where the registry has none."""
        picked = self.rng.choice(len(pool.names), self.n, p=pool.weights)
        at_home = self.flag(home_share)
        unknown = self.flag(0.1)
        for c, code in enumerate(NATIONALITIES):
            known_here, unknown_here = pool.local[code]
            here = at_home & (nationality == c)
            for subset, rows in (
                (known_here, here & ~unknown),
                (unknown_here, here & (unknown | (len(known_here) == 0))),
            ):
                if len(subset) and rows.any():
                    picked[rows] = subset[self.rng.integers(0, len(subset), int(rows.sum()))]
        return picked

    def precision(self, year: float, month: float, day: float) -> np.ndarray:
        """How a date is written: 1 = YYYY, 2 = YYYY-MM, 3 = YYYY-MM-DD, 0 = left empty."""
        return self.value({1: year, 2: month, 3: day, 0: max(0.0, 1 - year - month - day)})


def _keep(values: pl.Series, keep: np.ndarray) -> pl.Series:
    """The values where ``keep``, null (unknown) elsewhere."""
    return values.zip_with(pl.Series(keep), values.clear(len(values)))


def _pick(
    vocab: Sequence[str | None], index: np.ndarray, keep: np.ndarray | None = None
) -> pl.Series:
    values = pl.Series(list(vocab), dtype=pl.String).gather(index)
    return values if keep is None else _keep(values, keep)


def _date_text(y: np.ndarray, m: np.ndarray, d: np.ndarray, precision: np.ndarray) -> pl.Series:
    year = pl.Series(y).cast(pl.String)
    month = year + "-" + pl.Series(m).cast(pl.String).str.zfill(2)
    day = month + "-" + pl.Series(d).cast(pl.String).str.zfill(2)
    p = pl.lit(pl.Series(precision))
    return pl.select(
        pl.when(p == 1)
        .then(pl.lit(year))
        .when(p == 2)
        .then(pl.lit(month))
        .when(p == 3)
        .then(pl.lit(day))
    ).to_series()


def _stated_count(draw: Draw, items: np.ndarray, when_none: float, when_some: float) -> pl.Series:
    """The count column: often given when there are no items (known none), less often else."""
    stated = np.where(items == 0, draw.flag(when_none), draw.flag(when_some))
    return _keep(pl.Series(items.astype(np.int64)), stated)


@dataclass
class Batch:
    frame: pl.DataFrame
    bad: dict[str, np.ndarray]  # defect kind -> 0-based row numbers


def generate(rows: int, seed: int = SEED) -> Batch:
    rng = np.random.default_rng(seed)
    draw = Draw(rng, rows)
    n = rows
    cols: dict[str, pl.Series] = {}

    # Which rows are bad, and how, first: a defect shapes the rest of its row.
    kind = np.where(draw.flag(BAD_SHARE), rng.integers(0, len(BAD_KINDS), n), -1)
    bad = {name: kind == i for i, name in enumerate(BAD_KINDS)}
    before_birth = bad["degree_before_birth"]

    codes = list(NATIONALITIES)
    nationality = draw.index(NATIONALITIES)
    first = _pick(codes, nationality)
    both = (
        first
        + SEPARATOR
        + _pick(codes, (nationality + draw.between(1, len(codes) - 1)) % len(codes))
    )
    cols["id"] = "P" + pl.Series(np.arange(1, n + 1)).cast(pl.String).str.zfill(7)
    cols["citizenship"] = first.zip_with(pl.Series(draw.flag(0.97)), both)

    age = np.clip(np.rint(rng.gamma(6.0, 5.5, n) + 18), 18, 75).astype(np.int64)
    birth_year = 2025 - age
    # a degree before birth needs a birth date
    birth_precision = np.where(before_birth, 3, draw.precision(0.13, 0.10, 0.65))
    cols["birth_date"] = _date_text(
        birth_year, draw.between(1, 12), draw.between(1, 28), birth_precision
    )
    cols["former_chinese_national"] = draw.tri(0.01, 0.25)

    # --- the plan -------------------------------------------------------------------------
    purposes = list(PURPOSES)
    purpose = draw.index(PURPOSES)

    def purpose_is(*names: str) -> np.ndarray:
        return np.isin(purpose, [purposes.index(p) for p in names])

    working, family = purpose_is("work", "talent"), purpose_is("family_visit", "family_reunion")
    transit, talent, study = purpose_is("transit"), purpose_is("talent"), purpose_is("study")
    cols["plan.purpose"] = _pick(purposes, purpose)
    low = np.select([transit, working, study, family], [1, 180, 90, 14], 3)
    high = np.select([transit, working, study, family], [10, 1095, 1460, 180], 60)
    cols["plan.stay_days"] = _keep(
        pl.Series(draw.between(low, high)).cast(pl.String), draw.flag(0.9)
    )
    usual = np.select([purpose_is(*INVITED_BY_ORGANISATION), family], [0, 1], 2)
    inviter = np.where(draw.flag(0.6), usual, draw.between(0, 2))
    cols["plan.invitation.from"] = _pick(
        ("organisation", "person", "none"), inviter, draw.flag(0.7)
    )
    passports = {"ordinary": 0.6, "service": 0.2, "diplomatic": 0.15, "public_affairs": 0.05}
    cols["plan.passport_type"] = _pick(list(passports), draw.index(passports), draw.flag(0.04))
    cols["plan.work_permit.category"] = _pick(
        ("A", "B", "C"), draw.index((0.25, 0.6, 0.15)), working & draw.flag(0.6)
    )
    letter = rng.random(n)
    cols["plan.high_end_talent_confirmation"] = _keep(
        pl.Series(talent & (letter < 0.4)), np.where(talent, letter < 0.7, draw.flag(0.05))
    )
    salaried = working & draw.flag(0.7)
    currency = draw.index({"CNY": 0.8, "USD": 0.15, "EUR": 0.05})
    cny = rng.lognormal(np.log(300_000), 0.6, n)
    amount = np.rint(cny / np.asarray([1.0, 7.1, 7.8])[currency] / 100) * 100
    cols["plan.job_offer.salary.amount"] = _keep(pl.Series(amount.astype(np.int64)), salaried)
    cols["plan.job_offer.salary.currency"] = _pick(("CNY", "USD", "EUR"), currency, salaried)
    months = np.where(draw.flag(0.7), 12.0, draw.between(2, 23) / 2)
    cols["plan.annual_months_in_destination"] = _keep(pl.Series(months), working & draw.flag(0.6))
    regions = {"other": 0.6, "western": 0.2, "northeast": 0.12, "poverty_county": 0.08}
    cols["plan.work_region"] = _pick(list(regions), draw.index(regions), working & draw.flag(0.4))
    cols["plan.onward_ticket"] = draw.tri(0.7, 0.1, transit)
    places = len(TRANSIT_COUNTRIES)
    arriving = draw.between(0, places - 1)
    # onward to another country mostly: to the same one is a transit the law does not cover
    onward = (arriving + np.where(draw.flag(0.93), draw.between(1, places - 1), 0)) % places
    cols["plan.arriving_from"] = _pick(TRANSIT_COUNTRIES, arriving, transit & draw.flag(0.85))
    cols["plan.onward_to"] = _pick(TRANSIT_COUNTRIES, onward, transit & draw.flag(0.85))
    entry = draw.between(0, len(PORTS) - 1)
    exit_ = np.where(draw.flag(0.6), entry, draw.between(0, len(PORTS) - 1))
    cols["plan.entry_port"] = _pick(PORTS, entry, transit & draw.flag(0.8))
    cols["plan.exit_port"] = _pick(PORTS, exit_, transit & draw.flag(0.7))
    touring = (transit & draw.flag(0.5)) | (purpose_is("tourism") & draw.flag(0.3))
    cols["plan.regions"] = _pick(REGIONS, draw.between(0, len(REGIONS) - 1), touring)

    # --- degrees, each later than the one before -------------------------------------------
    completed_year = np.cumsum(
        [birth_year + draw.between(21, 24), draw.between(1, 2), draw.between(3, 5)], axis=0
    )
    # a degree that would end after next year is not begun yet; a bad row keeps its degree
    wanted = draw.index((0.22, 0.45, 0.23, 0.10))
    degrees = np.minimum(wanted, (completed_year <= LAST_YEAR + 1).sum(axis=0))
    degrees = np.where(before_birth, np.maximum(degrees, 1), degrees)
    schools = institution_pool(("education",), seed)
    levels = list(LEVEL_TEXTS)
    field = draw.between(0, len(FIELDS) - 1)
    for i in range(MAX_ITEMS):
        has, at = degrees > i, f"education[{i}]"
        school = draw.named(schools, nationality, home_share=0.55)
        cols[f"{at}.institution"] = _pick(schools.names, school, has)
        cols[f"{at}.country"] = _pick(schools.countries, school, has & draw.flag(0.65))
        field = np.where(draw.flag(0.6), field, draw.between(0, len(FIELDS) - 1))  # often the same
        cols[f"{at}.field"] = _pick(FIELDS, field, has & draw.flag(0.93))
        level = np.asarray([levels.index(lv) for lv in SLOT_LEVELS[i]])[draw.index(SLOT_LEVELS[i])]
        vocab, text = draw.within(list(LEVEL_TEXTS.values()), level)
        cols[f"{at}.level"] = _pick(vocab, text, has & draw.flag(0.95))
        year = completed_year[i]
        precision = np.where(has, draw.precision(0.35, 0.55, 0.05), 0)
        if i == 0:  # the defect: completed years before birth
            year = np.where(before_birth, birth_year - draw.between(1, 5), year)
            precision = np.where(before_birth, np.maximum(precision, 1), precision)
        month = np.where(draw.flag(0.7), draw.between(6, 7), draw.between(1, 12))
        cols[f"{at}.completed"] = _date_text(year, month, draw.between(1, 28), precision)
    cols["education.count"] = _stated_count(draw, degrees, 0.45, 0.25)

    # --- jobs, one after another from the last degree completed ------------------------------
    free = birth_year + draw.between(18, 22)  # when work begins, without a degree
    for i in range(MAX_ITEMS):
        free = np.where((degrees > i) & (completed_year[i] <= LAST_YEAR), completed_year[i], free)
    span = rng.integers(1, 9, (MAX_ITEMS, n))
    start_year = free + draw.between(0, 1) + np.cumsum([np.zeros(n, np.int64), *span[:-1]], axis=0)
    jobs = np.minimum(draw.index((0.25, 0.38, 0.24, 0.13)), (start_year <= LAST_YEAR).sum(axis=0))
    labs = institution_pool(("education", "facility", "government"), seed + 1)
    companies = company_pool()
    kinds = list(JOB_KINDS)
    for i in range(MAX_ITEMS):
        has, at = jobs > i, f"employment[{i}]"
        job_kind = draw.index(JOB_KINDS)
        academic = pl.Series(np.isin(job_kind, [kinds.index("research"), kinds.index("teaching")]))
        lab = draw.named(labs, nationality, home_share=0.5)
        company = draw.named(companies, nationality, home_share=0.6)
        employer = _pick(labs.names, lab).zip_with(academic, _pick(companies.names, company))
        country = _pick(labs.countries, lab).zip_with(academic, _pick(companies.countries, company))
        cols[f"{at}.employer"] = _keep(employer, has & draw.flag(0.97))
        cols[f"{at}.country"] = _keep(country, has & draw.flag(0.7))
        vocab, role = draw.within(ROLES, job_kind)
        cols[f"{at}.role"] = _pick(vocab, role, has & draw.flag(0.9))
        own_field = academic.to_numpy() & draw.flag(0.7)  # research and teaching in their field
        job_field = np.where(own_field, field, draw.between(0, len(FIELDS) - 1))
        cols[f"{at}.field"] = _pick(FIELDS, job_field, has & draw.flag(0.8))
        cols[f"{at}.activity"] = _pick(kinds, job_kind, has & draw.flag(0.8))
        precision = np.where(has, draw.precision(0.2, 0.7, 0.1), 0)
        cols[f"{at}.start"] = _date_text(
            start_year[i], draw.between(1, 12), draw.between(1, 28), precision
        )
        end_year = start_year[i] + span[i]
        # the last job is current (no end) more often than not, and always if it ends later
        current = (jobs == i + 1) & (draw.flag(0.6) | (end_year > LAST_YEAR))
        end_precision = np.where(has & ~current, draw.precision(0.2, 0.7, 0.1), 0)
        cols[f"{at}.end"] = _date_text(
            end_year, draw.between(1, 12), draw.between(1, 28), end_precision
        )
    cols["employment.count"] = _stated_count(draw, jobs, 0.35, 0.2)

    # --- a language, a relative in China ---------------------------------------------------
    tests = list(LANGUAGE_TESTS)
    test = draw.index(TEST_SHARES)
    tested = draw.flag(0.3)
    cols["languages[0].language"] = _pick([t[0] for t in tests], test, tested)
    cols["languages[0].test"] = _pick([t[1] for t in tests], test, tested & draw.flag(0.9))
    vocab, score = draw.within(list(LANGUAGE_TESTS.values()), test)
    cols["languages[0].level"] = _pick(vocab, score, tested & draw.flag(0.9))
    relative = (family & draw.flag(0.85)) | draw.flag(0.02)
    cols["family_in_destination[0].relation"] = _pick(
        list(RELATIONS), draw.index(RELATIONS), relative
    )
    cols["family_in_destination[0].status"] = _pick(
        list(RELATIVE_STATUSES), draw.index(RELATIVE_STATUSES), relative & draw.flag(0.9)
    )

    # --- the defects (the degree before birth is in place already) --------------------------
    def spoil(column: str, where_bad: np.ndarray, values: Sequence[str]) -> None:
        where = np.flatnonzero(where_bad)
        chosen = np.asarray(values)[rng.integers(0, len(values), len(where))]
        cols[column] = cols[column].scatter(where, pl.Series(chosen, dtype=pl.String))

    impossible = [f"{y}-{md}" for y in range(1960, 2001) for md in IMPOSSIBLE_DAYS]
    spoil("birth_date", bad["invalid_date"], impossible)
    spoil("citizenship", bad["unknown_country"], ["ZZ"])
    spoil("plan.stay_days", bad["stay_days_not_a_number"], NOT_A_NUMBER)
    spoil("plan.purpose", bad["purpose_not_allowed"], NOT_A_PURPOSE)
    return Batch(pl.DataFrame(cols), {name: np.flatnonzero(mask) for name, mask in bad.items()})


# --- reading a row back as a profile -------------------------------------------------------


def profile_from_row(row: Mapping[str, Any]) -> dict[str, Any]:
    """One row as the profile document CONTRACT.md says it stands for: empty cells unknown,
    ``;`` between codes and places, items numbered from 0, a collection all empty unknown unless
    its ``.count`` column says how many items there are. (A reference reading for the benches
    and tests; ``visarules screen`` has its own.)"""
    profile: dict[str, Any] = {}
    for column, value in row.items():
        if value is None or value == "" or column == "id" or column.endswith(".count"):
            continue
        node = profile
        *parents, leaf = column.split(".")
        for part in parents:
            name, _, index = part.partition("[")
            if not index:
                node = node.setdefault(name, {})
                continue
            items = node.setdefault(name, [])
            position = int(index.rstrip("]"))
            items.extend({} for _ in range(position + 1 - len(items)))
            node = items[position]
        node[leaf] = value.split(SEPARATOR) if column in LIST_COLUMNS else value
    for collection in COUNTED:
        count = row.get(f"{collection}.count")
        if count not in (None, "") and collection not in profile:
            profile[collection] = [{} for _ in range(int(count))]
    return profile


# --- writing ----------------------------------------------------------------------------------


def sidecar_path(out: Path) -> Path:
    return out.with_suffix(".expected.json")


def expected(batch: Batch, seed: int) -> dict[str, Any]:
    bad_rows = sorted(int(r) + 1 for rows in batch.bad.values() for r in rows)
    return {
        "rows": batch.frame.height,
        "seed": seed,
        "rows_out": batch.frame.height - len(bad_rows),
        "bad_rows": bad_rows,
        "bad_by_kind": {
            kind: {"field": BAD_KINDS[kind], "rows": [int(r) + 1 for r in rows]}
            for kind, rows in batch.bad.items()
        },
    }


def write(frame: pl.DataFrame, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.suffix == ".parquet":
        frame.write_parquet(path, compression="zstd")
    elif path.suffix == ".csv":
        frame.write_csv(path)
    else:
        raise SystemExit(f"{path}: expected a .parquet or .csv file name")


def peak_memory_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--out", type=Path, required=True, help="a .parquet or .csv file")
    parser.add_argument("--csv", type=Path, help="also write the rows as this CSV file")
    parser.add_argument("--seed", type=int, default=SEED)
    args = parser.parse_args(argv)

    start = time.perf_counter()
    batch = generate(args.rows, args.seed)
    figures: list[tuple[str, str]] = [("seconds, generate", f"{time.perf_counter() - start:.1f}")]
    for path in (args.out, *([args.csv] if args.csv else [])):
        start = time.perf_counter()
        write(batch.frame, path)
        size = path.stat().st_size / 1e6
        figures.append(
            (
                f"seconds, write {path.suffix[1:]} ({size:,.0f} MB)",
                f"{time.perf_counter() - start:.1f}",
            )
        )
    sidecar = sidecar_path(args.out)
    report = expected(batch, args.seed)
    sidecar.write_text(json.dumps(report, separators=(",", ":")) + "\n", encoding="utf-8")

    rows, bad = report["rows"], len(report["bad_rows"])
    print(f"{'rows':44s} {rows:>12,}")
    print(f"{'columns':44s} {batch.frame.width:>12,}")
    print(f"{'bad rows':44s} {bad:>12,}  ({bad / max(rows, 1):.1%})")
    for kind, entry in report["bad_by_kind"].items():
        print(f"  {kind + ' (' + entry['field'] + ')':42s} {len(entry['rows']):>12,}")
    print(f"{'rows a screen should output':44s} {report['rows_out']:>12,}")
    for key, value in figures:
        print(f"{key:44s} {value:>12s}")
    print(f"{'peak memory MB':44s} {peak_memory_mb():>12,.0f}")
    print(f"expected results: {sidecar}")


if __name__ == "__main__":
    main()
