"""H-1B: specialty occupation workers (INA 101(a)(15)(H)(i)(b)), and the USD 100,000 payment
of Proclamation 10973.

INA 214(i)(1): a "specialty occupation" requires "(A) theoretical and practical application of
a body of highly specialized knowledge, and (B) attainment of a bachelor's or higher degree in
the specific specialty (or its equivalent) as a minimum for entry into the occupation".
8 CFR 214.2(h)(4)(ii) (from 17 Jan 2025): the degree must be in a "directly related" specific
specialty; a range of fields is allowed if each is directly related to the duties.
8 CFR 214.2(h)(4)(iii)(C): the worker holds such a degree (US, or a foreign equivalent).
The employer petitions (Form I-129); the worker cannot. Cap-subject petitions first need a
registration selected from those received (65,000 + 20,000 for US master's holders): random
until the FY 2026 season, weighted by the offered wage level from 27 Feb 2026. The selection is
reported beside the status, never folded into it: "eligible" means the petition's criteria
are met.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

import polars as pl

from visarules.engine.assumptions import Assumption, Option
from visarules.engine.citations import cite
from visarules.engine.context import Context
from visarules.engine.nodes import AllOf, AnyOf, Criterion, ForAnyItem
from visarules.engine.parameters import Parameter
from visarules.engine.visa import Cost, Visa
from visarules.facts import (
    CONSULAR,
    EDU_OFFER_RELATED,
    EDUCATION,
    EXPERIENCE_YEARS,
    HIGHEST_LEVEL,
    IN_VALID_STATUS,
    LOCATION,
    OFFER_DEGREE_RELATED,
    OFFER_REQUIRES_BACHELOR,
    PAYMENT_EXCEPTION,
    PETITION_DATE,
    PETITION_TYPE,
    VALID_H1B_VISA,
)
from visarules.jurisdictions.us.common import (
    IMMACT90_IN_FORCE,
    JURISDICTION,
    awarded_degree,
    cfr_214,
    ina,
    us_offer,
)

PARAMETERS = "h1b.yaml"
SINCE = IMMACT90_IN_FORCE
PAYMENT = "us.h1b.payment_10973"

INA_H1B = ina(
    "101(a)(15)(H)(i)(b)",
    excerpt="an alien ... who is coming temporarily to the United States to perform services "
    "... in a specialty occupation described in section 214(i)(1) ...",
)
INA_SPECIALTY = ina(
    "214(i)(1)",
    excerpt="the term 'specialty occupation' means an occupation that requires (A) theoretical "
    "and practical application of a body of highly specialized knowledge, and (B) attainment of "
    "a bachelor's or higher degree in the specific specialty (or its equivalent) as a minimum "
    "for entry into the occupation in the United States.",
)
CFR_PETITION = cfr_214(
    "(h)(2)(i)(A)",
    excerpt="A United States employer seeking to classify an alien as an H-1B ... shall file a "
    "petition on the form prescribed by USCIS ...",
)
CFR_SPECIALTY = cite(
    "H1B-MODERNIZATION-2024",
    "8 CFR 214.2(h)(4)(ii), definition of specialty occupation",
    excerpt="A position is not a specialty occupation if attainment of a general degree, such "
    "as business administration or liberal arts, without further specialization, is sufficient "
    "to qualify for the position. ... 'directly related' means there is a logical connection "
    "between the required degree, or its equivalent, and the duties of the position.",
)
CFR_BENEFICIARY = cfr_214(
    "(h)(4)(iii)(C)",
    excerpt="To qualify to perform services in a specialty occupation, the alien must meet one "
    "of the following criteria: (1) Hold a United States baccalaureate or higher degree required "
    "by the specialty occupation from an accredited college or university; (2) Hold a foreign "
    "degree determined to be equivalent to a United States baccalaureate or higher degree "
    "required by the specialty occupation ...",
)
PROC_SEC_1 = cite(
    "PROC-10973",
    "sec. 1(a)",
    excerpt="the entry into the United States of aliens as nonimmigrants to perform services "
    "in a specialty occupation under section 101(a)(15)(H)(i)(b) ... is restricted, except for "
    "those aliens whose petitions are accompanied or supplemented by a payment of $100,000",
)
PROC_SEC_1C = cite(
    "PROC-10973",
    "sec. 1(c)",
    excerpt="The restriction ... shall not apply to any individual alien, all aliens working "
    "for a company, or all aliens working in an industry, if the Secretary of Homeland Security "
    "determines, in the Secretary's discretion, that the hiring of such aliens to be employed "
    "as H-1B specialty occupation workers is in the national interest ...",
)
PROC_SEC_3 = cite(
    "PROC-10973",
    "sec. 3",
    excerpt="this proclamation shall expire 12 months after the effective date of this "
    "proclamation, absent extension.",
)
GUIDANCE = cite("USCIS-PROC-10973-GUIDANCE", "who must pay")

WAGE_MIX = Assumption(
    name="us.h1b.wage_mix",
    question="How are H-1B registrations spread over the four wage levels (for the selection "
    "chance under weighted selection)?",
    why_open="DHS published its estimated chance per level, not the mix it assumed; the "
    "chance of one level depends on how many register at the others.",
    default="dhs",
    options=(
        Option("dhs", "DHS's own estimate per level (15.29 / 30.58 / 45.87 / 61.16 %)"),
        Option(
            "dhs_implied",
            "A mix of I 20 %, II 69 %, III 8 %, IV 3 %, back-calculated by visarules from DHS's "
            "projected changes (rough)",
        ),
        Option("uniform", "A quarter of the registrations at each level (illustrative)"),
    ),
    citations=(cite("H1B-WEIGHTED-NPRM-2025", "regulatory impact analysis"),),
)
ASSUMPTIONS = (WAGE_MIX,)


def _term(ctx: Context) -> tuple[date, date | None]:
    """First day of the payment and the last day of its term, whatever the as-of date: the
    payment follows the petition's filing date."""
    parameter: Parameter = ctx.parameters[PAYMENT]
    ends = [v.until for v in parameter.values]
    return parameter.values[0].since, None if None in ends else max(e for e in ends if e)


