"""Where the documents disagree: numeric claims that cannot all hold, and contradicting assertions.

Numeric
    Claims are comparable only when they share a group key: the `counted` category, or for a fallback
    phrase the known category an embedding puts it next to (`group_key`, JOIN_THRESHOLD). A group is a
    disagreement when two claims from different documents have intervals that do not overlap; figures
    within one document are never set against each other. The report lists every claim of the group, one
    per (document, value), ordered by document then offset, with `counted` set to the group key.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from .claims import COUNTED_TERMS, PEOPLE_HEADS, TOPICS
from .models import Claim, Disagreement

Embed = Callable[[list[str]], list[list[float]]]

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
        scores = [(sum(a * b for a, b in zip(vector, other, strict=True)), category)
                  for (category, _), other in zip(anchors, anchor_vectors, strict=True)]  # fmt: skip
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


def find_disagreements(claims: Sequence[Claim], embed: Embed | None = None) -> list[Disagreement]:
    """One numeric Disagreement per category whose figures from different documents cannot all hold."""
    keys = _join_fallbacks([c.counted for c in claims if c.counted], embed)
    groups: dict[str, list[Claim]] = {}
    for claim in claims:
        if claim.counted:
            key = keys[claim.counted]
            groups.setdefault(key, []).append(claim.model_copy(update={"counted": key}))
    disagreements = []
    for key in sorted(groups, key=_topic_order):
        if _conflicting(groups[key]):
            disagreements.append(
                Disagreement(
                    topic=TOPICS.get(key, key), kind="numeric", claims=_distinct_in_order(groups[key])
                )
            )
    return disagreements
