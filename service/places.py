"""Where a figure holds: the place entities of its clause (service/clauses.py finds the clause).

GPE/LOC/FAC entities, or a proper noun after a place preposition, reached through a place preposition or
a possessive on a place-holding noun; "X's Y region" and "Y, in X" record (X, Y) as containment.
"nationwide", "national", "across the country" → the whole country.
"""

from __future__ import annotations

import re

from .clauses import (
    ABROAD,
    AROUND_THE_WORLD,
    CALENDAR,
    CONTAINERS,
    JUDGED,
    LOCATIVE,
    NATIONWIDE,
    NOT_PLACE_LABELS,
    OUTSIDE_THE_COUNTRY,
    PLACE_AS_SUBJECT,
    PLACE_LABELS,
    REPORTING,
    VALUING,
    WHOLE_COUNTRY,
    WHOLE_WORLD,
    WORLDWIDE,
    clause_anchor,
    clause_of,
    lemma,
)
from .nlp import entity_of
from .thesaurus import is_a_person, is_a_site


def _doers_place(anchor) -> list[str]:
    """ "The regional hospital in Dravin treated 38 people", "the health office in the town of Lashgo has
    recorded 312 cases": where the one who did or counted it is, when the clause names no place (not where
    the one who values or tells it is: "Police in Tamsen put the toll at 11")."""
    if anchor.pos_ != "VERB" or lemma(anchor) in VALUING | REPORTING | {"be", "have"}:
        return []
    subject = next((c for c in anchor.children if c.dep_ == "nsubj"), None)
    at = [c for c in subject.children if c.dep_ == "prep" and c.lower_ in ("in", "at")] if subject else []
    named = [p for prep in at for p in prep.children if p.dep_ == "pobj"]
    of = [c for p in named for c in p.children if c.lower_ == "of"]  # "the host town of Lashgo"
    named += [n for prep in of for n in prep.children if n.dep_ == "pobj"]
    places = [p for p in named if _is_place(p)]
    return [_place_name(places[0])] if places else []


def places_of(anchor, noun, token, doc) -> tuple[list[str], list[tuple[str, str]]]:
    clause = clause_of(anchor, noun)
    places: list[str] = []
    containers: list[tuple[str, str]] = []
    for place_token in clause:
        if not _is_place(place_token) or not _reached_as_place(place_token, anchor):
            continue
        if _of_another_figure(place_token, token) or _where_a_site_lies(place_token):
            continue
        name = _place_name(place_token)
        if name and name not in places:
            places.append(name)
        outer = _containing_place(place_token)
        if outer and name and outer != name:
            containers.append((outer, name))
    # the tagger may make a place of part of a name: "Broken" of "in Broken Bow"
    places = [p for p in places if not any(p != q and f" {p} " in f" {q} " for q in places)]
    if (where := _where_clause_place(anchor)) and where not in places:
        places.append(where)
    if not places:
        places += _fronted_place(anchor) or _doers_place(anchor) or _the_named_region(clause, doc)
    places += [
        _subjects_country(anchor) or WHOLE_COUNTRY if p == WHOLE_COUNTRY else p
        for p in _scopes([t for t in [*clause, *_fronted(anchor)] if not _a_national_body(t, anchor, token)])
    ]
    inner = {inner for _, inner in containers}
    outer = {outer for outer, _ in containers if outer in places}
    ordered = [p for p in places if p in inner] + [p for p in places if p not in inner and p not in outer]
    return ordered + [p for p in places if p in outer and p not in ordered], containers


OWNER = frozenset({"poss", "compound"})


def _subjects_country(anchor) -> str | None:
    """The country a subject above the figure belongs to: "national" is its nation ("Vintara's ministry
    forecast a national harvest of 6.8 million tonnes" is Vintara's harvest, not the story's country's)."""
    for verb in (anchor, *anchor.ancestors):
        for subject in (c for c in verb.children if c.dep_ == "nsubj"):
            # a modifier of the subject ("Vintara's ministry"), not the subject (the tagger's GPEs include
            # companies: "Elgrid said")
            country = next((t for t in subject.children if t.ent_type_ == "GPE" and t.dep_ in OWNER), None)
            if country is not None:
                return _place_name(country)
    return None


SITE_PREPOSITIONS = LOCATIVE - {"of", "to", "into"}  # where a site is ("in a camp"), not "of the homes"


def _where_a_site_lies(place_token) -> bool:
    """ "died in a crowded camp in northern Kavessa": the figure is the unnamed camp's, which lies in
    Kavessa; not Kavessa's."""
    site = place_token.head.head if place_token.dep_ == "pobj" else None
    if site is None or site.pos_ != "NOUN" or site.ent_type_ or site.dep_ != "pobj":
        return False
    if not is_a_site(lemma(site)):  # "the 2011 gas explosion in Kavensund" is Kavensund's
        return False
    return place_token.head.lower_ in ("in", "near") and site.head.lower_ in SITE_PREPOSITIONS


