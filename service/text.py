"""Text utilities every stage shares: sentence spans with exact offsets, sentences as passages, tokens
and stems, headings. Nothing here knows about the index, the model or a feature."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from functools import lru_cache

import snowballstemmer

from .errors import InvalidInput
from .models import Passage

# --- sentences ---------------------------------------------------------------------------------

ABBREVIATIONS = set(
    """mr mrs ms dr prof lt gen col maj capt cpt sgt adm gov sen rep st jr sr no vs etc e.g i.e u.s u.n u.k
    e.u inc ltd co corp jan feb mar apr jun jul aug sep sept oct nov dec""".split()
)
END_PUNCT = re.compile(r"[.!?…]+[\"'”’)\]]*(?=\s)")
LEADING_JUNK = re.compile(r"^[\s•·▪●◦*\-–—]+")
PRONOUN_START = re.compile(r"^(He|She|They|It|This|These|Those|His|Her|Their|Its)\b")


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence: split at line breaks and at sentence-final punctuation."""
    spans: list[tuple[int, int]] = []
    for line_start, line_end in line_spans(text):
        start = line_start
        for match in END_PUNCT.finditer(text, line_start, line_end):
            if is_sentence_end(text, match.start(), match.end(), line_end):
                spans.extend(trimmed_span(text, start, match.end()))
                start = match.end()
        spans.extend(trimmed_span(text, start, line_end))
    return spans


def line_spans(text: str) -> Iterator[tuple[int, int]]:
    start = 0
    for match in re.finditer(r"\r\n|\r|\n|\u2028|\u2029", text):
        yield start, match.start()
        start = match.end()
    yield start, len(text)


def is_sentence_end(text: str, punct_start: int, punct_end: int, line_end: int) -> bool:
    if text[punct_start] == ".":
        word = re.search(r"([\w.]+)$", text[max(0, punct_start - 12) : punct_start])
        if word and (word.group(1).lower() in ABBREVIATIONS or re.fullmatch(r"[A-Z]", word.group(1))):
            return False
    following = text[punct_end:line_end].lstrip()
    return not following or not following[0].islower()


