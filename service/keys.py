"""What tells one counted thing, and one event, from another: a noun's key is its lemma with the nouns that
say what kind ("construction worker"); an event's is its lemma with what tells it apart ("lose life" and
"lose home", "call off", "taken to hospital", "left without water", "fell ill"). service/events.py finds
the event, service/counted.py the noun."""

from __future__ import annotations

from .clauses import AVERAGES, GENERIC_NOUNS, SAYS_NO_KIND, across_a_colon, is_particle, lemma, put_to
from .events import STATE_GERUNDS, participle_stem, state_of
from .nlp import cohort_of
from .presence import destination, found_at, heading, names_where, presence_key
from .thesaurus import is_verb, unknown_word

UNHARMED = frozenset("alive safe unharmed unhurt uninjured survive live".split())  # nothing befell them
IDIOMS = {"lose life": "die"}  # a verb and object that say what one verb says ("lost their lives")


def _set_apart(verb, obj) -> bool:
    """A colon, or a passive's comma, stands between a verb and what the parser made its object: "had been
    taken to hospital, among them the woman …" names who, nothing done to a woman."""
    passive = any(c.dep_ == "auxpass" for c in verb.children)
    return across_a_colon(verb, obj) or (passive and any(t.text == "," for t in verb.doc[verb.i + 1 : obj.i]))


def event_key(event, noun=None) -> str | None:
    """The event's lemma, with its object when it has one that is not the counted noun, or what it leaves
    the group without: "lose life" and "lose home", "leave home" and "leave without water" are different
    events. A negated event is "not" the event: "were not paid" and "failed to pay" count the unpaid, "are
    paid" the paid."""
    key = _event_key(event, noun)
    return f"not {key}" if key is not None and is_negated(event) else key


def is_negated(event) -> bool:
    failed = event.dep_ in ("xcomp", "acl") and lemma(event.head) in ("fail", "failure")
    return failed or any(c.dep_ == "neg" for c in event.children)


def _event_key(event, noun):
    if event is None:
        return None
    if names_where(event):
        return presence_key(event)
    if found_at(event, noun):
        return f"with {lemma(event)}"  # places counted by what was found there
    # "missing", as its adjective is; "are taking part" is "take part"; "were living", "GPs working", "the
    # burning area" are "live", "work", "burn"
    gerund = event.tag_ == "VBG" and event.lower_ in STATE_GERUNDS
    word = event.lower_ if gerund else (participle_stem(event) or _known_lemma(event))
    if particle := next((c.lower_ for c in event.children if is_particle(event, c)), None) or heading(event):
        word = f"{word} {particle}"  # "called off" is "call off" (cancel), "ended up" not "end" (finish)
    where = [c for c in event.children if c.dep_ == "prep" and c.lower_ == "in"]
    if word in ("end up", "wind up") and where:
        return presence_key(where[0])  # "ended up in hospital": where they are
    objects = (c for c in event.children if c.dep_ == "dobj" and lemma(c) not in AVERAGES)
    obj = next((c for c in objects if not _set_apart(event, c)), None)
    # "won 534,100 votes and 41 seats": the votes are a sibling of the seats, not what was done to them
    sibling = noun is not None and _coordinated(noun, event)
    # "won 52.3 percent of the vote": the vote, won; "save 450 million marks": saved
    # "burned 12,000 hectares": an amount is no object (a number after it is none: "Paper 2", "or one of")
    share = obj is not None and (
        obj.ent_type_ in ("PERCENT", "MONEY") or any(c.like_num and c.i < obj.i for c in obj.children)
    )
    if (
        obj is not None
        and (noun is None or obj.i != noun.i)
        and (obj.pos_ == "NOUN" or _numbered(obj))
        and not (sibling or share)
    ):
        done_to = f"{word} {lemma(obj)}"
        return IDIOMS.get(done_to, done_to)
    if (reached := destination(event, noun)) is not None:  # "taken to hospital" is not "taken" (hostage)
        # "placed in hotels": then in hotels, as "remained in hotels" says
        return presence_key(reached.head) if reached.head.lower_ == "in" else f"{word} to {lemma(reached)}"
    lacking = next((c for c in event.children if c.dep_ == "prep" and c.lower_ == "without"), None)
    lacked = next((c for c in lacking.children if c.dep_ == "pobj"), None) if lacking is not None else None
    if lacked is not None and lacked.pos_ == "NOUN":  # "left without water" is not "left their homes"
        return f"{word} without {lemma(lacked)}"
    if (deed := put_to(event)) is not None:
        return f"{word} to {lemma(deed)}"  # "put to sleep"
    if (state := state_of(event)) is not None:  # "fell ill" is not "fell"
        return f"{word} {state.lower_}"
    return word


