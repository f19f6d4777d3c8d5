"""Text normalisation shared by the resolvers.

Case, accents, punctuation, full-width forms (NFKC), Traditional → Simplified
Chinese, and the common abbreviations "Univ." / "U." / "Inst." / "Tech.".
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

import opencc

_T2S = opencc.OpenCC("t2s")
_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_NON_WORD = re.compile(r"[^\w]+", re.UNICODE)
_SPACES = re.compile(r"\s+")
_ABBREVIATIONS = {
    "univ": "university",
    "uni": "university",
    "u": "university",
    "inst": "institute",
    "tech": "technology",
    "natl": "national",
    "nat": "national",
    "sci": "science",
    "st": "saint",
    "dept": "department",
    "coll": "college",
    "ctr": "center",
    "centre": "center",
    "&": "and",
}
MAX_INPUT = 500  # characters kept; longer strings are not names


def has_cjk(text: str) -> bool:
    return bool(_CJK.search(text))


def is_cjk_char(ch: str) -> bool:
    """Han, kana and hangul: scripts written without spaces between words."""
    return (
        "\u3040" <= ch <= "\u30ff"
        or "\u3400" <= ch <= "\u9fff"
        or "\uac00" <= ch <= "\ud7af"
        or "\uf900" <= ch <= "\ufaff"
    )


@lru_cache(maxsize=200_000)
def normalize(text: str) -> str:
    """A comparison key: ``"Univ. of Cambridge"`` → ``"university of cambridge"``."""
    text = unicodedata.normalize("NFKC", text[:MAX_INPUT])
    text = "".join(ch for ch in text if unicodedata.category(ch)[0] != "C" or ch in " \t")
    if has_cjk(text):
        text = _T2S.convert(text)
    text = text.replace("&", " and ").replace("'", "").replace("’", "")
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    text = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    text = text.replace("ß", "ss")
    words = _NON_WORD.sub(" ", text).replace("_", " ").split()
    return " ".join(_ABBREVIATIONS.get(w, w) for w in words)


def compact(text: str) -> str:
    """Key without spaces, for acronyms and CJK names (``"I.I.T."`` → ``"iit"``)."""
    return _SPACES.sub("", normalize(text))
