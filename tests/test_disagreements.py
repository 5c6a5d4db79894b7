"""Disagreements: which figures count the same thing, conflicts vs updates vs different things, the story
packs (tests/data/stories, synthetic) and the seeds, and contradicting assertions."""

from __future__ import annotations

from pathlib import Path

import pytest

from service import thesaurus
from service.articles import make_article
from service.asked import question_frame
from service.assertions import assertion_candidates, find_assertion_disagreements, llm_judge, stance
from service.claims import article_claims, extract_claims
from service.clauses import WHOLE_COUNTRY
from service.disagreements import find_disagreements, frame_keys, group_claims, is_vague
from service.eval.common import load_json
from service.eval.stories import evaluate_found, evaluate_story
from service.matching import about_question
from service.models import Claim, Passage
from service.tellers import dated_by_repeats
from service.thesaurus import same_act
from service.timelines import steps_told
from service.vocabulary import EVENT_SIMILARITY, Vocabulary, read_lexicon

from .conftest import SEEDS

STORIES = Path(__file__).resolve().parent / "data" / "stories"
GOLD = Path(__file__).resolve().parent / "gold_disagreements.json"


def claim(
    doc: str, value: float, *, noun=None, event=None, places=(), source=None, date=None, **extra
) -> Claim:
    """A claim as the extractor would make it (the frame given directly: no parse here)."""
    return Claim(
        doc_id=doc,
        value=f"{value:,}",
        low=value,
        high=value,
        quote=f"{value} …",
        start=int(value) % 1000,
        end=int(value) % 1000 + 5,
        noun=noun,
        generic=noun in (None, "people"),
        event=event,
        places=list(places),
        source=source,
        date=date,
        **extra,
    )


def parsed(sentences: dict[str, str], published: dict[str, str] | None = None) -> list[Claim]:
    """The claims the extractor reads in each document's one sentence (doc id → sentence), each dated by
    its document's published date when given."""
    return [
        c
        for doc, sentence in sentences.items()
        for c in extract_claims(
            [Passage(n=1, doc_id=doc, title=doc, start=0, end=1, quote=sentence)], (published or {}).get(doc)
        )
    ]


NO_EMBEDDINGS = Vocabulary()  # words are the same only when equal (or in the lexicon)


def kinds(found) -> list[tuple[str, list[str]]]:
    return [(d.kind, [c.value for c in d.claims]) for d in found]


def disputed(first: str, second: str, vocabulary, published: tuple[str, str] | None = None) -> list:
    """The disagreements between two documents of one sentence each (published on those days)."""
    days = dict(zip(("a", "b"), published, strict=True)) if published else None
    return find_disagreements(parsed({"a": first, "b": second}, days), vocabulary)


def updated(vocabulary, noun: str, event: str, source: str, steps) -> list:
    """The disagreements of one source's count of the noun at each (document, value, date) step."""
    claims = [
        claim(doc, value, noun=noun, event=event, source=source, date=date) for doc, value, date in steps
    ]
    return find_disagreements(claims, vocabulary)


def attached(question: str, found, vocabulary) -> list:
    """The disagreements `ask` would attach to the question."""
    return about_question(question_frame(question), found, vocabulary)


# --- what counts the same thing -------------------------------------------------------------------


def test_two_sides_counts_are_never_one_count_but_one_side_disputed_is():
    """ "200 Russian soldiers were killed" (Kyiv) and "150 Ukrainian soldiers" (Moscow) count two sides; the
    Renewal Party's 27 seats (the commission) and its 30 (the party) are one count in dispute, the Civic
    Union's 41 another thing. A figure that names no side joins the one side that is counted."""
    claims = [
        claim("a", 200, noun="soldier", event="kill", source="Kyiv", whose="Russian"),
        claim("b", 150, noun="soldier", event="kill", source="Moscow", whose="Ukrainian"),
        claim("c", 41, noun="seat", event="win", source="the commission", whose="by Civic Union"),
        claim("c", 27, noun="seat", event="win", source="the commission", whose="by the Renewal Party"),
        claim("d", 30, noun="seat", event="win", source="the party", whose="by Renewal Party"),
        claim("e", 260, noun="soldier", event="kill", source="Moscow", whose="Russia's"),
    ]
    assert kinds(find_disagreements(claims, NO_EMBEDDINGS)) == [
        ("conflict", ["200", "260"]),
        ("conflict", ["27", "30"]),
    ]


def test_who_did_it_or_whose_group_it_is_comes_from_the_names_of_the_sentence():
    said = {
        "Ukrainian forces killed 200 Russian soldiers on Monday, Kyiv said.": "Russian",
        "The Civic Union won 41 of the 75 seats, the commission said.": "by Civic Union",
        "The Civic Union, which won 41 seats, urged calm.": "by Civic Union",
        "The Civic Union won 534,100 votes, or 52.3 percent, and 41 seats.": "by Civic Union",
        "Russia lost 600 soldiers in the offensive.": "by Russia",
        "The IODP counted 3,050 arrivals at the crossing.": None,  # who counts says so
        "Police said 14 workers were killed.": None,
    }
    for sentence, side in said.items():
        assert (
            extract_claims([Passage(n=1, doc_id="d", title="d", start=0, end=1, quote=sentence)])[0].whose
            == side
        )


def test_the_dead_and_the_missing_in_one_city_are_different_things():
    claims = [
        claim("a", 280, noun="people", event="die", places=["Marrowby"], source="the agency"),
        claim("b", 400, event="missing", places=["Marrowby"], source="the mayor"),
    ]
    assert find_disagreements(claims, NO_EMBEDDINGS) == []


def test_a_city_and_its_country_are_different_places():
    claims = [
        claim("a", 280, noun="people", event="die", places=["Marrowby"], source="the agency"),
        claim("b", 415, noun="people", event="die", places=["the whole country"], source="the ministry"),
        claim("c", 900, noun="people", event="die", places=["Veldaria"], source="the mayor"),
        claim(
            "c",
            40,
            noun="people",
            event="die",
            places=["Marrowby", "Veldaria"],
            containers=[("Veldaria", "Marrowby")],
            source="the mayor",
        ),
    ]
    groups = group_claims(claims, NO_EMBEDDINGS)
    by_value = {c.value: {x.value for x in group} for group in groups for c in group}
    assert by_value["280"] == {"280", "40"}  # "Marrowby, in Veldaria" is Marrowby
    assert by_value["415"] == {"415", "900"}  # "nationwide" is the one country the articles name


def test_two_sources_on_the_same_day_conflict_and_agreeing_figures_do_not():
    claims = [
        claim(
            "a", 900, noun="people", event="die", places=["Marrowby"], source="the mayor", date="2026-03-04"
        ),
        claim(
            "b", 280, noun="people", event="die", places=["Marrowby"], source="the agency", date="2026-03-04"
        ),
        claim(
            "c", 280, noun="people", event="die", places=["Marrowby"], source="the agency", date="2026-03-05"
        ),
        claim("d", 15000, event="displace", places=["Marrowby"], source="the council", date="2026-03-03"),
        claim("e", 15000, event="displace", places=["Marrowby"], source="officials", date="2026-03-04"),
    ]
    [conflict] = find_disagreements(claims, NO_EMBEDDINGS)
    assert conflict.kind == "conflict" and conflict.topic.endswith("in Marrowby")
    assert {(c.doc_id, c.value) for c in conflict.claims} == {("a", "900"), ("b", "280")}


def test_units_with_nothing_said_of_them_are_never_set_against_each_other():
    """ "1,200 tonnes or 6,500?", "carrying 4,800 tonnes": what the tonnes are is unknown; "1,200 tonnes
    leaked" says."""
    bare = [
        claim("a", 1200, noun="tonne", source="the owner"),
        claim("b", 4800, noun="tonne", source="a lab"),
    ]
    assert find_disagreements(bare, NO_EMBEDDINGS) == []
    leaked = [claim(c.doc_id, int(c.low), noun="tonne", event="leak", source=c.source) for c in bare]
    assert kinds(find_disagreements(leaked, NO_EMBEDDINGS)) == [("conflict", ["1,200", "4,800"])]


def test_one_sources_rising_count_is_an_update_not_a_conflict():
    claims = [
        claim(doc, value, event="die", places=["the whole country"], source=who, date=day)
        for doc, value, who, day in [
            ("a", 120, "the health ministry", "2026-03-02"),
            ("b", 340, "the ministry", "2026-03-03"),
            ("c", 512, "Veldaria's health ministry", "2026-03-05"),
        ]
    ]
    [update] = find_disagreements(claims, NO_EMBEDDINGS)
    assert update.kind == "update"
    assert [(c.value, c.date) for c in update.claims] == [
        ("120", "2026-03-02"),
        ("340", "2026-03-03"),
        ("512", "2026-03-05"),
    ]


def test_figures_far_apart_in_time_or_cited_from_another_year_never_conflict():
    claims = [
        claim("a", 190, event="die", source="the ministry", date="2026-10-12"),
        claim("b", 968, event="die", source="the governor", date="2026-10-20"),  # eight days later
        claim("c", 4000, event="die", date="1987", date_stated=True, published="2026-10-13"),
    ]
    assert find_disagreements(claims, NO_EMBEDDINGS, window=2) == []


def test_a_count_that_grows_from_one_day_to_the_next_is_no_conflict_a_later_lower_one_is():
    """Rescued: 87 on Monday (the wire, no source), 131 on Tuesday (the coast guard): the count grew. The
    governor's 60 on Tuesday against the coast guard's 87 on Monday: a later figure that is lower."""
    grew = [
        claim("a", 87, event="rescue", date="2026-06-01"),
        claim("b", 131, event="rescue", source="the coast guard", date="2026-06-02"),
    ]
    assert kinds(find_disagreements(grew, NO_EMBEDDINGS)) == []
    fell = [
        claim("a", 87, event="rescue", source="the coast guard", date="2026-06-01"),
        claim("b", 60, event="rescue", source="the governor", date="2026-06-02"),
    ]
    assert kinds(find_disagreements(fell, NO_EMBEDDINGS)) == [("conflict", ["87", "60"])]
    # a figure dated Monday by its sentence against one a later article gives with no date of its own:
    # that article's date says when it was printed, not that the count grew
    printed_later = [
        claim("a", 87, event="rescue", source="the coast guard", date="2026-06-01", date_stated=True),
        claim("b", 131, event="rescue", source="the governor", date="2026-06-02"),
    ]
    assert kinds(find_disagreements(printed_later, NO_EMBEDDINGS)) == [("conflict", ["87", "131"])]


def test_two_bodies_estimates_of_a_sum_a_day_apart_conflict_one_bodys_rising_estimate_does_not():
    """An insurer's €350m on Monday, a modeller's €480m on Tuesday: two estimates of one sum, not a sum
    that grew (as a count of the rescued does)."""
    two = [
        claim("a", 350, noun="insured loss", unit="euros", source="Fellgate", date="2026-04-20"),
        claim("b", 480, noun="insured loss", unit="euros", source="Ostrander", date="2026-04-21"),
    ]
    assert kinds(find_disagreements(two, NO_EMBEDDINGS)) == [("conflict", ["350", "480"])]
    one = [two[0], claim("b", 480, noun="insured loss", unit="euros", source="Fellgate", date="2026-04-21")]
    assert kinds(find_disagreements(one, NO_EMBEDDINGS)) == [("update", ["350", "480"])]


def test_a_state_is_never_a_place_to_be(shared_desk):
    """41 escapees "back in custody" and five "in hospital": a state and a place, never one count, however
    close their embeddings."""
    claims = [
        claim("a", 41, event="in custody", source="police", date="2026-03-04"),
        claim("b", 5, event="in hospital", source="the ministry", date="2026-03-04"),
    ]
    assert shared_desk.vocabulary.similarity("in custody", "in hospital") >= EVENT_SIMILARITY
    assert find_disagreements(claims, shared_desk.vocabulary) == []


def test_figures_fifty_times_apart_count_different_things():
    claims = [
        claim("a", 500, noun="estrel", event="cost", source="a trawler owner"),
        claim("b", 180e6, noun="estrel", event="cost", source="the treasury"),
    ]
    assert find_disagreements(claims, NO_EMBEDDINGS) == []


def test_a_light_verb_with_its_object_is_not_the_bare_verb(shared_desk):
    """ "40 took part" and "11 were taken to hospital" are close as embeddings, not in meaning."""
    claims = [
        claim("a", 40, event="take part", source="police", date="2026-04-11"),
        claim("b", 11, event="take", source="the Red Cross", date="2026-04-11"),
    ]
    assert find_disagreements(claims, shared_desk.vocabulary) == []


def test_events_one_source_tallies_side_by_side_never_join_however_close_their_embeddings(shared_desk):
    """The embedder puts "dead" and "alive" at 0.74 (die ~ alive 0.57, above EVENT_SIMILARITY): the
    sentence "4 people had been confirmed dead and 18 had been rescued alive" tells that they differ, and
    no chain through "die" may join them again."""
    sentence = "The fire service said 4 people had been confirmed dead and 18 had been rescued alive."
    both = [
        claim("a", 4, event="dead", source="the fire service", date="2026-03-03"),
        claim("a", 18, event="alive", source="the fire service", date="2026-03-03"),
    ]
    both = [c.model_copy(update={"quote": sentence, "start": 0, "end": len(sentence)}) for c in both]
    later = [
        claim("b", 11, event="die", source="the fire service", date="2026-03-04"),
        claim("c", 27, event="alive", source="the fire service", date="2026-03-04"),
    ]
    found = find_disagreements([*both, *later], shared_desk.vocabulary)
    assert sorted(kinds(found)) == [("update", ["18", "27"]), ("update", ["4", "11"])]
    assert vocabulary_clusters_without_the_sentence(shared_desk)["alive"] == "alive"


def test_those_who_live_somewhere_are_never_those_who_died_there(shared_desk):
    """ "live" and "die" are 0.60 apart to the embedder: a camp's population ("more than 60,000 people
    live there") asked about is not its death toll (the cholera pack); nor are survivors the dead."""
    sentences = {
        "a": "Camp leaders say more than 60,000 people live in Tembure camp.",
        "b": "The agency said 24 people had died in Tembure camp.",
        "c": "The camp committee said 41 people had died in Tembure camp.",
    }
    claims = parsed(sentences, {"a": "2026-05-12", "b": "2026-05-12", "c": "2026-05-12"})
    found = find_disagreements(claims, shared_desk.vocabulary)
    assert kinds(found) == [("conflict", ["24", "41"])]
    asked = question_frame("How many people live in Tembure camp?")
    assert about_question(asked, found, shared_desk.vocabulary) == []
    assert about_question(
        question_frame("How many people died in Tembure camp?"), found, shared_desk.vocabulary
    )
    survived = claim("d", 30, event="survive", source="the coastguard", date="2026-05-12")
    died = claim("e", 12, event="die", source="the police", date="2026-05-12")
    assert find_disagreements([survived, died], shared_desk.vocabulary) == []


def test_deaths_of_people_never_join_animals_killed(shared_desk):
    """ "killed" and "died" are one event; the deaths a noun leaves open ("five deaths") could join any
    count of the dead, but never the dogs culled: people and deaths are not animals."""
    sentences = {
        "a": "The ministry says five people have died of rabies.",
        "b": "Dr Vasko says eight people have died of rabies.",
        "c": "The league says 1,430 dogs have been killed since the emergency order.",
        "d": "The veterinary office says 612 dogs have been killed since the emergency order.",
        "e": "The ministry's figure is five deaths.",
    }
    claims = parsed(sentences, dict.fromkeys(sentences, "2026-04-15"))
    groups = [sorted(c.value for c in group) for group in group_claims(claims, shared_desk.vocabulary)]
    assert sorted(groups) == [["1,430", "612"], ["5", "5", "8"]]


def vocabulary_clusters_without_the_sentence(desk) -> dict[str, str]:
    """Without a sentence telling them apart, the embeddings alone join them: why the rule is needed."""
    clusters = desk.vocabulary.clusters(["dead", "alive", "die"], 0.56)
    assert clusters["dead"] == clusters["alive"]
    return desk.vocabulary.clusters(["dead", "alive", "die"], 0.56, separate=[frozenset({"dead", "alive"})])


def test_a_claim_that_leaves_the_place_unsaid_joins_the_one_group_that_says_it():
    placed = claim("a", 60000, event="homeless", places=["Haldmark"], source="the relief society")
    unplaced = claim("b", 20000, event="homeless", source="the governor")
    [conflict] = find_disagreements([placed, unplaced], NO_EMBEDDINGS)
    assert {c.value for c in conflict.claims} == {"60,000", "20,000"}
    elsewhere = claim("c", 5000, event="homeless", places=["Port Elsen"], source="the mayor")
    assert find_disagreements([placed, unplaced, elsewhere], NO_EMBEDDINGS) == []  # which? unknown


def test_people_with_nothing_said_of_them_are_never_compared():
    population = claim("a", 240000, noun="people", places=["Port Elsen"])
    capacity = claim("b", 5000, noun="people", places=["Port Elsen"], source="the governor")
    assert find_disagreements([population, capacity], NO_EMBEDDINGS) == []


def test_synonyms_come_from_the_lexicon_or_from_embeddings(tmp_path):
    sappers = claim("a", 1000, noun="sapper", places=["Kursk"], source="Shoigu")
    deminers = claim("b", 3000, noun="deminer", places=["Kursk"], source="the NIS")
    assert find_disagreements([sappers, deminers], NO_EMBEDDINGS) == []
    lexicon_file = tmp_path / "lexicon.csv"
    lexicon_file.write_text("# what counts the same\nsapper, deminer, mine clearer\n")
    lexicon = read_lexicon(lexicon_file)
    assert lexicon == [frozenset({"sapper", "deminer", "mine clearer"})]
    [conflict] = find_disagreements([sappers, deminers], Vocabulary(lexicon=lexicon))
    assert conflict.kind == "conflict"

    def embed(words: list[str]) -> list[list[float]]:  # sapper and deminer point the same way
        return [[1.0, 0.0] if w in ("sapper", "deminer") else [0.0, 1.0] for w in words]

    assert len(find_disagreements([sappers, deminers], Vocabulary(embed=embed))) == 1


def test_a_question_gets_only_the_disagreements_about_what_it_asks(shared_desk):
    claims = [
        claim("a", 900, noun="people", event="die", places=["Marrowby"], source="the mayor"),
        claim("b", 280, noun="people", event="die", places=["Marrowby"], source="the agency"),
        claim("a", 60000, event="homeless", places=["Marrowby"], source="the mayor"),
        claim("b", 20000, event="homeless", places=["Marrowby"], source="the agency"),
    ]
    vocabulary = shared_desk.vocabulary
    found = find_disagreements(claims, vocabulary)
    assert len(found) == 2
    asked = about_question(question_frame("How many people died in Marrowby?"), found, vocabulary)
    assert [d.claims[0].event for d in asked] == ["die"]
    assert about_question(question_frame("Who is the mayor of Marrowby?"), found, vocabulary) == []
    elsewhere = about_question(question_frame("How many people died in Portville?"), found, vocabulary)
    assert elsewhere == []
    # the question's "have" is its own verb, not a count of deaths amassed (see AMASSING)
    had = question_frame("How many excess deaths did Marrowby have during the heatwave?")
    assert about_question(had, found, vocabulary) == []


def test_a_question_about_what_befell_a_thing_gets_the_one_dispute_whose_sentences_tell_of_it(shared_desk):
    """ "How many vehicles fell into the river?": the figures' frames missed the fall ("14 vehicles, police
    say, fell"); their sentences did not."""
    fell = "Fourteen vehicles, according to police, fell into the river when the bridge gave way."
    claims = [
        claim("a", 14, noun="vehicle", source="police").model_copy(update={"quote": fell}),
        claim("b", 9, noun="vehicle", source="the operator").model_copy(update={"quote": "It says 9 fell."}),
    ]
    vocabulary = shared_desk.vocabulary
    found = find_disagreements(claims, vocabulary)
    asked = question_frame("How many vehicles fell into the river when the bridge collapsed?")
    assert (asked.noun, asked.event) == ("vehicle", "fall")
    assert about_question(asked, found, vocabulary) == found
    crossed = question_frame("How many vehicles crossed the bridge each day?")
    assert about_question(crossed, found, vocabulary) == []  # no sentence tells of crossing
    which = question_frame("Which vehicle fell into the river first?")
    assert about_question(which, found, vocabulary) == []  # no count asked


def test_a_name_a_question_gives_in_passing_is_no_place_unless_the_figures_give_it_as_theirs(shared_desk):
    claims = [
        claim("a", 340_000_000, event="lose", source="the regulator", unit="pounds"),
        claim("b", 280_000_000, event="lose", source="the liquidator", unit="pounds"),
    ]
    vocabulary = shared_desk.vocabulary
    found = find_disagreements(claims, vocabulary)
    scheme = question_frame("How much money did investors lose in the Lanterngate scheme?")
    assert scheme.places == ["Lanterngate"]  # the parser's guess
    assert about_question(scheme, found, vocabulary) == found
    elsewhere = question_frame("How much money did investors lose in Lanterngate?")
    assert elsewhere.places == ["Lanterngate"]
    assert about_question(elsewhere, found, vocabulary) == []


def test_a_question_names_the_place_its_dispute_is_told_of_though_the_disputed_figures_name_none(shared_desk):
    """ "How many pills were seized at Port of Carrowsand?": the headline puts the seizure there; the two
    figures in dispute, from later articles, name no place. The dispute's topic carries the place of its
    figures' group, and that is where the question asks."""
    claims = [
        claim("a", 4_200_000, noun="pill", event="seize", places=["Port of Carrowsand"], date="2026-05-12"),
        claim("b", 5_000_000, noun="pill", event="seize", source="the minister", date="2026-05-14"),
        claim("c", 4_200_000, noun="pill", event="seize", source="customs", date="2026-05-14"),
        claim(
            "a",
            3,
            noun="people",
            event="arrest",
            places=["Port of Carrowsand"],
            source="police",
            date="2026-05-12",
        ),
        claim("b", 7, noun="people", event="arrest", source="police", date="2026-05-15"),
    ]
    vocabulary = shared_desk.vocabulary
    found = find_disagreements(claims, vocabulary)
    [pills] = [d for d in found if d.kind == "conflict"]
    assert "Port of Carrowsand" in pills.topic and not any(c.places for c in pills.claims)
    asked = question_frame("How many pills were seized at the Port of Carrowsand?")
    assert asked.places == ["Port of Carrowsand"]
    assert about_question(asked, found, vocabulary) == [pills]


def test_a_code_after_from_is_no_place_and_breaks_no_question(shared_desk):
    """ "people from CV412": a flight's code is a proper noun with no capitalised word; it was read as the
    empty place, and matching it raised IndexError."""
    asked = question_frame("How many people from CV412 were still in hospital a week after the incident?")
    assert asked.places == []
    found = find_disagreements(
        [
            claim("a", 12, noun="people", event="in hospital", source="the airline", date="2026-05-14"),
            claim("b", 3, noun="people", event="in hospital", source="the health service", date="2026-05-14"),
        ],
        shared_desk.vocabulary,
    )
    assert [d.kind for d in about_question(asked, found, shared_desk.vocabulary)] == ["conflict"]