def _numbered(word) -> bool:
    """A common noun named by the number after it: "sat Paper 2", "closed Line 4" did something to a paper
    and a line."""
    label = word.i + 1 < len(word.doc) and word.nbor(1).like_num and word.nbor(1).head.i == word.i
    return word.pos_ == "PROPN" and label and not unknown_word(word.text)


def _coordinated(noun, verb) -> bool:
    """The counted noun reaches the verb through a conjunction: another object of it is a sibling."""
    current = noun
    for _ in range(6):
        if current.i == verb.i or current.head.i == current.i:
            return False
        if current.dep_ == "conj":
            return True
        current = current.head
    return False


def _known_lemma(event) -> str:
    """The lemma, unless the lemmatizer made up a verb ("unfilled" → "unfille"): then the word as written,
    as the tagger's adjective "unfilled" is."""
    word = lemma(event)
    return event.lower_ if event.tag_ == "VBN" and word != event.lower_ and not is_verb(word) else word


def noun_key(noun, money: bool = False) -> str | None:
    """The counted noun's lemma with the nouns that say what kind ("construction worker"); for a sum also
    the adjectives that do: "net profit" and "operating profit" are two sums."""
    if noun is None:
        return None
    if cohort := cohort_of(noun):
        return cohort  # "140 first-years"
    # not an amount ("a 7.8-magnitude quake", "a 35-kilometre stretch"): a size is no kind
    compounds = [
        c.lower_ if c.tag_ == "VBG" else c.lemma_.lower()  # "operating", not "operate"
        for c in noun.children
        if (
            c.dep_ == "compound"
            and c.pos_ == "NOUN"
            and not (_sized(c) and c.nbor().tag_ != "HYPH")
            and not _adjective_before_hyphen(c)
        )
        or (
            money
            and c.dep_ in ("amod", "compound")
            and c.tag_ in ("JJ", "VBG")
            and c.lower_ not in SAYS_NO_KIND
            and not any(n.like_num for n in c.subtree)  # "a deal worth €118m"
        )
    ]
    if not compounds and (kind := _kind_named_after(noun)) is not None:
        compounds = noun_key(kind).split()  # "cases of measles" are "measles cases"
    if noun.lemma_.lower() in ("length", "duration") and compounds:
        return " ".join(compounds)  # "Outage length: 78 hours" measures the outage, as "an outage of …" does
    return " ".join([*compounds, noun.lemma_.lower()])


KIND_TAKERS = frozenset("case outbreak incident instance episode act".split())


def _kind_named_after(noun):
    """ "cases of tick-borne encephalitis", "incidents of vandalism": the kind, which a compound names
    before the noun ("encephalitis cases"); a name is left out there as here ("Covid cases")."""
    if lemma(noun) not in KIND_TAKERS:
        return None
    of = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    kinds = [c for c in of.children if c.dep_ == "pobj"] if of is not None else []
    named = kinds and (kinds[0].pos_ != "NOUN" or kinds[0].ent_type_ or lemma(kinds[0]) in GENERIC_NOUNS)
    return None if not kinds or named else kinds[0]


def _adjective_before_hyphen(word) -> bool:
    """ "38 full-time midwives": how they work, no kind of midwife (not "festival-goers")."""
    before = word.doc[word.i - 2 : word.i]
    return (
        len(before) == 2
        and before[1].tag_ == "HYPH"
        and before[0].pos_ == "ADJ"
        and before[0].head.i == word.i
    )


def _sized(word) -> bool:
    """ "a 35-kilometre stretch": a size, no kind (but "46 festival-goers" is hung on "festival")."""
    return any(n.like_num for n in word.children)


def unharmed_against_harm(a: str, b: str) -> bool:
    """One says the group came to no harm ("rescued alive": 0.74 of "dead" to the embedder), one does not."""
    return (a.split()[0] in UNHARMED) != (b.split()[0] in UNHARMED)
