"""What a "how many" question asks for, as a claim frame of its own (service/claims.py has the frame): the
counted noun, its event, its place and date, read off the question's parse the way figures' frames are
read off their sentences; and which of the disagreements found are about it (`about_question`: `ask`
attaches only those)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from . import nlp
from .amounts import REVISING
from .clauses import (
    CONTAINERS,
    GENERIC_NOUNS,
    LOCATIVE,
    REPORTING,
    SETTLEMENTS,
    WHOLE_COUNTRY,
    clause_anchor,
    lemma,
    noun_key,
    places_of,
)
from .counted import is_generic, open_container, partitive_whole
from .disagreements import frame_keys
from .events import COUNTING, event_key, event_of, is_event_verb
from .models import Claim, Disagreement
from .nlp import days_apart
from .presence import only_where
from .tellers import source_key
from .vocabulary import Vocabulary


def question_frame(question: str) -> Claim | None:
    """The frame of a "how many / how much" question ("How many people died in Marrowby?" → people, die,
    Marrowby), or of a question about a number or toll; None when it asks for no figure."""
    doc = nlp.parse_one(question)
    if not len(doc):
        return None
    asked = next(
        (t for t in doc if t.lower_ in ("many", "much") and t.i and doc[t.i - 1].lower_ == "how"), None
    )
    sized = False  # "How big is the hole?": the size asked, nothing that befell it
    changed = _what_changed(doc)
    if changed is not None:  # "By how much did the insurer's estimate of the damage rise?": the damage
        noun, anchor_token = changed, changed
    elif asked is not None:
        noun = asked.head if asked.head.pos_ in ("NOUN", "PROPN") else partitive_whole(asked)
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
    event, unit = None, None
    if noun is not None and noun.lemma_.lower() in CONTAINERS:
        noun, event = open_container(noun)
    if noun is not None and (whole := _share_of(noun)) is not None:
        event = event_of(noun) or _said_to_happen(noun)  # what befell the share: "had run out of fuel"
        noun, anchor_token, unit = whole, whole, "percent"
    date = next((nlp.resolve_date(e.text, None) for e in doc.ents if e.label_ == "DATE"), None)
    if changed is None:
        event = event or _event_asked(doc, asked, noun, anchor_token)
    elif event is None and noun is not None:  # what befell what changed, in its own words: not the change
        event = next((e for e in [event_of(noun)] if e is not None and e in noun.subtree), None)
    if event is not None and lemma(event) == "have":  # "How many hectares has the fire burned?": inverted
        event = _participle_after(event)
    if event is None and noun is not None and not sized:
        event = _trailing_participle(noun)
    event = None if sized else event
    if event is not None and only_where(event) and event_key(event).split()[0] in ("aboard", "without"):
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


MEASURING = frozenset("big large high deep wide long fast full heavy tall far costly".split())
CHANGING = frozenset("rise grow fall drop increase decrease climb jump raise revise cut lower".split())


def _event_asked(doc, asked, noun, anchor_token):
    """What befell what a question counts, read as a figure's frame would be, else its own verb."""
    event = None
    part = asked is not None and asked.dep_ == "nsubj" and any(c.lower_ == "of" for c in asked.children)
    if asked is not None and (noun.i != asked.head.i if noun is not None else part):
        # "How many of the escaped inmates have been recaptured?"; "… of the injured were in hospital?"
        event = event_of(asked)
    if event is None:
        event = event_of(noun if noun is not None else anchor_token.head)
    if event is None:
        event = _said_to_happen(anchor_token)
    if event is None and asked is not None:
        event = _main_verb(doc)
    return event


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
    subjects = [t for t in doc if t.dep_ in ("nsubj", "nsubjpass") and t.pos_ == "NOUN"]
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
        if (verb.dep_ in ("ROOT", "acl") or must) and not any(t.dep_ == "advcl" for t in verb.ancestors):
            return verb
    return None


