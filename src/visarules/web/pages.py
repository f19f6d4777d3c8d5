"""The web page: a form for one person, the results with reasons, sources and assumptions, the
comparison, and a page to screen a file. Server-rendered (usable without JavaScript), in
English and Chinese (``?lang=zh``)."""

from __future__ import annotations

import re
import tempfile
from collections.abc import Mapping
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any, get_args

from fastapi import FastAPI, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import HTMLResponse, RedirectResponse
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from markupsafe import Markup, escape

from visarules import api, yamldata
from visarules import compare as comparing
from visarules.batch import LIST_FIELDS
from visarules.build import Resolvers
from visarules.catalogue import catalogue
from visarules.errors import InputError
from visarules.io import Limits, profile_from_data
from visarules.profile import JobOffer, Purpose
from visarules.web.jobs import Jobs

HERE = resources.files(__package__)
LANGUAGES = ("en", "zh")
FORM_ROWS = 3  # degree and job rows in the form without JavaScript (more with it)


def _choices(annotation: Any) -> list[str]:
    """The values a profile field allows (its Literal), for a select list."""
    found: list[str] = []
    for arg in get_args(annotation):
        found += [arg] if isinstance(arg, str) else _choices(arg)
    return found


PURPOSES = _choices(Purpose)
EMPLOYER_TYPES = _choices(JobOffer.model_fields["employer_type"].annotation)
_URL = re.compile(r"https?://[^\s,;)]+")
_CJK = re.compile(r"[\u4e00-\u9fff]")
_VALUES = re.compile(r"[,;]+")
_CODES = re.compile(r"[\s,;]+")
_ITEM = re.compile(r"^(?P<list>[a-z_]+)\[(?P<index>\d+)\]\.(?P<field>[a-z_.]+)$")


@cache
def words() -> dict[str, dict[str, str]]:
    loaded: dict[str, dict[str, str]] = yamldata.load(HERE.joinpath("i18n.yaml").read_text("utf-8"))
    return loaded


def language(request: Request) -> str:
    chosen = request.query_params.get("lang", "en")
    return chosen if chosen in LANGUAGES else "en"


def linked(text: str) -> Markup:
    """A citation with its URL as a link."""
    out, last = [], 0
    for match in _URL.finditer(text):
        out.append(escape(text[last : match.start()]))
        url = match.group(0)
        out.append(Markup('<a href="{0}" rel="noopener">{0}</a>').format(url))
        last = match.end()
    out.append(escape(text[last:]))
    return Markup("").join(out)


@cache
def _nodes() -> dict[str, Any]:
    return {
        node.id: node for visa in catalogue().visas for tree in visa.trees for node in tree.walk()
    }


def law_text(node_id: str) -> list[str]:
    """The law's own words behind a criterion, where it quotes them in Chinese (the rules of
    China cite the Chinese text of the clause)."""
    node = _nodes().get(node_id)
    if node is None:
        return []
    texts = [c.excerpt for c in node.citations if c.excerpt and _CJK.search(c.excerpt)]
    return list(dict.fromkeys(texts))


def anchor(path: str) -> str:
    """The form field a profile path is asked in (``education[0].field`` → ``f-education-0-field``)."""
    return "f-" + re.sub(r"[^a-z0-9]+", "-", path.lower()).strip("-")


def unflatten(form: Mapping[str, str]) -> dict[str, Any]:
    """Form fields named by profile paths → a profile; an empty field is unknown."""
    profile: dict[str, Any] = {}
    for key, raw in form.items():
        value = raw.strip() if isinstance(raw, str) else ""
        if not value or key.startswith("_"):
            continue
        if key in LIST_FIELDS:  # several values in one field: "IN, CA"; codes by spaces too
            parts = re.split(_CODES if key == "citizenship" else _VALUES, value)
            _put(profile, key, [p.strip() for p in parts if p.strip()])
            continue
        if key == "plan.work_permit":
            profile.setdefault("plan", {})["work_permit"] = (
                False if value == "none" else {"category": value}
            )
            continue
        parsed: Any = {"true": True, "false": False}.get(value, value)
        if (item := _ITEM.match(key)) is not None:
            items = profile.setdefault(item["list"], [])
            index = int(item["index"])
            while len(items) <= index:
                items.append({})
            _put(items[index], item["field"], parsed)
        else:
            _put(profile, key, parsed)
    for name in ("education", "employment"):
        if name in profile:
            profile[name] = [entry for entry in profile[name] if entry]
    return profile


def _put(target: dict[str, Any], path: str, value: Any) -> None:
    *parents, last = path.split(".")
    for part in parents:
        target = target.setdefault(part, {})
    target[last] = value


