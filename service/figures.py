"""Figures in a sentence, their qualifiers and the interval each allows. Deterministic: `re` only.

A figure is a number (or range) that could count something: "10,000", "12 million", "4,000–6,000",
"between 1,100 and 1,300", and numbers news spells out ("nine", "Forty", "seventy-six"; not "one",
see citations.SPELLED). Values are normalised: words to digits, thousands separated by commas, ranges
joined by an en dash, "million"/"billion" kept as a word. Not figures: dates ("June 18", "2025-11-17"),
ordinals ("3rd"), percentages, times of day ("13:40", "7:42 a.m.", "8 p.m."), numbers inside names, URLs
and handles ("Hwasong-20", "News18.com"), fractions ("2/3").
Years (a bare 1800–2100) and durations ("30 years") are found here and left out by the claims layer.
Qualifiers (kept lower-cased; they set the interval [low, high] a figure allows)
    exact X                                                          [X, X]
    about / around / approximately / roughly / some                  [0.95X, 1.05X]
    nearly / almost / close to                                       [0.9X, X]
    over / more than / at least / upwards of / in excess of / no fewer than   [X, 1.25X]
    as high as / up to / at most / as many as / less or fewer than / under / no more than   [0.75X, X]
    A–B (also "A to B", "between A and B")                           [A, B], each end widened as above
    estimated / reportedly                                           [X, X]: a source's estimate is its figure
    The bounds are soft on purpose. "over 10,000" and "11,000" can both hold, but "at least 1,000" does not
    cover "4,000–6,000": in news a far larger figure elsewhere is a conflict worth showing, though
    logically compatible with "at least"."""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, replace

from .citations import NUMBER_WORD, in_a_name, word_value
from .units import CAPACITY_AFTER, CAPACITY_BEFORE, MEASURE_UNITS, MEASUREMENT_UNITS, UNITS

# qualifier → (factor for the low end, factor for the high end) of the interval it allows
QUALIFIER_FACTORS: dict[str, tuple[float, float]] = {
    **dict.fromkeys([*"about around approximately roughly some".split(), "in the region of"], (0.95, 1.05)),
    **dict.fromkeys(("nearly", "almost", "close to"), (0.9, 1.0)),
    **dict.fromkeys(("over", "more than", "at least", "upwards of", "in excess of", "north of"), (1.0, 1.25)),
    **dict.fromkeys(("no fewer than", "no less than"), (1.0, 1.25)),
    **dict.fromkeys(("as high as", "up to", "at most", "as many as", "less than", "fewer than"), (0.75, 1.0)),
    **dict.fromkeys(("under", "no more than", "not more than", "a maximum of"), (0.75, 1.0)),
    **dict.fromkeys(("estimated", "reportedly"), (1.0, 1.0)),
}
INCREMENT_MARKERS = ("another", "a further", "an additional")
CURRENCIES = {"$": "US dollars", "€": "euros", "£": "pounds"}
SYMBOL_OF = {"dollar": "$", "euro": "€", "pound": "£"}  # "12 million dollars" is "$12 million"
SYMBOL_OF_CODE = {"EUR": "€", "USD": "$", "GBP": "£"}  # "EUR 1.2bn", as wire copy and tables write it
CODE_BEFORE = re.compile(rf"\b({'|'.join(SYMBOL_OF_CODE)}) ?$")
# what leads a line and is no part of its sentence: a transcript's "Q: ", a numbers box's dash ("11 — homes")
LEADER_BEFORE = re.compile(r"^\s*Q:\s|^(?P<figure>[$€£]?\d[\d,.]*(?:m|bn|%)?)\s+[—–]\s+(?=[a-z])")
CODE_FIGURE = re.compile(rf"\b({'|'.join(SYMBOL_OF_CODE)}) (?=\d)")

