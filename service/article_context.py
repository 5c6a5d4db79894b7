"""What an article's other sentences tell its claims, after each sentence's own frames (service/claims.py):

dateline   "PORT VELANA, Casmira — …": the city lies in the region, for every claim of the article
           (so "nationwide" and "in Casmira" are one place, see disagreements._most_specific)
live blog  the entries of a live blog under their times ("07:05", "UPDATE 03:20", "23:30"), cross
           midnight where a time is later than the one above it (newest first; oldest first, earlier
           than the one above it, the latest entry being of the page's day): a figure the entry gives
           without a date is for the entry's day, not the day the page was last updated; and for the
           entry's time ("09:05", "19:10"): one day's later entries are later
parts      "Fatalities: 12", "Fatalities: 3", "Fatalities: 2" in sections, "Fatalities: 17" in the totals:
           figures of one frame that add up to another in the article are its parts, and dropped
day before "98,400 by Friday … it had risen from 73,000 a day earlier": the day before the day the
           paragraph names (else the article's); "… at €380,000 on 18 February. Two days later, … raised
           the figure to €1.1m": likewise two days after it ("a week later", "the next day")
speaker   "DARIO MENCK: We sold 54,600 tickets": in a transcript, who speaks says what their turn does not
           attribute to anyone else
issuer     "A message from Quayside Parcels" under the headline: what the document tells in the first
           person is that body's (service/issuer.py)
heading    "Update 3 – 12 October, 19:05" on a line of its own, over the paragraphs below it (two such
           headings or more): their day, for the figures they give without one
entry      "- 10 March 2026: The PSA orders the recall. The DFRS says 12 people were hurt.": a timeline
           entry's day dates every sentence of its line that names none
that day   "The gap came on Wednesday, May 20. Police said 2,140 crossed that day": the date the
           nearest sentence before it in its paragraph names (at most LOOK_BACK back; the paragraph
           before too when the words open its paragraph: "On the same day, …"), not the article's;
           likewise "in that case", "at the time", "in the six weeks that followed"
"""

from __future__ import annotations

import itertools
import re
from collections import defaultdict
from collections.abc import Sequence
from datetime import date, timedelta

from . import nlp
from .issuer import in_its_voice, issuer_of
from .models import Claim, Passage
from .sources import STANDS_FOR, antecedent
from .text import (
    CUE_NAMES,
    ENTRY_DAY,
    MONTH,
    SCRIPT_CUES,
    dateline_containment,
    without_dateline,
)
from .thesaurus import unknown_word