def _form_values(form: Mapping[str, Any]) -> dict[str, str]:
    """The profile's fields (names starting with _ are options: date, assumptions)."""
    return {k: v for k, v in form.items() if isinstance(v, str) and not k.startswith("_")}


def _all_values(form: Mapping[str, Any]) -> dict[str, str]:
    """Every field as sent, to fill the form in again."""
    return {k: v for k, v in form.items() if isinstance(v, str)}


def install(app: FastAPI, jobs: Jobs, resolvers: Resolvers, limits: Limits) -> None:
    templates = Jinja2Templates(directory=str(HERE.joinpath("templates")))
    templates.env.filters["linked"] = linked
    templates.env.filters["anchor"] = anchor
    templates.env.filters["labelled"] = lambda values, t, prefix: [
        (v, t.get(prefix + v, v)) for v in values
    ]
    templates.env.filters["law_text"] = law_text
    app.mount("/static", StaticFiles(directory=str(HERE.joinpath("static"))), name="static")

    def page(request: Request, name: str, status: int = 200, **context: Any) -> HTMLResponse:
        lang = language(request)
        t = {key: texts[lang] for key, texts in words().items()}
        other = "zh" if lang == "en" else "en"
        return templates.TemplateResponse(
            request,
            name,
            {
                "lang": lang,
                "other": other,
                "t": t,
                "rows": FORM_ROWS,
                "purposes": PURPOSES,
                "employer_types": EMPLOYER_TYPES,
                **context,
            },
            status_code=status,
        )

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def form_page(request: Request) -> HTMLResponse:
        return page(request, "form.html", values={}, problem=None)

    @app.post("/check", response_class=HTMLResponse, include_in_schema=False)
    async def check_page(request: Request) -> HTMLResponse:
        raw = await request.form(max_fields=400)
        form = _form_values(raw)
        assume = {
            key.removeprefix("_assume:"): str(value)
            for key, value in raw.items()
            if key.startswith("_assume:") and value
        }
        try:
            profile = profile_from_data(unflatten(form), limits)
            result = await run_in_threadpool(
                lambda: api.check(
                    profile,
                    as_of=str(raw.get("_as_of") or "") or None,
                    assume=assume,
                    resolvers=resolvers,
                )
            )
        except InputError as err:
            problem = {"where": err.where, "message": err.problem, "anchor": anchor(err.where)}
            return page(request, "form.html", status=422, values=_all_values(raw), problem=problem)
        order = comparing.STATUS_ORDER
        result["results"].sort(key=lambda r: (r["visa"][:2], order[r["status"]], r["visa"]))
        countries = {r["visa"][:2] for r in result["results"] if r["kind"] == "visa"}
        table, chart = None, None
        if len(countries) > 1:
            table, chart = await run_in_threadpool(lambda: _comparison(result))
        return page(
            request,
            "results.html",
            values=_all_values(raw),
            result=result,
            table=table,
            chart=chart,
            choices=api.list_assumptions(),
        )

    @app.get("/batch", response_class=HTMLResponse, include_in_schema=False)
    def batch_page(request: Request) -> HTMLResponse:
        return page(request, "batch.html", problem=None)

    @app.post("/batch", include_in_schema=False, response_model=None)
    async def batch_submit(request: Request) -> Any:
        form = await request.form()
        output = str(form.get("output") or "csv")
        try:
            job_id = await jobs.start(
                request,
                str(form.get("as_of") or "") or None,
                None,
                None,
                str(form.get("countries") or "") or None,
                output if output in ("csv", "parquet") else "csv",
            )
        except InputError as err:
            problem = {"where": err.where, "message": err.problem}
            return page(request, "batch.html", status=422, problem=problem)
        return RedirectResponse(f"/batch/{job_id}?lang={language(request)}", status_code=303)

    @app.get("/batch/{job_id}", response_class=HTMLResponse, include_in_schema=False)
    def job_page(request: Request, job_id: str) -> HTMLResponse:
        if job_id not in jobs.jobs:
            problem = {"where": "job", "message": "no such job"}
            return page(request, "batch.html", status=404, problem=problem)
        return page(request, "job.html", job=jobs.status(job_id))


def _comparison(result: dict[str, Any]) -> tuple[dict[str, Any], Markup]:
    """The comparison table of the visas checked, and its chart as inline SVG."""
    visas = [r for r in result["results"] if r["kind"] == "visa"]
    shown = {**result, "results": visas}
    table = shown["table"] = comparing.table_of(visas)
    with tempfile.TemporaryDirectory() as folder:
        path = comparing.chart(shown, Path(folder) / "chart.svg")
        svg = path.read_text("utf-8")
    svg = svg[svg.index("<svg") :]  # inline: without the XML prolog
    return {"visas": [r["visa"] for r in visas], "rows": table}, Markup(svg)
