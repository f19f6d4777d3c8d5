"""D visa (D字签证): entry for permanent residence.

REG-2013 Art. 6(2):      D字签证，发给入境永久居留的人员。
REG-2013 Art. 7 para. 1(2): 申请D字签证，应当提交公安部签发的外国人永久居留身份确认表。
"""

from __future__ import annotations

from visarules.engine.nodes import AllOf
from visarules.engine.visa import Visa
from visarules.facts import PR_CONFIRMATION
from visarules.jurisdictions.cn.common import (
    FOREIGN_NATIONAL,
    REG_2013_IN_FORCE,
    TERMS_SET_BY_POST,
    holds,
    passport_photo_form,
    purpose_in,
    reg,
)

PARAMETERS = None

D = Visa(
    code="CN-D",
    country="CN",
    name="D visa (permanent residence)",
    name_zh="D字签证",
    summary="Foreigners approved for permanent residence in China, entering to take it up.",
    requires="The Confirmation Form of Permanent Residence Status issued by the Ministry of "
    "Public Security",
    since=REG_2013_IN_FORCE,
    established_by=reg(6, 2),
    conditions=AllOf(
        id="cn.d.conditions",
        text="Entering to reside permanently, with the MPS confirmation form",
        citations=(reg(6, 2), reg(7, 2)),
        nodes=(
            FOREIGN_NATIONAL,
            purpose_in(
                "d",
                ("permanent_residence",),
                "Entering China for permanent residence (永久居留)",
                reg(6, 2),
            ),
            holds(
                "d",
                "confirmation_form",
                PR_CONFIRMATION,
                "Holds the MPS Confirmation Form of Permanent Residence Status "
                "(外国人永久居留身份确认表)",
                reg(7, 2),
            ),
        ),
    ),
    benefits=TERMS_SET_BY_POST,
    documents=(passport_photo_form(),),
)

VISAS = (D,)
