"""Headline figures (service/headlines.py), on invented articles: what a summary must carry."""

from __future__ import annotations

import pytest

from service.articles import make_article
from service.headlines import headline_figures, vague_counts
from service.summary import summary_sentences

FLOOD = """Floods in Marrowby leave 4,000 families without homes
March 3, 2026
Rescuers in Marrowby said 4,000 families had lost their homes after the river burst its banks on Monday.
The regional council said 12 people had died.
Officials compared the flood with the storm of 1998, when 4,000 cattle drowned.
"""

VAGUE = """Thousands of volunteers join the clean-up in Portville
Hundreds of residents gathered at dawn, and the mayor thanked them all.
About 300 residents brought their own tools, the mayor said.
Organisers counted 2,500 volunteers by noon on the first day.
Another 7,000 sandbags were filled over the weekend.
"""


def heads(text: str) -> list[tuple[str, int]]:
    article = make_article("doc", text)
    return [(h.value, h.sentence.n) for h in headline_figures(article, summary_sentences(article))]


def test_a_title_figure_comes_with_the_sentence_stating_it_counting_the_same_thing():
    article = make_article("doc", FLOOD)
    found = headline_figures(article, summary_sentences(article))
    assert [(h.value, h.sentence.n) for h in found] == [("4,000", 1)], "not the 4,000 cattle of 1998"
    assert found[0].sentence.quote.startswith("Rescuers in Marrowby said 4,000 families")
    assert found[0].carried_by("The flood left 4,000 families homeless.")
    assert not found[0].carried_by("The flood left 40 families homeless.")


def test_a_vague_count_stands_for_the_first_figure_of_its_magnitude():
    """'Thousands of volunteers' is the 2,500 volunteers (not 300 residents: hundreds; not the sandbags:
    a later figure). 'Hundreds of residents' is the 300 residents."""
    assert heads(VAGUE) == [("2,500", 3), ("300", 2)]


def test_an_article_without_figures_in_its_opening_has_none():
    text = "A quiet week in Haldmark\nThe council met on Tuesday and nothing was decided.\nIt rained.\n"
    assert heads(text) == []


def test_at_most_three_headline_figures():
    text = (
        "Storm hits Norrevia\n"
        "The storm killed 14 people, injured 230 people, destroyed 1,200 homes and closed 45 schools.\n"
    )
    assert [value for value, _ in heads(text)] == ["14", "230", "1,200"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Tens of thousands of people fled.", [(10_000, 100_000, "people")]),
        ("Hundreds of thousands lost power.", [(100_000, 1_000_000, None)]),
        ("Dozens were hurt.", [(12, 12_000, None)]),
        ("Thousands of Military Workers Arrive", [(1_000, 1_000_000, "worker")]),
        ("Many were hurt.", []),
    ],
)
def test_vague_counts(text, expected):
    assert vague_counts(text) == expected
