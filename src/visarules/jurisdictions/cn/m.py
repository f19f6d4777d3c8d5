"""M visa (M字签证): commercial and trade activities.

REG-2013 Art. 6(7) [Art. 6(8) from 1 Oct 2025]:
    M字签证，发给入境进行商业贸易活动的人员。
Art. 7 para. 1(7) [(8)]:
    申请M字签证，应当按照要求提交中国境内商业贸易合作方出具的邀请函件。
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

PARAMETERS = "m.yaml"

M = Visa(
    code="CN-M",
    country="CN",
    name="M visa (business and trade)",
    name_zh="M字签证",
    summary="Visitors entering China for commercial and trade activities.",
    requires="An invitation letter from a business partner in China",
    since=REG_2013_IN_FORCE,
    established_by=reg(6, 7),
    conditions=AllOf(
        id="cn.m.conditions",
        text="Entering China for commercial and trade activities, invited by a partner there",
        citations=(reg(6, 7), reg(7, 7)),
        nodes=(
            FOREIGN_NATIONAL,
            purpose_in(
                "m",
                ("business", "entrepreneurship"),
                "The purpose of the trip is commercial and trade activity (商业贸易活动)",
                reg(6, 7),
            ),
            invited(
                "m",
                ("organisation", "person"),
                "Invited by a commercial or trade partner in China (商业贸易合作方)",
                reg(7, 7),
            ),
        ),
    ),
    benefits=(*SHORT_STAY, Benefit("activities", "cn.m.activities")),
    documents=(
        passport_photo_form(),
        Document("The partner's invitation letter", reg(7, 7)),
    ),
)

VISAS = (M,)
