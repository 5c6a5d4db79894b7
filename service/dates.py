"""When a figure holds, read off spaCy's parse (service/clauses.py finds the figure's clause): a DATE of
the clause that names a point in time, else one on the reporting verb above it ("said on Tuesday"),
else the date a fact-box line opens with ("Wednesday 13 May: 9 more, taking the total to 15"),
resolved against the article's date; durations and "since…" are not dates; a span "between" two, its end.
A date the sentence ties to the figure some other way counts first: a "when" clause's ("since 2019, when
27 people were killed"), the figure's own phrase ("up from 23 on Wednesday"), the event a relative clause
hangs on, the first of coordinated clauses."""

from __future__ import annotations

import re
from datetime import date, timedelta

from . import nlp
from .clauses import GIVING, PUBLISHED, REPORTING, VALUING, clause_of, lemma, told_of_themselves
from .when_clause import date_written_after, moved_by, opens_a_date, when_clause_date

TIME_PREPOSITIONS = frozenset("after before following since until by".split())

# a fact box's line or a live blog's entry: "Wednesday 13 May: …", a timeline's "June 8, 12:15: …"
DATE_LABEL = re.compile(r"\W*([^:\n]{3,30}?)(?:,?\s*\d{1,2}[:.]\d{2})?:\s")


def date_of(anchor, noun, published: str | None, figure=None) -> tuple[str | None, bool]:
    """When the figure holds (see _date_of), moved by "a week later" ("announced at €4.5m on 10 February,
    then increased to €7.2m a week later"), "three days earlier" or "the year before" on its own words."""
    found, stated = _date_of(anchor, noun, published, figure)
    moved, span = moved_by(anchor, figure, published, found)
    if moved and stated and found and span == "year" and len(found) == 4:
        return str(int(found) + moved), True  # "1,184 incidents in 2025, up from 1,029 the year before"
    if moved and stated and found and span != "year" and len(found) == 10:
        return (date.fromisoformat(found) + timedelta(days=moved)).isoformat(), True
    return found, stated


