"""R visa (R字签证): high-level foreign talent and urgently needed specialists.

REG-2013 Art. 6(9) [Art. 6(10) from 1 Oct 2025]:
    R字签证，发给国家需要的外国高层次人才和急需紧缺专门人才。
Art. 7 para. 1(9) [(10)]:
    申请R字签证，应当符合中国政府有关主管部门确定的外国高层次人才和急需紧缺专门人才的引进条件和
    要求，并按照规定提交相应的证明材料。
TALENT-VISA-2017 (外专发〔2017〕218号), Art. 4: the applicant must meet the Category A
(foreign high-end talent) standard of the Classification Standard (试行); Art. 5: the
inviting employer applies to the provincial foreign-work authority, which issues the
Confirmation Letter of Foreign High-end Talent (外国高端人才确认函).
Category A, any of: a Chinese talent programme; an internationally recognised achievement
(major award); ... ; 85 points or more (points.py). The routes on salary multiples of the
local average wage, investment and postdoctoral age are not modelled: they need local
figures that no national source gives.
"""

from __future__ import annotations

from datetime import date

import polars as pl

from visarules.engine.citations import Citation, cite
from visarules.engine.facts import Fact
from visarules.engine.nodes import AllOf, AnyOf, Criterion, Formula
from visarules.engine.visa import Benefit, Document, Visa
from visarules.facts import MAJOR_AWARD, TALENT_LETTER, TALENT_PROGRAMME, WORK_PERMIT
from visarules.jurisdictions.cn import points
from visarules.jurisdictions.cn.common import (
    FOREIGN_NATIONAL,
    REG_2013_IN_FORCE,
    passport_photo_form,
    reg,
)

PARAMETERS = "r.yaml"
TALENT_VISA_START = date(2018, 1, 1)  # pilot provinces; nationwide from 1 Mar 2018

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
CATEGORY_A = cite("CLASS-2017", "Category A", source="secondary")


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


R = Visa(
    code="CN-R",
    country="CN",
    name="R visa (high-level foreign talent)",
    name_zh="R字签证",
    summary="High-level foreign talent and urgently needed specialists China needs: Category A "
    "('foreign high-end talent') of the work-permit classification, invited by an employer.",
    requires="The Confirmation Letter of Foreign High-end Talent, applied for by the inviting "
    "employer",
    since=REG_2013_IN_FORCE,
    established_by=reg(6, 9),
    conditions=AllOf(
        id="cn.r.conditions",
        text="Foreign high-end talent (Category A) with a confirmation letter",
        citations=(reg(6, 9), reg(7, 9), ART_4),
        nodes=(
            FOREIGN_NATIONAL,
            AnyOf(
                id="cn.r.category_a",
                text="Meets the Category A standard (外国高端人才), by any route",
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
                    _since(
                        "cn.r.a.points",
                        "85 points or more on the points table (route 6; see `visarules points`)",
                        points.at_least("A"),
                        points.ALL_READS,
                        (CATEGORY_A,),
                    ),
                ),
            ),
            _since(
                "cn.r.confirmation_letter",
                "Holds the Confirmation Letter of Foreign High-end Talent (外国高端人才确认函), "
                "applied for by the inviting employer",
                lambda ctx: pl.col(TALENT_LETTER.name),
                (TALENT_LETTER,),
                (ART_5, reg(7, 9)),
            ),
        ),
    ),
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
        Document("The Confirmation Letter of Foreign High-end Talent", ART_5),
    ),
    notes=(
        "R-visa terms (validity, entries, stay, family, fees) are known only from consistent "
        "secondary reports of the 2017 measures; their official wording after Art. 5 was not found.",
    ),
)

VISAS = (R,)