def test_figures_one_article_gives_fifteen_times_apart_count_different_things(shared_desk):
    """ "The city owes €1.8 billion" and "failed to pay €58 million that it owed", in one open letter (31
    times apart), share a frame the parser could not tell apart; a march put at 2,000 by the police and
    20,000 by its organisers in one report is one dispute. The bar was 50 times in one article too: the
    first was reported as a conflict. Across articles it stays 50 (a large outlier still clashes)."""
    owed = [
        claim("a", 58_000_000, event="owe", source="the bondholders", unit="euros", date="2026-03-09"),
        claim("a", 1_800_000_000, event="owe", source="the mayor", unit="euros", date="2026-03-09"),
    ]
    assert find_disagreements(owed, shared_desk.vocabulary) == []
    marched = [
        claim("a", 2_000, event="march", source="the police", date="2026-03-09"),
        claim("a", 20_000, event="march", source="the organisers", date="2026-03-09"),
    ]
    assert kinds(find_disagreements(marched, shared_desk.vocabulary)) == [("conflict", ["2,000", "20,000"])]


def test_a_question_of_what_someone_did_to_a_count_gets_the_one_dispute_over_its_noun(shared_desk):
    """ "How many patients had the agency linked to the fake medicines?" names no event ("linked" relates,
    nothing befell anyone): the one dispute over patients (harmed) is its dispute. A question of what
    there is ("were on board", "are there") is not about what befell them."""
    claims = [
        claim("a", 14, noun="patient", event="harm", source="the agency", date="2026-05-13"),
        claim("b", 23, noun="patient", event="harm", source="the agency", date="2026-05-15"),
        claim("c", 31, noun="patient", event="harm", source="the agency", date="2026-05-18"),
    ]
    found = find_disagreements(claims, shared_desk.vocabulary)
    assert [d.kind for d in found] == ["update"]
    linked = question_frame("How many patients had the agency linked to the fake medicines by 18 May?")
    assert about_question(linked, found, shared_desk.vocabulary) == found
    for there in ("How many patients were on the ward?", "How many patients are there in the region?"):
        assert about_question(question_frame(there), found, shared_desk.vocabulary) == [], there


def test_a_question_of_those_affected_gets_the_one_dispute_over_what_befell_them(shared_desk):
    """ "How many customers were affected by the breach?": "affected" leaves unsaid what befell them; the
    one dispute over customers (whose data was stolen) is about them."""
    claims = [
        claim("a", 1_200_000, noun="customer", event="steal", source="the company", date="2026-06-03"),
        claim("b", 3_800_000, noun="customer", event="steal", source="the regulator", date="2026-06-03"),
    ]
    found = find_disagreements(claims, shared_desk.vocabulary)
    assert [d.kind for d in found] == ["conflict"]
    affected = question_frame("How many customers were affected by the breach?")
    assert (affected.noun, affected.event) == ("customer", "affect")
    assert about_question(affected, found, shared_desk.vocabulary) == found


def test_a_question_names_a_place_with_its_kind_where_the_figures_name_it_alone(shared_desk):
    """ "… left homeless in Haldmark province?": the figures say "in Haldmark"; the question's place, with
    its kind, is theirs."""
    claims = [
        claim("a", 12_000, event="homeless", places=["Haldmark"], source="the governor", date="2026-10-12"),
        claim("b", 19_000, event="homeless", places=["Haldmark"], source="the red cross", date="2026-10-12"),
    ]
    found = find_disagreements(claims, shared_desk.vocabulary)
    asked = question_frame("How many people were left homeless in Haldmark province?")
    assert asked.places == ["Haldmark province"]
    assert about_question(asked, found, shared_desk.vocabulary) == found != []


def test_a_question_names_its_noun_with_another_word_of_kind_than_the_figures(shared_desk):
    """ "By how much did the city's cash reserves fall?" asks about the "unrestricted reserves" the weekly
    statements give: the same head noun, another word that says what kind."""
    claims = [
        claim(
            "a",
            17_200_000,
            noun="unrestricted reserve",
            source="the treasury",
            unit="euros",
            date="2026-03-06",
        ),
        claim(
            "b",
            11_400_000,
            noun="unrestricted reserve",
            source="the treasury",
            unit="euros",
            date="2026-03-13",
        ),
    ]
    found = find_disagreements(claims, shared_desk.vocabulary)
    assert [d.kind for d in found] == ["update"]
    asked = question_frame("By how much did the city's cash reserves fall in the week to 13 March?")
    assert asked.noun == "cash reserve"
    assert about_question(asked, found, shared_desk.vocabulary) == found


def test_those_rescued_alive_are_never_the_dead_however_close_the_embeddings(shared_desk):
    """The embedder puts "alive" at 0.57 of "death" (0.74 of "dead"), above the bar that joins events."""
    claims = [
        claim("a", 131, noun="people", event="alive", source="the coast guard", date="2026-03-10"),
        claim("b", 19, event="death", source="the governor", date="2026-03-10"),
        claim("c", 24, event="death", source="the police", date="2026-03-10"),
    ]
    assert shared_desk.vocabulary.similarity("alive", "death") >= 0.56
    found = find_disagreements(claims, shared_desk.vocabulary)
    assert kinds(found) == [("conflict", ["19", "24"])]


def test_two_sources_shares_conflict_and_a_share_never_joins_a_count(shared_desk):
    sentences = {
        "a": "The Regional Electoral Commission said turnout had reached 61.4 percent.",
        "b": "Citizens' Ballot Watch said turnout was 55.2 percent.",
        "c": "The monitors said turnout was 612,000, the Regional Electoral Commission said.",
        "d": "Ballot Watch said turnout was 598,000.",
    }
    claims = parsed(sentences)
    found = find_disagreements(claims, shared_desk.vocabulary)
    shares = [d for d in found if any(c.unit == "percent" for c in d.claims)]
    assert [(d.kind, sorted(c.value for c in d.claims)) for d in shares] == [("conflict", ["55.2%", "61.4%"])]
    assert shares[0].topic == "the turnout, in percent"
    counts = [d for d in found if d not in shares]
    assert all(c.unit is None for d in counts for c in d.claims)
    asked = about_question(
        question_frame("What was the turnout in the election?"), shares, shared_desk.vocabulary
    )
    assert asked == shares
    earlier = question_frame("What was the turnout at the previous election in 2022?")
    assert about_question(earlier, shares, shared_desk.vocabulary) == []


AMOUNTS_IN_UNITS = [
    (  # sums: two currencies are never compared
        [
            "Insurers put the damage at $2 billion.",
            "The government put the damage at $3.5 billion.",
            "The regional council put the damage at 900 million euros.",
        ],
        ["US dollars", "US dollars", "euros"],
        ["$2 billion", "$3.5 billion"],
        "the damage, in US dollars",
    ),
    (  # measurements: a conversion into another unit is no conflict
        [
            "Police said the tachograph recorded a speed of 94 kilometres per hour.",
            "The company says its telemetry shows a speed of about 55 kilometres per hour.",
            "The company says its telemetry shows a speed of about 34 miles per hour.",
        ],
        ["kilometres per hour", "kilometres per hour", "miles per hour"],
        ["94 kilometres per hour", "55 kilometres per hour"],
        "the speed, in kilometres per hour",
    ),
]


@pytest.mark.parametrize(("sentences", "units", "conflict", "topic"), AMOUNTS_IN_UNITS)
def test_two_sources_amounts_conflict_in_one_unit_and_two_units_are_never_compared(
    sentences, units, conflict, topic, shared_desk
):
    claims = parsed(dict(zip("abc", sentences, strict=True)))
    assert [c.unit for c in claims] == units
    found = find_disagreements(claims, shared_desk.vocabulary)
    assert kinds(found) == [("conflict", conflict)]
    assert found[0].topic == topic


def test_figures_that_each_say_what_the_others_leave_unsaid_are_one_running_count(shared_desk):
    """A figure that names neither place nor side joins the one group that does; when two groups could take
    it, each stating what the other leaves unsaid (a place, a side) and nothing the other contradicts, they
    are one count (the wildfire pack's area burned, reported by one fire service day by day)."""
    sentences = {
        "a": "The blaze had burned about 1,200 hectares by Monday evening, the Halden fire service said.",
        "b": "The fire has burned through 3,800 hectares of the Corran ridge, the Halden fire service said.",
        "c": "The Arbenne fire has now burned 6,450 hectares, according to the Halden fire service.",
    }
    published = {"a": "2026-08-03", "b": "2026-08-04", "c": "2026-08-05"}
    claims = parsed(sentences, published)
    assert [(c.places, c.whose) for c in claims] == [([], None), (["Corran"], None), ([], "by Arbenne")]
    found = find_disagreements(claims, shared_desk.vocabulary)
    assert [(d.kind, [c.value for c in d.claims]) for d in found] == [
        ("update", ["1,200 hectares", "3,800 hectares", "6,450 hectares"])
    ]
    assert found[0].topic.startswith("the number of hectares burned")
    asked = question_frame("How many hectares has the fire burned?")  # "has" is the inverted auxiliary
    assert about_question(asked, found, shared_desk.vocabulary) == found


def test_a_running_count_joins_where_its_source_speaks_of_the_same_year(shared_desk):
    """ "Brennick says it faces a deficit of €38m this year" left the union's €21m for the university's
    2025 operating deficit, because Brennick speaks there; a year gone by is no running count of this one
    (the university cuts pack's deficit)."""
    sentences = {
        "a": "Brennick says it faces a deficit of €38m this year; the union's analysts put the underlying "
        "figure at €21m.",
        "b": "Bulletin figures show that the University of Brennick reported an operating deficit of €14.2m "
        "in 2025.",
        "c": "The union's reading of the budget papers puts the underlying operating deficit at €21m.",
    }
    claims = parsed(sentences, {"a": "2026-04-09", "b": "2026-03-17", "c": "2026-03-20"})
    assert [(c.noun, c.date) for c in claims][1:3] == [
        ("deficit", "2026-04-09"),
        ("operating deficit", "2025"),
    ]
    found = find_disagreements(claims, shared_desk.vocabulary)
    assert kinds(found) == [("conflict", ["€38 million", "€21 million"])]


def test_a_noun_that_names_the_event_is_that_event_whatever_verb_amasses_it(shared_desk):
    """ "collected 3,800 signatures", "had 14,650 signatures" and "signed by 21,300 people" are one running
    count; the verbs split it in three groups, none of them with a second date."""
    sentences = {
        "a": "The petition has now collected 3,800 signatures, the trust said.",
        "b": "The trust's petition had 14,650 signatures by Friday morning, the trust said.",
        "c": "The petition has been signed by 21,300 people, the trust said.",
    }
    published = {"a": "2026-05-12", "b": "2026-05-15", "c": "2026-05-17"}
    claims = parsed(sentences, published)
    assert [c.event for c in claims] == ["collect", "have", "sign"]
    found = find_disagreements(claims, shared_desk.vocabulary)
    assert kinds(found) == [("update", ["3,800", "14,650", "21,300"])]


def test_a_count_of_what_a_group_received_is_not_that_groups_count(shared_desk):
    """ "46,000 patients received packs" counts patients: "Pellanor says 250,000 packs" had joined it as a
    count the noun "packs" names (the object of "receive pack")."""
    sentences = {
        "a": "Pellanor has said 46,000 patients received packs from the affected batches.",
        "b": "Pellanor says 250,000 packs.",
    }
    claims = parsed(sentences, {"a": "2026-05-13", "b": "2026-05-14"})
    assert shared_desk.vocabulary.names_event("pack", "receive pack") == 0.0
    assert find_disagreements(claims, shared_desk.vocabulary) == []


def test_a_rate_is_never_compared_with_a_total(shared_desk):
    sentences = {
        "a": "Removing the dead is expected to cost €380,000, the minister said.",
        "b": "A report commissioned by the ministry said a team would cost about €600,000 a year to run.",
    }
    claims = parsed(sentences, {"a": "2026-06-13", "b": "2026-06-13"})
    assert find_disagreements(claims, shared_desk.vocabulary) == []


def test_harm_to_a_body_is_never_damage_to_a_thing(shared_desk):
    """The embedder puts "damaged" at 0.61 of "hurt"; WordNet files "injure" and "wound" under the body."""
    assert shared_desk.vocabulary.similarity("damage", "hurt") >= EVENT_SIMILARITY
    assert shared_desk.vocabulary.event_similarity("damage", "hurt") == 0.0
    assert shared_desk.vocabulary.event_similarity("injure", "wound") > 0.0
    sentences = {
        "a": "The directorate said 520 were damaged.",
        "b": "Official figures say 212 were hurt.",
    }
    claims = parsed(sentences, {"a": "2026-06-14", "b": "2026-06-14"})
    assert find_disagreements(claims, shared_desk.vocabulary) == []


def test_verbs_of_one_common_sense_are_one_event(shared_desk):
    """ "freed" and "released" sit at 0.47 for the embedder; WordNet gives them one common sense."""
    claims = [
        claim("a", 6, noun="hostage", event="release", source="the ministry", date="2026-05-12"),
        claim("b", 15, noun="hostage", event="free", source="the ministry", date="2026-05-13"),
        claim("c", 9, noun="hostage", event="free", source="the church", date="2026-05-12"),
    ]
    assert shared_desk.vocabulary.similarity("free", "release") < EVENT_SIMILARITY
    assert kinds(find_disagreements(claims, shared_desk.vocabulary)) == [
        ("conflict", ["6", "9"]),
        ("update", ["6", "15"]),
    ]


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("free", "release", True),
        ("kidnap", "abduct", True),
        ("cut", "reduce", True),
        ("injure", "wound", True),
        ("arrest", "detain", False),  # no sense in common
        ("kill", "injure", False),
        ("affect", "involve", False),  # a common sense, but the third of "affect"
        ("remove", "take", False),  # the 17th of "take"'s 42 senses
        ("arrest", "release", False),
    ],
)
def test_wordnet_joins_verbs_only_by_a_sense_common_to_both(a, b, same):
    assert same_act(a, b) is same and same_act(b, a) is same


def test_without_wordnet_a_verb_is_only_itself(monkeypatch):
    monkeypatch.setattr(thesaurus, "_wordnet_dir", lambda: Path("/nonexistent"))
    thesaurus._index.cache_clear()
    try:
        assert not same_act("free", "release") and same_act("free", "free")
    finally:
        thesaurus._index.cache_clear()


def test_values_a_sentence_tells_as_steps_of_one_count_never_conflict(shared_desk):
    """A live blog's "29 runners taken to hospital so far" (no source) against the service's earlier "17"
    was a conflict, though the blog itself says "29 …, up from the 17 it reported at lunchtime"."""
    claims = parsed(
        {
            "a": "Ambulance service: 29 runners taken to hospital so far",
            "b": "The ambulance service now says 29 runners have been taken to hospital, up from the 17 it "
            "reported at lunchtime.",
            "c": "The ambulance service says 17 runners have been taken to hospital so far.",
        }
    )
    assert {c.event for c in claims} == {"take to hospital"}
    assert [d for d in find_disagreements(claims, shared_desk.vocabulary) if d.kind == "conflict"] == []
    told_apart = [c for c in claims if c.doc_id != "b"]
    assert kinds(find_disagreements(told_apart, shared_desk.vocabulary)) == [("conflict", ["29", "17"])]


# --- story packs and the seeds (the real parser and embedder) --------------------------------------


@pytest.mark.parametrize("pack", ["flood_synthetic", "quake_synthetic"])
def test_story_packs_every_conflict_isolated_every_update_a_timeline(pack, shared_desk):
    report = evaluate_story(STORIES / pack, shared_desk.vocabulary, "test")
    assert report.conflicts >= 1 and report.updates >= 1
    assert report.conflicts_isolated == 1.0 and report.updates_shown == 1.0
    assert report.agreements_reported == 0 and report.false_alarms == 0
    assert report.unrelated_figures_reported == 0 and report.unrelated_on_questions == 0


def test_factory_pack_has_no_false_alarm_and_reports_no_agreement(shared_desk):
    """One of its two conflicts ("210 workers on the night shift" vs "140 people on site") is out of reach:
    "on site", "on the night shift" and "working at the plant" are the same presence only to a reader."""
    report = evaluate_story(STORIES / "factory_fire_synthetic", shared_desk.vocabulary, "test")
    assert report.conflicts_isolated >= 0.5 and report.updates_shown == 1.0
    assert report.agreements_reported == 0 and report.false_alarms == 0
    assert report.unrelated_figures_reported == 0 and report.unrelated_on_questions == 0


BLIND_PACKS = [
    "protest_synthetic",
    "derailment_synthetic",
    "layoffs_synthetic",
    "ferry_synthetic",
    "wildfire_synthetic",
    "outbreak_synthetic",
    "mine_synthetic",
    "storm_synthetic",
    "border_synthetic",
    "building_collapse_synthetic",
    "chemical_spill_synthetic",
    "heatwave_synthetic",
    "stadium_crush_synthetic",
    "avalanche_synthetic",
    "bus_crash_synthetic",
    "boat_capsize_synthetic",
    "shooting_synthetic",
    "airliner_synthetic",
    "hotel_fire_synthetic",
    "data_breach_synthetic",
    "teachers_strike_synthetic",
    "election_count_synthetic",
    "food_poisoning_synthetic",
    "oil_spill_synthetic",
    "volcano_synthetic",
    "hospital_cyberattack_synthetic",
    "prison_escape_synthetic",
    "blackout_synthetic",
    "abduction_synthetic",
    "bridge_collapse_synthetic",
    "bank_collapse_synthetic",
    "migrant_arrivals_synthetic",
    "atc_outage_synthetic",
    "bird_flu_synthetic",
    "drought_harvest_synthetic",
    "protest_arrests_synthetic",
    "landslide_synthetic",
    "methanol_synthetic",
    "ponzi_fraud_synthetic",
    "waiting_lists_synthetic",
    "ship_hijack_synthetic",
    "rail_strike_synthetic",
    "cruise_outbreak_synthetic",
    "carmaker_cuts_synthetic",
    "dam_failure_synthetic",
    "airline_meltdown_synthetic",
    "club_takeover_synthetic",
    "hostage_release_synthetic",
    "drug_recall_synthetic",
    "council_budget_synthetic",
    "marathon_heat_synthetic",
    "museum_heist_synthetic",
    "whale_stranding_synthetic",
    "census_dispute_synthetic",
    "port_seizure_synthetic",
    "cup_final_synthetic",
    "fishing_blockade_synthetic",
    "bank_outage_synthetic",
    "locust_swarm_synthetic",
    "camp_fire_synthetic",
    "water_contamination_synthetic",
    "tanker_explosion_synthetic",
    "pension_trial_synthetic",
    "fish_dieoff_synthetic",
    "measles_schools_synthetic",
    "container_spill_synthetic",
    "drone_airport_synthetic",
    "food_banks_synthetic",
    "dam_release_synthetic",
    "livestock_cull_synthetic",
    "concert_crowd_synthetic",
    "hailstorm_claims_synthetic",
    "exam_grading_synthetic",
    "rhino_poaching_synthetic",
    "sinkhole_evacuation_synthetic",
    "fog_pileup_synthetic",
    "crypto_exchange_synthetic",
    "lost_luggage_synthetic",
    "ebike_recall_synthetic",
    "metro_flood_synthetic",
    "glacier_collapse_synthetic",
    "algae_bloom_synthetic",
    "gas_explosion_synthetic",
    "snowstorm_stranding_synthetic",
    "tornado_outbreak_synthetic",
    "cable_car_stranding_synthetic",
    "smog_closures_synthetic",
    "tunnel_fire_synthetic",
    "festival_overdoses_synthetic",
    "energy_tariff_synthetic",
    "air_show_crash_synthetic",
    "grain_silo_blast_synthetic",
    "fuel_shortage_synthetic",
    "hospital_strike_synthetic",
    "wolf_census_synthetic",
    "port_congestion_synthetic",
    "rocket_failure_synthetic",
    "reef_bleaching_synthetic",
    "mountain_rescue_synthetic",
    "airport_referendum_synthetic",
    "university_cuts_synthetic",
    "water_main_burst_synthetic",
    "vaccine_campaign_synthetic",
    "exchange_glitch_synthetic",
    "bark_beetle_synthetic",
    "city_default_synthetic",
    "counterfeit_pills_synthetic",
    "turbulence_flight_synthetic",
    "heat_pump_grants_synthetic",
    "tram_collision_synthetic",
    "cholera_camp_synthetic",
    "refinery_strike_synthetic",
    "meteor_airburst_synthetic",
    "evictions_surge_synthetic",
    "crane_collapse_synthetic",
    "legionella_hotel_synthetic",
    "fishing_quota_cut_synthetic",
    "zoo_escape_synthetic",
    "pharmacy_shortage_synthetic",
    "bridge_toll_protest_synthetic",
    "ski_lift_fire_synthetic",
    "teacher_shortage_synthetic",
    "satellite_debris_synthetic",
    "vineyard_frost_synthetic",
    "cycling_race_crash_synthetic",
    "library_closures_synthetic",
    "water_rationing_synthetic",
    "festival_cancellation_synthetic",
    "lottery_glitch_synthetic",
    "tailings_dam_spill_synthetic",
    "border_queue_synthetic",
    "gym_roof_collapse_synthetic",
    "sewage_overflow_synthetic",
    "wind_turbine_collapse_synthetic",
    "landfill_fire_synthetic",
    "coastal_erosion_synthetic",
    "rabies_outbreak_synthetic",
    "tourist_tax_synthetic",
    "bee_colony_losses_synthetic",
    "cladding_audit_synthetic",
    "athletics_doping_synthetic",
    "ride_hailing_strike_synthetic",
    "maternity_review_synthetic",
    "lifeguard_shortage_synthetic",
    "bus_service_cuts_synthetic",
    "mushroom_poisonings_synthetic",
    "school_meal_debt_synthetic",
    "pothole_claims_synthetic",
    "ambulance_delays_synthetic",
    "bridge_weight_limit_synthetic",
    "fireworks_injuries_synthetic",
    "airport_noise_complaints_synthetic",
    "estate_heating_failure_synthetic",
    "postal_backlog_synthetic",
    "dog_bite_admissions_synthetic",
    "balloon_festival_accident_synthetic",
    "catalytic_thefts_synthetic",
    "jellyfish_bloom_synthetic",
    "school_co_leak_synthetic",
    "river_cruise_norovirus_synthetic",
    "bike_share_vandalism_synthetic",
    "tax_portal_outage_synthetic",
    "blood_stock_appeal_synthetic",
    "river_barge_halt_synthetic",
    "counterfeit_banknotes_synthetic",
    "pet_food_recall_synthetic",
    "lake_swim_hypothermia_synthetic",
    "grocery_overcharge_synthetic",
    "cable_theft_rail_synthetic",
    "dental_recall_synthetic",
    "bus_lane_fines_synthetic",
    "tower_lift_outages_synthetic",
    "deposit_agency_collapse_synthetic",
    "seal_pup_count_synthetic",
    "parking_app_charges_synthetic",
    "chlorine_leak_shelter_synthetic",
    "island_ferry_cancellations_synthetic",
    "care_home_closures_synthetic",
    "fake_concert_tickets_synthetic",
    "illegal_logging_raid_synthetic",
    "metro_heat_outage_synthetic",
    "screening_letters_delay_synthetic",
    "campsite_flash_flood_synthetic",
    "student_housing_crunch_synthetic",
    "pesticide_drift_school_synthetic",
    "marina_boat_fire_synthetic",
    "flu_corridor_care_synthetic",
    "wrong_fines_glitch_synthetic",
    "alpine_rockfall_village_synthetic",
    "dispatch_ransomware_synthetic",
    "infant_formula_recall_synthetic",
    "bus_depot_fire_synthetic",
    "rail_heat_buckling_synthetic",
    "mortgage_overcharge_synthetic",
    "warehouse_outbreak_synthetic",
    "recycling_plant_smoke_synthetic",
    "school_bus_collapse_synthetic",
    "hamlet_road_cutoff_synthetic",
    "livestock_ship_stranded_synthetic",
    "passport_backlog_synthetic",
    "theme_park_ride_synthetic",
    "mobile_network_outage_synthetic",
    "airbag_recall_synthetic",
    "pension_payment_delay_synthetic",
    "exam_paper_leak_synthetic",
    "card_skimming_synthetic",
    "train_tunnel_stranding_synthetic",
    "pathology_lab_error_synthetic",
    "electoral_roll_purge_synthetic",
    "school_concrete_closures_synthetic",
    "playground_lead_soil_synthetic",
    "sugar_refinery_closure_synthetic",
    "fuel_pipeline_taps_synthetic",
    "salmon_farm_escape_synthetic",
    "wine_label_fraud_synthetic",
    "prison_early_release_synthetic",
    "bike_lane_traffic_counts_synthetic",
    "park_visitor_cap_synthetic",
    "milk_dumping_protest_synthetic",
    "airline_collapse_repatriation_synthetic",
    "animal_shelter_overcrowding_synthetic",
    "smart_meter_faults_synthetic",
    "emergency_night_diversions_synthetic",
    "fare_evasion_crackdown_synthetic",
    "housing_mould_complaints_synthetic",
    "sterilisation_unit_failure_synthetic",
    "ferry_grounding_rescue_synthetic",
    "street_tree_felling_synthetic",
    "rat_infestation_synthetic",
    "delayed_discharges_synthetic",
    "taxi_licence_fraud_synthetic",
    "parcel_locker_thefts_synthetic",
    "pool_closures_synthetic",
    "sheep_worrying_synthetic",
    "escooter_injuries_synthetic",
    "allotment_waitlist_synthetic",
    "cathedral_roof_appeal_synthetic",
    "bus_driver_assaults_synthetic",
    "school_absence_surge_synthetic",
    "hospital_parking_fines_synthetic",
    "fly_tipping_surge_synthetic",
    "home_care_missed_visits_synthetic",
    "shoplifting_rise_synthetic",
    "norovirus_ward_closures_synthetic",
    "missed_bin_collections_synthetic",
    "rough_sleeping_count_synthetic",
    "gritting_failure_ice_synthetic",
    "breakfast_club_uptake_synthetic",
    "asbestos_fire_cleanup_synthetic",
    "foster_carer_shortage_synthetic",
    "postal_dog_attacks_synthetic",
    "deer_collisions_synthetic",
    "lorry_bridge_strikes_synthetic",
    "beach_water_quality_synthetic",
    "gp_appointment_waits_synthetic",
    "pensioner_phone_scams_synthetic",
    "school_places_shortage_synthetic",
    "battery_house_fires_synthetic",
    "rail_ticket_office_closures_synthetic",
    "landlord_licensing_scheme_synthetic",
    "tick_borne_disease_rise_synthetic",
    "canal_breach_flooding_synthetic",
    "bank_branch_closures_synthetic",
    "wild_boar_damage_synthetic",
    "city_tree_planting_synthetic",
    "football_ticket_touting_synthetic",
    "phone_snatch_thefts_synthetic",
]


