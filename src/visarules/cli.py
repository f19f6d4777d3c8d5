"""The command line: check, compare, explain, visas, points, screen, resolve, assumptions,
schema.

Bad input exits with status 2 and one line naming the field; never a traceback.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable
from functools import wraps
from pathlib import Path
from typing import Annotated, Any, TypeVar

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table
from rich.tree import Tree

from visarules import api, contract
from visarules import screen as screening
from visarules.build import Resolvers
from visarules.catalogue import catalogue
from visarules.engine.assumptions import AssumptionError
from visarules.errors import InputError
from visarules.io import ProfileInput, load_profile
from visarules.profile import Profile
from visarules.report import write_summary
from visarules.resolve.institutions import REGISTRY_ENV, registry
from visarules.resolve.ror import default_location, import_dump

app = typer.Typer(
    help="Visa law as executable, cited rules: which visa can this person get, on what terms, "
    "and why.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
resolve_app = typer.Typer(help="Resolve free text: institution, field of study, degree.")
app.add_typer(resolve_app, name="resolve")
registry_app = typer.Typer(
    help="Institution registries: import a ROR data dump, show the one in use."
)
app.add_typer(registry_app, name="registry")

out = Console(soft_wrap=False)
err = Console(stderr=True)

STATUS_STYLE = {"eligible": "bold green", "not_eligible": "red", "undetermined": "yellow"}
VALUE_MARK = {True: "[green]✔[/]", False: "[red]✘[/]", None: "[yellow]?[/]"}

F = TypeVar("F", bound=Callable[..., Any])

AsOf = Annotated[str | None, typer.Option("--as-of", help="Date whose law applies (YYYY-MM-DD).")]
Assume = Annotated[
    list[str] | None,
    typer.Option("--assume", help="Switch a named assumption: NAME=VALUE (repeatable)."),
]
AsJson = Annotated[bool, typer.Option("--json", help="Print JSON.")]
Countries = Annotated[
    str | None,
    typer.Option("--countries", help="Only the visas of these countries, e.g. CN or CN,US."),
]
ProfileArg = Annotated[str, typer.Argument(help="Profile file (YAML or JSON), or - for stdin.")]
RegistryOpt = Annotated[
    str | None,
    typer.Option(
        "--registry",
        help="Institution registry: a folder made by `registry import`, or 'default' "
        f"(the shipped one). Default: ${REGISTRY_ENV}, else the shipped one.",
    ),
]


def fails_cleanly(command: F) -> F:
    """Input errors become one line on stderr and exit status 2."""

    @wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return command(*args, **kwargs)
        except (InputError, AssumptionError) as problem:
            sys.stderr.write(f"error: {_one_line(str(problem))}\n")
            raise typer.Exit(2) from None

    return wrapper  # type: ignore[return-value]


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _profile(source: str) -> ProfileInput:
    """The profile through the input boundary; its warnings travel with the results."""
    return load_profile(source)


def _assume(pairs: list[str] | None) -> dict[str, str]:
    return api.assumptions_from(pairs)


def _print_json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


def _status(status: str) -> str:
    return f"[{STATUS_STYLE[status]}]{status.replace('_', ' ')}[/]"


def _why(result: dict[str, Any], limit: int = 3) -> str:
    if result["status"] == "undetermined":
        return "needs: " + ", ".join(result["missing"]) if result["missing"] else "not decidable"
    routine = (":in_force", "cn.foreign_national")  # true of almost everyone: not a reason
    reasons = [r for r in result["reasons"] if not r["id"].endswith(routine)] or result["reasons"]
    texts = [(f"{r['item']}: " if r["item"] else "") + r["text"] for r in reasons]
    prefix = "" if result["status"] == "eligible" else "fails: "
    shown = "; ".join(dict.fromkeys(texts[:limit]))
    return prefix + shown + (" …" if len(texts) > limit else "")


@app.command()
@fails_cleanly
def check(
    profile: ProfileArg,
    as_of: AsOf = None,
    visa: Annotated[
        list[str] | None, typer.Option("--visa", help="Only these visas (repeatable).")
    ] = None,
    assume: Assume = None,
    countries: Countries = None,
    registry_location: RegistryOpt = None,
    as_json: AsJson = False,
) -> None:
    """Every visa's status for one person: eligible, not eligible or undetermined, and why."""
    result = api.check(
        _profile(profile),
        as_of=as_of,
        visas=visa,
        countries=countries,
        assume=_assume(assume),
        resolvers=Resolvers(registry(registry_location)),
    )
    if as_json:
        _print_json(result)
        return
    table = Table(title=f"Visas on {result['as_of']}", show_lines=True, expand=True)
    table.add_column("Visa", style="bold", no_wrap=True, max_width=20)
    table.add_column("Status", no_wrap=True, max_width=12)
    table.add_column("Why", overflow="fold", ratio=1)
    for r in result["results"]:
        table.add_row(r["visa"], _status(r["status"]), escape(_why(r)))
    out.print(table)
    _print_benefits([r for r in result["results"] if r["status"] == "eligible"])
    needed = result["no_visa_needed"]
    if needed["value"]:
        by_code = {r["visa"]: r for r in result["results"]}
        for code in needed["schemes"]:
            stay = by_code[code]["benefits"].get("stay_per_entry")
            terms = f" — {escape(stay['text'])}" if stay else ""
            out.print(f"[bold green]No visa needed for this trip:[/] {code}{terms}")
    _print_warnings(result["warnings"], len(result["results"]))
    out.print(
        "[dim]Assumptions: "
        + ", ".join(f"{k}={v}" for k, v in result["assumptions"].items())
        + f". Registry: {escape(result['registry']['name'])} ({result['registry']['institutions']} "
        "institutions).[/]"
    )


