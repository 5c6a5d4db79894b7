"""Summaries: background jobs over many articles, and one article's summary."""

from __future__ import annotations

from fastapi import APIRouter
from pydantic import BaseModel, Field

from ..jobs import SummaryJob
from ..models import Summary
from .deps import WRITER, DeskDep
from .documents import DocumentId
from .responses import STRICT, USES_MODEL, WITH_BODY, problems

router = APIRouter()


class SummaryRequest(BaseModel):
    model_config = STRICT
    doc_ids: list[str] | None = Field(
        None, description="Documents to summarize; omitted or null means every document."
    )


@router.post("/summaries", status_code=202, dependencies=WRITER, responses=problems(404) | WITH_BODY)
def start_summaries(d: DeskDep, body: SummaryRequest | None = None) -> SummaryJob:
    """Start summarizing in the background; poll GET /summaries/{job_id}. Articles already summarized
    (same text) are skipped. An unknown document is a 404 here, before anything starts."""
    return d.start_summaries(body.doc_ids if body else None)


@router.get("/summaries/{job_id}", responses=problems(404))
def summary_job(job_id: str, d: DeskDep) -> SummaryJob:
    """status queued / running / done / failed, with a result per finished article."""
    return d.summary_job(job_id)


@router.get("/documents/{doc_id}/summary", responses=problems(404) | USES_MODEL)
def document_summary(doc_id: DocumentId, d: DeskDep) -> Summary:
    """The stored summary while it matches the document's text; else one is made now (up to a minute
    on 2 CPU cores) and stored. 503 when the chat model is down."""
    return d.summary(doc_id)
