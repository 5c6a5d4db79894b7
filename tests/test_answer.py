"""The answer pipeline with fake chat models: verification, regeneration, fallback, abstention.

These tests pin down the deterministic layers; the model is LangChain's fake chat model, so every
expected output is exact. Real-model behaviour is covered by test_llm_cassettes.py and test_real_model.py.
"""

import pytest
from langchain_core.language_models.fake_chat_models import FakeListChatModel

from service.abstention import abstain_reason, required_terms
from service.answer import verify
from service.asked import question_frame
from service.citations import CITATION, normalize_citations, numbers_in, renumber
from service.desk import Desk
from service.errors import LLMUnavailable
from service.evidence import candidate_sentences, select_evidence
from service.models import Passage
from service.vocabulary import read_lexicon

from .conftest import SEEDS

SAPPERS = "How many sappers went to Kursk?"


def passage(n: int, quote: str, doc: str = "d") -> Passage:
    return Passage(n=n, doc_id=doc, title="t", start=0, end=len(quote), quote=quote)


EVIDENCE = [
    passage(1, "Shoigu said 1,000 sappers would go to the Kursk region."),
    passage(2, "About 5,000 military construction workers will follow."),
    passage(3, "Officials praised the deployment."),
    passage(4, "Another 12 million shells were shipped."),
]


@pytest.mark.parametrize(
    ("answer", "problems"),
    [
        ("Shoigu said 1,000 sappers went to Kursk [1].", []),
        ("Shoigu said 1,000 sappers and 5,000 military construction workers would go [1][2].", []),
        (
            "[1]",
            [
                "the answer is not a sentence",
                "the answer only restates the question",
                "the question asks for a figure and the answer gives none",
            ],
        ),
        ("North Korea sent 1,000 sappers to Kursk.", ["the answer cites no passage"]),
        (
            "It sent 1,000 sappers to Kursk [7].",
            ["passage 7 does not exist"],
        ),
        ("It sent 2,000 sappers to Kursk [1].", ["sentence 1 cites [1], which does not give 2,000"]),
        (
            "It sent 1,000 sappers to Kursk [2].",
            [
                "sentence 1 cites [2], which does not give 1,000",
                "sentence 1 cites [2], which does not say kursk as the question does",
            ],
        ),
        (
            "North Korea sent 1,000 sappers to Kursk [1].",
            [
                "sentence 1 cites [1], which does not name North Korea",
                "sentence 1 cites [1], which does not say most of it (only 40% of its words)",
            ],
        ),
        (
            "About 5,000 military construction workers will follow [2].",
            ["no figure in the answer counts what the question asks about (sapper)"],
        ),
        (
            "Shoigu spoke about sappers going to Kursk [1].",
            ["the question asks for a figure and the answer gives none"],
        ),
    ],
)
def test_verify(answer, problems):
    assert verify(answer, SAPPERS, EVIDENCE, frame=question_frame(SAPPERS)).all_problems == problems


def test_a_yes_or_no_is_not_a_restatement_and_an_echoed_prompt_is_rejected():
    question = "Did Shoigu say 1,000 sappers went to the Kursk region?"
    assert verify("Yes, Shoigu said 1,000 sappers went to the Kursk region [1].", question, EVIDENCE).ok
    assert verify("Shoigu said 1,000 sappers went to the Kursk region [1].", question, EVIDENCE).problems == [
        "the answer only restates the question"
    ]
    echo = "Passages:\n[1] Shoigu said 1,000 sappers would go to the Kursk region [1]."
    assert "the answer repeats the prompt" in verify(echo, SAPPERS, EVIDENCE).problems


def test_restating_the_question_is_rejected():
    verdict = verify(
        "The Russian general credited North Korean units [1].",
        "Which Russian general credited North Korean units?",
        EVIDENCE,
    )
    assert verdict.problems == ["the answer only restates the question"]


def test_citation_lists_are_split_and_renumbered_in_order_of_use():
    text = normalize_citations("Workers [2, 1] and sappers [1].")
    assert text == "Workers [2][1] and sappers [1]."
    renumbered, citations = renumber(text, EVIDENCE)
    assert renumbered == "Workers [1][2] and sappers [2]."
    assert [(c.n, c.quote) for c in citations] == [(1, EVIDENCE[1].quote), (2, EVIDENCE[0].quote)]


