"""The service under pressure and among strangers: the model's slots (429 with Retry-After), requests
whose client has gone (stopped at the next token), the API key, trusted hosts, and follow-ups that
count toward the limits. Fake chat models; one test runs a real uvicorn server on a loopback port."""

from __future__ import annotations

import threading
import time

import httpx
import pytest
from fastapi.testclient import TestClient
from langchain_core.language_models.fake_chat_models import FakeListChatModel
from typer.testing import CliRunner

from service.api import create_app
from service.chat import Turn, format_history
from service.cli import app as cli
from service.cli.main import is_loopback
from service.desk import Desk
from service.errors import Busy, Cancelled
from service.gate import ModelGate, raise_if_cancelled
from service.llm import generate

from .conftest import LOOPBACK, make_settings, serving

ANSWER = "The troops were deployed [1]."


class SlowModel(FakeListChatModel):
    """Streams its answer a character at a time, slowly, and counts what it streamed."""

    streamed: int = 0

    def _stream(self, *args, **kwargs):
        for chunk in super()._stream(*args, **kwargs):
            self.streamed += 1
            yield chunk


def client_for(seeded_desk, model=None, **settings) -> TestClient:
    settings = make_settings(seeded_desk.settings.index_dir, **settings)
    app = create_app(settings)
    app.state.desk = Desk(settings, chat_model=model or FakeListChatModel(responses=[ANSWER]))
    return TestClient(app)


# --- the gate ----------------------------------------------------------------------------------------


def test_the_gate_lets_one_in_queues_one_and_refuses_the_rest():
    gate = ModelGate(slots=1, queue=1, wait=0.3)
    first = gate.take()
    outcome = {}

    def second():
        started = time.monotonic()
        try:
            gate.take()
        except Busy as exc:
            outcome["waited"], outcome["retry_after"] = time.monotonic() - started, exc.retry_after

    waiter = threading.Thread(target=second)
    waiter.start()
    time.sleep(0.1)
    with pytest.raises(Busy, match="queue is full") as refused:
        gate.take()
    assert refused.value.retry_after >= 1
    waiter.join()
    assert outcome["waited"] >= 0.3 and outcome["retry_after"] >= 1
    first.release()
    first.release()  # twice is once
    gate.take().release()


def test_a_slot_is_reused_inside_and_a_cancelled_one_stops_the_model():
    gate = ModelGate(slots=1, queue=0, wait=0.1)
    with gate.held() as ticket, gate.held() as inner:
        assert inner is ticket, "a nested call never waits for itself"
    model = SlowModel(responses=["a long reply " * 10])
    with gate.held() as ticket:
        seen = []

        def on_token(token):
            seen.append(token)
            if len(seen) == 3:
                ticket.cancel()

        with pytest.raises(Cancelled):
            generate(model, "system", "user", on_token)
    assert model.streamed == 4, "stopped at the next token"
    raise_if_cancelled()  # outside any request: nothing to cancel
    gate.take().release()


# --- HTTP: 429 and Retry-After -------------------------------------------------------------------------


def test_a_busy_model_is_a_429_with_retry_after_and_search_still_works(seeded_desk):
    client = client_for(seeded_desk, model_queue=0, model_wait=0.1)
    held = client.app.state.desk.gate.take()
    requests = [
        ("/ask", {"question": "How many troops were deployed?"}),
        ("/ask/stream", {"question": "How many troops were deployed?"}),
        ("/v1/chat/completions", {"messages": [{"role": "user", "content": "How many troops?"}]}),
        ("/v1/chat/completions", {"messages": [{"role": "user", "content": "Troops?"}], "stream": True}),
    ]
    for path, body in requests:
        response = client.post(path, json=body)
        assert response.status_code == 429, path
        assert int(response.headers["Retry-After"]) >= 1
        assert "busy" in response.json()["detail"]
    assert client.get("/search", params={"q": "troops"}).status_code == 200
    assert client.post("/ask", json={"question": ""}).status_code == 422, "a bad question is still a 422"
    held.release()
    assert client.post("/ask", json={"question": "How many troops were deployed?"}).status_code == 200


def _stops_streaming(model: SlowModel, within: float) -> bool:
    """True once the model streams nothing for half a second (ten of its tokens), checked until `within`
    seconds pass; the server notices a gone client at its next poll (0.25 s), not at once."""
    deadline = time.monotonic() + within
    while time.monotonic() < deadline:
        before = model.streamed
        time.sleep(0.5)
        if model.streamed == before:
            return True
    return False


@LOOPBACK
def test_a_client_that_leaves_frees_its_slot_at_the_next_token(seeded_desk):
    """A real server: the client of a slow answer gives up; the model stops and the next ask runs."""
    settings = make_settings(seeded_desk.settings.index_dir, model_queue=2, model_wait=20)
    model = SlowModel(responses=["The troops were deployed. " * 40], sleep=0.05)  # ~50 s in full
    app = create_app(settings)
    app.state.desk = Desk(settings, chat_model=model)
    with serving(app) as base:
        for path in ("/ask", "/ask/stream"):
            with pytest.raises(httpx.ReadTimeout), httpx.Client(timeout=3) as client:
                response = client.post(f"{base}{path}", json={"question": "Were troops deployed?"})
                for _ in response.iter_bytes():
                    pass
            assert _stops_streaming(model, within=3), f"{path}: the model stopped once the client left"
            assert model.streamed < 200, "far short of the ~1,000 characters of the full answer"
            started = time.monotonic()
            slot = app.state.desk.gate.take()  # free again (the wait would end in a Busy otherwise)
            slot.release()
            assert time.monotonic() - started < 1


