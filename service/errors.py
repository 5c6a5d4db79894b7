"""The one exception tree. Each class declares its HTTP status and CLI exit code; the API and the CLI
read them from here (`http_status`, `exit_code`) and nowhere else.

NewsdeskError                                                                          status / exit
├── InvalidInput            bad user input (empty or over-long question, unsafe id)       422 / 2
├── NotFound                an unknown document or job                                    404 / 1
├── Conflict                a new document with the id of an existing one                 409 / 1
├── RequestTooLarge         a request body over the limit (before it is parsed)           413 / 1
├── Unauthorized            a protected endpoint without the right API key                401 / 1
├── Busy                    the chat model's queue is full or the wait ran out            429 / 1
├── Cancelled               the client has gone; the request's model call stopped         499 / 1
├── UnreadableDocument      not UTF-8, empty, binary or too long: reported, skipped       422 / 1
├── StoreError              the Chroma store cannot be opened or written                  503 / 1
├── EmbeddingError          the embedding model cannot be loaded                          503 / 1
├── PromptError             a prompt file is missing or a placeholder has no value        500 / 1
├── GroundingError          a citation does not match its article (a bug, never shown)    500 / 1
├── LanguageModelMissing    the spaCy English pipeline is not installed                   503 / 1
└── LLMUnavailable          the chat model cannot be loaded or reached                    503 / 2
"""

from __future__ import annotations


class NewsdeskError(Exception):
    """Base of every error newsdesk raises on purpose."""

    status: int = 500
    exit_code: int = 1


class InvalidInput(NewsdeskError):
    status, exit_code = 422, 2


class NotFound(NewsdeskError):
    status, exit_code = 404, 1


class Conflict(NewsdeskError):
    status, exit_code = 409, 1


class RequestTooLarge(NewsdeskError):
    status, exit_code = 413, 1


class Unauthorized(NewsdeskError):
    status, exit_code = 401, 1


class Busy(NewsdeskError):
    """Answered 429 with a Retry-After header (seconds)."""

    status, exit_code = 429, 1

    def __init__(self, message: str, retry_after: int):
        super().__init__(message)
        self.retry_after = retry_after


class Cancelled(NewsdeskError):
    """Its client has gone, so nobody reads the answer (499: nginx's "client closed request")."""

    status, exit_code = 499, 1


class UnreadableDocument(NewsdeskError):
    status, exit_code = 422, 1

    def __init__(self, name: str, reason: str):
        super().__init__(f"{name}: {reason}")
        self.name = name
        self.reason = reason


class StoreError(NewsdeskError):
    status, exit_code = 503, 1


class EmbeddingError(NewsdeskError):
    status, exit_code = 503, 1


class PromptError(NewsdeskError):
    status, exit_code = 500, 1


class GroundingError(NewsdeskError):
    """A citation does not match its article: a bug, never shown as an answer."""

    status, exit_code = 500, 1


class LanguageModelMissing(NewsdeskError):
    """The spaCy English pipeline the claims layer parses with is not installed."""

    status, exit_code = 503, 1


class LLMUnavailable(NewsdeskError):
    status, exit_code = 503, 2


def http_status(exc: Exception) -> int:
    """The HTTP status for any exception: a NewsdeskError's own, else 500."""
    return exc.status if isinstance(exc, NewsdeskError) else 500
