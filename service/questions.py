"""What a question asks for, and whether a sentence holds it.

Types, from the question's opening words (English question grammar, no story vocabulary):
    year      "In what year …", "Which year …"                          a sentence holding a year
    date      "When …", "On what date / day …", "In which month …"      a DATE or TIME entity, or a year
    person    "Who / Whom / Whose …", "What is the name of …"            a PERSON, ORG or NORP entity
    place     "Where …", "In which city / country / town …"              a GPE, LOC or FAC entity
    quantity  "How many / How much / How heavy, large, high … "            a number written in digits
Anything else has no type: any sentence may answer it. A name the question itself uses does not count
as the answer ("Who met Haldor Vik?" is not answered by a sentence naming only Haldor Vik).

`question_type` routes a question to its prompt and answer shape (service/verdicts.py for the first four):
    order       "Was X reported before or after Y?", "Which report came first?"   dates compared in code
    temporal    a yes/no question about reports at different times ("After …, did …", "… changed …")
    comparison  a yes/no question setting two sources or things side by side ("… while …", "both …")
    yes_no      any other question opening with an auxiliary verb ("Has …", "Did …")
    and the types above (quantity, year, date, person, place), else "open".
A yes/no question that offers two opposites ("consistent or inconsistent", "agree or disagree") is answered
with one of them (`options`).
"""

from __future__ import annotations

import re
from typing import Literal

from . import nlp
from .citations import numbers_in, numbers_written
from .clauses import CALENDAR
from .text import STOPWORDS, stem, tokenize

Asked = Literal["year", "date", "person", "place", "quantity"]
QuestionType = Literal[
    "order", "temporal", "comparison", "yes_no", "year", "date", "person", "place", "quantity", "open"
]
VERDICT_TYPES = frozenset({"temporal", "comparison", "yes_no"})

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


AUXILIARY = r"(?:is|are|was|were|do|does|did|has|have|had|can|could|will|would|should|may|might|must)"
# "Did …?", and after an opening phrase: "After the report on 1 May, did …?", "Between A and B, was …?"
YES_NO_FORM = re.compile(rf"^\s*(?:[^?]{{0,500}}?,[\'’\"”]?\s*)?{AUXILIARY}\b(?!\s*,)", re.IGNORECASE)
WH_OPENING = re.compile(r"^\s*(?:what|which|who|whom|whose|when|where|why|how)\b", re.IGNORECASE)
# "Based on the two reports, which feature, named by one letter, was…": a question word before the verb
WH_WORD = re.compile(r"\b(?:what|which|who|whom|whose|why|how)\b", re.IGNORECASE)
ORDERING = re.compile(
    r"\b(?:before or after|after or before)\b"
    r"|\b(?:which|who|what)\b[^?]{0,150}\b(?:came|come|happened|occurred|published|reported|announced|"
    r"released)\b[^?]{0,60}\b(?:first|earlier|earliest|sooner|later|latest|last|more recently)"
    r"\s*(?:[?,]|$|or\b)",
    re.IGNORECASE,
)
OVER_TIME = re.compile(
    r"\b(?:before|after|earlier|later|subsequent(?:ly)?|prior|since|previous(?:ly)?|then|now|still|"
    r"change[sd]?|changing|remain(?:s|ed)?|shift(?:ed)?|over time|between\b.{1,300}\band)\b",
    re.IGNORECASE,
)
SIDE_BY_SIDE = re.compile(
    r"\b(?:while|whereas|both|compared?|comparison|same|similar(?:ly)?|different(?:ly)?|differ(?:s|ed)?|"
    r"consistent|inconsistent|agree[sd]?|disagree[sd]?|align(?:s|ed)?|than|contrast|as well as|also|"
    r"either|neither)\b",
    re.IGNORECASE,
)
OPPOSITES = {
    frozenset(pair)
    for pair in [
        ("before", "after"),
        ("earlier", "later"),
        ("more", "less"),
        ("higher", "lower"),
        ("same", "different"),
        ("increase", "decrease"),
        ("increased", "decreased"),
        ("rise", "fall"),
        ("similar", "different"),
        ("consistent", "changed"),
        ("positive", "negative"),
        ("true", "false"),
        ("support", "oppose"),
    ]
}
ALTERNATIVES = re.compile(r"\b([a-z]+(?:-[a-z]+)?) or ([a-z]+(?:-[a-z]+)?)\b", re.IGNORECASE)


