"""What a measurement measures, read off the dependency parse: a length, area, speed, temperature or
magnitude (service/figures.py `with_units`). "a speed of 94 kilometres per hour" → speed; "winds of up to
150 km/h" → winds; "a 30-foot wave" → wave; "the wave was 30 feet high" → wave, high; "burned 12,000
hectares" → (burned); "the cliff top retreated 14 metres" → (retreated); "a magnitude 7.3 earthquake", "a
7.8-magnitude quake", "the quake had a magnitude of 7.1" → the quake. A distance the sentence names no
thing for ("about 240 kilometres to the south") is None (`measure_of`).
"""

from __future__ import annotations

from dataclasses import replace

from .amounts import (
    LEVEL_VERBS,
    MEASURING,
    VALUING,
    common_noun,
    dependent_noun,
    levelled,
    modified_noun,
    of_a_noun,
    spending_verb,
    stated_of,
    valued_noun,
    whole_of,
)
from .clauses import AVERAGES, CONTAINERS, COPULAS, GIVING, REPORTING, lemma
from .events import COUNTING, PLACING, VALUE_VERBS, is_event_verb, is_participle
from .nlp import objectless_preposition_before
from .thesaurus import goes_on, is_a_being
from .units import DURATIONS, SPEED_NOUNS, SPEEDS

DIMENSIONS = frozenset("wide long high deep tall thick broad".split())


# a span of time measures a time ("a response time of 12.4 minutes", "delays of 3 hours"), or time lost or
# waited; not what lasted that long ("a 24-hour strike", "for 30 minutes")
TIME_NOUNS = frozenset("time wait waiting delay duration length response".split())
TIME_EVENTS = frozenset("lose wait".split())


def of_time(unit: str | None, noun, event, token=None):
    """(noun, event) of a measurement in this unit, or None: any, unless the unit is a span of time; then
    a time ("a response time of 12.4 minutes", "waited 19 minutes") or how long something lasted."""
    if unit not in DURATIONS:
        return noun, event
    amount = measure_token(token) if token is not None else None
    if amount is not None and _minutes_after(amount):
        return None  # "5 hours 40 minutes": no one figure in hours
    if event is not None and lemma(event) in TIME_EVENTS and (_one_person(event) or _a_count_waited(event)):
        return None  # "But I waited 74 minutes": an anecdote; "214 patients waited over 12 hours": a count
    if (noun is not None and lemma(noun) in TIME_NOUNS) or (
        event is not None and lemma(event) in TIME_EVENTS
    ):
        return noun, event
    if noun is not None and amount is not None and _a_span_of(noun, amount):
        return noun, event  # "an outage of 131 hours": how long it went on
    lasting = noun is None and event is not None and amount is not None
    return _lasted(event, amount) if lasting else None


def _a_span_of(noun, amount) -> bool:
    """ "an outage of 131 hours", "a closure of 36 hours": the span of what went on, its "of" right after
    (not "a total of 131 hours", said by the total's own frame)."""
    of = amount.head
    spanned = lemma(noun) not in CONTAINERS and goes_on(lemma(noun))
    return of.lower_ == "of" and of.head.i == noun.i == of.i - 1 and spanned


def _one_person(verb) -> bool:
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    return subject is not None and (subject.lower_ in ("i", "he", "she") or subject.ent_type_ == "PERSON")


def _a_count_waited(verb) -> bool:
    """ "214 patients waited more than 12 hours", "How many people are waiting more than 12 hours?": the span
    says which ones are counted."""
    subject = dependent_noun(verb, ("nsubj", "nsubjpass"))
    return subject is not None and any(c.like_num or c.lower_ == "many" for c in subject.children)


def _minutes_after(amount) -> bool:
    after = [t for t in amount.doc[amount.i + 1 : amount.i + 4] if t.lower_ != "and"]
    return len(after) >= 2 and after[0].like_num and lemma(after[1]) in ("minute", "second", "min")


