"""What an article's other sentences tell its claims, after each sentence's own frames (service/claims.py):

dateline   "PORT VELANA, Casmira — …": the city lies in the region, for every claim of the article
           (so "nationwide" and "in Casmira" are one place, see disagreements._most_specific)
that day   "The gap came on Wednesday, May 20. Police said 2,140 crossed that day": the date the
           sentence before names, not the article's
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from . import nlp
from .models import Claim, Passage
from .text import dateline_containment, without_dateline

THAT_DAY = re.compile(r"\b(?:that|the same)\s+(?:day|night|morning|afternoon|evening)\b", re.I)
DATELINE_WITHIN = 6  # a dateline comes after the title, the date and the byline


def with_article_context(
    claims: list[Claim], passages: Sequence[Passage], published: str | None
) -> list[Claim]:
    lies_in = next(filter(None, (dateline_containment(p.quote) for p in passages[:DATELINE_WITHIN])), None)
    return [_on_the_day_before(_within(claim, lies_in), passages, published) for claim in claims]


def _within(claim: Claim, lies_in: tuple[str, str] | None) -> Claim:
    if lies_in is None or lies_in in claim.containers:
        return claim
    return claim.model_copy(update={"containers": [*claim.containers, lies_in]})


def _on_the_day_before(claim: Claim, passages: Sequence[Passage], published: str | None) -> Claim:
    if claim.date_stated or not THAT_DAY.search(claim.quote):
        return claim
    before = [p for p in passages if p.end <= claim.start]
    if not before:
        return claim
    doc = nlp.parse_one(without_dateline(before[-1].quote))
    dates = [d for e in doc.ents if e.label_ == "DATE" and (d := nlp.resolve_date(e.text, published))]
    return claim.model_copy(update={"date": dates[-1], "date_stated": True}) if dates else claim
