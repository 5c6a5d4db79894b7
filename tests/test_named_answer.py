"""A "who"/"which" question answered by the name alone when the model's sentence restates the question
(service/named_answer.py). Made-up articles; the real model's behaviour that motivates it is measured by
`newsdesk eval multihop --mode gold` (README, "Question types")."""

from __future__ import annotations

import pytest

from service.models import Passage
from service.named_answer import named_answer


def passage(n: int, title: str, quote: str) -> Passage:
    return Passage(n=n, doc_id=f"d{n}", title=title, start=0, end=len(quote), quote=quote, published="")


BRIDGE = [
    passage(1, "Marrowby Courier: Who built the bridge", "Orvane Works built the Sallow bridge in 2019."),
    passage(
        2, "Haldmark Gazette: Council fines builder", "The Haldmark council fined Orvane Works on Monday."
    ),
    passage(3, "Haldmark Gazette: Weather", "Rain is expected across the valley."),
]
QUESTION = (
    "Which company, reported by the Marrowby Courier and the Haldmark Gazette, built the Sallow bridge and "
    "was fined by the Haldmark council?"
)
RESTATED = (
    "Orvane Works, reported by the Marrowby Courier and the Haldmark Gazette, built the Sallow bridge and "
    "was fined by the Haldmark council [1]."
)


def test_a_restating_draft_gives_its_name_cited_to_every_passage_naming_it():
    assert named_answer(QUESTION, [RESTATED], BRIDGE) == "The company is Orvane Works [1][2]."


def test_the_name_must_come_with_the_restrictions_a_shown_passage_states():
    """[2] is the only passage holding "Haldmark crossing", and it names Tomas Vell: Ada Morrow is not the
    answer."""
    evidence = [
        passage(1, "Courier: Engineers", "Ada Morrow commanded the engineers."),
        passage(2, "Gazette: Crossing", "At the Haldmark crossing, Tomas Vell commanded the engineers."),
    ]
    question = "Who is the officer who commanded the engineers at the Haldmark crossing?"
    assert (
        named_answer(question, ["Ada Morrow commanded them at the Haldmark crossing [1]."], evidence) is None
    )
    assert named_answer(question, ["Tomas Vell commanded them at the Haldmark crossing."], evidence) == (
        "The officer is Tomas Vell [2]."
    )


def test_the_phrase_defining_what_is_asked_must_be_held_by_the_passages_naming_the_answer():
    """Only [2] holds the sappers; [1] names a general who never meets them: he is not their commander."""
    evidence = [
        passage(1, "Courier: Staff", "General Ada Morrow praised the Veldarian units at Haldmark."),
        passage(2, "Gazette: Deployment", "Some 1,000 Veldarian sappers were sent to Haldmark."),
    ]
    question = "What is the name of the Veldarian general commanding the sappers?"
    draft = "The name of the Veldarian general commanding the sappers is Ada Morrow [1]."
    assert named_answer(question, [draft], evidence) is None
    held = [*evidence, passage(3, "Post: Command", "Ada Morrow now commands the sappers.")]
    assert named_answer(question, [draft], held) == "The general is Ada Morrow [1][3]."


@pytest.mark.parametrize(
    ("question", "draft"),
    [
        (QUESTION, "Orvane Works or Tesk Holdings built the Sallow bridge [1]."),  # two new names: no choice
        (QUESTION, "The company built the Sallow bridge [1]."),  # no new name
        (QUESTION, "Quillmoor Ltd built the Sallow bridge [1]."),  # a name no passage holds
        ("How many bridges did Orvane Works build?", "Orvane Works built the Sallow bridge [1]."),  # a figure
        ("Did Orvane Works build the Sallow bridge?", "Orvane Works built it [1]."),  # a verdict question
        ("Who built the Sallow bridge?", "Orvane Works built it [1]."),  # nothing to call the answer by
    ],
)
def test_no_name_alone_otherwise(question, draft):
    assert named_answer(question, [draft], BRIDGE) is None


def test_the_answerer_falls_back_to_the_name_when_neither_draft_is_supported(shared_desk):
    from langchain_core.language_models.fake_chat_models import FakeListChatModel

    from service.desk import Desk

    uncited = RESTATED.replace(" [1]", "")  # a small model's restatement, citing nothing
    desk = Desk(shared_desk.settings, chat_model=FakeListChatModel(responses=[uncited, uncited]))
    text, verdict = desk.answerer._generate_verified(QUESTION, BRIDGE, None, None)
    assert (text, verdict.ok) == ("The company is Orvane Works [1][2].", True)
