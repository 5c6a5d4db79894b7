"""RAMDocs (Wang et al. 2025, ../shared/eval/ramdocs): questions whose documents conflict, some of them
misinformation; each question answered from its own documents."""

from __future__ import annotations

import dataclasses
import json
import re
import statistics
import time
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from pydantic import BaseModel

from ..citations import strip_citations
from ..claims import extract_claims
from ..errors import InvalidInput
from ..evidence import candidate_sentences, select_evidence
from ..models import Answer, SearchResult
from ..text import sentence_passages, tokenize
from .citing import CitationScore, citation_score, total
from .common import SAMPLE_SEED, OnDone, contains_phrase, rate, seconds_since

if TYPE_CHECKING:
    from ..desk import Desk

RAMDOCS_PUBLISHED = "best plain RAG baseline (Llama-3.3-70B): 32.6% exact match"
DIFFER = re.compile(r"\s*The sources differ on ")
NUMBER_TOKEN = re.compile(r"\d+(?:[.,]\d+)*")


class RamDocument(BaseModel):
    doc_id: str
    title: str
    type: str
    text: str


class RamRow(BaseModel):
    id: str
    question: str
    gold: list[str]
    wrong: list[str]
    has_wrong: bool
    answer: str
    abstained: bool
    model: str
    seconds: float
    all_gold: bool
    no_wrong: bool
    exact: bool
    conflict: bool
    citing: CitationScore


class RamSummary(BaseModel):
    n: int
    all_gold: float
    no_wrong: float
    exact: float
    conflict_reported: float
    with_misinformation: int
    spurious_conflict: float
    spurious_single_answer: float = 0.0  # of questions with one gold answer and no wrong document
    single_answer: int = 0
    support: float = 0.0
    citation_precision: float = 0.0
    abstained: float
    fallback: float
    median_seconds: float


class RamReport(BaseModel):
    command: str
    abstain_gate: bool
    sample_seed: int
    overall: RamSummary
    published: str
    rows: list[RamRow]
    seconds: float


class RamQuestion(BaseModel):
    id: str
    question: str
    documents: list[RamDocument]
    gold_answers: list[str]
    wrong_answers: list[str]


