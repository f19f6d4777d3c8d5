"""Concurrent ``/v1/check`` requests answered together.

Evaluating one person costs almost as much as evaluating thirty (the columnar engine pays a
fixed cost per query, not per row), so the requests that arrive while a batch is being
evaluated are evaluated together in the next one: no added wait for a lone request, and under
load one pass per batch instead of one per person. Each request is read and validated on its
own first, so a bad profile is its own 422 and never fails its neighbours.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field
from typing import Any

from fastapi.concurrency import run_in_threadpool

from visarules import api
from visarules.build import Resolvers
from visarules.engine.context import Context
from visarules.engine.visa import Visa
from visarules.io import ProfileInput

MAX_BATCH = 32


@dataclass
class _Request:
    read: ProfileInput
    ctx: Context
    chosen: tuple[Visa, ...]
    done: asyncio.Future[dict[str, Any]] = field(repr=False)

    @property
    def key(self) -> tuple[Any, ...]:
        return (self.ctx.as_of, tuple(sorted(self.ctx.assumptions.items())), self.chosen)


class Batcher:
    def __init__(self, resolvers: Resolvers, max_batch: int = MAX_BATCH) -> None:
        self.resolvers = resolvers
        self.max_batch = max_batch
        self.queue: asyncio.Queue[_Request] | None = None
        self.worker: asyncio.Task[None] | None = None

    async def check(
        self, read: ProfileInput, ctx: Context, chosen: tuple[Visa, ...]
    ) -> dict[str, Any]:
        if self.queue is None or self.worker is None or self.worker.done():
            self.queue = asyncio.Queue()
            self.worker = asyncio.get_running_loop().create_task(self._serve(self.queue))
        done: asyncio.Future[dict[str, Any]] = asyncio.get_running_loop().create_future()
        await self.queue.put(_Request(read, ctx, chosen, done))
        return await done

    async def _serve(self, queue: asyncio.Queue[_Request]) -> None:
        while True:
            batch = [await queue.get()]
            while len(batch) < self.max_batch and not queue.empty():
                batch.append(queue.get_nowait())
            groups: dict[tuple[Any, ...], list[_Request]] = {}
            for request in batch:
                groups.setdefault(request.key, []).append(request)
            for group in groups.values():
                await self._answer(group)

    async def _answer(self, group: list[_Request]) -> None:
        first = group[0]
        try:
            answers = await run_in_threadpool(
                api.check_many, [r.read for r in group], first.ctx, first.chosen, self.resolvers
            )
        except Exception as err:  # a bug: each request gets it, the batcher goes on
            for request in group:
                if not request.done.done():
                    request.done.set_exception(err)
            return
        for request, answer in zip(group, answers, strict=True):
            if not request.done.done():
                request.done.set_result(answer)
