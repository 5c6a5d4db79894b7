"""Claim frames: what a figure counts, where, when and by whose account, read off the parse.

Most sentences here are made up in the style of wire copy about stories the code has never seen (the
seed story only appears at the end), so a rule that only knows the seeds fails them."""

from __future__ import annotations

import pytest

from service.articles import make_article
from service.asked import question_frame
from service.claims import FRAMES_VERSION, article_claims, extract_claims
from service.clauses import WHOLE_COUNTRY
from service.disagreements import is_background
from service.figures import interval, with_units
from service.models import Claim, Passage
from service.nlp import parse_one, resolve_date

from .conftest import SEEDS


def passage(sentence: str, doc_id: str = "doc", start: int = 0) -> Passage:
    return Passage(n=1, doc_id=doc_id, title=doc_id, start=start, end=start + len(sentence), quote=sentence)


def claims_of(sentence: str, published: str | None = None, doc_id: str = "doc") -> list[Claim]:
    return extract_claims([passage(sentence, doc_id)], published)


def dates_of(sentence: str, published: str) -> dict[str, str | None]:
    """Each figure of a sentence and the day (or year) it holds for."""
    return {c.value: c.date for c in claims_of(sentence, published)}


def claims_in_a_row(first: str, second: str, published: str | None = None) -> list[Claim]:
    """The claims of two sentences in a row of one document (the second may borrow from the first)."""
    after = passage(second, start=len(first) + 1).model_copy(update={"n": 2})
    return extract_claims([passage(first), after], published)


def frame(claim: Claim) -> tuple:
    return (claim.value, claim.qualifier, claim.noun, claim.event, claim.places, claim.source)


# (sentence, [(value, qualifier, noun, event, places, source), ...])
FRAMES = [
    (
        "At least 212 people died in Marrowby, the regional health ministry said.",
        [("212", "at least", "people", "die", ["Marrowby"], "regional health ministry")],
    ),
    (
        "The number of people who died in Portville has risen to 2,400, according to the Red Cross.",
        [("2,400", None, "people", "die", ["Portville"], "Red Cross")],
    ),
    (
        "Another 900 were still missing in Portville, the mayor told reporters.",
        [("900", None, None, "missing", ["Portville"], "mayor")],
    ),
    (
        "Nationwide, 415 people have lost their lives in the floods, the interior ministry said.",
        [("415", None, "people", "die", ["the whole country"], "interior ministry")],
    ),
    (
        "The death toll in Haldmark province climbed to 731, officials said.",
        [("731", None, None, "death", ["Haldmark"], "officials")],
    ),
    (
        "Between 20,000 and 24,000 people in Haldmark are homeless, the Relief Society said.",
        [("20,000–24,000", None, "people", "homeless", ["Haldmark"], "Relief Society")],
    ),
    (
        "Police said 14 workers were killed and 9 others remain missing inside the storage hall.",
        [("14", None, "worker", "kill", [], "Police"), ("9", None, "other", "missing", [], "Police")],
    ),
    (
        "Governor Ines Castrell said 60,000 people had been left homeless in the province.",
        [("60,000", None, "people", "homeless", [], "Ines Castrell")],
    ),
    (  # the parser makes "missing" the sentence's verb; it is still the workers' state
        "Families of the 9 workers still missing have asked to be included in the inquiry.",
        [("9", None, "worker", "missing", [], None)],
    ),
    # fact boxes and live blogs: the label says what is counted, a parenthesis who says so
    (
        "Injured: 63 (Upper Marren Regional Health Authority)",
        [("63", None, None, "injure", [], "Upper Marren Regional Health Authority")],  # as "were injured"
    ),
    ("Missing: 41", [("41", None, None, "missing", [], None)]),
    ("Current workforce: 31,000", [("31,000", None, "workforce", None, [], None)]),
    ("Lorne Bay plant: 350 jobs (company figure)", [("350", None, "job", None, [], "company")]),
    (  # times of day are no figures; "according to" on the figure is its own source
        "13:40 — Crowd at the square: about 20,000 according to police, 150,000 according to organisers",
        [
            ("20,000", "about", "crowd", None, [], "police"),
            ("150,000", None, "crowd", None, [], "organisers"),
        ],
    ),
    (  # a place that only qualifies the source is not the source
        "Haldora's regional health authority said 97 people had been injured.",
        [("97", None, "people", "injure", [], "Haldora regional health authority")],
    ),
    (
        "A Torvane spokesman said 620 workers would be laid off.",
        [("620", None, "worker", "lay off", [], "Torvane spokesman")],
    ),
    # "the data of", "its figure of" N people count the people ("a town of 38,000 people" measures the town)
    (
        "The regulator says the data of 3.8 million people was taken in the breach.",
        [("3.8 million", None, "people", "take", [], "regulator")],
    ),
    (
        "The regulator says 3.8 million people had their data stolen.",
        [("3.8 million", None, "people", "steal", [], "regulator")],
    ),
    (
        "The agency stands by its figure of 64 people on board.",
        [("64", None, "people", "aboard", [], "agency")],
    ),
    (
        "Kessaro, a market town of about 38,000 people, lies east.",
        [("38,000", "about", "market town", None, [], None)],
    ),
    # a wire dateline is no subject: without blanking it the parser hangs "64 people" on "MIROVAC"
    (
        "MIROVAC (DNA) - At least 64 people fell ill after a wedding, the Health Ministry said on Sunday.",
        [("64", "at least", "people", "ill", [], "Health Ministry")],
    ),
    # what a passive reporting verb reports is no source; who reports it is
    (
        "The commission said irregularities had been confirmed at 37 polling stations.",
        [("37", None, "polling station", "with irregularity", [], "commission")],
    ),
    (
        "The commission also repeated that irregularities had been confirmed at 37 polling stations.",
        [("37", None, "polling station", "with irregularity", [], "commission")],
    ),
    # the new total a count was brought to is a claim; what it grew by is not
    (
        "Another 13 bodies have been recovered since dawn, bringing the death toll to 19.",
        [("19", None, None, "death", [], None)],
    ),
    (
        "Rescuers recovered 13 bodies on Tuesday, raising the death toll to 19, the coast guard said.",
        [("19", None, None, "death", [], "coast guard")],
    ),
    # what a place has is there; what an organisation has is not placed
    (
        "Pellandria has 4,300 state schools.",
        [("4,300", None, "state school", "have", ["Pellandria"], None)],
    ),
    # what a source puts a measure at is what happened to it; who puts it there says so
    (
        "Tarrant-Vey has put the release at about 3 tonnes, citing inventory records.",
        [("3", "about", "tonne", "release", [], "Tarrant-Vey")],
    ),
    ("Police put the death toll at 48 people.", [("48", None, "people", "death", [], "Police")]),
    # "at N" that the parser hangs on what is counted still values the number put at it
    (
        "Kellmark's data protection authority has put the number of people affected at 3.8 million.",
        [("3.8 million", None, "people", "affect", [], "Kellmark data protection authority")],
    ),
    (  # and what was done to "customers whose data was stolen" is what happened to them
        "Norvaline Telecom put the number of customers whose personal data was stolen at 1.6 million.",
        [("1.6 million", None, "customer", "steal", [], "Norvaline Telecom")],
    ),
    (  # the tagger calls this 21 a date
        "The Drusen Regional Health Service has put the number of injured at 21, because it also counts "
        "people hurt in the crush.",
        [("21", None, None, "injure", [], "Drusen Regional Health Service")],
    ),
    (  # the compound says what a toll counts, a participle only how sure it is
        "Rescuers in Valstria have recovered two more bodies from a collapsed coal mine, bringing the "
        "confirmed death toll to nine.",
        [("9", None, None, "death", [], None)],
    ),
    (
        "Police said 24,000 people are taking part in the march.",
        [("24,000", None, "people", "take part", [], "Police")],
    ),
    (
        "Officials said 41 people remained in hospital.",
        [("41", None, "people", "in hospital", [], "Officials")],
    ),
    # places counted by what was found there
    (
        "Observers recorded serious irregularities at 212 polling stations, Ballot Watch said.",
        [("212", None, "polling station", "with irregularity", [], "Ballot Watch")],
    ),
    # what was done to what a group owns was done to the group; a dateline's blanks are no part of a name
    (
        "VESSANY (KNA) - Norvaline Telecom said on Tuesday that hackers had stolen the personal details of "
        "about 900,000 customers.",
        [("900,000", "about", "customer", "steal detail", [], "Norvaline Telecom")],
    ),
    # a coordinated object is done by the same verb, and its sibling object is not part of the event
    (
        "The Civic Union won 534,100 votes, or 52.3 percent, and 41 of the 75 seats, the commission said.",
        [
            ("534,100", None, "vote", "win", [], "commission"),
            ("41", None, "seat", "win", [], "commission"),
            ("75", None, "seat", None, [], "commission"),
        ],
    ),
    (
        "Rescuers pulled out 131 people and 19 bodies.",
        [("131", None, "people", "pull out", [], None), ("19", None, "body", "pull out", [], None)],
    ),
    # taken somewhere is an event, even by a verb that also reports ("admitted that …")
    (
        "Dr. Emil Sardo said 58 people had been admitted to the hospital since Saturday.",
        [("58", None, "people", "admit to hospital", [], "Emil Sardo")],
    ),
]


@pytest.mark.parametrize(("sentence", "expected"), FRAMES)
def test_frames_of_made_up_news_sentences(sentence, expected):
    assert [frame(c) for c in claims_of(sentence)] == expected


def test_a_place_inside_another_is_recorded_and_the_agent_is_no_place():
    [claim] = claims_of("Veldaria sent 300 rescuers to the city of Portville.")
    assert claim.noun == "rescuer" and claim.places == ["Portville"]  # not Veldaria, the sender
    [nested] = claims_of("The storm killed 40 people in Norrevia's Haldmark province.")
    assert ("Norrevia", "Haldmark") in nested.containers
    assert nested.places[0] == "Haldmark"


def test_a_date_in_the_sentence_is_resolved_against_the_published_date():
    [claim] = claims_of("On Tuesday the ministry said 340 people had died.", published="2026-03-05")
    assert claim.date == "2026-03-03" and claim.date_stated
    [plain] = claims_of("The ministry said 340 people had died.", published="2026-03-05")
    assert plain.date == "2026-03-05" and not plain.date_stated
    [history] = claims_of("The 2011 floods, which killed 1,300 people, were the worst.", "2026-03-05")
    assert history.date == "2011" and history.date_stated


@pytest.mark.parametrize(
    ("sentence", "date"),
    [  # the event that is the clause's subject, or that a relative clause hangs on, dates the figure
        ("The 2009 crash at Tarrow Junction killed 31 people.", "2009"),
        ("Vesland's worst rail accident, at Holm Crossing in 1987, killed 22 people.", "1987"),
        (
            "It is the worst accident since the 2009 collision at Tarrow Junction, in which 31 people died.",
            "2009",
        ),
        ("They compared it with the protests of 2024, when about 70,000 people marched.", "2024"),
        ("Hestia cut 2,000 jobs last year after a fall in orders.", "2025"),
        ("Sunday's earthquake killed 300 people, officials said on Tuesday.", "2026-03-01"),
        ("In 1998 the ferry caught fire and sank off the coast, killing 412 people.", "1998"),
        (  # the phrase a relative clause hangs on is the tram's, the date the derailment's
            "The last accident was the 2011 derailment of a tram at Farrow Bridge, in which 12 were hurt.",
            "2011",
        ),
        (  # the date is on the verb the object's verb completes
            "In 2011 he was among the first to reach the tram at Farrow Bridge, where 12 people were hurt.",
            "2011",
        ),
    ],
)
def test_the_event_a_figure_belongs_to_dates_it(sentence, date):
    [claim] = claims_of(sentence, published="2026-03-05")
    assert (claim.date, claim.date_stated) == (date, True)


def test_a_clause_joined_to_another_shares_the_date_of_their_subject():
    """ "killed 41" has no subject of its own: the 2019 outbreak's, that "infected" has, dates it too (the
    cholera pack's earlier outbreak had joined this year's deaths)."""
    sentence = "The last outbreak, in Halde in 2019, infected about 2,000 people and killed 41, records show."
    claims = claims_of(sentence, published="2026-05-12")
    assert [(c.value, c.date, c.date_stated) for c in claims] == [
        ("2,000", "2019", True),
        ("41", "2019", True),
    ]
    [now] = claims_of("The outbreak has infected about 2,000 people and killed 41.", published="2026-05-12")[
        1:
    ]
    assert now.date == "2026-05-12" and not now.date_stated


@pytest.mark.parametrize(
    ("sentence", "date"),
    [  # a year-only point in time; the event a "when" clause or a result participle belongs to
        ("The heatwave revived memories of the summer of 2011, when about 1,300 people died.", "2011"),
        ("It is the deadliest collapse since 2019, when 27 people were killed in Marrowby.", "2019"),
        ("When the tower in Marrowby collapsed in 2019, killing 27 people, an inquiry followed.", "2019"),
        (  # the parser reads "works" as the when clause's verb and hangs "killed" on "is"
            "The spill is the most serious on the coast since 2019, when an overflow at the company's Orrin "
            "Head works, about 35 kilometres to the west, killed an estimated 900 fish.",
            "2019",
        ),
        (  # likewise: "killed" is hung on "works" with no subject of its own
            "The last comparable spill on the coast, at the company's Orrin Head works in 2019, killed about "
            "900 fish.",
            "2019",
        ),
    ],
)
def test_an_earlier_event_named_by_its_year_dates_its_figure(sentence, date):
    [claim] = claims_of(sentence, published="2026-03-05")
    assert (claim.date, claim.date_stated) == (date, True)


def test_a_time_of_a_named_day_dates_its_figure():
    sentence = "The ministry first confirmed 12 deaths late on Saturday night, then 17 on Sunday."
    [claim] = claims_of(sentence, published="2026-03-16")  # "Saturday night" is a TIME to the tagger
    assert (claim.value, claim.date, claim.date_stated) == ("12", "2026-03-14", True)


@pytest.mark.parametrize(
    ("sentence", "source", "date"),
    [  # the clause before a colon reports what follows it, however the parser hangs the two together
        (
            "On Thursday the Health Authority gave its final figure: 37 people were treated.",
            "Health Authority",
            "2026-01-22",
        ),
        (
            "The ministry released its latest figures on Monday: 40 people were killed.",
            "ministry",
            "2026-01-19",
        ),
        ("The police said on Friday: 12 people were arrested.", "police", "2026-01-23"),
    ],
)
def test_a_report_before_a_colon_gives_the_source_and_date_of_what_follows(sentence, source, date):
    [claim] = claims_of(sentence, published="2026-01-25")
    assert (claim.source, claim.date, claim.date_stated) == (source, date, True)


def test_who_counted_a_group_says_so_where_a_measurement_was_made_does_not():
    [count] = claims_of("In total the ministry recorded 750 admissions in the five days to 13 November.")
    assert (count.source, count.places) == ("ministry", [])  # "13 November" is no place, tagged or not
    [reported] = claims_of("The ministry said hospitals recorded 40 admissions.")
    assert reported.source == "ministry"
    [rain] = claims_of("Brisna, in the valley below, recorded 96 millimetres of rain over two days.")
    assert (rain.unit, rain.source) == ("millimetres", None)


def test_a_concentration_is_a_measurement_and_what_it_holds_during_dates_it():
    sentence = (
        "The highest hourly reading during the smog of November 2025 was 298 micrograms per cubic metre."
    )
    [reading] = claims_of(sentence, published="2026-11-16")
    assert (reading.unit, reading.noun, reading.date) == ("micrograms per cubic metre", "reading", "2025-11")
    sentence = "The peak was 412 micrograms per cubic metre, recorded at the Tarnside station on Wednesday."
    assert [c.places for c in claims_of(sentence)] == [["Tarnside"]]  # a name on a place noun
    assert [c.places for c in claims_of("The ministry counted 40 deaths in the Ostrander report.")] == [[]]
    [nitrate] = claims_of("Nitrate levels reached 80 milligrams per litre in Brisna.")
    assert (nitrate.unit, nitrate.noun, nitrate.places) == ("milligrams per litre", "level", ["Brisna"])


def test_a_figure_set_after_a_bare_figure_word_borrows_what_the_one_before_counts():
    sentences = (
        "The operator said 147 passengers were on board. Police gave a higher figure, 158, shortly"
        " afterwards. The rescue service, which flew four helicopters, gives a third figure: 163."
    )
    frames = [(c.value, c.noun, c.event, c.source) for c in claims_of(sentences) if c.value != "4"]
    assert frames == [
        ("147", "passenger", None, "operator"),
        ("158", "passenger", None, "Police"),
        ("163", "passenger", None, "rescue service"),
    ]
    [fine] = claims_of("Kelmont, which faces a maximum fine of 2 million valds, has said it is cooperating.")
    assert fine.source is None  # the figure is in the subject of "said", not said by it


def test_a_hyphenated_noun_is_counted_whole_however_the_parser_hangs_the_figure():
    sentence = "The health board said on Tuesday that 46 festival-goers had been admitted to hospital."
    assert [c.noun for c in claims_of(sentence)] == ["festival goer"]
    assert [c.noun for c in claims_of("Crews cleared a 35-kilometre stretch of the road.")] == ["stretch"]


def test_a_state_a_group_is_in_is_what_it_counts_where_it_is_is_not():
    """ "households in energy poverty" are not all the households; "passengers on board" are passengers."""
    frames = [(c.noun, c.event) for c in claims_of("312,000 households were in energy poverty.")]
    assert frames == [("household", "in poverty")]
    assert [(c.noun, c.event) for c in claims_of("40 passengers were on board.")] == [("passenger", None)]


def test_by_a_time_is_when_not_who():
    sentence = (
        "According to the Hollin Health Board, 44 people had been admitted to hospital by this morning."
    )
    assert [c.source for c in claims_of(sentence)] == ["Hollin Health Board"]


def test_a_tally_a_body_names_is_its_and_a_date_on_the_statement_dates_the_report():
    [tally] = claims_of("The police tally has risen to 91 people rescued.")
    assert tally.source == "police"
    [troops] = claims_of("The troop count stood at 1,000 troops.")
    assert troops.source is None  # what is counted, not who counts
    sentence = "Vellhorn Cableways said in a statement on Saturday evening that 147 passengers were aboard."
    [passengers] = claims_of(sentence, published="2026-04-12")
    assert (passengers.date, passengers.date_stated) == ("2026-04-11", True)


def test_what_a_relative_clause_without_its_object_did_to_the_noun_and_a_figure_told_by_another():
    for sentence in (
        "We were one of the 212 schools the Department of Education closed on Wednesday.",
        "We were one of the 212 schools that the department closed on Wednesday.",
    ):
        assert [(c.noun, c.event) for c in claims_of(sentence)] == [("school", "close")]
    [linked] = claims_of("The coroner has opened inquiries into four deaths connected to the festival.")
    assert (linked.noun, linked.event) == ("death", None)  # what links them is no event that befell them
    listed = (
        "Police said three people had died: a 19-year-old woman, a 22-year-old man and a 23-year-old man."
    )
    assert [c.event for c in claims_of(listed)] == ["die"]  # a list after a colon is no object
    sentence = "Officers have arrested 22 people, up from 19 when the festival closed."  # a time, no gap
    assert [(c.value, c.event) for c in claims_of(sentence)] == [("22", "arrest"), ("19", "arrest")]
    [across] = claims_of("The union says 287 schools are closed across Morvenholt.")  # ORG to the tagger
    assert across.places == ["Morvenholt"]
    sentence = "The union says 287 schools are closed across the city, not the 212 given by the government."
    frames = [(c.value, c.event, c.source) for c in claims_of(sentence)]
    assert frames == [("287", "close", "union"), ("212", "close", "government")]


def test_a_clause_before_a_colon_that_holds_a_figure_or_reports_nothing_is_no_source():
    [_, claim] = claims_of(
        "The agency counted 12 patients on Monday: 40 people were treated.", published="2026-01-25"
    )
    assert (claim.value, claim.source) == ("40", None)
    [claim] = claims_of("The agency was overwhelmed: 40 people were treated.", published="2026-01-25")
    assert (claim.source, claim.date_stated) == (None, False)


def test_a_year_ahead_is_a_plan_not_the_date_a_figure_holds():
    [claim] = claims_of("Torvane will cut 4,800 jobs by the end of 2027.", published="2026-06-02")
    assert (claim.date, claim.date_stated) == ("2026-06-02", False)


def test_a_place_a_where_clause_hangs_on_or_put_before_the_source_is_the_figures():
    [claim] = claims_of("In Marrowby, where 17 people died, there is no argument about the count.")
    assert claim.places == ["Marrowby"]
    [claim] = claims_of("In Teravia, the Ministry of Social Affairs said on Monday that 210 people had died.")
    assert (claim.places, claim.source) == (["Teravia"], "Ministry of Social Affairs")


def test_a_dispute_told_in_one_sentence_lends_the_first_figures_frame_to_the_second():
    sentence = "The landlord says 64 people were registered at the building, but the residents' association "
    [landlord, residents] = claims_of(sentence + "says as many as 95.")
    assert (landlord.event, landlord.source) == ("register", "landlord")
    assert (residents.value, residents.event, residents.source) == ("95", "register", "residents association")
    sentence = "Halvaren maintains that 9,000 litres escaped, while the agency puts the figure at 40,000."
    [company, agency] = claims_of(sentence)
    assert [(c.noun, c.event, c.source) for c in (company, agency)] == [
        ("litre", "escape", "Halvaren"),
        ("litre", "escape", "agency"),
    ]
    # one source listing two tallies lends nothing: each keeps its own event
    dead, injured = claims_of("Officials said 12 people died, while 40 others were injured.")
    assert (dead.event, injured.event) == ("die", "injure")


def test_what_an_event_leaves_the_group_without_is_part_of_it():
    [cut_off] = claims_of("About 8,000 households in Marrowby had been left without tap water.")
    [evacuated] = claims_of("The spokesman says 2,800 people have now left their homes.")
    assert (cut_off.event, evacuated.event) == ("leave without water", "leave home")


def test_a_hyphenated_cause_is_not_what_happened():
    [claim] = claims_of("The health authority says it has confirmed 6 heat-related deaths in the town.")
    assert (claim.noun, claim.event) == ("death", None)


def test_a_date_that_goes_with_another_figure_is_not_this_ones():
    sentence = "The authority said on Thursday that 97 people had been injured, up from 88 on Wednesday."
    claims = claims_of(sentence, published="2026-05-21")
    assert [(c.value, c.noun, c.event, c.date) for c in claims] == [
        ("97", "people", "injure", "2026-05-21"),
        ("88", "people", "injure", "2026-05-20"),  # the count before, on its own day
    ]


def test_partitives_keep_the_part_and_the_whole_apart():
    sentence = "At least 1,000 of an estimated 11,000 soldiers deployed there have been killed."
    part, whole = claims_of(sentence)
    assert (part.value, part.noun, part.event) == ("1,000", "soldier", "kill")
    assert (whole.value, whole.noun, whole.event) == ("11,000", "soldier", None)


def test_increments_are_dropped_unless_they_name_their_own_state():
    claims = claims_of("Around 10,000 troops have arrived, with another 5,000 expected to follow.")
    assert [c.value for c in claims] == ["10,000"]
    claims = claims_of("At least 280 people died in Marrowby, and another 400 remain missing.")
    assert [(c.value, c.event) for c in claims] == [("280", "die"), ("400", "missing")]
    assert claims_of("It will close the plant and cut a further 700 jobs.") == []  # 700 more cut


def test_a_part_of_a_figure_already_given_is_no_claim_and_lends_no_place():
    assert claims_of("Port Velsa remains the worst-hit city, with 17 of those deaths.") == []
    sentence = "Confirmed cases nationwide rose to 356 on Wednesday, the ministry said, 318 of them in Arne."
    [claim] = claims_of(sentence)
    assert (claim.value, claim.places) == ("356", ["the whole country"])


@pytest.mark.parametrize(
    "sentence",
    [
        "The dam was built in 1962 and rebuilt in 1998.",
        "The river rose 6.4 metres above normal within 48 hours.",
        "The toll could rise to 5,000, the mayor warned.",
        "The river level fell by 2 metres overnight.",
        "The quake, of magnitude 6.8, struck 14 km south of the city.",
        "Read more at news18.com or follow @wire24 for updates from June 18.",
        "The InterCity 417 left Kestvarn at 6:15 a.m. and was due at 9.40 p.m.",  # a name, times
        "The tank, which has a capacity of 50,000 litres, was nearly full.",
        "The club opened the 41,000-capacity arena in 1998.",
        "Police have stood by their estimate of about 20,000.",  # an estimate of what, it does not say
        "It will cut 6,200 jobs, 1,400 more than it announced.",  # 6,200 is a claim, 1,400 a change
        "Police say 112 were held, including 67 on Sunday.",  # 67 is part of the 112
    ][:-2],
)
def test_years_measures_forecasts_and_changes_are_not_claims(sentence):
    assert claims_of(sentence) == []


def test_a_difference_and_a_part_are_not_claims_of_their_own():
    [cut] = claims_of("It will cut 6,200 jobs, 1,400 more than it announced.")
    assert (cut.value, cut.noun, cut.event) == ("6,200", "job", "cut")
    [held] = claims_of("Police say 112 people were held, including 67 on Sunday.")
    assert held.value == "112"


def test_question_frames():
    asked = question_frame("How many people died in Marrowby?")
    assert (asked.noun, asked.event, asked.places, asked.generic) == ("people", "die", ["Marrowby"], True)
    toll = question_frame("What is the latest death toll?")
    assert (toll.noun, toll.event) == (None, "death")
    history = question_frame("How many people died in the 2011 floods?")
    assert history.date == "2011"
    assert question_frame("Who is the mayor of Marrowby?") is None


def test_every_claim_of_an_article_quotes_its_sentence_exactly():
    text = (SEEDS / "004_45d41598b81b07a6.txt").read_text(encoding="utf-8")
    article = make_article("004_45d41598b81b07a6", text)
    claims = article_claims(article)
    assert len(claims) >= 10
    for claim in claims:
        assert claim.quote == text[claim.start : claim.end]
        assert claim.published == article.published
    assert FRAMES_VERSION >= 1


def test_seed_frames():
    """The seed story through the same rules: who says so comes from the parse, not a source list."""
    shoigu = (
        "“Chairman of the State Affairs of the DPRK Kim Jong Un has decided to send 1,000 sappers to Russia "
        "to clear mines on Russian territory, as well as 5,000 military construction workers to restore "
        "infrastructure destroyed by the occupiers,” said Russian Security Council Secretary Sergey Shoigu."
    )
    sappers, builders = claims_of(shoigu)
    assert (sappers.value, sappers.noun, sappers.places, sappers.source) == (
        "1,000",
        "sapper",
        ["Russia"],
        "Sergey Shoigu",
    )
    assert (builders.value, builders.noun) == ("5,000", "construction worker")
    troops = (
        "South Korea’s National Intelligence Service (NIS) has revealed that since September, North Korea "
        "has deployed around 10,000 troops to Russia, with another 5,000 expected to follow soon."
    )
    [claim] = claims_of(troops)
    assert (claim.value, claim.qualifier, claim.noun, claim.places, claim.source) == (
        "10,000",
        "around",
        "troop",
        ["Russia"],
        "NIS",
    )
    assert (claim.low, claim.high) == (9500, 10500)


@pytest.mark.parametrize(
    ("low", "high", "qualifier", "expected"),
    [
        (10_000, 10_000, None, (10_000, 10_000)),
        (10_000, 10_000, "about", (9_500, 10_500)),
        (10_000, 10_000, "nearly", (9_000, 10_000)),
        (10_000, 10_000, "over", (10_000, 12_500)),
        (10_000, 10_000, "as high as", (7_500, 10_000)),
        (4_000, 6_000, "estimated", (4_000, 6_000)),
    ],
)
def test_qualifier_intervals(low, high, qualifier, expected):
    assert interval(low, high, qualifier) == expected


@pytest.mark.parametrize(
    ("qualifier", "expected"),
    [
        ("no more than", (7_500, 10_000)),  # not "more than"
        ("no fewer than", (10_000, 12_500)),  # not "fewer than"
        ("in excess of", (10_000, 12_500)),
        ("close to", (9_000, 10_000)),
    ],
)
def test_a_negated_or_roundabout_qualifier_bounds_the_figure_the_way_it_means(qualifier, expected):
    [claim] = claims_of(f"The traders say the harvest will reach {qualifier} 10,000 tonnes.")
    assert (claim.qualifier, (claim.low, claim.high)) == (qualifier, expected)


# --- numbers written in words -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Three people were killed in Marrowby, police said.", [("3", "people", "kill")]),
        ("Forty miners have been rescued alive since Tuesday.", [("40", "miner", "alive")]),
        ("Seventy-six passengers were injured in the crash.", [("76", "passenger", "injure")]),
        ("Between five and seven people died, officials said.", [("5–7", "people", "die")]),
    ],
)
def test_numbers_news_spells_out_are_figures(sentence, expected):
    assert [(c.value, c.noun, c.event) for c in claims_of(sentence)] == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "Rescuers recovered four more bodies overnight.",  # what a running count grew by
        "Officials confirmed three further deaths on Sunday.",
        "The agency deployed two helicopters to the city.",  # a detail of the scene: no event
        "Salo and his two sons reached the wreckage first.",
        "The gap between the two attendance figures is at the heart of the inquiry.",  # figures, not fans
        "I think two-thirds have died.",  # a fraction
        "One person died in the fire.",  # "one" is left out: mostly a pronoun
        "A six-year-old girl was among the injured.",
    ],
)
def test_spelled_numbers_that_count_nothing_at_stake_are_not_claims(sentence):
    assert claims_of(sentence) == []


def test_what_a_count_grew_by_told_as_its_cause_is_no_claim():
    claims = claims_of("The death toll rose to 14 after two passengers died in hospital, police said.")
    assert [c.value for c in claims] == ["14"]


def test_a_part_given_by_of_whom_is_no_claim_of_its_own():
    claims = claims_of("Police said 17 officers had been injured, three of whom were taken to hospital.")
    assert [c.value for c in claims] == ["17"]


def test_a_where_clause_on_a_place_of_several_words_places_its_figure():
    [claim] = claims_of("In Port Velana, where 17 people died, there is no argument about the count.")
    assert claim.places == ["Port Velana"]


# (sentence, (noun, event)): where a group is and what it is among are what it counts ("people aboard";
# a noun that says what the group is needs no place: "passengers aboard" are the passengers)
PRESENCE_AND_AMONG = [
    ("Port officials said 212 people had been on board the Merrow Star.", ("people", "aboard")),
    ("The airline said 96 passengers were aboard the aircraft.", ("passenger", None)),  # as "96 passengers"
    ("The company's manifest listed 38 passengers, a spokeswoman said.", ("passenger", None)),  # a report
    ("The operator puts the number of people on board at 140.", ("people", "aboard")),
    ("Rescuers said 57 people were on the ferry when it listed.", ("people", "on ferry")),
    ("About 40 people were in hospital on Monday, the health board said.", ("people", "in hospital")),
    ("The fire service said four firefighters were among the injured.", ("firefighter", "injured")),
    ("Officials say eight students are among those missing.", ("student", "missing")),
    ("Some 3,000 soldiers are in Norrevia, the ministry said.", ("soldier", None)),  # a named place: where
    ("Firefighters said more than 400 people were inside the hotel.", ("people", "in hotel")),  # = "in"
    ("Two teachers were among the passengers, the school said.", None),  # a set of people, not a state
    # where those a participle describes are now: "injured" is their kind (the tram pack's eight)
    ("The trust said eight people injured in the crash were still in hospital.", ("people", "in hospital")),
    ("The trust said eight people injured in the crash were elderly.", ("people", "injure")),
    # what a group is left without, as where it is (the camp fire pack's people without shelter)
    ("Officials said 7,300 people were still without shelter.", ("people", "without shelter")),
    ("Officials said 7,300 people without shelter slept outside.", ("people", "sleep")),
    ("About 41,500 customers were without power.", ("customer", None)),  # as "49 passengers on board"
]


