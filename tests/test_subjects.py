"""Whether documents that answer differently speak of one subject (service/subjects.py)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from service.subjects import by_subject, ignored_words, names_in, same_subject

ROOT = Path(__file__).resolve().parent.parent
DYNASTY = (
    "Beyond Measure is the second studio album from Dynasty. Facedown Records released the album on "
    "January 22, 2013, produced with Andrew Glover in Tulsa."
)
CAMP = (
    "Beyond Measure is the fifth album by Jeremy Camp, released on October 31, 2006 by BEC Recordings. "
    "It includes the singles Tonight and What It Means."
)
# the Dynasty text with its artist changed: an edited copy
COPY = DYNASTY.replace("Dynasty", "Metallica")
IGNORE = ignored_words(
    ['Who is the artist of the album "Beyond Measure"?', "Dynasty", "Jeremy Camp", "Metallica"]
)


def test_names_leave_out_stopwords_and_the_words_to_ignore():
    assert names_in("The album Beyond Measure by Dynasty.", IGNORE) == set()
    assert names_in("Facedown Records released it in Tulsa.", IGNORE) == {"facedown", "records", "tulsa"}


def test_an_edited_copy_is_the_same_subject_two_albums_of_one_name_are_not():
    assert same_subject(DYNASTY, COPY, IGNORE), "a passage shared word for word"
    assert not same_subject(DYNASTY, CAMP, IGNORE), "nothing shared but the question's own words"


def test_documents_sharing_most_of_their_names_are_one_subject():
    a = "Mayor Ilse Varga of Marrowby said the Tessel river rose overnight near the Grand Bridge."
    b = "In Marrowby, officials under Ilse Varga closed the Grand Bridge as the Tessel kept rising."
    assert same_subject(a, b, ignored_words(["Who closed the bridge?"]))


def test_documents_naming_years_none_in_common_are_different_subjects():
    """Two men of one name, one who died in 1566 and one in 1680: the same words around them (Plymouth,
    Commons, Devon) would make them one subject; the years they name tell them apart."""
    first = "John Sparke (died 1566) was an English politician who sat for Plymouth in the Commons in 1554."
    second = "John Sparke (1636 - 8 October 1680) of Plymouth, Devon, sat in the Commons from 1661 to 1679."
    ignore = ignored_words(["When did John Sparke die?", "1566", "1680"])
    assert not same_subject(first, second, ignore)
    assert same_subject(first.replace("1554", "1661"), second, ignore), "a year in common: one subject"


def test_a_country_and_its_people_are_one_name():
    """A probation officer's blog that names almost nothing but "Kestria" and a report on the "Kestrian"
    prisons speak of one country (before: no name in common, so two subjects, and their different answers
    would never have been a conflict); "Port" is no form of "Porter"."""
    blog = "Posted by Grey Lanyard. Honestly, Kestria has lost the plot on early release."
    jails = " ".join(f"Jail{i}" for i in range(19))
    report = f"The Kestrian Inspectorate of Prisons reviewed {jails}."
    assert same_subject(blog, report)
    assert not same_subject(blog.replace("Kestria", "Velmont"), report)
    assert not same_subject(blog.replace("Kestria", "Port"), report.replace("Kestrian", "Porter"))


def test_a_year_in_common_lowers_the_bar_for_names():
    """Two reports of one heatwave that share a twentieth of their names and the year 2026."""
    names = " ".join(f"Name{i}" for i in range(19))
    a = f"July 16, 2026. Ostrel is hot. {names} spoke."
    b = f"July 21, 2026. Ostrel is hot. {names.replace('Name', 'Other')} spoke."
    assert same_subject(a, b)
    assert not same_subject(a.replace("2026", ""), b.replace("2026", ""))


def test_links_chain_and_unlinked_groups_stand_alone():
    groups = [[DYNASTY], [CAMP], [COPY]]
    assert by_subject(groups, IGNORE) == [[0, 2], [1]]
    assert by_subject([[DYNASTY]], IGNORE) == [[0]]
    assert by_subject([], IGNORE) == []


@pytest.mark.parametrize(
    "folder", ["seeds", *sorted(p.name for p in (ROOT / "tests/data/stories").iterdir())]
)
def test_the_reports_of_one_story_are_one_subject(folder):
    """Every pair of articles in the seeds and in each story pack speaks of one subject: their different
    answers are a disagreement, never 'different subjects'."""
    where = ROOT / folder if folder == "seeds" else ROOT / "tests/data/stories" / folder / "articles"
    texts = [p.read_text(encoding="utf-8") for p in sorted(where.glob("*.txt"))]
    assert len(texts) >= 5
    assert by_subject([[t] for t in texts]) == [list(range(len(texts)))]
    for i, a in enumerate(texts):
        for b in texts[i + 1 :]:
            assert same_subject(a, b), (folder, a[:60], b[:60])
    if folder != "seeds":  # without each question's own words (the story's places and people), still one
        gold = json.loads((where.parent / "gold.json").read_text(encoding="utf-8"))
        for question in gold["questions"]:
            ignore = ignored_words([question["question"]])
            joined = by_subject([[t] for t in texts], ignore, asked=question["question"])
            assert joined == [list(range(len(texts)))], question


def test_a_year_the_question_names_still_ties_documents():
    """Left out as one of the question's words, "2026" made a follow-up that also looks back to 2019 and
    2024 a subject of its own (both name years, none in common)."""
    first = "Kestrova Motors of Drevania expects a net profit of 410 million euros in 2026 after a 2025 loss."
    second = (
        "Aster Brekka, of Kestrova Motors in Drevania, cut jobs in 2019 and 2024 and warns on 2026 profit."
    )
    question = "What net profit does Kestrova expect for 2026?"
    ignore = ignored_words([question])
    assert by_subject([[first], [second]], ignore) == [[0], [1]]
    assert by_subject([[first], [second]], ignore, asked=question) == [[0, 1]]


def test_a_word_the_text_also_writes_in_lower_case_is_no_name():
    """ "Products" opening a sentence and "products" after it: no name, so two reports of one story (a
    retailers' statement and a union magazine on battery fires, which share only their country's name) are
    not held apart by the common words each happens to open sentences with."""
    text = "Products sold online are the problem. Retailers in Vessland say their products are tested."
    assert names_in(text) == {"retailers", "vessland"}
