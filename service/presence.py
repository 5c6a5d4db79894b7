"""Where a counted group is, as opposed to what befell it: "64 people on board", "83 people aboard",
"were in hospital", "(there were) 140 people on site". Those aboard are not those sent, nor those who
died; a common place ("the boat", "hospital") is no named one, so it says what is counted, not where.
Who places a group ("deployed 10,000 troops"), what for ("sent to rebuild"), where to ("taken to hospital",
"came ashore") are here too, and places counted by what was found there ("irregularities at 37 polling
stations").
"""

from __future__ import annotations

from .clauses import CONTAINERS, COPULAS, NOT_PLACE_LABELS, PLACE_LABELS, VALUING, has_aux, lemma
from .thesaurus import is_a_building, is_a_change, is_a_happening, is_a_site, is_a_state

PRESENCE = frozenset("on aboard in at inside".split())
PLACING = frozenset(
    """send deploy dispatch station move arrive head go come travel transfer bring relocate base return
    enter accept receive""".split()
)
HELPING = frozenset("help assist aid support".split())
HEADINGS = frozenset("ashore aground overboard home abroad forward".split())  # "came forward"


def present_at(node):
    """ "(there were) 140 people on site", "14 people aboard": the phrase on the noun that says where the
    group is."""
    placed = (c for c in node.children if (c.dep_ == "prep" and tells_presence(c)) or _aboard_adverb(c))
    return next(placed, None)


def tells_presence(prep) -> bool:
    """ "on board", "aboard the boat", "in hospital": where a group is, not a named place."""
    place = next((c for c in prep.children if c.dep_ == "pobj"), None)
    if place is None or lemma(place) in CONTAINERS:
        return False  # "at the latest count": when a figure was given, not where anyone is
    if prep.lower_ == "without":
        return place.pos_ == "NOUN"  # "were without power": what the group is left without
    if place.pos_ == "NOUN" and _doing(prep, place):
        return True  # "on strike at Sorrum": what the group is doing, wherever
    if place.pos_ == "ADJ" and prep.dep_ == "prep" and lemma(prep.head) in COPULAS:
        return True  # "were unlawfully at large": a state the group is in, told by a preposition
    return prep.lower_ in PRESENCE and (says_aboard(prep, place) or common_place(place))


def common_place(token) -> bool:
    """ "the boat", "hospital": a place that is no named one (those count where, not what); a clause on it
    ("hospital, of whom five are in intensive care") is not part of its name, nor whose it is ("on Brennock's
    waiting list"), nor a phrase on it that names no place ("the refuge under the council's stray dog
    contract"; not "facilities in Lisk")."""
    own = [t for c in token.children if c.dep_ not in ("relcl", "acl", "prep", "poss") for t in c.subtree]
    placed = [t for c in token.children if c.dep_ == "prep" for t in c.subtree if t.ent_type_ in PLACE_LABELS]
    named = [t for t in [token, *own] if t.ent_type_ in PLACE_LABELS | NOT_PLACE_LABELS or t.pos_ == "PROPN"]
    named += placed
    named = [t for t in named if not _how_many_buildings(t, token)]  # "in its two hospitals"
    return token.pos_ == "NOUN" and not named and not token.like_num


def _how_many_buildings(number, place) -> bool:
    """ "two" of "its two hospitals": a few buildings of a kind are no named place (not "5,000 homes", which
    a figure counts)."""
    few = number.text.isalpha() or (number.text.isdigit() and int(number.text) < 20)
    return number.dep_ == "nummod" and number.head.i == place.i and few and is_a_building(lemma(place))


def named_site(token) -> bool:
    """ "Sanvelle General Hospital", "St Aldric's Hospital" (whose name the tagger ends before "Hospital"): a
    kind of place, by its name's last word."""
    named = token.ent_type_ in ("FAC", "ORG") or any(
        c.dep_ in ("poss", "compound") and c.ent_type_ in ("FAC", "ORG") for c in token.children
    )
    return token.pos_ == "PROPN" and named and is_a_site(lemma(token))


def _aboard_adverb(token) -> bool:
    return token.dep_ == "advmod" and token.lower_ == "aboard"


def names_where(token) -> bool:
    """A preposition ("in hospital", "on board"), or "aboard" that the tagger calls an adverb."""
    return token.pos_ == "ADP" or token.lower_ == "aboard"


def aboard(node):
    """ "64 people on board", "83 people aboard": those present on a vessel, said on the noun itself."""
    if (adverb := next((c for c in node.children if _aboard_adverb(c)), None)) is not None:
        return adverb  # "the 14 people aboard"
    for prep in (c for c in node.children if c.dep_ == "prep"):
        place = next((c for c in prep.children if c.dep_ == "pobj"), None)
        if says_aboard(prep, place) or (prep.lower_ == "without" and tells_presence(prep)):
            return prep  # "3,000 homes without power"
    return None


def says_aboard(prep, place) -> bool:
    """ "aboard", "on board", "on board Flight HV 318" (the parser makes "board" a word of the name)."""
    board = prep.i + 1 < len(prep.doc) and prep.doc[prep.i + 1].lower_ == "board"
    return prep.lower_ == "aboard" or (prep.lower_ == "on" and place is not None and board)


def is_presence(event: str) -> bool:
    """An event key that says where a group is ("aboard", "in hospital") or what is found at places
    ("with irregularity"), not what happened to it nor a state it is in ("in custody")."""
    words = event.split()
    return (words[0] in PRESENCE and not is_a_state(words[-1])) or event.startswith("with ")