def question_type(question: str) -> QuestionType:
    """The question's type (module doc), from its wording alone."""
    if ORDERING.search(question):
        return "order"
    yes_no = YES_NO_FORM.match(question)
    if yes_no and not WH_OPENING.match(question) and not WH_WORD.search(question[: yes_no.end()]):
        if OVER_TIME.search(question):
            return "temporal"
        return "comparison" if SIDE_BY_SIDE.search(question) else "yes_no"
    return asked_type(question) or "open"


def options(question: str) -> list[str]:
    """The two opposites a yes/no question offers ("consistent or inconsistent", "agree or disagree",
    "before or after"), lower case; [] when it offers none."""
    for first, second in ALTERNATIVES.findall(question):
        a, b = first.lower(), second.lower()
        negated = any(
            b == prefix + a or a == prefix + b for prefix in ("in", "un", "dis", "non-", "non", "im")
        )
        if negated or frozenset((a, b)) in OPPOSITES:
            return [a, b]
    return []


# "inconsistent", "inconsistency", "dissimilar", "disagreed": a relation negated by its prefix
NEGATED_RELATION = re.compile(r"\b(?:in(?=consisten)|dis(?=similar|agree))([a-z]+)\b", re.IGNORECASE)


def positive_form(question: str) -> tuple[str, bool]:
    """(the question asked of the relation it negates, whether it negated one): "Was there inconsistency
    in the portrayal?" → ("Was there consistency in the portrayal?", True). A small model reads a relation
    negated by its prefix as the relation itself (MultiHop-RAG gold sample: "yes" to all three "was there
    inconsistency" questions whose facts agree), so it is asked the positive and code turns its verdict
    over. A question offering both ("consistent or inconsistent"), or negating twice, is left as it is."""
    if options(question) or len(NEGATED_RELATION.findall(question)) != 1:
        return question, False
    return NEGATED_RELATION.sub(r"\1", question), True


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
    doc = nlp.parse_one(sentence)
    entities = [e for e in doc.ents if e.label_ in LABELS[kind]]
    found = any(e.text.lower() not in named for e in entities)
    if kind == "person" and not found:  # the tagger misses names it has not seen: "Altman is …"
        found = any(t.pos_ == "PROPN" and not t.ent_type_ and t.lower_ not in named for t in doc)
    return found or (kind == "date" and bool(set(YEAR.findall(sentence)) - set(YEAR.findall(question))))


TYPE_WORDS = frozenset(tokenize("year date day month time name names number amount figure place"))


# --- what restricts the answer --------------------------------------------------------------------

QUESTION_OPENERS = {
    "how",
    "what",
    "which",
    "who",
    "whom",
    "when",
    "where",
    "why",
    "did",
    "does",
    "do",
    "is",
    "are",
    "was",
    "were",
    "has",
    "have",
    "according",
    "in",
    "on",
}


def restrictions(question: str, doc=None) -> list[str]:
    """The question's names (proper nouns, named entities) and the nouns that modify a noun ("the cholera
    outbreak", "the communications minister"), lower case, except the phrase naming what is asked ("which
    Norrevian general", "what setting"). Plain nouns and adjectives are left out: questions paraphrase them
    ("losses" for "killed or wounded", "legal scrutiny" for "trial")."""
    doc = doc if doc is not None else nlp.parse_one(question)
    asked = _asked_phrase(doc)
    typed = asked_type(question) is not None  # "Which company…", "Does the article…": paraphrase-prone
    counting = any(t.lower_ in ("many", "much") for t in doc)
    words = [
        t.text.lower()
        for t in doc
        if _restricts(t, typed, counting) and t.i > 0 and t.i not in asked and not t.is_stop and t.is_alpha
    ]
    skip = QUESTION_OPENERS | CALENDAR | STOPWORDS
    return list(dict.fromkeys(w for w in words if w not in skip and stem(w) not in TYPE_WORDS))


