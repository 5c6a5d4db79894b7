"""Search latency before and after, in one run: p50/p95 of `desk.search(q, k=5)` after warm-up, on the seeds,
the MultiHop fact pool and a synthetic 100,000-chunk collection, with the parts of a search timed apart.

Sides (same store, same query embedder, same queries, interleaved query by query in rotating order):
  now      the current code: Store.generation() (one small read of the `<collection>_state` record) to
           check the BM25 view, BM25 scored by service.retrieve.BM25Index (postings + numpy)
  before   the code before a3bc046, reproduced in this process by subclasses (service/ unchanged):
           BeforeRetriever checks the view with the old Store.signature() (reads every document record
           and counts the chunks, per search) and builds an OldLexicalView: rank_bm25's BM25Okapi,
           get_scores over every chunk + a full sort
  torch-query (only with --variant torch-query) the current search with the query embedded by the torch
           backend (the default before 886f549)

Parts (each called the way Retriever.search calls it):
  embed     Embedder.embed_one(query)
  view      Retriever.lexical_view(): the generation (now) or signature (before) check
  dense     Store.dense_search(vector, search_candidates) — the Chroma query (+ a count())
  bm25      LexicalView.top(query, search_candidates)
  fusion    reciprocal_rank_fusion + spread_across_documents + SearchResult building
Each side's first search builds its BM25 view (all chunks read back from Chroma, tokenized, indexed): its
time is reported apart, with its parts (after one throwaway build, so no side pays the cold caches alone:
what a running server pays after each write).

The synthetic collection is NOT embedded: texts are drawn from the vocabulary of the seeds and the fact
pool, vectors are random unit 384-d vectors, written straight through Store.replace_documents in batches.
It is cached in $NEWSDESK_BENCH_DIR/synthetic-<N> (default /tmp/newsdesk-bench), so re-runs skip building;
a cache built before the `_state` collection existed is reused (same chunk and document records) and its
generation record written once. Queries (embedded for real): the 10 questions of shared/eval/questions.json,
then MultiHop queries.

    .venv/bin/python bench/search_latency.py                 # seeds, facts, synthetic 100k; 30 queries
    .venv/bin/python bench/search_latency.py --quick         # 15 queries, synthetic 20k
    .venv/bin/python bench/search_latency.py --variant before torch-query
    .venv/bin/python bench/search_latency.py --variant       # the current code only
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import re
import time
from collections import Counter
from pathlib import Path

import numpy as np
from common import (
    WORK,
    Run,
    TimedProxy,
    eval_questions,
    fact_files,
    fresh_dir,
    ms,
    multihop_facts,
    multihop_queries,
    percentile,
    seed_copies,
    settings_for,
    table,
    timed,
)

from service.articles import make_article
from service.desk import Desk
from service.embedder import Embedder
from service.models import Chunk, SearchResult
from service.retrieve import (
    BM25Index,
    LexicalView,
    Retriever,
    check_query,
    reciprocal_rank_fusion,
    spread_across_documents,
    tokenize,
)
from service.store import Store

PARTS = ("embed", "view", "dense", "bm25", "fusion")
VARIANTS = ("before", "torch-query")
SYNTHETIC_VERSION = 3  # 3: written with the `_state` collection; 1 and 2: same records, without it


# --- before a3bc046, reproduced ------------------------------------------------------------------------


def old_signature(store: Store) -> str:
    """Store.signature() as it was: every document record read, the chunks counted, hashed."""
    state = sorted(store.committed_chunk_counts().items())
    return hashlib.sha256(repr((state, store.chunks.count())).encode()).hexdigest()


class OldLexicalView(LexicalView):
    """The view over rank_bm25.BM25Okapi: get_scores (every chunk, every term) and a full sort."""

    def top(self, query: str, n: int) -> list[Chunk]:
        terms = tokenize(query)
        if self.bm25 is None or not terms:
            return []
        scores = self.bm25.get_scores(terms)
        ranked = sorted(range(len(scores)), key=lambda i: scores[i], reverse=True)[:n]
        return [self.chunks[i] for i in ranked if scores[i] > 0]


class BeforeRetriever(Retriever):
    """Retriever as before a3bc046: the signature read on every search, the BM25Okapi view."""

    def lexical_view(self) -> LexicalView:
        signature = old_signature(self.store)
        with self._lock:
            if self._view is None or self._view.generation != signature:
                self._view = self._build_view(signature)
            return self._view

    def _build_view(self, generation: str) -> LexicalView:
        from rank_bm25 import BM25Okapi

        chunks = self.store.all_chunks()
        titles = {d.id: d.title for d in self.store.list_documents()}
        bm25 = BM25Okapi([tokenize(c.text) for c in chunks]) if chunks else None
        return OldLexicalView(generation, chunks, titles, bm25)


def side_desk(desk: Desk, side: str, torch_embedder: Embedder | None) -> Desk:
    """A Desk on the same store (and, unless torch-query, the same embedder) with the side's retriever."""
    other = Desk(desk.settings)
    embedder = torch_embedder if side == "torch-query" else desk.embedder
    other.__dict__["embedder"] = embedder
    other.__dict__["store"] = desk.store
    kind = BeforeRetriever if side == "before" else Retriever
    other.__dict__["retriever"] = kind(desk.settings, desk.store, embedder)
    return other