THAT_DAY = re.compile(
    r"\b(?:(?:that|the same)\s+(?:day|night|morning|afternoon|evening|week|month|year|period)|in that case"
    r"|at the time|that followed|the following (?:week|month|year))\b",
    re.I,
)
ENTRY_TIME = re.compile(  # "09:05 - …", "UPDATE 19:40", "Updated at 21.10 GMT"
    r"^[ \t]*(?:update[ds]?(?:[ \t]+at)?:?[ \t]+)?(?P<hour>[01]?\d|2[0-3])[:.](?P<minute>[0-5]\d)"
    r"(?:[ \t]*(?:GMT|BST|CET|CEST|UTC|EET|local))?[ \t]*(?:[—–-][ \t]|$)",
    re.M | re.I,
)
MIN_ENTRIES = 3
# a clock time in a sentence: "at 11:50", "by 1 p.m.", "at 8am" (not "€12.30": a 24-hour time needs ":")
CLOCK_TIME = re.compile(
    r"(?<![\d.,:])(?:(?P<hour>[01]?\d|2[0-3]):(?P<minute>[0-5]\d)(?![\d:]|,\d)"
    r"|(?P<h12>1[0-2]|0?[1-9])(?:[:.](?P<m12>[0-5]\d))?\s*(?P<half>[ap])\.?m\b\.?)",
    re.I,
)
ENTRY_LABEL = re.compile(r"[ \t]*(?:[-•*–][ \t]*)?(?P<label>[^:\n]{4,30}):[ \t]")  # "- 10 March 2026: …"
# "Update 3 – 12 October, 19:05", "Day two: Monday 12 October" alone in its paragraph, no sentence
DATED_HEADING = re.compile(  # "2 MARCH: DOWN TO SEVEN" too
    rf"(?<=\n\n)[^\n.!?]{{0,30}}?(?P<day>\d{{1,2}}\s+{MONTH}|{MONTH}\s+\d{{1,2}})\b[^\n.!?]{{0,48}}(?=\n)",
    re.I,
)
MIN_HEADINGS = 2
MIN_SPEAKER = len("ABE")
# "SOT: (Maren Oddvik, display pilot) …": a script's cue, and who speaks
CUED_SPEAKER = re.compile(rf"[ \t]*(?:{CUE_NAMES}):[ \t]*\((?P<name>[A-Z][^,()\n]{{2,40}})[,)]")
MIN_TURNS = 2
# "Renholt: €1.8 billion.", "Rundschau: Your state auditor says …": an interview's turns, by a name that is
# no English word (not "Injured: 63")
NAMED_SPEAKER = re.compile(r"^(?P<name>[A-Z][a-z'’-]{2,}):\s", re.M)
# "Dr Corrie: About 4,100.", "Duncan Marrick (Inshore Fishermen's Cooperative): …": a hearing's turns, by
# a titled name or a person's full name, with the body they speak for
TITLES = r"(?:Dr|Mr|Mrs|Ms|Miss|Prof|Professor|Sir|Dame|Cllr|Councillor)\.?"
# "Ada Kemény (Soltberg Riverside) (SD):": a name may be any alphabet's, and a party may follow the body
NAME_WORD = r"[A-Z](?:[^\W\d_A-Z]|['’-])+"  # not "NAIROBI"
FULL_SPEAKER = re.compile(
    rf"^(?P<name>(?P<title>{TITLES}\s+)?{NAME_WORD}(?:\s+{NAME_WORD}){{0,2}})"
    r"(?:\s+\((?P<body>[^()\n]{3,80})\))?(?:\s+\([A-Z][\w-]{0,11}\))?:\s",
    re.M,
)
# "had risen from 73,000 a day earlier": the day before the one the paragraph names
DAYS_BEFORE = re.compile(
    r"\b(?:(?P<count>a|one|two|three|four|five|six)\s+days?\s+(?:earlier|before)|the\s+(?:previous|preceding)\s+day)\b",
    re.I,
)
# "Two days later, … raised it to €65m", "… in its update the following day": days after it (not "N days
# after" an event, whose day is not the paragraph's; not "a week later" inside, which may be another figure's)
DAYS_LATER = re.compile(
    r"^\W*(?:(?:and|but|then)\s+)?(?P<count>a|one|two|three|four|five|six)\s+(?P<unit>days?|weeks?)\s+later\b"
    r"|\bthe\s+(?:next|following)\s+(?:day|morning|afternoon|evening|night)\b",
    re.I,
)
# "On the same day, …", "Two days later, …" opening a paragraph: the day the paragraph before names
OPENS_ON_A_DAY = re.compile(
    r"^\W*(?:(?:and|but|then|later)\s+)?(?:on\s+)?(?:that|the\s+same|that\s+same|the\s+next|the\s+following)"
    r"\s+(?:day|night|morning|afternoon|evening)\b|^\W*(?:a|one|two|three|four|five|six)\s+days?\s+later\b",
    re.I,
)
LOOK_BACK = 3  # sentences of the same paragraph
BACKGROUND_DAYS = 365  # a year or more before the article: another event's (as disagreements.is_background)
DATELINE_WITHIN = 6  # a dateline comes after the title, the date and the byline
# "DARIO (V/O): …": a script's voice-over, the reporter's own words
VOICE_CUE = r"\s*\((?:V/?O|OOV|O/?S)\)"
SPEAKER = re.compile(  # "ANNIKA SOLVEY (Draumhorn Tunnel Company): …" speaks for the company
    rf"^(?P<name>[A-Z][A-Z'’.-]+(?:\s+[A-Z][A-Z'’.-]+){{0,3}})(?P<cue>{VOICE_CUE})?"
    r"(?:\s+\((?P<body>[^()\n]{3,80})\))?:\s",
    re.M,
)
NOT_SPEAKERS = SCRIPT_CUES | {"Q", "A", "KEY POINTS", "UPDATE", "BREAKING", "LIVE", "CORRECTION", "NOTE"}


