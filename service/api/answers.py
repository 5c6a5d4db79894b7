"""Questions: a cited answer, the same streamed as Server-Sent Events, and the corpus's disagreements."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from typing import Annotated

from fastapi import APIRouter, Query
from fastapi.sse import EventSourceResponse
from pydantic import BaseModel, Field

from ..llm import TokenHook
from ..models import Answer, Disagreement
from ..text import check_query
from .deps import DeskDep
from .sse import event_stream, run_streaming, sse

router = APIRouter()


class Question(BaseModel):
    question: str = Field(
        description="A question about the articles.", examples=["How many troops were deployed?"]
    )
    k: int | None = Field(None, ge=1, le=20, description="Chunks to retrieve (default 6).")


@router.post("/ask")
def ask(body: Question, d: DeskDep) -> Answer:
    """A cited answer. 503 when the chat model is down; /search keeps working."""
    return d.ask(body.question, body.k)


@router.post("/ask/stream", responses={200: {"content": {"text/event-stream": {}}}})
async def ask_stream(body: Question, d: DeskDep) -> EventSourceResponse:
    """Server-Sent Events: `token` (the model's draft, as it is written), then `citations`,
    `disagreements` and `done` with the verified answer; or one `error` event."""
    question = check_query(body.question, d.settings.max_query_chars)  # a bad question is still a 422
    return event_stream(ask_events(lambda on_token: d.ask(question, body.k, on_token)))


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


@router.get("/disagreements")
def disagreements(
    d: DeskDep,
    assertions: Annotated[bool, Query(description="Also contradicting statements (uses the model).")] = True,
) -> dict[str, list[Disagreement]]:
    """Every figure on which the documents disagree, each with every source's value and quote."""
    return {"disagreements": d.disagreements(assertions=assertions)}
