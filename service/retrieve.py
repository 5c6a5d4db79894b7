"""Hybrid retrieval (dense + BM25, fused by reciprocal rank, spread across documents) and the selection of
evidence sentences, with exact offsets, inside the retrieved chunks."""

from __future__ import annotations

import re
import threading
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from .errors import InvalidInput
from .ingest import sentence_spans
from .models import Chunk, Passage, SearchResult
from .settings import Settings
from .store import Embedder, Store

STOPWORDS = frozenset(
    """a an the and or but if of to in on at by for with from as into about over under after before than then
    is are was were be been being has have had do does did done will would could should may might must can
    this that these those it its they them their there here he she his her we our you your i me my
    what which who whom whose when where why how many much more most some any all each every no not
    so such very just also only too out up down off again further once
    say says said according tell told give given""".split()
)
TOKEN = re.compile(r"\d+(?:[.,]\d+)*|[^\W\d_]+(?:['’][^\W\d_]+)?")


def tokenize(text: str) -> list[str]:
    """Lower-cased word and number tokens for BM25: stopwords dropped, '1,000' → '1000', plurals folded."""
    tokens = []
    for raw in TOKEN.findall(text.lower()):
        token = raw.replace(",", "") if raw[0].isdigit() else stem(raw)
        if token not in STOPWORDS:
            tokens.append(token)
    return tokens


def stem(word: str) -> str:
    word = word.replace("’", "'").removesuffix("'s")
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


def check_query(query: str, max_chars: int) -> str:
    query = query.strip()
    if not query:
        raise InvalidInput("the query is empty")
    if len(query) > max_chars:
        raise InvalidInput(f"the query is too long ({len(query)} characters, limit {max_chars})")
    return query


@dataclass
class LexicalView:
    """A BM25 index over every chunk in the store, rebuilt when the store's signature changes."""

    signature: str
    chunks: list[Chunk]
    titles: dict[str, str]
    bm25: object | None

    def top(self, query: str, n: int) -> list[Chunk]:
        terms = tokenize(query)
        if self.bm25 is None or not terms:
            return []
        scores = self.bm25.get_scores(terms)
        ranked = sorted(range(len(scores)), key=lambda i: scores[i], reverse=True)[:n]
        return [self.chunks[i] for i in ranked if scores[i] > 0]


class Retriever:
    def __init__(self, settings: Settings, store: Store, embedder: Embedder):
        self.settings = settings
        self.store = store
        self.embedder = embedder
        self._view: LexicalView | None = None
        self._lock = threading.Lock()

    def lexical_view(self) -> LexicalView:
        signature = self.store.signature()
        with self._lock:
            if self._view is None or self._view.signature != signature:
                self._view = self._build_view(signature)
            return self._view

    def _build_view(self, signature: str) -> LexicalView:
        from rank_bm25 import BM25Okapi

        chunks = self.store.all_chunks()
        titles = {d.id: d.title for d in self.store.list_documents()}
        bm25 = BM25Okapi([tokenize(c.text) for c in chunks]) if chunks else None
        return LexicalView(signature, chunks, titles, bm25)

    def search(self, query: str, k: int | None = None) -> list[SearchResult]:
        query = check_query(query, self.settings.max_query_chars)
        k = k or self.settings.search_k
        view = self.lexical_view()
        n = max(self.settings.search_candidates, k)
        dense = [chunk for chunk, _ in self.store.dense_search(self.embedder.embed_one(query), n)]
        fused = reciprocal_rank_fusion([dense, view.top(query, n)], self.settings.rrf_k)
        picked = spread_across_documents(fused, k, self.settings.max_per_document)
        return [
            SearchResult(**chunk.model_dump(), title=view.titles.get(chunk.doc_id, chunk.doc_id), score=score)
            for chunk, score in picked
        ]


def reciprocal_rank_fusion(rankings: Sequence[Sequence[Chunk]], k: int) -> list[tuple[Chunk, float]]:
    scores: dict[str, float] = defaultdict(float)
    chunks: dict[str, Chunk] = {}
    for ranking in rankings:
        for rank, chunk in enumerate(ranking, start=1):
            scores[chunk.chunk_id] += 1.0 / (k + rank)
            chunks[chunk.chunk_id] = chunk
    order = sorted(scores, key=lambda cid: scores[cid], reverse=True)
    return [(chunks[cid], round(scores[cid], 6)) for cid in order]


def spread_across_documents(ranked: Sequence[tuple[Chunk, float]], k: int, per_doc: int):
    """Best first, but at most per_doc from one document until every document has had its turn."""
    first, rest = [], []
    taken: dict[str, int] = defaultdict(int)
    for item in ranked:
        doc_id = item[0].doc_id
        (first if taken[doc_id] < per_doc else rest).append(item)
        taken[doc_id] += 1
    return (first + rest)[:k]


# --- evidence ----------------------------------------------------------------------------------


def candidate_sentences(results: Sequence[SearchResult]) -> list[Passage]:
    """Every sentence inside the retrieved chunks, once, with offsets into its article."""
    seen: set[tuple[str, int]] = set()
    passages = []
    for result in results:
        for start, end in sentence_spans(result.text):
            key = (result.doc_id, result.start + start)
            if key in seen:
                continue
            seen.add(key)
            passages.append(
                Passage(
                    n=0,
                    doc_id=result.doc_id,
                    title=result.title,
                    start=result.start + start,
                    end=result.start + end,
                    quote=result.text[start:end],
                )
            )
    return passages


def keyword_overlap(question: str, sentence: str) -> float:
    wanted = set(tokenize(question))
    return len(wanted & set(tokenize(sentence))) / len(wanted) if wanted else 0.0


def select_evidence(
    question: str, results: Sequence[SearchResult], embedder: Embedder, settings: Settings
) -> list[Passage]:
    """The sentences that bear on the question, best first, spread across documents, numbered from 1."""
    candidates = candidate_sentences(results)
    if not candidates:
        return []
    vectors = embedder.embed([question] + [p.quote for p in candidates])
    question_vector = vectors[0]
    for passage, vector in zip(candidates, vectors[1:], strict=True):
        cosine = sum(a * b for a, b in zip(question_vector, vector, strict=True))
        passage.score = round(cosine + 0.3 * keyword_overlap(question, passage.quote), 4)
    relevant = [p for p in candidates if p.score >= settings.evidence_min_score]
    relevant.sort(key=lambda p: p.score, reverse=True)
    chosen = [
        p for p, _ in spread_across_documents([(p, p.score) for p in relevant], settings.evidence_max, 2)
    ]
    return [p.model_copy(update={"n": i}) for i, p in enumerate(chosen, start=1)]