def with_article_context(
    claims: list[Claim], passages: Sequence[Passage], published: str | None, text: str
) -> list[Claim]:
    """The claims with what the article's other sentences tell (see the module doc); `text` is the
    article's, the passages its sentences."""
    lies_in = next(filter(None, (dateline_containment(p.quote) for p in passages[:DATELINE_WITHIN])), None)
    entries = entry_days(text, published) or heading_days(text, published)
    times = entry_times(text)
    if _is_a_transcript(text):
        claims = [_spoken_by(claim, text) for claim in claims]
    issuer = issuer_of(text)
    claims = [in_its_voice(claim, issuer) for claim in claims]
    placed = [_timed(_within(claim, lies_in), times) for claim in _without_parts_of_a_total(claims)]
    return [
        _named_by_its_paragraph(
            _dated_by_its_history(
                _dated_by_its_paragraph(
                    _dated_by_its_label(_dated_by_its_entry(claim, entries), text), passages, published, text
                ),
                passages,
                published,
                text,
            ),
            passages,
            text,
        )
        for claim in placed
    ]


MIN_PARTS = 3


def _without_parts_of_a_total(claims: list[Claim]) -> list[Claim]:
    """ "Fatalities: 12", "Fatalities: 3", "Fatalities: 2" under each tornado's heading, "Fatalities: 17"
    under the totals: figures of one frame in one article that add up to another of it are its parts,
    never set against a whole."""
    kinds = defaultdict(list)
    for claim in claims:
        if claim.low is not None and claim.low == claim.high:
            kinds[(claim.noun, claim.event, claim.unit, tuple(claim.places))].append(claim)
    parts: set[int] = set()
    for same in kinds.values():
        for total in same:
            others = [c for c in same if c.low != total.low]
            if len(others) >= MIN_PARTS and sum(c.low for c in others) == total.low:
                parts.update(id(c) for c in others)
    return [claim for claim in claims if id(claim) not in parts]


def without_leaders(sentence: str) -> str:
    """The sentence with what leads it and is no part of it (text.without_dateline, an interview's
    speaker) blanked out, offsets kept."""
    turn = named_turn(sentence) or _voiced_turn(sentence)
    return without_dateline(sentence) if turn is None else " " * turn.end() + sentence[turn.end() :]


def _voiced_turn(sentence: str) -> re.Match[str] | None:
    turn = SPEAKER.match(sentence)
    return turn if turn is not None and turn["cue"] else None


def named_turn(text: str, line: int = 0) -> re.Match[str] | None:
    """An interview's turn that starts at `line` (NAMED_SPEAKER), with who speaks as "name"."""
    turn = NAMED_SPEAKER.match(text, line)
    if turn is not None and unknown_word(turn["name"]):
        return turn
    turn = FULL_SPEAKER.match(text, line)
    return turn if turn is not None and _a_person(turn) else None


def _a_person(turn: re.Match[str]) -> bool:
    """ "Dr Corrie", "Duncan Marrick": a title and a name, or a person's full name (not "Storm mortality")."""
    if " " not in turn["name"]:
        return False
    return bool(turn["title"]) or any(e.label_ == "PERSON" for e in nlp.parse_one(turn["name"]).ents)


