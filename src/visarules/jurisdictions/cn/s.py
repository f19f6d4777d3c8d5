"""S1 and S2 visas (S1/S2字签证): family of foreigners staying in China for work or study,
and private affairs.

REG-2013 Art. 6(10) [Art. 6(11) from 1 Oct 2025]:
    S1字签证，发给申请入境长期探亲的因工作、学习等事由在中国境内居留的外国人的配偶、父母、未满18周岁的
    子女、配偶的父母，以及因其他私人事务需要在中国境内居留的人员；S2字签证，发给申请入境短期探亲的因
    工作、学习等事由在中国境内停留居留的外国人的家庭成员，以及因其他私人事务需要在中国境内停留的人员。
``relation`` in the profile is what the relative in China is to the applicant: the
applicant is the resident's parent when the resident is their ``child``.
"""

from __future__ import annotations

import polars as pl

from visarules.engine.ages import younger_than
from visarules.engine.context import Context
from visarules.engine.nodes import AllOf, AnyOf, Criterion, ForAnyItem
from visarules.engine.visa import Document, Visa
from visarules.facts import BIRTH, FAM_RELATION, FAM_STATUS, FAMILY
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
from visarules.jurisdictions.cn.q import FAMILY_MEMBERS, MFA_FAMILY

PARAMETERS = None

RESIDENT_FOREIGNER = Criterion(
    id="cn.s.relative.status",
    text="A foreigner staying or residing in China for work, study or similar reasons",
    formula=lambda ctx: pl.col(FAM_STATUS.name) == "resident_foreigner",
    reads=(FAM_STATUS,),
    since=REG_2013_IN_FORCE,
    citations=(reg(6, 10),),
)


def _s1_relation() -> Criterion:
    def formula(ctx: Context) -> pl.Expr:
        relation = pl.col(FAM_RELATION.name)
        minor = younger_than(18, ctx.as_of)
        return relation.is_in(["spouse", "child", "child_in_law"]) | (
            (relation == "parent") & minor
        )

    return Criterion(
        id="cn.s1.relative.relation",
        text="The applicant is the resident's spouse, parent, child under 18 or parent-in-law",
        formula=formula,
        reads=(FAM_RELATION, BIRTH),
        since=REG_2013_IN_FORCE,
        citations=(reg(6, 10),),
    )


def _visiting(code: str, relation: Criterion, long_term: bool) -> AllOf:
    return AllOf(
        id=f"cn.{code}.family_visit",
        text="Visiting such a family member in China",
        citations=(reg(6, 10),),
        nodes=(
            purpose_in(
                code, ("family_visit", "family_reunion"), "Visiting family (探亲)", reg(6, 10)
            ),
            stay(code, long_term=long_term),
            ForAnyItem(
                id=f"cn.{code}.relative",
                text="Has a qualifying relative staying in China for work or study",
                collection=FAMILY,
                citations=(reg(6, 10),),
                node=AllOf(
                    id=f"cn.{code}.relative.all",
                    text="This relative qualifies",
                    nodes=(RESIDENT_FOREIGNER, relation),
                ),
            ),
        ),
    )


def _private(code: str, long_term: bool) -> AllOf:
    return AllOf(
        id=f"cn.{code}.private_affairs",
        text="Entering for other private affairs (其他私人事务)",
        citations=(reg(6, 10),),
        nodes=(
            purpose_in(f"{code}.private", ("private",), "Private affairs", reg(6, 10)),
            stay(f"{code}.private", long_term=long_term),
        ),
    )


FAMILY_RELATION = Criterion(
    id="cn.s2.relative.relation",
    text="A family member (家庭成员)",
    formula=lambda ctx: pl.col(FAM_RELATION.name).is_in(list(FAMILY_MEMBERS)),
    reads=(FAM_RELATION,),
    since=REG_2013_IN_FORCE,
    citations=(MFA_FAMILY,),
)
DOCUMENTS = (
    passport_photo_form(),
    Document(
        "Invitation letter from the foreigner in China and proof of the relationship, or papers "
        "on the private affairs",
        reg(7, 10),
    ),
)

S1 = Visa(
    code="CN-S1",
    country="CN",
    name="S1 visa (long family visit, private affairs)",
    name_zh="S1字签证",
    summary="Spouses, parents, children under 18 and parents-in-law of foreigners living in China "
    "for work or study, visiting for more than 180 days; or residence for other private affairs.",
    requires="Invitation from the foreigner in China and proof of the relationship",
    since=REG_2013_IN_FORCE,
    established_by=reg(6, 10),
    conditions=AllOf(
        id="cn.s1.conditions",
        text="Long family visit to a foreigner living in China, or long private affairs",
        citations=(reg(6, 10), reg(7, 10)),
        nodes=(
            FOREIGN_NATIONAL,
            AnyOf(
                id="cn.s1.route",
                text="One of the two S1 routes",
                nodes=(_visiting("s1", _s1_relation(), True), _private("s1", True)),
            ),
        ),
    ),
    benefits=RESIDENCE,
    documents=DOCUMENTS,
)

S2 = Visa(
    code="CN-S2",
    country="CN",
    name="S2 visa (short family visit, private affairs)",
    name_zh="S2字签证",
    summary="Family members of foreigners staying in China for work or study, visiting for up to "
    "180 days; or a short stay for other private affairs.",
    requires="Invitation from the foreigner in China and proof of the relationship",
    since=REG_2013_IN_FORCE,
    established_by=reg(6, 10),
    conditions=AllOf(
        id="cn.s2.conditions",
        text="Short family visit to a foreigner in China, or short private affairs",
        citations=(reg(6, 10), reg(7, 10)),
        nodes=(
            FOREIGN_NATIONAL,
            AnyOf(
                id="cn.s2.route",
                text="One of the two S2 routes",
                nodes=(_visiting("s2", FAMILY_RELATION, False), _private("s2", False)),
            ),
        ),
    ),
    benefits=SHORT_STAY,
    documents=DOCUMENTS,
)

VISAS = (S1, S2)
