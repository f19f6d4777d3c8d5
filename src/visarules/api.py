"""The Python API: check, explain and points for one person; evaluate for many.

    >>> from visarules import api
    >>> result = api.check({"citizenship": "IN", "education": [...]}, as_of="2025-11-01")
    >>> result["results"][0]["status"]

The dictionaries returned are the JSON of CONTRACT.md.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

import polars as pl

from visarules.build import BuiltFacts, Resolution, Resolvers, build_facts, impossible
from visarules.catalogue import Catalogue, catalogue
from visarules.engine.assumptions import AssumptionError, parse_assume
from visarules.engine.context import Context
from visarules.engine.evaluate import (
    ITEM,
    ROW,
    Evaluation,
    evaluate,
    facts_read,
    missing_column,
    not_yet_law,
    related_key,
    status_column,
)
from visarules.engine.nodes import AllOf, AnyOf, AtLeast, Criterion, ForAnyItem, Node
from visarules.engine.visa import Cost, Visa
from visarules.errors import InputError
from visarules.io import Limits, ProfileInput, profile_from_data
from visarules.jurisdictions.cn import points as cn_points
from visarules.profile import Profile
from visarules.tables import from_profiles

CONTRACT_VERSION = "1"


def parse_as_of(value: str | date | None) -> date:
    if value is None:
        return date.today()
    if isinstance(value, date):
        return value
    if not isinstance(value, str):
        raise InputError("--as-of", f"expected a date (YYYY-MM-DD), got {type(value).__name__}")
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise InputError("--as-of", f"{value!r} is not a date (YYYY-MM-DD)") from None


def assumptions_from(pairs: Iterable[str] | None, where: str = "--assume") -> dict[str, str]:
    """``["cn.k.age_limit=45"]`` → a mapping for ``assume=``; a malformed pair is an error
    naming ``where`` (the option or query parameter it came in)."""
    try:
        return parse_assume(pairs or [])
    except AssumptionError as err:
        raise InputError(where, str(err)) from None


def context(as_of: str | date | None = None, assume: Mapping[str, str] | None = None) -> Context:
    cat = catalogue()
    if assume is not None and not isinstance(assume, Mapping):
        raise InputError("--assume", "expected a mapping of assumption names to values")
    try:
        assumptions = cat.assumptions.resolve({str(k): str(v) for k, v in (assume or {}).items()})
    except AssumptionError as err:
        raise InputError("--assume", str(err)) from None
    return Context(parse_as_of(as_of), cat.parameters, assumptions)


def countries_of(value: str | Iterable[str] | None) -> tuple[str, ...]:
    """Country codes ("CN,US" or a list), each known to visarules; None: every country."""
    known = catalogue().jurisdictions
    if value is None:
        return tuple(known)
    parts = value.split(",") if isinstance(value, str) else list(value)
    codes = tuple(dict.fromkeys(str(p).strip().upper() for p in parts if str(p).strip()))
    unknown = [c for c in codes if c not in known]
    if unknown or not codes:
        raise InputError(
            "--countries", f"unknown country {', '.join(unknown)!r} (known: {', '.join(known)})"
        )
    return codes


def select_visas(
    codes: Iterable[str] | str | None,
    ctx: Context,
    countries: str | Iterable[str] | None = None,
) -> tuple[Visa, ...]:
    """The visas asked for (each once), or every visa of the countries (default: all) in force
    on the as-of date."""
    cat = catalogue()
    chosen = countries_of(countries)
    if isinstance(codes, str):
        codes = [codes]
    if codes:
        if not all(isinstance(code, str) for code in codes):
            raise InputError("--visa", "expected visa codes such as CN-K")
        try:
            return tuple(dict.fromkeys(cat.visa(code) for code in codes))
        except KeyError as err:
            raise InputError("--visa", str(err.args[0])) from None
    return tuple(v for v in cat.visas if v.in_force_on(ctx.as_of) and v.country in chosen)


def read_profile(
    profile: Profile | ProfileInput | Mapping[str, Any], as_of: date, limits: Limits | None = None
) -> ProfileInput:
    """Any profile the API is given, through the input boundary, and checked as possible."""
    if isinstance(profile, Profile):
        read = ProfileInput(profile)
    elif isinstance(profile, ProfileInput):
        read = profile
    elif isinstance(profile, Mapping):
        read = profile_from_data(profile, limits)
    else:
        raise InputError(
            "profile", f"expected a mapping of fields or a Profile, got {type(profile).__name__}"
        )
    for problem in impossible_among([read], as_of).values():
        raise problem
    return read


def impossible_among(people: Sequence[ProfileInput], as_of: date) -> dict[int, InputError]:
    """The people whose profile is impossible (a degree before birth ...), by position, each
    with its first problem: checked for all of them in one pass."""
    problems: dict[int, InputError] = {}
    found = impossible(from_profiles([read.profile for read in people]), as_of)
    for problem in found.iter_rows(named=True):
        problems.setdefault(problem[ROW], InputError(problem["field"], problem["message"]))
    return problems


def evaluate_profiles(
    profiles: Sequence[Profile],
    ctx: Context,
    visas: Sequence[Visa],
    resolvers: Resolvers | None = None,
) -> tuple[Evaluation, BuiltFacts]:
    built = build_facts(from_profiles(profiles), ctx.as_of, resolvers, facts_read(visas))
    return evaluate(visas, built.table, ctx), built


# --- one person -------------------------------------------------------------------------


@dataclass(frozen=True)
class _Row:
    """One person's values in an evaluation, with their items."""

    values: dict[str, Any]
    items: dict[str, list[dict[str, Any]]]


