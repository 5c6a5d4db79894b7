"""Documents and search: list, read, add, replace; hybrid search."""

from __future__ import annotations

import logging
import time
from typing import Annotated

from fastapi import APIRouter, Path, Query
from pydantic import BaseModel, Field

from ..articles import GIVEN_TITLE_MAX, ID_MAX, SAFE_ID
from ..models import Article, DocumentInfo, ProgressHook, SearchResult
from ..settings import MAX_QUERY_CHARS
from .deps import WRITER, DeskDep
from .responses import DOCUMENT_ID, NOT_BLANK, STRICT, WITH_BODY, problems

DocumentId = Annotated[str, Path(pattern=DOCUMENT_ID, max_length=ID_MAX, description="A document id.")]

router = APIRouter()
log = logging.getLogger("newsdesk")


class DocumentText(BaseModel):
    model_config = STRICT
    text: str = Field(
        pattern=NOT_BLANK,
        description="The article text, exactly as it should be quoted (not blank, no NUL character).",
    )
    title: str | None = Field(
        None,
        max_length=GIVEN_TITLE_MAX,
        description="Default: the headline line, else the first sentence. Control characters become spaces.",
    )


class NewDocument(DocumentText):
    id: str | None = Field(
        None,
        pattern=SAFE_ID.pattern,
        max_length=ID_MAX,
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


@router.get("/documents/{doc_id}", responses=problems(404))
def get_document(doc_id: DocumentId, d: DeskDep) -> Article:
    return d.document(doc_id)


@router.post("/documents", status_code=201, dependencies=WRITER, responses=problems(409) | WITH_BODY)
def add_document(body: NewDocument, d: DeskDep) -> AddedDocument:
    progress = logged_progress(body.id or "(automatic id)")
    article, chunks = d.add_document(body.text, doc_id=body.id, title=body.title, progress=progress)
    return AddedDocument(document=DocumentInfo(**article.model_dump(exclude={"text"})), chunks=chunks)


@router.put("/documents/{doc_id}", dependencies=WRITER, responses=WITH_BODY)
def replace_document(doc_id: DocumentId, body: DocumentText, d: DeskDep) -> AddedDocument:
    """Add the document, or replace the one with this id (its chunks and claims re-indexed)."""
    progress = logged_progress(doc_id)
    article, chunks = d.add_document(
        body.text, doc_id=doc_id, title=body.title, replace=True, progress=progress
    )
    return AddedDocument(document=DocumentInfo(**article.model_dump(exclude={"text"})), chunks=chunks)


def logged_progress(doc_id: str, every: float = 5.0) -> ProgressHook:
    """A long document's embedding progress in the server's log, every `every` seconds (a short one
    is done before the first line)."""
    done, last = 0, time.monotonic()

    def hook(advance: int, total: int) -> None:
        nonlocal done, last
        done += advance
        if time.monotonic() - last >= every:
            log.info("embedding document %s: %s/%s chunks", doc_id, f"{done:,}", f"{total:,}")
            last = time.monotonic()

    return hook


@router.get("/search")
def search(
    d: DeskDep,
    q: Annotated[
        str, Query(pattern=NOT_BLANK, max_length=MAX_QUERY_CHARS, description="The query in plain words.")
    ],
    k: Annotated[int | None, Query(ge=1, le=50, description="Number of results.")] = None,
) -> SearchResponse:
    return SearchResponse(query=q, results=d.search(q, k))
