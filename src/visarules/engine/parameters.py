"""Dated parameters: a value by the date it takes effect, each with its legal reference.

A parameters file (YAML) maps a dotted name to::

    cn.r.max_stay_days:
      description: Longest stay per entry on an R visa
      unit: day
      values:
        - since: 2018-01-01
          value: 180
          reference: {instrument: TALENT-VISA-2017, article: Art. 6}

``reference`` may also be a list. A value applies from ``since`` until the next
value's ``since`` (or its own ``until``). Before the first ``since`` the parameter
does not exist, which is how "on 2025-09-30 there is no K visa" is expressed.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from importlib.resources.abc import Traversable
from typing import Any

from visarules import yamldata
from visarules.engine.citations import Citation, parse_reference


class ParameterError(ValueError):
    pass


@dataclass(frozen=True)
class DatedValue:
    since: date
    until: date | None
    value: Any
    citations: tuple[Citation, ...]
    note: str | None = None

    def covers(self, as_of: date) -> bool:
        return self.since <= as_of and (self.until is None or as_of <= self.until)


@dataclass(frozen=True)
class Parameter:
    name: str
    description: str
    unit: str | None
    values: tuple[DatedValue, ...]

    def at(self, as_of: date) -> DatedValue | None:
        """The value in force on ``as_of``: the latest one that has started and not ended."""
        current = None
        for dated in self.values:
            if dated.since <= as_of:
                current = dated
        return current if current is not None and current.covers(as_of) else None


def _date(value: Any, where: str) -> date:
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        raise ParameterError(f"{where}: {value!r} is not a date (YYYY-MM-DD)") from None


def _references(raw: Any, where: str) -> tuple[Citation, ...]:
    if raw is None:
        raise ParameterError(f"{where}: every value needs a reference")
    items = raw if isinstance(raw, list) else [raw]
    return tuple(parse_reference(item) for item in items)


def parse_parameter(name: str, raw: dict[str, Any]) -> Parameter:
    if "description" not in raw or "values" not in raw:
        raise ParameterError(f"{name}: needs 'description' and 'values'")
    values = []
    for i, item in enumerate(raw["values"]):
        where = f"{name}.values[{i}]"
        values.append(
            DatedValue(
                since=_date(item["since"], where),
                until=_date(item["until"], where) if item.get("until") else None,
                value=item["value"],
                citations=_references(item.get("reference"), where),
                note=item.get("note"),
            )
        )
    values.sort(key=lambda v: v.since)
    return Parameter(name, raw["description"], raw.get("unit"), tuple(values))


class ParameterSet:
    """All parameters of the jurisdictions, looked up by name and date."""

    def __init__(self, parameters: Iterable[Parameter] = ()) -> None:
        self._by_name: dict[str, Parameter] = {}
        for parameter in parameters:
            self.add(parameter)

    def add(self, parameter: Parameter) -> None:
        if parameter.name in self._by_name:
            raise ParameterError(f"parameter {parameter.name} is defined twice")
        self._by_name[parameter.name] = parameter

    def load(self, file: Traversable) -> None:
        raw = yamldata.load(file.read_text("utf-8")) or {}
        for name, spec in raw.items():
            self.add(parse_parameter(name, spec))

    def __getitem__(self, name: str) -> Parameter:
        try:
            return self._by_name[name]
        except KeyError:
            raise ParameterError(f"unknown parameter {name!r}") from None

    def __contains__(self, name: object) -> bool:
        return name in self._by_name

    def __iter__(self) -> Iterator[Parameter]:
        return iter(self._by_name.values())


@dataclass(frozen=True)
class Membership:
    """One member of a dated list (a country in a visa-free scheme), with its window."""

    code: str
    since: date
    until: date | None
    citation: Citation
    note: str | None = None

    def covers(self, as_of: date) -> bool:
        return self.since <= as_of and (self.until is None or as_of <= self.until)

    def state_on(self, as_of: date, verified_on: date) -> bool | None:
        """Open (true), closed (false), or unknown: a window that ended after the rules were
        last verified may have been extended since."""
        if self.covers(as_of):
            return True
        if self.until is not None and verified_on <= self.until < as_of:
            return None
        return False


def parse_members(raw: list[dict[str, Any]], where: str) -> tuple[Membership, ...]:
    members = []
    for i, item in enumerate(raw):
        at = f"{where}[{i}]"
        members.append(
            Membership(
                code=item["country"],
                since=_date(item["since"], at),
                until=_date(item["until"], at) if item.get("until") else None,
                citation=_references(item.get("reference"), at)[0],
                note=item.get("note"),
            )
        )
    return tuple(members)
