"""A dispute told in one sentence: "The landlord says 64 people were registered, but the residents'
association says as many as 95". The second figure is told in few words and says nothing of what it
counts; it takes the frame of the figure it is set against (service/claims.py builds the frames).
Or told over two: "Torvane says 620 jobs will be lost. The union says the real number is 1,100": a
count that names nothing ("the real number", "the true toll", "puts the figure at") takes the frame of
the last figure of the sentence before that is neither a whole nor an aside (_aside), a count's first."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence

from .amounts import REVISING
from .citations import NUMBER_WORD, SPELLED, word_value
from .clauses import CONTAINERS, RAISING, REPORTING, VALUING, lemma
from .counted import after_a_bare_container, bare_container
from .events import COUNTING, VALUE_VERBS
from .figures import Figure
from .models import Claim
from .nlp import days_apart, resolve_date
from .presence import is_presence
from .units import MEASUREMENT_UNITS

NOT_THIS = r"not(?=(?:\W+\w+){0,3}\W*$)"  # "not 138", "not the ministry's 212"; no verb's ("have not seen")
CONTRAST = re.compile(
    rf"\b(?:but|while|whereas|although|though|versus|against|compared with|{NOT_THIS})\b|;", re.I
)

# a sum or measurement set against another: not "compared with $1.47 billion a year earlier" (another period)
SET_AGAINST = re.compile(rf"\b(?:but|while|whereas|although|though|{NOT_THIS})\b|;", re.I)

GIVEN_BY_AFTER = re.compile(
    r"(?:\s+[^\W\d]+){0,2}\s+(?:given|cited|claimed|quoted)\s+by\b|,?\s+according\s+to\b"
)


def may_borrow(sentence: str, figure: Figure, compared: bool = True) -> bool:
    """A bare figure that another figure of its sentence may lend its frame to (borrowed_frames). Not
    `compared`: a sum or measurement only when set against the other (SET_AGAINST), or when the sentence
    names its teller right after it ("compared with the 640 million euros given by the company")."""
    contrast = CONTRAST if compared or GIVEN_BY_AFTER.match(sentence, figure.end) else SET_AGAINST
    return bool(contrast.search(sentence, 0, figure.start))


def names_nothing(token) -> bool:
    """The figure values a count that names nothing: "the real number is 1,100", "the true toll is at
    least 240", "the union puts the figure at 65,000", "its count stood at 187", "the auditors put it at
    nearly €1.3 billion", "has stuck to its estimate of 5.5 million cubic metres"."""
    if token.dep_ == "dobj" and lemma(token.head) in COUNTING:  # "the station recorded 45 centimetres"
        return not any(c.dep_ == "prep" and c.lower_ == "of" for c in token.children)
    if after_a_bare_container(token):
        return True
    if token.dep_ == "dobj" and lemma(token.head) in REPORTING and all(map(_of_the_figure, token.children)):
        return True  # "HNR says 9,400.", "the ministry says €58 million": what another figure counts
    if token.dep_ == "pobj" and token.head.lower_ == "of" and lemma(token.head.head) in CONTAINERS:
        return not any(c.dep_ in ("compound", "acl", "relcl") for c in token.head.head.children)
    verb = token.head.head if token.dep_ == "pobj" and token.head.lower_ in ("at", "to") else token.head
    reached = token.dep_ == "dobj" and lemma(verb) in VALUE_VERBS  # "its count had reached 7,400"
    if (token.dep_ not in ("attr", "pobj") and not reached) or verb.pos_ not in ("AUX", "VERB"):
        return False
    deps = ("dobj",) if lemma(verb) in VALUING | RAISING else ("nsubj", "nsubjpass")  # "taking the total to"
    holder = next((c for c in verb.children if c.dep_ in deps), None)
    if holder is not None and holder.lower_ == "it" and lemma(verb) in VALUING | RAISING:  # "raised it to"
        return True
    return holder is not None and bare_container(holder)


def _of_the_figure(token) -> bool:
    """A word of the figure itself: "€", "58" in "€58 million"."""
    return token.like_num or token.is_currency


CHANGE_WORDS = frozenset("up down rise climb increase grow jump fall drop decline decrease shrink".split())


