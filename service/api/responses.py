"""What each route may answer besides success, declared in the OpenAPI schema: one shape for every error,
FastAPI's own ({"detail": "message"}; for a 422, {"detail": [{"loc", "msg", "type"}…]})."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict

from ..articles import SAFE_ID

# Request bodies are read strictly: `"stream": 0` or `"k": "5"` is a 422, as the schema's types say.
STRICT = ConfigDict(strict=True)


class Problem(BaseModel):
    detail: str


WHY = {
    400: "The body is not valid JSON, or the Host header is not a trusted host (NEWSDESK_TRUSTED_HOSTS).",
    401: "The API key is missing or wrong (NEWSDESK_API_KEY, sent as `Authorization: Bearer <key>`).",
    404: "No document (or job) with this id.",
    409: "The id is taken: replace the document with PUT /documents/{id}.",
    413: "The request body is over NEWSDESK_MAX_REQUEST_BYTES.",
    429: "The chat model is busy: retry after the seconds in the Retry-After header.",
    503: "The chat model or the store cannot be reached (search keeps working while the model is down).",
}
RETRY_AFTER = {"Retry-After": {"description": "Seconds to wait.", "schema": {"type": "integer"}}}

# Text that must hold something besides spaces and no NUL character (as the file indexer requires).
NOT_BLANK = r"^[^\x00]*[^\s\x00][^\x00]*$"
DOCUMENT_ID = SAFE_ID.pattern


def problems(*statuses: int) -> dict[int | str, dict]:
    """The `responses=` of a route or router that may answer these statuses."""
    declared: dict[int | str, dict] = {}
    for status in statuses:
        declared[status] = {"model": Problem, "description": WHY[status]}
        if status == 429:
            declared[status]["headers"] = RETRY_AFTER
    return declared


EVERY_ROUTE = problems(400, 401, 503)  # an untrusted Host; the key with scope `all`; the store down
WITH_BODY = problems(413)
USES_MODEL = problems(429)