def trimmed_span(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The span without surrounding whitespace and leading bullet marks; [] when nothing is left."""
    segment = text[start:end]
    lead = LEADING_JUNK.match(segment)
    start += lead.end() if lead else 0
    end -= len(segment) - len(segment.rstrip())
    return [(start, end)] if start < end else []


def sentence_passages(doc_id: str, title: str, text: str, offset: int = 0) -> list[Passage]:
    """Every sentence of `text` as a Passage numbered from 1. `text` starts at `offset` in its article
    (a chunk), so start/end are offsets into the article."""
    return [
        Passage(
            n=n, doc_id=doc_id, title=title, start=offset + start, end=offset + end, quote=text[start:end]
        )
        for n, (start, end) in enumerate(sentence_spans(text), start=1)
    ]


def sentences_with_context(passages: Sequence[Passage]) -> list[tuple[Passage, str]]:
    """Consecutive sentences paired with the text to judge them by: a sentence that opens with a
    pronoun ("He even pledged…") is read together with the one before it."""
    paired = []
    previous = ""
    for passage in passages:
        context = f"{previous} {passage.quote}" if PRONOUN_START.match(passage.quote) else passage.quote
        paired.append((passage, context))
        previous = passage.quote
    return paired


def is_heading(sentence: str) -> bool:
    """Headlines and section titles: short and without a full stop; they say little on their own."""
    words = len(sentence.split())
    ending = sentence.rstrip("”\"'’")[-1:]
    return (words < 20 and ending not in ".!?…:") or (words < 10 and ending == "?")


# "MIROVAC (DNA) - ", "KYIV, Ukraine (AP) — ", "PORT ELSEN — ": a wire story's place and agency before its
# first sentence, which the parser would otherwise read as that sentence's subject.
DATELINE = re.compile(
    r"^\s*(?P<city>[A-Z][A-Z'’.-]+(?:\s+[A-Z][A-Z'’.-]+){0,3})"
    r"(?:,\s+(?P<region>[A-Z][\w.]*(?:\s+[\w.]+){0,2}))?(?:\s+\([A-Za-z][\w .&-]{0,30}\))?\s*[-—–]{1,2}\s+"
    r"(?=[A-Z\d\"“‘'])"  # the sentence starts: "NATO - the alliance said" has no dateline
)


CORRECTION_NOTE = re.compile(
    r"^\W*(?:correction|clarification)s?\s*:"
    r"|\b(?:an?|the)\s+(?:earlier|previous|original)\s+version\s+of\s+this\s+(?:article|story|report|piece|post)\b",
    re.I,
)


def is_correction_note(sentence: str) -> bool:
    """ "Correction: an earlier version of this article said 214 flights …; the figure is 142.": the wrong
    figure is withdrawn, and the right one is already in the corrected text."""
    return CORRECTION_NOTE.search(sentence) is not None


MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]{0,6}"
# "- 10 March 2026: The PSA orders …", "2 April 2026: Chief executive …", "14 May - Police say …": a timeline
# entry's day ("day": one told before a dash), which the parser would otherwise read as the sentence's
# subject (article_context dates the entry's sentences)
ENTRY_DAY = re.compile(
    r"^\s*(?:[-•*–]\s*)?(?:(?:\d{1,2}\s+[A-Z][a-z]{2,8}|[A-Z][a-z]{2,8}\s+\d{1,2},?)\s+\d{4}\s*:"
    rf"|(?P<day>(?:\d{{1,2}}\s+{MONTH}|{MONTH}\s+\d{{1,2}})(?:,?\s+\d{{4}})?)\s+[-–—])\s+(?=[A-Z\d\"“])"
)


# a broadcast script's cues ("VO: The same statement said …", "SOT: (Superintendent …)"): no speaker, no word
SCRIPT_CUES = frozenset("VO SOT NAT NATS PKG TAG CG OOV VT GFX".split())
CUE_NAMES = "|".join(sorted(SCRIPT_CUES))  # as a pattern's alternatives
SCRIPT_CUE = re.compile(rf"^\s*(?:{CUE_NAMES}):\s+")
WIRE_SLUG = re.compile(r"^\s*[A-Z][A-Z0-9-]+(?:/[A-Z0-9-]+)+\s*[:—–-]\s+")  # "TARVONIA-HEALTH/STRIKE: …"


LEADERS = (DATELINE, ENTRY_DAY, SCRIPT_CUE, WIRE_SLUG)


def without_dateline(sentence: str) -> str:
    """The sentence with a leading dateline (or a timeline entry's day, a script's cue, a wire's slug)
    blanked out, offsets kept (same length)."""
    found = next(filter(None, (p.match(sentence) for p in LEADERS)), None)
    return sentence if found is None else " " * found.end() + sentence[found.end() :]


def dateline_containment(sentence: str) -> tuple[str, str] | None:
    """ "PORT VELANA, Casmira — …" → ("Casmira", "Port Velana"): the city of a dateline lies in its region.
    "MERRAND, July 28 (LPA) -" names a day, not a region."""
    found = DATELINE.match(sentence)
    if found is None or not found["region"] or any(c.isdigit() for c in found["region"]):
        return None
    return found["region"], " ".join(w.capitalize() for w in found["city"].split())


def bare_name(text: str) -> str:
    """A name without its article or possessive: "the Civic Union's" → "Civic Union"; nor a live blog's time
    the tagger took into it ("19:10 - Police")."""
    text = re.sub(r"^\d{1,2}[:.]\d{2}\s*[-–—]?\s*", "", text)
    return re.sub(r"^the\s+", "", text, flags=re.I).removesuffix("’s").removesuffix("'s").strip()


def trim_words(text: str, limit: int) -> str:
    """Whitespace collapsed; cut at a word boundary with an ellipsis when longer than `limit`."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0].rstrip(",;:—–- ") + "…"


# --- tokens ------------------------------------------------------------------------------------

STOPWORDS = frozenset(
    """a an the and or but if of to in on at by for with from as into about over under after before than then
    is are was were be been being has have had do does did done will would could should may might must can
    this that these those it its they them their there here he she his her we our you your i me my
    what which who whom whose when where why how many much more most some any all each every no not
    so such very just also only too out up down off again further once
    say says said according tell told give given""".split()
)
TOKEN = re.compile(r"\d+(?:[.,]\d+)*|[^\W\d_]+(?:['’][^\W\d_]+)?")
_stemmer = snowballstemmer.stemmer("english")


def tokenize(text: str) -> list[str]:
    """Lower-cased, stemmed word and number tokens: stopwords dropped, '1,000' → '1000'."""
    tokens = []
    for raw in TOKEN.findall(text.lower().replace("’", "'")):
        if raw[0].isdigit():
            tokens.append(raw.replace(",", ""))
        elif raw not in STOPWORDS:
            tokens.append(stem(raw.removesuffix("'s")))
    return tokens


@lru_cache(maxsize=100_000)
def stem(word: str) -> str:
    return _stemmer.stemWord(word)


def word_overlap(sentence: str, text: str) -> float:
    """The share of the text's content words (stemmed) that the sentence holds (1.0 for no words)."""
    words = set(tokenize(text))
    return len(words & set(tokenize(sentence))) / len(words) if words else 1.0


SURROGATE = re.compile(r"[\ud800-\udfff]")  # unpaired in a str: JSON can carry "\\ud800", UTF-8 cannot


def check_query(query: str, max_chars: int) -> str:
    """The query stripped, or InvalidInput when it is empty or longer than max_chars."""
    query = query.strip()
    if not query:
        raise InvalidInput("the query is empty")
    if len(query) > max_chars:
        raise InvalidInput(f"the query is too long ({len(query)} characters, limit {max_chars})")
    if "\x00" in query or SURROGATE.search(query):
        raise InvalidInput("the query contains a NUL character or an unpaired surrogate")
    return query


NOT_UNITS = frozenset("AM PM BC AD BCE CE GMT UTC".split())


def abbreviated_unit_after(sentence: str, value: str) -> str | None:
    """ "a yard capacity of 38,000 TEU": a word in capitals right after a figure, which names the unit the
    figure is in (an abbreviation), not what it counts."""
    found = re.search(rf"(?<![\w.,]){re.escape(value)}\s+(?P<unit>[A-Z]{{2,5}})\b(?![\w'’-])", sentence)
    return found["unit"] if found and found["unit"] not in NOT_UNITS else None
