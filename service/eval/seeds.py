"""The gold questions on the seeds (../shared/eval/questions.json): each answer scored on its text, the
documents it cites, exact quotes, abstention, and the disagreements it reports."""

from __future__ import annotations

import json
import re
import statistics
from collections.abc import Callable, Iterable
from pathlib import Path

from pydantic import BaseModel, Field

from ..errors import InvalidInput
from ..models import Answer
from ..vocabulary import Vocabulary
from .citing import CitationScore, citation_score, total
from .common import digits

CHECKS = ("answer", "source", "quotes", "abstention", "disagreement")


class GoldQuestion(BaseModel):
    id: str
    kind: str
    question: str
    patterns: list[str]
    cite: list[str]
    disagreement: bool = False
    values: list[str] = []


class QuestionScore(BaseModel):
    id: str
    question: str
    answer: str
    cited: list[str]
    abstained: bool
    checks: dict[str, bool]
    citing: CitationScore
    seconds: float


class EvalReport(BaseModel):
    command: str
    questions: list[QuestionScore]
    totals: dict[str, float]
    citing: CitationScore = Field(
        description="Answer sentences supported, citations relevant (eval/citing.py)."
    )
    median_seconds: float


def load_questions(path: Path) -> list[GoldQuestion]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise InvalidInput(f"cannot read the questions file {path}: {exc.strerror}") from None
    return [GoldQuestion(**q) for q in data["questions"]]


def score(gold: GoldQuestion, answer: Answer, article_text: Callable[[str], str]) -> dict[str, bool]:
    text = answer.answer
    cited = {c.doc_id for c in answer.citations}
    reported = {digits(claim.value) for d in answer.disagreements for claim in d.claims}
    return {
        "answer": any(re.search(p, text, re.IGNORECASE) for p in gold.patterns),
        "source": bool(cited & set(gold.cite)) if gold.cite else not cited,
        "quotes": all(article_text(c.doc_id)[c.start : c.end] == c.quote for c in answer.citations),
        "abstention": answer.abstained == (gold.kind == "unanswerable"),
        "disagreement": (
            bool(answer.disagreements) and all(digits(v) in reported for v in gold.values)
            if gold.disagreement
            else True
        ),
    }


def run(
    questions: Iterable[GoldQuestion],
    ask: Callable[[str], Answer],
    article_text: Callable[[str], str],
    command: str,
    on_done: Callable[[QuestionScore], None] | None = None,
    vocabulary: Vocabulary | None = None,
) -> EvalReport:
    scores = []
    for gold in questions:
        answer = ask(gold.question)
        result = QuestionScore(
            id=gold.id,
            question=gold.question,
            answer=answer.answer,
            abstained=answer.abstained,
            cited=sorted({c.doc_id for c in answer.citations}),
            checks=score(gold, answer, article_text),
            citing=citation_score(answer, vocabulary),
            seconds=answer.timings_ms.get("total", 0) / 1000,
        )
        scores.append(result)
        if on_done:
            on_done(result)
    totals = {check: sum(s.checks[check] for s in scores) / max(1, len(scores)) for check in CHECKS}
    median = statistics.median(s.seconds for s in scores) if scores else 0.0
    citing = total(s.citing for s in scores)
    totals |= {"support": citing.support, "citation precision": citing.precision}
    return EvalReport(command=command, questions=scores, totals=totals, citing=citing, median_seconds=median)
