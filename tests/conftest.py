"""Shared fixtures. The seeds are indexed once per session with the real packaged embedder."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
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


def start_newsdesk(port: int, env: dict[str, str], *args: str, ready: str = "/health") -> subprocess.Popen:
    """`newsdesk serve` (this checkout's code) on 127.0.0.1:port with these environment overrides, once
    `ready` answers 200 (90 s at most); its log is shown if it does not start."""
    command = [sys.executable, "-m", "service.cli", "serve", "--port", str(port), *args]
    log = tempfile.TemporaryFile("w+")  # noqa: SIM115 (closed with the test process) not a pipe: a pipe nobody reads would block a chatty server
    proc = subprocess.Popen(command, env={**os.environ, **env}, stdout=log, stderr=subprocess.STDOUT)
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline and proc.poll() is None:
        try:
            if httpx.get(f"http://127.0.0.1:{port}{ready}", timeout=2).status_code == 200:
                return proc
        except httpx.HTTPError:
            time.sleep(0.2)
    proc.kill()
    proc.wait()
    log.seek(0)
    raise AssertionError(f"newsdesk serve did not start:\n{log.read()[-3000:]}")


def stop(proc: subprocess.Popen) -> None:
    if proc.poll() is None:
        proc.terminate()
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


@contextmanager
def chroma_server(path: Path, port: int | None = None) -> Iterator[str]:
    """A real Chroma server (`chroma run`, the CLI that ships with chromadb) on a loopback port, storing
    in `path`; yields its URL once its heartbeat answers, stops it after."""
    port = port or free_port()
    chroma = Path(sys.executable).with_name("chroma")
    command = [str(chroma), "run", "--path", str(path), "--host", "127.0.0.1", "--port", str(port)]
    proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    try:
        while True:
            try:
                if httpx.get(f"{url}/api/v2/heartbeat", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if proc.poll() is not None or time.monotonic() > deadline:
                raise AssertionError(f"`chroma run` did not start (exit status {proc.poll()})")
            time.sleep(0.1)
        yield url
    finally:
        stop(proc)


@pytest.fixture(scope="module")
def chroma_url(tmp_path_factory) -> Iterator[str]:
    """One Chroma server for a test module (tests keep apart by collection name)."""
    with chroma_server(tmp_path_factory.mktemp("chroma")) as url:
        yield url
