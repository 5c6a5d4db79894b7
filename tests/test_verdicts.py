"""Question types and their answer shapes (service/questions.py:question_type, service/verdicts.py), with a
scripted model: what the code does with each kind of reply. The real model's replies are replayed in
tests/test_llm_cassettes.py and run in-process in tests/test_real_model.py."""

from __future__ import annotations

import json

import pytest

from service.abstention import phrases_of
from service.models import Passage
from service.questions import options, positive_form, question_type
from service.verdicts import (
    MAX_CLAIM_CHARS,
    DraftStream,
    Part,
    VerdictAnswerer,
    clean_claim,
    event_date,
    order_schema,
    parse_parts,
    render_order,
    verdict_schema,
)
from service.vocabulary import Vocabulary


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("Did the Marrowby Courier report that the bridge reopened?", "yes_no"),
        ("Has the council approved the Haldmark budget?", "yes_no"),
        ("Did both outlets report the same number of evacuees?", "comparison"),
        ("Does the Courier describe the flood as worse than the Gazette does?", "comparison"),
        ("Was the bridge closed before the storm reached Marrowby?", "temporal"),
        ("After the Gazette reported the closure on 3 May, did the Courier say it had changed?", "temporal"),
        ("Between the report of 3 May and the report of 9 May, was there agreement on the toll?", "temporal"),
        ("Was the closure reported before or after the evacuation?", "order"),
        ("Which report came first?", "order"),
        ("How many people were evacuated from Marrowby?", "quantity"),
        ("Who opened the bridge?", "person"),
        ("Which company was first to bid for the first phase of the work?", "open"),  # "first", no order
        ("What did the mayor say about the bridge?", "open"),
        # a question word before the verb: not a yes/no question after an opening phrase
        ("Based on the Courier and the Gazette, which team, named in both, was praised?", "open"),
        ("Did the Gazette report which team won?", "yes_no"),
    ],
)
def test_question_types(question, kind):
    assert question_type(question) == kind


def test_options_are_the_opposites_a_question_offers():
    assert options("Did the Courier's view remain consistent or inconsistent?") == [
        "consistent",
        "inconsistent",
    ]
    assert options("Did the Gazette agree or disagree with the council?") == ["agree", "disagree"]
    assert options("Was it reported before or after the vote?") == ["before", "after"]
    assert options("Did the mayor or the council approve it?") == []


def passage(n: int, doc_id: str, title: str, quote: str, published: str) -> Passage:
    return Passage(n=n, doc_id=doc_id, title=title, start=0, end=len(quote), quote=quote, published=published)


PASSAGES = [
    passage(
        1,
        "courier",
        "Marrowby Courier: Bridge shut",
        "The council closed the Sallow bridge on 3 May after the flood.",
        "2026-05-04",
    ),
    passage(
        2,
        "gazette",
        "Haldmark Gazette: Bridge reopens",
        "The Sallow bridge reopened to traffic on Friday.",
        "2026-05-16",
    ),
]
QUESTION = "Did the Courier report that the council closed the Sallow bridge after the flood?"


def scripted(*replies: str):
    """A generate_json that returns the replies in turn and records what it was asked."""
    asked: list[tuple[str, str, dict]] = []

    def generate_json(system, user, schema, on_token):
        asked.append((system, user, schema))
        reply = replies[len(asked) - 1]
        for token in (reply[i : i + 7] for i in range(0, len(reply), 7)):
            if on_token:
                on_token(token)
        return reply

    return generate_json, asked


def answerer(generate_json) -> VerdictAnswerer:
    from service.settings import get_settings

    return VerdictAnswerer(generate_json, get_settings().prompts_dir, Vocabulary())


def reply(verdict: str, *parts: tuple[int, str]) -> str:
    return json.dumps({"because": [{"cite": n, "claim": c} for n, c in parts], "verdict": verdict})


def test_a_supported_verdict_is_written_by_code_with_its_citation():
    generate_json, asked = scripted(reply("yes", (1, "The council closed the Sallow bridge on 3 May")))
    shaped = answerer(generate_json).answer("yes_no", QUESTION, PASSAGES)
    assert shaped.text == "Yes: The council closed the Sallow bridge on 3 May [1]."
    _system, user, schema = asked[0]
    assert "(Marrowby Courier: Bridge shut, 2026-05-04)" in user, "each passage shows its article and date"
    assert schema["properties"]["verdict"]["enum"] == ["yes", "no", "not stated"]
    assert schema["properties"]["because"]["items"]["properties"]["cite"]["enum"] == [1, 2]