@pytest.mark.parametrize(("sentence", "expected"), PRESENCE_AND_AMONG)
def test_where_a_group_is_and_what_it_is_among_are_its_event(sentence, expected):
    found = [(c.noun, c.event) for c in claims_of(sentence)]
    assert found == ([expected] if expected else [])


def test_a_question_about_those_aboard_and_a_partitive_question_are_framed():
    aboard = question_frame("How many people were on board the Merrow Star when it sank?")
    assert (aboard.noun, aboard.event) == ("people", "aboard")
    flight = question_frame("How many people were on board Flight HV 318?")  # "board" a word of the name
    assert (flight.noun, flight.event) == ("people", "aboard")
    owed = question_frame("How much will Norvane Air have to pay in compensation?")  # what it must do
    assert (owed.noun, owed.event) == (None, "pay")
    part = question_frame("How many of the job cuts are in Aldermark?")
    assert part.noun == "job cut"
    # a part of a group named by its state: where the part is now (the tram pack)
    still_in = question_frame("How many of the injured were still in hospital on 12 March?")
    assert (still_in.noun, still_in.event) == (None, "in hospital")
    raised = question_frame("How much had the appeal raised by 16 June?")  # no part: "much" is no group
    assert raised.event == "raise"


def test_a_part_counted_into_a_figure_is_no_claim_and_the_sources_place_is_not_the_figures():
    told = "Police in the Tamsen region have put the death toll at 11, counting two airport workers killed."
    assert [frame(c) for c in claims_of(told)] == [("11", None, None, "death", [], "Police")]
    because = "The regional police say 11 died, because they include two airport workers killed on the road."
    assert [c.value for c in claims_of(because)] == ["11"]


# (sentence, [(value, what it is a share of, event, places, source)]): a percentage is a claim about what
# its sentence says it is a share of, never a count
SHARES = [
    (
        "The Regional Electoral Commission said turnout had reached 61.4 percent.",
        [("61.4%", "turnout", None, [], "Regional Electoral Commission")],
    ),
    ("The commission put turnout at 61.4 percent.", [("61.4%", "turnout", None, [], "commission")]),
    (
        "11:10 - Damaro confirms final turnout at 61.4 percent.",  # a live blog's time is no part of a name
        [("61.4%", "turnout", None, [], "Damaro")],
    ),
    (
        "Ballot Watch director Mirela Oskan says the group stands by its turnout estimate of 55.2 percent.",
        [("55.2%", "turnout", None, [], "Mirela Oskan")],
    ),
    (
        "Unemployment rose to 7.3 per cent, the statistics office said.",
        [("7.3%", "unemployment", None, [], "statistics office")],
    ),
    (
        "About 40% of the homes in Brask were destroyed, the mayor said.",
        [("40%", "home", "destroy", ["Brask"], "mayor")],
    ),
    ("The Civic Union won 52.3 percent of the vote.", [("52.3%", "vote", "win", [], None)]),
    ("Hospitals are at 63% of capacity.", [("63%", "capacity", None, [], None)]),
]


@pytest.mark.parametrize(("sentence", "expected"), SHARES)
def test_a_percentage_is_a_share_of_what_its_sentence_names(sentence, expected):
    claims = claims_of(sentence)
    assert [(c.value, c.noun, c.event, c.places, c.source) for c in claims] == expected
    assert all(c.unit == "percent" for c in claims)


@pytest.mark.parametrize(
    "sentence",
    [
        "Shares in the company's parent fell 12% on Tuesday.",  # a change
        "Pump prices rose to 2.05 estrels, an increase of 38%, and diesel has gone up by 41%.",
        "The government, which owns 12% of Torvane, will not block the closure.",  # a stake in a name
        "Citizens' Ballot Watch says it was 55.2 percent.",  # the share of what, the sentence does not say
        "Turnout could reach 70 percent.",  # a forecast
    ],
)
def test_a_percentage_that_tells_a_change_or_names_no_whole_is_no_claim(sentence):
    assert claims_of(sentence) == []


def test_a_share_of_an_unnamed_total_leaves_the_count_beside_it_alone():
    claims = claims_of("She says 18,240 ballots were declared invalid, or about 1.8 percent of the total.")
    assert [(c.value, c.noun, c.unit) for c in claims] == [("18,240", "ballot", None)]


# (sentence, [(value, currency, what the sum is, event)]): a sum of money is a claim about what its
# sentence says it is, in its currency
SUMS = [
    (
        "The company will book a one-off charge of 520 million marks.",
        [("520 million marks", "mark", "charge", None)],
    ),
    (
        "The storm caused $1.5 billion in damage, insurers said.",
        [("$1.5 billion", "US dollars", "damage", None)],
    ),
    ("Insurers put the damage at $2 billion.", [("$2 billion", "US dollars", "damage", None)]),
    ("The government put the damage at 3.5 billion euros.", [("3.5 billion euros", "euros", "damage", None)]),
    ("The regulator imposed a $50 million fine on the bank.", [("$50 million", "US dollars", "fine", None)]),
    (
        "The company raised its estimate of restructuring costs to 690 million marks.",
        [("690 million marks", "mark", "restructuring cost", None)],
    ),
    (  # a saving per year, never a total
        "The restructuring will save 450 million marks a year.",
        [("450 million marks", "mark", None, "save a year")],
    ),
    ("The government pledged $4.5 million in aid.", [("$4.5 million", "US dollars", "aid", None)]),
    (  # a currency the tagger does not know as money
        "The city council announced an emergency fund of 2 million florins.",
        [("2 million florins", "florin", "emergency fund", None)],
    ),
]


@pytest.mark.parametrize(("sentence", "expected"), SUMS)
def test_a_sum_of_money_is_what_its_sentence_says_it_is(sentence, expected):
    assert [(c.value, c.unit, c.noun, c.event) for c in claims_of(sentence)] == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "Revenue rose by $5 million.",  # a change
        "Shares fell 3 million marks.",
        "The company stood by its estimate of $2 billion.",  # an estimate of what, the sentence does not say
    ],
)
def test_a_sum_that_tells_a_change_or_names_nothing_is_no_claim(sentence):
    assert claims_of(sentence) == []


MEASURES = [
    (
        "Police said the coach's tachograph recorded a speed of 94 kilometres per hour.",
        [("94 kilometres per hour", "kilometres per hour", "speed", None)],
    ),
    (
        "Winds of up to 150 km/h battered the coast.",
        [("150 kilometres per hour", "kilometres per hour", "wind", None)],
    ),
    ("A magnitude 7.3 earthquake struck on Monday.", [("magnitude 7.3", "magnitude", "earthquake", None)]),
    ("The 7.8-magnitude quake hit at dawn.", [("magnitude 7.8", "magnitude", "quake", None)]),
    ("The quake had a magnitude of 7.1, the USGS said.", [("magnitude 7.1", "magnitude", "quake", None)]),
    ("The agency put the magnitude at 6.8.", [("magnitude 6.8", "magnitude", "magnitude", None)]),
    ("The wave was 30 feet high.", [("30 feet", "feet", "wave", "high")]),
    (
        "The blaze had burned about 1,200 hectares of pine forest by Monday evening.",
        [("1,200 hectares", "hectares", None, "burn")],
    ),
    (
        "The fire has now burned through 3,800 hectares of the ridge.",
        [("3,800 hectares", "hectares", None, "burn")],
    ),
    (
        "The regional fire service put the burned area at 9,300 hectares.",  # as "burned 9,300 hectares"
        [("9,300 hectares", "hectares", None, "burn")],
    ),
]


@pytest.mark.parametrize(("sentence", "expected"), MEASURES)
def test_a_measurement_is_of_what_its_sentence_names_in_its_unit(sentence, expected):
    assert [(c.value, c.unit, c.noun, c.event) for c in claims_of(sentence)] == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "The flight from Varnholt, about 240 kilometres to the south, normally takes 50 minutes.",
        "The aircraft came to rest about 350 metres beyond the end of the runway.",
        "The river rose by about 1.5 metres overnight.",  # a change
    ],
)
def test_a_distance_that_measures_nothing_named_is_no_measurement(sentence):
    assert all(c.unit is None for c in claims_of(sentence))


def test_a_count_after_a_magnitude_stays_a_count():
    quake, dead = claims_of("A magnitude 7.3 quake struck, and 40 people were killed.")
    assert (quake.unit, quake.noun, dead.value, dead.unit, dead.event) == (
        "magnitude",
        "quake",
        "40",
        None,
        "kill",
    )


def test_a_size_is_no_kind_of_what_it_measures():
    (stretch,) = [c for c in claims_of("Launches will patrol a 35-kilometre stretch of the river.") if c.unit]
    assert (stretch.value, stretch.noun) == ("35 kilometres", "stretch")


def test_a_participle_the_parser_hangs_on_the_number_is_what_is_counted():
    (claim,) = claims_of("The number of people sickened stood at 187.")
    assert (claim.noun, claim.event) == ("people", "sicken")


@pytest.mark.parametrize(
    ("sentence", "date"),
    [
        # the clause a coordinated clause follows dates it
        ("In 2017, a coach came off the road near the pass, and 22 people were killed.", "2017"),
        # "one" is a pronoun, no figure the date could go with
        ("The pass has seen several crashes, including one in 2017 in which 22 people were killed.", "2017"),
        # a present-tense figure holds now, whenever its subject began
        ("The plant, which opened in 1958, employs 620 people.", "2026-03-04"),
        # what a relative clause tells of a noun of a dated verb is no later than that verb
        ("The regulator fined the bank in 2024 over a breach that affected 700,000 customers.", "2024"),
    ],
)
def test_the_date_of_a_figure_is_its_events(sentence, date):
    (claim,) = claims_of(sentence, published="2026-03-04")
    assert claim.date == date


def test_a_year_ahead_is_a_plan_and_a_verb_shares_its_coordinated_verbs_speaker():
    sentence = (
        "The company raised its estimate of restructuring costs to 690 million marks, from 520 million, "
        "and said annual savings would now reach 600 million marks from 2028."
    )
    *_, savings = claims_of(sentence, published="2026-06-23")
    assert (savings.noun, savings.source, savings.date, savings.date_stated) == (
        "saving",
        "company",
        "2026-06-23",
        False,
    )


def test_the_second_side_of_a_dispute_in_one_sentence_is_about_the_same_day():
    sentence = (
        "Police said 24,000 people joined last Wednesday's march in Corvane, while the union put the number "
        "at 65,000."
    )
    police, union = claims_of(sentence, published="2026-05-19")
    assert (police.date, union.date, union.event, union.source) == (
        "2026-05-13",
        "2026-05-13",
        "join march",
        "union",
    )


@pytest.mark.parametrize(
    "sentence, town, label",
    [
        ("The coalition said 40,000 people marched in Kalvasta on Saturday.", "Kalvasta", "ORG"),
        ("The coalition said 40,000 people marched in Orsenka on Saturday.", "Orsenka", "PERSON"),
    ],
)
def test_a_town_the_tagger_calls_an_organisation_or_a_person_is_a_place_after_in(sentence, town, label):
    from service.nlp import parse_one

    assert [e.label_ for e in parse_one(sentence).ents if e.text == town] == [label]  # what the tagger says
    assert [c.places for c in claims_of(sentence)] == [[town]]


def test_an_organisation_with_its_article_after_in_is_no_place():
    assert [c.places for c in claims_of("Analysts said 120 people were hurt in the Senate riot.")] == [[]]


@pytest.mark.parametrize(
    "sentence, places",
    [
        ("The group said it would cut 2,300 jobs worldwide.", ["the whole world"]),
        ("The group employs 31,000 people around the world.", ["the whole world"]),
        ("The company said 700 of the jobs would go abroad.", ["abroad"]),
        ("Nationwide, 415 people have lost their lives in the floods.", ["the whole country"]),
    ],
)
def test_worldwide_abroad_and_nationwide_are_a_figures_scope(sentence, places):
    assert [c.places for c in claims_of(sentence)] == [places]


def test_a_datelines_city_lies_in_its_region_for_every_claim_of_the_article():
    text = (
        "Storm cuts power\n\nSeptember 8, 2026\n\nHALDEN BAY, Ostmark — The storm left 9,000 households "
        "without power, the utility said.\n\nAbout 4,000 homes were flooded."
    )
    claims = article_claims(make_article("storm", text))
    assert [c.value for c in claims] == ["9,000", "4,000"]
    assert all(("Ostmark", "Halden Bay") in c.containers for c in claims)


def test_it_said_is_who_the_sentence_or_the_one_before_names():
    """ "It says 93 whales have now died" had no source, so a ministry's running count was no timeline."""
    text = (
        "Whales\n\nJune 10, 2026\n\nThe Ministry of Environment and Coasts has updated its figures. "
        "It says 93 whales have now died.\n\nThe ministry's toll has moved around. "
        "It reported 46 dead on Tuesday.\n\n"
        "Mayor Ylva Brennhoff spoke on Monday. She said 40 people had left.\n\n"
        "The charity said on Wednesday that 58 whales were refloated, up from the 30 it reported on Tuesday."
        "\n\nIt said 12 volunteers were hurt."
    )
    claims = article_claims(make_article("whales", text))
    assert [(c.value, c.source) for c in claims] == [
        ("93", "Ministry of Environment and Coasts"),
        ("46", "ministry"),
        ("40", "Ylva Brennhoff"),
        ("58", "charity"),
        ("30", "charity"),
        ("12", None),  # the paragraph before is another's
    ]


def test_words_someone_should_say_are_no_figure():
    assert (
        claims_of('Markhal: Then it should say "4,600 of our employees" and stop calling it the total.') == []
    )
    assert [c.value for c in claims_of("The company said it would cut 4,600 jobs.")] == ["4,600"]


def test_a_group_brought_somewhere_that_is_no_named_place_is_that_event():
    """ "came ashore" and "returned to the sea" were bare whales, one count; troops sent stay sent."""
    assert [c.event for c in claims_of("At least 212 whales came ashore on Monday night.")] == ["come ashore"]
    assert [c.event for c in claims_of("It said 58 whales had been returned to the sea.")] == [
        "return to sea"
    ]
    assert [c.event for c in claims_of("The army sent 10,000 troops to the front.")] == [None]


def test_a_when_clause_after_a_dated_event_has_its_date():
    told = "After the 2011 stranding, when 61 whales died at Maelstrand, the bill came to €95,000."
    [died] = [c for c in claims_of(told) if c.event == "die"]
    assert (died.date, died.date_stated) == ("2011", True)


def test_a_figure_per_year_or_per_day_is_a_rate():
    """ "€600,000 a year to run" had conflicted with a one-off €380,000 removal cost."""
    assert [c.event for c in claims_of("A report said one would cost about €600,000 a year to run.")] == [
        "cost a year"
    ]
    assert [c.event for c in claims_of("It estimates that each strike day has cost about €40 million.")] == [
        "cost a day"
    ]
    assert [c.event for c in claims_of("Police said 40 people died a day earlier.")] == ["die"]


def test_a_clause_before_a_semicolon_with_its_own_teller_is_not_the_next_clauses():
    [ministry, charity] = claims_of(
        "Ministry counts 174 whales stranded; Brennmark Marine Rescue says at least 212"
    )
    assert (ministry.source, charity.source) == ("Ministry", "Brennmark Marine Rescue")
    assert [c.source for c in claims_of("Some 40 people died; 12 are missing, police said.")] == [
        "police"
    ] * 2


def test_where_a_part_is_is_not_where_the_whole_is():
    """ "including a man detained at Dunmere Bridge", "most of them in Varnhill": the part's place; and
    "the east wing" names no place (the tagger made "east" a proper noun)."""
    [arrested] = claims_of(
        "Police said that seven people have now been arrested, including a man detained on Friday at "
        "Dunmere Bridge."
    )
    assert arrested.places == []
    [unreached] = claims_of(
        "By Thursday, the statistics office said, 38,500 households in the capital had not been reached "
        "by its enumerators, most of them in Varnhill."
    )
    assert (unreached.places, unreached.source) == ([], "statistics office")
    [guards] = claims_of("The minister said 12 guards were on duty in the east wing.")
    assert guards.places == []


def test_a_weight_with_decimals_is_counted_as_a_whole_weight_is():
    """ "2.1 tonnes of cocaine" was a measurement of nothing, so customs' 2.1 against the police's 3 tonnes
    was never seen."""
    assert [(c.value, c.noun) for c in claims_of("Customs seized 2.1 tonnes of cocaine.")] == [
        ("2.1", "tonne")
    ]
    assert [c.value for c in claims_of("Police say 3 tonnes of cocaine were seized.")] == ["3"]


def test_a_day_alone_is_that_days_count_and_to_date_is_no_destination():
    [alone] = claims_of("The commander said twelve boats had been detained on Wednesday and Thursday alone.")
    assert alone.event == "detain a day"
    assert [c.event for c in claims_of("The coastguard said it had detained 19 boats to date.")] == ["detain"]


def test_a_timelines_entry_is_the_day_it_names_and_a_year_earlier_is_the_year_before():
    [arrested] = claims_of(
        "June 8, 12:15: Commander Arvedal tells reporters four people have been arrested.", "2026-06-10"
    )
    assert (arrested.date, arrested.date_stated) == ("2026-06-08", True)
    [found] = claims_of(
        "The seizure exceeds the record set a year earlier, when officers found 1.4 tonnes of cocaine.",
        "2026-06-08",
    )
    assert (found.date, found.date_stated) == ("2025", True)


def test_a_capitalised_first_word_naming_what_befell_a_group_is_no_side():
    """The tagger reads a headline's "Cholera" as an organisation: a disease is what befell the dead, not
    whose they are ("Hamas fighters" are a side)."""
    [cholera] = claims_of("Cholera deaths climb to 24 in Kavessa's Tembure camp.")
    assert (cholera.noun, cholera.whose) == ("death", None)
    [fighters] = claims_of("Hamas fighters killed 12 soldiers on Monday.")
    assert fighters.whose == "by Hamas"


def test_a_named_place_that_says_where_an_unnamed_site_lies_is_not_the_figures_place():
    """ "died in a crowded camp in northern Kavessa": the deaths are the camp's, which lies in Kavessa, not
    a count for Kavessa; an event's place is still its own ("the 2011 gas explosion in Kavensund")."""
    [camp] = claims_of("At least 24 people have died in a crowded displacement camp in northern Kavessa.")
    assert camp.places == []
    [blast] = claims_of("Nine people were killed in the 2011 gas explosion in Kavensund.")
    assert blast.places == ["Kavensund"]


def test_whose_count_the_subject_is_says_who_gives_it():
    """ "The ministry's count … is unchanged at 174", "Its count …" (the sentence before names "it"), and a
    named person "of" a body speaks for the body; a place's toll has no teller."""
    text = (
        "Whales\n\nJune 10, 2026\n\nThe Ministry of Environment and Coasts has updated its figures. "
        "Its count of whales stranded is unchanged at 174.\n\n"
        "The ministry's count of whales refloated is unchanged at 58.\n\n"
        "Commander Tomas Arvedal of the National Police said 11 arrests had been made."
    )
    claims = article_claims(make_article("whales", text))
    assert [(c.value, c.source) for c in claims] == [
        ("174", "Ministry of Environment and Coasts"),
        ("58", "ministry"),
        ("11", "National Police"),
    ]
    assert [c.source for c in claims_of("Marrowby's death toll stood at 40.")] == [None]


def test_a_time_of_day_after_a_date_leaves_the_day():
    """ "June 10, 16:00" in an article of June 10 had been read as the June 10 before, in 2025."""
    [arrests] = claims_of("June 10, 16:00: Police put the number of arrests at 17 in total.", "2026-06-10")
    assert arrests.date == "2026-06-10"


def test_a_figure_after_and_counts_what_the_one_before_counts():
    """ "1,140 shelters destroyed and another 520 damaged": the 520 are shelters (they had been a count of
    nothing damaged, joined with the people injured)."""
    claims = claims_of("A damage survey had counted 1,140 shelters destroyed and another 520 damaged.")
    assert [(c.value, c.noun, c.event) for c in claims] == [
        ("1,140", "shelter", "destroy"),
        ("520", "shelter", "damage"),
    ]


def test_up_a_number_beside_a_total_is_the_change():
    assert [c.value for c in claims_of("Complaints reached 21,900, up 9,300 on the day before.")] == [
        "21,900"
    ]


def test_a_name_before_its_figure_is_who_gives_it_not_what_is_counted():
    """ "Hearthbridge at least 1,600" in a key-points line had counted Hearthbridges."""
    claims = claims_of("- Losses disputed: directorate says 1,140 destroyed, Hearthbridge at least 1,600")
    assert [c.noun for c in claims] == [None]


def test_the_injured_put_at_a_figure_are_those_injured():
    claims = claims_of(
        "- Health Ministry puts the injured at 212; Open Clinic Network says it has treated more than 300"
    )
    assert [(c.value, c.event, c.source) for c in claims] == [
        ("212", "injure", "Health Ministry"),
        ("300", "injure", "Open Clinic Network"),
    ]
    # each figure is the size of the object nearest before it (both had been the dead)
    claims = claims_of("Police put the dead at 40 and the missing at 12.")
    assert [(c.value, c.noun) for c in claims] == [("40", "dead"), ("12", "missing")]


@pytest.mark.parametrize(
    "sentence",
    [
        "Police put the number of dead at 40 and the number of missing at 12.",
        "Police put the number of dead at 40 and the number missing at 12.",
    ],
)
def test_the_second_number_put_at_a_figure_counts_its_own_state(sentence):
    """The 12 had been dropped: "of missing" is a gerund, and "the number missing" is parsed as a verb."""
    claims = claims_of(sentence)
    assert [c.value for c in claims] == ["40", "12"]
    assert claims[1].event == "missing" and claims[1].source == "Police"


def test_a_wire_datelines_day_is_no_region():
    """ "MERRAND, July 28 (LPA) -": the agency's day, not a region Merrand lies in."""
    text = (
        "Harvest\n\nJuly 28, 2026\n\nMERRAND, July 28 (LPA) - The ministry cut its forecast to 4.4 million "
        "tonnes.\n\nAbout 9,400 farms have applied for aid."
    )
    claims = article_claims(make_article("harvest", text))
    assert [c.value for c in claims] == ["4.4 million", "9,400"]
    assert all(not c.containers for c in claims)


def test_national_is_the_nation_of_whoever_gives_the_figure():
    """Another country's ministry's "national harvest" is that country's, not the story's."""
    (foreign,) = claims_of(
        "Vintara's Ministry of Rural Affairs forecast a national wheat harvest of 6.8 million tonnes."
    )
    assert foreign.places == ["Vintara"] and foreign.source == "Ministry of Rural Affairs"
    (own,) = claims_of("The ministry forecast a national wheat harvest of 4.4 million tonnes.")
    assert own.places == [WHOLE_COUNTRY] and own.source == "ministry"


def test_a_past_figure_of_a_paragraph_that_tells_of_years_before_is_of_then():
    """An encyclopedia's history of earlier fires: each paragraph's year dates its figures, unless a
    sentence says its figure holds now."""
    text = (
        "Draumhorn tunnel\n\n20 October 2026\n\nKalvenhorn tunnel (1998). A lorry caught fire in the "
        "Kalvenhorn tunnel on 9 March 1998. Eleven people died, including one firefighter.\n\n"
        "The fire broke out on 13 October 2026. 14 people died.\n\n"
        "The tunnel was built in 1981. It now carries 9,000 vehicles a day.\n\n"
        "The failure of Harlund Savings in 2019 hit 800,000 customers. A briefing note says close to "
        "2 million customers were affected."
    )
    claims = article_claims(make_article("tunnels", text))
    assert [(c.value, c.date) for c in claims] == [
        ("11", "1998-03-09"),
        ("14", "2026-10-20"),
        ("9,000", "2026-10-20"),
        ("800,000", "2019"),
        ("2 million", "2026-10-20"),
    ]


def test_that_day_is_the_day_the_sentence_before_names():
    text = (
        "Crossings\n\nMay 25, 2026\n\nThe busiest day came on Wednesday, May 20. "
        "Police said 2,140 people crossed at the bridge that day.\n\nOn Friday, 1,300 people crossed."
    )
    claims = article_claims(make_article("border", text))
    assert [(c.value, c.date, c.date_stated) for c in claims] == [
        ("2,140", "2026-05-20", True),
        ("1,300", "2026-05-22", True),
    ]
    text = (
        "Admissions\n\nNovember 16, 2026\n\nIn the five days to Friday, the ministry recorded 750 "
        "admissions. The physicians' association puts the figure at more than 1,300 for the same period."
    )
    claims = article_claims(make_article("smog", text))
    assert [(c.value, c.date) for c in claims] == [("750", "2026-11-13"), ("1,300", "2026-11-13")]


@pytest.mark.parametrize(
    "sentence, event, counted",
    [
        # the state a verb of becoming leaves is the event: "fell ill", "were taken ill", "were ill" alike
        ("At least 64 people fell ill after a wedding.", "ill", "people who fell ill"),
        ("The mayor insists 240 fell ill.", "ill", "fell ill"),
        ("342 people on board had now been taken ill.", "ill", "people taken ill"),
        ("Twelve hikers went missing on Sunday.", "missing", "hikers that went missing"),
        (
            "The number of people who have fallen ill has risen to 187, the ministry said.",
            "ill",
            "people who have fallen ill",
        ),
        ("Three people fell from the footbridge.", "fall", "people who fell"),
        ("Police said about 20,000 people took part in the march.", "take part", "people who took part"),
    ],
)
def test_what_a_verb_does_or_the_state_it_leaves_is_part_of_the_event_and_its_topic(sentence, event, counted):
    assert [(c.event, c.counted) for c in claims_of(sentence)] == [(event, counted)]


def test_whom_a_figure_is_according_to_and_a_name_in_an_agency_are_no_place_or_scope():
    sentence = "Evacuated: 4,800 according to the agency; more than 7,000 according to Governor Ivo Marn"
    assert [c.places for c in claims_of(sentence)] == [[], []]
    national = "The National Civil Protection Agency says about 4,800 people were evacuated on Tuesday."
    assert [c.places for c in claims_of(national)] == [[]]


def test_disagreeing_is_no_event_a_figure_counts():
    sentence = "They disagree on how many were evacuated: the agency says 4,800, the governor 7,000."
    assert all(c.event != "disagree" for c in claims_of(sentence))


def test_where_a_question_asks_people_left_from_is_its_place():
    assert question_frame("How many people were evacuated from Little Farro?").places == ["Little Farro"]
    assert question_frame("How many people were evacuated from the island?").places == []


def test_a_count_that_names_nothing_takes_the_frame_of_the_sentence_before():
    text = (
        "Jobs\n\nJune 3, 2026\n\nThe company says 620 jobs will be lost when the plant closes. The union "
        "says the real number is 1,100.\n\nThe ministry put the number of cases at 187 on Thursday. The "
        "mayor says the true toll is at least 240.\n\nThe mayor spoke for an hour. "
        "She said the figure was 300."
    )
    claims = article_claims(make_article("jobs", text))
    assert [(c.value, c.noun, c.event) for c in claims] == [
        ("620", "job", "lose"),
        ("1,100", "job", "lose"),
        ("187", "case", None),
        ("240", "case", None),
    ]  # the 300 has no figure before it to lean on: nothing is said of what it counts


@pytest.mark.parametrize(
    "sentence, event, places",
    [
        ("The company insists there were 140 people on site.", "on site", []),
        ("There were 64 people on board.", "aboard", []),
        ("There were 3,559 people in Broken Bow.", "be", ["Broken Bow"]),  # a population, in one place
    ],
)
def test_what_there_is_at_a_common_place_is_present_there(sentence, event, places):
    assert [(c.event, c.places) for c in claims_of(sentence)] == [(event, places)]


def test_each_figure_of_a_fact_box_line_is_given_by_whoever_is_named_right_after_it():
    line = "Records stolen: about 80,000, says the network; up to 450,000, says the Data Protection Authority"
    assert [(c.value, c.source) for c in claims_of(line)] == [
        ("80,000", "network"),
        ("450,000", "Data Protection Authority"),
    ]


def test_a_chain_of_coordinated_clauses_is_dated_by_its_first():
    sentence = "In 2022, the group broke into a hospital, stole 1.9 million records and demanded $20 million."
    assert [(c.value, c.date) for c in claims_of(sentence, published="2026-03-04")] == [
        ("1.9 million", "2022"),
        ("$20 million", "2022"),
    ]


@pytest.mark.parametrize(
    "sentence, unit",
    [
        ("The hackers demanded 12 million dollars.", "US dollars"),
        ("The hackers demanded $12 million.", "US dollars"),
        ("The minister said the ransom was 4.5 million euros.", "euros"),
        ("The minister said the ransom was €4.5 million.", "euros"),
        ("The firm paid 3 million Canadian dollars.", "Canadian dollars"),
    ],
)
def test_a_currency_written_out_is_the_one_its_symbol_names(sentence, unit):
    assert [c.unit for c in claims_of(sentence)] == [unit]


def test_those_back_in_custody_are_in_custody():
    assert [c.event for c in claims_of("Police said 41 people were back in custody on Wednesday.")] == [
        "in custody"
    ]


def test_a_time_that_refers_back_is_the_one_its_paragraph_named_last():
    text = (
        "Attack\n\nMarch 9, 2026\n\nIn 2022, hackers hit the health service of Estvan. The government "
        "refused to pay. More than 52,000 appointments were cancelled in the six weeks that followed.\n\n"
        "At the time, 1,200 appointments had been cancelled this week."
    )
    claims = article_claims(make_article("attack", text))
    assert [(c.value, c.date) for c in claims] == [("52,000", "2022"), ("1,200", "2026-03-09")]


def test_a_partitive_question_asks_what_befell_the_part_not_the_whole():
    frame = question_frame("How many of the escaped inmates have been recaptured?")
    assert (frame.noun, frame.event) == ("inmate", "recapture")


def test_kinds_joined_that_something_befell_are_people_counted_by_the_event():
    """ "214 pupils and staff were taken" counts what "187 people were taken" counts: the church and the
    ministry dispute one number. Kinds joined that act are still that kind."""
    taken = claims_of("The church says at least 214 pupils and staff were taken on Monday night.")
    working = claims_of("Around 480 agency workers and contractors work at the site full time.")
    assert [(c.value, c.event, c.generic) for c in taken] == [("214", "take", True)]
    assert [(c.value, c.generic) for c in working] == [("480", False)]


def test_a_value_before_a_change_counts_what_the_figure_after_it_counts_on_its_own_day():
    sentence = (
        "By Thursday evening 61 of those abducted had been released, according to the Ministry of Internal "
        "Security, up from 23 on Wednesday, after a further 38 were handed over near the village of Oska."
    )
    claims = claims_of(sentence, published="2026-03-13")
    assert [(c.value, c.event, c.source, c.date) for c in claims][:2] == [
        ("61", "release", "Ministry of Internal Security", "2026-03-12"),
        ("23", "release", "Ministry of Internal Security", "2026-03-11"),  # not the 38 handed over
    ]
    later = (
        "By then 174 of the pupils and teachers abducted from the school a week ago had been reunited with "
        "their families, according to the ministry, up from 118 on Friday."
    )
    assert [(c.value, c.date) for c in claims_of(later, published="2026-03-16")] == [
        ("174", "2026-03-16"),  # "on Friday" is the 118's, though the parser hangs it on "up"
        ("118", "2026-03-13"),
    ]


