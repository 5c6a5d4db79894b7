"""The Chroma collections: the only module that imports chromadb.

Three collections:
  <name>_chunks     one record per chunk: the chunk text, its embedding, doc_id/start/end
  <name>_documents  one record per article: the full text, metadata, sha256, chunk count, and its claim
                    frames as JSON with the extractor's version (service/claims.py); embedded title
  <name>_state      the write generation, which changes with every write (views refresh on it), and small
                    records other processes must see: summary jobs, leases, summaries (service/jobs.py)

Writes are atomic per article. A new version's chunks are written under that version (the article's
sha256 in each chunk's metadata and id), the document record flips to it last, then the chunks of other
versions are deleted. Reads only ever return chunks of a document's current version, so a write killed at
any point leaves the old version (or no document) visible, never a mix; `remove_leftovers` deletes what
such a write left behind, on the next start or write (see indexing.py).
"""

from __future__ import annotations

import functools
import json
import math
import os
import time
import uuid
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from typing import Any
from urllib.parse import urlparse

from .errors import NotFound, StoreError
from .models import Article, Chunk, Claim, DocumentInfo, Flag
from .settings import Settings

os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")

DOC_FIELDS = ("title", "published", "author", "sha256", "chars", "source")
SHARED_LEFTOVER_GRACE = 600.0  # seconds: far longer than writing one commit group's chunks takes