def _participle_after(have):
    """The verb an inverted "has" is the auxiliary of, as a figure's frame reads it: "has the fire burned"
    → burned; "has the company sent" → no event (sending places a group, see events.is_event_verb)."""
    done = next((c for c in have.children if c.dep_ == "ccomp" and c.pos_ == "VERB"), None)
    if done is None:  # "had the exam board received": the parser hangs the participle on the subject
        subjects = [c for c in have.children if c.dep_ == "dobj"]
        done = next((c for s in subjects for c in s.children if c.dep_ == "acl" and c.tag_ == "VBN"), None)
    if done is None:
        return have
    return done if is_event_verb(done) else None


def _trailing_participle(noun):
    """ "What figure did the council give for the number of residents affected?": the parser hangs the
    participle right after the counted noun on the question's verb; it says what befell them."""
    after = noun.doc[noun.i + 1] if noun.i + 1 < len(noun.doc) else None
    if after is None or after.tag_ != "VBN" or any(c.dep_ in ("nsubj", "nsubjpass") for c in after.children):
        return None
    return after if is_event_verb(after) else None


def _what_it_was(doc):
    """ "What was the turnout in Coravel?": the noun a what-is question asks the value of."""
    root = next((t for t in doc if t.head.i == t.i), None)
    if root is None or doc[0].lower_ not in ("what", "which") or lemma(root) != "be":
        return None
    asked = (c for c in root.children if c.dep_ in ("nsubj", "attr") and c.pos_ == "NOUN" and c.i != doc[0].i)
    return next(asked, None)


HOW_MUCH = re.compile(r"\bhow\s+much\b", re.I)
HOW_MANY = re.compile(r"\bhow\s+many\b", re.I)
AMOUNT_ASKED = re.compile(r"(?<!\bby\s)\bhow\s+much\b", re.I)  # not "By how much did it rise?": a change


def about_question(
    frame: Claim | None, disagreements: Sequence[Disagreement], vocabulary: Vocabulary
) -> list[Disagreement]:
    """The disagreements on what the question asks for: the same thing (and place, when it names one)."""
    numeric = [d for d in disagreements if d.kind in ("conflict", "update")]
    if frame is not None and frame.unit == "percent":  # "What share of the stations …?": no count
        numeric = [d for d in numeric if any(c.unit == "percent" for c in d.claims)]
    if frame is None or not numeric:
        return []
    told = [c for d in numeric for c in d.claims]
    frame = _with_known_places(_as_the_figures_name(frame, told), told)
    frame = _without_names_in_passing(_with_date_in_story(frame, told), told)
    keys = frame_keys([frame, *told], vocabulary, asked=True)
    asked, rest = replace(keys[0], unit=None), iter(keys[1:])
    if asked.noun == "*" and asked.event is None and asked.activity is None:
        return []  # "How much does it expect to save?": nothing counted that a figure could be about
    keyed = [(d, [replace(next(rest), unit=None) for _ in d.claims]) for d in numeric]
    if asked.noun == "*" and AMOUNT_ASKED.search(frame.quote):  # "How much is the grant paid?": no count
        keyed = [(d, keys) for d, keys in keyed if any(c.unit for c in d.claims)]
    # "How many died in the 2011 floods?" is not about this year's toll
    keyed = [(d, keys) for d, keys in keyed if not frame.date or _holds_on(frame.date, d)]
    if asked.event is None and HOW_MANY.search(frame.quote):
        keyed = [(d, [_uncounted(key) for key in keys]) for d, keys in keyed]
    found = _asked_here(asked, keyed)
    if not found and asked.noun != "*" and asked.event and HOW_MUCH.search(frame.quote):
        # "How much cocaine was seized?": "2.4 tonnes seized", "€3 million taken" measure what is asked
        measured = [(d, keys) for d, keys in keyed if any(c.unit and c.unit != "percent" for c in d.claims)]
        found = _asked_here(replace(asked, noun="*"), measured)
    unsaid = [(d, keys) for d, keys in keyed if not _events(keys)]
    if not found and frame.unit == "percent":  # "What share of the reefs are bleached?": "61% of the reefs"
        found = _asked_here(replace(asked, event=None), unsaid)
    if (
        not found
        and asked.event
        and asked.noun not in ("*", *GENERIC_NOUNS)
        and (HOW_MANY.search(frame.quote) or HOW_MUCH.search(frame.quote))
    ):
        # "How many vehicles fell into the river?": "14 vehicles, police say, fell when …", a frame the parser
        # missed: the figures' sentences tell of the same event
        told_so = [(d, keys) for d, keys in unsaid if _tells_of(asked.event, d)]
        found = _asked_here(replace(asked, event=None), told_so)
        found = found if len(found) == 1 else []  # several: which one the question means is not known
    unsaid_event = asked.event is None or asked.event.split()[0] in AFFECTING  # "were affected by the breach"
    if not found and unsaid_event and asked.noun not in ("*", *GENERIC_NOUNS) and _asks_a_doing(frame):
        # "How many patients had the agency linked to the pills?": the one dispute over patients, whatever
        # befell them (not "How many passengers were on board?", "How many flats did it contain?")
        of_noun = [d for d, keys in keyed if any(key.noun == asked.noun for key in keys)]
        found = of_noun if len(of_noun) == 1 else []
    by_source = [d for d in found if any(_names_source(frame.quote, c) for c in d.claims)]
    return by_source or found