def test_packs_written_without_reading_the_extractor_hold_what_was_reached(shared_desk):
    """267 packs written blind (by helpers that never read service/), in 90 rounds: the
    first six gave, when first run, 3 of 6 conflicts isolated, 7 agreements reported and 12 false alarms; the
    next three were first run after the general fixes; the next six (a building collapse, a chemical spill, a
    heatwave, a stadium crush, an avalanche, a bus crash) gave 3 of 11 conflicts isolated before the fixes
    they prompted and 8 after; the last two (a boat capsizing, a shooting) are written as wire copy spells
    numbers ("three dead"), and the shooting was only ever scored: 1 of 2 conflicts before numbers in words
    were read, 2 of 2 after (README, "Story packs"). The sixth set (an airliner, a hotel fire) was written
    blind after the boat's gaps were mended (those aboard, a part one voice counts beside the whole) and
    scored before and after them: 1 of 4 conflicts isolated before, 3 of 4 after (then the airliner's two
    false alarms were mended: "counting two airport workers" is a part). The seventh set (a data breach, a
    teachers' strike) was scored as first written: conflicts 2 of 5, updates 1 of 2, false alarms 3 (5 on the
    code before the sixth set's mends). The eighth (a disputed election count, a food-poisoning outbreak: the
    first figures that are not casualties) was scored as first written: conflicts 2 of 5, updates 1 of 2,
    false alarms 4; blanking wire datelines then showed the food count's update (2 of 2); reading percentages
    as shares then isolated the election's turnout dispute, keeping "rescued alive" from the dead took two
    false alarms away, and counting polling stations by what was found there isolated the third election
    dispute; a one-sentence dispute's second side dated as its first, and the customers whose details were
    stolen, gave the strike's march and the breach's update. Reading measurements (a speed, an area burned)
    then isolated the bus crash's speed dispute, and a figure that two groups could take, each saying what the
    other leaves unsaid, joining both took the wildfire's false alarm away; dating a coordinated clause by the
    one before it made the bus crash's 2017 crash background, and knowing more currencies' names (florins)
    took the hotel fire's false alarm away. Scopes ("worldwide", "abroad"), towns the tagger calls
    organisations ("marched in Branova"), a dateline's city lying in its region and "that day" dated by the
    sentence before then took false alarms 10 -> 9, agreements 5 -> 4, unrelated figures 7 -> 6, unrelated on
    questions 10 -> 6. The ninth set (an oil spill, a volcano) was scored as first written: conflicts 3 of 4,
    updates 1 of 2, false alarms 2, unrelated figures 3, unrelated on questions 1 of 14 (a governor "according
    to" whom a figure is had been read as its place, "National" in an agency's name as "nationwide"; the oil
    spill's clean-up cost is in an invented currency the tagger cannot know). Figures of "a separate accident"
    set aside, and a relative clause dated by its dated verb ("fined the bank in 2024 over a breach that
    affected 700,000"), then gave conflicts 33 -> 34, false alarms 11 -> 10, unrelated figures 9 -> 8,
    unrelated on questions 6 -> 5; a count that names nothing ("the real number is 1,100") taking the frame of
    the sentence before gave conflicts 34 -> 36. The tenth set (a hospital cyberattack, a prison escape),
    scored as first written: conflicts 3 of 4, updates 1 of 3, false alarms 1, unrelated figures 2, unrelated
    on questions 2 of 14; its mends (a source named right after a figure, coordinated chains dated by their
    first clause, currencies written out, a time that refers back, a partitive question's own verb) then gave
    conflicts 39 -> 40, false alarms 11 -> 10, unrelated figures 10 -> 8, unrelated on questions 7 -> 5; two
    bare light verbs never joining ("taken to the mainland", "got out") took the volcano's false alarm away
    (false alarms 10 -> 9, unrelated figures 8 -> 6). The eleventh set (a power blackout, a school abduction,
    a bridge collapse), scored as first written: conflicts 3 of 6, updates 2 of 4, agreements 2, false alarms
    3, unrelated figures 6; its mends (day-month-year publication dates, kinds joined that something befell,
    "up from 23 on Wednesday", currencies learnt from their article, a "when" clause after a date) gave 4 of
    6, 4 of 4, 1, 0, 0, and on the older packs updates 35 -> 37, false alarms 9 -> 8, unrelated figures 6 ->
    5. The twelfth set (a bank collapse, migrant arrivals, an air-traffic-control outage), first run:
    conflicts 3 of 6, updates 2 of 3, false alarms 2; after its mends (a figure put on "it", a sum's fact-box
    label, "the same week last year") 5 of 6, 2 of 3, 0. The thirteenth (bird flu, a drought harvest, protest
    arrests), first run after millions written short ("£4.5m") were read: conflicts 2 of 7, updates 3 of 3,
    agreements 1, false alarms 5, unrelated figures 4; after ("For comparison", "reported missing") 3 of 7, 3
    of 3, 1, 3, 2; "no more than 3.6 million" read as at most (not more than) isolated the drought's harvest
    dispute (conflicts 52 -> 53, false alarms 11 -> 10). A name the noun before it calls a place ("the river
    town of Dravik", "the Dravik district") cost the chemical spill's evacuation timeline (updates 43 -> 42):
    its "1,200 residents of Dravik" names no place the parser can see, and no longer meets the other counts,
    which now have one. The fourteenth set (a landslide, methanol poisoning, an investment fraud), first run:
    conflicts 6 of 6, updates 3 of 3, agreements 1, false alarms 1. The fifteenth (hospital waiting lists, a
    ship hijacking, a rail strike; explainers in bullets, interview transcripts, "22/05/2026" date lines),
    first run: conflicts 4 of 6, updates 2 of 3, agreements 2, false alarms 2. Reading "11/08/2026" as the
    drought radio brief's date dated its ministry's forecast, which then read as an update against a
    neighbouring country's harvest (false alarms on the older 36: 10 -> 11); "national" as the nation of
    whoever gives the figure ("Vintara's ministry forecast a national harvest") and a wire dateline's day
    ("MERRAND, July 28 (LPA) -") no longer read as a region kept its conflicts 2 of 2. The sixteenth (a
    cruise-ship outbreak, a carmaker's cuts, a dam failure), first run: conflicts 4 of 6, updates 1 of 3,
    false alarms 4, unrelated on questions 8 of 26; after its mends (knots and cubic metres measured, "apart"
    a difference, a "when" clause on the second verb, "up from 640 last Thursday") 4 of 6, 2 of 3, 2, 5 of 26
    (the cruise pack's gold starts the running count a day after the figure it disputes). The seventeenth (an
    airline's IT meltdown, a football club's takeover, a hostage release; "by the numbers" fact boxes,
    correction notes, ISO date lines), first run: conflicts 4 of 6, updates 1 of 3, false alarms 0, unrelated
    figures 2; after its mends (verbs of one WordNet sense, a noun that names its event whatever verb amasses
    it, correction notes stating nothing, "rose from 12 to 41", dates of fact-box lines and of "last night") 4
    of 6, 3 of 3, 0, 0, and on the older 45 conflicts 68 -> 70. The eighteenth (a drug recall, a council's
    budget gap, a marathon in a heatwave; plain-text tables, "a quarter of a million", "12K", "12,000-plus",
    opinion columns, radio bulletins), first run: conflicts 3 of 6, updates 1 of 4, false alarms 1, unrelated
    figures 2; after its mends (fractions of a million, "12K responses", "-plus", a table row counting what
    its first cell says, a verb's particle, a headline's passive destination, values a sentence tells as steps
    of one count) 5 of 6, 2 of 4, 0, 1. Then a figure dated by its own sentence against a higher one a later
    article gives undated no longer reads as a count that grew: conflicts 79 -> 81 (a protest's detained, a
    migrant shipwreck), and the food-poisoning pack's ministry count of June 10 (187) against the mayor's 240
    is reported as a conflict, which its gold files under the ministry's update (false alarms 16 -> 17,
    unrelated on questions 14 -> 15). The nineteenth set (a museum heist, a whale stranding, a census) first
    run: conflicts 3 of 7, updates 1 of 6, false alarms 3; after its mends ("It says", rates, parts' places) 4
    of 7, 3 of 6, 0; on the older 51: conflicts 81 -> 83, updates 54 -> 55, false alarms 17 -> 18 (a
    headline's night count, now the police's, joins their total over days). The twentieth (a port's drugs
    seizure, a cup final, a fishing blockade) first run: conflicts 4 of 6, updates 3 of 5, false alarms 2;
    after its mends (decimal tonnes, "on Wednesday alone", timeline entries' days, "a year earlier") 5 of 6, 3
    of 5, 1. The twenty-first (a bank's outage, a locust swarm, a camp fire) first run: 4 of 6, 3 of 6, false
    alarms 3; after its mends ("another 520 damaged" are shelters, "up 9,300", "the injured at 212", harm to a
    body is no damage) 5 of 6, 3 of 6, 1. The twenty-second (tainted tap water, a tanker explosion, a pension-
    fraud trial; live blogs newest first, "In numbers" lines, fact checks) first run: 4 of 6, 3 of 3, false
    alarms 3, unrelated on questions 5; after its mends (a repeat takes its dated original's date, an acronym
    is its name's initials, a part and its whole told in one sentence, "fell ill" is "ill", a day a question
    names read against the story) 4 of 6, 3 of 3, 2, 5; on the older 60: conflicts 97 -> 98, updates 64 -> 65,
    agreements 10 -> 9, false alarms 20 -> 17, unrelated on questions 17 -> 14. The twenty-third (a lake's
    fish die-off, measles in schools, a container ship's spill; statements in full, a first-person op-ed, a
    papers digest, a plain-text table) first run: 3 of 6, 3 of 3, false alarms 1; after its mends (a clause
    before a colon is no label, a tally stated in tonnes, laboratory tests are no source, "nine in ten" is no
    count, a question's place its figures' sentences write) 3 of 6, 3 of 3, 0; on the older 63 unrelated on
    questions 19 -> 21 (a question's place now also finds disagreements that name none; those two were false
    alarms already). The twenty-fourth (drones closing an airport, food banks, a dam's flood release; a
    correction at the top, a factbox, a feature's chronology) was scored once, with those mends in: 3 of 6, 2
    of 3, agreements 2, false alarms 3 (left for the next round: "the capital" and "the city" as the place a
    figure is in, a partitive whole against its parts across articles, a running count against a total over
    the same days). Then its dates ("on the 4th", a total "between" two days counted to its end, a result
    after a "when" clause, an updated article's date): unrelated figures 17 -> 16. The twenty-fifth (a
    livestock cull, a concert crowd surge, a hailstorm's insurance claims; press-conference transcripts, an
    opinion column, a plain-text table, a foreign press round-up) first run: conflicts 1 of 6, updates 2 of 5,
    false alarms 1, unrelated on questions 2; after its mends ("EUR 1.2bn", "came to", "citing X", "figures
    from X:", transcript speakers, a newest-first live blog's entry days, "31 infected farms", "a day
    earlier") 2 of 6, 3 of 5, 0, 0. The twenty-sixth (exam grading, rhino poaching, sinkholes; a question-and-
    answer explainer, a social-media thread, a newsletter) first run: 4 of 6, 4 of 6, false alarms 0,
    unrelated figures 2. The twenty-seventh (a fog pile-up, a crypto exchange's collapse, lost luggage; an
    incident log, a numbered press release, a first-person dispatch) first run: 5 of 6, 3 of 5, false alarms
    5, unrelated on questions 3; after its mends ("junctions 14 and 17" name junctions, one source's two
    counts of one day in one article, a "when" clause hung beside its verb) 5 of 6, 3 of 5, 2, 2. Questions
    now find the disagreement they ask about more often (a question's own verb when the parser loses the
    counted noun's, "how much" of a thing by its measure, a place no figure names, "how big", "what harvest"):
    on the older 69, questions given their disagreement 116 -> 162 of 265, unrelated on questions 24 -> 31
    (mostly false alarms about the very quantity asked). The twenty-eighth (an e-bike battery recall, a metro
    tunnel flood, a glacier collapse; a recall notice, a dated timeline, a weather bulletin, a parliamentary
    record) first run: conflicts 2 of 8, updates 6 of 6, false alarms 6, unrelated on questions 7; after its
    mends (millions of cubic metres measured, a size word's owner, a measurement of an estimate set against
    another, "its estimate" its clause's subject's, "the 12 recorded by the fire service", things returned, a
    timeline entry's day) 6 of 8, 6 of 6, 3, 3; on the older 78: conflicts 119 -> 124, agreements 10 -> 11 (a
    region's hectares, now measured, meet the nation's). The twenty-ninth (a toxic algae bloom, a gas
    explosion, a snowstorm stranding drivers; council minutes, a court report, an oldest-first live page, a
    radio transcript, letters to the editor) first run: conflicts 5 of 9, updates 5 of 7, false alarms 1,
    unrelated figures 1; after its mends ("nine deaths" counts, "but the agency says it has confirmed nine"
    borrows, "30 others" are people, "recorded 45 centimetres" measures what the sentence before does, a live
    page's later entries of one day are later) 8 of 9, 6 of 7, 1, 1; on the older 81: conflicts 130 -> 131,
    agreements 11 -> 10. The thirtieth (a tornado outbreak, a cable car stranding, a smog episode; a storm
    survey in sections, a fact check, a podcast, a data table, a live page of "UPDATE 19:40" entries) first
    run: conflicts 2 of 9, updates 3 of 6, false alarms 4; after its mends (two bodies' estimates of a sum a
    day apart, the parts of a total in one article, "gave a higher figure, 158", "the 212 given by the
    government", "for the same period", a relative clause without its object, sites and "across X" as places)
    5 of 9, 4 of 6, 2. The thirty-first (a road tunnel fire, festival overdoses, an energy tariff; a briefing
    note, a phone-in, an encyclopedia's history, a police release, a regulator's notice) first run: conflicts
    4 of 7, updates 2 of 7, false alarms 4, unrelated figures 4, unrelated on questions 2; after its mends (a
    paragraph's past year, deaths "connected to" no event, "festival-goers", "by this morning" no source,
    states such as "in energy poverty") 5 of 7, 3 of 7, 2, 2, 0. On the older 84: conflicts 139 -> 138,
    updates 96 -> 99, false alarms 26 -> 25, unrelated figures 21 -> 20, unrelated on questions 36 -> 33,
    questions given their disagreement 197 -> 200. The thirty-second (an air show crash, a grain silo blast, a
    fuel shortage; a TV script with cues, an investigators' preliminary report, a stock exchange announcement,
    a fire service sitrep, a crowdfunding page's dated updates) first run: conflicts 5 of 9, updates 4 of 8,
    false alarms 2, unrelated figures 1, questions given their disagreement 6; after its mends ("and the
    ministry counts 1,480", an estimate raised to a sum, "put the figure at 12%", one sentence setting two
    sources against each other, a script's cues, "145 m") 7 of 9, 6 of 8, 0, 0, 10. The thirty-third (a
    doctors' strike, a wolf census, port congestion; a freedom-of-information reply, a wire's FLASH items, an
    infographic's text, a bank's research note), first run with those mends: 4 of 7, 6 of 8, false alarms 4,
    unrelated figures 1, unrelated on questions 3, questions given 5; after its mends (a wire's slug, "By how
    much did the count rise?", "What share of the stations?", "How many packs are there?", "there are 212
    wolves in X", a bare size word, a parenthesis that tells of figures or days, a figure in an abbreviated
    unit with nothing said of it) 5 of 7, 6 of 8, 1, 0, 2, 9. On the older 90: conflicts 148 -> 149, updates
    106 -> 105 (the rhino pack's "14 suspected poachers had been arrested" now counts arrests, which "taken
    into custody" does not meet), false alarms 29 -> 27, unrelated figures 23 -> 22, questions given their
    disagreement 216 -> 218. The thirty-fourth (a rocket failure, coral bleaching, a mountain rescue; a space
    agency's numbered bulletin, an open-source analysis, a morning newsletter, a preprint, a podcast, a police
    appeal, a coroner's inquest) first run: conflicts 4 of 10, updates 2 of 6, agreements 1, questions given
    5; the thirty-fifth (an airport referendum, university job cuts, a burst water main; a results notice, a
    phone-in, a ballot notice, a statistical bulletin, a utility's status page), first run with the 34th's
    mends: 5 of 11, 3 of 7, false alarms 3, unrelated figures 1, unrelated on questions 1, questions given 7.
    After their mends (a measure the parser leaves after "of", "reported as damaged", "more than €200m", "not
    the 41 km given by", a count that "fell to", "missing hikers", "down from 11 this morning", "a week
    earlier", "in 2024/25", "31 degree programmes", "twelve thousand five hundred", an unsourced count told
    with its dated past, a report a participle says) 5 of 10, 4 of 6, 1, 7 and 5 of 11, 3 of 7, 1, 0, 0, 9; on
    the older 96: conflicts 161 -> 165, updates 117 -> 119, false alarms 28 -> 27, unrelated figures 22 -> 21,
    unrelated on questions 35 -> 34, questions given their disagreement 237 -> 245. The thirty-sixth (a
    vaccination campaign, an exchange's flash crash, a bark beetle outbreak; a parliamentary transcript, a
    ministry dashboard, a corrections column, a timber price bulletin, a parish newsletter) first run:
    conflicts 4 of 9, updates 0 of 8, agreements 1, false alarms 4, unrelated figures 3, unrelated on
    questions 1, questions given 3; after its mends (months as dates, "compared with 74 on March 8", "enlarged
    the package to €60m", "€22m of the package had been paid out", "Deaths, cumulative:", "fell 612 points",
    "What figure did X give for Y?") 4 of 9, 2 of 8, 1, 1, 1, 0, 5; on the older 102: conflicts 175 -> 176,
    false alarms 28 -> 27, unrelated on questions 34 -> 35, questions given their disagreement 261 -> 277.
    The thirty-seventh (a city's default, a counterfeit pills seizure, a turbulence diversion; council
    minutes, a rating agency's note, a translated interview, a fact check, a radio script, a podcast) first
    run: conflicts 3 of 6, updates 4 of 6, agreements 1, false alarms 1, unrelated figures 0, unrelated on
    questions 2, questions given 5 (a question "from CV412" raised IndexError); after its mends ("Of the 131
    deaths, 118 …", "14 May - …", "injuries to 41 passengers", "€58 million, not €41.5 million", figures one
    article gives fifteen times apart, a question's place in its dispute's topic, "How many patients had the
    agency linked …?", "were affected", "were on board", "at the latest count", "in Haldmark province")
    5 of 6, 4 of 6, 0, 0, 0, 0, 11; on the older 105: conflicts 180 -> 181, agreements 13 -> 10, false
    alarms 28 -> 25, unrelated figures 22 -> 19, questions given 282 -> 292. The thirty-eighth (heat pump
    grants, a tram collision, a cholera camp; a ministry FAQ, an audit summary, a press review, a TV script,
    letters, a reporter's thread, council minutes, a wire's bulletins, a field diary, a translated communique)
    first run: conflicts 5 of 13, updates 3 of 6, false alarms 4, unrelated figures 4, unrelated on questions
    6, questions given 10; after its mends ("the 2011 derailment of a tram at X, in which", a shared
    subject's date, "injured … were still in hospital", "How many of the injured were …?", "a camp in northern
    Kavessa", "Cholera deaths", living never dying, "1 latrine per 86 people", "How much is the grant?", a
    source's same-year running count) 7 of 13, 4 of 6, 0, 0, 0, 0, 12. The thirty-ninth (a refinery strike, a
    meteor airburst, an evictions surge; an ad hoc disclosure, a debate transcript, a fuel map, a preprint, an
    insurance bulletin, a court release, a judgment) first run on that code: 3 of 10, 4 of 6, 0, 4, 3, 5, 5;
    after "Haldeby Coast: 142 stations." and "without shelter": 3 of 10, 4 of 6, 0, 3, 1, 5, 5 (a question
    about stations "without fuel" asks what the stations' figures count, and gets the refinery's two false
    alarms). On the older 108: conflicts 186 -> 187, updates 132 -> 133, agreements 10 -> 9, false alarms
    25 -> 24, unrelated on questions 35 -> 32, questions given 303 -> 316 (a running count answers a day
    after its last figure: "recovered by Sunday 14 June"). The fortieth (a crane collapse, a legionella
    outbreak, a fishing quota cut; an inspector's form, a podcast, a fact-check, a coroner's inquest, a radio
    bulletin, a committee hearing, a stock exchange notice) first run: 4 of 11, 3 of 7, 0, 4, 2, 2, 7; after
    its mends ("rose to three on 10 May", "in which" hung on the verb before, "When …, it had 14", "from the
    €500,000 it announced on Wednesday", a value before with no day of its own, a toll told rising in one
    sentence, an article's own dated figures, "Five of the cases are employees") 4 of 11, 5 of 7, 0, 2, 2,
    1, 9. The forty-first (a zoo escape, a pharmacy shortage, a bridge toll protest; a press conference, a
    zoo's thread, a children's explainer, an open letter, a written answer, a police log) first run on that
    code: 7 of 11, 2 of 6, 0, 4, 0, 6, 6; after "escaped animals were shot", "sixteen bottles per pharmacy",
    "the operator's figures were 520" and a dispute that says what befell a group being no answer to a
    question about another thing befalling it: 7 of 11, 2 of 6, 0, 3, 0, 4, 7. The forty-second (a ski lift
    fire, a teacher shortage, a satellite break-up) first run on that code, scored as a figure the gold lists
    under a conflict and a running count belongs to both: 6 of 10, 4 of 7, 0, 6, 1, 8, 5; after "if … were
    refunded, refunds would come to" and "plus or minus 300 posts": 6 of 10, 4 of 7, 0, 5, 0, 7, 5. On the
    older 114: updates 141 -> 145, agreements 9 -> 8, false alarms 27 -> 24, unrelated on questions 37 ->
    39, questions given 333 -> 345 (a question about a group gets the one dispute over it that says nothing
    of what befell them: "How many vehicles fell …?"; it also gives two wrong ones, "flown out by
    helicopter", "allowed to be killed"). The forty-third (a vineyard frost, a cycling race crash, library
    closures) first run: 5 of 10, 6 of 7, 0, 6, 5, 3, 5; after "Two days later", "3,100 hectares damaged",
    "The ministry says 3,100.", "say 3,000 and 31", "seventy per cent", "2 MARCH: …" headings and the
    like: 8 of 10, 6 of 7, 0, 4, 3, 2, 6. The forty-fourth (water rationing, a festival cancellation, a
    lottery glitch), scored reading a gold "4.2" as its quote's "4.2 million": 4 of 9, 2 of 7, 2, 1, 1, 3,
    6; after two sentences in a row setting their sources' figures against each other, "its count had
    reached 7,400" and "about 2.1 million" widened once: 6 of 9, 3 of 7, 2, 1, 1, 3, 9. The forty-fifth
    (a tailings dam spill, a border queue, a gym roof collapse): 7 of 10, 2 of 7, 1, 1, 1, 1, 7; after a
    live page's dated entry lines and "Queue length: 31 km": 7 of 10, 4 of 7, 1, 1, 1, 1, 10. On the
    older 123: conflicts 214 -> 216, false alarms 34 -> 35, unrelated figures 22 -> 23, questions given
    366 -> 371. The forty-sixth (a sewage overflow, a wind turbine collapse, a landfill fire): 3 of 9, 4 of
    6, 1, 4, 2, 2, 7; after spelled and glued units ("six hectares", "207MW"), what a measured area
    undergoes ("were alight"), "On the same day, …" and "extended to nine": 5 of 9, 5 of 6, 1, 1, 0, 1, 8.
    On the older 132: false alarms 41 -> 40, unrelated figures 28 -> 27, questions given 396 -> 397.
    The forty-seventh (coastal erosion, a rabies outbreak, a tourist tax): 2 of 6, 1 of 6, 1, 5, 2, 6, 1;
    after "Between 40 and 50 people", a numbers box's "11 — homes lost", "Five of them have died", people
    never among animals, "under the emergency order of 2 April", a named fund, "a week later", "retreated
    14 metres" and "from 1.81 million in the previous year": 4 of 6, 2 of 6, 1, 2, 1, 2, 8. On the older
    135: updates 174 -> 176. The forty-eighth (bee colony losses, a cladding audit, a doping scandal): 2 of
    6, 5 of 6, 0, 1, 0, 1, 5; after a share valued on its noun, last year's share no part of this year's, a
    part and its whole no update, "has the commission suspended", "dog deaths" and "How much will it cost
    to replace …": 3 of 6, 5 of 6, 0, 0, 0, 0, 10. The forty-ninth (a ride-hailing strike, a maternity
    review, a lifeguard shortage), first run after those: 2 of 6, 5 of 6, 0, 1, 0, 0, 3; after "the deaths
    of 17 babies", "had reported their accounts deactivated" and "How many deactivations had the union
    recorded": 2 of 6, 5 of 6, 0, 0, 0, 0, 7. On the older 138: updates 178 -> 179, unrelated on questions
    60 -> 59, questions given 413 -> 421. The fiftieth (bus service cuts, mushroom poisonings, school meal
    debt), first run: 3 of 6, 5 of 6, 1, 1, 1, 3, 11; after "signatures" naming signing, "the total owed",
    "the amount raised", "the end of February", "the death toll is now 40", "in the region of", "by 16
    October" and a question's "since 1 September": 3 of 6, 6 of 6, 1, 0, 0, 2, 13. The fifty-first
    (pothole claims, ambulance delays, a bridge weight limit), first run after those: 3 of 6, 2 of 6, 0, 0,
    0, 0, 7; after times in minutes and hours measured ("a response time of 12.4 minutes"): 4 of 6, 2 of 6,
    0, 0, 0, 0, 7. On the older 144: updates 189 -> 191, questions given 438 -> 441, and false alarms
    43 -> 45, unrelated figures 28 -> 29 (a real update of household accounts the energy pack's gold does
    not list; two crossings' waits in hours read as one place's). The fifty-second (fireworks injuries,
    airport noise complaints, an estate's heating failure), first run: 6 of 6, 2 of 6, 0, 4, 1, 4, 8; after
    "doing 12 km/h", "87 dB(A)", "restored heating to 351 flats", "its five hospitals treated 96", "As of
    Sunday, 29 of them", "on New Year's morning", "UPDATE 2, 2 January" and "was revised to 14": 6 of 6, 4
    of 6, 0, 1, 1, 2, 9. On the older 150: agreements 14 -> 13, questions given 461 -> 467. The
    fifty-third (a postal backlog, dog-bite admissions, a balloon accident), first run: 5 of 6, 3 of 6, 1,
    1, 0, 4, 7; after "admissions" named by "admit" (WordNet), "published a figure of 6,214 for 2025", a
    year's count apart from a month's and from the next year's, "the end of last month", "had cut supply
    to", "have switched to" and "14 people were aboard": 6 of 6, 3 of 6, 0, 1, 0, 2, 9. On the older
    153: conflicts 264 -> 266, questions given 476 -> 480, and false alarms 46 -> 47, unrelated on
    questions 63 -> 66 (daily admissions and their five-day total now one count; a capital's food-bank
    users, now dated last month, against the nation's). The fifty-fourth (catalytic-converter thefts, a
    jellyfish bloom, a school's carbon monoxide leak), first run: 2 of 6, 4 of 6, 0, 0, 0, 1, 6; after
    "recovered 240 stolen converters", "lost their lives", "410 parts per million", "against 185 on March
    11", "four on 6 February", "In neighbouring Dunmore province, …" and "How many arrests had it made?":
    2 of 6, 6 of 6, 0, 0, 0, 0, 8. On the older 156: questions given 489 -> 490. The fifty-fifth (a river
    cruise's norovirus outbreak, bike-share thefts, a tax portal's outage), first run: 2 of 6, 4 of 6, 2,
    1, 0, 6, 8; after "57 passengers reported vomiting", "recorded as stolen since 1 February", "returns
    for 2025 were still outstanding" and "ahead of the 14 April deadline": 2 of 6, 4 of 6, 1, 0, 0, 2, 8.
    On the older 159: unchanged. The fifty-sixth (a blood-stock appeal, barges halted by a low river,
    counterfeit banknotes), first run: 3 of 6, 2 of 6, 0, 1, 2, 1, 7; after "100-dravo notes" (a kind,
    no count) and "15 had done so by Wednesday": 3 of 6, 3 of 6, 0, 0, 1, 1, 8. On the older 162:
    unchanged. The fifty-seventh (a pet-food recall, swimmers pulled from a cold lake, a supermarket's
    overcharging), first run: 4 of 6, 4 of 6, 0, 1, 0, 1, 11; after "found that", "says 37", "set off",
    "the 61 swimmers the service says it pulled out", an opening "When … in 1998", "2.9 million crowns
    refunded", "up from 120 bags a week earlier", "14.2C", "310 µg/kg", "measured the water at" and a
    sentence's one clock time: 5 of 6, 5 of 6, 0, 0, 0, 0, 13. On the older 165: conflicts 279 -> 280,
    updates 219 -> 220, questions given 514 -> 515. The fifty-eighth (copper cable stolen from a railway, a
    dental clinic's patients recalled for blood tests, bus-lane cameras fining drivers wrongly), first run:
    2 of 6, 6 of 6, 0, 0, 0, 0, 8; after "has written to 4,300 people who had treatment between August 2024
    and February" (who they are, not when the count holds): 3 of 6, 6 of 6, 0, 0, 0, 0, 8. On the older
    168: unchanged. The fifty-ninth (lifts failing in council tower blocks, a letting agency gone with
    tenants' deposits, a seal pup count disputed after a storm), first run: 2 of 6, 4 of 6, 0, 0, 0, 0, 5;
    after "On the tenants' count", "deposits worth 1.4 million crowns are missing", "nearer 2.1 million
    crowns", "come forward", a hearing's "Name (Body):" turns and "How many pups did the storm kill?": 3 of
    6, 4 of 6, 0, 0, 0, 0, 6. The sixtieth (a parking app double-charging motorists, a chlorine leak, island
    ferry sailings cancelled), first run: 3 of 6, 4 of 6, 0, 1, 0, 1, 5; after "Between 12 and 25 January,
    46 sailings", "by the company's count" on the noun and "counted as stranded": 4 of 6, 4 of 6, 0, 1, 0,
    1, 6. On the older 171: unrelated on questions 71 -> 68, the rest unchanged. The sixty-first (care homes
    closing, counterfeit concert tickets, an illegal logging raid), first run: 5 of 6, 2 of 6, 0, 1, 0, 0,
    5; after spans of time ("the interruption lasted six hours", "How long …?"), "had to move", "lose to",
    "600 crowns each" and a speaker's relayed "according to police": 5 of 6, 3 of 6, 0, 0, 0, 0, 7. On the
    older 177: conflicts 295 -> 296, agreements 14 -> 15, false alarms 49 -> 50, unrelated figures 31 -> 33
    (an exchange's retracted "74 minutes", README), questions given 548 -> 547. The sixty-second (a metro
    heat outage, delayed screening letters, a campsite flash flood), first run: 4 of 6, 6 of 6, 0, 4, 0, 1,
    12; after "held for more than ten minutes" (a count's measure), "I waited", a relative clause read as
    which ones and "no one … more than": 4 of 6, 6 of 6, 0, 1, 0, 0, 12; the older 180 unchanged. The
    sixty-third (a student housing crunch, pesticide drift onto a school, a marina boat fire), first run: 4
    of 6, 3 of 6, 0, 1, 1, 3, 6; after "first-years", "remain in hospital", "placed in hotels", "29, up
    from 17 on Wednesday", "Tessaline's estimate" and "How long was trading halted?": 4 of 6, 6 of 6, 0, 0,
    1, 0, 10. On the older 183: false alarms 51 -> 50, unrelated figures 33 -> 32, unrelated on questions
    69 -> 70, questions given 566 -> 574. The sixty-fourth (flu patients in hospital corridors, wrong
    parking fines after a cyberattack, a rockfall cutting off an alpine village), first run: 5 of 6, 4 of
    6, 0, 1, 1, 0, 9; after "214 patients waited more than 12 hours" (a count's measure), "were known to
    have been affected" and "its two hospitals": 5 of 6, 4 of 6, 0, 0, 1, 0, 9; on the older 186, false
    alarms 50 -> 49. The sixty-fifth (a ransomware attack on a 911 dispatch centre, an infant formula
    recall, a battery fire at a bus depot), first run: 5 of 6, 6 of 6, 0, 3, 3, 2, 9; the sixty-sixth (rail
    lines buckling in a heat dome, a mortgage rate overcharge, a warehouse norovirus outbreak), first run
    after the 65th set's mends: 3 of 6, 5 of 6, 0, 2, 0, 1, 4; the sixty-seventh (smoke from a recycling
    plant fire, a school bus contractor's collapse, hamlets cut off by a landslide), first run after the
    66th set's mends: 1 of 6, 2 of 6, 0, 1, 0, 0, 5. After "Local 2291", "accounted for 14 of the
    reports", "640 fire and medical calls", "an outage of 131 hours", "Outage length:", questions with a
    verb tagged a noun ("did … dispatchers process"), "estimate the fire will cost" and a product's name,
    a verb's "not", "found 11 buckled sites", "set aside", "Grenholt's figure of 26" and "up from" 70
    characters on: 6 of 6, 6 of 6, 0, 1, 2, 1, 13; 3 of 6, 5 of 6, 0, 1, 0, 0, 5; 2 of 6, 3 of 6, 0, 1, 0,
    0, 6. On the older 189: updates 258 -> 259, false alarms 49 -> 48, unrelated on questions 70 -> 71,
    questions given 593 -> 597. The sixty-eighth (a stranded livestock carrier, a passport office backlog,
    a stalled roller-coaster), first run: 3 of 6, 5 of 6, 0, 1, 0, 1, 11; the sixty-ninth (a mobile
    network outage, an airbag recall, a failed pension payment run), first run: 5 of 6, 6 of 6, 0, 3, 1, 1,
    8. After a negated event ("were not paid", "failed to pay"), "taken to St Aldric's Hospital",
    "persons conveyed to hospital", "taken" and "conveyed" to one place, "incidents in which … was
    delayed", "How many airbag inflator ruptures …?" and days and weeks as spans of time: 4 of 6, 5 of 6,
    0, 1, 0, 1, 12; 5 of 6, 6 of 6, 0, 2, 0, 1, 10. On the older 198: agreements 15 -> 16 and unrelated
    figures 36 -> 37 (the census's 3.5 million people counted online now joins the 4.3 million households
    counted, once the 90,000 households "not counted" left that group), questions given 620 -> 620. The
    seventieth (a leaked exam paper, card skimming at self-checkouts, a train stranded in a tunnel), first
    run after the 69th set's mends: 3 of 6, 3 of 6, 0, 1, 0, 1, 3; unchanged by "stay closed for 21
    days", which changed no pack. The seventy-first (a pathology lab's wrong results, voters struck off the
    roll, schools shut over crumbling concrete), first run: 5 of 6, 3 of 6, 0, 3, 3, 2, 7; the
    seventy-second (lead in playground soil, a sugar refinery's closure, taps on a fuel pipeline), first
    run on the same code: 3 of 6, 4 of 6, 0, 2, 0, 1, 8. After "sat Paper 2", "up from six", "waited 3 hours
    before the evacuation began", "restored to" against "taken off the register", "At the previous
    election, in 2022, …", "and 312 of them have been asked", "may contain", voter and elector, "Ada Kemény
    (Soltberg Riverside) (SD):", "children tested by … have levels", "are going to lose" and "exceeded its
    guideline": 5 of 6, 4 of 6, 0, 1, 1, 1, 9; 3 of 6, 5 of 6, 0, 0, 0, 0, 9. On the older 207: conflicts
    337 -> 339, updates 287 -> 288, questions given 645 -> 648. The seventy-third (farmed salmon escaping,
    wine sold under a protected label, prisoners released early), first run: 4 of 6, 5 of 6, 1, 1, 0, 2, 9;
    after "was stocked with 68,400 fish", "were unlawfully at large" and a speaker's turn running over
    unlabelled paragraphs: 4 of 6, 5 of 6, 0, 1, 0, 2, 9. The seventy-fourth (a bike lane's traffic counts, a
    national park's visitor cap, dairy farmers dumping milk), first run: 3 of 6, 3 of 6, 2, 0, 0, 3, 5;
    after "a weekday" as a day's rate and "ANNIKA SOLVEY (Draumhorn Tunnel Company):" as a speaker: 3 of 6,
    4 of 6, 2, 0, 0, 3, 5. On the older 207 with the 71st to 74th sets' mends: conflicts 337 -> 339,
    updates 287 -> 289, questions given 645 -> 652. The seventy-fifth (an airline's collapse, an animal
    shelter, smart meters) and seventy-sixth (an emergency department's night diversions, a fare evasion
    crackdown, mould in a landlord's homes), first run: 4 of 6, 3 of 6, 0, 2, 0, 2, 10 and 3 of 6, 4 of 6,
    0, 4, 0, 4, 6; the seventy-seventh (a sterilisation unit's failure, a ferry's grounding, street trees
    felled), first run after their mends: 6 of 6, 4 of 6, 0, 2, 1, 10, 9. After meters as devices, "put to
    sleep", "97 diverted patients waited", "the start of the month", a date after the figure a count rose
    from, a counter's place, "in the past 48 hours" and capacities: 5 of 6, 5 of 6, 0, 0, 0, 0, 14; 5 of 6,
    6 of 6, 0, 2, 0, 2, 11; 6 of 6, 4 of 6, 0, 1, 1, 5, 11. On the older 219: updates 307 -> 309, questions
    given 684 -> 687, nothing lost. The seventy-eighth (a city's rat infestation, hospital beds blocked by
    patients fit to leave, taxi licences revoked after a fraud), first run: 2 of 6, 5 of 6, 2, 1, 0, 1, 7; the
    seventy-ninth (thefts from parcel lockers, pools closed over energy costs, sheep killed by dogs), first
    run after the 78th set's mends: 3 of 6, 5 of 6, 0, 1, 0, 0, 7 (its one false alarm a figure the gold had
    left out). After "the true number is 587" taking the main figure before it, "its published figure for
    the same day", "up from 1,200" counting what was reached, "Monday the ninth", "the first of March", a
    body's own release and "How many sheep injured … had the helpline recorded?": 4 of 6, 6 of 6, 1, 1, 0,
    1, 10; 3 of 6, 6 of 6, 0, 0, 0, 0, 8. On the older 228: conflicts 370 -> 372, updates 324 -> 325, false
    alarms 60 -> 59, unrelated on questions 88 -> 86, questions given 723 -> 728, nothing lost. The eightieth
    (e-scooter injuries, an allotment waiting list, a cathedral roof appeal), first run: 1 of 6, 3 of 6, 0, 1,
    0, 2, 4; the eighty-first (assaults on bus drivers, pupil absence, hospital parking fines), first run
    after the 80th set's mends: 3 of 6, 5 of 6, 0, 0, 0, 2, 13. After "e-scooter" as one word, "up from 131
    last week", square metres, a report's, a release's and an appeal page's body, a document's one voice, a
    running count "up from 87" with no day, "on Tarlow's waiting list", "during 2025", another teller's "true
    number" dated as the count it disputes, "for comparison" set off, a province's question and a year next to
    the one asked: 1 of 6, 6 of 6, 0, 0, 0, 0, 7; 5 of 6, 5 of 6, 0, 0, 0, 1, 14. On the older 234: conflicts
    379 -> 384, updates 337 -> 343, false alarms 60 -> 58, unrelated figures 39 -> 37, unrelated on questions
    87 -> 85, questions given 746 -> 758 (one pack's question gained an unrelated dispute beside its new
    conflict). The eighty-second (fly-tipping, missed home-care visits, shoplifting), first run: 1 of 6, 5 of
    6, 0, 0, 0, 0, 7; after its mends (counting verbs one count, "410 assaults took place", "the year before",
    "up from 14 when the agency last reported on 3 March", "over the same twelve months", a headline that is
    a body's message, "put the number of assaults last year at 410"): 3 of 6, 6 of 6, 0, 0, 0, 0, 12. On the
    older 240: conflicts 390 -> 391, agreements 19 -> 17, false alarms 58 -> 57, unrelated on questions 86 ->
    81, questions given 779 -> 781 (one pack's branch door count joins its council's recorded visits). The
    eighty-third (norovirus ward closures, missed bin collections, a count of people sleeping rough), first
    run after the 82nd set's mends: 5 of 6, 4 of 6, 0, 0, 0, 0, 10; after "142 streets on Wednesday 11
    March", "a fortnight earlier" and "the week ending 1 February": 5 of 6, 6 of 6, 0, 0, 0, 0, 12. On the
    older 243: updates 360 -> 361, unrelated on questions 81 -> 80, nothing lost. The eighty-fourth (a
    gritting fleet's failure in an ice storm, school breakfast clubs, an asbestos fire), scored as first
    written with no mends of its own: 3 of 6, 6 of 6, 0, 0, 0, 0, 8. The eighty-fifth (a shortage of foster
    carers, dog attacks on postal workers, deer collisions), first run: 2 of 6, 6 of 6, 1, 1, 0, 7, 5; after
    its mends ("on 31 March this year", "so far this year", "were living", "the number of households in
    energy poverty", "last year's total" no source, "nationally … across Calveria" the country): 5 of 6, 6 of
    6, 1, 0, 0, 3, 11. On the older 249: false alarms 57 -> 58, unrelated figures 37 -> 38 (a trust's "over
    1,000 rhinos killed in Kethora since 2012" now meets its 61 this year), questions given 813 -> 815. The
    eighty-sixth (lorries striking a rail bridge, beaches failing bathing-water tests, waits for family
    doctors), first run: 1 of 6, 5 of 6, 0, 1, 0, 1, 3; its mends (a gerund is its verb's event, "waiting an
    average of 19 days" a wait) left it there. On the older 252: conflicts 407 -> 408, updates 379 -> 380,
    questions given 826 -> 825. The eighty-seventh (phone scams on pensioners, a shortage of school places,
    house fires from e-bike batteries), first run: 3 of 6, 6 of 6, 1, 0, 0, 2, 9; after "1,140 people told
    police they had lost money … in 2025" (what a group tells of itself befell it, then): 4 of 6, 6 of 6, 1,
    0, 0, 2, 10. On the older 255, nothing moved. The eighty-eighth to ninetieth (ticket office closures,
    landlord licensing, tick-borne disease; a canal breach, bank branch closures, wild boar damage; tree
    planting, ticket touts, phone snatching), first run: 3, 6, 0, 0, 0, 1, 10 of 6, 6; 2, 5, 0, 1, 1, 0, 5;
    1, 3, 0, 2, 0, 1, 4. After "cases of encephalitis" as encephalitis cases, "unlicensed" as "not license",
    forecasts ("will close 62 branches") disputed whenever told, "Our analysis" with no issuer the article's
    own: 4, 6, 0, 0, 0, 0, 11; 3, 5, 0, 1, 1, 0, 5; 1, 3, 0, 2, 0, 1, 4. On the older 258: conflicts 413 ->
    412 (a census's "uncounted households" is now "not counted", which never meets "not reached by its
    enumerators"; "uncounted" had been read as nothing, and met it), questions given 838 -> 838 (one lost
    there, one gained on a dam release).
    This is the level reached; a change that falls below it has broken something general.
    """
    reports = [evaluate_story(STORIES / pack, shared_desk.vocabulary, "test") for pack in BLIND_PACKS]
    assert sum(round(r.conflicts_isolated * r.conflicts) for r in reports) >= 417
    assert sum(round(r.updates_shown * r.updates) for r in reports) >= 402
    assert sum(r.agreements_reported for r in reports) <= 21
    assert sum(r.false_alarms for r in reports) <= 64
    assert sum(r.unrelated_figures_reported for r in reports) <= 40
    assert sum(r.unrelated_on_questions for r in reports) <= 90
    assert sum(r.questions_given_their_disagreement for r in reports) >= 853