@app.command()
@fails_cleanly
def compare(
    profile: ProfileArg,
    countries: Annotated[
        str, typer.Option("--countries", help="Countries to compare, e.g. CN,US.")
    ] = "CN,US",
    as_of: AsOf = None,
    visa: Annotated[
        list[str] | None, typer.Option("--visa", help="Only these visas (repeatable).")
    ] = None,
    assume: Assume = None,
    reasons: Annotated[bool, typer.Option("--reasons", help="Add why, per visa.")] = False,
    context: Annotated[
        bool, typer.Option("--context", help="Add public figures with their sources.")
    ] = False,
    chart: Annotated[
        Path | None, typer.Option("--chart", help="Draw the comparison: FILE.svg or FILE.png.")
    ] = None,
    registry_location: RegistryOpt = None,
    as_json: AsJson = False,
) -> None:
    """Visas side by side for one person: status, who must sponsor, work, validity, path to
    residence, family, quota, fees and special payments."""
    from visarules import compare as comparing

    result = comparing.compare(
        _profile(profile),
        countries=countries,
        as_of=as_of,
        visas=visa,
        assume=_assume(assume),
        context=context,
        resolvers=Resolvers(registry(registry_location)),
    )
    if chart is not None:
        comparing.chart(result, chart)
    if as_json:
        _print_json(result)
        return
    table = Table(title=f"Visas compared on {result['as_of']}", show_lines=True)
    table.add_column("", style="bold", no_wrap=True)
    for r in result["results"]:
        table.add_column(r["visa"], overflow="fold", min_width=9)
    for row, cells in result["table"].items():
        values = [cells[r["visa"]] for r in result["results"]]
        if row == "status":
            values = [_status(r["status"]) for r in result["results"]]
        else:
            values = [escape(v) for v in values]
        table.add_row(row.replace("_", " "), *values)
    if reasons:
        table.add_row("why", *(escape(_why(r)) for r in result["results"]))
    out.print(table)
    for item in result.get("context", []):
        sources = "; ".join(s["title"] for s in item["sources"])
        out.print(f"[bold]Context:[/] {escape(item['text'])} [dim]({escape(sources)})[/]")
    _print_warnings(result["warnings"], len(result["results"]))
    if chart is not None:
        out.print(f"Chart: {chart}")


def _print_warnings(warnings: list[dict[str, Any]], shown: int = 1) -> None:
    """One line a warning; the visas it concerns when not all of the ``shown`` results."""
    for warning in warnings:
        visas = warning.get("visas", [])
        concerns = f" ({', '.join(visas)})" if 0 < len(visas) < shown else ""
        out.print(f"[bold yellow]Warning:[/] {escape(warning['text'])}{concerns}")


