"""What China's visa rules share: the articles that list the visas, and common criteria.

Arts. 6 and 7 of the 2013 Regulations list each ordinary visa and the document
its applicant must submit. Decree No. 814 inserted the K visa as item (6) of both
articles from 1 Oct 2025, so items (6)–(12) (L, M, Q, R, S, X, Z) became (7)–(13);
``reg`` cites each item by its number on the as-of date.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from importlib import resources

import polars as pl

from visarules.engine.assumptions import Option
from visarules.engine.citations import Citation, cite
from visarules.engine.context import Context
from visarules.engine.facts import Fact
from visarules.engine.jurisdiction import load_jurisdiction
from visarules.engine.nodes import Criterion, Formula
from visarules.engine.visa import Benefit, Document
from visarules.facts import CITIZENSHIP, INVITATION, PURPOSE, STAY_DAYS
from visarules.resolve.institutions import tiers_mask

JURISDICTION = load_jurisdiction(resources.files(__package__).joinpath("jurisdiction.yaml"))
EEAL_IN_FORCE = date(2013, 7, 1)
REG_2013_IN_FORCE = date(2013, 9, 1)
DEC_814_IN_FORCE = date(2025, 10, 1)
SHORT_TERM_MAX_DAYS = 180  # REG-2013 Art. 36(4): short-term = up to 180 days inclusive

# The Chinese text of REG-2013 Arts. 6 and 7 (Decree No. 637), by 2013 item number.
ART_6 = {
    1: "C字签证，发给执行乘务、航空、航运任务的国际列车乘务员、国际航空器机组人员、国际航行船舶的船员"
    "及船员随行家属和从事国际道路运输的汽车驾驶员。",
    2: "D字签证，发给入境永久居留的人员。",
    3: "F字签证，发给入境从事交流、访问、考察等活动的人员。",
    4: "G字签证，发给经中国过境的人员。",
    5: "J1字签证，发给外国常驻中国新闻机构的外国常驻记者；J2字签证，发给入境进行短期采访报道的外国记者。",
    6: "L字签证，发给入境旅游的人员；以团体形式入境旅游的，可以签发团体L字签证。",
    7: "M字签证，发给入境进行商业贸易活动的人员。",
    8: "Q1字签证，发给因家庭团聚申请入境居留的中国公民的家庭成员和具有中国永久居留资格的外国人的"
    "家庭成员，以及因寄养等原因申请入境居留的人员；Q2字签证，发给申请入境短期探亲的居住在中国境内的"
    "中国公民的亲属和具有中国永久居留资格的外国人的亲属。",
    9: "R字签证，发给国家需要的外国高层次人才和急需紧缺专门人才。",
    10: "S1字签证，发给申请入境长期探亲的因工作、学习等事由在中国境内居留的外国人的配偶、父母、"
    "未满18周岁的子女、配偶的父母，以及因其他私人事务需要在中国境内居留的人员；S2字签证，发给申请"
    "入境短期探亲的因工作、学习等事由在中国境内停留居留的外国人的家庭成员，以及因其他私人事务需要在"
    "中国境内停留的人员。",
    11: "X1字签证，发给申请在中国境内长期学习的人员；X2字签证，发给申请在中国境内短期学习的人员。",
    12: "Z字签证，发给申请在中国境内工作的人员。",
}
ART_7 = {
    1: "申请C字签证，应当提交外国运输公司出具的担保函件或者中国境内有关单位出具的邀请函件。",
    2: "申请D字签证，应当提交公安部签发的外国人永久居留身份确认表。",
    3: "申请F字签证，应当提交中国境内的邀请方出具的邀请函件。",
    4: "申请G字签证，应当提交前往国家(地区)的已确定日期、座位的联程机(车、船)票。",
    5: "申请J1字及J2字签证，应当按照中国有关外国常驻新闻机构和外国记者采访的规定履行审批手续并提交"
    "相应的申请材料。",
    6: "申请L字签证，应当按照要求提交旅行计划行程安排等材料；以团体形式入境旅游的，还应当提交旅行社"
    "出具的邀请函件。",
    7: "申请M字签证，应当按照要求提交中国境内商业贸易合作方出具的邀请函件。",
    8: "申请Q1字签证，因家庭团聚申请入境居留的，应当提交居住在中国境内的中国公民、具有永久居留资格的"
    "外国人出具的邀请函件和家庭成员关系证明，因寄养等原因申请入境的，应当提交委托书等证明材料；申请"
    "Q2字签证，应当提交居住在中国境内的中国公民、具有永久居留资格的外国人出具的邀请函件等证明材料。",
    9: "申请R字签证，应当符合中国政府有关主管部门确定的外国高层次人才和急需紧缺专门人才的引进条件和"
    "要求，并按照规定提交相应的证明材料。",
    10: "申请S1字及S2字签证，应当按照要求提交因工作、学习等事由在中国境内停留居留的外国人出具的邀请"
    "函件、家庭成员关系证明，或者入境处理私人事务所需的证明材料。",
    11: "申请X1字签证应当按照规定提交招收单位出具的录取通知书和主管部门出具的证明材料；申请X2字签证，"
    "应当按照规定提交招收单位出具的录取通知书等证明材料。",
    12: "申请Z字签证，应当按照规定提交工作许可等证明材料。",
}


def reg(article: int, item: int, *, translation: str | None = None) -> Citation:
    """REG-2013 Art. 6 or 7, item as numbered in 2013, renumbered from 1 Oct 2025."""
    text = {6: ART_6, 7: ART_7}[article][item]
    label = f"Art. 6({item})" if article == 6 else f"Art. 7 para. 1({item})"
    renumbered: tuple[tuple[date, str], ...] = ()
    if item >= 6:
        new = item + 1
        renumbered = (
            (DEC_814_IN_FORCE, f"Art. 6({new})" if article == 6 else f"Art. 7 para. 1({new})"),
        )
    return cite("REG-2013", label, renumbered=renumbered, excerpt=text, translation=translation)


REG_ART_36 = cite(
    "REG-2013",
    "Art. 36(4)-(5)",
    excerpt="短期，是指在中国境内停留不超过180日(含180日)。长期、常驻，是指在中国境内居留超过180日。",
    translation="Short-term means a stay in China of up to 180 days inclusive; long-term means "
    "residence of more than 180 days.",
)
EEAL_ART_89 = cite(
    "EEAL",
    "Art. 89",
    excerpt="外国人，是指不具有中国国籍的人。",
    translation="A foreigner is a person who does not hold Chinese nationality.",
)
EEAL_ART_41 = cite(
    "EEAL",
    "Art. 41",
    excerpt="外国人在中国境内工作，应当按照规定取得工作许可和工作类居留证件。",
    translation="A foreigner working in China must obtain a work permit and a work-type residence "
    "permit.",
)
EEAL_ART_30 = cite(
    "EEAL",
    "Art. 30",
    excerpt="外国人所持签证注明入境后需要办理居留证件的，应当自入境之日起三十日内，向拟居留地县级以上"
    "地方人民政府公安机关出入境管理机构申请办理外国人居留证件。",
    translation="A holder of a visa marked 'residence permit required after entry' must apply for a "
    "residence permit within 30 days of entry.",
)
EEAL_ART_29 = cite(
    "EEAL",
    "Art. 29",
    excerpt="外国人所持签证注明的停留期限不超过一百八十日的，持证人凭签证并按照签证注明的停留期限在中国"
    "境内停留。……延长签证停留期限，累计不得超过签证原注明的停留期限。",
    translation="A holder of a visa whose marked stay is at most 180 days stays on the visa; "
    "extensions may not in total exceed the stay originally marked.",
)
REG_ART_7_MAIN = cite(
    "REG-2013",
    "Art. 7 para. 1",
    excerpt="外国人申请办理签证，应当填写申请表，提交本人的护照或者其他国际旅行证件以及符合规定的照片和"
    "申请事由的相关材料。",
    translation="An applicant fills in the application form and submits a passport, a photo and "
    "papers on the purpose of the application.",
)

FOREIGN_NATIONAL = Criterion(
    id="cn.foreign_national",
    text="Is a foreign national (holds no Chinese nationality); China's visas are for foreigners",
    formula=lambda ctx: ~pl.col(CITIZENSHIP.name).list.contains("CN"),
    reads=(CITIZENSHIP,),
    since=EEAL_IN_FORCE,
    citations=(
        EEAL_ART_89,
        cite(
            "NATIONALITY-LAW",
            "Art. 3",
            excerpt="中华人民共和国不承认中国公民具有双重国籍。",
            translation="The People's Republic of China does not recognise dual nationality for "
            "Chinese nationals.",
        ),
    ),
)


# Narrower purposes of the profile that are a kind of a broader one the law names.
NARROWER_PURPOSES = {"exchange": ("stem_exchange",)}


def with_narrower(purposes: Iterable[str]) -> list[str]:
    """``["exchange"]`` → ``["exchange", "stem_exchange"]``: a STEM exchange is an exchange."""
    return list(
        dict.fromkeys(p for broad in purposes for p in (broad, *NARROWER_PURPOSES.get(broad, ())))
    )


def purpose_in(code: str, purposes: tuple[str, ...], text: str, citation: Citation) -> Criterion:
    """The trip's purpose is one the visa is issued for (REG-2013 Art. 6)."""
    return Criterion(
        id=f"cn.{code}.purpose",
        text=text,
        formula=lambda ctx: pl.col(PURPOSE.name).is_in(with_narrower(purposes)),
        reads=(PURPOSE,),
        since=REG_2013_IN_FORCE,
        citations=(citation,),
    )


