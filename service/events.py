"""What happened to a counted thing, read off spaCy's parse: the event of a claim frame (service/claims.py
has the frame; its module doc says what an event is). Closed classes of English grammar, no story words.

    "people killed", "people who died"      a participle or relative clause on the noun
    "killed 1,300 people"                   the verb the noun is the subject or object of
    "are missing", "left homeless"          the state after a copula or a result verb
    "sent to rebuild"                       the task a group is sent for (its activity), not an event
    "64 people had been on board"           where a generic group is: not those sent, nor those who died
    "six children were among the missing"   what a group is among; "lists 21 people as injured"
Verbs that report (say; but "57 passengers reported vomiting" suffered it), that state a value (be,
reach), that move or place a group (send, deploy) and NOT_EVENTS are never events."""

from __future__ import annotations

from .clauses import (
    CONTAINERS,
    COPULAS,
    COUNTING,
    FOUND_OUT,
    GENERIC_NOUNS,
    GIVING,
    RAISING,
    REPORTING,
    SAYS_NO_KIND,
    VALUING,
    had_to,
    has_aux,
    has_something,
    how_many,
    is_particle,
    lemma,
    object_of,
    put_to,
    told_of_themselves,
    told_within,
)
from .presence import (
    HEADINGS,
    PLACING,
    aboard,
    destination,
    found_there,
    heading,
    names_where,
    present_at,
    tells_presence,
)
from .thesaurus import (
    is_a_being,
    is_a_happening,
    is_a_message,
    is_a_state,
    is_a_thing,
    is_an_occurrence,
    is_verb,
)

# Closed classes of English grammar, not vocabulary of a story.
VALUE_VERBS = frozenset(
    """be remain stand reach rise climb increase grow jump soar hit top exceed surpass total number expect
    become seem appear include reportedly""".split()
)
RECEIVING = frozenset("receive accept".split())  # who received is the subject: "the board received"
COMING = frozenset({"come"})  # "came in", "came back": a deed; "came to Marrowby" says where
NOT_EVENTS = frozenset("accord do more less compare".split())  # "according to", "did", "1,400 more"
RELATING = frozenset("link connect relate attribute associate".split())  # "deaths linked to the heat"
KNOWING = frozenset("know think understand fear".split())  # "14 cameras were known to have been affected"
STATE_GERUNDS = frozenset({"missing", "dead"})  # "missing hikers" (the tagger may read a verb), "dead fish"
STATE_TAGS = ("JJ", "VBN", "VBG")
PASSING = frozenset("exceed surpass top breach".split())  # a level: a value, or a mark some went past
OWN_WORDS = ("nsubj", "nsubjpass", "aux", "auxpass", "mark")  # a verb's own subject and auxiliaries
STATES = frozenset("ill sick unwell dead".split())  # "fell ill", "reported dead nationally": may be adverbs


def event_of(node):
    """What happened to the counted thing (see the module doc), or None."""
    event = _happened(node)
    event = event if event is not None else aboard(node)
    return event if event is not None else found_there(node)


