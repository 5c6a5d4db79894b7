"""What a figure counts, read off the dependency parse: the counted noun and the event that happened to it
(see the frame in service/claims.py). `counted` takes the token that carries a figure and returns both.
"""

from __future__ import annotations

from . import nlp
from .clauses import (
    CONTAINERS,
    GENERIC_NOUNS,
    GIVING,
    PUBLISHED,
    RAISING,
    REPORTING,
    VALUING,
    across_a_clause,
    across_a_colon,
    lemma,
)
from .events import VALUE_VERBS, event_of, is_event_verb, is_participle
from .thesaurus import is_a_thing, is_an_occurrence


def counted(token):
    """(counted noun token or None, event token or None) for a figure token."""
    if (whole := partitive_whole(token)) is not None:
        return whole, event_of(token)
    if after_a_bare_container(token):  # "Police gave a higher figure, 158", "give a third figure: 158"
        return None, None
    if token.dep_ == "pobj" and token.head.lower_ == "of" and lemma(token.head.head) in CONTAINERS:
        if (noun := _noun_after_a_participle(token)) is not None:
            return noun, event_of(noun)
        return None, _container_event(token.head.head, token)  # "their estimate of 20,000", "a toll of 14"
    if token.dep_ == "appos" and token.head.pos_ in ("NOUN", "PROPN"):
        adjective = next((c for c in token.children if c.pos_ == "ADJ" and c.dep_ in ("amod", "acomp")), None)
        return (None, adjective) if adjective is not None else (token.head, None)  # "losses (4,000 dead)"
    if (state := _state_valued_after_and(token)) is not None:
        return None, state
    noun = _valued(token)
    if noun is not None and _a_group(noun):
        return None, noun  # "puts the injured at 212": those injured
    if noun is None:
        noun = _counted_noun(token)
        measured = _valued(noun) if noun is not None else None
        if measured is not None and lemma(measured) in CONTAINERS:  # "put the death toll at 48 people"
            return noun, open_container(measured)[1] or event_of(noun)
        if measured is not None:
            return noun, measured  # "put the release at about 3 tonnes": the tonnes released
        tally = _tally_reaching(noun) if noun is not None else None
        if tally is not None and (found := _event_counted_in(tally)) is not None:
            return noun, found  # "its tally of dead fish collected reached 163 tonnes": tonnes collected
    if noun is not None and noun.lemma_.lower() in CONTAINERS:
        noun, event = open_container(noun)
        if noun is None and event is None:
            return None, None
        return noun, event or event_of(noun if noun is not None else token)
    if noun is not None and (noun.ent_type_ in ("DATE", "TIME") or lemma(noun) in ("%", "percent")):
        if nlp.cohort_of(noun):
            return noun, event_of(noun)
        return None, None
    if noun is not None and (head := _of_people(noun)) is not None and _the_deaths_of(head):
        return head, event_of(head)  # "examining the deaths of 17 babies born at …": the deaths, examined
    shared = noun is not None and noun.dep_ == "conj" and _shared_head(noun.head, token) is noun
    event = event_of(noun.head if shared else noun if noun is not None else token)  # the calls, dispatched
    if noun is not None and event is None and (head := _of_people(noun)) is not None:
        if lemma(head) in TOLD and head.dep_ == "dobj" and lemma(head.head) in GIVING | REPORTING:
            return noun, None  # "published a figure of 6,214 admissions": the figure was published
        if not _described(head):  # "the data of 3.8 million people was taken": those people, taken;
            return noun, event_of(head)  # "stolen the personal details of 900,000 customers"
        if lemma(noun) in GENERIC_NOUNS:
            return head, None  # "a city of 240,000 people", "room for 5,000 people"
    return noun, event


TOLD = (PUBLISHED - CONTAINERS) | {"figure", "estimate"}  # told, unlike "a total of 40 hostages released"