def _of_another_figure(place_token, token) -> bool:
    """A place that qualifies another figure of the sentence ("rose to 356, 318 of them in Ashkari")."""
    return any(a.like_num and a.i != token.i and token not in a.subtree for a in place_token.ancestors)


def _fronted(anchor) -> list:
    """The words of what stands before the reporting verb's subject: "Nationally, Norvane said that …",
    "Across the country, the ministry said …"."""
    for verb in anchor.ancestors:
        subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if verb.pos_ == "VERB" and lemma(verb) in REPORTING and subject is not None:
            fronted = [c for c in verb.children if c.dep_ in ("advmod", "prep") and c.i < subject.i]
            return [t for c in fronted for t in c.subtree]
    return []


def _fronted_place(anchor) -> list[str]:
    """A place put before the reporting verb's subject scopes what is reported: "In Teravia, the ministry
    said that 210 people had died" (not "said in a statement", nor where someone spoke from)."""
    for verb in anchor.ancestors:
        subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if verb.pos_ != "VERB" or lemma(verb) not in REPORTING or subject is None:
            continue
        fronted = [c for c in verb.children if c.dep_ == "prep" and c.lower_ in LOCATIVE and c.i < subject.i]
        places = [t for prep in fronted for t in prep.children if t.dep_ == "pobj" and _is_place(t)]
        named = [_place_name(t) for t in places]
        if named:
            return named
    return []


def _where_clause_place(anchor) -> str | None:
    """The place a "where" clause hangs on: "In Port Velana, where 17 people died, …" → Port Velana."""
    if anchor.dep_ != "relcl" or not any(c.lower_ == "where" for c in anchor.children):
        return None
    head = entity[0] if (entity := entity_of(anchor.head)) is not None else anchor.head
    return _place_name(head) if _is_place(head) else None


def _is_place(token) -> bool:
    if token.text[:1].islower() or token.lower_ in CALENDAR:  # "in the east wing": a place is capitalised
        return False
    if token.pos_ == "PROPN" and (_named_settlement(token) or _lived_in(token)):
        return True
    if token.ent_type_ in PLACE_LABELS:
        return token.ent_iob_ == "B" or token.i == 0 or token.doc[token.i - 1].ent_type_ != token.ent_type_
    if token.pos_ != "PROPN":
        return False
    if _a_sites_name(token):
        return True
    if token.ent_type_ in NOT_PLACE_LABELS:
        return _mistagged_place(token)
    if token.dep_ == "compound" and token.head.pos_ == "PROPN":
        return False  # the name's last word stands for it: "Governor Matthias Drell" is one name
    if is_a_person(token.lower_):
        return False  # "an open letter to the Director of Housing": a title, capitalised
    head = token.head if token.dep_ == "compound" else token
    preposition = head.head
    return (
        head.dep_ == "pobj"
        and preposition.lower_ in LOCATIVE
        and preposition.lower_ != "of"
        and preposition.head.lower_ != "according"  # "according to Governor Drell" names a source
    )


INHABITANTS = frozenset("resident inhabitant villager townspeople dweller".split())


def _lived_in(token) -> bool:
    """ "4,300 residents of Lisbrac": whatever the tagger calls Lisbrac, its residents live in a place."""
    head = token.head if token.dep_ == "compound" else token
    of = head.head
    return head.dep_ == "pobj" and of.lower_ == "of" and lemma(of.head) in INHABITANTS


SETTLEMENTS = frozenset("city town village region province district state county island capital port".split())


def _named_settlement(token) -> bool:
    """ "the northern city of Kharkiv", "the province of Haldmark", "in the Dravik district": the noun says
    the name is a place, whatever the tagger calls it."""
    if token.dep_ == "compound" and lemma(token.head) in SETTLEMENTS:
        return token.head.dep_ == "pobj" and token.head.head.lower_ in LOCATIVE
    head = token.head if token.dep_ == "compound" else token
    return head.dep_ == "pobj" and head.head.lower_ == "of" and lemma(head.head.head) in SETTLEMENTS


def _a_sites_name(token) -> bool:
    """ "recorded at the Tarnside station", "in the Quarrow Flats district": a name on a noun of a place or
    a made thing, after a place preposition."""
    site = token.head
    placed = site.dep_ == "pobj" and site.head.lower_ in LOCATIVE and site.head.lower_ != "of"
    return token.dep_ == "compound" and site.pos_ == "NOUN" and placed and is_a_site(lemma(site))


