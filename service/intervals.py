"""Whether two figures can both hold: their intervals (service/figures.py sets them from the qualifiers)
overlap, allowing for the rounding a scale word implies ("1.42 million" is 1,419,700 rounded)."""

from __future__ import annotations

import re

from .figures import SCALES, WORD_SCALES
from .models import Claim


def overlap(a: Claim, b: Claim) -> bool:
    """Some value lies in both figures' intervals, each widened by its rounding."""
    if None in (a.low, a.high, b.low, b.high):
        return True  # a claim without an interval cannot contradict anything
    slack_a, slack_b = rounding(a), rounding(b)
    return a.low - slack_a <= b.high + slack_b and b.low - slack_b <= a.high + slack_a


# a value keeps its scale as a word ("£4.5m" is "£4.5 million": figures._figure)
ROUNDED = re.compile(rf"(\d+)(?:\.(\d+))?\s*({'|'.join(WORD_SCALES)})\b", re.IGNORECASE)
ROUNDING_AT_MOST = 0.025


def rounding(claim: Claim) -> float:
    """How far a figure written with a scale word may be from what it rounds: half its last digit, at
    most 2.5% ("1.42 million" is 1,419,700 rounded; "2 billion" is not 2.4 billion)."""
    found = ROUNDED.search(claim.value)
    if found is None or claim.high is None or (claim.qualifier and claim.low != claim.high):
        return 0.0  # "about 2.1 million" is widened by its "about" already
    step = SCALES[found.group(3).lower()] / 10 ** len(found.group(2) or "")
    return min(step / 2, ROUNDING_AT_MOST * claim.high)