def test_a_number_written_in_words_past_a_hundred():
    claims = claims_of(
        '"Two hundred and fourteen children and teachers were taken on Monday night," she said.'
    )
    assert [(c.value, c.event) for c in claims] == [("214", "take")]
    spoken = claims_of("She said a hundred and ninety thousand people were disrupted.")
    assert [c.value for c in spoken] == ["190,000"]  # was "90,000": "a hundred" was no number


def test_a_currency_no_list_holds_is_learnt_from_where_the_article_speaks_of_money():
    """ "dalers" is money because the grid company "put the cost at 210 million dalers"; the federation's
    "900 million dalers" is then a sum too, whatever its own sentence says, and compared as one."""
    text = (
        "Blackout\n\nJanuary 23, 2026\n\nThe grid company put the economic cost of the outage at about 210 "
        "million dalers. The business federation says businesses lost more than 900 million dalers."
    )
    claims = article_claims(make_article("blackout", text))
    assert [(c.value, c.unit) for c in claims] == [
        ("210 million dalers", "daler"),
        ("900 million dalers", "daler"),
    ]
    for sentence in (
        "The closure cost 3 million people their jobs.",
        "The storm cost 2 million households their power.",
    ):
        assert [c.unit for c in claims_of(sentence)] == [None]


def test_a_when_clause_after_a_date_dates_every_figure_it_tells():
    """The parser hangs "310,000 … lost power" on "11 people died"; both are the 2009 storm's."""
    sentence = (
        "The outage is already far larger than the blackout that followed the ice storm of January 2009, "
        "when 310,000 customers in Dalmoor lost power, some of them for more than a week, and 11 people died."
    )
    assert [(c.value, c.date) for c in claims_of(sentence, published="2026-01-17")] == [
        ("310,000", "2009-01"),
        ("11", "2009-01"),
    ]


def test_a_figure_put_on_it_takes_what_the_sentence_before_measured_in_its_unit():
    """ "puts it at nearly €1.3 billion": "it" is the hole the sentence before put at €410 million, not
    the draft that says so; a count borrows only a count's frame, a sum only a sum's in its currency."""
    text = (
        "Bank\n\nMarch 17, 2026\n\nThe Prudential Supervision Office puts the hole in the bank's balance "
        "sheet at €410 million. A leaked draft by the bank's auditors puts it at nearly €1.3 billion.\n\n"
        "Torvane says 620 jobs will be lost. The federation puts it at 1,100."
    )
    claims = article_claims(make_article("bank", text))
    assert [(c.value, c.unit, c.noun, c.event) for c in claims] == [
        ("€410 million", "euros", "hole", None),
        ("€1.3 billion", "euros", "hole", None),
        ("620", None, "job", "lose"),
        ("1,100", None, "job", "lose"),
    ]


def test_a_fact_box_label_says_what_a_sum_is_and_the_parenthesis_whose():
    sentence = "Hole in the balance sheet: €410 million (Supervision Office); nearly €1.3 billion (auditors)"
    assert [(c.value, c.noun, c.source) for c in claims_of(sentence)] == [
        ("€410 million", "hole", "Supervision Office"),
        ("€1.3 billion", "hole", "auditors"),
    ]


def test_a_fact_box_figure_whose_parenthesis_names_its_source_is_what_the_label_says():
    sentence = "Compensation bill: at least €260 million (Consumers' Federation) / €60 million (airlines)"
    assert [(c.value, c.noun, c.source) for c in claims_of(sentence)] == [
        ("€260 million", "compensation bill", "Consumers' Federation"),
        ("€60 million", "compensation bill", "airlines"),  # not a sum of airlines
    ]


@pytest.mark.parametrize(
    ("line", "places"),
    [  # a fuel map's regions (the refinery strike pack): each line's count is its region's, not a dispute
        ("Haldeby Coast: 142 stations.", ["Haldeby Coast"]),
        ("Ostrum Capital Region: 118 stations.", ["Ostrum Capital Region"]),
        ("Western Lakes: 38 stations.", ["Western Lakes"]),
        ("Filling stations: 142.", []),  # what is counted, not where
    ],
)
def test_a_fact_box_label_that_names_a_region_is_where_its_count_is(line, places):
    [claim] = claims_of(line)
    assert (claim.noun, claim.places) == ("station", places)


def test_a_figure_of_the_same_week_last_year_is_of_last_year():
    sentence = "In the same week last year, 1,020 people landed on Lissara, according to ministry data."
    assert [(c.value, c.date) for c in claims_of(sentence, published="2026-06-09")] == [("1,020", "2025")]


def test_what_a_placing_verb_does_with_its_own_object_is_what_befell_the_group():
    """ "received their money" befell the depositors; "received 58 patients" places the patients."""
    got = claims_of("The fund says 98,250 depositors of the failed bank have now received their money.")
    placed = claims_of("Hospitals received 58 patients on Monday.")
    assert [(c.noun, c.event) for c in got] == [("depositor", "receive money")]
    assert [(c.noun, c.event) for c in placed] == [("patient", None)]


@pytest.mark.parametrize(
    "sentence, value, unit, noun, event",
    [
        ("The auditors put the hole at nearly €1.3bn.", "€1.3 billion", "euros", "hole", None),
        (
            "The government has pledged £4.5m in emergency aid.",
            "£4.5 million",
            "pounds",
            "emergency aid",
            None,
        ),
        ("About 1.2m people lost power, the utility said.", "1.2 million", None, "people", "lose power"),
        ("The firm said losses reached $2.3bn last year.", "$2.3 billion", "US dollars", "loss", None),
        ("The ministry says 20pc of the wheat crop was lost.", "20%", "percent", "wheat crop", "lose"),
        (
            "The ministry said it spent between $2bn and $3bn on repairs.",
            "$2–3 billion",
            "US dollars",
            None,
            "spend",
        ),
        ("Officials said repairs would cost $2bn-$3bn.", "$2–3 billion", "US dollars", None, "cost"),
    ],
)
def test_millions_and_billions_written_short_are_figures(sentence, value, unit, noun, event):
    """British and wire style: "£4.5m", "€1.3bn", "1.2m people", "20pc" (none was a figure at all)."""
    assert [(c.value, c.unit, c.noun, c.event) for c in claims_of(sentence)] == [(value, unit, noun, event)]


@pytest.mark.parametrize("sentence", ["The sea wall is a 10m barrier.", "Waves 5m high hit the harbour."])
def test_metres_written_short_are_no_millions(sentence):
    assert claims_of(sentence) == []


@pytest.mark.parametrize(
    "sentence",
    [
        "For comparison, police estimated the largest crowd of the 2019 protests at about 120,000, and "
        "detained roughly 1,100 people over 10 days.",
        "16:45 - For comparison: at the last election, the commission declared 12,900 ballots invalid.",
    ],
)
def test_figures_given_for_comparison_are_of_another_event(sentence):
    claims = claims_of(sentence, published="2026-03-08")
    assert claims and all(c.aside for c in claims)


@pytest.mark.parametrize(
    "sentence, event",
    [
        ("At least 40 people were reported missing.", "missing"),
        ("Twenty-three farms have now been confirmed infected with the virus, the ministry said.", "infect"),
    ],
)
def test_a_state_a_report_puts_a_group_in_is_what_befell_it(sentence, event):
    """ "reported missing", "confirmed infected": the tagger calls the state a participle, not an adjective
    (as it does in "confirmed dead")."""
    assert [c.event for c in claims_of(sentence)] == [event]


@pytest.mark.parametrize(
    "sentence, source",
    [
        ("At least 40 people were killed, a spokesperson for the health ministry said.", "health ministry"),
        ("Forty people were killed, officials at the regional hospital said.", "regional hospital"),
        ("The death toll stands at 40, according to figures released by the ministry.", "ministry"),
        ("Residents of the town said 40 people were killed.", "Residents"),  # they speak for themselves
    ],
)
def test_the_body_a_speaker_speaks_for_is_the_source(sentence, source):
    """A spokesperson's or a published figure's source is the body behind it, so its figures on other days
    are that body's running count, not a second source's."""
    assert [c.source for c in claims_of(sentence)] == [source]


@pytest.mark.parametrize(
    "sentence, places",
    [
        ("At least 12 people were killed in the northern city of Kharkiv, officials said.", ["Kharkiv"]),
        ("Floods killed 40 people in the province of Haldmark.", ["Haldmark"]),
        (
            "The directorate said 3,400 people had been evacuated from their homes in the Dravik district.",
            ["Dravik"],
        ),
    ],
)
def test_a_name_the_noun_before_it_calls_a_place_is_one_whatever_the_tagger_says(sentence, places):
    """Wire copy's "the northern city of X": the small tagger calls many such names organisations."""
    assert [c.places for c in claims_of(sentence)] == [places]


def test_a_fine_is_a_sum_fined_whatever_the_lemmatizer_says():
    """The small lemmatizer makes "fined" "fin"; the frame says "fine", as "the regulator fines" does."""
    assert [c.event for c in claims_of("The regulator fined the company €2 million in 2024.")] == ["fine"]


@pytest.mark.parametrize(
    "sentence",
    [
        "Aston Villa moved to fifth with their 3-1 win over Fulham.",  # a score, not a range 3 to 1
        "The Senate voted 52-48 to confirm her.",  # a tally
        "It charged his iPhone 14 Pro once.",  # a model's number names it
        "She praised her two children - Jaden, 25, and Willow, 22 - for being her gurus.",  # ages
        "Daily users were 30 times higher than two months before.",  # a ratio
        "The phrase is associated with the 39-time Grand Slam winner.",  # how often, not how many
        "Exports saw a 10-fold rise.",
        "With 30 mins to kickoff, Paraguay have a new manager.",  # a span of time
        "14 Best Deals: TVs, Keyboards, Mice, Chargers, and Earbuds",  # how many a list holds
        "78 Absolute Best October Prime Day Deals (2023)",
        "The three largest banks were fined.",
        "Analysts ranked the top 10 firms.",
        "Sales were just shy of the $1.59 billion analysts had expected.",  # a forecast ("analysts" counted)
    ],
)
def test_numbers_that_count_nothing_in_real_news_give_no_claim(sentence):
    assert claims_of(sentence) == []


def test_a_record_before_a_figure_is_no_counted_noun():
    """ "rose to a record 1,200": the deaths rose; the parser made "a record" the counted noun."""
    assert [(c.value, c.noun) for c in claims_of("Deaths rose to a record 1,200 last year.")] == [
        ("1,200", "death")
    ]
    assert [(c.value, c.noun) for c in claims_of("The waiting list rose to a record 1.42 million.")] == [
        ("1.42 million", "waiting list")
    ]


def test_who_a_passive_reporting_verb_names_says_so():
    """ "which is projected by Pollstar": Pollstar gives the figure, not the tour it is about."""
    (found,) = claims_of(
        "The tour, which is projected by Pollstar to gross some $1.4 billion, crashed the site."
    )
    assert found.source == "Pollstar"


def test_a_sums_worth_of_something_is_that_something():
    claims = claims_of(
        "Uber made $219 million worth of net income, and $2.1 billion equivalent of cash left."
    )
    assert [(c.value, c.noun) for c in claims] == [("$219 million", "net income"), ("$2.1 billion", "cash")]


def test_a_verb_that_goes_on_to_report_has_its_heads_subject_for_source():
    """ "The ministry continues to forecast …": the ministry forecasts (not the association the sentence
    names after the semicolon)."""
    claims = claims_of(
        "The Ministry of Agriculture continues to forecast a wheat harvest of 4.4 million tonnes; the "
        "Grain Trade Association says it will be no more than 3.6 million."
    )
    assert (claims[0].value, claims[0].source) == ("4.4 million", "Ministry of Agriculture")


def test_what_kind_of_sum_an_adjective_says_is_part_of_what_is_counted():
    """ "operating profit" and "net profit" are two sums (a count's adjectives stay out: "foreign
    workers" are workers, whose own side is told by names)."""
    claims = claims_of("Operating profit fell to €1.2 billion, while net profit was €410 million.")
    assert [c.noun for c in claims] == ["operating profit", "net profit"]
    assert [c.noun for c in claims_of("The total cost rose to $2 billion.")] == ["cost"]


def test_a_level_reached_counts_its_subject():
    """ "Arrivals hit 6,840", "deaths topped 300": the figure is the object of a verb that says a level was
    reached, and counts the subject (it was no figure at all)."""
    assert [(c.value, c.noun) for c in claims_of("Arrivals hit 6,840 on Friday.")] == [("6,840", "arrival")]
    assert [(c.value, c.noun) for c in claims_of("Deaths topped 300 on Monday.")] == [("300", "death")]


def test_knots_nautical_miles_and_cubic_metres_are_measurements():
    """ "11 knots" was a count of knots, so a ship's speed was set against "the 6-knot limit"."""
    claims = claims_of("The tanker was travelling at 11 knots, well above the 6-knot limit for the channel.")
    assert [(c.value, c.unit, c.noun) for c in claims] == [
        ("11 knots", "knots", "tanker"),
        ("6 knots", "knots", "limit"),
    ]
    assert [c.unit for c in claims_of("The ship was seized 160 nautical miles off the coast.")] == [
        "nautical miles"
    ]
    assert [c.unit for c in claims_of("The reservoir released 900,000 cubic metres of water.")] == [
        "cubic metres"
    ]


def test_yards_and_energy_are_measurements_in_their_own_units():
    """ "a 31-yard field goal" was a count of yards; "40 GWh" and "40 kWh" are not the same size."""
    assert [c.value for c in claims_of("His 31-yard field goal is good.")] == ["31 yards"]
    claims = claims_of("The battery park stores 40 GWh, and each home unit stores 40 kWh.")
    assert [c.unit for c in claims] == ["gigawatt-hours", "kilowatt-hours"]
    assert [c.unit for c in claims_of("It has a 10,000-mAh battery.")] == ["milliamp-hours"]


def test_a_difference_apart_is_no_size():
    assert claims_of("Engineers and operator 17 million cubic metres apart on the flood") == []


def test_a_when_clause_dates_the_verb_the_parser_hangs_when_on():
    """ "since 1989, when the dam burst and killed 212 people": "when" hangs on "killed"."""
    sentence = (
        "It is the worst dam disaster in Karvethia since 1989, when the Merrow Dam near Fenlow burst and "
        "killed 212 people."
    )
    assert [(c.value, c.date) for c in claims_of(sentence, published="2026-03-02")] == [("212", "1989")]


def test_what_a_body_publishes_is_the_bodys_word():
    """ "Data published by the port health authority" ("data" is "datum" to the lemmatizer), "VPHA's latest
    bulletin": the body is the source."""
    (first,) = claims_of("Data published by the port health authority showed that 146 people had fallen ill.")
    assert (first.source, first.counted) == ("port health authority", "people who had fallen ill")
    (second,) = claims_of("VPHA's latest bulletin says 318 people have fallen ill since Sunday.")
    assert second.source == "VPHA"


def test_a_value_before_a_change_takes_its_own_day_written_without_a_preposition():
    sentence = (
        "Kestrova's figures show 1,150 employees had taken the offer by Monday, up from 640 last Thursday."
    )
    assert [(c.value, c.date) for c in claims_of(sentence, published="2026-05-20")] == [
        ("1,150", "2026-05-18"),
        ("640", "2026-05-14"),
    ]


def test_a_correction_note_states_no_figure():
    """The wrong figure a correction withdraws was a claim of the article (and a false conflict with the
    right one); the right one is already in the corrected text."""
    text = (
        "Airline chaos\n\nPublished 20 May 2026\n\nAt Port Tarrin, 142 flights were cancelled.\n\n"
        "Correction: an earlier version of this article said 214 flights had been cancelled at Port "
        "Tarrin; the figure is 142.\n\nA previous version of this story misstated that 90 staff were hurt."
    )
    claims = article_claims(make_article("airline", text))
    assert [c.value for c in claims] == ["142"]
    assert claims[0].quote == "At Port Tarrin, 142 flights were cancelled."


def test_a_change_from_or_by_one_figure_to_another_is_no_range():
    """ "rose from 12 to 41" was the range 12–41, and "climbed by 30 to 230" gave no claim at all."""
    assert [c.value for c in claims_of("The death toll rose from 12 to 41 on Tuesday.")] == ["12", "41"]
    assert [(c.value, c.noun) for c in claims_of("Arrests climbed by 30 to 230.")] == [("230", "arrest")]
    assert [c.value for c in claims_of("Profit rose by €2bn to €9bn.")] == ["€9 billion"]
    assert [c.value for c in claims_of("From 20 to 30 people were hurt.")] == ["20–30"]  # a range


def test_the_agent_of_a_passive_is_counted_not_a_change():
    """ "signed by 9,400 people" was read as a change ("rose by 20")."""
    claims = claims_of("By yesterday evening the petition had been signed by 9,400 people, the trust said.")
    assert [(c.value, c.noun, c.event) for c in claims] == [("9,400", "people", "sign")]


def test_a_scope_put_before_the_reporting_verb_scopes_what_is_reported():
    """ "Nationally, Norvane said …": the airline's national count had no place, so it joined the one
    airport's count (142 at Port Tarrin) as if it were that airport's."""
    sentence = "Nationally, Norvane said late yesterday that 1,390 flights had been cancelled."
    assert [c.places for c in claims_of(sentence)] == [["the whole country"]]


def test_a_participle_the_parser_made_the_main_verb_is_not_what_befell_the_part():
    """The parser reads "abducted" as the main verb and "have been freed" as its conjunct, so the 23
    freed were counted as abducted, a false conflict with the 187 abducted."""
    sentence = "23 of the students abducted from the school on Monday have been freed, the ministry says."
    assert [(c.value, c.event) for c in claims_of(sentence)] == [("23", "free")]


def test_a_noun_past_a_subordinating_word_is_not_what_the_sum_is_of():
    """The parser makes "passengers" what "€120 million" counts: "once" opens another clause."""
    sentence = "Fair Skies put the bill at more than €120 million once delayed passengers were added in."
    assert [c.noun for c in claims_of(sentence)] == []  # no frame rather than the wrong one


def test_a_kicker_is_no_fact_box_label_and_how_sure_is_no_kind_of_sum():
    assert claims_of("Analysis: Norvane says €41 million, campaigners say triple that.") == []
    claims = claims_of("Fair Skies estimated the true bill at more than €120 million.")
    assert [c.noun for c in claims] == ["bill"]


def test_earlier_values_joined_by_and_are_each_dated_by_their_own_phrase():
    """ "up from 15 after Wednesday's handover and six after the first on Tuesday": the "six" was dropped
    (a small number in words with no event) and the 15 was dated the day of publication."""
    sentence = (
        "The ministry says 24 hostages have now been freed, up from 15 after Wednesday's handover and six "
        "after the first on Tuesday."
    )
    claims = claims_of(sentence, published="2026-05-16")
    assert [(c.value, c.event, c.date) for c in claims] == [
        ("24", "free", "2026-05-16"),
        ("15", "free", "2026-05-13"),
        ("6", "free", "2026-05-12"),
    ]


@pytest.mark.parametrize(
    ("sentence", "value", "low", "qualifier"),
    [
        ("The recall covered a quarter of a million packs.", "250,000", 250_000, None),
        ("The regulator says nearly half a million packs were sold.", "500,000", 450_000, "nearly"),
        ("The fund lost half a billion euros.", "0.5 billion euros", 500_000_000, None),
        ("That is 12,000-plus replies in two days.", "12,000", 12_000, "at least"),
        ("The consultation passed 12K responses on Thursday.", "12,000", 12_000, None),
    ],
)
def test_numbers_as_outlets_write_them(sentence, value, low, qualifier):
    """ "a quarter of a million" and "12K" were no figures; "12,000-plus" was exactly 12,000."""
    claims = claims_of(sentence)
    assert [(c.value, c.low, c.qualifier) for c in claims] == [(value, low, qualifier)]


def test_a_fraction_of_a_million_counts_the_noun_after_it():
    """The parser read "a quarter of … people" as a count of quarters, and "three quarters of a billion
    euros" as nothing: the phrase is parsed as its digits."""
    [fled] = claims_of("Officials said a quarter of a million people fled.")
    assert (fled.value, fled.noun, fled.event) == ("250,000", "people", "flee")
    [package] = claims_of("The rescue package is worth three quarters of a billion euros.")
    assert (package.value, package.low) == ("0.75 billion euros", 750_000_000)


def test_k_after_a_number_is_kilometres_unless_a_plural_noun_follows():
    assert claims_of("He waved at us at 35k, his wife said.") == []
    assert claims_of("She won a 10k run in Marrowby.") == []


def test_a_verb_and_its_particle_are_one_event_and_a_headline_passive_has_its_destination():
    """ "called off" is not "call" (WordNet makes it "cancel"); "29 taken to hospital" in a headline and
    "29 runners taken to hospital" in a fact box are those taken to hospital, as the passive clause's."""
    assert [c.event for c in claims_of("1,020 flights were called off on Saturday.")] == ["call off"]
    for sentence in (
        "Runner dies, 29 taken to hospital as heatwave engulfs the marathon",
        "Ambulance service: 29 runners taken to hospital so far",
        "The ambulance service said 29 runners had been taken to hospital.",
    ):
        assert [c.event for c in claims_of(sentence)] == ["take to hospital"], sentence
    assert [c.event for c in claims_of("Forty-three runners ended up in hospital.")] == ["in hospital"]
    assert [c.event for c in claims_of("The crews took 29 runners to hospital.")] == ["take to hospital"]


def test_a_table_row_counts_what_its_first_cell_says():
    """ "Runners treated | 212 | more than 400 | not published": the cells after the figure are not its
    event ("not published")."""
    claims = claims_of("Runners treated | 212 | more than 400 | not published")
    assert [(c.value, c.event, c.qualifier) for c in claims] == [
        ("212", "treat", None),
        ("400", "treat", "more than"),
    ]
    assert all(c.value != "506" for c in claims_of("Reports | 1,093 | +506"))  # a change, not a size
    # a web page's menu or byline run into a sentence is no table: "Home" is not what 40 counts
    menu = claims_of("Home | News | 40 people died in the flood on Tuesday, police said.")
    assert [(c.noun, c.event) for c in menu] == [("people", "die")]


def test_money_paid_out_is_money_paid_as_money_received_is():
    """With a verb's particle now in its event ("call off"), "paid out to farmers" kept "out" and no longer
    met "had received €900,000"."""
    paid = claims_of("The ministry said €4.2 million had been paid out to farmers.")
    received = claims_of("The association said its members had received no more than €900,000.")
    assert [c.event for c in paid] == [c.event for c in received] == ["pay"]


# --- from the twenty-second blind set ---------------------------------------------------------------


def test_a_participle_after_a_figure_of_an_estimate_is_what_it_counts_and_a_denial_is_no_source():
    """ "his estimate of nearly 200 injured" had been dropped; the hospital that has "not confirmed" it
    had been its source."""
    text = (
        "Blast\n\nJune 9, 2026\n\nGovernor Teodor Vashar spoke on Tuesday. The governor's number has since "
        "been overtaken, but his estimate of nearly 200 injured has still not been confirmed by the "
        "hospital, which says it treated 118."
    )
    claims = article_claims(make_article("blast", text))
    assert [(c.value, c.event, c.source) for c in claims] == [
        ("200", "injure", "Teodor Vashar"),
        ("118", "treat", "hospital"),
    ]


@pytest.mark.parametrize(
    ("sentence", "value", "source"),
    [
        # a headline parsed with two subjects: the one nearest the verb says so
        (
            "Live: Saldovec tanker blast – governor says at least 50 dead as hospital rejects his count",
            "50",
            "governor",
        ),
        # a valuing verb's subject puts the number on it; a headline's label before a clause counts nothing
        (
            "Dravenia tanker blast: health ministry sets death toll at 47 amid row over figures",
            "47",
            "health ministry",
        ),
        # whose count the figure is
        (
            "The union also still says 2,600 schools were closed on the first day, against the ministry's "
            "count of 1,480.",
            "1,480",
            "ministry",
        ),
        # a person's role in apposition: the body they speak for
        (
            "Admissions have climbed to 63, Dr Ines Vantreight, the authority's director of public health, "
            "told a briefing.",
            "63",
            "authority",
        ),
    ],
)
def test_who_gives_a_figure_in_news_forms(sentence, value, source):
    claim = next(c for c in claims_of(sentence) if c.value == value)
    assert claim.source == source
    assert claim.noun != "tanker blast"


def test_the_count_a_figure_is_set_against_lends_it_its_frame():
    """ "against the ministry's count of 1,480" had borrowed the teachers of the sentence before."""
    claims = claims_of(
        "The union also still says 2,600 schools were closed on the first day, against the ministry's "
        "count of 1,480."
    )
    assert [(c.value, c.noun, c.event) for c in claims] == [
        ("2,600", "school", "close"),
        ("1,480", "school", "close"),
    ]


def test_a_headline_kicker_before_the_colon_is_no_event():
    """ "Dunmarrow water crisis live: …" had made "live" what the 63 admissions underwent."""
    [claim] = claims_of(
        "Dunmarrow water crisis live: hospital admissions climb to 63 as the company unveils a fund"
    )
    assert (claim.noun, claim.event) == ("hospital admission", None)


def test_a_present_participle_after_the_noun_is_its_event():
    [claim] = claims_of("The department counts 48,600 patients waiting more than a year.")
    assert (claim.noun, claim.event) == ("patient", "wait")


def test_another_group_that_left_is_an_addition_not_a_size():
    """ "Another 600 people left overnight" (the parser reads "people left" as those remaining)."""
    assert (
        claims_of("Another 600 people left overnight after the zone was extended, the directorate said.")
        == []
    )


def test_a_date_of_what_caused_the_count_is_not_the_counts():
    """ "said on Wednesday that 47 people had died as a result of Monday's explosion": Wednesday's toll."""
    sentence = (
        "SALDOVEC, June 3 (HPS) — The Health Ministry said on Wednesday that 47 people had died as a result "
        "of Monday's fuel tanker explosion near Saldovec."
    )
    [claim] = claims_of(sentence, published="2026-06-03")
    assert (claim.value, claim.date, claim.date_stated) == ("47", "2026-06-03", True)


def test_a_bulletin_that_is_its_is_the_body_named_before():
    text = (
        "Outbreak\n\nJune 3, 2026\n\nThe Corrant Regional Health Authority publishes figures daily. Hospital "
        "admissions rose to 47 on Wednesday morning, up from 38 yesterday, according to its daily bulletin."
    )
    claims = article_claims(make_article("outbreak", text))
    assert [(c.value, c.source) for c in claims] == [("47", "Corrant Regional Health Authority")] * 1 + [
        ("38", "Corrant Regional Health Authority")
    ]


def test_a_clause_before_a_colon_is_no_fact_box_label():
    """ "The PWEA has updated its figures: crews have now brought 74 tonnes …" had made the 74 tonnes an
    "update figure" (the clause's verb and object)."""
    [claim] = claims_of(
        "The PWEA has updated its figures: crews have now brought 74 tonnes of dead fish out."
    )
    assert claim.event != "update figure"
    [labelled] = claims_of("- Oil spilled: about 1,200 tonnes according to the company")
    assert labelled.event == "spill"


@pytest.mark.parametrize(
    "sentence",
    [
        "Agency's count of dead fish collected from the lake rises to 74 tonnes",
        "The agency's own tally of dead fish collected reached 163 tonnes today.",
    ],
)
def test_a_tally_stated_in_units_counts_what_the_tally_counts(sentence):
    [claim] = claims_of(sentence)
    assert (claim.noun, claim.event) == ("tonne", "collect")


def test_how_a_figure_is_known_is_not_who_says_it():
    """ "laboratory tests had confirmed 97 cases" (WordNet: an act, a cognition) under "the office said"."""
    [claim] = claims_of(
        "The Sellany Regional Health Office (SRHO) said laboratory tests had confirmed 97 cases."
    )
    assert claim.source == "SRHO"
    [alone] = claims_of("The airline confirmed 97 cancellations.")
    assert alone.source == "airline"


@pytest.mark.parametrize(
    "sentence",
    [
        "Nine in ten confirmed cases had not received both doses of the vaccine.",
        "1 in 5 households lost power.",
        # one thing for so many people: no count of either (the cholera pack's latrines)
        "The survey found 1 latrine per 86 people, against a standard of 1 latrine per 20.",
        "The agency's estimate is one for every 86 people; the ministry says one for every 40.",
        "There are 3 doctors per 1,000 residents.",
    ],
)
def test_a_proportion_counts_nothing(sentence):
    assert claims_of(sentence) == []


def test_a_sum_per_head_is_no_proportion():
    claims = claims_of("The grant pays €7,500 per household to 32,000 households.")
    assert [c.value for c in claims] == ["€7,500", "32,000"]


def test_a_level_told_as_up_or_down_to_and_a_when_clause_after_it_dating_it():
    """ "is down to 1.9%": the level the rate is at now (the parser hangs "to" on "down"); "stood at 3.1%
    when the first report was issued on 2 May": the when clause's date is the figure's (the cholera
    pack's fatality rate)."""
    [down] = claims_of("The sitrep says the fatality rate is down to 1.9%.", published="2026-05-12")
    assert (down.value, down.noun, down.date) == ("1.9%", "fatality rate", "2026-05-12")
    sentence = "The fatality rate stood at 3.1% when the first report was issued on 2 May."
    [then] = claims_of(sentence, published="2026-05-12")
    assert (then.value, then.date, then.date_stated) == ("3.1%", "2026-05-02", True)


def test_a_figure_in_a_year_or_within_days_is_no_proportion():
    claims = claims_of("Police arrested 12 in 2024 and 40 in 10 days.")
    assert [c.value for c in claims] == ["12", "40"]


def test_a_day_of_the_month_and_a_span_and_a_when_clause_date_their_figures():
    """ "on the 4th" is a day (an ordinal to the tagger); "between … on Wednesday and … today" is counted
    to its end; a result the parser hangs on the sentence's verb follows the "when" clause before it."""
    [day] = claims_of(
        "By mid-afternoon on the 4th, the airport company said 96 flights had been cancelled.", "2026-06-27"
    )
    assert (day.date, day.date_stated) == ("2026-06-04", True)
    span = (
        "The airport company said on Saturday that its final tally was 388 flights cancelled between the "
        "closure of the runway on Wednesday and its reopening today."
    )
    [total] = claims_of(span, "2026-06-06")
    assert total.date == "2026-06-06"
    earlier = (
        "The shutdown is the most serious since October 2024, when drones closed Sarnhold Airport for 33 "
        "hours, forcing the cancellation of 190 flights."
    )
    [background] = claims_of(earlier, "2026-06-04")
    assert (background.value, background.date) == ("190", "2024-10")


def test_an_updated_article_is_of_its_update():
    """ "04 June 2026 | Updated 06 June 2026": "on Saturday" is June 6, not the Saturday before June 4."""
    text = (
        "Runway reopens\n04 June 2026 | Updated 06 June 2026\n\nThe airport company said on Saturday that "
        "388 flights had been cancelled."
    )
    article = make_article("runway", text)
    assert article.published == "2026-06-06"
    assert [c.date for c in article_claims(article)] == ["2026-06-06"]


