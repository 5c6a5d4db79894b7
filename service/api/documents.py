"""Documents and search: list, read, add; hybrid search; the service's health."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query
from pydantic import BaseModel, Field

from ..models import Article, DocumentInfo, SearchResult
from .deps import DeskDep

router = APIRouter()


class NewDocument(BaseModel):
    text: str = Field(description="The article text, exactly as it should be quoted.")
    id: str | None = Field(None, description="Document id (a safe file stem); default: doc_<sha256 prefix>.")
    title: str | None = Field(None, description="Default: the headline line, else the first sentence.")


class AddedDocument(BaseModel):
    document: DocumentInfo
    chunks: int


class SearchResponse(BaseModel):
    query: str
    results: list[SearchResult]


@router.get("/health")
def health(d: DeskDep) -> dict:
    return d.health()


@router.get("/documents")
def list_documents(d: DeskDep) -> dict[str, list[DocumentInfo]]:
    return {"documents": d.documents()}


@router.get("/documents/{doc_id}")
def get_document(doc_id: str, d: DeskDep) -> Article:
    return d.document(doc_id)


@router.post("/documents", status_code=201)
def add_document(body: NewDocument, d: DeskDep) -> AddedDocument:
    article, chunks = d.add_document(body.text, doc_id=body.id, title=body.title)
    return AddedDocument(document=DocumentInfo(**article.model_dump(exclude={"text"})), chunks=chunks)


@router.get("/search")
def search(
    d: DeskDep,
    q: Annotated[str, Query(description="The query in plain words.")],
    k: Annotated[int | None, Query(ge=1, le=50, description="Number of results.")] = None,
) -> SearchResponse:
    return SearchResponse(query=q, results=d.search(q, k))
