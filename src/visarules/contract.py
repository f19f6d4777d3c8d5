"""The public contract as tables, generated from the code so that they cannot drift: every
profile field with the rules that read it (``visarules schema --markdown``), and every visa code
(``visarules visas --markdown``). The README carries both; a test keeps them current.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from visarules.catalogue import catalogue
from visarules.engine.facts import Fact
from visarules.engine.nodes import Criterion
from visarules.jurisdictions.cn import points
from visarules.profile import Profile

POINTS = "China's points table"


def _resolve(schema: dict[str, Any], defs: dict[str, Any]) -> dict[str, Any]:
    if "$ref" in schema:
        return _resolve(defs[schema["$ref"].split("/")[-1]], defs)
    return schema


def _kinds(schema: dict[str, Any], defs: dict[str, Any]) -> list[dict[str, Any]]:
    """The non-null alternatives of a field's schema."""
    schema = _resolve(schema, defs)
    options = schema.get("anyOf", [schema])
    return [_resolve(o, defs) for o in options if o.get("type") != "null"]


def _describe_type(schema: dict[str, Any], defs: dict[str, Any]) -> str:
    words = []
    for kind in _kinds(schema, defs):
        if "enum" in kind:
            words.append(" / ".join(str(v) for v in kind["enum"]))
        elif "const" in kind:
            words.append(str(kind["const"]).lower())
        elif kind.get("title") == "PartialDate" or "year" in kind.get("properties", {}):
            words.append("date (YYYY, YYYY-MM or YYYY-MM-DD)")
        elif kind.get("type") == "array":
            words.append("list of " + _describe_type(kind.get("items", {}), defs))
        elif kind.get("type") == "object":
            words.append("object")
        elif kind.get("type") == "boolean":
            words.append("true / false")
        elif kind.get("pattern") == "^[A-Z]{3}$":
            words.append("currency code")
        else:
            words.append(str(kind.get("type", "any")))
    return " or ".join(dict.fromkeys(words))


def _walk(
    schema: dict[str, Any], defs: dict[str, Any], prefix: str = ""
) -> Iterator[tuple[str, str, str]]:
    """(path, type, description) of every field, nested objects and list items included."""
    for name, field in schema.get("properties", {}).items():
        path = f"{prefix}{name}"
        description = " ".join((field.get("description") or "").split())
        yield path, _describe_type(field, defs), description
        for kind in _kinds(field, defs):
            if (
                kind.get("type") == "object"
                and "properties" in kind
                and "year" not in kind.get("properties", {})
            ):
                yield from _walk(kind, defs, f"{path}.")
            elif kind.get("type") == "array":
                item = _resolve(kind.get("items", {}), defs)
                if "properties" in item:
                    yield from _walk(item, defs, f"{path}[].")


def _readers() -> dict[str, set[str]]:
    """Profile path → the visas (and the points table) whose rules read it."""
    read: dict[str, set[str]] = {}

    def note(fact: Fact, reader: str) -> None:
        for source in fact.sources:
            read.setdefault(source, set()).add(reader)

    for visa in catalogue().visas:
        for tree in (visa.root, *visa.related):
            for node in tree.walk():
                if isinstance(node, Criterion):
                    for fact in node.reads:
                        note(fact, visa.code)
    for item in points.ITEMS:
        for fact in item.reads:
            note(fact, POINTS)
    return read


def _read_by(path: str, readers: dict[str, set[str]]) -> list[str]:
    """Rules reading the field; for a list, also those reading its items (the list as a whole
    is what makes them known)."""
    found: set[str] = set()
    for source, codes in readers.items():
        if source == path or source.startswith(f"{path}[]"):
            found |= codes
    return sorted(found, key=lambda c: (c == POINTS, c))


def fields() -> list[dict[str, Any]]:
    schema = Profile.model_json_schema(by_alias=True)
    defs = schema.get("$defs", {})
    readers = _readers()
    return [
        {"path": path, "type": kind, "description": text, "read_by": _read_by(path, readers)}
        for path, kind, text in _walk(schema, defs)
    ]


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def fields_markdown() -> str:
    lines = [
        "| field | type | what it is | read by |",
        "|---|---|---|---|",
    ]
    for field in fields():
        read_by = ", ".join(field["read_by"]) or (
            "its fields" if field["type"] == "object" else "—"
        )
        lines.append(
            f"| `{field['path']}` | {_cell(field['type'])} | {_cell(field['description'])} | "
            f"{read_by} |"
        )
    return "\n".join(lines) + "\n"


def visas_markdown() -> str:
    lines = [
        "| code | name | kind | in force from | requires | established by |",
        "|---|---|---|---|---|---|",
    ]
    for visa in catalogue().visas:
        citation = visa.established_by
        label = citation.instrument + (f" {citation.article_on(None)}" if citation.article else "")
        name = visa.name + (f" ({visa.name_zh})" if visa.name_zh else "")
        lines.append(
            f"| `{visa.code}` | {_cell(name)} | {visa.kind} | {visa.since.isoformat()} | "
            f"{_cell(visa.requires)} | {_cell(label)} |"
        )
    return "\n".join(lines) + "\n"