def _lasted(event, amount):
    """ "The interruption lasted just under six hours", "the overflow operated for 31 hours", "the cabins
    were stuck for about 12 hours", "Line 4 remains closed for ten days": (what lasted, None), when the
    sentence names it as the subject (not "it", nor a doer of something to something else: "police
    questioned him for three hours")."""
    copula = event.dep_ in ("acomp", "xcomp") and (event.head.pos_ == "AUX" or lemma(event.head) in COPULAS)
    verb = event.head if copula else event
    if verb.tag_ in ("VBZ", "VBP") and not copula:
        return None  # "the flight normally takes 50 minutes": how long it takes, not how long it went on
    if any(c.dep_ in ("dobj", "ccomp", "xcomp") for c in verb.children if c not in (event, amount)):
        return None
    subject = dependent_noun(verb, ("nsubj", "nsubjpass"))
    # "14 trains were held for more than ten minutes": a count, the span its measure ("Line 4": a name)
    if subject is None or any(c.like_num and c.i < subject.i for c in subject.children):
        return None
    return subject, None  # ran, operated, lasted: one span of it


SCALE_NAMES = frozenset({"celsius", "fahrenheit", "centigrade"})


def measure_token(token):
    """The unit noun a measurement's number hangs on ("94 kilometres", "9 million cubic metres" →
    kilometres, metres), else the number."""
    if token.head.like_num and token.head.i > token.i:
        token = token.head
    head = token.head
    if head.dep_ == "compound" and head.head.lower_ in SCALE_NAMES:
        head = head.head  # "14.2 degrees Celsius", parsed as a compound: the unit ends with its scale
    over = head.i > 0 and head.doc[head.i - 1].text == "/"  # "310 µg/kg", "180 µg/m3": the unit ends there
    near = 0 < head.i - token.i <= 2 + over + (head.lower_ in SCALE_NAMES)
    return head if head.pos_ in ("NOUN", "PROPN") and near else token  # "108 MW"


def measure_of(token, unit: str):
    """(what the measurement is of, the event or dimension) for the number token of a measurement, or None
    when the sentence names nothing it measures (see the module doc)."""
    if unit == "magnitude":
        quake = _magnitude_of(token)
        return (quake, None) if quake is not None else None
    amount = measure_token(token)
    if amount.head.pos_ in ("ADJ", "ADV") and lemma(amount.head) in DIMENSIONS:  # "was 30 feet high"
        dimension = amount.head
        if dimension.head.lower_ == "at" and dimension.dep_ in ("amod", "pcomp", "pobj"):
            # "measured the largest hole at 18 metres deep", "puts it at 31 metres deep"
            measured = next((c for c in dimension.head.head.children if c.dep_ == "dobj"), None)
            return (common_noun(measured), dimension) if measured is not None else None
        acomp = dimension.dep_ == "acomp"
        measured = dependent_noun(dimension.head, ("nsubj", "nsubjpass")) if acomp else None
        return (measured, dimension) if measured is not None else None
    if unit in DURATIONS and (spanned := _span_before(amount)) is not None:
        return None, spanned  # "waited about 3 hours before the evacuation began": how long they waited
    if amount.dep_ == "pobj" and amount.head.lower_ == "of" and lemma(amount.head.head) in AVERAGES:
        amount = amount.head.head  # "waiting an average of 19 days": as "waiting 19 days"
    if amount.dep_ in ("npadvmod", "dobj") and lemma(amount.head) in TIME_EVENTS:
        return None, amount.head  # "waited, on average, 19 minutes", "lost 9,650 hours"
    if unit in SPEEDS and amount.dep_ == "dobj" and lemma(amount.head) == "do":  # "was doing 12 km/h"
        return (moving, None) if (moving := dependent_noun(amount.head, ("nsubj",))) is not None else None
    if amount.dep_ == "pobj" and amount.head.lower_ == "within":  # "landed within 400 metres of the towers":
        verb = amount.head.head  # how far from them it happened, not the towers' size
        return (None, verb) if verb.pos_ == "VERB" and is_event_verb(verb) else None
    if unit in DURATIONS and (state := _state_for(amount)) is not None:
        return None, state  # "will stay closed for at least 60 days": how long the state lasts
    if (verb := _participle_after(amount) or spending_verb(amount) or _verb_through(amount)) is not None:
        return None, verb  # "burned 1,200 hectares of forest", "burned through 3,800 hectares"
    measured = (
        valued_noun(amount)  # "puts the bloom at 27 km of coastline": the bloom, not the coastline
        or whole_of(amount)
        or of_a_noun(amount)
        or modified_noun(amount)
        or levelled(amount)
        or stated_of(amount)
    )
    if measured is not None and common_noun(measured) is not None:
        measured = _size_of(measured)
        participle = _participle_on(measured) or _undergoing(amount)  # "the burned area": what was burned
        if lemma(measured) in SIZE_NOUNS:  # "puts the volume at …": said before; "the burned area": burned
            return None, participle
        return measured, participle
    if (verb := _undergoing(amount)) is not None:
        return None, verb
    return _moved_by(amount)


