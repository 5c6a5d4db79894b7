"""Hybrid search over the indexed seeds with the real embedder."""

import pytest

from service.errors import InvalidInput
from service.models import Chunk
from service.retrieve import reciprocal_rank_fusion, spread_across_documents
from service.text import tokenize


def chunk(doc: str, n: int) -> Chunk:
    return Chunk(doc_id=doc, chunk_id=f"{doc}:{n}", start=0, end=1, text="x")


def test_tokenize_folds_numbers_plurals_and_stopwords():
    assert tokenize("How many sappers went to the Kursk region? 1,000!") == [
        "sapper",
        "went",
        "kursk",
        "region",
        "1000",
    ]


def test_rrf_rewards_agreement_between_rankings():
    a, b, c = chunk("a", 0), chunk("b", 0), chunk("c", 0)
    fused = reciprocal_rank_fusion([[a, b, c], [b, c]], k=60)
    assert [x.chunk_id for x, _ in fused] == ["b:0", "c:0", "a:0"]
    assert fused[0][1] == pytest.approx(1 / 62 + 1 / 61, abs=1e-6)


def test_spread_caps_one_document_until_others_had_a_turn():
    ranked = [(chunk("a", i), 1.0) for i in range(4)] + [(chunk("b", 0), 0.5)]
    assert [c.chunk_id for c, _ in spread_across_documents(ranked, 4, per_doc=2)] == [
        "a:0",
        "a:1",
        "b:0",
        "a:2",
    ]


def test_sappers_passage_in_top_three(shared_desk):
    results = shared_desk.search("How many sappers went to Kursk", k=3)
    assert any("1,000 sappers" in r.text or "1,000 deminers" in r.text for r in results)


def test_results_are_exact_spans_with_titles(shared_desk):
    results = shared_desk.search("North Korean troops killed", k=8)
    assert len(results) == 8
    assert len({r.doc_id for r in results}) >= 4, "results should be spread across documents"
    for r in results:
        article = shared_desk.document(r.doc_id)
        assert article.text[r.start : r.end] == r.text
        assert r.title == article.title
    assert [r.score for r in results[:2]] == sorted([r.score for r in results[:2]], reverse=True)


def test_exact_term_found_by_bm25(shared_desk):
    results = shared_desk.search("Buryats", k=3)
    assert "battle Buryats" in results[0].text


@pytest.mark.parametrize("query", ["", "   ", "x" * 1001])
def test_bad_queries_are_rejected(shared_desk, query):
    with pytest.raises(InvalidInput):
        shared_desk.search(query)


def test_new_document_is_searchable_at_once(seeded_desk):
    seeded_desk.search("sappers")  # builds the lexical view before the write
    article, chunks = seeded_desk.add_document(
        "Zebra count\nThe zoo in Pyongyang holds 17 zebras.", doc_id="zoo"
    )
    assert chunks == 1 and article.title == "Zebra count"
    assert seeded_desk.search("zebras in the zoo", k=1)[0].doc_id == "zoo"


def test_bm25_index_ranks_exactly_like_rank_bm25():
    import random

    from rank_bm25 import BM25Okapi

    from service.retrieve import BM25Index

    from .conftest import SEEDS

    texts = [s for p in sorted(SEEDS.glob("*.txt")) for s in p.read_text(encoding="utf-8").split(". ")]
    tokenized = [tokenize(t) for t in texts]
    reference, fast = BM25Okapi(tokenized), BM25Index(tokenized)
    vocabulary = sorted({t for tokens in tokenized for t in tokens})
    rng = random.Random(7)
    for _ in range(200):
        terms = [*rng.sample(vocabulary, 3), "notaword"]
        scores = reference.get_scores(terms)
        expected = [i for i in sorted(range(len(scores)), key=lambda i: (-scores[i], i)) if scores[i] > 0][
            :10
        ]
        assert fast.top(terms, 10) == expected


def test_a_write_from_another_process_refreshes_the_lexical_view(seeded_desk):
    from service.desk import Desk

    assert "zebra" not in " ".join(r.text for r in seeded_desk.search("zebra", k=3))
    other = Desk(seeded_desk.settings)  # another worker sharing the index
    other.add_document("Zebra count\nThe zoo holds 17 zebras.", doc_id="zoo")
    assert seeded_desk.search("zebras", k=1)[0].doc_id == "zoo"
