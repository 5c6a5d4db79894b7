"""Where, when and by whose account: the clause a figure belongs to, read off spaCy's parse (see
service/claims.py for what a claim frame is). Closed classes of English grammar and WordNet's senses only.

Clause   the verb that governs the figure (or its noun), without embedded clauses (other than the counted
         noun's own relative clause), attributions ("said X"), asides ("during his visit to Y") and the
         agent subject ("Veldaria sent…").
Places   service/places.py.
Date     service/dates.py.
Source   who says so: service/sources.py.
Keys     what is counted, comparable (lemmas with compounds; an event with its object: "lose life" is not
         "lose home") and readable ("people who died", "tonnes that escaped").
"""

from __future__ import annotations

REPORTING = frozenset(
    """say tell report state announce confirm estimate forecast predict project claim indicate suggest reveal
    add note warn believe insist maintain describe mention disclose cite quote acknowledge admit deny stress
    show list repeat reiterate disagree argue dispute contend assert inform notify""".split()
)

CONTAINERS = frozenset("number total toll count figure tally sum estimate worth equivalent".split())
AVERAGES = frozenset({"average", "mean", "median"})  # "waited an average of 19 days": waited 19 days
JUDGED = frozenset("estimate assessment calculation reckoning figure".split())  # "Tessaline's estimate": its
# what a body publishes ("data" is "datum" to the lemmatizer)
PUBLISHED = CONTAINERS | {
    *"data datum statistic record bulletin report census survey update briefing statement memo".split(),
    "dashboard",
    "assessment",
    "inventory",
}

GIVING = frozenset("give issue release publish provide offer produce post propose".split())  # "gave 212"
# "put the toll at 48": a value, not an event; "bringing the toll to 19", "enlarged the package to €60m"
VALUING = frozenset("put place estimate set peg".split())
RAISING = frozenset(
    "bring take raise push lift reduce lower cut increase enlarge expand boost revise adjust".split()
)

GENERIC_NOUNS = frozenset("people person individual other".split())  # "30 others were injured"

LOCATIVE = frozenset(
    "in to into at near across throughout inside within outside around of between along".split()
)

ASIDE_PREPS = frozenset(
    "according during since after before until while despite like unlike including excluding".split()
)

NATIONWIDE = frozenset("nationwide countrywide national nationally".split())

WHOLE_COUNTRY = "the whole country"

WORLDWIDE = frozenset("worldwide world-wide globally".split())

WHOLE_WORLD = "the whole world"

ABROAD = frozenset("abroad overseas".split())

OUTSIDE_THE_COUNTRY = "abroad"

AROUND_THE_WORLD = frozenset(f"{p} the {w}" for p in ("around", "across") for w in ("world", "globe"))

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})

NOT_PLACE_LABELS = frozenset({"PERSON", "ORG", "NORP", "DATE", "TIME", "CARDINAL", "MONEY", "PERCENT"})
CALENDAR = frozenset(  # "in the five days to 13 November": a date the tagger missed is still no place
    "january february march april may june july august september october november december monday tuesday "
    "wednesday thursday friday saturday sunday".split()
)

COUNTING = frozenset("count record register tally log document measure".split())  # who counts did not do it
COPULAS = frozenset("be stay remain".split())  # a state held: "were in hospital", "stayed closed"
FOUND_OUT = frozenset("find identify confirm detect discover".split())  # "found 11 buckled sites"
CLAUSE_BREAKS = frozenset({"ccomp", "advcl", "parataxis", "csubj", "relcl"})

PRONOUNS = frozenset("he she it they we i you this that these those".split())


def clause_anchor(token, noun):
    """The verb whose clause the figure belongs to (or the noun when no verb governs it)."""
    current = noun if noun is not None else token
    for _ in range(8):
        if current.pos_ in ("VERB", "AUX") or current.head.i == current.i:
            return current
        current = current.head
    return current


