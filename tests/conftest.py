"""Shared fixtures. The seeds are indexed once per session with the real packaged embedder."""

from __future__ import annotations

import shutil
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from service.desk import Desk
from service.settings import PROJECT_ROOT, Settings, get_settings

SEEDS = PROJECT_ROOT / "seeds"
LOOPBACK = pytest.mark.block_network(allowed_hosts=["127.0.0.1"])  # for tests that run a real server
SEED_IDS = sorted(p.stem for p in SEEDS.glob("*.txt"))


def make_settings(index_dir: Path, **overrides) -> Settings:
    return Settings(
        index_dir=index_dir, seeds_dir=SEEDS, cache_dir=Path.home() / ".cache" / "newsdesk", **overrides
    )


@pytest.fixture(scope="session")
def seeded_index(tmp_path_factory) -> Path:
    index_dir = tmp_path_factory.mktemp("seeded") / "index"
    Desk(make_settings(index_dir)).index([SEEDS])
    return index_dir


@pytest.fixture
def seeded_desk(seeded_index, tmp_path) -> Desk:
    """A Desk over a private copy of the indexed seeds (tests may write to it)."""
    index_dir = tmp_path / "index"
    shutil.copytree(seeded_index, index_dir)
    return Desk(make_settings(index_dir))


@pytest.fixture(scope="session")
def shared_desk(seeded_index) -> Desk:
    """A read-only Desk over the indexed seeds, shared to save model loads."""
    return Desk(make_settings(seeded_index))


@pytest.fixture
def env_index(monkeypatch, tmp_path):
    """Point the CLI (which reads settings from the environment) at a fresh index folder."""
    index_dir = tmp_path / "index"
    monkeypatch.setenv("NEWSDESK_INDEX_DIR", str(index_dir))
    monkeypatch.setenv("NEWSDESK_SEEDS_DIR", str(SEEDS))
    get_settings.cache_clear()
    yield index_dir
    get_settings.cache_clear()


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def serving(app) -> Iterator[str]:
    """The app served by a real uvicorn server in a thread on a free loopback port; yields its base URL."""
    import uvicorn

    port = free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)
