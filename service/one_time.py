"""Whether two figures of one group hold at one time (service/disagreements.py): the same day, or days
within a window, and not a count that rose between reports, nor two spans of time, nor a live page's
hours apart."""

from __future__ import annotations

from collections.abc import Sequence

from .figures import is_currency
from .models import Claim
from .nlp import days_apart
from .tellers import same_source, source_key
from .units import MEASUREMENT_UNITS


def _apart(a: Claim, b: Claim) -> float | None:
    return days_apart(a.date, b.date) if a.date and b.date else None


def same_time(a: Claim, b: Claim, window: int) -> bool:
    """Figures that may hold at the same time: a date unknown, or at most `window` days apart."""
    gap = _apart(a, b)
    return gap is None or gap <= window


def at_one_time(a: Claim, b: Claim, group: Sequence[Claim], window: int) -> bool:
    """(See the module doc.) Two sources' word of what will be ("will close 62 branches", "78 branches
    will lose their counters") is a dispute on whatever days each said it: no count has risen between."""
    forecasts = a.expected and b.expected
    if not (forecasts or same_time(a, b, window)) or _unsourced_on_another_day(a, b):
        return False
    if _count_rose(a, b) and not forecasts:
        return False
    if _periods_apart(a, b):
        return False
    return _apart(a, b) is None or _nearest_in_time(a, b, group)


def _periods_apart(a: Claim, b: Claim) -> bool:
    """ "4,870 admissions in 2025" and "peaking in July (524 admissions)", "nine died in 2025" and "five in
    2026": a year's count and a month's within it, or two years', each dated by its sentence, count
    different spans of time (which touch, and so are no days apart)."""
    spans = [c.date for c in (a, b) if c.date and c.date_stated and len(c.date) < len("2025-07-01")]
    return len(spans) == 2 and spans[0] != spans[1]


def _count_rose(a: Claim, b: Claim) -> bool:
    """A later, higher figure on another day (rescued: 87 on Monday, 131 on Tuesday): the count grew
    between reports, whoever gave them; a conflict is two figures for the same day, or a later one that
    is lower."""
    if not (a.date and b.date) or len(a.date) != 10 or len(b.date) != 10:
        return False
    if is_currency(a.unit) and not same_source(source_key(a), source_key(b)):
        return False  # an insurer's €350m and a modeller's €480m–€620m a day later: two estimates
    if a.date == b.date and not _hours_apart(a, b):
        return _risen_since_its_hour(a, b)
    earlier, later = sorted((a, b), key=lambda c: (c.date, c.time or ""))
    if earlier.date_stated and not later.date_stated:
        return False  # "estimated on Monday at €41 million" against "more than €120 million" in a later paper
    return later.low >= earlier.low


def _risen_since_its_hour(a: Claim, b: Claim) -> bool:
    """A live page's 24C at 08:00 and another page's 34 degrees that day, at no hour: a measurement (a
    temperature, a river's level) changes through a day, and the higher one may be later; a count told
    by two sources on one day is a dispute."""
    timed = [c for c in (a, b) if c.time]
    untimed = [c for c in (a, b) if not c.time]
    measured = a.unit in MEASUREMENT_UNITS and b.unit in MEASUREMENT_UNITS
    return measured and len(timed) == 1 and untimed[0].low > timed[0].high


def _unsourced_on_another_day(a: Claim, b: Claim) -> bool:
    """A figure no one is named for, on another day than the other: it may be the same running count,
    later (the missing: 7 on Wednesday, 3 on Thursday as people are found), so nothing says they clash."""
    return bool(_apart(a, b) or _hours_apart(a, b)) and not (a.source and b.source)


def _hours_apart(a: Claim, b: Claim) -> bool:
    """Two entries of a live page on one day, at different times ("09:05", "19:10")."""
    return a.date == b.date and bool(a.time and b.time) and a.time != b.time


def _nearest_in_time(a: Claim, b: Claim, group: Sequence[Claim]) -> bool:
    """b is the figure of b's source nearest to a's date, and the other way round."""

    def nearest(x: Claim, y: Claim) -> bool:
        peers = [c for c in group if same_source(source_key(c), source_key(y)) and c.date]
        best = min((_apart(x, c) for c in peers), default=None)
        return best is None or _apart(x, y) == best

    return nearest(a, b) and nearest(b, a)
