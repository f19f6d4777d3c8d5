"""The JSON API: the bodies and answers of the command line's ``--json``, over HTTP.

    POST /v1/check?as_of=2025-11-01&visa=CN-K&assume=cn.k.age_limit=45&countries=CN
    POST /v1/explain?visa=CN-K   /v1/compare?countries=CN,US   /v1/points
    POST /v1/resolve/institution|field|degree   {"text": "清華", "country": "TW"}
    POST /v1/screen (a CSV or Parquet file) → a job; GET /v1/screen/{job}[/results|/errors]
    GET  /v1/visas  /v1/assumptions  /v1/schema  /healthz

A profile is the body (JSON). Bad input is 422 naming the field (``detail[0].loc``), a body
over the limit 413, an unknown route 404. The registry and the catalogue are loaded once at
start-up and shared by every request.
"""

from __future__ import annotations

import asyncio
import os
from collections.abc import Awaitable, Callable, Mapping
from typing import Annotated, Any, TypeVar

import orjson
from fastapi import FastAPI, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse

from visarules import __version__, api
from visarules.build import Resolvers
from visarules.catalogue import catalogue
from visarules.errors import InputError
from visarules.io import Limits, ProfileInput, parse_document, profile_from_data
from visarules.profile import Profile
from visarules.resolve.institutions import registry
from visarules.web import pages
from visarules.web.batcher import Batcher
from visarules.web.jobs import UPLOAD_MAX_BYTES, Jobs
from visarules.web.limits import AccessLog, BodyLimit, problem

T = TypeVar("T")
ERROR = {
    "description": "Bad input: the field and the problem",
    "content": {
        "application/json": {
            "schema": {
                "type": "object",
                "required": ["detail"],
                "properties": {
                    "detail": {
                        "type": "array",
                        "items": {
                            "type": "object",
                            "required": ["loc", "msg"],
                            "properties": {
                                "loc": {"type": "array", "items": {}},
                                "msg": {"type": "string"},
                                "type": {"type": "string"},
                            },
                        },
                    }
                },
            }
        }
    },
}
ERRORS: dict[int | str, dict[str, Any]] = {422: ERROR, 413: ERROR}
AS_OF = Annotated[
    str | None,
    Query(description="Date whose law applies (YYYY-MM-DD)", pattern=r"^\d{4}-\d{2}-\d{2}$"),
]
VISA = Annotated[list[str] | None, Query(description="Only these visas (repeatable)")]
ASSUME = Annotated[list[str] | None, Query(description="NAME=VALUE (repeatable)")]
COUNTRIES = Annotated[str | None, Query(description="Countries, e.g. CN or CN,US")]
NOT_FOUND = {"description": "No such job", "content": ERROR["content"]}


class _Json(JSONResponse):
    """An answer serialised by orjson: it is already plain JSON data, so FastAPI's recursive
    encoder is not needed (on a 360 KiB check: orjson ~0.5 ms, json ~2.4 ms, FastAPI ~9 ms)."""

    def render(self, content: Any) -> bytes:
        return orjson.dumps(content)


REQUEST_SECONDS = float(os.environ.get("VISARULES_REQUEST_SECONDS", 30))


class TooSlow(Exception):
    pass


async def _in_time(work: Awaitable[T]) -> T:
    """An answer within the time limit, else 503 (the server is overloaded: retry later)."""
    try:
        return await asyncio.wait_for(work, REQUEST_SECONDS)
    except TimeoutError:
        raise TooSlow from None


def _problem(where: str, message: str) -> JSONResponse:
    return JSONResponse(problem(where, message), status_code=422)


def _assume(pairs: list[str] | None) -> dict[str, str]:
    return api.assumptions_from(pairs, "assume")


def _profile_body(schema_ref: str) -> dict[str, Any]:
    return {
        "requestBody": {
            "required": True,
            "content": {"application/json": {"schema": {"$ref": schema_ref}}},
        }
    }


