"""K visa (K字签证): young foreign science and technology talent. In force from 1 Oct 2025.

The law (REG-2013 as amended by State Council Decree No. 814):
    Art. 6(6)   K字签证，发给入境的外国青年科技人才。
    Art. 7(6)   申请K字签证，应当符合中国政府有关主管部门规定的外国青年科技人才的条件和要求，
                并提交相应的证明材料。
The conditions, as the four ministries stated them (QA-2025, 14 Aug 2025):
    K字签证签发给从境内外知名高校或者科研机构科学、技术、工程、数学学科领域专业毕业并获得相应
    学历学位证书（学士学位及以上），或者在上述机构从事相关专业教育、科研工作的外国青年科技人才。
    …K字签证仅对持证人年齡和教育背景或工作经历有特定要求，不要求国内有聘用或邀请单位。
Open points, each a named assumption: what is "well-known" (知名), what is STEM, and
whether an age limit applies (age is a condition, but no number is published).
"""

from __future__ import annotations

import polars as pl

from visarules.engine.ages import younger_than
from visarules.engine.assumptions import Assumption, Option
from visarules.engine.citations import cite
from visarules.engine.context import Context
from visarules.engine.nodes import AllOf, AnyOf, Criterion, ForAnyItem, Formula
from visarules.engine.visa import Benefit, Document, Visa
from visarules.facts import (
    BIRTH,
    EDU_COMPLETED,
    EDU_LEVEL,
    EDU_STEM_DHS,
    EDU_STEM_ISCED,
    EDU_TIERS,
    EDUCATION,
    EMPLOYMENT,
    JOB_ACTIVITY,
    JOB_CURRENT,
    JOB_STEM_DHS,
    JOB_STEM_ISCED,
    JOB_TIERS,
)
from visarules.jurisdictions.cn.common import (
    DEC_814_IN_FORCE,
    FOREIGN_NATIONAL,
    REG_ART_7_MAIN,
    WELL_KNOWN_OPTIONS,
    well_known,
)

PARAMETERS = "k.yaml"
SINCE = DEC_814_IN_FORCE

DEC_814_ART_6 = cite(
    "DEC-814",
    "item 1 (REG Art. 6(6))",
    excerpt="第六条增加一项，作为第六项：“（六）K字签证，发给入境的外国青年科技人才”。",
    translation="Art. 6 gains item (6): the K visa is issued to young foreign science and "
    "technology talent entering China.",
)
DEC_814_ART_7 = cite(
    "DEC-814",
    "item 2 (REG Art. 7 para. 1(6))",
    excerpt="第七条第一款增加一项，作为第六项：“（六）申请K字签证，应当符合中国政府有关主管部门规定的"
    "外国青年科技人才的条件和要求，并提交相应的证明材料”。",
    translation="An applicant for a K visa must meet the conditions and requirements for young "
    "foreign S&T talent set by the competent government departments and submit the "
    "corresponding supporting documents.",
)
QA_WHO = cite(
    "QA-2025",
    "answer 3",
    excerpt="K字签证签发给从境内外知名高校或者科研机构科学、技术、工程、数学学科领域专业毕业并获得相应"
    "学历学位证书（学士学位及以上），或者在上述机构从事相关专业教育、科研工作的外国青年科技人才。"
    "具体条件和要求将在中国驻外使领馆网站公布。",
    translation="K visas go to young foreign S&T talent who graduated in a science, technology, "
    "engineering or mathematics discipline from a well-known university or research institution "
    "in China or abroad with the corresponding degree (bachelor's or above), or who teach or do "
    "research in a related field at such institutions. Specific conditions will be published on "
    "the websites of Chinese missions abroad.",
)
QA_AGE = cite(
    "QA-2025",
    "answer 3",
    excerpt="K字签证仅对持证人年龄和教育背景或工作经历有特定要求，不要求国内有聘用或邀请单位。",
    translation="The K visa only sets requirements on age and educational background or work "
    "experience; no employer or inviting entity in China is required.",
)