def _noun_after_a_participle(token):
    """ "A total of 1,284 confirmed Lyme disease cases were recorded": the parser makes "confirmed" a verb
    and leaves the figure bare; the plural noun the participle opens is what is counted."""
    doc, first = token.doc, token.i + 1
    if first >= len(doc) or doc[first].tag_ not in ("VBN", "JJ") or doc[first].head.i == token.i:
        return None
    for word in doc[first + 1 : first + 5]:
        if word.tag_ == "NNS":
            return word
        if word.dep_ not in ("compound", "amod"):
            return None
    return None


def _of_people(noun):
    """The noun an "of/for N people" phrase hangs on, if any."""
    if noun.dep_ == "pobj" and noun.head.dep_ == "prep" and noun.head.head.pos_ == "NOUN":
        return noun.head.head
    return None


def _the_deaths_of(head) -> bool:
    """ "the deaths of", "the arrests of": what befell those counted, as "17 deaths" says."""
    return head.pos_ == "NOUN" and head.tag_ == "NNS" and is_an_occurrence(lemma(head))


def _described(head) -> bool:
    """ "a city of 240,000 people" measures the city; "the data of", "its figure of" N people count them."""
    owned = any(c.dep_ == "poss" or (c.dep_ == "det" and c.lower_ == "the") for c in head.children)
    return not owned and lemma(head) not in CONTAINERS


def _valued(token):
    """ "put the death toll at 48", "estimated the crowd at 20,000": the object the figure is the size of;
    "bringing the death toll to 19": the count it now stands at."""
    if token.dep_ != "pobj" or token.head.dep_ != "prep":
        return None
    verb, preposition = token.head.head, token.head.lower_
    if (container := _container_on_participle(verb, preposition)) is not None:
        return container
    putting = preposition == "at" and lemma(verb) in VALUING
    if not (putting or (preposition == "to" and lemma(verb) in RAISING)):
        return None
    # "put the dead at 40 and the missing at 12": the object nearest before the figure (the parser hangs
    # the second on the verb as a conjunct)
    objects = [c for c in verb.children if c.dep_ in ("dobj", "conj") and c.i < token.i]
    objects = [c for c in objects if (c.pos_ == "NOUN" or _a_group(c)) and (c.dep_ == "dobj" or c.i > verb.i)]
    valued = max(objects, key=lambda c: c.i, default=None)
    return valued if putting or (valued is not None and lemma(valued) in CONTAINERS) else None


def _state_valued_after_and(token):
    """ "put the number of dead at 40 and the number missing at 12": the parser makes "missing" a verb
    conjoined to "put", with "the number" its subject; the 12 counts the missing."""
    if token.dep_ != "pobj" or token.head.lower_ != "at" or token.head.dep_ != "prep":
        return None
    verb = token.head.head
    if verb.dep_ != "conj" or lemma(verb.head) not in VALUING or not is_event_verb(verb):
        return None
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    return verb if subjects and lemma(subjects[0]) in CONTAINERS else None


def _tally_reaching(noun):
    """The count whose value a verb states in units: "its tally of dead fish collected reached 163 tonnes",
    "the count … rises to 74 tonnes" (the count is the verb's subject, the tonnes its object)."""
    if noun.dep_ in ("dobj", "attr"):
        verb = noun.head
    elif noun.dep_ == "pobj" and noun.head.dep_ == "prep":
        verb = noun.head.head
    else:
        return None
    if lemma(verb) not in VALUE_VERBS | RAISING:
        return None
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    return subject if subject is not None and lemma(subject) in CONTAINERS else None


def _event_counted_in(container):
    """What befell what a count counts: "the tally of dead fish collected" → collected."""
    inner, event = open_container(container)
    return event if event is not None or inner is None else event_of(inner)


def _a_group(token) -> bool:
    """ "the injured", "the dead": a state made a noun by its article."""
    return token.tag_ in ("VBN", "JJ") and any(c.dep_ == "det" and c.lower_ == "the" for c in token.children)