MONTHS = (
    "January|February|March|April|May|June|July|August|September|October|November|December"
    "|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec"
)
MONTH_NAMES = f"{MONTHS}|{MONTHS.upper()}"  # and a heading's "2 MARCH"
NUM = rf"\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|\d+(?:\.\d+)?|(?:{NUMBER_WORD})(?!-\w)"  # not "two-thirds"
SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
SCALE = "|".join(SCALES)
WORD_SCALES = ("million", "billion", "trillion")  # kept as a word in a figure's value: "12 million"
# "€1.3bn", "£4.5m", "1.2m people" (not "a 10m wall": _in_metres)
SHORT_SCALES = {**dict(zip(("m", "bn", "tn"), WORD_SCALES, strict=True)), "k": "thousand"}
# not "10m-high"; "12K responses" (not "at 35k", "a 10k run": kilometres)
SHORT = r"(?:(?:bn|tn|m)(?!\w|-[^\W\d])|k(?=\s+[^\W\d]+s\b))"
GLUED_UNIT = r"(?:km/h|km|mm|cm|ft|mph|kph|[kmgt]wh|[kmg]w|(?-i:[CF]))(?![\w/])"  # "12km", "207MW", "32C"
FIGURE = re.compile(
    rf"(?P<between>\bbetween\s+[$€£]?)?(?<![\w.,@#/\-–+])(?P<a>{NUM})(?:\s+(?P<scale_a>{SCALE})|(?P<short_a>{SHORT}))?"
    rf"(?:(?(between)\s+and\s+|(?:\s*[–-]\s*|\s+to\s+))[$€£]?(?P<b>{NUM}))?"  # "$2bn-$3bn"
    rf"(?:\s+(?P<scale_b>{SCALE})|(?P<short_b>{SHORT}))?"
    rf"(?!(?!{GLUED_UNIT})[\w@/%]|[.,]\d)",
    re.IGNORECASE,
)
# what follows a length in metres ("a 10m wall", "20m high", "15m from the shore")
METRES_AFTER = re.compile(
    r"\s*(?:high|deep|long|wide|tall|thick|away|above|below|from|of|into|across)\b", re.I
)
NOT_FIGURES = re.compile(
    r"https?://\S+|www\.\S+|@\w+|\b\d{4}-\d{2}-\d{2}(?:T[\d:.]+Z?)?(?!\d)"
    r"|\b\d{1,2}:\d{2}\b|\b\d{1,2}(?:\.\d{2})?\s*[ap]\.m\.|\b\d{1,2}\s*[ap]m\b"  # times of day
    rf"|\b(?:{MONTH_NAMES})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?\b(?:,?\s*\d{{4}})?"
    rf"|\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:{MONTH_NAMES})\b"
    r"|\b\d+-(?:time|fold)\b"  # "the 39-time champion", "a 10-fold rise"
)
QUALIFIERS = "|".join(sorted(QUALIFIER_FACTORS, key=len, reverse=True))
NO_ONE_BEFORE = re.compile(r"\b(?:no one|no-one|nobody|none)\s+(?:[a-z]+\s+){1,3}$", re.I)
QUALIFIER_BEFORE = re.compile(rf"\b(?P<q>{QUALIFIERS})\s+(?:an?\s+)?(?:US\$|[$€£¥])?$", re.I)  # "over €2m"
INCREMENT_BEFORE = re.compile(
    rf"\b(?:{'|'.join(INCREMENT_MARKERS)})\s+(?:(?:{'|'.join(QUALIFIER_FACTORS)})\s+)?$", re.IGNORECASE
)
ADDED_AFTER = re.compile(r"\s+(?:more|additional|further)\b(?!\s+than)", re.IGNORECASE)  # "four more miners"
# "…, bringing the confirmed death toll to 19": the new total follows, so the figure before it was added
NEW_TOTAL_AFTER = re.compile(
    rf"[^.;\d]{{0,80}}?\b(?:bringing|taking|raising|pushing|lifting)\b[^.;]{{0,60}}?\bto\s+"
    rf"(?:(?:{'|'.join(QUALIFIER_FACTORS)})\s+)?(?:\d|(?:{NUMBER_WORD})\b)",
    re.IGNORECASE,
)
UNIT_AFTER = re.compile(rf"\s*(?:-\s*)?(?:{'|'.join(UNITS)})\b|\s*%", re.IGNORECASE)


@dataclass(frozen=True)
class Figure:
    """A number (or range) found in a sentence; start/end are offsets inside the sentence."""

    start: int
    end: int
    low: float
    high: float
    value: str
    year_like: bool
    spelled: bool = False  # written in words ("nine", "Forty")
    unit: str | None = None  # "percent" for a share, "kilometres" for a length…: the span includes the unit


def _to_float(text: str) -> float:
    return float(word_value(text)) if text[:1].isalpha() else float(text.replace(",", ""))


def format_number(number: float) -> str:
    return f"{int(number):,}" if number == int(number) else f"{number:,}"


def _scale(match: re.Match[str], side: str) -> str:
    word = match.group(f"scale_{side}") or SHORT_SCALES.get((match.group(f"short_{side}") or "").lower(), "")
    return word.lower()


