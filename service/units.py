"""Units of measure as news writes them after a figure: what makes a figure a span of time, a length or
a share rather than an amount (UNITS), what a measurement is compared in (MEASURE_UNITS), and the words
that make a figure what a thing can hold (CAPACITY_BEFORE, CAPACITY_AFTER)."""

from __future__ import annotations

import re

UNITS = (  # what follows a figure that is a span of time, a length or a share, not an amount
    r"seconds? minutes? hours? days? weeks? months? years? decades? century centuries percent per\s+cent "
    r"km kilomet(?:re|er)s? miles? met(?:re|er)s? mm millimet(?:re|er)s? cm centimet(?:re|er)s? feet foot "
    r"inch(?:es)? degrees degree(?!\s+[a-z]+s\b) magnitude mph kph knots? mins? hrs? secs? yards? yds? "
    r"decibels? ppm ppb"
).split()


# a unit of measure as written after a figure → the unit a measurement is compared in (longest first)
MEASURE_UNITS = (
    (r"km/h|kph|kilomet(?:re|er)s?\s+(?:per|an|a)\s+hour", "kilometres per hour"),
    (r"mph|miles?\s+(?:per|an|a)\s+hour", "miles per hour"),
    (r"knots?", "knots"),
    (r"nautical\s+miles?", "nautical miles"),
    (r"square\s+(?:kilomet(?:re|er)s?|km)", "square kilometres"),
    (r"square\s+miles?", "square miles"),
    (r"square\s+met(?:re|er)s?|m²|(?-i:m2)\b", "square metres"),
    (r"square\s+(?:feet|foot)|sq\.?\s?ft", "square feet"),
    (r"cubic\s+met(?:re|er)s?|m3|m³", "cubic metres"),
    (r"cubic\s+(?:feet|foot)", "cubic feet"),
    (r"hectares?", "hectares"),
    (r"acres?", "acres"),
    (r"(?:micrograms?|[µμu]g)\s*(?:per\s+cubic\s+met(?:re|er)|/\s*m(?:3|³))", "micrograms per cubic metre"),
    (r"(?:milligrams?|mg)\s*(?:per\s+lit(?:re|er)|/\s*l)", "milligrams per litre"),
    (r"(?:micrograms?|[µμu]g|mcg)\s*(?:per\s+kilo(?:gram)?|/\s*kg)", "micrograms per kilogram"),  # in food
    (r"(?:milligrams?|mg)\s*(?:per\s+kilo(?:gram)?|/\s*kg)", "milligrams per kilogram"),
    (r"kilomet(?:re|er)s?|km", "kilometres"),
    (r"miles?", "miles"),
    (r"millimet(?:re|er)s?|mm", "millimetres"),
    (r"centimet(?:re|er)s?|cm", "centimetres"),
    (r"met(?:re|er)s?|(?-i: m)", "metres"),  # "at 145 m", not "5m" (million) nor "5 M"
    (r"feet|foot|ft", "feet"),
    (r"yards?|yds?", "yards"),
    # "highs of 32C": a capital C or F written right after the number
    (r"degrees?\s+(?:Celsius|centigrade)|°\s*C|(?<=\d)(?-i:C)", "degrees Celsius"),
    (r"degrees?\s+Fahrenheit|°\s*F|(?<=\d)(?-i:F)", "degrees Fahrenheit"),
    (r"degrees|degree(?!\s+[a-z]+s\b)", "degrees"),  # not "31 degree programmes"
    *((rf"{prefix[0]}Wh", f"{prefix}watt-hours") for prefix in ("kilo", "mega", "giga", "tera")),
    *((rf"{prefix[0]}W", f"{prefix}watts") for prefix in ("kilo", "mega", "giga")),
    (r"parts?\s+per\s+million|ppm", "parts per million"),  # a concentration ("410 ppm CO")
    (r"parts?\s+per\s+billion|ppb", "parts per billion"),
    (r"mAh", "milliamp-hours"),  # "a 10,000-mAh battery"
    (r"(?-i:dB)\s*\((?-i:A)\)|(?-i:dBA|dB)|decibels?", "decibels"),  # "87 dB(A)", "55 decibels"
    (r"minutes?|mins?", "minutes"),  # a span of time: a measurement only of a time (measures.of_time)
    (r"hours?|hrs?", "hours"),
    (r"days?", "days"),
    (r"weeks?", "weeks"),
)
DURATIONS = frozenset({"minutes", "hours", "days", "weeks"})
SPEEDS = frozenset({"kilometres per hour", "miles per hour", "knots"})
LENGTHS = frozenset(
    {"kilometres", "miles", "nautical miles", "metres", "feet", "yards", "millimetres", "centimetres"}
)
UNITS_ASKED = {  # "How far …?" asks for a length, "How long …?" for a length or a span of time
    "fast": SPEEDS,
    "far": LENGTHS,
    "deep": LENGTHS,
    "tall": LENGTHS,
    "wide": LENGTHS,
    "long": LENGTHS | DURATIONS,
}
SPEED_NOUNS = frozenset({"speed", "velocity"})  # in a unit of speed, no more than the unit: whose is unsaid
MEASUREMENT_UNITS = frozenset({*(unit for _, unit in MEASURE_UNITS), "magnitude"})


TEMPERATURE_SCALES = frozenset({"degrees Celsius", "degrees Fahrenheit"})


def in_scale(unit: str | None, units: set[str | None]) -> str | None:
    """A bare "degrees" is in the one temperature scale the other figures use ("11.6 degrees" and
    "11.6°C" in one story); any other unit is itself."""
    scales = units & TEMPERATURE_SCALES
    return next(iter(scales)) if unit == "degrees" and len(scales) == 1 else unit


def names_a_unit(word: str) -> bool:
    """ "hectare", "hours", "kilometre": a word a unit of measure is written as (a question asking for it)."""
    return unit_named(word) is not None


def unit_named(word: str) -> str | None:
    """The unit a word writes ("hour" → "hours", "km" → "kilometres"), else None."""
    return next((unit for pattern, unit in MEASURE_UNITS if re.fullmatch(pattern, word, re.I)), None)


# "licensed for 300", "certificated to carry 300": what a thing may hold (a question's words too)
RATED = r"(?:built|designed|licensed|certified|certificated|rated)"
TO_HOLD = r"to\s+(?:carry|hold|take|house)"
# "a capacity of 50,000 litres", "licensed for 300 passengers", "built to hold 800", "space for 1,000"
CAPACITY_BEFORE = re.compile(
    rf"\b(?:capacity\s+(?:of|for)|{RATED}\s+(?:for|{TO_HOLD})|(?:room|space)\s+for)\s+"
    r"(?:(?:about|around|some|up\s+to|nearly)\s+)?$",
    re.I,
)
CAPACITY_AFTER = re.compile(r"[-\s]capacity\b", re.I)