def stay(code: str, *, long_term: bool, fact: Fact = STAY_DAYS) -> Criterion:
    """Short-term (≤ 180 days) or long-term (> 180 days), as REG-2013 Art. 36 defines them."""
    days = pl.col(fact.name)
    return Criterion(
        id=f"cn.{code}.{'long' if long_term else 'short'}_term",
        text=(
            "The stay is long-term: more than 180 days"
            if long_term
            else "The stay is short-term: 180 days or less"
        ),
        formula=lambda ctx: (
            days > SHORT_TERM_MAX_DAYS if long_term else days <= SHORT_TERM_MAX_DAYS
        ),
        reads=(fact,),
        since=REG_2013_IN_FORCE,
        citations=(REG_ART_36,),
    )


# What the statute gives every visa of a kind (jurisdictions/cn/common.yaml).
TERMS_SET_BY_POST = (
    Benefit("entries", "cn.visa.terms_set_by_post"),
    Benefit("validity", "cn.visa.terms_set_by_post"),
    Benefit("stay_per_entry", "cn.visa.terms_set_by_post"),
)
SHORT_STAY = (
    *TERMS_SET_BY_POST,
    Benefit("residence_permit", "cn.residence_permit.not_required"),
    Benefit("extension", "cn.visa.extension_short_stay"),
    Benefit("work", "cn.work.permit_required"),
)
RESIDENCE = (
    *TERMS_SET_BY_POST,
    Benefit("residence_permit", "cn.residence_permit.required"),
    Benefit("work", "cn.work.permit_required"),
)


