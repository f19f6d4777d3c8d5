"""The input boundary: every profile (a file, standard input, a dict given to the API, later an
HTTP body or a batch row) passes here before any rule sees it.

- A document is JSON or YAML; YAML is read with the YAML 1.2 core schema, so ``NO`` (Norway)
  stays a string and ``012`` is not octal, and dates stay text for the model to check.
- Its shape is bounded (``Limits``): bytes, nesting depth, items per list, values in all (after
  YAML aliases are expanded: an alias bomb stops at the budget), characters per string, the
  size of numbers. Past a limit the answer is an input error naming the field, in milliseconds.
- Country codes are checked against ISO 3166-1; the common non-ISO ones (``UK``) are read as
  their ISO code and said so.
- Unknown fields are kept aside and reported as warnings, never fatal (CONTRACT.md).
"""

from __future__ import annotations

import json
import math
import os
import re
import sys
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, fields, replace
from datetime import date
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import pycountry
import yaml
from pydantic import ValidationError

from visarules import yamldata
from visarules.errors import InputError, from_validation
from visarules.profile import COUNTRY_FIELDS, Profile, unknown_fields


@dataclass(frozen=True)
class Limits:
    """Bounds on one document. Each can be set by the API (``limits=``) or by the environment
    variable ``VISARULES_`` + its name in capitals (``VISARULES_MAX_ITEMS=500``)."""

    max_bytes: int = 1_048_576  # the document as read: 1 MiB
    max_depth: int = 16  # nesting of mappings and lists (a profile needs 5)
    max_items: int = 200  # entries in one list (degrees, jobs, languages, relatives, places)
    max_values: int = 20_000  # values in all, aliases expanded
    max_string: int = 1_000  # characters in one string
    max_number: int = 10**12  # size of a number, either sign

    @classmethod
    def from_environment(cls) -> Limits:
        chosen: dict[str, int] = {}
        for field in fields(cls):
            raw = os.environ.get(f"VISARULES_{field.name.upper()}")
            if raw is None:
                continue
            if not raw.strip().isdigit() or int(raw) < 1:
                raise InputError(f"VISARULES_{field.name.upper()}", "expected a positive integer")
            chosen[field.name] = int(raw)
        return replace(cls(), **chosen)


@dataclass(frozen=True)
class ProfileInput:
    """A validated profile, and what the reader noticed on the way (``{kind, path, text}``)."""

    profile: Profile
    warnings: tuple[dict[str, str], ...] = ()


# --- parsing ------------------------------------------------------------------------------


class _Loader(yaml.SafeLoader):
    """YAML 1.2 core schema: booleans are true/false only ("NO" is Norway), integers and floats
    as in JSON, no implicit timestamps (dates stay text, so the model checks them and names the
    field: "1997-02-30" is an error on birth_date, not a YAML crash)."""


