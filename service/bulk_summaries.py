"""Summaries in bulk, resumable: the JSONL file, runs over many articles, background jobs.

In bulk (summarize_documents)
    Output is JSONL, one Summary per line, each appended by a single unbuffered write and an fsync, under
    a lock (SummaryFile), so a crash loses at most the articles in progress. A torn last line left by a
    crash is cut off before the next append and ignored when reading. An article is skipped when the file
    already holds a summary with its document id and sha256 (the id too: two documents may share a text).
    With concurrency > 1 articles are summarized by a thread pool and the file is in completion order;
    the report lists them in input order. The local model serializes generation (one lock), so
    concurrency helps only with the openai provider against a server that runs requests in parallel.
    Beware: `python -m llama_cpp.server` ends a streaming response early (a normal-looking [DONE]) when
    another request is waiting, unless started with `--interrupt_requests False`.

Jobs (SummaryJobs): an in-process registry for the HTTP API; ids are uuid4 hex, status queued → running →
done | failed, with per-article results as they finish. It lives in one process: behind a load balancer a
job is visible only on the worker that started it.
"""

from __future__ import annotations

import json
import os
import queue
import threading
import time
import uuid
from collections import OrderedDict
from collections.abc import Callable, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from contextlib import AbstractContextManager, nullcontext
from pathlib import Path
from typing import ClassVar, Literal

from pydantic import BaseModel, Field, ValidationError

from .errors import LLMUnavailable, NewsdeskError, NotFound
from .models import Article, DocumentInfo, ProgressHook, Summary
from .summary import Summarizer

# --- the JSONL file ------------------------------------------------------------------------------


class SummaryFile:
    """Summaries as JSONL: appended one line at a time (one write, flush, fsync), read back tolerantly."""

    _locks: ClassVar[dict[tuple[Path, str], threading.Lock]] = {}
    _locks_guard = threading.Lock()

    def __init__(self, path: Path):
        self.path = Path(path)
        self._lock = self._shared_lock("")  # one per file across instances: two runs in a process are safe
        self.ignored_lines = 0

    def _shared_lock(self, name: str) -> threading.Lock:
        with self._locks_guard:
            return self._locks.setdefault((self.path.resolve(), name), threading.Lock())

    def read(self) -> list[Summary]:
        """Every readable summary in file order; a torn or invalid line is counted and ignored."""
        summaries, self.ignored_lines = [], 0
        try:
            raw = self.path.read_bytes()
        except FileNotFoundError:
            return []
        for line in raw.splitlines():
            if line.strip():
                try:
                    summaries.append(Summary.model_validate_json(line))
                except ValidationError:
                    self.ignored_lines += 1
        return summaries

    def done(self) -> dict[tuple[str, str], Summary]:
        """(doc_id, sha256) → its latest summary."""
        return {(s.doc_id, s.sha256): s for s in self.read()}

    def find(self, doc_id: str, sha256: str) -> Summary | None:
        return self.done().get((doc_id, sha256))

    def append(self, summary: Summary) -> None:
        line = (json.dumps(summary.model_dump(), ensure_ascii=False) + "\n").encode("utf-8")
        with self._lock:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            created = not self.path.exists()
            fd = os.open(self.path, os.O_RDWR | os.O_APPEND | os.O_CREAT, 0o644)
            try:
                self._cut_torn_line(fd)
                os.write(fd, line)
                os.fsync(fd)
            finally:
                os.close(fd)
            if created:
                sync_dir(self.path.parent)

    @staticmethod
    def _cut_torn_line(fd: int) -> None:
        """A crash mid-write leaves a last line without its newline: cut it, or the next line joins it."""
        size = os.fstat(fd).st_size
        if size == 0 or os.pread(fd, 1, size - 1) == b"\n":
            return
        tail_start = max(0, size - (1 << 20))
        tail = os.pread(fd, size - tail_start, tail_start)
        os.ftruncate(fd, tail_start + tail.rfind(b"\n") + 1 if b"\n" in tail else tail_start)

    def lock_for(self, doc_id: str) -> threading.Lock:
        """A lock per document and file, so that two requests for one summary make it once."""
        return self._shared_lock(doc_id)