def _print_benefits(results: list[dict[str, Any]]) -> None:
    visas = [r for r in results if r["benefits"]]
    if not visas:
        return
    table = Table(title="What the eligible visas give", show_lines=True)
    table.add_column("Visa", style="bold")
    table.add_column("Terms", overflow="fold")
    for r in visas:
        lines = [
            f"[bold]{key}[/]: {escape(b['text'])} [dim]({b['source']})[/]"
            for key, b in r["benefits"].items()
            if b["source"] is not None  # the fields no source covers are left out here
        ]
        table.add_row(r["visa"], "\n".join(lines))
    out.print(table)


@app.command()
@fails_cleanly
def explain(
    profile: ProfileArg,
    visa: Annotated[str, typer.Option("--visa", help="The visa to explain, e.g. CN-K.")],
    as_of: AsOf = None,
    assume: Assume = None,
    registry_location: RegistryOpt = None,
    as_json: AsJson = False,
) -> None:
    """The criteria tree of one visa for one person, with values and citations."""
    result = api.explain(
        _profile(profile),
        visa,
        as_of=as_of,
        assume=_assume(assume),
        resolvers=Resolvers(registry(registry_location)),
    )
    if as_json:
        _print_json(result)
        return
    root = Tree(
        f"[bold]{result['visa']}[/] {escape(result['name'])} — {_status(result['status'])} "
        f"[dim](as of {result['as_of']})[/]"
    )
    _add_node(root, result["tree"])
    out.print(root)
    if result["missing"]:
        out.print("[yellow]Facts that would decide it:[/] " + escape(", ".join(result["missing"])))
    for related in result["related"]:
        beside = Tree("[bold]Beside the conditions[/] [dim](explains, does not decide)[/]")
        _add_node(beside, related["tree"])
        out.print(beside)
        if related["missing"]:
            out.print(
                "[yellow]Facts that would decide it:[/] " + escape(", ".join(related["missing"]))
            )
    for resolution in result["resolutions"]:
        out.print(f"[dim]{escape(resolution['path'] + ': ' + _resolved(resolution))}[/]")
    if result["assumptions"]:
        out.print(
            "[dim]Assumptions: "
            + ", ".join(f"{k}={v}" for k, v in result["assumptions"].items())
            + "[/]"
        )
    for note in result["notes"]:
        out.print(f"[dim]Note: {escape(note)}[/]")
    _print_warnings(result["warnings"])


def _resolved(resolution: dict[str, Any]) -> str:
    result = resolution["result"]
    query = resolution["query"]
    if resolution["kind"] == "inference":
        return f"{result['value']}: {result['reason']}"
    if resolution["kind"] in ("port", "place"):
        if result["match"]:
            return f"{query!r} → {', '.join(result['names'])}"
        if result["ambiguous"]:
            return f"{query!r} → ambiguous: {', '.join(result['ambiguous'])}"
        return f"{query!r} → not recognised"
    if resolution["kind"] == "role":
        postdoc = {True: "a postdoc", False: "not a postdoc", None: "maybe a postdoc"}
        return f"{query!r} → {postdoc[result['postdoc']]}"
    if resolution["kind"] == "institution":
        match = result["match"]
        if match is None:
            return f"{query!r} → no match ({result['reason']})"
        return f"{query!r} → {match['name']} ({match['id']}, score {match['score']})"
    if resolution["kind"] == "field":
        stem = {True: "STEM", False: "not STEM", None: "unknown"}[result["stem"]]
        return f"{query!r} → ISCED-F {result['isced_f']} / CIP {result['cip']} ({stem})"
    return f"{query!r} → {result['name'] or 'unknown degree'} (ISCED level {result['isced_level']})"


def _add_node(parent: Tree, node: dict[str, Any]) -> None:
    label = f"{VALUE_MARK[node['value']]} {escape(node['text'])} [dim]{node['id']}[/]"
    if node.get("note"):
        label += f" [yellow]({node['note']})[/]"
    if node.get("assumptions"):
        label += (
            " [magenta]" + ", ".join(f"{k}={v}" for k, v in node["assumptions"].items()) + "[/]"
        )
    branch = parent.add(label)
    if node["kind"] == "criterion":
        for citation in node["citations"]:
            branch.add(f"[dim cyan]{escape(citation)}[/]")
    for child in node.get("children", []):
        _add_node(branch, child)
    for item in node.get("items", []):
        sub = branch.add(f"[bold]{escape(item['item'])}[/]")
        _add_node(sub, item)