def earlier_value(token) -> bool:
    """ "61 had been released, up from 23 on Wednesday", "rose from 12 to 41", "103 people had died as of
    March 15, compared with 74 on March 8": the value the count had before (or at another time); it counts
    what the sentence's other figure does. So is a figure joined to one: "up from 15 after Wednesday's
    handover and six after the first". Not a sum "compared with $1.47 billion a year earlier": another
    period's sales, maybe."""
    if token.dep_ == "nummod" and token.head.dep_ == "pobj" and token.head.head.lower_ == "from":
        token = token.head  # "up from 120 bags a week earlier"
    if token.dep_ == "conj" and token.head.i != token.i:
        head = token.head
        return earlier_value(head) or (
            head.lower_ in CHANGE_WORDS and any(c.lower_ == "from" for c in head.children)
        )
    if token.dep_ == "pobj" and token.head.lower_ == "with" and lemma(token.head.head) == "compare":
        return token.ent_type_ not in ("MONEY", "PERCENT")
    if token.dep_ == "pobj" and token.head.lower_ == "against" and token.like_num:
        # "240 stolen converters, against 185 on March 11": the count on that day (not a score, "120 to 85")
        dated = any(t.ent_type_ == "DATE" for t in token.doc[token.i + 1 : token.i + 4])
        return dated and token.ent_type_ not in ("MONEY", "PERCENT")
    if token.dep_ != "pobj" or token.head.lower_ != "from":
        return False
    changed = token.head.head
    return revised_from(token) or changed.lower_ in CHANGE_WORDS or lemma(changed) in CHANGE_WORDS


SETTING = frozenset("increase reduce".split())  # "the package will be increased to €15m, from €8m"


def revised_from(token) -> bool:
    """ "raised its estimate of the damage to €65 million, from €40 million", "closed at €44.10, up from
    €41.75 on Monday": the sum before (not "rose to €148.6 million from €121.8 million a year earlier",
    another period's)."""
    from_ = token.head
    revised = token.dep_ == "pobj" and from_.lower_ == "from"
    revised = revised and (lemma(from_.head) in REVISING | SETTING or from_.head.lower_ in ("up", "down"))
    return revised and (token.ent_type_ == "MONEY" or token.pos_ == "NOUN")  # "from 1.2 million crowns"


def borrowed_from_before(claims: list[Claim], before: list[Claim]) -> list[Claim]:
    """Figures that name nothing take the frame of the last figure in the same unit (a count's, a sum's
    in its currency) that the sentence before gives; a bare number, that of a measurement and its unit
    ("The union says 4,800 hectares were damaged. The ministry says 3,100.")."""
    alone = len(claims) == 1
    return [
        claim if claim.noun or claim.event or claim.activity else _borrowed(claim, before, alone)
        for claim in claims
    ]


LOOKS_BACK = re.compile(r"\b(?:days?|weeks?)\s+(?:earlier|before|ago)\b", re.I)  # "a week earlier"


# "That compares with 17 on Friday": with what the sentence before tells first, its main figure
THAT_COMPARES = re.compile(r"^(?:that|this)\s+compares\s+with\b", re.I)


def _borrowed(claim: Claim, before: list[Claim], alone: bool = False) -> Claim:
    order = before if THAT_COMPARES.match(claim.quote) else list(reversed(before))
    framed = [c for c in order if (c.event or c.activity or c.noun) and _unit_fits(claim, c)]
    lender = next((c for c in framed if not _aside(c) and c.unit == claim.unit), None)
    lender = lender or next((c for c in framed if not _aside(c)), framed[0] if framed else None)
    if lender is None or claim.value == lender.value:
        return claim
    if lender.unit != claim.unit:
        claim = claim.model_copy(update={"unit": lender.unit})
    # "… 161,900 parcels, the network said. The tally had stood at 118,200 a week earlier": its count then
    earlier = claim.date != lender.date or LOOKS_BACK.search(claim.quote)
    then = {"source": lender.source, "attribution": lender.source} if earlier and not claim.source else {}
    # "Campaigners say 14,200 tickets were issued last year. The firm insists the true number was 11,480":
    # another teller's figure for the same count, then (its sentence's only figure)
    disputed = alone and claim.source and lender.source and claim.source != lender.source
    disputed = disputed and not claim.date_stated
    then |= {"date": lender.date} if disputed else {}
    return _framed_as(claim, lender, whose=claim.whose or lender.whose, **then)


