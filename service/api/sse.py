"""Server-Sent Events: the one place that writes them (FastAPI's own event format), and the bridge that
runs the synchronous pipeline in a worker thread while its tokens reach the event loop."""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator, Callable

from fastapi.sse import EventSourceResponse, format_sse_event

from ..errors import NewsdeskError
from ..gate import Ticket
from ..llm import TokenHook
from ..models import Answer

DONE = object()


def sse(data: object, event: str | None = None) -> bytes:
    """One event; `data` is sent as JSON unless it is already a string."""
    text = data if isinstance(data, str) else json.dumps(data, ensure_ascii=False)
    return format_sse_event(data_str=text, event=event)


class SlotEventSource(EventSourceResponse):
    """Event stream that gives up its model slot when it ends, however it ends (a client that leaves
    before the first event included: the events' generator may then never start)."""

    def __init__(self, events: AsyncIterator[bytes], ticket: Ticket | None):
        super().__init__(events, headers={"Cache-Control": "no-cache"})
        self.ticket = ticket

    async def __call__(self, scope, receive, send) -> None:
        try:
            await super().__call__(scope, receive, send)
        finally:
            if self.ticket is not None:
                self.ticket.abandon()


def event_stream(events: AsyncIterator[bytes], ticket: Ticket | None = None) -> EventSourceResponse:
    return SlotEventSource(events, ticket)


async def run_streaming(work: Callable[[TokenHook], Answer]) -> AsyncIterator[tuple[str, object]]:
    """Run work(on_token) in a thread; yield ("token", text) as tokens come, then ("answer", Answer)
    or ("error", NewsdeskError)."""
    loop = asyncio.get_running_loop()
    queue: asyncio.Queue = asyncio.Queue()

    def on_token(token: str) -> None:
        loop.call_soon_threadsafe(queue.put_nowait, ("token", token))

    def run() -> None:
        try:
            result: tuple[str, object] = ("answer", work(on_token))
        except NewsdeskError as exc:
            result = ("error", exc)
        loop.call_soon_threadsafe(queue.put_nowait, result)
        loop.call_soon_threadsafe(queue.put_nowait, DONE)

    task = loop.run_in_executor(None, run)
    while (item := await queue.get()) is not DONE:
        yield item
    await task
