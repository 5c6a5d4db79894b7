"""Per-article summaries: lines, verification, regeneration, map-reduce, the resumable JSONL file, jobs.

Most tests use fake chat models, so every expected output is exact. The tests marked `vcr` replay
cassettes of the openai provider talking to the real model served by llama.cpp. To re-record them (after
changing a summarize prompt, the model or the request settings), start the server and run:

    .venv/bin/python -m llama_cpp.server --model ~/.cache/newsdesk/qwen2.5-coder-1.5b-instruct-q4_k_m.gguf \
        --host 127.0.0.1 --port 8081 --n_ctx 4096 --n_threads 2 --seed 42 --interrupt_requests false
    rm -r tests/cassettes/test_summary && .venv/bin/pytest tests/test_summary.py --record-mode=once

(--interrupt_requests false: otherwise llama_cpp.server cuts a streaming answer short when another
request is waiting). They must then pass with --record-mode=none --block-network.
"""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from langchain_core.language_models import BaseChatModel
from langchain_core.language_models.fake_chat_models import FakeListChatModel
from langchain_core.messages import AIMessage
from langchain_core.outputs import ChatGeneration, ChatResult
from pydantic import Field

from service.articles import read_article
from service.bulk_summaries import SummaryFile, cached_summary, summarize_documents
from service.citations import numbers_in
from service.errors import LLMUnavailable, NotFound
from service.headlines import headline_figures
from service.llm import get_chat_model, model_name
from service.models import Article, Summary
from service.settings import PROJECT_ROOT, Settings
from service.summary import (
    SINGLE_PASS_CHARS,
    Line,
    Summarizer,
    check_lines,
    chunked,
    parse_lines,
    summary_sentences,
)

SEEDS = PROJECT_ROOT / "seeds"
SHORT = "000_8326b13a84ade5aa"  # 3,207 characters: one pass
LONG = "004_45d41598b81b07a6"  # 7,205 characters: map-reduce
PROMPTS = PROJECT_ROOT / "prompts"


def article(doc_id: str) -> Article:
    return read_article(SEEDS / f"{doc_id}.txt", 10**7)


def all_articles() -> list[Article]:
    return [article(p.stem) for p in sorted(SEEDS.glob("*.txt"))]


class RecordingFake(FakeListChatModel):
    """LangChain's fake list model, keeping every user prompt it was asked to answer."""

    prompts: list[str] = Field(default_factory=list)

    def _stream(self, messages, *args, **kwargs):
        self.prompts.append(messages[-1].content)
        yield from super()._stream(messages, *args, **kwargs)


class LeadModel(BaseChatModel):
    """Answers every prompt with its first three numbered lines, verbatim: grounded, and thread-safe."""

    calls: list[str] = Field(default_factory=list)
    fail_after: int | None = None  # calls that succeed before the "server" goes away

    @property
    def _llm_type(self) -> str:
        return "lead"

    def _generate(self, messages, stop=None, run_manager=None, **kwargs) -> ChatResult:
        if self.fail_after is not None and len(self.calls) >= self.fail_after:
            raise ConnectionError("server went away")
        self.calls.append(messages[-1].content)
        lines = [row for row in messages[-1].content.splitlines() if re.match(r"\[\d+\] ", row)][:3]
        return ChatResult(generations=[ChatGeneration(message=AIMessage(content="\n".join(lines)))])


def summarizer(model, name: str = "fake-model") -> Summarizer:
    return Summarizer(chat=lambda: model, model_name=name, prompts_dir=PROMPTS)


def assert_exact(summary: Summary, doc: Article) -> None:
    assert summary.citations, "a summary cites"
    for citation in summary.citations:
        assert doc.text[citation.start : citation.end] == citation.quote
        assert citation.doc_id == doc.id
    assert [c.n for c in summary.citations] == list(range(1, len(summary.citations) + 1))


