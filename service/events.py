"""What happened to a counted thing, read off spaCy's parse: the event of a claim frame (service/claims.py
has the frame; its module doc says what an event is). Closed classes of English grammar, no story words.

    "people killed", "people who died"      a participle or relative clause on the noun
    "killed 1,300 people"                   the verb the noun is the subject or object of
    "are missing", "left homeless"          the state after a copula or a result verb
    "sent to rebuild"                       the task a group is sent for (its activity), not an event
Verbs that report (say), that only state a value (be, reach, rise), that move or place a group (send,
deploy) and the words NOT_EVENTS lists are never events.
"""

from __future__ import annotations

from .clauses import REPORTING, lemma

# Closed classes of English grammar, not vocabulary of a story.
VALUE_VERBS = frozenset(
    """be remain stand reach rise climb increase grow jump soar hit top exceed surpass total number expect
    become seem appear include reportedly""".split()
)
PLACING = frozenset(
    """send deploy dispatch station move arrive head go come travel transfer bring relocate base return
    enter accept receive""".split()
)
HELPING = frozenset("help assist aid support".split())
NOT_EVENTS = frozenset("accord do more less".split())  # "according to", "150,000 did", "1,400 more"


def event_of(node):
    """What happened to the counted thing (see the module doc), or None."""
    for child in node.children:
        if child.dep_ == "relcl" and _relative(child) and (event := _through_copula(child)) is not None:
            return event
        # "heat-related deaths": a hyphenated participle is a cause, not what happened
        if (
            child.dep_ in ("acl", "amod")
            and child.tag_ == "VBN"
            and is_event_verb(child)
            and not _hyphenated(child)
        ):
            return child
        if child.dep_ in ("amod", "acl") and child.i > node.i and child.pos_ == "ADJ":
            return child  # "the 9 workers still missing": an adjective after the noun is its state
        if child.dep_ == "acl" and child.pos_ == "VERB" and lemma(child) in VALUE_VERBS | REPORTING:
            return _through_copula(next((c for c in child.children if c.dep_ == "xcomp"), child))
    if (state := _state_hung_above(node)) is not None:
        return state
    verb = node.head if node.dep_ in ("nsubj", "nsubjpass", "dobj", "attr", "appos") else None
    if node.dep_ == "pobj" and node.head.dep_ == "agent":
        verb = node.head.head
    if verb is None or verb.pos_ not in ("VERB", "AUX"):
        return None
    if node.dep_ == "attr" and any(c.dep_ == "expl" for c in verb.children):
        return verb  # "there were 3,559 people in Broken Bow": those present, a population
    if lemma(verb) in REPORTING:  # "are believed to be trapped", "were reported to have died"
        complement = next((c for c in verb.children if c.dep_ == "xcomp" and c.pos_ == "VERB"), None)
        if complement is not None and is_event_verb(complement):
            return _through_copula(complement)
    if is_event_verb(verb) or lemma(verb) in VALUE_VERBS:
        return _through_copula(verb)
    return _through_copula(verb) if any(c.dep_ in ("oprd", "acomp") for c in verb.children) else None


def _hyphenated(token) -> bool:
    return token.i > 0 and token.doc[token.i - 1].text == "-"


def _state_hung_above(node):
    """A participle or adjective right after the noun that the parser made the head of the clause
    around it ("Families of the 9 workers still missing have asked…" parses "missing" as the sentence's
    verb): the noun's state all the same."""
    following = node.doc[node.i + 1 : node.i + 3]
    state = next((t for t in following if not (t.pos_ == "ADV" and t.dep_ == "advmod")), None)
    if state is None or not (state.pos_ == "ADJ" or state.tag_ in ("VBG", "VBN")):
        return None
    return state if state in node.ancestors and is_event_verb(state) else None


def names_a_state(event) -> bool:
    """An increment says what its group is ("another 400 remain missing", "another 1,000 engineers are
    engaged"): an adjective or a participle other than one that only moves or adds; not an action done
    to it ("cut a further 700 jobs": 700 more cut)."""
    if event is None or not (event.pos_ == "ADJ" or event.tag_ in ("VBN", "VBG")):
        return False
    return lemma(event) not in ("follow", "join", "come", "arrive", "add")


def _relative(verb) -> bool:
    """A relative clause about the noun ("people who died"), not a clause the parser hung on it."""
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    return not subjects or subjects[0].lower_ in ("who", "that", "which")


def _through_copula(verb):
    """ "are missing" → missing; "are expected to arrive" → None; "died" → died; "left homeless" and
    "confirmed dead" → the adjective: the state the group ends in."""
    state = next((c for c in verb.children if c.dep_ in ("oprd", "acomp") and c.pos_ == "ADJ"), None)
    if state is not None and lemma(verb) not in VALUE_VERBS:
        return state
    if lemma(verb) not in VALUE_VERBS:
        return verb if is_event_verb(verb) else None
    for child in verb.children:
        if child.dep_ in ("acomp", "xcomp", "oprd") and child.pos_ in ("ADJ", "VERB"):
            return _through_copula(child) if child.pos_ == "VERB" else child
    return None


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
        if (
            child.dep_ in ("xcomp", "advcl")
            and child.pos_ == "VERB"
            and any(c.lower_ == "to" for c in child.children)
        ):
            helped = next((c for c in child.children if c.dep_ == "xcomp" and c.pos_ == "VERB"), None)
            return helped if helped is not None and lemma(child) in HELPING else child
    return None


def is_event_verb(token) -> bool:
    return lemma(token) not in REPORTING | PLACING | VALUE_VERBS | NOT_EVENTS
