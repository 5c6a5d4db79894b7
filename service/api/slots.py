"""The model's slots on the HTTP side: a slot is taken before the response starts (so a full queue is a
429 with Retry-After, never a 200 that fails later), and given up when the client goes away."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import TypeVar

from fastapi import Request
from fastapi.concurrency import run_in_threadpool

from ..desk import Desk
from ..gate import Ticket

T = TypeVar("T")


async def take_slot(desk: Desk) -> Ticket:
    """Wait (in a worker thread, bounded by NEWSDESK_MODEL_WAIT) for a model slot; Busy → 429."""
    return await run_in_threadpool(desk.gate.take)


async def while_client_waits(request: Request, ticket: Ticket, work: Callable[[], T]) -> T:
    """Run work in a worker thread; if the client disconnects meanwhile, the ticket is cancelled so the
    model stops at its next token and the slot goes to the next request."""
    task = asyncio.ensure_future(run_in_threadpool(work))
    try:
        while not task.done():
            await asyncio.wait({task}, timeout=0.25)
            if not task.done() and await request.is_disconnected():
                ticket.cancel()
        return task.result()
    finally:
        ticket.abandon()
