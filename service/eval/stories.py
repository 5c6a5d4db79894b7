"""`newsdesk eval story PATH`: a story pack scored for disagreements (README, "Story packs").

A pack is a folder with `articles/` (the .txt files of one story) and `gold.json`: `conflicts`, `updates`
and `agreements` (each a topic and values: file, value, exact quote), `unrelated` figures (another event,
a population…) and `questions` (with the topic of the conflict or update each is about, or null).

A gold figure is found in a claim of the same file whose sentence overlaps the gold quote and whose value
has the same digits. A reported disagreement *isolates* a gold conflict or update when at least three
quarters of its figures belong to it; a conflict counts when a disagreement of kind "conflict" isolates
it, an update when one of kind "update" does. An agreement is *reported* when half or more of the figures
of a disagreement belong to it. A disagreement that isolates nothing is a false alarm. For each question,
the disagreements newsdesk would attach to its answer (service/matching.py `about_question`) must be about
its topic: any other is unrelated; and a question whose topic a found disagreement isolates should get
that disagreement (attaching nothing is never unrelated, so both are scored). (Figures that only the
model's answer states are not scored here: this evaluation runs no model. Questions whose gold answer is
"not stated" are left out: newsdesk answers them with an abstention, which carries no disagreements;
`newsdesk eval abstention` scores that.)
"""

from __future__ import annotations

import re
import time
from pathlib import Path

from pydantic import BaseModel

from ..articles import document_id, read_article
from ..asked import question_frame
from ..claims import article_claims
from ..disagreements import find_disagreements
from ..errors import InvalidInput
from ..figures import SHORT_SCALES
from ..matching import about_question
from ..models import Article, Claim, Disagreement
from ..vocabulary import Vocabulary
from .common import digits, load_json, rate, seconds_since


class ReportedRow(BaseModel):
    kind: str
    topic: str
    values: list[str]
    verdict: str  # "isolates <gold topic>", "false alarm", "reports an agreement"


class QuestionRow(BaseModel):
    question: str
    expected: str | None
    attached: list[str]
    unrelated: int
    given: bool | None = None  # its topic's disagreement, when one was found, is attached (None: none found)


class StoryReport(BaseModel):
    command: str
    pack: str
    conflicts_isolated: float
    conflicts: int
    updates_shown: float
    updates: int
    agreements_reported: int
    false_alarms: int
    unrelated_figures_reported: int
    unrelated_on_questions: int
    questions: int
    questions_given_their_disagreement: int = 0  # of the questions whose topic a found disagreement isolates
    questions_with_a_found_disagreement: int = 0
    reported: list[ReportedRow]
    question_rows: list[QuestionRow]
    seconds: float


def load_pack(path: Path) -> tuple[list[Article], dict]:
    folder = path / "articles"
    if not folder.is_dir() or not (path / "gold.json").is_file():
        raise InvalidInput(f"{path} is not a story pack: it needs articles/ and gold.json")
    articles = [read_article(p, 10_000_000) for p in sorted(folder.glob("*.txt"))]
    return articles, load_json(path / "gold.json")


def gold_items(gold: dict) -> list[tuple[str, str, list[dict]]]:
    """(kind, topic, values) for every conflict, update and agreement, and the unrelated figures."""
    items = [
        (kind, e["topic"], e["values"]) for kind in ("conflicts", "updates", "agreements") for e in gold[kind]
    ]
    return items + [("unrelated", u.get("why", "unrelated"), [u]) for u in gold.get("unrelated", [])]


# "2.4" that its quote writes "2.4 million" (or "€8.5m", not "a 10m wall")
SCALE_AFTER = re.compile(r"\s*(?P<word>million|billion|trillion)\b|(?P<short>m|bn)\b", re.I)


def gold_digits(value: dict) -> str:
    """The digits of a gold figure as its quote writes it: with the scale word the quote gives it."""
    figure, quote = value["value"], value.get("quote", "")
    for found in re.finditer(rf"(?<![\d.,]){re.escape(figure)}", quote):
        scale = SCALE_AFTER.match(quote, found.end())
        money = found.start() > 0 and quote[found.start() - 1] in "$€£¥"
        if scale and (scale["word"] or money):
            return digits(f"{figure} {scale['word'] or SHORT_SCALES[scale['short'].lower()]}")
    return digits(figure)


def belongs(claim: Claim, value: dict, texts: dict[str, str], ambiguous: set[tuple[str, str]]) -> bool:
    """Same file and digits; when the gold lists those digits in that file for two items, the same
    sentence too (an article repeats a figure in its headline, lead and body)."""
    doc_id = document_id(Path(value["file"]))
    if claim.doc_id != doc_id or digits(claim.value) != gold_digits(value):
        return False
    if (doc_id, digits(claim.value)) not in ambiguous:
        return True
    start = texts[doc_id].find(value["quote"])
    return start >= 0 and claim.start < start + len(value["quote"]) and start < claim.end


def ambiguous_figures(items) -> set[tuple[str, str]]:
    owners: dict[tuple[str, str], set[int]] = {}
    for index, (_, _, values) in enumerate(items):
        for value in values:
            owners.setdefault((document_id(Path(value["file"])), gold_digits(value)), set()).add(index)
    return {figure for figure, found in owners.items() if len(found) > 1}