def _span_before(amount):
    """ "waited about 3 hours before the evacuation began", "were held for around three hours before the
    evacuation got under way": the parser hangs the span on the clause that ends it; it is the span of the
    waiting or of the "for" before it, not a time before the evacuation."""
    ended = amount.head
    if amount.dep_ != "npadvmod" or ended.dep_ != "advcl" or ended.head.pos_ != "VERB":
        return None
    if not any(c.dep_ == "mark" and c.lower_ in ("before", "until", "till") for c in ended.children):
        return None
    held = (opened := objectless_preposition_before(amount)) is not None and opened.lower_ == "for"
    waited = lemma(ended.head) in TIME_EVENTS
    return ended.head if waited or (held and opened.head.i == ended.head.i) else None


def _state_for(amount):
    """ "stay closed for 60 days", "remain shut for seven days": the state a copula's "for" span is of."""
    state = amount.head.head if amount.dep_ == "pobj" and amount.head.lower_ == "for" else None
    held = state is not None and state.dep_ == "acomp" and lemma(state.head) in COPULAS
    return state if held and state.pos_ in ("ADJ", "VERB") else None


def _moved_by(amount):
    """ "The cliff top retreated 14 metres", "the edge had moved inland by as much as 25 metres": how far it
    went, the verb (as "retreated by up to 14 metres" is, _verb_through)."""
    by = amount.dep_ == "pobj" and amount.head.lower_ == "by" and amount.head.dep_ == "prep"
    verb = amount.head.head if by else amount.head
    if not (by or amount.dep_ == "npadvmod") or verb.pos_ != "VERB":
        return None
    if not (is_event_verb(verb) or lemma(verb) in PLACING) or lemma(verb) in LEVEL_VERBS | COUNTING | GIVING:
        return None
    subject = dependent_noun(verb, ("nsubj",))  # a thing moved, not people going ("we walked 18 km")
    return (None, verb) if subject is not None and not is_a_being(lemma(subject)) else None


SIZE_NOUNS = frozenset("volume size area extent length depth height width".split())
# verbs whose subject gives or records a size rather than has it ("the tachograph recorded a speed of 94
# km/h", "data show a speed of 55 km/h", "put the volume at …")
NOT_ITS_OWN = VALUING | REPORTING | COUNTING | {"detect", "clock"}


def _size_of(noun):
    """ "the volume of ice and rock that fell", "the lake's volume": what has the size; else the size word."""
    if lemma(noun) not in SIZE_NOUNS | SPEED_NOUNS:  # "the tram's speed": the tram
        return noun
    owner = whole_of(noun) or next((c for c in noun.children if c.dep_ == "poss"), None)
    if common_noun(owner) is None and noun.dep_ in ("dobj", "attr") and lemma(noun.head) not in NOT_ITS_OWN:
        owner = dependent_noun(noun.head, ("nsubj",))  # "the ash column reached a height of 9 km"
    return common_noun(owner) or noun


def _verb_through(amount):
    """ "burned through 3,800 hectares", "ran for about 1.4 kilometres": the event the measurement is of
    (not a placing or valuing verb: "put the burned area at 9,300 hectares")."""
    if amount.dep_ != "pobj" or amount.head.dep_ != "prep" or amount.head.lower_ in ("of", "to"):
        return None
    verb = amount.head.head
    # "measured the water at 11.6 degrees": of the water (amounts.valued_noun), not of the measuring
    done = verb.pos_ == "VERB" and is_event_verb(verb) and lemma(verb) not in LEVEL_VERBS | MEASURING
    return verb if done else None


