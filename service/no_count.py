"""Figures that are no count of anything, told apart before a frame is read: a ranking's step ("fell three
places"), an age ("Tomas Reyl, 52,"), a number that names ("Flight 370", "[40214]"), a ratio ("nine in ten",
"one for every 140"), a projection ("expected to reach 500"); and the part a sentence opens on that is a
count of its own ("Five of them have died")."""

from __future__ import annotations

import re

from .citations import NUMBER_WORD
from .clauses import FORECASTING, REPORTING, lemma
from .events import VALUE_VERBS, is_event_verb
from .figures import Figure
from .thesaurus import is_a_body, is_stative

SUPERLATIVES = frozenset("best worst most least fewest".split())  # tagged NNP in a title-case headline


SCALE_STEPS = frozenset("point notch place position".split())  # "fell 612 points", "climbed three places"
MOVING = frozenset("rise fall climb drop slip slide jump sink tumble plunge gain lose shed add".split())


def is_a_ranking(token) -> bool:
    """ "The 26 best Amazon deals", "14 Best Deals:", "the three largest banks", "the top 10 firms": how
    many a list holds, chosen by rank, not how many of something there are. So is a move along a scale
    ("the index fell 612 points", "ends the day 141 points lower", "climbed three places")."""
    steps = token.head if token.dep_ == "nummod" else None
    moved = steps is not None and (
        steps.dep_ in ("npadvmod", "appos") or (steps.dep_ == "dobj" and lemma(steps.head) in MOVING)
    )
    if moved and lemma(steps) in SCALE_STEPS:
        return True
    doc = token.doc
    after = [t for t in doc[token.i + 1 : token.i + 3] if t.lower_ not in ("absolute", "very")][:1]
    ranked = any(t.tag_ in ("JJS", "RBS") or t.lower_ in SUPERLATIVES for t in after)
    return ranked or (token.i > 0 and doc[token.i - 1].lower_ == "top")


NAME_BEFORE = re.compile(r"\b[A-Z][\w'’.-]*,\s*$")


def is_an_age(sentence: str, figure: Figure, token) -> bool:
    """ "Jaden, 25, and Willow, 22 - …": a small number right after a name and its comma is the person's
    age (the tagger calls some ages dates, others not), not a count."""
    named = NAME_BEFORE.search(sentence[: figure.start]) is not None and token.head.pos_ == "PROPN"
    return named and figure.high < 120 and figure.low == int(figure.low) and token.dep_ != "nummod"


def is_identifier(token) -> bool:
    """A number that names rather than counts: right after a capitalised noun ("InterCity 417", "Flight
    370", "Article 5", "iPhone 14") or after the noun it goes with ("between junctions 14 and 17"); counts
    come before their noun. So does one joined to a noun that says what kind a thing is ("100-dravo notes";
    a group's, "a 3,200-bike fleet", counts its bikes)."""
    unit = token.head if token.dep_ == "nummod" and token.head.i == token.i + 2 else None
    if (
        unit is not None
        and token.nbor().text == "-"
        and unit.dep_ == "compound"
        and not is_a_body(lemma(unit.head))
    ):
        return True  # "counterfeit 100-dravo notes", "a 12-storey tower": its kind, not a count of storeys
    first = token.head if token.dep_ == "conj" and token.head.like_num else token  # "junctions 14 and 17"
    if first.dep_ == "nummod" and first.head.i == first.i - 1 and first.head.pos_ == "NOUN":
        return True  # "junction 14", "gate 12": a number after its noun names it
    before = token.doc[token.i - 1] if token.i else None
    after = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    if before is not None and after is not None and before.text == "[" and after.text == "]":
        return True  # a written question's "[40214]", a footnote's "[3]"
    if before is not None and after is not None and before.tag_ == "NN" and after.text == ":":
        return True  # "Operation Homeward update 4: 16,850 passengers flown home", "Day 3:", "Part 2:"
    return (
        before is not None
        and (before.pos_ in ("NOUN", "PROPN") or _a_capitalised_name_word(before, token))
        and any(c.isupper() for c in before.text)
        and before.ent_type_ not in ("GPE", "LOC", "NORP", "DATE", "TIME")
        and before.whitespace_ != ""
    )


def _a_capitalised_name_word(word, number) -> bool:
    """ "Local 2291", a union branch: the tagger's adjective on the number itself, capitalised though no
    sentence starts there, or before a long number written without its comma (not "Additional 40 …")."""
    unpunctuated = number.text.isdigit() and len(number.text) >= 4
    return word.pos_ == "ADJ" and word.head.i == number.i and (not word.is_sent_start or unpunctuated)


# "nine in ten confirmed cases", "1 in 5 households": a proportion, no count of either (not "12 in 2024",
# "five in 10 minutes"); so is "1 latrine per 86 people", "one for every 140", "3 doctors per 1,000"
_RATIO_TERM = rf"(?:\d[\d,]*|one|{NUMBER_WORD})"
_PER = r"(?:per|for\s+every|to\s+every|for\s+each)"
RATIO_AFTER = re.compile(
    rf"(?:\s+in\s+(?:every\s+)?(?!(?:1[89]|20)\d\d\b){_RATIO_TERM}(?![\w,])"
    r"(?!\s+(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?)\b)"
    rf"|(?:\s+[^\W\d]+){{0,2}}\s+{_PER}\s+{_RATIO_TERM}(?![\w,])"
    r"|(?:\s+[^\W\d]+){1,2}\s+per\s+(?!cent\b)[^\W\d]+)",  # "16 bottles per pharmacy": a rate
    re.IGNORECASE,
)
RATIO_BEFORE = re.compile(rf"(?<![\w,])(?:{_RATIO_TERM}\s+in\s+(?:every\s+)?|{_PER}\s+)$", re.IGNORECASE)


