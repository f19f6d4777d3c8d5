"""L visa (L字签证): tourism.

REG-2013 Art. 6(6) [Art. 6(7) from 1 Oct 2025]:
    L字签证，发给入境旅游的人员；以团体形式入境旅游的，可以签发团体L字签证。
Art. 7 para. 1(6) [(7)]: an itinerary (and, for a group, a travel agency's invitation),
which anyone can assemble: a document, not a condition.
"""

from __future__ import annotations

from visarules.engine.nodes import AllOf
from visarules.engine.visa import Benefit, Document, Visa
from visarules.jurisdictions.cn.common import (
    FOREIGN_NATIONAL,
    REG_2013_IN_FORCE,
    SHORT_STAY,
    passport_photo_form,
    purpose_in,
    reg,
)

PARAMETERS = "l.yaml"

L = Visa(
    code="CN-L",
    country="CN",
    name="L visa (tourism)",
    name_zh="L字签证",
    summary="Visitors entering China as tourists, alone or in a group.",
    requires="A travel itinerary (groups: a travel agency's invitation)",
    since=REG_2013_IN_FORCE,
    established_by=reg(6, 6),
    conditions=AllOf(
        id="cn.l.conditions",
        text="Entering China for tourism",
        citations=(reg(6, 6),),
        nodes=(
            FOREIGN_NATIONAL,
            purpose_in("l", ("tourism",), "The purpose of the trip is tourism (旅游)", reg(6, 6)),
        ),
    ),
    benefits=(*SHORT_STAY, Benefit("activities", "cn.l.activities")),
    documents=(
        passport_photo_form(),
        Document("Travel itinerary; for a group tour, the travel agency's invitation", reg(7, 6)),
    ),
)

VISAS = (L,)
