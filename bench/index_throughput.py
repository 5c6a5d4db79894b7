"""Indexing throughput, before and after, in one run: newsdesk `Desk.index` (read + chunk + embed + Chroma
writes) against a raw `encode()` of the same chunk texts in one call (same model object, same batch size).

Sides of `Desk.index` (each on its own fresh store, all sharing the loaded models):
  before       backend torch (the default before 886f549) and the old Embedder.embed: one encode() call
               per batch of 32 (before a3bc046), reproduced by bench/embedders.py's PerBatchEmbedder
  torch        backend torch with the current Embedder.embed (slices of 8 batches per encode() call)
  now          the current defaults: backend onnx (service.embedder.OnnxSentenceEncoder), slices
References, one encode() call per slice of the corpus:
  raw torch    SentenceTransformer.encode (what a plain sentence-transformers user would write)
  raw onnx     OnnxSentenceEncoder.encode

Each corpus is cut into slices; per slice every side runs once, the order rotating from slice to slice,
so the machine's noise hits all sides. Ratio ours/raw = newsdesk chunks/s ÷ raw chunks/s of the same
backend. Then Embedder.embed alone on the whole corpus, per-batch calls (before) vs slices (now), A B B A,
for each backend; an instrumented pass of the current default (each phase of index_paths, each Chroma
call); and with `--variant`, int8 experiments against the current default.

    .venv/bin/python bench/index_throughput.py                  # seeds ×2 and the MultiHop fact pool
    .venv/bin/python bench/index_throughput.py --quick          # seeds ×1, fact pool, 3 slices, embed A B
    .venv/bin/python bench/index_throughput.py --variant qint8 onnx8   # + int8 experiments, same run
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path
from typing import Any

import numpy as np
from common import (
    WORK,
    Run,
    TimedProxy,
    eval_questions,
    fact_files,
    fresh_dir,
    median,
    multihop_queries,
    seed_copies,
    settings_for,
    table,
    timed,
)
from embedders import EXPERIMENTS, backend_embedder, cosines, encode_all, make_experiment, per_batch

import service.store as store_module
from service.articles import chunk_article
from service.desk import Desk
from service.embedder import Embedder
from service.indexing import groups_of_chunks, read_articles
from service.store import Store

DESK_SIDES = ("before", "torch", "now")
RAW_SIDES = ("raw torch", "raw onnx")
BACKEND = {"before": "torch", "torch": "torch", "now": "onnx", "raw torch": "torch", "raw onnx": "onnx"}
DESCRIBE = {
    "before": "before: torch, one encode() per batch",
    "torch": "torch, slices of 8 batches",
    "now": "now: onnx, slices of 8 batches",
}


def corpus_texts(folder: Path, settings) -> tuple[int, list[str]]:
    articles, _ = read_articles([folder], settings)
    chunks = [c for a in articles for c in chunk_article(a, settings.chunk_size, settings.chunk_overlap)]
    return len(articles), [c.text for c in chunks]


def shared_desk(name: str, embedder: Embedder) -> Desk:
    """A Desk on a fresh index that uses an already loaded embedder (shared with the other sides)."""
    desk = Desk(settings_for(fresh_dir(name)))
    desk.__dict__["embedder"] = embedder
    return desk


def split_folder(folder: Path, parts: int) -> list[Path]:
    """The folder's files dealt round-robin into `parts` sibling folders (slices indexed one by one)."""
    files = sorted(folder.glob("*.txt"))
    out = []
    for j in range(min(parts, len(files))):
        part = fresh_dir(f"{folder.relative_to(WORK)}-part{j}")
        for path in files[j::parts]:
            (part / path.name).write_bytes(path.read_bytes())
        out.append(part)
    return out


