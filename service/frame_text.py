"""A claim frame told in words: what is counted, as a topic reads it ("people who died", "tonnes that
escaped", "customers whose data was stolen", "teachers that walked out"); the frame itself is read in
service/events.py and service/counted.py."""

from __future__ import annotations

from .clauses import GENERIC_NOUNS, PARTICLES, lemma, put_to
from .events import state_of
from .keys import IDIOMS, event_key, is_negated
from .nlp import cohort_of
from .presence import found_at, names_where


def _verb_phrase(event, noun, relative: bool = False) -> str:
    """The verb as the frame's topic tells it: with its particle ("walked out"), what it does that names
    no group ("took part") and the state it puts the group in ("fell ill"); in a relative clause with
    its auxiliaries ("who have fallen ill", "that were recovered")."""
    particles = [
        c for c in event.children if c.dep_ == "prt" or (c.i == event.i + 1 and c.lower_ in PARTICLES)
    ]
    words = [*(["not"] if is_negated(event) else []), event.text.lower(), *(c.lower_ for c in particles)]
    key = event_key(event, noun) or ""
    obj = next((c for c in event.children if c.dep_ == "dobj"), None)
    told_by_object = obj is not None and (key.endswith(f" {lemma(obj)}") or key in IDIOMS.values())
    if told_by_object:  # "took part", "joined the march", "lost their lives"
        words += [t.lower_ for t in obj.children if t.dep_ in ("det", "poss") and t.i < obj.i] + [obj.lower_]
    if (state := state_of(event)) is not None and key.endswith(f" {state.lower_}"):
        words.append(state.lower_)
    if (deed := put_to(event)) is not None:
        words += ["to", deed.lower_]  # "put to sleep"
    if relative:
        words = [c.lower_ for c in event.children if c.dep_ in ("aux", "auxpass") and c.i < event.i] + words
    return " ".join(words)


def readable(noun, event) -> str | None:
    """ "people who died", "people killed", "construction workers", "missing", "deaths"."""
    noun_text = None
    if noun is not None:
        compounds = [c.text for c in noun.children if c.dep_ == "compound" and c.pos_ == "NOUN"]
        noun_text = " ".join([*compounds, noun.text]).lower() if noun.pos_ != "PROPN" else noun.text
        noun_text = f"{cohort}s" if (cohort := cohort_of(noun)) else noun_text  # "first-years", not "years"
    if (
        event is not None
        and event.head.i != event.i
        and lemma(event.head) != "be"
        and state_of(event.head) == event
    ):
        event = event.head  # "fell ill": the state is what is counted, the verb tells it
    if event is None or (lemma(event) == "be" and noun_text):
        return noun_text
    if names_where(event):  # "people on board", "people in hospital"
        said = [t for t in event.subtree if not _in_a_clause_on(t, event) and t.text != ","]
        return " ".join([noun_text or "people", *(t.text for t in said)])
    if found_at(event, noun):  # "polling stations with irregularities"
        return f"{noun_text} with {event.text.lower()}"
    if event.pos_ == "NOUN" and noun is not None and noun.head.lower_ == "to":  # "injuries to passengers"
        return f"{event.text.lower()} to {noun_text}"
    if noun_text is None:
        return _verb_phrase(event, noun)
    relative = "who" if lemma(noun) in GENERIC_NOUNS else "that"  # "tonnes that escaped"
    if event.dep_ == "relcl" and event.head.i == noun.i:  # "people who have fallen ill"
        subject = next((c for c in event.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is not None and any(c.lower_ == "whose" for c in subject.children):
            return f"{noun_text} whose {subject.lower_} {_verb_phrase(event, noun, relative=True)}"
        if subject is None or subject.lower_ in ("who", "that", "which"):
            return f"{noun_text} {relative} {_verb_phrase(event, noun, relative=True)}"
    if event.tag_ in ("VBD", "VBN", "VBP", "VBZ") and noun.dep_ == "nsubj" and noun.head.i == event.i:
        # "people who had fallen ill": a participle keeps its auxiliaries; "buildings that contain it"
        return f"{noun_text} {relative} {_verb_phrase(event, noun, relative=event.tag_ == 'VBN')}"
    if noun.dep_ == "dobj" and noun.head.i == event.i and event.tag_ in ("VB", "VBP", "VBZ"):
        return f"{noun_text} {participle(lemma(event))}"  # "counts 184,000 depositors": depositors counted
    return f"{noun_text} {_verb_phrase(event, noun)}"


IRREGULAR = dict(
    pair.split(":")
    for pair in """take:taken find:found hold:held leave:left lose:lost keep:kept bring:brought send:sent
    pay:paid spend:spent put:put see:seen give:given make:made get:got have:had build:built catch:caught
    hit:hit cut:cut set:set shut:shut sell:sold buy:bought win:won tell:told say:said""".split()
)


def participle(verb: str) -> str:
    """ "count" → "counted", "raise" → "raised", "carry" → "carried", "hold" → "held"."""
    if verb in IRREGULAR:
        return IRREGULAR[verb]
    if verb.endswith("e"):
        return verb + "d"
    if verb.endswith("y") and verb[-2:-1] not in "aeiou":
        return verb[:-1] + "ied"
    return verb + "ed"


def _in_a_clause_on(token, event) -> bool:
    """ "in hospital, of whom five are in intensive care": a clause on the place is not the group's."""
    return any(a.dep_ == "relcl" for a in [token, *token.ancestors] if a.i > event.i)
