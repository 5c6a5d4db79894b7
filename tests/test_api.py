"""HTTP routes: status codes, shapes, and error mapping."""

import pytest
from fastapi.testclient import TestClient

from service.api import create_app


@pytest.fixture
def client(seeded_desk):
    app = create_app(seeded_desk.settings)
    app.state.desk = seeded_desk
    return TestClient(app)


def test_health_reports_index_size(client):
    body = client.get("/health").json()
    assert body["documents"] == 5 and body["chunks"] > 20
    assert "all-MiniLM-L6-v2" in body["embedding_model"]


def test_documents_and_document(client):
    docs = client.get("/documents").json()["documents"]
    assert len(docs) == 5 and "text" not in docs[0]
    doc = client.get(f"/documents/{docs[0]['id']}").json()
    assert doc["chars"] == len(doc["text"]) and doc["sha256"] == docs[0]["sha256"]


def test_search_finds_sappers(client):
    body = client.get("/search", params={"q": "How many sappers went to Kursk", "k": 3}).json()
    assert body["query"] == "How many sappers went to Kursk"
    assert any("1,000 sappers" in r["text"] or "1,000 deminers" in r["text"] for r in body["results"])


@pytest.mark.parametrize(
    ("path", "status"),
    [
        ("/search?q=", 422),
        ("/search?q=%20%20", 422),
        ("/search", 422),
        ("/search?q=" + "x" * 1001, 422),
        ("/search?q=ok&k=0", 422),
        ("/documents/nope", 404),
        ("/documents/..%2Fetc", 404),
        ("/documents/bad%20id", 422),
    ],
)
def test_bad_requests(client, path, status):
    response = client.get(path)
    assert response.status_code == status
    assert response.json()["detail"]


def test_post_document_is_indexed_at_once(client):
    response = client.post("/documents", json={"id": "zoo", "text": "Zebra count\nThe zoo holds 17 zebras."})
    assert response.status_code == 201
    assert response.json()["document"]["title"] == "Zebra count"
    assert client.get("/documents/zoo").json()["text"] == "Zebra count\nThe zoo holds 17 zebras."
    hits = client.get("/search", params={"q": "zebras at the zoo", "k": 1}).json()["results"]
    assert hits[0]["doc_id"] == "zoo"


@pytest.mark.parametrize(
    "body", [{"text": ""}, {"text": "   "}, {"id": "../x", "text": "Hi."}, {"id": "a b", "text": "Hi."}, {}]
)
def test_post_document_rejects_bad_input(client, body):
    assert client.post("/documents", json=body).status_code == 422


def test_openapi_is_served(client):
    assert "/search" in client.get("/openapi.json").json()["paths"]


# --- /ask ------------------------------------------------------------------------------------------

CONTRACT_KEYS = {
    "question",
    "answer",
    "abstained",
    "citations",
    "disagreements",
    "model",
    "timings_ms",
    "question_type",
}


def client_with_model(seeded_desk, model) -> TestClient:
    from service.desk import Desk

    app = create_app(seeded_desk.settings)
    app.state.desk = Desk(seeded_desk.settings, chat_model=model)
    return TestClient(app)


def test_ask_returns_the_contract(seeded_desk):
    from langchain_core.language_models.fake_chat_models import FakeListChatModel

    client = client_with_model(
        seeded_desk, FakeListChatModel(responses=["Shoigu said 1,000 sappers [1][2]."])
    )
    body = client.post("/ask", json={"question": "How many sappers went to Kursk?"}).json()
    assert set(body) == CONTRACT_KEYS
    assert body["abstained"] is False
    for citation in body["citations"]:
        assert set(citation) == {"n", "doc_id", "title", "start", "end", "quote", "published"}
        text = client.get(f"/documents/{citation['doc_id']}").json()["text"]
        assert text[citation["start"] : citation["end"]] == citation["quote"]
    assert set(body["timings_ms"]) >= {"retrieve", "generate", "total"}


