"""EB-2 with a national interest waiver (INA 203(b)(2)(A)-(B); 8 CFR 204.5(k); Matter of
Dhanasar, 26 I&N Dec. 884 (AAO 2016)).

A member of the professions holding an advanced degree (a master's or higher, or a bachelor's
and five years of progressive experience: 8 CFR 204.5(k)(2)) or a person of exceptional ability
(three of six criteria: (k)(3)(ii)) may ask that the job offer and labor certification be
waived in the national interest. Dhanasar's three prongs decide the waiver; they are
judgements, so the profile states them (plan.endeavor) and visarules checks that all three are
asserted.
"""

from __future__ import annotations

from datetime import date

import polars as pl

from visarules.engine.citations import cite
from visarules.engine.facts import Fact
from visarules.engine.nodes import AllOf, AnyOf, Criterion, ForAnyItem
from visarules.engine.visa import Visa
from visarules.facts import (
    AFTER_BACHELOR,
    EDUCATION,
    EXCEPTIONAL_CRITERIA,
    NIW_BALANCE,
    NIW_IMPORTANCE,
    NIW_POSITIONED,
)
from visarules.jurisdictions.us.common import IMMACT90_IN_FORCE, awarded_degree, cfr_204, ina

PARAMETERS = None
SINCE = IMMACT90_IN_FORCE
DHANASAR_SINCE = date(2016, 12, 27)

INA_NIW = ina(
    "203(b)(2)(B)(i)",
    excerpt="the Attorney General may, when the Attorney General deems it to be in the national "
    "interest, waive the requirements of subparagraph (A) that an alien's services ... be sought "
    "by an employer in the United States.",
)
CFR_ADVANCED = cfr_204(
    "(k)(2)",
    excerpt="Advanced degree means any United States academic or professional degree or a "
    "foreign equivalent degree above that of baccalaureate. A United States baccalaureate degree "
    "or a foreign equivalent degree followed by at least five years of progressive experience in "
    "the specialty shall be considered the equivalent of a master's degree.",
)
CFR_EXCEPTIONAL = cfr_204(
    "(k)(3)(ii)",
    excerpt="To show that the alien is an alien of exceptional ability ... the petition must be "
    "accompanied by at least three of the following: ...",
)


def _prong(node_id: str, text: str, fact: Fact, excerpt: str) -> Criterion:
    return Criterion(
        id=node_id,
        text=text,
        formula=lambda ctx: pl.col(fact.name),
        reads=(fact,),
        since=DHANASAR_SINCE,
        citations=(cite("DHANASAR", "prongs 1-3, 26 I&N Dec. at 889", excerpt=excerpt),),
    )


def _degree(node_id: str, text: str, level: int) -> ForAnyItem:
    return ForAnyItem(
        id=node_id,
        text=text,
        collection=EDUCATION,
        citations=(CFR_ADVANCED,),
        node=AllOf(
            id=f"{node_id}.all",
            text=f"This degree is at ISCED level {level} or above and awarded",
            citations=(CFR_ADVANCED,),
            nodes=awarded_degree(node_id, level, CFR_ADVANCED, SINCE),
        ),
    )


QUALIFIES = AnyOf(
    id="us.eb2.qualifies",
    text="A member of the professions holding an advanced degree, or of exceptional ability",
    citations=(ina("203(b)(2)(A)"),),
    nodes=(
        _degree("us.eb2.masters", "A master's degree or higher (US or foreign equivalent)", 7),
        AllOf(
            id="us.eb2.bachelor_plus_five",
            text="A bachelor's degree and at least five years of progressive experience",
            citations=(CFR_ADVANCED,),
            nodes=(
                _degree("us.eb2.bachelor", "A bachelor's degree (US or foreign equivalent)", 6),
                Criterion(
                    id="us.eb2.five_years",
                    text="At least five years of work experience after it (progression is "
                    "judged by USCIS; visarules counts the years)",
                    formula=lambda ctx: (
                        pl.when(pl.col("after_bachelor_min") >= 5)
                        .then(True)
                        .when(pl.col("after_bachelor_max") < 5)
                        .then(False)
                    ),
                    reads=(AFTER_BACHELOR,),
                    since=SINCE,
                    citations=(CFR_ADVANCED,),
                ),
            ),
        ),
        Criterion(
            id="us.eb2.exceptional_ability",
            text="Exceptional ability: at least three of the six criteria of 8 CFR 204.5(k)(3)(ii)",
            formula=lambda ctx: pl.col(EXCEPTIONAL_CRITERIA.name) >= 3,
            reads=(EXCEPTIONAL_CRITERIA,),
            since=SINCE,
            citations=(CFR_EXCEPTIONAL,),
        ),
    ),
)

NIW = Visa(
    code="US-EB-2-NIW",
    country="US",
    name="EB-2 national interest waiver (immigrant)",
    summary="Permanent residence without a job offer for advanced-degree professionals or people "
    "of exceptional ability whose work is in the US national interest (self-petition).",
    requires="An approved Form I-140 petition (the person may file it) with the waiver request",
    since=SINCE,
    established_by=INA_NIW,
    conditions=AllOf(
        id="us.eb2.conditions",
        text="Qualified for EB-2, and the three Dhanasar prongs met",
        citations=(INA_NIW,),
        nodes=(
            QUALIFIES,
            AllOf(
                id="us.eb2.niw",
                text="The national interest waiver (Matter of Dhanasar), as asserted in "
                "plan.endeavor",
                citations=(cite("DHANASAR", "26 I&N Dec. at 889-891"),),
                nodes=(
                    _prong(
                        "us.eb2.niw.national_importance",
                        "The proposed endeavor has both substantial merit and national importance",
                        NIW_IMPORTANCE,
                        "the foreign national's proposed endeavor has both substantial merit "
                        "and national importance",
                    ),
                    _prong(
                        "us.eb2.niw.well_positioned",
                        "The person is well positioned to advance the endeavor",
                        NIW_POSITIONED,
                        "the foreign national is well positioned to advance the proposed endeavor",
                    ),
                    _prong(
                        "us.eb2.niw.beneficial",
                        "On balance it would benefit the US to waive the job offer and labor "
                        "certification",
                        NIW_BALANCE,
                        "on balance, it would be beneficial to the United States to waive the "
                        "requirements of a job offer and thus of a labor certification",
                    ),
                ),
            ),
        ),
    ),
    notes=(
        "The three prongs are judgements USCIS makes on the evidence; visarules takes them as "
        "the profile asserts them and cannot predict the decision.",
        "Before 27 December 2016 the test of Matter of New York State Dep't of Transportation "
        "applied; it is not encoded, so earlier dates leave the waiver undetermined.",
    ),
)

VISAS = (NIW,)
