"""Where the documents disagree: numeric claims that cannot all hold, and contradicting assertions.

Numeric (deterministic)
    Claims are comparable only when they share a group key: the `counted` category, or for a fallback
    phrase the known category an embedding puts it next to (`group_key`, JOIN_THRESHOLD). A group is a
    disagreement when two claims from different documents have intervals that do not overlap; figures
    within one document are never set against each other. The report lists every claim of the group, one
    per (document, value), ordered by document then offset, with `counted` set to the group key.
    Amounts of money are never grouped: "$899" and "$89.99" are usually prices of different things.

Assertions (deterministic candidates, judged by the chat model)
    A candidate is a pair of sentences from different documents that both state whether something was
    officially confirmed / acknowledged / admitted / denied, one affirming and one negating ("Moscow
    officially confirmed their participation" vs "neither Russia nor North Korea has officially
    acknowledged such involvement"), whose texts (with the previous sentence when one opens with a
    pronoun) are similar (cosine ≥ ASSERTION_SIMILARITY). The best few by similarity go to the judge,
    which must say the two are about the same thing. A 1.5B model says "yes" to nearly any pair when asked
    plainly; the few-shot prompt in prompts/contradiction.* asks "same thing?" and measured right on the
    seeds (see README). Both quotes are reported, kind "assertion".
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from pathlib import Path

from .claim_words import COUNTED_TERMS, CURRENCIES, PEOPLE_HEADS, TOPICS
from .claims import attribution
from .models import Claim, Disagreement, Passage
from .prompts import load_prompt

Embed = Callable[[list[str]], list[list[float]]]
Judge = Callable[[str, str], bool]  # (first statement, second statement) → do they contradict?

# Cosine (normalized vectors) at which a fallback phrase joins a known category. Calibrated on
# all-MiniLM-L6-v2: fatalities→casualties 0.72 joins; wounded→casualties 0.67, people→workers 0.67,
# military brigades→troops 0.66, tanks→troops 0.54 stay apart. A wrong join invents disagreements,
# a missed one only hides a comparison, so the bar is high.
JOIN_THRESHOLD = 0.70

KNOWN_CATEGORIES = (*TOPICS, *COUNTED_TERMS)


def _anchors() -> list[tuple[str, str]]:
    """(category, text) pairs a fallback phrase is compared with: every surface form of a known category."""
    pairs = [(category, term) for category, terms in COUNTED_TERMS.items() for term in terms]
    return pairs + [("troops", term) for term in PEOPLE_HEADS["troops"]]


def _join_fallbacks(phrases: Sequence[str], embed: Embed | None) -> dict[str, str]:
    """phrase → the known category it joins (cosine ≥ JOIN_THRESHOLD), or the phrase itself."""
    unknown = sorted({p for p in phrases if p not in KNOWN_CATEGORIES})
    joined = {p: p for p in phrases}
    if not unknown or embed is None:
        return joined
    anchors = _anchors()
    vectors = embed(unknown + [text for _, text in anchors])
    phrase_vectors, anchor_vectors = vectors[: len(unknown)], vectors[len(unknown) :]
    for phrase, vector in zip(unknown, phrase_vectors, strict=True):
        scores = [
            (sum(a * b for a, b in zip(vector, other, strict=True)), category)
            for (category, _), other in zip(anchors, anchor_vectors, strict=True)
        ]
        best, category = max(scores)
        if best >= JOIN_THRESHOLD:
            joined[phrase] = category
    return joined


def group_key(counted: str | None, embed: Embed | None = None) -> str | None:
    """The category a claim is compared within: a known category as is; a fallback phrase joined to a
    known category when `embed` (normalized vectors) puts it within JOIN_THRESHOLD, else itself."""
    if counted is None:
        return None
    return _join_fallbacks([counted], embed)[counted]


def _overlap(a: Claim, b: Claim) -> bool:
    if None in (a.low, a.high, b.low, b.high):
        return True  # a claim without an interval cannot contradict anything
    return a.low <= b.high and b.low <= a.high


def _conflicting(claims: Sequence[Claim]) -> bool:
    return any(
        a.doc_id != b.doc_id and not _overlap(a, b) for i, a in enumerate(claims) for b in claims[i + 1 :]
    )


def _distinct_in_order(claims: Sequence[Claim]) -> list[Claim]:
    """One claim per (doc_id, value), the first by offset; ordered by document then offset."""
    seen: set[tuple[str, str]] = set()
    kept = []
    for claim in sorted(claims, key=lambda c: (c.doc_id, c.start)):
        if (claim.doc_id, claim.value) not in seen:
            seen.add((claim.doc_id, claim.value))
            kept.append(claim)
    return kept


def _topic_order(key: str) -> tuple[int, str]:
    order = list(TOPICS)
    return (order.index(key), "") if key in order else (len(order), key)


MONEY = frozenset(CURRENCIES.values())  # sums of money on different things are not one quantity


def topic_of(key: str) -> str:
    return TOPICS.get(key) or f"the number of {key}"


def find_disagreements(claims: Sequence[Claim], embed: Embed | None = None) -> list[Disagreement]:
    """One numeric Disagreement per category whose figures from different documents cannot all hold."""
    keys = _join_fallbacks([c.counted for c in claims if c.counted], embed)
    groups: dict[str, list[Claim]] = {}
    for claim in claims:
        if claim.counted and claim.counted not in MONEY:
            key = keys[claim.counted]
            groups.setdefault(key, []).append(claim.model_copy(update={"counted": key}))
    disagreements = []
    for key in sorted(groups, key=_topic_order):
        if _conflicting(groups[key]):
            disagreements.append(
                Disagreement(topic=topic_of(key), kind="numeric", claims=_distinct_in_order(groups[key]))
            )
    return disagreements


# --- assertions ----------------------------------------------------------------------------------

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
        attribution=attribution(passage.quote, passage.quote.find(phrase)),
    )


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
