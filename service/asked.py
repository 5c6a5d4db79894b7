"""What a "how many" question asks for, as a claim frame of its own (service/claims.py has the frame): the
counted noun, its event, its place and date, read off the question's parse the way figures' frames are
read off their sentences, so the two can be compared (service/disagreements.about_question)."""

from __future__ import annotations

from . import nlp
from .claims import open_container, partitive_whole
from .clauses import CONTAINERS, GENERIC_NOUNS, clause_anchor, lemma, noun_key, places_of
from .events import event_key, event_of
from .models import Claim


def question_frame(question: str) -> Claim | None:
    """The frame of a "how many / how much" question ("How many people died in Marrowby?" → people, die,
    Marrowby), or of a question about a number or toll; None when it asks for no figure."""
    doc = nlp.parse_one(question)
    asked = next(
        (t for t in doc if t.lower_ in ("many", "much") and t.i and doc[t.i - 1].lower_ == "how"), None
    )
    if asked is not None:
        noun = asked.head if asked.head.pos_ in ("NOUN", "PROPN") else partitive_whole(asked)
        anchor_token = noun if noun is not None else asked
    else:
        noun = next((t for t in doc if t.lemma_.lower() in CONTAINERS and t.pos_ == "NOUN"), None)
        if noun is None:
            return None
        anchor_token = noun
    event = None
    if noun is not None and noun.lemma_.lower() in CONTAINERS:
        noun, event = open_container(noun)
    date = next((nlp.resolve_date(e.text, None) for e in doc.ents if e.label_ == "DATE"), None)
    if event is None:
        event = event_of(noun if noun is not None else anchor_token.head)
    anchor = clause_anchor(anchor_token, noun)
    places, containers = places_of(anchor, noun, anchor_token, doc)
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
    )
