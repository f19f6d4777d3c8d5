"""The HTTP API: the CLI's JSON over HTTP, bad input as 422 naming the field, 413 over the
limit, 404 elsewhere, never a 5xx for anything a client sends (hypothesis and schemathesis)."""

from __future__ import annotations

import io
import json
import time
from typing import Any

import httpx
import polars as pl
import pytest
import schemathesis
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from schemathesis.checks import (
    content_type_conformance,
    not_a_server_error,
    response_schema_conformance,
    status_code_conformance,
)

from visarules import api
from visarules.batch import flatten
from visarules.io import Limits
from visarules.web.app import create_app
from visarules.web.process import served

app = create_app()
client = TestClient(app)
IIT = {
    "citizenship": "IN",
    "education": [
        {"institution": "IIT Bombay", "field": "Computer Science", "level": "B.Tech",
         "completed": "2021-06"}
    ],
}  # fmt: skip
POSTS = [
    "/v1/check",
    "/v1/explain?visa=CN-K",
    "/v1/compare",
    "/v1/points",
    "/v1/resolve/institution",
    "/v1/resolve/field",
    "/v1/resolve/degree",
    "/v1/screen",
]


def test_check_is_the_cli_json() -> None:
    got = client.post("/v1/check?as_of=2025-11-01&visa=CN-K&visa=US-H-1B", json=IIT)
    assert got.status_code == 200
    assert got.json() == api.check(IIT, as_of="2025-11-01", visas=["CN-K", "US-H-1B"])
    assert got.json()["results"][0]["status"] == "eligible"


def test_the_other_profile_routes() -> None:
    explained = client.post("/v1/explain?visa=CN-K&as_of=2025-11-01", json=IIT).json()
    assert explained["visa"] == "CN-K" and explained["tree"]["value"] is True
    compared = client.post("/v1/compare?countries=CN,US&as_of=2025-11-01", json=IIT).json()
    assert compared["countries"] == ["CN", "US"] and "table" in compared
    assert client.post("/v1/points?as_of=2025-11-01", json=IIT).json()["class"] in (
        "A", "B", "C", None,
    )  # fmt: skip
    assumed = client.post(
        "/v1/check?as_of=2025-11-01&visa=CN-K&assume=cn.k.well_known=top200", json=IIT
    ).json()
    assert assumed["assumptions"]["cn.k.well_known"] == "top200"


def test_resolve_and_listings() -> None:
    found = client.post("/v1/resolve/institution", json={"text": "清華大學"}).json()
    assert found["match"]["id"].startswith("https://ror.org/")
    assert client.post("/v1/resolve/field", json={"text": "physics"}).json()["stem"] is True
    assert client.post("/v1/resolve/degree", json={"text": "硕士"}).json()["isced_level"] == 7
    visas = client.get("/v1/visas?country=US").json()
    assert {v["visa"] for v in visas} >= {"US-H-1B", "US-O-1A"}
    assert any(a["name"] == "cn.k.well_known" for a in client.get("/v1/assumptions").json())
    assert "properties" in client.get("/v1/schema").json()
    assert client.get("/healthz").json()["status"] == "ok"
    assert client.get("/openapi.json").json()["components"]["schemas"]["Profile"]


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"citizenship": "XX"}, "citizenship"),
        ({"education": [{"completed": "2021-13"}]}, "education[0].completed"),
        ({"plan": {"stay_days": -3}}, "plan.stay_days"),
        ([1, 2], "profile"),
    ],
)
def test_bad_input_is_422_naming_the_field(body: Any, field: str) -> None:
    got = client.post("/v1/check", json=body)
    assert got.status_code == 422
    assert got.json()["detail"][0]["loc"] == [field]


def test_bad_query_and_bodies() -> None:
    assert client.post("/v1/check?as_of=2025-02-30", json=IIT).status_code == 422
    assert client.post("/v1/check?visa=XX-Q", json=IIT).json()["detail"][0]["loc"] == ["--visa"]
    assert client.post("/v1/check?assume=nonsense", json=IIT).status_code == 422
    assert client.post("/v1/check", content=b"\xff\xfe").status_code == 422
    assert client.post("/v1/check", content=b"{not json: [").status_code == 422
    assert client.post("/v1/resolve/field", json={"txt": "x"}).status_code == 422


