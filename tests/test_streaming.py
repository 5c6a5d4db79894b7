"""POST /ask/stream (Server-Sent Events) and the OpenAI-compatible /v1/chat/completions, tested with the
real `openai` client and LangChain's ChatOpenAI talking to the app (the chat model itself is a fake)."""

import json

import openai
import pytest
from fastapi.testclient import TestClient
from langchain_core.language_models.fake_chat_models import FakeListChatModel
from langchain_openai import ChatOpenAI

from service.api import create_app
from service.desk import Desk

from .test_answer import CountingFakeChatModel

SAPPERS = "How many sappers went to Kursk?"


class RoutingFakeChatModel(CountingFakeChatModel):
    """Answers from `responses`; rewrites follow-ups to `rewritten`; judges no contradiction."""

    rewritten: str = "Who announced that North Korea was sending 1,000 sappers to Russia?"
    rewrites: int = 0

    def _stream(self, messages, *args, **kwargs):
        system = messages[0].content
        if "rewrite" in system:
            self.rewrites += 1
            yield from FakeListChatModel(responses=[self.rewritten])._stream(messages, *args, **kwargs)
        elif "contradict" in system:
            yield from FakeListChatModel(responses=["no"])._stream(messages, *args, **kwargs)
        else:
            yield from super()._stream(messages, *args, **kwargs)


def app_with(seeded_desk, model) -> TestClient:
    app = create_app(seeded_desk.settings)
    app.state.desk = Desk(seeded_desk.settings, chat_model=model)
    return TestClient(app)


def events_of(body: str) -> list[tuple[str, object]]:
    events = []
    for block in body.strip().split("\n\n"):
        fields = dict(line.split(": ", 1) for line in block.splitlines())
        events.append((fields["event"], json.loads(fields["data"])))
    return events


def test_ask_stream_sends_tokens_then_the_verified_answer(seeded_desk):
    client = app_with(seeded_desk, RoutingFakeChatModel(responses=["Shoigu said 1,000 sappers went [1][2]."]))
    with client.stream("POST", "/ask/stream", json={"question": SAPPERS}) as response:
        assert response.headers["content-type"].startswith("text/event-stream")
        events = events_of(response.read().decode())
    kinds = [kind for kind, _ in events]
    assert kinds[-3:] == ["citations", "disagreements", "done"] and set(kinds[:-3]) == {"token"}
    assert (
        "".join(data["text"] for kind, data in events if kind == "token")
        == "Shoigu said 1,000 sappers went [1][2]."
    )
    done = events[-1][1]
    assert done["answer"] == "Shoigu said 1,000 sappers went [1][2]." and done["citations"] == events[-3][1]
    plain = client.post("/ask", json={"question": SAPPERS}).json()
    assert {k: v for k, v in plain.items() if k != "timings_ms"} == {
        k: v for k, v in done.items() if k != "timings_ms"
    }


def test_ask_stream_errors(seeded_desk):
    client = app_with(seeded_desk, FakeListChatModel(responses=["x"], error_on_chunk_number=0))
    assert client.post("/ask/stream", json={"question": " "}).status_code == 422
    events = events_of(client.post("/ask/stream", json={"question": SAPPERS}).text)
    assert events[-1][0] == "error" and events[-1][1]["status"] == 503


def openai_client(client: TestClient) -> openai.OpenAI:
    return openai.OpenAI(base_url="http://testserver/v1", api_key="unused", http_client=client)


def test_openai_client_gets_footnotes_and_structured_sources(seeded_desk):
    client = app_with(seeded_desk, RoutingFakeChatModel(responses=["Shoigu said 1,000 sappers went [1]."]))
    completion = openai_client(client).chat.completions.create(
        model="newsdesk", messages=[{"role": "user", "content": SAPPERS}]
    )
    content = completion.choices[0].message.content
    structured = completion.model_extra["newsdesk"]
    assert content.startswith("Shoigu said 1,000 sappers went [1].\n\n[1]: ")
    first = structured["citations"][0]
    assert f"({first['doc_id']}, characters {first['start']}–{first['end']})" in content
    assert " ".join(first["quote"].split()) in content
    assert structured["abstained"] is False and structured["question"] == SAPPERS


def test_openai_streaming_assembles_the_same_content(seeded_desk):
    model = RoutingFakeChatModel(responses=["Shoigu said 1,000 sappers went [1]."])
    client = openai_client(app_with(seeded_desk, model))
    whole = client.chat.completions.create(model="newsdesk", messages=[{"role": "user", "content": SAPPERS}])
    stream = client.chat.completions.create(
        model="newsdesk", messages=[{"role": "user", "content": SAPPERS}], stream=True
    )
    chunks = list(stream)
    assert "".join(c.choices[0].delta.content or "" for c in chunks) == whole.choices[0].message.content
    assert chunks[-1].choices[0].finish_reason == "stop"
    assert chunks[-1].model_extra["newsdesk"]["citations"] == whole.model_extra["newsdesk"]["citations"]


def test_history_turns_make_a_follow_up_standalone(seeded_desk):
    model = RoutingFakeChatModel(responses=["Shoigu announced it [1]."])
    client = openai_client(app_with(seeded_desk, model))
    messages = [
        {"role": "system", "content": "Be brief."},
        {"role": "user", "content": SAPPERS},
        {"role": "assistant", "content": "North Korea sent 1,000 sappers [1]."},
        {"role": "user", "content": "Who announced that?"},
    ]
    completion = client.chat.completions.create(model="newsdesk", messages=messages)
    assert model.rewrites == 1
    assert (
        completion.model_extra["newsdesk"]["question"]
        == RoutingFakeChatModel.model_fields["rewritten"].default
    )


def test_langchain_chat_openai_talks_to_newsdesk(seeded_desk):
    client = app_with(seeded_desk, RoutingFakeChatModel(responses=["Shoigu said 1,000 sappers went [1]."]))
    llm = ChatOpenAI(base_url="http://testserver/v1", api_key="unused", model="newsdesk", http_client=client)
    reply = llm.invoke(SAPPERS)
    assert reply.content.startswith("Shoigu said 1,000 sappers went [1].")
    assert "".join(chunk.content for chunk in llm.stream(SAPPERS)) == reply.content


@pytest.mark.parametrize(
    "messages",
    [[], [{"role": "assistant", "content": "hi"}], [{"role": "user", "content": "  "}]],
)
def test_bad_chat_requests_are_422(seeded_desk, messages):
    client = app_with(seeded_desk, RoutingFakeChatModel(responses=["unused"]))
    response = client.post("/v1/chat/completions", json={"model": "newsdesk", "messages": messages})
    assert response.status_code == 422
