"""Per-sentence support (service/support.py), what a question asks for (questions.py), the fallback and
the gate (abstention.py), and the majority lead (majority.py), on made-up sentences of the same shape as the
failures found on unseen stories. The end-to-end checks run the flood story pack with a fake model."""

from __future__ import annotations

import pytest
from langchain_core.language_models.fake_chat_models import FakeListChatModel

from service.abstention import abstain_reason, fallback_answer
from service.answer import verify
from service.asked import question_frame
from service.citations import numbers_written
from service.claims import extract_claims
from service.desk import Desk
from service.majority import outvoted
from service.models import Passage
from service.questions import asked_type, holds
from service.repair import repair
from service.support import check_text

from .conftest import make_settings

FLOOD = __import__("pathlib").Path(__file__).parent / "data" / "stories" / "flood_synthetic"


def passage(n: int, quote: str, doc: str = "d") -> Passage:
    return Passage(n=n, doc_id=doc, title="t", start=0, end=len(quote), quote=quote)


@pytest.fixture(scope="module")
def vocabulary(tmp_path_factory):
    return Desk(make_settings(tmp_path_factory.mktemp("vocab") / "index")).vocabulary


def test_a_quoted_phrase_the_cited_sentence_does_not_hold_is_unsupported(vocabulary):
    evidence = [passage(1, "The ministry said the dam's spillway gates were opened on Sunday night.")]
    answer = "The Veldarian ministry called the arrangement an illicit 'water-for-hire' scheme [1]."
    problems = [
        p
        for s in check_text(answer, evidence, "What did the ministry call it?", vocabulary)
        for p in s.problems
    ]
    assert "sentence 1 cites [1], which does not say “water-for-hire”" in problems
    assert "sentence 1 cites [1], which does not name Veldarian ministry" in problems


def test_a_figure_counting_something_else_does_not_support(vocabulary):
    question = "How many Norrevian soldiers have been killed?"
    evidence = [
        passage(
            1, "Norrevia has sent some 11,000 troops to the front, and about 1,000 of them have been killed."
        )
    ]
    frame = question_frame(question)
    wrong = verify("Losses are estimated at 1,000 to 11,000 [1].", question, evidence, vocabulary, frame)
    assert any("11,000 counts troops" in p for p in wrong.all_problems)
    right = verify(
        "About 1,000 Norrevian soldiers have been killed [1].", question, evidence, vocabulary, frame
    )
    assert right.ok, right.all_problems


def test_a_figure_restated_from_the_question_is_its_premise_but_not_in_a_yes_no_question(vocabulary):
    """A MultiHop answer restating "closely followed by three other teams" from its question was rejected
    once "by three" stopped reading as a change: its passage lists the three teams by name."""
    evidence = [
        passage(1, "A loss would mean the Packers, Rams and Saints only trail the Vikings by a half-game.")
    ]
    question = "Which team could be closely followed in the wild card race by three other teams?"
    answer = "The Vikings could be closely followed in the wild card race by three other teams [1]."
    assert verify(answer, question, evidence, vocabulary, question_frame(question)).ok
    asked = "Could the Vikings be closely followed by three other teams?"  # the figure is what it asks
    checked = verify(
        "Yes, the Vikings could be closely followed by three other teams [1].",
        asked,
        evidence,
        vocabulary,
        None,
    )
    assert any("does not give three" in p for p in checked.all_problems)


def test_a_share_does_not_support_a_count_of_the_same_number(vocabulary):
    evidence = [passage(1, "The plant has laid off 12% of its workers, the company said.")]
    question = "How many workers were laid off?"
    [count] = check_text("The plant has laid off 12 workers [1].", evidence, question, vocabulary)
    assert any("12%" in p for p in count.problems)
    [share] = check_text("The plant has laid off 12% of its workers [1].", evidence, question, vocabulary)
    assert share.ok