def _date_of(anchor, noun, published: str | None, figure=None) -> tuple[str | None, bool]:
    """When the figure holds: a date of its clause, of the event that is the clause's subject ("the 2009
    crash killed 31"), of the event a relative clause hangs on ("the 2009 collision, in which 31 died"),
    else one on the reporting verb above ("said on Tuesday"), else the article's date. A date that goes
    with another figure ("up from 88 on Wednesday") is that figure's: first the figure's own phrases."""
    if (written := date_written_after(figure, published)) is not None:
        return written, True
    tokens = _own_phrases(figure) + clause_of(anchor, noun)
    if lemma(anchor) in REPORTING and (told := told_of_themselves(anchor)) is not None:
        tokens += clause_of(told, None)  # "told police they had lost money to a scam call in 2025"
    now = _holds_now(anchor)
    if now and noun is not None:
        tokens = _without_who_they_are(tokens, noun)
    if (when := when_clause_date(anchor, published)) is not None:
        return when, True
    relative = _first_of_conjuncts(anchor)  # "in which 19 riders fell and six were taken to hospital"
    if relative.dep_ == "relcl":  # "the 2011 floods, which killed 1,300 people"; "…, a tremor that killed"
        holder = _noun_phrase_top(relative.head.head if relative.head.dep_ == "appos" else relative.head)
        inside = {t.i for t in relative.subtree}
        tokens = [t for t in holder.subtree if t.i not in inside] + tokens + _dated_verb_of(holder)
    tokens += _result_of(anchor) + _hung_by_which(anchor)
    if not now:  # "the plant, which opened in 1958, employs 620"
        tokens += _subject_tokens(anchor, noun)
    tokens += _first_conjunct(anchor) + _during(anchor, noun) + _after_a_past_year(anchor, published)
    if lemma(anchor) in GIVING | REPORTING | VALUING:  # "published on 12 February a figure of 6,214 for 2025"
        tokens = sorted(tokens, key=lambda t: (not _the_period_told(t), not _after_what_is_valued(t, anchor)))
    # "960,000 returns for 2025 were still outstanding": now, whatever year they are for
    still = any(c.lower_ == "still" for c in [*anchor.children, *anchor.head.children])
    for token in tokens:
        if resolved := _untagged_date(token, published):
            return resolved, True
        if opens_a_date(token):
            span = next(e for e in token.doc.ents if e.start == token.i)
            if span.root.head.lower_ in nlp.SPAN_OPENERS and not (_the_period_told(token) and not still):
                continue  # "since Monday", "for three days"; not "for January 2026", what the figure is for
            if _opens_a_span(span.root, anchor):
                continue  # "388 cancelled between the closure on Wednesday and the reopening today"
            if _goes_with_another_figure(span.root, anchor, figure) or _dates_a_cause(span.root):
                continue
            if _dates_one_of_them(span.root) or _dates_what_it_is_under(span.root):
                continue
            if resolved := nlp.resolve_date(_span_end(span), published):
                return resolved, True
    reporting = [verb for verb in anchor.ancestors if verb.pos_ == "VERB" and lemma(verb) in REPORTING]
    # "the ministry said on Tuesday that 340 had died", "published an analysis on Sunday suggesting"
    for verb in [*reporting, *map(given_out_with, reporting), colon_report(anchor)]:
        if verb is not None and (resolved := _date_on(verb, published)):
            return resolved, True
    # "In 2014, the council closed four libraries, saying the move would save £600,000": then, too
    for verb in (v.head for v in reporting if v.dep_ == "advcl" and v.tag_ == "VBG"):
        if (resolved := _date_on(verb, published)) and resolved[:4] < (published or "")[:4]:
            return resolved, True
    if (label := DATE_LABEL.match(anchor.doc.text)) and (resolved := nlp.resolve_date(label[1], published)):
        return resolved, True  # "Wednesday 13 May: 9 more, taking the total to 15"
    opening = _date_the_sentence_opens_on(anchor.doc)  # "In 1987 rabies spread … and killed eight"
    if opening is not None and (resolved := nlp.resolve_date(opening, published)):
        return resolved, True
    return published, False


def _span_end(span) -> str:
    """ "Between January 2022 and October 2025" (two dates to the tagger): its end, when a count is whole."""
    doc, after = span.doc, span.end
    if span.text.lower().startswith("between ") and after + 1 < len(doc) and doc[after].lower_ == "and":
        return next((e.text for e in doc.ents if e.start == after + 1 and e.label_ == "DATE"), span.text)
    return span.text


def _without_who_they_are(tokens: list, noun) -> list:
    """A count that holds now ("has written to 4,300 people who had treatment between August 2024 and
    February"): its noun's relative clause says who the people are, not when the count holds."""
    told = {t.i for c in noun.children if c.dep_ == "relcl" for t in c.subtree}
    return [t for t in tokens if t.i not in told]


def _after_what_is_valued(token, verb) -> bool:
    """ "put the number of assaults on shopworkers last year at 410": the period of what is valued."""
    valued = next((c for c in verb.children if c.dep_ == "dobj"), None)
    return lemma(verb) in VALUING and valued is not None and token.i > valued.i


def _the_period_told(token) -> bool:
    """A date opened by "for" ("for 2025", "for March") or "during" ("During 2025 the trust asked for 3,060
    charges to be cancelled"): the span a figure is for, not when told."""
    span = nlp.entity_of(token) if opens_a_date(token) else None
    opened = span is not None and span.root.head.lower_ in ("for", "during", "throughout")
    return opened and bool(nlp.POINT_IN_TIME.search(span.text))


