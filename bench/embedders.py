"""Embedder back-ends and the old Embedder.embed, for before/after comparisons in the same run.

  torch   sentence-transformers on torch: `Settings(embedding_backend="torch")` (the default before 886f549)
  onnx    service.embedder.OnnxSentenceEncoder: `Settings(embedding_backend="onnx")` (the default now)
  qint8   experiment: torch dynamic int8 quantization of the torch model's Linear layers
  onnx8   experiment: newsdesk's ONNX export with int8 weights (onnxruntime.quantization), run by the same
          OnnxSentenceEncoder (tokenizer, pooling) with its session swapped

Every one has SentenceTransformer's `encode(texts, batch_size=…, normalize_embeddings=…, …)`, so
`embedder.__dict__["model"] = encoder` makes service/embedder.py's Embedder use it unchanged.

PerBatchEmbedder is Embedder.embed as it was before a3bc046: one encode() call per batch of 32 texts
(newsdesk now passes slices of 8 batches per call, so the encoder sorts by length across them).
"""

from __future__ import annotations

import contextlib
import copy
import io
import logging
import time
import warnings
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np
from common import WORK

from service.embedder import Embedder, OnnxSentenceEncoder
from service.settings import Settings

BACKENDS = ("torch", "onnx")
EXPERIMENTS = ("qint8", "onnx8")


def backend_embedder(settings: Settings, backend: str) -> tuple[Embedder, float]:
    """An Embedder of the given backend (everything else as in `settings`), loaded; and its load time."""
    embedder = Embedder(settings.model_copy(update={"embedding_backend": backend}))
    start = time.perf_counter()
    embedder.model  # noqa: B018 (loads it)
    return embedder, time.perf_counter() - start


class PerBatchEmbedder(Embedder):
    """Embedder.embed before a3bc046: one model.encode() call per batch of embed_batch_size texts."""

    batches_per_call = 1


def per_batch(embedder: Embedder) -> PerBatchEmbedder:
    """The old embed() on the same settings and the same loaded model object."""
    old = PerBatchEmbedder(embedder.settings)
    old.__dict__["model"] = embedder.model
    return old


class QuantizedTorch:
    """torch.ao dynamic quantization (int8 weights, int8 matmul) of a copy of the SentenceTransformer."""

    def __init__(self, model: Any):
        import torch

        with warnings.catch_warnings(), contextlib.redirect_stderr(io.StringIO()):
            warnings.simplefilter("ignore")
            from torch.ao.quantization import quantize_dynamic

            self.model = quantize_dynamic(copy.deepcopy(model), {torch.nn.Linear}, dtype=torch.qint8)

    def encode(self, texts, **kwargs):
        return self.model.encode(texts, **kwargs)


def onnx_export_path(embedder: Embedder) -> Path:
    """The ONNX file newsdesk exported for this embedder (exported now if it is not there yet)."""
    return OnnxSentenceEncoder.exported(Path(embedder.model_location()), embedder.settings.cache_dir / "onnx")


def int8_onnx_path(onnx_embedder: Embedder) -> Path:
    """An int8-weight copy of newsdesk's ONNX export (onnxruntime.quantization), made once into WORK."""
    source = onnx_export_path(onnx_embedder)
    target = WORK / f"{source.stem}-int8.onnx"
    if not target.exists():
        from onnxruntime.quantization import QuantType, quantize_dynamic

        WORK.mkdir(parents=True, exist_ok=True)
        logging.getLogger().setLevel(logging.ERROR)
        quantize_dynamic(str(source), str(target), weight_type=QuantType.QInt8)
    return target


def quantized_onnx(onnx_embedder: Embedder) -> OnnxSentenceEncoder:
    """newsdesk's OnnxSentenceEncoder (a copy: same tokenizer, pooling) with its session on the int8 file."""
    import onnxruntime

    target = int8_onnx_path(onnx_embedder)
    encoder = copy.copy(onnx_embedder.model)
    options = onnxruntime.SessionOptions()
    options.intra_op_num_threads = onnx_embedder.settings.torch_threads
    options.inter_op_num_threads = 1
    options.log_severity_level = 3
    encoder.session = onnxruntime.InferenceSession(str(target), options, providers=["CPUExecutionProvider"])
    return encoder


def make_experiment(name: str, torch_embedder: Embedder, onnx_embedder: Embedder) -> Any:
    if name == "qint8":
        return QuantizedTorch(torch_embedder.model)
    if name == "onnx8":
        return quantized_onnx(onnx_embedder)
    raise SystemExit(f"unknown experiment {name!r}; one of {', '.join(EXPERIMENTS)}")


def encode_all(encoder: Any, texts: Sequence[str], batch_size: int) -> tuple[float, np.ndarray]:
    """One encode() call over all texts, the way a plain sentence-transformers user would: (s, vectors)."""
    start = time.perf_counter()
    vectors = encoder.encode(
        list(texts),
        batch_size=batch_size,
        normalize_embeddings=True,
        convert_to_numpy=True,
        show_progress_bar=False,
    )
    return time.perf_counter() - start, np.asarray(vectors)


def cosines(reference: Any, other: Any) -> np.ndarray:
    """Per-text cosine between two sets of normalized vectors for the same texts."""
    return np.sum(np.asarray(reference) * np.asarray(other), axis=1)
