"""Disagreements: grouping claims by what they count, the false-positive guards, and the corpus report."""

from __future__ import annotations

import json

import pytest

from service.articles import find_title
from service.claims import extract_claims
from service.disagreements import (
    JOIN_THRESHOLD,
    assertion_candidates,
    find_assertion_disagreements,
    find_disagreements,
    group_key,
    llm_judge,
    stance,
)
from service.models import Claim, Passage
from service.text import sentence_passages

from .test_claims import D000, D001, D002, D003, D004, GOLD, SEEDS, claims_of, row_sentence, seed_texts

# --- grouping and disagreements ----------------------------------------------------------------


def test_different_categories_never_disagree():
    claims = claims_of(
        "North Korea deployed 5,000 military workers to Russia to rebuild infrastructure.", "a"
    )
    claims += claims_of("Meanwhile, another 1,000 soldiers are being deployed for demining operations.", "b")
    assert [c.counted for c in claims] == ["construction workers", "sappers"]
    assert find_disagreements(claims) == []


def test_figures_within_one_document_never_disagree():
    claims = claims_of("Over 10,000 North Korean soldiers are fighting alongside Russian forces.", "a")
    claims += claims_of("Out of 12,000 North Koreans sent to aid Russia, few returned.", "a", start=100)
    assert [c.counted for c in claims] == ["troops", "troops"]
    assert find_disagreements(claims) == []
    other = claims_of("North Korea has deployed around 10,000 troops to Russia.", "b")
    assert [d.topic for d in find_disagreements(claims + other)] == ["the number of troops"]


def test_compatible_qualifiers_do_not_disagree():
    over = claims_of("Over 10,000 North Korean soldiers are fighting alongside Russian forces.", "a")
    exact = claims_of("An estimated 11,000 North Korean troops are already in Russia.", "b")
    assert find_disagreements(over + exact) == []
    nearly = claims_of("Nearly 10,000 North Korean soldiers are deployed along the border.", "c")
    assert len(find_disagreements(nearly + exact)) == 1  # at most 10,000 against 11,000


def test_at_least_does_not_cover_a_far_larger_range():
    at_least = claims_of(row_sentence("Intelligence reports indicate at least 1,000"), "b")
    dead = claims_of(row_sentence("(estimated 4,000–6,000 dead)"), "a")
    [disagreement] = find_disagreements(at_least + dead)
    assert disagreement.topic == "the number killed"
    assert disagreement.kind == "numeric"
    assert [(c.doc_id, c.value) for c in disagreement.claims] == [("a", "4,000–6,000"), ("b", "1,000")]


def test_troops_sent_to_rebuild_kursk_are_not_set_against_troops_in_russia():
    kursk = claims_of(row_sentence("to assist in the contested Kursk region"), "b")
    fighting = claims_of(row_sentence("nearly 10,000 North Korean soldiers"), "a")
    assert kursk[0].counted == "reconstruction deployment"
    assert find_disagreements(kursk + fighting) == []
    combat = claims_of("About 6,000 North Korean troops are fighting in the Kursk region.", "c")
    assert combat[0].counted == "troops"
    assert len(find_disagreements(combat + fighting)) == 1


def test_repeats_are_dropped_and_claims_ordered_by_document_then_offset():
    at_least = row_sentence("Intelligence reports indicate at least 1,000")
    later = claims_of(at_least, "b", start=600) + claims_of(at_least, "b", start=6000)
    first = claims_of("The losses are more than 4,000.", "a", start=50)
    first += claims_of("Over 6,000 North Korean casualties.", "a", start=10)
    [disagreement] = find_disagreements(later + first)
    assert [(c.doc_id, c.start, c.value) for c in disagreement.claims] == [
        ("a", 10, "6,000"),
        ("a", 50, "4,000"),
        ("b", 600, "1,000"),
    ]


def fake_embed_factory(calls: list[list[str]]):
    """'fighter' sits on the troops anchor; 'drone' is near it but under the threshold; the rest are apart."""
    near = JOIN_THRESHOLD - 0.1

    def embed(texts: list[str]) -> list[list[float]]:
        calls.append(list(texts))
        vectors = {
            "fighter": [1.0, 0.0, 0.0],
            "troops": [1.0, 0.0, 0.0],
            "drone": [near, (1 - near**2) ** 0.5, 0.0],
        }
        return [vectors.get(text, [0.0, 0.0, 1.0]) for text in texts]

    return embed