@pytest.mark.parametrize(
    ("question", "terms"),
    [
        ("How many tanks did North Korea send to Russia?", ("tanks", ["north", "korea", "russia"])),
        (SAPPERS, ("sappers", ["kursk"])),
        (
            "How many military construction workers has North Korea sent?",
            ("workers", ["construction", "north", "korea"]),
        ),
        ("How many head of cattle were lost in Veldaria?", ("cattle", ["veldaria"])),
        ("How many people died in the cholera outbreak?", (None, ["cholera", "outbreak"])),
        ("Who was the communications minister who spoke?", (None, ["communications"])),
        ("Which Norrevian general led the army?", (None, [])),  # what is asked is not a restriction
        ("Which Russian general praised Veldarian units in Marrowby?", (None, ["veldarian", "marrowby"])),
        ("What did Kim Jong Un pledge to erect in Pyongyang?", (None, ["kim", "jong", "un", "pyongyang"])),
        ("Did 'The Verge' report on Google in November?", (None, ["verge", "google"])),
    ],
)
def test_required_terms(question, terms):
    assert required_terms(question) == terms


def test_abstains_when_a_required_term_is_in_no_evidence():
    assert (
        abstain_reason("How many tanks went to Kursk?", EVIDENCE)
        == "none of the relevant passages mentions “tanks”"
    )
    assert (
        abstain_reason("Did China send sappers?", EVIDENCE)
        == "none of the relevant passages mentions “china”"
    )
    assert abstain_reason(SAPPERS, EVIDENCE) is None
    assert abstain_reason("How many deminers went to Kursk?", EVIDENCE) is not None  # no lexicon: unknown
    lexicon = read_lexicon(SEEDS / "lexicon.csv")  # seeds/lexicon.csv: "sapper, deminer, …"
    assert abstain_reason("How many deminers went to Kursk?", EVIDENCE, synonyms=lexicon) is None
    assert abstain_reason(SAPPERS, []) == "no passage in the articles is relevant enough"
    assert abstain_reason("How many tanks went to Kursk?", EVIDENCE, check_terms=False) is None


def test_a_question_naming_many_things_may_miss_one_in_four():
    evidence = [passage(1, "Shoigu said Kim Jong Un sent 1,000 sappers from Pyongyang to the Kursk region.")]
    many = "Did Shoigu, Kim and Putin say that Pyongyang sent sappers to Kursk?"  # Putin: 1 of 5 missing
    assert abstain_reason(many, evidence) is None
    fewer = "Did Shoigu and Putin say that sappers went to Kursk?"  # Putin: 1 of 3 missing
    assert abstain_reason(fewer, evidence) == "none of the relevant passages mentions “putin”"
    titled = [evidence[0].model_copy(update={"title": "Putin's envoy in Pyongyang"})]
    assert abstain_reason(fewer, titled) is None  # the title counts


# --- the whole pipeline over the real index, with a fake model ------------------------------------


class CountingFakeChatModel(FakeListChatModel):
    """LangChain's fake list model, counting how often it is asked to generate."""

    calls: int = 0

    def _stream(self, *args, **kwargs):
        self.calls += 1
        yield from super()._stream(*args, **kwargs)


def desk_with(shared_desk, *responses: str) -> tuple[Desk, CountingFakeChatModel]:
    model = CountingFakeChatModel(responses=list(responses))
    return Desk(shared_desk.settings, chat_model=model), model


def quote_of(desk: Desk, citation) -> str:
    return desk.document(citation.doc_id).text[citation.start : citation.end]


def evidence_for(desk: Desk, question: str):
    candidates = candidate_sentences(desk.search(question, desk.settings.ask_k))
    return select_evidence(question, candidates, desk.embedder, desk.settings, desk.retriever.idf())


def test_verified_answer_is_kept_and_renumbered(shared_desk):
    desk, _ = desk_with(shared_desk, "placeholder")
    evidence = evidence_for(desk, SAPPERS)
    n = next(p.n for p in evidence[:3] if "1,000" in p.quote)
    desk, model = desk_with(shared_desk, f"North Korea sent 1,000 sappers to Kursk [{n}].")
    answer = desk.ask(SAPPERS)
    assert answer.answer == "North Korea sent 1,000 sappers to Kursk [1]."
    assert not answer.abstained and answer.model == "qwen2.5-coder-1.5b-instruct-q4_k_m"
    assert [c.n for c in answer.citations] == [1]
    assert answer.citations[0].quote == quote_of(desk, answer.citations[0]) == evidence[n - 1].quote
    assert model.calls == 1, "a verified answer needs one generation"


def test_failed_answer_is_regenerated_once(shared_desk):
    desk, model = desk_with(
        shared_desk, "North Korea sent 3,000 sappers [1].", "Shoigu said 1,000 sappers [1][2]."
    )
    evidence = evidence_for(desk, SAPPERS)
    answer = desk.ask(SAPPERS)
    if all("1,000" not in p.quote for p in evidence[:2]):
        pytest.fail("the two best passages should state 1,000")
    assert model.calls == 2
    assert answer.answer == "Shoigu said 1,000 sappers [1][2]."
    assert [c.quote for c in answer.citations] == [evidence[0].quote, evidence[1].quote]