MAX_CLIMB = 4  # phrases between a participle and the count it describes


def _container_on_participle(verb, preposition: str):
    """ "put the number of people affected at 3.8 million", "brought the number of hostages freed since
    Tuesday to 15": the parser hangs the figure on the participle ("affected", "freed") of what is
    counted; the number it describes is what the figure values."""
    if verb.dep_ not in ("acl", "relcl") or preposition not in ("at", "to"):
        return None
    container = verb.head  # "the number (of miners) freed": the parser may hang it on either noun,
    for _ in range(MAX_CLIMB):  # or deeper: "the number of people hurt in fires involving the packs at 17"
        if lemma(container) in CONTAINERS:
            break
        if container.dep_ == "pobj" and container.head.dep_ == "prep":
            container = container.head.head
        elif container.dep_ in ("acl", "relcl"):
            container = container.head
        else:
            return None
    if lemma(container) not in CONTAINERS:
        return None
    verbs = VALUING if preposition == "at" else RAISING
    return container if container.dep_ == "dobj" and lemma(container.head) in verbs else None


def _counted_noun(token):
    head = token.head
    if token.dep_ in ("nummod", "quantmod", "compound", "amod") and head.pos_ in ("NOUN", "PROPN"):
        if head.like_num:  # "12 million": climb to what the million counts
            return _counted_noun(head)
        if head.i < token.i and across_a_colon(head, token):
            return None  # "Tuesday 12 May: 6 released": a label before the colon, not what is counted
        if across_a_clause(token, head):
            return None
        if head.tag_ == "NNP" and head.i < token.i:
            return None  # "Hearthbridge at least 1,600": who says so, before its figure, not what is counted
        if head.dep_ == "compound" and head.i + 1 < head.head.i and head.nbor().tag_ == "HYPH":
            return head.head  # "46 festival-goers", however the parser hangs the figure on "festival"
        return _shared_head(head, token) or head
    verb = _value_verb_above(token)
    if verb is not None and (reached := _counted_before(verb, token)) is not None:
        return reached
    if verb is not None:
        subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        subject = subject or _count_in_clausal_subject(verb)
        if subject is not None and subject.i != token.i and subject.pos_ in ("NOUN", "PROPN"):
            return subject
    return _adjacent_noun(token)


def _a_time(word) -> bool:
    """ "for the same day", "on Friday", "at the time": when, not what."""
    return word.ent_type_ in ("DATE", "TIME") or lemma(word) in ("time", "moment", "point", "stage")


def _counted_before(verb, token):
    """ "The petition had reached 3,400 signatures by Sunday, up from 1,200": the earlier value counts what
    the later one does, not the petition."""
    if not (token.dep_ == "pobj" and token.head.lower_ == "from"):
        return None
    objects = [c for c in verb.children if c.dep_ == "dobj" and c.pos_ == "NOUN" and c.i < token.i]
    return next((c for c in objects if any(n.like_num for n in c.children)), None)


def _shared_head(noun, figure):
    """ "640 fire and medical calls": the calls, which both words qualify; the parser counts "fire" (a
    singular noun under a number above one, with a plural after its "and")."""
    if noun.tag_ != "NN" or figure.lower_ in ("1", "one"):
        return None
    plural = next((c for c in noun.children if c.dep_ == "conj" and c.tag_ == "NNS"), None)
    joined = plural is not None and plural.i <= noun.i + 4 and noun.nbor().lower_ in ("and", "or")
    return plural if joined else None


def _count_in_clausal_subject(verb):
    """ "The number of animals confirmed with rabies has risen to 68": the parser makes "confirmed" the
    clausal subject of "risen", with "the number" its own subject."""
    clause = next((c for c in verb.children if c.dep_ == "csubj"), None)
    subject = next((c for c in clause.children if c.dep_ == "nsubj"), None) if clause is not None else None
    return subject if subject is not None and lemma(subject) in CONTAINERS else None


