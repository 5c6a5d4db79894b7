"""The API keeps its OpenAPI contract: Schemathesis (`st run --checks all`) against a real uvicorn server
on a loopback port, with the API key set for every endpoint (scope `all`) and a fake chat model; a
bounded budget on the fast endpoints and a small one on the model's, 0 failures of any check. Seeded:
the output of a failure names the case and how to replay it (`st replay <id>` against a running server,
or run this file with -s)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from langchain_core.language_models.fake_chat_models import FakeListChatModel

from service.api import create_app
from service.desk import Desk

from .conftest import make_settings, serving

KEY = "contract-test-key"
ST = str(Path(sys.executable).with_name("st"))


@pytest.fixture(scope="module")
def server(seeded_index, tmp_path_factory):
    index_dir = tmp_path_factory.mktemp("contract") / "index"
    shutil.copytree(seeded_index, index_dir)
    settings = make_settings(index_dir, api_key=KEY, api_key_scope="all", model_wait=5)
    app = create_app(settings)
    app.state.desk = Desk(settings, chat_model=FakeListChatModel(responses=["The troops were deployed [1]."]))
    with serving(app) as base:
        yield base


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