def _is_a_transcript(text: str) -> bool:
    """Two turns or more ("NAIROBI: …" once is a dateline)."""
    turns = (m["name"] for m in SPEAKER.finditer(text) if m["name"] not in NOT_SPEAKERS)
    named = (m["name"] for m in NAMED_SPEAKER.finditer(text) if unknown_word(m["name"]))
    full = (m["name"] for m in FULL_SPEAKER.finditer(text) if _a_person(m))
    cued = CUED_SPEAKER.finditer(text)
    return sum(1 for _ in itertools.islice(itertools.chain(turns, named, full, cued), MIN_TURNS)) == MIN_TURNS


def _spoken_by(claim: Claim, text: str) -> Claim:
    """The speaker whose turn the claim's line is, for a figure no one else is named for (see the module
    doc)."""
    if claim.source is not None and claim.source.lower() not in ("we", "i"):
        return claim
    line = _turn_start(text, claim.start)
    if (cued := CUED_SPEAKER.match(text, line)) is not None:  # "SOT: (Maren Oddvik, display pilot) …"
        return claim.model_copy(update={"source": cued["name"], "attribution": cued["name"]})
    turn = SPEAKER.match(text, line) or named_turn(text, line)
    if turn is None or turn["name"] in NOT_SPEAKERS or len(turn["name"]) < MIN_SPEAKER:
        return claim
    if turn.groupdict().get("cue"):
        return claim  # a voice-over tells in the piece's own voice
    name = turn["name"].title()
    if any(e.label_ in ("GPE", "LOC") for e in nlp.parse_one(name).ents):
        return claim  # "NAIROBI: …", a dateline
    name = _body_spoken_for(turn.groupdict().get("body")) or name
    return claim.model_copy(update={"source": name, "attribution": name})


def _turn_start(text: str, at: int) -> int:
    """Where the turn that the position is in starts: its line, or the nearest line above that opens a
    turn (TURN_LINES at most) when the speaker goes on over paragraphs of their own ("CHIEF SUPT RAVEL:
    Thank you." and then "As of this morning, 19 people have been arrested …")."""
    own = line = text.rfind("\n", 0, at) + 1
    if LABELLED.match(text, own):
        return own  # "Injured: 63": a label of its own, no one's words
    for _ in range(TURN_LINES):
        turn = CUED_SPEAKER.match(text, line) or SPEAKER.match(text, line) or named_turn(text, line)
        if turn is not None:
            return own if _a_heading(text, turn) else line
        if not line:
            return own
        line = text.rfind("\n", 0, line - 1) + 1
    return own


TURN_LINES = 8  # a turn told over more paragraphs than this is the article's own voice again
LABELLED = re.compile(r"[^\W\d_][^\n:]{0,40}:\s")


def _a_heading(text: str, turn: re.Match[str]) -> bool:
    """ "BRIDGE: THREE DAYS CUT OFF": capitals after the colon head a section of the article's own."""
    end = text.find("\n", turn.end())
    return text[turn.end() : end if end >= 0 else None].isupper()


def _body_spoken_for(body: str | None) -> str | None:
    """ "Duncan Marrick (Inshore Fishermen's Cooperative):" speaks for the cooperative; "Callum Vane (Orrin
    and the Western Isles):" for no place he represents."""
    if not body:
        return None
    parsed = nlp.parse_one(body)
    place = any(e.label_ in ("GPE", "LOC", "NORP") and e.end == len(parsed) for e in parsed.ents)
    return None if place else body


def entry_days(text: str, published: str | None) -> list[tuple[int, str]]:
    """Where each entry of a newest-first live blog starts, and its day (see the module doc); [] for an
    article that is no such blog."""
    stamps = [(m.start(), int(m["hour"]) * 60 + int(m["minute"])) for m in ENTRY_TIME.finditer(text)]
    if not published or len(published) != len("2026-06-04") or len(stamps) < MIN_ENTRIES:
        return []
    steps = list(itertools.pairwise(minutes for _, minutes in stamps))
    oldest_first = sum(a < b for a, b in steps) >= sum(a > b for a, b in steps)
    ordered = stamps[::-1] if oldest_first else stamps  # the page's date is its latest entry's day
    days_back, entries = 0, []
    for (at, minutes), before in zip(ordered, [None, *(m for _, m in ordered)], strict=False):
        days_back += before is not None and minutes > before
        entries.append((at, (date.fromisoformat(published) - timedelta(days=days_back)).isoformat()))
    return sorted(entries)