def _filed_from(ctx: Context) -> pl.Expr:
    start, _ = _term(ctx)
    return (
        pl.when(pl.col("petition_earliest") >= start)
        .then(True)
        .when(pl.col("petition_latest") < start)
        .then(False)
    )


def _within_term(ctx: Context) -> pl.Expr:
    """Filed within the proclamation's term; after its end visarules does not know the law
    (no extension and no lapse on record), so unknown, not "not due"."""
    _, end = _term(ctx)
    return pl.lit(True) if end is None else pl.when(pl.col("petition_latest") <= end).then(True)


PAYMENT_DUE = AllOf(
    id="us.h1b.payment",
    text="The USD 100,000 payment of Proclamation 10973 is due with this petition",
    citations=(PROC_SEC_1, GUIDANCE),
    nodes=(
        Criterion(
            id="us.h1b.payment.filed_from",
            text="The petition is filed on or after 21 September 2025, 12:01 a.m. EDT (absent a "
            "filing date: on the as-of date)",
            formula=_filed_from,
            reads=(PETITION_DATE,),
            since=SINCE,
            timeless=True,
            citations=(PROC_SEC_1, GUIDANCE),
        ),
        Criterion(
            id="us.h1b.payment.within_term",
            text="The petition is filed within the proclamation's 12-month term, which ends on "
            "21 September 2026 absent extension",
            formula=_within_term,
            reads=(PETITION_DATE,),
            since=SINCE,
            timeless=True,
            citations=(PROC_SEC_3,),
        ),
        Criterion(
            id="us.h1b.payment.no_valid_visa",
            text="The worker does not hold a valid H-1B visa already issued",
            formula=lambda ctx: ~pl.col(VALID_H1B_VISA.name),
            reads=(VALID_H1B_VISA,),
            since=SINCE,
            timeless=True,
            citations=(GUIDANCE,),
        ),
        Criterion(
            id="us.h1b.payment.no_exception",
            text="No national-interest exception granted by the Secretary of Homeland Security",
            formula=lambda ctx: ~pl.col(PAYMENT_EXCEPTION.name),
            reads=(PAYMENT_EXCEPTION,),
            since=SINCE,
            timeless=True,
            citations=(PROC_SEC_1C,),
        ),
        AnyOf(
            id="us.h1b.payment.case",
            text="A case the USCIS guidance of 20 October 2025 makes pay",
            citations=(GUIDANCE,),
            nodes=(
                Criterion(
                    id="us.h1b.payment.outside_us",
                    text="The worker is outside the United States",
                    formula=lambda ctx: pl.col(LOCATION.name) == "outside_us",
                    reads=(LOCATION,),
                    since=SINCE,
                    timeless=True,
                    citations=(GUIDANCE,),
                ),
                Criterion(
                    id="us.h1b.payment.notification",
                    text="The petition asks for consular, port-of-entry or pre-flight notification",
                    formula=lambda ctx: pl.col(CONSULAR.name),
                    reads=(CONSULAR,),
                    since=SINCE,
                    timeless=True,
                    citations=(GUIDANCE,),
                ),
                Criterion(
                    id="us.h1b.payment.not_granted_inside",
                    text="A change of status, amendment or extension inside the US that USCIS "
                    "cannot grant (the worker is not in valid status)",
                    formula=lambda ctx: (
                        (pl.col(LOCATION.name) == "inside_us")
                        & pl.col(PETITION_TYPE.name).is_in(
                            ["change_of_status", "amendment", "extension"]
                        )
                        & ~pl.col(IN_VALID_STATUS.name)
                    ),
                    reads=(LOCATION, PETITION_TYPE, IN_VALID_STATUS),
                    since=SINCE,
                    timeless=True,
                    citations=(GUIDANCE,),
                ),
            ),
        ),
    ),
)

