"""What a "how many" question asks for, as a claim frame of its own (service/claims.py has the frame): the
counted noun, its event, its place and date, read off the question's parse the way figures' frames are
read off their sentences. Which of the disagreements found are about it is service/matching.py."""

from __future__ import annotations

import re

from . import nlp
from .amounts import REVISING, whole_of
from .clauses import (
    CONTAINERS,
    GENERIC_NOUNS,
    REPORTING,
    clause_anchor,
    how_many,
    lemma,
)
from .counted import is_generic, open_container, partitive_whole
from .events import COUNTING, event_of, is_event_verb
from .keys import event_key, noun_key
from .models import Claim
from .places import places_of
from .presence import common_place, merely_where
from .thesaurus import is_a_site, is_an_occurrence

WHAT_IT_COST = re.compile(r"\s*what\s+(?P<rest>(?:does|did|do|will|would)\b.*\bcost\b.*)", re.I | re.S)


def question_frame(question: str) -> Claim | None:
    """The frame of a "how many / how much" question ("How many people died in Marrowby?" → people, die,
    Marrowby), or of a question about a number or toll; None when it asks for no figure."""
    doc = nlp.parse_one(question)
    if not len(doc):
        return None
    if (cost := WHAT_IT_COST.match(question)) is not None and _costs(doc):  # "What did the blackout cost?"
        return question_frame(f"How much {cost['rest']}")
    asked = next((t for t in doc if how_many(t)), None)
    if asked is not None and (costing := _said_to_cost(doc)) is not None:
        frame = question_frame(f"How much did {costing} cost?")
        return frame.model_copy(update={"quote": question, "end": len(question)}) if frame else None
    sized = False  # "How big is the hole?": the size asked, nothing that befell it
    changed = _what_changed(doc)
    if changed is not None:  # "By how much did the insurer's estimate of the damage rise?": the damage
        noun, anchor_token = changed, changed
    elif asked is not None:
        noun = asked.head if asked.head.pos_ in ("NOUN", "PROPN") else _noun_past(asked.head)
        noun = noun if noun is not None else partitive_whole(asked)
        anchor_token = noun if noun is not None else asked
    else:
        containers = [t for t in doc if t.lemma_.lower() in CONTAINERS and t.pos_ == "NOUN"]
        containers = [t for t in [_to_be(doc), _given_for(doc, containers), *containers] if t is not None]
        # "What figure did the regulator give for the number of packs recalled?": the one that says of what
        noun = next((t for t in containers if any(c.lower_ == "of" for c in t.children)), None)
        noun = noun if noun is not None else next(iter(containers), None)
        noun = noun if noun is not None else _what_it_was(doc) or _what_noun(doc)
        sized = noun is None and (noun := _how_big(doc)) is not None
        if noun is None:
            return None
        anchor_token = noun
    if noun is not None and lemma(noun) in MONEY and (held := _held_in(noun)) is not None:
        noun, anchor_token = held, held  # "How much money in tenants' deposits is missing?": the deposits
    event, unit = None, None
    if noun is not None and noun.lemma_.lower() in CONTAINERS:
        noun, event = open_container(noun)
    if noun is not None and (whole := _share_of(noun)) is not None:
        event = event_of(noun) or _said_to_happen(noun)  # what befell the share: "had run out of fuel"
        noun, anchor_token, unit = whole, whole, "percent"
    date = next((nlp.resolve_date(e.text, None) for e in nlp.dates_named(doc)), None)
    if changed is None:
        event = event or _event_asked(doc, asked, noun, anchor_token)
    elif event is None and noun is not None:  # what befell what changed, in its own words: not the change
        event = next((e for e in [event_of(noun)] if e is not None and e in noun.subtree), None)
    if event is not None and lemma(event) == "have":  # "How many hectares has the fire burned?": inverted
        event = _participle_after(event)
    if event is not None and lemma(event) in COUNTING and noun is not None:
        # "How many deactivations had the union recorded?": the union counts deactivations; "How many sheep
        # injured by dogs had the helpline recorded?": sheep injured
        event = None if _occurrences(noun) else _trailing_participle(noun) or event
    if event is None and noun is not None and not sized:
        event = _trailing_participle(noun) or _where_they_are(noun)
    event = None if sized else event
    if event is not None and merely_where(event):
        event = event if is_generic(noun) else None  # "… passengers on board?": what "49 passengers" counts
    anchor = clause_anchor(anchor_token, noun)
    places, containers = places_of(anchor, noun, anchor_token, doc)
    places = places or _left_from(doc)
    return Claim(
        doc_id="question",
        value="?",
        quote=question,
        start=0,
        end=len(question),
        noun=noun_key(noun),
        generic=noun is None or noun.ent_type_ == "NORP" or lemma(noun) in GENERIC_NOUNS,
        event=event_key(event, noun),
        places=places,
        containers=containers,
        date=date,
        date_stated=date is not None,
        unit=unit,
    )


