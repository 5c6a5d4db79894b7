"""Scoring newsdesk against gold data: the seed questions (../shared/eval/questions.json), the hand-made
disagreement list (tests/gold_disagreements.json), and the helpers eval_multihop.py and eval_ramdocs.py
share (fixed samples, normalisation, rates)."""

from __future__ import annotations

import json
import random
import re
import statistics
import time
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from pydantic import BaseModel
from rich.markup import escape
from rich.table import Table

from .errors import InvalidInput
from .models import Answer, Claim, Disagreement

if TYPE_CHECKING:
    pass

T = TypeVar("T")
CITATION_MARK = re.compile(r"\[\d+\]")

CHECKS = ("answer", "source", "quotes", "abstention", "disagreement")


class GoldQuestion(BaseModel):
    id: str
    kind: str
    question: str
    patterns: list[str]
    cite: list[str]
    disagreement: bool = False
    values: list[str] = []


class QuestionScore(BaseModel):
    id: str
    question: str
    answer: str
    cited: list[str]
    abstained: bool
    checks: dict[str, bool]
    seconds: float


class EvalReport(BaseModel):
    command: str
    questions: list[QuestionScore]
    totals: dict[str, float]
    median_seconds: float


def load_questions(path: Path) -> list[GoldQuestion]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise InvalidInput(f"cannot read the questions file {path}: {exc.strerror}") from None
    return [GoldQuestion(**q) for q in data["questions"]]


def digits(value: str) -> str:
    return re.sub(r"[^\d]", "", value)


def score(gold: GoldQuestion, answer: Answer, article_text: Callable[[str], str]) -> dict[str, bool]:
    text = answer.answer
    cited = {c.doc_id for c in answer.citations}
    reported = {digits(claim.value) for d in answer.disagreements for claim in d.claims}
    return {
        "answer": any(re.search(p, text, re.IGNORECASE) for p in gold.patterns),
        "source": bool(cited & set(gold.cite)) if gold.cite else not cited,
        "quotes": all(article_text(c.doc_id)[c.start : c.end] == c.quote for c in answer.citations),
        "abstention": answer.abstained == (gold.kind == "unanswerable"),
        "disagreement": (
            bool(answer.disagreements) and all(digits(v) in reported for v in gold.values)
            if gold.disagreement
            else True
        ),
    }


def run(
    questions: Iterable[GoldQuestion], ask: Callable[[str], Answer], article_text: Callable[[str], str],
    command: str, on_done: Callable[[QuestionScore], None] | None = None,
) -> EvalReport:  # fmt: skip
    scores = []
    for gold in questions:
        answer = ask(gold.question)
        result = QuestionScore(
            id=gold.id, question=gold.question, answer=answer.answer, abstained=answer.abstained,
            cited=sorted({c.doc_id for c in answer.citations}), checks=score(gold, answer, article_text),
            seconds=answer.timings_ms.get("total", 0) / 1000,
        )  # fmt: skip
        scores.append(result)
        if on_done:
            on_done(result)
    totals = {check: sum(s.checks[check] for s in scores) / max(1, len(scores)) for check in CHECKS}
    median = statistics.median(s.seconds for s in scores) if scores else 0.0
    return EvalReport(command=command, questions=scores, totals=totals, median_seconds=median)


# =================================================================================================
# Benchmarks beyond the seed questions. Every report is a JSON-able dict with a `command` field; the
# *_table functions render it with Rich for the CLI. Samples are fixed: a seeded shuffle (SAMPLE_SEED),
# so `--limit 20` is always the first 20 of the same order as `--limit 40`.
# =================================================================================================

SAMPLE_SEED = 20240501


def load_json(path: Path) -> Any:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise InvalidInput(f"cannot read {path}: {exc.strerror}") from None


def rate(flags: Iterable[bool]) -> float:
    flags = list(flags)
    return round(sum(flags) / len(flags), 4) if flags else 0.0


def fixed_sample(items: Sequence[T], limit: int | None, stratum: Callable[[T], str] | None = None) -> list[T]:
    """The first `limit` items of a seeded shuffle. With `stratum`, each stratum is shuffled on its own
    and the strata are interleaved in proportion to their sizes, so any prefix keeps the mix of strata."""
    rng = random.Random(SAMPLE_SEED)
    if stratum is None:
        order = list(items)
        rng.shuffle(order)
        return order[:limit]
    groups: dict[str, list[T]] = defaultdict(list)
    for item in items:
        groups[stratum(item)].append(item)
    keyed = []
    for name in sorted(groups):
        group = groups[name]
        rng.shuffle(group)
        keyed += [((i + 0.5) / len(group), name, i, item) for i, item in enumerate(group)]
    keyed.sort(key=lambda entry: entry[:3])
    return [entry[3] for entry in keyed][:limit]


def strip_citations(text: str) -> str:
    return CITATION_MARK.sub(" ", text)


