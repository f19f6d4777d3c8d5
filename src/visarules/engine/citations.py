"""Legal instruments and citations to them.

An instrument (a law, a decree, an official notice) is described once in
``law/instruments.yaml``; a citation points at one of its articles. Articles can
be renumbered by an amendment (Decree No. 814 inserted the K visa as item (6) of
Arts. 6 and 7, moving L..Z down by one), so a citation may carry its label by date.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import cache, lru_cache
from importlib import resources
from typing import Any, Literal

from visarules import yamldata

# What kind of authority stands behind a fact. Shown in every output so that a
# reader can tell law from an official statement and from agency practice.
# "secondary": an official act known to us only through news or agency copies.
Source = Literal["law", "policy", "official_statement", "secondary", "practice"]

_SOURCE_BY_KIND: dict[str, Source] = {
    "law": "law",
    "administrative_regulation": "law",
    "departmental_document": "policy",
    "municipal_guidance": "policy",
    "announcement": "official_statement",
    "official_statement": "official_statement",
    "secondary": "secondary",
    "practice": "practice",
}


@dataclass(frozen=True)
class Instrument:
    id: str
    title_en: str
    title_zh: str | None
    kind: str
    in_force: date | None
    number: str | None = None
    issuer: str | None = None
    adopted: date | None = None
    published: date | None = None
    url: str | None = None
    url_is_mirror: bool = False
    note: str | None = None

    @property
    def source(self) -> Source:
        return _SOURCE_BY_KIND.get(self.kind, "practice")


class UnknownInstrumentError(KeyError):
    pass


def _as_date(value: Any) -> date | None:
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(str(value))


@cache
def instruments() -> dict[str, Instrument]:
    """Every instrument of every jurisdiction (``law/*.yaml``; one id, one instrument)."""
    raw: dict[str, dict[str, Any]] = {}
    for file in sorted(resources.files("visarules.law").iterdir(), key=lambda f: f.name):
        if file.name.endswith(".yaml"):
            found: dict[str, dict[str, Any]] = yamldata.load(file.read_text("utf-8"))
            twice = raw.keys() & found.keys()
            if twice:
                raise ValueError(f"{file.name}: instruments defined twice: {sorted(twice)}")
            raw.update(found)
    return {
        key: Instrument(
            id=key,
            title_en=rec["title_en"],
            title_zh=rec.get("title_zh"),
            kind=rec.get("kind", "secondary"),
            in_force=_as_date(rec.get("in_force")),
            number=rec.get("number"),
            issuer=rec.get("issuer"),
            adopted=_as_date(rec.get("adopted")),
            published=_as_date(rec.get("published")),
            url=rec.get("url"),
            url_is_mirror=bool(rec.get("url_is_mirror", False)),
            note=rec.get("note"),
        )
        for key, rec in raw.items()
    }


def instrument(key: str) -> Instrument:
    try:
        return instruments()[key]
    except KeyError:
        raise UnknownInstrumentError(f"unknown legal instrument {key!r}") from None


@dataclass(frozen=True)
class Citation:
    """A pointer to an article of an instrument, with the clause's text where we quote it."""

    instrument: str
    article: str | None = None
    # Article label by the date it took that number, for renumbered clauses.
    renumbered: tuple[tuple[date, str], ...] = ()
    excerpt: str | None = None  # the clause in the original language
    translation: str | None = None  # our English rendering of the clause
    source: Source | None = None  # defaults to the instrument's kind
    note: str | None = None

    def __post_init__(self) -> None:
        instrument(self.instrument)  # fail at import time on a dangling reference

    def article_on(self, as_of: date | None) -> str | None:
        label = self.article
        for since, renumbered_label in sorted(self.renumbered):
            if as_of is None or since <= as_of:
                label = renumbered_label
        return label

    @property
    def kind(self) -> Source:
        return self.source or instrument(self.instrument).source

    def render(self, as_of: date | None = None) -> str:
        return _rendered(self, as_of)

    def _render(self, as_of: date | None) -> str:
        inst = instrument(self.instrument)
        parts = [inst.title_en]
        if inst.number:
            parts[0] += f" ({inst.number})"
        article = self.article_on(as_of)
        if article:
            parts.append(article)
        if inst.in_force:
            parts.append(f"in force {inst.in_force.isoformat()}")
        if inst.url:
            parts.append(inst.url + (" (mirror)" if inst.url_is_mirror else ""))
        return ", ".join(parts)

    def to_dict(self, as_of: date | None = None) -> dict[str, Any]:
        inst = instrument(self.instrument)
        return {
            "instrument": self.instrument,
            "title": inst.title_en,
            "title_zh": inst.title_zh,
            "article": self.article_on(as_of),
            "in_force": inst.in_force.isoformat() if inst.in_force else None,
            "url": inst.url,
            "source": self.kind,
            "excerpt": self.excerpt,
            "translation": self.translation,
            "note": self.note,
        }


@lru_cache(maxsize=65536)
def _rendered(citation: Citation, as_of: date | None) -> str:
    """A citation as one line; rendered once per date (a result renders thousands)."""
    return citation._render(as_of)


def cite(instrument_id: str, article: str | None = None, **kwargs: Any) -> Citation:
    return Citation(instrument_id, article, **kwargs)


def parse_reference(raw: dict[str, Any]) -> Citation:
    """A citation as written in a parameters YAML file."""
    renumbered = tuple(
        (_as_date(since) or date.min, label)
        for since, label in (raw.get("renumbered") or {}).items()
    )
    return Citation(
        instrument=raw["instrument"],
        article=raw.get("article"),
        renumbered=renumbered,
        excerpt=raw.get("excerpt"),
        translation=raw.get("translation"),
        source=_SOURCE_BY_KIND[raw["source"]] if raw.get("source") else None,
        note=raw.get("note"),
    )