def sync_dir(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:  # not possible on every platform; the file itself is synced
        return
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def cached_summary(
    article: Article,
    summarizer: Summarizer,
    out: SummaryFile,
    model_turn: Callable[[], AbstractContextManager] = nullcontext,
) -> Summary:
    """The stored summary while its sha256 matches the article; else a new one, made within
    `model_turn()` (the chat model's gate) and stored."""
    with out.lock_for(article.id):
        cached = out.find(article.id, article.sha256)
        if cached:
            return cached
        with model_turn():
            summary = summarizer.summarize(article)
        out.append(summary)
        return summary


# --- in bulk -------------------------------------------------------------------------------------


class SummaryResult(BaseModel):
    doc_id: str
    status: Literal["written", "skipped", "failed"] = Field(
        description="written: summarized now; skipped: the output already held it; failed: see error."
    )
    summary: Summary | None = None
    error: str | None = None


class SummaryReport(BaseModel):
    out: str = Field(description="The JSONL file written.")
    written: int
    skipped: int
    failed: int
    verified: int = Field(description="Summaries written now that passed verification.")
    ignored_lines: int = Field(description="Unreadable lines found in the output (e.g. torn by a crash).")
    seconds: float
    results: list[SummaryResult] = Field(description="One per article, in the order asked.")


def summarize_documents(
    docs: Sequence[DocumentInfo],
    load: Callable[[str], Article],
    summarizer: Summarizer,
    out: SummaryFile,
    *,
    concurrency: int = 1,
    progress: ProgressHook | None = None,
    on_result: Callable[[SummaryResult], None] | None = None,
) -> SummaryReport:
    """Summarize every document the output does not already hold (same id and sha256), appending each
    summary as it finishes. LLMUnavailable stops the run (what is written stays); another NewsdeskError
    fails that article only."""
    started = time.perf_counter()
    existing = out.done()
    results: dict[str, SummaryResult] = {}
    todo = []
    for doc in docs:
        if (doc.id, doc.sha256) in existing:
            cached = existing[doc.id, doc.sha256]
            results[doc.id] = SummaryResult(doc_id=doc.id, status="skipped", summary=cached)
        else:
            todo.append(doc)
    if progress:
        progress(0, len(todo))

    def one(doc: DocumentInfo) -> SummaryResult:
        try:
            summary = summarizer.summarize(load(doc.id))
        except LLMUnavailable:
            raise
        except NewsdeskError as exc:
            return SummaryResult(doc_id=doc.id, status="failed", error=str(exc))
        out.append(summary)
        return SummaryResult(doc_id=doc.id, status="written", summary=summary)

    def finish(result: SummaryResult) -> None:
        results[result.doc_id] = result
        if progress:
            progress(1, len(todo))
        if on_result:
            on_result(result)

    run_each(todo, one, finish, concurrency)
    ordered = [results[doc.id] for doc in docs if doc.id in results]
    return summary_report(ordered, out, started)


def run_each(
    todo: Sequence[DocumentInfo],
    one: Callable[[DocumentInfo], SummaryResult],
    finish: Callable[[SummaryResult], None],
    concurrency: int,
) -> None:
    """finish(one(doc)) for every doc, keeping up to `concurrency` in flight. An exception from one()
    stops the run: nothing new starts, and what is waiting is cancelled."""
    if concurrency <= 1:  # in the calling thread: nothing left running if it is interrupted
        for doc in todo:
            finish(one(doc))
        return
    with ThreadPoolExecutor(max_workers=concurrency, thread_name_prefix="summarize") as pool:
        pending: set[Future] = set()
        waiting = iter(todo)
        try:
            while True:
                while len(pending) < concurrency and (doc := next(waiting, None)):
                    pending.add(pool.submit(one, doc))
                if not pending:
                    break
                finished, pending = wait(pending, return_when=FIRST_COMPLETED)
                for future in finished:
                    finish(future.result())  # LLMUnavailable propagates: stop, keep what is written
        finally:
            for future in pending:
                future.cancel()


def summary_report(results: Sequence[SummaryResult], out: SummaryFile, started: float) -> SummaryReport:
    written = [r for r in results if r.status == "written"]
    return SummaryReport(
        out=str(out.path),
        written=len(written),
        skipped=sum(r.status == "skipped" for r in results),
        failed=sum(r.status == "failed" for r in results),
        verified=sum(bool(r.summary and r.summary.verified) for r in written),
        ignored_lines=out.ignored_lines,
        seconds=round(time.perf_counter() - started, 2),
        results=list(results),
    )


# --- background jobs -----------------------------------------------------------------------------


class SummaryJob(BaseModel):
    id: str
    status: Literal["queued", "running", "done", "failed"]
    doc_ids: list[str] | None = Field(description="The documents asked for; null means all.")
    total: int | None = Field(None, description="Articles to summarize (known once the job runs).")
    finished: int = Field(0, description="Articles finished so far (written or failed).")
    results: list[SummaryResult] = []
    error: str | None = Field(None, description="Why the job failed (e.g. the chat model is down).")


JobRunner = Callable[[list[str] | None, ProgressHook, Callable[[SummaryResult], None]], SummaryReport]


class SummaryJobs:
    """Summary jobs, run one at a time by a daemon thread (it does not keep the server from stopping;
    what it wrote stays written). The last KEEP jobs are remembered."""

    KEEP = 100

    def __init__(self, run: JobRunner):
        self._run = run
        self._queue: queue.Queue[SummaryJob | None] = queue.Queue()
        self._jobs: OrderedDict[str, SummaryJob] = OrderedDict()
        self._lock = threading.Lock()
        self._worker: threading.Thread | None = None

    def start(self, doc_ids: list[str] | None = None) -> SummaryJob:
        job = SummaryJob(id=uuid.uuid4().hex, status="queued", doc_ids=doc_ids)
        with self._lock:
            self._jobs[job.id] = job
            finished = [j.id for j in self._jobs.values() if j.status in ("done", "failed")]
            for old in finished[: max(0, len(self._jobs) - self.KEEP)]:
                del self._jobs[old]
            snapshot = job.model_copy(deep=True)
            if self._worker is None:
                self._worker = threading.Thread(target=self._work, name="summary-jobs", daemon=True)
                self._worker.start()
        self._queue.put(job)
        return snapshot

    def get(self, job_id: str) -> SummaryJob:
        with self._lock:
            job = self._jobs.get(job_id)
            if job is None:
                raise NotFound(f"no summary job {job_id!r}")
            return job.model_copy(deep=True)

    def shutdown(self) -> None:
        """Stop after the running job; jobs still queued stay queued."""
        self._queue.put(None)

    def _work(self) -> None:
        while (job := self._queue.get()) is not None:
            self._execute(job)

    def _execute(self, job: SummaryJob) -> None:
        def progress(advance: int, total: int) -> None:
            with self._lock:
                job.total = total
                job.finished += advance

        def on_result(result: SummaryResult) -> None:
            with self._lock:
                job.results.append(result)

        with self._lock:
            job.status = "running"
        try:
            report = self._run(job.doc_ids, progress, on_result)
        except Exception as exc:  # the job records every failure; nobody is waiting for an exception
            with self._lock:
                job.status, job.error = "failed", f"{type(exc).__name__}: {exc}"
            return
        with self._lock:
            job.results = report.results
            job.status = "done"