MONEY = frozenset("money cash".split())


def _noun_past(word):
    """ "How many airbag inflator ruptures …?", with "airbag" tagged a preposition that "many" hangs on, or
    "How many open damp and mould repair requests …?" hung on "damp": the noun the word modifies, a few
    words on."""
    noun = word.head
    modifies = word.dep_ in ("nmod", "compound", "amod") and noun.pos_ == "NOUN"
    return noun if modifies and 0 < noun.i - word.i <= 4 else None


def _held_in(noun):
    """ "money in tenants' deposits": what the money is held in."""
    held = whole_of(noun, "in")
    return held if held is not None and held.pos_ == "NOUN" else None


MEASURING = frozenset("big large high deep wide long fast full heavy tall far costly".split())
CHANGING = frozenset("rise grow fall drop increase decrease climb jump raise revise cut lower".split())


def _event_asked(doc, asked, noun, anchor_token):
    """What befell what a question counts, read as a figure's frame would be, else its own verb."""
    if noun is not None and noun.dep_ == "nsubj" and lemma(noun.head) == "have":
        done = _participle_after(noun.head)  # "How many stolen converters have police recovered?"
        if done is not None and done.i != noun.head.i and lemma(done) not in COUNTING:
            return done  # not "had the agency recorded": who counts did nothing to them
    if noun is not None and noun.dep_ == "nsubj" and lemma(noun.head) == "do":
        # "How many seal pups did Storm Bryndis kill?", parsed with "did" as its verb
        done = [c for c in noun.head.children if c.dep_ in ("ccomp", "xcomp") and c.pos_ == "VERB"]
        done += _verb_tagged_a_noun(doc, noun)
        if done:
            return done[0]
    event = None
    part = asked is not None and asked.dep_ == "nsubj" and any(c.lower_ == "of" for c in asked.children)
    if asked is not None and (noun.i != asked.head.i if noun is not None else part):
        # "How many of the escaped inmates have been recaptured?"; "… of the injured were in hospital?"
        event = event_of(asked)
    if event is None:
        event = event_of(noun if noun is not None else anchor_token.head)
    if event is None:
        event = _said_to_happen(anchor_token) or _state_of_what_is_held(doc)
    if event is None and asked is not None:
        event = _main_verb(doc)
    return event


def _verb_tagged_a_noun(doc, noun) -> list:
    """ "How many calls did Harrow County dispatchers process …?": with no verb but "did", the parser made
    "process" its object; what befell the calls (not "does the union count", which says who counts)."""
    did = noun.head
    if any(t.pos_ == "VERB" and t.i != did.i for t in doc):
        return []
    done = [c for c in did.children if c.dep_ == "dobj" and c.pos_ == "NOUN" and c.i > noun.i]
    # "did the block at 14 Osterhof Row contain": a subject, its article right before it
    return [c for c in done if doc[c.i - 1].dep_ != "det" and is_event_verb(c) and lemma(c) not in COUNTING]


def _said_to_cost(doc) -> str | None:
    """ "How much does the authority estimate the fire will cost?", "… expect the repairs to cost?": what
    is said to cost it (the parser roots the question on who says so)."""
    root = doc[:].root
    cost = next((c for c in root.children if c.dep_ in ("ccomp", "xcomp") and lemma(c) == "cost"), None)
    if cost is None or cost.pos_ != "VERB":
        return None
    thing = next((c for c in cost.children if c.dep_ == "nsubj"), None)
    thing = thing or next((c for c in root.children if c.dep_ == "dobj"), None)
    return None if thing is None else doc[thing.left_edge.i : thing.i + 1].text


def _costs(doc) -> bool:
    """ "cost" is the question's verb (not "What did the report say about cost overruns?")."""
    return any(lemma(t) == "cost" and t.pos_ == "VERB" for t in doc)