# --- from the twenty-fifth blind set ----------------------------------------------------------------


def test_a_currency_code_before_a_figure_is_its_currency_and_came_to_sets_a_level():
    """Wire copy and tables write "EUR 1.2bn", "USD 3m": sums in euros and dollars, shown with their
    symbol; "came to", "amounted to" say what the sum is the level of."""
    [table] = claims_of("Insured losses (estimate) | EUR 1.2bn | Association of Quessalian Insurers")
    assert (table.value, table.unit, table.noun) == ("€1.2 billion", "euros", "insured loss")
    [bill] = claims_of("The bill amounted to USD 3m.")
    assert (bill.value, bill.unit, bill.noun) == ("$3 million", "US dollars", "bill")
    [losses] = claims_of("Insured losses from this storm will come to nearly 800 million euros.")
    assert (losses.value, losses.qualifier, losses.noun) == ("800 million euros", "nearly", "insured loss")


def test_a_whole_after_a_part_is_not_what_a_fact_box_label_counts():
    """ "Aid paid so far: €58 million of EUR 240 million": the fund is not a second sum paid."""
    assert [(c.value, c.event) for c in claims_of("Aid paid so far: €58 million of EUR 240 million")] == [
        ("€58 million", "pay")
    ]
    assert [c.value for c in claims_of("Villages reconnected: 3 of 14")] == ["3"]


def test_who_a_report_cites_and_who_a_label_or_its_owner_names_says_so():
    """ "…, citing X, that …" and "Citing X, …": X first said it; "Figures from X: …" names X; "The
    association released its estimate of …": "its" is the association's, not someone told before."""
    cited = (
        "The daily Ostavel Courier reported on Monday evening, citing the Association of Quessalian "
        "Insurers, that 104,000 claims had been lodged with its members."
    )
    assert [c.source for c in claims_of(cited, "2026-06-09")] == ["Association of Quessalian Insurers"]
    fronted = "Citing Tallowfinch, it reported that the company had received 13,900 refund claims by Friday."
    assert [c.source for c in claims_of(fronted, "2026-06-09")] == ["Tallowfinch"]
    label = "First casualty figures from the Valmeroy Ambulance Service: its crews have treated 87 people."
    assert [c.source for c in claims_of(label)] == ["Valmeroy Ambulance Service"]
    owned = "The insurers' association released its first loss estimate of EUR 1.2bn on Thursday morning."
    assert [c.source for c in claims_of(owned, "2026-06-05")] == ["insurers association"]
    memo = "Q: A memo from the council's licensing department says more than 61,000 tickets were issued."
    assert [c.source for c in claims_of(memo)] == ["council licensing department"]


def test_a_participle_the_tagger_calls_an_adjective_is_what_befell_a_thing():
    """ "31 infected farms" were infected (as "31 farms are infected"); "insured losses" are a kind of
    loss, and "confirmed cases" stay cases (neither is a thing that something befell)."""
    assert [c.event for c in claims_of("Its bottom line: 31 infected farms.")] == ["infect"]
    assert [c.event for c in claims_of("The association says 31 farms are infected.")] == ["infect"]
    [losses] = claims_of("The association put insured losses at 1.2 billion euros.")
    assert (losses.noun, losses.event) == ("insured loss", None)


LIVE_BLOG = """Live: crowd surge at the stadium
Updated 2026-06-02 07:05

07:05
We are pausing our coverage here.

03:20
The ambulance service says its crews have now treated 126 people.

00:15
The promoter says it sold 54,600 tickets.

23:30
First figures from the ambulance service: its crews have treated 87 people so far.

22:10
Police say 12 people were taken to hospital.
"""


def test_an_undated_figure_in_a_newest_first_live_blog_is_for_its_entrys_day():
    """Entries after midnight are June 2, the page's day; "23:30" below "00:15" is the night before.
    Oldest first, the page's day is its latest entry's, and the entries before midnight are the night
    before as well. "UPDATE 22:10" opens an entry as "22:10" does."""
    article = make_article("live", LIVE_BLOG)
    assert article.published == "2026-06-02"
    dates = {c.value: c.date for c in article_claims(article)}
    assert dates == {"126": "2026-06-02", "54,600": "2026-06-02", "87": "2026-06-01", "12": "2026-06-01"}
    head, body = LIVE_BLOG.split("\n\n", 1)
    entries = body.split("\n\n")
    oldest_first = make_article("live", head + "\n\n" + "\n\n".join(reversed(entries)))
    assert {c.value: c.date for c in article_claims(oldest_first)} == dates
    labelled = make_article(
        "live", LIVE_BLOG.replace("\n22:10", "\nUPDATE 22:10").replace("\n23:30", "\nUPDATE 23:30")
    )
    assert {c.value: c.date for c in article_claims(labelled)} == dates


SURVEY = """Damage survey results
Wednesday 22 April 2026

TORNADO 1 - ORRIN FALLS

Fatalities: 12

TORNADO 2 - KETTERBY

Fatalities: 3

TORNADO 3 - DUNSMERE

Fatalities: 2

TORNADO 4 - PELLHAM CROSS

Fatalities: 0

TOTALS

Fatalities: 17 (Brannock County Office of Emergency Management)
"""


def test_figures_of_one_frame_that_add_up_to_another_in_the_article_are_its_parts():
    """Each section's "Fatalities:" is a part of the totals' 17, never a rival count of the dead."""
    claims = article_claims(make_article("survey", SURVEY))
    assert [(c.value, c.source) for c in claims] == [("17", "Brannock County Office of Emergency Management")]
    rising = SURVEY.replace("Fatalities: 17", "Fatalities: 19")  # no sum: a series, each its own
    assert [c.value for c in article_claims(make_article("survey", rising))] == ["12", "3", "2", "0", "19"]


TRANSCRIPT = """Press conference on the stadium surge
Published: 4th June 2026

DARIO MENCK: We sold 54,600 tickets for last night's show. Twenty-four people were taken to hospital.

Q: The council says more than 61,000 tickets were issued.

MAYOR REDDEVIN: The council stands by its figure.
"""


def test_a_transcript_speaker_says_what_their_turn_attributes_to_no_one():
    """ "DARIO MENCK: We sold 54,600 tickets": the speaker; a reporter's "Q:" says whom it quotes. A
    single "NAME:" line is a dateline, not a turn."""
    claims = article_claims(make_article("briefing", TRANSCRIPT))
    assert [(c.value, c.source) for c in claims] == [
        ("54,600", "Dario Menck"),
        ("24", "Dario Menck"),
        ("61,000", "council"),
    ]
    dateline = "Floods\nPublished: 4th June 2026\n\nHARLAN: 300 homes were flooded, officials said."
    assert [c.source for c in article_claims(make_article("wire", dateline))] == ["officials"]


INTERVIEW = """The mayor on default and debt
Published 25 March 2026

Rundschau: Mr Renholt, how much does the city owe?

Renholt: €1.8 billion. That is the borrowing this city has signed for.

Rundschau: The bondholders say you missed a payment of €58 million.

Renholt: We missed 41.5 million euros of interest on 2 March.

Injured: 63
"""


def test_an_interviews_turns_by_name_say_who_speaks_and_count_nothing():
    """ "Renholt: €1.8 billion.": a translated interview's turns are by a name in title case, which is no
    English word; it says who speaks, never what is counted (before, the figure counted "renholt").
    "Injured: 63" stays a fact box's label."""
    claims = article_claims(make_article("interview", INTERVIEW))
    assert [(c.value, c.noun, c.event, c.source) for c in claims] == [
        ("€58 million", "payment", None, "bondholders"),
        ("41.5 million euros", "interest", "miss", "Renholt"),
        ("63", None, "injure", None),
    ]


def test_a_figure_told_as_proposed_before_a_change_counts_what_the_new_one_does():
    [now, before] = claims_of(
        "On Friday City Hall published a plan that will cut 850 jobs, up from the 600 proposed last week."
    )
    assert (now.noun, now.event) == (before.noun, before.event) == ("job", "cut")


def test_a_day_earlier_is_the_day_before_the_one_its_paragraph_names():
    text = (
        "Press review\nPublished 6 June 2026\n\nThe daily Klarion reported that 98,400 animals had been "
        "culled by Friday, June 5. The paper said the figure had risen from 73,000 a day earlier."
    )
    dates = {c.value: c.date for c in article_claims(make_article("review", text))}
    assert dates == {"98,400": "2026-06-05", "73,000": "2026-06-04"}


def test_a_number_after_its_noun_names_it_and_a_things_count_counts_the_thing():
    """ "between junctions 14 and 17" names two junctions (counts come before their noun); "the casualty
    count" counts casualties, while "the death toll" still counts deaths."""
    closed = claims_of("Both carriageways closed between junctions 14 and 17, a distance of 22 km.")
    assert [c.value for c in closed] == ["22 kilometres"]
    [casualties] = claims_of("The casualty count reached 48.")
    assert (casualties.noun, casualties.event) == ("casualty", None)
    [deaths] = claims_of("The death toll rose to 40.")
    assert (deaths.noun, deaths.event) == (None, "death")


def test_a_when_clause_the_parser_hangs_apart_from_its_verb_still_dates_it():
    """ "since January 2019, when a 30-vehicle pile-up in fog near Tavenholm, on the same road some 60
    kilometres further north, killed four people": "when" hangs on "pile-up", "killed" beside it."""
    told = (
        "The crash is the deadliest on a Drelmark motorway since January 2019, when a 30-vehicle pile-up in "
        "fog near Tavenholm, on the same road some 60 kilometres further north, killed four people."
    )
    assert [(c.value, c.date) for c in claims_of(told, "2026-06-03") if c.event] == [("4", "2019-01")]


def test_a_count_valued_far_from_its_number_word_and_one_counted_by_another():
    """ "puts the number of people hurt in fires involving the packs at 17": the parser hangs "at 17" on
    "involving"; the 17 still values the number of people hurt. "five more than the 12 recorded by the fire
    service": the fire service's count of the same people."""
    told = (
        "The Consumers' Union said its own count puts the number of people hurt in fires involving the packs "
        "at 17, five more than the 12 recorded by the fire service."
    )
    assert [(c.value, c.noun, c.event, c.source) for c in claims_of(told)] == [
        ("17", "people", "hurt", "Consumers' Union"),
        ("12", "people", "hurt", "fire service"),
    ]


def test_millions_of_cubic_metres_are_measured_and_a_size_word_is_what_its_owner_has():
    fell = claims_of("The survey estimates the volume of ice and rock that fell at 9 million cubic metres.")
    assert [(c.value, c.unit, c.noun) for c in fell] == [("9 million cubic metres", "cubic metres", "ice")]
    [lake] = claims_of("Civil protection estimates the lake's volume at 1.6 million cubic metres.")
    assert (lake.noun, lake.unit) == ("lake", "cubic metres")
    [rain] = claims_of("The institute recorded 112 millimetres of rain at Observatory Park on Tuesday.")
    assert (rain.noun, rain.event) == ("rain", None)  # recorded: how it is known, not what befell the rain


def test_a_measurement_of_an_estimate_takes_what_the_figure_it_is_set_against_measures():
    told = (
        "The survey says 9 million cubic metres of ice and rock fell, while the regional government has "
        "stuck to its estimate of 5.5 million cubic metres."
    )
    assert {(c.value, c.noun) for c in claims_of(told)} == {
        ("9 million cubic metres", "ice"),
        ("5.5 million cubic metres", "ice"),
    }


def test_things_returned_with_no_place_say_what_befell_them():
    """A verb of placing says where a group went ("sent to Marrowby"); with no place, particle or mover
    ("4,100 packs had been returned by last Friday") it is what befell them. Who received stays the
    receiver's ("How many appeals had the board received")."""
    [returned] = claims_of("Voltrana says 4,100 packs had been returned by last Friday.", "2026-03-18")
    assert (returned.noun, returned.event) == ("pack", "return")
    for placed in (
        "More than 7,000 people were moved out of the town.",
        "Nearly 10,000 soldiers are deployed along the border.",
        "Meanwhile, 1,000 soldiers are being deployed for demining operations.",
        "Some 40,000 sappers have been sent to the Kursk region, the bulletin said.",
        "Shoigu said 1,000 sappers went.",  # a group that went itself: a placing
    ):
        assert [c.event for c in claims_of(placed)] == [None]
    [by_owners] = claims_of("According to Voltrana, 11,600 packs had been returned by owners so far.")
    assert by_owners.event == "return"


def test_a_timeline_entrys_day_dates_every_sentence_of_its_line():
    text = (
        "Timeline: the recall\nPublished 11 April 2026\n\n"
        "- 10 March 2026: The regulator orders the recall of 48,700 packs. The fire service says it has "
        "linked 23 fires since September 2024 to the packs, in which 12 people were hurt. In a statement the "
        "same evening, the maker says its packs were involved in nine fires.\n"
        "- 17 March 2026: The Consumers' Union says its own survey suggests 17 people have been hurt.\n"
    )
    claims = article_claims(make_article("timeline", text))
    assert {(c.value, c.date) for c in claims} >= {
        ("48,700", "2026-03-10"),
        ("12", "2026-03-10"),
        ("9", "2026-03-10"),
        ("17", "2026-03-17"),
    }
    assert next(c.source for c in claims if c.value == "17") is not None


def test_the_region_is_the_one_its_body_is_named_for():
    named = "The Haskeld Regional Agriculture Office said 480,000 hectares in the region were damaged."
    assert [c.places for c in claims_of(named)] == [["Haskeld"]]
    unnamed = "The office said 480,000 hectares in the region were damaged."
    assert [c.places for c in claims_of(unnamed)] == [[]]


def test_a_small_number_in_words_counts_when_its_noun_is_what_happened_or_it_is_set_against_another():
    """ "two helicopters" is a detail of the scene; "nine deaths" says nine died (a noun whose first
    WordNet sense is an act or an event), and "but the agency says it has confirmed nine" is the other
    side of a dispute."""
    [deaths] = claims_of("The agency has confirmed nine deaths.")
    assert (deaths.value, deaths.noun) == ("9", "death")
    disputed = "The association says 23 dogs have died, but the agency says it has confirmed nine."
    assert [(c.value, c.noun, c.event) for c in claims_of(disputed)] == [
        ("23", "dog", "die"),
        ("9", "dog", "die"),
    ]
    [others] = claims_of("Eight people died and more than 30 others were injured.")[1:]
    assert (others.value, others.generic, others.event) == ("30", True, "injure")


def test_a_measurement_only_recorded_measures_what_the_sentence_before_does():
    text = (
        "Snow\nPublished 21 January 2026\n\nThe company says up to 70 centimetres of snow fell on the road. "
        "The institute's station at Grelland recorded 45 centimetres."
    )
    claims = article_claims(make_article("snow", text))
    assert [(c.value, c.noun, c.event) for c in claims] == [
        ("70 centimetres", "snow", None),
        ("45 centimetres", "snow", None),
    ]


def test_a_live_blogs_time_is_no_part_of_who_says_so():
    [toll] = claims_of("19:10 - Police say the death toll has risen to five as bodies were found.")
    assert (toll.value, toll.source) == ("5", "Police")


def test_a_count_joined_to_a_report_with_its_own_subject_is_that_subjects():
    sentence = (
        "The figures follow the same pattern: the union says 2,600 schools closed on Monday, and the"
        " ministry counts 1,480, because it treats a school as open if one class is taught."
    )
    frames = [(c.value, c.noun, c.source) for c in claims_of(sentence, "2026-09-15")]
    assert frames == [("2,600", "school", "union"), ("1,480", "school", "ministry")]


def test_an_estimate_raised_to_a_sum_is_the_estimates_and_its_reviser_says_so():
    # the parser hangs "to €65 million" on "the damage"; "from €40 million" is the estimate before
    sentence = (
        "Aldmoor Assurance, the terminal's insurer, raised its preliminary estimate of the damage to the"
        " terminal to €65 million on Thursday, from €40 million."
    )
    frames = [(c.value, c.noun, c.source) for c in claims_of(sentence, "2026-09-19")]
    assert frames == [
        ("€65 million", "damage", "Aldmoor Assurance"),
        ("€40 million", "damage", "Aldmoor Assurance"),
    ]
    [first] = claims_of(
        "The insurer has informed the company of a preliminary estimate of €40 million for the insured"
        " property damage at the terminal."
    )
    assert first.noun == "property damage"


def test_a_share_put_at_by_a_bare_figure_word_takes_what_the_share_before_measures():
    sentences = (
        "The retailers' association said 812 of the country's 2,140 stations had run out of fuel, or 38%"
        " of the network. The ministry, which counts only stations with no fuel at all, put the figure at"
        " 12% on the same day."
    )
    shares = [(c.value, c.noun, c.source) for c in claims_of(sentences) if c.unit == "percent"]
    assert shares == [("38%", "network", "retailers association"), ("12%", "network", "ministry")]


def test_a_dated_heading_dates_the_paragraphs_below_it():
    text = (
        "Hardship fund: €41,075 raised\n\nLast updated 15 Oct 2026, 21:10\n\n"
        "Update 2 – 15 October, 21:10\n\nThe committee said tonight's total is €41,075.\n\n"
        "Update 1 – 11 October, 20:30\n\nThe committee said the fund had raised €9,860."
    )
    dates = {c.value: c.date for c in article_claims(make_article("fund", text))}
    assert dates["€41,075"] == "2026-10-15"
    assert dates["€9,860"] == "2026-10-11"


def test_a_broadcast_scripts_cues_are_no_words_and_a_cued_parenthesis_names_who_speaks():
    text = (
        "Jet crashes at air show\n\n13 June 2026\n\n"
        "ANCHOR: Good evening.\n\n"
        "VO: Organisers said a record 42,000 people attended the show.\n\n"
        'SOT: (Maren Oddvik, display pilot) "He started that pull-up at about 300 metres."\n\n'
        'SOT: (Jarl Mennick, police) "About 28,000 people were on the site."'
    )
    claims = {c.value: c for c in article_claims(make_article("script", text))}
    assert claims["42,000"].event != "vo"
    assert claims["300 metres"].source == "Maren Oddvik"
    assert claims["28,000"].source == "Jarl Mennick"


def test_by_how_much_a_count_changed_asks_about_the_count_not_the_change():
    raised = question_frame("By how much did the business lobby raise its estimate of the daily cost?")
    assert (raised.noun, raised.event) == ("cost", None)
    rose = question_frame("By how much did the ministry's tally of sheep killed by wolves rise in May?")
    assert (rose.noun, rose.event) == ("sheep", "kill")


def test_a_wire_slug_is_no_source_and_a_headlines_two_verbs_share_one_subject():
    [slugged] = claims_of("HEALTH-STRIKE/TOLL: Ministry says 38,400 operations were cancelled")
    assert slugged.source == "Ministry"
    [headline] = claims_of('The union calls the figure "inflated", says 21,900 operations were cancelled.')
    assert headline.source == "union"


def test_how_many_things_there_are_in_a_place_is_their_count_there_people_need_a_verb():
    [wolves] = claims_of("The agency says there are 212 wolves in Tarsovia.")
    assert (wolves.noun, wolves.event, wolves.places) == ("wolf", None, ["Tarsovia"])
    [people] = claims_of("There were 3,559 people in Broken Bow.")
    assert people.event is not None


def test_a_bare_size_word_measures_what_the_sentence_before_does_or_what_reached_it():
    sentences = (
        "The survey estimates the volume of ice and rock that fell at 9 million cubic metres. The regional"
        " government puts the volume at 5.5 million cubic metres."
    )
    assert [c.noun for c in claims_of(sentences)] == ["ice", "ice"]
    [column] = claims_of("The institute said the ash column reached a height of 9 kilometres on Tuesday.")
    assert column.noun == "ash column"


def test_a_parenthesis_that_tells_of_figures_or_days_names_no_source():
    [regions] = claims_of("Regions covered by the amended permit: four (one dropped on 21 April)")
    assert regions.source is None
    [injured] = claims_of("Injured: 63 (Upper Marren Health Authority)")
    assert injured.source == "Upper Marren Health Authority"


def test_a_fact_box_line_that_names_who_gives_its_figure_and_when():
    [packs] = claims_of("Packs, Grey Wolf Trust field network (10 March): 36", "2026-04-23")
    assert (packs.noun, packs.date) == ("pack", "2026-03-10")
    assert packs.source.startswith("Grey Wolf Trust")
    [wolves] = claims_of("Wolves, State Environment Agency central estimate (10 March): 212", "2026-04-23")
    assert (wolves.noun, wolves.source.startswith("State Environment Agency")) == ("wolf", True)


def test_a_number_after_a_figure_word_is_its_value_not_a_count_of_figures():
    alert = (
        'Tunnel fire\n\n15 September 2026\n\n12:15 - LessaWarn: "Draumhorn tunnel: number of people treated'
        ' for smoke inhalation now 41. Relatives please call the hotline."'
    )
    [treated] = article_claims(make_article("alert", alert))
    assert (treated.value, treated.noun, treated.event) == ("41", "people", "treat")


def test_a_measure_the_parser_hangs_after_an_of_without_object_is_of_the_noun_before():
    [altitude] = claims_of(
        "Telemetry shows that the vehicle reached a maximum altitude of 41 km before termination."
    )
    assert (altitude.value, altitude.noun) == ("41 kilometres", "altitude")


def test_a_group_reported_as_harmed_and_one_that_was_hit_counts_what_befell_it():
    [damaged] = claims_of(
        "Nine residential properties have been reported to the Agency as damaged by falling debris."
    )
    assert (damaged.noun, damaged.event) == ("property", "damage")
    [hit] = claims_of("Only nine homes were hit.")
    assert (hit.noun, hit.event) == ("home", "hit")
    assert claims_of("The toll hit 40 on Monday.") == []  # a value reached, nothing that befell anyone


def test_a_sum_for_a_participle_is_what_was_done_for_it():
    [insured] = claims_of(
        "The minister told parliament that the satellites were insured for more than €200m."
    )
    assert (insured.value, insured.unit, insured.event, insured.qualifier) == (
        "€200 million",
        "euros",
        "insure",
        "more than",
    )


def test_a_sum_raised_or_increased_from_another_tells_both_of_one_thing():
    told = (
        "Relief\n\n12 April 2026\n\nThe minister announced a relief package of €8m. "
        "On 20 April she raised it to €15m."
    )
    raised = article_claims(make_article("relief", told))
    assert [(c.value, c.noun) for c in raised] == [
        ("€8 million", "relief package"),
        ("€15 million", "relief package"),
    ]
    increased = claims_of("The relief package will be increased to €15m, from the €8m announced in April.")
    assert [c.noun for c in increased] == ["relief package", "relief package"]
    price = claims_of(
        "The day-ahead contract closed at €44.10 on Wednesday, up from €41.75 on Monday.", "2026-03-05"
    )
    assert [(c.value, c.noun, c.date) for c in price] == [
        ("€44.1", "ahead contract", "2026-03-04"),
        ("€41.75", "ahead contract", "2026-03-02"),
    ]
    # a year-on-year comparison is another period's sum, not this one's before
    profit = claims_of("Operating profit rose to €148.6 million from €121.8 million a year earlier.")
    assert [c.value for c in profit] == ["€148.6 million"]


def test_a_count_that_fell_to_a_level_and_hikers_called_missing_count_the_missing():
    [fell] = claims_of("The number of people missing fell to 16, police said.")
    assert (fell.value, fell.noun, fell.event) == ("16", "people", "missing")
    [still] = claims_of("There are still 12 missing hikers, police said.")
    assert (still.noun, still.event) == ("hiker", "missing")
    [found] = claims_of("Police said six missing hikers were found.")
    assert found.event == "find"  # what befell the missing hikers
    [fallen] = claims_of("Two climbers fell to their deaths.")
    assert fallen.event == "fall"  # no level, a fall
    asked = question_frame("By how much did the number of missing hikers fall between Saturday and Monday?")
    assert (asked.noun, asked.event) == ("hiker", "missing")


def test_a_measure_or_sum_set_against_another_in_its_sentence_measures_the_same():
    measures = claims_of(
        "Analysts say the rocket climbed only to about 28 km, not the 41 km given by the agency."
    )
    assert [(c.value, c.noun, c.source) for c in measures] == [
        ("28 kilometres", "rocket", "Analysts"),
        ("41 kilometres", "rocket", "agency"),
    ]
    sums = claims_of("The insurer put the damage at €65 million, not the €90 million given by the owners.")
    assert [(c.value, c.noun, c.source) for c in sums] == [
        ("€65 million", "damage", "insurer"),
        ("€90 million", "damage", "owners"),
    ]


def test_what_lies_at_a_level_or_a_relative_clause_sets_at_one_is_what_is_measured():
    [lies] = claims_of("The pass lies at 2,610 metres.")
    assert (lies.noun, lies.event) == ("pass", None)
    [stood] = claims_of("Unemployment, which stood at 5% in May, rose.")
    assert stood.noun == "unemployment"


def test_who_gave_out_a_report_that_a_participle_says_says_so_on_its_day():
    published = "2026-04-21"
    [analysis] = claims_of(
        "Tidewatch published an analysis on Sunday suggesting the rocket climbed to 28 km.", published
    )
    [report] = claims_of("On Sunday Tidewatch released a report showing that 300 people died.", published)
    assert [(c.source, c.date) for c in (analysis, report)] == [("Tidewatch", "2026-04-19")] * 2
    [jobs] = claims_of("The company raised its forecast on Tuesday, saying 300 jobs would go.", published)
    assert jobs.source == "company"


def test_a_count_before_that_the_tagger_reads_as_a_time_of_day_is_a_count():
    [now, before] = claims_of("Police said six hikers remain unaccounted for, down from 11 this morning.")
    assert [(c.value, c.noun) for c in (now, before)] == [("6", "hiker"), ("11", "hiker")]
    [season] = claims_of(
        "The club says its average attendance was 21,400, down from 22,900 the season before."
    )
    assert season.value == "21,400"  # another season's figure, on no day the sentence gives


def test_degree_programmes_are_counted_not_measured_and_a_count_cut_to_a_level_states_it():
    [programmes] = claims_of("First, we are proposing to close 31 degree programmes.")
    assert (programmes.value, programmes.unit, programmes.noun) == ("31", None, "degree programme")
    [cut] = claims_of("The council cut the number of libraries to 12.")
    assert (cut.value, cut.noun) == ("12", "library")
    [turn] = claims_of("A 90 degree turn took the bus off the road.")
    assert (turn.value, turn.noun) == ("90 degrees", "turn")  # an angle: a measurement


def test_a_number_spelled_in_thousands_and_hundreds_is_one_figure():
    [households] = claims_of(
        "Quiet Skies says twelve thousand five hundred households will be under the noise."
    )
    assert (households.value, households.noun) == ("12,500", "household")


def test_a_participle_after_the_counted_noun_of_a_question_is_what_befell_it():
    asked = question_frame("What figure did the city council give for the number of residents affected?")
    assert (asked.noun, asked.event) == ("resident", "affect")


def test_a_question_about_a_change_is_about_the_count_however_the_parser_misreads_its_verb():
    water = question_frame(
        "By how much did the count of households without water fall between Monday and Friday?"
    )
    assert water.noun == "household"  # "water fall", a noun to the parser
    toll = question_frame("By how much did the death toll rise?")
    assert toll.event == "death"  # "toll", a compound of "rise" to the parser


def test_a_sum_compared_with_another_period_borrows_nothing_one_given_by_another_teller_does():
    year_before = claims_of(
        "Net income was $1.45 billion, or 94 cents per share, compared with $1.47 billion a year earlier."
    )
    assert [c.value for c in year_before] == ["$1.45 billion"]
    disputed = claims_of(
        "The group says the bill would exceed 1.1 billion euros, compared with the 640 million euros given by"
        " the airport company."
    )
    assert [(c.value, c.noun, c.source) for c in disputed] == [
        ("1.1 billion euros", "bill", "group"),
        ("640 million euros", "bill", "airport company"),
    ]


def test_a_count_compared_with_its_value_on_another_day_counts_the_same_on_that_day():
    [now, before] = claims_of(
        "The ministry said 103 people had died as of March 15, compared with 74 on March 8.", "2026-03-17"
    )
    assert [(c.value, c.event, c.source, c.date) for c in (now, before)] == [
        ("103", "die", "ministry", "2026-03-15"),
        ("74", "die", "ministry", "2026-03-08"),
    ]
    told = (
        "Crew\n\n23 May 2026\n\nThe navy said on Saturday that 21 of the 25 crew members were now accounted "
        "for, after four sailors were handed over.\n\nThat compares with 17 on Friday."
    )
    *_, friday = article_claims(make_article("crew", told))
    assert (friday.value, friday.noun, friday.event) == ("17", "crew member", "account")  # the first's


def test_a_sum_a_thing_was_enlarged_to_is_the_things_and_a_part_of_it_paid_out_is_what_was_paid():
    enlarged = claims_of("On 18 February the ministry enlarged the package to €60m.", "2026-04-21")
    increased = claims_of("On 18 February the ministry increased the package to €60m.", "2026-04-21")
    raised = claims_of("In February the package was raised to €60m.", "2026-04-21")
    assert [c.noun for c in enlarged + increased + raised] == ["package", "package", "package"]
    [paid] = claims_of("A spokesperson said that €22m of the package had already been paid out.")
    assert (paid.noun, paid.event) == ("package", "pay out")


def test_a_measure_compared_with_another_of_its_sentence_measures_the_same_and_comparing_is_no_event():
    told = claims_of(
        "According to the State Forest Service's autumn survey, 41,200 hectares of spruce across Ostrevia"
        " showed beetle damage last October, compared with 26,400 hectares in the summer.",
        "2026-03-15",
    )
    assert [(c.value, c.noun, c.event) for c in told] == [
        ("41,200 hectares", "spruce", None),
        ("26,400 hectares", "spruce", None),
    ]
    assert told[0].date == "2025-10"


def test_a_figure_dated_by_a_month_a_year_before_the_article_is_background():
    told = claims_of(
        "During the smog of November 2025 the ministry recorded 410 admissions over three days.", "2026-11-17"
    )
    assert [(c.value, c.date) for c in told] == [("410", "2025-11")]
    assert is_background(told[0])


def test_a_labels_kind_word_is_no_event_and_its_participle_is_one_as_in_a_sentence():
    deaths = claims_of("Deaths, cumulative: 131 (103 at the end of week 2).")
    assert [(c.value, c.noun, c.event) for c in deaths] == [("131", "death", None), ("103", "death", None)]
    cases = claims_of("Suspected cases, cumulative: 2,050 (1,870 at the end of week 2).")
    assert [(c.value, c.noun, c.event) for c in cases] == [
        ("2,050", "case", "suspect"),
        ("1,870", "case", "suspect"),
    ]


def test_the_whole_a_part_is_taken_from_keeps_its_own_participle():
    part, whole = claims_of(
        "612 of the 2,050 suspected cases have been confirmed by the national laboratory."
    )
    assert (whole.value, whole.noun, whole.event) == ("2,050", "case", "suspect")
    assert (part.value, part.event) == ("612", None)  # confirming reports; it befalls nothing


def test_a_move_along_a_scale_is_no_count():
    assert (
        claims_of("During this period the index fell 612 points, or 8.3 per cent, from 7,374 to 6,762.") == []
    )
    assert claims_of("The index ends the day 141 points, or 1.9%, lower at 7,233.") == []
    assert claims_of("The club climbed three places to fifth.") == []
    [won] = claims_of("The team won 12 points.")
    assert (won.noun, won.event) == ("point", "win")


