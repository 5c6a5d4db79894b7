"""MultiHop-RAG (Tang & Yang 2024, ../shared/eval/multihop): retrieval over the pool of gold evidence facts,
answers from gold evidence, and a sample through the full pipeline."""

from __future__ import annotations

import hashlib
import re
import statistics
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from pydantic import BaseModel

from ..articles import chunk_article, make_article
from ..claims import extract_claims
from ..indexing import write_articles
from ..models import Answer, Passage, ProgressHook
from ..settings import Settings
from ..text import STOPWORDS
from ..vocabulary import Vocabulary
from .citing import CitationScore, citation_score, total
from .common import SAMPLE_SEED, OnDone, contains_phrase, load_json, normalize, rate, seconds_since

if TYPE_CHECKING:
    from ..desk import Desk

NULL_TYPE = "null_query"
INSUFFICIENT = "Insufficient information."
# Published (Tang & Yang 2024), over chunks of the 609 full articles, as far as they could be checked:
MULTIHOP_PAPER_RETRIEVAL = {
    "setting": "best embedding model + bge-reranker-large, chunks of 609 articles (paper's best row)",
    "Hits@4": 0.6625,
    "Hits@10": 0.7467,
    "MRR@10": 0.586,
}
MULTIHOP_PAPER_ANSWERS = {
    "gold": "gold evidence: GPT-4 0.89 accuracy; open 70B models at most 0.36",
    "pipeline": "retrieved chunks: GPT-4 0.56 accuracy",
}


class Fact(BaseModel):
    doc_id: str
    text: str
    title: str
    source: str  # the outlet
    url: str = ""
    published: str | None = None  # ISO date


class IndexedFacts(BaseModel):
    facts: int
    indexed: int
    unchanged: int


class RankingRow(BaseModel):
    id: str
    type: str
    rank: int | None
    ap: float


class RetrievalReport(BaseModel):
    command: str
    setting: str
    queries: int
    scored: int
    excluded_null: int
    k: int
    index: IndexedFacts
    overall: dict[str, float]
    by_type: dict[str, dict[str, float]]
    paper: dict[str, str | float]
    rows: list[RankingRow]
    seconds: float


class AnswerRow(BaseModel):
    id: str
    type: str
    question: str
    gold: str
    answer: str
    abstained: bool
    model: str
    seconds: float
    accuracy: bool
    exact: bool
    citing: CitationScore


class AnswerSummary(BaseModel):
    n: int
    accuracy: float
    exact: float
    abstained: float
    fallback: float
    support: float
    citation_precision: float
    median_seconds: float


class AnswerReport(BaseModel):
    command: str
    mode: str
    abstain_gate: bool
    sample_seed: int
    overall: AnswerSummary
    by_type: dict[str, AnswerSummary]
    paper: str
    rows: list[AnswerRow]
    seconds: float


class MultiHopQuery(BaseModel):
    id: str
    question: str
    type: str
    answer: str
    facts: list[Fact]


def fact_id(text: str) -> str:
    return "mh_" + hashlib.sha1(text.encode("utf-8")).hexdigest()[:16]


def load_multihop(eval_dir: Path) -> list[MultiHopQuery]:
    folder = eval_dir / "multihop"
    queries = load_json(folder / "queries.json")["queries"]
    truth = load_json(folder / "ground_truth.json")
    return [
        MultiHopQuery(
            id=q["id"],
            question=q["question"],
            type=q["question_type"],
            answer=truth[q["id"]]["answer"],
            facts=[
                Fact(
                    doc_id=fact_id(e["fact"]),
                    text=e["fact"],
                    title=e["title"],
                    source=e["source"],
                    url=e["url"],
                    published=e["published_at"][:10] or None,
                )
                for e in truth[q["id"]]["evidence_list"]
            ],
        )
        for q in queries
    ]


def fact_pool(queries: Sequence[MultiHopQuery]) -> list[Fact]:
    """Every gold evidence fact once (by text), in order of first use."""
    return list({fact.doc_id: fact for q in queries for fact in q.facts}.values())


def multihop_settings(settings: Settings) -> Settings:
    """The fact pool lives in its own folder and collection, never mixed with the user's articles."""
    return settings.model_copy(
        update={"index_dir": settings.index_dir / "multihop", "collection": f"{settings.collection}_multihop"}
    )


def labelled_title(fact: Fact) -> str:
    """The outlet and the article title: questions name the outlet ("as reported by The Verge")."""
    return f"{fact.source}: {fact.title}"