# --- the synthetic collection ----------------------------------------------------------------------------


def vocabulary() -> tuple[list[str], list[float]]:
    """Words of the seeds and the fact pool, weighted by frequency (a Zipf-like news vocabulary)."""
    from common import SEEDS

    text = " ".join(p.read_text() for p in SEEDS.glob("*.txt")) + " ".join(f for _, _, f in multihop_facts())
    counts = Counter(re.findall(r"[A-Za-z][a-z]+(?:'[a-z]+)?|\d[\d,]*", text))
    words = sorted(counts)
    return words, [counts[w] for w in words]


def synthetic_chunk(rng: random.Random, words: list[str], weights: list[float], size: int) -> str:
    sentences, length = [], 0
    while length < size - 80:
        sentence = " ".join(rng.choices(words, weights, k=rng.randint(8, 24)))
        sentence = sentence[0].upper() + sentence[1:] + "."
        sentences.append(sentence)
        length += len(sentence) + 1
    return " ".join(sentences)


def synthetic_store(chunks: int, per_doc: int, batch_docs: int, embedder_name: str) -> tuple[Path, dict]:
    """Build (or reuse) a Chroma index of `chunks` synthetic chunks; returns its folder and build facts."""
    folder = WORK / f"synthetic-{chunks}"
    marker = folder / "complete.json"
    params = {"chunks": chunks, "per_doc": per_doc, "batch_docs": batch_docs}
    if marker.exists():
        built = json.loads(marker.read_text())
        old = dict(built.get("params", {}))
        version = old.pop("version", 0)
        if old == params and 1 <= version <= SYNTHETIC_VERSION:
            if version < SYNTHETIC_VERSION:
                store = Store(settings_for(folder), embedder_name)  # creates the missing `_state` collection
                if store.generation() == "empty":
                    store._bump_generation()  # as any write by the current code would have
                built = {**built, "params": {**params, "version": SYNTHETIC_VERSION}, "state_added": True}
                marker.write_text(json.dumps(built))
            note = ""
            if built.get("state_added"):
                note = "; built before the `_state` collection existed, which the bench then added"
            return folder, {**built, "cached": True, "note": note}
    folder = fresh_dir(f"synthetic-{chunks}")
    store = Store(settings_for(folder), embedder_name)
    ops: list[dict[str, float]] = []
    rng = random.Random(1234)
    nprng = np.random.default_rng(1234)
    words, weights = vocabulary()
    batch_times = []
    docs = chunks // per_doc
    started = time.perf_counter()
    for first in range(0, docs, batch_docs):
        batch = []
        for d in range(first, min(first + batch_docs, docs)):
            texts = [synthetic_chunk(rng, words, weights, 600) for _ in range(per_doc)]
            title = " ".join(rng.choices(words, weights, k=8)).capitalize()
            body = "\n".join(texts)
            article = make_article(f"syn_{d:06d}", f"{title}\n{body}", title=title, source="synthetic")
            offset = len(title) + 1
            doc_chunks = []
            for i, text in enumerate(texts):
                doc_chunks.append(
                    Chunk(
                        doc_id=article.id,
                        chunk_id=f"{article.id}:{i}",
                        start=offset,
                        end=offset + len(text),
                        text=text,
                    )
                )
                offset += len(text) + 1
            vectors = nprng.standard_normal((per_doc, 384)).astype(np.float32)
            vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
            batch.append((article, doc_chunks, vectors.tolist()))
        t: dict[str, float] = {}
        raw = store.chunks, store.documents, store.state
        store.chunks = TimedProxy(raw[0], t, "chunks", ("add", "delete"))
        store.documents = TimedProxy(raw[1], t, "documents", ("upsert",))
        store.state = TimedProxy(raw[2], t, "state", ("upsert",))
        start = time.perf_counter()
        store.replace_documents(batch)
        batch_times.append(time.perf_counter() - start)
        store.chunks, store.documents, store.state = raw
        ops.append(t)
    built = {
        "params": {**params, "version": SYNTHETIC_VERSION},
        "build_seconds": round(time.perf_counter() - started, 1),
        "write_seconds": round(sum(batch_times), 1),
        "first_batches_s": round(sum(batch_times[:5]) / 5, 3),
        "last_batches_s": round(sum(batch_times[-5:]) / 5, 3),
        "chunks_per_batch": batch_docs * per_doc,
        "ops_first": {k: round(sum(t.get(k, 0) for t in ops[:5]) / 5, 3) for k in ops[0]},
        "ops_last": {k: round(sum(t.get(k, 0) for t in ops[-5:]) / 5, 3) for k in ops[0]},
    }
    marker.write_text(json.dumps(built))
    return folder, {**built, "cached": False, "note": ""}