def _date_the_sentence_opens_on(doc) -> str | None:
    """ "In 1987 rabies spread from foxes to dogs … and killed eight people": with no comma after the year,
    the parser makes the opening "In" the root and hangs nothing on it; its date is the whole sentence's,
    as is a date set off by a comma at its start that the parser hangs on nothing the figure has."""
    opening = next((e for e in doc.ents if e.start == 0 and e.label_ == "DATE"), None)
    if opening is not None and opening.end < len(doc) and doc[opening.end].text == ",":
        return opening.text  # "Last August, when I swam my first race there, …, the water was 21 degrees"
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    if root is None:
        return None
    if root.i > 1 or root.pos_ != "ADP":
        fronted = (e for e in doc.ents if e.label_ == "DATE" and _fronted(e, root))
        return next((e.text for e in fronted), None)
    span = next((e for e in doc.ents if e.start == root.i + 1 and e.label_ == "DATE"), None)
    return span.text if span is not None else None


def _fronted(date, root) -> bool:
    """ "In 2022, the commission recorded 502 people turned away", "At the last election, in 2022, …",
    "During 2025 the trust asked its contractor to cancel 3,060 charges": a date set off by a comma, or
    opening the sentence, before the main verb's subject dates all the sentence says."""
    subject = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    on_root = date.root.dep_ == "pobj" and date.root.head.head.i == root.i
    opening = date.start == 1 and date.doc[0].lower_ in ("in", "during", "throughout")
    set_off = opening or (date.end < len(date.doc) and date.doc[date.end].text == ",")
    return on_root and set_off and subject is not None and date.end < subject.i


def _date_on(verb, published: str | None) -> str | None:
    """A date the verb itself carries ("said on Tuesday", "gave its final figure on Thursday:")."""
    for token in verb.subtree:
        if (resolved := _untagged_date(token, published)) and _attached_to(token, verb):
            return resolved  # "returns for 2024/25 show"
        if opens_a_date(token) and _attached_to(token, verb):
            span = next(e for e in token.doc.ents if e.start == token.i)
            if resolved := nlp.resolve_date(span.text, published):
                return resolved
    return None


def _untagged_date(token, published: str | None) -> str | None:
    """A date the tagger does not call one: "on the 4th" (an ordinal), "in 2024/25" (a number)."""
    if _day_of_month(token):
        return nlp.resolve_date(f"the {token.text}", published)  # "By mid-afternoon on the 4th"
    return nlp.resolve_date(token.text, published) if nlp.SEASON.fullmatch(token.text) else None


def _day_of_month(token) -> bool:
    """ "on the 4th": a day of the month the tagger calls an ordinal."""
    on_the = [t.lower_ for t in token.doc[token.i - 2 : token.i]] == ["on", "the"]
    return token.ent_type_ == "ORDINAL" and token.text[:1].isdigit() and on_the


def _opens_a_span(date, anchor) -> bool:
    """The date is where a span a figure is counted over starts ("between … on Wednesday and …"): the
    count holds at its end, not its start ("up from 23 on Wednesday" is that day's)."""
    for token in date.ancestors:
        if token.i == anchor.i:
            return False
        if token.lower_ == "between" and token.dep_ == "prep":
            return True
    return False


def _dates_one_of_them(date) -> bool:
    """ "Twelve people have died, the latest on Monday", "the first on 3 March": the day of one of those
    counted, not of the count."""
    member = date.head.head if date.head.dep_ == "prep" else None
    return member is not None and member.dep_ == "npadvmod" and member.pos_ == "ADJ"


def _dates_what_it_is_under(date) -> bool:
    """ "612 dogs have been culled under the emergency order of 2 April": the day the order was made, from
    which the count runs; "ahead of the 14 April deadline": a limit to come. Not the count's day."""
    of = date.head if date.dep_ == "pobj" and date.head.lower_ == "of" else None
    named = date.dep_ in ("compound", "nmod", "nummod")  # "the 14 April deadline"
    thing = of.head if of is not None else (date.head if named else date)
    opener = thing.head.head if thing.dep_ == "pobj" and thing.head.lower_ == "of" else thing.head
    limits = ("ahead", "before") if named else ("under", "since") if of is not None else ()
    return thing.dep_ == "pobj" and opener.lower_ in limits


def _dates_a_cause(date) -> bool:
    """ "47 had died as a result of Monday's explosion": Monday is the explosion's, not the count's (not
    "up from 15 after Wednesday's handover": a time the figure is told against)."""
    thing = date.head
    return date.dep_ == "poss" and thing.dep_ == "pobj" and thing.head.lower_ not in TIME_PREPOSITIONS


