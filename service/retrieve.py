"""Hybrid retrieval (dense + BM25, fused by reciprocal rank, spread across documents) and the selection of
evidence sentences, with exact offsets, inside the retrieved chunks."""

from __future__ import annotations

import re
import threading
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
import snowballstemmer

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
PRONOUN_START = re.compile(r"^(He|She|They|It|This|These|Those|His|Her|Their|Its)\b")
TOKEN = re.compile(r"\d+(?:[.,]\d+)*|[^\W\d_]+(?:['’][^\W\d_]+)?")


def tokenize(text: str) -> list[str]:
    """Lower-cased, stemmed word and number tokens: stopwords dropped, '1,000' → '1000'."""
    tokens = []
    for raw in TOKEN.findall(text.lower().replace("’", "'")):
        if raw[0].isdigit():
            tokens.append(raw.replace(",", ""))
        elif raw not in STOPWORDS:
            tokens.append(stem(raw.removesuffix("'s")))
    return tokens


_stemmer = snowballstemmer.stemmer("english")


@lru_cache(maxsize=100_000)
def stem(word: str) -> str:
    return _stemmer.stemWord(word)


def check_query(query: str, max_chars: int) -> str:
    query = query.strip()
    if not query:
        raise InvalidInput("the query is empty")
    if len(query) > max_chars:
        raise InvalidInput(f"the query is too long ({len(query)} characters, limit {max_chars})")
    return query


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

    def evidence(self, question: str, candidates: Sequence[tuple[Passage, str]]) -> list[Passage]:
        """The evidence among candidate_sentences(results)."""
        return select_evidence(question, candidates, self.embedder, self.settings, self.lexical_view().idf)


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


def candidate_sentences(results: Sequence[SearchResult]) -> list[tuple[Passage, str]]:
    """Every sentence inside the retrieved chunks, once, with offsets into its article, with its context."""
    seen: set[tuple[str, int]] = set()
    candidates = []
    for result in results:
        passages = [
            Passage(n=0, doc_id=result.doc_id, title=result.title, start=result.start + start,
                    end=result.start + end, quote=result.text[start:end])
            for start, end in sentence_spans(result.text)
        ]  # fmt: skip
        for passage, context in sentences_with_context(passages):
            if (passage.doc_id, passage.start) not in seen:
                seen.add((passage.doc_id, passage.start))
                candidates.append((passage, context))
    return candidates


def sentences_with_context(passages: Sequence[Passage]) -> list[tuple[Passage, str]]:
    """Consecutive sentences paired with the text to judge them by: a sentence that opens with a
    pronoun ("He even pledged…") is read together with the one before it."""
    paired = []
    previous = ""
    for passage in passages:
        context = f"{previous} {passage.quote}" if PRONOUN_START.match(passage.quote) else passage.quote
        paired.append((passage, context))
        previous = passage.quote
    return paired


def keyword_overlap(question: str, sentence: str, idf: dict[str, float]) -> float:
    """Share of the question's terms found in the sentence, each weighted by its rarity in the corpus."""
    wanted = set(tokenize(question))
    if not wanted:
        return 0.0
    rarest = max(idf.values(), default=1.0)
    weight = {term: max(idf.get(term, rarest), 0.1) for term in wanted}
    found = wanted & set(tokenize(sentence))
    return sum(weight[t] for t in found) / sum(weight.values())


def is_heading(sentence: str) -> bool:
    """Headlines and section titles: short and without a full stop; they say little on their own."""
    words = len(sentence.split())
    ending = sentence.rstrip("”\"'’")[-1:]
    return (words < 20 and ending not in ".!?…:") or (words < 10 and ending == "?")


def drop_near_duplicates(passages: Sequence[Passage], threshold: float = 0.8) -> list[Passage]:
    """Keep the first of sentences that repeat one another (articles often restate a key figure)."""
    kept: list[tuple[Passage, set[str]]] = []
    for passage in passages:
        words = set(tokenize(passage.quote))
        if all(len(words & other) / max(1, min(len(words), len(other))) < threshold for _, other in kept):
            kept.append((passage, words))
    return [p for p, _ in kept]


def select_evidence(
    question: str, candidates: Sequence[tuple[Passage, str]], embedder: Embedder, settings: Settings,
    idf: dict[str, float],
) -> list[Passage]:  # fmt: skip
    """Among (sentence, context) candidates, the sentences that bear on the question, best first, spread
    across documents, numbered from 1."""
    if not candidates:
        return []
    vectors = embedder.embed([question] + [context for _, context in candidates])
    question_vector = vectors[0]
    for (passage, context), vector in zip(candidates, vectors[1:], strict=True):
        cosine = sum(a * b for a, b in zip(question_vector, vector, strict=True))
        passage.score = round(cosine + 0.4 * keyword_overlap(question, context, idf), 4)
    relevant = [
        p for p, _ in candidates if p.score >= settings.evidence_min_score and not is_heading(p.quote)
    ]
    relevant = drop_near_duplicates(sorted(relevant, key=lambda p: p.score, reverse=True))
    chosen = [
        p for p, _ in spread_across_documents([(p, p.score) for p in relevant], settings.evidence_max, 2)
    ]
    return [p.model_copy(update={"n": i}) for i, p in enumerate(chosen, start=1)]