def _mistagged_place(token) -> bool:
    """The small tagger calls many a town it does not know a person or an organisation ("marched in
    Branova": ORG, "jobs lost at Stavnik": PERSON). A one-word name right after "in" or "across" (a
    person's also after "at") is a place; not an acronym, nor a name with its article ("in the Senate")."""
    preposition = token.head.lower_ if token.dep_ == "pobj" else None
    return (
        token.ent_iob_ == "B"
        and not (token.i + 1 < len(token.doc) and token.doc[token.i + 1].ent_iob_ == "I")
        and (
            (token.ent_type_ == "ORG" and preposition in ("in", "across", "throughout"))
            or (token.ent_type_ == "PERSON" and preposition in ("in", "at"))
        )
        and not token.text.isupper()
        and not any(c.dep_ == "det" for c in token.children)
    )


def _reached_as_place(token, anchor) -> bool:
    """Only through a place preposition, a possessive or as what has the figure: never as the subject or
    object of any other clause."""
    current = token
    for _ in range(10):
        if current.i == anchor.i:
            return False
        if current.dep_ == "pobj" and current.head.lower_ in LOCATIVE:
            return True
        if current.dep_ == "poss" and _is_place_holder(current.head):
            return True
        if current.dep_ == "nsubj" and current.head.i == anchor.i and lemma(anchor) in PLACE_AS_SUBJECT:
            return True  # "Pellandria has 4,300 state schools", "Harrowmark accounted for 14": they are there
        if current.dep_ in ("nsubj", "nsubjpass", "dobj", "agent"):
            return False
        current = current.head
    return False


def _is_place_holder(token) -> bool:
    """A noun a possessive place can qualify: a container or counted noun ("Marrowby's death toll") or a
    noun after a place preposition ("to Norrevia’s Haldmark province"); not "Veldaria’s deployment"."""
    if token.dep_ == "pobj" and token.head.lower_ in LOCATIVE:
        return True
    if lemma(token) in JUDGED:
        return False  # "Tessaline's estimate": who estimates, no place
    return token.lemma_.lower() in CONTAINERS or any(c.like_num for c in token.children)


def _place_name(token) -> str:
    if token.ent_type_ in PLACE_LABELS:
        span = entity_of(token)
        text = span.text if span is not None else token.text
    else:
        text = " ".join(t.text for t in token.doc[token.left_edge.i : token.i + 1] if t.pos_ == "PROPN")
    return text.removeprefix("the ").removesuffix("’s").removesuffix("'s").strip()


def _containing_place(token):
    """The place a place token is said to lie in: "Norrevia’s Haldmark province", "Marrowby, in Veldaria"."""
    phrase_head = token.head if token.dep_ in ("compound",) else token
    for child in phrase_head.children:
        if child.dep_ == "poss" and _is_place(child):
            return _place_name(child)
        if child.dep_ == "appos" and _is_place(child):
            return _place_name(child)
        if child.dep_ == "prep" and child.lower_ in ("in", "of"):
            pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if pobj is not None and _is_place(pobj):
                return _place_name(pobj)
    return None


# "the region" in a sentence whose body is named for its region ("the Haskeld Regional Agriculture Office")
REGION_ADJECTIVES = {
    "region": "Regional",
    "province": "Provincial",
    "district": "District",
    "county": "County",
}


def _the_named_region(clause, doc) -> list[str]:
    """ "480,000 hectares of farmland in the region", says the Haskeld Regional Agriculture Office:
    Haskeld."""
    for token in clause:
        adjective = REGION_ADJECTIVES.get(token.lower_)
        if adjective is None or not any(c.lower_ == "the" for c in token.children):
            continue
        named = re.search(rf"\b((?:[A-Z][\w'’-]+ )+){adjective}\b", doc.text)
        name = named.group(1).removeprefix("The ").strip() if named else ""
        if name:
            return [name]
    return []


def _a_national_body(token, anchor, figure) -> bool:
    """ "national" of what another verb tells ("… as the row reaches the national parliament") or of
    another figure's noun ("against a national standard of 8 minutes"): not the scope of the figure ("the
    national toll rose to 40")."""
    if token.lower_ != "national":
        return False
    # the figure's own number words ("6.8 million") are no other figure
    own = {t.i for t in figure.subtree} | ({figure.head.i} if figure.head.like_num else set())
    other = any(t.like_num and t.i not in own for t in token.head.subtree)
    return other or clause_anchor(token.head, None).i != clause_anchor(anchor, None).i


def _scopes(clause) -> list[str]:
    """The scope a figure is given for without a place name: "nationwide", "across the country",
    "worldwide", "around the world", "abroad"."""
    words = [t.lower_ if t.pos_ != "PROPN" and not t.ent_type_ else "" for t in clause]  # not "National …"
    spans = {" ".join(words[i : i + 3]) for i in range(len(words))}
    scopes = []
    if set(words) & NATIONWIDE or {"across the country", "across the nation"} & spans:
        scopes.append(WHOLE_COUNTRY)
    if set(words) & WORLDWIDE or AROUND_THE_WORLD & spans:
        scopes.append(WHOLE_WORLD)
    if set(words) & ABROAD:
        scopes.append(OUTSIDE_THE_COUNTRY)
    return scopes