def test_offered_opposites_are_the_verdicts():
    question = "Did the Courier and the Gazette give a consistent or inconsistent account of the bridge?"
    generate_json, asked = scripted(
        reply("inconsistent", (1, "The council closed the Sallow bridge"), (2, "The Sallow bridge reopened"))
    )
    shaped = answerer(generate_json).answer("comparison", question, PASSAGES)
    assert shaped.text.startswith("Inconsistent: The council closed the Sallow bridge [1]. The Sallow")
    assert asked[0][2]["properties"]["verdict"]["enum"] == ["consistent", "inconsistent", "not stated"]
    assert '"consistent" or "inconsistent" or "not stated"' in asked[0][0]


@pytest.mark.parametrize(
    ("question", "asked"),
    [
        (
            "Was there inconsistency in the Courier's account?",
            "Was there consistency in the Courier's account?",
        ),
        ("Did the Gazette report it inconsistently?", "Did the Gazette report it consistently?"),
        ("Did the Courier report a dissimilar toll?", "Did the Courier report a similar toll?"),
        ("Did the Gazette disagree with the council?", "Did the Gazette agree with the council?"),
    ],
)
def test_a_relation_negated_by_its_prefix_is_asked_as_its_positive(question, asked):
    assert positive_form(question) == (asked, True)


@pytest.mark.parametrize(
    "question",
    [
        "Did the Courier's view remain consistent or inconsistent?",  # offers both: its own verdicts
        "Was the inconsistent report dissimilar to the first?",  # negated twice
        "Did the Courier report the discussion of the bridge?",  # "dis…" that negates nothing
        "Has the council's account changed?",
    ],
)
def test_other_questions_are_asked_as_they_are(question):
    assert positive_form(question) == (question, False)


def test_the_model_judges_the_positive_relation_and_code_turns_its_verdict_over():
    question = "Was there inconsistency between the Courier and the Gazette about the Sallow bridge?"
    generate_json, asked = scripted(
        reply("yes", (1, "The council closed the Sallow bridge on 3 May"), (2, "The Sallow bridge reopened"))
    )
    shown: list[str] = []
    shaped = answerer(generate_json).answer("comparison", question, PASSAGES, shown.append)
    assert "Question: Was there consistency between the Courier" in asked[0][1]
    assert "inconsistency" not in asked[0][1]
    assert shaped.text.startswith("No: The council closed the Sallow bridge on 3 May [1].")
    assert shown[-1] == "→ no", "the streamed draft shows the verdict as the question asks it"


def test_an_unsupported_claim_is_retried_with_its_problems_then_not_stated():
    wrong = reply("yes", (1, "The council closed the Sallow bridge for 40 days"))
    generate_json, asked = scripted(wrong, wrong)
    shaped = answerer(generate_json).answer("yes_no", QUESTION, PASSAGES)
    assert shaped.text is None
    assert "does not give 40" in asked[1][1], "the retry names the problem"
    assert shaped.reason == "no passage supports the facts its verdict rests on"


def test_a_claim_on_the_wrong_passage_gets_the_passage_that_supports_it():
    generate_json, _ = scripted(reply("no", (1, "The Sallow bridge reopened to traffic on Friday")))
    shaped = answerer(generate_json).answer("yes_no", "Is the Sallow bridge still closed?", PASSAGES)
    assert shaped.text.startswith("No: The Sallow bridge reopened to traffic on Friday [1][2]")


def test_a_temporal_verdict_gives_its_claims_oldest_first_with_their_articles_dates():
    question = "After the Gazette reported the bridge reopened, did the Courier still say it was closed?"
    generate_json, _ = scripted(
        reply(
            "no",
            (2, "The Sallow bridge reopened to traffic on Friday"),
            (1, "The council closed it on 3 May"),
        )
    )
    shaped = answerer(generate_json).answer("temporal", question, PASSAGES)
    assert shaped.text == (
        "No: The council closed it on 3 May [1] (2026-05-04). "
        "The Sallow bridge reopened to traffic on Friday [2] (2026-05-16)."
    )


def test_a_bare_yes_is_not_a_fact_and_a_repeated_claim_is_shown_once():
    generate_json, _ = scripted(reply("yes", (1, "Yes")), reply("yes", (1, "Yes")))
    assert answerer(generate_json).answer("yes_no", QUESTION, PASSAGES).text is None
    twice = (1, "The council closed the Sallow bridge on 3 May")
    generate_json, _ = scripted(reply("yes", twice, twice))
    shaped = answerer(generate_json).answer("yes_no", QUESTION, PASSAGES)
    assert shaped.text == "Yes: The council closed the Sallow bridge on 3 May [1]."