# --- measuring ---------------------------------------------------------------------------------------------


def parts_of_search(retriever: Retriever, query: str, k: int, t: dict[str, float]) -> list[SearchResult]:
    """Retriever.search, step by step, each step timed into t."""
    settings = retriever.settings
    query = check_query(query, settings.max_query_chars)
    n = max(settings.search_candidates, k)
    with timed(t, "embed"):
        vector = retriever.embedder.embed_one(query)
    with timed(t, "view"):
        view = retriever.lexical_view()
    with timed(t, "dense"):
        dense = [chunk for chunk, _ in retriever.store.dense_search(vector, n)]
    with timed(t, "bm25"):
        lexical = view.top(query, n)
    with timed(t, "fusion"):
        fused = reciprocal_rank_fusion([dense, lexical], settings.rrf_k)
        picked = spread_across_documents(fused, k, settings.max_per_document)
        results = [
            SearchResult(**c.model_dump(), title=view.titles.get(c.doc_id, c.doc_id), score=s)
            for c, s in picked
        ]
    return results


def build_view_parts(retriever: Retriever) -> dict[str, float]:
    """The retriever's _build_view step by step (plus the check that precedes it)."""
    from rank_bm25 import BM25Okapi

    before = isinstance(retriever, BeforeRetriever)
    t: dict[str, float] = {}
    store = retriever.store
    with timed(t, "check"):
        old_signature(store) if before else store.generation()
    with timed(t, "read chunks"):
        chunks = store.all_chunks()
    with timed(t, "read titles"):
        {d.id: d.title for d in store.list_documents()}
    with timed(t, "tokenize"):
        tokens = [tokenize(c.text) for c in chunks]
    with timed(t, "BM25 build"):
        BM25Okapi(tokens) if before else BM25Index(tokens)
    return t