class _Rows:
    """Every person's values of an evaluation, split once (not one filter per person)."""

    def __init__(self, ev: Evaluation) -> None:
        self.persons = {r[ROW]: r for r in ev.persons.iter_rows(named=True)}
        self.items: dict[str, dict[int, list[dict[str, Any]]]] = {}
        for name, frame in ev.items.items():
            grouped: dict[int, list[dict[str, Any]]] = {}
            for item in frame.sort(ROW, ITEM).iter_rows(named=True):
                grouped.setdefault(item[ROW], []).append(item)
            self.items[name] = grouped

    def __getitem__(self, row: int) -> _Row:
        return _Row(
            self.persons[row], {name: grouped.get(row, []) for name, grouped in self.items.items()}
        )


def _kind(node: Node) -> str:
    if isinstance(node, ForAnyItem):
        return "any_item"
    if isinstance(node, AllOf):
        return "all"
    if isinstance(node, AnyOf):
        return "any"
    if isinstance(node, AtLeast):
        return f"at_least_{node.n}"
    return "criterion"


def _node_dict(node: Node, value: Any, ctx: Context) -> dict[str, Any]:
    """A node as results show it: what does not depend on the person is made once per node,
    date and assumptions (a check shows some 9,000 nodes), then copied with the value."""
    key = (node.id, ctx.as_of, tuple(sorted(ctx.assumptions.items())))
    static = _STATIC.get(key)
    if static is None:
        if len(_STATIC) > 200_000:
            _STATIC.clear()
        static = _STATIC[key] = _static_node(node, ctx)
    out = dict(static)
    out["value"] = value
    return out


_STATIC: dict[tuple[Any, ...], dict[str, Any]] = {}


def _static_node(node: Node, ctx: Context) -> dict[str, Any]:
    out: dict[str, Any] = {
        "id": node.id,
        "text": node.text,
        "value": None,
        "kind": _kind(node),
        "citations": [c.render(ctx.as_of) for c in node.citations],
    }
    if isinstance(node, Criterion):
        out["since"] = node.since.isoformat()
        if not_yet_law(node, ctx):
            out["note"] = f"not in force before {node.since.isoformat()}"
        if node.assumptions:
            out["assumptions"] = {a: ctx.assumptions[a] for a in node.assumptions}
    return out


