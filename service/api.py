"""The HTTP API: thin routes around the Desk; errors from errors.py are mapped to status codes here."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, FastAPI, Query, Request
from fastapi.responses import JSONResponse
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
from .models import Answer, Article, Disagreement, DocumentInfo, SearchResult
from .settings import Settings, get_settings

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


class AddedDocument(BaseModel):
    document: DocumentInfo
    chunks: int


class SearchResponse(BaseModel):
    query: str
    results: list[SearchResult]


def desk(request: Request) -> Desk:
    return request.app.state.desk


DeskDep = Annotated[Desk, Depends(desk)]


def create_app(settings: Settings | None = None) -> FastAPI:
    app = FastAPI(
        title="newsdesk",
        description="Grounded, cited answers over news articles, with disagreements between sources.",
        version="0.1.0",
    )
    app.state.desk = Desk(settings or get_settings())

    @app.exception_handler(NewsdeskError)
    async def newsdesk_error(_: Request, exc: NewsdeskError) -> JSONResponse:
        status = next((s for t, s in STATUS.items() if isinstance(exc, t)), 500)
        return JSONResponse({"detail": str(exc)}, status_code=status)

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