def _adjacent_noun(token):
    """The noun phrase that follows a figure the parse left bare: "out of 12,000 Veldarians sent"."""
    doc = token.doc
    j = token.i + 1
    while j < len(doc) and doc[j].dep_ in ("compound", "amod", "nmod") and doc[j].head.i > j:
        j = doc[j].head.i
    if (j < len(doc) and j == token.i + 1) or (j < len(doc) and doc[token.i + 1].head.i == j):
        return (
            doc[j] if doc[j].pos_ in ("NOUN", "PROPN") and doc[j].ent_type_ not in ("DATE", "TIME") else None
        )
    return None


def partitive_whole(token):
    """ "1,000 of (an estimated) 11,000 troops" → troops; "Of the 46 vehicles, 31 have been recovered" →
    vehicles; not "Five of the cases are employees of the hotel" (what the part is: _what_the_part_is)."""
    if _what_the_part_is(token):
        return None
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if pobj is not None and pobj.pos_ in ("NOUN", "PROPN"):
                return pobj
    return fronted_whole(token)


def fronted_whole(token):
    """ "Of the 131 deaths, 118 were in Upper Tolvane": the whole that heads the clause of its part."""
    if token.dep_ not in ("nsubj", "nsubjpass") or not token.like_num or _what_the_part_is(token):
        return None
    of = next((c for c in token.head.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    if of is None or of.i > token.i:
        return None
    pobj = next((c for c in of.children if c.dep_ == "pobj"), None)
    return pobj if pobj is not None and pobj.pos_ in ("NOUN", "PROPN") else None


def _what_the_part_is(token) -> bool:
    """ "Of the 2,740 passengers, 310 are Corvanian citizens": what the part is, not a count of the whole."""
    return token.dep_ == "nsubj" and any(c.dep_ == "attr" for c in token.head.children)


def heads_a_part(noun) -> bool:
    """The noun is the whole of "Of the 131 deaths, 118 were in …": the part's clause is not its own."""
    if noun is None or noun.dep_ != "pobj" or noun.head.lower_ != "of" or noun.head.dep_ != "prep":
        return False
    return any((whole := fronted_whole(c)) is not None and whole.i == noun.i for c in noun.head.head.children)


REACHED = frozenset("reach hit top exceed surpass total number".split())  # a level whose object is the figure


def _value_verb_above(token):
    """The value verb a bare figure is stated by: "rose to 2,400", "could reach as high as 10,000",
    "their losses are more than 4,000"."""
    if token.dep_ == "dobj" and lemma(token.head) in REACHED:  # "arrivals hit 6,840", "deaths topped 300"
        return token.head
    current = token
    for _ in range(5):
        if current.dep_ in ("nsubj", "nsubjpass", "dobj", "ROOT"):
            return None
        current = current.head
        if current.pos_ in ("VERB", "AUX"):
            to = token.dep_ == "pobj" and token.head.lower_ == "to"
            fell_to = to and lemma(current) in FALLING
            # "the death toll was revised to 31": the count, raised or revised to its level
            passive = any(c.dep_ == "nsubjpass" for c in current.children)
            raised_to = to and lemma(current) in RAISING and passive
            return current if current.lemma_.lower() in VALUE_VERBS or fell_to or raised_to else None
    return None


# "the number of people missing fell to 16": the level it fell to (not "fell 12%", "fell ill", "fell")
FALLING = frozenset("fall drop decline decrease dip shrink".split())


def _container_event(container, figure):
    """What a container's own words say happened: "death toll" → death; "estimate" → None; "his estimate
    of 200 injured" → injured (the parser hangs the participle after the figure on the estimate)."""
    event = _named_kind(container)
    after = next((c for c in container.children if c.dep_ == "acl" and c.i == figure.i + 1), None)
    if event is None and after is not None and is_participle(after):
        event = after
    return event if event is not None and is_event_verb(event) else None


def open_container(container):
    """ "the number of people who died" → (people, died); "the death toll" → (None, death)."""
    noun = None
    for child in container.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            noun = next((c for c in child.children if c.dep_ in ("pobj", "pcomp")), None)  # "of missing"
    # "the confirmed death toll" counts deaths: the compound says what, a participle only how sure
    compound = _named_kind(container)
    participle = next((c for c in container.children if _participle_of(c)), None)
    if participle is not None and noun is None and lemma(participle) in GIVING:
        participle = None  # "its published figure", "the figure released by police": how it was told
    event = compound if compound is not None else participle
    if noun is None and compound is not None and is_a_thing(lemma(compound)):
        return compound, participle  # "the vehicle count", "its casualty tally": what is counted
    if noun is not None and noun.lemma_.lower() in CONTAINERS:
        return open_container(noun)
    if noun is not None and noun.pos_ in ("ADJ", "VERB"):
        return None, noun  # "the number of dead", "of injured": the state is what is counted
    return noun, event


# what a count does, not what it counts: "the running total", "the rising toll"
COUNT_MOVES = frozenset("run rise grow mount climb soar increase fall decline shrink remain exist".split())


def _named_kind(container):
    """ "death" of "the death toll", "drowning" of "the drowning toll" (a gerund, which the tagger makes
    an adjective): the word before the container that says what it counts."""
    return next((c for c in container.children if c.i < container.i and _a_kind_of_count(c)), None)


def _a_kind_of_count(word) -> bool:
    if word.dep_ == "compound":
        return word.pos_ == "NOUN"
    return word.dep_ == "amod" and word.tag_ == "VBG" and lemma(word) not in COUNT_MOVES


def _participle_of(child) -> bool:
    """ "the confirmed death toll"; "the number of people sickened", where the parser hangs the
    participle on the number."""
    if child.dep_ == "amod":
        return child.tag_ == "VBN"
    return child.dep_ == "acl" and is_participle(child) and is_event_verb(child)


def is_generic(noun) -> bool:
    """ "people", a nationality, or kinds joined that something befell ("214 pupils and staff were taken",
    "seized 187 children and teachers"): the noun says only that people are counted; the event says what
    befell them. Kinds joined that act ("480 agency workers and contractors work at the site") are not."""
    if noun is None or noun.ent_type_ == "NORP" or lemma(noun) in GENERIC_NOUNS:
        return True
    joined = any(child.dep_ == "conj" and child.pos_ == "NOUN" for child in noun.children)
    role = noun.head.head if noun.dep_ == "pobj" and noun.head.lower_ == "of" else noun
    return joined and role.dep_ in ("nsubjpass", "dobj")


def names_an_occurrence(noun) -> bool:
    """ "nine deaths", "two arrests": the noun says what happened, as a verb would."""
    return noun is not None and is_an_occurrence(lemma(noun))


def bare_container(noun) -> bool:
    """ "the figure", "a higher figure", not "the number of dead" nor "the death toll": it says nothing
    of what it counts."""
    return lemma(noun) in CONTAINERS and not any(map(_says_what, noun.children))


def _says_what(child) -> bool:
    """ "of dead", "for deaths", "death" (toll), "killed": what is counted; not "for the same day", "from
    the ministry" or "released on Wednesday" (when and by whom)."""
    if child.dep_ == "prep":
        objects = [c for c in child.children if c.dep_ == "pobj"]
        return child.lower_ not in ("from", "by") and not all(map(_a_time, objects))
    if child.dep_ == "acl":
        return lemma(child) not in GIVING | REPORTING
    return child.dep_ in ("compound", "relcl")


def after_a_bare_container(token) -> bool:
    """ "Police gave a higher figure, 158", "Police give a third figure: 158"."""
    if token.dep_ == "appos":
        return bare_container(token.head)
    siblings = token.head.children if token.dep_ == "dobj" else []
    return any(c.dep_ == "dobj" and c.i < token.i and bare_container(c) for c in siblings)