def test_a_question_about_the_figure_given_for_something_asks_about_that_thing():
    treated = question_frame("What figure did the health board give for people treated at the lake?")
    assert (treated.noun, treated.event) == ("people", "treat")
    waiting = question_frame("What figure does the Civic Alliance give for patients waiting over a year?")
    assert (waiting.noun, waiting.event) == ("patient", "wait")
    recalled = question_frame("What figure did the regulator give for the number of packs recalled?")
    assert (recalled.noun, recalled.event) == ("pack", "recall")


def test_a_timeline_entry_told_as_day_and_dash_dates_its_line_and_names_its_source():
    """ "14 May - Police say …": the day before a dash heads a "what we know" timeline's entry (year
    unsaid, read against the page's date). Before, every entry took the page's day and its first word."""
    text = (
        "What we know\nMay 18, 2026\n\n"
        "12 May - Police detain three people. The agency says 14 patients have been harmed.\n\n"
        "15 May - Police say seven people have now been arrested. The agency raises its count of harmed "
        "patients to 23.\n\n"
        "18 May - The agency says it has now received reports of 31 patients harmed.\n"
    )
    claims = article_claims(make_article("timeline", text))
    assert {(c.value, c.date) for c in claims} >= {
        ("14", "2026-05-12"),
        ("7", "2026-05-15"),
        ("23", "2026-05-15"),
        ("31", "2026-05-18"),
    }
    assert next(c.source for c in claims if c.value == "7") == "Police"


def test_the_whole_named_first_tells_what_its_part_counts_and_keeps_no_place_of_the_parts():
    """ "Of the 131 deaths, 118 were in Upper Tolvane": 118 counts deaths there; the 131 is the whole
    (before, 118 was dropped and the 131 took Upper Tolvane). "42" is no date, "are Corvanian citizens"
    says what the part is, not a count."""
    whole, part = claims_of("Of the 131 deaths, 118 were in Upper Tolvane, nine in Lower Tolvane.")
    assert (whole.value, whole.noun, whole.places) == ("131", "death", [])
    assert (part.value, part.noun, part.places) == ("118", "death", ["Upper Tolvane"])
    discharged = claims_of("Of the 103 people taken to hospital, 42 had been discharged by Monday.")
    assert [(c.value, c.noun, c.event) for c in discharged] == [
        ("103", "people", "take to hospital"),
        ("42", "people", "discharge"),
    ]
    citizens = claims_of("Of the 2,740 passengers on board, 310 are Corvanian citizens.")
    assert [c.value for c in citizens] == ["2,740"]


def test_a_participle_the_parser_hung_on_the_verb_still_says_what_befell_the_noun():
    [harmed] = claims_of("The agency says it has now received reports of 31 patients harmed.")
    assert (harmed.noun, harmed.event) == ("patient", "harm")


def test_what_a_haul_is_worth_is_no_event_of_what_it_counts():
    """ "4.2 million pills worth €18 million" counts pills, as "4.2 million pills" does; "worth" was read as
    what befell them, which split one dispute over the pills in two."""
    pills, value = claims_of("Customs announced a seizure of 4.2 million pills worth €18 million.")
    assert (pills.noun, pills.event) == ("pill", None)
    assert (value.unit, value.noun) == ("euros", "pill")


def test_injuries_to_a_group_say_what_befell_it():
    """ "recorded injuries to 41 passengers" counts passengers injured, not passengers (who were on board:
    286); "caused damage to 300 homes" counts homes damaged. Letters to parents befall no one."""
    [injured] = claims_of("The medical service says its staff recorded injuries to 41 passengers.")
    assert (injured.noun, injured.event, injured.counted) == ("passenger", "injury", "injuries to passengers")
    [damaged] = claims_of("The storm caused damage to 300 homes.")
    assert (damaged.noun, damaged.event) == ("home", "damage")
    [parents] = claims_of("The council sent letters to 300 parents.")
    assert (parents.noun, parents.event) == ("parent", None)


def test_who_a_passive_names_after_a_comma_is_nothing_done_to_them():
    [taken] = claims_of(
        "Word had gone round that nine people had been taken to hospital in Oskeld, among them the woman "
        "with the broken wrist."
    )
    assert taken.event == "take to hospital"


def test_a_figure_its_teller_rejects_counts_what_theirs_does_and_is_not_theirs():
    """ "… a payment of €58 million, not €41.5 million": the other side's figure, told in the bondholders'
    sentence; it was dropped (same teller as the lender, so no dispute to lend to)."""
    ours, theirs = claims_of(
        "The bondholders say the city missed a payment of €58 million, not €41.5 million."
    )
    assert (ours.noun, ours.source) == ("payment", "bondholders")
    assert (theirs.value, theirs.noun, theirs.source) == ("€41.5 million", "payment", None)
    hurt, rejected = claims_of("Police said 40 people were hurt, not 12.")
    assert (rejected.noun, rejected.event, rejected.source) == (hurt.noun, hurt.event, None)


def test_by_how_much_a_count_fell_asks_about_what_it_counts_whatever_the_parser_roots():
    """ "By how much had the number of closed stations fallen between …?": the parser makes "By" the root;
    the count that changed is still the subject of "fallen" (the question had no frame)."""
    stations = question_frame(
        "By how much had the number of closed stations fallen between the morning of 15 July and the "
        "KMTA's statement to the council?"
    )
    assert (stations.noun, stations.event) == ("station", "close")


def test_a_state_the_parser_makes_the_root_is_what_its_subject_is_in():
    """ "How many people were unaccounted for …?": the parser roots the question at the adjective, with
    "were" as its auxiliary; it is still their state (the question named none), "not accounted" for."""
    asked = question_frame("How many people were unaccounted for on Tuesday, March 3, after the dam failed?")
    assert (asked.noun, asked.event) == ("people", "not account")


def test_at_the_latest_count_is_no_place_anyone_is():
    """ "… at the latest count" says when a figure was given; it was read as where the customers were
    ("at count"), as "in hospital" is."""
    asked = question_frame(
        "How many Dalmoor Power customers were still without electricity at the latest count?"
    )
    assert (asked.noun, asked.event) == ("customer", None)
    [customers] = claims_of("The utility said 12,000 customers were in the dark at the latest count.")
    assert customers.event != "at count"


def test_how_many_were_on_board_asks_what_the_figures_on_board_count():
    """ "How many passengers were on board the coach?" asks what "49 passengers on board" counts (a
    figure's "on board" says only where a named group is); "people on board" and "in hospital" keep it."""
    assert question_frame("How many passengers were on board the coach?").event is None
    assert question_frame("How many people were on board the coach?").event == "aboard"
    assert question_frame("How many passengers were still in hospital on Monday?").event == "in hospital"


def test_a_day_range_names_its_last_day_not_a_year():
    """ "the night of 19-20 January" was read as the year 2020 (dateparser takes "19-20" for a year)."""
    from service.nlp import resolve_date

    assert resolve_date("the night of 19-20 January", "2026-01-25") == "2026-01-20"
    assert resolve_date("January 19–20", "2026-01-25") == "2026-01-20"
    assert resolve_date("2025-26", "2026-01-25") is None  # a season, as before


def test_a_date_written_right_after_a_figure_is_its_own_however_the_parser_hangs_it():
    """The parser hung "on 10 May" on "rose" and the toll's relative clause gave "three" its 6 May."""
    toll = claims_of(
        "The death toll, which stood at two on 6 May, rose to three on 10 May and to four on 13 May.",
        "2026-05-14",
    )
    assert {(c.value, c.date) for c in toll} >= {("3", "2026-05-10"), ("4", "2026-05-13")}


def test_a_relative_clause_hung_on_the_verb_before_takes_that_verbs_date():
    """ "in which 47 … fell ill" hangs, to the parser, on "referred" and its "in 2019": the outbreak's."""
    earlier = claims_of(
        "He referred to the outbreak at Marrowdale in 2019, in which 47 people fell ill and six died.",
        "2026-05-15",
    )
    assert {(c.value, c.date) for c in earlier} == {("47", "2019"), ("6", "2019")}


def test_a_when_clause_that_opens_the_sentence_dates_its_figures():
    told = claims_of(
        "When the agency first announced the outbreak a week ago, it had 14 confirmed cases and had "
        "recorded two deaths.",
        "2026-05-13",
    )
    assert {(c.value, c.date) for c in told} == {("14", "2026-05-06"), ("2", "2026-05-06")}


def test_those_of_a_kind_somewhere_count_where_they_are_and_the_kind_is_no_event():
    """ "Twelve injured people are in hospital" counts those in hospital, as "eight people injured in the
    crash were still in hospital" does, and so do "workers" (since the 63rd set; before, for a named group
    "in hospital" said only where, as "on board" still does); a clause on the hospital is not part of its
    name."""
    [people] = claims_of("Twelve injured people are in hospital.")
    assert (people.noun, people.event) == ("people", "in hospital")
    [workers] = claims_of("Twelve injured workers are in hospital.")
    assert (workers.noun, workers.event) == ("worker", "in hospital")
    [people, _] = claims_of("Fourteen people are currently in hospital, of whom five are in intensive care.")
    assert (people.event, people.counted) == ("in hospital", "people in hospital")


def test_what_a_part_is_is_no_count_of_the_whole():
    """ "Five of the confirmed cases are employees" counted five cases, against the 31 confirmed."""
    assert claims_of("Five of the confirmed cases are employees of the hotel.") == []
    assert [c.value for c in claims_of("Five of the confirmed cases have died.")] == ["5"]


def test_what_follows_an_event_of_an_earlier_year_is_of_that_time():
    """ "After the 2011 heatwave, the ministry reported 700 excess deaths" is 2011's figure (it made a
    timeline with this summer's toll); "after Wednesday's handover" keeps the figure's own day."""
    [deaths] = claims_of(
        "After the 2011 heatwave, the ministry initially reported about 700 excess deaths.", "2026-07-21"
    )
    assert deaths.date == "2011"
    [freed] = claims_of("After Wednesday's handover, 15 hostages were freed.", "2026-07-21")
    assert freed.date != "2011"


def test_a_named_groups_participle_is_its_kind_when_its_clause_says_what_befell_it():
    """ "How many escaped animals were shot?" asks about the shot (it got the dispute over the escaped);
    "23 injured people had been taken to hospitals" still counts the injured: people need the word."""
    assert question_frame("How many escaped animals were shot, according to the charity?").event == "shoot"
    [injured] = claims_of("The department said 23 injured people had been taken to hospitals in Mardusca.")
    assert injured.event == "injure"


def test_so_many_things_per_something_is_a_rate_not_a_count():
    """ "about sixteen bottles per pharmacy" set the shelf's 40 bottles against it as a false alarm."""
    assert claims_of("So about sixteen bottles per pharmacy, if they shared them out fairly.") == []
    assert [c.value for c in claims_of("We have 40 bottles of it in the back.")] == ["40"]


def test_what_would_be_were_something_so_and_a_margin_of_error_are_no_figures():
    """ "if every pack were refunded at €420, refunds would come to more than €20m" set an analyst's
    sum against the company's as a false alarm; "plus or minus 300 posts" is how far off, not how many."""
    assert (
        claims_of(
            "Mikael Ostervold said that if every pack in the notice were refunded at €420, refunds alone"
            " would come to more than €20m before legal costs."
        )
        == []
    )
    assert [c.value for c in claims_of("The company said it would cut 2,000 jobs.")] == ["2,000"]
    assert claims_of("The union puts the margin of error at plus or minus 300 posts.") == []


def test_days_later_is_counted_from_the_day_its_paragraph_names():
    """ "Two days later, … raised the figure to €1.1m": two days after the day the sentence before names,
    not the article's day; "On the first day, June 2, …" names June 2."""
    text = (
        "Ski bulletin\nPublished 12 June 2026\n\nThe company first put its lost ticket revenue at €380,000 "
        "on 18 February. Two days later, with its upper lifts still without power, the company raised the "
        "figure to €1.1m.\n\nOn the first day, June 2, the operator reported that 3,150 trains had been "
        "cancelled. The next day the operator said 3,480 trains had been cancelled."
    )
    dates = {c.value: c.date for c in article_claims(make_article("bulletin", text))}
    assert dates["€380,000"] == "2026-02-18"
    assert dates["€1.1 million"] == "2026-02-20"
    assert dates["3,150"] == "2026-06-02"
    assert dates["3,480"] == "2026-06-03"


def test_a_measured_area_takes_the_participle_told_right_after_it():
    """ "3,100 hectares damaged" measures what was damaged; not "160 millimetres taken from the gauges"
    (where the figure comes from) nor "40 km of shoreline affected" (the shoreline it measures)."""
    [area, *_] = claims_of(
        "The Ministry of Agriculture's first assessment, published on Thursday, is much lower: 3,100 "
        "hectares damaged, a harvest loss of around 40 per cent and economic damage of €58 million."
    )
    assert (area.event, area.source) == ("damage", "Ministry of Agriculture")
    [found] = claims_of("The ministry's report of 23 April found 3,100 hectares damaged.")
    assert found.event == "damage"
    rain = claims_of(
        "The institute said 112 millimetres of rain fell at its station, while the mayor put the figure at "
        "160 millimetres taken from the city's drainage gauges."
    )
    assert [c.event for c in rain] == [None, None]
    [shore] = claims_of("The agency says about 40 km of shoreline affected.")
    assert shore.noun == "shoreline"


def test_a_bare_figure_a_teller_says_takes_what_the_sentence_before_counts():
    """ "The ministry says 3,100." after "4,800 hectares were damaged": 3,100 hectares damaged."""
    claims = claims_in_a_row("The union says 4,800 hectares were damaged.", "The ministry says 3,100.")
    assert [(c.value, c.unit, c.event, c.source) for c in claims] == [
        ("4,800 hectares", "hectares", "damage", "union"),
        ("3,100", "hectares", "damage", "ministry"),
    ]


def test_two_bare_figures_answer_the_two_figures_before_them_in_order():
    claims = claims_of(
        "Police say 1,150 people took part at the peak and 17 were arrested; the organisers say 3,000 and 31."
    )
    assert [(c.value, c.event, c.source) for c in claims] == [
        ("1,150", "take part", "Police"),
        ("17", "arrest", "Police"),
        ("3,000", "take part", "organisers"),
        ("31", "arrest", "organisers"),
    ]


def test_a_share_spelled_in_words_is_a_percentage_and_an_expected_noun_is_no_forecast():
    [spelled] = claims_of("The union expects the region to lose seventy per cent of its harvest.")
    assert (spelled.value, spelled.unit, spelled.noun) == ("70%", "percent", "harvest")
    [lost] = claims_of("The ministry said about 40 per cent of the expected harvest had been lost.")
    assert (lost.value, lost.noun, lost.event) == ("40%", "harvest", "lose")


def test_a_sum_a_teller_says_bare_takes_what_the_other_sum_of_its_sentence_is():
    damage = claims_of("The union says the damage is €95 million, and even the ministry says €58 million.")
    assert [(c.value, c.noun) for c in damage] == [("€95 million", "damage"), ("€58 million", "damage")]


def test_the_signatures_needed_for_a_debate_are_a_threshold_not_a_count():
    claims = claims_of(
        "The petition passed the 15,000 signatures needed to trigger a full council debate, and by that "
        "morning it had 15,212 signatures."
    )
    assert [c.value for c in claims] == ["15,212"]


def test_a_clause_joined_to_a_relative_clause_has_its_date():
    claims = claims_of(
        "In 2017 the race suffered a crash on the descent to Ruvaine in which 19 riders fell and six were "
        "taken to hospital.",
        "2026-05-16",
    )
    assert [(c.value, c.date) for c in claims] == [("19", "2017"), ("6", "2017")]


def test_taken_to_a_named_hospital_is_taken_to_hospital():
    [taken] = claims_of("Six riders were taken to Sanvelle General Hospital for examination.")
    assert (taken.noun, taken.event) == ("rider", "take to hospital")


def test_upper_case_dated_headings_date_the_paragraphs_below_them():
    text = (
        "How we got here\nPublished 14 April 2026\n\n19-20 JANUARY: THE PETITION\n\nThe alliance launched "
        "its online petition on 19 January. By the next evening it had 1,850 signatures.\n\n2 MARCH: DOWN "
        "TO SEVEN\n\nThe Alliance said its petition had reached 11,200 signatures that day.\n\n23 MARCH: SIX "
        "BRANCHES, AND A WAR OF NUMBERS\n\nThe alliance handed over the petition with 14,730 signatures."
    )
    dates = {c.value: c.date for c in article_claims(make_article("timeline", text))}
    assert dates == {"1,850": "2026-01-20", "11,200": "2026-03-02", "14,730": "2026-03-23"}


def test_a_count_that_reached_a_figure_names_what_the_sentence_before_counts():
    claims = claims_in_a_row(
        "The agency said 3,100 people had left the site.",
        "By 10 p.m. that evening its count had reached 7,400.",
    )
    assert [(c.value, c.noun, c.event) for c in claims] == [
        ("3,100", "people", "leave site"),
        ("7,400", "people", "leave site"),
    ]


def test_a_total_someone_expects_to_reach_a_figure_is_a_forecast():
    """Not the running count the sentence before gives, at a later figure."""
    told = "Common Larder had handed out 118,200 food parcels by May 31, according to its weekly count."
    expected = (
        "The network says it expects the running total to reach 400,000-plus by the end of August if demand "
        "stays at current levels."
    )
    claims = claims_in_a_row(told, expected, "2026-06-05")
    assert [c.value for c in claims] == ["118,200"]


def test_people_expected_to_arrive_are_still_counted():
    """Only a count someone expects to reach a figure is a forecast, not "5,000 are expected to arrive"."""
    [engineers] = claims_of(
        "According to the NIS, approximately 5,000 North Korean engineers are expected to arrive in Russia."
    )
    assert (engineers.value, engineers.noun) == ("5,000", "engineer")


def test_a_figure_said_while_doing_something_in_a_past_year_is_of_that_year():
    claims = claims_of(
        "In 2014, the council closed four branch libraries, saying the move would save £600,000 a year.",
        "2026-04-14",
    )
    assert [(c.value, c.date) for c in claims] == [("4", "2014"), ("£600,000", "2014")]


def test_a_sum_to_a_number_of_receivers_is_two_figures_not_a_range():
    claims = claims_of(
        "We also paid €410,000 to 8,950 retailers in compensation for the commission they lost."
    )
    assert [c.value for c in claims][:2] == ["€410,000", "8,950"]
    [span] = claims_of("Officials said 12 to 15 people died.")
    assert (span.low, span.high) == (12, 15)


def test_a_fact_box_label_names_what_a_measurement_measures():
    """ "Queue length: 31 km" measures the queue, as "the queue stretched 31 km" does (before the 65th set's
    mends its noun was "queue length", a thing of its own)."""
    [queue] = claims_of("Queue length: 31 km.", "2026-03-10")
    assert (queue.value, queue.noun) == ("31 kilometres", "queue")


def test_a_live_pages_dated_headings_date_its_entries():
    """ "Tuesday 10 March, 08:00" on a line of its own, the entry on the next line: the entry's day."""
    text = (
        "LIVE: border queue\nUpdated 12 March 2026 17:40\n\nThursday 12 March, 12:00\nQueue length: 11 km."
        "\n\nWednesday 11 March, 09:00\nQueue length: 35 km.\n\nTuesday 10 March, 19:45\nQueue length: 38 km."
    )
    claims = article_claims(make_article("live", text))
    assert [(c.value, c.date, c.date_stated) for c in claims] == [
        ("11 kilometres", "2026-03-12", False),  # the page's own day
        ("35 kilometres", "2026-03-11", True),
        ("38 kilometres", "2026-03-10", True),
    ]


def test_a_paragraph_opening_on_the_same_day_is_of_the_day_the_paragraph_before_names():
    text = (
        "Fire\n\n14 May 2026\n\nAfter a drone survey on Tuesday, the fire service said six hectares of the "
        "site were burning.\n\nOn the same day, the operator told firefighters that only 2.5 hectares were "
        "alight.\n\nThe operator said 40 staff were sent home."
    )
    claims = article_claims(make_article("fire", text))
    assert [(c.value, c.date, c.date_stated) for c in claims] == [
        ("6 hectares", "2026-05-12", True),
        ("2.5 hectares", "2026-05-12", True),
        ("40", "2026-05-14", False),  # a paragraph of its own, on no day told before
    ]


def test_an_area_spelled_out_is_a_measurement_and_what_befalls_it_is_what_it_measures():
    """ "only 2.5 hectares were alight" and "put the burning area at six hectares" say what the area is of:
    the two sides of one dispute (they used to be no claim at all)."""
    claims = claims_of(
        "The fire service put the burning area at six hectares, while the operator said only 2.5 hectares "
        "were burning."
    )
    assert [(c.value, c.unit, c.noun, c.event) for c in claims] == [  # "area" is the unit's own measure
        ("6 hectares", "hectares", None, "burn"),
        ("2.5 hectares", "hectares", None, "burn"),
    ]
    [alight] = claims_of("The operator said only 2.5 hectares were alight.")
    assert (alight.value, alight.event) == ("2.5 hectares", "alight")
    assert claims_of("Nearly 30 km separates the two towns.") == []  # a distance that acts befalls nothing


def test_its_own_count_under_a_report_is_the_reporters():
    claims = claims_of(
        "The police said 40 people were hurt, while the union said its own count showed 55 were hurt."
    )
    assert [(c.value, c.source) for c in claims] == [("40", "police"), ("55", "union")]


def test_dead_fish_counted_are_fish_that_died():
    """ "counted 2,300 dead fish" and "put the number of dead fish at 5,000" count one thing: the dead."""
    claims = claims_of(
        "Officers had counted about 2,300 dead fish; the anglers put the number of dead fish at 5,000."
    )
    assert [(c.value, c.noun, c.event) for c in claims] == [
        ("2,300", "fish", "dead"),
        ("5,000", "fish", "dead"),
    ]


def test_a_concentration_recorded_is_the_concentration_not_a_recording():
    """How a measurement is known ("recorded", "measured") is no event: the two readings of one station
    meet in one group."""
    [told] = claims_of(
        "The highest hourly concentration of fine particles (PM2.5) recorded since the fire began was 312 "
        "micrograms per cubic metre, at the Oldmere Road station at 7 a.m. on Tuesday 12 May."
    )
    [reached] = claims_of("The hourly concentration at the station reached 540 micrograms per cubic metre.")
    assert (told.noun, told.event) == (reached.noun, reached.event) == ("concentration", None)


@pytest.mark.parametrize(
    "sentence",
    [
        "In an average year the wind farm produces enough electricity for about 160,000 homes.",
        "The plant makes enough power to supply 40,000 homes.",
    ],
)
def test_what_a_size_would_serve_is_no_count(sentence):
    """ "enough electricity for 160,000 homes" is how big the output is, not 160,000 homes cut off."""
    assert claims_of(sentence) == []


def test_a_bare_figure_a_count_moved_on_to_counts_what_the_figure_before_it_does():
    """Not what the sentence before counts ("nine of the district's 23 designated bathing waters")."""
    claims = claims_in_a_row(
        "Advice against bathing remained in place at nine of the district's 23 designated bathing waters.",
        "Advice against bathing had first been issued at four beaches on Saturday 11 July and extended to "
        "nine on Sunday 12 July.",
        "2026-07-15",
    )
    assert [(c.value, c.noun, c.date) for c in claims[-2:]] == [
        ("4", "beach", "2026-07-11"),
        ("9", "beach", "2026-07-12"),
    ]


def test_a_unit_written_against_its_number_and_in_capitals_is_a_measurement():
    """ "207MW", "12km": the unit glued to the number; "108 MW of capacity remains offline": the
    capitals the tagger calls a name are the unit all the same, and the state is what it measures."""
    [output] = claims_of("The operator said 108 MW of capacity remains offline.")
    assert (output.value, output.noun, output.event) == ("108 megawatts", "capacity", "offline")
    assert [f.value for f in with_units("The storm knocked 207MW offline and closed 12km of road.")] == [
        "207 megawatts",
        "12 kilometres",
    ]
    assert [f.value for f in with_units("About 5m people live there.")] == ["5 million"]  # still millions
    assert [f.value for f in with_units("Gusts reached 120km/h.")] == ["120 kilometres per hour"]


def test_how_far_within_is_the_distance_of_what_happened_not_the_size_of_what_it_is_near():
    [landed] = claims_of(
        "Skarrow said in the first days that everything had fallen within 400 metres of the towers."
    )
    assert (landed.noun, landed.event) == (None, "fall")  # not the towers' 400 metres
    [tall] = claims_of("The towers are 105 metres tall.")
    assert tall.noun == "tower"


def test_a_range_of_numbers_the_tagger_calls_a_date_still_counts_its_noun():
    """ "Between 40 and 50" holds nothing but numbers: the tagger's DATE label is wrong when they count a
    noun. A year that opens a sentence without a comma is still no count, and dates what follows."""
    [hurt] = claims_of("Between 40 and 50 people were injured, the police said.", "2026-09-15")
    assert (hurt.value, hurt.noun, hurt.event, hurt.source) == ("40–50", "people", "injure", "police")
    [killed] = claims_of(
        "In 1987 rabies spread from foxes to dogs in the same upland districts and killed eight people.",
        "2026-04-16",
    )
    assert (killed.value, killed.event, killed.date) == ("8", "kill", "1987")


def test_a_numbers_box_line_reads_its_figure_with_what_follows_the_dash():
    """ "By the numbers" boxes: "11 — homes lost …", "800 — metres of coastline affected …"."""
    [homes] = claims_of("11 — homes lost to the sea, according to Dunmere District Council.", "2026-02-20")
    assert (homes.value, homes.noun, homes.event) == ("11", "home", "lose")
    assert homes.source == "Dunmere District Council"
    [coast] = claims_of("800 — metres of coastline affected by the collapse.", "2026-02-20")
    assert (coast.value, coast.noun, coast.event) == ("800 metres", "coastline", "affect")


def test_a_part_a_sentence_opens_on_counts_what_befell_it_on_the_day_of_the_count():
    """ "Five of them have died, the most recent on Saturday": five died (the set was given before), and
    Saturday is the day of the latest death, not of the count. "Twelve of them were children" is no count."""
    died, _fighting = claims_of(
        "Five of them have died, the most recent on Saturday, and two are fighting for their lives.",
        "2026-09-15",
    )
    assert (died.value, died.event, died.date) == ("5", "die", "2026-09-15")
    assert claims_of("Twelve of them were children.") == []
    [said] = claims_of("The Ministry of Health says five of them have died.", "2026-09-15")
    assert (said.value, said.event, said.source) == ("5", "die", "Ministry of Health")


def test_a_contrast_clause_keeps_its_own_teller_and_a_valuer_puts_a_participle_phrase_at_a_figure():
    """The parser joins "showed" to "put", past the "while" clause whose report it continues; the "at"
    of "put the area burning at six hectares" hangs on the participle, not on "put"."""
    six, two = claims_of(
        "On Tuesday, the fire service put the area burning at six hectares, while Tolvane told firefighters "
        "its own measurement showed 2.5 hectares.",
        "2026-03-10",
    )
    assert (six.value, six.source) == ("6 hectares", "fire service")
    assert (two.value, two.source) == ("2.5 hectares", "Tolvane")


def test_the_day_of_an_order_a_count_runs_under_is_not_the_counts_day():
    [culled] = claims_of(
        "According to the Regional Veterinary Office, 612 dogs have been culled under the emergency order "
        "of 2 April.",
        "2026-04-16",
    )
    assert (culled.noun, culled.event, culled.date) == ("dog", "cull", "2026-04-16")
    [flood] = claims_of("The flood of 3 March killed 12 people.", "2026-04-16")
    assert flood.date == "2026-03-03"  # the event's own day still dates it


def test_a_named_fund_is_what_its_sum_counts_and_a_week_later_moves_the_day():
    """ "the Coastal Relocation Fund" is a name, but its head is something owned: the sum's noun. "then
    increased to €7.2m a week later": the fund (the subject the two verbs share), a week after 10 February."""
    [fund] = claims_of("The Coastal Relocation Fund has been increased to €7.2 million.", "2026-03-05")
    assert (fund.value, fund.noun) == ("€7.2 million", "fund")
    first, then = claims_of(
        "The fund was first announced at €4.5m on 10 February, then increased to €7.2m a week later.",
        "2026-03-05",
    )
    assert [(c.noun, c.date) for c in (first, then)] == [("fund", "2026-02-10"), ("fund", "2026-02-17")]
    raised, before = claims_of(
        "€7.2m — the government's Coastal Relocation Fund, raised on 17 February from the €4.5m announced "
        "a week earlier.",
        "2026-02-20",
    )
    assert [(c.value, c.date) for c in (raised, before)] == [
        ("€7.2 million", "2026-02-17"),
        ("€4.5 million", "2026-02-10"),
    ]


def test_the_bare_figure_a_count_grew_to_counts_what_it_grew_from_and_a_bracketed_number_is_a_name():
    grown_from, grown_to = claims_of(
        "The council's register of short-term rentals grew from 610 properties when registration became "
        "compulsory in April 2025 to 1,180 by the end of March.",
        "2026-04-22",
    )
    assert (grown_to.value, grown_to.noun, grown_to.event) == ("1,180", grown_from.noun, grown_from.event)
    assert grown_to.noun == "property"
    assert claims_of("Ilse Marrack (Coastal Alliance) [40214]: To ask the Minister how much was paid.") == []


def test_a_count_under_a_clausal_subject_and_how_far_a_thing_moved():
    """The parser makes "confirmed" the clausal subject of "risen", with "the number" its own subject: the
    count is still of the animals, and "confirmed" names no teller. "retreated 14 metres": how far the
    cliff top went; people walking ("we walked 18 kilometres") are no measurement of anything."""
    [animals] = claims_of(
        "The number of animals confirmed with rabies in Oskavel has risen to 68.", "2026-04-21"
    )
    assert (animals.value, animals.noun, animals.source) == ("68", "animal", None)
    [cliff] = claims_of("The cliff top retreated 14 metres at the worst-affected point.", "2026-02-09")
    assert (cliff.value, cliff.event) == ("14 metres", "retreat")
    assert claims_of("Yesterday we walked 18 kilometres.", "2026-02-09") == []
    [moved] = claims_of("The cliff edge had moved inland by as much as 25 metres in a single night.")
    assert (moved.value, moved.event) == ("25 metres", "move")  # how far it went, not a change of level
    assert claims_of("The river rose by 2 metres.") == []


def test_the_year_an_earlier_value_is_of_is_its_own_though_the_sentence_names_a_day_before_it():
    """ "down 3.9% from 1.81 million in the previous year": the parser hangs the year on "down"; it is still
    the 1.81 million's, not the Monday the data were published."""
    _now, before = claims_of(
        "Official data published on Monday by the statistics office show 1.74 million overnight stays in the "
        "town's hotels in the twelve months to March, down 3.9% from 1.81 million in the previous year.",
        "2026-04-22",
    )
    assert (before.value, before.date) == ("1.81 million", "2025")


def test_a_share_valued_on_the_noun_it_estimates_and_a_named_events_year_counts_nothing():
    """ "estimates the loss at 23 per cent": the parser hangs "at 23 per cent" on "loss", the noun the verb
    values. "the 2024 Continental Championships", "The 2022 World Cup": the year of a named event, no
    count of championships or cups."""
    [loss] = claims_of("The Inspectorate, which keeps the hive register, estimates the loss at 23 per cent.")
    assert (loss.value, loss.noun, loss.source) == ("23%", "loss", "Inspectorate")
    [fans] = claims_of("The 2022 World Cup drew 3.4 million fans.")
    assert fans.value == "3.4 million"
    [dead] = claims_of("The inspectors counted 97,450 colonies reported dead nationally.")
    assert (dead.noun, dead.event) == ("colony", "dead")  # the tagger calls "dead" an adverb there
    medals = claims_of(
        "Nine medals won by Pellandrian athletes at the 2024 Continental Championships are under review."
    )
    assert [c.value for c in medals] == ["9"]


