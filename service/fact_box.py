"""A fact box's line: "Injured: 63 (Upper Marren Health Authority)", "13:40 — On board: 386", "Hole in
the balance sheet: €410 million (regulator); nearly €1.3 billion (auditors)". The label says what each
figure after it counts (and where, and when); a parenthesis right after a figure says who gives it."""

from __future__ import annotations

import re

from . import nlp
from .citations import NUMBER_WORD
from .clauses import CONTAINERS
from .dates import date_of
from .events import event_of, is_event_verb
from .figures import CURRENCIES, SYMBOL_OF_CODE, Figure, in_a_table_cell
from .places import places_of
from .text import SCRIPT_CUES
from .thesaurus import is_a_site, unknown_word

PARENTHESIS_AFTER = re.compile(r"(?:\s+[^\W\d][\w’'-]*){0,3}\s*\((?P<inside>[^()]{2,80})\)")
SOURCE_NOTE = re.compile(r"\b(?:figures?|estimates?|counts?|data|numbers?|says|said)\b", re.I)
# a fact box's line, maybe after a live blog's time: "Injured: 63", "13:40 — On board: 386"
# what a headline or a paragraph opens with to say what kind of piece it is: no label of a figure
KICKERS = frozenset(
    "analysis opinion comment explainer live watch update updated breaking exclusive editorial review "
    "interview factbox correction clarification video audio podcast photos timeline release statement "
    "bulletin transcript".split()
)
# "Injured: 63"; a table's row: "Runners treated | 212 | more than 400"
# "Aid paid so far: €58 million of €240 million": the second figure is the whole the first is part of
WHOLE_AFTER_PART = re.compile(
    r"\d(?:\s*(?:million|billion|thousand|m|bn|k))?\s+(?:out\s+)?of\s+"
    rf"(?:an?\s+|the\s+)?(?:[{re.escape(''.join(CURRENCIES))}]|(?:{'|'.join(SYMBOL_OF_CODE)}) )?$"
)
LABEL = re.compile(r"^(?:\d{1,2}:\d{2}\s*[—–-]\s*)?(?P<label>[^:|\d]{2,80})(?::|\s\|)\s")


# "Wolves, Tarsovian Farmers' Federation count (10 March): 264": what is counted, who counts it, the day
NAMED_LABEL = re.compile(
    r"^(?P<what>[^:|\d,(]{2,60}),\s+(?P<who>[A-Z][^:|\d,()]{2,60}?)\s*(?:\((?P<day>[^()]{3,30})\))?:\s+"
)


def named_label(sentence: str, figure: Figure) -> re.Match[str] | None:
    """The fact box's line whose value the figure is, when its label names who gives it (NAMED_LABEL)."""
    match = NAMED_LABEL.match(sentence)
    return match if match is not None and match.end() == figure.start else None


def noted_source(note: str) -> str | None:
    """Who a parenthesis after a figure names: "(Upper Marren Health Authority)", "(company figure)"; not
    a note that tells of figures or days ("(one dropped on 21 April)")."""
    if re.search(rf"\d|\b(?:one|{NUMBER_WORD})\b", note, re.I):
        return None
    words = SOURCE_NOTE.sub(" ", note).split()
    return " ".join(words[:6]) or None


# "First casualty figures from the Valmeroy Ambulance Service: its crews have treated 87 people"
SOURCE_IN_LABEL = re.compile(
    r"\b(?:figures?|data|numbers?|counts?|estimates?|statistics|update|tally)\s+"
    r"(?:(?:released|published|given|issued)\s+by|from|by)\s+(?:the\s+)?(?P<body>[^:|]+)$",
    re.I,
)


def label_source(sentence: str, figure: Figure) -> str | None:
    """Who a label before a figure says gives it ("Figures from the ambulance service: 87 treated")."""
    if (named_line := named_label(sentence, figure)) is not None:
        return noted_source(named_line["who"])  # "Packs, Grey Wolf Trust (10 March): 36"
    match = LABEL.match(sentence)
    if match is None or match.end() > figure.start:
        return None
    named = SOURCE_IN_LABEL.search(match.group("label").strip())
    return named.group("body").strip() if named else None


