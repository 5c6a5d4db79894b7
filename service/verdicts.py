"""Questions answered by a verdict or an order rather than a fact: yes/no, comparison, temporal, order
(service/questions.py:question_type).

The model replies with a small JSON object whose schema fits the question (enforced by grammar-constrained
decoding, service/llm.py), and code writes the answer from it, so the verdict is always explicit and every
claim carries its citation:
  verdict  {"because": [{"cite": n, "claim": "…"}, …], "verdict": "yes" | "no" | "not stated"}
           yes/no, comparison and temporal questions; a question offering two opposites ("consistent or
           inconsistent") gets them as its verdicts. The claims come first: written before the verdict,
           they make a small model's verdict better (MultiHop gold sample: 12/20 right against 9/20).
  order    {"events": [{"cite": n, "claim": "…"}, {"cite": m, "claim": "…"}]}  "Was X before or after Y?",
           "Which report came first?": the model only finds the two events; which came first is decided
           here from their dates (a date the claim states, read against its article's published date by
           dateparser, else the published date).
Each claim must pass the answer's support checks against what it cites (service/support.py; citations
repaired as for any answer sentence); a claim that only restates the question is shown as its passage,
quoted. When a claim fails, the model is asked once more with the problems named; a verdict whose claims
still fail is "not stated", never a guess.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from . import nlp
from .citations import CITATION, numbers_in
from .models import Passage
from .prompts import load_prompt, retry_prompt
from .questions import options, positive_form
from .repair import repair
from .support import SUPPORT_SCORE, check_text, support_score
from .text import trim_words
from .vocabulary import Vocabulary

NOT_STATED = "not stated"
MAX_CLAIM_CHARS = 160
MIN_CLAIM_CHARS = 20  # the grammar keeps a small model from giving "Yes" as its fact
MAX_CLAIMS = 3
MIN_CLAIM_WORDS = 3  # "Yes [1]" is not a fact
WORD = re.compile(r"\w+")
VERDICT_WORD = re.compile(r"^(?:yes|no)\s*[,.:;]\s*", re.IGNORECASE)  # "Yes, …" (not "No one …")
MAX_TITLE_CHARS = 60
EARLIER = {"before": True, "after": False, "earlier": True, "later": False}

GenerateJson = Callable[[str, str, dict, Callable[[str], None] | None], str]  # system, user, schema, on_token


@dataclass
class Part:
    """One claim of the model's reply and the passages it cites (its own, and any its repair added)."""

    cites: list[int]
    claim: str

    def sentence(self) -> str:
        return f"{self.claim} {''.join(f'[{n}]' for n in self.cites)}"


@dataclass
class Shaped:
    """What the model's reply comes to: the answer text, or why the sources do not settle it (and, for a
    reply that was rejected, the reply and its problems, for the one retry)."""

    text: str | None
    reason: str = ""
    reply: str = ""
    problems: list[str] = field(default_factory=list)


# --- schemas and prompts -----------------------------------------------------------------------------


def parts_schema(numbers: Sequence[int], least: int, most: int) -> dict:
    part = {
        "type": "object",
        "properties": {
            "cite": {"type": "integer", "enum": list(numbers)},
            "claim": {"type": "string", "minLength": MIN_CLAIM_CHARS, "maxLength": MAX_CLAIM_CHARS},
        },
        "required": ["cite", "claim"],
    }
    return {"type": "array", "items": part, "minItems": least, "maxItems": most}


def verdict_schema(numbers: Sequence[int], verdicts: Sequence[str]) -> dict:
    return {
        "type": "object",
        "properties": {
            "because": parts_schema(numbers, 1, MAX_CLAIMS),
            "verdict": {"type": "string", "enum": [*verdicts, NOT_STATED]},
        },
        "required": ["because", "verdict"],
    }


def order_schema(numbers: Sequence[int]) -> dict:
    return {"type": "object", "properties": {"events": parts_schema(numbers, 2, 2)}, "required": ["events"]}


def shown(passages: Sequence[Passage]) -> str:
    """The passages as these prompts show them: each with its article's title and date."""
    lines = []
    for p in passages:
        title = p.title if len(p.title) <= MAX_TITLE_CHARS else p.title[: MAX_TITLE_CHARS - 1] + "…"
        label = f"{title}, {p.published}" if p.published else title
        lines.append(f"[{p.n}] ({label}) {' '.join(p.quote.split())}")
    return "\n".join(lines)


def verdicts_for(question: str) -> list[str]:
    return options(question) or ["yes", "no"]


# --- reading and checking the reply ------------------------------------------------------------------


def parse_parts(reply: str, key: str) -> list[Part] | None:
    """The reply's claims under `key`, cleaned; None when the reply is not the JSON asked for."""
    try:
        items = json.loads(reply)[key]
        parts = [Part([int(item["cite"])], clean_claim(str(item["claim"]))) for item in items]
    except (ValueError, KeyError, TypeError):
        return None
    return [p for p in parts if p.claim]


