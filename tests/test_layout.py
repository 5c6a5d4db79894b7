"""The layout rules of service/ (README, "How it works"): shared layers below the features, features that
do not lean on each other for utilities, and modules small enough to read."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SERVICE = Path(__file__).resolve().parent.parent / "service"
SHARED = {"settings", "errors", "models", "text", "citations", "prompts", "llm", "gate"}
# What checks grounding: answers and summaries both walk through it; it knows neither.
GROUNDING = {
    "support",
    "claims",
    "counted",
    "no_count",
    "amounts",
    "measures",
    "rates",
    "clauses",
    "places",
    "dates",
    "when_clause",
    "fact_box",
    "sources",
    "naming",
    "article_context",
    "issuer",
    "frame_text",
    "events",
    "keys",
    "presence",
    "sides",
    "ellipsis",
    "figures",
    "units",
    "nlp",
    "holidays",
    "vocabulary",
    "thesaurus",
    "questions",
    "injection",
}


def internal_imports(path: Path) -> set[str]:
    """The service modules a file imports, by their dotted name relative to service/ ('eval.common')."""
    package = path.parent.relative_to(SERVICE).parts
    found = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.ImportFrom) and node.level:
            base = list(package[: len(package) - node.level + 1])
            module = [*base, *(node.module.split(".") if node.module else [])]
            names = [a.name for a in node.names] if not node.module else [""]
            for name in names:
                found.add(".".join(p for p in [*module, name] if p))
    return found


def module_path(name: str) -> Path:
    path = SERVICE.joinpath(*name.split("."))
    return path / "__init__.py" if path.is_dir() else path.with_suffix(".py")


def import_walk(name: str) -> set[str]:
    seen: set[str] = set()
    todo = [name]
    while todo:
        current = todo.pop()
        if current in seen or not module_path(current).exists():
            continue
        seen.add(current)
        todo += internal_imports(module_path(current))
    return seen - {name}


def test_a_summary_walks_only_through_the_shared_and_grounding_layers():
    assert import_walk("summary") <= SHARED | GROUNDING | {"headlines"}


def test_the_grounding_layers_import_no_feature():
    for name in GROUNDING:
        assert import_walk(name) <= SHARED | GROUNDING, name


def test_the_shared_layers_import_no_feature():
    for name in SHARED:
        assert import_walk(name) <= SHARED, name


@pytest.mark.parametrize(
    ("feature", "peer"),
    [
        ("answer", "summary"),
        ("answer", "bulk_summaries"),
        ("summary", "answer"),
        ("bulk_summaries", "answer"),
    ],
)
def test_answers_and_summaries_are_peers(feature, peer):
    assert peer not in import_walk(feature)


def test_only_their_own_modules_import_chromadb_langchain_and_the_embedder():
    owners = {
        "chromadb": {"store.py"},
        "langchain": {"llm.py"},
        "sentence_transformers": {"embedder.py"},
        "spacy": {"nlp.py"},
        "dateparser": {"nlp.py"},
    }
    for path in SERVICE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.Import | ast.ImportFrom):
                names = [a.name for a in node.names] if isinstance(node, ast.Import) else [node.module or ""]
                for name in names:
                    for library, allowed in owners.items():
                        if name.split(".")[0].startswith(library):
                            assert path.name in allowed, f"{path} imports {name}"


def test_no_module_is_long():
    for path in SERVICE.rglob("*.py"):
        assert len(path.read_text().splitlines()) <= 450, path