def test_a_claim_restating_the_question_is_shown_as_its_passage_says_it():
    """Question words count as premises in the support check, so a restated question would pass it while
    proving nothing: the verdict is shown resting on its passage, quoted."""
    question = "Has the account of the Sallow bridge changed between the articles?"
    restated = (1, "The account of the Sallow bridge has changed between the articles")
    generate_json, _ = scripted(reply("yes", restated))
    shaped = answerer(generate_json).answer("temporal", question, PASSAGES)
    assert (
        shaped.text == "Yes: The council closed the Sallow bridge on 3 May after the flood [1] (2026-05-04)."
    )


def test_not_stated_and_unreadable_replies_are_not_guessed():
    generate_json, asked = scripted(reply("not stated", (1, "The council closed the Sallow bridge")))
    assert answerer(generate_json).answer("yes_no", QUESTION, PASSAGES).text is None
    assert len(asked) == 1, "the model saying the passages do not settle it is not retried"
    generate_json, asked = scripted("Yes, it did [1].", "Yes [1]")
    shaped = answerer(generate_json).answer("yes_no", QUESTION, PASSAGES)
    assert (shaped.text, len(asked)) == (None, 2)


def test_order_is_decided_from_dates_in_code_whatever_order_the_model_lists():
    question = "Was the bridge closure reported before or after the bridge reopened?"
    closed = {"cite": 1, "claim": "The council closed the Sallow bridge on 3 May"}
    events = {"events": [closed, {"cite": 2, "claim": "The Sallow bridge reopened to traffic on Friday"}]}
    generate_json, asked = scripted(json.dumps(events))
    shaped = answerer(generate_json).answer("order", question, PASSAGES)
    assert shaped.text == (
        "Before: The council closed the Sallow bridge on 3 May [1] on 2026-05-03, "
        "before the Sallow bridge reopened to traffic on Friday [2] on 2026-05-15."
    )
    assert asked[0][2]["properties"]["events"]["minItems"] == 2
    events["events"].reverse()
    generate_json, _ = scripted(json.dumps(events))
    assert answerer(generate_json).answer("order", question, PASSAGES).text.startswith("After: The Sallow")


def test_an_event_is_dated_by_its_own_sentence_else_by_its_article():
    closed, reopened = PASSAGES
    assert event_date(Part([1], "The council closed the bridge on 3 May"), closed) == "2026-05-03"
    assert event_date(Part([2], "The bridge reopened on Friday"), reopened) == "2026-05-15"  # Friday before
    assert event_date(Part([1], "The council closed the bridge"), closed) == "2026-05-04"  # published
    assert event_date(Part([1], "The bridge closed on 9 June"), closed) == "2026-05-04"  # not in the passage


def test_which_came_first_without_opposites_names_the_first():
    first, second = Part([2], "The bridge reopened"), Part([1], "The council closed the bridge")
    text = render_order("Which report came first?", first, second, ("2026-05-16", "2026-05-04"))
    assert text == (
        "First: The council closed the bridge [1] on 2026-05-04, "
        "before the bridge reopened [2] on 2026-05-16."
    )


