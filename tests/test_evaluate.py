"""The benchmark scorers (service/eval/) on tiny hand-made inputs with exact numbers, and on real data:
the seed corpus against tests/gold_disagreements.json, MultiHop-RAG retrieval over a small fact pool.
No test calls a real chat model: where an answer is needed the model is LangChain's FakeListChatModel."""

from __future__ import annotations

import collections
import json

import pytest
from langchain_core.language_models.fake_chat_models import FakeListChatModel

from service.answer import abstain_reason
from service.desk import Desk
from service.eval import disagreements as gold_disagreements
from service.eval import multihop, ramdocs
from service.eval.common import fixed_sample
from service.eval.multihop import RetrievalReport
from service.models import Answer, Claim, Disagreement
from service.settings import PROJECT_ROOT

from .conftest import make_settings

GOLD_DISAGREEMENTS = PROJECT_ROOT / "tests" / "gold_disagreements.json"
DATA = PROJECT_ROOT / "tests" / "data"  # slices of ../shared/eval (see its README)


def answer(text: str, abstained: bool = False, disagreements: list[Disagreement] | None = None) -> Answer:
    return Answer(
        question="q",
        answer=text,
        abstained=abstained,
        citations=[],
        disagreements=disagreements or [],
        model="fake",
    )


def claim(doc_id: str, value: str, counted: str | None) -> Claim:
    return Claim(doc_id=doc_id, value=value, counted=counted, quote="q", start=0, end=1)


def numeric(topic: str, counted: str, *values: tuple[str, str]) -> Disagreement:
    return Disagreement(topic=topic, kind="numeric", claims=[claim(d, v, counted) for d, v in values])


# --- retrieval metrics -------------------------------------------------------------------------------


def test_hit_rank_and_average_precision_on_a_constructed_ranking():
    retrieved = ["nothing here", "it says fact A in full", "noise", "and fact\nB too", "fact A again"]
    scores = multihop.ranking_scores(retrieved, ["fact A", "fact B"])
    assert scores == {
        "rank": 2,
        "ap": (1 / 2 + 1 / 4) / 2,
    }  # spaces and newlines are ignored, as in the paper


def test_a_gold_fact_below_rank_k_is_a_miss():
    retrieved = [f"other {i}" for i in range(10)] + ["the gold fact"]
    assert multihop.ranking_scores(retrieved, ["the gold fact"], k=10) == {"rank": None, "ap": 0.0}


def test_hits_map_and_mrr_over_queries():
    scores = [
        multihop.RankingRow(id=str(i), type="t", rank=rank, ap=ap)
        for i, (rank, ap) in enumerate([(1, 1.0), (3, 0.5), (None, 0.0), (5, 0.2)])
    ]
    assert multihop.retrieval_metrics(scores) == {
        "n": 4,
        "Hits@4": 0.5,
        "Hits@10": 0.75,
        "MAP@10": 0.425,
        "MRR@10": round((1 + 1 / 3 + 1 / 5) / 4, 4),
    }


# --- answer scoring ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "gold", "expected"),
    [
        ("Sam Bankman-Fried was found guilty [1].", "Sam Bankman-Fried", True),
        ("It was the deal with Google's rivals [2].", "Google", True),  # possessive 's dropped
        ("Yes, both articles report it [1][2].", "Yes", True),
        ("No, they do not [1].", "no", True),
        ("The answer is in the article [1].", "The Verge", False),  # only a stopword in common
        ("Passage [1] says so.", "1", False),  # citation marks are not tokens
    ],
)
def test_token_overlap_accuracy(text, gold, expected):
    assert multihop.token_match(text, gold) is expected


@pytest.mark.parametrize(
    ("text", "gold", "expected"),
    [
        ("Yes, both articles agree [1].", "Yes", True),
        ("Both articles agree, yes [1].", "Yes", False),  # a yes/no gold must be the first word
        ("No. The Verge disagrees [2].", "no", True),
        ("It was Sam Bankman-Fried [1].", "Sam Bankman-Fried", True),
        ("It was Sam Bankman [1].", "Sam Bankman-Fried", False),
        ("The Googleplex [1].", "Google", False),  # whole words only
    ],
)
def test_exact_match(text, gold, expected):
    assert multihop.exact_match(text, gold) is expected