# --- lines and checks ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "lines"),
    [
        ("[2] Workers came.\n[5] They build.", [Line("Workers came.", [2]), Line("They build.", [5])]),
        (
            "Summary:\n- [2, 3] Workers came.\n\n1. [4] Built",
            [Line("Workers came.", [2, 3]), Line("Built", [4])],
        ),
        ("[1] Workers came. [4] They build.", [Line("Workers came.", [1]), Line("They build.", [4])]),
        (
            "Workers came [1]. They build. [4] Done.",
            [Line("Workers came.", [1]), Line("They build.", [4]), Line("Done.", [])],
        ),
        ("Workers came.", [Line("Workers came.", [])]),
        ("[3]\n   \n", []),
    ],
)
def test_parse_lines(raw, lines):
    assert parse_lines(raw) == lines


def test_lines_render_with_citations_before_the_full_stop():
    assert Line("Workers came.", [2, 5]).render() == "Workers came [2][5]."
    assert Line("Workers came", [2]).render() == "Workers came [2]."
    assert Line("He said “yes.”", [1]).render() == "He said “yes.” [1]"
    assert Line("Nothing cited", []).render() == "Nothing cited."


def test_check_lines_rules():
    doc = article(SHORT)
    by_n = {p.n: p for p in summary_sentences(doc)}
    good = Line("North Korea deployed 5,000 military workers to Russia.", [1])
    assert check_lines([good, good, good], by_n, set(by_n), 3).problems == []
    check = check_lines(
        [
            Line("North Korea deployed 3,000 military workers to Russia.", [1]),  # in no sentence
            Line("Nearly 10,000 soldiers watch the border.", [1]),  # in [3], not in [1]
            Line("North Korea deployed 5000 military workers.", []),  # cites nothing
            Line("North Korea deployed military workers.", [99]),  # no such sentence
            Line("The Hwasong-20 can carry several warheads.", [2]),  # [2] says something else
        ],
        by_n,
        set(by_n),
        3,
    )
    assert check.problems == [
        "3,000 in line 1 is not in [1]",
        "10,000 in line 2 is not in [1]",
        "line 2 does not say what [1] says ([3] does)",
        "line 3 does not start with the [number] of its sentence",
        "5000 in line 3 is not in a cited sentence",
        "[99] is not one of the numbered sentences",
        "20 in line 5 is not in [2]",
        "line 5 does not say what [2] says ([6] does)",
    ]
    assert check.unsupported == ["3,000", "10,000", "5000", "20"]
    assert not check.verified


def test_too_few_lines_is_a_problem_but_not_a_grounding_one():
    doc = article(SHORT)
    by_n = {p.n: p for p in summary_sentences(doc)}
    one = [Line("North Korea deployed 5,000 military workers to Russia.", [1])]
    check = check_lines(one, by_n, set(by_n), 3)
    assert check.problems == ["write at least 3 lines (you wrote 1)"]
    assert check.verified


def test_summary_sentences_keep_offsets_and_skip_headlines_and_datelines():
    doc = article(SHORT)
    sentences = summary_sentences(doc)
    assert [p.n for p in sentences] == list(range(1, 18))
    assert all(doc.text[p.start : p.end] == p.quote for p in sentences)
    quotes = [p.quote for p in sentences]
    assert doc.title not in quotes and "November 5, 2025" not in quotes and "0" not in quotes
    assert "Possible conflict between Trump and North Korea?" not in quotes


# --- one article -----------------------------------------------------------------------------------

GOOD = (
    "[1] North Korea deployed 5,000 military workers to Russia.\n"
    "[3] Nearly 10,000 North Korean soldiers are deployed along the border regions.\n"
    "[8] Sergei Shoigu mentioned 5,000 construction workers and 1,000 North Korean sappers."
)
GOOD_SUMMARY = (
    "North Korea deployed 5,000 military workers to Russia [1]. Nearly 10,000 North Korean soldiers are "
    "deployed along the border regions [2]. Sergei Shoigu mentioned 5,000 construction workers and 1,000 "
    "North Korean sappers [3]."
)
BAD = GOOD.replace("Nearly 10,000", "Nearly 12,000")


