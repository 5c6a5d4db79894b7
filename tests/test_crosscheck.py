"""One answer per document, then a vote (service/crosscheck.py). The model is a function here: each test
says what every document's call replies."""

from __future__ import annotations

from pathlib import Path

import pytest

from service.crosscheck import (
    as_disagreement,
    by_documents,
    cross_check,
    disagreements_of,
    documents_overrule,
    grounded,
    is_about,
    is_factoid,
    lead,
    lead_sentence,
    leading,
    passages_to_number,
    question_share,
    subject_terms,
    subjects_of,
    subjects_to_lead,
    vote,
)
from service.disagreement_text import describe_disagreements
from service.models import Passage
from service.settings import Settings

SETTINGS = Settings(index_dir=Path("/nonexistent"), crosscheck_documents=5)


def sentence(doc_id: str, text: str, n: int = 1, start: int = 0) -> Passage:
    return Passage(n=n, doc_id=doc_id, title=doc_id, start=start, end=start + len(text), quote=text)


DOCS = {
    "a": [sentence("a", 'The album "VII" is by Blitzen Trapper, released in 2013.', 1)],
    "b": [sentence("b", 'Blitzen Trapper recorded the album "VII" in Portland.', 2)],
    "c": [sentence("c", 'The album "VII" was recorded by The Beatles in 1970.', 3)],
    "d": [sentence("d", "The weather in Portland was mild.", 4)],
}


def replies(by_doc: dict[str, str]):
    """A model that answers each document's call by which document's sentence it was shown."""
    calls = []

    def ask(system: str, user: str) -> str:
        calls.append(user)
        doc = next(d for d, passages in DOCS.items() if passages[0].quote in user)
        return by_doc[doc]

    return ask, calls


def test_which_questions_are_cross_checked():
    assert is_factoid("Who is the artist of the album VII?")
    assert is_factoid("When was the dam built?") and is_factoid("Which general praised the troops?")
    assert not is_factoid("How many people died?")  # figures: the claim frames
    assert not is_factoid("Did the mayor resign?")
    # the question word late, after a preposition
    assert is_factoid("302 Squadron was formed in which year?")
    assert is_factoid("The bridge was opened by whom?")
    assert is_factoid("221B Baker Street is a game for which type of medium?")
    assert not is_factoid("Did the report say in which year the dam was built?")  # a verdict


def test_a_reply_counts_only_when_short_and_found_in_the_document():
    [passage] = DOCS["a"]
    assert grounded("Blitzen Trapper [1]", [passage]).text == "Blitzen Trapper"
    assert grounded("blitzen trapper.", [passage]).passages == [passage]
    assert grounded("The Beatles [1]", [passage]) is None  # not in this document
    assert grounded("not stated", [passage]) is None
    long_reply = "The album VII is by Blitzen Trapper, released in 2013 by the band"
    assert grounded(long_reply, [passage]) is None  # an explanation, not an answer


def test_the_answering_sentence_must_hold_most_of_the_question():
    question = "Which Russian general credited the North Korean units in Kursk?"
    credited = sentence("a", "General Valery Gerasimov credited the North Korean units fighting in Kursk.")
    elsewhere = sentence("b", "Foreign minister Sergei Lavrov met his North Korean counterpart.")
    assert grounded("Valery Gerasimov [1]", [credited], question).text == "Valery Gerasimov"
    assert grounded("Sergei Lavrov [1]", [elsewhere], question) is None


def test_documents_must_name_what_the_question_is_about():
    assert subject_terms('Who is the artist of the album "VII"?') == ["vii"]
    assert subject_terms("Where is the Larkin Covered Bridge located?") == ["larkin", "covered", "bridge"]
    assert is_about(DOCS["a"], ["vii"]) and not is_about(DOCS["d"], ["vii"])


