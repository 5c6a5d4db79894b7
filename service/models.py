"""Pydantic types shared by every stage. Offsets are character offsets into Article.text."""

from __future__ import annotations

from collections.abc import Callable
from typing import Literal

from pydantic import BaseModel, Field

ProgressHook = Callable[[int, int], None]  # (items just done, total items): progress bars


class DocumentInfo(BaseModel):
    id: str
    title: str
    published: str | None = Field(None, description="ISO date (YYYY-MM-DD) when the text states one.")
    author: str | None = None
    sha256: str
    chars: int
    source: str | None = Field(None, description="Where the text came from (a path, or 'api').")


class Article(DocumentInfo):
    text: str


class Chunk(BaseModel):
    doc_id: str
    chunk_id: str
    start: int
    end: int
    text: str


class SearchResult(Chunk):
    title: str
    score: float


class Citation(BaseModel):
    """A numbered span of an article: quote == article.text[start:end]."""

    n: int
    doc_id: str
    title: str
    start: int
    end: int
    quote: str


class Passage(Citation):
    """An evidence span shown to the model, with its relevance score."""

    score: float = 0.0


class Claim(BaseModel):
    doc_id: str
    value: str = Field(description="The figure as normalised text: '1,000', '4,000–6,000', '12 million'.")
    quote: str
    start: int
    end: int
    low: float | None = None
    high: float | None = None
    qualifier: str | None = Field(None, description="over / at least / about / as high as / nearly / …")
    counted: str | None = Field(None, description="What is counted: troops, sappers, killed, …")
    attribution: str | None = Field(None, description="Who says so, when the sentence says.")
    title: str | None = None


class Disagreement(BaseModel):
    topic: str
    kind: Literal["numeric", "assertion"]
    claims: list[Claim]


class Answer(BaseModel):
    question: str
    answer: str
    abstained: bool
    citations: list[Citation]
    disagreements: list[Disagreement] = []
    model: str
    timings_ms: dict[str, int] = {}


class Summary(BaseModel):
    doc_id: str
    title: str
    summary: str
    citations: list[Citation]
    verified: bool
    unsupported_numbers: list[str] = []
    problems: list[str] = Field([], description="Why the summary is not verified (empty when it is).")
    model: str
    seconds: float
    sha256: str


class SkippedFile(BaseModel):
    path: str
    reason: str


class IndexReport(BaseModel):
    documents: int
    chunks: int
    added: int
    updated: int
    unchanged: int
    removed: int
    skipped: list[SkippedFile]
    seconds: float