class Store:
    """Articles and their chunks in Chroma (a local folder, or a server when chroma_url is set)."""

    def __init__(self, settings: Settings, embedder_name: str):
        self.settings = settings
        self.embedder_name = embedder_name
        self.where = settings.chroma_url or str(settings.index_dir)
        # Leftovers younger than this are spared: with a server another process may be writing them now.
        self.leftover_grace = SHARED_LEFTOVER_GRACE if settings.chroma_url else 0.0
        self.client = Guarded(self._connect(), self.where)
        self._versions: tuple[str, dict[str, str]] | None = None
        self._open_collections()

    def _connect(self) -> Any:
        import chromadb
        from chromadb.config import Settings as ChromaSettings

        chroma_settings = ChromaSettings(anonymized_telemetry=False, allow_reset=True)
        try:
            if self.settings.chroma_url:
                url = urlparse(self.settings.chroma_url)
                return chromadb.HttpClient(
                    host=url.hostname or "localhost",
                    port=url.port or (443 if url.scheme == "https" else 8000),
                    ssl=url.scheme == "https",
                    settings=chroma_settings,
                )
            self.settings.index_dir.mkdir(parents=True, exist_ok=True)
            return chromadb.PersistentClient(path=str(self.settings.index_dir), settings=chroma_settings)
        except Exception as exc:
            raise StoreError(f"cannot open the Chroma store at {self.where}: {exc}") from exc

    def _open_collections(self) -> None:
        name = self.settings.collection
        metadata = {"hnsw:space": "cosine", "embedding_model": self.embedder_name}
        try:
            self.chunks = self._collection(f"{name}_chunks", metadata)
            self.documents = self._collection(f"{name}_documents", metadata)
            self.state = self._collection(f"{name}_state")
        except StoreError:
            raise
        except Exception as exc:
            raise StoreError(f"cannot open the Chroma collections: {exc}") from exc
        built_with = (self.chunks.metadata or {}).get("embedding_model")
        if built_with and built_with != self.embedder_name:
            raise StoreError(
                f"the index was built with {built_with!r} but the embedder is {self.embedder_name!r}: "
                "run `newsdesk index --rebuild`"
            )

    def _collection(self, name: str, metadata: dict | None = None) -> Any:
        def open_it() -> Any:
            return self.client.get_or_create_collection(name, metadata=metadata, embedding_function=None)

        return Guarded(open_it(), self.where, reopen=open_it)

    def reset(self) -> None:
        for collection in (self.chunks, self.documents, self.state):
            self.client.delete_collection(collection.name)
        self._open_collections()

    # --- writes --------------------------------------------------------------------------------

    def replace_documents(
        self,
        batch: Sequence[tuple[Article, Sequence[Chunk], Sequence[list[float]]]],
        claims: Mapping[str, Sequence[Claim]] | None = None,
        claims_version: int = 0,
    ) -> None:
        """Replace the chunks of several articles, then commit their document records (with the claim
        frames of each article, when given, stamped with the extractor's version)."""
        claims = claims or {}
        if not batch:
            return
        self._bump_generation()
        chunks = [(c, article.sha256) for article, cs, _ in batch for c in cs]
        now = time.time()
        vectors = [v for _, _, vs in batch for v in vs]
        limit = self.client.get_max_batch_size()
        for i in range(0, len(chunks), limit):
            part = chunks[i : i + limit]
            self.chunks.upsert(
                ids=[versioned_id(c.chunk_id, version) for c, version in part],
                embeddings=vectors[i : i + limit],
                documents=[c.text for c, _ in part],
                metadatas=[
                    {"doc_id": c.doc_id, "start": c.start, "end": c.end, "version": v, "written": now}
                    for c, v in part
                ],
            )
        self.documents.upsert(  # the flip: from here on the new version is the one read
            ids=[article.id for article, _, _ in batch],
            embeddings=[mean_vector(vs) for _, _, vs in batch],
            documents=[article.text for article, _, _ in batch],
            metadatas=[
                self._record(article, len(cs), claims.get(article.id), claims_version)
                for article, cs, _ in batch
            ],
        )
        self._drop_stale_chunks({article.id: article.sha256 for article, _, _ in batch})
        self._bump_generation()

    def remove_leftovers(self) -> int:
        """Delete the chunks no committed document version owns (what an interrupted write left), once
        they are older than `leftover_grace` (0 for an embedded index, which one process writes; with a
        server, another process's write in progress looks the same). Chunks written before versions
        existed are adopted when they are exactly their document's count."""
        records = self.committed_records()
        current = {doc_id: sha for doc_id, (sha, _, _) in records.items()}
        ids, metas, _ = self._all_chunk_records(include=["metadatas"])
        counts = {doc_id: chunks for doc_id, (_, chunks, _) in records.items()}
        self._adopt_unversioned(ids, metas, current, counts)
        return self._delete_stale(ids, metas, current, settled=time.time() - self.leftover_grace)

    def _drop_stale_chunks(self, current: Mapping[str, str]) -> int:
        ids, metas, _ = self._all_chunk_records(
            include=["metadatas"], where={"doc_id": {"$in": list(current)}}
        )
        return self._delete_stale(ids, metas, current)

    def _delete_stale(
        self, ids: list[str], metas: list[dict], current: Mapping[str, str], settled: float = math.inf
    ) -> int:
        """Delete the chunks of versions no record commits, written no later than `settled`."""
        stale = [
            i
            for i, m in zip(ids, metas, strict=True)
            if m.get("version") != current.get(m["doc_id"]) and float(m.get("written", 0)) <= settled
        ]
        limit = self.client.get_max_batch_size()
        for i in range(0, len(stale), limit):
            self.chunks.delete(ids=stale[i : i + limit])
        if stale:
            self._bump_generation()
        return len(stale)

    def _adopt_unversioned(
        self, ids: list[str], metas: list[dict], versions: Mapping[str, str], counts: Mapping[str, int]
    ) -> None:
        """Stamp chunks of an older newsdesk (no version) with their document's version when they are all
        its recorded chunks and it has no versioned ones (metas are updated in place)."""
        legacy = Counter(m["doc_id"] for m in metas if "version" not in m)
        versioned = Counter(m["doc_id"] for m in metas if "version" in m)
        whole = {d for d, n in legacy.items() if n == counts.get(d) and not versioned[d]}
        adopt = [
            (i, m) for i, m in zip(ids, metas, strict=True) if "version" not in m and m["doc_id"] in whole
        ]
        for _, meta in adopt:
            meta["version"] = versions[meta["doc_id"]]
        limit = self.client.get_max_batch_size()
        for first in range(0, len(adopt), limit):
            part = adopt[first : first + limit]
            self.chunks.update(ids=[chunk_id for chunk_id, _ in part], metadatas=[m for _, m in part])

    @staticmethod
    def _record(
        article: Article, chunk_count: int, claims: Sequence[Claim] | None = None, version: int = 0
    ) -> dict:
        fields = article.model_dump(include=set(DOC_FIELDS))
        record = {**{k: v for k, v in fields.items() if v is not None}, "chunks": chunk_count}
        record["flags"] = encode_flags(article.flags)
        if claims is not None:
            record |= {"claims": encode_claims(claims), "claims_version": version}
        return record

    def set_claims(
        self, doc_id: str, claims: Sequence[Claim], version: int, flags: Sequence[Flag] = ()
    ) -> None:
        """Replace a document's stored claim frames and flags (after the extractor changed)."""
        got = self.documents.get(ids=[doc_id], include=["metadatas"])
        if not got["ids"]:
            raise NotFound(f"no document with id {doc_id!r}")
        meta = {**got["metadatas"][0], "claims": encode_claims(claims), "claims_version": version}
        meta["flags"] = encode_flags(flags)
        self.documents.update(ids=[doc_id], metadatas=[meta])
        self._bump_generation()

    def remove_document(self, doc_id: str) -> None:
        self.documents.delete(ids=[doc_id])
        self.chunks.delete(where={"doc_id": doc_id})
        self._bump_generation()

    def _bump_generation(self) -> None:
        """Mark the store changed (before and after a write), so every process refreshes its views."""
        self.state.upsert(ids=["generation"], embeddings=[[0.0]], documents=[uuid.uuid4().hex])

    # --- small shared records (jobs, leases, summaries) ----------------------------------------

    def put_record(self, key: str, value: str, **meta: str | float | int) -> None:
        """Write one record every process sees: `value` is its text, `meta` what it is found by (`kind`)."""
        self.state.upsert(ids=[key], embeddings=[[0.0]], documents=[value], metadatas=[{"key": key, **meta}])

    def get_record(self, key: str) -> tuple[str, dict] | None:
        got = self.state.get(ids=[key], include=["documents", "metadatas"])
        return (got["documents"][0], got["metadatas"][0] or {}) if got["ids"] else None

    def find_records(self, where: dict, with_values: bool = True) -> dict[str, tuple[str | None, dict]]:
        """key → (value, metadata) of the records matching a Chroma metadata filter."""
        include = ["documents", "metadatas"] if with_values else ["metadatas"]
        got = self.state.get(where=where, include=include)
        values = got.get("documents") or [None] * len(got["ids"])
        return {k: (v, m or {}) for k, v, m in zip(got["ids"], values, got["metadatas"], strict=True)}

    def delete_records(self, keys: Sequence[str]) -> None:
        if keys:
            self.state.delete(ids=list(keys))

    # --- reads ---------------------------------------------------------------------------------

    def list_documents(self) -> list[DocumentInfo]:
        got = self.documents.get(include=["metadatas"])
        infos = [self._info(doc_id, meta) for doc_id, meta in zip(got["ids"], got["metadatas"], strict=True)]
        return sorted(infos, key=lambda d: d.id)

    def committed_chunk_counts(self) -> dict[str, tuple[str, int]]:
        """doc_id → (sha256, chunk count) as recorded when the document was committed."""
        return {doc_id: (sha, chunks) for doc_id, (sha, chunks, _) in self.committed_records().items()}

    def committed_records(self) -> dict[str, tuple[str, int, int]]:
        """doc_id → (sha256, chunk count, version of its stored claims; 0: none), in one read."""
        got = self.documents.get(include=["metadatas"])
        return {
            i: (m["sha256"], int(m["chunks"]), int(m.get("claims_version") or 0))
            for i, m in zip(got["ids"], got["metadatas"], strict=True)
        }

    def stored_chunk_counts(self) -> Counter[str]:
        """doc_id → chunks of its committed version actually present (to find half-written documents)."""
        _, metas, _ = self._all_chunk_records(include=["metadatas"])
        is_current = self.current_filter()
        return Counter(m["doc_id"] for m in metas if is_current(m))

    def document_info(self, doc_id: str) -> DocumentInfo | None:
        """One document's record without its text (None when there is none)."""
        got = self.documents.get(ids=[doc_id], include=["metadatas"])
        return self._info(doc_id, got["metadatas"][0]) if got["ids"] else None

    def get_document(self, doc_id: str) -> Article:
        got = self.documents.get(ids=[doc_id], include=["metadatas", "documents"])
        if not got["ids"]:
            raise NotFound(f"no document with id {doc_id!r}")
        info = self._info(doc_id, got["metadatas"][0])
        return Article(**info.model_dump(), text=got["documents"][0])

    def document_claims(self, doc_id: str) -> tuple[int, list[Claim]]:
        """(extractor version, claims) stored with the document; each claim quotes its sentence."""
        got = self.documents.get(ids=[doc_id], include=["metadatas", "documents"])
        if not got["ids"]:
            raise NotFound(f"no document with id {doc_id!r}")
        meta, text = got["metadatas"][0], got["documents"][0]
        if "claims" not in meta:
            return 0, []
        return int(meta.get("claims_version") or 0), decode_claims(meta["claims"], text, meta.get("title"))

    def count_chunks(self) -> int:
        return self.chunks.count()

    def all_chunks(self) -> list[Chunk]:
        """Every chunk of every document's current version."""
        ids, metas, texts = self._all_chunk_records(include=["metadatas", "documents"])
        is_current = self.current_filter()
        return [as_chunk(i, m, t) for i, m, t in zip(ids, metas, texts, strict=True) if is_current(m)]

    def dense_search(self, vector: list[float], n: int) -> list[tuple[Chunk, float]]:
        """Nearest chunks of current versions by cosine similarity, best first (twice as many are asked
        for: the chunks an interrupted write left are skipped until they are removed)."""
        total = self.chunks.count()
        if total == 0:
            return []
        got = self.chunks.query(
            query_embeddings=[vector],
            n_results=min(2 * n, total),
            include=["metadatas", "documents", "distances"],
        )
        is_current = self.current_filter()
        rows = zip(got["ids"][0], got["metadatas"][0], got["documents"][0], got["distances"][0], strict=True)
        return [(as_chunk(i, m, t), 1.0 - d) for i, m, t, d in rows if is_current(m)][:n]

    def current_versions(self) -> dict[str, str]:
        """doc_id → the version (sha256) its record commits; read once per write generation."""
        generation = self.generation()
        if self._versions is None or self._versions[0] != generation:
            got = self.documents.get(include=["metadatas"])
            self._versions = (
                generation,
                {i: m["sha256"] for i, m in zip(got["ids"], got["metadatas"], strict=True)},
            )
        return self._versions[1]

    def current_filter(self) -> Callable[[dict], bool]:
        """Whether a chunk record belongs to its document's committed version (chunks written before
        versions existed count as current until `remove_leftovers` adopts or removes them)."""
        versions = self.current_versions()

        def is_current(meta: dict) -> bool:
            version = versions.get(meta["doc_id"])
            return version is not None and meta.get("version", version) == version

        return is_current

    def generation(self) -> str:
        """Changes with every write, in any process (one small read: cheap enough for every search)."""
        got = self.state.get(ids=["generation"], include=["documents"])
        return got["documents"][0] if got["ids"] else "empty"

    def _all_chunk_records(
        self, include: list[str], where: dict | None = None
    ) -> tuple[list[str], list[dict], list[str]]:
        ids: list[str] = []
        metas: list[dict] = []
        texts: list[str] = []
        page = 5000
        offset = 0
        while True:
            got = self.chunks.get(include=include, where=where, limit=page, offset=offset)
            ids.extend(got["ids"])
            metas.extend(got["metadatas"] or [])
            texts.extend(got.get("documents") or [])
            if len(got["ids"]) < page:
                return ids, metas, texts
            offset += page

    @staticmethod
    def _info(doc_id: str, meta: dict) -> DocumentInfo:
        flags = [Flag(**f) for f in json.loads(meta["flags"])] if meta.get("flags") else []
        return DocumentInfo(id=doc_id, **{k: meta.get(k) for k in DOC_FIELDS}, flags=flags)


