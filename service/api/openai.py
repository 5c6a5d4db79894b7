"""The OpenAI-compatible chat-completions endpoint: the last user message is the question, earlier turns
the history; sources come back as Markdown footnotes in the content and, structured, in the extra
`newsdesk` field. Streaming sends the answer once it has passed verification, in pieces, so what a
client assembles is exactly the non-streaming content."""

from __future__ import annotations

import time
import uuid
from collections.abc import AsyncIterator, Callable
from functools import partial
from typing import Literal

from fastapi import APIRouter, Request
from fastapi.concurrency import run_in_threadpool
from pydantic import BaseModel, ConfigDict, Field

from ..chat import Turn
from ..errors import InvalidInput, NewsdeskError
from ..models import Answer, Citation
from ..text import check_query
from .deps import DeskDep
from .slots import BUSY, take_slot, while_client_waits
from .sse import event_stream, sse

router = APIRouter()


class ChatMessage(BaseModel):
    model_config = ConfigDict(extra="allow")
    role: Literal["system", "user", "assistant", "tool", "developer"]
    content: str | list | None = None


class ChatRequest(BaseModel):
    model_config = ConfigDict(extra="allow")  # temperature, max_tokens, … are accepted and ignored
    model: str = "newsdesk"
    messages: list[ChatMessage] = Field(min_length=1)
    stream: bool = False


def text_of(message: ChatMessage) -> str:
    if isinstance(message.content, list):  # content parts: keep the text ones
        return " ".join(part.get("text", "") for part in message.content if isinstance(part, dict))
    return message.content or ""


def question_and_history(request: ChatRequest) -> tuple[str, list[Turn]]:
    """The last user message is the question; earlier user/assistant pairs are the history."""
    turns = [(m.role, text_of(m)) for m in request.messages if m.role in ("user", "assistant")]
    if not turns or turns[-1][0] != "user" or not turns[-1][1].strip():
        raise InvalidInput("the last message must be a non-empty user message")
    history = [
        Turn(question=text, answer=turns[i + 1][1])
        for i, (role, text) in enumerate(turns[:-1])
        if role == "user" and i + 1 < len(turns) - 1 and turns[i + 1][0] == "assistant"
    ]
    return turns[-1][1], history


def markdown(answer: Answer) -> str:
    """The answer with its sources as Markdown footnotes and the disagreements as a list."""
    parts = [answer.answer]
    if answer.citations:
        parts.append("\n".join(footnote(c) for c in answer.citations))
    for disagreement in answer.disagreements:
        lines = [f"**Sources differ on {disagreement.topic}:**"]
        for claim in disagreement.claims:
            value = f"{claim.qualifier} {claim.value}" if claim.qualifier else claim.value
            who = f"{claim.attribution}, " if claim.attribution else ""
            lines.append(f"- {value} ({who}{claim.doc_id})")
        parts.append("\n".join(lines))
    return "\n\n".join(parts)


def footnote(citation: Citation) -> str:
    where = f"{citation.doc_id}, characters {citation.start}–{citation.end}"
    return f"[{citation.n}]: {citation.title} ({where}) — “{' '.join(citation.quote.split())}”"


def completion(answer: Answer, model: str) -> dict:
    return {
        "id": f"chatcmpl-{uuid.uuid4().hex}",
        "object": "chat.completion",
        "created": int(time.time()),
        "model": model,
        "choices": [
            {
                "index": 0,
                "message": {"role": "assistant", "content": markdown(answer)},
                "finish_reason": "stop",
            }
        ],
        "usage": {"prompt_tokens": 0, "completion_tokens": 0, "total_tokens": 0},
        "newsdesk": answer.model_dump(),
    }


def completion_chunks(answer: Answer, model: str, piece: int = 24) -> list[dict]:
    """The verified answer as chat.completion.chunk objects (sent once verification has passed, so what a
    client assembles is exactly what the non-streaming endpoint returns)."""
    base = {
        "id": f"chatcmpl-{uuid.uuid4().hex}",
        "object": "chat.completion.chunk",
        "created": int(time.time()),
        "model": model,
    }
    content = markdown(answer)
    deltas = [{"role": "assistant", "content": ""}] + [
        {"content": content[i : i + piece]} for i in range(0, len(content), piece)
    ]
    chunks = [{**base, "choices": [{"index": 0, "delta": d, "finish_reason": None}]} for d in deltas]
    chunks.append(
        {
            **base,
            "choices": [{"index": 0, "delta": {}, "finish_reason": "stop"}],
            "newsdesk": answer.model_dump(),
        }
    )
    return chunks


@router.post("/v1/chat/completions", responses=BUSY)
async def chat_completions(body: ChatRequest, request: Request, d: DeskDep):
    """OpenAI-compatible: the last user message is the question, earlier turns the history. Sources
    come back as Markdown footnotes in the content and, structured, in the extra `newsdesk` field."""
    question, history = question_and_history(body)
    question = check_query(question, d.settings.max_query_chars)
    ticket = await take_slot(d)
    work = partial(d.ask_followup, question, history, ticket=ticket)
    if not body.stream:
        return completion(await while_client_waits(request, ticket, work), body.model)
    return event_stream(completion_stream(work, body.model), ticket)


async def completion_stream(work: Callable[[], Answer], model: str) -> AsyncIterator[bytes]:
    """Chunks as OpenAI sends them: the answer is verified first, then sent in pieces; then [DONE]."""
    try:
        answer = await run_in_threadpool(work)
    except NewsdeskError as exc:
        yield sse({"error": {"message": str(exc), "code": exc.status}})
    else:
        for chunk in completion_chunks(answer, model):
            yield sse(chunk)
    yield sse("[DONE]")