def test_over_the_limit_is_413_declared_or_streamed() -> None:
    big = b'{"citizenship": "' + b"x" * (Limits().max_bytes + 10) + b'"}'
    assert client.post("/v1/check", content=big).status_code == 413

    def chunks():  # type: ignore[no-untyped-def]
        yield big[: len(big) // 2]
        yield big[len(big) // 2 :]

    assert client.post("/v1/check", content=chunks()).status_code == 413


def test_unknown_routes_and_jobs_are_404() -> None:
    assert client.get("/v2/check").status_code == 404
    assert client.get("/v1/screen/nope").status_code == 404
    assert client.get("/v1/screen/nope/results").status_code == 404


def _upload(frame: pl.DataFrame, query: str = "?as_of=2025-11-01&countries=CN") -> dict[str, Any]:
    buffer = io.BytesIO()
    frame.write_csv(buffer)
    got = client.post(
        f"/v1/screen{query}", files={"file": ("people.csv", buffer.getvalue(), "text/csv")}
    )
    assert got.status_code == 202, got.text
    status = got.json()
    for _ in range(600):
        status = client.get(status["status_url"]).json()
        if status["status"] in ("done", "failed"):
            return status
        time.sleep(0.05)
    raise AssertionError(status)


def test_screen_a_file_and_download_the_results() -> None:
    rows = [flatten(IIT), flatten({"citizenship": "XX"}), flatten({"citizenship": "FR"})]
    status = _upload(pl.DataFrame(rows, infer_schema_length=None))
    assert status["status"] == "done"
    assert status["report"]["rows_in"] == 3
    assert (status["report"]["rows_out"], status["report"]["rows_in_errors"]) == (2, 1)
    results = pl.read_csv(io.BytesIO(client.get(status["results_url"]).content))
    assert results["CN-K.status"].to_list() == ["eligible", "undetermined"]
    errors = pl.read_csv(io.BytesIO(client.get(status["errors_url"]).content))
    assert errors["row"].to_list() == [2] and errors["field"].to_list() == ["citizenship"]
    assert "<html" in client.get(status["summary_url"]).text.lower()
    assert client.delete(status["status_url"]).json()["status"] == "deleted"
    assert client.get(status["status_url"]).status_code == 404


def test_screen_refuses_what_is_not_a_table() -> None:
    got = client.post("/v1/screen", files={"file": ("x.txt", b"hello", "text/plain")})
    assert got.status_code == 422 and got.json()["detail"][0]["loc"] == ["file"]
    assert client.post("/v1/screen", content=b"raw").status_code == 422


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=12), inner, max_size=4)
    ),
    max_leaves=20,
)
profile_keys = st.sampled_from(
    ["citizenship", "birth_date", "education", "employment", "plan", "achievements", "languages"]
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.sampled_from(POSTS),
    st.one_of(
        st.binary(max_size=200),
        json_values.map(lambda v: json.dumps(v).encode()),
        st.dictionaries(profile_keys, json_values, max_size=4).map(
            lambda v: json.dumps(v).encode()
        ),
    ),
)
def test_malformed_bodies_are_422_never_500(route: str, body: bytes) -> None:
    got = client.post(route, content=body, headers={"content-type": "application/json"})
    assert got.status_code in (200, 422), (got.status_code, got.text[:300])


schema = schemathesis.openapi.from_asgi("/openapi.json", app)


@schema.parametrize()
@settings(max_examples=20, deadline=None, suppress_health_check=list(HealthCheck))
def test_every_operation_against_its_openapi(case: Any) -> None:
    case.call_and_validate(
        checks=[
            not_a_server_error,
            status_code_conformance,
            content_type_conformance,
            response_schema_conformance,
        ]
    )


def test_serve_binds_loopback_and_logs_no_profile_data(tmp_path: Any) -> None:
    """A real server process: the API answers, and the log has routes and timings only."""
    log = tmp_path / "server.log"
    with log.open("w") as handle, served(output=handle) as (base, _):
        secret = {**IIT, "birth_date": "1987-06-05"}
        got = httpx.post(f"{base}/v1/check?visa=CN-K", json=secret, timeout=30)
        assert got.status_code == 200 and got.json()["results"][0]["visa"] == "CN-K"
    text = log.read_text()
    assert "POST /v1/check 200" in text
    assert "1987-06-05" not in text and "IIT Bombay" not in text and "visa=CN-K" not in text


def test_concurrent_checks_are_answered_together_each_on_its_own() -> None:
    """The batcher evaluates concurrent requests in one pass; an impossible profile among them
    is its own 422 and the others are answered as if alone."""
    import asyncio

    impossible = {"birth_date": "2000", "education": [{"level": "bachelor", "completed": "1990"}]}
    bodies = [IIT, impossible, {"citizenship": "FR"}, IIT, impossible, {"citizenship": "US"}]

    async def send_all() -> list[httpx.Response]:
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://test") as http:
            return await asyncio.gather(
                *(http.post("/v1/check?as_of=2025-11-01", json=body) for body in bodies)
            )

    answers = asyncio.run(send_all())
    assert [a.status_code for a in answers] == [200, 422, 200, 200, 422, 200]
    assert answers[1].json()["detail"][0]["loc"][0].startswith("education[0].completed")
    for body, answer in zip(bodies, answers, strict=True):
        if answer.status_code == 200:
            assert answer.json() == api.check(body, as_of="2025-11-01")


def test_an_answer_later_than_the_time_limit_is_503(monkeypatch: pytest.MonkeyPatch) -> None:
    import visarules.web.app as web

    monkeypatch.setattr(web, "REQUEST_SECONDS", 1e-6)
    got = client.post("/v1/explain?visa=CN-K", json=IIT)
    assert got.status_code == 503 and got.headers["retry-after"] == "5"
    assert got.json()["detail"][0]["type"] == "timeout"
