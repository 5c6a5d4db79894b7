"""The benchmark scorers (service/eval/) on tiny hand-made inputs with exact numbers, and on real data:
the story-pack scorer, MultiHop-RAG retrieval over a small fact pool.
No test calls a real chat model: where an answer is needed the model is LangChain's FakeListChatModel."""

from __future__ import annotations

import collections
import json

import pytest
from langchain_core.language_models.fake_chat_models import FakeListChatModel

from service.abstention import abstain_reason
from service.desk import Desk
from service.errors import InvalidInput
from service.eval import multihop, ramdocs, stories
from service.eval.common import digits, fixed_sample
from service.eval.multihop import RetrievalReport
from service.models import Answer, Claim, Disagreement
from service.settings import PROJECT_ROOT

from .conftest import make_settings

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
    return Disagreement(topic=topic, kind="conflict", claims=[claim(d, v, counted) for d, v in values])


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


# --- story packs: the scorer's rules ------------------------------------------------------------------

TEXTS = {
    "a": "Officials say 900 died. The agency says 280 died. 15,000 fled.",
    "b": "15,000 fled, 400 missing.",
}
PACK = {
    "conflicts": [
        {
            "topic": "the dead",
            "values": [
                {"file": "a.txt", "value": "900", "quote": "Officials say 900 died."},
                {"file": "a.txt", "value": "280", "quote": "The agency says 280 died."},
            ],
        }
    ],
    "updates": [],
    "agreements": [
        {
            "topic": "displaced",
            "values": [
                {"file": "a.txt", "value": "15,000", "quote": "15,000 fled."},
                {"file": "b.txt", "value": "15,000", "quote": "15,000 fled, 400 missing."},
            ],
        }
    ],
    "unrelated": [{"file": "b.txt", "value": "400", "quote": "15,000 fled, 400 missing.", "why": "missing"}],
    "questions": [
        {"question": "How many died?", "topic": "the dead"},
        {"question": "Who is the mayor?", "topic": None},
    ],
}


def figure(doc_id: str, value: str, at: int) -> Claim:
    return Claim(doc_id=doc_id, value=value, quote="…", start=at, end=at + 3)


def test_story_scores_isolation_agreements_false_alarms_and_questions():
    dead = Disagreement(topic="t", kind="conflict", claims=[figure("a", "900", 15), figure("a", "280", 40)])
    mixed = Disagreement(
        topic="t",
        kind="conflict",
        claims=[figure("a", "900", 15), figure("b", "400", 8), figure("b", "15,000", 0)],
    )
    fled = Disagreement(
        topic="t", kind="conflict", claims=[figure("a", "15,000", 50), figure("b", "15,000", 0)]
    )
    attached = [(PACK["questions"][0], [dead]), (PACK["questions"][1], [dead])]
    report = stories.score_story([dead, mixed, fled], attached, PACK, TEXTS, "test", "pack", 0.0)
    assert report.conflicts_isolated == 1.0 and report.conflicts == 1
    assert [r.verdict for r in report.reported] == [
        "isolates 'the dead'",
        "false alarm",  # a third of its figures are the dead: not isolated
        "reports an agreement",
    ]
    assert report.false_alarms == 1 and report.agreements_reported == 1
    assert report.unrelated_figures_reported == 1  # the 400 missing
    assert report.unrelated_on_questions == 1  # "Who is the mayor?" got one
    assert (report.questions_given_their_disagreement, report.questions_with_a_found_disagreement) == (1, 1)
    unanswered = [(PACK["questions"][0], [mixed]), (PACK["questions"][1], [])]
    report = stories.score_story([dead, mixed, fled], unanswered, PACK, TEXTS, "test", "pack", 0.0)
    assert (report.questions_given_their_disagreement, report.questions_with_a_found_disagreement) == (0, 1)
    assert report.unrelated_on_questions == 1  # the false alarm, attached instead of the dead's conflict


def test_an_update_counts_only_when_shown_as_an_update():
    pack = {**PACK, "updates": PACK["conflicts"], "conflicts": []}
    as_conflict = Disagreement(
        topic="t", kind="conflict", claims=[figure("a", "900", 15), figure("a", "280", 40)]
    )
    assert stories.score_story([as_conflict], [], pack, TEXTS, "test", "pack", 0.0).updates_shown == 0.0
    as_update = as_conflict.model_copy(update={"kind": "update"})
    assert stories.score_story([as_update], [], pack, TEXTS, "test", "pack", 0.0).updates_shown == 1.0


