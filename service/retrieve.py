"""Hybrid retrieval: dense (Chroma) + BM25 over the same chunks, fused by reciprocal rank, spread across
documents. The BM25 view is rebuilt when the store's write generation changes."""

from __future__ import annotations

import threading
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from .embedder import Embedder
from .models import Chunk, SearchResult
from .settings import Settings
from .store import Store
from .text import check_query, tokenize


class BM25Index:
    """Okapi BM25 (rank_bm25's formula and idf) scored from postings with numpy: a query touches only the
    chunks that contain its terms, instead of rank_bm25's scan of every chunk for every term."""

    def __init__(self, tokenized: Sequence[list[str]]):
        from rank_bm25 import BM25Okapi

        bm25 = BM25Okapi(tokenized)
        self.idf: dict[str, float] = bm25.idf
        lengths = np.asarray(bm25.doc_len, dtype=np.float64)
        self.norm = bm25.k1 * (1 - bm25.b + bm25.b * lengths / bm25.avgdl)
        self.k1 = bm25.k1
        postings: dict[str, tuple[list[int], list[int]]] = {}
        for i, freqs in enumerate(bm25.doc_freqs):
            for term, tf in freqs.items():
                docs, tfs = postings.setdefault(term, ([], []))
                docs.append(i)
                tfs.append(tf)
        self.postings = {
            t: (np.asarray(d), np.asarray(f, dtype=np.float64)) for t, (d, f) in postings.items()
        }

    def top(self, terms: Sequence[str], n: int) -> list[int]:
        """Indices of the n best-scoring chunks with a positive score, best first (ties: lower index)."""
        scores = np.zeros(len(self.norm))
        for term in terms:
            if term in self.postings:
                docs, tf = self.postings[term]
                scores[docs] += self.idf[term] * tf * (self.k1 + 1) / (tf + self.norm[docs])
        hits = np.flatnonzero(scores > 0)
        if len(hits) > n:
            cut = scores[hits[np.argpartition(-scores[hits], n - 1)[n - 1]]]
            hits = hits[scores[hits] >= cut]
        return sorted(hits.tolist(), key=lambda i: (-scores[i], i))[:n]


@dataclass
class LexicalView:
    """A BM25 index over every chunk in the store, rebuilt when the store's generation changes."""

    generation: str
    chunks: list[Chunk]
    titles: dict[str, str]
    bm25: BM25Index | None

    @property
    def idf(self) -> dict[str, float]:
        return self.bm25.idf if self.bm25 is not None else {}

    def top(self, query: str, n: int) -> list[Chunk]:
        terms = tokenize(query)
        if self.bm25 is None or not terms:
            return []
        return [self.chunks[i] for i in self.bm25.top(terms, n)]


class Retriever:
    def __init__(self, settings: Settings, store: Store, embedder: Embedder):
        self.settings = settings
        self.store = store
        self.embedder = embedder
        self._view: LexicalView | None = None
        self._lock = threading.Lock()

    def lexical_view(self) -> LexicalView:
        generation = self.store.generation()
        with self._lock:
            if self._view is None or self._view.generation != generation:
                self._view = self._build_view(generation)
            return self._view

    def _build_view(self, generation: str) -> LexicalView:
        chunks = self.store.all_chunks()
        titles = {d.id: d.title for d in self.store.list_documents()}
        bm25 = BM25Index([tokenize(c.text) for c in chunks]) if chunks else None
        return LexicalView(generation, chunks, titles, bm25)

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

    def idf(self) -> dict[str, float]:
        """BM25 idf of every term in the index (how rare a word is in the corpus)."""
        return self.lexical_view().idf


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