def test_group_key_joins_a_fallback_phrase_only_above_the_threshold():
    calls: list[list[str]] = []
    embed = fake_embed_factory(calls)
    assert group_key("sappers", embed) == "sappers"
    assert calls == []  # known categories need no embedding
    assert group_key("fighter") == "fighter"
    assert group_key("fighter", embed) == "troops"
    assert group_key("drone", embed) == "drone"
    assert group_key(None, embed) is None


def test_find_disagreements_uses_embed_for_fallback_phrases_in_one_call():
    fighters = claims_of("Some 20,000 North Korean fighters have reached the front.", "a")
    troops = claims_of("North Korea has deployed around 10,000 troops to Russia.", "b")
    assert [c.counted for c in fighters] == ["fighter"]
    assert find_disagreements(fighters + troops) == []
    calls: list[list[str]] = []
    [disagreement] = find_disagreements(fighters + troops, embed=fake_embed_factory(calls))
    assert [(c.doc_id, c.value, c.counted) for c in disagreement.claims] == [
        ("a", "20,000", "troops"),
        ("b", "10,000", "troops"),
    ]
    assert len(calls) == 1 and calls[0][0] == "fighter"


# --- the corpus --------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def corpus_claims() -> tuple[dict[str, str], list[Claim]]:
    texts = seed_texts()
    claims = [
        c
        for doc_id, text in texts.items()
        for c in extract_claims(sentence_passages(doc_id, find_title(text), text))
    ]
    return texts, claims


def test_sentence_passages_are_exact_sentences():
    texts = seed_texts()
    for doc_id, text in texts.items():
        passages = sentence_passages(doc_id, "t", text)
        assert passages and all(p.quote == text[p.start : p.end] and p.doc_id == doc_id for p in passages)
        assert [p.n for p in passages] == list(range(1, len(passages) + 1))


def test_corpus_claims_quote_their_articles(corpus_claims):
    texts, claims = corpus_claims
    assert len(claims) > 30
    assert all(c.quote == texts[c.doc_id][c.start : c.end] for c in claims)
    assert all(c.low is not None and c.high is not None and c.low <= c.high for c in claims)


def test_corpus_disagreements(corpus_claims):
    _, claims = corpus_claims
    report = {
        d.topic: [(c.doc_id, c.value, c.qualifier) for c in d.claims] for d in find_disagreements(claims)
    }
    assert report == {
        "the number of troops": [
            (D000, "10,000", "nearly"),
            (D001, "10,000", "around"),
            (D002, "10,000", "as high as"),
            (D003, "10,000", "over"),
            (D003, "12,000", None),
            (D004, "11,000", "estimated"),
        ],
        "the number killed": [
            (D003, "4,000–6,000", "estimated"),
            (D003, "4,000", "more than"),
            (D003, "6,000", "over"),
            (D004, "1,000", "at least"),
        ],
        "the number of construction workers": [
            (D000, "5,000", None),
            (D002, "5,000", "approximately"),
            (D003, "6,000", None),
            (D004, "5,000", None),
        ],
    }


def test_corpus_agreeing_and_single_document_figures_are_extracted_but_not_reported(corpus_claims):
    _, claims = corpus_claims
    by_category: dict[str, set[tuple[str, str]]] = {}
    for claim in claims:
        by_category.setdefault(claim.counted, set()).add((claim.doc_id, claim.value))
    assert by_category["sappers"] == {(D000, "1,000"), (D001, "1,000"), (D002, "1,000"), (D004, "1,000")}
    assert by_category["reconstruction deployment"] == {(D003, "6,000"), (D004, "6,000")}
    assert by_category["workers"] == {(D004, "15,000")}
    assert by_category["shells"] == {(D003, "12 million")}
    assert by_category["settlements"] == {(D003, "37 of 64")}
    reported = {c.counted for d in find_disagreements(claims) for c in d.claims}
    assert reported == {"troops", "killed", "construction workers"}


