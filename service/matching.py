"""Which of the disagreements found are about what a question asks (`about_question`: `ask` attaches only
those): the same thing, and the same place when the question names one, read off the question's frame
(service/asked.py) and the keys its figures are grouped by (service/disagreements.py)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from . import nlp
from .clauses import GENERIC_NOUNS, LOCATIVE, WHOLE_COUNTRY, lemma
from .disagreements import frame_keys
from .events import COUNTING
from .figures import is_currency
from .models import Claim, Disagreement
from .nlp import days_apart
from .places import SETTLEMENTS
from .tellers import source_key
from .thesaurus import is_a_happening, is_a_noun, is_a_site
from .units import MEASUREMENT_UNITS, RATED, TO_HOLD, UNITS_ASKED, unit_named
from .vocabulary import Vocabulary

HOW_MUCH = re.compile(r"\bhow\s+much\b", re.I)
HOW_MANY = re.compile(r"\bhow\s+many\b", re.I)
# "How many passengers is the ferry certificated to carry?", "What is the stadium's capacity?" (not "Is it
# over capacity?", which asks how many there are)
CAPACITY_ASKED = re.compile(
    rf"\b{RATED}\s+{TO_HOLD}\b"
    r"|\bcan\s+(?:\w+\s+){1,3}(?:hold|carry|accommodate|seat)\b|\bwhat\s+is\s+(?:\S+\s+){0,4}capacity\b",
    re.I,
)
# "How many metres …?", "How many square kilometres …?" ask for a unit; "How many smart meters …?" do not
UNIT_ASKED = re.compile(r"\bhow\s+many\s+(?:(?:square|cubic)\s+)?(\w+)", re.I)
PER_TIME = re.compile(r"\b(?:each|every|per|a)\s+(?:day|night|week|month|year|hour)\b", re.I)
AMOUNT_ASKED = re.compile(r"(?<!\bby\s)\bhow\s+much\b", re.I)  # not "By how much did it rise?": a change


HOW_MEASURED = re.compile(rf"\bhow\s+({'|'.join(UNITS_ASKED)})\b", re.I)
WORTH_ASKED = re.compile(r"\bworth\b|\bvalue\b", re.I)  # "What is the seized timber worth?": a sum


def _in_the_units_asked(frame: Claim, numeric: list[Disagreement]) -> list[Disagreement]:
    """A share for "What share …?", a sum for "What is it worth?"; for "How many …?" no share, nor a
    measurement unless its unit is asked for ("How many seats?" is no speed, "How many hectares?" is an
    area, and in hectares); a speed for "How fast …?", a length for "How far …?", a length or a span of
    time for "How long …?"."""
    if frame.unit == "percent":
        return [d for d in numeric if any(c.unit == "percent" for c in d.claims)]
    if WORTH_ASKED.search(frame.quote):
        return [d for d in numeric if any(is_currency(c.unit) for c in d.claims)]
    if HOW_MANY.search(frame.quote):
        numeric = [d for d in numeric if any(c.unit != "percent" for c in d.claims)]
        unit = unit_named(frame.noun) if frame.noun else None  # "How many hours …?": in hours
        if unit is not None and (after := UNIT_ASKED.search(frame.quote)) and unit_named(after[1]):
            # "How many meters had Kestrel fixed?": when no figure is in metres, meters are counted
            return [d for d in numeric if any(c.unit == unit for c in d.claims)] or [
                d for d in numeric if any(c.unit is None and c.noun == frame.noun for c in d.claims)
            ]
        return [d for d in numeric if any(c.unit not in MEASUREMENT_UNITS for c in d.claims)]
    if (asked := HOW_MEASURED.search(frame.quote)) is not None:
        units = UNITS_ASKED[asked.group(1).lower()]
        return [d for d in numeric if any(c.unit in units for c in d.claims)]
    return numeric


def about_question(
    frame: Claim | None, disagreements: Sequence[Disagreement], vocabulary: Vocabulary
) -> list[Disagreement]:
    """The disagreements on what the question asks for: the same thing (and place, when it names one)."""
    if frame is None or CAPACITY_ASKED.search(frame.quote):  # what a thing can hold is no figure disputed
        return []
    numeric = _in_the_units_asked(frame, [d for d in disagreements if d.kind in ("conflict", "update")])
    if not numeric:
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
        keyed = [(d, keys) for d, keys in keyed if any(c.unit for c in d.claims) or _weighed(keys)]
    # "How many died in the 2011 floods?" is not about this year's toll
    keyed = [(d, keys) for d, keys in keyed if not frame.date or _holds_on(frame.date, d)]
    if asked.event is None and HOW_MANY.search(frame.quote):
        keyed = [(d, [_uncounted(key) for key in keys]) for d, keys in keyed]
    found = _asked_here(asked, keyed)
    if not found and asked.noun != "*" and asked.event and HOW_MUCH.search(frame.quote):
        # "How much cocaine was seized?": "2.4 tonnes seized", "€3 million taken" measure what is asked
        measured = [(d, keys) for d, keys in keyed if _measured(d) or _weighed(keys)]
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
    if not found and asked.event == "have" and asked.noun != "*":  # "How many requests does it have open?"
        found = _asked_here(replace(asked, event=None), unsaid)  # "there were 1,590 open repair requests"
    # (and not one for another place than the one asked about: a province's cases are not the country's)
    of_noun = [
        (d, keys)
        for d, keys in keyed
        if any(key.noun == asked.noun and _placed_alike(asked, key) for key in keys)
    ]
    unsaid_event = asked.event is None or asked.event.split()[0] in AFFECTING  # "were affected by the breach"
    if not found and unsaid_event and asked.noun not in ("*", *GENERIC_NOUNS) and _asks_a_doing(frame):
        # "How many patients had the agency linked to the pills?": the one dispute over patients, whatever
        # befell them (not "How many passengers were on board?", "How many flats did it contain?")
        found = [d for d, _ in of_noun] if len(of_noun) == 1 else []
    if not found and _of_the_group(asked, frame) and not _said(asked.event, keyed):
        # "How many vehicles fell into the river?" when no figure says so: the one dispute over vehicles, if
        # it says nothing of what befell them either (not "packs left in stock" for "packs imported")
        found = [d for d, keys in of_noun if not _events(keys)] if len(of_noun) == 1 else []
    if not found and asked.noun == "*" and AMOUNT_ASKED.search(frame.quote):
        # "How much will it cost to replace the cladding?": the one dispute over a sum for the cladding
        named = [d for d, keys in keyed if any(_names_noun(frame.quote, key) for key in keys)]
        found = named if len(named) == 1 else []
    by_source = [d for d in found if any(_names_source(frame.quote, c) for c in d.claims)]
    return by_source or found


WEIGHED = frozenset("tonne ton kilogram kg kilo litre liter barrel gallon".split())


def _measured(disagreement: Disagreement) -> bool:
    return any(c.unit and c.unit != "percent" for c in disagreement.claims)


def _weighed(keys) -> bool:
    """ "1,800 litres of diesel": an amount in a unit the figures count, as a sum's is ("How much …?")."""
    return any(key.noun is not None and key.noun.split()[-1] in WEIGHED for key in keys)