WELL_KNOWN = Assumption(
    name="cn.k.well_known",
    question="What makes a university or research institution 'well-known' (知名)?",
    why_open="QA-2025 says 'well-known universities or research institutions in China or abroad' "
    "and leaves the list to be published by Chinese missions; none was published by this release.",
    default="any_tier",
    options=WELL_KNOWN_OPTIONS,
    citations=(QA_WHO,),
)
STEM = Assumption(
    name="cn.k.stem",
    question="Which fields count as science, technology, engineering or mathematics?",
    why_open="QA-2025 names the four disciplines but no classification of fields.",
    default="isced_f",
    options=(
        Option("isced_f", "ISCED-F 2013 broad fields 05, 06 and 07 (UNESCO/OECD convention)"),
        Option("dhs", "US DHS STEM Designated Degree Program List, 2024 (CIP 2020 codes)"),
    ),
    citations=(QA_WHO,),
)
AGE_LIMIT = Assumption(
    name="cn.k.age_limit",
    question="Up to what age is a person 'young' (青年) for the K visa?",
    why_open="QA-2025 says age is a condition but publishes no number. Press reports (Business "
    "Standard, 15 Aug 2025, citing CCTV) compare it with programmes capped at 45; that is an "
    "analogy, not a K-visa rule.",
    default="none",
    options=(
        Option("none", "No age limit applied (no number is published)"),
        Option("45", "Aged 45 or under (unofficial, by analogy with young-scientist programmes)"),
    ),
    citations=(QA_AGE,),
)
ASSUMPTIONS = (WELL_KNOWN, STEM, AGE_LIMIT)


def _stem(isced: str, dhs: str) -> Formula:
    def formula(ctx: Context) -> pl.Expr:
        return pl.col(isced if ctx.assume(STEM.name) == "isced_f" else dhs)

    return formula


def _age(ctx: Context) -> pl.Expr:
    limit = ctx.assume(AGE_LIMIT.name)
    return pl.lit(True) if limit == "none" else younger_than(int(limit) + 1, ctx.as_of)


AGE = Criterion(
    id="cn.k.age",
    text="Young (青年): within the age limit, if one applies (assumption cn.k.age_limit)",
    formula=_age,
    reads=(BIRTH,),
    since=SINCE,
    assumptions=(AGE_LIMIT.name,),
    citations=(QA_AGE,),
)

DEGREE = ForAnyItem(
    id="cn.k.stem_degree",
    text="Graduated in a STEM field with a bachelor's degree or higher from a well-known "
    "university or research institution",
    collection=EDUCATION,
    citations=(QA_WHO,),
    node=AllOf(
        id="cn.k.stem_degree.all",
        text="This degree meets every part of the education route",
        citations=(QA_WHO,),
        nodes=(
            Criterion(
                id="cn.k.stem_degree.level",
                text="Bachelor's degree or higher (ISCED level 6 or above)",
                formula=lambda ctx: pl.col(EDU_LEVEL.name) >= 6,
                reads=(EDU_LEVEL,),
                since=SINCE,
                citations=(QA_WHO,),
            ),
            Criterion(
                id="cn.k.stem_degree.completed",
                text="Graduated: the degree was completed by the as-of date",
                formula=lambda ctx: pl.col(EDU_COMPLETED.name),
                reads=(EDU_COMPLETED,),
                since=SINCE,
                citations=(QA_WHO,),
            ),
            Criterion(
                id="cn.k.stem_degree.stem",
                text="The field is science, technology, engineering or mathematics "
                "(assumption cn.k.stem)",
                formula=_stem(EDU_STEM_ISCED.name, EDU_STEM_DHS.name),
                reads=(EDU_STEM_ISCED,),
                since=SINCE,
                assumptions=(STEM.name,),
                citations=(QA_WHO,),
            ),
            Criterion(
                id="cn.k.stem_degree.well_known",
                text="Awarded by a well-known university or research institution "
                "(assumption cn.k.well_known)",
                formula=well_known(EDU_TIERS.name, WELL_KNOWN.name),
                reads=(EDU_TIERS,),
                since=SINCE,
                assumptions=(WELL_KNOWN.name,),
                citations=(QA_WHO,),
            ),
        ),
    ),
)

