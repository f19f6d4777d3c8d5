"""EB-1: priority workers (INA 203(b)(1); 8 CFR 204.5(h)-(j)), immigrant visas leading to
permanent residence.

(A) Extraordinary ability: a one-time major international award or three of ten criteria;
    no job offer; the person may petition (8 CFR 204.5(h)(5)).
(B) Outstanding professors and researchers: two of six criteria, three years of teaching or
    research, and a permanent research or tenure-track offer; the employer petitions.
(C) Multinational executives and managers: one year of the three before the petition as a
    manager or executive abroad for the offering employer or a related company, which has
    done business in the US for a year; the employer petitions.
"""

from __future__ import annotations

import polars as pl

from visarules.engine.nodes import AllOf, AnyOf, Criterion, ForAnyItem
from visarules.engine.visa import Visa
from visarules.facts import (
    EMPLOYMENT,
    JOB_CAPACITY,
    JOB_COUNTRY,
    JOB_RELATED_TO_OFFER,
    JOB_YEAR_IN_THREE,
    MAJOR_AWARD,
    OFFER_CAPACITY,
    OFFER_EMPLOYER_ONE_YEAR,
    OFFER_POSITION,
    RESEARCH_YEARS,
)
from visarules.jurisdictions.us.common import (
    IMMACT90_IN_FORCE,
    MERITS_NOTE,
    cfr_204,
    evidence,
    ina,
    us_offer,
)

PARAMETERS = None
SINCE = IMMACT90_IN_FORCE
MANAGERIAL = ["managerial", "executive"]

INA_EB1 = ina(
    "203(b)(1)",
    excerpt="Visas shall first be made available ... to qualified immigrants who are aliens "
    "described in any of the following subparagraphs (A) through (C):",
)
INA_EB1A = ina(
    "203(b)(1)(A)",
    excerpt="The alien has extraordinary ability in the sciences, arts, education, business, or "
    "athletics which has been demonstrated by sustained national or international acclaim ...",
)
INA_EB1B = ina(
    "203(b)(1)(B)",
    excerpt="the alien is recognized internationally as outstanding in a specific academic "
    "area, ... has at least 3 years of experience in teaching or research in the academic area, "
    "and ... seeks to enter the United States for a tenured position (or tenure-track position) "
    "... or for a comparable position ... to conduct research ...",
)
INA_EB1C = ina(
    "203(b)(1)(C)",
    excerpt="... in the 3 years preceding the time of the alien's application ... has been "
    "employed for at least 1 year by a firm or corporation or other legal entity or an "
    "affiliate or subsidiary thereof and ... seeks to enter the United States in order to "
    "continue to render services to the same employer or to a subsidiary or affiliate thereof "
    "in a capacity that is managerial or executive.",
)

EB1A = Visa(
    code="US-EB-1A",
    country="US",
    name="EB-1A (immigrant: extraordinary ability)",
    summary="Permanent residence for people at the very top of their field, shown by a one-time "
    "major international award or three of ten criteria; no job offer, self-petition allowed.",
    requires="An approved Form I-140 petition (the person may file it), then an immigrant visa "
    "or adjustment of status when a visa number is available",
    since=SINCE,
    established_by=INA_EB1A,
    conditions=AnyOf(
        id="us.eb1a.evidence",
        text="A one-time major international award, or three of the ten criteria (necessary; a "
        "final merits determination follows)",
        citations=(INA_EB1A, cfr_204("(h)(3)")),
        nodes=(
            Criterion(
                id="us.eb1a.major_award",
                text="A one-time achievement: a major, internationally recognised award",
                formula=lambda ctx: pl.col(MAJOR_AWARD.name),
                reads=(MAJOR_AWARD,),
                since=SINCE,
                citations=(
                    cfr_204(
                        "(h)(3)",
                        excerpt="... evidence of a one-time achievement (that is, a major, "
                        "international recognized award) ...",
                    ),
                ),
            ),
            evidence("us.eb1a", SINCE),
        ),
    ),
    notes=(
        MERITS_NOTE,
        "No job offer is needed; the person must intend to keep working in the field in the US "
        "(8 CFR 204.5(h)(5)).",
    ),
)

EB1B = Visa(
    code="US-EB-1B",
    country="US",
    name="EB-1B (immigrant: outstanding professor or researcher)",
    summary="Permanent residence for internationally recognised researchers and professors "
    "with three years' experience and a permanent research or tenure-track offer.",
    requires="An approved Form I-140 petition filed by the US employer",
    since=SINCE,
    established_by=INA_EB1B,
    conditions=AllOf(
        id="us.eb1b.conditions",
        text="Outstanding in the academic field, experienced, and offered a permanent position",
        citations=(INA_EB1B,),
        nodes=(
            us_offer(
                "us.eb1b",
                "A US university, institution or qualifying employer offers the job and files "
                "the petition",
                cfr_204("(i)(1)"),
                SINCE,
            ),
            Criterion(
                id="us.eb1b.position",
                text="The job is tenured, tenure-track or a permanent research position",
                formula=lambda ctx: pl.col(OFFER_POSITION.name).is_in(
                    ["tenured", "tenure_track", "permanent_research"]
                ),
                reads=(OFFER_POSITION,),
                since=SINCE,
                citations=(
                    cfr_204(
                        "(i)(3)(iii)",
                        excerpt="An offer of employment from a prospective United States "
                        "employer ... for a tenured or tenure-track teaching or a comparable "
                        "research position ...",
                    ),
                ),
            ),
            Criterion(
                id="us.eb1b.experience",
                text="At least three years of teaching or research in the academic field",
                formula=lambda ctx: (
                    pl.when(pl.col("research_years_min") >= 3)
                    .then(True)
                    .when(pl.col("research_years_max") < 3)
                    .then(False)
                ),
                reads=(RESEARCH_YEARS,),
                since=SINCE,
                citations=(
                    cfr_204(
                        "(i)(3)(ii)",
                        excerpt="Evidence that the alien has at least three years of experience "
                        "in teaching and/or research in the academic field.",
                    ),
                ),
            ),
            evidence("us.eb1b", SINCE),
        ),
    ),
    notes=(
        MERITS_NOTE,
        "The prizes criterion (A) asks for major prizes for outstanding achievement in the "
        "academic field; visarules counts any recognised prize (achievements.awards) and leaves "
        "whether it is major to the merits determination.",
        "Research experience gained while working on an advanced degree counts only in the "
        "cases 8 CFR 204.5(i)(3)(ii) allows; visarules counts every research or teaching job.",
    ),
)