def _holds_now(verb) -> bool:
    """In the present or the present perfect: "employs 620", "the petition launched on Monday has 3,800"."""
    present = ("VBZ", "VBP")
    return verb.tag_ in present or any(c.dep_ == "aux" and c.tag_ in present for c in verb.children)


def _own_phrases(figure) -> list:
    """The phrases on the figure, or on the "from" it follows ("up from 23 on Wednesday", "up from 640
    last Thursday"), or on a clause that tells when it was given."""
    if figure is None:
        return []
    holders = [figure, figure.head] if figure.dep_ == "pobj" else [figure]
    if _rose_from(figure):
        holders.append(figure.head.head)  # "down 3.9% from 1.81 million in the previous year"
    phrases = [c for h in holders for c in h.children if c.dep_ in ("prep", "npadvmod") and c.i > figure.i]
    # "from the €500,000 it announced on Wednesday", "up from the 1,100 announced on Monday"
    told = [c for c in figure.children if c.dep_ in ("relcl", "acl")]
    if figure.dep_ == "nummod" and figure.head.dep_ == "ROOT" and figure.head.pos_ in ("NOUN", "PROPN"):
        told += [c for c in figure.head.children if c.dep_ == "acl"]  # "€7.2m — the fund, raised on 17 Feb"
    phrases += [c for verb in told for c in verb.children if c.dep_ in ("prep", "npadvmod")]
    return [t for c in phrases if c.lower_ != "of" for t in c.subtree]  # "61 of those taken on Monday"


def _dated_verb_of(holder) -> list:
    """The dates on the verb whose object or phrase a relative clause's noun is: "fined the bank in 2024
    over a breach that affected 700,000 customers" (the breach is no later than the fine); or on the verb
    that verb completes ("In 2011 he was first to reach the tram at Farrow Bridge, where 12 were hurt")."""
    verb = holder.head.head if holder.dep_ == "pobj" else holder.head
    if verb.pos_ != "VERB" or lemma(verb) in REPORTING:
        return []
    verbs = [verb, verb.head] if verb.dep_ == "xcomp" and lemma(verb.head) not in REPORTING else [verb]
    phrases = [c for v in verbs for c in v.children if c.dep_ in ("prep", "npadvmod")]
    phrases = [phrase for phrase in phrases if holder not in phrase.subtree]
    return [t for phrase in phrases for t in phrase.subtree if t.ent_type_ == "DATE"]


def _result_of(anchor) -> list:
    """The phrases of the event a participle tells the result of ("the tower collapsed in 2019, killing
    27 people": 2019 is when the 27 died), not its other clauses."""
    if anchor.dep_ != "advcl" or anchor.tag_ != "VBG" or anchor.head.pos_ != "VERB":
        return []
    events = [anchor.head]
    if anchor.head.dep_ == "conj":  # "In 1998 the ferry caught fire and sank, killing 412": both verbs'
        events.append(anchor.head.head)
    phrases = [c for event in events for c in event.children if c.dep_ == "prep" and c.i != anchor.i]
    return [t for phrase in phrases for t in phrase.subtree]


def _first_of_conjuncts(verb):
    for _ in range(6):
        if verb.dep_ != "conj" or verb.head.pos_ not in ("VERB", "AUX"):
            break
        verb = verb.head
    return verb


def _hung_by_which(anchor) -> list:
    """ "referred to the outbreak at Marrowdale in 2019, in which 47 fell ill and six died": a relative
    clause the parser hangs on the verb before; that verb's dates are those of the noun it is about."""
    clause = _first_of_conjuncts(anchor)
    by_which = any(c.dep_ == "prep" and any(g.lower_ == "which" for g in c.children) for c in clause.children)
    if clause.dep_ != "advcl" or not by_which:
        return []
    phrases = [c for c in clause.head.children if c.dep_ in ("prep", "npadvmod") and c.i < clause.i]
    return [t for phrase in phrases for t in phrase.subtree if t.ent_type_ == "DATE"]