HOLDING = frozenset("be have contain hold include".split())
AFFECTING = frozenset("affect impact involve concern".split())  # what befell them, left unsaid


def _asks_a_doing(frame: Claim) -> bool:
    """ "How many … had the agency linked?", "… had owners returned?": a count of what someone did, not of
    what there is ("How many … are there?", "… were on board?", "… did it contain?")."""
    verbs = [
        t for t in nlp.parse_one(frame.quote) if t.pos_ == "VERB" and lemma(t) not in ("be", "have", "do")
    ]
    return bool(HOW_MANY.search(frame.quote)) and bool(verbs) and lemma(verbs[0]) not in HOLDING


def _tells_of(event: str, disagreement: Disagreement) -> bool:
    """Some sentence of the disagreement has the event's verb (or word)."""
    verb = event.split()[0]
    if verb in LOCATIVE or len(verb) < 3:
        return False  # "in hospital", "on duty": no verb
    return any(
        verb in {t.lemma_.lower() for t in nlp.parse_one(q)} for q in {c.quote for c in disagreement.claims}
    )


def _events(keys) -> bool:
    return any(key.event for key in keys)


def _asked_here(asked, keyed) -> list[Disagreement]:
    """The disagreements about what is asked where it is asked; failing that, when the question names a
    place, those whose figures name none but whose sentences write it ("… sent home from schools in
    Sellany?": the parser did not read Sellany as the figures' place)."""
    found = _asked_among(asked, keyed)
    if found or not asked.places:
        return found
    placeless = [(d, keys) for d, keys in keyed if not any(k.places for k in keys)]
    written = [(d, keys) for d, keys in placeless if _writes(asked.places, d)]
    found = _asked_among(replace(asked, places=frozenset()), written)
    if found or len(placeless) < len(keyed) or not any(_writes(asked.places, d) for d, _ in keyed):
        return found
    # no figure of the story names a place, and the place is the story's own
    return _asked_among(replace(asked, places=frozenset()), placeless)


def _writes(places, disagreement: Disagreement) -> bool:
    """Its figures' sentences write the place, or its topic does (the place of its group's figures)."""
    quotes = [claim.quote for claim in disagreement.claims]
    return any(place in text for text in [*quotes, disagreement.topic] for place in places)


def _asked_among(asked, keyed) -> list[Disagreement]:
    """The disagreements whose figures count what is asked (a question leaves the unit unsaid: "What was
    the turnout?" is about a share as much as a count); "How many people were missing?" is about the
    children missing only when nothing counts the people; "How many of the captives have been freed?" is
    about "23 freed" (naming no noun) only when nothing counts the captives."""
    relevant, of_a_part, unnamed = [], [], []
    for disagreement, claim_keys in keyed:
        matched = [key for key in claim_keys if _of_a_kind(asked, key).covered_by(key) or key == asked]
        if any(key.noun == asked.noun for key in matched):
            relevant.append(disagreement)
        elif matched:
            of_a_part.append(disagreement)
        elif any(key.noun == "*" and replace(asked, noun="*").covered_by(key) for key in claim_keys):
            unnamed.append(disagreement)
    return relevant or of_a_part or unnamed