def _aside(claim: Claim) -> bool:
    """ "412 licences, a tenth of the 3,900 drivers licensed", "3,000 people at the centre, which has 1,300
    places": a whole a part is told of, or a figure that describes something; the next sentence's "the true
    number is 587" disputes the main figure."""
    value = rf"(?<![\d.,]){re.escape(claim.value)}\b"
    whole = rf"\b(?:out\s+of|(?:of|among)\s+(?:the|its|their|all))\s+{value}"
    return re.search(rf"{whole}|,\s+(?:which|where|whose)\s+[^,;]*?{value}", claim.quote, re.I) is not None


def _unit_fits(claim: Claim, lender: Claim) -> bool:
    return lender.unit == claim.unit or (claim.unit is None and lender.unit in MEASUREMENT_UNITS)


def borrowed_frames(sentence: str, claims: list[Claim], at: list[int], earlier: list[bool]) -> list[Claim]:
    """The two sides of a dispute told in one sentence, the second in few words: "The landlord says 64
    people were registered, but the residents' association says as many as 95"; "about 9,000 litres
    escaped, while the agency puts the figure at 40,000 litres". A figure that says nothing of what
    happened (no event or activity; no noun, "people", or the other's noun) takes what the other figure
    counts, where, and when (unless its own clause dates it), when its own source differs and both sources
    are named or a contrast ("but", "while", "not", a semicolon) stands between them. An `earlier` value
    ("up from 23 on Wednesday") takes the frame of the nearest figure that is not one."""
    done = list(claims)
    for i, claim in enumerate(claims):
        lender = _before_change(claims, at, earlier, i) if earlier[i] else _lender(sentence, claims, at, i)
        if lender is None and (noun_of := _noun_lender(sentence, claims, at, i)) is not None:
            done[i] = claim.model_copy(update={"noun": noun_of.noun, "generic": noun_of.generic})
        own_day = _own_day(sentence, at[i], claim) if lender is not None else None  # "…, two on 9 February"
        if lender is not None:
            # "24,000 joined last Wednesday's march, while the union put it at 65,000": then too
            date = own_day or (claim.date if claim.date_stated else lender.date)
            stated = claim.date_stated or bool(own_day) or lender.date_stated
            done[i] = _framed_as(claim, lender, date=date, date_stated=stated)
        if lender is not None and lender.source == claim.source and _rejected(sentence, at[i]):
            done[i] = done[i].model_copy(update={"source": None, "attribution": None})  # not its teller's
    unframed = [
        not (c.noun or c.event or c.activity) and follows_on(sentence, at[i]) for i, c in enumerate(done)
    ]
    told = zip(done, earlier, unframed, strict=True)
    return [_before(claim, done) if was else claim for claim, was, lost in told if not lost]


def _own_day(sentence: str, start: int, claim: Claim) -> str | None:
    """The day a list's figure is told with ("…, two on 9 February"), when it is one of a list."""
    listed = dated_in_a_list(sentence, start) and (told := DAY_OF_ITS_OWN.match(sentence, start))
    return resolve_date(told["day"], claim.published) if listed else None


def _before(claim: Claim, told: list[Claim]) -> Claim:
    """An earlier value dated only as its sentence's new figure is ("raised on Monday from €4.5m to €7.2m"):
    the value before that day, not on it."""
    dated_alike = any(other.date == claim.date and other is not claim for other in told)
    return claim.model_copy(update={"before": True}) if dated_alike else claim


REJECTED = re.compile(r"\bnot\s+(?:the\s+)?\W?$", re.I)


def _rejected(sentence: str, start: int) -> bool:
    """ "The bondholders say you missed €58 million, not €41.5 million": the figure its sentence's teller
    rejects, the other side's."""
    return bool(REJECTED.search(sentence[max(0, start - 12) : start]))