def _tree(
    node: Node, row: _Row, ctx: Context, item: dict[str, Any] | None = None
) -> dict[str, Any]:
    values = item if item is not None else row.values
    out = _node_dict(node, values.get(node.id), ctx)
    if isinstance(node, ForAnyItem):
        coll = node.collection
        out["items"] = [
            {"item": f"{coll.path}[{it[ITEM]}]", **_tree(node.node, row, ctx, it)}
            for it in row.items.get(coll.name, [])
        ]
    elif node.children:
        out["children"] = [_tree(child, row, ctx, item) for child in node.children]
    return out


def _flatten(tree: dict[str, Any], depth: int = 0, item: str | None = None) -> list[dict[str, Any]]:
    entry = {k: v for k, v in tree.items() if k not in ("children", "items")}
    entry["depth"] = depth
    if item:
        entry["item"] = item
    flat = [entry]
    for child in tree.get("children", []):
        flat += _flatten(child, depth + 1, item)
    for child in tree.get("items", []):
        flat += _flatten(child, depth + 1, child["item"])
    return flat


def _deciding(tree: dict[str, Any], value: Any, item: str | None = None) -> list[dict[str, Any]]:
    """The leaves that decide a node's value: the failed conditions of a refusal, the unknown
    ones of an undetermined result, the met ones of a success."""
    if tree["value"] is not value:
        return []
    if tree["kind"] == "criterion":
        return [{"id": tree["id"], "text": tree["text"], "item": item}]
    found: list[dict[str, Any]] = []
    for child in tree.get("children", []):
        found += _deciding(child, value, item)
    for child in tree.get("items", []):
        found += _deciding(child, value, child["item"])
    return found


def _warnings(visa: Visa, row: _Row, ctx: Context) -> list[dict[str, str]]:
    """What the result cannot vouch for: law past the horizon, windows that ended."""
    found = visa.warnings_for(ctx, row.values)
    horizon = catalogue().jurisdictions[visa.country].horizon_warning(ctx.as_of)
    return [horizon, *found] if horizon else found


def _related(visa: Visa, node: Node, row: _Row, ctx: Context) -> dict[str, Any]:
    """A tree explained beside the conditions: its value, what decides it, its criteria."""
    tree = _tree(node, row, ctx)
    return {
        "id": node.id,
        "text": node.text,
        "value": tree["value"],
        "missing": list(row.values[missing_column(related_key(visa.code, node.id))] or []),
        "reasons": _deciding(tree, tree["value"]),
        "criteria": _flatten(tree),
    }


_COST_STATUS = {True: "due", False: "not_due", None: "unknown"}


def _cost(visa: Visa, cost: Cost, row: _Row, ctx: Context) -> dict[str, Any]:
    """A fee or payment for this person's case: due, not due or unknown, and why."""
    tree = _tree(cost.due, row, ctx)
    missing = list(row.values[missing_column(related_key(visa.code, cost.due.id))] or [])
    dated = ctx.dated(cost.amount)
    out: dict[str, Any] = {
        "id": cost.id,
        "text": cost.due.text,
        "amount": dated.value["amount"] if dated else None,
        "currency": dated.value["currency"] if dated else None,
        "status": _COST_STATUS[tree["value"]],
        "missing": missing,
        "reasons": _deciding(tree, tree["value"]),
        "criteria": _flatten(tree),
        "citations": [c.render(ctx.as_of) for c in (dated.citations if dated else ())],
    }
    if tree["value"] is None and not missing and cost.unknown_law:
        out["note"] = cost.unknown_law
    return out