def test_llm_down_is_503_and_search_still_works(seeded_desk):
    from langchain_core.language_models.fake_chat_models import FakeListChatModel

    client = client_with_model(seeded_desk, FakeListChatModel(responses=["x"], error_on_chunk_number=0))
    response = client.post("/ask", json={"question": "How many sappers went to Kursk?"})
    assert response.status_code == 503
    assert response.json()["detail"].startswith("the chat model failed")
    assert client.get("/search", params={"q": "sappers"}).status_code == 200


def test_unreachable_openai_server_is_503(seeded_desk):
    settings = seeded_desk.settings.model_copy(
        update={"llm_provider": "openai", "llm_base_url": "http://127.0.0.1:9/v1", "llm_timeout": 2.0}
    )
    from service.desk import Desk

    app = create_app(settings)
    app.state.desk = Desk(settings)
    response = TestClient(app).post("/ask", json={"question": "How many sappers went to Kursk?"})
    assert response.status_code == 503
    assert response.json()["detail"].startswith("the chat model failed")  # port 9 refuses, or CI blocks it


@pytest.mark.parametrize("body", [{"question": ""}, {"question": "  "}, {}, {"question": "x" * 1001}])
def test_bad_questions_are_422(client, body):
    assert client.post("/ask", json=body).status_code == 422


def test_disagreements_corpus_wide(seeded_desk):
    from .test_answer import JudgingFakeChatModel

    client = client_with_model(seeded_desk, JudgingFakeChatModel(responses=["unused"]))
    found = client.get("/disagreements").json()["disagreements"]
    assert [(d["kind"], d["topic"]) for d in found] == [
        ("conflict", "the number of troops in Russia"),
        ("conflict", "the number of troops killed in Russia"),
        ("assertion", "whether it was officially confirmed"),
    ]
    for claim in (c for d in found for c in d["claims"]):
        assert set(claim) >= {"doc_id", "value", "quote", "start", "end", "source", "date", "place"}
        text = client.get(f"/documents/{claim['doc_id']}").json()["text"]
        assert text[claim["start"] : claim["end"]] == claim["quote"]
    numeric_only = client.get("/disagreements", params={"assertions": "false"}).json()["disagreements"]
    assert [d["kind"] for d in numeric_only] == ["conflict"] * 2


def test_summaries_job_and_cached_summary(seeded_desk, tmp_path):
    import time

    from .test_summary import LeadModel

    model = LeadModel()
    settings = seeded_desk.settings.model_copy(update={"summaries_path": tmp_path / "summaries.jsonl"})
    client = client_with_model(seeded_desk.__class__(settings), model)
    doc_id = client.get("/documents").json()["documents"][0]["id"]
    started = client.post("/summaries", json={"doc_ids": [doc_id]})
    assert started.status_code == 202
    job_id = started.json()["id"]
    for _ in range(100):
        job = client.get(f"/summaries/{job_id}").json()
        if job["status"] in ("done", "failed"):
            break
        time.sleep(0.1)
    assert job["status"] == "done", job
    calls = len(model.calls)
    summary = client.get(f"/documents/{doc_id}/summary").json()
    assert summary["doc_id"] == doc_id and summary["citations"]
    assert len(model.calls) == calls, "the job's summary is reused"
    assert client.get("/summaries/unknown").status_code == 404
    assert client.post("/summaries", json={"doc_ids": ["nope"]}).status_code == 404


# --- limits and no overwrite by accident (issue 13) ------------------------------------------------


@pytest.fixture
def empty_client(seeded_desk, tmp_path):
    """An API over an empty index of its own (these tests write documents)."""
    from service.desk import Desk

    settings = seeded_desk.settings.model_copy(
        update={"index_dir": tmp_path / "empty-index", "max_request_bytes": 64 * 1024}
    )
    app = create_app(settings)
    app.state.desk = Desk(settings)
    app.state.desk.__dict__["embedder"] = seeded_desk.embedder  # loaded once per test session
    return TestClient(app)