def _first_conjunct(anchor) -> list:
    """The phrases of the clause a coordinated clause follows ("In 2017, a coach came off the road, and 22
    people were killed": 2017 is when the 22 died), when the figure's own clause names no date; along a
    chain, every clause before it ("In 2022, the group broke in, stole … and demanded $20 million"); and
    the subject they share ("the outbreak in Halde in 2019 infected about 2,000 people and killed 41")."""
    phrases, current = [], anchor
    deps = ["prep", "npadvmod"]
    if not _holds_now(anchor) and not any(c.dep_ in ("nsubj", "nsubjpass") for c in anchor.children):
        deps += ["nsubj", "nsubjpass"]
    for _ in range(6):
        if current.dep_ != "conj" or current.head.pos_ not in ("VERB", "AUX"):
            break
        current = current.head
        phrases += [c for c in current.children if c.dep_ in deps and c.i < anchor.i]
    return [t for phrase in phrases for t in phrase.subtree]


def _noun_phrase_top(noun):
    """The head of the noun phrase a noun ends: "collision" for "Junction" in "the 2009 collision at
    Tarrow Junction", "derailment" for "Bridge" in "the 2011 derailment of a tram at Farrow Bridge"."""
    current = noun
    if noun.ent_type_ == "DATE":  # "the protests of 2024, when 70,000 marched": the date itself
        return noun
    for _ in range(4):
        at_place = current.head.lower_ in ("at", "in", "near", "on", "off", "outside", "of")
        if current.dep_ == "pobj" and at_place and current.head.head.pos_ in ("NOUN", "PROPN"):
            current = current.head.head
        elif current.dep_ in ("compound", "appos") and current.head.pos_ in ("NOUN", "PROPN"):
            current = current.head
        else:
            break
    return current


def _subject_tokens(anchor, noun) -> list:
    """The subject of the figure's verb when the figure is not in it: the event that did the counting
    ("Vesland's worst rail accident, at Holm Crossing in 1987, killed 22 people"). A past verb with no
    subject, hung on another clause, has that clause for its subject: "The last spill, at the Orrin Head
    works in 2019, killed 900 fish" (the parser reads "works" as the verb)."""
    found = []
    for child in anchor.children:
        if child.dep_ in ("nsubj", "nsubjpass"):
            subtree = list(child.subtree)
            if noun is None or all(t.i != noun.i for t in subtree):
                found += subtree
    if not found and anchor.dep_ == "advcl" and anchor.tag_ == "VBD":
        own = {t.i for t in anchor.subtree}
        found = [t for c in anchor.head.children if c.dep_ != "punct" for t in c.subtree if t.i not in own]
    return found


def _during(anchor, noun) -> list:
    """ "The highest reading during the smog of November 2025 was 298": what the figure holds during (an
    aside for its place) dates it."""
    holders = [anchor] if noun is None else [anchor, noun]
    return [
        t for h in holders for c in h.children if c.dep_ == "prep" and c.lower_ == "during" for t in c.subtree
    ]


def _after_a_past_year(anchor, published: str | None) -> list:
    """ "After the 2011 heatwave, the ministry reported 700 excess deaths": what follows an event of an
    earlier year is of that time, not the article's (not "after Wednesday's handover")."""
    phrases = [c for c in anchor.children if c.dep_ == "prep" and c.lower_ in ("after", "following")]
    years = [t for c in phrases for t in c.subtree if t.ent_type_ == "DATE" and nlp.YEAR_ONLY.match(t.text)]
    return [t for t in years if published and t.text < published[:4]]


NOT_FIGURES = ("DATE", "TIME", "ORDINAL")  # "after the first on Tuesday"