def _happened(node):
    # "6,300 delayed bags have now been returned", "recovered 240 stolen parts": what befell them is the
    # clause's, "delayed" their kind (not "injured people were taken"; a count's "counted 151 catalogued")
    verb = node.head if node.dep_ in ("nsubj", "nsubjpass", "dobj") else None
    acted_on = lemma(verb) not in COUNTING if node.dep_ == "dobj" else verb is not None and has_aux(verb)
    did = node.dep_ == "nsubj" and verb.tag_ == "VBD" and lemma(verb) not in COPULAS | {"have"}
    acted_on = acted_on or did  # "97 diverted patients waited", not "How many … cases had the agency …"
    found = any(
        (c.dep_ == "amod" and c.i < node.i and is_participle(c)) or (c.dep_ == "relcl" and told_within(c))
        for c in node.children
    )
    acted_on = acted_on and not (lemma(verb) in FOUND_OUT and found)  # "found 11 buckled sites", "… in which"
    hung = _participle_hung_on_verb(node)
    befell = (acted_on and verb.pos_ == "VERB" and is_event_verb(verb)) or hung is not None
    where = _state_after(verb) if verb is not None and lemma(verb) in COPULAS else None
    placed, having = where is not None and names_where(where), verb is not None and has_something(node, verb)
    kind = placed or (befell and lemma(node) not in GENERIC_NOUNS)
    # "1,840 rented properties remain unlicensed": their state is the clause's, "rented" their kind
    befell = befell or (node.dep_ == "nsubj" and where is not None and participle_stem(where) is not None)
    after = any(c.dep_ == "acl" and is_participle(c) for c in node.children)  # "dead fish collected"
    for child in node.children:
        # "14 patients who missed their screening had been diagnosed": which ones, and what befell them
        clause = _said_of_them(child) if child.dep_ == "relcl" and not befell else None
        relative = clause is not None and (_relative(clause) or told_within(clause))
        if relative and (event := _state_after(clause)) is not None:
            return event
        # "heat-related deaths": a hyphenated participle is a cause, not what happened
        if (
            child.dep_ in ("acl", "amod")
            and not (befell and child.dep_ == "amod" and child.i < node.i)
            and not (placed or (having and child.dep_ == "acl"))  # "children tested by X have raised levels"
            and is_participle(child)
            and is_event_verb(child)
            and not _hyphenated(child)
            and lemma(child) not in GIVING  # "not the 212 given by the government": a figure told
        ):
            return child
        after_it = child.dep_ in ("amod", "acl") and child.i > node.i
        if after_it and child.pos_ == "ADJ" and child.lower_ not in SAYS_NO_KIND:
            return child  # "the 9 workers still missing": its state (not "Deaths, cumulative: 131")
        if child.dep_ == "amod" and child.lower_ in STATE_GERUNDS and not (befell or after):
            return child  # "the number of missing hikers" (not "six missing hikers were found")
        if child.dep_ == "amod" and participle_stem(child) and is_a_thing(lemma(node)) and not kind:
            return child  # "31 infected farms" (the tagger says adjective); "insured losses" is a kind
        # "48,600 patients waiting more than a year" (not "212 students holding a place had none")
        doing = child.dep_ == "acl" and child.tag_ == "VBG" and child.i > node.i
        if doing and is_event_verb(child) and not befell:
            return child
        if child.dep_ == "acl" and child.pos_ == "VERB" and lemma(child) in VALUE_VERBS | REPORTING:
            return _through_copula(next((c for c in child.children if c.dep_ == "xcomp"), child))
    of_a_count = node.dep_ == "pobj" and node.head.lower_ == "of" and lemma(node.head.head) in CONTAINERS
    if of_a_count and (placed := present_at(node)) is not None:  # "the number of households in poverty"
        return placed
    if (state := _state_hung_above(node) or hung or _done_to_them(node) or _given_to_them(node)) is not None:
        return state
    if node.dep_ == "conj" and node.head.dep_ in ("nsubj", "nsubjpass", "dobj"):
        node = node.head  # "won 534,100 votes and 41 seats", "12 soldiers and 3 civilians were killed"
    verb = node.head if node.dep_ in ("nsubj", "nsubjpass", "dobj", "attr", "appos") else object_of(node)
    if verb is not None and verb.dep_ in ("aux", "auxpass") and node.dep_.startswith("nsubj"):
        verb = verb.head  # "…, but 11 are missing": the parser may hang the subject on the auxiliary
    if verb is not None and lemma(verb) == "go" and verb.tag_ == "VBG":  # "are going to lose": will lose
        verb = next((c for c in verb.children if c.dep_ == "xcomp" and c.pos_ == "VERB"), verb)
    filled = node.head.lower_ == "with" and any(c.dep_ == "auxpass" for c in node.head.head.children)
    if node.dep_ == "pobj" and (node.head.dep_ == "agent" or filled):  # "was stocked with 68,400 fish"
        verb = node.head.head
    if node.dep_ == "nsubj" and verb.tag_ == "VBN" and not has_aux(verb):
        # "23 of the students abducted on Monday have been freed": the participle describes them; the
        # verb with the auxiliaries, which the parser made its conjunct, is what befell them
        verb = next((c for c in verb.children if c.dep_ == "conj" and has_aux(c)), verb)
    if node.dep_ in ("nsubj", "nsubjpass") and verb.pos_ == "ADJ" and has_aux(verb):
        return verb if verb.lower_ not in SAYS_NO_KIND else None  # "were unaccounted for": the root's state
    if verb is None or verb.pos_ not in ("VERB", "AUX"):
        return None
    if node.dep_ in ("dobj", "nsubjpass") and (state := _taken_as(verb)) is not None:
        return state  # "lists 14 people as missing", "were reported as damaged": the state, not the listing
    if node.dep_ == "attr" and any(c.dep_ == "expl" for c in verb.children):
        # "there were 3,559 people in Broken Bow": those present, a population; "there were 140 people on
        # site", "on board": those present at a common place, as "140 people were on site" are
        # "there are 212 wolves in Tarsovia": how many there are (as "212 wolves"), but people need a verb
        return present_at(node) or (verb if lemma(node) in GENERIC_NOUNS else None)
    if lemma(verb) in COUNTING and (done := _doing(verb)) is not None and node.dep_ == "nsubj":
        return done  # "Four schools recorded serving an alternative meal": what they did, told by them
    if lemma(verb) in REPORTING | KNOWING:  # "are believed to be trapped", "were known to have been affected"
        complement = next((c for c in verb.children if c.dep_ == "xcomp" and c.pos_ == "VERB"), None)
        complement = complement or (_done_to(verb) if node.dep_ == "nsubj" else None)  # "reported X stolen"
        complement = complement or (told_of_themselves(verb) if node.dep_ == "nsubj" else None)
        if complement is not None and is_event_verb(complement):
            return _through_copula(complement)
        told = any(c.dep_ == "dobj" and is_a_happening(lemma(c)) for c in verb.children)
        if node.dep_ == "nsubj" and told:
            return verb  # "57 passengers reported symptoms", "… vomiting": what they suffered, told by them
    if lemma(verb) == "have" and node.dep_ == "nsubj" and (must := had_to(verb)) is not None:
        return must  # "212 residents had to move": what they had to do, not what they had
    if is_event_verb(verb) or lemma(verb) in VALUE_VERBS:
        return _state_after(verb)
    return _through_copula(verb)  # "went missing": the state, else nothing