def test_the_same_figures_told_with_two_verbs_are_one_conflict():
    """ "3 tonnes escaped" / "18 tonnes escaped" and "3 tonnes were released" / "18 tonnes were released":
    the verbs are not close enough to join, but the same documents' same figures are one disagreement."""
    claims = [
        claim("a", 3, noun="tonne", event="escape", source="the company"),
        claim("b", 18, noun="tonne", event="escape", source="the agency"),
        claim("a", 3, noun="tonne", event="release", source="the company"),
        claim("b", 18, noun="tonne", event="release", source="the agency"),
    ]
    assert kinds(find_disagreements(claims, NO_EMBEDDINGS)) == [("conflict", ["3", "18"])]


def test_the_packs_are_labelled_synthetic_and_their_quotes_are_exact():
    for gold_path in STORIES.glob("*/gold.json"):
        gold = load_json(gold_path)
        assert gold["synthetic"] is True
        for item in gold["conflicts"] + gold["updates"] + gold["agreements"]:
            for value in item["values"]:
                assert value["quote"] in (gold_path.parent / "articles" / value["file"]).read_text()


def test_seed_disagreements_match_the_gold_file(shared_desk):
    texts = {doc.id: shared_desk.document(doc.id).text for doc in shared_desk.documents()}
    found = shared_desk.disagreements(assertions=False)
    report = evaluate_found(found, texts, load_json(GOLD), shared_desk.vocabulary, "test", str(GOLD))
    assert report.conflicts_isolated == 1.0 and report.false_alarms == 0
    assert report.agreements_reported == 0 and report.unrelated_on_questions == 0
    troops = next(d for d in found if "troop" in d.topic and "killed" not in d.topic)
    assert {(c.value, c.source) for c in troops.claims} >= {
        ("10,000", "NIS"),
        ("11,000", "Intelligence reports"),
    }


