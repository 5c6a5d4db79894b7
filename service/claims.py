"""Claim frames: for every figure in a news sentence, what it counts, where, when and by whose account,
read off spaCy's dependency parse and named entities (service/nlp.py). No word lists about any story.

`extract_claims` takes sentences (Passages) and returns one Claim per figure that counts something; the
quote and span of a Claim are its whole sentence, so `quote == text[start:end]`. Only sentences holding a
figure (service/figures.py) are parsed. Indexing runs it once per article and stores the claims with the
document (FRAMES_VERSION stamps them: a newer extractor re-extracts on the next `newsdesk index`).

The frame of a figure
    noun    what is counted: the noun the figure modifies ("10,000 troops"), the whole of a partitive
            ("1,000 of 11,000 troops" → troop), what "the number of X" or "X toll" names, the subject of a
            figure stated by a value verb ("the losses are more than 4,000", "could reach 10,000"); none for
            a bare figure ("400 remain missing"). Lemmatized, with its compounds ("construction worker").
    event   what happened to it: a participle or relative clause on the noun ("people killed", "people
            who died"), the verb it is the subject or object of ("killed 1,300 people"), an adjective after
            a copula ("are missing"), the first word of "death toll". Verbs that report (say, estimate),
            that only state a value (be, reach, rise) or that move or place a group (send, deploy, arrive)
            are not events: "troops sent to X" and "troops in X" count the same thing.
    activity what a group is sent to do ("sent to rebuild"): groups sent for different tasks differ.
    places: service/places.py; date: service/dates.py; source: service/sources.py.
Shares: a percentage ("turnout had reached 61.4 percent", "40% of the homes were destroyed") is a claim
            with unit "percent" whose noun is what it is a share of (service/amounts.py); it is never
            compared with a count. A percentage that tells a change ("fell 12%") or names no whole is none.
Sums: a sum of money ("a charge of 520 million marks", "$1.5 billion in damage") is a claim whose unit is
            its currency and whose noun is what the sum is (service/amounts.py).
Measurements: a length, area, speed, temperature or magnitude ("a speed of 94 kilometres per hour",
            "burned 1,200 hectares", "a magnitude 7.3 earthquake") is a claim in its unit, of what the
            sentence names (service/amounts.py); a distance that names nothing ("240 kilometres to the
            south") is none.
Not claims: years, durations, decimals without a unit, forecasts ("could reach"), changes ("fell by"),
increments ("another 5,000 expected to follow" adds to a figure; "another 400 remain missing" is a group of
its own; "four more bodies", "three further deaths"), what a count grew by told as its cause ("rose to 14
after two passengers died"), parts ("three of whom"), a number of figures ("the two attendance figures"), a
figure with neither noun nor event, and a number spelled out below ten that names no event or a set already
known ("two helicopters", "the two nations"). Whose the group is: service/sides.py."""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence

from . import nlp
from .amounts import (
    LEVEL_VERBS,
    currency_name,
    currency_token,
    learn_currencies,
    share_of,
    sum_event,
    sum_of,
    unit_token,
)
from .article_context import with_article_context, without_leaders
from .clauses import CONTAINERS, clause_anchor, is_expected, lemma
from .counted import counted, heads_a_part, is_generic, names_an_occurrence
from .dates import date_of
from .ellipsis import (
    borrowed_frames,
    borrowed_from_before,
    earlier_value,
    follows_on,
    may_borrow,
    names_nothing,
    revised_from,
)
from .events import names_a_state
from .fact_box import PARENTHESIS_AFTER, is_aside, label_of, label_source, named_label, noted_source
from .figures import (
    Figure,
    currency_symbol,
    for_parsing,
    in_a_table_cell,
    interval,
    is_addition,
    is_increment,
    is_measure,
    qualifier_of,
    with_units,
)
from .frame_text import readable
from .injection import instruction_reason
from .keys import event_key, noun_key
from .measures import counted_as_devices, measure_of, measure_token, of_time
from .models import Article, Claim, Passage
from .no_count import befalls_a_part, in_a_ratio, is_a_ranking, is_an_age, is_identifier, is_projection
from .places import places_of
from .presence import merely_where, placing_verb, purpose
from .rates import rate_of
from .sides import whose
from .sources import said_right_after, source_of
from .text import is_correction_note, sentence_passages
from .when_clause import dated_as_before

