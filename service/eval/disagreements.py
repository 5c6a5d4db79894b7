"""`newsdesk disagreements` against a hand-made gold list (tests/gold_disagreements.json): precision and
recall per topic, and per claim.

Topic level: a reported numeric disagreement is a true positive when what its claims count matches a
contested gold entry (once per entry); matching an uncontested entry, nothing, or an entry already matched
is a false positive; recall is over the contested entries. Claim level: a reported claim is right when its
document and its value's digits belong to the gold entry it was matched to. Disagreements of another kind
(assertions) are outside the gold file and only listed."""

from __future__ import annotations

import time
from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path

from pydantic import BaseModel

from ..models import Claim, Disagreement
from .common import digits, load_json, rate, seconds_since


class TopicScores(BaseModel):
    reported: int
    true_positives: int
    false_positives: int
    contested: int
    precision: float
    recall: float


class ClaimScores(BaseModel):
    reported: int
    right: int
    precision: float
    value_recall: float
    document_recall: float


class NotScored(BaseModel):
    kind: str
    topic: str


class TopicRow(BaseModel):
    topic: str
    counted: str | None
    gold: str
    verdict: str
    claims_right: int
    claims: int
    values: list[str]


class DisagreementScores(BaseModel):
    topics: TopicScores
    claims: ClaimScores
    not_scored: list[NotScored]
    rows: list[TopicRow]


class DisagreementReport(DisagreementScores):
    command: str
    gold: str
    seconds: float


def score_disagreements(found: list[Disagreement], gold: dict) -> DisagreementScores:
    numeric = [d for d in found if d.kind == "numeric"]
    rows = topic_rows(numeric, gold)
    true_positives = sum(r.verdict == "TP" for r in rows)
    claims_right = sum(r.claims_right for r in rows)
    claims_total = sum(r.claims for r in rows)
    return DisagreementScores(
        topics=TopicScores(
            reported=len(numeric),
            true_positives=true_positives,
            false_positives=len(numeric) - true_positives,
            contested=len(gold["contested"]),
            precision=round(true_positives / len(numeric), 4) if numeric else 1.0,
            recall=round(true_positives / len(gold["contested"]), 4) if gold["contested"] else 1.0,
        ),
        claims=ClaimScores(
            reported=claims_total,
            right=claims_right,
            precision=round(claims_right / claims_total, 4) if claims_total else 1.0,
            **gold_coverage(numeric, gold["contested"]),
        ),
        not_scored=[NotScored(kind=d.kind, topic=d.topic) for d in found if d.kind != "numeric"],
        rows=rows,
    )


def topic_rows(numeric: Sequence[Disagreement], gold: dict) -> list[TopicRow]:
    """A row per reported disagreement (TP or FP), then one per contested entry never matched (FN)."""
    entries = {e["counted"]: (True, e) for e in gold["contested"]}
    entries.update({e["counted"]: (False, e) for e in gold["uncontested"]})
    matched: set[str] = set()
    rows: list[TopicRow] = []
    for disagreement in numeric:
        counted = disagreement.claims[0].counted if disagreement.claims else None
        contested, entry = entries.get(counted or "", (False, None))
        true_positive = contested and counted not in matched
        matched.add(counted or "")
        right = [entry is not None and claim_belongs(claim, entry) for claim in disagreement.claims]
        rows.append(
            TopicRow(
                topic=disagreement.topic,
                counted=counted,
                gold="contested" if contested else ("uncontested" if entry else "not in gold"),
                verdict="TP" if true_positive else "FP",
                claims_right=sum(right),
                claims=len(right),
                values=[f"{c.doc_id[:3]}:{c.value}" for c in disagreement.claims],
            )
        )
    missed = [e for e in gold["contested"] if e["counted"] not in matched]
    return rows + [
        TopicRow(
            topic=e["topic"],
            counted=e["counted"],
            gold="contested",
            verdict="FN",
            claims_right=0,
            claims=0,
            values=[],
        )
        for e in missed
    ]


def claim_belongs(claim: Claim, entry: dict) -> bool:
    return claim.doc_id in entry["docs"] and digits(claim.value) in {digits(v) for v in entry["values"]}


def gold_coverage(found: Sequence[Disagreement], contested: Sequence[dict]) -> dict[str, float]:
    """Share of the contested entries' gold values and documents that the reported claims name."""
    reported = defaultdict(set)
    for disagreement in found:
        for claim in disagreement.claims:
            reported[claim.counted].add((claim.doc_id, digits(claim.value)))
    values = [(e["counted"], digits(v)) for e in contested for v in e["values"]]
    docs = [(e["counted"], d) for e in contested for d in e["docs"]]
    return {
        "value_recall": rate(any(v == value for _, v in reported[c]) for c, value in values),
        "document_recall": rate(any(d == doc for d, _ in reported[c]) for c, doc in docs),
    }


def evaluate_disagreements(found: list[Disagreement], gold_path: Path, command: str) -> DisagreementReport:
    started = time.perf_counter()
    scores = score_disagreements(found, load_json(gold_path))
    return DisagreementReport(
        command=command, gold=str(gold_path), **scores.model_dump(), seconds=seconds_since(started)
    )