def heading_days(text: str, published: str | None) -> list[tuple[int, str]]:
    """Where each dated heading's paragraphs start, and its day; [] for fewer than MIN_HEADINGS."""
    days = [(m.start(), nlp.resolve_date(m["day"], published)) for m in DATED_HEADING.finditer(text)]
    found = [(at, day) for at, day in days if day and len(day) == len("2026-06-04")]
    return found if len(found) >= MIN_HEADINGS else []


def entry_times(text: str) -> list[tuple[int, str]]:
    """Where each entry of a live page starts, and its time ("19:10"); [] for a page with fewer entries."""
    stamps = [(m.start(), f"{int(m['hour']):02d}:{m['minute']}") for m in ENTRY_TIME.finditer(text)]
    return stamps if len(stamps) >= MIN_ENTRIES else []


def _timed(claim: Claim, times: list[tuple[int, str]]) -> Claim:
    """A figure an entry gives without a date of its own holds at the entry's time; one whose sentence
    tells a single clock time ("the temperature reached 34C at 11:50"), at that time."""
    time = _clock_time(claim.quote) or _of_its_entry(claim, times)
    return claim if time is None or claim.date_stated else claim.model_copy(update={"time": time})


def _clock_time(sentence: str) -> str | None:
    told = list(CLOCK_TIME.finditer(sentence))
    if len(told) != 1:
        return None
    if (hour := told[0]["hour"]) is not None:
        return f"{int(hour):02d}:{told[0]['minute']}"
    hour = int(told[0]["h12"]) % 12 + (12 if told[0]["half"].lower() == "p" else 0)
    return f"{hour:02d}:{told[0]['m12'] or '00'}"


def _of_its_entry(claim: Claim, entries: list[tuple[int, str]]) -> str | None:
    """What the entry the claim lies in says (its day, its time), from (where it starts, what) pairs."""
    return next((said for at, said in reversed(entries) if at <= claim.start), None)


def _dated_by_its_entry(claim: Claim, entries: list[tuple[int, str]]) -> Claim:
    day = _of_its_entry(claim, entries)
    if claim.date_stated or day is None or claim.date == day or claim.date != claim.published:
        return claim
    return claim.model_copy(update={"date": day, "date_stated": True})


def _dated_by_its_label(claim: Claim, text: str) -> Claim:
    end = text.find("\n", claim.start)
    line = text[text.rfind("\n", 0, claim.start) + 1 : end if end >= 0 else len(text)]
    if (label := ENTRY_LABEL.match(line)) is not None:  # "- 10 March 2026: …"
        written = label["label"]
    else:  # "14 May - …"
        written = entry["day"] if (entry := ENTRY_DAY.match(line)) is not None else None
    if claim.date_stated or not written:
        return claim
    day = nlp.resolve_date(written, claim.published)
    if day is None or len(day) != len("2026-06-04"):
        return claim
    return claim.model_copy(update={"date": day, "date_stated": True})


def _within(claim: Claim, lies_in: tuple[str, str] | None) -> Claim:
    if lies_in is None or lies_in in claim.containers:
        return claim
    return claim.model_copy(update={"containers": [*claim.containers, lies_in]})


def _named_by_its_paragraph(claim: Claim, passages: Sequence[Passage], text: str) -> Claim:
    """ "It says 93 whales have now died": the source is who the sentence before, in its paragraph, names
    as its subject (its own sentence was read at extraction: sources.source_of)."""
    if claim.source not in STANDS_FOR:
        return claim
    before = next(_paragraph_before(claim, passages, text, 1), None)
    found = antecedent(claim.source, nlp.parse_one(without_dateline(before.quote))) if before else None
    return claim.model_copy(update={"source": found, "attribution": found})