def _participle_hung_on_verb(node):
    """ "has received reports of 31 patients harmed.", "… the thefts and 185 stolen converters had been
    recovered": the parser hangs the participle right after the noun (and its auxiliaries) on the
    clause's verb; with no subject or other auxiliary of its own, it says what befell the noun."""
    after = next((t for t in node.doc[node.i + 1 :] if t.dep_ not in ("aux", "auxpass")), None)
    if after is None or after.dep_ != "advcl" or after.tag_ not in ("VBN", "VBD") or not is_event_verb(after):
        return None
    if any(c.dep_ in OWN_WORDS and not node.i < c.i < after.i for c in after.children):
        return None
    return after if after.head.i in {a.i for a in node.ancestors} else None


def _done_to_them(node):
    """ "recorded injuries to 41 passengers", "caused damage to 300 homes": the act or harm the figure's
    "to" names them the ones it befell (however the parser hangs the "to")."""
    if node.dep_ != "pobj" or node.head.lower_ != "to":
        return None
    above = node.head.head
    done = above if above.pos_ == "NOUN" else next((c for c in above.children if c.dep_ == "dobj"), None)
    own = {t.i for t in node.subtree}
    if done is None or done.pos_ != "NOUN" or any(t.like_num and t.i not in own for t in done.subtree):
        return None
    return done if is_an_occurrence(lemma(done)) or is_a_state(lemma(done)) else None