def normalize(text: str) -> str:
    """Lower-cased words and numbers separated by single spaces ('3,559' stays '3559')."""
    text = strip_citations(text).lower().replace("’", "'")
    text = re.sub(r"(?<=\d),(?=\d)", "", text)
    return " ".join(re.findall(r"[^\W_]+(?:'[^\W_]+)?", text))


def contains_phrase(text: str, phrase: str) -> bool:
    """The normalized phrase occurs in the normalized text as whole words."""
    phrase = normalize(phrase)
    return bool(phrase) and f" {phrase} " in f" {normalize(text)} "


# --- disagreements against tests/gold_disagreements.json ------------------------------------------


def score_disagreements(found: list[Disagreement], gold: dict) -> dict:
    """Topic level: a reported numeric disagreement is a true positive when what its claims count matches
    a contested gold entry (once per entry); matching an uncontested entry, nothing, or an entry already
    matched is a false positive; recall is over the contested entries. Claim level: a reported claim is
    right when its document and its value's digits belong to the gold entry it was matched to.
    Disagreements of another kind (assertions) are outside the gold file and only counted."""
    entries = {e["counted"]: (True, e) for e in gold["contested"]}
    entries.update({e["counted"]: (False, e) for e in gold["uncontested"]})
    numeric = [d for d in found if d.kind == "numeric"]
    matched: set[str] = set()
    rows, claims_right, claims_total = [], 0, 0
    for disagreement in numeric:
        counted = disagreement.claims[0].counted if disagreement.claims else None
        contested, entry = entries.get(counted or "", (False, None))
        true_positive = contested and counted not in matched
        matched.add(counted or "")
        right = [entry is not None and claim_belongs(claim, entry) for claim in disagreement.claims]
        claims_right += sum(right)
        claims_total += len(right)
        rows.append({
            "topic": disagreement.topic, "counted": counted,
            "gold": "contested" if contested else ("uncontested" if entry else "not in gold"),
            "verdict": "TP" if true_positive else "FP", "claims_right": sum(right), "claims": len(right),
            "values": [f"{c.doc_id[:3]}:{c.value}" for c in disagreement.claims],
        })  # fmt: skip
    missed = [e for e in gold["contested"] if e["counted"] not in matched]
    rows += [{"topic": e["topic"], "counted": e["counted"], "gold": "contested", "verdict": "FN",
              "claims_right": 0, "claims": 0, "values": []} for e in missed]  # fmt: skip
    true_positives = sum(r["verdict"] == "TP" for r in rows)
    return {
        "topics": {
            "reported": len(numeric), "true_positives": true_positives,
            "false_positives": len(numeric) - true_positives, "contested": len(gold["contested"]),
            "precision": round(true_positives / len(numeric), 4) if numeric else 1.0,
            "recall": round(true_positives / len(gold["contested"]), 4) if gold["contested"] else 1.0,
        },
        "claims": {
            "reported": claims_total, "right": claims_right,
            "precision": round(claims_right / claims_total, 4) if claims_total else 1.0,
            **gold_coverage(numeric, gold["contested"]),
        },
        "not_scored": [{"kind": d.kind, "topic": d.topic} for d in found if d.kind != "numeric"],
        "rows": rows,
    }  # fmt: skip


def claim_belongs(claim: Claim, entry: dict) -> bool:
    return claim.doc_id in entry["docs"] and digits(claim.value) in {digits(v) for v in entry["values"]}


def gold_coverage(found: Sequence[Disagreement], contested: Sequence[dict]) -> dict:
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


def evaluate_disagreements(found: list[Disagreement], gold_path: Path, command: str) -> dict:
    started = time.perf_counter()
    report = score_disagreements(found, load_json(gold_path))
    return {"command": command, "gold": str(gold_path), **report, "seconds": seconds_since(started)}


def disagreement_table(report: dict) -> Table:
    table = Table(title=report["command"], caption=disagreement_caption(report))
    for header in ("topic", "gold", "verdict", "claims right", "values (doc:value)"):
        table.add_column(header)
    for row in report["rows"]:
        table.add_row(escape(row["topic"]), row["gold"], row["verdict"],
                      f"{row['claims_right']}/{row['claims']}", escape(", ".join(row["values"])))  # fmt: skip
    for item in report["not_scored"]:
        table.add_row(escape(item["topic"]), f"({item['kind']}: not in gold)", "—", "", "")
    return table


def disagreement_caption(report: dict) -> str:
    topics, claims = report["topics"], report["claims"]
    return (
        f"topics: precision {topics['precision']:.2f}, recall {topics['recall']:.2f} "
        f"({topics['true_positives']} of {topics['reported']} reported, {topics['contested']} contested) · "
        f"claims: precision {claims['precision']:.2f}, value recall {claims['value_recall']:.2f}, "
        f"document recall {claims['document_recall']:.2f}"
    )


def seconds_since(start: float) -> float:
    return round(time.perf_counter() - start, 2)


def format_cell(value: object) -> str:
    if isinstance(value, float):
        return f"{value:.3f}" if value <= 1 else f"{value:.1f}"
    return str(value)