class GoldIndex:
    """Which gold item a reported figure belongs to (the gold's ambiguous figures worked out once)."""

    def __init__(self, items: list[tuple[str, str, list[dict]]], texts: dict[str, str]):
        self.items, self.texts = items, texts
        self.ambiguous = ambiguous_figures(items)

    def item_of(self, claim: Claim) -> int | None:
        """The first gold item the figure belongs to."""
        return min(self.items_of(claim), default=None)

    def owners(self, disagreement: Disagreement) -> list[int | None]:
        return [self.item_of(c) for c in disagreement.claims]

    def items_of(self, claim: Claim) -> set[int]:
        """Every gold item the figure belongs to (the gold may list one figure under two)."""
        return {
            i
            for i, (_, _, values) in enumerate(self.items)
            if any(belongs(claim, v, self.texts, self.ambiguous) for v in values)
        }

    def isolated(self, disagreement: Disagreement) -> int | None:
        """The gold item three quarters of the disagreement's figures belong to, if any. A figure the gold
        lists under two items (a conflict's, and a running count's) belongs to both; the item of the
        disagreement's own kind is taken first."""
        belonging = [self.items_of(c) for c in disagreement.claims]
        share = {i: sum(i in b for b in belonging) / len(belonging) for i in set().union(*belonging)}
        enough = [i for i, part in share.items() if part >= 0.75]
        own_kind = [i for i in enough if self.items[i][0] == f"{disagreement.kind}s"]
        return min(own_kind or enough, default=None)


def score_story(found, attached, gold, texts, command: str, pack: str, started: float) -> StoryReport:
    items = gold_items(gold)
    index_of = GoldIndex(items, texts)
    rows, isolated_by_kind = [], {"conflict": set(), "update": set()}
    agreements_reported = set()
    for disagreement in found:
        index = index_of.isolated(disagreement)
        owners = index_of.owners(disagreement)
        agreement = next(
            (
                i
                for i in set(owners) - {None}
                if items[i][0] == "agreements" and owners.count(i) * 2 >= len(owners)
            ),
            None,
        )
        if agreement is not None:
            agreements_reported.add(agreement)
        good = index is not None and items[index][0] in ("conflicts", "updates")
        if good:
            isolated_by_kind[disagreement.kind].add(index)
        verdict = (
            f"isolates {items[index][1]!r}"
            if good
            else ("reports an agreement" if agreement is not None else "false alarm")
        )
        rows.append(
            ReportedRow(
                kind=disagreement.kind,
                topic=disagreement.topic,
                verdict=verdict,
                values=[f"{c.doc_id[:12]}:{c.value}" for c in disagreement.claims],
            )
        )
    conflicts = [i for i, item in enumerate(items) if item[0] == "conflicts"]
    updates = [i for i, item in enumerate(items) if item[0] == "updates"]
    unrelated = sum(
        1
        for d in found
        for c in d.claims
        if (i := index_of.item_of(c)) is not None and items[i][0] == "unrelated"
    )
    question_rows = []
    isolating = {id(d): items[i][1] for d in found if (i := index_of.isolated(d)) is not None}
    for question, disagreements in attached:
        expected = question.get("topic")
        wrong = [d for d in disagreements if expected is None or isolating.get(id(d)) != expected]
        findable = expected is not None and expected in isolating.values()
        question_rows.append(
            QuestionRow(
                question=question["question"],
                expected=expected,
                attached=[d.topic for d in disagreements],
                unrelated=len(wrong),
                given=any(isolating.get(id(d)) == expected for d in disagreements) if findable else None,
            )
        )
    return StoryReport(
        command=command,
        pack=pack,
        conflicts_isolated=rate(i in isolated_by_kind["conflict"] for i in conflicts),
        conflicts=len(conflicts),
        updates_shown=rate(i in isolated_by_kind["update"] for i in updates),
        updates=len(updates),
        agreements_reported=len(agreements_reported),
        false_alarms=sum(r.verdict == "false alarm" for r in rows),
        unrelated_figures_reported=unrelated,
        unrelated_on_questions=sum(r.unrelated for r in question_rows),
        questions=len(question_rows),
        questions_given_their_disagreement=sum(r.given is True for r in question_rows),
        questions_with_a_found_disagreement=sum(r.given is not None for r in question_rows),
        reported=rows,
        question_rows=question_rows,
        seconds=seconds_since(started),
    )


def evaluate_story(path: Path, vocabulary: Vocabulary, command: str, window: int = 2) -> StoryReport:
    """Extract the pack's claims, find its disagreements and score them (no index, no model)."""
    started = time.perf_counter()
    articles, gold = load_pack(path)
    found = find_disagreements([c for a in articles for c in article_claims(a)], vocabulary, window)
    texts = {a.id: a.text for a in articles}
    return evaluate_found(found, texts, gold, vocabulary, command, str(path), started)


def evaluate_found(
    found: list[Disagreement],
    texts: dict[str, str],
    gold: dict,
    vocabulary: Vocabulary,
    command: str,
    pack: str,
    started: float | None = None,
) -> StoryReport:
    """Score disagreements found elsewhere (`newsdesk disagreements` on the index) against a gold file."""
    started = started or time.perf_counter()
    numeric = [d for d in found if d.kind in ("conflict", "update")]
    answerable = [q for q in gold["questions"] if q["answer"].strip().lower() != "not stated"]
    attached = [(q, about_question(question_frame(q["question"]), numeric, vocabulary)) for q in answerable]
    return score_story(numeric, attached, gold, texts, command, pack, started)