def _framed_as(claim: Claim, lender: Claim, **also) -> Claim:
    """The claim with what the lender counts, and the lender's place where it names none."""
    frame = {key: getattr(lender, key) for key in ("noun", "event", "activity", "generic", "counted")}
    places = {"places": claim.places or lender.places, "place": claim.place or lender.place}
    return claim.model_copy(update={**frame, **places, **also})


def _before_change(claims: list[Claim], at: list[int], earlier: list[bool], i: int) -> Claim | None:
    """The count an earlier value changed to; one that names its noun names the lender's ("260 bags, up
    from 120 bags")."""
    lender = _changed_to(claims, at, earlier, i) if not (claims[i].event or claims[i].activity) else None
    return lender if lender is not None and claims[i].noun in (None, lender.noun) else None


def _changed_to(claims: list[Claim], at: list[int], earlier: list[bool], i: int) -> Claim | None:
    """The nearest figure before it that is no earlier value, else the first after it that names something."""
    now = [j for j in range(len(claims)) if not earlier[j]]
    # the count it changed to comes first ("61 …, up from 23 on Wednesday, after a further 38 …"), and
    # when that one names nothing, neither does it ("The count reached 118,200, against 79,450 …, with
    # 27,900 of the parcels given out in Maranbay")
    if before := [j for j in now if at[j] < at[i]]:
        lender = claims[max(before, key=lambda j: at[j])]
        return lender if lender.event or lender.noun else None
    after = [j for j in now if claims[j].event or claims[j].noun]
    return claims[min(after, key=lambda j: at[j])] if after else None


def _noun_lender(sentence: str, claims: list[Claim], at: list[int], i: int) -> Claim | None:
    """ "1,140 shelters destroyed and another 520 damaged": the figure before, joined by "and", names what
    this one counts (its own event stays its own)."""
    claim = claims[i]
    if i == 0 or claim.noun or not claim.event or not claims[i - 1].noun:
        return None
    between = sentence[at[i - 1] : at[i]]
    return claims[i - 1] if len(between) <= 60 and COORDINATED.search(between) else None


COORDINATED = re.compile(r"\s(?:and|while)\s+(?:(?:another|a\s+further|some|about|nearly)\s+)?$", re.I)


def _lender(sentence: str, claims: list[Claim], at: list[int], i: int) -> Claim | None:
    claim = claims[i]
    if (grown := _grown_to(sentence, claims, at, i) or _listed_by_date(sentence, claims, at, i)) is not None:
        return grown
    if (claim.event and not _only_counted(claim)) or claim.activity:
        return None
    if (parallel := _in_parallel(sentence, claims, at, i) or _moved_on(sentence, claims, at, i)) is not None:
        return parallel
    for j in sorted(range(len(claims)), key=lambda j: abs(at[j] - at[i])):
        other = claims[j]
        named = other.noun and not claim.noun and other.unit == claim.unit  # "9 million cubic metres of ice"
        if j == i or not (other.event or other.activity or named) or other.value == claim.value:
            continue
        if claim.noun and not claim.generic and claim.noun != other.noun:
            continue
        if claim.source == other.source and not _rejected(sentence, at[i]):
            continue
        between = sentence[min(at[i], at[j]) : max(at[i], at[j])]
        if (claim.source and other.source) or CONTRAST.search(between):
            return other
    return None


# "… 1,150 people took part and 17 were arrested; the organisers say 3,000 and 31": figure for figure
FIRST_OF_PAIR = re.compile(r"[\d.,]+\s+and\s+[\d.,]+\b(?!\s*(?:per|%))")
SECOND_OF_PAIR = re.compile(r"\b[\d.,]+\s+and\s+$")


def _in_parallel(sentence: str, claims: list[Claim], at: list[int], i: int) -> Claim | None:
    """Two bare figures, "A and B", that answer two figures before them, in their order."""
    if claims[i].noun:
        return None
    second = bool(SECOND_OF_PAIR.search(sentence, 0, at[i]))
    if not (second or FIRST_OF_PAIR.match(sentence, at[i])):
        return None
    framed = _framed_before(claims, at, i)
    if len(framed) < 2 or claims[framed[-1]].source == claims[i].source:
        return None
    return claims[framed[-1] if second else framed[-2]]


