"""`newsdesk eval abstention`: the gate that abstains before the model is called (service/abstention.py),
measured in both directions, with no model: answerable questions it wrongly stops, unanswerable ones it
lets through to the model.

Sets: the seed questions (the indexed seeds; kind "unanswerable" should abstain), each story pack (indexed
into a temporary folder; answer "not stated" should abstain) and a fixed sample of MultiHop-RAG queries
answered from their gold evidence (all answerable: "Insufficient information" queries have no evidence).
"""

from __future__ import annotations

import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from pydantic import BaseModel

from ..abstention import abstain_reason
from ..desk import Desk
from ..models import Passage
from .common import fixed_sample, load_json, rate, seconds_since
from .multihop import gold_passages, load_multihop
from .seeds import load_questions


class GateRow(BaseModel):
    set: str
    question: str
    should_abstain: bool
    abstained: bool
    reason: str | None


class GateSet(BaseModel):
    set: str
    answerable: int
    wrongly_abstained: int
    unanswerable: int
    rightly_abstained: int


class GateReport(BaseModel):
    command: str
    sets: list[GateSet]
    over_abstention: float  # share of answerable questions stopped
    abstention_recall: float  # share of unanswerable questions stopped
    rows: list[GateRow]
    seconds: float


def gate_row(
    desk: Desk,
    name: str,
    question: str,
    should_abstain: bool,
    evidence: Sequence[Passage],
    article_text: Callable[[str], str] | None = None,
) -> GateRow:
    """article_text: the indexed articles' text, where the gate may find a name the evidence lacks."""
    reason = abstain_reason(question, evidence, vocabulary=desk.vocabulary, article_text=article_text)
    return GateRow(
        set=name,
        question=question,
        should_abstain=should_abstain,
        abstained=reason is not None,
        reason=reason,
    )


def seed_rows(desk: Desk, questions_path: Path) -> list[GateRow]:
    return [
        gate_row(
            desk,
            "seeds",
            g.question,
            g.kind == "unanswerable",
            desk.answerer.evidence(g.question)[0],
            desk.answerer.article_text,
        )
        for g in load_questions(questions_path)
    ]


def pack_rows(desk: Desk, pack: Path) -> list[GateRow]:
    """The pack's questions over its own articles, indexed into a temporary folder."""
    gold = load_json(pack / "gold.json")
    with tempfile.TemporaryDirectory() as folder:
        settings = desk.settings.model_copy(update={"index_dir": Path(folder), "chroma_url": None})
        pack_desk = Desk(settings)
        pack_desk.__dict__["embedder"] = desk.embedder  # one loaded embedder for every set
        pack_desk.index([pack / "articles"])
        rows = [
            gate_row(
                desk,
                pack.name,
                q["question"],
                q["answer"].strip().lower() == "not stated",
                pack_desk.answerer.evidence(q["question"])[0],
                pack_desk.answerer.article_text,
            )
            for q in gold["questions"]
        ]
    return rows


def multihop_rows(desk: Desk, limit: int) -> list[GateRow]:
    queries = [q for q in load_multihop(desk.settings.eval_dir) if q.facts]
    return [
        gate_row(desk, "multihop (gold evidence)", q.question, False, gold_passages(q))
        for q in fixed_sample(queries, limit, lambda q: q.type)
    ]


def summarize(rows: Sequence[GateRow]) -> list[GateSet]:
    sets = []
    for name in dict.fromkeys(r.set for r in rows):
        mine = [r for r in rows if r.set == name]
        sets.append(
            GateSet(
                set=name,
                answerable=sum(not r.should_abstain for r in mine),
                wrongly_abstained=sum(r.abstained and not r.should_abstain for r in mine),
                unanswerable=sum(r.should_abstain for r in mine),
                rightly_abstained=sum(r.abstained and r.should_abstain for r in mine),
            )
        )
    return sets


def evaluate_gate(
    desk: Desk, packs: Sequence[Path], questions_path: Path, multihop: int, command: str
) -> GateReport:
    started = time.perf_counter()
    rows = seed_rows(desk, questions_path)
    for pack in packs:
        rows += pack_rows(desk, pack)
    rows += multihop_rows(desk, multihop) if multihop else []
    return GateReport(
        command=command,
        sets=summarize(rows),
        over_abstention=rate(r.abstained for r in rows if not r.should_abstain),
        abstention_recall=rate(r.abstained for r in rows if r.should_abstain),
        rows=rows,
        seconds=seconds_since(started),
    )