def _uncounted(key):
    """ "The trust counted 36 packs" answers "How many packs are there?": counting says what was done to
    the count, not what befell what it counts."""
    return replace(key, event=None) if key.event in COUNTING else key


def _of_a_kind(asked, key):
    """ "How many exam papers had the board regraded?" asks about its "papers regraded", "How many
    papers?" about "8,600 exam papers", and "the city's cash reserves" about its "unrestricted reserves":
    the same noun, with or without a word that says what kind."""
    heads = asked.noun.split()[-1], key.noun.split()[-1]
    same_head = heads[0] == heads[1] and "*" not in heads and (" " in asked.noun or " " in key.noun)
    return replace(asked, noun=key.noun) if same_head else asked


def _holds_on(day: str, disagreement: Disagreement) -> bool:
    """A figure of the disagreement is for the day asked about or the one next to it ("overnight"), or, for
    an update, the day comes after its timeline starts ("recovered by 14 June": its latest figure by then)."""
    dates = [c.date for c in disagreement.claims if c.date]
    if any(days_apart(day, d) <= 1 for d in dates):
        return True
    return disagreement.kind == "update" and len(dates) > 1 and min(dates) <= day


def _names_source(question: str, claim: Claim) -> bool:
    """ "What is the Health Ministry's latest count?": the question names who gives the figure."""
    source = source_key(claim)
    words = set(re.findall(r"[^\W\d_]+", question.lower().replace("’s", "").replace("'s", "")))
    return not source.startswith("article:") and set(source.split()) <= words


def _with_date_in_story(frame: Claim, claims: Sequence[Claim]) -> Claim:
    """ "What did the ministry say on Thursday June 4?" names no year: the date is read against the latest
    day the figures are dated, as an article's own dates are against its publication."""
    days = [c.date for c in claims if c.date and len(c.date) == len("2026-06-04")]
    if frame.date or not days:
        return frame
    named = [e.text for e in nlp.parse_one(frame.quote).ents if e.label_ == "DATE"]
    date = next((d for text in named if (d := nlp.resolve_date(text, max(days)))), None)
    return frame.model_copy(update={"date": date, "date_stated": True}) if date else frame


def _without_names_in_passing(frame: Claim, claims: Sequence[Claim]) -> Claim:
    """ "How much did investors lose in the Lanterngate scheme?": the name says which scheme, not where;
    unless the figures give it as their place, it is none ("died in Kessaro" is where)."""
    named = {place for claim in claims for place in claim.places}
    places = [p for p in frame.places if p in named or not _named_in_passing(p, frame.quote)]
    return frame.model_copy(update={"places": places}) if places != frame.places else frame


def _named_in_passing(place: str, question: str) -> bool:
    """The place's last word qualifies a noun of the question ("the Lanterngate scheme")."""
    last = place.split()[-1]
    word = next((t for t in nlp.parse_one(question) if t.text == last), None)
    return word is not None and word.dep_ in ("compound", "amod", "nmod") and word.head.pos_ == "NOUN"


def _as_the_figures_name(frame: Claim, claims: Sequence[Claim]) -> Claim:
    """ "… left homeless in Haldmark province?" asks where the figures say "in Haldmark": a place the
    question names with its kind ("province", "district") is the one the figures name without it."""
    known = {place for claim in claims for place in claim.places}
    named = [
        _without_kind(place) if place not in known and _without_kind(place) in known else place
        for place in frame.places
    ]
    return frame.model_copy(update={"places": named}) if named != frame.places else frame


def _without_kind(place: str) -> str:
    words = place.split()
    return " ".join(words[:-1]) if len(words) > 1 and words[-1].lower() in SETTLEMENTS else place


def _with_known_places(frame: Claim, claims: Sequence[Claim]) -> Claim:
    """A short question gives the parser little to go on ("How many died in Kessaro?" tags Kessaro a
    person): a name the question holds that the articles' figures give as their place is its place."""
    if frame.places:
        return frame
    known = {place for claim in claims for place in claim.places if place != WHOLE_COUNTRY}
    named = sorted(p for p in known if re.search(rf"(?<!\w){re.escape(p)}(?!\w)", frame.quote))
    return frame.model_copy(update={"places": named}) if named else frame