def _occurrences(noun) -> bool:
    """ "deactivations", "deaths": a plural of acts or events (not "the waiting time")."""
    return noun.tag_ == "NNS" and is_an_occurrence(lemma(noun))


def _state_of_what_is_held(doc):
    """ "How many of the deaths does the trust accept were avoidable?": the parser makes "accept" the
    subject clause of "were"; the state is what befell those counted."""
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    if root is None or lemma(root) != "be" or not any(c.dep_ == "csubj" for c in root.children):
        return None
    return next((c for c in root.children if c.dep_ == "acomp" and c.pos_ == "ADJ"), None)


def _what_changed(doc):
    """ "By how much did the insurer's damage estimate rise?", "… did the lobby raise its estimate of the
    cost?": the count that changed (its subject, or what was raised), not a count of the change."""
    verb = next((t for t in doc if t.dep_ == "ROOT"), None)
    if [t.lower_ for t in doc[:3]] != ["by", "how", "much"] or verb is None:
        return None
    if verb.i == 0:  # "By how much had the number of closed stations fallen …?": the parser's root is "By"
        verb = next((t for t in doc[3:] if t.pos_ == "VERB" and lemma(t) in CHANGING), verb)
    if lemma(verb) not in CHANGING:
        if not any(lemma(t) in CHANGING for t in doc[3:]):
            return None
        # "… did the count of households without water fall?": the parser reads "water fall" as a noun,
        # and the count as the root or the subject of "did"
        subject = next((c for c in verb.children if c.dep_ == "nsubj" and c.pos_ == "NOUN"), None)
        return verb if verb.pos_ == "NOUN" else subject
    raised = lemma(verb) in REVISING and any(c.dep_ == "nsubj" for c in verb.children)
    # "did the death toll rise": the parser may make the subject a compound of the verb
    deps = ("dobj",) if raised else ("nsubj", "nsubjpass", "compound")
    return next((c for c in verb.children if c.dep_ in deps and c.pos_ == "NOUN"), None)


SHARES = frozenset("share proportion percentage fraction".split())


def _what_noun(doc):
    """ "What harvest does the association expect?": the noun "what" determines (not in "What does an
    installation cost?", which the parser may read so)."""
    determines = doc[0].dep_ == "det" and len(doc) > 1 and doc[1].lemma_.lower() != "do"
    if doc[0].lower_ in ("what", "which") and determines and doc[0].head.pos_ == "NOUN":
        return doc[0].head
    return None


def _share_of(noun):
    """ "What share of the stations had run out of fuel?": the stations, of which a share is asked."""
    of = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    whole = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
    return whole if lemma(noun) in SHARES and whole is not None and whole.pos_ == "NOUN" else None


def _given_for(doc, containers):
    """ "What figure did the health board give for people treated?": what the figure is given for."""
    if not containers:
        return None
    given = (t for t in doc if t.lower_ == "for" and t.dep_ in ("prep", "dative"))  # "give" may be a noun
    return next((c for t in given for c in t.children if c.dep_ == "pobj" and c.pos_ == "NOUN"), None)


def _to_be(doc):
    """ "What does the auditor estimate the budget shortfall to be?": what is to be."""
    if doc[0].lower_ not in ("what", "which"):
        return None
    to_be = [t for t in doc if lemma(t) == "be" and any(c.lower_ == "to" for c in t.children)]
    return next((c for t in to_be for c in t.children if c.dep_ == "nsubj" and c.pos_ == "NOUN"), None)


def _how_big(doc):
    """ "How big is the hole in the balance sheet?", "How large do they say the budget gap is?": the size
    of the subject (of the innermost clause) is asked."""
    if len(doc) < 3 or doc[0].lower_ != "how" or doc[1].lower_ not in MEASURING:
        return None
    subjects = [t for t in doc if t.dep_ in ("nsubj", "nsubjpass") and t.pos_ in ("NOUN", "PROPN")]
    # "How long was trading halted?", "How long did the overflow spill for?": the parser reads the
    # question's verb as the noun's modifier, or the noun itself, and the noun as the sentence's root
    subjects = subjects or [t for t in doc if t.dep_ == "ROOT" and t.pos_ == "NOUN"]
    return subjects[-1] if subjects else None