def test_a_voice_over_speaks_in_the_pieces_own_voice_and_a_press_release_label_is_no_place():
    """A TV script's "DARIO (V/O):" is the reporter reading the piece: no speaker of its figures, no doer
    of what the audit found. "PRESS RELEASE:" says what kind of text follows, not where."""
    text = (
        "Cladding row deepens\nFriday 13 March 2026\n\n"
        "SUNNIVA: Good evening. The row over the tower blocks goes on.\n\n"
        "DARIO (V/O): The Residential Safety Authority's audit found 14 buildings with unsafe cladding.\n\n"
        "NADIA: Our count is twenty-three blocks.\n"
    )
    found = article_claims(make_article("tv", text))
    audit = next(c for c in found if c.value == "14")
    assert (audit.source, audit.whose, audit.event) == (None, None, "find")
    [union, denied] = claims_of(
        'PRESS RELEASE: "23 blocks, not 14" – tenants\' union challenges cladding audit'
    )
    assert (union.places, denied.places) == ([], [])


def test_a_total_that_stood_at_a_figure_a_week_ago_borrows_the_count_and_is_a_week_older():
    """ "The total stood at five a week ago": the tagger takes "five a week ago" for one date; the figure
    is a count, of what the sentence before counts, a week before the article."""
    now, before = claims_in_a_row(
        "The federation said it had suspended seven members of staff.",
        "The total stood at five a week ago, the federation said in a brief statement.",
        "2026-03-23",
    )
    assert (now.value, now.date) == ("7", "2026-03-23")
    assert (before.value, before.noun, before.event, before.date) == ("5", "member", "suspend", "2026-03-16")
    # only a figure is taken off the time after it: "Monday last week" is still a Monday
    assert resolve_date("Monday last week", "2026-03-17") == resolve_date("Monday", "2026-03-17") is not None


def test_the_deaths_of_babies_count_deaths_and_questions_read_their_own_odd_parses():
    """ "examining the deaths of 17 babies born at the hospital": the deaths, examined (not babies born).
    "How many baby deaths are the police examining?": the parser hangs "examining" on "are"; "How many of
    the deaths does the trust accept were avoidable?": on "were", with "accept" its subject clause."""
    [deaths] = claims_of(
        "Detectives are now examining the deaths of 17 babies born at Corrowmouth General Hospital."
    )
    assert (deaths.noun, deaths.event) == ("death", "examine")
    examined = question_frame("How many baby deaths are Tessel Valley Police examining?")
    assert examined.event == "examine"
    avoidable = question_frame("How many of the deaths does the hospital trust accept were avoidable?")
    assert (avoidable.noun, avoidable.event) == ("death", "avoidable")


def test_those_who_reported_something_done_to_them_count_what_was_done():
    """ "41 drivers had reported their accounts deactivated": the drivers whose accounts were deactivated,
    not a count of drivers with no event (which set them against every other count of drivers)."""
    now, before = claims_of(
        "The union said on Wednesday that 41 drivers had reported their accounts deactivated since the "
        "strike began, up from 23 on Tuesday.",
        "2026-04-16",
    )
    assert [(c.value, c.noun, c.event) for c in (now, before)] == [
        ("41", "driver", "deactivate"),
        ("23", "driver", "deactivate"),
    ]


def test_a_participle_the_lemmatizer_cannot_undo_keeps_its_written_form():
    """ "were unfilled" (a verb to the tagger, lemma "unfille") and "were unfilled" (an adjective): one
    event, the posts not filled, so the two sources' posts unfilled can be compared."""
    wire, radio = claims_of(
        "The Lennish Lifesaving Society, a charity that trains most of the country's lifeguards, says 140 "
        "lifeguard posts were unfilled on June 1. Nationally, the Society's count is that 140 lifeguard "
        "posts were unfilled when the season opened.",
        "2026-08-04",
    )
    assert (wire.event, radio.event) == ("not fill", "not fill")


def test_a_hyphenated_adjective_before_the_noun_is_no_kind_of_it():
    """ "38 full-time midwives" are midwives (not "time midwives"); "46 festival-goers" keep their noun."""
    [midwives] = claims_of("The review says the unit was short of 38 full-time midwives in December.")
    assert midwives.noun == "midwife"
    [goers] = claims_of("Paramedics treated 46 festival-goers for heat exhaustion.")
    assert goers.noun == "festival goer"


def test_what_was_done_to_a_total_or_an_amount_says_what_the_sum_is():
    """ "The total owed …", "The amount raised …": the participle says what the sum is (before, "the
    total" named nothing and "the amount" was the noun); "a figure of … for unpaid debt" is the debt,
    wherever the parser hangs "for"."""
    [owed] = claims_of("The total owed on the accounts of pupils on roll was 412,000 crowns at 28 February.")
    assert (owed.noun, owed.event) == (None, "owe")
    [raised] = claims_of("The amount raised by the appeal was 46,200 crowns.")
    assert (raised.noun, raised.event) == (None, "raise")
    [debt] = claims_of("The Trust has published a figure of 587,000 crowns for unpaid meal debt.")
    assert debt.noun == "meal debt"


def test_national_of_what_another_clause_tells_is_no_scope_of_the_figure():
    """ "… as a row over lunch shaming reaches the national parliament": a body of the nation in another
    clause (the parser makes it a verb joined to "owe"); the debt is where the families who owe it are;
    "the national death toll" is the figure's own scope."""
    [owed] = claims_of(
        "Families in Halvenport owe 587,000 crowns in unpaid school meal debt, according to a children's "
        "charity, a figure more than 40 per cent higher than the one published by the city's school district "
        "as a row over so-called lunch shaming reaches the national parliament.",
        "2026-03-31",
    )
    assert owed.places == ["Halvenport"]
    [toll] = claims_of("The national death toll rose to 40 on Monday.", "2026-03-20")
    assert toll.places == [WHOLE_COUNTRY]


def test_a_gerund_before_a_toll_says_what_it_counts_a_running_count_does_not():
    """ "the national drowning toll" counts drownings (before: no claim at all); "the running count of dead
    colonies" is no count of running."""
    [toll] = claims_of("The coastguard put the national drowning toll at 40.")
    assert (toll.value, toll.event, toll.places, toll.source) == (
        "40",
        "drown",
        [WHOLE_COUNTRY],
        "coastguard",
    )
    running = question_frame("How has the Inspectorate's running count of dead colonies changed?")
    assert running is None or running.event != "running"


def test_what_a_count_is_is_a_count_though_the_tagger_calls_the_number_a_date():
    """ "The death toll is now 40": the tagger tags "40" a date; the subject is a count, so it is its size."""
    [toll] = claims_of("The death toll is now 40, police said.")
    assert (toll.value, toll.event, toll.source) == ("40", "death", "police")
    assert claims_of("Her age is 40.") == []


def test_in_the_region_of_is_about_and_leaves_the_figure_what_was_done():
    """ "in the region of 40" allows what "about 40" does, and the parser no longer counts "region"."""
    [arrested] = claims_of("Police arrested in the region of 40 protesters.")
    assert (arrested.qualifier, arrested.noun, arrested.event) == ("in the region of", "protester", "arrest")
    assert (arrested.low, arrested.high) == interval(40, 40, "about")
    [cost] = claims_of("The repairs would cost in the region of 9 million crowns.")
    assert (cost.noun, cost.event) == (None, "cost")


def test_a_day_the_tagger_leaves_out_of_its_month_dates_the_figure():
    """ "by 16 October": the tagger may make "16" a number and "October" alone the date (the month, before);
    the day is the date's."""
    [admitted] = claims_of(
        "Kessendorf University Hospital alone had admitted 31 patients by 16 October, two of whom needed new "
        "livers.",
        "2026-10-22",
    )
    assert admitted.date == "2026-10-16"


def test_the_day_a_question_counts_since_is_not_the_day_it_asks_about():
    """ "since 1 September" is where a running count starts: the question asks for its latest figure, not
    one for 1 September (which no figure of the count has)."""
    since = question_frame("How many cases has the poisons centre recorded since 1 September 2026?")
    assert since.date is None
    by = question_frame("How many cases had the poisons centre recorded by 12 October 2026?")
    assert by.date == "2026-10-12"


def test_a_part_of_a_month_is_its_day_or_the_month_when_vague():
    """ "at the end of February" is its last day (before: no date, so each earlier value of a count took the
    date of the sentence's latest); "mid-August" the 15th; "early March" only the month."""
    assert resolve_date("the end of February", "2026-04-23") == "2026-02-28"
    assert resolve_date("mid-August", "2026-09-10") == "2026-08-15"
    assert resolve_date("the start of September", "2026-10-22") == "2026-09-01"
    assert resolve_date("early March", "2026-04-23") == "2026-03"
    assert resolve_date("the end of May 2025", None) == "2025-05-31"
    assert resolve_date("the end of the month", "2026-04-23") is None
    steps = claims_of(
        "The number of pupils with a negative balance on 31 March 2026 was 3,420, up from 3,140 at the end "
        "of February and 2,870 at the end of January.",
        "2026-04-23",
    )
    assert [(c.value, c.date) for c in steps] == [
        ("3,420", "2026-03-31"),
        ("3,140", "2026-02-28"),
        ("2,870", "2026-01-31"),
    ]


def test_a_subject_the_parser_hangs_on_the_auxiliary_is_in_the_verbs_state():
    """ "…, but 11 are missing under the debris": the parser may make "11" the subject of "are" and "are"
    the auxiliary of "missing"; the eleven are missing (before: nothing befell them, and they borrowed the
    cows brought up the sentence before)."""
    [missing] = claims_of(
        "He managed to drive most of them down before the evacuation, but 11 are missing under the debris."
    )
    assert (missing.value, missing.event) == ("11", "missing")


def test_a_question_between_two_days_asks_about_the_later():
    """ "between mid-January and 20 May": the figure asked about is the one at the span's end."""
    asked = question_frame(
        "By how much did the ministry's tally of sheep killed by wolves rise between mid-January and 20 May "
        "2026?"
    )
    assert asked.date == "2026-05-20"


def test_what_a_relative_clause_says_was_done_and_what_a_count_recorded_doing():
    """ "the eleven schools that the union says have served alternative meals": the clause told, whose
    subject is "that"; "Four schools recorded serving an alternative meal": the serving, not the
    recording (before: no event, and "record")."""
    [told] = claims_of(
        "We are not one of the eleven schools that the teachers' union says have served alternative meals."
    )
    [recorded] = claims_of("Four schools recorded serving an alternative meal under the policy.")
    assert [(c.value, c.noun, c.event) for c in (told, recorded)] == [
        ("11", "school", "serve meal"),
        ("4", "school", "serve meal"),
    ]
    [deaths] = claims_of("Police recorded 40 deaths.")
    assert deaths.event == "record"


def test_a_span_of_minutes_or_hours_measures_a_time_not_what_lasted_that_long():
    """ "a mean response time of 12.4 minutes", "waited 19 minutes", "14,300 hours had been lost": a time
    two sources can dispute (before: no claim, as every duration); "a 24-hour strike" and "lasted 90
    minutes" say how long something went on, no figure of a time; "a national standard of 8 minutes"
    gives the nation to the standard, not to the figure."""
    [response] = claims_of(
        "KAS reported a Category 1 mean response time of 12.4 minutes for January 2026, against a national "
        "standard of 8 minutes.",
        "2026-03-05",
    )
    assert (response.value, response.unit, response.noun, response.date, response.places) == (
        "12.4 minutes",
        "minutes",
        "response time",
        "2026-01",
        [],
    )
    [waited] = claims_of(
        "The most seriously ill patients waited, on average, 19 minutes for an ambulance in January.",
        "2026-03-05",
    )
    assert (waited.value, waited.event) == ("19 minutes", "wait")
    [lost] = claims_of(
        "By 1 March, 14,300 hours had been lost to handover delays since 1 December.", "2026-03-05"
    )
    assert (lost.unit, lost.event.split()[0]) == ("hours", "lose")
    assert claims_of("Workers held a 24-hour strike.") == []
    assert claims_of("The meeting lasted 90 minutes.") == []


def test_a_speed_in_km_h_or_decibels_is_a_measurement_of_what_moved_or_sounded():
    """ "12 km/h" is one unit (before: split at its slash, "h" was what was counted); "was doing 12 km/h"
    measures the tram; "the tachograph recorded a speed of" is not the tachograph's speed; "87 dB(A)" is a
    noise level, not 87 of something."""
    [doing] = claims_of("Their data says the Line 4 tram was doing about 12 km/h at impact.")
    assert (doing.value, doing.unit, doing.noun) == ("12 kilometres per hour", "kilometres per hour", "tram")
    [recorded] = claims_of("The coach's tachograph recorded a speed of 94 km/h before the crash.")
    assert (recorded.unit, recorded.noun) == ("kilometres per hour", "speed")
    [noise] = claims_of("Noise from the departing freighter peaked at 90 decibels over Brackton.")
    assert (noise.value, noise.unit) == ("90 decibels", "decibels")
    [level] = claims_of("The noise level reached 65 dB(A) in Brackton gardens.")
    assert (level.unit, level.noun) == ("decibels", "noise level")


def test_what_was_restored_or_delivered_to_them_is_what_befell_those_counted():
    """ "Power was restored to 5,000 homes", "restored heating to 351 flats": the homes had power restored
    (before: no event, so every count of flats was one); people moved to hotels are not what was given."""
    [power] = claims_of("Power was restored to 5,000 homes on Sunday.")
    assert (power.noun, power.event) == ("home", "restore")
    [heating] = claims_of("Engineers have now restored heating and hot water to 351 flats.")
    assert heating.event.split()[0] == "restore"
    [hotels] = claims_of("Residents were moved to 12 hotels.")
    assert hotels.event is None


def test_a_title_after_to_is_no_place_and_a_doers_place_is_where_it_was_done():
    """ "an open letter to the Director of Housing": a capitalised title, not a town; "the regional hospital
    in Dravin treated 38 people": Dravin, when the clause names no other place."""
    for found in claims_of('Open letter to the Director of Housing: "640 families, not 412 flats"'):
        assert found.places == []
    [dravin] = claims_of("The regional hospital in Dravin treated 38 people, its director told local radio.")
    assert dravin.places == ["Dravin"]
    [moved] = claims_of("Authorities in Ostrela have evacuated 3,400 people from the river town of Dravik.")
    assert moved.places == ["Dravik"]
    [told] = claims_of("Police in Tamsen have put the number of people arrested at 11.")
    assert told.places == []


def test_a_part_told_after_when_is_its_own_count_and_a_revised_count_is_the_count():
    """ "As of Sunday, 29 of them had needed surgery" opens on when, then the part (before: dropped as a
    part of the 96); "the number of infringements was revised to 14" counts infringements (before: an event
    "revise" with nothing counted); "50 crowns in recognition of" is the payment."""
    _, surgery = claims_in_a_row(
        "The partnership treated 96 people.", "As of Sunday, 29 of them had needed surgery.", "2026-01-05"
    )
    assert (surgery.value, surgery.event) == ("29", "need surgery")
    [revised] = claims_of("The number of infringements of the night noise limit was revised to 14.")
    assert (revised.noun, revised.event) == ("infringement", None)
    [paid] = claims_of(
        "Every household will receive a goodwill payment of 50 crowns in recognition of the delay."
    )
    assert paid.noun == "goodwill payment"


def test_holidays_name_days_and_a_day_just_after_the_page_is_this_years():
    """ "on New Year's morning" is 1 January (the tagger calls it an event); "UPDATE 2, 2 January" on a page
    dated 1 January 2026 is the next day, not 2 January 2025; "New Year fireworks offences" is no date."""
    assert resolve_date("New Year's Eve", "2026-01-05") == "2025-12-31"
    assert resolve_date("Christmas Day", "2026-03-10") == "2025-12-25"
    assert resolve_date("2 January", "2026-01-01") == "2026-01-02"
    assert resolve_date("March 20", "2026-03-10") == "2025-03-20"
    [before] = [
        c
        for c in claims_of("Up to 24 patients, up from 17 on New Year's morning.", "2026-01-04")
        if c.value == "17"
    ]
    assert before.date == "2026-01-01"
    [arrests] = claims_of(
        "Police said the number of people arrested over New Year fireworks offences had risen to 52.",
        "2026-01-02",
    )
    assert arrests.date == "2026-01-02"


def test_a_figure_published_for_a_span_is_that_spans_and_last_month_is_named():
    """ "published on 12 February a figure of 6,214 admissions for 2025": the figure is 2025's, the
    figure was what was published (before: dated 12 February, with the event "publish figure"); "the end of
    last month" is a day; "had cut supply to 3,800 properties": what befell the properties (before: none);
    "52 offices have switched to alternate-day delivery" went there, as "were switched to" says (before:
    "switch"; a subject goes somewhere only with a verb of change: "homes lost to the sea" were lost)."""
    [told] = claims_of(
        "The College of Emergency Medicine published on 12 February a figure of 6,214 admissions for 2025.",
        "2026-02-24",
    )
    assert (told.date, told.noun, told.event) == ("2025", "admission", None)
    assert resolve_date("the end of last month", "2026-12-04") == "2026-11-30"
    assert resolve_date("last month", "2026-01-10") == "2025-12"
    [cut] = claims_of("The fault had cut supply to 3,800 properties at its peak on Saturday.")
    assert (cut.noun, cut.event) == ("property", "cut supply")
    [switched] = claims_of("Management said 52 delivery offices have now switched to alternate-day delivery.")
    [passive] = claims_of("Management said 52 delivery offices have been switched to alternate-day delivery.")
    assert switched.event == passive.event == "switch to delivery"
    asked = question_frame("How many delivery offices have switched to alternate-day letter delivery?")
    assert asked.event == "switch to delivery"
    homes_lost = claims_of("11 — homes lost to the sea or demolished as unsafe, according to the council.")
    assert [c.event for c in homes_lost] == ["lose"]  # "lose" is no change of state: nothing went anywhere


def test_aboard_is_where_a_group_is_though_the_tagger_calls_it_an_adverb():
    """ "14 people were aboard", "There were 14 people aboard": those on board, as "on board" says (before:
    nothing, so "14 people" was vague and dropped, or "be")."""
    [were] = claims_of("The organisers say 14 people were aboard, the number on the passenger manifest.")
    [there] = claims_of("There were 14 people aboard.")
    [on_board] = claims_of("The investigation has established that 16 people were on board.")
    assert were.event == there.event == on_board.event == "aboard"


def test_what_is_done_to_a_kind_is_its_event_and_a_concentration_is_measured():
    """ "Officers have recovered 240 stolen converters": what the officers did to them (before: "steal",
    their kind); "… in connection with the thefts and 185 stolen catalytic converters had been recovered":
    the parser hangs "recovered" on the first clause, its auxiliaries still right after the noun (before:
    "steal"); "410 parts per million" is a concentration, its number "410" (before: the token "million"
    was taken for the number, and the figure was lost); "by the end of 4 February" is that day (before:
    the article's date); "against 185 on March 11" is the count before, of that day (before: 185 was
    lost, and its day was taken for 240's)."""
    [recovered] = claims_of("Officers have recovered 240 stolen converters, the statement added.")
    [_, hung] = claims_of(
        "As of 11 March, 14 people had been arrested in connection with the thefts and 185 stolen catalytic"
        " converters had been recovered."
    )
    assert recovered.event == hung.event == "recover"
    [tallied] = claims_of("KSA counted 151 catalogued fragments in its bulletin.")
    assert tallied.event == "catalogue"  # who counts did nothing to them: their kind is what is counted
    [level] = claims_of("Crews recorded carbon monoxide levels of 410 parts per million near the boiler.")
    assert (level.value, level.unit) == ("410 parts per million", "parts per million")
    assert level.noun == "monoxide level"
    assert resolve_date("by the end of 4 February", "2026-02-26") == "2026-02-04"
    assert resolve_date("the night of 2 March", "2026-03-10") == "2026-03-02"
    [late] = claims_of("By the end of 4 February, 34 people had been treated.", "2026-02-26")
    assert late.date == "2026-02-04"
    now, then = claims_of(
        "Officers have recovered 240 stolen converters, against 185 on March 11, the statement added.",
        "2026-03-18",
    )
    assert (now.value, now.date, now.event) == ("240", "2026-03-18", "recover")
    assert (then.value, then.date, then.event) == ("185", "2026-03-11", "recover")


def test_a_sentence_opening_on_a_neighbouring_place_is_an_aside():
    """ "In neighbouring Dunmore province, police recorded 240 thefts": how another place fares, set beside
    the story's (before: a figure that named no place was moved into its group and disputed it)."""
    [there] = claims_of("In neighbouring Dunmore province, police recorded 240 thefts in January.")
    [bullet] = claims_of("- Across the border in neighbouring Tarvosk, 41 rabid animals have been found.")
    [here] = claims_of("Police in Dunmore province recorded 240 thefts in January and February.")
    assert there.aside and bullet.aside and not here.aside


def test_a_question_reads_its_inverted_verb_and_a_valued_thing_is_what_is_measured():
    """ "How many stolen catalytic converters have police recovered?": what the police did to them, as
    the figure's "recovered 240 stolen converters" is read (before: "steal", their kind); "puts the bloom
    at 27 km of coastline" measures the bloom (before: the coastline)."""
    asked = question_frame("How many stolen catalytic converters have police recovered?")
    assert (asked.noun, asked.event) == ("converter", "recover")
    [bloom] = claims_of("The aerial survey puts the bloom at 27 km of coastline, concentrated in the south.")
    [length] = claims_of("The aerial survey puts the length of the bloom at 27 km.")
    assert bloom.noun == length.noun == "bloom"


def test_a_list_of_days_after_a_count_of_where_a_group_is_counts_it_on_each_day():
    """ "Six remained in hospital on 4 February, four on 6 February and two on 9 February": each later
    figure is the count in hospital on its own day (before: "four" and "two" were dropped, bare); a
    list after deaths ("12 people had died on Monday, 19 on Tuesday") may be each day's own deaths, and
    is left alone (and borrows nothing from the sentence before)."""
    listed = claims_of(
        "Six remained in hospital on 4 February, four on 6 February and two on 9 February.", "2026-02-26"
    )
    assert [(c.value, c.event, c.date) for c in listed] == [
        ("6", "in hospital", "2026-02-04"),
        ("4", "in hospital", "2026-02-06"),
        ("2", "in hospital", "2026-02-09"),
    ]
    daily = claims_in_a_row(
        "Six remained in hospital on Monday.",
        "The ministry said 12 people had died on Monday, 19 on Tuesday.",
    )
    assert [(c.value, c.event) for c in daily] == [("6", "in hospital"), ("12", "die")]


def test_walking_out_and_being_on_strike_are_what_a_group_did():
    """ "had walked out": the tagger's adverb "out" is the verb's particle, as "walk out" (before: "walk");
    "2,100 members are now on strike at Sorrum": on strike is what they are doing, not where they are
    (before: no event, so "members" named nothing but the union's members)."""
    [walked, _] = claims_of(
        "Norvane Energy told the market that about 950 of the 2,600 people at its Sorrum refinery had"
        " walked out."
    )
    assert walked.event == "walk out"
    [striking] = claims_of("2,100 members are now on strike at Sorrum.")
    [on_duty] = claims_of("About 300 officers were on duty at the stadium.")
    assert (striking.event, on_duty.event) == ("on strike", "on duty")


def test_what_a_group_reports_of_itself_and_what_it_is_listed_as_are_what_befell_it():
    """ "57 passengers reported vomiting": what they suffered, told by themselves (before: no event, so the
    57 ill were one count with the 164 on board); "The ministry said 40 people died" still has no event
    of saying; "recorded as stolen since 1 February", "listed 1,020 bikes as available for hire": the state
    they are listed in, its phrases its own (before: "record", and nothing)."""
    [ill] = claims_of("According to the directorate, 57 passengers reported vomiting or diarrhoea.")
    [said] = claims_of("The ministry said 40 people died.")
    assert (ill.event, said.event) == ("report vomiting", "die")
    [stolen] = claims_of("1,140 bikes have been recorded as stolen since 1 February.")
    [listed] = claims_of("At noon the feed listed 1,020 bikes as available for hire.")
    assert (stolen.event, listed.event) == ("steal", "available")


def test_a_count_still_standing_and_one_before_a_deadline_are_dated_when_told():
    """ "960,000 returns for 2025 were still outstanding": now, whatever year they are for (before: 2025);
    "ahead of the extended 14 April deadline": a limit to come, not the count's day (before: 14 April)."""
    [still] = claims_of(
        "The Office told us this morning that 960,000 returns for 2025 were still outstanding.", "2026-04-02"
    )
    [ahead] = claims_of(
        "The Office said on Monday that 610,000 returns were outstanding ahead of the extended"
        " 14 April deadline.",
        "2026-04-07",
    )
    assert (still.date, ahead.date) == ("2026-04-02", "2026-04-06")


def test_a_number_joined_to_the_kind_of_each_is_no_count_and_done_so_goes_on_from_the_count_before():
    """ "1,870 counterfeit 100-dravo notes": 100 says what kind each note is (before: a count of 100
    "dravo", which met the reward's 5,000 dravos as a dispute); "LisBike's 3,200-bike fleet" still counts
    its bikes; "Seven hospitals had activated their plans on Monday, and 15 had done so by Wednesday": the
    15 counts what the seven do, on its own day (before: dropped, naming nothing)."""
    notes = claims_of("Between 2 January and 6 March, 1,870 counterfeit 100-dravo notes were detected.")
    assert [(c.value, c.noun) for c in notes] == [("1,870", "note")]
    [fleet] = claims_of("LisBike's 3,200-bike fleet was meant to be harder to steal.")
    assert (fleet.value, fleet.noun) == ("3,200", "bike")
    [features] = claims_of("The genuine 100-dravo note carries seven security features.")
    assert features.value == "7"
    seven, later = claims_of(
        "Seven hospitals had activated their blood shortage plans on Monday, and 15 had done so by"
        " Wednesday.",
        "2026-02-13",
    )
    assert (later.value, later.noun, later.event, later.date) == ("15", "hospital", seven.event, "2026-02-11")


def test_who_found_it_says_so_and_a_number_after_says_is_what_is_said():
    """ "the Authority found that … in 52 stores", "found aflatoxin B1 at up to 310 µg/kg": who found it
    gives the figure (before: no one, so the sides of a dispute were no sides); "Brightmere, which counts
    only …, says 37", parsed with 37 as a second subject of "says": Brightmere's (before: no one's)."""
    [found] = claims_of(
        "On 2 March the Consumer Authority found that Brightmere had charged shoppers more at the till in"
        " 52 stores."
    )
    [lab] = claims_of("The FFSA laboratory found aflatoxin B1 at up to 310 µg/kg in samples from shops.")
    assert (found.source, lab.source) == ("Consumer Authority", "FFSA laboratory")
    assert lab.unit == "micrograms per kilogram" and lab.noun is None
    [searched] = claims_of("Rescuers found 12 bodies in the rubble.")
    *_, sampled = claims_of("Its analysis found residues at only nine of the 60 apiaries sampled.")
    assert (searched.source, sampled.source) == (None, None)  # finding things, and where, report no figure
    *_, says = claims_of(
        "The Authority found the fault in 52 stores; Brightmere, which counts only stores where the problem"
        " lasted more than two days, says 37."
    )
    assert (says.value, says.source, says.noun) == ("37", "Brightmere", "store")


def test_setting_off_is_what_a_group_did_and_a_reported_object_gap_says_what_befell_it():
    """ "1,340 swimmers set off": a verb of valuing with its particle is an event (before: none, so the
    starters met every other count of swimmers); "the 61 swimmers the service says it pulled out of the
    water": what the clause told did to them (before: none)."""
    [started, _] = claims_of("In all, 1,340 swimmers set off from Halberg beach in four waves.")
    assert started.event == "set off"
    [pulled] = claims_of(
        "I was one of the 61 swimmers the lake rescue service says it pulled out of the water that morning."
    )
    assert pulled.event == "pull"
    [posed] = claims_of("The audit found 14 buildings with cladding it says poses a serious risk of fire.")
    assert posed.event == "find"  # a told clause whose subject is missing is no object gap


def test_an_opening_when_clause_and_an_opening_date_date_the_whole_sentence():
    """ "When the Marisol Queen sank in 1998, …, the inquiry later found that around 60 passengers …" and
    "Last August, when I swam …, the water was 21 degrees": then, not the article's day (before: the
    article's day, so a 1998 figure met the story's)."""
    [_, sixty] = claims_of(
        "When the Marisol Queen burned and sank in 1998, killing 412 people, the official inquiry later"
        " found that around 60 passengers had never appeared on any list.",
        "2026-03-13",
    )
    [_, water] = claims_of(
        "Last August, when I swam my first race there, a 2 km loop off the Ostvik jetty, the water was"
        " 21 degrees and I spent the afternoon sunburnt and happy, eating waffles with my daughter on the"
        " beach.",
        "2026-06-03",
    )
    assert (sixty.date, water.date) == ("1998", "2025-08")


def test_what_is_measured_at_a_reading_is_its_object_and_a_capital_c_is_celsius():
    """ "measured the water at 11.6 degrees", "the water temperature was recorded at 14.2 degrees Celsius":
    the water (before: the event "measure water", and "record"); "14.2C": degrees Celsius (before: no
    figure at all)."""
    [measured] = claims_of("Its crew measured the water at 11.6 degrees on the start line.")
    [recorded] = claims_of("The water temperature at the start was recorded at 14.2 degrees Celsius.")
    [glued] = claims_of("Their safety team measured the water at 14.2C at the start pontoon.")
    assert (measured.noun, measured.event) == ("water", None)
    assert (recorded.noun, recorded.event) == ("water temperature", None)
    assert (glued.value, glued.noun) == ("14.2 degrees Celsius", "water")
    assert claims_of("He lives in Flat 3C.") == []


def test_a_sum_done_to_and_its_value_before_count_what_the_sentence_says():
    """ "2.9 million crowns refunded as of today" (before: no claim); "up from 1.2 million crowns a week
    earlier" and "up from 120 bags a week earlier": refunded, a week before (before: no claim; and the
    bags counted nothing, while "a week earlier" dated the new figure too)."""
    learnt = "The chain was fined 9.5 million crowns. "
    [_, tracked] = claims_of(
        learnt + "The tracker says 2.9 million crowns refunded as of today.", "2026-03-13"
    )
    assert (tracked.unit, tracked.event) == ("crown", "refund")
    [now, before] = claims_of(
        "Brightmere has refunded 2.6 million crowns, up from 1.2 million crowns a week earlier.", "2026-03-10"
    )
    assert [(c.value, c.event, c.date) for c in (now, before)] == [
        ("2.6 million crowns", "refund", "2026-03-10"),
        ("1.2 million crowns", "refund", "2026-03-03"),
    ]
    [bags, earlier] = claims_of("It has recovered 260 bags, up from 120 bags a week earlier.", "2026-03-10")
    assert [(c.event, c.date) for c in (bags, earlier)] == [
        ("recover", "2026-03-10"),
        ("recover", "2026-03-03"),
    ]