def _figure(match: re.Match[str]) -> Figure:
    a, b = match.group("a"), match.group("b")
    scale_a = _scale(match, "a") or _scale(match, "b")
    scale_b = _scale(match, "b") or scale_a
    low = _to_float(a) * SCALES.get(scale_a, 1)
    high = _to_float(b) * SCALES.get(scale_b, 1) if b else low
    if scale_b in WORD_SCALES:  # "12 million" stays a word; "5 thousand" becomes "5,000"
        shown = [format_number(n / SCALES[scale_b]) for n in (low, high)]
        value = ("–".join(shown) if b else shown[0]) + f" {scale_b}"
    else:
        value = "–".join(format_number(n) for n in (low, high)) if b else format_number(low)
    year_like = not scale_b and all(re.fullmatch(r"1[89]\d\d|20\d\d|2100", n) for n in filter(None, (a, b)))
    return Figure(match.start("a"), match.end(), low, high, value, year_like, a[:1].isalpha())


# "rose from 12 to 41", "climbed by 30 to 230", "up 20 to 140": a change and the count it came to, no range
CHANGE_VERBS = (
    r"ris(?:e|es|en|ing)|rose|climb\w*|jump\w*|increas\w*|gr[eo]w\w*|fall\w*|fell|drop\w*|declin\w*"
    r"|decreas\w*|revis\w*|rais\w*|lift\w*|cut|reduc\w*|lower\w*|swell\w*|swollen|soar\w*|surg\w*|doubl\w*"
    r"|tripl\w*|halv\w*|went|gone|go(?:es)?|mov\w*|shr[iau]nk\w*|expand\w*|narrow\w*|widen\w*"
)
CHANGE_BEFORE = re.compile(
    rf"(?:\b(?:{CHANGE_VERBS})\b[^.;:\d]{{0,30}}?\b(?:from|by)|\b(?:up|down))"
    r"\s+(?:(?:about|around|some|nearly|almost|roughly)\s+)?[$€£]?$",
    re.I,
)


def _changes_apart(sentence: str) -> str:
    """The "to" of every change ("rose from 12 to 41") blanked: two figures, not a range (offsets kept)."""
    for match in FIGURE.finditer(sentence):
        joint = re.search(r"\s+to\s+", match.group(0)[match.end("a") - match.start() :])
        if (
            match.group("b")
            and joint
            and CHANGE_BEFORE.search(sentence[max(0, match.start() - 60) : match.start("a")])
        ):
            start = match.end("a") + joint.start()
            sentence = (
                sentence[:start]
                + ";" * (joint.end() - joint.start())
                + sentence[start + joint.end() - joint.start() :]
            )
    return sentence


FRACTIONS = {"quarter": 0.25, "half": 0.5, "third": 1 / 3}
# "a quarter of a million", "half a million", "three quarters of a billion"
FRACTION_OF_SCALE = re.compile(
    r"\b(?:(?:a|one)\s+)?(?:(?P<three>three)\s+)?(?P<part>quarter|half|third)s?\s+(?:of\s+)?(?:a|one)\s+"
    r"(?P<scale>million|billion)\b",
    re.I,
)


def _fraction_of_scale(match: re.Match[str]) -> tuple[float, str]:
    """(0.75, "billion") for "three quarters of a billion" (a FRACTION_OF_SCALE match)."""
    return FRACTIONS[match["part"].lower()] * (3 if match["three"] else 1), match["scale"].lower()


def _fractions_of_scales(sentence: str) -> list[Figure]:
    found = []
    for match in FRACTION_OF_SCALE.finditer(sentence):
        part, scale = _fraction_of_scale(match)
        value = part * SCALES[scale]
        shown = (
            format_number(round(value)) if scale == "million" else f"{format_number(round(part, 3))} {scale}"
        )
        found.append(Figure(match.start(), match.end(), value, value, shown, False, spelled=True))
    return found


def figures_in(sentence: str) -> list[Figure]:
    """Every figure in the sentence, dates, URLs and handles left out; "a quarter of a million" too."""
    fractions = _fractions_of_scales(sentence)
    masked = [m.span() for m in NOT_FIGURES.finditer(sentence)] + [(f.start, f.end) for f in fractions]
    kept = [
        match
        for match in FIGURE.finditer(_changes_apart(sentence))
        if not any(s < match.end() and match.start() < e for s, e in masked)
        and not in_a_name(sentence, match.start("a"), match.end("a"))
        and not _in_metres(sentence, match)
    ]
    found = [f for match in kept for f in _apart_if_falling(match) if not _a_score(match, f)]
    return sorted(_thousands_joined(found, sentence) + fractions, key=lambda f: f.start)


