"""Days named by a holiday ("on New Year's Day", "over Christmas"), and a day with no year told just after
the page's own ("UPDATE 2, 2 January" on a page dated 1 January). No language model here: service/nlp.py
calls these on its parses and dates."""

from __future__ import annotations

import re
from datetime import date

# a holiday a day is named by → (month, day): "on New Year's Day", "on Christmas Eve", "over Christmas"
HOLIDAY = re.compile(
    r"(new\s+year'?s?(?:\s+day)?)|(new\s+year'?s?\s+eve)|(christmas(?:\s+day)?)|(christmas\s+eve)", re.I
)
HOLIDAY_DAYS = ((1, 1), (12, 31), (12, 25), (12, 24))
HOLIDAY_OPENERS = frozenset("on over at since by until before after".split())


def holidays_as_dates(doc) -> None:
    """ "on New Year's Day", "Christmas Eve": the tagger calls them events; they name a day. "New Year
    fireworks offences": a kind of offence, no day."""
    kept = []
    for entity in doc.ents:
        if HOLIDAY.fullmatch(entity.text):
            if entity.root.dep_ == "compound":
                continue
            if entity.label_ == "EVENT" and _told_when(entity):
                entity = doc.char_span(entity.start_char, entity.end_char, label="DATE")
        kept.append(entity)
    if kept != list(doc.ents):
        doc.ents = kept


def _told_when(entity) -> bool:
    """After a preposition of time: "on New Year's morning", "over Christmas"."""
    return entity.start > 0 and entity.doc[entity.start - 1].lower_ in HOLIDAY_OPENERS


def holiday_on_or_before(text: str, reference: str) -> str | None:
    """The holiday's day on or before the reference (or within a week after it: DAYS_AHEAD)."""
    words = text.strip().split(maxsplit=1)
    bare = words[1] if len(words) == 2 and words[0].lower() in HOLIDAY_OPENERS else text.strip()
    if (match := HOLIDAY.fullmatch(bare)) is None:
        return None
    end, (month, day) = date.fromisoformat(reference), HOLIDAY_DAYS[match.lastindex - 1]
    found = date(end.year - (date(end.year, month, day) > end), month, day)
    return soon_after(found, end).isoformat()


DAYS_AHEAD = 7


def soon_after(day: date, reference: date) -> date:
    """ "UPDATE 2, 2 January" on a page dated 1 January: the next day, not a year before (a date with no
    year is the latest one, unless it falls within a week after the article)."""
    next_year = in_year(day, day.year + 1)
    return next_year if next_year and 0 < (next_year - reference).days <= DAYS_AHEAD else day


def in_year(day: date, year: int) -> date | None:
    try:
        return day.replace(year=year)
    except ValueError:  # 29 February
        return None
