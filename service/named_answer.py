"""A "who"/"which" question answered by the name alone, when the model's sentence around the name fails.

Asked "Which company, reported by The Verge and TechCrunch, …, is accused by news publishers …?", a small
model writes the whole question back with the name in it, citing one passage: "Google is at the center
of … as reported by TechCrunch, and is accused … [1]". That sentence pins every clause of the question on
[1], which states one of them, and the support check rightly rejects it (support.unstated_restrictions).
The name can still be the answer the passages give. This module keeps it when the passages that name it
state, between them, what any shown passage states of
  * the question's restrictions (its names, the nouns modifying its nouns: questions.restrictions), and
  * the phrase that defines what is asked ("the Veldarian general commanding the engineers"): a
    passage about some general, when only another passage holds the engineers, does not name their
    commander.
The answer is then "The company is Google [1][2][3]." — the noun the question describes its answer by,
and the name cited to every passage that names it (its article's title counts, as for any citation). A
name the question uses is not an answer, a draft offering two new names is not read as choosing one, and
a question without a describing noun ("Where …?") is left to the other answers.
"""

from __future__ import annotations

from collections.abc import Sequence

from . import nlp
from .citations import CITATION
from .models import Passage
from .questions import WH_OPENING, asked_type, described_token, holds, question_type, restrictions
from .support import content_words, covered, held_words, holds_name, holds_word, labelled, names_in
from .text import stem

NAME_ANSWERED = frozenset({"person", "place", "open"})


def named_answer(question: str, drafts: Sequence[str], evidence: Sequence[Passage]) -> str | None:
    """ "The company is Google [1][3]." from the first draft naming one new thing that the passages naming
    it support as the question's answer (module doc); None when no draft does."""
    if question_type(question) not in NAME_ANSWERED or not WH_OPENING.match(question):
        return None
    described = described_token(nlp.parse_one(question))
    if described is None:
        return None
    defining = " ".join(t.text for t in described.subtree if t.i != described.i)
    for draft in drafts:
        name = new_name(CITATION.sub(" ", draft), question)
        naming = [p for p in evidence if name and holds_name(name, labelled([p]))]
        if name and naming and states_restrictions(question, defining, naming, evidence):
            return f"The {described.lemma_.lower()} is {name} {''.join(f'[{p.n}]' for p in naming)}."
    return None


def new_name(draft: str, question: str) -> str | None:
    """The one name the draft gives that the question does not use, of the kind the question asks for."""
    asked = question.lower()
    names = {n for n in names_in(draft) if n.lower() not in asked and not holds_name(n, question)}
    if len(names) != 1:
        return None
    name = names.pop()
    return name if holds(name, asked_type(question), question) else None


def states_restrictions(
    question: str, defining: str, naming: Sequence[Passage], evidence: Sequence[Passage]
) -> bool:
    """The passages naming the answer state every restriction of the question, and every word of the
    phrase defining what is asked, that a shown passage states."""
    shown, cited = held_words(labelled(evidence)), held_words(labelled(naming))  # (stems, lemmas)
    if not all(covered(stem(w), cited[0]) or not covered(stem(w), shown[0]) for w in restrictions(question)):
        return False
    return all(
        holds_word(s, lemma, cited) or not holds_word(s, lemma, shown)
        for s, lemma, _ in content_words(defining)
    )