def test_corpus_report_matches_the_gold_list(corpus_claims):
    _, claims = corpus_claims
    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    report = find_disagreements(claims)
    found = {
        d.claims[0].counted: (d.topic, {c.value for c in d.claims}, {c.doc_id for c in d.claims})
        for d in report
    }
    expected = {g["counted"]: (g["topic"], set(g["values"]), set(g["docs"])) for g in gold["contested"]}
    assert found == expected
    for item in gold["uncontested"]:
        stated = {(c.doc_id, c.value) for c in claims if c.counted == item["counted"]}
        assert {doc for doc, _ in stated} == set(item["docs"])
        assert {value for _, value in stated} == set(item["values"])
        assert item["counted"] not in found


# --- assertions ------------------------------------------------------------------------------------

CONFIRMED = (
    "Reports of North Korean troops fighting alongside Russian forces have circulated since 2024, though "
    "Moscow officially confirmed their participation only in the spring of 2025."
)
NOT_ACKNOWLEDGED = (
    "This assertion, however, remains unverified, as neither Russia nor North Korea has officially "
    "acknowledged such involvement."
)
PLANS = (
    "Russia has officially confirmed plans to accept 6,000 North Korean troops to assist in the contested "
    "Kursk region, marking a significant escalation in military cooperation between the two nations."
)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (CONFIRMED, ("officially confirmed", True)),
        (NOT_ACKNOWLEDGED, ("officially acknowledged", False)),
        ("The Kremlin denied any role.", ("denied", False)),
        ("Officials have not confirmed the figure.", ("confirmed", False)),
        ("Budanov confirmed the arrival of North Korean engineers.", ("confirmed", True)),
        ("North Korea deployed 5,000 military workers to Russia.", None),
    ],
)
def test_stance(sentence, expected):
    assert stance(sentence) == expected


def sentence_item(sentence: str, doc_id: str, start: int = 0) -> tuple[Passage, str]:
    return Passage(
        n=1, doc_id=doc_id, title=doc_id, start=start, end=start + len(sentence), quote=sentence
    ), sentence


def constant_embed(texts: list[str]) -> list[list[float]]:
    return [[1.0, 0.0] for _ in texts]  # everything similar: the stance rules alone decide candidates


def test_candidates_need_opposite_stances_in_different_documents():
    items = [
        sentence_item(CONFIRMED, "a"),
        sentence_item(NOT_ACKNOWLEDGED, "b"),
        sentence_item(PLANS, "c", 50),
    ]
    pairs = assertion_candidates(items, constant_embed)
    assert [(a.doc_id, b.doc_id) for _, (a, _), (b, _) in pairs] == [("a", "b"), ("b", "c")]
    same_doc = [sentence_item(CONFIRMED, "a"), sentence_item(NOT_ACKNOWLEDGED, "a", 500)]
    assert assertion_candidates(same_doc, constant_embed) == []
    only_evidence = assertion_candidates(items, constant_embed, must_include={("c", 50)})
    assert [(a.doc_id, b.doc_id) for _, (a, _), (b, _) in only_evidence] == [("b", "c")]


def test_the_judge_decides_and_both_quotes_are_reported():
    items = [
        sentence_item(CONFIRMED, "a"),
        sentence_item(NOT_ACKNOWLEDGED, "b"),
        sentence_item(PLANS, "c", 50),
    ]
    asked: list[tuple[str, str]] = []

    def judge(first: str, second: str) -> bool:
        asked.append((first, second))
        return PLANS not in (first, second)

    [found] = find_assertion_disagreements(items, constant_embed, judge)
    assert found.kind == "assertion" and found.topic == "whether it was officially confirmed"
    assert [(c.doc_id, c.value, c.quote) for c in found.claims] == [
        ("a", "officially confirmed", CONFIRMED),
        ("b", "not officially acknowledged", NOT_ACKNOWLEDGED),
    ]
    assert len(asked) == 1, "a pair sharing a sentence with a reported one is not judged again"
    assert find_assertion_disagreements(items, constant_embed, lambda first, second: False) == []


def test_llm_judge_reads_the_last_yes_or_no():
    replies = iter(["yes", "Same thing? no, different things. Answer: no", "No. Actually yes"])
    judge = llm_judge(lambda system, user: next(replies), SEEDS.parent / "prompts")
    assert [judge("a", "b"), judge("a", "b"), judge("a", "b")] == [True, False, True]
