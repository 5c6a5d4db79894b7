"""The date a "when" clause gives a figure (service/dates.py reads every other date): "since 2019, when 27
people were killed", "When the agency first announced it a week ago, it had 14 cases"; and the date written
right after it: "rose to four on 13 May", "up from 131 last week"; and how far a span moves a date ("a week
later", "the year before"); and a figure "for the same period" as the sentence before."""

from __future__ import annotations

import re

from . import nlp
from .clauses import lemma
from .models import Claim

POINT_LABELS = frozenset({"DATE", "TIME"})  # "late on Saturday night" is a TIME to the tagger


def opens_a_date(token) -> bool:
    """The token is the first of a DATE or TIME entity."""
    return token.ent_type_ in POINT_LABELS and token.ent_iob_ == "B"


def _result_or_rest(verb) -> bool:
    """ "…, forcing 190 cancellations"; "since 2019, when an overflow at the Orrin Head works killed 900
    fish" (the parser reads "works" as the when clause's verb, "killed" as a clause with no subject of its
    own, hung on the sentence's verb)."""
    subjectless = verb.tag_ == "VBD" and not any(c.dep_.startswith("nsubj") for c in verb.children)
    return (verb.dep_ == "advcl" and verb.tag_ == "VBG") or (verb.dep_ in ("advcl", "conj") and subjectless)


def when_clause_date(anchor, published: str | None) -> str | None:
    """The date a "when" clause hangs on, whatever leads to it: "since 2019, when 27 people were killed";
    "the storm of January 2009, when 310,000 customers lost power, … and 11 people died" (the parser
    hangs the first clause on the second: both are the when clause's)."""
    clauses = [a for a in [anchor, *anchor.ancestors] if a.dep_ in ("relcl", "advcl")]
    clauses += [c for c in anchor.children if c.dep_ == "advcl" and c.i < anchor.i]
    # "since October 2024, when drones closed the airport for 33 hours, forcing 190 cancellations": the
    # parser hangs the result on the sentence's verb; it follows the when clause all the same
    results = [a for a in [anchor, *anchor.ancestors] if _result_or_rest(a)]
    if results:
        told = [t for t in anchor.doc if t.dep_ == "relcl" and t.i < results[0].i and _opens_with_when(t)]
        clauses += told[-1:]
    for clause in clauses:
        # "since 1989, when the dam burst and killed 212": the parser may hang "when" on the second verb
        told = [clause, *clause.conjuncts]
        if clause.dep_ == "advcl":  # "…, when a pile-up near Tavenholm, on the same road, killed four":
            told += [s for s in clause.head.children if s.dep_ == "advcl" and s.i < clause.i]  # hung apart
        when = next((c for v in told for c in v.children if c.lower_ == "when" and c.i < clause.i), None)
        if when is None:
            continue
        date = clause.head if clause.dep_ == "relcl" else _date_before(when)
        span = nlp.entity_of(date) if date is not None else None
        if span is not None and span.label_ == "DATE":
            return nlp.resolve_date(span.text, published)
    # "the rate stood at 3.1% when the first report was issued on 2 May", "When the agency first announced
    # it a week ago, it had 14 cases and had recorded two deaths": the when clause's own date
    verbs = [anchor, anchor.head] if anchor.dep_ == "conj" else [anchor]
    advcls = [c for v in verbs for c in v.children if c.dep_ == "advcl"]
    own = [c for c in advcls if c.i > anchor.i or c.left_edge.i == 0]
    # "When the Marisol Queen sank in 1998, the inquiry later found that 60 passengers …": a when clause
    # that opens the sentence dates what the verb it hangs on reports ("when" may hang on its second verb)
    opening = [  # (or after "For context,": before the verb all the same)
        c
        for verb in anchor.ancestors
        for c in verb.children
        if c.dep_ == "advcl" and (c.left_edge.i == 0 or c.right_edge.i < verb.i)
    ]
    own += [c for c in opening if any(map(_opens_with_when, [c, *c.conjuncts]))]
    for clause in (c for c in own if c in opening or _opens_with_when(c)):
        span = _date_in(clause) if not _after_an_earlier_figure(clause) else None
        if span is not None and (resolved := nlp.resolve_date(span.text, published)):
            return resolved
    return None


def _date_in(clause):
    inside = range(clause.left_edge.i, clause.right_edge.i + 1)
    return next((e for e in clause.doc.ents if e.label_ == "DATE" and e.start in inside), None)


def _after_an_earlier_figure(clause) -> bool:
    """ "seized 21 vehicles, up from 14 when the agency last reported on 3 March": the clause dates the 14
    (service/dates.py), not the sentence."""
    when = next((c for c in clause.children if c.lower_ == "when"), None)
    before = clause.doc[when.i - 1] if when is not None else None
    return before is not None and before.like_num and before.head.lower_ == "from"


