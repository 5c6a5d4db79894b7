"""The request body limit: a body over `max_request_bytes` is answered 413 before it is parsed, whether
it declares its length (Content-Length) or streams in chunks (counted as it arrives, reading stops)."""

from __future__ import annotations

import contextlib
import json

from ..errors import RequestTooLarge


class BodyLimit:
    """Pure ASGI middleware (no buffering): the app reads the body through a counting `receive`."""

    def __init__(self, app, limit: int):
        self.app, self.limit = app, limit

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        declared = dict(scope["headers"]).get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > self.limit:
            return await self.refuse(send)
        received, over = 0, False

        async def counting_receive():
            nonlocal received, over
            message = await receive()
            received += len(message.get("body", b""))
            if received > self.limit:
                over = True  # the app sees a failed read; its answer (a 400) is replaced by the 413
                raise RequestTooLarge(self.message())
            return message

        async def unless_over(message):
            if not over:
                await send(message)

        with contextlib.suppress(RequestTooLarge):
            await self.app(scope, counting_receive, unless_over)
        if over:
            await self.refuse(send)

    def message(self) -> str:
        return f"the request body is over the limit of {self.limit:,} bytes (NEWSDESK_MAX_REQUEST_BYTES)"

    async def refuse(self, send) -> None:
        body = json.dumps({"detail": self.message()}).encode()
        headers = [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]
        await send({"type": "http.response.start", "status": RequestTooLarge.status, "headers": headers})
        await send({"type": "http.response.body", "body": body})
