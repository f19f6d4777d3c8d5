"""Q1 and Q2 visas (Q1/Q2字签证): family of Chinese citizens and of foreigners with Chinese
permanent residence.

REG-2013 Art. 6(8) [Art. 6(9) from 1 Oct 2025]:
    Q1字签证，发给因家庭团聚申请入境居留的中国公民的家庭成员和具有中国永久居留资格的外国人的家庭
    成员，以及因寄养等原因申请入境居留的人员；Q2字签证，发给申请入境短期探亲的居住在中国境内的中国
    公民的亲属和具有中国永久居留资格的外国人的亲属。
Art. 7 para. 1(8) [(9)]: the inviter's letter and proof of the relationship, which the
profile already states: documents, not conditions.
Family members (家庭成员) as the MFA lists them: spouse, parents, children, children's
spouses, siblings, grandparents, grandchildren, parents-in-law (MFA-GUIDE-2019).
Foster care (寄养) is not modelled.
"""

from __future__ import annotations

import polars as pl

from visarules.engine.citations import cite
from visarules.engine.nodes import AllOf, Criterion, ForAnyItem
from visarules.engine.visa import Document, Visa
from visarules.facts import FAM_RELATION, FAM_STATUS, FAMILY
from visarules.jurisdictions.cn.common import (
    FOREIGN_NATIONAL,
    REG_2013_IN_FORCE,
    RESIDENCE,
    SHORT_STAY,
    passport_photo_form,
    purpose_in,
    reg,
    stay,
)

PARAMETERS = None

FAMILY_MEMBERS = (
    "spouse",
    "parent",
    "child",
    "child_in_law",
    "sibling",
    "grandparent",
    "grandchild",
    "parent_in_law",
)
MFA_FAMILY = cite(
    "MFA-GUIDE-2019",
    None,
    translation="Family members: spouse, parents, children, children's spouses, brothers and "
    "sisters, grandparents, grandchildren and parents-in-law.",
)


def _relative(code: str, text: str) -> ForAnyItem:
    return ForAnyItem(
        id=f"cn.{code}.relative",
        text=text,
        collection=FAMILY,
        citations=(reg(6, 8), MFA_FAMILY),
        node=AllOf(
            id=f"cn.{code}.relative.all",
            text="This relative qualifies",
            nodes=(
                Criterion(
                    id=f"cn.{code}.relative.status",
                    text="A Chinese citizen, or a foreigner with Chinese permanent residence",
                    formula=lambda ctx: pl.col(FAM_STATUS.name).is_in(
                        ["citizen", "permanent_resident"]
                    ),
                    reads=(FAM_STATUS,),
                    since=REG_2013_IN_FORCE,
                    citations=(reg(6, 8),),
                ),
                Criterion(
                    id=f"cn.{code}.relative.relation",
                    text="A family member (家庭成员)",
                    formula=lambda ctx: pl.col(FAM_RELATION.name).is_in(list(FAMILY_MEMBERS)),
                    reads=(FAM_RELATION,),
                    since=REG_2013_IN_FORCE,
                    citations=(MFA_FAMILY,),
                ),
            ),
        ),
    )


DOCUMENTS = (
    passport_photo_form(),
    Document(
        "Invitation letter from the relative in China and proof of the relationship", reg(7, 8)
    ),
)

Q1 = Visa(
    code="CN-Q1",
    country="CN",
    name="Q1 visa (family reunion, residence)",
    name_zh="Q1字签证",
    summary="Family members of Chinese citizens, or of foreigners with Chinese permanent "
    "residence, coming to live with them.",
    requires="Invitation from the relative and proof of the relationship",
    since=REG_2013_IN_FORCE,
    established_by=reg(6, 8),
    conditions=AllOf(
        id="cn.q1.conditions",
        text="Coming to reside with a family member who is a Chinese citizen or permanent resident",
        citations=(reg(6, 8), reg(7, 8)),
        nodes=(
            FOREIGN_NATIONAL,
            purpose_in(
                "q1",
                ("family_reunion",),
                "Entering to reside for family reunion (家庭团聚)",
                reg(6, 8),
            ),
            _relative(
                "q1",
                "Has a family member in China who is a Chinese citizen or permanent resident",
            ),
        ),
    ),
    benefits=RESIDENCE,
    documents=DOCUMENTS,
)

Q2 = Visa(
    code="CN-Q2",
    country="CN",
    name="Q2 visa (short family visit)",
    name_zh="Q2字签证",
    summary="Relatives of Chinese citizens living in China, or of foreigners with Chinese "
    "permanent residence, visiting for a short time.",
    requires="Invitation from the relative",
    since=REG_2013_IN_FORCE,
    established_by=reg(6, 8),
    conditions=AllOf(
        id="cn.q2.conditions",
        text="Visiting a relative in China who is a Chinese citizen or permanent resident, short-term",
        citations=(reg(6, 8), reg(7, 8)),
        nodes=(
            FOREIGN_NATIONAL,
            purpose_in("q2", ("family_visit",), "Visiting relatives (探亲)", reg(6, 8)),
            stay("q2", long_term=False),
            _relative(
                "q2", "Has a relative in China who is a Chinese citizen or permanent resident"
            ),
        ),
    ),
    benefits=SHORT_STAY,
    documents=DOCUMENTS,
)

VISAS = (Q1, Q2)