@app.command()
@fails_cleanly
def visas(
    country: Annotated[str | None, typer.Option("--country", help="ISO code, e.g. CN.")] = None,
    as_of: AsOf = None,
    as_json: AsJson = False,
    markdown: Annotated[
        bool, typer.Option("--markdown", help="A table of every visa code (the contract).")
    ] = False,
) -> None:
    """Every visa with its purpose and what it gives."""
    if markdown:
        sys.stdout.write(contract.visas_markdown())
        return
    listed = api.list_visas(country, as_of)
    if as_json:
        _print_json(listed)
        return
    table = Table(title="Visas", show_lines=True)
    table.add_column("Visa", style="bold", no_wrap=True)
    table.add_column("For", overflow="fold")
    table.add_column("Requires", overflow="fold")
    table.add_column("Gives", overflow="fold")
    for v in listed:
        name = f"{v['visa']}\n[dim]{v['name_zh'] or ''}[/]"
        if not v["in_force"]:
            name += f"\n[yellow]from {v['since']}[/]"
        gives = "\n".join(f"{k}: {b['text']}" for k, b in v["benefits"].items())
        table.add_row(name, escape(v["summary"]), escape(v["requires"]), escape(gives))
    out.print(table)


@app.command()
@fails_cleanly
def points(
    profile: ProfileArg, as_of: AsOf = None, assume: Assume = None, as_json: AsJson = False
) -> None:
    """China's foreign-worker points table: each item, the total and the A/B/C class."""
    result = api.points(_profile(profile), as_of=as_of, assume=_assume(assume))
    if as_json:
        _print_json(result)
        return
    table = Table(title=f"China work-permit points on {result['as_of']}")
    table.add_column("Item")
    table.add_column("Points", justify="right")
    table.add_column("Source", overflow="fold", style="dim")
    for item in result["items"]:
        shown = (
            str(item["points"]) if item["points"] is not None else "{}–{}".format(*item["range"])
        )
        table.add_row(escape(item["text"]), shown, escape("; ".join(item["citations"])))
    total = result["total"] if result["total"] is not None else "{}–{}".format(*result["range"])
    table.add_row("[bold]Total[/]", f"[bold]{total}[/]", "")
    out.print(table)
    klass = result["class"] or "undetermined"
    out.print(
        f"Class: [bold]{klass}[/] (A ≥ {result['thresholds']['A']}, B ≥ {result['thresholds']['B']})"
    )
    if result["missing"]:
        out.print(
            "[yellow]Facts that would narrow the range:[/] " + escape(", ".join(result["missing"]))
        )
    _print_warnings(result["warnings"])


def _alternatives(pairs: list[str] | None) -> list[tuple[str, str]]:
    """``cn.k.well_known=top200,top500`` → each alternative value, checked."""
    found: list[tuple[str, str]] = []
    for pair in pairs or []:
        name, sep, listed = pair.partition("=")
        if not sep or not listed.strip():
            raise InputError("--compare-assumptions", f"{pair!r}: expected NAME=VALUE[,VALUE...]")
        for value in listed.split(","):
            try:
                catalogue().assumptions[name.strip()].option(value.strip())
            except AssumptionError as problem:
                raise InputError("--compare-assumptions", str(problem)) from None
            found.append((name.strip(), value.strip()))
    return found