@pytest.mark.parametrize(
    ("body", "detail"),
    [
        ({"id": "s", "text": "a \ud800 b."}, "unable to parse raw data as a unicode string"),
        ({"id": "n", "text": "a \x00 b."}, "String should match pattern"),  # the schema says: no NUL
    ],
)
def test_text_that_no_store_can_hold_is_422_not_500(empty_client, body, detail):
    import json

    response = empty_client.post(
        "/documents",
        content=json.dumps(body).encode(),  # json.dumps writes the surrogate as the escape \ud800
        headers={"content-type": "application/json"},
    )
    assert response.status_code == 422 and detail in str(response.json()["detail"])
    assert empty_client.get("/documents").json()["documents"] == []


def test_every_way_in_checks_text_the_same(empty_client):
    from service.errors import UnreadableDocument

    desk = empty_client.app.state.desk
    with pytest.raises(UnreadableDocument, match="unpaired surrogate"):
        desk.add_document("a \ud800 b.", doc_id="s")
    with pytest.raises(UnreadableDocument, match="NUL character"):
        desk.add_document("a \x00 b.", doc_id="n")


def test_an_empty_id_is_422_not_an_automatic_one(empty_client):
    response = empty_client.post("/documents", json={"id": "", "text": "The zoo holds 17 zebras."})
    assert response.status_code == 422
    assert empty_client.get("/documents").json()["documents"] == []


def test_titles_are_one_line_without_control_characters_and_limited(empty_client):
    title = "Zebras\n\x1b[31mescape\x1b[0m"
    response = empty_client.post(
        "/documents", json={"id": "z", "text": "The zoo holds 17 zebras.", "title": title}
    )
    assert response.json()["document"]["title"] == "Zebras [31mescape [0m"
    too_long = empty_client.post("/documents", json={"id": "t", "text": "Some text.", "title": "x" * 301})
    assert too_long.status_code == 422


def test_a_body_over_the_limit_is_413_before_it_is_read(empty_client):
    big = {"id": "big", "text": "word " * 20_000}  # 100 kB against a 64 kB limit
    response = empty_client.post("/documents", json=big)
    assert response.status_code == 413 and "64,536" not in response.json()["detail"]
    assert "over the limit of 65,536 bytes" in response.json()["detail"]

    def chunks():  # no Content-Length: counted as it streams
        yield b'{"id": "big", "text": "'
        for _ in range(100):
            yield b"word " * 200
        yield b'"}'

    streamed = empty_client.post("/documents", content=chunks(), headers={"content-type": "application/json"})
    assert streamed.status_code == 413
    assert empty_client.get("/documents").json()["documents"] == []


def test_posting_an_existing_id_is_409_and_put_replaces(empty_client):
    first = {"id": "report", "text": "Flood report\nThe river rose 2 metres."}
    assert empty_client.post("/documents", json=first).status_code == 201
    again = empty_client.post("/documents", json={"id": "report", "text": "Flood report\n999,999 metres."})
    assert again.status_code == 409
    assert "PUT /documents/report" in again.json()["detail"]
    assert "2 metres" in empty_client.get("/documents/report").json()["text"]
    replaced = empty_client.put("/documents/report", json={"text": "Flood report\nThe river rose 3 metres."})
    assert replaced.status_code == 200 and replaced.json()["chunks"] >= 1
    assert "3 metres" in empty_client.get("/documents/report").json()["text"]
    assert empty_client.put("/documents/new-one", json={"text": "A new article."}).status_code == 200


def test_a_wrong_method_lists_every_method_of_the_path(client):
    response = client.options("/documents")
    assert response.status_code == 405
    assert response.headers["Allow"] == "GET, POST"
    assert client.delete("/documents/x").headers["Allow"] == "GET, PUT"


def test_a_chat_without_a_user_message_with_text_is_a_422(client):
    for messages in (
        [{"role": "tool"}],
        [{"role": "user", "content": "   "}],
        [{"role": "user", "content": [{}]}],
    ):
        response = client.post("/v1/chat/completions", json={"messages": messages})
        assert response.status_code == 422
        assert "user message" in response.json()["detail"][0]["msg"]


def test_request_bodies_are_read_as_the_schema_types_them(client):
    assert client.post("/ask", json={"question": "How many troops?", "k": "5"}).status_code == 422
    assert client.post("/v1/chat/completions", json={"messages": [], "stream": 0}).status_code == 422
