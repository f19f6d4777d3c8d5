"""C visa (C字签证): crew of international trains, aircraft and ships, their accompanying
family (ships), and drivers in international road transport.

REG-2013 Art. 6(1):      C字签证，发给执行乘务、航空、航运任务的国际列车乘务员、国际航空器机组人员、
                         国际航行船舶的船员及船员随行家属和从事国际道路运输的汽车驾驶员。
REG-2013 Art. 7 para. 1(1): 申请C字签证，应当提交外国运输公司出具的担保函件或者中国境内有关单位出具的
                         邀请函件。
"""

from __future__ import annotations

from visarules.engine.nodes import AllOf
from visarules.engine.visa import Visa
from visarules.jurisdictions.cn.common import (
    FOREIGN_NATIONAL,
    REG_2013_IN_FORCE,
    SHORT_STAY,
    invited,
    passport_photo_form,
    purpose_in,
    reg,
)

PARAMETERS = None

C = Visa(
    code="CN-C",
    country="CN",
    name="C visa (crew)",
    name_zh="C字签证",
    summary="Crew of international trains, aircraft and ships (and ships' crew families), and "
    "international road-transport drivers, on duty.",
    requires="A guarantee letter from the foreign transport company or an invitation from an "
    "entity in China",
    since=REG_2013_IN_FORCE,
    established_by=reg(6, 1),
    conditions=AllOf(
        id="cn.c.conditions",
        text="Crew on duty, vouched for by the transport company or invited by an entity in China",
        citations=(reg(6, 1), reg(7, 1)),
        nodes=(
            FOREIGN_NATIONAL,
            purpose_in("c", ("crew",), "Entering as crew on an international service", reg(6, 1)),
            invited(
                "c",
                ("organisation",),
                "A guarantee letter from the foreign transport company or an invitation from an "
                "entity in China (担保函件或邀请函件)",
                reg(7, 1),
            ),
        ),
    ),
    benefits=SHORT_STAY,
    documents=(passport_photo_form(),),
)

VISAS = (C,)