def create_app(registry_location: str | None = None, limits: Limits | None = None) -> FastAPI:
    """The application: one registry, one catalogue, shared by every request (the registry:
    ``registry_location``, else $VISARULES_REGISTRY, else the shipped one)."""
    limits = limits or Limits.from_environment()
    resolvers = Resolvers(registry(registry_location))
    catalogue()
    jobs = Jobs(registry_location)
    batcher = Batcher(resolvers)
    app = FastAPI(
        title="visarules",
        version=__version__,
        description="Visa law as executable, cited rules. The bodies and answers are those of "
        "the command line's --json (CONTRACT.md).",
    )
    app.state.jobs = jobs

    @app.exception_handler(InputError)
    async def input_error(request: Request, err: InputError) -> JSONResponse:
        return _problem(err.where, err.problem)

    @app.exception_handler(TooSlow)
    async def too_slow(request: Request, err: TooSlow) -> JSONResponse:
        detail = f"no answer within {REQUEST_SECONDS:g} s; try again"
        return JSONResponse(
            problem("", detail, "timeout"), status_code=503, headers={"Retry-After": "5"}
        )

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, err: RequestValidationError) -> JSONResponse:
        first = err.errors()[0]
        return _problem(".".join(str(p) for p in first["loc"]), first["msg"])

    async def document(request: Request) -> Any:
        """The body: UTF-8 JSON (or YAML), parsed by the input boundary's reader."""
        try:
            text = (await request.body()).decode("utf-8")
        except UnicodeDecodeError:
            raise InputError("body", "not UTF-8 text") from None
        return parse_document(text, "body")

    async def read_profile(request: Request) -> ProfileInput:
        return profile_from_data(await document(request), limits)

    def profile_route(path: str, summary: str) -> Callable[[Callable[..., Any]], Any]:
        return app.post(
            path,
            summary=summary,
            responses=ERRORS,
            response_model=None,
            openapi_extra=_profile_body("#/components/schemas/Profile"),
        )

    @profile_route("/v1/check", "Every visa's status for one person, with reasons and sources")
    async def check(
        request: Request,
        as_of: AS_OF = None,
        visa: VISA = None,
        assume: ASSUME = None,
        countries: COUNTRIES = None,
    ) -> JSONResponse:
        ctx = api.context(as_of, _assume(assume))
        chosen = api.select_visas(visa, ctx, countries)
        read = await read_profile(request)  # checked as possible in the batch, each on its own
        return _Json(await _in_time(batcher.check(read, ctx, chosen)))

    @profile_route("/v1/explain", "The criteria tree of one visa for one person")
    async def explain(
        request: Request,
        visa: Annotated[str, Query(description="The visa, e.g. CN-K")],
        as_of: AS_OF = None,
        assume: ASSUME = None,
    ) -> JSONResponse:
        profile = await read_profile(request)
        answer = await _in_time(
            run_in_threadpool(
                lambda: api.explain(
                    profile, visa, as_of=as_of, assume=_assume(assume), resolvers=resolvers
                )
            )
        )
        return _Json(answer)

    @profile_route("/v1/compare", "Visas of several countries side by side")
    async def compare(
        request: Request,
        countries: COUNTRIES = None,
        as_of: AS_OF = None,
        visa: VISA = None,
        assume: ASSUME = None,
        context: Annotated[bool, Query(description="Add public figures")] = False,
    ) -> JSONResponse:
        profile = await read_profile(request)
        answer = await _in_time(
            run_in_threadpool(
                lambda: api.compare(
                    profile,
                    countries=countries or "CN,US",
                    as_of=as_of,
                    visas=visa,
                    assume=_assume(assume),
                    context=context,
                    resolvers=resolvers,
                )
            )
        )
        return _Json(answer)

    @profile_route("/v1/points", "China's work-permit points, item by item")
    async def points(request: Request, as_of: AS_OF = None, assume: ASSUME = None) -> Any:
        profile = await read_profile(request)
        return await _in_time(
            run_in_threadpool(lambda: api.points(profile, as_of=as_of, assume=_assume(assume)))
        )

    async def resolve_body(request: Request) -> Mapping[str, Any]:
        data = await document(request)
        if not isinstance(data, Mapping) or not isinstance(data.get("text"), str):
            raise InputError("text", 'expected {"text": "..."}')
        if len(data["text"]) > limits.max_string:
            raise InputError("text", f"longer than {limits.max_string:,} characters")
        country = data.get("country")
        if country is not None and not isinstance(country, str):
            raise InputError("country", "expected an ISO 3166-1 code")
        return data

    resolve_schema = {
        "requestBody": {
            "required": True,
            "content": {
                "application/json": {
                    "schema": {
                        "type": "object",
                        "required": ["text"],
                        "properties": {
                            "text": {"type": "string", "maxLength": limits.max_string},
                            "country": {"type": "string"},
                        },
                    }
                }
            },
        }
    }

    @app.post(
        "/v1/resolve/institution",
        summary="An institution name in any language → registry entry",
        responses=ERRORS,
        response_model=None,
        openapi_extra=resolve_schema,
    )
    async def resolve_institution(request: Request) -> dict[str, Any]:
        data = await resolve_body(request)
        return await run_in_threadpool(
            lambda: api.resolve_institution(data["text"], data.get("country"), resolvers)
        )

    @app.post(
        "/v1/resolve/field",
        summary="A field of study → ISCED-F, CIP, STEM",
        responses=ERRORS,
        response_model=None,
        openapi_extra=resolve_schema,
    )
    async def resolve_field(request: Request, assume: ASSUME = None) -> dict[str, Any]:
        data = await resolve_body(request)
        return api.resolve_field_text(data["text"], _assume(assume))

    @app.post(
        "/v1/resolve/degree",
        summary="A degree name → ISCED 2011 level",
        responses=ERRORS,
        response_model=None,
        openapi_extra=resolve_schema,
    )
    async def resolve_degree(request: Request) -> dict[str, Any]:
        data = await resolve_body(request)
        return api.resolve_degree_text(data["text"])

    @app.get("/v1/visas", summary="Every visa: who it is for, what it requires and gives")
    def visas(country: str | None = None, as_of: AS_OF = None) -> list[dict[str, Any]]:
        return api.list_visas(country, as_of)

    @app.get("/v1/assumptions", summary="The named assumptions, their options and defaults")
    def assumptions() -> list[dict[str, Any]]:
        return api.list_assumptions()

    @app.get("/v1/schema", summary="The profile's JSON Schema", response_model=None)
    def schema() -> dict[str, Any]:
        return Profile.model_json_schema(by_alias=True)

    @app.get("/healthz", summary="Liveness")
    def healthz() -> dict[str, Any]:
        return {"status": "ok", "version": __version__, "visas": len(catalogue().visas)}

    jobs.routes(app, ERRORS)
    pages.install(app, jobs, resolvers, limits)
    _add_profile_schema(app)
    app.add_middleware(BodyLimit, limit=_limit_for(limits))
    app.add_middleware(AccessLog)
    return app


def _limit_for(limits: Limits) -> Callable[[str], int]:
    def limit(path: str) -> int:
        return UPLOAD_MAX_BYTES if path.startswith("/v1/screen") else limits.max_bytes

    return limit


def _add_profile_schema(app: FastAPI) -> None:
    """The Profile model's JSON Schema under components, for the request bodies."""
    base = app.openapi

    def openapi() -> dict[str, Any]:
        if app.openapi_schema:
            return app.openapi_schema
        spec = base()
        profile = Profile.model_json_schema(
            by_alias=True, ref_template="#/components/schemas/{model}"
        )
        schemas = spec.setdefault("components", {}).setdefault("schemas", {})
        schemas.update(profile.pop("$defs", {}))
        schemas["Profile"] = profile
        app.openapi_schema = spec
        return spec

    app.openapi = openapi  # type: ignore[method-assign]
