"""X1 and X2 visas (X1/X2字签证): study.

REG-2013 Art. 6(11) [Art. 6(12) from 1 Oct 2025]:
    X1字签证，发给申请在中国境内长期学习的人员；X2字签证，发给申请在中国境内短期学习的人员。
Art. 7 para. 1(11) [(12)]:
    申请X1字签证应当按照规定提交招收单位出具的录取通知书和主管部门出具的证明材料；申请X2字签证，
    应当按照规定提交招收单位出具的录取通知书等证明材料。
"""

from __future__ import annotations

from visarules.engine.nodes import AllOf
from visarules.engine.visa import Document, Visa
from visarules.facts import ADMISSION, STUDY_DAYS
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

STUDY = purpose_in("x", ("study",), "Entering China to study (学习)", reg(6, 11))
ADMITTED = holds(
    "x",
    "admission",
    ADMISSION,
    "Holds an admission notice from the school (录取通知书)",
    reg(7, 11),
)

X1 = Visa(
    code="CN-X1",
    country="CN",
    name="X1 visa (long-term study)",
    name_zh="X1字签证",
    summary="Students admitted to study in China for more than 180 days.",
    requires="Admission notice and the competent authority's certificate (JW201/JW202 form)",
    since=REG_2013_IN_FORCE,
    established_by=reg(6, 11),
    conditions=AllOf(
        id="cn.x1.conditions",
        text="Admitted to long-term study in China",
        citations=(reg(6, 11), reg(7, 11)),
        nodes=(FOREIGN_NATIONAL, STUDY, stay("x1", long_term=True, fact=STUDY_DAYS), ADMITTED),
    ),
    benefits=RESIDENCE,
    documents=(
        passport_photo_form(),
        Document("Visa Application for Study in China form (JW201 or JW202)", reg(7, 11)),
    ),
)

X2 = Visa(
    code="CN-X2",
    country="CN",
    name="X2 visa (short-term study)",
    name_zh="X2字签证",
    summary="Students admitted to study in China for up to 180 days.",
    requires="Admission notice from the school",
    since=REG_2013_IN_FORCE,
    established_by=reg(6, 11),
    conditions=AllOf(
        id="cn.x2.conditions",
        text="Admitted to short-term study in China",
        citations=(reg(6, 11), reg(7, 11)),
        nodes=(FOREIGN_NATIONAL, STUDY, stay("x2", long_term=False, fact=STUDY_DAYS), ADMITTED),
    ),
    benefits=SHORT_STAY,
    documents=(passport_photo_form(),),
)

VISAS = (X1, X2)