def test_seed_claims_are_stored_with_the_index(shared_desk):
    version, claims = shared_desk.store.document_claims("004_45d41598b81b07a6")
    text = shared_desk.document("004_45d41598b81b07a6").text
    assert version >= 1 and len(claims) >= 10
    assert all(c.quote == text[c.start : c.end] for c in claims)


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


def test_a_handful_against_ten_times_as_many_is_a_part_but_a_large_outlier_still_clashes():
    part = [
        claim("a", 88, event="injure", source="the health authority", date="2026-05-20"),
        claim("b", 2, event="injure", source="the foreign ministry", date="2026-05-20"),
    ]
    assert find_disagreements(part, NO_EMBEDDINGS) == []  # "two of our citizens were among the injured"
    outlier = [
        claim("a", 1000, noun="sapper", source="the agency", date="2026-05-20"),
        claim("b", 40000, noun="sapper", source="a bulletin", date="2026-05-20"),
    ]
    assert kinds(find_disagreements(outlier, NO_EMBEDDINGS)) == [("conflict", ["1,000", "40,000"])]


def test_a_figure_no_one_is_named_for_on_another_day_does_not_clash():
    """The missing fall as people are found: 7 on Wednesday (the rescue service), "three others are still
    unaccounted for" on Thursday (no source) may be the same count later."""
    claims = [
        claim("a", 7, event="missing", source="the rescue service", date="2026-02-11"),
        claim("b", 3, event="missing", date="2026-02-12"),
    ]
    assert find_disagreements(claims, NO_EMBEDDINGS) == []
    claims[1] = claim("b", 3, event="missing", source="the police", date="2026-02-12")
    assert kinds(find_disagreements(claims, NO_EMBEDDINGS)) == [("conflict", ["7", "3"])]


def test_an_event_joins_a_cluster_only_when_close_to_every_word_in_it(shared_desk):
    """ "alive" is close to "dead" (0.74) but not to "kill" (0.45): with complete linkage the rescued alive
    stay out of the count of the killed (one chain dead–alive, dead–kill joined all three before)."""
    vocabulary = shared_desk.vocabulary
    claims = [
        claim("a", 2, event="dead", source="the rescue service", date="2026-02-10"),
        claim("a", 9, event="kill", source="the police", date="2026-02-10"),
        claim("b", 6, event="alive", source="rescue officials", date="2026-02-10"),
    ]
    keys = frame_keys(claims, vocabulary)
    assert keys[2].event != keys[1].event


# --- a part of the people, those aboard --------------------------------------------------------------


def test_a_count_of_people_stays_out_of_the_group_of_a_part_one_voice_counts_beside_it():
    """The article gives "21 people missing" and, in its own voice, "six children among the missing": the
    children are a part of the people, so the people's figures join no children's dispute."""
    people = [
        claim("a", 26, noun="people", event="missing", source="the harbour police", date="2026-05-02"),
        claim("b", 21, noun="people", event="missing", source="the harbour police", date="2026-05-03"),
    ]
    children = [
        claim("b", 6, noun="child", event="missing", date="2026-05-03"),
        claim("c", 9, noun="child", event="missing", source="the parents' group", date="2026-05-03"),
    ]
    found = find_disagreements([*people, *children], NO_EMBEDDINGS)
    assert sorted(kinds(found)) == [("conflict", ["6", "9"]), ("update", ["26", "21"])]
    asked = question_frame("How many people were missing?")
    assert [d.kind for d in about_question(asked, found, NO_EMBEDDINGS)] == ["update"]
    only_children = [d for d in found if d.kind == "conflict"]
    assert about_question(asked, only_children, NO_EMBEDDINGS) == only_children, "nothing else to show"


def test_two_named_sources_that_differ_on_people_and_on_a_kind_of_people_dispute_one_count():
    """ "12 skiers were caught", says the operator; "19 people were caught", says the rescue service."""
    skiers = claim("a", 12, noun="skier", event="catch", source="the resort operator", date="2026-02-10")
    people = claim("a", 19, noun="people", event="catch", source="the rescue service", date="2026-02-10")
    [conflict] = find_disagreements([skiers, people], NO_EMBEDDINGS)
    assert conflict.kind == "conflict"


def test_those_aboard_are_not_a_count_of_boats_nor_the_boat_toll(shared_desk):
    aboard = [
        claim("a", 64, noun="people", event="aboard", source="the coast guard", date="2026-06-08"),
        claim("b", 83, noun="people", event="on boat", source="a charity", date="2026-06-08"),
    ]
    distractors = [
        claim("a", 11, noun="fishing boat", source="the coast guard", date="2026-06-08"),
        claim("c", 16, event="boat", date="2026-06-08"),  # "boat toll rises to 16"
    ]
    found = find_disagreements([*aboard, *distractors], shared_desk.vocabulary)
    assert ("conflict", ["64", "83"]) in kinds(found)
    assert all({"64", "83"}.isdisjoint(values) for _, values in kinds(found) if values != ["64", "83"])


def test_a_question_that_counts_nothing_gets_no_disagreement(shared_desk):
    found = find_disagreements(
        [claim("a", 900, event="die", source="the mayor"), claim("b", 280, event="die", source="the agency")],
        shared_desk.vocabulary,
    )
    asked = question_frame("How much does the firm expect to save?")
    assert about_question(asked, found, NO_EMBEDDINGS) == []


def test_a_name_the_articles_give_as_a_place_is_the_questions_place_however_the_parser_tags_it():
    claims = [
        claim("a", 9, noun="people", event="die", places=["Kessaro"], source="the mayor"),
        claim("b", 6, noun="people", event="die", places=["Kessaro"], source="the health authority"),
        claim("a", 48, noun="people", event="die", places=["Ostrel"], source="the ministry"),
        claim("b", 31, noun="people", event="die", places=["Ostrel"], source="the statisticians"),
    ]
    found = find_disagreements(claims, NO_EMBEDDINGS)
    asked = about_question(question_frame("How many people died in Kessaro?"), found, NO_EMBEDDINGS)
    assert [sorted(c.value for c in d.claims) for d in asked] == [["6", "9"]]


def test_a_question_that_names_who_gives_the_figure_gets_that_sources_disagreement():
    ministry = {"noun": "people", "event": "die", "places": ["Calvessa"], "source": "the health ministry"}
    claims = [
        claim("a", 12, **ministry, date="2026-07-15"),
        claim("b", 31, **ministry, date="2026-07-17"),
        claim("c", 9, noun="people", event="die", places=["Kessaro"], source="the mayor", date="2026-07-17"),
        claim("c", 6, noun="people", event="die", places=["Kessaro"], source="the health authority"),
    ]
    found = find_disagreements(claims, NO_EMBEDDINGS)
    assert len(found) == 2
    asked = question_frame("What is the Health Ministry's latest count of people who died?")
    [update] = about_question(asked, found, NO_EMBEDDINGS)
    assert update.kind == "update"
    unnamed = question_frame("How many people died?")
    assert len(about_question(unnamed, found, NO_EMBEDDINGS)) == 2


def test_worldwide_figures_are_not_one_countrys_and_a_worldwide_question_gets_only_them():
    claims = parsed(
        {
            "a": "Vantor said on Tuesday it would cut 4,800 jobs worldwide.",
            "b": "The union said on Tuesday that Vantor would cut 6,200 jobs worldwide.",
            "c": "The company said on Tuesday that 1,900 jobs would go in Ostmark.",
            "d": "The union said on Tuesday that 2,900 jobs would go in Ostmark.",
        }
    )
    found = find_disagreements(claims, NO_EMBEDDINGS)
    assert sorted(kinds(found)) == [("conflict", ["1,900", "2,900"]), ("conflict", ["4,800", "6,200"])]
    assert {d.topic for d in found} == {"the number of jobs cut worldwide", "the number of jobs in Ostmark"}
    asked = about_question(question_frame("How many jobs will Vantor cut worldwide?"), found, NO_EMBEDDINGS)
    assert [[c.value for c in d.claims] for d in asked] == [["4,800", "6,200"]]


def test_nationwide_is_the_country_a_dateline_names():
    """ "HALDEN BAY, Ostmark —" tells that Ostmark holds the city; it is then the one country named, so
    the utility's nationwide count and its later count "in Ostmark" are one running count."""
    first = (
        "Storm\n\nSeptember 8, 2026\n\n"
        "HALDEN BAY, Ostmark — Elgrid said 980,000 households nationwide had no power."
    )
    later = (
        "Power back\n\nSeptember 12, 2026\n\nElgrid said 140,000 households in Ostmark still had no power."
    )
    claims = article_claims(make_article("a", first)) + article_claims(make_article("b", later))
    found = find_disagreements(claims, NO_EMBEDDINGS)
    assert kinds(found) == [("update", ["980,000", "140,000"])]


def test_a_figure_of_a_separate_accident_is_never_set_against_the_storys():
    claims = parsed(
        {
            "a": "Police said on Thursday that 14 people had been killed in the coach crash.",
            "b": "In a separate accident on Thursday, 9 people were killed when a minibus hit a lorry.",
            "c": "A separate count by the ministry put the number of people killed on Thursday at 12.",
        }
    )
    assert [c.aside for c in claims] == [False, True, False]
    assert kinds(find_disagreements(claims, NO_EMBEDDINGS)) == [("conflict", ["14", "12"])]


@pytest.mark.parametrize(
    "sentences, topic",
    [
        (
            {
                "a": "Police said on Monday that 14 were killed.",
                "b": "The mayor said on Monday that 20 were killed.",
            },
            "the number of people killed",
        ),
        (
            {"a": "Police put the death toll at 14.", "b": "The mayor put the death toll at 20."},
            "the number of deaths",
        ),
        (
            {"a": "Police put the crowd at about 20,000.", "b": "Organisers put the crowd at 150,000."},
            "the size of the crowd",
        ),
        (
            {
                "a": "Norvaline puts the number of customers whose data was stolen at 2.3 million.",
                "b": "The regulator puts the number of customers whose data was stolen at 3.8 million.",
            },
            "the number of customers whose data was stolen",
        ),
        (
            {
                "a": "The union says 71,000 teachers walked out on Monday.",
                "b": "The ministry says 43,000 teachers walked out on Monday.",
            },
            "the number of teachers that walked out",
        ),
        (
            {
                "a": "The ministry says it spent 30 million crowns on bridge inspections in 2025.",
                "b": "The institute says only 18 million crowns were spent on bridge inspections in 2025.",
            },
            "the amount spent, in crowns",
        ),
        (
            {
                "a": "The grid company said the outage cost the economy about 210 million crowns.",
                "b": "The business federation said the outage cost the economy more than 900 million crowns.",
            },
            "the cost, in crowns",
        ),
        (
            {
                "a": "The central bank counts 184,000 depositors at the failed bank.",
                "b": "The depositors' association counts more than 230,000 depositors at the failed bank.",
            },
            "the number of depositors counted",
        ),
    ],
)
def test_topics_read_as_english(sentences, topic):
    (found,) = find_disagreements(parsed(sentences), NO_EMBEDDINGS)
    assert found.topic == topic


def test_two_bare_light_verbs_never_join_however_close_their_embeddings(shared_desk):
    """ "take" and "get" are close as words; "350 residents were taken to the mainland" and "1,300 of our
    people got out" count different things."""
    claims = [
        claim("a", 350, noun="resident", event="take", source="the coast guard", date="2026-03-04"),
        claim("b", 1300, noun="resident", event="get", source="the mayor", date="2026-03-04"),
    ]
    assert find_disagreements(claims, shared_desk.vocabulary) == []


def test_what_a_group_has_is_never_what_befell_it_however_close_the_words(shared_desk):
    """ "184,000 depositors had money at the bank" and "98,250 depositors have received their money" share
    the object the embedder weighs; a question about those who received their money is not about them."""
    vocabulary = shared_desk.vocabulary
    assert vocabulary.similarity("have money", "receive money") >= EVENT_SIMILARITY  # would join
    held = [
        claim(
            "a", 184000, noun="depositor", event="have money", source="the central bank", date="2026-03-09"
        ),
        claim("b", 230000, noun="depositor", event="have money", source="the association", date="2026-03-09"),
    ]
    (found,) = find_disagreements(held, vocabulary)
    asked = question_frame("How many depositors had received their money by Friday?")
    assert asked.event == "receive money"
    assert about_question(asked, [found], vocabulary) == []


def test_money_paid_out_and_money_received_are_one_sum():
    """The ministry's "paid out to farmers" and the union's "received": one sum seen from both sides, so
    the two figures conflict (the farmers are who got it, not where it went)."""
    sentences = {
        "a": "The minister said €4.2 million had already been paid out to farmers whose flocks were culled.",
        "b": "The farmers' union said its members had received no more than €900,000 between them.",
    }
    (found,) = find_disagreements(parsed(sentences), NO_EMBEDDINGS)
    assert found.kind == "conflict"
    assert sorted(c.value for c in found.claims) == ["€4.2 million", "€900,000"]


def test_a_noun_names_an_event_when_made_from_its_verb_or_very_close(shared_desk):
    """ "a relief fund of 5 million crowns" is no spending (fund~spend 0.66 by the embedder: close, but a
    fund is not made from "spend"); "payments of €9 million" are what was paid, "deaths" what died."""
    spent = claim("a", 30_000_000, event="spend", source="the ministry", unit="crown")
    fund = claim("b", 5_000_000, noun="relief fund", source="the government", unit="crown")
    assert find_disagreements([spent, fund], shared_desk.vocabulary) == []
    paid = claim("a", 9_000_000, event="pay", source="the ministry", unit="euros")
    payments = claim("b", 4_000_000, noun="payment", source="the union", unit="euros")
    assert kinds(find_disagreements([paid, payments], shared_desk.vocabulary)) == [
        ("conflict", ["9,000,000", "4,000,000"])
    ]
    died = claim("a", 40, event="die", source="the police", date="2026-03-04")
    deaths = claim("b", 25, noun="death", source="the hospital", date="2026-03-04")
    assert kinds(find_disagreements([died, deaths], shared_desk.vocabulary)) == [("conflict", ["40", "25"])]


def test_a_figure_in_millions_is_the_exact_figure_rounded():
    """ "1.42 million" is 1,419,700 rounded (half its last digit either way, at most 2.5%); "2 billion"
    is not 2.4 billion."""
    rounded = parsed(
        {
            "a": "The ministry said 1,419,700 people were waiting for surgery in Kestria.",
            "b": "The opposition said 1.42 million people were waiting for surgery in Kestria.",
        }
    )
    assert find_disagreements(rounded, NO_EMBEDDINGS) == []
    apart = parsed(
        {
            "a": "The ministry said 2 billion people were waiting for surgery in Kestria.",
            "b": "The opposition said 2.4 billion people were waiting for surgery in Kestria.",
        }
    )
    assert kinds(find_disagreements(apart, NO_EMBEDDINGS)) == [("conflict", ["2 billion", "2.4 billion"])]


def test_a_claim_moved_into_a_group_does_not_bring_its_sources_namesakes():
    """ "the ministry" may be Vintara's Ministry of Rural Affairs, and is read as its running count; that
    does not make Lorvania's Ministry of Agriculture speak in Vintara's group."""
    vintara = claim("v", 6_800_000, noun="tonne", places=["Vintara"], source="Ministry of Rural Affairs")
    lorvania = claim("w", 3_600_000, noun="tonne", places=["Lorvania"], source="the grain association")
    ministry = claim("e", 4_400_000, noun="tonne", source="the ministry")
    agriculture = claim("f", 4_400_000, noun="tonne", source="the Ministry of Agriculture")
    found = find_disagreements([vintara, lorvania, ministry, agriculture], NO_EMBEDDINGS)
    assert not any(
        agriculture.doc_id in {c.doc_id for c in d.claims} and "v" in {c.doc_id for c in d.claims}
        for d in found
    )


def test_net_and_gross_profit_are_never_set_against_each_other():
    sentences = {
        "a": "The carmaker said its gross profit fell to €1.2 billion in the first half.",
        "b": "Analysts said the carmaker's net profit fell to €410 million in the first half.",
    }
    assert find_disagreements(parsed(sentences), NO_EMBEDDINGS) == []


# --- from the twenty-second blind set ---------------------------------------------------------------


def test_an_acronym_is_the_body_whose_initials_it_is():
    """ "VPHA" and "the Velmora Port Health Authority" had made two running counts of one."""
    claims = [
        claim("a", 204, event="ill", source="the Velmora Port Health Authority", date="2026-05-18"),
        claim("b", 261, event="ill", source="VPHA", date="2026-05-19"),
        claim("c", 318, event="ill", source="Velmora Port Health Authority", date="2026-05-20"),
    ]
    [update] = find_disagreements(claims, NO_EMBEDDINGS)
    assert update.kind == "update" and [c.value for c in update.claims] == ["204", "261", "318"]
    other = [claims[0], claim("b", 261, event="ill", source="VPA", date="2026-05-19"), claims[2]]
    [update] = find_disagreements(other, NO_EMBEDDINGS)
    assert [c.value for c in update.claims] == ["204", "318"]


def test_a_figure_repeated_without_its_date_is_the_figure_it_repeats():
    """A follow-up a week later: "On the first full day, the governor said at least 50 had been killed"
    is his 50 of June 2, not a figure for June 9 set against the ministry's 63 of that day."""
    claims = [
        claim("a", 50, event="kill", source="Governor Teodor Vashar", date="2026-06-02", date_stated=True),
        claim("a", 39, event="kill", source="the police", date="2026-06-02", date_stated=True),
        claim("f", 50, event="kill", source="Teodor Vashar", date="2026-06-09", published="2026-06-09"),
        claim("f", 63, event="kill", source="the ministry", date="2026-06-09", date_stated=True),
    ]
    [conflict] = find_disagreements(claims, NO_EMBEDDINGS)
    assert sorted(c.value for c in conflict.claims) == ["39", "50", "50"]
    assert {c.date for c in conflict.claims} == {"2026-06-02"}
    # a repeat never takes a date later than its own article's
    earlier = claims[2].model_copy(update={"date": "2026-06-01", "published": "2026-06-01"})
    assert dated_by_repeats([claims[0], earlier])[1].date == "2026-06-01"
    assert dated_by_repeats([claims[0], claims[2]])[1].date == "2026-06-02"


def test_a_part_and_its_whole_told_in_one_sentence_never_conflict():
    """ "1.6 million of its customers …, out of 4.6 million": the bank's 1.6 million elsewhere is no
    conflict with an article's 4.6 million customers (the whole)."""
    told = "Sunmere says 1.6 million of its customers were hit at the peak, out of 4.6 million in total."
    part, whole = (
        claim("a", value, noun="customer", source="Sunmere").model_copy(update={"quote": told, "start": 0})
        for value in (1_600_000, 4_600_000)
    )
    elsewhere = [
        claim("b", 1_600_000, noun="customer", source="Sunmere"),
        claim("c", 4_600_000, noun="customer"),
    ]
    assert find_disagreements(elsewhere, NO_EMBEDDINGS) != []  # without the sentence that relates them
    assert find_disagreements([part, whole, *elsewhere], NO_EMBEDDINGS) == []