def presence_key(prep) -> str:
    """ "aboard" for "on board" and "aboard (the boat)", else the preposition and its noun ("in hospital");
    "inside" is "in" ("inside the hotel" and "in the hotel" are one place to be)."""
    place = next((c for c in prep.children if c.dep_ == "pobj"), None)
    if place is None or says_aboard(prep, place):
        return "aboard"
    return f"{'in' if prep.lower_ == 'inside' else prep.lower_} {lemma(place)}"


def merely_where(event) -> bool:
    """ "49 passengers on board" counts what "38 passengers" does, "7,000 jobs at risk" what "7,000 jobs"
    does; "Five pupils remain in hospital" are a count of their own."""
    return only_where(event) and not _there_as_a_count(event)


def _there_as_a_count(prep) -> bool:
    """ "in hospital", "in four hotels", "remain in our care": a count of those there, not of all (not "at
    risk", "on board", "without power")."""
    place = next((c for c in prep.children if c.dep_ == "pobj"), None)
    if prep.lower_ not in ("in", "inside", "at") or place is None:
        return False
    verb = prep.head
    still = any(c.dep_ == "advmod" and c.lower_ == "still" for c in [*prep.children, *verb.children])
    remain = still or (verb.pos_ == "VERB" and lemma(verb) in ("remain", "stay"))
    return remain or is_a_building(lemma(place))


def _doing(prep, thing) -> bool:
    """ "on strike", "on duty": an act, event or state the group is on, not a place."""
    return prep.lower_ == "on" and thing is not None and is_a_happening(lemma(thing))


def only_where(event) -> bool:
    """A phrase that says only where the group is ("on board", "in hospital"), not a state it is in ("in
    energy poverty", "in quarantine") nor what it is doing ("on strike", "on duty")."""
    state = next((c for c in event.children if c.dep_ == "pobj"), None)
    in_a_state = _doing(event, state) or (
        event.lower_ == "in" and state is not None and is_a_state(lemma(state))
    )
    return names_where(event) and not in_a_state


def placing_verb(node):
    """The verb that sends or places the counted group: "deployed 10,000 troops", "12,000 sent"."""
    if node.dep_ in ("nsubj", "nsubjpass", "dobj") and lemma(node.head) in PLACING:
        return node.head
    return next((c for c in node.children if c.dep_ == "acl" and lemma(c) in PLACING), None)


def purpose(verb):
    """What a group is sent to do: "sent to assist", "dispatching 6,000 engineers to rebuild"."""
    if verb is None:
        return None
    for child in verb.children:
        to_do = child.pos_ == "VERB" and any(c.lower_ == "to" for c in child.children)
        if child.dep_ in ("xcomp", "advcl") and to_do:
            helped = next((c for c in child.children if c.dep_ == "xcomp" and c.pos_ == "VERB"), None)
            return helped if helped is not None and lemma(child) in HELPING else child
    return None


def found_there(node):
    """ "irregularities had been confirmed at 37 polling stations", "recorded irregularities at 212
    polling stations": places counted by what was found there (not "put the release at 3 tonnes")."""
    if node.dep_ != "pobj" or node.head.lower_ not in ("at", "in") or node.head.head.pos_ != "VERB":
        return None
    verb = node.head.head
    found = next((c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")), None)
    if found is None or found.pos_ != "NOUN" or found.ent_type_ or any(t.like_num for t in found.subtree):
        return None
    return found if lemma(verb) not in VALUING else None


def found_at(event, noun) -> bool:
    """The event is what was found where the counted places are (see found_there)."""
    if noun is None or event.pos_ != "NOUN" or noun.doc is not event.doc:
        return False
    found = found_there(noun)
    return found is not None and found.i == event.i


def heading(verb) -> str | None:
    """ "came ashore", "ran aground", "went home": a direction that is no named place."""
    return next((c.lower_ for c in verb.children if c.dep_ == "advmod" and c.lower_ in HEADINGS), None)


def destination(verb, counted=None):
    """Where a verb took its group, when that is a kind of place ("admitted to hospital", "taken to a
    shelter"), not a named one ("sent to Marrowby" says where, which a frame keeps as place): passive
    ("29 runners were taken", a headline's "29 taken"), active with the group as its object ("crews took
    29 runners to hospital") or as the subject that went ("52 offices switched to alternate-day delivery")."""
    passive = any(c.dep_ == "nsubjpass" for c in verb.children) or (verb.tag_ == "VBN" and not has_aux(verb))
    passive = passive or (verb.dep_ == "acl" and verb.tag_ == "VBD")  # "seven persons conveyed to hospital"
    on_it = counted is not None and counted.head.i == verb.i
    went = (
        on_it
        and counted.dep_ == "nsubj"
        and is_a_change(lemma(verb))
        and not any(c.dep_ == "dobj" for c in verb.children)
    )
    if not (passive or went or (on_it and counted.dep_ == "dobj")):  # "homes lost to the sea" went nowhere
        return None
    if lemma(verb) == "lose":  # "money lost to fake tickets": to what it was lost, no place it went
        return None
    towards = ("to", "into", "in") if lemma(verb) in VALUING else ("to", "into")  # "placed in hotels"
    for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ in towards):
        to = next((c for c in prep.children if c.dep_ == "pobj"), None)  # "to Sanvelle General Hospital"
        if to is not None and to.lower_ != "date" and (common_place(to) or named_site(to)):  # not "to date"
            return to
    return None
