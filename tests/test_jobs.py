"""Summary jobs and leases kept in the store: any worker answers for any job, a job whose worker stopped is
resumed without redoing what is done, and two workers never run one job or summarize one article at once.
The real thing (a server killed with SIGKILL mid-job) is in test_jobs_restart.py."""

from __future__ import annotations

import json
import re
import threading
import time
from concurrent.futures import ThreadPoolExecutor

import pytest

from service.bulk_summaries import StoredSummaries, SummaryFile, shard_of, summarize_documents, with_retries
from service.errors import LLMUnavailable, NotFound
from service.jobs import SummaryJob, SummaryJobs, job_key
from service.leases import Leases, lease_key, owner_is_gone, process_owner
from service.store import Store

from .conftest import make_settings
from .test_summary import SHORT, LeadModel, all_articles, summarizer

SHARDS_OF_FIRST_SIX = [3, 1, 2, 1, 3, 3]
GONE = process_owner().rsplit(":", 2)[0] + ":4194303:dead"  # this machine, a pid no process has


def wait_for(jobs: SummaryJobs, job_id: str, timeout: float = 30.0):
    deadline = time.monotonic() + timeout
    while (job := jobs.get(job_id)).status in ("queued", "running"):
        if time.monotonic() > deadline:
            pytest.fail(f"job still {job.status} after {timeout}s")
        time.sleep(0.02)
    return job


@pytest.fixture
def job_store(tmp_path) -> Store:
    """A real (embedded) store for job records; no embedder is needed for them."""
    return Store(make_settings(tmp_path / "jobs-index"), "no-embedder")


def jobs_on(store: Store, runner) -> SummaryJobs:
    return SummaryJobs(store, runner, Leases(store), poll=0.1)


def test_job_runs_in_the_background_to_done(tmp_path, job_store):
    docs = {d.id: d for d in all_articles()[:2]}
    started = threading.Event()
    release = threading.Event()

    def runner(doc_ids, progress, on_result):
        started.set()
        release.wait(10)
        chosen = [docs[i] for i in doc_ids] if doc_ids else list(docs.values())
        out = SummaryFile(tmp_path / "s.jsonl")
        return summarize_documents(
            chosen, docs.__getitem__, summarizer(LeadModel()), out, progress=progress, on_result=on_result
        )

    jobs = jobs_on(job_store, runner)
    job = jobs.start([SHORT])
    assert re.fullmatch(r"[0-9a-f]{32}", job.id) and job.status == "queued" and job.doc_ids == [SHORT]
    assert started.wait(10)
    assert jobs.get(job.id).status == "running"
    release.set()
    done = wait_for(jobs, job.id)
    assert done.status == "done" and done.error is None
    assert (done.total, done.finished) == (1, 1)
    assert [(r.doc_id, r.status) for r in done.results] == [(SHORT, "written")]
    assert done.results[0].summary.verified
    everything = wait_for(jobs, jobs.start(None).id)
    assert [(r.doc_id, r.status) for r in everything.results] == [
        (SHORT, "skipped"),
        ("001_e826ffe27127b615", "written"),
    ]
    jobs.shutdown()


def test_failed_job_and_unknown_job(job_store):
    def runner(doc_ids, progress, on_result):
        raise LLMUnavailable("the chat model failed: ConnectError")

    jobs = jobs_on(job_store, runner)
    job = wait_for(jobs, jobs.start(None).id)
    assert job.status == "failed" and job.error == "LLMUnavailable: the chat model failed: ConnectError"
    with pytest.raises(NotFound, match="no summary job 'nope'"):
        jobs.get("nope")
    jobs.shutdown()


def test_a_job_started_by_one_worker_is_answered_by_another(job_store):
    release = threading.Event()

    def runner(doc_ids, progress, on_result):
        release.wait(10)
        return summarize_documents(
            [], lambda _: None, summarizer(LeadModel()), SummaryFile(job_store.settings.index_dir / "s.jsonl")
        )

    first = jobs_on(job_store, runner)
    other = jobs_on(job_store, runner)  # another process would have its own object, on the same store
    job = first.start(None)
    deadline = time.monotonic() + 10
    while other.get(job.id).status != "running" and time.monotonic() < deadline:
        time.sleep(0.05)
    assert other.get(job.id).status == "running" and other.get(job.id).attempts == 1
    release.set()
    assert wait_for(other, job.id).status == "done"
    first.shutdown()
    other.shutdown()