# "extended to nine", "rose to 12", "15 had done so": the same count, moved on
DID_SO = re.compile(r"[\w.,]+\s+(?:more\s+)?(?:had|have|has|did)\s+(?:done\s+)?so\b", re.I)
MOVED_TO = re.compile(
    r"\b(?:extended|increased|rose|risen|grew|grown|climbed|jumped|fell|fallen|dropped|revised|raised|cut"
    r"|lowered|reduced|expanded|widened)\s+to\s+(?:about\s+|around\s+|some\s+)?$",
    re.IGNORECASE,
)


def _moved_on(sentence: str, claims: list[Claim], at: list[int], i: int) -> Claim | None:
    """ "Advice was issued at four beaches on Saturday and extended to nine on Sunday", "Seven hospitals had
    activated their plans on Monday, and 15 had done so by Wednesday": a bare figure a count moved on to
    counts what the figure before it does, in the same voice."""
    claim = claims[i]
    moved = MOVED_TO.search(sentence, 0, at[i]) or DID_SO.match(sentence, at[i])
    if claim.noun or claim.event or not moved:
        return None
    framed = _framed_before(claims, at, i)
    return claims[framed[-1]] if framed and claims[framed[-1]].source == claim.source else None


GREW_FROM = re.compile(
    r"\b(?:increased|rose|risen|grew|grown|climbed|jumped|fell|fallen|dropped|declined|shrank|went)\s+from\s+"
    r"(?:about\s+|around\s+|some\s+)?$",
    re.IGNORECASE,
)
BARE_TO = re.compile(  # "to 1,180 by the end of March": no noun after the figure
    r"(?<=\bto\s)[\d.,]+(?:\s*(?:million|billion|m|bn))?(?=\s*[,.;:)]|\s*$|\s+(?:by|in|on|at|last|this|over"
    r"|during|after|before|when|and|as)\b)",
    re.IGNORECASE,
)


# "Six remained in hospital on 4 February, four on 6 February and two on 9 February": each later figure of
# the list is the first's count on its own day
LISTED_AFTER = re.compile(r"(?:,|\band)\s+$")
DAY_OF_ITS_OWN = re.compile(
    r"[\w.,-]+\s+(?:on|by)\s+(?P<day>(?:the\s+)?(?:\d{1,2}(?:st|nd|rd|th)?\s+[A-Z][a-z]+|[A-Z][a-z]+\s+\d{1,2}\b"
    r"|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b))"
)


def dated_in_a_list(sentence: str, start: int) -> bool:
    """The bare figure at `start` is a list's next one, told with a day of its own (see LISTED_AFTER)."""
    return bool(LISTED_AFTER.search(sentence, 0, start)) and DAY_OF_ITS_OWN.match(sentence, start) is not None


def follows_on(sentence: str, start: int) -> bool:
    """A bare figure that goes on from the one before ("…, four on 6 February", "and 15 had done so")."""
    return dated_in_a_list(sentence, start) or DID_SO.match(sentence, start) is not None


def _listed_by_date(sentence: str, claims: list[Claim], at: list[int], i: int) -> Claim | None:
    """The figure before of a list of days counts where a group is or that it is missing (a snapshot on
    each day; not "12 died on Monday, 19 on Tuesday", which may be each day's own deaths)."""
    claim = claims[i]
    if claim.noun or claim.event or not dated_in_a_list(sentence, at[i]):
        return None
    framed = _framed_before(claims, at, i)
    before = claims[framed[-1]] if framed else None
    if before is None or before.source != claim.source or not before.date_stated:
        return None
    return before if before.event and (is_presence(before.event) or before.event == "missing") else None


def _grown_to(sentence: str, claims: list[Claim], at: list[int], i: int) -> Claim | None:
    """ "The register grew from 610 properties when registration became compulsory in April 2025 to 1,180
    by the end of March": the bare figure a count grew to counts what the one it grew from does, however
    the parser hangs it (here on "became")."""
    if i == 0 or not BARE_TO.match(sentence, at[i]) or not GREW_FROM.search(sentence, 0, at[i - 1]):
        return None
    grown_from = claims[i - 1]
    framed = grown_from.noun or grown_from.event
    return grown_from if framed and grown_from.source == claims[i].source else None


