"""Server-Sent Events for /ask/stream, and the OpenAI chat-completions shapes for /v1/chat/completions.

The pipeline is synchronous (the model runs in-process); it runs in a worker thread and hands tokens to
the event loop through a queue, so the server keeps serving other requests while it generates.
"""

from __future__ import annotations

import asyncio
import json
import time
import uuid
from collections.abc import AsyncIterator, Callable
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from .chat import Turn
from .errors import InvalidInput, NewsdeskError
from .llm import TokenHook
from .models import Answer, Citation

DONE = object()


def sse(event: str, data: object) -> str:
    return f"event: {event}\ndata: {json.dumps(data, ensure_ascii=False)}\n\n"


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


async def ask_events(work: Callable[[TokenHook], Answer], status_of: Callable[[Exception], int]):
    """The /ask/stream protocol: `token` events (the model's draft), then `citations`, `disagreements`
    and `done` with the verified answer (the contract object) — or one `error` event."""
    async for kind, value in run_streaming(work):
        if kind == "token":
            yield sse("token", {"text": value})
        elif kind == "error":
            yield sse("error", {"status": status_of(value), "detail": str(value)})
        else:
            yield sse("citations", [c.model_dump() for c in value.citations])
            yield sse("disagreements", [d.model_dump() for d in value.disagreements])
            yield sse("done", value.model_dump())


# --- OpenAI chat completions -----------------------------------------------------------------------


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
    base = {"id": f"chatcmpl-{uuid.uuid4().hex}", "object": "chat.completion.chunk",
            "created": int(time.time()), "model": model}  # fmt: skip
    content = markdown(answer)
    deltas = [{"role": "assistant", "content": ""}] + [
        {"content": content[i : i + piece]} for i in range(0, len(content), piece)
    ]
    chunks = [{**base, "choices": [{"index": 0, "delta": d, "finish_reason": None}]} for d in deltas]
    chunks.append({**base, "choices": [{"index": 0, "delta": {}, "finish_reason": "stop"}],
                   "newsdesk": answer.model_dump()})  # fmt: skip
    return chunks