def test_a_compound_noun_names_the_event_as_a_whole(shared_desk):
    """ "Hospital admissions rose to 63" and "71 people had been admitted to hospital": one running count
    (the head "admission" alone is too far from "admit to hospital")."""
    claims = parsed(
        {
            "a": "Hospital admissions have climbed to 63, the regional health authority says.",
            "b": "The regional health authority said on Saturday that 71 people had been admitted to hospital"
            " since the outbreak began.",
        },
        {"a": "2026-06-04", "b": "2026-06-06"},
    )
    [update] = find_disagreements(claims, shared_desk.vocabulary)
    assert update.kind == "update" and [c.value for c in update.claims] == ["63", "71"]


def test_a_day_a_question_names_is_read_against_the_stories_dates(shared_desk):
    """ "on Thursday June 4" has no year: read against the figures' latest day, it keeps a conflict of
    June 2 off the answer; the running count whose timeline spans the day stays."""
    conflict = [
        claim("a", 39, event="kill", source="the police", date="2026-06-02", date_stated=True),
        claim("b", 50, event="kill", source="the governor", date="2026-06-02", date_stated=True),
    ]
    update = [
        claim(doc, value, event="kill", source="the health ministry", date=day, date_stated=True)
        for doc, value, day in [("c", 52, "2026-06-04"), ("d", 58, "2026-06-06"), ("e", 63, "2026-06-08")]
    ]
    found = find_disagreements(conflict + update, NO_EMBEDDINGS)
    assert sorted(d.kind for d in found) == ["conflict", "update"]
    asked = about_question(
        question_frame("How many people were killed, by the Health Ministry's count, on Thursday June 4?"),
        found,
        NO_EMBEDDINGS,
    )
    assert [d.kind for d in asked] == ["update"]
    on_the_day = about_question(
        question_frame("How many people were killed on Tuesday June 2?"), found, NO_EMBEDDINGS
    )
    assert [d.kind for d in on_the_day] == ["conflict"]


def test_a_question_naming_the_place_its_figures_write_but_do_not_parse_gets_them(shared_desk):
    """ "How many pupils were sent home from schools in Sellany?": the story's figures name no place the
    parser reads as theirs, but their sentences write Sellany; a place no sentence writes gets nothing."""
    told = (
        "The ministry put the number of pupils sent home on Monday at 1,380; Safe Classrooms Sellany says it "
        "was more than 3,100."
    )
    claims = parsed({"a": told}, {"a": "2026-06-09"})
    found = find_disagreements(claims, shared_desk.vocabulary)
    assert [d.kind for d in found] == ["conflict"] and not any(c.places for c in found[0].claims)
    asked = question_frame("How many pupils were sent home from schools in Sellany?")
    assert about_question(asked, found, shared_desk.vocabulary) == found
    elsewhere = question_frame("How many pupils were sent home from schools in Portville?")
    assert about_question(elsewhere, found, shared_desk.vocabulary) == []


def test_a_part_in_words_and_its_whole_are_steps_of_one_count():
    """ "restored to three of the 14 villages": the part may be written in words."""
    told = "Road access has been restored to three of the 14 villages, the province said."
    part, whole = (
        claim("a", value, noun="village", source="the province").model_copy(
            update={"quote": told, "start": 0}
        )
        for value in (3, 14)
    )
    assert steps_told([part, whole]) == [{"3", "14"}]


# --- from the twenty-fifth blind set ---------------------------------------------------------------


def test_a_question_whose_counted_noun_the_parser_hangs_on_say_asks_what_was_said_to_happen():
    """ "How many passengers does the association say were affected?": the parser makes "passengers" the
    subject of "say"; the question asks about the passengers affected."""
    asked = question_frame("How many passengers does the airlines' association say were affected?")
    assert (asked.noun, asked.event) == ("passenger", "affect")
    flights = question_frame("How many flights does the airlines' association say were cancelled?")
    assert (flights.noun, flights.event) == ("flight", "cancel")


def test_a_question_naming_what_is_counted_finds_figures_that_name_only_the_event():
    """ "How many of the captives have been freed?": the ministry's figures say "23 freed", "61 released"
    (no noun); they are the captives asked about. Figures of another event are not."""
    update = [
        claim(doc, value, event="free", source="the ministry", date=day, date_stated=True)
        for doc, value, day in [("a", 23, "2026-03-09"), ("b", 61, "2026-03-12"), ("c", 118, "2026-03-13")]
    ]
    other = [
        claim("a", 187, event="take", source="the police", date="2026-03-09"),
        claim("b", 214, event="take", source="the church", date="2026-03-09"),
    ]
    found = find_disagreements(update + other, NO_EMBEDDINGS)
    assert sorted(d.kind for d in found) == ["conflict", "update"]
    asked = about_question(question_frame("How many of the captives have been freed?"), found, NO_EMBEDDINGS)
    assert [d.kind for d in asked] == ["update"]
    named = [claim("d", 30, noun="captive", event="free", source="the army", date="2026-03-13")]
    found = find_disagreements(update + other + named, NO_EMBEDDINGS)
    asked = about_question(question_frame("How many of the captives have been freed?"), found, NO_EMBEDDINGS)
    assert asked and all(any(c.noun == "captive" for c in d.claims) for d in asked)


def test_a_questions_own_verb_is_what_befell_what_it_counts_when_the_parser_loses_it():
    """ "How many people did the ambulance service treat?": in a question's word order the parser makes
    "people" the subject of "did"; the question's verb (its root first: "How many of those arrested were
    charged?" asks about the charged) is the event; a clause about when ("… when it collapsed") is not."""
    treated = question_frame(
        "How many people did the Valmeroy Ambulance Service treat in total after the surge?"
    )
    assert treated.event == "treat"
    cancelled = question_frame("How many flights had Norvane Air cancelled by Friday night, 15 May?")
    assert (cancelled.noun, cancelled.event) == ("flight", "cancel")
    assert question_frame("How many of those arrested have been charged?").event == "charge"
    assert question_frame("How many people were inside Corvell House when it collapsed?").event is None
    received = question_frame("How many appeals had the exam board received by Thursday 11 June?")
    assert (received.noun, received.event) == (
        "appeal",
        None,
    )  # received is no event: the appeals the board has


def test_a_running_count_answers_a_question_about_a_day_after_its_last_figure_not_before_its_first():
    """ "How many containers had the coastguard recovered by Sunday 14 June?" when the count was last given
    on 12 June: its latest figure is what is known by then (the container spill pack); a day before the
    count began is another time."""
    recovered = [
        claim("a", 12, noun="container", event="recover", source="the coastguard", date="2026-06-10"),
        claim("b", 31, noun="container", event="recover", source="the coastguard", date="2026-06-12"),
    ]
    found = find_disagreements(recovered, NO_EMBEDDINGS)
    assert kinds(found) == [("update", ["12", "31"])]
    later = question_frame("How many containers had the coastguard recovered by Sunday 14 June 2026?")
    assert later.date == "2026-06-14"
    assert about_question(later, found, NO_EMBEDDINGS) == found
    before = question_frame("How many containers had the coastguard recovered by 2 June 2026?")
    assert about_question(before, found, NO_EMBEDDINGS) == []


def test_how_much_of_a_thing_is_answered_by_its_measure_and_a_place_no_figure_names_by_the_story():
    """ "How much cocaine was seized?" is about "2.1 tonnes seized"; the story's figures name no place, so
    the question's "at Almerith port" (written in the story) does not keep them off. A place the story
    never writes still does, and a measure of another event is not what is asked."""
    seized = [
        claim("a", 2.1, event="seize", source="the police", date="2026-06-08", unit="tonnes"),
        claim("b", 3.4, event="seize", source="the minister", date="2026-06-08", unit="tonnes"),
    ]
    seized = [
        c.model_copy(update={"quote": f"Police at Almerith port seized {c.value} tonnes."}) for c in seized
    ]
    found = find_disagreements(seized, NO_EMBEDDINGS)
    assert [d.kind for d in found] == ["conflict"]
    asked = question_frame("How much cocaine was seized at Almerith port?")
    assert about_question(asked, found, NO_EMBEDDINGS) == found
    assert (
        about_question(
            question_frame("How much cocaine was seized at the port of Kessen?"), found, NO_EMBEDDINGS
        )
        == []
    )
    assert about_question(question_frame("How much cocaine was destroyed?"), found, NO_EMBEDDINGS) == []


def test_a_question_may_name_the_kind_its_figures_leave_unsaid_and_the_container_that_says_of_what():
    """ "How many exam papers had the board regraded?" asks about "8,600 papers regraded"; "What figure did
    the regulator give for the number of packs recalled?" is about the packs, not about "figure". WordNet
    has no "regrade": the event is the word as written, in the question as in "had been regraded"."""
    [told] = parsed({"a": "The board said 8,600 papers had been regraded."})
    assert told.event == "regraded"
    update = [
        claim(doc, value, noun="paper", event="regraded", source="the board", date=day, date_stated=True)
        for doc, value, day in [("a", 8600, "2026-06-08"), ("b", 19250, "2026-06-12")]
    ]
    found = find_disagreements(update, NO_EMBEDDINGS)
    assert [d.kind for d in found] == ["update"]
    asked = question_frame("How many exam papers had the board regraded by Friday 12 June?")
    assert (asked.noun, asked.event) == ("exam paper", "regraded")
    assert about_question(asked, found, NO_EMBEDDINGS) == found
    assert about_question(question_frame("How many exam grades were changed?"), found, NO_EMBEDDINGS) == []
    packs = question_frame("What figure did the medicines regulator give for the number of packs recalled?")
    assert packs.noun == "pack"


def test_one_source_counting_two_things_on_one_day_in_one_article_never_joins_them():
    """ "RAH said 2,300 bags were still awaiting their owners" and, further down, "RAH said 19,100 bags had
    been returned to their owners": two counts, however close "await owner" and "return to owner" are; so
    the airline's "7,000 awaiting" disputes the 2,300 alone."""
    waiting = claim("a", 2300, noun="bag", event="await owner", source="RAH", date="2026-06-03")
    returned = claim("a", 19100, noun="bag", event="return to owner", source="RAH", date="2026-06-03")
    airline = claim("c", 7000, noun="bag", event="await owner", source="the airline", date="2026-06-03")
    joined = Vocabulary(lexicon=[frozenset({"await owner", "return to owner"})])
    [conflict] = find_disagreements([waiting, returned, airline], joined)
    assert sorted(c.value for c in conflict.claims) == ["2,300", "7,000"]
    elsewhere = returned.model_copy(update={"doc_id": "b"})  # two articles: the words' join stands
    [conflict] = find_disagreements([waiting, elsewhere, airline], joined)
    assert "19,100" in [c.value for c in conflict.claims]


def test_how_big_and_what_noun_questions_ask_for_a_figure():
    """ "How big is the hole in the balance sheet?" asks the hole's size; "How large do the Independents
    say the budget gap is?" the gap's; "What harvest does the association expect?" the harvest."""
    hole = question_frame("How big is the hole in Pellingford Savings Bank's balance sheet?")
    assert (hole.noun, hole.event) == ("hole", None)
    assert (
        question_frame("How large do the Hallowmere Independents say the budget gap is?").noun == "budget gap"
    )
    assert question_frame("What harvest does the Lorvanian Grain Trade Association expect?").noun == "harvest"
    assert question_frame("") is None and question_frame("How") is None  # nothing to read: no figure asked
    shortfall = question_frame("What does Hallowmere's external auditor estimate the budget shortfall to be?")
    assert shortfall.noun == "budget shortfall"  # not the auditor of "auditor estimate"
    gap = [
        claim("a", 41_000_000, noun="budget gap", source="the council", date="2026-05-12", unit="pounds"),
        claim("b", 58_000_000, noun="budget gap", source="the auditor", date="2026-05-12", unit="pounds"),
    ]
    found = find_disagreements(gap, NO_EMBEDDINGS)
    assert about_question(question_frame("How big is the budget gap?"), found, NO_EMBEDDINGS) == found
    assert about_question(question_frame("How big is the crowd?"), found, NO_EMBEDDINGS) == []


def test_how_much_asks_for_an_amount_and_what_does_it_cost_names_no_noun_by_what(shared_desk):
    """ "How much is the grant paid per household?" asks an amount, not how many grants were paid (the heat
    pump pack); "By how much did it fall?" is a change of a count. "What does an installation cost?" is
    not a question about installations, however the parser hangs "What" on the noun."""
    sentences = {
        "a": "The ministry said 19,600 grants had been paid by 30 April.",
        "b": "The audit office said 16,950 grants had been paid by 30 April.",
        "c": "The ministry said 14,950 heat pumps had been installed by 17 April.",
        "d": "The ministry said 22,410 heat pumps had been installed by 8 May.",
    }
    claims = parsed(sentences, {"a": "2026-05-12", "b": "2026-05-13", "c": "2026-05-12", "d": "2026-05-13"})
    found = find_disagreements(claims, shared_desk.vocabulary)
    assert kinds(found) == [("conflict", ["19,600", "16,950"]), ("update", ["14,950", "22,410"])]

    def asked(question):
        return [d.kind for d in about_question(question_frame(question), found, shared_desk.vocabulary)]

    assert asked("How many grants had been paid by 30 April?") == ["conflict"]
    assert asked("How much is the grant paid per household?") == []
    assert asked("By how much did the ministry's installation count rise?") == ["update"]
    assert question_frame("What does a heat pump installation under the scheme cost on average?") is None
    assert asked("What does a heat pump installation under the scheme cost on average?") == []


def test_a_live_pages_later_entries_of_one_day_are_later_not_a_conflict(shared_desk):
    """Under "09:05 -" six are missing (a spokesperson), under "19:10 -" four (no one named): the same
    running count later in the day, as on another day; the police's toll of three, then five, is their
    timeline within the day."""
    text = (
        "Live: the blast\nPublished 7 March 2026\n\n"
        "09:05 - Police say the death toll stands at three. Six people are still missing, a police "
        "spokesperson said.\n\n12:00 - The fire service says firefighters have rescued 11 people alive.\n\n"
        "19:10 - Police say the death toll has risen to five. Four people are still missing.\n"
    )
    claims = article_claims(make_article("live", text))
    assert {(c.value, c.time) for c in claims} >= {
        ("3", "09:05"),
        ("6", "09:05"),
        ("5", "19:10"),
        ("4", "19:10"),
    }
    found = find_disagreements(claims, shared_desk.vocabulary)
    assert [k for k in kinds(found) if k[0] == "conflict"] == []
    assert ("update", ["3", "5"]) in kinds(found)


def test_one_sentence_setting_two_sources_figures_against_each_other_is_a_conflict_whenever_first_given():
    """The company's four is first given on Wednesday; a paper three days later sets it against the union's
    six in one sentence: both stand then, whatever the date the company first gave it."""
    first = "Deaths\n\n16 September 2026\n\nOrlenda said on Wednesday that four of its employees had died."
    later = "Silo\n\n19 September 2026\n\nOrlenda says four employees died; the union says six died."
    claims = article_claims(make_article("a", first)) + article_claims(make_article("b", later))
    found = [d for d in find_disagreements(claims, NO_EMBEDDINGS) if d.kind == "conflict"]
    assert [sorted(c.value for c in d.claims) for d in found] == [["4", "6"]]


def test_a_question_about_a_share_is_given_the_shares_disagreement_not_the_counts():
    text = (
        "Fuel\n\n14 October 2026\n\nThe association said 812 stations had run out of fuel. The ministry said"
        " 300 stations had run out of fuel.\n\nThe association said 38% of stations had run out of fuel."
        " The ministry said 12% of stations had run out of fuel."
    )
    found = find_disagreements(article_claims(make_article("fuel", text)), NO_EMBEDDINGS)
    assert sorted(d.claims[0].unit or "count" for d in found) == ["count", "percent"]
    asked = question_frame("What share of the stations had run out of fuel?")
    assert (asked.noun, asked.event, asked.unit) == ("station", "run", "percent")
    [given] = about_question(asked, found, NO_EMBEDDINGS)
    assert sorted(c.value for c in given.claims) == ["12%", "38%"]


def test_how_many_there_are_is_answered_by_what_was_counted():
    text = "Wolves\n\n10 March 2026\n\nThe agency counted 29 packs. The trust counted 36 packs."
    found = find_disagreements(article_claims(make_article("wolves", text)), NO_EMBEDDINGS)
    [given] = about_question(question_frame("How many wolf packs are there?"), found, NO_EMBEDDINGS)
    assert sorted(c.value for c in given.claims) == ["29", "36"]
    assert about_question(question_frame("By how much did the packs grow?"), found, NO_EMBEDDINGS) == []


def test_a_figure_in_an_abbreviated_unit_with_nothing_said_of_it_is_vague():
    capacity, imports = (
        extract_claims([Passage(n=1, doc_id=d, title=d, start=0, end=len(s), quote=s)])[0]
        for d, s in (
            ("a", "The yard's capacity is 38,000 TEU."),
            ("b", "Imports came to 188,400 TEU in April."),
        )
    )
    assert is_vague(capacity) and is_vague(imports)
    assert find_disagreements([capacity, imports], NO_EMBEDDINGS) == []
    [handled] = extract_claims(
        [Passage(n=1, doc_id="c", title="c", start=0, end=40, quote="The port handled 2.1 million TEU.")]
    )
    assert not is_vague(handled)  # what befell them is said


def test_a_count_told_with_its_past_in_one_sentence_is_an_update_though_no_one_is_named():
    """The explainer names no source, but gives each figure its day: one running count. The bank's
    customers served are no step of the count it gives with its own "down from"."""
    text = (
        "Reef\n\n22 April 2026\n\nAs of 20 April its planes had covered 530 reefs, up from 180 on 9 April."
        "\n\nThe bank, whose subsidiary serves about 300,000 customers, said on Tuesday that the number of"
        " customers unable to use their cards had fallen to 7,800, down from 62,000 on Monday."
    )
    found = find_disagreements(article_claims(make_article("explainer", text)), NO_EMBEDDINGS)
    kinds_found = sorted((d.kind, [c.value for c in d.claims]) for d in found)
    assert kinds_found == [("update", ["180", "530"]), ("update", ["62,000", "7,800"])]
    assert "the number of reefs covered over time" in [d.topic for d in found]


def test_a_question_about_a_share_of_what_befell_a_thing_is_given_the_shares_of_that_thing_told_plainly():
    """ "61% of the reefs show bleaching" names no event the parser reads; a share of the reefs is still
    the share asked about, when no share says otherwise."""
    text = (
        "Reef\n\n16 April 2026\n\nThe authority said 61% of the 412 reefs it has flown over show bleaching."
        " The university said it found bleaching at 78% of the reefs it surveyed."
    )
    found = find_disagreements(article_claims(make_article("reef", text)), NO_EMBEDDINGS)
    asked = question_frame("What share of the reefs are bleached?")
    [given] = about_question(asked, found, NO_EMBEDDINGS)
    assert sorted(c.value for c in given.claims) == ["61%", "78%"]


def test_a_count_a_week_earlier_that_names_no_one_is_the_same_tellers_count_then():
    """The second sentence names neither the count nor who keeps it: the network's tally, a week before."""
    text = (
        "Parcels\n\n8 June 2026\n\nThe network said its food banks had handed out 161,900 food parcels since"
        " the appeal began. The tally had stood at 118,200 a week earlier."
    )
    claims = article_claims(make_article("parcels", text))
    assert [(c.value, c.source, c.date) for c in claims] == [
        ("161,900", "network", "2026-06-08"),
        ("118,200", "network", "2026-06-01"),
    ]
    found = find_disagreements(claims, NO_EMBEDDINGS)
    assert [(d.kind, [c.value for c in d.claims]) for d in found] == [("update", ["118,200", "161,900"])]


@pytest.mark.parametrize(
    ("text", "dated"),
    [
        # last year's deficit (a fiscal year, which the tagger reads as a number) is no earlier step of the
        # university's deficit this year
        (
            "Deficit\n\n9 April 2026\n\nThe ministry's returns show that Brennick reported an operating"
            " deficit of €14.2m in 2024/25.\n\nBrennick says it faces an operating deficit of €38m this"
            " year.",
            [("€14.2 million", "2025"), ("€38 million", "2026-04-09")],
        ),
        # each sentence names its own period (before: a conflict, "last year" taken for a source)
        (
            "Dog attacks\n\nMarch 17, 2026\n\nVelmark Post says there were 486 dog attacks on its staff in"
            " the first ten weeks of this year. The company says last year's total was 2,184 dog attacks.",
            [("486", "2026-03-17"), ("2,184", "2025")],
        ),
    ],
)
def test_a_figure_for_a_year_gone_by_is_neither_a_step_nor_a_rival_of_this_years(text, dated):
    claims = article_claims(make_article("a", text))
    assert [(c.value, c.date) for c in claims] == dated
    assert find_disagreements(claims, NO_EMBEDDINGS) == []


def test_a_toll_told_rising_day_by_day_in_one_sentence_is_one_running_count():
    """No source is named, each figure has its day: a timeline, joined to a source's line when they share
    a figure on its day (not a second line of the same count)."""
    bulletin = (
        "Bulletin\n\n14 May 2026\n\nThe death toll, which stood at two on 6 May, rose to three on 10 May and"
        " to four on 13 May."
    )
    [update] = find_disagreements(article_claims(make_article("bulletin", bulletin)), NO_EMBEDDINGS)
    assert update.kind == "update"
    assert [(c.value, c.date) for c in update.claims] == [("3", "2026-05-10"), ("4", "2026-05-13")]
    port = (
        "Port\n\n15 May 2026\n\nNordquay Terminals said 12,400 containers were stuck in the yard on 10 May."
        " Nordquay Terminals said 21,300 containers were stuck in the yard on 14 May.\n\nThe number of"
        " containers stuck in the yard rose to 17,900 on 12 May from 12,400 on 10 May."
    )
    [line] = find_disagreements(article_claims(make_article("port", port)), NO_EMBEDDINGS)
    assert [c.value for c in line.claims] == ["12,400", "17,900", "21,300"]


def test_a_question_about_a_group_gets_the_one_dispute_over_it_that_says_nothing_of_what_befell_them():
    """ "How many vehicles fell …?" when the figures say nothing the parser reads of what befell them: the
    one dispute over vehicles; not a part somewhere ("still in the river"), a rate ("each day"), nor a
    dispute that says something else befell them ("packs left in stock" is no answer to "packs imported")."""
    text = (
        "Bridge\n\n3 March 2026\n\nPolice put the number of vehicles at 14. The fire service put the number"
        " of vehicles at 9."
    )
    found = find_disagreements(article_claims(make_article("bridge", text)), NO_EMBEDDINGS)
    assert [d.kind for d in found] == ["conflict"]
    assert (
        about_question(question_frame("How many vehicles fell into the river?"), found, NO_EMBEDDINGS)
        == found
    )
    for other in (
        "How many vehicles crossed the bridge each day?",
        "How many vehicles were still in the river?",
    ):
        assert about_question(question_frame(other), found, NO_EMBEDDINGS) == [], other
    stock = "Stock\n\n3 March 2026\n\nThe agency said 9,000 packs were left. "
    stock += "A firm said 4,000 packs were left."
    found = find_disagreements(article_claims(make_article("stock", stock)), NO_EMBEDDINGS)
    assert [d.kind for d in found] == ["conflict"]
    assert about_question(question_frame("How many packs were imported?"), found, NO_EMBEDDINGS) == []