PARTITIVE_GAP = re.compile(
    r"\s+(?:out\s+)?of\s+(?:(?:an?|the)\s+)?(?:(?:estimated|about|around|nearly)\s+)?", re.I
)

# What each FRAMES_VERSION changed: `git log -p -S FRAMES_VERSION -- service/claims.py`, and README's story
# sets (2–46 there; 47 and 48: "12 km/h", "87 dB(A)", "14 people were aboard", …; 49–67: the 54th to 90th)
FRAMES_VERSION = 67

PART_BEFORE = re.compile(  # "including 67 on Sunday", "counting two airport workers", "they include two"
    r"\b(?:including|includes?|included|counting|among them|of them)\s+(?:(?:about|around|some|nearly)\s+)?$",
    re.I,
)
# "1,400 more than", "30 times higher than", "17 million cubic metres apart": a difference or a ratio,
# not a size
COMPARISON_AFTER = re.compile(
    r"\s+(?:more|fewer|less|higher|lower)\s+than\b|(?:\s+[^\W\d]+){0,2}\s+apart\b"
    r"|[\s-]+(?:times|fold)\s+(?:more|fewer|less|higher|lower|larger|bigger|greater|smaller|as)\b",
    re.I,
)
MARGIN_BEFORE = re.compile(r"(?:plus\s+or\s+minus|±|\+/-)\s*(?:about\s+|some\s+)?$", re.I)
UP_BY_BEFORE = re.compile(r"(?:^|[,;(–—-])\s*(?:up|down)\s+(?:by\s+)?(?:about\s+|some\s+|nearly\s+)?$", re.I)
EXPECTED_AFTER = re.compile(  # "the $1.59 billion analysts had expected" (not "40% of the expected harvest")
    r"(?:\s+(?!of\b|the\b)[^\W\d]+){1,2}?\s+(?:had\s+|have\s+)?"
    r"(?:expected|forecast|predicted|anticipated|projected)\b(?!\s+by)",
    re.I,
)
# "318 of them", "3 of whom"; not "61 of those abducted", a group named by what befell it
PART_AFTER = re.compile(r"\s+of\s+(?:them|those(?!\s+\w+ed\b)|these|whom|which)\b", re.I)


def article_claims(article: Article) -> list[Claim]:
    """Every claim of an article, its sentences dated by its published date; sentences addressed to an AI
    system (service/injection.py) and correction notes state nothing."""
    passages = sentence_passages(article.id, article.title, article.text)
    stating = [p for p in passages if not instruction_reason(p.quote) and not is_correction_note(p.quote)]
    claims = extract_claims(stating, article.published)
    return with_article_context(claims, passages, article.published, article.text)


def extract_claims(passages: Sequence[Passage], published: str | None = None) -> list[Claim]:
    """Every claim in the passages (sentences), in order, each quoting its whole passage; a source told as
    "it" (he, she, they) stays so until article_claims reads the sentence before."""
    with_figures = [(p, with_units(p.quote)) for p in passages]
    with_figures = [(p, figs) for p, figs in with_figures if figs]
    docs = nlp.parse(for_parsing(without_leaders(p.quote)) for p, _ in with_figures)
    learn_currencies(docs)
    found: list[Claim] = []
    previous, before = None, []  # the sentence before (with figures), and its claims
    for (passage, figures), doc in zip(with_figures, docs, strict=True):
        claims = _claims_in(passage, figures, doc, published)
        if previous is not None and (previous.doc_id, previous.n + 1) == (passage.doc_id, passage.n):
            claims = borrowed_from_before(claims, before)
        claims = dated_as_before(claims, before)
        before = [c for c in claims if c.noun or c.event or c.activity]
        found += before
        previous = passage
    return found