def visa_result(
    visa: Visa, row: _Row, ctx: Context, general: dict[str, Any] | None = None
) -> dict[str, Any]:
    tree = _tree(visa.root, row, ctx)
    costs = [_cost(visa, cost, row, ctx) for cost in visa.costs]
    unknown_law = [{"kind": "law_unknown", "text": c["note"]} for c in costs if "note" in c]
    return {
        "visa": visa.code,
        "name": visa.name,
        "name_zh": visa.name_zh,
        "kind": visa.kind,
        "status": row.values[status_column(visa.code)],
        "missing": list(row.values[missing_column(visa.code)] or []),
        "summary": visa.summary,
        "requires": visa.requires,
        "reasons": _deciding(tree, tree["value"]),
        "criteria": _flatten(tree),
        "benefits": visa.benefits_for(ctx, row.values, general),
        "documents": [
            {"text": d.text, "citation": d.citation.render(ctx.as_of)} for d in visa.documents
        ],
        "assumptions": {a: ctx.assumptions[a] for a in visa.assumptions},
        "notes": list(visa.notes),
        "warnings": [*_warnings(visa, row, ctx), *unknown_law],
        "related": [_related(visa, node, row, ctx) for node in visa.related],
        "costs": costs,
        **(visa.beside(ctx, row.values) if visa.beside else {}),
        "citations": [visa.established_by.render(ctx.as_of)],
        "in_force": {
            "since": visa.since.isoformat(),
            "until": visa.until.isoformat() if visa.until else None,
        },
    }


def _resolutions(items: list[Resolution]) -> list[dict[str, Any]]:
    return [{"path": r.path, "kind": r.kind, "query": r.query, "result": r.result} for r in items]


def _input_warnings(read: ProfileInput, resolutions: list[Resolution]) -> list[dict[str, str]]:
    """What the reader did to the profile: fields ignored, values mapped, facts inferred."""
    inferred = [
        {"kind": "inference", "path": r.path, "text": f"{r.path}: {r.result['reason']}"}
        for r in resolutions
        if r.kind == "inference"
    ]
    return [*read.warnings, *inferred]


def _all_warnings(results: list[dict[str, Any]]) -> list[dict[str, str]]:
    """Every result's warnings once, each with the visas it concerns."""
    merged: dict[tuple[str, str], dict[str, Any]] = {}
    for result in results:
        for warning in result["warnings"]:
            entry = merged.setdefault((warning["kind"], warning["text"]), {**warning, "visas": []})
            entry["visas"].append(result["visa"])
    return list(merged.values())


def _no_visa_needed(results: list[dict[str, Any]]) -> dict[str, Any]:
    exemptions = [r for r in results if r["kind"] == "visa_exemption"]
    statuses = {r["status"] for r in exemptions}
    value = True if "eligible" in statuses else (None if "undetermined" in statuses else False)
    return {
        "value": value if exemptions else None,
        "schemes": [r["visa"] for r in exemptions if r["status"] == "eligible"],
    }


def check(
    profile: Profile | ProfileInput | Mapping[str, Any],
    *,
    as_of: str | date | None = None,
    visas: Iterable[str] | str | None = None,
    assume: Mapping[str, str] | None = None,
    resolvers: Resolvers | None = None,
    limits: Limits | None = None,
    countries: str | Iterable[str] | None = None,
) -> dict[str, Any]:
    """Every visa's status for one person, with reasons, missing facts, benefits and sources.

    ``resolvers`` picks the institution registry (default: $VISARULES_REGISTRY, else the
    shipped one); ``limits`` bounds the profile's size (default: io.Limits, or the
    environment)."""
    ctx = context(as_of, assume)
    read = read_profile(profile, ctx.as_of, limits)
    (result,) = check_many([read], ctx, select_visas(visas, ctx, countries), resolvers)
    return result


def check_many(
    people: Sequence[ProfileInput],
    ctx: Context,
    chosen: Sequence[Visa],
    resolvers: Resolvers | None = None,
) -> list[dict[str, Any]]:
    """``check`` for several people read already, evaluated together in one columnar pass (a
    server answering concurrent requests at once)."""
    resolvers = resolvers or Resolvers()
    ev, built = evaluate_profiles([read.profile for read in people], ctx, chosen, resolvers)
    rows = _Rows(ev)
    general = {v.code: v.benefits_on(ctx) for v in chosen}  # the same for everyone
    answers = []
    for index, read in enumerate(people):
        resolutions = built.resolutions(index)
        row = rows[index]
        results = [visa_result(v, row, ctx, general[v.code]) for v in chosen]
        answers.append(
            {
                "version": CONTRACT_VERSION,
                "as_of": ctx.as_of.isoformat(),
                "assumptions": dict(ctx.assumptions),
                "registry": resolvers.institutions.describe(),
                "warnings": [*_input_warnings(read, resolutions), *_all_warnings(results)],
                "no_visa_needed": _no_visa_needed(results),
                "resolutions": _resolutions(resolutions),
                "results": results,
            }
        )
    return answers