def test_null_queries_are_scored_on_abstention():
    null = multihop.INSUFFICIENT
    assert multihop.score_multihop_answer(answer("The sources do not say.", abstained=True), null) == {
        "accuracy": True,
        "exact": True,
    }
    assert multihop.score_multihop_answer(answer("The articles do not mention it [1]."), null)["exact"]
    assert multihop.score_multihop_answer(answer("It was Google [1]."), null) == {
        "accuracy": False,
        "exact": False,
    }
    abstained = answer("The sources do not say: none mentions Google.", abstained=True)
    assert multihop.score_multihop_answer(abstained, "Google") == {"accuracy": False, "exact": False}


# --- RAMDocs scoring -----------------------------------------------------------------------------------


def ram_question(gold: list[str], wrong: list[str]) -> ramdocs.RamQuestion:
    return ramdocs.RamQuestion(id="0", question="q", documents=[], gold_answers=gold, wrong_answers=wrong)


def test_ramdocs_gold_given_wrong_only_in_the_reported_conflict():
    conflict = numeric("people", "people", ("rd000_0", "3,559"), ("rd000_1", "10,000"))
    text = "The city had 3559 people [1]. The sources differ on people: 3,559 [1]; 10,000 [2]."
    question = ram_question(["3,559 people"], ["10,000 people"])
    scores = ramdocs.score_ramdocs(answer(text, disagreements=[conflict]), question)
    assert scores == {"all_gold": True, "no_wrong": True, "exact": True, "conflict": True}


def test_ramdocs_wrong_answer_given_and_no_conflict():
    question = ram_question(["3,559 people"], ["10,000 people"])
    scores = ramdocs.score_ramdocs(answer("It had 10,000 people [2]."), question)
    assert scores == {"all_gold": False, "no_wrong": False, "exact": False, "conflict": False}


def test_ramdocs_every_gold_answer_is_needed():
    question = ram_question(["Clinton Sparks", "Symphony X"], ["Jay-Z"])
    assert ramdocs.score_ramdocs(answer("It is by Clinton Sparks [3]."), question)["all_gold"] is False
    both = ramdocs.score_ramdocs(answer("Clinton Sparks [3] and Symphony X [5] made one each."), question)
    assert both == {"all_gold": True, "no_wrong": True, "exact": True, "conflict": False}


def test_ramdocs_wrong_answer_sharing_the_key_number_must_match_by_words():
    question = ram_question(["February 8, 1900"], ["July 15, 1900"])
    right = ramdocs.score_ramdocs(answer("He was born on February 8, 1900 [1]."), question)
    assert right == {"all_gold": True, "no_wrong": True, "exact": True, "conflict": False}
    wrong = ramdocs.score_ramdocs(answer("He was born on July 15, 1900 [2]."), question)
    assert (wrong["no_wrong"], wrong["exact"]) == (False, False)


def test_ramdocs_conflict_must_name_two_documents_and_abstaining_gives_nothing():
    one_document = numeric("people", "people", ("rd000_0", "3,559"), ("rd000_0", "10,000"))
    question = ram_question(["3,559 people"], [])
    assert ramdocs.score_ramdocs(answer("x", disagreements=[one_document]), question)["conflict"] is False
    abstained = ramdocs.score_ramdocs(answer("The sources do not say 3,559.", abstained=True), question)
    assert abstained == {"all_gold": False, "no_wrong": True, "exact": False, "conflict": False}


def test_key_numbers():
    assert ramdocs.key_number("3,559 people") == "3559"
    assert ramdocs.key_number("February 8, 1900") == "1900"
    assert ramdocs.key_number("Mahesh Bhatt") is None


# --- disagreements against a gold list ----------------------------------------------------------------

SMALL_GOLD = {
    "contested": [
        {"topic": "troops", "counted": "troops", "values": ["10,000", "12,000"], "docs": ["a", "b"]},
        {"topic": "killed", "counted": "killed", "values": ["1,000", "4,000"], "docs": ["a", "b"]},
    ],
    "uncontested": [{"topic": "sappers", "counted": "sappers", "values": ["1,000"], "docs": ["a", "b"]}],
}


