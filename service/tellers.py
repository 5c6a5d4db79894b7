"""Who says so, compared across articles: one source under its names ("the regional health ministry" and
"the ministry"; "VPHA" and "the Velmora Port Health Authority"), and a figure a source repeats without
its date, which is the dated figure it repeats ("On the first full day, the governor said at least 50"
is his 50 of June 2, not a figure for the day the article appeared)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from .issuer import FIRST_PERSON, SPOKEN_AS_WE
from .models import Claim
from .nlp import POINT_IN_TIME

NAME_GLUE = frozenset({"of", "and", "for", "on", "in"})  # "Port Health Authority of Velmora"


def source_key(claim: Claim) -> str:
    """Who says so, comparable; a claim whose sentence names no source, or whose "we" no issuer's name
    replaced ("Our analysis shows"), is its article's own."""
    if not claim.source or FIRST_PERSON.fullmatch(claim.source):
        return f"article:{claim.doc_id}"
    words = re.findall(r"[^\W\d_]+", claim.source.lower().replace("’s", "").replace("'s", ""))
    return " ".join(w for w in words if w not in ("the", "a", "an")) or f"article:{claim.doc_id}"


def same_source(a: str, b: str) -> bool:
    if a.startswith("article:") or b.startswith("article:"):
        return a == b
    words_a, words_b = set(a.split()), set(b.split())
    return words_a <= words_b or words_b <= words_a or _initials_of(a, b) or _initials_of(b, a)


def one_voice(a: Claim, b: Claim) -> bool:
    """A body's own document tells its unattributed figures and its "we" figures in one voice ("A gift of
    250 crowns puts your name in the book", "a gift of 34 crowns, and we will send you a postcard")."""
    if a.doc_id != b.doc_id or (a.source is None) == (b.source is None):
        return False
    return bool(SPOKEN_AS_WE.search((b if a.source is None else a).quote))


def _initials_of(short: str, name: str) -> bool:
    """ "vpha" is "velmora port health authority": an acronym is its name's initials."""
    words = [w for w in name.split() if w not in NAME_GLUE]
    return " " not in short and len(short) >= 3 and len(words) >= 3 and short == "".join(w[0] for w in words)


def dated_by_repeats(group: Sequence[Claim]) -> list[Claim]:
    """Each figure given without a date of its own takes the date another article states for the same
    figure from the same source, when they all state one."""
    result = []
    for claim in group:
        stated = {
            other.date for other in group if other.date_stated and other.date and _repeats(claim, other)
        }
        stated = {day for day in stated if day <= (claim.date or "")}  # told before the repeat appeared
        if not claim.date_stated and len(stated) == 1:
            claim = claim.model_copy(update={"date": stated.pop(), "date_stated": True})
        result.append(claim)
    return result


def set_against(a: Claim, b: Claim) -> bool:
    """ "Orlenda has confirmed four deaths; the union says six": one sentence sets two sources' figures
    against each other, both standing when it was written (whenever each was first given); so do two
    sentences in a row that name no day ("The Commission said 4.6 million tickets had been voided. Norvale
    has consistently put the number at 4.2 million")."""
    if a.doc_id != b.doc_id or not (a.source and b.source) or _of_another_year(a, b):
        return False
    first, second = sorted((a, b), key=lambda c: c.start)
    in_a_row = 0 <= second.start - first.end <= 1 and not any(map(POINT_IN_TIME.search, (a.quote, b.quote)))
    return a.quote == b.quote or in_a_row


def _of_another_year(a: Claim, b: Claim) -> bool:
    """ "486 so far this year. The company says last year's total was 2,184": each sentence names its
    period, one a whole year, the other another year."""
    whole_year = len(a.date or "") == 4 or len(b.date or "") == 4
    return whole_year and a.date_stated and b.date_stated and other_years(a, b)


def other_years(a: Claim, b: Claim) -> bool:
    """ "A year earlier the survey had put losses at 17%": last year's figure is no part of this year's."""
    return bool(a.date and b.date) and a.date[:4] != b.date[:4]


def _repeats(claim: Claim, other: Claim) -> bool:
    same_figure = (claim.low, claim.high) == (other.low, other.high) and claim.low is not None
    return same_figure and claim.source is not None and same_source(source_key(claim), source_key(other))