def clean_claim(claim: str) -> str:
    """The claim on one line, without citation marks or a closing stop; one the schema's length limit cut
    short ends at its last whole word, with an ellipsis."""
    claim = " ".join(CITATION.sub(" ", claim).split()).strip(" ;,")
    claim = capitalized(VERDICT_WORD.sub("", claim))  # "Yes, the council …": the verdict is said once
    if len(claim) >= MAX_CLAIM_CHARS - 1:
        claim = claim.rsplit(" ", 1)[0].rstrip(" ;,") + "…"
    return claim.rstrip(".").strip()


def parse_verdict(reply: str, verdicts: Sequence[str]) -> str | None:
    try:
        verdict = str(json.loads(reply)["verdict"]).strip().lower()
    except (ValueError, KeyError, TypeError):
        return None
    return verdict if verdict in (*verdicts, NOT_STATED) else None


def check_parts(
    parts: Sequence[Part], evidence: Sequence[Passage], question: str, vocabulary: Vocabulary
) -> tuple[list[Part], list[str]]:
    """(each part, its citations repaired where that makes it supported; the problems of those that stay
    unsupported). A part is checked like any answer sentence (service/support.py). A part that only
    restates the question (supported there because question words are premises) is shown as what its
    passage says instead: its passage, quoted."""
    checked, problems = [], []
    for part in distinct(parts):
        if len(WORD.findall(part.claim)) < MIN_CLAIM_WORDS:
            problems.append(f"“{part.claim}” is not a fact from a passage")
            continue
        text = part.sentence() + "."
        sentences = check_text(text, evidence, question, vocabulary)
        if not all(s.ok for s in sentences):
            text = repair(text, sentences, evidence, question, vocabulary)
            sentences = check_text(text, evidence, question, vocabulary)
        part = Part([int(n) for n in CITATION.findall(text)] or part.cites, part.claim)
        problems += [p for s in sentences for p in s.problems]
        cited = [p for p in evidence if p.n in part.cites]
        if not adds_to_question(part.claim, " ".join(p.quote for p in cited), question):
            part = Part([cited[0].n], trim_words(cited[0].quote.strip().rstrip("."), MAX_CLAIM_CHARS))
        checked.append(part)
    return checked, problems


def adds_to_question(claim: str, cited_text: str, question: str) -> bool:
    """The claim is a statement of its passage, not of the question: most of its words are the passage's
    own (a figure it gives counts too). Words taken from the question are premises to the support check
    (support.py), so a claim restating the question ("the number has changed between the articles")
    would pass it while proving nothing; a claim copied from a passage the question paraphrases passes
    both."""
    return support_score(claim, cited_text) >= SUPPORT_SCORE or bool(numbers_in(claim) - numbers_in(question))


# --- writing the answer ------------------------------------------------------------------------------


def distinct(parts: Sequence[Part]) -> list[Part]:
    """The parts, a claim given twice kept once with every passage it cited."""
    merged: dict[str, Part] = {}
    for part in parts:
        key = part.claim.lower()
        if key in merged:
            merged[key].cites += [n for n in part.cites if n not in merged[key].cites]
        else:
            merged[key] = Part(list(part.cites), part.claim)
    return list(merged.values())


def render_verdict(verdict: str, parts: Sequence[Part], dates: dict[int, str] | None = None) -> str:
    """ "Yes: <claim> [1]. <Claim> [2]." With the articles' dates (temporal questions), oldest first:
    "No: <claim> [2] (2023-10-01). <Claim> [1] (2023-11-30)." """
    if dates:
        parts = sorted(parts, key=lambda p: dates.get(p.cites[0]) or "9999")
    sentences = []
    for i, part in enumerate(parts):
        sentence = part.sentence() if i == 0 else capitalized(part.sentence())
        if dates and (when := dates.get(part.cites[0])):
            sentence += f" ({when})"
        sentences.append(sentence)
    return f"{verdict.capitalize()}: {'. '.join(sentences)}."


def capitalized(text: str) -> str:
    return text[:1].upper() + text[1:]


SENTENCE_OPENERS = frozenset("the a an this that these those it its their his her they".split())


def in_sentence(text: str) -> str:
    """A claim continuing a sentence: "The bridge reopened" → "the bridge reopened" (names keep theirs)."""
    first = text.split(" ", 1)[0]
    return text[:1].lower() + text[1:] if first.lower() in SENTENCE_OPENERS else text


def event_date(part: Part, passage: Passage) -> str | None:
    """When the event happened or was reported: a date its claim states (and its passage holds), read
    against the article's published date; else the published date."""
    for entity in nlp.parse_one(part.claim).ents:
        stated = entity.label_ == "DATE" and entity.text in passage.quote
        resolved = nlp.resolve_date(entity.text, passage.published) if stated else None
        if resolved and len(resolved) == 10:  # a day, not a bare year
            return resolved
    return passage.published


