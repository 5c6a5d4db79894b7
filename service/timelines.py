"""Updates: one source's figures for one count at several dates, as a timeline (service/disagreements.py
finds the groups); and the values one sentence tells as steps of one count, or as a part and its whole."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from itertools import pairwise

from .ellipsis import CHANGED_FROM, PART_OF_WHOLE, RISING, unsourced_steps
from .intervals import overlap
from .models import Claim
from .rates import rate_in
from .tellers import same_source, source_key


def timelines(group: Sequence[Claim]) -> list[list[Claim]]:
    """One source's figures at two or more dates, when they change: oldest first, one per date. An
    article's own dated figures, and a count it tells in steps, join a source's line that gives one of
    them on its day."""
    by_source: dict[str, list[Claim]] = defaultdict(list)
    earlier = {id(c) for c in group if c.before and _counted_up_from(c)}  # each the first of its day
    for claim in group:
        key = source_key(claim)
        own_day = claim.date_stated and len(claim.date or "") == len("2026-03-09")
        dated = len(claim.date or "") > len("2025") and (not claim.before or id(claim) in earlier)
        if dated and (own_day or not key.startswith("article:")):
            home = next((k for k in by_source if same_source(k, key)), key)
            by_source[home].append(claim)
    lines = [claims for key, claims in by_source.items() if not key.startswith("article:")]
    told = [claims for key, claims in by_source.items() if key.startswith("article:")]
    for line in [*told, *unsourced_steps(group)]:
        lines += [] if _joined_to_one(line, lines) else [line]
    found, wholes = [], parts_and_wholes(group)
    for claims in lines:
        by_date = {}
        for claim in sorted(
            claims, key=lambda c: (c.date, id(c) not in earlier, c.time or "", c.doc_id, c.start)
        ):
            # a live page's entries: one day's steps; a running count before a change, the day's first
            by_date.setdefault((claim.date, id(claim) in earlier, claim.time), claim)
        line = list(by_date.values())
        steps = [(x, y) for x, y in pairwise(line) if {x.value, y.value} not in wholes]
        if any(not overlap(x, y) for x, y in steps):
            found.append(line)
    return found


def _counted_up_from(claim: Claim) -> bool:
    """ "logged 132 objections, up from 87 when the committee met": a source's running count before, with no
    day of its own (not "profit of €1.4m, down from €2.6m", "a season ticket at €540, up from €470", nor
    "4,100 a day, up from 2,950 before")."""
    figure = re.escape(claim.value.split()[0])
    risen = re.search(rf"\b(?:{RISING})\s+from\s+(?:[^\W\d]+\s+){{0,2}}\D?{figure}\b", claim.quote, re.I)
    counted = claim.unit is None and not (claim.event and rate_in(claim.event))  # no sum, no measure, no rate
    return bool(risen) and counted and not source_key(claim).startswith("article:")


def _joined_to_one(line: Sequence[Claim], lines: Iterable[list[Claim]]) -> bool:
    """A count told in steps that a source (or another article) gives at one of its days is that one."""
    for claims in lines:
        if {(c.value, c.date) for c in line} & {(c.value, c.date) for c in claims}:
            claims.extend(line)
            return True
    return False


def steps_told(group: Sequence[Claim]) -> list[set[str]]:
    """The values a sentence tells as steps of one count ("29 runners have been taken to hospital, up from
    the 17 it reported at lunchtime"), or as a part and its whole ("1.6 million of our 4.6 million
    customers"): never a conflict, whoever else gives them."""
    return [values for values in _told_together(group, CHANGED_FROM, PART_OF_WHOLE) if len(values) > 1]


def parts_and_wholes(group: Sequence[Claim]) -> list[set[str]]:
    """The values a sentence tells as a part and its whole ("17 of the 60 apiaries"): never two steps of
    one count."""
    return [values for values in _told_together(group, PART_OF_WHOLE) if len(values) == 2]


def _told_together(group: Sequence[Claim], *patterns: re.Pattern[str]) -> list[set[str]]:
    """The values of each sentence of the group that one of the patterns matches."""
    told: dict[tuple[str, int], set[str]] = defaultdict(set)
    for claim in group:
        if any(pattern.search(claim.quote) for pattern in patterns):
            told[(claim.doc_id, claim.start)].add(claim.value)
    return list(told.values())
