"""Job titles → the kind of position, where a rule names one (a postdoctoral researcher).

Three answers, as everywhere: a title that names a postdoc is true; one that names another post
is false; one used for both ("Research Fellow") or absent is unknown.
"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources

from visarules import yamldata
from visarules.resolve.normalize import has_cjk, normalize


def _alternation(titles: list[str]) -> str:
    """Whole words for alphabetic titles; CJK titles match anywhere (no spaces between words)."""
    keys = [normalize(t) for t in titles]
    words = "|".join(re.escape(k) for k in keys if not has_cjk(k))
    cjk = "|".join(re.escape(k) for k in keys if has_cjk(k))
    return "|".join(p for p in (words and rf"(?<!\w)(?:{words})(?!\w)", cjk) if p)


@cache
def _patterns() -> dict[str, re.Pattern[str]]:
    raw = yamldata.load(resources.files("visarules.data").joinpath("roles.yaml").read_text("utf-8"))
    return {kind: re.compile(_alternation(titles)) for kind, titles in raw.items()}


def is_postdoc(title: str | None) -> bool | None:
    if title is None or not title.strip():
        return None
    text = normalize(title)
    patterns = _patterns()
    if patterns["postdoc"].search(text):
        return True
    if patterns["maybe_postdoc"].search(text):
        return None
    return False