def _framed_before(claims: list[Claim], at: list[int], i: int) -> list[int]:
    """The indexes of the figures before the i-th in its sentence that say what they count."""
    return [j for j in range(len(claims)) if at[j] < at[i] and (claims[j].event or claims[j].noun)]


def _only_counted(claim: Claim) -> bool:
    """ "five more than the 12 recorded by the fire service": a verb of counting says what was done to the
    count, not what befell what it counts."""
    return not claim.noun and claim.event in COUNTING


RISING = r"up|ris(?:en|ing)|rose|climbed|increased|grew|grown"
CHANGED_FROM = re.compile(rf"\b(?:{RISING}|down|fell|fallen|dropped)\s+from\b", re.I)


# "1.6 million of our 4.6 million customers", "… at the peak, out of 4.6 million": a part and its whole
PART_OF_WHOLE = re.compile(
    rf"(?:\d|\b(?:{NUMBER_WORD}))\s*(?:million|billion|thousand|m|bn|k)?\s+of\s+(?:its|our|their|the|his|her)\s+(?:\w+\s+)?\d"
    r"|\bout\s+of\s+(?:a\s+total\s+of\s+|its\s+|our\s+|their\s+|the\s+)?(?:some\s+|about\s+)?\d",
    re.IGNORECASE,
)


def unsourced_steps(group: Sequence[Claim]) -> list[list[Claim]]:
    """A count the article tells with its past in one sentence, naming no source and the day of each
    figure ("As of 20 April its planes had covered 530 reefs, up from 180 on 9 April"): one running count."""
    told: dict[tuple[str, int], list[Claim]] = defaultdict(list)
    for claim in group:
        if claim.source is None and STEPPED.search(claim.quote):
            told[(claim.doc_id, claim.start)].append(claim)
    # "29 households, up from 17 on Wednesday": the figure now is the article's day's
    told = {at: line for at, line in told.items() if any(claim.date_stated for claim in line)}
    return [line for line in told.values() if _stepped_from(line) or _dated_steps(line)]


def _dated_steps(line: list[Claim]) -> bool:
    """ "The death toll, which stood at two on 6 May, rose to three on 10 May and to four on 13 May": each
    figure on its own day, within weeks, in a sentence that tells the count rising or falling."""
    days = sorted({claim.date for claim in line if claim.date and len(claim.date) == len("2026-05-06")})
    rising = CHANGED.search(line[0].quote) is not None
    return rising and len(days) == len(line) > 1 and days_apart(days[0], days[-1]) <= MAX_STEP_DAYS


def _stepped_from(line: list[Claim]) -> bool:
    """The line's first figure in its sentence is followed closely by "up from" and the next one ("530
    reefs, up from 180"), not by a clause that steps another count ("serves 300,000 customers, said
    … had fallen to 7,800, down from 62,000")."""
    spots = sorted(filter(None, (_number_in_quote(claim) for claim in line)))
    if len(spots) < 2:
        return False
    between = line[0].quote[spots[0][1] : spots[1][0]]
    return len(between) <= MAX_STEP_GAP and CHANGED_FROM.search(between) is not None


MAX_STEP_GAP = 100  # "3,900 households are now being asked to keep windows and doors closed, up from 2,400"
MAX_STEP_DAYS = 31
CHANGED = re.compile(r"\b(?:rose|risen|rising|climbed|increased|grew|fell|fallen|dropped|jumped)\b", re.I)
STEPPED = re.compile(f"{CHANGED_FROM.pattern}|{CHANGED.pattern}", re.I)
NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?")
WRITTEN = re.compile(rf"{NUMBER.pattern}|{SPELLED.pattern}", re.I)


def _number_in_quote(claim: Claim) -> tuple[int, int] | None:
    """Where the claim's number is written in its sentence ("€44.10" for "€44.1", "six" for "6")."""
    if (wanted := NUMBER.search(claim.value)) is None:
        return None
    spots = (m for m in WRITTEN.finditer(claim.quote) if _number(m.group()) == _number(wanted.group()))
    return next(((m.start(), m.end()) for m in spots), None)


def _number(text: str) -> float:
    return float(text.replace(",", "")) if text[0].isdigit() else word_value(text)
