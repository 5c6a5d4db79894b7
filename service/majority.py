"""What most documents say about the figure a question asks for, so that one document (a planted article,
an outlier) never sets the answer against several others.

The figures in play are the claims that count what the question asks (support.compatible with its frame,
places aside: "Marrowby" and "Veldaria" may both hold) and are neither background nor vague. Each document
counts once per figure. When the answer states a figure that fewer documents give than another figure
given by at least two, and the two hold for the same time (undated, or at most the conflict window apart),
the answer is led by the majority figure and the two are reported as a conflict. A running count that
grew (120 on Monday, 512 on Friday) is never outvoted by its older figures: those are not the same time.
"""

from __future__ import annotations

from collections.abc import Sequence

from .citations import numbers_in
from .disagreement_text import topic_of
from .disagreements import is_background, is_vague
from .models import Claim, Disagreement, Passage
from .one_time import same_time
from .support import compatible
from .vocabulary import Vocabulary


def documents_by_figure(
    frame: Claim, claims: Sequence[Claim], vocabulary: Vocabulary
) -> dict[str, list[Claim]]:
    """figure → one claim per document that gives it for what the question asks, most documents first."""
    by_value: dict[str, dict[str, Claim]] = {}
    for claim in claims:
        if is_background(claim) or is_vague(claim) or not compatible(frame, claim, vocabulary, places=False):
            continue
        by_value.setdefault(claim.value, {}).setdefault(claim.doc_id, claim)
    ranked = sorted(by_value.items(), key=lambda item: len(item[1]), reverse=True)
    return {value: list(docs.values()) for value, docs in ranked}


def outvoted(
    answer: str, frame: Claim | None, claims: Sequence[Claim], vocabulary: Vocabulary, window: int
) -> tuple[Disagreement, str] | None:
    """(the conflict, the majority figure) when the answer states a figure most documents do not give."""
    if frame is None or not (frame.noun or frame.event):
        return None
    figures = documents_by_figure(frame, claims, vocabulary)
    if not figures:
        return None
    top, backers = next(iter(figures.items()))
    stated = numbers_in(answer)
    if len(backers) < 2 or numbers_in(top) & stated:
        return None
    outliers = [
        claim
        for value, given in figures.items()
        if value != top and numbers_in(value) & stated and len(given) < len(backers)
        for claim in given
        if any(same_time(claim, backer, window) for backer in backers)
    ]
    if not outliers:
        return None
    members = [*backers, *outliers]
    return Disagreement(topic=topic_of(members), kind="conflict", claims=members), top


def majority_sentence(disagreement: Disagreement, value: str, numbered: Sequence[Passage]) -> str:
    """ "Most sources put the number of X at 1,000 [1][3][4]." citing the passages numbered for the claims
    that give the figure (their own sentence, else the document's sentence restating it)."""
    cites = []
    for claim in (c for c in disagreement.claims if c.value == value):
        same = [p for p in numbered if p.doc_id == claim.doc_id]
        passage = next((p for p in same if p.start == claim.start), None)
        passage = passage or next((p for p in same if claim.value in p.quote), None)
        cites += [passage.n] if passage else []
    marks = "".join(f"[{n}]" for n in dict.fromkeys(cites))
    qualifier = next((f"{c.qualifier} " for c in disagreement.claims if c.value == value and c.qualifier), "")
    return f"Most sources put {disagreement.topic} at {qualifier}{value} {marks}."
