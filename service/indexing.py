"""Bring the store in line with a set of article files: add new, replace changed, repair half-written,
optionally prune documents whose files are gone. Safe to kill at any point and run again."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

from .articles import chunk_article, find_files, read_article
from .claims import FRAMES_VERSION, article_claims
from .embedder import Embedder
from .errors import InvalidInput, UnreadableDocument
from .models import Article, Chunk, IndexReport, ProgressHook, SkippedFile
from .settings import Settings
from .store import Store


def index_paths(
    paths: Iterable[Path],
    settings: Settings,
    store: Store,
    embedder: Embedder,
    *,
    prune: bool = False,
    rebuild: bool = False,
    progress: ProgressHook | None = None,
) -> IndexReport:
    started = time.perf_counter()
    articles, skipped = read_articles(paths, settings)
    if rebuild:
        store.reset()
    store.remove_leftovers()  # of a run or a POST that was killed
    records = store.committed_records()
    committed = {doc_id: (sha, chunks) for doc_id, (sha, chunks, _) in records.items()}
    stored = store.stored_chunk_counts()

    todo: list[tuple[Article, list[Chunk]]] = []
    stale: list[Article] = []
    unchanged = updated = 0
    for article in articles:
        prior = committed.get(article.id)
        if prior and prior == (article.sha256, stored.get(article.id, 0)):
            unchanged += 1
            if records[article.id][2] != FRAMES_VERSION:
                stale.append(article)
            continue
        chunks = chunk_article(article, settings.chunk_size, settings.chunk_overlap)
        if not chunks:
            skipped.append(SkippedFile(path=article.source or article.id, reason="no text to index"))
            continue
        updated += prior is not None
        todo.append((article, chunks))
    write_articles(todo, store, embedder, settings.index_commit_chunks, progress)
    refresh_claims(stale, store)

    removed = prune_missing_files(store) if prune else 0
    return IndexReport(
        documents=len(store.list_documents()),
        chunks=store.count_chunks(),
        added=len(todo) - updated,
        updated=updated,
        unchanged=unchanged,
        removed=removed,
        skipped=skipped,
        seconds=round(time.perf_counter() - started, 3),
    )


def read_articles(paths: Iterable[Path], settings: Settings) -> tuple[list[Article], list[SkippedFile]]:
    files, problems = find_files(paths)
    skipped = [SkippedFile(path=str(path), reason=reason) for path, reason in problems]
    articles: dict[str, Article] = {}
    for path in files:
        try:
            article = read_article(path, settings.max_document_chars)
        except (UnreadableDocument, InvalidInput) as exc:
            skipped.append(SkippedFile(path=str(path), reason=getattr(exc, "reason", str(exc))))
            continue
        if article.id in articles:
            reason = f"same document id as {articles[article.id].source}"
            skipped.append(SkippedFile(path=str(path), reason=reason))
            continue
        articles[article.id] = article
    return list(articles.values()), skipped


def write_articles(
    todo: Sequence[tuple[Article, list[Chunk]]],
    store: Store,
    embedder: Embedder,
    group_chunks: int,
    progress: ProgressHook | None = None,
) -> None:
    """Embed and commit articles in groups of about group_chunks chunks."""
    total = sum(len(chunks) for _, chunks in todo)
    on_batch = (lambda n: progress(n, total)) if progress else None
    for group in groups_of_chunks(todo, group_chunks):
        commit_articles(embed_articles(group, embedder, on_batch), store)


Embedded = list[tuple[Article, list[Chunk], list[list[float]], list]]


def embed_articles(
    group: Sequence[tuple[Article, list[Chunk]]], embedder: Embedder, progress: Callable[[int], None] | None
) -> Embedded:
    """The slow part of a write, done before any lock is taken: vectors and claim frames."""
    vectors = embedder.embed([c.text for _, chunks in group for c in chunks], on_batch=progress)
    embedded, offset = [], 0
    for article, chunks in group:
        embedded.append((article, chunks, vectors[offset : offset + len(chunks)], article_claims(article)))
        offset += len(chunks)
    return embedded


def commit_articles(embedded: Embedded, store: Store) -> None:
    batch = [(article, chunks, vectors) for article, chunks, vectors, _ in embedded]
    claims = {article.id: frames for article, _, _, frames in embedded}
    store.replace_documents(batch, claims, FRAMES_VERSION)


def refresh_claims(articles: Sequence[Article], store: Store) -> None:
    """Re-extract the claim frames of unchanged articles indexed by an older extractor."""
    for article in articles:
        store.set_claims(article.id, article_claims(article), FRAMES_VERSION, article.flags)


def groups_of_chunks(todo: Sequence[tuple[Article, list[Chunk]]], size: int):
    group: list[tuple[Article, list[Chunk]]] = []
    count = 0
    for item in todo:
        if group and count + len(item[1]) > size:
            yield group
            group, count = [], 0
        group.append(item)
        count += len(item[1])
    if group:
        yield group


def prune_missing_files(store: Store) -> int:
    """Drop documents that came from a file (an absolute path) which no longer exists; documents from
    the API or an evaluation are kept."""
    gone = [
        d.id
        for d in store.list_documents()
        if d.source and Path(d.source).is_absolute() and not Path(d.source).exists()
    ]
    for doc_id in gone:
        store.remove_document(doc_id)
    return len(gone)


def embed_article(
    article: Article, settings: Settings, embedder: Embedder, progress: ProgressHook | None = None
) -> Embedded:
    """Chunk and embed one article given as text (POST /documents), ready to commit."""
    chunks = chunk_article(article, settings.chunk_size, settings.chunk_overlap)
    if not chunks:
        raise InvalidInput("the document has no text to index")
    hook = (lambda n: progress(n, len(chunks))) if progress else None
    return embed_articles([(article, chunks)], embedder, hook)
