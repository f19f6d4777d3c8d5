"""F-1 optional practical training after study, and its 24-month STEM extension
(8 CFR 214.2(f)(10)-(11); STEM OPT final rule, 81 FR 13040, in force 10 May 2016).

The closest US counterpart to the K visa's "STEM graduate without an employer": post-completion
OPT needs no job offer (12 months per higher degree level). The STEM extension needs a degree on
the DHS STEM Designated Degree Program List (the `dhs` definition visarules ships), a job with an
employer enrolled in E-Verify, and a student on post-completion OPT; at most two in a lifetime.
"""

from __future__ import annotations

from datetime import date, timedelta

import polars as pl

from visarules.engine.citations import cite
from visarules.engine.context import Context
from visarules.engine.nodes import AllOf, Criterion, ForAnyItem
from visarules.engine.visa import Visa
from visarules.facts import (
    EDU_COUNTRY,
    EDU_DONE,
    EDU_STEM_DHS,
    EDUCATION,
    F1_YEAR,
    OFFER_E_VERIFY,
    OFFER_US,
    ON_OPT,
    STEM_OPT_USED,
    US_STATUS,
)
from visarules.jurisdictions.us.common import awarded_degree, cfr_214

PARAMETERS = "opt.yaml"
SINCE = date(2016, 5, 10)  # the text encoded is the one the STEM OPT rule gave (f)(10)-(11)
F1_SINCE = date(1952, 12, 24)  # the F-1 student category: INA 101(a)(15)(F)(i)
INA_F1 = cite(
    "INA",
    "101(a)(15)(F)(i)",
    excerpt="an alien having a residence in a foreign country which he has no intention of "
    "abandoning, who is a bona fide student qualified to pursue a full course of study ...",
)

CFR_OPT = cfr_214(
    "(f)(10)",
    excerpt="Practical training may be authorized to an F-1 student who has been lawfully "
    "enrolled on a full time basis, in a Service-approved college, university, conservatory, or "
    "seminary for one full academic year.",
)
CFR_POST_COMPLETION = cfr_214(
    "(f)(10)(ii)(A)(3)",
    excerpt="After completion of the course of study ...",
)
CFR_WINDOW = cfr_214(
    "(f)(11)(i)(B)(2)",
    excerpt="... a student may file ... up to 90 days before being enrolled for one full "
    "academic year, ... but no later than 60 days after the program end date.",
)
CFR_STEM = cite(
    "STEM-OPT-2016",
    "8 CFR 214.2(f)(10)(ii)(C)",
    excerpt="... a qualified student may apply for an extension of OPT while in a valid period of "
    "post-completion OPT ... The degree that is the basis for the 24-month OPT extension is a "
    "bachelor's, master's, or doctoral degree in a field determined by the Secretary ... to "
    "qualify within a science, technology, engineering, or mathematics (STEM) field.",
)
DHS_LIST = cite("DHS-STEM-LIST", "CIP 2020 codes")


def _days(ctx: Context, name: str) -> int:
    return int(ctx.param(name))


def _in_window(ctx: Context) -> pl.Expr:
    """Program end within the filing window around the as-of date (the application day)."""
    early = ctx.as_of - timedelta(days=_days(ctx, "us.opt.file_after_end_days"))
    late = ctx.as_of + timedelta(days=_days(ctx, "us.opt.file_before_end_days"))
    first, last = pl.col("edu_done_earliest"), pl.col("edu_done_latest")
    return (
        pl.when((first >= early) & (last <= late))
        .then(True)
        .when((last < early) | (first > late))
        .then(False)
    )


def _recent(ctx: Context) -> pl.Expr:
    """Awarded within the last ten years (an earlier STEM degree may support the extension)."""
    limit = ctx.as_of.replace(year=ctx.as_of.year - int(ctx.param("us.stem_opt.degree_years")))
    return (
        pl.when(pl.col("edu_done_earliest") >= limit)
        .then(True)
        .when(pl.col("edu_done_latest") < limit)
        .then(False)
    )


F1_STUDENT = Criterion(
    id="us.opt.f1",
    text="In F-1 student status in the US",
    formula=lambda ctx: pl.col(US_STATUS.name) == "F-1",
    reads=(US_STATUS,),
    since=SINCE,
    citations=(CFR_OPT,),
)
US_DEGREE = Criterion(
    id="us.opt.us_degree",
    text="Studied at a US school (the institution's country is the US)",
    formula=lambda ctx: pl.col(EDU_COUNTRY.name) == "US",
    reads=(EDU_COUNTRY,),
    since=SINCE,
    citations=(CFR_OPT,),
)