def instrumented_index(folder: Path, name: str, embedder: Embedder) -> dict[str, float]:
    """index_paths step by step (same functions, same order), each phase timed."""
    settings = settings_for(fresh_dir(name))
    t: dict[str, float] = {}
    model = embedder.model
    embedder.__dict__["model"] = TimedProxy(model, t, "embed", ("encode",))
    original_mean = store_module.mean_vector

    def mean_vector(vectors):
        with timed(t, "store.mean_vector (pure Python)"):
            return original_mean(vectors)

    store_module.mean_vector = mean_vector
    try:
        with timed(t, "open Chroma (PersistentClient, collections)"):
            store = Store(settings, embedder.name)
        store.chunks = TimedProxy(store.chunks, t, "chunks", ("add", "delete", "get", "count"))
        store.documents = TimedProxy(store.documents, t, "documents", ("upsert", "get"))
        store.state = TimedProxy(store.state, t, "state", ("upsert", "get"))
        with timed(t, "read files (read, decode, metadata, sha256)"):
            articles, _ = read_articles([folder], settings)
        with timed(t, "bookkeeping reads (committed/stored counts)"):
            store.remove_leftovers()
            store.committed_chunk_counts()
            store.stored_chunk_counts()
        with timed(t, "chunk (sentence split, pack)"):
            todo = [(a, chunk_article(a, settings.chunk_size, settings.chunk_overlap)) for a in articles]
        for group in groups_of_chunks(todo, settings.index_commit_chunks):
            with timed(t, "embed (Embedder.embed)"):
                vectors = embedder.embed([c.text for _, chunks in group for c in chunks])
            batch, offset = [], 0
            for article, chunks in group:
                batch.append((article, chunks, vectors[offset : offset + len(chunks)]))
                offset += len(chunks)
            with timed(t, "store write (Store.replace_documents)"):
                store.replace_documents(batch)
        with timed(t, "report reads (list_documents, count)"):
            store.list_documents()
            store.count_chunks()
    finally:
        store_module.mean_vector = original_mean
        embedder.__dict__["model"] = model
    return t


def phase_rows(t: dict[str, float], chunks: int, encoder: str) -> list[list[str]]:
    top = [k for k in t if "." not in k.split(" ")[0]]
    total = sum(t[k] for k in top)

    def row(label: str, seconds: float) -> list[str]:
        return [label, f"{seconds:.3f}", f"{seconds / total:.0%}", f"{seconds / chunks * 1000:.2f}"]

    rows = []
    for key in top:
        rows.append(row(key, t[key]))
        if key.startswith("embed"):
            encode = t.get("embed.encode", 0.0)
            rows.append(row(f"  ↳ {encoder}.encode", encode))
            rows.append(row("  ↳ slicing + .tolist()", t[key] - encode))
        if key.startswith("store write"):
            for sub in sorted(
                k for k in t if k.startswith(("chunks.", "documents.", "state.", "store.mean"))
            ):
                if sub in ("chunks.get", "documents.get", "chunks.count", "state.get"):
                    continue
                rows.append(row(f"  ↳ {sub}", t[sub]))
    rows.append(["total", f"{total:.3f}", "100%", f"{total / chunks * 1000:.2f}"])
    return rows