class Guarded:
    """A Chroma client or collection whose calls report a store that cannot be reached (server down, disk
    full, credentials refused) as StoreError, a 503; a mistake in a call still fails loudly. A collection
    another process deleted and made anew (`index --rebuild` while workers run) is reopened by name."""

    def __init__(self, target: Any, where: str, reopen: Callable[[], Any] | None = None):
        self._target, self._where, self._reopen = target, where, reopen
        self._gone = gone_errors() if reopen else ()  # () catches nothing

    def __getattr__(self, name: str) -> Any:
        attr = getattr(self._target, name)
        if not callable(attr):
            return attr

        @functools.wraps(attr)
        def call(*args: Any, **kwargs: Any) -> Any:
            try:
                try:
                    return attr(*args, **kwargs)
                except self._gone:
                    self._target = self._reopen()
                    return getattr(self._target, name)(*args, **kwargs)
            except unavailable_errors() as exc:
                problem = f"{self._where} cannot be reached or used: {type(exc).__name__}: {exc}"
                raise StoreError(f"the Chroma store at {problem}") from exc

        return call


@functools.cache
def gone_errors() -> tuple[type[BaseException], ...]:
    from chromadb.errors import NotFoundError

    return (NotFoundError,)


@functools.cache
def unavailable_errors() -> tuple[type[BaseException], ...]:
    import httpx
    from chromadb import errors

    return (
        httpx.TransportError,  # refused, reset, timed out: the server is down or gone
        OSError,
        errors.InternalError,  # the server (or the embedded engine) failed: e.g. disk full, read-only
        errors.RateLimitError,
        errors.ChromaAuthError,
        errors.AuthorizationError,
    )