EB1C = Visa(
    code="US-EB-1C",
    country="US",
    name="EB-1C (immigrant: multinational manager or executive)",
    summary="Permanent residence for managers and executives transferred within a multinational "
    "company that has done business in the US for a year.",
    requires="An approved Form I-140 petition filed by the US employer",
    since=SINCE,
    established_by=INA_EB1C,
    conditions=AllOf(
        id="us.eb1c.conditions",
        text="A year abroad as a manager or executive of the group, and a managerial or "
        "executive job with its US employer",
        citations=(INA_EB1C, cfr_204("(j)(3)")),
        nodes=(
            us_offer(
                "us.eb1c",
                "The US employer offers the job and files the petition",
                cfr_204("(j)(1)"),
                SINCE,
            ),
            Criterion(
                id="us.eb1c.offer_capacity",
                text="The US job is managerial or executive",
                formula=lambda ctx: pl.col(OFFER_CAPACITY.name).is_in(MANAGERIAL),
                reads=(OFFER_CAPACITY,),
                since=SINCE,
                citations=(
                    cfr_204(
                        "(j)(5)",
                        excerpt="... a statement which indicates that the alien is to be employed "
                        "in the United States in a managerial or executive capacity ...",
                    ),
                ),
            ),
            Criterion(
                id="us.eb1c.doing_business",
                text="The US employer has been doing business for at least one year",
                formula=lambda ctx: pl.col(OFFER_EMPLOYER_ONE_YEAR.name),
                reads=(OFFER_EMPLOYER_ONE_YEAR,),
                since=SINCE,
                citations=(
                    cfr_204(
                        "(j)(3)(i)(D)",
                        excerpt="The prospective United States employer has been doing "
                        "business for at least one year.",
                    ),
                ),
            ),
            ForAnyItem(
                id="us.eb1c.abroad",
                text="Employed abroad for at least one of the three years before the petition, "
                "as a manager or executive, by the same employer or a related company",
                collection=EMPLOYMENT,
                citations=(cfr_204("(j)(3)(i)(A), (C)"),),
                node=AllOf(
                    id="us.eb1c.abroad.all",
                    text="This job is qualifying employment abroad",
                    citations=(cfr_204("(j)(3)(i)(A)"),),
                    nodes=(
                        Criterion(
                            id="us.eb1c.abroad.outside_us",
                            text="Outside the United States",
                            formula=lambda ctx: pl.col(JOB_COUNTRY.name) != "US",
                            reads=(JOB_COUNTRY,),
                            since=SINCE,
                            citations=(cfr_204("(j)(3)(i)(A)"),),
                        ),
                        Criterion(
                            id="us.eb1c.abroad.capacity",
                            text="In a managerial or executive capacity",
                            formula=lambda ctx: pl.col(JOB_CAPACITY.name).is_in(MANAGERIAL),
                            reads=(JOB_CAPACITY,),
                            since=SINCE,
                            citations=(cfr_204("(j)(3)(i)(A)"),),
                        ),
                        Criterion(
                            id="us.eb1c.abroad.related",
                            text="For the offering employer or its parent, branch, subsidiary "
                            "or affiliate",
                            formula=lambda ctx: pl.col(JOB_RELATED_TO_OFFER.name),
                            reads=(JOB_RELATED_TO_OFFER,),
                            since=SINCE,
                            citations=(cfr_204("(j)(3)(i)(C)"),),
                        ),
                        Criterion(
                            id="us.eb1c.abroad.one_year",
                            text="For at least one year within the three years before the petition",
                            formula=lambda ctx: pl.col(JOB_YEAR_IN_THREE.name),
                            reads=(JOB_YEAR_IN_THREE,),
                            since=SINCE,
                            citations=(
                                cfr_204(
                                    "(j)(3)(i)(A)",
                                    excerpt="If the alien is outside the United States, in the "
                                    "three years immediately preceding the filing of the petition "
                                    "the alien has been employed outside the United States for at "
                                    "least one year in a managerial or executive capacity ...",
                                ),
                            ),
                        ),
                    ),
                ),
            ),
        ),
    ),
    notes=(
        "A person already in the US working for the group as a nonimmigrant counts the three "
        "years before entering (8 CFR 204.5(j)(3)(i)(B)); visarules counts the three years "
        "before the petition, so such a person may show as not eligible.",
    ),
)

VISAS = (EB1A, EB1B, EB1C)
