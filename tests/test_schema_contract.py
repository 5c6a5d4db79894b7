"""The API keeps its OpenAPI contract: Schemathesis (`st run --checks all`) against a real uvicorn server
on a loopback port, with the API key set for every endpoint (scope `all`) and a fake chat model; a
bounded budget on the fast endpoints and a small one on the model's, 0 failures of any check. Seeded:
the output of a failure names the case and how to replay it (`st replay <id>` against a running server,
or run this file with -s)."""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
import uvicorn
from langchain_core.language_models.fake_chat_models import FakeListChatModel

from service.api import create_app
from service.desk import Desk

from .conftest import make_settings

KEY = "contract-test-key"
ST = str(Path(sys.executable).with_name("st"))


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def server(seeded_index, tmp_path_factory):
    index_dir = tmp_path_factory.mktemp("contract") / "index"
    shutil.copytree(seeded_index, index_dir)
    settings = make_settings(index_dir, api_key=KEY, api_key_scope="all", model_wait=5)
    app = create_app(settings)
    app.state.desk = Desk(settings, chat_model=FakeListChatModel(responses=["The troops were deployed [1]."]))
    port = free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)


def schemathesis(base: str, paths: str, examples: int, checks: str = "all") -> subprocess.CompletedProcess:
    command = [
        ST, "run", f"{base}/openapi.json", "--checks", checks, "-H", f"Authorization: Bearer {KEY}",
        "--include-path-regex", paths, "--max-examples", str(examples), "--seed", "7",
        "--request-timeout", "60", "--no-color",
    ]  # fmt: skip
    run = subprocess.run(command, capture_output=True, text=True, timeout=600)
    print(run.stdout[-4000:])  # shown with -s
    return run


def test_fast_endpoints_keep_every_check(server):
    run = schemathesis(server, r"^/(health|documents|search|summaries/)(?!.*/summary$)", examples=40)
    assert run.returncode == 0, run.stdout[-6000:]
    assert " passed" in run.stdout and "failures" not in run.stdout.lower()
    assert "Tested: 7" in run.stdout, "every fast operation was reached"


def test_model_endpoints_keep_every_check_on_a_small_budget(server):
    run = schemathesis(
        server, r"^/(ask|v1/chat/completions|disagreements|documents/[^/]+/summary$)", 3, "all"
    )
    assert run.returncode == 0, run.stdout[-6000:]
