"""A summaries job survives `kill -9` of its server: after the restart the job is picked up again, its
status is right, and the articles finished before the kill are not summarized again. The chat model is a
fake OpenAI-compatible server (tests/fake_openai.py) in this process; newsdesk runs as a real subprocess.
Re-run: pytest tests/test_jobs_restart.py (about a minute)."""

from __future__ import annotations

import shutil
import signal
import time
from pathlib import Path

import httpx

from service.bulk_summaries import SummaryFile

from .conftest import LOOPBACK, SEED_IDS, free_port, serving, start_newsdesk
from .fake_openai import FakeOpenAI


def lines_in(path: Path) -> int:
    return len(SummaryFile(path).read())


def wait_until(condition, timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.05)


@LOOPBACK
def test_a_summaries_job_survives_kill_9_of_its_server(seeded_index, tmp_path):
    index_dir = tmp_path / "index"
    shutil.copytree(seeded_index, index_dir)
    summaries = index_dir / "summaries.jsonl"
    fake = FakeOpenAI(delay=0.4)
    with serving(fake.app()) as llm:
        env = {
            "NEWSDESK_INDEX_DIR": str(index_dir),
            "NEWSDESK_LLM_PROVIDER": "openai",
            "NEWSDESK_LLM_BASE_URL": f"{llm}/v1",
            "NEWSDESK_LLM_MODEL": "fake",
        }
        port = free_port()
        base = f"http://127.0.0.1:{port}"
        server = start_newsdesk(port, env)
        job = httpx.post(f"{base}/summaries", json={}, timeout=30).json()
        wait_until(lambda: lines_in(summaries) >= 2, 120, "two articles summarized")
        server.send_signal(signal.SIGKILL)
        server.wait()
        done_before = {s.doc_id for s in SummaryFile(summaries).read()}
        killed_at = time.time()
        assert 2 <= len(done_before) < len(SEED_IDS), "killed in the middle of the job"

        server = start_newsdesk(port, env)
        try:
            wait_until(
                lambda: httpx.get(f"{base}/summaries/{job['id']}", timeout=30).json()["status"] == "done",
                120,
                "the job to finish after the restart",
            )
            final = httpx.get(f"{base}/summaries/{job['id']}", timeout=30).json()
        finally:
            server.terminate()
            server.wait(timeout=30)

    assert (final["status"], final["attempts"], final["total"], final["finished"]) == ("done", 2, 5, 5)
    assert [r["doc_id"] for r in final["results"]] == SEED_IDS
    assert {r["status"] for r in final["results"]} <= {"written", "skipped"}
    assert all(r["summary"]["doc_id"] == r["doc_id"] for r in final["results"])
    kept = SummaryFile(summaries).read()
    assert sorted(s.doc_id for s in kept) == SEED_IDS, "one summary per article: none made twice"
    asked_after = [c.prompt for c in fake.calls if c.at > killed_at]
    assert asked_after, "the rest was summarized after the restart"
    for summary in kept:  # a summary cites sentences its prompt showed: none of those shown again
        if summary.doc_id in done_before:
            cited = summary.citations[0].quote[:60]
            assert not any(cited in prompt for prompt in asked_after), f"{summary.doc_id} summarized again"