def _apart_if_falling(match: re.Match[str]) -> list[Figure]:
    """ "paid €410,000 to 8,950 retailers": two figures (not "12 to 15", nor "fell from 7,374 to 6,762")."""
    figure = _figure(match)
    apart = figure.high < figure.low or (bool(_scale(match, "a")) and not _scale(match, "b"))
    after_from = match.string[max(0, match.start() - 5) : match.start()].lower().endswith("from ")
    if " to " not in match.group(0).lower() or match.group("between") or not apart or after_from:
        return [figure]
    first_end = next(match.end(g) for g in ("scale_a", "short_a", "a") if match.group(g))
    parts = FIGURE.match(match.string, match.start(), first_end), FIGURE.match(match.string, match.start("b"))
    return [_figure(m) for m in parts if m is not None]


def _thousands_joined(found: list[Figure], sentence: str) -> list[Figure]:
    """ "twelve thousand five hundred": one figure, 12,500, where the words give two."""
    joined: list[Figure] = []
    for figure in found:
        last = joined[-1] if joined else None
        thousands = last is not None and last.spelled and last.low == last.high and last.low % 1000 == 0
        if (
            thousands
            and figure.spelled
            and figure.high < 1000
            and JOINT.fullmatch(sentence, last.end, figure.start)
        ):
            total = last.low + figure.low
            joined[-1] = replace(last, end=figure.end, low=total, high=total, value=format_number(total))
        else:
            joined.append(figure)
    return joined


JOINT = re.compile(r"\s+(?:and\s+)?")


def _a_score(match: re.Match[str], figure: Figure) -> bool:
    """ "a 3-1 win", "took a 12-3 lead", "voted 52-48": a hyphen whose second number is not above the first
    joins a score or a tally, not the ends of a range ("4,000-6,000")."""
    if match.group("b") is None or match.group("between") or " to " in match.group(0).lower():
        return False
    return figure.high <= figure.low


SHORT_PERCENT = re.compile(r"(?<![\w.,])(\d+(?:\.\d+)?)pc\b", re.I)
# unlike SHORT, not before a hyphen: the parser reads "$2bn-$3bn" as a range only as written
SHORT_FIGURE = re.compile(r"(?<![\w.,])(\d[\d,]*(?:\.\d+)?)((?:bn|tn|m)(?![\w-])|k(?=\s+[^\W\d]+s\b))", re.I)


def for_parsing(text: str) -> str:
    """ "1.2m people" → "1.2  people", "€1.3bn" → "€1.3  ", "61pc" → "61% ": the tagger reads "m" and "pc"
    as nouns; without them the number parses as the number it is (offsets kept; values: the figures)."""
    text = LEADER_BEFORE.sub(lambda match: (match["figure"] or "").ljust(len(match.group(0))), text)
    text = SHORT_FIGURE.sub(lambda match: match.group(1) + " " * len(match.group(2)), text)
    text = CODE_FIGURE.sub(lambda match: "   " + SYMBOL_OF_CODE[match.group(1)], text)  # "EUR 1" → "   €1"
    text = FRACTION_OF_SCALE.sub(_as_digits, text)
    text = TABLE_BAR.sub(" . ", text) if is_table_row(text) else text  # a table's cells, each alone
    text = RECORD_BEFORE.sub(lambda match: " " * len(match.group(0)), text)
    text = CHANGE_BY.sub(lambda match: match.group(1) + " " * len(match.group(2)), text)
    return SHORT_PERCENT.sub(lambda match: match.group(1) + "% ", text)


def _as_digits(match: re.Match[str]) -> str:
    """ "a quarter of a million" → "250000" and spaces: the parser reads the phrase's own nouns as what is
    counted ("a quarter of … people" is a quarter)."""
    part, scale = _fraction_of_scale(match)
    digits = str(round(part * SCALES[scale]))
    return digits + " " * (len(match.group(0)) - len(digits))


TABLE_BAR = re.compile(r"\s\|\s")


def is_table_row(sentence: str) -> bool:
    """ "Runners treated | 212 | more than 400": short cells between bars (not a web page's byline or
    menu run into a sentence)."""
    cells = TABLE_BAR.split(sentence.strip())
    return len(cells) > 1 and all(len(cell) <= 60 for cell in cells)


