"""compose.yaml and the Dockerfile cannot be run here (no images can be pulled), so what can be checked is:
every NEWSDESK_* setting they set exists, every newsdesk command and option they run exists, each
service's volumes are declared, and the Chroma image is the server of the chromadb version the tests run
(`chroma run` in tests/test_chroma_server.py)."""

from __future__ import annotations

import re
import shlex
from importlib.metadata import version

import yaml
from typer.testing import CliRunner

from service.cli import app as cli
from service.settings import PROJECT_ROOT, Settings

COMPOSE = yaml.safe_load((PROJECT_ROOT / "compose.yaml").read_text())
DOCKERFILE = (PROJECT_ROOT / "Dockerfile").read_text()
SETTINGS = {f"NEWSDESK_{name.upper()}" for name in Settings.model_fields}


def newsdesk_commands(command: list[str]) -> list[list[str]]:
    """The `newsdesk …` invocations in a service's command (also inside `sh -c "a && b"`)."""
    text = command[-1] if command[:2] == ["sh", "-c"] else shlex.join(command)
    parts = [shlex.split(part) for part in re.split(r"&&|;", text)]
    return [[w for w in words if w != "exec"] for words in parts if "newsdesk" in words]


def test_the_three_services_and_a_volume_for_each_store():
    services = COMPOSE["services"]
    assert {"api", "chroma", "llm"} <= set(services)
    declared = set(COMPOSE["volumes"])
    for name, service in services.items():
        for mount in service.get("volumes", []):
            assert mount.split(":")[0] in declared, f"{name} mounts an undeclared volume: {mount}"
    assert any(m.endswith(":/data") for m in services["chroma"]["volumes"]), "Chroma's data is kept"
    assert any(m.startswith("models:") for m in services["llm"]["volumes"]), "the model is kept"


def test_every_newsdesk_setting_in_compose_and_dockerfile_exists():
    in_compose = set(COMPOSE["services"]["api"]["environment"])
    in_dockerfile = set(re.findall(r"\b(NEWSDESK_[A-Z_]+)=", DOCKERFILE))
    assert in_compose and in_dockerfile
    assert in_compose - SETTINGS == set() and in_dockerfile - SETTINGS == set()
    api = COMPOSE["services"]["api"]["environment"]
    assert api["NEWSDESK_CHROMA_URL"] == "http://chroma:8000"
    assert api["NEWSDESK_LLM_BASE_URL"].startswith("http://llm:8080")
    assert ":?" in api["NEWSDESK_API_KEY"], "compose refuses to start without an API key"


def test_every_newsdesk_command_and_option_in_compose_exists():
    runner = CliRunner()
    commands = newsdesk_commands(COMPOSE["services"]["api"]["command"])
    assert [words[1] for words in commands] == ["index", "serve"]
    for words in commands:
        help_text = runner.invoke(cli, [words[1], "--help"], terminal_width=200).output
        for option in (w for w in words if w.startswith("--")):
            assert option in help_text, f"`newsdesk {words[1]}` has no {option}"


def test_the_chroma_image_is_the_server_of_the_tested_chromadb():
    image = COMPOSE["services"]["chroma"]["image"]
    assert image == f"chromadb/chroma:{version('chromadb')}"


def test_the_model_volume_is_filled_from_where_the_image_assembles_the_model():
    cache = re.search(r"NEWSDESK_CACHE_DIR=(\S+)", DOCKERFILE)[1]
    assert cache in " ".join(COMPOSE["services"]["model"]["command"])
    assert "/models/model.gguf" in COMPOSE["services"]["llm"]["command"]