def _claims_in(passage: Passage, figures: list[Figure], doc, published: str | None) -> list[Claim]:
    sentence = passage.quote
    claims = []
    wholes = _partitive_wholes(sentence, figures, doc)
    seen: set[tuple[str | None, str | None]] = set()  # the (noun, event) of each claim so far
    at: list[int] = []  # where each claim's figure starts in the sentence
    earlier: list[bool] = []  # each claim's figure is the value before a change ("up from 23")
    for figure in figures:
        token = _figure_token(doc, figure)
        if token is None:
            continue
        figure = counted_as_devices(figure, token)
        money = None if figure.unit else currency_name(sentence, figure, token)
        if figure.unit == "percent":
            frame = _share_frame(sentence, figure, token)
        elif figure.unit is not None:
            frame = _measure_frame(sentence, figure, token, published)
        elif money is not None:
            frame = _sum_frame(sentence, figure, token, published)
        else:
            frame = _count_frame(sentence, figure, token, wholes, published, seen)
        if frame is None:
            continue
        at.append(figure.start)
        earlier.append(earlier_value(measure_token(token) if figure.unit else token))
        claims.append(_claim(passage, figure, token, frame, published, money))
    # counts naming nothing may still borrow from the sentence before (extract_claims)
    return borrowed_frames(sentence, claims, at, earlier)


def _claim(
    passage: Passage, figure: Figure, token, frame, published: str | None, money: str | None = None
) -> Claim:
    """The claim of a figure whose frame (noun, event, label, parenthesis) is known: where, when, who.
    `money`: the currency of a sum."""
    doc = token.doc
    noun, event_token, label, aside = frame
    amount = _amount_token(token, figure.unit, money)
    activity = None
    if event_token is None:
        activity = purpose(placing_verb(noun if noun is not None else token))
    own_noun = noun if noun is None or noun.doc is doc else None  # a label's noun is in its own parse
    anchor = clause_anchor(token, own_noun)
    qualifier = qualifier_of(passage.quote, figure)
    low, high = interval(figure.low, figure.high, qualifier)
    whole = heads_a_part(own_noun) and token.head.i == own_noun.i  # its part's clause says where the part is
    places, containers = places_of(own_noun if whole else anchor, own_noun, token, doc)
    date, stated = date_of(anchor, own_noun, published, token)
    if label is not None:  # what the fact box's label says of place and time
        places = places or label[2]
        date, stated = (label[3], True) if label[3] and not stated else (date, stated)
    source = said_right_after(passage.quote, figure.end) or source_of(anchor, doc, token)
    source = source or (noted_source(aside.group("inside")) if aside else None)
    source = source or label_source(passage.quote, figure)
    event = sum_event(event_token, noun) if money else event_key(event_token, noun)
    return Claim(
        doc_id=passage.doc_id,
        title=passage.title,
        value=_shown(figure, passage.quote, token) if money else figure.value,
        unit=figure.unit or money,
        low=low,
        high=high,
        qualifier=qualifier,
        quote=passage.quote,
        start=passage.start,
        end=passage.end,
        counted=readable(noun, event_token or activity),
        noun=noun_key(noun, money=money is not None),
        generic=is_generic(noun),
        whose=whose(own_noun, event_token, amount),
        event=" ".join(filter(None, [event, rate_of(passage.quote, figure, money)])) or None,
        activity=event_key(activity),
        places=places,
        place=" and ".join(places) or None,
        containers=containers,
        date=date,
        date_stated=stated,
        aside=is_aside(passage.quote),
        published=published,
        expected=is_expected(anchor),
        source=source,
        attribution=source,
    )


