"""Questions: a cited answer, the same streamed as Server-Sent Events, and the corpus's disagreements."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.sse import EventSourceResponse
from pydantic import BaseModel, Field

from ..llm import TokenHook
from ..models import Answer, Disagreement
from ..settings import MAX_QUERY_CHARS
from ..text import check_query
from .deps import DeskDep
from .responses import NOT_BLANK, STRICT, USES_MODEL, WITH_BODY
from .slots import take_slot, while_client_waits
from .sse import event_stream, run_streaming, sse

router = APIRouter()


class Question(BaseModel):
    model_config = STRICT
    question: str = Field(
        pattern=NOT_BLANK,
        max_length=MAX_QUERY_CHARS,
        description="A question about the articles.",
        examples=["How many troops were deployed?"],
    )
    k: int | None = Field(None, ge=1, le=20, description="Chunks to retrieve (default 6).")


@router.post("/ask", responses=USES_MODEL | WITH_BODY)
async def ask(body: Question, request: Request, d: DeskDep) -> Answer:
    """A cited answer. 429 with Retry-After when the model is busy; 503 when it is down (/search keeps
    working). A request whose client leaves stops at the model's next token."""
    question = check_query(body.question, d.settings.max_query_chars)
    ticket = await take_slot(d)
    return await while_client_waits(request, ticket, lambda: d.ask(question, body.k, ticket=ticket))


@router.post("/ask/stream", responses={200: {"content": {"text/event-stream": {}}}} | USES_MODEL | WITH_BODY)
async def ask_stream(body: Question, d: DeskDep) -> EventSourceResponse:
    """Server-Sent Events: `token` (the model's draft, as it is written), then `citations`,
    `disagreements` and `done` with the verified answer; or one `error` event."""
    question = check_query(body.question, d.settings.max_query_chars)  # a bad question is still a 422
    ticket = await take_slot(d)  # a busy model is still a 429
    return event_stream(ask_events(lambda on_token: d.ask(question, body.k, on_token, ticket)), ticket)


async def ask_events(work: Callable[[TokenHook], Answer]) -> AsyncIterator[bytes]:
    async for kind, value in run_streaming(work):
        if kind == "token":
            yield sse({"text": value}, "token")
        elif kind == "error":
            yield sse({"status": value.status, "detail": str(value)}, "error")
        else:
            yield sse([c.model_dump() for c in value.citations], "citations")
            yield sse([d.model_dump() for d in value.disagreements], "disagreements")
            yield sse(value.model_dump(), "done")


@router.get("/disagreements", responses=USES_MODEL)
def disagreements(
    d: DeskDep,
    assertions: Annotated[bool, Query(description="Also contradicting statements (uses the model).")] = True,
) -> dict[str, list[Disagreement]]:
    """Every figure on which the documents disagree, each with every source's value and quote."""
    return {"disagreements": d.disagreements(assertions=assertions)}