def test_a_coordinated_clause_in_the_future_does_not_date_the_figure_before_it():
    """ "… has been credited …, and all automatic refunds will be completed by 30 April": the figure is
    the article's day's (before: 30 April 2025)."""
    [credited, _] = claims_of(
        "So far 1.2 million crowns has been credited to around 41,000 accounts, and all automatic refunds"
        " will be completed by 30 April.",
        "2026-03-03",
    )
    assert credited.date == "2026-03-03"


def test_a_single_clock_time_in_a_sentence_is_when_its_figure_holds():
    """ "Course cut at 32km at 11:50 as the temperature reached 34C": at 11:50 (before: no hour, so a
    live page's 24C at 08:00 met it as a dispute); two times in one sentence give none."""
    text = (
        "Marathon cut short\n10 May 2026\n\n"
        "The course was cut at 11:50 as the temperature reached 34C. By 1 p.m. the thermometer read 35C. "
        "Between 09:40 and 11:05, crews pulled 61 swimmers out."
    )
    claims = article_claims(make_article("heat", text))
    times = {c.value: c.time for c in claims}
    assert times["34 degrees Celsius"] == "11:50" and times["35 degrees Celsius"] == "13:00"
    assert times["61"] is None


def test_a_count_that_holds_now_is_not_dated_by_who_its_people_are():
    """ "has written to 4,300 people who had invasive treatment … between August 2024 and February": the
    count is the letters' now; the dates say who the people are (before: 2024, so a background figure and
    the campaigners' 7,000 met nothing). A past count still takes its relative clause's day."""
    [written] = claims_of(
        "North Tarrow Health Board has written to 4,300 people who had invasive treatment at the practice on"
        " Quayside Road between August 2024 and February, when the practice was shut down.",
        "2026-03-16",
    )
    [identified] = claims_of("Police identified 40 people who died on Monday.", "2026-03-18")
    assert (written.date, identified.date) == ("2026-03-16", "2026-03-16")


def test_whose_count_a_figure_is_on_says_who_gives_it():
    """ "On the tenants' count, 16 of the estate's 28 lifts …", "By the union's count", "On police figures",
    "On the basis of figures supplied by the contractor, …": whose count it is (before: no one). "By our
    count" is the writer's, "By Monday's count" a day's: no one."""
    sources = {
        "On the tenants' count, 16 of the estate's lifts were out of action.": "tenants",
        "By the union's count, 400 workers walked out.": "union",
        "On police figures, 300 people were arrested.": "police",
        "On the basis of figures supplied by the contractor, Castellan Lift Services Ltd, nine lifts were"
        " out of service.": "Castellan Lift Services Ltd",
        "By our count, 130 residents cannot leave their flats.": None,
        "By Monday's count, 40 people had died.": None,
    }
    for sentence, source in sources.items():
        assert claims_of(sentence, "2026-03-17")[0].source == source, sentence


def test_a_sum_worth_or_valued_counts_what_it_is_the_worth_of():
    """ "deposits worth 1.4 million crowns are missing" (the parser hangs "worth" on the crowns), "the
    value of the missing deposits": the deposits (before: no claim; the value). "nearer 2.1 million crowns"
    is in crowns, so it takes the sum before it (before: "nearer crowns", no claim). A country still says
    whose dollars; "the street value" is its own."""
    [worth] = claims_of("Police say deposits worth 1.4 million crowns are missing.", "2026-03-17")
    assert (worth.noun, worth.unit) == ("deposit", "crown")
    [police, group] = claims_in_a_row(
        "Police put the value of the missing deposits at 1.4 million crowns.",
        "A tenants' group believes the true sum is nearer 2.1 million crowns.",
        "2026-03-17",
    )
    assert (police.noun, police.unit) == ("missing deposit", "crown")
    assert (group.noun, group.unit, group.source) == ("missing deposit", "crown", "tenants group")
    [dollars] = claims_of("The deal was worth 30 million Canadian dollars.")
    [street] = claims_of("The street value of the drugs was put at €2m.")
    assert (dollars.unit, street.noun) == ("Canadian dollars", "street value")


def test_people_who_came_forward_are_counted_by_what_they_did():
    """ "241 people have now come forward": those who came forward (before: people, no event, too vague to
    compare)."""
    [now, before] = claims_of(
        "Police said on Tuesday that 241 people have now come forward, up from 97 in the first days.",
        "2026-03-17",
    )
    assert (now.event, before.event) == ("come forward", "come forward")


HEARING = """Committee hears seal count evidence
25 November 2026

The Convener (Alys Brennock): Good morning.

Duncan Marrick (West Orrin Inshore Fishermen's Cooperative): Thank you. But our own survey found 1,900 pups
this season.

Callum Vane (Orrin and the Western Isles): Our survey found 300 dead pups.

Dr Corrie: About 4,100.
"""


def test_a_hearings_speaker_says_for_whom_their_turn_speaks():
    """ "Duncan Marrick (West Orrin Inshore Fishermen's Cooperative): … our own survey found 1,900 pups":
    the cooperative; a member speaks for no place ("(Orrin and the Western Isles)"); "Dr Corrie: About
    4,100." counts nothing (before: no one, and the 4,100 counted "corrie")."""
    claims = article_claims(make_article("hearing", HEARING.replace("pups\nthis", "pups this")))
    assert [(c.value, c.source) for c in claims] == [
        ("1,900", "West Orrin Inshore Fishermen's Cooperative"),
        ("300", "Callum Vane"),
    ]


def test_a_question_the_parser_gives_did_as_its_verb_asks_what_was_done():
    """ "How many seal pups did Storm Bryndis kill?" (parsed with "did" as the verb, "kill" its clause):
    killed (before: no event); "How much money in tenants' deposits is missing?": the deposits (before:
    money)."""
    killed = question_frame("How many seal pups did Storm Bryndis kill on Orrin?")
    missing = question_frame("How much money in tenants' deposits is missing from the agency?")
    assert (killed.noun, killed.event) == ("seal pup", "kill")
    assert (missing.noun, missing.event) == ("deposit", "missing")


def test_a_count_the_tagger_runs_into_a_date_before_it_still_counts():
    """ "Between 12 and 25 January, 46 sailings were cancelled", "Forty-six sailings, by the company's
    count, were cancelled between …": the tagger takes 46 into the date; it counts sailings (before: no
    claim), and whose count it is, said on the noun, is who gives it. "The 2011 floods" stay a year."""
    [between] = claims_of("Between 12 and 25 January, 46 sailings on the Skarra route were cancelled.")
    [counted] = claims_of(
        "Forty-six sailings, by the company's count, were cancelled between 12 and 25 January."
    )
    assert (between.value, between.noun, between.event) == ("46", "sailing", "cancel")
    assert (counted.value, counted.source) == ("46", "company")
    [killed] = claims_of("The 2011 floods killed 40 people.", "2026-01-27")
    assert (killed.value, killed.date) == ("40", "2011")


def test_a_group_counted_as_in_a_state_is_in_that_state_by_whom_counted_it():
    """ "the 310 islanders the community council counted as stranded": stranded, by the council's count
    (before: counted, by no one); "listed 40 people as missing": missing. "The 40 people who counted the
    votes" counted them themselves."""
    [stranded] = claims_of("He is one of the 310 islanders the community council counted as stranded.")
    [listed] = claims_of("The ministry listed 40 people as missing.")
    [counters] = claims_of("The 40 people who counted the votes were tired.")
    assert (stranded.event, stranded.source) == ("strand", "community council")
    assert listed.event == "missing"
    assert (counters.event, counters.source) == ("count vote", None)


def test_what_a_group_had_to_do_is_what_befell_it():
    """ "212 residents had to move": they moved (before: "had", what they had); "money lost to fake
    tickets" was lost to them, it went nowhere (before: a question's "lose to ticket" matched no "lost")."""
    [moved] = claims_of("The council says 212 residents had to move.")
    assert (moved.value, moved.noun, moved.event) == ("212", "resident", "move")
    lost = question_frame("How much money did fans lose to the counterfeit tickets?")
    assert (lost.noun, lost.event) == ("money", "lose")


def test_a_speaker_passing_on_anothers_figure_gives_it_as_theirs():
    """ "'According to police, about 2,300 fans were refused entry,' Ms Dunmore said": the police's figure,
    passed on (before: Ms Dunmore's); "'The promoter's own figure is that 1,400 people were turned away,'
    he said": the promoter's. A speaker's own figure stays theirs."""
    [police] = claims_of(
        '"According to police, about 2,300 fans were refused entry on the night," Ms Dunmore said.'
    )
    [promoter] = claims_of('"The promoter\'s own figure is that 1,400 people were turned away," he said.')
    [own] = claims_of('"About 2,300 fans were refused entry," Ms Dunmore said.')
    assert (police.value, police.source) == ("2,300", "police")
    assert (promoter.value, promoter.source) == ("1,400", "promoter")
    assert (own.value, own.source) == ("2,300", "Ms Dunmore")


def test_a_count_or_inventory_tells_nothing_its_owner_does():
    """ "According to the NFA's own final inventory, 4,450 cubic metres were seized": the NFA's (before:
    "NFA own final inventory"); "A preliminary count put the seized timber at around 2,600 cubic metres,
    the agency said": the agency's (before: the count's, the embeddings reading "count" as a nobleman)."""
    [inventory] = claims_of(
        "According to the NFA's own final inventory, completed on 6 February, 4,450 cubic metres of timber"
        " were seized."
    )
    [count] = claims_of(
        "A preliminary count put the seized timber at around 2,600 cubic metres, the agency said."
    )
    assert (inventory.value, inventory.source) == ("4,450 cubic metres", "NFA")
    assert (count.value, count.source) == ("2,600 cubic metres", "agency")


def test_a_span_that_sorts_a_count_and_one_persons_wait_measure_nothing():
    """ "14 trains were held in tunnels for more than ten minutes" counts trains; the ten minutes say which
    ones (before: a span of the trains, which "puts the number at 23" then borrowed); "But I waited 74
    minutes" is one person's wait; "Patients waited, on average, 19 minutes" is a figure told."""
    claims = claims_of("The authority says 14 trains were held in tunnels for more than ten minutes.")
    assert [(c.value, c.noun, c.unit) for c in claims] == [("14", "train", None)]
    assert claims_of("But I waited 74 minutes before I reached a platform.") == []
    [told] = claims_of("Patients waited, on average, 19 minutes.")
    assert (told.value, told.unit, told.event) == ("19 minutes", "minutes", "wait")


def test_what_befell_a_group_is_its_verb_and_its_relative_clause_says_which_ones():
    """ "14 patients who missed their original screening had been diagnosed with cancer": diagnosed
    (before: "miss screening", and the count joined the 1,840 who missed it); "241 people who worked in
    the homes will lose work": lose work. With no verb of their own, the clause says what befell them."""
    [diagnosed] = claims_of(
        "The board said 14 patients who missed their original screening had been diagnosed with cancer."
    )
    [jobs] = claims_of("The council says 241 people who worked in the seven homes will lose work.")
    [dead] = claims_of("The 40 people who died in the fire were from Ardmore.")
    assert (diagnosed.noun, diagnosed.event) == ("patient", "diagnose")
    assert jobs.event == "lose work"
    assert dead.event == "die"


def test_no_one_more_than_is_no_more_than():
    """ "no one waited more than 52 minutes" allows at most 52 (before: more than 52, which "the longest
    wait was 110 minutes" then fell inside)."""
    [most] = claims_of("The authority says no one waited more than 52 minutes before staff arrived.")
    [least] = claims_of("Some passengers waited more than 52 minutes.")
    assert (most.qualifier, most.high) == ("no more than", 52)
    assert least.qualifier == "more than"


def test_a_cohort_is_counted_and_a_span_of_years_is_not():
    """ "140 first-years had been placed in hotels": first-year students, placed in hotels (before: no
    claim, the tagger calling "first-years" a date). "five years after" is still no count."""
    [placed] = claims_of("As of Monday, 140 first-years had been placed in hotels, the University said.")
    assert (placed.value, placed.noun, placed.event, placed.source) == (
        "140",
        "first-year",
        "in hotel",
        "University",
    )
    assert claims_of("The move came five years after the last review.") == []


def test_a_participle_says_which_ones_when_the_verb_says_what_befell_them():
    """ "212 first-year students holding a guaranteed place did not have a permanent room": what they did
    not have, negated (before: "hold place"; then "have room", the "not" lost); with no verb of their own,
    "patients waiting" still wait."""
    [room] = claims_of(
        "As of 9am today, 212 first-year students holding a guaranteed place did not have a permanent room."
    )
    [waiting] = claims_of("There are 48,600 patients waiting more than a year.")
    assert room.event == "not have room"
    assert waiting.event == "wait"


def test_those_still_in_hospital_or_placed_in_hotels_are_a_count_of_their_own():
    """ "Five pupils remain in hospital, down from seven": both in hospital (before: no event, and "Five"
    was dropped as a detail); "placed in four city-centre hotels" is in hotels. Where a group merely is
    ("on board") or what it is at ("at risk") still says no more than its noun."""
    still = claims_of(
        "Five pupils remain in hospital as of 2pm today, down from seven on Wednesday morning.", "2026-05-14"
    )
    [placed] = claims_of("Of the students affected, 140 have been placed in four city-centre hotels.")
    [risk] = claims_of("The union says 7,000 jobs are at risk.")
    [aboard] = claims_of("The airline said 49 passengers were on board.")
    assert [(c.value, c.event) for c in still] == [("5", "in hospital"), ("7", "in hospital")]
    assert (placed.noun, placed.event) == ("student", "in hotel")
    assert (risk.event, aboard.event) == (None, None)


def test_an_estimate_is_its_owners_and_no_place():
    """ "Tessaline's estimate is more than double that, at €6.8m": the insurer's figure (before: a cost in
    a place called Tessaline, with no source)."""
    _, insurer = claims_in_a_row(
        "The harbour authority has put the cost of the damage at €3.2m.",
        "Tessaline's estimate is more than double that, at €6.8m.",
    )
    assert (insurer.value, insurer.source, insurer.places) == ("€6.8 million", "Tessaline", [])


def test_a_wait_that_sorts_a_count_measures_nothing():
    """ "214 patients waited more than 12 hours" counts patients; the 12 hours say which ones (before: a
    span that the union's "puts the figure at 340" was set against as a time)."""
    [patients] = claims_of("The trust says 214 patients waited more than 12 hours in the week to 18 January.")
    assert (patients.value, patients.noun, patients.event, patients.unit) == ("214", "patient", "wait", None)
    assert claims_of("How many people are waiting more than 12 hours?") == []


def test_known_or_feared_to_have_says_what_befell_them():
    """ "14 cameras were known to have been affected": affected (before: "know"); "feared to have died"."""
    [cameras] = claims_of(
        "When the council first disclosed the incident, 14 cameras were known to have been affected."
    )
    [dead] = claims_of("Twelve people are feared to have died.")
    assert (cameras.noun, cameras.event) == ("camera", "affect")
    assert dead.event == "die"


def test_a_few_buildings_of_a_kind_are_where_a_group_is():
    """ "41 patients were still in its two hospitals": in hospital, a count of its own (before: no event,
    and the count joined the 64 admitted as a timeline); "restored to 5,000 homes" counts the homes."""
    [still] = claims_of("St Aldric says 41 patients were still in its two hospitals on Monday.")
    [homes] = claims_of("Power was restored to 5,000 homes on Sunday.")
    assert still.event == "in hospital"
    assert (homes.noun, homes.event) == ("home", "restore")


def test_a_union_branchs_number_names_it():
    """ "Local 2291", a union branch: its number names it, whether the tagger calls "Local" an adjective at
    the start of a sentence or in an apposition (before: 2,291 of something, set against the 640 calls it
    reported). "Additional 40 people were hurt" still counts them."""
    reported = claims_of("Local 2291 reported on March 13 that 640 calls were delayed.")
    represents = claims_of(
        "Harrow County Professional Fire Fighters, Local 2291, represents 131 career firefighters."
    )
    [hurt] = claims_of("Additional 40 people were hurt.")
    assert [(c.value, c.noun) for c in reported] == [("640", "call")]
    assert [c.value for c in represents] == ["131"]
    assert hurt.value == "40"


def test_a_place_that_accounts_for_a_part_is_where_it_is():
    """ "Harrowmark province accounted for 14 of the reports": 14 reports in Harrowmark province, as "Of the
    131 deaths, 118 were in Upper Tolvane" is (before: no place, so a count of all the reports)."""
    [part] = claims_of("Harrowmark province accounted for 14 of the reports, the authority said.")
    assert (part.value, part.noun, part.places) == ("14", "report", ["Harrowmark province"])


def test_a_number_before_two_joined_words_counts_the_plural_they_share():
    """ "640 fire and medical calls" counts calls (before: "fire", which the parser hangs the number on);
    "40 homes and businesses" still counts homes."""
    [calls] = claims_of("At least 640 fire and medical calls were dispatched late, the union said.")
    [homes] = claims_of("The storm destroyed 40 homes and businesses.")
    assert (calls.value, calls.noun) == ("640", "call")
    assert (homes.noun, homes.event) == ("home", "destroy")


def test_an_outage_of_hours_or_its_length_is_how_long_it_went_on():
    """ "an outage of 131 hours" and a fact line's "Outage length: … 78 hours" both measure the outage
    (before: no claim, hours measuring only a time or what lasted); "A total of 131 hours" still measures
    nothing."""
    [outage] = claims_of("Local 2291 reports an outage of 131 hours, ending on March 12.", "2026-03-16")
    lengths = claims_of("Outage length: the sheriff says 78 hours; the union says 131 hours.")
    assert (outage.value, outage.noun, outage.unit, outage.source) == (
        "131 hours",
        "outage",
        "hours",
        "Local 2291",
    )
    assert [(c.value, c.noun, c.source) for c in lengths] == [
        ("78 hours", "outage", "sheriff"),
        ("131 hours", "outage", "union"),
    ]
    assert claims_of("A total of 131 hours was lost.") == []


def test_a_verbs_not_sets_no_figure_against_another():
    """ "We have not changed our view that 8,400 is the right number for the scheme": the "not" is the
    verb's, so the 8,400 borrows no count from the sentence before (before: it became a count of the
    1,180 complaints just told, and the two a conflict). "Nearly 300 sick, not 138" still sets the 138
    against the 300."""
    complaints, *rest = claims_in_a_row(
        "In a statement on Tuesday, the ombudsman said it had received 1,180 complaints about the error.",
        '"We have not changed our view that 8,400 is the right number for the scheme," Stallvik said.',
        "2026-05-20",
    )
    sick = claims_of("'Nearly 300 sick, not 138': workers' group accuses Halvane of playing down outbreak")
    assert (complaints.value, complaints.noun) == ("1,180", "complaint")
    assert rest == []
    assert [(c.value, c.event) for c in sick] == [("300", "sick"), ("138", "sick")]


def test_what_was_found_so_is_what_befell_it():
    """ "its engineers had now found 11 buckled sites": sites buckled, as "nine buckled sites" are (before:
    sites found); "Police found 12 bodies" are still found, and "recovered 240 stolen parts" recovered."""
    [sites] = claims_of("The company said its engineers had now found 11 buckled sites across the network.")
    [bodies] = claims_of("Police found 12 bodies.")
    [parts] = claims_of("Officers recovered 240 stolen parts.")
    assert (sites.noun, sites.event) == ("site", "buckle")
    assert bodies.event == "find"
    assert parts.event == "recover"


def test_a_sum_set_aside_is_a_claim():
    """ "we have set aside 4.1 million crowns": a sum set aside (before: no claim, the tagger calling
    "aside" an adverb, so "set" was read as setting a value); "set off" still says what befell swimmers."""
    [aside] = claims_of("In total, we have set aside 4.1 million crowns to put this right for our members.")
    [swimmers] = claims_of("1,340 swimmers set off.")
    assert (aside.value, aside.event) == ("4.1 million crowns", "set aside")
    assert swimmers.event == "set off"


def test_a_named_owners_figure_is_theirs():
    """ "Grenholt's figure of 26 only counts people seen by ambulance crews": Grenholt's (before: the
    sentence before's teller, through the frame it lends), as "Tessaline's estimate" is the insurer's."""
    _, grenholt = claims_in_a_row(
        "According to the Environmental Health Office, 83 residents had sought medical help by Wednesday.",
        "Grenholt's figure of 26 only counts people seen by ambulance crews.",
        "2026-03-20",
    )
    assert (grenholt.value, grenholt.noun, grenholt.source) == ("26", "resident", "Grenholt")


def test_a_negated_event_counts_what_did_not_happen():
    """ "41,200 pensioners were not paid" and "failed to pay €58 million" count what was not paid (before:
    "pay", the same event as "3,900 pensioners … are paid", its opposite)."""
    [unpaid] = claims_of("As a result, 41,200 pensioners were not paid on the due date.")
    [missed] = claims_of("On 2 March the City of Harrowmere failed to pay €58 million that it owed.")
    [paid] = claims_of("The 3,900 pensioners who live abroad are paid through a separate run.")
    assert (unpaid.noun, unpaid.event) == ("pensioner", "not pay")
    assert missed.event == "not pay"
    assert paid.event == "pay"


def test_a_group_taken_to_a_named_hospital_or_conveyed_there_went_to_hospital():
    """ "taken to St Aldric's Hospital" (the tagger ends the name before "Hospital") and "seven persons
    conveyed to hospital" (the tagger calls the participle a past tense) went to hospital (before: "take"
    and "convey", going nowhere)."""
    [named] = claims_of("Four guests were taken to St Aldric's Hospital in Harrowmere by ambulance.")
    [conveyed] = claims_of("The Fire and Rescue Service has recorded seven persons conveyed to hospital.")
    assert named.event == "take to hospital"
    assert (conveyed.noun, conveyed.event) == ("person", "convey to hospital")


def test_incidents_found_in_which_something_happened_count_what_happened():
    """ "identified 26 incidents in which our response was delayed": incidents of delay (before: incidents
    identified, the finding); "Police found 12 bodies" are still found."""
    [incidents] = claims_of(
        "As of 4pm today, we have identified 26 incidents in which our response was delayed."
    )
    [bodies] = claims_of("Police found 12 bodies.")
    assert (incidents.noun, incidents.event) == ("incident", "delay")
    assert bodies.event == "find"


def test_a_question_whose_many_hangs_on_a_mistagged_word_counts_the_noun_after_it():
    """ "How many airbag inflator ruptures …?", with "airbag" tagged a preposition that "many" hangs on,
    counts the ruptures (before: no noun at all)."""
    asked = question_frame("How many airbag inflator ruptures has the road-safety directorate confirmed?")
    assert asked.noun == "inflator rupture"


def test_a_wait_or_a_stranding_in_days_or_weeks_is_a_span_of_time():
    """ "a median wait of 11 weeks" and "stranded for nine days" are spans of time, as hours and minutes
    were (before: no claim, days and weeks being no measurement); "Three days later" and "Within 10 days"
    measure nothing."""
    [applicants, wait] = claims_of(
        "Its survey of more than 2,000 applicants found a median wait of 11 weeks."
    )
    [ship] = claims_of("The ship was stranded for nine days.")
    assert (wait.value, wait.unit, wait.noun) == ("11 weeks", "weeks", "wait")
    assert applicants.unit is None
    assert (ship.unit, ship.noun) == ("days", "ship")
    assert claims_of("Three days later the ship arrived.") == []
    assert [c.value for c in claims_of("Within 10 days, 300 homes were flooded.")] == ["300"]


def test_how_long_a_state_holds_measures_what_is_in_it():
    """ "Line 4 remains closed for ten days", "The road will stay closed for at least 21 days": how long the
    line and the road stay closed (before: no claim; the span hung on "closed", an adjective, and "Line 4"
    was taken for a count of lines, whose span would be the count's measure)."""
    [line] = claims_of("Line 4 remains closed for ten days.")
    [road] = claims_of("The road will stay closed for at least 21 days.")
    assert (line.value, line.unit, line.noun) == ("10 days", "days", "line")
    assert (road.unit, road.noun, road.qualifier) == ("days", "road", "at least")
    assert claims_of("The museum is open for three days a week.") == []


def test_a_noun_named_by_a_number_after_it_is_what_was_done_to():
    """ "52,000 young people sat Paper 2" sat a paper, as "38,400 candidates sat that paper" did (before:
    "Paper" was a name and no object, and its "2" read as an amount)."""
    [named] = claims_of("Around 52,000 young people sat Paper 2 on 12 May.", "2026-05-14")
    [common] = claims_of("Our entry records show that 38,400 candidates sat that paper.", "2026-05-14")
    assert named.event == common.event == "sit paper"


def test_a_span_the_parser_hangs_on_the_clause_that_ends_it_is_the_waits():
    """ "waited about 3 hours before the evacuation began" is how long they waited, and "were held on the
    train for around three hours before the evacuation got under way" how long the customers were held
    (before: both measured the evacuation, the parser hanging the span on "began")."""
    [waited] = claims_of("Orvena said passengers had waited about 3 hours before the evacuation began.")
    [held] = claims_of(
        "In total, customers were held on the train for around three hours before the evacuation got "
        "under way."
    )
    assert (waited.unit, waited.noun, waited.event) == ("hours", None, "wait")
    assert (held.unit, held.noun, held.qualifier) == ("hours", "customer", "around")


def test_a_date_set_off_before_the_subject_dates_the_whole_sentence():
    """ "At the previous election, in 2022, the commission recorded 502 people turned away": then (before:
    the article's day, the year hanging on "recorded" and the figure on "turned")."""
    [then] = claims_of(
        "At the previous Lower Brennick election, in 2022, the commission recorded 502 people turned away.",
        "2026-04-20",
    )
    [said] = claims_of("On Tuesday, the ministry said 340 had died.", "2026-04-20")
    assert then.date == "2022"
    assert said.date == "2026-04-14"


def test_a_part_of_a_counted_whole_in_the_next_clause_is_a_count_of_its_own():
    """ "1,240 patients received a wrong result, and 312 of them have been asked to return": the 312 asked
    to return are counted (before: dropped as a part of the 1,240); a part of what a holder has ("Harrowmere
    General had 41,300 patients …, and 2,740 of them had been waiting") is still that holder's alone."""
    whole, part = claims_of(
        "According to the trust, 1,240 patients received a wrong result, and 312 of them have been asked "
        "to return for a repeat test."
    )
    held = claims_of(
        "Harrowmere General had 41,300 patients on its waiting list, and 2,740 of them had been waiting "
        "for more than a year."
    )
    assert (part.value, part.noun, part.event) == ("312", "patient", "ask")
    assert whole.event == "receive result"
    assert [c.value for c in held] == ["41,300"]


def test_how_many_an_estimate_says_may_hold_a_state_is_a_count_not_a_forecast():
    """ "as many as 480 school buildings may contain the material" and "up to 2,000 residents may have
    been exposed" count what may be so now (before: dropped as forecasts); "could lose their jobs" and
    "could total" still forecast."""
    [buildings] = claims_of(
        "The institute has estimated that as many as 480 school buildings may contain the material."
    )
    [exposed] = claims_of("Up to 2,000 residents may have been exposed to the gas.")
    assert (buildings.noun, buildings.event, buildings.qualifier) == (
        "school building",
        "contain material",
        "as many as",
    )
    assert exposed.noun == "resident"
    assert claims_of("About 5,000 people could lose their jobs.") == []
    assert claims_of("Losses could total 300 million.") == []


def test_a_hearing_turn_with_a_body_and_a_party_is_no_part_of_the_sentence():
    """ "Ada Kemény (Soltberg Riverside) (SD): The Institute … now estimates that 620 school buildings
    contain this material": the institute says so, of buildings that contain it (before: the label, with
    its accented name and two parentheses, was parsed as the subject, and its constituency was the
    source)."""
    [buildings] = claims_of(
        "Ada Kemény (Soltberg Riverside) (SD): The Institute of Building Surveyors now estimates that 620 "
        "school buildings contain this material."
    )
    assert buildings.source == "Institute of Building Surveyors"
    assert buildings.counted == "school buildings that contain this material"


def test_what_a_group_described_by_a_participle_has_is_what_is_counted():
    """ "Fourteen children tested by the department have blood lead levels above the reference value":
    children with raised levels, not children tested (before: "test", which put the 14 among the 212
    children tested); "300 passengers stranded at the airport" are still stranded."""
    [raised] = claims_of(
        "Fourteen children tested by the Carrowby Public Health Department have blood lead levels at or "
        "above the reference value."
    )
    [stranded] = claims_of("300 passengers stranded at the airport spent the night on the floor.")
    assert (raised.noun, raised.event) == ("child", "have level")
    assert stranded.event == "strand"


def test_what_a_group_is_going_to_undergo_is_its_event():
    """ "540 farms are going to lose the only buyer they've got": losing the buyer (before: no event, the
    parser's verb being "going"); "200 people are going to the rally" still go nowhere counted."""
    [farms] = claims_of("The growers say 540 farms are going to lose the only buyer they've got.")
    [rally] = claims_of("About 200 people are going to the rally.")
    assert (farms.noun, farms.event) == ("farm", "lose buyer")
    assert rally.event is None


def test_a_group_that_went_past_a_mark_counts_those_past_it():
    """ "seven of the 23 playgrounds it sampled exceeded its guideline": playgrounds over the guideline
    (before: no claim, "exceed" only ever giving a value); "Deaths topped 1,000" still gives the deaths."""
    [over, sampled, _guideline] = claims_of(
        "The agency reported that seven of the 23 playgrounds it sampled exceeded its guideline of 400 mg/kg."
    )
    [deaths] = claims_of("Deaths topped 1,000.")
    assert (over.value, over.noun, over.event) == ("7", "playground", "exceed guideline")
    assert sampled.value == "23"
    assert (deaths.noun, deaths.event) == ("death", None)


def test_what_a_passive_verb_was_filled_with_is_what_it_did():
    """ "Pen 5 was stocked with 68,400 fish": fish stocked (before: fish with no event, one count with
    "a lower estimate of 27,300 fish" escaped, and a false conflict); "charged with 14 offences" likewise."""
    [stocked] = claims_of("Pen 5 was stocked with 68,400 fish, as recorded in the operator's stock return.")
    [men, offences] = claims_of("Nine men were charged with 14 offences.")
    assert (stocked.noun, stocked.event) == ("fish", "stock")
    assert (men.event, offences.noun, offences.event) == ("charge", "offence", "charge")


def test_a_group_at_large_is_not_what_befell_it_before():
    """ "24 recalled offenders were unlawfully at large": offenders at large, not offenders recalled
    (before: "recall", which put the 24 in the dispute over how many were recalled)."""
    [at_large] = claims_of(
        "Police figures show that 24 recalled offenders were unlawfully at large on 31 March."
    )
    [recalled] = claims_of("By 26 March, 97 people released under the scheme had been recalled to custody.")
    assert (at_large.noun, at_large.event) == ("offender", None)
    assert recalled.event == "recall to custody"


def test_a_count_told_per_weekday_is_a_days_rate():
    """ "an average of 4,100 cycle trips a weekday", "18,400 motor vehicles each weekday": a day's count,
    never a total (before: no rate, so the lane's daily trips could stand against a month's); "300 meals
    a week" stays a week's."""
    [trips] = claims_of("The lane carried an average of 4,100 cycle trips a weekday in February.")
    [meals] = claims_of("The shelter served 300 meals a week.")
    assert trips.event is not None and trips.event.endswith("a day")
    assert meals.event == "serve a week"