NUMERIC_ENTITIES = frozenset("DATE TIME CARDINAL PERCENT MONEY QUANTITY ORDINAL".split())  # figures' rules


def name_runs(question: str) -> list[list[str]]:
    """The question's multi-word names, lower case, word by word: [["andy", "murray"]]."""
    runs: list[list[str]] = [[]]
    for token in nlp.parse_one(question):
        if token.pos_ == "PROPN" and token.is_alpha:
            runs[-1].append(token.lower_)
        elif runs[-1]:
            runs.append([])
    return [run for run in runs if len(run) > 1]


def _restricts(token, typed: bool, counting: bool) -> bool:
    """A name; in a typed question (questions.py) also a noun modifying a noun, and in a "how many"
    question the object of a preposition on its verb ("died in the outbreak")."""
    named = token.pos_ == "PROPN" or (token.ent_type_ and token.ent_type_ not in NUMERIC_ENTITIES)
    if named:
        return True
    if not typed:
        return False
    return (token.dep_ == "compound" and token.pos_ == "NOUN") or (counting and _on_its_verb(token))


def _on_its_verb(token) -> bool:
    on_verb = (
        token.dep_ == "pobj"
        and token.head.dep_ in ("prep", "agent")
        and token.head.head.pos_ in ("VERB", "AUX")
    )
    return on_verb and token.pos_ == "NOUN"


def _asked_phrase(doc) -> set[int]:
    """Token indices of "what/which/whose [modifiers] noun" phrases: the words right after the wh-word
    while they are adjectives or nouns (read from the tags, not the parse, which trips on invented names)."""
    asked: set[int] = set()
    for token in doc:
        if token.lower_ in ("what", "which", "whose"):
            for word in doc[token.i + 1 :]:
                if word.pos_ not in ("ADJ", "NOUN", "PROPN"):
                    break
                asked.add(word.i)
    return asked


def described_noun(question: str) -> str | None:
    """The noun a who/which question describes its answer by, lemmatized: "Who is the individual …" →
    individual; "What is the name of the general …" → general; "Which company …" → company."""
    token = described_token(nlp.parse_one(question))
    return token.lemma_.lower() if token is not None else None


def described_token(doc):
    """The token of the noun a who/which question describes its answer by (described_noun), or None."""
    for token in doc:
        if token.lemma_.lower() == "name" and token.pos_ == "NOUN":
            for prep in (c for c in token.children if c.dep_ == "prep" and c.lower_ == "of"):
                return next((c for c in prep.children if c.pos_ == "NOUN"), None)
        if token.lower_ in ("which", "what") and token.i + 1 < len(doc) and doc[token.i + 1].pos_ == "NOUN":
            return doc[token.i + 1]
    words = [t.lower_ for t in doc[:3]]
    if words[:1] in (["who"], ["whom"]) and words[1:2] in (["is"], ["was"]) and words[2:] in (["the"], ["a"]):
        described = doc[2].head  # what "the" determines (the tagger calls "individual" an adjective)
        return described if described.pos_ in ("NOUN", "ADJ") else None
    return None


YES_NO = re.compile(r"^\W*(?:is|are|was|were|did|does|do|has|have|had|can|could|will|would|should)\b", re.I)
CHOICE = re.compile(r"\b(?:or|either)\b", re.I)


def premises(sentence: str, question: str) -> dict[str, str]:
    """{written: number} the sentence restates from the question with the word after it ("closely followed
    by three other teams" for "… followed by three other teams?"): the reader's premises, as its words
    are. None in a yes/no question or one that may offer a choice ("40 or 50?"): the figure is what it
    asks."""
    if not question or YES_NO.match(question) or CHOICE.search(question):
        return {}
    asked = " ".join(question.lower().split())
    return {
        written: number
        for number, written in numbers_written(sentence).items()
        if any(
            " ".join(m.group(0).lower().split()) in asked
            for m in re.finditer(rf"(?<![\w.,]){re.escape(written)}\s+[^\W\d]+", sentence)
        )
    }