HOLDING = frozenset("be have contain hold include".split())
AFFECTING = frozenset("affect impact involve concern".split())  # what befell them, left unsaid


def _asks_a_doing(frame: Claim) -> bool:
    """ "How many … had the agency linked?", "… had owners returned?": a count of what someone did, not of
    what there is ("How many … are there?", "… were on board?", "… did it contain?")."""
    verbs = [
        t for t in nlp.parse_one(frame.quote) if t.pos_ == "VERB" and lemma(t) not in ("be", "have", "do")
    ]
    return bool(HOW_MANY.search(frame.quote)) and bool(verbs) and lemma(verbs[0]) not in HOLDING


def _of_the_group(asked, frame: Claim) -> bool:
    """ "How many vehicles fell …?" asks about a whole group; not "How many … were still in hospital?" (a
    part of it somewhere) nor "How many … crossed each day?" (a rate)."""
    return (
        bool(asked.event)
        and asked.noun not in ("*", *GENERIC_NOUNS)
        and asked.event.split()[0] not in LOCATIVE
        and bool(HOW_MANY.search(frame.quote))
        and not PER_TIME.search(frame.quote)
    )


def _names_noun(question: str, key) -> bool:
    """The question writes a word of the key's noun ("the cladding" for "cladding replacement")."""
    words = {t.lemma_.lower() for t in nlp.parse_one(question) if t.pos_ == "NOUN"}
    return key.noun != "*" and bool(words & set(key.noun.split()))