EQUIVALENCE = Criterion(
    id="us.h1b.equivalence",
    text="Without a qualifying degree: education and specialised experience equivalent to one "
    "(three years of experience for each missing year of college; a credentials evaluation "
    "decides, so at most undetermined)",
    formula=lambda ctx: (
        pl.when(
            pl.col("experience_max")
            < pl.when(pl.col(HIGHEST_LEVEL.name) >= 5).then(6).otherwise(12)
        )
        .then(False)
        .otherwise(None)
    ),
    reads=(EXPERIENCE_YEARS, HIGHEST_LEVEL),
    since=SINCE,
    citations=(
        cfr_214(
            "(h)(4)(iii)(C)(4) and (D)(5)",
            excerpt="(4) Have education, specialized training, and/or progressively responsible "
            "experience that is equivalent to completion of a United States baccalaureate or "
            "higher degree in the specialty occupation ... (5) ... three years of specialized "
            "training and/or work experience must be demonstrated for each year of college-level "
            "training the alien lacks.",
        ),
    ),
)

DEGREE = ForAnyItem(
    id="us.h1b.degree",
    text="Holds a bachelor's or higher degree (US or foreign equivalent) in a specialty directly "
    "related to the job",
    collection=EDUCATION,
    citations=(CFR_BENEFICIARY,),
    node=AllOf(
        id="us.h1b.degree.all",
        text="This degree qualifies the worker for the specialty occupation",
        citations=(CFR_BENEFICIARY,),
        nodes=(
            *awarded_degree("us.h1b.degree", 6, CFR_BENEFICIARY, SINCE),
            Criterion(
                id="us.h1b.degree.related",
                text="In a specialty directly related to the job: as stated in "
                "plan.job_offer.degree_related, else when the degree and the job are in the "
                "same field of study (ISCED-F narrow field)",
                formula=lambda ctx: pl.coalesce(
                    pl.col(OFFER_DEGREE_RELATED.name), pl.col(EDU_OFFER_RELATED.name)
                ),
                reads=(EDU_OFFER_RELATED, OFFER_DEGREE_RELATED),
                since=SINCE,
                citations=(CFR_SPECIALTY,),
            ),
        ),
    ),
)


def _exempt_types(ctx: Context) -> list[str]:
    dated = ctx.dated("us.h1b.cap_exempt_employers")  # none before AC21 (17 Oct 2000)
    return list(dated.value) if dated else []


