"""The HTTP API: thin routes around the Desk; errors from errors.py are mapped to status codes here."""

from __future__ import annotations

import json
from functools import partial
from typing import Annotated

from fastapi import Depends, FastAPI, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse, StreamingResponse
from pydantic import BaseModel, Field

from .desk import Desk
from .errors import (
    EmbeddingError,
    InvalidInput,
    LLMUnavailable,
    NewsdeskError,
    NotFound,
    StoreError,
    UnreadableDocument,
)
from .models import Answer, Article, Disagreement, DocumentInfo, SearchResult, Summary
from .retrieve import check_query
from .settings import Settings, get_settings
from .streaming import ChatRequest, ask_events, completion, completion_chunks, question_and_history
from .summaries import SummaryJob

STATUS = {
    InvalidInput: 422, UnreadableDocument: 422, NotFound: 404,
    LLMUnavailable: 503, StoreError: 503, EmbeddingError: 503,
}  # fmt: skip


class NewDocument(BaseModel):
    text: str = Field(description="The article text, exactly as it should be quoted.")
    id: str | None = Field(None, description="Document id (a safe file stem); default: doc_<sha256 prefix>.")
    title: str | None = Field(None, description="Default: the headline line, else the first sentence.")


class Question(BaseModel):
    question: str = Field(
        description="A question about the articles.", examples=["How many sappers went to Kursk?"]
    )
    k: int | None = Field(None, ge=1, le=20, description="Chunks to retrieve (default 6).")


class SummaryRequest(BaseModel):
    doc_ids: list[str] | None = Field(
        None, description="Documents to summarize; omitted or null means every document."
    )


class AddedDocument(BaseModel):
    document: DocumentInfo
    chunks: int


class SearchResponse(BaseModel):
    query: str
    results: list[SearchResult]


def status_of(exc: Exception) -> int:
    return next((status for kind, status in STATUS.items() if isinstance(exc, kind)), 500)


def desk(request: Request) -> Desk:
    return request.app.state.desk


DeskDep = Annotated[Desk, Depends(desk)]


async def openai_stream(work, model: str):
    """Chunks as OpenAI sends them: the answer is verified first, then sent in pieces; then [DONE]."""
    chunks = None
    try:
        answer = await run_in_threadpool(work)
        chunks = completion_chunks(answer, model)
    except NewsdeskError as exc:
        yield f"data: {json.dumps({'error': {'message': str(exc), 'code': status_of(exc)}})}\n\n"
    for chunk in chunks or []:
        yield f"data: {json.dumps(chunk, ensure_ascii=False)}\n\n"
    yield "data: [DONE]\n\n"


def create_app(settings: Settings | None = None) -> FastAPI:
    app = FastAPI(
        title="newsdesk",
        description="Grounded, cited answers over news articles, with disagreements between sources.",
        version="0.1.0",
    )
    app.state.desk = Desk(settings or get_settings())

    @app.exception_handler(NewsdeskError)
    async def newsdesk_error(_: Request, exc: NewsdeskError) -> JSONResponse:
        return JSONResponse({"detail": str(exc)}, status_code=status_of(exc))

    @app.get("/health")
    def health(d: DeskDep) -> dict:
        return d.health()

    @app.get("/documents")
    def list_documents(d: DeskDep) -> dict[str, list[DocumentInfo]]:
        return {"documents": d.documents()}

    @app.get("/documents/{doc_id}")
    def get_document(doc_id: str, d: DeskDep) -> Article:
        return d.document(doc_id)

    @app.post("/documents", status_code=201)
    def add_document(body: NewDocument, d: DeskDep) -> AddedDocument:
        article, chunks = d.add_document(body.text, doc_id=body.id, title=body.title)
        return AddedDocument(document=DocumentInfo(**article.model_dump(exclude={"text"})), chunks=chunks)

    @app.get("/search")
    def search(
        d: DeskDep,
        q: Annotated[str, Query(description="The query in plain words.")],
        k: Annotated[int | None, Query(ge=1, le=50, description="Number of results.")] = None,
    ) -> SearchResponse:
        return SearchResponse(query=q, results=d.search(q, k))

    @app.post("/ask")
    def ask(body: Question, d: DeskDep) -> Answer:
        """A cited answer. 503 when the chat model is down; /search keeps working."""
        return d.ask(body.question, body.k)

    @app.post("/ask/stream", response_class=StreamingResponse)
    async def ask_stream(body: Question, d: DeskDep) -> StreamingResponse:
        """Server-Sent Events: `token` (the model's draft, as it is written), then `citations`,
        `disagreements` and `done` with the verified answer; or one `error` event."""
        question = check_query(body.question, d.settings.max_query_chars)  # a bad question is still a 422
        events = ask_events(lambda on_token: d.ask(question, body.k, on_token), status_of)
        return StreamingResponse(events, media_type="text/event-stream")

    @app.post("/v1/chat/completions")
    async def chat_completions(body: ChatRequest, d: DeskDep):
        """OpenAI-compatible: the last user message is the question, earlier turns the history. Sources
        come back as Markdown footnotes in the content and, structured, in the extra `newsdesk` field."""
        question, history = question_and_history(body)
        work = partial(d.ask_followup, question, history)
        if not body.stream:
            return completion(await run_in_threadpool(work), body.model)
        return StreamingResponse(openai_stream(work, body.model), media_type="text/event-stream")

    @app.post("/summaries", status_code=202)
    def start_summaries(d: DeskDep, body: SummaryRequest | None = None) -> SummaryJob:
        """Start summarizing in the background; poll GET /summaries/{job_id}. Articles already summarized
        (same text) are skipped. An unknown document is a 404 here, before anything starts."""
        return d.start_summaries(body.doc_ids if body else None)

    @app.get("/summaries/{job_id}")
    def summary_job(job_id: str, d: DeskDep) -> SummaryJob:
        """status queued / running / done / failed, with a result per finished article."""
        return d.summary_job(job_id)

    @app.get("/documents/{doc_id}/summary")
    def document_summary(doc_id: str, d: DeskDep) -> Summary:
        """The stored summary while it matches the document's text; else one is made now (up to a minute
        on 2 CPU cores) and stored. 503 when the chat model is down."""
        return d.summary(doc_id)

    @app.get("/disagreements")
    def disagreements(
        d: DeskDep,
        assertions: Annotated[
            bool, Query(description="Also contradicting statements (uses the model).")
        ] = True,
    ) -> dict[str, list[Disagreement]]:
        """Every figure on which the documents disagree, each with every source's value and quote."""
        return {"disagreements": d.disagreements(assertions=assertions)}

    return app