def label_of(sentence: str, figure: Figure, published: str | None):
    """What a fact box's label says is counted, for a figure after it: "Injured: 63" → (None, injured),
    "Current workforce: 31,000" → (workforce, None), "Saturday's crowd in Branova: about 20,000" →
    (crowd, None) in Branova on Saturday. (noun, event, places, date or None), or None."""
    named_line = named_label(sentence, figure)
    if named_line is not None:
        text = named_line["what"].strip()
    else:
        match = LABEL.match(sentence)
        if match is None or match.end() > figure.start:
            return None
        if "|" in match.group(0) and not in_a_table_cell(sentence, figure):
            return None  # "Home | News | 40 people died …": a menu, not a table's row
        text = match.group("label").strip()
    if text.lower() in KICKERS or text.lower().split()[-1] in KICKERS or text in SCRIPT_CUES:
        return None  # "Explainer: …", "Dunmarrow water crisis live: …": what kind of piece, not a label
    doc, root = _parsed(text)
    if len(doc) == 1 and unknown_word(text):
        return None  # "Renholt: €1.8 billion.": an interview's turn, who speaks
    # "Hole in the balance sheet": a noun; "Suspected cases": a participle, as in a sentence
    if root is not None and ((root.i == 0 and root.pos_ == "PROPN") or (root.i > 0 and doc[0].tag_ == "JJ")):
        doc, root = _parsed(text[:1].lower() + text[1:])
    if root is None or _a_clause(root):
        return None
    if _a_regions_name(doc, root):  # "Haldeby Coast: 142 stations.": where the line's count is
        return None, None, [text], None
    if root.pos_ in ("VERB", "ADJ") and is_event_verb(root):  # "Injured: 63", "Missing: 41"
        noun, event = None, root
    elif root.pos_ == "NOUN" and not root.ent_type_:
        noun, event = root, event_of(root)
    else:
        noun, event = None, None
    if WHOLE_AFTER_PART.search(sentence, 0, figure.start):
        event = None  # the whole counts what the label's noun does, not what happened to its part
    if noun is None and event is None:
        return None
    places, _ = places_of(root, noun, root, doc)
    date, stated = date_of(root, noun, published)
    day = named_line["day"] if named_line is not None else None
    if day and (resolved := nlp.resolve_date(day, published)):
        date, stated = resolved, True  # "(10 March)"
    return noun, event, places, date if stated else None


def _a_regions_name(doc, root) -> bool:
    """ "Haldeby Coast", "Ostrum Capital Region", "Western Lakes": a name in capitals that ends with a
    kind of place."""
    words = [t for t in doc if not t.is_punct]
    titled = len(words) > 1 and all(t.text[:1].isupper() for t in words) and root.i == words[-1].i
    kind = root.lower_
    return titled and kind not in CONTAINERS and (is_a_site(kind) or is_a_site(kind.removesuffix("s")))


def _a_clause(root) -> bool:
    """ "The PWEA has updated its figures: crews have brought 74 tonnes": a finite clause before the colon
    says what happened, it labels no figure (as "Oil spilled:" and "Boats taking part:" do)."""
    finite = any(c.dep_ in ("aux", "dobj") for c in root.children)  # the tagger takes "shipwreck" for a verb
    return finite and any(c.dep_ in ("nsubj", "nsubjpass") for c in root.children)  # "Police give a figure:"


def _parsed(text: str):
    """The label's parse and its root."""
    doc = nlp.parse_one(text)
    return doc, next((t for t in doc if t.head.i == t.i), None)


# "In a separate accident on Thursday, 9 people were killed": another event the article reports beside
# its story (not "a separate count", which is another source's figure for the same thing)
ANOTHER_EVENT = re.compile(
    r"\b(?:a|an|another)\s+(?:separate|unrelated)\s+(?:incident|accident|attack|crash|collision|fire|blaze"
    r"|explosion|blast|shooting|stabbing|bombing|raid|outbreak|storm|quake|earthquake|flood|landslide"
    r"|avalanche|wildfire|eruption|derailment|spill|leak|disaster)\b",
    re.I,
)

# "For comparison, police estimated the largest crowd of the 2019 protests at 120,000", also after a live
# blog's time ("16:45 - For comparison: at the 2022 election, …")
FOR_COMPARISON = re.compile(r"^(?:\d{1,2}:\d{2}\s*[—–-]\s*)?for\s+comparison\b", re.I)
# "Members noted, for comparison, that the council's own team had issued 1,840 notices"
FOR_COMPARISON_SET_OFF = re.compile(r",\s*for\s+comparison\s*,", re.I)


# "In neighbouring Dunmore province, police recorded 240 thefts", "- Across the border in neighbouring
# Tarvosk, …": a sentence that opens on another place, beside the story's, tells how it fares there
ELSEWHERE = re.compile(
    r"^(?:[-–—•*]\s*)?(?:across\s+the\s+border,?\s+)?(?:in|across)\s+(?:the\s+)?(?:neighbou?ring|nearby)\b",
    re.I,
)


def is_aside(sentence: str) -> bool:
    """The sentence reports another event than the story's ("In a separate accident, …", "For comparison,
    …", "Members noted, for comparison, that …") or opens on another place ("In neighbouring Corvessa, …")."""
    opening = sentence.strip()
    return any(pattern.search(sentence) for pattern in (ANOTHER_EVENT, FOR_COMPARISON_SET_OFF)) or any(
        pattern.match(opening) for pattern in (FOR_COMPARISON, ELSEWHERE)
    )
