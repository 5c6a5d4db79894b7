"""Citation support of answers, scored as ALCE does (Gao et al. 2023, "Enabling Large Language Models to
Generate Text with Citations"), with newsdesk's own support check (service/support.py) in place of ALCE's
NLI model:
  * support (ALCE's citation recall): the share of answer sentences the check passes against everything
    they cite; a sentence that cites nothing (and borrows nothing from its neighbours) fails;
  * citation precision: the share of citations that are relevant: the sentence is supported, and the
    citation supports it alone or removing it breaks the support (ALCE: a citation is irrelevant when it
    cannot support the sentence alone and the others still support it without it).
A sentence listing what each source says ("The sources differ on …: 10,000 [1]; 11,000 [2].") is checked
item by item against each item's own citations (support.check_listing), and its citations are relevant
when it passes. Abstentions have no sentences and are not scored. The answer's own verification runs the
same check on the model's text; this scores what the user finally gets (fallbacks, majority sentences,
repairs and disagreement sentences included).
"""

from __future__ import annotations

from collections.abc import Iterable

from pydantic import BaseModel

from ..asked import question_frame
from ..citations import CITATION
from ..models import Answer, Claim, Passage
from ..support import LISTING, check_sentence, check_text
from ..vocabulary import Vocabulary


class CitationScore(BaseModel):
    sentences: int = 0
    supported: int = 0
    citations: int = 0
    relevant: int = 0

    @property
    def support(self) -> float:
        return round(self.supported / self.sentences, 4) if self.sentences else 0.0

    @property
    def precision(self) -> float:
        return round(self.relevant / self.citations, 4) if self.citations else 0.0


def total(scores: Iterable[CitationScore]) -> CitationScore:
    summed = CitationScore()
    for score in scores:
        summed.sentences += score.sentences
        summed.supported += score.supported
        summed.citations += score.citations
        summed.relevant += score.relevant
    return summed


def citation_score(answer: Answer, vocabulary: Vocabulary | None = None) -> CitationScore:
    """The answer's sentences and citations, counted as the module doc says."""
    if answer.abstained:
        return CitationScore()
    vocabulary = vocabulary or Vocabulary()
    frame = question_frame(answer.question)
    passages = {c.n: Passage(**c.model_dump()) for c in answer.citations}
    score = CitationScore()
    for checked in check_text(answer.answer, list(passages.values()), answer.question, vocabulary, frame):
        score.sentences += 1
        score.supported += checked.ok
        sentence = CITATION.sub(" ", checked.text)
        cited = [passages[n] for n in checked.cites if n in passages]
        score.citations += len(checked.cites)
        if checked.ok and LISTING.match(checked.text.strip()):
            score.relevant += len(cited)  # each item was checked against its own citations
        elif checked.ok:
            score.relevant += sum(
                _relevant(sentence, p, cited, answer.question, vocabulary, frame) for p in cited
            )
    return score


def _relevant(
    sentence: str,
    passage: Passage,
    cited: list[Passage],
    question: str,
    vocabulary: Vocabulary,
    frame: Claim | None,
) -> bool:
    def supports(passages: list[Passage]) -> bool:
        return (
            bool(passages) and not check_sentence(sentence, passages, question, vocabulary, frame, cited)[0]
        )

    return supports([passage]) or not supports([p for p in cited if p is not passage])