def _selection(ctx: Context, facts: Mapping[str, Any]) -> dict[str, Any]:
    """The cap and the registration selection beside the status: an estimate, with its inputs."""
    employer, petition = facts.get("offer_employer_type"), facts.get("petition_type")
    exempt_types = _exempt_types(ctx)
    if petition in ("extension", "amendment") or employer in exempt_types:
        cap_subject: bool | None = False
    else:
        cap_subject = True if employer is not None else None
    dated = ctx.dated("us.h1b.selection")
    if dated is None:
        return {}
    rule = dated.value
    level = facts.get("offer_wage_level")
    mix_name = ctx.assume(WAGE_MIX.name)
    weights: dict[str, int] = rule.get("weights") or {}
    if not weights:
        chance_by_level = {lv: rule["random_chance"] for lv in ("I", "II", "III", "IV")}
    elif mix_name == "dhs":
        chance_by_level = rule["dhs_chance"]
    else:
        mix = ctx.param("us.h1b.wage_mix")[mix_name]
        mean = sum(mix[lv] * weights[lv] for lv in weights)
        chance_by_level = {
            lv: round(weights[lv] * rule["random_chance"] / mean, 4) for lv in weights
        }
    cap = ctx.param("us.h1b.cap")
    return {
        "selection": {
            "cap_subject": cap_subject,
            "cap": cap,
            "process": rule["process"],
            "wage_level": level,
            "chance": chance_by_level.get(level) if level else None,
            "chance_by_level": chance_by_level,
            "estimate": True,
            "text": dated.note,
            "inputs": {
                "process": rule["process"],
                "weights": weights or None,
                "wage_mix": mix_name if weights else None,
                "random_chance": rule["random_chance"],
            },
            "advanced_degree": "A holder of a US master's or higher degree is also in the second "
            "draw for the 20,000 advanced-degree numbers; DHS publishes no chance for it.",
            "citations": [c.render(ctx.as_of) for c in dated.citations],
        }
    }


H1B = Visa(
    code="US-H-1B",
    country="US",
    name="H-1B (specialty occupation worker)",
    summary="Workers in a specialty occupation, one that requires a bachelor's or higher in a "
    "directly related specialty, petitioned for by a US employer.",
    requires="An approved Form I-129 petition filed by the US employer (for cap-subject "
    "employers, after a selected registration), with a certified Labor Condition Application",
    since=SINCE,
    established_by=INA_H1B,
    conditions=AllOf(
        id="us.h1b.conditions",
        text="A specialty occupation offered by a US employer, and a worker qualified for it",
        citations=(INA_H1B, INA_SPECIALTY),
        nodes=(
            us_offer(
                "us.h1b",
                "A US employer offers the job and files the petition (the worker cannot "
                "petition for himself or herself)",
                CFR_PETITION,
                SINCE,
            ),
            Criterion(
                id="us.h1b.specialty_occupation",
                text="The job is a specialty occupation: it requires a bachelor's or higher "
                "degree in a directly related specific specialty",
                formula=lambda ctx: pl.col(OFFER_REQUIRES_BACHELOR.name),
                reads=(OFFER_REQUIRES_BACHELOR,),
                since=SINCE,
                citations=(INA_SPECIALTY, CFR_SPECIALTY),
            ),
            AnyOf(
                id="us.h1b.qualified",
                text="The worker qualifies for the specialty occupation",
                citations=(CFR_BENEFICIARY,),
                nodes=(DEGREE, EQUIVALENCE),
            ),
        ),
    ),
    costs=(
        Cost(
            id="us.h1b.payment_10973",
            amount=PAYMENT,
            due=PAYMENT_DUE,
            unknown_law="Proclamation 10973 expires 12 months after 21 September 2025 unless "
            "extended, and this petition is filed after that: visarules has no record of an "
            "extension or of the payment's end (sources searched up to "
            f"{JURISDICTION.verified_on.isoformat()}). Litigation over the payment was pending "
            "when last checked (jurisdictions/us/RESEARCH_NOTES.md).",
        ),
    ),
    beside=_selection,
    beside_assumptions=(WAGE_MIX.name,),
    notes=(
        "The annual cap and the registration selection decide whether a cap-subject petition can "
        "be filed at all; they are reported under 'selection' beside the status, not in it.",
        "The route by equivalent education and experience (8 CFR 214.2(h)(4)(iii)(C)(4), (D)) "
        "is left undetermined when the years of experience could suffice: a credentials "
        "evaluation decides it.",
        "The employer must also obtain a certified Labor Condition Application and pay at least "
        "the prevailing wage (INA 212(n)); visarules does not check wages.",
        "Proclamation 10973 (USD 100,000 payment) is under litigation; see the cost's note.",
    ),
)

VISAS = (H1B,)
