"""F visa (F字签证): exchanges, visits, study tours and similar non-commercial activities.

REG-2013 Art. 6(3):      F字签证，发给入境从事交流、访问、考察等活动的人员。
REG-2013 Art. 7 para. 1(3): 申请F字签证，应当提交中国境内的邀请方出具的邀请函件。
"""

from __future__ import annotations

from visarules.engine.nodes import AllOf
from visarules.engine.visa import Benefit, Document, Visa
from visarules.jurisdictions.cn.common import (
    FOREIGN_NATIONAL,
    REG_2013_IN_FORCE,
    SHORT_STAY,
    invited,
    passport_photo_form,
    purpose_in,
    reg,
)

PARAMETERS = "f.yaml"

F = Visa(
    code="CN-F",
    country="CN",
    name="F visa (exchanges, visits, study tours)",
    name_zh="F字签证",
    summary="Visitors entering China for exchanges, visits, study tours and similar activities.",
    requires="An invitation letter from the inviting party in China",
    since=REG_2013_IN_FORCE,
    established_by=reg(6, 3),
    conditions=AllOf(
        id="cn.f.conditions",
        text="Entering China for exchanges, visits or study tours, invited by a party there",
        citations=(reg(6, 3), reg(7, 3)),
        nodes=(
            FOREIGN_NATIONAL,
            purpose_in(
                "f",
                ("exchange",),
                "The purpose of the trip is an exchange, visit or study tour (交流、访问、考察)",
                reg(6, 3),
            ),
            invited(
                "f",
                ("organisation", "person"),
                "Invited by an inviting party in China (邀请方)",
                reg(7, 3),
            ),
        ),
    ),
    benefits=(*SHORT_STAY, Benefit("activities", "cn.f.activities")),
    documents=(
        passport_photo_form(),
        Document("The inviting party's invitation letter", reg(7, 3)),
    ),
)

VISAS = (F,)
