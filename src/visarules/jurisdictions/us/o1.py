"""O-1A: extraordinary ability in the sciences, education, business or athletics
(INA 101(a)(15)(O)(i); 8 CFR 214.2(o)).

8 CFR 214.2(o)(3)(ii): extraordinary ability "means a level of expertise indicating that the
person is one of the small percentage who have arisen to the very top of the field of
endeavor". (o)(3)(iii): the evidence is a major, internationally recognised award "such as the
Nobel Prize", or at least three of eight kinds of documentation (evidence.yaml). A US employer
or agent petitions (Form I-129); the person cannot.
"""

from __future__ import annotations

import polars as pl

from visarules.engine.nodes import AllOf, AnyOf, Criterion
from visarules.engine.visa import Visa
from visarules.facts import MAJOR_AWARD
from visarules.jurisdictions.us.common import (
    IMMACT90_IN_FORCE,
    MERITS_NOTE,
    cfr_214,
    evidence,
    ina,
    us_offer,
)

PARAMETERS = None
SINCE = IMMACT90_IN_FORCE

INA_O1 = ina(
    "101(a)(15)(O)(i)",
    excerpt="an alien who has extraordinary ability in the sciences, arts, education, business, "
    "or athletics which has been demonstrated by sustained national or international acclaim ...",
)
CFR_EVIDENCE = cfr_214(
    "(o)(3)(iii)",
    excerpt="Evidentiary criteria for an O-1 alien of extraordinary ability in the fields of "
    "science, education, business, or athletics. An alien of extraordinary ability ... must "
    "demonstrate sustained national or international acclaim ...",
)
CFR_AWARD = cfr_214(
    "(o)(3)(iii)(A)",
    excerpt="Evidence that the alien has received a major, internationally recognized award, "
    "such as the Nobel Prize; or",
)
CFR_PETITIONER = cfr_214(
    "(o)(2)(i)",
    excerpt="... a United States employer or United States agent ... may file an O petition ...",
)

O1A = Visa(
    code="US-O-1A",
    country="US",
    name="O-1A (extraordinary ability: sciences, education, business, athletics)",
    summary="People at the very top of their field, shown by a major international award or by "
    "three of eight kinds of evidence, petitioned for by a US employer or agent.",
    requires="An approved Form I-129 petition by a US employer or agent, with an advisory "
    "opinion from a peer group",
    since=SINCE,
    established_by=INA_O1,
    conditions=AllOf(
        id="us.o1a.conditions",
        text="Extraordinary ability shown by the evidence, and a US petitioner",
        citations=(INA_O1, CFR_EVIDENCE),
        nodes=(
            us_offer(
                "us.o1a",
                "A US employer (or a US agent) offers the work and files the petition",
                CFR_PETITIONER,
                SINCE,
            ),
            AnyOf(
                id="us.o1a.evidence",
                text="A major internationally recognised award, or three of the eight criteria "
                "(necessary; a final merits determination follows)",
                citations=(CFR_EVIDENCE,),
                nodes=(
                    Criterion(
                        id="us.o1a.major_award",
                        text="A major, internationally recognised award (such as the Nobel Prize)",
                        formula=lambda ctx: pl.col(MAJOR_AWARD.name),
                        reads=(MAJOR_AWARD,),
                        since=SINCE,
                        citations=(CFR_AWARD,),
                    ),
                    evidence("us.o1a", SINCE),
                ),
            ),
        ),
    ),
    notes=(
        MERITS_NOTE,
        "Comparable evidence may be offered where the criteria do not readily apply "
        "(8 CFR 214.2(o)(3)(iii)(C)); visarules counts only the listed criteria.",
    ),
)

VISAS = (O1A,)
