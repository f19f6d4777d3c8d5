"""Text normalisation shared by the resolvers.

Case, accents, punctuation, full-width forms (NFKC), Traditional → Simplified
Chinese, and the common abbreviations "Univ." / "U." / "Inst." / "Tech.".
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from importlib import resources


def _t2s_table() -> dict[int, str]:
    """Traditional → Simplified, character by character, from OpenCC's own dictionary.

    Names need no phrase-level conversion, and str.translate is a hundred times faster than
    OpenCC's converter."""
    text = resources.files("opencc").joinpath("dictionary/TSCharacters.txt").read_text("utf-8")
    table: dict[int, str] = {}
    for line in text.splitlines():
        traditional, _, simplified = line.partition("\t")
        if len(traditional) == 1 and simplified:
            table[ord(traditional)] = simplified.split()[0]
    return table


_T2S = _t2s_table()
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
    "acad": "academy",
}
# A parenthesis, with its content as group 1: "Peking University (PKU)", "BSc (Hons)".
PARENTHESIS = re.compile(r"[(（\[]([^)）\]]*)[)）\]]")
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


_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff]")
_APOSTROPHES = str.maketrans({"'": None, "’": None, "&": " and "})


@lru_cache(maxsize=200_000)
def normalize(text: str, simplify: bool = True) -> str:
    """A comparison key: ``"The Univ. of Cambridge"`` → ``"university of cambridge"``.

    ``simplify=False`` keeps Traditional characters: 東北大学 (Tohoku, Japan) and 东北大学
    (Northeastern, China) are one string once simplified."""
    text = _CONTROL.sub(" ", text[:MAX_INPUT])
    if not text.isascii():
        text = unicodedata.normalize("NFKC", text)
        if simplify and has_cjk(text):
            text = text.translate(_T2S)
        decomposed = unicodedata.normalize("NFKD", text.casefold())
        bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
        # recompose: Hangul syllables decompose into jamo, which are letters, not accents
        text = unicodedata.normalize("NFC", bare).replace("ß", "ss")
    text = text.casefold().translate(_APOSTROPHES)
    words = _NON_WORD.sub(" ", text).replace("_", " ").split()
    if len(words) > 1 and words[0] == "the":
        words = words[1:]
    return " ".join(_ABBREVIATIONS.get(w, w) for w in words)


def compact(text: str, simplify: bool = True) -> str:
    """Key without spaces, for acronyms and CJK names (``"I.I.T."`` → ``"iit"``)."""
    return _SPACES.sub("", normalize(text, simplify))
