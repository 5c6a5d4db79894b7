"""`newsdesk summarize --all` against an OpenAI-compatible server that is slow and fails on purpose
(tests/fake_openai.py, in this process): N requests in flight, 429s retried after their Retry-After,
5xx retried, a run killed with SIGKILL resumed without redoing finished articles, and shards that split a
corpus with nothing missed or done twice."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from service.bulk_summaries import SummaryFile
from service.cli import app as cli
from service.settings import get_settings

from .conftest import LOOPBACK, SEED_IDS, serving
from .fake_openai import FakeOpenAI


@pytest.fixture
def corpus(seeded_index, tmp_path) -> Path:
    index_dir = tmp_path / "index"
    shutil.copytree(seeded_index, index_dir)
    return index_dir


def llm_env(index_dir: Path, llm: str) -> dict[str, str]:
    return {
        "NEWSDESK_INDEX_DIR": str(index_dir),
        "NEWSDESK_LLM_PROVIDER": "openai",
        "NEWSDESK_LLM_BASE_URL": f"{llm}/v1",
        "NEWSDESK_LLM_MODEL": "fake",
    }


@pytest.fixture
def fake_llm() -> Iterator[tuple[FakeOpenAI, str]]:
    fake = FakeOpenAI(delay=0.3, rate_limit_every=4, fail_every=7, retry_after=1)
    with serving(fake.app()) as url:
        yield fake, url


def summarize(env: dict[str, str], *args: str):
    get_settings.cache_clear()  # the CLI reads its settings from this environment
    try:
        return CliRunner().invoke(cli, ["summarize", *args, "--json"], env=env)
    finally:
        get_settings.cache_clear()


@LOOPBACK
def test_concurrency_keeps_n_requests_in_flight_and_rides_out_429_and_500(corpus, fake_llm, tmp_path):
    fake, url = fake_llm
    out = tmp_path / "summaries.jsonl"
    result = summarize(llm_env(corpus, url), "--all", "--concurrency", "4", "--out", str(out))
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert (report["written"], report["failed"]) == (5, 0)
    assert fake.most_in_flight == 4, "four articles at once, never more"

    statuses = [call.status for call in fake.calls]
    assert statuses.count(429) >= 2 and statuses.count(500) >= 1, "the server did fail on purpose"
    for i, call in enumerate(fake.calls):
        if call.status == 200:
            continue
        retry = next(c for c in fake.calls[i + 1 :] if c.prompt == call.prompt)
        if call.status == 429:  # the 429 was answered `delay` after it came, then Retry-After: 1
            assert retry.at - call.at >= fake.delay + fake.retry_after - 0.05, "Retry-After respected"
    assert sorted(s.doc_id for s in SummaryFile(out).read()) == SEED_IDS


@LOOPBACK
def test_shards_split_the_corpus_and_their_files_merge(corpus, fake_llm, tmp_path):
    _, url = fake_llm
    env = llm_env(corpus, url)
    halves = [tmp_path / "one.jsonl", tmp_path / "two.jsonl"]
    for n, out in enumerate(halves, start=1):
        assert summarize(env, "--all", "--shard", f"{n}/2", "--out", str(out)).exit_code == 0
    done = [{s.doc_id for s in SummaryFile(out).read()} for out in halves]
    assert done[0] and done[1] and not done[0] & done[1]
    assert sorted(done[0] | done[1]) == SEED_IDS
    merged = tmp_path / "all.jsonl"
    merged.write_bytes(b"".join(out.read_bytes() for out in halves))
    again = json.loads(summarize(env, "--all", "--out", str(merged)).stdout)
    assert (again["written"], again["skipped"]) == (0, 5), "the merged file holds every article"
    bad = summarize(env, "--all", "--shard", "3/2")
    assert bad.exit_code == 2 and "--shard takes I/N" in bad.output


@LOOPBACK
def test_a_run_killed_with_sigkill_resumes_without_redoing_finished_articles(corpus, tmp_path):
    fake = FakeOpenAI(delay=0.4)
    out = tmp_path / "summaries.jsonl"
    with serving(fake.app()) as url:
        env = {**os.environ, **llm_env(corpus, url)}
        command = [sys.executable, "-m", "service.cli", "summarize", "--all", "--out", str(out)]
        run = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 120
        while len(SummaryFile(out).read()) < 2 and run.poll() is None and time.monotonic() < deadline:
            time.sleep(0.05)
        run.send_signal(signal.SIGKILL)
        run.wait()
        before = SummaryFile(out).read()
        killed_at = time.time()
        assert 2 <= len(before) < 5, "killed in the middle of the run"
        result = summarize(llm_env(corpus, url), "--all", "--out", str(out))
    report = json.loads(result.stdout)
    assert (report["skipped"], report["written"]) == (len(before), 5 - len(before))
    asked_after = [c.prompt for c in fake.calls if c.at > killed_at]
    for summary in before:
        cited = summary.citations[0].quote[:60]
        assert not any(cited in prompt for prompt in asked_after), f"{summary.doc_id} summarized again"
    assert sorted(s.doc_id for s in SummaryFile(out).read()) == SEED_IDS
