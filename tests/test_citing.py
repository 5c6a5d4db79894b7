"""Citation support and precision, ALCE style (service/eval/citing.py), on invented answers."""

from __future__ import annotations

from service.eval.citing import CitationScore, citation_score, total
from service.models import Answer, Citation

FLOODED = "The Marrowby council said 120 houses were flooded on Monday."
RAIN = "Heavy rain fell across Haldmark for three days."


def answer(text: str, abstained: bool = False) -> Answer:
    quotes = [FLOODED, RAIN]
    citations = [
        Citation(n=n, doc_id=f"doc{n}", title="t", start=0, end=len(q), quote=q)
        for n, q in enumerate(quotes, start=1)
    ]
    return Answer(
        question="How many houses were flooded in Marrowby?",
        answer=text,
        abstained=abstained,
        citations=citations,
        model="test",
    )


def test_a_citation_that_adds_nothing_is_not_precise():
    score = citation_score(answer("The Marrowby council said 120 houses were flooded [1][2]."))
    assert (score.sentences, score.supported, score.citations, score.relevant) == (1, 1, 2, 1)


def test_a_sentence_resting_on_two_passages_needs_both():
    text = "The Marrowby council said 120 houses were flooded after heavy rain fell across Haldmark [1][2]."
    score = citation_score(answer(text))
    assert (score.supported, score.relevant) == (1, 2)


def test_a_wrong_figure_or_an_uncited_sentence_is_unsupported():
    text = "The Marrowby council said 500 houses were flooded [1]. Heavy rain fell across Haldmark [2]."
    score = citation_score(answer(text))
    assert (score.sentences, score.supported, score.citations, score.relevant) == (2, 1, 2, 1)
    assert score.support == 0.5 and score.precision == 0.5


def test_abstentions_are_not_scored_and_totals_add_up():
    assert citation_score(answer("The sources do not say.", abstained=True)) == CitationScore()
    summed = total([CitationScore(sentences=2, supported=1, citations=3, relevant=2)] * 2)
    assert (summed.support, summed.precision) == (0.5, round(4 / 6, 4))


def test_a_listing_of_what_each_source_says_is_checked_item_by_item():
    """answer.py writes disagreements as one sentence listing each source's figure: each item must be in
    its own citation (the timeline's dates may come from the article's date, so they are not checked)."""
    listing = "The sources differ on the number of houses flooded: 120 [1]; three [2]."
    score = citation_score(answer(f"The Marrowby council said 120 houses were flooded [1]. {listing}"))
    assert (score.sentences, score.supported, score.citations, score.relevant) == (2, 2, 3, 3)
    timeline = "Over time the number of houses flooded: 120 on 2026-03-02 [1]; 500 on 2026-03-04 [2]."
    score = citation_score(answer(timeline))
    assert (score.sentences, score.supported) == (1, 0), "500 is in neither passage"
