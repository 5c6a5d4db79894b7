"""What a question asks for, and whether a sentence holds it.

Types, from the question's opening words (English question grammar, no story vocabulary):
    year      "In what year …", "Which year …"                          a sentence holding a year
    date      "When …", "On what date / day …", "In which month …"      a DATE or TIME entity, or a year
    person    "Who / Whom / Whose …", "What is the name of …"            a PERSON, ORG or NORP entity
    place     "Where …", "In which city / country / town …"              a GPE, LOC or FAC entity
    quantity  "How many / How much / How heavy, large, high … "            a number written in digits
Anything else has no type: any sentence may answer it. A name the question itself uses does not count
as the answer ("Who met Haldor Vik?" is not answered by a sentence naming only Haldor Vik).
"""

from __future__ import annotations

import re
from typing import Literal

from . import nlp
from .citations import numbers_in
from .text import tokenize

Asked = Literal["year", "date", "person", "place", "quantity"]

WH_NOUN = r"(?:in|on|at|by|during|from|since|until)?\s*(?:what|which)\s+(?:\w+\s+)?"
ASKS: list[tuple[re.Pattern, Asked]] = [
    (re.compile(rf"^\s*{WH_NOUN}year\b", re.IGNORECASE), "year"),
    (re.compile(r"^\s*when\b", re.IGNORECASE), "date"),
    (re.compile(rf"^\s*{WH_NOUN}(?:date|day|month)\b", re.IGNORECASE), "date"),
    (re.compile(r"^\s*(?:who|whom|whose)\b", re.IGNORECASE), "person"),
    (re.compile(r"^\s*what\s+(?:is|was|were|are)\s+the\s+names?\s+of\b", re.IGNORECASE), "person"),
    (re.compile(r"^\s*where\b", re.IGNORECASE), "place"),
    (re.compile(rf"^\s*{WH_NOUN}(?:city|town|village|country|region|province|state|place)\b", re.I), "place"),
    (re.compile(r"\bhow\s+(?:many|much|heavy|large|big|high|severe|serious|extensive)\b", re.I), "quantity"),
]
YEAR = re.compile(r"\b(1[5-9]\d\d|20\d\d)s?\b")
LABELS: dict[str, set[str]] = {
    "date": {"DATE", "TIME"},
    "person": {"PERSON", "ORG", "NORP"},
    "place": {"GPE", "LOC", "FAC"},
}
DESCRIBED = {
    "year": "a year",
    "date": "a date",
    "person": "a name",
    "place": "a place",
    "quantity": "a figure",
}


def asked_type(question: str) -> Asked | None:
    """The kind of thing the question asks for, or None (see the module doc)."""
    return next((kind for pattern, kind in ASKS if pattern.search(question)), None)


def names_a_person(sentence: str, question: str = "") -> bool:
    """A PERSON entity the question does not name (preferred over an organisation for "who")."""
    named = question.lower()
    return any(e.label_ == "PERSON" and e.text.lower() not in named for e in nlp.parse_one(sentence).ents)


def holds(sentence: str, kind: Asked | None, question: str = "") -> bool:
    """Whether the sentence holds a thing of that kind that the question does not already name."""
    if kind is None:
        return True
    if kind == "quantity":
        return bool(numbers_in(sentence) - numbers_in(question))
    if kind == "year":
        return bool({y for y in YEAR.findall(sentence)} - set(YEAR.findall(question)))
    named = question.lower()
    entities = [e for e in nlp.parse_one(sentence).ents if e.label_ in LABELS[kind]]
    found = any(e.text.lower() not in named for e in entities)
    return found or (kind == "date" and bool(set(YEAR.findall(sentence)) - set(YEAR.findall(question))))


TYPE_WORDS = frozenset(tokenize("year date day month time name names number amount figure place"))