def test_verified_summary_is_exact_and_renumbered():
    doc = article(SHORT)
    model = RecordingFake(responses=[GOOD])
    summary = summarizer(model).summarize(doc)
    assert summary.summary == GOOD_SUMMARY
    assert summary.verified and summary.unsupported_numbers == [] and summary.problems == []
    assert [(c.start, c.end) for c in summary.citations] == [(123, 252), (522, 835), (1468, 1682)]
    assert_exact(summary, doc)
    assert (summary.doc_id, summary.title, summary.sha256) == (doc.id, doc.title, doc.sha256)
    assert summary.model == "fake-model" and summary.seconds >= 0
    assert len(model.prompts) == 1, "a verified summary takes one call"
    assert model.prompts[0].startswith("[1] North Korea deployed 5,000 military workers")
    assert model.prompts[0].endswith("\nSummary:")


def test_failed_summary_is_regenerated_once_with_the_problems():
    doc = article(SHORT)
    model = RecordingFake(responses=[BAD, GOOD])
    summary = summarizer(model).summarize(doc)
    assert len(model.prompts) == 2
    assert "It was rejected: 12,000 in line 2 is not in [3]." in model.prompts[1]
    assert "[3] Nearly 12,000 North Korean soldiers" in model.prompts[1], "the retry shows the rejected lines"
    assert summary.summary == GOOD_SUMMARY and summary.verified


def test_a_line_failing_twice_is_dropped_and_reported():
    doc = article(SHORT)
    model = RecordingFake(responses=[BAD, BAD.replace("5,000 military", "7,000 military")])
    summary = summarizer(model).summarize(doc)
    assert len(model.prompts) == 2
    assert summary.summary == (
        "North Korea deployed 5,000 military workers to Russia [1]. Sergei Shoigu mentioned 5,000 "
        "construction workers and 1,000 North Korean sappers [2]."
    ), "the better attempt, without its unsupported line"
    assert summary.verified and summary.problems == []
    assert summary.unsupported_numbers == ["12,000"]
    assert summary.dropped == [
        "Nearly 12,000 North Korean soldiers are deployed along the border regions [3]. "
        "(12,000 in line 2 is not in [3])"
    ]
    assert_exact(summary, doc)


def test_number_rule_is_the_cited_sentence_not_just_the_article():
    """10,000 is in the article (soldiers, sentence 3) but not in sentence 1 (workers), which is cited."""
    doc = article(SHORT)
    conflated = GOOD.replace("5,000 military workers", "10,000 military workers")
    summary = summarizer(RecordingFake(responses=[conflated, conflated])).summarize(doc)
    assert "10000" in numbers_in(doc.text)
    assert summary.unsupported_numbers == ["10,000"] and "10,000 military" not in summary.summary
    assert summary.verified and summary.dropped[0].startswith("North Korea deployed 10,000 military workers")


def test_a_headline_figure_left_out_twice_comes_back_as_its_sentence_verbatim():
    """SHORT's opening sentence gives 5,000 military workers; a summary without 5,000 is asked again,
    naming it, and then gets the sentence itself, first."""
    doc = article(SHORT)
    without = "\n".join(GOOD.splitlines()[1:2])  # the 10,000 soldiers line alone
    model = RecordingFake(responses=[without, without])
    summary = summarizer(model).summarize(doc)
    assert model.prompts[0].endswith("Give these figures: 5,000 ([1]).\nSummary:")
    assert (
        "the summary leaves out 5,000 (workers rebuild infrastructure), which sentence [1] gives"
        in (model.prompts[1])
    )
    assert summary.summary == (
        "North Korea deployed 5,000 military workers to Russia to rebuild infrastructure and strengthen its "
        "support in the war in Ukraine [1]. Nearly 10,000 North Korean soldiers are deployed along the "
        "border regions [2]."
    )
    assert summary.verified and summary.quoted == ["sentence [1] for the headline figure 5,000"]
    assert_exact(summary, doc)