def _dated_by_its_paragraph(
    claim: Claim, passages: Sequence[Passage], published: str | None, text: str
) -> Claim:
    back, later = DAYS_BEFORE.search(claim.quote), DAYS_LATER.search(claim.quote)
    if claim.date_stated or not (back or later or THAT_DAY.search(claim.quote)):
        return claim
    shift = -_days_in(back) if back else _days_in(later)
    for dates in _dates_before(claim, passages, published, text):
        if dates and len(dates[-1]) == len("2026-06-04"):
            day = (date.fromisoformat(dates[-1]) + shift).isoformat()
            return claim.model_copy(update={"date": day, "date_stated": True})
        if dates and not shift:
            return claim.model_copy(update={"date": dates[-1], "date_stated": True})
    if shift < timedelta(0) and claim.date and len(claim.date) == len("2026-06-04"):  # before the article's
        return claim.model_copy(update={"date": (date.fromisoformat(claim.date) + shift).isoformat()})
    return claim


def _days_in(apart: re.Match[str] | None) -> timedelta:
    """ "two days" 2, "a week" 7, "the next day" 1, "that day" (no match) 0."""
    if apart is None:
        return timedelta(0)
    if apart["count"] is None:
        return timedelta(days=1)
    weeks = (apart.groupdict().get("unit") or "").lower().startswith("week")
    return timedelta(days=nlp.how_many(apart["count"]) * (7 if weeks else 1))


def _paragraph_before(
    claim: Claim, passages: Sequence[Passage], text: str, count: int = LOOK_BACK, across: bool = False
):
    """The sentences before the claim's in its paragraph, nearest first (at most `count` of them); `across`:
    the paragraph before too."""
    after, crossed = claim.start, not across
    for passage in reversed([p for p in passages if p.end <= claim.start][-count:]):
        if "\n\n" in text[passage.end : after]:
            if crossed:
                return  # another paragraph
            crossed = True
        yield passage
        after = passage.start


def _dates_before(claim: Claim, passages: Sequence[Passage], published: str | None, text: str):
    """The dates of each sentence before the claim's in its paragraph, nearest first (LOOK_BACK of them),
    and the paragraph before when the claim's sentence opens on a day told before ("On the same day, …")."""
    across = bool(OPENS_ON_A_DAY.match(claim.quote))  # "On the same day, …" opening its paragraph
    for passage in _paragraph_before(claim, passages, text, across=across):
        doc = nlp.parse_one(without_dateline(passage.quote))
        yield [d for e in doc.ents if e.label_ == "DATE" and (d := nlp.resolve_date(e.text, published))]


NOW = re.compile(r"\b(?:now|currently|so far|still|today|has|have|is|are|says?)\b", re.I)
YEAR = re.compile(r"\b(?:1[89]|20)\d\d\b")


def _dated_by_its_history(
    claim: Claim, passages: Sequence[Passage], published: str | None, text: str
) -> Claim:
    """ "A car transporter caught fire in the Kalvenhorn tunnel on 9 March 1998. Eleven people died": a
    past figure of a paragraph that tells of a year or more before the article is of then, unless its
    sentence says it holds now."""
    if claim.date_stated or not published or NOW.search(claim.quote):
        return claim
    before = " ".join(p.quote for p in _paragraph_before(claim, passages, text))
    if not any(year < published[:4] for year in YEAR.findall(before)):
        return claim  # no earlier year in the sentences before: nothing to parse again
    for dates in _dates_before(claim, passages, published, text):
        if dates:
            past = (nlp.days_apart(dates[-1], published) or 0) >= BACKGROUND_DAYS and dates[-1] < published
            return claim.model_copy(update={"date": dates[-1], "date_stated": True}) if past else claim
    return claim
