"""newsdesk against a real Chroma server (`chroma run`, started by the fixture): indexing, search, answers,
an idempotent re-index, two API processes sharing the server, and a server that is down or goes away.
Each test keeps to its own collection name on the module's one server."""

from __future__ import annotations

import threading
import time
from concurrent.futures import ThreadPoolExecutor

import httpx
import pytest
from langchain_core.language_models.fake_chat_models import FakeListChatModel
from typer.testing import CliRunner

from service.cli import app as cli
from service.desk import Desk
from service.errors import StoreError
from service.leases import Leases

from .conftest import (
    LOOPBACK,
    SEED_IDS,
    SEEDS,
    chroma_server,
    free_port,
    make_settings,
    serving,
    start_newsdesk,
    stop,
)
from .fake_openai import FakeOpenAI

BOTH_RANKINGS = 1 / 61  # RRF (k=60): a chunk scoring more was ranked by both dense search and BM25
NEW_TEXT = (
    "Quillmoor harbour report\n"
    "The Quillmoor harbour authority counted 4,217 gulls nesting on the breakwater this spring. "
    "Wardens said the colony had doubled since the breakwater was rebuilt."
)


def server_desk(tmp_path, url: str, collection: str, **kwargs) -> Desk:
    settings = make_settings(tmp_path / "unused-index", chroma_url=url, collection=collection)
    return Desk(settings, **kwargs)


@LOOPBACK
def test_seeds_indexed_into_a_chroma_server_are_searched_answered_and_reindexed_idempotently(
    tmp_path, chroma_url
):
    reply = FakeListChatModel(responses=["Shoigu said 1,000 sappers [1][2]."])
    desk = server_desk(tmp_path, chroma_url, "seeds", chat_model=reply)
    first = desk.index([SEEDS])
    assert (first.added, first.documents) == (5, 5)
    assert not (tmp_path / "unused-index").exists(), "with a server, nothing is written locally"
    chunks = desk.store.count_chunks()

    hits = desk.search("sappers sent to rebuild", k=3)
    assert hits and all(h.doc_id in {p.stem for p in SEEDS.glob("*.txt")} for h in hits)
    answer = desk.ask("How many sappers went to Kursk?")
    assert not answer.abstained and answer.citations
    for citation in answer.citations:
        assert desk.document(citation.doc_id).text[citation.start : citation.end] == citation.quote

    again = server_desk(tmp_path, chroma_url, "seeds").index([SEEDS])  # a new process would do the same
    assert (again.added, again.updated, again.unchanged) == (0, 0, 5)
    assert desk.store.count_chunks() == chunks
    assert desk.store.remove_leftovers() == 0


@LOOPBACK
def test_two_api_processes_on_one_chroma_server_see_each_others_writes(tmp_path, chroma_url):
    """20 concurrent searches spread over two `newsdesk serve` processes while a document is added through
    one: 0 errors, and both find it by similarity and by BM25."""
    server_desk(tmp_path, chroma_url, "shared").index([SEEDS])
    env = {"NEWSDESK_CHROMA_URL": chroma_url, "NEWSDESK_COLLECTION": "shared"}
    ports = [free_port(), free_port()]
    servers = [start_newsdesk(port, env) for port in ports]
    bases = [f"http://127.0.0.1:{port}" for port in ports]
    try:
        added = threading.Event()

        def search(i: int) -> int:
            if i == 10:  # mid-way, through the first process
                response = httpx.post(
                    f"{bases[0]}/documents", json={"id": "gulls", "text": NEW_TEXT}, timeout=60
                )
                added.set()
                return response.status_code
            return httpx.get(
                f"{bases[i % 2]}/search", params={"q": "troops engineers"}, timeout=60
            ).status_code

        with ThreadPoolExecutor(max_workers=6) as pool:
            statuses = list(pool.map(search, range(21)))
        assert added.is_set()
        assert statuses.count(200) == 20 and statuses[10] == 201, statuses
        for base in bases:
            hits = httpx.get(
                f"{base}/search", params={"q": "gulls nesting on the breakwater"}, timeout=60
            ).json()
            top = hits["results"][0]
            assert top["doc_id"] == "gulls"
            assert top["score"] > BOTH_RANKINGS, f"{base} found it by one ranking only: {top['score']}"
            assert httpx.get(f"{base}/documents/gulls", timeout=30).json()["text"] == NEW_TEXT
    finally:
        for server in servers:
            stop(server)


@LOOPBACK
def test_a_chroma_server_that_is_down_is_a_503_and_a_cli_message(tmp_path):
    port = free_port()  # nothing listens there yet
    url = f"http://127.0.0.1:{port}"
    env = {"NEWSDESK_CHROMA_URL": url, "NEWSDESK_COLLECTION": "down"}
    result = CliRunner().invoke(cli, ["search", "troops"], env=env)
    assert result.exit_code == 1
    assert f"cannot open the Chroma store at {url}" in result.output
    assert "Traceback" not in result.output

    api = start_newsdesk(free_port(), env, ready="/docs")  # it starts, and says what is wrong
    try:
        base = api.args[api.args.index("--port") + 1]
        response = httpx.get(f"http://127.0.0.1:{base}/search", params={"q": "troops"}, timeout=30)
        assert response.status_code == 503
        assert url in response.json()["detail"]
        with chroma_server(tmp_path / "chroma", port):  # the server comes up: the same process recovers
            server_desk(tmp_path, url, "down").index([SEEDS])
            response = httpx.get(f"http://127.0.0.1:{base}/search", params={"q": "troops"}, timeout=30)
            assert response.status_code == 200 and response.json()["results"]
        response = httpx.get(f"http://127.0.0.1:{base}/documents", timeout=30)  # …and goes away again
        assert response.status_code == 503
        assert "cannot be reached" in response.json()["detail"]
    finally:
        stop(api)