def versioned_id(chunk_id: str, version: str) -> str:
    """The Chroma id of a chunk of one version (document ids never hold '@')."""
    return f"{chunk_id}@{version[:16]}"


def as_chunk(record_id: str, meta: dict, text: str) -> Chunk:
    chunk_id = record_id.split("@", 1)[0]
    return Chunk(doc_id=meta["doc_id"], chunk_id=chunk_id, start=meta["start"], end=meta["end"], text=text)


def encode_claims(claims: Sequence[Claim]) -> str:
    """Claims as compact JSON, without their quotes (the article's text holds them)."""
    rows = [c.model_dump(exclude={"quote", "title"}, exclude_defaults=True) for c in claims]
    return json.dumps(rows, ensure_ascii=False, separators=(",", ":"))


def encode_flags(flags: Sequence[Flag]) -> str:
    """Flags as JSON (Chroma metadata holds scalars only); their text is kept, it is short."""
    return json.dumps([f.model_dump() for f in flags], ensure_ascii=False, separators=(",", ":"))


def decode_claims(encoded: str, text: str, title: str | None) -> list[Claim]:
    return [Claim(**row, quote=text[row["start"] : row["end"]], title=title) for row in json.loads(encoded)]


def mean_vector(vectors: Sequence[list[float]]) -> list[float]:
    """The normalized mean of a document's chunk vectors (Chroma needs one vector per record)."""
    dims = len(vectors[0])
    total = [sum(v[i] for v in vectors) for i in range(dims)]
    norm = sum(x * x for x in total) ** 0.5 or 1.0
    return [x / norm for x in total]
