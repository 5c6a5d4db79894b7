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

Where summaries are kept: a JSONL file (SummaryFile; appends are also locked against other processes),
or the store (StoredSummaries: with a Chroma server every worker and machine sees them). An article is
summarized under `exclusive(key)`: a lock in-process, or a lease every worker respects (service/leases.py),
so two workers never summarize one article at once; the second finds the first's summary and skips it.
Background jobs are in service/jobs.py.
"""

from __future__ import annotations

import fcntl
import hashlib
import json
import os
import threading
import time
from collections.abc import Callable, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from contextlib import AbstractContextManager, nullcontext
from pathlib import Path
from typing import ClassVar, Literal, Protocol

from pydantic import BaseModel, Field, ValidationError

from .errors import LLMUnavailable, NewsdeskError
from .leases import KeyedLocks
from .models import Article, DocumentInfo, ProgressHook, Summary
from .store import Store
from .summary import Summarizer

Exclusive = Callable[[str], AbstractContextManager]  # summary_key(doc_id, sha256) → held while it is made


class Summaries(Protocol):
    """Where summaries are kept (a JSONL file or the store)."""

    path: Path | str
    ignored_lines: int

    def done(self) -> dict[tuple[str, str], Summary]: ...
    def find(self, doc_id: str, sha256: str) -> Summary | None: ...
    def append(self, summary: Summary) -> None: ...
    def lock_for(self, key: str) -> threading.Lock: ...


# --- the JSONL file ------------------------------------------------------------------------------


class SummaryFile:
    """Summaries as JSONL: appended one line at a time (one write, flush, fsync), read back tolerantly."""

    _locks: ClassVar[KeyedLocks] = KeyedLocks()  # per file across instances: two runs in a process are safe

    def __init__(self, path: Path):
        self.path = Path(path)
        self._lock = self._shared_lock("")
        self.ignored_lines = 0

    def _shared_lock(self, name: str) -> threading.Lock:
        return self._locks((self.path.resolve(), name))

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
                fcntl.flock(fd, fcntl.LOCK_EX)  # other processes appending to the same file wait
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

    def lock_for(self, key: str) -> threading.Lock:
        """A lock per article and file, so that two requests for one summary make it once."""
        return self._shared_lock(key)


class StoredSummaries:
    """Summaries as records in the store, found by document id and sha256."""

    def __init__(self, store: Store):
        self.store = store
        self.path = f"{store.where} (collection {store.settings.collection}_state)"
        self.ignored_lines = 0
        self.lock_for = KeyedLocks()

    def done(self) -> dict[tuple[str, str], Summary]:
        records = self.store.find_records({"kind": "summary"})
        summaries = [Summary.model_validate_json(value) for value, _ in records.values() if value]
        return {(s.doc_id, s.sha256): s for s in summaries}

    def find(self, doc_id: str, sha256: str) -> Summary | None:
        record = self.store.get_record(f"summary:{summary_key(doc_id, sha256)}")
        return Summary.model_validate_json(record[0]) if record else None

    def append(self, summary: Summary) -> None:
        key = f"summary:{summary_key(summary.doc_id, summary.sha256)}"
        value = json.dumps(summary.model_dump(), ensure_ascii=False)
        self.store.put_record(key, value, kind="summary", doc_id=summary.doc_id)


def summary_key(doc_id: str, sha256: str) -> str:
    return f"{doc_id}@{sha256[:16]}"


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
    out: Summaries,
    model_turn: Callable[[], AbstractContextManager] = nullcontext,
    exclusive: Exclusive | None = None,
) -> Summary:
    """The stored summary while its sha256 matches the article; else a new one, made within
    `model_turn()` (the chat model's gate) and stored."""
    with (exclusive or out.lock_for)(summary_key(article.id, article.sha256)):
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
    out: Summaries,
    *,
    concurrency: int = 1,
    progress: ProgressHook | None = None,
    on_result: Callable[[SummaryResult], None] | None = None,
    exclusive: Exclusive | None = None,
    retries: int = 0,
    backoff: float = 1.0,
) -> SummaryReport:
    """Summarize every document the output does not already hold (same id and sha256), appending each
    summary as it finishes; on_result hears of every article (those skipped first). An article whose
    model call failed (LLMUnavailable) is tried again `retries` times, waiting backoff, 2×backoff… between;
    then the run stops (what is written stays). Another NewsdeskError fails that article only."""
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
    if on_result:
        for result in results.values():
            on_result(result)
    if progress:
        progress(0, len(todo))

    def one(doc: DocumentInfo) -> SummaryResult:
        with (exclusive or out.lock_for)(summary_key(doc.id, doc.sha256)):
            if exclusive and (done := out.find(doc.id, doc.sha256)):  # another worker made it meanwhile
                return SummaryResult(doc_id=doc.id, status="skipped", summary=done)
            try:
                summary = with_retries(lambda: summarizer.summarize(load(doc.id)), retries, backoff)
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


def with_retries(call: Callable[[], Summary], retries: int, backoff: float) -> Summary:
    """call(), again after LLMUnavailable up to `retries` times (a reply that broke off, a server that
    restarts; the provider has already retried 429s and 5xx), waiting longer each time."""
    for attempt in range(retries + 1):
        try:
            return call()
        except LLMUnavailable:
            if attempt == retries:
                raise
            time.sleep(backoff * 2**attempt)
    raise AssertionError("unreachable")


def shard_of(doc_id: str, shards: int) -> int:
    """Which of `shards` (1…shards) a document belongs to: from its id's sha256, the same on every
    machine, so `--shard 1/3`, `2/3` and `3/3` split a corpus with nothing missed or done twice."""
    return int.from_bytes(hashlib.sha256(doc_id.encode()).digest()[:8], "big") % shards + 1


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


def summary_report(results: Sequence[SummaryResult], out: Summaries, started: float) -> SummaryReport:
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
