"""The Desk: one object that owns the store, the embedder and the chat model, and exposes every operation.

The CLI and the HTTP routes are thin shells around it. Everything heavy is created on first use, so
`newsdesk serve` starts fast and `newsdesk documents` never loads a model.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from functools import cached_property
from hashlib import sha256
from pathlib import Path

from .answer import Answerer
from .articles import check_document_id, check_text, make_article
from .assertions import find_assertion_disagreements
from .bulk_summaries import (
    Exclusive,
    StoredSummaries,
    Summaries,
    SummaryFile,
    SummaryReport,
    SummaryResult,
    cached_summary,
    shard_of,
    summarize_documents,
)
from .chat import Conversation, Turn, standalone_question
from .claims import FRAMES_VERSION, article_claims
from .disagreements import find_disagreements
from .embedder import Embedder
from .errors import Conflict, InvalidInput, NotFound
from .gate import ModelGate, Ticket
from .indexing import commit_articles, embed_article, index_paths
from .jobs import SummaryJob, SummaryJobs
from .leases import Leases
from .llm import TokenHook, generate, get_chat_model, model_name
from .models import (
    Answer,
    Article,
    Claim,
    Disagreement,
    DocumentInfo,
    IndexReport,
    Passage,
    ProgressHook,
    SearchResult,
    Summary,
)
from .retrieve import Retriever
from .settings import Settings, get_settings
from .store import Store
from .summary import Summarizer
from .text import check_query, sentence_passages, sentences_with_context
from .vocabulary import Vocabulary, read_lexicon


class Desk:
    def __init__(self, settings: Settings | None = None, chat_model: object | None = None):
        """chat_model: a LangChain chat model to use instead of the configured one (tests, embedding)."""
        self.settings = settings or get_settings()
        self.chat_model = chat_model
        self._write_lock = threading.Lock()
        self._disagreements: dict[tuple[str, bool], list[Disagreement]] = {}
        self._claims: dict[tuple[str, str], list[Claim]] = {}

    @cached_property
    def embedder(self) -> Embedder:
        return Embedder(self.settings)

    @cached_property
    def store(self) -> Store:
        return Store(self.settings, self.embedder.name)

    @cached_property
    def retriever(self) -> Retriever:
        return Retriever(self.settings, self.store, self.embedder)

    @cached_property
    def answerer(self) -> Answerer:
        return Answerer(
            settings=self.settings,
            retriever=self.retriever,
            chat=self.chat,
            model_name=model_name(self.settings),
            article_text=lambda doc_id: self.store.get_document(doc_id).text,
            claims_of=self.claims_of,
            vocabulary=self.vocabulary,
            published_of=self.published_of,
        )

    @cached_property
    def vocabulary(self) -> Vocabulary:
        """Which words count the same thing: the optional lexicon, then the embedder."""
        return Vocabulary(self.embedder.embed, read_lexicon(self.settings.lexicon_path))

    def claims_of(self, doc_ids: list[str]) -> list[Claim]:
        """The claim frames of these documents, as stored by the indexer; a document indexed by an older
        extractor is parsed here (and `newsdesk index` stores the new frames)."""
        generation = self.store.generation()
        self._claims = {k: v for k, v in self._claims.items() if k[1] == generation}  # the index changed
        found = []
        for doc_id in doc_ids:
            if (doc_id, generation) not in self._claims:
                version, claims = self.store.document_claims(check_document_id(doc_id))
                if version != FRAMES_VERSION:
                    claims = article_claims(self.document(doc_id))
                self._claims[(doc_id, generation)] = claims
            found += self._claims[(doc_id, generation)]
        return found

    def chat(self):
        """The chat model (loaded on first use)."""
        return self.chat_model or get_chat_model(self.settings)

    @cached_property
    def gate(self) -> ModelGate:
        """Who may use the chat model now (service/gate.py)."""
        return ModelGate(self.settings.model_slots, self.settings.model_queue, self.settings.model_wait)

    def ask_followup(
        self,
        question: str,
        history: list[Turn],
        on_token: TokenHook | None = None,
        ticket: Ticket | None = None,
    ) -> Answer:
        """Answer a question that may lean on earlier turns (rewritten into a standalone one first)."""
        question = check_query(question, self.settings.max_query_chars)
        with self.gate.held(ticket):
            standalone = standalone_question(
                question, history, self.complete, self.settings.prompts_dir, self.settings.max_history_chars
            )
            return self.ask(standalone, on_token=on_token)

    def complete(self, system: str, user: str) -> str:
        """One plain model call (question rewriting)."""
        return generate(self.chat(), system, user)

    def conversation(self) -> Conversation:
        return Conversation(
            ask=lambda question, on_token=None: self.ask(question, on_token=on_token),
            rewrite=self.complete,
            prompts_dir=self.settings.prompts_dir,
            history_chars=self.settings.max_history_chars,
            question_chars=self.settings.max_query_chars,
        )

    # --- index ---------------------------------------------------------------------------------

    def index(
        self,
        paths: list[Path] | None = None,
        *,
        prune: bool = False,
        rebuild: bool = False,
        progress: ProgressHook | None = None,
    ) -> IndexReport:
        with self._write_lock:
            return index_paths(
                paths or [self.settings.seeds_dir],
                self.settings,
                self.store,
                self.embedder,
                prune=prune,
                rebuild=rebuild,
                progress=progress,
            )

    def add_document(
        self,
        text: str,
        doc_id: str | None = None,
        title: str | None = None,
        replace: bool = False,
        progress: ProgressHook | None = None,
    ) -> tuple[Article, int]:
        """Index one article given as text. An id already taken is a Conflict unless `replace` (an
        article is never overwritten by accident: `PUT /documents/{id}` replaces, `POST` adds). Its
        chunks are embedded before the write lock is taken: a long article does not hold up others."""
        name = "the document" if doc_id is None else f"document {doc_id!r}"
        check_text(text, name, self.settings.max_document_chars)
        automatic = "doc_" + sha256(text.encode()).hexdigest()[:16]
        doc_id = check_document_id(doc_id if doc_id is not None else automatic)
        article = make_article(doc_id, text, title=title, source="api")
        if not replace:
            self._refuse_taken(doc_id)  # before the slow part
        embedded = embed_article(article, self.settings, self.embedder, progress)  # outside the lock
        with self._writing(doc_id):
            if not replace:
                self._refuse_taken(doc_id)  # taken meanwhile
            commit_articles(embedded, self.store)
        return article, len(embedded[0][1])

    @contextmanager
    def _writing(self, doc_id: str) -> Iterator[None]:
        """This process's write lock; with a Chroma server also a lease on the document, so that two
        workers writing one document never delete each other's new chunks."""
        with ExitStack() as held:
            if self.settings.chroma_url:
                held.enter_context(self.leases.exclusive(f"write:{doc_id}"))
            held.enter_context(self._write_lock)
            yield

    def _refuse_taken(self, doc_id: str) -> None:
        if (existing := self.store.document_info(doc_id)) is not None:
            origin = existing.source or "api"
            raise Conflict(
                f"a document with id {doc_id!r} exists ({existing.title!r}, from {origin}); "
                f"replace it with PUT /documents/{doc_id}, or give another id"
            )

    def published_of(self, doc_id: str) -> str | None:
        info = self.store.document_info(doc_id)
        return info.published if info else None

    # --- read ----------------------------------------------------------------------------------

    def documents(self) -> list[DocumentInfo]:
        return self.store.list_documents()

    def document(self, doc_id: str) -> Article:
        return self.store.get_document(check_document_id(doc_id))

    def search(self, query: str, k: int | None = None) -> list[SearchResult]:
        return self.retriever.search(query, k)

    def ask(
        self,
        question: str,
        k: int | None = None,
        on_token: TokenHook | None = None,
        ticket: Ticket | None = None,
    ) -> Answer:
        """A cited answer; waits for a model slot unless given one (`ticket`, taken by an HTTP route)."""
        with self.gate.held(ticket):
            return self.answerer.ask(question, k, on_token)

    def disagreements(self, assertions: bool = True) -> list[Disagreement]:
        """Every figure the documents disagree on, corpus-wide, and (when `assertions`) contradicting
        statements judged by the chat model. Cached until the index changes."""
        key = (self.store.generation(), assertions)
        if key not in self._disagreements:
            docs = self.documents()
            claims = self.claims_of([doc.id for doc in docs])
            found = find_disagreements(claims, self.vocabulary, self.settings.conflict_window_days)
            if assertions:  # only the assertions need every sentence of every document, and the model
                sentences = [item for doc in docs for item in self._sentences_with_context(doc.id)]
                with self.gate.held():
                    judge = self.answerer.judge()
                    found += find_assertion_disagreements(sentences, self.embedder.embed, judge)
            self._disagreements = {key: found}
        return self._disagreements[key]

    def _sentences_with_context(self, doc_id: str) -> list[tuple[Passage, str]]:
        article = self.document(doc_id)
        return sentences_with_context(sentence_passages(article.id, article.title, article.text))

    # --- summaries -----------------------------------------------------------------------------

    @cached_property
    def summarizer(self) -> Summarizer:
        return Summarizer.for_settings(
            self.settings,
            chat=self.chat,
            model_name=model_name(self.settings),
            vocabulary=self.vocabulary,
        )

    @cached_property
    def summary_file(self) -> Summaries:
        """NEWSDESK_SUMMARIES_PATH; else with a Chroma server the store (every worker sees them), else
        index/summaries.jsonl."""
        if self.settings.summaries_path is None and self.settings.chroma_url:
            return StoredSummaries(self.store)
        return SummaryFile(self.settings.summaries_path or self.settings.index_dir / "summaries.jsonl")

    @cached_property
    def leases(self) -> Leases:
        return Leases(self.store)

    @property
    def exclusive(self) -> Exclusive | None:
        """With a Chroma server several workers may summarize: one article is made by one of them at a
        time, under a lease (service/leases.py). The embedded index has one process: a lock does."""
        if not self.settings.chroma_url:
            return None
        return lambda key: self.leases.exclusive(f"summary:{key}")

    @cached_property
    def summary_jobs(self) -> SummaryJobs:
        return SummaryJobs(
            self.store,
            lambda ids, progress, on_result: self.summarize(ids, progress=progress, on_result=on_result),
            self.leases,
        )

    def summarize(
        self,
        doc_ids: list[str] | None = None,
        *,
        out: Path | None = None,
        concurrency: int | None = None,
        progress: ProgressHook | None = None,
        on_result: Callable[[SummaryResult], None] | None = None,
        shard: tuple[int, int] | None = None,
    ) -> SummaryReport:
        """Summarize the documents (None: all; with `shard` (i, n) only the i-th of n shares, by id) into
        the summaries' file or store, skipping those it already holds."""
        targets = self._summary_targets(doc_ids)
        if shard is not None:
            targets = [doc for doc in targets if shard_of(doc.id, shard[1]) == shard[0]]
        remote = self.settings.llm_provider == "openai"
        return summarize_documents(
            targets,
            self.document,
            self.summarizer,
            SummaryFile(out) if out else self.summary_file,
            concurrency=self.summary_concurrency(concurrency),
            progress=progress,
            on_result=on_result,
            exclusive=self.exclusive,
            retries=self.settings.llm_retries if remote else 0,  # a local model that failed stays failed
        )

    def summary_concurrency(self, asked: int | None) -> int:
        """Articles summarized at once. With the in-process model it is 1: that model runs one call at a
        time, and two articles in flight only spoil its prompt cache (bench/summaries_throughput.py)."""
        if self.settings.llm_provider == "local" and self.chat_model is None:
            return 1
        return asked or self.settings.summary_concurrency

    def summary(self, doc_id: str) -> Summary:
        """The stored summary while it matches the document's text, else a new one (stored)."""
        article = self.document(doc_id)
        return cached_summary(article, self.summarizer, self.summary_file, self.gate.held, self.exclusive)

    def start_summaries(self, doc_ids: list[str] | None = None) -> SummaryJob:
        self._summary_targets(doc_ids)  # an unknown or unsafe id is a 404/422 now, not a failed job
        return self.summary_jobs.start(doc_ids)

    def summary_job(self, job_id: str) -> SummaryJob:
        return self.summary_jobs.get(job_id)

    def _summary_targets(self, doc_ids: list[str] | None) -> list[DocumentInfo]:
        docs = self.documents()
        if doc_ids is None:
            return docs
        if not doc_ids:
            raise InvalidInput("no document ids given")
        by_id = {doc.id: doc for doc in docs}
        wanted = [check_document_id(doc_id) for doc_id in dict.fromkeys(doc_ids)]
        missing = [doc_id for doc_id in wanted if doc_id not in by_id]
        if missing:
            raise NotFound(f"no document with id {missing[0]!r}")
        return [by_id[doc_id] for doc_id in wanted]

    def health(self) -> dict:
        return {
            "status": "ok",
            "documents": len(self.documents()),
            "chunks": self.store.count_chunks(),
            "embedding_model": self.embedder.name,
            "index": self.settings.chroma_url or str(self.settings.index_dir),
            "worker": os.getpid(),  # which process answered (with `serve --workers N`)
            "llm": {"provider": self.settings.llm_provider, "model": model_name(self.settings)},
        }