def in_a_table_cell(sentence: str, figure: Figure) -> bool:
    """The figure stands nearly alone in a cell of a table row ("more than 400"), not in a sentence that
    a menu runs into ("Home | News | 40 people died …")."""
    if not is_table_row(sentence):
        return False
    bars = [0, *(m.end() for m in TABLE_BAR.finditer(sentence)), len(sentence) + 3]
    cell = next(sentence[a : b - 3] for a, b in itertools.pairwise(bars) if a <= figure.start < b)
    return len(cell.split()) <= 4


# "climbed by 30 to 230", "up 20 to 140": the parser makes "30 to 230" one quantity under "by"; blanked,
# the count is what climbed (the change itself is no size: claims._is_change)
CHANGE_BY = re.compile(
    rf"(\b(?:{CHANGE_VERBS})\b[^.;:\d]{{0,30}}?)(\b(?:by|up|down)\s+[$€£]?(?:{NUM})(?:\s+(?:{SCALE})|{SHORT})?)"
    rf"(?=\s+to\s+[$€£]?\d)",
    re.I,
)


# "rose to a record 1,419,700", "hit an all-time high of 6,840", "cost in the region of €9m": the parser
# makes "record" or "region" the counted noun (or a verb); blanked, the figure is what rose or cost
RECORD_BEFORE = re.compile(
    r"\b(?:(?:(?:a|an)\s+)?(?:new\s+)?(?:record|all-time)(?:\s+(?:high|low|peak))?(?:\s+of)?"
    r"|in\s+the\s+region\s+of)\s+(?=[$€£]?\d)",
    re.IGNORECASE,
)


def _in_metres(sentence: str, match: re.Match[str]) -> bool:
    """ "a 10m wall", "waves 5m high": "m" is metres unless money ("£4.5m") or a count follows ("1.2m
    people")."""
    short = match.group("short_b") or match.group("short_a")
    if (
        short is None
        or short.lower() != "m"
        or sentence[match.start("a") - 1 : match.start("a")] in CURRENCIES
    ):
        return False
    before = sentence[max(0, match.start("a") - 3) : match.start("a")].lower()
    return before.endswith(("a ", "an ")) or bool(METRES_AFTER.match(sentence, match.end()))


PERCENT_AFTER = re.compile(r"\s*%|\s+per\s?cent\b|\s+percent\b|pc\b", re.IGNORECASE)  # "61pc": British
PERCENTAGE = re.compile(
    r"(?<![\w.,@#/\-–])(?P<a>\d+(?:\.\d+)?)(?:\s*[–-]\s*(?P<b>\d+(?:\.\d+)?))?(?=\s*%|pc\b)", re.I
)


def with_percentages(sentence: str) -> list[Figure]:
    """Every figure in the sentence, percentages marked as such ("61.4 percent", "12%", "40-45%"), in order.
    A percentage's value keeps its sign ("61.4%") and its span runs to the end of the unit."""
    found = []
    for match in PERCENTAGE.finditer(sentence):
        low = float(match.group("a"))
        high = float(match.group("b") or low)
        value = "–".join(format_number(n) for n in dict.fromkeys((low, high))) + "%"
        end = PERCENT_AFTER.match(sentence, match.end()).end()
        found.append(Figure(match.start(), end, low, high, value, False, unit="percent"))
    for figure in figures_in(sentence):
        if any(f.start <= figure.start < f.end for f in found):
            continue
        unit = PERCENT_AFTER.match(sentence, figure.end)
        spelled = figure.spelled and not (unit and "cent" in unit.group(0).lower())  # not "seventy per cent"
        if unit and not spelled and not figure.value.endswith(WORD_SCALES):
            share = {"end": unit.end(), "value": f"{figure.value}%", "unit": "percent", "year_like": False}
            figure = replace(figure, **share)
        found.append(figure)
    return sorted(found, key=lambda f: f.start)


def is_currency(unit: str | None) -> bool:
    """A claim's unit names money: neither a count's (None), a share's nor a measurement's."""
    return unit is not None and unit != "percent" and unit not in MEASUREMENT_UNITS


MEASURE_AFTER = [re.compile(rf"(?:\s+[—–]\s+|\s*-?\s*)(?:{p})(?![\w/])", re.I) for p, _ in MEASURE_UNITS]
# "a magnitude 7.3 quake", "a magnitude of 7.1", "put the magnitude at 6.8"
MAGNITUDE_BEFORE = re.compile(r"\bmagnitude\b[^.;\d]{0,25}$", re.I)
MAGNITUDE_AFTER = re.compile(r"\s*-?\s*magnitude\b", re.I)  # "a 7.8-magnitude quake"


