"""Figures told per period: "€600,000 a year", "318 a day", "310 on Saturday alone", and counts within a
recent span ("457 new cases reported in the past 48 hours"). A rate is never a total, so claims carry it on
their event key ("cost a year", "suspect in the past 48 hours") and disagreements never set a rate against
a total."""

from __future__ import annotations

import re

from .figures import Figure

# "€600,000 a year", "540,000 cars a year", "318 a day": a rate, never a total ("a day earlier" is a day)
RATE_PERIODS = ("year", "day", "week", "month", "hour", "night", "annum")
TOLD_PERIODS = (*RATE_PERIODS, "weekday")  # "4,100 cycle trips a weekday": an average day's
AS_PERIOD = {"weekday": "day"}
RATE_AFTER = re.compile(
    rf"(?:\s+[^\W\d]+){{0,2}}?\s+(?:a|per|each|every)\s+(?P<per>{'|'.join(TOLD_PERIODS)})\b"
    r"(?!\s+(?:earlier|later|before|after|ago)\b)",
    re.I,
)
# "600 crowns each", "€95 apiece": a price of one (the word between must be the currency's)
EACH_AFTER = re.compile(r"(?:\s+(?P<word>[^\W\d]+))?\s+(?:each|apiece)\b(?!\s+of\b)", re.I)
EACH_PERIOD = re.compile(rf"\b(?:each|every|per)\s+(?:[^\W\d]+\s+)?(?P<per>{'|'.join(TOLD_PERIODS)})\b", re.I)


# "on Tuesday alone", "on Wednesday and Thursday alone": that day's count, not the running total
DAY_ALONE = re.compile(
    r"\b(?:mon|tues|wednes|thurs|fri|satur|sun)day(?:\s+(?:and|or)\s+\w+day)?"
    r"(?:\s+(?:morning|afternoon|evening|night))?\s+alone\b",
    re.I,
)


# "457 new cases reported in the past 48 hours": a count within a recent span, never the running total (not
# "rose to 2,037 in the past week", the total it reached)
WINDOW_AFTER = re.compile(
    r"[^\d.;]*?\b(?:in|over|during|within)\s+the\s+(?:past|last|previous)\s+"
    r"(?P<span>(?:[^\W\d]+\s+|\d+\s+)?(?:hours?|days?|weeks?|months?))\b",
    re.I,
)
REACHED_BEFORE = re.compile(r"\b(?:to|at|reached|hit|topped)\s+(?:[^\W\d]+\s+)?$", re.I)


def rate_of(sentence: str, figure: Figure, money: str | None = None) -> str | None:
    """ "a year" for a figure told per year: after it (its unit or noun may come between), or before it
    in its part of the sentence ("each strike day has cost €40 million"); "a day" for a day's count
    ("310 on Saturday alone"); "each" for a sum paid for one of several ("600 crowns each"); else None."""
    start = sentence.rfind(";", 0, figure.start) + 1
    found = RATE_AFTER.match(sentence, figure.end) or EACH_PERIOD.search(sentence[start : figure.start])
    each = EACH_AFTER.match(sentence, figure.end) if money else None
    if each and (not each["word"] or each["word"].lower().startswith(money.lower()[:4])):
        return "each"  # "paid up to 600 crowns each": a price of one, never what all of them paid
    alone = DAY_ALONE.search(sentence, start, figure.end + 60)
    if found is None and alone and not re.search(r"\d", sentence[figure.end : alone.start()]):
        return "a day"  # its own day, not a later figure's
    if found is None and (window := _window(sentence, figure)) is not None:
        return window
    return f"a {AS_PERIOD.get(found['per'].lower(), found['per'].lower())}" if found else None


def _window(sentence: str, figure: Figure) -> str | None:
    """ "in the past 48 hours" after the figure, no other figure between: the span it counts within."""
    window = WINDOW_AFTER.match(sentence, figure.end)
    if window is None or REACHED_BEFORE.search(sentence, 0, figure.start):
        return None
    return f"in the past {window['span'].lower()}"


def rate_in(event: str) -> str | None:
    """The period an event key carries ("cost a year" → "year"; claims append rate_of to the event)."""
    if event == "each" or event.endswith(" each"):
        return "each"
    if " in the past " in f" {event}":
        return event[event.index("in the past") :]
    return next((p for p in RATE_PERIODS if event.endswith(f" a {p}") or event == f"a {p}"), None)
