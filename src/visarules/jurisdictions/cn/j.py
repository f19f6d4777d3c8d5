"""J1 and J2 visas (J1/J2字签证): foreign journalists.

REG-2013 Art. 6(5):      J1字签证，发给外国常驻中国新闻机构的外国常驻记者；J2字签证，发给入境进行
                         短期采访报道的外国记者。
REG-2013 Art. 7 para. 1(5): 申请J1字及J2字签证，应当按照中国有关外国常驻新闻机构和外国记者采访的规定
                         履行审批手续并提交相应的申请材料。
REG-2013 Art. 15(3): journalists' residence permits go to resident correspondents (J1).
"""

from __future__ import annotations

from visarules.engine.citations import cite
from visarules.engine.nodes import AllOf
from visarules.engine.visa import Visa
from visarules.facts import MEDIA_APPROVAL
from visarules.jurisdictions.cn.common import (
    FOREIGN_NATIONAL,
    REG_2013_IN_FORCE,
    RESIDENCE,
    SHORT_STAY,
    holds,
    passport_photo_form,
    purpose_in,
    reg,
    stay,
)

PARAMETERS = None

JOURNALISM = purpose_in(
    "j", ("journalism",), "Entering China as a foreign journalist (记者)", reg(6, 5)
)
APPROVED = holds(
    "j",
    "media_approval",
    MEDIA_APPROVAL,
    "Approved under China's rules on resident foreign media and foreign journalists",
    reg(7, 5),
)
REG_ART_15 = cite(
    "REG-2013",
    "Art. 15(3)",
    excerpt="记者类居留证件，发给外国常驻中国新闻机构的外国常驻记者",
)

J1 = Visa(
    code="CN-J1",
    country="CN",
    name="J1 visa (resident journalist)",
    name_zh="J1字签证",
    summary="Resident correspondents of foreign news organisations' offices in China.",
    requires="Approval under the foreign-media rules",
    since=REG_2013_IN_FORCE,
    established_by=reg(6, 5),
    conditions=AllOf(
        id="cn.j1.conditions",
        text="A resident correspondent of a foreign news office in China, approved",
        citations=(reg(6, 5), REG_ART_15),
        nodes=(FOREIGN_NATIONAL, JOURNALISM, stay("j1", long_term=True), APPROVED),
    ),
    benefits=RESIDENCE,
    documents=(passport_photo_form(),),
)

J2 = Visa(
    code="CN-J2",
    country="CN",
    name="J2 visa (short-term reporting)",
    name_zh="J2字签证",
    summary="Foreign journalists entering for short reporting trips.",
    requires="Approval under the foreign-media rules",
    since=REG_2013_IN_FORCE,
    established_by=reg(6, 5),
    conditions=AllOf(
        id="cn.j2.conditions",
        text="A foreign journalist on a short reporting trip, approved",
        citations=(reg(6, 5),),
        nodes=(FOREIGN_NATIONAL, JOURNALISM, stay("j2", long_term=False), APPROVED),
    ),
    benefits=SHORT_STAY,
    documents=(passport_photo_form(),),
)

VISAS = (J1, J2)