def explain(
    profile: Profile | ProfileInput | Mapping[str, Any],
    visa: str,
    *,
    as_of: str | date | None = None,
    assume: Mapping[str, str] | None = None,
    resolvers: Resolvers | None = None,
    limits: Limits | None = None,
) -> dict[str, Any]:
    """The criteria tree of one visa for one person, with values and citations."""
    ctx = context(as_of, assume)
    (chosen,) = select_visas([visa], ctx)
    resolvers = resolvers or Resolvers()
    read = read_profile(profile, ctx.as_of, limits)
    ev, built = evaluate_profiles([read.profile], ctx, [chosen], resolvers)
    resolutions = built.resolutions(0)
    row = _Rows(ev)[0]
    result = visa_result(chosen, row, ctx)
    result["warnings"] = [*_input_warnings(read, resolutions), *result["warnings"]]
    result["tree"] = _tree(chosen.root, row, ctx)
    for related, node in zip(result["related"], chosen.related, strict=True):
        related["tree"] = _tree(node, row, ctx)
    result["law"] = [c.to_dict(ctx.as_of) for c in _all_citations(chosen.root)]
    result["resolutions"] = _resolutions(resolutions)
    result["as_of"] = ctx.as_of.isoformat()
    result["registry"] = resolvers.institutions.describe()
    return result


def _all_citations(root: Node) -> list[Any]:
    seen: dict[Any, None] = {}
    for node in root.walk():
        for citation in node.citations:
            seen.setdefault(citation, None)
    return list(seen)


def points(
    profile: Profile | ProfileInput | Mapping[str, Any],
    *,
    as_of: str | date | None = None,
    assume: Mapping[str, str] | None = None,
    limits: Limits | None = None,
) -> dict[str, Any]:
    """China's foreign-worker points (A/B/C), item by item, as a range where facts are missing."""
    ctx = context(as_of, assume)
    if ctx.dated("cn.points.classes") is None:
        raise InputError("--as-of", f"China's points table did not exist on {ctx.as_of}")
    read = read_profile(profile, ctx.as_of, limits)
    built = build_facts(from_profiles([read.profile]), ctx.as_of)
    resolutions = built.resolutions(0)
    low, high = cn_points.total_bounds(ctx)
    frame = built.table.persons.select(
        *cn_points.item_columns(ctx), low.alias("low"), high.alias("high")
    )
    values = frame.row(0, named=True)
    items = []
    missing: list[str] = []
    for item in cn_points.ITEMS:
        lo, hi = values[f"points:{item.id}:low"], values[f"points:{item.id}:high"]
        known = lo == hi
        if not known:
            missing += [f.path for f in item.reads if f.path not in missing]
        items.append(
            {
                "id": item.id,
                "text": item.text,
                "points": lo if known else None,
                "range": [lo, hi],
                "citations": [c.render(ctx.as_of) for c in item.citations(ctx)],
            }
        )
    total_low, total_high = values["low"], values["high"]
    thresholds = ctx.param("cn.points.classes")
    return {
        "as_of": ctx.as_of.isoformat(),
        "total": total_low if total_low == total_high else None,
        "range": [total_low, total_high],
        "class": _points_class(total_low, total_high, thresholds),
        "thresholds": thresholds,
        "missing": missing,
        "assumptions": {a.name: ctx.assumptions[a.name] for a in cn_points.ASSUMPTIONS},
        "warnings": _input_warnings(read, resolutions),
        "resolutions": _resolutions(resolutions),
        "items": items,
    }