def test_disagreement_precision_and_recall_on_constructed_lists():
    found = [
        numeric("troops", "troops", ("a", "10,000"), ("b", "12,000"), ("c", "12,000")),  # TP, 2 of 3 claims
        numeric("sappers", "sappers", ("a", "1,000"), ("b", "2,000")),  # uncontested: FP, 1 of 2 claims
        numeric("drones", "drone", ("a", "5")),  # not in the gold list: FP
        Disagreement(topic="confirmed?", kind="assertion", claims=[claim("a", "confirmed", None)]),
    ]
    report = gold_disagreements.score_disagreements(found, SMALL_GOLD).model_dump()
    assert report["topics"] == {
        "reported": 3,
        "true_positives": 1,
        "false_positives": 2,
        "contested": 2,
        "precision": 0.3333,
        "recall": 0.5,
    }
    assert report["claims"] == {
        "reported": 6,
        "right": 3,
        "precision": 0.5,
        "value_recall": 0.5,
        "document_recall": 0.5,
    }
    assert report["not_scored"] == [{"kind": "assertion", "topic": "confirmed?"}]
    assert [r["verdict"] for r in report["rows"]] == ["TP", "FP", "FP", "FN"]


def test_a_topic_reported_twice_counts_once():
    twice = [numeric("troops", "troops", ("a", "10,000"), ("b", "12,000"))] * 2
    assert gold_disagreements.score_disagreements(twice, SMALL_GOLD).topics.true_positives == 1


def test_the_seed_corpus_matches_the_gold_disagreements(shared_desk):
    # The assertion judge would call the chat model: a fake one that always says "no" keeps tests offline.
    desk = Desk(shared_desk.settings, chat_model=FakeListChatModel(responses=["no"]))
    report = gold_disagreements.evaluate_disagreements(desk.disagreements(), GOLD_DISAGREEMENTS, "test")
    report = report.model_dump()
    assert report["topics"] == {
        "reported": 3,
        "true_positives": 3,
        "false_positives": 0,
        "contested": 3,
        "precision": 1.0,
        "recall": 1.0,
    }
    assert report["claims"] == {
        "reported": 14,
        "right": 14,
        "precision": 1.0,
        "value_recall": 1.0,
        "document_recall": 1.0,
    }
    assert report["command"] == "test"


# --- samples and data ------------------------------------------------------------------------------------


def test_fixed_samples_are_deterministic_prefixes_in_proportion():
    queries = multihop.load_multihop(DATA)
    by_type = lambda q: q.type  # noqa: E731
    forty = fixed_sample(queries, 40, stratum=by_type)
    assert [q.id for q in forty] == [q.id for q in fixed_sample(queries, 40, stratum=by_type)]
    assert forty[:20] == fixed_sample(queries, 20, stratum=by_type)
    in_data = collections.Counter(q.type for q in queries)
    assert in_data == {"inference_query": 21, "comparison_query": 19, "temporal_query": 10, "null_query": 10}
    assert collections.Counter(q.type for q in forty) == {
        "inference_query": 14,
        "comparison_query": 12,
        "temporal_query": 7,
        "null_query": 7,
    }
    assert len(fixed_sample(list(range(10)), None)) == 10


def test_the_benchmark_files_load():
    queries = multihop.load_multihop(DATA)
    assert len(queries) == 60 and len(multihop.fact_pool(queries)) == 96
    assert sum(not q.facts for q in queries) == sum(q.answer == multihop.INSUFFICIENT for q in queries) == 10
    questions = ramdocs.load_ramdocs(DATA)
    assert len(questions) == 5
    assert questions[0].gold_answers == ["3,559 people"] and questions[0].documents[0].doc_id == "rd000_0"


# --- MultiHop-RAG on real data ----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def multihop_desk(tmp_path_factory):
    """A Desk over the fact pool of the first 20 queries (own index), and those queries."""
    settings = multihop.multihop_settings(
        make_settings(tmp_path_factory.mktemp("mh") / "index").model_copy(update={"eval_dir": DATA})
    )
    queries = multihop.load_multihop(settings.eval_dir)[:20]
    return Desk(settings, chat_model=FakeListChatModel(responses=["unused"])), queries


