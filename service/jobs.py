"""Summary jobs kept in the store: any API worker answers for any job, and a job a stopped (or killed)
server was running is picked up again by the next worker that runs, skipping the articles already done.

Each process runs one worker thread. A job is a record in the store (status queued → running → done |
failed, results as they finish); a worker takes the oldest queued job, or a running one whose worker is
gone, under a lease (service/leases.py), so two workers never run one job. The record is saved at most
every SAVE_EVERY seconds while a job runs (the summaries themselves are stored as each finishes), and
when it ends. The last KEEP finished jobs are kept.
"""

from __future__ import annotations

import json
import logging
import threading
import time
import uuid
from collections.abc import Callable
from typing import Literal

from pydantic import BaseModel, Field

from .bulk_summaries import SummaryReport, SummaryResult
from .errors import NotFound, StoreError
from .leases import Leases
from .models import ProgressHook
from .store import Store

UNFINISHED = ("queued", "running")
log = logging.getLogger("newsdesk")


class SummaryJob(BaseModel):
    id: str
    status: Literal["queued", "running", "done", "failed"]
    doc_ids: list[str] | None = Field(description="The documents asked for; null means all.")
    total: int | None = Field(None, description="Articles to summarize (known once the job runs).")
    finished: int = Field(0, description="Articles finished so far (written, skipped or failed).")
    attempts: int = Field(
        0, description="Times a worker started the job; more than 1: resumed after a worker stopped."
    )
    results: list[SummaryResult] = []
    error: str | None = Field(None, description="Why the job failed (e.g. the chat model is down).")
    created: float = Field(default_factory=time.time, description="When it was asked for (Unix time).")


JobRunner = Callable[[list[str] | None, ProgressHook, Callable[[SummaryResult], None]], SummaryReport]


class SummaryJobs:
    KEEP = 100
    SAVE_EVERY = 1.0

    def __init__(self, store: Store, run: JobRunner, leases: Leases, poll: float = 2.0):
        """poll: how often an idle worker looks for jobs another worker left unfinished."""
        self.store = store
        self._run = run
        self.leases = leases
        self.poll = poll
        self._wake = threading.Event()
        self._stopping = threading.Event()
        self._worker: threading.Thread | None = None
        self._lock = threading.Lock()

    def start(self, doc_ids: list[str] | None = None) -> SummaryJob:
        job = SummaryJob(id=uuid.uuid4().hex, status="queued", doc_ids=doc_ids)
        self._save(job)
        self._forget_old()
        self.resume()
        self._wake.set()
        return job

    def get(self, job_id: str) -> SummaryJob:
        record = self.store.get_record(job_key(job_id))
        if record is None:
            raise NotFound(f"no summary job {job_id!r}")
        return SummaryJob.model_validate_json(record[0])

    def resume(self) -> None:
        """Start this process's worker (at server start: it picks up what a stopped worker left)."""
        with self._lock:
            if self._worker is None:
                self._stopping.clear()
                self._worker = threading.Thread(target=self._work, name="summary-jobs", daemon=True)
                self._worker.start()

    def shutdown(self) -> None:
        """Take no new job; a running one goes on in its daemon thread until the process ends (another
        worker, or this server's next start, finishes it)."""
        self._stopping.set()
        self._wake.set()

    def _work(self) -> None:
        while not self._stopping.is_set():
            try:
                job = self._claim_next()
            except StoreError as exc:  # the store is down: look again later
                log.warning("summary jobs: %s", exc)
                job = None
            if job is None:
                self._wake.wait(self.poll)
                self._wake.clear()
                continue
            try:
                self._execute(job)
            finally:
                self.leases.release(job_key(job.id))
        with self._lock:
            self._worker = None

    def _claim_next(self) -> SummaryJob | None:
        """The oldest unfinished job no live worker holds, now leased to this one."""
        where = {"$and": [{"kind": "job"}, {"status": {"$in": list(UNFINISHED)}}]}
        open_jobs = self.store.find_records(where, with_values=False)
        for key in sorted(open_jobs, key=lambda key: open_jobs[key][1].get("created", 0)):
            if self.leases.claim(key):
                job = self.get(key.removeprefix("job:"))
                if job.status in UNFINISHED:
                    return job
                self.leases.release(key)
        return None

    def _execute(self, job: SummaryJob) -> None:
        earlier = {r.doc_id: r for r in job.results}  # from a run a stopped worker began
        job.status, job.attempts, job.results, job.error = "running", job.attempts + 1, [], None
        job.total, job.finished = None, 0
        self._save(job)
        last_save = time.monotonic()

        def on_result(result: SummaryResult) -> None:
            nonlocal last_save
            before = earlier.get(result.doc_id)
            if result.status == "skipped" and before is not None and before.status == "written":
                result = before  # written by the earlier run, before its worker stopped
            job.results.append(result)
            job.finished = len(job.results)
            if time.monotonic() - last_save >= self.SAVE_EVERY:
                self._save(job)
                last_save = time.monotonic()

        def progress(_: int, remaining: int) -> None:  # first called with what is left to summarize
            if job.total is None:
                job.total = job.finished + remaining

        try:
            report = self._run(job.doc_ids, progress, on_result)
        except Exception as exc:  # the job records every failure; nobody is waiting for an exception
            job.status, job.error = "failed", f"{type(exc).__name__}: {exc}"
        else:
            job.status, job.results = "done", merged(report.results, job.results)
            job.total, job.finished = len(job.results), len(job.results)
        self._save(job)

    def _save(self, job: SummaryJob) -> None:
        value = json.dumps(job.model_dump(), ensure_ascii=False)
        self.store.put_record(job_key(job.id), value, kind="job", status=job.status, created=job.created)

    def _forget_old(self) -> None:
        where = {"$and": [{"kind": "job"}, {"status": {"$in": ["done", "failed"]}}]}
        finished = self.store.find_records(where, with_values=False)
        oldest = sorted(finished, key=lambda key: finished[key][1].get("created", 0))
        self.store.delete_records(oldest[: max(0, len(finished) - self.KEEP)])


def merged(final: list[SummaryResult], seen: list[SummaryResult]) -> list[SummaryResult]:
    """The report's results (in the order asked), with what this job saw kept where the report says
    only "skipped" (an article written by the job's earlier run)."""
    by_id = {r.doc_id: r for r in seen}
    return [by_id.get(r.doc_id, r) if r.status == "skipped" else r for r in final]


def job_key(job_id: str) -> str:
    return f"job:{job_id}"