def test_equal_answers_merge_and_the_majority_leads():
    ask, calls = replies(
        {"a": "Blitzen Trapper [1]", "b": "Trapper [1]", "c": "The Beatles [1]", "d": "Portland"}
    )
    answers = cross_check('Who is the artist of the album "VII"?', DOCS, ask, SETTINGS)
    assert len(calls) == 3, "the document that does not name VII is not asked"
    assert [(a.text, a.documents) for a in answers] == [
        ("Blitzen Trapper", ["a", "b"]),
        ("The Beatles", ["c"]),
    ]
    assert [a.text for a in leading(answers)] == ["Blitzen Trapper"]
    conflict = as_disagreement(answers)
    assert conflict.kind == "answers" and [c.doc_id for c in conflict.claims] == ["a", "b", "c"]
    for claim in conflict.claims:
        assert claim.quote == DOCS[claim.doc_id][0].quote


def test_a_tie_is_broken_by_the_models_own_answer_else_all_lead():
    tied = vote(
        [
            grounded("Blitzen Trapper", DOCS["a"]),
            grounded("The Beatles", DOCS["c"]),
        ]
    )
    assert [a.text for a in leading(tied, "It is by The Beatles [3].")] == ["The Beatles"]
    assert [a.text for a in leading(tied, "Nobody knows.")] == ["Blitzen Trapper", "The Beatles"]


def test_agreement_or_one_answer_is_no_disagreement():
    ask, _ = replies({"a": "Blitzen Trapper", "b": "Blitzen Trapper [1]", "c": "not stated", "d": "x"})
    answers = cross_check('Who made "VII"?', DOCS, ask, SETTINGS)
    assert len(answers) == 1 and as_disagreement(answers) is None
    assert cross_check("How many albums?", DOCS, ask, SETTINGS) == []
    one_document = {"a": DOCS["a"]}
    assert cross_check('Who made "VII"?', one_document, ask, SETTINGS) == []


def test_documents_that_agree_lead_when_the_models_answer_does_not_name_their_answer():
    """Two documents say "Blitzen Trapper"; a draft over all the evidence that names another band (from a
    sentence about another album) does not stand, and one that names theirs is left as it is."""
    ask, _ = replies({"a": "Blitzen Trapper", "b": "Blitzen Trapper [1]", "c": "not stated", "d": "x"})
    texts = {d: passages[0].quote for d, passages in DOCS.items()}.__getitem__
    question = 'Who is the artist of the album "VII"?'
    [[agreed]] = subjects_to_lead(question, DOCS, ask, SETTINGS, texts, model_answer="The Beatles [3].")
    assert agreed.text == "Blitzen Trapper" and agreed.documents == ["a", "b"]
    assert lead([[agreed]], "The Beatles [3].", DOCS["a"] + DOCS["b"]) == "Blitzen Trapper [1][2]."
    named = "The album is by Blitzen Trapper [1]."
    assert subjects_to_lead(question, DOCS, ask, SETTINGS, texts, model_answer=named) == []
    assert not documents_overrule([], "The Beatles [3].")  # no document answered: nothing overrules


def test_the_answer_leads_and_every_answer_is_cited():
    ask, _ = replies({"a": "Blitzen Trapper", "b": "Blitzen Trapper", "c": "The Beatles", "d": "x"})
    evidence = [DOCS["a"][0], DOCS["c"][0].model_copy(update={"n": 2})]  # numbered 1…n, as shown
    answers = cross_check('Who made "VII"?', {**by_documents(evidence), "b": DOCS["b"]}, ask, SETTINGS)
    conflict = as_disagreement(answers)
    differ, extra = describe_disagreements([conflict], evidence)
    assert [p.doc_id for p in extra] == ["b"] and extra[0].n == 3
    assert (
        differ == "The sources differ on the answer to the question: Blitzen Trapper [1][3]; The Beatles [2]."
    )
    assert lead_sentence(leading(answers), [*evidence, *extra]) == "Blitzen Trapper [1][3]."


def test_a_reply_that_is_not_the_kind_of_thing_asked_is_no_answer():
    """ "When was it established?" → "Closed" is in the sentence, but it is no date: no answer, so no
    disagreement with the documents that give a year."""
    docs = {
        "a": [sentence("a", "Guerin High School was established in 1962 in River Forest.", 1)],
        "b": [sentence("b", "Guerin High School, established by the sisters, closed in 2019.", 2)],
    }
    given = {"a": "1962 [1]", "b": "Closed [1]"}

    def ask(system: str, user: str) -> str:
        return next(reply for doc, reply in given.items() if docs[doc][0].quote in user)

    assert cross_check("When was Guerin High School established?", docs, ask, SETTINGS) == []
    given["b"] = "2019 [1]"  # a date: counted (whether it answers "established" is the model's reading)
    answers = cross_check("When was Guerin High School established?", docs, ask, SETTINGS)
    assert sorted(a.text for a in answers) == ["1962", "2019"]


