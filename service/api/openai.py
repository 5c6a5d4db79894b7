"""The OpenAI-compatible chat-completions endpoint: the last user message is the question, earlier turns
the history; sources come back as Markdown footnotes in the content and, structured, in the extra
`newsdesk` field. Streaming sends the answer once it has passed verification, in pieces, so what a
client assembles is exactly the non-streaming content."""

from __future__ import annotations

import re
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
from .responses import NOT_BLANK, USES_MODEL, WITH_BODY
from .slots import take_slot, while_client_waits
from .sse import event_stream, sse

router = APIRouter()


class ChatMessage(BaseModel):
    model_config = ConfigDict(extra="allow", strict=True)
    role: Literal["system", "user", "assistant", "tool", "developer"]
    content: str | list | None = None


# The schema states what the route needs: at least one user message with text (JSON Schema cannot say
# "the last one"; the route takes the last user message that has text).
TEXT = {"type": "string", "pattern": NOT_BLANK}
A_QUESTION = {
    "contains": {
        "type": "object",
        "required": ["role", "content"],
        "properties": {
            "role": {"const": "user"},
            "content": {
                "anyOf": [
                    TEXT,
                    {
                        "type": "array",
                        "contains": {"type": "object", "required": ["text"], "properties": {"text": TEXT}},
                    },
                ]
            },
        },
    }
}


class ChatRequest(BaseModel):
    model_config = ConfigDict(extra="allow", strict=True)  # temperature, max_tokens… are ignored
    model: str = "newsdesk"
    messages: list[ChatMessage] = Field(
        min_length=1,
        json_schema_extra=A_QUESTION,
        description="The last user message with text is the question; user/assistant pairs before it the "
        "history; system, tool and developer messages are ignored.",
    )
    stream: bool = False


def text_of(message: ChatMessage) -> str:
    """The message's text: its content, or its text parts joined (parts without text are skipped)."""
    if isinstance(message.content, list):
        texts = [part.get("text") for part in message.content if isinstance(part, dict)]
        return " ".join(t for t in texts if isinstance(t, str) and has_text(t))
    return message.content or ""


def has_text(text: str) -> bool:
    return re.fullmatch(NOT_BLANK, text) is not None


def question_and_history(request: ChatRequest) -> tuple[str, list[Turn]]:
    """The last user message with text is the question; user/assistant pairs before it are the history."""
    turns = [(m.role, text_of(m)) for m in request.messages if m.role in ("user", "assistant")]
    asked = [i for i, (role, text) in enumerate(turns) if role == "user" and has_text(text)]
    if not asked:
        raise InvalidInput("no user message with text: the last one is the question")
    before = turns[: asked[-1]]
    history = [
        Turn(question=text, answer=before[i + 1][1])
        for i, (role, text) in enumerate(before[:-1])
        if role == "user" and before[i + 1][0] == "assistant"
    ]
    return turns[asked[-1]][1], history


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


@router.post(
    "/v1/chat/completions",
    responses={200: {"content": {"text/event-stream": {}}}} | USES_MODEL | WITH_BODY,
)
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