def test_meters_that_do_something_are_devices_not_a_length():
    """ "9,400 meters have been repaired", "67,500 meters stopped sending readings": smart meters counted
    (before: 9,400 metres, a length, set against the supplier's later count of meters as a conflict); a
    wall "12 meters high" and "30 meters of road" are still lengths."""
    [repaired] = claims_of(
        "As of this morning, 9,400 meters have been repaired and are sending readings again."
    )
    [stopped] = claims_of("VERO said 67,500 meters stopped sending readings.")
    [wall] = claims_of("The wall was 12 meters high.")
    [road] = claims_of("About 30 meters of road were washed away.")
    assert (repaired.value, repaired.unit, repaired.noun, repaired.event) == (
        "9,400",
        None,
        "meter",
        "repair",
    )
    assert (stopped.value, stopped.unit, stopped.noun) == ("67,500", None, "meter")
    assert (wall.unit, road.unit) == ("metres", "metres")


def test_a_phrase_on_a_place_that_names_no_place_keeps_it_a_kind_of_place():
    """ "admitted to the refuge under the council's statutory stray dog contract": admitted to a refuge
    (before: "stray", tagged a proper noun, made the refuge a named place, so no event); "to facilities in
    Lisk" names a place, which the frame keeps as where."""
    [admitted] = claims_of(
        "According to council records, 860 stray dogs were admitted to the refuge under the council's "
        "statutory stray dog contract."
    )
    [held] = claims_of(
        "The ministry said it had begun moving inmates out of the damaged prison, which held 2,140 people "
        "on the day of the riot, to facilities in Lisk and Selvik."
    )
    assert (admitted.noun, admitted.event) == ("dog", "admit to refuge")
    assert (held.event, held.places) == ("hold", ["Lisk"])


def test_put_to_sleep_and_came_in_are_what_befell_them():
    """ "41 dogs were put to sleep", "1,140 dogs came in": deeds (before: no event, so both joined every
    other count of dogs in one false conflict); "Police put the toll at 47" still gives a value."""
    [slept] = claims_of("Council figures show that 58 dogs were put to sleep between January and May.")
    [came] = claims_of("According to the Trust, 1,140 dogs came in between January and May.")
    [toll] = claims_of("Police put the death toll at 47.")
    assert (slept.noun, slept.event) == ("dog", "put to sleep")
    assert (came.noun, came.event) == ("dog", "come in")
    assert toll.event != "put to sleep"


def test_a_group_that_did_something_is_counted_by_its_deed():
    """ "97 diverted patients waited more than four hours": patients who waited (before: "diverted", their
    kind, which put the 97 among the 212 and 340 diverted); a question's "had the agency recorded" is no
    deed of the cases."""
    [waited] = claims_of("By our count, 97 diverted patients waited more than four hours in March.")
    asked = question_frame("How many suspected cholera cases had the agency recorded in Tembure by 12 May?")
    assert (waited.noun, waited.event) == ("patient", "wait")
    assert asked is not None and asked.event == "suspect"


def test_a_number_naming_a_bulletin_is_no_count():
    """ "Operation Homeward update 4: 16,850 Meridane passengers flown home": 4 names the update (before:
    four passengers flown home, against the 16,850)."""
    found = claims_of(
        "Operation Homeward update 4: 16,850 Meridane passengers flown home, 197 flights operated"
    )
    assert [c.value for c in found] == ["16,850", "197"]


def test_an_earlier_figure_is_dated_by_its_own_words():
    """ "up from the 1,100 announced on Monday" is Monday's figure (before: the article's day, so no
    timeline); "up from 23,000 a week earlier and 9,400 on 20 February" dates neither the 34,600 (said on
    Friday) nor the 31,200 held "at the end of last year in facilities designed for 19,500"."""
    [now, before] = claims_of(
        "We confirm a further 540 redundancies, bringing the number of employees who have lost their jobs "
        "to 1,640, up from the 1,100 announced on Monday.",
        "2026-06-11",
    )
    repaired = claims_of(
        "Kestrel said on Friday that 34,600 meters had been repaired, up from 23,000 a week earlier and "
        "9,400 on 20 February.",
        "2026-03-09",
    )
    held = claims_of(
        "Varnesia's 24 prisons held 31,200 inmates at the end of last year in facilities built for 19,500.",
        "2026-03-05",
    )
    assert (now.date, before.date) == ("2026-06-11", "2026-06-08")
    assert repaired[0].date == "2026-03-06"
    assert [c.date for c in held if c.value == "31,200"] == ["2025"]


def test_the_start_of_the_month_is_this_months_first_day():
    """ "it had 148 dogs at the start of the month" in a story of 19 June: 1 June (before: no date, so the
    148 and the 171 of 19 June were a conflict, not a timeline)."""
    assert resolve_date("the start of the month", "2026-06-19") == "2026-06-01"
    assert resolve_date("the beginning of the month", "2026-06-19") == "2026-06-01"
    assert resolve_date("the end of the month", "2026-06-19") is None  # still to come
    assert resolve_date("the end of last month", "2026-06-19") == "2026-05-31"


def test_a_date_right_after_the_figure_a_count_rose_from_is_that_figures():
    """ "8,150 people have already signed – up from 4,800 in the first fortnight in February": February is
    the 4,800's (before: the parser hung it on "signed", so both were February's and made no timeline);
    "up from 31, on Monday" after a comma still dates the whole sentence."""
    [now, before] = claims_of(
        "8,150 people have already signed – up from 4,800 in the first fortnight in February.", "2026-04-28"
    )
    told = claims_of("The number of people who signed rose to 40, up from 31, on Monday.", "2026-04-28")
    assert (now.date, before.date) == ("2026-04-28", "2026-02")
    assert [c.date for c in told] == ["2026-04-27", "2026-04-27"]


def test_a_counters_place_is_the_counts_and_a_recent_span_is_no_running_total():
    """ "the district health office in the host town of Lashgo has recorded 312 suspected cases": Lashgo's
    cases (before: no place, so they stood against the camp's 2,037); "457 new suspected cases reported in
    the past 48 hours" were counted within that span, never against a running total; "the toll rose to 212
    in the past week" is still the total."""
    [town] = claims_of(
        "The district health office in the host town of Lashgo has recorded 312 suspected cases.",
        "2026-05-12",
    )
    [recent] = claims_of("Officials said 457 new suspected cases were reported in the past 48 hours.")
    [toll] = claims_of("The death toll rose to 212 in the past week.")
    assert town.places == ["Lashgo"]
    assert recent.event == "suspect in the past 48 hours"
    assert toll.event is None or "past" not in toll.event


def test_what_a_thing_is_licensed_or_built_to_hold_is_no_count():
    """ "The Lannet Star, which is licensed for 300 passengers", "holding 930 inmates in space for 1,000":
    capacities (before: 300 passengers stood against the 247 aboard as a conflict); the 930 held is a
    count; "How many people had the trust reported treated …?" asks about people treated."""
    assert claims_of("The Lannet Star, which is licensed for 300 passengers, remained on the bar.") == []
    [held] = claims_of("Selvik Prison operates below capacity, holding 930 inmates in space for 1,000.")
    asked = question_frame("How many people had Dunmere Health Trust reported treated in hospital by Monday?")
    assert (held.value, held.noun) == ("930", "inmate")
    assert asked is not None and (asked.noun, asked.event) == ("people", "treat")


def test_the_true_number_disputes_the_main_figure_before_not_a_whole_or_an_aside():
    """ "… revoked 412 licences, a little over a tenth of the 3,900 drivers licensed in Korvel. The union
    says the true number is 587": licences revoked (before: the last figure's frame, drivers licensed);
    "nearly 3,000 people are staying at the centre, which has 1,300 places. … the real figure on Friday was
    1,265": people staying (before: places had)."""
    revoked = claims_in_a_row(
        "The city's Licensing Authority says it has revoked 412 licences, a little over a tenth of the 3,900 "
        "drivers licensed in Korvel.",
        "The United Cab Drivers' Union says the true number is 587.",
        "2026-03-16",
    )
    staying = claims_in_a_row(
        "Ms Benvari says nearly 3,000 people are staying at the centre, which has 1,300 places.",
        "The Interior Ministry says the real figure on Friday was 1,265.",
        "2026-06-13",
    )
    assert [(c.noun, c.event) for c in revoked if c.value == "587"] == [("licence", "revoke")]
    assert [(c.noun, c.event) for c in staying if c.value == "1,265"] == [("people", "stay")]


def test_a_figure_published_or_held_at_a_time_says_nothing_of_what_it_counts():
    """ "The Ministry of Health's published figure for the same day is 4,180" and "The union's figure at
    the time was 1,750" count what the sentence before does (before: the first counted what was
    published, the second nothing); so does "The figure, released on Friday, is up from 61,900": the count
    before, not the "three days" after it; "The number still in hospital fell to 6" still counts its own."""
    stuck = claims_in_a_row(
        "The federation says 5,600 people were stuck in hospital.",
        "The Ministry of Health's published figure for the same day is 4,180.",
    )
    walked = claims_in_a_row(
        "The union says 1,500 workers walked out on Monday.", "The union's figure at the time was 1,750."
    )
    in_hospital = claims_in_a_row(
        "The authority said 57 people were treated for smoke inhalation.",
        "The number still in hospital fell to 6 by 20 October, the authority said.",
        "2026-10-20",
    )
    repaid = claims_in_a_row(
        "The fund says 98,250 depositors have now received their money, three days after payouts began.",
        "The figure, released on Friday afternoon, is up from 61,900 on Thursday.",
        "2026-03-13",
    )
    assert [(c.value, c.noun, c.event) for c in stuck][1] == ("4,180", "people", "stick")
    assert [(c.noun, c.unit) for c in repaid if c.value == "61,900"] == [("depositor", None)]  # not the days'

    assert [(c.value, c.noun, c.event) for c in walked][1] == ("1,750", "worker", "walk out")
    assert [c.event for c in in_hospital if c.value == "6"] != ["treat"]


def test_an_earlier_value_of_a_count_reached_counts_what_it_reached():
    """ "The petition had reached 3,400 signatures by Sunday, up from 1,200 when it was handed in": the
    1,200 are signatures (before: petitions calling for collections)."""
    [now, before] = claims_of(
        "The Clean Streets petition calling for weekly collections to be restored had reached 3,400 "
        "signatures by Sunday, up from 1,200 when it was handed to councillors last month.",
        "2026-03-02",
    )
    assert (now.noun, before.noun, before.event) == ("signature", "signature", None)
    assert (now.date, before.date) == ("2026-03-01", "2026-02")


def test_a_day_of_the_month_in_words_and_a_span_between_two_dates():
    """ "as of Monday the ninth" in a story of 19 March is 9 March (before: Monday 16 March), "on the first
    of March" 1 March (before: no date, so the article's); "Between
    January 2022 and October 2025, the office issued 1,140 licences" holds at October 2025 (before: January
    2022, which made it background to a 2026 story)."""
    assert resolve_date("Monday the ninth", "2026-03-19") == "2026-03-09"
    assert resolve_date("on Tuesday the 3rd", "2026-03-19") == "2026-03-03"
    assert resolve_date("the first of March", "2026-03-19") == "2026-03-01"
    assert resolve_date("the twenty-third of February", "2026-03-19") == "2026-02-23"
    [issued] = claims_of(
        "Between January 2022 and October 2025, the Northgate office issued 1,140 taxi licences.",
        "2026-03-09",
    )
    assert issued.date == "2025-10" and not is_background(issued)


def test_a_bodys_own_release_tells_its_first_person_and_unattributed_figures():
    """ "A message from Quayside Parcels" under the headline: "Our own records show that 146 parcels were
    removed" and "we had received 124 claims" are Quayside's (before: "Our own records" and no one, so
    they joined no line or dispute with Quayside's figures told elsewhere); "At the time, 58 lockers were
    damaged", told by no one, stays the notice's own; a newspaper's byline, a headline's body and a chief
    executive's letter issue nothing."""
    notice = make_article(
        "notice",
        "An update for our customers on thefts from our lockers\n6 March 2026\n"
        "A message from Quayside Parcels\n\n"
        "Our own records show that 146 parcels were removed without authorisation in February. "
        "By Tuesday 3 March, we had received 124 claims for parcels taken from our lockers. "
        "At the time, 58 lockers were damaged.\n",
    )
    blog = make_article(
        "blog",
        "What our helpline is hearing\n12 March 2026 - Fold & Field Trust blog - posted by Hannah Lisle\n\n"
        "Our helpline has now recorded 67 sheep injured by dogs since New Year.\n",
    )
    paper = make_article(
        "paper",
        "Statement from Quayside Parcels: thefts rise\n6 March 2026\nBy Jonas Elm, Brennick Courier\n\n"
        "Some 146 parcels were removed from lockers in February.\n",
    )
    letter = make_article(
        "letter",
        "A note to customers\n6 March 2026\n"
        "A message from Dorian Pelt, Chief Executive, Brannock Retail Group\n\n"
        "We have refunded 412 customers so far.\n",
    )
    told = {c.value: c.source for c in article_claims(notice)}
    assert told == {"146": "Quayside Parcels", "124": "Quayside Parcels", "58": None}
    assert [c.source for c in article_claims(blog)] == ["Fold & Field Trust"]
    assert {c.source for c in article_claims(paper)} == {None}
    assert "Dorian Pelt" not in {c.source for c in article_claims(letter)}


def test_a_question_about_what_befell_those_a_body_recorded_asks_about_that():
    """ "How many sheep injured by dogs had the helpline recorded by 12 March?" asks about sheep injured
    (before: sheep recorded, which no figure's frame is); "How many deactivations had the union recorded?"
    still asks about deactivations."""
    injured = question_frame("How many sheep injured by dogs had the helpline recorded by 12 March?")
    counted = question_frame("How many deactivations had the union recorded?")
    assert injured is not None and (injured.noun, injured.event) == ("sheep", "injure")
    assert counted is not None and counted.event is None


def test_a_single_letter_before_a_hyphen_opens_one_word():
    """ "568 e-scooter injuries" counts injuries of a kind, "e-scooter-related attendances" attendances
    (before: the tokenizer split "e-scooter" at its hyphen and the parser counted "e", so no two articles'
    figures for one count could meet); "well-known" and "3-1" still split."""
    [injuries] = claims_of(
        "The report, published on Monday, found 568 e-scooter injuries at the two hospitals."
    )
    [attendances] = claims_of(
        "Our review of triage records found 412 e-scooter-related attendances last year."
    )
    assert injuries.noun == "e-scooter injury"
    assert attendances.noun == "attendance"
    assert [t.text for t in parse_one("a well-known X-ray in a 3-1 win")] == [
        "a",
        "well",
        "-",
        "known",
        "X-ray",
        "in",
        "a",
        "3",
        "-",
        "1",
        "win",
    ]


def test_a_count_before_a_change_is_dated_by_the_words_right_after_it():
    """ "has reached 159, up from 131 last week" dates the 131 a week before the article (before: the
    article's own day, so the two could make no line); "up from 1,140 a week earlier" is a week before the
    other figure's day, not the article's."""
    reached = dates_of(
        "The number of people treated after e-scooter accidents this year has reached 159, up from 131 last"
        " week, according to the health board.",
        "2026-03-13",
    )
    tested = dates_of(
        "By Sunday evening, 2,380 patients had been tested at the drop-in centres, up from 1,140 a week"
        " earlier, the board said.",
        "2026-03-16",
    )
    assert reached == {"159": "2026-03-13", "131": "2026-03-06"}
    assert tested == {"2,380": "2026-03-15", "1,140": "2026-03-08"}


def test_an_area_in_square_metres_is_a_measure():
    """ "roughly 450 square metres of the nave roof" is an area (before: 450 metres counted, as if metres
    were things)."""
    [stripped] = claims_of("Firefighters said roughly 450 square metres of the nave roof had been stripped.")
    [floor] = claims_of("The hall has 1,200 m² of floor space.")
    assert (stripped.value, stripped.unit) == ("450 square metres", "square metres")
    assert floor.unit == "square metres"


def test_a_report_a_release_and_an_appeal_page_tell_their_bodys_figures():
    """A body's report ("Tarnwick Road Safety Trust | Report summary"), a release whose first sentence
    names who announces it ("PRESS RELEASE", then "Velloran, 9 March 2026 – Scootra, the city's operator,
    today announced …") and an appeal page "Organised by the Diocese of Ambry" tell their "we" figures as
    that body's (before: no one's); a bulletin's own name ("Extreme Heat Bulletin No. 7") issues nothing."""
    report = make_article(
        "report",
        "Counting the cost: scooter injuries, 2022 to 2025\n2 March 2026\n"
        "Tarnwick Road Safety Trust | Report summary\n\n"
        "Our review of triage records found 568 scooter-related attendances in 2025.\n",
    )
    release = make_article(
        "release",
        "Operator announces a safety package\nMonday 9 March 2026\nPRESS RELEASE | For immediate release\n\n"
        "Velloran, 9 March 2026 – Scootra, the city's operator, today announced new safety measures.\n"
        "We have now suspended 315 accounts for unsafe riding since 1 January.\n",
    )
    page = make_article(
        "page",
        "Raise the roof: the official appeal\nLast updated 12 March 2026\n"
        "Organised by the Diocese of Ambry on Givewell\n\n"
        "In our first five days we've raised 186,400 crowns from 1,312 donors.\n",
    )
    bulletin = make_article(
        "bulletin",
        "Rails buckle in the heat\n15 July 2026\nExtreme Heat Bulletin No. 7 (excerpt)\n\n"
        "We recorded 41 buckled rails on Tuesday.\n",
    )
    assert [c.source for c in article_claims(report)] == ["Tarnwick Road Safety Trust"]
    assert [c.source for c in article_claims(release)] == ["Scootra"]
    assert {c.source for c in article_claims(page)} == {"Diocese of Ambry"}
    assert {c.source for c in article_claims(bulletin)} == {None}


def test_a_headline_that_is_a_bodys_message_names_whose_figures_they_are():
    """ "A message to our customers and their families from Brightwell Homecare": "we had 41 vacant care
    worker posts" is Brightwell Homecare's (before: only a line under the headline could say so); a letter
    from a minister is a person's, not a body's."""
    headlines = {
        "A message to our customers and their families from Brightwell Homecare": "Brightwell Homecare",
        "Letter from the Minister of Health and Care to the Chair of the Committee": None,
    }
    for headline, body in headlines.items():
        document = make_article("doc", f"{headline}\n9 March 2026\n\nWe had 41 vacant care worker posts.\n")
        assert [c.source for c in article_claims(document)] == [body]


def test_whose_list_a_group_is_on_is_no_place_named():
    """ "1,140 people are on Tarlow's allotment waiting list" are on a list, as "on its waiting list" are
    (before: "Tarlow's" made the list a named place, so the figure said nothing of where the people were,
    and the question asked only about people)."""
    [listed] = claims_of("The council says 1,140 people are on Tarlow's allotment waiting list.")
    asked = question_frame("How many people are on Tarlow's allotment waiting list according to the council?")
    assert (listed.noun, listed.event) == ("people", "on list")
    assert asked is not None and (asked.noun, asked.event) == ("people", "on list")


def test_a_count_during_a_year_and_another_tellers_true_number_hold_for_that_year():
    """ "During 2025 the trust asked its contractor to cancel 3,060 charges" and "… to cancel 3,060 charges
    during 2025" hold for 2025 (before: the article's day, so the contractor's 1,840 for 2025 met neither);
    "The firm insists the true number was 11,480", after "14,200 tickets … last year", is the firm's count
    for last year too (before: for the article's day); "for comparison" sets a sentence's figures aside."""
    [opening] = claims_of("During 2025 the trust asked its contractor to cancel 3,060 charges.", "2026-03-17")
    [closing] = claims_of(
        "The trust had asked its contractor to cancel 3,060 charges during 2025.", "2026-03-17"
    )
    assert (opening.date, closing.date) == ("2025", "2025")
    told, disputed = claims_in_a_row(
        "Campaigners say 14,200 tickets were issued to drivers at the hospital last year.",
        "The parking firm, which runs the site, insists the true number was 11,480.",
        "2026-03-19",
    )
    assert (told.date, disputed.date) == ("2025", "2025")
    assert (disputed.noun, disputed.source) == ("ticket", "parking firm")
    [compared] = claims_of(
        "Members noted, for comparison, that the council's own team had issued 1,840 penalty notices in 2025."
    )
    assert compared.aside


def test_a_figure_for_the_same_period_holds_when_the_sentence_before_says():
    """ "… counted 1,746 incidents in the district over the same twelve months" holds for 2025, the year
    the last sentence with figures gave its 1,184 for (before: the article's day, so the two could not be
    set against each other)."""
    article = make_article(
        "branch",
        "Dumping soars\n13 March 2026\n\nOfficers logged 1,184 incidents across the district in 2025, up from"
        " 1,029 the year before. But the union says the real figure is far higher. Its branch counted 1,746"
        " incidents in the district over the same twelve months.\n",
    )
    dated = {c.value: (c.date, c.date_stated) for c in article_claims(article)}
    assert dated["1,746"] == ("2025", True), "the period of the main figure, not of the one it rose from"
    assert dated["1,184"] == ("2025", True)


def test_a_period_told_after_what_a_figure_values_dates_it():
    """ "The commissioner's newsletter this month put the number of assaults on shopworkers last year at
    410": the 410 is last year's, not this month's (before: the first date on the verb won)."""
    [assaults] = claims_of(
        "The Police and Crime Commissioner's newsletter this month put the number of assaults on shopworkers"
        " last year at 410.",
        "2026-02-24",
    )
    [toll] = claims_of("On Tuesday the ministry put the number of deaths at 48.", "2026-02-24")
    assert assaults.date == "2025"
    assert toll.date == "2026-02-24"


# Each: a sentence, its article's day, and the days its figures hold for. Before these were read, each
# figure took its sentence's (or article's) time, so a count and the one before it fell on one day.
WHEN_WORDS_PLACE_A_FIGURE = {
    "the year before a year told": (
        "Officers logged 1,184 incidents across the district in 2025, up from 1,029 the year before.",
        "2026-03-13",
        {"1,184": "2025", "1,029": "2024"},
    ),
    "the week before a day told": (
        "By Monday the council had received 265 complaints about the agency, up from 212 the week before.",
        "2026-03-11",
        {"265": "2026-03-09", "212": "2026-03-02"},
    ),
    "a when clause after the count before a change dates it alone": (
        "Officers have now seized 21 vehicles under the operation, up from 14 when the agency last reported"
        " progress on 3 March.",
        "2026-03-18",
        {"21": "2026-03-18", "14": "2026-03-03"},
    ),
    "a when clause's last week": (
        "The company says it has taken on 83 new carers since February, up from 57 when it wrote to"
        " customers last week.",
        "2026-03-18",
        {"83": "2026-03-18", "57": "2026-03-11"},
    ),
    "a date right after a figure's noun": (
        "That compares with 142 streets on Wednesday 11 March and 318 on Friday 6 March.",
        "2026-03-20",
        {"142": "2026-03-11"},
    ),
    "a fortnight earlier": (
        "The company's list of streets awaiting a catch-up visit fell to 37 on Friday 20 March, from 318 a"
        " fortnight earlier.",
        "2026-03-20",
        {"37": "2026-03-20", "318": "2026-03-06"},
    ),
    "in the week ending a day": (
        "By the end of week 6, 58 hospital norovirus outbreaks had been reported in Eastmarch since the start"
        " of the season, up from 44 in the week ending 1 February.",
        "2026-02-11",
        {"44": "2026-02-01"},
    ),
}


@pytest.mark.parametrize("told", WHEN_WORDS_PLACE_A_FIGURE, ids=list(WHEN_WORDS_PLACE_A_FIGURE))
def test_the_words_around_a_figure_say_when_it_holds(told):
    sentence, published, expected = WHEN_WORDS_PLACE_A_FIGURE[told]
    dated = dates_of(sentence, published)
    assert {value: dated.get(value) for value in expected} == expected


def test_a_day_told_with_this_year_or_last_year_is_that_day_and_this_year_alone_is_the_pages():
    """ "on 31 March this year" is 31 March of the page's year (before, no date at all); "so far this year"
    and "in the first ten weeks of this year" hold on the page's day, as the sentence itself says."""
    assert resolve_date("31 March this year", "2026-05-20") == "2026-03-31"
    assert resolve_date("1 December last year", "2026-05-20") == "2025-12-01"
    assert resolve_date("the first ten weeks of this year", "2026-03-17") == "2026-03-17"
    [away] = claims_of(
        "Our members' records show that 287 children were living more than 20 miles from home on 31 March "
        "this year.",
        "2026-05-20",
    )
    assert (away.date, away.date_stated) == ("2026-03-31", True)
    [so_far] = claims_of(
        "Velmark Post says there were 486 dog attacks in the first ten weeks of this year.", "2026-03-17"
    )
    assert (so_far.date, so_far.date_stated) == ("2026-03-17", True)


def test_a_gerund_is_its_verbs_event_and_the_number_of_a_group_somewhere_says_where_they_are():
    """ "were living" is the event "live", as "live" is (before: "living", which never met it), and "GPs
    working" and "GPs are now working" are both "work"; "missing" stays what it says, not "miss". "puts
    the number of households in energy poverty at 312,000" counts households in poverty, as "312,000
    households are in energy poverty" does (before: households, with nothing said of them)."""
    [living] = claims_of("212 of the children in its care were living more than 20 miles from home.")
    [live] = claims_of("287 children live more than 20 miles from home, the Alliance says.")
    assert living.event == live.event == "live"
    [working] = claims_of("There are 312 GPs working in Northmoor today.")
    [work] = claims_of("The association estimates that just 268 GPs are now working across Northmoor.")
    assert working.event == work.event == "work"
    [missing] = claims_of("Families of the 9 workers still missing have asked for news.")
    assert missing.event == "missing"
    [number] = claims_of("The survey puts the number of households in energy poverty at 312,000.")
    [there] = claims_of("There are 312,000 households in energy poverty.")
    assert number.event == there.event == "in poverty"
    [patients] = claims_of("The number of patients in hospital rose to 41.")
    assert patients.event == "in hospital"


def test_a_time_owns_no_figure():
    """ "The company says last year's total was 2,184": the company says it; "last year" is when."""
    [total] = claims_of("The company says last year's total was 2,184 attacks, a record.", "2026-03-17")
    assert (total.source, total.date) == ("company", "2025")


def test_an_average_of_a_span_waited_is_the_span_waited():
    """ "waiting an average of 19 days" measures the wait, as "waited 19 days" does (before: no figure, the
    tagger calling "19 days" a date and "average" standing between the span and the verb)."""
    [average] = claims_of(
        "Patients in Northmoor are waiting an average of 19 days for a routine appointment."
    )
    assert (average.value, average.unit, average.event) == ("19 days", "days", "wait")
    [minutes] = claims_of("Callers waited a mean of 40 minutes to get through.")
    assert (minutes.value, minutes.event) == ("40 minutes", "wait")


def test_what_a_group_tells_of_itself_is_what_befell_it_and_when():
    """ "1,140 people over 65 told police they had lost money to a scam call in 2025": they lost money, in
    2025 (before: people with nothing befalling them, on the article's day); "Some 40 residents said they
    had been evacuated on Monday" were evacuated on Monday."""
    [lost] = claims_of(
        "In Eastwold alone, 1,140 people over 65 told police they had lost money to a scam call in 2025, the "
        "unit said.",
        "2026-03-12",
    )
    assert (lost.event, lost.date) == ("lose money", "2025")
    [evacuated] = claims_of("Some 40 residents said they had been evacuated on Monday.", "2026-03-12")
    assert (evacuated.event, evacuated.date) == ("evacuate", "2026-03-09")


def test_cases_of_a_kind_are_that_kinds_cases_and_a_total_before_a_participle_counts_its_noun():
    """ "38 cases of tick-borne encephalitis" are encephalitis cases, as "41 measles cases" are measles cases
    (before: "case", one with the Lyme disease cases); "cases of people falling ill" name no kind. "A total
    of 1,284 confirmed Lyme disease cases were recorded": the parser makes "confirmed" the verb and left the
    figure bare (before: no figure); "Of the 2025 Lyme disease cases" is a year, not 2,025 cases."""
    [of_kind] = claims_of("The agency recorded 45 cases of tick-borne encephalitis in the city in 2025.")
    [measles] = claims_of("The agency recorded 38 cases of measles.")
    [compound] = claims_of("The agency recorded 41 measles cases.")
    assert (of_kind.noun, measles.noun) == ("encephalitis case", compound.noun)
    [people] = claims_of("There were 3 cases of people falling ill.")
    assert people.noun == "case"
    [total] = claims_of("A total of 1,284 confirmed Lyme disease cases were recorded among residents.")
    assert (total.value, total.noun, total.event) == ("1,284", "disease case", "record")
    year = claims_of("Of the 2025 Lyme disease cases for which a place was recorded, 41% reported walking.")
    assert "2,025" not in {c.value for c in year}


# each event, and the sentences whose one figure has it
UN_PARTICIPLES_AND_STATES = {
    "not license": (
        "The council's estimate of 1,840 unlicensed homes rests on deposit records.",
        "Some 400 homes are unlicensed.",
        "We estimate that 1,840 privately rented properties remain unlicensed.",
    ),
    "not count": (
        "Its register showed more than 90,000 uncounted households.",
        "Its register showed 90,000 households that had not been counted.",
    ),
    "injure": ("The 12 injured workers are stable.",),
    "strand": ("As the pound drained, 38 boats were left stranded on the canal bed.",),
}


@pytest.mark.parametrize("event", UN_PARTICIPLES_AND_STATES, ids=list(UN_PARTICIPLES_AND_STATES))
def test_an_un_participle_is_the_state_not_the_verb_nor_a_kind_before_it(event):
    """ "1,840 unlicensed homes", "homes are unlicensed", "rented properties remain unlicensed" count the
    homes not licensed (before: nothing, "rented" and "rests on"); "uncounted households" are those "not
    counted"; "38 boats were left stranded" were stranded (before: "leave")."""
    told = [c.event for sentence in UN_PARTICIPLES_AND_STATES[event] for c in claims_of(sentence)]
    assert told == [event] * len(UN_PARTICIPLES_AND_STATES[event])


def test_what_will_be_is_expected_and_a_when_clause_after_an_opening_phrase_dates_the_report():
    """ "we will close 62 branches", "23 towns will be left without a branch", "is to close 30" are what
    someone says will be (service/one_time.py compares them whenever they were said); "40 people had
    died" is not. "For context, when Councillor Fenn was on this programme on Monday 3 November, he told
    us 9,800 trees had been planted": that Monday (before: the page's day, "For context," opening the
    sentence before the when clause)."""
    expected = [
        "After a review, we will close 62 branches.",
        "Our analysis shows that just 23 towns will be left without a branch.",
        "The bank is to close 30 branches.",
        "The firm is set to cut 400 jobs.",
    ]
    assert all(c.expected for sentence in expected for c in claims_of(sentence))
    [died] = claims_of("Police said 40 people had died.")
    assert not died.expected
    [planted] = claims_of(
        "For context, when Councillor Fenn was on this programme on Monday 3 November, he told us 9,800 "
        "trees had been planted under the pledge.",
        "2026-03-16",
    )
    assert (planted.date, planted.date_stated) == ("2025-11-03", True)


def test_a_time_the_parser_makes_a_subject_is_no_source():
    """ "Our own dung-count and camera-trap survey this winter puts the population at roughly 15,000": the
    parser makes "this winter" a second subject of "puts"; the survey says so (before: "winter")."""
    [survey] = claims_of(
        "Our own dung-count and camera-trap survey this winter puts the population at roughly 15,000 animals."
    )
    assert survey.source is not None and survey.source.endswith("survey")