def _goes_with_another_figure(date_root, anchor, figure) -> bool:
    """The date hangs on a phrase that holds another number ("up from 88 on Wednesday", where the parser
    may hang "on Wednesday" on "up"), or right after one told against ("against 185 on March 11"), or
    holds one the parser hung on the date ("up from 23,000 a week earlier and 9,400 on 20 February")."""
    own = getattr(figure, "i", -1)
    hung = [t for t in date_root.subtree if t.i < date_root.i and t.i != own]  # not "… in space for 19,500"
    if any(t.like_num and t.ent_type_ not in NOT_FIGURES for t in hung):
        return True
    if figure is not None and _after_an_earlier_figure(date_root, figure):
        return True
    prior = date_root.doc[max((date_root.head if date_root.dep_ == "pobj" else date_root).i - 1, 0)]
    if prior.like_num and prior.dep_ == "pobj" and prior.head.lower_ == "against" and prior != figure:
        return True
    current = date_root.head
    for _ in range(6):
        if current.i == anchor.i or current.head.i == current.i:
            return False
        if figure is not None and current.i in (figure.i, figure.head.i):
            return False  # the figure's own phrase: "up from 15 after Wednesday's handover and six after …"
        if figure is not None and current.dep_ == "acl" and current.head.i == figure.head.i:
            return False  # "€7.2m — the fund, raised on 17 February from the €4.5m …": what befell it then
        # "up from 120 bags a week earlier": the number is its object's
        phrases = [g for c in current.children if c.dep_ in ("prep", "pobj") for g in c.children]
        near = [t for t in [current, *current.children, *phrases] if t.lower_ != "one"]  # "one": a pronoun
        if any(t.like_num and t.ent_type_ not in NOT_FIGURES and t.i != own for t in near):
            return True
        current = current.head
    return False


def _after_an_earlier_figure(date_root, figure) -> bool:
    """ "8,150 people have signed – up from 4,800 in the first fortnight in February": a date right after
    the figure a count rose from is that figure's, wherever the parser hangs it."""
    doc = date_root.doc
    start = min(t.i for t in date_root.subtree)
    for token in doc[figure.i + 1 : start]:
        between = doc[token.i + 1 : start]
        if token.like_num and _rose_from(token) and not any(t.is_punct or t.pos_ == "VERB" for t in between):
            return True
    return False


def _rose_from(token) -> bool:
    """The token is what a count went up or down from: "up from 23", "down 3.9% from 1.81 million"."""
    return token.dep_ == "pobj" and token.head.lower_ == "from" and token.head.head.lower_ in ("up", "down")


def given_out_with(verb):
    """ "X published an analysis on Sunday suggesting …", "released a report showing …": the verb that gave
    out what a participle says reports (its subject says so, on its date)."""
    if verb.tag_ != "VBG" or verb.dep_ not in ("advcl", "acl"):
        return None
    giver = verb.head if verb.dep_ == "advcl" else verb.head.head if verb.head.dep_ == "dobj" else None
    return giver if giver is not None and giver.pos_ == "VERB" and lemma(giver) in GIVING else None


def _attached_to(token, verb) -> bool:
    """The date hangs on the verb directly or through prepositions ("said on Tuesday", "said in a
    statement on Saturday evening")."""
    head = token.head
    for _ in range(5):
        if head.i == verb.i:
            return True
        if head.pos_ not in ("ADP", "PROPN", "NOUN"):
            return False
        head = head.head
    return False


def colon_report(anchor):
    """The verb of a clause that reports what follows its colon ("The agency gave its final figure: 37
    people were treated", "The ministry released its figures on Monday: 40 were killed"), however the
    parser hangs the two together; None when the clause before the colon is no report or holds a figure."""
    colons = [t for t in anchor.sent if t.text == ":" and t.i < anchor.i]
    if not colons:
        return None
    colon = colons[-1]
    before = [t for t in anchor.sent if t.i < colon.i]
    heads = [t for t in before if t.head.i == t.i or t.head.i > colon.i]  # the clause's own verb
    verb = heads[0] if len(heads) == 1 else None
    figures = any(t.like_num and t.ent_type_ not in ("DATE", "TIME") for t in before)
    if verb is None or verb.pos_ != "VERB" or figures:
        return None
    published = any(c.dep_ == "dobj" and lemma(c) in PUBLISHED for c in verb.children)
    return verb if published or lemma(verb) in REPORTING else None