def load_ramdocs(eval_dir: Path) -> list[RamQuestion]:
    path = eval_dir / "ramdocs" / "ramdocs_dev.jsonl"
    try:
        lines = [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    except OSError as exc:
        raise InvalidInput(f"cannot read {path}: {exc.strerror}") from None
    questions = []
    for i, line in enumerate(lines):
        row = json.loads(line)
        documents = [
            RamDocument(doc_id=f"rd{i:03d}_{j}", title=f"document {j + 1}", type=d["type"], text=d["text"])
            for j, d in enumerate(row["documents"])
        ]
        questions.append(
            RamQuestion(
                id=str(i),
                question=row["question"],
                documents=documents,
                gold_answers=row["gold_answers"],
                wrong_answers=row["wrong_answers"],
            )
        )
    return questions


def as_results(question: RamQuestion) -> list[SearchResult]:
    """Each document of the question as if retrieved whole, so evidence selection can read its sentences."""
    return [
        SearchResult(
            doc_id=d.doc_id,
            chunk_id=f"{d.doc_id}:0",
            start=0,
            end=len(d.text),
            text=d.text,
            title=d.title,
            score=0.0,
        )
        for d in question.documents
    ]


def idf_over(texts: Sequence[str]) -> dict[str, float]:
    """BM25 idf over a question's documents, as the pipeline computes it over the whole index."""
    from rank_bm25 import BM25Okapi

    tokenized = [tokenize(t) for t in texts]
    return BM25Okapi(tokenized).idf if any(tokenized) else {}


def answer_ramdocs(desk: Desk, question: RamQuestion) -> Answer:
    """Evidence chosen by the pipeline's scorer among the question's own documents; claims from all of
    their sentences, so a conflict between documents can be reported; every document asked on its own
    (service/crosscheck.py) with its three best sentences."""
    texts = {d.doc_id: d.text for d in question.documents}
    candidates = candidate_sentences(as_results(question))
    idf = idf_over(list(texts.values()))
    evidence = select_evidence(question.question, candidates, desk.embedder, desk.settings, idf)
    passages = [p for d in question.documents for p in sentence_passages(d.doc_id, d.title, d.text)]
    # each document's three best sentences, however weakly they match: the document is asked on its own
    own = desk.settings.model_copy(
        update={"evidence_max": 3, "max_per_document": 3, "evidence_min_score": -1.0}
    )
    by_document = {
        d.doc_id: select_evidence(
            question.question, [c for c in candidates if c[0].doc_id == d.doc_id], desk.embedder, own, idf
        )
        for d in question.documents
    }
    every_document = desk.settings.model_copy(update={"crosscheck_documents": len(question.documents)})
    answerer = dataclasses.replace(desk.answerer, settings=every_document)
    return answerer.answer(
        question.question,
        evidence,
        extract_claims(passages),
        article_text=texts.__getitem__,
        by_document=by_document,
    )


def answer_body(text: str) -> str:
    """The answer without the appended 'The sources differ on …' sentences (which name every value with
    its source, the wrong ones included, on purpose)."""
    return DIFFER.split(text, maxsplit=1)[0]


def key_number(value: str) -> str | None:
    """The longest number in an answer ('3,559 people' → '3559', 'February 8, 1900' → '1900')."""
    numbers = [n.replace(",", "") for n in NUMBER_TOKEN.findall(value)]
    return max(numbers, key=len) if numbers else None


def numbers_in_text(text: str) -> set[str]:
    return {n.replace(",", "").rstrip(".") for n in NUMBER_TOKEN.findall(strip_citations(text))}


def gives(text: str, value: str, numbers_that_count: bool = True) -> bool:
    """The text states the value: its normalized words, or (numbers_that_count) its key number."""
    number = key_number(value) if numbers_that_count else None
    return contains_phrase(text, value) or (number is not None and number in numbers_in_text(text))


def score_ramdocs(answer: Answer, question: RamQuestion) -> dict[str, bool]:
    """all_gold: every gold answer given; no_wrong: no wrong answer given (a wrong answer sharing its key
    number with a gold one must match by words); both judged on the answer body. conflict: the answer
    reports a disagreement naming at least two documents. exact: all_gold and no_wrong."""
    body = "" if answer.abstained else answer_body(answer.answer)
    gold_numbers = {key_number(g) for g in question.gold_answers}
    all_gold = bool(body) and all(gives(body, g) for g in question.gold_answers)
    no_wrong = not any(gives(body, w, key_number(w) not in gold_numbers) for w in question.wrong_answers)
    documents = {c.doc_id for d in answer.disagreements for c in d.claims}
    return {
        "all_gold": all_gold,
        "no_wrong": no_wrong,
        "exact": all_gold and no_wrong,
        "conflict": len(documents) >= 2,
    }


def ramdocs_summary(rows: Sequence[RamRow]) -> RamSummary:
    with_conflict = [r for r in rows if r.has_wrong]
    without = [r for r in rows if not r.has_wrong]
    single = [r for r in without if len(r.gold) == 1]
    citing = total(r.citing for r in rows)
    return RamSummary(
        support=citing.support,
        citation_precision=citing.precision,
        n=len(rows),
        all_gold=rate(r.all_gold for r in rows),
        no_wrong=rate(r.no_wrong for r in rows),
        exact=rate(r.exact for r in rows),
        conflict_reported=rate(r.conflict for r in with_conflict),
        with_misinformation=len(with_conflict),
        spurious_conflict=rate(r.conflict for r in without),
        spurious_single_answer=rate(r.conflict for r in single),
        single_answer=len(single),
        abstained=rate(r.abstained for r in rows),
        fallback=rate(r.model.startswith("extractive fallback") for r in rows),
        median_seconds=round(statistics.median(r.seconds for r in rows), 2) if rows else 0.0,
    )


def evaluate_ramdocs(
    desk: Desk, questions: Sequence[RamQuestion], command: str, on_done: OnDone | None = None
) -> RamReport:
    started = time.perf_counter()
    rows = []
    for question in questions:
        asked = time.perf_counter()
        answer = answer_ramdocs(desk, question)
        rows.append(
            RamRow(
                id=question.id,
                question=question.question,
                gold=question.gold_answers,
                wrong=question.wrong_answers,
                has_wrong=bool(question.wrong_answers),
                answer=answer.answer,
                abstained=answer.abstained,
                model=answer.model,
                seconds=seconds_since(asked),
                **score_ramdocs(answer, question),
                citing=citation_score(answer, desk.vocabulary),
            )
        )
        if on_done:
            on_done(1, len(questions))
    return RamReport(
        command=command,
        abstain_gate=desk.settings.abstain_on_missing_terms,
        sample_seed=SAMPLE_SEED,
        overall=ramdocs_summary(rows),
        published=RAMDOCS_PUBLISHED,
        rows=rows,
        seconds=seconds_since(started),
    )