def top_overlap(reference: Any, encoder: Any, queries: list[str], ref_vectors, other_vectors, k=5) -> float:
    """Share of the reference's top-k chunks (by cosine, per query) that the other also puts in its top k."""
    q_ref, q_var = encode_all(reference, queries, 32)[1], encode_all(encoder, queries, 32)[1]
    top_ref = np.argsort(-(q_ref @ np.asarray(ref_vectors).T), axis=1)[:, :k]
    top_var = np.argsort(-(q_var @ np.asarray(other_vectors).T), axis=1)[:, :k]
    return float(np.mean([len(set(a) & set(b)) / k for a, b in zip(top_ref, top_var, strict=True)]))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    parser.add_argument("--corpus", nargs="+", choices=["seeds", "facts"], default=["seeds", "facts"])
    parser.add_argument("--seed-repeat", type=int, default=2, help="copies of the 5 seed articles")
    parser.add_argument("--repeats", type=int, default=1, help="passes over the corpus per side")
    parser.add_argument("--slices", type=int, default=4, help="slices per corpus; the sides rotate per slice")
    parser.add_argument(
        "--embed-rounds",
        type=int,
        default=1,
        help="Embedder.embed comparison: rounds of A B B A (quick: A B)",
    )
    parser.add_argument("--variant", nargs="*", default=[], choices=EXPERIMENTS, help="int8 experiments")
    parser.add_argument("--quick", action="store_true", help="seeds ×1, 3 slices, embed A B once")
    args = parser.parse_args()
    if args.quick:
        args.seed_repeat, args.slices = 1, 3

    run = Run("Indexing throughput: before (torch, per-batch encode) vs now (onnx, slices) vs raw encode()")
    run.header()
    settings = settings_for(fresh_dir("index-throughput/probe"))
    torch_embedder, torch_load = backend_embedder(settings, "torch")
    onnx_embedder, onnx_load = backend_embedder(settings, "onnx")
    embedders = {
        "before": per_batch(torch_embedder),
        "torch": torch_embedder,
        "now": onnx_embedder,
    }
    models = {"raw torch": torch_embedder.model, "raw onnx": onnx_embedder.model}
    for embedder in (torch_embedder, onnx_embedder):
        embedder.embed(["warm up the model"] * 4)
    batch = settings.embed_batch_size
    print(
        f"Embedding models loaded once, not in the rates below: torch (SentenceTransformer) in"
        f" {torch_load:.1f} s, onnx ({type(onnx_embedder.model).__name__}) in {onnx_load:.1f} s."
        f" Batch size {batch}, threads {settings.torch_threads},"
        f" commit group {settings.index_commit_chunks} chunks.\n"
    )

    folders = {}
    if "seeds" in args.corpus:
        folders[f"seeds ×{args.seed_repeat}"] = seed_copies(
            fresh_dir("index-throughput/seeds-files"), args.seed_repeat
        )
    if "facts" in args.corpus:
        folders["MultiHop fact pool"] = fact_files(fresh_dir("index-throughput/fact-files"))

    queries = {
        label: eval_questions() if label.startswith("seeds") else multihop_queries()[:100]
        for label in folders
    }
    experiments = {v: make_experiment(v, torch_embedder, onnx_embedder) for v in args.variant}
    sides = [*DESK_SIDES, *RAW_SIDES]
    main_rows, embed_rows, vector_notes, phase_tables, variant_rows = [], [], [], [], []
    for label, folder in folders.items():
        parts = split_folder(folder, args.slices)
        part_texts = [corpus_texts(part, settings)[1] for part in parts]
        docs, texts = corpus_texts(folder, settings)
        took = {side: [0.0] * len(parts) for side in sides}
        raw_vectors: dict[str, list] = {"raw torch": [], "raw onnx": []}
        for r in range(args.repeats):
            desks = {s: shared_desk(f"index-throughput/{s}-{r}", embedders[s]) for s in DESK_SIDES}
            for j, part in enumerate(parts):
                shift = (r * len(parts) + j) % len(sides)
                for side in sides[shift:] + sides[:shift]:
                    if side in RAW_SIDES:
                        seconds, vectors = encode_all(models[side], part_texts[j], batch)
                        if r == 0:
                            raw_vectors[side].extend(vectors)
                    else:
                        start = time.perf_counter()
                        desks[side].index([part])
                        seconds = time.perf_counter() - start
                    took[side][j] += seconds
            for side, desk in desks.items():
                assert desk.store.count_chunks() == len(texts), (side, desk.store.count_chunks(), len(texts))
        n = len(texts) * args.repeats
        rate = {side: n / sum(took[side]) for side in sides}
        for side in DESK_SIDES:
            raw = f"raw {BACKEND[side]}"
            per_slice = [r / o for r, o in zip(took[raw], took[side], strict=True)]
            main_rows.append(
                [
                    label,
                    DESCRIBE[side],
                    docs,
                    len(texts),
                    f"{rate[side]:.1f}",
                    f"{rate[raw]:.1f}",
                    f"{rate[side] / rate[raw]:.2f}",
                    f"{median(per_slice):.2f} ({min(per_slice):.2f}–{max(per_slice):.2f})",
                    f"{rate[side] / rate['raw torch']:.2f}",
                    f"{rate[side] / rate['before']:.2f}×",
                ]
            )
        cos = cosines(raw_vectors["raw torch"], raw_vectors["raw onnx"])
        vector_notes.append(
            f"{label}: onnx vs torch vectors of the same {len(cos)} chunks: mean cosine {cos.mean():.6f},"
            f" lowest {cos.min():.6f}"
        )

        # Embedder.embed alone on the whole corpus: per-batch calls (before) vs slices (now), A B B A.
        for backend, embedder in (("torch", torch_embedder), ("onnx", onnx_embedder)):
            old = per_batch(embedder)
            spent = {"per-batch": 0.0, "slices": 0.0}
            pattern = ("per-batch", "slices")
            if not args.quick:
                pattern = ("per-batch", "slices", "slices", "per-batch") * args.embed_rounds
            for which in pattern:
                start = time.perf_counter()
                (old if which == "per-batch" else embedder).embed(texts)
                spent[which] += time.perf_counter() - start
            calls = pattern.count("slices")
            embed_rows.append(
                [
                    label,
                    backend,
                    len(texts),
                    f"{len(texts) * calls / spent['per-batch']:.1f}",
                    f"{len(texts) * calls / spent['slices']:.1f}",
                    f"{spent['per-batch'] / spent['slices']:.2f}×",
                ]
            )

        phases = instrumented_index(folder, "index-throughput/phases", onnx_embedder)
        phase_tables.append((label, len(texts), phases))

        for variant, encoder in experiments.items():
            reference = onnx_embedder.model
            enc_t = {"onnx": 0.0, variant: 0.0}
            idx_t = {"onnx": 0.0, variant: 0.0}
            vectors: dict[str, list] = {"onnx": [], variant: []}
            swapped = Embedder(onnx_embedder.settings)
            swapped.__dict__["model"] = encoder
            desks = {
                "onnx": shared_desk("index-throughput/variant-onnx", onnx_embedder),
                variant: shared_desk(f"index-throughput/variant-{variant}", swapped),
            }
            for j, part in enumerate(parts):
                names = ("onnx", variant) if j % 2 == 0 else (variant, "onnx")
                for name in names:
                    seconds, got = encode_all(reference if name == "onnx" else encoder, part_texts[j], batch)
                    enc_t[name] += seconds
                    vectors[name].extend(got)
                for name in reversed(names):
                    start = time.perf_counter()
                    desks[name].index([part])
                    idx_t[name] += time.perf_counter() - start
            overlap = top_overlap(reference, encoder, queries[label], vectors["onnx"], vectors[variant])
            variant_rows.append(
                [
                    label,
                    variant,
                    f"{len(texts) / enc_t['onnx']:.1f}",
                    f"{len(texts) / enc_t[variant]:.1f}",
                    f"{enc_t['onnx'] / enc_t[variant]:.2f}",
                    f"{len(texts) / idx_t['onnx']:.1f}",
                    f"{len(texts) / idx_t[variant]:.1f}",
                    f"{idx_t['onnx'] / idx_t[variant]:.2f}",
                    f"{cosines(raw_vectors['raw torch'], vectors[variant]).mean():.4f}",
                    f"{overlap:.0%}",
                ]
            )

    print(
        table(
            [
                "corpus",
                "newsdesk side",
                "docs",
                "chunks",
                "index chunks/s",
                "raw encode chunks/s (same backend)",
                "ratio ours/raw",
                "per-slice ours/raw: median (min–max)",
                "÷ raw torch encode",
                "speed-up vs before",
            ],
            main_rows,
        )
    )
    print(
        f"\n({args.slices} slices per corpus, {args.repeats} pass(es); per slice the three newsdesk sides and"
        " the two raw encodes run back to back, the order rotating, each newsdesk side indexing slice after"
        " slice into its own store. Rates are totals over the slices. Raw = one encode() over the slice's"
        " chunk texts: SentenceTransformer for torch, OnnxSentenceEncoder for onnx.)\n"
    )
    for note in vector_notes:
        print(f"- {note}")
    print("\n### Embedder.embed: one encode() per batch of 32 (before) vs slices of 8 batches (now)\n")
    print(
        table(
            ["corpus", "backend", "chunks", "per-batch chunks/s", "slices chunks/s", "speed-up"],
            embed_rows,
        )
    )
    pattern = "A B" if args.quick else f"A B B A ×{args.embed_rounds}"
    print(
        f"\n(The whole corpus through Embedder.embed, {pattern}; same model object on both sides. The seeds'"
        " chunks are all about 600 characters, so length sorting has little to gain there.)"
    )
    for label, chunks, phases in phase_tables:
        encoder = type(onnx_embedder.model).__name__
        print(f"\n### Where the time goes now (onnx): {label} ({chunks} chunks, instrumented pass)\n")
        print(table(["phase", "s", "share", "ms/chunk"], phase_rows(phases, chunks, encoder)))
    if variant_rows:
        print(
            "\n### int8 experiments against the current default (same run, alternating per slice;"
            " newsdesk code unchanged, the embedder's model object swapped)\n"
        )
        print(
            table(
                [
                    "corpus",
                    "variant",
                    "onnx encode chunks/s",
                    "variant encode chunks/s",
                    "encode speed-up",
                    "onnx index chunks/s",
                    "variant index chunks/s",
                    "index speed-up",
                    "mean cosine to torch fp32",
                    "dense top-5 overlap with onnx",
                ],
                variant_rows,
            )
        )
    run.footer()


if __name__ == "__main__":
    main()