def _amount_token(token, unit: str | None, money: str | None):
    """The word that says what kind of amount a figure is: "percent", "kilometres", "marks"; else itself."""
    if unit == "percent":
        return unit_token(token)
    if unit is not None:
        return measure_token(token)
    return (currency_token(token) or token) if money else token


def _measure_frame(sentence: str, figure: Figure, token, published: str | None):
    """(noun, event, fact-box label or None, None) for a measurement of something the sentence (or its
    fact-box label: "Queue length: 31 km") names, else None."""
    if _no_size(sentence, figure, token):
        return None
    if (frame := measure_of(token, figure.unit)) is not None:
        return None if (frame := of_time(figure.unit, *frame, token)) is None else (*frame, None, None)
    if (label := label_of(sentence, figure, published)) is not None and label[0] is not None:
        return (label[0], label[1], label, None) if of_time(figure.unit, label[0], label[1]) else None
    # "its estimate of 5.5 million cubic metres", "not the 41 km given by": the other figure says
    bare = names_nothing(measure_token(token)) or may_borrow(sentence, figure, compared=False)
    return (None, None, None, None) if bare or earlier_value(measure_token(token)) else None


def _share_frame(sentence: str, figure: Figure, token):
    """(noun, event, None, None) for a percentage that measures what the sentence names, else None."""
    if _no_size(sentence, figure, token):
        return None
    frame = share_of(token)
    return None if frame is None else (*frame, None, None)


def _no_size(sentence: str, figure: Figure, token) -> bool:
    """A change ("rose by 20"), a forecast ("could reach", "the $1.59 billion analysts had expected"), a
    comparison ("1,400 more than") or a part of the figure before it ("112 detained, including 67 on
    Sunday"): no size that holds, of any unit."""
    if _is_change(token) or is_projection(token) or COMPARISON_AFTER.match(sentence, figure.end):
        return True
    if EXPECTED_AFTER.match(sentence, figure.end):
        return True  # "shy of the $1.59 billion analysts had expected"
    if UP_BY_BEFORE.search(sentence[max(0, figure.start - 12) : figure.start]):
        return True  # "21,900, up 9,300 on the day before": the change, beside its total
    if MARGIN_BEFORE.search(sentence[max(0, figure.start - 20) : figure.start]):
        return True  # "a margin of error of plus or minus 300 posts": how far off, not how many
    return bool(PART_BEFORE.search(sentence[max(0, figure.start - 30) : figure.start]))


def _shown(figure: Figure, sentence: str, token) -> str:
    """A sum as the reader knows it: "$2 billion", "520 million marks"."""
    currency = currency_token(token)
    if currency is not None:
        return f"{figure.value} {currency.text}"
    return f"{currency_symbol(sentence, figure) or sentence[figure.start - 1]}{figure.value}"


def _sum_frame(sentence: str, figure: Figure, token, published: str | None):
    """(noun, event, fact-box label, None) for a sum of money the sentence (or its fact-box label: "Hole in
    the balance sheet: €410 million") says what of, else None; (None, None, None, None) for one that
    names nothing ("the auditors put it at €1.3 billion": the sentence before says)."""
    if _no_size(sentence, figure, token) or is_increment(sentence, figure):
        return None
    aside = PARENTHESIS_AFTER.match(sentence, figure.end)
    frame = sum_of(token)
    if frame is not None and not _noted(frame[0], aside):
        return (*frame, None, None)
    if (label := label_of(sentence, figure, published)) is not None:
        return label[0], label[1], label, aside
    amount = currency_token(token) or token
    bare = names_nothing(amount) or revised_from(amount) or may_borrow(sentence, figure, compared=False)
    return (None, None, None, None) if bare else None


def _noted(noun, aside) -> bool:
    """The noun is in the parenthesis after the figure: it names who gives the figure ("(airlines)")."""
    return bool(aside) and noun is not None and aside.start("inside") <= noun.idx < aside.end("inside")