def invited(code: str, by: tuple[str, ...], text: str, citation: Citation) -> Criterion:
    """An invitation letter from the kind of inviter the visa needs (REG-2013 Art. 7)."""
    return Criterion(
        id=f"cn.{code}.invitation",
        text=text,
        formula=lambda ctx: pl.col(INVITATION.name).is_in(list(by)),
        reads=(INVITATION,),
        since=REG_2013_IN_FORCE,
        citations=(citation,),
    )


def holds(code: str, what: str, fact: Fact, text: str, citation: Citation) -> Criterion:
    """The applicant holds a document only an authority can issue (work permit, admission...)."""
    return Criterion(
        id=f"cn.{code}.{what}",
        text=text,
        formula=lambda ctx: pl.col(fact.name),
        reads=(fact,),
        since=REG_2013_IN_FORCE,
        citations=(citation,),
    )


def passport_photo_form() -> Document:
    return Document("Passport, photo and completed application form", REG_ART_7_MAIN)


# "Well-known" (知名) universities and research institutions, which no Chinese text defines:
# the options every such assumption offers, as visarules' editorial tiers (data/tiers.yaml).
WELL_KNOWN_TIERS: dict[str, tuple[str, ...] | None] = {
    "any_tier": ("world_top_500", "cn_double_first_class", "national_research_organisation"),
    "top500": ("world_top_500",),
    "top200": ("world_top_200",),
    "top100": ("world_top_100",),
    "double_first_class": ("cn_double_first_class",),
    "any_registered": None,  # any institution the registry knows
}
WELL_KNOWN_OPTIONS = (
    Option(
        "any_tier",
        "In the top 500 of a major world ranking (2024–2025 editions), a Chinese Double "
        "First-Class university, or a national research organisation (visarules' tiers)",
    ),
    Option("top500", "In the top 500 of a major world ranking (2024–2025 editions)"),
    Option("top200", "In the top 200 of a major world ranking (2024–2025 editions)"),
    Option("top100", "In the top 100 of a major world ranking (2024–2025 editions)"),
    Option("double_first_class", "A Chinese Double First-Class university"),
    Option("any_registered", "Any university or research institution in the registry"),
)


def well_known(column: str, assumption: str) -> Formula:
    """The institution of a tiers column is 'well-known' under the chosen assumption."""

    def formula(ctx: Context) -> pl.Expr:
        tiers = WELL_KNOWN_TIERS[ctx.assume(assumption)]
        if tiers is None:
            return pl.when(pl.col(column).is_not_null()).then(pl.lit(True))
        return (pl.col(column) & tiers_mask(tiers)) != 0

    return formula