def _given_to_them(node):
    """ "restored heating to 351 flats", "power was restored to 5,000 homes", "delivered parcels to 300
    families": what was done for them, a thing given or brought (not people moved to 12 hotels, nor letters
    sent; not a level, "rose to 351")."""
    if node.dep_ != "pobj" or node.head.lower_ != "to" or node.head.head.pos_ != "VERB":
        return None
    verb = node.head.head
    given = next((c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")), None)
    passive = any(c.dep_ == "auxpass" for c in verb.children)  # the parser may lose what was restored
    if (given is None and not passive) or not is_event_verb(verb):
        return None
    if given is not None and (given.pos_ != "NOUN" or is_a_being(lemma(given)) or is_a_message(lemma(given))):
        return None  # "sent letters to 300 parents": they were told something, nothing befell them
    levelled = lemma(verb) in RAISING and (given is None or lemma(given) in CONTAINERS)  # "cut the total to"
    return None if lemma(verb) in VALUE_VERBS | REPORTING | VALUING or levelled else verb


MIN_PARTICIPLE = len("ruined")  # not "bed", "seed"


def participle_stem(adjective) -> str | None:
    """ "infected" → "infect", "flooded" → "flood": the verb an adjective is the past participle of
    (WordNet knows the verb); "uncounted" → "not count"; else None."""
    word = adjective.lower_
    unlike = len(word) < MIN_PARTICIPLE or not word.endswith("ed")
    if (adjective.tag_ != "JJ" and not word.startswith("un")) or unlike or _hyphenated(adjective):
        return None  # (the tagger may call "unfilled" a verb, lemma "unfille")
    stem = next((stem for stem in (word[:-2], word[:-1], word[:-3]) if is_verb(stem)), None)
    if stem is None and word.startswith("un"):
        stem = next((f"not {verb}" for verb in (word[2:-2], word[2:-1]) if is_verb(verb)), None)
    return stem


def is_participle(verb) -> bool:
    """A past participle, or one the tagger calls a past tense although it has no subject of its own
    ("the number of people sickened": sickened/VBD)."""
    own_subject = any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)
    return verb.tag_ == "VBN" or (verb.tag_ == "VBD" and verb.dep_ == "acl" and not own_subject)


def _taken_as(verb):
    """The state in "lists 21 people as injured", "classified 40 as dead" (the parser hangs it three ways);
    not a clause of its own ("deploys 6,000 engineers as military allying with Russia")."""
    for child in verb.children:
        as_state = child.dep_ == "advcl" and _bare_state(child)
        if as_state and any(m.lower_ == "as" for m in child.children):
            return child
        if child.dep_ == "prep" and child.lower_ == "as":
            return next((c for c in child.children if _bare_state(c)), None)
    return None


BARE_WORDS, BARE_DEPS = ("as", "by"), ("advmod", "mark", "agent", "prep")


def _bare_state(token) -> bool:
    """An adjective or participle with nothing of its own but adverbs, "as", by what and phrases ("still
    missing", "as damaged by falling debris", "as stolen since 1 February", "as available for hire")."""
    own = [c for c in token.children if not (c.dep_ in BARE_DEPS or c.lower_ in BARE_WORDS)]
    return token.tag_ in STATE_TAGS and not own


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
    return lemma(event) not in ("follow", "join", "come", "arrive", "add", "leave", "flee")


def _said_of_them(relative):
    """ "the eleven schools that the union says have served alternative meals": the clause told, whose
    subject is the relative pronoun (the parser hangs "that" on it, not on "says"), or which lacks the
    noun as its object ("the 61 swimmers the service says it pulled out of the water")."""
    if lemma(relative) not in REPORTING:
        return relative
    told = next((c for c in relative.children if c.dep_ == "ccomp" and c.pos_ in ("VERB", "AUX")), None)
    if told is None:
        return relative
    pronoun = any(c.dep_.startswith("nsubj") and c.lower_ in ("that", "which", "who") for c in told.children)
    object_gap = any(c.dep_ == "nsubj" for c in told.children) and _relative(told)
    return told if pronoun or object_gap else relative


def _doing(verb):
    """The gerund a verb of counting takes ("recorded serving"): what was done, not the counting."""
    done = next((c for c in verb.children if c.dep_ == "xcomp" and c.tag_ == "VBG"), None)
    return done if done is not None and is_event_verb(done) else None


def _relative(verb) -> bool:
    """A relative clause about the noun ("people who died", "customers whose data was stolen"), not a
    clause the parser hung on it."""
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    if not subjects or subjects[0].lower_ in ("who", "that", "which"):
        return True
    if any(c.lower_ == "whose" for c in subjects[0].children):
        return True
    # "the 212 schools (that) the department closed": the noun is what the clause's verb was done to
    objects = [c for c in verb.children if c.dep_ in ("dobj", "ccomp", "xcomp", "attr", "acomp")]
    gap = not objects and subjects[0].dep_ == "nsubj" and lemma(verb) not in REPORTING
    gap = gap and not any(c.dep_ in ("advmod", "mark") for c in verb.children)  # "up from 19 when it closed"
    return gap or (len(objects) == 1 and objects[0].lower_ in ("that", "which", "whom"))


def _through_copula(verb):
    """ "are missing" → missing; "are expected to arrive" → None; "died" → died; "left homeless",
    "confirmed dead", "reported missing" → the adjective or participle: the state the group ends in."""
    state = state_of(verb)
    if state is not None and lemma(verb) not in VALUE_VERBS:
        return state
    if lemma(verb) in COUNTING and (state := _counted_as(verb)) is not None:
        return state  # "the 310 islanders the council counted as stranded": stranded
    if lemma(verb) not in VALUE_VERBS or is_event_verb(verb):  # "were hit"
        return verb if is_event_verb(verb) else None
    for child in verb.children:
        if child.dep_ in ("acomp", "xcomp", "oprd") and child.pos_ in ("ADJ", "VERB"):
            return _through_copula(child) if child.pos_ == "VERB" else child
    return None


def _counted_as(verb):
    """ "counted as stranded", "listed as missing": the state a count puts its group in."""
    states = (c for c in verb.children if c.dep_ in ("advcl", "oprd", "xcomp") and c.tag_ in STATE_TAGS)
    return next((c for c in states if any(m.lower_ == "as" for m in c.children)), None)


def _state_after(verb):
    """What a clause says of its subject: what was done to it ("had their data stolen"), its state or event
    (_through_copula), else, after "be", the group it is among ("were among the missing" → missing) or
    where it is ("had been on the boat", "were in hospital"): those aboard are not those sent, nor dead."""
    if lemma(verb) == "have" and (done := _done_to(verb)) is not None and is_event_verb(done):
        return done  # "3.8 million people had their data stolen": what was done to them
    state = _through_copula(verb)
    if state is not None or lemma(verb) not in COPULAS:  # "remained in hospital"
        return state
    # "were in hospital", "were back in custody" (the parser hangs the phrase on "back")
    adverbs = [c for c in verb.children if c.dep_ == "advmod"]
    phrases = [c for c in [*verb.children, *(p for a in adverbs for p in a.children)] if c.dep_ == "prep"]
    for prep in phrases:
        place = next((c for c in prep.children if c.dep_ == "pobj"), None)
        if place is None:
            continue
        if prep.lower_ == "among":
            group = next((c for c in place.children if c.dep_ in ("amod", "acl")), place)
            # "the missing", "the dead": an adjective made a noun is singular; "the passengers" is not
            return group if group.tag_ in (*STATE_TAGS, "NN") else None
        if tells_presence(prep):
            return prep
    return present_at(verb)  # "14 people were aboard" (the tagger's adverb)


def _done_to(verb):
    """The participle of "had their homes destroyed" (the parser hangs it on "have" or on the object)."""
    for child in verb.children:
        if child.dep_ in ("ccomp", "xcomp", "oprd") and child.tag_ == "VBN":
            return child
        if child.dep_ == "dobj":
            return next((c for c in child.children if c.dep_ in ("acl", "amod") and c.tag_ == "VBN"), None)
    return None


def is_event_verb(token) -> bool:
    if lemma(token) in REPORTING | PLACING | VALUING and (destination(token) is not None or heading(token)):
        return True  # "58 people were admitted to the hospital", "returned to the sea", "placed in hotels"
    if lemma(token) in PLACING and _uncounted_object(token):
        return True  # "98,250 depositors have received their money" (not "hospitals received 58 patients")
    if lemma(token) in PLACING - RECEIVING and _passive_going_nowhere(token):
        return True  # "4,100 packs have been returned": what befell them (not "sent to Marrowby")
    if lemma(token) in VALUING | COMING and any(is_particle(token, c) for c in token.children):
        return True  # "1,340 swimmers set off", "1,140 dogs came in" (not "set the toll at 47")
    if put_to(token) is not None:
        return True  # "41 dogs were put to sleep" (not "put the toll at 47")
    if lemma(token) in ("hit", "reach") and any(c.dep_ == "auxpass" for c in token.children):
        return True  # "nine homes were hit", "not reached by enumerators" (not "the toll hit 40")
    if lemma(token) in PASSING and _past_a_mark(token):
        return True  # "seven playgrounds exceeded its guideline" (not "the toll exceeded 400")
    return lemma(token) not in REPORTING | PLACING | VALUE_VERBS | VALUING | NOT_EVENTS | RELATING


def _passive_going_nowhere(verb) -> bool:
    """ "4,100 packs had been returned by last Friday", "19,250 packs returned": nowhere they went to or came
    from, nothing they were sent to do ("were moved out", "deployed along the border", "being deployed")."""
    if any(_whither(c) for c in verb.children):
        return False
    if verb.tag_ == "VBN":
        return any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children) or verb.dep_ == "acl"
    # "19,250 packs returned" (a passive the parser reads as active; "1,000 volunteers went" went themselves)
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    no_object = not any(_object_or_state(c) for c in verb.children)  # not "went missing"
    return verb.tag_ == "VBD" and no_object and subject is not None and not is_a_being(lemma(subject))