def _count_frame(sentence: str, figure: Figure, token, wholes: set[int], published: str | None, seen: set):
    """(noun, event, fact-box label, parenthesis after) for a figure that counts something, else None."""
    if is_measure(sentence, figure):  # a sum of money never comes here (_claims_in: _currency)
        return None
    if token.ent_type_ in ("MONEY", "PERCENT", "ORDINAL") or _a_date_or_time(token, figure):
        return None
    after_the = token.i > 0 and token.nbor(-1).lower_ == "the"
    if figure.year_like and (token.dep_ != "nummod" or token.head.tag_ == "NN" or after_the):
        return None  # "the 2011 gas explosion"; "Of the 2025 Lyme disease cases, …" (a count has its comma)
    if _no_size(sentence, figure, token) or _is_cause_of_rise(token) or _counts_figures(token):
        return None
    if is_addition(sentence, figure) or in_a_ratio(sentence, figure):
        return None
    if PART_AFTER.match(sentence, figure.end) and not befalls_a_part(token):
        return None  # "with 17 of those deaths": a part of a figure already given
    if is_identifier(token) or is_an_age(sentence, figure, token) or is_a_ranking(token):
        return None
    noun, event_token = (None, None) if in_a_table_cell(sentence, figure) else counted(token)  # its row's
    if token.i in wholes and not (event_token is not None and event_token.dep_ == "amod"):
        event_token = None  # "1,000 of 11,000 troops have been killed": the whole's is none (not "suspected")
    if event_token is not None and merely_where(event_token) and not is_generic(noun):
        event_token = None  # "49 passengers on board" counts what "38 passengers" does; "people" needs it
    aside = PARENTHESIS_AFTER.match(sentence, figure.end)
    if _noted(noun, aside):
        noun, event_token = None, None  # "Injured: 63 (Upper Marren Health Authority)": who says so
    named = named_label(sentence, figure) is not None  # "Packs, Grey Wolf Trust (10 March): 36"
    label = label_of(sentence, figure, published) if named or noun is None or event_token is None else None
    if label is not None and not named and event_token is not None and label[1] is None:
        label = None  # "Tanker blast: ministry sets death toll at 47": a headline's subject, not a count
    if label is not None and named:
        noun, event_token = label[0], label[1]  # the line's value: what its label counts
    elif label is not None:
        noun = noun if noun is not None else label[0]
        event_token = event_token if event_token is not None else label[1]
    borrows = may_borrow(sentence, figure) or names_nothing(token) or earlier_value(token)
    borrows = borrows or follows_on(sentence, figure.start)  # "…, four on 6 February", "15 had done so"
    if noun is None and event_token is None and not borrows:
        return None
    small = figure.spelled and figure.high < 10 and not borrows  # "up from six", "but X says nine" borrow
    if small and ((event_token is None and not names_an_occurrence(noun)) or _known_set(sentence, figure)):
        return None  # "two helicopters", "the two nations exchange": a detail of the scene, not a count
    what = (noun_key(noun), event_key(event_token, noun))
    if is_increment(sentence, figure) and (what in seen or not names_a_state(event_token)):
        return None  # "another 5,000 expected to follow": an addition, not a size ("another 400 missing" is)
    seen.add(what)
    return noun, event_token, label, aside


# --- the figure and what it counts --------------------------------------------------------------


def _a_date_or_time(token, figure: Figure) -> bool:
    """Tagged a date or time, unless it is a bare number that a preposition takes or that is a subject: the
    tagger calls some counts dates ("put the number of injured at 21"). Ages ("Tomas Reyl, 52,") stay out."""
    if figure.year_like and token.dep_ == "nummod" and token.head.pos_ == "PROPN" and token.head.i > token.i:
        return True  # "the 2024 Continental Championships": a named event's year
    if token.ent_type_ not in ("DATE", "TIME") or nlp.a_count_tagged_a_date(token):
        return False
    entity = nlp.entity_of(token)
    if entity is not None and entity.label_ == "TIME" and entity.start == token.i and earlier_value(token):
        return False  # "down from 11 this morning": the count earlier that day (not "the season before")
    # "Of the 103 people taken to hospital, 42 had been discharged": a bare subject is a count
    bare = token.dep_ in ("pobj", "nsubj", "nsubjpass")
    bare = bare or (token.dep_ == "conj" and token.head.ent_type_ == "CARDINAL")  # "say 3,000 and 31"
    bare = bare or _a_counts_size(token)
    return entity is None or len(entity) > 1 or figure.year_like or not bare