def _opens_with_when(clause) -> bool:
    return any(c.lower_ == "when" and c.i < clause.i for c in clause.children)


def _date_before(when):
    """The date right before ", when": "January 2009, when", "the 2011 stranding, when"."""
    doc = when.doc
    if when.i < 2 or doc[when.i - 1].text != ",":
        return None
    before = doc[when.i - 2]
    dated = [c for c in before.children if c.ent_type_ == "DATE"]
    return dated[0] if dated and not before.ent_type_ else before


TOLD_FROM_ANOTHER_DAY = re.compile(r"\b(?:earlier|before|later|previously)$", re.I)


def date_written_after(figure, published: str | None) -> str | None:
    """ "rose to three on 10 May and to four on 13 May", "up from 131 last week", "up from 44 in the week
    ending 1 February", "That compares with 142 streets on Wednesday 11 March and 318 on Friday 6 March": a
    date right after the figure (or its noun) is its own."""
    if figure is None or figure.i + 2 >= len(figure.doc):
        return None
    told = nlp.entity_of(figure.doc[figure.i + 1]) if opens_a_date(figure.doc[figure.i + 1]) else None
    if figure.head.lower_ == "from" and figure.doc[figure.i + 1].lower_ == "when":
        told = _date_in(figure.doc[figure.i + 1].head)  # "up from 57 when it wrote to customers last week"
    if figure.head.lower_ == "from" and told is not None and not TOLD_FROM_ANOTHER_DAY.search(told.text):
        # the count before a change: "last week" is a week before the article ("a week earlier" is not)
        return nlp.resolve_date(re.sub(r"(?i)^last week$", "a week ago", told.text), published)
    after = figure.i + 2 if figure.dep_ == "nummod" and figure.head.i == figure.i + 1 else figure.i + 1
    if after + 1 >= len(figure.doc):
        return None
    on, date = figure.doc[after], figure.doc[after + 1]  # "142 streets on Wednesday 11 March"
    if on.lower_ not in ("on", "by", "in") or not opens_a_date(date):
        return None
    return nlp.resolve_date(nlp.entity_of(date).text, published)


def moved_by(anchor, figure, published: str | None, found: str | None) -> tuple[int, str | None]:
    """ "a week later" on the figure's verb or its own words: (+7, "day"); "two days earlier", "the week
    before": -2, -7 days; "the year before": (-1, "year"); else 0 (also when the phrase already gave the
    date: "had stood at 118,200 a week earlier", a week before the article)."""
    own = {anchor.i} | ({t.i for t in [*figure.subtree, *figure.ancestors]} if figure is not None else set())
    for word in (t for t in anchor.doc if t.lower_ in ("later", "earlier", "before")):
        told_on = word
        span = next((c for c in word.children if c.dep_ == "npadvmod" and lemma(c) in SPANS_MOVED), None)
        if word.head.dep_ == "npadvmod" and lemma(word.head) in SPANS_MOVED:
            span, told_on = word.head, word.head  # "up from 212 the week before": "before" hangs on "week"
        if span is None or told_on.head.i not in own:
            continue
        entity = nlp.entity_of(word)
        # "the year before": before a year the sentence told, not the article's
        anaphoric = any(c.lower_ == "the" for c in span.children)
        if not anaphoric and entity is not None and nlp.resolve_date(entity.text, published) == found:
            continue
        count = next((c for c in span.children if c.dep_ in ("nummod", "det")), None)
        steps = nlp.how_many(count.lower_ if count is not None else None) * SPANS_MOVED[lemma(span)]
        return (steps if word.lower_ == "later" else -steps), "year" if lemma(span) == "year" else "day"
    return 0, None


SPANS_MOVED = {"day": 1, "week": 7, "fortnight": 14, "year": 1}  # days, or years


# "the agency reported 38 micrograms for the same day", "counted 1,746 incidents over the same twelve months"
SAME = r"\b(?:over|in|during|for|across)\s+the\s+same\s+(?:\w+\s+)?"
SAME_PERIOD = re.compile(SAME + r"(?:period|year|quarter|fortnight|months?|weeks?|days?)\b", re.I)


def dated_as_before(claims: list[Claim], before: list[Claim]) -> list[Claim]:
    """A figure "for the same period" that its own words do not date holds for the period that the last
    sentence with figures before it, in its article, dates its main (first) figure by: not "up from 1,029
    the year before"."""
    docs = {c.doc_id for c in claims}
    lender = next((c for c in before if c.date_stated and c.date and c.doc_id in docs), None)
    if lender is None:
        return claims
    same = {"date": lender.date, "date_stated": True}
    return [
        c.model_copy(update=same) if not c.date_stated and SAME_PERIOD.search(c.quote) else c for c in claims
    ]
