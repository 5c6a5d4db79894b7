"""A dispute told in one sentence: "The landlord says 64 people were registered, but the residents'
association says as many as 95". The second figure is told in few words and says nothing of what it
counts; it takes the frame of the figure it is set against (service/claims.py builds the frames)."""

from __future__ import annotations

import re

from .figures import Figure
from .models import Claim

CONTRAST = re.compile(r"\b(?:but|while|whereas|although|though|versus|against|compared with|not)\b|;", re.I)


def may_borrow(sentence: str, figure: Figure) -> bool:
    """A bare figure that another figure of its sentence may lend its frame to (borrowed_frames)."""
    return bool(CONTRAST.search(sentence, 0, figure.start))


def borrowed_frames(sentence: str, claims: list[Claim], at: list[int]) -> list[Claim]:
    """The two sides of a dispute told in one sentence, the second in few words: "The landlord says 64
    people were registered, but the residents' association says as many as 95"; "about 9,000 litres
    escaped, while the agency puts the figure at 40,000 litres". A figure that says nothing of what
    happened (no event or activity; no noun, "people", or the other's noun) takes what the other figure
    counts, where, and when (unless its own clause dates it), when its own source differs and both sources
    are named or a contrast ("but", "while", "not", a semicolon) stands between them."""
    done = list(claims)
    for i, claim in enumerate(claims):
        lender = _lender(sentence, claims, at, i)
        if lender is not None:
            done[i] = claim.model_copy(
                update={
                    "noun": lender.noun,
                    "event": lender.event,
                    "activity": lender.activity,
                    "generic": lender.generic,
                    "counted": lender.counted,
                    "places": claim.places or lender.places,
                    "place": claim.place or lender.place,
                    # "24,000 joined last Wednesday's march, while the union put it at 65,000": then too
                    "date": claim.date if claim.date_stated else lender.date,
                    "date_stated": claim.date_stated or lender.date_stated,
                }
            )
    return done


def _lender(sentence: str, claims: list[Claim], at: list[int], i: int) -> Claim | None:
    claim = claims[i]
    if claim.event or claim.activity:
        return None
    for j in sorted(range(len(claims)), key=lambda j: abs(at[j] - at[i])):
        other = claims[j]
        if j == i or not (other.event or other.activity) or other.value == claim.value:
            continue
        if claim.noun and not claim.generic and claim.noun != other.noun:
            continue
        if claim.source == other.source:
            continue
        between = sentence[min(at[i], at[j]) : max(at[i], at[j])]
        if (claim.source and other.source) or CONTRAST.search(between):
            return other
    return None
