"""The Chroma collections: the only module that imports chromadb.

Three collections:
  <name>_chunks     one record per chunk: the chunk text, its embedding, doc_id/start/end
  <name>_documents  one record per article: the full text, metadata, sha256, chunk count, and its claim
                    frames as JSON with the extractor's version (service/claims.py); embedded title
  <name>_state      the write generation, which changes with every write (views refresh on it)

Writes for one article go chunks first, document record last, so the document record (with its sha256
and chunk count) is the commit mark: a run killed in between leaves a record that is missing or does
not match, and the next run redoes that article (see indexing.py).
"""

from __future__ import annotations

import json
import os
import uuid
from collections import Counter
from collections.abc import Mapping, Sequence
from typing import Any
from urllib.parse import urlparse

from .errors import NotFound, StoreError
from .models import Article, Chunk, Claim, DocumentInfo, Flag
from .settings import Settings

os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")

DOC_FIELDS = ("title", "published", "author", "sha256", "chars", "source")


class Store:
    """Articles and their chunks in Chroma (a local folder, or a server when chroma_url is set)."""

    def __init__(self, settings: Settings, embedder_name: str):
        self.settings = settings
        self.embedder_name = embedder_name
        self.client = self._connect()
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
            where = self.settings.chroma_url or self.settings.index_dir
            raise StoreError(f"cannot open the Chroma store at {where}: {exc}") from exc

    def _open_collections(self) -> None:
        name = self.settings.collection
        metadata = {"hnsw:space": "cosine", "embedding_model": self.embedder_name}
        try:
            self.chunks = self.client.get_or_create_collection(
                f"{name}_chunks", metadata=metadata, embedding_function=None
            )
            self.documents = self.client.get_or_create_collection(
                f"{name}_documents", metadata=metadata, embedding_function=None
            )
            self.state = self.client.get_or_create_collection(f"{name}_state", embedding_function=None)
        except Exception as exc:
            raise StoreError(f"cannot open the Chroma collections: {exc}") from exc
        built_with = (self.chunks.metadata or {}).get("embedding_model")
        if built_with and built_with != self.embedder_name:
            raise StoreError(
                f"the index was built with {built_with!r} but the embedder is {self.embedder_name!r}: "
                "run `newsdesk index --rebuild`"
            )

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
        self.chunks.delete(where={"doc_id": {"$in": [article.id for article, _, _ in batch]}})
        chunks = [c for _, cs, _ in batch for c in cs]
        vectors = [v for _, _, vs in batch for v in vs]
        limit = self.client.get_max_batch_size()
        for i in range(0, len(chunks), limit):
            part = chunks[i : i + limit]
            self.chunks.add(
                ids=[c.chunk_id for c in part],
                embeddings=vectors[i : i + limit],
                documents=[c.text for c in part],
                metadatas=[{"doc_id": c.doc_id, "start": c.start, "end": c.end} for c in part],
            )
        self.documents.upsert(
            ids=[article.id for article, _, _ in batch],
            embeddings=[mean_vector(vs) for _, _, vs in batch],
            documents=[article.text for article, _, _ in batch],
            metadatas=[
                self._record(article, len(cs), claims.get(article.id), claims_version)
                for article, cs, _ in batch
            ],
        )
        self._bump_generation()

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

    def remove_chunks_of(self, doc_ids: Sequence[str]) -> None:
        if doc_ids:
            self.chunks.delete(where={"doc_id": {"$in": list(doc_ids)}})
            self._bump_generation()

    def _bump_generation(self) -> None:
        """Mark the store changed (before and after a write), so every process refreshes its views."""
        self.state.upsert(ids=["generation"], embeddings=[[0.0]], documents=[uuid.uuid4().hex])

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
        """doc_id → chunks actually present (to find half-written or orphaned documents)."""
        return Counter(meta["doc_id"] for meta in self._all_chunk_records(include=["metadatas"])[1])

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
        ids, metas, texts = self._all_chunk_records(include=["metadatas", "documents"])
        return [
            Chunk(doc_id=m["doc_id"], chunk_id=i, start=m["start"], end=m["end"], text=t)
            for i, m, t in zip(ids, metas, texts, strict=True)
        ]

    def dense_search(self, vector: list[float], n: int) -> list[tuple[Chunk, float]]:
        """Nearest chunks by cosine similarity, best first."""
        total = self.chunks.count()
        if total == 0:
            return []
        got = self.chunks.query(
            query_embeddings=[vector],
            n_results=min(n, total),
            include=["metadatas", "documents", "distances"],
        )
        return [
            (Chunk(doc_id=m["doc_id"], chunk_id=i, start=m["start"], end=m["end"], text=t), 1.0 - d)
            for i, m, t, d in zip(
                got["ids"][0], got["metadatas"][0], got["documents"][0], got["distances"][0], strict=True
            )
        ]

    def generation(self) -> str:
        """Changes with every write, in any process (one small read: cheap enough for every search)."""
        got = self.state.get(ids=["generation"], include=["documents"])
        return got["documents"][0] if got["ids"] else "empty"

    def _all_chunk_records(self, include: list[str]) -> tuple[list[str], list[dict], list[str]]:
        ids: list[str] = []
        metas: list[dict] = []
        texts: list[str] = []
        page = 5000
        offset = 0
        while True:
            got = self.chunks.get(include=include, limit=page, offset=offset)
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
