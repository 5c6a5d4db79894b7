"""Follow-up rewriting, conversations, and the scripted `newsdesk chat` (stdin not a terminal)."""

import pytest
from typer.testing import CliRunner

from service.chat import Conversation, Turn, needs_rewriting, standalone_question
from service.cli import app
from service.errors import InvalidInput
from service.models import Answer, Citation
from service.settings import PROJECT_ROOT

from .test_streaming import RoutingFakeChatModel

PROMPTS = PROJECT_ROOT / "prompts"
HISTORY = [Turn("How many sappers went to Kursk?", "North Korea sent 1,000 sappers [1].")]


@pytest.mark.parametrize(
    ("question", "history", "expected"),
    [
        ("Who announced that?", HISTORY, True),
        ("And the construction workers?", HISTORY, True),
        ("Why?", HISTORY, True),
        ("How many North Korean troops are in Russia?", HISTORY, False),
        ("Who announced that?", [], False),
    ],
)
def test_needs_rewriting(question, history, expected):
    assert needs_rewriting(question, history) is expected


def test_standalone_question_uses_the_model_only_when_needed():
    calls = []

    def rewrite(system, user):
        calls.append(user)
        return "Rewritten: Who announced that 1,000 sappers went to Kursk?\nextra line"

    assert standalone_question("Who announced that?", HISTORY, rewrite, PROMPTS) == (
        "Who announced that 1,000 sappers went to Kursk?"
    )
    assert "Q: How many sappers went to Kursk?\nA: North Korea sent 1,000 sappers [1]." in calls[0]
    assert standalone_question("How many troops are in Russia?", HISTORY, rewrite, PROMPTS) == (
        "How many troops are in Russia?"
    )
    assert len(calls) == 1
    assert standalone_question("Who said it?", HISTORY, lambda s, u: "", PROMPTS) == "Who said it?"


def fake_answer(question: str) -> Answer:
    citation = Citation(n=1, doc_id="d", title="T", start=0, end=5, quote="Hello")
    return Answer(
        question=question,
        answer=f"About {question} [1].",
        abstained=False,
        citations=[citation],
        model="fake",
    )


def test_conversation_keeps_turns_sources_and_resets():
    conversation = Conversation(
        ask=lambda q, on_token=None: fake_answer(q),
        rewrite=lambda s, u: "Who said hello?",
        prompts_dir=PROMPTS,
    )
    with pytest.raises(InvalidInput, match="nothing asked yet"):
        conversation.source(1)
    assert conversation.send("How many sappers went to Kursk?")[0] == "How many sappers went to Kursk?"
    assert conversation.send("Who said it?")[0] == "Who said hello?"
    assert conversation.source(1).quote == "Hello"
    with pytest.raises(InvalidInput, match=r"no source \[2\]"):
        conversation.source(2)
    assert [t.question for t in conversation.history] == [
        "How many sappers went to Kursk?",
        "Who said hello?",
    ]
    conversation.reset()
    assert conversation.history == [] and conversation.last is None


def test_scripted_chat_answers_a_follow_up(env_index, monkeypatch):
    model = RoutingFakeChatModel(
        responses=["Shoigu mentioned 1,000 North Korean sappers [1].", "Sergei Shoigu confirmed it [2]."]
    )
    monkeypatch.setattr("service.desk.get_chat_model", lambda settings: model)
    runner = CliRunner()
    assert runner.invoke(app, ["index"]).exit_code == 0
    script = "How many sappers went to Kursk?\nWho announced that?\n/sources 1\n/nope\n/quit\nNot reached?\n"
    result = runner.invoke(app, ["chat"], input=script)
    assert result.exit_code == 0, result.output
    assert "Shoigu mentioned 1,000 North Korean sappers [1]." in result.output
    assert "» Who announced that North Korea was sending 1,000 sappers to Russia?" in result.output
    assert "Sergei Shoigu confirmed it [1]." in result.output  # renumbered in order of use
    assert "characters" in result.output  # /sources 1 says where the quote is
    assert "unknown command /nope" in result.output
    assert "Not reached" not in result.output
    assert model.rewrites == 1