def measure(sides: dict[str, Desk], queries: list[str], k: int, warmup: int) -> dict[str, dict]:
    out: dict[str, dict] = {}
    # Warm what the first side would otherwise pay alone: Chroma's HNSW load, the stemmer's cache, imports.
    now = sides["now"]
    now.store.dense_search(now.embedder.embed_one(queries[0]), 1)
    now.retriever._build_view("warm-up")  # builds a view and throws it away
    for name, desk in sides.items():
        start = time.perf_counter()
        desk.search(queries[0], k=k)  # builds this side's BM25 view
        first = time.perf_counter() - start
        out[name] = {
            "first": first,
            "build": build_view_parts(desk.retriever),
            "totals": [],
            "parts": {p: [] for p in PARTS},
            "same": 0,
        }
    for q in queries[:warmup]:
        for desk in sides.values():
            desk.search(q, k=k)
    names = list(sides)
    for i, q in enumerate(queries):
        for name in names[i % len(names) :] + names[: i % len(names)]:  # rotate: A B C, B C A, …
            desk, r = sides[name], out[name]
            start = time.perf_counter()
            got = desk.search(q, k=k)
            r["totals"].append(time.perf_counter() - start)
            t: dict[str, float] = {}
            again = parts_of_search(desk.retriever, q, k, t)
            assert [x.chunk_id for x in again] == [x.chunk_id for x in got], (name, q)
            for p in PARTS:
                r["parts"][p].append(t[p])
            r.setdefault("ids", []).append([x.chunk_id for x in got])
        expected = out["now"]["ids"][-1]
        for name in names:
            out[name]["same"] += out[name]["ids"][-1] == expected
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    parser.add_argument(
        "--collections",
        nargs="+",
        choices=["seeds", "facts", "synthetic"],
        default=["seeds", "facts", "synthetic"],
    )
    parser.add_argument("--n", type=int, default=30, help="queries per collection (10 eval + MultiHop)")
    parser.add_argument("--k", type=int, default=5)
    parser.add_argument("--warmup", type=int, default=3)
    parser.add_argument("--synthetic-chunks", type=int, default=100_000)
    parser.add_argument(
        "--variant",
        nargs="*",
        default=["before"],
        choices=VARIANTS,
        help="sides run against the current code (default: before; none: `--variant` alone)",
    )
    parser.add_argument("--quick", action="store_true", help="15 queries, synthetic 20,000 chunks")
    args = parser.parse_args()
    if args.quick:
        args.n, args.synthetic_chunks = 15, 20_000

    run = Run("Search latency: desk.search(q, k=5), before (a3bc046^) vs now")
    run.header()
    queries = (eval_questions() + multihop_queries())[: args.n]
    probe = settings_for(fresh_dir("search-latency/probe"))
    embedder = Embedder(probe)
    embedder.embed(["warm up"])
    torch_embedder = None
    if "torch-query" in args.variant:
        torch_embedder = Embedder(probe.model_copy(update={"embedding_backend": "torch"}))
        torch_embedder.embed(["warm up"])

    desks: dict[str, Desk] = {}
    notes = [
        f"Query embedder: {embedder.settings.embedding_backend} ({type(embedder.model).__name__}),"
        f" {embedder.settings.torch_threads} threads"
    ]
    if "seeds" in args.collections:
        desks["seeds"] = Desk(settings_for(fresh_dir("search-latency/seeds")))
        desks["seeds"].__dict__["embedder"] = embedder
        desks["seeds"].index([seed_copies(fresh_dir("search-latency/seeds-files"), 1)])
    if "facts" in args.collections:
        desks["MultiHop fact pool"] = Desk(settings_for(fresh_dir("search-latency/facts")))
        desks["MultiHop fact pool"].__dict__["embedder"] = embedder
        desks["MultiHop fact pool"].index([fact_files(fresh_dir("search-latency/fact-files"))])
    if "synthetic" in args.collections:
        folder, built = synthetic_store(args.synthetic_chunks, 10, 100, embedder.name)
        label = f"synthetic {args.synthetic_chunks:,}"
        desks[label] = Desk(settings_for(folder))
        desks[label].__dict__["embedder"] = embedder
        how = "reused from cache (built earlier in" if built["cached"] else "built now in"
        ops = ""
        if "ops_first" in built:
            ops = "; per batch, first → last: " + ", ".join(
                f"{k} {built['ops_first'][k]} → {built['ops_last'][k]} s" for k in built["ops_first"]
            )
        notes.append(
            f"{label}: {how} {built['build_seconds']} s, {built['write_seconds']} s of it in "
            f"Store.replace_documents; a batch of {built['chunks_per_batch']} chunks took "
            f"{built['first_batches_s']} s at the start and {built['last_batches_s']} s at the end"
            + (")" if built["cached"] else "")
            + ops
            + built["note"]
        )

    results = {}
    for label, desk in desks.items():
        sides = {"now": desk, **{v: side_desk(desk, v, torch_embedder) for v in args.variant}}
        results[label] = (
            desk.store.count_chunks(),
            len(desk.documents()),
            measure(sides, queries, args.k, args.warmup),
        )

    names = ["now", *args.variant]
    if args.variant:
        rows = []
        for label, (chunks, docs, r) in results.items():
            now50, now95 = percentile(r["now"]["totals"], 50), percentile(r["now"]["totals"], 95)
            for v in args.variant:
                v50, v95 = percentile(r[v]["totals"], 50), percentile(r[v]["totals"], 95)
                rows.append(
                    [
                        label,
                        f"{chunks:,}",
                        f"{docs:,}",
                        v,
                        ms(v50),
                        ms(v95),
                        ms(now50),
                        ms(now95),
                        f"{v50 / now50:.1f}×",
                        f"{v95 / now95:.1f}×",
                        f"{r[v]['same']}/{len(queries)}",
                    ]
                )
        print("### Before vs now (interleaved query by query)\n")
        print(
            table(
                [
                    "collection",
                    "chunks",
                    "docs",
                    "other side",
                    "other p50 ms",
                    "other p95 ms",
                    "now p50 ms",
                    "now p95 ms",
                    "speed-up p50",
                    "speed-up p95",
                    "identical results",
                ],
                rows,
            )
        )
        print(
            f"\n{len(queries)} queries per collection after {args.warmup} warm-up searches per side,"
            f" k={args.k}; speed-up = other ÷ now; identical results: same chunk ids in the same order as now"
            " (a different query embedder may differ in the last digits and reorder near-ties).\n"
        )
    rows = []
    for label, (_, _, r) in results.items():
        for name in names:
            rows.append(
                [
                    label,
                    name,
                    ms(percentile(r[name]["totals"], 50)),
                    ms(percentile(r[name]["totals"], 95)),
                    *(ms(percentile(r[name]["parts"][p], 50)) for p in PARTS),
                ]
            )
    print("### Parts of one search (p50 of each part, timed right after each search)\n")
    print(
        table(
            ["collection", "side", "p50 ms", "p95 ms", "embed", "view check", "dense", "bm25", "fusion"],
            rows,
        )
    )
    rows = []
    for label, (chunks, _, r) in results.items():
        for name in names:
            b = r[name]["build"]
            rows.append(
                [
                    label,
                    name,
                    f"{chunks:,}",
                    *(ms(b[p]) for p in b),
                    ms(sum(b.values()) - b["check"]),
                    ms(r[name]["first"]),
                ]
            )
    print("\n### Building the BM25 view (each side's first search)\n")
    print(
        table(
            [
                "collection",
                "side",
                "chunks",
                "check",
                "read chunks",
                "read titles",
                "tokenize",
                "BM25 build",
                "build total ms",
                "first search ms",
            ],
            rows,
        )
    )
    print(
        "\n(check: Store.generation() now, the old Store.signature() before; BM25 build: BM25Index now"
        " (rank_bm25's BM25Okapi + postings), BM25Okapi alone before.)"
    )
    for note in notes:
        print(f"\n{note}.")
    run.footer()


if __name__ == "__main__":
    main()