def test_a_measurement_backs_any_wording_of_it_in_its_own_unit_only(vocabulary):
    evidence = [passage(1, "Police said the tachograph recorded a speed of 94 kilometres per hour.")]
    question = "How fast was the coach going?"
    [same] = check_text(
        "The coach was travelling at 94 kilometres per hour [1].", evidence, question, vocabulary
    )
    assert same.ok, same.problems
    [other] = check_text("The coach was travelling at 94 miles per hour [1].", evidence, question, vocabulary)
    assert any("94 kilometres per hour" in p for p in other.problems)


def test_the_dead_do_not_support_those_rescued_alive(vocabulary):
    evidence = [passage(1, "The coast guard said 19 people were confirmed dead on Tuesday.")]
    question = "How many people were rescued?"
    [alive] = check_text(
        "The coast guard said 19 people were rescued alive [1].", evidence, question, vocabulary
    )
    assert any("19" in p for p in alive.problems)


def test_where_a_group_is_asks_nothing_of_the_source_but_what_happened_still_does(vocabulary):
    """ "On board" tells disputes apart (service/events.py); for support, "64 people were on board" is
    backed by "carrying 64 passengers", while "64 people died" is not."""
    question = "How many people were on board the Merrow Star?"
    evidence = [passage(1, "The Merrow Star was carrying 64 passengers when it sank off Tarrow Point.")]
    frame = question_frame(question)
    assert frame.event == "aboard"
    aboard = verify("64 people were on board the Merrow Star [1].", question, evidence, vocabulary, frame)
    assert aboard.ok, aboard.all_problems
    died = verify("64 people died on the Merrow Star [1].", question, evidence, vocabulary, frame)
    assert any("64 counts" in p for p in died.all_problems)


def test_names_must_be_in_the_cited_sentence_its_title_or_the_question(vocabulary):
    quote = "The mayor said 900 people had died in the city."
    evidence = [passage(1, quote).model_copy(update={"title": "Floods in Marrowby"})]
    question = "How many people died in Marrowby?"
    assert check_text("The mayor said 900 people died in Marrowby [1].", evidence, question, vocabulary)[0].ok
    stranger = check_text("Haldor Vik said 900 people died in Marrowby [1].", evidence, question, vocabulary)
    assert "sentence 1 cites [1], which does not name Haldor Vik" in stranger[0].problems
    other = passage(2, "Marrowby's river rose two metres.")
    untitled = check_text(
        "The mayor said 900 people died in Marrowby [1].", [passage(1, quote), other], question
    )
    assert untitled[0].problems == [
        "sentence 1 cites [1], which does not say marrowby as the question does"
    ], "the question's restriction, stated by [2], restated on [1]: it must be in [1] or its title"
    alone = check_text("The mayor said 900 people died in Marrowby [1].", [passage(1, quote)], question)
    assert alone[0].ok, "a restriction no passage states is the reader's premise (the gate decides on it)"


GENERAL = "What is the name of the Veldarian general commanding the engineers?"
BIRCH = 'Another commander, "Birch," added: "They work as hard as my engineers."'
BIRCH_ANSWER = "The name of the Veldarian general commanding the engineers is Birch [1]."


def test_pinning_the_question_on_an_unrelated_span_is_unsupported(vocabulary):
    evidence = [passage(1, BIRCH), passage(2, "Veldarian troops crossed the river on Monday.")]
    [support, *_] = check_text(BIRCH_ANSWER, evidence, GENERAL, vocabulary)
    assert support.problems == ["sentence 1 cites [1], which does not say veldarian as the question does"]


