"""A fake OpenAI-compatible chat server that is slow and fails on purpose (tests and bench/ use it).

Every reply is the first three numbered lines of the last user message, verbatim (a summary the support
checks accept). `delay` seconds per request; `rate_limit_every` answers every Nth request 429 with
`Retry-After`; `fail_every` answers every Nth request 500. It runs requests in parallel (like vLLM), and
records each one: when it came, how it was answered, and its prompt.

    python -m tests.fake_openai --port 8081 --delay 1.0     # by hand, for a benchmark or a demo
"""

from __future__ import annotations

import argparse
import asyncio
import json
import re
import threading
import time
from dataclasses import dataclass, field

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse, Response, StreamingResponse


@dataclass
class Call:
    at: float
    status: int
    prompt: str  # the last user message


@dataclass
class FakeOpenAI:
    delay: float = 0.0
    rate_limit_every: int = 0
    fail_every: int = 0
    retry_after: int = 1
    calls: list[Call] = field(default_factory=list)
    in_flight: int = 0
    most_in_flight: int = 0
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def app(self) -> FastAPI:
        app = FastAPI()
        app.post("/v1/chat/completions")(self.chat)
        app.get("/v1/models")(lambda: {"object": "list", "data": [{"id": "fake", "object": "model"}]})
        return app

    async def chat(self, request: Request) -> Response:
        body = await request.json()
        prompt = next((m["content"] for m in reversed(body["messages"]) if m["role"] == "user"), "")
        lines = [row for row in prompt.splitlines() if re.match(r"\[\d+\] ", row)]
        with self._lock:
            n = len(self.calls) + 1
            status = self._status(n)
            self.calls.append(Call(time.time(), status, prompt))
            self.in_flight += 1
            self.most_in_flight = max(self.most_in_flight, self.in_flight)
        try:
            await asyncio.sleep(self.delay)
        finally:
            with self._lock:
                self.in_flight -= 1
        if status == 429:
            detail = {"error": {"message": "slow down", "type": "rate_limit"}}
            return JSONResponse(detail, 429, headers={"Retry-After": str(self.retry_after)})
        if status == 500:
            return JSONResponse({"error": {"message": "overloaded", "type": "server_error"}}, 500)
        text = "\n".join(lines[:3])
        if body.get("stream"):
            return StreamingResponse(stream(text), media_type="text/event-stream")
        return JSONResponse(completion(text))

    def _status(self, n: int) -> int:
        if self.rate_limit_every and n % self.rate_limit_every == 0:
            return 429
        if self.fail_every and n % self.fail_every == 0:
            return 500
        return 200


def completion(text: str) -> dict:
    message = {"role": "assistant", "content": text}
    return {
        "id": "fake",
        "object": "chat.completion",
        "created": 0,
        "model": "fake",
        "choices": [{"index": 0, "message": message, "finish_reason": "stop"}],
        "usage": {"prompt_tokens": 1, "completion_tokens": 1, "total_tokens": 2},
    }


async def stream(text: str):
    for piece in re.findall(r"\S+\s*|\s+", text) or [""]:
        chunk = {
            "id": "fake",
            "object": "chat.completion.chunk",
            "created": 0,
            "model": "fake",
            "choices": [{"index": 0, "delta": {"content": piece}, "finish_reason": None}],
        }
        yield f"data: {json.dumps(chunk)}\n\n"
    end = {"id": "fake", "object": "chat.completion.chunk", "created": 0, "model": "fake"}
    end["choices"] = [{"index": 0, "delta": {}, "finish_reason": "stop"}]
    yield f"data: {json.dumps(end)}\n\ndata: [DONE]\n\n"


def main() -> None:
    import uvicorn

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=8081)
    parser.add_argument("--delay", type=float, default=0.0)
    parser.add_argument("--rate-limit-every", type=int, default=0)
    parser.add_argument("--fail-every", type=int, default=0)
    args = parser.parse_args()
    fake = FakeOpenAI(args.delay, args.rate_limit_every, args.fail_every)
    uvicorn.run(fake.app(), host="127.0.0.1", port=args.port, log_level="warning")


if __name__ == "__main__":
    main()