_CORE = {
    "tag:yaml.org,2002:bool": re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"),
    "tag:yaml.org,2002:int": re.compile(r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$"),
    "tag:yaml.org,2002:float": re.compile(
        r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?"
        r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$"
    ),
}
_Loader.yaml_implicit_resolvers = {
    first: [
        (tag, rx)
        for tag, rx in resolvers
        if tag not in _CORE and tag != "tag:yaml.org,2002:timestamp"
    ]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
for _tag, _pattern in _CORE.items():
    _Loader.add_implicit_resolver(_tag, _pattern, list("-+0123456789.tTfF"))


def _core_int(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> int:
    text = str(loader.construct_scalar(node))
    if text.startswith(("0o", "0x")):
        return int(text, 0)
    return int(text)  # "012" is twelve, not octal ten


_Loader.add_constructor("tag:yaml.org,2002:int", _core_int)


def parse_document(text: str, source: str) -> Any:
    """JSON, else YAML (a YAML flow mapping ``{citizenship: IN}`` is YAML, not bad JSON)."""
    try:
        if text.lstrip().startswith(("{", "[")):
            try:
                return json.loads(text)
            except json.JSONDecodeError:
                pass  # not JSON: perhaps YAML in flow style
        return yaml.load(text, Loader=_Loader)
    except RecursionError:
        raise InputError(source, "nested too deeply") from None
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        where = f" at line {mark.line + 1}" if mark else ""
        problem = getattr(err, "problem", None) or "cannot be parsed"
        raise InputError(source, f"neither JSON nor valid YAML{where}: {problem}") from None
    except ValueError as err:  # a number the YAML constructor cannot read
        raise InputError(source, f"cannot be parsed: {err}") from None


def read_text(source: str, limits: Limits) -> str:
    if source == "-":
        data = sys.stdin.buffer.read(limits.max_bytes + 1)
    else:
        path = Path(source)
        if path.is_dir():
            raise InputError(source, "is a directory, not a profile file")
        if not path.is_file():
            raise InputError(source, "no such file")
        with path.open("rb") as handle:
            data = handle.read(limits.max_bytes + 1)
    if len(data) > limits.max_bytes:
        raise InputError(source, f"larger than {limits.max_bytes:,} bytes (limit max_bytes)")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        raise InputError(source, "not UTF-8 text") from None


# --- the shape of a document ------------------------------------------------------------------


def _path(parent: str, key: str | int) -> str:
    if isinstance(key, int):
        return f"{parent}[{key}]"
    return f"{parent}.{key}" if parent else key


def check_shape(data: Any, limits: Limits, source: str = "profile") -> None:
    """Bounded size, depth, lists, strings and numbers; keys are text. Walks the values as a
    program would see them, aliases expanded, and stops at the first one past a limit."""
    seen = 0
    stack: list[tuple[str, Any, int]] = [("", data, 0)]
    while stack:
        path, value, depth = stack.pop()
        seen += 1
        where = path or source
        if seen > limits.max_values:
            raise InputError(where, f"more than {limits.max_values:,} values (limit max_values)")
        if isinstance(value, Mapping | list) and depth >= limits.max_depth:
            raise InputError(where, f"nested deeper than {limits.max_depth} (limit max_depth)")
        if isinstance(value, Mapping):
            for key in value:
                if not isinstance(key, str):
                    raise InputError(where, f"field name {key!r} is not text")
            stack.extend((_path(path, k), v, depth + 1) for k, v in value.items())
        elif isinstance(value, list):
            if len(value) > limits.max_items:
                raise InputError(where, f"more than {limits.max_items} items (limit max_items)")
            stack.extend((_path(path, i), v, depth + 1) for i, v in enumerate(value))
        elif isinstance(value, str):
            if len(value) > limits.max_string:
                raise InputError(
                    where, f"longer than {limits.max_string:,} characters (limit max_string)"
                )
        elif isinstance(value, bool | date) or value is None:
            continue  # a date: from Python callers, or YAML read by another loader
        elif isinstance(value, int | float):
            if isinstance(value, float) and not math.isfinite(value):
                raise InputError(where, "not a finite number")
            if abs(value) > limits.max_number:
                raise InputError(where, f"beyond ±{limits.max_number:,} (limit max_number)")
        else:  # a date or another YAML type the profile does not use
            raise InputError(where, f"unexpected value of type {type(value).__name__}")


# --- country codes --------------------------------------------------------------------------


@cache
def _country_aliases() -> dict[str, dict[str, str]]:
    raw: dict[str, dict[str, str]] = yamldata.load(
        resources.files("visarules.data").joinpath("country_codes.yaml").read_text("utf-8")
    )
    return raw


def country_code(value: Any, path: str, warnings: list[dict[str, str]]) -> Any:
    """An ISO 3166-1 alpha-2 code, or a common stand-in for one (said so); else an error."""
    if not isinstance(value, str):
        return value  # the model names the wrong type
    code = value.strip().upper()
    alias = _country_aliases().get(code)
    if alias is not None:
        warnings.append(
            {
                "kind": "value_mapped",
                "path": path,
                "text": f"{value!r} read as {alias['iso']}: {alias['why']}",
            }
        )
        return alias["iso"]
    if len(code) == 2 and pycountry.countries.get(alpha_2=code) is not None:
        return code
    raise InputError(path, f"{value!r} is not an ISO 3166-1 alpha-2 country code (e.g. IN, GB)")


def _map_countries(data: Any, path: str, spec: Any, warnings: list[dict[str, str]]) -> Any:
    """The document with its country fields checked, following COUNTRY_FIELDS."""
    if spec is True:
        if isinstance(data, list):
            return [country_code(v, _path(path, i), warnings) for i, v in enumerate(data)]
        return country_code(data, path, warnings)
    if isinstance(data, list):
        return [_map_countries(v, _path(path, i), spec, warnings) for i, v in enumerate(data)]
    if isinstance(data, Mapping):
        return {
            k: _map_countries(v, _path(path, k), spec[k], warnings) if k in spec else v
            for k, v in data.items()
        }
    return data


# --- profiles --------------------------------------------------------------------------------


def _iter_unknown(profile: Profile) -> Iterator[dict[str, str]]:
    for path in unknown_fields(profile):
        yield {"kind": "unknown_field", "path": path, "text": f"unknown field {path} (ignored)"}


def profile_from_data(data: Any, limits: Limits | None = None) -> ProfileInput:
    """Check the shape, map and check country codes, validate."""
    limits = limits or Limits.from_environment()
    if data is None:
        data = {}
    if not isinstance(data, Mapping):
        raise InputError("profile", "expected a mapping of fields (a YAML or JSON object)")
    check_shape(data, limits)
    warnings: list[dict[str, str]] = []
    data = _map_countries(data, "", COUNTRY_FIELDS, warnings)
    try:
        profile = Profile.model_validate(data)
    except ValidationError as err:
        raise from_validation(err, model=Profile) from None
    return ProfileInput(profile, (*warnings, *_iter_unknown(profile)))


def load_profile(source: str, limits: Limits | None = None) -> ProfileInput:
    limits = limits or Limits.from_environment()
    name = "standard input" if source == "-" else source
    return profile_from_data(parse_document(read_text(source, limits), name), limits)