def with_units(sentence: str) -> list[Figure]:
    """Every figure in the sentence, in order, shares and measurements marked with their unit: a percentage
    ("61.4%", see with_percentages), a length, area, speed or temperature ("94 kilometres per hour" → unit
    "kilometres per hour"), a magnitude ("magnitude 7.3"). A measurement's span runs to the end of its
    unit. Durations are no measurement here (see is_measure)."""
    return [_as_measure(sentence, f) if f.unit is None else f for f in with_percentages(sentence)]


def _as_measure(sentence: str, figure: Figure) -> Figure:
    for pattern, (_, unit) in zip(MEASURE_AFTER, MEASURE_UNITS, strict=True):
        if match := pattern.match(sentence, figure.end):
            return replace(
                figure, end=match.end(), value=f"{figure.value} {unit}", unit=unit, year_like=False
            )
    after = MAGNITUDE_AFTER.match(sentence, figure.end)
    if after or MAGNITUDE_BEFORE.search(sentence[max(0, figure.start - 20) : figure.start]):
        end = after.end() if after else figure.end
        return replace(figure, end=end, value=f"magnitude {figure.value}", unit="magnitude", year_like=False)
    return figure


def is_measure(sentence: str, figure: Figure) -> bool:
    """A duration, length or percentage ("30 years", "12 km", "40 per cent"), a magnitude ("magnitude
    6.8"), a capacity, or any figure with decimals and no scale word ("6.4"): a measurement, no count."""
    if UNIT_AFTER.match(sentence, figure.end) or re.search(r"magnitude\s*$", sentence[: figure.start], re.I):
        return True
    if CAPACITY_BEFORE.search(sentence[max(0, figure.start - 40) : figure.start]):
        return True  # what a thing can hold, not what happened
    if CAPACITY_AFTER.match(sentence, figure.end):
        return True  # "the 41,000-capacity arena"
    decimal = "." in figure.value and not figure.value.endswith(WORD_SCALES)
    return decimal and not WEIGHED_AFTER.match(sentence, figure.end)  # "2.1 tonnes" is counted as 3 tonnes is


WEIGHED_AFTER = re.compile(
    r"\s*(?:tonnes?|tons?|metric\s+tons|kg|kilo(?:gram)?s?|lbs?|litres?|liters?|barrels?)\b", re.I
)


PLUS_AFTER = re.compile(r"-?plus\b|\+", re.I)  # "12,000-plus replies", "12,000+"


def qualifier_of(sentence: str, figure: Figure) -> str | None:
    match = QUALIFIER_BEFORE.search(sentence, max(0, figure.start - 40), figure.start)
    if match is None:
        return "at least" if PLUS_AFTER.match(sentence, figure.end) else None
    said = match.group("q").lower()  # "no one waited more than 52 minutes": no more than
    return f"no {said}" if said == "more than" and NO_ONE_BEFORE.search(sentence, 0, match.start()) else said


def is_increment(sentence: str, figure: Figure) -> bool:
    """ "another / a further / an additional N": an addition to a figure, not a size."""
    return bool(INCREMENT_BEFORE.search(sentence, max(0, figure.start - 40), figure.start))


def is_addition(sentence: str, figure: Figure) -> bool:
    """ "four more bodies", "three further deaths", "13 bodies were recovered, bringing the toll to 19": what
    a running count grew by, never a size of its own (unlike "another 400 remain missing")."""
    return bool(ADDED_AFTER.match(sentence, figure.end) or NEW_TOTAL_AFTER.match(sentence, figure.end))


def currency_of(sentence: str, figure: Figure) -> str | None:
    return CURRENCIES.get(currency_symbol(sentence, figure) or "")


def currency_symbol(sentence: str, figure: Figure) -> str | None:
    """The currency written before a figure, as its symbol: "€" for "€1.2bn" and for "EUR 1.2bn"."""
    code = CODE_BEFORE.search(sentence, 0, figure.start)
    symbol = SYMBOL_OF_CODE[code.group(1)] if code else sentence[max(0, figure.start - 1) : figure.start]
    return symbol if symbol in CURRENCIES else None


def interval(low: float, high: float, qualifier: str | None) -> tuple[float, float]:
    """The interval a figure allows given its qualifier (see the module docstring)."""
    low_factor, high_factor = QUALIFIER_FACTORS.get(qualifier or "", (1.0, 1.0))
    return round(low * low_factor, 6), round(high * high_factor, 6)