def told_of_themselves(verb):
    """ "1,140 people told police they had lost money in 2025": the clause they told of themselves."""
    told = next((c for c in verb.children if c.dep_ == "ccomp" and c.pos_ == "VERB"), None)
    if told is None:
        return None
    subject = next((c for c in told.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return told if subject is not None and subject.lower_ in ("they", "we") else None


def clause_of(anchor, noun):
    """Tokens of the figure's clause: the anchor's subtree without embedded clauses, attributions, asides
    ("during his visit to X") and the agent subject, plus the whole noun phrase of the counted noun."""
    phrase = noun
    while phrase is not None and phrase.head.i != phrase.i and phrase.head.pos_ not in ("VERB", "AUX"):
        phrase = phrase.head
    roots = [anchor] + ([phrase] if phrase is not None and phrase.i != anchor.i else [])
    tokens = {}
    for root in roots:
        tokens.update({t.i: t for t in root.subtree if t.i not in tokens and _in_clause(t, root, noun)})
    return [tokens[i] for i in sorted(tokens)]


# "Pellandria has 4,300 schools", "Harrowmark accounted for 14": the subject is where they are
PLACE_AS_SUBJECT = frozenset({"have", "account"})


def _in_clause(token, root, noun) -> bool:
    current = token
    while current.i != root.i:
        own_relative = current.dep_ == "relcl" and noun is not None and current.head.i == noun.i
        if current.dep_ in CLAUSE_BREAKS and not own_relative:
            return False
        if lemma(current) in REPORTING and current.pos_ == "VERB":
            return False
        if current.dep_ == "prep" and current.lower_ in ASIDE_PREPS:
            return False
        if current.dep_ == "conj" and _told_for_another_time(current):
            return False
        if (noun is None or current.i != noun.i) and _a_part_of_them(current):
            return False  # "…, most of them in Varnhill": where a part is
        # the subject of the clause is not where the figure holds, unless it is the counted noun; "Police
        # in the Tamsen region have put the toll at 11": the one who values it, never its place
        subject = current.dep_ == "nsubj" and current.head.i == root.i and lemma(root) not in PLACE_AS_SUBJECT
        if subject and ((noun is not None and current.i != noun.i) or lemma(root) in VALUING):
            return False
        if current.head.i == current.i:
            return False
        current = current.head
    return True


def _told_for_another_time(verb) -> bool:
    """ "1.2 million crowns has been credited …, and all refunds will be completed by 30 April": a
    coordinated clause with a subject and a modal of its own, which the clause before lacks."""

    def modal(v) -> bool:
        return any(c.tag_ == "MD" for c in v.children)

    own_subject = any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)
    return verb.pos_ in ("VERB", "AUX") and own_subject and modal(verb) and not modal(verb.head)


def _a_part_of_them(token) -> bool:
    """ "most of them", "a third of those", "many of whom"."""
    wholes = [g for c in token.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children]
    return any(g.dep_ == "pobj" and g.lower_ in ("them", "whom", "those", "these") for g in wholes)


SUBORDINATORS = frozenset("once when after before if because since while until unless".split())


def across_a_clause(figure, noun) -> bool:
    """A subordinating word stands between the figure and the noun after it: "put the bill at more than
    €120 million once delayed passengers were added" (the parser makes the passengers what €120 million
    counts)."""
    return any(t.lower_ in SUBORDINATORS for t in figure.doc[figure.i + 1 : noun.i])


LEMMA_SLIPS = {"fin": "fine"}  # the small lemmatizer's known slips: "fined" → "fin"


def lemma(token) -> str:
    found = token.lemma_.lower()
    return LEMMA_SLIPS.get(found, found) if token.pos_ == "VERB" else found


def how_many(token) -> bool:
    """The "many" or "much" of "How many / How much …?": what a question counts."""
    return token.lower_ in ("many", "much") and token.i > 0 and token.nbor(-1).lower_ == "how"


FORECASTING = frozenset("expect forecast predict project anticipate".split())
FORESEEING = FORECASTING | {"be", "set", "due", "plan"}  # "are to close", "set to cut"
WILL = frozenset({"will", "wo", "'ll", "shall", "would"})


def is_expected(anchor) -> bool:
    """ "will close 62 branches", "23 towns would be left without a bank", "are set to lose 300 jobs": what
    someone says will be, not a count that grows as it is reported."""
    verbs = [anchor, anchor.head] if anchor.dep_ == "xcomp" else [anchor]
    ruled = len(verbs) > 1 and lemma(verbs[1]) in FORESEEING
    return ruled or any(c.dep_ == "aux" and c.lower_ in WILL for verb in verbs for c in verb.children)


def has_aux(verb) -> bool:
    """ "have been freed", "were taken": the verb has its auxiliaries (a bare participle describes)."""
    return any(c.dep_ in ("aux", "auxpass") for c in verb.children)


# --- what is counted, as keys and as words --------------------------------------------------------


# adjectives that say how much, how sure or when, not what kind of sum ("the total cost", "the official
# cost" and "the cost" are one)
SAYS_NO_KIND = frozenset(
    """other additional further total overall estimated new current former several many few more same
    whole entire full official initial final latest first last recent previous own reported confirmed known
    likely possible potential actual real such certain various numerous approximate expected provisional
    preliminary daily weekly monthly annual yearly true probable eventual ultimate cumulative worth""".split()
)


PARTICLES = frozenset("out off up down away back aside".split())  # "walked out": the tagger may say an adverb


def is_particle(verb, child) -> bool:
    """ "walked out", "set aside" (the tagger's adverb right after the verb); not "cut up to 7,000 jobs"."""
    if child.dep_ == "prt":
        return True
    bound = child.i + 1 < len(child.doc) and child.doc[child.i + 1].lower_ == "to"
    return child.i == verb.i + 1 and child.dep_ == "advmod" and child.lower_ in PARTICLES and not bound


def told_within(clause) -> bool:
    """ "incidents in which its response was delayed", "homes where the water failed": a relative clause
    that tells what went on within the noun."""
    within = (c for c in clause.children if c.dep_ == "prep" and c.lower_ in ("in", "during"))
    which = any(w.lower_ == "which" for prep in within for w in prep.children)
    return which or any(
        c.dep_ == "advmod" and c.lower_ == "where" and c.i < clause.i for c in clause.children
    )


def has_something(noun, verb) -> bool:
    """ "Fourteen children tested by the department have raised blood lead levels": what they have says
    which ones are counted, the participle only who tested them."""
    return noun.dep_ == "nsubj" and lemma(verb) == "have" and any(c.dep_ == "dobj" for c in verb.children)


def had_to(verb):
    """ "212 residents had to move": what they had to do, the verb after "had to"."""
    done = next((c for c in verb.children if c.dep_ == "xcomp" and c.pos_ == "VERB"), None)
    return done if done is not None and any(c.lower_ == "to" for c in done.children) else None


def object_of(token):
    """The verb a noun or figure is the object of, coordinated ones too: "won 534,100 votes and 41 seats",
    and "won 534,100 votes, … and 41 of the 75 seats", which the parser hangs on the verb itself."""
    if token.dep_ == "dobj":
        return token.head
    if token.dep_ == "conj" and token.head.dep_ == "dobj":
        return token.head.head
    if token.dep_ == "conj" and token.head.pos_ == "VERB" and token.pos_ in ("NUM", "NOUN"):
        return token.head
    return None


def across_a_colon(first, later) -> bool:
    """A colon stands between the two: "three people had died: a 19-year-old woman, …" (a list that names
    who, not an object), "Tuesday 12 May: 6 released" (a label, not what is counted)."""
    return any(t.text == ":" for t in first.doc[first.i + 1 : later.i])


def put_to(verb):
    """ "41 dogs were put to sleep", "were put to work": the infinitive a putting verb sends its object to
    (a deed done to them, as "put down" is), else None."""
    if lemma(verb) not in VALUING:
        return None
    return next(
        (
            c
            for c in verb.children
            if c.dep_ in ("advcl", "xcomp")
            and any(a.lower_ == "to" and a.dep_ == "aux" for a in c.children)
            and not any(o.dep_ == "dobj" for o in c.children)
        ),
        None,
    )
