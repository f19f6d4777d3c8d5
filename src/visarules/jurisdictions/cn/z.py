"""Z visa (Z字签证): work.

REG-2013 Art. 6(12) [Art. 6(13) from 1 Oct 2025]:  Z字签证，发给申请在中国境内工作的人员。
Art. 7 para. 1(12) [(13)]:  申请Z字签证，应当按照规定提交工作许可等证明材料。
EEAL Art. 41: work needs a work permit and a work-type residence permit. Since 1 Apr 2017
the work permit is shown by the Notification Letter of Foreigner's Work Permit
(外国人工作许可通知), applied for by the employer.
"""

from __future__ import annotations

import polars as pl

from visarules.engine.nodes import AllOf, Criterion
from visarules.engine.visa import Benefit, Document, Visa
from visarules.facts import WORK_PERMIT
from visarules.jurisdictions.cn.common import (
    EEAL_ART_41,
    FOREIGN_NATIONAL,
    REG_2013_IN_FORCE,
    TERMS_SET_BY_POST,
    passport_photo_form,
    purpose_in,
    reg,
)

PARAMETERS = None

Z = Visa(
    code="CN-Z",
    country="CN",
    name="Z visa (work)",
    name_zh="Z字签证",
    summary="Foreigners coming to work in China for an employer that has obtained a work permit "
    "for them.",
    requires="The Notification Letter of Foreigner's Work Permit, applied for by the employer",
    since=REG_2013_IN_FORCE,
    established_by=reg(6, 12),
    conditions=AllOf(
        id="cn.z.conditions",
        text="Coming to work in China with a work permit",
        citations=(reg(6, 12), reg(7, 12)),
        nodes=(
            FOREIGN_NATIONAL,
            purpose_in("z", ("work", "talent"), "Entering China to work (工作)", reg(6, 12)),
            Criterion(
                id="cn.z.work_permit",
                text="Holds a work permit notice (工作许可) obtained by the employer",
                formula=lambda ctx: pl.col(WORK_PERMIT.name) != "none",
                reads=(WORK_PERMIT,),
                since=REG_2013_IN_FORCE,
                citations=(reg(7, 12), EEAL_ART_41),
            ),
        ),
    ),
    benefits=(
        *TERMS_SET_BY_POST,
        Benefit("residence_permit", "cn.residence_permit.required"),
        Benefit("work", "cn.work.allowed_with_permit"),
    ),
    documents=(
        passport_photo_form(),
        Document("Notification Letter of Foreigner's Work Permit (外国人工作许可通知)", reg(7, 12)),
    ),
)

VISAS = (Z,)