def test_a_missing_citation_is_repaired_from_the_passage_that_supports_it(vocabulary):
    evidence = [
        passage(1, "Officials said the river reached 6.4 metres at the gauge."),
        passage(2, "Hallberg said boats had reached the Lower Quay district."),
    ]
    answer = "Hallberg said boats reached the Lower Quay district [1]."
    checked = check_text(answer, evidence, "", vocabulary)
    assert not checked[0].ok
    assert repair(answer, checked, evidence, "", vocabulary) == (
        "Hallberg said boats reached the Lower Quay district [1][2]."
    )


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("In what year were the two dams built?", "year"),
        ("When did the river burst its banks?", "date"),
        ("Who is the mayor of Marrowby?", "person"),
        ("What is the name of the engineer?", "person"),
        ("Where did the dam fail?", "place"),
        ("In which city did the flood start?", "place"),
        ("How many people died?", "quantity"),
        ("Which river flooded the city?", None),
        ("Did the dam hold?", None),
    ],
)
def test_what_a_question_asks_for(question, kind):
    assert asked_type(question) == kind


def test_holds_needs_something_the_question_does_not_already_name():
    assert holds("The dam was built in 1962.", "year")
    assert not holds("The two dams were built in the mountains above the city.", "year")
    assert holds("Odile Framsen, the mayor, appealed for water.", "person", "Who is the mayor?")
    assert not holds("The mayor appealed for water.", "person", "Who is the mayor?")


def test_a_year_question_answered_without_a_year_falls_back_or_abstains(vocabulary):
    question = "In what year were the two dams built?"
    evidence = [
        passage(1, "The two dams were built in the mountains above the city."),
        passage(2, "The city's first bridge opened in 1911, officials said."),
    ]
    verdict = verify(
        "The two dams were built in the mountains above the city [1].", question, evidence, vocabulary
    )
    assert "the question asks for a year and the answer gives none" in verdict.problems
    assert fallback_answer(question, evidence, vocabulary) is None  # 1911 is not about dams: abstain
    evidence.append(passage(3, "Both dams were built in 1962 by a state company."))
    assert (
        fallback_answer(question, evidence, vocabulary)
        == "Both dams were built in 1962 by a state company. [3]"
    )


def test_the_fallback_quotes_a_sentence_that_answers_never_the_top_ranked_one(vocabulary):
    question = "Who was the spokesman who gave the toll updates?"
    evidence = [
        passage(1, "An aid report said shelters were short of blankets."),
        passage(2, "The toll updates were given by spokesman Tomas Hallberg each evening."),
    ]
    assert fallback_answer(question, evidence, vocabulary) == (
        "The toll updates were given by spokesman Tomas Hallberg each evening. [2]"
    )
    assert fallback_answer(question, evidence[:1], vocabulary) is None


def test_the_gate_abstains_on_a_restriction_no_evidence_mentions(vocabulary):
    evidence = [passage(1, "At least 120 people died in the floods, the health ministry said.")]
    reason = abstain_reason(
        "How many people died in the cholera outbreak that followed?", evidence, vocabulary=vocabulary
    )
    assert reason == "none of the relevant passages mentions “cholera” or “outbreak”"
    minister = abstain_reason(
        "Who was the communications minister who gave the toll?", evidence, vocabulary=vocabulary
    )
    assert minister == "none of the relevant passages mentions “communications”"
    assert abstain_reason("How many people died in the floods?", evidence, vocabulary=vocabulary) is None


def test_a_proper_name_its_article_gives_elsewhere_does_not_stop_the_answer(vocabulary):
    """The evidence sentence says "the city"; the article's first sentence names Tarrowby. A name further
    on, or a common noun ("the operation"), still stops it: no sign of what the sentence is about."""
    evidence = [passage(1, "The median age in the city was 37.2 years.")]
    articles = {"d": "Tarrowby is a city in Fenwick County. The median age in the city was 37.2 years."}
    question = "What is the median age in Tarrowby?"
    assert abstain_reason(question, evidence, vocabulary=vocabulary) == (
        "none of the relevant passages mentions “tarrowby”"
    )
    assert abstain_reason(question, evidence, vocabulary=vocabulary, article_text=articles.get) is None
    further_on = {"d": "The median age in the city was 37.2 years. Tarrowby lies in Fenwick County."}
    assert abstain_reason(question, evidence, vocabulary=vocabulary, article_text=further_on.get)
    injured = [passage(1, "Two rescue workers were hurt on Tuesday.")]
    articles = {"d": "The operation resumed at dawn. Two rescue workers were hurt on Tuesday."}
    asked = "How many rescue workers were hurt during the operation?"
    assert abstain_reason(asked, injured, vocabulary=vocabulary, article_text=articles.get) == (
        "none of the relevant passages mentions “operation”"
    )