def index_facts(desk: Desk, facts: Sequence[Fact], progress: ProgressHook | None = None) -> IndexedFacts:
    """Index each fact as a small document (text = the fact, title = outlet: article title); facts
    already committed unchanged are skipped, so a re-run costs nothing."""
    settings, store = desk.settings, desk.store
    committed, stored = store.committed_chunk_counts(), store.stored_chunk_counts()
    titles = {doc.id: doc.title for doc in store.list_documents()}
    todo = []
    for fact in facts:
        article = make_article(fact.doc_id, fact.text, title=labelled_title(fact), source=fact.url)
        article.published = fact.published
        unchanged = committed.get(article.id) == (article.sha256, stored.get(article.id, 0))
        if not unchanged or titles.get(article.id) != article.title:
            todo.append((article, chunk_article(article, settings.chunk_size, settings.chunk_overlap)))
    write_articles(todo, store, desk.embedder, settings.index_commit_chunks, progress)
    return IndexedFacts(facts=len(facts), indexed=len(todo), unchanged=len(facts) - len(todo))


def squash(text: str) -> str:
    """How the paper's script compares texts: spaces and newlines removed."""
    return text.replace(" ", "").replace("\n", "")


def ranking_scores(retrieved: Sequence[str], gold: Sequence[str], k: int = 10) -> dict:
    """As the paper's retrieval_evaluate.py scores one query: `rank` is the first of the top k retrieved
    texts that contains a gold fact (None: none does); `ap` its MAP@k term (each gold fact counted at the
    first rank that contains it, precision = new facts / rank, summed, over min(len(gold), k))."""
    gold = [squash(g) for g in gold]
    rank, ap_sum, found = None, 0.0, set()
    for position, text in enumerate(retrieved[:k], start=1):
        text = squash(text)
        if any(g in text for g in gold):
            rank = rank or position
            new = [g for g in dict.fromkeys(gold) if g in text and g not in found]
            found.update(new)
            ap_sum += len(new) / position
    return {"rank": rank, "ap": ap_sum / min(len(gold), k) if gold else 0.0}


def retrieval_metrics(rows: Sequence[RankingRow]) -> dict[str, float]:
    """Hits@4, Hits@10, MAP@10, MRR@10 over scored queries."""
    ranks = [r.rank for r in rows]
    return {
        "n": len(rows),
        "Hits@4": rate(r is not None and r <= 4 for r in ranks),
        "Hits@10": rate(r is not None for r in ranks),
        "MAP@10": round(statistics.fmean(r.ap for r in rows), 4) if rows else 0.0,
        "MRR@10": round(statistics.fmean(1 / r if r else 0.0 for r in ranks), 4) if ranks else 0.0,
    }


def by_type(rows: Sequence, summarize: Callable) -> dict:
    types = sorted({r.type for r in rows})
    return {t: summarize([r for r in rows if r.type == t]) for t in types}


def evaluate_multihop_retrieval(
    desk: Desk,
    queries: Sequence[MultiHopQuery],
    command: str,
    k: int = 10,
    pool: Sequence[Fact] | None = None,
    on_done: OnDone | None = None,
) -> RetrievalReport:
    """Index the fact pool (default: the facts of `queries`; give the pool of all queries when scoring
    a sample), then score `desk.search(question, k)` for each query that has evidence (not null)."""
    started = time.perf_counter()
    index = index_facts(desk, pool if pool is not None else fact_pool(queries))
    scored = [q for q in queries if q.facts]
    rows = []
    for query in scored:
        retrieved = [result.text for result in desk.search(query.question, k)]
        scores = ranking_scores(retrieved, [f.text for f in query.facts], k)
        rows.append(RankingRow(id=query.id, type=query.type, **scores))
        if on_done:
            on_done(1, len(scored))
    return RetrievalReport(
        command=command,
        setting=f"retrieval over the pool of {index.facts} gold evidence facts (one passage each)",
        queries=len(queries),
        scored=len(scored),
        excluded_null=len(queries) - len(scored),
        k=k,
        index=index,
        overall=retrieval_metrics(rows),
        by_type=by_type(rows, retrieval_metrics),
        paper=MULTIHOP_PAPER_RETRIEVAL,
        rows=rows,
        seconds=seconds_since(started),
    )


# --- answer scoring ----------------------------------------------------------------------------------

