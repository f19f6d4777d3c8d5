"""R visa (R字签证): high-level foreign talent and urgently needed specialists.

REG-2013 Art. 6(9) [Art. 6(10) from 1 Oct 2025]:
    R字签证，发给国家需要的外国高层次人才和急需紧缺专门人才。
Art. 7 para. 1(9) [(10)]:
    申请R字签证，应当符合中国政府有关主管部门确定的外国高层次人才和急需紧缺专门人才的引进条件和
    要求，并按照规定提交相应的证明材料。
TALENT-VISA-2017 (外专发〔2017〕218号), in force from the pilots of 1 Jan 2018:
    Art. 4: the applicant must meet the Category A (foreign high-end talent) standard of the
    Classification Standard (试行).
    Art. 5: the inviting employer applies to the provincial foreign-work authority, which issues
    the Confirmation Letter of Foreign High-end Talent (外国高端人才确认函); the visa is applied
    for on the letter.

So the letter is the proof: the authority issues it only on finding Category A met, and a holder
needs no other route. The routes of Category A stay in the tree as the path to the letter, telling
a person without one whether they could get one: a Chinese talent programme, an internationally
recognised award, "excellent young talent" (a postdoc aged 40 or under), 85 points, or a
Category A work permit already held. The routes on a multiple of the local average wage and on
investment are not encoded: they need local wage figures or company records no national source
gives.

Before 2018 the competent departments had set no national conditions (REG-2013 Art. 7(9) left
them to rules that came only with the 2017 measures): the R visa exists, but its conditions on
those dates are not encoded, and a result says so instead of asking for facts.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

import polars as pl

from visarules.engine.ages import younger_than
from visarules.engine.assumptions import Assumption
from visarules.engine.citations import Citation, cite
from visarules.engine.context import Context
from visarules.engine.facts import Fact
from visarules.engine.nodes import AllOf, AnyOf, Criterion, ForAnyItem, Formula
from visarules.engine.visa import Benefit, Document, Visa
from visarules.facts import (
    BIRTH,
    CITIZENSHIP,
    EMPLOYMENT,
    JOB_POSTDOC,
    JOB_TIERS,
    MAJOR_AWARD,
    TALENT_LETTER,
    TALENT_PROGRAMME,
    WORK_PERMIT,
)
from visarules.jurisdictions.cn import points
from visarules.jurisdictions.cn.common import (
    EEAL_ART_89,
    REG_2013_IN_FORCE,
    WELL_KNOWN_OPTIONS,
    passport_photo_form,
    reg,
    well_known,
)

PARAMETERS = "r.yaml"
TALENT_VISA_START = date(2018, 1, 1)  # pilot provinces; nationwide from 1 Mar 2018
YOUNG_TALENT_MAX_AGE = 40  # 40岁以下: "以下" includes the number

ART_4 = cite(
    "TALENT-VISA-2017",
    "Art. 4",
    excerpt="申请R字签证的外国人，应当符合《外国人来华工作分类标准（试行）》中外国高端人才（A类）标准条件。",
    translation="An applicant for an R visa must meet the Category A (foreign high-end talent) "
    "standard of the Classification Standard for Foreigners Working in China (Trial).",
)
ART_5 = cite(
    "TALENT-VISA-2017",
    "Art. 5",
    excerpt="外国人在境外申请R字签证，由邀请单位向省、自治区、直辖市人民政府外国人工作管理部门……提出"
    "申请，在线提交申请表、国内单位邀请函件以及符合R字签……",
    translation="For an applicant abroad, the inviting employer applies online to the provincial "
    "foreign-work authority, which issues the Confirmation Letter of Foreign High-end Talent.",
)
ISSUED_ON_LETTER = cite(
    "TALENT-VISA-2017",
    None,
    source="secondary",
    excerpt="凭《外国高端人才确认函》，就可以向驻外使领馆申请外国人才来华签证（R字签证）。",
    translation="With the Confirmation Letter of Foreign High-end Talent one can apply to a "
    "Chinese mission abroad for the foreign talent visa (R visa).",
    note="Xinhua / China News Service on the 2017 measures; the article text was not found.",
)
CATEGORY_A = cite("CLASS-2017", "Category A", source="secondary")
YOUNG_TALENT = (
    cite(
        "CLASS-2017",
        "Category A item (5) 优秀青年人才",
        source="secondary",
        translation="Excellent young talent: young foreign talent aged 40 or under doing "
        "postdoctoral research at a university or research institution.",
        note="The official Chinese wording of item (5) was not found; the conditions are those "
        "the sources below agree on.",
    ),
    cite("SAFEA-CLASS-EN-2017", None),
    cite("JETRO-CLASS-2017-05-02", None),
)
NOT_ENCODED_BEFORE = cite("HUNAN-R-FAQ-2014", None)

WELL_KNOWN = Assumption(
    name="cn.r.well_known",
    question="Which universities and research institutions count for Category A's 'excellent "
    "young talent' route (postdoctoral research at a well-known institution)?",
    why_open="The official wording of the route was not found; the 2016 pilot spoke of a world "
    "top-200 foreign university or a Chinese university, and reports of the 2017 standard of "
    "well-known (知名) universities and research institutions, without a list.",
    default="any_tier",
    options=WELL_KNOWN_OPTIONS,
    citations=YOUNG_TALENT,
)
ASSUMPTIONS = (WELL_KNOWN,)


def _since(
    node_id: str,
    text: str,
    formula: Formula,
    reads: tuple[Fact, ...],
    citations: tuple[Citation, ...],
) -> Criterion:
    """A condition of the 2017 talent-visa measures, in force from their first pilots."""
    return Criterion(
        id=node_id,
        text=text,
        formula=formula,
        reads=reads,
        since=TALENT_VISA_START,
        citations=citations,
    )


def _foreigner(ctx: Context) -> pl.Expr:
    """Nationality decides; without it, a letter issued only to foreigners does."""
    citizenship = pl.col(CITIZENSHIP.name)
    return (
        pl.when(citizenship.is_not_null())
        .then(~citizenship.list.contains("CN"))
        .when(pl.col(TALENT_LETTER.name))
        .then(pl.lit(True))
    )


YOUNG_TALENT_ROUTE = AllOf(
    id="cn.r.a.young_talent",
    text="Excellent young talent (route 5): aged 40 or under, with postdoctoral research at a "
    "well-known university or research institution",
    citations=YOUNG_TALENT,
    nodes=(
        _since(
            "cn.r.a.young_talent.age",
            "Aged 40 or under on the as-of date",
            lambda ctx: younger_than(YOUNG_TALENT_MAX_AGE + 1, ctx.as_of),
            (BIRTH,),
            YOUNG_TALENT,
        ),
        ForAnyItem(
            id="cn.r.a.young_talent.postdoc",
            text="Has held a postdoctoral research position at a well-known university or "
            "research institution",
            collection=EMPLOYMENT,
            citations=YOUNG_TALENT,
            node=AllOf(
                id="cn.r.a.young_talent.postdoc.all",
                text="This job is a postdoc at a well-known institution",
                citations=YOUNG_TALENT,
                nodes=(
                    _since(
                        "cn.r.a.young_talent.postdoc.role",
                        "A postdoctoral research position (from the job title)",
                        lambda ctx: pl.col(JOB_POSTDOC.name),
                        (JOB_POSTDOC,),
                        YOUNG_TALENT,
                    ),
                    Criterion(
                        id="cn.r.a.young_talent.postdoc.well_known",
                        text="At a well-known university or research institution "
                        "(assumption cn.r.well_known)",
                        formula=well_known(JOB_TIERS.name, WELL_KNOWN.name),
                        reads=(JOB_TIERS,),
                        since=TALENT_VISA_START,
                        assumptions=(WELL_KNOWN.name,),
                        citations=YOUNG_TALENT,
                    ),
                ),
            ),
        ),
    ),
)

CATEGORY_A_ROUTES = AnyOf(
    id="cn.r.category_a",
    text="Meets Category A by one of its encoded routes: the path to the letter for someone "
    "without one (routes 3 and 4, on salary multiples and investment, are not encoded)",
    citations=(ART_4, CATEGORY_A),
    nodes=(
        _since(
            "cn.r.a.work_permit_a",
            "Already holds a Category A work permit",
            lambda ctx: pl.col(WORK_PERMIT.name) == "A",
            (WORK_PERMIT,),
            (CATEGORY_A,),
        ),
        _since(
            "cn.r.a.talent_programme",
            "Selected for a Chinese talent-introduction programme (route 1)",
            lambda ctx: pl.col(TALENT_PROGRAMME.name),
            (TALENT_PROGRAMME,),
            (CATEGORY_A,),
        ),
        _since(
            "cn.r.a.major_award",
            "Holds an internationally recognised award or achievement (route 2)",
            lambda ctx: pl.col(MAJOR_AWARD.name),
            (MAJOR_AWARD,),
            (CATEGORY_A,),
        ),
        YOUNG_TALENT_ROUTE,
        _since(
            "cn.r.a.points",
            "85 points or more on the points table (route 6; see `visarules points`)",
            points.at_least("A"),
            points.ALL_READS,
            (CATEGORY_A,),
        ),
    ),
)


def _advisories(ctx: Context, facts: Mapping[str, Any]) -> list[dict[str, str]]:
    if ctx.as_of >= TALENT_VISA_START:
        return []
    return [
        {
            "kind": "not_encoded",
            "text": "The R visa's conditions before 2018-01-01 are not encoded: REG-2013 Art. "
            "7(9) left them to the competent departments, which set none nationally until the "
            "2017 talent-visa measures (in force from 2018-01-01)",
        }
    ]


R = Visa(
    code="CN-R",
    country="CN",
    name="R visa (high-level foreign talent)",
    name_zh="R字签证",
    summary="High-level foreign talent and urgently needed specialists China needs: Category A "
    "('foreign high-end talent') of the work-permit classification, confirmed by a letter the "
    "inviting employer applies for.",
    requires="The Confirmation Letter of Foreign High-end Talent, applied for by the inviting "
    "employer",
    since=REG_2013_IN_FORCE,
    established_by=reg(6, 9),
    conditions=AllOf(
        id="cn.r.conditions",
        text="Foreign high-end talent (Category A) with a confirmation letter",
        citations=(reg(6, 9), reg(7, 9), ART_4),
        nodes=(
            Criterion(
                id="cn.r.foreigner",
                text="Is a foreign national (the letter is issued only to foreigners, so a holder "
                "whose nationality is not given is one)",
                formula=_foreigner,
                reads=(CITIZENSHIP, TALENT_LETTER),
                since=REG_2013_IN_FORCE,
                citations=(EEAL_ART_89, ART_4),
            ),
            _since(
                "cn.r.confirmation_letter",
                "Holds the Confirmation Letter of Foreign High-end Talent (外国高端人才确认函): the "
                "provincial authority's confirmation that the holder meets Category A, applied "
                "for by the inviting employer; the visa is issued on it",
                lambda ctx: pl.col(TALENT_LETTER.name),
                (TALENT_LETTER,),
                (ART_4, ART_5, reg(7, 9), ISSUED_ON_LETTER),
            ),
        ),
    ),
    related=(CATEGORY_A_ROUTES,),
    benefits=(
        Benefit("entries", "cn.r.entries"),
        Benefit("validity", "cn.r.validity_years", "{value} years"),
        Benefit("stay_per_entry", "cn.r.stay_per_entry_days", "Up to {value} days per entry"),
        Benefit("fees", "cn.r.fees"),
        Benefit("family", "cn.r.family"),
        Benefit("residence_permit", "cn.r.work_residence"),
        Benefit("work", "cn.work.permit_required"),
    ),
    documents=(
        passport_photo_form(),
        Document("The Confirmation Letter of Foreign High-end Talent (printed)", ART_5),
    ),
    notes=(
        "R-visa terms (validity, entries, stay, family, fees) are known only from consistent "
        "secondary reports of the 2017 measures; their official wording after Art. 5 was not found.",
        "Category A's routes on six times the local average wage and on investment are not "
        "encoded: they need local wage figures and company records that no national source gives.",
    ),
    advisories=_advisories,
)

VISAS = (R,)