# "produces enough electricity for about 160,000 homes", "enough to power 40,000 homes": a size told as
# what it would serve, not a count of those homes
ENOUGH_BEFORE = re.compile(
    r"\benough(?:\s+[^\W\d]+){0,3}\s+(?:for|to\s+[^\W\d]+)\s+"
    r"(?:(?:about|around|some|nearly|almost|roughly|up\s+to|more\s+than|over)\s+)?$",
    re.IGNORECASE,
)


def in_a_ratio(sentence: str, figure: Figure) -> bool:
    """ "one in 12", "16 bottles per pharmacy", "enough for 160,000 homes": no count of its own."""
    return bool(
        RATIO_AFTER.match(sentence, figure.end)
        or RATIO_BEFORE.search(sentence, max(0, figure.start - 30), figure.start)
        or ENOUGH_BEFORE.search(sentence, max(0, figure.start - 60), figure.start)
    )


def is_projection(token) -> bool:
    """ "could reach 5,000", "may rise to 300", "expects 400,000-plus parcels": a forecast, not a figure
    that holds; "it should say 4,600": words someone would say, not a figure anyone gave; "if every pack
    were refunded, refunds would come to €20m": what would be, were it so; "the 15,000 signatures needed to
    trigger a debate": a threshold."""
    if _required(token):
        return True
    verbs = [t for t in [token, *token.ancestors] if t.pos_ in ("VERB", "AUX")]
    return bool(verbs) and (
        (_modal(verbs[0], ("could", "may", "might")) and not _may_hold(token, verbs[0]))
        or any(lemma(v) in REPORTING and _modal(v, ("should", "would", "could", "might")) for v in verbs)
        or (lemma(verbs[0]) in FORECASTING and "dobj" in (token.dep_, token.head.dep_))
        or _expected_to_reach(verbs[0])
        or (_modal(verbs[0], ("would",)) and _if_clause(verbs[0]))
        or any(c.dep_ == "mark" and c.lower_ == "if" for c in verbs[0].children)  # "if 300 were refunded"
    )


def _may_hold(token, verb) -> bool:
    """ "as many as 480 school buildings may contain the material", "2,000 residents may have been
    exposed": how many an estimate says are so, not a forecast ("could lose their jobs")."""
    noun = token.head if token.dep_ == "nummod" else token
    subject = noun.dep_ in ("nsubj", "nsubjpass") and noun.head.i == verb.i
    perfect = any(c.dep_ == "aux" and lemma(c) == "have" for c in verb.children)
    return subject and (perfect or is_stative(lemma(verb)))


def _expected_to_reach(verb) -> bool:
    """ "expects the running total to reach 400,000": what someone expects a count to come to."""
    clause = verb.dep_ in ("ccomp", "xcomp") and lemma(verb) in VALUE_VERBS
    return clause and lemma(verb.head) in FORECASTING


def _required(token) -> bool:
    noun = token.head if token.dep_ == "nummod" else token
    return any(c.dep_ == "acl" and c.tag_ == "VBN" and lemma(c) in ("need", "require") for c in noun.children)


def _modal(verb, words: tuple[str, ...]) -> bool:
    return any(c.dep_ == "aux" and c.tag_ == "MD" and c.lower_ in words for c in verb.children)


def _if_clause(verb) -> bool:
    return any(c.dep_ == "advcl" and any(m.lower_ == "if" for m in c.children) for c in verb.children)


def _said_of_the_verb(word, verb) -> bool:
    """A word of a phrase that tells when or how of the verb ("As of Sunday", "By Friday")."""
    return any(a.head == verb and a.dep_ in ("prep", "advmod", "npadvmod") for a in [word, *word.ancestors])


def befalls_a_part(token) -> bool:
    """ "Seven people have been confirmed with the disease. Five of them have died" (or "The ministry says
    five of them have died"): what befell the part a clause opens on is a count of its own (not "17 of
    those deaths were in the city", "Twelve of them were children", "six were injured, two of whom were
    taken to hospital")."""
    verb = token.head
    # after a speaker's name, a quote; after when ("As of Sunday, 29 of them had needed surgery")
    opens = all(t.is_space or t.is_punct or _said_of_the_verb(t, verb) for t in token.doc[: token.i])
    first = token.i == min(t.i for t in verb.subtree)
    opens = opens or (
        first and (verb.dep_ == "ccomp" or (verb.dep_ == "conj" and _counted_subject(verb.head)))
    )
    opens = opens and token.i + 2 < len(token.doc) and token.doc[token.i + 2].lower_ == "them"
    if not opens or token.dep_ not in ("nsubj", "nsubjpass") or not is_event_verb(verb):
        return False
    return lemma(verb) not in {"be", "remain", "have", "include"} | VALUE_VERBS


def _counted_subject(verb) -> bool:
    """ "1,240 patients received a wrong result, and 312 of them …": the whole is what the clause before
    is about (not "Harrowmere General had 41,300 patients …, and 2,740 of them …": one holder's part)."""
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return subject is not None and any(c.like_num for c in subject.children)