@LOOPBACK
def test_a_desk_whose_server_went_away_raises_store_error_not_a_library_error(tmp_path):
    with chroma_server(tmp_path / "chroma") as url:
        desk = server_desk(tmp_path, url, "gone")
        desk.index([SEEDS])
    with pytest.raises(StoreError, match="cannot be reached"):
        desk.documents()


@LOOPBACK
def test_serve_with_two_workers_on_a_chroma_server_answers_from_either(tmp_path, chroma_url):
    """`newsdesk serve --workers 2`: both workers answer, a summaries job started through one is reported
    by whichever answers, and it is run once."""
    server_desk(tmp_path, chroma_url, "workers").index([SEEDS])
    fake = FakeOpenAI(delay=0.05)
    with serving(fake.app()) as llm:
        env = {
            "NEWSDESK_CHROMA_URL": chroma_url,
            "NEWSDESK_COLLECTION": "workers",
            "NEWSDESK_LLM_PROVIDER": "openai",
            "NEWSDESK_LLM_BASE_URL": f"{llm}/v1",
        }
        port = free_port()
        base = f"http://127.0.0.1:{port}"
        server = start_newsdesk(port, env, "--workers", "2")
        try:
            workers = set()
            with ThreadPoolExecutor(max_workers=8) as pool:
                for _ in range(10):  # bounded: 10 rounds of 20 concurrent requests
                    bodies = pool.map(lambda _: httpx.get(f"{base}/health", timeout=30).json(), range(20))
                    workers |= {body["worker"] for body in bodies}
                    if len(workers) == 2:
                        break
            assert len(workers) == 2, "both workers answered"
            job = httpx.post(f"{base}/summaries", json={"doc_ids": SEED_IDS[:2]}, timeout=30).json()
            seen = []
            for _ in range(600):
                seen.append(httpx.get(f"{base}/summaries/{job['id']}", timeout=30).json())
                if seen[-1]["status"] == "done":
                    break
                time.sleep(0.1)
        finally:
            stop(server)
    assert seen[-1]["status"] == "done", seen[-1]
    assert [r["status"] for r in seen[-1]["results"]] == ["written", "written"]
    prompts = [c.prompt for c in fake.calls]
    assert len(prompts) == len(set(prompts)), "no summary call was made twice"


def test_several_workers_need_a_chroma_server(env_index):
    result = CliRunner().invoke(cli, ["serve", "--workers", "2"])
    assert result.exit_code == 2
    assert "--workers 2 needs a Chroma server" in result.output
    assert "NEWSDESK_CHROMA_URL" in result.output


@LOOPBACK
def test_another_workers_write_in_progress_is_not_taken_for_a_leftover(tmp_path, chroma_url, monkeypatch):
    """With a server, chunks written but not yet committed may be another process's write in progress:
    a worker starting meanwhile spares them; once older than the grace they are leftovers."""
    writer = server_desk(tmp_path, chroma_url, "grace")
    writer.index([SEEDS])
    monkeypatch.setattr(writer.store.documents, "upsert", lambda **_: None)  # stopped before its flip
    writer.add_document(NEW_TEXT, doc_id="gulls")
    written = len(writer.store.chunks.get(where={"doc_id": "gulls"}, include=[])["ids"])
    assert written > 0

    starting = server_desk(tmp_path, chroma_url, "grace")  # e.g. a worker restarting now
    assert starting.store.remove_leftovers() == 0
    assert len(starting.store.chunks.get(where={"doc_id": "gulls"}, include=[])["ids"]) == written
    starting.store.leftover_grace = 0.0  # …the same chunks once the grace has passed
    assert starting.store.remove_leftovers() == written


@LOOPBACK
def test_a_document_another_worker_is_writing_is_written_after_it(tmp_path, chroma_url):
    desk = server_desk(tmp_path, chroma_url, "turns")
    other = Leases(desk.store)  # another worker, in the middle of writing "gulls"
    assert other.claim("write:gulls")
    done = threading.Event()
    writing = threading.Thread(target=lambda: (desk.add_document(NEW_TEXT, doc_id="gulls"), done.set()))
    writing.start()
    assert not done.wait(3), "it waits for the other worker's write"
    other.release("write:gulls")
    assert done.wait(60)
    writing.join()
    assert desk.document("gulls").text == NEW_TEXT


@LOOPBACK
def test_a_rebuild_by_another_process_leaves_a_running_worker_working(tmp_path, chroma_url):
    """`newsdesk index --rebuild` deletes the collections and makes new ones; a worker that opened the old
    ones reopens them by name (it used to answer 500 until restarted)."""
    worker = server_desk(tmp_path, chroma_url, "rebuilt")
    worker.index([SEEDS])
    assert worker.search("sappers sent to rebuild", k=3)

    other = server_desk(tmp_path, chroma_url, "rebuilt")
    one = sorted(SEEDS.glob("*.txt"))[1]
    assert other.index([one], rebuild=True).documents == 1

    hits = worker.search("sappers sent to rebuild", k=3)
    assert hits and {h.doc_id for h in hits} == {one.stem}
    assert [d.id for d in worker.store.list_documents()] == [one.stem]
    worker.index([SEEDS])
    assert len(other.store.list_documents()) == 5