def _a_counts_size(token) -> bool:
    """ "The death toll is now 40": what a count is (the tagger may call the number a date)."""
    if token.dep_ not in ("attr", "acomp") or lemma(token.head) != "be":
        return False
    return any(c.dep_ == "nsubj" and lemma(c) in CONTAINERS for c in token.head.children)


def _partitive_wholes(sentence: str, figures: list[Figure], doc) -> set[int]:
    """Token indexes of B in "A of (an estimated) B": the whole, whose clause tells what happened to A."""
    wholes = set()
    for first, second in itertools.pairwise(figures):
        if PARTITIVE_GAP.fullmatch(sentence, first.end, second.start):
            token = _figure_token(doc, second)
            if token is not None:
                wholes.add(token.i)
    return wholes


def _figure_token(doc, figure: Figure):
    """The token that carries the figure in the parse: the one inside its span whose head is outside it;
    None for a figure blanked for parsing (figures.for_parsing)."""
    spanned = [t for t in doc if t.idx < figure.end and t.idx + len(t) > figure.start and not t.is_space]
    inside = [t for t in spanned if t.like_num and (t.i == 0 or t.nbor(-1).lower_ != "per")]  # "5 per 100"
    inside = inside or spanned
    for token in inside:
        if not (figure.start <= token.head.idx < figure.end) or token.head.i == token.i:
            return token
    return inside[-1] if inside else None


LENGTHS = frozenset("metre meter kilometre kilometer km mile foot feet yard".split())


def _is_change(token) -> bool:
    """ "rose by 20", "fell by about 1.5 metres": a change, not an amount that holds; not how far a thing
    moved ("the cliff top retreated by up to 14 metres", "had moved inland by as much as 25 metres")."""
    current = token if token.dep_ == "pobj" else token.head
    by = current.head  # not the agent of a passive: "signed by 9,400 people"
    if not (current.dep_ == "pobj" and by.lower_ == "by" and by.dep_ != "agent" and by.head.pos_ == "VERB"):
        return False
    return lemma(current) not in LENGTHS or lemma(by.head) in LEVEL_VERBS | RISE_VERBS | {"sink", "subside"}


KNOWN_SET_BEFORE = re.compile(r"\b(?:the|its|their|his|her|our|these|those|both)\s+$", re.I)


def _known_set(sentence: str, figure: Figure) -> bool:
    """ "the two nations", "his three sons": a set the reader already knows, named by its size."""
    return bool(KNOWN_SET_BEFORE.search(sentence[max(0, figure.start - 12) : figure.start]))


RISE_VERBS = frozenset("rise raise climb increase grow jump bring take push".split())


def _is_cause_of_rise(token) -> bool:
    """ "the toll rose to 14 after two passengers died": what a count grew by, told as its cause."""
    verb = next((t for t in token.ancestors if t.pos_ in ("VERB", "AUX")), None)
    return (
        verb is not None
        and verb.dep_ == "advcl"
        and any(c.dep_ == "mark" and c.lower_ == "after" for c in verb.children)
        and lemma(verb.head) in RISE_VERBS
    )


def _counts_figures(token) -> bool:
    """ "the two attendance figures", "three estimates": a number of figures, not of what they count."""
    return token.dep_ == "nummod" and lemma(token.head) in CONTAINERS and token.i < token.head.i
