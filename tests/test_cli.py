"""The `newsdesk` command, run in-process with Typer's runner against a temporary index."""

import json

from typer.testing import CliRunner

from service.cli import app

from .conftest import SEED_IDS

runner = CliRunner()


def run(*args: str):
    return runner.invoke(app, list(args))


def test_index_search_show_documents(env_index, tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\xff\xfe broken")
    result = run("index", "--json")
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert set(report) == {
        "documents",
        "chunks",
        "added",
        "updated",
        "unchanged",
        "removed",
        "skipped",
        "seconds",
    }
    assert report["added"] == 5

    result = run("index", str(bad), "--json")
    assert result.exit_code == 1, "skipped files must show in the exit status"
    assert json.loads(result.stdout)["skipped"] == [{"path": str(bad), "reason": "not valid UTF-8 (byte 0)"}]

    found = json.loads(run("search", "How many sappers went to Kursk", "-k", "3", "--json").stdout)
    assert found["query"] == "How many sappers went to Kursk"
    assert set(found["results"][0]) == {"doc_id", "chunk_id", "title", "start", "end", "text", "score"}

    shown = json.loads(run("show", SEED_IDS[3], "--json").stdout)
    assert shown["id"] == SEED_IDS[3] and shown["text"].startswith("North Korea deploys 6,000 engineers")

    listed = json.loads(run("documents", "--json").stdout)["documents"]
    assert [d["id"] for d in listed] == SEED_IDS


def test_errors_are_one_line_with_exit_codes(env_index):
    run("index")
    missing = run("show", "nope")
    assert missing.exit_code == 1 and "no document with id 'nope'" in missing.output
    empty = run("search", "  ")
    assert empty.exit_code == 2 and "the query is empty" in empty.output


def test_help_teaches():
    result = run("index", "--help")
    assert result.exit_code == 0
    assert "--prune" in result.output and "exit status is 1" in result.output


def test_disagreements_command(env_index):
    run("index")
    result = run("disagreements", "--no-assertions", "--json")
    assert result.exit_code == 0, result.output
    topics = [d["topic"] for d in json.loads(result.stdout)["disagreements"]]
    assert topics == ["the number of troops in Russia", "the number of troops killed in Russia"]
    table = run("disagreements", "--no-assertions")
    assert "the number of troops in Russia" in table.output and "11,000" in table.output


def test_summarize_command_writes_jsonl_and_resumes(env_index, tmp_path, monkeypatch):
    from .test_summary import LeadModel

    model = LeadModel()
    monkeypatch.setattr("service.desk.get_chat_model", lambda settings: model)
    run("index")
    out = tmp_path / "summaries.jsonl"
    result = run("summarize", "--all", "--out", str(out), "--json")
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert (report["written"], report["skipped"], report["failed"]) == (5, 0, 0)
    lines = [json.loads(line) for line in out.read_text().splitlines()]
    assert sorted(line["doc_id"] for line in lines) == SEED_IDS
    assert set(lines[0]) >= {
        "doc_id",
        "title",
        "summary",
        "citations",
        "verified",
        "model",
        "seconds",
        "sha256",
    }
    calls = len(model.calls)
    again = json.loads(run("summarize", "--all", "--out", str(out), "--json").stdout)
    assert (again["written"], again["skipped"]) == (0, 5) and len(model.calls) == calls
    assert run("summarize").exit_code == 2, "ids or --all are required"
    assert run("summarize", "nope", "--out", str(out)).exit_code == 1


def test_ask_exits_2_with_one_line_when_the_model_cannot_be_loaded(env_index, monkeypatch, tmp_path):
    monkeypatch.setenv("NEWSDESK_LLM_MODEL_PATH", str(tmp_path / "missing.gguf"))
    run("index")
    result = run("ask", "How many sappers went to Kursk?")
    assert result.exit_code == 2
    assert (
        result.output.strip() == f"error: NEWSDESK_LLM_MODEL_PATH={tmp_path / 'missing.gguf'} is not a file"
    )


def test_control_characters_are_shown_not_sent_to_the_terminal(env_index, tmp_path):
    """An article's text is kept exactly (offsets index into it), so a terminal escape in it must be
    printed visibly by `show`, and a file's first line becomes a title without one."""
    article = tmp_path / "escape.txt"
    article.write_text("Red \x1b[31malert\x1b[0m headline\nThe river rose 2 metres on Friday.\r\n")
    assert run("index", str(article), "--json").exit_code == 0
    shown = run("show", "escape")
    assert "\x1b" not in shown.stdout and "\\x1b[31malert" in shown.stdout
    assert "\\x0d" in shown.stdout, "a carriage return cannot rewrite the line"
    listed = run("documents")
    assert "\x1b" not in listed.stdout
    assert json.loads(run("show", "escape", "--json").stdout)["title"] == "Red [31malert [0m headline"
