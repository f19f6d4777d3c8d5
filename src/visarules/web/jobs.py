"""Screening jobs over HTTP: a CSV or Parquet file uploaded, screened by the batch path in the
background (one at a time), the results downloaded.

Uploads live in a private temporary folder: the input is deleted once screened, the results
when the client deletes the job or an hour after it finished, and with the server.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import threading
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Annotated, Any, Literal

from fastapi import FastAPI, Query, Request
from fastapi.responses import FileResponse, JSONResponse

from visarules import api
from visarules import screen as screening
from visarules.catalogue import catalogue
from visarules.errors import InputError
from visarules.report import write_summary
from visarules.web.limits import problem

UPLOAD_MAX_BYTES = int(os.environ.get("VISARULES_UPLOAD_MAX_BYTES", 64 * 1024 * 1024))
KEEP_SECONDS = 3600  # finished jobs' files are removed an hour later
SUFFIXES = (".csv", ".parquet")


class Jobs:
    def __init__(self, registry_location: str | None) -> None:
        self.registry = registry_location
        self.folder = Path(tempfile.mkdtemp(prefix="visarules-jobs-"))
        self.pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="screen")
        self.jobs: dict[str, dict[str, Any]] = {}
        self.lock = threading.Lock()

    def close(self) -> None:
        self.pool.shutdown(wait=False, cancel_futures=True)
        shutil.rmtree(self.folder, ignore_errors=True)

    def _expire(self) -> None:
        now = time.time()
        with self.lock:
            for job_id, job in list(self.jobs.items()):
                if job.get("finished_at") and now - job["finished_at"] > KEEP_SECONDS:
                    self._remove(job_id)

    def _remove(self, job_id: str) -> None:
        self.jobs.pop(job_id, None)
        shutil.rmtree(self.folder / job_id, ignore_errors=True)

    def _files(self, job_id: str) -> dict[str, tuple[Path, str]]:
        """What a finished job offers: part → (its file, the name it downloads as)."""
        results = self.folder / job_id / f"results{self.jobs[job_id]['format']}"
        errors = screening.errors_path(results)
        summary = results.with_name("summary.html")
        return {
            part: (path, f"visarules-{path.name}")
            for part, path in (("results", results), ("errors", errors), ("summary", summary))
        }

    def _run(self, job_id: str, source: Path, job: screening.Job) -> None:
        record = self.jobs[job_id]
        record["status"] = "running"
        files = self._files(job_id)
        try:
            report = screening.screen_file(source, files["results"][0], job)
            chosen = [catalogue().visa(code) for code in job.codes]
            write_summary(report, chosen, job.as_of.isoformat(), str(files["summary"][0]))
            record.update(status="done", report=report.to_dict())
        except InputError as err:
            record.update(status="failed", error={"loc": [err.where], "msg": err.problem})
        finally:
            source.unlink(missing_ok=True)  # the people's data: not kept past the run
            record["finished_at"] = time.time()

    async def start(
        self,
        request: Request,
        as_of: str | None,
        visa: list[str] | None,
        assume: list[str] | None,
        countries: str | None,
        output: str,
    ) -> str:
        """Check the options, save the uploaded file (form field ``file``), queue the job."""
        self._expire()
        assumed = api.assumptions_from(assume, "assume")
        ctx = api.context(as_of or None, assumed)
        chosen = api.select_visas(visa or None, ctx, countries or None)
        try:
            form = await request.form(max_files=1, max_fields=20)
        except Exception:  # a body that is not a well-formed multipart form
            raise InputError("file", "expected a multipart form with a file") from None
        upload = form.get("file")
        name = getattr(upload, "filename", None)
        if upload is None or isinstance(upload, str) or not name:
            raise InputError("file", "expected a CSV or Parquet file in the field 'file'")
        suffix = Path(name).suffix.lower()
        if suffix not in SUFFIXES:
            raise InputError("file", "expected a .csv or .parquet file")
        job_id = uuid.uuid4().hex
        folder = self.folder / job_id
        folder.mkdir()
        source = folder / f"input{suffix}"
        with source.open("wb") as handle:
            while chunk := await upload.read(1 << 20):
                handle.write(chunk)
        job = screening.Job(
            as_of=ctx.as_of,
            assumptions=tuple(assumed.items()),
            codes=tuple(v.code for v in chosen),
            registry=self.registry,
        )
        with self.lock:
            self.jobs[job_id] = {"status": "queued", "format": f".{output}"}
        self.pool.submit(self._run, job_id, source, job)
        return job_id

    def status(self, job_id: str) -> dict[str, Any]:
        record = self.jobs[job_id]
        base = f"/v1/screen/{job_id}"
        out = {k: v for k, v in record.items() if k != "finished_at"}
        if record["status"] == "done":
            out.update({f"{part}_url": f"{base}/{part}" for part in self._files(job_id)})
        return {"job": job_id, "status_url": base, **out}

    def routes(self, app: FastAPI, errors: dict[int | str, dict[str, Any]]) -> None:
        gone: dict[int | str, dict[str, Any]] = {
            404: {**errors[422], "description": "No such job, or not finished"}
        }
        upload = {
            "requestBody": {
                "required": True,
                "content": {
                    "multipart/form-data": {
                        "schema": {
                            "type": "object",
                            "required": ["file"],
                            "properties": {"file": {"type": "string", "format": "binary"}},
                        }
                    }
                },
            }
        }

        @app.post(
            "/v1/screen",
            status_code=202,
            summary="Screen a CSV or Parquet file of profiles (the batch layout): a job",
            responses=errors,
            response_model=None,
            openapi_extra=upload,
        )
        async def submit(
            request: Request,
            as_of: Annotated[str | None, Query()] = None,
            visa: Annotated[list[str] | None, Query()] = None,
            assume: Annotated[list[str] | None, Query()] = None,
            countries: Annotated[str | None, Query()] = None,
            output: Annotated[str, Query(pattern="^(csv|parquet)$")] = "csv",
        ) -> JSONResponse:
            job_id = await self.start(request, as_of, visa, assume, countries, output)
            return JSONResponse(self.status(job_id), status_code=202)

        missing = JSONResponse(problem("job", "no such job", "not_found"), status_code=404)

        @app.get(
            "/v1/screen/{job_id}",
            summary="A screening job's status",
            response_model=None,
            responses=gone,
        )
        def status(job_id: str) -> Any:
            return self.status(job_id) if job_id in self.jobs else missing

        @app.get(
            "/v1/screen/{job_id}/{part}",
            summary="A finished job's results file, its refused rows, or its summary page",
            response_model=None,
            responses=gone,
        )
        def download(job_id: str, part: Literal["results", "errors", "summary"]) -> Any:
            record = self.jobs.get(job_id)
            if record is None or record["status"] != "done":
                return missing
            path, name = self._files(job_id)[part]
            return FileResponse(path, filename=name) if path.exists() else missing

        @app.delete(
            "/v1/screen/{job_id}",
            summary="Delete a job and its files",
            response_model=None,
            responses=gone,
        )
        def delete(job_id: str) -> Any:
            if job_id not in self.jobs:
                return missing
            with self.lock:
                self._remove(job_id)
            return {"job": job_id, "status": "deleted"}