def test_a_value_told_as_the_one_before_with_no_day_of_its_own_is_no_figure_for_that_day():
    """ "raised on Monday from €4.5m to €7.2m": the €4.5m held before Monday, so it is no conflict with
    another article's €7.2m that day; "from the €500,000 it announced on Wednesday" has its own day."""
    raised = (
        "Fund\n\n27 March 2026\n\nOn Monday the Ministry raised the compensation fund from €4.5m to €7.2m."
    )
    timeline = "Timeline\n\n27 March 2026\n\nMonday 23 March: the compensation fund is raised to €7.2m."
    claims = article_claims(make_article("a", raised)) + article_claims(make_article("b", timeline))
    assert [(c.value, c.before) for c in claims if c.doc_id == "a"] == [
        ("€4.5 million", True),
        ("€7.2 million", False),
    ]
    assert find_disagreements(claims, NO_EMBEDDINGS) == []
    told = (
        "Fund\n\n15 May 2026\n\nDravik confirmed on Friday that it had raised the fund to €1.2 million, from"
        " the €500,000 it announced on Wednesday morning."
    )
    dated = {c.value: (c.date, c.before) for c in article_claims(make_article("c", told))}
    assert dated == {"€1.2 million": ("2026-05-15", False), "€500,000": ("2026-05-13", False)}


def test_the_owner_of_figures_set_against_anothers_gives_them():
    """ "The union said …, while the operator's figures were 520 vehicles": the operator's, not the union's"""
    [union, operator] = parsed(
        {
            "a": "The hauliers' union said there were more than 1,000 vehicles, while the operator's figures"
            " were 520 vehicles."
        }
    )
    assert (union.source, operator.source) == ("hauliers union", "operator")


def test_an_article_that_dates_each_of_its_figures_of_one_count_tells_its_timeline():
    text = (
        "Fund\n\n9 April 2026\n\nMarch 9 - The ministry sets a compensation fund of €4.5m.\n\nMarch 23 - The"
        " fund is raised to €7.2m.\n\nApril 7 - The fund is raised to €9.8m."
    )
    [update] = find_disagreements(article_claims(make_article("wire", text)), NO_EMBEDDINGS)
    assert update.kind == "update"
    assert [(c.value, c.date) for c in update.claims] == [
        ("€4.5 million", "2026-03-09"),
        ("€7.2 million", "2026-03-23"),
        ("€9.8 million", "2026-04-07"),
    ]


def test_two_sentences_in_a_row_naming_no_day_set_their_sources_figures_against_each_other():
    """ "The Commission said … 4.6 million tickets had been voided. Norvale has consistently put the number
    … at 4.2 million": both stand when the article was written, though the Commission first gave its
    figure three weeks before (its repeat takes that day)."""
    commission = claim(
        "a", 4_600_000, noun="ticket", event="void", source="the Commission", date="2026-03-12"
    )
    norvale = claim("a", 4_200_000, noun="ticket", event="void", source="Norvale", date="2026-04-02")
    norvale = norvale.model_copy(update={"start": commission.end + 1, "end": commission.end + 90})
    assert kinds(find_disagreements([commission, norvale], NO_EMBEDDINGS)) == [
        ("conflict", ["4,600,000", "4,200,000"])
    ]
    dated = norvale.model_copy(update={"quote": "On Thursday Norvale put the number at 4.2 million."})
    assert kinds(find_disagreements([commission, dated], NO_EMBEDDINGS)) == []


def test_about_a_rounded_figure_is_widened_once_not_twice():
    """ "about 2.1 million" (1.995–2.205 million) and "1.9 million" cannot both hold: its "about" already
    allows for rounding, so rounding does not widen it again."""
    norvale = claim("d", 1_900_000, noun="player", source="Norvale", date="2026-03-19")
    commission = claim(
        "d", 2_100_000, noun="player", source="the Commission", date="2026-03-19", qualifier="about"
    ).model_copy(update={"value": "2.1 million", "low": 1_995_000, "high": 2_205_000})
    norvale = norvale.model_copy(update={"value": "1.9 million"})
    assert kinds(find_disagreements([norvale, commission], NO_EMBEDDINGS)) == [
        ("conflict", ["1.9 million", "2.1 million"])
    ]


def test_last_years_figure_is_no_part_of_this_years_and_a_part_with_its_whole_is_no_update(shared_desk):
    """A year-earlier share in one article's own voice ("A year earlier the Federation's survey had put
    losses at 17 per cent") is not a part of this year's 41% of colonies lost: the Inspectorate's 23%, told
    with "loss" and no noun, still joins the colonies lost. "17 of the 60 apiaries" and a later "the 60
    apiaries" are a part and its whole, never two steps of one count."""
    shares = parsed(
        {
            "a": "The Federation says 41 per cent of colonies were lost over the winter.",
            "b": "The Inspectorate estimates the loss at 23 per cent.",
        },
        {"a": "2026-03-12", "b": "2026-03-12"},
    )
    last_year = claim("a", 17, event="lose", source="Federation", date="2025", unit="percent")
    found = find_disagreements([*shares, last_year], shared_desk.vocabulary)
    assert [(d.kind, sorted(c.value for c in d.claims)) for d in found] == [("conflict", ["23%", "41%"])]
    told = "The Inspectorate says the compound was found in bees from 17 of the 60 apiaries it sampled."
    part_and_whole = [
        claim("a", n, noun="apiary", source="the Inspectorate", date="2026-03-12").model_copy(
            update={"quote": told, "start": 0, "end": len(told)}
        )
        for n in (17, 60)
    ]
    apiaries = [*part_and_whole, claim("b", 60, noun="apiary", source="the Inspectorate", date="2026-03-13")]
    assert [d for d in find_disagreements(apiaries, NO_EMBEDDINGS) if d.kind == "update"] == []


def test_the_same_figures_told_with_two_verbs_answer_a_question_asked_with_either(shared_desk):
    """ "23 athletes caught up in the scheme; the federation puts it at 14" and "23 athletes were implicated
    …; the federation put the number implicated at 14": one conflict, reported once, that a question
    asking who was implicated gets. A question asking how many is never given a dispute over shares."""
    claims = [
        claim("a", 23, noun="athlete", event="catch up", source="the commission"),
        claim("a", 14, noun="athlete", event="catch up", source="the federation"),
        *(
            claim("a", n, noun="athlete", event="implicate", source=who).model_copy(update={"start": 500 + n})
            for n, who in ((23, "the commission"), (14, "the federation"))
        ),
    ]
    found = find_disagreements(claims, NO_EMBEDDINGS)
    assert sorted(kinds(found)[0][1]) == ["14", "14", "23", "23"]
    assert attached("How many athletes were implicated in the doping scheme?", found, NO_EMBEDDINGS) == found
    shares = [
        claim("a", 41, noun="colony", event="lose", source="the federation", unit="percent"),
        claim("b", 23, noun="colony", event="lose", source="the inspectorate", unit="percent"),
    ]
    lost = find_disagreements(shares, shared_desk.vocabulary)
    assert kinds(lost) == [("conflict", ["41", "23"])]
    assert attached("How many members have lost all of their colonies?", lost, shared_desk.vocabulary) == []
    assert attached("What share of colonies was lost?", lost, shared_desk.vocabulary) == lost


def test_a_question_in_the_present_perfect_asks_its_participle_and_dog_deaths_are_the_dogs(shared_desk):
    """ "How many athletes has the commission suspended?": the parser makes "athletes" the subject of
    "has", the participle's auxiliary; the question asks who was suspended. "How many dog deaths has the
    agency confirmed?" asks for the dogs that died, not the fish."""
    asked = question_frame("How many athletes has the Anti-Doping Commission provisionally suspended?")
    assert (asked.noun, asked.event) == ("athlete", "suspend")
    claims = [
        claim("a", 14, noun="dog", event="die", source="the agency"),
        claim("b", 9, noun="dog", event="die", source="the vets"),
        claim("a", 3000, noun="fish", event="die", source="the agency"),
        claim("b", 12000, noun="fish", event="die", source="the anglers"),
    ]
    found = find_disagreements(claims, shared_desk.vocabulary)
    dogs = attached("How many dog deaths has the agency confirmed?", found, shared_desk.vocabulary)
    assert [d.claims[0].noun for d in dogs] == ["dog"]


def test_how_much_it_will_cost_to_do_a_thing_gets_the_one_dispute_over_a_sum_for_that_thing(shared_desk):
    """ "How much will it cost to replace the cladding?" names no noun the parser counts ("it"): the one
    dispute over a sum whose noun the question writes is the one asked about; a question about another
    thing gets none."""
    found = disputed(
        "Corvane's surveyors estimate the cost of replacing the cladding at 38 million euros.",
        "The Authority's engineers put the cost of replacing the cladding at 61 million euros.",
        shared_desk.vocabulary,
    )
    assert kinds(found) == [("conflict", ["38 million euros", "61 million euros"])]
    cost = "How much will it cost to replace the cladding on the towers?"
    assert attached(cost, found, shared_desk.vocabulary) == found
    assert (
        attached("How much will it cost to repair the roof of the school?", found, shared_desk.vocabulary)
        == []
    )


def test_a_question_about_acts_someone_recorded_asks_about_the_acts(shared_desk):
    """ "How many deactivations had the union recorded by Wednesday?": recording is how the union knows,
    not what befell anyone; the question is about the drivers deactivated, as "41 drivers had their
    accounts deactivated" counts them."""
    steps = [("a", 23, "2026-04-14"), ("a", 41, "2026-04-15")]
    found = updated(shared_desk.vocabulary, "driver", "deactivate", "the union", steps)
    assert kinds(found) == [("update", ["23", "41"])]
    recorded = "How many deactivations had the union recorded by Wednesday?"
    assert attached(recorded, found, shared_desk.vocabulary) == found


def test_what_a_thing_cost_is_asked_as_how_much_it_cost(shared_desk):
    """ "What did the blackout cost the economy?" asks what "How much did the blackout cost the economy?"
    asks: the dispute over the sum the blackout cost, not nothing."""
    found = disputed(
        "The chamber of commerce said the blackout cost the economy 410 million euros.",
        "The energy ministry said the blackout cost the economy 180 million euros.",
        shared_desk.vocabulary,
    )
    assert kinds(found) == [("conflict", ["410 million euros", "180 million euros"])]
    assert attached("What did the blackout cost the economy?", found, shared_desk.vocabulary) == found
    assert attached("How much did the blackout cost the economy?", found, shared_desk.vocabulary) == found
    assert question_frame("What did the report say about cost overruns?") is None


def test_signatures_answer_how_many_signed_whatever_was_signed(shared_desk):
    """ "How many people have signed the petition?" asks about the petition's signatures: a noun made from
    the verb names the act whatever its object ("sign petition"), as "payments" name paying."""
    steps = [("a", 2140, "2026-03-09"), ("b", 5812, "2026-03-16")]
    found = updated(shared_desk.vocabulary, "signature", "have", "the alliance", steps)
    assert kinds(found) == [("update", ["2,140", "5,812"])]
    signed = "How many people have signed the petition against the bus cuts?"
    assert attached(signed, found, shared_desk.vocabulary) == found
    assert attached("How many people have joined the protest?", found, shared_desk.vocabulary) == []


def test_a_sum_owed_and_a_debt_are_one_sum(shared_desk):
    """ "412,000 crowns was owed" and "587,000 crowns of school meal debt": English makes "debt" from "owe"
    without its letters, and a sum named by nothing but its currency is named by what was done with it."""
    found = disputed(
        "The school district said 412,000 crowns was owed on the meal accounts of its pupils.",
        "The charity says families owe 587,000 crowns in unpaid school meal debt.",
        shared_desk.vocabulary,
    )
    assert kinds(found) == [("conflict", ["412,000 crowns", "587,000 crowns"])]


def test_two_sources_response_times_are_a_conflict(shared_desk):
    """A time in minutes is a measurement like a length: the service's 12.4 minutes and the union's 19 for
    the same month's response time are a conflict (before: durations were no figures at all)."""
    found = disputed(
        "The ambulance service says its mean response time in January was 12.4 minutes.",
        "The paramedics' union says the mean response time in January was 19 minutes.",
        shared_desk.vocabulary,
    )
    assert kinds(found) == [("conflict", ["12.4 minutes", "19 minutes"])]


def test_two_sources_speeds_of_one_vehicle_are_a_conflict_whoever_recorded_them(shared_desk):
    """ "the tachograph recorded a speed of 94 km/h" is the coach's speed, not the tachograph's; "doing 55
    km/h" is a speed too (before: "km/h" split at its slash counted an "h", and "doing" gave nothing)."""
    found = disputed(
        "Police say the coach's tachograph recorded a speed of 94 km/h before the crash.",
        "The operator says the coach was doing about 55 km/h when it left the road.",
        shared_desk.vocabulary,
    )
    assert kinds(found) == [("conflict", ["94 kilometres per hour", "55 kilometres per hour"])]
    assert attached("How fast was the coach travelling?", found, shared_desk.vocabulary) == found
    assert attached("How many seats does the coach have?", found, shared_desk.vocabulary) == []
    assert attached("How far did the coach fall?", found, shared_desk.vocabulary) == []


def test_a_hospital_groups_count_is_its_own_not_the_nations(shared_desk):
    """ "its five hospitals treated 96" is the speaker's hospitals' count; the ministry's 214, across the
    country and in a later paper, counts more than that (before: both were "people treated", a conflict)."""
    claims = parsed(
        {
            "a": "The Ostrevo Health Partnership said its hospitals had treated 96 people on New Year's Day.",
            "b": "The Ministry of Health said 214 people were treated across the country on New Year's Day.",
            "c": "The Ministry of Health says 214 people were treated in hospital on New Year's Day.",
        },
        {"a": "2026-01-01", "b": "2026-01-01", "c": "2026-01-05"},
    )
    assert {c.whose for c in claims} == {"by Ostrevo Health Partnership", None}
    assert find_disagreements(claims, shared_desk.vocabulary) == []


def test_admissions_are_those_admitted_and_a_years_count_is_not_a_months_nor_the_next_years(shared_desk):
    """WordNet makes "admission" from "admit" (the embedder puts them at 0.46): "4,870 hospital admissions"
    and "a figure of 6,214 admissions for 2025" count those "admitted to hospital" in 2025, a conflict
    (before: three groups). July's 524 admissions are within 2025, and 2026's five deaths follow 2025's
    nine: different spans of time (before: spans that touch were no days apart, and conflicted)."""
    claims = parsed(
        {
            "a": "The statistics office says 4,870 people were admitted to hospital after dog bites in 2025.",
            "b": "There were 4,870 hospital admissions for dog bites in Corvania in 2025, the office said.",
            "c": "The College of Emergency Medicine published on 12 February a figure of 6,214 admissions "
            "for 2025.",
        },
        {"a": "2026-02-24", "b": "2026-02-24", "c": "2026-02-24"},
    )
    found = find_disagreements(claims, shared_desk.vocabulary)
    assert [(d.kind, sorted({c.value for c in d.claims})) for d in found] == [
        ("conflict", ["4,870", "6,214"])
    ]
    month = parsed(
        {
            "a": "There were 4,870 admissions for dog bites in 2025, the statistics office said.",
            "b": "The College says there were 524 admissions for dog bites in July.",
        },
        {"a": "2026-02-24", "b": "2026-02-25"},
    )
    assert [c.date for c in month] == ["2025", "2025-07"]
    assert find_disagreements(month, shared_desk.vocabulary) == []
    years = disputed(
        "Nine people were killed by dogs in Corvania in 2025, the coroner said.",
        "Five people have died in dog attacks in Corvania in 2026, according to the police.",
        shared_desk.vocabulary,
    )
    assert years == []


def test_those_who_lost_their_lives_are_those_who_died(shared_desk):
    """ "lost their lives" says what "died" says: its key is "die" (before: "lose life", which the embedder
    keeps 0.52 from "kill", so a complete-linkage cluster of the dead left it out), and its topic keeps
    the object ("the number of people who lost their lives")."""
    claims = parsed(
        {
            "a": "Police said 11 people lost their lives in the crash.",
            "b": "The ministry said 14 people were killed in the crash.",
            "c": "Hospital officials said 13 people died in the crash.",
        }
    )
    [found] = find_disagreements(claims, shared_desk.vocabulary)
    assert (found.kind, sorted(c.value for c in found.claims)) == ("conflict", ["11", "13", "14"])
    assert found.topic == "the number of people who lost their lives"


def test_a_question_about_arrests_made_asks_for_the_people_arrested(shared_desk):
    """ "How many arrests had the operation made by 11 March?": "made" only counts the arrests up, as a
    figure's "made 14 arrests" does, so the running count of people arrested is what it asks about
    (before: the question kept "make" as its event and got nothing)."""
    claims = parsed(
        {
            "a": "Nine people have been arrested so far, police said.",
            "b": "Police said on 11 March that 14 people had been arrested.",
        },
        {"a": "2026-03-04", "b": "2026-03-12"},
    )
    found = find_disagreements(claims, shared_desk.vocabulary)
    assert kinds(found) == [("update", ["9", "14"])]
    assert attached("How many arrests had the operation made by 11 March?", found, shared_desk.vocabulary)


def test_bare_degrees_are_in_the_one_scale_the_other_figures_use():
    """ "11.6 degrees" and "11.6°C" in one story are one unit (before: two units, never compared); with
    both scales about, a bare "degrees" stays its own."""
    celsius = claim("a", 14.2, noun="water", source="organiser", date="2026-05-16", unit="degrees Celsius")
    bare = claim("b", 11.6, noun="water", source="rescue service", date="2026-05-16", unit="degrees")
    assert kinds(find_disagreements([celsius, bare], NO_EMBEDDINGS)) == [("conflict", ["14.2", "11.6"])]
    fahrenheit = claim("c", 57.0, noun="air", date="2026-05-16", unit="degrees Fahrenheit")
    keys = frame_keys([celsius, bare, fahrenheit], NO_EMBEDDINGS)
    assert [k.unit for k in keys] == ["degrees Celsius", "degrees", "degrees Fahrenheit"]


def test_a_higher_measurement_at_no_hour_may_be_later_than_a_live_pages_that_day():
    """A live page's 24C at 08:00 against another page's "up to 34 degrees" that day, at no hour: the
    temperature rose (before: a conflict); lower at no hour, it still clashes, and so do two sources'
    counts of one day, whatever their hours."""
    celsius = {"noun": "temperature", "date": "2026-05-10", "unit": "degrees Celsius"}
    morning = claim("a", 24, source="organisers", time="08:00", **celsius)
    assert find_disagreements([morning, claim("b", 34, **celsius)], NO_EMBEDDINGS) == []
    found = find_disagreements([morning, claim("b", 20, **celsius)], NO_EMBEDDINGS)
    assert kinds(found) == [("conflict", ["24", "20"])]
    counted = {"noun": "ship", "event": "wait", "date": "2026-05-13"}
    ships = [
        claim("a", 19, source="port", time="09:00", **counted),
        claim("b", 27, source="owners", **counted),
    ]
    assert kinds(find_disagreements(ships, NO_EMBEDDINGS)) == [("conflict", ["19", "27"])]


def test_how_long_something_lasted_is_disputed_in_hours_and_asked_with_how_long(shared_desk):
    """ "The outage lasted just under six hours" against "the outage lasted 11 hours": one span of time in
    dispute (before: no claim, a span of time measured only a time or a wait); "How long did the outage
    last?" gets it, "How many …?" of a count does not. "Police questioned him for three hours" (done to
    someone) and "5 hours 40 minutes" (no one figure in hours) measure nothing."""
    claims = parsed(
        {
            "a": "The outage lasted just under six hours, the tax office said.",
            "b": "Pulsewatch, a monitoring firm, said the outage lasted 11 hours.",
        },
        {"a": "2026-04-01", "b": "2026-04-01"},
    )
    assert [(c.value, c.unit, c.noun) for c in claims] == [
        ("6 hours", "hours", "outage"),
        ("11 hours", "hours", "outage"),
    ]
    found = find_disagreements(claims, shared_desk.vocabulary)
    assert kinds(found) == [("conflict", ["6 hours", "11 hours"])]
    assert attached("How long did the outage last?", found, shared_desk.vocabulary) == found
    assert attached("How many outages were there?", found, shared_desk.vocabulary) == []
    assert parsed({"c": "Police questioned him for three hours."}) == []
    assert parsed({"d": "The evacuation took 5 hours 40 minutes."}) == []


def test_a_question_in_a_unit_gets_only_disagreements_in_that_unit(shared_desk):
    """ "How many hours did crews lose in handover delays?" asks for hours: a dispute over a count of
    deaths is not about it (before: "lost" joined "died", and any figure could answer a unit asked)."""
    found = disputed(
        "Four people died while waiting, the coroner said.",
        "Seven people died while waiting, the families said.",
        shared_desk.vocabulary,
        ("2026-01-20", "2026-01-20"),
    )
    assert kinds(found) == [("conflict", ["4", "7"])]
    assert (
        attached("How many hours did ambulance crews lose in handover delays?", found, shared_desk.vocabulary)
        == []
    )


def test_a_price_paid_each_is_never_set_against_what_one_buyer_paid(shared_desk):
    """ "buyers had paid up to 600 crowns each" is a price of one ticket; "she had paid 380 crowns for a
    pair" is what she paid: no dispute (before: a conflict over "the amount paid")."""
    claims = parsed(
        {
            "a": "Genuine tickets had a face value of 95 crowns, but buyers had paid up to 600 crowns each.",
            "b": "A woman said she had paid 380 crowns for a pair of fake tickets.",
        },
        {"a": "2026-03-13", "b": "2026-03-13"},
    )
    assert [c.event for c in claims if c.value == "600 crowns"] == ["pay each"]
    assert find_disagreements(claims, shared_desk.vocabulary) == []


def test_what_something_is_worth_is_asked_of_sums_only(shared_desk):
    """ "What is the seized timber estimated to be worth?" asks for a sum: the agency's timeline of the
    timber seized in cubic metres is not about it (before: attached)."""
    found = disputed(
        "The agency put the seized timber at 2,600 cubic metres on Tuesday.",
        "The agency now puts the seized timber at 4,450 cubic metres.",
        shared_desk.vocabulary,
        ("2026-01-20", "2026-02-06"),
    )
    assert kinds(found) == [("update", ["2,600 cubic metres", "4,450 cubic metres"])]
    assert attached("How much timber was seized?", found, shared_desk.vocabulary) == found
    assert attached("What is the seized timber estimated to be worth?", found, shared_desk.vocabulary) == []


def test_a_count_told_with_its_past_is_an_update_though_its_day_is_the_articles(shared_desk):
    """ "29 households, up from 17 on Wednesday": the count now (the article's day) and on Wednesday, one
    running count (before: no timeline, the figure now having no day of its own in the sentence)."""
    claims = parsed(
        {"a": "The helpline now has reports of symptoms from 29 households, up from 17 on Wednesday."},
        {"a": "2026-05-14"},
    )
    assert kinds(find_disagreements(claims, shared_desk.vocabulary)) == [("update", ["17", "29"])]