@app.command()
@fails_cleanly
def screen(
    source: Annotated[
        str,
        typer.Argument(help="Profiles, one per row: a .csv or .parquet file, or a folder of them."),
    ],
    output: Annotated[str, typer.Option("--out", help="Results: a .csv or .parquet file.")],
    as_of: AsOf = None,
    visa: Annotated[
        list[str] | None, typer.Option("--visa", help="Only these visas (repeatable).")
    ] = None,
    assume: Assume = None,
    countries: Countries = None,
    summary: Annotated[
        str | None, typer.Option("--summary", help="Write a summary: FILE.md or FILE.html.")
    ] = None,
    compare: Annotated[
        list[str] | None,
        typer.Option(
            "--compare-assumptions",
            help="Count the rows an alternative would change: NAME=VALUE[,VALUE...].",
        ),
    ] = None,
    registry_location: RegistryOpt = None,
    workers: Annotated[
        int, typer.Option("--workers", help="Processes screening chunks side by side.")
    ] = 1,
    chunk_rows: Annotated[
        int, typer.Option("--chunk-rows", help="Rows read and evaluated at a time.")
    ] = screening.CHUNK_ROWS,
    scheduler: Annotated[
        str | None,
        typer.Option("--scheduler", help="Screen the partitions on this Dask scheduler."),
    ] = None,
    resolutions: Annotated[
        bool,
        typer.Option(
            "--resolutions", help="Add a column: what each string was read as, and how sure."
        ),
    ] = False,
    as_json: AsJson = False,
) -> None:
    """Screen a file of profiles against every visa: statuses, failing criteria, missing facts."""
    ctx = api.context(as_of, _assume(assume))
    chosen = api.select_visas(visa, ctx, countries)
    alternatives = _alternatives(compare)
    if chunk_rows < 1:
        raise InputError("--chunk-rows", "expected a positive number of rows")
    registry(registry_location)  # a bad registry is an error before any work
    job = screening.Job(
        as_of=ctx.as_of,
        assumptions=tuple(_assume(assume).items()),
        codes=tuple(v.code for v in chosen),
        registry=registry_location,
        alternatives=tuple(alternatives),
        resolutions=resolutions,
    )
    total = screening.row_count(Path(source))
    with Progress(
        TextColumn("Screening"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=err,
        disable=not err.is_terminal,
        transient=True,
    ) as bar:
        task = bar.add_task("rows", total=total)
        report = screening.screen_file(
            source,
            output,
            job,
            chunk_rows=chunk_rows,
            processes=max(1, workers),
            scheduler=scheduler,
            progress=lambda done: bar.update(task, completed=done),
        )
    if summary:
        write_summary(report, chosen, ctx.as_of.isoformat(), summary)
    errors_file = screening.errors_path(Path(output))
    if as_json:
        _print_json({**report.to_dict(), "out": output, "errors": str(errors_file)})
        return
    for column in report.unknown_columns:
        err.print(f"[yellow]Warning:[/] unknown column {escape(column)} (ignored)")
    out.print(
        f"{report.rows_in:,} rows in: {report.rows_out:,} screened into {escape(output)}, "
        f"{report.rows_in_errors:,} in errors ({escape(str(errors_file))})."
    )
    if report.counts is not None:
        table = Table(title=f"Statuses on {ctx.as_of.isoformat()}")
        table.add_column("Visa", style="bold")
        for status in ("eligible", "not_eligible", "undetermined"):
            table.add_column(status.replace("_", " "), justify="right")
        by = {(v, s): n for v, s, n in report.counts.iter_rows()}
        for v in chosen:
            table.add_row(
                v.code,
                *(
                    f"{by.get((v.code, s), 0):,}"
                    for s in ("eligible", "not_eligible", "undetermined")
                ),
            )
        out.print(table)
    for name, per in report.changes.items():
        changed = ", ".join(f"{code} {n:,}" for code, n in per.items() if n)
        out.print(f"With {escape(name)}: {escape(changed) or 'no status changes'}")


@app.command()
@fails_cleanly
def serve(
    host: Annotated[str, typer.Option("--host", help="Address to bind (loopback by default).")] = (
        "127.0.0.1"
    ),
    port: Annotated[int, typer.Option("--port", help="Port.")] = 8000,
    workers: Annotated[int, typer.Option("--workers", help="Server processes.")] = 1,
    registry_location: RegistryOpt = None,
) -> None:
    """Serve the JSON API (/v1/..., /docs) and the web page (/)."""
    import logging

    import uvicorn

    if registry_location:
        os.environ[REGISTRY_ENV] = registry_location  # each worker process loads it once
    registry(registry_location)  # a bad registry is an error before the server starts
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(message)s")
    out.print(f"visarules on http://{host}:{port}/ (API docs: /docs)")
    uvicorn.run(
        "visarules.web.app:create_app",
        factory=True,
        host=host,
        port=port,
        workers=max(1, workers),
        access_log=False,  # our own log: route, status and time, never a query or a body
        timeout_keep_alive=5,
        limit_concurrency=256,
    )


@app.command()
def assumptions(as_json: AsJson = False) -> None:
    """The named assumptions, their options and defaults."""
    listed = api.list_assumptions()
    if as_json:
        _print_json(listed)
        return
    for assumption in catalogue().assumptions:
        out.print(f"[bold]{assumption.name}[/] — {assumption.question}")
        out.print(f"  [dim]{assumption.why_open}[/]")
        for option in assumption.options:
            mark = "*" if option.value == assumption.default else " "
            out.print(f"  {mark} {option.value}: {option.description}")


@app.command()
def schema(
    markdown: Annotated[
        bool, typer.Option("--markdown", help="A table of every field and the rules reading it.")
    ] = False,
) -> None:
    """The profile's JSON Schema, or the table of its fields."""
    if markdown:
        sys.stdout.write(contract.fields_markdown())
        return
    _print_json(Profile.model_json_schema(by_alias=True))


@resolve_app.command("institution")
@fails_cleanly
def resolve_institution(
    text: str,
    country: Annotated[str | None, typer.Option("--country", help="ISO code hint.")] = None,
    registry_location: RegistryOpt = None,
    as_json: AsJson = False,
) -> None:
    """An institution name in any language → registry entry (ROR id), or no match."""
    result = api.resolve_institution(text, country, Resolvers(registry(registry_location)))
    if as_json:
        _print_json(result)
        return
    match = result["match"]
    if match:
        out.print(
            f"{escape(match['name'])} [dim]{match['id']} {match['country']} "
            f"score {match['score']}[/]"
        )
        out.print(f"tiers: {', '.join(match['tiers']) or '(none)'}")
    else:
        out.print(f"[yellow]no match[/] ({result['reason']})")
    if result.get("note"):
        out.print(f"[dim]{escape(result['note'])}[/]")
    for c in result["candidates"]:
        out.print(f"  candidate: {escape(c['name'])} [dim]{c['id']} {c['country']} {c['score']}[/]")


@resolve_app.command("field")
@fails_cleanly
def resolve_field_cmd(text: str, assume: Assume = None, as_json: AsJson = False) -> None:
    """A field of study → ISCED-F and CIP codes, and STEM or not."""
    result = api.resolve_field_text(text, _assume(assume))
    if as_json:
        _print_json(result)
        return
    stem = {True: "STEM", False: "not STEM", None: "unknown"}[result["stem"]]
    out.print(
        f"ISCED-F {result['isced_f']}  CIP {result['cip']}  {stem} [dim]({result['definition']})[/]"
    )


@resolve_app.command("degree")
@fails_cleanly
def resolve_degree_cmd(text: str, as_json: AsJson = False) -> None:
    """A degree name → ISCED 2011 level."""
    result = api.resolve_degree_text(text)
    if as_json:
        _print_json(result)
        return
    if result["isced_level"] is not None:
        out.print(f"ISCED level {result['isced_level']} ({result['name']})")
    elif result["tertiary"] is False:
        out.print("not a tertiary degree")
    else:
        out.print("[yellow]unknown degree[/]")


@registry_app.command("import")
@fails_cleanly
def registry_import(
    dump: Annotated[str, typer.Argument(help="A ROR data dump: .zip or .json, schema v2.")],
    folder: Annotated[
        str | None, typer.Option("--out", help="Folder for the index (default: user data dir).")
    ] = None,
    force: Annotated[
        bool,
        typer.Option("--force", help="Replace --out even if it holds something else."),
    ] = False,
    as_json: AsJson = False,
) -> None:
    """Import a ROR data dump so that every organisation in it resolves."""
    with out.status("Importing ROR records…"):
        described = import_dump(dump, folder, force)
    if as_json:
        _print_json(described)
        return
    location = escape(described["location"])
    out.print(
        f"Imported {described['records']:,} organisations ({escape(described['version'])}) into "
        f"{location}.\nUse it with --registry {location} or {REGISTRY_ENV}={location}."
    )


@registry_app.command("info")
@fails_cleanly
def registry_info(registry_location: RegistryOpt = None, as_json: AsJson = False) -> None:
    """The registry in use: name, version, size, source, and the default import folder."""
    described = {**registry(registry_location).describe(), "import_folder": str(default_location())}
    if as_json:
        _print_json(described)
        return
    for key, value in described.items():
        out.print(f"{key}: {escape(str(value))}")


def main() -> None:
    app()