def test_retrieval_over_a_small_fact_pool(multihop_desk):
    desk, queries = multihop_desk
    typed = multihop.evaluate_multihop_retrieval(desk, queries, "newsdesk eval multihop --limit 20")
    assert RetrievalReport.model_validate_json(typed.model_dump_json()) == typed
    report = typed.model_dump()
    pool = multihop.fact_pool(queries)
    assert report["index"] == {"facts": len(pool), "indexed": len(pool), "unchanged": 0}
    assert report["scored"] + report["excluded_null"] == 20
    assert report["scored"] == sum(bool(q.facts) for q in queries)
    assert 0.0 <= report["overall"]["Hits@10"] <= 1.0
    assert report["overall"]["Hits@4"] <= report["overall"]["Hits@10"]
    assert json.loads(json.dumps(report)) == report
    again = multihop.index_facts(desk, pool).model_dump()
    assert again == {"facts": len(pool), "indexed": 0, "unchanged": len(pool)}
    fact = pool[3]
    verbatim = [r.text for r in desk.search(fact.text, 10)]
    assert multihop.ranking_scores(verbatim, [fact.text])["rank"] == 1
    assert desk.document(fact.doc_id).title == f"{fact.source}: {fact.title}"


def test_answer_from_gold_evidence_with_a_fake_model(multihop_desk):
    desk, _ = multihop_desk
    fact = multihop.Fact(
        doc_id="mh_test", text="The company said it would cut 300 jobs in May.", title="Cuts", source="test"
    )
    query = multihop.MultiHopQuery(
        id="t", question="Did the company cut jobs?", type="inference_query", answer="Yes", facts=[fact]
    )
    fake = Desk(desk.settings, chat_model=FakeListChatModel(responses=["Yes, the company cut 300 jobs [1]."]))
    ask = lambda q: multihop.answer_from_gold_evidence(fake, q)  # noqa: E731
    report = multihop.evaluate_multihop_answers([query], ask, "gold", "test").model_dump()
    row = report["rows"][0]
    assert (row["answer"], row["abstained"], row["accuracy"], row["exact"]) == (
        "Yes, the company cut 300 jobs [1].",
        False,
        True,
        True,
    )
    assert not row["model"].startswith("extractive fallback")  # the draft passed verification
    assert report["overall"]["accuracy"] == 1.0 and report["by_type"]["inference_query"]["n"] == 1


def test_the_abstention_gate_can_be_turned_off_for_a_diagnostic_run(multihop_desk):
    desk, _ = multihop_desk
    fact = multihop.Fact(doc_id="mh_gate", text="The company cut 300 jobs.", title="Cuts", source="test")
    question = "Did the company cut jobs, as Fortune reported?"
    query = multihop.MultiHopQuery(
        id="g", question=question, type="inference_query", answer="Yes", facts=[fact]
    )
    assert abstain_reason(question, multihop.gold_passages(query)) == (
        "none of the relevant passages mentions “fortune”"
    )

    def run(abstain_on_missing_terms: bool) -> dict:
        settings = desk.settings.model_copy(update={"abstain_on_missing_terms": abstain_on_missing_terms})
        fake = Desk(settings, chat_model=FakeListChatModel(responses=["Yes, it cut 300 jobs [1]."]))
        answer = lambda q: multihop.answer_from_gold_evidence(fake, q)  # noqa: E731
        return multihop.evaluate_multihop_answers(
            [query], answer, "gold", "test", abstain_gate=abstain_on_missing_terms
        ).model_dump()

    gated, open_ = run(True), run(False)
    assert gated["rows"][0]["abstained"] is True and gated["abstain_gate"] is True
    assert open_["rows"][0]["abstained"] is False and open_["rows"][0]["exact"] is True
    assert open_["abstain_gate"] is False


def test_ramdocs_end_to_end_with_a_fake_model(multihop_desk):
    desk, _ = multihop_desk
    texts = [
        f"Broken Bow is a city in Nebraska. In 2010 there were {n} people in Broken Bow."
        for n in ("3,559", "10,000")
    ]
    question = ramdocs.RamQuestion(
        id="0",
        question="What is the population of Broken Bow?",
        gold_answers=["3,559 people"],
        wrong_answers=["10,000 people"],
        documents=[
            ramdocs.RamDocument(doc_id=f"rd000_{i}", title=f"document {i + 1}", type="x", text=text)
            for i, text in enumerate(texts)
        ],
    )
    fake = Desk(desk.settings, chat_model=FakeListChatModel(responses=["Broken Bow had 3,559 people [1]."]))
    report = ramdocs.evaluate_ramdocs(fake, [question], "newsdesk eval ramdocs --limit 1").model_dump()
    row = report["rows"][0]
    assert row["conflict"] is True  # 3,559 against 10,000 people, from two documents
    assert "The sources differ on" in row["answer"]
    assert report["overall"]["conflict_reported"] == 1.0 and report["overall"]["with_misinformation"] == 1
