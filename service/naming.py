"""How a sentence names a teller: the PERSON or ORG that heads a phrase, else the phrase itself; for a
speaker ("a spokesperson for the health ministry") or a publication ("figures released by the ministry",
"its bulletin"), the body behind it; a named person of a body ("Commander Tomas Arvedal of the National
Police") is the body. Who the teller is, is service/sources.py; one teller under its names, tellers.py.
"""

from __future__ import annotations

import re

from .clauses import PRONOUNS, PUBLISHED, lemma
from .text import bare_name

TIME_OF_DAY = re.compile(r"\d{1,2}[:.]\d{2}")  # a live blog's "11:10 - Damaro confirms …" is no name
SOURCE_LABELS = frozenset({"PERSON", "ORG", "NORP", "GPE"})
OWNERS = {"its": "it", "their": "they", "his": "he", "her": "she"}  # who "it" stands for, told before


def agent(verb):
    """Who did what a passive verb tells: "by Pollstar" (not "by this morning": when)."""
    by = next((c for c in verb.children if c.dep_ == "agent"), None)
    doer = next((c for c in by.children if c.dep_ == "pobj"), None) if by is not None else None
    return None if doer is None or doer.ent_type_ in ("DATE", "TIME") else doer


BODY_BEHIND = re.compile(
    r"^(?:an?\s+|the\s+)?\w*\s*(?:spokes(?:person|man|woman)|officials?|figures?|data|statistics|numbers?"
    r"|estimates?|counts?)\s+(?:(?:released|published|issued|given)\s+by|from|for|at)\s+(?P<body>.+)$",
    re.I,
)
# who speaks for a body ("a spokesperson for the health ministry", "officials at the regional hospital"),
# and what a body publishes ("figures released by the ministry", "data from the agency"): the body says so
SPEAKERS = frozenset(
    """spokesperson spokesman spokeswoman official representative head chief director minister secretary
    chairman chairwoman chair president leader""".split()
)


def body_behind(phrase_head):
    """The body a speaker speaks for, or a publication comes from, else None."""
    if phrase_head.ent_type_ or lemma(phrase_head) not in SPEAKERS | PUBLISHED:
        return None
    for child in phrase_head.children:
        if child.dep_ == "prep" and child.lower_ in ("for", "of", "at", "from"):
            return next((c for c in child.children if c.dep_ == "pobj"), None)
        if child.dep_ == "acl" and lemma(phrase_head) in PUBLISHED:  # "figures released by the ministry"
            return agent(child)
        if (
            child.dep_ == "poss"
            and lemma(phrase_head) in PUBLISHED
            and (child.pos_ != "PRON" or child.lower_ in OWNERS)
        ):
            return child  # "the health authority's latest bulletin", "its bulletin"
    return None


def _body_of_person(person):
    """The body a named person is "of" ("… of the customs directorate"), not a place they are from, or
    whose speaker they are ("Dr Ines Vantreight, the authority's director of public health")."""
    for prep in (c for c in person.children if c.dep_ == "prep" and c.lower_ == "of"):
        body = next((c for c in prep.children if c.dep_ == "pobj"), None)
        if body is not None and body.ent_type_ not in ("GPE", "LOC", "NORP", "PERSON"):
            return body
    for role in (c for c in person.children if c.dep_ == "appos" and lemma(c) in SPEAKERS):
        owner = next((c for c in role.children if c.dep_ == "poss" and c.pos_ != "PRON"), None)
        if owner is not None and owner.ent_type_ not in ("GPE", "LOC", "NORP", "PERSON"):
            return owner
    return None


def name_in(phrase_head) -> str | None:
    """The PERSON or ORG that heads a phrase (the last, most specific one: an acronym in apposition), else
    the phrase without its determiner, at most six words; for a speaker or a publication, the body behind
    it."""
    if (body := body_behind(phrase_head)) is not None:
        return OWNERS.get(body.lower_) or name_in(body)  # "its daily bulletin": who "it" is, told before
    subtree = list(phrase_head.subtree)
    ents = [e for e in phrase_head.doc.ents if e.start >= subtree[0].i and e.end <= subtree[-1].i + 1]
    # the name that heads the phrase; one that only qualifies it is not the source: "Haldora's regional
    # health authority", "a Torvane spokesman" are read whole
    heads = [phrase_head, *(c for c in phrase_head.children if c.dep_ == "appos")]  # "… Agency (NEA)"
    heading = [e for e in ents if any(e.start <= h.i < e.end for h in heads)]
    named = [e for e in heading if e.label_ in ("PERSON", "ORG")] or [
        e for e in heading if e.label_ in SOURCE_LABELS
    ]
    person = named[-1].label_ == "PERSON" if named else phrase_head.pos_ == "PROPN"  # the tagger may miss one
    if person and (body := _body_of_person(phrase_head)) is not None:
        return name_in(body)  # "Commander Tomas Arvedal of the National Police": the police say so
    if named:
        return bare_name(named[-1].text)
    words = [
        t.text
        for t in phrase_head.doc[phrase_head.left_edge.i : phrase_head.i + 1]
        if t.dep_ not in ("det", "case") and not (t.is_punct or t.is_space or TIME_OF_DAY.fullmatch(t.text))
    ]
    if not words or phrase_head.lower_ in PRONOUNS:
        return None
    return " ".join(words[-6:])
