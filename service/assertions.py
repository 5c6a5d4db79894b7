"""Contradicting assertions: one document says something was officially confirmed, another that it was
not acknowledged.

Assertions (deterministic candidates, judged by the chat model)
    A candidate is a pair of sentences from different documents that both state whether something was
    officially confirmed / acknowledged / admitted / denied, one affirming and one negating, whose texts
    (with the previous sentence when one opens with a pronoun) are similar (cosine ≥ ASSERTION_SIMILARITY).
    The best few by similarity go to the judge, which must say the two are about the same thing (the
    few-shot prompt in prompts/contradiction.*). Both quotes are reported, kind "assertion".
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from pathlib import Path

from .models import Claim, Disagreement, Passage
from .prompts import load_prompt

Embed = Callable[[list[str]], list[list[float]]]
Judge = Callable[[str, str], bool]  # (first statement, second statement) → do they contradict?


STANCE = re.compile(
    r"\b(?:officially\s+)?(?:confirm(?:ed|s|ation)?|acknowledg(?:ed|es|ement|ment)|admit(?:ted|s)?"
    r"|recogni[sz]ed|den(?:y|ied|ies|ial))\b",
    re.IGNORECASE,
)
NEGATION = re.compile(r"\b(?:not|never|neither|nor|no|without|absence|unverified|unconfirmed)\b", re.I)
NEGATION_WINDOW = 10  # words before the stance verb that can negate it
ASSERTION_SIMILARITY = 0.5
ASSERTION_JUDGED = 3  # candidate pairs sent to the judge, best first (each costs a model call)
ASSERTION_TOPIC = "whether it was officially confirmed"


def stance(sentence: str) -> tuple[str, bool] | None:
    """(the stance phrase, affirmed?) for a sentence that says something was (not) confirmed, else None."""
    match = STANCE.search(sentence)
    if not match:
        return None
    phrase = match.group(0)
    before = sentence[: match.start()].split()[-NEGATION_WINDOW:]
    denial = phrase.split()[-1].lower().startswith("den")
    negated = denial or bool(NEGATION.search(" ".join(before)))
    return phrase, not negated


def assertion_candidates(
    sentences: Sequence[tuple[Passage, str]], embed: Embed, must_include: set[tuple[str, int]] | None = None
) -> list[tuple[float, tuple[Passage, str], tuple[Passage, str]]]:
    """Opposite-stance sentence pairs from different documents, most similar first. must_include: only
    pairs with at least one of these (doc_id, start) keys (the evidence of a question)."""
    stanced = [(item, stance(item[0].quote)) for item in sentences]
    stanced = [(item, found) for item, found in stanced if found]
    if len(stanced) < 2:
        return []
    vectors = embed([context for (_, context), _ in stanced])
    pairs = []
    for i, ((a, ca), (_, a_affirms)) in enumerate(stanced):
        for j in range(i + 1, len(stanced)):
            (b, cb), (_, b_affirms) = stanced[j]
            if a.doc_id == b.doc_id or a_affirms == b_affirms:
                continue
            if must_include is not None and not {(a.doc_id, a.start), (b.doc_id, b.start)} & must_include:
                continue
            similarity = sum(x * y for x, y in zip(vectors[i], vectors[j], strict=True))
            if similarity >= ASSERTION_SIMILARITY:
                pairs.append((similarity, (a, ca), (b, cb)))
    return sorted(pairs, key=lambda pair: pair[0], reverse=True)


def assertion_claim(passage: Passage) -> Claim:
    phrase, affirmed = stance(passage.quote) or ("", True)
    return Claim(
        doc_id=passage.doc_id,
        title=passage.title,
        value=phrase if affirmed else f"not {phrase}",
        quote=passage.quote,
        start=passage.start,
        end=passage.end,
        attribution=_reporter(passage.quote),
        source=_reporter(passage.quote),
    )


REPORTER = re.compile(r"\b(?:according to|said|says|told|stated|confirmed by)\s+((?:[A-Z][\w.’'-]*\s?){1,4})")


def _reporter(sentence: str) -> str | None:
    """A capitalised name after "according to", "said"… in an assertion's sentence, if any."""
    match = REPORTER.search(sentence)
    return match.group(1).strip() if match else None


def find_assertion_disagreements(
    sentences: Sequence[tuple[Passage, str]],
    embed: Embed,
    judge: Judge,
    must_include: set[tuple[str, int]] | None = None,
    limit: int = ASSERTION_JUDGED,
) -> list[Disagreement]:
    """Pairs of sentences that the judge confirms contradict each other, each a kind="assertion" item."""
    found = []
    used: set[tuple[str, int]] = set()
    for _, (a, ca), (b, cb) in assertion_candidates(sentences, embed, must_include)[:limit]:
        if {(a.doc_id, a.start), (b.doc_id, b.start)} & used or not judge(ca, cb):
            continue
        used |= {(a.doc_id, a.start), (b.doc_id, b.start)}
        claims = sorted([assertion_claim(a), assertion_claim(b)], key=lambda c: (c.doc_id, c.start))
        found.append(Disagreement(topic=ASSERTION_TOPIC, kind="assertion", claims=claims))
    return found


def llm_judge(ask_model: Callable[[str, str], str], prompts_dir: Path) -> Judge:
    """A Judge from a function (system, user) → model reply, using prompts/contradiction.*; the reply's
    last yes/no decides."""

    def judge(first: str, second: str) -> bool:
        system, user = load_prompt("contradiction", prompts_dir).render(first=first, second=second)
        words = re.findall(r"\b(yes|no)\b", ask_model(system, user).lower())
        return bool(words) and words[-1] == "yes"

    return judge