def test_a_who_reply_must_name_someone_the_question_does_not():
    from service.crosscheck import is_kind_asked

    question = 'Who is the author of "Why I Am Not"?'
    assert is_kind_asked("Bertrand Russell", question) and is_kind_asked("The Beatles", question)
    assert not is_kind_asked("the author of Why I Am Not", question)
    assert is_kind_asked("The Who", 'Who is the artist of the album "Direct Hits"?')  # a name, not the word
    assert is_kind_asked("in 1927", "When was it written?")
    assert not is_kind_asked("Closed", "When was it built?")


ALBUMS = {
    "a": [sentence("a", 'The album "Beyond Measure" is the second from Dynasty, on Facedown Records.', 1)],
    "b": [
        sentence(
            "b", 'The album "Beyond Measure" is the fifth by Jeremy Camp, released by BEC Recordings.', 2
        )
    ],
    "c": [sentence("c", 'The album "Beyond Measure" is the second from Metallica, on Facedown Records.', 3)],
    "d": [
        sentence("d", 'Dynasty made the album "Beyond Measure" with Andrew Glover at Facedown Records.', 4)
    ],
}
ALBUM_QUESTION = 'Who is the artist of the album "Beyond Measure"?'


def album_answers(replies_by_doc: dict[str, str], docs: dict[str, list[Passage]]):
    def ask(system: str, user: str) -> str:
        return next(reply for doc, reply in replies_by_doc.items() if docs[doc][0].quote in user)

    answers = cross_check(ALBUM_QUESTION, docs, ask, SETTINGS)
    return subjects_of(ALBUM_QUESTION, answers, lambda doc_id: docs[doc_id][0].quote)


def test_documents_about_different_subjects_each_give_their_answer_and_nothing_disagrees():
    docs = {k: ALBUMS[k] for k in "ab"}
    subjects = album_answers({"a": "Dynasty [1]", "b": "Jeremy Camp [1]"}, docs)
    assert [[a.text for a in s] for s in subjects] == [["Dynasty"], ["Jeremy Camp"]]
    assert disagreements_of(subjects) == []
    numbered = [ALBUMS["a"][0]]  # b's sentence was not among the evidence
    extra = passages_to_number(subjects, numbered)
    assert [(p.doc_id, p.n) for p in extra] == [("b", 2)]
    assert lead(subjects, "", [*numbered, *extra]) == (
        "The documents seem to be about different subjects, each with its own answer: Dynasty [1]; "
        "Jeremy Camp [2]."
    )


def test_an_edited_copy_disagrees_within_its_subject_and_the_majority_leads():
    """c is a's text with the artist changed (a shared passage), d names a's label: one subject whose
    documents disagree; b's album is another subject with an answer of its own."""
    subjects = album_answers(
        {"a": "Dynasty [1]", "b": "Jeremy Camp [1]", "c": "Metallica [1]", "d": "Dynasty [1]"}, ALBUMS
    )
    assert [[a.text for a in s] for s in subjects] == [["Dynasty", "Metallica"], ["Jeremy Camp"]]
    (conflict,) = disagreements_of(subjects)
    assert conflict.kind == "answers" and [c.doc_id for c in conflict.claims] == ["a", "d", "c"]
    numbered = [p for doc in "abcd" for p in ALBUMS[doc]]
    assert lead(subjects, "", numbered) == (
        "The documents seem to be about different subjects, each with its own answer: Dynasty [1][4]; "
        "Jeremy Camp [2]."
    )
    docs = {k: ALBUMS[k] for k in "acd"}
    one_subject = album_answers({"a": "Dynasty [1]", "c": "Metallica [1]", "d": "Dynasty"}, docs)
    assert lead(one_subject, "", numbered) == "Dynasty [1][4]."