OPT = Visa(
    code="US-F-1-OPT",
    country="US",
    name="F-1 post-completion optional practical training (OPT)",
    summary="Twelve months of work in the field of study after a US degree, for F-1 students; "
    "no employer or job offer needed to apply.",
    requires="An Employment Authorization Document (Form I-765) on the school's recommendation",
    since=F1_SINCE,
    established_by=INA_F1,
    conditions=AllOf(
        id="us.opt.conditions",
        text="An F-1 student completing a US program, applying within the window",
        citations=(CFR_OPT, CFR_POST_COMPLETION),
        nodes=(
            F1_STUDENT,
            Criterion(
                id="us.opt.academic_year",
                text="Enrolled full time for at least one full academic year",
                formula=lambda ctx: pl.col(F1_YEAR.name),
                reads=(F1_YEAR,),
                since=SINCE,
                citations=(CFR_OPT,),
            ),
            ForAnyItem(
                id="us.opt.program",
                text="A US program ending within the filing window (90 days before to 60 days "
                "after the program end date)",
                collection=EDUCATION,
                citations=(CFR_WINDOW,),
                node=AllOf(
                    id="us.opt.program.all",
                    text="This program supports post-completion OPT now",
                    citations=(CFR_WINDOW,),
                    nodes=(
                        US_DEGREE,
                        Criterion(
                            id="us.opt.program.window",
                            text="Its end date is no more than 90 days ahead and no more than 60 "
                            "days past",
                            formula=_in_window,
                            reads=(EDU_DONE,),
                            since=SINCE,
                            citations=(CFR_WINDOW,),
                        ),
                    ),
                ),
            ),
        ),
    ),
    notes=(
        "Practical training for F-1 students predates the text encoded here (as amended on 10 "
        "May 2016); on earlier dates the conditions are undetermined.",
        "12 months per higher degree level; months of OPT already used at the same level are "
        "not counted by visarules.",
        "The unemployment limit (90 days; 150 with the STEM extension) applies during OPT.",
    ),
)

STEM_OPT = Visa(
    code="US-STEM-OPT",
    country="US",
    name="STEM OPT extension (24 months)",
    summary="Twenty-four more months of OPT for graduates of a DHS-listed STEM degree, with an "
    "E-Verify employer.",
    requires="A Form I-765 filed during post-completion OPT, with the employer's training plan "
    "(Form I-983)",
    since=SINCE,
    established_by=CFR_STEM,
    conditions=AllOf(
        id="us.stem_opt.conditions",
        text="On OPT after a DHS-listed STEM degree, with an E-Verify employer",
        citations=(CFR_STEM,),
        nodes=(
            F1_STUDENT,
            Criterion(
                id="us.stem_opt.on_opt",
                text="Now in a valid period of post-completion OPT",
                formula=lambda ctx: pl.col(ON_OPT.name),
                reads=(ON_OPT,),
                since=SINCE,
                citations=(CFR_STEM,),
            ),
            ForAnyItem(
                id="us.stem_opt.degree",
                text="A bachelor's, master's or doctoral degree from a US school in a field on "
                "the DHS STEM Designated Degree Program List, awarded within ten years",
                collection=EDUCATION,
                citations=(CFR_STEM, DHS_LIST),
                node=AllOf(
                    id="us.stem_opt.degree.all",
                    text="This degree supports the STEM extension",
                    citations=(CFR_STEM,),
                    nodes=(
                        US_DEGREE,
                        *awarded_degree("us.stem_opt.degree", 6, CFR_STEM, SINCE),
                        Criterion(
                            id="us.stem_opt.degree.stem",
                            text="In a field on the DHS STEM Designated Degree Program List",
                            formula=lambda ctx: pl.col(EDU_STEM_DHS.name),
                            reads=(EDU_STEM_DHS,),
                            since=SINCE,
                            citations=(DHS_LIST,),
                        ),
                        Criterion(
                            id="us.stem_opt.degree.recent",
                            text="Awarded within the ten years before the application",
                            formula=_recent,
                            reads=(EDU_DONE,),
                            since=SINCE,
                            citations=(CFR_STEM,),
                        ),
                    ),
                ),
            ),
            Criterion(
                id="us.stem_opt.employer",
                text="A job with a US employer enrolled in E-Verify",
                formula=lambda ctx: pl.col(OFFER_US.name) & pl.col(OFFER_E_VERIFY.name),
                reads=(OFFER_US, OFFER_E_VERIFY),
                since=SINCE,
                citations=(CFR_STEM,),
            ),
            Criterion(
                id="us.stem_opt.lifetime",
                text="Fewer than two STEM OPT extensions granted before",
                formula=lambda ctx: (
                    pl.col(STEM_OPT_USED.name) < int(ctx.param("us.stem_opt.lifetime_extensions"))
                ),
                reads=(STEM_OPT_USED,),
                since=SINCE,
                citations=(CFR_STEM,),
            ),
        ),
    ),
)

VISAS = (OPT, STEM_OPT)