def test_how_long_and_how_large_questions_ask_of_their_subject(shared_desk):
    """ "How long was trading halted …?" (the parser makes "trading" the root) and "How large is the …
    Fund?" (a name) ask for the size of their subject (before: no frame, so nothing attached)."""
    found = disputed(
        "The exchange says trading was halted for 47 minutes.",
        "The regulator says trading was disrupted for 52 minutes.",
        shared_desk.vocabulary,
        ("2026-05-12", "2026-05-12"),
    )
    assert kinds(found) == [("conflict", ["47 minutes", "52 minutes"])]
    assert attached("How long was trading halted on the exchange?", found, shared_desk.vocabulary) == found
    assert question_frame("How large is the government's Coastal Relocation Fund?").noun == "fund"


def test_what_a_question_asks_was_received_or_recovered_is_read_as_figures_are(shared_desk):
    """ "How many claims had Tessaline received?" counts claims, as "it had received 48 claims" does
    (before: the question's "received" was an event the figures lack); "How much diesel has been
    recovered?" is answered in litres, which the figures count."""
    claims = disputed(
        "Tessaline said on Tuesday it had received 31 claims.",
        "Tessaline said on Thursday it had received 48 claims.",
        shared_desk.vocabulary,
        ("2026-05-12", "2026-05-14"),
    )
    diesel = disputed(
        "The authority said 1,800 litres of diesel had been recovered by Sunday.",
        "The authority said 4,500 litres of diesel had been recovered by Tuesday.",
        shared_desk.vocabulary,
        ("2026-05-10", "2026-05-12"),
    )
    assert kinds(claims) == [("update", ["31", "48"])]
    assert kinds(diesel) == [("update", ["1,800", "4,500"])]
    assert (
        attached("How many claims had Tessaline received by Thursday?", claims, shared_desk.vocabulary)
        == claims
    )
    assert attached("How much diesel has been recovered?", diesel, shared_desk.vocabulary) == diesel


def test_a_verb_the_parser_tagged_a_noun_is_what_a_question_asks_befell(shared_desk):
    """ "How many calls did Harrow County dispatchers process …?": the parser makes "process" the object of
    "did"; the question asks for calls processed (before: no event, so the update was not attached). A real
    subject after "did" ("did the block … contain") and a count's own verb ("does the union count") are not
    read so."""
    found = disputed(
        "The county says 1,870 calls were processed on paper by Sunday.",
        "The county says 3,655 calls were processed on paper by Tuesday.",
        shared_desk.vocabulary,
        ("2026-03-08", "2026-03-10"),
    )
    asked = "How many calls did Harrow County dispatchers process on paper during the outage?"
    assert kinds(found) == [("update", ["1,870", "3,655"])]
    assert question_frame(asked).event == "process"
    assert attached(asked, found, shared_desk.vocabulary) == found
    assert question_frame("How many flats did the block at 14 Osterhof Row contain?").event is None


def test_what_someone_estimates_a_thing_will_cost_asks_for_its_cost(shared_desk):
    """ "What does the transit authority estimate the fire will cost?" (rooted on "estimate") asks what the
    fire costs, as "How much did the fire cost?" does (before: no frame); so does "expect … to cost"."""
    found = disputed(
        "The transit authority now puts the cost of the depot fire at €26m.",
        "The authority's latest estimate of the cost of the fire is €31.5m.",
        shared_desk.vocabulary,
        ("2026-03-12", "2026-03-16"),
    )
    assert [d.kind for d in found] == ["update"]
    for asked in (
        "What does the transit authority estimate the fire will cost?",
        "How much does the authority expect the fire to cost?",
    ):
        assert attached(asked, found, shared_desk.vocabulary) == found, asked


def test_a_name_that_says_which_product_is_no_place_in_a_question(shared_desk):
    """ "How many tins from the recalled Lullamilk batch were sold?": a figure's "in the Lullamilk recall"
    made Lullamilk a place, but the question's Lullamilk says which batch (before: the question asked for
    tins sold in Lullamilk and got nothing). "How many babies were taken to hospital in Lullamilk?" still
    asks of the place."""
    found = find_disagreements(
        parsed(
            {
                "a": "The agency says 11,400 tins were sold.",
                "b": "The maker says 6,200 tins were sold.",
                "c": "At least 20 babies were taken to hospital in the Lullamilk recall, the council said.",
                "d": "The agency says 14 babies were taken to hospital in the Lullamilk recall.",
            },
            dict.fromkeys("abcd", "2026-03-13"),
        ),
        shared_desk.vocabulary,
    )
    tins, babies = sorted(found, key=lambda d: d.claims[0].noun != "tin")
    assert kinds([tins, babies]) == [("conflict", ["11,400", "6,200"]), ("conflict", ["20", "14"])]
    asked = "How many tins from the recalled Lullamilk batch were sold?"
    assert attached(asked, found, shared_desk.vocabulary) == [tins]
    assert attached(
        "How many babies were taken to hospital in Lullamilk?", found, shared_desk.vocabulary
    ) == [babies]


def test_questions_drop_where_a_group_merely_is_as_figures_do(shared_desk):
    """ "How many vehicles were in the blockade?" asks what "610 vehicles are in the blockade" counts: the
    figures drop a place a group merely is at, and so now does the question (before: it kept "in
    blockade" and got nothing); "still in hospital" is kept by both."""
    found = disputed(
        "Police say 610 vehicles are in the blockade.",
        "The company says 520 vehicles were in the blockade at its peak.",
        shared_desk.vocabulary,
        ("2026-05-13", "2026-05-13"),
    )
    assert kinds(found) == [("conflict", ["610", "520"])]
    asked = "How many vehicles were in the blockade according to the hauliers' union?"
    assert attached(asked, found, shared_desk.vocabulary) == found
    assert question_frame("How many patients are still in hospital?").event == "in hospital"


def test_a_count_told_with_its_past_far_into_its_sentence_is_a_timeline(shared_desk):
    """ "Around 3,900 households are now being asked to keep windows and doors closed, up from 2,400 on
    Monday": one running count though no source is named and "up from" comes 70 characters after the
    figure (before: 60 at most, so no timeline)."""
    found = find_disagreements(
        parsed(
            {
                "a": "Around 3,900 households are now being asked to keep windows and doors closed, up from "
                "2,400 on Monday."
            },
            {"a": "2026-03-17"},
        ),
        shared_desk.vocabulary,
    )
    assert kinds(found) == [("update", ["2,400", "3,900"])]


def test_those_not_paid_are_never_those_paid(shared_desk):
    """Two sources' counts of pensioners not paid are one count disputed; "the 3,900 pensioners who live
    abroad are paid" counts the paid, never one of them (before: all three "pay", and the 3,900 joined a
    conflict), nor does "212 pensioners were still unpaid" join the paid."""
    found = find_disagreements(
        parsed(
            {
                "a": "The agency says 41,200 pensioners were not paid on the due date.",
                "b": "The union says 63,000 pensioners were not paid on the due date.",
                "c": "The minister says the 3,900 pensioners who live abroad are paid in a separate run.",
                "d": "The agency says 212 pensioners were still unpaid.",
            },
            {"a": "2026-03-12", "b": "2026-03-12", "c": "2026-03-12", "d": "2026-03-12"},
        ),
        shared_desk.vocabulary,
    )
    assert kinds(found) == [("conflict", ["41,200", "63,000"])]


def test_taken_to_hospital_and_conveyed_to_hospital_are_one_count(shared_desk):
    """ "four riders were taken to hospital" (the park) and "seven riders were conveyed to hospital" (the
    fire service) count the same riders, moved to hospital by two verbs (before: two counts, nothing
    disputed)."""
    found = disputed(
        "The park says four riders were taken to hospital.",
        "The fire service says seven riders were conveyed to hospital.",
        shared_desk.vocabulary,
        ("2026-07-19", "2026-07-19"),
    )
    assert kinds(found) == [("conflict", ["4", "7"])]


def test_a_count_told_up_from_a_spelled_number_is_a_timeline(shared_desk):
    """ "A total of 14 devices have now been recovered, up from six on Wednesday 4 March": one running
    count from six to 14 (before: "six" was not found in its sentence, so no step and no timeline)."""
    found = find_disagreements(
        parsed(
            {"a": "A total of 14 devices have now been recovered, up from six on Wednesday 4 March."},
            {"a": "2026-03-09"},
        ),
        shared_desk.vocabulary,
    )
    assert kinds(found) == [("update", ["6", "14"])]


def test_restored_to_a_register_is_never_taken_off_it(shared_desk):
    """ "2,915 electors have been restored to the register" and "11,600 electors were taken off the
    register" count opposite moves (before: one event, 0.60 apart as words, and a false conflict)."""
    found = disputed(
        "The commission says 2,915 electors in Lower Brennick have been restored to the register.",
        "The alliance says 11,600 electors in Lower Brennick were wrongly taken off the register.",
        shared_desk.vocabulary,
        ("2026-04-24", "2026-04-24"),
    )
    assert found == []


def test_nouns_of_one_most_common_sense_count_one_thing(shared_desk):
    """ "4,180 voters were removed" and "11,600 electors were removed" count one thing (voter and elector:
    one WordNet sense, 0.59 as words; before: two counts); "director" and "manager" (0.52) stay apart."""
    found = disputed(
        "The commission says 4,180 voters were removed in error.",
        "The alliance says 11,600 electors were removed in error.",
        shared_desk.vocabulary,
        ("2026-04-21", "2026-04-21"),
    )
    assert kinds(found) == [("conflict", ["4,180", "11,600"])]
    assert shared_desk.vocabulary.noun_similarity("director", "manager") < 0.73


def test_a_speakers_turn_runs_over_the_paragraphs_after_its_label():
    """In a briefing's transcript, "CHIEF SUPT RAVEL: Thank you." and then a paragraph of his own with no
    label: the figures there are his (before: no teller, so his 19 arrests made no timeline with his 14).
    A speaker in capitals with the body she speaks for ("ANNIKA SOLVEY (Transvar Pipeline Company):")
    speaks for it; a section heading in capitals ("SPORT: RECORD FIELD") speaks for no one."""
    text = (
        "Briefing on Operation Stillwater\n4 February 2026\n\n"
        "INSPECTOR VOLK: Good morning, everyone. The Chief Superintendent will give an update.\n\n"
        "CHIEF SUPT RAVEL: Thank you, Hana. Good morning.\n\n"
        "As of this morning, 19 people have been arrested, up from 14 when we last briefed you on 28 "
        "January.\n\n"
        "Q (HERALD): Are any of them employees?\n\n"
        "ANNIKA SOLVEY (Transvar Pipeline Company): We have found 47 illegal taps on the line.\n"
    )
    claims = article_claims(make_article("b", text))
    arrests = [c for c in claims if c.event == "arrest"]
    assert {(c.value, c.source) for c in arrests} == {("19", "Chief Supt Ravel"), ("14", "Chief Supt Ravel")}
    assert [c.source for c in claims if c.value == "47"] == [
        "Transvar Pipeline Company"
    ]  # who she speaks for
    sections = (
        "Kestrup news\n12 May 2026\n\nBRIDGE: THREE DAYS CUT OFF\n\nThe crossing reopened on Monday.\n\n"
        "SPORT: RECORD FIELD\n\nA record 700 runners took part in Sunday's half-marathon.\n"
    )
    [runners] = article_claims(make_article("c", sections))
    assert runners.source is None  # a heading in capitals is no speaker


def test_smart_meters_asked_about_are_counted_not_measured(shared_desk):
    """ "How many Kestrel smart meters stopped …?" and "How many meters had Kestrel fixed …?" ask for
    meters counted (before: "meters" asked for a length, so no count's dispute was given); "after the
    February software update" says from when, not the day the figures hold; "How many hours …?" is still
    given no count."""
    found = disputed(
        "Kestrel says 41,000 meters stopped sending readings.",
        "The regulator says 67,500 meters stopped sending readings.",
        shared_desk.vocabulary,
        ("2026-03-03", "2026-03-03"),
    )
    assert kinds(found) == [("conflict", ["41,000", "67,500"])]
    question = "How many Kestrel smart meters stopped sending readings after the February software update?"
    assert attached(question, found, shared_desk.vocabulary) == found
    assert attached("How many meters stopped sending readings?", found, shared_desk.vocabulary) == found
    assert attached("How many hours did the meters stop for?", found, shared_desk.vocabulary) == []


def test_what_a_holder_has_is_what_there_is_and_a_site_is_in_its_town(shared_desk):
    """ "How many open damp and mould repair requests did Tallis Cross have?" asks for the requests there
    were ("there were 1,590 open repair requests"; before: "many" hung on "damp", and "have" was a deed no
    figure told); "waited … at Brennick" asks about the diverted patients who waited in Brennick ED."""
    requests = disputed(
        "At the end of March there were 1,590 open repair requests.",
        "The union says there were 2,300 open repair requests at the end of March.",
        shared_desk.vocabulary,
        ("2026-04-14", "2026-04-14"),
    )
    question = "How many open damp and mould repair requests did Tallis Cross have at the end of March?"
    assert kinds(requests) == [("conflict", ["1,590", "2,300"])]
    assert attached(question, requests, shared_desk.vocabulary) == requests
    waited = disputed(
        "Of the patients diverted in March, 38 waited longer than four hours in Brennick ED.",
        "By our count, 97 diverted patients waited more than four hours in Brennick ED in March.",
        shared_desk.vocabulary,
        ("2026-04-23", "2026-04-28"),
    )
    asked = "How many diverted patients waited more than four hours at Brennick in March?"
    assert [d.kind for d in waited] == ["conflict"]
    assert attached(asked, waited, shared_desk.vocabulary) == waited


def test_a_question_about_what_a_thing_can_hold_gets_no_dispute(shared_desk):
    """ "How many passengers is the Lannet Star certificated to carry?" asks for a capacity, which no count
    of passengers aboard answers (before: the 247 and the 212 aboard were attached); "Is the centre over
    capacity?" still asks how many are there."""
    found = disputed(
        "The coastguard says 247 passengers were on board the Lannet Star.",
        "The operator says 212 passengers were on board the Lannet Star.",
        shared_desk.vocabulary,
        ("2026-03-15", "2026-03-15"),
    )
    assert kinds(found) == [("conflict", ["247", "212"])]
    assert (
        attached("How many passengers were on board the Lannet Star?", found, shared_desk.vocabulary) == found
    )
    capacity = "How many passengers is the Lannet Star certificated to carry?"
    assert attached(capacity, found, shared_desk.vocabulary) == []


def test_a_sources_count_before_a_rise_starts_its_line_though_it_has_no_day(shared_desk):
    """ "logged 132 objections …, up from 87 when the committee met earlier this month": the department's
    count went from 87 to 132 (before: the 87 had no day of its own, so no line); a sum, a rate and an
    article's own figure told "down from" or "up from" another period's are no running count."""
    logged = parsed(
        {
            "a": "The planning department said on Friday it had logged 132 objections to the application, up"
            " from 87 when the committee met earlier this month."
        },
        {"a": "2026-03-16"},
    )
    assert kinds(find_disagreements(logged, shared_desk.vocabulary)) == [("update", ["87", "132"])]
    other_periods = parsed(
        {
            "a": "The club said the cheapest season ticket would cost €540, up from €470 this season.",
            "b": "The department said the lane carried 4,100 vehicles a day in February, up from about 2,950"
            " before it opened.",
            "c": "Average length of stay: 34 days (up from 27 days in 2024–25).",
        },
        {"a": "2026-05-11", "b": "2026-03-06", "c": "2026-03-20"},
    )
    assert find_disagreements(other_periods, shared_desk.vocabulary) == []


def test_a_bodys_page_tells_its_own_and_its_we_figures_in_one_voice(shared_desk):
    """An appeal "A message from the Harrowgate Abbey Trust": "A gift of 34 crowns …, and we will send you a
    postcard" is the trust's, "A gift of 250 crowns puts your name in the book" the page's own; one voice,
    two gifts, no dispute (before: the trust and the page were set against each other)."""
    page = make_article(
        "page",
        "Ways to help the abbey\n12 March 2026\nA message from the Harrowgate Abbey Trust\n\n"
        "A gift of 34 crowns sponsors one new slate, and we will send you a postcard by way of thanks.\n"
        "A gift of 250 crowns puts your name in the book of benefactors.\n",
    )
    claims = article_claims(page)
    assert {c.value for c in claims} == {"34 crowns", "250 crowns"}
    assert find_disagreements(claims, shared_desk.vocabulary) == []


def test_a_question_about_a_province_gets_no_dispute_over_the_country(shared_desk):
    """ "How many suspected cholera cases have been recorded in Ashvale province?" is not answered by the
    ministry's count for the whole country, though it is the one dispute over cholera cases (before: it was
    attached as the one dispute over the noun asked about)."""
    counted = [
        claim(doc, value, noun="cholera case", source="health ministry", date=day, places=["Drevia"])
        for doc, value, day in [("a", 214, "2026-03-02"), ("b", 287, "2026-03-05")]
    ]
    died = [  # the province is one the story names
        claim(doc, value, event="die", source=source, date="2026-03-05", places=["Ashvale"])
        for doc, value, source in [("c", 17, "governor"), ("d", 46, "clinic")]
    ]
    found = find_disagreements([*counted, *died], shared_desk.vocabulary)
    cases = [d for d in found if d.kind == "update"]
    assert kinds(found) == [("update", ["214", "287"]), ("conflict", ["17", "46"])]
    province = "How many suspected cholera cases have been recorded in Ashvale province?"
    assert attached(province, found, shared_desk.vocabulary) == []
    assert attached("How many cholera cases have been recorded?", found, shared_desk.vocabulary) == cases


def test_a_question_about_one_year_gets_no_dispute_over_the_next(shared_desk):
    """ "How many assaults on bus drivers were recorded in 2024?" is not about the 2025 dispute (before: a
    year next to the one asked about counted as the day next to it, "overnight")."""
    assaults = [
        claim(doc, value, noun="assault", event="record", source=source, date="2025")
        for doc, value, source in [("a", 412, "union"), ("b", 287, "transport authority")]
    ]
    found = find_disagreements(assaults, shared_desk.vocabulary)
    assert kinds(found) == [("conflict", ["412", "287"])]
    assert (
        attached("How many assaults on bus drivers were recorded in 2024?", found, shared_desk.vocabulary)
        == []
    )
    assert (
        attached("How many assaults on bus drivers were recorded in 2025?", found, shared_desk.vocabulary)
        == found
    )


def test_a_count_kept_by_any_counting_verb_is_one_count():
    """The council "recorded 1,184 fly-tipping incidents" in 2025, the union's members "logged 1,746" and
    its branch "counted 1,746": one count of incidents, disputed (before: each verb made its own group). A
    noun that names an event keeps its own ("counts 640 excess deaths" is no count of deaths recorded), and
    "registered" stays what new donors did themselves."""
    incidents = [
        claim("a", 1184, noun="incident", event="record", source="the council", date="2025"),
        claim("b", 1746, noun="incident", event="log", source="the farmers' union", date="2025"),
        claim("c", 1746, noun="incident", event="count", source="the farmers' union", date="2025"),
    ]
    [conflict] = find_disagreements(incidents, NO_EMBEDDINGS)
    assert conflict.kind == "conflict" and {c.value for c in conflict.claims} == {"1,184", "1,746"}
    donors = [
        claim("a", 4800, noun="donor", event="register", source="the blood service", date="2026-02-10"),
        claim("b", 5200, noun="donor", event="record", source="the health ministry", date="2026-02-10"),
    ]
    assert find_disagreements(donors, NO_EMBEDDINGS) == []


def test_nationwide_is_the_one_place_a_figure_names_beside_it_unless_that_place_is_a_province():
    """ "Nationally, … 412 people were hurt … across Calveria": with no place told inside another, Calveria
    is the whole country, so the trust's 412 there and the insurers' 276 nationwide dispute one count
    (before: three groups). A place called a province ("the highland province of Upper Tolvane") is none."""
    hurt = [
        claim("a", 412, event="hurt", places=["Calveria"], source="the trust", date="2025"),
        claim("b", 412, event="hurt", places=["Calveria", WHOLE_COUNTRY], source="the trust", date="2025"),
        claim("c", 276, event="hurt", places=[WHOLE_COUNTRY], source="the insurers", date="2025"),
    ]
    assert len(group_claims(hurt, NO_EMBEDDINGS)) == 1
    assert kinds(find_disagreements(hurt, NO_EMBEDDINGS)) == [("conflict", ["412", "412", "276"])]
    province = hurt[0].model_copy(
        update={"quote": "412 people were hurt in the highland province of Calveria."}
    )
    assert len(group_claims([province, *hurt[1:]], NO_EMBEDDINGS)) == 3


def test_what_two_sources_say_will_be_is_disputed_whenever_each_said_it():
    """ "just 23 towns will be left without a branch" (the bank, 26 February) and "41 towns will be left
    without a branch" (a consumer group, 11 March): a forecast is no count that rose between reports
    (before: nothing, the later figure higher and two weeks on). Counts that have happened, two weeks
    apart, still rose. And "Our analysis shows" with no issuer named is each document's own voice, not one
    source over time (before: an update, "Our analysis" in both)."""
    forecasts = disputed(
        "Our analysis shows that just 23 towns will be left without a branch of any bank.",
        "Our analysis shows that 41 towns will be left without a branch of any bank.",
        NO_EMBEDDINGS,
        ("2026-02-26", "2026-03-11"),
    )
    assert kinds(forecasts) == [("conflict", ["23", "41"])]
    happened = disputed(
        "The bank says 23 towns have been left without a branch of any bank.",
        "Fair Money says 41 towns have been left without a branch of any bank.",
        NO_EMBEDDINGS,
        ("2026-02-26", "2026-03-11"),
    )
    assert happened == []


def test_no_noun_names_what_did_not_happen_and_a_question_of_one_kind_is_not_about_another(shared_desk):
    """ "7,560 licence applications" do not count "unlicensed homes" (before: the noun named the nearest
    event, "not license", and the applications joined the homes' dispute). "How many Lyme disease cases
    …?" is not about a dispute over "cases of tick-borne encephalitis" (before: the same head, "case")."""
    claims = parsed(
        {
            "a": "The council believes about 1,840 homes are unlicensed.",
            "b": "The union says 2,600 homes are unlicensed.",
            "c": "The council has received 7,560 licence applications.",
        }
    )
    [found] = find_disagreements(claims, shared_desk.vocabulary)
    assert sorted(c.value for c in found.claims) == ["1,840", "2,600"]
    tbe = find_disagreements(
        parsed(
            {
                "a": "The directorate says there were 38 cases of tick-borne encephalitis in 2025.",
                "b": "Dr Tannery estimates there were 57 cases of tick-borne encephalitis in 2025.",
            }
        ),
        shared_desk.vocabulary,
    )
    assert kinds(tbe) == [("conflict", ["38", "57"])]
    asked = question_frame("How many Lyme disease cases were there in the Harrowdale Uplands in 2025?")
    assert about_question(asked, tbe, shared_desk.vocabulary) == []