def test_one_document_is_outvoted_by_several(vocabulary):
    sentences = {
        "a": "Some 1,000 engineers were sent to Marrowby, the ministry said.",
        "b": "About 1,000 engineers went to Marrowby on Monday.",
        "c": "The 1,000 engineers sent to Marrowby began work, officials said.",
        "x": "Some 40,000 engineers have been sent to Marrowby, the bulletin said.",
    }
    claims = [c for doc, s in sentences.items() for c in extract_claims([passage(1, s, doc)])]
    frame = question_frame("How many engineers went to Marrowby?")
    conflict, top = outvoted("Some 40,000 engineers went [1].", frame, claims, vocabulary, 2)
    assert top == "1,000" and conflict.kind == "conflict"
    assert {c.doc_id for c in conflict.claims} == {"a", "b", "c", "x"}
    assert outvoted("About 1,000 engineers went [2].", frame, claims, vocabulary, 2) is None


@pytest.fixture(scope="module")
def flood_desk(tmp_path_factory):
    desk = Desk(make_settings(tmp_path_factory.mktemp("flood") / "index"))
    desk.index([FLOOD / "articles"])
    return desk


def ask_with(desk: Desk, replies: list[str], question: str):
    return Desk(desk.settings, chat_model=FakeListChatModel(responses=replies * 4)).ask(question)


def test_unanswerable_questions_on_an_unseen_story_abstain(flood_desk):
    wrong = "The two dams were built in the mountains above the city [1]."
    answer = ask_with(flood_desk, [wrong], "In what year were the spillway gates replaced?")
    assert answer.abstained, answer.answer
    cholera = ask_with(flood_desk, ["120 people died [1]."], "How many people died in the cholera outbreak?")
    assert cholera.abstained and "cholera" in cholera.answer


def test_an_unsupported_answer_is_replaced_by_a_sentence_that_answers(flood_desk):
    answer = ask_with(flood_desk, ["The mayor is the river [1]."], "Who is the mayor of Marrowby?")
    assert "Framsen" in answer.answer and answer.model.startswith("extractive fallback")


def test_a_sentence_resting_on_several_articles_gets_all_their_citations(vocabulary):
    """Titles carry the outlet; a sentence naming two outlets' reports needs a span of each."""
    question = "Which port did both the Haldmark Herald and the Portville Post say was closed?"
    evidence = [
        passage(1, "The harbour at Norrevia was closed on Monday.").model_copy(
            update={"title": "Haldmark Herald: Storm closes harbour"}
        ),
        passage(2, "Officials said Norrevia would stay closed.").model_copy(
            update={"title": "Portville Post: Port stays shut"}
        ),
    ]
    answer = "Both the Haldmark Herald and the Portville Post said Norrevia was closed [1]."
    checked = check_text(answer, evidence, question, vocabulary)
    assert checked[0].kinds == {"restriction"}
    assert repair(answer, checked, evidence, question, vocabulary) == (
        "Both the Haldmark Herald and the Portville Post said Norrevia was closed [1][2]."
    )


def test_a_restriction_is_not_joined_from_a_span_about_someone_else(vocabulary):
    evidence = [passage(1, BIRCH), passage(2, "The Veldarian general Oak commands the engineers.")]
    checked = check_text(BIRCH_ANSWER, evidence, GENERAL, vocabulary)
    assert repair(BIRCH_ANSWER, checked, evidence, GENERAL, vocabulary) == BIRCH_ANSWER, "[2] names Oak"


