"""The embedder backends (real packaged model) and the store's write generation."""

import pytest

from service.embedder import Embedder, OnnxSentenceEncoder
from service.errors import EmbeddingError

from .conftest import SEED_IDS, SEEDS, make_settings


def test_onnx_and_torch_backends_give_the_same_vectors(tmp_path):
    texts = [s for p in sorted(SEEDS.glob("*.txt")) for s in p.read_text(encoding="utf-8").split(". ")][:60]
    texts.append("")  # an empty text is embedded too
    onnx = Embedder(make_settings(tmp_path / "index", embedding_backend="onnx"))
    torch = Embedder(make_settings(tmp_path / "index", embedding_backend="torch"))
    assert isinstance(onnx.model, OnnxSentenceEncoder)
    for a, b in zip(onnx.embed(texts), torch.embed(texts), strict=True):
        assert len(a) == len(b) == 384
        assert sum(x * y for x, y in zip(a, b, strict=True)) > 0.9999
        assert abs(sum(x * x for x in a) - 1) < 1e-5


def test_onnx_backend_refuses_a_model_it_cannot_run(tmp_path):
    settings = make_settings(tmp_path / "index", embedding_backend="onnx", embedding_model=str(tmp_path))
    with pytest.raises(EmbeddingError, match="NEWSDESK_EMBEDDING_BACKEND=torch"):
        Embedder(settings).embed(["x"])


def test_every_write_changes_the_generation(seeded_desk):
    store = seeded_desk.store
    before = store.generation()
    store.set_claims(SEED_IDS[0], [], version=0)
    assert store.generation() != before
    unchanged = store.generation()
    assert store.remove_leftovers() == 0
    assert store.generation() == unchanged, "no write, no change"