def test_schemas_parse_and_claims_are_cleaned():
    assert verdict_schema([1, 2], ["yes", "no"])["required"] == ["because", "verdict"]
    assert order_schema([1, 2, 3])["properties"]["events"]["items"]["properties"]["cite"]["enum"] == [1, 2, 3]
    assert parse_parts('{"because": [{"cite": 2, "claim": " It reopened [2]. "}]}', "because") == [
        Part([2], "It reopened")
    ]
    assert parse_parts('{"because": "nothing"}', "because") is None
    assert clean_claim("Yes, the bridge reopened") == "The bridge reopened"
    assert clean_claim("No one expected the bridge to reopen") == "No one expected the bridge to reopen"
    cut = "word " * (MAX_CLAIM_CHARS // 5)
    assert clean_claim(cut[: MAX_CLAIM_CHARS - 2] + "xy").endswith("word…")


def test_the_draft_streams_each_claim_as_it_completes_then_the_verdict():
    shown: list[str] = []
    stream = DraftStream(shown.append, "because")
    text = reply("yes", (1, 'The council said "closed"'), (2, "It reopened"))
    for i in range(0, len(text), 5):
        stream(text[i : i + 5])
    assert shown == ['The council said "closed" [1]. ', "It reopened [2]. ", "→ yes"]


# --- the schema reaches the model ------------------------------------------------------------------


def test_the_in_process_model_gets_the_schema_as_a_grammar_request():
    from langchain_core.messages import HumanMessage

    from service.llm import ChatLlamaCpp

    schema = verdict_schema([1], ["yes", "no"])
    bound = ChatLlamaCpp(model_path="unused.gguf").with_schema(schema)
    request = bound.bound._request([HumanMessage(content="q")], None, **bound.kwargs)
    assert request["response_format"] == {"type": "json_object", "schema": schema}
    assert "response_format" not in bound.bound._request([HumanMessage(content="q")], None)


@pytest.mark.parametrize(
    ("schema_format", "expected"),
    [
        ("json_object", lambda s: {"type": "json_object", "schema": s}),
        (
            "json_schema",
            lambda s: {"type": "json_schema", "json_schema": {"name": "answer", "schema": s, "strict": True}},
        ),
    ],
)
def test_the_openai_provider_sends_the_schema_in_the_request_body(schema_format, expected):
    from langchain_core.messages import HumanMessage

    from service.llm import build_chat_model
    from service.settings import Settings

    settings = Settings(llm_provider="openai", llm_schema_format=schema_format)
    schema = order_schema([1, 2])
    bound = build_chat_model(settings).with_schema(schema)
    payload = bound.bound._get_request_payload([HumanMessage(content="q")], **bound.kwargs)
    assert payload["extra_body"] == {"response_format": expected(schema)}
    assert "response_format" not in payload, "langchain-openai's own path would not stream"


# --- through the desk ------------------------------------------------------------------------------


def test_ask_answers_a_yes_no_question_with_the_verdict_first(shared_desk):
    from langchain_core.language_models.fake_chat_models import FakeListChatModel

    from service.desk import Desk

    verdict = json.dumps(
        {
            "because": [
                {"cite": 1, "claim": "Shoigu mentioned 5,000 construction workers and 1,000 sappers"}
            ],
            "verdict": "yes",
        }
    )
    desk = Desk(shared_desk.settings, chat_model=FakeListChatModel(responses=[verdict]))
    answer = desk.ask("Did Shoigu say that 1,000 sappers would go to the Kursk region?")
    assert answer.question_type == "yes_no" and not answer.abstained
    assert answer.answer.startswith("Yes: Shoigu mentioned 5,000 construction workers and 1,000 sappers [")
    assert all(desk.document(c.doc_id).text[c.start : c.end] == c.quote for c in answer.citations)


# --- what a named article does not mention -----------------------------------------------------------

ARTICLE = {
    "courier": "The council closed the Sallow bridge on 3 May after the flood. "
    "Engineers from Quillmoor inspected the piers.",
    "gazette": "The Sallow bridge reopened to traffic on Friday. The mayor attended.",
}


def answer_without_a_model(shared_desk, question: str, evidence=PASSAGES):
    """Answerer.answer over PASSAGES, the articles' whole texts from ARTICLE; no model reply is scripted."""
    from langchain_core.language_models.fake_chat_models import FakeListChatModel

    from service.desk import Desk

    desk = Desk(shared_desk.settings, chat_model=FakeListChatModel(responses=[]))
    return desk.answerer.answer(question, evidence, [], article_text=ARTICLE.__getitem__)


def test_a_question_about_what_a_named_article_says_of_things_it_never_mentions_is_answered_no(shared_desk):
    question = "Did the Marrowby Courier article credit Ada Morrow and Tomas Vell with the bridge's closure?"
    answer = answer_without_a_model(shared_desk, question)
    assert not answer.abstained and answer.question_type in ("yes_no", "comparison", "temporal")
    assert answer.answer == "No: the article it names does not mention “Ada Morrow” or “Tomas Vell” [1]."
    terms = {"scalable", "capital", "ada", "morrow"}  # quoted names and possessives, as questions write them
    written = phrases_of("Did 'Scalable Capital' credit Ada Morrow's team?", terms)
    assert written == ["Scalable Capital", "Ada Morrow"]
    [citation] = answer.citations
    assert citation.doc_id == "courier"
    assert ARTICLE["courier"][citation.start : citation.end] == citation.quote


@pytest.mark.parametrize(
    "question",
    [
        # the article, read whole, names them (beyond the passage shown): the sources do not say
        "Did the Marrowby Courier article credit engineers from Quillmoor with the bridge's closure?",
        # no article is named: nothing to read whole, so not a "no"
        "Did officials say that Ada Morrow and Tomas Vell closed the bridge?",
        # not about what an article says
        "Has the Marrowby Courier's view of Ada Morrow and Tomas Vell remained the same?",
    ],
)
def test_otherwise_missing_names_still_mean_the_sources_do_not_say(shared_desk, question):
    answer = answer_without_a_model(shared_desk, question)
    assert answer.abstained and answer.answer.startswith("The sources do not say")