def test_extractive_fallback_after_two_failures(shared_desk):
    desk, model = desk_with(shared_desk, "They sent 3,000 [1].", "Nobody knows [9].")
    evidence = evidence_for(desk, SAPPERS)
    answer = desk.ask(SAPPERS)
    best = next(p for p in evidence[:3] if any(ch.isdigit() for ch in p.quote))
    assert model.calls == 2
    assert answer.answer == " ".join(best.quote.split()) + " [1]"
    assert answer.citations[0].quote == best.quote == quote_of(desk, answer.citations[0])
    assert answer.model.startswith("extractive fallback")


def test_abstention_never_calls_the_model(shared_desk):
    desk, model = desk_with(shared_desk)  # no responses: calling it would fail
    answer = desk.ask("How many tanks did North Korea send to Russia?")
    assert answer.abstained and answer.citations == []
    assert answer.answer == "The sources do not say: none of the relevant passages mentions “tanks”."
    assert model.calls == 0


def test_model_failure_is_llm_unavailable(shared_desk):
    broken = FakeListChatModel(responses=["never delivered"], error_on_chunk_number=0)
    desk = Desk(shared_desk.settings, chat_model=broken)
    with pytest.raises(LLMUnavailable, match="the chat model failed: FakeListChatModelError"):
        desk.ask(SAPPERS)


# --- disagreements in answers ------------------------------------------------------------------------


class JudgingFakeChatModel(CountingFakeChatModel):
    """Answers from `responses`; asked to judge a contradiction, says yes when the pair mentions
    `contradiction_about` (a stand-in for a judge that understands both statements)."""

    contradiction_about: str = "participation"

    def _stream(self, messages, *args, **kwargs):
        if "contradict" in messages[0].content:
            verdict = "yes" if self.contradiction_about in messages[1].content else "no"
            yield from FakeListChatModel(responses=[verdict])._stream(messages, *args, **kwargs)
        else:
            yield from super()._stream(messages, *args, **kwargs)


def assert_grounded(answer):
    """Every [n] resolves to a citation, every quote is exact, every number occurs in a cited quote."""
    cited = " ".join(c.quote for c in answer.citations)
    assert {int(n) for n in CITATION.findall(answer.answer)} == {c.n for c in answer.citations}
    assert numbers_in(answer.answer) <= numbers_in(cited)


def test_conflicting_figures_are_reported_with_citations(shared_desk):
    question = "How many North Korean troops are in Russia?"
    desk = Desk(shared_desk.settings, chat_model=JudgingFakeChatModel(responses=["Nobody knows [9]."]))
    answer = desk.ask(question)
    assert [(d.kind, d.topic) for d in answer.disagreements] == [
        ("conflict", "the number of troops in Russia")
    ]
    [disagreement] = answer.disagreements
    values = {(c.value, c.source) for c in disagreement.claims}
    assert values == {("10,000", "NIS"), ("11,000", "Intelligence reports")}
    assert "The sources differ on the number of troops in Russia: around 10,000 (NIS) [" in answer.answer
    for claim in disagreement.claims:
        assert desk.document(claim.doc_id).text[claim.start : claim.end] == claim.quote
        assert any(c.doc_id == claim.doc_id and claim.value in c.quote for c in answer.citations)
    assert_grounded(answer)


def test_agreeing_sources_report_no_disagreement(shared_desk):
    desk = Desk(shared_desk.settings, chat_model=JudgingFakeChatModel(responses=["Nobody knows [9]."]))
    answer = desk.ask(SAPPERS)
    assert answer.disagreements == []
    assert "differ" not in answer.answer
    assert_grounded(answer)


def test_contradicting_assertions_are_judged_and_reported(shared_desk):
    question = "Has Russia officially acknowledged that North Korean troops fought in the Kursk region?"
    model = JudgingFakeChatModel(responses=["Nobody knows [9]."])
    answer = Desk(shared_desk.settings, chat_model=model).ask(question)
    [assertion] = [d for d in answer.disagreements if d.kind == "assertion"]
    assert [c.value for c in assertion.claims] == ["officially confirmed", "not officially acknowledged"]
    assert {c.doc_id for c in assertion.claims} == {"001_e826ffe27127b615", "002_259d7bc1059523dd"}
    assert_grounded(answer)

    model = JudgingFakeChatModel(responses=["Nobody knows [9]."], contradiction_about="nothing at all")
    answer = Desk(shared_desk.settings, chat_model=model).ask(question)
    assert [d for d in answer.disagreements if d.kind == "assertion"] == []