def render_order(question: str, asked: Part, other: Part, dates: tuple[str, str]) -> str:
    """ "Before: <asked event> [1] on 2023-10-01, before <other> [2] on 2023-10-05." Without offered
    opposites ("Which came first?"): "First: <earlier> [n] on …, before <later> [m] on …"."""
    asked_earlier = dates[0] < dates[1]
    offered = [o for o in options(question) if o in EARLIER]
    if offered:
        verdict = next(o for o in offered if EARLIER[o] == asked_earlier)
    else:
        verdict = "first"
        if not asked_earlier:
            asked, other, dates, asked_earlier = other, asked, (dates[1], dates[0]), True
    relation = "before" if asked_earlier else "after"
    opening = f"{verdict.capitalize()}: {asked.sentence()} on {dates[0]}"
    return f"{opening}, {relation} {in_sentence(other.sentence())} on {dates[1]}."


# --- the stage ---------------------------------------------------------------------------------------


@dataclass
class VerdictAnswerer:
    generate_json: GenerateJson
    prompts_dir: object
    vocabulary: Vocabulary

    def answer(
        self,
        kind: str,
        question: str,
        evidence: Sequence[Passage],
        on_token: Callable[[str], None] | None = None,
    ) -> Shaped:
        """The answer to a question of this kind (verdict types, or "order") from the evidence."""
        numbers = [p.n for p in evidence]
        if kind == "order":
            schema, key = order_schema(numbers), "events"
        else:
            schema, key = verdict_schema(numbers, verdicts_for(question)), "because"
        asked, negated = positive_form(question) if kind != "order" else (question, False)
        system, user = load_prompt(kind, self.prompts_dir).render(
            passages=shown(evidence), question=asked, **self._placeholders(kind, question)
        )
        shaped = self._attempt(kind, question, evidence, system, user, schema, key, on_token, negated)
        if shaped.text is None and shaped.problems:
            retry = retry_prompt(user, shaped.reply, "; ".join(shaped.problems))
            if on_token:
                on_token("\n")
            shaped = self._attempt(kind, question, evidence, system, retry, schema, key, on_token, negated)
        return shaped

    def _placeholders(self, kind: str, question: str) -> dict[str, str]:
        if kind == "order":
            return {}
        return {"verdicts": " or ".join(f'"{v}"' for v in [*verdicts_for(question), NOT_STATED])}

    def _attempt(self, kind, question, evidence, system, user, schema, key, on_token, negated) -> Shaped:
        """One reply, read and checked. A failed reply's `reason` is the reply itself (for the retry).
        negated: the model was asked the positive of the question's relation (questions.positive_form)."""
        hook = DraftStream(on_token, key, negated) if on_token else None
        reply = self.generate_json(system, user, schema, hook)
        parts = parse_parts(reply, key)
        verdict = parse_verdict(reply, verdicts_for(question)) if kind != "order" else "order"
        verdict = turned_over(verdict) if negated else verdict
        if parts is None or verdict is None:
            return Shaped(None, "the model's reply could not be read", reply, ["it is not the JSON asked"])
        if verdict == NOT_STATED:
            return Shaped(None, "the passages do not settle it")
        parts, problems = check_parts(parts, evidence, question, self.vocabulary)
        if problems or not parts:
            reason = "no passage supports the facts its verdict rests on"
            return Shaped(None, reason, reply, problems or ["it gives no fact"])
        if kind != "order":
            dated = {p.n: p.published for p in evidence if p.published} if kind == "temporal" else None
            return Shaped(render_verdict(verdict, parts, dated))
        by_n = {p.n: p for p in evidence}
        first, second = parts
        dates = (event_date(first, by_n[first.cites[0]]), event_date(second, by_n[second.cites[0]]))
        if None in dates or dates[0] == dates[1]:
            return Shaped(None, "the passages do not date the two events apart")
        return Shaped(render_order(question, first, second, dates))


def turned_over(verdict: str | None) -> str | None:
    return {"yes": "no", "no": "yes"}.get(verdict or "", verdict)


def json_string(body: str) -> str:
    return '"' + body + '"'


class DraftStream:
    """Streams a JSON reply as readable draft text: each claim, with its citation, as soon as it is
    complete, then the verdict."""

    PART = re.compile(r'\{\s*"cite"\s*:\s*(\d+)\s*,\s*"claim"\s*:\s*"((?:[^"\\]|\\.)*)"\s*\}')
    VERDICT = re.compile(r'"verdict"\s*:\s*"([^"]*)"')

    def __init__(self, on_token: Callable[[str], None], key: str, negated: bool = False):
        self.on_token, self.key, self.negated = on_token, key, negated
        self.reply, self.sent, self.verdict_sent = "", 0, False

    def __call__(self, token: str) -> None:
        self.reply += token
        parts = self.PART.findall(self.reply)
        for cite, claim in parts[self.sent :]:
            self.on_token(f"{clean_claim(json.loads(json_string(claim)))} [{cite}]. ")
        self.sent = len(parts)
        if not self.verdict_sent and (verdict := self.VERDICT.search(self.reply)):
            said = verdict.group(1)
            self.on_token(f"→ {turned_over(said) if self.negated else said}")
            self.verdict_sent = True
