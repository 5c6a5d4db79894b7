"""The one exception tree. Modules raise these; only api.py and cli.py turn them into HTTP/exit codes.

NewsdeskError
├── InvalidInput            bad user input (empty or over-long question, unsafe id)   → 422 / exit 2
├── NotFound                an unknown document or job                                → 404 / exit 1
├── UnreadableDocument      not UTF-8, empty, binary or too long: reported, skipped   → 422 / listed
├── StoreError              the Chroma store cannot be opened or written              → 503 / exit 1
├── EmbeddingError          the embedding model cannot be loaded                      → 503 / exit 1
├── PromptError             a prompt file is missing or a placeholder has no value    → 500 / exit 1
└── LLMUnavailable          the chat model cannot be loaded or reached                → 503 / exit 2
"""

from __future__ import annotations


class NewsdeskError(Exception):
    """Base of every error newsdesk raises on purpose."""


class InvalidInput(NewsdeskError):
    pass


class NotFound(NewsdeskError):
    pass


class UnreadableDocument(NewsdeskError):
    def __init__(self, name: str, reason: str):
        super().__init__(f"{name}: {reason}")
        self.name = name
        self.reason = reason


class StoreError(NewsdeskError):
    pass


class EmbeddingError(NewsdeskError):
    pass


class PromptError(NewsdeskError):
    pass


class LLMUnavailable(NewsdeskError):
    pass