def test_a_line_that_restates_another_sentence_is_cited_to_it():
    """The real model numbers its lines 1, 2, 3…: a line that nearly restates sentence 14 but says [4]
    is re-pointed to [14], without a second call; a line that merely resembles one is not."""
    doc = article(SHORT)
    numbered_lines = GOOD + "\n[4] North Korea has increased efforts to gather intelligence."
    model = RecordingFake(responses=[numbered_lines])
    summary = summarizer(model).summarize(doc)
    assert len(model.prompts) == 1 and summary.verified
    assert summary.summary.endswith("North Korea has increased efforts to gather intelligence [4].")
    assert summary.citations[3].quote.startswith("Meanwhile, North Korea has increased efforts")
    assert_exact(summary, doc)


def test_numbers_match_however_they_are_written():
    doc = article(SHORT)
    plain = GOOD.replace("5,000 military", "5000 military")
    summary = summarizer(RecordingFake(responses=[plain])).summarize(doc)
    assert summary.verified
    assert summary.summary.startswith("North Korea deployed 5000 military workers to Russia [1].")


def test_invented_citations_are_removed_and_the_summary_unverified():
    doc = article(SHORT)
    invented = GOOD.replace(
        "[8] Sergei Shoigu mentioned 5,000 construction workers and 1,000 North Korean sappers.",
        "[40] Shoigu thanked Pyongyang for the sappers.",
    )
    model = RecordingFake(responses=[invented, invented])
    summary = summarizer(model).summarize(doc)
    assert "It was rejected: [40] is not one of the numbered sentences." in model.prompts[1]
    assert summary.verified and summary.unsupported_numbers == []
    assert summary.dropped == [
        "Shoigu thanked Pyongyang for the sappers [40]. ([40] is not one of the numbered sentences)"
    ]
    assert summary.summary.endswith("regions [2].") and "Shoigu" not in summary.summary
    assert len(summary.citations) == 2 and "[3]" not in summary.summary
    assert_exact(summary, doc)


def test_extra_lines_are_dropped_and_numbering_lines_get_regenerated():
    doc = article(SHORT)
    extra = "[9] The third contingent since October 2024.\n[11] A meeting could occur in 2026.\n[16] Bye."
    six = f"{GOOD}\n{extra}"
    summary = summarizer(RecordingFake(responses=[six])).summarize(doc)
    assert summary.verified and summary.summary.count("[") == 5 and "2026" in summary.summary
    enumerated = "[1] North Korea deployed 5,000 military workers.\n[2] Kim likes Trump.\n[3] Missiles flew."
    model = RecordingFake(responses=[enumerated, GOOD])
    assert summarizer(model).summarize(doc).verified
    assert (
        "line 2 does not say what [2] says ([10] does); line 3 does not say what [3] says."
        in model.prompts[1]
    )


def test_long_article_goes_map_reduce():
    doc = article(LONG)
    passages = summary_sentences(doc)
    assert sum(len(p.quote) for p in passages) > SINGLE_PASS_CHARS
    chunks = chunked(passages, 3000)
    assert [(c[0].n, c[-1].n) for c in chunks] == [(1, 11), (12, 25), (26, 37)]
    notes = [
        "[2] North Korea is sending 1,000 deminers and 5,000 military construction workers to Kursk.",
        "[14] Kim Jong Un will send 6,000 North Koreans to Russia for restoration work in Kursk.",
        "[32] At least 1,000 of an estimated 11,000 North Korean troops in Russia have been killed.",
    ]
    reduced = "\n".join([notes[2], notes[0], notes[1]])
    model = RecordingFake(responses=[*notes, reduced])
    summary = summarizer(model).summarize(doc)
    assert len(model.prompts) == len(chunks) + 1 == 4, "one call per chunk, one to combine"
    assert model.prompts[1].startswith("[12] Kim Jong Un has repeatedly")
    assert model.prompts[1].endswith("Notes:")
    assert model.prompts[3] == "\n".join(notes) + "\nGive these figures: 6,000 ([14]).\nSummary:", (
        "the headline figure (6,000 troops, in the opening sentence) is named by the note that gives it"
    )
    assert summary.summary == (
        "At least 1,000 of an estimated 11,000 North Korean troops in Russia have been killed [1]. "
        "North Korea is sending 1,000 deminers and 5,000 military construction workers to Kursk [2]. "
        "Kim Jong Un will send 6,000 North Koreans to Russia for restoration work in Kursk [3]."
    )
    assert summary.verified
    assert [c.start for c in summary.citations] == [6129, 259, 2765]
    assert_exact(summary, doc)