def _whither(child) -> bool:
    """Where or what for a group was moved; not when ("on Tuesday") or by whom ("by owners")."""
    if child.dep_ in ("prep", "dative"):  # nor who says so ("according to Voltrana")
        return child.lower_ != "according" and not any(t.ent_type_ in ("DATE", "TIME") for t in child.subtree)
    purpose = child.dep_ in ("xcomp", "advcl") and child.pos_ == "VERB"  # "sent to help", "went missing"
    return purpose or child.dep_ == "prt" or child.lower_ in HEADINGS


def _object_or_state(child) -> bool:
    return child.dep_ in ("dobj", "acomp", "oprd", "attr")


def _past_a_mark(verb) -> bool:
    """ "exceeded its guideline of 400 mg/kg", "topped their banks": a mark, no figure, went past."""
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    return obj is not None and obj.pos_ == "NOUN" and not any(c.like_num for c in obj.children)


def _uncounted_object(verb) -> bool:
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    # "How many claims had the insurer received?": the object a question counts
    return obj is not None and obj.pos_ == "NOUN" and not any(t.like_num or how_many(t) for t in obj.subtree)


def state_of(event):
    """The state a verb puts its subject in: "fell ill", "became sick", "grew unwell", "reported missing"
    and "confirmed infected" (participles to the tagger), "went missing" (a clause to the parser)."""
    for child in event.children:
        if child.dep_ in ("acomp", "oprd") and (child.pos_ == "ADJ" or child.tag_ in STATE_TAGS):
            return child
        if child.dep_ in ("acomp", "oprd", "advmod") and child.lower_ in STATES:
            return child  # the tagger may call "ill" an adverb
        if child.dep_ == "xcomp" and child.tag_ == "VBN" and child.i == event.i + 1:
            return child  # "38 boats were left stranded"
        if child.dep_ == "advcl" and child.i == event.i + 1 and child.tag_ == "VBG" and _bare_state(child):
            return child if not is_event_verb(event) else None  # "went missing", not "died fleeing"
    return None