# Words that carry no answer (the paper's script compares raw whitespace tokens, stopwords included;
# we drop them so "the" or "of" cannot make an answer right). yes/no are answers here, so they stay.
ANSWER_STOPWORDS = STOPWORDS - {"no"}
DOES_NOT_SAY = re.compile(
    r"\b(?:do(?:es)?\s+not|don't|doesn't|did\s+not|cannot|can't)\s+(?:say|mention|specify|state|provide|"
    r"contain|indicate|determine|be\s+determined)\b|insufficient information|not enough information"
    r"|no (?:information|mention)",
    re.IGNORECASE,
)
YES_NO = {"yes", "no"}


def answer_tokens(text: str) -> set[str]:
    """Lower-cased words and numbers of a text, stopwords dropped, citation marks ignored."""
    return {t.removesuffix("'s") for t in normalize(text).split()} - ANSWER_STOPWORDS


def token_match(answer: str, gold: str) -> bool:
    """The paper's accuracy: the prediction shares a token with the gold answer."""
    return bool(answer_tokens(answer) & answer_tokens(gold))


def exact_match(answer: str, gold: str) -> bool:
    """Strict: a yes/no gold must be the answer's first word; any other gold must occur in the answer as
    whole words (normalized)."""
    gold_words = normalize(gold).split()
    if len(gold_words) == 1 and gold_words[0] in YES_NO:
        return normalize(answer).split()[:1] == gold_words
    return contains_phrase(answer, gold)


def says_sources_do_not_say(answer: Answer) -> bool:
    return answer.abstained or bool(DOES_NOT_SAY.search(answer.answer))


def score_multihop_answer(answer: Answer, gold: str) -> dict[str, bool]:
    if gold == INSUFFICIENT:
        declined = says_sources_do_not_say(answer)
        return {"accuracy": declined, "exact": declined}
    if answer.abstained:
        return {"accuracy": False, "exact": False}
    return {"accuracy": token_match(answer.answer, gold), "exact": exact_match(answer.answer, gold)}


def gold_passages(query: MultiHopQuery) -> list[Passage]:
    """The query's evidence facts as numbered passages (each fact its own document, offsets 0…len)."""
    facts = list({f.doc_id: f for f in query.facts}.values())
    return [
        Passage(
            n=n,
            doc_id=f.doc_id,
            title=labelled_title(f),
            start=0,
            end=len(f.text),
            quote=f.text,
            published=f.published,
        )
        for n, f in enumerate(facts, start=1)
    ]


def answer_from_gold_evidence(desk: Desk, query: MultiHopQuery) -> Answer:
    evidence = gold_passages(query)
    texts = {p.doc_id: p.quote for p in evidence}
    return desk.answerer.answer(
        query.question, evidence, extract_claims(evidence), article_text=texts.__getitem__
    )


def answer_summary(rows: Sequence[AnswerRow]) -> AnswerSummary:
    citing = total(r.citing for r in rows)
    return AnswerSummary(
        support=citing.support,
        citation_precision=citing.precision,
        n=len(rows),
        accuracy=rate(r.accuracy for r in rows),
        exact=rate(r.exact for r in rows),
        abstained=rate(r.abstained for r in rows),
        fallback=rate(r.model.startswith("extractive fallback") for r in rows),
        median_seconds=round(statistics.median(r.seconds for r in rows), 2) if rows else 0.0,
    )


def evaluate_multihop_answers(
    queries: Sequence[MultiHopQuery],
    answer: Callable[[MultiHopQuery], Answer],
    mode: str,
    command: str,
    abstain_gate: bool = True,
    on_done: OnDone | None = None,
    vocabulary: Vocabulary | None = None,
) -> AnswerReport:
    """Answer each query with `answer` (from gold evidence, or through the pipeline) and score it.
    abstain_gate records whether the answerer's missing-terms abstention was on (a setting)."""
    started = time.perf_counter()
    rows = []
    for query in queries:
        asked = time.perf_counter()
        result = answer(query)
        rows.append(
            AnswerRow(
                id=query.id,
                type=query.type,
                question=query.question,
                gold=query.answer,
                answer=result.answer,
                abstained=result.abstained,
                model=result.model,
                seconds=seconds_since(asked),
                **score_multihop_answer(result, query.answer),
                citing=citation_score(result, vocabulary),
            )
        )
        if on_done:
            on_done(1, len(queries))
    return AnswerReport(
        command=command,
        mode=mode,
        abstain_gate=abstain_gate,
        sample_seed=SAMPLE_SEED,
        overall=answer_summary(rows),
        by_type=by_type(rows, answer_summary),
        paper=MULTIHOP_PAPER_ANSWERS.get(mode, ""),
        rows=rows,
        seconds=seconds_since(started),
    )