def test_a_figure_the_gold_lists_under_a_conflict_and_a_running_count_belongs_to_both():
    """A source's 900 is one side of the conflict and a step of its running count: an update of its steps
    isolates the running count, a conflict over it the conflict (before, each figure had one owner, the
    first item listed, and the update was a false alarm)."""
    later = {"file": "b.txt", "value": "400", "quote": "15,000 fled, 400 missing."}
    pack = {**PACK, "updates": [{"topic": "the count", "values": [PACK["conflicts"][0]["values"][0], later]}]}
    update = Disagreement(topic="t", kind="update", claims=[figure("a", "900", 15), figure("b", "400", 8)])
    conflict = Disagreement(
        topic="t", kind="conflict", claims=[figure("a", "900", 15), figure("a", "280", 40)]
    )
    report = stories.score_story([update, conflict], [], pack, TEXTS, "test", "pack", 0.0)
    assert [r.verdict for r in report.reported] == ["isolates 'the count'", "isolates 'the dead'"]
    assert (report.updates_shown, report.conflicts_isolated, report.false_alarms) == (1.0, 1.0, 0)


def test_a_pack_needs_articles_and_gold(tmp_path):
    with pytest.raises(InvalidInput, match="is not a story pack"):
        stories.load_pack(tmp_path)


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
    verdict = (
        '{"because": [{"cite": 1, "claim": "The company said it would cut 300 jobs"}], "verdict": "yes"}'
    )
    fake = Desk(desk.settings, chat_model=FakeListChatModel(responses=[verdict]))  # a yes/no: JSON asked
    ask = lambda q: multihop.answer_from_gold_evidence(fake, q)  # noqa: E731
    report = multihop.evaluate_multihop_answers([query], ask, "gold", "test").model_dump()
    row = report["rows"][0]
    assert (row["answer"], row["abstained"], row["accuracy"], row["exact"]) == (
        "Yes: The company said it would cut 300 jobs [1].",
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
        verdict = '{"because": [{"cite": 1, "claim": "The company cut 300 jobs"}], "verdict": "yes"}'
        fake = Desk(settings, chat_model=FakeListChatModel(responses=[verdict]))
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


def test_ramdocs_two_subjects_of_one_name_each_get_their_answer(multihop_desk):
    """Two albums called "Beyond Measure": the documents share nothing but the name, so each answer is
    given and no disagreement is reported (the model here answers the question, then each document)."""
    desk, _ = multihop_desk
    texts = [
        'The album "Beyond Measure" is the second from Dynasty, released by Facedown Records in Tulsa.',
        'The album "Beyond Measure" is the fifth by Jeremy Camp, released by BEC Recordings in 2006.',
    ]
    question = ramdocs.RamQuestion(
        id="0",
        question='Who is the artist of the album "Beyond Measure"?',
        gold_answers=["Dynasty", "Jeremy Camp"],
        wrong_answers=[],
        documents=[
            ramdocs.RamDocument(doc_id=f"rd000_{i}", title=f"document {i + 1}", type="x", text=text)
            for i, text in enumerate(texts)
        ],
    )
    replies = ['"Beyond Measure" is an album by Dynasty [1].', "Dynasty [1]", "Jeremy Camp [1]"]
    fake = Desk(desk.settings, chat_model=FakeListChatModel(responses=replies))
    answer = ramdocs.answer_ramdocs(fake, question)
    assert answer.answer == (
        "The documents seem to be about different subjects, each with its own answer: Dynasty [1]; "
        "Jeremy Camp [2]."
    )
    assert answer.disagreements == []
    assert [c.doc_id for c in answer.citations] == ["rd000_0", "rd000_1"]
    for citation in answer.citations:
        assert texts[int(citation.doc_id[-1])][citation.start : citation.end] == citation.quote
    assert ramdocs.score_ramdocs(answer, question) == {
        "all_gold": True,
        "no_wrong": True,
        "exact": True,
        "conflict": False,
    }


@pytest.mark.parametrize(
    ("gold", "claimed"),
    [
        ("48.2m", "£48.2 million"),
        ("quarter of a million", "250,000"),
        ("12K", "12,000"),
        ("Seventy-six", "76"),
        ("€44.10", "€44.1"),
    ],
)
def test_a_gold_figure_meets_its_claim_however_either_is_written(gold, claimed):
    """A story pack's gold value is written as the article writes it; the claim's value is normalised."""
    assert digits(gold) == digits(claimed)


def test_shares_and_small_figures_keep_their_digits():
    assert digits("61.4%") == digits("61.4") == "614"
    assert digits("4,000–6,000") == "40006000"  # a range is both ends


def test_a_gold_figure_written_without_the_scale_its_quote_gives_it_is_read_with_it():
    """A pack's writer may give "4.2" for "4.2 million tickets": the quote says which figure it is; a
    bare "m" counts as million only after a currency ("€8.5m"), not in "a 10m wall"."""
    assert stories.gold_digits({"value": "4.2", "quote": "all 4.2 million tickets"}) == digits("4.2 million")
    assert stories.gold_digits({"value": "8.5", "quote": "pledged US$8.5m over"}) == digits("8.5 million")
    assert stories.gold_digits({"value": "10", "quote": "a 10m wall"}) == digits("10")
    assert stories.gold_digits({"value": "4.2 million", "quote": "all 4.2 million"}) == digits("4.2 million")