def test_a_document_that_names_the_subject_anywhere_is_asked_though_its_best_sentences_say_he():
    """A document's best sentences often name the subject by a pronoun ("He was born on 9 February
    1936"); when the whole document names him, it is asked. Without its text, only the sentences count."""
    docs = {
        "a": [sentence("a", "He was born on 9 February 1936 in Beckenham.", 1)],
        "b": [sentence("b", "Geoffrey Cook was born on 9 October 1951 in Middlesbrough.", 2)],
    }
    texts = {
        "a": "Geoffrey Cook (cricketer, born 1936). He was born on 9 February 1936 in Beckenham.",
        "b": docs["b"][0].quote,
    }
    asked: list[str] = []

    def ask(system: str, user: str) -> str:
        asked.append(user)
        return "9 February 1936 [1]" if "Beckenham" in user else "9 October 1951 [1]"

    question = "When was Geoffrey Cook born?"
    assert cross_check(question, docs, ask, SETTINGS) == [] and len(asked) == 1
    answers = cross_check(question, docs, ask, SETTINGS, texts.__getitem__)
    assert sorted(a.text for a in answers) == ["9 February 1936", "9 October 1951"]


def test_a_sentence_that_says_the_question_in_other_words_answers_it(shared_desk):
    """Questions are short, so one word said otherwise ("born" for "birth") used to halve the overlap and
    the document's answer was thrown away. Words of one meaning count (real embedder); opposites do not."""
    vocabulary = shared_desk.vocabulary
    question = "What is the birth date of Richard Aldworth?"
    born = sentence("a", "Aldworth was born on 12 December 1750 in Duke Street, Westminster.")
    died = sentence("a", "Aldworth died on 12 December 1810 in Duke Street, Westminster.")
    assert question_share(born.quote, question) == 0.25  # "aldworth" alone, by stem
    assert question_share(born.quote, question, vocabulary) == 0.5  # "born" is "birth"
    assert question_share(died.quote, question, vocabulary) == 0.25  # "died" is not
    assert grounded("12 December 1750 [1]", [born], question) is None
    given = grounded("12 December 1750 [1]", [born], question, vocabulary=vocabulary)
    assert given is not None and given.text == "12 December 1750"
    assert grounded("12 December 1810 [1]", [died], question, vocabulary=vocabulary) is None
    built = "When was the Larkin Covered Bridge built?"
    assert question_share("The Larkin Covered Bridge was constructed in 1881.", built, vocabulary) == 1.0
    assert question_share("The Larkin Covered Bridge was demolished in 1962.", built, vocabulary) == 0.75


def test_a_sentence_about_something_else_still_does_not_answer_with_a_vocabulary(shared_desk):
    """The guard the overlap is for holds with meanings counted too: a sentence naming the question's
    places and people but saying nothing of what is asked gives no answer."""
    question = "Which Russian general credited the North Korean units in Kursk?"
    elsewhere = sentence("b", "Foreign minister Sergei Lavrov met his North Korean counterpart.")
    assert grounded("Sergei Lavrov [1]", [elsewhere], question, vocabulary=shared_desk.vocabulary) is None


@pytest.mark.parametrize(
    ("reply", "sentence", "full"),
    [
        ("Space Shuttle", "The mission flew on Space Shuttle Discovery in 1985.", "Space Shuttle Discovery"),
        ("Thriller", "Inner Sanctum is a 1991 erotic thriller directed by Fred Olen Ray.", "erotic thriller"),
        ("Messina", "Deodato was active mainly in Messina, Sicily, where he painted.", "Messina, Sicily"),
        ("Mark Wills", "It is the sixth album by American country music artist Mark Wills.", "Mark Wills"),
        ("Bhatt", "Lahu Ke Do Rang is a 1979 Hindi movie directed by Mahesh Bhatt.", "Mahesh Bhatt"),
        ("Beethoven", "The sonata was written in 1801.", "Beethoven"),  # not in the sentence: as given
        ("film noir", "Inner Sanctum is an American film noir.", "film noir"),  # not "American film noir"
    ],
)
def test_a_reply_is_given_as_its_sentence_names_it_in_full(reply, sentence, full):
    from service.crosscheck import full_name

    assert full_name(reply, sentence) == full
