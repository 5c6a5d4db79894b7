"""Whose a counted group is, or by whom what befell it was done (service/claims.py's `whose`): "200 Russian
soldiers" and "150 Ukrainian soldiers", or "the Civic Union won 41 seats" and "Labour won 38": two sides'
counts are never one count."""

from __future__ import annotations

from .clauses import lemma, object_of
from .events import COUNTING
from .nlp import entity_of
from .text import bare_name
from .thesaurus import is_a_happening

AFFILIATIONS = frozenset({"NORP", "ORG", "PERSON"})  # a group's side; a place (GPE) is a frame's place
ACTORS = AFFILIATIONS | {"GPE"}  # "Russia lost 600 soldiers": a country as the doer


def whose(noun, event, figure=None) -> str | None:
    """The name that says whose the counted group is ("200 Russian soldiers", "Hamas fighters"), else
    "by" the named doer of what happened to it ("by Civic Union" for "the Civic Union won 41 seats"):
    two sides' counts are never one count. None when no name says."""
    if noun is not None:
        for child in noun.children:
            named = child.ent_type_ in AFFILIATIONS and not _capitalised_first(child)
            if child.dep_ in ("amod", "compound", "poss") and named:
                return _entity_text(child)
    if event is None or lemma(event) in COUNTING:
        return None  # "the IODP counted 3,050 arrivals": who counts says so, and did not do it
    objects = [t for t in (noun, figure) if t is not None and t.doc is event.doc]
    if not any((verb := object_of(t)) is not None and verb.i == event.i for t in objects):
        return None
    doer = next((c for c in event.children if c.dep_ == "nsubj"), None)
    if doer is not None and doer.lower_ in ("who", "which", "that") and event.dep_ == "relcl":
        doer = event.head  # "the Civic Union, which won 41 seats"
    if doer is None:
        return None
    if doer.ent_type_ in ACTORS:
        return f"by {_entity_text(doer)}"
    if (owner := _owner_of_its(doer)) is not None:
        return f"by {_entity_text(owner)}"
    side = next(
        (c for c in doer.children if c.dep_ in ("amod", "compound") and c.ent_type_ in AFFILIATIONS), None
    )
    return f"by {_entity_text(side)}" if side is not None else None  # "Ukrainian forces killed 200"


def _owner_of_its(doer):
    """ "The Partnership said its five hospitals had treated 96 people": the named speaker "its" stands for
    (the subject of a clause the doer's is told in)."""
    if not any(c.dep_ == "poss" and c.lower_ in ("its", "their") for c in doer.children):
        return None
    for verb in doer.head.ancestors:
        speaker = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if speaker is not None:
            return speaker if speaker.ent_type_ in AFFILIATIONS else None
    return None


def _entity_text(token) -> str:
    span = entity_of(token)
    text = span.text if span is not None else token.text
    return bare_name(text)


def _capitalised_first(token) -> bool:
    """ "Cholera deaths climb to 24": a sentence's first word, which the tagger may take for a name, that
    names what befell the group (not "Hamas fighters", "Labour voters": a group)."""
    if token.i != token.sent.start:
        return False
    whole = entity_of(token)
    return (whole is None or len(whole) == 1) and is_a_happening(token.lower_)
