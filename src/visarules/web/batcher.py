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
from visarules.errors import InputError
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
        codes = tuple(v.code for v in self.chosen)
        return (self.ctx.as_of, tuple(sorted(self.ctx.assumptions.items())), codes)


class Batcher:
    def __init__(self, resolvers: Resolvers, max_batch: int = MAX_BATCH) -> None:
        self.resolvers = resolvers
        self.max_batch = max_batch
        self.queue: asyncio.Queue[_Request] | None = None
        self.worker: asyncio.Task[None] | None = None
        self.loop: asyncio.AbstractEventLoop | None = None

    async def check(
        self, read: ProfileInput, ctx: Context, chosen: tuple[Visa, ...]
    ) -> dict[str, Any]:
        loop = asyncio.get_running_loop()
        if self.queue is None or self.worker is None or self.worker.done() or self.loop is not loop:
            self.loop = loop  # one queue and one worker per event loop (a server has one)
            self.queue = asyncio.Queue()
            self.worker = loop.create_task(self._serve(self.queue))
        done: asyncio.Future[dict[str, Any]] = loop.create_future()
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

    def _work(self, group: list[_Request]) -> dict[int, dict[str, Any] | InputError]:
        """Impossible profiles (each its own 422), then everyone else in one pass."""
        first = group[0]
        reads = [r.read for r in group]
        outcome: dict[int, dict[str, Any] | InputError] = {}
        outcome.update(api.impossible_among(reads, first.ctx.as_of))
        fine = [i for i in range(len(group)) if i not in outcome]
        answers = api.check_many([reads[i] for i in fine], first.ctx, first.chosen, self.resolvers)
        outcome.update(zip(fine, answers, strict=True))
        return outcome

    async def _answer(self, group: list[_Request]) -> None:
        try:
            outcome = await run_in_threadpool(self._work, group)
        except Exception as err:  # a bug: each request gets it, the batcher goes on
            for request in group:
                if not request.done.done():
                    request.done.set_exception(err)
            return
        for index, request in enumerate(group):
            if request.done.done():
                continue
            answer = outcome[index]
            if isinstance(answer, InputError):
                request.done.set_exception(answer)
            else:
                request.done.set_result(answer)