def _participle_after(amount):
    """ "is much lower: 3,100 hectares damaged": what befell the measured area, told right after it (not
    "160 millimetres taken from the city's gauges", its origin; not "given by": who gives it)."""
    after = amount.doc[amount.i + 1] if amount.i + 1 < len(amount.doc) else None
    told = after is not None and after.head.i == amount.i and after.dep_ == "acl" and after.tag_ == "VBN"
    verb = after if told else None
    if verb is None and amount.dep_ == "nsubj" and amount.head.tag_ == "VBN":  # "found 3,100 ha damaged"
        verb = amount.head if not any(c.dep_.startswith("aux") for c in amount.head.children) else None
    if verb is None or not is_event_verb(verb) or lemma(verb) in LEVEL_VERBS | COUNTING | GIVING:
        return None
    if any(c.dep_ == "prep" and c.lower_ == "of" for c in amount.children):
        return None  # "40 km of shoreline affected": the shoreline it measures
    return None if any(c.dep_ == "prep" and c.lower_ == "from" for c in verb.children) else verb


def _magnitude_of(token):
    """The quake a magnitude is of: the noun the number (or "magnitude") describes, the subject that "had"
    or "measured" it; else the magnitude itself ("put the magnitude at 6.8")."""
    word = token.head if lemma(token.head) == "magnitude" else token
    if word.dep_ in ("nummod", "compound", "nmod", "amod") and common_noun(word.head) is not None:
        return word.head
    if token.dep_ == "pobj" and token.head.lower_ == "of" and lemma(token.head.head) == "magnitude":
        magnitude = token.head.head
        owner = dependent_noun(magnitude.head, ("nsubj",)) if magnitude.dep_ == "dobj" else None
        return owner or common_noun(magnitude)
    if token.dep_ == "dobj" and token.head.pos_ == "VERB":  # "the quake measured 7.1"
        return dependent_noun(token.head, ("nsubj",))
    return levelled(token) or stated_of(token)


def _participle_on(noun):
    """ "the burned area has grown to 6,450 hectares": burned; "put the burning area at 2.5 hectares":
    burning."""
    return next((c for c in noun.children if c.dep_ in ("amod", "acl") and _befalls(c)), None)


def _befalls(word) -> bool:
    """ "the burned area", "the burning area"; not "the concentration recorded": how it is known."""
    told = is_participle(word) or (word.tag_ == "VBG" and is_event_verb(word))
    return told and lemma(word) not in COUNTING


def _undergoing(amount):
    """ "only 2.5 hectares were burning", "6 hectares of the site are alight": what the measured stretch
    is undergoing, a verb or state it is the subject of (not "30 km separates the towns": it acts)."""
    if amount.dep_ != "nsubj":
        return None
    verb = amount.head
    if lemma(verb) in COPULAS:  # a state: "were alight", "remains offline"
        return next((c for c in verb.children if c.dep_ in ("acomp", "attr") and c.pos_ == "ADJ"), None)
    acts = any(c.dep_ in ("dobj", "attr", "acomp", "xcomp", "ccomp") for c in verb.children)
    if verb.pos_ != "VERB" or acts or not is_event_verb(verb):
        return None
    return verb if lemma(verb) not in LEVEL_VERBS | COUNTING | GIVING | VALUE_VERBS else None


def counted_as_devices(figure, token):
    """ "9,400 meters have been repaired", "67,500 meters stopped sending readings": meters that do
    something are devices counted, not a length (a length is the subject of no deed but "of" what:
    "30 meters of road were washed away"). Else the figure as it was found."""
    if figure.unit != "metres" or token.i + 1 >= len(token.doc):
        return figure
    word = token.nbor()
    if word.lower_ not in ("meter", "meters") or word.dep_ not in ("nsubj", "nsubjpass"):
        return figure
    if lemma(word.head) in COPULAS or any(child.lower_ == "of" for child in word.children):
        return figure
    return replace(figure, value=figure.value.removesuffix(" metres"), unit=None)
