"""Numeric claims in news sentences, and the figures on which documents disagree. Deterministic: `re` only.

`extract_claims` reads one sentence (a Passage) at a time and returns one Claim per figure that counts
something; every Claim keeps the whole sentence as its quote and span, so `quote == text[start:end]`.
service/disagreements.py groups them by what they count and finds the figures that cannot all be true.

What is a claim
    A figure written in digits that counts something: "10,000", "12 million", "4,000–6,000" (values are
    normalised: thousands separated by commas, ranges joined by an en dash, "million"/"billion" kept as a
    word). Not claims: years (a bare 1800–2100), dates ("June 18", "2025-11-17"), ordinals ("3rd"),
    durations ("30 years"), percentages, numbers inside names, URLs and handles ("Hwasong-20",
    "News18.com"), fractions ("2/3"), numbers written as words ("thousands", "two-thirds", "three
    months"), and a figure with nothing it could be counting (a stray "0").

Increments
    "another / a further / an additional N" whose category is already counted earlier in the same sentence
    is an addition to that figure ("around 10,000 troops …, with another 5,000 expected to follow"), not
    its size, and is dropped: adding the two would be a guess about timing. "another N" that names a
    different group ("another 1,000 military engineers are engaged in demining") is that group's size and
    is kept.

Part of a whole
    "A of [an estimated] B …" where the sentence says what happened to the part ("at least 1,000 of an
    estimated 11,000 troops … have been killed") gives two claims: A counts the outcome (killed), B counts
    its own noun (troops). Without such an outcome ("37 of 64 settlements are uninhabitable") it is one
    claim, value "37 of 64", interval [37, 37], counting B's noun: the total is context, and reporting it
    alone would set it against the part.

What is counted (`counted`)
    Decided from the words right after the number first: a COUNTED_TERMS word, else a PEOPLE_HEADS word,
    else the head noun phrase itself as a fallback category ("200 North Korean drones" → "drone"). A bare
    figure ("as high as 10,000, a figure …", "their losses are more than 4,000") takes the nearest table
    word before it, back to the previous figure; failing that, the rest of the sentence (an outcome such as
    "killed" first). A currency sign makes it money ("$50 million" → "US dollars").
    Words for people (troops, soldiers, North Koreans, engineers, workers, people) are refined by their
    clause: from the number (or the people word) up to the next figure in the sentence, so in "6,000
    engineers and construction workers …, while over 10,000 North Korean troops already fight" the 10,000
    stay troops. Using CLAUSE_SIGNS, in this order:
      demining and construction together → "reconstruction deployment" (the whole contingent)
      demining / mine clearing           → "sappers"
      rebuilding / repair / construction → "construction workers"
      industrial cooperation / working   → "workers"
      the Kursk region, with no fighting → "reconstruction deployment"
      otherwise                          → the word's own category (soldiers → "troops")
    The Kursk rule keeps "6,000 North Korean troops to assist in the contested Kursk region" (the 2025
    reconstruction contingent announced by Shoigu: 1,000 deminers + 5,000 builders) from being set against
    the 10,000–12,000 combat troops, which the articles place "in Russia" or "fighting alongside" Russians.
    It is knowledge about this story kept as data (CLAUSE_SIGNS["kursk"]), not a general rule of news.

Attribution
    The SOURCES entry nearest before the figure in the same sentence ("the NIS stated that nearly 10,000
    …"), else the first one after it ("…, confirmed by … Sergei Shoigu"); None when the sentence names none.

Qualifiers (kept lower-cased in `qualifier`; they set the interval [low, high] the claim allows)
    exact X                                                          [X, X]
    about / around / approximately / roughly / some                  [0.95X, 1.05X]
    nearly / almost                                                  [0.9X, X]
    over / more than / at least / upwards of                         [X, 1.25X]
    as high as / up to / at most / as many as / less or fewer than / under   [0.75X, X]
    A–B (also "A to B", "between A and B")                           [A, B], each end widened as above
    estimated / reportedly                                           [X, X]: a source's estimate is its figure
    The bounds are soft on purpose. "over 10,000" and "11,000" can both hold, but "at least 1,000" does not
    cover "4,000–6,000": in news a far larger figure elsewhere is a conflict worth showing, though
    logically compatible with "at least".
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from .claim_words import (
    CLAUSE_SIGNS,
    COUNTED_TERMS,
    CURRENCIES,
    INCREMENT_MARKERS,
    NOT_COUNTS,
    OUTCOMES,
    PEOPLE_HEADS,
    PHRASE_STOPWORDS,
    QUALIFIER_FACTORS,
    RECONSTRUCTION,
    SOURCES,
)
from .models import Claim, Passage

# --- patterns ----------------------------------------------------------------------------------

MONTH_NAMES = (
    "January|February|March|April|May|June|July|August|September|October|November|December"
    "|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec"
)
NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9}
SCALE = "|".join(SCALES)
FIGURE = re.compile(
    rf"(?P<between>\bbetween\s+)?(?<![\w.,@#/\-–])(?P<a>{NUM})(?:\s+(?P<scale_a>{SCALE}))?"
    rf"(?:(?(between)\s+and\s+|(?:\s*[–-]\s*|\s+to\s+))(?P<b>{NUM}))?(?:\s+(?P<scale_b>{SCALE}))?"
    rf"(?![\w@/%]|[.,]\d)",
    re.IGNORECASE,
)
NOT_FIGURES = re.compile(
    r"https?://\S+|www\.\S+|@\w+|\b\d{4}-\d{2}-\d{2}\b"
    rf"|\b(?:{MONTH_NAMES})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?\b(?:,?\s*\d{{4}})?"
    rf"|\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:{MONTH_NAMES})\b"
)
WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
HEAD_STOP = re.compile(r"[,.;:!?()\[\]{}“”\"—–]")
HEAD_WORDS = 4


def _alternation(phrases: Sequence[str]) -> str:
    """Whole-word alternation, longest first; a space in a phrase also matches a hyphen or no-break space."""
    ordered = sorted(set(phrases), key=len, reverse=True)
    return (
        r"(?<![\w-])(?:" + "|".join(re.escape(p).replace(r"\ ", r"[\s\-]+") for p in ordered) + r")(?![\w-])"
    )


def _term_index() -> dict[str, tuple[str, bool]]:
    """surface form → (category, is a people head)."""
    index = {term: (category, True) for category, terms in PEOPLE_HEADS.items() for term in terms}
    index.update({term: (category, False) for category, terms in COUNTED_TERMS.items() for term in terms})
    return index


TERMS = _term_index()
TERM = re.compile(_alternation(list(TERMS)), re.IGNORECASE)
SIGNS = {name: re.compile(_alternation(words), re.IGNORECASE) for name, words in CLAUSE_SIGNS.items()}
QUALIFIER_BEFORE = re.compile(
    rf"\b(?P<q>{'|'.join(sorted(QUALIFIER_FACTORS, key=len, reverse=True))})\s+$", re.I
)
INCREMENT_BEFORE = re.compile(
    rf"\b(?:{'|'.join(INCREMENT_MARKERS)})\s+(?:(?:{'|'.join(QUALIFIER_FACTORS)})\s+)?$", re.IGNORECASE
)
PARTITIVE_GAP = re.compile(
    rf"\s+(?:out\s+)?of\s+(?:(?:an?|the)\s+)?(?:(?:{'|'.join(QUALIFIER_FACTORS)})\s+)?", re.I
)
NOT_COUNT = re.compile(_alternation(NOT_COUNTS), re.IGNORECASE)
SOURCE_PATTERNS = [(name, re.compile(pattern)) for name, pattern in SOURCES]


# --- figures -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Figure:
    """A number (or range) found in a sentence; start/end are offsets inside the sentence."""

    start: int
    end: int
    low: float
    high: float
    value: str
    year_like: bool


def _to_float(text: str) -> float:
    return float(text.replace(",", ""))


def _format_number(number: float) -> str:
    return f"{int(number):,}" if number == int(number) else f"{number:,}"


def _figure(match: re.Match[str]) -> _Figure:
    a, b = match.group("a"), match.group("b")
    scale_a = (match.group("scale_a") or match.group("scale_b") or "").lower()
    scale_b = (match.group("scale_b") or scale_a).lower()
    low = _to_float(a) * SCALES.get(scale_a, 1)
    high = _to_float(b) * SCALES.get(scale_b, 1) if b else low
    if scale_b in ("million", "billion"):  # "12 million" stays a word; "5 thousand" becomes "5,000"
        shown = [_format_number(n / SCALES[scale_b]) for n in (low, high)]
        value = ("–".join(shown) if b else shown[0]) + f" {scale_b}"
    else:
        value = "–".join(_format_number(n) for n in (low, high)) if b else _format_number(low)
    year_like = not scale_b and all(re.fullmatch(r"1[89]\d\d|20\d\d|2100", n) for n in filter(None, (a, b)))
    return _Figure(match.start("a"), match.end(), low, high, value, year_like)


def _figures(sentence: str) -> list[_Figure]:
    masked = [m.span() for m in NOT_FIGURES.finditer(sentence)]
    figures = []
    for match in FIGURE.finditer(sentence):
        if not any(s < match.end() and match.start() < e for s, e in masked):
            figures.append(_figure(match))
    return figures


def _head_words(sentence: str, figure: _Figure, boundary: int) -> list[str]:
    """Up to HEAD_WORDS words right after the figure, stopping at punctuation or the next figure."""
    after = HEAD_STOP.split(sentence[figure.end : boundary], maxsplit=1)[0]
    return WORD.findall(after)[:HEAD_WORDS]


def _is_not_a_count(figure: _Figure, head: list[str]) -> bool:
    """Durations and percentages ("30 years", "40 per cent"), and years not followed by a counted noun."""
    head_text = " ".join(head)
    if head and NOT_COUNT.match(head_text):
        return True
    return figure.year_like and not TERM.search(head_text)


# --- what is counted ---------------------------------------------------------------------------


def _signs(context: str) -> set[str]:
    return {name for name, pattern in SIGNS.items() if pattern.search(context)}


def _refine_people(default: str, context: str) -> str:
    signs = _signs(context)
    if {"demining", "construction"} <= signs:
        return RECONSTRUCTION
    if "demining" in signs:
        return "sappers"
    if "construction" in signs:
        return "construction workers"
    if "industrial" in signs:
        return "workers"
    if "kursk" in signs and "combat" not in signs:
        return RECONSTRUCTION
    return default


def _term(match: re.Match[str]) -> tuple[str, bool]:
    """(category, is a people head) of a TERM match, whatever its case, hyphens or spacing."""
    return TERMS[" ".join(re.split(r"[\s\-]+", match.group(0).lower()))]


def _category_of(match: re.Match[str], context: str) -> str:
    category, is_people = _term(match)
    return _refine_people(category, context) if is_people else category


def _counted_from_head(head_text: str, context: str) -> str | None:
    """A term naming one thing wins over a people word ("6,000 engineers and construction workers")."""
    matches = list(TERM.finditer(head_text))
    specific = [m for m in matches if not _term(m)[1]]
    chosen = (specific or matches or [None])[0]
    return _category_of(chosen, context) if chosen else None


def _fallback_phrase(head: list[str]) -> str | None:
    """The head noun phrase when no table word names it: content words up to a stopword or verb-like word,
    without leading proper adjectives ("North Korean drones" → "drone")."""
    words: list[str] = []
    for word in head[:3]:
        lowered = word.lower()
        if lowered in PHRASE_STOPWORDS or lowered.endswith(("ed", "ly")):
            break
        words.append(word)
    while len(words) > 1 and words[0][0].isupper():
        words.pop(0)
    if not words:
        return None
    *rest, last = (w.lower() for w in words)
    return " ".join([*rest, _singular(last)])


def _singular(word: str) -> str:
    word = word.replace("’", "'").removesuffix("'s")
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


def _counted(sentence: str, figure: _Figure, previous_end: int, next_start: int) -> str | None:
    head = _head_words(sentence, figure, next_start)
    context = sentence[figure.start : next_start]
    if currency := CURRENCIES.get(sentence[figure.start - 1 : figure.start]):
        return currency
    if counted := _counted_from_head(" ".join(head), context):
        return counted
    if phrase := _fallback_phrase(head):
        return phrase
    before = list(TERM.finditer(sentence, previous_end, figure.start))
    if before:
        return _category_of(before[-1], sentence[before[-1].start() : next_start])
    return _counted_from_sentence(sentence)


def _counted_from_sentence(sentence: str) -> str | None:
    """Last resort for a bare figure: an outcome named anywhere in the sentence, else its first term."""
    if outcome := _outcome_in(sentence):
        return outcome
    first = TERM.search(sentence)
    return _category_of(first, sentence[first.start() :]) if first else None


def _outcome_in(sentence: str) -> str | None:
    outcomes = (_term(m)[0] for m in TERM.finditer(sentence))
    return next((category for category in outcomes if category in OUTCOMES), None)


# --- qualifiers, intervals, attribution --------------------------------------------------------


def _qualifier(sentence: str, figure: _Figure) -> str | None:
    match = QUALIFIER_BEFORE.search(sentence, max(0, figure.start - 40), figure.start)
    return match.group("q").lower() if match else None


def interval(low: float, high: float, qualifier: str | None) -> tuple[float, float]:
    """The interval a figure allows given its qualifier (see the module docstring)."""
    low_factor, high_factor = QUALIFIER_FACTORS.get(qualifier or "", (1.0, 1.0))
    return round(low * low_factor, 6), round(high * high_factor, 6)


def attribution(sentence: str, position: int) -> str | None:
    """Who says so: the known source nearest before `position` in the sentence, else the first after it."""
    found = sorted(
        (m.start(), m.end(), name) for name, pattern in SOURCE_PATTERNS for m in pattern.finditer(sentence)
    )
    before = [f for f in found if f[1] <= position]
    if before:
        return max(before, key=lambda f: f[1])[2]
    after = [f for f in found if f[0] >= position]
    return after[0][2] if after else None


# --- extraction --------------------------------------------------------------------------------


def _make_claim(passage: Passage, figure: _Figure, value: str, qualifier: str | None, **fields) -> Claim:
    low, high = interval(figure.low, figure.high, qualifier)
    return Claim(
        doc_id=passage.doc_id,
        title=passage.title,
        value=value,
        low=low,
        high=high,
        qualifier=qualifier,
        quote=passage.quote,
        start=passage.start,
        end=passage.end,
        **fields,
    )


def _claims_in_sentence(passage: Passage) -> list[Claim]:
    sentence = passage.quote
    figures = _figures(sentence)
    claims: list[Claim] = []
    consumed: set[int] = set()
    for i, figure in enumerate(figures):
        if i in consumed:
            continue
        previous_end = figures[i - 1].end if i else 0
        following = figures[i + 1] if i + 1 < len(figures) else None
        next_start = following.start if following else len(sentence)
        head = _head_words(sentence, figure, next_start)
        if _is_not_a_count(figure, head):
            continue
        value, counted = figure.value, None
        if following and PARTITIVE_GAP.fullmatch(sentence, figure.end, following.start):
            counted = _outcome_in(sentence)
            if counted is None:  # "37 of 64 settlements": one claim about the part, counted by B's noun
                after_whole = figures[i + 2].start if i + 2 < len(figures) else len(sentence)
                counted = _counted(sentence, following, figure.end, after_whole)
                value = f"{figure.value} of {following.value}"
                consumed.add(i + 1)
        counted = counted or _counted(sentence, figure, previous_end, next_start)
        if counted is None:
            continue
        is_increment = INCREMENT_BEFORE.search(sentence, max(0, figure.start - 40), figure.start)
        if is_increment and any(c.counted == counted for c in claims):
            continue
        claims.append(
            _make_claim(
                passage,
                figure,
                value,
                _qualifier(sentence, figure),
                counted=counted,
                attribution=attribution(sentence, figure.start),
            )
        )
    return claims


def extract_claims(passages: Sequence[Passage]) -> list[Claim]:
    """Every numeric claim in the passages, in passage order, each quoting its whole passage."""
    return [claim for passage in passages for claim in _claims_in_sentence(passage)]


def categories_in(text: str) -> set[str]:
    """The categories a text (a question) asks about: "How many North Korean troops…" → {"troops"}."""
    return {_category_of(match, text) for match in TERM.finditer(text)}