def _said(event: str, keyed) -> bool:
    return any(key.event and key.event.split()[0] == event.split()[0] for _, keys in keyed for key in keys)


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
    if len(sites := _sites_in(asked.places, keyed)) == 1:  # "at Brennick": "in Brennick ED", the site there
        found = _asked_among(replace(asked, places=frozenset(sites)), keyed)
        if found:
            return found
    placeless = [(d, keys) for d, keys in keyed if not any(k.places for k in keys)]
    written = [(d, keys) for d, keys in placeless if _writes(asked.places, d)]
    found = _asked_among(replace(asked, places=frozenset()), written)
    if found or len(placeless) < len(keyed) or not any(_writes(asked.places, d) for d, _ in keyed):
        return found
    # no figure of the story names a place, and the place is the story's own
    return _asked_among(replace(asked, places=frozenset()), placeless)


def _placed_alike(asked, key) -> bool:
    return not asked.places or not key.places or asked.places == key.places


def _sites_in(places, keyed) -> set[str]:
    """The figures' places whose name is the place asked about and more ("Brennick ED" for "Brennick")."""
    return {
        p
        for _, keys in keyed
        for key in keys
        for p in key.places
        if any(p.startswith(f"{q} ") for q in places)
    }


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
    """ "The trust counted 36 packs" answers "How many packs are there?": counting (or finding: "60 tonnes
    of dead fish found") says what was done to the count, not what befell what it counts."""
    return replace(key, event=None) if key.event in COUNTING | {"find"} else key


def _of_a_kind(asked, key):
    """ "How many exam papers had the board regraded?" asks about its "papers regraded", "How many
    papers?" about "8,600 exam papers", and "the city's cash reserves" about its "unrestricted reserves":
    the same noun, with or without a word that says what kind (not "disease cases" and "encephalitis
    cases": two kinds, each named by a noun)."""
    heads = asked.noun.split()[-1], key.noun.split()[-1]
    kinds = [{word for word in noun.split()[:-1] if is_a_noun(word)} for noun in (asked.noun, key.noun)]
    two_kinds = all(kinds) and not kinds[0] & kinds[1]
    same_head = heads[0] == heads[1] and "*" not in heads and (" " in asked.noun or " " in key.noun)
    same_head = same_head and not two_kinds
    return replace(asked, noun=key.noun) if same_head else asked


def _holds_on(day: str, disagreement: Disagreement) -> bool:
    """A figure of the disagreement is for the day asked about or the one next to it ("overnight"; a year
    next to it is another year), or, for an update, the day comes after its timeline starts ("recovered by
    14 June": its latest figure by then)."""
    dates = [c.date for c in disagreement.claims if c.date]
    if any(days_apart(day, d) <= (0 if len("2025") in (len(day), len(d)) else 1) for d in dates):
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
    named = [e.text for e in nlp.dates_named(nlp.parse_one(frame.quote))]
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
    named = [p for p in named if not _a_brand_in(frame.quote, p)]
    return frame.model_copy(update={"places": named}) if named else frame


def _a_brand_in(question: str, name: str) -> bool:
    """ "How many tins from the recalled Lullamilk batch …?": a name that says which thing (a batch, a
    product) is no place, whatever a figure's "in the Lullamilk recall" made of it; "the Kessaro flood",
    "the Dravik district" and "in Kessaro" are places."""
    words = [t for t in nlp.parse_one(question) if t.text == name.split()[-1]]
    thing = [t.head for t in words if t.dep_ == "compound" and t.head.pos_ == "NOUN"]
    return bool(words) and len(thing) == len(words) and not any(_a_place_or_event(lemma(t)) for t in thing)


def _a_place_or_event(noun: str) -> bool:
    return noun in SETTLEMENTS or is_a_site(noun) or is_a_happening(noun)