def test_the_question_pinned_on_one_span_while_another_states_it_is_unsupported(vocabulary):
    """[1] praises Oak; [2] is about who commands the engineers: restating the question on [1] fails.
    The question's own paraphrase, in no passage, is not held against an answer."""
    question = "Which general commanded the engineers at the Marrowby dam?"
    evidence = [
        passage(1, "General Oak was praised by the ministry at Marrowby."),
        passage(2, "The engineers at the dam were commanded by General Alder."),
    ]
    wrong = "General Oak commanded the engineers at the Marrowby dam [1]."
    [support] = check_text(wrong, evidence, question, vocabulary)
    assert support.kinds == {"restriction"}, support.problems
    right = "General Alder commanded the engineers at the dam [2]."
    assert check_text(right, evidence, question, vocabulary)[0].ok
    paraphrase = "Which officer oversaw the sappers' work on the Marrowby barrage?"
    assert check_text("General Alder commanded the engineers [2].", evidence, paraphrase, vocabulary)[0].ok


def test_a_who_question_joining_facts_from_several_passages_gets_the_name_they_share(vocabulary):
    """No one sentence holds two thirds of the question's words; the passages naming Ilse Varga together
    do, and the best of them is quoted. A name the question uses is never the answer."""
    question = (
        "Who is the person praised by the Haldmark Herald for rebuilding the bridge, who also led "
        "the flood inquiry that the Portville Post reported?"
    )
    evidence = [
        passage(1, "Ilse Varga was praised for rebuilding the bridge in record time.").model_copy(
            update={"title": "Haldmark Herald: Bridge reopens"}
        ),
        passage(2, "The flood inquiry was led by Ilse Varga, the report said.", doc="p").model_copy(
            update={"title": "Portville Post: Inquiry ends"}
        ),
        passage(3, "Tomas Brenn praised the weather.", doc="e").model_copy(
            update={"title": "Haldmark Herald: Sun"}
        ),
    ]
    assert fallback_answer(question, evidence, vocabulary) in {
        "Ilse Varga was praised for rebuilding the bridge in record time. [1]",
        "The flood inquiry was led by Ilse Varga, the report said. [2]",
    }
    assert fallback_answer(question, evidence[2:], vocabulary) is None, "Brenn's passage holds too little"


def test_numbers_in_words_are_checked_like_digits(vocabulary):
    """ "nine" and "9" are one number: a wrong number in words is caught, a right one in digits passes."""
    question = "How many miners died at Karrow Deep?"
    evidence = [passage(1, "Rescuers said seven miners had died at Karrow Deep by Friday.")]
    frame = question_frame(question)
    wrong = verify("Nine miners died at Karrow Deep [1].", question, evidence, vocabulary, frame)
    assert any("Nine" in p for p in wrong.all_problems), wrong.all_problems
    right = verify("7 miners died at Karrow Deep [1].", question, evidence, vocabulary, frame)
    assert right.ok, right.all_problems


def test_a_number_word_inside_a_name_is_no_figure_to_check(vocabulary):
    """ "Five Nights at Freddy's" is a title: a sentence naming it does not claim the number five, while
    "Forty" opening a sentence is a count (MultiHop: a verdict was rejected for "does not give Five")."""
    question = "When did Polygon review Five Nights at Freddy's?"
    evidence = [passage(1, "Polygon reviewed the horror film on October 26, 2023.")]
    said = "Polygon reviewed Five Nights at Freddy's on October 26, 2023 [1]."
    assert verify(said, question, evidence, vocabulary).ok
    wrong = verify("Polygon reviewed five films on October 26, 2023 [1].", question, evidence, vocabulary)
    assert any("five" in p for p in wrong.all_problems), wrong.all_problems
    assert numbers_written("The Seven Sisters rose. Forty miners were rescued.") == {"40": "Forty"}
    assert numbers_written('"Three people died," he said. Officials named Three Gorges Dam.') == {
        "3": "Three"
    }
