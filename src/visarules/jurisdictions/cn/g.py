"""G visa (G字签证): transit through China.

REG-2013 Art. 6(4):      G字签证，发给经中国过境的人员。
REG-2013 Art. 7 para. 1(4): 申请G字签证，应当提交前往国家(地区)的已确定日期、座位的联程机(车、船)票。
"""

from __future__ import annotations

from visarules.engine.nodes import AllOf
from visarules.engine.visa import Visa
from visarules.facts import ONWARD_TICKET
from visarules.jurisdictions.cn.common import (
    FOREIGN_NATIONAL,
    REG_2013_IN_FORCE,
    SHORT_STAY,
    holds,
    passport_photo_form,
    purpose_in,
    reg,
)

PARAMETERS = None

G = Visa(
    code="CN-G",
    country="CN",
    name="G visa (transit)",
    name_zh="G字签证",
    summary="Travellers passing through China on the way to another country or region.",
    requires="A confirmed onward ticket (date and seat) to the destination",
    since=REG_2013_IN_FORCE,
    established_by=reg(6, 4),
    conditions=AllOf(
        id="cn.g.conditions",
        text="Transiting China with a confirmed onward ticket",
        citations=(reg(6, 4), reg(7, 4)),
        nodes=(
            FOREIGN_NATIONAL,
            purpose_in("g", ("transit",), "Passing through China (过境)", reg(6, 4)),
            holds(
                "g",
                "onward_ticket",
                ONWARD_TICKET,
                "Holds an onward ticket with a confirmed date and seat (已确定日期、座位的联程票)",
                reg(7, 4),
            ),
        ),
    ),
    benefits=SHORT_STAY,
    documents=(passport_photo_form(),),
)

VISAS = (G,)
