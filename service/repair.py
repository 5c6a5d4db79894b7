"""Repairing an answer's citations: a small model often cites one of the passages a sentence rests on, or
the wrong one; the passages that make the sentence supported (service/support.py) are added."""

from __future__ import annotations

from collections.abc import Sequence

from .citations import CITATION
from .models import Claim, Passage
from .support import REPAIRABLE, SentenceSupport, check_sentence, holds_name, labelled, names_in
from .vocabulary import Vocabulary


def repair(
    text: str,
    checked: Sequence[SentenceSupport],
    passages: Sequence[Passage],
    question: str = "",
    vocabulary: Vocabulary | None = None,
    frame: Claim | None = None,
) -> str:
    """The text with more citations on each unsupported sentence that more passages make fully supported:
    a small model often cites one of the passages a sentence rests on, or the wrong one. Passages are
    tried in order and kept while each leaves less unsaid; the sentence is changed only when it ends up
    supported. A passage added for a question's restriction must name the sentence's answer (a name the
    question does not use), if it has one: joining "Birch" to a span about another general that holds
    "Veldarian" would "support" it."""
    vocabulary = vocabulary or Vocabulary()
    repaired = []
    for support in checked:
        sentence = support.text
        if support.kinds and support.kinds <= REPAIRABLE and support.cites:
            added = _supporting_additions(support, passages, question, vocabulary, frame)
            for n in added or []:
                sentence = add_citation(sentence, n)
        repaired.append(sentence)
    return " ".join(repaired)


def _supporting_additions(
    support: SentenceSupport,
    passages: Sequence[Passage],
    question: str,
    vocabulary: Vocabulary,
    frame: Claim | None,
) -> list[int] | None:
    plain = CITATION.sub(" ", support.text)
    cited = [p for p in passages if p.n in support.cites]
    answers = [n for n in names_in(plain) if n.lower() not in question.lower()]
    added: list[Passage] = []
    unsaid = _unsaid(support.problems)
    for extra in (p for p in passages if p.n not in support.cites):
        if (
            "restriction" in support.kinds
            and answers
            and not any(holds_name(name, labelled([extra])) for name in answers)
        ):
            continue
        problems, _ = check_sentence(plain, [*cited, *added, extra], question, vocabulary, frame, passages)
        left = _unsaid([message for _, message in problems])
        if left < unsaid:
            added.append(extra)
            unsaid = left
        if not problems:
            return [
                p.n for p in _without_redundant(plain, cited, added, question, vocabulary, frame, passages)
            ]
    return None


def _without_redundant(
    sentence: str,
    cited: list[Passage],
    added: list[Passage],
    question: str,
    vocabulary: Vocabulary,
    frame: Claim | None,
    evidence: Sequence[Passage],
) -> list[Passage]:
    """The added passages less those the sentence stays supported without (each citation must count)."""
    kept = list(added)
    for passage in added:
        rest = [p for p in kept if p is not passage]
        if not check_sentence(sentence, [*cited, *rest], question, vocabulary, frame, evidence)[0]:
            kept = rest
    return kept


def _unsaid(problems: Sequence[str]) -> int:
    """How much is unsupported: a problem listing several missing words counts each."""
    return sum(1 + problem.count(",") for problem in problems)


def add_citation(sentence: str, n: int) -> str:
    """ "… occupiers [2]." → "… occupiers [2][5]."; without a mark, before the final stop."""
    marks = list(CITATION.finditer(sentence))
    if marks:
        end = marks[-1].end()
        return f"{sentence[:end]}[{n}]{sentence[end:]}"
    body = sentence.rstrip(".!? ")
    return f"{body} [{n}]{sentence[len(body) :]}"