def _left_from(doc) -> list[str]:
    """ "How many people were evacuated from Little Farro?": where they left is the place asked about
    (a figure's "from" is no place: "troops from Veldaria" are not in Veldaria)."""
    names = [t for t in doc if t.dep_ == "pobj" and t.head.lower_ == "from" and t.pos_ == "PROPN"]
    found = [" ".join(w.text for w in t.subtree if w.is_title and w.i <= t.i) for t in names]
    return [name for name in found if name]  # "from CV412": a flight's code, no name of a place


def _said_to_happen(asked):
    """ "How many passengers does the association say were affected?": the parser makes the counted noun
    the reporting verb's subject (or its auxiliary's); what happened to it is the verb said, which has no
    subject of its own."""
    verb = asked.head.head if asked.head.dep_ == "aux" else asked.head
    if lemma(verb) not in REPORTING or asked.dep_ not in ("nsubj", "dobj"):
        return None
    said = (c for c in verb.children if c.dep_ == "ccomp" and c.pos_ == "VERB" and is_event_verb(c))
    return next((v for v in said if not any(c.dep_ in ("nsubj", "nsubjpass") for c in v.children)), None)


def _main_verb(doc):
    """ "How many people did the ambulance service treat?": the parser loses the counted noun's verb in a
    question's word order; its own verb (not a when clause's) is what befell what it counts."""
    for verb in sorted(doc, key=lambda t: t.dep_ != "ROOT"):  # "How many of those arrested were charged?"
        if verb.pos_ != "VERB" or lemma(verb) in ("be", "have", "do") or not is_event_verb(verb):
            continue
        must = verb.dep_ == "xcomp" and verb.head.dep_ == "ROOT" and lemma(verb.head) in ("have", "need")
        # "How many baby deaths are the police examining?": the parser hangs the participle on "are"
        going_on = verb.dep_ == "attr" and verb.tag_ == "VBG" and verb.head.dep_ == "ROOT"
        own = verb.dep_ in ("ROOT", "acl") or must or going_on
        if own and not any(t.dep_ == "advcl" for t in verb.ancestors):
            return verb
    return None


def _participle_after(have):
    """The verb an inverted "has" is the auxiliary of, as a figure's frame reads it: "has the fire burned"
    → burned; "has the company sent" → no event (sending places a group, see events.is_event_verb)."""
    done = next((c for c in have.children if c.dep_ == "ccomp" and c.pos_ == "VERB"), None)
    if done is None and have.dep_ == "aux" and have.head.pos_ == "VERB":
        done = have.head  # "How many athletes has the commission suspended?": the parser's own reading
    if done is None:  # "had the exam board received": the parser hangs the participle on the subject
        subjects = [c for c in have.children if c.dep_ == "dobj"]
        done = next((c for s in subjects for c in s.children if c.dep_ == "acl" and c.tag_ == "VBN"), None)
    if done is None:
        return have
    if lemma(done) in REPORTING:  # "How many people had the trust reported treated?": treated, told by it
        done = next((c for c in done.children if c.dep_ == "xcomp" and c.pos_ == "VERB"), done)
    return done if is_event_verb(done) else None


def _trailing_participle(noun):
    """ "What figure did the council give for the number of residents affected?": the parser hangs the
    participle right after the counted noun on the question's verb; it says what befell them."""
    after = noun.doc[noun.i + 1] if noun.i + 1 < len(noun.doc) else None
    if after is None or after.tag_ != "VBN" or any(c.dep_ in ("nsubj", "nsubjpass") for c in after.children):
        return None
    return after if is_event_verb(after) else None


def _where_they_are(noun):
    """ "… for the number of people inside the hall?": where they were, as "230 were in the hall" says."""
    inside = (c for c in noun.children if c.dep_ == "prep" and c.lower_ in ("in", "inside"))
    return next((p for p in inside if any(o.dep_ == "pobj" and _a_site(o) for o in p.children)), None)


def _a_site(token) -> bool:
    """ "the hall", not "the referendum" nor "in total"."""
    return common_place(token) and is_a_site(lemma(token)) and lemma(token) not in CONTAINERS


def _what_it_was(doc):
    """ "What was the turnout in Coravel?": the noun a what-is question asks the value of."""
    root = next((t for t in doc if t.head.i == t.i), None)
    if root is None or doc[0].lower_ not in ("what", "which") or lemma(root) != "be":
        return None
    asked = (c for c in root.children if c.dep_ in ("nsubj", "attr") and c.pos_ == "NOUN" and c.i != doc[0].i)
    return next(asked, None)