POSITION = ForAnyItem(
    id="cn.k.stem_position",
    text="Teaches or does research in a STEM field at a well-known university or research "
    "institution",
    collection=EMPLOYMENT,
    citations=(QA_WHO,),
    node=AllOf(
        id="cn.k.stem_position.all",
        text="This position meets every part of the teaching/research route",
        citations=(QA_WHO,),
        nodes=(
            Criterion(
                id="cn.k.stem_position.current",
                text="Held now (on the as-of date)",
                formula=lambda ctx: pl.col(JOB_CURRENT.name),
                reads=(JOB_CURRENT,),
                since=SINCE,
                citations=(QA_WHO,),
            ),
            Criterion(
                id="cn.k.stem_position.teaching_or_research",
                text="The work is teaching or research (教育、科研工作)",
                formula=lambda ctx: pl.col(JOB_ACTIVITY.name).is_in(["teaching", "research"]),
                reads=(JOB_ACTIVITY,),
                since=SINCE,
                citations=(QA_WHO,),
            ),
            Criterion(
                id="cn.k.stem_position.stem",
                text="In a STEM field (assumption cn.k.stem)",
                formula=_stem(JOB_STEM_ISCED.name, JOB_STEM_DHS.name),
                reads=(JOB_STEM_ISCED,),
                since=SINCE,
                assumptions=(STEM.name,),
                citations=(QA_WHO,),
            ),
            Criterion(
                id="cn.k.stem_position.well_known",
                text="At a well-known university or research institution "
                "(assumption cn.k.well_known)",
                formula=well_known(JOB_TIERS.name, WELL_KNOWN.name),
                reads=(JOB_TIERS,),
                since=SINCE,
                assumptions=(WELL_KNOWN.name,),
                citations=(QA_WHO,),
            ),
        ),
    ),
)

K = Visa(
    code="CN-K",
    country="CN",
    name="K visa (young foreign science and technology talent)",
    name_zh="K字签证",
    summary="Young foreign STEM graduates of well-known universities or research institutions, "
    "or STEM teachers and researchers there. No employer or inviting organisation in China needed.",
    requires="Proof of the STEM degree (bachelor's or higher) or of the teaching/research "
    "position; no invitation",
    since=SINCE,
    established_by=DEC_814_ART_6,
    conditions=AllOf(
        id="cn.k.conditions",
        text="Young foreign science and technology talent (外国青年科技人才)",
        citations=(DEC_814_ART_7, QA_WHO),
        nodes=(
            FOREIGN_NATIONAL,
            AGE,
            AnyOf(
                id="cn.k.stem_talent",
                text="A STEM graduate of, or a STEM teacher or researcher at, a well-known "
                "university or research institution",
                citations=(QA_WHO,),
                nodes=(DEGREE, POSITION),
            ),
        ),
    ),
    benefits=(
        Benefit("entries", "cn.k.entries"),
        Benefit("validity", "cn.k.validity"),
        Benefit("stay_per_entry", "cn.k.stay_per_entry"),
        Benefit("activities", "cn.k.activities"),
        Benefit("work", "cn.work.permit_required"),
        Benefit("extension", "cn.visa.extension_short_stay"),
    ),
    documents=(
        Document("Passport, photo and completed application form", REG_ART_7_MAIN),
        Document(
            "Degree certificate (bachelor's or higher, STEM) or proof of the STEM teaching or "
            "research position at the institution",
            DEC_814_ART_7,
        ),
    ),
    notes=(
        "The specific conditions and the list of documents are to be published by Chinese "
        "embassies and consulates (QA-2025); visarules found none, so the conditions above are "
        "those the four ministries stated.",
        "Entries, validity and stay are officially 'more convenient than the other 12 ordinary "
        "visas', but no figures are published.",
    ),
)

VISAS = (K,)
