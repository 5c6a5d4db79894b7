"""Documents and search: list, read, add, replace; hybrid search."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query
from pydantic import BaseModel, Field

from ..articles import GIVEN_TITLE_MAX, SAFE_ID
from ..models import Article, DocumentInfo, SearchResult
from .deps import UNAUTHORIZED, WRITER, DeskDep

router = APIRouter()


class DocumentText(BaseModel):
    text: str = Field(min_length=1, description="The article text, exactly as it should be quoted.")
    title: str | None = Field(
        None,
        max_length=GIVEN_TITLE_MAX,
        description="Default: the headline line, else the first sentence. Control characters become spaces.",
    )


class NewDocument(DocumentText):
    id: str | None = Field(
        None,
        pattern=SAFE_ID.pattern,
        description="Document id (letters, digits, '.', '_', '-'; at most 128); default: "
        "doc_<sha256 prefix>. An id already taken is a 409: replace with PUT /documents/{id}.",
    )


class AddedDocument(BaseModel):
    document: DocumentInfo
    chunks: int


class SearchResponse(BaseModel):
    query: str
    results: list[SearchResult]


@router.get("/documents")
def list_documents(d: DeskDep) -> dict[str, list[DocumentInfo]]:
    return {"documents": d.documents()}


@router.get("/documents/{doc_id}")
def get_document(doc_id: str, d: DeskDep) -> Article:
    return d.document(doc_id)


@router.post(
    "/documents",
    status_code=201,
    dependencies=WRITER,
    responses={409: {"description": "The id is taken."}, **UNAUTHORIZED},
)
def add_document(body: NewDocument, d: DeskDep) -> AddedDocument:
    article, chunks = d.add_document(body.text, doc_id=body.id, title=body.title)
    return AddedDocument(document=DocumentInfo(**article.model_dump(exclude={"text"})), chunks=chunks)


@router.put("/documents/{doc_id}", dependencies=WRITER, responses=UNAUTHORIZED)
def replace_document(doc_id: str, body: DocumentText, d: DeskDep) -> AddedDocument:
    """Add the document, or replace the one with this id (its chunks and claims re-indexed)."""
    article, chunks = d.add_document(body.text, doc_id=doc_id, title=body.title, replace=True)
    return AddedDocument(document=DocumentInfo(**article.model_dump(exclude={"text"})), chunks=chunks)


@router.get("/search")
def search(
    d: DeskDep,
    q: Annotated[str, Query(description="The query in plain words.")],
    k: Annotated[int | None, Query(ge=1, le=50, description="Number of results.")] = None,
) -> SearchResponse:
    return SearchResponse(query=q, results=d.search(q, k))