def _points_class(low: int, high: int, thresholds: Mapping[str, int]) -> str | None:
    def klass(total: int) -> str:
        if total >= thresholds["A"]:
            return "A"
        return "B" if total >= thresholds["B"] else "C"

    return klass(low) if klass(low) == klass(high) else None


def resolve_institution(
    text: str, country: str | None = None, resolvers: Resolvers | None = None
) -> dict[str, Any]:
    """An institution name in any language → registry entry (``resolve institution``)."""
    used = (resolvers or Resolvers()).institutions
    return {**used.resolve(text, country).to_dict(), "registry": used.describe()}


def resolve_field_text(text: str, assume: Mapping[str, str] | None = None) -> dict[str, Any]:
    """A field of study → ISCED-F, CIP and STEM under the definition assumed."""
    from visarules.resolve.fields import resolve_field

    return resolve_field(text).to_dict(context(assume=assume).assume("cn.k.stem"))


def resolve_degree_text(text: str) -> dict[str, Any]:
    """A degree name → ISCED 2011 level."""
    from visarules.resolve.degrees import resolve_degree

    return resolve_degree(text).to_dict()


def list_assumptions() -> list[dict[str, Any]]:
    """The named assumptions, their options and defaults."""
    return [
        {
            "name": a.name,
            "question": a.question,
            "why_open": a.why_open,
            "default": a.default,
            "options": [
                {"value": o.value, "description": o.description, "official": o.official}
                for o in a.options
            ],
        }
        for a in catalogue().assumptions
    ]


def list_visas(country: str | None = None, as_of: str | date | None = None) -> list[dict[str, Any]]:
    ctx = context(as_of)
    cat: Catalogue = catalogue()
    return [
        {
            "visa": v.code,
            "name": v.name,
            "name_zh": v.name_zh,
            "kind": v.kind,
            "country": v.country,
            "summary": v.summary,
            "requires": v.requires,
            "in_force": v.in_force_on(ctx.as_of),
            "since": v.since.isoformat(),
            "benefits": v.benefits_on(ctx),
            "citations": [v.established_by.render(ctx.as_of)],
        }
        for v in cat.visas
        if country is None or v.country == country.upper()
    ]


# --- many people ----------------------------------------------------------------------------


def screen(
    table: pl.DataFrame,
    *,
    as_of: str | date | None = None,
    visas: Iterable[str] | str | None = None,
    assume: Mapping[str, str] | None = None,
    registry: str | None = None,
    resolutions: bool = False,
    countries: str | Iterable[str] | None = None,
) -> tuple[pl.DataFrame, pl.DataFrame]:
    """Screen a table of profiles in the batch layout (``visarules screen`` without files):
    the results, one row per valid input row as the command writes them, and the errors
    (``row``, ``id``, ``field``, ``message``). Rows in = results + errors."""
    from visarules import screen as screening  # the batch path loads only when used

    ctx = context(as_of, assume)
    job = screening.Job(
        as_of=ctx.as_of,
        assumptions=tuple((assume or {}).items()),
        codes=tuple(v.code for v in select_visas(visas, ctx, countries)),
        registry=registry,
        resolutions=resolutions,
    )
    part = screening.screen_chunk(job, 0, table)
    return part.rows, part.errors


def compare(profile: Profile | ProfileInput | Mapping[str, Any], **options: Any) -> dict[str, Any]:
    """Visas of several countries side by side (``visarules compare``): the check object with a
    ``table`` of the status and the common benefit fields (``compare.compare``'s options)."""
    from visarules import compare as comparing

    return comparing.compare(profile, **options)


def compare_frame(
    profile: Profile | ProfileInput | Mapping[str, Any], **options: Any
) -> pl.DataFrame:
    """The same comparison as a polars DataFrame: ``field``, then one column per visa."""
    from visarules import compare as comparing

    return comparing.frame(comparing.compare(profile, **options))