def test_short_article_takes_one_pass():
    model = LeadModel()
    summary = summarizer(model).summarize(article(SHORT))
    assert len(model.calls) == 1 and summary.verified


def test_model_failure_is_llm_unavailable():
    broken = FakeListChatModel(responses=["never"], error_on_chunk_number=0)
    with pytest.raises(LLMUnavailable):
        summarizer(broken).summarize(article(SHORT))


# --- the file, in bulk -----------------------------------------------------------------------------


def run(out: Path, model, docs: list[Article], **kwargs):
    by_id = {d.id: d for d in docs}
    infos = [d.model_copy() for d in docs]
    return summarize_documents(infos, by_id.__getitem__, summarizer(model), SummaryFile(out), **kwargs)


def lines_of(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_bulk_writes_jsonl_and_resumes_without_the_model(tmp_path):
    out = tmp_path / "summaries.jsonl"
    docs = [article(SHORT), article("002_259d7bc1059523dd")]
    seen: list[tuple[int, int]] = []
    report = run(out, LeadModel(), docs, progress=lambda a, t: seen.append((a, t)))
    assert (report.written, report.skipped, report.failed, report.verified) == (2, 0, 0, 2)
    assert seen == [(0, 2), (1, 2), (1, 2)]
    rows = lines_of(out)
    assert [r["doc_id"] for r in rows] == [d.id for d in docs]
    assert set(rows[0]) == set(Summary.model_fields)
    assert rows[0]["sha256"] == docs[0].sha256 and rows[0]["verified"] is True
    before = out.read_bytes()
    idle = LeadModel()
    again = run(out, idle, docs)
    assert (again.written, again.skipped) == (0, 2)
    assert idle.calls == [], "a second run calls the model zero times"
    assert out.read_bytes() == before, "and writes nothing"
    assert [r.summary.summary for r in again.results] == [r["summary"] for r in rows]


def test_changed_article_is_summarized_again(tmp_path):
    out = tmp_path / "s.jsonl"
    doc = article(SHORT)
    run(out, LeadModel(), [doc])
    changed = doc.model_copy(
        update={"text": doc.text + "\nA new line of ten words about the border.", "sha256": "0" * 64}
    )
    report = run(out, LeadModel(), [changed])
    assert report.written == 1 and [r["sha256"] for r in lines_of(out)] == [doc.sha256, "0" * 64]


def test_torn_line_from_a_crash_is_ignored_and_cut(tmp_path):
    out = tmp_path / "s.jsonl"
    first, second = article(SHORT), article("001_e826ffe27127b615")
    run(out, LeadModel(), [first])
    good = out.read_bytes()
    with out.open("ab") as f:
        f.write(b'{"doc_id": "001_e826ffe27127b615", "title": "North Ko')  # killed mid-write
    file = SummaryFile(out)
    assert [s.doc_id for s in file.read()] == [first.id] and file.ignored_lines == 1
    model = LeadModel()
    report = run(out, model, [first, second])
    assert (report.written, report.skipped, report.ignored_lines) == (1, 1, 1)
    assert out.read_bytes().startswith(good), "nothing already written is lost"
    assert [r["doc_id"] for r in lines_of(out)] == [first.id, second.id], "every line is valid JSON again"


def test_model_down_stops_the_run_and_keeps_what_is_written(tmp_path):
    out = tmp_path / "s.jsonl"
    docs = [article(SHORT), article("002_259d7bc1059523dd"), article("003_85307bba339e5121")]
    with pytest.raises(LLMUnavailable, match="server went away"):
        run(out, LeadModel(fail_after=1), docs)
    assert [r["doc_id"] for r in lines_of(out)] == [docs[0].id]


def test_unknown_document_fails_alone(tmp_path):
    out = tmp_path / "s.jsonl"
    doc = article(SHORT)
    ghost = doc.model_copy(update={"id": "ghost"})

    def load(doc_id: str) -> Article:
        if doc_id == "ghost":
            raise NotFound("no document 'ghost'")
        return doc

    report = summarize_documents([ghost, doc], load, summarizer(LeadModel()), SummaryFile(out))
    assert [(r.doc_id, r.status, r.error) for r in report.results] == [
        ("ghost", "failed", "no document 'ghost'"),
        (doc.id, "written", None),
    ]


def test_concurrent_bulk_run_writes_whole_lines_in_input_order_report(tmp_path):
    out = tmp_path / "s.jsonl"
    docs = all_articles()
    model = LeadModel()
    report = run(out, model, docs, concurrency=3)
    assert [r.doc_id for r in report.results] == [d.id for d in docs]
    assert report.written == report.verified == 5
    rows = lines_of(out)
    assert sorted(r["doc_id"] for r in rows) == sorted(d.id for d in docs)
    assert len(model.calls) == 4 + 4 + 1, (
        "four single passes, one map-reduce over three chunks, and one regeneration: the first three "
        "sentences of 002 leave out its headline figure"
    )
    by_id = {d.id: d for d in docs}
    for row in rows:
        assert_exact(Summary(**row), by_id[row["doc_id"]])


def test_cached_summary_is_reused_while_the_sha256_matches(tmp_path):
    out = SummaryFile(tmp_path / "s.jsonl")
    doc = article(SHORT)
    model = LeadModel()
    first = cached_summary(doc, summarizer(model), out)
    again = cached_summary(doc, summarizer(model), out)
    assert first == again and len(model.calls) == 1
    changed = doc.model_copy(update={"sha256": "f" * 64})
    assert cached_summary(changed, summarizer(model), out).sha256 == "f" * 64 and len(model.calls) == 2


# --- the real model, replayed from cassettes ---------------------------------------------------------


@pytest.fixture(scope="module")
def vcr_config():
    return {
        "match_on": ["method", "scheme", "host", "port", "path", "body"],
        "filter_headers": ["authorization"],
    }


REAL = Settings(
    llm_provider="openai",
    llm_base_url="http://127.0.0.1:8081/v1",
    llm_model="local",
    llm_api_key="not-needed",
)


def real_summary(doc_id: str) -> tuple[Summary, Article]:
    doc = article(doc_id)
    summary = Summarizer.for_settings(REAL, chat=lambda: get_chat_model(REAL), model_name=model_name(REAL))
    return summary.summarize(doc), doc


def assert_headline_figures(summary: Summary, doc: Article) -> None:
    headlines = headline_figures(doc, summary_sentences(doc))
    assert headlines, "every seed has a headline figure"
    assert all(h.carried_by(summary.summary) for h in headlines), [h.value for h in headlines]


def assert_number_rule(summary: Summary, doc: Article) -> None:
    """Every number of every sentence occurs in the sentences it cites (and so in the article)."""
    by_n = {c.n: c.quote for c in summary.citations}
    for sentence in re.split(r"(?<=[.!?\]])\s+(?=[A-Z“\"])", summary.summary):
        cited = " ".join(by_n[int(n)] for n in re.findall(r"\[(\d+)\]", sentence))
        assert numbers_in(sentence) <= numbers_in(cited), sentence
        assert numbers_in(sentence) <= numbers_in(doc.text)


@pytest.mark.vcr
def test_real_model_summarizes_a_seed_article():
    summary, doc = real_summary(SHORT)
    assert summary.verified and summary.unsupported_numbers == []
    assert 3 <= len(summary.citations) <= 5
    assert_exact(summary, doc)
    assert_number_rule(summary, doc)
    assert_headline_figures(summary, doc)


@pytest.mark.vcr
def test_real_model_summarizes_a_long_article_by_map_reduce():
    summary, doc = real_summary(LONG)
    assert summary.verified and summary.unsupported_numbers == []
    assert_exact(summary, doc)
    assert_number_rule(summary, doc)
    assert_headline_figures(summary, doc)


def test_reduce_may_cite_only_what_the_notes_cite():
    doc = article(LONG)
    notes = [
        "[2] North Korea is sending 1,000 deminers and 5,000 military construction workers to Kursk.",
        "[14] Kim Jong Un will send 6,000 North Koreans to Russia for restoration work in Kursk.",
        "[32] At least 1,000 of an estimated 11,000 North Korean troops in Russia have been killed.",
    ]
    unseen = "[7] Russia has officially confirmed plans to accept 6,000 North Korean troops."  # not a note
    reduced = "\n".join([notes[0], notes[1], unseen])
    model = RecordingFake(responses=[*notes, reduced, reduced])
    summary = summarizer(model).summarize(doc)
    assert len(model.prompts) == 5
    assert "[7] is not one of the numbered sentences" in model.prompts[4]
    assert summary.verified and summary.unsupported_numbers == ["6,000"]
    assert summary.dropped == [
        "Russia has officially confirmed plans to accept 6,000 North Korean troops [7]. "
        "([7] is not one of the numbered sentences; 6,000 in line 3 is not in a cited sentence)"
    ]
    assert "Russia has officially confirmed" not in summary.summary
    assert [c.start for c in summary.citations] == [259, 2765]


KILLED_RUN = """
import sys, time
from pathlib import Path
from tests.test_summary import LeadModel, all_articles, summarizer
from service.bulk_summaries import SummaryFile, summarize_documents

class Slow(LeadModel):
    def _generate(self, *args, **kwargs):
        time.sleep(0.3)
        return super()._generate(*args, **kwargs)

docs = {d.id: d for d in all_articles()}
summarize_documents(list(docs.values()), docs.__getitem__, summarizer(Slow()), SummaryFile(Path(sys.argv[1])))
"""


def test_a_run_killed_with_sigkill_loses_nothing_and_resumes(tmp_path):
    out = tmp_path / "s.jsonl"
    proc = subprocess.Popen([sys.executable, "-c", KILLED_RUN, str(out)], cwd=PROJECT_ROOT)
    deadline = time.monotonic() + 60
    while not (out.exists() and out.read_bytes().count(b"\n") >= 2):
        if time.monotonic() > deadline or proc.poll() is not None:
            proc.kill()
            pytest.fail("the run wrote nothing (or finished) before it could be killed")
        time.sleep(0.01)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    before = out.read_bytes()
    written = [json.loads(line) for line in before.splitlines()[: before.count(b"\n")]]
    assert 2 <= len(written) < 5
    model = LeadModel()
    report = run(out, model, all_articles())
    assert (report.skipped, report.written) == (len(written), 5 - len(written))
    assert out.read_bytes().startswith(before[: before.rfind(b"\n") + 1]), "nothing written is lost"
    assert sorted(r["doc_id"] for r in lines_of(out)) == sorted(d.id for d in all_articles())


def test_the_in_process_model_summarizes_one_article_at_a_time(tmp_path):
    from service.desk import Desk

    local = Settings(index_dir=tmp_path / "index")
    assert Desk(local).summary_concurrency(4) == 1
    assert Desk(local, chat_model=LeadModel()).summary_concurrency(4) == 4  # a given model: as asked
    server = local.model_copy(update={"llm_provider": "openai", "summary_concurrency": 3})
    assert Desk(server).summary_concurrency(None) == 3 and Desk(server).summary_concurrency(2) == 2