# --- the API key and trusted hosts ---------------------------------------------------------------------

KEY = "s3cret-key-for-tests"
NEW = {"id": "glimmer", "text": "Glimmer report\nThe Glimmer ferry carried 40 passengers."}


def test_writes_need_the_key_when_one_is_set(seeded_desk):
    client = client_for(seeded_desk, api_key=KEY)
    for headers in ({}, {"Authorization": "Bearer wrong"}, {"Authorization": f"Basic {KEY}"}):
        response = client.post("/documents", json=NEW, headers=headers)
        assert response.status_code == 401 and response.headers["WWW-Authenticate"] == "Bearer"
        assert "NEWSDESK_API_KEY" in response.json()["detail"]
        assert client.put("/documents/glimmer", json=NEW, headers=headers).status_code == 401
        assert client.post("/summaries", json={"doc_ids": None}, headers=headers).status_code == 401
    with pytest.raises(Exception, match="no document"):
        client.app.state.desk.document("glimmer")
    good = {"Authorization": f"Bearer {KEY}"}
    assert client.post("/documents", json=NEW, headers=good).status_code == 201
    assert client.put("/documents/glimmer", json={"text": NEW["text"]}, headers=good).status_code == 200
    assert client.get("/documents").status_code == 200, "reading stays open by default"
    assert client.post("/ask", json={"question": "How many troops were deployed?"}).status_code == 200


def test_every_endpoint_but_health_needs_the_key_with_scope_all(seeded_desk):
    client = client_for(seeded_desk, api_key=KEY, api_key_scope="all")
    assert client.get("/health").status_code == 200
    for path in ("/documents", "/search?q=troops", "/disagreements?assertions=false"):
        assert client.get(path).status_code == 401
        assert client.get(path, headers={"Authorization": f"Bearer {KEY}"}).status_code == 200
    assert client.post("/ask", json={"question": "Troops?"}).status_code == 401


def test_no_key_means_open_and_the_schema_declares_the_bearer(seeded_desk):
    client = client_for(seeded_desk)
    assert client.post("/documents", json=NEW).status_code == 201
    schema = client.get("/openapi.json").json()
    assert "HTTPBearer" in schema["components"]["securitySchemes"]
    assert "401" in schema["paths"]["/documents"]["post"]["responses"]
    assert "429" in schema["paths"]["/ask"]["post"]["responses"]


def test_trusted_hosts(seeded_desk):
    client = client_for(seeded_desk, trusted_hosts="news.example.org, localhost")
    assert client.get("/health").status_code == 400  # TestClient's Host is "testserver"
    assert client.get("/health", headers={"Host": "news.example.org"}).status_code == 200


def test_serve_refuses_an_open_address_without_a_key(monkeypatch):
    monkeypatch.delenv("NEWSDESK_API_KEY", raising=False)
    from service.settings import get_settings

    get_settings.cache_clear()
    result = CliRunner().invoke(cli, ["serve", "--host", "0.0.0.0"])
    get_settings.cache_clear()
    assert result.exit_code == 2
    assert "NEWSDESK_API_KEY" in result.output and "127.0.0.1" in result.output
    assert is_loopback("127.0.0.1") and is_loopback("::1") and is_loopback("localhost")
    assert not is_loopback("0.0.0.0") and not is_loopback("10.1.2.3") and not is_loopback("example.org")


# --- follow-ups count toward the limits ----------------------------------------------------------------


def test_a_long_follow_up_is_a_422_not_a_503(seeded_desk):
    client = client_for(seeded_desk)
    messages = [
        {"role": "user", "content": "How many troops were deployed?"},
        {"role": "assistant", "content": "About 1,000 [1]."},
        {"role": "user", "content": "And what about them " + "x" * 1_000_000},
    ]
    response = client.post("/v1/chat/completions", json={"messages": messages})
    assert response.status_code == 422
    assert "too long (1000020 characters, limit 1000)" in response.json()["detail"][0]["msg"]


def test_history_is_cut_to_its_budget_oldest_first():
    history = [Turn(question="q" * 1500, answer="a" * 1500), Turn(question="Who went?", answer="Troops [1].")]
    shown = format_history(history, budget=400)
    assert shown == "Q: Who went?\nA: Troops [1]."
    alone = format_history([Turn(question="q" * 5000, answer="a")], budget=400)
    assert len(alone) == 400


# --- a long document does not hold up the others -------------------------------------------------------


def test_a_document_being_embedded_does_not_hold_the_write_lock(seeded_desk, caplog):
    """While a long article is embedded (held here until the short one is in), a short one is added."""
    from service.api.documents import logged_progress

    embed, short_done = seeded_desk.embedder.embed, threading.Event()

    def held_embed(texts, on_batch=None):
        if any("Quillmoor" in t for t in texts):
            assert short_done.wait(30), "the short document waited for the long one"
        return embed(texts, on_batch=on_batch)

    seeded_desk.embedder.embed = held_embed
    long_text = "Quillmoor dam\n" + " ".join(f"The Quillmoor dam had {i} breaches." for i in range(300))
    progress = logged_progress("dam", every=0)
    with caplog.at_level("INFO", logger="newsdesk"):
        long_add = threading.Thread(
            target=seeded_desk.add_document, args=(long_text, "dam", None, False, progress)
        )
        long_add.start()
        seeded_desk.add_document("Glimmer report\nThe Glimmer ferry carried 40 passengers.", doc_id="ferry")
        short_done.set()
        long_add.join(60)
    assert {"dam", "ferry"} <= {d.id for d in seeded_desk.documents()}
    assert any("embedding document dam:" in r.message and "chunks" in r.message for r in caplog.records)
