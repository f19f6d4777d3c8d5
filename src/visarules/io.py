"""Reading profiles from YAML or JSON, from a file or standard input."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from visarules.errors import InputError, from_validation
from visarules.profile import Profile, unknown_fields


class _Loader(yaml.SafeLoader):
    """YAML without implicit timestamps: dates stay text so that the profile model checks them
    and names the field ('1997-02-30' is an error on birth_date, not a YAML crash)."""


_Loader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def parse_document(text: str, source: str) -> Any:
    stripped = text.lstrip()
    if stripped.startswith(("{", "[")):
        try:
            return json.loads(text)
        except json.JSONDecodeError as err:
            raise InputError(source, f"invalid JSON at line {err.lineno}: {err.msg}") from None
    try:
        return yaml.load(text, Loader=_Loader)
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        where = f" at line {mark.line + 1}" if mark else ""
        problem = getattr(err, "problem", None) or "cannot be parsed"
        raise InputError(source, f"invalid YAML{where}: {problem}") from None


def read_text(source: str) -> str:
    if source == "-":
        return sys.stdin.read()
    path = Path(source)
    if not path.is_file():
        raise InputError(source, "no such file")
    try:
        return path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise InputError(source, "not UTF-8 text") from None


def profile_from_data(data: Any) -> tuple[Profile, list[str]]:
    """Validate; return the profile and the paths of fields it does not know."""
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise InputError("profile", "expected a mapping of fields (YAML or JSON object)")
    try:
        profile = Profile.model_validate(data)
    except ValidationError as err:
        raise from_validation(err) from None
    return profile, unknown_fields(profile)


def load_profile(source: str) -> tuple[Profile, list[str]]:
    name = "standard input" if source == "-" else source
    return profile_from_data(parse_document(read_text(source), name))