def test_a_job_whose_worker_is_gone_is_resumed_and_keeps_what_it_wrote(tmp_path, job_store):
    """A record as a killed worker leaves it: running, one article written, its lease held by a process
    that no longer exists. A new worker takes it at once and skips the written article."""
    docs = {d.id: d for d in all_articles()[:2]}
    out = SummaryFile(tmp_path / "s.jsonl")
    model = LeadModel()
    written = summarize_documents([docs[SHORT]], docs.__getitem__, summarizer(model), out).results[0]
    stopped = SummaryJob(id="f" * 32, status="running", doc_ids=None, total=2, finished=1, attempts=1)
    stopped.results = [written]
    job_store.put_record(
        job_key(stopped.id), stopped.model_dump_json(), kind="job", status="running", created=1.0
    )
    job_store.put_record(
        lease_key(job_key(stopped.id)), GONE, kind="lease", owner=GONE, until=time.time() + 600
    )

    def runner(doc_ids, progress, on_result):
        return summarize_documents(
            list(docs.values()),
            docs.__getitem__,
            summarizer(model),
            out,
            progress=progress,
            on_result=on_result,
        )

    jobs = jobs_on(job_store, runner)
    jobs.resume()
    done = wait_for(jobs, stopped.id)
    assert (done.status, done.attempts, done.total, done.finished) == ("done", 2, 2, 2)
    assert [(r.doc_id, r.status) for r in done.results] == [
        (SHORT, "written"),
        ("001_e826ffe27127b615", "written"),
    ]
    assert len(model.calls) == 2, "the article written before the stop was not summarized again"
    jobs.shutdown()


def test_a_lease_is_held_by_one_owner_until_released_or_its_owner_is_gone(job_store):
    one, two = Leases(job_store), Leases(job_store)
    assert one.claim("k") and one.holder("k") == one.owner
    assert not two.claim("k")
    one.release("k")
    assert two.claim("k")
    two.release("k")
    job_store.put_record(lease_key("k"), GONE, kind="lease", owner=GONE, until=time.time() + 600)
    assert owner_is_gone(GONE) and not owner_is_gone(one.owner)
    assert one.holder("k") is None and one.claim("k")
    one.release("k")
    job_store.put_record(lease_key("k"), "x", kind="lease", owner="elsewhere:1:2:x", until=time.time() - 1)
    assert one.holder("k") is None, "a lease that ran out is free"


def test_workers_claiming_one_key_at_once_get_it_one_at_a_time(job_store):
    """Four workers (their own Leases each) enter `exclusive` on one key together, three rounds each: no
    two are ever inside at once."""
    inside, most, lock = 0, 0, threading.Lock()

    def work(leases: Leases) -> None:
        nonlocal inside, most
        for _ in range(3):
            with leases.exclusive("article", poll=0.05):
                with lock:
                    inside += 1
                    most = max(most, inside)
                time.sleep(0.05)
                with lock:
                    inside -= 1

    with ThreadPoolExecutor(4) as pool:
        list(pool.map(work, [Leases(job_store) for _ in range(4)]))
    assert most == 1


def test_two_workers_summarizing_the_same_articles_make_each_once(job_store, tmp_path):
    docs = {d.id: d for d in all_articles()[:3]}
    out = StoredSummaries(job_store)
    model = LeadModel()
    workers = [Leases(job_store), Leases(job_store)]

    def run(leases: Leases):
        return summarize_documents(
            list(docs.values()),
            docs.__getitem__,
            summarizer(model),
            out,
            exclusive=lambda key: leases.exclusive(f"summary:{key}", poll=0.05),
        )

    with ThreadPoolExecutor(2) as pool:
        reports = list(pool.map(run, workers))
    assert sum(r.written for r in reports) == 3 and sum(r.skipped for r in reports) == 3
    alone = LeadModel()
    summarize_documents(list(docs.values()), docs.__getitem__, summarizer(alone), SummaryFile(tmp_path / "a"))
    assert len(model.calls) == len(alone.calls), "each article summarized once (as by one worker alone)"
    assert len({json.dumps(c) for c in model.calls}) == len(model.calls)
    assert set(out.done()) == {(d.id, d.sha256) for d in docs.values()}


def test_shards_split_a_corpus_with_nothing_missed_or_done_twice():
    ids = [f"doc-{i:04d}" for i in range(400)]
    shares = [[i for i in ids if shard_of(i, 3) == n] for n in (1, 2, 3)]
    assert sorted(i for share in shares for i in share) == ids
    assert all(100 <= len(share) <= 170 for share in shares), [len(s) for s in shares]
    assert [shard_of(i, 3) for i in ids[:6]] == SHARDS_OF_FIRST_SIX  # sha256 of the id: any machine
    assert shard_of("doc-0000", 1) == 1


def test_an_article_whose_reply_broke_off_is_tried_again_then_the_run_stops():
    calls = []

    def flaky():
        calls.append(time.monotonic())
        if len(calls) < 3:
            raise LLMUnavailable("the chat model failed: RemoteProtocolError")
        return "made"

    assert with_retries(flaky, retries=2, backoff=0.05) == "made"
    assert calls[2] - calls[1] >= 2 * (calls[1] - calls[0]) * 0.9, "waits longer each time"
    calls.clear()

    def down():
        calls.append(time.monotonic())
        raise LLMUnavailable("the chat model failed: ConnectError")

    with pytest.raises(LLMUnavailable):
        with_retries(down, retries=2, backoff=0.01)
    assert len(calls) == 3, "tried 1 + 2 times, then it gives up"
